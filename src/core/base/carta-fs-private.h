/* carta-fs-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "carta-fs.h"

G_BEGIN_DECLS

/* Low-level steps of durable writes, shared by the store, the importer
 * and the bundle reader. Each returns FALSE with errno set, so callers
 * word the error for what they were doing. */
gboolean _carta_write_all  (int          fd,
                            const void  *data,
                            gsize        length);
gboolean _carta_fsync_dir  (const char  *path);

/* These set @error, worded by @format for the path and the reason. */
gboolean _carta_set_io_error (GError     **error,
                              int          saved_errno,
                              const char  *format,
                              const char  *path);

gboolean _carta_fsync_parent (const char  *path,
                              const char  *format,
                              GError     **error);

/* Temporaries: a writer locks its own, and what no one holds is stale. */
void     _carta_lock_temporary           (int          fd);
guint    _carta_remove_stale_temporaries (const char  *dir,
                                          const char  *prefix,
                                          const char  *suffix);

/* Called after the new contents are written and synced to the temporary
 * file, before it replaces the file: tests inject failures here. */
typedef gboolean (*CartaWriteHook) (const char  *temp_path,
                                    gpointer     user_data,
                                    GError     **error);

/* Writes @data to @path atomically and durably, with mode 0600: a
 * temporary file beside it, fsync, rename, fsync of the folder. With
 * @backup, the previous version stays as `path.bak`. */
gboolean _carta_write_file_atomic (const char      *path,
                                   const char      *data,
                                   gsize            length,
                                   gboolean         backup,
                                   CartaWriteHook   hook,
                                   gpointer         hook_data,
                                   GError         **error);

int      _carta_open_beneath (const char  *root,
                              const char  *relative);

/* A file name as a message may show it: UTF-8, control characters as "?". */
char    *_carta_display_name (const char  *filename);

/* Passphrases, passwords and tokens are wiped from memory once used. */
void     _carta_secret_wipe  (char   *secret);
void     _carta_secret_free  (char   *secret);
void     _carta_secret_clear (char  **secret);

G_END_DECLS

/* carta-fs.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Removes @file and, for a folder, everything in it; links are removed,
 * never followed. */
gboolean carta_fs_delete_recursive (GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean carta_fs_remove_tree      (const char    *path);

char    *carta_fs_get_opened_copies_dir (void);

G_END_DECLS

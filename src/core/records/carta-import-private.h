/* carta-import-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-import.h"

G_BEGIN_DECLS

#define CARTA_BLOBS_DIR "blobs"
#define CARTA_DISCS_DIR "discs"
/* Beside discs/<id>/: the `sha256sum` manifest of the copied folder. */
#define CARTA_DISC_MANIFEST_SUFFIX ".sha256"

/* A regular file found inside a folder. */
typedef struct
{
  char    *relative;   /* path below the folder, as on disk */
  char    *path;       /* the file to open: no symbolic link left in it */
  guint64  size;
} CartaFolderEntry;

void       _carta_folder_entry_free (CartaFolderEntry  *entry);

/* Lists the regular files below @root (sorted, hidden files skipped).
 * Symbolic links are followed only to regular files inside @root;
 * others, and special files, are added to @problems as GErrors. */
GPtrArray *_carta_walk_folder       (const char        *root,
                                     GPtrArray         *problems,
                                     GCancellable      *cancellable,
                                     GError           **error);

/* Imports and the clean-up pass on one case folder exclude each other:
 * an import's copies are not yet named by the case until its caller has
 * taken the result, so a clean-up then would remove them. An import
 * counts from its start until its result is freed. Returns FALSE, and
 * nothing may be removed, while an import of @case_path runs; otherwise
 * imports wait until _carta_import_end_cleanup(). */
gboolean   _carta_import_begin_cleanup (const char *case_path);
void       _carta_import_end_cleanup   (const char *case_path);

G_END_DECLS

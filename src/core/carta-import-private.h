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

G_END_DECLS

/* carta-zip-directory-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry of a ZIP file's central directory. */
typedef struct
{
  char    *name;          /* as stored, NUL-terminated */
  guint64  compressed;
  guint64  size;          /* unpacked */
  guint64  offset;        /* of its local header */
  guint64  central;       /* of its header in the central directory */
  guint32  crc;
  guint16  flags;
} CartaZipEntry;

/* The central directory, its entries in the order of their data. */
typedef struct
{
  GArray  *entries;       /* of CartaZipEntry */
  guint64  total_size;    /* of all entries, unpacked */
  guint64  directory_offset;
  guint64  directory_size;
  guint64  end_position;  /* of the end records (ZIP64 ones first) */
  guint64  eocd_position; /* of the classic end record */
  gboolean zip64_end;     /* whether there is a ZIP64 end record */
} CartaZipDirectory;

CartaZipDirectory *_carta_zip_directory_read (int           fd,
                                              guint64       file_size,
                                              guint         max_entries,
                                              GError      **error);
void               _carta_zip_directory_free (CartaZipDirectory *directory);
gboolean           _carta_zip_entry_is_encrypted (const CartaZipEntry *entry);
gboolean           _carta_zip_complete_local_headers (int       fd,
                                                      gboolean  aes_without_crc,
                                                      GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CartaZipDirectory, _carta_zip_directory_free)

G_END_DECLS

/* carta-zip-directory.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carta-error.h"
#include "carta-zip-directory-private.h"

/* libarchive reads a bundle front to back and never looks at the central
 * directory, so a ZIP cut short or with a forged directory would pass
 * where unzip, 7-Zip and Python refuse it. This reads the directory as
 * those do, checks it against the file, and gives the reader the sizes
 * every entry declares before a byte is unpacked. */

#define EOCD_SIGNATURE     0x06054b50
#define EOCD_SIZE          22
#define ZIP64_LOCATOR_SIG  0x07064b50
#define ZIP64_LOCATOR_SIZE 20
#define ZIP64_EOCD_SIG     0x06064b50
#define ZIP64_EOCD_SIZE    56
#define CENTRAL_SIGNATURE  0x02014b50
#define CENTRAL_SIZE       46
#define LOCAL_SIGNATURE    0x04034b50
#define LOCAL_SIZE         30
/* A data descriptor: signature, CRC and two 64-bit sizes. */
#define MAX_DESCRIPTOR     24
/* The directory is held in memory while it is read. */
#define MAX_DIRECTORY      (64 * 1024 * 1024)

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) | ((guint32)p[3] << 24);
}

static guint64
le64 (const guint8 *p)
{
  return le32 (p) | ((guint64)le32 (p + 4) << 32);
}

static gboolean
directory_damaged (GError     **error,
                   const char  *reason)
{
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
               _("The bundle is damaged and cannot be read: %s"), reason);
  return FALSE;
}

static gboolean
read_at (int       fd,
         guint8   *buffer,
         gsize     length,
         guint64   offset,
         GError  **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = pread (fd, buffer + done, length - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return directory_damaged (error, _("it ends before its table of contents does"));
      done += n;
    }

  return TRUE;
}

static void
zip_entry_clear (CartaZipEntry *entry)
{
  g_free (entry->name);
}

void
_carta_zip_directory_free (CartaZipDirectory *directory)
{
  if (directory == NULL)
    return;
  g_array_unref (directory->entries);
  g_free (directory);
}

gboolean
_carta_zip_entry_is_encrypted (const CartaZipEntry *entry)
{
  return (entry->flags & 1) != 0;
}

/* Where the end record is: it must close the file, its comment running
 * exactly to the last byte. */
static gboolean
find_end_record (int       fd,
                 guint64   file_size,
                 guint64  *position,
                 guint8    record[EOCD_SIZE],
                 GError  **error)
{
  gsize tail_len = MIN (file_size, (guint64)EOCD_SIZE + G_MAXUINT16);
  g_autofree guint8 *tail = NULL;

  if (file_size < EOCD_SIZE)
    return directory_damaged (error, _("it is too short to be a ZIP file"));

  tail = g_malloc (tail_len);
  if (!read_at (fd, tail, tail_len, file_size - tail_len, error))
    return FALSE;

  for (gsize i = tail_len - EOCD_SIZE + 1; i-- > 0;)
    if (le32 (tail + i) == EOCD_SIGNATURE && i + EOCD_SIZE + le16 (tail + i + 20) == tail_len)
      {
        *position = file_size - tail_len + i;
        memcpy (record, tail + i, EOCD_SIZE);
        return TRUE;
      }

  return directory_damaged (error, _("its end record is missing, so it was cut short or is not a ZIP file"));
}

/* The ZIP64 end record, for directories too large for the classic one. */
static gboolean
read_zip64_end (int       fd,
                guint64   eocd_position,
                guint64  *entries,
                guint64  *directory_size,
                guint64  *directory_offset,
                guint64  *end_position,
                GError  **error)
{
  guint8 locator[ZIP64_LOCATOR_SIZE];
  guint8 record[ZIP64_EOCD_SIZE];
  guint64 position;

  if (eocd_position < ZIP64_LOCATOR_SIZE ||
      !read_at (fd, locator, sizeof locator, eocd_position - ZIP64_LOCATOR_SIZE, error) ||
      le32 (locator) != ZIP64_LOCATOR_SIG)
    return directory_damaged (error, _("its end record is inconsistent"));

  position = le64 (locator + 8);
  if (position > eocd_position - ZIP64_LOCATOR_SIZE - ZIP64_EOCD_SIZE ||
      !read_at (fd, record, sizeof record, position, error) ||
      le32 (record) != ZIP64_EOCD_SIG ||
      le32 (record + 16) != 0 || le32 (record + 20) != 0 ||
      le64 (record + 24) != le64 (record + 32))
    return directory_damaged (error, _("its end record is inconsistent"));

  *entries = le64 (record + 32);
  *directory_size = le64 (record + 40);
  *directory_offset = le64 (record + 48);
  *end_position = position;
  return TRUE;
}

/* The sizes and offset a ZIP64 extra field gives for the ones marked
 * 0xFFFFFFFF in the header, in this order. */
static gboolean
apply_zip64_extra (CartaZipEntry *entry,
                   const guint8  *extra,
                   gsize          extra_len)
{
  gboolean want_size = entry->size == G_MAXUINT32;
  gboolean want_compressed = entry->compressed == G_MAXUINT32;
  gboolean want_offset = entry->offset == G_MAXUINT32;

  for (gsize at = 0; at + 4 <= extra_len;)
    {
      guint16 id = le16 (extra + at);
      guint16 len = le16 (extra + at + 2);
      const guint8 *data = extra + at + 4;
      gsize used = 0;

      if (at + 4 + len > extra_len)
        return FALSE;

      if (id == 0x0001)
        {
          if (want_size && used + 8 <= len)
            entry->size = le64 (data + used), used += 8, want_size = FALSE;
          if (want_compressed && used + 8 <= len)
            entry->compressed = le64 (data + used), used += 8, want_compressed = FALSE;
          if (want_offset && used + 8 <= len)
            entry->offset = le64 (data + used), used += 8, want_offset = FALSE;
        }

      at += 4 + len;
    }

  return !want_size && !want_compressed && !want_offset;
}

static gint
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const CartaZipEntry *x = a;
  const CartaZipEntry *y = b;

  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Each entry's local header is where the directory says, with its name,
 * and its data ends before the next entry begins: entries that overlap
 * would unpack the same bytes many times over. */
static gboolean
check_local_headers (int                 fd,
                     CartaZipDirectory  *directory,
                     guint64             directory_offset,
                     GError            **error)
{
  g_autofree guint8 *name = NULL;
  gsize name_room = 0;

  for (guint i = 0; i < directory->entries->len; i++)
    {
      CartaZipEntry *entry = &g_array_index (directory->entries, CartaZipEntry, i);
      guint64 limit = i + 1 < directory->entries->len
        ? g_array_index (directory->entries, CartaZipEntry, i + 1).offset : directory_offset;
      gsize name_len = strlen (entry->name);
      guint8 header[LOCAL_SIZE];
      guint64 data_start;

      if (entry->offset > directory_offset || directory_offset - entry->offset < LOCAL_SIZE ||
          !read_at (fd, header, sizeof header, entry->offset, error) ||
          le32 (header) != LOCAL_SIGNATURE || le16 (header + 26) != name_len)
        return directory_damaged (error, _("its table of contents does not match the files in it"));

      if (name_len > name_room)
        {
          name_room = name_len;
          name = g_realloc (name, name_room);
        }
      data_start = entry->offset + LOCAL_SIZE + name_len + le16 (header + 28);
      if (data_start > limit ||
          !read_at (fd, name, name_len, entry->offset + LOCAL_SIZE, error) ||
          memcmp (name, entry->name, name_len) != 0)
        return directory_damaged (error, _("its table of contents does not match the files in it"));

      if (entry->compressed > limit - data_start)
        return directory_damaged (error, _("two of its entries overlap"));

      /* Between one entry and the next, at most a data descriptor: nothing
       * the directory does not list may hide there. */
      if (limit - data_start - entry->compressed > MAX_DESCRIPTOR || (i == 0 && entry->offset != 0))
        return directory_damaged (error, _("it holds data its table of contents does not list"));
    }

  return TRUE;
}

/* Reads the directory's entries from @data, @length bytes. */
static gboolean
parse_entries (CartaZipDirectory  *directory,
               const guint8       *data,
               gsize               length,
               guint64             n_entries,
               GError            **error)
{
  gsize at = 0;

  for (guint64 i = 0; i < n_entries; i++)
    {
      CartaZipEntry entry = { NULL, };
      const guint8 *header = data + at;
      gsize name_len, extra_len, comment_len;

      if (length - at < CENTRAL_SIZE || le32 (header) != CENTRAL_SIGNATURE)
        return directory_damaged (error, _("its table of contents is damaged"));

      name_len = le16 (header + 28);
      extra_len = le16 (header + 30);
      comment_len = le16 (header + 32);
      if (length - at - CENTRAL_SIZE < name_len + extra_len + comment_len)
        return directory_damaged (error, _("its table of contents is damaged"));

      entry.central = directory->directory_offset + at;
      entry.flags = le16 (header + 8);
      entry.crc = le32 (header + 16);
      entry.compressed = le32 (header + 20);
      entry.size = le32 (header + 24);
      entry.offset = le32 (header + 42);
      if (le16 (header + 34) != 0 && le16 (header + 34) != G_MAXUINT16)
        return directory_damaged (error, _("it is split over several files"));
      if (!apply_zip64_extra (&entry, header + CENTRAL_SIZE + name_len, extra_len))
        return directory_damaged (error, _("its table of contents is damaged"));

      entry.name = g_strndup ((const char *)header + CENTRAL_SIZE, name_len);
      g_array_append_val (directory->entries, entry);

      if (entry.size > G_MAXUINT64 - directory->total_size)
        return directory_damaged (error, _("its table of contents is damaged"));
      directory->total_size += entry.size;

      at += CENTRAL_SIZE + name_len + extra_len + comment_len;
    }

  /* Nothing may hide between the last entry and the end records. */
  if (at != length)
    return directory_damaged (error, _("its table of contents does not match the files in it"));

  return TRUE;
}

/**
 * _carta_zip_directory_read:
 * @fd: the open ZIP file
 * @file_size: its size
 * @max_entries: how many entries at most
 *
 * Reads and checks the central directory: one end record closing the
 * file, the directory right before it, each entry's local header where
 * the directory says, no two entries' data overlapping.
 *
 * Returns: (transfer full): the directory, or %NULL with @error set
 */
CartaZipDirectory *
_carta_zip_directory_read (int           fd,
                           guint64       file_size,
                           guint         max_entries,
                           GError      **error)
{
  g_autoptr(CartaZipDirectory) directory = g_new0 (CartaZipDirectory, 1);
  g_autofree guint8 *data = NULL;
  guint8 record[EOCD_SIZE];
  guint64 eocd_position;
  guint64 end_position;
  guint64 n_entries;
  guint64 directory_size;
  guint64 directory_offset;

  directory->entries = g_array_new (FALSE, TRUE, sizeof (CartaZipEntry));
  g_array_set_clear_func (directory->entries, (GDestroyNotify)zip_entry_clear);

  if (!find_end_record (fd, file_size, &eocd_position, record, error))
    return NULL;

  n_entries = le16 (record + 10);
  directory_size = le32 (record + 12);
  directory_offset = le32 (record + 16);
  end_position = eocd_position;

  if (n_entries == G_MAXUINT16 || directory_size == G_MAXUINT32 || directory_offset == G_MAXUINT32)
    {
      if (!read_zip64_end (fd, eocd_position, &n_entries, &directory_size, &directory_offset,
                           &end_position, error))
        return NULL;
      directory->zip64_end = TRUE;
    }
  else if (le16 (record + 4) != 0 || le16 (record + 6) != 0)
    {
      directory_damaged (error, _("it is split over several files"));
      return NULL;
    }
  else if (le16 (record + 8) != n_entries)
    {
      directory_damaged (error, _("its end record is inconsistent"));
      return NULL;
    }

  if (n_entries > max_entries)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                   /* TRANSLATORS: %u is a number of files, such as 200000 */
                   _("This file is not a safe Carta bundle and was not opened: it holds more than %u files"),
                   max_entries);
      return NULL;
    }

  /* The directory sits right before the end records, as every writer puts it. */
  if (directory_offset > end_position || end_position - directory_offset != directory_size)
    {
      directory_damaged (error, _("its table of contents is cut short or not where its end record says"));
      return NULL;
    }

  if (directory_size > MAX_DIRECTORY)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                   _("This file is not a safe Carta bundle and was not opened: its table of contents is far too large"));
      return NULL;
    }

  directory->directory_offset = directory_offset;
  directory->directory_size = directory_size;
  directory->end_position = end_position;
  directory->eocd_position = eocd_position;

  data = g_malloc (MAX (directory_size, 1));
  if (!read_at (fd, data, directory_size, directory_offset, error) ||
      !parse_entries (directory, data, directory_size, n_entries, error))
    return NULL;

  g_array_sort (directory->entries, compare_offsets);
  if (!check_local_headers (fd, directory, directory_offset, error))
    return NULL;

  return g_steal_pointer (&directory);
}

/* Completing the local headers libarchive writes.
 *
 * libarchive (3.6 and since) writes every file entry with bit 3 set, no
 * CRC in its local header and a data descriptor after its data ("we may
 * know the size, but never the CRC"), and it has no option to do
 * otherwise, nor a way to hand it a CRC before the data. Streaming
 * readers that trust the local header refuse that for stored entries:
 * Java's ZipInputStream, which hospital importers use, stops with "only
 * DEFLATED entries can have EXT descriptor". It also writes WinZip AES
 * entries of 20 bytes and more as AE-1, whose CRC-32 of the plain text
 * stays readable without the passphrase.
 *
 * So once libarchive has closed the file, this pass completes each local
 * header from the central directory, which libarchive wrote with the
 * CRC and sizes: the CRC and both sizes go into it, bit 3 goes, and the
 * data descriptor goes too. The data itself never moves: each local
 * header after the first moves back over the descriptor before it,
 * which it fills with a padding extra field (ID 0xD935, the one
 * Android's zipalign uses, which every reader skips). The central
 * directory moves back over the last descriptor, with the new offsets.
 * With @aes_without_crc, WinZip AES entries become AE-2, without CRC.
 * Only headers are written, a few bytes per entry, and everything is
 * checked against the directory read with all of the checks above. */

#define PADDING_EXTRA_ID 0xd935
#define ZIP64_EXTRA_ID   0x0001
#define AES_EXTRA_ID     0x9901
#define AES_VENDOR_AE2   2
#define FLAG_DESCRIPTOR  (1 << 3)

static void
put16 (guint8  *p,
       guint16  v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put32 (guint8  *p,
       guint32  v)
{
  put16 (p, v & 0xffff);
  put16 (p + 2, v >> 16);
}

static void
put64 (guint8  *p,
       guint64  v)
{
  put32 (p, v & 0xffffffff);
  put32 (p + 4, v >> 32);
}

/* The data of the extra block @id in @extra, or NULL. */
static guint8 *
find_extra (guint8  *extra,
            gsize    extra_len,
            guint16  id,
            gsize   *len)
{
  for (gsize at = 0; at + 4 <= extra_len;)
    {
      gsize block_len = le16 (extra + at + 2);

      if (at + 4 + block_len > extra_len)
        return NULL;
      if (le16 (extra + at) == id)
        {
          *len = block_len;
          return extra + at + 4;
        }
      at += 4 + block_len;
    }

  return NULL;
}

/* Turns a WinZip AES entry into AE-2; whether it is one. */
static gboolean
make_ae2 (guint8 *extra,
          gsize   extra_len)
{
  gsize len;
  guint8 *aes = find_extra (extra, extra_len, AES_EXTRA_ID, &len);

  if (aes == NULL || len < 7)
    return FALSE;
  put16 (aes, AES_VENDOR_AE2);
  return TRUE;
}

static gboolean
write_at (int            fd,
          const guint8  *buffer,
          gsize          length,
          guint64        offset,
          GError       **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = pwrite (fd, buffer + done, length - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                       saved_errno == ENOSPC
                         ? _("There is not enough space to save the bundle: %s")
                         : _("Could not write the bundle: %s"),
                       g_strerror (saved_errno));
          return FALSE;
        }
      done += n;
    }

  return TRUE;
}

static gboolean
not_completed (GError **error)
{
  g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_IO,
                       _("Could not write the bundle: its ZIP headers could not be completed"));
  return FALSE;
}

/* Rewrites the local header of @entry at @offset - @gap, its data
 * staying where it is. Returns where its data ends. */
static gboolean
complete_local_header (int                  fd,
                       const CartaZipEntry *entry,
                       guint64              gap,
                       gboolean             aes_without_crc,
                       guint64             *data_end,
                       GError             **error)
{
  gsize name_len = strlen (entry->name);
  g_autofree guint8 *header = NULL;
  guint8 fixed[LOCAL_SIZE];
  gsize extra_len;
  gsize length;
  guint8 *extra;
  guint32 crc = entry->crc;

  if (!read_at (fd, fixed, LOCAL_SIZE, entry->offset, error))
    return FALSE;
  extra_len = le16 (fixed + 28);
  /* A descriptor is 12 to 24 bytes: room for a padding block or none. */
  if ((gap != 0 && gap < 4) || gap > MAX_DESCRIPTOR || extra_len + gap > G_MAXUINT16)
    return not_completed (error);

  length = LOCAL_SIZE + name_len + extra_len + gap;
  header = g_malloc0 (length);
  if (!read_at (fd, header, LOCAL_SIZE + name_len + extra_len, entry->offset, error))
    return FALSE;
  extra = header + LOCAL_SIZE + name_len;

  if (aes_without_crc && make_ae2 (extra, extra_len))
    crc = 0;

  put16 (header + 6, le16 (header + 6) & ~FLAG_DESCRIPTOR);
  put32 (header + 14, crc);
  if (le32 (header + 18) == G_MAXUINT32 || le32 (header + 22) == G_MAXUINT32)
    {
      /* libarchive's ZIP64 block in a local header has both sizes. */
      gsize len;
      guint8 *zip64 = find_extra (extra, extra_len, ZIP64_EXTRA_ID, &len);

      if (zip64 == NULL || len < 16)
        return not_completed (error);
      put64 (zip64, entry->size);
      put64 (zip64 + 8, entry->compressed);
    }
  else if (entry->size >= G_MAXUINT32 || entry->compressed >= G_MAXUINT32)
    return not_completed (error);
  else
    {
      put32 (header + 18, entry->compressed);
      put32 (header + 22, entry->size);
    }

  if (gap > 0)
    {
      guint8 *padding = extra + extra_len;

      put16 (padding, PADDING_EXTRA_ID);
      put16 (padding + 2, gap - 4);
      put16 (header + 28, extra_len + gap);
    }

  *data_end = entry->offset + LOCAL_SIZE + name_len + extra_len + entry->compressed;
  return write_at (fd, header, length, entry->offset - gap, error);
}

/* Patches one entry's header in the central directory @cd (read from
 * @cd_offset) for its new @offset. */
static gboolean
complete_central_header (guint8              *cd,
                         gsize                cd_size,
                         guint64              cd_offset,
                         const CartaZipEntry *entry,
                         guint64              offset,
                         gboolean             aes_without_crc)
{
  guint8 *header = cd + (entry->central - cd_offset);
  gsize name_len = le16 (header + 28);
  gsize extra_len = le16 (header + 30);
  guint8 *extra = header + CENTRAL_SIZE + name_len;

  /* parse_entries() checked that it lies within the directory. */
  g_assert (entry->central - cd_offset + CENTRAL_SIZE + name_len + extra_len <= cd_size);

  put16 (header + 8, le16 (header + 8) & ~FLAG_DESCRIPTOR);
  if (aes_without_crc && make_ae2 (extra, extra_len))
    put32 (header + 16, 0);

  if (le32 (header + 42) == G_MAXUINT32)
    {
      gsize len;
      guint8 *zip64 = find_extra (extra, extra_len, ZIP64_EXTRA_ID, &len);
      gsize at = (le32 (header + 24) == G_MAXUINT32 ? 8 : 0) + (le32 (header + 20) == G_MAXUINT32 ? 8 : 0);

      if (zip64 == NULL || at + 8 > len)
        return FALSE;
      put64 (zip64 + at, offset);
    }
  else
    put32 (header + 42, offset);

  return TRUE;
}

/**
 * _carta_zip_complete_local_headers:
 * @fd: a ZIP file libarchive wrote and closed, open for reading and writing
 * @aes_without_crc: whether WinZip AES entries become AE-2, without CRC
 *
 * Gives every entry its CRC and sizes in its local header and no data
 * descriptor (see above), in place. The file gets shorter by the size of
 * the descriptors.
 *
 * Returns: %TRUE on success
 */
gboolean
_carta_zip_complete_local_headers (int        fd,
                                   gboolean   aes_without_crc,
                                   GError   **error)
{
  g_autoptr(CartaZipDirectory) directory = NULL;
  g_autofree guint64 *offsets = NULL;
  g_autofree guint8 *cd = NULL;
  g_autofree guint8 *end = NULL;
  guint64 data_end = 0;
  guint64 new_cd_offset;
  gsize end_len;
  GArray *entries;
  struct stat st;

  if (fstat (fd, &st) != 0)
    return not_completed (error);
  if (!(directory = _carta_zip_directory_read (fd, st.st_size, G_MAXUINT, error)))
    return FALSE;
  entries = directory->entries;
  offsets = g_new (guint64, MAX (entries->len, 1));

  for (guint i = 0; i < entries->len; i++)
    {
      const CartaZipEntry *entry = &g_array_index (entries, CartaZipEntry, i);
      /* check_local_headers() saw each entry begin after the last one's data. */
      guint64 gap = i == 0 ? 0 : entry->offset - data_end;

      offsets[i] = entry->offset - gap;
      if (!complete_local_header (fd, entry, gap, aes_without_crc, &data_end, error))
        return FALSE;
    }

  /* The central directory, then the end records, right after the data. */
  new_cd_offset = data_end;
  if (directory->directory_offset - new_cd_offset > MAX_DESCRIPTOR)
    return not_completed (error);
  cd = g_malloc (MAX (directory->directory_size, 1));
  if (!read_at (fd, cd, directory->directory_size, directory->directory_offset, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    if (!complete_central_header (cd, directory->directory_size, directory->directory_offset,
                                  &g_array_index (entries, CartaZipEntry, i), offsets[i], aes_without_crc))
      return not_completed (error);

  end_len = st.st_size - directory->end_position;
  end = g_malloc (end_len);
  if (!read_at (fd, end, end_len, directory->end_position, error))
    return FALSE;
  if (directory->zip64_end)
    {
      guint64 locator = directory->eocd_position - ZIP64_LOCATOR_SIZE - directory->end_position;

      put64 (end + 48, new_cd_offset);
      put64 (end + locator + 8, new_cd_offset + directory->directory_size);
    }
  if (le32 (end + (directory->eocd_position - directory->end_position) + 16) != G_MAXUINT32)
    put32 (end + (directory->eocd_position - directory->end_position) + 16, new_cd_offset);

  if (!write_at (fd, cd, directory->directory_size, new_cd_offset, error) ||
      !write_at (fd, end, end_len, new_cd_offset + directory->directory_size, error))
    return FALSE;

  if (ftruncate (fd, new_cd_offset + directory->directory_size + end_len) != 0)
    return not_completed (error);

  return TRUE;
}

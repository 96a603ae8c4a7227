/* carta-bundle-reader.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha1.h>
#include <string.h>
#include <unistd.h>

#include "carta-bundle-private.h"
#include "carta-bundle-reader-private.h"
#include "carta-bundle-reader.h"
#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-json-private.h"
#include "carta-sha256-private.h"
#include "carta-store-private.h"
#include "carta-task.h"
#include "carta-zip-directory-private.h"

/* A bundle is untrusted input: names are checked before anything is
 * written, and the amount of data it may unpack to is capped, in total
 * and relative to its size on disk. */
#define DEFAULT_MAX_TOTAL   (G_GUINT64_CONSTANT (64) << 30)
#define DEFAULT_MAX_RATIO   200.0
#define RATIO_SLACK         (8 * 1024 * 1024)
#define MAX_ENTRIES         200000
#define MAX_METADATA        (64 * 1024 * 1024)
/* Tag files and JSON are held in memory: all of them together too. */
#define MAX_METADATA_TOTAL  (128 * 1024 * 1024)
#define READ_BLOCK          (1024 * 1024)
/* bag-info.txt describes a bag in a few lines. */
#define MAX_BAG_INFO_LINES  10000
#define MAX_BAG_INFO_VALUE  (64 * 1024)

struct _CartaBundleReader
{
  GObject     parent_instance;

  GFile      *file;
  char       *passphrase;
  char       *title;
  CartaBundleSameCase same_case;
  guint64     max_total;
  double      max_ratio;

  /* Results of the last pass */
  GPtrArray  *problems;
  GHashTable *entries;     /* path inside the bag → Entry */
  GHashTable *bag_info;    /* label → value */
  char       *bag_name;
  CartaCase  *kase;
  char       *summary_language;
  gboolean    encrypted;
  guint       n_documents;
  guint64     payload_size;
};

G_DEFINE_FINAL_TYPE (CartaBundleReader, carta_bundle_reader, G_TYPE_OBJECT)

typedef struct
{
  guint64  size;
  gboolean hashed;
  char     sha256[CARTA_BUNDLE_SHA256_HEX_LEN + 1];
  char    *sha1_base64;
  GBytes  *content;   /* tag files and JSON */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->sha1_base64);
  g_clear_pointer (&entry->content, g_bytes_unref);
  g_free (entry);
}

static void
problem (CartaBundleReader *self,
         const char        *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (CartaBundleReader *self,
         const char        *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
reset (CartaBundleReader *self)
{
  g_ptr_array_set_size (self->problems, 0);
  g_hash_table_remove_all (self->entries);
  g_hash_table_remove_all (self->bag_info);
  g_clear_pointer (&self->bag_name, g_free);
  g_clear_pointer (&self->summary_language, g_free);
  g_clear_object (&self->kase);
  self->encrypted = FALSE;
  self->n_documents = 0;
  self->payload_size = 0;
}

static void
carta_bundle_reader_finalize (GObject *object)
{
  CartaBundleReader *self = (CartaBundleReader *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->kase);
  _carta_secret_free (self->passphrase);
  g_free (self->title);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->bag_info, g_hash_table_unref);
  g_free (self->bag_name);
  g_free (self->summary_language);

  G_OBJECT_CLASS (carta_bundle_reader_parent_class)->finalize (object);
}

static void
carta_bundle_reader_class_init (CartaBundleReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_bundle_reader_finalize;
}

static void
carta_bundle_reader_init (CartaBundleReader *self)
{
  self->max_total = DEFAULT_MAX_TOTAL;
  self->max_ratio = DEFAULT_MAX_RATIO;
  /* NULL-terminated, for carta_bundle_reader_get_problems() */
  self->problems = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)entry_free);
  self->bag_info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * carta_bundle_reader_new:
 * @bundle: a bundle ZIP file
 *
 * Returns: (transfer full): a reader; nothing is read until
 *   carta_bundle_reader_verify() or carta_bundle_reader_import()
 */
CartaBundleReader *
carta_bundle_reader_new (GFile *bundle)
{
  CartaBundleReader *self;

  g_return_val_if_fail (G_IS_FILE (bundle), NULL);

  self = g_object_new (CARTA_TYPE_BUNDLE_READER, NULL);
  self->file = g_object_ref (bundle);
  return self;
}

void
carta_bundle_reader_set_passphrase (CartaBundleReader *self,
                                    const char        *passphrase)
{
  g_return_if_fail (CARTA_IS_BUNDLE_READER (self));

  _carta_secret_free (self->passphrase);
  g_free (self->title);
  self->passphrase = passphrase && *passphrase ? g_strdup (passphrase) : NULL;
}

void
_carta_bundle_reader_set_limits (CartaBundleReader *self,
                                 guint64            max_total,
                                 double             max_ratio)
{
  self->max_total = max_total;
  self->max_ratio = max_ratio;
}

static gboolean
make_parents (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return _carta_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), dir);

  return TRUE;
}

static gboolean
is_metadata (const char *path)
{
  return strchr (path, '/') == NULL ||
         g_str_equal (path, "data/case.json") ||
         g_str_equal (path, "data/fhir-bundle.json");
}

/* A name from the archive as a message may show it: valid UTF-8, and
 * control characters, which could move a terminal's cursor or split
 * the line, as "?". */
static char *
shown_name (const char *name)
{
  char *shown = g_utf8_make_valid (name, -1);

  for (char *p = shown; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = '?';

  return shown;
}

static gboolean
hostile (GError     **error,
         const char  *name,
         const char  *reason)
{
  g_autofree char *shown = shown_name (name);

  g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
               _("This file is not a safe Carta bundle and was not opened: the entry “%s”: %s"),
               shown, reason);
  return FALSE;
}

/* What one pass over the archive keeps from entry to entry. */
typedef struct
{
  struct archive *archive;
  int             fd;        /* the ZIP file, owned */
  gboolean        inner;     /* the bundle inside an encrypted one */
  guint64         file_size;
  guint64         total_out;
  guint64         metadata_total;
  guint           n_entries;
  GHashTable     *folded;    /* each name, case-folded and normalised */
  guint8         *buffer;
  CartaZipDirectory *directory;
  guint           next;      /* the directory's entry the next header must be */
} BundleScan;

static void
bundle_scan_clear (BundleScan *scan)
{
  g_clear_pointer (&scan->archive, archive_read_free);
  g_clear_pointer (&scan->folded, g_hash_table_unref);
  g_clear_pointer (&scan->buffer, g_free);
  g_clear_pointer (&scan->directory, _carta_zip_directory_free);
  if (scan->fd >= 0)
    close (scan->fd);
  scan->fd = -1;
}

static gboolean
damaged (GError         **error,
         struct archive  *archive)
{
  const char *reason = archive_error_string (archive);

  g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
               _("The bundle is damaged and cannot be read: %s"),
               reason ? reason : _("its table of contents does not match the files in it"));
  return FALSE;
}

static gboolean
bomb (GError     **error,
      const char  *name)
{
  return hostile (error, name, _("it unpacks to far more data than its size suggests "
                                 "(a “decompression bomb”)"));
}

/* What the central directory declares, checked before anything is
 * unpacked: the sizes, in all and of each entry against its packed bytes,
 * and, when one entry is encrypted, that every file is, so that a forged
 * plain file cannot ride along with one genuine encrypted entry. */
static gboolean
check_directory (CartaBundleReader  *self,
                 BundleScan         *scan,
                 GError            **error)
{
  GArray *entries = scan->directory->entries;
  guint n_encrypted = 0;
  guint n_plain = 0;
  const char *plain = NULL;

  if (scan->directory->total_size > self->max_total)
    return hostile (error, "…", _("it would unpack to more than Carta accepts"));
  if (scan->directory->total_size > RATIO_SLACK &&
      scan->directory->total_size > self->max_ratio * (double)scan->file_size)
    return bomb (error, "…");

  for (guint i = 0; i < entries->len; i++)
    {
      const CartaZipEntry *entry = &g_array_index (entries, CartaZipEntry, i);
      const char *reason = NULL;

      /* Before the reader turns a backslash into a slash. */
      if (!_carta_bundle_path_is_safe (entry->name, &reason))
        return hostile (error, entry->name, reason);

      if (entry->size > RATIO_SLACK && entry->size > self->max_ratio * (double)(entry->compressed + 65536))
        return bomb (error, entry->name);

      /* Folders hold no data to encrypt. */
      if (g_str_has_suffix (entry->name, "/") && entry->size == 0)
        continue;
      if (_carta_zip_entry_is_encrypted (entry))
        n_encrypted++;
      else
        {
          n_plain++;
          plain = entry->name;
        }
    }

  if (n_encrypted > 0 && n_plain > 0)
    return hostile (error, plain, _("it is not encrypted, but the bundle is"));
  if (n_encrypted > 0 && scan->inner)
    return hostile (error, "…", _("it is encrypted again inside the encrypted bundle"));

  return TRUE;
}

/* Reads and checks the central directory, which libarchive's reader
 * does not insist on, then opens the archive; @fd becomes the scan's. */
static gboolean
scan_open (CartaBundleReader  *self,
           BundleScan         *scan,
           int                 fd,
           GError            **error)
{
  GStatBuf st;

  scan->fd = fd;
  if (fstat (fd, &st) != 0)
    return _carta_set_io_error (error, errno, _("Could not open “%s”: %s"), "…");
  scan->file_size = st.st_size;

  scan->directory = _carta_zip_directory_read (fd, scan->file_size, MAX_ENTRIES, error);
  if (scan->directory == NULL || !check_directory (self, scan, error))
    return FALSE;

  scan->archive = archive_read_new ();
  archive_read_support_format_zip (scan->archive);
  if (self->passphrase != NULL && !scan->inner)
    archive_read_add_passphrase (scan->archive, self->passphrase);

  if (lseek (fd, 0, SEEK_SET) != 0 || archive_read_open_fd (scan->archive, fd, 64 * 1024) != ARCHIVE_OK)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                   _("This is not a ZIP file, or it is damaged: %s"), archive_error_string (scan->archive));
      return FALSE;
    }

  scan->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->buffer = g_malloc (READ_BLOCK);
  return TRUE;
}

/* The entry's name, or NULL with @error set when it has none. */
static const char *
entry_name (struct archive_entry  *entry,
            GError               **error)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  if (name == NULL)
    name = archive_entry_pathname (entry);
  if (name == NULL)
    hostile (error, "?", _("it has no name"));

  return name;
}

/* Only plain files and folders, under names that stay inside the bag. */
static gboolean
check_entry_kind (struct archive_entry  *entry,
                  const char            *name,
                  GError               **error)
{
  const char *reason = NULL;

  if (!_carta_bundle_path_is_safe (name, &reason))
    return hostile (error, name, reason);
  if (archive_entry_filetype (entry) == AE_IFLNK)
    return hostile (error, name, _("it is a symbolic link"));
  if (archive_entry_hardlink (entry) != NULL)
    return hostile (error, name, _("it is a hard link"));
  if (archive_entry_filetype (entry) != AE_IFREG && archive_entry_filetype (entry) != AE_IFDIR)
    return hostile (error, name, _("it is not a regular file or folder"));

  return TRUE;
}

/* Two names for one file would let one overwrite the other, also where
 * case or Unicode normalisation does not count (the name is valid UTF-8
 * by now). */
static gboolean
check_name_unique (BundleScan  *scan,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *trimmed = g_strdup (name);
  g_autofree char *normal = NULL;
  g_autofree char *folded_name = NULL;
  char *key;
  gsize len = strlen (trimmed);

  while (len > 0 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';
  normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_ALL);
  folded_name = g_utf8_casefold (normal, -1);
  key = g_utf8_normalize (folded_name, -1, G_NORMALIZE_ALL);

  if (g_hash_table_contains (scan->folded, key))
    {
      g_free (key);
      return hostile (error, name, _("the bundle holds this name twice"));
    }

  g_hash_table_add (scan->folded, key);
  return TRUE;
}

/* Everything sits in one folder, the bag. Returns the path inside it
 * ("" for the bag itself), or NULL with @error set. */
static const char *
check_in_bag (CartaBundleReader     *self,
              struct archive_entry  *entry,
              const char            *name,
              GError               **error)
{
  const char *slash = strchr (name, '/');
  g_autofree char *top = slash ? g_strndup (name, slash - name) : g_strdup (name);

  if (self->bag_name == NULL)
    self->bag_name = g_strdup (top);
  else if (!g_str_equal (self->bag_name, top))
    {
      hostile (error, name, _("it is outside the bundle's folder"));
      return NULL;
    }

  if (slash == NULL && archive_entry_filetype (entry) == AE_IFREG)
    {
      hostile (error, name, _("it is outside the bundle's folder"));
      return NULL;
    }

  return slash ? slash + 1 : "";
}

static gboolean
directory_mismatch (GError **error)
{
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
               _("The bundle is damaged and cannot be read: %s"),
               _("its table of contents does not match the files in it"));
  return FALSE;
}

/* The entry read is the next one of the central directory, by name and
 * size; from here on it is held to the size the directory declares. */
static gboolean
match_directory (BundleScan            *scan,
                 struct archive_entry  *entry,
                 GError               **error)
{
  const CartaZipEntry *listed;
  const char *utf8 = archive_entry_pathname_utf8 (entry);
  const char *raw = archive_entry_pathname (entry);

  if (scan->next >= scan->directory->entries->len)
    return directory_mismatch (error);

  listed = &g_array_index (scan->directory->entries, CartaZipEntry, scan->next++);
  if (g_strcmp0 (utf8, listed->name) != 0 && g_strcmp0 (raw, listed->name) != 0)
    return directory_mismatch (error);
  /* A link's size is that of its target's name: others refuse it later. */
  if (archive_entry_filetype (entry) != AE_IFREG)
    return TRUE;
  if (archive_entry_size_is_set (entry) && (guint64)archive_entry_size (entry) != listed->size)
    return directory_mismatch (error);

  archive_entry_set_size (entry, listed->size);
  return TRUE;
}

/* Reads the next header and checks it. Returns FALSE at the end (with
 * @error unset) or on hostile input; sets @inner to the path inside the
 * bag, or NULL for an entry with nothing to read. */
static gboolean
scan_next_header (CartaBundleReader     *self,
                  BundleScan            *scan,
                  struct archive_entry **entry,
                  const char           **name,
                  const char           **inner,
                  GError               **error)
{
  int ret = archive_read_next_header (scan->archive, entry);

  if (ret == ARCHIVE_EOF)
    {
      if (scan->next != scan->directory->entries->len)
        directory_mismatch (error);
      return FALSE;
    }

  if (ret == ARCHIVE_WARN)
    {
      const char *raw = archive_entry_pathname (*entry);

      /* libarchive also warns when an entry's local header disagrees with
       * the directory, not only about its name. */
      if (raw != NULL && g_utf8_validate (raw, -1, NULL))
        return directory_mismatch (error);

      return hostile (error, raw ? raw : "?", _("its name is not valid UTF-8 or cannot be read"));
    }

  if (ret != ARCHIVE_OK)
    return damaged (error, scan->archive);

  if (++scan->n_entries > MAX_ENTRIES)
    return hostile (error, "…", _("the bundle holds too many entries"));

  if (!match_directory (scan, *entry, error))
    return FALSE;

  if (!(*name = entry_name (*entry, error)) ||
      !check_entry_kind (*entry, *name, error) ||
      !check_name_unique (scan, *name, error) ||
      !(*inner = check_in_bag (self, *entry, *name, error)))
    return FALSE;

  if (archive_entry_filetype (*entry) == AE_IFDIR || **inner == '\0')
    *inner = NULL;

  return TRUE;
}

/* Creates the file an entry unpacks to; -1 with @error set. */
static int
open_target (const char  *extract_dir,
             const char  *name,
             const char  *inner,
             GError     **error)
{
  g_autofree char *target = g_build_filename (extract_dir, name, NULL);
  int fd;

  if (!make_parents (target, error))
    return -1;

  fd = g_open (target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    _carta_set_io_error (error, errno, _("Could not unpack “%s”: %s"), inner);

  return fd;
}

static gboolean
unpack_failed (GError **error,
               int      saved_errno)
{
  if (saved_errno == ENOSPC)
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                 _("There is not enough space to open the bundle: %s"), g_strerror (saved_errno));
  else
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                 _("Could not unpack the bundle: %s"), g_strerror (saved_errno));
  return FALSE;
}

/* Closed whatever happens, also when fsync() fails. */
static gboolean
close_target (int       fd,
              gboolean  ok,
              GError  **error)
{
  int synced = ok ? fsync (fd) : 0;
  int sync_errno = errno;
  int closed = close (fd);

  if (ok && (synced != 0 || closed != 0))
    {
      return unpack_failed (error, synced != 0 ? sync_errno : errno);
    }

  return ok;
}

/* Whether the data so far is far more than the archive's size allows:
 * in all, or for this entry against its compressed bytes. */
static gboolean
is_bomb (CartaBundleReader *self,
         BundleScan        *scan,
         guint64            entry_out,
         guint64            entry_raw_start)
{
  guint64 raw = archive_filter_bytes (scan->archive, -1);

  return scan->total_out > self->max_total ||
         (scan->total_out > RATIO_SLACK && scan->total_out > self->max_ratio * (double)scan->file_size) ||
         (entry_out > RATIO_SLACK && raw > entry_raw_start &&
          entry_out > self->max_ratio * (double)(raw - entry_raw_start + 65536));
}

/* A read error: a wrong or missing passphrase stops the pass, anything
 * else is a problem with this one file. */
static void
set_passphrase_error (CartaBundleReader  *self,
                      GError            **error)
{
  g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE,
                       self->passphrase
                         ? _("The passphrase is not the one this bundle was encrypted with")
                         : _("This bundle is encrypted; give its passphrase to open it"));
}

static gboolean
is_passphrase_failure (BundleScan *scan)
{
  const char *message = archive_error_string (scan->archive);

  return message != NULL && (strstr (message, "assphrase") || strstr (message, "ncrypt"));
}

static gboolean
read_failed (CartaBundleReader  *self,
             BundleScan         *scan,
             const char         *inner,
             GError            **error)
{
  const char *message = archive_error_string (scan->archive);

  if (is_passphrase_failure (scan))
    {
      set_passphrase_error (self, error);
      return FALSE;
    }

  problem (self, _("%s: the file is damaged (%s)"), inner, message ? message : _("unreadable"));
  return TRUE;
}

/* The hashes and copies that reading one entry fills. */
typedef struct
{
  struct sha256_ctx  sha256;
  struct sha1_ctx    sha1;
  GString           *content;   /* tag files and JSON, else NULL */
  int                fd;        /* where it unpacks to, or -1 */
  guint64            out;
} EntryRead;

/* Feeds one block of an entry to its hashes, its copy in memory and
 * its file. */
static gboolean
take_block (BundleScan   *scan,
            EntryRead    *read,
            const char   *name,
            la_ssize_t    n,
            GError      **error)
{
  sha256_update (&read->sha256, n, scan->buffer);
  sha1_update (&read->sha1, n, scan->buffer);

  if (read->content != NULL)
    {
      if (read->content->len + n > MAX_METADATA || scan->metadata_total + n > MAX_METADATA_TOTAL)
        return hostile (error, name, _("it is far too large for what it should hold"));
      g_string_append_len (read->content, (const char *)scan->buffer, n);
      scan->metadata_total += n;
    }

  if (read->fd >= 0 && !_carta_write_all (read->fd, scan->buffer, n))
    return unpack_failed (error, errno);

  return TRUE;
}

/* Reads an entry's data to its end, within the limits. */
static gboolean
read_entry (CartaBundleReader     *self,
            BundleScan            *scan,
            struct archive_entry  *entry,
            const char            *name,
            const char            *inner,
            Entry                 *info,
            EntryRead             *read,
            GError               **error)
{
  guint64 entry_raw_start = archive_filter_bytes (scan->archive, -1);

  for (;;)
    {
      la_ssize_t n = archive_read_data (scan->archive, scan->buffer, READ_BLOCK);

      if (n == 0)
        return TRUE;
      if (n < 0)
        return read_failed (self, scan, inner, error);

      read->out += n;
      scan->total_out += n;

      if (is_bomb (self, scan, read->out, entry_raw_start))
        return bomb (error, name);

      if (archive_entry_size_is_set (entry) && read->out > info->size)
        return hostile (error, name, _("it holds more data than it declares"));

      if (!take_block (scan, read, name, n, error))
        return FALSE;
    }
}

/* Lists, reads, hashes and maybe unpacks one file entry. */
static gboolean
scan_file (CartaBundleReader     *self,
           BundleScan            *scan,
           struct archive_entry  *entry,
           const char            *name,
           const char            *inner,
           const char            *extract_dir,
           gboolean               quick,
           GError               **error)
{
  EntryRead read = { .fd = -1 };
  guint8 digest[SHA1_DIGEST_SIZE];
  Entry *info;
  gboolean ok;

  if (archive_entry_is_encrypted (entry))
    self->encrypted = TRUE;

  if (archive_entry_size_is_set (entry) && (guint64)archive_entry_size (entry) > self->max_total - scan->total_out)
    return hostile (error, name, _("it would unpack to more than Carta accepts"));

  info = g_new0 (Entry, 1);
  info->size = archive_entry_size_is_set (entry) ? (guint64)archive_entry_size (entry) : 0;
  g_hash_table_insert (self->entries, g_strdup (inner), info);

  if (quick && !is_metadata (inner))
    return archive_read_data_skip (scan->archive) == ARCHIVE_OK || damaged (error, scan->archive);

  if (extract_dir != NULL && (read.fd = open_target (extract_dir, name, inner, error)) < 0)
    return FALSE;

  if (is_metadata (inner))
    read.content = g_string_new (NULL);
  sha256_init (&read.sha256);
  sha1_init (&read.sha1);

  ok = read_entry (self, scan, entry, name, inner, info, &read, error);
  if (read.fd >= 0)
    ok = close_target (read.fd, ok, error);
  if (!ok)
    {
      if (read.content != NULL)
        g_string_free (read.content, TRUE);
      return FALSE;
    }

  /* The central directory said how much there would be. */
  if (read.out != info->size)
    problem (self, _("%s: the file is damaged (%s)"), inner, _("it is shorter than the bundle declares"));

  info->size = read.out;
  info->hashed = TRUE;
  _carta_sha256_ctx_hex (&read.sha256, info->sha256);
  sha1_digest (&read.sha1, SHA1_DIGEST_SIZE, digest);
  info->sha1_base64 = g_base64_encode (digest, SHA1_DIGEST_SIZE);
  if (read.content != NULL)
    {
      gsize len = read.content->len;
      info->content = g_bytes_new_take (g_string_free (read.content, FALSE), len);
    }

  return TRUE;
}

/* One pass over the archive: checks every name, hashes every file, and
 * when @extract_dir is given writes each file there. Problems with the
 * content are collected; hostile or unreadable input stops the pass. */
/* Whether @fd is an encrypted bundle as Carta writes them: one
 * encrypted entry, CARTA_BUNDLE_ENCRYPTED_ENTRY, holding the bundle.
 * Anything else goes to the scan, which says what is wrong with it. */
static gboolean
is_encrypted_wrapper (int fd)
{
  g_autoptr(CartaZipDirectory) directory = NULL;
  const CartaZipEntry *entry;
  GStatBuf st;

  if (fstat (fd, &st) != 0 ||
      !(directory = _carta_zip_directory_read (fd, st.st_size, MAX_ENTRIES, NULL)) ||
      directory->entries->len != 1)
    return FALSE;

  entry = &g_array_index (directory->entries, CartaZipEntry, 0);
  return g_str_equal (entry->name, CARTA_BUNDLE_ENCRYPTED_ENTRY) && _carta_zip_entry_is_encrypted (entry);
}

/* A file of this process only, for the bundle inside an encrypted one:
 * made in a folder of its own in the user's cache (not /tmp, which may
 * be memory) and unlinked at once, so that nothing stays behind, even
 * after a crash. Returns -1 with @error set on failure. */
static int
open_private_temporary (GError **error)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "carta", NULL);
  g_autofree char *folder = g_build_filename (cache, "open-XXXXXX", NULL);
  g_autofree char *path = NULL;
  int saved_errno;
  int fd;

  if (g_mkdir_with_parents (cache, 0700) != 0 || g_mkdtemp_full (folder, 0700) == NULL)
    {
      _carta_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), cache);
      return -1;
    }

  path = g_build_filename (folder, CARTA_BUNDLE_ENCRYPTED_ENTRY, NULL);
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  saved_errno = errno;
  g_unlink (path);
  g_rmdir (folder);

  if (fd < 0)
    unpack_failed (error, saved_errno);
  return fd;
}

/* Decrypts the bundle inside the encrypted one at @fd (which it closes)
 * into a private temporary file, within the same limits as any entry.
 * Returns that file, or -1 with @error set. */
static int
decrypt_wrapper (CartaBundleReader  *self,
                 int                 fd,
                 GCancellable       *cancellable,
                 GError            **error)
{
  BundleScan outer = { .fd = -1 };
  struct archive_entry *entry;
  guint64 raw_start;
  guint64 size;
  guint64 out = 0;
  int inner_fd = -1;

  self->encrypted = TRUE;
  if (self->passphrase == NULL)
    {
      close (fd);
      set_passphrase_error (self, error);
      return -1;
    }

  if (!scan_open (self, &outer, fd, error))
    goto failed;
  if (archive_read_next_header (outer.archive, &entry) != ARCHIVE_OK)
    {
      damaged (error, outer.archive);
      goto failed;
    }
  if (!match_directory (&outer, entry, error))
    goto failed;
  if (archive_entry_filetype (entry) != AE_IFREG || !archive_entry_is_encrypted (entry))
    {
      hostile (error, CARTA_BUNDLE_ENCRYPTED_ENTRY, _("it is not encrypted, but the bundle is"));
      goto failed;
    }
  if ((inner_fd = open_private_temporary (error)) < 0)
    goto failed;

  size = archive_entry_size (entry);
  raw_start = archive_filter_bytes (outer.archive, -1);
  for (;;)
    {
      la_ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      n = archive_read_data (outer.archive, outer.buffer, READ_BLOCK);
      if (n == 0)
        break;
      if (n < 0)
        {
          if (is_passphrase_failure (&outer))
            set_passphrase_error (self, error);
          else
            damaged (error, outer.archive);
          goto failed;
        }

      out += n;
      outer.total_out += n;
      if (is_bomb (self, &outer, out, raw_start))
        {
          bomb (error, CARTA_BUNDLE_ENCRYPTED_ENTRY);
          goto failed;
        }
      if (out > size)
        {
          hostile (error, CARTA_BUNDLE_ENCRYPTED_ENTRY, _("it holds more data than it declares"));
          goto failed;
        }
      if (!_carta_write_all (inner_fd, outer.buffer, n))
        {
          unpack_failed (error, errno);
          goto failed;
        }
    }

  if (out != size)
    {
      directory_mismatch (error);
      goto failed;
    }

  bundle_scan_clear (&outer);
  return inner_fd;

failed:
  bundle_scan_clear (&outer);
  if (inner_fd >= 0)
    close (inner_fd);
  return -1;
}

/* The bundle's file, opened; for an encrypted bundle, the bundle it
 * holds. Returns -1 with @error set on failure. */
static int
open_bundle (CartaBundleReader  *self,
             BundleScan         *scan,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autofree char *path = g_file_get_path (self->file);
  int fd = path ? g_open (path, O_RDONLY | O_CLOEXEC, 0) : -1;

  if (fd < 0)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND, _("The bundle could not be found"));
      return -1;
    }

  if (!is_encrypted_wrapper (fd))
    return fd;

  scan->inner = TRUE;
  return decrypt_wrapper (self, fd, cancellable, error);
}

static gboolean
scan (CartaBundleReader  *self,
      const char         *extract_dir,
      gboolean            quick,
      GCancellable       *cancellable,
      GError            **error)
{
  BundleScan scan = { .fd = -1 };
  int fd = open_bundle (self, &scan, cancellable, error);
  gboolean ok = fd >= 0 && scan_open (self, &scan, fd, error);

  while (ok)
    {
      g_autoptr(GError) local_error = NULL;
      struct archive_entry *entry;
      const char *name = NULL;
      const char *inner = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (!scan_next_header (self, &scan, &entry, &name, &inner, &local_error))
        {
          /* The end of the archive sets no error. */
          ok = local_error == NULL;
          if (!ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          break;
        }
      else if (inner != NULL)
        ok = scan_file (self, &scan, entry, name, inner, extract_dir, quick, error);
    }

  bundle_scan_clear (&scan);

  if (ok && self->bag_name == NULL)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_MALFORMED, _("The bundle is empty"));
      ok = FALSE;
    }

  return ok;
}

/* Members of untrusted JSON, read without assuming their type. */
static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonArray *array,
            guint      index)
{
  JsonNode *node = json_array_get_element (array, index);
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
get_member_object (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* json_object_get_*_member_with_default() is critical about an object or
 * a list where it expects a value: these are not, and give the default. */
static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
    ? json_node_get_string (node) : NULL;
}

static gint64
get_int (JsonObject *object,
         const char *member,
         gint64      default_value)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
    ? json_node_get_int (node) : default_value;
}

static Entry *
lookup (CartaBundleReader *self,
        const char        *path)
{
  return g_hash_table_lookup (self->entries, path);
}

static char *
text_of (Entry *entry)
{
  gsize len;
  const char *data;

  if (entry == NULL || entry->content == NULL)
    return NULL;

  data = g_bytes_get_data (entry->content, &len);
  if (!g_utf8_validate_len (data, len, NULL))
    return NULL;
  return g_strndup (data, len);
}

/* The next line of the text from @cursor to @end, cut at its newline,
 * or NULL at the end. Linear, where g_strsplit() looks at all the rest
 * of the text for each line under AddressSanitizer's interceptors. */
static char *
next_line (char       **cursor,
           const char  *end)
{
  char *line = *cursor;
  char *newline;

  if (line == NULL || line >= end)
    return NULL;

  if ((newline = memchr (line, '\n', end - line)))
    {
      *newline = '\0';
      *cursor = newline + 1;
    }
  else
    *cursor = (char *)end;

  return line;
}

static char *
decode_manifest_path (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Checks one manifest; returns the paths it lists. */
static GHashTable *
check_manifest (CartaBundleReader *self,
                const char        *manifest_name)
{
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = text_of (lookup (self, manifest_name));
  char *cursor = text;
  const char *end = text ? text + strlen (text) : NULL;
  char *raw;

  if (text == NULL)
    {
      problem (self, _("%s: missing or unreadable"), manifest_name);
      return listed;
    }

  for (guint i = 0; (raw = next_line (&cursor, end)) != NULL; i++)
    {
      char *line = g_strchomp (raw);
      g_autofree char *file = NULL;
      const char *reason = NULL;
      char *space;
      Entry *entry;

      if (*line == '\0')
        continue;

      space = strpbrk (line, " \t");
      if (space == NULL || space - line != CARTA_BUNDLE_SHA256_HEX_LEN)
        {
          problem (self, _("%s: line %u is not “checksum  path”"), manifest_name, i + 1);
          continue;
        }

      *space = '\0';
      file = decode_manifest_path (g_strchug (space + 1));

      if (!_carta_bundle_path_is_safe (file, &reason))
        {
          problem (self, _("%s: line %u names an unsafe path: %s"), manifest_name, i + 1, reason);
          continue;
        }

      g_hash_table_add (listed, g_strdup (file));

      if (!(entry = lookup (self, file)))
        {
          problem (self, _("%s: listed in %s but missing from the bundle"), file, manifest_name);
          continue;
        }

      if (entry->hashed && g_ascii_strcasecmp (entry->sha256, line) != 0)
        problem (self, _("%s: its SHA-256 does not match %s; the file was changed or damaged"),
                 file, manifest_name);
    }

  return listed;
}

/* Puts the label read last, with its continuation lines, in the table. */
static void
bag_info_commit (CartaBundleReader  *self,
                 char              **label,
                 GString           **value)
{
  if (*label != NULL)
    g_hash_table_insert (self->bag_info, g_steal_pointer (label), g_string_free (g_steal_pointer (value), FALSE));
}

/* bag-info.txt in one linear pass: continuation lines grow one buffer, and
 * a file far larger than any bag's (lines, or one value) is a problem,
 * not minutes of work. */
static void
parse_bag_info (CartaBundleReader *self)
{
  g_autofree char *text = text_of (lookup (self, "bag-info.txt"));
  g_autofree char *label = NULL;
  g_autoptr(GString) value = NULL;
  char *cursor = text;
  const char *end = text ? text + strlen (text) : NULL;
  char *raw;

  if (text == NULL)
    {
      problem (self, _("bag-info.txt: missing or unreadable"));
      return;
    }

  for (guint i = 0; (raw = next_line (&cursor, end)) != NULL; i++)
    {
      char *line = g_strchomp (raw);
      char *colon;

      if (i >= MAX_BAG_INFO_LINES)
        {
          /* TRANSLATORS: %u is a number of lines, such as 10000 */
          problem (self, _("bag-info.txt: it has more than %u lines, far more than a bag’s description needs"),
                   (guint)MAX_BAG_INFO_LINES);
          g_hash_table_remove_all (self->bag_info);
          return;
        }

      if (*line == '\0')
        continue;

      /* Continuation lines start with white space. */
      if ((*line == ' ' || *line == '\t') && label != NULL)
        {
          const char *more = g_strstrip (line);

          if (value->len + 1 + strlen (more) > MAX_BAG_INFO_VALUE)
            {
              /* TRANSLATORS: %s is a label such as “External-Description”; %u a number of bytes */
              problem (self, _("bag-info.txt: the value of “%s” is longer than %u bytes"),
                       label, (guint)MAX_BAG_INFO_VALUE);
              g_clear_pointer (&label, g_free);
              return;
            }
          g_string_append_c (value, ' ');
          g_string_append (value, more);
          continue;
        }

      if (!(colon = strchr (line, ':')))
        {
          problem (self, _("bag-info.txt: line %u is not “Label: value”"), i + 1);
          continue;
        }

      bag_info_commit (self, &label, &value);
      *colon = '\0';
      label = g_strdup (g_strstrip (line));
      value = g_string_new (g_strstrip (colon + 1));
    }

  bag_info_commit (self, &label, &value);
}

static JsonNode *
parse_json (CartaBundleReader *self,
            const char        *path,
            JsonParser        *parser)
{
  Entry *entry = lookup (self, path);
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  gsize len;
  const char *data;

  if (entry == NULL || entry->content == NULL)
    {
      problem (self, _("%s: missing"), path);
      return NULL;
    }

  data = g_bytes_get_data (entry->content, &len);
  if (!(root = _carta_json_parse_bounded (parser, data, len, &error)))
    {
      /* The message names no file: this says which. */
      problem (self, "%s: %s", path, error->message);
      return NULL;
    }

  return root;
}

static void
check_document (CartaBundleReader *self,
                const char        *source,
                const char        *url,
                gint64             size,
                const char        *sha256,
                const char        *sha1_base64)
{
  g_autofree char *path = NULL;
  const char *reason = NULL;
  Entry *entry;

  if (url == NULL || !_carta_bundle_path_is_safe (url, &reason) || !g_str_has_prefix (url, "documents/"))
    {
      problem (self, _("%s: a document has an unsafe or missing location"), source);
      return;
    }

  path = g_strconcat ("data/", url, NULL);
  if (!(entry = lookup (self, path)))
    {
      problem (self, _("%s: %s points at a file missing from the bundle"), path, source);
      return;
    }

  if (size >= 0 && (guint64)size != entry->size)
    {
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, size);
      g_autofree char *real = g_strdup_printf ("%" G_GUINT64_FORMAT, entry->size);

      /* TRANSLATORS: the sizes are in bytes */
      problem (self, _("%s: %s gives its size as %s bytes but it has %s"), path, source, given, real);
    }

  if (entry->hashed && sha256 != NULL && g_ascii_strcasecmp (sha256, entry->sha256) != 0)
    problem (self, _("%s: its SHA-256 does not match %s"), path, source);

  if (entry->hashed && sha1_base64 != NULL && !g_str_equal (sha1_base64, entry->sha1_base64))
    problem (self, _("%s: its SHA-1 does not match %s"), path, source);
}

static gboolean
is_language_code (const char *text)
{
  gsize length = strlen (text);

  if (length < 2 || length > 16 || !g_ascii_isalpha (text[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '_' && text[i] != '-')
      return FALSE;

  return TRUE;
}

/* Two attachments may share a stored file only when it is one file, the
 * same content: otherwise importing would keep one and drop the other. */
static void
check_stored_path (CartaBundleReader *self,
                   GHashTable        *stored_paths,
                   JsonObject        *attachment)
{
  const char *stored = get_string (attachment, "stored_path");
  const char *sha256 = get_string (attachment, "sha256");
  const char *reason = NULL;
  const char *earlier;

  if (stored == NULL)
    return;

  if (!_carta_bundle_path_is_safe (stored, &reason))
    {
      g_autofree char *shown = g_utf8_make_valid (stored, -1);

      /* TRANSLATORS: %1$s is a path inside a case folder, %2$s why it is refused */
      problem (self, _("data/case.json: the stored path “%1$s” is unsafe: %2$s"), shown, reason);
      return;
    }

  if (!g_hash_table_lookup_extended (stored_paths, stored, NULL, (gpointer *)&earlier))
    g_hash_table_insert (stored_paths, (char *)stored, (char *)sha256);
  else if (sha256 == NULL || earlier == NULL || g_ascii_strcasecmp (sha256, earlier) != 0)
    problem (self, _("data/case.json: two different documents are stored as “%s”"), stored);
}

static void
check_case_json (CartaBundleReader *self)
{
  g_autoptr(GHashTable) stored_paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *items;

  if (!(root = parse_json (self, "data/case.json", parser)))
    return;

  if (!(self->kase = carta_case_new_from_json (root, &error)))
    {
      problem (self, _("data/case.json: %s"), error->message);
      return;
    }

  object = json_node_get_object (root);
  if (!g_str_has_prefix (get_string (get_member_object (object, "bundle"), "schema") ?: "", "carta-bundle/"))
    problem (self, _("data/case.json: it does not say which bundle schema it follows"));

  /* The language of summary.pdf; bundles made before it was recorded are
   * in English. A code only: letters, digits, "_" and "-". */
  {
    JsonObject *bundle = get_member_object (object, "bundle");
    JsonNode *node = bundle ? json_object_get_member (bundle, "summary_language") : NULL;

    if (node == NULL)
      self->summary_language = g_strdup ("en");
    else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
             !is_language_code (json_node_get_string (node)))
      problem (self, _("data/case.json: the summary language is not a language code"));
    else
      self->summary_language = g_strdup (json_node_get_string (node));
  }

  items = get_array (object, "checklist");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonArray *attachments = get_array (get_object (items, i), "attachments");

      for (guint j = 0; attachments != NULL && j < json_array_get_length (attachments); j++)
        {
          JsonObject *attachment = get_object (attachments, j);
          gboolean disc;

          if (attachment == NULL)
            continue;

          disc = g_strcmp0 (get_string (attachment, "kind"), "imaging") == 0;
          check_stored_path (self, stored_paths, attachment);

          self->n_documents++;
          /* A disc's size is that of all its files; its hash, that of its list. */
          check_document (self, "case.json",
                          get_string (attachment, "bundle_path"),
                          disc ? -1 : get_int (attachment, "size", -1),
                          get_string (attachment, "sha256"),
                          NULL);
        }
    }
}

static void
check_fhir (CartaBundleReader *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *bundle;
  JsonArray *entries;

  if (!(root = parse_json (self, "data/fhir-bundle.json", parser)))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (get_string (json_node_get_object (root), "resourceType"), "Bundle") != 0 ||
      /* A document (an IPS); bundles written before were a collection. */
      (g_strcmp0 (get_string (json_node_get_object (root), "type"), "document") != 0 &&
       g_strcmp0 (get_string (json_node_get_object (root), "type"), "collection") != 0))
    {
      problem (self, _("data/fhir-bundle.json: it is not a FHIR document or collection Bundle"));
      return;
    }

  bundle = json_node_get_object (root);
  entries = get_array (bundle, "entry");

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = get_member_object (get_object (entries, i), "resource");
      JsonArray *content;

      if (resource == NULL)
        {
          problem (self, _("data/fhir-bundle.json: entry %u has no resource"), i + 1);
          continue;
        }

      if (
          g_strcmp0 (get_string (resource, "resourceType"), "DocumentReference") != 0)
        continue;

      content = get_array (resource, "content");
      if (content == NULL || json_array_get_length (content) == 0)
        problem (self, _("data/fhir-bundle.json: a DocumentReference has no content"));
      for (guint j = 0; content != NULL && j < json_array_get_length (content); j++)
        {
          JsonObject *attachment = get_member_object (get_object (content, j), "attachment");

          if (attachment == NULL)
            {
              problem (self, _("data/fhir-bundle.json: a DocumentReference has no attachment"));
              continue;
            }

          /* A relative URL, percent-encoded where a name needs it;
           * bundles written before were not encoded. */
          {
            const char *url = get_string (attachment, "url");
            g_autofree char *path = url && strchr (url, '%') ? g_uri_unescape_string (url, NULL) : NULL;

            check_document (self, "fhir-bundle.json",
                            path ? path : url,
                            get_int (attachment, "size", -1),
                            NULL,
                            get_string (attachment, "hash"));
          }
        }
    }
}

static void
check_bag (CartaBundleReader *self)
{
  g_autoptr(GHashTable) payload_listed = NULL;
  g_autoptr(GHashTable) tags_listed = NULL;
  g_autofree char *bagit = text_of (lookup (self, "bagit.txt"));
  GHashTableIter iter;
  const char *path;
  Entry *entry;
  guint64 oxum_bytes = 0;
  guint oxum_files = 0;
  const char *oxum;

  if (bagit == NULL)
    problem (self, _("bagit.txt: missing; this is not a BagIt bag"));
  else if (!strstr (bagit, "BagIt-Version: 1.0") && !strstr (bagit, "BagIt-Version: 0.97"))
    problem (self, _("bagit.txt: not a BagIt 1.0 declaration"));

  parse_bag_info (self);

  payload_listed = check_manifest (self, "manifest-sha256.txt");
  if (lookup (self, "tagmanifest-sha256.txt"))
    tags_listed = check_manifest (self, "tagmanifest-sha256.txt");

  /* Complete: every payload file is in the manifest. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *)&path, (gpointer *)&entry))
    {
      if (!g_str_has_prefix (path, "data/"))
        continue;

      oxum_bytes += entry->size;
      oxum_files++;

      if (!g_hash_table_contains (payload_listed, path))
        problem (self, _("%s: in the bundle but not in manifest-sha256.txt"), path);
    }

  self->payload_size = oxum_bytes;

  if ((oxum = g_hash_table_lookup (self->bag_info, "Payload-Oxum")))
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GUINT64_FORMAT ".%u", oxum_bytes, oxum_files);

      if (!g_str_equal (oxum, expected))
        problem (self, _("bag-info.txt: Payload-Oxum says %s but the payload is %s (bytes.files)"), oxum, expected);
    }
  else
    problem (self, _("bag-info.txt: no Payload-Oxum"));
}

/* One message for all the problems. glibc aborts on a format whose
 * numbered arguments skip one, so each form uses all of its own. */
static void
set_problems_error (CartaBundleReader  *self,
                    GError            **error)
{
  const char *first = g_ptr_array_index (self->problems, 0);
  guint n = self->problems->len;

  if (n == 1)
    /* TRANSLATORS: %s says what is wrong and in which file */
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID, _("The bundle has a problem: %s"), first);
  else
    /* TRANSLATORS: %1$u is how many problems (always more than one); %2$s the first of them */
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "The bundle has %1$u problem, the first: %2$s",
                              "The bundle has %1$u problems, the first: %2$s", n),
                 n, first);
}

/**
 * carta_bundle_reader_verify:
 * @quick: check names, structure and metadata but not the documents' hashes
 *
 * Reads the bundle once and checks it: the ZIP, the bag (complete and
 * valid), `case.json` against its schema, and that every
 * DocumentReference points at a file of the right size and hash. A
 * hostile archive stops the check at once with %CARTA_ERROR_HOSTILE.
 *
 * Returns: %TRUE if the bundle is valid; otherwise @error says what was
 *   found first and carta_bundle_reader_get_problems() lists everything
 */
gboolean
carta_bundle_reader_verify (CartaBundleReader  *self,
                            gboolean            quick,
                            GCancellable       *cancellable,
                            GError            **error)
{
  return _carta_bundle_reader_scan (self, NULL, quick, cancellable, error);
}

gboolean
_carta_bundle_reader_scan (CartaBundleReader  *self,
                           const char         *extract_dir,
                           gboolean            quick,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), FALSE);

  reset (self);

  if (!scan (self, extract_dir, quick, cancellable, error))
    return FALSE;

  check_bag (self);
  check_case_json (self);
  check_fhir (self);

  if (self->problems->len > 0)
    {
      set_problems_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * carta_bundle_reader_set_same_case:
 * @same_case: what an import does when the store already lists the case
 *
 * The default is %CARTA_BUNDLE_SAME_CASE_NEW_ID.
 */
void
carta_bundle_reader_set_same_case (CartaBundleReader   *self,
                                   CartaBundleSameCase  same_case)
{
  g_return_if_fail (CARTA_IS_BUNDLE_READER (self));

  self->same_case = same_case;
}

/**
 * carta_bundle_reader_set_title:
 * @title: (nullable): the name the imported case gets, or %NULL for the
 *   bundle's own
 *
 * Names an imported copy apart from a case already there.
 */
void
carta_bundle_reader_set_title (CartaBundleReader *self,
                               const char        *title)
{
  g_return_if_fail (CARTA_IS_BUNDLE_READER (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * carta_bundle_reader_get_problems:
 *
 * Returns: (transfer none): every problem the last check found, each
 *   naming its file; empty when there were none
 */
const char * const *
carta_bundle_reader_get_problems (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), NULL);
  return (const char * const *)self->problems->pdata;
}

gboolean
carta_bundle_reader_get_encrypted (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), FALSE);
  return self->encrypted;
}

const char *
carta_bundle_reader_get_bag_name (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), NULL);
  return self->bag_name;
}

/**
 * carta_bundle_reader_get_bag_info:
 * @label: a bag-info.txt label, such as "Bagging-Date"
 *
 * Returns: (nullable): its value
 */
const char *
carta_bundle_reader_get_bag_info (CartaBundleReader *self,
                                  const char        *label)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), NULL);
  return g_hash_table_lookup (self->bag_info, label);
}

/**
 * carta_bundle_reader_get_case:
 *
 * Returns: (transfer none) (nullable): the case read from `case.json`
 */
CartaCase *
carta_bundle_reader_get_case (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), NULL);
  return self->kase;
}

/**
 * carta_bundle_reader_get_summary_language:
 *
 * Returns: (nullable): the language of summary.pdf as `case.json` records
 *   it (`en` for bundles that do not say), after carta_bundle_reader_verify()
 */
const char *
carta_bundle_reader_get_summary_language (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), NULL);
  return self->summary_language;
}

guint
carta_bundle_reader_get_n_documents (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), 0);
  return self->n_documents;
}

guint64
carta_bundle_reader_get_payload_size (CartaBundleReader *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), 0);
  return self->payload_size;
}

/* Renames @from, unpacked from the bag's @bundle_path, to @to. */
static gboolean
move_into_case (const char  *from,
                const char  *to,
                const char  *bundle_path,
                GError     **error)
{
  if (g_rename (from, to) != 0)
    return _carta_set_io_error (error, errno, _("Could not place “%s” in the case: %s"), bundle_path);

  return TRUE;
}

/* Puts each file of a disc back at its path on the disc. */
static gboolean
restore_disc (const char  *staging,
              const char  *bag_name,
              JsonObject  *attachment,
              const char  *disc_dir,
              GError     **error)
{
  JsonArray *files = get_array (attachment, "bundle_files");

  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonObject *pair = get_object (files, i);
      const char *bundle_path = pair ? get_string (pair, "bundle_path") : NULL;
      const char *disc_path = pair ? get_string (pair, "disc_path") : NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const char *reason = NULL;

      if (!_carta_bundle_path_is_safe (bundle_path, &reason) || !_carta_bundle_path_is_safe (disc_path, &reason))
        return hostile (error, bundle_path ? bundle_path : "?", reason ? reason : "no name");

      from = g_build_filename (staging, bag_name, "data", bundle_path, NULL);
      to = g_build_filename (disc_dir, disc_path, NULL);
      if (!make_parents (to, error) || !move_into_case (from, to, bundle_path, error))
        return FALSE;
    }

  return TRUE;
}

/* Moves one attachment from its place in the bag to its stored path
 * in @case_dir; an imaging disc goes back to its own layout. */
static gboolean
place_attachment (CartaBundleReader  *self,
                  const char         *staging,
                  const char         *case_dir,
                  JsonObject         *attachment,
                  GError            **error)
{
  const char *bundle_path = get_string (attachment, "bundle_path");
  const char *stored = get_string (attachment, "stored_path");
  const char *reason = NULL;
  g_autofree char *from = g_build_filename (staging, self->bag_name, "data", bundle_path, NULL);
  g_autofree char *to = NULL;

  if (!_carta_bundle_path_is_safe (stored, &reason))
    return hostile (error, stored, reason);

  to = g_build_filename (case_dir, stored, NULL);
  if (g_strcmp0 (get_string (attachment, "kind"), "imaging") == 0)
    {
      g_autofree char *manifest_to = g_strconcat (to, ".sha256", NULL);

      if (!restore_disc (staging, self->bag_name, attachment, to, error) ||
          !make_parents (manifest_to, error))
        return FALSE;
      g_free (to);
      to = g_steal_pointer (&manifest_to);
    }
  else if (!make_parents (to, error))
    return FALSE;

  /* Two attachments may share one stored file (content-addressed). */
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    return TRUE;
  return move_into_case (from, to, bundle_path, error);
}

/* Each document moves from its place in the bag to its stored path. */
static gboolean
place_documents (CartaBundleReader  *self,
                 const char         *staging,
                 const char         *case_dir,
                 GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Entry *entry = lookup (self, "data/case.json");
  gsize len;
  const char *data = g_bytes_get_data (entry->content, &len);
  JsonArray *items;
  JsonNode *root;

  /* Verified already: an object that carta_case_new_from_json() took. */
  if (!(root = _carta_json_parse_bounded (parser, data, len, error)))
    return FALSE;
  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (root), FALSE);
  items = get_array (json_node_get_object (root), "checklist");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonArray *attachments = get_array (get_object (items, i), "attachments");

      for (guint j = 0; attachments != NULL && j < json_array_get_length (attachments); j++)
        if (!place_attachment (self, staging, case_dir, get_object (attachments, j), error))
          return FALSE;
    }

  return TRUE;
}

/* Everything but the last step, which touches the store's list and so
 * runs on its thread. Returns the case, its files already in place. */
static CartaCase *
import_files (CartaBundleReader  *self,
              CartaStore         *store,
              GHashTable         *taken_ids,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autofree char *staging = NULL;
  g_autofree char *case_dir = NULL;
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(CartaCase) kase = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  gboolean ok = FALSE;

  /* A look at the metadata alone says whether the case is already here,
   * before anything is unpacked. */
  if (self->same_case == CARTA_BUNDLE_SAME_CASE_ASK)
    {
      if (!_carta_bundle_reader_scan (self, NULL, TRUE, cancellable, error))
        return NULL;
      if (g_hash_table_contains (taken_ids, carta_case_get_id (self->kase)))
        {
          g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_EXISTS,
                               _("This case is already in your cases"));
          return NULL;
        }
    }

  if (!(staging = _carta_store_create_staging_folder (store, error)))
    return NULL;

  if (!_carta_bundle_reader_scan (self, staging, FALSE, cancellable, error))
    goto out;

  /* The case as it was, under a new id if this one is taken here. A case
   * deleted a moment ago still owns its id until Undo expires. */
  copy = carta_case_to_json (self->kase);
  object = json_node_get_object (copy);
  id = g_strdup (carta_case_get_id (self->kase));
  /* Replacing, the case set aside still owns its folder name under the
   * deleted prefix, which does not stand in the way. */
  if (g_hash_table_contains (taken_ids, id) ||
      (self->same_case != CARTA_BUNDLE_SAME_CASE_REPLACE && _carta_store_id_is_used_on_disk (store, id)))
    {
      g_free (id);
      id = g_uuid_string_random ();
      json_object_set_string_member (object, "id", id);
    }

  case_dir = g_build_filename (staging, "case", NULL);
  if (g_mkdir (case_dir, 0700) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, _("Could not create the case folder: %s"), g_strerror (errno));
      goto out;
    }

  if (!place_documents (self, staging, case_dir, error))
    goto out;

  /* Drop what only the bundle needs. */
  json_object_remove_member (object, "bundle");
  if (self->title != NULL)
    json_object_set_string_member (object, "title", self->title);
  if (!(kase = carta_case_new_from_json (copy, error)))
    goto out;

  if (!_carta_store_adopt_folder (store, case_dir, id, error))
    goto out;

  ok = TRUE;

out:
  carta_fs_remove_tree (staging);
  return ok ? g_steal_pointer (&kase) : NULL;
}

static GHashTable *
store_ids (CartaStore *store)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *cases = carta_store_get_cases (store);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CartaCase) kase = g_list_model_get_item (cases, i);
      g_hash_table_add (ids, g_strdup (carta_case_get_id (kase)));
    }

  return ids;
}

static gboolean
finish_import (CartaStore  *store,
               CartaCase   *kase,
               GError     **error)
{
  if (!carta_store_add_case (store, kase, error))
    {
      g_autoptr(GFile) dir = carta_store_get_case_dir (store, kase);
      g_autofree char *path = g_file_get_path (dir);

      carta_fs_remove_tree (path);
      return FALSE;
    }

  return TRUE;
}

/**
 * carta_bundle_reader_import:
 * @store: where the case goes
 *
 * Verifies the bundle completely while unpacking it beside the store,
 * then adds its case to @store — under a new id if the store already has
 * this one. Nothing is added when anything is wrong.
 *
 * Returns: (transfer full): the new case, or %NULL with @error set
 */
CartaCase *
carta_bundle_reader_import (CartaBundleReader  *self,
                            CartaStore         *store,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(CartaCase) kase = NULL;

  g_return_val_if_fail (CARTA_IS_BUNDLE_READER (self), NULL);
  g_return_val_if_fail (CARTA_IS_STORE (store), NULL);

  ids = store_ids (store);

  if (!(kase = import_files (self, store, ids, cancellable, error)))
    return NULL;

  if (!finish_import (store, kase, error))
    return NULL;

  return g_steal_pointer (&kase);
}

typedef struct
{
  CartaStore *store;
  GHashTable *ids;
} ReaderImportData;

static void
import_data_free (ReaderImportData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->ids, g_hash_table_unref);
  g_free (data);
}

static gpointer
import_work (GTask         *task,
             GCancellable  *cancellable,
             GError       **error)
{
  ReaderImportData *data = g_task_get_task_data (task);

  return import_files (g_task_get_source_object (task), data->store, data->ids, cancellable, error);
}

/**
 * carta_bundle_reader_import_async:
 *
 * Like carta_bundle_reader_import(), with the reading in a thread; the
 * case joins @store on the calling thread, in _finish().
 */
void
carta_bundle_reader_import_async (CartaBundleReader   *self,
                                  CartaStore          *store,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReaderImportData *data;

  g_return_if_fail (CARTA_IS_BUNDLE_READER (self));
  g_return_if_fail (CARTA_IS_STORE (store));

  data = g_new0 (ReaderImportData, 1);
  data->store = g_object_ref (store);
  data->ids = store_ids (store);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_bundle_reader_import_async);
  /* The thread says whether it was cancelled. Once it has put the case
   * folder in place, only _finish() can list it or take it away. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  carta_task_run_pointer_in_thread (task, import_work, g_object_unref);
}

/**
 * carta_bundle_reader_import_finish:
 *
 * Returns: (transfer full): the case, now in the store, or %NULL
 */
CartaCase *
carta_bundle_reader_import_finish (CartaBundleReader  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_autoptr(CartaCase) kase = NULL;
  ReaderImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!(kase = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  if (!finish_import (data->store, kase, error))
    return NULL;

  return g_steal_pointer (&kase);
}

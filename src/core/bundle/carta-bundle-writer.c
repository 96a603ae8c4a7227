/* carta-bundle-writer.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE 1
#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha1.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "carta-bundle-private.h"
#include "carta-bundle-reader.h"
#include "carta-bundle-writer.h"
#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-progress-private.h"
#include "carta-sha256-private.h"
#include "carta-task.h"
#include "carta-zip-directory-private.h"

/* Two threads share the work: one reads each file once and hashes it
 * (SHA-256 for the bag, SHA-1 for FHIR), the other compresses and writes
 * the ZIP. A few fixed buffers pass between them, so memory stays flat
 * whatever the size of the case. */
#define CHUNK_SIZE   (1024 * 1024)
#define N_CHUNKS     8
/* What does not shrink is stored; the rest is deflated at a level that
 * keeps up with the disk: level 1 is about 7x faster than 6 on medical
 * images and only ~10% larger. */
#define DEFLATE_LEVEL "1"

/* The bundle is written beside its destination under this name, then
 * renamed: never a partial file under the final name. */
#define TEMP_PREFIX ".carta-bundle-"
#define TEMP_SUFFIX ".part"

struct _CartaBundleWriter
{
  GObject    parent_instance;

  CartaCase *kase;
  GFile     *case_dir;
  char      *passphrase;
  char      *summary_language;
  gboolean   full_verify;
  gboolean   busy;

  guint64    bytes_done;
  guint64    bytes_total;
  double     seconds_left;
  gint64     write_started;  /* for seconds_left */
};

G_DEFINE_FINAL_TYPE (CartaBundleWriter, carta_bundle_writer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_CASE_DIR,
  PROP_BYTES_DONE,
  PROP_BYTES_TOTAL,
  PROP_SECONDS_LEFT,
  PROP_SUMMARY_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  MSG_DATA,
  MSG_END_FILE,
  MSG_MEMORY,
  MSG_DONE,
  MSG_ERROR,
} MsgKind;

typedef struct
{
  MsgKind  kind;
  guint    index;
  guint8  *buffer;
  gsize    length;
  char    *path;     /* MSG_MEMORY: path inside the bag */
  GBytes  *bytes;    /* MSG_MEMORY */
  GError  *error;    /* MSG_ERROR */
} Msg;

typedef struct
{
  /* Set up before the threads start, then read-only */
  CartaCase               *snapshot;
  GPtrArray               *docs;
  GDateTime               *when;
  char                    *bag_name;
  char                    *dest_path;
  char                    *temp_path;
  char                    *passphrase;
  gboolean                 full_verify;
  CartaCatalog            *catalog;         /* summary.pdf's language */
  char                    *summary_language;
  guint64                  total;
  GCancellable            *cancellable;

  /* Between the threads */
  GAsyncQueue             *free_buffers;
  GAsyncQueue             *messages;
  gint                     abort;

  /* Progress */
  CartaBundleProgressFunc  progress;
  gpointer                 progress_data;
  gint64                   started;
  gint64                   last_report;
  CartaProgress            marshal;         /* the async write's, to its context */
  gboolean                 marshal_set;
  guint64                  done;

  /* Writer side */
  int                      fd;
  struct archive          *archive;
  GError                  *write_error;
} WriteJob;

static void
msg_free (Msg *msg)
{
  g_free (msg->buffer);
  g_free (msg->path);
  g_clear_pointer (&msg->bytes, g_bytes_unref);
  g_clear_error (&msg->error);
  g_free (msg);
}

static void
job_free (WriteJob *job)
{
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->docs, g_ptr_array_unref);
  g_clear_pointer (&job->when, g_date_time_unref);
  g_free (job->bag_name);
  g_free (job->dest_path);
  g_free (job->temp_path);
  _carta_secret_free (job->passphrase);
  g_clear_object (&job->catalog);
  g_free (job->summary_language);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->free_buffers, g_async_queue_unref);
  g_clear_pointer (&job->messages, g_async_queue_unref);
  g_clear_error (&job->write_error);
  if (job->marshal_set)
    _carta_progress_clear (&job->marshal);
  g_free (job);
}

static void
push (WriteJob *job,
      MsgKind   kind,
      guint     index,
      guint8   *buffer,
      gsize     length)
{
  Msg *msg = g_new0 (Msg, 1);

  msg->kind = kind;
  msg->index = index;
  msg->buffer = buffer;
  msg->length = length;
  g_async_queue_push (job->messages, msg);
}

static void
push_memory (WriteJob   *job,
             const char *path,
             GBytes     *bytes)
{
  Msg *msg = g_new0 (Msg, 1);

  msg->kind = MSG_MEMORY;
  msg->path = g_strdup (path);
  msg->bytes = g_bytes_ref (bytes);
  g_async_queue_push (job->messages, msg);
}

static void
push_error (WriteJob *job,
            GError   *error)
{
  Msg *msg = g_new0 (Msg, 1);

  msg->kind = MSG_ERROR;
  msg->error = error;
  g_async_queue_push (job->messages, msg);
}

static gboolean
aborted (WriteJob *job)
{
  return g_atomic_int_get (&job->abort) || g_cancellable_is_cancelled (job->cancellable);
}

/* Blocks until the writer gives a buffer back, or the job stops. */
static guint8 *
take_buffer (WriteJob *job)
{
  while (!aborted (job))
    {
      guint8 *buffer = g_async_queue_timeout_pop (job->free_buffers, 100 * 1000);

      if (buffer != NULL)
        return buffer;
    }

  return NULL;
}

static void
sha256_hex (const guint8 *data,
            gsize         length,
            char         *out)
{
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, length, data);
  _carta_sha256_ctx_hex (&ctx, out);
}

/* The number of pages of a PDF, read by poppler from its page tree;
 * 0 (shown as unknown) for one it cannot open, such as an encrypted one. */
static guint
count_pdf_pages (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, NULL);
  guint pages = 0;

  if (document != NULL)
    {
      pages = poppler_document_get_n_pages (document);
      g_object_unref (document);
    }

  return pages;
}

/* A stored copy that no longer matches the digest taken when it was
 * added has been damaged (a disk, a sync tool, an edit by hand). The
 * export stops rather than leave it out: a bundle that silently lacks a
 * record, or carries a changed one, could mislead the doctors. */
static gboolean
check_recorded_digest (CartaBundleDoc  *doc,
                       GError         **error)
{
  if (doc->recorded_sha256 == NULL || g_ascii_strcasecmp (doc->recorded_sha256, doc->sha256) == 0)
    return TRUE;

  if (doc->role == CARTA_BUNDLE_DOC_DISC_FILE)
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                 _("The file “%s” of the imaging disc “%s” of “%s” has changed since it was added, "
                   "so no bundle was made. Remove the disc from its record and add it again from the original."),
                 doc->disc_relative, doc->original_name, doc->item_title);
  else
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                 _("The stored copy of “%s” of “%s” has changed since it was added, so no bundle "
                   "was made. Remove it from its record and add the original again."),
                 doc->original_name, doc->item_title);
  return FALSE;
}

static gboolean
read_document (WriteJob  *job,
               guint      index,
               GError   **error)
{
  CartaBundleDoc *doc = g_ptr_array_index (job->docs, index);
  struct sha256_ctx sha256;
  struct sha1_ctx sha1;
  guint8 digest[SHA1_DIGEST_SIZE];
  gboolean is_pdf = FALSE;
  guint64 read_total = 0;
  struct stat st;
  int fd;

  fd = _carta_open_beneath (doc->source_root, doc->source_relative);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("Could not read the document “%s” of “%s”: %s"),
                   doc->original_name, doc->item_title, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || (guint64)st.st_size != doc->size)
    {
      close (fd);
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("The document “%s” of “%s” changed while it was being exported; try again"),
                   doc->original_name, doc->item_title);
      return FALSE;
    }

#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif

  sha256_init (&sha256);
  sha1_init (&sha1);

  for (;;)
    {
      guint8 *buffer = take_buffer (job);
      gsize filled = 0;

      if (buffer == NULL)
        {
          close (fd);
          return TRUE;   /* the writer stopped; it knows why */
        }

      while (filled < CHUNK_SIZE)
        {
          gssize n = read (fd, buffer + filled, CHUNK_SIZE - filled);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              int saved_errno = errno;

              g_async_queue_push (job->free_buffers, buffer);
              close (fd);
              g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                           _("Could not read the document “%s” of “%s”: %s"),
                           doc->original_name, doc->item_title, g_strerror (saved_errno));
              return FALSE;
            }
          if (n == 0)
            break;
          filled += n;
        }

      if (filled == 0)
        {
          g_async_queue_push (job->free_buffers, buffer);
          break;
        }

      if (read_total == 0)
        {
          CartaDicomPeek peek = { 0 };

          is_pdf = filled >= 5 && memcmp (buffer, "%PDF-", 5) == 0;
          if (_carta_dicom_peek (buffer, filled, &peek))
            {
              doc->dicom_study_uid = g_steal_pointer (&peek.study_uid);
              doc->dicom_study_date = g_steal_pointer (&peek.study_date);
              doc->dicom_modality = g_steal_pointer (&peek.modality);
              doc->dicom_description = g_steal_pointer (&peek.description);
              _carta_dicom_peek_clear (&peek);
            }
        }

      read_total += filled;
      if (read_total > doc->size)
        {
          g_async_queue_push (job->free_buffers, buffer);
          close (fd);
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                       _("The document “%s” of “%s” changed while it was being exported; try again"),
                       doc->original_name, doc->item_title);
          return FALSE;
        }

      sha256_update (&sha256, filled, buffer);
      sha1_update (&sha1, filled, buffer);

      push (job, MSG_DATA, index, buffer, filled);
    }

  close (fd);

  if (read_total != doc->size)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("The document “%s” of “%s” changed while it was being exported; try again"),
                   doc->original_name, doc->item_title);
      return FALSE;
    }

  _carta_sha256_ctx_hex (&sha256, doc->sha256);
  if (!check_recorded_digest (doc, error))
    return FALSE;
  sha1_digest (&sha1, SHA1_DIGEST_SIZE, digest);
  doc->sha1_base64 = g_base64_encode (digest, SHA1_DIGEST_SIZE);
  if (is_pdf)
    doc->pdf_pages = count_pdf_pages (doc->source_path);

  push (job, MSG_END_FILE, index, NULL, 0);
  return TRUE;
}

/* RFC 8493 §2.1.3: only CR, LF and % are encoded in manifest paths. */
static void
append_manifest_path (GString    *out,
                      const char *path)
{
  for (const char *p = path; *p; p++)
    {
      if (*p == '%')
        g_string_append (out, "%25");
      else if (*p == '\n')
        g_string_append (out, "%0A");
      else if (*p == '\r')
        g_string_append (out, "%0D");
      else
        g_string_append_c (out, *p);
    }
}

static GBytes *
take_string (GString *string)
{
  gsize len = string->len;
  return g_bytes_new_take (g_string_free (string, FALSE), len);
}

static GBytes *
json_bytes (JsonNode *node)
{
  gsize length;
  char *data = _carta_bundle_json_to_data (node, &length);
  char *with_newline = g_realloc (data, length + 1);

  with_newline[length] = '\n';
  return g_bytes_new_take (with_newline, length + 1);
}

#define BAG_INFO_VALUE_MAX 1000

static char *
bag_info_value (const char *value)
{
  /* One line per field: labels and values must not break lines. A
   * field is a label for people; the case's own words are in case.json,
   * so a damaged case with a name of megabytes keeps bag-info small. */
  g_autofree char *copy = NULL;

  if (strlen (value) > BAG_INFO_VALUE_MAX)
    {
      const char *end = g_utf8_find_prev_char (value, value + BAG_INFO_VALUE_MAX);

      g_autofree char *head = g_strndup (value, end ? end - value : 0);

      copy = g_strconcat (head, "…", NULL);
    }
  else
    copy = g_strdup (value);
  return g_strdelimit (g_steal_pointer (&copy), "\r\n", ' ');
}

static GBytes *
build_bag_info (WriteJob *job,
                guint64   payload_bytes,
                guint     payload_files)
{
  CartaPatient *patient = carta_case_get_patient (job->snapshot);
  GString *out = g_string_new (NULL);
  g_autofree char *date = g_date_time_format (job->when, "%Y-%m-%d");
  g_autofree char *contact_name = NULL;
  g_autofree char *contact_phone = NULL;
  g_autofree char *contact_email = NULL;
  GListModel *contacts = carta_case_get_contacts (job->snapshot);
  const char *contact = carta_patient_get_contact (patient);
  const char *name = carta_patient_get_name (patient);

  /* The first contact person is whom the coordinators reach. */
  if (g_list_model_get_n_items (contacts) > 0)
    {
      g_autoptr(CartaContact) first = g_list_model_get_item (contacts, 0);

      contact_name = g_strdup (carta_contact_get_name (first));
      contact_phone = g_strdup (carta_contact_get_phone (first));
      contact_email = g_strdup (carta_contact_get_email (first));
    }

  /* Otherwise the patient's own contact field: sort it out. */
  if (contact != NULL && contact_name == NULL && contact_phone == NULL && contact_email == NULL)
    {
      if (strchr (contact, '@'))
        contact_email = g_strdup (contact);
      else if (strspn (contact, "+0123456789 ()-.") == strlen (contact))
        contact_phone = g_strdup (contact);
      else
        contact_name = g_strdup (contact);
    }

  g_string_append_printf (out, "Source-Organization: Prepared by the patient's family with Carta\n");
  if (contact_name != NULL)
    {
      g_autofree char *v = bag_info_value (contact_name);
      g_string_append_printf (out, "Contact-Name: %s\n", v);
    }
  if (contact_phone != NULL)
    {
      g_autofree char *v = bag_info_value (contact_phone);
      g_string_append_printf (out, "Contact-Phone: %s\n", v);
    }
  if (contact_email != NULL)
    {
      g_autofree char *v = bag_info_value (contact_email);
      g_string_append_printf (out, "Contact-Email: %s\n", v);
    }
  {
    g_autofree char *who = bag_info_value (name ? name : carta_case_get_title (job->snapshot));
    g_string_append_printf (out, "External-Description: Medical records of %s for the assessment "
                            "of a CAR-T trial: summary.pdf (readable summary), case.json "
                            "(Carta case), fhir-bundle.json (HL7 FHIR R4), documents/.\n", who);
  }
  g_string_append_printf (out, "External-Identifier: urn:uuid:%s\n", carta_case_get_id (job->snapshot));
  g_string_append_printf (out, "Bagging-Date: %s\n", date);
  g_string_append_printf (out, "Bag-Software-Agent: Carta %s\n", PACKAGE_VERSION);
  g_string_append_printf (out, "Summary-Language: %s\n", job->summary_language);
  g_string_append_printf (out, "Payload-Oxum: %" G_GUINT64_FORMAT ".%u\n", payload_bytes, payload_files);

  return take_string (out);
}

typedef struct
{
  const char *path;
  GBytes     *bytes;
} MemoryFile;

/* Queues @files for the archive, each with its line in @manifest.
 * Returns their size. */
static guint64
push_memory_files (WriteJob         *job,
                   const MemoryFile *files,
                   guint             n_files,
                   GString          *manifest)
{
  char hex[CARTA_BUNDLE_SHA256_HEX_LEN + 1];
  guint64 total = 0;

  for (guint i = 0; i < n_files; i++)
    {
      gsize len;
      const guint8 *data = g_bytes_get_data (files[i].bytes, &len);

      sha256_hex (data, len, hex);
      g_string_append_printf (manifest, "%s  %s\n", hex, files[i].path);
      total += len;
      push_memory (job, files[i].path, files[i].bytes);
    }

  return total;
}

static gboolean
read_everything (WriteJob  *job,
                 GError   **error)
{
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) tag_manifest = g_string_new (NULL);
  g_autoptr(JsonNode) case_json = NULL;
  g_autoptr(JsonNode) fhir_json = NULL;
  g_autoptr(GBytes) case_bytes = NULL;
  g_autoptr(GBytes) fhir_bytes = NULL;
  g_autoptr(GBytes) summary = NULL;
  g_autoptr(GBytes) bagit = NULL;
  g_autoptr(GBytes) bag_info = NULL;
  g_autoptr(GBytes) manifest_bytes = NULL;
  g_autoptr(GBytes) tag_manifest_bytes = NULL;
  guint64 payload_bytes = 0;
  guint payload_files = 0;

  for (guint i = 0; i < job->docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (job->docs, i);

      if (!read_document (job, i, error))
        return FALSE;
      if (aborted (job))
        return TRUE;

      payload_bytes += doc->size;
      payload_files++;
      g_string_append_printf (manifest, "%s  data/", doc->sha256);
      append_manifest_path (manifest, doc->bag_path);
      g_string_append_c (manifest, '\n');
    }

  /* The generated payload, made once every digest is known. */
  case_json = _carta_bundle_build_case_json (job->snapshot, job->docs, job->when, job->summary_language);
  case_bytes = json_bytes (case_json);
  fhir_json = _carta_bundle_build_fhir (job->snapshot, job->docs, job->when);
  fhir_bytes = json_bytes (fhir_json);
  if (!(summary = _carta_bundle_render_summary (job->snapshot, job->docs, job->when, job->catalog, error)))
    return FALSE;

  {
    const MemoryFile payload[] = {
      { "data/case.json", case_bytes },
      { "data/fhir-bundle.json", fhir_bytes },
      { "data/summary.pdf", summary },
    };

    payload_bytes += push_memory_files (job, payload, G_N_ELEMENTS (payload), manifest);
    payload_files += G_N_ELEMENTS (payload);
  }

  bagit = g_bytes_new_static ("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                              strlen ("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
  bag_info = build_bag_info (job, payload_bytes, payload_files);
  manifest_bytes = take_string (g_steal_pointer (&manifest));

  {
    const MemoryFile tags[] = {
      { "bagit.txt", bagit },
      { "bag-info.txt", bag_info },
      { "manifest-sha256.txt", manifest_bytes },
    };

    push_memory_files (job, tags, G_N_ELEMENTS (tags), tag_manifest);
  }

  tag_manifest_bytes = take_string (g_steal_pointer (&tag_manifest));
  push_memory (job, "tagmanifest-sha256.txt", tag_manifest_bytes);

  return TRUE;
}

static gpointer
reader_thread (gpointer data)
{
  WriteJob *job = data;
  GError *error = NULL;

  if (!read_everything (job, &error))
    push_error (job, error);
  else
    push (job, MSG_DONE, 0, NULL, 0);

  return NULL;
}

/* libarchive's output, to our own file descriptor. */
static la_ssize_t
archive_write_cb (struct archive *archive,
                  void           *client_data,
                  const void     *buffer,
                  size_t          length)
{
  WriteJob *job = client_data;
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (job->fd, (const char *)buffer + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          if (job->write_error == NULL)
            g_set_error (&job->write_error, CARTA_ERROR, CARTA_ERROR_IO,
                         saved_errno == ENOSPC
                           ? _("There is not enough space to save the bundle: %s")
                           : _("Could not write the bundle: %s"),
                         g_strerror (saved_errno));
          archive_set_error (archive, saved_errno, "write failed");
          return -1;
        }
      written += n;
    }

  return length;
}

static gboolean
archive_failed (WriteJob    *job,
                const char  *what,
                GError     **error)
{
  if (job->write_error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->write_error));
  else
    g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                 _("Could not write the bundle (%s): %s"), what,
                 archive_error_string (job->archive) ? archive_error_string (job->archive) : _("unknown error"));
  return FALSE;
}

static void
report_progress (WriteJob *job,
                 gboolean  force)
{
  gint64 now = g_get_monotonic_time ();

  if (job->progress == NULL)
    return;

  if (!force && now - job->last_report < 100 * 1000)
    return;

  job->last_report = now;
  job->progress (job->done, job->total, job->progress_data);
}

static gboolean
begin_entry (WriteJob      *job,
             const char    *path,
             guint64        size,
             GDateTime     *mtime,
             const guint8  *sample,
             gsize          sample_len,
             const char    *declared_type,
             gboolean      *stored,
             GError       **error)
{
  g_autofree char *full = g_strconcat (job->bag_name, "/", path, NULL);
  struct archive_entry *entry;
  int ret;

  switch (_carta_bundle_sniff (sample, sample_len, declared_type))
    {
    case CARTA_BUNDLE_CONTENT_COMPRESSED:
      *stored = TRUE;
      break;

    case CARTA_BUNDLE_CONTENT_DICOM_RAW:
    case CARTA_BUNDLE_CONTENT_UNKNOWN:
    default:
      *stored = size == 0 || _carta_bundle_trial_says_store (sample, sample_len);
      break;
    }

  /* Format options may only be set before the first entry; these two
   * calls are the ones libarchive allows between entries. */
  if ((*stored ? archive_write_zip_set_compression_store (job->archive)
               : archive_write_zip_set_compression_deflate (job->archive)) != ARCHIVE_OK)
    return archive_failed (job, "compression", error);

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, full);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, g_date_time_to_unix (mtime ? mtime : job->when), 0);
  ret = archive_write_header (job->archive, entry);
  archive_entry_free (entry);

  if (ret != ARCHIVE_OK)
    return archive_failed (job, path, error);

  return TRUE;
}

static gboolean
write_data (WriteJob      *job,
            const guint8  *data,
            gsize          length,
            const char    *path,
            GError       **error)
{
  while (length > 0)
    {
      la_ssize_t n = archive_write_data (job->archive, data, length);

      if (n <= 0)
        return archive_failed (job, path, error);
      data += n;
      length -= n;
    }

  return TRUE;
}

static gboolean
end_entry (WriteJob    *job,
           const char  *path,
           GError     **error)
{
  if (archive_write_finish_entry (job->archive) != ARCHIVE_OK)
    return archive_failed (job, path, error);
  return TRUE;
}

static gboolean
write_archive (WriteJob  *job,
               GError   **error)
{
  guint current = G_MAXUINT;
  gboolean in_entry = FALSE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      Msg *msg = g_async_queue_pop (job->messages);
      gboolean ok = TRUE;
      gboolean done = FALSE;

      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        {
          msg_free (msg);
          return FALSE;
        }

      switch (msg->kind)
        {
        case MSG_DATA:
          {
            CartaBundleDoc *doc = g_ptr_array_index (job->docs, msg->index);
            g_autofree char *path = g_strconcat ("data/", doc->bag_path, NULL);

            if (msg->index != current)
              {
                current = msg->index;
                in_entry = TRUE;
                ok = begin_entry (job, path, doc->size, doc->added,
                                  msg->buffer, msg->length, doc->content_type,
                                  &doc->stored, &local_error);
              }

            if (ok)
              ok = write_data (job, msg->buffer, msg->length, path, &local_error);

            job->done += msg->length;
            report_progress (job, FALSE);
            /* The buffer goes back to the reader. */
            g_async_queue_push (job->free_buffers, g_steal_pointer (&msg->buffer));
          }
          break;

        case MSG_END_FILE:
          {
            CartaBundleDoc *doc = g_ptr_array_index (job->docs, msg->index);
            g_autofree char *path = g_strconcat ("data/", doc->bag_path, NULL);

            if (msg->index != current)
              {
                current = msg->index;
                ok = begin_entry (job, path, 0, doc->added, NULL, 0, NULL, &doc->stored, &local_error);
              }
            if (ok)
              ok = end_entry (job, path, &local_error);
            in_entry = FALSE;
          }
          break;

        case MSG_MEMORY:
          {
            gsize len;
            const guint8 *data = g_bytes_get_data (msg->bytes, &len);
            gboolean stored;

            ok = begin_entry (job, msg->path, len, NULL, data, len, NULL, &stored, &local_error) &&
                 write_data (job, data, len, msg->path, &local_error) &&
                 end_entry (job, msg->path, &local_error);
          }
          break;

        case MSG_DONE:
          done = TRUE;
          break;

        case MSG_ERROR:
          local_error = g_steal_pointer (&msg->error);
          ok = FALSE;
          break;

        default:
          g_assert_not_reached ();
        }

      msg_free (msg);

      if (!ok)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (done)
        break;
    }

  g_assert (!in_entry);

  if (archive_write_close (job->archive) != ARCHIVE_OK)
    return archive_failed (job, "closing", error);

  report_progress (job, TRUE);
  return TRUE;
}

/* The bundle written so far, at job->fd, becomes the one entry of an
 * AES-256 ZIP beside it, which job->fd and job->temp_path then are: its
 * listing shows one neutral name and a size, nothing of the case. Stored:
 * what could shrink in it is deflated already. */
static gboolean
encrypt_bundle (WriteJob  *job,
                GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (job->dest_path);
  g_autofree char *plain_path = g_steal_pointer (&job->temp_path);
  g_autofree guint8 *buffer = NULL;
  struct archive_entry *entry;
  int plain_fd = job->fd;
  struct stat st;
  guint64 at = 0;
  gboolean ok = FALSE;
  int ret;

  job->temp_path = g_strdup_printf ("%s/" TEMP_PREFIX "XXXXXX" TEMP_SUFFIX, dir);
  job->fd = g_mkstemp_full (job->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (job->fd < 0)
    {
      job->fd = plain_fd;
      g_free (job->temp_path);
      job->temp_path = g_steal_pointer (&plain_path);
      return _carta_set_io_error (error, errno, _("Could not create a file in “%s”: %s"), dir);
    }
  _carta_lock_temporary (job->fd);

  if (fstat (plain_fd, &st) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, _("Could not save the bundle: %s"), g_strerror (errno));
      goto out;
    }

  job->archive = archive_write_new ();
  archive_write_set_format_zip (job->archive);
  archive_write_set_bytes_per_block (job->archive, 256 * 1024);
  archive_write_set_bytes_in_last_block (job->archive, 1);
  if (archive_write_set_format_option (job->archive, "zip", "compression", "store") != ARCHIVE_OK ||
      archive_write_set_format_option (job->archive, "zip", "encryption", "aes256") != ARCHIVE_OK ||
      archive_write_set_passphrase (job->archive, job->passphrase) != ARCHIVE_OK)
    {
      archive_failed (job, "encryption", error);
      goto out;
    }
  if (archive_write_open2 (job->archive, job, NULL, archive_write_cb, NULL, NULL) != ARCHIVE_OK)
    {
      archive_failed (job, "opening", error);
      goto out;
    }

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, CARTA_BUNDLE_ENCRYPTED_ENTRY);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, st.st_size);
  archive_entry_set_mtime (entry, g_date_time_to_unix (job->when), 0);
  ret = archive_write_header (job->archive, entry);
  archive_entry_free (entry);
  if (ret != ARCHIVE_OK)
    {
      archive_failed (job, CARTA_BUNDLE_ENCRYPTED_ENTRY, error);
      goto out;
    }

  buffer = g_malloc (CHUNK_SIZE);
  while (at < (guint64)st.st_size)
    {
      gssize n = pread (plain_fd, buffer, MIN (CHUNK_SIZE, (guint64)st.st_size - at), at);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, _("Could not save the bundle: %s"),
                       g_strerror (n < 0 ? errno : EIO));
          goto out;
        }
      if (g_cancellable_set_error_if_cancelled (job->cancellable, error) ||
          !write_data (job, buffer, n, CARTA_BUNDLE_ENCRYPTED_ENTRY, error))
        goto out;
      at += n;
    }

  if (!end_entry (job, CARTA_BUNDLE_ENCRYPTED_ENTRY, error))
    goto out;
  if (archive_write_close (job->archive) != ARCHIVE_OK)
    {
      archive_failed (job, "closing", error);
      goto out;
    }

  ok = _carta_zip_complete_local_headers (job->fd, TRUE, error);

out:
  g_clear_pointer (&job->archive, archive_write_free);
  close (plain_fd);
  g_unlink (plain_path);
  return ok;
}

static gboolean
run_job (WriteJob  *job,
         GError   **error)
{
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autofree char *dir = g_path_get_dirname (job->dest_path);
  GThread *thread;
  gboolean ok;

  /* A short name of its own, so a destination at the file system's name
   * limit still has room for its temporary file. */
  job->temp_path = g_strdup_printf ("%s/" TEMP_PREFIX "XXXXXX" TEMP_SUFFIX, dir);
  /* What an export stopped by a crash or kill -9 left here goes first:
   * it may be a whole copy of the records. */
  _carta_remove_stale_temporaries (dir, TEMP_PREFIX, TEMP_SUFFIX);
  job->fd = g_mkstemp_full (job->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (job->fd < 0)
    return _carta_set_io_error (error, errno, _("Could not create a file in “%s”: %s"), dir);
  _carta_lock_temporary (job->fd);

  job->archive = archive_write_new ();
  archive_write_set_format_zip (job->archive);
  archive_write_set_bytes_per_block (job->archive, 256 * 1024);
  archive_write_set_bytes_in_last_block (job->archive, 1);
  archive_write_set_format_option (job->archive, "zip", "compression-level", DEFLATE_LEVEL);

  if (archive_write_open2 (job->archive, job, NULL, archive_write_cb, NULL, NULL) != ARCHIVE_OK)
    {
      ok = archive_failed (job, "opening", error);
      goto out;
    }

  job->free_buffers = g_async_queue_new_full (g_free);
  job->messages = g_async_queue_new_full ((GDestroyNotify)msg_free);
  for (guint i = 0; i < N_CHUNKS; i++)
    g_async_queue_push (job->free_buffers, g_malloc (CHUNK_SIZE));

  job->started = g_get_monotonic_time ();
  thread = g_thread_new ("carta-bundle-read", reader_thread, job);
  ok = write_archive (job, error);
  g_atomic_int_set (&job->abort, 1);
  g_thread_join (thread);

out:
  archive_write_free (job->archive);
  job->archive = NULL;

  if (ok)
    ok = _carta_zip_complete_local_headers (job->fd, FALSE, error);
  if (ok && job->passphrase != NULL)
    ok = encrypt_bundle (job, error);

  if (ok && fsync (job->fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("Could not save the bundle: %s"), g_strerror (saved_errno));
      ok = FALSE;
    }

  if (close (job->fd) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("Could not save the bundle: %s"), g_strerror (saved_errno));
      ok = FALSE;
    }
  job->fd = -1;

  if (ok)
    {
      g_autoptr(GFile) temp = g_file_new_for_path (job->temp_path);
      g_autoptr(GError) verify_error = NULL;

      reader = carta_bundle_reader_new (temp);
      carta_bundle_reader_set_passphrase (reader, job->passphrase);
      if (!carta_bundle_reader_verify (reader, !job->full_verify, job->cancellable, &verify_error))
        {
          if (g_error_matches (verify_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&verify_error));
          else
            g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                         _("The bundle did not pass its check after writing, so it was not saved: %s"),
                         verify_error->message);
          ok = FALSE;
        }
    }

  if (ok && g_rename (job->temp_path, job->dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("Could not save the bundle as “%s”: %s"), job->dest_path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (job->temp_path);
  else
    ok = _carta_fsync_parent (job->dest_path, _("Could not save the bundle in “%s”: %s"), error);

  return ok;
}

static WriteJob *
job_new (CartaBundleWriter  *self,
         GFile              *destination,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autoptr(JsonNode) snapshot = NULL;
  g_autofree char *case_dir = NULL;
  WriteJob *job;

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("A bundle is already being written"));
      return NULL;
    }

  job = g_new0 (WriteJob, 1);
  job->fd = -1;
  job->when = g_date_time_new_now_local ();
  job->dest_path = g_file_get_path (destination);
  job->passphrase = self->passphrase && *self->passphrase ? g_strdup (self->passphrase) : NULL;
  job->full_verify = self->full_verify;
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();

  /* Read once here: the reader thread only looks strings up in it. */
  job->summary_language = carta_catalog_normalize_language (self->summary_language);
  if (!(job->catalog = carta_catalog_new_for_language (job->summary_language, error)))
    {
      job_free (job);
      return NULL;
    }

  /* The thread works on a copy, so the family may keep editing. */
  snapshot = carta_case_to_json (self->kase);
  if (!(job->snapshot = carta_case_new_from_json (snapshot, error)))
    {
      job_free (job);
      return NULL;
    }

  if (job->dest_path == NULL)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_IO, _("The bundle can only be saved to a local folder"));
      job_free (job);
      return NULL;
    }

  case_dir = g_file_get_path (self->case_dir);
  if (!(job->docs = _carta_bundle_plan (job->snapshot, case_dir, error)))
    {
      job_free (job);
      return NULL;
    }

  for (guint i = 0; i < job->docs->len; i++)
    job->total += ((CartaBundleDoc *)g_ptr_array_index (job->docs, i))->size;

  job->bag_name = _carta_bundle_bag_name (job->snapshot, job->when);

  return job;
}

static void
carta_bundle_writer_dispose (GObject *object)
{
  CartaBundleWriter *self = (CartaBundleWriter *)object;

  g_clear_object (&self->kase);
  g_clear_object (&self->case_dir);

  G_OBJECT_CLASS (carta_bundle_writer_parent_class)->dispose (object);
}

static void
carta_bundle_writer_finalize (GObject *object)
{
  CartaBundleWriter *self = (CartaBundleWriter *)object;

  _carta_secret_free (self->passphrase);
  g_free (self->summary_language);

  G_OBJECT_CLASS (carta_bundle_writer_parent_class)->finalize (object);
}

static void
carta_bundle_writer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CartaBundleWriter *self = CARTA_BUNDLE_WRITER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_CASE_DIR:
      g_value_set_object (value, self->case_dir);
      break;

    case PROP_BYTES_DONE:
      g_value_set_uint64 (value, self->bytes_done);
      break;

    case PROP_BYTES_TOTAL:
      g_value_set_uint64 (value, self->bytes_total);
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_double (value, self->seconds_left);
      break;

    case PROP_SUMMARY_LANGUAGE:
      g_value_set_string (value, carta_bundle_writer_get_summary_language (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_bundle_writer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CartaBundleWriter *self = CARTA_BUNDLE_WRITER (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;

    case PROP_CASE_DIR:
      self->case_dir = g_value_dup_object (value);
      break;

    case PROP_SUMMARY_LANGUAGE:
      carta_bundle_writer_set_summary_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_bundle_writer_class_init (CartaBundleWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carta_bundle_writer_dispose;
  object_class->finalize = carta_bundle_writer_finalize;
  object_class->get_property = carta_bundle_writer_get_property;
  object_class->set_property = carta_bundle_writer_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CARTA_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CASE_DIR] =
    g_param_spec_object ("case-dir", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * CartaBundleWriter:bytes-done:
   *
   * Bytes of the documents written so far, updated on the main context
   * a few times a second during carta_bundle_writer_write_async().
   */
  properties[PROP_BYTES_DONE] =
    g_param_spec_uint64 ("bytes-done", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BYTES_TOTAL] =
    g_param_spec_uint64 ("bytes-total", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * CartaBundleWriter:seconds-left:
   *
   * An estimate of the time left, or -1 while there is none yet.
   */
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_double ("seconds-left", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * CartaBundleWriter:summary-language:
   *
   * The language of summary.pdf, such as `zh_CN`; `en` by default.
   */
  properties[PROP_SUMMARY_LANGUAGE] =
    g_param_spec_string ("summary-language", NULL, NULL, "en",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_bundle_writer_init (CartaBundleWriter *self)
{
  self->seconds_left = -1;
  self->full_verify = TRUE;
}

/**
 * carta_bundle_writer_new:
 * @kase: the case to export
 * @case_dir: the folder its attachments' stored paths are relative to
 *
 * Returns: (transfer full): a writer of one bundle of @kase
 */
CartaBundleWriter *
carta_bundle_writer_new (CartaCase *kase,
                         GFile     *case_dir)
{
  g_return_val_if_fail (CARTA_IS_CASE (kase), NULL);
  g_return_val_if_fail (G_IS_FILE (case_dir), NULL);

  return g_object_new (CARTA_TYPE_BUNDLE_WRITER, "case", kase, "case-dir", case_dir, NULL);
}

/**
 * carta_bundle_writer_get_case:
 *
 * Returns: (transfer none): the case
 */
CartaCase *
carta_bundle_writer_get_case (CartaBundleWriter *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), NULL);
  return self->kase;
}

/**
 * carta_bundle_writer_set_passphrase:
 * @passphrase: (nullable): a passphrase to encrypt with (AES-256), or
 *   %NULL for no encryption
 *
 * The passphrase is kept in memory only, and wiped when replaced or when
 * the writer goes away.
 */
void
carta_bundle_writer_set_passphrase (CartaBundleWriter *self,
                                    const char        *passphrase)
{
  g_return_if_fail (CARTA_IS_BUNDLE_WRITER (self));

  _carta_secret_free (self->passphrase);
  self->passphrase = passphrase && *passphrase ? g_strdup (passphrase) : NULL;
}

/**
 * carta_bundle_writer_set_full_verify:
 *
 * With %TRUE (the default) the bundle is read back completely and every
 * file's hash checked before it gets its name; with %FALSE only its
 * structure and metadata are.
 */
void
carta_bundle_writer_set_full_verify (CartaBundleWriter *self,
                                     gboolean           full_verify)
{
  g_return_if_fail (CARTA_IS_BUNDLE_WRITER (self));
  self->full_verify = !!full_verify;
}

/**
 * carta_bundle_writer_set_summary_language:
 * @language: (nullable): a language code such as `zh_CN`, or %NULL or
 *   `en` for English
 *
 * Sets the language summary.pdf is written in, whatever the language of
 * the process. Its strings come from Carta's catalogue for @language
 * (see #CartaCatalog); writing fails with %CARTA_ERROR_NOT_FOUND when
 * Carta has no translation into it. `case.json` and `bag-info.txt` in
 * the bundle record it.
 */
void
carta_bundle_writer_set_summary_language (CartaBundleWriter *self,
                                          const char        *language)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (CARTA_IS_BUNDLE_WRITER (self));

  normalized = carta_catalog_normalize_language (language);
  if (g_strcmp0 (normalized, carta_bundle_writer_get_summary_language (self)) == 0)
    return;

  g_free (self->summary_language);
  self->summary_language = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_LANGUAGE]);
}

/**
 * carta_bundle_writer_get_summary_language:
 *
 * Returns: the language of summary.pdf, `en` unless set
 */
const char *
carta_bundle_writer_get_summary_language (CartaBundleWriter *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), NULL);
  return self->summary_language ? self->summary_language : "en";
}

/**
 * carta_bundle_writer_suggest_filename:
 *
 * Returns: (transfer full): "Carta-Surname-YYYY-MM-DD.zip" for today
 */
char *
carta_bundle_writer_suggest_filename (CartaBundleWriter *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *bag = NULL;

  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), NULL);

  bag = _carta_bundle_bag_name (self->kase, now);
  return g_strconcat (bag, ".zip", NULL);
}

guint64
carta_bundle_writer_get_bytes_done (CartaBundleWriter *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), 0);
  return self->bytes_done;
}

guint64
carta_bundle_writer_get_bytes_total (CartaBundleWriter *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), 0);
  return self->bytes_total;
}

double
carta_bundle_writer_get_seconds_left (CartaBundleWriter *self)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), -1);
  return self->seconds_left;
}

/**
 * carta_bundle_writer_write:
 * @destination: the ZIP file to create; replaced only once the new one
 *   is complete and verified
 * @progress: (nullable) (scope call): called on this thread as bytes are written
 *
 * Writes the bundle, blocking. A cancelled or failed write leaves no file
 * behind and @destination untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
carta_bundle_writer_write (CartaBundleWriter        *self,
                           GFile                    *destination,
                           CartaBundleProgressFunc   progress,
                           gpointer                  progress_data,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  WriteJob *job;
  gboolean ok;

  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!(job = job_new (self, destination, cancellable, error)))
    return FALSE;

  job->progress = progress;
  job->progress_data = progress_data;

  self->busy = TRUE;
  ok = run_job (job, error);
  self->busy = FALSE;

  job_free (job);
  return ok;
}

/* In the calling thread's context: the figures become properties. */
static void
on_write_progress_cb (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  CartaBundleWriter *self = user_data;
  double elapsed = (g_get_monotonic_time () - self->write_started) / (double)G_USEC_PER_SEC;
  /* No estimate from the first second or the first percent. */
  double seconds_left = (elapsed >= 1.0 && done * 100 >= total && done > 0)
                        ? elapsed * (double)(total - MIN (done, total)) / (double)done
                        : -1;

  g_assert (CARTA_IS_BUNDLE_WRITER (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->bytes_done != done)
    {
      self->bytes_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_DONE]);
    }
  if (self->bytes_total != total)
    {
      self->bytes_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_TOTAL]);
    }
  if (self->seconds_left != seconds_left)
    {
      self->seconds_left = seconds_left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* In the writing thread: hands the figures to the calling thread. */
static void
marshal_progress_cb (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  GTask *task = user_data;
  WriteJob *job = g_task_get_task_data (task);

  _carta_progress_update (&job->marshal, task, done, total);
}

static gboolean
write_work (GTask         *task,
            GCancellable  *cancellable,
            GError       **error)
{
  WriteJob *job = g_task_get_task_data (task);

  job->progress = marshal_progress_cb;
  job->progress_data = task;

  return run_job (job, error);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CartaBundleWriter *self = CARTA_BUNDLE_WRITER (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  self->busy = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * carta_bundle_writer_write_async:
 *
 * Writes the bundle in a thread. Progress shows in the properties
 * #CartaBundleWriter:bytes-done, #CartaBundleWriter:bytes-total and
 * #CartaBundleWriter:seconds-left, updated on the calling thread's main
 * context.
 */
void
carta_bundle_writer_write_async (CartaBundleWriter   *self,
                                 GFile               *destination,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (CARTA_IS_BUNDLE_WRITER (self));
  g_return_if_fail (G_IS_FILE (destination));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, carta_bundle_writer_write_async);
  /* The thread says whether it was cancelled: a cancel that comes after
   * the bundle took its name must not report that nothing was saved. */
  g_task_set_check_cancellable (outer, FALSE);

  if (!(job = job_new (self, destination, cancellable, &error)))
    {
      g_task_return_error (outer, error);
      return;
    }

  self->busy = TRUE;
  self->bytes_done = 0;
  self->bytes_total = job->total;
  self->seconds_left = -1;
  self->write_started = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
  /* Reports reach this context; the task keeps the writer alive. */
  _carta_progress_init (&job->marshal, on_write_progress_cb, self, NULL);
  job->marshal_set = TRUE;

  /* The inner task runs the thread; the outer one completes only after
   * busy is cleared, so the callback may start another write. */
  inner = g_task_new (self, cancellable, write_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, job, (GDestroyNotify)job_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_set_check_cancellable (inner, FALSE);
  carta_task_run_boolean_in_thread (inner, write_work);
}

gboolean
carta_bundle_writer_write_finish (CartaBundleWriter  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (CARTA_IS_BUNDLE_WRITER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* carta-import.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-import"
/* For sync_file_range() and syncfs(). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carta-dicom-summary.h"
#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-import-private.h"
#include "carta-progress-private.h"
#include "carta-sha256-private.h"
#include "carta-task.h"

/* Start writing back every so often, so a big file does not pile up
 * dirty pages and the final fsync() is short. */
#define WRITEBACK_STEP (16 * 1024 * 1024)
#define SNIFF_SIZE 4096
#define TEMP_PREFIX ".import-"

typedef enum
{
  PLAN_FILE,
  PLAN_DISC,
} PlanKind;

typedef struct
{
  PlanKind   kind;
  char      *path;          /* what to open */
  char      *display_name;  /* UTF-8, for the attachment and messages */
  guint64    size;
  gboolean   follow;        /* chosen by the family, not found in a folder */
  GPtrArray *entries;       /* CartaFolderEntry, for PLAN_DISC */
} PlanItem;

typedef struct
{
  char     *path;
  gboolean  created;
} Claim;

typedef struct
{
  char              *case_path;
  GPtrArray         *sources;     /* GFile */

  CartaProgress      progress;

  GPtrArray         *attachments; /* CartaAttachment */
  GPtrArray         *skipped;     /* GError */
  GArray            *claims;      /* Claim */
  GPtrArray         *made_dirs;   /* disc folders and manifests to undo */
} ImportData;

/* Imports may run side by side in one case folder. A blob that one of
 * them created must not be removed by another's undo once it is in use. */
typedef struct
{
  guint    refs;
  gboolean kept;
} BlobUse;

static GMutex blob_lock;
static GHashTable *blobs_in_use;

/* Per case folder: imports running, and whether a clean-up runs. */
typedef struct
{
  guint    imports;
  gboolean cleaning;
} Activity;

static GMutex activity_lock;
static GCond activity_cond;
static GHashTable *activities;

static Activity *
activity_get (const char *case_path)
{
  Activity *activity;

  /* Called with activity_lock held. */
  if (activities == NULL)
    activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!(activity = g_hash_table_lookup (activities, case_path)))
    {
      activity = g_new0 (Activity, 1);
      g_hash_table_insert (activities, g_strdup (case_path), activity);
    }

  return activity;
}

static void
activity_drop_if_idle (const char *case_path,
                       Activity   *activity)
{
  if (activity->imports == 0 && !activity->cleaning)
    g_hash_table_remove (activities, case_path);
}

static void
import_begin (const char *case_path)
{
  if (case_path == NULL)
    return;

  g_mutex_lock (&activity_lock);
  activity_get (case_path)->imports++;
  g_mutex_unlock (&activity_lock);
}

/* Before the first write: a clean-up that started earlier finishes first. */
static void
import_wait_for_cleanup (const char *case_path)
{
  if (case_path == NULL)
    return;

  g_mutex_lock (&activity_lock);
  while (activity_get (case_path)->cleaning)
    g_cond_wait (&activity_cond, &activity_lock);
  g_mutex_unlock (&activity_lock);
}

static void
import_end (const char *case_path)
{
  Activity *activity;

  if (case_path == NULL)
    return;

  g_mutex_lock (&activity_lock);
  activity = activity_get (case_path);
  activity->imports--;
  activity_drop_if_idle (case_path, activity);
  g_mutex_unlock (&activity_lock);
}

gboolean
_carta_import_begin_cleanup (const char *case_path)
{
  Activity *activity;
  gboolean ok;

  g_mutex_lock (&activity_lock);
  activity = activity_get (case_path);
  ok = activity->imports == 0 && !activity->cleaning;
  if (ok)
    activity->cleaning = TRUE;
  else
    activity_drop_if_idle (case_path, activity);
  g_mutex_unlock (&activity_lock);

  return ok;
}

void
_carta_import_end_cleanup (const char *case_path)
{
  Activity *activity;

  g_mutex_lock (&activity_lock);
  activity = activity_get (case_path);
  activity->cleaning = FALSE;
  activity_drop_if_idle (case_path, activity);
  g_cond_broadcast (&activity_cond);
  g_mutex_unlock (&activity_lock);
}

static void
plan_item_free (PlanItem *item)
{
  g_free (item->path);
  g_free (item->display_name);
  g_clear_pointer (&item->entries, g_ptr_array_unref);
  g_free (item);
}

void
_carta_folder_entry_free (CartaFolderEntry *entry)
{
  g_free (entry->relative);
  g_free (entry->path);
  g_free (entry);
}

static void
clear_claim (Claim *claim)
{
  g_free (claim->path);
}

static void
import_data_free (ImportData *data)
{
  /* Only now has the caller put the new attachments in the case. */
  import_end (data->case_path);
  g_free (data->case_path);
  g_clear_pointer (&data->sources, g_ptr_array_unref);
  _carta_progress_clear (&data->progress);
  g_clear_pointer (&data->attachments, g_ptr_array_unref);
  g_clear_pointer (&data->skipped, g_ptr_array_unref);
  g_clear_pointer (&data->claims, g_array_unref);
  g_clear_pointer (&data->made_dirs, g_ptr_array_unref);
  g_free (data);
}

static ImportData *
import_data_new (GFile      *case_dir,
                 GListModel *files)
{
  ImportData *data = g_new0 (ImportData, 1);
  guint n = g_list_model_get_n_items (files);

  data->case_path = g_file_get_path (case_dir);
  import_begin (data->case_path);
  data->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (data->sources, g_list_model_get_item (files, i));

  data->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  data->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  data->claims = g_array_new (FALSE, TRUE, sizeof (Claim));
  g_array_set_clear_func (data->claims, (GDestroyNotify)clear_claim);
  data->made_dirs = g_ptr_array_new_with_free_func (g_free);

  return data;
}

/* Progress ---------------------------------------------------------------- */

static void
add_progress (ImportData *data,
              GTask      *task,
              guint64     bytes)
{
  _carta_progress_add (&data->progress, task, bytes);
}

/* Errors ------------------------------------------------------------------ */

static GError *io_error (int         saved_errno,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static GError *
io_error (int         saved_errno,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return g_error_new (CARTA_ERROR, saved_errno == ENOENT ? CARTA_ERROR_NOT_FOUND : CARTA_ERROR_IO,
                      "%s (%s)", message, g_strerror (saved_errno));
}

static void
skip (ImportData *data,
      GError     *error)
{
  /* File names can say whose records these are: not logged. */
  g_debug ("Skipped a file (%s %d)", g_quark_to_string (error->domain), error->code);
  g_ptr_array_add (data->skipped, error);
}

/* Folders ----------------------------------------------------------------- */

static gboolean
is_inside (const char *path,
           const char *root)
{
  gsize len = strlen (root);

  return strncmp (path, root, len) == 0 && (path[len] == '/' || (len == 1 && root[0] == '/'));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static gboolean
walk (const char    *root,
      const char    *relative,
      GPtrArray     *entries,
      GPtrArray     *problems,
      guint          depth,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autofree char *dir_path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (depth > 64)
    {
      g_autofree char *display = _carta_display_name (relative);

      g_ptr_array_add (problems, g_error_new (CARTA_ERROR, CARTA_ERROR_HOSTILE,
                                              _("The folder “%s” is nested too deeply and was left out."),
                                              display));
      return TRUE;
    }

  if (!(dir = g_dir_open (dir_path, 0, &local_error)))
    {
      g_autofree char *display = _carta_display_name (dir_path);

      g_ptr_array_add (problems, g_error_new (CARTA_ERROR, CARTA_ERROR_IO,
                                              _("Could not read the folder “%s”: %s"),
                                              display, local_error->message));
      return TRUE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      g_autofree char *rel = relative ? g_build_filename (relative, child, NULL) : g_strdup (child);
      g_autofree char *path = g_build_filename (root, rel, NULL);
      g_autofree char *display = _carta_display_name (rel);
      struct stat st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (lstat (path, &st) != 0)
        {
          g_ptr_array_add (problems, io_error (errno, _("Could not read “%s”"), display));
          continue;
        }

      if (S_ISLNK (st.st_mode))
        {
          g_autofree char *real = realpath (path, NULL);

          /* Follow a link only to a regular file inside the folder. */
          if (real == NULL || !is_inside (real, root) || stat (real, &st) != 0 || !S_ISREG (st.st_mode))
            {
              g_ptr_array_add (problems, g_error_new (CARTA_ERROR, CARTA_ERROR_HOSTILE,
                                                      _("“%s” is a link to something outside the folder and was left out."),
                                                      display));
              continue;
            }

          g_free (path);
          path = g_steal_pointer (&real);
        }

      if (S_ISDIR (st.st_mode))
        {
          if (!walk (root, rel, entries, problems, depth + 1, cancellable, error))
            return FALSE;
        }
      else if (S_ISREG (st.st_mode))
        {
          CartaFolderEntry *entry = g_new0 (CartaFolderEntry, 1);

          entry->relative = g_steal_pointer (&rel);
          entry->path = g_steal_pointer (&path);
          entry->size = st.st_size;
          g_ptr_array_add (entries, entry);
        }
      else
        g_ptr_array_add (problems, g_error_new (CARTA_ERROR, CARTA_ERROR_HOSTILE,
                                                _("“%s” is not a regular file and was left out."),
                                                display));
    }

  return TRUE;
}

GPtrArray *
_carta_walk_folder (const char    *root,
                    GPtrArray     *problems,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)_carta_folder_entry_free);
  g_autofree char *real = realpath (root, NULL);

  if (real == NULL)
    {
      g_autofree char *display = _carta_display_name (root);

      g_propagate_error (error, io_error (errno, _("Could not open the folder “%s”"), display));
      return NULL;
    }

  if (!walk (real, NULL, entries, problems, 0, cancellable, error))
    return NULL;

  return g_steal_pointer (&entries);
}

/* Copying ----------------------------------------------------------------- */

static gboolean
ensure_dir (const char  *path,
            GError     **error)
{
  if (g_mkdir (path, 0700) != 0 && errno != EEXIST)
    {
      g_propagate_error (error, io_error (errno, _("Could not create the folder “%s”"), path));
      return FALSE;
    }

  return TRUE;
}

static gboolean
fsync_dir (const char  *path,
           GError     **error)
{
  if (_carta_fsync_dir (path))
    return TRUE;

  g_propagate_error (error, io_error (errno, _("Could not save to the folder “%s”"), path));
  return FALSE;
}

typedef struct
{
  char     hex[CARTA_SHA256_HEX_LENGTH + 1];
  char    *content_type;
  guint64  size;
} CopyResult;

/* Copies @in to @out in one pass, hashing on the way. A failure to read
 * the source sets *@source_failed: the file is skipped. A failure to
 * write is about the case folder and stops the whole import. */
static gboolean
copy_and_hash (ImportData    *data,
               GTask         *task,
               int            in,
               int            out,
               const char    *display_name,
               const char    *dest_path,
               CopyResult    *result,
               gboolean      *source_failed,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (CARTA_IO_CHUNK);
  guint8 sniff[SNIFF_SIZE];
  gsize sniffed = 0;
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  guint64 synced = 0;
  gboolean uncertain;
  g_autofree char *type = NULL;

  *source_failed = FALSE;
  result->size = 0;
  sha256_init (&ctx);
  posix_fadvise (in, 0, 0, POSIX_FADV_SEQUENTIAL);

  for (;;)
    {
      gssize n = read (in, buffer, CARTA_IO_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          *source_failed = TRUE;
          g_propagate_error (error, io_error (errno, _("Could not read “%s”"), display_name));
          return FALSE;
        }

      if (n == 0)
        break;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (sniffed < SNIFF_SIZE)
        {
          gsize take = MIN ((gsize)n, SNIFF_SIZE - sniffed);

          memcpy (sniff + sniffed, buffer, take);
          sniffed += take;
        }

      sha256_update (&ctx, n, buffer);

      if (!_carta_write_all (out, buffer, n))
        {
          g_propagate_error (error, io_error (errno, _("Could not copy “%s” into the case"), display_name));
          return FALSE;
        }

      result->size += n;
      if (result->size - synced >= WRITEBACK_STEP)
        {
          sync_file_range (out, synced, result->size - synced, SYNC_FILE_RANGE_WRITE);
          synced = result->size;
        }

      add_progress (data, task, n);
    }

  sha256_digest (&ctx, sizeof digest, digest);
  _carta_sha256_hex (digest, result->hex);

  type = g_content_type_guess (display_name, sniffed > 0 ? sniff : NULL, sniffed, &uncertain);
  result->content_type = g_content_type_get_mime_type (type);
  if (result->content_type == NULL)
    result->content_type = g_strdup ("application/octet-stream");

  return TRUE;
}

static int
open_source (const char  *path,
             gboolean     follow,
             const char  *display_name,
             GError     **error)
{
  struct stat st;
  int fd;

  /* O_NONBLOCK: opening a FIFO must not hang; fstat() then refuses it. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW));
  if (fd < 0)
    {
      g_propagate_error (error, io_error (errno, _("Could not open “%s”"), display_name));
      return -1;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                   _("“%s” is not a regular file and was left out."), display_name);
      return -1;
    }

  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

static void
claim_blob (ImportData *data,
            const char *path,
            gboolean    created)
{
  Claim claim = { g_strdup (path), created };
  BlobUse *use;

  /* Called with blob_lock held. */
  if (blobs_in_use == NULL)
    blobs_in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!(use = g_hash_table_lookup (blobs_in_use, path)))
    {
      use = g_new0 (BlobUse, 1);
      g_hash_table_insert (blobs_in_use, g_strdup (path), use);
    }
  use->refs++;

  g_array_append_val (data->claims, claim);
}

static void
release_blobs (ImportData *data,
               gboolean    keep)
{
  g_mutex_lock (&blob_lock);

  for (guint i = 0; i < data->claims->len; i++)
    {
      Claim *claim = &g_array_index (data->claims, Claim, i);
      BlobUse *use = g_hash_table_lookup (blobs_in_use, claim->path);

      if (keep)
        use->kept = TRUE;
      else if (claim->created && !use->kept && use->refs == 1)
        g_unlink (claim->path);

      if (--use->refs == 0)
        g_hash_table_remove (blobs_in_use, claim->path);
    }

  g_mutex_unlock (&blob_lock);
}

static gboolean
import_file (ImportData    *data,
             GTask         *task,
             PlanItem      *item,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *blobs = g_build_filename (data->case_path, CARTA_BLOBS_DIR, NULL);
  g_autofree char *temp = g_build_filename (blobs, TEMP_PREFIX "XXXXXX", NULL);
  g_autofree char *prefix_dir = NULL;
  g_autofree char *final = NULL;
  g_autofree char *relative = NULL;
  g_autoptr(GError) local_error = NULL;
  CopyResult result = { { 0 }, NULL, 0 };
  CartaAttachment *attachment;
  gboolean source_failed;
  gboolean existed;
  struct stat st;
  int in, out;

  if ((in = open_source (item->path, item->follow, item->display_name, &local_error)) < 0)
    {
      skip (data, g_steal_pointer (&local_error));
      add_progress (data, task, item->size);
      return TRUE;
    }

  if (!ensure_dir (blobs, error))
    {
      close (in);
      return FALSE;
    }

  if ((out = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      close (in);
      g_propagate_error (error, io_error (errno, _("Could not create a file in “%s”"), blobs));
      return FALSE;
    }

  if (!copy_and_hash (data, task, in, out, item->display_name, temp, &result,
                      &source_failed, cancellable, &local_error) ||
      fsync (out) != 0)
    {
      int saved_errno = errno;

      close (in);
      close (out);
      g_unlink (temp);
      g_free (result.content_type);

      if (local_error == NULL)
        local_error = io_error (saved_errno, _("Could not copy “%s” into the case"), item->display_name);

      if (source_failed)
        {
          skip (data, g_steal_pointer (&local_error));
          return TRUE;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  close (in);
  if (close (out) != 0)
    {
      g_propagate_error (error, io_error (errno, _("Could not copy “%s” into the case"), item->display_name));
      g_unlink (temp);
      g_free (result.content_type);
      return FALSE;
    }

  relative = g_build_filename (CARTA_BLOBS_DIR, (char[]){ result.hex[0], result.hex[1], '\0' }, result.hex, NULL);
  prefix_dir = g_build_filename (blobs, (char[]){ result.hex[0], result.hex[1], '\0' }, NULL);
  final = g_build_filename (data->case_path, relative, NULL);

  if (!ensure_dir (prefix_dir, error))
    {
      g_unlink (temp);
      g_free (result.content_type);
      return FALSE;
    }

  /* The same content again: the rename replaces the copy with identical
   * bytes, which also mends a stored copy that was damaged. */
  g_mutex_lock (&blob_lock);
  existed = lstat (final, &st) == 0;
  if (g_rename (temp, final) != 0)
    {
      int saved_errno = errno;

      g_mutex_unlock (&blob_lock);
      g_unlink (temp);
      g_free (result.content_type);
      g_propagate_error (error, io_error (saved_errno, _("Could not copy “%s” into the case"), item->display_name));
      return FALSE;
    }
  claim_blob (data, final, !existed);
  g_mutex_unlock (&blob_lock);

  if (!fsync_dir (prefix_dir, error) || !fsync_dir (blobs, error))
    {
      g_free (result.content_type);
      return FALSE;
    }

  attachment = g_object_new (CARTA_TYPE_ATTACHMENT,
                             "original-name", item->display_name,
                             "stored-path", relative,
                             "size", result.size,
                             "sha256", result.hex,
                             "content-type", result.content_type,
                             NULL);
  g_ptr_array_add (data->attachments, attachment);
  g_free (result.content_type);

  return TRUE;
}

static gboolean
make_parents (const char  *root,
              const char  *relative,
              GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (relative);
  g_autofree char *path = NULL;

  if (g_str_equal (parent, "."))
    return TRUE;

  path = g_build_filename (root, parent, NULL);
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      g_propagate_error (error, io_error (errno, _("Could not create the folder “%s”"), path));
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_disc (ImportData    *data,
             GTask         *task,
             PlanItem      *item,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *discs = g_build_filename (data->case_path, CARTA_DISCS_DIR, NULL);
  g_autofree char *temp_name = g_strconcat (TEMP_PREFIX, id, NULL);
  g_autofree char *temp = g_build_filename (discs, temp_name, NULL);
  g_autofree char *relative = g_build_filename (CARTA_DISCS_DIR, id, NULL);
  g_autofree char *final = g_build_filename (data->case_path, relative, NULL);
  g_autofree char *manifest_path = g_strconcat (final, CARTA_DISC_MANIFEST_SUFFIX, NULL);
  g_autofree char *manifest_text = NULL;
  g_autofree char *manifest_hash = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(GError) scan_error = NULL;
  CartaAttachment *attachment;
  guint64 total = 0;
  guint copied = 0;
  guint temp_index;
  int fd;

  if (!ensure_dir (discs, error))
    return FALSE;

  if (g_mkdir (temp, 0700) != 0)
    {
      g_propagate_error (error, io_error (errno, _("Could not create the folder “%s”"), temp));
      return FALSE;
    }
  temp_index = data->made_dirs->len;
  g_ptr_array_add (data->made_dirs, g_strdup (temp));

  for (guint i = 0; i < item->entries->len; i++)
    {
      CartaFolderEntry *entry = g_ptr_array_index (item->entries, i);
      g_autofree char *display = _carta_display_name (entry->relative);
      g_autofree char *dest = g_build_filename (temp, entry->relative, NULL);
      g_autoptr(GError) local_error = NULL;
      CopyResult result = { { 0 }, NULL, 0 };
      gboolean source_failed;
      int in, out;

      if ((in = open_source (entry->path, FALSE, display, &local_error)) < 0)
        {
          skip (data, g_steal_pointer (&local_error));
          add_progress (data, task, entry->size);
          continue;
        }

      if (!make_parents (temp, entry->relative, error))
        {
          close (in);
          return FALSE;
        }

      if ((out = open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0)
        {
          close (in);
          g_propagate_error (error, io_error (errno, _("Could not copy “%s” into the case"), display));
          return FALSE;
        }

      /* One syncfs() below makes the whole disc durable at once. */
      if (!copy_and_hash (data, task, in, out, display, dest, &result,
                          &source_failed, cancellable, &local_error))
        {
          close (in);
          close (out);
          g_unlink (dest);
          g_free (result.content_type);
          if (source_failed)
            {
              skip (data, g_steal_pointer (&local_error));
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      close (in);
      if (close (out) != 0)
        {
          g_free (result.content_type);
          g_propagate_error (error, io_error (errno, _("Could not copy “%s” into the case"), display));
          return FALSE;
        }

      g_string_append_printf (manifest, "%s  %s\n", result.hex, entry->relative);
      total += result.size;
      copied++;
      g_free (result.content_type);
    }

  if (copied == 0)
    {
      carta_fs_remove_tree (temp);
      g_ptr_array_remove_index (data->made_dirs, temp_index);
      skip (data, g_error_new (CARTA_ERROR, CARTA_ERROR_IO,
                               _("No file of the folder “%s” could be read."), item->display_name));
      return TRUE;
    }

  if ((fd = open (temp, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 || syncfs (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_propagate_error (error, io_error (saved_errno, _("Could not save to the folder “%s”"), temp));
      return FALSE;
    }
  close (fd);

  manifest_text = g_string_free (g_steal_pointer (&manifest), FALSE);
  manifest_hash = carta_sha256_data (manifest_text, strlen (manifest_text));

  g_ptr_array_add (data->made_dirs, g_strdup (manifest_path));
  if (!_carta_write_file_atomic (manifest_path, manifest_text, strlen (manifest_text), FALSE, NULL, NULL, error))
    return FALSE;

  if (g_rename (temp, final) != 0)
    {
      g_propagate_error (error, io_error (errno, _("Could not save to the folder “%s”"), final));
      return FALSE;
    }
  /* An undo now removes the folder under its final name. */
  g_free (data->made_dirs->pdata[temp_index]);
  data->made_dirs->pdata[temp_index] = g_strdup (final);

  if (!fsync_dir (discs, error))
    return FALSE;

  /* The summary is read from the copy, so it describes what is stored. */
  if (!(summary = carta_dicom_scan (final, cancellable, &scan_error)))
    {
      if (g_error_matches (scan_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&scan_error));
          return FALSE;
        }
      g_warning ("Could not summarise an imaging disc (%s %d)", g_quark_to_string (scan_error->domain), scan_error->code);
    }

  attachment = g_object_new (CARTA_TYPE_ATTACHMENT,
                             "id", id,
                             "kind", CARTA_ATTACHMENT_KIND_IMAGING,
                             "original-name", item->display_name,
                             "stored-path", relative,
                             "size", total,
                             "sha256", manifest_hash,
                             "content-type", "application/dicom",
                             "dicom-summary", summary,
                             NULL);
  g_ptr_array_add (data->attachments, attachment);

  return TRUE;
}

/* Planning ---------------------------------------------------------------- */

static void
plan_source (ImportData   *data,
             GFile        *source,
             GPtrArray    *plan,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (source);
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (source);

      skip (data, g_error_new (CARTA_ERROR, CARTA_ERROR_IO,
                               _("“%s” is not on this computer. Copy it to a folder first."), uri));
      return;
    }

  basename = g_path_get_basename (path);
  display = _carta_display_name (basename);

  /* What the family chose is followed even if it is a link. */
  if (stat (path, &st) != 0)
    {
      skip (data, io_error (errno, _("Could not open “%s”"), display));
      return;
    }

  if (S_ISREG (st.st_mode))
    {
      PlanItem *item = g_new0 (PlanItem, 1);

      item->kind = PLAN_FILE;
      item->follow = TRUE;
      item->path = g_steal_pointer (&path);
      item->display_name = g_steal_pointer (&display);
      item->size = st.st_size;
      g_ptr_array_add (plan, item);
      return;
    }

  if (!S_ISDIR (st.st_mode))
    {
      skip (data, g_error_new (CARTA_ERROR, CARTA_ERROR_HOSTILE,
                               _("“%s” is not a regular file and was left out."), display));
      return;
    }

  if (!(entries = _carta_walk_folder (path, data->skipped, cancellable, &local_error)))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        skip (data, g_steal_pointer (&local_error));
      return;
    }

  if (carta_dicom_folder_has_dicom (path, cancellable))
    {
      PlanItem *item = g_new0 (PlanItem, 1);

      item->kind = PLAN_DISC;
      item->path = g_steal_pointer (&path);
      item->display_name = g_steal_pointer (&display);
      for (guint i = 0; i < entries->len; i++)
        item->size += ((CartaFolderEntry *)g_ptr_array_index (entries, i))->size;
      item->entries = g_steal_pointer (&entries);
      g_ptr_array_add (plan, item);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CartaFolderEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *name = g_path_get_basename (entry->relative);
      PlanItem *item = g_new0 (PlanItem, 1);

      item->kind = PLAN_FILE;
      item->path = g_strdup (entry->path);
      item->display_name = _carta_display_name (name);
      item->size = entry->size;
      g_ptr_array_add (plan, item);
    }
}

static gboolean
import_run (ImportData    *data,
            GTask         *task,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_item_free);
  guint64 total = 0;
  gboolean ok = TRUE;

  import_wait_for_cleanup (data->case_path);

  for (guint i = 0; i < data->sources->len; i++)
    plan_source (data, g_ptr_array_index (data->sources, i), plan, cancellable);

  for (guint i = 0; i < plan->len; i++)
    total += ((PlanItem *)g_ptr_array_index (plan, i))->size;

  _carta_progress_set_total (&data->progress, total);
  add_progress (data, task, 0);

  for (guint i = 0; ok && i < plan->len; i++)
    {
      PlanItem *item = g_ptr_array_index (plan, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (item->kind == PLAN_DISC)
        ok = import_disc (data, task, item, cancellable, error);
      else
        ok = import_file (data, task, item, cancellable, error);
    }

  if (!ok)
    {
      /* Leave the case as it was: nothing of this import stays. */
      for (guint i = 0; i < data->made_dirs->len; i++)
        {
          const char *path = g_ptr_array_index (data->made_dirs, i);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            carta_fs_remove_tree (path);
          else
            g_unlink (path);
        }
      g_ptr_array_set_size (data->attachments, 0);
    }

  release_blobs (data, ok);

  return ok;
}

static gpointer
import_work (GTask         *task,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportData *data = g_task_get_task_data (task);

  if (!import_run (data, task, cancellable, error))
    return NULL;

  return g_ptr_array_ref (data->attachments);
}

/**
 * carta_import_files_async:
 * @case_dir: the case's folder (see carta_store_get_case_dir())
 * @files: (element-type GFile): the files and folders the family chose
 * @progress: (nullable) (scope notified): called with bytes copied so far
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data when done
 * @cancellable: (nullable): cancels the import; nothing of it is kept
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Copies @files into the case folder in a thread, without touching the
 * originals. Each file is read once, in chunks, hashed with SHA-256 on
 * the way and stored as `blobs/ab/abcdef…` (the same content is stored
 * once). A file only appears under its final name once it is complete
 * and synced.
 *
 * A folder that holds DICOM files becomes one imaging attachment: the
 * whole folder is copied to `discs/<id>/` and summarised. Any other
 * folder gives one attachment per regular file inside it. Links that
 * leave the folder and special files are left out and reported.
 *
 * The caller adds the attachments to a checklist item and saves the case.
 */
void
carta_import_files_async (GFile               *case_dir,
                          GListModel          *files,
                          CartaProgressFunc    progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_data_destroy,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (case_dir));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = import_data_new (case_dir, files);
  _carta_progress_init (&data->progress, progress, progress_data, progress_data_destroy);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_import_files_async);
  /* The thread says whether it was cancelled, and then undoes its copies;
   * once it has kept them, only the caller can name them. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  carta_task_run_pointer_in_thread (task, import_work, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * carta_import_files_finish:
 * @result: the result given to the callback
 * @skipped: (out) (optional) (transfer full) (element-type GError): the
 *   files left out, each with a message that names it
 *
 * Returns: (transfer container) (element-type CartaAttachment): the new
 *   attachments, in the order chosen, or %NULL on error (cancelled, or
 *   the case folder could not be written), in which case nothing of the
 *   import was kept
 */
GPtrArray *
carta_import_files_finish (GAsyncResult  *result,
                           GPtrArray    **skipped,
                           GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == carta_import_files_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (skipped != NULL)
    *skipped = g_ptr_array_ref (data->skipped);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * carta_import_files:
 *
 * The blocking form of carta_import_files_async(), for tools and tests:
 * @progress is called in the calling thread.
 *
 * Returns: (transfer container) (element-type CartaAttachment): the new
 *   attachments, or %NULL on error
 */
GPtrArray *
carta_import_files (GFile              *case_dir,
                    GListModel         *files,
                    CartaProgressFunc   progress,
                    gpointer            progress_data,
                    GCancellable       *cancellable,
                    GPtrArray         **skipped,
                    GError            **error)
{
  ImportData *data;
  GPtrArray *attachments = NULL;

  g_return_val_if_fail (G_IS_FILE (case_dir), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  data = import_data_new (case_dir, files);
  _carta_progress_init (&data->progress, progress, progress_data, NULL);

  if (import_run (data, NULL, cancellable, error))
    attachments = g_ptr_array_ref (data->attachments);

  if (skipped != NULL)
    *skipped = g_ptr_array_ref (data->skipped);

  import_data_free (data);

  return attachments;
}

/* carta-verify.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-verify"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carta-error.h"
#include "carta-import-private.h"
#include "carta-progress-private.h"
#include "carta-sha256.h"
#include "carta-verify.h"

typedef struct
{
  GFile             *case_dir;
  GPtrArray         *attachments;  /* CartaAttachment, each blob once */
  GPtrArray         *bad;          /* CartaAttachment */

  CartaProgress      progress;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_clear_object (&data->case_dir);
  g_clear_pointer (&data->attachments, g_ptr_array_unref);
  g_clear_pointer (&data->bad, g_ptr_array_unref);
  _carta_progress_clear (&data->progress);
  g_free (data);
}

/* The hash of a disc: that of its manifest, rebuilt from what is on disk
 * now, in the form `sha256sum` writes. */
static char *
hash_disc (const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                   _("The stored copy is missing."));
      return NULL;
    }

  if (!(entries = _carta_walk_folder (path, problems, cancellable, error)))
    return NULL;

  if (problems->len > 0)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (problems, 0)));
      return NULL;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CartaFolderEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *hex = carta_sha256_file (entry->path, cancellable, error);

      if (hex == NULL)
        return NULL;

      g_string_append_printf (manifest, "%s  %s\n", hex, entry->relative);
    }

  return carta_sha256_data (manifest->str, manifest->len);
}

/* Whether a part of @stored_path in @case_path is a symbolic link. */
static gboolean
goes_through_link (const char *case_path,
                   const char *stored_path)
{
  g_auto(GStrv) parts = g_strsplit (stored_path, "/", -1);
  g_autoptr(GString) path = g_string_new (case_path);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GStatBuf st;

      if (parts[i][0] == '\0')
        continue;
      g_string_append_printf (path, "/%s", parts[i]);
      if (g_lstat (path->str, &st) == 0 && S_ISLNK (st.st_mode))
        return TRUE;
    }

  return FALSE;
}

/**
 * carta_verify_attachment:
 * @case_dir: the case's folder
 * @attachment: one of its attachments
 * @cancellable: (nullable): a #GCancellable
 *
 * Hashes the stored copy of @attachment again and compares it with the
 * SHA-256 recorded when it was attached. Blocks: call it from a thread.
 *
 * Returns: %TRUE if the copy is intact; otherwise %FALSE with
 *   %CARTA_ERROR_NOT_FOUND (missing) or %CARTA_ERROR_INVALID (changed)
 */
gboolean
carta_verify_attachment (GFile            *case_dir,
                         CartaAttachment  *attachment,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autofree char *case_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *hex = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *stored_path;

  g_return_val_if_fail (G_IS_FILE (case_dir), FALSE);
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), FALSE);

  stored_path = carta_attachment_get_stored_path (attachment);
  if (stored_path == NULL || g_path_is_absolute (stored_path) || strstr (stored_path, "..") != NULL)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                   _("The attachment points outside its case folder."));
      return FALSE;
    }

  case_path = g_file_get_path (case_dir);
  path = g_build_filename (case_path, stored_path, NULL);

  /* The export refuses a stored copy reached through a link: flag it
   * here too, before the family tries to export. */
  if (goes_through_link (case_path, stored_path))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                   _("The attachment points outside its case folder."));
      return FALSE;
    }

  if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_IMAGING)
    hex = hash_disc (path, cancellable, &local_error);
  else
    hex = carta_sha256_file (path, cancellable, &local_error);

  if (hex == NULL)
    {
      if (g_error_matches (local_error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND))
        g_set_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                     _("The stored copy is missing."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (hex, carta_attachment_get_sha256 (attachment)) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("The stored copy has changed since it was attached."));
      return FALSE;
    }

  return TRUE;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;
  g_autoptr(GHashTable) results = g_hash_table_new (g_str_hash, g_str_equal);

  _carta_progress_add (&data->progress, task, 0);

  for (guint i = 0; i < data->attachments->len; i++)
    {
      CartaAttachment *attachment = g_ptr_array_index (data->attachments, i);
      const char *stored_path = carta_attachment_get_stored_path (attachment);
      g_autoptr(GError) error = NULL;
      gpointer known;
      gboolean ok;

      /* Attachments that share a blob are checked once. */
      if (stored_path != NULL && g_hash_table_lookup_extended (results, stored_path, NULL, &known))
        ok = GPOINTER_TO_INT (known);
      else
        {
          ok = carta_verify_attachment (data->case_dir, attachment, cancellable, &error);
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          if (stored_path != NULL)
            g_hash_table_insert (results, (gpointer)stored_path, GINT_TO_POINTER (ok));
        }

      _carta_progress_add (&data->progress, task, carta_attachment_get_size (attachment));

      if (!ok)
        {
          if (error != NULL)
            g_debug ("An attachment failed its check: %s", error->message);
          g_ptr_array_add (data->bad, g_object_ref (attachment));
        }
    }

  g_task_return_pointer (task, g_ptr_array_ref (data->bad), (GDestroyNotify)g_ptr_array_unref);
}

/**
 * carta_verify_case_async:
 * @case_dir: the folder of @kase
 * @kase: the case whose attachments to check
 * @progress: (nullable) (scope notified): called with bytes checked so far
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Checks, in a thread, every attachment of @kase against its SHA-256:
 * the list of attachments is taken now, in the calling thread.
 */
void
carta_verify_case_async (GFile               *case_dir,
                         CartaCase           *kase,
                         CartaProgressFunc    progress,
                         gpointer             progress_data,
                         GDestroyNotify       progress_data_destroy,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListModel *items;
  VerifyData *data;

  g_return_if_fail (G_IS_FILE (case_dir));
  g_return_if_fail (CARTA_IS_CASE (kase));

  data = g_new0 (VerifyData, 1);
  data->case_dir = g_object_ref (case_dir);
  data->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  data->bad = g_ptr_array_new_with_free_func (g_object_unref);
  _carta_progress_init (&data->progress, progress, progress_data, progress_data_destroy);

  items = carta_case_get_items (kase);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          CartaAttachment *attachment = g_list_model_get_item (attachments, j);

          data->progress.total += carta_attachment_get_size (attachment);
          g_ptr_array_add (data->attachments, attachment);
        }
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_verify_case_async);
  g_task_set_task_data (task, data, (GDestroyNotify)verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * carta_verify_case_finish:
 *
 * Returns: (transfer container) (element-type CartaAttachment): the
 *   attachments whose stored copy is missing or no longer matches (empty
 *   when all are intact), or %NULL if cancelled
 */
GPtrArray *
carta_verify_case_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == carta_verify_case_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* carta-last-bundle.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-last-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carta-bundle-reader.h"
#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-last-bundle.h"
#include "carta-sha256.h"
#include "carta-task.h"

/* A key file in the user's state folder, one group per case id: where
 * the bundle is and the SHA-256 of the file as it was checked. It is
 * not in case.json, so it never travels in a bundle. */

#define GROUP_PREFIX "case "

/* Reading and writing the file happen on the main thread only. */
static char *
memory_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "carta", "last-bundles.ini", NULL);
}

static GKeyFile *
memory_load (void)
{
  g_autofree char *path = memory_path ();
  GKeyFile *keys = g_key_file_new ();

  /* A missing or damaged file only means nothing is remembered. */
  g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL);
  return keys;
}

static gboolean
memory_save (GKeyFile  *keys,
             GError   **error)
{
  g_autofree char *path = memory_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, _("Could not create the folder “%s”"), dir);
      return FALSE;
    }

  data = g_key_file_to_data (keys, &length, NULL);
  return _carta_write_file_atomic (path, data, length, FALSE, NULL, NULL, error);
}

/**
 * carta_last_bundle_remember:
 * @case_id: the case the bundle was made from
 * @bundle: the bundle, just written and checked
 * @sha256: the SHA-256 of @bundle, from carta_last_bundle_check_finish()
 *
 * Remembers @bundle as the one to send for @case_id, after a restart too.
 */
gboolean
carta_last_bundle_remember (const char  *case_id,
                            GFile       *bundle,
                            const char  *sha256,
                            GError     **error)
{
  g_autoptr(GKeyFile) keys = NULL;
  g_autofree char *group = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (case_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (bundle), FALSE);
  g_return_val_if_fail (carta_sha256_is_valid (sha256), FALSE);

  if (!(path = g_file_get_path (bundle)))
    return TRUE;

  keys = memory_load ();
  group = g_strconcat (GROUP_PREFIX, case_id, NULL);
  g_key_file_set_string (keys, group, "path", path);
  g_key_file_set_string (keys, group, "sha256", sha256);
  return memory_save (keys, error);
}

/**
 * carta_last_bundle_recall:
 * @case_id: a case
 * @sha256: (out) (optional): the SHA-256 the bundle had when it was checked
 *
 * Returns: (transfer full) (nullable): the last bundle remembered for
 *   @case_id, if that file is still there
 */
GFile *
carta_last_bundle_recall (const char  *case_id,
                          char       **sha256)
{
  g_autoptr(GKeyFile) keys = memory_load ();
  g_autofree char *group = NULL;
  g_autofree char *path = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (case_id != NULL, NULL);

  group = g_strconcat (GROUP_PREFIX, case_id, NULL);
  path = g_key_file_get_string (keys, group, "path", NULL);
  hash = g_key_file_get_string (keys, group, "sha256", NULL);

  if (path == NULL || !g_path_is_absolute (path) || !carta_sha256_is_valid (hash) ||
      !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  if (sha256 != NULL)
    *sha256 = g_steal_pointer (&hash);
  return g_file_new_for_path (path);
}

/**
 * carta_last_bundle_forget:
 * @case_id: a case
 *
 * Forgets the bundle of @case_id, which changed or went.
 */
void
carta_last_bundle_forget (const char *case_id)
{
  g_autoptr(GKeyFile) keys = memory_load ();
  g_autoptr(GError) error = NULL;
  g_autofree char *group = NULL;

  g_return_if_fail (case_id != NULL);

  group = g_strconcat (GROUP_PREFIX, case_id, NULL);
  if (!g_key_file_remove_group (keys, group, NULL))
    return;

  if (!memory_save (keys, &error))
    g_warning ("Could not forget a bundle: %s", error->message);
}

typedef struct
{
  GFile *bundle;
  char  *sha256;
} BundleCheck;

static void
bundle_check_free (BundleCheck *check)
{
  g_clear_object (&check->bundle);
  g_free (check->sha256);
  g_free (check);
}

static gpointer
check_work (GTask         *task,
            GCancellable  *cancellable,
            GError       **error)
{
  BundleCheck *check = g_task_get_task_data (task);
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (check->bundle);
  g_autofree char *hash = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                           _("The saved bundle is no longer there. Export the case again to send it."));
      return NULL;
    }

  if (!(hash = carta_sha256_file (path, cancellable, error)))
    return NULL;

  /* Just written and checked by the writer: only its hash is wanted. */
  if (check->sha256 == NULL)
    return g_steal_pointer (&hash);

  if (g_ascii_strcasecmp (hash, check->sha256) != 0)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                           _("The saved bundle has changed since it was exported and checked. Export the case "
                             "again to send it."));
      return NULL;
    }

  /* Every file against the bundle's own checksums. An encrypted bundle
   * cannot be opened without its passphrase, which is never kept: that
   * it is the very file checked when it was made has to be enough. */
  reader = carta_bundle_reader_new (check->bundle);
  if (!carta_bundle_reader_verify (reader, FALSE, cancellable, &local_error) &&
      !g_error_matches (local_error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                     _("The saved bundle did not pass its check (%s). Export the case again to send it."),
                     local_error->message);
      return NULL;
    }

  return g_steal_pointer (&hash);
}

/**
 * carta_last_bundle_check_async:
 * @bundle: a bundle file
 * @sha256: (nullable): the SHA-256 it must still have, or %NULL for a
 *   bundle the writer has just checked
 *
 * In a thread, hashes @bundle; with @sha256, also compares the hash and
 * checks every file in it, as before it is sent again.
 */
void
carta_last_bundle_check_async (GFile               *bundle,
                               const char          *sha256,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BundleCheck *check;

  g_return_if_fail (G_IS_FILE (bundle));

  check = g_new0 (BundleCheck, 1);
  check->bundle = g_object_ref (bundle);
  check->sha256 = g_strdup (sha256);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_last_bundle_check_async);
  g_task_set_task_data (task, check, (GDestroyNotify)bundle_check_free);
  carta_task_run_pointer_in_thread (task, check_work, g_free);
}

/**
 * carta_last_bundle_check_finish:
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the bundle, which
 *   passed every check, or %NULL with @error set
 */
char *
carta_last_bundle_check_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* carta-cleanup.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Removing an attachment keeps its stored copy for a while, so Undo can
 * bring it back. Medical files should not linger after that: this pass
 * removes copies no attachment uses any more, and what an interrupted
 * import left behind. It only ever looks inside the case's blobs/ and
 * discs/ folders and at temporary names, and never follows links. */

#define G_LOG_DOMAIN "carta-cleanup"

#include "config.h"

#include <string.h>

#include "carta-cleanup.h"
#include "carta-fs-private.h"
#include "carta-import-private.h"

#define TEMP_PREFIX ".import-"

typedef struct
{
  GFile      *case_dir;
  GHashTable *used;
  guint       removed;
} Cleanup;

static gboolean
remove_entry (Cleanup       *cleanup,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!carta_fs_delete_recursive (file, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* One stubborn file does not stop the others. */
      g_warning ("Could not remove an unused stored copy: %s", local_error->message);
      return TRUE;
    }

  cleanup->removed++;
  return TRUE;
}

static gboolean
is_used (Cleanup *cleanup,
         GFile   *file)
{
  g_autofree char *relative = g_file_get_relative_path (cleanup->case_dir, file);

  return relative != NULL && g_hash_table_contains (cleanup->used, relative);
}

typedef enum
{
  LEVEL_BLOBS,     /* blobs/: folders by hash prefix, and temporary files */
  LEVEL_PREFIX,    /* blobs/ab/: the copies */
  LEVEL_DISCS,     /* discs/: a folder and a checksum list per disc */
} Level;

static gboolean
clean_dir (Cleanup       *cleanup,
           GFile         *dir,
           Level          level,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  /* Only real folders of the case: never one a link points to. */
  if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) != G_FILE_TYPE_DIRECTORY)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (enumerator == NULL)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  for (;;)
    {
      g_autoptr(GFile) owner = NULL;
      const char *name;
      GFileType type;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        return TRUE;

      name = g_file_info_get_name (info);
      type = g_file_info_get_file_type (info);

      if (level != LEVEL_PREFIX && g_str_has_prefix (name, TEMP_PREFIX))
        owner = NULL;  /* left by an interrupted import: never used */
      else if (level == LEVEL_BLOBS)
        {
          if (type == G_FILE_TYPE_DIRECTORY)
            {
              if (!clean_dir (cleanup, child, LEVEL_PREFIX, cancellable, error))
                return FALSE;
              /* Removed only once empty. */
              g_file_delete (child, NULL, NULL);
            }
          continue;
        }
      else if (level == LEVEL_DISCS && type != G_FILE_TYPE_DIRECTORY &&
               g_str_has_suffix (name, CARTA_DISC_MANIFEST_SUFFIX))
        {
          g_autofree char *id = g_strndup (name, strlen (name) - strlen (CARTA_DISC_MANIFEST_SUFFIX));
          owner = g_file_get_child (dir, id);
        }
      else
        owner = g_object_ref (child);

      if ((owner == NULL || !is_used (cleanup, owner)) &&
          !remove_entry (cleanup, child, cancellable, error))
        return FALSE;
    }
}

/**
 * carta_cleanup_case_folder:
 * @case_dir: a case's folder
 * @used_paths: (array zero-terminated=1): the stored paths its attachments use
 *
 * Removes stored copies under `blobs/` and `discs/` that none of
 * @used_paths names, and what an interrupted import left there.
 * Blocks: call it from a thread, and never while the removal of an
 * attachment can still be undone. While an import into @case_dir runs
 * (until its result is freed), nothing is removed.
 *
 * Returns: how many entries were removed (0 with @error set on cancel)
 */
guint
carta_cleanup_case_folder (GFile               *case_dir,
                           const char * const  *used_paths,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GFile) blobs = NULL;
  g_autoptr(GFile) discs = NULL;
  g_autofree char *case_path = NULL;
  Cleanup cleanup = { case_dir, used, 0 };
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (case_dir), 0);

  /* The copies of an import still running are named by no attachment
   * yet: the case is left alone, and cleaned the next time. */
  if ((case_path = g_file_get_path (case_dir)) == NULL || !_carta_import_begin_cleanup (case_path))
    return 0;

  for (guint i = 0; used_paths != NULL && used_paths[i] != NULL; i++)
    g_hash_table_add (used, (gpointer)used_paths[i]);

  blobs = g_file_get_child (case_dir, CARTA_BLOBS_DIR);
  discs = g_file_get_child (case_dir, CARTA_DISCS_DIR);

  ok = clean_dir (&cleanup, blobs, LEVEL_BLOBS, cancellable, error) &&
       clean_dir (&cleanup, discs, LEVEL_DISCS, cancellable, error);

  _carta_import_end_cleanup (case_path);

  return ok ? cleanup.removed : 0;
}

/**
 * carta_cleanup_list_used:
 * @kase: a case
 *
 * Returns: (transfer full): the stored paths of every attachment of @kase
 */
GStrv
carta_cleanup_list_used (CartaCase *kase)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *items;

  g_return_val_if_fail (CARTA_IS_CASE (kase), NULL);

  items = carta_case_get_items (kase);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          const char *path = carta_attachment_get_stored_path (attachment);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
    }

  return g_strv_builder_end (builder);
}

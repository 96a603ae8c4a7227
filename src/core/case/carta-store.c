/* carta-store.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "carta-checklist-template.h"
#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-fs.h"
#include "carta-json-private.h"
#include "carta-store-private.h"

#define CASE_FILE      "case.json"
#define BACKUP_SUFFIX  ".bak"
/* A deleted case's folder is set aside under this prefix until Undo
 * expires; its id stays taken meanwhile. */
#define DELETED_PREFIX ".deleted-"
/* Where carta_bundle_reader_import() unpacks a bundle beside the cases. */
#define STAGING_PREFIX ".import-"

struct _CartaStore
{
  GObject              parent_instance;

  GFile               *root;
  GListStore          *cases;
  GPtrArray           *problems;

  CartaStoreWriteHook  write_hook;
  gpointer             write_hook_data;

  /* Saves of one case may overlap (an autosave in a thread, then a save
   * on close). Each snapshot gets a number when it is serialised; under
   * the lock, an older snapshot never replaces a newer one. */
  GMutex               write_lock;
  GHashTable          *written_seq;
  guint64              next_seq;
};

G_DEFINE_FINAL_TYPE (CartaStore, carta_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char                *id;
  guint64              seq;
  char                *path;
  char                *data;
  gsize                length;
  CartaStoreWriteHook  hook;
  gpointer             hook_data;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->id);
  g_free (data->path);
  g_free (data->data);
  g_free (data);
}

static void
problem_free (CartaStoreProblem *problem)
{
  g_free (problem->id);
  g_clear_error (&problem->error);
  g_free (problem);
}

static gboolean
ensure_private_dir (const char  *path,
                    GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    return _carta_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), path);

  /* The folder may predate us with looser permissions. */
  if (g_chmod (path, 0700) != 0)
    return _carta_set_io_error (error, errno, _("Could not protect the folder “%s”: %s"), path);

  return TRUE;
}

static char *
case_file_path (CartaStore *self,
                const char *id)
{
  g_autofree char *root = g_file_get_path (self->root);
  return g_build_filename (root, id, CASE_FILE, NULL);
}

static int
compare_modified_desc (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return g_date_time_compare (carta_case_get_modified ((CartaCase *)b),
                              carta_case_get_modified ((CartaCase *)a));
}

/* g_ptr_array_sort_with_data() passes pointers to the elements. */
static int
compare_ptr_modified_desc (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return compare_modified_desc (*(CartaCase * const *)a, *(CartaCase * const *)b, NULL);
}

static SaveData *
snapshot (CartaStore *self,
          CartaCase  *kase)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->id = g_strdup (carta_case_get_id (kase));
  data->seq = ++self->next_seq;
  data->path = case_file_path (self, data->id);
  data->data = carta_case_to_data (kase, &data->length);
  data->hook = self->write_hook;
  data->hook_data = self->write_hook_data;

  return data;
}

static gboolean
write_snapshot (CartaStore  *self,
                SaveData    *data,
                GError     **error)
{
  gboolean ok = TRUE;
  guint64 written;

  g_mutex_lock (&self->write_lock);

  written = GPOINTER_TO_SIZE (g_hash_table_lookup (self->written_seq, data->id));
  if (data->seq > written)
    {
      ok = _carta_write_file_atomic (data->path, data->data, data->length, TRUE,
                                     data->hook, data->hook_data, error);
      if (ok)
        g_hash_table_insert (self->written_seq, g_strdup (data->id), GSIZE_TO_POINTER (data->seq));
    }

  g_mutex_unlock (&self->write_lock);

  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_snapshot (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
carta_store_constructed (GObject *object)
{
  CartaStore *self = (CartaStore *)object;

  G_OBJECT_CLASS (carta_store_parent_class)->constructed (object);

  g_assert (self->root != NULL);
}

static void
carta_store_dispose (GObject *object)
{
  CartaStore *self = (CartaStore *)object;

  g_clear_object (&self->cases);

  G_OBJECT_CLASS (carta_store_parent_class)->dispose (object);
}

static void
carta_store_finalize (GObject *object)
{
  CartaStore *self = (CartaStore *)object;

  g_clear_object (&self->root);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_mutex_clear (&self->write_lock);
  g_clear_pointer (&self->written_seq, g_hash_table_unref);

  G_OBJECT_CLASS (carta_store_parent_class)->finalize (object);
}

static void
carta_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CartaStore *self = CARTA_STORE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CartaStore *self = CARTA_STORE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      self->root = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_store_class_init (CartaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = carta_store_constructed;
  object_class->dispose = carta_store_dispose;
  object_class->finalize = carta_store_finalize;
  object_class->get_property = carta_store_get_property;
  object_class->set_property = carta_store_set_property;

  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_store_init (CartaStore *self)
{
  self->cases = g_list_store_new (CARTA_TYPE_CASE);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  g_mutex_init (&self->write_lock);
  self->written_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * carta_store_new:
 * @root: the folder that holds one folder per case
 *
 * Returns: (transfer full): a store; call carta_store_load() to read it
 */
CartaStore *
carta_store_new (GFile *root)
{
  g_return_val_if_fail (G_IS_FILE (root), NULL);

  return g_object_new (CARTA_TYPE_STORE, "root", root, NULL);
}

/**
 * carta_store_new_default:
 *
 * Returns: (transfer full): the store in `$XDG_DATA_HOME/carta/cases`
 */
CartaStore *
carta_store_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "carta", "cases", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);

  return carta_store_new (root);
}

/**
 * carta_store_get_root:
 *
 * Returns: (transfer none): the folder of the store
 */
GFile *
carta_store_get_root (CartaStore *self)
{
  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);
  return self->root;
}

/**
 * carta_store_get_cases:
 *
 * Returns: (transfer none): a #GListModel of the loaded #CartaCase,
 *   most recently changed first
 */
GListModel *
carta_store_get_cases (CartaStore *self)
{
  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->cases);
}

/**
 * carta_store_get_problems:
 *
 * Returns: (transfer none) (element-type CartaStoreProblem): the cases
 *   that could not be opened by the last carta_store_load()
 */
GPtrArray *
carta_store_get_problems (CartaStore *self)
{
  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);
  return self->problems;
}

static char *
read_case_file (const char  *path,
                gsize       *length,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, &local_error))
    g_set_error (error, CARTA_ERROR,
                 g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? CARTA_ERROR_NOT_FOUND : CARTA_ERROR_IO,
                 _("Could not read “%s”: %s"), path, local_error->message);

  return contents;
}

/* A case from the bytes of its case.json at @path (for messages). A
 * damaged file, whatever it holds, gives an error and never a crash. */
static CartaCase *
case_from_data (const char  *path,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  CartaCase *kase;
  JsonNode *root;

  /* Bounded: a damaged or hostile file must not overflow the stack. */
  if (!(root = _carta_json_parse_bounded (parser, contents, length, &local_error)))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                   _("Could not open “%s”: it is damaged or incomplete (%s)"),
                   path, local_error->message);
      return NULL;
    }

  if (!(kase = carta_case_new_from_json (root, &local_error)))
    {
      g_set_error (error, CARTA_ERROR, local_error->code,
                   _("Could not open “%s”: %s"), path, local_error->message);
      return NULL;
    }

  return kase;
}

/**
 * carta_store_load_case:
 * @id: the case id, which is also its folder name
 *
 * Reads one case from disk. The file is never modified, whatever it
 * holds; errors name the file and say what is wrong with it.
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
CartaCase *
carta_store_load_case (CartaStore  *self,
                       const char  *id,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  CartaCase *kase;
  gsize length;

  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!g_uuid_string_is_valid (id))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                   _("“%s” is not a case id"), id);
      return NULL;
    }

  path = case_file_path (self, id);

  if (!(contents = read_case_file (path, &length, error)))
    return NULL;

  if (!(kase = case_from_data (path, contents, length, error)))
    return NULL;

  if (g_strcmp0 (carta_case_get_id (kase), id) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("Could not open “%s”: it belongs to another case (%s)"),
                   path, carta_case_get_id (kase));
      g_object_unref (kase);
      return NULL;
    }

  return kase;
}

/* What a save stopped by a crash or kill -9 left beside case.json
 * (see _carta_write_file_atomic()). */
#define CASE_TEMP_PREFIX "." CASE_FILE "."

static void
remove_stale_temporaries (CartaStore *self,
                          const char *id)
{
  g_autoptr(GFile) dir = g_file_get_child (self->root, id);
  g_autofree char *path = g_file_get_path (dir);
  guint removed = _carta_remove_stale_temporaries (path, CASE_TEMP_PREFIX, "");

  if (removed > 0)
    g_debug ("Removed %u unfinished saves of a case", removed);
}

/**
 * carta_store_load:
 *
 * Reads every case under the root. Cases that cannot be opened are
 * listed by carta_store_get_problems() and left as they are on disk.
 *
 * Returns: %FALSE only if the root itself cannot be created or read
 */
gboolean
carta_store_load (CartaStore  *self,
                  GError     **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *root_path = NULL;
  GFileInfo *info;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);

  root_path = g_file_get_path (self->root);
  if (!ensure_private_dir (root_path, error))
    return FALSE;

  enumerator = g_file_enumerate_children (self->root,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  g_ptr_array_set_size (self->problems, 0);

  while (g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
    {
      g_autoptr(GError) local_error = NULL;
      const char *name;
      CartaCase *kase;

      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY || !g_uuid_string_is_valid (name))
        continue;

      remove_stale_temporaries (self, name);
      if ((kase = carta_store_load_case (self, name, &local_error)))
        g_ptr_array_add (loaded, kase);
      else
        {
          CartaStoreProblem *problem = g_new0 (CartaStoreProblem, 1);
          g_autofree char *path = case_file_path (self, name);
          g_autofree char *bak = g_strconcat (path, BACKUP_SUFFIX, NULL);

          /* A folder without case.json is what an interrupted creation leaves. */
          if (g_error_matches (local_error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND) &&
              !g_file_test (bak, G_FILE_TEST_EXISTS))
            {
              g_free (problem);
              continue;
            }

          problem->id = g_strdup (name);
          problem->error = g_steal_pointer (&local_error);
          problem->has_backup = g_file_test (bak, G_FILE_TEST_EXISTS);
          g_ptr_array_add (self->problems, problem);
        }
    }

  g_ptr_array_sort_with_data (loaded, compare_ptr_modified_desc, NULL);
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       loaded->pdata, loaded->len);

  return TRUE;
}

/**
 * carta_store_find_case:
 *
 * Returns: (transfer none) (nullable): the loaded case with @id
 */
CartaCase *
carta_store_find_case (CartaStore *self,
                       const char *id)
{
  guint n;

  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaCase) kase = g_list_model_get_item (G_LIST_MODEL (self->cases), i);

      if (g_strcmp0 (carta_case_get_id (kase), id) == 0)
        return kase;
    }

  return NULL;
}

/**
 * carta_store_get_case_dir:
 *
 * Returns: (transfer full): the folder that holds @kase's files
 */
GFile *
carta_store_get_case_dir (CartaStore *self,
                          CartaCase  *kase)
{
  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);
  g_return_val_if_fail (CARTA_IS_CASE (kase), NULL);

  return g_file_get_child (self->root, carta_case_get_id (kase));
}

/**
 * carta_store_add_case:
 *
 * Gives @kase a folder, saves it and lists it first.
 */
gboolean
carta_store_add_case (CartaStore  *self,
                      CartaCase   *kase,
                      GError     **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  dir = carta_store_get_case_dir (self, kase);
  path = g_file_get_path (dir);

  if (!ensure_private_dir (path, error) || !carta_store_save_case (self, kase, error))
    return FALSE;

  g_list_store_insert (self->cases, 0, kase);
  return TRUE;
}

/**
 * carta_store_create_case:
 * @title: the case's title
 *
 * Returns: (transfer none): the new case, its checklist seeded from the
 *   template, saved and listed first
 */
CartaCase *
carta_store_create_case (CartaStore  *self,
                         const char  *title,
                         GError     **error)
{
  g_autoptr(CartaCase) kase = carta_case_new (title);

  /* A new case starts with every record the template asks for. */
  carta_checklist_template_seed_case (carta_checklist_template_get_default (), kase);

  if (!carta_store_add_case (self, kase, error))
    return NULL;

  return kase;
}

/**
 * carta_store_save_case:
 *
 * Saves @kase now, atomically and durably; the previous version is kept
 * as `case.json.bak`.
 */
gboolean
carta_store_save_case (CartaStore  *self,
                       CartaCase   *kase,
                       GError     **error)
{
  SaveData *data;
  gboolean ok;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  data = snapshot (self, kase);
  ok = write_snapshot (self, data, error);
  save_data_free (data);

  return ok;
}

/**
 * carta_store_save_case_async:
 *
 * Like carta_store_save_case(), but writes off the main thread. The case
 * is serialised before this returns, so later edits go to the next save.
 */
void
carta_store_save_case_async (CartaStore          *self,
                             CartaCase           *kase,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CARTA_IS_STORE (self));
  g_return_if_fail (CARTA_IS_CASE (kase));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_store_save_case_async);
  g_task_set_task_data (task, snapshot (self, kase), (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
carta_store_save_case_finish (CartaStore    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
deleted_path (CartaStore *self,
              const char *id)
{
  g_autofree char *root = g_file_get_path (self->root);
  g_autofree char *name = g_strconcat (DELETED_PREFIX, id, NULL);

  return g_build_filename (root, name, NULL);
}

/* Takes @kase out of the list, its folder renamed to @aside. */
static gboolean
move_out (CartaStore  *self,
          CartaCase   *kase,
          const char  *aside,
          GError     **error)
{
  g_autoptr(GFile) dir = carta_store_get_case_dir (self, kase);
  g_autofree char *path = g_file_get_path (dir);
  guint position;

  if (g_rename (path, aside) != 0)
    return _carta_set_io_error (error, errno, _("Could not remove “%s”: %s"), path);

  if (g_list_store_find (self->cases, kase, &position))
    g_list_store_remove (self->cases, position);

  return TRUE;
}

/**
 * carta_store_delete_case:
 *
 * Takes @kase out of the list and sets its folder aside, so that
 * carta_store_undelete_case() can bring it back until
 * carta_store_purge_deleted() removes it for good.
 */
gboolean
carta_store_delete_case (CartaStore  *self,
                         CartaCase   *kase,
                         GError     **error)
{
  g_autofree char *aside = NULL;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  aside = deleted_path (self, carta_case_get_id (kase));
  return move_out (self, kase, aside, error);
}

gboolean
carta_store_undelete_case (CartaStore  *self,
                           CartaCase   *kase,
                           GError     **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  dir = carta_store_get_case_dir (self, kase);
  path = g_file_get_path (dir);
  aside = deleted_path (self, carta_case_get_id (kase));
  if (g_rename (aside, path) != 0)
    return _carta_set_io_error (error, errno, _("Could not restore “%s”: %s"), path);

  g_list_store_insert_sorted (self->cases, kase, compare_modified_desc, NULL);
  return TRUE;
}

/**
 * carta_store_purge_deleted:
 * @id: (nullable): the case to remove for good, or %NULL for all
 *
 * Removes for good the folders of deleted cases, including any an
 * earlier run left behind. With %NULL, also what a bundle import that
 * was interrupted (a crash, a power cut) unpacked beside the cases:
 * call it then only while no import runs, as at start and shutdown.
 */
void
carta_store_purge_deleted (CartaStore *self,
                           const char *id)
{
  g_autofree char *only = id ? g_strconcat (DELETED_PREFIX, id, NULL) : NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  g_return_if_fail (CARTA_IS_STORE (self));

  enumerator = g_file_enumerate_children (self->root, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return;

  while (g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) && info != NULL)
    {
      g_autoptr(GError) error = NULL;

      const char *name = g_file_info_get_name (info);

      /* Medical files must not linger where nothing shows them. */
      if (only == NULL && g_str_has_prefix (name, STAGING_PREFIX))
        ;
      else if (!g_str_has_prefix (name, DELETED_PREFIX) ||
               (only != NULL && g_strcmp0 (name, only) != 0))
        continue;

      if (!carta_fs_delete_recursive (child, NULL, &error))
        g_warning ("Could not remove a deleted case: %s", error->message);
    }
}

/**
 * carta_store_discard_case:
 *
 * Takes @kase out of the list and removes its folder for good, with no
 * undo: for a copy that came from a bundle and is being taken back. The
 * folder first moves to a staging name, so a crash halfway leaves only
 * what carta_store_purge_deleted() removes at the next start.
 */
gboolean
carta_store_discard_case (CartaStore  *self,
                          CartaCase   *kase,
                          GError     **error)
{
  g_autofree char *staging = NULL;
  g_autofree char *aside = NULL;
  gboolean ok;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  if (!(staging = _carta_store_create_staging_folder (self, error)))
    return FALSE;

  aside = g_build_filename (staging, "case", NULL);
  ok = move_out (self, kase, aside, error);
  carta_fs_remove_tree (staging);
  return ok;
}

/**
 * carta_store_restore_backup:
 * @id: the id of a case that failed to load
 *
 * Puts `case.json.bak` back in place. The damaged file is kept beside
 * it as `case.json.damaged-<time>`, never overwritten.
 *
 * Returns: (transfer none): the restored case, now listed
 */
CartaCase *
carta_store_restore_backup (CartaStore  *self,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  g_autofree char *bak = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(CartaCase) kase = NULL;
  gsize length;

  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);
  g_return_val_if_fail (g_uuid_string_is_valid (id), NULL);

  path = case_file_path (self, id);
  bak = g_strconcat (path, BACKUP_SUFFIX, NULL);
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  damaged = g_strconcat (path, ".damaged-", stamp, NULL);

  if (!g_file_get_contents (bak, &contents, &length, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (path, damaged) != 0)
    {
      _carta_set_io_error (error, errno, _("Could not set aside “%s”: %s"), path);
      return NULL;
    }

  if (!_carta_write_file_atomic (path, contents, length, FALSE, NULL, NULL, error) ||
      !(kase = carta_store_load_case (self, id, error)))
    {
      /* Put things back as they were. */
      if (g_file_test (damaged, G_FILE_TEST_EXISTS))
        g_rename (damaged, path);
      return NULL;
    }

  for (guint i = 0; i < self->problems->len; i++)
    {
      CartaStoreProblem *problem = g_ptr_array_index (self->problems, i);

      if (g_strcmp0 (problem->id, id) == 0)
        {
          g_ptr_array_remove_index (self->problems, i);
          break;
        }
    }

  g_list_store_insert_sorted (self->cases, kase, compare_modified_desc, NULL);
  return kase;
}

/* Staging folders: a bundle is unpacked beside the cases, so that its
 * case folder joins them with one rename. These three only read the
 * root, which never changes, and may be called from any thread. */

/**
 * _carta_store_create_staging_folder:
 *
 * Makes an empty private folder beside the cases for an import. It is
 * removed by the caller, or by carta_store_purge_deleted() after a crash.
 *
 * Returns: (transfer full): its path, or %NULL with @error set
 */
char *
_carta_store_create_staging_folder (CartaStore  *self,
                                    GError     **error)
{
  g_autofree char *root = NULL;
  g_autofree char *template = NULL;
  char *staging;

  g_return_val_if_fail (CARTA_IS_STORE (self), NULL);

  root = g_file_get_path (self->root);
  template = g_build_filename (root, STAGING_PREFIX "XXXXXX", NULL);
  if (g_mkdir_with_parents (root, 0700) != 0 || !(staging = g_mkdtemp_full (g_steal_pointer (&template), 0700)))
    {
      _carta_set_io_error (error, errno, _("Could not make room for the case in “%s”: %s"), root);
      return NULL;
    }

  return staging;
}

/* Whether @id has a folder here, also one set aside by a deletion that
 * Undo may still bring back. */
gboolean
_carta_store_id_is_used_on_disk (CartaStore *self,
                                 const char *id)
{
  g_autofree char *deleted_name = NULL;
  g_autoptr(GFile) existing = NULL;
  g_autoptr(GFile) deleted = NULL;

  g_return_val_if_fail (CARTA_IS_STORE (self), TRUE);
  g_return_val_if_fail (id != NULL, TRUE);

  deleted_name = g_strconcat (DELETED_PREFIX, id, NULL);
  existing = g_file_get_child (self->root, id);
  deleted = g_file_get_child (self->root, deleted_name);

  return g_file_query_exists (existing, NULL) || g_file_query_exists (deleted, NULL);
}

/**
 * _carta_store_adopt_folder:
 * @folder: a folder directly inside one made by
 *   _carta_store_create_staging_folder()
 * @id: the case id the folder becomes
 *
 * Moves @folder to the place of case @id, with one rename. The case is
 * not listed: carta_store_add_case() does that, on the store's thread.
 * Any other folder is refused, so nothing outside the store moves in.
 */
gboolean
_carta_store_adopt_folder (CartaStore  *self,
                           const char  *folder,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) staging = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *staging_name = NULL;
  g_autofree char *target_path = NULL;

  g_return_val_if_fail (CARTA_IS_STORE (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  file = g_file_new_for_path (folder);
  staging = g_file_get_parent (file);
  parent = staging ? g_file_get_parent (staging) : NULL;
  staging_name = staging ? g_file_get_basename (staging) : NULL;

  if (id == NULL || !g_uuid_string_is_valid (id) || parent == NULL || !g_file_equal (parent, self->root) ||
      !g_str_has_prefix (staging_name, STAGING_PREFIX) ||
      g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("Could not add the case: its folder is not one Carta prepared"));
      return FALSE;
    }

  target = g_file_get_child (self->root, id);
  target_path = g_file_get_path (target);
  if (g_rename (folder, target_path) != 0)
    return _carta_set_io_error (error, errno, _("Could not create the case folder “%s”: %s"), target_path);

  return TRUE;
}

void
_carta_store_set_write_hook (CartaStore          *self,
                             CartaStoreWriteHook  hook,
                             gpointer             user_data)
{
  g_return_if_fail (CARTA_IS_STORE (self));

  self->write_hook = hook;
  self->write_hook_data = user_data;
}

/* The case.json of a case folder; @dir, if given, gets the folder's path. */
static char *
case_file_in (GFile  *folder,
              char  **dir)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  char *path = g_build_filename (folder_path, CASE_FILE, NULL);

  if (dir != NULL)
    *dir = g_steal_pointer (&folder_path);
  return path;
}

/**
 * carta_case_save_to_folder:
 * @kase: a case
 * @folder: a case folder outside any store (as `carta-bundle demo` makes)
 * @error: return location for a #GError
 *
 * Writes @kase as `case.json` in @folder, atomically and durably (0600).
 *
 * Returns: %TRUE when the file is on disk
 */
gboolean
carta_case_save_to_folder (CartaCase  *kase,
                           GFile      *folder,
                           GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  path = case_file_in (folder, &dir);
  data = carta_case_to_data (kase, &length);
  _carta_remove_stale_temporaries (dir, CASE_TEMP_PREFIX, "");

  return _carta_write_file_atomic (path, data, length, FALSE, NULL, NULL, error);
}

/**
 * carta_case_load_from_folder:
 * @folder: a case folder, as carta_case_save_to_folder() writes it
 *
 * Reads the case in @folder/case.json, which may be damaged or hostile.
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with @error set
 */
CartaCase *
carta_case_load_from_folder (GFile   *folder,
                             GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  path = case_file_in (folder, NULL);
  if (!(contents = read_case_file (path, &length, error)))
    return NULL;

  return case_from_data (path, contents, length, error);
}

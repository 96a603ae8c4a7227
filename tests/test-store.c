/* test-store.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "carta-error.h"
#include "carta-store-private.h"

typedef struct
{
  char       *tmpdir;
  GFile      *root;
  CartaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *cases = NULL;

  f->tmpdir = g_dir_make_tmp ("carta-store-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  cases = g_build_filename (f->tmpdir, "carta", "cases", NULL);
  f->root = g_file_new_for_path (cases);
  f->store = carta_store_new (f->root);
  g_assert_true (carta_store_load (f->store, NULL));
}

static void
remove_tree (const char *path)
{
  g_autofree char *argv0 = g_find_program_in_path ("rm");
  const char *argv[] = { argv0, "-rf", path, NULL };

  g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* Like g_assert_finalize_object(), but a save thread may still be
 * dropping its task (and the task its store) just after the callback ran. */
static void
assert_finalized_soon (gpointer object)
{
  GWeakRef weak;
  gpointer alive = NULL;

  g_weak_ref_init (&weak, object);
  g_object_unref (object);

  for (guint i = 0; i < 5000; i++)
    {
      if (!(alive = g_weak_ref_get (&weak)))
        break;
      g_object_unref (alive);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_null (alive);
  g_weak_ref_clear (&weak);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assert_finalized_soon (f->store);
  g_clear_object (&f->root);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static char *
case_path (Fixture    *f,
           CartaCase  *kase,
           const char *name)
{
  g_autofree char *root = g_file_get_path (f->root);
  return g_build_filename (root, carta_case_get_id (kase), name, NULL);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_create_and_reload (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaStore) again = NULL;
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new ("hbv", "infection");
  CartaCase *kase;
  CartaCase *found;
  GStatBuf st;

  kase = carta_store_create_case (f->store, "First case", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  carta_patient_set_name (carta_case_get_patient (kase), "Ana Souza");
  carta_case_add_item (kase, item);
  carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_REQUESTED);
  g_assert_true (carta_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);

  /* Private: the folder 0700, the file 0600. */
  file = case_path (f, kase, "case.json");
  dir = g_path_get_dirname (file);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again = carta_store_new (f->root);
  g_assert_true (carta_store_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (again)), ==, 1);
  found = carta_store_find_case (again, carta_case_get_id (kase));
  g_assert_nonnull (found);
  g_assert_cmpstr (carta_case_get_title (found), ==, "First case");
  g_assert_cmpstr (carta_patient_get_name (carta_case_get_patient (found)), ==, "Ana Souza");
  g_assert_cmpint (carta_checklist_item_get_status (carta_case_find_item (found, carta_checklist_item_get_id (item))),
                   ==, CARTA_ITEM_STATUS_REQUESTED);
  g_assert_cmpuint (carta_store_get_problems (again)->len, ==, 0);
}

static void
test_backup_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *bak = NULL;
  g_autofree char *contents = NULL;
  CartaCase *kase;

  kase = carta_store_create_case (f->store, "Version one", NULL);
  carta_case_set_title (kase, "Version two");
  g_assert_true (carta_store_save_case (f->store, kase, NULL));

  bak = case_path (f, kase, "case.json.bak");
  g_assert_true (g_file_get_contents (bak, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Version one"));
  g_assert_null (strstr (contents, "Version two"));
}

static gboolean
failing_hook (const char  *temp_path,
              gpointer     user_data,
              GError     **error)
{
  /* The new bytes are on disk in the temporary file at this point. */
  g_assert_true (g_file_test (temp_path, G_FILE_TEST_IS_REGULAR));
  *(char **)user_data = g_strdup (temp_path);
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, "injected failure");
  return FALSE;
}

static void
test_failed_save_keeps_old (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaCase) reloaded = NULL;
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *temp = NULL;
  CartaCase *kase;

  kase = carta_store_create_case (f->store, "Before the crash", NULL);
  file = case_path (f, kase, "case.json");
  dir = g_path_get_dirname (file);
  g_assert_true (g_file_get_contents (file, &before, NULL, NULL));

  carta_case_set_title (kase, "Never written");
  _carta_store_set_write_hook (f->store, failing_hook, &temp);
  g_assert_false (carta_store_save_case (f->store, kase, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_IO);
  _carta_store_set_write_hook (f->store, NULL, NULL);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (temp);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  /* Nothing but case.json: no temporary file left, and no backup of a
   * version that was never replaced. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  reloaded = carta_store_load_case (f->store, carta_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carta_case_get_title (reloaded), ==, "Before the crash");
}

static void
assert_bad_file (Fixture    *f,
                 const char *contents,
                 gssize      length,
                 int         code,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaCase) loaded = NULL;
  g_autoptr(CartaStore) again = NULL;
  g_autofree char *file = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  gsize after_length;
  CartaCase *kase;
  CartaStoreProblem *problem;

  kase = carta_store_create_case (f->store, "Damaged", NULL);
  id = g_strdup (carta_case_get_id (kase));
  file = case_path (f, kase, "case.json");
  if (length < 0)
    length = strlen (contents);
  g_assert_true (g_file_set_contents (file, contents, length, NULL));

  loaded = carta_store_load_case (f->store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, CARTA_ERROR, code);
  /* The message names the file and the problem. */
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, fragment));

  /* Loading the whole store reports it and leaves the file as it was. */
  again = carta_store_new (f->root);
  g_assert_true (carta_store_load (again, NULL));
  g_assert_null (carta_store_find_case (again, id));
  g_assert_cmpuint (carta_store_get_problems (again)->len, ==, 1);
  problem = g_ptr_array_index (carta_store_get_problems (again), 0);
  g_assert_cmpstr (problem->id, ==, id);
  g_assert_error (problem->error, CARTA_ERROR, code);
  g_assert_false (problem->has_backup);

  g_assert_true (g_file_get_contents (file, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, (gsize)length);
  g_assert_cmpmem (after, after_length, contents, length);
}

static void
test_malformed_json (Fixture       *f,
                     gconstpointer  data)
{
  assert_bad_file (f, "{ \"schema\": \"carta-case/1\", oops }", -1,
                   CARTA_ERROR_MALFORMED, "damaged or incomplete");
}

static void
test_truncated_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CartaCase) full = carta_case_new ("Truncated");
  g_autofree char *text = carta_case_to_data (full, NULL);

  /* Cut in the middle, as a crash of a non-atomic writer would. */
  assert_bad_file (f, text, strlen (text) / 2,
                   CARTA_ERROR_MALFORMED, "damaged or incomplete");
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  assert_bad_file (f, "", 0, CARTA_ERROR_MALFORMED, "empty");
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  assert_bad_file (f,
                   "{\"schema\": \"carta-case/42\", \"id\": \"x\", \"future\": true}", -1,
                   CARTA_ERROR_NEWER_SCHEMA, "newer version of Carta");
}

static void
test_missing_field (Fixture       *f,
                    gconstpointer  data)
{
  assert_bad_file (f,
                   "{\"schema\": \"carta-case/1\", \"title\": \"No id\"}", -1,
                   CARTA_ERROR_MISSING_FIELD, "“id”");
}

static void
test_restore_backup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaStore) again = NULL;
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean damaged_kept = FALSE;
  CartaCase *kase;
  CartaCase *restored;

  kase = carta_store_create_case (f->store, "Good version", NULL);
  id = g_strdup (carta_case_get_id (kase));
  carta_case_set_title (kase, "Newer version");
  g_assert_true (carta_store_save_case (f->store, kase, NULL));

  file = case_path (f, kase, "case.json");
  dir = g_path_get_dirname (file);
  g_assert_true (g_file_set_contents (file, "{ broken", -1, NULL));

  again = carta_store_new (f->root);
  g_assert_true (carta_store_load (again, NULL));
  g_assert_cmpuint (carta_store_get_problems (again)->len, ==, 1);
  g_assert_true (((CartaStoreProblem *)g_ptr_array_index (carta_store_get_problems (again), 0))->has_backup);

  restored = carta_store_restore_backup (again, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (carta_case_get_title (restored), ==, "Good version");
  g_assert_cmpuint (carta_store_get_problems (again)->len, ==, 0);
  g_assert_true (carta_store_find_case (again, id) == restored);

  /* The damaged file is kept aside, never overwritten. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, "case.json.damaged-"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "{ broken");
        damaged_kept = TRUE;
      }
  g_assert_true (damaged_kept);
}

static void
test_delete_undo_purge (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_file_get_path (f->root);
  g_autofree char *dir = NULL;

  kase = g_object_ref (carta_store_create_case (f->store, "To delete", NULL));
  dir = g_build_filename (root, carta_case_get_id (kase), NULL);

  g_assert_true (carta_store_delete_case (f->store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (f->store)), ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_assert_true (carta_store_undelete_case (f->store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (f->store)), ==, 1);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_assert_true (carta_store_delete_case (f->store, kase, &error));
  carta_store_purge_deleted (f->store, carta_case_get_id (kase));
  g_assert_cmpuint (count_entries (root), ==, 0);
  g_assert_false (carta_store_undelete_case (f->store, kase, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_IO);
}

/* What an import cut short by a crash unpacked beside the cases goes at
 * the next start, with the deleted cases; a single purge leaves it. */
static void
test_purge_import_leftovers (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *root = g_file_get_path (f->root);
  g_autofree char *staging = g_build_filename (root, ".import-Ab12Cd", NULL);
  g_autofree char *document = g_build_filename (staging, "Carta-Wang-2026-01-01", "data", "documents",
                                                "scan.pdf", NULL);
  g_autofree char *parent = g_path_get_dirname (document);
  g_autoptr(CartaCase) kase = g_object_ref (carta_store_create_case (f->store, "Kept", NULL));

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (document, "%PDF-1.4 private", -1, NULL));

  carta_store_purge_deleted (f->store, carta_case_get_id (kase));
  g_assert_true (g_file_test (document, G_FILE_TEST_IS_REGULAR));

  carta_store_purge_deleted (f->store, NULL);
  g_assert_false (g_file_test (staging, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (root), ==, 1);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (carta_store_save_case_finish (CARTA_STORE (object), result, &error));
  g_assert_no_error (error);
  (*(guint *)user_data)++;
}

static void
test_async_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CartaCase) reloaded = NULL;
  CartaCase *kase;
  guint done = 0;

  kase = carta_store_create_case (f->store, "Async 0", NULL);

  /* Many snapshots race in threads; then one synchronous save. The
   * file must end with the newest, whatever order the threads ran in. */
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Async %u", i);
      carta_case_set_title (kase, title);
      carta_store_save_case_async (f->store, kase, NULL, save_done_cb, &done);
    }
  carta_case_set_title (kase, "Final");
  g_assert_true (carta_store_save_case (f->store, kase, NULL));

  while (done < 20)
    g_main_context_iteration (NULL, TRUE);

  reloaded = carta_store_load_case (f->store, carta_case_get_id (kase), NULL);
  g_assert_cmpstr (carta_case_get_title (reloaded), ==, "Final");
}

static void
test_ignores_strangers (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *root = g_file_get_path (f->root);
  g_autofree char *junk = g_build_filename (root, "not-a-case", NULL);
  g_autofree char *empty = g_build_filename (root, "0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11", NULL);
  g_autoptr(CartaStore) again = carta_store_new (f->root);

  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);
  /* An interrupted creation leaves a case folder without case.json. */
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);

  g_assert_true (carta_store_load (again, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (again)), ==, 0);
  g_assert_cmpuint (carta_store_get_problems (again)->len, ==, 0);
}

/* A staged folder joins the store under a case id with one rename; a
 * folder anywhere else is refused and stays where it is. */
static void
test_adopt_folder (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *case_dir = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *other_id = g_uuid_string_random ();
  g_autoptr(GFile) adopted = NULL;
  g_autoptr(GFile) root_child = NULL;

  staging = _carta_store_create_staging_folder (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (staging);
  g_assert_true (g_file_test (staging, G_FILE_TEST_IS_DIR));

  /* A folder that is not inside a staging folder of this store. */
  outside = g_build_filename (f->tmpdir, "elsewhere", NULL);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_false (_carta_store_adopt_folder (f->store, outside, id, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_test (outside, G_FILE_TEST_IS_DIR));
  g_assert_false (_carta_store_id_is_used_on_disk (f->store, id));

  /* The staging folder itself is not a case folder either. */
  g_assert_false (_carta_store_adopt_folder (f->store, staging, id, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor is a name that is not a case id. */
  case_dir = g_build_filename (staging, "case", NULL);
  g_assert_cmpint (g_mkdir (case_dir, 0700), ==, 0);
  g_assert_false (_carta_store_adopt_folder (f->store, case_dir, "../escape", &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (_carta_store_adopt_folder (f->store, case_dir, id, &error));
  g_assert_no_error (error);
  adopted = g_file_get_child (f->root, id);
  g_assert_true (g_file_query_exists (adopted, NULL));
  g_assert_false (g_file_test (case_dir, G_FILE_TEST_EXISTS));
  g_assert_true (_carta_store_id_is_used_on_disk (f->store, id));
  g_assert_false (_carta_store_id_is_used_on_disk (f->store, other_id));

  /* What a crash leaves behind goes with the next purge. */
  carta_store_purge_deleted (f->store, NULL);
  g_assert_false (g_file_test (staging, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_query_exists (adopted, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create-and-reload", test_create_and_reload);
  ADD ("/store/backup-kept", test_backup_kept);
  ADD ("/store/failed-save-keeps-old", test_failed_save_keeps_old);
  ADD ("/store/malformed-json", test_malformed_json);
  ADD ("/store/truncated-file", test_truncated_file);
  ADD ("/store/empty-file", test_empty_file);
  ADD ("/store/newer-schema", test_newer_schema);
  ADD ("/store/missing-field", test_missing_field);
  ADD ("/store/restore-backup", test_restore_backup);
  ADD ("/store/delete-undo-purge", test_delete_undo_purge);
  ADD ("/store/purge-import-leftovers", test_purge_import_leftovers);
  ADD ("/store/async-order", test_async_order);
  ADD ("/store/ignores-strangers", test_ignores_strangers);
  ADD ("/store/adopt-folder", test_adopt_folder);

#undef ADD

  return g_test_run ();
}

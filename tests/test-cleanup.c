/* test-cleanup.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "carta-cleanup.h"
#include "carta-import.h"

static char *
make_file (const char *dir,
           const char *relative,
           const char *contents)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return g_steal_pointer (&path);
}

static gboolean
exists (const char *dir,
        const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

static void
test_removes_only_unused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-cleanup-XXXXXX", NULL);
  g_autofree char *outside = g_dir_make_tmp ("carta-outside-XXXXXX", NULL);
  g_autofree char *target = make_file (outside, "precious.pdf", "not Carta's to remove");
  g_autofree char *link = NULL;
  g_autofree char *link_dir = NULL;
  g_autoptr(GFile) case_dir = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  const char *used[] = {
    "blobs/ab/ab01",
    "discs/11111111-1111-4111-8111-111111111111",
    NULL
  };
  const char *rm_argv[] = { "rm", "-rf", dir, outside, NULL };
  guint removed;

  g_free (make_file (dir, "case.json", "{}"));
  g_free (make_file (dir, "case.json.bak", "{}"));
  g_free (make_file (dir, "blobs/ab/ab01", "kept: an attachment uses it"));
  g_free (make_file (dir, "blobs/ab/ab02", "removed attachment"));
  g_free (make_file (dir, "blobs/cd/cd01", "removed attachment, alone in its folder"));
  g_free (make_file (dir, "blobs/.import-Xy12Ab", "half a copy from a crash"));
  g_free (make_file (dir, "discs/11111111-1111-4111-8111-111111111111/IM0001", "kept disc"));
  g_free (make_file (dir, "discs/11111111-1111-4111-8111-111111111111.sha256", "kept list"));
  g_free (make_file (dir, "discs/22222222-2222-4222-8222-222222222222/DICOM/IM0001", "removed disc"));
  g_free (make_file (dir, "discs/22222222-2222-4222-8222-222222222222.sha256", "removed list"));
  g_free (make_file (dir, "discs/.import-33333333/IM0001", "half a disc from a crash"));

  /* A link among the copies goes; what it points to stays. */
  link = g_build_filename (dir, "blobs", "ef", "ef01", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  link_dir = g_path_get_dirname (link);
  g_assert_cmpint (g_mkdir (link_dir, 0700), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  removed = carta_cleanup_case_folder (case_dir, used, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 7);

  g_assert_true (exists (dir, "case.json"));
  g_assert_true (exists (dir, "case.json.bak"));
  g_assert_true (exists (dir, "blobs/ab/ab01"));
  g_assert_false (exists (dir, "blobs/ab/ab02"));
  g_assert_false (exists (dir, "blobs/cd"));
  g_assert_false (exists (dir, "blobs/.import-Xy12Ab"));
  g_assert_false (exists (dir, "blobs/ef"));
  g_assert_true (exists (dir, "discs/11111111-1111-4111-8111-111111111111/IM0001"));
  g_assert_true (exists (dir, "discs/11111111-1111-4111-8111-111111111111.sha256"));
  g_assert_false (exists (dir, "discs/22222222-2222-4222-8222-222222222222"));
  g_assert_false (exists (dir, "discs/22222222-2222-4222-8222-222222222222.sha256"));
  g_assert_false (exists (dir, "discs/.import-33333333"));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));

  /* A second pass finds nothing more. */
  g_assert_cmpuint (carta_cleanup_case_folder (case_dir, used, NULL, &error), ==, 0);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_used_paths_from_case (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Paths");
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom ("Scans", "imaging");
  g_autoptr(CartaAttachment) a = carta_attachment_new ();
  g_autoptr(CartaAttachment) b = carta_attachment_new ();
  g_auto(GStrv) used = NULL;

  carta_attachment_set_stored_path (a, "blobs/ab/ab01");
  carta_attachment_set_stored_path (b, "discs/11111111-1111-4111-8111-111111111111");
  carta_checklist_item_add_attachment (item, a);
  carta_checklist_item_add_attachment (item, b);
  carta_case_add_item (kase, item);

  used = carta_cleanup_list_used (kase);
  g_assert_cmpuint (g_strv_length (used), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)used, "blobs/ab/ab01"));
  g_assert_true (g_strv_contains ((const char * const *)used, "discs/11111111-1111-4111-8111-111111111111"));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **attachments = user_data;
  g_autoptr(GError) error = NULL;

  *attachments = carta_import_files_finish (result, NULL, &error);
  g_assert_no_error (error);
}

/* An import's copy is on disk before any attachment names it: until the
 * caller has the result, a clean-up must not take it. */
static void
test_import_running (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-cleanup-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case", NULL);
  g_autofree char *source = make_file (dir, "source/scan.pdf", "%PDF-1.4 a scan that is being imported");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         "%PDF-1.4 a scan that is being imported", -1);
  g_autofree char *relative = g_strdup_printf ("blobs/%.2s/%s", hash, hash);
  g_autoptr(GFile) case_dir = g_file_new_for_path (case_path);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };
  const char *rm_argv[] = { "rm", "-rf", dir, NULL };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint removed = 0;

  g_assert_cmpint (g_mkdir (case_path, 0700), ==, 0);
  g_list_store_append (files, source_file);
  carta_import_files_async (case_dir, G_LIST_MODEL (files), NULL, NULL, NULL, NULL,
                            import_done_cb, &attachments);

  /* The main context is not run: the result cannot reach the caller. */
  while (!exists (case_path, relative))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }

  g_assert_cmpuint (carta_cleanup_case_folder (case_dir, none, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (exists (case_path, relative));

  while (attachments == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpstr (carta_attachment_get_stored_path (g_ptr_array_index (attachments, 0)), ==, relative);

  /* Once the import is over, an unused copy goes as before (the task may
   * be freed a moment after its callback, in the worker thread). */
  while ((removed = carta_cleanup_case_folder (case_dir, none, NULL, &error)) == 0)
    {
      g_assert_no_error (error);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_assert_cmpuint (removed, ==, 1);
  g_assert_false (exists (case_path, relative));

  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cleanup/removes-only-unused", test_removes_only_unused);
  g_test_add_func ("/cleanup/used-paths-from-case", test_used_paths_from_case);
  g_test_add_func ("/cleanup/import-running", test_import_running);

  return g_test_run ();
}

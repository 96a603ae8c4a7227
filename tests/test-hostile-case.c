/* test-hostile-case.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Damaged and hostile case folders given to export: each one is refused
 * with a message, never a crash, and nothing from outside the case
 * folder goes into a bundle. */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "carta-bundle-private.h"
#include "carta-bundle-writer.h"
#include "carta-demo.h"
#include "carta-error.h"
#include "carta-fs.h"
#include "carta-store.h"
#include "carta-verify.h"

typedef struct
{
  char *dir;        /* holds the case, the outside folder and the bundle */
  char *case_dir;
  char *outside;    /* a folder beside the case, where links point */
  char *bundle;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(CartaCase) kase = carta_case_new (NULL);

  f->dir = g_dir_make_tmp ("carta-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->case_dir = g_build_filename (f->dir, "case", NULL);
  f->outside = g_build_filename (f->dir, "outside", NULL);
  f->bundle = g_build_filename (f->dir, "bundle.zip", NULL);
  g_assert_cmpint (g_mkdir (f->outside, 0700), ==, 0);

  case_dir = g_file_new_for_path (f->case_dir);
  g_assert_true (carta_demo_populate (kase, case_dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (carta_case_save_to_folder (kase, case_dir, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  carta_fs_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->case_dir);
  g_free (f->outside);
  g_free (f->bundle);
}

/* Exports the case folder as `carta-bundle export` does; returns the
 * error, or NULL when a bundle was written. */
static GError *
export (Fixture *f)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->case_dir);
  g_autoptr(GFile) out = g_file_new_for_path (f->bundle);
  g_autoptr(CartaBundleWriter) writer = NULL;
  g_autoptr(CartaCase) kase = NULL;
  GError *error = NULL;

  if (!(kase = carta_case_load_from_folder (dir, &error)))
    return error;

  writer = carta_bundle_writer_new (kase, dir);
  carta_bundle_writer_set_full_verify (writer, FALSE);
  if (!carta_bundle_writer_write (writer, out, NULL, NULL, NULL, &error))
    return error;

  return NULL;
}

static void
assert_refused (Fixture    *f,
                const char *words)
{
  g_autoptr(GError) error = export (f);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_false (g_file_test (f->bundle, G_FILE_TEST_EXISTS));
}

/* The first path in the case folder under @prefix ("blobs/", "discs/"). */
static char *
first_stored (Fixture    *f,
              const char *subdir)
{
  g_autofree char *path = g_build_filename (f->case_dir, subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (!g_str_has_suffix (name, ".sha256"))
      return g_build_filename (path, name, NULL);

  g_assert_not_reached ();
}

static void
write_case_json (Fixture    *f,
                 const char *data,
                 gssize      length)
{
  g_autofree char *path = g_build_filename (f->case_dir, "case.json", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
test_sample_exports (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = export (f);

  g_assert_no_error (error);
  g_assert_true (g_file_test (f->bundle, G_FILE_TEST_IS_REGULAR));
}

static void
test_empty_case_json (Fixture       *f,
                      gconstpointer  data)
{
  write_case_json (f, "", 0);
  assert_refused (f, "empty");
}

static void
test_deep_case_json (Fixture       *f,
                     gconstpointer  data)
{
  gsize depth = 1000000;
  g_autofree char *deep = g_malloc (2 * depth);

  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  write_case_json (f, deep, 2 * depth);
  assert_refused (f, "levels deep");

  /* Objects, and brackets inside strings that do not count. */
  write_case_json (f, "{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}", -1);
  assert_refused (f, "Could not open");
}

/* Moves @stored out of the case and leaves a link to it in its place. */
static void
replace_with_link (Fixture    *f,
                   const char *stored)
{
  g_autofree char *base = g_path_get_basename (stored);
  g_autofree char *moved = g_build_filename (f->outside, base, NULL);

  g_assert_cmpint (g_rename (stored, moved), ==, 0);
  g_assert_cmpint (symlink (moved, stored), ==, 0);
}

/* How many attachments the check of stored copies (the window's, when
 * a case opens) flags. */
static guint
count_flagged (Fixture *f)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->case_dir);
  g_autoptr(CartaCase) kase = carta_case_load_from_folder (dir, NULL);
  GListModel *items = carta_case_get_items (kase);
  guint flagged = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);

          if (!carta_verify_attachment (dir, attachment, NULL, NULL))
            flagged++;
        }
    }

  return flagged;
}

static void
test_disc_folder_link (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *disc = first_stored (f, "discs");

  g_assert_cmpuint (count_flagged (f), ==, 0);
  replace_with_link (f, disc);
  assert_refused (f, "link");
  /* The check of stored copies flags it as well: the copy is elsewhere. */
  g_assert_cmpuint (count_flagged (f), ==, 1);
}

static void
test_blob_folder_link (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *blob_dir = first_stored (f, "blobs");

  replace_with_link (f, blob_dir);
  assert_refused (f, "link");
}

/* Every stored path runs through "blobs", here a link to a copy of it. */
static void
test_stored_path_through_link (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *blobs = g_build_filename (f->case_dir, "blobs", NULL);

  replace_with_link (f, blobs);
  assert_refused (f, "link");
}

/* A link that points back inside the case is refused too: links are
 * never followed, wherever they go. */
static void
test_blob_file_link (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *blob_dir = first_stored (f, "blobs");
  g_autoptr(GDir) dir = g_dir_open (blob_dir, 0, NULL);
  g_autofree char *blob = g_build_filename (blob_dir, g_dir_read_name (dir), NULL);
  g_autofree char *secret = g_build_filename (f->outside, "secret", NULL);
  struct stat st;

  g_assert_cmpint (g_stat (blob, &st), ==, 0);
  g_assert_true (g_file_set_contents (secret, "x", 1, NULL));
  g_assert_cmpint (g_unlink (blob), ==, 0);
  g_assert_cmpint (symlink (secret, blob), ==, 0);
  assert_refused (f, "link");
}

static void
test_blob_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *blob_dir = first_stored (f, "blobs");
  g_autoptr(GDir) dir = g_dir_open (blob_dir, 0, NULL);
  g_autofree char *blob = g_build_filename (blob_dir, g_dir_read_name (dir), NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* Same size, one byte different: only the digest can tell. */
  g_assert_true (g_file_get_contents (blob, &contents, &length, NULL));
  contents[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (blob, contents, length, NULL));
  assert_refused (f, "has changed since it was added");
}

static void
test_disc_file_changed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *disc = first_stored (f, "discs");
  g_autofree char *file = g_build_filename (disc, "DICOM", "ST000001", "IM000002", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  contents[length - 1] ^= 0x01;
  g_assert_true (g_file_set_contents (file, contents, length, NULL));
  assert_refused (f, "has changed since it was added");
}

/* A name of 200 KB without a space took minutes and gigabytes to lay
 * out (quadratic in pango); now the summary shows its start, says it was
 * shortened, and is made at once. */
static void
test_long_name_summary (void)
{
  g_autoptr(CartaCase) kase = carta_case_new (NULL);
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GDateTime) when = g_date_time_new_now_local ();
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_malloc (200001);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  gint64 started = g_get_monotonic_time ();
  double seconds;

  memset (name, 'A', 200000);
  name[200000] = '\0';
  carta_patient_set_name (carta_case_get_patient (kase), name);

  pdf = _carta_bundle_render_summary (kase, docs, when, NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;
  g_test_message ("summary with a 200 KB name: %.2f s, %zu bytes", seconds, g_bytes_get_size (pdf));
  g_assert_cmpfloat (seconds, <, 20);
  g_assert_cmpuint (g_bytes_get_size (pdf), <, 1024 * 1024);

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "shortened here"));
}

/* In a build with AddressSanitizer: export the sample case in a child
 * process with leak detection on, then ask LeakSanitizer for leaks. */
extern int __lsan_do_recoverable_leak_check (void) __attribute__((weak));

static void
test_export_leaks (void)
{
  if (__lsan_do_recoverable_leak_check == NULL)
    {
      g_test_skip ("not built with AddressSanitizer");
      return;
    }

  if (g_test_subprocess ())
    {
      Fixture f = { 0 };
      g_autoptr(GError) error = NULL;

      fixture_set_up (&f, NULL);
      g_assert_null (error = export (&f));
      fixture_tear_down (&f, NULL);
      /* A hostile one too: the error paths free what they took. */
      fixture_set_up (&f, NULL);
      write_case_json (&f, "[]", -1);
      g_assert_nonnull (error = export (&f));
      g_clear_error (&error);
      fixture_tear_down (&f, NULL);
      g_assert_cmpint (__lsan_do_recoverable_leak_check (), ==, 0);
      return;
    }

  {
    g_autofree char *supp = g_test_build_filename (G_TEST_DIST, "lsan.supp", NULL);
    g_autofree char *lsan = g_strdup_printf ("suppressions=%s:print_suppressions=0", supp);

    g_setenv ("ASAN_OPTIONS", "detect_leaks=1", TRUE);
    g_setenv ("LSAN_OPTIONS", lsan, TRUE);
    g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hostile-case/sample-exports", test_sample_exports);
  ADD ("/hostile-case/empty-case-json", test_empty_case_json);
  ADD ("/hostile-case/deep-case-json", test_deep_case_json);
  ADD ("/hostile-case/disc-folder-link", test_disc_folder_link);
  ADD ("/hostile-case/blob-folder-link", test_blob_folder_link);
  ADD ("/hostile-case/stored-path-through-link", test_stored_path_through_link);
  ADD ("/hostile-case/blob-file-link", test_blob_file_link);
  ADD ("/hostile-case/blob-changed", test_blob_changed);
  ADD ("/hostile-case/disc-file-changed", test_disc_file_changed);
  g_test_add_func ("/hostile-case/long-name-summary", test_long_name_summary);
  g_test_add_func ("/hostile-case/export-leaks", test_export_leaks);

  return g_test_run ();
}

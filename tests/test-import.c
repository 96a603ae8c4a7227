/* test-import.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carta-case.h"
#include "carta-error.h"
#include "carta-import.h"
#include "carta-sha256.h"
#include "carta-verify.h"

#define MIB (1024 * 1024)

typedef struct
{
  char  *root;      /* everything the test makes, removed at the end */
  char  *case_dir;
  GFile *case_file;
  char  *sources;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        struct stat st;

        if (lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
          remove_tree (child);
        else
          g_unlink (child);
      }

  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("carta-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->case_dir = g_build_filename (fixture->root, "case", NULL);
  fixture->sources = g_build_filename (fixture->root, "sources", NULL);
  g_assert_cmpint (g_mkdir (fixture->case_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->sources, 0700), ==, 0);
  fixture->case_file = g_file_new_for_path (fixture->case_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->case_dir);
  g_free (fixture->sources);
  g_clear_object (&fixture->case_file);
}

static char *
write_source (Fixture    *fixture,
              const char *name,
              const char *contents,
              gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->sources, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static GListModel *
files_of (const char *first,
          ...)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_list_store_append (store, file);
    }
  va_end (args);

  return G_LIST_MODEL (store);
}

/* Every regular file below @dir, relative paths sorted. */
static void
list_files (const char *dir,
            const char *prefix,
            GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = prefix ? g_build_filename (prefix, name, NULL) : g_strdup (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, rel, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&rel));
    }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  list_files (dir, NULL, files);
  return files->len;
}

static char *
run_sha256sum (const char *path)
{
  const char *argv[] = { "sha256sum", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strndup (out, CARTA_SHA256_HEX_LENGTH);
}

static void
test_sha256_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carta-sha-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "f", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *data = g_malloc (3 * MIB + 17);

  for (gsize i = 0; i < 3 * MIB + 17; i++)
    data[i] = (char)(i * 31 + (i >> 11));
  g_file_set_contents (path, data, 3 * MIB + 17, &error);
  g_assert_no_error (error);

  hex = carta_sha256_file (path, NULL, &error);
  g_assert_no_error (error);
  expected = run_sha256sum (path);
  g_assert_cmpstr (hex, ==, expected);
  g_assert_true (carta_sha256_is_valid (hex));
  g_assert_false (carta_sha256_is_valid ("ABC"));

  g_clear_pointer (&hex, g_free);
  hex = carta_sha256_data ("abc", 3);
  g_assert_cmpstr (hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  g_unlink (path);
  g_assert_null (carta_sha256_file (path, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

static void
test_same_file_twice (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char pdf[] = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  g_autofree char *a = write_source (fixture, "report.pdf", pdf, sizeof pdf - 1);
  g_autofree char *b = write_source (fixture, "copy of report.pdf", pdf, sizeof pdf - 1);
  g_autoptr(GListModel) first = files_of (a, NULL);
  g_autoptr(GListModel) second = files_of (a, b, NULL);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = run_sha256sum (a);
  g_autofree char *blob = NULL;
  g_autofree char *stored = NULL;
  CartaAttachment *attachment;
  struct stat before, after, st;
  gsize length;

  g_assert_cmpint (stat (a, &before), ==, 0);

  one = carta_import_files (fixture->case_file, first, NULL, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (skipped->len, ==, 0);
  g_clear_pointer (&skipped, g_ptr_array_unref);

  two = carta_import_files (fixture->case_file, second, NULL, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);

  attachment = g_ptr_array_index (one, 0);
  g_assert_cmpstr (carta_attachment_get_original_name (attachment), ==, "report.pdf");
  g_assert_cmpstr (carta_attachment_get_sha256 (attachment), ==, expected);
  g_assert_cmpuint (carta_attachment_get_size (attachment), ==, sizeof pdf - 1);
  g_assert_cmpstr (carta_attachment_get_content_type (attachment), ==, "application/pdf");
  g_assert_cmpint (carta_attachment_get_kind (attachment), ==, CARTA_ATTACHMENT_KIND_FILE);

  /* Content-addressed: blobs/ab/abcdef… */
  blob = g_strdup_printf ("blobs/%.2s/%s", expected, expected);
  g_assert_cmpstr (carta_attachment_get_stored_path (attachment), ==, blob);
  for (guint i = 0; i < two->len; i++)
    g_assert_cmpstr (carta_attachment_get_stored_path (g_ptr_array_index (two, i)), ==, blob);
  g_assert_cmpstr (carta_attachment_get_original_name (g_ptr_array_index (two, 1)), ==, "copy of report.pdf");
  g_assert_cmpstr (carta_attachment_get_id (g_ptr_array_index (two, 0)), !=,
                   carta_attachment_get_id (g_ptr_array_index (two, 1)));

  /* Three attachments, one stored copy, private. */
  g_assert_cmpuint (count_files (fixture->case_dir), ==, 1);
  g_free (blob);
  blob = g_build_filename (fixture->case_dir, carta_attachment_get_stored_path (attachment), NULL);
  g_assert_cmpint (stat (blob, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (blob, &stored, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (stored, length, pdf, sizeof pdf - 1);

  /* The original is untouched. */
  g_assert_cmpint (stat (a, &after), ==, 0);
  g_assert_cmpint (before.st_mtim.tv_sec, ==, after.st_mtim.tv_sec);
  g_assert_cmpint (before.st_mtim.tv_nsec, ==, after.st_mtim.tv_nsec);
  g_assert_cmpint (before.st_size, ==, after.st_size);
}

static void
test_content_sniffing (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *path = write_source (fixture, "IMG_0001", (const char *)png, sizeof png);
  g_autoptr(GListModel) files = files_of (path, NULL);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  attachments = carta_import_files (fixture->case_file, files, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  /* No extension: the type comes from the bytes. */
  g_assert_cmpstr (carta_attachment_get_content_type (g_ptr_array_index (attachments, 0)), ==, "image/png");
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->sources, "scans", NULL);
  g_autofree char *sub = g_build_filename (folder, "page 2", NULL);
  g_autofree char *a = g_build_filename (folder, "a.txt", NULL);
  g_autofree char *b = g_build_filename (sub, "b.txt", NULL);
  g_autofree char *hidden = g_build_filename (folder, ".DS_Store", NULL);
  g_autofree char *fifo = g_build_filename (folder, "pipe", NULL);
  g_autofree char *escape = g_build_filename (folder, "escape", NULL);
  g_autofree char *inside = g_build_filename (folder, "same as a", NULL);
  g_autofree char *outside = write_source (fixture, "secret.txt", "not in the folder", -1);
  g_autoptr(GListModel) files = files_of (folder, NULL);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_file_set_contents (a, "page one", -1, NULL);
  g_file_set_contents (b, "page two", -1, NULL);
  g_file_set_contents (hidden, "junk", -1, NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (outside, escape), ==, 0);
  g_assert_cmpint (symlink ("a.txt", inside), ==, 0);

  attachments = carta_import_files (fixture->case_file, files, NULL, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);

  /* a.txt, page 2/b.txt, and the link that stays inside; sorted. */
  g_assert_cmpuint (attachments->len, ==, 3);
  g_assert_cmpstr (carta_attachment_get_original_name (g_ptr_array_index (attachments, 0)), ==, "a.txt");
  g_assert_cmpstr (carta_attachment_get_original_name (g_ptr_array_index (attachments, 1)), ==, "b.txt");
  g_assert_cmpstr (carta_attachment_get_original_name (g_ptr_array_index (attachments, 2)), ==, "same as a");
  g_assert_cmpstr (carta_attachment_get_stored_path (g_ptr_array_index (attachments, 0)), ==,
                   carta_attachment_get_stored_path (g_ptr_array_index (attachments, 2)));
  g_assert_cmpuint (count_files (fixture->case_dir), ==, 2);

  /* The FIFO and the link to a file outside are reported, not copied. */
  g_assert_cmpuint (skipped->len, ==, 2);
  for (guint i = 0; i < skipped->len; i++)
    g_assert_error ((GError *)g_ptr_array_index (skipped, i), CARTA_ERROR, CARTA_ERROR_HOSTILE);
}

static void
test_missing_source (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *good = write_source (fixture, "good.txt", "fine", -1);
  g_autofree char *gone = g_build_filename (fixture->sources, "gone.txt", NULL);
  g_autoptr(GListModel) files = files_of (gone, good, "/dev/null", NULL);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;

  attachments = carta_import_files (fixture->case_file, files, NULL, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (skipped, 0))->message, "gone.txt"));
}

/* Async import ------------------------------------------------------------ */

typedef struct
{
  GMainLoop    *loop;
  GPtrArray    *attachments;
  GPtrArray    *skipped;
  GError       *error;
  GCancellable *cancellable;
  guint64       cancel_at;
  guint64       last_done;
  guint64       last_total;
  guint         n_progress;
  gboolean      finished;
  gboolean      progress_after_finish;
  GThread      *main_thread;
} AsyncRun;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpuint (done, >=, run->last_done);
  g_assert_cmpuint (done, <=, total);
  if (run->finished)
    run->progress_after_finish = TRUE;

  run->last_done = done;
  run->last_total = total;
  run->n_progress++;

  if (run->cancel_at > 0 && done >= run->cancel_at)
    g_cancellable_cancel (run->cancellable);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->attachments = carta_import_files_finish (result, &run->skipped, &run->error);
  run->finished = TRUE;
  g_main_loop_quit (run->loop);
}

static void
run_import (Fixture    *fixture,
            GListModel *files,
            AsyncRun   *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->main_thread = g_thread_self ();
  if (run->cancellable == NULL)
    run->cancellable = g_cancellable_new ();

  carta_import_files_async (fixture->case_file, files, progress_cb, run, NULL,
                            run->cancellable, import_done_cb, run);
  g_main_loop_run (run->loop);

  /* Let any late idle run: it must not report after the end. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (run->progress_after_finish);
}

static void
async_run_clear (AsyncRun *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_pointer (&run->attachments, g_ptr_array_unref);
  g_clear_pointer (&run->skipped, g_ptr_array_unref);
  g_clear_error (&run->error);
  g_clear_object (&run->cancellable);
}

static guint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10);
}

static void
reset_peak_rss (void)
{
  /* Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0). */
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);

  if (fd >= 0)
    {
      if (write (fd, "5", 1) != 1)
        g_test_message ("Could not reset the peak RSS: %s", g_strerror (errno));
      close (fd);
    }
}

static guint64
big_file_size (void)
{
  const char *env = g_getenv ("CARTA_TEST_BIG_FILE_MB");
  guint64 mb = env ? g_ascii_strtoull (env, NULL, 10) : 1024;

  return MAX (mb, 16) * MIB;
}

/* A sparse file with some real data at the start, a third in, and the end:
 * quick to make, and every byte still goes through the copy. */
static char *
make_big_file (Fixture *fixture,
               const char *name,
               guint64  size,
               guint32  seed)
{
  g_autofree char *path = g_build_filename (fixture->sources, name, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint32 block[16384];
  guint64 offsets[] = { 0, size / 3 + 12345, size - sizeof block };
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (block); j++)
        block[j] = g_rand_int (rand);
      g_assert_cmpint (pwrite (fd, block, sizeof block, offsets[i]), ==, sizeof block);
    }
  close (fd);

  return g_steal_pointer (&path);
}

static void
test_big_file (Fixture       *fixture,
               gconstpointer  user_data)
{
  guint64 size = big_file_size ();
  g_autofree char *path = make_big_file (fixture, "scan.iso", size, 1);
  g_autoptr(GListModel) files = files_of (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_hash = NULL;
  AsyncRun run = { 0, };
  CartaAttachment *attachment;
  guint64 rss_before, peak;
  gint64 start;

  g_test_message ("Attaching a %" G_GUINT64_FORMAT " MiB file (CARTA_TEST_BIG_FILE_MB)", size / MIB);

  expected = carta_sha256_file (path, NULL, &error);
  g_assert_no_error (error);

  reset_peak_rss ();
  rss_before = read_status_kb ("VmRSS:");
  start = g_get_monotonic_time ();

  run_import (fixture, files, &run);
  g_assert_no_error (run.error);

  peak = read_status_kb ("VmHWM:");
  g_test_message ("%" G_GUINT64_FORMAT " MiB in %.2f s; RSS before %" G_GUINT64_FORMAT
                  " kB, peak %" G_GUINT64_FORMAT " kB; %u progress reports",
                  size / MIB, (g_get_monotonic_time () - start) / 1e6, rss_before, peak, run.n_progress);

  /* Flat memory: the file went through in chunks. */
  g_assert_cmpuint (peak, <, rss_before + 64 * 1024);

  g_assert_cmpuint (run.attachments->len, ==, 1);
  attachment = g_ptr_array_index (run.attachments, 0);
  g_assert_cmpuint (carta_attachment_get_size (attachment), ==, size);
  g_assert_cmpstr (carta_attachment_get_sha256 (attachment), ==, expected);
  g_assert_cmpuint (run.last_done, ==, size);
  g_assert_cmpuint (run.last_total, ==, size);
  g_assert_cmpuint (run.n_progress, >=, 1);

  /* What is stored is what was read. */
  stored = g_build_filename (fixture->case_dir, carta_attachment_get_stored_path (attachment), NULL);
  stored_hash = carta_sha256_file (stored, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored_hash, ==, expected);
  g_assert_cmpuint (count_files (fixture->case_dir), ==, 1);

  async_run_clear (&run);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  guint64 size = big_file_size ();
  g_autofree char *small = write_source (fixture, "letter.txt", "Dear doctor,", -1);
  g_autofree char *path = make_big_file (fixture, "video.mp4", size, 2);
  g_autoptr(GListModel) files = files_of (small, path, NULL);
  g_autofree char *existing = write_source (fixture, "old.txt", "attached before", -1);
  g_autoptr(GListModel) before = files_of (existing, NULL);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  AsyncRun run = { 0, };

  /* Something attached earlier must survive the cancelled import. */
  kept = carta_import_files (fixture->case_file, before, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->case_dir), ==, 1);

  run.cancellable = g_cancellable_new ();
  run.cancel_at = size / 3;
  run_import (fixture, files, &run);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.attachments);
  g_assert_cmpuint (run.last_done, >=, size / 3);
  g_assert_cmpuint (run.last_done, <, size);

  /* No temporary file, no blob of the small file, no partial blob. */
  list_files (fixture->case_dir, NULL, left);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (left, 0), ==,
                   carta_attachment_get_stored_path (g_ptr_array_index (kept, 0)));

  async_run_clear (&run);
}

/* Integrity ---------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GPtrArray *bad;
  GError    *error;
} VerifyRun;

static void
verify_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VerifyRun *run = user_data;

  run->bad = carta_verify_case_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static GPtrArray *
verify_case (Fixture   *fixture,
             CartaCase *kase)
{
  VerifyRun run = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  carta_verify_case_async (fixture->case_file, kase, NULL, NULL, NULL, NULL, verify_done_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  g_assert_no_error (run.error);

  return run.bad;
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *a = write_source (fixture, "blood count.pdf", "%PDF-1.4 blood count", -1);
  g_autofree char *b = write_source (fixture, "echo.pdf", "%PDF-1.4 echocardiogram", -1);
  g_autofree char *c = write_source (fixture, "hla.pdf", "%PDF-1.4 HLA typing", -1);
  g_autoptr(GListModel) files = files_of (a, b, c, a, NULL);
  g_autoptr(CartaCase) kase = carta_case_new ("Test");
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom ("Lab results", "fitness");
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *removed = NULL;
  FILE *f;

  attachments = carta_import_files (fixture->case_file, files, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 4);
  for (guint i = 0; i < attachments->len; i++)
    carta_checklist_item_add_attachment (item, g_ptr_array_index (attachments, i));
  carta_case_add_item (kase, item);

  bad = verify_case (fixture, kase);
  g_assert_cmpuint (bad->len, ==, 0);
  g_clear_pointer (&bad, g_ptr_array_unref);

  /* Change one byte of the first stored copy, delete the second. */
  tampered = g_build_filename (fixture->case_dir,
                               carta_attachment_get_stored_path (g_ptr_array_index (attachments, 0)), NULL);
  f = fopen (tampered, "r+");
  g_assert_nonnull (f);
  fseek (f, 9, SEEK_SET);
  fputc ('X', f);
  fclose (f);
  removed = g_build_filename (fixture->case_dir,
                              carta_attachment_get_stored_path (g_ptr_array_index (attachments, 1)), NULL);
  g_assert_cmpint (g_unlink (removed), ==, 0);

  bad = verify_case (fixture, kase);
  /* Both attachments of a.pdf share the changed copy; hla.pdf is intact. */
  g_assert_cmpuint (bad->len, ==, 3);
  g_assert_true (g_ptr_array_find (bad, g_ptr_array_index (attachments, 0), NULL));
  g_assert_true (g_ptr_array_find (bad, g_ptr_array_index (attachments, 1), NULL));
  g_assert_true (g_ptr_array_find (bad, g_ptr_array_index (attachments, 3), NULL));
  g_assert_false (g_ptr_array_find (bad, g_ptr_array_index (attachments, 2), NULL));

  g_assert_false (carta_verify_attachment (fixture->case_file, g_ptr_array_index (attachments, 0), NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (carta_verify_attachment (fixture->case_file, g_ptr_array_index (attachments, 1), NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (carta_verify_attachment (fixture->case_file, g_ptr_array_index (attachments, 2), NULL, &error));
  g_assert_no_error (error);

  /* Attaching the original again mends the damaged copy. */
  g_clear_pointer (&attachments, g_ptr_array_unref);
  g_clear_object (&files);
  files = files_of (a, NULL);
  attachments = carta_import_files (fixture->case_file, files, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (carta_verify_attachment (fixture->case_file, g_ptr_array_index (attachments, 0), NULL, &error));
  g_assert_no_error (error);
}

static void
late_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GPtrArray) attachments = carta_import_files_finish (result, NULL, error);

  if (*error == NULL)
    {
      g_assert_cmpuint (attachments->len, ==, 1);
      *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "succeeded");
    }
}

/* A cancel that comes once the copy is in place: either the caller gets
 * the attachment, or the copy is gone — never a copy nobody names. */
static void
test_cancel_late (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *contents = "%PDF-1.4 imported just before the cancel";
  g_autofree char *source = g_build_filename (fixture->sources, "late.pdf", NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autofree char *blob = g_strdup_printf ("%s/blobs/%.2s/%s", fixture->case_dir, hash, hash);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (source, contents, -1, NULL));
  g_list_store_append (files, source_file);
  carta_import_files_async (fixture->case_file, G_LIST_MODEL (files), NULL, NULL, NULL,
                            cancellable, late_done_cb, &error);

  /* The main context is not run: the result has not been delivered. */
  while (!g_file_test (blob, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_cancellable_cancel (cancellable);

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_assert_false (g_file_test (blob, G_FILE_TEST_EXISTS));
  else
    g_assert_cmpstr (error->message, ==, "succeeded");
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/sha256-file", test_sha256_file);
#define ADD(path, func) g_test_add ("/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("same-file-twice", test_same_file_twice);
  ADD ("content-sniffing", test_content_sniffing);
  ADD ("folder", test_folder);
  ADD ("missing-source", test_missing_source);
  ADD ("big-file", test_big_file);
  ADD ("cancel", test_cancel);
  ADD ("cancel-late", test_cancel_late);
  ADD ("tampered", test_tampered);
#undef ADD

  return g_test_run ();
}

/* test-base.c
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
#include "carta-fs-private.h"
#include "carta-sha256-private.h"

/* FIPS 180-2, appendix B.1 and the empty message. */
#define ABC_SHA256   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static void
test_sha256_hex (void)
{
  guint8 digest[CARTA_SHA256_DIGEST_SIZE];
  char hex[CARTA_SHA256_HEX_LENGTH + 1];
  struct sha256_ctx ctx;
  g_autofree char *data_hex = carta_sha256_data ("abc", 3);
  g_autofree char *empty_hex = carta_sha256_data (NULL, 0);

  for (guint i = 0; i < sizeof digest; i++)
    digest[i] = i * 8 + 7;
  _carta_sha256_hex (digest, hex);
  g_assert_cmpstr (hex, ==, "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff");

  sha256_init (&ctx);
  sha256_update (&ctx, 3, (const guint8 *)"abc");
  _carta_sha256_ctx_hex (&ctx, hex);
  g_assert_cmpstr (hex, ==, ABC_SHA256);
  g_assert_cmpstr (data_hex, ==, ABC_SHA256);
  g_assert_cmpstr (empty_hex, ==, EMPTY_SHA256);
  g_assert_true (carta_sha256_is_valid (hex));
}

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, >, *last);
  *last = done;
}

static void
test_sha256_stream (void)
{
  gsize length = 3 * CARTA_IO_CHUNK + 5;
  g_autofree guint8 *data = g_malloc (length);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hex = NULL;
  guint64 last = 0;

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8)(i * 31);
  expected = carta_sha256_data (data, length);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  hex = _carta_sha256_stream (stream, on_progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hex, ==, expected);
  g_assert_cmpuint (last, ==, length);
}

static void
test_sha256_stream_cancelled (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("abc", 3, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hex = NULL;

  g_cancellable_cancel (cancellable);
  hex = _carta_sha256_stream (stream, NULL, NULL, cancellable, &error);
  g_assert_null (hex);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_hashed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
hash_file_async (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  _carta_sha256_file_async (file, cancellable, on_hashed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return _carta_sha256_file_finish (result, error);
}

static void
test_sha256_file_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-base-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "abc.txt", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *blocking = NULL;
  char *none;

  g_assert_true (g_file_set_contents (path, "abc", 3, NULL));

  hex = hash_file_async (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hex, ==, ABC_SHA256);
  blocking = carta_sha256_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (blocking, ==, hex);

  none = hash_file_async (missing, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  none = hash_file_async (file, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
fail_hook (const char  *temp_path,
           gpointer     user_data,
           GError     **error)
{
  *(char **)user_data = g_strdup (temp_path);
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, "injected");
  return FALSE;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_write_file_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-base-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *bak = g_build_filename (dir, "case.json.bak", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "file", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (_carta_write_file_atomic (path, "one", 3, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "one");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_pointer (&contents, g_free);

  g_assert_true (_carta_write_file_atomic (path, "two", 3, TRUE, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (bak, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "one");
  g_clear_pointer (&contents, g_free);

  /* A failure before the rename leaves the old file and no temporary one. */
  g_assert_false (_carta_write_file_atomic (path, "three", 5, FALSE, fail_hook, &temp, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_IO);
  g_clear_error (&error);
  g_assert_nonnull (temp);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");
  g_assert_cmpuint (count_files (dir), ==, 2);

  g_assert_false (_carta_write_file_atomic (missing, "x", 1, FALSE, NULL, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (_carta_fsync_parent (path, "Could not sync “%s”: %s", &error));
  g_assert_no_error (error);
  g_assert_false (_carta_fsync_parent (missing, "Could not sync “%s”: %s", &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_IO);

  g_assert_true (carta_fs_remove_tree (dir));
}

static void
test_secret_wipe (void)
{
  char secret[] = "correct horse";
  char *copy = g_strdup ("battery staple");

  _carta_secret_wipe (secret);
  for (gsize i = 0; i < sizeof secret; i++)
    g_assert_cmpint (secret[i], ==, 0);

  _carta_secret_wipe (NULL);
  _carta_secret_clear (&copy);
  g_assert_null (copy);
  _carta_secret_clear (&copy);
  _carta_secret_free (NULL);
}

static void
test_opened_copies_dir (void)
{
  g_autofree char *dir = carta_fs_get_opened_copies_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "carta", "opened", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/base/sha256/hex", test_sha256_hex);
  g_test_add_func ("/base/sha256/stream", test_sha256_stream);
  g_test_add_func ("/base/sha256/stream-cancelled", test_sha256_stream_cancelled);
  g_test_add_func ("/base/sha256/file-async", test_sha256_file_async);
  g_test_add_func ("/base/fs/write-file-atomic", test_write_file_atomic);
  g_test_add_func ("/base/secret/wipe", test_secret_wipe);
  g_test_add_func ("/base/fs/opened-copies-dir", test_opened_copies_dir);

  return g_test_run ();
}

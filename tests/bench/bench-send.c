/* bench-send.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-send"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "carta-test-dav.h"
#include "carta-uploader.h"

/* Upload speed of Carta against `curl -T`, same file, same Apache mod_dav
 * on 127.0.0.1, same run, alternating. Carta's time is the whole send:
 * checks, upload to a temporary name, MOVE, and the size check after.
 *
 *   ninja -C build tests/bench/bench-send && ./build/tests/bench/bench-send [MB] [ROUNDS]
 */

typedef struct
{
  gboolean           done;
  CartaUploadResult *result;
  GError            *error;
} Run;

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  run->result = carta_uploader_upload_finish (CARTA_UPLOADER (object), result, &run->error);
  run->done = TRUE;
}

static double
time_carta (CartaTestDav *dav,
            const char   *path)
{
  g_autofree char *link = g_strdup_printf ("%s/dav/", dav->base_url);
  g_autoptr(CartaUploader) uploader = carta_uploader_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Run run = { 0 };
  gint64 start;
  double seconds;

  carta_uploader_set_link (uploader, link, NULL);
  carta_uploader_set_user (uploader, CARTA_TEST_DAV_USER);
  carta_uploader_set_password (uploader, CARTA_TEST_DAV_PASSWORD);

  start = g_get_monotonic_time ();
  carta_uploader_upload_async (uploader, file, NULL, upload_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  if (run.result == NULL)
    g_error ("Carta failed: %s", run.error->message);
  g_clear_object (&run.result);
  return seconds;
}

static double
time_curl (CartaTestDav *dav,
           const char   *path,
           guint         round)
{
  g_autofree char *url = g_strdup_printf ("%s/dav/curl-%u.zip", dav->base_url, round);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) curl = NULL;
  gint64 start = g_get_monotonic_time ();

  curl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           "curl", "-sS", "--fail", "-T", path,
                           "-u", CARTA_TEST_DAV_USER ":" CARTA_TEST_DAV_PASSWORD,
                           url, NULL);
  if (curl == NULL || !g_subprocess_wait_check (curl, NULL, &error))
    g_error ("curl failed: %s", error->message);

  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint64 megabytes = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 500;
  guint rounds = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 5;
  g_autofree double *carta = g_new0 (double, rounds);
  g_autofree double *curl = g_new0 (double, rounds);
  g_autofree char *dir = g_dir_make_tmp ("carta-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bundle.zip", NULL);
  CartaTestDav *dav;
  double carta_mbs, curl_mbs;

  carta_test_make_file (path, megabytes << 20, 42);
  dav = carta_test_dav_start ();

  printf ("Uploading %" G_GUINT64_FORMAT " MB to Apache mod_dav on 127.0.0.1, %u rounds\n",
          megabytes, rounds);
  printf ("%5s %12s %12s\n", "round", "carta (s)", "curl -T (s)");
  for (guint i = 0; i < rounds; i++)
    {
      /* Alternate who goes first so caches favour neither. */
      if (i % 2 == 0)
        {
          carta[i] = time_carta (dav, path);
          curl[i] = time_curl (dav, path, i);
        }
      else
        {
          curl[i] = time_curl (dav, path, i);
          carta[i] = time_carta (dav, path);
        }
      printf ("%5u %12.3f %12.3f\n", i + 1, carta[i], curl[i]);
      carta_test_empty_dir (dav->dav_dir);
    }

  qsort (carta, rounds, sizeof (double), compare_double);
  qsort (curl, rounds, sizeof (double), compare_double);
  carta_mbs = megabytes / carta[rounds / 2];
  curl_mbs = megabytes / curl[rounds / 2];
  printf ("median: carta %.3f s (%.0f MB/s), curl %.3f s (%.0f MB/s); carta/curl speed = %.2f (target >= 0.80)\n",
          carta[rounds / 2], carta_mbs, curl[rounds / 2], curl_mbs, carta_mbs / curl_mbs);

  carta_test_dav_stop (dav);
  g_unlink (path);
  g_rmdir (dir);

  return carta_mbs / curl_mbs >= 0.8 ? 0 : 1;
}

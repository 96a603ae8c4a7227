/* replay.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The normal test suite's side of a fuzz target: every file of its corpus
 * (tests/fuzz/corpus/NAME, the seeds and each input that once crashed)
 * run once through the target, built with the project's own compiler.
 * Fast; the long runs are tests/fuzz/run-fuzzers. */

#include "config.h"

#include <glib.h>

#include "carta-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *corpus = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", CARTA_FUZZ_TARGET, NULL);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/fuzz/%s/%s", CARTA_FUZZ_TARGET, file);

      g_test_add_data_func_full (test, g_build_filename (corpus, file, NULL), replay, g_free);
    }

  return g_test_run ();
}

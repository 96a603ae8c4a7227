/* carta-save-loop.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A helper for test-kill.py.
 *
 *   carta-save-loop ROOT          saves one case of the store at ROOT over
 *                                 and over, until it is killed
 *   carta-save-loop --check ROOT  starts the store as the application does
 *                                 and says whether every case loads
 *
 * The loop writes a case of changing size (a title up to 256 KiB), so a
 * kill may land in any step of a save. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "carta-store.h"

static int
check (CartaStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  if (!carta_store_load (store, &error))
    {
      fprintf (stderr, "could not load the store: %s\n", error->message);
      return 1;
    }

  problems = carta_store_get_problems (store);
  for (guint i = 0; i < problems->len; i++)
    {
      CartaStoreProblem *problem = g_ptr_array_index (problems, i);

      fprintf (stderr, "case %s does not load: %s\n", problem->id, problem->error->message);
    }

  printf ("%u\n", g_list_model_get_n_items (carta_store_get_cases (store)));
  return problems->len == 0 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) root = NULL;
  g_autoptr(CartaStore) store = NULL;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gboolean check_only = argc == 3 && g_str_equal (argv[1], "--check");

  if (argc != 2 && !check_only)
    {
      fprintf (stderr, "usage: carta-save-loop [--check] ROOT\n");
      return 2;
    }

  root = g_file_new_for_path (argv[argc - 1]);
  store = carta_store_new (root);
  if (check_only)
    return check (store);

  if (!carta_store_load (store, &error))
    g_error ("%s", error->message);

  if (g_list_model_get_n_items (carta_store_get_cases (store)) > 0)
    kase = g_list_model_get_item (carta_store_get_cases (store), 0);
  else if (!(kase = carta_store_create_case (store, "kill test", &error)))
    g_error ("%s", error->message);

  printf ("ready\n");
  fflush (stdout);

  for (guint64 n = 0;; n++)
    {
      gsize size = 1 + g_random_int_range (0, 256 * 1024);
      g_autofree char *title = g_malloc (size + 1);

      memset (title, 'a' + n % 26, size);
      title[size] = '\0';
      carta_case_set_title (kase, title);
      if (!carta_store_save_case (store, kase, &error))
        g_error ("%s", error->message);
    }

  return 0;
}

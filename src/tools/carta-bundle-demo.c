/* carta-bundle-demo.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "carta-bundle-commands.h"
#include "carta-bundle-util.h"
#include "carta-demo.h"
#include "carta-store.h"

int
carta_bundle_demo (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *case_file = NULL;

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Create a sample case for a fictional patient in the folder DIR: "
                                  "a profile, a checklist, generated letters, photos and a small CT study."));
  if (!carta_bundle_parse_args (context, &argc, &argv, 2))
    return 2;

  dir = g_file_new_for_commandline_arg (argv[1]);
  path = g_file_get_path (dir);
  case_file = g_build_filename (path, "case.json", NULL);
  if (g_file_test (case_file, G_FILE_TEST_EXISTS))
    {
      /* TRANSLATORS: %s is a folder */
      fprintf (stderr, _("“%s” already holds a case; choose an empty folder."), path);
      fprintf (stderr, "\n");
      return 1;
    }

  kase = carta_case_new (NULL);
  if (!carta_demo_populate (kase, dir, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (!carta_case_save_to_folder (kase, dir, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* TRANSLATORS: %s is a folder */
  printf (_("Created a sample case in “%s”."), path);
  printf ("\n");
  return 0;
}

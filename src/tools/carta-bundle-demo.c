/* carta-bundle-demo.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "carta-bundle-commands.h"
#include "carta-error.h"
#include "carta-fs.h"
#include "carta-bundle-util.h"
#include "carta-demo.h"
#include "carta-store.h"

static gboolean
make_staging (const char  *path,
              char       **staging,
              GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.carta-demo-XXXXXX", parent, base);

  if (g_mkdir_with_parents (parent, 0700) != 0 || g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   _("Could not create a file in “%s”: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }

  *staging = g_steal_pointer (&template);
  return TRUE;
}

/* @path may be an empty folder the person made for the case. */
static gboolean
move_into_place (const char  *staging,
                 const char  *path,
                 GError     **error)
{
  if ((g_rmdir (path) != 0 && errno != ENOENT) || g_rename (staging, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   saved_errno == ENOTEMPTY || saved_errno == EEXIST
                     ? _("“%s” is not empty; choose an empty folder.")
                     : _("Could not create the folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

int
carta_bundle_demo (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) staging_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *case_file = NULL;
  g_autofree char *staging = NULL;

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

  /* Made in a folder beside it, then renamed: a full disk or an error
   * half-way leaves no half-made case under the name asked for. */
  if (!make_staging (path, &staging, &error) ||
      !(kase = carta_case_new (NULL)) ||
      !carta_demo_populate (kase, staging_dir = g_file_new_for_path (staging), NULL, &error) ||
      !carta_case_save_to_folder (kase, staging_dir, &error) ||
      !move_into_place (staging, path, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      if (staging != NULL)
        carta_fs_remove_tree (staging);
      return 1;
    }

  /* TRANSLATORS: %s is a folder */
  printf (_("Created a sample case in “%s”."), path);
  printf ("\n");
  return 0;
}

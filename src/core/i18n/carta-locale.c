/* carta-locale.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One answer to "where are Carta's compiled translations?" for the
 * window (bindtextdomain), carta-bundle and the summary's catalogues.
 *
 * A program run from the build folder has no translations installed
 * yet, so it uses the ones the build compiles into
 * build/po/LL/LC_MESSAGES/carta.mo, the layout bindtextdomain() wants.
 * It is recognised by where the running executable is: inside the build
 * folder and not in the folder programs are installed to. An installed
 * copy never looks in the build folder, even while it still exists. */

#define G_LOG_DOMAIN "carta-locale"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "carta-locale.h"

/* @path with symbolic links resolved, or a copy of @path if it does not exist. */
static char *
resolve (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy;

  if (real == NULL)
    return g_strdup (path);

  copy = g_strdup (real);
  free (real);
  return copy;
}

static gboolean
is_under (const char *path,
          const char *dir)
{
  gsize len = strlen (dir);

  return len > 0 && strncmp (path, dir, len) == 0 && path[len] == '/';
}

/* Whether the build has compiled at least one catalogue. */
static gboolean
has_catalogues (const char *localedir)
{
  g_autoptr(GDir) dir = g_dir_open (localedir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *mo = g_build_filename (localedir, name, "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

static gboolean
runs_from_build (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = NULL;
  g_autofree char *bindir = NULL;

  if (exe == NULL)
    return FALSE;

  build_root = resolve (BUILD_ROOT);
  bindir = resolve (BINDIR);

  /* The bindir test matters only for a prefix inside the build folder. */
  return is_under (exe, build_root) && !is_under (exe, bindir) &&
         has_catalogues (BUILD_LOCALEDIR);
}

/**
 * carta_locale_dir:
 *
 * The folder of Carta's compiled translations, laid out as
 * `LL/LC_MESSAGES/carta.mo`: `$CARTA_LOCALEDIR` when it is set, the
 * build's `po` folder when the program runs uninstalled from the build
 * folder, and the installed locale folder otherwise.
 *
 * Returns: (transfer none): the folder
 */
const char *
carta_locale_dir (void)
{
  static gsize from_build = 0;
  const char *env = g_getenv ("CARTA_LOCALEDIR");

  if (env != NULL && env[0] != '\0')
    return env;

  /* Where the program runs from does not change; ask once. */
  if (g_once_init_enter (&from_build))
    g_once_init_leave (&from_build, runs_from_build () ? 2 : 1);

  return from_build == 2 ? BUILD_LOCALEDIR : LOCALEDIR;
}

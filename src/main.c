/* main.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "carta-application.h"
#include "carta-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CartaApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build folder, Carta uses the build's translations. */
  bindtextdomain (GETTEXT_PACKAGE, carta_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = carta_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

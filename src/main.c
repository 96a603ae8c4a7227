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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CartaApplication) app = NULL;

  const char *localedir = g_getenv ("CARTA_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* CARTA_LOCALEDIR=build/po runs the build folder's translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = carta_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

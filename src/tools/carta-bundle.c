/* carta-bundle.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "carta-bundle-commands.h"
#include "carta-locale.h"

/* Commands add themselves here, one line each, declared in their files. */
static const CartaBundleCommand commands[] = {
  { "export", N_("Write a case folder as a verifiable bundle"), carta_bundle_export },
  { "verify", N_("Check that a bundle is complete and undamaged"), carta_bundle_verify },
  { "info", N_("Show what a bundle holds"), carta_bundle_info },
  { "demo", N_("Create a sample case for a fictional patient"), carta_bundle_demo },
  { "dicom", N_("List the imaging studies in a folder of DICOM files"), carta_bundle_dicom },
  { "send", N_("Send a bundle to the coordinators’ WebDAV folder"), carta_bundle_send },
  { "records", N_("List the records of a case folder, with their ids and warnings"), carta_bundle_records },
  { "attach", N_("Add files or an imaging disc to a record of a case folder"), carta_bundle_attach },
  { NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: carta-bundle COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Work with Carta case bundles without the graphical application."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “carta-bundle COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Run from the build folder, carta-bundle uses the build's translations. */
  bindtextdomain (GETTEXT_PACKAGE, carta_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("carta-bundle %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  /* TRANSLATORS: %s is what the user typed as a command */
  fprintf (stderr, _("Unknown command “%s”."), argv[1]);
  fprintf (stderr, "\n\n");
  print_usage (stderr);
  return 2;
}

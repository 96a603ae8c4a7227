/* carta-bundle-export.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "carta-bundle-commands.h"
#include "carta-bundle-util.h"
#include "carta-bundle-writer.h"
#include "carta-catalog.h"

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *total_text = g_format_size (total);

  /* TRANSLATORS: progress, as in "120 MB of 1.2 GB" */
  fprintf (stderr, "\r%s", "");
  fprintf (stderr, _("%s of %s"), done_text, total_text);
  fprintf (stderr, "   ");
}

int
carta_bundle_export (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(CartaBundleWriter) writer = NULL;
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *summary_language = NULL;
  gboolean quick = FALSE;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Encrypt with AES-256, with the passphrase on the first line of FILE"), N_("FILE") },
    { "quick-check", 0, 0, G_OPTION_ARG_NONE, &quick,
      N_("After writing, check the structure but do not re-read every document"), NULL },
    { "summary-language", 'l', 0, G_OPTION_ARG_STRING, &summary_language,
      /* TRANSLATORS: LANG is a language code such as zh_CN */
      N_("Write summary.pdf in LANG, such as zh_CN (default: English)"), N_("LANG") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("CASE-DIR OUT.zip"));
  g_option_context_set_summary (context, _("Write a case folder as a verifiable bundle."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!carta_bundle_parse_args (context, &argc, &argv, 3))
    return 2;

  /* Before any work: a language Carta cannot write is a typo to fix. */
  if (summary_language != NULL)
    {
      g_autoptr(CartaCatalog) catalog = carta_catalog_new_for_language (summary_language, NULL);

      if (catalog == NULL)
        {
          g_auto(GStrv) languages = carta_catalog_list_languages ();
          g_autofree char *list = g_strjoinv (", ", languages);

          /* TRANSLATORS: %s is a language code, such as zh_CN */
          fprintf (stderr, _("Carta has no translation into “%s”."), summary_language);
          fprintf (stderr, "\n");
          /* TRANSLATORS: %s is a list of language codes, such as "en, es, zh_CN" */
          fprintf (stderr, _("The summary can be written in: %s."), list);
          fprintf (stderr, "\n");
          return 2;
        }
    }

  if (!(kase = carta_bundle_load_case_dir (argv[1], &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  case_dir = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);
  writer = carta_bundle_writer_new (kase, case_dir);
  carta_bundle_writer_set_full_verify (writer, !quick);
  carta_bundle_writer_set_summary_language (writer, summary_language);

  if (passphrase_file != NULL)
    {
      g_autofree char *passphrase = carta_bundle_read_passphrase_file (passphrase_file, &error);

      if (passphrase == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      carta_bundle_writer_set_passphrase (writer, passphrase);
      explicit_bzero (passphrase, strlen (passphrase));
    }

  if (!carta_bundle_writer_write (writer, out,
                                  quiet || !isatty (STDERR_FILENO) ? NULL : progress_cb, NULL,
                                  NULL, &error))
    {
      if (!quiet && isatty (STDERR_FILENO))
        fprintf (stderr, "\n");
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (!quiet && isatty (STDERR_FILENO))
    fprintf (stderr, "\n");
  {
    g_autofree char *display = g_file_get_parse_name (out);
    /* TRANSLATORS: %s is a file */
    printf (_("Wrote and verified “%s”."), display);
    printf ("\n");
  }

  return 0;
}

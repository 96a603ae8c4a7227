/* carta-bundle-util.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "carta-bundle-util.h"
#include "carta-checklist-template.h"
#include "carta-error.h"
#include "carta-identity.h"
#include "carta-store.h"

/**
 * carta_bundle_read_passphrase_file:
 *
 * The passphrase is the file's first line, without its line ending, so
 * it never shows in the process list or the shell history.
 */
char *
carta_bundle_read_passphrase_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *newline;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if ((newline = strpbrk (contents, "\r\n")))
    *newline = '\0';

  if (*contents == '\0' || !g_utf8_validate (contents, -1, NULL))
    {
      explicit_bzero (contents, length);
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("The passphrase file “%s” is empty or not UTF-8 text"), path);
      return NULL;
    }

  {
    char *passphrase = g_strdup (contents);
    explicit_bzero (contents, length);
    return passphrase;
  }
}

CartaCase *
carta_bundle_load_case_dir (const char  *dir,
                            GError     **error)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);

  return carta_case_load_from_folder (folder, error);
}

char *
carta_bundle_format_size (guint64 bytes)
{
  return g_format_size (bytes);
}

/**
 * carta_bundle_parse_args:
 * @n_args: how many arguments the command takes, its own name included
 *
 * Parses the command line. When it is wrong, says why (or prints the
 * help) on stderr and returns %FALSE: the command then exits 2.
 */
gboolean
carta_bundle_parse_args (GOptionContext   *context,
                         int              *argc,
                         char           ***argv,
                         int               n_args)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error) || *argc != n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "%s\n", error ? error->message : help);
      return FALSE;
    }

  return TRUE;
}

/**
 * carta_bundle_parse_case_args:
 * @min_args: how many arguments the command takes at least, its own name
 *   and the case folder included
 * @max_args: how many at the most, or -1 for no limit
 * @status: (out): the exit status when %NULL is returned: 2 for a wrong
 *   command line, 1 for a case that cannot be read
 *
 * Parses a command line whose first argument is a case folder, and reads
 * the case. When either fails, says why on stderr.
 *
 * Returns: (transfer full) (nullable): the case
 */
CartaCase *
carta_bundle_parse_case_args (GOptionContext   *context,
                              int              *argc,
                              char           ***argv,
                              int               min_args,
                              int               max_args,
                              int              *status)
{
  g_autoptr(GError) error = NULL;
  CartaCase *kase;

  if (!g_option_context_parse (context, argc, argv, &error) || *argc < min_args ||
      (max_args >= 0 && *argc > max_args))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "%s\n", error ? error->message : help);
      *status = 2;
      return NULL;
    }

  if (!(kase = carta_bundle_load_case_dir ((*argv)[1], &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      *status = 1;
    }

  return kase;
}

/**
 * carta_bundle_parse_reader_args:
 * @context: the command's options, to which `--passphrase-file` is added
 *
 * Parses a command line that names one bundle and opens it, with the
 * passphrase of an encrypted bundle read from `--passphrase-file`. When
 * the command line is wrong or the passphrase file cannot be read, says
 * why on stderr: the command then exits 2.
 *
 * Returns: (transfer full) (nullable): a reader of the bundle, or %NULL
 */
CartaBundleReader *
carta_bundle_parse_reader_args (GOptionContext   *context,
                                int              *argc,
                                char           ***argv)
{
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase_file = NULL;
  const GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("The passphrase of an encrypted bundle is on the first line of FILE"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!carta_bundle_parse_args (context, argc, argv, 2))
    return NULL;

  file = g_file_new_for_commandline_arg ((*argv)[1]);
  reader = carta_bundle_reader_new (file);

  if (passphrase_file != NULL)
    {
      g_autofree char *passphrase = carta_bundle_read_passphrase_file (passphrase_file, &error);

      if (passphrase == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return NULL;
        }
      carta_bundle_reader_set_passphrase (reader, passphrase);
      explicit_bzero (passphrase, strlen (passphrase));
    }

  return g_steal_pointer (&reader);
}

/**
 * carta_bundle_print_identity:
 * @indent: put before each line
 *
 * Prints whether an imaging disc is the patient's, when there is anything
 * to say: it may be another patient's, it could not be checked, or the
 * family confirmed it.
 */
void
carta_bundle_print_identity (FILE            *stream,
                             const char      *indent,
                             CartaAttachment *attachment,
                             CartaPatient    *patient)
{
  g_autoptr(CartaIdentityCheck) check = carta_identity_check_attachment (attachment, patient);
  g_autofree char *description = NULL;

  if (check == NULL || check->status == CARTA_IDENTITY_MATCHES)
    return;

  description = carta_identity_check_describe (check, NULL, NULL);
  fprintf (stream, "%s%s %s\n%s  %s\n", indent,
           carta_identity_check_needs_attention (check) ? _("Warning:") : _("Note:"),
           carta_identity_check_get_title (check, NULL, NULL), indent, description);
}

/**
 * carta_bundle_print_discs_to_check:
 *
 * Lists the imaging discs of @kase that may be another patient's or could
 * not be checked, and those the family confirmed, under a heading.
 *
 * Returns: how many discs need a look (confirmed ones not counted)
 */
guint
carta_bundle_print_discs_to_check (FILE      *stream,
                                   CartaCase *kase)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  GListModel *items = carta_case_get_items (kase);
  CartaPatient *patient = carta_case_get_patient (kase);
  gboolean heading = FALSE;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          g_autoptr(CartaIdentityCheck) check = carta_identity_check_attachment (attachment, patient);

          if (check == NULL || check->status == CARTA_IDENTITY_MATCHES)
            continue;
          if (!heading)
            fprintf (stream, "\n%s\n", _("Imaging discs to check:"));
          heading = TRUE;
          if (carta_identity_check_needs_attention (check))
            n++;
          fprintf (stream, "  %s — %s\n", carta_checklist_template_get_item_title (template, item),
                   carta_attachment_get_original_name (attachment));
          carta_bundle_print_identity (stream, "    ", attachment, patient);
        }
    }

  return n;
}

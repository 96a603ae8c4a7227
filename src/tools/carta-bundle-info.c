/* carta-bundle-info.c
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
#include "carta-bundle-reader.h"
#include "carta-bundle-util.h"
#include "carta-error.h"

static void
row (const char *label,
     const char *value)
{
  if (value != NULL && *value != '\0')
    printf ("%-18s %s\n", label, value);
}

int
carta_bundle_info (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autofree char *size = NULL;
  g_autofree char *count = NULL;
  CartaCase *kase;
  gboolean valid;

  context = g_option_context_new (_("BUNDLE.zip"));
  g_option_context_set_summary (context, _("Show what a bundle holds, without re-reading every document."));
  if (!(reader = carta_bundle_parse_reader_args (context, &argc, &argv)))
    return 2;

  valid = carta_bundle_reader_verify (reader, TRUE, NULL, &error);
  /* Without its passphrase an encrypted bundle shows nothing but that. */
  if (!valid && g_error_matches (error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE))
    {
      row (_("Encrypted:"), _("yes (AES-256)"));
      fprintf (stderr, "\n%s\n", error->message);
      /* TRANSLATORS: keep the command, its option and bundle.zip as they are */
      fprintf (stderr, "%s\n", _("To see what it holds, give its passphrase: carta-bundle info "
                                 "--passphrase-file FILE BUNDLE.zip. 7-Zip, Keka and bsdtar open it "
                                 "with the passphrase too: inside is bundle.zip, the bundle itself."));
      return 1;
    }
  if (!valid && carta_bundle_reader_get_bag_name (reader) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  kase = carta_bundle_reader_get_case (reader);
  size = g_format_size (carta_bundle_reader_get_payload_size (reader));
  count = g_strdup_printf ("%u", carta_bundle_reader_get_n_documents (reader));

  row (_("Bundle:"), carta_bundle_reader_get_bag_name (reader));
  if (kase != NULL)
    {
      row (_("Case:"), carta_case_get_title (kase));
      row (_("Patient:"), carta_patient_get_name (carta_case_get_patient (kase)));
      row (_("Born:"), carta_patient_get_date_of_birth (carta_case_get_patient (kase)));
    }
  row (_("Case id:"), carta_bundle_reader_get_bag_info (reader, "External-Identifier"));
  row (_("Bagged on:"), carta_bundle_reader_get_bag_info (reader, "Bagging-Date"));
  row (_("Contact:"), carta_bundle_reader_get_bag_info (reader, "Contact-Name"));
  row (_("Phone:"), carta_bundle_reader_get_bag_info (reader, "Contact-Phone"));
  row (_("Email:"), carta_bundle_reader_get_bag_info (reader, "Contact-Email"));
  /* TRANSLATORS: the language summary.pdf is written in, as a code such as zh_CN */
  row (_("Summary language:"), carta_bundle_reader_get_summary_language (reader));
  row (_("Documents:"), count);
  row (_("Size:"), size);
  row (_("Encrypted:"), carta_bundle_reader_get_encrypted (reader) ? _("yes (AES-256)") : _("no"));
  if (kase != NULL)
    carta_bundle_print_discs_to_check (stdout, kase);

  if (!valid)
    {
      fprintf (stderr, "\n%s\n", error->message);
      return 1;
    }

  return 0;
}

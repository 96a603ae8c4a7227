/* carta-bundle-verify.c
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

int
carta_bundle_verify (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaBundleReader) reader = NULL;
  const char * const *problems;

  context = g_option_context_new (_("BUNDLE.zip"));
  g_option_context_set_summary (context,
                                _("Check a bundle: the ZIP, the BagIt bag, case.json and every "
                                  "document's size and hash. Exits 0 only when all is well."));
  if (!(reader = carta_bundle_parse_reader_args (context, &argc, &argv)))
    return 2;

  if (carta_bundle_reader_verify (reader, FALSE, NULL, &error))
    {
      /* Not the bag's name: it holds the family name, and this line ends
       * up in coordinators' logs. */
      /* TRANSLATORS: %u is how many documents the bundle holds */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "The bundle is complete and valid (%u document).",
                           "The bundle is complete and valid (%u documents).",
                           carta_bundle_reader_get_n_documents (reader)),
              carta_bundle_reader_get_n_documents (reader));
      printf ("\n");
      /* Valid, but a disc may be another patient's: the reviewer should know. */
      if (carta_bundle_reader_get_case (reader) != NULL)
        carta_bundle_print_discs_to_check (stdout, carta_bundle_reader_get_case (reader));
      return 0;
    }

  /* The first line names the problem (the first, and how many); the
   * rest lists them all when there are more. */
  fprintf (stderr, "%s\n", error->message);
  problems = carta_bundle_reader_get_problems (reader);
  if (problems[0] != NULL && problems[1] != NULL)
    for (guint i = 0; problems[i] != NULL; i++)
      fprintf (stderr, "  %s\n", problems[i]);

  return 1;
}

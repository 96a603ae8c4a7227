/* carta-bundle-records.c
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
#include "carta-checklist-template.h"

/* The labels of the checklist's rows, in CartaItemStatus order. */
static const char *status_labels[] = {
  N_("Needed"), N_("Requested"), N_("Received"), N_("Not applicable"),
};

/**
 * carta_bundle_print_record:
 *
 * One record as `records` lists it: its title, id, status and date, each
 * file, and what was found about its imaging discs.
 */
void
carta_bundle_print_record (CartaCase          *kase,
                           CartaChecklistItem *item)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  GListModel *attachments = carta_checklist_item_get_attachments (item);
  CartaItemStatus status = carta_checklist_item_get_status (item);
  const char *date = carta_checklist_item_get_document_date (item);

  printf ("%s\n", carta_checklist_template_get_item_title (template, item));
  printf ("  %-8s %s\n", _("Id:"), carta_checklist_item_get_id (item));
  printf ("  %-8s %s%s%s\n", _("Status:"),
          status < G_N_ELEMENTS (status_labels) ? _(status_labels[status]) : "?",
          date ? " · " : "", date ? date : "");

  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *size = g_format_size (carta_attachment_get_size (attachment));
      CartaDicomSummary *summary = carta_attachment_get_dicom_summary (attachment);

      printf ("  %-8s %s (", i == 0 ? _("Files:") : "", carta_attachment_get_original_name (attachment));
      if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_IMAGING)
        {
          guint n_studies = summary ? summary->studies->len : 0;

          /* TRANSLATORS: an imaging disc and how many studies it holds */
          printf (g_dngettext (GETTEXT_PACKAGE, "imaging disc, %u study", "imaging disc, %u studies", n_studies),
                  n_studies);
          printf (", ");
        }
      printf ("%s)\n", size);
      carta_bundle_print_identity (stdout, "           ", attachment, carta_case_get_patient (kase));
    }
}

int
carta_bundle_records (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE-DIR"));
  g_autoptr(CartaCase) kase = NULL;
  int status = 0;
  GListModel *items;

  g_option_context_set_summary (context,
                                _("List the records of a case folder: each one's id (for “attach”), "
                                  "status, files and warnings about its imaging discs."));
  if (!(kase = carta_bundle_parse_case_args (context, &argc, &argv, 2, 2, &status)))
    return status;

  items = carta_case_get_items (kase);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (i > 0)
        printf ("\n");
      carta_bundle_print_record (kase, item);
    }

  return 0;
}

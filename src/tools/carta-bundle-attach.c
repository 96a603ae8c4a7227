/* carta-bundle-attach.c
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

#include "carta-bundle-commands.h"
#include "carta-bundle-util.h"
#include "carta-checklist-template.h"
#include "carta-import.h"
#include "carta-store.h"

/* The record named on the command line: its id, the start of its id when
 * only one record's id starts so, or its checklist key. */
static CartaChecklistItem *
find_record (CartaCase  *kase,
             const char *name)
{
  GListModel *items = carta_case_get_items (kase);
  CartaChecklistItem *found = NULL;
  guint n_prefix = 0;

  if ((found = carta_case_find_item (kase, name)))
    return g_object_ref (found);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (carta_checklist_item_get_template_key (item), name) == 0)
        {
          g_clear_object (&found);
          return g_steal_pointer (&item);
        }
      if (strlen (name) >= 4 && g_str_has_prefix (carta_checklist_item_get_id (item), name))
        {
          n_prefix++;
          g_set_object (&found, item);
        }
    }

  if (n_prefix != 1)
    g_clear_object (&found);
  return found;
}

int
carta_bundle_attach (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE-DIR RECORD FILE-OR-FOLDER…"));
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(CartaChecklistItem) item = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_option_context_set_summary (context,
                                _("Add files, or the folder of an imaging disc, to a record of a case "
                                  "folder, as the window does: the files are copied into the case and "
                                  "hashed, a disc is summarised and its patient checked against the "
                                  "case. RECORD is an id shown by “records”."));
  if (!(kase = carta_bundle_parse_case_args (context, &argc, &argv, 4, -1, &status)))
    return status;

  if (!(item = find_record (kase, argv[2])))
    {
      /* TRANSLATORS: %s is what the user typed as a record id */
      fprintf (stderr, _("The case has no record “%s”. Run “carta-bundle records” to see the ids."), argv[2]);
      fprintf (stderr, "\n");
      return 1;
    }

  for (int i = 3; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      if (!g_file_query_exists (file, NULL))
        {
          /* TRANSLATORS: %s is a file named on the command line */
          fprintf (stderr, _("“%s” does not exist. Nothing was added."), argv[i]);
          fprintf (stderr, "\n");
          return 1;
        }
      g_list_store_append (files, file);
    }

  case_dir = g_file_new_for_commandline_arg (argv[1]);
  attachments = carta_import_files (case_dir, G_LIST_MODEL (files), NULL, NULL, NULL, &skipped, &error);
  if (attachments == NULL)
    {
      fprintf (stderr, "%s %s\n", _("Nothing was added."), error->message);
      return 1;
    }

  for (guint i = 0; skipped != NULL && i < skipped->len; i++)
    /* TRANSLATORS: %s says why a file was not added */
    fprintf (stderr, "%s %s\n", _("Left out:"), ((GError *)g_ptr_array_index (skipped, i))->message);

  if (attachments->len == 0)
    {
      fprintf (stderr, "%s\n", _("There were no files to add."));
      return 1;
    }

  for (guint i = 0; i < attachments->len; i++)
    carta_checklist_item_add_attachment (item, g_ptr_array_index (attachments, i));
  /* Files in hand: the record is received, as in the window. */
  if (!carta_item_status_is_ready (carta_checklist_item_get_status (item)))
    carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_RECEIVED);

  if (!carta_case_save_to_folder (kase, case_dir, &error))
    {
      /* The copies stay unused in the case folder; the window's clean-up
       * removes them. */
      fprintf (stderr, "%s %s\n", _("The case could not be saved; nothing was added."), error->message);
      return 1;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "Added %u file or disc.", "Added %u files or discs.", attachments->len),
          attachments->len);
  printf ("\n\n");
  carta_bundle_print_record (kase, item);

  return skipped != NULL && skipped->len > 0 ? 1 : 0;
}

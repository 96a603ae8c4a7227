/* make-big-case.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a case with many checklist items and attachment records into
 * the default store ($XDG_DATA_HOME/carta/cases), for the startup
 * benchmark. Prints the case id.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "carta-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CartaStore) store = carta_store_new_default ();
  g_autoptr(GError) error = NULL;
  guint n_items = argc > 1 ? atoi (argv[1]) : 200;
  guint n_attachments = argc > 2 ? atoi (argv[2]) : 500;
  CartaCase *kase;

  if (!carta_store_load (store, &error) ||
      !(kase = carta_store_create_case (store, "Benchmark case", &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  carta_patient_set_name (carta_case_get_patient (kase), "Test Patient");

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *title = g_strdup_printf ("Record %u", i + 1);
      g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom (title, "diagnosis");

      carta_checklist_item_set_status (item, i % 4);
      carta_checklist_item_set_notes (item, "Requested from the hospital records office.");
      carta_case_add_item (kase, item);
    }

  for (guint i = 0; i < n_attachments; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (carta_case_get_items (kase), i % n_items);
      g_autoptr(CartaAttachment) attachment = carta_attachment_new ();
      g_autofree char *name = g_strdup_printf ("scan-%04u.pdf", i);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
      g_autofree char *path = g_strdup_printf ("blobs/%.2s/%s", sha, sha);

      carta_attachment_set_original_name (attachment, name);
      carta_attachment_set_stored_path (attachment, path);
      carta_attachment_set_sha256 (attachment, sha);
      carta_attachment_set_size (attachment, 1024 * (i + 1));
      carta_attachment_set_content_type (attachment, "application/pdf");
      carta_checklist_item_add_attachment (item, attachment);
    }

  if (!carta_store_save_case (store, kase, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("%s\n", carta_case_get_id (kase));
  return 0;
}

/* test-checklist-item.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "carta-checklist-item.h"

static CartaAttachment *
make_attachment (const char *name)
{
  CartaAttachment *attachment = carta_attachment_new ();

  carta_attachment_set_original_name (attachment, name);
  return attachment;
}

static const char *
name_at (CartaChecklistItem *item,
         guint               position)
{
  g_autoptr(CartaAttachment) attachment = g_list_model_get_item (carta_checklist_item_get_attachments (item), position);

  g_assert_nonnull (attachment);
  /* The item holds its own reference, so the name outlives this one. */
  return carta_attachment_get_original_name (attachment);
}

static void
on_changed_cb (CartaChecklistItem *item,
               guint              *count)
{
  g_assert_true (CARTA_IS_CHECKLIST_ITEM (item));
  (*count)++;
}

static void
test_insert_attachment (void)
{
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new ("pathology-report", "diagnosis");
  g_autoptr(CartaAttachment) first = make_attachment ("first.pdf");
  g_autoptr(CartaAttachment) middle = make_attachment ("middle.pdf");
  g_autoptr(CartaAttachment) last = make_attachment ("last.pdf");
  g_autoptr(CartaAttachment) late = make_attachment ("late.pdf");
  GListModel *attachments = carta_checklist_item_get_attachments (item);
  guint changed = 0;

  carta_checklist_item_add_attachment (item, first);
  carta_checklist_item_add_attachment (item, middle);
  carta_checklist_item_add_attachment (item, last);
  g_signal_connect (item, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* Removed, then put back where it was, as undo does. */
  g_assert_true (carta_checklist_item_remove_attachment (item, middle));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 2);
  carta_checklist_item_insert_attachment (item, 1, middle);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 3);
  g_assert_cmpstr (name_at (item, 0), ==, "first.pdf");
  g_assert_cmpstr (name_at (item, 1), ==, "middle.pdf");
  g_assert_cmpstr (name_at (item, 2), ==, "last.pdf");

  /* At the front. */
  g_assert_true (carta_checklist_item_remove_attachment (item, first));
  carta_checklist_item_insert_attachment (item, 0, first);
  g_assert_cmpstr (name_at (item, 0), ==, "first.pdf");
  g_assert_cmpstr (name_at (item, 1), ==, "middle.pdf");

  /* Others were removed meanwhile: past the end, it goes last. */
  carta_checklist_item_insert_attachment (item, 42, late);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 4);
  g_assert_cmpstr (name_at (item, 3), ==, "late.pdf");
  g_assert_cmpuint (changed, ==, 5);

  g_signal_handlers_disconnect_by_func (item, on_changed_cb, &changed);
  g_clear_object (&item);
  g_assert_finalize_object (g_steal_pointer (&late));
  g_assert_finalize_object (g_steal_pointer (&first));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist-item/insert-attachment", test_insert_attachment);

  return g_test_run ();
}

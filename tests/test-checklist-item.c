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

/* Moving and renaming keep the attachment itself: the same stored copy
 * and checksum, now listed elsewhere or called otherwise. */
static void
test_move_and_rename (void)
{
  g_autoptr(CartaChecklistItem) from = carta_checklist_item_new ("pathology-report", "diagnosis");
  g_autoptr(CartaChecklistItem) to = carta_checklist_item_new ("flow-cytometry", "diagnosis");
  g_autoptr(CartaAttachment) scan = make_attachment ("IMG_2041.jpg");
  g_autoptr(CartaAttachment) other = make_attachment ("other.pdf");
  guint changed_from = 0, changed_to = 0;

  carta_attachment_set_stored_path (scan, "blobs/ab/abcdef");
  carta_attachment_set_sha256 (scan, "abcdef");
  carta_checklist_item_add_attachment (from, other);
  carta_checklist_item_add_attachment (from, scan);
  g_signal_connect (from, "changed", G_CALLBACK (on_changed_cb), &changed_from);
  g_signal_connect (to, "changed", G_CALLBACK (on_changed_cb), &changed_to);

  g_assert_cmpstr (carta_attachment_get_label (scan), ==, "IMG_2041.jpg");
  g_assert_true (carta_checklist_item_rename_attachment (from, scan, "  Pathology report, page 1 "));
  g_assert_cmpuint (changed_from, ==, 1);
  g_assert_cmpstr (carta_attachment_get_display_name (scan), ==, "Pathology report, page 1");
  g_assert_cmpstr (carta_attachment_get_label (scan), ==, "Pathology report, page 1");
  g_assert_cmpstr (carta_attachment_get_original_name (scan), ==, "IMG_2041.jpg");
  /* Not the item's: nothing changes. */
  g_assert_false (carta_checklist_item_rename_attachment (to, scan, "Elsewhere"));
  g_assert_cmpstr (carta_attachment_get_label (scan), ==, "Pathology report, page 1");

  g_assert_true (carta_checklist_item_move_attachment (from, scan, to, G_MAXUINT));
  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (from)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (to)), ==, 1);
  g_assert_cmpstr (name_at (to, 0), ==, "IMG_2041.jpg");
  g_assert_cmpstr (carta_attachment_get_stored_path (scan), ==, "blobs/ab/abcdef");
  g_assert_cmpstr (carta_attachment_get_sha256 (scan), ==, "abcdef");
  g_assert_cmpuint (changed_from, ==, 2);
  g_assert_cmpuint (changed_to, ==, 1);
  /* Not there any more, or to itself: refused. */
  g_assert_false (carta_checklist_item_move_attachment (from, scan, to, 0));
  g_assert_false (carta_checklist_item_move_attachment (to, scan, to, 0));

  /* Undo: back where it was. */
  g_assert_true (carta_checklist_item_move_attachment (to, scan, from, 1));
  g_assert_cmpstr (name_at (from, 1), ==, "IMG_2041.jpg");

  /* An empty name goes back to the original. */
  g_assert_true (carta_checklist_item_rename_attachment (from, scan, ""));
  g_assert_null (carta_attachment_get_display_name (scan));
  g_assert_cmpstr (carta_attachment_get_label (scan), ==, "IMG_2041.jpg");

  g_signal_handlers_disconnect_by_func (from, on_changed_cb, &changed_from);
  g_signal_handlers_disconnect_by_func (to, on_changed_cb, &changed_to);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist-item/insert-attachment", test_insert_attachment);
  g_test_add_func ("/checklist-item/move-and-rename", test_move_and_rename);

  return g_test_run ();
}

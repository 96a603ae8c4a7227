/* test-checklist-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "carta-attachment-row.h"
#include "carta-checklist-page-private.h"
#include "carta-checklist-row.h"
#include "carta-checklist-template.h"
#include "carta-date-row.h"
#include "carta-import.h"
#include "carta-item-view.h"
#include "carta-photo-pdf-dialog.h"
#include "carta-test-ui.h"

/* The month and year a calendar shows (GTK 4.8 has no getters). */
static int
calendar_shown (GtkCalendar *calendar,
                const char  *property)
{
  int value = -1;

  g_object_get (calendar, property, &value, NULL);
  return value;
}

static void
spin (void)
{
  /* Let idles (progress updates) and layout run. */
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
row_flagged (CartaChecklistPage *page,
             const char         *category)
{
  GtkListBox *list = _carta_checklist_page_get_group_list (page, category);
  GtkListBoxRow *row = list ? gtk_list_box_get_row_at_index (list, 0) : NULL;

  return row != NULL && carta_checklist_row_get_flagged (CARTA_CHECKLIST_ROW (row));
}

/* A stored copy changed on disk: the check when the case opens puts a
 * warning on the record's row, so the family finds it. */
static void
test_flagged_row (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autofree char *cases = g_build_filename (dir, "cases", NULL);
  g_autofree char *source = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *stored_path = NULL;
  g_autoptr(GFile) root = g_file_new_for_path (cases);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(CartaChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *rm_argv[] = { "rm", "-rf", dir, NULL };
  CartaChecklistPage *page;
  GtkWindow *window;
  CartaCase *kase;
  gint64 deadline;

  g_assert_true (g_file_set_contents (source, "%PDF-1.4\n% the original report\n", -1, NULL));
  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Flagged", &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (carta_case_get_items (kase), 0);

  case_dir = carta_store_get_case_dir (store, kase);
  g_list_store_append (files, file);
  added = carta_import_files (case_dir, G_LIST_MODEL (files), NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  carta_checklist_item_add_attachment (item, g_ptr_array_index (added, 0));

  /* Damage on disk after the fact. */
  {
    g_autofree char *base = g_file_get_path (case_dir);
    stored_path = g_build_filename (base, carta_attachment_get_stored_path (g_ptr_array_index (added, 0)), NULL);
  }
  g_chmod (stored_path, 0600);
  g_assert_true (g_file_set_contents (stored_path, "%PDF-1.4\n% something else\n", -1, NULL));

  window = GTK_WINDOW (gtk_window_new ());
  page = CARTA_CHECKLIST_PAGE (carta_checklist_page_new ());
  carta_checklist_page_set_store (page, store);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  carta_checklist_page_set_case (page, kase);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!row_flagged (page, carta_checklist_item_get_category (item)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Only that record: the next one in its category has no files. */
  {
    GtkListBox *list = _carta_checklist_page_get_group_list (page, carta_checklist_item_get_category (item));
    GtkListBoxRow *next = gtk_list_box_get_row_at_index (list, 1);

    g_assert_true (next == NULL || !carta_checklist_row_get_flagged (CARTA_CHECKLIST_ROW (next)));
  }

  gtk_window_destroy (window);
  spin ();
  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

static GtkListBoxRow *
last_row (GtkListBox *list)
{
  GtkWidget *last = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      last = child;

  return GTK_LIST_BOX_ROW (last);
}

static void
test_custom_item_and_status (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  guint required = 0;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  CartaChecklistPage *page;
  CartaItemView *view;
  g_autoptr(GDateTime) now = NULL;
  GtkCalendar *calendar;
  GtkWidget *date_row;
  GtkWidget *date_entry;
  GtkWidget *date_button;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkListBox *list;
  GtkLabel *label;
  GtkWindow *window;
  CartaCase *kase;

  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "UI test", &error);
  g_assert_no_error (error);

  for (guint c = 0; c < carta_checklist_template_get_n_categories (template); c++)
    {
      const CartaTemplateCategory *category = carta_checklist_template_get_category (template, c);

      for (guint i = 0; i < category->items->len; i++)
        required += !((CartaTemplateItem *)g_ptr_array_index (category->items, i))->optional;
    }

  window = GTK_WINDOW (gtk_window_new ());
  page = CARTA_CHECKLIST_PAGE (carta_checklist_page_new ());
  carta_checklist_page_set_store (page, store);
  /* No case: the page copes and shows nothing to tick. */
  carta_checklist_page_set_case (page, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_set_default_size (window, 360, 640);
  gtk_window_present (window);
  spin ();

  carta_checklist_page_set_case (page, kase);
  spin ();

  label = _carta_checklist_page_get_progress_label (page);
  expected = g_strdup_printf ("0 of %u ready", required);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  list = _carta_checklist_page_get_group_list (page, "diagnosis");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, 3);

  /* Add a custom item through the real dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.add-item", "s", "diagnosis"));
  spin ();
  dialog = carta_test_find_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Lumbar puncture report");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  spin ();

  g_assert_cmpuint (count_rows (list), ==, 4);
  g_free (expected);
  expected = g_strdup_printf ("0 of %u ready", required + 1);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  /* Open it, set its status in the item view, see the progress move. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (last_row (list))));
  spin ();
  view = _carta_checklist_page_get_item_view (page);
  g_assert_nonnull (carta_item_view_get_item (view));
  g_assert_cmpstr (carta_checklist_item_get_title (carta_item_view_get_item (view)), ==, "Lumbar puncture report");

  adw_combo_row_set_selected (_carta_item_view_get_status_row (view), CARTA_ITEM_STATUS_RECEIVED);
  spin ();
  g_assert_cmpint (carta_checklist_item_get_status (carta_item_view_get_item (view)), ==, CARTA_ITEM_STATUS_RECEIVED);
  g_free (expected);
  expected = g_strdup_printf ("1 of %u ready", required + 1);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  /* Still needed: the received item leaves its group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.filter", "s", "needed"));
  spin ();
  g_assert_cmpuint (count_rows (list), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.filter", "s", "all"));
  spin ();
  g_assert_cmpuint (count_rows (list), ==, 4);

  /* The record's date is typed, and the calendar
   * opens on it; the next record, with no date, opens on today and not
   * on the date of the one before. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (last_row (list))));
  spin ();
  date_row = carta_test_find_widget_of_type (GTK_WIDGET (view), CARTA_TYPE_DATE_ROW);
  g_assert_nonnull (date_row);
  date_entry = carta_test_find_widget_of_type (date_row, GTK_TYPE_ENTRY);
  /* A document has a day: a month alone is flagged, the record unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2019-07");
  g_signal_emit_by_name (date_entry, "activate");
  g_assert_null (carta_checklist_item_get_document_date (carta_item_view_get_item (view)));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2019-07-03");
  g_signal_emit_by_name (date_entry, "activate");
  g_assert_cmpstr (carta_checklist_item_get_document_date (carta_item_view_get_item (view)), ==, "2019-07-03");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  spin ();
  date_button = carta_test_find_widget_of_type (date_row, GTK_TYPE_MENU_BUTTON);
  calendar = GTK_CALENDAR (carta_test_find_widget_of_type (date_row, GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  gtk_menu_button_popup (GTK_MENU_BUTTON (date_button));
  spin ();
  g_assert_cmpint (calendar_shown (calendar, "year"), ==, 2019);
  g_assert_cmpint (calendar_shown (calendar, "month"), ==, 6);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (date_button));
  spin ();
  /* Not applicable counts as ready too. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  spin ();
  g_assert_null (carta_checklist_item_get_document_date (carta_item_view_get_item (view)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (date_button));
  spin ();
  now = g_date_time_new_now_local ();
  g_assert_cmpint (calendar_shown (calendar, "year"), ==, g_date_time_get_year (now));
  g_assert_cmpint (calendar_shown (calendar, "month"), ==, g_date_time_get_month (now) - 1);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (date_button));
  spin ();
  adw_combo_row_set_selected (_carta_item_view_get_status_row (view), CARTA_ITEM_STATUS_NOT_APPLICABLE);
  spin ();
  g_free (expected);
  expected = g_strdup_printf ("2 of %u ready", required + 1);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  /* Remove the item shown; the list and the progress follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.remove-item", NULL));
  spin ();
  g_assert_cmpuint (count_rows (list), ==, 3);
  g_free (expected);
  expected = g_strdup_printf ("1 of %u ready", required);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  gtk_window_destroy (window);
  spin ();

  g_assert_true (carta_store_delete_case (store, kase, &error));
  carta_store_purge_deleted (store, NULL);
  g_rmdir (dir);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  attachment)
{
  return CARTA_IS_ATTACHMENT_ROW (widget) &&
         carta_attachment_row_get_attachment (CARTA_ATTACHMENT_ROW (widget)) == attachment;
}

/* The checklist of @kase shown in a new window under a toast overlay, as
 * in the real window, so Undo toasts can be found; returns the overlay. */
static GtkWidget *
present_page_with_toasts (CartaStore          *store,
                          CartaCase           *kase,
                          GtkWindow          **window,
                          CartaChecklistPage **page)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  *page = CARTA_CHECKLIST_PAGE (carta_checklist_page_new ());
  carta_checklist_page_set_store (*page, store);
  carta_checklist_page_set_case (*page, kase);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (*page));
  gtk_window_set_child (*window, overlay);
  gtk_window_present (*window);
  spin ();

  return overlay;
}

static void
test_attach_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autofree char *cases = g_build_filename (dir, "cases", NULL);
  g_autofree char *source = g_build_filename (dir, "scan.pdf", NULL);
  g_autofree char *twin = g_build_filename (dir, "scan copy.pdf", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (cases);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFile) twin_file = g_file_new_for_path (twin);
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autoptr(CartaAttachment) first = NULL;
  g_autoptr(CartaAttachment) second = NULL;
  GSList *files = NULL;
  CartaChecklistPage *page;
  CartaChecklistItem *item;
  CartaItemView *view;
  GtkWindow *window;
  CartaCase *kase;
  g_autoptr(CartaAttachment) restored = NULL;
  GListModel *attachments;
  GtkWidget *overlay;
  GtkWidget *undo;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (source, "%PDF-1.4\n% not really a PDF, but named like one\n", -1, NULL));
  g_assert_true (g_file_set_contents (twin, "%PDF-1.4\n% not really a PDF, but named like one\n", -1, NULL));
  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Attach", &error);
  g_assert_no_error (error);

  overlay = present_page_with_toasts (store, kase, &window, &page);

  item = g_list_model_get_item (carta_case_get_items (kase), 0);
  g_object_unref (item);
  carta_checklist_page_open_item (page, item);
  view = _carta_checklist_page_get_item_view (page);

  /* The same content twice, as a drop of two files would bring it. */
  files = g_slist_append (files, file);
  files = g_slist_append (files, twin_file);
  carta_item_view_import_files (view, files);
  g_slist_free (files);
  g_assert_true (carta_item_view_is_busy (view));
  while (carta_item_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
  spin ();

  attachments = carta_checklist_item_get_attachments (item);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 2);
  first = g_list_model_get_item (attachments, 0);
  second = g_list_model_get_item (attachments, 1);
  g_assert_cmpstr (carta_attachment_get_original_name (first), ==, "scan.pdf");
  g_assert_cmpstr (carta_attachment_get_stored_path (first), ==, carta_attachment_get_stored_path (second));
  /* Files in hand: the record counts as received. */
  g_assert_cmpint (carta_checklist_item_get_status (item), ==, CARTA_ITEM_STATUS_RECEIVED);

  case_dir = carta_store_get_case_dir (store, kase);
  stored = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (first));
  g_assert_true (g_file_query_exists (stored, NULL));
  /* The original is untouched. */
  g_assert_true (g_file_test (source, G_FILE_TEST_EXISTS));

  /* Remove one attachment; the other stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "item.remove-attachment", "s",
                                             carta_attachment_get_id (second)));
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  spin ();
  g_assert_null (carta_test_find_widget (GTK_WIDGET (view), is_row_of, second));

  /* Undo puts it back where it was, and its row with it. */
  undo = carta_test_find_widget (overlay, is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 2);
  restored = g_list_model_get_item (attachments, 1);
  g_assert_true (restored == second);
  spin ();
  g_assert_nonnull (carta_test_find_widget (GTK_WIDGET (view), is_row_of, second));

  /* The row's own button asks the view, as a click would. */
  row = carta_test_find_widget (GTK_WIDGET (view), is_row_of, first);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "scan.pdf");
  g_assert_true (gtk_widget_activate_action (row, "attachment.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);

  gtk_window_destroy (window);
  spin ();

  g_assert_true (carta_store_delete_case (store, kase, &error));
  carta_store_purge_deleted (store, NULL);
  g_unlink (source);
  g_unlink (twin);
  g_rmdir (cases);
  g_rmdir (dir);
}

static gboolean
is_model_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* The status changes from the record's row, through its menu, without
 * opening the record; the model saves it as the record's own row would. */
static void
test_status_from_row (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaChecklistItem) item = NULL;
  CartaChecklistPage *page;
  CartaChecklistRow *row;
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkWidget *received;
  GtkWindow *window;
  GtkListBox *list;
  CartaCase *kase;
  guint changed = 0;

  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Row status", &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  page = CARTA_CHECKLIST_PAGE (carta_checklist_page_new ());
  carta_checklist_page_set_store (page, store);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  carta_checklist_page_set_case (page, kase);
  spin ();

  list = _carta_checklist_page_get_group_list (page, "diagnosis");
  row = CARTA_CHECKLIST_ROW (gtk_list_box_get_row_at_index (list, 0));
  item = g_object_ref (carta_checklist_row_get_item (row));
  g_assert_cmpint (carta_checklist_item_get_status (item), ==, CARTA_ITEM_STATUS_NEEDED);
  g_signal_connect_swapped (kase, "changed", G_CALLBACK (count_cb), &changed);

  /* A Tab stop of its own, beside the row. */
  button = GTK_MENU_BUTTON (carta_checklist_row_get_status_button (row));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (button), GTK_WIDGET (row)));
  g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (button))));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), ==, 4);

  gtk_menu_button_popup (button);
  spin ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  received = carta_test_find_widget (GTK_WIDGET (popover), is_model_button_labelled, "Received");
  g_assert_nonnull (received);
  g_signal_emit_by_name (received, "clicked");
  spin ();

  g_assert_cmpint (carta_checklist_item_get_status (item), ==, CARTA_ITEM_STATUS_RECEIVED);
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Received"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (_carta_checklist_page_get_progress_label (page)), "1 of "));
  /* Still on the checklist: the record was not opened. */
  g_assert_null (carta_item_view_get_item (_carta_checklist_page_get_item_view (page)));

  /* The menu shows the status it has, whichever way it was set. */
  carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_NOT_APPLICABLE);
  spin ();
  gtk_menu_button_popup (button);
  spin ();
  {
    GtkWidget *chosen = carta_test_find_widget (GTK_WIDGET (popover), is_model_button_labelled, "Not applicable");
    gboolean active = FALSE;

    g_assert_nonnull (chosen);
    g_object_get (chosen, "active", &active, NULL);
    g_assert_true (active);
    g_object_get (received, "active", &active, NULL);
    g_assert_false (active);
  }
  gtk_menu_button_popdown (button);
  spin ();
  /* No tooltip left waiting to show over a window about to go. */
  gtk_window_set_focus (window, NULL);
  spin ();

  g_signal_handlers_disconnect_by_func (kase, count_cb, &changed);
  gtk_window_destroy (window);
  spin ();

  g_assert_true (carta_store_delete_case (store, kase, &error));
  carta_store_purge_deleted (store, NULL);
  g_rmdir (dir);
}

/* The Undo of the newest toast: the one before may still be leaving. */
static GtkWidget *
find_last_undo (GtkWidget *root)
{
  GtkWidget *found = is_button_labelled (root, "_Undo") ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *in_child = find_last_undo (child);

      if (in_child != NULL)
        found = in_child;
    }
  return found;
}

/* Renamed: the row, the model and case.json follow, and Undo takes the
 * name back; moved: to the record chosen, the same stored copy, and
 * Undo puts it back where it was. */
static void
test_rename_and_move_attachment (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autofree char *cases = g_build_filename (dir, "cases", NULL);
  g_autofree char *source = g_build_filename (dir, "IMG_2041.pdf", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (cases);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(CartaAttachment) attachment = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *json = NULL;
  GSList *files = NULL;
  CartaChecklistPage *page;
  CartaChecklistItem *item, *target;
  CartaItemView *view;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  CartaCase *kase;
  GtkWidget *overlay;
  GtkWidget *row;
  GtkWidget *undo;
  GtkDropDown *records;

  g_assert_true (g_file_set_contents (source, "%PDF-1.4\n% a report\n", -1, NULL));
  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Rename", &error);
  g_assert_no_error (error);

  overlay = present_page_with_toasts (store, kase, &window, &page);

  item = g_list_model_get_item (carta_case_get_items (kase), 0);
  g_object_unref (item);
  target = g_list_model_get_item (carta_case_get_items (kase), 2);
  g_object_unref (target);
  carta_checklist_page_open_item (page, item);
  view = _carta_checklist_page_get_item_view (page);

  files = g_slist_append (files, file);
  carta_item_view_import_files (view, files);
  g_slist_free (files);
  while (carta_item_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
  spin ();
  attachment = g_list_model_get_item (carta_checklist_item_get_attachments (item), 0);
  stored = g_strdup (carta_attachment_get_stored_path (attachment));

  /* Rename, from the row's menu. */
  row = carta_test_find_widget (GTK_WIDGET (view), is_row_of, attachment);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "attachment.rename", NULL));
  spin ();
  dialog = carta_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))), ==, "IMG_2041.pdf");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Pathology report, March");
  /* Enter in the entry renames and closes, as the button does. */
  g_signal_emit_by_name (adw_message_dialog_get_extra_child (dialog), "activate");
  spin ();
  g_assert_null (carta_test_find_dialog ());

  g_assert_cmpstr (carta_attachment_get_display_name (attachment), ==, "Pathology report, March");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Pathology report, March");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "IMG_2041.pdf"));
  g_assert_cmpstr (carta_attachment_get_original_name (attachment), ==, "IMG_2041.pdf");
  g_assert_cmpstr (carta_attachment_get_stored_path (attachment), ==, stored);
  json = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (json, "\"display_name\" : \"Pathology report, March\""));

  undo = carta_test_find_widget (overlay, is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  g_assert_null (carta_attachment_get_display_name (attachment));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "IMG_2041.pdf");

  /* Move, to the third record of the case. */
  g_assert_true (gtk_widget_activate_action (row, "attachment.move", NULL));
  spin ();
  dialog = carta_test_find_dialog ();
  g_assert_nonnull (dialog);
  records = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  /* Every record but its own. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (records)), ==,
                    g_list_model_get_n_items (carta_case_get_items (kase)) - 1);
  gtk_drop_down_set_selected (records, 1);
  /* As a click on Move does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "move");
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();

  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (item)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (target)), ==, 1);
  g_assert_null (carta_test_find_widget (GTK_WIDGET (view), is_row_of, attachment));
  {
    g_autoptr(CartaAttachment) moved = g_list_model_get_item (carta_checklist_item_get_attachments (target), 0);
    g_autoptr(GFile) case_dir = carta_store_get_case_dir (store, kase);
    g_autoptr(GFile) copy = g_file_resolve_relative_path (case_dir, stored);

    g_assert_true (moved == attachment);
    g_assert_cmpstr (carta_attachment_get_stored_path (moved), ==, stored);
    g_assert_true (g_file_query_exists (copy, NULL));
  }

  undo = find_last_undo (overlay);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (item)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (target)), ==, 0);
  g_assert_nonnull (carta_test_find_widget (GTK_WIDGET (view), is_row_of, attachment));

  gtk_window_destroy (window);
  spin ();

  g_assert_true (carta_store_delete_case (store, kase, &error));
  carta_store_purge_deleted (store, NULL);
  g_unlink (source);
  g_rmdir (cases);
  g_rmdir (dir);
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static CartaPhotoPdfDialog *
find_photo_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CARTA_IS_PHOTO_PDF_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return CARTA_PHOTO_PDF_DIALOG (toplevel);
    }
  return NULL;
}

/* The preview of the first page, once its thumbnail is in. */
static gboolean
is_preview (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_PAINTABLE;
}

static GdkPaintable *
first_preview (CartaPhotoPdfDialog *dialog)
{
  GtkWidget *image = carta_test_find_widget (GTK_WIDGET (dialog), is_preview, NULL);

  return image ? gtk_image_get_paintable (GTK_IMAGE (image)) : NULL;
}

static gboolean
preview_loaded (gpointer dialog)
{
  return first_preview (dialog) != NULL;
}

typedef struct
{
  CartaItemView      *view;
  CartaChecklistItem *item;
  guint               n;
} ItemCount;

static gboolean
item_has_n (gpointer data)
{
  ItemCount *count = data;

  return !carta_item_view_is_busy (count->view) &&
         g_list_model_get_n_items (carta_checklist_item_get_attachments (count->item)) == count->n;
}

static void
page_sizes (const char *pdf_path,
            double     *sizes,
            guint       n_pages)
{
  g_autofree char *data = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("/MediaBox \\[ *0 0 ([0-9.]+) ([0-9.]+) *\\]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gsize length;
  guint i = 0;

  g_assert_true (g_file_get_contents (pdf_path, &data, &length, NULL));
  g_regex_match_full (regex, data, length, 0, 0, &match, NULL);
  for (; i < n_pages && g_match_info_matches (match); i++, g_match_info_next (match, NULL))
    {
      g_autofree char *width = g_match_info_fetch (match, 1);
      g_autofree char *height = g_match_info_fetch (match, 2);

      sizes[2 * i] = g_ascii_strtod (width, NULL);
      sizes[2 * i + 1] = g_ascii_strtod (height, NULL);
    }
  g_assert_cmpuint (i, ==, n_pages);
}

/* A sideways photo turned in the combiner: the preview turns, the PDF
 * page is turned; then the photos can go from the record, with Undo,
 * while their files stay where the family keeps them. */
static void
test_combine_turned_photos (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autofree char *cases = g_build_filename (dir, "cases", NULL);
  g_autofree char *first_path = g_build_filename (dir, "page-1.png", NULL);
  g_autofree char *second_path = g_build_filename (dir, "page-2.png", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (cases);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GFile) first_file = g_file_new_for_path (first_path);
  g_autoptr(GFile) second_file = g_file_new_for_path (second_path);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 90, 60);
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaAttachment) first = NULL;
  g_autoptr(CartaAttachment) second = NULL;
  g_autoptr(CartaAttachment) pdf = NULL;
  g_autoptr(GFile) case_dir = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree int *rotations = NULL;
  GSList *files = NULL;
  CartaPhotoPdfDialog *dialog;
  CartaChecklistPage *page;
  CartaChecklistItem *item;
  CartaItemView *view;
  GtkWindow *window;
  CartaCase *kase;
  GtkWidget *overlay, *button;
  GdkPaintable *preview;
  ItemCount count;
  int width, height;
  double sizes[4];

  gdk_pixbuf_fill (pixbuf, 0xd02020ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, first_path, "png", &error, NULL));
  gdk_pixbuf_fill (pixbuf, 0x2040d0ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, second_path, "png", &error, NULL));
  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Photos", &error);
  g_assert_no_error (error);
  case_dir = carta_store_get_case_dir (store, kase);

  overlay = present_page_with_toasts (store, kase, &window, &page);

  item = g_list_model_get_item (carta_case_get_items (kase), 0);
  g_object_unref (item);
  carta_checklist_page_open_item (page, item);
  view = _carta_checklist_page_get_item_view (page);
  files = g_slist_append (files, first_file);
  files = g_slist_append (files, second_file);
  carta_item_view_import_files (view, files);
  g_slist_free (files);
  count = (ItemCount) { view, item, 2 };
  carta_test_wait_until (item_has_n, &count, 20);
  first = g_list_model_get_item (carta_checklist_item_get_attachments (item), 0);
  second = g_list_model_get_item (carta_checklist_item_get_attachments (item), 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "item.combine-photos", NULL));
  dialog = find_photo_dialog ();
  g_assert_nonnull (dialog);
  carta_test_wait_until (preview_loaded, dialog, 20);
  preview = first_preview (dialog);
  width = gdk_paintable_get_intrinsic_width (preview);
  height = gdk_paintable_get_intrinsic_height (preview);
  g_assert_cmpint (width, >, height);

  /* Turn the first photo right: its preview stands up. */
  button = carta_test_find_widget (GTK_WIDGET (dialog), is_button_with_tooltip, "Turn Right");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  preview = first_preview (dialog);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, height);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, width);
  /* Left puts it back; right again: a quarter turn right, in all. */
  button = carta_test_find_widget (GTK_WIDGET (dialog), is_button_with_tooltip, "Turn Left");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (first_preview (dialog)), ==, width);
  button = carta_test_find_widget (GTK_WIDGET (dialog), is_button_with_tooltip, "Turn Right");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (first_preview (dialog)), ==, height);

  carta_photo_pdf_dialog_get_pages (dialog, &ids, &rotations);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, carta_attachment_get_id (first));
  g_assert_cmpint (rotations[0], ==, 90);
  g_assert_cmpint (rotations[1], ==, 0);

  button = carta_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "C_ombine");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (find_photo_dialog ());
  count.n = 3;
  carta_test_wait_until (item_has_n, &count, 20);
  spin ();

  /* The PDF: the first page stands, the second lies as its photo. */
  pdf = g_list_model_get_item (carta_checklist_item_get_attachments (item), 2);
  g_assert_cmpstr (carta_attachment_get_content_type (pdf), ==, "application/pdf");
  {
    g_autoptr(GFile) stored = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (pdf));
    g_autofree char *path = g_file_get_path (stored);

    page_sizes (path, sizes, 2);
    g_assert_cmpfloat (sizes[0], <, sizes[1]);
    g_assert_cmpfloat (sizes[2], >, sizes[3]);
  }

  /* Remove the photos from the record: the PDF stays. */
  button = carta_test_find_widget (overlay, is_button_labelled, "_Remove Photos");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (item)), ==, 1);
  {
    g_autoptr(CartaAttachment) left = g_list_model_get_item (carta_checklist_item_get_attachments (item), 0);
    g_autoptr(GFile) stored = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (first));

    g_assert_true (left == pdf);
    /* Nothing deleted: the family's photos, and the case's copies
     * until the next clean-up, for Undo. */
    g_assert_true (g_file_test (first_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (second_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_query_exists (stored, NULL));
  }
  spin ();

  button = carta_test_find_widget (overlay, is_button_labelled, "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  {
    GListModel *attachments = carta_checklist_item_get_attachments (item);
    g_autoptr(CartaAttachment) a = g_list_model_get_item (attachments, 0);
    g_autoptr(CartaAttachment) b = g_list_model_get_item (attachments, 1);
    g_autoptr(CartaAttachment) c = g_list_model_get_item (attachments, 2);

    g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 3);
    g_assert_true (a == first);
    g_assert_true (b == second);
    g_assert_true (c == pdf);
  }

  gtk_window_destroy (window);
  spin ();

  g_assert_true (carta_store_delete_case (store, kase, &error));
  carta_store_purge_deleted (store, NULL);
  g_unlink (first_path);
  g_unlink (second_path);
  g_rmdir (cases);
  g_rmdir (dir);
}

static guint
count_handlers (gpointer instance,
                gpointer data)
{
  guint n = g_signal_handlers_block_matched (instance, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);

  g_signal_handlers_unblock_matched (instance, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  return n;
}

/* The page follows a new case and lets go of the old one; a window closed
 * while files are being copied cancels the copy without a critical. */
static void
test_switch_case_and_close_while_importing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-page-XXXXXX", NULL);
  g_autofree char *cases = g_build_filename (dir, "cases", NULL);
  g_autofree char *source = g_build_filename (dir, "big.bin", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (cases);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autofree char *big = g_malloc0 (1024 * 1024);
  GSList *files = NULL;
  CartaChecklistPage *page;
  CartaChecklistItem *item;
  CartaItemView *view;
  GtkWindow *window;
  CartaCase *first, *second;

  g_assert_true (g_file_set_contents (source, big, 1024 * 1024, NULL));
  g_assert_true (carta_store_load (store, &error));
  first = carta_store_create_case (store, "First", &error);
  g_assert_no_error (error);
  second = carta_store_create_case (store, "Second", &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  page = CARTA_CHECKLIST_PAGE (carta_checklist_page_new ());
  carta_checklist_page_set_store (page, store);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);

  carta_checklist_page_set_case (page, first);
  spin ();
  carta_checklist_page_set_case (page, second);
  spin ();
  g_assert_cmpuint (count_handlers (first, page), ==, 0);
  g_assert_cmpuint (count_handlers (carta_case_get_items (first), page), ==, 0);
  carta_checklist_page_set_case (page, first);
  spin ();
  g_assert_cmpuint (count_handlers (carta_case_get_items (first), page), ==, 1);
  g_assert_cmpuint (count_handlers (carta_case_get_items (second), page), ==, 0);

  item = g_list_model_get_item (carta_case_get_items (first), 0);
  g_object_unref (item);
  carta_checklist_page_open_item (page, item);
  view = _carta_checklist_page_get_item_view (page);
  g_object_ref (view);

  files = g_slist_append (files, file);
  carta_item_view_import_files (view, files);
  g_slist_free (files);
  g_assert_true (carta_item_view_is_busy (view));

  gtk_window_destroy (window);
  while (carta_item_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
  spin ();
  g_object_unref (view);

  g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (item)), ==, 0);

  g_assert_true (carta_store_delete_case (store, first, &error));
  g_assert_true (carta_store_delete_case (store, second, &error));
  carta_store_purge_deleted (store, NULL);
  g_unlink (source);
  g_rmdir (cases);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/checklist-page/custom-item-and-status", test_custom_item_and_status);

  g_test_add_func ("/checklist-page/attach-files", test_attach_files);
  g_test_add_func ("/checklist-page/status-from-row", test_status_from_row);
  g_test_add_func ("/checklist-page/rename-and-move-attachment", test_rename_and_move_attachment);
  g_test_add_func ("/checklist-page/combine-turned-photos", test_combine_turned_photos);
  g_test_add_func ("/checklist-page/flagged-row", test_flagged_row);
  g_test_add_func ("/checklist-page/switch-case-and-close-while-importing",
                   test_switch_case_and_close_while_importing);

  return g_test_run ();
}

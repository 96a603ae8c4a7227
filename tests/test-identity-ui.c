/* test-identity-ui.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "carta-application.h"
#include "carta-checklist-page-private.h"
#include "carta-checklist-row.h"
#include "carta-export-page-private.h"
#include "carta-identity-row.h"
#include "carta-item-view.h"
#include "carta-test-ui.h"
#include "carta-window.h"

static CartaApplication *app;

/* Another patient's disc, on the real widgets: a warning in words on the
 * record's row, a row above the files with a button to confirm it (and
 * one to take it back), and the same on the Export page. */

/* LI^HUA, a man born in 1970, as the import summarises a disc. */
static const char disc_summary[] =
  "{ \"n_files\": 1, \"n_dicom_files\": 1, \"studies\": [ { \"uid\": \"1.2.3\","
  " \"date\": \"2025-01-01\", \"patient_name\": \"LI^HUA\", \"patient_birth_date\": \"1970-01-01\","
  " \"patient_sex\": \"M\", \"n_images\": 1, \"series\": [] } ] }";

static void
iterate (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static CartaAttachment *
add_disc (CartaChecklistItem *item)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  CartaAttachment *disc = carta_attachment_new ();

  g_assert_true (json_parser_load_from_data (parser, disc_summary, -1, &error));
  summary = carta_dicom_summary_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  carta_attachment_set_kind (disc, CARTA_ATTACHMENT_KIND_IMAGING);
  carta_attachment_set_original_name (disc, "CT disc");
  carta_attachment_set_stored_path (disc, "discs/none");
  carta_attachment_set_sha256 (disc, "00");
  carta_attachment_set_dicom_summary (disc, summary);
  carta_checklist_item_add_attachment (item, disc);
  return disc;
}

static gboolean
is_identity_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "identity-row");
}

static GtkWidget *
find_identity_row (GtkWidget *root)
{
  return carta_test_find_widget (root, is_identity_row, NULL);
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static CartaChecklistItem *
find_item (CartaCase  *kase,
           const char *key)
{
  GListModel *items = carta_case_get_items (kase);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (carta_checklist_item_get_template_key (item), key) == 0)
        return item;
    }

  g_assert_not_reached ();
}

static CartaChecklistRow *
find_record_row (CartaChecklistPage *page,
                 CartaChecklistItem *item)
{
  GtkListBox *list = _carta_checklist_page_get_group_list (page, carta_checklist_item_get_category (item));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CARTA_IS_CHECKLIST_ROW (child) && carta_checklist_row_get_item (CARTA_CHECKLIST_ROW (child)) == item)
      return CARTA_CHECKLIST_ROW (child);

  g_assert_not_reached ();
}

static void
click (GtkWidget *row)
{
  GtkWidget *button = carta_test_find_widget_of_type (row, GTK_TYPE_BUTTON);

  g_assert_true (gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
test_record_row_and_item_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-identity-ui-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaAttachment) disc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char *rm_argv[] = { "rm", "-rf", dir, NULL };
  CartaChecklistItem *item;
  CartaChecklistPage *page;
  CartaChecklistRow *record_row;
  GtkWidget *row;
  CartaItemView *view;
  GtkWindow *window;
  CartaCase *kase;

  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Mei", &error);
  g_assert_no_error (error);
  carta_patient_set_name (carta_case_get_patient (kase), "Mei Wang 王梅");
  item = find_item (kase, "imaging-images");
  disc = add_disc (item);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 700);
  page = CARTA_CHECKLIST_PAGE (carta_checklist_page_new ());
  carta_checklist_page_set_store (page, store);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  carta_checklist_page_set_case (page, kase);
  iterate ();

  /* The record's row says it in words, not only in grey. */
  record_row = find_record_row (page, item);
  g_assert_cmpstr (carta_checklist_row_get_identity_warning (record_row), ==, "May be another patient’s disc");

  /* Inside the record: the warning with what was found, and the button. */
  carta_checklist_page_open_item (page, item);
  iterate ();
  view = _carta_checklist_page_get_item_view (page);
  row = find_identity_row (GTK_WIDGET (view));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (row_title (row), ==, "May be another patient’s disc");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "“HUA LI”"));
  g_assert_true (gtk_widget_has_css_class (row, "warning"));

  /* The family confirms: saved in the case, the warnings go. */
  click (row);
  g_assert_true (carta_attachment_get_identity_confirmed (disc));
  data = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (data, "\"identity_confirmed\" : true"));
  g_assert_null (carta_checklist_row_get_identity_warning (record_row));
  row = find_identity_row (GTK_WIDGET (view));
  g_assert_nonnull (row);
  g_assert_cmpstr (row_title (row), ==, "Confirmed by the family as the patient’s disc");
  g_assert_false (gtk_widget_has_css_class (row, "warning"));

  /* And can take it back. */
  click (row);
  g_assert_false (carta_attachment_get_identity_confirmed (disc));
  g_assert_cmpstr (carta_checklist_row_get_identity_warning (record_row), ==, "May be another patient’s disc");
  row = find_identity_row (GTK_WIDGET (view));
  g_assert_cmpstr (row_title (row), ==, "May be another patient’s disc");

  /* A spelling in the disc's script that matches: nothing to say. */
  carta_patient_set_name (carta_case_get_patient (kase), "Li Hua");
  carta_patient_set_date_of_birth (carta_case_get_patient (kase), "1970-01-01");
  iterate ();
  g_assert_null (carta_checklist_row_get_identity_warning (record_row));
  /* The open record follows the Case page, without being reopened. */
  g_assert_null (find_identity_row (GTK_WIDGET (view)));

  carta_patient_set_name (carta_case_get_patient (kase), "Mei Wang 王梅");
  iterate ();
  row = find_identity_row (GTK_WIDGET (view));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (row_title (row), ==, "May be another patient’s disc");

  /* Only Chinese in the case: it could not be checked, and says so. */
  carta_patient_set_name (carta_case_get_patient (kase), "李华");
  iterate ();
  g_assert_cmpstr (carta_checklist_row_get_identity_warning (record_row), ==, "Patient on the disc not checked");

  gtk_window_destroy (window);
  iterate ();
  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_export_page (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mei");
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom ("Scans from Beijing", "Imaging");
  g_autoptr(CartaAttachment) disc = NULL;
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show_record = g_simple_action_new ("show-record", G_VARIANT_TYPE_STRING);
  GtkWidget *window = gtk_window_new ();
  CartaExportPage *page = g_object_new (CARTA_TYPE_EXPORT_PAGE, NULL);
  GtkListBox *list;
  GtkWidget *row;

  carta_patient_set_name (carta_case_get_patient (kase), "Mei Wang 王梅");
  carta_case_add_item (kase, item);
  disc = add_disc (item);

  /* The rows open their record through the window, as in Carta. */
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (show_record));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (actions));

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  carta_export_page_set_case (page, kase);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  list = _carta_export_page_get_identity_list (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  row = find_identity_row (GTK_WIDGET (list));
  g_assert_nonnull (row);
  g_assert_cmpstr (row_title (row), ==, "May be another patient’s disc");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Scans from Beijing · disc “CT disc”"));

  click (row);
  g_assert_true (carta_attachment_get_identity_confirmed (disc));
  row = find_identity_row (GTK_WIDGET (list));
  g_assert_cmpstr (row_title (row), ==, "Confirmed by the family as the patient’s disc");

  /* A disc that matches is not listed, and the group goes. */
  carta_attachment_set_identity_confirmed (disc, FALSE);
  carta_patient_set_other_names (carta_case_get_patient (kase), "Li Hua");
  carta_patient_set_name (carta_case_get_patient (kase), "Li Hua");
  iterate ();
  g_assert_null (find_identity_row (GTK_WIDGET (list)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static gboolean
export_lists_disc (gpointer data)
{
  return find_identity_row (GTK_WIDGET (_carta_export_page_get_identity_list (data))) != NULL;
}

static const char *
visible_page (GtkWidget *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (carta_test_find_widget_of_type (window, ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

/* In the window, the Export page's row of a disc opens its record, as
 * the rows of what is missing do; its button still confirms the disc. */
static void
test_export_row_opens_record (void)
{
  GtkWidget *window = carta_test_window_with_sample (app);
  CartaCase *kase = carta_window_get_case (CARTA_WINDOW (window));
  g_autoptr(CartaChecklistItem) item = g_list_model_get_item (carta_case_get_items (kase), 0);
  g_autoptr(CartaAttachment) disc = NULL;
  CartaExportPage *page;
  GtkWidget *checklist;
  GtkWidget *row;

  carta_patient_set_name (carta_case_get_patient (kase), "Mei Wang 王梅");
  disc = add_disc (item);

  carta_window_show_page (CARTA_WINDOW (window), "export");
  page = CARTA_EXPORT_PAGE (carta_test_find_widget_of_type (window, CARTA_TYPE_EXPORT_PAGE));
  carta_test_wait_until (export_lists_disc, page, 10);
  row = find_identity_row (GTK_WIDGET (_carta_export_page_get_identity_list (page)));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  gtk_widget_activate (row);
  iterate ();
  g_assert_cmpstr (visible_page (window), ==, "checklist");
  checklist = carta_test_find_widget_of_type (window, g_type_from_name ("CartaChecklistPage"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (checklist))), ==, "item");
  g_assert_true (carta_item_view_get_item (_carta_checklist_page_get_item_view (CARTA_CHECKLIST_PAGE (checklist))) == item);

  /* The button confirms, and stays on the Export page. */
  carta_window_show_page (CARTA_WINDOW (window), "export");
  iterate ();
  row = find_identity_row (GTK_WIDGET (_carta_export_page_get_identity_list (page)));
  click (row);
  g_assert_true (carta_attachment_get_identity_confirmed (disc));
  g_assert_cmpstr (visible_page (window), ==, "export");

  carta_checklist_item_remove_attachment (item, disc);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-identity-ui", &argc, &argv);
  int status;

  app = carta_test_start_application ();

  g_test_add_func ("/identity-ui/record-row-and-item-view", test_record_row_and_item_view);
  g_test_add_func ("/identity-ui/export-page", test_export_page);
  g_test_add_func ("/identity-ui/export-row-opens-record", test_export_row_opens_record);

  status = g_test_run ();
  g_clear_object (&app);
  carta_test_remove_home (home);

  return status;
}

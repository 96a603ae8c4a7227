/* test-profile-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "carta-date-row.h"
#include "carta-profile-page.h"
#include "carta-store.h"
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

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the page settle: layout, animations, deferred focus. */
static void
iterate (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  child = gtk_button_get_child (GTK_BUTTON (widget));
  return ADW_IS_BUTTON_CONTENT (child) &&
         g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_date_row_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return CARTA_IS_DATE_ROW (widget) && is_row_titled (widget, title);
}

/* The sign a folded record shows when something in it needs checking. */
static gboolean
is_warning_icon (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "dialog-warning-symbolic") == 0;
}

/* A button with a plain mnemonic label, such as “_Remove Line” or a
 * toast's “_Undo”. */
static gboolean
is_text_button (GtkWidget     *widget,
                gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = carta_test_find_widget (root, is_button_labelled, label);

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = carta_test_find_widget (root, is_row_titled, title);

  if (row == NULL)
    g_error ("no row titled “%s”", title);
  return row;
}

/* Types into whatever has the keyboard focus, as a person would after
 * pressing “Add Line”; the focus must be in the row titled @row_title. */
static void
type_into_focus (GtkWindow  *window,
                 GtkWidget  *page,
                 const char *row_title,
                 const char *text)
{
  GtkWidget *row = NULL;
  GtkWidget *focus = NULL;

  /* The new row unfolds with an animation before its field takes focus. */
  for (guint i = 0; i < 10; i++)
    {
      row = carta_test_find_widget (page, is_row_titled, row_title);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (row != NULL && GTK_IS_EDITABLE (focus) && gtk_widget_is_ancestor (focus, row))
        break;
      iterate ();
    }

  g_assert_nonnull (row);
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, row));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  iterate ();
}

static char *
line_regimen (CartaCase *kase,
              guint      index)
{
  GListModel *lines = carta_treatment_history_get_lines (carta_case_get_treatment (kase));
  g_autoptr(CartaTherapyLine) line = g_list_model_get_item (lines, index);

  return g_strdup (carta_therapy_line_get_regimen (line));
}

static void
test_add_reorder_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-profile-page-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CartaCase *kase;
  CartaCase *loaded;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *focus;
  GListModel *lines;

  g_assert_true (carta_store_load (store, &error));
  kase = carta_store_create_case (store, "Mum", &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 360, 2400);
  page = carta_profile_page_new ();
  gtk_window_set_child (window, page);

  /* No case: the page copes. */
  gtk_window_present (window);
  iterate ();
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  iterate ();

  gtk_widget_activate (find_button (page, "_Add Line"));
  iterate ();
  type_into_focus (window, page, "Line 1", "R-CHOP × 6");
  gtk_widget_activate (find_button (page, "_Add Line"));
  iterate ();
  type_into_focus (window, page, "Line 2", "R-ICE");

  lines = carta_treatment_history_get_lines (carta_case_get_treatment (kase));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  first = line_regimen (kase, 0);
  g_assert_cmpstr (first, ==, "R-CHOP × 6");

  /* Move the second line up with its button. */
  row = find_row (page, "Line 2: R-ICE");
  /* Keyboard activation presses the button for a moment, then clicks. */
  gtk_widget_activate (find_button (row, "Move _Up"));
  iterate ();
  iterate ();

  g_clear_pointer (&first, g_free);
  first = line_regimen (kase, 0);
  second = line_regimen (kase, 1);
  g_assert_cmpstr (first, ==, "R-ICE");
  g_assert_cmpstr (second, ==, "R-CHOP × 6");

  /* The keyboard stays on the moved line, now first. */
  row = find_row (page, "Line 1: R-ICE");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row));

  /* An end before the start is shown, and kept. */
  {
    g_autoptr(CartaTherapyLine) line = g_list_model_get_item (lines, 0);
    GtkWidget *end_row;

    carta_therapy_line_set_start_date (line, "2022-01-10");
    carta_therapy_line_set_end_date (line, "2021-12-01");
    iterate ();
    row = find_row (page, "Line 1: R-ICE");
    end_row = carta_test_find_widget (row, is_date_row_titled, "End");
    g_assert_nonnull (end_row);
    g_assert_true (gtk_widget_has_css_class (end_row, "error"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (end_row)), "before the start"));
    g_assert_true (gtk_widget_get_visible (carta_test_find_widget (row, is_warning_icon, NULL)));
    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "before the start"));
    g_assert_cmpstr (carta_therapy_line_get_end_date (line), ==, "2021-12-01");
  }

  g_assert_true (carta_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  reopened = carta_store_new (root);
  g_assert_true (carta_store_load (reopened, &error));
  loaded = carta_store_find_case (reopened, carta_case_get_id (kase));
  g_assert_nonnull (loaded);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);
  first = line_regimen (loaded, 0);
  second = line_regimen (loaded, 1);
  g_assert_cmpstr (first, ==, "R-ICE");
  g_assert_cmpstr (second, ==, "R-CHOP × 6");

  /* Switching to no case and back drops and restores the rows. */
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), NULL);
  iterate ();
  g_assert_null (carta_test_find_widget (page, is_row_titled, "Line 1: R-ICE"));
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), loaded);
  iterate ();
  find_row (page, "Line 1: R-ICE");

  gtk_window_destroy (window);
  iterate ();
}

static void
test_fields_reach_the_model (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Dad");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = carta_profile_page_new ();
  GtkWidget *row;
  guint changes = 0;

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  iterate ();
  g_signal_connect_swapped (kase, "changed", G_CALLBACK (g_nullify_pointer), &changes);
  changes = 1;

  row = find_row (page, "Full name as in the passport");
  gtk_editable_set_text (GTK_EDITABLE (row), "LI WEI");
  g_assert_cmpstr (carta_patient_get_name (carta_case_get_patient (kase)), ==, "LI WEI");
  g_assert_cmpuint (changes, ==, 0);

  /* A percentage out of range is flagged and kept as typed. */
  row = find_row (page, "CD19 positive, in percent");
  gtk_editable_set_text (GTK_EDITABLE (row), "120");
  iterate ();
  g_assert_cmpstr (carta_diagnosis_get_cd19_percent (carta_case_get_diagnosis (kase)), ==, "120");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "85");
  iterate ();
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* ECOG: picking grade 2 stores 2; a stored 7 is shown as wrong. */
  row = find_row (page, "ECOG performance status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);
  g_assert_cmpint (carta_clinical_status_get_ecog (carta_case_get_clinical_status (kase)), ==, 2);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  carta_clinical_status_set_ecog (carta_case_get_clinical_status (kase), 7);
  iterate ();
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (carta_clinical_status_get_ecog (carta_case_get_clinical_status (kase)), ==, 7);

  gtk_window_destroy (window);
  iterate ();
}

/* A contact's messaging app and ID, picked and typed on the page, reach
 * the contact; an app set elsewhere shows in the row. */
static void
test_contact_messaging (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Messaging");
  g_autoptr(CartaContact) contact = carta_contact_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = carta_profile_page_new ();
  GtkWidget *app, *id;

  carta_contact_set_name (contact, "Lena Wang");
  carta_case_add_contact (kase, contact);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  iterate ();

  app = find_row (page, "Messaging app");
  id = find_row (page, "Messaging ID, such as a WeChat ID");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (app)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (app), 1);
  gtk_editable_set_text (GTK_EDITABLE (id), "lena_wang_berlin");
  g_assert_cmpstr (carta_contact_get_messaging_app (contact), ==, "wechat");
  g_assert_cmpstr (carta_contact_get_messaging_id (contact), ==, "lena_wang_berlin");

  carta_contact_set_messaging_app (contact, "line");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (app)), ==, 5);
  /* An app this Carta has no name for shows as another app. */
  carta_contact_set_messaging_app (contact, "viber");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (app)), ==, 6);

  /* None: nothing kept. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (app), 0);
  g_assert_null (carta_contact_get_messaging_app (contact));

  gtk_window_destroy (window);
  iterate ();
}

/* The screening fields: each row reaches its field, and the clearance
 * row shows what a site would compute. */
static void
test_screening_fields (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(CartaLabResult) creatinine = carta_lab_result_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = carta_profile_page_new ();
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaPatient *patient = carta_case_get_patient (kase);
  GtkWidget *row;

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  iterate ();

  row = find_row (page, "Disease in the brain or spinal cord (CNS)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), CARTA_CNS_STATUS_CNS2);
  g_assert_cmpint (carta_diagnosis_get_cns_status (carta_case_get_diagnosis (kase)), ==, CARTA_CNS_STATUS_CNS2);

  row = find_row (page, "Spinal fluid result, such as white cells and blasts");
  gtk_editable_set_text (GTK_EDITABLE (row), "WBC 3/µL, blasts seen");
  g_assert_cmpstr (carta_diagnosis_get_lumbar_puncture_result (carta_case_get_diagnosis (kase)), ==, "WBC 3/µL, blasts seen");

  /* Karnofsky: position 3 is 80. */
  row = find_row (page, "Karnofsky score");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);
  g_assert_cmpint (carta_clinical_status_get_karnofsky (status), ==, 80);
  carta_clinical_status_set_karnofsky (status, 60);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 5);

  row = find_row (page, "Has had seizures (epilepsy)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), CARTA_ANSWER_NO);
  g_assert_cmpint (carta_clinical_status_get_seizures (status), ==, CARTA_ANSWER_NO);

  row = find_row (page, "A stem-cell transplant is planned after this treatment");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), CARTA_ANSWER_YES);
  g_assert_cmpint (carta_treatment_history_get_transplant_planned (carta_case_get_treatment (kase)), ==, CARTA_ANSWER_YES);

  row = carta_test_find_widget (page, is_date_row_titled, "Last steroids");
  g_assert_nonnull (row);
  carta_clinical_status_set_last_steroids (status, "2026-03-01");
  iterate ();
  g_assert_cmpstr (carta_date_row_get_date (CARTA_DATE_ROW (row)), ==, "2026-03-01");

  /* The clearance appears once all it needs is there. */
  row = find_row (page, "Creatinine clearance, estimated");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "mL/min"));
  g_assert_true (carta_patient_set_date_of_birth (patient, "1961-03-02"));
  carta_patient_set_sex (patient, "female");
  carta_patient_set_weight_kg (patient, 60);
  carta_lab_result_set_kind (creatinine, CARTA_LAB_KIND_CREATININE);
  carta_lab_result_set_value (creatinine, "70.72");
  carta_lab_result_set_unit (creatinine, "µmol/L");
  carta_lab_result_set_date (creatinine, "2026-03-02");
  carta_clinical_status_insert_lab (status, 0, creatinine);
  iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "66 mL/min, by Cockcroft-Gault");

  gtk_window_destroy (window);
  iterate ();
}

static void
test_remove_and_undo (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = carta_profile_page_new ();
  GtkWidget *button = NULL;
  GListModel *lines = carta_treatment_history_get_lines (carta_case_get_treatment (kase));
  g_autofree char *regimen = NULL;

  gtk_window_set_default_size (window, 360, 2400);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (window, overlay);
  gtk_window_present (window);
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  iterate ();

  gtk_widget_activate (find_button (page, "_Add Line"));
  type_into_focus (window, page, "Line 1", "R-CHOP × 6");

  /* The new line is unfolded, so its Remove button shows. */
  button = carta_test_find_widget (find_row (page, "Line 1: R-CHOP × 6"), is_text_button, "_Remove Line");
  g_assert_nonnull (button);
  /* Keyboard activation presses the button for a moment, then clicks. */
  gtk_widget_activate (button);
  iterate ();
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  find_row (page, "No lines of therapy yet");

  /* The toast's Undo puts the same line back where it was. */
  button = NULL;
  for (guint i = 0; i < 10 && button == NULL; i++)
    {
      button = carta_test_find_widget (overlay, is_text_button, "_Undo");
      if (button == NULL)
        iterate ();
    }
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  iterate ();
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  regimen = line_regimen (kase, 0);
  g_assert_cmpstr (regimen, ==, "R-CHOP × 6");
  find_row (page, "Line 1: R-CHOP × 6");

  gtk_window_destroy (window);
  iterate ();
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

/* A date of birth typed as ISO, then in the locale's own numbers, reaches
 * the model as ISO; text that is no date is kept and flagged; the
 * calendar opens on the row's date, not on today. */
static void
test_typed_date (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Dad");
  g_autofree char *old = g_strdup (setlocale (LC_TIME, NULL));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = carta_profile_page_new ();
  CartaPatient *patient = carta_case_get_patient (kase);
  GtkCalendar *calendar;
  GtkWidget *button;
  GtkWidget *entry;
  GtkWidget *row;

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  iterate ();

  row = carta_test_find_widget (page, is_date_row_titled, "Date of birth");
  g_assert_nonnull (row);
  entry = carta_test_find_widget (row, is_entry, NULL);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "1965-04-12");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (carta_patient_get_date_of_birth (patient), ==, "1965-04-12");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* An impossible day: flagged, kept as typed, the model unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1965-02-30");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (carta_patient_get_date_of_birth (patient), ==, "1965-04-12");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1965-02-30");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not a date"));

  /* Leaving the entry commits too. */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1970");
  gtk_widget_grab_focus (carta_test_find_widget (page, is_row_titled, "Full name as in the passport"));
  iterate ();
  g_assert_cmpstr (carta_patient_get_date_of_birth (patient), ==, "1970");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* German order: day, month, year. */
  if (setlocale (LC_TIME, "de_DE.UTF-8") != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "12.04.1965");
      g_signal_emit_by_name (entry, "activate");
      setlocale (LC_TIME, old);
      g_assert_cmpstr (carta_patient_get_date_of_birth (patient), ==, "1965-04-12");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1965-04-12");
    }
  else
    {
      g_test_message ("de_DE.UTF-8 is not installed: typing ISO instead");
      gtk_editable_set_text (GTK_EDITABLE (entry), "1965-04-12");
      g_signal_emit_by_name (entry, "activate");
      g_assert_cmpstr (carta_patient_get_date_of_birth (patient), ==, "1965-04-12");
    }

  /* The calendar opens on April 1965. */
  button = carta_test_find_widget_of_type (row, GTK_TYPE_MENU_BUTTON);
  calendar = GTK_CALENDAR (carta_test_find_widget_of_type (row, GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (calendar)));
  g_assert_cmpint (calendar_shown (calendar, "year"), ==, 1965);
  g_assert_cmpint (calendar_shown (calendar, "month"), ==, 3);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  gtk_window_destroy (window);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/profile-page/add-reorder-reload", test_add_reorder_reload);
  g_test_add_func ("/profile-page/fields-reach-the-model", test_fields_reach_the_model);
  g_test_add_func ("/profile-page/remove-and-undo", test_remove_and_undo);
  g_test_add_func ("/profile-page/contact-messaging", test_contact_messaging);
  g_test_add_func ("/profile-page/screening-fields", test_screening_fields);
  g_test_add_func ("/profile-page/typed-date", test_typed_date);

  return g_test_run ();
}

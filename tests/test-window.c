/* test-window.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "carta-application.h"
#include "carta-checklist-template.h"
#include "carta-test-ui.h"
#include "carta-window.h"

/* One application for the whole run, as in real life; each test opens
 * and closes its own window. */
static CartaApplication *app;

static gboolean
dialog_shown (gpointer data)
{
  return carta_test_find_dialog () != NULL;
}

static char *
case_file (CartaCase *kase)
{
  return g_build_filename (g_get_user_data_dir (), "carta", "cases",
                           carta_case_get_id (kase), "case.json", NULL);
}

typedef struct
{
  const char *path;
  const char *needle;
} FileWait;

static gboolean
file_contains (gpointer data)
{
  FileWait *wait = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (wait->path, &contents, NULL, NULL) &&
         strstr (contents, wait->needle) != NULL;
}

static void
test_create_case_and_reload (void)
{
  g_autoptr(CartaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  AdwMessageDialog *dialog;
  CartaWindow *window;
  CartaCase *kase;
  CartaCase *found;
  GtkEntry *entry;
  FileWait wait;

  g_application_activate (G_APPLICATION (app));

  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_null (carta_window_get_case (window));

  /* The New Case action asks for a name in a dialog; answer it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  carta_test_wait_until (dialog_shown, NULL, 10);
  dialog = carta_test_find_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  entry = GTK_ENTRY (carta_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Grandma's case  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  adw_message_dialog_response (dialog, "ok");

  kase = carta_window_get_case (window);
  g_assert_nonnull (kase);
  g_assert_cmpstr (carta_case_get_title (kase), ==, "Grandma's case");
  id = g_strdup (carta_case_get_id (kase));

  /* An edit reaches the disk by itself, without a Save button. */
  carta_patient_set_name (carta_case_get_patient (kase), "Autosaved Name");
  path = case_file (kase);
  wait.path = path;
  wait.needle = "Autosaved Name";
  carta_test_wait_until (file_contains, &wait, 10);

  /* An edit right before closing is saved on close. */
  carta_case_set_title (kase, "Saved on close");
  gtk_window_close (GTK_WINDOW (window));
  wait.needle = "Saved on close";
  g_assert_true (file_contains (&wait));

  while (g_main_context_iteration (NULL, FALSE));

  store = carta_store_new_default ();
  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);
  found = carta_store_find_case (store, id);
  g_assert_nonnull (found);
  g_assert_cmpstr (carta_case_get_title (found), ==, "Saved on close");
  g_assert_cmpstr (carta_patient_get_name (carta_case_get_patient (found)), ==, "Autosaved Name");
}

static void
test_create_action_and_delete (void)
{
  g_autoptr(CartaStore) store = NULL;
  g_autofree char *id = NULL;
  AdwMessageDialog *dialog;
  CartaWindow *window;
  GListModel *cases;
  guint before;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cases = carta_store_get_cases (carta_application_get_store (app));
  before = g_list_model_get_n_items (cases);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Short-lived"));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before + 1);
  id = g_strdup (carta_case_get_id (carta_window_get_case (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-case", NULL));
  carta_test_wait_until (dialog_shown, NULL, 10);
  dialog = carta_test_find_dialog ();
  adw_message_dialog_response (dialog, "delete");

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before);
  g_assert_null (carta_store_find_case (carta_application_get_store (app), id));
  g_assert_true (carta_window_get_case (window) == NULL || before > 0);

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));

  store = carta_store_new_default ();
  g_assert_true (carta_store_load (store, NULL));
  g_assert_null (carta_store_find_case (store, id));
}

/* A change that reaches a case after the family opened another one (an
 * undo, a finished import or upload) is saved all the same. */
static void
test_change_to_other_case_saved (void)
{
  g_autofree char *path = NULL;
  CartaSession *session;
  CartaWindow *window;
  CartaCase *first;
  FileWait wait;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "First"));
  first = g_object_ref (carta_window_get_case (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Second"));
  g_assert_true (carta_window_get_case (window) != first);

  carta_patient_set_name (carta_case_get_patient (first), "Changed While Closed");
  path = case_file (first);
  wait.path = path;
  wait.needle = "Changed While Closed";
  carta_test_wait_until (file_contains, &wait, 10);

  /* Switching back and forth connects the window's session to each
   * case once. */
  carta_window_set_case (window, first);
  carta_window_set_case (window, NULL);
  carta_window_set_case (window, first);
  session = carta_window_get_session (window);
  g_assert_cmpuint (g_signal_handlers_block_matched (first, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, session), ==, 1);
  g_signal_handlers_unblock_matched (first, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, session);

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_object_unref (first);
}

static guint
count_case_folders (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "carta", "cases", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static gboolean
folders_back_to (gpointer data)
{
  return count_case_folders () == GPOINTER_TO_UINT (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Closing the window while the sample case is being made cancels it and
 * leaves no half-made case folder behind. */
static void
test_close_while_making_sample (void)
{
  GListModel *cases = carta_store_get_cases (carta_application_get_store (app));
  guint cases_before = g_list_model_get_n_items (cases);
  guint folders_before = count_case_folders ();
  CartaWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sample-case", NULL));
  gtk_window_close (GTK_WINDOW (window));
  /* The making does not keep the window alive... */
  carta_test_wait_until (is_null, &window, 10);
  /* ...and whatever it had made is removed when it ends. */
  carta_test_wait_until (folders_back_to, GUINT_TO_POINTER (folders_before), 10);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, cases_before);
  g_assert_cmpuint (count_case_folders (), ==, folders_before);
}

typedef struct
{
  const char *type_name;
  const char *action;
} ButtonWant;

/* A button a person can see and press, on a page of the given type. */
static gboolean
is_shown_button_for (GtkWidget     *widget,
                     gconstpointer  data)
{
  const ButtonWant *want = data;

  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), want->action) == 0 &&
         gtk_widget_get_mapped (widget) &&
         gtk_widget_is_sensitive (widget) &&
         gtk_widget_get_ancestor (widget, g_type_from_name (want->type_name)) != NULL;
}

static gboolean
window_has_case (gpointer data)
{
  return carta_window_get_case (data) != NULL;
}

typedef struct
{
  const char *page;       /* the window's name for the page */
  const char *type_name;  /* the page's type */
  const char *title;      /* of the case made from its empty state */
} EmptyState;

/* A page shown with no case open offers the next step: "Start Your
 * Checklist" in the guide lands on the checklist's, and the Case page
 * offers the same instead of a form that takes no typing. */
static void
test_empty_state_creates_case (gconstpointer data)
{
  const EmptyState *state = data;
  ButtonWant create = { state->type_name, "win.new-case" };
  ButtonWant sample = { state->type_name, "win.sample-case" };
  AdwMessageDialog *dialog;
  CartaWindow *window;
  GtkWidget *button;
  GtkEntry *entry;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  carta_window_set_case (window, NULL);
  g_assert_null (carta_window_get_case (window));

  /* For the checklist, what the guide's "Start Your Checklist" button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", state->page));
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_nonnull (carta_test_find_widget (GTK_WIDGET (window), is_shown_button_for, &sample));
  button = carta_test_find_widget (GTK_WIDGET (window), is_shown_button_for, &create);
  g_assert_nonnull (button);

  gtk_widget_activate (button);
  carta_test_wait_until (dialog_shown, NULL, 10);
  dialog = carta_test_find_dialog ();
  entry = GTK_ENTRY (carta_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), state->title);
  adw_message_dialog_response (dialog, "ok");

  carta_test_wait_until (window_has_case, window, 10);
  g_assert_cmpstr (carta_case_get_title (carta_window_get_case (window)), ==, state->title);

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  CartaWindow *window;
  CartaCase   *before;
} CaseChange;

static gboolean
case_changed (gpointer data)
{
  CaseChange *change = data;
  CartaCase *now = carta_window_get_case (change->window);

  return now != NULL && now != change->before;
}

/* The sample case stays within reach from the main menu, even once the
 * family has a case of their own. */
static void
test_menu_opens_sample_again (void)
{
  GListModel *cases = carta_store_get_cases (carta_application_get_store (app));
  CartaWindow *window;
  GtkWidget *menu_button;
  CaseChange change;
  guint before;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Our own case"));
  g_assert_nonnull (carta_window_get_case (window));

  menu_button = carta_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "win.sample-case"));

  before = g_list_model_get_n_items (cases);
  change.window = window;
  change.before = carta_window_get_case (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sample-case", NULL));
  carta_test_wait_until (case_changed, &change, 20);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before + 1);
  g_assert_cmpstr (carta_case_get_title (carta_window_get_case (window)), !=, "Our own case");

  /* And again: the menu is not a one-time offer. */
  change.before = carta_window_get_case (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sample-case", NULL));
  carta_test_wait_until (case_changed, &change, 20);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before + 2);

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

static const EmptyState checklist_empty = { "checklist", "CartaChecklistPage", "From the empty checklist" };
static const EmptyState case_page_empty = { "case", "CartaProfilePage", "From the empty Case page" };

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static const char *
case_row_subtitle (CartaWindow *window,
                   const char  *title)
{
  GtkWidget *row = carta_test_find_widget (GTK_WIDGET (window), is_row_titled, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Two cases of the same name are told apart in the case list by their
 * last change, and each row says how far along it is. */
static void
test_case_list_change_and_progress (void)
{
  CartaStore *store = carta_application_get_store (app);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CartaCase) older = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *ready = NULL;
  CartaWindow *window;
  CartaCase *kase;
  GListModel *items;
  guint n_ready = 0, total = 0;
  const char *subtitle;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Row case"));
  kase = carta_window_get_case (window);
  items = carta_case_get_items (kase);
  carta_checklist_template_count (carta_checklist_template_get_default (), items, NULL, &n_ready, &total);
  g_assert_cmpuint (total, >, 1);

  subtitle = case_row_subtitle (window, "Row case");
  g_assert_nonnull (strstr (subtitle, "Changed today"));
  expected = g_strdup_printf ("%u of %u records ready", n_ready, total);
  g_assert_nonnull (strstr (subtitle, expected));

  /* A record received moves the count on the row at once. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (!carta_checklist_template_is_item_optional (carta_checklist_template_get_default (), item) &&
          !carta_item_status_is_ready (carta_checklist_item_get_status (item)))
        {
          carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_RECEIVED);
          break;
        }
    }
  ready = g_strdup_printf ("%u of %u records ready", n_ready + 1, total);
  g_assert_nonnull (strstr (case_row_subtitle (window, "Row case"), ready));

  /* A copy of the same name last changed on another day says which day. */
  node = carta_case_to_json (kase);
  json_object_set_string_member (json_node_get_object (node), "id", "0b6f7c1e-4d2a-4c1b-9a53-2f0d3e9b7a61");
  json_object_set_string_member (json_node_get_object (node), "title", "Row case, older");
  json_object_set_string_member (json_node_get_object (node), "modified", "2024-03-05T10:00:00Z");
  older = carta_case_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (carta_store_add_case (store, older, &error));
  g_assert_no_error (error);
  subtitle = case_row_subtitle (window, "Row case, older");
  g_assert_nonnull (strstr (subtitle, "Changed 5 Mar 2024"));
  g_assert_nonnull (strstr (subtitle, "records ready"));

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-window", &argc, &argv);
  int status;

  app = carta_test_start_application ();

  g_test_add_func ("/window/create-case-and-reload", test_create_case_and_reload);
  g_test_add_func ("/window/create-action-and-delete", test_create_action_and_delete);
  g_test_add_func ("/window/change-to-other-case-saved", test_change_to_other_case_saved);
  g_test_add_func ("/window/close-while-making-sample", test_close_while_making_sample);
  g_test_add_data_func ("/window/checklist-empty-state-creates-case", &checklist_empty, test_empty_state_creates_case);
  g_test_add_data_func ("/window/case-page-empty-state-creates-case", &case_page_empty, test_empty_state_creates_case);
  g_test_add_func ("/window/menu-opens-sample-again", test_menu_opens_sample_again);
  g_test_add_func ("/window/case-list-change-and-progress", test_case_list_change_and_progress);

  status = g_test_run ();
  g_clear_object (&app);

  carta_test_remove_home (home);

  return status;
}

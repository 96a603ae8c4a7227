/* test-keyboard.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "carta-application.h"
#include "carta-checklist-row.h"
#include "carta-test-ui.h"
#include "carta-window.h"

/* The window's keyboard shortcuts, through the same tables GTK reads
 * when a key is pressed: the application's accelerators and the
 * window's own key bindings. */

static CartaApplication *app;

static CartaWindow *
window_with_sample (void)
{
  return CARTA_WINDOW (carta_test_window_with_sample (app));
}

/* Does what pressing @accel in @window does with the application's
 * accelerators; fails if it does nothing. */
static void
press_accel (CartaWindow *window,
             const char  *accel)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (actions);
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target));
}

static const char *
visible_page (CartaWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (carta_test_find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

/* Alt+1…4 switch the pages in the switcher's order. */
static void
test_alt_number_switches_page (void)
{
  static const char *pages[] = { "guide", "checklist", "case", "export" };
  CartaWindow *window = window_with_sample ();

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        /* Backwards the second time, so each key really moves. */
        guint n = round == 0 ? i : G_N_ELEMENTS (pages) - 1 - i;
        g_autofree char *accel = g_strdup_printf ("<Alt>%u", n + 1);

        press_accel (window, accel);
        g_assert_cmpstr (visible_page (window), ==, pages[n]);
      }
}

/* The key bindings the window class holds for @keyval, run as a key
 * press would run them. Returns whether one took the key. */
static gboolean
press_binding (GtkWidget *widget,
               guint      keyval)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            continue;

          found = TRUE;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  g_assert_true (found);
  return FALSE;
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  item)
{
  return CARTA_IS_CHECKLIST_ROW (widget) &&
         carta_checklist_row_get_item (CARTA_CHECKLIST_ROW (widget)) == item;
}

typedef struct
{
  GtkWidget          *page;
  CartaChecklistItem *item;
} RowWait;

static gboolean
has_row (gpointer data)
{
  RowWait *wait = data;

  return carta_test_find_widget (wait->page, is_row_of, wait->item) != NULL;
}

static gboolean
has_no_row (gpointer data)
{
  return !has_row (data);
}

/* Escape leaves an open record for the checklist, with the keyboard on
 * the record's row; with no record open it is left to others. */
static void
test_escape_leaves_record (void)
{
  CartaWindow *window = window_with_sample ();
  GListModel *items = carta_case_get_items (carta_window_get_case (window));
  g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, 1);
  GtkWidget *page;
  GtkWidget *row;
  GtkStack *stack;
  RowWait wait;

  /* The list is built once shown. */
  press_accel (window, "<Alt>2");
  page = carta_test_find_widget_of_type (GTK_WIDGET (window), g_type_from_name ("CartaChecklistPage"));
  wait.page = page;
  wait.item = item;
  carta_test_wait_until (has_row, &wait, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                             carta_checklist_item_get_id (item)));
  stack = GTK_STACK (gtk_widget_get_first_child (page));
  g_assert_cmpstr (visible_page (window), ==, "checklist");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "item");

  g_assert_true (press_binding (GTK_WIDGET (window), GDK_KEY_Escape));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  row = carta_test_find_widget (page, is_row_of, item);
  g_assert_nonnull (row);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);

  /* Nothing open: Escape goes on to whoever else wants it. */
  g_assert_false (press_binding (GTK_WIDGET (window), GDK_KEY_Escape));

  /* A record open behind another page stays open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                             carta_checklist_item_get_id (item)));
  press_accel (window, "<Alt>3");
  g_assert_false (press_binding (GTK_WIDGET (window), GDK_KEY_Escape));
  press_accel (window, "<Alt>2");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "item");
  g_assert_true (press_binding (GTK_WIDGET (window), GDK_KEY_Escape));
}

/* Ctrl+F opens the guide's search, with the cursor in it, from the
 * pages with nothing of their own to search. */
static void
test_ctrl_f_searches_guide (void)
{
  CartaWindow *window = window_with_sample ();
  GtkSearchBar *bar;
  GtkWidget *focus;

  press_accel (window, "<Alt>3");
  press_accel (window, "<Control>f");
  g_assert_cmpstr (visible_page (window), ==, "guide");
  bar = GTK_SEARCH_BAR (carta_test_find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  gtk_search_bar_set_search_mode (bar, FALSE);
}

static gboolean
is_shown_status (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

/* On the checklist, Ctrl+F searches the records by their titles, even
 * from an open record; closing the search shows them all again. */
static void
test_ctrl_f_searches_checklist (void)
{
  CartaWindow *window = window_with_sample ();
  GListModel *items = carta_case_get_items (carta_window_get_case (window));
  g_autoptr(CartaChecklistItem) wanted = g_list_model_get_item (items, 0);
  g_autoptr(CartaChecklistItem) other = NULL;
  GtkWidget *page;
  GtkSearchBar *bar;
  GtkEditable *entry;
  GtkStack *stack;
  RowWait wait;
  const char *title;

  press_accel (window, "<Alt>2");
  page = carta_test_find_widget_of_type (GTK_WIDGET (window), g_type_from_name ("CartaChecklistPage"));
  stack = GTK_STACK (gtk_widget_get_first_child (page));
  wait.page = page;
  wait.item = wanted;
  carta_test_wait_until (has_row, &wait, 10);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (carta_test_find_widget (page, is_row_of, wanted)));
  for (guint i = 1; other == NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GtkWidget *row = carta_test_find_widget (page, is_row_of, item);

      if (row != NULL && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == NULL)
        other = g_steal_pointer (&item);
    }
  g_assert_nonnull (other);

  /* From an open record, back to the list with the search open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                             carta_checklist_item_get_id (other)));
  press_accel (window, "<Control>f");
  g_assert_cmpstr (visible_page (window), ==, "checklist");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  bar = GTK_SEARCH_BAR (carta_test_find_widget_of_type (page, GTK_TYPE_SEARCH_BAR));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  entry = GTK_EDITABLE (carta_test_find_widget_of_type (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  /* Whatever the case of the letters. */
  {
    g_autofree char *upper = g_utf8_strup (title, -1);
    gtk_editable_set_text (entry, upper);
  }
  /* The entry says what changed after a short pause. */
  wait.item = other;
  carta_test_wait_until (has_no_row, &wait, 10);
  g_assert_nonnull (carta_test_find_widget (page, is_row_of, wanted));

  gtk_editable_set_text (entry, "no record is called this");
  wait.item = wanted;
  carta_test_wait_until (has_no_row, &wait, 10);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_nonnull (carta_test_find_widget (page, is_shown_status, "No Matching Records"));

  gtk_search_bar_set_search_mode (bar, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_nonnull (carta_test_find_widget (page, is_row_of, wanted));
  g_assert_nonnull (carta_test_find_widget (page, is_row_of, other));
}

static gboolean
is_shortcut (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_SHORTCUTS_SHORTCUT (widget);
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *found)
{
  if (is_shortcut (widget, NULL))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, found);
}

static GtkShortcutsWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        return GTK_SHORTCUTS_WINDOW (toplevel);
    }

  return NULL;
}

/* Every shortcut in the shortcuts window shows a key, and the new ones
 * are there. */
static void
test_shortcuts_window_lists_them (void)
{
  const char *wanted[] = {
    "win.show-page::guide", "win.show-page::checklist", "win.show-page::case",
    "win.show-page::export", "win.search", NULL,
  };
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  CartaWindow *window = window_with_sample ();
  GtkShortcutsWindow *overlay;
  gboolean escape = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = find_shortcuts_window ();
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 0);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkWidget *shortcut = g_ptr_array_index (shortcuts, i);
      GtkShortcutLabel *label = GTK_SHORTCUT_LABEL (carta_test_find_widget_of_type (shortcut, GTK_TYPE_SHORTCUT_LABEL));
      g_autofree char *title = NULL;
      g_autofree char *action = NULL;
      const char *accel;

      g_object_get (shortcut, "title", &title, "action-name", &action, NULL);
      accel = gtk_shortcut_label_get_accelerator (label);
      g_test_message ("%s: %s (%s)", title, accel, action);
      g_assert_nonnull (accel);
      g_assert_cmpstr (accel, !=, "");

      if (g_str_has_prefix (accel, "Escape"))
        escape = TRUE;
      for (guint j = 0; wanted[j] != NULL; j++)
        if (g_strcmp0 (action, wanted[j]) == 0)
          wanted[j] = "";
    }

  for (guint j = 0; wanted[j] != NULL; j++)
    g_assert_cmpstr (wanted[j], ==, "");
  g_assert_true (escape);

  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-keyboard", &argc, &argv);
  int status;

  app = carta_test_start_application ();

  g_test_add_func ("/keyboard/alt-number-switches-page", test_alt_number_switches_page);
  g_test_add_func ("/keyboard/escape-leaves-record", test_escape_leaves_record);
  g_test_add_func ("/keyboard/ctrl-f-searches-guide", test_ctrl_f_searches_guide);
  g_test_add_func ("/keyboard/ctrl-f-searches-checklist", test_ctrl_f_searches_checklist);
  g_test_add_func ("/keyboard/shortcuts-window-lists-them", test_shortcuts_window_lists_them);

  status = g_test_run ();
  g_clear_object (&app);
  carta_test_remove_home (home);

  return status;
}

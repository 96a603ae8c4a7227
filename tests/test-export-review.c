/* test-export-review.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export page's review, on the real window: a value to check takes
 * the family to its field on the Case page, a record still missing opens
 * in the checklist, and a record whose value the Case page holds says so.
 */

#include "config.h"

#include <string.h>

#include "carta-application.h"
#include "carta-checklist-page-private.h"
#include "carta-checklist-template.h"
#include "carta-export-page-private.h"
#include "carta-test-ui.h"
#include "carta-window-private.h"

static CartaApplication *app;

static CartaWindow *
open_window_with_case (void)
{
  CartaWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Review"));
  g_assert_nonnull (carta_window_get_case (window));

  return window;
}

static void
close_window (CartaWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

static CartaExportPage *
show_export_page (CartaWindow *window)
{
  carta_window_show_page (window, "export");
  return CARTA_EXPORT_PAGE (window->export_page);
}

enum { TO_CHECK, MISSING, COVERED };

/* The lists of the review, in their order on the page. */
static GtkListBox *
review_list (CartaExportPage *page,
             guint            which)
{
  GtkListBox *lists[3];

  _carta_export_page_get_review_lists (page, &lists[TO_CHECK], &lists[MISSING], &lists[COVERED]);
  return lists[which];
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

typedef struct
{
  GtkListBox *list;
  const char *title;
} RowWait;

static gboolean
list_has_row (gpointer data)
{
  RowWait *wait = data;

  return gtk_widget_get_mapped (GTK_WIDGET (wait->list)) &&
         carta_test_find_widget (GTK_WIDGET (wait->list), is_row_titled, wait->title) != NULL;
}

/* Waits for the row titled @title in @list, shown. */
static GtkWidget *
wait_for_row (GtkListBox *list,
              const char *title)
{
  RowWait wait = { list, title };

  carta_test_wait_until (list_has_row, &wait, 10);
  return carta_test_find_widget (GTK_WIDGET (list), is_row_titled, title);
}

/* What a person does with the keyboard: Tab to the row, then Enter. */
static void
activate_row (GtkWidget *row)
{
  g_assert_true (gtk_widget_get_focusable (row));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_activate (row));
}

typedef struct
{
  CartaWindow *window;
  GtkWidget   *target;
} FocusWait;

/* The Case page is shown, the focus is in @target and the scrolled
 * window shows the whole row that has the focus. */
static gboolean
field_focused (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));
  GtkWidget *scrolled, *row;
  graphene_rect_t bounds;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (wait->window->view_stack), "case") != 0 ||
      focus == NULL || (focus != wait->target && !gtk_widget_is_ancestor (focus, wait->target)))
    return FALSE;

  row = ADW_IS_PREFERENCES_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW);
  scrolled = gtk_widget_get_ancestor (wait->target, GTK_TYPE_SCROLLED_WINDOW);
  return scrolled != NULL && row != NULL &&
         gtk_widget_compute_bounds (row, scrolled, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static void
test_value_to_check_shows_field (void)
{
  CartaWindow *window = open_window_with_case ();
  CartaCase *kase = carta_window_get_case (window);
  g_autoptr(CartaLabResult) lab = carta_lab_result_new ();
  g_autofree char *lab_title = NULL;
  CartaExportPage *page;
  GtkWidget *row;
  GtkWidget *cd19_row;
  GtkWidget *labs_group;
  FocusWait wait = { window, NULL };

  carta_diagnosis_set_cd19_percent (carta_case_get_diagnosis (kase), "150");
  carta_lab_result_set_kind (lab, CARTA_LAB_KIND_LVEF);
  carta_lab_result_set_value (lab, "155");
  carta_clinical_status_insert_lab (carta_case_get_clinical_status (kase), 0, lab);

  page = show_export_page (window);
  row = wait_for_row (review_list (page, TO_CHECK), "CD19: 150");
  /* The values to check come before what is missing. */
  {
    GtkWidget *to_check = gtk_widget_get_ancestor (GTK_WIDGET (review_list (page, TO_CHECK)), ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *missing = gtk_widget_get_ancestor (GTK_WIDGET (review_list (page, MISSING)), ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *sibling = to_check;

    g_assert_true (gtk_widget_get_visible (to_check));
    while (sibling != NULL && sibling != missing)
      sibling = gtk_widget_get_next_sibling (sibling);
    g_assert_true (sibling == missing);
  }
  activate_row (row);

  cd19_row = carta_test_find_widget (window->profile_page, is_row_titled, "CD19 positive, in percent");
  g_assert_nonnull (cd19_row);
  wait.target = cd19_row;
  carta_test_wait_until (field_focused, &wait, 10);

  /* A lab result far down the page: its record opens, scrolled to. */
  carta_window_show_page (window, "export");
  lab_title = g_strdup_printf ("%s: 155", carta_lab_result_get_display_name (lab));
  row = wait_for_row (review_list (page, TO_CHECK), lab_title);
  activate_row (row);
  labs_group = gtk_widget_get_ancestor (carta_test_find_widget (window->profile_page, is_row_titled,
                                                                carta_lab_result_get_display_name (lab)),
                                        ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (labs_group);
  wait.target = carta_test_find_widget (labs_group, is_row_titled, carta_lab_result_get_display_name (lab));
  g_assert_true (ADW_IS_EXPANDER_ROW (wait.target));
  carta_test_wait_until (field_focused, &wait, 10);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (wait.target)));

  /* A date folded in the CNS details: the details open on it. */
  carta_diagnosis_set_lumbar_puncture_date (carta_case_get_diagnosis (kase), "2099-01-01");
  carta_window_show_page (window, "export");
  row = wait_for_row (review_list (page, TO_CHECK), "Lumbar puncture: 2099-01-01");
  activate_row (row);
  wait.target = carta_test_find_widget (window->profile_page, is_row_titled, "Date of the lumbar puncture");
  g_assert_nonnull (wait.target);
  carta_test_wait_until (field_focused, &wait, 10);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (wait.target,
                                                                                          ADW_TYPE_EXPANDER_ROW))));

  /* Fixed on the Case page, the value leaves the review. */
  carta_diagnosis_set_cd19_percent (carta_case_get_diagnosis (kase), "95");
  carta_window_show_page (window, "export");
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (carta_test_find_widget (GTK_WIDGET (review_list (page, TO_CHECK)), is_row_titled, "CD19: 150"));

  close_window (window);
}

typedef struct
{
  CartaWindow        *window;
  CartaChecklistItem *item;
} RecordWait;

static gboolean
record_open (gpointer data)
{
  RecordWait *wait = data;
  CartaItemView *view = _carta_checklist_page_get_item_view (CARTA_CHECKLIST_PAGE (wait->window->checklist_page));

  return g_strcmp0 (adw_view_stack_get_visible_child_name (wait->window->view_stack), "checklist") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         carta_item_view_get_item (view) == wait->item;
}

static CartaChecklistItem *
find_record (CartaCase  *kase,
             const char *key)
{
  CartaChecklistItem *item = carta_checklist_template_find_case_item (carta_checklist_template_get_default (),
                                                                      kase, key);

  g_assert_nonnull (item);
  return item;
}

static void
test_missing_record_opens_it (void)
{
  CartaWindow *window = open_window_with_case ();
  CartaCase *kase = carta_window_get_case (window);
  CartaExportPage *page = show_export_page (window);
  RecordWait wait = { window, find_record (kase, "pathology-report") };
  GtkWidget *row;
  GtkWidget *name_row;
  FocusWait focus = { window, NULL };

  row = wait_for_row (review_list (page, MISSING), "Original pathology report");
  activate_row (row);
  carta_test_wait_until (record_open, &wait, 10);

  /* A field of the Case page still empty takes the family there. */
  carta_window_show_page (window, "export");
  row = wait_for_row (review_list (page, MISSING), "Full name as in the passport");
  activate_row (row);
  name_row = carta_test_find_widget (window->profile_page, is_row_titled, "Full name as in the passport");
  g_assert_nonnull (name_row);
  focus.target = name_row;
  carta_test_wait_until (field_focused, &focus, 10);

  close_window (window);
}

static void
test_record_on_case_page (void)
{
  CartaWindow *window = open_window_with_case ();
  CartaCase *kase = carta_window_get_case (window);
  CartaExportPage *page = show_export_page (window);
  RecordWait wait = { window, find_record (kase, "ecog") };
  const char *title = "ECOG performance status from the treating doctor (for children, Lansky or Karnofsky)";
  GtkWidget *row;

  /* Empty, the record is missing. */
  wait_for_row (review_list (page, MISSING), title);
  g_assert_null (carta_test_find_widget (GTK_WIDGET (review_list (page, COVERED)), is_row_titled, title));

  carta_clinical_status_set_ecog (carta_case_get_clinical_status (kase), 1);
  row = wait_for_row (review_list (page, COVERED), title);
  g_assert_null (carta_test_find_widget (GTK_WIDGET (review_list (page, MISSING)), is_row_titled, title));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "ECOG 1"));

  activate_row (row);
  carta_test_wait_until (record_open, &wait, 10);

  close_window (window);
}

/* Every row of the review is a Tab stop that does something. */
static void
test_no_idle_tab_stops (void)
{
  CartaWindow *window = open_window_with_case ();
  CartaCase *kase = carta_window_get_case (window);
  CartaExportPage *page = show_export_page (window);
  GtkListBox *lists[] = {
    review_list (page, TO_CHECK),
    review_list (page, MISSING),
    review_list (page, COVERED),
  };
  guint rows = 0;

  carta_diagnosis_set_bcma_percent (carta_case_get_diagnosis (kase), "about half");
  carta_clinical_status_set_ecog (carta_case_get_clinical_status (kase), 2);
  wait_for_row (lists[0], "BCMA: about half");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[i])); row; row = gtk_widget_get_next_sibling (row))
      {
        g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
        g_assert_nonnull (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)));
        g_assert_nonnull (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)));
        rows++;
      }
  g_assert_cmpuint (rows, >, 10);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-export-review", &argc, &argv);
  int status;

  app = carta_test_start_application ();

  g_test_add_func ("/export-review/value-to-check-shows-field", test_value_to_check_shows_field);
  g_test_add_func ("/export-review/missing-record-opens-it", test_missing_record_opens_it);
  g_test_add_func ("/export-review/record-on-case-page", test_record_on_case_page);
  g_test_add_func ("/export-review/no-idle-tab-stops", test_no_idle_tab_stops);

  status = g_test_run ();
  g_clear_object (&app);

  carta_test_remove_home (home);

  return status;
}

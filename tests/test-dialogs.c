/* test-dialogs.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "carta-application.h"
#include "carta-bundle-writer.h"
#include "carta-checklist-page.h"
#include "carta-test-ui.h"
#include "carta-window-private.h"

/* Questions with an entry, through the real window: Enter answers once
 * and closes the dialog, and nothing that comes after (a click on the
 * button, a second Enter) answers again (issue 15). */

#define PASSPHRASE "seven blue kites over the river"

static CartaApplication *app;
static CartaWindow *window;
static char *work_dir;

static guint
count_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        n++;
    }

  return n;
}

static gboolean
dialog_shown (gpointer data)
{
  return carta_test_find_dialog () != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return count_dialogs () == 0;
}

static gboolean
dialog_with_heading (gpointer data)
{
  AdwMessageDialog *dialog = carta_test_find_dialog ();

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), data) == 0;
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
find_button (AdwMessageDialog *dialog,
             const char       *label)
{
  GtkWidget *button = carta_test_find_widget (GTK_WIDGET (dialog), is_labelled, label);

  g_assert_nonnull (button);
  return button;
}

/* As the Enter key does: the entry's text activates, the entry passes it on. */
static void
press_enter (GtkWidget *entry)
{
  GtkWidget *text = carta_test_find_widget_of_type (entry, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

typedef enum
{
  THEN_NOTHING,
  THEN_ENTER,
  THEN_CLICK,
} Then;

/* Types @text in the dialog on screen and presses Enter; then, with the
 * dialog still held as a hand could still reach it, presses Enter again
 * or clicks the button labelled @label. */
static void
answer_with_enter (const char *text,
                   const char *label,
                   Then        then)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autoptr(GtkWidget) entry = NULL;
  g_autoptr(GtkWidget) button = NULL;

  carta_test_wait_until (dialog_shown, NULL, 10);
  g_assert_cmpuint (count_dialogs (), ==, 1);
  dialog = g_object_ref (carta_test_find_dialog ());
  entry = g_object_ref (adw_message_dialog_get_extra_child (dialog));
  button = g_object_ref (find_button (dialog, label));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (gtk_widget_is_sensitive (button));

  press_enter (entry);
  if (then == THEN_ENTER)
    press_enter (entry);
  else if (then == THEN_CLICK)
    g_signal_emit_by_name (button, "clicked");

  /* The dialog went away with the answer. */
  carta_test_wait_until (no_dialog, NULL, 5);
}

static void
new_case_once (gconstpointer data)
{
  GListModel *cases = carta_store_get_cases (carta_application_get_store (app));
  guint before = g_list_model_get_n_items (cases);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  answer_with_enter ("Grandma's case", "C_reate", GPOINTER_TO_INT (data));

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before + 1);
  g_assert_cmpstr (carta_case_get_title (carta_window_get_case (window)), ==, "Grandma's case");
}

static guint
count_items_titled (CartaCase  *kase,
                    const char *title)
{
  GListModel *items = carta_case_get_items (kase);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (carta_checklist_item_get_title (item), title) == 0)
        n++;
    }

  return n;
}

static void
add_record_once (gconstpointer data)
{
  GtkWidget *page;
  CartaCase *kase;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Records"));
  kase = carta_window_get_case (window);
  carta_window_show_page (window, "checklist");
  page = carta_test_find_widget_of_type (GTK_WIDGET (window), CARTA_TYPE_CHECKLIST_PAGE);
  g_assert_nonnull (page);

  g_assert_true (gtk_widget_activate_action (page, "checklist.add-item", "s", "diagnosis"));
  answer_with_enter ("Lumbar puncture report", "_Add", GPOINTER_TO_INT (data));

  g_assert_cmpuint (count_items_titled (kase, "Lumbar puncture report"), ==, 1);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static gboolean
open_finished (gpointer data)
{
  return window->open_reader == NULL;
}

/* A wrong passphrase given with Enter, then a click on Open: one open
 * runs, and one dialog says the passphrase was wrong. */
static void
test_passphrase_once (void)
{
  g_autofree char *path = g_build_filename (work_dir, "encrypted.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autoptr(CartaBundleWriter) writer = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  CartaStore *store = carta_application_get_store (app);
  AdwMessageDialog *dialog;
  CartaCase *kase;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-case", "s", "Encrypted"));
  kase = carta_window_get_case (window);
  dir = carta_store_get_case_dir (store, kase);
  writer = carta_bundle_writer_new (kase, dir);
  carta_bundle_writer_set_passphrase (writer, PASSPHRASE);
  g_assert_true (carta_bundle_writer_write (writer, bundle, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  _carta_window_open_bundle (window, bundle);
  carta_test_wait_until (dialog_with_heading, (gpointer) "This Bundle Is Encrypted", 60);
  answer_with_enter ("not the passphrase", "_Open", THEN_CLICK);

  carta_test_wait_until (dialog_with_heading, (gpointer) "Wrong Passphrase", 60);
  g_assert_cmpuint (count_dialogs (), ==, 1);

  /* Answered without closing it, the dialog does not stay under the
   * one that asks again. */
  dialog = carta_test_find_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "still wrong");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (dialog, "open");
  carta_test_wait_until (is_null, &dialog, 60);
  carta_test_wait_until (dialog_with_heading, (gpointer) "Wrong Passphrase", 60);
  g_assert_cmpuint (count_dialogs (), ==, 1);

  g_signal_emit_by_name (find_button (carta_test_find_dialog (), "_Cancel"), "clicked");
  carta_test_wait_until (open_finished, NULL, 60);
  carta_test_wait_until (no_dialog, NULL, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-dialogs", &argc, &argv);
  int status;

  work_dir = g_build_filename (home, "work", NULL);
  g_mkdir_with_parents (work_dir, 0700);

  app = carta_test_start_application ();
  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  g_test_add_data_func ("/dialogs/new-case/enter", GINT_TO_POINTER (THEN_NOTHING), new_case_once);
  g_test_add_data_func ("/dialogs/new-case/enter-enter", GINT_TO_POINTER (THEN_ENTER), new_case_once);
  g_test_add_data_func ("/dialogs/new-case/enter-click", GINT_TO_POINTER (THEN_CLICK), new_case_once);
  g_test_add_data_func ("/dialogs/add-record/enter", GINT_TO_POINTER (THEN_NOTHING), add_record_once);
  g_test_add_data_func ("/dialogs/add-record/enter-click", GINT_TO_POINTER (THEN_CLICK), add_record_once);
  g_test_add_func ("/dialogs/passphrase-once", test_passphrase_once);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_pointer (&work_dir, g_free);

  carta_test_remove_home (home);

  return status;
}

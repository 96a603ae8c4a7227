/* test-bundle-window.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "carta-application.h"
#include "carta-bundle-writer.h"
#include "carta-export-page-private.h"
#include "carta-last-bundle.h"
#include "carta-send-dialog-private.h"
#include "carta-test-dav.h"
#include "carta-test-ui.h"
#include "carta-upload-result-private.h"
#include "carta-window-private.h"

/* The sample case, export, open a bundle and the send history, driven
 * through the real window. One application for the whole run; the tests
 * build on each other (the sample case is made once). */

#define PASSPHRASE "seven blue kites over the river"

static CartaApplication *app;
static CartaWindow *window;
static char *work_dir;
static char *sample_id;

typedef struct
{
  const char *heading;
} DialogWait;

static gboolean
dialog_with_heading (gpointer data)
{
  DialogWait *wait = data;
  AdwMessageDialog *dialog = carta_test_find_dialog ();

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), wait->heading) == 0;
}

static gboolean
case_has_title (gpointer data)
{
  CartaCase *kase = carta_window_get_case (window);

  return kase != NULL && g_strcmp0 (carta_case_get_title (kase), data) == 0;
}

static gboolean
case_differs (gpointer data)
{
  CartaCase *kase = carta_window_get_case (window);

  return kase != NULL && kase != data;
}

static gboolean
page_idle (gpointer data)
{
  return !_carta_export_page_is_busy (data);
}

static CartaExportPage *
get_export_page (void)
{
  GtkWidget *page = carta_test_find_widget_of_type (GTK_WIDGET (window), CARTA_TYPE_EXPORT_PAGE);

  g_assert_nonnull (page);
  return CARTA_EXPORT_PAGE (page);
}

static CartaCase *
get_sample (void)
{
  CartaCase *kase = carta_store_find_case (carta_application_get_store (app), sample_id);

  g_assert_nonnull (kase);
  return kase;
}

static void
assert_files_exist (CartaCase *kase)
{
  g_autoptr(GFile) dir = carta_store_get_case_dir (carta_application_get_store (app), kase);
  GListModel *items = carta_case_get_items (kase);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          g_autoptr(GFile) file = g_file_resolve_relative_path (dir, carta_attachment_get_stored_path (attachment));
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);

          g_assert_nonnull (info);
          /* A disc is a folder; a document's size is what the case says. */
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
            g_assert_cmpuint (g_file_info_get_size (info), ==, carta_attachment_get_size (attachment));
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 0);
}

static void
assert_same_checklist (CartaCase *a,
                       CartaCase *b)
{
  GListModel *ia = carta_case_get_items (a);
  GListModel *ib = carta_case_get_items (b);

  g_assert_cmpstr (carta_case_get_title (a), ==, carta_case_get_title (b));
  g_assert_cmpstr (carta_patient_get_name (carta_case_get_patient (a)), ==,
                   carta_patient_get_name (carta_case_get_patient (b)));
  g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
  for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
    {
      g_autoptr(CartaChecklistItem) x = g_list_model_get_item (ia, i);
      g_autoptr(CartaChecklistItem) y = g_list_model_get_item (ib, i);

      g_assert_cmpstr (carta_checklist_item_get_title (x), ==, carta_checklist_item_get_title (y));
      g_assert_cmpint (carta_checklist_item_get_status (x), ==, carta_checklist_item_get_status (y));
      g_assert_cmpuint (g_list_model_get_n_items (carta_checklist_item_get_attachments (x)), ==,
                        g_list_model_get_n_items (carta_checklist_item_get_attachments (y)));
    }
  g_assert_cmpuint (carta_case_count_attachments (a), ==, carta_case_count_attachments (b));
}

static void click_response (AdwMessageDialog *dialog,
                            const char       *label);

/* The question a bundle of a case already here asks; answers it. */
static void
answer_same_case (const char *label)
{
  DialogWait wait = { "This Case Is Already Here" };
  AdwMessageDialog *dialog;

  carta_test_wait_until (dialog_with_heading, &wait, 60);
  dialog = carta_test_find_dialog ();
  /* Three answers: Cancel, Replace, Keep Both. */
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  /* Which one is newer is said: the choice turns on it. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The one here was last changed on "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ", the one in the bundle on "));
  click_response (dialog, label);
}

static gboolean
no_dialog (gpointer data)
{
  return carta_test_find_dialog () == NULL;
}

static gboolean
is_mapped_button (GtkWidget     *widget,
                  gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The Undo button is there, and no other toast is still on its way out:
 * libadwaita 1.2 fails an assertion when a toast it put aside comes back
 * before it was quite hidden. */
static gboolean
has_undo_button (gpointer data)
{
  GtkWidget *button = carta_test_find_widget (GTK_WIDGET (window), is_mapped_button, "_Undo");
  GtkWidget *overlay = button ? gtk_widget_get_ancestor (button, ADW_TYPE_TOAST_OVERLAY) : NULL;
  guint children = 0;

  if (overlay == NULL)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    children++;
  /* The page and the one toast. */
  return children == 2;
}

static gboolean
open_idle (gpointer data)
{
  return window->open_reader == NULL;
}

static void
assert_no_staging (void)
{
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "carta", "cases", NULL);
  g_autoptr(GDir) entries = g_dir_open (root, 0, NULL);
  const char *name;

  g_assert_nonnull (entries);
  while ((name = g_dir_read_name (entries)))
    g_assert_false (g_str_has_prefix (name, ".import-"));
}

static void
test_sample_case (void)
{
  g_autoptr(CartaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cases = carta_store_get_cases (carta_application_get_store (app));
  CartaCase *kase;
  CartaCase *saved;

  g_assert_null (carta_window_get_case (window));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sample-case", NULL));
  carta_test_wait_until (case_has_title, (gpointer)"Sample case (fictional)", 60);

  kase = carta_window_get_case (window);
  sample_id = g_strdup (carta_case_get_id (kase));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_items (kase)), >=, 5);
  g_assert_cmpuint (carta_case_count_attachments (kase), >=, 3);
  assert_files_exist (kase);

  /* It is on disk, as any case. */
  store = carta_store_new_default ();
  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);
  saved = carta_store_find_case (store, sample_id);
  g_assert_nonnull (saved);
  assert_same_checklist (kase, saved);
}

static void
test_export_and_open (void)
{
  CartaStore *store = carta_application_get_store (app);
  GListModel *cases = carta_store_get_cases (store);
  CartaCase *sample = get_sample ();
  CartaExportPage *page = get_export_page ();
  g_autofree char *path = g_build_filename (work_dir, "sample.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CartaSendRecord) record = NULL;
  CartaCase *opened;
  guint before;

  carta_window_set_case (window, sample);
  carta_window_show_page (window, "export");
  g_assert_null (_carta_export_page_get_bundle (page));

  /* A send history stays at home: it must not travel in the bundle. */
  record = carta_send_record_new (now, "other-team.example.org", "earlier.zip",
                                  "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1, TRUE);
  carta_case_add_send (sample, record);

  _carta_export_page_export_to (page, bundle);
  g_assert_true (_carta_export_page_is_busy (page));
  carta_test_wait_until (page_idle, page, 60);
  g_assert_true (g_file_query_exists (bundle, NULL));
  g_assert_nonnull (_carta_export_page_get_bundle (page));
  g_assert_true (g_file_equal (_carta_export_page_get_bundle (page), bundle));

  before = g_list_model_get_n_items (cases);
  _carta_window_open_bundle (window, bundle);
  /* The sample is still here: keeping both, the copy gets an id of its
   * own and a name told apart. */
  answer_same_case ("_Keep Both");
  carta_test_wait_until (case_differs, sample, 60);

  opened = carta_window_get_case (window);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before + 1);
  g_assert_true (carta_store_find_case (store, carta_case_get_id (opened)) == opened);
  g_assert_cmpstr (carta_case_get_id (opened), !=, sample_id);
  g_assert_true (g_str_has_prefix (carta_case_get_title (opened), "Sample case (fictional) (from bundle, "));
  g_assert_cmpstr (carta_case_get_title (sample), ==, "Sample case (fictional)");
  carta_case_set_title (opened, carta_case_get_title (sample));
  assert_same_checklist (sample, opened);
  assert_files_exist (opened);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (sample)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (opened)), ==, 0);

  /* The export page forgets nothing: the sample's bundle is still there
   * to send, the new case has none yet. */
  g_assert_null (_carta_export_page_get_bundle (page));
  carta_window_set_case (window, sample);
  g_assert_nonnull (_carta_export_page_get_bundle (page));
}

/* As a person does: the dialog closes, then answers. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = NULL;
  GtkWidget *widget = GTK_WIDGET (dialog);

  /* Depth-first search for the response button with @label. */
  while (widget != NULL && button == NULL)
    {
      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        button = widget;
      else if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != GTK_WIDGET (dialog) && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = (widget == NULL || widget == GTK_WIDGET (dialog)) ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
answer_passphrase (const char *heading,
                   const char *passphrase)
{
  DialogWait wait = { heading };
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  carta_test_wait_until (dialog_with_heading, &wait, 60);
  dialog = carta_test_find_dialog ();
  entry = carta_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY);
  g_assert_nonnull (entry);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (GTK_EDITABLE (entry), passphrase);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  click_response (dialog, "_Open");
}

static void
test_open_encrypted (void)
{
  CartaStore *store = carta_application_get_store (app);
  GListModel *cases = carta_store_get_cases (store);
  CartaCase *sample = get_sample ();
  g_autofree char *path = g_build_filename (work_dir, "encrypted.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autoptr(GFile) dir = carta_store_get_case_dir (store, sample);
  g_autoptr(CartaBundleWriter) writer = carta_bundle_writer_new (sample, dir);
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (cases);

  carta_bundle_writer_set_passphrase (writer, PASSPHRASE);
  g_assert_true (carta_bundle_writer_write (writer, bundle, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  carta_window_set_case (window, sample);
  _carta_window_open_bundle (window, bundle);

  /* Asked once, told plainly when the passphrase is wrong, asked again. */
  answer_passphrase ("This Bundle Is Encrypted", "not the passphrase");
  answer_passphrase ("Wrong Passphrase", PASSPHRASE);
  answer_same_case ("_Keep Both");
  carta_test_wait_until (case_differs, sample, 60);

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before + 1);
  carta_case_set_title (carta_window_get_case (window), carta_case_get_title (sample));
  assert_same_checklist (sample, carta_window_get_case (window));
}

/* Cancel changes nothing; Replace puts the bundle's copy in the case's
 * place, under its id, with the old one set aside until Undo brings it
 * back. */
static void
test_open_same_case (void)
{
  CartaStore *store = carta_application_get_store (app);
  GListModel *cases = carta_store_get_cases (store);
  CartaCase *sample = get_sample ();
  g_autofree char *path = g_build_filename (work_dir, "sample.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autofree char *aside = g_build_filename (g_get_user_data_dir (), "carta", "cases", NULL);
  g_autofree char *aside_path = NULL;
  guint before = g_list_model_get_n_items (cases);
  CartaCase *copy;

  aside_path = g_strconcat (aside, "/.deleted-", sample_id, NULL);
  carta_window_set_case (window, sample);
  /* Something the bundle does not have, to see which one is where. */
  carta_case_set_title (sample, "Sample case, edited");

  _carta_window_open_bundle (window, bundle);
  answer_same_case ("_Cancel");
  carta_test_wait_until (open_idle, NULL, 60);
  carta_test_wait_until (no_dialog, NULL, 10);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before);
  g_assert_true (carta_store_find_case (store, sample_id) == sample);
  g_assert_true (carta_window_get_case (window) == sample);
  assert_no_staging ();

  _carta_window_open_bundle (window, bundle);
  answer_same_case ("_Replace");
  carta_test_wait_until (case_differs, sample, 60);
  copy = carta_window_get_case (window);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before);
  g_assert_true (carta_store_find_case (store, sample_id) == copy);
  g_assert_cmpstr (carta_case_get_title (copy), ==, "Sample case (fictional)");
  /* The send history stays at home, with the case that replaced it. */
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (copy)), ==,
                    g_list_model_get_n_items (carta_case_get_sends (sample)));
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (copy)), >, 0);
  g_assert_true (g_file_test (aside_path, G_FILE_TEST_IS_DIR));
  assert_files_exist (copy);
  assert_no_staging ();

  /* Undo: the copy goes, the edited case is back, as it was. */
  carta_test_wait_until (has_undo_button, NULL, 10);
  g_signal_emit_by_name (carta_test_find_widget (GTK_WIDGET (window), is_mapped_button, "_Undo"), "clicked");
  g_assert_true (carta_store_find_case (store, sample_id) == sample);
  g_assert_true (carta_window_get_case (window) == sample);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before);
  g_assert_cmpstr (carta_case_get_title (sample), ==, "Sample case, edited");
  g_assert_false (g_file_test (aside_path, G_FILE_TEST_EXISTS));
  assert_files_exist (sample);
  carta_case_set_title (sample, "Sample case (fictional)");
}

static void
test_open_damaged (void)
{
  GListModel *cases = carta_store_get_cases (carta_application_get_store (app));
  g_autofree char *path = g_build_filename (work_dir, "damaged.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  DialogWait wait = { "The Bundle Could Not Be Opened" };
  guint before = g_list_model_get_n_items (cases);

  g_assert_true (g_file_set_contents (path, "PK\003\004 this is not a bundle", -1, NULL));
  _carta_window_open_bundle (window, bundle);
  carta_test_wait_until (dialog_with_heading, &wait, 60);
  click_response (carta_test_find_dialog (), "_Close");

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before);
  /* Nothing half-unpacked stays beside the cases. */
  assert_no_staging ();
}

/* A real bundle cut short before its central directory: libarchive alone
 * read it front to back and the window imported it. */
static void
test_open_truncated (void)
{
  GListModel *cases = carta_store_get_cases (carta_application_get_store (app));
  g_autofree char *sample = g_build_filename (work_dir, "sample.zip", NULL);
  g_autofree char *path = g_build_filename (work_dir, "truncated.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  DialogWait wait = { "The Bundle Could Not Be Opened" };
  guint before = g_list_model_get_n_items (cases);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (sample, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_file_set_contents (path, data, length - 200, NULL));
  _carta_window_open_bundle (window, bundle);
  carta_test_wait_until (dialog_with_heading, &wait, 60);
  click_response (carta_test_find_dialog (), "_Close");

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, before);
  assert_no_staging ();
}

static void
test_send_history (void)
{
  CartaCase *sample = get_sample ();
  CartaExportPage *page = get_export_page ();
  GtkListBox *list = _carta_export_page_get_history_list (page);
  g_autoptr(GDateTime) finished = g_date_time_new_now_utc ();
  g_autoptr(CartaUploadResult) result = NULL;
  g_autoptr(CartaSendRecord) record = NULL;
  g_autoptr(CartaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  CartaCase *reloaded;
  guint rows = 0;

  carta_window_set_case (window, sample);
  carta_window_show_page (window, "export");
  /* The record the export test left, newest first from here on. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 1);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (list)));

  /* What the send dialog's ::sent hands over, token and all. */
  result = _carta_upload_result_new ("cloud.example.org", "Carta-Sample.zip",
                                     "https://cloud.example.org/public.php/dav/files/SeCrEtToKeN/Carta-Sample.zip",
                                     4096, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                     finished, 1.5, TRUE);
  record = carta_send_record_new_from_result (result);
  carta_case_add_send (sample, record);

  rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 2);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (list)));
  g_assert_true (ADW_IS_ACTION_ROW (gtk_widget_get_first_child (GTK_WIDGET (list))));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (GTK_WIDGET (list)))),
                            "cloud.example.org"));

  /* The history is saved with the case, without the token. */
  g_assert_true (carta_window_save_now (window, &error));
  g_assert_no_error (error);
  path = g_build_filename (g_get_user_data_dir (), "carta", "cases", sample_id, "case.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "cloud.example.org"));
  g_assert_null (strstr (contents, "SeCrEtToKeN"));

  store = carta_store_new_default ();
  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);
  reloaded = carta_store_find_case (store, sample_id);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (reloaded)), ==, 2);

  /* The reloaded case lists the same history on the page. */
  carta_window_set_case (window, NULL);
  rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 0);
  carta_export_page_set_case (page, reloaded);
  rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 2);
  carta_export_page_set_case (page, NULL);
}

static gboolean
bundle_remembered (gpointer data)
{
  g_autoptr(GFile) bundle = carta_last_bundle_recall (data, NULL);

  return bundle != NULL;
}

static gboolean
find_send_dialog (gpointer data)
{
  CartaSendDialog **out = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CARTA_IS_SEND_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        *out = CARTA_SEND_DIALOG (toplevel);
    }
  return *out != NULL;
}

static gboolean
send_dialog_idle (gpointer data)
{
  return !_carta_send_dialog_is_busy (data);
}

static gboolean
is_send_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Send to Coordinators…") == 0;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* What a restart leaves: the case as saved, a new export page that has
 * written nothing in this run. */
static CartaExportPage *
page_after_restart (CartaStore **store,
                    CartaCase  **kase,
                    GtkWindow  **host)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  CartaExportPage *page = g_object_new (CARTA_TYPE_EXPORT_PAGE, NULL);

  *store = carta_store_new_default ();
  g_assert_true (carta_store_load (*store, &error));
  *kase = carta_store_find_case (*store, sample_id);
  g_assert_nonnull (*kase);

  *host = GTK_WINDOW (gtk_window_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (*host, overlay);
  gtk_window_present (*host);
  carta_export_page_set_case (page, *kase);
  return page;
}

/* After a restart the last bundle can still be sent: the page shows it,
 * checks it again on Send and sends it; once it changed, the page says so
 * and asks to export again. */
static void
test_send_again_after_restart (void)
{
  g_autofree char *path = g_build_filename (work_dir, "sample.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autoptr(CartaStore) store = NULL;
  g_autofree char *link = NULL;
  CartaSendDialogWidgets w;
  CartaSendDialog *dialog = NULL;
  CartaExportPage *page;
  CartaTestDav *dav;
  GtkWindow *host;
  CartaCase *kase;
  guint sends;

  carta_test_wait_until (bundle_remembered, sample_id, 60);

  page = page_after_restart (&store, &kase, &host);
  g_assert_nonnull (_carta_export_page_get_bundle (page));
  g_assert_true (g_file_equal (_carta_export_page_get_bundle (page), bundle));
  g_assert_true (gtk_widget_is_visible (carta_test_find_widget (GTK_WIDGET (page), is_send_button, NULL)));
  g_assert_nonnull (carta_test_find_widget (GTK_WIDGET (page), is_label_with, "checked again before it is sent"));

  /* Send: checked first, then the send dialog, for this very file. */
  g_signal_emit_by_name (carta_test_find_widget (GTK_WIDGET (page), is_send_button, NULL), "clicked");
  carta_test_wait_until (find_send_dialog, &dialog, 60);
  g_assert_true (g_file_equal (_carta_export_page_get_bundle (page), bundle));

  dav = carta_test_dav_start ();
  link = g_strdup_printf ("%s/nc/s/%s", dav->base_url, CARTA_TEST_SHARE_TOKEN);
  _carta_send_dialog_get_widgets (dialog, &w);
  gtk_editable_set_text (w.link_row, link);
  gtk_editable_set_text (w.password_row, CARTA_TEST_SHARE_PASSWORD);
  sends = g_list_model_get_n_items (carta_case_get_sends (kase));
  g_signal_emit_by_name (w.send_button, "clicked");
  carta_test_wait_until (send_dialog_idle, dialog, 60);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (kase)), ==, sends + 1);
  {
    g_autofree char *remote = g_build_filename (dav->share_dir, "sample.zip", NULL);
    g_autofree char *local_sha = carta_test_sha256_file (path);
    g_autofree char *remote_sha = carta_test_sha256_file (remote);

    g_assert_cmpstr (remote_sha, ==, local_sha);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  carta_test_dav_stop (dav);
  carta_export_page_set_case (page, NULL);
  gtk_window_destroy (host);
  g_clear_object (&store);

  /* Changed on disk since: not sent; the family is told to export again. */
  {
    g_autoptr(GFileOutputStream) out = g_file_append_to (bundle, G_FILE_CREATE_NONE, NULL, NULL);
    DialogWait wait = { "Export the Case Again" };

    g_assert_nonnull (out);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), "x", 1, NULL, NULL, NULL));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL));

    page = page_after_restart (&store, &kase, &host);
    g_assert_nonnull (_carta_export_page_get_bundle (page));
    g_signal_emit_by_name (carta_test_find_widget (GTK_WIDGET (page), is_send_button, NULL), "clicked");
    carta_test_wait_until (dialog_with_heading, &wait, 60);
    g_assert_null (_carta_export_page_get_bundle (page));
    g_assert_false (bundle_remembered (sample_id));
    click_response (carta_test_find_dialog (), "_Close");
    carta_export_page_set_case (page, NULL);
    gtk_window_destroy (host);
  }
}

/* Closing the window while a bundle is written cancels the write: no
 * file is left, nothing critical happens, the application stays up until
 * the write has cleaned up. Last, as it closes the window. */
static void
test_close_while_exporting (void)
{
  CartaExportPage *page = get_export_page ();
  g_autofree char *path = g_build_filename (work_dir, "closed.zip", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autoptr(CartaExportPage) keep = g_object_ref (page);

  carta_window_set_case (window, get_sample ());
  carta_window_show_page (window, "export");
  _carta_export_page_export_to (page, bundle);
  g_assert_true (_carta_export_page_is_busy (page));

  gtk_window_close (GTK_WINDOW (window));
  window = NULL;
  carta_test_wait_until (page_idle, page, 60);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_false (g_file_query_exists (bundle, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-bundle-window", &argc, &argv);
  int status;

  work_dir = g_build_filename (home, "work", NULL);
  g_mkdir_with_parents (work_dir, 0700);

  app = carta_test_start_application ();
  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  g_test_add_func ("/bundle-window/sample-case", test_sample_case);
  g_test_add_func ("/bundle-window/export-and-open", test_export_and_open);
  g_test_add_func ("/bundle-window/open-same-case", test_open_same_case);
  g_test_add_func ("/bundle-window/open-encrypted", test_open_encrypted);
  g_test_add_func ("/bundle-window/open-damaged", test_open_damaged);
  g_test_add_func ("/bundle-window/open-truncated", test_open_truncated);
  g_test_add_func ("/bundle-window/send-history", test_send_history);
  g_test_add_func ("/bundle-window/send-again-after-restart", test_send_again_after_restart);
  g_test_add_func ("/bundle-window/close-while-exporting", test_close_while_exporting);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&app);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&sample_id, g_free);

  carta_test_remove_home (home);

  return status;
}

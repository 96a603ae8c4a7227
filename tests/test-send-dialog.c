/* test-send-dialog.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-send-dialog"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "carta-send-dialog-private.h"
#include "carta-test-dav.h"
#include "carta-uploader-private.h"

/* Drives the real dialog against a real Apache mod_dav on 127.0.0.1. */

static CartaTestDav *dav;
static char *work_dir;

static void
wait_idle (CartaSendDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (_carta_send_dialog_is_busy (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
sent_cb (CartaSendDialog    *dialog,
         CartaUploadResult  *result,
         CartaUploadResult **out)
{
  g_set_object (out, result);
}

static CartaSendDialog *
dialog_new (const char              *name,
            guint64                  size,
            CartaSendDialogWidgets  *widgets)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CartaSendDialog *dialog;

  carta_test_make_file (path, size, 7);
  dialog = carta_send_dialog_new (NULL, file);
  g_object_ref_sink (dialog);
  _carta_uploader_set_timing (_carta_send_dialog_get_uploader (dialog), 100, 4, 10);
  _carta_send_dialog_get_widgets (dialog, widgets);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
dialog_destroy (CartaSendDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_dialog_send (void)
{
  CartaSendDialogWidgets w;
  CartaSendDialog *dialog = dialog_new ("dialog-bundle.zip", 3 << 20, &w);
  g_autoptr(CartaUploadResult) result = NULL;
  g_autofree char *link = g_strdup_printf ("%s/nc/s/%s", dav->base_url, CARTA_TEST_SHARE_TOKEN);
  g_autofree char *remote = g_build_filename (dav->share_dir, "dialog-bundle.zip", NULL);
  g_autofree char *local = g_build_filename (work_dir, "dialog-bundle.zip", NULL);
  g_autofree char *local_sha = carta_test_sha256_file (local);
  g_autofree char *remote_sha = NULL;

  carta_test_empty_dir (dav->share_dir);
  g_signal_connect (dialog, "sent", G_CALLBACK (sent_cb), &result);

  /* Nothing typed: nothing to send, no complaint. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w.status_label)));

  /* An insecure link is refused with the reason. */
  gtk_editable_set_text (w.link_row, "http://cloud.example.org/s/abc");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w.status_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "https://"));

  /* A WebDAV folder asks for a user name; a share link does not. */
  gtk_editable_set_text (w.link_row, "https://dav.example.org/drop/");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w.user_row)));
  gtk_editable_set_text (w.link_row, link);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w.user_row)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));

  /* Wrong password: a clear message, and the dialog can try again. */
  gtk_editable_set_text (w.password_row, "wrong");
  g_signal_emit_by_name (w.send_button, "clicked");
  g_assert_true (_carta_send_dialog_is_busy (dialog));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));
  wait_idle (dialog);
  g_assert_null (result);
  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "password"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (w.status_label), "error"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));

  gtk_editable_set_text (w.password_row, CARTA_TEST_SHARE_PASSWORD);
  g_signal_emit_by_name (w.send_button, "clicked");
  wait_idle (dialog);
  g_assert_nonnull (result);
  g_assert_cmpstr (carta_upload_result_get_remote_name (result), ==, "dialog-bundle.zip");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (w.progress_bar), ==, 1.0);
  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "dialog-bundle.zip"));
  g_assert_null (strstr (gtk_label_get_text (w.status_label), CARTA_TEST_SHARE_TOKEN));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));
  g_assert_cmpstr (gtk_button_get_label (w.cancel_button), ==, "_Close");
  remote_sha = carta_test_sha256_file (remote);
  g_assert_cmpstr (remote_sha, ==, local_sha);

  dialog_destroy (dialog);
}

static void
send_and_wait (CartaSendDialog        *dialog,
               CartaSendDialogWidgets *w)
{
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (w->send_button)));
  g_signal_emit_by_name (w->send_button, "clicked");
  wait_idle (dialog);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (w->status_label), "error"));
}

/* Each thing that can be wrong with a link has its own message, none of
 * them blaming the internet connection, and the field to fix is marked. */
static void
test_dialog_says_what_is_wrong (void)
{
  CartaSendDialogWidgets w;
  CartaSendDialog *dialog = dialog_new ("dialog-wrong.zip", 4096, &w);
  g_autofree char *refused = g_strdup_printf ("http://127.0.0.1:%u/dav/", carta_test_free_port ());
  g_autofree char *share = g_strdup_printf ("%s/nc/s/%s", dav->base_url, CARTA_TEST_SHARE_TOKEN);
  g_autoptr(GError) lookup_error = NULL;
  g_autolist(GInetAddress) addresses = NULL;
  const char *text;

  /* Not a link: said at once, before anything is sent. */
  gtk_editable_set_text (w.link_row, "see the email from Dr Li");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));
  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "not a link"));
  gtk_editable_set_text (w.link_row, "hello");
  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "not a link"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (w.link_row), "error"));

  /* A closed port: refused, not offline. */
  gtk_editable_set_text (w.link_row, refused);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (w.link_row), "error"));
  send_and_wait (dialog, &w);
  text = gtk_label_get_text (w.status_label);
  g_assert_nonnull (strstr (text, "refused the connection"));
  g_assert_null (strstr (text, "internet connection"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (w.link_row), "error"));

  /* A server name that does not exist: a typing mistake. */
  addresses = g_resolver_lookup_by_name (g_resolver_get_default (), "nonexistent.invalid", NULL, &lookup_error);
  if (g_error_matches (lookup_error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    {
      gtk_editable_set_text (w.link_row, "https://nonexistent.invalid/dav/");
      send_and_wait (dialog, &w);
      text = gtk_label_get_text (w.status_label);
      g_assert_nonnull (strstr (text, "no server called nonexistent.invalid"));
      g_assert_null (strstr (text, "internet connection"));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (w.link_row), "error"));
    }

  /* The wrong password: the password is marked, not the link. */
  gtk_editable_set_text (w.link_row, share);
  gtk_editable_set_text (w.password_row, "wrong");
  send_and_wait (dialog, &w);
  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "password"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (w.password_row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (w.link_row), "error"));

  dialog_destroy (dialog);
}

static void
cancel_on_progress_cb (CartaUploader *uploader,
                       guint64        sent,
                       guint64        total,
                       double         rate,
                       double         left,
                       GtkButton     *cancel_button)
{
  g_signal_emit_by_name (cancel_button, "clicked");
  g_signal_handlers_disconnect_by_func (uploader, cancel_on_progress_cb, cancel_button);
}

static void
test_dialog_cancel (void)
{
  CartaSendDialogWidgets w;
  CartaSendDialog *dialog = dialog_new ("dialog-cancel.zip", 150 << 20, &w);
  g_autofree char *link = g_strdup_printf ("%s/dav/", dav->base_url);

  carta_test_empty_dir (dav->dav_dir);
  gtk_editable_set_text (w.link_row, link);
  gtk_editable_set_text (w.user_row, CARTA_TEST_DAV_USER);
  gtk_editable_set_text (w.password_row, CARTA_TEST_DAV_PASSWORD);
  g_signal_connect (_carta_send_dialog_get_uploader (dialog), "progress",
                    G_CALLBACK (cancel_on_progress_cb), w.cancel_button);

  g_signal_emit_by_name (w.send_button, "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w.progress_bar)));
  wait_idle (dialog);

  g_assert_nonnull (strstr (gtk_label_get_text (w.status_label), "stopped"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (w.status_label), "error"));
  /* Nothing under the final name. (Whether the server kept a piece under
   * the temporary name depends on how far it got with the cut request;
   * tests/test-send.c checks the uploader's clean-up.) */
  {
    g_autofree char *final = g_build_filename (dav->dav_dir, "dialog-cancel.zip", NULL);
    g_assert_false (g_file_test (final, G_FILE_TEST_EXISTS));
  }
  /* It can be sent again. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (w.send_button)));

  dialog_destroy (dialog);
}

/* The dialog goes with the window it belongs to: the upload is cancelled
 * and nothing of it reaches these widgets afterwards. */
static void
test_parent_closed_mid_upload (void)
{
  GtkWidget *parent = gtk_window_new ();
  g_autofree char *path = g_build_filename (work_dir, "dialog-parent.zip", NULL);
  g_autofree char *link = g_strdup_printf ("%s/dav/", dav->base_url);
  g_autofree char *final = g_build_filename (dav->dav_dir, "dialog-parent.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CartaSendDialogWidgets w;
  CartaSendDialog *dialog;
  CartaUploader *uploader;

  carta_test_empty_dir (dav->dav_dir);
  carta_test_make_file (path, 150 << 20, 3);
  gtk_window_present (GTK_WINDOW (parent));
  dialog = carta_send_dialog_new (GTK_WINDOW (parent), file);
  g_object_ref_sink (dialog);
  uploader = g_object_ref (_carta_send_dialog_get_uploader (dialog));
  _carta_send_dialog_get_widgets (dialog, &w);
  gtk_window_present (GTK_WINDOW (dialog));

  gtk_editable_set_text (w.link_row, link);
  gtk_editable_set_text (w.user_row, CARTA_TEST_DAV_USER);
  gtk_editable_set_text (w.password_row, CARTA_TEST_DAV_PASSWORD);
  g_signal_emit_by_name (w.send_button, "clicked");
  g_assert_true (_carta_send_dialog_is_busy (dialog));

  gtk_window_destroy (GTK_WINDOW (parent));
  /* The upload ends (cancelled) though its window is gone. */
  wait_idle (dialog);

  g_assert_false (g_file_test (final, G_FILE_TEST_EXISTS));
  g_object_unref (uploader);
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/send-dialog/send", test_dialog_send);
  g_test_add_func ("/send-dialog/cancel", test_dialog_cancel);
  g_test_add_func ("/send-dialog/says-what-is-wrong", test_dialog_says_what_is_wrong);
  g_test_add_func ("/send-dialog/parent-closed-mid-upload", test_parent_closed_mid_upload);

  work_dir = g_dir_make_tmp ("carta-send-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  dav = carta_test_dav_start ();

  ret = g_test_run ();

  carta_test_dav_stop (dav);
  carta_test_empty_dir (work_dir);
  g_rmdir (work_dir);
  g_free (work_dir);

  return ret;
}

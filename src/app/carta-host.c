/* carta-host.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-host"

#include "config.h"

#include "carta-application.h"
#include "carta-case.h"
#include "carta-host.h"

/* Set on a question dialog once it has given its response. */
static G_DEFINE_QUARK (carta-host-answered, answered)

/* The window itself is not inside its overlay: the overlay is inside
 * it. The first one found, depth first, is the window's own. */
static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * carta_host_add_toast:
 * @widget: a widget inside the window, or one not yet shown
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest #AdwToastOverlay above @widget, or for a
 * window, in the one it holds. A widget
 * outside any overlay (being torn down, or in a test) drops the toast:
 * a notification is never worth a warning.
 */
void
carta_host_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && GTK_IS_WINDOW (widget))
    overlay = find_overlay_below (widget);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * carta_host_notify:
 * @widget: a widget inside the window
 * @message: what to say, already translated
 *
 * Shows @message as a plain toast near @widget.
 */
void
carta_host_notify (GtkWidget  *widget,
                   const char *message)
{
  g_return_if_fail (message != NULL);

  carta_host_add_toast (widget, adw_toast_new (message));
}

/**
 * carta_host_get_store:
 * @widget: a widget of the application
 *
 * Returns: (transfer none) (nullable): the application's case store, or
 *   %NULL outside a #CartaApplication (a widget tested on its own)
 */
CartaStore *
carta_host_get_store (GtkWidget *widget)
{
  GApplication *app = g_application_get_default ();

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (!CARTA_IS_APPLICATION (app))
    return NULL;

  return carta_application_get_store (CARTA_APPLICATION (app));
}

/**
 * carta_host_add_undo_toast:
 * @widget: a widget inside the window
 * @message: what was done, already translated
 * @undo_label: the button's label, already translated
 * @on_undo: called as `void (AdwToast *, gpointer data)` when the button
 *   is clicked
 * @on_dismissed: (nullable): called the same way when the toast goes
 * @data: what both callbacks get
 * @free_data: (nullable): frees @data once the toast is gone
 *
 * Shows a toast of high priority with a button that undoes what
 * @message says was done.
 */
void
carta_host_add_undo_toast (GtkWidget      *widget,
                           const char     *message,
                           const char     *undo_label,
                           GCallback       on_undo,
                           GCallback       on_dismissed,
                           gpointer        data,
                           GClosureNotify  free_data)
{
  AdwToast *toast;

  g_return_if_fail (message != NULL);
  g_return_if_fail (on_undo != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, undo_label);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", on_undo, data, free_data, 0);
  if (on_dismissed != NULL)
    g_signal_connect (toast, "dismissed", on_dismissed, data);
  carta_host_add_toast (widget, toast);
}

/* A question is answered once: whatever gives a response after the first
 * (Enter, then a click on the button before the dialog went away; the
 * close that follows a response) reaches none of the handlers. */
static void
on_question_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  if (g_object_get_qdata (G_OBJECT (dialog), answered_quark ()) != NULL)
    {
      /* libadwaita emits the signal with the response as its detail. */
      g_signal_stop_emission (dialog, g_signal_lookup ("response", ADW_TYPE_MESSAGE_DIALOG),
                              g_quark_try_string (response));
      return;
    }

  g_object_set_qdata (G_OBJECT (dialog), answered_quark (), GINT_TO_POINTER (TRUE));
}

/**
 * carta_host_new_question:
 * @widget: a widget inside the window the question is about
 * @heading: (nullable): the question, already translated
 * @body: (nullable): what it means, already translated
 * @cancel_label: the label of the "cancel" response, which closing the
 *   dialog gives too
 * @response: the id of the response that does what is asked
 * @response_label: its label
 * @appearance: how @response looks
 * @default_response: the response the Enter key gives
 *
 * Returns: (transfer none): a dialog asking whether to do something, not
 *   yet shown; its handlers of #AdwMessageDialog::response run once
 */
AdwMessageDialog *
carta_host_new_question (GtkWidget             *widget,
                         const char            *heading,
                         const char            *body,
                         const char            *cancel_label,
                         const char            *response,
                         const char            *response_label,
                         AdwResponseAppearance  appearance,
                         const char            *default_response)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", cancel_label,
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, default_response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Connected before any caller's handler, so it runs first. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_question_response_cb), NULL);

  return dialog;
}

/**
 * carta_host_question_is_answered:
 * @dialog: a dialog from carta_host_new_question()
 *
 * Returns: whether @dialog has given its one response
 */
gboolean
carta_host_question_is_answered (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);

  return g_object_get_qdata (G_OBJECT (dialog), answered_quark ()) != NULL;
}

static void
on_dialog_entry_activate_cb (GtkWidget        *entry,
                             AdwMessageDialog *dialog)
{
  const char *response = adw_message_dialog_get_default_response (dialog);

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  if (carta_host_question_is_answered (dialog))
    return;

  if (response == NULL || !adw_message_dialog_get_response_enabled (dialog, response))
    return;

  /* In libadwaita 1.2 adw_message_dialog_response() only emits the
   * signal: the dialog would stay open for a second click, which would
   * do it all again. Close it as its own buttons do; destroying it
   * rather than closing it gives no second, "cancel" response. */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/**
 * carta_host_set_dialog_entry:
 * @dialog: a dialog
 * @entry: an entry, or another editable that is activated
 * @label: what the entry is for, already translated, for screen readers
 *
 * Puts @entry in @dialog; activating it gives the default response, when
 * that is enabled, and closes @dialog, once.
 */
void
carta_host_set_dialog_entry (AdwMessageDialog *dialog,
                             GtkWidget        *entry,
                             const char       *label)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (GTK_IS_WIDGET (entry));

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (entry, "activate", G_CALLBACK (on_dialog_entry_activate_cb), dialog);
}

/**
 * carta_host_show_message:
 * @widget: a widget inside the window the message is about
 * @heading: what happened, already translated
 * @body: (nullable): more about it, already translated
 * @close_label: the label of the one response, "close"
 *
 * Shows a message that asks nothing.
 */
void
carta_host_show_message (GtkWidget  *widget,
                         const char *heading,
                         const char *body,
                         const char *close_label)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", close_label);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * carta_host_case_param_spec:
 *
 * The "case" property of the window and of each page, which follow the
 * window's: the case shown, or %NULL.
 *
 * Returns: (transfer floating): a new #GParamSpec to install
 */
GParamSpec *
carta_host_case_param_spec (void)
{
  return g_param_spec_object ("case", NULL, NULL, CARTA_TYPE_CASE,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

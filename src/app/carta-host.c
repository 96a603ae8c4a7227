/* carta-host.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-host"

#include "config.h"

#include "carta-application.h"
#include "carta-host.h"

/**
 * carta_host_add_toast:
 * @widget: a widget inside the window, or one not yet shown
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest #AdwToastOverlay above @widget. A widget
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

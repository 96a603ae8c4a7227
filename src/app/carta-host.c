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

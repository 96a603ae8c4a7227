/* carta-identity-row.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-identity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-identity-row.h"

/* An imaging disc that may be another patient's, or could not be
 * checked: a row in the warning colour with what was found, and a button
 * for the family to say "this disc is the patient's". Once confirmed the
 * row says so and its button takes the confirmation back. A plain
 * AdwActionRow: all it keeps is the disc, held by its button's handler.
 * The record and the Export page rebuild their rows when the case
 * changes, so the row never updates itself. */

static void
on_button_clicked_cb (GtkButton       *button,
                      CartaAttachment *attachment)
{
  g_autoptr(CartaAttachment) hold = NULL;
  g_autoptr(GtkWidget) hold_button = NULL;

  g_assert (CARTA_IS_ATTACHMENT (attachment));

  hold = g_object_ref (attachment);
  hold_button = g_object_ref (GTK_WIDGET (button));

  /* The list may be rebuilt by the change, and this row freed: both stay
   * alive until this returns. */
  carta_attachment_set_identity_confirmed (attachment,
                                           GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "confirm")));
}

/**
 * carta_identity_row_new:
 * @attachment: an imaging disc
 * @check: what comparing it with the case found; not a match
 * @record_title: (nullable): the record it belongs to, to name it where
 *   the record is not already on screen
 */
GtkWidget *
carta_identity_row_new (CartaAttachment          *attachment,
                        const CartaIdentityCheck *check,
                        const char               *record_title)
{
  GtkWidget *row;
  GtkWidget *button;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  gboolean confirmed;
  GtkWidget *icon;

  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (check != NULL, NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "identity-row");
  confirmed = check->status == CARTA_IDENTITY_CONFIRMED;

  description = carta_identity_check_describe (check, NULL, NULL);
  if (record_title != NULL)
    /* TRANSLATORS: a record, then one of its imaging discs (a folder name) */
    subtitle = g_strdup_printf (_("%s · disc “%s”"), record_title, carta_attachment_get_original_name (attachment));
  else
    /* TRANSLATORS: %s is an imaging disc (a folder name) */
    subtitle = g_strdup_printf (_("Disc “%s”"), carta_attachment_get_original_name (attachment));
  if (description != NULL)
    {
      g_autofree char *joined = g_strconcat (subtitle, "\n", description, NULL);
      g_free (subtitle);
      subtitle = g_steal_pointer (&joined);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 carta_identity_check_get_title (check, NULL, NULL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (confirmed ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (!confirmed)
    gtk_widget_add_css_class (row, "warning");

  button = gtk_button_new_with_mnemonic (confirmed ? _("_Undo Confirmation")
                                                   : _("_It Is the Patient’s Disc"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* What the button does, whatever the disc's state when it is clicked. */
  g_object_set_data (G_OBJECT (button), "confirm", GINT_TO_POINTER (!confirmed));
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_button_clicked_cb),
                         g_object_ref (attachment), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

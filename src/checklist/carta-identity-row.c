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
 * checked: a warning in the warning colour, what was found, and a button
 * for the family to say "this disc is the patient's". Once confirmed the
 * row says so and its button takes the confirmation back. Built in code,
 * as the checklist's rows are. */
struct _CartaIdentityRow
{
  AdwActionRow     parent_instance;

  GtkWidget       *button;

  CartaAttachment *attachment;
};

G_DEFINE_FINAL_TYPE (CartaIdentityRow, carta_identity_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ATTACHMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* identity.confirm and identity.unconfirm. Saving follows: the record
 * reports the change to the case. */
static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CartaIdentityRow *self = CARTA_IDENTITY_ROW (widget);
  g_autoptr(GtkWidget) hold = g_object_ref (widget);
  g_autoptr(CartaAttachment) attachment = g_object_ref (self->attachment);
  gboolean confirm = g_str_equal (action_name, "identity.confirm");

  g_assert (CARTA_IS_IDENTITY_ROW (self));

  /* The list may be rebuilt by the change: the row stays alive until
   * this returns. */
  carta_attachment_set_identity_confirmed (attachment, confirm);
}

static void
carta_identity_row_dispose (GObject *object)
{
  CartaIdentityRow *self = CARTA_IDENTITY_ROW (object);

  g_clear_object (&self->attachment);

  G_OBJECT_CLASS (carta_identity_row_parent_class)->dispose (object);
}

static void
carta_identity_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CartaIdentityRow *self = CARTA_IDENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT:
      g_value_set_object (value, self->attachment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_identity_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CartaIdentityRow *self = CARTA_IDENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT:
      self->attachment = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_identity_row_class_init (CartaIdentityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_identity_row_dispose;
  object_class->get_property = carta_identity_row_get_property;
  object_class->set_property = carta_identity_row_set_property;

  properties[PROP_ATTACHMENT] =
    g_param_spec_object ("attachment", NULL, NULL, CARTA_TYPE_ATTACHMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "identity.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "identity.unconfirm", NULL, confirm_action);
}

static void
carta_identity_row_init (CartaIdentityRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "identity-row");
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
  CartaIdentityRow *self;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  gboolean confirmed;
  GtkWidget *icon;

  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (check != NULL, NULL);

  self = g_object_new (CARTA_TYPE_IDENTITY_ROW, "attachment", attachment, NULL);
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 carta_identity_check_get_title (check, NULL, NULL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  icon = gtk_image_new_from_icon_name (confirmed ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  if (!confirmed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");

  self->button = gtk_button_new_with_mnemonic (confirmed ? _("_Undo Confirmation")
                                                         : _("_It Is the Patient’s Disc"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button),
                                  confirmed ? "identity.unconfirm" : "identity.confirm");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);

  return GTK_WIDGET (self);
}

/**
 * carta_identity_row_get_attachment:
 *
 * Returns: (transfer none): the disc shown
 */
CartaAttachment *
carta_identity_row_get_attachment (CartaIdentityRow *self)
{
  g_return_val_if_fail (CARTA_IS_IDENTITY_ROW (self), NULL);
  return self->attachment;
}

/**
 * carta_identity_row_get_button:
 *
 * Returns: (transfer none): the button that confirms the disc, or takes
 *   the confirmation back
 */
GtkWidget *
carta_identity_row_get_button (CartaIdentityRow *self)
{
  g_return_val_if_fail (CARTA_IS_IDENTITY_ROW (self), NULL);
  return self->button;
}

/* carta-checklist-row.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-checklist-row"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-checklist-row.h"
#include "carta-checklist-template.h"
#include "carta-identity.h"

/* One record on the checklist: its status at a glance, how many files
 * it has, and a way into its details. Built in code: there can be
 * hundreds, and a template per row costs more than it gives. */
struct _CartaChecklistRow
{
  AdwActionRow        parent_instance;

  CartaChecklistItem *item;
  GtkImage           *status_icon;
  GtkWidget          *warning_icon;

  /* A disc that may be another patient's, said in words on the row */
  CartaPatient       *patient;
  GtkWidget          *identity_box;
  GtkLabel           *identity_label;
  GtkWidget          *status_button;
  GSimpleAction      *status_action;
};

G_DEFINE_FINAL_TYPE (CartaChecklistRow, carta_checklist_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
carta_item_status_get_label (CartaItemStatus status)
{
  switch (status)
    {
    case CARTA_ITEM_STATUS_NEEDED:
      /* TRANSLATORS: status of a record on the checklist */
      return _("Needed");
    case CARTA_ITEM_STATUS_REQUESTED:
      /* TRANSLATORS: status of a record: the family asked a hospital for it */
      return _("Requested");
    case CARTA_ITEM_STATUS_RECEIVED:
      /* TRANSLATORS: status of a record: the family has it */
      return _("Received");
    case CARTA_ITEM_STATUS_NOT_APPLICABLE:
      /* TRANSLATORS: status of a record: it does not apply to this patient */
      return _("Not applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
carta_item_status_get_icon_name (CartaItemStatus status)
{
  switch (status)
    {
    case CARTA_ITEM_STATUS_NEEDED:
      return "radio-symbolic";
    case CARTA_ITEM_STATUS_REQUESTED:
      return "mail-send-symbolic";
    case CARTA_ITEM_STATUS_RECEIVED:
      return "emblem-ok-symbolic";
    case CARTA_ITEM_STATUS_NOT_APPLICABLE:
      return "action-unavailable-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The most worrying identity check of the record's discs that the
 * family has not confirmed, or NULL. */
static CartaIdentityCheck *
find_identity_issue (CartaChecklistRow *self)
{
  GListModel *attachments = carta_checklist_item_get_attachments (self->item);
  CartaIdentityCheck *worst = NULL;

  for (guint i = 0; self->patient != NULL && i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);
      CartaIdentityCheck *check = carta_identity_check_attachment (attachment, self->patient);

      if (carta_identity_check_needs_attention (check) && (worst == NULL || check->status > worst->status))
        {
          g_clear_pointer (&worst, carta_identity_check_free);
          worst = check;
        }
      else
        carta_identity_check_free (check);
    }

  return worst;
}

/* Also the handler of the patient's notify: a new spelling may clear it. */
static void
update_identity (CartaChecklistRow *self)
{
  g_autoptr(CartaIdentityCheck) check = NULL;

  g_assert (CARTA_IS_CHECKLIST_ROW (self));

  check = find_identity_issue (self);

  gtk_widget_set_visible (self->identity_box, check != NULL);
  if (check != NULL)
    {
      g_autofree char *description = carta_identity_check_describe (check, NULL, NULL);

      gtk_label_set_label (self->identity_label, carta_identity_check_get_title (check, NULL, NULL));
      gtk_widget_set_tooltip_text (self->identity_box, description);
    }
}

static const char *status_classes[] = { "status-needed", "status-requested", "status-received", "status-not-applicable" };

/* The status menu shows the record's status as its chosen item, and is
 * named after the record for a screen reader reaching it by Tab. */
static void
update_status_menu (CartaChecklistRow *self,
                    CartaItemStatus    status)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  g_autofree char *label = NULL;

  g_simple_action_set_state (self->status_action,
                             g_variant_new_string (carta_item_status_to_string (status)));

  /* TRANSLATORS: %s is a record's name, e.g. “Change the status of Pathology report” */
  label = g_strdup_printf (_("Change the status of %s"),
                           carta_checklist_template_get_item_title (template, self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_status_change_state_cb (GSimpleAction     *action,
                           GVariant          *value,
                           CartaChecklistRow *self)
{
  CartaItemStatus status;

  g_assert (CARTA_IS_CHECKLIST_ROW (self));

  /* The same change as the status row inside the record: the model
   * saves it. */
  if (self->item != NULL &&
      carta_item_status_from_string (g_variant_get_string (value, NULL), &status))
    carta_checklist_item_set_status (self->item, status);
}

static void
update (CartaChecklistRow *self)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  CartaItemStatus status = carta_checklist_item_get_status (self->item);
  guint n_files = g_list_model_get_n_items (carta_checklist_item_get_attachments (self->item));
  GString *subtitle = g_string_new (carta_item_status_get_label (status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 carta_checklist_template_get_item_title (template, self->item));

  if (carta_checklist_item_get_document_date (self->item) != NULL)
    g_string_append_printf (subtitle, " · %s", carta_checklist_item_get_document_date (self->item));

  if (n_files > 0)
    {
      g_string_append (subtitle, " · ");
      /* TRANSLATORS: how many files are attached to a record */
      g_string_append_printf (subtitle, ngettext ("%u file", "%u files", n_files), n_files);
    }

  if (carta_checklist_template_is_item_optional (template, self->item))
    {
      g_string_append (subtitle, " · ");
      /* TRANSLATORS: a record asked for only if the family has it */
      g_string_append (subtitle, _("if available"));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  g_string_free (subtitle, TRUE);

  gtk_image_set_from_icon_name (self->status_icon, carta_item_status_get_icon_name (status));
  update_status_menu (self, status);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if (i == status)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), status_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), status_classes[i]);
    }

  update_identity (self);
}

static void
carta_checklist_row_constructed (GObject *object)
{
  CartaChecklistRow *self = (CartaChecklistRow *)object;

  G_OBJECT_CLASS (carta_checklist_row_parent_class)->constructed (object);

  g_signal_connect_object (self->item, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
carta_checklist_row_dispose (GObject *object)
{
  CartaChecklistRow *self = (CartaChecklistRow *)object;

  g_clear_object (&self->item);
  g_clear_object (&self->patient);
  g_clear_object (&self->status_action);

  G_OBJECT_CLASS (carta_checklist_row_parent_class)->dispose (object);
}

static void
carta_checklist_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CartaChecklistRow *self = CARTA_CHECKLIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_checklist_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CartaChecklistRow *self = CARTA_CHECKLIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_checklist_row_class_init (CartaChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = carta_checklist_row_constructed;
  object_class->dispose = carta_checklist_row_dispose;
  object_class->get_property = carta_checklist_row_get_property;
  object_class->set_property = carta_checklist_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CARTA_TYPE_CHECKLIST_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A status change without opening the record. */
static void
add_status_menu (CartaChecklistRow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  self->status_action = g_simple_action_new_stateful ("status", G_VARIANT_TYPE_STRING,
                                                      g_variant_new_string ("needed"));
  g_signal_connect_object (self->status_action, "change-state",
                           G_CALLBACK (on_status_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->status_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (group));

  for (guint i = CARTA_ITEM_STATUS_NEEDED; i <= CARTA_ITEM_STATUS_NOT_APPLICABLE; i++)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (carta_item_status_get_label (i), NULL);

      g_menu_item_set_action_and_target_value (entry, "row.status",
                                               g_variant_new_string (carta_item_status_to_string (i)));
      g_menu_append_item (menu, entry);
    }

  self->status_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->status_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->status_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->status_button, _("Change Status"));
  gtk_widget_set_valign (self->status_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->status_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->status_button);
}

static void
carta_checklist_row_init (CartaChecklistRow *self)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  self->status_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "status-icon");
  /* The status is in the subtitle too; the icon adds nothing to read. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->status_icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->status_icon));

  /* Shown when a stored copy of this record failed its check, so the
   * family finds the record the toast speaks of. */
  self->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->warning_icon, "warning");
  gtk_widget_set_tooltip_text (self->warning_icon,
                               _("The copy kept in the case no longer matches the file you added. "
                                 "Remove it and add the original again."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The copy kept in the case no longer matches the file you added. "
                                    "Remove it and add the original again."),
                                  -1);
  gtk_widget_set_visible (self->warning_icon, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->warning_icon);

  /* Words and an icon, not only grey text: a disc that may be another
   * patient's must not reach the coordinators unnoticed. */
  self->identity_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->identity_box, "warning");
  gtk_widget_set_valign (self->identity_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->identity_box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  self->identity_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->identity_label, TRUE);
  gtk_label_set_max_width_chars (self->identity_label, 32);
  gtk_label_set_xalign (self->identity_label, 0);
  gtk_box_append (GTK_BOX (self->identity_box), GTK_WIDGET (self->identity_label));
  gtk_widget_set_visible (self->identity_box, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->identity_box);

  add_status_menu (self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), arrow);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
carta_checklist_row_new (CartaChecklistItem *item)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (item), NULL);

  return g_object_new (CARTA_TYPE_CHECKLIST_ROW, "item", item, NULL);
}

CartaChecklistItem *
carta_checklist_row_get_item (CartaChecklistRow *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ROW (self), NULL);
  return self->item;
}

/**
 * carta_checklist_row_set_flagged:
 * @flagged: whether a stored copy of the record failed its check
 */
void
carta_checklist_row_set_flagged (CartaChecklistRow *self,
                                 gboolean           flagged)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_ROW (self));

  gtk_widget_set_visible (self->warning_icon, flagged);
}

/**
 * carta_checklist_row_set_patient:
 * @patient: (nullable): the case's patient, to say on the row when a disc
 *   of the record may be someone else's
 */
void
carta_checklist_row_set_patient (CartaChecklistRow *self,
                                 CartaPatient      *patient)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_ROW (self));

  if (self->patient != NULL)
    g_signal_handlers_disconnect_by_data (self->patient, self);
  if (g_set_object (&self->patient, patient) && patient != NULL)
    g_signal_connect_object (patient, "notify", G_CALLBACK (update_identity), self, G_CONNECT_SWAPPED);
  update_identity (self);
}

/**
 * carta_checklist_row_get_identity_warning:
 *
 * Returns: (nullable): the warning the row shows about a disc, or %NULL
 */
const char *
carta_checklist_row_get_identity_warning (CartaChecklistRow *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ROW (self), NULL);

  return gtk_widget_get_visible (self->identity_box) ? gtk_label_get_label (self->identity_label) : NULL;
}

/**
 * carta_checklist_row_get_status_button:
 *
 * Returns: (transfer none): the menu button that changes the status
 */
GtkWidget *
carta_checklist_row_get_status_button (CartaChecklistRow *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ROW (self), NULL);
  return self->status_button;
}

gboolean
carta_checklist_row_get_flagged (CartaChecklistRow *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ROW (self), FALSE);

  return gtk_widget_get_visible (self->warning_icon);
}

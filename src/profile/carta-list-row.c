/* carta-list-row.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-list-row"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-list-group.h"
#include "carta-list-row.h"

/* One record of a CartaListGroup: folded, it shows what the record is;
 * unfolded, its fields, then buttons to move and remove it. The row asks
 * its group to do the moving and removing, through its signals. */
struct _CartaListRow
{
  AdwExpanderRow       parent_instance;

  GtkWidget           *warning_icon;
  GtkWidget           *up_button;
  GtkWidget           *down_button;
  GtkWidget           *first_field;

  const CartaListKind *kind;
  GObject             *item;
  guint                index;
};

G_DEFINE_FINAL_TYPE (CartaListRow, carta_list_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
new_text_button (const char *label,
                 const char *icon_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

/* Buttons are inner rows of their own, not fields to type in. */
static void
add_button_row (CartaListRow *self,
                GtkWidget    *child)
{
  gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (child)), FALSE);
}

static void
on_up_clicked_cb (CartaListRow *self)
{
  g_assert (CARTA_IS_LIST_ROW (self));

  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_down_clicked_cb (CartaListRow *self)
{
  g_assert (CARTA_IS_LIST_ROW (self));

  g_signal_emit (self, signals[MOVE], 0, +1);
}

static void
on_remove_clicked_cb (CartaListRow *self)
{
  g_assert (CARTA_IS_LIST_ROW (self));

  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_item_notify_cb (CartaListRow *self)
{
  g_assert (CARTA_IS_LIST_ROW (self));

  self->kind->describe (self, self->item, self->index);
}

/* Text buttons inside the record: arrows in the header would look like
 * the expander's own arrow. */
static void
add_order_buttons (CartaListRow *self,
                   guint         n_items)
{
  GtkWidget *order = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->up_button = new_text_button (_("Move _Up"), "go-up-symbolic");
  self->down_button = new_text_button (_("Move _Down"), "go-down-symbolic");
  gtk_widget_set_sensitive (self->up_button, self->index > 0);
  gtk_widget_set_sensitive (self->down_button, self->index + 1 < n_items);
  g_signal_connect_object (self->up_button, "clicked", G_CALLBACK (on_up_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->down_button, "clicked", G_CALLBACK (on_down_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (order), self->up_button);
  gtk_box_append (GTK_BOX (order), self->down_button);
  add_button_row (self, order);
}

static void
add_remove_button (CartaListRow *self)
{
  GtkWidget *remove = gtk_button_new_with_mnemonic (_(self->kind->remove_label));

  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  add_button_row (self, remove);
}

static void
carta_list_row_dispose (GObject *object)
{
  CartaListRow *self = (CartaListRow *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (carta_list_row_parent_class)->dispose (object);
}

static void
carta_list_row_class_init (CartaListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carta_list_row_dispose;

  /**
   * CartaListRow::move:
   * @delta: -1 to move the record up, +1 to move it down
   *
   * Asks for the record to move by one place.
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * CartaListRow::remove:
   *
   * Asks for the record to be removed.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
carta_list_row_init (CartaListRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->warning_icon, "error");
  gtk_widget_set_visible (self->warning_icon, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Needs checking"),
                                  -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), self->warning_icon);
}

/**
 * carta_list_row_new:
 * @kind: what the list holds
 * @item: the record shown
 * @index: where @item is in its list
 * @n_items: how many records the list holds
 *
 * Returns: (transfer floating): a row with the fields of @item
 */
GtkWidget *
carta_list_row_new (const CartaListKind *kind,
                    GObject             *item,
                    guint                index,
                    guint                n_items)
{
  CartaListRow *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  self = g_object_new (CARTA_TYPE_LIST_ROW, NULL);
  self->kind = kind;
  self->item = g_object_ref (item);
  self->index = index;

  kind->fill (self, item);
  if (kind->move != NULL)
    add_order_buttons (self, n_items);
  add_remove_button (self);

  kind->describe (self, item, index);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * carta_list_row_get_item:
 *
 * Returns: (transfer none): the record shown
 */
GObject *
carta_list_row_get_item (CartaListRow *self)
{
  g_return_val_if_fail (CARTA_IS_LIST_ROW (self), NULL);

  return self->item;
}

/**
 * carta_list_row_add_field:
 * @field: (transfer floating): a row to edit part of the record
 *
 * Adds @field inside the record. The first field added takes the
 * keyboard when a new record is added.
 *
 * Returns: (transfer none): @field
 */
GtkWidget *
carta_list_row_add_field (CartaListRow *self,
                          GtkWidget    *field)
{
  g_return_val_if_fail (CARTA_IS_LIST_ROW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  if (self->first_field == NULL)
    self->first_field = field;

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), field);
  return field;
}

/**
 * carta_list_row_get_first_field:
 *
 * Returns: (transfer none) (nullable): the first field added
 */
GtkWidget *
carta_list_row_get_first_field (CartaListRow *self)
{
  g_return_val_if_fail (CARTA_IS_LIST_ROW (self), NULL);

  return self->first_field;
}

/**
 * carta_list_row_set_warning:
 *
 * Shows or hides the warning sign of the folded row. Only the header is
 * marked: an “error” class on the row would turn every field red.
 */
void
carta_list_row_set_warning (CartaListRow *self,
                            gboolean      warning)
{
  g_return_if_fail (CARTA_IS_LIST_ROW (self));

  gtk_widget_set_visible (self->warning_icon, warning);
}

/**
 * carta_list_row_focus_order:
 * @up: whether the record was moved up
 *
 * Puts the keyboard on the button that moved the record, or on the
 * other one when the record can go no further that way.
 */
void
carta_list_row_focus_order (CartaListRow *self,
                            gboolean      up)
{
  GtkWidget *same;
  GtkWidget *other;

  g_return_if_fail (CARTA_IS_LIST_ROW (self));

  if (self->up_button == NULL)
    return;

  same = up ? self->up_button : self->down_button;
  other = up ? self->down_button : self->up_button;
  gtk_widget_grab_focus (gtk_widget_get_sensitive (same) ? same : other);
}

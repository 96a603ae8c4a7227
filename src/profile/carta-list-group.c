/* carta-list-group.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-list-group"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-host.h"
#include "carta-list-group.h"

/* A list of records of the case (lines of therapy, lab results…) as a
 * group of rows that unfold to edit one record. The header has a button
 * to add one; each record can be moved, when its order matters, and
 * removed, with a toast to undo. What the list holds is a CartaListKind. */
struct _CartaListGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwButtonContent    *add_content;

  const CartaListKind *kind;
  CartaCase           *kase;
  GListModel          *model;
  GSignalGroup        *model_signals;
  GPtrArray           *rows;

  /* The first field of a record just added, until it takes the focus. */
  GtkWidget           *focus_target;
  guint                focus_source;
  guint                focus_tries;
};

G_DEFINE_FINAL_TYPE (CartaListGroup, carta_list_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows are built again whenever the list changes, so whether a record is
 * unfolded is kept on the record itself: it then survives a move, an
 * undone removal and a switch to another case and back. */
static G_DEFINE_QUARK (carta-list-group-expanded, expanded)

/* What Undo puts back. It holds the case, so it works even once the
 * page shows another one. */
typedef struct
{
  const CartaListKind *kind;
  CartaCase           *kase;
  GObject             *item;
  guint                position;
} RemovedRecord;

static void
removed_record_free (gpointer  data,
                     GClosure *closure)
{
  RemovedRecord *removed = data;

  g_clear_object (&removed->kase);
  g_clear_object (&removed->item);
  g_free (removed);
}

static CartaListRow *
find_row (CartaListGroup *self,
          GObject        *item)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      CartaListRow *row = g_ptr_array_index (self->rows, i);

      if (carta_list_row_get_item (row) == item)
        return row;
    }

  return NULL;
}

static void
clear_rows (CartaListGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_empty_row (CartaListGroup *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(self->kind->empty_message));
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void on_row_move_cb          (CartaListRow   *row,
                                     int             delta,
                                     CartaListGroup *self);
static void on_row_remove_cb        (CartaListRow   *row,
                                     CartaListGroup *self);
static void on_row_expanded_cb      (CartaListRow   *row,
                                     GParamSpec     *pspec,
                                     CartaListGroup *self);

static void
add_record_row (CartaListGroup *self,
                GObject        *item,
                guint           index,
                guint           n_items)
{
  GtkWidget *row = carta_list_row_new (self->kind, item, index, n_items);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 GPOINTER_TO_INT (g_object_get_qdata (item, expanded_quark ())));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), self, 0);
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove_cb), self, 0);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
rebuild (CartaListGroup *self)
{
  guint n;

  clear_rows (self);

  if (self->model == NULL)
    return;

  n = g_list_model_get_n_items (self->model);
  if (n == 0)
    add_empty_row (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      add_record_row (self, item, i, n);
    }
}

static void
update_model (CartaListGroup *self)
{
  GListModel *model = NULL;

  if (self->kind != NULL && self->kase != NULL)
    model = self->kind->get_model (self->kase);

  self->model = model;
  g_signal_group_set_target (self->model_signals, model);
  rebuild (self);
}

/* The row unfolds with an animation; its fields take the focus only once
 * they are shown, so try for a moment. */
static gboolean
focus_later_cb (gpointer user_data)
{
  CartaListGroup *self = user_data;

  g_assert (CARTA_IS_LIST_GROUP (self));

  if (gtk_widget_get_root (self->focus_target) != NULL &&
      !gtk_widget_grab_focus (self->focus_target) &&
      ++self->focus_tries < 40)
    return G_SOURCE_CONTINUE;

  g_clear_object (&self->focus_target);
  self->focus_source = 0;
  return G_SOURCE_REMOVE;
}

static void
focus_soon (CartaListGroup *self,
            GtkWidget      *target)
{
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_object (&self->focus_target);

  if (gtk_widget_grab_focus (target))
    return;

  self->focus_target = g_object_ref (target);
  self->focus_tries = 0;
  self->focus_source = g_timeout_add (25, focus_later_cb, self);
}

static void
on_items_changed_cb (CartaListGroup *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  g_assert (CARTA_IS_LIST_GROUP (self));

  rebuild (self);
}

static void
on_row_expanded_cb (CartaListRow   *row,
                    GParamSpec     *pspec,
                    CartaListGroup *self)
{
  g_assert (CARTA_IS_LIST_GROUP (self));

  g_object_set_qdata (carta_list_row_get_item (row), expanded_quark (),
                      GINT_TO_POINTER (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row))));
}

static void
on_row_move_cb (CartaListRow   *row,
                int             delta,
                CartaListGroup *self)
{
  GObject *item = carta_list_row_get_item (row);
  gboolean up = delta < 0;
  CartaListRow *moved;
  guint position;

  g_assert (CARTA_IS_LIST_GROUP (self));

  if (self->kase == NULL || self->model == NULL || self->kind->move == NULL ||
      !g_list_store_find (G_LIST_STORE (self->model), item, &position))
    return;

  if ((up && position == 0) || (!up && position + 1 >= g_list_model_get_n_items (self->model)))
    return;

  self->kind->move (self->kase, item, up ? position - 1 : position + 1);

  /* The rows were rebuilt: keep the keyboard on the moved record. */
  if ((moved = find_row (self, item)))
    carta_list_row_focus_order (moved, up);
}

static void
on_undo_clicked_cb (AdwToast      *toast,
                    RemovedRecord *removed)
{
  g_assert (ADW_IS_TOAST (toast));

  removed->kind->insert (removed->kase, removed->position, removed->item);
}

static void
on_row_remove_cb (CartaListRow   *row,
                  CartaListGroup *self)
{
  g_autoptr(GObject) item = g_object_ref (carta_list_row_get_item (row));
  RemovedRecord *removed;
  AdwToast *toast;
  guint position;

  g_assert (CARTA_IS_LIST_GROUP (self));

  if (self->kase == NULL || !self->kind->remove (self->kase, item, &position))
    return;

  removed = g_new0 (RemovedRecord, 1);
  removed->kind = self->kind;
  removed->kase = g_object_ref (self->kase);
  removed->item = g_steal_pointer (&item);
  removed->position = position;

  toast = adw_toast_new (_(self->kind->removed_message));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         removed, removed_record_free, 0);
  carta_host_add_toast (GTK_WIDGET (self), toast);
}

static void
on_add_clicked_cb (CartaListGroup *self)
{
  g_autoptr(GObject) item = NULL;
  CartaListRow *row;

  g_assert (CARTA_IS_LIST_GROUP (self));

  if (self->kase == NULL || self->kind == NULL)
    return;

  item = g_object_new (self->kind->get_type (), NULL);
  g_object_set_qdata (item, expanded_quark (), GINT_TO_POINTER (TRUE));
  self->kind->insert (self->kase, G_MAXUINT, item);

  /* Straight to the first field of the new record, once the row has
   * unfolded far enough to take the focus. */
  if ((row = find_row (self, item)))
    {
      GtkWidget *first = carta_list_row_get_first_field (row);

      focus_soon (self, first ? first : GTK_WIDGET (row));
    }
}

static void
carta_list_group_dispose (GObject *object)
{
  CartaListGroup *self = (CartaListGroup *)object;

  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_object (&self->focus_target);
  if (self->model_signals != NULL)
    g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model_signals);
  self->model = NULL;
  g_clear_object (&self->kase);
  /* The rows go with the group's children; nothing may touch them now. */
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_LIST_GROUP);

  G_OBJECT_CLASS (carta_list_group_parent_class)->dispose (object);
}

static void
carta_list_group_finalize (GObject *object)
{
  CartaListGroup *self = (CartaListGroup *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_list_group_parent_class)->finalize (object);
}

CARTA_HOST_DEFINE_CASE_PROPERTY (CartaListGroup, carta_list_group)

static void
carta_list_group_class_init (CartaListGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_list_group_dispose;
  object_class->finalize = carta_list_group_finalize;
  object_class->get_property = carta_list_group_get_property;
  object_class->set_property = carta_list_group_set_property;

  /**
   * CartaListGroup:case:
   *
   * The case whose records are listed, or %NULL.
   */
  properties[PROP_CASE] = carta_host_case_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/profile/carta-list-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaListGroup, add_content);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
carta_list_group_init (CartaListGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->model_signals, "items-changed",
                                 G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
carta_list_group_new (void)
{
  return g_object_new (CARTA_TYPE_LIST_GROUP, NULL);
}

/**
 * carta_list_group_get_case:
 *
 * Returns: (transfer none) (nullable): the case whose records are listed
 */
CartaCase *
carta_list_group_get_case (CartaListGroup *self)
{
  g_return_val_if_fail (CARTA_IS_LIST_GROUP (self), NULL);

  return self->kase;
}

void
carta_list_group_set_case (CartaListGroup *self,
                           CartaCase      *kase)
{
  g_return_if_fail (CARTA_IS_LIST_GROUP (self));
  g_return_if_fail (!kase || CARTA_IS_CASE (kase));

  if (!g_set_object (&self->kase, kase))
    return;

  update_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * carta_list_group_get_kind:
 *
 * Returns: (nullable): what the list holds
 */
const CartaListKind *
carta_list_group_get_kind (CartaListGroup *self)
{
  g_return_val_if_fail (CARTA_IS_LIST_GROUP (self), NULL);

  return self->kind;
}

/**
 * carta_list_group_set_kind:
 * @kind: (nullable): what the list holds; it must outlive @self
 *
 * Sets what the list holds. It is set once, before the case.
 */
void
carta_list_group_set_kind (CartaListGroup      *self,
                           const CartaListKind *kind)
{
  g_return_if_fail (CARTA_IS_LIST_GROUP (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  adw_button_content_set_label (self->add_content, kind ? _(kind->add_label) : "");
  update_model (self);
}

/**
 * carta_list_group_focus_record:
 * @position: a record's position, or -1 for the list itself
 *
 * Unfolds the record at @position and puts the focus on its first field,
 * so a person sent here from the Export page lands on it. Without such a
 * record the focus goes to the Add button.
 *
 * Returns: (transfer none): the row of the record, or the Add button
 */
GtkWidget *
carta_list_group_focus_record (CartaListGroup *self,
                               int             position)
{
  GtkWidget *row = NULL;
  GtkWidget *target = NULL;

  g_return_val_if_fail (CARTA_IS_LIST_GROUP (self), NULL);

  if (position >= 0 && self->model != NULL && (guint) position < g_list_model_get_n_items (self->model) &&
      (guint) position < self->rows->len && CARTA_IS_LIST_ROW (g_ptr_array_index (self->rows, position)))
    {
      row = g_ptr_array_index (self->rows, position);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      target = carta_list_row_get_first_field (CARTA_LIST_ROW (row));
    }

  if (target == NULL)
    row = target = gtk_widget_get_parent (GTK_WIDGET (self->add_content));

  focus_soon (self, target);
  return row;
}

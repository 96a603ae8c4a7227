/* carta-treatment-history.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-treatment-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-prior-cart-private.h"
#include "carta-therapy-line-private.h"
#include "carta-transplant-private.h"
#include "carta-treatment-history-private.h"

/* What the patient has been through: lines of therapy in order,
 * transplants, earlier CAR-T, and whether making the patient's own
 * CAR-T cells failed (the usual reason to look at an allogeneic trial). */
struct _CartaTreatmentHistory
{
  GObject     parent_instance;

  GListStore *lines;
  GListStore *transplants;
  GListStore *prior_carts;
  int         failed_manufacturing;
  char       *failed_manufacturing_reason;
  int    transplant_planned;
  int    donor_available;
};

G_DEFINE_FINAL_TYPE (CartaTreatmentHistory, carta_treatment_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FAILED_MANUFACTURING,
  PROP_FAILED_MANUFACTURING_REASON,
  PROP_TRANSPLANT_PLANNED,
  PROP_DONOR_AVAILABLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static const CartaField fields[N_PROPS] = {
  [PROP_FAILED_MANUFACTURING] = CARTA_FIELD_E ("failed-manufacturing", "failed_manufacturing",
                                               CartaTreatmentHistory, failed_manufacturing,
                                               carta_answer_get_type),
  [PROP_FAILED_MANUFACTURING_REASON] = CARTA_FIELD (STRING, "failed-manufacturing-reason",
                                                    "failed_manufacturing_reason",
                                                    CartaTreatmentHistory, failed_manufacturing_reason),
  [PROP_TRANSPLANT_PLANNED] = CARTA_FIELD_E ("transplant-planned", "transplant_planned", CartaTreatmentHistory, transplant_planned, carta_answer_get_type),
  [PROP_DONOR_AVAILABLE] = CARTA_FIELD_E ("donor-available", "donor_available", CartaTreatmentHistory, donor_available, carta_answer_get_type),
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

CARTA_FIELDS_DEFINE_PROPERTY_FUNCS (carta_treatment_history)

static void
emit_changed (CartaTreatmentHistory *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_list_changed_cb (CartaTreatmentHistory *self)
{
  emit_changed (self);
}

static void
carta_treatment_history_notify (GObject    *object,
                                GParamSpec *pspec)
{
  emit_changed (CARTA_TREATMENT_HISTORY (object));
}

static void
carta_treatment_history_dispose (GObject *object)
{
  CartaTreatmentHistory *self = (CartaTreatmentHistory *)object;

  _carta_list_unwatch_all (self->lines, self);
  _carta_list_unwatch_all (self->transplants, self);
  _carta_list_unwatch_all (self->prior_carts, self);
  g_clear_object (&self->lines);
  g_clear_object (&self->transplants);
  g_clear_object (&self->prior_carts);

  G_OBJECT_CLASS (carta_treatment_history_parent_class)->dispose (object);
}

static void
carta_treatment_history_finalize (GObject *object)
{
  _carta_fields_clear (object, fields, N_PROPS);

  G_OBJECT_CLASS (carta_treatment_history_parent_class)->finalize (object);
}

static void
carta_treatment_history_class_init (CartaTreatmentHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carta_treatment_history_dispose;
  object_class->finalize = carta_treatment_history_finalize;
  object_class->get_property = carta_treatment_history_get_property;
  object_class->set_property = carta_treatment_history_set_property;
  object_class->notify = carta_treatment_history_notify;

  _carta_fields_install (object_class, fields, N_PROPS, properties);

  /**
   * CartaTreatmentHistory::changed:
   *
   * Emitted after any field, list, or record in a list changed.
   */
  signals[CHANGED] = _carta_fields_new_changed_signal (object_class);
}

static void
carta_treatment_history_init (CartaTreatmentHistory *self)
{
  self->lines = g_list_store_new (CARTA_TYPE_THERAPY_LINE);
  self->transplants = g_list_store_new (CARTA_TYPE_TRANSPLANT);
  self->prior_carts = g_list_store_new (CARTA_TYPE_PRIOR_CART);

  g_signal_connect_object (self->lines, "items-changed", G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->transplants, "items-changed", G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prior_carts, "items-changed", G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * carta_treatment_history_new:
 *
 * Returns: (transfer full): an empty treatment history
 */
CartaTreatmentHistory *
carta_treatment_history_new (void)
{
  return g_object_new (CARTA_TYPE_TREATMENT_HISTORY, NULL);
}

CARTA_FIELDS_INT_ACCESSORS (CartaTreatmentHistory, carta_treatment_history, CARTA_IS_TREATMENT_HISTORY,
                            failed_manufacturing, PROP_FAILED_MANUFACTURING, CartaAnswer)
CARTA_FIELDS_STRING_ACCESSORS (CartaTreatmentHistory, carta_treatment_history, CARTA_IS_TREATMENT_HISTORY,
                               failed_manufacturing_reason, PROP_FAILED_MANUFACTURING_REASON)
CARTA_FIELDS_INT_ACCESSORS (CartaTreatmentHistory, carta_treatment_history, CARTA_IS_TREATMENT_HISTORY, transplant_planned, PROP_TRANSPLANT_PLANNED, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaTreatmentHistory, carta_treatment_history, CARTA_IS_TREATMENT_HISTORY, donor_available, PROP_DONOR_AVAILABLE, CartaAnswer)

/**
 * carta_treatment_history_get_lines:
 *
 * Returns: (transfer none): a #GListModel of #CartaTherapyLine, first
 *   line first. Change it only through this object.
 */
GListModel *
carta_treatment_history_get_lines (CartaTreatmentHistory *self)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), NULL);
  return G_LIST_MODEL (self->lines);
}

void
carta_treatment_history_insert_line (CartaTreatmentHistory *self,
                                     guint                  position,
                                     CartaTherapyLine      *line)
{
  g_return_if_fail (CARTA_IS_TREATMENT_HISTORY (self));
  g_return_if_fail (CARTA_IS_THERAPY_LINE (line));

  _carta_list_insert (self->lines, position, line, G_CALLBACK (on_list_changed_cb), self);
}

void
carta_treatment_history_add_line (CartaTreatmentHistory *self,
                                  CartaTherapyLine      *line)
{
  carta_treatment_history_insert_line (self, G_MAXUINT, line);
}

/**
 * carta_treatment_history_remove_line:
 * @position: (out) (optional): where the line was, to put it back on undo
 *
 * Returns: %TRUE if @line was in the history
 */
gboolean
carta_treatment_history_remove_line (CartaTreatmentHistory *self,
                                     CartaTherapyLine      *line,
                                     guint                 *position)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), FALSE);
  g_return_val_if_fail (CARTA_IS_THERAPY_LINE (line), FALSE);

  return _carta_list_remove (self->lines, line, position, self);
}

/**
 * carta_treatment_history_move_line:
 * @new_position: the index @line gets; past the end means last
 *
 * Returns: %TRUE if @line was in the history
 */
gboolean
carta_treatment_history_move_line (CartaTreatmentHistory *self,
                                   CartaTherapyLine      *line,
                                   guint                  new_position)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), FALSE);
  g_return_val_if_fail (CARTA_IS_THERAPY_LINE (line), FALSE);

  return _carta_list_move (self->lines, line, new_position);
}

/**
 * carta_treatment_history_get_transplants:
 *
 * Returns: (transfer none): a #GListModel of #CartaTransplant
 */
GListModel *
carta_treatment_history_get_transplants (CartaTreatmentHistory *self)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), NULL);
  return G_LIST_MODEL (self->transplants);
}

void
carta_treatment_history_insert_transplant (CartaTreatmentHistory *self,
                                           guint                  position,
                                           CartaTransplant       *transplant)
{
  g_return_if_fail (CARTA_IS_TREATMENT_HISTORY (self));
  g_return_if_fail (CARTA_IS_TRANSPLANT (transplant));

  _carta_list_insert (self->transplants, position, transplant, G_CALLBACK (on_list_changed_cb), self);
}

gboolean
carta_treatment_history_remove_transplant (CartaTreatmentHistory *self,
                                           CartaTransplant       *transplant,
                                           guint                 *position)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), FALSE);
  g_return_val_if_fail (CARTA_IS_TRANSPLANT (transplant), FALSE);

  return _carta_list_remove (self->transplants, transplant, position, self);
}

/**
 * carta_treatment_history_get_prior_carts:
 *
 * Returns: (transfer none): a #GListModel of #CartaPriorCart
 */
GListModel *
carta_treatment_history_get_prior_carts (CartaTreatmentHistory *self)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), NULL);
  return G_LIST_MODEL (self->prior_carts);
}

void
carta_treatment_history_insert_prior_cart (CartaTreatmentHistory *self,
                                           guint                  position,
                                           CartaPriorCart        *prior_cart)
{
  g_return_if_fail (CARTA_IS_TREATMENT_HISTORY (self));
  g_return_if_fail (CARTA_IS_PRIOR_CART (prior_cart));

  _carta_list_insert (self->prior_carts, position, prior_cart, G_CALLBACK (on_list_changed_cb), self);
}

gboolean
carta_treatment_history_remove_prior_cart (CartaTreatmentHistory *self,
                                           CartaPriorCart        *prior_cart,
                                           guint                 *position)
{
  g_return_val_if_fail (CARTA_IS_TREATMENT_HISTORY (self), FALSE);
  g_return_val_if_fail (CARTA_IS_PRIOR_CART (prior_cart), FALSE);

  return _carta_list_remove (self->prior_carts, prior_cart, position, self);
}

JsonObject *
_carta_treatment_history_to_json (CartaTreatmentHistory *self)
{
  JsonObject *object = json_object_new ();

  _carta_fields_to_json (self, fields, N_PROPS, object);
  json_object_set_array_member (object, "lines",
                                _carta_list_to_json (G_LIST_MODEL (self->lines), _carta_therapy_line_to_json));
  json_object_set_array_member (object, "transplants",
                                _carta_list_to_json (G_LIST_MODEL (self->transplants), _carta_transplant_to_json));
  json_object_set_array_member (object, "prior_car_t",
                                _carta_list_to_json (G_LIST_MODEL (self->prior_carts), _carta_prior_cart_to_json));

  return object;
}

gboolean
_carta_treatment_history_load_json (gpointer                data,
                                    JsonObject             *object,
                                    GError                **error)
{
  CartaTreatmentHistory *self = data;

  return _carta_fields_load_json (self, fields, N_PROPS, properties, object,
                                  /* TRANSLATORS: the part of a case named in a message about a damaged case.json */
                                  N_("treatment history"), error) &&
         _carta_list_load_json (self->lines, object, "lines", CARTA_TYPE_THERAPY_LINE,
                                _carta_therapy_line_load_json, G_CALLBACK (on_list_changed_cb), self, error) &&
         _carta_list_load_json (self->transplants, object, "transplants", CARTA_TYPE_TRANSPLANT,
                                _carta_transplant_load_json, G_CALLBACK (on_list_changed_cb), self, error) &&
         _carta_list_load_json (self->prior_carts, object, "prior_car_t", CARTA_TYPE_PRIOR_CART,
                                _carta_prior_cart_load_json, G_CALLBACK (on_list_changed_cb), self, error);
}

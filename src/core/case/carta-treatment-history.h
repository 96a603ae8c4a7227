/* carta-treatment-history.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-prior-cart.h"
#include "carta-profile-enums.h"
#include "carta-profile-types.h"
#include "carta-therapy-line.h"
#include "carta-transplant.h"

G_BEGIN_DECLS

#define CARTA_TYPE_TREATMENT_HISTORY (carta_treatment_history_get_type ())

G_DECLARE_FINAL_TYPE (CartaTreatmentHistory, carta_treatment_history, CARTA, TREATMENT_HISTORY, GObject)

CartaTreatmentHistory *carta_treatment_history_new                         (void);
GListModel            *carta_treatment_history_get_lines                   (CartaTreatmentHistory *self);
void                   carta_treatment_history_insert_line                 (CartaTreatmentHistory *self,
                                                                            guint                  position,
                                                                            CartaTherapyLine      *line);
void                   carta_treatment_history_add_line                    (CartaTreatmentHistory *self,
                                                                            CartaTherapyLine      *line);
gboolean               carta_treatment_history_remove_line                 (CartaTreatmentHistory *self,
                                                                            CartaTherapyLine      *line,
                                                                            guint                 *position);
gboolean               carta_treatment_history_move_line                   (CartaTreatmentHistory *self,
                                                                            CartaTherapyLine      *line,
                                                                            guint                  new_position);
GListModel            *carta_treatment_history_get_transplants             (CartaTreatmentHistory *self);
void                   carta_treatment_history_insert_transplant           (CartaTreatmentHistory *self,
                                                                            guint                  position,
                                                                            CartaTransplant       *transplant);
gboolean               carta_treatment_history_remove_transplant           (CartaTreatmentHistory *self,
                                                                            CartaTransplant       *transplant,
                                                                            guint                 *position);
GListModel            *carta_treatment_history_get_prior_carts             (CartaTreatmentHistory *self);
void                   carta_treatment_history_insert_prior_cart           (CartaTreatmentHistory *self,
                                                                            guint                  position,
                                                                            CartaPriorCart        *prior_cart);
gboolean               carta_treatment_history_remove_prior_cart           (CartaTreatmentHistory *self,
                                                                            CartaPriorCart        *prior_cart,
                                                                            guint                 *position);
CartaAnswer            carta_treatment_history_get_failed_manufacturing    (CartaTreatmentHistory *self);
void                   carta_treatment_history_set_failed_manufacturing    (CartaTreatmentHistory *self,
                                                                            CartaAnswer            value);
const char            *carta_treatment_history_get_failed_manufacturing_reason (CartaTreatmentHistory *self);
void                   carta_treatment_history_set_failed_manufacturing_reason (CartaTreatmentHistory *self,
                                                                                const char            *value);
CartaAnswer carta_treatment_history_get_transplant_planned (CartaTreatmentHistory *self);
void carta_treatment_history_set_transplant_planned (CartaTreatmentHistory *self, CartaAnswer value);
CartaAnswer carta_treatment_history_get_donor_available (CartaTreatmentHistory *self);
void carta_treatment_history_set_donor_available (CartaTreatmentHistory *self, CartaAnswer value);

G_END_DECLS

/* carta-clinical-status.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-lab-result.h"

G_BEGIN_DECLS

#define CARTA_TYPE_CLINICAL_STATUS (carta_clinical_status_get_type ())

G_DECLARE_FINAL_TYPE (CartaClinicalStatus, carta_clinical_status, CARTA, CLINICAL_STATUS, GObject)

CartaClinicalStatus *carta_clinical_status_new                  (void);
int                  carta_clinical_status_get_ecog             (CartaClinicalStatus *self);
void                 carta_clinical_status_set_ecog             (CartaClinicalStatus *self,
                                                                 int                  grade);
GListModel          *carta_clinical_status_get_labs             (CartaClinicalStatus *self);
void                 carta_clinical_status_insert_lab           (CartaClinicalStatus *self,
                                                                 guint                position,
                                                                 CartaLabResult      *lab);
gboolean             carta_clinical_status_remove_lab           (CartaClinicalStatus *self,
                                                                 CartaLabResult      *lab,
                                                                 guint               *position);
const char          *carta_clinical_status_get_infections       (CartaClinicalStatus *self);
void                 carta_clinical_status_set_infections       (CartaClinicalStatus *self,
                                                                 const char          *value);
const char          *carta_clinical_status_get_other_illnesses  (CartaClinicalStatus *self);
void                 carta_clinical_status_set_other_illnesses  (CartaClinicalStatus *self,
                                                                 const char          *value);
const char          *carta_clinical_status_get_medication       (CartaClinicalStatus *self);
void                 carta_clinical_status_set_medication       (CartaClinicalStatus *self,
                                                                 const char          *value);

G_END_DECLS

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
CartaAllergyAnswer   carta_clinical_status_get_allergies_answer (CartaClinicalStatus *self);
void                 carta_clinical_status_set_allergies_answer (CartaClinicalStatus *self,
                                                                 CartaAllergyAnswer   value);
const char          *carta_clinical_status_get_allergies        (CartaClinicalStatus *self);
void                 carta_clinical_status_set_allergies        (CartaClinicalStatus *self,
                                                                 const char          *value);
int carta_clinical_status_get_karnofsky (CartaClinicalStatus *self);
void carta_clinical_status_set_karnofsky (CartaClinicalStatus *self, int value);
int carta_clinical_status_get_lansky (CartaClinicalStatus *self);
void carta_clinical_status_set_lansky (CartaClinicalStatus *self, int value);
CartaNyhaClass carta_clinical_status_get_nyha_class (CartaClinicalStatus *self);
void carta_clinical_status_set_nyha_class (CartaClinicalStatus *self, CartaNyhaClass value);
CartaAnswer carta_clinical_status_get_infection_active (CartaClinicalStatus *self);
void carta_clinical_status_set_infection_active (CartaClinicalStatus *self, CartaAnswer value);
const char *carta_clinical_status_get_last_chemotherapy (CartaClinicalStatus *self);
void carta_clinical_status_set_last_chemotherapy (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_radiotherapy (CartaClinicalStatus *self);
void carta_clinical_status_set_last_radiotherapy (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_steroids (CartaClinicalStatus *self);
void carta_clinical_status_set_last_steroids (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_gcsf (CartaClinicalStatus *self);
void carta_clinical_status_set_last_gcsf (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_targeted_drug (CartaClinicalStatus *self);
void carta_clinical_status_set_last_targeted_drug (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_antibody (CartaClinicalStatus *self);
void carta_clinical_status_set_last_antibody (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_live_vaccine (CartaClinicalStatus *self);
void carta_clinical_status_set_last_live_vaccine (CartaClinicalStatus *self, const char *value);
const char *carta_clinical_status_get_last_trial_drug (CartaClinicalStatus *self);
void carta_clinical_status_set_last_trial_drug (CartaClinicalStatus *self, const char *value);
CartaAnswer carta_clinical_status_get_solid_organ_transplant (CartaClinicalStatus *self);
void carta_clinical_status_set_solid_organ_transplant (CartaClinicalStatus *self, CartaAnswer value);
CartaAnswer carta_clinical_status_get_autoimmune_disease (CartaClinicalStatus *self);
void carta_clinical_status_set_autoimmune_disease (CartaClinicalStatus *self, CartaAnswer value);
CartaAnswer carta_clinical_status_get_seizures (CartaClinicalStatus *self);
void carta_clinical_status_set_seizures (CartaClinicalStatus *self, CartaAnswer value);
CartaAnswer carta_clinical_status_get_stroke (CartaClinicalStatus *self);
void carta_clinical_status_set_stroke (CartaClinicalStatus *self, CartaAnswer value);
CartaAnswer carta_clinical_status_get_other_cancer (CartaClinicalStatus *self);
void carta_clinical_status_set_other_cancer (CartaClinicalStatus *self, CartaAnswer value);
guint                carta_clinical_status_get_n_washouts       (void);
const char          *carta_clinical_status_get_washout_property (guint                index);
const char          *carta_clinical_status_get_washout_title    (guint                index);
const char          *carta_clinical_status_get_washout_date     (CartaClinicalStatus *self,
                                                                 guint                index);

G_END_DECLS

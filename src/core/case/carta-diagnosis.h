/* carta-diagnosis.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "carta-profile-enums.h"
#include "carta-profile-types.h"

G_BEGIN_DECLS

#define CARTA_TYPE_DIAGNOSIS (carta_diagnosis_get_type ())

G_DECLARE_FINAL_TYPE (CartaDiagnosis, carta_diagnosis, CARTA, DIAGNOSIS, GObject)

CartaDiagnosis   *carta_diagnosis_new                 (void);
CartaDisease      carta_diagnosis_get_disease         (CartaDiagnosis *self);
void              carta_diagnosis_set_disease         (CartaDiagnosis *self, CartaDisease value);
const char       *carta_diagnosis_get_disease_other   (CartaDiagnosis *self);
void              carta_diagnosis_set_disease_other   (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_diagnosis_date  (CartaDiagnosis *self);
void              carta_diagnosis_set_diagnosis_date  (CartaDiagnosis *self, const char *value);
CartaDiseaseState carta_diagnosis_get_state           (CartaDiagnosis *self);
void              carta_diagnosis_set_state           (CartaDiagnosis *self, CartaDiseaseState value);
const char       *carta_diagnosis_get_cd19_percent    (CartaDiagnosis *self);
void              carta_diagnosis_set_cd19_percent    (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_bcma_percent    (CartaDiagnosis *self);
void              carta_diagnosis_set_bcma_percent    (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_antigen_method  (CartaDiagnosis *self);
void              carta_diagnosis_set_antigen_method  (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_antigen_date    (CartaDiagnosis *self);
void              carta_diagnosis_set_antigen_date    (CartaDiagnosis *self, const char *value);
CartaCnsStatus    carta_diagnosis_get_cns_status      (CartaDiagnosis *self);
void              carta_diagnosis_set_cns_status      (CartaDiagnosis *self, CartaCnsStatus value);
const char       *carta_diagnosis_get_lumbar_puncture_date   (CartaDiagnosis *self);
void              carta_diagnosis_set_lumbar_puncture_date   (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_lumbar_puncture_result (CartaDiagnosis *self);
void              carta_diagnosis_set_lumbar_puncture_result (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_brain_mri_date         (CartaDiagnosis *self);
void              carta_diagnosis_set_brain_mri_date         (CartaDiagnosis *self, const char *value);
const char       *carta_diagnosis_get_brain_mri_result       (CartaDiagnosis *self);
void              carta_diagnosis_set_brain_mri_result       (CartaDiagnosis *self, const char *value);

G_END_DECLS

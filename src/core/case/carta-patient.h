/* carta-patient.h
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

#define CARTA_TYPE_PATIENT (carta_patient_get_type ())

G_DECLARE_FINAL_TYPE (CartaPatient, carta_patient, CARTA, PATIENT, GObject)

CartaPatient  *carta_patient_new                    (void);
const char    *carta_patient_get_name               (CartaPatient *self);
void           carta_patient_set_name               (CartaPatient *self, const char *value);
const char    *carta_patient_get_other_names        (CartaPatient *self);
void           carta_patient_set_other_names        (CartaPatient *self, const char *value);
const char    *carta_patient_get_sex                (CartaPatient *self);
void           carta_patient_set_sex                (CartaPatient *self, const char *value);
const char    *carta_patient_get_country            (CartaPatient *self);
void           carta_patient_set_country            (CartaPatient *self, const char *value);
const char    *carta_patient_get_preferred_language (CartaPatient *self);
void           carta_patient_set_preferred_language (CartaPatient *self, const char *value);
const char    *carta_patient_get_languages          (CartaPatient *self);
void           carta_patient_set_languages          (CartaPatient *self, const char *value);
const char    *carta_patient_get_contact            (CartaPatient *self);
void           carta_patient_set_contact            (CartaPatient *self, const char *value);
double         carta_patient_get_weight_kg          (CartaPatient *self);
void           carta_patient_set_weight_kg          (CartaPatient *self, double value);
double         carta_patient_get_height_cm          (CartaPatient *self);
void           carta_patient_set_height_cm          (CartaPatient *self, double value);
const char    *carta_patient_get_date_of_birth (CartaPatient *self);
gboolean       carta_patient_set_date_of_birth (CartaPatient *self,
                                                const char   *iso_date);
int            carta_patient_get_age           (CartaPatient *self,
                                                GDate        *today);
GStrv          carta_patient_dup_languages_list (CartaPatient *self);

G_END_DECLS

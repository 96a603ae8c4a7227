/* carta-patient.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CARTA_TYPE_PATIENT (carta_patient_get_type ())

G_DECLARE_FINAL_TYPE (CartaPatient, carta_patient, CARTA, PATIENT, GObject)

CartaPatient *carta_patient_new                    (void);
const char   *carta_patient_get_name               (CartaPatient *self);
void          carta_patient_set_name               (CartaPatient *self,
                                                    const char   *name);
const char   *carta_patient_get_date_of_birth      (CartaPatient *self);
gboolean      carta_patient_set_date_of_birth      (CartaPatient *self,
                                                    const char   *iso_date);
const char   *carta_patient_get_sex                (CartaPatient *self);
void          carta_patient_set_sex                (CartaPatient *self,
                                                    const char   *sex);
const char   *carta_patient_get_country            (CartaPatient *self);
void          carta_patient_set_country            (CartaPatient *self,
                                                    const char   *country);
const char   *carta_patient_get_preferred_language (CartaPatient *self);
void          carta_patient_set_preferred_language (CartaPatient *self,
                                                    const char   *language);
const char   *carta_patient_get_contact            (CartaPatient *self);
void          carta_patient_set_contact            (CartaPatient *self,
                                                    const char   *contact);

G_END_DECLS

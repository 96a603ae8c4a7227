/* carta-transplant.h
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

#define CARTA_TYPE_TRANSPLANT (carta_transplant_get_type ())

G_DECLARE_FINAL_TYPE (CartaTransplant, carta_transplant, CARTA, TRANSPLANT, GObject)

CartaTransplant    *carta_transplant_new            (void);
CartaTransplantType carta_transplant_get_kind       (CartaTransplant *self);
void                carta_transplant_set_kind       (CartaTransplant *self, CartaTransplantType value);
const char         *carta_transplant_get_date       (CartaTransplant *self);
void                carta_transplant_set_date       (CartaTransplant *self, const char *value);
CartaGvhdGrade      carta_transplant_get_gvhd_grade (CartaTransplant *self);
void                carta_transplant_set_gvhd_grade (CartaTransplant *self, CartaGvhdGrade value);
const char         *carta_transplant_get_notes      (CartaTransplant *self);
void                carta_transplant_set_notes      (CartaTransplant *self, const char *value);
CartaDonorType carta_transplant_get_donor_type (CartaTransplant *self);
void carta_transplant_set_donor_type (CartaTransplant *self, CartaDonorType value);
CartaAnswer carta_transplant_get_chronic_gvhd (CartaTransplant *self);
void carta_transplant_set_chronic_gvhd (CartaTransplant *self, CartaAnswer value);
CartaAnswer carta_transplant_get_gvhd_active (CartaTransplant *self);
void carta_transplant_set_gvhd_active (CartaTransplant *self, CartaAnswer value);
CartaAnswer carta_transplant_get_immunosuppressants (CartaTransplant *self);
void carta_transplant_set_immunosuppressants (CartaTransplant *self, CartaAnswer value);

G_END_DECLS

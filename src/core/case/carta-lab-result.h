/* carta-lab-result.h
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

#define CARTA_TYPE_LAB_RESULT (carta_lab_result_get_type ())

G_DECLARE_FINAL_TYPE (CartaLabResult, carta_lab_result, CARTA, LAB_RESULT, GObject)

CartaLabResult  *carta_lab_result_new       (void);
const char      *carta_lab_result_get_name  (CartaLabResult *self);
void             carta_lab_result_set_name  (CartaLabResult *self, const char *value);
const char      *carta_lab_result_get_value (CartaLabResult *self);
void             carta_lab_result_set_value (CartaLabResult *self, const char *value);
const char      *carta_lab_result_get_unit  (CartaLabResult *self);
void             carta_lab_result_set_unit  (CartaLabResult *self, const char *value);
const char      *carta_lab_result_get_date  (CartaLabResult *self);
void             carta_lab_result_set_date  (CartaLabResult *self, const char *value);
const char      *carta_lab_result_get_method (CartaLabResult *self);
void             carta_lab_result_set_method (CartaLabResult *self, const char *value);
CartaLabKind     carta_lab_result_get_kind  (CartaLabResult *self);
void             carta_lab_result_set_kind  (CartaLabResult *self, CartaLabKind value);
const char      *carta_lab_result_get_display_name (CartaLabResult *self);

G_END_DECLS

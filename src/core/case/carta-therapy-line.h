/* carta-therapy-line.h
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

#define CARTA_TYPE_THERAPY_LINE (carta_therapy_line_get_type ())

G_DECLARE_FINAL_TYPE (CartaTherapyLine, carta_therapy_line, CARTA, THERAPY_LINE, GObject)

CartaTherapyLine  *carta_therapy_line_new               (void);
const char        *carta_therapy_line_get_regimen       (CartaTherapyLine *self);
void               carta_therapy_line_set_regimen       (CartaTherapyLine *self, const char *value);
const char        *carta_therapy_line_get_start_date    (CartaTherapyLine *self);
void               carta_therapy_line_set_start_date    (CartaTherapyLine *self, const char *value);
const char        *carta_therapy_line_get_end_date      (CartaTherapyLine *self);
void               carta_therapy_line_set_end_date      (CartaTherapyLine *self, const char *value);
CartaResponse      carta_therapy_line_get_best_response (CartaTherapyLine *self);
void               carta_therapy_line_set_best_response (CartaTherapyLine *self, CartaResponse value);
const char        *carta_therapy_line_get_notes         (CartaTherapyLine *self);
void               carta_therapy_line_set_notes         (CartaTherapyLine *self, const char *value);

G_END_DECLS

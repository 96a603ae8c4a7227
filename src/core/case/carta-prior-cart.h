/* carta-prior-cart.h
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

#define CARTA_TYPE_PRIOR_CART (carta_prior_cart_get_type ())

G_DECLARE_FINAL_TYPE (CartaPriorCart, carta_prior_cart, CARTA, PRIOR_CART, GObject)

CartaPriorCart  *carta_prior_cart_new              (void);
const char      *carta_prior_cart_get_product      (CartaPriorCart *self);
void             carta_prior_cart_set_product      (CartaPriorCart *self, const char *value);
const char      *carta_prior_cart_get_date         (CartaPriorCart *self);
void             carta_prior_cart_set_date         (CartaPriorCart *self, const char *value);
CartaResponse    carta_prior_cart_get_response     (CartaPriorCart *self);
void             carta_prior_cart_set_response     (CartaPriorCart *self, CartaResponse value);
const char      *carta_prior_cart_get_relapse_date (CartaPriorCart *self);
void             carta_prior_cart_set_relapse_date (CartaPriorCart *self, const char *value);
const char      *carta_prior_cart_get_notes        (CartaPriorCart *self);
void             carta_prior_cart_set_notes        (CartaPriorCart *self, const char *value);
const char *carta_prior_cart_get_target (CartaPriorCart *self);
void carta_prior_cart_set_target (CartaPriorCart *self, const char *value);
CartaTransplantType carta_prior_cart_get_cell_source (CartaPriorCart *self);
void carta_prior_cart_set_cell_source (CartaPriorCart *self, CartaTransplantType value);

G_END_DECLS

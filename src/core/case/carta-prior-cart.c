/* carta-prior-cart.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-prior-cart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-prior-cart-private.h"

/* A CAR-T treatment the patient already had. */
struct _CartaPriorCart
{
  GObject parent_instance;

  char  *product;
  char  *date;
  int    response;
  char  *relapse_date;
  char  *notes;
  char  *target;
  int    cell_source;
};

G_DEFINE_FINAL_TYPE (CartaPriorCart, carta_prior_cart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRODUCT,
  PROP_DATE,
  PROP_RESPONSE,
  PROP_RELAPSE_DATE,
  PROP_NOTES,
  PROP_TARGET,
  PROP_CELL_SOURCE,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_PRODUCT] = CARTA_FIELD (STRING, "product", "product", CartaPriorCart, product),
  [PROP_DATE] = CARTA_FIELD (DATE, "date", "date", CartaPriorCart, date),
  [PROP_RESPONSE] = CARTA_FIELD_E ("response", "response", CartaPriorCart, response, carta_response_get_type),
  [PROP_RELAPSE_DATE] = CARTA_FIELD (DATE, "relapse-date", "relapse_date", CartaPriorCart, relapse_date),
  [PROP_NOTES] = CARTA_FIELD (STRING, "notes", "notes", CartaPriorCart, notes),
  [PROP_TARGET] = CARTA_FIELD (STRING, "target", "target", CartaPriorCart, target),
  [PROP_CELL_SOURCE] = CARTA_FIELD_E ("cell-source", "cell_source", CartaPriorCart, cell_source, carta_transplant_type_get_type),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaPriorCart, carta_prior_cart, N_("earlier CAR-T therapy"))

/**
 * carta_prior_cart_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaPriorCart *
carta_prior_cart_new (void)
{
  return g_object_new (CARTA_TYPE_PRIOR_CART, NULL);
}

CARTA_FIELDS_STRING_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, product, PROP_PRODUCT)
CARTA_FIELDS_STRING_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, date, PROP_DATE)
CARTA_FIELDS_INT_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, response, PROP_RESPONSE, CartaResponse)
CARTA_FIELDS_STRING_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, relapse_date, PROP_RELAPSE_DATE)
CARTA_FIELDS_STRING_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, notes, PROP_NOTES)
CARTA_FIELDS_STRING_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, target, PROP_TARGET)
CARTA_FIELDS_INT_ACCESSORS (CartaPriorCart, carta_prior_cart, CARTA_IS_PRIOR_CART, cell_source, PROP_CELL_SOURCE, CartaTransplantType)

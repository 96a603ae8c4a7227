/* carta-lab-result.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-lab-result"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-lab-result-private.h"

/* One laboratory value; the value is text as written on the report. */
struct _CartaLabResult
{
  GObject parent_instance;

  int    kind;
  char  *name;
  char  *value;
  char  *unit;
  char  *date;
  char  *method;
};

G_DEFINE_FINAL_TYPE (CartaLabResult, carta_lab_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_VALUE,
  PROP_UNIT,
  PROP_DATE,
  PROP_METHOD,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_KIND] = CARTA_FIELD_E ("kind", "kind", CartaLabResult, kind, carta_lab_kind_get_type),
  [PROP_NAME] = CARTA_FIELD (STRING, "name", "name", CartaLabResult, name),
  [PROP_VALUE] = CARTA_FIELD (STRING, "value", "value", CartaLabResult, value),
  [PROP_UNIT] = CARTA_FIELD (STRING, "unit", "unit", CartaLabResult, unit),
  [PROP_DATE] = CARTA_FIELD (DATE, "date", "date", CartaLabResult, date),
  [PROP_METHOD] = CARTA_FIELD (STRING, "method", "method", CartaLabResult, method),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaLabResult, carta_lab_result, N_("lab result"))

/**
 * carta_lab_result_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaLabResult *
carta_lab_result_new (void)
{
  return g_object_new (CARTA_TYPE_LAB_RESULT, NULL);
}

CARTA_FIELDS_STRING_ACCESSORS (CartaLabResult, carta_lab_result, CARTA_IS_LAB_RESULT, name, PROP_NAME)
CARTA_FIELDS_STRING_ACCESSORS (CartaLabResult, carta_lab_result, CARTA_IS_LAB_RESULT, value, PROP_VALUE)
CARTA_FIELDS_STRING_ACCESSORS (CartaLabResult, carta_lab_result, CARTA_IS_LAB_RESULT, unit, PROP_UNIT)
CARTA_FIELDS_STRING_ACCESSORS (CartaLabResult, carta_lab_result, CARTA_IS_LAB_RESULT, date, PROP_DATE)
CARTA_FIELDS_STRING_ACCESSORS (CartaLabResult, carta_lab_result, CARTA_IS_LAB_RESULT, method, PROP_METHOD)
CARTA_FIELDS_INT_ACCESSORS (CartaLabResult, carta_lab_result, CARTA_IS_LAB_RESULT, kind, PROP_KIND, CartaLabKind)

/**
 * carta_lab_result_get_display_name:
 *
 * Returns: (transfer none): the name the family wrote, else the kind's
 *   label, else %NULL
 */
const char *
carta_lab_result_get_display_name (CartaLabResult *self)
{
  g_return_val_if_fail (CARTA_IS_LAB_RESULT (self), NULL);

  if (self->name != NULL)
    return self->name;
  if (self->kind != CARTA_LAB_KIND_NOT_SET)
    return carta_lab_kind_to_label (self->kind);
  return NULL;
}

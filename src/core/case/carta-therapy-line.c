/* carta-therapy-line.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-therapy-line"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-therapy-line-private.h"

/* One line of therapy, in the order the patient received them. */
struct _CartaTherapyLine
{
  GObject parent_instance;

  char  *regimen;
  char  *start_date;
  char  *end_date;
  int    best_response;
  char  *notes;
};

G_DEFINE_FINAL_TYPE (CartaTherapyLine, carta_therapy_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGIMEN,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_BEST_RESPONSE,
  PROP_NOTES,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_REGIMEN] = CARTA_FIELD (STRING, "regimen", "regimen", CartaTherapyLine, regimen),
  [PROP_START_DATE] = CARTA_FIELD (DATE, "start-date", "start_date", CartaTherapyLine, start_date),
  [PROP_END_DATE] = CARTA_FIELD (DATE, "end-date", "end_date", CartaTherapyLine, end_date),
  [PROP_BEST_RESPONSE] = CARTA_FIELD_E ("best-response", "best_response", CartaTherapyLine, best_response, carta_response_get_type),
  [PROP_NOTES] = CARTA_FIELD (STRING, "notes", "notes", CartaTherapyLine, notes),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaTherapyLine, carta_therapy_line, N_("line of therapy"))

/**
 * carta_therapy_line_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaTherapyLine *
carta_therapy_line_new (void)
{
  return g_object_new (CARTA_TYPE_THERAPY_LINE, NULL);
}

CARTA_FIELDS_STRING_ACCESSORS (CartaTherapyLine, carta_therapy_line, CARTA_IS_THERAPY_LINE, regimen, PROP_REGIMEN)
CARTA_FIELDS_STRING_ACCESSORS (CartaTherapyLine, carta_therapy_line, CARTA_IS_THERAPY_LINE, start_date, PROP_START_DATE)
CARTA_FIELDS_STRING_ACCESSORS (CartaTherapyLine, carta_therapy_line, CARTA_IS_THERAPY_LINE, end_date, PROP_END_DATE)
CARTA_FIELDS_INT_ACCESSORS (CartaTherapyLine, carta_therapy_line, CARTA_IS_THERAPY_LINE, best_response, PROP_BEST_RESPONSE, CartaResponse)
CARTA_FIELDS_STRING_ACCESSORS (CartaTherapyLine, carta_therapy_line, CARTA_IS_THERAPY_LINE, notes, PROP_NOTES)

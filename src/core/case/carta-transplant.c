/* carta-transplant.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-transplant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-transplant-private.h"

/* A stem-cell transplant. */
struct _CartaTransplant
{
  GObject parent_instance;

  int    kind;
  char  *date;
  int    gvhd_grade;
  char  *notes;
  int    donor_type;
  int    chronic_gvhd;
  int    gvhd_active;
  int    immunosuppressants;
};

G_DEFINE_FINAL_TYPE (CartaTransplant, carta_transplant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATE,
  PROP_GVHD_GRADE,
  PROP_NOTES,
  PROP_DONOR_TYPE,
  PROP_CHRONIC_GVHD,
  PROP_GVHD_ACTIVE,
  PROP_IMMUNOSUPPRESSANTS,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_KIND] = CARTA_FIELD_E ("kind", "kind", CartaTransplant, kind, carta_transplant_type_get_type),
  [PROP_DATE] = CARTA_FIELD (DATE, "date", "date", CartaTransplant, date),
  [PROP_GVHD_GRADE] = CARTA_FIELD_E ("gvhd-grade", "gvhd_grade", CartaTransplant, gvhd_grade, carta_gvhd_grade_get_type),
  [PROP_NOTES] = CARTA_FIELD (STRING, "notes", "notes", CartaTransplant, notes),
  [PROP_DONOR_TYPE] = CARTA_FIELD_E ("donor-type", "donor_type", CartaTransplant, donor_type, carta_donor_type_get_type),
  [PROP_CHRONIC_GVHD] = CARTA_FIELD_E ("chronic-gvhd", "chronic_gvhd", CartaTransplant, chronic_gvhd, carta_answer_get_type),
  [PROP_GVHD_ACTIVE] = CARTA_FIELD_E ("gvhd-active", "gvhd_active", CartaTransplant, gvhd_active, carta_answer_get_type),
  [PROP_IMMUNOSUPPRESSANTS] = CARTA_FIELD_E ("immunosuppressants", "immunosuppressants", CartaTransplant, immunosuppressants, carta_answer_get_type),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaTransplant, carta_transplant, N_("transplant"))

/**
 * carta_transplant_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaTransplant *
carta_transplant_new (void)
{
  return g_object_new (CARTA_TYPE_TRANSPLANT, NULL);
}

CARTA_FIELDS_INT_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, kind, PROP_KIND, CartaTransplantType)
CARTA_FIELDS_STRING_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, date, PROP_DATE)
CARTA_FIELDS_INT_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, gvhd_grade, PROP_GVHD_GRADE, CartaGvhdGrade)
CARTA_FIELDS_STRING_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, notes, PROP_NOTES)
CARTA_FIELDS_INT_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, donor_type, PROP_DONOR_TYPE, CartaDonorType)
CARTA_FIELDS_INT_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, chronic_gvhd, PROP_CHRONIC_GVHD, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, gvhd_active, PROP_GVHD_ACTIVE, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaTransplant, carta_transplant, CARTA_IS_TRANSPLANT, immunosuppressants, PROP_IMMUNOSUPPRESSANTS, CartaAnswer)

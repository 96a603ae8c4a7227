/* carta-patient.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-patient"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-date.h"
#include "carta-json-private.h"
#include "carta-patient-private.h"

/* Who the patient is. “contact” is the single text field of schema 1;
 * files of that schema move it into the case's contacts on load, and it
 * stays readable and writable for older callers. */
struct _CartaPatient
{
  GObject parent_instance;

  char  *name;
  char  *other_names;
  char  *date_of_birth;
  char  *sex;
  char  *country;
  char  *preferred_language;
  char  *languages;
  char  *contact;
  double weight_kg;
  double height_cm;
};

G_DEFINE_FINAL_TYPE (CartaPatient, carta_patient, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OTHER_NAMES,
  PROP_DATE_OF_BIRTH,
  PROP_SEX,
  PROP_COUNTRY,
  PROP_PREFERRED_LANGUAGE,
  PROP_LANGUAGES,
  PROP_CONTACT,
  PROP_WEIGHT_KG,
  PROP_HEIGHT_CM,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_NAME] = CARTA_FIELD (STRING, "name", "name", CartaPatient, name),
  [PROP_OTHER_NAMES] = CARTA_FIELD (STRING, "other-names", "other_names", CartaPatient, other_names),
  [PROP_DATE_OF_BIRTH] = CARTA_FIELD (DATE, "date-of-birth", "date_of_birth", CartaPatient, date_of_birth),
  [PROP_SEX] = CARTA_FIELD (STRING, "sex", "sex", CartaPatient, sex),
  [PROP_COUNTRY] = CARTA_FIELD (STRING, "country", "country", CartaPatient, country),
  [PROP_PREFERRED_LANGUAGE] = CARTA_FIELD (STRING, "preferred-language", "preferred_language", CartaPatient, preferred_language),
  [PROP_LANGUAGES] = CARTA_FIELD (STRING, "languages", "languages", CartaPatient, languages),
  [PROP_CONTACT] = CARTA_FIELD (STRING, "contact", "contact", CartaPatient, contact),
  [PROP_WEIGHT_KG] = CARTA_FIELD (DOUBLE, "weight-kg", "weight_kg", CartaPatient, weight_kg),
  [PROP_HEIGHT_CM] = CARTA_FIELD (DOUBLE, "height-cm", "height_cm", CartaPatient, height_cm),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaPatient, carta_patient, N_("patient"))

/**
 * carta_patient_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaPatient *
carta_patient_new (void)
{
  return g_object_new (CARTA_TYPE_PATIENT, NULL);
}

CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, name, PROP_NAME)
CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, other_names, PROP_OTHER_NAMES)
CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, sex, PROP_SEX)
CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, country, PROP_COUNTRY)
CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, preferred_language, PROP_PREFERRED_LANGUAGE)
CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, languages, PROP_LANGUAGES)
CARTA_FIELDS_STRING_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, contact, PROP_CONTACT)
CARTA_FIELDS_DOUBLE_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, weight_kg, PROP_WEIGHT_KG)
CARTA_FIELDS_DOUBLE_ACCESSORS (CartaPatient, carta_patient, CARTA_IS_PATIENT, height_cm, PROP_HEIGHT_CM)

const char *
carta_patient_get_date_of_birth (CartaPatient *self)
{
  g_return_val_if_fail (CARTA_IS_PATIENT (self), NULL);
  return self->date_of_birth;
}

/**
 * carta_patient_set_date_of_birth:
 * @iso_date: (nullable): `YYYY-MM-DD`, or %NULL or "" to clear
 *
 * A date in the future is kept (carta_validate_date() reports it); text
 * that is not a date at all is refused, as in schema 1.
 *
 * Returns: %FALSE, changing nothing, when @iso_date is not a valid date
 */
gboolean
carta_patient_set_date_of_birth (CartaPatient *self,
                                 const char   *iso_date)
{
  g_return_val_if_fail (CARTA_IS_PATIENT (self), FALSE);

  if (iso_date != NULL && iso_date[0] != '\0' && !_carta_is_iso_date (iso_date))
    return FALSE;

  _carta_fields_set_string (self, &fields[PROP_DATE_OF_BIRTH], properties[PROP_DATE_OF_BIRTH], iso_date);
  return TRUE;
}

/**
 * carta_patient_get_age:
 * @today: (nullable): the day to count to, or %NULL for today
 *
 * Returns: the age in whole years, or -1 if the date of birth is not
 *   given, not a full date, or after @today
 */
int
carta_patient_get_age (CartaPatient *self,
                       GDate        *today)
{
  g_return_val_if_fail (CARTA_IS_PATIENT (self), -1);

  return carta_date_age (self->date_of_birth, today);
}

/**
 * carta_patient_dup_languages_list:
 *
 * Returns: (transfer full): the languages spoken, split at commas and
 *   semicolons, without empty entries
 */
GStrv
carta_patient_dup_languages_list (CartaPatient *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (CARTA_IS_PATIENT (self), NULL);

  parts = g_strsplit_set (self->languages ? self->languages : "", ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

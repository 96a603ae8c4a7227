/* carta-patient.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-patient"

#include "config.h"

#include "carta-error.h"
#include "carta-json-private.h"
#include "carta-patient-private.h"

struct _CartaPatient
{
  GObject  parent_instance;

  char    *name;
  char    *date_of_birth;
  char    *sex;
  char    *country;
  char    *preferred_language;
  char    *contact;
};

G_DEFINE_FINAL_TYPE (CartaPatient, carta_patient, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_SEX,
  PROP_COUNTRY,
  PROP_PREFERRED_LANGUAGE,
  PROP_CONTACT,
  N_PROPS
};

/* Every field is text, so one table drives properties, accessors and
 * JSON alike; the JSON member is the property name with underscores. */
static const struct {
  const char *name;
  const char *json_member;
  gsize       offset;
} fields[N_PROPS] = {
  [PROP_NAME] = { "name", "name", G_STRUCT_OFFSET (CartaPatient, name) },
  [PROP_DATE_OF_BIRTH] = { "date-of-birth", "date_of_birth", G_STRUCT_OFFSET (CartaPatient, date_of_birth) },
  [PROP_SEX] = { "sex", "sex", G_STRUCT_OFFSET (CartaPatient, sex) },
  [PROP_COUNTRY] = { "country", "country", G_STRUCT_OFFSET (CartaPatient, country) },
  [PROP_PREFERRED_LANGUAGE] = { "preferred-language", "preferred_language", G_STRUCT_OFFSET (CartaPatient, preferred_language) },
  [PROP_CONTACT] = { "contact", "contact", G_STRUCT_OFFSET (CartaPatient, contact) },
};

static GParamSpec *properties[N_PROPS];

#define FIELD(self, prop) G_STRUCT_MEMBER (char *, self, fields[prop].offset)

static void
set_field (CartaPatient *self,
           guint         prop,
           const char   *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (_carta_set_str (&FIELD (self, prop), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
carta_patient_finalize (GObject *object)
{
  CartaPatient *self = (CartaPatient *)object;

  for (guint i = 1; i < N_PROPS; i++)
    g_clear_pointer (&FIELD (self, i), g_free);

  G_OBJECT_CLASS (carta_patient_parent_class)->finalize (object);
}

static void
carta_patient_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CartaPatient *self = CARTA_PATIENT (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, FIELD (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
carta_patient_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CartaPatient *self = CARTA_PATIENT (object);

  if (prop_id == PROP_DATE_OF_BIRTH)
    carta_patient_set_date_of_birth (self, g_value_get_string (value));
  else if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
carta_patient_class_init (CartaPatientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_patient_finalize;
  object_class->get_property = carta_patient_get_property;
  object_class->set_property = carta_patient_set_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] =
      g_param_spec_string (fields[i].name, NULL, NULL, NULL,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_patient_init (CartaPatient *self)
{
}

/**
 * carta_patient_new:
 *
 * Returns: (transfer full): an empty patient profile
 */
CartaPatient *
carta_patient_new (void)
{
  return g_object_new (CARTA_TYPE_PATIENT, NULL);
}

#define DEFINE_ACCESSORS(name, PROP)                                            \
const char *                                                                    \
carta_patient_get_##name (CartaPatient *self)                                   \
{                                                                               \
  g_return_val_if_fail (CARTA_IS_PATIENT (self), NULL);                         \
  return self->name;                                                            \
}                                                                               \
                                                                                \
void                                                                            \
carta_patient_set_##name (CartaPatient *self,                                   \
                          const char   *name)                                   \
{                                                                               \
  g_return_if_fail (CARTA_IS_PATIENT (self));                                   \
  set_field (self, PROP, name);                                                 \
}

DEFINE_ACCESSORS (name, PROP_NAME)
DEFINE_ACCESSORS (sex, PROP_SEX)
DEFINE_ACCESSORS (country, PROP_COUNTRY)
DEFINE_ACCESSORS (preferred_language, PROP_PREFERRED_LANGUAGE)
DEFINE_ACCESSORS (contact, PROP_CONTACT)

#undef DEFINE_ACCESSORS

const char *
carta_patient_get_date_of_birth (CartaPatient *self)
{
  g_return_val_if_fail (CARTA_IS_PATIENT (self), NULL);
  return self->date_of_birth;
}

/**
 * carta_patient_set_date_of_birth:
 * @iso_date: (nullable): `YYYY-MM-DD`, or %NULL to clear
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

  set_field (self, PROP_DATE_OF_BIRTH, iso_date);
  return TRUE;
}

JsonObject *
_carta_patient_to_json (CartaPatient *self)
{
  JsonObject *object = json_object_new ();

  for (guint i = 1; i < N_PROPS; i++)
    _carta_json_set_string (object, fields[i].json_member, FIELD (self, i));

  return object;
}

gboolean
_carta_patient_load_json (CartaPatient  *self,
                          JsonObject    *object,
                          GError       **error)
{
  const char *values[N_PROPS] = { NULL };

  /* Validate everything first so a bad file changes nothing. */
  for (guint i = 1; i < N_PROPS; i++)
    {
      GError *local_error = NULL;

      values[i] = _carta_json_get_string (object, fields[i].json_member, FALSE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, local_error, "patient: ");
          return FALSE;
        }
    }

  if (values[PROP_DATE_OF_BIRTH] != NULL && !_carta_is_iso_date (values[PROP_DATE_OF_BIRTH]))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   "patient: the date of birth “%s” is not a valid date", values[PROP_DATE_OF_BIRTH]);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    set_field (self, i, values[i]);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

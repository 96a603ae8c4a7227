/* carta-clinical-status.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-clinical-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-clinical-status-private.h"
#include "carta-fields-private.h"
#include "carta-lab-result-private.h"

/* How the patient is now. ECOG, Karnofsky and Lansky are -1 when not
 * given; a value out of range is kept as written and reported by
 * carta_validate_ecog() and carta_validate_performance_score(). The
 * last_* dates are when each kind of treatment was last given, for the
 * washout periods trials set. */
struct _CartaClinicalStatus
{
  GObject     parent_instance;

  int         ecog;
  GListStore *labs;
  char       *infections;
  char       *other_illnesses;
  char       *medication;
  int         allergies_answer;
  char       *allergies;
  int         karnofsky;
  int         lansky;
  int         nyha_class;
  int         infection_active;
  char       *last_chemotherapy;
  char       *last_radiotherapy;
  char       *last_steroids;
  char       *last_gcsf;
  char       *last_targeted_drug;
  char       *last_antibody;
  char       *last_live_vaccine;
  char       *last_trial_drug;
  int         solid_organ_transplant;
  int         autoimmune_disease;
  int         seizures;
  int         stroke;
  int         other_cancer;
};

G_DEFINE_FINAL_TYPE (CartaClinicalStatus, carta_clinical_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ECOG,
  PROP_INFECTIONS,
  PROP_OTHER_ILLNESSES,
  PROP_MEDICATION,
  PROP_ALLERGIES_ANSWER,
  PROP_ALLERGIES,
  PROP_KARNOFSKY,
  PROP_LANSKY,
  PROP_NYHA_CLASS,
  PROP_INFECTION_ACTIVE,
  PROP_LAST_CHEMOTHERAPY,
  PROP_LAST_RADIOTHERAPY,
  PROP_LAST_STEROIDS,
  PROP_LAST_GCSF,
  PROP_LAST_TARGETED_DRUG,
  PROP_LAST_ANTIBODY,
  PROP_LAST_LIVE_VACCINE,
  PROP_LAST_TRIAL_DRUG,
  PROP_SOLID_ORGAN_TRANSPLANT,
  PROP_AUTOIMMUNE_DISEASE,
  PROP_SEIZURES,
  PROP_STROKE,
  PROP_OTHER_CANCER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static const CartaField fields[N_PROPS] = {
  [PROP_ECOG] = CARTA_FIELD (INT, "ecog", "ecog", CartaClinicalStatus, ecog),
  [PROP_INFECTIONS] = CARTA_FIELD (STRING, "infections", "infections", CartaClinicalStatus, infections),
  [PROP_OTHER_ILLNESSES] = CARTA_FIELD (STRING, "other-illnesses", "other_illnesses", CartaClinicalStatus, other_illnesses),
  [PROP_MEDICATION] = CARTA_FIELD (STRING, "medication", "medication", CartaClinicalStatus, medication),
  [PROP_ALLERGIES_ANSWER] = CARTA_FIELD_E ("allergies-answer", "allergies_answer", CartaClinicalStatus, allergies_answer, carta_allergy_answer_get_type),
  [PROP_ALLERGIES] = CARTA_FIELD (STRING, "allergies", "allergies", CartaClinicalStatus, allergies),
  [PROP_KARNOFSKY] = CARTA_FIELD (INT, "karnofsky", "karnofsky", CartaClinicalStatus, karnofsky),
  [PROP_LANSKY] = CARTA_FIELD (INT, "lansky", "lansky", CartaClinicalStatus, lansky),
  [PROP_NYHA_CLASS] = CARTA_FIELD_E ("nyha-class", "nyha_class", CartaClinicalStatus, nyha_class, carta_nyha_class_get_type),
  [PROP_INFECTION_ACTIVE] = CARTA_FIELD_E ("infection-active", "infection_active", CartaClinicalStatus, infection_active, carta_answer_get_type),
  [PROP_LAST_CHEMOTHERAPY] = CARTA_FIELD (DATE, "last-chemotherapy", "last_chemotherapy", CartaClinicalStatus, last_chemotherapy),
  [PROP_LAST_RADIOTHERAPY] = CARTA_FIELD (DATE, "last-radiotherapy", "last_radiotherapy", CartaClinicalStatus, last_radiotherapy),
  [PROP_LAST_STEROIDS] = CARTA_FIELD (DATE, "last-steroids", "last_steroids", CartaClinicalStatus, last_steroids),
  [PROP_LAST_GCSF] = CARTA_FIELD (DATE, "last-gcsf", "last_gcsf", CartaClinicalStatus, last_gcsf),
  [PROP_LAST_TARGETED_DRUG] = CARTA_FIELD (DATE, "last-targeted-drug", "last_targeted_drug", CartaClinicalStatus, last_targeted_drug),
  [PROP_LAST_ANTIBODY] = CARTA_FIELD (DATE, "last-antibody", "last_antibody", CartaClinicalStatus, last_antibody),
  [PROP_LAST_LIVE_VACCINE] = CARTA_FIELD (DATE, "last-live-vaccine", "last_live_vaccine", CartaClinicalStatus, last_live_vaccine),
  [PROP_LAST_TRIAL_DRUG] = CARTA_FIELD (DATE, "last-trial-drug", "last_trial_drug", CartaClinicalStatus, last_trial_drug),
  [PROP_SOLID_ORGAN_TRANSPLANT] = CARTA_FIELD_E ("solid-organ-transplant", "solid_organ_transplant", CartaClinicalStatus, solid_organ_transplant, carta_answer_get_type),
  [PROP_AUTOIMMUNE_DISEASE] = CARTA_FIELD_E ("autoimmune-disease", "autoimmune_disease", CartaClinicalStatus, autoimmune_disease, carta_answer_get_type),
  [PROP_SEIZURES] = CARTA_FIELD_E ("seizures", "seizures", CartaClinicalStatus, seizures, carta_answer_get_type),
  [PROP_STROKE] = CARTA_FIELD_E ("stroke", "stroke", CartaClinicalStatus, stroke, carta_answer_get_type),
  [PROP_OTHER_CANCER] = CARTA_FIELD_E ("other-cancer", "other_cancer", CartaClinicalStatus, other_cancer, carta_answer_get_type),
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

CARTA_FIELDS_DEFINE_PROPERTY_FUNCS (carta_clinical_status)

static void
on_changed_cb (CartaClinicalStatus *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
carta_clinical_status_notify (GObject    *object,
                              GParamSpec *pspec)
{
  on_changed_cb (CARTA_CLINICAL_STATUS (object));
}

static void
carta_clinical_status_dispose (GObject *object)
{
  CartaClinicalStatus *self = (CartaClinicalStatus *)object;

  _carta_list_unwatch_all (self->labs, self);
  g_clear_object (&self->labs);

  G_OBJECT_CLASS (carta_clinical_status_parent_class)->dispose (object);
}

static void
carta_clinical_status_finalize (GObject *object)
{
  _carta_fields_clear (object, fields, N_PROPS);

  G_OBJECT_CLASS (carta_clinical_status_parent_class)->finalize (object);
}

static void
carta_clinical_status_class_init (CartaClinicalStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carta_clinical_status_dispose;
  object_class->finalize = carta_clinical_status_finalize;
  object_class->get_property = carta_clinical_status_get_property;
  object_class->set_property = carta_clinical_status_set_property;
  object_class->notify = carta_clinical_status_notify;

  _carta_fields_install (object_class, fields, N_PROPS, properties);

  /**
   * CartaClinicalStatus::changed:
   *
   * Emitted after any field, the list of labs, or a lab changed.
   */
  signals[CHANGED] = _carta_fields_new_changed_signal (object_class);
}

static void
carta_clinical_status_init (CartaClinicalStatus *self)
{
  self->ecog = -1;
  self->karnofsky = -1;
  self->lansky = -1;
  self->labs = g_list_store_new (CARTA_TYPE_LAB_RESULT);
  g_signal_connect_object (self->labs, "items-changed", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * carta_clinical_status_new:
 *
 * Returns: (transfer full): an empty current status
 */
CartaClinicalStatus *
carta_clinical_status_new (void)
{
  return g_object_new (CARTA_TYPE_CLINICAL_STATUS, NULL);
}

/**
 * carta_clinical_status_set_ecog:
 * @grade: the ECOG performance status, or -1 for “not given”
 */
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS,
                            ecog, PROP_ECOG, int)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS,
                               infections, PROP_INFECTIONS)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS,
                               other_illnesses, PROP_OTHER_ILLNESSES)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS,
                               medication, PROP_MEDICATION)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS,
                            allergies_answer, PROP_ALLERGIES_ANSWER, CartaAllergyAnswer)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS,
                               allergies, PROP_ALLERGIES)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, karnofsky, PROP_KARNOFSKY, int)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, lansky, PROP_LANSKY, int)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, nyha_class, PROP_NYHA_CLASS, CartaNyhaClass)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, infection_active, PROP_INFECTION_ACTIVE, CartaAnswer)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_chemotherapy, PROP_LAST_CHEMOTHERAPY)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_radiotherapy, PROP_LAST_RADIOTHERAPY)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_steroids, PROP_LAST_STEROIDS)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_gcsf, PROP_LAST_GCSF)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_targeted_drug, PROP_LAST_TARGETED_DRUG)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_antibody, PROP_LAST_ANTIBODY)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_live_vaccine, PROP_LAST_LIVE_VACCINE)
CARTA_FIELDS_STRING_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, last_trial_drug, PROP_LAST_TRIAL_DRUG)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, solid_organ_transplant, PROP_SOLID_ORGAN_TRANSPLANT, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, autoimmune_disease, PROP_AUTOIMMUNE_DISEASE, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, seizures, PROP_SEIZURES, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, stroke, PROP_STROKE, CartaAnswer)
CARTA_FIELDS_INT_ACCESSORS (CartaClinicalStatus, carta_clinical_status, CARTA_IS_CLINICAL_STATUS, other_cancer, PROP_OTHER_CANCER, CartaAnswer)

/* The treatments trials set a waiting time after, in the order shown.
 * Titles are msgids: each reader translates them in its own language. */
static const struct
{
  guint       prop;
  const char *title;
} washouts[] = {
  { PROP_LAST_CHEMOTHERAPY, N_("Last chemotherapy") },
  { PROP_LAST_RADIOTHERAPY, N_("Last radiotherapy") },
  { PROP_LAST_STEROIDS, N_("Last steroids") },
  { PROP_LAST_GCSF, N_("Last growth-factor injection (G-CSF)") },
  { PROP_LAST_TARGETED_DRUG, N_("Last targeted pill (such as a TKI)") },
  { PROP_LAST_ANTIBODY, N_("Last antibody drug (such as ATG, alemtuzumab or daratumumab)") },
  { PROP_LAST_LIVE_VACCINE, N_("Last live vaccine") },
  { PROP_LAST_TRIAL_DRUG, N_("Last dose of another trial drug") },
};

/**
 * carta_clinical_status_get_n_washouts:
 *
 * Returns: how many kinds of treatment have a last date (“washout”)
 */
guint
carta_clinical_status_get_n_washouts (void)
{
  return G_N_ELEMENTS (washouts);
}

/**
 * carta_clinical_status_get_washout_property:
 * @index: below carta_clinical_status_get_n_washouts()
 *
 * Returns: the name of the property that holds the date, such as
 *   “last-chemotherapy”
 */
const char *
carta_clinical_status_get_washout_property (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (washouts), NULL);
  return fields[washouts[index].prop].name;
}

/**
 * carta_clinical_status_get_washout_title:
 * @index: below carta_clinical_status_get_n_washouts()
 *
 * Returns: the title, untranslated: pass it to gettext or a catalogue
 */
const char *
carta_clinical_status_get_washout_title (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (washouts), NULL);
  return washouts[index].title;
}

/**
 * carta_clinical_status_get_washout_date:
 * @index: below carta_clinical_status_get_n_washouts()
 *
 * Returns: (nullable): the last date that treatment was given
 */
const char *
carta_clinical_status_get_washout_date (CartaClinicalStatus *self,
                                        guint                index)
{
  g_return_val_if_fail (CARTA_IS_CLINICAL_STATUS (self), NULL);
  g_return_val_if_fail (index < G_N_ELEMENTS (washouts), NULL);
  return G_STRUCT_MEMBER (char *, self, fields[washouts[index].prop].offset);
}

/**
 * carta_clinical_status_get_labs:
 *
 * Returns: (transfer none): a #GListModel of #CartaLabResult
 */
GListModel *
carta_clinical_status_get_labs (CartaClinicalStatus *self)
{
  g_return_val_if_fail (CARTA_IS_CLINICAL_STATUS (self), NULL);
  return G_LIST_MODEL (self->labs);
}

void
carta_clinical_status_insert_lab (CartaClinicalStatus *self,
                                  guint                position,
                                  CartaLabResult      *lab)
{
  g_return_if_fail (CARTA_IS_CLINICAL_STATUS (self));
  g_return_if_fail (CARTA_IS_LAB_RESULT (lab));

  _carta_list_insert (self->labs, position, lab, G_CALLBACK (on_changed_cb), self);
}

gboolean
carta_clinical_status_remove_lab (CartaClinicalStatus *self,
                                  CartaLabResult      *lab,
                                  guint               *position)
{
  g_return_val_if_fail (CARTA_IS_CLINICAL_STATUS (self), FALSE);
  g_return_val_if_fail (CARTA_IS_LAB_RESULT (lab), FALSE);

  return _carta_list_remove (self->labs, lab, position, self);
}

JsonObject *
_carta_clinical_status_to_json (CartaClinicalStatus *self)
{
  JsonObject *object = json_object_new ();

  _carta_fields_to_json (self, fields, N_PROPS, object);
  json_object_set_array_member (object, "labs",
                                _carta_list_to_json (G_LIST_MODEL (self->labs), _carta_lab_result_to_json));

  return object;
}

gboolean
_carta_clinical_status_load_json (gpointer              data,
                                  JsonObject           *object,
                                  GError              **error)
{
  CartaClinicalStatus *self = data;

  return _carta_fields_load_json (self, fields, N_PROPS, properties, object,
                                  /* TRANSLATORS: the part of a case named in a message about a damaged case.json */
                                  N_("current condition"), error) &&
         _carta_list_load_json (self->labs, object, "labs", CARTA_TYPE_LAB_RESULT,
                                _carta_lab_result_load_json, G_CALLBACK (on_changed_cb), self, error);
}

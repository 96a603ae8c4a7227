/* carta-diagnosis.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-diagnosis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-diagnosis-private.h"

/* What the disease is and where it stands. Percentages are text as
 * written on the report (“about 90”), checked by carta-validate. */
struct _CartaDiagnosis
{
  GObject parent_instance;

  int    disease;
  char  *disease_other;
  char  *diagnosis_date;
  int    state;
  char  *cd19_percent;
  char  *bcma_percent;
  char  *antigen_method;
  char  *antigen_date;
  int    cns_status;
  char  *lumbar_puncture_date;
  char  *lumbar_puncture_result;
  char  *brain_mri_date;
  char  *brain_mri_result;
};

G_DEFINE_FINAL_TYPE (CartaDiagnosis, carta_diagnosis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISEASE,
  PROP_DISEASE_OTHER,
  PROP_DIAGNOSIS_DATE,
  PROP_STATE,
  PROP_CD19_PERCENT,
  PROP_BCMA_PERCENT,
  PROP_ANTIGEN_METHOD,
  PROP_ANTIGEN_DATE,
  PROP_CNS_STATUS,
  PROP_LUMBAR_PUNCTURE_DATE,
  PROP_LUMBAR_PUNCTURE_RESULT,
  PROP_BRAIN_MRI_DATE,
  PROP_BRAIN_MRI_RESULT,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_DISEASE] = CARTA_FIELD_E ("disease", "disease", CartaDiagnosis, disease, carta_disease_get_type),
  [PROP_DISEASE_OTHER] = CARTA_FIELD (STRING, "disease-other", "disease_other", CartaDiagnosis, disease_other),
  [PROP_DIAGNOSIS_DATE] = CARTA_FIELD (DATE, "diagnosis-date", "diagnosis_date", CartaDiagnosis, diagnosis_date),
  [PROP_STATE] = CARTA_FIELD_E ("state", "state", CartaDiagnosis, state, carta_disease_state_get_type),
  [PROP_CD19_PERCENT] = CARTA_FIELD (STRING, "cd19-percent", "cd19_percent", CartaDiagnosis, cd19_percent),
  [PROP_BCMA_PERCENT] = CARTA_FIELD (STRING, "bcma-percent", "bcma_percent", CartaDiagnosis, bcma_percent),
  [PROP_ANTIGEN_METHOD] = CARTA_FIELD (STRING, "antigen-method", "antigen_method", CartaDiagnosis, antigen_method),
  [PROP_ANTIGEN_DATE] = CARTA_FIELD (DATE, "antigen-date", "antigen_date", CartaDiagnosis, antigen_date),
  [PROP_CNS_STATUS] = CARTA_FIELD_E ("cns-status", "cns_status", CartaDiagnosis, cns_status, carta_cns_status_get_type),
  [PROP_LUMBAR_PUNCTURE_DATE] = CARTA_FIELD (DATE, "lumbar-puncture-date", "lumbar_puncture_date", CartaDiagnosis, lumbar_puncture_date),
  [PROP_LUMBAR_PUNCTURE_RESULT] = CARTA_FIELD (STRING, "lumbar-puncture-result", "lumbar_puncture_result", CartaDiagnosis, lumbar_puncture_result),
  [PROP_BRAIN_MRI_DATE] = CARTA_FIELD (DATE, "brain-mri-date", "brain_mri_date", CartaDiagnosis, brain_mri_date),
  [PROP_BRAIN_MRI_RESULT] = CARTA_FIELD (STRING, "brain-mri-result", "brain_mri_result", CartaDiagnosis, brain_mri_result),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaDiagnosis, carta_diagnosis, N_("diagnosis"))

/**
 * carta_diagnosis_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaDiagnosis *
carta_diagnosis_new (void)
{
  return g_object_new (CARTA_TYPE_DIAGNOSIS, NULL);
}

CARTA_FIELDS_INT_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, disease, PROP_DISEASE, CartaDisease)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, disease_other, PROP_DISEASE_OTHER)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, diagnosis_date, PROP_DIAGNOSIS_DATE)
CARTA_FIELDS_INT_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, state, PROP_STATE, CartaDiseaseState)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, cd19_percent, PROP_CD19_PERCENT)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, bcma_percent, PROP_BCMA_PERCENT)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, antigen_method, PROP_ANTIGEN_METHOD)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, antigen_date, PROP_ANTIGEN_DATE)
CARTA_FIELDS_INT_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, cns_status, PROP_CNS_STATUS, CartaCnsStatus)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, lumbar_puncture_date, PROP_LUMBAR_PUNCTURE_DATE)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, lumbar_puncture_result, PROP_LUMBAR_PUNCTURE_RESULT)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, brain_mri_date, PROP_BRAIN_MRI_DATE)
CARTA_FIELDS_STRING_ACCESSORS (CartaDiagnosis, carta_diagnosis, CARTA_IS_DIAGNOSIS, brain_mri_result, PROP_BRAIN_MRI_RESULT)

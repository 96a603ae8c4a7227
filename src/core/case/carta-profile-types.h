/* carta-profile-types.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "carta-catalog.h"

G_BEGIN_DECLS

/* Enumerations of the case profile. Value 0 is always “not given”; the
 * JSON holds each value's nick (carta-profile-enums.h registers them). */

typedef enum
{
  CARTA_DISEASE_NOT_SET,
  CARTA_DISEASE_B_ALL,
  CARTA_DISEASE_T_ALL_LBL,
  CARTA_DISEASE_AML,
  CARTA_DISEASE_DLBCL,
  CARTA_DISEASE_FOLLICULAR_LYMPHOMA,
  CARTA_DISEASE_MANTLE_CELL_LYMPHOMA,
  CARTA_DISEASE_CLL_SLL,
  CARTA_DISEASE_MULTIPLE_MYELOMA,
  CARTA_DISEASE_PLASMA_CELL_LEUKAEMIA,
  CARTA_DISEASE_OTHER,
} CartaDisease;

typedef enum
{
  CARTA_DISEASE_STATE_NOT_SET,
  CARTA_DISEASE_STATE_RELAPSED,
  CARTA_DISEASE_STATE_REFRACTORY,
  CARTA_DISEASE_STATE_IN_REMISSION,
  CARTA_DISEASE_STATE_UNKNOWN,
} CartaDiseaseState;

typedef enum
{
  CARTA_RESPONSE_NOT_SET,
  CARTA_RESPONSE_CR,
  CARTA_RESPONSE_PR,
  CARTA_RESPONSE_SD,
  CARTA_RESPONSE_PD,
  CARTA_RESPONSE_UNKNOWN,
} CartaResponse;

typedef enum
{
  CARTA_ANSWER_NOT_SET,
  CARTA_ANSWER_YES,
  CARTA_ANSWER_NO,
  CARTA_ANSWER_UNKNOWN,
} CartaAnswer;

typedef enum
{
  CARTA_TRANSPLANT_TYPE_NOT_SET,
  CARTA_TRANSPLANT_TYPE_AUTOLOGOUS,
  CARTA_TRANSPLANT_TYPE_ALLOGENEIC,
} CartaTransplantType;

typedef enum
{
  CARTA_GVHD_GRADE_NOT_SET,
  CARTA_GVHD_GRADE_NONE,
  CARTA_GVHD_GRADE_1,
  CARTA_GVHD_GRADE_2,
  CARTA_GVHD_GRADE_3,
  CARTA_GVHD_GRADE_4,
  CARTA_GVHD_GRADE_UNKNOWN,
} CartaGvhdGrade;

/* CNS status of a leukaemia. “Involved” and “none known” carry a plain
 * yes or no from schema 2, which gave no grade. */
typedef enum
{
  CARTA_CNS_STATUS_NOT_SET,
  CARTA_CNS_STATUS_CNS1,
  CARTA_CNS_STATUS_CNS2,
  CARTA_CNS_STATUS_CNS3,
  CARTA_CNS_STATUS_INVOLVED,
  CARTA_CNS_STATUS_NONE_KNOWN,
  CARTA_CNS_STATUS_UNKNOWN,
} CartaCnsStatus;

typedef enum
{
  CARTA_DONOR_TYPE_NOT_SET,
  CARTA_DONOR_TYPE_MATCHED_SIBLING,
  CARTA_DONOR_TYPE_MATCHED_UNRELATED,
  CARTA_DONOR_TYPE_HAPLOIDENTICAL,
  CARTA_DONOR_TYPE_CORD_BLOOD,
  CARTA_DONOR_TYPE_UNKNOWN,
} CartaDonorType;

typedef enum
{
  CARTA_NYHA_CLASS_NOT_SET,
  CARTA_NYHA_CLASS_1,
  CARTA_NYHA_CLASS_2,
  CARTA_NYHA_CLASS_3,
  CARTA_NYHA_CLASS_4,
} CartaNyhaClass;

/* Whether the patient has allergies, as the family answers: listed is
 * followed by their own words (CartaClinicalStatus:allergies). */
typedef enum
{
  CARTA_ALLERGY_ANSWER_NOT_SET,
  CARTA_ALLERGY_ANSWER_NONE_KNOWN,
  CARTA_ALLERGY_ANSWER_UNKNOWN,
  CARTA_ALLERGY_ANSWER_LISTED,
} CartaAllergyAnswer;

/* What a test result is. 0 is a free entry named by the family; the
 * others are what trial sites ask for, with a usual unit. */
typedef enum
{
  CARTA_LAB_KIND_NOT_SET,
  CARTA_LAB_KIND_CREATININE,
  CARTA_LAB_KIND_BILIRUBIN,
  CARTA_LAB_KIND_ALT,
  CARTA_LAB_KIND_AST,
  CARTA_LAB_KIND_ALBUMIN,
  CARTA_LAB_KIND_HAEMOGLOBIN,
  CARTA_LAB_KIND_NEUTROPHILS,
  CARTA_LAB_KIND_LYMPHOCYTES,
  CARTA_LAB_KIND_PLATELETS,
  CARTA_LAB_KIND_PT,
  CARTA_LAB_KIND_APTT,
  CARTA_LAB_KIND_FIBRINOGEN,
  CARTA_LAB_KIND_LVEF,
  CARTA_LAB_KIND_QTC,
  CARTA_LAB_KIND_SPO2,
  CARTA_LAB_KIND_MARROW_BLASTS,
  CARTA_LAB_KIND_MRD,
  CARTA_LAB_KIND_PET_CT,
  CARTA_LAB_KIND_SERUM_M_PROTEIN,
  CARTA_LAB_KIND_URINE_M_PROTEIN,
  CARTA_LAB_KIND_FLC_INVOLVED,
  CARTA_LAB_KIND_FLC_RATIO,
  CARTA_LAB_KIND_HBSAG,
  CARTA_LAB_KIND_ANTI_HBC,
  CARTA_LAB_KIND_HBV_DNA,
  CARTA_LAB_KIND_HCV_ANTIBODY,
  CARTA_LAB_KIND_HCV_RNA,
  CARTA_LAB_KIND_HIV,
  CARTA_LAB_KIND_SYPHILIS,
  CARTA_LAB_KIND_CMV_PCR,
  CARTA_LAB_KIND_EBV_PCR,
  CARTA_LAB_KIND_PREGNANCY_TEST,
  CARTA_LAB_KIND_CD7,
  CARTA_LAB_KIND_CD20,
  CARTA_LAB_KIND_CD22,
  CARTA_LAB_KIND_OTHER_TARGET,
} CartaLabKind;

/* Translated labels for display and the summary PDF; “not given” for 0. */
const char *carta_disease_to_label         (CartaDisease        value);
const char *carta_disease_state_to_label   (CartaDiseaseState   value);
const char *carta_response_to_label        (CartaResponse       value);
const char *carta_answer_to_label          (CartaAnswer         value);
const char *carta_transplant_type_to_label (CartaTransplantType value);
const char *carta_gvhd_grade_to_label      (CartaGvhdGrade      value);
const char *carta_ecog_to_description      (int                 grade);
const char *carta_cns_status_to_label      (CartaCnsStatus      value);
const char *carta_donor_type_to_label      (CartaDonorType      value);
const char *carta_nyha_class_to_label      (CartaNyhaClass      value);
const char *carta_lab_kind_to_label        (CartaLabKind        value);
const char *carta_allergy_answer_to_label  (CartaAllergyAnswer  value);

/* The same in the language of @catalog (%NULL: the process's). */
const char *carta_disease_to_label_in         (CartaDisease        value,
                                               CartaCatalog       *catalog);
const char *carta_disease_state_to_label_in   (CartaDiseaseState   value,
                                               CartaCatalog       *catalog);
const char *carta_response_to_label_in        (CartaResponse       value,
                                               CartaCatalog       *catalog);
const char *carta_answer_to_label_in          (CartaAnswer         value,
                                               CartaCatalog       *catalog);
const char *carta_transplant_type_to_label_in (CartaTransplantType value,
                                               CartaCatalog       *catalog);
const char *carta_gvhd_grade_to_label_in      (CartaGvhdGrade      value,
                                               CartaCatalog       *catalog);
const char *carta_ecog_to_description_in      (int                 grade,
                                               CartaCatalog       *catalog);
const char *carta_cns_status_to_label_in      (CartaCnsStatus      value,
                                               CartaCatalog       *catalog);
const char *carta_donor_type_to_label_in      (CartaDonorType      value,
                                               CartaCatalog       *catalog);
const char *carta_nyha_class_to_label_in      (CartaNyhaClass      value,
                                               CartaCatalog       *catalog);
const char *carta_lab_kind_to_label_in        (CartaLabKind        value,
                                               CartaCatalog       *catalog);
const char *carta_allergy_answer_to_label_in  (CartaAllergyAnswer  value,
                                               CartaCatalog       *catalog);

/* What Carta knows of a kind of test: its usual unit (%NULL: none, such
 * as “negative”), the LOINC code when one code fits every report of it
 * (%NULL otherwise), whether the value must be a number, and its range. */
typedef struct
{
  const char *unit;
  const char *loinc;
  gboolean    numeric;
  double      min;
  double      max;
} CartaLabKindInfo;

const CartaLabKindInfo *carta_lab_kind_get_info (CartaLabKind value);

G_END_DECLS

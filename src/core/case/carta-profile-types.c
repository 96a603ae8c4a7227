/* carta-profile-types.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-profile-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-catalog.h"
#include "carta-profile-types.h"

/* Each label is looked up at the last moment: in the process's language
 * for the window, or in @catalog's for a summary in another language. */
#define LABEL(table, value) \
  translate (catalog, ((guint) (value) < G_N_ELEMENTS (table)) ? table[value] : table[0])

static const char *
translate (CartaCatalog *catalog,
           const char   *msgid)
{
  return catalog != NULL ? carta_catalog_gettext (catalog, msgid) : _(msgid);
}

const char *
carta_disease_to_label (CartaDisease value)
{
  return carta_disease_to_label_in (value, NULL);
}

/**
 * carta_disease_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_disease_to_label_in (CartaDisease  value,
                           CartaCatalog *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: B-cell acute lymphoblastic leukaemia */
    N_("B-cell acute lymphoblastic leukaemia (B-ALL)"),
    /* TRANSLATORS: T-cell acute lymphoblastic leukaemia or lymphoblastic lymphoma */
    N_("T-cell acute lymphoblastic leukaemia or lymphoma (T-ALL / T-LBL)"),
    N_("Acute myeloid leukaemia (AML)"),
    N_("Diffuse large B-cell lymphoma (DLBCL)"),
    N_("Follicular lymphoma"),
    N_("Mantle cell lymphoma"),
    /* TRANSLATORS: chronic lymphocytic leukaemia / small lymphocytic lymphoma */
    N_("CLL / SLL"),
    N_("Multiple myeloma"),
    N_("Plasma-cell leukaemia"),
    N_("Another disease"),
  };
  return LABEL (labels, value);
}

const char *
carta_disease_state_to_label (CartaDiseaseState value)
{
  return carta_disease_state_to_label_in (value, NULL);
}

/**
 * carta_disease_state_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_disease_state_to_label_in (CartaDiseaseState  value,
                                 CartaCatalog      *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: the disease came back after a response */
    N_("Relapsed"),
    /* TRANSLATORS: the disease did not respond to treatment */
    N_("Refractory"),
    N_("In remission"),
    N_("Not known"),
  };
  return LABEL (labels, value);
}

const char *
carta_response_to_label (CartaResponse value)
{
  return carta_response_to_label_in (value, NULL);
}

/**
 * carta_response_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_response_to_label_in (CartaResponse  value,
                            CartaCatalog  *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    N_("Complete response (CR)"),
    N_("Partial response (PR)"),
    N_("Stable disease (SD)"),
    N_("Progressive disease (PD)"),
    N_("Not known"),
  };
  return LABEL (labels, value);
}

const char *
carta_answer_to_label (CartaAnswer value)
{
  return carta_answer_to_label_in (value, NULL);
}

/**
 * carta_answer_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_answer_to_label_in (CartaAnswer   value,
                          CartaCatalog *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    N_("Yes"),
    N_("No"),
    N_("Not known"),
  };
  return LABEL (labels, value);
}

const char *
carta_transplant_type_to_label (CartaTransplantType value)
{
  return carta_transplant_type_to_label_in (value, NULL);
}

/**
 * carta_transplant_type_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_transplant_type_to_label_in (CartaTransplantType  value,
                                   CartaCatalog        *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: a stem-cell transplant with the patient's own cells */
    N_("Autologous (own cells)"),
    /* TRANSLATORS: a stem-cell transplant with a donor's cells */
    N_("Allogeneic (donor cells)"),
  };
  return LABEL (labels, value);
}

const char *
carta_gvhd_grade_to_label (CartaGvhdGrade value)
{
  return carta_gvhd_grade_to_label_in (value, NULL);
}

/**
 * carta_gvhd_grade_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_gvhd_grade_to_label_in (CartaGvhdGrade  value,
                              CartaCatalog   *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: no graft-versus-host disease */
    N_("No GVHD"),
    N_("Grade I"),
    N_("Grade II"),
    N_("Grade III"),
    N_("Grade IV"),
    N_("Not known"),
  };
  return LABEL (labels, value);
}

/**
 * carta_ecog_to_description:
 * @grade: an ECOG performance status, 0–4
 *
 * Returns: a plain-language description of @grade, or %NULL out of range
 */
const char *
carta_ecog_to_description (int grade)
{
  return carta_ecog_to_description_in (grade, NULL);
}

/**
 * carta_ecog_to_description_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_ecog_to_description_in (int           grade,
                              CartaCatalog *catalog)
{
  static const char *descriptions[] = {
    N_("Fully active, able to do everything as before the illness"),
    N_("Cannot do heavy physical work, but walks and does light work such as housework or office work"),
    N_("Walks and looks after themselves, but cannot work; up and about more than half of the day"),
    N_("Can only partly look after themselves; in bed or a chair more than half of the day"),
    N_("Cannot look after themselves at all; in bed or a chair all day"),
  };

  if (grade < 0 || grade >= (int) G_N_ELEMENTS (descriptions))
    return NULL;

  return translate (catalog, descriptions[grade]);
}

const char *
carta_cns_status_to_label (CartaCnsStatus value)
{
  return carta_cns_status_to_label_in (value, NULL);
}

/**
 * carta_cns_status_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_cns_status_to_label_in (CartaCnsStatus  value,
                              CartaCatalog   *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: CNS1, CNS2, CNS3 are the usual grades of leukaemia in
     * the brain and spinal cord; keep the codes as they are */
    N_("CNS1: no blasts in the spinal fluid"),
    N_("CNS2: blasts in the spinal fluid, fewer than 5 white cells per µL"),
    N_("CNS3: 5 or more white cells per µL with blasts, or signs in the brain or nerves"),
    N_("CNS disease, grade not given"),
    N_("No CNS disease known, grade not given"),
    N_("Not known"),
  };
  return LABEL (labels, value);
}

const char *
carta_donor_type_to_label (CartaDonorType value)
{
  return carta_donor_type_to_label_in (value, NULL);
}

/**
 * carta_donor_type_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_donor_type_to_label_in (CartaDonorType  value,
                              CartaCatalog   *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    N_("Matched sibling"),
    N_("Matched unrelated donor"),
    /* TRANSLATORS: a half-matched donor, usually a parent, child or sibling */
    N_("Half-matched (haploidentical)"),
    N_("Cord blood"),
    N_("Not known"),
  };
  return LABEL (labels, value);
}

const char *
carta_nyha_class_to_label (CartaNyhaClass value)
{
  return carta_nyha_class_to_label_in (value, NULL);
}

/**
 * carta_nyha_class_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_nyha_class_to_label_in (CartaNyhaClass  value,
                              CartaCatalog   *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: New York Heart Association classes of heart failure */
    N_("Class I: no limits on activity"),
    N_("Class II: slight limits; ordinary activity tires"),
    N_("Class III: marked limits; less than ordinary activity tires"),
    N_("Class IV: symptoms at rest"),
  };
  return LABEL (labels, value);
}

const char *
carta_allergy_answer_to_label (CartaAllergyAnswer value)
{
  return carta_allergy_answer_to_label_in (value, NULL);
}

/**
 * carta_allergy_answer_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_allergy_answer_to_label_in (CartaAllergyAnswer  value,
                                  CartaCatalog       *catalog)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: the answer to “Allergies”: no allergy is known */
    N_("None known"),
    N_("Not known"),
    /* TRANSLATORS: the answer to “Allergies”: the family writes them in the next row */
    N_("Yes, written below"),
  };
  return LABEL (labels, value);
}

const char *
carta_lab_kind_to_label (CartaLabKind value)
{
  return carta_lab_kind_to_label_in (value, NULL);
}

/**
 * carta_lab_kind_to_label_in:
 * @catalog: (nullable): the language to use, %NULL for the process's
 */
const char *
carta_lab_kind_to_label_in (CartaLabKind  value,
                            CartaCatalog *catalog)
{
  static const char *labels[] = {
    /* TRANSLATORS: a test result the family names themselves */
    N_("Another test"),
    N_("Creatinine"),
    N_("Bilirubin, total"),
    /* TRANSLATORS: liver enzymes */
    N_("ALT"),
    N_("AST"),
    N_("Albumin"),
    N_("Haemoglobin"),
    N_("Neutrophils"),
    N_("Lymphocytes"),
    N_("Platelets"),
    /* TRANSLATORS: coagulation tests: prothrombin time, activated partial thromboplastin time */
    N_("Prothrombin time (PT)"),
    N_("APTT"),
    N_("Fibrinogen"),
    /* TRANSLATORS: left ventricular ejection fraction, from the echocardiogram */
    N_("Heart pumping strength (LVEF)"),
    /* TRANSLATORS: the corrected QT interval on the ECG */
    N_("ECG: QTc"),
    N_("Oxygen saturation on room air"),
    N_("Blasts in the bone marrow"),
    /* TRANSLATORS: minimal residual disease */
    N_("MRD"),
    N_("PET-CT result"),
    /* TRANSLATORS: myeloma protein in serum electrophoresis */
    N_("Serum M-protein (SPEP)"),
    N_("Urine M-protein (UPEP, 24 hours)"),
    N_("Involved free light chain"),
    N_("Free light chain ratio (κ/λ)"),
    /* TRANSLATORS: hepatitis B surface antigen */
    N_("HBsAg"),
    /* TRANSLATORS: hepatitis B core antibody */
    N_("Anti-HBc"),
    N_("HBV DNA"),
    N_("HCV antibody"),
    N_("HCV RNA"),
    N_("HIV"),
    N_("Syphilis"),
    N_("CMV PCR"),
    N_("EBV PCR"),
    N_("Pregnancy test"),
    N_("CD7 positive"),
    N_("CD20 positive"),
    N_("CD22 positive"),
    N_("Another target"),
  };
  return LABEL (labels, value);
}

/**
 * carta_lab_kind_get_info:
 *
 * Returns: (transfer none): what Carta knows of @value; the free entry's
 *   info for a value out of range
 */
const CartaLabKindInfo *
carta_lab_kind_get_info (CartaLabKind value)
{
  /* Units as Chinese reports usually give them. LOINC codes only where
   * the code does not depend on the unit or the method. */
  static const CartaLabKindInfo infos[] = {
    [CARTA_LAB_KIND_NOT_SET] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_CREATININE] = { "µmol/L", NULL, TRUE, 0, 5000 },
    [CARTA_LAB_KIND_BILIRUBIN] = { "µmol/L", NULL, TRUE, 0, 1000 },
    [CARTA_LAB_KIND_ALT] = { "U/L", "1742-6", TRUE, 0, 10000 },
    [CARTA_LAB_KIND_AST] = { "U/L", "1920-8", TRUE, 0, 10000 },
    [CARTA_LAB_KIND_ALBUMIN] = { "g/L", NULL, TRUE, 0, 100 },
    [CARTA_LAB_KIND_HAEMOGLOBIN] = { "g/L", "718-7", TRUE, 0, 250 },
    [CARTA_LAB_KIND_NEUTROPHILS] = { "10⁹/L", NULL, TRUE, 0, 500 },
    [CARTA_LAB_KIND_LYMPHOCYTES] = { "10⁹/L", NULL, TRUE, 0, 1000 },
    [CARTA_LAB_KIND_PLATELETS] = { "10⁹/L", "777-3", TRUE, 0, 3000 },
    [CARTA_LAB_KIND_PT] = { "s", NULL, TRUE, 0, 200 },
    [CARTA_LAB_KIND_APTT] = { "s", NULL, TRUE, 0, 300 },
    [CARTA_LAB_KIND_FIBRINOGEN] = { "g/L", NULL, TRUE, 0, 20 },
    [CARTA_LAB_KIND_LVEF] = { "%", NULL, TRUE, 0, 100 },
    [CARTA_LAB_KIND_QTC] = { "ms", NULL, TRUE, 200, 800 },
    [CARTA_LAB_KIND_SPO2] = { "%", "59408-5", TRUE, 0, 100 },
    [CARTA_LAB_KIND_MARROW_BLASTS] = { "%", NULL, TRUE, 0, 100 },
    [CARTA_LAB_KIND_MRD] = { "%", NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_PET_CT] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_SERUM_M_PROTEIN] = { "g/L", NULL, TRUE, 0, 200 },
    [CARTA_LAB_KIND_URINE_M_PROTEIN] = { "mg/24 h", NULL, TRUE, 0, 100000 },
    [CARTA_LAB_KIND_FLC_INVOLVED] = { "mg/L", NULL, TRUE, 0, 100000 },
    [CARTA_LAB_KIND_FLC_RATIO] = { NULL, NULL, TRUE, 0, 100000 },
    [CARTA_LAB_KIND_HBSAG] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_ANTI_HBC] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_HBV_DNA] = { "IU/mL", NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_HCV_ANTIBODY] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_HCV_RNA] = { "IU/mL", NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_HIV] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_SYPHILIS] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_CMV_PCR] = { "copies/mL", NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_EBV_PCR] = { "copies/mL", NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_PREGNANCY_TEST] = { NULL, NULL, FALSE, 0, 0 },
    [CARTA_LAB_KIND_CD7] = { "%", NULL, TRUE, 0, 100 },
    [CARTA_LAB_KIND_CD20] = { "%", NULL, TRUE, 0, 100 },
    [CARTA_LAB_KIND_CD22] = { "%", NULL, TRUE, 0, 100 },
    [CARTA_LAB_KIND_OTHER_TARGET] = { "%", NULL, TRUE, 0, 100 },
  };

  if ((guint) value >= G_N_ELEMENTS (infos))
    return &infos[0];

  return &infos[value];
}

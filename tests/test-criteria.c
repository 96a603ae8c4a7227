/* test-criteria.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "carta-bundle-private.h"
#include "carta-case.h"
#include "carta-validate.h"

/* What trial sites decide on (src/core/records/trial-criteria.md): the
 * schema 3 fields, their checks, and the migration of a real schema 2
 * file saved by `carta-bundle demo` before schema 3 existed. */

static JsonNode *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "case-v2.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static CartaCase *
case_from_node (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  CartaCase *kase = carta_case_new_from_json (root, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

static CartaCase *
reload (CartaCase *kase)
{
  g_autoptr(JsonNode) node = carta_case_to_json (kase);

  return case_from_node (node);
}

static void
test_migrate_v2 (void)
{
  g_autoptr(JsonNode) root = load_fixture ();
  JsonObject *diagnosis_json;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(CartaCase) involved = NULL;
  g_autoptr(CartaCase) again = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(CartaLabResult) lab = NULL;
  g_autofree char *data = NULL;
  CartaDiagnosis *diagnosis;

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "schema"), ==, "carta-case/2");

  kase = case_from_node (root);
  diagnosis = carta_case_get_diagnosis (kase);
  /* “No” without a grade stays “no”, and no grade is made up. */
  g_assert_cmpint (carta_diagnosis_get_cns_status (diagnosis), ==, CARTA_CNS_STATUS_NONE_KNOWN);
  g_assert_cmpint (carta_diagnosis_get_disease (diagnosis), ==, CARTA_DISEASE_DLBCL);
  g_assert_cmpstr (carta_diagnosis_get_cd19_percent (diagnosis), ==, "95");
  g_assert_cmpuint (g_list_model_get_n_items (carta_clinical_status_get_labs (carta_case_get_clinical_status (kase))), ==, 4);
  lab = g_list_model_get_item (carta_clinical_status_get_labs (carta_case_get_clinical_status (kase)), 0);
  g_assert_cmpstr (carta_lab_result_get_name (lab), ==, "Haemoglobin");
  g_assert_cmpint (carta_lab_result_get_kind (lab), ==, CARTA_LAB_KIND_NOT_SET);
  g_assert_cmpuint (g_list_model_get_n_items (carta_treatment_history_get_lines (carta_case_get_treatment (kase))), ==, 2);
  /* The seven records schema 3 added join the checklist, once. */
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_items (kase)), ==, 23 + 7);

  /* The next save is schema 3 with the status in its new member. */
  data = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (data, "\"carta-case/3\""));
  g_assert_nonnull (strstr (data, "\"cns_status\" : \"none-known\""));
  g_assert_null (strstr (data, "cns_involvement"));
  again = reload (kase);
  g_assert_cmpint (carta_diagnosis_get_cns_status (carta_case_get_diagnosis (again)), ==, CARTA_CNS_STATUS_NONE_KNOWN);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_items (again)), ==, 23 + 7);

  /* “Yes” becomes “CNS disease, grade not given”. */
  diagnosis_json = json_object_get_object_member (json_node_get_object (root), "diagnosis");
  json_object_set_string_member (diagnosis_json, "cns_involvement", "yes");
  involved = case_from_node (root);
  g_assert_cmpint (carta_diagnosis_get_cns_status (carta_case_get_diagnosis (involved)), ==, CARTA_CNS_STATUS_INVOLVED);

  json_object_set_string_member (diagnosis_json, "cns_involvement", "unknown");
  g_clear_object (&involved);
  involved = case_from_node (root);
  g_assert_cmpint (carta_diagnosis_get_cns_status (carta_case_get_diagnosis (involved)), ==, CARTA_CNS_STATUS_UNKNOWN);

  /* A schema 3 file is not migrated again: its old member is ignored. */
  saved = carta_case_to_json (involved);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (saved), "diagnosis"),
                                 "cns_involvement", "yes");
  g_clear_object (&involved);
  involved = case_from_node (saved);
  g_assert_cmpint (carta_diagnosis_get_cns_status (carta_case_get_diagnosis (involved)), ==, CARTA_CNS_STATUS_UNKNOWN);
}

static void
test_round_trip (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Criteria");
  g_autoptr(CartaCase) copy = NULL;
  g_autoptr(CartaLabResult) lab = carta_lab_result_new ();
  g_autoptr(CartaLabResult) lab_copy = NULL;
  g_autoptr(CartaTransplant) transplant = carta_transplant_new ();
  g_autoptr(CartaTransplant) transplant_copy = NULL;
  g_autoptr(CartaPriorCart) cart = carta_prior_cart_new ();
  g_autoptr(CartaPriorCart) cart_copy = NULL;
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaTreatmentHistory *treatment = carta_case_get_treatment (kase);

  carta_diagnosis_set_disease (diagnosis, CARTA_DISEASE_T_ALL_LBL);
  carta_diagnosis_set_cns_status (diagnosis, CARTA_CNS_STATUS_CNS2);
  carta_diagnosis_set_lumbar_puncture_date (diagnosis, "2026-02-01");
  carta_diagnosis_set_lumbar_puncture_result (diagnosis, "WBC 3/µL, blasts on cytospin");
  carta_diagnosis_set_brain_mri_date (diagnosis, "2026-02-02");
  carta_diagnosis_set_brain_mri_result (diagnosis, "Normal");

  carta_lab_result_set_kind (lab, CARTA_LAB_KIND_MRD);
  carta_lab_result_set_value (lab, "0.05");
  carta_lab_result_set_unit (lab, "%");
  carta_lab_result_set_method (lab, "Flow cytometry, 10⁻⁴");
  carta_lab_result_set_date (lab, "2026-02-01");
  carta_clinical_status_insert_lab (status, 0, lab);

  carta_clinical_status_set_karnofsky (status, 80);
  carta_clinical_status_set_lansky (status, 70);
  carta_clinical_status_set_nyha_class (status, CARTA_NYHA_CLASS_2);
  carta_clinical_status_set_infection_active (status, CARTA_ANSWER_NO);
  carta_clinical_status_set_last_steroids (status, "2026-01-30");
  carta_clinical_status_set_last_gcsf (status, "2026-01-29");
  carta_clinical_status_set_last_antibody (status, "2025-12-01");
  carta_clinical_status_set_seizures (status, CARTA_ANSWER_YES);
  carta_clinical_status_set_other_cancer (status, CARTA_ANSWER_NO);

  carta_transplant_set_kind (transplant, CARTA_TRANSPLANT_TYPE_ALLOGENEIC);
  carta_transplant_set_donor_type (transplant, CARTA_DONOR_TYPE_HAPLOIDENTICAL);
  carta_transplant_set_chronic_gvhd (transplant, CARTA_ANSWER_YES);
  carta_transplant_set_gvhd_active (transplant, CARTA_ANSWER_NO);
  carta_transplant_set_immunosuppressants (transplant, CARTA_ANSWER_YES);
  carta_treatment_history_insert_transplant (treatment, 0, transplant);
  carta_treatment_history_set_transplant_planned (treatment, CARTA_ANSWER_YES);
  carta_treatment_history_set_donor_available (treatment, CARTA_ANSWER_UNKNOWN);

  carta_prior_cart_set_target (cart, "CD7");
  carta_prior_cart_set_cell_source (cart, CARTA_TRANSPLANT_TYPE_ALLOGENEIC);
  carta_treatment_history_insert_prior_cart (treatment, 0, cart);

  copy = reload (kase);
  diagnosis = carta_case_get_diagnosis (copy);
  status = carta_case_get_clinical_status (copy);
  treatment = carta_case_get_treatment (copy);

  g_assert_cmpint (carta_diagnosis_get_disease (diagnosis), ==, CARTA_DISEASE_T_ALL_LBL);
  g_assert_cmpint (carta_diagnosis_get_cns_status (diagnosis), ==, CARTA_CNS_STATUS_CNS2);
  g_assert_cmpstr (carta_diagnosis_get_lumbar_puncture_date (diagnosis), ==, "2026-02-01");
  g_assert_cmpstr (carta_diagnosis_get_lumbar_puncture_result (diagnosis), ==, "WBC 3/µL, blasts on cytospin");
  g_assert_cmpstr (carta_diagnosis_get_brain_mri_date (diagnosis), ==, "2026-02-02");
  g_assert_cmpstr (carta_diagnosis_get_brain_mri_result (diagnosis), ==, "Normal");

  lab_copy = g_list_model_get_item (carta_clinical_status_get_labs (status), 0);
  g_assert_cmpint (carta_lab_result_get_kind (lab_copy), ==, CARTA_LAB_KIND_MRD);
  g_assert_cmpstr (carta_lab_result_get_method (lab_copy), ==, "Flow cytometry, 10⁻⁴");
  g_assert_cmpstr (carta_lab_result_get_display_name (lab_copy), ==, carta_lab_kind_to_label (CARTA_LAB_KIND_MRD));

  g_assert_cmpint (carta_clinical_status_get_karnofsky (status), ==, 80);
  g_assert_cmpint (carta_clinical_status_get_lansky (status), ==, 70);
  g_assert_cmpint (carta_clinical_status_get_nyha_class (status), ==, CARTA_NYHA_CLASS_2);
  g_assert_cmpint (carta_clinical_status_get_infection_active (status), ==, CARTA_ANSWER_NO);
  g_assert_cmpstr (carta_clinical_status_get_last_steroids (status), ==, "2026-01-30");
  g_assert_cmpstr (carta_clinical_status_get_last_gcsf (status), ==, "2026-01-29");
  g_assert_cmpstr (carta_clinical_status_get_last_antibody (status), ==, "2025-12-01");
  g_assert_null (carta_clinical_status_get_last_radiotherapy (status));
  g_assert_cmpint (carta_clinical_status_get_seizures (status), ==, CARTA_ANSWER_YES);
  g_assert_cmpint (carta_clinical_status_get_other_cancer (status), ==, CARTA_ANSWER_NO);
  g_assert_cmpint (carta_clinical_status_get_stroke (status), ==, CARTA_ANSWER_NOT_SET);

  transplant_copy = g_list_model_get_item (carta_treatment_history_get_transplants (treatment), 0);
  g_assert_cmpint (carta_transplant_get_donor_type (transplant_copy), ==, CARTA_DONOR_TYPE_HAPLOIDENTICAL);
  g_assert_cmpint (carta_transplant_get_chronic_gvhd (transplant_copy), ==, CARTA_ANSWER_YES);
  g_assert_cmpint (carta_transplant_get_gvhd_active (transplant_copy), ==, CARTA_ANSWER_NO);
  g_assert_cmpint (carta_transplant_get_immunosuppressants (transplant_copy), ==, CARTA_ANSWER_YES);
  g_assert_cmpint (carta_treatment_history_get_transplant_planned (treatment), ==, CARTA_ANSWER_YES);
  g_assert_cmpint (carta_treatment_history_get_donor_available (treatment), ==, CARTA_ANSWER_UNKNOWN);

  cart_copy = g_list_model_get_item (carta_treatment_history_get_prior_carts (treatment), 0);
  g_assert_cmpstr (carta_prior_cart_get_target (cart_copy), ==, "CD7");
  g_assert_cmpint (carta_prior_cart_get_cell_source (cart_copy), ==, CARTA_TRANSPLANT_TYPE_ALLOGENEIC);
}

static void
test_cockcroft_gault (void)
{
  double mg_dl = 0;

  /* Worked example: a man of 60, 72 kg, creatinine 1.0 mg/dL:
   * (140 − 60) × 72 ÷ (72 × 1.0) = 80 mL/min; a woman: × 0.85 = 68. */
  g_assert_cmpfloat_with_epsilon (carta_cockcroft_gault (60, 72, 1.0, FALSE), 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (carta_cockcroft_gault (60, 72, 1.0, TRUE), 68.0, 1e-9);

  /* Chinese labs give µmol/L: 88.4 µmol/L is 1.0 mg/dL. */
  g_assert_true (carta_creatinine_to_mg_dl (88.4, "µmol/L", &mg_dl));
  g_assert_cmpfloat_with_epsilon (mg_dl, 1.0, 1e-9);
  g_assert_true (carta_creatinine_to_mg_dl (88.4, " umol/l ", &mg_dl));
  g_assert_cmpfloat_with_epsilon (mg_dl, 1.0, 1e-9);
  g_assert_true (carta_creatinine_to_mg_dl (1.2, "mg/dL", &mg_dl));
  g_assert_cmpfloat_with_epsilon (mg_dl, 1.2, 1e-9);
  g_assert_false (carta_creatinine_to_mg_dl (1.2, "mmol/L", &mg_dl));
  g_assert_false (carta_creatinine_to_mg_dl (1.2, NULL, &mg_dl));

  /* A woman of 65, 60 kg, 70.72 µmol/L (0.8 mg/dL):
   * 75 × 60 ÷ (72 × 0.8) × 0.85 = 66.40625 mL/min. */
  g_assert_true (carta_creatinine_to_mg_dl (70.72, "µmol/L", &mg_dl));
  g_assert_cmpfloat_with_epsilon (carta_cockcroft_gault (65, 60, mg_dl, TRUE), 66.40625, 1e-6);

  g_assert_cmpfloat (carta_cockcroft_gault (60, 0, 1.0, FALSE), <, 0);
  g_assert_cmpfloat (carta_cockcroft_gault (60, 72, 0, FALSE), <, 0);
}

static void
test_case_clearance (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Clearance");
  g_autoptr(CartaLabResult) old = carta_lab_result_new ();
  g_autoptr(CartaLabResult) latest = carta_lab_result_new ();
  CartaPatient *patient = carta_case_get_patient (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaLabResult *used = NULL;
  double clearance = -1;

  carta_lab_result_set_kind (old, CARTA_LAB_KIND_CREATININE);
  carta_lab_result_set_value (old, "176.8");
  carta_lab_result_set_unit (old, "µmol/L");
  carta_lab_result_set_date (old, "2025-01-10");
  carta_clinical_status_insert_lab (status, 0, old);
  carta_lab_result_set_kind (latest, CARTA_LAB_KIND_CREATININE);
  carta_lab_result_set_value (latest, "70,72");
  carta_lab_result_set_unit (latest, "µmol/L");
  carta_lab_result_set_date (latest, "2026-03-02");
  carta_clinical_status_insert_lab (status, 0, latest);

  /* Nothing is guessed: no age, weight or sex, no estimate. */
  g_assert_false (carta_case_estimate_creatinine_clearance (kase, &clearance, &used));
  g_assert_true (carta_patient_set_date_of_birth (patient, "1961-03-02"));
  carta_patient_set_weight_kg (patient, 60);
  g_assert_false (carta_case_estimate_creatinine_clearance (kase, &clearance, &used));
  carta_patient_set_sex (patient, "female");

  /* 65 on the day of the latest test. */
  g_assert_true (carta_case_estimate_creatinine_clearance (kase, &clearance, &used));
  g_assert_true (used == latest);
  g_assert_cmpfloat_with_epsilon (clearance, 66.40625, 1e-6);
}

static void
test_validation (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Checks");
  g_autoptr(CartaLabResult) lab = carta_lab_result_new ();
  g_autoptr(GPtrArray) problems = NULL;
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  GDate today;
  char *message;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  g_assert_null (carta_validate_performance_score (-1));
  g_assert_null (carta_validate_performance_score (0));
  g_assert_null (carta_validate_performance_score (90));
  message = carta_validate_performance_score (85);
  g_assert_nonnull (message);
  g_free (message);
  message = carta_validate_performance_score (110);
  g_assert_nonnull (message);
  g_free (message);

  /* Free entries and words are kept as written. */
  carta_lab_result_set_value (lab, "high");
  g_assert_null (carta_validate_lab_value (lab));
  carta_lab_result_set_kind (lab, CARTA_LAB_KIND_HBSAG);
  carta_lab_result_set_value (lab, "Negative");
  g_assert_null (carta_validate_lab_value (lab));

  carta_lab_result_set_kind (lab, CARTA_LAB_KIND_LVEF);
  carta_lab_result_set_value (lab, "55 %");
  g_assert_null (carta_validate_lab_value (lab));
  carta_lab_result_set_value (lab, "155");
  message = carta_validate_lab_value (lab);
  g_assert_nonnull (message);
  g_free (message);
  carta_lab_result_set_value (lab, "normal");
  message = carta_validate_lab_value (lab);
  g_assert_nonnull (strstr (message, "normal"));
  g_free (message);

  carta_lab_result_set_kind (lab, CARTA_LAB_KIND_CREATININE);
  carta_lab_result_set_value (lab, "68");
  carta_lab_result_set_unit (lab, "µmol/L");
  g_assert_null (carta_validate_lab_value (lab));
  carta_lab_result_set_unit (lab, "mmol/L");
  message = carta_validate_lab_value (lab);
  g_assert_nonnull (strstr (message, "µmol/L"));
  g_free (message);

  carta_lab_result_set_date (lab, "2027-01-01");
  carta_clinical_status_insert_lab (status, 0, lab);
  carta_clinical_status_set_last_radiotherapy (status, "2026-07-01");
  carta_clinical_status_set_karnofsky (status, 75);
  carta_diagnosis_set_lumbar_puncture_date (carta_case_get_diagnosis (kase), "2026-06-16");

  problems = carta_profile_list_problems (kase, &today);
  /* Lab date, lab unit, radiotherapy date, LP date, Karnofsky. */
  g_assert_cmpuint (problems->len, ==, 5);
}

static void
test_labels (void)
{
  /* Every value has its own label: no table is one short. */
  g_assert_cmpstr (carta_lab_kind_to_label (CARTA_LAB_KIND_OTHER_TARGET), ==, "Another target");
  g_assert_cmpstr (carta_lab_kind_to_label (CARTA_LAB_KIND_CD7), ==, "CD7 positive");
  g_assert_cmpstr (carta_lab_kind_get_info (CARTA_LAB_KIND_CREATININE)->unit, ==, "µmol/L");
  g_assert_cmpstr (carta_disease_to_label (CARTA_DISEASE_OTHER), ==, "Another disease");
  g_assert_cmpstr (carta_disease_to_label (CARTA_DISEASE_PLASMA_CELL_LEUKAEMIA), ==, "Plasma-cell leukaemia");
  g_assert_cmpstr (carta_cns_status_to_label (CARTA_CNS_STATUS_UNKNOWN), ==, "Not known");
  g_assert_cmpstr (carta_donor_type_to_label (CARTA_DONOR_TYPE_UNKNOWN), ==, "Not known");
  g_assert_cmpstr (carta_nyha_class_to_label (CARTA_NYHA_CLASS_4), ==, "Class IV: symptoms at rest");
}

static CartaCase *
new_screening_case (void)
{
  CartaCase *kase = carta_case_new ("Export");
  g_autoptr(CartaLabResult) creatinine = carta_lab_result_new ();
  g_autoptr(CartaLabResult) cd7 = carta_lab_result_new ();
  CartaPatient *patient = carta_case_get_patient (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);

  g_assert_true (carta_patient_set_date_of_birth (patient, "1961-03-02"));
  carta_patient_set_sex (patient, "female");
  carta_patient_set_weight_kg (patient, 60);
  carta_diagnosis_set_disease (carta_case_get_diagnosis (kase), CARTA_DISEASE_AML);
  carta_diagnosis_set_cns_status (carta_case_get_diagnosis (kase), CARTA_CNS_STATUS_CNS1);

  carta_lab_result_set_kind (creatinine, CARTA_LAB_KIND_CREATININE);
  carta_lab_result_set_value (creatinine, "70.72");
  carta_lab_result_set_unit (creatinine, "µmol/L");
  carta_lab_result_set_date (creatinine, "2026-03-02");
  carta_clinical_status_insert_lab (status, 0, creatinine);
  carta_lab_result_set_kind (cd7, CARTA_LAB_KIND_CD7);
  carta_lab_result_set_value (cd7, "85");
  carta_lab_result_set_unit (cd7, "%");
  carta_lab_result_set_method (cd7, "Flow cytometry");
  carta_lab_result_set_date (cd7, "2026-03-01");
  carta_clinical_status_insert_lab (status, 1, cd7);

  carta_clinical_status_set_last_steroids (status, "2026-03-05");
  carta_clinical_status_set_seizures (status, CARTA_ANSWER_NO);
  return kase;
}

static JsonObject *
find_observation (JsonNode   *bundle,
                  const char *text)
{
  JsonArray *entries = json_object_get_array_member (json_node_get_object (bundle), "entry");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");

      if (g_strcmp0 (json_object_get_string_member (resource, "resourceType"), "Observation") == 0 &&
          g_strcmp0 (json_object_get_string_member (json_object_get_object_member (resource, "code"), "text"), text) == 0)
        return resource;
    }

  return NULL;
}

static void
test_fhir (void)
{
  g_autoptr(CartaCase) kase = new_screening_case ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 10, 9, 0, 0);
  g_autoptr(JsonNode) bundle = _carta_bundle_build_fhir (kase, docs, when);
  JsonObject *creatinine = find_observation (bundle, "Creatinine");
  JsonObject *clearance = find_observation (bundle, "Creatinine clearance, estimated");
  JsonObject *cd7 = find_observation (bundle, "CD7 positive");
  JsonObject *steroids = find_observation (bundle, "Last steroids");
  JsonObject *coding;

  g_assert_nonnull (creatinine);
  coding = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (creatinine, "code"),
                                                                        "coding"), 0);
  g_assert_cmpstr (json_object_get_string_member (coding, "system"), ==, "http://loinc.org");
  g_assert_cmpstr (json_object_get_string_member (coding, "code"), ==, "14682-9");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (creatinine, "valueQuantity"),
                                                                 "value"), 70.72, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (creatinine, "effectiveDateTime"), ==, "2026-03-02");

  g_assert_nonnull (clearance);
  g_assert_false (json_object_has_member (json_object_get_object_member (clearance, "code"), "coding"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (clearance, "valueQuantity"),
                                                                 "value"), 66.40625, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (clearance, "method"), "text"),
                   ==, "Cockcroft-Gault");

  /* No LOINC code is sure for a target marker: text only, with its method. */
  g_assert_nonnull (cd7);
  g_assert_false (json_object_has_member (json_object_get_object_member (cd7, "code"), "coding"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (cd7, "method"), "text"),
                   ==, "Flow cytometry");

  g_assert_nonnull (steroids);
  g_assert_cmpstr (json_object_get_string_member (steroids, "valueDateTime"), ==, "2026-03-05");
  g_assert_nonnull (find_observation (bundle, "Has had seizures (epilepsy)"));
  g_assert_nonnull (find_observation (bundle, "Disease in the brain or spinal cord (CNS)"));
  g_assert_null (find_observation (bundle, "Last radiotherapy"));
}

/* The first entry of @type in @bundle whose @member (a string) is @value,
 * or the first of @type when @member is NULL. */
static JsonObject *
find_resource (JsonNode   *bundle,
               const char *type,
               const char *member,
               const char *value)
{
  JsonArray *entries = json_object_get_array_member (json_node_get_object (bundle), "entry");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");

      if (g_strcmp0 (json_object_get_string_member (resource, "resourceType"), type) == 0 &&
          (member == NULL || g_strcmp0 (json_object_get_string_member (resource, member), value) == 0))
        return resource;
    }
  return NULL;
}

/* The Composition's section of LOINC @code. */
static JsonObject *
find_section (JsonNode   *bundle,
              const char *code)
{
  JsonObject *composition = find_resource (bundle, "Composition", NULL, NULL);
  JsonArray *sections = json_object_get_array_member (composition, "section");

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      JsonObject *coding = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (section, "code"),
                                                                                        "coding"), 0);

      if (g_str_equal (json_object_get_string_member (coding, "code"), code))
        return section;
    }
  return NULL;
}

static const char *
first_code (JsonObject *concept,
            const char *system)
{
  JsonArray *codings = json_object_has_member (concept, "coding") ? json_object_get_array_member (concept, "coding") : NULL;

  for (guint i = 0; codings != NULL && i < json_array_get_length (codings); i++)
    {
      JsonObject *coding = json_array_get_object_element (codings, i);

      if (g_str_equal (json_object_get_string_member (coding, "system"), system))
        return json_object_get_string_member (coding, "code");
    }
  return NULL;
}

static void
test_fhir_ips (void)
{
  g_autoptr(CartaCase) kase = new_screening_case ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 10, 9, 0, 0);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaPatient *patient = carta_case_get_patient (kase);
  g_autoptr(JsonNode) bundle = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GRegex) uuid = g_regex_new ("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", 0, 0, NULL);
  JsonObject *root;
  JsonObject *object;
  JsonObject *section;
  JsonArray *entries;

  carta_clinical_status_set_ecog (status, 1);
  carta_clinical_status_set_allergies_answer (status, CARTA_ALLERGY_ANSWER_UNKNOWN);
  carta_patient_set_languages (patient, "Mandarin, Klingon");
  bundle = _carta_bundle_build_fhir (kase, docs, when);
  root = json_node_get_object (bundle);

  /* A document: an identifier of its own, the Composition first. */
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "document");
  g_assert_true (g_regex_match (uuid, json_object_get_string_member (json_object_get_object_member (root, "identifier"), "value"), 0, NULL));
  entries = json_object_get_array_member (root, "entry");
  object = json_object_get_object_member (json_array_get_object_element (entries, 0), "resource");
  g_assert_cmpstr (json_object_get_string_member (object, "resourceType"), ==, "Composition");
  g_assert_cmpstr (first_code (json_object_get_object_member (object, "type"), "http://loinc.org"), ==, "60591-5");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *text = json_object_get_object_member (json_object_get_object_member (entry, "resource"), "text");

      g_assert_true (g_regex_match (uuid, json_object_get_string_member (entry, "fullUrl"), 0, NULL));
      g_assert_cmpstr (json_object_get_string_member (text, "status"), ==, "generated");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (text, "div"), "<div xmlns=\"http://www.w3.org/1999/xhtml\">"));
    }

  /* The diagnosis coded, the family's words kept. */
  object = find_resource (bundle, "Condition", NULL, NULL);
  g_assert_cmpstr (first_code (json_object_get_object_member (object, "code"), "http://snomed.info/sct"), ==, "91861009");
  g_assert_cmpstr (first_code (json_object_get_object_member (object, "code"), "http://hl7.org/fhir/sid/icd-10"), ==, "C92.0");
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (object, "code"), "text"));
  g_assert_nonnull (find_section (bundle, "11450-4"));

  /* Allergies "not known" and no medication: IPS's "no information". */
  section = find_section (bundle, "48765-2");
  g_assert_false (json_object_has_member (section, "entry"));
  g_assert_cmpstr (first_code (json_object_get_object_member (section, "emptyReason"),
                               "http://terminology.hl7.org/CodeSystem/list-empty-reason"), ==, "unavailable");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (section, "text"), "div"), "does not know"));
  g_assert_true (json_object_has_member (find_section (bundle, "10160-0"), "emptyReason"));

  /* ECOG by its LOINC code, in an assessment the functional status lists. */
  object = find_observation (bundle, "ECOG performance status");
  g_assert_cmpstr (first_code (json_object_get_object_member (object, "code"), "http://loinc.org"), ==, "89247-1");
  g_assert_cmpint (json_object_get_int_member (object, "valueInteger"), ==, 1);
  g_assert_nonnull (find_section (bundle, "47420-5"));
  g_assert_nonnull (find_resource (bundle, "ClinicalImpression", NULL, NULL));

  /* A UCUM unit on the creatinine; a laboratory result's category. */
  object = json_object_get_object_member (find_observation (bundle, "Creatinine"), "valueQuantity");
  g_assert_cmpstr (json_object_get_string_member (object, "system"), ==, "http://unitsofmeasure.org");
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, "umol/L");

  /* Languages by BCP 47 tag; one Carta cannot name stays out. */
  object = find_resource (bundle, "Patient", NULL, NULL);
  entries = json_object_get_array_member (object, "communication");
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  g_assert_cmpstr (first_code (json_object_get_object_member (json_array_get_object_element (entries, 0), "language"),
                               "urn:ietf:bcp:47"), ==, "zh");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (object, "text"), "div"), "Klingon"));

  /* None known, then the family's own words. */
  carta_clinical_status_set_allergies_answer (status, CARTA_ALLERGY_ANSWER_NONE_KNOWN);
  again = _carta_bundle_build_fhir (kase, docs, when);
  object = find_resource (again, "AllergyIntolerance", NULL, NULL);
  g_assert_cmpstr (first_code (json_object_get_object_member (object, "code"), "http://snomed.info/sct"), ==, "716186003");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (find_section (again, "48765-2"), "entry")), ==, 1);
  /* The Patient's id is stable, the document's is new. */
  g_assert_cmpstr (json_object_get_string_member (find_resource (again, "Patient", NULL, NULL), "id"), ==,
                   json_object_get_string_member (find_resource (bundle, "Patient", NULL, NULL), "id"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "id"), !=,
                   json_object_get_string_member (root, "id"));
  g_clear_pointer (&again, json_node_unref);

  carta_clinical_status_set_allergies_answer (status, CARTA_ALLERGY_ANSWER_LISTED);
  carta_clinical_status_set_allergies (status, "Penicillin: rash");
  again = _carta_bundle_build_fhir (kase, docs, when);
  object = find_resource (again, "AllergyIntolerance", NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "code"), "text"), ==, "Penicillin: rash");
  g_assert_null (first_code (json_object_get_object_member (object, "code"), "http://snomed.info/sct"));
}

static void
test_summary_pdf (void)
{
  g_autoptr(CartaCase) kase = new_screening_case ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 10, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = _carta_bundle_render_summary (kase, docs, when, NULL, &error);
  g_autoptr(GObject) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  document = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  g_assert_no_error (error);

  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (document)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), i));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (text, page_text);
    }

  g_assert_nonnull (strstr (text->str, "Acute myeloid leukaemia (AML)"));
  g_assert_nonnull (strstr (text->str, "CNS1"));
  g_assert_nonnull (strstr (text->str, "CD7 positive"));
  g_assert_nonnull (strstr (text->str, "Cockcroft-Gault"));
  g_assert_nonnull (strstr (text->str, "66 mL/min"));
  /* The estimate names the sex it used. */
  g_assert_nonnull (strstr (text->str, "kg, Female"));
  g_assert_null (strstr (text->str, "and sex"));
  g_assert_nonnull (strstr (text->str, "Last steroids"));
  g_assert_nonnull (strstr (text->str, "5 days before this summary"));
  g_assert_nonnull (strstr (text->str, "seizures"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/criteria/migrate-v2", test_migrate_v2);
  g_test_add_func ("/criteria/round-trip", test_round_trip);
  g_test_add_func ("/criteria/cockcroft-gault", test_cockcroft_gault);
  g_test_add_func ("/criteria/case-clearance", test_case_clearance);
  g_test_add_func ("/criteria/validation", test_validation);
  g_test_add_func ("/criteria/labels", test_labels);
  g_test_add_func ("/criteria/fhir", test_fhir);
  g_test_add_func ("/criteria/fhir-ips", test_fhir_ips);
  g_test_add_func ("/criteria/summary-pdf", test_summary_pdf);

  return g_test_run ();
}

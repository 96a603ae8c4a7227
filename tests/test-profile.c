/* test-profile.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "carta-case.h"
#include "carta-date.h"
#include "carta-error.h"
#include "carta-store.h"
#include "carta-validate.h"

static void
fill_case (CartaCase *kase)
{
  CartaPatient *patient = carta_case_get_patient (kase);
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaTreatmentHistory *treatment = carta_case_get_treatment (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  g_autoptr(CartaContact) me = carta_contact_new ();
  g_autoptr(CartaContact) daughter = carta_contact_new ();
  g_autoptr(CartaTherapyLine) first = carta_therapy_line_new ();
  g_autoptr(CartaTherapyLine) second = carta_therapy_line_new ();
  g_autoptr(CartaTransplant) transplant = carta_transplant_new ();
  g_autoptr(CartaPriorCart) cart = carta_prior_cart_new ();
  g_autoptr(CartaLabResult) lab = carta_lab_result_new ();

  carta_patient_set_name (patient, "WANG FANG");
  carta_patient_set_other_names (patient, "王芳");
  g_assert_true (carta_patient_set_date_of_birth (patient, "1961-07-14"));
  carta_patient_set_sex (patient, "female");
  carta_patient_set_country (patient, "Germany");
  carta_patient_set_preferred_language (patient, "German");
  carta_patient_set_languages (patient, "German, Mandarin");
  carta_patient_set_contact (patient, "legacy text");
  carta_patient_set_weight_kg (patient, 61.5);
  carta_patient_set_height_cm (patient, 163);

  carta_contact_set_name (me, "Wang Fang");
  carta_contact_set_relation (me, "Patient");
  carta_contact_set_phone (me, "+49 30 1234567");
  carta_contact_set_email (me, "fang@example.org");
  carta_contact_set_time_zone (me, "Europe/Berlin");
  carta_case_add_contact (kase, me);
  carta_contact_set_name (daughter, "Lena Wang");
  carta_contact_set_relation (daughter, "Daughter");
  carta_case_add_contact (kase, daughter);

  carta_diagnosis_set_disease (diagnosis, CARTA_DISEASE_OTHER);
  carta_diagnosis_set_disease_other (diagnosis, "Primary mediastinal B-cell lymphoma");
  carta_diagnosis_set_diagnosis_date (diagnosis, "2021-03");
  carta_diagnosis_set_state (diagnosis, CARTA_DISEASE_STATE_REFRACTORY);
  carta_diagnosis_set_cd19_percent (diagnosis, "92,5 %");
  carta_diagnosis_set_bcma_percent (diagnosis, "150");
  carta_diagnosis_set_antigen_method (diagnosis, "Flow cytometry");
  carta_diagnosis_set_antigen_date (diagnosis, "2025-12-01");
  carta_diagnosis_set_cns_status (diagnosis, CARTA_CNS_STATUS_CNS2);

  carta_therapy_line_set_regimen (first, "R-CHOP × 6");
  carta_therapy_line_set_start_date (first, "2021-04-02");
  carta_therapy_line_set_end_date (first, "2021-08-20");
  carta_therapy_line_set_best_response (first, CARTA_RESPONSE_PR);
  carta_therapy_line_set_notes (first, "Neuropathy after cycle 4.\nDose reduced.");
  carta_treatment_history_add_line (treatment, first);
  carta_therapy_line_set_regimen (second, "R-ICE");
  carta_therapy_line_set_start_date (second, "2022-01-10");
  carta_therapy_line_set_end_date (second, "2021-12-01");
  carta_therapy_line_set_best_response (second, CARTA_RESPONSE_PD);
  carta_treatment_history_add_line (treatment, second);

  carta_transplant_set_kind (transplant, CARTA_TRANSPLANT_TYPE_AUTOLOGOUS);
  carta_transplant_set_date (transplant, "2022-05-03");
  carta_transplant_set_gvhd_grade (transplant, CARTA_GVHD_GRADE_NONE);
  carta_transplant_set_notes (transplant, "BEAM conditioning");
  carta_treatment_history_insert_transplant (treatment, 0, transplant);

  carta_prior_cart_set_product (cart, "Axicabtagene ciloleucel");
  carta_prior_cart_set_date (cart, "2023-02-01");
  carta_prior_cart_set_response (cart, CARTA_RESPONSE_CR);
  carta_prior_cart_set_relapse_date (cart, "2024-01");
  carta_prior_cart_set_notes (cart, "CRS grade 2");
  carta_treatment_history_insert_prior_cart (treatment, 0, cart);

  carta_treatment_history_set_failed_manufacturing (treatment, CARTA_ANSWER_YES);
  carta_treatment_history_set_failed_manufacturing_reason (treatment, "Too few T cells after apheresis");

  carta_clinical_status_set_ecog (status, 2);
  carta_lab_result_set_name (lab, "Neutrophils");
  carta_lab_result_set_value (lab, "<0.5");
  carta_lab_result_set_unit (lab, "10⁹/L");
  carta_lab_result_set_date (lab, "2026-01-05");
  carta_clinical_status_insert_lab (status, 0, lab);
  carta_clinical_status_set_infections (status, "None");
  carta_clinical_status_set_other_illnesses (status, "Type 2 diabetes");
  carta_clinical_status_set_medication (status, "Metformin 500 mg twice a day");

  carta_case_set_questions (kase, "Can she travel with a port?\nHow long is the stay?");
}

/* Every readable property of two objects of one type is equal. */
static void
assert_props_equal (gpointer a,
                    gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (G_IS_PARAM_SPEC_OBJECT (pspecs[i]) || G_IS_PARAM_SPEC_BOXED (pspecs[i]))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("%s.%s differs", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
    }
}

static void
assert_lists_equal (GListModel *a,
                    GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);
      assert_props_equal (x, y);
    }
}

static void
assert_profiles_equal (CartaCase *a,
                       CartaCase *b)
{
  CartaTreatmentHistory *ta = carta_case_get_treatment (a);
  CartaTreatmentHistory *tb = carta_case_get_treatment (b);

  assert_props_equal (a, b);
  assert_props_equal (carta_case_get_patient (a), carta_case_get_patient (b));
  assert_props_equal (carta_case_get_diagnosis (a), carta_case_get_diagnosis (b));
  assert_props_equal (ta, tb);
  assert_props_equal (carta_case_get_clinical_status (a), carta_case_get_clinical_status (b));
  assert_lists_equal (carta_case_get_contacts (a), carta_case_get_contacts (b));
  assert_lists_equal (carta_treatment_history_get_lines (ta), carta_treatment_history_get_lines (tb));
  assert_lists_equal (carta_treatment_history_get_transplants (ta), carta_treatment_history_get_transplants (tb));
  assert_lists_equal (carta_treatment_history_get_prior_carts (ta), carta_treatment_history_get_prior_carts (tb));
  assert_lists_equal (carta_clinical_status_get_labs (carta_case_get_clinical_status (a)),
                      carta_clinical_status_get_labs (carta_case_get_clinical_status (b)));
}

static CartaCase *
reparse (const char  *data,
         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  return carta_case_new_from_json (json_parser_get_root (parser), error);
}

static void
test_round_trip_json (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(CartaCase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;

  fill_case (kase);
  data = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (data, "\"carta-case/3\""));

  copy = reparse (data, &error);
  g_assert_no_error (error);
  assert_profiles_equal (kase, copy);

  /* Spot checks that the comparison really saw the values. */
  g_assert_cmpstr (carta_patient_get_other_names (carta_case_get_patient (copy)), ==, "王芳");
  g_assert_cmpfloat (carta_patient_get_weight_kg (carta_case_get_patient (copy)), ==, 61.5);
  g_assert_cmpint (carta_diagnosis_get_disease (carta_case_get_diagnosis (copy)), ==, CARTA_DISEASE_OTHER);
  g_assert_cmpstr (carta_diagnosis_get_bcma_percent (carta_case_get_diagnosis (copy)), ==, "150");
  g_assert_cmpint (carta_clinical_status_get_ecog (carta_case_get_clinical_status (copy)), ==, 2);
  g_assert_cmpstr (carta_case_get_questions (copy), ==, "Can she travel with a port?\nHow long is the stay?");

  again = carta_case_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, again);
}

static void
test_round_trip_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-profile-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaStore) reopened = NULL;
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(GError) error = NULL;
  CartaCase *loaded;

  fill_case (kase);
  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (carta_store_add_case (store, kase, &error));
  g_assert_no_error (error);

  /* An edit after the first save must reach the disk too. */
  carta_clinical_status_set_ecog (carta_case_get_clinical_status (kase), 1);
  g_assert_true (carta_store_save_case (store, kase, &error));

  reopened = carta_store_new (root);
  g_assert_true (carta_store_load (reopened, &error));
  g_assert_no_error (error);
  loaded = carta_store_find_case (reopened, carta_case_get_id (kase));
  g_assert_nonnull (loaded);
  assert_profiles_equal (kase, loaded);
  g_assert_cmpint (carta_clinical_status_get_ecog (carta_case_get_clinical_status (loaded)), ==, 1);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_changed (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  CartaTreatmentHistory *treatment = carta_case_get_treatment (kase);
  g_autoptr(CartaTherapyLine) first = NULL;
  g_autoptr(CartaTherapyLine) second = NULL;
  g_autoptr(CartaContact) contact = NULL;
  g_autoptr(CartaLabResult) lab = NULL;
  guint count = 0, last, position = 99;

  fill_case (kase);
  g_signal_connect (kase, "changed", G_CALLBACK (count_cb), &count);
  first = g_list_model_get_item (carta_treatment_history_get_lines (treatment), 0);
  second = g_list_model_get_item (carta_treatment_history_get_lines (treatment), 1);
  contact = g_list_model_get_item (carta_case_get_contacts (kase), 1);
  lab = g_list_model_get_item (carta_clinical_status_get_labs (carta_case_get_clinical_status (kase)), 0);

#define CHANGES(stmt) G_STMT_START { last = count; stmt; g_assert_cmpuint (count, >, last); } G_STMT_END
#define NO_CHANGE(stmt) G_STMT_START { last = count; stmt; g_assert_cmpuint (count, ==, last); } G_STMT_END

  CHANGES (carta_patient_set_languages (carta_case_get_patient (kase), "German"));
  CHANGES (carta_contact_set_phone (contact, "+49 170 000000"));
  CHANGES (carta_diagnosis_set_cns_status (carta_case_get_diagnosis (kase), CARTA_CNS_STATUS_UNKNOWN));
  CHANGES (carta_therapy_line_set_notes (first, "changed"));
  CHANGES (carta_treatment_history_set_failed_manufacturing (treatment, CARTA_ANSWER_NO));
  CHANGES (carta_lab_result_set_value (lab, "0.7"));
  CHANGES (carta_clinical_status_set_ecog (carta_case_get_clinical_status (kase), 3));
  CHANGES (carta_case_set_questions (kase, "New question"));
  NO_CHANGE (carta_case_set_questions (kase, "New question"));
  NO_CHANGE (carta_therapy_line_set_notes (first, "changed"));

  CHANGES (g_assert_true (carta_treatment_history_move_line (treatment, second, 0)));
  g_assert_true (g_list_model_get_item (carta_treatment_history_get_lines (treatment), 0) == (gpointer) second);
  g_object_unref (second);
  /* Moved lines are still watched, and only once. */
  last = count;
  carta_therapy_line_set_regimen (second, "R-ICE × 2");
  g_assert_cmpuint (count, ==, last + 1);

  CHANGES (g_assert_true (carta_treatment_history_remove_line (treatment, first, &position)));
  g_assert_cmpuint (position, ==, 1);
  NO_CHANGE (carta_therapy_line_set_notes (first, "edited in the undo toast"));
  CHANGES (carta_treatment_history_insert_line (treatment, position, first));
  CHANGES (carta_therapy_line_set_notes (first, "watched again"));

  CHANGES (g_assert_true (carta_case_remove_contact (kase, contact, NULL)));
  NO_CHANGE (carta_contact_set_email (contact, "x@example.org"));

#undef CHANGES
#undef NO_CHANGE
}

/* A case file as the first release of Carta wrote it. */
#define V1_CASE \
  "{\n" \
  "  \"schema\" : \"carta-case/1\",\n" \
  "  \"id\" : \"6f1f0c2e-2b8f-4f4e-9a57-0c5e7e1d2a10\",\n" \
  "  \"title\" : \"Dad\",\n" \
  "  \"created\" : \"2026-01-10T08:00:00Z\",\n" \
  "  \"modified\" : \"2026-01-11T09:30:00Z\",\n" \
  "  \"patient\" : {\n" \
  "    \"name\" : \"LI WEI\",\n" \
  "    \"date_of_birth\" : \"1958-11-02\",\n" \
  "    \"sex\" : \"male\",\n" \
  "    \"country\" : \"CN\",\n" \
  "    \"preferred_language\" : \"zh_CN\",\n" \
  "    \"contact\" : \"%s\"\n" \
  "  },\n" \
  "  \"checklist\" : [\n" \
  "    { \"id\" : \"a1\", \"template_key\" : \"pathology-report\", \"category\" : \"diagnosis\", \"status\" : \"received\" }\n" \
  "  ]\n" \
  "}\n"

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-profile-XXXXXX", NULL);
  g_autofree char *case_dir = g_build_filename (dir, "6f1f0c2e-2b8f-4f4e-9a57-0c5e7e1d2a10", NULL);
  g_autofree char *path = g_build_filename (case_dir, "case.json", NULL);
  g_autofree char *json = g_strdup_printf (V1_CASE, "+86 10 5555 0100");
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaContact) contact = NULL;
  g_autoptr(CartaCase) mail_case = NULL;
  g_autoptr(CartaContact) mail_contact = NULL;
  g_autofree char *mail_json = NULL;
  g_autofree char *saved = NULL;
  CartaPatient *patient;
  CartaCase *kase;

  g_assert_cmpint (g_mkdir_with_parents (case_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json, -1, &error));

  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (carta_store_get_problems (store)->len, ==, 0);
  kase = carta_store_find_case (store, "6f1f0c2e-2b8f-4f4e-9a57-0c5e7e1d2a10");
  g_assert_nonnull (kase);

  patient = carta_case_get_patient (kase);
  g_assert_cmpstr (carta_patient_get_name (patient), ==, "LI WEI");
  g_assert_cmpstr (carta_patient_get_date_of_birth (patient), ==, "1958-11-02");
  g_assert_cmpstr (carta_patient_get_sex (patient), ==, "male");
  g_assert_cmpstr (carta_patient_get_country (patient), ==, "CN");
  g_assert_cmpstr (carta_patient_get_preferred_language (patient), ==, "zh_CN");
  g_assert_cmpstr (carta_patient_get_languages (patient), ==, "zh_CN");
  g_assert_null (carta_patient_get_contact (patient));

  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_contacts (kase)), ==, 1);
  contact = g_list_model_get_item (carta_case_get_contacts (kase), 0);
  g_assert_cmpstr (carta_contact_get_name (contact), ==, "LI WEI");
  g_assert_cmpstr (carta_contact_get_phone (contact), ==, "+86 10 5555 0100");
  g_assert_null (carta_contact_get_email (contact));
  /* Its one record, and the seven that schema 3 added to the checklist. */
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_items (kase)), ==, 1 + 7);

  /* Loading is not an edit: the modified time is the file's. */
  g_assert_cmpint (g_date_time_get_hour (carta_case_get_modified (kase)), ==, 9);

  /* The next save writes schema 2 with the data in its new place. */
  g_assert_true (carta_store_save_case (store, kase, &error));
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_nonnull (strstr (saved, "\"carta-case/3\""));
  g_assert_nonnull (strstr (saved, "\"contacts\""));
  g_assert_null (strstr (saved, "\"contact\" :"));

  /* A bare e-mail address goes to the e-mail field. */
  mail_json = g_strdup_printf (V1_CASE, "li.wei@example.cn");
  mail_case = reparse (mail_json, &error);
  g_assert_no_error (error);
  mail_contact = g_list_model_get_item (carta_case_get_contacts (mail_case), 0);
  g_assert_cmpstr (carta_contact_get_email (mail_contact), ==, "li.wei@example.cn");
  g_assert_null (carta_contact_get_phone (mail_contact));
}

static void
assert_message (char       *message,
                const char *fragment)
{
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, fragment));
  g_free (message);
}

static void
test_validation (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(CartaTherapyLine) line = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GDate today;
  double value = -1;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  /* Dates. */
  g_assert_null (carta_validate_date (NULL, &today));
  g_assert_null (carta_validate_date ("2026-06-15", &today));
  g_assert_null (carta_validate_date ("2026-06", &today));
  g_assert_null (carta_validate_date ("2019", &today));
  assert_message (carta_validate_date ("2026-06-16", &today), "future");
  assert_message (carta_validate_date ("2026-07", &today), "future");
  assert_message (carta_validate_date ("2023-02-29", &today), "“2023-02-29” is not a date");
  assert_message (carta_validate_date ("last spring", &today), "not a date");
  assert_message (carta_validate_date ("2020-1-5", &today), "not a date");

  /* End before start. */
  g_assert_null (carta_validate_date_order ("2021-04-02", "2021-04-02"));
  g_assert_null (carta_validate_date_order ("2021-04-02", NULL));
  g_assert_null (carta_validate_date_order ("2021-04-02", "2021"));
  g_assert_null (carta_validate_date_order ("2021-04-02", "2021-04"));
  assert_message (carta_validate_date_order ("2021-04-02", "2021-04-01"), "before the start");
  assert_message (carta_validate_date_order ("2021-04-02", "2021-03"), "before the start");

  /* ECOG. */
  for (int grade = -1; grade <= 4; grade++)
    g_assert_null (carta_validate_ecog (grade));
  assert_message (carta_validate_ecog (5), "0 to 4");
  assert_message (carta_validate_ecog (-3), "0 to 4");
  for (int grade = 0; grade <= 4; grade++)
    g_assert_nonnull (carta_ecog_to_description (grade));
  g_assert_null (carta_ecog_to_description (5));

  /* Percentages. */
  g_assert_null (carta_validate_percent (NULL));
  g_assert_null (carta_validate_percent ("0"));
  g_assert_null (carta_validate_percent ("100"));
  g_assert_null (carta_validate_percent (" 92,5 % "));
  g_assert_true (carta_parse_percent ("92,5 %", &value));
  g_assert_cmpfloat (value, ==, 92.5);
  assert_message (carta_validate_percent ("100.5"), "0 to 100");
  assert_message (carta_validate_percent ("-1"), "0 to 100");
  assert_message (carta_validate_percent ("most"), "“most” is not a number");

  /* The case-wide list names where each problem is, and the bad values
   * stay as they were written. */
  line = carta_therapy_line_new ();
  carta_therapy_line_set_start_date (line, "2022-01-10");
  carta_therapy_line_set_end_date (line, "2021-12-01");
  carta_treatment_history_add_line (carta_case_get_treatment (kase), line);
  carta_clinical_status_set_ecog (carta_case_get_clinical_status (kase), 7);
  carta_diagnosis_set_cd19_percent (carta_case_get_diagnosis (kase), "120");
  g_assert_true (carta_patient_set_date_of_birth (carta_case_get_patient (kase), "2030-01-01"));

  problems = carta_profile_list_problems (kase, &today);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Date of birth"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "CD19"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 2), "Line of therapy 1: The end date"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 3), "ECOG"));
  g_assert_cmpstr (carta_therapy_line_get_end_date (line), ==, "2021-12-01");
  g_assert_cmpint (carta_clinical_status_get_ecog (carta_case_get_clinical_status (kase)), ==, 7);
  g_assert_cmpstr (carta_diagnosis_get_cd19_percent (carta_case_get_diagnosis (kase)), ==, "120");
}

static gboolean
contains (GPtrArray  *array,
          const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_missing (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(GPtrArray) empty = carta_profile_list_missing (kase);
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_true (contains (empty, "Full name as in the passport"));
  g_assert_true (contains (empty, "Date of birth"));
  g_assert_true (contains (empty, "Lines of therapy"));
  g_assert_true (contains (empty, "ECOG performance status"));
  g_assert_false (contains (empty, "Name of the disease"));

  carta_patient_set_name (carta_case_get_patient (kase), "WANG FANG");
  carta_diagnosis_set_disease (carta_case_get_diagnosis (kase), CARTA_DISEASE_OTHER);
  some = carta_profile_list_missing (kase);
  /* Two answers given, one follow-up asked for. */
  g_assert_cmpuint (some->len, ==, empty->len - 1);
  g_assert_false (contains (some, "Full name as in the passport"));
  g_assert_true (contains (some, "Name of the disease"));

  fill_case (kase);
  none = carta_profile_list_missing (kase);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_age (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2026);

  g_assert_cmpint (carta_date_age ("1968-02-29", &today), ==, 58);
  g_assert_cmpint (carta_date_age ("1968-03-01", &today), ==, 58);
  g_assert_cmpint (carta_date_age ("1968-03-02", &today), ==, 57);
  g_assert_cmpint (carta_date_age ("2026-03-02", &today), ==, -1);
  g_assert_cmpint (carta_date_age ("1968", &today), ==, -1);
  g_assert_cmpint (carta_date_age (NULL, &today), ==, -1);
}

static void
test_locale_dates (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }

  day = carta_date_format ("2024-03-05");
  month = carta_date_format ("2019-03");
  year = carta_date_format ("2019");
  setlocale (LC_ALL, old);

  g_assert_cmpstr (day, ==, "05.03.2024");
  g_assert_cmpstr (month, ==, "März 2019");
  g_assert_cmpstr (year, ==, "2019");
  g_assert_null (carta_date_format ("2024-02-30"));
}

/* What a person types, in three locales' orders: ISO always works, and
 * the locale's own numbers are read in its order. */
static void
test_typed_dates (void)
{
  static const struct {
    const char     *text;
    CartaDateOrder  order;
    const char     *iso;
  } cases[] = {
    { "1965-04-12", CARTA_DATE_ORDER_MDY, "1965-04-12" },
    { "1965-04-12", CARTA_DATE_ORDER_DMY, "1965-04-12" },
    { "1965-04", CARTA_DATE_ORDER_DMY, "1965-04" },
    { " 1965 ", CARTA_DATE_ORDER_YMD, "1965" },
    { "04/12/1965", CARTA_DATE_ORDER_MDY, "1965-04-12" },
    { "4/12/1965", CARTA_DATE_ORDER_MDY, "1965-04-12" },
    { "12.04.1965", CARTA_DATE_ORDER_DMY, "1965-04-12" },
    { "12.4.1965.", CARTA_DATE_ORDER_DMY, "1965-04-12" },
    { "12/04/1965", CARTA_DATE_ORDER_DMY, "1965-04-12" },
    { "12-04-1965", CARTA_DATE_ORDER_DMY, "1965-04-12" },
    { "1965/4/12", CARTA_DATE_ORDER_YMD, "1965-04-12" },
    { "1965年4月12日", CARTA_DATE_ORDER_YMD, "1965-04-12" },
    { "1965.04.12", CARTA_DATE_ORDER_DMY, "1965-04-12" },
    { "04/1965", CARTA_DATE_ORDER_MDY, "1965-04" },
    { "4.1965", CARTA_DATE_ORDER_DMY, "1965-04" },
    { "29.02.2024", CARTA_DATE_ORDER_DMY, "2024-02-29" },
    { "2026-03-14", CARTA_DATE_ORDER_MDY, "2026-03-14" },
  };
  static const struct {
    const char     *text;
    CartaDateOrder  order;
  } refused[] = {
    { "", CARTA_DATE_ORDER_DMY },
    { "2026-02-30", CARTA_DATE_ORDER_DMY },
    { "30.02.2026", CARTA_DATE_ORDER_DMY },
    { "13/12/1965", CARTA_DATE_ORDER_MDY },
    { "12/13/1965", CARTA_DATE_ORDER_DMY },
    { "12/04/1965", CARTA_DATE_ORDER_YMD },
    { "1965-13", CARTA_DATE_ORDER_YMD },
    { "12.04.65", CARTA_DATE_ORDER_DMY },
    { "0000", CARTA_DATE_ORDER_YMD },
    { "12041965", CARTA_DATE_ORDER_DMY },
    { "1965-04-12-01", CARTA_DATE_ORDER_DMY },
    { "-1965", CARTA_DATE_ORDER_DMY },
    { "April 1965", CARTA_DATE_ORDER_MDY },
    { "1965-04-12x", CARTA_DATE_ORDER_MDY },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 14, G_DATE_MARCH, 2026);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_true (carta_date_parse_typed (cases[i].text, cases[i].order, &today, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_true (carta_date_parse (iso, NULL, NULL));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_test_message ("%s", refused[i].text);
      g_assert_false (carta_date_parse_typed (refused[i].text, refused[i].order, &today, &iso, &error));
      g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
      g_assert_null (iso);
    }

  /* The day after today is refused where the field forbids the future,
   * and a year that has begun is not in the future. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *iso = NULL;

    g_assert_false (carta_date_parse_typed ("15.03.2026", CARTA_DATE_ORDER_DMY, &today, &iso, &error));
    g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "future"));
    g_clear_error (&error);
    g_assert_true (carta_date_parse_typed ("15.03.2026", CARTA_DATE_ORDER_DMY, NULL, &iso, &error));
    g_assert_cmpstr (iso, ==, "2026-03-15");
    g_clear_pointer (&iso, g_free);
    g_assert_true (carta_date_parse_typed ("2026", CARTA_DATE_ORDER_DMY, &today, &iso, NULL));
    g_assert_cmpstr (iso, ==, "2026");
  }
}

/* The order comes from the locale's own numeric format. */
static void
test_locale_order (void)
{
  static const struct {
    const char     *locale;
    CartaDateOrder  order;
  } locales[] = {
    { "en_US.UTF-8", CARTA_DATE_ORDER_MDY },
    { "de_DE.UTF-8", CARTA_DATE_ORDER_DMY },
    { "zh_CN.UTF-8", CARTA_DATE_ORDER_YMD },
  };
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  guint tested = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      CartaDateOrder order;

      if (setlocale (LC_ALL, locales[i].locale) == NULL)
        continue;
      order = carta_date_locale_order ();
      setlocale (LC_ALL, old);
      g_assert_cmpint (order, ==, locales[i].order);
      tested++;
    }

  if (tested == 0)
    g_test_skip ("none of en_US, de_DE and zh_CN is installed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/round-trip-json", test_round_trip_json);
  g_test_add_func ("/profile/round-trip-store", test_round_trip_store);
  g_test_add_func ("/profile/changed", test_changed);
  g_test_add_func ("/profile/migrate-v1", test_migrate_v1);
  g_test_add_func ("/profile/validation", test_validation);
  g_test_add_func ("/profile/missing", test_missing);
  g_test_add_func ("/profile/age", test_age);
  g_test_add_func ("/profile/locale-dates", test_locale_dates);
  g_test_add_func ("/profile/typed-dates", test_typed_dates);
  g_test_add_func ("/profile/locale-order", test_locale_order);

  return g_test_run ();
}

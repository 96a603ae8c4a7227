/* test-review.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Export page reviews before a bundle goes out: the values the
 * Case page flags (each with the field it is in), their mark in
 * summary.pdf, and the records whose value the Case page already holds.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "carta-bundle-private.h"
#include "carta-case.h"
#include "carta-catalog.h"
#include "carta-checklist-template.h"
#include "carta-validate.h"

/* “CD19 150”, “BCMA about half” and a line of therapy that ends before
 * it starts, as a family typed them. */
static CartaCase *
new_flagged_case (void)
{
  CartaCase *kase = carta_case_new ("Review");
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  g_autoptr(CartaTherapyLine) first = carta_therapy_line_new ();
  g_autoptr(CartaTherapyLine) second = carta_therapy_line_new ();

  carta_patient_set_name (carta_case_get_patient (kase), "Test Patient");
  carta_diagnosis_set_cd19_percent (diagnosis, "150");
  carta_diagnosis_set_bcma_percent (diagnosis, "about half");
  carta_therapy_line_set_regimen (first, "R-CHOP");
  carta_therapy_line_set_start_date (first, "2024-01-10");
  carta_therapy_line_set_end_date (first, "2024-05-02");
  carta_therapy_line_set_regimen (second, "R-ICE");
  carta_therapy_line_set_start_date (second, "2025-03-01");
  carta_therapy_line_set_end_date (second, "2025-01-15");
  carta_treatment_history_insert_line (carta_case_get_treatment (kase), 0, first);
  carta_treatment_history_insert_line (carta_case_get_treatment (kase), 1, second);

  return kase;
}

static void
test_flagged_fields (void)
{
  g_autoptr(CartaCase) kase = new_flagged_case ();
  g_autoptr(CartaCase) clean = carta_case_new ("Clean");
  g_autoptr(GPtrArray) flagged = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  CartaFieldNote *note;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  flagged = carta_profile_list_flagged (kase, &today);
  g_assert_cmpuint (flagged->len, ==, 3);

  note = g_ptr_array_index (flagged, 0);
  g_assert_cmpstr (note->field, ==, "cd19-percent");
  g_assert_cmpstr (note->label, ==, "CD19");
  g_assert_cmpstr (note->value, ==, "150");
  g_assert_nonnull (note->message);
  note = g_ptr_array_index (flagged, 1);
  g_assert_cmpstr (note->field, ==, "bcma-percent");
  g_assert_nonnull (strstr (note->message, "about half"));
  /* The order of dates is flagged on the later one, of the second line. */
  note = g_ptr_array_index (flagged, 2);
  g_assert_cmpstr (note->field, ==, "lines/1/end");
  g_assert_cmpstr (note->label, ==, "Line of therapy 2");
  g_assert_cmpstr (note->value, ==, "2025-01-15");

  g_assert_true (carta_profile_has_flag (flagged, "cd19-percent"));
  g_assert_true (carta_profile_has_flag (flagged, "lines/1/"));
  g_assert_false (carta_profile_has_flag (flagged, "lines/0/"));
  g_assert_false (carta_profile_has_flag (flagged, "lines/1/start"));

  /* The “where: what” lines say the same. */
  problems = carta_profile_list_problems (kase, &today);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "CD19: "));

  /* Fixed, a value is no longer flagged. */
  carta_diagnosis_set_cd19_percent (carta_case_get_diagnosis (kase), "95");
  g_clear_pointer (&flagged, g_ptr_array_unref);
  flagged = carta_profile_list_flagged (kase, &today);
  g_assert_cmpuint (flagged->len, ==, 2);
  g_assert_false (carta_profile_has_flag (flagged, "cd19-percent"));

  /* A score as stored. */
  carta_clinical_status_set_karnofsky (carta_case_get_clinical_status (kase), 85);
  g_clear_pointer (&flagged, g_ptr_array_unref);
  flagged = carta_profile_list_flagged (kase, &today);
  note = g_ptr_array_index (flagged, flagged->len - 1);
  g_assert_cmpstr (note->field, ==, "karnofsky");
  g_assert_cmpstr (note->value, ==, "85");

  none = carta_profile_list_flagged (clean, &today);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_missing_fields (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Missing");
  g_autoptr(GPtrArray) fields = carta_profile_list_missing_fields (kase);
  g_autoptr(GPtrArray) labels = carta_profile_list_missing (kase);
  gboolean ecog = FALSE;

  g_assert_cmpuint (fields->len, ==, labels->len);
  for (guint i = 0; i < fields->len; i++)
    {
      CartaFieldNote *note = g_ptr_array_index (fields, i);

      g_assert_cmpstr (note->label, ==, g_ptr_array_index (labels, i));
      g_assert_null (note->message);
      g_assert_null (note->value);
      ecog |= g_str_equal (note->field, "ecog");
    }
  g_assert_true (ecog);
  g_assert_cmpstr (((CartaFieldNote *) g_ptr_array_index (fields, 0))->field, ==, "name");
}

/* The text pdftotext reads in @pdf, without white space: it breaks lines
 * where the layout does. */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  GString *squeezed = g_string_new (NULL);
  int fd, status;

  fd = g_file_open_tmp ("carta-test-review-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_unlink (path);

  for (const char *p = out; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));

  return g_string_free (squeezed, FALSE);
}

static char *
render (CartaCase  *kase,
        const char *language)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 6, 15, 9, 0, 0);
  g_autoptr(CartaCatalog) catalog = carta_catalog_new_for_language (language, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = _carta_bundle_render_summary (kase, docs, when, catalog, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf_text (pdf);
}

static void
test_summary_marks (void)
{
  g_autoptr(CartaCase) kase = new_flagged_case ();
  g_autofree char *text = NULL;
  g_autofree char *chinese = NULL;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* A clean value the same way, to see it is not marked. */
  carta_diagnosis_set_bcma_percent (carta_case_get_diagnosis (kase), "40");

  text = render (kase, "en");
  g_assert_nonnull (strstr (text, "150(asentered,notchecked)"));
  g_assert_nonnull (strstr (text, "40"));
  g_assert_null (strstr (text, "40(asentered"));
  /* Of the second line only the end date is flagged. */
  g_assert_nonnull (strstr (text, "2025-01-15(asentered,notchecked)"));
  g_assert_null (strstr (text, "2025-03-01(asentered"));
  g_assert_null (strstr (text, "2024-05-02(asentered"));

  /* In the summary's language, like the rest of it. */
  chinese = render (kase, "zh_CN");
  g_assert_null (strstr (chinese, "asentered"));
  g_assert_nonnull (strstr (chinese, "150（按家属填写，未经核对）"));
}

static CartaChecklistItem *
find_record (CartaCase  *kase,
             const char *key)
{
  CartaChecklistItem *item = carta_checklist_template_find_case_item (carta_checklist_template_get_default (),
                                                                      kase, key);

  g_assert_nonnull (item);
  return item;
}

static void
test_record_on_case_page (void)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  g_autoptr(CartaCase) kase = new_flagged_case ();
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaChecklistItem *ecog, *lines, *target, *passport;
  char *text;

  if (g_list_model_get_n_items (carta_case_get_items (kase)) == 0)
    carta_checklist_template_seed_case (template, kase);
  ecog = find_record (kase, "ecog");
  lines = find_record (kase, "therapy-lines");
  target = find_record (kase, "target-antigen-expression");
  passport = find_record (kase, "passport");

  g_assert_null (carta_checklist_template_describe_case_value (template, kase, ecog));

  carta_clinical_status_set_ecog (status, 1);
  text = carta_checklist_template_describe_case_value (template, kase, ecog);
  g_assert_cmpstr (text, ==, "ECOG 1");
  g_free (text);

  /* A grade the Case page flags is no value to rely on. */
  carta_clinical_status_set_ecog (status, 7);
  g_assert_null (carta_checklist_template_describe_case_value (template, kase, ecog));
  carta_clinical_status_set_karnofsky (status, 80);
  text = carta_checklist_template_describe_case_value (template, kase, ecog);
  g_assert_cmpstr (text, ==, "Karnofsky 80");
  g_free (text);

  text = carta_checklist_template_describe_case_value (template, kase, lines);
  g_assert_cmpstr (text, ==, "2 lines of therapy");
  g_free (text);

  /* “150” and “about half” are flagged: nothing to show yet. */
  g_assert_null (carta_checklist_template_describe_case_value (template, kase, target));
  carta_diagnosis_set_cd19_percent (carta_case_get_diagnosis (kase), "95");
  text = carta_checklist_template_describe_case_value (template, kase, target);
  g_assert_cmpstr (text, ==, "CD19 95 %");
  g_free (text);

  g_assert_null (carta_checklist_template_describe_case_value (template, kase, passport));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/flagged-fields", test_flagged_fields);
  g_test_add_func ("/review/missing-fields", test_missing_fields);
  g_test_add_func ("/review/summary-marks", test_summary_marks);
  g_test_add_func ("/review/record-on-case-page", test_record_on_case_page);

  return g_test_run ();
}

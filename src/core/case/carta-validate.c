/* carta-validate.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "carta-date.h"
#include "carta-validate.h"

/**
 * carta_validate_date:
 * @text: (nullable): a profile date as stored
 * @today: (nullable): the current day, or %NULL for today
 *
 * Returns: (transfer full) (nullable): why @text is not a usable date
 */
char *
carta_validate_date (const char *text,
                     GDate      *today)
{
  GDate date, now;

  if (text == NULL)
    return NULL;

  if (!carta_date_parse (text, &date, NULL))
    /* TRANSLATORS: %s is what was stored as a date */
    return g_strdup_printf (_("“%s” is not a date. Pick the date from the calendar."), text);

  if (today != NULL)
    now = *today;
  else
    carta_date_today (&now);

  if (g_date_compare (&date, &now) > 0)
    return g_strdup (_("This date is in the future. Check the year."));

  return NULL;
}

/* The last day a date can mean: “2020” runs to 31 December. */
static gboolean
last_day (const char *text,
          GDate      *date)
{
  CartaDatePrecision precision;

  if (!carta_date_parse (text, date, &precision))
    return FALSE;

  if (precision == CARTA_DATE_PRECISION_YEAR)
    g_date_set_dmy (date, 31, G_DATE_DECEMBER, g_date_get_year (date));
  else if (precision == CARTA_DATE_PRECISION_MONTH)
    g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date)));

  return TRUE;
}

/**
 * carta_validate_date_order:
 * @start: (nullable): when something started
 * @end: (nullable): when it ended
 *
 * Returns: (transfer full) (nullable): a message if @end is before @start
 */
char *
carta_validate_date_order (const char *start,
                           const char *end)
{
  GDate first, last;

  if (!carta_date_parse (start, &first, NULL) || !last_day (end, &last))
    return NULL;

  if (g_date_compare (&last, &first) < 0)
    return g_strdup (_("The end date is before the start date."));

  return NULL;
}

/**
 * carta_validate_ecog:
 * @grade: an ECOG performance status, or -1 for not given
 *
 * Returns: (transfer full) (nullable): a message if @grade is not 0–4
 */
char *
carta_validate_ecog (int grade)
{
  if (grade == -1 || (grade >= 0 && grade <= 4))
    return NULL;

  /* TRANSLATORS: %d is the stored ECOG grade */
  return g_strdup_printf (_("ECOG grades go from 0 to 4; %d is not one of them."), grade);
}

/**
 * carta_parse_percent:
 * @text: (nullable): a percentage as written, such as “92”, “92.5 %” or “92,5”
 * @value: (out) (optional): the number
 *
 * Returns: whether @text is a number (in any range)
 */
gboolean
carta_parse_percent (const char *text,
                     double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  gsize len;
  double v;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len > 0 && copy[len - 1] == '%')
    copy[len - 1] = '\0';
  g_strstrip (copy);
  g_strdelimit (copy, ",", '.');

  if (copy[0] == '\0')
    return FALSE;

  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || v != v)
    return FALSE;

  if (value != NULL)
    *value = v;

  return TRUE;
}

/**
 * carta_validate_percent:
 * @text: (nullable): a percentage as written
 *
 * Returns: (transfer full) (nullable): a message if @text is not a number
 *   from 0 to 100
 */
char *
carta_validate_percent (const char *text)
{
  double v;

  if (text == NULL)
    return NULL;

  if (!carta_parse_percent (text, &v))
    /* TRANSLATORS: %s is what was written as a percentage */
    return g_strdup_printf (_("“%s” is not a number. Write the percentage from the report, such as 85."), text);

  if (v < 0 || v > 100)
    return g_strdup (_("A percentage goes from 0 to 100. Check the report."));

  return NULL;
}

static void
add_problem (GPtrArray  *problems,
             const char *where,
             char       *message)
{
  if (message == NULL)
    return;

  /* TRANSLATORS: “Where: what is wrong”, e.g. “Date of birth: This date is in the future.” */
  g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), where, message));
  g_free (message);
}

/**
 * carta_profile_list_problems:
 * @today: (nullable): the current day, or %NULL for today
 *
 * Every value in the profile that a check rejects, as “where: what” lines.
 *
 * Returns: (transfer full) (element-type utf8): the problems, maybe none
 */
GPtrArray *
carta_profile_list_problems (CartaCase *kase,
                             GDate     *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  CartaDiagnosis *diagnosis;
  CartaTreatmentHistory *treatment;
  GListModel *model;

  g_return_val_if_fail (CARTA_IS_CASE (kase), problems);

  diagnosis = carta_case_get_diagnosis (kase);
  treatment = carta_case_get_treatment (kase);

  add_problem (problems, _("Date of birth"),
               carta_validate_date (carta_patient_get_date_of_birth (carta_case_get_patient (kase)), today));
  add_problem (problems, _("Date of diagnosis"),
               carta_validate_date (carta_diagnosis_get_diagnosis_date (diagnosis), today));
  add_problem (problems, _("CD19"), carta_validate_percent (carta_diagnosis_get_cd19_percent (diagnosis)));
  add_problem (problems, _("BCMA"), carta_validate_percent (carta_diagnosis_get_bcma_percent (diagnosis)));
  add_problem (problems, _("Date of the antigen test"),
               carta_validate_date (carta_diagnosis_get_antigen_date (diagnosis), today));

  model = carta_treatment_history_get_lines (treatment);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaTherapyLine) line = g_list_model_get_item (model, i);
      /* TRANSLATORS: %u is the number of a line of therapy, 1 for the first */
      g_autofree char *where = g_strdup_printf (_("Line of therapy %u"), i + 1);
      const char *start = carta_therapy_line_get_start_date (line);
      const char *end = carta_therapy_line_get_end_date (line);

      add_problem (problems, where, carta_validate_date (start, today));
      add_problem (problems, where, carta_validate_date (end, today));
      add_problem (problems, where, carta_validate_date_order (start, end));
    }

  model = carta_treatment_history_get_transplants (treatment);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaTransplant) transplant = g_list_model_get_item (model, i);
      /* TRANSLATORS: %u counts the stem-cell transplants, 1 for the first */
      g_autofree char *where = g_strdup_printf (_("Transplant %u"), i + 1);

      add_problem (problems, where, carta_validate_date (carta_transplant_get_date (transplant), today));
    }

  model = carta_treatment_history_get_prior_carts (treatment);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (model, i);
      /* TRANSLATORS: %u counts earlier CAR-T treatments, 1 for the first */
      g_autofree char *where = g_strdup_printf (_("Earlier CAR-T %u"), i + 1);
      const char *date = carta_prior_cart_get_date (cart);
      const char *relapse = carta_prior_cart_get_relapse_date (cart);

      add_problem (problems, where, carta_validate_date (date, today));
      add_problem (problems, where, carta_validate_date (relapse, today));
      add_problem (problems, where, carta_validate_date_order (date, relapse));
    }

  add_problem (problems, _("ECOG performance status"),
               carta_validate_ecog (carta_clinical_status_get_ecog (carta_case_get_clinical_status (kase))));

  model = carta_clinical_status_get_labs (carta_case_get_clinical_status (kase));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (model, i);
      const char *name = carta_lab_result_get_name (lab);

      add_problem (problems, name ? name : _("Lab result"),
                   carta_validate_date (carta_lab_result_get_date (lab), today));
    }

  return problems;
}

/**
 * carta_profile_list_missing:
 *
 * What a reviewer will look for and the profile does not say yet, as
 * translated field names. Optional extras (weight, notes) are not listed.
 *
 * Returns: (transfer full) (element-type utf8): the missing fields, maybe none
 */
GPtrArray *
carta_profile_list_missing (CartaCase *kase)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  CartaPatient *patient;
  CartaDiagnosis *diagnosis;
  CartaTreatmentHistory *treatment;
  CartaClinicalStatus *status;

#define MISSING(cond, label) G_STMT_START { if (cond) g_ptr_array_add (missing, g_strdup (label)); } G_STMT_END

  g_return_val_if_fail (CARTA_IS_CASE (kase), missing);

  patient = carta_case_get_patient (kase);
  diagnosis = carta_case_get_diagnosis (kase);
  treatment = carta_case_get_treatment (kase);
  status = carta_case_get_clinical_status (kase);

  MISSING (!carta_patient_get_name (patient), _("Full name as in the passport"));
  MISSING (!carta_patient_get_date_of_birth (patient), _("Date of birth"));
  MISSING (!carta_patient_get_sex (patient), _("Sex"));
  MISSING (!carta_patient_get_country (patient), _("Country"));
  MISSING (!carta_patient_get_languages (patient) && !carta_patient_get_preferred_language (patient),
           _("Languages spoken"));
  MISSING (g_list_model_get_n_items (carta_case_get_contacts (kase)) == 0, _("A contact person"));

  MISSING (carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_NOT_SET, _("Disease"));
  MISSING (carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_OTHER &&
           !carta_diagnosis_get_disease_other (diagnosis), _("Name of the disease"));
  MISSING (!carta_diagnosis_get_diagnosis_date (diagnosis), _("Date of diagnosis"));
  MISSING (carta_diagnosis_get_state (diagnosis) == CARTA_DISEASE_STATE_NOT_SET, _("Current state of the disease"));
  MISSING (!carta_diagnosis_get_cd19_percent (diagnosis) && !carta_diagnosis_get_bcma_percent (diagnosis),
           _("Target antigen result (CD19 or BCMA)"));
  MISSING (carta_diagnosis_get_cns_involvement (diagnosis) == CARTA_ANSWER_NOT_SET, _("CNS involvement"));

  MISSING (g_list_model_get_n_items (carta_treatment_history_get_lines (treatment)) == 0, _("Lines of therapy"));
  MISSING (carta_treatment_history_get_failed_manufacturing (treatment) == CARTA_ANSWER_NOT_SET,
           _("Whether making CAR-T cells from the patient’s own cells failed"));

  MISSING (carta_clinical_status_get_ecog (status) == -1, _("ECOG performance status"));
  MISSING (g_list_model_get_n_items (carta_clinical_status_get_labs (status)) == 0, _("Key lab results"));

#undef MISSING

  return missing;
}

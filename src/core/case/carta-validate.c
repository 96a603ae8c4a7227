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

/**
 * carta_validate_performance_score:
 * @score: a Karnofsky or Lansky score, or -1 for not given
 *
 * Returns: (transfer full) (nullable): a message if @score is not 0–100
 *   in steps of 10
 */
char *
carta_validate_performance_score (int score)
{
  if (score == -1 || (score >= 0 && score <= 100 && score % 10 == 0))
    return NULL;

  /* TRANSLATORS: %d is the stored Karnofsky or Lansky score */
  return g_strdup_printf (_("Scores go from 0 to 100 in steps of 10; %d is not one of them."), score);
}

/**
 * carta_parse_number:
 * @text: (nullable): a number as written, such as “88”, “1.2” or “1,2”
 * @value: (out) (optional): the number
 *
 * Returns: whether @text is a number; a trailing “%” is allowed
 */
gboolean
carta_parse_number (const char *text,
                    double     *value)
{
  return carta_parse_percent (text, value);
}

static gboolean
unit_is (const char *unit,
         const char *a,
         const char *b)
{
  return g_ascii_strcasecmp (unit, a) == 0 || (b != NULL && g_ascii_strcasecmp (unit, b) == 0);
}

/**
 * carta_creatinine_to_mg_dl:
 * @value: a serum creatinine
 * @unit: (nullable): its unit: µmol/L (as Chinese labs give it) or mg/dL
 * @mg_dl: (out): the value in mg/dL
 *
 * Returns: whether @unit is one Carta can convert
 */
gboolean
carta_creatinine_to_mg_dl (double      value,
                           const char *unit,
                           double     *mg_dl)
{
  g_autofree char *stripped = NULL;

  if (unit == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (unit));
  if (unit_is (stripped, "µmol/L", "umol/L") || unit_is (stripped, "μmol/L", NULL))
    *mg_dl = value / 88.4;
  else if (unit_is (stripped, "mg/dL", "mg/dl"))
    *mg_dl = value;
  else
    return FALSE;

  return TRUE;
}

/**
 * carta_cockcroft_gault:
 *
 * Returns: the estimated creatinine clearance in mL/min, or -1 if an
 *   input cannot give one
 */
double
carta_cockcroft_gault (int      age_years,
                       double   weight_kg,
                       double   creatinine_mg_dl,
                       gboolean female)
{
  double clearance;

  if (age_years < 0 || weight_kg <= 0 || creatinine_mg_dl <= 0)
    return -1;

  clearance = (140.0 - age_years) * weight_kg / (72.0 * creatinine_mg_dl);
  if (female)
    clearance *= 0.85;

  return MAX (clearance, 0);
}

/**
 * carta_case_estimate_creatinine_clearance:
 * @ml_min: (out): the clearance in mL/min
 * @creatinine: (out) (optional) (transfer none): the result it comes from
 *
 * Uses the latest creatinine result of the profile, the age on the day of
 * that test, the weight and the sex. Nothing is guessed: without each of
 * them there is no estimate.
 *
 * Returns: whether there is an estimate
 */
gboolean
carta_case_estimate_creatinine_clearance (CartaCase       *kase,
                                          double          *ml_min,
                                          CartaLabResult **creatinine)
{
  CartaPatient *patient;
  GListModel *labs;
  CartaLabResult *best = NULL;
  GDate best_date, date;
  const char *sex;
  double value, mg_dl, clearance;
  int age;

  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  patient = carta_case_get_patient (kase);
  labs = carta_clinical_status_get_labs (carta_case_get_clinical_status (kase));
  for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);

      if (carta_lab_result_get_kind (lab) != CARTA_LAB_KIND_CREATININE ||
          !carta_date_parse (carta_lab_result_get_date (lab), &date, NULL))
        continue;

      if (best == NULL || g_date_compare (&date, &best_date) > 0)
        {
          best = lab;
          best_date = date;
        }
    }

  sex = carta_patient_get_sex (patient);
  if (best == NULL ||
      !carta_parse_number (carta_lab_result_get_value (best), &value) ||
      !carta_creatinine_to_mg_dl (value, carta_lab_result_get_unit (best), &mg_dl) ||
      (age = carta_date_age (carta_patient_get_date_of_birth (patient), &best_date)) < 0 ||
      (g_strcmp0 (sex, "female") != 0 && g_strcmp0 (sex, "male") != 0))
    return FALSE;

  clearance = carta_cockcroft_gault (age, carta_patient_get_weight_kg (patient), mg_dl,
                                     g_strcmp0 (sex, "female") == 0);
  if (clearance < 0)
    return FALSE;

  *ml_min = clearance;
  if (creatinine != NULL)
    *creatinine = best;
  return TRUE;
}

/**
 * carta_validate_lab_value:
 *
 * Returns: (transfer full) (nullable): a message if the value of a known
 *   kind of test is not a number, out of range, or (for creatinine) in a
 *   unit Carta cannot convert
 */
char *
carta_validate_lab_value (CartaLabResult *lab)
{
  const CartaLabKindInfo *info;
  const char *text;
  double value, unused;

  g_return_val_if_fail (CARTA_IS_LAB_RESULT (lab), NULL);

  info = carta_lab_kind_get_info (carta_lab_result_get_kind (lab));
  text = carta_lab_result_get_value (lab);
  if (text == NULL || !info->numeric)
    return NULL;

  if (!carta_parse_number (text, &value))
    /* TRANSLATORS: %s is what was written as a test result */
    return g_strdup_printf (_("“%s” is not a number. Write the value from the report, such as 85."), text);

  if (value < info->min || value > info->max)
    return g_strdup (_("This value is outside what a report can show. Check the number and its unit."));

  if (carta_lab_result_get_kind (lab) == CARTA_LAB_KIND_CREATININE &&
      !carta_creatinine_to_mg_dl (value, carta_lab_result_get_unit (lab), &unused))
    return g_strdup (_("Write the unit as on the report: µmol/L or mg/dL."));

  return NULL;
}

/* A note and its strings are one block, so that g_free() frees it all. */
static void
add_note (GPtrArray  *notes,
          const char *field,
          const char *label,
          const char *value,
          char       *message)
{
  const char *parts[] = { field, label, value, message };
  gsize sizes[G_N_ELEMENTS (parts)];
  gsize total = sizeof (CartaFieldNote);
  CartaFieldNote *note;
  char *next;
  char **members[G_N_ELEMENTS (parts)];

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    total += sizes[i] = parts[i] ? strlen (parts[i]) + 1 : 0;

  note = g_malloc0 (total);
  members[0] = &note->field;
  members[1] = &note->label;
  members[2] = &note->value;
  members[3] = &note->message;
  next = (char *) (note + 1);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        *members[i] = memcpy (next, parts[i], sizes[i]);
        next += sizes[i];
      }

  g_ptr_array_add (notes, note);
  g_free (message);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *where,
             const char *value,
             char       *message)
{
  if (message != NULL)
    add_note (problems, field, where, value, message);
}

/* Checks of the nth record of a list: its field path is `list/n/part`. */
static void
add_record_problem (GPtrArray  *problems,
                    const char *list,
                    guint       position,
                    const char *part,
                    const char *where,
                    const char *value,
                    char       *message)
{
  g_autofree char *field = g_strdup_printf ("%s/%u/%s", list, position, part);

  add_problem (problems, field, where, value, message);
}

/* A grade or score as it is stored, for a note. */
static char *
format_int (int value)
{
  return g_strdup_printf ("%d", value);
}

/**
 * carta_profile_list_flagged:
 * @today: (nullable): the current day, or %NULL for today
 *
 * Every value in the profile that a check rejects, in the order of the
 * Case page. The field of each is a path the Case page can show: a
 * property name such as `cd19-percent` or `ecog`, or `lines/1/end` for
 * a part of the second line of therapy (also `transplants`,
 * `prior-carts` and `labs`). A date before the start it follows is
 * flagged on the later date.
 *
 * Returns: (transfer full) (element-type CartaFieldNote): the flagged
 *   values, maybe none
 */
GPtrArray *
carta_profile_list_flagged (CartaCase *kase,
                            GDate     *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  CartaDiagnosis *diagnosis;
  CartaTreatmentHistory *treatment;
  GListModel *model;

  g_return_val_if_fail (CARTA_IS_CASE (kase), problems);

  diagnosis = carta_case_get_diagnosis (kase);
  treatment = carta_case_get_treatment (kase);

  {
    const char *birth = carta_patient_get_date_of_birth (carta_case_get_patient (kase));
    const char *diagnosed = carta_diagnosis_get_diagnosis_date (diagnosis);
    const char *cd19 = carta_diagnosis_get_cd19_percent (diagnosis);
    const char *bcma = carta_diagnosis_get_bcma_percent (diagnosis);
    const char *tested = carta_diagnosis_get_antigen_date (diagnosis);

    add_problem (problems, "date-of-birth", _("Date of birth"), birth, carta_validate_date (birth, today));
    add_problem (problems, "diagnosis-date", _("Date of diagnosis"), diagnosed, carta_validate_date (diagnosed, today));
    add_problem (problems, "cd19-percent", _("CD19"), cd19, carta_validate_percent (cd19));
    add_problem (problems, "bcma-percent", _("BCMA"), bcma, carta_validate_percent (bcma));
    add_problem (problems, "antigen-date", _("Date of the antigen test"), tested, carta_validate_date (tested, today));
  }

  model = carta_treatment_history_get_lines (treatment);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaTherapyLine) line = g_list_model_get_item (model, i);
      /* TRANSLATORS: %u is the number of a line of therapy, 1 for the first */
      g_autofree char *where = g_strdup_printf (_("Line of therapy %u"), i + 1);
      const char *start = carta_therapy_line_get_start_date (line);
      const char *end = carta_therapy_line_get_end_date (line);

      add_record_problem (problems, "lines", i, "start", where, start, carta_validate_date (start, today));
      add_record_problem (problems, "lines", i, "end", where, end, carta_validate_date (end, today));
      add_record_problem (problems, "lines", i, "end", where, end, carta_validate_date_order (start, end));
    }

  model = carta_treatment_history_get_transplants (treatment);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaTransplant) transplant = g_list_model_get_item (model, i);
      /* TRANSLATORS: %u counts the stem-cell transplants, 1 for the first */
      g_autofree char *where = g_strdup_printf (_("Transplant %u"), i + 1);

      const char *date = carta_transplant_get_date (transplant);

      add_record_problem (problems, "transplants", i, "date", where, date, carta_validate_date (date, today));
    }

  model = carta_treatment_history_get_prior_carts (treatment);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (model, i);
      /* TRANSLATORS: %u counts earlier CAR-T treatments, 1 for the first */
      g_autofree char *where = g_strdup_printf (_("Earlier CAR-T %u"), i + 1);
      const char *date = carta_prior_cart_get_date (cart);
      const char *relapse = carta_prior_cart_get_relapse_date (cart);

      add_record_problem (problems, "prior-carts", i, "date", where, date, carta_validate_date (date, today));
      add_record_problem (problems, "prior-carts", i, "relapse", where, relapse, carta_validate_date (relapse, today));
      add_record_problem (problems, "prior-carts", i, "relapse", where, relapse,
                          carta_validate_date_order (date, relapse));
    }

  {
    int ecog = carta_clinical_status_get_ecog (carta_case_get_clinical_status (kase));
    g_autofree char *grade = format_int (ecog);

    add_problem (problems, "ecog", _("ECOG performance status"), grade, carta_validate_ecog (ecog));
  }

  model = carta_clinical_status_get_labs (carta_case_get_clinical_status (kase));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (model, i);
      const char *name = carta_lab_result_get_display_name (lab);
      const char *where = name ? name : _("Lab result");

      const char *date = carta_lab_result_get_date (lab);

      add_record_problem (problems, "labs", i, "date", where, date, carta_validate_date (date, today));
      add_record_problem (problems, "labs", i, "value", where, carta_lab_result_get_value (lab),
                          carta_validate_lab_value (lab));
    }

  {
    CartaDiagnosis *d = diagnosis;
    CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
    struct { const char *field; const char *where; const char *date; } dates[] = {
      { "lumbar-puncture-date", _("Lumbar puncture"), carta_diagnosis_get_lumbar_puncture_date (d) },
      { "brain-mri-date", _("Brain MRI"), carta_diagnosis_get_brain_mri_date (d) },
    };

    g_autofree char *karnofsky = format_int (carta_clinical_status_get_karnofsky (status));
    g_autofree char *lansky = format_int (carta_clinical_status_get_lansky (status));

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      add_problem (problems, dates[i].field, dates[i].where, dates[i].date, carta_validate_date (dates[i].date, today));
    for (guint i = 0; i < carta_clinical_status_get_n_washouts (); i++)
      {
        const char *date = carta_clinical_status_get_washout_date (status, i);

        add_problem (problems, carta_clinical_status_get_washout_property (i),
                     _(carta_clinical_status_get_washout_title (i)), date, carta_validate_date (date, today));
      }

    add_problem (problems, "karnofsky", _("Karnofsky score"), karnofsky,
                 carta_validate_performance_score (carta_clinical_status_get_karnofsky (status)));
    add_problem (problems, "lansky", _("Lansky score"), lansky,
                 carta_validate_performance_score (carta_clinical_status_get_lansky (status)));
  }

  return problems;
}

/**
 * carta_profile_has_flag:
 * @flagged: (element-type CartaFieldNote): from carta_profile_list_flagged()
 * @field: a field path, or the start of one such as `lines/1/`
 *
 * Returns: whether a value at @field, or under it, is flagged
 */
gboolean
carta_profile_has_flag (GPtrArray  *flagged,
                        const char *field)
{
  g_return_val_if_fail (flagged != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < flagged->len; i++)
    {
      CartaFieldNote *note = g_ptr_array_index (flagged, i);

      if (g_str_equal (note->field, field) ||
          (g_str_has_suffix (field, "/") && g_str_has_prefix (note->field, field)))
        return TRUE;
    }

  return FALSE;
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
  g_autoptr(GPtrArray) flagged = NULL;

  g_return_val_if_fail (CARTA_IS_CASE (kase), problems);

  flagged = carta_profile_list_flagged (kase, today);
  for (guint i = 0; i < flagged->len; i++)
    {
      CartaFieldNote *note = g_ptr_array_index (flagged, i);

      /* TRANSLATORS: “Where: what is wrong”, e.g. “Date of birth: This date is in the future.” */
      g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), note->label, note->message));
    }

  return problems;
}

/**
 * carta_profile_list_missing_fields:
 *
 * What a reviewer will look for and the profile does not say yet, in the
 * order of the Case page. Optional extras (weight, notes) are not listed.
 * The field of each is where the Case page asks for it, as in
 * carta_profile_list_flagged(); the message is %NULL.
 *
 * Returns: (transfer full) (element-type CartaFieldNote): the missing
 *   fields, maybe none
 */
GPtrArray *
carta_profile_list_missing_fields (CartaCase *kase)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  CartaPatient *patient;
  CartaDiagnosis *diagnosis;
  CartaTreatmentHistory *treatment;
  CartaClinicalStatus *status;

#define MISSING(cond, field, label) G_STMT_START { if (cond) add_note (missing, field, label, NULL, NULL); } G_STMT_END

  g_return_val_if_fail (CARTA_IS_CASE (kase), missing);

  patient = carta_case_get_patient (kase);
  diagnosis = carta_case_get_diagnosis (kase);
  treatment = carta_case_get_treatment (kase);
  status = carta_case_get_clinical_status (kase);

  MISSING (!carta_patient_get_name (patient), "name", _("Full name as in the passport"));
  MISSING (!carta_patient_get_date_of_birth (patient), "date-of-birth", _("Date of birth"));
  MISSING (!carta_patient_get_sex (patient), "sex", _("Sex"));
  MISSING (!carta_patient_get_country (patient), "country", _("Country"));
  MISSING (!carta_patient_get_languages (patient) && !carta_patient_get_preferred_language (patient),
           "languages", _("Languages spoken"));
  MISSING (g_list_model_get_n_items (carta_case_get_contacts (kase)) == 0, "contacts", _("A contact person"));

  MISSING (carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_NOT_SET, "disease", _("Disease"));
  MISSING (carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_OTHER &&
           !carta_diagnosis_get_disease_other (diagnosis), "disease-other", _("Name of the disease"));
  MISSING (!carta_diagnosis_get_diagnosis_date (diagnosis), "diagnosis-date", _("Date of diagnosis"));
  MISSING (carta_diagnosis_get_state (diagnosis) == CARTA_DISEASE_STATE_NOT_SET, "state",
           _("Current state of the disease"));
  {
    GListModel *labs = carta_clinical_status_get_labs (status);
    gboolean target = carta_diagnosis_get_cd19_percent (diagnosis) || carta_diagnosis_get_bcma_percent (diagnosis);

    for (guint i = 0; !target && i < g_list_model_get_n_items (labs); i++)
      {
        g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);
        CartaLabKind kind = carta_lab_result_get_kind (lab);

        target = kind >= CARTA_LAB_KIND_CD7 && kind <= CARTA_LAB_KIND_OTHER_TARGET;
      }
    MISSING (!target, "cd19-percent", _("Target antigen result (such as CD19, CD7 or BCMA)"));
  }
  MISSING (carta_diagnosis_get_cns_status (diagnosis) == CARTA_CNS_STATUS_NOT_SET, "cns-status", _("CNS involvement"));

  MISSING (g_list_model_get_n_items (carta_treatment_history_get_lines (treatment)) == 0, "lines",
           _("Lines of therapy"));
  MISSING (carta_treatment_history_get_failed_manufacturing (treatment) == CARTA_ANSWER_NOT_SET,
           "failed-manufacturing", _("Whether making CAR-T cells from the patient’s own cells failed"));

  MISSING (carta_clinical_status_get_ecog (status) == -1, "ecog", _("ECOG performance status"));
  MISSING (g_list_model_get_n_items (carta_clinical_status_get_labs (status)) == 0, "labs", _("Key lab results"));

#undef MISSING

  return missing;
}

/**
 * carta_profile_list_missing:
 *
 * The labels of carta_profile_list_missing_fields().
 *
 * Returns: (transfer full) (element-type utf8): the missing fields, maybe none
 */
GPtrArray *
carta_profile_list_missing (CartaCase *kase)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = NULL;

  g_return_val_if_fail (CARTA_IS_CASE (kase), missing);

  fields = carta_profile_list_missing_fields (kase);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (missing, g_strdup (((CartaFieldNote *) g_ptr_array_index (fields, i))->label));

  return missing;
}

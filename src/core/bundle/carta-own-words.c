/* carta-own-words.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-catalog.h"
#include "carta-checklist-template.h"
#include "carta-own-words.h"

/* What the family typed carries no language of its own: Carta takes it
 * to be in the language of its window. A summary in another language
 * shows it as typed, marked as the family's own words (summary.pdf),
 * and the Export page lists it beforehand. */

/**
 * carta_own_words_are_marked:
 * @summary_language: (nullable): the summary's language; %NULL is English
 *
 * Returns: whether a summary in @summary_language marks what the family
 *   typed as their own words, not translated: when it is not the
 *   language of Carta's window
 */
gboolean
carta_own_words_are_marked (const char *summary_language)
{
  g_autofree char *ui_language = carta_catalog_find_ui_language ();

  return !g_str_equal (ui_language, summary_language ? summary_language : "en");
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
add_if (GPtrArray  *fields,
        gboolean    condition,
        const char *title)
{
  if (condition)
    g_ptr_array_add (fields, g_strdup (title));
}

/**
 * carta_own_words_list:
 * @summary_language: (nullable): the summary's language; %NULL is English
 *
 * The fields whose text a summary in @summary_language shows as the
 * family typed it, in the window's language, in the order of the
 * summary; the questions and notes the family gave their own version
 * of in that language are left out. Empty when the summary is in the
 * window's language.
 *
 * Returns: (transfer full) (element-type utf8): the fields
 */
GPtrArray *
carta_own_words_list (CartaCase  *kase,
                      const char *summary_language)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *language = summary_language ? summary_language : "en";
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  CartaDiagnosis *diagnosis;
  CartaClinicalStatus *status;
  CartaTreatmentHistory *history;
  GListModel *contacts, *labs, *lines, *items;
  gboolean any = FALSE;

  g_return_val_if_fail (CARTA_IS_CASE (kase), fields);

  if (!carta_own_words_are_marked (summary_language))
    return fields;

  diagnosis = carta_case_get_diagnosis (kase);
  status = carta_case_get_clinical_status (kase);
  history = carta_case_get_treatment (kase);
  contacts = carta_case_get_contacts (kase);
  labs = carta_clinical_status_get_labs (status);
  lines = carta_treatment_history_get_lines (history);
  items = carta_case_get_items (kase);

  for (guint i = 0; i < g_list_model_get_n_items (contacts) && !any; i++)
    {
      g_autoptr(CartaContact) contact = g_list_model_get_item (contacts, i);
      any = has_text (carta_contact_get_relation (contact));
    }
  add_if (fields, any, _("Relation to the patient, or “Patient”"));

  add_if (fields, carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_OTHER &&
                  has_text (carta_diagnosis_get_disease_other (diagnosis)), _("Disease"));
  add_if (fields, has_text (carta_diagnosis_get_antigen_method (diagnosis)), _("Tested by, on"));
  add_if (fields, has_text (carta_diagnosis_get_lumbar_puncture_result (diagnosis)), _("Lumbar puncture"));
  add_if (fields, has_text (carta_diagnosis_get_brain_mri_result (diagnosis)), _("Brain MRI"));

  any = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (labs) && !any; i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);
      any = has_text (carta_lab_result_get_name (lab)) || has_text (carta_lab_result_get_method (lab));
    }
  add_if (fields, any, _("Names and methods of test results"));

  add_if (fields, has_text (carta_clinical_status_get_infections (status)), _("Infections"));
  add_if (fields, has_text (carta_clinical_status_get_other_illnesses (status)), _("Other illnesses"));
  add_if (fields, has_text (carta_clinical_status_get_medication (status)), _("Medication"));
  add_if (fields, has_text (carta_case_get_questions (kase)) &&
                  carta_case_get_questions_translation (kase, language) == NULL,
          _("Questions for the coordinators"));

  any = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (lines) && !any; i++)
    {
      g_autoptr(CartaTherapyLine) line = g_list_model_get_item (lines, i);
      any = has_text (carta_therapy_line_get_regimen (line)) || has_text (carta_therapy_line_get_notes (line));
    }
  add_if (fields, any, _("Treatment history"));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      const char *title = carta_checklist_template_get_item_title (template, item);

      if (carta_checklist_item_get_template_key (item) == NULL)
        /* TRANSLATORS: %s is the name the family gave a record */
        g_ptr_array_add (fields, g_strdup_printf (_("The name of the record “%s”"), title));
      if (has_text (carta_checklist_item_get_notes (item)) &&
          carta_checklist_item_get_notes_translation (item, language) == NULL)
        /* TRANSLATORS: %s is a record of the checklist */
        g_ptr_array_add (fields, g_strdup_printf (_("Notes on “%s”"), title));
    }

  return fields;
}

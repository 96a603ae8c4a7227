/* carta-profile-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-date-row.h"
#include "carta-host.h"
#include "carta-list-group.h"
#include "carta-profile-lists.h"
#include "carta-profile-page.h"
#include "carta-validate.h"
#include "carta-version-editor.h"

struct _CartaProfilePage
{
  AdwBin               parent_instance;

  /* Template widgets. The stack is not bound: AdwBin unparents its own
   * child, and gtk_widget_dispose_template() would too. */
  GtkWidget           *form;
  AdwEntryRow         *name_row;
  AdwEntryRow         *other_names_row;
  CartaDateRow        *birth_row;
  AdwComboRow         *sex_row;
  AdwEntryRow         *country_row;
  AdwEntryRow         *languages_row;
  AdwEntryRow         *preferred_language_row;
  GtkSpinButton       *weight_spin;
  GtkSpinButton       *height_spin;
  CartaListGroup      *contacts_group;
  AdwComboRow         *disease_row;
  AdwEntryRow         *disease_other_row;
  CartaDateRow        *diagnosis_date_row;
  AdwComboRow         *state_row;
  AdwComboRow         *cns_row;
  AdwExpanderRow      *cns_details_row;
  AdwPreferencesGroup *plans_group;
  AdwPreferencesGroup *health_group;
  AdwPreferencesGroup *washout_group;
  AdwPreferencesGroup *history_group;
  AdwActionRow        *clearance_row;
  AdwEntryRow         *cd19_row;
  AdwActionRow        *cd19_error_row;
  AdwEntryRow         *bcma_row;
  AdwActionRow        *bcma_error_row;
  AdwEntryRow         *antigen_method_row;
  CartaDateRow        *antigen_date_row;
  CartaListGroup      *lines_group;
  CartaListGroup      *transplants_group;
  CartaListGroup      *carts_group;
  AdwComboRow         *failed_row;
  AdwEntryRow         *failed_reason_row;
  AdwComboRow         *ecog_row;
  AdwEntryRow         *infections_row;
  AdwEntryRow         *illnesses_row;
  AdwEntryRow         *medication_row;
  CartaListGroup      *labs_group;
  GtkTextView         *questions_view;
  CartaVersionEditor  *questions_version;

  CartaCase           *kase;

  /* Bound once to the parts of whatever case is shown: the source of
   * each group follows the case. */
  GBindingGroup       *patient_bindings;
  GBindingGroup       *diagnosis_bindings;
  GBindingGroup       *treatment_bindings;
  GBindingGroup       *status_bindings;
  GSignalGroup        *case_signals;
  GSignalGroup        *patient_signals;
  GSignalGroup        *diagnosis_signals;
  GSignalGroup        *treatment_signals;
  GSignalGroup        *status_signals;

  /* A field to focus once the page has its layout (carta_profile_page_focus_field()). */
  GtkWidget           *focus_target;
  int                  focus_position;
  guint                focus_tick;
  guint                focus_frames;

  guint                syncing : 1;
};

G_DEFINE_FINAL_TYPE (CartaProfilePage, carta_profile_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *sex_values[] = { NULL, "female", "male", "other" };

static const char *
disease_short_label (int value)
{
  static const char *labels[] = {
    N_("Not given"),
    N_("B-ALL"),
    N_("T-ALL / T-LBL"),
    N_("AML"),
    N_("DLBCL"),
    N_("Follicular lymphoma"),
    N_("Mantle cell lymphoma"),
    N_("CLL / SLL"),
    N_("Multiple myeloma"),
    N_("Plasma-cell leukaemia"),
    /* TRANSLATORS: a disease not in the list */
    N_("Other"),
  };

  return _(labels[value]);
}

static const char *
ecog_label (int index)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: ECOG grades; the row shows a plain description below */
    N_("Grade 0"),
    N_("Grade 1"),
    N_("Grade 2"),
    N_("Grade 3"),
    N_("Grade 4"),
  };

  return _(labels[index]);
}

/* ------------------------------------------------------------------ */
/* Bindings between the case and the fixed rows                         */

/* A combo row holds an enum as its position; an entry row shows nothing
 * for a value not given. */
static void
bind_row (GBindingGroup *group,
          const char    *property,
          gpointer       row)
{
  if (ADW_IS_COMBO_ROW (row))
    g_binding_group_bind_full (group, property, row, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               carta_profile_enum_to_uint, carta_profile_uint_to_enum, NULL, NULL);
  else
    g_binding_group_bind_full (group, property, row, "text",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               carta_profile_null_to_empty, NULL, NULL, NULL);
}

static void
bind_value (GBindingGroup *group,
            const char    *property,
            gpointer       target,
            const char    *target_property)
{
  g_binding_group_bind (group, property, target, target_property,
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
show_error (AdwActionRow *error_row,
            GtkWidget    *row,
            const char   *message)
{
  gtk_widget_set_visible (GTK_WIDGET (error_row), message != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message ? message : "");

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

/* ------------------------------------------------------------------ */
/* Rows made from a table: the fields trial sites decide on             */

typedef enum
{
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_ANSWER,
  FIELD_NYHA,
  FIELD_SCORE,
  FIELD_ALLERGY,
} FieldKind;

typedef struct
{
  const char *property;
  const char *title;
  FieldKind   kind;
} FieldSpec;

/* The rows made from the tables below carry their property, so a field
 * path of carta_profile_list_flagged() finds them. */
static G_DEFINE_QUARK (carta-profile-field, field)

static const FieldSpec cns_fields[] = {
  { "lumbar-puncture-date", N_("Date of the lumbar puncture"), FIELD_DATE },
  { "lumbar-puncture-result", N_("Spinal fluid result, such as white cells and blasts"), FIELD_TEXT },
  { "brain-mri-date", N_("Date of the brain MRI"), FIELD_DATE },
  { "brain-mri-result", N_("Brain MRI result"), FIELD_TEXT },
};

static const FieldSpec plan_fields[] = {
  { "transplant-planned", N_("A stem-cell transplant is planned after this treatment"), FIELD_ANSWER },
  { "donor-available", N_("A transplant donor has been found"), FIELD_ANSWER },
};

static const FieldSpec health_fields[] = {
  /* TRANSLATORS: asked on the Case page; the answers are “None known”,
   * “Not known” and “Yes, written below” */
  { "allergies-answer", N_("Allergies to medicines, food or anything else"), FIELD_ALLERGY },
  { "allergies", N_("Which allergies, and what happened"), FIELD_TEXT },
  { "karnofsky", N_("Karnofsky score"), FIELD_SCORE },
  /* TRANSLATORS: the Lansky play-performance scale, for children */
  { "lansky", N_("Lansky score, for children"), FIELD_SCORE },
  /* TRANSLATORS: the New York Heart Association class of heart failure */
  { "nyha-class", N_("Heart failure class (NYHA)"), FIELD_NYHA },
  { "infection-active", N_("An infection is active now"), FIELD_ANSWER },
};


static const FieldSpec history_fields[] = {
  { "solid-organ-transplant", N_("Had an organ transplant, such as a kidney"), FIELD_ANSWER },
  { "autoimmune-disease", N_("Has an autoimmune disease"), FIELD_ANSWER },
  { "seizures", N_("Has had seizures (epilepsy)"), FIELD_ANSWER },
  { "stroke", N_("Has had a stroke or bleeding in the brain"), FIELD_ANSWER },
  { "other-cancer", N_("Had another cancer in the last five years"), FIELD_ANSWER },
};

static const char *
score_label (int index)
{
  static const char *labels[] = { "100", "90", "80", "70", "60", "50", "40", "30", "20", "10", "0" };

  if (index == 0)
    return _("Not given");
  return labels[index - 1];
}

/* Position 0 is “not given” (-1); then 100, 90 … 0. */
static gboolean
score_to_index (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  int score = g_value_get_int (from);

  if (score == -1)
    g_value_set_uint (to, 0);
  else if (score >= 0 && score <= 100 && score % 10 == 0)
    g_value_set_uint (to, (guint) (1 + (100 - score) / 10));
  else
    g_value_set_uint (to, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
index_to_score (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint index = g_value_get_uint (from);

  if (index == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_int (to, index == 0 ? -1 : 100 - 10 * ((int) index - 1));
  return TRUE;
}

static void
add_fields (GBindingGroup   *bindings,
            gpointer         container,
            const FieldSpec *specs,
            guint            n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      const FieldSpec *spec = &specs[i];
      GtkWidget *row;

      switch (spec->kind)
        {
        case FIELD_TEXT:
          row = adw_entry_row_new ();
          break;
        case FIELD_DATE:
          row = carta_date_row_new (_(spec->title));
          break;
        case FIELD_ANSWER:
        case FIELD_NYHA:
        case FIELD_SCORE:
        case FIELD_ALLERGY:
          row = adw_combo_row_new ();
          break;
        default:
          g_assert_not_reached ();
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->title));
      g_object_set_qdata (G_OBJECT (row), field_quark (), (gpointer) spec->property);

      switch (spec->kind)
        {
        case FIELD_TEXT:
        case FIELD_ANSWER:
          if (spec->kind == FIELD_ANSWER)
            carta_profile_set_labels (ADW_COMBO_ROW (row), (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
          bind_row (bindings, spec->property, row);
          break;
        case FIELD_NYHA:
          carta_profile_set_labels (ADW_COMBO_ROW (row), (gpointer) carta_nyha_class_to_label, CARTA_NYHA_CLASS_4 + 1);
          bind_row (bindings, spec->property, row);
          break;
        case FIELD_ALLERGY:
          carta_profile_set_labels (ADW_COMBO_ROW (row), (gpointer) carta_allergy_answer_to_label,
                                    CARTA_ALLERGY_ANSWER_LISTED + 1);
          bind_row (bindings, spec->property, row);
          break;
        case FIELD_SCORE:
          carta_profile_set_labels (ADW_COMBO_ROW (row), score_label, 12);
          g_binding_group_bind_full (bindings, spec->property, row, "selected",
                                     G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                     score_to_index, index_to_score, NULL, NULL);
          break;
        case FIELD_DATE:
          bind_value (bindings, spec->property, row, "date");
          break;
        default:
          g_assert_not_reached ();
        }

      if (ADW_IS_EXPANDER_ROW (container))
        adw_expander_row_add_row (container, row);
      else
        adw_preferences_group_add (container, row);
    }
}

/* ------------------------------------------------------------------ */
/* The fixed rows                                                       */

/* Estimated from the latest creatinine, so the family sees what a site
 * will compute; the formula is named because sites differ. */
static void
update_clearance (CartaProfilePage *self)
{
  double clearance;

  if (self->kase != NULL && carta_case_estimate_creatinine_clearance (self->kase, &clearance, NULL))
    {
      /* TRANSLATORS: %.0f is a creatinine clearance */
      g_autofree char *text = g_strdup_printf (_("%.0f mL/min, by Cockcroft-Gault"), clearance);
      adw_action_row_set_subtitle (self->clearance_row, text);
    }
  else
    adw_action_row_set_subtitle (self->clearance_row,
                                 _("Needs a creatinine result with its unit and date, the date of birth, the weight and the sex"));
}

static void
update_sex (CartaProfilePage *self)
{
  const char *sex = self->kase ? carta_patient_get_sex (carta_case_get_patient (self->kase)) : NULL;
  guint selected = 0;

  for (guint i = 1; i < G_N_ELEMENTS (sex_values); i++)
    if (g_strcmp0 (sex, sex_values[i]) == 0)
      selected = i;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->sex_row, selected);
  self->syncing = FALSE;
}

static void
on_sex_selected_cb (CartaProfilePage *self)
{
  guint selected = adw_combo_row_get_selected (self->sex_row);

  g_assert (CARTA_IS_PROFILE_PAGE (self));

  if (self->syncing || self->kase == NULL || selected >= G_N_ELEMENTS (sex_values))
    return;

  /* Any other text stored is kept until the family picks a value. */
  carta_patient_set_sex (carta_case_get_patient (self->kase), sex_values[selected]);
}

static void
update_ecog (CartaProfilePage *self)
{
  int grade = self->kase ? carta_clinical_status_get_ecog (carta_case_get_clinical_status (self->kase)) : -1;
  g_autofree char *error = carta_validate_ecog (grade);
  const char *description = carta_ecog_to_description (grade);

  self->syncing = TRUE;
  if (error != NULL)
    adw_combo_row_set_selected (self->ecog_row, GTK_INVALID_LIST_POSITION);
  else
    adw_combo_row_set_selected (self->ecog_row, (guint) (grade + 1));
  self->syncing = FALSE;

  if (error != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ecog_row), error);
      gtk_widget_add_css_class (GTK_WIDGET (self->ecog_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ecog_row),
                                   description ? description : _("How much the illness limits daily life"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->ecog_row), "error");
    }
}

static void
on_ecog_selected_cb (CartaProfilePage *self)
{
  guint selected = adw_combo_row_get_selected (self->ecog_row);

  g_assert (CARTA_IS_PROFILE_PAGE (self));

  if (self->syncing || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  carta_clinical_status_set_ecog (carta_case_get_clinical_status (self->kase), (int) selected - 1);
}

static void
update_diagnosis (CartaProfilePage *self)
{
  CartaDiagnosis *diagnosis = self->kase ? carta_case_get_diagnosis (self->kase) : NULL;
  g_autofree char *cd19 = NULL;
  g_autofree char *bcma = NULL;

  if (diagnosis != NULL)
    {
      cd19 = carta_validate_percent (carta_diagnosis_get_cd19_percent (diagnosis));
      bcma = carta_validate_percent (carta_diagnosis_get_bcma_percent (diagnosis));
    }

  /* The list shows short names; the full name is spelled out below. */
  if (diagnosis != NULL && carta_diagnosis_get_disease (diagnosis) != CARTA_DISEASE_NOT_SET &&
      carta_diagnosis_get_disease (diagnosis) != CARTA_DISEASE_OTHER)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->disease_row),
                                 carta_disease_to_label (carta_diagnosis_get_disease (diagnosis)));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->disease_row), NULL);

  show_error (self->cd19_error_row, GTK_WIDGET (self->cd19_row), cd19);
  show_error (self->bcma_error_row, GTK_WIDGET (self->bcma_row), bcma);

  gtk_widget_set_visible (GTK_WIDGET (self->disease_other_row),
                          diagnosis != NULL &&
                          (carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_OTHER ||
                           carta_diagnosis_get_disease_other (diagnosis) != NULL));
}

static void
update_failed_reason (CartaProfilePage *self)
{
  CartaTreatmentHistory *treatment = self->kase ? carta_case_get_treatment (self->kase) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->failed_reason_row),
                          treatment != NULL &&
                          (carta_treatment_history_get_failed_manufacturing (treatment) == CARTA_ANSWER_YES ||
                           carta_treatment_history_get_failed_manufacturing_reason (treatment) != NULL));
}

static void
update_questions (CartaProfilePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->questions_view);
  const char *questions = self->kase ? carta_case_get_questions (self->kase) : NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, questions ? questions : "") == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, questions ? questions : "", -1);
  self->syncing = FALSE;
}

static void
on_questions_changed_cb (CartaProfilePage *self,
                         GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_assert (CARTA_IS_PROFILE_PAGE (self));

  if (self->syncing || self->kase == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  carta_case_set_questions (self->kase, text);
}

/* The family's own version of the questions, for the summary language
 * chosen on the Export page. */
static void
update_questions_version (CartaProfilePage *self)
{
  g_autofree char *language = carta_version_editor_pick_language (self->kase);

  self->syncing = TRUE;
  carta_version_editor_set_language (self->questions_version, language);
  carta_version_editor_set_text (self->questions_version,
                                 self->kase ? carta_case_get_questions_translation (self->kase, language) : NULL);
  self->syncing = FALSE;
}

static void
on_questions_version_changed_cb (CartaProfilePage   *self,
                                 CartaVersionEditor *editor)
{
  g_autofree char *text = NULL;

  g_assert (CARTA_IS_PROFILE_PAGE (self));

  if (self->syncing || self->kase == NULL)
    return;

  text = carta_version_editor_dup_text (editor);
  carta_case_set_questions_translation (self->kase, carta_version_editor_get_language (editor), text);
}

/* ------------------------------------------------------------------ */
/* Following the case shown                                             */

static void
bind_patient (CartaProfilePage *self)
{
  GBindingGroup *bindings = self->patient_bindings = g_binding_group_new ();

  bind_row (bindings, "name", self->name_row);
  bind_row (bindings, "other-names", self->other_names_row);
  bind_value (bindings, "date-of-birth", self->birth_row, "date");
  bind_row (bindings, "country", self->country_row);
  bind_row (bindings, "languages", self->languages_row);
  bind_row (bindings, "preferred-language", self->preferred_language_row);
  bind_value (bindings, "weight-kg", gtk_spin_button_get_adjustment (self->weight_spin), "value");
  bind_value (bindings, "height-cm", gtk_spin_button_get_adjustment (self->height_spin), "value");

  self->patient_signals = g_signal_group_new (CARTA_TYPE_PATIENT);
  g_signal_group_connect_object (self->patient_signals, "notify::sex",
                                 G_CALLBACK (update_sex), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->patient_signals, "notify",
                                 G_CALLBACK (update_clearance), self, G_CONNECT_SWAPPED);
}

static void
bind_diagnosis (CartaProfilePage *self)
{
  GBindingGroup *bindings = self->diagnosis_bindings = g_binding_group_new ();

  bind_row (bindings, "disease", self->disease_row);
  bind_row (bindings, "disease-other", self->disease_other_row);
  bind_value (bindings, "diagnosis-date", self->diagnosis_date_row, "date");
  bind_row (bindings, "state", self->state_row);
  bind_row (bindings, "cns-status", self->cns_row);
  bind_row (bindings, "cd19-percent", self->cd19_row);
  bind_row (bindings, "bcma-percent", self->bcma_row);
  bind_row (bindings, "antigen-method", self->antigen_method_row);
  bind_value (bindings, "antigen-date", self->antigen_date_row, "date");
  add_fields (bindings, self->cns_details_row, cns_fields, G_N_ELEMENTS (cns_fields));

  self->diagnosis_signals = g_signal_group_new (CARTA_TYPE_DIAGNOSIS);
  g_signal_group_connect_object (self->diagnosis_signals, "notify",
                                 G_CALLBACK (update_diagnosis), self, G_CONNECT_SWAPPED);
}

static void
bind_treatment_and_status (CartaProfilePage *self)
{
  self->treatment_bindings = g_binding_group_new ();
  bind_row (self->treatment_bindings, "failed-manufacturing", self->failed_row);
  bind_row (self->treatment_bindings, "failed-manufacturing-reason", self->failed_reason_row);
  add_fields (self->treatment_bindings, self->plans_group, plan_fields, G_N_ELEMENTS (plan_fields));

  self->treatment_signals = g_signal_group_new (CARTA_TYPE_TREATMENT_HISTORY);
  g_signal_group_connect_object (self->treatment_signals, "notify",
                                 G_CALLBACK (update_failed_reason), self, G_CONNECT_SWAPPED);

  self->status_bindings = g_binding_group_new ();
  bind_row (self->status_bindings, "infections", self->infections_row);
  bind_row (self->status_bindings, "other-illnesses", self->illnesses_row);
  bind_row (self->status_bindings, "medication", self->medication_row);
  add_fields (self->status_bindings, self->health_group, health_fields, G_N_ELEMENTS (health_fields));
  self->clearance_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clearance_row), _("Creatinine clearance, estimated"));
  adw_action_row_set_subtitle_lines (self->clearance_row, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->clearance_row), "property");
  adw_preferences_group_add (self->health_group, GTK_WIDGET (self->clearance_row));
  for (guint i = 0; i < carta_clinical_status_get_n_washouts (); i++)
    {
      const FieldSpec washout = {
        carta_clinical_status_get_washout_property (i),
        carta_clinical_status_get_washout_title (i),
        FIELD_DATE,
      };
      add_fields (self->status_bindings, self->washout_group, &washout, 1);
    }
  add_fields (self->status_bindings, self->history_group, history_fields, G_N_ELEMENTS (history_fields));

  self->status_signals = g_signal_group_new (CARTA_TYPE_CLINICAL_STATUS);
  g_signal_group_connect_object (self->status_signals, "notify::ecog",
                                 G_CALLBACK (update_ecog), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->status_signals, "changed",
                                 G_CALLBACK (update_clearance), self, G_CONNECT_SWAPPED);

  self->case_signals = g_signal_group_new (CARTA_TYPE_CASE);
  g_signal_group_connect_object (self->case_signals, "notify::questions",
                                 G_CALLBACK (update_questions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->case_signals, "notify::summary-language",
                                 G_CALLBACK (update_questions_version), self, G_CONNECT_SWAPPED);
}

/* With no case open, the page offers the next step instead of a form. A
 * stack shows no child that is not visible yet, so the form's first
 * showing (see carta_profile_page_map()) asks again. */
static void
show_form_or_empty_state (CartaProfilePage *self)
{
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  gtk_stack_set_visible_child_name (stack, self->kase != NULL ? "form" : "no-case");
}

/* Points every group at the parts of the case shown, or at nothing. */
static void
follow_case (CartaProfilePage *self)
{
  CartaCase *kase = self->kase;

  g_binding_group_set_source (self->patient_bindings, kase ? carta_case_get_patient (kase) : NULL);
  g_binding_group_set_source (self->diagnosis_bindings, kase ? carta_case_get_diagnosis (kase) : NULL);
  g_binding_group_set_source (self->treatment_bindings, kase ? carta_case_get_treatment (kase) : NULL);
  g_binding_group_set_source (self->status_bindings, kase ? carta_case_get_clinical_status (kase) : NULL);

  g_signal_group_set_target (self->case_signals, kase);
  g_signal_group_set_target (self->patient_signals, kase ? carta_case_get_patient (kase) : NULL);
  g_signal_group_set_target (self->diagnosis_signals, kase ? carta_case_get_diagnosis (kase) : NULL);
  g_signal_group_set_target (self->treatment_signals, kase ? carta_case_get_treatment (kase) : NULL);
  g_signal_group_set_target (self->status_signals, kase ? carta_case_get_clinical_status (kase) : NULL);

  show_form_or_empty_state (self);
  update_sex (self);
  update_ecog (self);
  update_clearance (self);
  update_diagnosis (self);
  update_failed_reason (self);
  update_questions (self);
  update_questions_version (self);
}

/* ------------------------------------------------------------------ */
/* Going to a field                                                     */

/* The fixed rows of the template, by the first part of a field path. */
static const struct
{
  const char *field;
  gsize       offset;
} template_fields[] = {
  { "name", G_STRUCT_OFFSET (CartaProfilePage, name_row) },
  { "date-of-birth", G_STRUCT_OFFSET (CartaProfilePage, birth_row) },
  { "sex", G_STRUCT_OFFSET (CartaProfilePage, sex_row) },
  { "country", G_STRUCT_OFFSET (CartaProfilePage, country_row) },
  { "languages", G_STRUCT_OFFSET (CartaProfilePage, languages_row) },
  { "contacts", G_STRUCT_OFFSET (CartaProfilePage, contacts_group) },
  { "disease", G_STRUCT_OFFSET (CartaProfilePage, disease_row) },
  { "disease-other", G_STRUCT_OFFSET (CartaProfilePage, disease_other_row) },
  { "diagnosis-date", G_STRUCT_OFFSET (CartaProfilePage, diagnosis_date_row) },
  { "state", G_STRUCT_OFFSET (CartaProfilePage, state_row) },
  { "cns-status", G_STRUCT_OFFSET (CartaProfilePage, cns_row) },
  { "cd19-percent", G_STRUCT_OFFSET (CartaProfilePage, cd19_row) },
  { "bcma-percent", G_STRUCT_OFFSET (CartaProfilePage, bcma_row) },
  { "antigen-date", G_STRUCT_OFFSET (CartaProfilePage, antigen_date_row) },
  { "lines", G_STRUCT_OFFSET (CartaProfilePage, lines_group) },
  { "transplants", G_STRUCT_OFFSET (CartaProfilePage, transplants_group) },
  { "prior-carts", G_STRUCT_OFFSET (CartaProfilePage, carts_group) },
  { "failed-manufacturing", G_STRUCT_OFFSET (CartaProfilePage, failed_row) },
  { "ecog", G_STRUCT_OFFSET (CartaProfilePage, ecog_row) },
  { "labs", G_STRUCT_OFFSET (CartaProfilePage, labs_group) },
};

static GtkWidget *
find_table_row (GtkWidget  *widget,
                const char *field)
{
  if (g_strcmp0 (g_object_get_qdata (G_OBJECT (widget), field_quark ()), field) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_table_row (child, field);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Shows @row a third of the way down, with what comes before it in view.
 * The viewport follows the focus too, but only as far as the text entry
 * of a row: the whole row, with its title, should be seen. */
static void
scroll_to_row (GtkWidget *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page;

  if (scrolled == NULL || !gtk_widget_compute_bounds (row, scrolled, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y -
                                        MAX (page - bounds.size.height, 0) / 3);
}

static void
focus_now (CartaProfilePage *self,
           GtkWidget        *target,
           int               position)
{
  if (CARTA_IS_LIST_GROUP (target))
    target = carta_list_group_focus_record (CARTA_LIST_GROUP (target), position);
  else
    gtk_widget_grab_focus (target);

  scroll_to_row (target);
}

/* A page shown for the first time has no layout yet, and the scrolled
 * window can only follow the focus to a row that has one: wait for it,
 * for a few seconds at most. */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CartaProfilePage *self = CARTA_PROFILE_PAGE (widget);

  g_assert (CARTA_IS_PROFILE_PAGE (self));

  /* A row never shown (the family went elsewhere) does not take the
   * focus away from where it is now. */
  if (gtk_widget_get_mapped (self->focus_target) && gtk_widget_get_width (self->focus_target) > 0)
    focus_now (self, self->focus_target, self->focus_position);
  else if (++self->focus_frames < 300)
    return G_SOURCE_CONTINUE;

  g_clear_object (&self->focus_target);
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
cancel_focus (CartaProfilePage *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  g_clear_object (&self->focus_target);
}

/* ------------------------------------------------------------------ */

static void
carta_profile_page_dispose (GObject *object)
{
  CartaProfilePage *self = (CartaProfilePage *)object;

  cancel_focus (self);

  g_clear_object (&self->patient_bindings);
  g_clear_object (&self->diagnosis_bindings);
  g_clear_object (&self->treatment_bindings);
  g_clear_object (&self->status_bindings);
  g_clear_object (&self->case_signals);
  g_clear_object (&self->patient_signals);
  g_clear_object (&self->diagnosis_signals);
  g_clear_object (&self->treatment_signals);
  g_clear_object (&self->status_signals);
  g_clear_object (&self->kase);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_PROFILE_PAGE);

  G_OBJECT_CLASS (carta_profile_page_parent_class)->dispose (object);
}

CARTA_HOST_DEFINE_CASE_PROPERTY (CartaProfilePage, carta_profile_page)

static void
carta_profile_page_map (GtkWidget *widget)
{
  CartaProfilePage *self = CARTA_PROFILE_PAGE (widget);

  /* See carta_profile_page_init(): the form joins the layout once shown. */
  if (self->form != NULL)
    {
      gtk_widget_set_visible (self->form, TRUE);
      show_form_or_empty_state (self);
    }

  GTK_WIDGET_CLASS (carta_profile_page_parent_class)->map (widget);
}

static void
carta_profile_page_class_init (CartaProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = carta_profile_page_map;

  object_class->dispose = carta_profile_page_dispose;
  object_class->get_property = carta_profile_page_get_property;
  object_class->set_property = carta_profile_page_set_property;

  /**
   * CartaProfilePage:case:
   *
   * The case whose profile is shown, or %NULL.
   */
  properties[PROP_CASE] = carta_host_case_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARTA_TYPE_DATE_ROW);
  g_type_ensure (CARTA_TYPE_LIST_GROUP);

  g_type_ensure (CARTA_TYPE_VERSION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/profile/carta-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, form);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, other_names_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, country_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, languages_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, preferred_language_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, height_spin);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, disease_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, disease_other_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, diagnosis_date_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cns_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cns_details_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, plans_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, health_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, washout_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, history_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cd19_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cd19_error_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, bcma_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, bcma_error_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, antigen_method_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, antigen_date_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, lines_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, transplants_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, carts_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, failed_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, failed_reason_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, ecog_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, infections_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, illnesses_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, medication_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, labs_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, questions_view);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, questions_version);
  gtk_widget_class_bind_template_callback (widget_class, on_questions_version_changed_cb);
}

static void
carta_profile_page_init (CartaProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The view stack measures every page, shown or not, and measuring this
   * long form costs more than drawing the first window; it stays out of
   * the layout until the page is first shown. */
  gtk_widget_set_visible (self->form, FALSE);

  carta_date_row_set_show_age (self->birth_row, TRUE);
  carta_profile_set_labels (self->disease_row, disease_short_label, CARTA_DISEASE_OTHER + 1);
  carta_profile_set_labels (self->state_row, (gpointer) carta_disease_state_to_label, CARTA_DISEASE_STATE_UNKNOWN + 1);
  carta_profile_set_labels (self->cns_row, (gpointer) carta_cns_status_to_label, CARTA_CNS_STATUS_UNKNOWN + 1);
  carta_profile_set_labels (self->failed_row, (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
  carta_profile_set_labels (self->ecog_row, ecog_label, 6);

  /* The groups follow the page's case through the template. */
  carta_list_group_set_kind (self->contacts_group, &carta_profile_contacts_kind);
  carta_list_group_set_kind (self->lines_group, &carta_profile_lines_kind);
  carta_list_group_set_kind (self->transplants_group, &carta_profile_transplants_kind);
  carta_list_group_set_kind (self->carts_group, &carta_profile_carts_kind);
  carta_list_group_set_kind (self->labs_group, &carta_profile_labs_kind);

  bind_patient (self);
  bind_diagnosis (self);
  bind_treatment_and_status (self);

  g_signal_connect_object (self->sex_row, "notify::selected", G_CALLBACK (on_sex_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ecog_row, "notify::selected", G_CALLBACK (on_ecog_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->questions_view), "changed",
                           G_CALLBACK (on_questions_changed_cb), self, G_CONNECT_SWAPPED);

  follow_case (self);
}

GtkWidget *
carta_profile_page_new (void)
{
  return g_object_new (CARTA_TYPE_PROFILE_PAGE, NULL);
}

/**
 * carta_profile_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
CartaCase *
carta_profile_page_get_case (CartaProfilePage *self)
{
  g_return_val_if_fail (CARTA_IS_PROFILE_PAGE (self), NULL);
  return self->kase;
}

void
carta_profile_page_set_case (CartaProfilePage *self,
                             CartaCase        *kase)
{
  g_return_if_fail (CARTA_IS_PROFILE_PAGE (self));
  g_return_if_fail (!kase || CARTA_IS_CASE (kase));

  if (self->kase == kase)
    return;

  g_set_object (&self->kase, kase);
  follow_case (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * carta_profile_page_focus_field:
 * @field: a field path, as carta_profile_list_flagged() and
 *   carta_profile_list_missing_fields() give them: `cd19-percent`,
 *   `lines/1/end`…
 *
 * Puts the focus on the row of @field, unfolding what holds it, and
 * scrolls to it. The page should be shown, or about to be. Returns
 * whether the page has such a field.
 */
gboolean
carta_profile_page_focus_field (CartaProfilePage *self,
                                const char       *field)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *target = NULL;
  int position = -1;

  g_return_val_if_fail (CARTA_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  parts = g_strsplit (field, "/", 3);
  for (guint i = 0; i < G_N_ELEMENTS (template_fields); i++)
    if (g_str_equal (parts[0], template_fields[i].field))
      target = G_STRUCT_MEMBER (GtkWidget *, self, template_fields[i].offset);
  if (target == NULL)
    target = find_table_row (GTK_WIDGET (self), parts[0]);
  if (target == NULL)
    return FALSE;

  if (parts[1] != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT, &value, NULL))
        return FALSE;
      position = (int) value;
    }

  /* A row folded in an expander (the CNS details) needs it open. */
  for (GtkWidget *w = gtk_widget_get_parent (target); w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);

  cancel_focus (self);
  if (gtk_widget_get_mapped (target) && gtk_widget_get_width (target) > 0)
    {
      focus_now (self, target, position);
      return TRUE;
    }

  self->focus_target = g_object_ref (target);
  self->focus_position = position;
  self->focus_frames = 0;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
  return TRUE;
}

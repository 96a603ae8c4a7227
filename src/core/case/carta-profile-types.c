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
    N_("Diffuse large B-cell lymphoma (DLBCL)"),
    N_("Follicular lymphoma"),
    N_("Mantle cell lymphoma"),
    /* TRANSLATORS: chronic lymphocytic leukaemia / small lymphocytic lymphoma */
    N_("CLL / SLL"),
    N_("Multiple myeloma"),
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

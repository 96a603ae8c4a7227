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
  CARTA_DISEASE_DLBCL,
  CARTA_DISEASE_FOLLICULAR_LYMPHOMA,
  CARTA_DISEASE_MANTLE_CELL_LYMPHOMA,
  CARTA_DISEASE_CLL_SLL,
  CARTA_DISEASE_MULTIPLE_MYELOMA,
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

/* Translated labels for display and the summary PDF; “not given” for 0. */
const char *carta_disease_to_label         (CartaDisease        value);
const char *carta_disease_state_to_label   (CartaDiseaseState   value);
const char *carta_response_to_label        (CartaResponse       value);
const char *carta_answer_to_label          (CartaAnswer         value);
const char *carta_transplant_type_to_label (CartaTransplantType value);
const char *carta_gvhd_grade_to_label      (CartaGvhdGrade      value);
const char *carta_ecog_to_description      (int                 grade);

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

G_END_DECLS

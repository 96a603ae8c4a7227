/* carta-validate.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-case.h"

G_BEGIN_DECLS

/* Checks of profile values. Each returns %NULL when the value is fine
 * (or not given), else a translated message for the family. The value
 * itself is never changed: it stays for the family to correct. */
char      *carta_validate_date        (const char *text,
                                       GDate      *today);
char      *carta_validate_date_order  (const char *start,
                                       const char *end);
char      *carta_validate_ecog        (int         grade);
char      *carta_validate_percent     (const char *text);
gboolean   carta_parse_percent        (const char *text,
                                       double     *value);

char      *carta_validate_performance_score (int   score);
char      *carta_validate_lab_value   (CartaLabResult *lab);
gboolean   carta_parse_number         (const char *text,
                                       double     *value);

/* Creatinine clearance by Cockcroft-Gault: (140 − age) × weight kg ÷
 * (72 × serum creatinine mg/dL), × 0.85 for women. */
gboolean   carta_creatinine_to_mg_dl  (double      value,
                                       const char *unit,
                                       double     *mg_dl);
double     carta_cockcroft_gault      (int         age_years,
                                       double      weight_kg,
                                       double      creatinine_mg_dl,
                                       gboolean    female);
gboolean   carta_case_estimate_creatinine_clearance (CartaCase       *kase,
                                                     double          *ml_min,
                                                     CartaLabResult **creatinine);

GPtrArray *carta_profile_list_problems (CartaCase  *kase,
                                        GDate      *today);
GPtrArray *carta_profile_list_missing  (CartaCase  *kase);

/**
 * CartaFieldNote:
 * @field: where the value is on the Case page (see
 *   carta_profile_list_flagged())
 * @label: the translated name of the value, such as “CD19”
 * @value: (nullable): the value as the family typed it, such as “150”
 * @message: (nullable): the translated reason it is flagged
 *
 * A value of the profile that needs a look: flagged, or missing. A note
 * and its strings are one block of memory, freed with g_free().
 */
typedef struct
{
  char *field;
  char *label;
  char *value;
  char *message;
} CartaFieldNote;

GPtrArray *carta_profile_list_flagged        (CartaCase      *kase,
                                              GDate          *today);
GPtrArray *carta_profile_list_missing_fields (CartaCase      *kase);
gboolean   carta_profile_has_flag            (GPtrArray      *flagged,
                                              const char     *field);

G_END_DECLS

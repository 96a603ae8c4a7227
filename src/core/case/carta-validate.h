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

GPtrArray *carta_profile_list_problems (CartaCase  *kase,
                                        GDate      *today);
GPtrArray *carta_profile_list_missing  (CartaCase  *kase);

G_END_DECLS

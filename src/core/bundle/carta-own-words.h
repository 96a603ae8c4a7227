/* carta-own-words.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-case.h"

G_BEGIN_DECLS

gboolean   carta_own_words_are_marked (const char *summary_language);
GPtrArray *carta_own_words_list       (CartaCase  *kase,
                                       const char *summary_language);

G_END_DECLS

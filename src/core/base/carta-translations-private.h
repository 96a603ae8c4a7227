/* carta-translations-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A text the family typed can carry their own versions of it in other
 * languages ("zh_CN" → text), used by a summary in that language. The
 * table is NULL until the first version is set, so a record without
 * any costs nothing and writes nothing. */
const char *_carta_translations_get       (GHashTable  *table,
                                           const char  *language);
gboolean    _carta_translations_set       (GHashTable **table,
                                           const char  *language,
                                           const char  *text);
GStrv       _carta_translations_languages (GHashTable  *table);
void        _carta_translations_to_json   (GHashTable  *table,
                                           JsonObject  *object,
                                           const char  *member);
gboolean    _carta_translations_from_json (JsonObject  *object,
                                           const char  *member,
                                           GHashTable **table,
                                           GError     **error);

G_END_DECLS

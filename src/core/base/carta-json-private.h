/* carta-json-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than anything Carta writes (case.json and FHIR stay under 16). */
#define CARTA_JSON_MAX_DEPTH 64

JsonNode   *_carta_json_parse_bounded (JsonParser  *parser,
                                       const char  *data,
                                       gsize        length,
                                       GError     **error);

/* Small readers that raise CARTA_ERROR_MISSING_FIELD with the field's
 * name, so a damaged file gives a message a person can act on. */
const char *_carta_json_get_string   (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      GError     **error);
gboolean    _carta_json_get_int      (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      gint64      *value,
                                      GError     **error);
GDateTime  *_carta_json_get_datetime (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      GError     **error);
JsonArray  *_carta_json_get_array    (JsonObject  *object,
                                      const char  *member,
                                      GError     **error);
JsonObject *_carta_json_get_object   (JsonObject  *object,
                                      const char  *member,
                                      GError     **error);
void        _carta_json_set_string   (JsonObject  *object,
                                      const char  *member,
                                      const char  *value);
void        _carta_json_set_datetime (JsonObject  *object,
                                      const char  *member,
                                      GDateTime   *value);
gboolean    _carta_is_iso_date       (const char  *text);
/* g_set_str() arrived in GLib 2.76, after our floor. */
gboolean    _carta_set_str           (char       **str_pointer,
                                      const char  *new_str);

G_END_DECLS

/* carta-json.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "carta-error.h"
#include "carta-json-private.h"

G_DEFINE_QUARK (carta-error-quark, carta_error)

/* What a field should have held; one whole message for each, so a
 * translator never has to fit a type word into a sentence. */
typedef enum {
  EXPECTED_TEXT,
  EXPECTED_WHOLE_NUMBER,
  EXPECTED_LIST,
  EXPECTED_OBJECT,
} Expected;

static gboolean
missing (const char  *member,
         Expected     expected,
         GError     **error)
{
  switch (expected)
    {
    case EXPECTED_TEXT:
      /* TRANSLATORS: %s is the name of a field in a saved file, as written there */
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the required field “%s” is missing or is not text"), member);
      break;
    case EXPECTED_WHOLE_NUMBER:
      /* TRANSLATORS: %s is the name of a field in a saved file, as written there */
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the required field “%s” is missing or is not a whole number"), member);
      break;
    case EXPECTED_LIST:
      /* TRANSLATORS: %s is the name of a field in a saved file, as written there */
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the required field “%s” is missing or is not a list"), member);
      break;
    case EXPECTED_OBJECT:
    default:
      /* TRANSLATORS: %s is the name of a field in a saved file, as written there;
       * an object is a group of named fields */
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the required field “%s” is missing or is not an object"), member);
      break;
    }

  return FALSE;
}

const char *
_carta_json_get_string (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        missing (member, EXPECTED_TEXT, error);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      missing (member, EXPECTED_TEXT, error);
      return NULL;
    }

  return json_node_get_string (node);
}

gboolean
_carta_json_get_int (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     gint64      *value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return missing (member, EXPECTED_WHOLE_NUMBER, error);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return missing (member, EXPECTED_WHOLE_NUMBER, error);

  *value = json_node_get_int (node);
  return TRUE;
}

GDateTime *
_carta_json_get_datetime (JsonObject  *object,
                          const char  *member,
                          gboolean     required,
                          GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text;
  GDateTime *dt;

  if (!json_object_has_member (object, member) && !required)
    return NULL;

  if (!(text = _carta_json_get_string (object, member, required, error)))
    return NULL;

  if (!(dt = g_date_time_new_from_iso8601 (text, utc)))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the field “%s” is not a valid date and time"), member);
      return NULL;
    }

  return dt;
}

/* @member's node when it holds @type; %NULL when it is absent or null,
 * and also, setting @error, when it holds something else. */
static JsonNode *
get_node_of_type (JsonObject    *object,
                  const char    *member,
                  JsonNodeType   type,
                  Expected       expected,
                  GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_TYPE (node) != type)
    {
      missing (member, expected, error);
      return NULL;
    }

  return node;
}

JsonArray *
_carta_json_get_array (JsonObject  *object,
                       const char  *member,
                       GError     **error)
{
  JsonNode *node = get_node_of_type (object, member, JSON_NODE_ARRAY, EXPECTED_LIST, error);

  return node ? json_node_get_array (node) : NULL;
}

JsonObject *
_carta_json_get_object (JsonObject  *object,
                        const char  *member,
                        GError     **error)
{
  JsonNode *node = get_node_of_type (object, member, JSON_NODE_OBJECT, EXPECTED_OBJECT, error);

  return node ? json_node_get_object (node) : NULL;
}

void
_carta_json_set_string (JsonObject *object,
                        const char *member,
                        const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

void
_carta_json_set_datetime (JsonObject *object,
                          const char *member,
                          GDateTime  *value)
{
  if (value != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (value);
      g_autofree char *text = g_date_time_format_iso8601 (utc);

      json_object_set_string_member (object, member, text);
    }
}

gboolean
_carta_is_iso_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

gboolean
_carta_set_str (char       **str_pointer,
                const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* The deepest nesting of arrays and objects in @data, counted without
 * parsing, so that a file nested a million levels deep never reaches
 * json-glib 1.6, whose parser recurses once a level and has no limit.
 * Stops counting once past @limit. */
static guint
json_depth (const char *data,
            gsize       length,
            guint       limit)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint deepest = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > deepest && (deepest = depth) > limit)
            break;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return deepest;
}

/**
 * _carta_json_parse_bounded:
 * @parser: where the document is loaded
 * @data: the file's bytes, not necessarily NUL-terminated
 * @length: their number
 * @error: %CARTA_ERROR_MALFORMED, with a message that completes
 *   “FILE: …”
 *
 * Loads untrusted JSON: refuses, before parsing, text that is not UTF-8,
 * holds a NUL byte or nests deeper than %CARTA_JSON_MAX_DEPTH; and after,
 * a document with no value at all (json-glib accepts empty text).
 *
 * Returns: the root, owned by @parser, or %NULL with @error set
 */
JsonNode *
_carta_json_parse_bounded (JsonParser  *parser,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                           _("it holds a zero byte, which a JSON file never does"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                           _("it is not valid UTF-8 text"));
      return NULL;
    }

  if (json_depth (data, length, CARTA_JSON_MAX_DEPTH) > CARTA_JSON_MAX_DEPTH)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                   /* TRANSLATORS: %u is a number of levels, such as 64 */
                   _("it is nested more than %u levels deep, far deeper than Carta ever writes"),
                   (guint)CARTA_JSON_MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* TRANSLATORS: %s is the JSON parser's own message */
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                   _("it is not valid JSON (%s)"), local_error->message);
      return NULL;
    }

  if (!(root = json_parser_get_root (parser)))
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_MALFORMED, _("it is empty"));
      return NULL;
    }

  return root;
}

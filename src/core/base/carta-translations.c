/* carta-translations.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-translations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "carta-error.h"
#include "carta-translations-private.h"

const char *
_carta_translations_get (GHashTable *table,
                         const char *language)
{
  if (table == NULL || language == NULL)
    return NULL;

  return g_hash_table_lookup (table, language);
}

/* An empty @text removes the version. Returns whether anything changed. */
gboolean
_carta_translations_set (GHashTable **table,
                         const char  *language,
                         const char  *text)
{
  g_return_val_if_fail (language != NULL && *language != '\0', FALSE);

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_strcmp0 (_carta_translations_get (*table, language), text) == 0)
    return FALSE;

  if (text == NULL)
    {
      g_hash_table_remove (*table, language);
      if (g_hash_table_size (*table) == 0)
        g_clear_pointer (table, g_hash_table_unref);
      return TRUE;
    }

  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (*table, g_strdup (language), g_strdup (text));
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Sorted, so that files and bundles come out the same every time. */
GStrv
_carta_translations_languages (GHashTable *table)
{
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (table != NULL)
    {
      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (languages, g_strdup (key));
    }
  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&languages), FALSE);
}

/* Written only when there is a version, so older files stay the same. */
void
_carta_translations_to_json (GHashTable *table,
                             JsonObject *object,
                             const char *member)
{
  g_auto(GStrv) languages = _carta_translations_languages (table);
  JsonObject *versions;

  if (languages[0] == NULL)
    return;

  versions = json_object_new ();
  for (guint i = 0; languages[i] != NULL; i++)
    json_object_set_string_member (versions, languages[i], g_hash_table_lookup (table, languages[i]));
  json_object_set_object_member (object, member, versions);
}

/* A missing @member is no versions; anything but an object of strings
 * is an error. */
gboolean
_carta_translations_from_json (JsonObject  *object,
                               const char  *member,
                               GHashTable **table,
                               GError     **error)
{
  g_autoptr(GList) names = NULL;
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *versions;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("the field “%s” is not a list of texts by language"), member);
      return FALSE;
    }

  versions = json_node_get_object (node);
  names = json_object_get_members (versions);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *text = json_object_get_member (versions, l->data);

      if (*(const char *)l->data == '\0' || !JSON_NODE_HOLDS_VALUE (text) ||
          json_node_get_value_type (text) != G_TYPE_STRING)
        {
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                       _("the field “%s” is not a list of texts by language"), member);
          return FALSE;
        }
      _carta_translations_set (table, l->data, json_node_get_string (text));
    }

  return TRUE;
}

/* carta-fields.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-fields"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "carta-error.h"
#include "carta-fields-private.h"
#include "carta-json-private.h"

#define STR(self, f) G_STRUCT_MEMBER (char *, self, (f)->offset)
#define INT(self, f) G_STRUCT_MEMBER (int, self, (f)->offset)
#define DBL(self, f) G_STRUCT_MEMBER (double, self, (f)->offset)
#define U64(self, f) G_STRUCT_MEMBER (guint64, self, (f)->offset)
#define BOOL(self, f) G_STRUCT_MEMBER (gboolean, self, (f)->offset)
#define DATETIME(self, f) G_STRUCT_MEMBER (GDateTime *, self, (f)->offset)

static void
install (GObjectClass      *klass,
         const CartaField  *fields,
         guint              n_fields,
         GParamSpec       **pspecs,
         GParamFlags        flags)
{
  for (guint i = 1; i < n_fields; i++)
    {
      const CartaField *f = &fields[i];

      switch (f->kind)
        {
        case CARTA_FIELD_STRING:
        case CARTA_FIELD_DATE:
          pspecs[i] = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;

        case CARTA_FIELD_ENUM:
          pspecs[i] = g_param_spec_enum (f->name, NULL, NULL, f->enum_type (), 0, flags);
          break;

        case CARTA_FIELD_INT:
          /* Out-of-range values are kept and reported, not refused. */
          pspecs[i] = g_param_spec_int (f->name, NULL, NULL, -1, G_MAXINT, -1, flags);
          break;

        case CARTA_FIELD_DOUBLE:
          pspecs[i] = g_param_spec_double (f->name, NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
          break;

        case CARTA_FIELD_UINT64:
          pspecs[i] = g_param_spec_uint64 (f->name, NULL, NULL, 0, G_MAXUINT64, 0, flags);
          break;

        case CARTA_FIELD_BOOLEAN:
          pspecs[i] = g_param_spec_boolean (f->name, NULL, NULL, FALSE, flags);
          break;

        case CARTA_FIELD_DATETIME:
          pspecs[i] = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_DATE_TIME, flags);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_object_class_install_properties (klass, n_fields, pspecs);
}

void
_carta_fields_install (GObjectClass      *klass,
                       const CartaField  *fields,
                       guint              n_fields,
                       GParamSpec       **pspecs)
{
  install (klass, fields, n_fields, pspecs,
           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
_carta_fields_install_read_only (GObjectClass      *klass,
                                 const CartaField  *fields,
                                 guint              n_fields,
                                 GParamSpec       **pspecs)
{
  install (klass, fields, n_fields, pspecs, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

void
_carta_fields_clear (gpointer          self,
                     const CartaField *fields,
                     guint             n_fields)
{
  for (guint i = 1; i < n_fields; i++)
    {
      if (fields[i].kind == CARTA_FIELD_STRING || fields[i].kind == CARTA_FIELD_DATE)
        g_clear_pointer (&STR (self, &fields[i]), g_free);
      else if (fields[i].kind == CARTA_FIELD_DATETIME)
        g_clear_pointer (&DATETIME (self, &fields[i]), g_date_time_unref);
    }
}

void
_carta_fields_get_value (gpointer          self,
                         const CartaField *f,
                         GValue           *value)
{
  switch (f->kind)
    {
    case CARTA_FIELD_STRING:
    case CARTA_FIELD_DATE:
      g_value_set_string (value, STR (self, f));
      break;

    case CARTA_FIELD_ENUM:
      g_value_set_enum (value, INT (self, f));
      break;

    case CARTA_FIELD_INT:
      g_value_set_int (value, INT (self, f));
      break;

    case CARTA_FIELD_DOUBLE:
      g_value_set_double (value, DBL (self, f));
      break;

    case CARTA_FIELD_UINT64:
      g_value_set_uint64 (value, U64 (self, f));
      break;

    case CARTA_FIELD_BOOLEAN:
      g_value_set_boolean (value, BOOL (self, f));
      break;

    case CARTA_FIELD_DATETIME:
      g_value_set_boxed (value, DATETIME (self, f));
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_carta_fields_set_string (gpointer          self,
                          const CartaField *f,
                          GParamSpec       *pspec,
                          const char       *value)
{
  /* Kept exactly as typed (an entry bound to it must not see its text
   * change under the cursor); empty means “not given”. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (_carta_set_str (&STR (self, f), value))
    g_object_notify_by_pspec (self, pspec);
}

void
_carta_fields_set_int (gpointer          self,
                       const CartaField *f,
                       GParamSpec       *pspec,
                       int               value)
{
  if (INT (self, f) != value)
    {
      INT (self, f) = value;
      g_object_notify_by_pspec (self, pspec);
    }
}

void
_carta_fields_set_double (gpointer          self,
                          const CartaField *f,
                          GParamSpec       *pspec,
                          double            value)
{
  if (!isfinite (value) || value < 0)
    value = 0;

  if (DBL (self, f) != value)
    {
      DBL (self, f) = value;
      g_object_notify_by_pspec (self, pspec);
    }
}

void
_carta_fields_set_value (gpointer          self,
                         const CartaField *f,
                         GParamSpec       *pspec,
                         const GValue     *value)
{
  switch (f->kind)
    {
    case CARTA_FIELD_STRING:
    case CARTA_FIELD_DATE:
      _carta_fields_set_string (self, f, pspec, g_value_get_string (value));
      break;

    case CARTA_FIELD_ENUM:
      _carta_fields_set_int (self, f, pspec, g_value_get_enum (value));
      break;

    case CARTA_FIELD_INT:
      _carta_fields_set_int (self, f, pspec, g_value_get_int (value));
      break;

    case CARTA_FIELD_DOUBLE:
      _carta_fields_set_double (self, f, pspec, g_value_get_double (value));
      break;

    case CARTA_FIELD_UINT64:
    case CARTA_FIELD_BOOLEAN:
    case CARTA_FIELD_DATETIME:
    default:
      g_assert_not_reached ();
    }
}

void
_carta_fields_to_json (gpointer          self,
                       const CartaField *fields,
                       guint             n_fields,
                       JsonObject       *object)
{
  for (guint i = 1; i < n_fields; i++)
    {
      const CartaField *f = &fields[i];

      switch (f->kind)
        {
        case CARTA_FIELD_STRING:
        case CARTA_FIELD_DATE:
          _carta_json_set_string (object, f->json, STR (self, f));
          break;

        case CARTA_FIELD_ENUM:
          if (INT (self, f) != 0)
            {
              g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
              GEnumValue *ev = g_enum_get_value (klass, INT (self, f));

              if (ev != NULL)
                json_object_set_string_member (object, f->json, ev->value_nick);
            }
          break;

        case CARTA_FIELD_INT:
          if (INT (self, f) >= 0)
            json_object_set_int_member (object, f->json, INT (self, f));
          break;

        case CARTA_FIELD_DOUBLE:
          if (DBL (self, f) > 0)
            json_object_set_double_member (object, f->json, DBL (self, f));
          break;

        case CARTA_FIELD_UINT64:
        case CARTA_FIELD_BOOLEAN:
        case CARTA_FIELD_DATETIME:
        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
_carta_fields_load_json (gpointer           self,
                         const CartaField  *fields,
                         guint              n_fields,
                         GParamSpec       **pspecs,
                         JsonObject        *object,
                         const char        *what,
                         GError           **error)
{
  for (guint i = 1; i < n_fields; i++)
    {
      const CartaField *f = &fields[i];
      GError *local_error = NULL;
      const char *text;
      JsonNode *node;
      gint64 number = -1;

      switch (f->kind)
        {
        case CARTA_FIELD_STRING:
        case CARTA_FIELD_DATE:
          text = _carta_json_get_string (object, f->json, FALSE, &local_error);
          if (local_error == NULL)
            _carta_fields_set_string (self, f, pspecs[i], text);
          break;

        case CARTA_FIELD_ENUM:
          text = _carta_json_get_string (object, f->json, FALSE, &local_error);
          if (local_error == NULL && text != NULL)
            {
              g_autoptr(GEnumClass) klass = g_type_class_ref (f->enum_type ());
              GEnumValue *ev = g_enum_get_value_by_nick (klass, text);

              if (ev == NULL)
                {
                  g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                               /* TRANSLATORS: %1$s is a part of the case, such as “diagnosis”;
                                * %2$s the name of a field in case.json; %3$s its value */
                               _("%1$s: the field “%2$s” has a value Carta does not know, “%3$s”"),
                               _(what), f->json, text);
                  return FALSE;
                }
              _carta_fields_set_int (self, f, pspecs[i], ev->value);
            }
          break;

        case CARTA_FIELD_INT:
          if (_carta_json_get_int (object, f->json, FALSE, &number, &local_error))
            _carta_fields_set_int (self, f, pspecs[i], (int) CLAMP (number, -1, G_MAXINT));
          break;

        case CARTA_FIELD_DOUBLE:
          node = json_object_get_member (object, f->json);
          if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
            {
              if (JSON_NODE_HOLDS_VALUE (node) &&
                  (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                   json_node_get_value_type (node) == G_TYPE_INT64))
                _carta_fields_set_double (self, f, pspecs[i], json_node_get_double (node));
              else
                g_set_error (&local_error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                             /* TRANSLATORS: %s is the name of a field in case.json */
                             _("the field “%s” should hold a number"), f->json);
            }
          break;

        case CARTA_FIELD_UINT64:
        case CARTA_FIELD_BOOLEAN:
        case CARTA_FIELD_DATETIME:
        default:
          g_assert_not_reached ();
        }

      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, local_error, "%s: ", _(what));
          return FALSE;
        }
    }

  return TRUE;
}

guint
_carta_fields_new_changed_signal (GObjectClass *klass)
{
  return g_signal_new ("changed",
                       G_TYPE_FROM_CLASS (klass),
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 0);
}

void
_carta_list_insert (GListStore *store,
                    guint       position,
                    gpointer    item,
                    GCallback   changed_cb,
                    gpointer    owner)
{
  g_signal_connect_object (item, "notify", changed_cb, owner, G_CONNECT_SWAPPED);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_insert (store, position, item);
}

gboolean
_carta_list_remove (GListStore *store,
                    gpointer    item,
                    guint      *position,
                    gpointer    owner)
{
  guint pos;

  if (!g_list_store_find (store, item, &pos))
    return FALSE;

  /* A removed record may live on in an undo toast: its edits are no
   * longer the case's. */
  g_signal_handlers_disconnect_by_data (item, owner);
  g_list_store_remove (store, pos);

  if (position != NULL)
    *position = pos;

  return TRUE;
}

gboolean
_carta_list_move (GListStore *store,
                  gpointer    item,
                  guint       new_position)
{
  g_autoptr(GObject) keep = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint pos;

  if (!g_list_store_find (store, item, &pos))
    return FALSE;

  new_position = MIN (new_position, n - 1);
  if (new_position == pos)
    return TRUE;

  keep = g_object_ref (item);
  g_list_store_remove (store, pos);
  g_list_store_insert (store, new_position, keep);

  return TRUE;
}

void
_carta_list_unwatch_all (GListStore *store,
                         gpointer    owner)
{
  guint n;

  if (store == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_signal_handlers_disconnect_by_data (item, owner);
    }
}

JsonArray *
_carta_list_to_json (GListModel  *model,
                     JsonObject *(*to_json) (gpointer item))
{
  JsonArray *array = json_array_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      json_array_add_object_element (array, to_json (item));
    }

  return array;
}

gboolean
_carta_list_load_json (GListStore  *store,
                       JsonObject  *object,
                       const char  *member,
                       GType        type,
                       gboolean   (*load_json) (gpointer     item,
                                                JsonObject  *object,
                                                GError     **error),
                       GCallback    changed_cb,
                       gpointer     owner,
                       GError     **error)
{
  GError *local_error = NULL;
  JsonArray *array;

  if (!(array = _carta_json_get_array (object, member, &local_error)))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                       /* TRANSLATORS: %s is the name of a list in case.json; %u counts from 1 */
                       _("entry %2$u of “%1$s” is damaged"), member, i + 1);
          return FALSE;
        }

      item = g_object_new (type, NULL);
      if (!load_json (item, json_node_get_object (node), error))
        return FALSE;

      _carta_list_insert (store, G_MAXUINT, item, changed_cb, owner);
    }

  return TRUE;
}

/* carta-fields-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Flat records (the profile types, send records, upload results): one
 * table per type drives its properties, change notification and JSON, so
 * a field cannot be forgotten in one of the three places. */
typedef enum
{
  CARTA_FIELD_STRING,
  CARTA_FIELD_DATE,     /* text, kept as given; validated separately */
  CARTA_FIELD_ENUM,     /* stored as int, written as the value's nick */
  CARTA_FIELD_INT,      /* -1 means “not given” */
  CARTA_FIELD_DOUBLE,   /* 0 means “not given” */
  /* Only for read-only records (_carta_fields_install_read_only()), whose
   * constructor fills them; no setter, no JSON. */
  CARTA_FIELD_UINT64,
  CARTA_FIELD_BOOLEAN,
  CARTA_FIELD_DATETIME, /* a GDateTime, owned */
} CartaFieldKind;

typedef struct
{
  const char     *name;       /* property name */
  const char     *json;       /* JSON member */
  CartaFieldKind  kind;
  gsize           offset;
  GType         (*enum_type) (void);
} CartaField;

#define CARTA_FIELD(kind, name, json, Type, member) \
  { name, json, CARTA_FIELD_##kind, G_STRUCT_OFFSET (Type, member), NULL }
#define CARTA_FIELD_E(name, json, Type, member, get_type) \
  { name, json, CARTA_FIELD_ENUM, G_STRUCT_OFFSET (Type, member), get_type }
/* A field of a read-only record, which has no JSON member here. */
#define CARTA_FIELD_RO(kind, name, Type, member) \
  { name, NULL, CARTA_FIELD_##kind, G_STRUCT_OFFSET (Type, member), NULL }

/* @fields[0] is unused so that indices match property ids. */
void     _carta_fields_install   (GObjectClass      *klass,
                                  const CartaField  *fields,
                                  guint              n_fields,
                                  GParamSpec       **pspecs);
/* The same with read-only properties, for immutable records. */
void     _carta_fields_install_read_only (GObjectClass      *klass,
                                          const CartaField  *fields,
                                          guint              n_fields,
                                          GParamSpec       **pspecs);
void     _carta_fields_clear     (gpointer           self,
                                  const CartaField  *fields,
                                  guint              n_fields);
void     _carta_fields_get_value (gpointer           self,
                                  const CartaField  *field,
                                  GValue            *value);
void     _carta_fields_set_value (gpointer           self,
                                  const CartaField  *field,
                                  GParamSpec        *pspec,
                                  const GValue      *value);
/* Each setter notifies only on a real change. */
void     _carta_fields_set_string (gpointer          self,
                                   const CartaField *field,
                                   GParamSpec       *pspec,
                                   const char       *value);
void     _carta_fields_set_int    (gpointer          self,
                                   const CartaField *field,
                                   GParamSpec       *pspec,
                                   int               value);
void     _carta_fields_set_double (gpointer          self,
                                   const CartaField *field,
                                   GParamSpec       *pspec,
                                   double            value);
void     _carta_fields_to_json   (gpointer           self,
                                  const CartaField  *fields,
                                  guint              n_fields,
                                  JsonObject        *object);
gboolean _carta_fields_load_json (gpointer           self,
                                  const CartaField  *fields,
                                  guint              n_fields,
                                  GParamSpec       **pspecs,
                                  JsonObject        *object,
                                  const char        *what,
                                  GError           **error);

/* The "changed" signal (no arguments, run last) of a record that holds
 * others: a case, a checklist item, the treatment history and the
 * clinical status. Returns its id. */
guint    _carta_fields_new_changed_signal (GObjectClass *klass);

/* Lists of profile records. Items are watched for “notify” while they
 * are in @store; @changed_cb (swapped, @owner) runs on any change. */
void     _carta_list_insert      (GListStore        *store,
                                  guint              position,
                                  gpointer           item,
                                  GCallback          changed_cb,
                                  gpointer           owner);
gboolean _carta_list_remove      (GListStore        *store,
                                  gpointer           item,
                                  guint             *position,
                                  gpointer           owner);
gboolean _carta_list_move        (GListStore        *store,
                                  gpointer           item,
                                  guint              new_position);
void     _carta_list_unwatch_all (GListStore        *store,
                                  gpointer           owner);
JsonArray *_carta_list_to_json   (GListModel        *model,
                                  JsonObject      *(*to_json) (gpointer item));
/* Reads @member of @object as a list of objects of @type via
 * @load_json, inserting each with _carta_list_insert(). */
gboolean _carta_list_load_json   (GListStore        *store,
                                  JsonObject        *object,
                                  const char        *member,
                                  GType              type,
                                  gboolean         (*load_json) (gpointer     item,
                                                                 JsonObject  *object,
                                                                 GError     **error),
                                  GCallback          changed_cb,
                                  gpointer           owner,
                                  GError           **error);

/* Boilerplate shared by the record types. Each file has a static
 * `fields` table and `properties` array indexed by property id. */
#define CARTA_FIELDS_DEFINE_GET_PROPERTY(prefix)                                \
static void                                                                     \
prefix##_get_property (GObject    *object,                                      \
                       guint       prop_id,                                     \
                       GValue     *value,                                       \
                       GParamSpec *pspec)                                       \
{                                                                               \
  if (prop_id > 0 && prop_id < G_N_ELEMENTS (fields))                           \
    _carta_fields_get_value (object, &fields[prop_id], value);                  \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}

#define CARTA_FIELDS_DEFINE_PROPERTY_FUNCS(prefix)                              \
CARTA_FIELDS_DEFINE_GET_PROPERTY (prefix)                                       \
                                                                                \
static void                                                                     \
prefix##_set_property (GObject      *object,                                    \
                       guint         prop_id,                                   \
                       const GValue *value,                                     \
                       GParamSpec   *pspec)                                     \
{                                                                               \
  if (prop_id > 0 && prop_id < G_N_ELEMENTS (fields))                           \
    _carta_fields_set_value (object, &fields[prop_id], properties[prop_id], value); \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}

/* finalize, class_init and init of a record whose properties all come
 * from its table; @set_property is NULL for a read-only record. */
#define CARTA_FIELDS_DEFINE_TYPE_FUNCS_(Type, prefix, set_property_func, install_func) \
static void                                                                     \
prefix##_finalize (GObject *object)                                             \
{                                                                               \
  _carta_fields_clear (object, fields, G_N_ELEMENTS (fields));                  \
  G_OBJECT_CLASS (prefix##_parent_class)->finalize (object);                    \
}                                                                               \
                                                                                \
static void                                                                     \
prefix##_class_init (Type##Class *klass)                                        \
{                                                                               \
  GObjectClass *object_class = G_OBJECT_CLASS (klass);                          \
                                                                                \
  object_class->finalize = prefix##_finalize;                                   \
  object_class->get_property = prefix##_get_property;                           \
  object_class->set_property = set_property_func;                               \
  install_func (object_class, fields, G_N_ELEMENTS (fields), properties);       \
}                                                                               \
                                                                                \
static void                                                                     \
prefix##_init (Type *self)                                                      \
{                                                                               \
}

/* The whole GObject part of a flat record: its properties, finalize,
 * class_init and init, and its JSON form (`_prefix_to_json` and
 * `_prefix_load_json`, declared in its -private.h). The file keeps its
 * struct, G_DEFINE_FINAL_TYPE, the property enum, the `fields` table,
 * `properties`, `_new` and the accessors. @what (marked with N_()) names
 * the record in a message about a damaged case.json. */
#define CARTA_FIELDS_DEFINE_RECORD(Type, prefix, what)                          \
CARTA_FIELDS_DEFINE_PROPERTY_FUNCS (prefix)                                     \
CARTA_FIELDS_DEFINE_TYPE_FUNCS_ (Type, prefix, prefix##_set_property, _carta_fields_install) \
                                                                                \
JsonObject *                                                                    \
_##prefix##_to_json (gpointer self)                                             \
{                                                                               \
  JsonObject *object = json_object_new ();                                      \
                                                                                \
  _carta_fields_to_json (self, fields, G_N_ELEMENTS (fields), object);          \
  return object;                                                                \
}                                                                               \
                                                                                \
gboolean                                                                        \
_##prefix##_load_json (gpointer     self,                                       \
                       JsonObject  *object,                                     \
                       GError     **error)                                      \
{                                                                               \
  return _carta_fields_load_json (self, fields, G_N_ELEMENTS (fields), properties, \
                                  object, what, error);                         \
}

/* The GObject part of an immutable record: read-only properties,
 * finalize, class_init and init. Its constructor sets the members. */
#define CARTA_FIELDS_DEFINE_READ_ONLY(Type, prefix)                             \
CARTA_FIELDS_DEFINE_GET_PROPERTY (prefix)                                       \
CARTA_FIELDS_DEFINE_TYPE_FUNCS_ (Type, prefix, NULL, _carta_fields_install_read_only)

/* A public getter of a member, for read-only records. */
#define CARTA_FIELDS_GETTER(Type, prefix, CHECK, CType, field, fallback)       \
CType                                                                           \
prefix##_get_##field (Type *self)                                               \
{                                                                               \
  g_return_val_if_fail (CHECK (self), fallback);                                \
  return self->field;                                                           \
}

#define CARTA_FIELDS_STRING_ACCESSORS(Type, prefix, CHECK, field, PROP)        \
const char *                                                                    \
prefix##_get_##field (Type *self)                                               \
{                                                                               \
  g_return_val_if_fail (CHECK (self), NULL);                                    \
  return self->field;                                                           \
}                                                                               \
                                                                                \
void                                                                            \
prefix##_set_##field (Type       *self,                                         \
                      const char *value)                                        \
{                                                                               \
  g_return_if_fail (CHECK (self));                                              \
  _carta_fields_set_string (self, &fields[PROP], properties[PROP], value);      \
}

/* A number kept as @Stored, seen as @CType, set with @set_func. */
#define CARTA_FIELDS_NUMBER_ACCESSORS_(Type, prefix, CHECK, field, PROP, CType, Stored, set_func) \
CType                                                                           \
prefix##_get_##field (Type *self)                                               \
{                                                                               \
  g_return_val_if_fail (CHECK (self), 0);                                       \
  return (CType) self->field;                                                   \
}                                                                               \
                                                                                \
void                                                                            \
prefix##_set_##field (Type  *self,                                              \
                      CType  value)                                             \
{                                                                               \
  g_return_if_fail (CHECK (self));                                              \
  set_func (self, &fields[PROP], properties[PROP], (Stored) value);             \
}

/* An INT or ENUM field, seen as @CType (an enum type or int). */
#define CARTA_FIELDS_INT_ACCESSORS(Type, prefix, CHECK, field, PROP, CType)    \
  CARTA_FIELDS_NUMBER_ACCESSORS_ (Type, prefix, CHECK, field, PROP, CType, int, _carta_fields_set_int)

#define CARTA_FIELDS_DOUBLE_ACCESSORS(Type, prefix, CHECK, field, PROP)        \
  CARTA_FIELDS_NUMBER_ACCESSORS_ (Type, prefix, CHECK, field, PROP, double, double, _carta_fields_set_double)

G_END_DECLS

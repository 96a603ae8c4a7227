/* carta-checklist-item.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-checklist-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-attachment-private.h"
#include "carta-checklist-item-private.h"
#include "carta-error.h"
#include "carta-fields-private.h"
#include "carta-json-private.h"
#include "carta-translations-private.h"

struct _CartaChecklistItem
{
  GObject          parent_instance;

  char            *id;
  char            *template_key;
  char            *title;
  char            *category;
  char            *notes;
  GHashTable      *notes_translations;  /* language → the family's version */
  char            *document_date;
  GListStore      *attachments;
  CartaItemStatus  status;
};

G_DEFINE_FINAL_TYPE (CartaChecklistItem, carta_checklist_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CartaItemStatus, carta_item_status,
  G_DEFINE_ENUM_VALUE (CARTA_ITEM_STATUS_NEEDED, "needed"),
  G_DEFINE_ENUM_VALUE (CARTA_ITEM_STATUS_REQUESTED, "requested"),
  G_DEFINE_ENUM_VALUE (CARTA_ITEM_STATUS_RECEIVED, "received"),
  G_DEFINE_ENUM_VALUE (CARTA_ITEM_STATUS_NOT_APPLICABLE, "not-applicable"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TEMPLATE_KEY,
  PROP_TITLE,
  PROP_CATEGORY,
  PROP_STATUS,
  PROP_NOTES,
  PROP_DOCUMENT_DATE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (CartaChecklistItem *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_attachments_changed_cb (CartaChecklistItem *self,
                           guint               position,
                           guint               removed,
                           guint               added,
                           GListModel         *model)
{
  /* A disc the family confirms as the patient's is saved with the case. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (attachment, emit_changed, self);
      g_signal_connect_object (attachment, "notify::identity-confirmed",
                               G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
    }

  emit_changed (self);
}

static void
carta_checklist_item_dispose (GObject *object)
{
  CartaChecklistItem *self = (CartaChecklistItem *)object;

  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (carta_checklist_item_parent_class)->dispose (object);
}

static void
carta_checklist_item_finalize (GObject *object)
{
  CartaChecklistItem *self = (CartaChecklistItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->template_key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->notes_translations, g_hash_table_unref);
  g_clear_pointer (&self->document_date, g_free);

  G_OBJECT_CLASS (carta_checklist_item_parent_class)->finalize (object);
}

static void
carta_checklist_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CartaChecklistItem *self = CARTA_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEMPLATE_KEY:
      g_value_set_string (value, self->template_key);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_DOCUMENT_DATE:
      g_value_set_string (value, self->document_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_checklist_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CartaChecklistItem *self = CARTA_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (g_value_get_string (value) != NULL)
        _carta_set_str (&self->id, g_value_get_string (value));
      break;

    case PROP_TEMPLATE_KEY:
      self->template_key = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      carta_checklist_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      carta_checklist_item_set_category (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      carta_checklist_item_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      carta_checklist_item_set_notes (self, g_value_get_string (value));
      break;

    case PROP_DOCUMENT_DATE:
      carta_checklist_item_set_document_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_checklist_item_class_init (CartaChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carta_checklist_item_dispose;
  object_class->finalize = carta_checklist_item_finalize;
  object_class->get_property = carta_checklist_item_get_property;
  object_class->set_property = carta_checklist_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Items from the template are named by key, so their titles follow the
   * template and its translations; custom items carry their own title. */
  properties[PROP_TEMPLATE_KEY] =
    g_param_spec_string ("template-key", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CARTA_TYPE_ITEM_STATUS, CARTA_ITEM_STATUS_NEEDED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT_DATE] =
    g_param_spec_string ("document-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CartaChecklistItem::changed:
   *
   * Emitted after any field or the list of attachments changed.
   */
  signals[CHANGED] = _carta_fields_new_changed_signal (object_class);
}

static void
carta_checklist_item_init (CartaChecklistItem *self)
{
  self->id = g_uuid_string_random ();
  self->status = CARTA_ITEM_STATUS_NEEDED;
  self->attachments = g_list_store_new (CARTA_TYPE_ATTACHMENT);
  g_signal_connect_object (self->attachments, "items-changed",
                           G_CALLBACK (on_attachments_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * carta_checklist_item_new:
 * @template_key: the key of the template entry this item comes from
 * @category: the key of its category
 *
 * Returns: (transfer full): a new item, status Needed
 */
CartaChecklistItem *
carta_checklist_item_new (const char *template_key,
                          const char *category)
{
  g_return_val_if_fail (template_key != NULL, NULL);

  return g_object_new (CARTA_TYPE_CHECKLIST_ITEM,
                       "template-key", template_key,
                       "category", category,
                       NULL);
}

/**
 * carta_checklist_item_new_custom:
 * @title: the family's own title
 * @category: the key of its category
 *
 * Returns: (transfer full): a new item the family added, status Needed
 */
CartaChecklistItem *
carta_checklist_item_new_custom (const char *title,
                                 const char *category)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (CARTA_TYPE_CHECKLIST_ITEM,
                       "title", title,
                       "category", category,
                       NULL);
}

const char *
carta_checklist_item_get_id (CartaChecklistItem *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);
  return self->id;
}

const char *
carta_checklist_item_get_template_key (CartaChecklistItem *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);
  return self->template_key;
}

#define DEFINE_STRING_ACCESSORS(name, PROP)                                     \
const char *                                                                    \
carta_checklist_item_get_##name (CartaChecklistItem *self)                      \
{                                                                               \
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);                  \
  return self->name;                                                            \
}                                                                               \
                                                                                \
void                                                                            \
carta_checklist_item_set_##name (CartaChecklistItem *self,                      \
                                 const char         *name)                      \
{                                                                               \
  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (self));                            \
  if (_carta_set_str (&self->name, name))                                       \
    {                                                                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
      emit_changed (self);                                                      \
    }                                                                           \
}

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (category, PROP_CATEGORY)
DEFINE_STRING_ACCESSORS (notes, PROP_NOTES)

#undef DEFINE_STRING_ACCESSORS

/**
 * carta_checklist_item_get_notes_translation:
 * @language: a summary language, such as `zh_CN`
 *
 * Returns: (nullable): the family's own version of the notes in
 *   @language, used by a summary in that language
 */
const char *
carta_checklist_item_get_notes_translation (CartaChecklistItem *self,
                                            const char         *language)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);
  return _carta_translations_get (self->notes_translations, language);
}

/**
 * carta_checklist_item_dup_notes_languages:
 *
 * Returns: (transfer full): the languages the family gave their own
 *   version of the notes in, sorted; empty when none
 */
GStrv
carta_checklist_item_dup_notes_languages (CartaChecklistItem *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);
  return _carta_translations_languages (self->notes_translations);
}

/**
 * carta_checklist_item_set_notes_translation:
 * @language: a summary language, such as `zh_CN`
 * @text: (nullable): their version, or %NULL or empty to remove it
 */
void
carta_checklist_item_set_notes_translation (CartaChecklistItem *self,
                                            const char         *language,
                                            const char         *text)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (language != NULL);

  if (_carta_translations_set (&self->notes_translations, language, text))
    emit_changed (self);
}

CartaItemStatus
carta_checklist_item_get_status (CartaChecklistItem *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), CARTA_ITEM_STATUS_NEEDED);
  return self->status;
}

void
carta_checklist_item_set_status (CartaChecklistItem *self,
                                 CartaItemStatus     status)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (status <= CARTA_ITEM_STATUS_NOT_APPLICABLE);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      emit_changed (self);
    }
}

const char *
carta_checklist_item_get_document_date (CartaChecklistItem *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);
  return self->document_date;
}

/**
 * carta_checklist_item_set_document_date:
 * @iso_date: (nullable): a date as `YYYY-MM-DD`, or %NULL to clear it
 *
 * Returns: %FALSE, leaving the date unchanged, if @iso_date is not a valid date
 */
gboolean
carta_checklist_item_set_document_date (CartaChecklistItem *self,
                                        const char         *iso_date)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), FALSE);

  if (iso_date != NULL && iso_date[0] == '\0')
    iso_date = NULL;

  if (iso_date != NULL && !_carta_is_iso_date (iso_date))
    return FALSE;

  if (_carta_set_str (&self->document_date, iso_date))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_DATE]);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * carta_checklist_item_get_attachments:
 *
 * Returns: (transfer none): a #GListModel of #CartaAttachment
 */
GListModel *
carta_checklist_item_get_attachments (CartaChecklistItem *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), NULL);
  return G_LIST_MODEL (self->attachments);
}

void
carta_checklist_item_add_attachment (CartaChecklistItem *self,
                                     CartaAttachment    *attachment)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (CARTA_IS_ATTACHMENT (attachment));

  g_list_store_append (self->attachments, attachment);
}

/**
 * carta_checklist_item_insert_attachment:
 * @position: where @attachment goes; past the end, it goes last
 * @attachment: (transfer none): the attachment to add
 *
 * Adds @attachment at @position, as undoing its removal puts it back
 * where it was.
 */
void
carta_checklist_item_insert_attachment (CartaChecklistItem *self,
                                        guint               position,
                                        CartaAttachment    *attachment)
{
  guint n;

  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (CARTA_IS_ATTACHMENT (attachment));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->attachments));
  g_list_store_insert (self->attachments, MIN (position, n), attachment);
}

gboolean
carta_checklist_item_remove_attachment (CartaChecklistItem *self,
                                        CartaAttachment    *attachment)
{
  guint position;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), FALSE);
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), FALSE);

  if (!g_list_store_find (self->attachments, attachment, &position))
    return FALSE;

  g_list_store_remove (self->attachments, position);
  return TRUE;
}

/**
 * carta_checklist_item_rename_attachment:
 * @attachment: one of the item's attachments
 * @display_name: (nullable): its new name; %NULL or empty for its
 *   original name
 *
 * Gives @attachment the name the family chose, and saves it with the
 * item. The stored copy and its checksum do not change.
 *
 * Returns: %TRUE if @attachment is the item's
 */
gboolean
carta_checklist_item_rename_attachment (CartaChecklistItem *self,
                                        CartaAttachment    *attachment,
                                        const char         *display_name)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), FALSE);
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), FALSE);

  if (!g_list_store_find (self->attachments, attachment, NULL))
    return FALSE;

  carta_attachment_set_display_name (attachment, display_name);
  emit_changed (self);
  return TRUE;
}

/**
 * carta_checklist_item_move_attachment:
 * @attachment: one of the item's attachments
 * @target: the record it goes to
 * @position: where in @target; past the end, it goes last
 *
 * Moves @attachment to another record of the same case. Both records
 * share the case's stored copies, so nothing is copied on disk.
 *
 * Returns: %TRUE if @attachment was the item's and moved
 */
gboolean
carta_checklist_item_move_attachment (CartaChecklistItem *self,
                                      CartaAttachment    *attachment,
                                      CartaChecklistItem *target,
                                      guint               position)
{
  g_autoptr(CartaAttachment) held = NULL;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (self), FALSE);
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), FALSE);
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (target), FALSE);

  if (target == self)
    return FALSE;

  held = g_object_ref (attachment);
  if (!carta_checklist_item_remove_attachment (self, held))
    return FALSE;

  carta_checklist_item_insert_attachment (target, position, held);
  return TRUE;
}

const char *
carta_item_status_to_string (CartaItemStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CARTA_TYPE_ITEM_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? value->value_nick : NULL;
}

gboolean
carta_item_status_from_string (const char      *text,
                               CartaItemStatus *status)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (text == NULL)
    return FALSE;

  klass = g_type_class_ref (CARTA_TYPE_ITEM_STATUS);
  if (!(value = g_enum_get_value_by_nick (klass, text)))
    return FALSE;

  *status = value->value;
  return TRUE;
}

JsonObject *
_carta_checklist_item_to_json (gpointer data)
{
  CartaChecklistItem *self = data;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", self->id);
  _carta_json_set_string (object, "template_key", self->template_key);
  _carta_json_set_string (object, "title", self->title);
  _carta_json_set_string (object, "category", self->category);
  json_object_set_string_member (object, "status", carta_item_status_to_string (self->status));
  _carta_json_set_string (object, "notes", self->notes);
  _carta_translations_to_json (self->notes_translations, object, "notes_translations");
  _carta_json_set_string (object, "document_date", self->document_date);

  json_object_set_array_member (object, "attachments",
                                _carta_list_to_json (G_LIST_MODEL (self->attachments), _carta_attachment_to_json));

  return object;
}

CartaChecklistItem *
_carta_checklist_item_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_autoptr(CartaChecklistItem) self = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  GError *local_error = NULL;
  CartaItemStatus status;
  const char *id;
  const char *template_key;
  const char *title = NULL;
  const char *category;
  const char *status_text;
  const char *document_date;
  JsonArray *array;

  if (!(id = _carta_json_get_string (object, "id", TRUE, error)) ||
      !(category = _carta_json_get_string (object, "category", TRUE, error)) ||
      !(status_text = _carta_json_get_string (object, "status", TRUE, error)))
    return NULL;

  template_key = _carta_json_get_string (object, "template_key", FALSE, &local_error);
  if (local_error == NULL)
    title = _carta_json_get_string (object, "title", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (template_key == NULL && title == NULL)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the checklist item “%s” has neither a template key nor a title"), id);
      return NULL;
    }

  if (!carta_item_status_from_string (status_text, &status))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("the checklist item “%s” has an unknown status “%s”"), id, status_text);
      return NULL;
    }

  document_date = _carta_json_get_string (object, "document_date", FALSE, NULL);
  if (document_date != NULL && !_carta_is_iso_date (document_date))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("the checklist item “%s” has an invalid document date “%s”"), id, document_date);
      return NULL;
    }

  if ((array = _carta_json_get_array (object, "attachments", &local_error)))
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          CartaAttachment *attachment;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                           _("an attachment of the checklist item “%s” is not an object"), id);
              return NULL;
            }

          if (!(attachment = _carta_attachment_from_json (json_node_get_object (node), error)))
            return NULL;

          g_ptr_array_add (attachments, attachment);
        }
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  self = g_object_new (CARTA_TYPE_CHECKLIST_ITEM,
                       "id", id,
                       "template-key", template_key,
                       "title", title,
                       "category", category,
                       "status", status,
                       "notes", _carta_json_get_string (object, "notes", FALSE, NULL),
                       "document-date", document_date,
                       NULL);
  g_list_store_splice (self->attachments, 0, 0, attachments->pdata, attachments->len);
  /* Optional: files from before the family's own versions have none. */
  if (!_carta_translations_from_json (object, "notes_translations", &self->notes_translations, error))
    return NULL;

  return g_steal_pointer (&self);
}

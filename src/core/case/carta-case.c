/* carta-case.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-case"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "carta-case.h"
#include "carta-checklist-item-private.h"
#include "carta-checklist-template.h"
#include "carta-clinical-status-private.h"
#include "carta-contact-private.h"
#include "carta-diagnosis-private.h"
#include "carta-error.h"
#include "carta-fields-private.h"
#include "carta-json-private.h"
#include "carta-patient-private.h"
#include "carta-send-record-private.h"
#include "carta-translations-private.h"
#include "carta-treatment-history-private.h"

struct _CartaCase
{
  GObject       parent_instance;

  char         *id;
  char         *title;
  GDateTime    *created;
  GDateTime    *modified;
  CartaPatient *patient;
  GListStore   *items;

  /* The case profile (schema 3). */
  GListStore            *contacts;
  CartaDiagnosis        *diagnosis;
  CartaTreatmentHistory *treatment;
  CartaClinicalStatus   *status;
  char                  *questions;
  GHashTable            *questions_translations;  /* language → the family's version */
  char                  *summary_language;

  /* When which bundle went to which server; newest last. */
  GListStore            *sends;

  /* While loading, changes are not the user's and must not move the
   * modified time. */
  guint         loading : 1;
};

G_DEFINE_FINAL_TYPE (CartaCase, carta_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_PATIENT,
  PROP_ITEMS,
  PROP_QUESTIONS,
  PROP_SUMMARY_LANGUAGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
touch (CartaCase *self)
{
  if (self->loading)
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_child_changed_cb (CartaCase *self)
{
  touch (self);
}

static void
on_items_changed_cb (CartaCase  *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  touch (self);
}

static void
carta_case_dispose (GObject *object)
{
  CartaCase *self = (CartaCase *)object;
  guint n = self->items ? g_list_model_get_n_items (G_LIST_MODEL (self->items)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_signal_handlers_disconnect_by_data (item, self);
    }

  g_clear_object (&self->items);
  g_clear_object (&self->patient);
  _carta_list_unwatch_all (self->contacts, self);
  g_clear_object (&self->contacts);
  g_clear_object (&self->diagnosis);
  g_clear_object (&self->treatment);
  g_clear_object (&self->status);
  g_clear_object (&self->sends);

  G_OBJECT_CLASS (carta_case_parent_class)->dispose (object);
}

static void
carta_case_finalize (GObject *object)
{
  CartaCase *self = (CartaCase *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->questions, g_free);
  g_clear_pointer (&self->questions_translations, g_hash_table_unref);
  g_clear_pointer (&self->summary_language, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (carta_case_parent_class)->finalize (object);
}

static void
carta_case_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CartaCase *self = CARTA_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_QUESTIONS:
      g_value_set_string (value, self->questions);
      break;

    case PROP_SUMMARY_LANGUAGE:
      g_value_set_string (value, self->summary_language);
      break;

    case PROP_PATIENT:
      g_value_set_object (value, self->patient);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_case_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CartaCase *self = CARTA_CASE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      carta_case_set_title (self, g_value_get_string (value));
      break;

    case PROP_QUESTIONS:
      carta_case_set_questions (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY_LANGUAGE:
      carta_case_set_summary_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_case_class_init (CartaCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carta_case_dispose;
  object_class->finalize = carta_case_finalize;
  object_class->get_property = carta_case_get_property;
  object_class->set_property = carta_case_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PATIENT] =
    g_param_spec_object ("patient", NULL, NULL, CARTA_TYPE_PATIENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUESTIONS] =
    g_param_spec_string ("questions", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CartaCase:summary-language:
   *
   * The language the family last chose for the summary PDF, such as
   * `zh_CN`; %NULL for English.
   */
  properties[PROP_SUMMARY_LANGUAGE] =
    g_param_spec_string ("summary-language", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CartaCase::changed:
   *
   * Emitted after anything in the case changed: its title, the patient,
   * a checklist item or an attachment. Autosave listens to it.
   */
  signals[CHANGED] = _carta_fields_new_changed_signal (object_class);
}

static void
carta_case_init (CartaCase *self)
{
  self->id = g_uuid_string_random ();
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->patient = carta_patient_new ();
  self->items = g_list_store_new (CARTA_TYPE_CHECKLIST_ITEM);

  g_signal_connect_object (self->patient, "notify",
                           G_CALLBACK (on_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->items, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->contacts = g_list_store_new (CARTA_TYPE_CONTACT);
  self->diagnosis = carta_diagnosis_new ();
  self->treatment = carta_treatment_history_new ();
  self->status = carta_clinical_status_new ();

  g_signal_connect_object (self->contacts, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diagnosis, "notify",
                           G_CALLBACK (on_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->treatment, "changed",
                           G_CALLBACK (on_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status, "changed",
                           G_CALLBACK (on_child_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->sends = g_list_store_new (CARTA_TYPE_SEND_RECORD);
  g_signal_connect_object (self->sends, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * carta_case_new:
 * @title: what the family calls this case
 *
 * Returns: (transfer full): a new, empty case with a fresh id
 */
CartaCase *
carta_case_new (const char *title)
{
  return g_object_new (CARTA_TYPE_CASE, "title", title, NULL);
}

const char *
carta_case_get_id (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->id;
}

const char *
carta_case_get_title (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->title;
}

void
carta_case_set_title (CartaCase  *self,
                      const char *title)
{
  g_return_if_fail (CARTA_IS_CASE (self));

  if (_carta_set_str (&self->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      touch (self);
    }
}

/**
 * carta_case_get_created:
 *
 * Returns: (transfer none): when the case was created
 */
GDateTime *
carta_case_get_created (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->created;
}

/**
 * carta_case_get_modified:
 *
 * Returns: (transfer none): when anything in the case last changed
 */
GDateTime *
carta_case_get_modified (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->modified;
}

/**
 * carta_case_get_patient:
 *
 * Returns: (transfer none): the patient profile
 */
CartaPatient *
carta_case_get_patient (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->patient;
}

/**
 * carta_case_get_contacts:
 *
 * Returns: (transfer none): a #GListModel of #CartaContact: the patient
 *   and caregivers. Change it only through the case.
 */
GListModel *
carta_case_get_contacts (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->contacts);
}

void
carta_case_insert_contact (CartaCase    *self,
                           guint         position,
                           CartaContact *contact)
{
  g_return_if_fail (CARTA_IS_CASE (self));
  g_return_if_fail (CARTA_IS_CONTACT (contact));

  _carta_list_insert (self->contacts, position, contact, G_CALLBACK (on_child_changed_cb), self);
}

void
carta_case_add_contact (CartaCase    *self,
                        CartaContact *contact)
{
  carta_case_insert_contact (self, G_MAXUINT, contact);
}

/**
 * carta_case_remove_contact:
 * @position: (out) (optional): where the contact was, to put it back on undo
 *
 * Returns: %TRUE if @contact was in the case
 */
gboolean
carta_case_remove_contact (CartaCase    *self,
                           CartaContact *contact,
                           guint        *position)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CONTACT (contact), FALSE);

  return _carta_list_remove (self->contacts, contact, position, self);
}

/**
 * carta_case_get_diagnosis:
 *
 * Returns: (transfer none): the diagnosis
 */
CartaDiagnosis *
carta_case_get_diagnosis (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->diagnosis;
}

/**
 * carta_case_get_treatment:
 *
 * Returns: (transfer none): the treatment history
 */
CartaTreatmentHistory *
carta_case_get_treatment (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->treatment;
}

/**
 * carta_case_get_clinical_status:
 *
 * Returns: (transfer none): the patient's current status
 */
CartaClinicalStatus *
carta_case_get_clinical_status (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->status;
}

/**
 * carta_case_get_questions:
 *
 * Returns: (nullable): the family's questions for the coordinators
 */
const char *
carta_case_get_questions (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->questions;
}

void
carta_case_set_questions (CartaCase  *self,
                          const char *questions)
{
  g_return_if_fail (CARTA_IS_CASE (self));

  if (questions != NULL && questions[0] == '\0')
    questions = NULL;

  if (_carta_set_str (&self->questions, questions))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTIONS]);
      touch (self);
    }
}

/**
 * carta_case_get_questions_translation:
 * @language: a summary language, such as `zh_CN`
 *
 * Returns: (nullable): the family's own version of their questions in
 *   @language, used by a summary in that language
 */
const char *
carta_case_get_questions_translation (CartaCase  *self,
                                      const char *language)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return _carta_translations_get (self->questions_translations, language);
}

/**
 * carta_case_set_questions_translation:
 * @language: a summary language, such as `zh_CN`
 * @text: (nullable): their version, or %NULL or empty to remove it
 */
void
carta_case_set_questions_translation (CartaCase  *self,
                                      const char *language,
                                      const char *text)
{
  g_return_if_fail (CARTA_IS_CASE (self));
  g_return_if_fail (language != NULL);

  if (_carta_translations_set (&self->questions_translations, language, text))
    touch (self);
}

/**
 * carta_case_dup_questions_languages:
 *
 * Returns: (transfer full): the languages the family gave their own
 *   version of the questions in, sorted; empty when none
 */
GStrv
carta_case_dup_questions_languages (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return _carta_translations_languages (self->questions_translations);
}

/**
 * carta_case_get_summary_language:
 *
 * Returns: (nullable): the language chosen for the summary PDF, or
 *   %NULL for English
 */
const char *
carta_case_get_summary_language (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return self->summary_language;
}

void
carta_case_set_summary_language (CartaCase  *self,
                                 const char *language)
{
  g_return_if_fail (CARTA_IS_CASE (self));

  /* English is the default, kept as no value; anything that is not a
   * plain language code (it names a catalogue folder) is not kept. */
  if (language != NULL &&
      (language[0] == '\0' || g_str_equal (language, "en") || strlen (language) > 32 ||
       !g_ascii_isalpha (language[0]) || strspn (language, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                           "abcdefghijklmnopqrstuvwxyz"
                                                           "0123456789_-@.") != strlen (language)))
    language = NULL;

  if (_carta_set_str (&self->summary_language, language))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_LANGUAGE]);
      touch (self);
    }
}

/**
 * carta_case_get_items:
 *
 * Returns: (transfer none): a #GListModel of #CartaChecklistItem
 */
GListModel *
carta_case_get_items (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->items);
}

void
carta_case_insert_item (CartaCase          *self,
                        guint               position,
                        CartaChecklistItem *item)
{
  g_return_if_fail (CARTA_IS_CASE (self));
  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (item));

  g_signal_connect_object (item, "changed",
                           G_CALLBACK (on_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->items)));
  g_list_store_insert (self->items, position, item);
}

void
carta_case_add_item (CartaCase          *self,
                     CartaChecklistItem *item)
{
  carta_case_insert_item (self, G_MAXUINT, item);
}

/**
 * carta_case_remove_item:
 * @position: (out) (optional): where the item was, to put it back on undo
 *
 * Returns: %TRUE if @item was in the case
 */
gboolean
carta_case_remove_item (CartaCase          *self,
                        CartaChecklistItem *item,
                        guint              *position)
{
  guint pos;

  g_return_val_if_fail (CARTA_IS_CASE (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (item), FALSE);

  if (!g_list_store_find (self->items, item, &pos))
    return FALSE;

  g_signal_handlers_disconnect_by_data (item, self);
  g_list_store_remove (self->items, pos);

  if (position != NULL)
    *position = pos;

  return TRUE;
}

/**
 * carta_case_find_item:
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
CartaChecklistItem *
carta_case_find_item (CartaCase  *self,
                      const char *id)
{
  guint n;

  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (carta_checklist_item_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

/**
 * carta_case_get_sends:
 *
 * Returns: (transfer none): a #GListModel of #CartaSendRecord, oldest
 *   first: the case's send history. Change it only through the case.
 */
GListModel *
carta_case_get_sends (CartaCase *self)
{
  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);
  return G_LIST_MODEL (self->sends);
}

/**
 * carta_case_add_send:
 * @record: a finished upload of this case's bundle
 *
 * Appends @record to the send history and emits #CartaCase::changed.
 */
void
carta_case_add_send (CartaCase       *self,
                     CartaSendRecord *record)
{
  g_return_if_fail (CARTA_IS_CASE (self));
  g_return_if_fail (CARTA_IS_SEND_RECORD (record));

  g_list_store_append (self->sends, record);
}

guint
carta_case_count_attachments (CartaCase *self)
{
  guint n, count = 0;

  g_return_val_if_fail (CARTA_IS_CASE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      count += g_list_model_get_n_items (carta_checklist_item_get_attachments (item));
    }

  return count;
}

/**
 * carta_case_to_json:
 *
 * Returns: (transfer full): the case as a JSON document of the current schema
 */
JsonNode *
carta_case_to_json (CartaCase *self)
{
  JsonObject *object;
  JsonNode *root;

  g_return_val_if_fail (CARTA_IS_CASE (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "schema", CARTA_CASE_SCHEMA);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "title", self->title ? self->title : "");
  _carta_json_set_datetime (object, "created", self->created);
  _carta_json_set_datetime (object, "modified", self->modified);
  json_object_set_object_member (object, "patient", _carta_patient_to_json (self->patient));
  json_object_set_array_member (object, "contacts",
                                _carta_list_to_json (G_LIST_MODEL (self->contacts), _carta_contact_to_json));
  json_object_set_object_member (object, "diagnosis", _carta_diagnosis_to_json (self->diagnosis));
  json_object_set_object_member (object, "treatment", _carta_treatment_history_to_json (self->treatment));
  json_object_set_object_member (object, "current_status", _carta_clinical_status_to_json (self->status));
  _carta_json_set_string (object, "questions", self->questions);
  _carta_translations_to_json (self->questions_translations, object, "questions_translations");
  _carta_json_set_string (object, "summary_language", self->summary_language);

  json_object_set_array_member (object, "checklist",
                                _carta_list_to_json (G_LIST_MODEL (self->items), _carta_checklist_item_to_json));

  /* Optional and additive: older builds ignore it and files without it
   * load with an empty history, so the schema version stays the same. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sends)) > 0)
    json_object_set_array_member (object, "sends",
                                  _carta_list_to_json (G_LIST_MODEL (self->sends), _carta_send_record_to_json));

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);

  return root;
}

/**
 * carta_case_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the case as pretty-printed JSON text
 */
char *
carta_case_to_data (CartaCase *self,
                    gsize     *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = carta_case_to_json (self);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, length);
}

static gboolean
check_schema (JsonObject  *object,
              guint       *version_out,
              GError     **error)
{
  const char *schema;
  const char *version;
  char *end = NULL;
  guint64 number;

  if (!(schema = _carta_json_get_string (object, "schema", TRUE, error)))
    return FALSE;

  if (!g_str_has_prefix (schema, CARTA_CASE_SCHEMA_PREFIX))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   /* TRANSLATORS: follows “Could not open FILE:”; %s names a file format */
                   _("it is not a Carta case (its format is “%s”)"), schema);
      return FALSE;
    }

  version = schema + strlen (CARTA_CASE_SCHEMA_PREFIX);
  number = g_ascii_strtoull (version, &end, 10);
  if (end == version || *end != '\0' || number == 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   /* TRANSLATORS: follows “Could not open FILE:”; %s names a file format */
                   _("its format “%s” is not one Carta knows"), schema);
      return FALSE;
    }

  if (number > CARTA_CASE_SCHEMA_VERSION)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_NEWER_SCHEMA,
                   /* TRANSLATORS: follows “Could not open FILE:”; %1$s and %2$s name file formats */
                   _("it was saved by a newer version of Carta (schema “%1$s”). "
                     "This version reads up to “%2$s”: update Carta to open it."),
                   schema, CARTA_CASE_SCHEMA);
      return FALSE;
    }

  *version_out = (guint) number;
  return TRUE;
}

static gboolean
load_object (JsonObject   *object,
             const char   *member,
             gpointer      target,
             gboolean    (*load_json) (gpointer     target,
                                       JsonObject  *object,
                                       GError     **error),
             GError      **error)
{
  GError *local_error = NULL;
  JsonObject *child;

  if ((child = _carta_json_get_object (object, member, &local_error)))
    return load_json (target, child, error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Schema 1 had one free-text contact on the patient and one preferred
 * language. Both land in the schema 2 fields; nothing is dropped. */
static void
migrate_from_1 (CartaCase *self)
{
  CartaPatient *patient = self->patient;
  const char *contact = carta_patient_get_contact (patient);
  const char *language = carta_patient_get_preferred_language (patient);

  if (language != NULL && carta_patient_get_languages (patient) == NULL)
    carta_patient_set_languages (patient, language);

  if (contact != NULL)
    {
      g_autoptr(CartaContact) person = carta_contact_new ();

      carta_contact_set_name (person, carta_patient_get_name (patient));
      /* Stored data, not display text: the UI shows it as written. */
      carta_contact_set_relation (person, "Patient");
      if (strchr (contact, '@') != NULL && strpbrk (contact, " \t,;") == NULL)
        carta_contact_set_email (person, contact);
      else
        carta_contact_set_phone (person, contact);
      carta_case_insert_contact (self, 0, person);
      carta_patient_set_contact (patient, NULL);
    }
}

static gboolean
has_template_item (CartaCase  *self,
                   const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (carta_checklist_item_get_template_key (item), key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Schema 2 asked only yes, no or not known about the CNS. Schema 3 asks
 * for the grade; an old answer keeps its meaning and no grade is made up.
 * The checklist records schema 3 added join a checklist that has records;
 * an empty one stays as the family left it. */
static void
migrate_from_2 (CartaCase  *self,
                JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "diagnosis");
  JsonObject *diagnosis;
  const char *answer;
  CartaCnsStatus status = CARTA_CNS_STATUS_NOT_SET;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    {
      static const char *added[] = {
        "mrd-result", "cns-status", "myeloma-protein", "ecg", "coagulation", "viral-pcr", "pregnancy-test",
      };
      CartaChecklistTemplate *template = carta_checklist_template_get_default ();

      for (guint i = 0; i < G_N_ELEMENTS (added); i++)
        {
          const CartaTemplateItem *entry = carta_checklist_template_lookup_item (template, added[i]);
          g_autoptr(CartaChecklistItem) item = NULL;

          if (entry == NULL || has_template_item (self, added[i]))
            continue;
          item = carta_checklist_item_new (added[i], entry->category->key);
          carta_case_add_item (self, item);
        }
    }

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  diagnosis = json_node_get_object (node);
  node = json_object_get_member (diagnosis, "cns_involvement");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return;

  answer = json_node_get_string (node);
  if (g_strcmp0 (answer, "yes") == 0)
    status = CARTA_CNS_STATUS_INVOLVED;
  else if (g_strcmp0 (answer, "no") == 0)
    status = CARTA_CNS_STATUS_NONE_KNOWN;
  else if (g_strcmp0 (answer, "unknown") == 0)
    status = CARTA_CNS_STATUS_UNKNOWN;

  if (carta_diagnosis_get_cns_status (self->diagnosis) == CARTA_CNS_STATUS_NOT_SET)
    carta_diagnosis_set_cns_status (self->diagnosis, status);
}

/* "sends" is optional: a file without it has no history yet. */
static gboolean
load_sends (CartaCase   *self,
            JsonObject  *object,
            GError     **error)
{
  GError *local_error = NULL;
  JsonArray *sends;

  if (!(sends = _carta_json_get_array (object, "sends", &local_error)))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < json_array_get_length (sends); i++)
    {
      JsonNode *node = json_array_get_element (sends, i);
      g_autoptr(CartaSendRecord) record = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                       /* TRANSLATORS: follows “Could not open FILE:”; %u counts from 1 */
                       _("entry %u of the send history is damaged"), i + 1);
          return FALSE;
        }

      if (!(record = _carta_send_record_from_json (json_node_get_object (node), error)))
        return FALSE;

      g_list_store_append (self->sends, record);
    }

  return TRUE;
}

/**
 * carta_case_new_from_json:
 * @root: a parsed case document
 *
 * Reads a case of this or an older schema. Nothing is guessed: a
 * missing required field or a newer schema is an error.
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
CartaCase *
carta_case_new_from_json (JsonNode  *root,
                          GError   **error)
{
  g_autoptr(CartaCase) self = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  GError *local_error = NULL;
  JsonObject *object;
  JsonObject *patient;
  JsonArray *items;
  const char *id;
  const char *title;
  const char *questions;
  guint version = 0;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                   /* TRANSLATORS: follows “Could not open FILE:” */
                   _("it does not hold a case"));
      return NULL;
    }

  object = json_node_get_object (root);

  if (!check_schema (object, &version, error) ||
      !(id = _carta_json_get_string (object, "id", TRUE, error)) ||
      !(title = _carta_json_get_string (object, "title", TRUE, error)) ||
      !(created = _carta_json_get_datetime (object, "created", TRUE, error)) ||
      !(modified = _carta_json_get_datetime (object, "modified", TRUE, error)))
    return NULL;

  if (!g_uuid_string_is_valid (id))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   /* TRANSLATORS: follows “Could not open FILE:”; %s is the case's id */
                   _("its case id “%s” is not valid"), id);
      return NULL;
    }

  self = g_object_new (CARTA_TYPE_CASE, NULL);
  self->loading = TRUE;

  _carta_set_str (&self->id, id);
  _carta_set_str (&self->title, title);

  if ((patient = _carta_json_get_object (object, "patient", &local_error)))
    {
      if (!_carta_patient_load_json (self->patient, patient, error))
        return NULL;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if ((items = _carta_json_get_array (object, "checklist", &local_error)))
    {
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          g_autoptr(CartaChecklistItem) item = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                           /* TRANSLATORS: follows “Could not open FILE:”; %u counts from 1 */
                           _("entry %u of the checklist is damaged"), i + 1);
              return NULL;
            }

          if (!(item = _carta_checklist_item_from_json (json_node_get_object (node), error)))
            return NULL;

          carta_case_add_item (self, item);
        }
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!_carta_list_load_json (self->contacts, object, "contacts", CARTA_TYPE_CONTACT,
                              _carta_contact_load_json, G_CALLBACK (on_child_changed_cb), self, error) ||
      !load_object (object, "diagnosis", self->diagnosis, _carta_diagnosis_load_json, error) ||
      !load_object (object, "treatment", self->treatment,
                    _carta_treatment_history_load_json, error) ||
      !load_object (object, "current_status", self->status,
                    _carta_clinical_status_load_json, error))
    return NULL;

  questions = _carta_json_get_string (object, "questions", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  carta_case_set_questions (self, questions);
  /* Optional: files from before the family's own versions have none. */
  if (!_carta_translations_from_json (object, "questions_translations", &self->questions_translations, error))
    return NULL;

  /* Optional: files from before the choice was remembered have none. */
  {
    const char *language = _carta_json_get_string (object, "summary_language", FALSE, &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
    carta_case_set_summary_language (self, language);
  }

  if (!load_sends (self, object, error))
    return NULL;

  if (version < 2)
    migrate_from_1 (self);
  if (version < 3)
    migrate_from_2 (self, object);

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->created = g_steal_pointer (&created);
  self->modified = g_steal_pointer (&modified);
  self->loading = FALSE;

  return g_steal_pointer (&self);
}

/* carta-attachment.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-attachment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "carta-attachment-private.h"
#include "carta-error.h"
#include "carta-json-private.h"

struct _CartaAttachment
{
  GObject    parent_instance;

  char      *id;
  char      *original_name;
  char      *stored_path;
  char      *sha256;
  char      *content_type;
  GDateTime *added;
  guint64    size;
  CartaAttachmentKind kind;
  CartaDicomSummary *dicom_summary;
  /* The family said this disc is the patient's, whatever its name. */
  gboolean   identity_confirmed;

  /* The name the family gave it; the stored copy keeps its own. */
  char      *display_name;
};

G_DEFINE_FINAL_TYPE (CartaAttachment, carta_attachment, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CartaAttachmentKind, carta_attachment_kind,
  G_DEFINE_ENUM_VALUE (CARTA_ATTACHMENT_KIND_FILE, "file"),
  G_DEFINE_ENUM_VALUE (CARTA_ATTACHMENT_KIND_IMAGING, "imaging"))

enum {
  PROP_0,
  PROP_ID,
  PROP_ORIGINAL_NAME,
  PROP_STORED_PATH,
  PROP_SIZE,
  PROP_SHA256,
  PROP_CONTENT_TYPE,
  PROP_ADDED,
  PROP_KIND,
  PROP_DICOM_SUMMARY,
  PROP_IDENTITY_CONFIRMED,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
carta_attachment_finalize (GObject *object)
{
  CartaAttachment *self = (CartaAttachment *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->original_name, g_free);
  g_clear_pointer (&self->stored_path, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->added, g_date_time_unref);
  g_clear_pointer (&self->dicom_summary, carta_dicom_summary_unref);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (carta_attachment_parent_class)->finalize (object);
}

static void
carta_attachment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CartaAttachment *self = CARTA_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ORIGINAL_NAME:
      g_value_set_string (value, self->original_name);
      break;

    case PROP_STORED_PATH:
      g_value_set_string (value, self->stored_path);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;

    case PROP_ADDED:
      g_value_set_boxed (value, self->added);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_DICOM_SUMMARY:
      g_value_set_boxed (value, self->dicom_summary);
      break;

    case PROP_IDENTITY_CONFIRMED:
      g_value_set_boolean (value, self->identity_confirmed);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_attachment_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CartaAttachment *self = CARTA_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only: a fresh attachment gets a new id below. */
      if (g_value_get_string (value) != NULL)
        _carta_set_str (&self->id, g_value_get_string (value));
      break;

    case PROP_ORIGINAL_NAME:
      carta_attachment_set_original_name (self, g_value_get_string (value));
      break;

    case PROP_STORED_PATH:
      carta_attachment_set_stored_path (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      carta_attachment_set_size (self, g_value_get_uint64 (value));
      break;

    case PROP_SHA256:
      carta_attachment_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_CONTENT_TYPE:
      carta_attachment_set_content_type (self, g_value_get_string (value));
      break;

    case PROP_ADDED:
      carta_attachment_set_added (self, g_value_get_boxed (value));
      break;

    case PROP_KIND:
      carta_attachment_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_DICOM_SUMMARY:
      carta_attachment_set_dicom_summary (self, g_value_get_boxed (value));
      break;

    case PROP_IDENTITY_CONFIRMED:
      carta_attachment_set_identity_confirmed (self, g_value_get_boolean (value));
      break;

    case PROP_DISPLAY_NAME:
      carta_attachment_set_display_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_attachment_class_init (CartaAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_attachment_finalize;
  object_class->get_property = carta_attachment_get_property;
  object_class->set_property = carta_attachment_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORIGINAL_NAME] =
    g_param_spec_string ("original-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORED_PATH] =
    g_param_spec_string ("stored-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADDED] =
    g_param_spec_boxed ("added", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CARTA_TYPE_ATTACHMENT_KIND, CARTA_ATTACHMENT_KIND_FILE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DICOM_SUMMARY] =
    g_param_spec_boxed ("dicom-summary", NULL, NULL, CARTA_TYPE_DICOM_SUMMARY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IDENTITY_CONFIRMED] =
    g_param_spec_boolean ("identity-confirmed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_attachment_init (CartaAttachment *self)
{
  self->id = g_uuid_string_random ();
  self->added = g_date_time_new_now_utc ();
}

/**
 * carta_attachment_new:
 *
 * Creates an attachment record with a fresh id, added now.
 *
 * Returns: (transfer full): a new #CartaAttachment
 */
CartaAttachment *
carta_attachment_new (void)
{
  return g_object_new (CARTA_TYPE_ATTACHMENT, NULL);
}

const char *
carta_attachment_get_id (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), NULL);
  return self->id;
}

#define DEFINE_STRING_ACCESSORS(name, PROP)                                     \
const char *                                                                    \
carta_attachment_get_##name (CartaAttachment *self)                             \
{                                                                               \
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), NULL);                      \
  return self->name;                                                            \
}                                                                               \
                                                                                \
void                                                                            \
carta_attachment_set_##name (CartaAttachment *self,                             \
                             const char      *name)                             \
{                                                                               \
  g_return_if_fail (CARTA_IS_ATTACHMENT (self));                                \
  if (_carta_set_str (&self->name, name))                                            \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);               \
}

DEFINE_STRING_ACCESSORS (original_name, PROP_ORIGINAL_NAME)
DEFINE_STRING_ACCESSORS (stored_path, PROP_STORED_PATH)
DEFINE_STRING_ACCESSORS (sha256, PROP_SHA256)
DEFINE_STRING_ACCESSORS (content_type, PROP_CONTENT_TYPE)

#undef DEFINE_STRING_ACCESSORS

guint64
carta_attachment_get_size (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), 0);
  return self->size;
}

void
carta_attachment_set_size (CartaAttachment *self,
                           guint64          size)
{
  g_return_if_fail (CARTA_IS_ATTACHMENT (self));

  if (self->size != size)
    {
      self->size = size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
}

/**
 * carta_attachment_get_added:
 *
 * Returns: (transfer none): when the file was attached
 */
GDateTime *
carta_attachment_get_added (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), NULL);
  return self->added;
}

void
carta_attachment_set_added (CartaAttachment *self,
                            GDateTime       *added)
{
  g_return_if_fail (CARTA_IS_ATTACHMENT (self));
  g_return_if_fail (added != NULL);

  if (self->added == NULL || !g_date_time_equal (self->added, added))
    {
      g_clear_pointer (&self->added, g_date_time_unref);
      self->added = g_date_time_ref (added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED]);
    }
}

CartaAttachmentKind
carta_attachment_get_kind (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), CARTA_ATTACHMENT_KIND_FILE);
  return self->kind;
}

void
carta_attachment_set_kind (CartaAttachment     *self,
                           CartaAttachmentKind  kind)
{
  g_return_if_fail (CARTA_IS_ATTACHMENT (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

/**
 * carta_attachment_get_dicom_summary:
 *
 * Returns: (transfer none) (nullable): what an imaging disc holds
 */
CartaDicomSummary *
carta_attachment_get_dicom_summary (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), NULL);
  return self->dicom_summary;
}

void
carta_attachment_set_dicom_summary (CartaAttachment   *self,
                                    CartaDicomSummary *summary)
{
  g_return_if_fail (CARTA_IS_ATTACHMENT (self));

  if (self->dicom_summary == summary)
    return;

  if (summary != NULL)
    carta_dicom_summary_ref (summary);
  g_clear_pointer (&self->dicom_summary, carta_dicom_summary_unref);
  self->dicom_summary = summary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DICOM_SUMMARY]);
}

/**
 * carta_attachment_get_display_name:
 *
 * Returns: (nullable): the name the family gave the file, if any
 */
const char *
carta_attachment_get_display_name (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), NULL);
  return self->display_name;
}

/**
 * carta_attachment_set_display_name:
 * @display_name: (nullable): the new name; empty or %NULL goes back to
 *   the original name
 *
 * Renames the attachment as people see it. Its stored copy, original
 * name and checksum stay as they are.
 */
void
carta_attachment_set_display_name (CartaAttachment *self,
                                   const char      *display_name)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CARTA_IS_ATTACHMENT (self));

  name = g_strstrip (g_strdup (display_name ? display_name : ""));
  if (_carta_set_str (&self->display_name, name[0] != '\0' ? name : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/**
 * carta_attachment_get_label:
 *
 * Returns: what to call the attachment: its display name, else its
 *   original name
 */
const char *
carta_attachment_get_label (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), NULL);
  return self->display_name != NULL ? self->display_name : self->original_name;
}

/**
 * carta_attachment_set_identity_confirmed:
 * @confirmed: whether the family confirmed that this imaging disc is the
 *   patient's, though its name, birth date or sex did not match the case
 */
void
carta_attachment_set_identity_confirmed (CartaAttachment *self,
                                         gboolean         confirmed)
{
  g_return_if_fail (CARTA_IS_ATTACHMENT (self));

  /* Notified only on a change: each one is saved with the case. */
  confirmed = !!confirmed;
  if (self->identity_confirmed != confirmed)
    {
      self->identity_confirmed = confirmed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY_CONFIRMED]);
    }
}

/**
 * carta_attachment_get_identity_confirmed:
 *
 * Returns: what carta_attachment_set_identity_confirmed() set
 */
gboolean
carta_attachment_get_identity_confirmed (CartaAttachment *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT (self), FALSE);
  return self->identity_confirmed;
}

JsonObject *
_carta_attachment_to_json (gpointer data)
{
  CartaAttachment *self = data;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", self->id);
  _carta_json_set_string (object, "original_name", self->original_name);
  _carta_json_set_string (object, "stored_path", self->stored_path);
  json_object_set_int_member (object, "size", (gint64)self->size);
  _carta_json_set_string (object, "sha256", self->sha256);
  _carta_json_set_string (object, "content_type", self->content_type);
  _carta_json_set_datetime (object, "added", self->added);
  /* Optional fields: files written before they existed still load. */
  if (self->kind != CARTA_ATTACHMENT_KIND_FILE)
    _carta_json_set_string (object, "kind", "imaging");
  if (self->dicom_summary != NULL)
    json_object_set_member (object, "dicom_summary", carta_dicom_summary_to_json (self->dicom_summary));
  if (self->identity_confirmed)
    json_object_set_boolean_member (object, "identity_confirmed", TRUE);
  _carta_json_set_string (object, "display_name", self->display_name);

  return object;
}

CartaAttachment *
_carta_attachment_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(CartaAttachment) self = NULL;
  g_autoptr(GDateTime) added = NULL;
  g_autoptr(CartaDicomSummary) summary = NULL;
  CartaAttachmentKind kind = CARTA_ATTACHMENT_KIND_FILE;
  JsonNode *summary_node;
  const char *kind_text;
  const char *id;
  const char *original_name;
  const char *stored_path;
  const char *sha256;
  gint64 size = 0;

  if (!(id = _carta_json_get_string (object, "id", TRUE, error)) ||
      !(original_name = _carta_json_get_string (object, "original_name", TRUE, error)) ||
      !(stored_path = _carta_json_get_string (object, "stored_path", TRUE, error)) ||
      !(sha256 = _carta_json_get_string (object, "sha256", TRUE, error)) ||
      !_carta_json_get_int (object, "size", TRUE, &size, error))
    return NULL;

  if (size < 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("the attachment “%s” has a negative size"), id);
      return NULL;
    }

  /* Stored paths are relative to the case folder; refuse anything that
   * could point outside it. */
  if (g_path_is_absolute (stored_path) || strstr (stored_path, "..") != NULL)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                   _("the attachment “%s” points outside its case folder"), id);
      return NULL;
    }

  if (json_object_has_member (object, "added") &&
      !(added = _carta_json_get_datetime (object, "added", TRUE, error)))
    return NULL;

  kind_text = _carta_json_get_string (object, "kind", FALSE, NULL);
  if (kind_text != NULL)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (CARTA_TYPE_ATTACHMENT_KIND);
      GEnumValue *value = g_enum_get_value_by_nick (klass, kind_text);

      if (value == NULL)
        {
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                       _("the attachment “%s” is of an unknown kind “%s”"), id, kind_text);
          return NULL;
        }
      kind = value->value;
    }

  summary_node = json_object_get_member (object, "dicom_summary");
  if (summary_node != NULL && !JSON_NODE_HOLDS_NULL (summary_node) &&
      !(summary = carta_dicom_summary_new_from_json (summary_node, error)))
    return NULL;

  self = g_object_new (CARTA_TYPE_ATTACHMENT,
                       "id", id,
                       "kind", kind,
                       "dicom-summary", summary,
                       "original-name", original_name,
                       "stored-path", stored_path,
                       "sha256", sha256,
                       "size", (guint64)size,
                       "content-type", _carta_json_get_string (object, "content_type", FALSE, NULL),
                       NULL);
  if (added != NULL)
    carta_attachment_set_added (self, added);
  if (json_object_has_member (object, "identity_confirmed"))
    {
      JsonNode *confirmed = json_object_get_member (object, "identity_confirmed");

      /* Anything but true leaves the disc to be checked again. */
      carta_attachment_set_identity_confirmed (self, JSON_NODE_HOLDS_VALUE (confirmed) &&
                                                     json_node_get_value_type (confirmed) == G_TYPE_BOOLEAN &&
                                                     json_node_get_boolean (confirmed));
    }
  carta_attachment_set_display_name (self, _carta_json_get_string (object, "display_name", FALSE, NULL));

  return g_steal_pointer (&self);
}

/* carta-send-record.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-send-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "carta-error.h"
#include "carta-json-private.h"
#include "carta-send-record-private.h"

/* One line of a case's send history: when a bundle went to which host.
 * Immutable, and never holds the share token or a password. */
struct _CartaSendRecord
{
  GObject    parent_instance;

  GDateTime *sent;
  char      *host;
  char      *remote_name;
  char      *sha256;
  guint64    size;
  gboolean   verified;
};

G_DEFINE_FINAL_TYPE (CartaSendRecord, carta_send_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SENT,
  PROP_HOST,
  PROP_REMOTE_NAME,
  PROP_SHA256,
  PROP_SIZE,
  PROP_VERIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
carta_send_record_finalize (GObject *object)
{
  CartaSendRecord *self = (CartaSendRecord *)object;

  g_clear_pointer (&self->sent, g_date_time_unref);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->remote_name, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (carta_send_record_parent_class)->finalize (object);
}

static void
carta_send_record_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CartaSendRecord *self = CARTA_SEND_RECORD (object);

  switch (prop_id)
    {
    case PROP_SENT:
      g_value_set_boxed (value, self->sent);
      break;

    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_REMOTE_NAME:
      g_value_set_string (value, self->remote_name);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;

    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_send_record_class_init (CartaSendRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_send_record_finalize;
  object_class->get_property = carta_send_record_get_property;

  properties[PROP_SENT] =
    g_param_spec_boxed ("sent", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_NAME] =
    g_param_spec_string ("remote-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED] =
    g_param_spec_boolean ("verified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_send_record_init (CartaSendRecord *self)
{
}

/**
 * carta_send_record_new:
 * @sent: when the upload finished
 * @host: the server's host (and port), never a URL with a token
 * @remote_name: the file's name on the server
 * @sha256: lower-case hex SHA-256 of the bundle
 * @size: the bundle's size in bytes
 * @verified: whether the server confirmed the size
 *
 * Returns: (transfer full): a new record
 */
CartaSendRecord *
carta_send_record_new (GDateTime  *sent,
                       const char *host,
                       const char *remote_name,
                       const char *sha256,
                       guint64     size,
                       gboolean    verified)
{
  CartaSendRecord *self;

  g_return_val_if_fail (sent != NULL, NULL);
  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (remote_name != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  self = g_object_new (CARTA_TYPE_SEND_RECORD, NULL);
  self->sent = g_date_time_ref (sent);
  self->host = g_strdup (host);
  self->remote_name = g_strdup (remote_name);
  self->sha256 = g_strdup (sha256);
  self->size = size;
  self->verified = !!verified;

  return self;
}

/**
 * carta_send_record_new_from_result:
 * @result: a finished upload
 *
 * Returns: (transfer full): the record of @result for the case history
 */
CartaSendRecord *
carta_send_record_new_from_result (CartaUploadResult *result)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (result), NULL);

  return carta_send_record_new (carta_upload_result_get_finished (result),
                                carta_upload_result_get_host (result),
                                carta_upload_result_get_remote_name (result),
                                carta_upload_result_get_sha256 (result),
                                carta_upload_result_get_size (result),
                                carta_upload_result_get_verified (result));
}

GDateTime *
carta_send_record_get_sent (CartaSendRecord *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_RECORD (self), NULL);
  return self->sent;
}

const char *
carta_send_record_get_host (CartaSendRecord *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_RECORD (self), NULL);
  return self->host;
}

const char *
carta_send_record_get_remote_name (CartaSendRecord *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_RECORD (self), NULL);
  return self->remote_name;
}

const char *
carta_send_record_get_sha256 (CartaSendRecord *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_RECORD (self), NULL);
  return self->sha256;
}

guint64
carta_send_record_get_size (CartaSendRecord *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_RECORD (self), 0);
  return self->size;
}

gboolean
carta_send_record_get_verified (CartaSendRecord *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_RECORD (self), FALSE);
  return self->verified;
}

JsonObject *
_carta_send_record_to_json (CartaSendRecord *self)
{
  JsonObject *object = json_object_new ();

  _carta_json_set_datetime (object, "sent", self->sent);
  json_object_set_string_member (object, "host", self->host);
  json_object_set_string_member (object, "remote_name", self->remote_name);
  json_object_set_string_member (object, "sha256", self->sha256);
  json_object_set_int_member (object, "size", (gint64)self->size);
  json_object_set_boolean_member (object, "verified", self->verified);

  return object;
}

static gboolean
is_sha256_hex (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

CartaSendRecord *
_carta_send_record_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(GDateTime) sent = NULL;
  const char *host;
  const char *remote_name;
  const char *sha256;
  gint64 size = 0;
  gboolean verified = FALSE;
  JsonNode *node;

  if (!(sent = _carta_json_get_datetime (object, "sent", TRUE, error)) ||
      !(host = _carta_json_get_string (object, "host", TRUE, error)) ||
      !(remote_name = _carta_json_get_string (object, "remote_name", TRUE, error)) ||
      !(sha256 = _carta_json_get_string (object, "sha256", TRUE, error)) ||
      !_carta_json_get_int (object, "size", TRUE, &size, error))
    return NULL;

  if (size < 0 || !is_sha256_hex (sha256) || *host == '\0' || *remote_name == '\0')
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                           _("a send record has an invalid size, host, name or checksum"));
      return NULL;
    }

  /* A token never belongs here; refuse a host that looks like a URL. */
  if (strchr (host, '/') != NULL || strchr (host, '@') != NULL)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                           _("a send record's host is not a plain host name"));
      return NULL;
    }

  /* json_object_get_boolean_member() is critical about a list or an object. */
  if ((node = json_object_get_member (object, "verified")) != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                               _("the field “verified” of a send record is not true or false"));
          return NULL;
        }
      verified = json_node_get_boolean (node);
    }

  return carta_send_record_new (sent, host, remote_name, sha256, (guint64)size, verified);
}

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
#include "carta-fields-private.h"
#include "carta-json-private.h"
#include "carta-sha256.h"
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

static const CartaField fields[N_PROPS] = {
  [PROP_SENT] = CARTA_FIELD_RO (DATETIME, "sent", CartaSendRecord, sent),
  [PROP_HOST] = CARTA_FIELD_RO (STRING, "host", CartaSendRecord, host),
  [PROP_REMOTE_NAME] = CARTA_FIELD_RO (STRING, "remote-name", CartaSendRecord, remote_name),
  [PROP_SHA256] = CARTA_FIELD_RO (STRING, "sha256", CartaSendRecord, sha256),
  [PROP_SIZE] = CARTA_FIELD_RO (UINT64, "size", CartaSendRecord, size),
  [PROP_VERIFIED] = CARTA_FIELD_RO (BOOLEAN, "verified", CartaSendRecord, verified),
};

static GParamSpec *properties[N_PROPS];

CARTA_FIELDS_DEFINE_READ_ONLY (CartaSendRecord, carta_send_record)

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

CARTA_FIELDS_GETTER (CartaSendRecord, carta_send_record, CARTA_IS_SEND_RECORD, GDateTime *, sent, NULL)
CARTA_FIELDS_GETTER (CartaSendRecord, carta_send_record, CARTA_IS_SEND_RECORD, const char *, host, NULL)
CARTA_FIELDS_GETTER (CartaSendRecord, carta_send_record, CARTA_IS_SEND_RECORD, const char *, remote_name, NULL)
CARTA_FIELDS_GETTER (CartaSendRecord, carta_send_record, CARTA_IS_SEND_RECORD, const char *, sha256, NULL)
CARTA_FIELDS_GETTER (CartaSendRecord, carta_send_record, CARTA_IS_SEND_RECORD, guint64, size, 0)
CARTA_FIELDS_GETTER (CartaSendRecord, carta_send_record, CARTA_IS_SEND_RECORD, gboolean, verified, FALSE)

JsonObject *
_carta_send_record_to_json (gpointer data)
{
  CartaSendRecord *self = data;
  JsonObject *object = json_object_new ();

  _carta_json_set_datetime (object, "sent", self->sent);
  json_object_set_string_member (object, "host", self->host);
  json_object_set_string_member (object, "remote_name", self->remote_name);
  json_object_set_string_member (object, "sha256", self->sha256);
  json_object_set_int_member (object, "size", (gint64)self->size);
  json_object_set_boolean_member (object, "verified", self->verified);

  return object;
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

  if (size < 0 || !carta_sha256_is_valid (sha256) || *host == '\0' || *remote_name == '\0')
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

/* carta-upload-result.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-upload-result"

#include "config.h"

#include "carta-fields-private.h"
#include "carta-upload-result-private.h"

/* What a finished upload left on the server. Holds nothing secret: the
 * share token and password never get here. */
struct _CartaUploadResult
{
  GObject    parent_instance;

  char      *host;
  char      *remote_name;
  char      *location;
  char      *sha256;
  GDateTime *finished;
  guint64    size;
  double     duration;
  gboolean   verified;
};

G_DEFINE_FINAL_TYPE (CartaUploadResult, carta_upload_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOST,
  PROP_REMOTE_NAME,
  PROP_LOCATION,
  PROP_SIZE,
  PROP_SHA256,
  PROP_FINISHED,
  PROP_DURATION,
  PROP_VERIFIED,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_HOST] = CARTA_FIELD_RO (STRING, "host", CartaUploadResult, host),
  [PROP_REMOTE_NAME] = CARTA_FIELD_RO (STRING, "remote-name", CartaUploadResult, remote_name),
  [PROP_LOCATION] = CARTA_FIELD_RO (STRING, "location", CartaUploadResult, location),
  [PROP_SIZE] = CARTA_FIELD_RO (UINT64, "size", CartaUploadResult, size),
  [PROP_SHA256] = CARTA_FIELD_RO (STRING, "sha256", CartaUploadResult, sha256),
  [PROP_FINISHED] = CARTA_FIELD_RO (DATETIME, "finished", CartaUploadResult, finished),
  [PROP_DURATION] = CARTA_FIELD_RO (DOUBLE, "duration", CartaUploadResult, duration),
  [PROP_VERIFIED] = CARTA_FIELD_RO (BOOLEAN, "verified", CartaUploadResult, verified),
};

static GParamSpec *properties[N_PROPS];

CARTA_FIELDS_DEFINE_READ_ONLY (CartaUploadResult, carta_upload_result)

CartaUploadResult *
_carta_upload_result_new (const char *host,
                          const char *remote_name,
                          const char *location,
                          guint64     size,
                          const char *sha256,
                          GDateTime  *finished,
                          double      duration,
                          gboolean    verified)
{
  CartaUploadResult *self = g_object_new (CARTA_TYPE_UPLOAD_RESULT, NULL);

  self->host = g_strdup (host);
  self->remote_name = g_strdup (remote_name);
  self->location = g_strdup (location);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->finished = finished != NULL ? g_date_time_ref (finished) : g_date_time_new_now_utc ();
  self->duration = duration;
  self->verified = verified;

  return self;
}

/* The getters. host: the server's host name, with the port when it is
 * not the default one. remote-name: the file's name on the server, which
 * differs from the local name when that one was taken. location: where
 * the file went, safe to show and keep: the full URL for a WebDAV folder,
 * or host and name for a share link (whose token is a secret). size: the
 * bytes sent. sha256: their lower-case hex SHA-256. finished: when the
 * upload finished (transfer none). duration: the seconds the whole send
 * took, checks and retries included. verified: %TRUE when the server
 * confirmed the file's size after the upload; %FALSE when it does not
 * allow looking (an upload-only share). */
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, const char *, host, NULL)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, const char *, remote_name, NULL)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, const char *, location, NULL)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, guint64, size, 0)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, const char *, sha256, NULL)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, GDateTime *, finished, NULL)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, double, duration, 0)
CARTA_FIELDS_GETTER (CartaUploadResult, carta_upload_result, CARTA_IS_UPLOAD_RESULT, gboolean, verified, FALSE)

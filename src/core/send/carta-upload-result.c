/* carta-upload-result.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-upload-result"

#include "config.h"

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

static GParamSpec *properties[N_PROPS];

static void
carta_upload_result_finalize (GObject *object)
{
  CartaUploadResult *self = (CartaUploadResult *)object;

  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->remote_name, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->finished, g_date_time_unref);

  G_OBJECT_CLASS (carta_upload_result_parent_class)->finalize (object);
}

static void
carta_upload_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CartaUploadResult *self = CARTA_UPLOAD_RESULT (object);

  switch (prop_id)
    {
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_REMOTE_NAME:
      g_value_set_string (value, self->remote_name);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_FINISHED:
      g_value_set_boxed (value, self->finished);
      break;

    case PROP_DURATION:
      g_value_set_double (value, self->duration);
      break;

    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_upload_result_class_init (CartaUploadResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_upload_result_finalize;
  object_class->get_property = carta_upload_result_get_property;

  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_NAME] =
    g_param_spec_string ("remote-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boxed ("finished", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_double ("duration", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED] =
    g_param_spec_boolean ("verified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_upload_result_init (CartaUploadResult *self)
{
}

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

/**
 * carta_upload_result_get_host:
 * @self: a #CartaUploadResult
 *
 * Returns: the server's host name, with the port when it is not the
 *   default one
 */
const char *
carta_upload_result_get_host (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), NULL);
  return self->host;
}

/**
 * carta_upload_result_get_remote_name:
 * @self: a #CartaUploadResult
 *
 * Returns: the file's name on the server, which differs from the local
 *   name when that one was taken
 */
const char *
carta_upload_result_get_remote_name (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), NULL);
  return self->remote_name;
}

/**
 * carta_upload_result_get_location:
 * @self: a #CartaUploadResult
 *
 * Returns: where the file went, safe to show and keep: the full URL for
 *   a WebDAV folder, or host and name for a share link (whose token is a
 *   secret)
 */
const char *
carta_upload_result_get_location (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), NULL);
  return self->location;
}

/**
 * carta_upload_result_get_size:
 * @self: a #CartaUploadResult
 *
 * Returns: the number of bytes sent
 */
guint64
carta_upload_result_get_size (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), 0);
  return self->size;
}

/**
 * carta_upload_result_get_sha256:
 * @self: a #CartaUploadResult
 *
 * Returns: the lower-case hex SHA-256 of the bytes sent
 */
const char *
carta_upload_result_get_sha256 (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), NULL);
  return self->sha256;
}

/**
 * carta_upload_result_get_finished:
 * @self: a #CartaUploadResult
 *
 * Returns: (transfer none): when the upload finished
 */
GDateTime *
carta_upload_result_get_finished (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), NULL);
  return self->finished;
}

/**
 * carta_upload_result_get_duration:
 * @self: a #CartaUploadResult
 *
 * Returns: the seconds the whole send took, checks and retries included
 */
double
carta_upload_result_get_duration (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), 0);
  return self->duration;
}

/**
 * carta_upload_result_get_verified:
 * @self: a #CartaUploadResult
 *
 * Returns: %TRUE when the server confirmed the file's size after the
 *   upload; %FALSE when it does not allow looking (an upload-only share)
 */
gboolean
carta_upload_result_get_verified (CartaUploadResult *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOAD_RESULT (self), FALSE);
  return self->verified;
}

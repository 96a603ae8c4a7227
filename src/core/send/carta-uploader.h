/* carta-uploader.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-upload-result.h"

G_BEGIN_DECLS

#define CARTA_UPLOAD_ERROR (carta_upload_error_quark ())

/**
 * CartaUploadError:
 * @CARTA_UPLOAD_ERROR_INVALID_LINK: the text is not a usable link
 * @CARTA_UPLOAD_ERROR_INSECURE: the link is plain http:// to another computer
 * @CARTA_UPLOAD_ERROR_AUTH: the server refused the link or password (401, 403)
 * @CARTA_UPLOAD_ERROR_NOT_FOUND: the share or folder does not exist (404, 410)
 * @CARTA_UPLOAD_ERROR_TOO_LARGE: the server refuses a file this large (413)
 * @CARTA_UPLOAD_ERROR_SERVER_FULL: the server has no room left (507)
 * @CARTA_UPLOAD_ERROR_OFFLINE: the server cannot be reached
 * @CARTA_UPLOAD_ERROR_TLS: the server's certificate is not trusted
 * @CARTA_UPLOAD_ERROR_CONNECTION: the connection kept breaking, retries ran out
 * @CARTA_UPLOAD_ERROR_SERVER: the server failed or answered something unexpected
 * @CARTA_UPLOAD_ERROR_NAME_TAKEN: no free name was found for the file
 * @CARTA_UPLOAD_ERROR_VERIFY: the file on the server has the wrong size
 * @CARTA_UPLOAD_ERROR_LOCAL_FILE: the file to send cannot be read
 * @CARTA_UPLOAD_ERROR_UNKNOWN_HOST: no server has the link's name (DNS);
 *   most often a typing mistake
 * @CARTA_UPLOAD_ERROR_REFUSED: the server's computer answered but refused
 *   the connection
 * @CARTA_UPLOAD_ERROR_TIMED_OUT: the server did not answer in time, even
 *   after several tries
 *
 * Why a send failed. The messages are written for the person sending.
 */
typedef enum
{
  CARTA_UPLOAD_ERROR_INVALID_LINK,
  CARTA_UPLOAD_ERROR_INSECURE,
  CARTA_UPLOAD_ERROR_AUTH,
  CARTA_UPLOAD_ERROR_NOT_FOUND,
  CARTA_UPLOAD_ERROR_TOO_LARGE,
  CARTA_UPLOAD_ERROR_SERVER_FULL,
  CARTA_UPLOAD_ERROR_OFFLINE,
  CARTA_UPLOAD_ERROR_TLS,
  CARTA_UPLOAD_ERROR_CONNECTION,
  CARTA_UPLOAD_ERROR_SERVER,
  CARTA_UPLOAD_ERROR_NAME_TAKEN,
  CARTA_UPLOAD_ERROR_VERIFY,
  CARTA_UPLOAD_ERROR_LOCAL_FILE,
  CARTA_UPLOAD_ERROR_UNKNOWN_HOST,
  CARTA_UPLOAD_ERROR_REFUSED,
  CARTA_UPLOAD_ERROR_TIMED_OUT,
} CartaUploadError;

GQuark carta_upload_error_quark (void);

/**
 * CartaLinkKind:
 * @CARTA_LINK_KIND_NONE: no link set yet
 * @CARTA_LINK_KIND_SHARE: a Nextcloud or ownCloud public share (`/s/TOKEN`);
 *   only a share password may be needed
 * @CARTA_LINK_KIND_WEBDAV: any other WebDAV folder; a user name and
 *   password may be needed
 */
typedef enum
{
  CARTA_LINK_KIND_NONE,
  CARTA_LINK_KIND_SHARE,
  CARTA_LINK_KIND_WEBDAV,
} CartaLinkKind;

#define CARTA_TYPE_UPLOADER (carta_uploader_get_type ())

G_DECLARE_FINAL_TYPE (CartaUploader, carta_uploader, CARTA, UPLOADER, GObject)

CartaUploader     *carta_uploader_new           (void);
gboolean           carta_uploader_set_link      (CartaUploader        *self,
                                                 const char           *link,
                                                 GError              **error);
CartaLinkKind      carta_uploader_get_link_kind (CartaUploader        *self);
const char        *carta_uploader_get_host      (CartaUploader        *self);
const char        *carta_uploader_get_user      (CartaUploader        *self);
void               carta_uploader_set_user      (CartaUploader        *self,
                                                 const char           *user);
void               carta_uploader_set_password  (CartaUploader        *self,
                                                 const char           *password);
void               carta_uploader_upload_async  (CartaUploader        *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
CartaUploadResult *carta_uploader_upload_finish (CartaUploader        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS

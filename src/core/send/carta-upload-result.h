/* carta-upload-result.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CARTA_TYPE_UPLOAD_RESULT (carta_upload_result_get_type ())

G_DECLARE_FINAL_TYPE (CartaUploadResult, carta_upload_result, CARTA, UPLOAD_RESULT, GObject)

const char *carta_upload_result_get_host        (CartaUploadResult *self);
const char *carta_upload_result_get_remote_name (CartaUploadResult *self);
const char *carta_upload_result_get_location    (CartaUploadResult *self);
guint64     carta_upload_result_get_size        (CartaUploadResult *self);
const char *carta_upload_result_get_sha256      (CartaUploadResult *self);
GDateTime  *carta_upload_result_get_finished    (CartaUploadResult *self);
double      carta_upload_result_get_duration    (CartaUploadResult *self);
gboolean    carta_upload_result_get_verified    (CartaUploadResult *self);

G_END_DECLS

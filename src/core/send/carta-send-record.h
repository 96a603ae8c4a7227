/* carta-send-record.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "carta-upload-result.h"

G_BEGIN_DECLS

#define CARTA_TYPE_SEND_RECORD (carta_send_record_get_type ())

G_DECLARE_FINAL_TYPE (CartaSendRecord, carta_send_record, CARTA, SEND_RECORD, GObject)

CartaSendRecord *carta_send_record_new             (GDateTime         *sent,
                                                    const char        *host,
                                                    const char        *remote_name,
                                                    const char        *sha256,
                                                    guint64            size,
                                                    gboolean           verified);
CartaSendRecord *carta_send_record_new_from_result (CartaUploadResult *result);
GDateTime       *carta_send_record_get_sent        (CartaSendRecord   *self);
const char      *carta_send_record_get_host        (CartaSendRecord   *self);
const char      *carta_send_record_get_remote_name (CartaSendRecord   *self);
const char      *carta_send_record_get_sha256      (CartaSendRecord   *self);
guint64          carta_send_record_get_size        (CartaSendRecord   *self);
gboolean         carta_send_record_get_verified    (CartaSendRecord   *self);

G_END_DECLS

/* carta-send-record-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-send-record.h"

G_BEGIN_DECLS

JsonObject      *_carta_send_record_to_json   (gpointer          self);
CartaSendRecord *_carta_send_record_from_json (JsonObject       *object,
                                               GError          **error);

G_END_DECLS

/* carta-attachment-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-attachment.h"

G_BEGIN_DECLS

JsonObject      *_carta_attachment_to_json   (gpointer          self);
CartaAttachment *_carta_attachment_from_json (JsonObject       *object,
                                              GError          **error);

G_END_DECLS

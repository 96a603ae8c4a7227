/* carta-transplant-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-transplant.h"

G_BEGIN_DECLS

JsonObject *_carta_transplant_to_json   (gpointer     self);
gboolean    _carta_transplant_load_json (gpointer     self,
                                        JsonObject  *object,
                                        GError     **error);

G_END_DECLS

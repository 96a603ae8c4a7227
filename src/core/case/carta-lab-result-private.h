/* carta-lab-result-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-lab-result.h"

G_BEGIN_DECLS

JsonObject *_carta_lab_result_to_json   (gpointer     self);
gboolean    _carta_lab_result_load_json (gpointer     self,
                                        JsonObject  *object,
                                        GError     **error);

G_END_DECLS

/* carta-treatment-history-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-treatment-history.h"

G_BEGIN_DECLS

JsonObject *_carta_treatment_history_to_json   (CartaTreatmentHistory  *self);
gboolean    _carta_treatment_history_load_json (gpointer                data,
                                                JsonObject             *object,
                                                GError                **error);

G_END_DECLS

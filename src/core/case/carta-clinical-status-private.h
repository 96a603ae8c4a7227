/* carta-clinical-status-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-clinical-status.h"

G_BEGIN_DECLS

JsonObject *_carta_clinical_status_to_json   (CartaClinicalStatus  *self);
gboolean    _carta_clinical_status_load_json (gpointer              data,
                                              JsonObject           *object,
                                              GError              **error);

G_END_DECLS

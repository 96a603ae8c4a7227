/* carta-checklist-item-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-checklist-item.h"

G_BEGIN_DECLS

JsonObject         *_carta_checklist_item_to_json   (gpointer             self);
CartaChecklistItem *_carta_checklist_item_from_json (JsonObject          *object,
                                                     GError             **error);

G_END_DECLS

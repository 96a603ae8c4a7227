/* carta-checklist-row.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-checklist-item.h"
#include "carta-patient.h"

G_BEGIN_DECLS

#define CARTA_TYPE_CHECKLIST_ROW (carta_checklist_row_get_type ())

G_DECLARE_FINAL_TYPE (CartaChecklistRow, carta_checklist_row, CARTA, CHECKLIST_ROW, AdwActionRow)

GtkWidget          *carta_checklist_row_new            (CartaChecklistItem *item);
CartaChecklistItem *carta_checklist_row_get_item       (CartaChecklistRow  *self);
void                carta_checklist_row_set_flagged    (CartaChecklistRow  *self,
                                                        gboolean            flagged);
gboolean            carta_checklist_row_get_flagged    (CartaChecklistRow  *self);
void                carta_checklist_row_set_patient    (CartaChecklistRow  *self,
                                                        CartaPatient       *patient);
const char         *carta_checklist_row_get_identity_warning (CartaChecklistRow *self);
GtkWidget          *carta_checklist_row_get_status_button (CartaChecklistRow *self);

const char         *carta_item_status_get_label        (CartaItemStatus     status);
const char         *carta_item_status_get_icon_name    (CartaItemStatus     status);

G_END_DECLS

/* carta-attachment-row.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-attachment.h"
#include "carta-patient.h"

G_BEGIN_DECLS

#define CARTA_TYPE_ATTACHMENT_ROW (carta_attachment_row_get_type ())

G_DECLARE_FINAL_TYPE (CartaAttachmentRow, carta_attachment_row, CARTA, ATTACHMENT_ROW, AdwActionRow)

GtkWidget       *carta_attachment_row_new            (CartaAttachment    *attachment,
                                                      CartaPatient       *patient,
                                                      gboolean            flagged);
CartaAttachment *carta_attachment_row_get_attachment (CartaAttachmentRow *self);
void             carta_attachment_row_load_preview   (CartaAttachmentRow *self,
                                                      GFile              *case_dir,
                                                      int                 scale,
                                                      GCancellable       *cancellable);

G_END_DECLS

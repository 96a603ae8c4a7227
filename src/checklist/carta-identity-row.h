/* carta-identity-row.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-attachment.h"
#include "carta-identity.h"

G_BEGIN_DECLS

#define CARTA_TYPE_IDENTITY_ROW (carta_identity_row_get_type ())

G_DECLARE_FINAL_TYPE (CartaIdentityRow, carta_identity_row, CARTA, IDENTITY_ROW, AdwActionRow)

GtkWidget       *carta_identity_row_new            (CartaAttachment          *attachment,
                                                    const CartaIdentityCheck *check,
                                                    const char               *record_title);
CartaAttachment *carta_identity_row_get_attachment (CartaIdentityRow         *self);
GtkWidget       *carta_identity_row_get_button     (CartaIdentityRow         *self);

G_END_DECLS

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

GtkWidget *carta_identity_row_new (CartaAttachment          *attachment,
                                   const CartaIdentityCheck *check,
                                   const char               *record_title);

G_END_DECLS

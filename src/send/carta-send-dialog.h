/* carta-send-dialog.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARTA_TYPE_SEND_DIALOG (carta_send_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CartaSendDialog, carta_send_dialog, CARTA, SEND_DIALOG, AdwWindow)

CartaSendDialog *carta_send_dialog_new      (GtkWindow       *parent,
                                             GFile           *file);
GFile           *carta_send_dialog_get_file (CartaSendDialog *self);

G_END_DECLS

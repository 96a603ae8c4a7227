/* carta-send-dialog-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-send-dialog.h"
#include "carta-uploader.h"

G_BEGIN_DECLS

/* For the UI test: the widgets it drives, and the uploader to tune. */
typedef struct
{
  GtkEditable    *link_row;
  GtkEditable    *user_row;
  GtkEditable    *password_row;
  GtkButton      *send_button;
  GtkButton      *cancel_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
} CartaSendDialogWidgets;

void           _carta_send_dialog_get_widgets  (CartaSendDialog        *self,
                                                CartaSendDialogWidgets *widgets);
CartaUploader *_carta_send_dialog_get_uploader (CartaSendDialog        *self);
gboolean       _carta_send_dialog_is_busy      (CartaSendDialog        *self);

G_END_DECLS

/* carta-window.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-application.h"
#include "carta-session.h"

G_BEGIN_DECLS

#define CARTA_TYPE_WINDOW (carta_window_get_type ())

G_DECLARE_FINAL_TYPE (CartaWindow, carta_window, CARTA, WINDOW, AdwApplicationWindow)

CartaWindow *carta_window_new           (CartaApplication *application);
CartaSession *carta_window_get_session  (CartaWindow      *self);
CartaCase   *carta_window_get_case      (CartaWindow      *self);
void         carta_window_set_case      (CartaWindow      *self,
                                         CartaCase        *kase);
gboolean     carta_window_save_now      (CartaWindow      *self,
                                         GError          **error);
void         carta_window_show_page     (CartaWindow      *self,
                                         const char       *name);

G_END_DECLS

/* carta-window-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-window.h"

G_BEGIN_DECLS

/* What win.open-bundle does once the file chooser answered; the UI tests
 * call it directly, as they cannot answer a portal. */
void _carta_window_open_bundle (CartaWindow *self,
                                GFile       *file);

G_END_DECLS

/* carta-demo.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-case.h"

G_BEGIN_DECLS

gboolean carta_demo_populate (CartaCase     *kase,
                              GFile         *case_dir,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS

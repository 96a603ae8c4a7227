/* carta-application.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-store.h"

G_BEGIN_DECLS

#define CARTA_TYPE_APPLICATION (carta_application_get_type ())

G_DECLARE_FINAL_TYPE (CartaApplication, carta_application, CARTA, APPLICATION, AdwApplication)

CartaApplication *carta_application_new          (void);
CartaStore       *carta_application_get_store    (CartaApplication *self);
GSettings        *carta_application_get_settings (CartaApplication *self);

G_END_DECLS

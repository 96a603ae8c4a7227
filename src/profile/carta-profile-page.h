/* carta-profile-page.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-case.h"

G_BEGIN_DECLS

#define CARTA_TYPE_PROFILE_PAGE (carta_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (CartaProfilePage, carta_profile_page, CARTA, PROFILE_PAGE, AdwBin)

GtkWidget *carta_profile_page_new      (void);
CartaCase *carta_profile_page_get_case (CartaProfilePage *self);
void       carta_profile_page_set_case (CartaProfilePage *self,
                                        CartaCase        *kase);
gboolean   carta_profile_page_focus_field (CartaProfilePage *self,
                                           const char       *field);

G_END_DECLS

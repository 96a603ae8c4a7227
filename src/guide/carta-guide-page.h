/* carta-guide-page.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARTA_TYPE_GUIDE_PAGE (carta_guide_page_get_type ())

G_DECLARE_FINAL_TYPE (CartaGuidePage, carta_guide_page, CARTA, GUIDE_PAGE, AdwBin)

GtkWidget *carta_guide_page_new          (void);
void       carta_guide_page_start_search (CartaGuidePage *self);

G_END_DECLS

/* carta-export-page.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-case.h"

G_BEGIN_DECLS

#define CARTA_TYPE_EXPORT_PAGE (carta_export_page_get_type ())

G_DECLARE_FINAL_TYPE (CartaExportPage, carta_export_page, CARTA, EXPORT_PAGE, AdwBin)

CartaCase *carta_export_page_get_case (CartaExportPage *self);
void       carta_export_page_set_case (CartaExportPage *self,
                                       CartaCase       *kase);
const char *carta_export_page_get_summary_language (CartaExportPage *self);

G_END_DECLS

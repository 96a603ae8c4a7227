/* carta-checklist-page.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-store.h"

G_BEGIN_DECLS

#define CARTA_TYPE_CHECKLIST_PAGE (carta_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (CartaChecklistPage, carta_checklist_page, CARTA, CHECKLIST_PAGE, GtkWidget)

GtkWidget          *carta_checklist_page_new             (void);
CartaCase          *carta_checklist_page_get_case        (CartaChecklistPage *self);
void                carta_checklist_page_set_case        (CartaChecklistPage *self,
                                                          CartaCase          *kase);
void                carta_checklist_page_set_store       (CartaChecklistPage *self,
                                                          CartaStore         *store);
CartaChecklistItem *carta_checklist_page_add_custom_item (CartaChecklistPage *self,
                                                          const char         *category,
                                                          const char         *title);
void                carta_checklist_page_open_item       (CartaChecklistPage *self,
                                                          CartaChecklistItem *item);
gboolean            carta_checklist_page_close_item      (CartaChecklistPage *self);
gboolean            carta_checklist_page_start_search    (CartaChecklistPage *self);

G_END_DECLS

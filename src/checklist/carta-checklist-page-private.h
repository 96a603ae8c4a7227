/* carta-checklist-page-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-checklist-page.h"
#include "carta-item-view.h"

G_BEGIN_DECLS

/* For tests, which drive the real widgets. */
GtkLabel     *_carta_checklist_page_get_progress_label (CartaChecklistPage *self);
GtkListBox   *_carta_checklist_page_get_group_list     (CartaChecklistPage *self,
                                                        const char         *category);
CartaItemView *_carta_checklist_page_get_item_view     (CartaChecklistPage *self);
CartaStore   *_carta_checklist_page_get_store          (CartaChecklistPage *self);

G_END_DECLS

/* carta-item-view.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-store.h"

G_BEGIN_DECLS

#define CARTA_TYPE_ITEM_VIEW (carta_item_view_get_type ())

G_DECLARE_FINAL_TYPE (CartaItemView, carta_item_view, CARTA, ITEM_VIEW, GtkWidget)

CartaChecklistItem *carta_item_view_get_item     (CartaItemView      *self);
void                carta_item_view_set_item     (CartaItemView      *self,
                                                  CartaStore         *store,
                                                  CartaCase          *kase,
                                                  CartaChecklistItem *item);
void                carta_item_view_set_flagged  (CartaItemView      *self,
                                                  GHashTable         *flagged);
void                carta_item_view_import_files (CartaItemView      *self,
                                                  GSList             *files);
gboolean            carta_item_view_is_busy      (CartaItemView      *self);

/* For tests. */
AdwComboRow        *_carta_item_view_get_status_row (CartaItemView   *self);

G_END_DECLS

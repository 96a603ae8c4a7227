/* carta-list-row.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _CartaListKind CartaListKind;

#define CARTA_TYPE_LIST_ROW (carta_list_row_get_type ())

G_DECLARE_FINAL_TYPE (CartaListRow, carta_list_row, CARTA, LIST_ROW, AdwExpanderRow)

GtkWidget *carta_list_row_new             (const CartaListKind *kind,
                                           GObject             *item,
                                           guint                index,
                                           guint                n_items);
GObject   *carta_list_row_get_item        (CartaListRow        *self);
GtkWidget *carta_list_row_add_field       (CartaListRow        *self,
                                           GtkWidget           *field);
GtkWidget *carta_list_row_get_first_field (CartaListRow        *self);
void       carta_list_row_set_warning     (CartaListRow        *self,
                                           gboolean             warning);
void       carta_list_row_focus_order     (CartaListRow        *self,
                                           gboolean             up);

G_END_DECLS

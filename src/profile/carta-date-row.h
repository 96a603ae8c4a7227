/* carta-date-row.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARTA_TYPE_DATE_ROW (carta_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CartaDateRow, carta_date_row, CARTA, DATE_ROW, AdwActionRow)

GtkWidget  *carta_date_row_new           (const char   *title);
const char *carta_date_row_get_date      (CartaDateRow *self);
void        carta_date_row_set_date      (CartaDateRow *self,
                                          const char   *iso_date);
void        carta_date_row_set_extra_error (CartaDateRow *self,
                                            const char   *message);
void        carta_date_row_set_show_age  (CartaDateRow *self,
                                          gboolean      show_age);

G_END_DECLS

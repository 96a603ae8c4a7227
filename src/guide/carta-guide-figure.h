/* carta-guide-figure.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "carta-guide-section.h"

G_BEGIN_DECLS

#define CARTA_TYPE_GUIDE_FIGURE (carta_guide_figure_get_type ())

G_DECLARE_FINAL_TYPE (CartaGuideFigure, carta_guide_figure, CARTA, GUIDE_FIGURE, GtkWidget)

GtkWidget *carta_guide_figure_new (const CartaGuideBlock *block);

G_END_DECLS

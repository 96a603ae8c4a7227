/* carta-guide-page-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-guide-page.h"

G_BEGIN_DECLS

/* For the tests: what the page shows. */
GtkSearchBar *_carta_guide_page_get_search_bar      (CartaGuidePage *self);
GtkEditable  *_carta_guide_page_get_search_entry    (CartaGuidePage *self);
const char   *_carta_guide_page_get_applied_query   (CartaGuidePage *self);
GStrv         _carta_guide_page_dup_visible_ids     (CartaGuidePage *self);
GtkWidget    *_carta_guide_page_get_section_widget  (CartaGuidePage *self,
                                                     const char     *id);
gboolean      _carta_guide_page_shows_no_results    (CartaGuidePage *self);
GPtrArray    *_carta_guide_page_get_figures         (CartaGuidePage *self);
GtkListBox   *_carta_guide_page_get_toc             (CartaGuidePage *self);
gboolean      _carta_guide_page_jump_to             (CartaGuidePage *self,
                                                     const char     *id);
double        _carta_guide_page_get_scroll_offset   (CartaGuidePage *self);

G_END_DECLS

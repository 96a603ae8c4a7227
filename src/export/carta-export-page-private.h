/* carta-export-page-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-export-page.h"

G_BEGIN_DECLS

/* For the UI tests: export without the file chooser, and look inside. */
void        _carta_export_page_export_to        (CartaExportPage *self,
                                                 GFile           *destination);
gboolean    _carta_export_page_is_busy          (CartaExportPage *self);
GFile      *_carta_export_page_get_bundle       (CartaExportPage *self);
GtkListBox *_carta_export_page_get_history_list (CartaExportPage *self);
GtkListBox *_carta_export_page_get_identity_list (CartaExportPage *self);
void        _carta_export_page_get_review_lists (CartaExportPage  *self,
                                                 GtkListBox      **to_check,
                                                 GtkListBox      **missing,
                                                 GtkListBox      **covered);

G_END_DECLS

/* carta-guide-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-guide.h"

G_BEGIN_DECLS

/* Returns the translation of @msgid, or @msgid itself. @msgid is the
 * string exactly as xgettext writes it into the pot file. */
typedef const char *(*CartaGuideTranslateFunc) (const char *msgid,
                                                gpointer    user_data);

CartaGuide        *_carta_guide_parse                (const char              *data,
                                                      gssize                   length,
                                                      CartaGuideTranslateFunc  translate,
                                                      gpointer                 user_data,
                                                      GError                 **error);

CartaGuideSection *_carta_guide_section_new          (const char              *id);
void               _carta_guide_section_set_heading  (CartaGuideSection       *self,
                                                      const char              *heading);
void               _carta_guide_section_take_block   (CartaGuideSection       *self,
                                                      CartaGuideBlock         *block);
CartaGuideBlock   *_carta_guide_block_new            (CartaGuideBlockKind      kind);
void               _carta_guide_block_free           (CartaGuideBlock         *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CartaGuideBlock, _carta_guide_block_free)

G_END_DECLS

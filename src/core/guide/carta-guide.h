/* carta-guide.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-guide-section.h"

G_BEGIN_DECLS

#define CARTA_TYPE_GUIDE (carta_guide_get_type ())

G_DECLARE_FINAL_TYPE (CartaGuide, carta_guide, CARTA, GUIDE, GObject)

CartaGuide        *carta_guide_new_from_bytes    (GBytes      *bytes,
                                                  GError     **error);
CartaGuide        *carta_guide_new_from_resource (const char  *path,
                                                  GError     **error);
const char        *carta_guide_get_title         (CartaGuide  *self);
const char        *carta_guide_get_summary       (CartaGuide  *self);
const char        *carta_guide_get_disclaimer    (CartaGuide  *self);
GDateTime         *carta_guide_get_reviewed      (CartaGuide  *self);
guint              carta_guide_get_n_sections    (CartaGuide  *self);
CartaGuideSection *carta_guide_get_section       (CartaGuide  *self,
                                                  guint        position);
CartaGuideSection *carta_guide_find_section      (CartaGuide  *self,
                                                  const char  *id);
GPtrArray         *carta_guide_search            (CartaGuide  *self,
                                                  const char  *query);

GArray            *carta_guide_find_matches      (const char  *text,
                                                  const char  *query);

G_END_DECLS

/* carta-version-editor.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-case.h"

G_BEGIN_DECLS

#define CARTA_TYPE_VERSION_EDITOR (carta_version_editor_get_type ())

G_DECLARE_FINAL_TYPE (CartaVersionEditor, carta_version_editor, CARTA, VERSION_EDITOR, AdwBin)

const char *carta_version_editor_get_language (CartaVersionEditor *self);
void        carta_version_editor_set_language (CartaVersionEditor *self,
                                               const char         *language);
char       *carta_version_editor_dup_text     (CartaVersionEditor *self);
void        carta_version_editor_set_text     (CartaVersionEditor *self,
                                               const char         *text);
char       *carta_version_editor_pick_language (CartaCase         *kase);

G_END_DECLS

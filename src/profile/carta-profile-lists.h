/* carta-profile-lists.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-list-group.h"

G_BEGIN_DECLS

/* The lists of records on the case page. */
extern const CartaListKind carta_profile_contacts_kind;
extern const CartaListKind carta_profile_lines_kind;
extern const CartaListKind carta_profile_transplants_kind;
extern const CartaListKind carta_profile_carts_kind;
extern const CartaListKind carta_profile_labs_kind;

/* Transforms for binding the case to the rows that edit it. */
gboolean carta_profile_null_to_empty (GBinding     *binding,
                                      const GValue *from,
                                      GValue       *to,
                                      gpointer      user_data);
gboolean carta_profile_enum_to_uint  (GBinding     *binding,
                                      const GValue *from,
                                      GValue       *to,
                                      gpointer      user_data);
gboolean carta_profile_uint_to_enum  (GBinding     *binding,
                                      const GValue *from,
                                      GValue       *to,
                                      gpointer      user_data);

void     carta_profile_set_labels    (AdwComboRow  *row,
                                      const char *(*to_label) (int value),
                                      guint         n_values);

G_END_DECLS

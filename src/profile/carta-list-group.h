/* carta-list-group.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-case.h"
#include "carta-list-row.h"

G_BEGIN_DECLS

/* What differs between the lists of records of a case. The labels are
 * marked with N_() and translated when shown. */
struct _CartaListKind
{
  GListModel *(*get_model) (CartaCase    *kase);
  void        (*insert)    (CartaCase    *kase,
                            guint         position,
                            gpointer      item);
  gboolean    (*remove)    (CartaCase    *kase,
                            gpointer      item,
                            guint        *position);
  /* NULL for a list whose order does not matter. */
  gboolean    (*move)      (CartaCase    *kase,
                            gpointer      item,
                            guint         position);
  GType       (*get_type)  (void);
  /* Adds the fields of @item to @row, with carta_list_row_add_field(). */
  void        (*fill)      (CartaListRow *row,
                            GObject      *item);
  /* Sets the title and subtitle of the folded @row; called again
   * whenever @item changes. */
  void        (*describe)  (CartaListRow *row,
                            GObject      *item,
                            guint         index);
  const char   *add_label;
  const char   *remove_label;
  const char   *removed_message;
  const char   *empty_message;
};

#define CARTA_TYPE_LIST_GROUP (carta_list_group_get_type ())

G_DECLARE_FINAL_TYPE (CartaListGroup, carta_list_group, CARTA, LIST_GROUP, AdwPreferencesGroup)

GtkWidget           *carta_list_group_new      (void);
CartaCase           *carta_list_group_get_case (CartaListGroup      *self);
void                 carta_list_group_set_case (CartaListGroup      *self,
                                                CartaCase           *kase);
const CartaListKind *carta_list_group_get_kind (CartaListGroup      *self);
void                 carta_list_group_set_kind (CartaListGroup      *self,
                                                const CartaListKind *kind);
GtkWidget           *carta_list_group_focus_record (CartaListGroup  *self,
                                                    int              position);

G_END_DECLS

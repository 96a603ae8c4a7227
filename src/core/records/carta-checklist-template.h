/* carta-checklist-template.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-case.h"
#include "carta-catalog.h"

G_BEGIN_DECLS

typedef struct _CartaTemplateCategory CartaTemplateCategory;
typedef struct _CartaTemplateItem     CartaTemplateItem;

/**
 * CartaTemplateCategory:
 * @key: the stable key cases store
 * @title: the untranslated title (a gettext msgid)
 * @optional: whether every item of the category is asked for only if available
 * @items: (element-type CartaTemplateItem): the items, in template order
 *
 * A group of records in the checklist template. Read only.
 */
struct _CartaTemplateCategory
{
  char      *key;
  char      *title;
  gboolean   optional;
  GPtrArray *items;
};

/**
 * CartaTemplateItem:
 * @key: the stable key cases store as the item's template key
 * @category: the category it belongs to
 * @title: the untranslated title (a gettext msgid)
 * @why: the untranslated one-line reason the record is needed
 * @optional: whether it is asked for only if available
 * @case_field: (nullable): the part of the Case page that holds what
 *   this record shows (`ecog`, `target`, `lines`, `transplants` or
 *   `prior-carts`), see carta_checklist_template_describe_case_value()
 *
 * One record in the checklist template. Read only.
 */
struct _CartaTemplateItem
{
  char                  *key;
  CartaTemplateCategory *category;
  char                  *title;
  char                  *why;
  gboolean               optional;
  const char            *case_field;
};

#define CARTA_TYPE_CHECKLIST_TEMPLATE (carta_checklist_template_get_type ())

G_DECLARE_FINAL_TYPE (CartaChecklistTemplate, carta_checklist_template, CARTA, CHECKLIST_TEMPLATE, GObject)

CartaChecklistTemplate      *carta_checklist_template_get_default       (void);
CartaChecklistTemplate      *carta_checklist_template_new_from_bytes    (GBytes                 *bytes,
                                                                         GError                **error);
guint                        carta_checklist_template_get_n_categories  (CartaChecklistTemplate *self);
const CartaTemplateCategory *carta_checklist_template_get_category      (CartaChecklistTemplate *self,
                                                                         guint                   position);
const CartaTemplateCategory *carta_checklist_template_lookup_category   (CartaChecklistTemplate *self,
                                                                         const char             *key);
guint                        carta_checklist_template_get_n_items       (CartaChecklistTemplate *self);
const CartaTemplateItem     *carta_checklist_template_lookup_item       (CartaChecklistTemplate *self,
                                                                         const char             *key);
void                         carta_checklist_template_seed_case         (CartaChecklistTemplate *self,
                                                                         CartaCase              *kase);
const char                  *carta_checklist_template_get_category_title (CartaChecklistTemplate *self,
                                                                         const char             *key);
const char                  *carta_checklist_template_get_item_title    (CartaChecklistTemplate *self,
                                                                         CartaChecklistItem     *item);
const char                  *carta_checklist_template_get_item_why      (CartaChecklistTemplate *self,
                                                                         CartaChecklistItem     *item);
const char                  *carta_checklist_template_get_category_title_in (CartaChecklistTemplate *self,
                                                                             const char             *key,
                                                                             CartaCatalog           *catalog);
const char                  *carta_checklist_template_get_item_title_in (CartaChecklistTemplate *self,
                                                                         CartaChecklistItem     *item,
                                                                         CartaCatalog           *catalog);
const char                  *carta_checklist_template_get_item_why_in   (CartaChecklistTemplate *self,
                                                                         CartaChecklistItem     *item,
                                                                         CartaCatalog           *catalog);
gboolean                     carta_checklist_template_is_item_optional  (CartaChecklistTemplate *self,
                                                                         CartaChecklistItem     *item);
CartaChecklistItem          *carta_checklist_template_find_case_item (CartaChecklistTemplate *self,
                                                                      CartaCase              *kase,
                                                                      const char             *key);
char                        *carta_checklist_template_describe_case_value (CartaChecklistTemplate *self,
                                                                           CartaCase              *kase,
                                                                           CartaChecklistItem     *item);
void                         carta_checklist_template_count             (CartaChecklistTemplate *self,
                                                                         GListModel             *items,
                                                                         const char             *category,
                                                                         guint                  *ready,
                                                                         guint                  *total);

gboolean                     carta_item_status_is_ready                 (CartaItemStatus         status);

G_END_DECLS

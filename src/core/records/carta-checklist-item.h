/* carta-checklist-item.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-attachment.h"

G_BEGIN_DECLS

/**
 * CartaItemStatus:
 * @CARTA_ITEM_STATUS_NEEDED: the record is still needed
 * @CARTA_ITEM_STATUS_REQUESTED: the family asked a hospital for it
 * @CARTA_ITEM_STATUS_RECEIVED: the family has it
 * @CARTA_ITEM_STATUS_NOT_APPLICABLE: it does not apply to this patient
 */
typedef enum
{
  CARTA_ITEM_STATUS_NEEDED,
  CARTA_ITEM_STATUS_REQUESTED,
  CARTA_ITEM_STATUS_RECEIVED,
  CARTA_ITEM_STATUS_NOT_APPLICABLE,
} CartaItemStatus;

#define CARTA_TYPE_ITEM_STATUS (carta_item_status_get_type ())
GType carta_item_status_get_type (void);

const char *carta_item_status_to_string   (CartaItemStatus  status);
gboolean    carta_item_status_from_string (const char      *text,
                                           CartaItemStatus *status);

#define CARTA_TYPE_CHECKLIST_ITEM (carta_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (CartaChecklistItem, carta_checklist_item, CARTA, CHECKLIST_ITEM, GObject)

CartaChecklistItem *carta_checklist_item_new               (const char         *template_key,
                                                            const char         *category);
CartaChecklistItem *carta_checklist_item_new_custom        (const char         *title,
                                                            const char         *category);
const char         *carta_checklist_item_get_id            (CartaChecklistItem *self);
const char         *carta_checklist_item_get_template_key  (CartaChecklistItem *self);
const char         *carta_checklist_item_get_title         (CartaChecklistItem *self);
void                carta_checklist_item_set_title         (CartaChecklistItem *self,
                                                            const char         *title);
const char         *carta_checklist_item_get_category      (CartaChecklistItem *self);
void                carta_checklist_item_set_category      (CartaChecklistItem *self,
                                                            const char         *category);
CartaItemStatus     carta_checklist_item_get_status        (CartaChecklistItem *self);
void                carta_checklist_item_set_status        (CartaChecklistItem *self,
                                                            CartaItemStatus     status);
const char         *carta_checklist_item_get_notes         (CartaChecklistItem *self);
void                carta_checklist_item_set_notes         (CartaChecklistItem *self,
                                                            const char         *notes);
const char         *carta_checklist_item_get_notes_translation (CartaChecklistItem *self,
                                                                const char         *language);
void                carta_checklist_item_set_notes_translation (CartaChecklistItem *self,
                                                                const char         *language,
                                                                const char         *text);
GStrv               carta_checklist_item_dup_notes_languages   (CartaChecklistItem *self);
const char         *carta_checklist_item_get_document_date (CartaChecklistItem *self);
gboolean            carta_checklist_item_set_document_date (CartaChecklistItem *self,
                                                            const char         *iso_date);
GListModel         *carta_checklist_item_get_attachments   (CartaChecklistItem *self);
void                carta_checklist_item_add_attachment    (CartaChecklistItem *self,
                                                            CartaAttachment    *attachment);
void                carta_checklist_item_insert_attachment (CartaChecklistItem *self,
                                                            guint               position,
                                                            CartaAttachment    *attachment);
gboolean            carta_checklist_item_remove_attachment (CartaChecklistItem *self,
                                                            CartaAttachment    *attachment);
gboolean            carta_checklist_item_rename_attachment (CartaChecklistItem *self,
                                                            CartaAttachment    *attachment,
                                                            const char         *display_name);
gboolean            carta_checklist_item_move_attachment   (CartaChecklistItem *self,
                                                            CartaAttachment    *attachment,
                                                            CartaChecklistItem *target,
                                                            guint               position);

G_END_DECLS

/* carta-attachment.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CARTA_TYPE_ATTACHMENT (carta_attachment_get_type ())

G_DECLARE_FINAL_TYPE (CartaAttachment, carta_attachment, CARTA, ATTACHMENT, GObject)

CartaAttachment *carta_attachment_new               (void);
const char      *carta_attachment_get_id            (CartaAttachment *self);
const char      *carta_attachment_get_original_name (CartaAttachment *self);
void             carta_attachment_set_original_name (CartaAttachment *self,
                                                     const char      *original_name);
const char      *carta_attachment_get_stored_path   (CartaAttachment *self);
void             carta_attachment_set_stored_path   (CartaAttachment *self,
                                                     const char      *stored_path);
guint64          carta_attachment_get_size          (CartaAttachment *self);
void             carta_attachment_set_size          (CartaAttachment *self,
                                                     guint64          size);
const char      *carta_attachment_get_sha256        (CartaAttachment *self);
void             carta_attachment_set_sha256        (CartaAttachment *self,
                                                     const char      *sha256);
const char      *carta_attachment_get_content_type  (CartaAttachment *self);
void             carta_attachment_set_content_type  (CartaAttachment *self,
                                                     const char      *content_type);
GDateTime       *carta_attachment_get_added         (CartaAttachment *self);
void             carta_attachment_set_added         (CartaAttachment *self,
                                                     GDateTime       *added);

G_END_DECLS

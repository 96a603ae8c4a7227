/* carta-attachment.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-dicom-summary.h"

G_BEGIN_DECLS

/**
 * CartaAttachmentKind:
 * @CARTA_ATTACHMENT_KIND_FILE: one file, stored as `blobs/ab/<sha256>`
 * @CARTA_ATTACHMENT_KIND_IMAGING: an imaging disc: a folder of DICOM files
 *   stored as `discs/<id>/`, whose @sha256 is that of its manifest
 *   `discs/<id>.sha256`, with a #CartaDicomSummary
 *
 * What an attachment holds.
 */
typedef enum
{
  CARTA_ATTACHMENT_KIND_FILE,
  CARTA_ATTACHMENT_KIND_IMAGING,
} CartaAttachmentKind;

#define CARTA_TYPE_ATTACHMENT_KIND (carta_attachment_kind_get_type ())
GType carta_attachment_kind_get_type (void);

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
CartaAttachmentKind carta_attachment_get_kind       (CartaAttachment *self);
void             carta_attachment_set_kind          (CartaAttachment *self,
                                                     CartaAttachmentKind kind);
CartaDicomSummary *carta_attachment_get_dicom_summary (CartaAttachment   *self);
void             carta_attachment_set_dicom_summary (CartaAttachment   *self,
                                                     CartaDicomSummary *summary);
gboolean         carta_attachment_get_identity_confirmed (CartaAttachment *self);
void             carta_attachment_set_identity_confirmed (CartaAttachment *self,
                                                          gboolean         confirmed);

const char      *carta_attachment_get_display_name  (CartaAttachment *self);
void             carta_attachment_set_display_name  (CartaAttachment *self,
                                                     const char      *display_name);
const char      *carta_attachment_get_label         (CartaAttachment *self);

G_END_DECLS

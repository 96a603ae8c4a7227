/* carta-photo-pdf-dialog.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARTA_TYPE_PHOTO_PDF_DIALOG (carta_photo_pdf_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CartaPhotoPdfDialog, carta_photo_pdf_dialog, CARTA, PHOTO_PDF_DIALOG, AdwWindow)

CartaPhotoPdfDialog *carta_photo_pdf_dialog_new       (GtkWindow           *parent,
                                                       const char          *name);
void                 carta_photo_pdf_dialog_add_photo (CartaPhotoPdfDialog *self,
                                                       GFile               *file,
                                                       const char          *id,
                                                       const char          *label,
                                                       const char          *content_type);
void                 carta_photo_pdf_dialog_get_pages (CartaPhotoPdfDialog  *self,
                                                       GStrv                *ids,
                                                       int                 **rotations);

G_END_DECLS

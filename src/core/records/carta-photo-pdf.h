/* carta-photo-pdf.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest side of a page image, in pixels: sharp enough to read a
 * photographed report, small enough to send. */
#define CARTA_PHOTO_PDF_MAX_PIXELS 2000

gboolean carta_photo_pdf_write        (const char * const  *image_paths,
                                       const int           *rotations,
                                       const char          *pdf_path,
                                       const char          *title,
                                       GCancellable        *cancellable,
                                       GError             **error);
void     carta_photo_pdf_write_async  (const char * const  *image_paths,
                                       const int           *rotations,
                                       const char          *pdf_path,
                                       const char          *title,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean carta_photo_pdf_write_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS

/* carta-thumbnail.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    carta_thumbnail_can_preview (const char          *content_type);
void        carta_thumbnail_load_async  (GFile               *file,
                                         const char          *content_type,
                                         int                  size,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GdkTexture *carta_thumbnail_load_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS

/* carta-progress-stream.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CARTA_TYPE_PROGRESS_STREAM (carta_progress_stream_get_type ())

G_DECLARE_FINAL_TYPE (CartaProgressStream, carta_progress_stream, CARTA, PROGRESS_STREAM, GFilterInputStream)

/**
 * CartaProgressStreamFunc:
 * @bytes_read: bytes read through the stream so far
 * @user_data: data given to carta_progress_stream_new()
 *
 * Called, in the reading thread, after every read.
 */
typedef void (*CartaProgressStreamFunc) (guint64  bytes_read,
                                         gpointer user_data);

CartaProgressStream *carta_progress_stream_new        (GInputStream        *base_stream,
                                                       CartaProgressStreamFunc  func,
                                                       gpointer             user_data);
guint64              carta_progress_stream_get_bytes_read (CartaProgressStream *self);

G_END_DECLS

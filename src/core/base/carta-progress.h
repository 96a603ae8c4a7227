/* carta-progress.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CartaProgressFunc:
 * @done: bytes handled so far
 * @total: bytes to handle in all, or 0 while it is not known
 * @user_data: the data given with the function
 *
 * Reports the progress of a long task: importing, checking stored
 * copies, writing a bundle, hashing. With the `_async` functions it is
 * always called in the thread-default main context of the caller, never
 * after the task's callback.
 */
typedef void (*CartaProgressFunc) (guint64  done,
                                   guint64  total,
                                   gpointer user_data);

G_END_DECLS

/* carta-progress-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-progress.h"

G_BEGIN_DECLS

/* Progress of a task that works in a thread, reported in the context
 * that started it. Reports are coalesced: at most one waits in that
 * context at a time, and it reads the latest figures when it runs. */
typedef struct
{
  CartaProgressFunc  func;
  gpointer           data;
  GDestroyNotify     data_destroy;
  GMainContext      *context;

  GMutex             lock;
  guint64            done;
  guint64            total;
  gboolean           pending;
} CartaProgress;

void _carta_progress_init      (CartaProgress     *self,
                                CartaProgressFunc  func,
                                gpointer           data,
                                GDestroyNotify     data_destroy);
void _carta_progress_clear     (CartaProgress     *self);
void _carta_progress_set_total (CartaProgress     *self,
                                guint64            total);
void _carta_progress_add       (CartaProgress     *self,
                                GTask             *task,
                                guint64            bytes);
void _carta_progress_update    (CartaProgress     *self,
                                GTask             *task,
                                guint64            done,
                                guint64            total);

G_END_DECLS

/* carta-import.h
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
 * CartaProgressFunc:
 * @done: bytes handled so far
 * @total: bytes to handle in all (known once the sources were listed)
 * @user_data: the data given with the function
 *
 * Reports the progress of a long task. With the `_async` functions it is
 * always called in the thread-default main context of the caller, never
 * after the task's callback.
 */
typedef void (*CartaProgressFunc) (guint64  done,
                                   guint64  total,
                                   gpointer user_data);

void       carta_import_files_async  (GFile               *case_dir,
                                      GListModel          *files,
                                      CartaProgressFunc    progress,
                                      gpointer             progress_data,
                                      GDestroyNotify       progress_data_destroy,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GPtrArray *carta_import_files_finish (GAsyncResult        *result,
                                      GPtrArray          **skipped,
                                      GError             **error);
GPtrArray *carta_import_files        (GFile               *case_dir,
                                      GListModel          *files,
                                      CartaProgressFunc    progress,
                                      gpointer             progress_data,
                                      GCancellable        *cancellable,
                                      GPtrArray          **skipped,
                                      GError             **error);

G_END_DECLS

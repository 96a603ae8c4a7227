/* carta-import.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-attachment.h"
#include "carta-progress.h"

G_BEGIN_DECLS

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

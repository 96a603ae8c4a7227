/* carta-verify.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-attachment.h"
#include "carta-case.h"
#include "carta-import.h"

G_BEGIN_DECLS

gboolean   carta_verify_attachment   (GFile               *case_dir,
                                      CartaAttachment     *attachment,
                                      GCancellable        *cancellable,
                                      GError             **error);
void       carta_verify_case_async   (GFile               *case_dir,
                                      CartaCase           *kase,
                                      CartaProgressFunc    progress,
                                      gpointer             progress_data,
                                      GDestroyNotify       progress_data_destroy,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GPtrArray *carta_verify_case_finish  (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS

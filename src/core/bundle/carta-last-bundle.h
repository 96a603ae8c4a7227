/* carta-last-bundle.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The last bundle exported and checked for each case, remembered across
 * restarts so that it can be sent again without exporting again. */

gboolean  carta_last_bundle_remember     (const char           *case_id,
                                          GFile                *bundle,
                                          const char           *sha256,
                                          GError              **error);
GFile    *carta_last_bundle_recall       (const char           *case_id,
                                          char                **sha256);
void      carta_last_bundle_forget       (const char           *case_id);

void      carta_last_bundle_check_async  (GFile                *bundle,
                                          const char           *sha256,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
char     *carta_last_bundle_check_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS

/* carta-store-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-store.h"

G_BEGIN_DECLS

/* A deleted case's folder is set aside under this prefix until Undo
 * expires; its id stays taken meanwhile. */
#define CARTA_STORE_DELETED_PREFIX ".deleted-"

/* Called after the new contents are written and synced to the temporary
 * file, before it replaces case.json: tests inject failures here. */
typedef gboolean (*CartaStoreWriteHook) (const char  *temp_path,
                                         gpointer     user_data,
                                         GError     **error);

void _carta_store_set_write_hook (CartaStore          *self,
                                  CartaStoreWriteHook  hook,
                                  gpointer             user_data);

/* Writes @data to @path atomically and durably, with mode 0600: a
 * temporary file beside it, fsync, rename, fsync of the folder. With
 * @backup, the previous version stays as `path.bak`. */
gboolean _carta_write_file_atomic (const char           *path,
                                   const char           *data,
                                   gsize                 length,
                                   gboolean              backup,
                                   CartaStoreWriteHook   hook,
                                   gpointer              hook_data,
                                   GError              **error);

G_END_DECLS

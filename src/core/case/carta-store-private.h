/* carta-store-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-fs-private.h"
#include "carta-store.h"

G_BEGIN_DECLS

/* Called after the new contents are written and synced to the temporary
 * file, before it replaces case.json: tests inject failures here. */
typedef CartaWriteHook CartaStoreWriteHook;

void _carta_store_set_write_hook (CartaStore          *self,
                                  CartaStoreWriteHook  hook,
                                  gpointer             user_data);

/* For carta_bundle_reader_import(): where a bundle is unpacked, and how
 * its case folder joins the store. */
char     *_carta_store_create_staging_folder (CartaStore  *self,
                                              GError     **error);
gboolean  _carta_store_id_is_used_on_disk    (CartaStore  *self,
                                              const char  *id);
gboolean  _carta_store_adopt_folder          (CartaStore  *self,
                                              const char  *folder,
                                              const char  *id,
                                              GError     **error);

G_END_DECLS

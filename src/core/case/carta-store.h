/* carta-store.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-case.h"

G_BEGIN_DECLS

#define CARTA_TYPE_STORE (carta_store_get_type ())

G_DECLARE_FINAL_TYPE (CartaStore, carta_store, CARTA, STORE, GObject)

/**
 * CartaStoreProblem:
 * @id: the folder name (the case id) that failed to load
 * @error: what went wrong, naming the file
 * @has_backup: whether a `case.json.bak` exists to fall back on
 *
 * A case that could not be opened. Its files are left untouched.
 */
typedef struct
{
  char     *id;
  GError   *error;
  gboolean  has_backup;
} CartaStoreProblem;

CartaStore *carta_store_new                (GFile                *root);
CartaStore *carta_store_new_default        (void);
GFile      *carta_store_get_root           (CartaStore           *self);
GListModel *carta_store_get_cases          (CartaStore           *self);
GPtrArray  *carta_store_get_problems       (CartaStore           *self);
gboolean    carta_store_load               (CartaStore           *self,
                                            GError              **error);
CartaCase  *carta_store_load_case          (CartaStore           *self,
                                            const char           *id,
                                            GError              **error);
CartaCase  *carta_store_find_case          (CartaStore           *self,
                                            const char           *id);
GFile      *carta_store_get_case_dir       (CartaStore           *self,
                                            CartaCase            *kase);
CartaCase  *carta_store_create_case        (CartaStore           *self,
                                            const char           *title,
                                            GError              **error);
gboolean    carta_store_add_case           (CartaStore           *self,
                                            CartaCase            *kase,
                                            GError              **error);
gboolean    carta_store_save_case          (CartaStore           *self,
                                            CartaCase            *kase,
                                            GError              **error);
void        carta_store_save_case_async    (CartaStore           *self,
                                            CartaCase            *kase,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    carta_store_save_case_finish   (CartaStore           *self,
                                            GAsyncResult         *result,
                                            GError              **error);
gboolean    carta_store_delete_case        (CartaStore           *self,
                                            CartaCase            *kase,
                                            GError              **error);
gboolean    carta_store_undelete_case      (CartaStore           *self,
                                            CartaCase            *kase,
                                            GError              **error);
void        carta_store_purge_deleted      (CartaStore           *self,
                                            const char           *id);
gboolean    carta_store_discard_case       (CartaStore           *self,
                                            CartaCase            *kase,
                                            GError              **error);
CartaCase  *carta_store_restore_backup     (CartaStore           *self,
                                            const char           *id,
                                            GError              **error);

gboolean    carta_case_save_to_folder      (CartaCase            *kase,
                                            GFile                *folder,
                                            GError              **error);
CartaCase  *carta_case_load_from_folder    (GFile                *folder,
                                            GError              **error);

G_END_DECLS

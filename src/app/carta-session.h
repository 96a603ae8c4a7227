/* carta-session.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-bundle-reader.h"
#include "carta-case.h"
#include "carta-store.h"

G_BEGIN_DECLS

#define CARTA_TYPE_SESSION (carta_session_get_type ())

G_DECLARE_FINAL_TYPE (CartaSession, carta_session, CARTA, SESSION, GObject)

CartaSession *carta_session_new                  (CartaStore           *store);
CartaStore   *carta_session_get_store            (CartaSession         *self);
CartaCase    *carta_session_get_case             (CartaSession         *self);
void          carta_session_set_case             (CartaSession         *self,
                                                  CartaCase            *kase);
gboolean      carta_session_save_now             (CartaSession         *self,
                                                  GError              **error);
void          carta_session_save_async           (CartaSession         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      carta_session_save_finish          (CartaSession         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
CartaCase    *carta_session_create_case          (CartaSession         *self,
                                                  const char           *title,
                                                  GError              **error);
void          carta_session_rename_case          (CartaSession         *self,
                                                  const char           *title);
gboolean      carta_session_delete_case          (CartaSession         *self,
                                                  GError              **error);
gboolean      carta_session_undelete_case        (CartaSession         *self,
                                                  CartaCase            *kase,
                                                  GError              **error);
void          carta_session_purge_deleted        (CartaSession         *self,
                                                  CartaCase            *kase);
gboolean      carta_session_set_aside_case       (CartaSession         *self,
                                                  CartaCase            *kase,
                                                  GError              **error);
gboolean      carta_session_undo_replace         (CartaSession         *self,
                                                  CartaCase            *copy,
                                                  CartaCase            *replaced,
                                                  GError              **error);
CartaCase    *carta_session_restore_backup       (CartaSession         *self,
                                                  const char           *id,
                                                  GError              **error);
void          carta_session_create_sample_async  (CartaSession         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
CartaCase    *carta_session_create_sample_finish (CartaSession         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void          carta_session_import_async         (CartaSession         *self,
                                                  CartaBundleReader    *reader,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
CartaCase    *carta_session_import_finish        (CartaSession         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void          carta_session_close                (CartaSession         *self);

G_END_DECLS

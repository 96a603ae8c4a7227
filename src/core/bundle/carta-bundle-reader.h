/* carta-bundle-reader.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-case.h"
#include "carta-store.h"

G_BEGIN_DECLS

#define CARTA_TYPE_BUNDLE_READER (carta_bundle_reader_get_type ())

G_DECLARE_FINAL_TYPE (CartaBundleReader, carta_bundle_reader, CARTA, BUNDLE_READER, GObject)

CartaBundleReader  *carta_bundle_reader_new              (GFile               *bundle);
void                carta_bundle_reader_set_passphrase   (CartaBundleReader   *self,
                                                          const char          *passphrase);
gboolean            carta_bundle_reader_verify           (CartaBundleReader   *self,
                                                          gboolean             quick,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
const char * const *carta_bundle_reader_get_problems     (CartaBundleReader   *self);
gboolean            carta_bundle_reader_get_encrypted    (CartaBundleReader   *self);
const char         *carta_bundle_reader_get_bag_name     (CartaBundleReader   *self);
const char         *carta_bundle_reader_get_bag_info     (CartaBundleReader   *self,
                                                          const char          *label);
CartaCase          *carta_bundle_reader_get_case         (CartaBundleReader   *self);
const char         *carta_bundle_reader_get_summary_language (CartaBundleReader *self);
guint               carta_bundle_reader_get_n_documents  (CartaBundleReader   *self);
guint64             carta_bundle_reader_get_payload_size (CartaBundleReader   *self);
CartaCase          *carta_bundle_reader_import           (CartaBundleReader   *self,
                                                          CartaStore          *store,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                carta_bundle_reader_import_async     (CartaBundleReader   *self,
                                                          CartaStore          *store,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
CartaCase          *carta_bundle_reader_import_finish    (CartaBundleReader   *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS

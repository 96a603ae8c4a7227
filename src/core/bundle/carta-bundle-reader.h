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

/**
 * CartaBundleSameCase:
 * @CARTA_BUNDLE_SAME_CASE_NEW_ID: a case already in the store is kept,
 *   and the bundle's copy gets a new id
 * @CARTA_BUNDLE_SAME_CASE_ASK: importing a case already in the store
 *   fails with %CARTA_ERROR_EXISTS before anything is unpacked
 * @CARTA_BUNDLE_SAME_CASE_REPLACE: the copy keeps the case's id; the
 *   caller has set the case in the store aside
 *
 * What an import does when the store already lists the bundle's case.
 */
typedef enum
{
  CARTA_BUNDLE_SAME_CASE_NEW_ID,
  CARTA_BUNDLE_SAME_CASE_ASK,
  CARTA_BUNDLE_SAME_CASE_REPLACE,
} CartaBundleSameCase;

G_DECLARE_FINAL_TYPE (CartaBundleReader, carta_bundle_reader, CARTA, BUNDLE_READER, GObject)

CartaBundleReader  *carta_bundle_reader_new              (GFile               *bundle);
void                carta_bundle_reader_set_passphrase   (CartaBundleReader   *self,
                                                          const char          *passphrase);
gboolean            carta_bundle_reader_verify           (CartaBundleReader   *self,
                                                          gboolean             quick,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                carta_bundle_reader_set_same_case    (CartaBundleReader   *self,
                                                          CartaBundleSameCase  same_case);
void                carta_bundle_reader_set_title        (CartaBundleReader   *self,
                                                          const char          *title);
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

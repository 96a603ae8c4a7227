/* carta-bundle-writer.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-case.h"
#include "carta-progress.h"

G_BEGIN_DECLS

/* Progress of a synchronous write, called on the writing thread: the
 * core's one progress callback (carta-progress.h). */
typedef CartaProgressFunc CartaBundleProgressFunc;

#define CARTA_TYPE_BUNDLE_WRITER (carta_bundle_writer_get_type ())

G_DECLARE_FINAL_TYPE (CartaBundleWriter, carta_bundle_writer, CARTA, BUNDLE_WRITER, GObject)

CartaBundleWriter *carta_bundle_writer_new              (CartaCase               *kase,
                                                         GFile                   *case_dir);
CartaCase         *carta_bundle_writer_get_case         (CartaBundleWriter       *self);
void               carta_bundle_writer_set_passphrase   (CartaBundleWriter       *self,
                                                         const char              *passphrase);
void               carta_bundle_writer_set_full_verify  (CartaBundleWriter       *self,
                                                         gboolean                 full_verify);
void               carta_bundle_writer_set_summary_language (CartaBundleWriter   *self,
                                                             const char          *language);
const char        *carta_bundle_writer_get_summary_language (CartaBundleWriter   *self);
char              *carta_bundle_writer_suggest_filename (CartaBundleWriter       *self);
guint64            carta_bundle_writer_get_bytes_done   (CartaBundleWriter       *self);
guint64            carta_bundle_writer_get_bytes_total  (CartaBundleWriter       *self);
double             carta_bundle_writer_get_seconds_left (CartaBundleWriter       *self);
gboolean           carta_bundle_writer_write            (CartaBundleWriter       *self,
                                                         GFile                   *destination,
                                                         CartaBundleProgressFunc  progress,
                                                         gpointer                 progress_data,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);
void               carta_bundle_writer_write_async      (CartaBundleWriter       *self,
                                                         GFile                   *destination,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
gboolean           carta_bundle_writer_write_finish     (CartaBundleWriter       *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

G_END_DECLS

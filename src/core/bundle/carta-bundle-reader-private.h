/* carta-bundle-reader-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-bundle-reader.h"

G_BEGIN_DECLS

/* Tests lower the caps to exercise the bomb checks with small files. */
void     _carta_bundle_reader_set_limits (CartaBundleReader  *self,
                                          guint64             max_total,
                                          double              max_ratio);
gboolean _carta_bundle_reader_scan       (CartaBundleReader  *self,
                                          const char         *extract_dir,
                                          gboolean            quick,
                                          GCancellable       *cancellable,
                                          GError            **error);

G_END_DECLS

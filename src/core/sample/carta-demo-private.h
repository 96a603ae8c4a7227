/* carta-demo-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-demo.h"

G_BEGIN_DECLS

/* Generators of realistic files, shared with the tests and benchmarks.
 * All are deterministic for a given seed. */
GBytes          *_carta_demo_make_jpeg  (guint               width,
                                         guint               height,
                                         guint32             seed,
                                         int                 quality,
                                         const char         *caption);
GBytes          *_carta_demo_make_dicom (guint               rows,
                                         guint               columns,
                                         guint32             seed,
                                         const char         *modality,
                                         const char         *study_uid,
                                         const char         *study_date,
                                         const char         *description,
                                         guint               instance);
GBytes          *_carta_demo_make_pdf   (const char         *title,
                                         const char * const *lines,
                                         guint               n_pages,
                                         GPtrArray          *scans);
CartaAttachment *_carta_demo_add_file   (CartaChecklistItem *item,
                                         const char         *case_dir,
                                         GBytes             *data,
                                         const char         *original_name,
                                         const char         *content_type,
                                         GError            **error);

G_END_DECLS

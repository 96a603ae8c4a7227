/* bench-make-dicom.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bench_make_dicom_folder (const char *dir,
                                  guint       n_files,
                                  guint       n_studies,
                                  guint       size);

G_END_DECLS

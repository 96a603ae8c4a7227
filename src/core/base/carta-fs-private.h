/* carta-fs-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "carta-fs.h"

G_BEGIN_DECLS

/* Low-level steps of durable writes, shared by the store, the importer
 * and the bundle reader. Each returns FALSE with errno set, so callers
 * word the error for what they were doing. */
gboolean _carta_write_all  (int          fd,
                            const void  *data,
                            gsize        length);
gboolean _carta_fsync_dir  (const char  *path);

G_END_DECLS

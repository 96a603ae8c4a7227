/* carta-upload-result-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-upload-result.h"

G_BEGIN_DECLS

CartaUploadResult *_carta_upload_result_new (const char *host,
                                             const char *remote_name,
                                             const char *location,
                                             guint64     size,
                                             const char *sha256,
                                             GDateTime  *finished,
                                             double      duration,
                                             gboolean    verified);

G_END_DECLS

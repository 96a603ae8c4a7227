/* carta-uploader-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-uploader.h"

G_BEGIN_DECLS

/* Tests shorten the waits: the first retry comes after @first_delay_ms,
 * each next one after twice as long; I/O gives up after @timeout_s. */
void _carta_uploader_set_timing (CartaUploader *self,
                                 guint          first_delay_ms,
                                 guint          max_attempts,
                                 guint          timeout_s);

G_END_DECLS

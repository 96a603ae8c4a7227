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

/* What reads a server's PROPFIND answer: a value it does not give, or
 * an answer that is not XML, is -1. */
void     _carta_uploader_parse_props (GBytes         *body,
                                      gint64         *content_length,
                                      gint64         *share_permissions);
/* Whether @text is a share link or folder address Send accepts. */
gboolean _carta_uploader_parse_link  (const char     *text,
                                      GError        **error);

G_END_DECLS

/* carta-sha256-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-sha256.h"

G_BEGIN_DECLS

#define CARTA_SHA256_DIGEST_SIZE 32
/* Big enough for few system calls, small enough to keep memory flat. */
#define CARTA_IO_CHUNK (1024 * 1024)

void  _carta_sha256_hex (const guint8   digest[CARTA_SHA256_DIGEST_SIZE],
                         char           hex[CARTA_SHA256_HEX_LENGTH + 1]);
char *_carta_sha256_fd  (int            fd,
                         const char    *display_path,
                         guint64       *size,
                         GCancellable  *cancellable,
                         GError       **error);

G_END_DECLS

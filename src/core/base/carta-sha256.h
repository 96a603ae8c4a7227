/* carta-sha256.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Length of a SHA-256 digest written as lower-case hexadecimal. */
#define CARTA_SHA256_HEX_LENGTH 64

char     *carta_sha256_file     (const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error);
char     *carta_sha256_data     (const void    *data,
                                 gsize          length);
gboolean  carta_sha256_is_valid (const char    *hex);

G_END_DECLS

/* carta-sha256-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <nettle/sha2.h>

#include "carta-progress.h"
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

/* Ends @ctx and writes its digest as hexadecimal, for callers that feed
 * the same bytes to several hashes at once. */
void  _carta_sha256_ctx_hex (struct sha256_ctx *ctx,
                             char               hex[CARTA_SHA256_HEX_LENGTH + 1]);

/* Hashes @stream to its end, in chunks. @progress (nullable) hears the
 * bytes read so far after each chunk, with a total of 0 (unknown), in
 * the calling thread. */
char *_carta_sha256_stream        (GInputStream        *stream,
                                   CartaProgressFunc    progress,
                                   gpointer             progress_data,
                                   GCancellable        *cancellable,
                                   GError             **error);

/* carta-sha256.h's carta_sha256_file() for a GFile, in a thread: the
 * result reaches @callback in the thread-default context of the caller. */
void  _carta_sha256_file_async    (GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
char *_carta_sha256_file_finish   (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS

/* fuzz-uploader.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the uploader reads from outside: a WebDAV server's PROPFIND answer
 * (multistatus XML, read for the size and share permissions) and, from
 * the first line of the input, the share link a person pasted. */

#include "config.h"

#include "carta-fuzz.h"
#include "carta-uploader-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  const uint8_t *newline = memchr (data, '\n', size);
  g_autofree char *link = g_strndup ((const char *)data, newline ? (gsize)(newline - data) : size);
  g_autoptr(GError) error = NULL;
  gint64 content_length = 0;
  gint64 share_permissions = 0;

  _carta_uploader_parse_props (body, &content_length, &share_permissions);
  g_assert (content_length >= -1 && share_permissions >= -1);

  if (!_carta_uploader_parse_link (link, &error))
    g_assert (error != NULL && error->message != NULL);
  return 0;
}

/* carta-sha256.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-sha256"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-sha256-private.h"
#include "carta-task.h"

void
_carta_sha256_hex (const guint8 digest[CARTA_SHA256_DIGEST_SIZE],
                   char         hex[CARTA_SHA256_HEX_LENGTH + 1])
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < CARTA_SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[CARTA_SHA256_HEX_LENGTH] = '\0';
}

void
_carta_sha256_ctx_hex (struct sha256_ctx *ctx,
                       char               hex[CARTA_SHA256_HEX_LENGTH + 1])
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  _carta_sha256_hex (digest, hex);
}

char *
_carta_sha256_stream (GInputStream       *stream,
                      CartaProgressFunc   progress,
                      gpointer            progress_data,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autofree guint8 *buffer = g_malloc (CARTA_IO_CHUNK);
  struct sha256_ctx ctx;
  char hex[CARTA_SHA256_HEX_LENGTH + 1];
  guint64 done = 0;
  gssize n;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  sha256_init (&ctx);
  while ((n = g_input_stream_read (stream, buffer, CARTA_IO_CHUNK, cancellable, error)) > 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      sha256_update (&ctx, (size_t)n, buffer);
      done += n;
      if (progress != NULL)
        progress (done, 0, progress_data);
    }
  if (n < 0)
    return NULL;

  _carta_sha256_ctx_hex (&ctx, hex);
  return g_strdup (hex);
}

static gpointer
sha256_file_work (GTask         *task,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) input = g_file_read (g_task_get_task_data (task), cancellable, error);

  if (input == NULL)
    return NULL;

  return _carta_sha256_stream (G_INPUT_STREAM (input), NULL, NULL, cancellable, error);
}

void
_carta_sha256_file_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _carta_sha256_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  carta_task_run_pointer_in_thread (task, sha256_file_work, g_free);
}

char *
_carta_sha256_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _carta_sha256_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
_carta_sha256_fd (int            fd,
                  const char    *display_path,
                  guint64       *size,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (CARTA_IO_CHUNK);
  struct sha256_ctx ctx;
  char hex[CARTA_SHA256_HEX_LENGTH + 1];
  guint64 total = 0;

  sha256_init (&ctx);

  for (;;)
    {
      gssize n = read (fd, buffer, CARTA_IO_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          _carta_set_io_error (error, errno, _("Could not read “%s”: %s"), display_path);
          return NULL;
        }

      if (n == 0)
        break;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      sha256_update (&ctx, n, buffer);
      total += n;
    }

  _carta_sha256_ctx_hex (&ctx, hex);

  if (size != NULL)
    *size = total;

  return g_strdup (hex);
}

/**
 * carta_sha256_file:
 * @path: a file
 * @cancellable: (nullable): a #GCancellable
 *
 * Hashes @path in chunks (never all in memory), with the CPU's SHA
 * instructions where there are some. Blocks: call it from a thread.
 *
 * Returns: (transfer full): the SHA-256 digest in lower-case hexadecimal
 */
char *
carta_sha256_file (const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  char *hex;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if ((fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARTA_ERROR,
                   saved_errno == ENOENT ? CARTA_ERROR_NOT_FOUND : CARTA_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  /* Tell the kernel to read ahead generously. */
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  hex = _carta_sha256_fd (fd, path, NULL, cancellable, error);
  close (fd);

  return hex;
}

/**
 * carta_sha256_data:
 *
 * Returns: (transfer full): the SHA-256 digest of @data in hexadecimal
 */
char *
carta_sha256_data (const void *data,
                   gsize       length)
{
  struct sha256_ctx ctx;
  char hex[CARTA_SHA256_HEX_LENGTH + 1];

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  sha256_init (&ctx);
  sha256_update (&ctx, length, data);
  _carta_sha256_ctx_hex (&ctx, hex);

  return g_strdup (hex);
}

/**
 * carta_sha256_is_valid:
 *
 * Returns: whether @hex is 64 lower-case hexadecimal digits
 */
gboolean
carta_sha256_is_valid (const char *hex)
{
  guint i;

  if (hex == NULL)
    return FALSE;

  for (i = 0; hex[i] != '\0'; i++)
    if (!g_ascii_isxdigit (hex[i]) || g_ascii_isupper (hex[i]) || i >= CARTA_SHA256_HEX_LENGTH)
      return FALSE;

  return i == CARTA_SHA256_HEX_LENGTH;
}

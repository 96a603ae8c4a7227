/* carta-progress-stream.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-progress-stream"

#include "config.h"

#include "carta-progress-stream.h"

/* Counts what passes through, for progress reports. (Hashing here would
 * put SHA-256 on the upload's critical path; the uploader hashes in a
 * thread of its own.) */
struct _CartaProgressStream
{
  GFilterInputStream  parent_instance;

  guint64             bytes_read;
  CartaProgressStreamFunc func;
  gpointer            user_data;
};

G_DEFINE_FINAL_TYPE (CartaProgressStream, carta_progress_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
carta_progress_stream_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  CartaProgressStream *self = CARTA_PROGRESS_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n;

  n = g_input_stream_read (base, buffer, count, cancellable, error);
  if (n > 0)
    {
      self->bytes_read += (guint64)n;
      if (self->func != NULL)
        self->func (self->bytes_read, self->user_data);
    }

  return n;
}

static gssize
carta_progress_stream_skip (GInputStream  *stream,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  /* Skipped bytes would not be counted as sent. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "Skipping is not supported");
  return -1;
}

static void
carta_progress_stream_class_init (CartaProgressStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = carta_progress_stream_read;
  stream_class->skip = carta_progress_stream_skip;
}

static void
carta_progress_stream_init (CartaProgressStream *self)
{
}

/**
 * carta_progress_stream_new:
 * @base_stream: the stream to read from
 * @func: (nullable): called after each read
 * @user_data: data for @func
 *
 * Wraps @base_stream, counting every byte read. Closing the
 * new stream closes @base_stream.
 *
 * Returns: (transfer full): a new stream
 */
CartaProgressStream *
carta_progress_stream_new (GInputStream      *base_stream,
                           CartaProgressStreamFunc func,
                           gpointer           user_data)
{
  CartaProgressStream *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (base_stream), NULL);

  self = g_object_new (CARTA_TYPE_PROGRESS_STREAM,
                       "base-stream", base_stream,
                       "close-base-stream", TRUE,
                       NULL);
  self->func = func;
  self->user_data = user_data;

  return self;
}

/**
 * carta_progress_stream_get_bytes_read:
 * @self: a #CartaProgressStream
 *
 * Returns: how many bytes were read so far
 */
guint64
carta_progress_stream_get_bytes_read (CartaProgressStream *self)
{
  g_return_val_if_fail (CARTA_IS_PROGRESS_STREAM (self), 0);

  return self->bytes_read;
}

/* carta-thumbnail.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-thumbnail"

#include "config.h"

#include <poppler.h>

#include "carta-task.h"
#include "carta-thumbnail.h"

/* Small previews of attachments: images through gdk-pixbuf (whatever
 * loaders are installed, HEIC included when its loader is), PDFs by their
 * first page through poppler. Decoding runs in a thread; only the
 * finished texture reaches the main thread. */

typedef struct
{
  GFile *file;
  char  *content_type;
  int    size;
} ThumbData;

static void
thumb_data_free (ThumbData *data)
{
  g_clear_object (&data->file);
  g_free (data->content_type);
  g_free (data);
}

static gboolean
is_pdf (const char *content_type)
{
  return content_type != NULL && g_content_type_is_mime_type (content_type, "application/pdf");
}

static gboolean
is_image (const char *content_type)
{
  g_autofree char *mime = NULL;
  GSList *formats;
  gboolean found = FALSE;

  if (content_type == NULL || !g_content_type_is_a (content_type, "image/*"))
    return FALSE;

  mime = g_content_type_get_mime_type (content_type);
  formats = gdk_pixbuf_get_formats ();
  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types (l->data);

      found = mime != NULL && types != NULL && g_strv_contains ((const char * const *)types, mime);
    }
  g_slist_free (formats);

  return found;
}

/**
 * carta_thumbnail_can_preview:
 *
 * Returns: whether a file of @content_type gets a preview
 */
gboolean
carta_thumbnail_can_preview (const char *content_type)
{
  return is_pdf (content_type) || is_image (content_type);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize)stride * height);

  /* Cairo's ARGB32 is GDK's default memory format on this machine. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static GdkTexture *
render_pdf (ThumbData     *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) page = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;
  cairo_t *cr;
  double width, height, scale;

  document = G_OBJECT (poppler_document_new_from_gfile (data->file, NULL, cancellable, error));
  if (document == NULL)
    return NULL;

  if (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)) < 1 ||
      !(page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0))))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the PDF has no pages");
      return NULL;
    }

  poppler_page_get_size (POPPLER_PAGE (page), &width, &height);
  scale = data->size / MAX (MAX (width, height), 1.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int)(width * scale)),
                                        MAX (1, (int)(height * scale)));
  cr = cairo_create (surface);
  /* Paper is white even where the PDF paints nothing. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (POPPLER_PAGE (page), cr);
  cairo_destroy (cr);

  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);

  return texture;
}

static GdkTexture *
load_image (ThumbData     *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;

  if (!(stream = G_INPUT_STREAM (g_file_read (data->file, cancellable, error))))
    return NULL;

  /* Decoded straight to thumbnail size: a 48-megapixel photo never
   * lands in memory whole. */
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, data->size, data->size, TRUE,
                                                cancellable, error);
  if (pixbuf == NULL)
    return NULL;

  if (!(upright = gdk_pixbuf_apply_embedded_orientation (pixbuf)))
    upright = g_object_ref (pixbuf);

  return gdk_texture_new_for_pixbuf (upright);
}

static gpointer
make_thumbnail (GTask         *task,
                GCancellable  *cancellable,
                GError       **error)
{
  ThumbData *data = g_task_get_task_data (task);

  if (is_pdf (data->content_type))
    return render_pdf (data, cancellable, error);
  else
    return load_image (data, cancellable, error);
}

/**
 * carta_thumbnail_load_async:
 * @size: the longest side of the preview, in pixels
 *
 * Makes a preview of an image or the first page of a PDF in a thread.
 */
void
carta_thumbnail_load_async (GFile               *file,
                            const char          *content_type,
                            int                  size,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ThumbData *data;

  g_task_set_source_tag (task, carta_thumbnail_load_async);

  if (!carta_thumbnail_can_preview (content_type))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "no preview for this kind of file");
      return;
    }

  data = g_new0 (ThumbData, 1);
  data->file = g_object_ref (file);
  data->content_type = g_strdup (content_type);
  data->size = size;
  g_task_set_task_data (task, data, (GDestroyNotify)thumb_data_free);
  carta_task_run_pointer_in_thread (task, make_thumbnail, g_object_unref);
}

/**
 * carta_thumbnail_load_finish:
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
GdkTexture *
carta_thumbnail_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

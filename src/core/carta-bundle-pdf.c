/* carta-bundle-pdf.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "carta-bundle-private.h"
#include "carta-error.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
_carta_bundle_render_summary (CartaCase  *kase,
                              GPtrArray  *docs,
                              GDateTime  *when,
                              GError    **error)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, out, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (out);
}

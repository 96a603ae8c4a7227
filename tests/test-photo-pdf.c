/* test-photo-pdf.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <sys/stat.h>

#include "carta-photo-pdf.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("carta-photo-pdf-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A phone photo: a JPEG whose EXIF says how to turn it. */
static char *
write_image (Fixture    *f,
             const char *name,
             int         width,
             int         height,
             guint32     rgba,
             int         exif_orientation)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  const char *type = g_str_has_suffix (name, ".png") ? "png" : "jpeg";
  gsize length;

  gdk_pixbuf_fill (pixbuf, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, NULL));
  g_assert_no_error (error);

  if (exif_orientation != 0)
    {
      /* APP1 "Exif": a little-endian TIFF header and one IFD entry,
       * Orientation (0x0112), SHORT, count 1. */
      guint8 app1[] = {
        0xff, 0xe1, 0x00, 0x22,
        'E', 'x', 'i', 'f', 0, 0,
        'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00,
        0x01, 0x00,
        0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (guint8)exif_orientation, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
      };
      GByteArray *jpeg = g_byte_array_new ();

      g_assert_cmpint ((guint8)buffer[0], ==, 0xff);
      g_assert_cmpint ((guint8)buffer[1], ==, 0xd8);
      g_byte_array_append (jpeg, (guint8 *)buffer, 2);
      g_byte_array_append (jpeg, app1, sizeof app1);
      g_byte_array_append (jpeg, (guint8 *)buffer + 2, length - 2);
      g_assert_true (g_file_set_contents (path, (char *)jpeg->data, jpeg->len, &error));
      g_byte_array_unref (jpeg);
    }
  else
    g_assert_true (g_file_set_contents (path, buffer, length, &error));

  g_assert_no_error (error);
  return path;
}

/* The colour at (fx, fy) of a rendered page, as fractions of its size. */
static guint32
page_colour_at (PopplerPage *page,
                double       fx,
                double       fy)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 pixel;
  guint8 *data;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
  cr = cairo_create (surface);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  pixel = *(guint32 *)(gpointer)(data + (int)(height * fy) * cairo_image_surface_get_stride (surface)
                                 + (int)(width * fx) * 4);
  cairo_surface_destroy (surface);

  return pixel & 0xffffff;
}

/* The colour at the middle of a rendered page, as 0xRRGGBB. */
static guint32
page_colour (PopplerPage *page)
{
  return page_colour_at (page, 0.5, 0.5);
}

static gboolean
colour_near (guint32 a,
             guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff)) > 24)
      return FALSE;
  return TRUE;
}

static void
test_pages_in_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *red = write_image (f, "red.png", 300, 200, 0xd02020ff, 0);
  g_autofree char *green = write_image (f, "green.jpg", 200, 400, 0x20b040ff, 0);
  g_autofree char *blue = write_image (f, "blue.jpg", 3000, 1000, 0x2040d0ff, 0);
  /* Stored 300×200, but the phone was held upright: EXIF 6 turns it. */
  g_autofree char *yellow = write_image (f, "yellow.jpg", 300, 200, 0xe0c020ff, 6);
  g_autofree char *pdf_path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *uri = NULL;
  const char *order[] = { green, yellow, red, blue, NULL };
  const guint32 colours[] = { 0x20b040, 0xe0c020, 0xd02020, 0x2040d0 };
  /* width / height of each page, as the reader should see it */
  const double aspects[] = { 0.5, 2.0 / 3.0, 1.5, 3.0 };
  PopplerDocument *document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GStatBuf st;

  g_assert_true (carta_photo_pdf_write (order, NULL, pdf_path, "Bone marrow report", NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (pdf_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Nothing but the four photos and the PDF: no temporary file left. */
  g_assert_cmpuint (count_files (f), ==, 5);

  uri = g_filename_to_uri (pdf_path, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, G_N_ELEMENTS (colours));
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==, "Bone marrow report");

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width, height;
      guint32 colour = page_colour (page);

      poppler_page_get_size (page, &width, &height);
      g_test_message ("page %u: %.1f × %.1f pt, colour %06x", i + 1, width, height, colour);
      g_assert_cmpfloat_with_epsilon (width / height, aspects[i], 0.01);
      g_assert_cmpfloat_with_epsilon (MAX (width, height), 842.0, 0.5);
      g_assert_true (colour_near (colour, colours[i]));
      g_object_unref (page);
    }

  /* The 3000-pixel photo was scaled down to the limit before embedding. */
  {
    PopplerPage *page = poppler_document_get_page (document, 3);
    GList *mapping = poppler_page_get_image_mapping (page);
    PopplerImageMapping *image;
    cairo_surface_t *surface;

    g_assert_cmpuint (g_list_length (mapping), ==, 1);
    image = mapping->data;
    surface = poppler_page_get_image (page, image->image_id);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, CARTA_PHOTO_PDF_MAX_PIXELS);
    g_assert_cmpint (ABS (cairo_image_surface_get_height (surface) - CARTA_PHOTO_PDF_MAX_PIXELS / 3), <=, 1);
    cairo_surface_destroy (surface);
    poppler_page_free_image_mapping (mapping);
    g_object_unref (page);
  }
  g_object_unref (document);

  /* JPEG-compressed: a 3000×1000 photo and three small ones stay small. */
  g_assert_cmpint (st.st_size, <, 200 * 1024);
}

/* A sideways photo the phone did not turn: the family turns it with
 * the combiner's buttons, and the page comes out turned, on top of
 * what EXIF says. */
static void
test_rotated_pages (Fixture       *f,
                    gconstpointer  data)
{
  /* Top half red, bottom half blue: where red ends up tells the turn. */
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 200);
  g_autoptr(GdkPixbuf) bottom = NULL;
  g_autofree char *plain = g_build_filename (f->dir, "plain.png", NULL);
  g_autofree char *exif = write_image (f, "exif.jpg", 300, 200, 0x808080ff, 6);
  g_autofree char *pdf_path = g_build_filename (f->dir, "turned.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
  const char *paths[] = { plain, plain, plain, exif, plain, NULL };
  const int rotations[] = { 0, 90, 270, 270, 180 };
  /* width / height of each page, and where the red half is */
  const double aspects[] = { 1.5, 2.0 / 3.0, 2.0 / 3.0, 1.5, 1.5 };
  const double red_x[] = { 0.5, 0.75, 0.25, -1, 0.5 };
  const double red_y[] = { 0.25, 0.5, 0.5, -1, 0.75 };
  PopplerDocument *document = NULL;
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0xd02020ff);
  bottom = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 100, 300, 100);
  gdk_pixbuf_fill (bottom, 0x2040d0ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, plain, "png", &error, NULL));

  g_assert_true (carta_photo_pdf_write (paths, rotations, pdf_path, NULL, NULL, &error));
  g_assert_no_error (error);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, G_N_ELEMENTS (rotations));

  for (guint i = 0; i < G_N_ELEMENTS (rotations); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_test_message ("page %u: %.1f × %.1f pt", i + 1, width, height);
      g_assert_cmpfloat_with_epsilon (width / height, aspects[i], 0.01);
      if (red_x[i] >= 0)
        {
          g_assert_true (colour_near (page_colour_at (page, red_x[i], red_y[i]), 0xd02020));
          g_assert_true (colour_near (page_colour_at (page, 1 - red_x[i], 1 - red_y[i]), 0x2040d0));
        }
      g_object_unref (page);
    }
  g_object_unref (document);
}

static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *red = write_image (f, "red.png", 300, 200, 0xd02020ff, 0);
  g_autofree char *text = g_build_filename (f->dir, "notes.jpg", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "out.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *with_garbage[] = { red, text, NULL };
  const char *good[] = { red, NULL };
  const char *none[] = { NULL };

  g_assert_true (g_file_set_contents (text, "not a photo", -1, NULL));

  g_assert_false (carta_photo_pdf_write (with_garbage, NULL, pdf_path, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f), ==, 2);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (carta_photo_pdf_write (good, NULL, pdf_path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f), ==, 2);
  g_clear_error (&error);

  g_assert_false (carta_photo_pdf_write (none, NULL, pdf_path, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_files (f), ==, 2);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *a = write_image (f, "a.jpg", 100, 100, 0x808080ff, 0);
  g_autofree char *b = write_image (f, "b.jpg", 100, 50, 0x808080ff, 3);
  g_autofree char *pdf_path = g_build_filename (f->dir, "async.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  PopplerDocument *document = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { b, a, b, NULL };

  carta_photo_pdf_write_async (paths, NULL, pdf_path, NULL, NULL, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (carta_photo_pdf_write_finish (result, &error));
  g_assert_no_error (error);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);
  g_object_unref (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/photo-pdf/pages-in-order", Fixture, NULL,
              fixture_set_up, test_pages_in_order, fixture_tear_down);
  g_test_add ("/photo-pdf/rotated-pages", Fixture, NULL,
              fixture_set_up, test_rotated_pages, fixture_tear_down);
  g_test_add ("/photo-pdf/failure-leaves-nothing", Fixture, NULL,
              fixture_set_up, test_failure_leaves_nothing, fixture_tear_down);
  g_test_add ("/photo-pdf/async", Fixture, NULL,
              fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}

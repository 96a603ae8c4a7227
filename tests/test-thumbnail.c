/* test-thumbnail.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Previews of the sample case's attachments: the first page of each PDF
 * and each photo, made off the main thread, no larger than asked.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "carta-demo.h"
#include "carta-thumbnail.h"

typedef struct
{
  GdkTexture *texture;
  GError     *error;
  gboolean    done;
} Load;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;

  load->texture = carta_thumbnail_load_finish (result, &load->error);
  load->done = TRUE;
}

static void
test_sample_previews (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-thumbnail-XXXXXX", NULL);
  g_autoptr(GFile) case_dir = g_file_new_for_path (dir);
  g_autoptr(CartaCase) kase = carta_case_new ("Previews");
  g_autoptr(GError) error = NULL;
  const char *rm_argv[] = { "rm", "-rf", dir, NULL };
  GListModel *items;
  guint pdfs = 0, photos = 0;

  g_assert_true (carta_demo_populate (kase, case_dir, NULL, &error));
  g_assert_no_error (error);

  items = carta_case_get_items (kase);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          const char *type = carta_attachment_get_content_type (attachment);
          g_autoptr(GFile) stored = NULL;
          Load load = { 0 };

          if (type == NULL || !carta_thumbnail_can_preview (type))
            continue;

          stored = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (attachment));
          carta_thumbnail_load_async (stored, type, 96, NULL, loaded_cb, &load);
          while (!load.done)
            g_main_context_iteration (NULL, TRUE);

          g_assert_no_error (load.error);
          g_assert_nonnull (load.texture);
          g_assert_cmpint (gdk_texture_get_width (load.texture), >, 0);
          g_assert_cmpint (gdk_texture_get_height (load.texture), >, 0);
          g_assert_cmpint (MAX (gdk_texture_get_width (load.texture), gdk_texture_get_height (load.texture)), <=, 96 * 2);

          if (g_str_equal (type, "application/pdf"))
            pdfs++;
          else
            photos++;
          g_object_unref (load.texture);
        }
    }

  /* The sample has letters as PDFs and phone photos. */
  g_assert_cmpuint (pdfs, >=, 3);
  g_assert_cmpuint (photos, >=, 2);

  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_garbage_fails_cleanly (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Load load = { 0 };
  int fd = g_file_open_tmp ("carta-thumbnail-XXXXXX.pdf", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 this is not a PDF", -1, NULL));
  close (fd);

  file = g_file_new_for_path (path);
  carta_thumbnail_load_async (file, "application/pdf", 96, NULL, loaded_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (load.texture);
  g_assert_nonnull (load.error);
  g_clear_error (&load.error);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/thumbnail/sample-previews", test_sample_previews);
  g_test_add_func ("/thumbnail/garbage-fails-cleanly", test_garbage_fails_cleanly);

  return g_test_run ();
}

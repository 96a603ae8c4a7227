/* test-export-summary-language.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export page offers the summary in English (chosen at first), in
 * Simplified Chinese, and in the window's language when Carta has it,
 * each named in its own language. Set CARTA_TEST_SCREENSHOT to a PNG
 * path to look at the page.
 */

#include "config.h"

#include <adwaita.h>
#include <libintl.h>

#include "src/export/carta-export-page.h"

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_combo_row (GtkWidget *root)
{
  if (ADW_IS_COMBO_ROW (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, &bounds);
  gdk_texture_save_to_png (texture, path);
}

static void
test_summary_languages (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Test");
  GtkWidget *window = gtk_window_new ();
  CartaExportPage *page = g_object_new (CARTA_TYPE_EXPORT_PAGE, NULL);
  AdwComboRow *row;
  GListModel *model;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  carta_export_page_set_case (page, kase);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  row = ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (page)));
  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "English");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "中文（简体）");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Español");

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (carta_export_page_get_summary_language (page), ==, "en");
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpstr (carta_export_page_get_summary_language (page), ==, "zh_CN");
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpstr (carta_export_page_get_summary_language (page), ==, "es");

  /* The choice is the case's, and comes back with it. */
  g_assert_cmpstr (carta_case_get_summary_language (kase), ==, "es");
  {
    g_autoptr(CartaCase) other = carta_case_new ("Other");

    carta_case_set_summary_language (other, "zh_CN");
    carta_export_page_set_case (page, other);
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
    g_assert_cmpstr (carta_case_get_summary_language (other), ==, "zh_CN");

    carta_export_page_set_case (page, kase);
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
    adw_combo_row_set_selected (row, 0);
    g_assert_null (carta_case_get_summary_language (kase));
    carta_export_page_set_case (page, NULL);
  }

  iterate ();
  if (g_getenv ("CARTA_TEST_SCREENSHOT") != NULL)
    save_screenshot (window, g_getenv ("CARTA_TEST_SCREENSHOT"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "po", NULL);

  /* A Spanish family: Carta has a Spanish translation. */
  g_setenv ("CARTA_LOCALEDIR", localedir, TRUE);
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", "es_ES.UTF-8", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export-page/summary-language", test_summary_languages);

  return g_test_run ();
}

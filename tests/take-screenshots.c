/* take-screenshots.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Renders the real main window, one page at a time, into the PNG files the
 * metainfo shows (data/screenshots/). Not a test: run it through
 * data/screenshots/take-screenshots.sh, which prepares a sample case and a
 * display. */

#define G_LOG_DOMAIN "take-screenshots"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "carta-application.h"
#include "carta-locale.h"

static const char *pages[] = { "guide", "checklist", "case", "export" };

typedef struct
{
  GtkWindow  *window;
  const char *outdir;
  guint       page;
  int         status;
} Shooter;

static gboolean
save_window (Shooter     *shooter,
             const char  *name)
{
  GtkWidget *widget = GTK_WIDGET (shooter->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *basename = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (shooter->outdir, basename, NULL);
  GskRenderer *renderer;
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  /* The window's own size, without the shadow around it. */
  graphene_rect_init (&bounds, 0, 0,
                      gtk_widget_get_width (widget),
                      gtk_widget_get_height (widget));
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  if (!gdk_texture_save_to_png (texture, path))
    return FALSE;

  g_print ("%s\n", path);
  return TRUE;
}

static gboolean
next_page_cb (gpointer user_data)
{
  Shooter *shooter = user_data;
  GApplication *app = g_application_get_default ();

  if (shooter->page > 0 && !save_window (shooter, pages[shooter->page - 1]))
    {
      g_printerr ("Could not save the %s page\n", pages[shooter->page - 1]);
      shooter->status = 1;
      g_application_quit (app);
      return G_SOURCE_REMOVE;
    }

  if (shooter->page == G_N_ELEMENTS (pages))
    {
      g_application_quit (app);
      return G_SOURCE_REMOVE;
    }

  gtk_widget_activate_action (GTK_WIDGET (shooter->window), "win.show-page", "s",
                              pages[shooter->page]);
  shooter->page++;

  /* Let the page settle: transitions, thumbnails and fonts. */
  g_timeout_add (1500, next_page_cb, shooter);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Shooter        *shooter)
{
  if (shooter->window != NULL)
    return;

  shooter->window = window;
  gtk_window_set_default_size (window, 1000, 700);
  g_timeout_add (1500, next_page_cb, shooter);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CartaApplication) app = NULL;
  Shooter shooter = { 0 };
  char *app_argv[] = { argv[0], NULL };

  if (argc != 2)
    {
      g_printerr ("Usage: take-screenshots OUTPUT-FOLDER\n");
      return 2;
    }
  shooter.outdir = argv[1];

  /* As main.c does: screenshots in any language, from the build's catalogues. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, carta_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = carta_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &shooter);

  if (g_application_run (G_APPLICATION (app), 1, app_argv) != 0)
    return 1;

  return shooter.status;
}

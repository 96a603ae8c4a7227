/* carta-test-ui.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "carta-test-ui.h"
#include "carta-window.h"

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * carta_test_wait_until:
 *
 * Runs the main loop until @func says yes; fails the test after
 * @seconds, listing the windows then open to say where it stopped.
 */
void
carta_test_wait_until (gboolean (*func) (gpointer),
                       gpointer  data,
                       guint     seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!func (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          g_test_message ("open window: %s “%s”", G_OBJECT_TYPE_NAME (toplevel),
                          ADW_IS_MESSAGE_DIALOG (toplevel)
                            ? adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel))
                            : gtk_window_get_title (toplevel));
        }
    }

  g_assert_false (timed_out);
  g_source_remove (id);
}

/**
 * carta_test_find_widget:
 *
 * Returns: (nullable): the first widget under @root, @root included,
 *   that @match accepts, depth first
 */
GtkWidget *
carta_test_find_widget (GtkWidget      *root,
                        CartaTestMatch  match,
                        gconstpointer   data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = carta_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (data));
}

GtkWidget *
carta_test_find_widget_of_type (GtkWidget *root,
                                GType      type)
{
  return carta_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

/**
 * carta_test_find_dialog:
 *
 * Returns: (nullable): the message dialog on screen
 */
AdwMessageDialog *
carta_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Gives the run its own empty user folders under a new temporary home, so
 * the store starts empty, then starts the test framework. The folders are
 * set before GLib reads them once and for all. Returns the home, for
 * carta_test_remove_home(). */
char *
carta_test_init_with_own_home (const char   *name,
                               int          *argc,
                               char       ***argv)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  char *home = g_dir_make_tmp (template, NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (argc, argv, NULL);

  return home;
}

void
carta_test_remove_home (const char *home)
{
  const char *rm_argv[] = { "rm", "-rf", home, NULL };

  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* A registered application of its own, so the tests never reach a
 * running Carta. */
CartaApplication *
carta_test_start_application (void)
{
  CartaApplication *app = carta_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("Could not start the application");

  return app;
}

static gboolean
window_has_case (gpointer data)
{
  return carta_window_get_case (data) != NULL;
}

/* The application's window, with the sample case open (made the first
 * time), as a family exploring Carta sees it. */
GtkWidget *
carta_test_window_with_sample (CartaApplication *app)
{
  CartaWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (carta_window_get_case (window) == NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sample-case", NULL));
      carta_test_wait_until (window_has_case, window, 30);
    }

  return GTK_WIDGET (window);
}

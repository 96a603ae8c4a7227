/* test-i18n-window.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window started in another language: run as
 * `test-i18n-window LANGUAGE LOCALE`, e.g. `zh_CN zh_CN.UTF-8`.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "carta-application.h"
#include "carta-catalog.h"
#include "carta-test-ui.h"
#include "carta-window.h"

static CartaApplication *app;
static CartaCatalog *catalog;
static const char *language;

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->root, wait->text);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };

  carta_test_wait_until (label_shown, &wait, 10);
}

static void
test_translated_window (void)
{
  /* Source strings go in; what must come out is the catalogue's
   * translation, which must differ from the English. */
  const char *guide_title = carta_catalog_gettext (catalog, "Allogeneic CAR-T in China");
  const char *welcome = carta_catalog_gettext (catalog, "Welcome to Carta");
  const char *guide_tab = carta_catalog_gettext (catalog, "Guide");
  CartaWindow *window;

  g_assert_cmpstr (guide_title, !=, "Allogeneic CAR-T in China");
  g_assert_cmpstr (welcome, !=, "Welcome to Carta");
  g_assert_cmpstr (guide_tab, !=, "Guide");

  g_application_activate (G_APPLICATION (app));
  window = CARTA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, carta_catalog_gettext (catalog, "Carta"));
  wait_for_label (GTK_WIDGET (window), welcome);

  carta_window_show_page (window, "guide");
  wait_for_label (GTK_WIDGET (window), guide_title);
  wait_for_label (GTK_WIDGET (window), guide_tab);

  /* Arabic lays the whole window out right to left. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                   g_str_has_prefix (language, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  gtk_window_close (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("carta-test-i18n-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *localedir = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "po", NULL);
  const char *rm_argv[] = { "rm", "-rf", home, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (argc < 3)
    g_error ("Usage: test-i18n-window LANGUAGE LOCALE");
  language = argv[1];

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("CARTA_LOCALEDIR", localedir, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", argv[2], TRUE);

  g_test_init (&argc, &argv, NULL);

  if (setlocale (LC_ALL, "") == NULL)
    {
      g_test_skip_printf ("The locale %s is not installed (.ci/install-deps generates it)", argv[2]);
      g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
      return g_test_run ();
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  catalog = carta_catalog_new_for_language (language, &error);
  g_assert_no_error (error);

  app = carta_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("Could not start the application");

  g_test_add_func ("/i18n/translated-window", test_translated_window);
  status = g_test_run ();

  g_clear_object (&app);
  g_clear_object (&catalog);
  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);

  return status;
}

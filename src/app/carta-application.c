/* carta-application.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-application"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-application.h"
#include "carta-fs.h"
#include "carta-window-private.h"

struct _CartaApplication
{
  AdwApplication  parent_instance;

  CartaStore     *store;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CartaApplication, carta_application, ADW_TYPE_APPLICATION)

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);

  /* Run straight from the build folder, as developers and tests do. */
  if (schema == NULL &&
      (build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL)))
    schema = g_settings_schema_source_lookup (build_source, BASE_ID, TRUE);

  if (schema == NULL)
    g_error ("The settings schema %s is not installed", BASE_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

static void
carta_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  CartaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves its case first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
carta_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  static const char *developers[] = { "The Carta authors", NULL };
  CartaApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Carta"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Carta authors"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Carta authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Prepare the medical records for an allogeneic CAR-T trial review, "
                                       "and send them safely. Carta is not medical advice."),
                         /* TRANSLATORS: Replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", carta_application_quit_action },
  { "about", carta_application_about_action },
};

static void
carta_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *rename_accels[] = { "F2", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  /* Alt+1…4 switch pages, in the switcher's order, as in GNOME apps
   * with a view switcher. */
  static const char *pages[] = { "guide", "checklist", "case", "export" };
  CartaApplication *self = CARTA_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (carta_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-case", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.rename-case", rename_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-bundle", open_accels);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action, accels);
    }

  self->settings = create_settings ();
  self->store = carta_store_new_default ();

  /* Deletions left pending by an earlier run were confirmed then. */
  carta_store_purge_deleted (self->store, NULL);

  /* Read-only copies made to open attachments in other applications
   * served the last run; medical files should not linger in a cache. */
  {
    g_autofree char *opened = carta_fs_get_opened_copies_dir ();
    carta_fs_remove_tree (opened);
  }

  if (!carta_store_load (self->store, &error))
    g_warning ("Could not read the case folder: %s", error->message);
}

static void
carta_application_activate (GApplication *app)
{
  CartaApplication *self = CARTA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (carta_window_new (self));

  gtk_window_present (window);
}

/* `carta case.zip`, or a bundle opened from the file manager: the same
 * path as Open Case Bundle after its file chooser. A window opens one
 * bundle at a time, so only the first file is taken. */
static void
carta_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GtkWindow *window;

  g_assert (CARTA_IS_APPLICATION (app));

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (n_files > 0 && CARTA_IS_WINDOW (window))
    _carta_window_open_bundle (CARTA_WINDOW (window), files[0]);
}

static void
carta_application_shutdown (GApplication *app)
{
  CartaApplication *self = CARTA_APPLICATION (app);

  if (self->store != NULL)
    carta_store_purge_deleted (self->store, NULL);

  G_APPLICATION_CLASS (carta_application_parent_class)->shutdown (app);
}

static void
carta_application_dispose (GObject *object)
{
  CartaApplication *self = (CartaApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (carta_application_parent_class)->dispose (object);
}

static void
carta_application_class_init (CartaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = carta_application_dispose;

  app_class->startup = carta_application_startup;
  app_class->activate = carta_application_activate;
  app_class->open = carta_application_open;
  app_class->shutdown = carta_application_shutdown;
}

static void
carta_application_init (CartaApplication *self)
{
}

/**
 * carta_application_new:
 *
 * Returns: (transfer full): the application
 */
CartaApplication *
carta_application_new (void)
{
  return g_object_new (CARTA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/cartahealth/Carta",
                       NULL);
}

/**
 * carta_application_get_store:
 *
 * Returns: (transfer none): where the cases live
 */
CartaStore *
carta_application_get_store (CartaApplication *self)
{
  g_return_val_if_fail (CARTA_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * carta_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
carta_application_get_settings (CartaApplication *self)
{
  g_return_val_if_fail (CARTA_IS_APPLICATION (self), NULL);
  return self->settings;
}

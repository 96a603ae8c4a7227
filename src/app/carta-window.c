/* carta-window.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-window"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-checklist-page.h"
#include "carta-checklist-template.h"
#include "carta-export-page.h"
#include "carta-guide-page.h"
#include "carta-host.h"
#include "carta-profile-page.h"
#include "carta-window-private.h"

G_DEFINE_FINAL_TYPE (CartaWindow, carta_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (CartaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return carta_application_get_settings (CARTA_APPLICATION (app));
}

/* The mark shows on the row of the open case. */
static gboolean
is_row_case (GBinding     *binding,
             const GValue *from_value,
             GValue       *to_value,
             gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_object (from_value) == user_data);
  return TRUE;
}

/* "Changed today · 12 of 30 records ready": enough to tell two cases of
 * the same name apart, and to see which one is further along. */
static void
update_case_row (CartaCase    *kase,
                 AdwActionRow *row)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) changed = g_date_time_to_local (carta_case_get_modified (kase));
  g_autofree char *when = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *subtitle = NULL;
  guint ready = 0, total = 0;
  int days;

  g_assert (ADW_IS_ACTION_ROW (row));

  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (changed);
  if (g_date_time_get_year (now) != g_date_time_get_year (changed))
    days = -1;

  if (days == 0)
    {
      /* TRANSLATORS: a time of day, in g_date_time_format() form: “14:05” */
      g_autofree char *time = g_date_time_format (changed, C_("time of day", "%H:%M"));
      /* TRANSLATORS: %s is a time of day, such as “14:05” */
      when = g_strdup_printf (_("Changed today at %s"), time);
    }
  else if (days == 1)
    when = g_strdup (_("Changed yesterday"));
  else
    {
      g_autofree char *day = _carta_window_format_day (changed);
      /* TRANSLATORS: %s is a short date, such as “2 Dec” */
      when = g_strdup_printf (_("Changed %s"), day);
    }

  carta_checklist_template_count (carta_checklist_template_get_default (), carta_case_get_items (kase),
                                  NULL, &ready, &total);
  /* TRANSLATORS: progress of a case's checklist, e.g. “12 of 30 records ready” */
  progress = g_strdup_printf (ngettext ("%u of %u record ready", "%u of %u records ready", total), ready, total);
  subtitle = g_strdup_printf ("%s · %s", when, progress);
  adw_action_row_set_subtitle (row, subtitle);
}

static GtkWidget *
create_case_row (gpointer item,
                 gpointer user_data)
{
  CartaCase *kase = item;
  CartaWindow *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_bind_property (kase, "title", row, "title", G_BINDING_SYNC_CREATE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_case_row (kase, ADW_ACTION_ROW (row));
  g_signal_connect_object (kase, "changed", G_CALLBACK (update_case_row), row, 0);

  gtk_widget_add_css_class (mark, "current-mark");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open now"),
                                  -1);
  g_object_bind_property_full (self, "case", mark, "visible", G_BINDING_SYNC_CREATE,
                               is_row_case, NULL, g_object_ref (kase), g_object_unref);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);

  return row;
}

static void
restore_window_state (CartaWindow *self)
{
  GSettings *settings = get_settings (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
store_window_state (CartaWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_string (settings, "last-case", self->kase ? carta_case_get_id (self->kase) : "");
  g_settings_apply (settings);
}

/* The window's case follows the session's, through a binding. */
static void
show_case (CartaWindow *self,
           CartaCase   *kase)
{
  if (!g_set_object (&self->kase, kase))
    {
      _carta_window_update_visible_page (self);
      return;
    }

  g_binding_group_set_source (self->case_bindings, kase);
  if (kase != NULL)
    self->guide_only = FALSE;

  _carta_window_update_visible_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
on_case_row_activated_cb (CartaWindow   *self,
                          GtkListBoxRow *row)
{
  GListModel *cases = carta_store_get_cases (carta_session_get_store (self->session));
  g_autoptr(CartaCase) kase = NULL;

  g_assert (CARTA_IS_WINDOW (self));

  /* The list is bound to the store's cases: a row's index is its case's. */
  kase = g_list_model_get_item (cases, gtk_list_box_row_get_index (row));
  gtk_popover_popdown (self->cases_popover);
  carta_window_set_case (self, kase);
}

static gboolean
update_visible_page_idle_cb (gpointer user_data)
{
  CartaWindow *self = user_data;

  g_assert (CARTA_IS_WINDOW (self));

  self->visible_page_idle_id = 0;
  _carta_window_update_visible_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_switcher_title_visible_cb (CartaWindow *self)
{
  g_assert (CARTA_IS_WINDOW (self));

  /* The switcher says this while the header bar is being allocated;
   * showing or hiding the case label right then leaves part of the
   * header bar unallocated for a frame. */
  if (self->visible_page_idle_id == 0)
    self->visible_page_idle_id = g_idle_add (update_visible_page_idle_cb, self);
}

static void
on_cases_changed_cb (CartaWindow *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *model)
{
  g_assert (CARTA_IS_WINDOW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->cases_button), g_list_model_get_n_items (model) > 0);
}

static void
on_save_failed_cb (CartaWindow  *self,
                   const GError *error)
{
  g_assert (CARTA_IS_WINDOW (self));

  carta_host_notify (GTK_WIDGET (self),
                     _("Your latest changes could not be saved yet. Carta will keep trying."));
}

static gboolean
carta_window_close_request (GtkWindow *window)
{
  CartaWindow *self = CARTA_WINDOW (window);

  /* Their callbacks hold the window, so dispose would come too late. */
  g_cancellable_cancel (self->sample_cancellable);
  g_cancellable_cancel (self->open_cancellable);

  if (self->session != NULL)
    carta_session_close (self->session);

  store_window_state (self);

  return GTK_WINDOW_CLASS (carta_window_parent_class)->close_request (window);
}

/* Runs once the application is set, which GObject does only after
 * construction for this property. */
static void
setup (CartaWindow *self)
{
  CartaStore *store = carta_host_get_store (GTK_WIDGET (self));
  GListModel *cases = carta_store_get_cases (store);
  g_autofree char *last = NULL;
  CartaCase *kase;

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  restore_window_state (self);

  /* One session per window: the session is what this window has open,
   * and the window's close is the session's. The store they share
   * orders their writes, and the jobs a session runs hold the
   * application, so quitting waits for them. */
  self->session = carta_session_new (store);
  g_object_bind_property (self->session, "case", self, "case", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->session, "save-failed", G_CALLBACK (on_save_failed_cb), self,
                           G_CONNECT_SWAPPED);
  _carta_window_actions_init (self);

  gtk_list_box_bind_model (self->cases_list, cases, create_case_row, self, NULL);
  g_signal_connect_object (cases, "items-changed", G_CALLBACK (on_cases_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_cases_changed_cb (self, 0, 0, g_list_model_get_n_items (cases), cases);

  last = g_settings_get_string (get_settings (self), "last-case");
  if (!(kase = carta_store_find_case (store, last)) && g_list_model_get_n_items (cases) > 0)
    {
      g_autoptr(CartaCase) first = g_list_model_get_item (cases, 0);
      kase = first;
    }

  carta_window_set_case (self, kase);
  /* A returning family picks up their checklist; the guide is there for
   * a first visit, from the welcome page. */
  if (kase != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "checklist");
  _carta_window_update_visible_page (self);

  if (carta_store_get_problems (store)->len > 0)
    _carta_window_report_problems (self);
}

static void
carta_window_dispose (GObject *object)
{
  CartaWindow *self = (CartaWindow *)object;

  g_clear_handle_id (&self->visible_page_idle_id, g_source_remove);
  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  _carta_window_open_dispose (self);
  if (self->case_bindings != NULL)
    g_binding_group_set_source (self->case_bindings, NULL);
  g_clear_object (&self->case_bindings);
  g_clear_object (&self->session);
  g_clear_object (&self->kase);

  if (self->switcher_title != NULL)
    g_signal_handlers_disconnect_by_data (self->switcher_title, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_WINDOW);

  G_OBJECT_CLASS (carta_window_parent_class)->dispose (object);
}

static void
carta_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CartaWindow *self = CARTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CartaWindow *self = CARTA_WINDOW (object);
  CartaCase *kase;

  switch (prop_id)
    {
    case PROP_CASE:
      kase = g_value_get_object (value);
      /* Set from outside, the case goes to the session, and comes back
       * here through the binding. */
      if (self->session != NULL && carta_session_get_case (self->session) != kase)
        carta_session_set_case (self->session, kase);
      else
        show_case (self, kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_window_class_init (CartaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = carta_window_dispose;
  object_class->get_property = carta_window_get_property;
  object_class->set_property = carta_window_set_property;

  window_class->close_request = carta_window_close_request;

  /**
   * CartaWindow:case:
   *
   * The case open in the window; the pages follow it. It follows the
   * window's session.
   */
  properties[PROP_CASE] = carta_host_case_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARTA_TYPE_GUIDE_PAGE);
  g_type_ensure (CARTA_TYPE_CHECKLIST_PAGE);
  g_type_ensure (CARTA_TYPE_PROFILE_PAGE);
  g_type_ensure (CARTA_TYPE_EXPORT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/app/carta-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, cases_button);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, case_label);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, cases_popover);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, cases_list);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, guide_page);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, checklist_page);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, profile_page);
  gtk_widget_class_bind_template_child (widget_class, CartaWindow, export_page);
  gtk_widget_class_bind_template_callback (widget_class, on_case_row_activated_cb);

  _carta_window_class_actions_init (klass);
}

static void
carta_window_init (CartaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "case", self->export_page, "case", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "case", self->checklist_page, "case", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "case", self->profile_page, "case", G_BINDING_SYNC_CREATE);

  self->case_bindings = g_binding_group_new ();
  g_binding_group_bind (self->case_bindings, "title", self->switcher_title, "subtitle",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->case_bindings, "title", self->case_label, "label",
                        G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_switcher_title_visible_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_carta_window_update_visible_page (CartaWindow *self)
{
  gboolean have_case = self->kase != NULL;
  gboolean show_pages = have_case || self->guide_only;

  g_assert (CARTA_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, show_pages ? "pages" : "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, show_pages);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    show_pages && adw_view_switcher_title_get_title_visible (self->switcher_title));

  if (!have_case)
    adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);

  /* Wide windows show the switcher instead of the title, so the open
   * case's name moves onto the cases button. */
  gtk_widget_set_visible (GTK_WIDGET (self->case_label),
                          have_case && !adw_view_switcher_title_get_title_visible (self->switcher_title));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-case", have_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case", have_case);
}

/* A case just made or opened starts with its checklist: the next thing
 * to do. */
void
_carta_window_show_checklist_of (CartaWindow *self,
                                 CartaCase   *kase)
{
  g_assert (CARTA_IS_WINDOW (self));

  carta_window_set_case (self, kase);
  adw_view_stack_set_visible_child_name (self->view_stack, "checklist");
}

/* A short date in the window's language: the day and month, and the
 * year when it is not this one. */
char *
_carta_window_format_day (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* TRANSLATORS: a short date this year, in g_date_time_format() form: “2 Dec” */
    return g_date_time_format (local, C_("short date", "%-d %b"));

  /* TRANSLATORS: a short date in another year, in g_date_time_format() form: “2 Dec 2025” */
  return g_date_time_format (local, C_("short date", "%-d %b %Y"));
}

/**
 * carta_window_new:
 *
 * Returns: (transfer full): a new main window
 */
CartaWindow *
carta_window_new (CartaApplication *application)
{
  CartaWindow *self = g_object_new (CARTA_TYPE_WINDOW, "application", application, NULL);

  setup (self);

  return self;
}

/**
 * carta_window_get_session:
 *
 * Returns: (transfer none): what the window has open
 */
CartaSession *
carta_window_get_session (CartaWindow *self)
{
  g_return_val_if_fail (CARTA_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * carta_window_get_case:
 *
 * Returns: (transfer none) (nullable): the open case
 */
CartaCase *
carta_window_get_case (CartaWindow *self)
{
  g_return_val_if_fail (CARTA_IS_WINDOW (self), NULL);
  return self->kase;
}

void
carta_window_set_case (CartaWindow *self,
                       CartaCase   *kase)
{
  g_return_if_fail (CARTA_IS_WINDOW (self));
  g_return_if_fail (!kase || CARTA_IS_CASE (kase));

  if (self->session != NULL)
    carta_session_set_case (self->session, kase);
  else
    show_case (self, kase);

  _carta_window_update_visible_page (self);
}

/**
 * carta_window_save_now:
 *
 * Writes pending changes of the open case at once, as on close.
 */
gboolean
carta_window_save_now (CartaWindow  *self,
                       GError      **error)
{
  g_return_val_if_fail (CARTA_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return TRUE;

  return carta_session_save_now (self->session, error);
}

void
carta_window_show_page (CartaWindow *self,
                        const char  *name)
{
  g_return_if_fail (CARTA_IS_WINDOW (self));

  if (self->kase == NULL)
    self->guide_only = TRUE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  _carta_window_update_visible_page (self);
}

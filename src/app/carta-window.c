/* carta-window.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-window"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-bundle-reader.h"
#include "carta-checklist-page.h"
#include "carta-cleanup.h"
#include "carta-demo.h"
#include "carta-error.h"
#include "carta-export-page.h"
#include "carta-fs.h"
#include "carta-guide-page.h"
#include "carta-profile-page.h"
#include "carta-window-private.h"

/* Long enough to gather a burst of typing into one write. */
#define AUTOSAVE_DELAY_MS 800

/* Opening a small bundle is quick; show progress only when it is not. */
#define OPEN_PROGRESS_DELAY_MS 400

struct _CartaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *cases_button;
  GtkLabel             *case_label;
  GtkPopover           *cases_popover;
  GtkListBox           *cases_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  CartaGuidePage       *guide_page;
  GtkWidget            *checklist_page;
  GtkWidget            *profile_page;
  GtkWidget            *export_page;

  /* State */
  CartaCase            *kase;
  GBinding             *title_binding;
  GBinding             *label_binding;
  guint                 autosave_id;
  guint                 visible_page_idle_id;
  guint                 dirty : 1;
  guint                 saving : 1;
  guint                 save_error_shown : 1;
  guint                 guide_only : 1;

  /* Opening a bundle, or making the sample case */
  GtkFileChooserNative *open_chooser;
  CartaBundleReader    *open_reader;
  GCancellable         *open_cancellable;
  AdwMessageDialog     *open_progress;
  guint                 open_progress_id;
  gboolean              open_with_passphrase;
  GCancellable         *sample_cancellable;
};

G_DEFINE_FINAL_TYPE (CartaWindow, carta_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_autosave (CartaWindow *self);

static CartaStore *
get_store (CartaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_assert (CARTA_IS_APPLICATION (app));

  return carta_application_get_store (CARTA_APPLICATION (app));
}

static GSettings *
get_settings (CartaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return carta_application_get_settings (CARTA_APPLICATION (app));
}

static void
update_visible_page (CartaWindow *self)
{
  gboolean have_case = self->kase != NULL;
  gboolean show_pages = have_case || self->guide_only;

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

static void
update_current_marks (CartaWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cases_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "current-mark");
      gpointer kase = g_object_get_data (G_OBJECT (row), "case");

      if (mark != NULL)
        gtk_widget_set_visible (mark, kase != NULL && kase == (gpointer)self->kase);
    }
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

  gtk_widget_add_css_class (mark, "current-mark");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open now"),
                                  -1);
  gtk_widget_set_visible (mark, kase == self->kase);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);

  g_object_set_data (G_OBJECT (row), "current-mark", mark);
  g_object_set_data_full (G_OBJECT (row), "case", g_object_ref (kase), g_object_unref);

  return row;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CartaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!carta_store_save_case_finish (CARTA_STORE (object), result, &error))
    {
      g_warning ("Autosave failed: %s", error->message);
      self->dirty = TRUE;

      if (!self->save_error_shown)
        {
          self->save_error_shown = TRUE;
          carta_window_add_toast (self,
                                  adw_toast_new (_("Your latest changes could not be saved yet. "
                                                   "Carta will keep trying.")));
        }
    }
  else
    self->save_error_shown = FALSE;

  if (self->dirty)
    schedule_autosave (self);
}

static void
start_save (CartaWindow *self)
{
  if (self->saving || !self->dirty || self->kase == NULL)
    return;

  self->dirty = FALSE;
  self->saving = TRUE;
  carta_store_save_case_async (get_store (self), self->kase, NULL,
                               save_done_cb, g_object_ref (self));
}

static gboolean
autosave_cb (gpointer user_data)
{
  CartaWindow *self = user_data;

  self->autosave_id = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (CartaWindow *self)
{
  self->dirty = TRUE;

  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
background_save_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!carta_store_save_case_finish (CARTA_STORE (object), result, &error))
    g_warning ("Could not save a case that is not open: %s", error->message);
}

static void
on_case_changed_cb (CartaWindow *self,
                    CartaCase   *kase)
{
  CartaStore *store;

  if (kase == self->kase)
    {
      schedule_autosave (self);
      return;
    }

  /* A case that is not open changes when an undo, a finished import or a
   * finished upload reaches it after the family opened another case:
   * save it at once, unless it was deleted meanwhile. */
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;
  store = get_store (self);
  if (carta_store_find_case (store, carta_case_get_id (kase)) == kase)
    carta_store_save_case_async (store, kase, NULL, background_save_done_cb, NULL);
}

static void
watch_case (CartaWindow *self,
            CartaCase   *kase)
{
  if (g_signal_handler_find (kase, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_case_changed_cb, self) == 0)
    g_signal_connect_object (kase, "changed", G_CALLBACK (on_case_changed_cb), self,
                             G_CONNECT_SWAPPED);
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

static void
on_case_row_activated_cb (CartaWindow   *self,
                          GtkListBoxRow *row)
{
  CartaCase *kase = g_object_get_data (G_OBJECT (row), "case");

  gtk_popover_popdown (self->cases_popover);
  carta_window_set_case (self, kase);
}

static gboolean
update_visible_page_idle_cb (gpointer user_data)
{
  CartaWindow *self = user_data;

  self->visible_page_idle_id = 0;
  update_visible_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_switcher_title_visible_cb (CartaWindow *self)
{
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->cases_button), g_list_model_get_n_items (model) > 0);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CartaCase) kase = g_list_model_get_item (model, i);
      watch_case (self, kase);
    }
}

static void
create_case (CartaWindow *self,
             const char  *title)
{
  g_autoptr(GError) error = NULL;
  CartaCase *kase;

  if (!(kase = carta_store_create_case (get_store (self), title, &error)))
    {
      g_warning ("Could not create a case: %s", error->message);
      carta_window_add_toast (self, adw_toast_new (_("The case could not be created. "
                                                     "Check that your home folder has free space.")));
      return;
    }

  carta_window_set_case (self, kase);
  /* A new case starts with its checklist: the next thing to do. */
  adw_view_stack_set_visible_child_name (self->view_stack, "checklist");
}

static void
on_entry_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "ok-response");

  adw_message_dialog_set_response_enabled (dialog, response, text[0] != '\0');
}

static void
on_entry_activate_cb (GtkEntry         *entry,
                      AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (dialog), "ok-response");

  if (adw_message_dialog_get_response_enabled (dialog, response))
    adw_message_dialog_response (dialog, response);
}

typedef void (*NameCallback) (CartaWindow *self,
                              const char  *name);

static void
on_name_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CartaWindow      *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NameCallback callback = g_object_get_data (G_OBJECT (dialog), "callback");
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, g_object_get_data (G_OBJECT (dialog), "ok-response")) != 0)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (text[0] != '\0')
    callback (self, text);
}

/* One small dialog asks for a case's name, for both New and Rename. */
static void
ask_for_name (CartaWindow  *self,
              const char   *heading,
              const char   *body,
              const char   *initial,
              const char   *ok_label,
              NameCallback  callback)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", ok_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "ok-response", (gpointer)"ok");
  g_object_set_data (G_OBJECT (dialog), "callback", callback);

  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_dialog_response_cb), self, 0);
  on_entry_changed_cb (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
rename_current_case (CartaWindow *self,
                     const char  *name)
{
  if (self->kase != NULL)
    carta_case_set_title (self->kase, name);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ask_for_name (CARTA_WINDOW (widget),
                _("New Case"),
                _("A name to tell this case apart, for example the patient's name."),
                NULL, _("C_reate"), create_case);
}

static void
create_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  create_case (CARTA_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
rename_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);

  if (self->kase == NULL)
    return;

  ask_for_name (self, _("Rename Case"), NULL,
                carta_case_get_title (self->kase), _("_Rename"),
                rename_current_case);
}

static void
on_undo_delete_cb (AdwToast    *toast,
                   CartaWindow *self)
{
  CartaCase *kase = g_object_get_data (G_OBJECT (toast), "case");
  CartaStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (toast), "undone", GINT_TO_POINTER (TRUE));

  if (!carta_store_undelete_case (store, kase, &error))
    {
      g_warning ("Could not restore a case: %s", error->message);
      carta_window_add_toast (self, adw_toast_new (_("The case could not be restored.")));
      return;
    }

  carta_window_set_case (self, kase);
}

static void
on_delete_toast_dismissed_cb (AdwToast    *toast,
                              CartaWindow *self)
{
  CartaCase *kase = g_object_get_data (G_OBJECT (toast), "case");
  CartaStore *store = g_object_get_data (G_OBJECT (toast), "store");

  /* The toast may outlive the window's link to the application. */
  if (!g_object_get_data (G_OBJECT (toast), "undone"))
    carta_store_purge_deleted (store, carta_case_get_id (kase));
}

static void
delete_current_case (CartaWindow *self)
{
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GListModel *cases;
  AdwToast *toast;

  if (self->kase == NULL)
    return;

  kase = g_object_ref (self->kase);

  /* Anything still unsaved goes to disk first, so undo restores it all. */
  carta_window_save_now (self, NULL);

  if (!carta_store_delete_case (get_store (self), kase, &error))
    {
      g_warning ("Could not delete a case: %s", error->message);
      carta_window_add_toast (self, adw_toast_new (_("The case could not be deleted.")));
      return;
    }

  cases = carta_store_get_cases (get_store (self));
  if (g_list_model_get_n_items (cases) > 0)
    {
      g_autoptr(CartaCase) next = g_list_model_get_item (cases, 0);
      carta_window_set_case (self, next);
    }
  else
    carta_window_set_case (self, NULL);

  /* TRANSLATORS: %s is the name of a case the family deleted */
  message = g_strdup_printf (_("“%s” deleted"), carta_case_get_title (kase));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "case", g_steal_pointer (&kase), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (get_store (self)), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self, 0);
  carta_window_add_toast (self, toast);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CartaWindow      *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    delete_current_case (self);
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);
  AdwMessageDialog *dialog;

  if (self->kase == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* TRANSLATORS: %s is the name of a case */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), carta_case_get_title (self->kase));
  adw_message_dialog_set_body (dialog,
                               _("The case and every file attached to it will be removed from this computer. "
                                 "Files you attached are copies: your originals are not touched."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  carta_window_show_page (CARTA_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);

  carta_window_show_page (self, "guide");
  carta_guide_page_start_search (self->guide_page);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CartaWindow      *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "case-id");
  g_autoptr(GError) error = NULL;
  CartaCase *kase;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!(kase = carta_store_restore_backup (get_store (self), id, &error)))
    {
      g_warning ("Could not restore a backup: %s", error->message);
      carta_window_add_toast (self, adw_toast_new (_("The previous save could not be opened either.")));
      return;
    }

  carta_window_set_case (self, kase);
  carta_window_add_toast (self, adw_toast_new (_("The case was restored from its previous save.")));
}

static gboolean
report_problems_cb (gpointer user_data)
{
  CartaWindow *self = user_data;
  GPtrArray *problems = carta_store_get_problems (get_store (self));

  for (guint i = 0; i < problems->len; i++)
    {
      const CartaStoreProblem *problem = g_ptr_array_index (problems, i);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("A Case Could Not Be Opened"),
                                                           NULL));
      if (problem->has_backup)
        adw_message_dialog_format_body (dialog, "%s\n\n%s", problem->error->message,
                                        _("Carta left the file as it is. A copy from the save before "
                                          "it exists; you can open that copy instead."));
      else
        adw_message_dialog_format_body (dialog, "%s\n\n%s", problem->error->message,
                                        _("Carta left the file as it is."));

      adw_message_dialog_add_response (dialog, "close", _("_Leave It"));
      if (problem->has_backup)
        {
          adw_message_dialog_add_response (dialog, "restore", _("_Open Previous Save"));
          adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
        }

      g_object_set_data_full (G_OBJECT (dialog), "case-id", g_strdup (problem->id), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  return G_SOURCE_REMOVE;
}


/* Opening a bundle: the reader verifies it completely while unpacking it
 * beside the store, and adds the case only when nothing is wrong. */

static void start_open (CartaWindow *self);

static void
hide_open_progress (CartaWindow *self)
{
  g_clear_handle_id (&self->open_progress_id, g_source_remove);

  if (self->open_progress != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->open_progress);

      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_object_unref (dialog);
    }
}

static void
finish_open (CartaWindow *self)
{
  hide_open_progress (self);
  g_clear_object (&self->open_reader);
  g_clear_object (&self->open_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-bundle", TRUE);
}

static void
on_open_progress_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              CartaWindow      *self)
{
  g_cancellable_cancel (self->open_cancellable);
}

static gboolean
show_open_progress_cb (gpointer user_data)
{
  CartaWindow *self = user_data;
  GtkWidget *spinner;

  self->open_progress_id = 0;

  self->open_progress = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                    _("Opening the Bundle…"),
                                                                    _("Carta checks every file against the bundle's "
                                                                      "list of checksums before it adds the case.")));
  g_object_ref_sink (self->open_progress);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_message_dialog_set_extra_child (self->open_progress, spinner);
  adw_message_dialog_add_response (self->open_progress, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (self->open_progress, "cancel");
  g_signal_connect_object (self->open_progress, "response",
                           G_CALLBACK (on_open_progress_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->open_progress));

  return G_SOURCE_REMOVE;
}

static void
on_passphrase_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "open", gtk_editable_get_text (entry)[0] != '\0');
}

static void
on_passphrase_activate_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "open"))
    adw_message_dialog_response (dialog, "open");
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CartaWindow      *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  /* In GTK 4.8 a password entry that still has the focus when its dialog
   * is finalized gets a focus notification after its own dispose, and
   * crashes; every way of closing the dialog passes here first. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (self->open_reader == NULL)
    return;

  if (g_strcmp0 (response, "open") != 0)
    {
      finish_open (self);
      return;
    }

  carta_bundle_reader_set_passphrase (self->open_reader, gtk_editable_get_text (entry));
  self->open_with_passphrase = TRUE;
  /* GtkPasswordEntry keeps its text in secure memory; clear it now. */
  gtk_editable_set_text (entry, "");
  start_open (self);
}

static void
ask_passphrase (CartaWindow *self,
                gboolean     again)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  hide_open_progress (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  if (again)
    {
      adw_message_dialog_set_heading (dialog, _("Wrong Passphrase"));
      adw_message_dialog_set_body (dialog, _("This passphrase does not open the bundle. Check for typing "
                                             "mistakes, capital letters and spaces, then try again."));
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _("This Bundle Is Encrypted"));
      adw_message_dialog_set_body (dialog, _("Type the passphrase it was saved with. Whoever made the "
                                             "bundle will have given it to you separately, for example "
                                             "by phone."));
    }
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  g_signal_connect (entry, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_passphrase_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_passphrase_response_cb), self, 0);
  on_passphrase_changed_cb (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
show_open_problems (CartaWindow *self,
                    GError      *error)
{
  const char * const *problems = carta_bundle_reader_get_problems (self->open_reader);
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *scroller;
  GtkWidget *label;
  guint n = problems ? g_strv_length ((char **)problems) : 0;

  if (g_error_matches (error, CARTA_ERROR, CARTA_ERROR_HOSTILE))
    g_string_append (text, _("The bundle contains something unsafe, so Carta did not unpack it. "
                             "Ask whoever sent it for a new copy."));
  else
    g_string_append (text, _("The bundle is damaged or incomplete, so Carta did not add it. "
                             "Nothing on this computer was changed. Ask whoever sent it for a new copy."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Bundle Could Not Be Opened"),
                                                       text->str));
  g_string_truncate (text, 0);

  /* Each problem names its file; the list may be long. */
  if (n == 0)
    g_string_append (text, error->message);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", problems[i]);

  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CartaWindow) self = user_data;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  kase = carta_bundle_reader_import_finish (CARTA_BUNDLE_READER (object), result, &error);
  g_application_release (g_application_get_default ());

  /* The window closed, or another bundle is being opened. */
  if (self->open_reader != CARTA_BUNDLE_READER (object))
    return;

  if (kase != NULL)
    {
      finish_open (self);
      carta_window_set_case (self, kase);
      adw_view_stack_set_visible_child_name (self->view_stack, "checklist");
      /* TRANSLATORS: %s is the name of a case opened from a bundle */
      message = g_strdup_printf (_("“%s” was checked and added to your cases."), carta_case_get_title (kase));
      carta_window_add_toast (self, adw_toast_new (message));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish_open (self);
      carta_window_add_toast (self, adw_toast_new (_("Opening cancelled. Nothing was added.")));
      return;
    }

  if (g_error_matches (error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE))
    {
      /* Ask first, and again only when a passphrase was given. */
      ask_passphrase (self, self->open_with_passphrase);
      return;
    }

  g_debug ("Could not open a bundle: %s", error->message);
  hide_open_progress (self);
  show_open_problems (self, error);
  finish_open (self);
}

static void
start_open (CartaWindow *self)
{
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->open_progress_id, g_source_remove);
  self->open_progress_id = g_timeout_add (OPEN_PROGRESS_DELAY_MS, show_open_progress_cb, self);

  g_application_hold (g_application_get_default ());
  carta_bundle_reader_import_async (self->open_reader, get_store (self), self->open_cancellable,
                                    import_done_cb, g_object_ref (self));
}

/**
 * _carta_window_open_bundle:
 * @file: a case bundle (.zip)
 *
 * Verifies @file and adds its case to the store, asking for a passphrase
 * when it is encrypted; what the Open action does after the chooser.
 */
void
_carta_window_open_bundle (CartaWindow *self,
                           GFile       *file)
{
  g_return_if_fail (CARTA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->open_reader != NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-bundle", FALSE);
  self->open_reader = carta_bundle_reader_new (file);
  self->open_with_passphrase = FALSE;
  start_open (self);
}

static void
on_open_chooser_response_cb (CartaWindow          *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->open_chooser);

  if (file != NULL)
    _carta_window_open_bundle (self, file);
}

static void
open_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);
  g_autoptr(GtkFileFilter) zip = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->open_chooser != NULL || self->open_reader != NULL)
    return;

  gtk_file_filter_set_name (zip, _("Case bundles (ZIP)"));
  gtk_file_filter_add_mime_type (zip, "application/zip");
  gtk_file_filter_add_suffix (zip, "zip");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->open_chooser = gtk_file_chooser_native_new (_("Open a Case Bundle"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), zip);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->open_chooser), zip);
  g_signal_connect_object (self->open_chooser, "response",
                           G_CALLBACK (on_open_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

/* The sample case: a fictional patient, made in a thread because it
 * draws PDFs and photos and writes a small DICOM study. */

static void
sample_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CartaCase *kase = g_object_get_data (G_OBJECT (task), "case");
  GFile *dir = task_data;
  GError *error = NULL;

  if (!carta_demo_populate (kase, dir, cancellable, &error))
    {
      /* No half-made sample is left behind. */
      carta_fs_delete_recursive (dir, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  /* The title says plainly that nobody here is real. */
  carta_case_set_title (kase, _("Sample case (fictional)"));
  g_task_return_boolean (task, TRUE);
}

static void
sample_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(CartaWindow) self = g_weak_ref_get (weak);
  CartaCase *kase = g_object_get_data (G_OBJECT (result), "case");
  CartaStore *store = g_object_get_data (G_OBJECT (result), "store");
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  g_application_release (g_application_get_default ());

  /* The task does not keep the window: closed, it is gone, and so is
   * the sample. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) || self == NULL ||
      !carta_store_add_case (store, kase, &error))
    {
      if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        carta_fs_delete_recursive (g_task_get_task_data (G_TASK (result)), NULL, NULL);
      else
        {
          g_warning ("Could not create the sample case (%s %d)",
                     g_quark_to_string (error->domain), error->code);
          carta_window_add_toast (self, adw_toast_new (_("The sample case could not be created. "
                                                         "Check that your home folder has free space.")));
        }

      if (self != NULL)
        {
          g_clear_object (&self->sample_cancellable);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sample-case", TRUE);
        }
      return;
    }

  g_clear_object (&self->sample_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sample-case", TRUE);
  carta_window_set_case (self, kase);
  adw_view_stack_set_visible_child_name (self->view_stack, "checklist");
  carta_window_add_toast (self, adw_toast_new (_("This sample case is made up. Look around, change "
                                                 "anything, or delete it when you are done.")));
}

static void
sample_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;

  if (self->sample_cancellable != NULL)
    return;

  kase = carta_case_new (_("Sample case (fictional)"));
  self->sample_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "win.sample-case", FALSE);
  /* Closing the window cancels; the application waits for the cleanup. */
  g_application_hold (g_application_get_default ());

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->sample_cancellable, sample_done_cb, weak);
  g_task_set_source_tag (task, sample_case_action);
  g_task_set_task_data (task, carta_store_get_case_dir (get_store (self), kase), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "store", g_object_ref (get_store (self)), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "case", g_steal_pointer (&kase), g_object_unref);
  g_task_run_in_thread (task, sample_thread);
}

static gboolean
carta_window_close_request (GtkWindow *window)
{
  CartaWindow *self = CARTA_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* Their callbacks hold the window, so dispose would come too late. */
  g_cancellable_cancel (self->sample_cancellable);
  g_cancellable_cancel (self->open_cancellable);

  if (!carta_window_save_now (self, &error))
    g_warning ("Could not save on close: %s", error->message);
  else if (self->kase != NULL)
    {
      /* Removals can no longer be undone: the copies they left go now.
       * Only after a good save, so case.json never names a removed copy. */
      g_autoptr(GFile) dir = carta_store_get_case_dir (get_store (self), self->kase);
      g_auto(GStrv) used = carta_cleanup_list_used (self->kase);
      g_autoptr(GError) cleanup_error = NULL;

      carta_cleanup_case_folder (dir, (const char * const *)used, NULL, &cleanup_error);
      if (cleanup_error != NULL)
        g_warning ("Could not remove unused copies: %s", cleanup_error->message);
    }

  store_window_state (self);

  return GTK_WINDOW_CLASS (carta_window_parent_class)->close_request (window);
}

/* Runs once the application is set, which GObject does only after
 * construction for this property. */
static void
setup (CartaWindow *self)
{
  CartaStore *store = get_store (self);
  GListModel *cases = carta_store_get_cases (store);
  g_autofree char *last = NULL;
  CartaCase *kase;

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  restore_window_state (self);

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
  update_visible_page (self);

  if (carta_store_get_problems (store)->len > 0)
    g_idle_add_full (G_PRIORITY_LOW, report_problems_cb, g_object_ref (self), g_object_unref);
}

static void
carta_window_dispose (GObject *object)
{
  CartaWindow *self = (CartaWindow *)object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->visible_page_idle_id, g_source_remove);
  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  hide_open_progress (self);
  g_clear_object (&self->open_chooser);
  g_clear_object (&self->open_reader);
  g_clear_object (&self->open_cancellable);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_pointer (&self->label_binding, g_binding_unbind);
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

  switch (prop_id)
    {
    case PROP_CASE:
      carta_window_set_case (self, g_value_get_object (value));
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

  g_type_ensure (CARTA_TYPE_PROFILE_PAGE);

  object_class->dispose = carta_window_dispose;
  object_class->get_property = carta_window_get_property;
  object_class->set_property = carta_window_set_property;

  window_class->close_request = carta_window_close_request;

  /**
   * CartaWindow:case:
   *
   * The case open in the window; the pages follow it.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CARTA_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARTA_TYPE_GUIDE_PAGE);
  g_type_ensure (CARTA_TYPE_CHECKLIST_PAGE);
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

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.create-case", "s", create_case_action);
  gtk_widget_class_install_action (widget_class, "win.rename-case", NULL, rename_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundle", NULL, open_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.sample-case", NULL, sample_case_action);
}

static void
carta_window_init (CartaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "case", self->export_page, "case", G_BINDING_SYNC_CREATE);

  g_object_bind_property (self, "case", self->checklist_page, "case", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "case", self->profile_page, "case", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_switcher_title_visible_cb), self,
                           G_CONNECT_SWAPPED);
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

  if (self->kase == kase)
    {
      update_visible_page (self);
      return;
    }

  if (self->kase != NULL)
    {
      carta_window_save_now (self, NULL);
      g_clear_pointer (&self->title_binding, g_binding_unbind);
      g_clear_pointer (&self->label_binding, g_binding_unbind);
    }

  g_set_object (&self->kase, kase);

  if (kase != NULL)
    {
      watch_case (self, kase);
      self->title_binding = g_object_bind_property (kase, "title",
                                                    self->switcher_title, "subtitle",
                                                    G_BINDING_SYNC_CREATE);
      self->label_binding = g_object_bind_property (kase, "title",
                                                    self->case_label, "label",
                                                    G_BINDING_SYNC_CREATE);
      self->guide_only = FALSE;
    }

  update_visible_page (self);
  update_current_marks (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
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

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (!self->dirty || self->kase == NULL)
    return TRUE;

  /* The store orders this after any save still running in a thread. */
  self->dirty = FALSE;
  if (!carta_store_save_case (get_store (self), self->kase, error))
    {
      self->dirty = TRUE;
      return FALSE;
    }

  return TRUE;
}

void
carta_window_show_page (CartaWindow *self,
                        const char  *name)
{
  g_return_if_fail (CARTA_IS_WINDOW (self));

  if (self->kase == NULL)
    self->guide_only = TRUE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  update_visible_page (self);
}

void
carta_window_add_toast (CartaWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (CARTA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

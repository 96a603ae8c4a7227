/* carta-window-actions.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-window"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-checklist-page.h"
#include "carta-host.h"
#include "carta-profile-page.h"
#include "carta-window-private.h"

/* The win.* actions hand the work to the session and show its outcome. */

typedef void (*NameCallback) (CartaWindow *self,
                              const char  *name);

/* The state of one dialog asking for a case's name. */
typedef struct
{
  GWeakRef      window;
  GtkEditable  *entry;
  NameCallback  callback;
} NameRequest;

/* What Undo of a deletion needs; the toast may outlive the window. A
 * case replaced by a bundle's copy is set aside as a deleted one, and
 * Undo takes the copy back too. */
typedef struct
{
  CartaSession *session;
  CartaCase    *kase;
  CartaCase    *copy;
  GWeakRef      window;
  gboolean      undone;
} DeletedCase;

static void
deleted_case_free (gpointer data,
                   GClosure *closure)
{
  DeletedCase *deleted = data;

  g_clear_object (&deleted->session);
  g_clear_object (&deleted->kase);
  g_clear_object (&deleted->copy);
  g_weak_ref_clear (&deleted->window);
  g_free (deleted);
}

static void
name_request_free (gpointer  data,
                   GClosure *closure)
{
  NameRequest *request = data;

  g_weak_ref_clear (&request->window);
  g_free (request);
}

static char *
dup_name (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
create_case (CartaWindow *self,
             const char  *title)
{
  CartaCase *kase;

  if (!(kase = carta_session_create_case (self->session, title, NULL)))
    {
      carta_host_notify (GTK_WIDGET (self), _("The case could not be created. "
                                              "Check that your home folder has free space."));
      return;
    }

  _carta_window_show_checklist_of (self, kase);
}

static void
rename_current_case (CartaWindow *self,
                     const char  *name)
{
  carta_session_rename_case (self->session, name);
}

static void
on_name_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = dup_name (entry);

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_set_response_enabled (dialog, "ok", text[0] != '\0');
}

static void
on_name_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            NameRequest      *request)
{
  g_autoptr(CartaWindow) self = g_weak_ref_get (&request->window);
  g_autofree char *text = NULL;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  if (self == NULL || g_strcmp0 (response, "ok") != 0)
    return;

  text = dup_name (request->entry);
  if (text[0] != '\0')
    request->callback (self, text);
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
  NameRequest *request;

  dialog = carta_host_new_question (GTK_WIDGET (self), heading, body, _("_Cancel"),
                                    "ok", ok_label, ADW_RESPONSE_SUGGESTED, "ok");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  carta_host_set_dialog_entry (dialog, entry, _("Case name"));

  request = g_new0 (NameRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->entry = GTK_EDITABLE (entry);
  request->callback = callback;

  g_signal_connect (entry, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_name_dialog_response_cb),
                         request, name_request_free, 0);
  on_name_changed_cb (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_undo_delete_cb (AdwToast    *toast,
                   DeletedCase *deleted)
{
  g_autoptr(CartaWindow) self = g_weak_ref_get (&deleted->window);

  g_assert (ADW_IS_TOAST (toast));

  if (self == NULL)
    return;

  deleted->undone = TRUE;

  if (deleted->copy != NULL
      ? !carta_session_undo_replace (deleted->session, deleted->copy, deleted->kase, NULL)
      : !carta_session_undelete_case (deleted->session, deleted->kase, NULL))
    carta_host_notify (GTK_WIDGET (self), _("The case could not be restored."));
}

static void
on_delete_toast_dismissed_cb (AdwToast    *toast,
                              DeletedCase *deleted)
{
  g_assert (ADW_IS_TOAST (toast));

  if (!deleted->undone)
    carta_session_purge_deleted (deleted->session, deleted->kase);
}

static void
offer_undo (CartaWindow *self,
            CartaCase   *kase,
            CartaCase   *copy,
            const char  *message)
{
  DeletedCase *deleted;

  deleted = g_new0 (DeletedCase, 1);
  deleted->session = g_object_ref (self->session);
  deleted->kase = g_object_ref (kase);
  deleted->copy = copy ? g_object_ref (copy) : NULL;
  g_weak_ref_init (&deleted->window, self);

  carta_host_add_undo_toast (GTK_WIDGET (self), message, _("_Undo"),
                             G_CALLBACK (on_undo_delete_cb),
                             G_CALLBACK (on_delete_toast_dismissed_cb),
                             deleted, deleted_case_free);
}

static void
on_case_deleted_cb (CartaWindow  *self,
                    CartaCase    *kase,
                    CartaSession *session)
{
  g_autofree char *message = NULL;

  g_assert (CARTA_IS_WINDOW (self));
  g_assert (CARTA_IS_SESSION (session));

  /* TRANSLATORS: %s is the name of a case the family deleted */
  message = g_strdup_printf (_("“%s” deleted"), carta_case_get_title (kase));
  offer_undo (self, kase, NULL, message);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CartaWindow      *self)
{
  g_assert (CARTA_IS_WINDOW (self));

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!carta_session_delete_case (self->session, NULL))
    carta_host_notify (GTK_WIDGET (self), _("The case could not be deleted."));
}

static void
on_sample_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(CartaWindow) self = g_weak_ref_get (weak);
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  kase = carta_session_create_sample_finish (CARTA_SESSION (object), result, &error);

  /* The job does not keep the window: closed, it is gone. */
  if (self == NULL)
    return;

  g_clear_object (&self->sample_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sample-case", TRUE);

  if (kase == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        carta_host_notify (GTK_WIDGET (self), _("The sample case could not be created. "
                                                "Check that your home folder has free space."));
      return;
    }

  _carta_window_show_checklist_of (self, kase);
  carta_host_notify (GTK_WIDGET (self), _("This sample case is made up. Look around, change "
                                          "anything, or delete it when you are done."));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_assert (CARTA_IS_WINDOW (widget));

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
  g_assert (CARTA_IS_WINDOW (widget));

  create_case (CARTA_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
rename_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);

  g_assert (CARTA_IS_WINDOW (self));

  if (self->kase == NULL)
    return;

  ask_for_name (self, _("Rename Case"), NULL,
                carta_case_get_title (self->kase), _("_Rename"),
                rename_current_case);
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);
  AdwMessageDialog *dialog;

  g_assert (CARTA_IS_WINDOW (self));

  if (self->kase == NULL)
    return;

  dialog = carta_host_new_question (GTK_WIDGET (self), NULL, NULL, _("_Cancel"),
                                    "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE, "cancel");
  /* TRANSLATORS: %s is the name of a case */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), carta_case_get_title (self->kase));
  adw_message_dialog_set_body (dialog,
                               _("The case and every file attached to it will be removed from this computer. "
                                 "Files you attached are copies: your originals are not touched."));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_assert (CARTA_IS_WINDOW (widget));

  carta_window_show_page (CARTA_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* From the Export page's review: a value to check, or a field still
 * empty, on the Case page. */
static void
show_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);

  g_assert (CARTA_IS_WINDOW (self));

  carta_window_show_page (self, "case");
  carta_profile_page_focus_field (CARTA_PROFILE_PAGE (self->profile_page), g_variant_get_string (param, NULL));
}

/* A record by its id, open in the checklist. */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);
  CartaChecklistItem *item;

  g_assert (CARTA_IS_WINDOW (self));

  if (self->kase == NULL ||
      (item = carta_case_find_item (self->kase, g_variant_get_string (param, NULL))) == NULL)
    return;

  carta_window_show_page (self, "checklist");
  carta_checklist_page_open_item (CARTA_CHECKLIST_PAGE (self->checklist_page), item);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);

  g_assert (CARTA_IS_WINDOW (self));

  /* The checklist searches its own records; elsewhere the guide, the
   * one page of text to read. */
  if (self->kase != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "checklist") == 0 &&
      carta_checklist_page_start_search (CARTA_CHECKLIST_PAGE (self->checklist_page)))
    return;

  carta_window_show_page (self, "guide");
  carta_guide_page_start_search (self->guide_page);
}

/* Escape leaves an open record for the checklist; anywhere else it goes
 * on to whatever else wants it. */
static gboolean
leave_record_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  CartaWindow *self = CARTA_WINDOW (widget);

  g_assert (CARTA_IS_WINDOW (self));

  if (self->kase == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "checklist") != 0)
    return FALSE;

  return carta_checklist_page_close_item (CARTA_CHECKLIST_PAGE (self->checklist_page));
}

static void
open_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_assert (CARTA_IS_WINDOW (widget));

  _carta_window_choose_bundle (CARTA_WINDOW (widget));
}

static void
sample_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaWindow *self = CARTA_WINDOW (widget);
  GWeakRef *weak;

  g_assert (CARTA_IS_WINDOW (self));

  if (self->sample_cancellable != NULL)
    return;

  self->sample_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "win.sample-case", FALSE);

  /* Closing the window cancels; the session holds the application until
   * the cleanup is done. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  carta_session_create_sample_async (self->session, self->sample_cancellable,
                                     on_sample_done_cb, weak);
}

void
_carta_window_class_actions_init (CartaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.create-case", "s", create_case_action);
  gtk_widget_class_install_action (widget_class, "win.rename-case", NULL, rename_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-field", "s", show_field_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "s", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundle", NULL, open_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.sample-case", NULL, sample_case_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, leave_record_cb, NULL);
}

/* Once the window has its session. */
void
_carta_window_actions_init (CartaWindow *self)
{
  g_assert (CARTA_IS_WINDOW (self));
  g_assert (CARTA_IS_SESSION (self->session));

  g_signal_connect_object (self->session, "case-deleted", G_CALLBACK (on_case_deleted_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Replacing is undone as a deletion is: until the toast goes, the case
 * set aside is still on disk. */
void
_carta_window_offer_undo_replace (CartaWindow *self,
                                  CartaCase   *copy,
                                  CartaCase   *replaced)
{
  g_autofree char *message = NULL;

  g_assert (CARTA_IS_WINDOW (self));

  /* TRANSLATORS: %s is the name of a case replaced by the copy in a bundle */
  message = g_strdup_printf (_("“%s” was replaced by the copy from the bundle"), carta_case_get_title (replaced));
  offer_undo (self, replaced, copy, message);
}

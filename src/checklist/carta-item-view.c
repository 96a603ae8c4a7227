/* carta-item-view.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-item-view"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carta-attachment-row.h"
#include "carta-checklist-row.h"
#include "carta-checklist-template.h"
#include "carta-date.h"
#include "carta-fs.h"
#include "carta-host.h"
#include "carta-identity-row.h"
#include "carta-identity.h"
#include "carta-import.h"
#include "carta-item-view.h"
#include "carta-photo-pdf-dialog.h"
#include "carta-photo-pdf.h"
#include "carta-thumbnail.h"
#include "carta-date-row.h"
#include "carta-version-editor.h"

/* The details of one record: status, date, notes and its files, which
 * the family adds by chooser or by dropping files and folders. */
struct _CartaItemView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *category_label;
  GtkLabel           *title_label;
  GtkLabel           *why_label;
  AdwEntryRow        *title_row;
  AdwComboRow        *status_row;
  CartaDateRow       *date_row;
  GtkTextView        *notes_view;
  CartaVersionEditor *notes_version;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkListBox         *attachments_list;
  GtkListBox         *identity_list;
  GtkButton          *combine_button;

  /* State */
  CartaStore         *store;
  CartaCase          *kase;
  CartaChecklistItem *item;
  GHashTable         *flagged;       /* attachment ids whose copy failed the check */
  GCancellable       *thumbnails;    /* previews of the item shown */
  GCancellable       *job;           /* the import or PDF running, if any */
  CartaChecklistItem *job_item;
  GtkFileChooserNative *chooser;
  guint               updating : 1;
  guint               holding : 1;   /* the application, while a job runs */
};

G_DEFINE_FINAL_TYPE (CartaItemView, carta_item_view, GTK_TYPE_WIDGET)

static void start_import (CartaItemView *self,
                          GListModel    *files,
                          const char    *temp_dir,
                          GPtrArray     *combined);
static void offer_to_remove_photos (CartaItemView      *self,
                                    CartaChecklistItem *item,
                                    GPtrArray          *photos);

static GFile *
get_case_dir (CartaItemView *self)
{
  if (self->store == NULL || self->kase == NULL)
    return NULL;
  return carta_store_get_case_dir (self->store, self->kase);
}

/* Attachment rows */

static GtkWidget *
create_attachment_row (gpointer object,
                       gpointer user_data)
{
  CartaAttachment *attachment = object;
  CartaItemView *self = user_data;
  g_autoptr(GFile) case_dir = get_case_dir (self);
  CartaPatient *patient = self->kase ? carta_case_get_patient (self->kase) : NULL;
  gboolean flagged = self->flagged != NULL &&
                     g_hash_table_contains (self->flagged, carta_attachment_get_id (attachment));
  GtkWidget *row = carta_attachment_row_new (attachment, patient, flagged);

  if (case_dir != NULL)
    carta_attachment_row_load_preview (CARTA_ATTACHMENT_ROW (row), case_dir,
                                       gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                       self->thumbnails);

  return row;
}

static guint
count_photos (CartaItemView *self)
{
  GListModel *attachments = carta_checklist_item_get_attachments (self->item);
  guint n = g_list_model_get_n_items (attachments), photos = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);
      const char *mime = carta_attachment_get_content_type (attachment);

      if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_FILE &&
          mime != NULL && g_str_has_prefix (mime, "image/") && carta_thumbnail_can_preview (mime))
        photos++;
    }

  return photos;
}

/* The discs of the record that may be another patient's, or could not
 * be checked, each with a way to confirm it: above the files, in the
 * warning colour. Confirmed discs stay listed, to take it back. */
static void
update_identity (CartaItemView *self)
{
  GListModel *attachments = self->item ? carta_checklist_item_get_attachments (self->item) : NULL;
  CartaPatient *patient = self->kase ? carta_case_get_patient (self->kase) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->identity_list))))
    gtk_list_box_remove (self->identity_list, child);

  for (guint i = 0; attachments != NULL && patient != NULL && i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autoptr(CartaIdentityCheck) check = carta_identity_check_attachment (attachment, patient);

      if (check != NULL && check->status != CARTA_IDENTITY_MATCHES)
        gtk_list_box_append (self->identity_list, carta_identity_row_new (attachment, check, NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->identity_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->identity_list)) != NULL);
}

static void
disconnect_patient (CartaItemView *self)
{
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (carta_case_get_patient (self->kase), update_identity, self);
}

static void
rebind_attachments (CartaItemView *self)
{
  g_cancellable_cancel (self->thumbnails);
  g_clear_object (&self->thumbnails);
  self->thumbnails = g_cancellable_new ();

  if (self->item != NULL)
    gtk_list_box_bind_model (self->attachments_list, carta_checklist_item_get_attachments (self->item),
                             create_attachment_row, self, NULL);
  else
    gtk_list_box_bind_model (self->attachments_list, NULL, NULL, NULL, NULL);

  update_identity (self);
}

/* Fields */

static void
update_fields (CartaItemView *self)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  GListModel *attachments;
  const char *why;

  if (self->item == NULL)
    return;

  self->updating = TRUE;

  gtk_label_set_label (self->category_label,
                       carta_checklist_template_get_category_title (template, carta_checklist_item_get_category (self->item)));
  gtk_label_set_label (self->title_label, carta_checklist_template_get_item_title (template, self->item));
  why = carta_checklist_template_get_item_why (template, self->item);
  gtk_label_set_label (self->why_label, why ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), why != NULL);

  adw_combo_row_set_selected (self->status_row, carta_checklist_item_get_status (self->item));

  /* Typed in the family's own format or picked; the calendar opens on
   * this record's date, never on the one shown before. */
  carta_date_row_set_date (self->date_row, carta_checklist_item_get_document_date (self->item));
  carta_date_row_set_extra_error (self->date_row, NULL);

  attachments = carta_checklist_item_get_attachments (self->item);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), g_list_model_get_n_items (attachments) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->combine_button), count_photos (self) >= 2);

  gtk_revealer_set_reveal_child (self->progress_revealer,
                                 self->job != NULL && self->job_item == self->item);

  self->updating = FALSE;
}

static void
on_status_selected_cb (CartaItemView *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || self->item == NULL || selected > CARTA_ITEM_STATUS_NOT_APPLICABLE)
    return;

  carta_checklist_item_set_status (self->item, selected);
}

static void
on_title_changed_cb (CartaItemView *self)
{
  g_autofree char *title = NULL;

  if (self->updating || self->item == NULL || carta_checklist_item_get_template_key (self->item) != NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  /* An empty name would leave a blank row; keep the last one. */
  if (title[0] != '\0')
    carta_checklist_item_set_title (self->item, title);
}

static void
on_date_changed_cb (CartaItemView *self)
{
  g_assert (CARTA_IS_ITEM_VIEW (self));

  if (self->updating || self->item == NULL)
    return;

  /* A document has a day: "July 2019" is kept on the row, flagged, and
   * the record keeps its date until a whole one is given. */
  if (carta_checklist_item_set_document_date (self->item, carta_date_row_get_date (self->date_row)))
    carta_date_row_set_extra_error (self->date_row, NULL);
  else
    carta_date_row_set_extra_error (self->date_row, _("Give the whole date of the document: day, month and year."));
}

static void
on_notes_changed_cb (CartaItemView *self,
                     GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->item == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  carta_checklist_item_set_notes (self->item, text[0] != '\0' ? text : NULL);
}

static void
on_notes_version_changed_cb (CartaItemView      *self,
                             CartaVersionEditor *editor)
{
  g_autofree char *text = NULL;

  g_assert (CARTA_IS_ITEM_VIEW (self));

  if (self->updating || self->item == NULL)
    return;

  text = carta_version_editor_dup_text (editor);
  carta_checklist_item_set_notes_translation (self->item, carta_version_editor_get_language (editor), text);
}

/* Importing */

typedef struct
{
  CartaItemView      *view;
  CartaChecklistItem *item;
  char               *temp_dir;
  GPtrArray          *combined;  /* photos the PDF imported was made of */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  if (job->temp_dir != NULL)
    carta_fs_remove_tree (job->temp_dir);
  g_free (job->temp_dir);
  g_clear_object (&job->view);
  g_clear_object (&job->item);
  g_clear_pointer (&job->combined, g_ptr_array_unref);
  g_free (job);
}

/* A job outlives the view when its window closes while it runs: it is
 * cancelled then, and its end must not touch the template widgets. */
static gboolean
is_disposed (CartaItemView *self)
{
  return self->progress_revealer == NULL;
}

/* The application stays up until a cancelled job has cleaned up after
 * itself, even when its window is already closed. */
static void
job_started (CartaItemView *self)
{
  GApplication *app = g_application_get_default ();

  if (!self->holding && app != NULL)
    {
      g_application_hold (app);
      self->holding = TRUE;
    }
}

static void
job_finished (CartaItemView *self)
{
  g_clear_object (&self->job);
  g_clear_object (&self->job_item);
  if (self->holding)
    {
      self->holding = FALSE;
      g_application_release (g_application_get_default ());
    }
  if (is_disposed (self))
    return;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.cancel", FALSE);
}

static void
on_import_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  CartaItemView *self = user_data;
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *total_text = g_format_size (total);
  g_autofree char *text = NULL;

  if (is_disposed (self))
    return;

  if (total == 0)
    {
      gtk_label_set_label (self->progress_label, _("Looking at the files…"));
      gtk_progress_bar_pulse (self->progress_bar);
      return;
    }

  /* TRANSLATORS: progress of copying, e.g. “Copying 12 MB of 1.2 GB…” */
  text = g_strdup_printf (_("Copying %s of %s…"), done_text, total_text);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double)done / total);
}

static void
report_import_failure (CartaItemView *self,
                       const GError  *error)
{
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      carta_host_notify (GTK_WIDGET (self), _("Adding files was cancelled. Nothing was added."));
      return;
    }

  g_warning ("Import failed (%s %d)", g_quark_to_string (error->domain), error->code);
  body = g_strdup_printf ("%s\n\n%s",
                          _("Nothing was added and your files were not changed. "
                            "Check that there is free space on this computer, then try again."),
                          error->message);
  carta_host_show_message (GTK_WIDGET (self), _("Files Could Not Be Added"), body, _("_Close"));
}

static void
report_skipped (CartaItemView *self,
                guint          n_added,
                GPtrArray     *skipped)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append_printf (body, ngettext ("%u file was added.", "%u files were added.", n_added),
                          n_added);
  g_string_append (body, " ");
  g_string_append (body, ngettext ("This one was left out:", "These were left out:", skipped->len));
  for (guint i = 0; i < MIN (skipped->len, 10); i++)
    g_string_append_printf (body, "\n• %s", ((GError *)g_ptr_array_index (skipped, i))->message);
  if (skipped->len > 10)
    g_string_append_printf (body, "\n• …");
  carta_host_show_message (GTK_WIDGET (self), _("Some Files Were Left Out"), body->str, _("_Close"));
}

static void
add_imported (CartaChecklistItem *item,
              GPtrArray          *attachments)
{
  for (guint i = 0; i < attachments->len; i++)
    carta_checklist_item_add_attachment (item, g_ptr_array_index (attachments, i));

  /* Files in hand: the record is received. */
  if (attachments->len > 0 &&
      !carta_item_status_is_ready (carta_checklist_item_get_status (item)))
    carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_RECEIVED);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImportJob *job = user_data;
  CartaItemView *self = job->view;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;

  gboolean cancelled = self->job != NULL && g_cancellable_is_cancelled (self->job);

  g_assert (CARTA_IS_ITEM_VIEW (self));

  attachments = carta_import_files_finish (result, &skipped, &error);
  job_finished (self);

  /* Cancelled (or the window closed) just as the copies were done: the
   * family said stop, so nothing is added; the unused copies are
   * removed with the next clean-up. */
  if (attachments != NULL && cancelled)
    {
      g_clear_pointer (&attachments, g_ptr_array_unref);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }

  if (attachments == NULL)
    {
      if (!is_disposed (self))
        report_import_failure (self, error);
    }
  else
    {
      add_imported (job->item, attachments);

      if (is_disposed (self))
        ;
      else if (skipped != NULL && skipped->len > 0)
        report_skipped (self, attachments->len, skipped);
      else if (attachments->len == 0)
        carta_host_notify (GTK_WIDGET (self), _("There were no files to add."));
      else if (job->combined != NULL)
        offer_to_remove_photos (self, job->item, job->combined);
    }

  import_job_free (job);
}

static void
start_import (CartaItemView *self,
              GListModel    *files,
              const char    *temp_dir,
              GPtrArray     *combined)
{
  g_autoptr(GFile) case_dir = get_case_dir (self);
  ImportJob *job;

  if (case_dir == NULL || self->item == NULL)
    {
      carta_host_notify (GTK_WIDGET (self), _("Open a case before adding files."));
      if (temp_dir != NULL)
        carta_fs_remove_tree (temp_dir);
      job_finished (self);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->view = g_object_ref (self);
  job->item = g_object_ref (self->item);
  job->temp_dir = g_strdup (temp_dir);
  job->combined = combined ? g_ptr_array_ref (combined) : NULL;

  if (self->job == NULL)
    self->job = g_cancellable_new ();
  g_set_object (&self->job_item, self->item);
  job_started (self);

  gtk_label_set_label (self->progress_label, _("Looking at the files…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.cancel", TRUE);

  carta_import_files_async (case_dir, files,
                            on_import_progress_cb, g_object_ref (self), g_object_unref,
                            self->job, on_import_done_cb, job);
}

/**
 * carta_item_view_import_files:
 * @files: (element-type GFile): files and folders to copy into the case
 *
 * Copies @files into the case and attaches them to the item shown, with
 * progress and a Cancel button.
 */
void
carta_item_view_import_files (CartaItemView *self,
                              GSList        *files)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  g_return_if_fail (CARTA_IS_ITEM_VIEW (self));

  if (self->job != NULL)
    {
      carta_host_notify (GTK_WIDGET (self), _("Please wait until the files being added now are copied."));
      return;
    }

  for (GSList *l = files; l != NULL; l = l->next)
    g_list_store_append (store, l->data);

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    start_import (self, G_LIST_MODEL (store), NULL, NULL);
}

gboolean
carta_item_view_is_busy (CartaItemView *self)
{
  g_return_val_if_fail (CARTA_IS_ITEM_VIEW (self), FALSE);
  return self->job != NULL;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CartaItemView *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || self->item == NULL)
    return FALSE;

  carta_item_view_import_files (self, files);
  return TRUE;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CartaItemView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      if (self->job != NULL)
        carta_host_notify (GTK_WIDGET (self), _("Please wait until the files being added now are copied."));
      else if (g_list_model_get_n_items (files) > 0)
        start_import (self, files, NULL, NULL);
    }

  g_clear_object (&self->chooser);
}

static void
choose_files (CartaItemView        *self,
              GtkFileChooserAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean folder = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  if (self->item == NULL || self->chooser != NULL)
    return;

  /* The native chooser goes through the portal inside Flatpak. */
  self->chooser = gtk_file_chooser_native_new (folder ? _("Add a Folder") : _("Add Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               action, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), !folder);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  choose_files (CARTA_ITEM_VIEW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_files (CARTA_ITEM_VIEW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job);
      gtk_label_set_label (self->progress_label, _("Cancelling…"));
    }
}

/* Attachments */

static CartaAttachment *
find_attachment (CartaItemView *self,
                 const char    *id,
                 guint         *position)
{
  GListModel *attachments;
  guint n;

  if (self->item == NULL)
    return NULL;

  attachments = carta_checklist_item_get_attachments (self->item);
  n = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);

      if (g_strcmp0 (carta_attachment_get_id (attachment), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return attachment;
        }
    }

  return NULL;
}

static void
on_launched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CartaItemView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_warning ("Could not open an attachment (%s %d)", g_quark_to_string (error->domain), error->code);
      carta_host_notify (GTK_WIDGET (self), _("No application on this computer can open this file."));
    }
}

static void
launch (CartaItemView *self,
        GFile         *file)
{
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launched_cb, g_object_ref (self));
}

/* A stored copy on its way to a private file with its real name. */
typedef struct
{
  CartaItemView *view;
  GFile         *dest;
} OpenCopy;

static void
open_copy_free (OpenCopy *copy)
{
  g_clear_object (&copy->view);
  g_clear_object (&copy->dest);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenCopy, open_copy_free)

static void
on_copied_for_open_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(OpenCopy) copy = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert (CARTA_IS_ITEM_VIEW (copy->view));

  if (!g_file_copy_finish (G_FILE (object), result, &error))
    {
      g_warning ("Could not prepare an attachment for opening (%s %d)", g_quark_to_string (error->domain), error->code);
      carta_host_notify (GTK_WIDGET (copy->view), _("The file could not be opened. Check that there is free space on this computer."));
      return;
    }

  /* Read only: edits in the other application cannot pass for the record. */
  path = g_file_get_path (copy->dest);
  g_chmod (path, 0400);
  launch (copy->view, copy->dest);
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);
  CartaAttachment *attachment = find_attachment (self, g_variant_get_string (param, NULL), NULL);
  g_autoptr(GFile) case_dir = get_case_dir (self);
  g_autoptr(GFile) stored = NULL;
  g_autofree char *base = NULL;
  g_autofree char *unique = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  OpenCopy *copy;

  if (attachment == NULL || case_dir == NULL)
    return;

  stored = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (attachment));

  if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_IMAGING)
    {
      launch (self, stored);
      return;
    }

  /* Stored copies are named by their hash; applications want the real
   * name and extension, so open a private read-only copy instead. */
  base = carta_fs_get_opened_copies_dir ();
  unique = g_uuid_string_random ();
  dir = g_build_filename (base, unique, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      carta_host_notify (GTK_WIDGET (self), _("The file could not be opened. Check that there is free space on this computer."));
      return;
    }

  name = g_path_get_basename (carta_attachment_get_original_name (attachment));
  copy = g_new0 (OpenCopy, 1);
  copy->view = g_object_ref (self);
  copy->dest = g_file_new_build_filename (dir, name, NULL);
  g_file_copy_async (stored, copy->dest, G_FILE_COPY_NONE, G_PRIORITY_DEFAULT, NULL, NULL, NULL,
                     on_copied_for_open_cb, copy);
}

/* Renaming an attachment, moving it to another record, and removing
 * the photos a PDF was made of: each is undone from a toast. */

typedef struct
{
  CartaItemView      *view;
  CartaChecklistItem *item;
  CartaAttachment    *attachment;
  char               *old_name;   /* the display name before, or NULL */
  GPtrArray          *targets;    /* the records offered, for a move */
  CartaChecklistItem *target;     /* where it went, once moved */
  guint               position;   /* where it was in @item */
  GPtrArray          *photos;     /* after combining: the photos, and */
  GArray             *positions;  /* where each was, once removed */
  gboolean            renamed;
} AttachmentEdit;

static AttachmentEdit *
attachment_edit_new (CartaItemView      *self,
                     CartaChecklistItem *item,
                     CartaAttachment    *attachment,
                     guint               position)
{
  AttachmentEdit *edit = g_new0 (AttachmentEdit, 1);

  edit->view = g_object_ref (self);
  edit->item = g_object_ref (item);
  edit->attachment = attachment ? g_object_ref (attachment) : NULL;
  edit->old_name = attachment ? g_strdup (carta_attachment_get_display_name (attachment)) : NULL;
  edit->position = position;
  edit->photos = g_ptr_array_new_with_free_func (g_object_unref);
  edit->positions = g_array_new (FALSE, FALSE, sizeof (guint));

  return edit;
}

static void
attachment_edit_free (gpointer  data,
                      GClosure *closure)
{
  AttachmentEdit *edit = data;

  g_free (edit->old_name);
  g_clear_pointer (&edit->targets, g_ptr_array_unref);
  g_clear_pointer (&edit->photos, g_ptr_array_unref);
  g_clear_pointer (&edit->positions, g_array_unref);
  g_clear_object (&edit->view);
  g_clear_object (&edit->item);
  g_clear_object (&edit->attachment);
  g_clear_object (&edit->target);
  g_free (edit);
}

/* Undo, whichever change the toast speaks of. */
static void
on_undo_edit_cb (AdwToast       *toast,
                 AttachmentEdit *edit)
{
  g_assert (ADW_IS_TOAST (toast));

  if (edit->positions->len > 0)
    {
      /* The photos, back where they were: positions were taken last to first. */
      for (guint i = edit->photos->len; i > 0; i--)
        carta_checklist_item_insert_attachment (edit->item,
                                                g_array_index (edit->positions, guint, i - 1),
                                                g_ptr_array_index (edit->photos, i - 1));
    }
  else if (edit->target != NULL)
    /* Back to its record, where it was. */
    carta_checklist_item_move_attachment (edit->target, edit->attachment, edit->item, edit->position);
  else if (edit->renamed)
    carta_checklist_item_rename_attachment (edit->item, edit->attachment, edit->old_name);
  else
    /* Put it back where it was. */
    carta_checklist_item_insert_attachment (edit->item, edit->position, edit->attachment);
}

/* Says what was done, with Undo; takes @undo and @message. */
static void
offer_undo (AttachmentEdit *undo,
            char           *message)
{
  g_autofree char *text = message;

  carta_host_add_undo_toast (GTK_WIDGET (undo->view), text, _("_Undo"),
                             G_CALLBACK (on_undo_edit_cb), NULL,
                             undo, attachment_edit_free);
}

/* Shows @dialog, whose answer @on_response handles with @edit. */
static void
ask_about_attachment (AdwMessageDialog *dialog,
                      GCallback         on_response,
                      AttachmentEdit   *edit,
                      GtkWidget        *focus)
{
  GClosure *closure = g_cclosure_new (on_response, edit, attachment_edit_free);

  g_signal_connect_closure (dialog, "response", closure, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (focus);
}

static void
remove_attachment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);
  g_autoptr(CartaAttachment) attachment = NULL;
  AttachmentEdit *removed;
  CartaAttachment *found;
  guint position = 0;

  if (!(found = find_attachment (self, g_variant_get_string (param, NULL), &position)))
    return;

  attachment = g_object_ref (found);
  carta_checklist_item_remove_attachment (self->item, attachment);

  removed = attachment_edit_new (self, self->item, attachment, position);

  /* TRANSLATORS: %s is the name of a file removed from a record */
  offer_undo (removed, g_strdup_printf (_("“%s” removed"), carta_attachment_get_label (attachment)));
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AttachmentEdit   *edit)
{
  g_autofree char *name = NULL;
  AttachmentEdit *undo;

  g_assert (CARTA_IS_ITEM_VIEW (edit->view));

  if (g_strcmp0 (response, "rename") != 0)
    return;

  name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))));
  g_strstrip (name);
  /* The original name is the name to go back to, not a new one. */
  if (g_strcmp0 (name, carta_attachment_get_original_name (edit->attachment)) == 0)
    name[0] = '\0';
  if (g_strcmp0 (name[0] != '\0' ? name : NULL, edit->old_name) == 0 ||
      !carta_checklist_item_rename_attachment (edit->item, edit->attachment, name))
    return;

  undo = attachment_edit_new (edit->view, edit->item, edit->attachment, edit->position);
  g_free (undo->old_name);
  undo->old_name = g_strdup (edit->old_name);
  undo->renamed = TRUE;

  /* TRANSLATORS: %s is the new name of a file attached to a record */
  offer_undo (undo, g_strdup_printf (_("Renamed to “%s”"), carta_attachment_get_label (edit->attachment)));
}

static void
rename_attachment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);
  CartaAttachment *attachment;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (!(attachment = find_attachment (self, g_variant_get_string (param, NULL), NULL)))
    return;

  dialog = carta_host_new_question (widget, _("Rename File"), NULL, _("_Cancel"),
                                    "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED, "rename");
  /* TRANSLATORS: %s is the name the file had when it was added */
  adw_message_dialog_format_body (dialog, _("The name shown in Carta and in the summary for the "
                                            "coordinators. The file itself is not changed. "
                                            "It was added as “%s”."),
                                  carta_attachment_get_original_name (attachment));

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), carta_attachment_get_label (attachment));
  carta_host_set_dialog_entry (dialog, entry, _("File name"));

  ask_about_attachment (dialog, G_CALLBACK (on_rename_response_cb),
                        attachment_edit_new (self, self->item, attachment, 0), entry);
}

static void
on_move_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AttachmentEdit   *edit)
{
  GtkDropDown *records = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  guint selected = gtk_drop_down_get_selected (records);
  CartaChecklistItem *target;
  AttachmentEdit *undo;

  g_assert (CARTA_IS_ITEM_VIEW (edit->view));

  if (g_strcmp0 (response, "move") != 0 || selected >= edit->targets->len)
    return;

  target = g_ptr_array_index (edit->targets, selected);
  if (!g_list_store_find (G_LIST_STORE (carta_checklist_item_get_attachments (edit->item)),
                          edit->attachment, &edit->position) ||
      !carta_checklist_item_move_attachment (edit->item, edit->attachment, target, G_MAXUINT))
    return;

  undo = attachment_edit_new (edit->view, edit->item, edit->attachment, edit->position);
  undo->target = g_object_ref (target);

  /* TRANSLATORS: first %s is a file, second the record it was moved to */
  offer_undo (undo, g_strdup_printf (_("“%s” moved to “%s”"), carta_attachment_get_label (edit->attachment),
                                     carta_checklist_template_get_item_title (template, target)));
}

static void
move_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  CartaAttachment *attachment;
  AdwMessageDialog *dialog;
  AttachmentEdit *edit;
  GtkWidget *records;
  GListModel *items;

  if (self->kase == NULL ||
      !(attachment = find_attachment (self, g_variant_get_string (param, NULL), NULL)))
    return;

  edit = attachment_edit_new (self, self->item, attachment, 0);
  edit->targets = g_ptr_array_new_with_free_func (g_object_unref);
  items = carta_case_get_items (self->kase);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (item == self->item)
        continue;
      g_ptr_array_add (edit->targets, g_object_ref (item));
      gtk_string_list_append (titles, carta_checklist_template_get_item_title (template, item));
    }

  dialog = carta_host_new_question (widget, _("Move to Another Record"),
                                    _("The file stays in the case and is listed under the record you choose."),
                                    _("_Cancel"), "move", _("_Move"), ADW_RESPONSE_SUGGESTED, "move");
  records = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&titles)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (records), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (records),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Record"), -1);
  adw_message_dialog_set_extra_child (dialog, records);
  adw_message_dialog_set_response_enabled (dialog, "move", edit->targets->len > 0);

  ask_about_attachment (dialog, G_CALLBACK (on_move_response_cb), edit, records);
}

/* Photos of paper into one PDF */

typedef struct
{
  CartaItemView      *view;
  CartaChecklistItem *item;
  char               *temp_dir;
  GFile              *pdf;
  GPtrArray          *photos;  /* the attachments that became pages */
} PdfJob;

/* Only the record's own entries go: the stored copies stay in the case
 * until the next clean-up, so Undo is exact, and the family's own files
 * outside the case are never touched. */
static void
on_remove_photos_cb (AdwToast       *toast,
                     AttachmentEdit *combined)
{
  GListModel *attachments = carta_checklist_item_get_attachments (combined->item);
  AttachmentEdit *removed;

  g_assert (ADW_IS_TOAST (toast));

  removed = attachment_edit_new (combined->view, combined->item, NULL, 0);

  /* Last to first, so each position stays true as the others go. */
  for (guint i = g_list_model_get_n_items (attachments); i > 0; i--)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i - 1);
      guint position = i - 1;

      if (!g_ptr_array_find (combined->photos, attachment, NULL))
        continue;

      carta_checklist_item_remove_attachment (combined->item, attachment);
      g_ptr_array_add (removed->photos, g_object_ref (attachment));
      g_array_append_val (removed->positions, position);
    }

  if (removed->photos->len == 0)
    {
      attachment_edit_free (removed, NULL);
      return;
    }

  offer_undo (removed, g_strdup_printf (ngettext ("%u photo removed from this record",
                                                  "%u photos removed from this record", removed->photos->len),
                                        removed->photos->len));
}

static void
offer_to_remove_photos (CartaItemView      *self,
                        CartaChecklistItem *item,
                        GPtrArray          *photos)
{
  AttachmentEdit *combined;

  if (photos->len == 0)
    return;

  combined = attachment_edit_new (self, item, NULL, 0);
  for (guint i = 0; i < photos->len; i++)
    g_ptr_array_add (combined->photos, g_object_ref (g_ptr_array_index (photos, i)));
  carta_host_add_undo_toast (GTK_WIDGET (self),
                             _("The PDF was added. The photos are still attached too."),
                             _("_Remove Photos"),
                             G_CALLBACK (on_remove_photos_cb), NULL,
                             combined, attachment_edit_free);
}

static void
on_pdf_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PdfJob *job = user_data;
  CartaItemView *self = job->view;
  g_autoptr(GError) error = NULL;

  if (!carta_photo_pdf_write_finish (result, &error))
    {
      job_finished (self);
      carta_fs_remove_tree (job->temp_dir);
      if (is_disposed (self))
        ;
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        carta_host_notify (GTK_WIDGET (self), _("Making the PDF was cancelled."));
      else
        {
          g_autofree char *body = g_strdup_printf ("%s\n\n%s",
                                                   _("Your photos are unchanged. One of them may not be an image Carta can read."),
                                                   error->message);
          g_warning ("Could not make a PDF (%s %d)", g_quark_to_string (error->domain), error->code);
          carta_host_show_message (GTK_WIDGET (self), _("The PDF Could Not Be Made"), body, _("_Close"));
        }
    }
  else if (self->item != job->item || is_disposed (self))
    {
      /* The family moved on to another record; the photos stay as they were. */
      job_finished (self);
      carta_fs_remove_tree (job->temp_dir);
    }
  else
    {
      g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

      g_list_store_append (files, job->pdf);
      /* The import removes the temporary folder once the copy is made. */
      start_import (self, G_LIST_MODEL (files), job->temp_dir, job->photos);
    }

  g_object_unref (job->view);
  g_object_unref (job->item);
  g_object_unref (job->pdf);
  g_ptr_array_unref (job->photos);
  g_free (job->temp_dir);
  g_free (job);
}

static void
on_combine_cb (CartaPhotoPdfDialog *dialog,
               GStrv                paths,
               const char          *name,
               CartaItemView       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *pdf_path = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree int *rotations = NULL;
  char *temp_dir;
  PdfJob *job;

  if (self->item == NULL || self->job != NULL)
    return;

  carta_photo_pdf_dialog_get_pages (dialog, &ids, &rotations);

  if (!(temp_dir = g_dir_make_tmp ("carta-pdf-XXXXXX", &error)))
    {
      carta_host_show_message (GTK_WIDGET (self), _("The PDF Could Not Be Made"), error->message, _("_Close"));
      return;
    }

  file_name = g_strdup_printf ("%s.pdf", name);
  g_strdelimit (file_name, "/\\", '-');
  pdf_path = g_build_filename (temp_dir, file_name, NULL);

  job = g_new0 (PdfJob, 1);
  job->view = g_object_ref (self);
  job->item = g_object_ref (self->item);
  job->temp_dir = temp_dir;
  job->pdf = g_file_new_for_path (pdf_path);
  job->photos = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      CartaAttachment *photo = find_attachment (self, ids[i], NULL);

      if (photo != NULL)
        g_ptr_array_add (job->photos, g_object_ref (photo));
    }

  self->job = g_cancellable_new ();
  g_set_object (&self->job_item, self->item);
  job_started (self);
  gtk_label_set_label (self->progress_label, _("Making the PDF…"));
  gtk_progress_bar_pulse (self->progress_bar);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.cancel", TRUE);

  carta_photo_pdf_write_async ((const char * const *)paths, rotations, pdf_path, name, self->job,
                               on_pdf_written_cb, job);
}

static void
combine_photos_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  g_autoptr(GFile) case_dir = get_case_dir (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  CartaPhotoPdfDialog *dialog;
  GListModel *attachments;
  guint n;

  if (self->item == NULL || case_dir == NULL)
    return;

  if (self->job != NULL)
    {
      carta_host_notify (GTK_WIDGET (self), _("Please wait until the files being added now are copied."));
      return;
    }

  dialog = carta_photo_pdf_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       carta_checklist_template_get_item_title (template, self->item));

  attachments = carta_checklist_item_get_attachments (self->item);
  n = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);
      const char *mime = carta_attachment_get_content_type (attachment);
      g_autoptr(GFile) file = NULL;

      if (carta_attachment_get_kind (attachment) != CARTA_ATTACHMENT_KIND_FILE ||
          mime == NULL || !g_str_has_prefix (mime, "image/") || !carta_thumbnail_can_preview (mime))
        continue;

      file = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (attachment));
      carta_photo_pdf_dialog_add_photo (dialog, file, carta_attachment_get_id (attachment),
                                        carta_attachment_get_label (attachment), mime);
    }

  g_signal_connect_object (dialog, "combine", G_CALLBACK (on_combine_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
on_item_changed_cb (CartaItemView *self)
{
  update_fields (self);
  update_identity (self);
}

/* A job holds the view, so dispose comes only after it ends: closing the
 * window cancels it here instead. */
static void
carta_item_view_unroot (GtkWidget *widget)
{
  CartaItemView *self = CARTA_ITEM_VIEW (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);

  GTK_WIDGET_CLASS (carta_item_view_parent_class)->unroot (widget);
}

static void
carta_item_view_dispose (GObject *object)
{
  CartaItemView *self = (CartaItemView *)object;
  GtkWidget *child;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_cancellable_cancel (self->thumbnails);
  g_clear_object (&self->thumbnails);
  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_object (&self->job_item);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->item);
  disconnect_patient (self);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->flagged, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_ITEM_VIEW);
  /* Template children without an id are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (carta_item_view_parent_class)->dispose (object);
}

static void
carta_item_view_class_init (CartaItemViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_item_view_dispose;
  widget_class->unroot = carta_item_view_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CARTA_TYPE_DATE_ROW);
  g_type_ensure (CARTA_TYPE_VERSION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/checklist/carta-item-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, category_label);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, why_label);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, title_row);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, status_row);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, date_row);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, notes_version);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_version_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, identity_list);
  gtk_widget_class_bind_template_child (widget_class, CartaItemView, combine_button);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "item.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "item.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "item.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "item.open-attachment", "s", open_attachment_action);
  gtk_widget_class_install_action (widget_class, "item.remove-attachment", "s", remove_attachment_action);
  gtk_widget_class_install_action (widget_class, "item.combine-photos", NULL, combine_photos_action);
  gtk_widget_class_install_action (widget_class, "item.rename-attachment", "s", rename_attachment_action);
  gtk_widget_class_install_action (widget_class, "item.move-attachment", "s", move_attachment_action);
}

static void
carta_item_view_init (CartaItemView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = CARTA_ITEM_STATUS_NEEDED; i <= CARTA_ITEM_STATUS_NOT_APPLICABLE; i++)
    gtk_string_list_append (statuses, carta_item_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);

  /* Files and folders, several at once, dropped anywhere on the record. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->thumbnails = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.cancel", FALSE);
}

/**
 * carta_item_view_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
CartaChecklistItem *
carta_item_view_get_item (CartaItemView *self)
{
  g_return_val_if_fail (CARTA_IS_ITEM_VIEW (self), NULL);
  return self->item;
}

void
carta_item_view_set_item (CartaItemView      *self,
                          CartaStore         *store,
                          CartaCase          *kase,
                          CartaChecklistItem *item)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CARTA_IS_ITEM_VIEW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  disconnect_patient (self);

  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  /* A new name on the Case page may make a disc match, or stop. */
  if (kase != NULL)
    g_signal_connect_object (carta_case_get_patient (kase), "notify",
                             G_CALLBACK (update_identity), self, G_CONNECT_SWAPPED);
  g_set_object (&self->item, item);

  rebind_attachments (self);

  if (item == NULL)
    return;

  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed_cb), self, G_CONNECT_SWAPPED);

  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->title_row), carta_checklist_item_get_template_key (item) == NULL);
  if (carta_checklist_item_get_template_key (item) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), carta_checklist_item_get_title (item));
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_text (buffer, carta_checklist_item_get_notes (item) ? carta_checklist_item_get_notes (item) : "", -1);
  {
    g_autofree char *language = carta_version_editor_pick_language (kase);

    carta_version_editor_set_language (self->notes_version, language);
    carta_version_editor_set_text (self->notes_version, carta_checklist_item_get_notes_translation (item, language));
  }
  self->updating = FALSE;

  update_fields (self);
}

/**
 * carta_item_view_set_flagged:
 * @flagged: (nullable): ids of attachments whose stored copy failed the
 *   integrity check
 */
void
carta_item_view_set_flagged (CartaItemView *self,
                             GHashTable    *flagged)
{
  g_return_if_fail (CARTA_IS_ITEM_VIEW (self));

  g_clear_pointer (&self->flagged, g_hash_table_unref);
  if (flagged != NULL)
    self->flagged = g_hash_table_ref (flagged);
  rebind_attachments (self);
}

AdwComboRow *
_carta_item_view_get_status_row (CartaItemView *self)
{
  return self->status_row;
}

/* carta-send-dialog.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-send-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-send-dialog-private.h"

/* “Send to Coordinators”: a link, a password if needed, a progress bar
 * with speed and time left, and Cancel. Emits ::sent with the result so
 * the Export page can add it to the case history. */

struct _CartaSendDialog
{
  AdwWindow           parent_instance;

  GtkButton          *cancel_button;
  GtkButton          *send_button;
  GtkLabel           *file_label;
  AdwPreferencesGroup *inputs_group;
  AdwEntryRow        *link_row;
  AdwEntryRow        *user_row;
  AdwPasswordEntryRow *password_row;
  GtkProgressBar     *progress_bar;
  GtkLabel           *status_label;

  GFile              *file;
  CartaUploader      *uploader;
  GCancellable       *cancellable;
  GApplication       *held;
  gboolean            link_ok;
  gboolean            sent;
};

G_DEFINE_FINAL_TYPE (CartaSendDialog, carta_send_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

enum {
  SENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_status (CartaSendDialog *self,
             const char      *text,
             gboolean         error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* Points at the field to fix, when it is one the family can fix: the
 * link for a server that does not exist or refuses, the password when
 * the server did not take it. */
static void
mark_field (CartaSendDialog *self,
            const GError    *error)
{
  gboolean link_wrong = g_error_matches (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_UNKNOWN_HOST) ||
                        g_error_matches (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_REFUSED) ||
                        g_error_matches (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_NOT_FOUND);
  gboolean password_wrong = g_error_matches (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_AUTH);

  if (link_wrong)
    gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "error");
  if (password_wrong)
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
update_sensitivity (CartaSendDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->inputs_group), !busy && !self->sent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !busy && !self->sent && self->link_ok);
  gtk_button_set_label (self->cancel_button,
                        self->sent ? _("_Close") : _("_Cancel"));
}

static void
link_changed_cb (CartaSendDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->link_row));
  g_autoptr(GError) error = NULL;

  self->link_ok = carta_uploader_set_link (self->uploader, text, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->user_row),
                          self->link_ok &&
                          carta_uploader_get_link_kind (self->uploader) == CARTA_LINK_KIND_WEBDAV);

  /* Say why only once something was typed; an empty field is not wrong. */
  if (self->link_ok || *text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->link_row), "error");
      show_status (self, NULL, FALSE);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "error");
      show_status (self, error->message, TRUE);
    }

  update_sensitivity (self);
}

static char *
format_time_left (double seconds)
{
  if (seconds < 0)
    return NULL;
  if (seconds < 60)
    /* TRANSLATORS: time left, under a minute */
    return g_strdup (_("less than a minute left"));

  {
    guint minutes = (guint)(seconds / 60 + 0.5);

    return g_strdup_printf (ngettext ("about %u minute left", "about %u minutes left", minutes),
                            minutes);
  }
}

static void
progress_cb (CartaSendDialog *self,
             guint64          sent,
             guint64          total,
             double           rate,
             double           seconds_left,
             CartaUploader   *uploader)
{
  g_autofree char *sent_text = g_format_size (sent);
  g_autofree char *total_text = g_format_size (total);
  g_autofree char *rate_text = g_format_size ((guint64)rate);
  g_autofree char *left_text = format_time_left (seconds_left);
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)sent / total : 1.0);

  if (left_text != NULL && rate > 0)
    /* TRANSLATORS: “12 MB of 200 MB — 4 MB/s, about 2 minutes left” */
    text = g_strdup_printf (_("%s of %s — %s/s, %s"), sent_text, total_text, rate_text, left_text);
  else
    text = g_strdup_printf (_("%s of %s"), sent_text, total_text);
  show_status (self, text, FALSE);
}

static void
retrying_cb (CartaSendDialog *self,
             guint            attempt,
             double           delay,
             CartaUploader   *uploader)
{
  show_status (self, _("The connection broke. Trying again…"), FALSE);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CartaSendDialog) self = user_data;
  g_autoptr(CartaUploadResult) upload = NULL;
  g_autoptr(GError) error = NULL;

  upload = carta_uploader_upload_finish (CARTA_UPLOADER (object), result, &error);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->held, g_application_release);

  /* The dialog went with its window: the upload was cancelled and has
   * cleaned up; there is nothing left to show. */
  if (self->progress_bar == NULL)
    return;

  if (upload == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("Sending stopped. Nothing was left on the server under the file’s name."), FALSE);
      else
        {
          show_status (self, error->message, TRUE);
          mark_field (self, error);
        }
    }
  else
    {
      g_autofree char *text = NULL;

      self->sent = TRUE;
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      if (carta_upload_result_get_verified (upload))
        /* TRANSLATORS: the first %s is a file name, the second a host */
        text = g_strdup_printf (_("Sent. The server has “%s” at %s, complete."),
                                carta_upload_result_get_remote_name (upload),
                                carta_upload_result_get_host (upload));
      else
        text = g_strdup_printf (_("Sent as “%s” to %s. This folder does not let anyone look in, so ask the coordinators to confirm they have it."),
                                carta_upload_result_get_remote_name (upload),
                                carta_upload_result_get_host (upload));
      show_status (self, text, FALSE);
      g_signal_emit (self, signals[SENT], 0, upload);
    }

  update_sensitivity (self);
}

static void
send_clicked_cb (CartaSendDialog *self)
{
  const char *user;

  if (self->cancellable != NULL || self->sent || !self->link_ok)
    return;

  user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  carta_uploader_set_user (self->uploader, *user != '\0' ? user : NULL);
  carta_uploader_set_password (self->uploader, gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  show_status (self, _("Connecting…"), FALSE);
  update_sensitivity (self);

  /* Until the upload ends, even cancelled (it removes its temporary file
   * from the server), the application stays. */
  if ((self->held = g_application_get_default ()) != NULL)
    g_application_hold (self->held);

  carta_uploader_upload_async (self->uploader, self->file, self->cancellable,
                               upload_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (CartaSendDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Destroyed (with its main window, say) while sending: stop. The window
 * may outlive this by the references its upload holds. */
static void
carta_send_dialog_unrealize (GtkWidget *widget)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (carta_send_dialog_parent_class)->unrealize (widget);
}

static gboolean
carta_send_dialog_close_request (GtkWindow *window)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (window);

  /* Closing mid-upload cancels it; the window stays until that is done
   * so the temporary file is cleaned up. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (carta_send_dialog_parent_class)->close_request (window);
}

static void
carta_send_dialog_constructed (GObject *object)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (object);
  g_autofree char *text = NULL;

  G_OBJECT_CLASS (carta_send_dialog_parent_class)->constructed (object);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autofree char *size = info != NULL ? g_format_size (g_file_info_get_size (info)) : NULL;

      /* TRANSLATORS: “File: case-bundle.zip (24 MB)” */
      text = size != NULL ? g_strdup_printf (_("File: %s (%s)"), name, size)
                          : g_strdup_printf (_("File: %s"), name);
    }
  gtk_label_set_text (self->file_label, text);
}

static void
carta_send_dialog_dispose (GObject *object)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* A cancelled upload still reports until it ends: not to these widgets. */
  if (self->uploader != NULL)
    g_signal_handlers_disconnect_by_data (self->uploader, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_SEND_DIALOG);
  /* The cancellable stays until the upload has ended (see upload_cb). */

  G_OBJECT_CLASS (carta_send_dialog_parent_class)->dispose (object);
}

static void
carta_send_dialog_finalize (GObject *object)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  if (self->uploader != NULL)
    g_signal_handlers_disconnect_by_data (self->uploader, self);
  g_clear_object (&self->uploader);

  G_OBJECT_CLASS (carta_send_dialog_parent_class)->finalize (object);
}

static void
carta_send_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_send_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CartaSendDialog *self = CARTA_SEND_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_set_object (&self->file, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_send_dialog_class_init (CartaSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = carta_send_dialog_constructed;
  object_class->dispose = carta_send_dialog_dispose;
  object_class->finalize = carta_send_dialog_finalize;
  GTK_WIDGET_CLASS (klass)->unrealize = carta_send_dialog_unrealize;
  object_class->get_property = carta_send_dialog_get_property;
  object_class->set_property = carta_send_dialog_set_property;
  window_class->close_request = carta_send_dialog_close_request;

  /**
   * CartaSendDialog:file:
   *
   * The bundle to send.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CartaSendDialog::sent:
   * @self: the dialog
   * @result: a #CartaUploadResult
   *
   * Emitted when the file is on the server; make a #CartaSendRecord of
   * @result for the case history.
   */
  signals[SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARTA_TYPE_UPLOAD_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/send/carta-send-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaSendDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, link_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
carta_send_dialog_init (CartaSendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->uploader = carta_uploader_new ();
  g_signal_connect_swapped (self->uploader, "progress", G_CALLBACK (progress_cb), self);
  g_signal_connect_swapped (self->uploader, "retrying", G_CALLBACK (retrying_cb), self);
}

/**
 * carta_send_dialog_new:
 * @parent: (nullable): the window to stay above
 * @file: the bundle to send
 *
 * Returns: (transfer full): a new dialog; present it
 */
CartaSendDialog *
carta_send_dialog_new (GtkWindow *parent,
                       GFile     *file)
{
  CartaSendDialog *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CARTA_TYPE_SEND_DIALOG,
                       "transient-for", parent,
                       "file", file,
                       NULL);

  /* Closing the main window closes this one, which cancels the upload.
   * A destroyed window is unrealized at once but disposed only when its
   * last reference goes, so "unrealize" is the moment to follow. */
  if (parent != NULL)
    g_signal_connect_object (parent, "unrealize", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * carta_send_dialog_get_file:
 * @self: a #CartaSendDialog
 *
 * Returns: (transfer none): the bundle being sent
 */
GFile *
carta_send_dialog_get_file (CartaSendDialog *self)
{
  g_return_val_if_fail (CARTA_IS_SEND_DIALOG (self), NULL);

  return self->file;
}

void
_carta_send_dialog_get_widgets (CartaSendDialog        *self,
                                CartaSendDialogWidgets *widgets)
{
  widgets->link_row = GTK_EDITABLE (self->link_row);
  widgets->user_row = GTK_EDITABLE (self->user_row);
  widgets->password_row = GTK_EDITABLE (self->password_row);
  widgets->send_button = self->send_button;
  widgets->cancel_button = self->cancel_button;
  widgets->progress_bar = self->progress_bar;
  widgets->status_label = self->status_label;
}

CartaUploader *
_carta_send_dialog_get_uploader (CartaSendDialog *self)
{
  return self->uploader;
}

gboolean
_carta_send_dialog_is_busy (CartaSendDialog *self)
{
  return self->cancellable != NULL;
}

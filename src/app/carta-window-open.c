/* carta-window-open.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "carta-error.h"
#include "carta-host.h"
#include "carta-window-private.h"

/* Opening a bundle: the reader verifies it completely while unpacking it
 * beside the store, and adds the case only when nothing is wrong. Also
 * here: the cases the store could not read at start-up. */

/* Opening a small bundle is quick; show progress only when it is not. */
#define OPEN_PROGRESS_DELAY_MS 400

/* What the dialog for a case the store could not read answers about. */
typedef struct
{
  GWeakRef  window;
  char     *id;
} RestoreRequest;

static void start_open (CartaWindow *self);

static void
restore_request_free (gpointer  data,
                      GClosure *closure)
{
  RestoreRequest *request = data;

  g_weak_ref_clear (&request->window);
  g_free (request->id);
  g_free (request);
}

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

/* An open that set a case aside and then failed puts it back. */
static void
put_back_replaced (CartaWindow *self)
{
  g_autoptr(CartaCase) replaced = g_steal_pointer (&self->open_replaced);

  if (replaced != NULL && !carta_session_undelete_case (self->session, replaced, NULL))
    carta_host_notify (GTK_WIDGET (self), _("The case could not be put back."));
}

static void
finish_open (CartaWindow *self)
{
  put_back_replaced (self);
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
  g_assert (CARTA_IS_WINDOW (self));

  g_cancellable_cancel (self->open_cancellable);
}

static gboolean
show_open_progress_cb (gpointer user_data)
{
  CartaWindow *self = user_data;
  GtkWidget *spinner;

  g_assert (CARTA_IS_WINDOW (self));

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
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_set_response_enabled (dialog, "open", gtk_editable_get_text (entry)[0] != '\0');
}

static void
on_passphrase_destroy_cb (CartaWindow *self,
                          GtkWidget   *dialog)
{
  g_assert (CARTA_IS_WINDOW (self));

  if ((GtkWidget *) self->passphrase_dialog == dialog)
    self->passphrase_dialog = NULL;
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CartaWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  g_assert (CARTA_IS_WINDOW (self));

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

  /* One passphrase dialog at a time: a second one would stack on the
   * first, and both would start the open. */
  dialog = self->passphrase_dialog;
  if (dialog != NULL && !carta_host_question_is_answered (dialog))
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* One that was answered but is still there goes without a response. */
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = carta_host_new_question (GTK_WIDGET (self), NULL, NULL, _("_Cancel"),
                                    "open", _("_Open"), ADW_RESPONSE_SUGGESTED, "open");
  self->passphrase_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_passphrase_destroy_cb),
                           self, G_CONNECT_SWAPPED);
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

  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  carta_host_set_dialog_entry (dialog, entry, _("Passphrase"));

  g_signal_connect (entry, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog);
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

/* The name a copy kept beside the case gets, with the day the bundle
 * was made (or today, when it does not say). */
static char *
name_copy_apart (CartaBundleReader *reader,
                 const char        *title)
{
  const char *made = carta_bundle_reader_get_bag_info (reader, "Bagging-Date");
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (made != NULL && strlen (made) == 10)
    {
      g_autofree char *iso = g_strconcat (made, "T12:00:00Z", NULL);
      day = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();

  text = _carta_window_format_day (day);
  /* TRANSLATORS: the name of a second copy of a case, opened from a
   * bundle; %1$s is the case's name, %2$s a short date such as “2 Dec” */
  return g_strdup_printf (_("%1$s (from bundle, %2$s)"), title, text);
}

static void
on_same_case_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CartaWindow      *self)
{
  CartaCase *incoming;
  CartaCase *old;

  g_assert (CARTA_IS_WINDOW (self));

  if (self->open_reader == NULL)
    return;

  incoming = carta_bundle_reader_get_case (self->open_reader);
  old = incoming ? carta_store_find_case (carta_session_get_store (self->session),
                                          carta_case_get_id (incoming)) : NULL;

  if (g_strcmp0 (response, "keep") == 0 && incoming != NULL)
    {
      g_autofree char *title = name_copy_apart (self->open_reader, carta_case_get_title (incoming));

      carta_bundle_reader_set_title (self->open_reader, title);
      carta_bundle_reader_set_same_case (self->open_reader, CARTA_BUNDLE_SAME_CASE_NEW_ID);
      start_open (self);
      return;
    }

  if (g_strcmp0 (response, "replace") == 0 && old != NULL)
    {
      /* The store's list held it; from here the window does. */
      self->open_replaced = g_object_ref (old);
      if (!carta_session_set_aside_case (self->session, old, NULL))
        {
          g_clear_object (&self->open_replaced);
          finish_open (self);
          carta_host_notify (GTK_WIDGET (self), _("The case could not be replaced. Nothing was changed."));
          return;
        }
      carta_bundle_reader_set_same_case (self->open_reader, CARTA_BUNDLE_SAME_CASE_REPLACE);
      start_open (self);
      return;
    }

  finish_open (self);
  carta_host_notify (GTK_WIDGET (self), _("Nothing was added or changed."));
}

static char *
format_changed (CartaCase *kase)
{
  g_autoptr(GDateTime) local = NULL;

  if (kase == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (carta_case_get_modified (kase));
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* The bundle holds a case that is already here: one question, three
 * answers; nothing has been unpacked yet. */
static void
ask_same_case (CartaWindow *self)
{
  CartaCase *incoming = carta_bundle_reader_get_case (self->open_reader);
  CartaCase *here = carta_store_find_case (carta_session_get_store (self->session),
                                           carta_case_get_id (incoming));
  g_autofree char *here_changed = NULL;
  g_autofree char *bundle_changed = NULL;
  AdwMessageDialog *dialog;

  hide_open_progress (self);

  /* Which one is newer is what the choice turns on. */
  here_changed = format_changed (here);
  bundle_changed = format_changed (incoming);

  dialog = carta_host_new_question (GTK_WIDGET (self), _("This Case Is Already Here"), NULL, _("_Cancel"),
                                    "replace", _("_Replace"), ADW_RESPONSE_DESTRUCTIVE, "keep");
  adw_message_dialog_format_body (dialog,
                                  /* TRANSLATORS: %1$s is the name of a case; %2$s and %3$s
                                   * are dates with a time, such as “2 April 2026, 09:15” */
                                  _("“%1$s” is already in your cases. The one here was last changed on "
                                    "%2$s, the one in the bundle on %3$s. Replace it with the copy in "
                                    "the bundle, or keep both? Replacing can be undone for a few seconds."),
                                  carta_case_get_title (incoming), here_changed, bundle_changed);
  adw_message_dialog_add_response (dialog, "keep", _("_Keep Both"));
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_same_case_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CartaWindow) self = user_data;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert (CARTA_IS_WINDOW (self));

  kase = carta_session_import_finish (CARTA_SESSION (object), result, &error);

  /* The window closed. A second bundle cannot start while this one is
   * being read, and a retry starts only after it ended. */
  if (self->open_reader == NULL)
    {
      g_autoptr(CartaCase) replaced = g_steal_pointer (&self->open_replaced);

      /* A case set aside for a copy that never came comes back. */
      if (replaced != NULL && kase == NULL)
        carta_session_undelete_case (CARTA_SESSION (object), replaced, NULL);
      return;
    }

  if (kase != NULL && self->open_replaced != NULL)
    {
      g_autoptr(CartaCase) replaced = g_steal_pointer (&self->open_replaced);
      GListModel *sends = carta_case_get_sends (replaced);

      /* Where the case was sent from here never travels in a bundle: the
       * copy keeps the history of the case it replaces. */
      for (guint i = 0; i < g_list_model_get_n_items (sends); i++)
        {
          g_autoptr(CartaSendRecord) record = g_list_model_get_item (sends, i);
          carta_case_add_send (kase, record);
        }

      finish_open (self);
      _carta_window_show_checklist_of (self, kase);
      _carta_window_offer_undo_replace (self, kase, replaced);
      return;
    }

  if (kase != NULL)
    {
      finish_open (self);
      _carta_window_show_checklist_of (self, kase);
      /* TRANSLATORS: %s is the name of a case opened from a bundle */
      message = g_strdup_printf (_("“%s” was checked and added to your cases."), carta_case_get_title (kase));
      carta_host_notify (GTK_WIDGET (self), message);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish_open (self);
      carta_host_notify (GTK_WIDGET (self), _("Opening cancelled. Nothing was added."));
      return;
    }

  if (g_error_matches (error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE))
    {
      /* Ask first, and again only when a passphrase was given. */
      ask_passphrase (self, self->open_with_passphrase);
      return;
    }

  if (g_error_matches (error, CARTA_ERROR, CARTA_ERROR_EXISTS))
    {
      ask_same_case (self);
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

  carta_session_import_async (self->session, self->open_reader, self->open_cancellable,
                              on_import_done_cb, g_object_ref (self));
}

static void
on_open_chooser_response_cb (CartaWindow          *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  g_assert (CARTA_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->open_chooser);

  if (file != NULL)
    _carta_window_open_bundle (self, file);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RestoreRequest   *request)
{
  g_autoptr(CartaWindow) self = g_weak_ref_get (&request->window);

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  if (self == NULL || g_strcmp0 (response, "restore") != 0)
    return;

  if (!carta_session_restore_backup (self->session, request->id, NULL))
    {
      carta_host_notify (GTK_WIDGET (self), _("The previous save could not be opened either."));
      return;
    }

  _carta_window_update_visible_page (self);
  carta_host_notify (GTK_WIDGET (self), _("The case was restored from its previous save."));
}

static gboolean
report_problems_cb (gpointer user_data)
{
  CartaWindow *self = user_data;
  GPtrArray *problems = carta_store_get_problems (carta_session_get_store (self->session));

  g_assert (CARTA_IS_WINDOW (self));

  for (guint i = 0; i < problems->len; i++)
    {
      const CartaStoreProblem *problem = g_ptr_array_index (problems, i);
      AdwMessageDialog *dialog;
      RestoreRequest *request;

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

      request = g_new0 (RestoreRequest, 1);
      g_weak_ref_init (&request->window, self);
      request->id = g_strdup (problem->id);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response_cb),
                             request, restore_request_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  return G_SOURCE_REMOVE;
}

/* Shows, once the window is up, a dialog for each case the store could
 * not read, offering the save before where there is one. */
void
_carta_window_report_problems (CartaWindow *self)
{
  g_assert (CARTA_IS_WINDOW (self));

  g_idle_add_full (G_PRIORITY_LOW, report_problems_cb, g_object_ref (self), g_object_unref);
}

void
_carta_window_choose_bundle (CartaWindow *self)
{
  g_autoptr(GtkFileFilter) zip = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_assert (CARTA_IS_WINDOW (self));

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

/* Closing the window cancels an open in progress. */
void
_carta_window_open_dispose (CartaWindow *self)
{
  g_assert (CARTA_IS_WINDOW (self));

  g_cancellable_cancel (self->open_cancellable);
  hide_open_progress (self);
  g_clear_object (&self->open_chooser);
  g_clear_object (&self->open_reader);
  g_clear_object (&self->open_cancellable);
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
  /* A case already here is never copied silently: the family chooses. */
  carta_bundle_reader_set_same_case (self->open_reader, CARTA_BUNDLE_SAME_CASE_ASK);
  self->open_with_passphrase = FALSE;
  start_open (self);
}

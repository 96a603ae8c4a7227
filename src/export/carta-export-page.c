/* carta-export-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-export-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "carta-bundle-writer.h"
#include "carta-catalog.h"
#include "carta-checklist-template.h"
#include "carta-export-page-private.h"
#include "carta-export-page.h"
#include "carta-host.h"
#include "carta-own-words.h"
#include "carta-identity-row.h"
#include "carta-identity.h"
#include "carta-last-bundle.h"
#include "carta-send-dialog.h"
#include "carta-validate.h"

#define MIN_PASSPHRASE 10

struct _CartaExportPage
{
  AdwBin             parent_instance;

  CartaCase         *kase;
  CartaBundleWriter *writer;
  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;

  /* The bundle saved for each case in this session (case id → GFile),
   * what "Send to Coordinators" sends. */
  GHashTable        *bundles;
  GFile             *writing_file;
  char              *writing_case_id;
  /* The open case's bundle from an earlier run, checked again before it
   * is sent; what it had when it was checked. */
  GFile             *recalled;
  char              *recalled_sha256;
  GCancellable      *check_cancellable;
  GFile             *test_destination;

  GtkStack          *stack;
  AdwPreferencesGroup *review_group;
  GtkListBox        *review_list;
  AdwPreferencesGroup *missing_group;
  AdwPreferencesGroup *identity_group;
  GtkListBox        *identity_list;
  GtkListBox        *missing_list;
  AdwPreferencesGroup *covered_group;
  GtkListBox        *covered_list;
  AdwComboRow       *summary_language_row;
  GPtrArray         *summary_languages;  /* codes, in the order of the row */
  gboolean           showing_language;   /* the row follows the case */
  GtkSwitch         *encrypt_switch;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLevelBar       *strength_bar;
  GtkLabel          *strength_label;
  GtkWidget         *progress_box;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkWidget         *export_button;
  GtkWidget         *send_box;
  GtkLabel          *send_label;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *own_words_group;
  AdwExpanderRow    *own_words_row;
  GPtrArray         *own_words_rows;  /* the rows in own_words_row */
  GtkListBox        *history_list;

  /* The missing list follows every edit of the case; while the page is
   * hidden it is only marked stale and rebuilt when shown. */
  gboolean           missing_stale;
  gboolean           holding;   /* the application, while a write runs */
};

G_DEFINE_FINAL_TYPE (CartaExportPage, carta_export_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GFile *current_bundle (CartaExportPage *self);
static void   update_send    (CartaExportPage *self);
static void   on_send_clicked_cb (CartaExportPage *self);

/* --- A bundle from an earlier run ------------------------------------------ */

/* What remembering or checking a bundle needs once the thread is done. */
typedef struct
{
  CartaExportPage *page;   /* weak: NULL once the page went */
  char            *case_id;
  GFile           *bundle;
} BundleCheckRequest;

static BundleCheckRequest *
bundle_check_request_new (CartaExportPage *self,
                          const char      *case_id,
                          GFile           *bundle)
{
  BundleCheckRequest *request = g_new0 (BundleCheckRequest, 1);

  g_set_weak_pointer (&request->page, self);
  request->case_id = g_strdup (case_id);
  request->bundle = g_object_ref (bundle);
  return request;
}

static void
bundle_check_request_free (BundleCheckRequest *request)
{
  g_clear_weak_pointer (&request->page);
  g_free (request->case_id);
  g_clear_object (&request->bundle);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BundleCheckRequest, bundle_check_request_free)

static void
forget_recalled (CartaExportPage *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->recalled);
  g_clear_pointer (&self->recalled_sha256, g_free);
}

/* After a restart the page knows the bundle only from what was
 * remembered; it is shown as ready to send, and checked on Send. */
static void
recall_bundle (CartaExportPage *self)
{
  forget_recalled (self);

  if (self->kase != NULL && g_hash_table_lookup (self->bundles, carta_case_get_id (self->kase)) == NULL)
    self->recalled = carta_last_bundle_recall (carta_case_get_id (self->kase), &self->recalled_sha256);
}

static void
on_bundle_hashed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(BundleCheckRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = carta_last_bundle_check_finish (result, &error);

  if (sha256 == NULL || !carta_last_bundle_remember (request->case_id, request->bundle, sha256, &error))
    g_warning ("Could not remember the bundle: %s", error->message);
}

/* A bundle just written and checked is remembered, with its hash. */
static void
remember_bundle (CartaExportPage *self,
                 const char      *case_id,
                 GFile           *bundle)
{
  carta_last_bundle_check_async (bundle, NULL, NULL, on_bundle_hashed_cb,
                                 bundle_check_request_new (self, case_id, bundle));
}

static void
on_recalled_checked_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(BundleCheckRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = carta_last_bundle_check_finish (result, &error);
  CartaExportPage *self = request->page;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (sha256 == NULL)
    carta_last_bundle_forget (request->case_id);

  /* The family opened another case meanwhile: nothing more to show. */
  if (self == NULL || self->kase == NULL || g_strcmp0 (carta_case_get_id (self->kase), request->case_id) != 0)
    return;

  g_clear_object (&self->check_cancellable);
  if (sha256 == NULL)
    {
      forget_recalled (self);
      update_send (self);
      carta_host_show_message (GTK_WIDGET (self), _("Export the Case Again"), error->message, _("_Close"));
      return;
    }

  /* Checked: from here it is as good as one written in this run. */
  g_hash_table_replace (self->bundles, g_strdup (request->case_id), g_object_ref (request->bundle));
  forget_recalled (self);
  on_send_clicked_cb (self);
}

static void
check_recalled (CartaExportPage *self)
{
  if (self->check_cancellable != NULL)
    return;

  self->check_cancellable = g_cancellable_new ();
  carta_host_notify (GTK_WIDGET (self), _("Checking the saved bundle before sending it…"));
  carta_last_bundle_check_async (self->recalled, self->recalled_sha256, self->check_cancellable,
                                 on_recalled_checked_cb,
                                 bundle_check_request_new (self, carta_case_get_id (self->kase), self->recalled));
}

/* Each row of the review takes the family to what it names: a field of
 * the Case page (win.show-field) or a record (win.show-record). */
static void
add_review_row (GtkListBox *list,
                const char *title,
                const char *subtitle,
                gboolean    record,
                const char *target)
{
  const char *action = record ? "win.show-record" : "win.show-field";
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  gtk_list_box_append (list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* What the Case page flags comes first: the summary shows it as typed. */
static void
update_review (CartaExportPage *self)
{
  g_autoptr(GPtrArray) flagged = NULL;

  clear_list (self->review_list);

  if (self->kase != NULL)
    flagged = carta_profile_list_flagged (self->kase, NULL);

  for (guint i = 0; flagged != NULL && i < flagged->len; i++)
    {
      CartaFieldNote *note = g_ptr_array_index (flagged, i);
      g_autofree char *title = NULL;

      /* TRANSLATORS: a value the Case page flags, and the value as typed, as in “CD19: 150” */
      title = note->value ? g_strdup_printf (C_("value to check", "%s: %s"), note->label, note->value)
                          : g_strdup (note->label);
      add_review_row (self->review_list, title, note->message, FALSE, note->field);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->review_group), flagged != NULL && flagged->len > 0);
}

static void
update_missing (CartaExportPage *self)
{
  guint count = 0;
  guint covered = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->missing_stale = TRUE;
      return;
    }
  self->missing_stale = FALSE;

  update_review (self);
  clear_list (self->missing_list);
  clear_list (self->covered_list);

  if (self->kase != NULL)
    {
      CartaChecklistTemplate *template = carta_checklist_template_get_default ();
      g_autoptr(GPtrArray) fields = carta_profile_list_missing_fields (self->kase);
      GListModel *items = carta_case_get_items (self->kase);

      for (guint i = 0; fields != NULL && i < fields->len; i++, count++)
        {
          CartaFieldNote *note = g_ptr_array_index (fields, i);

          add_review_row (self->missing_list, note->label, _("Case page"), FALSE, note->field);
        }

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
          g_autofree char *on_case_page = NULL;
          g_autofree char *subtitle = NULL;

          /* Records asked for only if available are not missing. */
          if (carta_checklist_item_get_status (item) != CARTA_ITEM_STATUS_NEEDED ||
              carta_checklist_template_is_item_optional (template, item))
            continue;

          /* A record whose value the family already entered is not
           * missing in the same way: the summary has the value. */
          on_case_page = carta_checklist_template_describe_case_value (template, self->kase, item);
          if (on_case_page != NULL)
            {
              /* TRANSLATORS: %s is what the Case page holds, such as “ECOG 1” or “2 lines of therapy” */
              subtitle = g_strdup_printf (_("On the Case page: %s. A copy of the document is still useful."),
                                          on_case_page);
              add_review_row (self->covered_list, carta_checklist_template_get_item_title (template, item),
                              subtitle, TRUE, carta_checklist_item_get_id (item));
              covered++;
              continue;
            }

          add_review_row (self->missing_list, carta_checklist_template_get_item_title (template, item),
                          carta_checklist_template_get_category_title (template,
                                                                       carta_checklist_item_get_category (item)),
                          TRUE, carta_checklist_item_get_id (item));
          count++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), count > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->covered_group), covered > 0);
}

/* What the family typed that a summary in another language shows as
 * typed: listed, folded, so they know before they send it. */
static void
update_own_words (CartaExportPage *self)
{
  const char *language = carta_export_page_get_summary_language (self);
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->own_words_rows->len; i++)
    adw_expander_row_remove (self->own_words_row, g_ptr_array_index (self->own_words_rows, i));
  g_ptr_array_set_size (self->own_words_rows, 0);

  fields = self->kase ? carta_own_words_list (self->kase, language) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->own_words_group), fields != NULL && fields->len > 0);
  if (fields == NULL || fields->len == 0)
    return;

  /* TRANSLATORS: %s is a language by its own name, such as 中文（简体） */
  description = g_strdup_printf (_("The summary is in %s. What you typed yourself stays as you typed it, marked as your own words, not translated. You can add your own version of the questions and of a record’s notes."),
                                 carta_catalog_get_language_name (language));
  adw_preferences_group_set_description (self->own_words_group, description);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field as you typed it", "%u fields as you typed them", fields->len),
                           fields->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->own_words_row), title);

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (fields, i));
      adw_expander_row_add_row (self->own_words_row, row);
      g_ptr_array_add (self->own_words_rows, row);
    }
}

/* Imaging discs that may be another patient's or could not be checked,
 * and those the family confirmed (to take it back): each with its record
 * and its button, as in the record itself. */
static void
update_identity (CartaExportPage *self)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  GListModel *items;
  GtkWidget *child;

  /* Unlike the missing list, cheap enough to follow every edit: no file
   * is read, and a case has few discs. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->identity_list))))
    gtk_list_box_remove (self->identity_list, child);

  items = self->kase ? carta_case_get_items (self->kase) : NULL;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          g_autoptr(CartaIdentityCheck) check =
            carta_identity_check_attachment (attachment, carta_case_get_patient (self->kase));

          GtkWidget *row;

          if (check == NULL || check->status == CARTA_IDENTITY_MATCHES)
            continue;

          /* The button confirms; the rest of the row opens the record,
           * to look at the disc first, as the missing rows do. */
          row = carta_identity_row_new (attachment, check,
                                        carta_checklist_template_get_item_title (template, item));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", carta_checklist_item_get_id (item));
          gtk_list_box_append (self->identity_list, row);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->identity_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->identity_list)) != NULL);
}

static GtkWidget *
create_send_row (CartaSendRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) local = g_date_time_to_local (carta_send_record_get_sent (record));
  g_autofree char *when = NULL;
  g_autofree char *size = g_format_size (carta_send_record_get_size (record));
  g_autofree char *sha = g_strndup (carta_send_record_get_sha256 (record), 12);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: when a bundle was sent, in g_date_time_format() notation
   * ("2 April 2026, 09:15"); spell the month so no one mixes up day and
   * month, and use the time of day your country uses */
  when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when ? when : "");

  /* TRANSLATORS: a line of the send history: "cloud.example.org — Carta-Wang.zip",
   * then the size and the start of the file's SHA-256 checksum */
  subtitle = g_strdup_printf (_("%s — %s\n%s · SHA-256 %s…"),
                              carta_send_record_get_host (record),
                              carta_send_record_get_remote_name (record),
                              size, sha);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");
  /* A record of what was sent, not a control: no Tab stop. */
  gtk_widget_set_focusable (row, FALSE);

  if (carta_send_record_get_verified (record))
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      const char *label = _("Arrival confirmed: the server has the whole file");

      gtk_widget_add_css_class (mark, "success");
      gtk_widget_set_tooltip_text (mark, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  else
    {
      GtkWidget *note = gtk_label_new (_("Not confirmed"));

      gtk_widget_set_tooltip_text (note, _("The server accepted the file but did not report its size back"));
      gtk_widget_add_css_class (note, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), note);
    }

  return row;
}

static void
update_history (CartaExportPage *self)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))))
    gtk_list_box_remove (self->history_list, child);

  if (self->kase != NULL)
    {
      GListModel *sends = carta_case_get_sends (self->kase);

      /* Newest first: the last send is what a family looks for. */
      n = g_list_model_get_n_items (sends);
      for (guint i = n; i > 0; i--)
        {
          g_autoptr(CartaSendRecord) record = g_list_model_get_item (sends, i - 1);
          gtk_list_box_append (self->history_list, create_send_row (record));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), n > 0);
}

static void
on_sends_changed_cb (CartaExportPage *self)
{
  update_history (self);
}

static void
on_sent_cb (CartaSendDialog   *dialog,
            CartaUploadResult *result,
            CartaCase         *kase)
{
  g_autoptr(CartaSendRecord) record = carta_send_record_new_from_result (result);

  carta_case_add_send (kase, record);
}

static void
drop_case_ref (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

static void
on_send_clicked_cb (CartaExportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GFile *bundle = current_bundle (self);
  CartaSendDialog *dialog;

  if (bundle == NULL)
    return;

  if (bundle == self->recalled)
    {
      check_recalled (self);
      return;
    }

  if (!g_file_query_exists (bundle, NULL))
    {
      g_hash_table_remove (self->bundles, carta_case_get_id (self->kase));
      update_send (self);
      carta_host_notify (GTK_WIDGET (self), _("The saved bundle is no longer there. Export the case again to send it."));
      return;
    }

  dialog = carta_send_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, bundle);
  /* The record goes to the case the bundle was made from, even if the
   * family opens another case while it uploads. */
  g_signal_connect_data (dialog, "sent", G_CALLBACK (on_sent_cb),
                         g_object_ref (self->kase), drop_case_ref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* English (the default), Simplified Chinese for the coordinators, and
 * the window's language when it is another. */
static void
setup_summary_languages (CartaExportPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *ui_language = carta_catalog_find_ui_language ();

  self->summary_languages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->summary_languages, g_strdup ("en"));
  g_ptr_array_add (self->summary_languages, g_strdup ("zh_CN"));
  if (!g_str_equal (ui_language, "en") && !g_str_equal (ui_language, "zh_CN"))
    g_ptr_array_add (self->summary_languages, g_strdup (ui_language));

  for (guint i = 0; i < self->summary_languages->len; i++)
    gtk_string_list_append (names, carta_catalog_get_language_name (g_ptr_array_index (self->summary_languages, i)));

  adw_combo_row_set_model (self->summary_language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->summary_language_row, 0);
}

/* The row shows the language last chosen for this case (English when
 * it is not one the row offers in this window's language). */
static void
show_case_language (CartaExportPage *self)
{
  const char *language = self->kase ? carta_case_get_summary_language (self->kase) : NULL;
  guint position = 0;

  for (guint i = 0; language != NULL && i < self->summary_languages->len; i++)
    if (g_str_equal (g_ptr_array_index (self->summary_languages, i), language))
      position = i;

  self->showing_language = TRUE;
  adw_combo_row_set_selected (self->summary_language_row, position);
  self->showing_language = FALSE;
}

static void
on_summary_language_selected_cb (CartaExportPage *self)
{
  if (self->kase != NULL && !self->showing_language)
    carta_case_set_summary_language (self->kase, carta_export_page_get_summary_language (self));
}

/**
 * carta_export_page_get_summary_language:
 *
 * Returns: the language chosen for summary.pdf, such as `zh_CN`
 */
const char *
carta_export_page_get_summary_language (CartaExportPage *self)
{
  guint selected;

  g_return_val_if_fail (CARTA_IS_EXPORT_PAGE (self), NULL);

  selected = adw_combo_row_get_selected (self->summary_language_row);
  if (selected >= self->summary_languages->len)
    return "en";

  return g_ptr_array_index (self->summary_languages, selected);
}

/* A rough estimate of guessing effort, in bits: enough to say "weak" or
 * "strong" in words a family understands. */
static double
estimate_bits (const char *text)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  glong length = g_utf8_strlen (text, -1);
  double pool;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }

  pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
  return pool > 0 ? length * log2 (pool) * 0.75 : 0;
}

static gboolean
passphrase_ok (CartaExportPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));

  if (!gtk_switch_get_active (self->encrypt_switch))
    return TRUE;

  return g_utf8_strlen (passphrase, -1) >= MIN_PASSPHRASE && g_str_equal (passphrase, repeat);
}

static GFile *
current_bundle (CartaExportPage *self)
{
  GFile *bundle;

  if (self->kase == NULL)
    return NULL;

  bundle = g_hash_table_lookup (self->bundles, carta_case_get_id (self->kase));
  return bundle != NULL ? bundle : self->recalled;
}

static void
update_send (CartaExportPage *self)
{
  GFile *bundle = current_bundle (self);
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_visible (self->send_box, bundle != NULL && !busy);

  /* Once a bundle exists, sending it is the next step. */
  if (bundle != NULL)
    gtk_widget_remove_css_class (self->export_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->export_button, "suggested-action");

  if (bundle != NULL)
    {
      g_autofree char *name = g_file_get_basename (bundle);
      g_autofree char *text = NULL;

      if (bundle == self->recalled)
        /* TRANSLATORS: %s is the file name of a bundle saved before Carta was restarted */
        text = g_strdup_printf (_("Saved earlier as “%s”. It is checked again before it is sent."), name);
      else
        /* TRANSLATORS: %s is the file name of the saved bundle */
        text = g_strdup_printf (_("Saved as “%s”."), name);
      gtk_label_set_text (self->send_label, text);
    }
}

static void
update_sensitivity (CartaExportPage *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_sensitive (self->export_button, self->kase != NULL && !busy && passphrase_ok (self));
  gtk_widget_set_visible (self->export_button, !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  update_send (self);
}

static void
on_passphrase_changed_cb (CartaExportPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  double bits = estimate_bits (passphrase);
  const char *text;
  int level;

  if (*passphrase == '\0')
    {
      text = _("Choose a passphrase of several words that you can read out over the phone.");
      level = 0;
    }
  else if (g_utf8_strlen (passphrase, -1) < MIN_PASSPHRASE)
    {
      text = _("Too short: use at least 10 characters, for example three or four words.");
      level = 1;
    }
  else if (*repeat != '\0' && !g_str_equal (passphrase, repeat))
    {
      text = _("The two passphrases are not the same.");
      level = bits < 50 ? 1 : bits < 70 ? 2 : 3;
    }
  else if (bits < 50)
    {
      text = _("Weak: add another word.");
      level = 2;
    }
  else if (bits < 70)
    {
      text = _("Good.");
      level = 3;
    }
  else
    {
      text = _("Strong.");
      level = 4;
    }

  gtk_level_bar_set_value (self->strength_bar, level);
  gtk_label_set_text (self->strength_label, text);
  update_sensitivity (self);
}

static void
on_progress_cb (CartaExportPage *self)
{
  guint64 done = carta_bundle_writer_get_bytes_done (self->writer);
  guint64 total = carta_bundle_writer_get_bytes_total (self->writer);
  double left = carta_bundle_writer_get_seconds_left (self->writer);
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *total_text = g_format_size (total);
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double)done / total : 0);

  if (left < 0)
    /* TRANSLATORS: progress, as in "120 MB of 1.2 GB" */
    text = g_strdup_printf (_("%s of %s"), done_text, total_text);
  else if (left < 60)
    /* TRANSLATORS: progress, as in "120 MB of 1.2 GB — less than a minute left" */
    text = g_strdup_printf (_("%s of %s — less than a minute left"), done_text, total_text);
  else
    {
      guint minutes = (guint)ceil (left / 60);
      /* TRANSLATORS: progress, as in "120 MB of 1.2 GB — about 3 minutes left" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s — about %u minute left",
                                           "%s of %s — about %u minutes left", minutes),
                              done_text, total_text, minutes);
    }

  gtk_label_set_text (self->progress_label, text);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CartaExportPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);

  if (carta_bundle_writer_write_finish (CARTA_BUNDLE_WRITER (object), result, &error))
    {
      if (self->writing_file != NULL && self->writing_case_id != NULL)
        {
          remember_bundle (self, self->writing_case_id, self->writing_file);
          g_hash_table_replace (self->bundles, g_steal_pointer (&self->writing_case_id),
                                g_steal_pointer (&self->writing_file));
          recall_bundle (self);
        }
      carta_host_notify (GTK_WIDGET (self), _("The bundle was saved and checked."));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    carta_host_notify (GTK_WIDGET (self), _("Export cancelled. No file was saved."));
  else if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    carta_host_show_message (GTK_WIDGET (self), _("The Bundle Was Not Saved"), error->message, _("_Close"));

  if (self->holding)
    {
      self->holding = FALSE;
      g_application_release (g_application_get_default ());
    }

  g_signal_handlers_disconnect_by_func (object, on_progress_cb, self);
  g_clear_object (&self->writer);
  g_clear_object (&self->writing_file);
  g_clear_pointer (&self->writing_case_id, g_free);
  update_sensitivity (self);
}

static void
on_chooser_response_cb (CartaExportPage      *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->kase != NULL && self->writer != NULL)
    file = chooser ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                   : g_steal_pointer (&self->test_destination);

  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      g_clear_object (&self->writer);
      return;
    }

  carta_bundle_writer_set_summary_language (self->writer, carta_export_page_get_summary_language (self));
  if (gtk_switch_get_active (self->encrypt_switch))
    carta_bundle_writer_set_passphrase (self->writer, gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));

  g_set_object (&self->writing_file, file);
  g_free (self->writing_case_id);
  self->writing_case_id = g_strdup (carta_case_get_id (self->kase));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->writer, "notify::bytes-done", G_CALLBACK (on_progress_cb), self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Preparing…"));
  update_sensitivity (self);

  /* Closing the window cancels the write; the application stays up until
   * the half-written file is removed. */
  if (g_application_get_default () != NULL)
    {
      g_application_hold (g_application_get_default ());
      self->holding = TRUE;
    }

  carta_bundle_writer_write_async (self->writer, file, self->cancellable, write_done_cb, g_object_ref (self));
}

static void
on_export_clicked_cb (CartaExportPage *self)
{
  CartaStore *store = carta_host_get_store (GTK_WIDGET (self));
  g_autoptr(GFile) case_dir = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->kase == NULL || self->cancellable != NULL)
    return;

  case_dir = carta_store_get_case_dir (store, self->kase);
  g_clear_object (&self->writer);
  self->writer = carta_bundle_writer_new (self->kase, case_dir);
  name = carta_bundle_writer_suggest_filename (self->writer);

  if (self->test_destination != NULL)
    {
      on_chooser_response_cb (self, GTK_RESPONSE_ACCEPT, NULL);
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Save the Bundle"), GTK_WINDOW (root),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked_cb (CartaExportPage *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
carta_export_page_dispose (GObject *object)
{
  CartaExportPage *self = (CartaExportPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->chooser);
  g_clear_object (&self->writing_file);
  g_clear_object (&self->test_destination);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_EXPORT_PAGE);
  g_clear_pointer (&self->summary_languages, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_export_page_parent_class)->dispose (object);
}

static void
carta_export_page_finalize (GObject *object)
{
  CartaExportPage *self = (CartaExportPage *)object;

  g_clear_pointer (&self->bundles, g_hash_table_unref);
  g_clear_pointer (&self->writing_case_id, g_free);
  g_clear_pointer (&self->own_words_rows, g_ptr_array_unref);
  forget_recalled (self);

  G_OBJECT_CLASS (carta_export_page_parent_class)->finalize (object);
}

CARTA_HOST_DEFINE_CASE_PROPERTY (CartaExportPage, carta_export_page)

/* A write holds the page, so dispose comes only after it ends: closing
 * the window cancels it here instead. */
static void
carta_export_page_unroot (GtkWidget *widget)
{
  CartaExportPage *self = CARTA_EXPORT_PAGE (widget);

  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (carta_export_page_parent_class)->unroot (widget);
}

static void
carta_export_page_map (GtkWidget *widget)
{
  CartaExportPage *self = CARTA_EXPORT_PAGE (widget);

  /* See carta_export_page_init(): the page joins the layout once shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->stack), TRUE);

  GTK_WIDGET_CLASS (carta_export_page_parent_class)->map (widget);

  if (self->missing_stale)
    update_missing (self);
}

static void
carta_export_page_class_init (CartaExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = carta_export_page_map;
  widget_class->unroot = carta_export_page_unroot;

  object_class->dispose = carta_export_page_dispose;
  object_class->finalize = carta_export_page_finalize;
  object_class->get_property = carta_export_page_get_property;
  object_class->set_property = carta_export_page_set_property;

  properties[PROP_CASE] = carta_host_case_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/export/carta-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, identity_list);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, missing_list);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, own_words_group);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, own_words_row);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, covered_group);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, covered_list);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, summary_language_row);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, encrypt_switch);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, send_box);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, send_label);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, CartaExportPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
carta_export_page_init (CartaExportPage *self)
{
  self->bundles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->own_words_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The stack is the bin's own child: binding it as a template child
   * would have it unparented twice on dispose. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  /* The view stack measures every page, shown or not; this one stays out
   * of the layout until it is first shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->stack), FALSE);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW, 2);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 3);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL, 4);
  setup_summary_languages (self);
  g_signal_connect_object (self->summary_language_row, "notify::selected",
                           G_CALLBACK (on_summary_language_selected_cb), self, G_CONNECT_SWAPPED);
  on_passphrase_changed_cb (self);
  update_missing (self);
  update_history (self);
}

CartaCase *
carta_export_page_get_case (CartaExportPage *self)
{
  g_return_val_if_fail (CARTA_IS_EXPORT_PAGE (self), NULL);
  return self->kase;
}

/**
 * carta_export_page_set_case:
 * @kase: (nullable): the case to export
 */
void
carta_export_page_set_case (CartaExportPage *self,
                            CartaCase       *kase)
{
  g_return_if_fail (CARTA_IS_EXPORT_PAGE (self));

  if (self->kase == kase)
    return;

  /* A write in progress belongs to the previous case. */
  g_cancellable_cancel (self->cancellable);

  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->kase, self);
      g_signal_handlers_disconnect_by_data (carta_case_get_sends (self->kase), self);
    }
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    {
      g_signal_connect_object (kase, "changed", G_CALLBACK (update_missing), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "changed", G_CALLBACK (update_own_words), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "changed", G_CALLBACK (update_identity), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (carta_case_get_sends (kase), "items-changed",
                               G_CALLBACK (on_sends_changed_cb), self, G_CONNECT_SWAPPED);
    }

  show_case_language (self);
  recall_bundle (self);

  /* A passphrase chosen for one case is not carried over to another. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");

  gtk_stack_set_visible_child_name (self->stack, kase ? "export" : "empty");
  update_missing (self);
  update_own_words (self);
  update_identity (self);
  update_history (self);
  update_sensitivity (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/* For the UI tests: the file chooser is a portal they cannot answer. */
void
_carta_export_page_export_to (CartaExportPage *self,
                              GFile           *destination)
{
  g_return_if_fail (CARTA_IS_EXPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (destination));

  g_set_object (&self->test_destination, destination);
  on_export_clicked_cb (self);
  g_clear_object (&self->test_destination);
}

gboolean
_carta_export_page_is_busy (CartaExportPage *self)
{
  g_return_val_if_fail (CARTA_IS_EXPORT_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * _carta_export_page_get_bundle:
 *
 * Returns: (transfer none) (nullable): the bundle saved for the open case
 */
GFile *
_carta_export_page_get_bundle (CartaExportPage *self)
{
  g_return_val_if_fail (CARTA_IS_EXPORT_PAGE (self), NULL);
  return current_bundle (self);
}

GtkListBox *
_carta_export_page_get_history_list (CartaExportPage *self)
{
  g_return_val_if_fail (CARTA_IS_EXPORT_PAGE (self), NULL);
  return self->history_list;
}

GtkListBox *
_carta_export_page_get_identity_list (CartaExportPage *self)
{
  g_return_val_if_fail (CARTA_IS_EXPORT_PAGE (self), NULL);
  return self->identity_list;
}

/**
 * _carta_export_page_get_review_lists:
 * @to_check: (out): the values the Case page flags
 * @missing: (out): the fields and records still missing
 * @covered: (out): the records whose value the Case page holds
 */
void
_carta_export_page_get_review_lists (CartaExportPage  *self,
                                     GtkListBox      **to_check,
                                     GtkListBox      **missing,
                                     GtkListBox      **covered)
{
  g_return_if_fail (CARTA_IS_EXPORT_PAGE (self));

  *to_check = self->review_list;
  *missing = self->missing_list;
  *covered = self->covered_list;
}

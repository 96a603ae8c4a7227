/* carta-version-editor.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-version-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "carta-catalog.h"
#include "carta-version-editor.h"

/* Under a text the family typed (the questions, a record's notes): their
 * own version of it in the summary's language, which the summary then
 * uses instead of the original. Folded away until they open it, so the
 * page stays as simple as before for those who do not need it. */
struct _CartaVersionEditor
{
  AdwBin       parent_instance;

  GtkExpander *expander;
  GtkTextView *text_view;
  const char  *language;  /* interned: a handful of codes */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (CartaVersionEditor, carta_version_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_buffer_changed_cb (CartaVersionEditor *self,
                      GtkTextBuffer      *buffer)
{
  g_assert (CARTA_IS_VERSION_EDITOR (self));

  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
carta_version_editor_class_init (CartaVersionEditorClass *klass)
{
  /**
   * CartaVersionEditor::changed:
   *
   * Emitted when the family edits their version.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
carta_version_editor_init (CartaVersionEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("Type or paste it here if someone translated it for you. The summary in that language shows this instead of your text, marked as translated by the family."));
  GtkWidget *frame = gtk_frame_new (NULL);

  self->expander = GTK_EXPANDER (gtk_expander_new (NULL));
  gtk_expander_set_use_underline (self->expander, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->expander), 6);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_margin_top (hint, 6);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 72);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));

  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_expander_set_child (self->expander, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->expander));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

const char *
carta_version_editor_get_language (CartaVersionEditor *self)
{
  g_return_val_if_fail (CARTA_IS_VERSION_EDITOR (self), NULL);
  return self->language;
}

void
carta_version_editor_set_language (CartaVersionEditor *self,
                                   const char         *language)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CARTA_IS_VERSION_EDITOR (self));
  g_return_if_fail (language != NULL);

  self->language = g_intern_string (language);
  /* TRANSLATORS: %s is a language by its own name, such as 中文（简体） */
  label = g_strdup_printf (_("_Your version in %s, for the summary"), carta_catalog_get_language_name (language));
  gtk_expander_set_label (self->expander, label);
  /* The label's text is without its mnemonic, whatever the language
   * writes it as ("_Your…", "…(_Y)"). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (gtk_expander_get_label_widget (self->expander))), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (gtk_expander_get_label_widget (self->expander))), -1);
}

/**
 * carta_version_editor_dup_text:
 *
 * Returns: (transfer full) (nullable): the version, %NULL when empty
 */
char *
carta_version_editor_dup_text (CartaVersionEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (CARTA_IS_VERSION_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Shows @text without emitting ::changed; open when there is one. */
void
carta_version_editor_set_text (CartaVersionEditor *self,
                               const char         *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (CARTA_IS_VERSION_EDITOR (self));

  current = carta_version_editor_dup_text (self);
  if (g_strcmp0 (current, text) == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
  self->updating = FALSE;
  gtk_expander_set_expanded (self->expander, text != NULL);
}

/**
 * carta_version_editor_pick_language:
 *
 * The language a family's own version is for: the case's summary
 * language when it is not the window's, otherwise Chinese, the
 * coordinators' language (English when the window is in Chinese).
 *
 * Returns: (transfer full): a language such as `zh_CN`
 */
char *
carta_version_editor_pick_language (CartaCase *kase)
{
  g_autofree char *ui_language = carta_catalog_find_ui_language ();
  const char *summary = kase ? carta_case_get_summary_language (kase) : NULL;

  if (summary == NULL)
    summary = "en";
  if (!g_str_equal (summary, ui_language))
    return g_strdup (summary);
  return g_strdup (g_str_equal (ui_language, "zh_CN") ? "en" : "zh_CN");
}

/* test-family-version.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The family can give their own version, in the summary's language, of
 * the questions for the coordinators (Case page) and of a record's notes
 * (the record's view): a folded "Your version in …" under each text,
 * which reaches the case and comes back when the case is shown again.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "carta-export-page.h"
#include "carta-item-view.h"
#include "carta-profile-page.h"
#include "carta-test-ui.h"
#include "carta-version-editor.h"

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* @child in a window of its own, shown. */
static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 700, 900);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  carta_test_wait_until (is_mapped, child, 10);
  return window;
}

static gboolean
is_mapped_text_view (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* Opens the folded version under a text as a person would, types @text
 * into it, and checks what the expander says. */
static void
type_version (GtkWidget  *editor,
              const char *text)
{
  GtkExpander *expander = GTK_EXPANDER (carta_test_find_widget_of_type (editor, GTK_TYPE_EXPANDER));
  GtkWidget *view;

  g_assert_nonnull (expander);
  g_assert_false (gtk_expander_get_expanded (expander));
  /* It names the language by its own name. */
  g_assert_nonnull (strstr (gtk_expander_get_label (expander), "中文（简体）"));
  g_assert_null (carta_test_find_widget (editor, is_mapped_text_view, NULL));

  gtk_widget_activate (GTK_WIDGET (expander));
  g_assert_true (gtk_expander_get_expanded (expander));
  view = carta_test_find_widget_of_type (editor, GTK_TYPE_TEXT_VIEW);
  carta_test_wait_until (is_mapped, view, 10);
  gtk_widget_grab_focus (view);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static char *
shown_version (GtkWidget *editor)
{
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (carta_test_find_widget_of_type (editor, GTK_TYPE_EXPANDER))));
  return carta_version_editor_dup_text (CARTA_VERSION_EDITOR (editor));
}

static void
test_questions (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(CartaCase) other = carta_case_new ("Dad");
  GtkWidget *page = carta_profile_page_new ();
  GtkWindow *window;
  GtkWidget *editor;
  g_autofree char *shown = NULL;

  carta_case_set_questions (kase, "Can she travel in May?");
  carta_case_set_summary_language (kase, "zh_CN");
  window = show_in_window (page);
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);

  editor = carta_test_find_widget_of_type (page, CARTA_TYPE_VERSION_EDITOR);
  g_assert_nonnull (editor);
  g_assert_null (carta_case_get_questions_translation (kase, "zh_CN"));
  type_version (editor, "她五月可以出行吗？");
  g_assert_cmpstr (carta_case_get_questions_translation (kase, "zh_CN"), ==, "她五月可以出行吗？");
  /* The family's own text is untouched. */
  g_assert_cmpstr (carta_case_get_questions (kase), ==, "Can she travel in May?");

  /* Another case has none; back to the first, it is shown again. */
  carta_case_set_summary_language (other, "zh_CN");
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), other);
  g_assert_null (carta_version_editor_dup_text (CARTA_VERSION_EDITOR (editor)));
  carta_profile_page_set_case (CARTA_PROFILE_PAGE (page), kase);
  shown = shown_version (editor);
  g_assert_cmpstr (shown, ==, "她五月可以出行吗？");

  gtk_window_destroy (window);
}

static void
test_record_notes (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(CartaChecklistItem) letter = carta_checklist_item_new_custom ("Letter from the ward", "treatment");
  GtkWidget *view = g_object_new (CARTA_TYPE_ITEM_VIEW, NULL);
  GtkWindow *window;
  GtkWidget *editor;
  g_autofree char *shown = NULL;

  carta_case_set_summary_language (kase, "zh_CN");
  carta_checklist_item_set_notes (letter, "Brought by hand");
  carta_case_add_item (kase, letter);
  window = show_in_window (view);
  carta_item_view_set_item (CARTA_ITEM_VIEW (view), NULL, kase, letter);

  editor = carta_test_find_widget_of_type (view, CARTA_TYPE_VERSION_EDITOR);
  g_assert_nonnull (editor);
  type_version (editor, "亲手送来");
  g_assert_cmpstr (carta_checklist_item_get_notes_translation (letter, "zh_CN"), ==, "亲手送来");
  g_assert_cmpstr (carta_checklist_item_get_notes (letter), ==, "Brought by hand");

  /* Shown again, open, when the record is shown again. */
  carta_item_view_set_item (CARTA_ITEM_VIEW (view), NULL, kase, NULL);
  carta_item_view_set_item (CARTA_ITEM_VIEW (view), NULL, kase, letter);
  shown = shown_version (editor);
  g_assert_cmpstr (shown, ==, "亲手送来");

  gtk_window_destroy (window);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_expander_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

/* The Export page lists, folded, what a summary in another language than
 * the window's shows as the family typed it; what they gave a version
 * of in that language is not listed, and in their own language nothing. */
static void
test_export_lists_own_words (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mum");
  g_autoptr(CartaChecklistItem) letter = carta_checklist_item_new_custom ("Letter from the ward", "treatment");
  GtkWidget *page = g_object_new (CARTA_TYPE_EXPORT_PAGE, NULL);
  GtkWindow *window;
  GtkWidget *expander;
  GtkWidget *group;

  carta_case_set_questions (kase, "Can she travel in May?");
  carta_clinical_status_set_medication (carta_case_get_clinical_status (kase), "Aciclovir");
  carta_checklist_item_set_notes (letter, "Brought by hand");
  carta_case_add_item (kase, letter);
  carta_case_set_summary_language (kase, "zh_CN");

  window = show_in_window (page);
  carta_export_page_set_case (CARTA_EXPORT_PAGE (page), kase);

  expander = carta_test_find_widget (page, is_expander_row, NULL);
  g_assert_nonnull (expander);
  group = gtk_widget_get_ancestor (expander, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "4 fields as you typed them");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "中文（简体）"));
  g_assert_nonnull (carta_test_find_widget (expander, is_row_titled, "Medication"));
  g_assert_nonnull (carta_test_find_widget (expander, is_row_titled, "Questions for the coordinators"));
  g_assert_nonnull (carta_test_find_widget (expander, is_row_titled, "The name of the record “Letter from the ward”"));
  g_assert_nonnull (carta_test_find_widget (expander, is_row_titled, "Notes on “Letter from the ward”"));

  /* With their own Chinese version, the questions are no longer listed. */
  carta_case_set_questions_translation (kase, "zh_CN", "她五月可以出行吗？");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "3 fields as you typed them");
  g_assert_null (carta_test_find_widget (expander, is_row_titled, "Questions for the coordinators"));

  /* A summary in the window's language, English, has nothing to list. */
  carta_case_set_summary_language (kase, NULL);
  carta_export_page_set_case (CARTA_EXPORT_PAGE (page), NULL);
  carta_export_page_set_case (CARTA_EXPORT_PAGE (page), kase);
  g_assert_false (gtk_widget_get_visible (group));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The window in English: the version is for the Chinese summary. */
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/family-version/questions", test_questions);
  g_test_add_func ("/family-version/record-notes", test_record_notes);
  g_test_add_func ("/family-version/export-lists-own-words", test_export_lists_own_words);

  return g_test_run ();
}

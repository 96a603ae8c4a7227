/* test-guide-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "carta-guide.h"
#include "carta-window.h"
#include "src/guide/carta-guide-figure.h"
#include "src/guide/carta-guide-page-private.h"

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static CartaGuide *
load_guide (void)
{
  g_autoptr(GError) error = NULL;
  CartaGuide *guide = carta_guide_new_from_resource ("/io/github/cartahealth/Carta/guide/guide.xml", &error);

  g_assert_no_error (error);
  return guide;
}

static GtkWindow *
show_page (CartaGuidePage **page_out,
           int              width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = carta_guide_page_new ();

  gtk_window_set_default_size (window, width, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  for (int i = 0; i < 200 && !gtk_widget_get_mapped (page); i++)
    iterate (10);
  iterate (100);
  g_assert_true (gtk_widget_get_mapped (page));

  *page_out = CARTA_GUIDE_PAGE (page);
  return window;
}

/* Types like a person would, then waits for the entry's search delay. */
static void
search_for (CartaGuidePage *page,
            const char     *text)
{
  GtkEditable *entry = _carta_guide_page_get_search_entry (page);

  gtk_search_bar_set_search_mode (_carta_guide_page_get_search_bar (page), TRUE);
  gtk_editable_set_text (entry, text);

  for (int i = 0; i < 300 && g_strcmp0 (_carta_guide_page_get_applied_query (page), text) != 0; i++)
    iterate (10);
  g_assert_cmpstr (_carta_guide_page_get_applied_query (page), ==, text);
}

static void
assert_visible (CartaGuidePage     *page,
                const char * const *expected)
{
  g_auto(GStrv) visible = _carta_guide_page_dup_visible_ids (page);
  g_autofree char *got = g_strjoinv (",", visible);
  g_autofree char *want = g_strjoinv (",", (char **)expected);

  g_assert_cmpstr (got, ==, want);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* How many labels of a section show @word highlighted. */
static guint
count_highlighted (CartaGuidePage *page,
                   const char     *id,
                   const char     *word)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *needle = g_strdup_printf ("weight=\"bold\">%s</span>", word);
  guint count = 0;

  collect_labels (_carta_guide_page_get_section_widget (page, id), labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_label_get_use_markup (labels->pdata[i]) &&
        strstr (gtk_label_get_label (labels->pdata[i]), needle) != NULL)
      count++;

  return count;
}

static void
test_page_search (void)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, 800);
  static const char * const all[] = {
    "at-a-glance", "difference", "kinds", "gene-editing", "programmes",
    "signals", "risks", "access", "faq", "questions", NULL,
  };

  assert_visible (page, all);
  g_assert_false (_carta_guide_page_shows_no_results (page));
  g_assert_cmpuint (count_highlighted (page, "gene-editing", "TRAC"), ==, 0);

  search_for (page, "TRAC");
  assert_visible (page, (const char *[]) { "gene-editing", NULL });
  g_assert_cmpuint (count_highlighted (page, "gene-editing", "TRAC"), ==, 1);

  search_for (page, "cd52");
  assert_visible (page, (const char *[]) { "gene-editing", "risks", NULL });
  /* The match keeps the text's own case. */
  g_assert_cmpuint (count_highlighted (page, "gene-editing", "CD52"), ==, 4);

  search_for (page, "fludarabine");
  assert_visible (page, (const char *[]) { "faq", NULL });
  /* The answer and the two references that mention it. */
  g_assert_cmpuint (count_highlighted (page, "faq", "fludarabine"), ==, 3);

  /* References are searched and highlighted, their links kept. */
  search_for (page, "Boren");
  assert_visible (page, (const char *[]) { "programmes", NULL });
  g_assert_cmpuint (count_highlighted (page, "programmes", "Boren"), ==, 1);

  search_for (page, "zzzz");
  assert_visible (page, (const char *[]) { NULL });
  g_assert_true (_carta_guide_page_shows_no_results (page));

  /* Closing the search shows everything again, without highlights. */
  gtk_search_bar_set_search_mode (_carta_guide_page_get_search_bar (page), FALSE);
  iterate (50);
  assert_visible (page, all);
  g_assert_false (_carta_guide_page_shows_no_results (page));
  g_assert_cmpuint (count_highlighted (page, "gene-editing", "TRAC"), ==, 0);

  gtk_window_destroy (window);
}

static void
test_page_faq_opens_on_match (void)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, 800);
  GtkWidget *faq;
  guint expanded = 0, rows = 0;

  search_for (page, "fludarabine");

  faq = _carta_guide_page_get_section_widget (page, "faq");
  for (GtkWidget *child = gtk_widget_get_first_child (faq); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row; row = gtk_widget_get_next_sibling (row))
        if (ADW_IS_EXPANDER_ROW (row))
          {
            rows++;
            expanded += adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
          }

  g_assert_cmpuint (rows, ==, 4);
  g_assert_cmpuint (expanded, ==, 1);

  gtk_window_destroy (window);
}

/* Each reference is a numbered label whose links open in the browser. */
static void
test_page_references (void)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, 800);
  g_autoptr(CartaGuide) guide = load_guide ();

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      guint number = 0;

      collect_labels (_carta_guide_page_get_section_widget (page, carta_guide_section_get_id (section)), labels);

      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);
          g_autoptr(GPtrArray) links = NULL;
          g_autofree char *prefix = NULL;
          GtkLabel *label = NULL;

          if (block->kind != CARTA_GUIDE_BLOCK_REFERENCE)
            continue;

          prefix = g_strdup_printf ("<b>%u.</b> ", ++number);
          for (guint k = 0; k < labels->len && label == NULL; k++)
            if (g_str_has_prefix (gtk_label_get_label (labels->pdata[k]), prefix))
              label = labels->pdata[k];

          g_assert_nonnull (label);
          g_assert_true (gtk_label_get_use_markup (label));
          g_assert_nonnull (strstr (gtk_label_get_text (label), block->text));

          links = carta_guide_block_dup_links (block);
          for (guint k = 0; k < links->len; k++)
            {
              const CartaGuideLink *link = g_ptr_array_index (links, k);
              g_autofree char *escaped = g_markup_escape_text (link->uri, -1);
              g_autofree char *href = g_strdup_printf ("<a href=\"%s\">", escaped);

              g_assert_nonnull (strstr (gtk_label_get_label (label), href));
            }
          if (block->accessed != NULL)
            g_assert_nonnull (strstr (gtk_label_get_text (label), "Accessed"));
        }

      g_assert_cmpuint (number, >, 0);
    }

  gtk_window_destroy (window);
}

/* The contents list names every section in order and jumps to it. */
static void
test_page_contents (void)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, 800);
  g_autoptr(CartaGuide) guide = load_guide ();
  GtkListBox *toc = _carta_guide_page_get_toc (page);
  GtkListBoxRow *row;
  GtkWidget *target;
  graphene_point_t point;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (toc)); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      {
        CartaGuideSection *section = carta_guide_get_section (guide, n++);

        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), ==,
                         carta_guide_section_get_heading (section));
        g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (child)));
      }
  g_assert_cmpuint (n, ==, carta_guide_get_n_sections (guide));

  /* Activating the row for "Questions to Ask a Trial Team" brings it to the top. */
  g_assert_cmpfloat (_carta_guide_page_get_scroll_offset (page), ==, 0);
  row = gtk_list_box_get_row_at_index (toc, carta_guide_get_n_sections (guide) - 1);
  g_signal_emit_by_name (toc, "row-activated", row);
  iterate (50);

  g_assert_cmpfloat (_carta_guide_page_get_scroll_offset (page), >, 0);
  target = _carta_guide_page_get_section_widget (page, "questions");
  g_assert_true (gtk_widget_compute_point (target, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.y, <, 200);
  g_assert_cmpfloat (point.y, >=, 0);

  g_assert_true (_carta_guide_page_jump_to (page, "at-a-glance"));
  g_assert_false (_carta_guide_page_jump_to (page, "no-such-section"));

  gtk_window_destroy (window);
}

static void
test_page_headings (void)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, 800);
  g_autoptr(CartaGuide) guide = load_guide ();

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);
      GtkWidget *widget = _carta_guide_page_get_section_widget (page, carta_guide_section_get_id (section));
      GtkWidget *heading = gtk_widget_get_first_child (widget);

      g_assert_true (GTK_IS_LABEL (heading));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, carta_guide_section_get_heading (section));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_ROLE_HEADING);
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (heading)));
      g_assert_nonnull (gtk_widget_get_next_sibling (heading));
    }

  gtk_window_destroy (window);
}

static void
check_figures (int width)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, width);
  g_autoptr(CartaGuide) guide = load_guide ();
  CartaGuideSection *signals = carta_guide_find_section (guide, "signals");
  GPtrArray *figures = _carta_guide_page_get_figures (page);
  guint n = 0;

  g_assert_cmpuint (figures->len, ==, 2);

  for (guint i = 0; i < carta_guide_section_get_n_blocks (signals); i++)
    {
      const CartaGuideBlock *block = carta_guide_section_get_block (signals, i);
      GtkWidget *figure;

      if (block->kind != CARTA_GUIDE_BLOCK_FIGURE)
        continue;

      figure = g_ptr_array_index (figures, n++);
      g_assert_true (CARTA_IS_GUIDE_FIGURE (figure));
      g_assert_true (gtk_widget_get_mapped (figure));
      g_assert_cmpint (gtk_widget_get_width (figure), >, 100);
      g_assert_cmpint (gtk_widget_get_width (figure), <, width);
      g_assert_cmpint (gtk_widget_get_height (figure), >, 40);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (figure),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, block->detail);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (figure),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, block->text);
    }

  g_assert_cmpuint (n, ==, 2);

  gtk_window_destroy (window);
}

static void
test_figures_wide (void)
{
  check_figures (1280);
}

static void
test_figures_narrow (void)
{
  check_figures (360);
}

/* The figures draw with the theme, in both directions, without warnings. */
static void
test_figures_draw (void)
{
  CartaGuidePage *page;
  GtkWindow *window = show_page (&page, 600);
  GPtrArray *figures = _carta_guide_page_get_figures (page);

  for (guint i = 0; i < figures->len; i++)
    {
      GtkWidget *figure = g_ptr_array_index (figures, i);
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (figure);
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      graphene_rect_t bounds;

      for (guint dir = GTK_TEXT_DIR_LTR; dir <= GTK_TEXT_DIR_RTL; dir++)
        {
          gtk_widget_set_direction (figure, dir);
          iterate (20);
          snapshot = gtk_snapshot_new ();
          gdk_paintable_snapshot (paintable, snapshot,
                                  gtk_widget_get_width (figure), gtk_widget_get_height (figure));
          g_clear_pointer (&node, gsk_render_node_unref);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          g_assert_nonnull (node);
          gsk_render_node_get_bounds (node, &bounds);
          g_assert_cmpfloat (bounds.size.width, >, 0);
          g_assert_cmpfloat (bounds.size.height, >, 0);
        }
    }

  gtk_window_destroy (window);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Ctrl+F in the window (win.search) opens the guide and its search. */
static void
test_window_search_action (void)
{
  g_autofree char *data_home = g_dir_make_tmp ("carta-guide-test-XXXXXX", NULL);
  g_autoptr(CartaApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  CartaWindow *window;
  CartaGuidePage *page;
  AdwViewStack *stack;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  app = carta_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = carta_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  iterate (200);

  page = CARTA_GUIDE_PAGE (find_descendant (GTK_WIDGET (window), CARTA_TYPE_GUIDE_PAGE));
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_false (gtk_search_bar_get_search_mode (_carta_guide_page_get_search_bar (page)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  iterate (100);

  g_assert_true (gtk_search_bar_get_search_mode (_carta_guide_page_get_search_bar (page)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "guide");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (_carta_guide_page_get_search_entry (page))) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (_carta_guide_page_get_search_entry (page)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_rmdir (data_home);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/guide-page/search", test_page_search);
  g_test_add_func ("/guide-page/faq-opens-on-match", test_page_faq_opens_on_match);
  g_test_add_func ("/guide-page/headings", test_page_headings);
  g_test_add_func ("/guide-page/references", test_page_references);
  g_test_add_func ("/guide-page/contents", test_page_contents);
  g_test_add_func ("/guide-page/figures-wide", test_figures_wide);
  g_test_add_func ("/guide-page/figures-narrow", test_figures_narrow);
  g_test_add_func ("/guide-page/figures-draw", test_figures_draw);
  g_test_add_func ("/guide-page/window-search-action", test_window_search_action);

  return g_test_run ();
}

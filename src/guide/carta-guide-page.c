/* carta-guide-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-guide-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "carta-guide.h"
#include "carta-guide-figure.h"
#include "carta-guide-page-private.h"

#define GUIDE_RESOURCE "/io/github/cartahealth/Carta/guide/guide.xml"

/* A piece of guide text on screen, redrawn with highlights on search.
 * The strings belong to the guide. */
typedef struct
{
  GtkWidget  *widget;     /* a GtkLabel, or an AdwExpanderRow for its title */
  GtkWidget  *expander;   /* the FAQ row that holds it, if any */
  const char *lead;       /* shown in bold before the text */
  const char *text;
  char       *prefix;     /* markup before it, such as a reference's number */
  char       *suffix;     /* markup after it, such as a reference's links */
} Text;

typedef struct
{
  CartaGuideSection *section;
  GtkWidget         *widget;
  GArray            *texts;
} SectionView;

struct _CartaGuidePage
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkSearchBar *search_bar;
  GtkEditable  *search_entry;
  GtkWidget    *search_button;
  GtkStack     *stack;
  GtkWidget    *scroller;
  GtkWidget    *intro_box;
  GtkLabel     *title_label;
  GtkLabel     *summary_label;
  GtkLabel     *disclaimer_label;
  GtkLabel     *reviewed_label;
  GtkListBox   *toc_list;
  GtkBox       *sections_box;

  /* State */
  CartaGuide   *guide;
  GArray       *views;
  GPtrArray    *figures;
  char         *applied_query;
};

G_DEFINE_FINAL_TYPE (CartaGuidePage, carta_guide_page, ADW_TYPE_BIN)

static void
text_clear (gpointer data)
{
  Text *text = data;

  g_clear_pointer (&text->prefix, g_free);
  g_clear_pointer (&text->suffix, g_free);
}

static void
section_view_clear (gpointer data)
{
  SectionView *view = data;

  g_clear_pointer (&view->texts, g_array_unref);
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (markup, escaped);
}

/* Escapes @text for Pango markup, wrapping each match of @query in a span
 * of @highlight, a Pango background colour and alpha. Returns whether
 * anything matched. */
static gboolean
append_highlighted (GString    *markup,
                    const char *text,
                    const char *query,
                    const char *highlight)
{
  g_autoptr(GArray) matches = carta_guide_find_matches (text, query);
  guint done = 0;

  for (guint i = 0; i + 1 < matches->len; i += 2)
    {
      guint start = g_array_index (matches, guint, i);
      guint end = g_array_index (matches, guint, i + 1);

      /* Both halves of a folded "ß" can match the same character. */
      if (start < done)
        continue;

      append_escaped (markup, text + done, start - done);
      g_string_append_printf (markup, "<span %s weight=\"bold\">", highlight);
      append_escaped (markup, text + start, end - start);
      g_string_append (markup, "</span>");
      done = end;
    }

  append_escaped (markup, text + done, -1);

  return matches->len > 0;
}

static gboolean
show_text (const Text *text,
           const char *query,
           const char *highlight)
{
  g_autoptr(GString) markup = g_string_new (text->prefix);
  gboolean found = FALSE;

  if (text->lead != NULL)
    {
      g_string_append (markup, "<b>");
      found |= append_highlighted (markup, text->lead, query, highlight);
      g_string_append (markup, "</b> ");
    }
  found |= append_highlighted (markup, text->text, query, highlight);
  if (text->suffix != NULL)
    g_string_append (markup, text->suffix);

  if (GTK_IS_LABEL (text->widget))
    gtk_label_set_markup (GTK_LABEL (text->widget), markup->str);
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text->widget), markup->str);

  return found;
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
new_heading (const char *css_class,
             int         level)
{
  /* The role must be set at construction. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);

  return label;
}

static void
add_text (SectionView *view,
          GtkWidget   *widget,
          GtkWidget   *expander,
          const char  *lead,
          const char  *text)
{
  Text entry = { widget, expander, lead, text, NULL, NULL };

  g_array_append_val (view->texts, entry);
}

/* The reference's links, opened in the browser by the label (which
 * calls gtk_show_uri), and the day a web page was read. */
static char *
reference_links_markup (const CartaGuideBlock *block)
{
  g_autoptr(GPtrArray) links = carta_guide_block_dup_links (block);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      const CartaGuideLink *link = g_ptr_array_index (links, i);
      g_autofree char *uri = g_markup_escape_text (link->uri, -1);
      g_autofree char *label = g_markup_escape_text (link->label, -1);

      g_string_append_printf (markup, "%s<a href=\"%s\">%s</a>", i == 0 ? " " : " · ", uri, label);
    }

  if (block->accessed != NULL)
    {
      g_autoptr(GDateTime) day = NULL;
      g_autofree char *iso = g_strconcat (block->accessed, "T00:00:00Z", NULL);
      g_autofree char *date = NULL;
      g_autofree char *accessed = NULL;
      g_autofree char *escaped = NULL;

      if ((day = g_date_time_new_from_iso8601 (iso, NULL)) != NULL)
        {
          /* TRANSLATORS: the guide's review date, such as "9 June 2026"; codes as in g_date_time_format() */
          date = g_date_time_format (day, _("%-d %B %Y"));
          /* TRANSLATORS: when a cited web page was read; %s is a date, such as "2 December 2026" */
          accessed = g_strdup_printf (_("Accessed %s"), date);
          escaped = g_markup_escape_text (accessed, -1);
          g_string_append_printf (markup, " (%s)", escaped);
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
build_reference (SectionView           *view,
                 const CartaGuideBlock *block,
                 guint                  number)
{
  GtkWidget *label = new_label ("caption");
  Text *entry;

  add_text (view, label, NULL, NULL, block->text);
  entry = &g_array_index (view->texts, Text, view->texts->len - 1);
  entry->prefix = g_strdup_printf ("<b>%u.</b> ", number);
  entry->suffix = reference_links_markup (block);

  return label;
}

static GtkWidget *
build_item (SectionView           *view,
            const CartaGuideBlock *block)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = new_label (NULL);

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_set_margin_start (bullet, 6);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), label);
  add_text (view, label, NULL, block->lead, block->text);

  return row;
}

/* A table row as a card: reads well at any width, down to a phone's. */
static GtkWidget *
build_table_row (SectionView           *view,
                 const CartaGuideBlock *header,
                 const CartaGuideBlock *block)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *step = new_heading ("heading", 3);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (step, 12);
  gtk_widget_set_margin_start (step, 14);
  gtk_widget_set_margin_end (step, 14);
  gtk_box_append (GTK_BOX (card), step);
  add_text (view, step, NULL, NULL, block->cells[CARTA_GUIDE_COLUMN_STEP]);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_widget_set_margin_bottom (grid, 14);
  gtk_widget_set_margin_start (grid, 14);
  gtk_widget_set_margin_end (grid, 14);
  gtk_box_append (GTK_BOX (card), grid);

  for (guint column = CARTA_GUIDE_COLUMN_GENE; column < CARTA_GUIDE_N_COLUMNS; column++)
    {
      GtkWidget *name = new_label ("dim-label");
      GtkWidget *value = new_label (NULL);

      gtk_widget_set_valign (name, GTK_ALIGN_START);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                      -1);
      gtk_grid_attach (GTK_GRID (grid), name, 0, column, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 1, column, 1, 1);
      add_text (view, name, NULL, NULL, header ? header->cells[column] : "");
      add_text (view, value, NULL, NULL, block->cells[column]);
    }

  return card;
}

static GtkWidget *
build_figure (CartaGuidePage        *self,
              SectionView           *view,
              const CartaGuideBlock *block)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *caption = new_label ("heading");
  GtkWidget *figure = carta_guide_figure_new (block);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (caption, 14);
  gtk_widget_set_margin_start (caption, 16);
  gtk_widget_set_margin_end (caption, 16);
  gtk_widget_set_margin_bottom (figure, 16);
  gtk_widget_set_margin_start (figure, 16);
  gtk_widget_set_margin_end (figure, 16);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_box_append (GTK_BOX (card), figure);
  add_text (view, caption, NULL, NULL, block->text);
  g_ptr_array_add (self->figures, figure);

  return card;
}

static GtkWidget *
build_faq (SectionView           *view,
           const CartaGuideBlock *block)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *answer = new_label (NULL);

  gtk_widget_set_margin_top (answer, 12);
  gtk_widget_set_margin_bottom (answer, 12);
  gtk_widget_set_margin_start (answer, 12);
  gtk_widget_set_margin_end (answer, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer);
  add_text (view, row, row, NULL, block->text);
  add_text (view, answer, row, NULL, block->detail);

  return row;
}

static GtkWidget *
build_section (CartaGuidePage    *self,
               SectionView       *view)
{
  CartaGuideSection *section = view->section;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = new_heading ("title-2", 2);
  const CartaGuideBlock *header = NULL;
  GtkWidget *faq_list = NULL;
  GtkWidget *references = NULL;
  guint n_references = 0;
  guint n_blocks = carta_guide_section_get_n_blocks (section);

  gtk_box_append (GTK_BOX (box), heading);
  add_text (view, heading, NULL, NULL, carta_guide_section_get_heading (section));

  for (guint i = 0; i < n_blocks; i++)
    {
      const CartaGuideBlock *block = carta_guide_section_get_block (section, i);
      GtkWidget *child = NULL;

      if (block->kind != CARTA_GUIDE_BLOCK_FAQ)
        faq_list = NULL;

      switch (block->kind)
        {
        case CARTA_GUIDE_BLOCK_PARAGRAPH:
          child = new_label (NULL);
          add_text (view, child, NULL, NULL, block->text);
          break;

        case CARTA_GUIDE_BLOCK_SUBHEADING:
          child = new_heading ("title-4", 3);
          gtk_widget_set_margin_top (child, 12);
          add_text (view, child, NULL, NULL, block->text);
          break;

        case CARTA_GUIDE_BLOCK_ITEM:
          child = build_item (view, block);
          break;

        case CARTA_GUIDE_BLOCK_TABLE_HEADER:
          header = block;
          break;

        case CARTA_GUIDE_BLOCK_TABLE_ROW:
          child = build_table_row (view, header, block);
          break;

        case CARTA_GUIDE_BLOCK_FIGURE:
          child = build_figure (self, view, block);
          gtk_widget_set_margin_top (child, 6);
          break;

        case CARTA_GUIDE_BLOCK_FAQ:
          /* Questions in a row share one list. */
          if (faq_list == NULL)
            {
              child = faq_list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (faq_list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (faq_list, "boxed-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (faq_list),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              carta_guide_section_get_heading (section),
                                              -1);
            }
          gtk_list_box_append (GTK_LIST_BOX (faq_list), build_faq (view, block));
          break;

        case CARTA_GUIDE_BLOCK_ACTION:
          {
            child = gtk_button_new_with_mnemonic (block->text);
            gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
            gtk_widget_set_margin_top (child, 12);
            gtk_widget_set_margin_bottom (child, 6);
            gtk_widget_add_css_class (child, "pill");
            gtk_widget_add_css_class (child, "suggested-action");
            gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "win.show-page");
            gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child),
                                                    g_variant_new_string (block->target));
          }
          break;

        case CARTA_GUIDE_BLOCK_REFERENCE:
          /* The section's references share one numbered list. */
          if (references == NULL)
            {
              GtkWidget *title = new_heading ("heading", 3);

              child = references = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
              gtk_widget_set_margin_top (references, 6);
              gtk_label_set_text (GTK_LABEL (title), _("References"));
              gtk_box_append (GTK_BOX (references), title);
            }
          gtk_box_append (GTK_BOX (references), build_reference (view, block, ++n_references));
          break;

        case CARTA_GUIDE_BLOCK_SOURCES:
          child = new_label ("caption");
          gtk_widget_add_css_class (child, "dim-label");
          gtk_widget_set_margin_top (child, 6);
          add_text (view, child, NULL, NULL, block->text);
          break;

        default:
          g_assert_not_reached ();
        }

      if (child != NULL)
        gtk_box_append (GTK_BOX (box), child);
    }

  return box;
}

/* The accent colour, stronger on a dark background to stand out as much. */
static char *
get_highlight (CartaGuidePage *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA accent;

  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  return g_strdup_printf ("bgcolor=\"#%02x%02x%02x\" bgalpha=\"%d%%\"",
                          (guint)(accent.red * 255), (guint)(accent.green * 255),
                          (guint)(accent.blue * 255), dark ? 60 : 35);
}

static void
apply_search (CartaGuidePage *self,
              const char     *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));
  gboolean searching = stripped[0] != '\0';
  g_autofree char *highlight = get_highlight (self);
  gboolean any = FALSE;

  for (guint i = 0; i < self->views->len; i++)
    {
      SectionView *view = &g_array_index (self->views, SectionView, i);
      gboolean visible = carta_guide_section_matches (view->section, stripped);

      gtk_widget_set_visible (view->widget, visible);
      any |= visible;

      for (guint j = 0; j < view->texts->len; j++)
        {
          const Text *text = &g_array_index (view->texts, Text, j);
          gboolean found = show_text (text, visible ? stripped : NULL, highlight);

          /* Open an answer that holds the match, so it is seen. */
          if (found && text->expander != NULL)
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (text->expander), TRUE);
        }
    }

  gtk_widget_set_visible (self->intro_box, !searching);
  gtk_stack_set_visible_child_name (self->stack, any ? "guide" : "empty");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  g_free (self->applied_query);
  self->applied_query = g_steal_pointer (&stripped);
}

static void
load_guide (CartaGuidePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reviewed = NULL;
  GDateTime *day;

  if (!(self->guide = carta_guide_new_from_resource (GUIDE_RESOURCE, &error)))
    {
      /* Only a broken build gets here. */
      g_critical ("Could not read the guide: %s", error->message);
      return;
    }

  gtk_label_set_text (self->title_label, carta_guide_get_title (self->guide));
  gtk_label_set_text (self->summary_label, carta_guide_get_summary (self->guide));
  gtk_label_set_text (self->disclaimer_label, carta_guide_get_disclaimer (self->guide));

  /* The review date is a calendar day; show it as one, not as a moment. */
  day = carta_guide_get_reviewed (self->guide);
  /* TRANSLATORS: the guide's review date, such as "9 June 2026"; codes as in g_date_time_format() */
  date = g_date_time_format (day, _("%-d %B %Y"));
  /* TRANSLATORS: %s is a date, such as "9 June 2026" */
  reviewed = g_strdup_printf (_("Last reviewed: %s"), date);
  gtk_label_set_text (self->reviewed_label, reviewed);

  for (guint i = 0; i < carta_guide_get_n_sections (self->guide); i++)
    {
      SectionView view = {
        .section = carta_guide_get_section (self->guide, i),
        .texts = g_array_new (FALSE, FALSE, sizeof (Text)),
      };
      GtkWidget *row = adw_action_row_new ();

      g_array_set_clear_func (view.texts, text_clear);
      view.widget = build_section (self, &view);
      gtk_box_append (self->sections_box, view.widget);
      g_array_append_val (self->views, view);

      /* Section headings are plain text: no markup to escape. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     carta_guide_section_get_heading (view.section));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->toc_list, row);
    }

  apply_search (self, NULL);
}

/* Laying out the whole guide is the costliest thing in the window, so
 * it waits until the page is first shown or searched. */
static void
ensure_loaded (CartaGuidePage *self)
{
  if (self->guide == NULL)
    load_guide (self);
}

/* Scrolls so that the section's heading is at the top of the page. */
static gboolean
jump_to_section (CartaGuidePage *self,
                 const char     *id)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_point_t point;

  for (guint i = 0; i < self->views->len; i++)
    {
      SectionView *view = &g_array_index (self->views, SectionView, i);

      if (g_strcmp0 (carta_guide_section_get_id (view->section), id) != 0)
        continue;

      if (!gtk_widget_compute_point (view->widget, content, &GRAPHENE_POINT_INIT (0, 0), &point))
        return FALSE;

      gtk_adjustment_set_value (adjustment, MAX (0, point.y - 12));
      return TRUE;
    }

  return FALSE;
}

static void
on_toc_row_activated_cb (CartaGuidePage *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  int index = gtk_list_box_row_get_index (row);
  const SectionView *view;

  g_assert (CARTA_IS_GUIDE_PAGE (self));

  /* The contents list has one row per section, in the same order. */
  if (index < 0 || (guint) index >= self->views->len)
    return;
  view = &g_array_index (self->views, SectionView, index);
  jump_to_section (self, carta_guide_section_get_id (view->section));
}

/* GTK 4.8 gives the search bar's own close button an icon and no name,
 * so a screen reader would say only "button". */
static gboolean
name_close_button_in (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close"))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Close the Search"), -1);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (name_close_button_in (child))
      return TRUE;

  return FALSE;
}

static void
on_search_changed_cb (CartaGuidePage *self,
                      GtkSearchEntry *entry)
{
  ensure_loaded (self);
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search_cb (CartaGuidePage *self,
                   GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_cb (CartaGuidePage *self)
{
  GtkWidget *focus;

  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  gtk_editable_set_text (self->search_entry, "");
  apply_search (self, NULL);

  /* Put the reader back where searching began, not on the first text. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    gtk_widget_grab_focus (self->search_button);
}

static void
carta_guide_page_dispose (GObject *object)
{
  CartaGuidePage *self = (CartaGuidePage *)object;

  g_clear_pointer (&self->views, g_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_GUIDE_PAGE);

  g_clear_object (&self->guide);

  G_OBJECT_CLASS (carta_guide_page_parent_class)->dispose (object);
}

static void
carta_guide_page_finalize (GObject *object)
{
  CartaGuidePage *self = (CartaGuidePage *)object;

  g_clear_pointer (&self->applied_query, g_free);

  G_OBJECT_CLASS (carta_guide_page_parent_class)->finalize (object);
}

static void
carta_guide_page_map (GtkWidget *widget)
{
  ensure_loaded (CARTA_GUIDE_PAGE (widget));

  GTK_WIDGET_CLASS (carta_guide_page_parent_class)->map (widget);
}

static void
carta_guide_page_class_init (CartaGuidePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_guide_page_dispose;
  object_class->finalize = carta_guide_page_finalize;

  widget_class->map = carta_guide_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/guide/carta-guide-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, search_button);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, intro_box);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, toc_list);
  gtk_widget_class_bind_template_child (widget_class, CartaGuidePage, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_toc_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
}

static void
carta_guide_page_init (CartaGuidePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->views = g_array_new (FALSE, FALSE, sizeof (SectionView));
  g_array_set_clear_func (self->views, section_view_clear);
  self->figures = g_ptr_array_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1,
                                  -1);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing anywhere on the page starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  name_close_button_in (GTK_WIDGET (self->search_bar));
}

/**
 * carta_guide_page_new:
 *
 * Returns: (transfer floating): a new guide page
 */
GtkWidget *
carta_guide_page_new (void)
{
  return g_object_new (CARTA_TYPE_GUIDE_PAGE, NULL);
}

/**
 * carta_guide_page_start_search:
 *
 * Opens the search bar and puts the cursor in it, keeping any words
 * already typed (selected, so typing replaces them).
 */
void
carta_guide_page_start_search (CartaGuidePage *self)
{
  g_return_if_fail (CARTA_IS_GUIDE_PAGE (self));

  ensure_loaded (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (self->search_entry, 0, -1);
}

GtkSearchBar *
_carta_guide_page_get_search_bar (CartaGuidePage *self)
{
  return self->search_bar;
}

GtkEditable *
_carta_guide_page_get_search_entry (CartaGuidePage *self)
{
  return self->search_entry;
}

const char *
_carta_guide_page_get_applied_query (CartaGuidePage *self)
{
  return self->applied_query;
}

GStrv
_carta_guide_page_dup_visible_ids (CartaGuidePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  ensure_loaded (self);


  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "guide") == 0)
    for (guint i = 0; i < self->views->len; i++)
      {
        SectionView *view = &g_array_index (self->views, SectionView, i);

        if (gtk_widget_get_visible (view->widget))
          g_strv_builder_add (builder, carta_guide_section_get_id (view->section));
      }

  return g_strv_builder_end (builder);
}

GtkWidget *
_carta_guide_page_get_section_widget (CartaGuidePage *self,
                                      const char     *id)
{
  ensure_loaded (self);
  for (guint i = 0; i < self->views->len; i++)
    {
      SectionView *view = &g_array_index (self->views, SectionView, i);

      if (g_strcmp0 (carta_guide_section_get_id (view->section), id) == 0)
        return view->widget;
    }

  return NULL;
}

gboolean
_carta_guide_page_shows_no_results (CartaGuidePage *self)
{
  ensure_loaded (self);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

GPtrArray *
_carta_guide_page_get_figures (CartaGuidePage *self)
{
  ensure_loaded (self);
  return self->figures;
}

GtkListBox *
_carta_guide_page_get_toc (CartaGuidePage *self)
{
  ensure_loaded (self);
  return self->toc_list;
}

gboolean
_carta_guide_page_jump_to (CartaGuidePage *self,
                           const char     *id)
{
  ensure_loaded (self);
  return jump_to_section (self, id);
}

double
_carta_guide_page_get_scroll_offset (CartaGuidePage *self)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)));
}

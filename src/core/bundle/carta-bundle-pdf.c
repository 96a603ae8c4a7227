/* carta-bundle-pdf.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "carta-bundle-private.h"
#include "carta-checklist-template.h"
#include "carta-date.h"
#include "carta-dicom-summary.h"
#include "carta-error.h"
#include "carta-own-words.h"
#include "carta-identity.h"
#include "carta-validate.h"

/* summary.pdf: what a coordinator reads first, on screen or on paper.
 * A4, black on white, a plain sans-serif; pango falls back to Noto CJK
 * for Chinese and cairo embeds the subsets of every font used.
 *
 * The summary has its own language, which need not be the window's:
 * Chinese for the coordinators while the family reads Spanish. So every
 * text drawn here is marked with N_() and looked up in the summary
 * language's catalogue (T()), never with the process's gettext, and
 * dates and sizes are formatted here rather than by the C library's
 * locale. */

#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       56.0
#define BODY_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define BOTTOM       (PAGE_HEIGHT - MARGIN - 24)
/* A Latin face first: CJK faces are large and cairo loads a font's whole
 * outline table to subset it, so they are used only for CJK text, and
 * only in the regular weight (names are never set in bold). */
#define FONT_FAMILY  "Cantarell, Noto Sans CJK SC, Sans"

typedef struct
{
  cairo_surface_t        *surface;
  cairo_t                *cr;
  PangoLayout            *layout;
  double                  y;
  guint                   page;
  char                   *footer;
  CartaCatalog           *catalog;
  CartaChecklistTemplate *template;
  gboolean                rtl;
  /* What the family typed is marked when the summary is in another
   * language than theirs (the window's), or when they gave their own
   * version in the summary's language. */
  gboolean                mark_own_words;
  gboolean                any_family_version;
  GPtrArray              *flagged;   /* of CartaFieldNote */
  char                   *name;      /* the patient's, or the case's title; bounded */
} Pdf;

/* After text in the family's words, as they typed it; after text they
 * translated themselves. The footer explains both. */
#define OWN_WORDS_MARK       "†"
#define FAMILY_VERSION_MARK  "‡"

#define T(msgid) carta_catalog_gettext (pdf->catalog, (msgid))

/* Month names for date formats that use %B, in the summary's language. */
static const char *month_names[] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

/* Expands the strftime-like @format for @date: %Y, %m, %d, %e, %B and %%
 * only, so that nothing comes from the process's locale. */
static char *
expand_date (Pdf        *pdf,
             const char *format,
             GDate      *date)
{
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (*++p)
        {
        case 'Y':
          g_string_append_printf (out, "%04u", g_date_get_year (date));
          break;
        case 'm':
          g_string_append_printf (out, "%02u", g_date_get_month (date));
          break;
        case 'd':
          g_string_append_printf (out, "%02u", g_date_get_day (date));
          break;
        case 'e':
          g_string_append_printf (out, "%u", g_date_get_day (date));
          break;
        case 'B':
          g_string_append (out, carta_catalog_pgettext (pdf->catalog, "month name",
                                                        month_names[g_date_get_month (date) - 1]));
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* A profile date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as the summary's
 * language writes it; anything else as it was written. */
static char *
format_date (Pdf        *pdf,
             const char *text)
{
  CartaDatePrecision precision;
  GDate date;

  if (text == NULL || *text == '\0')
    return NULL;

  if (!carta_date_parse (text, &date, &precision))
    return g_strdup (text);

  switch (precision)
    {
    case CARTA_DATE_PRECISION_DAY:
      /* xgettext:no-c-format */
      /* TRANSLATORS: how the summary PDF writes a date. Use only %Y (year),
       * %m (month, 01–12), %d (day, 01–31), %e (day, 1–31) and %B (month
       * name, translated with the "month name" context), e.g. "%Y年%m月%d日"
       * or "%d/%m/%Y". Keep it short and unambiguous for a doctor abroad. */
      return expand_date (pdf, carta_catalog_pgettext (pdf->catalog, "summary date", "%Y-%m-%d"), &date);
    case CARTA_DATE_PRECISION_MONTH:
      /* xgettext:no-c-format */
      /* TRANSLATORS: how the summary PDF writes a month when the day is not
       * known; the same codes as for a full date, e.g. "%Y年%m月" */
      return expand_date (pdf, carta_catalog_pgettext (pdf->catalog, "summary date", "%Y-%m"), &date);
    case CARTA_DATE_PRECISION_YEAR:
    default:
      return g_strdup_printf ("%04u", g_date_get_year (&date));
    }
}

static char *
format_date_time (Pdf       *pdf,
                  GDateTime *when)
{
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  return format_date (pdf, text);
}

/* Sizes with SI units and a decimal point whatever the process's locale
 * (g_format_size() follows the window's language). */
static char *
format_size (guint64 bytes)
{
  static const char *units[] = { "kB", "MB", "GB", "TB" };
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double value = bytes;
  guint unit = 0;

  if (bytes < 1000)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " B", bytes);

  value /= 1000;
  while (value >= 999.95 && unit + 1 < G_N_ELEMENTS (units))
    {
      value /= 1000;
      unit++;
    }

  g_ascii_formatd (number, sizeof number, "%.1f", value);
  return g_strdup_printf ("%s %s", number, units[unit]);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_font (Pdf        *pdf,
          double      size,
          PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (pdf->layout, font);
  pango_font_description_free (font);
}

static void draw_text_at (Pdf        *pdf,
                          const char *text,
                          double      x,
                          double      y,
                          double      width);

/* One line under the footer of every page, so that a page printed on
 * its own still says what the marks mean. */
static char *
own_words_legend (Pdf *pdf)
{
  g_autofree char *own = NULL;
  g_autofree char *version = NULL;

  if (pdf->mark_own_words)
    /* TRANSLATORS: the footnote of the summary PDF for text marked †: what the family
     * typed, shown as they typed it, in their own language */
    own = g_strdup_printf ("%s %s", OWN_WORDS_MARK, T (N_("The family's own words, not translated.")));
  if (pdf->any_family_version)
    /* TRANSLATORS: the footnote of the summary PDF for text marked ‡: the family gave
     * their own version of it in the summary's language */
    version = g_strdup_printf ("%s %s", FAMILY_VERSION_MARK, T (N_("Translated by the family.")));

  if (own == NULL && version == NULL)
    return NULL;
  return g_strjoin ("  ", own ? own : version, own ? version : NULL, NULL);
}

/* @text as the family typed it, marked when it is not in the summary's
 * language; %NULL stays %NULL. */
static char *
own_words (Pdf        *pdf,
           const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  if (!pdf->mark_own_words)
    return g_strdup (text);
  return g_strdup_printf ("%s %s", text, OWN_WORDS_MARK);
}

/* The family's version in the summary's language when there is one,
 * else their text as typed. */
static char *
family_text (Pdf        *pdf,
             const char *text,
             const char *version)
{
  if (version != NULL && *version != '\0')
    return g_strdup_printf ("%s %s", version, FAMILY_VERSION_MARK);
  return own_words (pdf, text);
}

static void
draw_footer (Pdf *pdf)
{
  /* TRANSLATORS: in the footer of the summary PDF, as in "page 2" */
  g_autofree char *text = g_strdup_printf ("%s — %s %u", pdf->footer, T (N_("page")), pdf->page);

  g_autofree char *legend = own_words_legend (pdf);

  set_font (pdf, 8, PANGO_WEIGHT_NORMAL);
  cairo_set_source_rgb (pdf->cr, 0.35, 0.35, 0.35);
  draw_text_at (pdf, text, MARGIN, PAGE_HEIGHT - MARGIN + 4, BODY_WIDTH);
  if (legend != NULL)
    draw_text_at (pdf, legend, MARGIN, PAGE_HEIGHT - MARGIN + 16, BODY_WIDTH);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    {
      draw_footer (pdf);
      cairo_show_page (pdf->cr);
    }
  pdf->page++;
  pdf->y = MARGIN;
}

static void
ensure_room (Pdf    *pdf,
             double  height)
{
  if (pdf->y + height > BOTTOM)
    new_page (pdf);
}

/* Whether the first letter of @text belongs to a right-to-left script. */
static gboolean
starts_rtl (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script;

      if (!g_unichar_isalpha (c))
        continue;

      script = g_unichar_get_script (c);
      return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
             script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA ||
             script == G_UNICODE_SCRIPT_NKO;
    }

  return FALSE;
}

/* Pango lays out a paragraph in time that grows with the square of its
 * longest unbroken run, and one field never spans pages: what a field
 * shows is cut at TEXT_MAX bytes, with a note, and a run of more than
 * RUN_MAX letters without a space gets a zero-width break every RUN_MAX,
 * so a damaged or hostile case cannot stall the export. */
#define TEXT_MAX 4000
#define RUN_MAX  64
/* The patient's name heads the cover and every page's footer. */
#define SHOWN_NAME_MAX 200

static char *
bounded_text (Pdf        *pdf,
              const char *text,
              gsize       max)
{
  gsize length = strnlen (text, max + 1);
  const char *end = text + length;
  gboolean cut = length > max;
  GString *out;
  guint run = 0;

  if (cut)
    end = g_utf8_find_prev_char (text, text + max);
  if (end == NULL)
    end = text;

  out = g_string_sized_new (end - text + 128);
  for (const char *p = text; p < end; )
    {
      const char *next = g_utf8_find_next_char (p, end);
      gunichar c = g_utf8_get_char_validated (p, next ? next - p : end - p);

      if (next == NULL)
        next = end;
      /* Spaces, punctuation and Chinese or Japanese letters already let
       * a line break; a mark stays with the letter before it. */
      if (g_unichar_isspace (c) || g_unichar_ispunct (c) || g_unichar_iswide (c) || c == 0x200B)
        run = 0;
      else if (!g_unichar_ismark (c) && ++run > RUN_MAX)
        {
          g_string_append (out, "\u200B");
          run = 1;
        }
      g_string_append_len (out, p, next - p);
      p = next;
    }

  if (cut)
    {
      g_string_append (out, "… ");
      /* TRANSLATORS: after a text cut short in the summary PDF */
      g_string_append (out, T(N_("(shortened here: the full text is in case.json)")));
    }

  return g_string_free (out, FALSE);
}

static void
set_text (Pdf        *pdf,
          const char *text,
          double      width)
{
  g_autofree char *bounded = bounded_text (pdf, text, TEXT_MAX);

  /* On a right-to-left page every text hangs from the right, but what the
   * family typed in Latin letters or digits (names, phone numbers, dates)
   * keeps its own left-to-right order. */
  if (pdf->rtl)
    {
      PangoContext *context = pango_layout_get_context (pdf->layout);
      PangoDirection direction = starts_rtl (bounded) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;

      if (pango_context_get_base_dir (context) != direction)
        {
          pango_context_set_base_dir (context, direction);
          pango_layout_context_changed (pdf->layout);
        }
    }

  pango_layout_set_width (pdf->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (pdf->layout, bounded, -1);
}

/* Lays out @text at @width and returns its height, without drawing. */
static double
measure (Pdf        *pdf,
         const char *text,
         double      width)
{
  int height;

  set_text (pdf, text, width);
  pango_layout_get_pixel_size (pdf->layout, NULL, &height);
  return height;
}

/* @x is from the start of the line: the left in a left-to-right
 * language, the right in Arabic, where the whole page is mirrored. */
static void
draw_text_at (Pdf        *pdf,
              const char *text,
              double      x,
              double      y,
              double      width)
{
  set_text (pdf, text, width);
  cairo_move_to (pdf->cr, pdf->rtl ? PAGE_WIDTH - x - width : x, y);
  pango_cairo_show_layout (pdf->cr, pdf->layout);
}

static void
heading (Pdf        *pdf,
         const char *text)
{
  set_font (pdf, 14, PANGO_WEIGHT_BOLD);
  ensure_room (pdf, 60);
  pdf->y += 10;
  draw_text_at (pdf, text, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += measure (pdf, text, BODY_WIDTH) + 4;
  cairo_set_line_width (pdf->cr, 0.8);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  cairo_line_to (pdf->cr, MARGIN + BODY_WIDTH, pdf->y);
  cairo_stroke (pdf->cr);
  pdf->y += 8;
}

static void
paragraph (Pdf        *pdf,
           const char *text)
{
  double height;

  set_font (pdf, 10, PANGO_WEIGHT_NORMAL);
  height = measure (pdf, text, BODY_WIDTH);
  ensure_room (pdf, height);
  draw_text_at (pdf, text, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += height + 6;
}

/* "Label    value" rows; empty values show as a dash so a reader sees
 * the field exists but was not filled in. */
static void
field (Pdf        *pdf,
       const char *label,
       const char *value)
{
  const double label_width = 150;
  double height;

  if (value == NULL || *value == '\0')
    value = "—";

  set_font (pdf, 10, PANGO_WEIGHT_BOLD);
  height = measure (pdf, label, label_width - 8);
  set_font (pdf, 10, PANGO_WEIGHT_NORMAL);
  height = MAX (MAX (measure (pdf, value, BODY_WIDTH - label_width), height), 12);
  ensure_room (pdf, height);
  set_font (pdf, 10, PANGO_WEIGHT_BOLD);
  draw_text_at (pdf, label, MARGIN, pdf->y, label_width - 8);
  set_font (pdf, 10, PANGO_WEIGHT_NORMAL);
  draw_text_at (pdf, value, MARGIN + label_width, pdf->y, BODY_WIDTH - label_width);
  pdf->y += height + 3;
}

/* A table: widths in points, a header row repeated on every page. */
typedef struct
{
  guint         n_columns;
  const double *widths;
  const char  **headers;
} Table;

static double
row_height (Pdf          *pdf,
            const Table  *table,
            const char  **cells)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    height = MAX (height, measure (pdf, cells[i] ? cells[i] : "", table->widths[i] - 6));

  return height + 6;
}

static void
draw_row (Pdf          *pdf,
          const Table  *table,
          const char  **cells,
          gboolean      header)
{
  double x = MARGIN;
  double height;

  set_font (pdf, header ? 8.5 : 8.5, header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  height = row_height (pdf, table, cells);

  if (header)
    {
      cairo_set_source_rgb (pdf->cr, 0.9, 0.9, 0.9);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, BODY_WIDTH, height);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      draw_text_at (pdf, cells[i] ? cells[i] : "", x + 3, pdf->y + 3, table->widths[i] - 6);
      x += table->widths[i];
    }

  pdf->y += height;
  cairo_set_line_width (pdf->cr, 0.3);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  cairo_line_to (pdf->cr, MARGIN + BODY_WIDTH, pdf->y);
  cairo_stroke (pdf->cr);
}

static void
table_row (Pdf          *pdf,
           const Table  *table,
           const char  **cells,
           gboolean     *header_drawn)
{
  double height;

  set_font (pdf, 8.5, PANGO_WEIGHT_BOLD);
  height = row_height (pdf, table, table->headers);
  set_font (pdf, 8.5, PANGO_WEIGHT_NORMAL);
  height += row_height (pdf, table, cells);

  if (pdf->y + height > BOTTOM)
    {
      new_page (pdf);
      *header_drawn = FALSE;
    }

  if (!*header_drawn)
    {
      draw_row (pdf, table, table->headers, TRUE);
      *header_drawn = TRUE;
    }

  draw_row (pdf, table, cells, FALSE);
}

static char *
diagnosis_label (Pdf       *pdf,
                 CartaCase *kase)
{
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaDisease disease = carta_diagnosis_get_disease (diagnosis);

  if (disease == CARTA_DISEASE_NOT_SET)
    return NULL;
  if (disease == CARTA_DISEASE_OTHER && carta_diagnosis_get_disease_other (diagnosis) != NULL)
    return own_words (pdf, carta_diagnosis_get_disease_other (diagnosis));
  return g_strdup (carta_disease_to_label_in (disease, pdf->catalog));
}

/* The profile keeps the values of its sex row ("female"…). */
static const char *
sex_label (Pdf        *pdf,
           const char *sex)
{
  if (g_strcmp0 (sex, "female") == 0)
    return T (N_("Female"));
  if (g_strcmp0 (sex, "male") == 0)
    return T (N_("Male"));
  if (g_strcmp0 (sex, "other") == 0)
    /* TRANSLATORS: sex, neither female nor male */
    return T (N_("Other"));
  return sex;
}

/* A template category by its title in the summary's language; one the
 * family made up as they wrote it. */
static char *
category_label (Pdf        *pdf,
                const char *category)
{
  if (carta_checklist_template_lookup_category (pdf->template, category) != NULL)
    return g_strdup (carta_checklist_template_get_category_title_in (pdf->template, category, pdf->catalog));
  if (category == NULL || *category == '\0')
    return g_strdup (T (N_("Other records")));
  return own_words (pdf, category);
}

/* A record by its title in the summary's language; one the family
 * added by the name they gave it. */
static char *
item_title (Pdf                *pdf,
            CartaChecklistItem *item)
{
  const char *title = carta_checklist_template_get_item_title_in (pdf->template, item, pdf->catalog);

  if (carta_checklist_template_lookup_item (pdf->template, carta_checklist_item_get_template_key (item)) != NULL)
    return g_strdup (title);
  return own_words (pdf, title);
}

static char *
doc_title (Pdf            *pdf,
           CartaBundleDoc *doc)
{
  const CartaTemplateItem *entry = carta_checklist_template_lookup_item (pdf->template, doc->template_key);

  return entry != NULL ? g_strdup (T (entry->title)) : own_words (pdf, doc->item_title);
}

static const char *
status_label (Pdf        *pdf,
              const char *status)
{
  CartaItemStatus value;

  if (!carta_item_status_from_string (status, &value))
    return status;

  switch (value)
    {
    case CARTA_ITEM_STATUS_NEEDED:
      return T (N_("Still needed"));
    case CARTA_ITEM_STATUS_REQUESTED:
      return T (N_("Requested"));
    case CARTA_ITEM_STATUS_RECEIVED:
      return T (N_("Received"));
    case CARTA_ITEM_STATUS_NOT_APPLICABLE:
      return T (N_("Does not apply"));
    default:
      return status;
    }
}

static const char *
answer_or_null (Pdf        *pdf,
                CartaAnswer answer)
{
  return answer ? carta_answer_to_label_in (answer, pdf->catalog) : NULL;
}

/* “date — text”, either part may be missing. */
static char *
dated_text (Pdf        *pdf,
            const char *date,
            const char *text)
{
  g_autofree char *formatted = format_date (pdf, date);

  if (formatted == NULL && text == NULL)
    return NULL;

  return g_strjoin (" — ", formatted ? formatted : "—", text ? text : "—", NULL);
}

/* A value the Case page flags goes into the summary as the family typed
 * it, marked so that a reader does not take it for a checked one. A
 * @field ending in “/” marks any flagged part of that record. */
static char *
as_entered (Pdf        *pdf,
            const char *field,
            const char *value)
{
  if (value == NULL || *value == '\0' || !carta_profile_has_flag (pdf->flagged, field))
    return g_strdup (value);

  /* TRANSLATORS: in the summary PDF, after a value the Case page flags as
   * probably wrong (“CD19 150”): it is shown as the family typed it */
  return g_strdup_printf (T (N_("%s (as entered, not checked)")), value);
}

/* A date of the record at @position of a profile list (`lines`…),
 * formatted and marked as as_entered() does. */
static char *
record_date (Pdf        *pdf,
             const char *text,
             const char *list,
             guint       position,
             const char *part)
{
  g_autofree char *formatted = format_date (pdf, text);
  g_autofree char *field = g_strdup_printf ("%s/%u/%s", list, position, part);

  return as_entered (pdf, field, formatted);
}

static char *
lab_name (Pdf            *pdf,
          CartaLabResult *lab)
{
  if (carta_lab_result_get_name (lab) != NULL)
    return own_words (pdf, carta_lab_result_get_name (lab));
  if (carta_lab_result_get_kind (lab) != CARTA_LAB_KIND_NOT_SET)
    return g_strdup (carta_lab_kind_to_label_in (carta_lab_result_get_kind (lab), pdf->catalog));
  return g_strdup (T (N_("Lab value")));
}

static void
lab_field (Pdf            *pdf,
           CartaLabResult *lab,
           guint           position)
{
  g_autofree char *record = g_strdup_printf ("labs/%u/", position);
  g_autofree char *marked = NULL;
  g_autofree char *lab_date = format_date (pdf, carta_lab_result_get_date (lab));
  g_autofree char *method = own_words (pdf, carta_lab_result_get_method (lab));
  g_autofree char *name = lab_name (pdf, lab);
  g_autofree char *text = g_strdup_printf ("%s %s%s%s%s%s%s",
                                           carta_lab_result_get_value (lab) ? carta_lab_result_get_value (lab) : "—",
                                           carta_lab_result_get_unit (lab) ? carta_lab_result_get_unit (lab) : "",
                                           method ? ", " : "",
                                           method ? method : "",
                                           lab_date ? " (" : "",
                                           lab_date ? lab_date : "",
                                           lab_date ? ")" : "");

  marked = as_entered (pdf, record, text);
  field (pdf, name, marked);
}

static gboolean
is_target (CartaLabResult *lab)
{
  CartaLabKind kind = carta_lab_result_get_kind (lab);

  return kind >= CARTA_LAB_KIND_CD7 && kind <= CARTA_LAB_KIND_OTHER_TARGET;
}

/* The washout dates, each with the days since, counted to the day of the
 * summary, so a site can compare them with its own waiting times. */
static void
washouts (Pdf                 *pdf,
          CartaClinicalStatus *status,
          GDateTime           *when)
{
  GDate today;
  gboolean any = FALSE;

  for (guint i = 0; i < carta_clinical_status_get_n_washouts (); i++)
    any |= carta_clinical_status_get_washout_date (status, i) != NULL;
  if (!any)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));

  heading (pdf, T (N_("Last treatment dates")));
  for (guint i = 0; i < carta_clinical_status_get_n_washouts (); i++)
    {
      const char *given = carta_clinical_status_get_washout_date (status, i);
      g_autofree char *formatted = format_date (pdf, given);
      g_autofree char *text = NULL;
      CartaDatePrecision precision;
      GDate date;

      if (formatted == NULL)
        continue;

      if (carta_date_parse (given, &date, &precision) && precision == CARTA_DATE_PRECISION_DAY &&
          g_date_compare (&date, &today) <= 0)
        {
          int days = g_date_days_between (&date, &today);

          /* TRANSLATORS: %1$s is a date, %2$d a number of days before the summary was made */
          text = g_strdup_printf (carta_catalog_ngettext (pdf->catalog, "%1$s, %2$d day before this summary",
                                                          "%1$s, %2$d days before this summary", days),
                                  formatted, days);
        }

      {
        g_autofree char *marked = as_entered (pdf, carta_clinical_status_get_washout_property (i),
                                              text ? text : formatted);

        field (pdf, T (carta_clinical_status_get_washout_title (i)), marked);
      }
    }
}

/* The name and what the bundle is, in large type. */
static void
cover_title (Pdf       *pdf,
             CartaCase *kase,
             GPtrArray *docs,
             GDateTime *when)
{
  g_autofree char *date = format_date_time (pdf, when);
  g_autofree char *subtitle = NULL;
  guint n_documents = 0;

  for (guint i = 0; i < docs->len; i++)
    if (((CartaBundleDoc *)g_ptr_array_index (docs, i))->role != CARTA_BUNDLE_DOC_DISC_FILE)
      n_documents++;

  set_font (pdf, 24, PANGO_WEIGHT_NORMAL);
  draw_text_at (pdf, pdf->name, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += measure (pdf, pdf->name, BODY_WIDTH) + 4;

  set_font (pdf, 11, PANGO_WEIGHT_NORMAL);
  /* TRANSLATORS: %s is a date, %u a number of documents */
  subtitle = g_strdup_printf (carta_catalog_ngettext (pdf->catalog,
                                                      "Medical summary for the assessment of a CAR-T trial, prepared by the family on %s. The bundle holds %u document, listed at the end.",
                                                      "Medical summary for the assessment of a CAR-T trial, prepared by the family on %s. The bundle holds %u documents, listed at the end.",
                                                      n_documents),
                              date, n_documents);
  draw_text_at (pdf, subtitle, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += measure (pdf, subtitle, BODY_WIDTH) + 6;
}

/* "WeChat: wxid_…", the app named as its users write it. */
static char *
contact_messaging_text (Pdf          *pdf,
                        CartaContact *contact)
{
  const char *id = carta_contact_get_messaging_id (contact);
  const char *app = carta_contact_get_messaging_app_name (carta_contact_get_messaging_app (contact));

  if (id == NULL)
    return NULL;

  /* TRANSLATORS: a messaging account of a contact, e.g. “WeChat: wxid_123” */
  return g_strdup_printf (T (N_("%s: %s")), app ? app : T (N_("Messaging")), id);
}

static void
cover_patient (Pdf       *pdf,
               CartaCase *kase)
{
  CartaPatient *patient = carta_case_get_patient (kase);
  GListModel *contacts = carta_case_get_contacts (kase);
  g_autofree char *birth_date = format_date (pdf, carta_patient_get_date_of_birth (patient));
  g_autofree char *birth = as_entered (pdf, "date-of-birth", birth_date);
  const char *name = carta_patient_get_name (patient);

  heading (pdf, T (N_("Patient")));
  field (pdf, T (N_("Name")), name);
  field (pdf, T (N_("Other names")), carta_patient_get_other_names (patient));
  field (pdf, T (N_("Date of birth")), birth);
  field (pdf, T (N_("Sex")), sex_label (pdf, carta_patient_get_sex (patient)));
  field (pdf, T (N_("Country")), carta_patient_get_country (patient));
  field (pdf, T (N_("Languages")), carta_patient_get_languages (patient) ? carta_patient_get_languages (patient)
                                                                    : carta_patient_get_preferred_language (patient));
  if (carta_patient_get_weight_kg (patient) > 0 || carta_patient_get_height_cm (patient) > 0)
    {
      /* 0 means not given: show only what the family entered. */
      g_autofree char *weight = carta_patient_get_weight_kg (patient) > 0
                                ? g_strdup_printf ("%.0f kg", carta_patient_get_weight_kg (patient)) : NULL;
      g_autofree char *height = carta_patient_get_height_cm (patient) > 0
                                ? g_strdup_printf ("%.0f cm", carta_patient_get_height_cm (patient)) : NULL;
      g_autofree char *body = g_strjoin (", ", weight ? weight : height, weight ? height : NULL, NULL);

      field (pdf, T (N_("Weight and height")), body);
    }

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CartaContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *relation = own_words (pdf, carta_contact_get_relation (contact));
      g_autofree char *messaging = contact_messaging_text (pdf, contact);
      g_autofree char *text = g_strjoin ("\n",
                                         carta_contact_get_name (contact) ? carta_contact_get_name (contact) : "",
                                         relation ? relation : "",
                                         carta_contact_get_phone (contact) ? carta_contact_get_phone (contact) : "",
                                         carta_contact_get_email (contact) ? carta_contact_get_email (contact) : "",
                                         messaging ? messaging : "",
                                         carta_contact_get_time_zone (contact) ? carta_contact_get_time_zone (contact) : "",
                                         NULL);
      g_strstrip (text);
      field (pdf, i == 0 ? T (N_("Contact")) : "", text);
    }
}

static void
cover_diagnosis (Pdf       *pdf,
                 CartaCase *kase)
{
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  GListModel *labs = carta_clinical_status_get_labs (carta_case_get_clinical_status (kase));
  g_autofree char *diagnosis_text = diagnosis_label (pdf, kase);
  g_autofree char *diagnosis_date = format_date (pdf, carta_diagnosis_get_diagnosis_date (diagnosis));
  g_autofree char *diagnosed = as_entered (pdf, "diagnosis-date", diagnosis_date);
  g_autofree char *tested_on = format_date (pdf, carta_diagnosis_get_antigen_date (diagnosis));
  g_autofree char *antigen_date = as_entered (pdf, "antigen-date", tested_on);
  g_autofree char *cd19 = as_entered (pdf, "cd19-percent", carta_diagnosis_get_cd19_percent (diagnosis));
  g_autofree char *bcma = as_entered (pdf, "bcma-percent", carta_diagnosis_get_bcma_percent (diagnosis));
  g_autofree char *tested = NULL;
  g_autofree char *method = own_words (pdf, carta_diagnosis_get_antigen_method (diagnosis));
  g_autofree char *lp_result = own_words (pdf, carta_diagnosis_get_lumbar_puncture_result (diagnosis));
  g_autofree char *mri_result = own_words (pdf, carta_diagnosis_get_brain_mri_result (diagnosis));

  heading (pdf, T (N_("Diagnosis")));
  field (pdf, T (N_("Disease")), diagnosis_text);
  field (pdf, T (N_("Diagnosed on")), diagnosed);
  field (pdf, T (N_("Disease state")), carta_diagnosis_get_state (diagnosis)
                                         ? carta_disease_state_to_label_in (carta_diagnosis_get_state (diagnosis), pdf->catalog)
                                         : NULL);
  field (pdf, T (N_("CD19 expression, %")), cd19);
  field (pdf, T (N_("BCMA expression, %")), bcma);
  if (carta_diagnosis_get_antigen_method (diagnosis) || carta_diagnosis_get_antigen_date (diagnosis))
    tested = g_strjoin (", ",
                        method ? method : "—",
                        antigen_date ? antigen_date : "—",
                        NULL);
  field (pdf, T (N_("Tested by, on")), tested);
  field (pdf, T (N_("Central nervous system")), carta_diagnosis_get_cns_status (diagnosis)
                                             ? carta_cns_status_to_label_in (carta_diagnosis_get_cns_status (diagnosis), pdf->catalog)
                                             : NULL);
  {
    g_autofree char *lp_text = dated_text (pdf, carta_diagnosis_get_lumbar_puncture_date (diagnosis), lp_result);
    g_autofree char *mri_text = dated_text (pdf, carta_diagnosis_get_brain_mri_date (diagnosis), mri_result);
    g_autofree char *lp = as_entered (pdf, "lumbar-puncture-date", lp_text);
    g_autofree char *mri = as_entered (pdf, "brain-mri-date", mri_text);

    field (pdf, T (N_("Lumbar puncture")), lp);
    field (pdf, T (N_("Brain MRI")), mri);
  }
  for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);

      if (is_target (lab))
        lab_field (pdf, lab, i);
    }
}

/* The estimate, with what it was worked out from, so a reader can check it. */
static void
clearance_field (Pdf       *pdf,
                 CartaCase *kase)
{
  CartaPatient *patient = carta_case_get_patient (kase);

  {
    CartaLabResult *creatinine = NULL;
    double clearance;

    if (carta_case_estimate_creatinine_clearance (kase, &clearance, &creatinine))
      {
        g_autofree char *on = format_date (pdf, carta_lab_result_get_date (creatinine));
        g_autofree char *value = g_strdup_printf ("%s %s", carta_lab_result_get_value (creatinine),
                                                  carta_lab_result_get_unit (creatinine));
        g_autofree char *text = NULL;
        GDate day;
        int age = -1;

        /* The estimate used the age on the day of the test. */
        if (carta_date_parse (carta_lab_result_get_date (creatinine), &day, NULL))
          age = carta_date_age (carta_patient_get_date_of_birth (patient), &day);
        /* TRANSLATORS: %1$.0f is a creatinine clearance in mL/min; %2$s a creatinine value and
         * unit, %3$s its date, %4$d the age then, %5$.0f the weight in kg, %6$s the sex the
         * estimate used, as the summary's Sex field shows it ("Female", "Male") */
        text = g_strdup_printf (T (N_("%1$.0f mL/min by Cockcroft-Gault, from creatinine %2$s of %3$s, age %4$d, weight %5$.0f kg, %6$s")),
                                                 clearance,
                                                 value,
                                                 on ? on : "—",
                                                 age,
                                                 carta_patient_get_weight_kg (patient),
                                                 sex_label (pdf, carta_patient_get_sex (patient)));
        field (pdf, T (N_("Creatinine clearance, estimated")), text);
      }
  }
}

static void
cover_current_state (Pdf       *pdf,
                     CartaCase *kase)
{
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  GListModel *labs = carta_clinical_status_get_labs (status);
  g_autofree char *ecog = NULL;

  heading (pdf, T (N_("Current state")));
  if (carta_ecog_to_description_in (carta_clinical_status_get_ecog (status), pdf->catalog))
    ecog = g_strdup_printf ("%d — %s", carta_clinical_status_get_ecog (status),
                            carta_ecog_to_description_in (carta_clinical_status_get_ecog (status), pdf->catalog));
  else if (carta_profile_has_flag (pdf->flagged, "ecog"))
    {
      g_autofree char *grade = g_strdup_printf ("%d", carta_clinical_status_get_ecog (status));
      ecog = as_entered (pdf, "ecog", grade);
    }
  field (pdf, T (N_("ECOG performance")), ecog);
  {
    g_autofree char *karnofsky = NULL;
    g_autofree char *lansky = NULL;
    CartaNyhaClass nyha = carta_clinical_status_get_nyha_class (status);

    if (carta_clinical_status_get_karnofsky (status) >= 0)
      {
        g_autofree char *score = g_strdup_printf ("%d", carta_clinical_status_get_karnofsky (status));
        karnofsky = as_entered (pdf, "karnofsky", score);
      }
    if (carta_clinical_status_get_lansky (status) >= 0)
      {
        g_autofree char *score = g_strdup_printf ("%d", carta_clinical_status_get_lansky (status));
        lansky = as_entered (pdf, "lansky", score);
      }
    field (pdf, T (N_("Karnofsky score")), karnofsky);
    field (pdf, T (N_("Lansky score")), lansky);
    field (pdf, T (N_("Heart failure class (NYHA)")), nyha ? carta_nyha_class_to_label_in (nyha, pdf->catalog) : NULL);
    field (pdf, T (N_("An infection is active now")),
           answer_or_null (pdf, carta_clinical_status_get_infection_active (status)));
  }
  {
    g_autofree char *infections = own_words (pdf, carta_clinical_status_get_infections (status));
    g_autofree char *illnesses = own_words (pdf, carta_clinical_status_get_other_illnesses (status));
    g_autofree char *medication = own_words (pdf, carta_clinical_status_get_medication (status));

    field (pdf, T (N_("Infections")), infections);
    field (pdf, T (N_("Other illnesses")), illnesses);
    field (pdf, T (N_("Medication")), medication);
  }
  for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);

      if (!is_target (lab))
        lab_field (pdf, lab, i);
    }
  clearance_field (pdf, kase);
}

static void
earlier_illnesses (Pdf                 *pdf,
                   CartaClinicalStatus *status)
{
  if (carta_clinical_status_get_solid_organ_transplant (status) || carta_clinical_status_get_autoimmune_disease (status) ||
      carta_clinical_status_get_seizures (status) || carta_clinical_status_get_stroke (status) ||
      carta_clinical_status_get_other_cancer (status))
    {
      heading (pdf, T (N_("Earlier illnesses")));
      field (pdf, T (N_("Had an organ transplant, such as a kidney")),
             answer_or_null (pdf, carta_clinical_status_get_solid_organ_transplant (status)));
      field (pdf, T (N_("Has an autoimmune disease")),
             answer_or_null (pdf, carta_clinical_status_get_autoimmune_disease (status)));
      field (pdf, T (N_("Has had seizures (epilepsy)")), answer_or_null (pdf, carta_clinical_status_get_seizures (status)));
      field (pdf, T (N_("Has had a stroke or bleeding in the brain")),
             answer_or_null (pdf, carta_clinical_status_get_stroke (status)));
      field (pdf, T (N_("Had another cancer in the last five years")),
             answer_or_null (pdf, carta_clinical_status_get_other_cancer (status)));
    }
}

static void
cover (Pdf       *pdf,
       CartaCase *kase,
       GPtrArray *docs,
       GDateTime *when)
{
  g_autofree char *size = NULL;

  cover_title (pdf, kase, docs, when);
  cover_patient (pdf, kase);
  cover_diagnosis (pdf, kase);
  cover_current_state (pdf, kase);
  washouts (pdf, carta_case_get_clinical_status (kase), when);
  earlier_illnesses (pdf, carta_case_get_clinical_status (kase));

  heading (pdf, T (N_("Questions from the family")));
  {
    g_autofree char *questions = family_text (pdf, carta_case_get_questions (kase),
                                              carta_case_get_questions_translation (kase, carta_catalog_get_language (pdf->catalog)));

    paragraph (pdf, questions ? questions : "—");
  }

  size = g_strdup_printf ("%s: urn:uuid:%s", T (N_("Case identifier")), carta_case_get_id (kase));
  set_font (pdf, 8, PANGO_WEIGHT_NORMAL);
  pdf->y += 6;
  ensure_room (pdf, 12);
  draw_text_at (pdf, size, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += 12;
}

static void
treatment (Pdf       *pdf,
           CartaCase *kase)
{
  static const double widths[] = { 22, 120, 68, 68, 90, 115.276 };
  const char *headers[] = { "#", T (N_("Treatment")), T (N_("From")), T (N_("To")), T (N_("Best response")), T (N_("Notes")) };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  CartaTreatmentHistory *history = carta_case_get_treatment (kase);
  GListModel *lines = carta_treatment_history_get_lines (history);
  GListModel *transplants = carta_treatment_history_get_transplants (history);
  GListModel *carts = carta_treatment_history_get_prior_carts (history);
  gboolean header_drawn = FALSE;

  new_page (pdf);
  heading (pdf, T (N_("Treatment history")));

  if (g_list_model_get_n_items (lines) == 0)
    paragraph (pdf, T (N_("No lines of treatment were entered.")));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(CartaTherapyLine) line = g_list_model_get_item (lines, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *start = record_date (pdf, carta_therapy_line_get_start_date (line), "lines", i, "start");
      g_autofree char *end = record_date (pdf, carta_therapy_line_get_end_date (line), "lines", i, "end");
      g_autofree char *regimen = own_words (pdf, carta_therapy_line_get_regimen (line));
      g_autofree char *notes = own_words (pdf, carta_therapy_line_get_notes (line));
      CartaResponse response = carta_therapy_line_get_best_response (line);
      const char *cells[] = {
        number,
        regimen,
        start,
        end,
        response ? carta_response_to_label_in (response, pdf->catalog) : "",
        notes,
      };

      table_row (pdf, &table, cells, &header_drawn);
    }

  for (guint i = 0; i < g_list_model_get_n_items (transplants); i++)
    {
      g_autoptr(CartaTransplant) transplant = g_list_model_get_item (transplants, i);
      g_autofree char *date = record_date (pdf, carta_transplant_get_date (transplant), "transplants", i, "date");
      g_autofree char *notes = own_words (pdf, carta_transplant_get_notes (transplant));
      g_autofree char *text = g_strdup_printf ("%s, %s; GvHD: %s. %s",
                                               carta_transplant_type_to_label_in (carta_transplant_get_kind (transplant), pdf->catalog),
                                               date ? date : "—",
                                               carta_gvhd_grade_to_label_in (carta_transplant_get_gvhd_grade (transplant), pdf->catalog),
                                               notes ? notes : "");
      pdf->y += 6;
      field (pdf, T (N_("Transplant")), text);
      if (carta_transplant_get_donor_type (transplant))
        field (pdf, T (N_("Donor")), carta_donor_type_to_label_in (carta_transplant_get_donor_type (transplant), pdf->catalog));
      field (pdf, T (N_("Chronic GVHD")), answer_or_null (pdf, carta_transplant_get_chronic_gvhd (transplant)));
      field (pdf, T (N_("GVHD active now")), answer_or_null (pdf, carta_transplant_get_gvhd_active (transplant)));
      field (pdf, T (N_("Takes immunosuppressants now")),
             answer_or_null (pdf, carta_transplant_get_immunosuppressants (transplant)));
    }

  if (carta_treatment_history_get_transplant_planned (history) || carta_treatment_history_get_donor_available (history))
    {
      pdf->y += 6;
      field (pdf, T (N_("A stem-cell transplant is planned after this treatment")),
             answer_or_null (pdf, carta_treatment_history_get_transplant_planned (history)));
      field (pdf, T (N_("A transplant donor has been found")),
             answer_or_null (pdf, carta_treatment_history_get_donor_available (history)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (carts); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (carts, i);
      g_autofree char *date = record_date (pdf, carta_prior_cart_get_date (cart), "prior-carts", i, "date");
      g_autofree char *relapse = record_date (pdf, carta_prior_cart_get_relapse_date (cart), "prior-carts", i,
                                              "relapse");
      g_autofree char *notes = own_words (pdf, carta_prior_cart_get_notes (cart));
      g_autofree char *text = g_strdup_printf ("%s, %s; %s; %s %s. %s",
                                               carta_prior_cart_get_product (cart) ? carta_prior_cart_get_product (cart) : "—",
                                               date ? date : "—",
                                               carta_response_to_label_in (carta_prior_cart_get_response (cart), pdf->catalog),
                                               T (N_("relapse")),
                                               relapse ? relapse : "—",
                                               notes ? notes : "");
      pdf->y += 6;
      field (pdf, T (N_("Earlier CAR-T")), text);
      field (pdf, T (N_("Target, such as CD19 or CD7")), carta_prior_cart_get_target (cart));
      if (carta_prior_cart_get_cell_source (cart))
        field (pdf, T (N_("Cells")), carta_transplant_type_to_label_in (carta_prior_cart_get_cell_source (cart), pdf->catalog));
    }
}

static void
checklist (Pdf       *pdf,
           CartaCase *kase,
           GPtrArray *docs)
{
  static const double widths[] = { 200, 90, 80, 113.276 };
  const char *headers[] = { T (N_("Record")), T (N_("Status")), T (N_("Date")), T (N_("Documents")) };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  GListModel *items = carta_case_get_items (kase);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();

  heading (pdf, T (N_("Checklist")));

  if (g_list_model_get_n_items (items) == 0)
    paragraph (pdf, T (N_("The checklist is empty.")));

  /* Categories in the order they first appear. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      const char *category = carta_checklist_item_get_category (item);
      gboolean seen = FALSE;

      for (guint j = 0; j < categories->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (categories, j), category) == 0;
      if (!seen)
        g_ptr_array_add (categories, (gpointer)category);
    }

  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      gboolean header_drawn = FALSE;
      guint received = 0, total = 0;
      g_autofree char *title = NULL;
      g_autofree char *label = category_label (pdf, category);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

          if (g_strcmp0 (carta_checklist_item_get_category (item), category) != 0 ||
              carta_checklist_item_get_status (item) == CARTA_ITEM_STATUS_NOT_APPLICABLE)
            continue;
          total++;
          if (carta_checklist_item_get_status (item) == CARTA_ITEM_STATUS_RECEIVED)
            received++;
        }

      /* TRANSLATORS: a checklist category, then how many of its records the family has */
      title = g_strdup_printf (T (N_("%s — %u of %u received")), label, received, total);
      set_font (pdf, 11, PANGO_WEIGHT_BOLD);
      ensure_room (pdf, 60);
      pdf->y += 6;
      draw_text_at (pdf, title, MARGIN, pdf->y, BODY_WIDTH);
      pdf->y += measure (pdf, title, BODY_WIDTH) + 4;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
          guint n = g_list_model_get_n_items (carta_checklist_item_get_attachments (item));
          g_autofree char *count = n ? g_strdup_printf ("%u", n) : g_strdup ("");
          g_autofree char *date = format_date (pdf, carta_checklist_item_get_document_date (item));
          g_autofree char *record = NULL;
          const char *cells[4];

          if (g_strcmp0 (carta_checklist_item_get_category (item), category) != 0)
            continue;

          cells[0] = record = item_title (pdf, item);
          cells[1] = status_label (pdf, carta_item_status_to_string (carta_checklist_item_get_status (item)));
          cells[2] = date;
          cells[3] = count;
          table_row (pdf, &table, cells, &header_drawn);
        }
    }
}

/* What the family wrote about each record, after the checklist that
 * names them. */
static void
record_notes (Pdf       *pdf,
              CartaCase *kase)
{
  GListModel *items = carta_case_get_items (kase);
  const char *language = carta_catalog_get_language (pdf->catalog);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      g_autofree char *notes = family_text (pdf, carta_checklist_item_get_notes (item),
                                            carta_checklist_item_get_notes_translation (item, language));
      g_autofree char *title = NULL;

      if (notes == NULL)
        continue;

      if (!any)
        {
          heading (pdf, T (N_("Notes on the records")));
          any = TRUE;
        }
      title = item_title (pdf, item);
      field (pdf, title, notes);
    }
}

/* Whether a summary in @language uses a version the family gave. */
static gboolean
has_family_version (CartaCase  *kase,
                    const char *language)
{
  GListModel *items = carta_case_get_items (kase);

  if (carta_case_get_questions_translation (kase, language) != NULL)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (carta_checklist_item_get_notes_translation (item, language) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
index_of_documents (Pdf       *pdf,
                    GPtrArray *docs)
{
  static const double widths[] = { 62, 84, 70, 108, 70, 89.276 };
  const char *headers[] = { T (N_("Category")), T (N_("Record")), T (N_("Date")), T (N_("Original name")), T (N_("Pages, size")), "SHA-256" };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  gboolean header_drawn = FALSE;

  new_page (pdf);
  heading (pdf, T (N_("Documents")));
  paragraph (pdf, T (N_("Every document of the bundle, with the start of its SHA-256 checksum. "
                       "The full checksums are in manifest-sha256.txt.")));

  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (docs, i);
      g_autofree char *size = format_size (doc->size);
      g_autofree char *date = format_date (pdf, doc->document_date);
      g_autofree char *pages_size = NULL;
      g_autofree char *hash = g_strndup (doc->sha256, 12);
      g_autofree char *name = NULL;
      g_autofree char *category = NULL;
      g_autofree char *title = NULL;
      const char *cells[6];

      if (doc->role == CARTA_BUNDLE_DOC_DISC_FILE)
        continue;

      if (doc->role == CARTA_BUNDLE_DOC_DISC_MANIFEST)
        {
          guint files = 0;
          guint64 bytes = 0;

          for (guint j = 0; j < docs->len; j++)
            {
              CartaBundleDoc *file = g_ptr_array_index (docs, j);

              if (file->role == CARTA_BUNDLE_DOC_DISC_FILE && g_strcmp0 (file->attachment_id, doc->attachment_id) == 0)
                {
                  files++;
                  bytes += file->size;
                }
            }
          g_free (size);
          size = format_size (bytes);
          /* TRANSLATORS: an imaging disc: how many files, and their size */
          pages_size = g_strdup_printf (carta_catalog_ngettext (pdf->catalog, "%u file, %s", "%u files, %s", files),
                                        files, size);
          name = g_strdup_printf ("%s (%s)", doc->original_name, T (N_("imaging disc")));
        }
      else if (doc->pdf_pages > 0)
        pages_size = g_strdup_printf (carta_catalog_ngettext (pdf->catalog, "%u page, %s", "%u pages, %s", doc->pdf_pages),
                                      doc->pdf_pages, size);
      else
        pages_size = g_strdup (size);

      cells[0] = category = category_label (pdf, doc->category);
      cells[1] = title = doc_title (pdf, doc);
      cells[2] = date;
      cells[3] = name ? name : doc->original_name;
      cells[4] = pages_size;
      cells[5] = hash;
      table_row (pdf, &table, cells, &header_drawn);
    }

  if (!header_drawn)
    paragraph (pdf, T (N_("The bundle holds no documents yet.")));
}

static const char *
translate_cb (const char *msgid,
              gpointer    user_data)
{
  Pdf *pdf = user_data;

  return T (msgid);
}

/* Under a disc's studies: whether it is the patient's, when it may not
 * be, could not be checked, or the family vouched for it. */
static gboolean
identity_note (Pdf             *pdf,
               CartaPatient    *patient,
               CartaBundleDoc  *doc)
{
  g_autoptr(CartaIdentityCheck) check = carta_identity_check_attachment (doc->attachment, patient);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  double height;

  if (check == NULL || check->status == CARTA_IDENTITY_MATCHES)
    return FALSE;

  /* TRANSLATORS: an imaging disc (a folder name), then what was found about its patient */
  title = g_strdup_printf (T (N_("Disc “%s”: %s")), doc->original_name,
                           carta_identity_check_get_title (check, translate_cb, pdf));
  description = carta_identity_check_describe (check, translate_cb, pdf);

  set_font (pdf, 10, PANGO_WEIGHT_BOLD);
  height = measure (pdf, title, BODY_WIDTH);
  ensure_room (pdf, height + 20);
  pdf->y += 4;
  draw_text_at (pdf, title, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += height + 2;
  paragraph (pdf, description);
  return TRUE;
}

static void
imaging (Pdf       *pdf,
         CartaCase *kase,
         GPtrArray *docs)
{
  static const double widths[] = { 70, 60, 170, 60, 123.276 };
  const char *headers[] = { T (N_("Date")), T (N_("Modality")), T (N_("Study")), T (N_("Images")), T (N_("Disc")) };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  gboolean header_drawn = FALSE;
  gboolean any = FALSE;

  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (docs, i);
      CartaDicomSummary *summary;

      if (doc->role != CARTA_BUNDLE_DOC_DISC_MANIFEST || doc->attachment == NULL ||
          !(summary = carta_attachment_get_dicom_summary (doc->attachment)))
        continue;

      if (!any)
        {
          /* The heading stays with the first rows of the table. */
          ensure_room (pdf, 90);
          heading (pdf, T (N_("Imaging studies")));
          any = TRUE;
        }

      for (guint j = 0; j < summary->studies->len; j++)
        {
          CartaDicomStudy *study = g_ptr_array_index (summary->studies, j);
          g_autofree char *modalities = g_strjoinv (", ", study->modalities);
          g_autofree char *images = g_strdup_printf ("%u", study->n_images);
          g_autofree char *date = format_date (pdf, study->date);
          const char *cells[] = { date, modalities, study->description, images, doc->original_name };

          table_row (pdf, &table, cells, &header_drawn);
        }

      /* After a note, the next disc's studies get their own header. */
      if (identity_note (pdf, carta_case_get_patient (kase), doc))
        header_drawn = FALSE;
    }
}

/**
 * _carta_bundle_render_summary:
 * @docs: (element-type CartaBundleDoc): the documents, hashed
 *
 * Returns: (transfer full): summary.pdf
 */
GBytes *
_carta_bundle_render_summary (CartaCase     *kase,
                              GPtrArray     *docs,
                              GDateTime     *when,
                              CartaCatalog  *catalog,
                              GError       **error)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(CartaCatalog) english = NULL;
  g_autofree char *date = NULL;
  CartaPatient *patient = carta_case_get_patient (kase);
  const char *name = carta_patient_get_name (patient);
  PangoContext *context;
  cairo_status_t status;
  Pdf pdf = { 0 };

  if (catalog == NULL)
    catalog = english = carta_catalog_new_for_language ("en", NULL);

  pdf.catalog = catalog;
  pdf.template = carta_checklist_template_get_default ();
  pdf.rtl = carta_catalog_is_rtl (catalog);
  pdf.mark_own_words = carta_own_words_are_marked (carta_catalog_get_language (catalog));
  pdf.any_family_version = has_family_version (kase, carta_catalog_get_language (catalog));
  date = format_date_time (&pdf, when);
  {
    /* Checked as on the day of the summary, as the Case page does today. */
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                    g_date_time_get_year (when));
    pdf.flagged = carta_profile_list_flagged (kase, &day);
  }

  pdf.name = bounded_text (&pdf, name ? name : carta_case_get_title (kase), SHOWN_NAME_MAX);
  pdf.surface = cairo_pdf_surface_create_for_stream (append_cb, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, pdf.name);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT,
                                  carta_catalog_gettext (catalog, N_("Medical summary for a CAR-T trial")));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Carta " PACKAGE_VERSION);
  pdf.cr = cairo_create (pdf.surface);
  pdf.layout = pango_cairo_create_layout (pdf.cr);
  pango_layout_set_wrap (pdf.layout, PANGO_WRAP_WORD_CHAR);

  /* The language picks the right glyphs (Simplified Chinese forms for
   * zh_CN); Arabic is set right to left, every line from the right. */
  context = pango_layout_get_context (pdf.layout);
  {
    g_autofree char *tag = g_strdelimit (g_strdup (carta_catalog_get_language (catalog)), "_", '-');
    pango_context_set_language (context, pango_language_from_string (tag));
  }
  if (pdf.rtl)
    {
      pango_layout_set_auto_dir (pdf.layout, FALSE);
      pango_layout_set_alignment (pdf.layout, PANGO_ALIGN_RIGHT);
    }
  pango_layout_context_changed (pdf.layout);

  pdf.footer = g_strdup_printf ("%s — %s", pdf.name, date);

  new_page (&pdf);
  cover (&pdf, kase, docs, when);
  treatment (&pdf, kase);
  checklist (&pdf, kase, docs);
  record_notes (&pdf, kase);
  index_of_documents (&pdf, docs);
  imaging (&pdf, kase, docs);
  draw_footer (&pdf);
  cairo_show_page (pdf.cr);

  g_object_unref (pdf.layout);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  g_free (pdf.footer);
  g_free (pdf.name);
  g_ptr_array_unref (pdf.flagged);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (out);
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   "Could not draw the summary: %s", cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (out);
}

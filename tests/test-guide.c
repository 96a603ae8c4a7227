/* test-guide.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "carta-guide-private.h"

static char *
guide_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "src", "guide", "guide.xml", NULL);
}

static CartaGuide *
load_guide (void)
{
  g_autofree char *path = guide_path ();
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  CartaGuide *guide;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  guide = carta_guide_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (guide);

  return guide;
}

static gboolean
block_has_body (const CartaGuideBlock *block)
{
  switch (block->kind)
    {
    case CARTA_GUIDE_BLOCK_PARAGRAPH:
    case CARTA_GUIDE_BLOCK_ITEM:
    case CARTA_GUIDE_BLOCK_TABLE_ROW:
    case CARTA_GUIDE_BLOCK_FIGURE:
    case CARTA_GUIDE_BLOCK_FAQ:
      return TRUE;

    case CARTA_GUIDE_BLOCK_SUBHEADING:
    case CARTA_GUIDE_BLOCK_TABLE_HEADER:
    case CARTA_GUIDE_BLOCK_ACTION:
    case CARTA_GUIDE_BLOCK_SOURCES:
    case CARTA_GUIDE_BLOCK_REFERENCE:
    default:
      return FALSE;
    }
}

static void
test_guide_loads (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  static const char * const expected[] = {
    "at-a-glance", "difference", "kinds", "gene-editing", "programmes",
    "signals", "risks", "access", "faq", "questions",
  };
  guint n_figures = 0, n_faq = 0, n_rows = 0, n_actions = 0;

  g_assert_cmpuint (carta_guide_get_n_sections (guide), ==, G_N_ELEMENTS (expected));
  g_assert_nonnull (carta_guide_get_title (guide));
  {
    g_autofree char *title = NULL;

    g_object_get (guide, "title", &title, NULL);
    g_assert_cmpstr (title, ==, carta_guide_get_title (guide));
  }
  g_assert_nonnull (strstr (carta_guide_get_disclaimer (guide), "not medical advice"));
  g_assert_cmpint (g_date_time_get_year (carta_guide_get_reviewed (guide)), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (carta_guide_get_reviewed (guide)), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (carta_guide_get_reviewed (guide)), ==, 2);

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);
      gboolean has_body = FALSE, has_sources = FALSE;

      g_autofree char *id = NULL;
      g_autofree char *heading = NULL;

      g_assert_cmpstr (carta_guide_section_get_id (section), ==, expected[i]);
      g_assert_nonnull (carta_guide_section_get_heading (section));
      /* The read-only properties give the same as the getters. */
      g_object_get (section, "id", &id, "heading", &heading, NULL);
      g_assert_cmpstr (id, ==, expected[i]);
      g_assert_cmpstr (heading, ==, carta_guide_section_get_heading (section));
      g_assert_cmpuint (strlen (carta_guide_section_get_heading (section)), >, 3);

      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);

          has_body |= block_has_body (block);
          has_sources |= block->kind == CARTA_GUIDE_BLOCK_REFERENCE;
          n_figures += block->kind == CARTA_GUIDE_BLOCK_FIGURE;
          n_faq += block->kind == CARTA_GUIDE_BLOCK_FAQ;
          n_rows += block->kind == CARTA_GUIDE_BLOCK_TABLE_ROW;
          if (block->kind == CARTA_GUIDE_BLOCK_ACTION)
            {
              n_actions++;
              g_assert_cmpstr (block->target, ==, "checklist");
            }
        }

      g_assert_true (has_body);
      g_assert_true (has_sources);
    }

  g_assert_cmpuint (n_figures, ==, 2);
  g_assert_cmpuint (n_faq, ==, 4);
  g_assert_nonnull (strstr (carta_guide_get_disclaimer (guide), "not medical advice"));
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpuint (n_actions, ==, 1);
}

/* The text alternative must carry the very numbers the chart draws. */
static void
test_figures_describe_their_numbers (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  CartaGuideSection *section = carta_guide_find_section (guide, "signals");
  guint n_figures = 0;

  g_assert_nonnull (section);

  for (guint i = 0; i < carta_guide_section_get_n_blocks (section); i++)
    {
      const CartaGuideBlock *block = carta_guide_section_get_block (section, i);

      if (block->kind != CARTA_GUIDE_BLOCK_FIGURE)
        continue;

      n_figures++;
      g_assert_cmpuint (block->bars->len, >=, 2);
      for (guint j = 0; j < block->bars->len; j++)
        {
          const CartaGuideBar *bar = g_ptr_array_index (block->bars, j);
          g_autofree char *range = bar->low == bar->high
            ? g_strdup_printf (": %d percent", bar->low)
            : g_strdup_printf (": %d to %d", bar->low, bar->high);

          g_assert_nonnull (strstr (block->detail, range));
          g_assert_cmpint (bar->low, <=, bar->high);
          g_assert_cmpint (bar->high, <=, block->max);
        }
    }

  g_assert_cmpuint (n_figures, ==, 2);
}

/* GC012F is autologous; wherever the guide names it, it must say so. */
static void
test_gc012f_is_called_autologous (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  guint mentions = 0;

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);

      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);
          const char *texts[] = { block->lead, block->text, block->detail };

          for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
            if (texts[k] != NULL && strstr (texts[k], "GC012F") != NULL)
              {
                g_autofree char *folded = g_utf8_casefold (texts[k], -1);

                mentions++;
                g_assert_nonnull (strstr (folded, "autologous"));
              }
        }
    }

  g_assert_cmpuint (mentions, >, 0);
}

static void
assert_search (CartaGuide         *guide,
               const char         *query,
               const char * const *expected)
{
  g_autoptr(GPtrArray) found = carta_guide_search (guide, query);

  g_assert_cmpuint (found->len, ==, g_strv_length ((char **)expected));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (carta_guide_section_get_id (g_ptr_array_index (found, i)), ==, expected[i]);
}

static void
test_search (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  g_autoptr(GPtrArray) all = carta_guide_search (guide, "  ");

  assert_search (guide, "TRAC", (const char *[]) { "gene-editing", NULL });
  assert_search (guide, "CD52", (const char *[]) { "gene-editing", "risks", NULL });
  assert_search (guide, "cd52", (const char *[]) { "gene-editing", "risks", NULL });
  assert_search (guide, "fludarabine", (const char *[]) { "faq", NULL });
  assert_search (guide, " Fludarabine ", (const char *[]) { "faq", NULL });
  assert_search (guide, "zzzz", (const char *[]) { NULL });
  /* Table cells, chart labels and references are searched too. */
  assert_search (guide, "beta-2 microglobulin", (const char *[]) { "gene-editing", NULL });
  assert_search (guide, "UK national scheme", (const char *[]) { "signals", NULL });
  assert_search (guide, "NCT07345780", (const char *[]) { "access", NULL });
  assert_search (guide, "10.1200/JCO.21.00389", (const char *[]) { "at-a-glance", "kinds", "programmes", "signals", "risks", NULL });

  g_assert_cmpuint (all->len, ==, carta_guide_get_n_sections (guide));
}

/* Every piece of text a reader sees, for the checks below. */
static GPtrArray *
collect_texts (CartaGuide *guide)
{
  GPtrArray *texts = g_ptr_array_new ();

  g_ptr_array_add (texts, (char *)carta_guide_get_title (guide));
  g_ptr_array_add (texts, (char *)carta_guide_get_summary (guide));
  g_ptr_array_add (texts, (char *)carta_guide_get_disclaimer (guide));

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);

      g_ptr_array_add (texts, (char *)carta_guide_section_get_heading (section));
      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);

          if (block->lead)
            g_ptr_array_add (texts, block->lead);
          if (block->text)
            g_ptr_array_add (texts, block->text);
          if (block->detail)
            g_ptr_array_add (texts, block->detail);
          for (guint k = 0; k < CARTA_GUIDE_N_COLUMNS; k++)
            if (block->cells[k])
              g_ptr_array_add (texts, block->cells[k]);
          for (guint k = 0; block->bars && k < block->bars->len; k++)
            g_ptr_array_add (texts, ((CartaGuideBar *)g_ptr_array_index (block->bars, k))->label);
        }
    }

  return texts;
}

/* Claims that a medical review found wrong, misleading or unsupported
 * (see the notes of 2026-12-02). None may come back. */
static void
test_corrected_claims_stay_corrected (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  g_autoptr(GPtrArray) texts = collect_texts (guide);
  static const char * const banned[] = {
    /* JULIET and ZUMA-1 give 52 % and 82–83 %, not 72–83 %. */
    "72–83", "72 to 83", "72-83",
    /* CAStem is an embryonic-stem-cell product for COVID-19, not a CAR-T;
     * no "CAS-009" exists in any registry we found. */
    "hESC", "CAS-009", "CAStem Therapeutics",
    /* No source for an expansion window of 2–4 weeks. */
    "2–4 weeks", "two to four weeks", "2 to 4 weeks",
    /* No source for any approval or phase II timetable. */
    "12–18 months", "2026 or 2027", "2026–2027", "conditional approval",
    /* No evidence of which hospitals take patients from abroad. */
    "PUTH", "Peking University Third", "Ruijin",
    /* Not every programme edits TRAC, nor CD52. */
    "Every current programme", "All current allogeneic", "Leading programmes in China edit",
    /* Removing B2M does not hide cells from NK cells. */
    "harder for the patient’s NK cells",
    /* The early allogeneic figures came from an autologous product. */
    "60–70", "60 to 70",
    /* Unsourced waiting times. */
    "3–6 days", "3 to 6 days", "21 to 42",
  };
  gboolean b2m_row = FALSE;

  for (guint i = 0; i < texts->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (banned); j++)
      if (strstr (texts->pdata[i], banned[j]) != NULL)
        g_error ("“%s” is back in the guide: %s", banned[j], (char *)texts->pdata[i]);

  /* B2M knock-out: the guide says NK cells then target the cells. */
  for (guint j = 0; j < carta_guide_section_get_n_blocks (carta_guide_find_section (guide, "gene-editing")); j++)
    {
      const CartaGuideBlock *block = carta_guide_section_get_block (carta_guide_find_section (guide, "gene-editing"), j);

      if (block->kind == CARTA_GUIDE_BLOCK_TABLE_ROW && g_str_has_prefix (block->cells[CARTA_GUIDE_COLUMN_GENE], "B2M"))
        {
          b2m_row = TRUE;
          g_assert_nonnull (strstr (block->cells[CARTA_GUIDE_COLUMN_PURPOSE], "targets for the patient’s NK cells"));
          g_assert_nonnull (strstr (block->cells[CARTA_GUIDE_COLUMN_PURPOSE], "missing self"));
        }
    }
  g_assert_true (b2m_row);
}

/* The response chart draws the pivotal trials' own numbers. */
static void
test_response_chart_numbers (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  CartaGuideSection *section = carta_guide_find_section (guide, "signals");
  static const struct { const char *label; int value; } expected[] = {
    { "ZUMA-1", 82 }, { "JULIET", 52 }, { "RD13-01", 82 }, { "Donor-derived CD7", 95 },
  };
  const CartaGuideBlock *chart = NULL;

  for (guint i = 0; chart == NULL && i < carta_guide_section_get_n_blocks (section); i++)
    if (carta_guide_section_get_block (section, i)->kind == CARTA_GUIDE_BLOCK_FIGURE)
      chart = carta_guide_section_get_block (section, i);

  g_assert_nonnull (chart);
  g_assert_cmpint (chart->unit, ==, CARTA_GUIDE_UNIT_PERCENT);
  g_assert_cmpuint (chart->bars->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CartaGuideBar *bar = g_ptr_array_index (chart->bars, i);

      g_assert_true (g_str_has_prefix (bar->label, expected[i].label));
      g_assert_cmpint (bar->low, ==, expected[i].value);
      g_assert_cmpint (bar->high, ==, expected[i].value);
    }
}

/* Every section has references; each says where it can be checked; every
 * "[n]" in a section points to one of its own references, and every
 * reference is pointed to. */
static void
test_references (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  g_autoptr(GRegex) marker = g_regex_new ("\\[([0-9]+)\\]", 0, 0, NULL);

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);
      const char *id = carta_guide_section_get_id (section);
      g_autoptr(GArray) cited = g_array_new (FALSE, TRUE, sizeof (gboolean));
      guint n_references = 0;

      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);
          g_autoptr(GPtrArray) links = NULL;

          if (block->kind != CARTA_GUIDE_BLOCK_REFERENCE)
            continue;

          n_references++;
          g_assert_nonnull (block->text);
          g_assert_true (block->doi || block->pmid || block->registry || (block->url && block->accessed));
          if (block->url != NULL)
            g_assert_nonnull (block->accessed);

          links = carta_guide_block_dup_links (block);
          g_assert_cmpuint (links->len, >, 0);
          for (guint k = 0; k < links->len; k++)
            g_assert_true (g_str_has_prefix (((CartaGuideLink *)g_ptr_array_index (links, k))->uri, "https://"));
        }

      if (n_references == 0)
        g_error ("Section “%s” has no references", id);
      g_array_set_size (cited, n_references + 1);

      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);
          const char *texts[] = {
            block->lead, block->text, block->detail,
            block->cells[CARTA_GUIDE_COLUMN_PURPOSE],
          };

          if (block->kind == CARTA_GUIDE_BLOCK_REFERENCE)
            continue;

          for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
            {
              g_autoptr(GMatchInfo) match = NULL;

              if (texts[k] == NULL)
                continue;

              g_regex_match (marker, texts[k], 0, &match);
              while (g_match_info_matches (match))
                {
                  g_autofree char *number = g_match_info_fetch (match, 1);
                  guint64 n = g_ascii_strtoull (number, NULL, 10);

                  if (n == 0 || n > n_references)
                    g_error ("Section “%s” cites [%s] but has %u references", id, number, n_references);
                  g_array_index (cited, gboolean, n) = TRUE;
                  g_match_info_next (match, NULL);
                }
            }
        }

      for (guint n = 1; n <= n_references; n++)
        if (!g_array_index (cited, gboolean, n))
          g_error ("Reference %u of section “%s” is never cited", n, id);
    }
}

static void
test_reference_links (void)
{
  g_autoptr(CartaGuideBlock) block = _carta_guide_block_new (CARTA_GUIDE_BLOCK_REFERENCE);
  g_autoptr(GPtrArray) links = NULL;
  static const char * const uris[] = {
    "https://doi.org/10.1200/JCO.21.00389",
    "https://pubmed.ncbi.nlm.nih.gov/34324392/",
    "https://clinicaltrials.gov/study/NCT04331613",
    "https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2000031139",
    "https://example.org/page",
  };

  block->doi = g_strdup ("10.1200/JCO.21.00389");
  block->pmid = g_strdup ("34324392");
  block->registry = g_strdup ("NCT04331613 ChiCTR2000031139");
  block->url = g_strdup ("https://example.org/page");
  links = carta_guide_block_dup_links (block);

  g_assert_cmpuint (links->len, ==, G_N_ELEMENTS (uris));
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpstr (((CartaGuideLink *)g_ptr_array_index (links, i))->uri, ==, uris[i]);
  g_assert_cmpstr (((CartaGuideLink *)g_ptr_array_index (links, 0))->label, ==, "doi:10.1200/JCO.21.00389");
  g_assert_cmpstr (((CartaGuideLink *)g_ptr_array_index (links, 2))->label, ==, "NCT04331613");
  g_assert_cmpstr (((CartaGuideLink *)g_ptr_array_index (links, 4))->label, ==, "example.org");
}

static void
assert_matches (const char  *text,
                const char  *query,
                const guint *expected,
                guint        n_expected)
{
  g_autoptr(GArray) matches = carta_guide_find_matches (text, query);

  g_assert_cmpuint (matches->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (matches, guint, i), ==, expected[i]);
}

static void
test_find_matches (void)
{
  assert_matches ("TRAC and trac", "Trac", (guint[]) { 0, 4, 9, 13 }, 4);
  assert_matches ("no match", "zzzz", NULL, 0);
  assert_matches ("anything", "", NULL, 0);
  /* "ß" folds to "ss": the match must still cover whole characters. */
  assert_matches ("Die Straße", "STRASSE", (guint[]) { 4, 11 }, 2);
  assert_matches ("Die Straße", "s", (guint[]) { 4, 5, 8, 10, 8, 10 }, 6);
  assert_matches ("CAR-T 细胞疗法", "细胞", (guint[]) { 6, 12 }, 2);
}

static void
assert_parse_error (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaGuide) guide = _carta_guide_parse (xml, -1, NULL, NULL, &error);

  g_assert_null (guide);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_MARKUP_ERROR);
}

#define HEAD "<guide reviewed=\"2026-06-09\"><title>T</title><disclaimer>D</disclaimer>"

static const char *record_msgid (const char *msgid,
                                gpointer    user_data);

static void
test_parse_errors (void)
{
  /* A section without body, or without heading. */
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><p>Body</p></section></guide>");
  /* Unknown or misplaced elements, stray text, empty text. */
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><blink>B</blink></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><lead>B</lead></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading>stray<p>B</p></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><p>  </p></section></guide>");
  /* A bar outside its axis, or a figure without text alternative. */
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><figure unit=\"percent\" max=\"100\" step=\"25\">"
                      "<caption>C</caption><description>D</description>"
                      "<bar low=\"60\" high=\"170\"><label>L</label></bar></figure></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><figure unit=\"percent\" max=\"100\" step=\"25\">"
                      "<caption>C</caption><bar low=\"60\" high=\"70\"><label>L</label></bar></figure></section></guide>");
  /* A bad date, duplicate ids, broken XML. */
  assert_parse_error ("<guide reviewed=\"2026-02-30\"><title>T</title><disclaimer>D</disclaimer>"
                      "<section id=\"a\"><heading>H</heading><p>B</p></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><p>B</p></section>"
                      "<section id=\"a\"><heading>H</heading><p>B</p></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><p>B</section></guide>");
  /* A reference that cannot be checked: no id, a url without its day,
   * or ids of the wrong shape. */
#define REF(attrs) HEAD "<section id=\"a\"><heading>H</heading><p>B</p><references>" \
                   "<reference " attrs ">Citation</reference></references></section></guide>"
  assert_parse_error (REF (""));
  assert_parse_error (REF ("url=\"https://example.org/\""));
  assert_parse_error (REF ("url=\"https://example.org/\" accessed=\"2026-13-01\""));
  assert_parse_error (REF ("url=\"example.org\" accessed=\"2026-12-02\""));
  assert_parse_error (REF ("doi=\"JCO.21.00389\""));
  assert_parse_error (REF ("pmid=\"PMID34324392\""));
  assert_parse_error (REF ("registry=\"ISRCTN123\""));
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><reference doi=\"10.1/x\">C</reference></section></guide>");
  assert_parse_error (HEAD "<section id=\"a\"><heading>H</heading><references><reference doi=\"10.1/x\"></reference></references></section></guide>");
}

/* A reference's citation is shown as written, never looked up. */
static void
test_reference_parses (void)
{
  g_autoptr(GPtrArray) looked_up = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaGuide) guide =
    _carta_guide_parse (REF ("registry=\"NCT04331613 ChiCTR2000031139\" url=\"https://example.org/\" accessed=\"2026-12-02\""),
                        -1, record_msgid, looked_up, &error);
  const CartaGuideBlock *block;

  g_assert_no_error (error);
  block = carta_guide_section_get_block (carta_guide_get_section (guide, 0), 1);
  g_assert_cmpint (block->kind, ==, CARTA_GUIDE_BLOCK_REFERENCE);
  g_assert_cmpstr (block->text, ==, "Citation");
  g_assert_cmpstr (block->registry, ==, "NCT04331613 ChiCTR2000031139");
  g_assert_cmpstr (block->accessed, ==, "2026-12-02");
  for (guint i = 0; i < looked_up->len; i++)
    g_assert_cmpstr (g_ptr_array_index (looked_up, i), !=, "Citation");
}
#undef REF

static const char *
record_msgid (const char *msgid,
              gpointer    user_data)
{
  GPtrArray *msgids = user_data;
  g_autofree char *translated = g_strconcat ("«", msgid, "»", NULL);

  g_ptr_array_add (msgids, g_strdup (msgid));

  /* Pretend to translate, to see that the translation is what shows. */
  return g_intern_string (translated);
}

static void
add_msgid (GHashTable  *msgids,
           GString    **current)
{
  if (*current == NULL)
    return;

  if ((*current)->len > 0)
    g_hash_table_add (msgids, g_string_free (*current, FALSE));
  else
    g_string_free (*current, TRUE);
  *current = NULL;
}

/* Runs xgettext the way `meson compile carta-pot` does, with the ITS rules
 * in po/its, and returns the msgids it wrote. */
static GHashTable *
extract_msgids (const char *file)
{
  const char *source_root = g_getenv ("CARTA_SOURCE_ROOT");
  g_autofree char *its_dir = g_build_filename (source_root, "po", NULL);
  g_autofree char *dir = g_dir_make_tmp ("carta-pot-XXXXXX", NULL);
  g_autofree char *pot = g_build_filename (dir, "carta.pot", NULL);
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *contents = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "GETTEXTDATADIRS", its_dir, TRUE);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GString *current = NULL;
  GHashTable *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *argv[] = {
    xgettext, "--from-code=UTF-8", "--add-comments=TRANSLATORS:", "--no-wrap",
    "-o", pot, file, NULL,
  };
  int status;

  g_assert_nonnull (source_root);
  g_assert_nonnull (xgettext);

  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_file_get_contents (pot, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (pot);
  g_rmdir (dir);

  /* msgid "…" possibly followed by "…" continuation lines. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *quoted = NULL;

      if (g_str_has_prefix (lines[i], "msgid \""))
        {
          add_msgid (msgids, &current);
          current = g_string_new (NULL);
          quoted = lines[i] + strlen ("msgid ");
        }
      else if (current != NULL && lines[i][0] == '"')
        quoted = lines[i];
      else
        add_msgid (msgids, &current);

      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *unescaped = g_strcompress (inner);

          g_string_append (current, unescaped);
        }
    }
  add_msgid (msgids, &current);

  return msgids;
}

static void
test_pot_has_guide_text (void)
{
  g_autofree char *path = guide_path ();
  g_autofree char *data = NULL;
  g_autofree char *potfiles = NULL;
  g_autofree char *potfiles_path = g_build_filename (g_getenv ("CARTA_SOURCE_ROOT"), "po", "POTFILES", NULL);
  g_autoptr(GPtrArray) looked_up = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) msgids = NULL;
  g_autoptr(CartaGuide) guide = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) listed = NULL;

  /* carta-pot only reads the files POTFILES lists. */
  g_file_get_contents (potfiles_path, &potfiles, NULL, &error);
  g_assert_no_error (error);
  listed = g_strsplit (potfiles, "\n", -1);
  g_assert_true (g_strv_contains ((const char * const *)listed, "src/guide/guide.xml"));

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  guide = _carta_guide_parse (data, -1, record_msgid, looked_up, &error);
  g_assert_no_error (error);

  /* What shows on screen is what the translation lookup returned. */
  g_assert_true (g_str_has_prefix (carta_guide_get_title (guide), "«"));
  g_assert_true (g_str_has_prefix (carta_guide_section_get_heading (carta_guide_get_section (guide, 0)), "«"));

  msgids = extract_msgids (path);
  g_assert_cmpuint (looked_up->len, >, 100);
  for (guint i = 0; i < looked_up->len; i++)
    {
      const char *msgid = g_ptr_array_index (looked_up, i);

      if (!g_hash_table_contains (msgids, msgid))
        g_error ("“%s” is looked up but missing from the pot file", msgid);
    }
}

/* xgettext keeps &, < and > as entities and collapses white space; the
 * lookup must ask for exactly that, and show the plain characters. */
static void
test_msgids_follow_xgettext (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<guide reviewed=\"2026-06-09\"><title>Fish &amp; chips, 3 &lt; 4</title>"
    "<disclaimer>D</disclaimer><section id=\"a\"><heading>H</heading>"
    "<p>  A long\n     line\twith “quotes” and \"more\".  </p></section></guide>\n";
  g_autofree char *dir = g_dir_make_tmp ("carta-guide-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "guide.xml", NULL);
  g_autoptr(GPtrArray) looked_up = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) msgids = NULL;
  g_autoptr(CartaGuide) guide = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (file, xml, -1, &error);
  g_assert_no_error (error);
  msgids = extract_msgids (file);
  g_unlink (file);
  g_rmdir (dir);

  guide = _carta_guide_parse (xml, -1, record_msgid, looked_up, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (carta_guide_get_title (guide), ==, "«Fish & chips, 3 < 4»");
  g_assert_cmpuint (looked_up->len, ==, 4);
  for (guint i = 0; i < looked_up->len; i++)
    g_assert_true (g_hash_table_contains (msgids, g_ptr_array_index (looked_up, i)));
  g_assert_true (g_hash_table_contains (msgids, "A long line with “quotes” and \"more\"."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/loads", test_guide_loads);
  g_test_add_func ("/guide/figures-describe-their-numbers", test_figures_describe_their_numbers);
  g_test_add_func ("/guide/gc012f-is-called-autologous", test_gc012f_is_called_autologous);
  g_test_add_func ("/guide/search", test_search);
  g_test_add_func ("/guide/corrected-claims-stay-corrected", test_corrected_claims_stay_corrected);
  g_test_add_func ("/guide/response-chart-numbers", test_response_chart_numbers);
  g_test_add_func ("/guide/references", test_references);
  g_test_add_func ("/guide/reference-links", test_reference_links);
  g_test_add_func ("/guide/reference-parses", test_reference_parses);
  g_test_add_func ("/guide/find-matches", test_find_matches);
  g_test_add_func ("/guide/parse-errors", test_parse_errors);
  g_test_add_func ("/guide/pot-has-guide-text", test_pot_has_guide_text);
  g_test_add_func ("/guide/msgids-follow-xgettext", test_msgids_follow_xgettext);

  return g_test_run ();
}

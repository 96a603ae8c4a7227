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
    default:
      return FALSE;
    }
}

static void
test_guide_loads (void)
{
  g_autoptr(CartaGuide) guide = load_guide ();
  static const char * const expected[] = {
    "at-a-glance", "difference", "benefits", "gene-editing", "programmes",
    "signals", "faq", "coordinators",
  };
  guint n_figures = 0, n_faq = 0, n_rows = 0, n_actions = 0;

  g_assert_cmpuint (carta_guide_get_n_sections (guide), ==, G_N_ELEMENTS (expected));
  g_assert_nonnull (carta_guide_get_title (guide));
  g_assert_nonnull (strstr (carta_guide_get_disclaimer (guide), "not medical advice"));
  g_assert_cmpint (g_date_time_get_year (carta_guide_get_reviewed (guide)), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (carta_guide_get_reviewed (guide)), ==, 6);
  g_assert_cmpint (g_date_time_get_day_of_month (carta_guide_get_reviewed (guide)), ==, 9);

  for (guint i = 0; i < carta_guide_get_n_sections (guide); i++)
    {
      CartaGuideSection *section = carta_guide_get_section (guide, i);
      gboolean has_body = FALSE, has_sources = FALSE;

      g_assert_cmpstr (carta_guide_section_get_id (section), ==, expected[i]);
      g_assert_nonnull (carta_guide_section_get_heading (section));
      g_assert_cmpuint (strlen (carta_guide_section_get_heading (section)), >, 3);

      for (guint j = 0; j < carta_guide_section_get_n_blocks (section); j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);

          has_body |= block_has_body (block);
          has_sources |= block->kind == CARTA_GUIDE_BLOCK_SOURCES &&
                         g_str_has_prefix (block->text, "Sources:");
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
      g_assert_cmpuint (block->bars->len, ==, 2);
      for (guint j = 0; j < block->bars->len; j++)
        {
          const CartaGuideBar *bar = g_ptr_array_index (block->bars, j);
          g_autofree char *range = g_strdup_printf ("%d to %d", bar->low, bar->high);

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
                mentions++;
                g_assert_nonnull (strstr (texts[k], "autologous"));
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

  assert_search (guide, "TRAC", (const char *[]) { "at-a-glance", "benefits", "gene-editing", NULL });
  assert_search (guide, "trac", (const char *[]) { "at-a-glance", "benefits", "gene-editing", NULL });
  assert_search (guide, "CD52", (const char *[]) { "at-a-glance", "gene-editing", NULL });
  assert_search (guide, "fludarabine", (const char *[]) { "faq", NULL });
  assert_search (guide, " Fludarabine ", (const char *[]) { "faq", NULL });
  assert_search (guide, "zzzz", (const char *[]) { NULL });
  /* Table cells and chart labels are searched too. */
  assert_search (guide, "beta-2 microglobulin", (const char *[]) { "gene-editing", NULL });
  assert_search (guide, "pivotal trials", (const char *[]) { "signals", NULL });

  g_assert_cmpuint (all->len, ==, carta_guide_get_n_sections (guide));
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
}

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
  g_test_add_func ("/guide/find-matches", test_find_matches);
  g_test_add_func ("/guide/parse-errors", test_parse_errors);
  g_test_add_func ("/guide/pot-has-guide-text", test_pot_has_guide_text);
  g_test_add_func ("/guide/msgids-follow-xgettext", test_msgids_follow_xgettext);

  return g_test_run ();
}

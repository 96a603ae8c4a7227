/* test-summary-language.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * summary.pdf is written in the language the family chooses, whatever the
 * language of the process: the demo case exported in Chinese has the
 * Chinese headings (as Carta's own zh_CN catalogue translates them) in
 * the text pdftotext reads, in English the English ones and no Chinese;
 * case.json and bag-info.txt record the language; and the process's
 * locale and gettext are the same after the export as before.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "carta-bundle-reader.h"
#include "carta-bundle-writer.h"
#include "carta-catalog.h"
#include "carta-demo-private.h"
#include "carta-demo.h"
#include "carta-error.h"

/* Texts drawn on the summary: cover and section headings, labels, column
 * headers and statuses of the demo case. */
static const char *headings[] = {
  "Patient", "Diagnosis", "Current state", "Questions from the family",
  "Treatment history", "Checklist", "Documents", "Imaging studies",
  "Name", "Date of birth", "Sex", "Country", "Disease", "Disease state",
  "ECOG performance", "Medication", "Treatment", "Best response", "Notes",
  "Record", "Status", "Date", "Category", "Original name", "Received",
  "Requested", "Still needed", "Does not apply", "Case identifier",
};

typedef struct
{
  char      *dir;
  char      *case_dir;
  CartaCase *kase;
} Fixture;

static Fixture fixture;
static char *process_locale;
static char *process_language;
static char *process_translation;
static gboolean process_in_spanish;

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  if (status != NULL)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return out;
}

/* A file of the bag, through unzip as a coordinator would open it. */
static char *
extract (const char *zip,
         const char *member)
{
  g_autofree char *pattern = g_strdup_printf ("*/%s", member);
  const char *argv[] = { "unzip", "-p", zip, pattern, NULL };
  int status;
  char *out = run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

/* The text of summary.pdf, without white space: pdftotext breaks lines
 * where the layout does. */
static char *
summary_text (const char *zip)
{
  g_autofree char *pdf_path = g_build_filename (fixture.dir, "summary.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *unzip[] = { "unzip", "-o", "-j", "-q", "-d", fixture.dir, zip, "*/data/summary.pdf", NULL };
  const char *pdftotext[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
  GString *squeezed = g_string_new (NULL);
  int status;

  g_free (run (unzip, &status));
  g_assert_cmpint (status, ==, 0);
  text = run (pdftotext, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_unlink (pdf_path);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));

  return g_string_free (squeezed, FALSE);
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static char *
export (const char *language)
{
  g_autoptr(CartaBundleWriter) writer = NULL;
  g_autoptr(GFile) case_dir = g_file_new_for_path (fixture.case_dir);
  g_autofree char *name = g_strdup_printf ("bundle-%s.zip", language ? language : "default");
  char *path = g_build_filename (fixture.dir, name, NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  writer = carta_bundle_writer_new (fixture.kase, case_dir);
  carta_bundle_writer_set_full_verify (writer, FALSE);
  if (language != NULL)
    carta_bundle_writer_set_summary_language (writer, language);
  g_assert_true (carta_bundle_writer_write (writer, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static void
assert_records (const char *zip,
                const char *language)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (zip);
  g_autoptr(GError) error = NULL;
  g_autofree char *case_json = extract (zip, "data/case.json");
  g_autofree char *bag_info = extract (zip, "bag-info.txt");
  g_autofree char *line = g_strdup_printf ("\nSummary-Language: %s\n", language);
  JsonObject *bundle;

  g_assert_true (json_parser_load_from_data (parser, case_json, -1, &error));
  g_assert_no_error (error);
  bundle = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "bundle");
  g_assert_nonnull (bundle);
  g_assert_cmpstr (json_object_get_string_member (bundle, "summary_language"), ==, language);
  g_assert_nonnull (strstr (bag_info, line));

  reader = carta_bundle_reader_new (file);
  g_assert_true (carta_bundle_reader_verify (reader, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (carta_bundle_reader_get_summary_language (reader), ==, language);
}

/* Nothing of the process changed: locale, LANGUAGE and what its own
 * gettext answers. */
static void
assert_process_unchanged (void)
{
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, process_locale);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, process_language);
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Treatment history"), ==, process_translation);
}

static void
test_chinese (void)
{
  g_autoptr(CartaCatalog) chinese = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zip = NULL;
  g_autofree char *text = NULL;
  guint translated = 0;

  chinese = carta_catalog_new_for_language ("zh_CN", &error);
  g_assert_no_error (error);

  /* Otherwise "unchanged" would prove little. */
  if (process_in_spanish)
    g_assert_cmpstr (process_translation, !=, "Treatment history");

  zip = export ("zh_CN");
  assert_process_unchanged ();
  text = summary_text (zip);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const char *expected = carta_catalog_gettext (chinese, headings[i]);
      g_autofree char *squeezed = squeeze (expected);

      if (expected == headings[i])
        {
          g_test_message ("No Chinese translation yet for “%s”", headings[i]);
          continue;
        }

      if (strstr (text, squeezed) == NULL)
        g_error ("The Chinese summary lacks “%s” for “%s”", expected, headings[i]);
      translated++;
    }

  g_test_message ("%u of %u headings in Chinese", translated, (guint)G_N_ELEMENTS (headings));
  g_assert_cmpuint (translated, >=, 3);

  assert_records (zip, "zh_CN");
}

static void
test_english (void)
{
  g_autoptr(CartaCatalog) chinese = carta_catalog_new_for_language ("zh_CN", NULL);
  g_autofree char *zip = export ("en");
  g_autofree char *default_zip = NULL;
  g_autofree char *text = summary_text (zip);
  g_autofree char *default_text = NULL;

  assert_process_unchanged ();

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *squeezed = squeeze (headings[i]);
      const char *chinese_text = carta_catalog_gettext (chinese, headings[i]);

      if (strstr (text, squeezed) == NULL)
        g_error ("The English summary lacks “%s”", headings[i]);
      if (chinese_text != headings[i])
        {
          g_autofree char *chinese_squeezed = squeeze (chinese_text);

          if (strstr (text, chinese_squeezed) != NULL)
            g_error ("The English summary has the Chinese “%s”", chinese_text);
        }
    }

  assert_records (zip, "en");

  /* Without a choice the summary is English too, whatever the process's
   * language. */
  default_zip = export (NULL);
  default_text = summary_text (default_zip);
  g_assert_nonnull (strstr (default_text, "Treatmenthistory"));
  assert_records (default_zip, "en");
}

static void
test_unknown_language (void)
{
  g_autoptr(CartaBundleWriter) writer = NULL;
  g_autoptr(GFile) case_dir = g_file_new_for_path (fixture.case_dir);
  g_autofree char *path = g_build_filename (fixture.dir, "klingon.zip", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *tool = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "src", "tools", "carta-bundle", NULL);
  const char *argv[] = { tool, "export", fixture.case_dir, path, "--summary-language", "tlh", NULL };
  g_autofree char *err = NULL;
  int status;

  writer = carta_bundle_writer_new (fixture.kase, case_dir);
  carta_bundle_writer_set_summary_language (writer, "tlh");
  g_assert_false (carta_bundle_writer_write (writer, out, NULL, NULL, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The command line says which languages it has. */
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "tlh"));
  g_assert_nonnull (strstr (err, "zh_CN"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* data/fhir-bundle.json's resource of @type whose @member is @value. */
static JsonObject *
find_resource (JsonParser *parser,
               const char *type,
               const char *member,
               const char *value)
{
  JsonArray *entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entry");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");

      if (g_strcmp0 (json_object_get_string_member (resource, "resourceType"), type) == 0 &&
          (member == NULL || g_strcmp0 (json_object_get_string_member_with_default (resource, member, NULL), value) == 0))
        return resource;
    }

  return NULL;
}

static JsonParser *
load_fhir (const char *zip)
{
  JsonParser *parser = json_parser_new ();
  g_autofree char *fhir = extract (zip, "data/fhir-bundle.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, fhir, -1, &error));
  g_assert_no_error (error);
  return parser;
}

static void
assert_has (const char *text,
            const char *expected)
{
  g_autofree char *squeezed = squeeze (expected);

  if (strstr (text, squeezed) == NULL)
    g_error ("The summary lacks “%s”", expected);
}

/* A record the family added, with a document and a note, for the tests
 * of their own words. */
static CartaChecklistItem *
add_custom_record (void)
{
  static const char * const lines[] = { "Dear colleagues,", NULL };
  g_autoptr(CartaChecklistItem) letter = carta_checklist_item_new_custom ("Letter from Dr Okafor", "treatment");
  g_autoptr(GBytes) pdf = _carta_demo_make_pdf ("Letter", lines, 1, NULL);
  g_autoptr(GError) error = NULL;

  carta_checklist_item_set_status (letter, CARTA_ITEM_STATUS_RECEIVED);
  g_assert_true (carta_checklist_item_set_document_date (letter, "2026-02-11"));
  carta_checklist_item_set_notes (letter, "Brought by hand on the fourth of March");
  g_assert_nonnull (_carta_demo_add_file (letter, fixture.case_dir, pdf, "okafor-letter.pdf", "application/pdf", &error));
  g_assert_no_error (error);
  carta_case_add_item (fixture.kase, letter);

  return g_steal_pointer (&letter);
}

/* Everything the family wrote reaches the coordinators: the notes of a
 * record, a record they added with its document, and their questions,
 * in summary.pdf and in the FHIR bundle. In Chinese, what they typed is
 * marked as their own words, not translated; in their own language
 * (the window's, Spanish here) it is not. */
static void
test_family_words (void)
{
  g_autoptr(CartaCatalog) chinese = carta_catalog_new_for_language ("zh_CN", NULL);
  g_autoptr(CartaChecklistItem) letter = add_custom_record ();
  g_autoptr(JsonParser) fhir = NULL;
  g_autofree char *zip = export ("zh_CN");
  g_autofree char *text = summary_text (zip);
  g_autofree char *spanish_zip = NULL;
  g_autofree char *spanish_text = NULL;
  g_autofree char *marked = NULL;
  const char *questions = carta_case_get_questions (fixture.kase);
  JsonObject *list;
  JsonObject *communication;
  JsonArray *entries;

  g_assert_nonnull (questions);

  /* A note of a template record, the record the family added (its
   * name, note, date and document) and the questions, each marked. */
  assert_has (text, "Not needed for an allogeneic off-the-shelf product †");
  assert_has (text, "Letter from Dr Okafor †");
  assert_has (text, "Brought by hand on the fourth of March †");
  assert_has (text, "2026年02月11");
  assert_has (text, "okafor-letter.pdf");
  marked = g_strconcat (questions, " †", NULL);
  assert_has (text, marked);
  assert_has (text, carta_catalog_gettext (chinese, "Notes on the records"));
  /* The mark is explained in the summary's language. */
  g_assert_cmpstr (carta_catalog_gettext (chinese, "The family's own words, not translated."), !=,
                   "The family's own words, not translated.");
  assert_has (text, carta_catalog_gettext (chinese, "The family's own words, not translated."));
  g_assert_null (strstr (text, "‡"));

  fhir = load_fhir (zip);
  list = find_resource (fhir, "List", "title", "Letter from Dr Okafor");
  g_assert_nonnull (list);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (list, "note"), 0), "text"),
                   ==, "Brought by hand on the fourth of March");
  entries = json_object_get_array_member (list, "entry");
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  {
    g_autoptr(CartaAttachment) attachment = g_list_model_get_item (carta_checklist_item_get_attachments (letter), 0);
    g_autofree char *urn = g_strconcat ("urn:uuid:", carta_attachment_get_id (attachment), NULL);
    JsonObject *item = json_object_get_object_member (json_array_get_object_element (entries, 0), "item");

    g_assert_cmpstr (json_object_get_string_member (item, "reference"), ==, urn);
    g_assert_nonnull (find_resource (fhir, "DocumentReference", "id", carta_attachment_get_id (attachment)));
  }
  list = find_resource (fhir, "List", "title", "HLA typing");
  g_assert_nonnull (list);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (list, "note"), 0), "text"),
                   ==, "Not needed for an allogeneic off-the-shelf product");
  communication = find_resource (fhir, "Communication", NULL, NULL);
  g_assert_nonnull (communication);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (communication, "payload"), 0),
                                                  "contentString"), ==, questions);

  /* In the family's own language nothing is marked. */
  spanish_zip = export ("es");
  spanish_text = summary_text (spanish_zip);
  assert_has (spanish_text, "Brought by hand on the fourth of March");
  g_assert_null (strstr (spanish_text, "†"));

  carta_case_remove_item (fixture.kase, letter, NULL);
}

/* A version the family typed in the summary's language replaces their
 * text in that summary, marked as translated by them, and goes with the
 * original into FHIR; other languages keep the original. */
static void
test_family_version (void)
{
  g_autoptr(CartaCatalog) chinese = carta_catalog_new_for_language ("zh_CN", NULL);
  g_autoptr(CartaChecklistItem) letter = add_custom_record ();
  g_autoptr(JsonParser) fhir = NULL;
  g_autofree char *zip = NULL;
  g_autofree char *text = NULL;
  g_autofree char *english_zip = NULL;
  g_autofree char *english_text = NULL;
  JsonObject *list;
  JsonObject *translation;
  JsonArray *parts;

  carta_checklist_item_set_notes_translation (letter, "zh_CN", "三月四日亲手送来");
  carta_case_set_questions_translation (fixture.kase, "zh_CN", "两线治疗后她还符合条件吗？");

  zip = export ("zh_CN");
  text = summary_text (zip);
  assert_has (text, "三月四日亲手送来 ‡");
  assert_has (text, "两线治疗后她还符合条件吗？ ‡");
  g_assert_null (strstr (text, "Broughtbyhand"));
  g_assert_null (strstr (text, "eligibleaftertwolines"));
  assert_has (text, carta_catalog_gettext (chinese, "Translated by the family."));
  /* What they did not translate is still marked. */
  assert_has (text, "Not needed for an allogeneic off-the-shelf product †");

  fhir = load_fhir (zip);
  list = find_resource (fhir, "List", "title", "Letter from Dr Okafor");
  g_assert_nonnull (list);
  translation = json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (list, "note"), 0), "_text");
  g_assert_nonnull (translation);
  translation = json_array_get_object_element (json_object_get_array_member (translation, "extension"), 0);
  g_assert_cmpstr (json_object_get_string_member (translation, "url"), ==, "http://hl7.org/fhir/StructureDefinition/translation");
  parts = json_object_get_array_member (translation, "extension");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parts, 0), "valueCode"), ==, "zh-CN");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parts, 1), "valueString"), ==, "三月四日亲手送来");
  g_assert_true (json_object_has_member (json_array_get_object_element (json_object_get_array_member (find_resource (fhir, "Communication", NULL, NULL),
                                                                                                    "payload"), 0),
                                         "_contentString"));

  english_zip = export ("en");
  english_text = summary_text (english_zip);
  assert_has (english_text, "Brought by hand on the fourth of March †");
  g_assert_null (strstr (english_text, "三月四日"));
  g_assert_null (strstr (english_text, "‡"));

  carta_case_set_questions_translation (fixture.kase, "zh_CN", NULL);
  carta_case_remove_item (fixture.kase, letter, NULL);
}

static void
delete_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_free (run (argv, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  localedir = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "po", NULL);
  g_setenv ("CARTA_LOCALEDIR", localedir, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* The process speaks Spanish, as the window of a Spanish family would;
   * without that locale the test still checks the summary. */
  g_setenv ("LANGUAGE", "es", TRUE);
  process_in_spanish = setlocale (LC_ALL, "es_ES.UTF-8") != NULL;
  if (!process_in_spanish)
    g_test_message ("es_ES.UTF-8 is not installed: the process stays in the C locale");
  process_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  process_language = g_strdup (g_getenv ("LANGUAGE"));
  process_translation = g_strdup (dgettext (GETTEXT_PACKAGE, "Treatment history"));

  fixture.dir = g_dir_make_tmp ("carta-summary-language-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.case_dir = g_build_filename (fixture.dir, "case", NULL);
  case_dir = g_file_new_for_path (fixture.case_dir);
  fixture.kase = carta_case_new (NULL);
  g_assert_true (carta_demo_populate (fixture.kase, case_dir, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/summary-language/chinese", test_chinese);
  g_test_add_func ("/summary-language/english", test_english);
  g_test_add_func ("/summary-language/unknown", test_unknown_language);
  g_test_add_func ("/summary-language/family-words", test_family_words);
  g_test_add_func ("/summary-language/family-version", test_family_version);

  result = g_test_run ();

  delete_tree (fixture.dir);
  g_clear_object (&fixture.kase);
  g_free (fixture.case_dir);
  g_free (fixture.dir);
  g_free (process_locale);
  g_free (process_language);
  g_free (process_translation);

  return result;
}

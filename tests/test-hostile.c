/* test-hostile.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Hostile input through the core's own API: JSON that would exhaust the
 * parser's stack, and damaged or forged ZIP files that libarchive alone
 * would read, imported into a store that must stay empty. The wider
 * corpus is tests/hostile/check-hostile-bundles.py, through the tool. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carta-bundle-reader-private.h"
#include "carta-bundle-writer.h"
#include "carta-demo-private.h"
#include "carta-error.h"
#include "carta-fs.h"
#include "carta-json-private.h"
#include "carta-store.h"

typedef struct
{
  char      *dir;
  char      *case_dir;
  char      *bundle;
  CartaCase *kase;
} HostileFixture;

static HostileFixture fixture;

static void
setup_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(CartaBundleWriter) writer = NULL;

  fixture.dir = g_dir_make_tmp ("carta-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.case_dir = g_build_filename (fixture.dir, "case", NULL);
  fixture.bundle = g_build_filename (fixture.dir, "bundle.zip", NULL);
  case_dir = g_file_new_for_path (fixture.case_dir);
  out = g_file_new_for_path (fixture.bundle);

  fixture.kase = carta_case_new (NULL);
  g_assert_true (carta_demo_populate (fixture.kase, case_dir, NULL, &error));
  g_assert_no_error (error);

  writer = carta_bundle_writer_new (fixture.kase, case_dir);
  g_assert_true (carta_bundle_writer_write (writer, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* --- JSON -------------------------------------------------------------- */

static void
assert_refused (const char *data,
                gsize       length,
                const char *words)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (_carta_json_parse_bounded (parser, data, length, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, words));
}

static char *
nested (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

static void
test_json_bounded (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deepest = nested (CARTA_JSON_MAX_DEPTH);
  g_autofree char *too_deep = nested (CARTA_JSON_MAX_DEPTH + 1);
  g_autofree char *million = nested (1000000);
  /* Brackets in strings, and an escaped quote, are not nesting. */
  const char *in_string = "{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[\"}";
  JsonNode *root;

  root = _carta_json_parse_bounded (parser, deepest, strlen (deepest), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  root = _carta_json_parse_bounded (parser, in_string, strlen (in_string), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  assert_refused (too_deep, strlen (too_deep), "levels deep");
  /* A million levels overflowed the stack before. */
  assert_refused (million, strlen (million), "levels deep");
  million[500000] = '\0';
  assert_refused (million, 500000, "levels deep");
  /* json-glib takes empty text as a document with no root. */
  assert_refused ("", 0, "empty");
  assert_refused (" \n\t", 3, "empty");
  assert_refused ("{\"a\": \"b\0c\"}", 12, "zero byte");
  assert_refused ("{\"a\": \"\xff\"}", 10, "UTF-8");
  assert_refused ("{\"a\": ", 6, "not valid JSON");
}

/* --- ZIP files --------------------------------------------------------- */

static GBytes *
bundle_bytes (void)
{
  char *data;
  gsize length;

  g_assert_true (g_file_get_contents (fixture.bundle, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

static gsize
end_record (GBytes *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  for (gsize i = length - 22 + 1; i-- > 0;)
    if (memcmp (data + i, "PK\x05\x06", 4) == 0)
      return i;
  g_assert_not_reached ();
}

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32)p[3] << 24);
}

static void
write_le32 (guint8  *p,
            guint32  value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = value >> (8 * i);
}

/* Verifying and importing @data both fail with @code, and the store
 * stays as it was: empty. */
static void
assert_import_refused (const char *name,
                       GByteArray *data,
                       GQuark      domain,
                       int         code)
{
  g_autofree char *path = g_build_filename (fixture.dir, name, NULL);
  g_autofree char *store_dir = g_build_filename (fixture.dir, "store", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) store_root = g_file_new_for_path (store_dir);
  g_autoptr(CartaStore) store = carta_store_new (store_root);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_true (g_file_set_contents (path, (const char *)data->data, data->len, NULL));

  g_assert_false (carta_bundle_reader_verify (reader, FALSE, NULL, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", name, error->message);
  g_clear_error (&error);

  g_assert_true (carta_store_load (store, &error));
  kase = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_null (kase);
  g_assert_error (error, domain, code);
  g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (store)), ==, 0);

  /* Nothing left in the store's folder, not even a staging folder. */
  dir = g_dir_open (store_dir, 0, NULL);
  for (const char *entry; dir && (entry = g_dir_read_name (dir));)
    g_assert_cmpstr (entry, ==, NULL);

  g_unlink (path);
}

static GByteArray *
copy_of (GBytes *bytes,
         gsize   length)
{
  GByteArray *array = g_byte_array_new ();

  g_byte_array_append (array, g_bytes_get_data (bytes, NULL), length);
  return array;
}

/* libarchive reads a ZIP front to back: cut anywhere, it still found
 * every whole entry and called the bundle valid. */
static void
test_truncated (void)
{
  g_autoptr(GBytes) bytes = bundle_bytes ();
  gsize length = g_bytes_get_size (bytes);
  gsize eocd = end_record (bytes);
  guint32 directory = read_le32 ((const guint8 *)g_bytes_get_data (bytes, NULL) + eocd + 16);
  g_autoptr(GByteArray) no_end = copy_of (bytes, length - 10);
  g_autoptr(GByteArray) no_directory = copy_of (bytes, directory);
  g_autoptr(GByteArray) half_directory = copy_of (bytes, (directory + eocd) / 2);

  assert_import_refused ("no-end.zip", no_end, CARTA_ERROR, CARTA_ERROR_MALFORMED);
  assert_import_refused ("no-directory.zip", no_directory, CARTA_ERROR, CARTA_ERROR_MALFORMED);
  assert_import_refused ("half-directory.zip", half_directory, CARTA_ERROR, CARTA_ERROR_MALFORMED);
}

/* An end record that lies about where the directory is or how many
 * entries it has; an entry hidden where the directory does not look. */
static void
test_lying_directory (void)
{
  g_autoptr(GBytes) bytes = bundle_bytes ();
  gsize length = g_bytes_get_size (bytes);
  gsize eocd = end_record (bytes);
  guint32 directory = read_le32 ((const guint8 *)g_bytes_get_data (bytes, NULL) + eocd + 16);
  g_autoptr(GByteArray) offset = copy_of (bytes, length);
  g_autoptr(GByteArray) count = copy_of (bytes, length);
  g_autoptr(GByteArray) hidden = g_byte_array_new ();
  const guint8 padding[64] = "PK\x03\x04 a local entry no directory lists";

  write_le32 (offset->data + eocd + 16, directory - 1);
  assert_import_refused ("offset.zip", offset, CARTA_ERROR, CARTA_ERROR_MALFORMED);

  count->data[eocd + 8] ^= 1;
  count->data[eocd + 10] ^= 1;
  assert_import_refused ("count.zip", count, CARTA_ERROR, CARTA_ERROR_MALFORMED);

  g_byte_array_append (hidden, g_bytes_get_data (bytes, NULL), directory);
  g_byte_array_append (hidden, padding, sizeof padding);
  g_byte_array_append (hidden, (const guint8 *)g_bytes_get_data (bytes, NULL) + directory, length - directory);
  write_le32 (hidden->data + eocd + sizeof padding + 16, directory + sizeof padding);
  assert_import_refused ("hidden.zip", hidden, CARTA_ERROR, CARTA_ERROR_MALFORMED);
}

/* The first entry's directory record declares one byte, its local
 * header more: the entry is refused before any of it is written. */
static void
test_lying_size (void)
{
  g_autoptr(GBytes) bytes = bundle_bytes ();
  gsize length = g_bytes_get_size (bytes);
  gsize eocd = end_record (bytes);
  guint32 directory = read_le32 ((const guint8 *)g_bytes_get_data (bytes, NULL) + eocd + 16);
  g_autoptr(GByteArray) lying = copy_of (bytes, length);

  g_assert_cmpmem (lying->data + directory, 4, "PK\x01\x02", 4);
  write_le32 (lying->data + directory + 24, 1);
  assert_import_refused ("lying-size.zip", lying, CARTA_ERROR, CARTA_ERROR_MALFORMED);
}

/* The sample bundle with the entry ending in @suffix replaced by @content;
 * the manifests are left as they were. */
static GByteArray *
replace_entry (const char *suffix,
               const char *content)
{
  struct archive *in = archive_read_new ();
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;
  g_autofree char *path = g_build_filename (fixture.dir, "replaced.zip", NULL);
  GByteArray *bytes;
  char *data;
  gsize length;

  archive_read_support_format_zip (in);
  g_assert_cmpint (archive_read_open_filename (in, fixture.bundle, 65536), ==, ARCHIVE_OK);
  archive_write_set_format_zip (out);
  archive_write_set_bytes_in_last_block (out, 1);
  g_assert_cmpint (archive_write_open_filename (out, path), ==, ARCHIVE_OK);

  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      gboolean replaced = g_str_has_suffix (archive_entry_pathname (entry), suffix);
      g_autoptr(GByteArray) body = g_byte_array_new ();
      guint8 block[65536];
      la_ssize_t n;

      while ((n = archive_read_data (in, block, sizeof block)) > 0)
        g_byte_array_append (body, block, n);
      if (replaced)
        {
          g_byte_array_set_size (body, 0);
          g_byte_array_append (body, (const guint8 *)content, strlen (content));
        }
      archive_entry_set_size (entry, body->len);
      g_assert_cmpint (archive_write_header (out, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (out, body->data, body->len), ==, (la_ssize_t)body->len);
    }

  archive_read_free (in);
  archive_write_close (out);
  archive_write_free (out);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  bytes = g_byte_array_new_take ((guint8 *)data, length);
  g_unlink (path);
  return bytes;
}

static gboolean
reader_mentions (const char *path,
                 const char *words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autofree char *all = NULL;

  carta_bundle_reader_verify (reader, FALSE, NULL, NULL);
  all = g_strjoinv ("\n", (char **)carta_bundle_reader_get_problems (reader));
  return strstr (all, words) != NULL;
}

/* An empty case.json was a valid bundle with no documents, and import
 * then crashed; one nested a million levels deep overflowed the stack. */
static void
test_case_json (void)
{
  g_autofree char *deep = nested (1000000);
  struct { const char *name; const char *content; const char *words; } cases[] = {
    { "empty-case.zip", "", "data/case.json: it is empty" },
    { "deep-case.zip", deep, "data/case.json: it is nested more than" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GByteArray) bytes = replace_entry ("/data/case.json", cases[i].content);
      g_autofree char *path = g_build_filename (fixture.dir, cases[i].name, NULL);

      g_assert_true (g_file_set_contents (path, (const char *)bytes->data, bytes->len, NULL));
      g_assert_true (reader_mentions (path, cases[i].words));
      assert_import_refused (cases[i].name, bytes, CARTA_ERROR, CARTA_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup_fixture ();

  g_test_add_func ("/hostile/json/bounded", test_json_bounded);
  g_test_add_func ("/hostile/zip/truncated", test_truncated);
  g_test_add_func ("/hostile/zip/lying-directory", test_lying_directory);
  g_test_add_func ("/hostile/zip/lying-size", test_lying_size);
  g_test_add_func ("/hostile/import/case-json", test_case_json);

  status = g_test_run ();

  carta_fs_remove_tree (fixture.dir);
  g_free (fixture.dir);
  g_free (fixture.case_dir);
  g_free (fixture.bundle);
  g_clear_object (&fixture.kase);

  return status;
}

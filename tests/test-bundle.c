/* test-bundle.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carta-bundle-reader-private.h"
#include "carta-bundle-writer.h"
#include "carta-demo-private.h"
#include "carta-error.h"
#include "carta-last-bundle.h"
#include "carta-sha256.h"
#include "carta-store.h"

/* The sample case, made once, exported once; tests that change things
 * work on copies. */
typedef struct
{
  char      *dir;
  char      *case_dir;
  char      *bundle;
  CartaCase *kase;
} Fixture;

static Fixture fixture;

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);
  return path != NULL;
}

static int
run (const char * const *argv,
     const char         *cwd,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL) |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status, &error))
    g_error ("Could not run %s: %s", argv[0], error->message);

  return g_spawn_check_wait_status (status, NULL) ? 0 : (status ? status : 1);
}

static void
export_case (CartaCase  *kase,
             const char *case_dir,
             const char *bundle,
             const char *passphrase)
{
  g_autoptr(GFile) dir = g_file_new_for_path (case_dir);
  g_autoptr(GFile) out = g_file_new_for_path (bundle);
  g_autoptr(CartaBundleWriter) writer = carta_bundle_writer_new (kase, dir);
  g_autoptr(GError) error = NULL;

  carta_bundle_writer_set_passphrase (writer, passphrase);
  g_assert_true (carta_bundle_writer_write (writer, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
setup_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) case_dir = NULL;

  fixture.dir = g_dir_make_tmp ("carta-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.case_dir = g_build_filename (fixture.dir, "case", NULL);
  fixture.bundle = g_build_filename (fixture.dir, "bundle.zip", NULL);
  case_dir = g_file_new_for_path (fixture.case_dir);

  fixture.kase = carta_case_new (NULL);
  g_assert_true (carta_demo_populate (fixture.kase, case_dir, NULL, &error));
  g_assert_no_error (error);

  export_case (fixture.kase, fixture.case_dir, fixture.bundle, NULL);
}

static void
delete_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };
  run (argv, NULL, NULL);
}

static CartaBundleReader *
verify (const char  *bundle,
        const char  *passphrase,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  CartaBundleReader *reader = carta_bundle_reader_new (file);

  carta_bundle_reader_set_passphrase (reader, passphrase);
  carta_bundle_reader_verify (reader, FALSE, NULL, error);
  return reader;
}

static char *
extract (const char *bundle,
         const char *passphrase)
{
  g_autofree char *dir = g_build_filename (fixture.dir, "extract-XXXXXX", NULL);
  const char *argv[] = { "bsdtar", "-xf", bundle, passphrase ? "--passphrase" : NULL, passphrase, NULL };

  g_assert_nonnull (g_mkdtemp (dir));
  g_assert_cmpint (run (argv, dir, NULL), ==, 0);
  return g_steal_pointer (&dir);
}

static char *
bag_dir (const char *extracted)
{
  g_autoptr(GDir) dir = g_dir_open (extracted, 0, NULL);
  const char *name = g_dir_read_name (dir);

  g_assert_nonnull (name);
  g_assert_null (g_dir_read_name (dir));
  return g_build_filename (extracted, name, NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaBundleReader) reader = verify (fixture.bundle, NULL, &error);
  CartaCase *kase;

  g_assert_no_error (error);
  g_assert_null (carta_bundle_reader_get_problems (reader)[0]);
  g_assert_true (g_str_has_prefix (carta_bundle_reader_get_bag_name (reader), "Carta-Wang-"));
  g_assert_cmpuint (carta_bundle_reader_get_n_documents (reader), ==, carta_case_count_attachments (fixture.kase));
  g_assert_false (carta_bundle_reader_get_encrypted (reader));

  kase = carta_bundle_reader_get_case (reader);
  g_assert_nonnull (kase);
  g_assert_cmpstr (carta_case_get_id (kase), ==, carta_case_get_id (fixture.kase));
  g_assert_cmpstr (carta_patient_get_name (carta_case_get_patient (kase)), ==, "Mei Wang 王梅");

  {
    g_autofree char *id = g_strconcat ("urn:uuid:", carta_case_get_id (fixture.kase), NULL);
    g_assert_cmpstr (carta_bundle_reader_get_bag_info (reader, "External-Identifier"), ==, id);
    g_assert_cmpstr (carta_bundle_reader_get_bag_info (reader, "Contact-Name"), ==, "Lena Wang");
    g_assert_nonnull (carta_bundle_reader_get_bag_info (reader, "Payload-Oxum"));
  }
}

static void
test_real_tools (void)
{
  g_autofree char *extracted = NULL;
  g_autofree char *bag = NULL;

  if (!have ("bsdtar") || !have ("sha256sum") || !have ("unzip") || !have ("7z"))
    {
      g_test_skip ("bsdtar, sha256sum, unzip or 7z is missing");
      return;
    }

  extracted = extract (fixture.bundle, NULL);
  bag = bag_dir (extracted);

  {
    const char *argv[] = { "sha256sum", "--strict", "-c", "manifest-sha256.txt", NULL };
    g_assert_cmpint (run (argv, bag, NULL), ==, 0);
  }
  {
    const char *argv[] = { "sha256sum", "--strict", "-c", "tagmanifest-sha256.txt", NULL };
    g_assert_cmpint (run (argv, bag, NULL), ==, 0);
  }
  {
    const char *argv[] = { "unzip", "-tq", fixture.bundle, NULL };
    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  }
  {
    const char *argv[] = { "7z", "t", fixture.bundle, NULL };
    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  }
}

static void
test_fhir (void)
{
  g_autofree char *extracted = NULL;
  g_autofree char *bag = NULL;
  g_autofree char *fhir = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;
  guint patients = 0, conditions = 0, references = 0;

  if (!have ("bsdtar"))
    {
      g_test_skip ("bsdtar is missing");
      return;
    }

  extracted = extract (fixture.bundle, NULL);
  bag = bag_dir (extracted);
  fhir = g_build_filename (bag, "data", "fhir-bundle.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, fhir, &error));
  g_assert_no_error (error);

  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entry");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");
      const char *type = json_object_get_string_member (resource, "resourceType");

      if (g_str_equal (type, "Patient"))
        patients++;
      else if (g_str_equal (type, "Condition"))
        conditions++;
      else if (g_str_equal (type, "DocumentReference"))
        {
          JsonObject *content = json_array_get_object_element (json_object_get_array_member (resource, "content"), 0);
          JsonObject *attachment = json_object_get_object_member (content, "attachment");
          g_autofree char *path = g_build_filename (bag, "data", json_object_get_string_member (attachment, "url"), NULL);
          g_autofree char *data = NULL;
          gsize length;
          guint8 digest[20];
          gsize digest_len = sizeof digest;
          g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
          g_autofree char *base64 = NULL;

          references++;
          g_assert_true (g_file_get_contents (path, &data, &length, NULL));
          g_assert_cmpint (json_object_get_int_member (attachment, "size"), ==, length);
          g_checksum_update (sha1, (const guchar *)data, length);
          g_checksum_get_digest (sha1, digest, &digest_len);
          base64 = g_base64_encode (digest, digest_len);
          g_assert_cmpstr (json_object_get_string_member (attachment, "hash"), ==, base64);
          g_assert_nonnull (json_object_get_string_member (attachment, "contentType"));
          g_assert_nonnull (json_object_get_string_member (attachment, "title"));
        }
    }

  g_assert_cmpuint (patients, ==, 1);
  g_assert_cmpuint (conditions, ==, 1);
  g_assert_cmpuint (references, ==, carta_case_count_attachments (fixture.kase));
}

static void
test_pdf (void)
{
  g_autofree char *extracted = NULL;
  g_autofree char *bag = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  if (!have ("bsdtar") || !have ("pdfinfo") || !have ("pdftotext"))
    {
      g_test_skip ("bsdtar or poppler-utils is missing");
      return;
    }

  extracted = extract (fixture.bundle, NULL);
  bag = bag_dir (extracted);
  pdf = g_build_filename (bag, "data", "summary.pdf", NULL);

  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    const char *pages;

    g_assert_cmpint (run (argv, NULL, &info), ==, 0);
    pages = strstr (info, "Pages:");
    g_assert_nonnull (pages);
    g_assert_cmpint (atoi (pages + 6), >=, 4);
  }
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    g_assert_cmpint (run (argv, NULL, &text), ==, 0);
    g_assert_nonnull (strstr (text, "Mei Wang 王梅"));
    g_assert_nonnull (strstr (text, "Treatment history"));
    g_assert_nonnull (strstr (text, "R-CHOP"));
    g_assert_nonnull (strstr (text, "Diffuse large B-cell lymphoma"));
    g_assert_nonnull (strstr (text, "flow_cytometry.pdf"));
    g_assert_nonnull (strstr (text, "2025-09-20"));
    g_assert_nonnull (strstr (text, "Imaging studies"));
    g_assert_nonnull (strstr (text, "Still needed"));
    /* The index counts each PDF's pages (the sample's discharge letter
     * has three), read by poppler. */
    g_assert_nonnull (strstr (text, "3 pages,"));
    g_assert_nonnull (strstr (text, "2 pages,"));
  }
}

/* The first file attachment of the first record that has one. */
static CartaAttachment *
first_file (CartaCase           *kase,
            CartaChecklistItem **item_out)
{
  GListModel *items = carta_case_get_items (kase);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);

          if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_FILE)
            {
              *item_out = item;
              return attachment;
            }
        }
    }
  return NULL;
}

static CartaChecklistItem *
find_item (CartaCase  *kase,
           const char *id)
{
  GListModel *items = carta_case_get_items (kase);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (carta_checklist_item_get_id (item), id))
        return item;
    }
  return NULL;
}

static CartaAttachment *
find_in_item (CartaChecklistItem *item,
              const char         *id)
{
  GListModel *attachments = carta_checklist_item_get_attachments (item);

  for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);

      if (g_str_equal (carta_attachment_get_id (attachment), id))
        return attachment;
    }
  return NULL;
}

/* A file renamed and moved to another record, and a contact's WeChat
 * ID: kept in case.json, and what the coordinators read in the bundle. */
static void
test_edited_case (void)
{
  g_autofree char *data = carta_case_to_data (fixture.kase, NULL);
  g_autofree char *saved = NULL;
  g_autofree char *bundle = g_build_filename (fixture.dir, "edited.zip", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(CartaCase) again = NULL;
  g_autoptr(CartaContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *attachment_id = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *target_id = NULL;
  CartaChecklistItem *item = NULL, *target = NULL;
  CartaAttachment *attachment;
  GListModel *items;
  const char *name = "Marrow flow 2025";

  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  kase = carta_case_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  attachment = first_file (kase, &item);
  g_assert_nonnull (attachment);
  attachment_id = g_strdup (carta_attachment_get_id (attachment));
  sha256 = g_strdup (carta_attachment_get_sha256 (attachment));
  stored = g_strdup (carta_attachment_get_stored_path (attachment));
  /* Nothing renamed in a case that never was. */
  g_assert_null (carta_attachment_get_display_name (attachment));

  items = carta_case_get_items (kase);
  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) candidate = g_list_model_get_item (items, i);

      if (candidate != item &&
          g_list_model_get_n_items (carta_checklist_item_get_attachments (candidate)) == 0)
        target = candidate;
    }
  g_assert_nonnull (target);
  target_id = g_strdup (carta_checklist_item_get_id (target));

  g_assert_true (carta_checklist_item_rename_attachment (item, attachment, name));
  g_assert_true (carta_checklist_item_move_attachment (item, attachment, target, 0));
  contact = g_list_model_get_item (carta_case_get_contacts (kase), 0);
  carta_contact_set_messaging_app (contact, "whatsapp");
  carta_contact_set_messaging_id (contact, "+49 170 555 0101");

  /* case.json */
  saved = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (saved, "\"display_name\" : \"Marrow flow 2025\""));
  g_assert_nonnull (strstr (saved, "\"messaging_app\" : \"whatsapp\""));
  g_assert_true (json_parser_load_from_data (parser, saved, -1, NULL));
  again = carta_case_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  {
    CartaChecklistItem *moved_to = find_item (again, target_id);
    CartaAttachment *moved = moved_to ? find_in_item (moved_to, attachment_id) : NULL;
    g_autoptr(CartaContact) read_contact = g_list_model_get_item (carta_case_get_contacts (again), 0);

    g_assert_nonnull (moved);
    g_assert_cmpstr (carta_attachment_get_display_name (moved), ==, name);
    g_assert_cmpstr (carta_attachment_get_sha256 (moved), ==, sha256);
    g_assert_cmpstr (carta_attachment_get_stored_path (moved), ==, stored);
    g_assert_null (find_in_item (find_item (again, carta_checklist_item_get_id (item)), attachment_id));
    g_assert_cmpstr (carta_contact_get_messaging_app (read_contact), ==, "whatsapp");
    g_assert_cmpstr (carta_contact_get_messaging_id (read_contact), ==, "+49 170 555 0101");
  }
  /* One attachment less where it was, and nothing copied: the case
   * counts the same files. */
  g_assert_cmpuint (carta_case_count_attachments (again), ==, carta_case_count_attachments (fixture.kase));

  export_case (kase, fixture.case_dir, bundle, NULL);

  /* The bundle's case.json, as the coordinators' Carta reads it. */
  {
    g_autoptr(CartaBundleReader) reader = verify (bundle, NULL, &error);
    CartaCase *read;
    CartaChecklistItem *moved_to;
    CartaAttachment *moved;

    g_assert_no_error (error);
    g_assert_null (carta_bundle_reader_get_problems (reader)[0]);
    read = carta_bundle_reader_get_case (reader);
    moved_to = find_item (read, target_id);
    g_assert_nonnull (moved_to);
    moved = find_in_item (moved_to, attachment_id);
    g_assert_nonnull (moved);
    g_assert_cmpstr (carta_attachment_get_display_name (moved), ==, name);
    g_assert_cmpstr (carta_attachment_get_sha256 (moved), ==, sha256);
  }

  if (!have ("bsdtar"))
    return;

  {
    g_autofree char *extracted = extract (bundle, NULL);
    g_autofree char *bag = bag_dir (extracted);
    g_autofree char *fhir = g_build_filename (bag, "data", "fhir-bundle.json", NULL);
    g_autofree char *pdf = g_build_filename (bag, "data", "summary.pdf", NULL);
    g_autoptr(JsonParser) fhir_parser = json_parser_new ();
    JsonArray *entries;
    gboolean found_document = FALSE, found_messaging = FALSE;

    g_assert_true (json_parser_load_from_file (fhir_parser, fhir, &error));
    g_assert_no_error (error);
    entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (fhir_parser)), "entry");
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");
        const char *type = json_object_get_string_member (resource, "resourceType");

        if (g_str_equal (type, "DocumentReference") &&
            g_strcmp0 (json_object_get_string_member (resource, "description"), name) == 0)
          found_document = TRUE;
        else if (g_str_equal (type, "Patient"))
          {
            JsonObject *first = json_array_get_object_element (json_object_get_array_member (resource, "contact"), 0);
            JsonArray *telecom = json_object_get_array_member (first, "telecom");

            g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "name"), "text"),
                             ==, "Lena Wang");
            for (guint j = 0; j < json_array_get_length (telecom); j++)
              {
                JsonObject *point = json_array_get_object_element (telecom, j);
                JsonObject *extension;

                if (!g_str_equal (json_object_get_string_member (point, "system"), "other"))
                  continue;
                g_assert_cmpstr (json_object_get_string_member (point, "value"), ==, "+49 170 555 0101");
                extension = json_array_get_object_element (json_object_get_array_member (point, "extension"), 0);
                g_assert_true (g_str_has_suffix (json_object_get_string_member (extension, "url"), "/messaging-app"));
                g_assert_cmpstr (json_object_get_string_member (extension, "valueString"), ==, "WhatsApp");
                found_messaging = TRUE;
              }
          }
      }
    g_assert_true (found_document);
    g_assert_true (found_messaging);

    if (have ("pdftotext"))
      {
        const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
        g_autofree char *text = NULL;

        g_assert_cmpint (run (argv, NULL, &text), ==, 0);
        g_assert_nonnull (strstr (text, "WhatsApp: +49 170 555 0101"));
        g_assert_nonnull (strstr (text, name));
      }
  }
}

static void
test_encrypted (void)
{
  g_autofree char *bundle = g_build_filename (fixture.dir, "encrypted.zip", NULL);
  g_autoptr(GError) error = NULL;
  const char *passphrase = "correct horse battery staple";

  export_case (fixture.kase, fixture.case_dir, bundle, passphrase);

  {
    g_autoptr(CartaBundleReader) reader = verify (bundle, passphrase, &error);
    g_assert_no_error (error);
    g_assert_true (carta_bundle_reader_get_encrypted (reader));
  }
  {
    g_autoptr(CartaBundleReader) reader = verify (bundle, "wrong", &error);
    g_assert_error (error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE);
    g_clear_error (&error);
  }
  {
    g_autoptr(CartaBundleReader) reader = verify (bundle, NULL, &error);
    g_assert_error (error, CARTA_ERROR, CARTA_ERROR_PASSPHRASE);
    g_assert_true (carta_bundle_reader_get_encrypted (reader));
    g_clear_error (&error);
  }

  if (have ("7z"))
    {
      g_autofree char *good = g_strconcat ("-p", passphrase, NULL);
      const char *ok_argv[] = { "7z", "t", good, bundle, NULL };
      const char *bad_argv[] = { "7z", "t", "-pwrong", bundle, NULL };

      g_assert_cmpint (run (ok_argv, NULL, NULL), ==, 0);
      g_assert_cmpint (run (bad_argv, NULL, NULL), !=, 0);
    }

  /* It holds one entry, bundle.zip, the plain bundle. */
  if (have ("bsdtar") && have ("sha256sum"))
    {
      g_autofree char *extracted = extract (bundle, passphrase);
      g_autofree char *inner = bag_dir (extracted);
      g_autofree char *unpacked = NULL;
      g_autofree char *bag = NULL;
      const char *argv[] = { "sha256sum", "--strict", "-c", "manifest-sha256.txt", NULL };

      g_assert_true (g_str_has_suffix (inner, "/bundle.zip"));
      {
        g_autoptr(CartaBundleReader) reader = verify (inner, NULL, &error);
        g_assert_no_error (error);
        g_assert_false (carta_bundle_reader_get_encrypted (reader));
      }
      unpacked = extract (inner, NULL);
      bag = bag_dir (unpacked);
      g_assert_cmpint (run (argv, bag, NULL), ==, 0);
    }
}

static gboolean
problems_mention (CartaBundleReader *reader,
                  const char        *needle)
{
  const char * const *problems = carta_bundle_reader_get_problems (reader);

  for (guint i = 0; problems[i] != NULL; i++)
    if (strstr (problems[i], needle))
      return TRUE;
  return FALSE;
}

static void
test_flipped_byte (void)
{
  g_autofree char *copy = g_build_filename (fixture.dir, "flipped.zip", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaBundleReader) reader = NULL;
  const char *name = "passport-photo-page.jpg";
  gsize length;
  char *at;

  g_assert_true (g_file_get_contents (fixture.bundle, &data, &length, NULL));
  /* The first occurrence is the local header; the data follows it. */
  at = NULL;
  for (gsize i = 0; at == NULL && i + strlen (name) <= length; i++)
    if (memcmp (data + i, name, strlen (name)) == 0)
      at = data + i;
  g_assert_nonnull (at);
  at += strlen (name) + 5000;
  g_assert_cmpint (at - data, <, (gssize)length);
  *at ^= 0x01;
  g_assert_true (g_file_set_contents (copy, data, length, NULL));

  reader = verify (copy, NULL, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_assert_true (problems_mention (reader, name));
}

/* Some document of the bag, whatever the sample's layout. */
static char *
find_document (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *found;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if ((found = find_document (path)))
            return found;
        }
      else if (g_str_has_suffix (name, ".pdf"))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* A changed file in an otherwise valid ZIP: the bag's manifest catches it. */
static void
test_tampered_document (void)
{
  g_autofree char *extracted = NULL;
  g_autofree char *bag = NULL;
  g_autofree char *bag_name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *rezipped = g_build_filename (fixture.dir, "tampered.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaBundleReader) reader = NULL;

  if (!have ("bsdtar"))
    {
      g_test_skip ("bsdtar is missing");
      return;
    }

  extracted = extract (fixture.bundle, NULL);
  bag = bag_dir (extracted);
  bag_name = g_path_get_basename (bag);
  {
    g_autofree char *documents = g_build_filename (bag, "data", "documents", NULL);
    target = find_document (documents);
    g_assert_nonnull (target);
  }
  g_assert_true (g_file_set_contents (target, "%PDF-1.4 not the original\n", -1, NULL));

  {
    const char *argv[] = { "bsdtar", "--format", "zip", "-cf", rezipped, bag_name, NULL };
    g_assert_cmpint (run (argv, extracted, NULL), ==, 0);
  }

  reader = verify (rezipped, NULL, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  {
    g_autofree char *name = g_path_get_basename (target);
    g_assert_true (problems_mention (reader, name));
  }
  /* Size and hashes disagree with case.json and fhir-bundle.json too. */
  g_assert_true (problems_mention (reader, "manifest-sha256.txt"));
  g_assert_true (problems_mention (reader, "fhir-bundle.json"));
}

static void
cancel_cb (guint64  done,
           guint64  total,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
assert_folder_empty_but (const char *dir,
                         const char *allowed)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    g_assert_cmpstr (name, ==, allowed);
}

/* A destination at the file system's 255-byte name limit still has room
 * for the temporary file the bundle is written to first. */
static void
test_long_name (void)
{
  g_autofree char *out_dir = g_build_filename (fixture.dir, "long", NULL);
  g_autofree char *stem = g_strnfill (251, 'a');
  g_autofree char *name = g_strconcat (stem, ".zip", NULL);
  g_autofree char *out = g_build_filename (out_dir, name, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture.case_dir);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(CartaBundleWriter) writer = carta_bundle_writer_new (fixture.kase, dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (name), ==, 255);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (carta_bundle_writer_write (writer, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_folder_empty_but (out_dir, name);
}

static void
test_cancel (void)
{
  g_autofree char *out_dir = g_build_filename (fixture.dir, "cancel", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.zip", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture.case_dir);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(CartaBundleWriter) writer = carta_bundle_writer_new (fixture.kase, dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  g_assert_false (carta_bundle_writer_write (writer, file, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  assert_folder_empty_but (out_dir, NULL);

  /* An existing bundle stays as it was when a new write is cancelled. */
  g_assert_true (g_file_set_contents (out, "previous", -1, NULL));
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_false (carta_bundle_writer_write (writer, file, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "previous");
  }
  assert_folder_empty_but (out_dir, "bundle.zip");
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  carta_bundle_writer_write_finish (CARTA_BUNDLE_WRITER (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "succeeded");
}

static void
cancel_on_progress_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  if (carta_bundle_writer_get_bytes_done (CARTA_BUNDLE_WRITER (object)) > 0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_async (void)
{
  g_autofree char *out_dir = g_build_filename (fixture.dir, "cancel-async", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.zip", NULL);
  g_autofree char *big = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(CartaBundleWriter) writer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CartaCase) kase = carta_case_new ("Large");
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom ("Scans", "Imaging");
  g_autofree char *case_dir = g_build_filename (fixture.dir, "large-case", NULL);
  g_autoptr(GBytes) noise = NULL;
  GError *error = NULL;

  /* Enough data that the write is still going when it is cancelled. */
  {
    gsize size = 48 * 1024 * 1024;
    guint32 *words = g_malloc (size);
    GRand *rand = g_rand_new_with_seed (7);

    for (gsize i = 0; i < size / 4; i++)
      words[i] = g_rand_int (rand);
    g_rand_free (rand);
    noise = g_bytes_new_take (words, size);
  }
  carta_case_add_item (kase, item);
  g_assert_nonnull (_carta_demo_add_file (item, case_dir, noise, "noise.bin", NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  dir = g_file_new_for_path (case_dir);
  writer = carta_bundle_writer_new (kase, dir);
  g_signal_connect (writer, "notify::bytes-done", G_CALLBACK (cancel_on_progress_cb), cancellable);
  carta_bundle_writer_write_async (writer, file, cancellable, write_done_cb, &error);

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_empty_but (out_dir, NULL);
}

/* A cancel that comes once the bundle is in place cannot undo it: the
 * result must say it was saved, not that nothing was. */
static void
test_cancel_after_write (void)
{
  g_autofree char *out_dir = g_build_filename (fixture.dir, "cancel-late", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.zip", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture.case_dir);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(CartaBundleWriter) writer = carta_bundle_writer_new (fixture.kase, dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GError *error = NULL;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  carta_bundle_writer_write_async (writer, file, cancellable, write_done_cb, &error);

  /* The main context is not run: the result has not been delivered. */
  while (!g_file_test (out, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_cancellable_cancel (cancellable);

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "succeeded");
  g_clear_error (&error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

/* Hostile archives, made here with libarchive. */

typedef enum
{
  EVIL_ABSOLUTE,
  EVIL_DOTDOT,
  EVIL_SYMLINK,
  EVIL_DUPLICATE,
  EVIL_DUPLICATE_CASE,
  EVIL_BAD_UTF8,
  EVIL_BOMB,
  EVIL_OUTSIDE,
} Evil;

static void
add_entry (struct archive *a,
           const char     *name,
           int             type,
           const char     *target,
           gsize           size,
           gboolean        zeros)
{
  struct archive_entry *entry = archive_entry_new ();
  static char block[65536];

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, type);
  archive_entry_set_perm (entry, 0644);
  if (target != NULL)
    archive_entry_set_symlink (entry, target);
  archive_entry_set_size (entry, type == AE_IFREG ? size : 0);
  g_assert_cmpint (archive_write_header (a, entry), >=, ARCHIVE_WARN);

  memset (block, zeros ? 0 : 'x', sizeof block);
  for (gsize done = 0; type == AE_IFREG && done < size; done += sizeof block)
    archive_write_data (a, block, MIN (sizeof block, size - done));

  archive_entry_free (entry);
}

static char *
make_evil (Evil evil)
{
  g_autofree char *name = g_strdup_printf ("evil-%d.zip", evil);
  char *path = g_build_filename (fixture.dir, name, NULL);
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_set_bytes_in_last_block (a, 1);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);

  add_entry (a, "Carta-Evil/bagit.txt", AE_IFREG, NULL, 10, FALSE);

  switch (evil)
    {
    case EVIL_ABSOLUTE:
      add_entry (a, "/tmp/carta-evil", AE_IFREG, NULL, 10, FALSE);
      break;
    case EVIL_DOTDOT:
      add_entry (a, "Carta-Evil/data/../../evil", AE_IFREG, NULL, 10, FALSE);
      break;
    case EVIL_SYMLINK:
      add_entry (a, "Carta-Evil/data/link", AE_IFLNK, "/etc/passwd", 0, FALSE);
      break;
    case EVIL_DUPLICATE:
      add_entry (a, "Carta-Evil/data/a.txt", AE_IFREG, NULL, 10, FALSE);
      add_entry (a, "Carta-Evil/data/a.txt", AE_IFREG, NULL, 10, FALSE);
      break;
    case EVIL_DUPLICATE_CASE:
      add_entry (a, "Carta-Evil/data/a.txt", AE_IFREG, NULL, 10, FALSE);
      add_entry (a, "Carta-Evil/data/A.TXT", AE_IFREG, NULL, 10, FALSE);
      break;
    case EVIL_BAD_UTF8:
      add_entry (a, "Carta-Evil/data/bad\xff\xfe.txt", AE_IFREG, NULL, 10, FALSE);
      break;
    case EVIL_BOMB:
      add_entry (a, "Carta-Evil/data/zeros.bin", AE_IFREG, NULL, 64 * 1024 * 1024, TRUE);
      break;
    case EVIL_OUTSIDE:
      add_entry (a, "Elsewhere/file.txt", AE_IFREG, NULL, 10, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }

  archive_write_close (a);
  archive_write_free (a);
  return path;
}

static void
test_hostile (gconstpointer data)
{
  Evil evil = GPOINTER_TO_INT (data);
  g_autofree char *path = make_evil (evil);
  g_autofree char *store_dir = g_build_filename (fixture.dir, "hostile-store", NULL);
  g_autoptr(GFile) store_root = g_file_new_for_path (store_dir);
  g_autoptr(CartaStore) store = carta_store_new (store_root);
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  reader = verify (path, NULL, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Importing refuses too, and leaves nothing behind. */
  g_assert_true (carta_store_load (store, &error));
  kase = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_null (kase);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE);
  assert_folder_empty_but (store_dir, NULL);
  g_assert_false (g_file_test ("/tmp/carta-evil", G_FILE_TEST_EXISTS));
}

/* A ZIP of the given names and contents, NULL-terminated pairs. */
static char *
make_zip (const char *file_name,
          ...)
{
  char *path = g_build_filename (fixture.dir, file_name, NULL);
  struct archive *a = archive_write_new ();
  const char *name;
  va_list args;

  archive_write_set_format_zip (a);
  archive_write_set_bytes_in_last_block (a, 1);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);

  va_start (args, file_name);
  while ((name = va_arg (args, const char *)))
    {
      const char *content = va_arg (args, const char *);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, strlen (content));
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, content, strlen (content)), ==, (la_ssize_t)strlen (content));
      archive_entry_free (entry);
    }
  va_end (args);

  archive_write_close (a);
  archive_write_free (a);
  return path;
}

/* Members of the wrong type in the bag's JSON are problems of the
 * bundle, never criticals (the tests make those fatal). */
static void
test_hostile_json_types (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Types");
  g_autoptr(JsonNode) root = carta_case_to_json (kase);
  g_autoptr(JsonObject) attachment = json_object_new ();
  g_autoptr(JsonObject) bundle = json_object_new ();
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_json = NULL;
  g_autofree char *path = NULL;
  JsonArray *items;
  JsonObject *item;
  const char *fhir =
    "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
    " {\"resource\": {\"resourceType\": {}}},"
    " {\"resource\": {\"resourceType\": \"DocumentReference\", \"content\": ["
    "   {\"attachment\": {\"url\": [], \"size\": {}, \"hash\": [1]}}]}}]}";

  json_object_set_string_member (attachment, "id", "a1");
  json_object_set_string_member (attachment, "original_name", "scan.pdf");
  json_object_set_string_member (attachment, "stored_path", "blobs/ab/ab");
  json_object_set_string_member (attachment, "sha256", "00");
  json_object_set_int_member (attachment, "size", 3);
  json_object_set_object_member (attachment, "bundle_path", json_object_new ());
  json_object_set_array_member (attachment, "kind", json_array_new ());
  json_object_set_array_member (bundle, "schema", json_array_new ());
  json_object_set_object_member (json_node_get_object (root), "bundle", json_object_ref (bundle));

  item = json_object_new ();
  json_object_set_string_member (item, "id", "i1");
  json_object_set_string_member (item, "title", "Scan");
  json_object_set_string_member (item, "category", "imaging");
  json_object_set_string_member (item, "status", "received");
  json_object_set_array_member (item, "attachments", json_array_new ());
  json_array_add_object_element (json_object_get_array_member (item, "attachments"),
                                 json_object_ref (attachment));
  items = json_array_new ();
  json_array_add_object_element (items, item);
  json_object_set_array_member (json_node_get_object (root), "checklist", items);
  case_json = json_to_string (root, FALSE);

  path = make_zip ("json-types.zip",
                   "Carta-Types/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                   "Carta-Types/data/case.json", case_json,
                   "Carta-Types/data/fhir-bundle.json", fhir,
                   NULL);

  reader = verify (path, NULL, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_assert_true (problems_mention (reader, "bundle schema"));
  g_assert_true (problems_mention (reader, "case.json: a document has an unsafe or missing location"));
  g_assert_true (problems_mention (reader, "fhir-bundle.json: a document has an unsafe or missing location"));
}

/* "é" composed and decomposed: one name to many file systems. */
static void
test_hostile_duplicate_normalization (void)
{
  g_autofree char *path = make_zip ("nfd.zip",
                                    "Carta-Nfd/bagit.txt", "BagIt-Version: 1.0\n",
                                    "Carta-Nfd/data/caf\xc3\xa9.txt", "one",
                                    "Carta-Nfd/data/cafe\xcc\x81.txt", "two",
                                    NULL);
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = verify (path, NULL, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE);
}

/* Tag files are held in memory: many of them may not add up to more
 * than Carta keeps, even where the ratio allows it (padding the ZIP with
 * incompressible data raises the allowed total). */
static void
test_bomb_metadata_total (void)
{
  g_autofree char *path = g_build_filename (fixture.dir, "tags.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(GError) error = NULL;
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_set_bytes_in_last_block (a, 1);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  add_entry (a, "Carta-Tags/bagit.txt", AE_IFREG, NULL, 10, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Carta-Tags/tag-%u.txt", i);
      add_entry (a, name, AE_IFREG, NULL, 44 * 1024 * 1024, TRUE);
    }
  archive_write_close (a);
  archive_write_free (a);

  _carta_bundle_reader_set_limits (reader, G_GUINT64_CONSTANT (64) << 30, 1e6);
  g_assert_false (carta_bundle_reader_verify (reader, TRUE, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE);
  g_assert_nonnull (strstr (error->message, "tag-2.txt"));
}

static void
test_bomb_total_cap (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture.bundle);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(GError) error = NULL;

  /* The genuine bundle, with a cap below its size. */
  _carta_bundle_reader_set_limits (reader, 100 * 1024, 200);
  g_assert_false (carta_bundle_reader_verify (reader, FALSE, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE);
}

static void
test_import (void)
{
  g_autofree char *store_dir = g_build_filename (fixture.dir, "store", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (store_dir);
  g_autoptr(GFile) file = g_file_new_for_path (fixture.bundle);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(CartaCase) first = NULL;
  g_autoptr(CartaCase) second = NULL;
  g_autoptr(GFile) case_dir = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  g_assert_true (carta_store_load (store, &error));
  first = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (carta_case_get_id (first), ==, carta_case_get_id (fixture.kase));
  g_assert_cmpuint (carta_case_count_attachments (first), ==, carta_case_count_attachments (fixture.kase));
  g_assert_nonnull (carta_store_find_case (store, carta_case_get_id (first)));

  /* Every attachment is back where its stored path says, unchanged. */
  case_dir = carta_store_get_case_dir (store, first);
  items = carta_case_get_items (first);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          g_autofree char *base = g_file_get_path (case_dir);
          g_autofree char *path = g_build_filename (base, carta_attachment_get_stored_path (attachment), NULL);
          g_autofree char *contents = NULL;
          g_autofree char *hash = NULL;
          gsize length;

          if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_IMAGING)
            {
              g_autofree char *manifest = g_strconcat (path, ".sha256", NULL);
              g_autofree char *slice = g_build_filename (path, "DICOM", "ST000001", "IM000001", NULL);

              g_assert_true (g_file_test (slice, G_FILE_TEST_IS_REGULAR));
              g_free (path);
              path = g_steal_pointer (&manifest);
            }

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
          g_assert_cmpstr (hash, ==, carta_attachment_get_sha256 (attachment));
        }
    }

  /* The same bundle again becomes a second case, not a clash. */
  second = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carta_case_get_id (second), !=, carta_case_get_id (first));
  g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (store)), ==, 2);

  /* A case just deleted keeps its id while Undo can bring it back: the
   * bundle comes in under a new one, and Undo still works. */
  {
    g_autoptr(CartaCase) third = NULL;

    g_assert_true (carta_store_delete_case (store, first, &error));
    third = carta_bundle_reader_import (reader, store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (carta_case_get_id (third), !=, carta_case_get_id (first));
    g_assert_true (carta_store_undelete_case (store, first, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (store)), ==, 3);
  }
}

/* Asked, an import of a case already here stops before unpacking;
 * replacing, the copy keeps the id of the case set aside, and taking the
 * copy back leaves the store as it was. */
static void
test_import_same_case (void)
{
  g_autofree char *store_dir = g_build_filename (fixture.dir, "store-same", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (store_dir);
  g_autoptr(GFile) file = g_file_new_for_path (fixture.bundle);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(CartaCase) first = NULL;
  g_autoptr(CartaCase) copy = NULL;
  g_autoptr(CartaCase) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GListModel *cases = carta_store_get_cases (store);
  const char *name;

  g_assert_true (carta_store_load (store, &error));
  carta_bundle_reader_set_same_case (reader, CARTA_BUNDLE_SAME_CASE_ASK);
  first = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_no_error (error);
  carta_case_set_title (first, "Edited here");
  g_assert_true (carta_store_save_case (store, first, &error));

  none = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_EXISTS);
  g_assert_null (none);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  dir = g_dir_open (store_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".import-"));

  g_assert_true (carta_store_delete_case (store, first, &error));
  carta_bundle_reader_set_same_case (reader, CARTA_BUNDLE_SAME_CASE_REPLACE);
  copy = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carta_case_get_id (copy), ==, carta_case_get_id (first));
  g_assert_cmpstr (carta_case_get_title (copy), ==, carta_case_get_title (fixture.kase));

  g_assert_true (carta_store_discard_case (store, copy, &error));
  g_assert_no_error (error);
  g_assert_true (carta_store_undelete_case (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  g_clear_object (&first);
  g_clear_object (&store);
  store = carta_store_new (root);
  g_assert_true (carta_store_load (store, &error));
  first = g_list_model_get_item (carta_store_get_cases (store), 0);
  g_assert_cmpstr (carta_case_get_title (first), ==, "Edited here");

  /* Keeping both: a new id and the name given. */
  g_clear_object (&copy);
  carta_bundle_reader_set_same_case (reader, CARTA_BUNDLE_SAME_CASE_NEW_ID);
  carta_bundle_reader_set_title (reader, "Copy from the bundle");
  copy = carta_bundle_reader_import (reader, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carta_case_get_id (copy), !=, carta_case_get_id (first));
  g_assert_cmpstr (carta_case_get_title (copy), ==, "Copy from the bundle");
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
check_bundle (const char  *path,
              const char  *sha256,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  carta_last_bundle_check_async (file, sha256, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return carta_last_bundle_check_finish (result, error);
}

/* Before a bundle from an earlier run is sent again: the very file that
 * was checked, still whole; an encrypted one needs no passphrase. */
static void
test_last_bundle_check (void)
{
  g_autofree char *plain = g_build_filename (fixture.dir, "again.zip", NULL);
  g_autofree char *encrypted = g_build_filename (fixture.dir, "again-encrypted.zip", NULL);
  g_autofree char *gone = g_build_filename (fixture.dir, "gone.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *again = NULL;
  g_autofree char *encrypted_sha = NULL;
  g_autofree char *encrypted_again = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *missing = NULL;

  export_case (fixture.kase, fixture.case_dir, plain, NULL);
  export_case (fixture.kase, fixture.case_dir, encrypted, "correct horse battery staple");

  sha = check_bundle (plain, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (carta_sha256_is_valid (sha));
  again = check_bundle (plain, sha, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, sha);

  encrypted_sha = check_bundle (encrypted, NULL, &error);
  g_assert_no_error (error);
  encrypted_again = check_bundle (encrypted, encrypted_sha, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encrypted_again, ==, encrypted_sha);

  /* One byte more: not the file that was checked. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (plain, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (plain, contents, (gssize)length - 1, NULL));
  }
  changed = check_bundle (plain, sha, &error);
  g_assert_null (changed);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Export the case again"));
  g_clear_error (&error);

  missing = check_bundle (gone, sha, &error);
  g_assert_null (missing);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(CartaCase) kase = carta_bundle_reader_import_finish (CARTA_BUNDLE_READER (object), result, error);

  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "succeeded");
}

static gboolean
has_case_folder (const char *store_dir)
{
  g_autoptr(GDir) dir = g_dir_open (store_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_uuid_string_is_valid (name))
      return TRUE;
  return FALSE;
}

/* A cancel that comes once the case folder is in place: either the case
 * is imported, or nothing of it stays — never a folder the store skips. */
static void
test_import_cancel_late (void)
{
  g_autofree char *store_dir = g_build_filename (fixture.dir, "store-late", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (store_dir);
  g_autoptr(GFile) file = g_file_new_for_path (fixture.bundle);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GError *error = NULL;

  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);
  carta_bundle_reader_import_async (reader, store, cancellable, import_done_cb, &error);

  /* The main context is not run: the result has not been delivered. */
  while (!has_case_folder (store_dir))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_cancellable_cancel (cancellable);

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_assert_false (has_case_folder (store_dir));
  else
    {
      g_assert_cmpstr (error->message, ==, "succeeded");
      g_assert_cmpuint (g_list_model_get_n_items (carta_store_get_cases (store)), ==, 1);
    }
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup_fixture ();

  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/long-name", test_long_name);
  g_test_add_func ("/bundle/real-tools", test_real_tools);
  g_test_add_func ("/bundle/fhir", test_fhir);
  g_test_add_func ("/bundle/pdf", test_pdf);
  g_test_add_func ("/bundle/edited-case", test_edited_case);
  g_test_add_func ("/bundle/encrypted", test_encrypted);
  g_test_add_func ("/bundle/flipped-byte", test_flipped_byte);
  g_test_add_func ("/bundle/tampered-document", test_tampered_document);
  g_test_add_func ("/bundle/cancel", test_cancel);
  g_test_add_func ("/bundle/cancel-async", test_cancel_async);
  g_test_add_func ("/bundle/cancel-after-write", test_cancel_after_write);
  g_test_add_data_func ("/bundle/hostile/absolute", GINT_TO_POINTER (EVIL_ABSOLUTE), test_hostile);
  g_test_add_data_func ("/bundle/hostile/dotdot", GINT_TO_POINTER (EVIL_DOTDOT), test_hostile);
  g_test_add_data_func ("/bundle/hostile/symlink", GINT_TO_POINTER (EVIL_SYMLINK), test_hostile);
  g_test_add_data_func ("/bundle/hostile/duplicate", GINT_TO_POINTER (EVIL_DUPLICATE), test_hostile);
  g_test_add_data_func ("/bundle/hostile/duplicate-case", GINT_TO_POINTER (EVIL_DUPLICATE_CASE), test_hostile);
  g_test_add_data_func ("/bundle/hostile/bad-utf8", GINT_TO_POINTER (EVIL_BAD_UTF8), test_hostile);
  g_test_add_data_func ("/bundle/hostile/bomb", GINT_TO_POINTER (EVIL_BOMB), test_hostile);
  g_test_add_data_func ("/bundle/hostile/outside", GINT_TO_POINTER (EVIL_OUTSIDE), test_hostile);
  g_test_add_func ("/bundle/hostile/total-cap", test_bomb_total_cap);
  g_test_add_func ("/bundle/hostile/metadata-total", test_bomb_metadata_total);
  g_test_add_func ("/bundle/hostile/json-types", test_hostile_json_types);
  g_test_add_func ("/bundle/hostile/duplicate-normalization", test_hostile_duplicate_normalization);
  g_test_add_func ("/bundle/import", test_import);
  g_test_add_func ("/bundle/import-same-case", test_import_same_case);
  g_test_add_func ("/bundle/last-bundle-check", test_last_bundle_check);
  g_test_add_func ("/bundle/import-cancel-late", test_import_cancel_late);

  status = g_test_run ();

  delete_tree (fixture.dir);
  g_free (fixture.dir);
  g_free (fixture.case_dir);
  g_free (fixture.bundle);
  g_clear_object (&fixture.kase);

  return status;
}

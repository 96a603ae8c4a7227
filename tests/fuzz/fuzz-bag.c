/* fuzz-bag.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bag's own files through the reader. A raw ZIP hides them behind
 * CRCs the fuzzer rarely gets right, so this target builds a valid ZIP
 * around the input instead. The input is split at NUL bytes into:
 *
 *   0 bag-info.txt            3 data/case.json
 *   1 manifest-sha256.txt     4 data/fhir-bundle.json
 *   2 tagmanifest-sha256.txt  5 data/documents/01-document.pdf
 *
 * A manifest or bag-info.txt given empty is written correctly for the
 * rest, so the fuzzer also reaches the checks that come after them. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include "carta-bundle-reader.h"
#include "carta-fuzz.h"
#include "carta-sha256.h"

enum { BAG_INFO, MANIFEST, TAGMANIFEST, CASE_JSON, FHIR, DOCUMENT, N_PARTS };

static const char * const part_names[N_PARTS] = {
  "bag-info.txt",
  "manifest-sha256.txt",
  "tagmanifest-sha256.txt",
  "data/case.json",
  "data/fhir-bundle.json",
  "data/documents/01-document.pdf",
};

static const char bagit[] = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

static void
add_entry (struct archive *archive,
           const char     *name,
           const char     *data,
           gsize           length)
{
  g_autofree char *path = g_strconcat ("bag/", name, NULL);
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t)length);
  if (archive_write_header (archive, entry) != ARCHIVE_OK ||
      archive_write_data (archive, data, length) != (la_ssize_t)length)
    g_error ("Cannot write the bag: %s", archive_error_string (archive));
  archive_entry_free (entry);
}

static void
append_line (GString    *manifest,
             GBytes     *part,
             const char *name)
{
  gsize length;
  const char *data = g_bytes_get_data (part, &length);
  g_autofree char *hex = carta_sha256_data (data, length);

  g_string_append_printf (manifest, "%s  %s\n", hex, name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GBytes *parts[N_PARTS] = { NULL, };
  g_autofree char *path = g_build_filename (carta_fuzz_scratch_dir (), "bag.zip", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(CartaBundleReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  struct archive *archive;
  const uint8_t *start = data;
  const uint8_t *end = data + size;
  guint64 payload_bytes = 0;
  guint payload_files = 0;

  for (guint i = 0; i < N_PARTS; i++)
    {
      const uint8_t *nul = i + 1 < N_PARTS && start < end ? memchr (start, '\0', (gsize)(end - start)) : NULL;
      const uint8_t *stop = nul != NULL ? nul : end;

      parts[i] = g_bytes_new (start, (gsize)(stop - start));
      start = nul != NULL ? nul + 1 : end;
    }

  for (guint i = CASE_JSON; i < N_PARTS; i++)
    {
      payload_bytes += g_bytes_get_size (parts[i]);
      payload_files++;
    }

  if (g_bytes_get_size (parts[MANIFEST]) == 0)
    {
      GString *manifest = g_string_new (NULL);

      for (guint i = CASE_JSON; i < N_PARTS; i++)
        append_line (manifest, parts[i], part_names[i]);
      g_bytes_unref (parts[MANIFEST]);
      parts[MANIFEST] = g_string_free_to_bytes (manifest);
    }

  if (g_bytes_get_size (parts[BAG_INFO]) == 0)
    {
      g_autofree char *text = g_strdup_printf ("Source-Organization: Carta\n"
                                               "Bagging-Date: 2026-01-01\n"
                                               "Payload-Oxum: %" G_GUINT64_FORMAT ".%u\n",
                                               payload_bytes, payload_files);

      g_bytes_unref (parts[BAG_INFO]);
      parts[BAG_INFO] = g_bytes_new (text, strlen (text));
    }

  if (g_bytes_get_size (parts[TAGMANIFEST]) == 0)
    {
      g_autoptr(GBytes) bagit_bytes = g_bytes_new_static (bagit, strlen (bagit));
      GString *manifest = g_string_new (NULL);

      append_line (manifest, bagit_bytes, "bagit.txt");
      append_line (manifest, parts[BAG_INFO], part_names[BAG_INFO]);
      append_line (manifest, parts[MANIFEST], part_names[MANIFEST]);
      g_bytes_unref (parts[TAGMANIFEST]);
      parts[TAGMANIFEST] = g_string_free_to_bytes (manifest);
    }

  archive = archive_write_new ();
  archive_write_set_format_zip (archive);
  archive_write_set_options (archive, "zip:compression=store");
  if (archive_write_open_filename (archive, path) != ARCHIVE_OK)
    g_error ("Cannot write the bag: %s", archive_error_string (archive));
  add_entry (archive, "bagit.txt", bagit, strlen (bagit));
  for (guint i = 0; i < N_PARTS; i++)
    add_entry (archive, part_names[i], g_bytes_get_data (parts[i], NULL), g_bytes_get_size (parts[i]));
  archive_write_close (archive);
  archive_write_free (archive);

  file = g_file_new_for_path (path);
  reader = carta_bundle_reader_new (file);
  if (!carta_bundle_reader_verify (reader, FALSE, NULL, &error))
    g_assert (error != NULL && error->message != NULL);
  else
    /* Without a case there is nothing to import: never valid. */
    g_assert (g_bytes_get_size (parts[CASE_JSON]) > 0);
  (void)carta_bundle_reader_get_bag_info (reader, "Source-Organization");

  for (guint i = 0; i < N_PARTS; i++)
    g_bytes_unref (parts[i]);
  return 0;
}

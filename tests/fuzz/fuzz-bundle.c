/* fuzz-bundle.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bundle reader on raw bytes: the input is written to a file and
 * checked by the same full scan `carta-bundle verify` runs (ZIP, bag,
 * manifests, case.json, FHIR). */

#include "config.h"

#include "carta-bundle-reader.h"
#include "carta-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = carta_fuzz_write ("bundle.zip", data, size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CartaBundleReader) reader = carta_bundle_reader_new (file);
  g_autoptr(GError) error = NULL;

  if (!carta_bundle_reader_verify (reader, FALSE, NULL, &error))
    g_assert (error != NULL && error->message != NULL);
  /* What verify prints next. */
  (void)carta_bundle_reader_get_problems (reader);
  (void)carta_bundle_reader_get_bag_name (reader);
  (void)carta_bundle_reader_get_n_documents (reader);
  return 0;
}

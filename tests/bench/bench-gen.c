/* bench-gen.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Generates a reproducible large case for the export benchmark: per unit
 * of scale, a CT disc of 600 uncompressed 512×512 slices, 60 phone photos
 * of paper records and 30 scanned PDFs — about 1 GB. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "carta-demo-private.h"
#include "carta-dicom-summary.h"
#include "carta-import-private.h"
#include "carta-store-private.h"

static void
add_disc (CartaChecklistItem *item,
          const char         *case_dir,
          guint               unit,
          guint               n_slices)
{
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", unit);
  g_autofree char *relative = g_build_filename (CARTA_DISCS_DIR, id, NULL);
  g_autofree char *disc = g_build_filename (case_dir, relative, NULL);
  g_autofree char *manifest_path = g_strconcat (disc, CARTA_DISC_MANIFEST_SUFFIX, NULL);
  g_autofree char *study_uid = g_strdup_printf ("1.2.826.0.1.3680043.10.1234.%u", 2000 + unit);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(CartaAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  guint64 total = 0;

  for (guint i = 1; i <= n_slices; i++)
    {
      g_autoptr(GBytes) slice = _carta_demo_make_dicom (512, 512, unit * 100000 + i, "CT", study_uid,
                                                        "20260224", "CT chest abdomen pelvis", i);
      g_autofree char *name = g_strdup_printf ("DICOM/S%07u/IM%06u", unit, i);
      g_autofree char *path = g_build_filename (disc, name, NULL);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, slice);
      gsize length;
      const char *data = g_bytes_get_data (slice, &length);

      g_mkdir_with_parents (dir, 0700);
      if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, &error))
        g_error ("%s", error->message);
      g_string_append_printf (manifest, "%s  %s\n", hash, name);
      total += length;
    }

  if (!g_file_set_contents_full (manifest_path, manifest->str, manifest->len, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);

  attachment = g_object_new (CARTA_TYPE_ATTACHMENT,
                             "id", id,
                             "kind", CARTA_ATTACHMENT_KIND_IMAGING,
                             "original-name", "CT disc",
                             "stored-path", relative,
                             "size", total,
                             "sha256", g_compute_checksum_for_string (G_CHECKSUM_SHA256, manifest->str, manifest->len),
                             "content-type", "application/dicom",
                             NULL);
  carta_checklist_item_add_attachment (item, attachment);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *case_file = NULL;
  const char *dir;
  guint scale;
  gsize length;

  if (argc != 3)
    {
      g_printerr ("Usage: bench-gen DIR SCALE\n");
      return 2;
    }

  dir = argv[1];
  scale = MAX (1, atoi (argv[2]));
  g_mkdir_with_parents (dir, 0700);

  kase = carta_case_new ("Benchmark");
  carta_patient_set_name (carta_case_get_patient (kase), "Bench Mark");

  for (guint unit = 0; unit < scale; unit++)
    {
      g_autofree char *photos_title = g_strdup_printf ("Photos of letters %u", unit + 1);
      g_autofree char *scans_title = g_strdup_printf ("Scanned reports %u", unit + 1);
      g_autofree char *ct_title = g_strdup_printf ("CT %u", unit + 1);
      g_autoptr(CartaChecklistItem) ct = carta_checklist_item_new_custom (ct_title, "Imaging");
      g_autoptr(CartaChecklistItem) photos = carta_checklist_item_new_custom (photos_title, "Letters");
      g_autoptr(CartaChecklistItem) scans = carta_checklist_item_new_custom (scans_title, "Reports");

      carta_case_add_item (kase, ct);
      carta_case_add_item (kase, photos);
      carta_case_add_item (kase, scans);

      add_disc (ct, dir, unit, 600);

      for (guint i = 0; i < 60; i++)
        {
          /* 12 megapixels, as a phone takes them */
          g_autoptr(GBytes) jpeg = _carta_demo_make_jpeg (4000, 3000, unit * 1000 + i + 1, 95, NULL);
          g_autofree char *name = g_strdup_printf ("IMG_2026%04u_%04u.jpg", unit, i);

          if (!_carta_demo_add_file (photos, dir, jpeg, name, "image/jpeg", &error))
            g_error ("%s", error->message);
        }

      for (guint i = 0; i < 30; i++)
        {
          g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
          g_autoptr(GBytes) pdf = NULL;
          g_autofree char *name = g_strdup_printf ("scan %u-%02u.pdf", unit, i);

          /* Six scanned pages at 300 dpi, each its own JPEG. */
          for (guint page = 0; page < 6; page++)
            g_ptr_array_add (pages, _carta_demo_make_jpeg (2480, 3508, unit * 10000 + 500 + i * 4 + page, 92, NULL));
          pdf = _carta_demo_make_pdf ("Scanned report", NULL, pages->len, pages);
          if (!_carta_demo_add_file (scans, dir, pdf, name, "application/pdf", &error))
            g_error ("%s", error->message);
        }
    }

  data = carta_case_to_data (kase, &length);
  case_file = g_build_filename (dir, "case.json", NULL);
  if (!_carta_write_file_atomic (case_file, data, length, FALSE, NULL, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

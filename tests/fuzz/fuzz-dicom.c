/* fuzz-dicom.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The DICOM summary of one file: the input is the only file of a disc
 * folder, read by carta_dicom_scan() (DCMTK through carta-dicom-reader.cc)
 * and summarised as the checklist stores it. */

#include "config.h"

#include <glib/gstdio.h>

#include "carta-dicom-summary.h"
#include "carta-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = g_build_filename (carta_fuzz_scratch_dir (), "disc", NULL);
  g_autofree char *path = NULL;
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir (dir, 0700);
  path = carta_fuzz_write ("disc/IM000001", data, size);

  if (!(summary = carta_dicom_scan (dir, NULL, &error)))
    g_assert (error != NULL && error->message != NULL);
  else
    {
      g_autoptr(JsonNode) node = carta_dicom_summary_to_json (summary);
      g_autoptr(CartaDicomSummary) again = carta_dicom_summary_new_from_json (node, NULL);

      g_assert (again != NULL);
      g_free (carta_dicom_summary_to_data (summary, NULL));
      (void)carta_dicom_summary_get_n_images (summary);
      for (guint i = 0; i < summary->studies->len; i++)
        {
          CartaDicomStudy *study = g_ptr_array_index (summary->studies, i);

          g_free (carta_dicom_format_person_name (study->patient_name));
        }
    }

  g_unlink (path);
  return 0;
}

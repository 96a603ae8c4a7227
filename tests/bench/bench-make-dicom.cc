/* bench-make-dicom.cc
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a disc-like folder of CT images with DCMTK, for the benchmark. */

#include "config.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <vector>

#include "bench-make-dicom.h"

gboolean
bench_make_dicom_folder (const char *dir,
                         guint       n_files,
                         guint       n_studies,
                         guint       size)
{
  std::vector<Uint16> pixels ((gsize)size * size);
  char uid[100];
  char study_uid[100] = "";
  char series_uid[100] = "";
  char number[16];

  for (gsize i = 0; i < pixels.size (); i++)
    pixels[i] = (Uint16)((i * 7919) & 0x0fff);

  for (guint i = 0; i < n_files; i++)
    {
      guint study = i * n_studies / n_files;
      guint series = i * n_studies * 4 / n_files;
      g_autofree char *sub = g_strdup_printf ("%s/DICOM/ST%u/SE%u", dir, study, series);
      g_autofree char *path = g_strdup_printf ("%s/IM%05u", sub, i);
      DcmFileFormat file;
      DcmDataset *ds = file.getDataset ();

      if (i == 0 || i * n_studies / n_files != (i - 1) * n_studies / n_files)
        dcmGenerateUniqueIdentifier (study_uid, SITE_STUDY_UID_ROOT);
      if (i == 0 || i * n_studies * 4 / n_files != (i - 1) * n_studies * 4 / n_files)
        dcmGenerateUniqueIdentifier (series_uid, SITE_SERIES_UID_ROOT);

      g_mkdir_with_parents (sub, 0700);
      ds->putAndInsertString (DCM_SpecificCharacterSet, "GB18030");
      ds->putAndInsertString (DCM_SOPClassUID, UID_CTImageStorage);
      ds->putAndInsertString (DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier (uid, SITE_INSTANCE_UID_ROOT));
      ds->putAndInsertString (DCM_StudyDate, "20240105");
      ds->putAndInsertString (DCM_StudyTime, "101500");
      ds->putAndInsertString (DCM_Modality, "CT");
      ds->putAndInsertString (DCM_Manufacturer, "BENCH");
      ds->putAndInsertString (DCM_StudyDescription, "CHEST CT");
      ds->putAndInsertString (DCM_SeriesDescription, "AXIAL 1.25MM");
      ds->putAndInsertString (DCM_PatientName, "Zhang^San");
      ds->putAndInsertString (DCM_PatientID, "CN-4711");
      ds->putAndInsertString (DCM_PatientBirthDate, "19800214");
      ds->putAndInsertString (DCM_BodyPartExamined, "CHEST");
      ds->putAndInsertString (DCM_SliceThickness, "1.25");
      ds->putAndInsertString (DCM_KVP, "120");
      ds->putAndInsertString (DCM_StudyInstanceUID, study_uid);
      ds->putAndInsertString (DCM_SeriesInstanceUID, series_uid);
      ds->putAndInsertString (DCM_StudyID, "1");
      g_snprintf (number, sizeof number, "%u", series + 1);
      ds->putAndInsertString (DCM_SeriesNumber, number);
      g_snprintf (number, sizeof number, "%u", i + 1);
      ds->putAndInsertString (DCM_InstanceNumber, number);
      ds->putAndInsertString (DCM_ImagePositionPatient, "-250\\-250\\-100");
      ds->putAndInsertString (DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
      ds->putAndInsertString (DCM_PixelSpacing, "0.7\\0.7");
      ds->putAndInsertString (DCM_RescaleIntercept, "-1024");
      ds->putAndInsertString (DCM_RescaleSlope, "1");
      ds->putAndInsertString (DCM_WindowCenter, "40");
      ds->putAndInsertString (DCM_WindowWidth, "400");
      ds->putAndInsertUint16 (DCM_SamplesPerPixel, 1);
      ds->putAndInsertString (DCM_PhotometricInterpretation, "MONOCHROME2");
      ds->putAndInsertUint16 (DCM_Rows, size);
      ds->putAndInsertUint16 (DCM_Columns, size);
      ds->putAndInsertUint16 (DCM_BitsAllocated, 16);
      ds->putAndInsertUint16 (DCM_BitsStored, 12);
      ds->putAndInsertUint16 (DCM_HighBit, 11);
      ds->putAndInsertUint16 (DCM_PixelRepresentation, 0);
      ds->putAndInsertUint16Array (DCM_PixelData, pixels.data (), pixels.size ());

      if (file.saveFile (path, EXS_LittleEndianExplicit).bad ())
        return FALSE;
    }

  return TRUE;
}

/* carta-dicom-reader.cc
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-dicom-reader"

#include "config.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcspchrs.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/oflog/oflog.h>

#include "carta-dicom-reader.h"

void
_carta_dicom_record_clear (CartaDicomRecord *record)
{
  g_clear_pointer (&record->sop_instance_uid, g_free);
  g_clear_pointer (&record->study_uid, g_free);
  g_clear_pointer (&record->study_date, g_free);
  g_clear_pointer (&record->study_description, g_free);
  g_clear_pointer (&record->series_uid, g_free);
  g_clear_pointer (&record->series_number, g_free);
  g_clear_pointer (&record->series_description, g_free);
  g_clear_pointer (&record->modality, g_free);
  g_clear_pointer (&record->body_part, g_free);
  g_clear_pointer (&record->patient_name, g_free);
  g_clear_pointer (&record->patient_id, g_free);
  g_clear_pointer (&record->patient_birth_date, g_free);
  g_clear_pointer (&record->patient_sex, g_free);
  record->is_dicomdir = FALSE;
}

static void
quiet_dcmtk (void)
{
  static gsize done = 0;

  /* DCMTK logs every oddity of a file to stderr; problems are reported
   * to the family through the summary instead. */
  if (g_once_init_enter (&done))
    {
      OFLog::configure (OFLogger::FATAL_LOG_LEVEL);
      g_once_init_leave (&done, 1);
    }
}

/* Returns the value as UTF-8, converted from the file's character set
 * when it declares one, or NULL when the element is absent or empty. */
static char *
get_text (DcmDataset              *dataset,
          const DcmTagKey         &key,
          DcmSpecificCharacterSet *converter,
          const char              *delimiters)
{
  OFString value;
  OFString converted;
  const char *text;

  if (dataset->findAndGetOFStringArray (key, value).bad () || value.empty ())
    return NULL;

  text = value.c_str ();
  if (converter != NULL && converter->convertString (value, converted, delimiters).good ())
    text = converted.c_str ();

  /* A file may hold bytes its character set does not allow. */
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);

  return g_strdup (text);
}

gboolean
_carta_dicom_read_header (const char        *path,
                          CartaDicomRecord  *record,
                          char             **message)
{
  DcmFileFormat file;
  DcmDataset *dataset;
  DcmSpecificCharacterSet converter;
  DcmSpecificCharacterSet *use_converter = NULL;
  OFString charset;
  OFString media_class;
  OFCondition status;

  quiet_dcmtk ();

  /* Stop before the pixel data: the header is all a summary needs, and
   * the images are most of a disc's bytes. */
  status = file.loadFileUntilTag (path, EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                  ERM_autoDetect, DCM_PixelData);
  if (status.bad ())
    {
      *message = g_strdup (status.text ());
      return FALSE;
    }

  dataset = file.getDataset ();

  if (file.getMetaInfo ()->findAndGetOFString (DCM_MediaStorageSOPClassUID, media_class).good () &&
      media_class == UID_MediaStorageDirectoryStorage)
    {
      record->is_dicomdir = TRUE;
      return TRUE;
    }

  if (dataset->findAndGetOFStringArray (DCM_SpecificCharacterSet, charset).good () &&
      !charset.empty () && charset != "ISO_IR 6" && charset != "ISO_IR 192" &&
      DcmSpecificCharacterSet::isConversionAvailable () &&
      converter.selectCharacterSet (charset).good ())
    use_converter = &converter;

  record->sop_instance_uid = get_text (dataset, DCM_SOPInstanceUID, NULL, NULL);
  record->study_uid = get_text (dataset, DCM_StudyInstanceUID, NULL, NULL);

  if (record->study_uid == NULL)
    {
      *message = g_strdup ("no study in it");
      return FALSE;
    }

  record->study_date = get_text (dataset, DCM_StudyDate, NULL, NULL);
  record->study_description = get_text (dataset, DCM_StudyDescription, use_converter, "\\");
  record->series_uid = get_text (dataset, DCM_SeriesInstanceUID, NULL, NULL);
  record->series_number = get_text (dataset, DCM_SeriesNumber, NULL, NULL);
  record->series_description = get_text (dataset, DCM_SeriesDescription, use_converter, "\\");
  record->modality = get_text (dataset, DCM_Modality, NULL, NULL);
  record->body_part = get_text (dataset, DCM_BodyPartExamined, NULL, NULL);
  /* The delimiters keep ISO 2022 code extensions apart per component. */
  record->patient_name = get_text (dataset, DCM_PatientName, use_converter, "\\^=");
  record->patient_id = get_text (dataset, DCM_PatientID, use_converter, "\\");
  record->patient_birth_date = get_text (dataset, DCM_PatientBirthDate, NULL, NULL);
  record->patient_sex = get_text (dataset, DCM_PatientSex, NULL, NULL);

  return TRUE;
}

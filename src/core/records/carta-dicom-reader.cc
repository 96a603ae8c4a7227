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
#include <dcmtk/dcmdata/dcistrmf.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcspchrs.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/oflog/oflog.h>

#include <string.h>

#include "carta-dicom-reader.h"

/* Real files nest sequences a few levels deep (a structured report a few
 * dozen); DCMTK reads them by recursion, and a file nested a hundred
 * thousand deep overflows the stack. */
#define MAX_NESTING 128
#define UNDEFINED_LENGTH 0xFFFFFFFFu

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

static guint16
get16 (const guint8 *p,
       bool          big)
{
  return big ? (p[0] << 8) | p[1] : p[0] | (p[1] << 8);
}

static guint32
get32 (const guint8 *p,
       bool          big)
{
  return big ? ((guint32)get16 (p, big) << 16) | get16 (p + 2, big) : get16 (p, big) | ((guint32)get16 (p + 2, big) << 16);
}

static bool
has_long_length (const guint8 *vr)
{
  static const char long_vrs[][3] = { "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" };

  for (gsize i = 0; i < G_N_ELEMENTS (long_vrs); i++)
    if (memcmp (vr, long_vrs[i], 2) == 0)
      return true;
  return false;
}

/* Whether the data set of @path nests sequences and items deeper than
 * DCMTK can safely read. DCMTK has no limit of its own, so this walks
 * the elements' tags and lengths (through DCMTK's own stream, which also
 * inflates a deflated data set) without reading any value, up to the
 * pixel data. Anything it cannot follow is left for DCMTK to judge. */
static bool
nested_too_deeply (const char *path)
{
  DcmInputFileStream in (path);
  guint8 head[132];
  guint8 b[12];
  offile_off_t ends[MAX_NESTING];   /* where each open level ends, or -1 */
  bool explicit_vr = true;
  bool big = false;
  int depth = 0;

  if (in.status ().bad ())
    return false;

  in.mark ();
  if (in.read (head, sizeof head) == sizeof head && memcmp (head + 128, "DICM", 4) == 0)
    {
      /* The meta header is always explicit little endian: it says how
       * the data set is written. */
      for (;;)
        {
          guint32 len;

          in.mark ();
          if (in.read (b, 8) != 8)
            return false;
          if (get16 (b, false) != 0x0002)
            {
              in.putback ();
              break;
            }
          len = has_long_length (b + 4) ? (in.read (b + 8, 4) == 4 ? get32 (b + 8, false) : 0) : get16 (b + 6, false);
          if (get16 (b + 2, false) == 0x0010 && len < 64)
            {
              char syntax[65] = { 0, };

              if ((guint32)in.read (syntax, len) != len)
                return false;
              g_strchomp (syntax);
              if (g_str_equal (syntax, UID_LittleEndianImplicitTransferSyntax))
                explicit_vr = false;
              else if (g_str_equal (syntax, UID_BigEndianExplicitTransferSyntax))
                big = true;
              else if (g_str_equal (syntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax))
                {
                  /* The rest is one zlib stream. */
                  if (in.installCompressionFilter (ESC_zlib).bad ())
                    return false;
                }
            }
          else if (len == UNDEFINED_LENGTH || in.skip (len) != (offile_off_t)len)
            return false;
        }
    }
  else
    {
      /* A bare data set: explicit when a VR follows the first tag. */
      in.putback ();
      in.mark ();
      if (in.read (b, 6) != 6)
        return false;
      explicit_vr = g_ascii_isupper (b[4]) && g_ascii_isupper (b[5]);
      in.putback ();
    }

  for (;;)
    {
      guint16 group, element;
      guint32 len;
      bool sequence;

      while (depth > 0 && ends[depth - 1] >= 0 && in.tell () >= ends[depth - 1])
        depth--;

      if (in.read (b, 8) != 8)
        return false;
      group = get16 (b, big);
      element = get16 (b + 2, big);

      if (group == 0xFFFE)
        {
          len = get32 (b + 4, big);
          if (element == 0xE000)
            {
              if (depth == MAX_NESTING)
                return true;
              ends[depth++] = len == UNDEFINED_LENGTH ? -1 : in.tell () + len;
            }
          else if (depth > 0)
            depth--;
          continue;
        }

      if (depth == 0 && group == 0x7FE0 && element == 0x0010)
        return false;

      if (explicit_vr && has_long_length (b + 4))
        {
          if (in.read (b + 8, 4) != 4)
            return false;
          len = get32 (b + 8, big);
        }
      else
        len = explicit_vr ? get16 (b + 6, big) : get32 (b + 4, big);

      if (explicit_vr)
        sequence = memcmp (b + 4, "SQ", 2) == 0 ||
                   (memcmp (b + 4, "UN", 2) == 0 && len == UNDEFINED_LENGTH);
      else
        sequence = len == UNDEFINED_LENGTH || DcmTag (group, element).getEVR () == EVR_SQ;

      if (sequence)
        {
          if (depth == MAX_NESTING)
            return true;
          ends[depth++] = len == UNDEFINED_LENGTH ? -1 : in.tell () + len;
          continue;
        }

      /* Encapsulated pixel data, or a length past the end: DCMTK says. */
      if (len == UNDEFINED_LENGTH || in.skip (len) != (offile_off_t)len)
        return false;
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

  if (nested_too_deeply (path))
    {
      *message = g_strdup ("sequences nested too deeply");
      return FALSE;
    }

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

/* carta-dicom-summary.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * CartaDicomSeries:
 * @uid: the SeriesInstanceUID
 * @number: (nullable): the SeriesNumber as written
 * @modality: (nullable): the Modality (CT, MR, PT…)
 * @description: (nullable): the SeriesDescription, in UTF-8
 * @body_part: (nullable): the BodyPartExamined
 * @n_images: how many instances (distinct SOPInstanceUIDs) the series holds
 *
 * One series of a study, as read from the files' headers.
 */
typedef struct
{
  char  *uid;
  char  *number;
  char  *modality;
  char  *description;
  char  *body_part;
  guint  n_images;
} CartaDicomSeries;

/**
 * CartaDicomStudy:
 * @uid: the StudyInstanceUID
 * @date: (nullable): the StudyDate as `YYYY-MM-DD` (or as written when it
 *   is not a valid date)
 * @description: (nullable): the StudyDescription, in UTF-8
 * @modalities: the distinct modalities of its series, sorted
 * @body_parts: the distinct body parts of its series, sorted
 * @patient_name: (nullable): the PatientName in UTF-8, as DICOM writes it
 *   (`FAMILY^GIVEN`, with `=` between alphabetic, ideographic and phonetic
 *   forms)
 * @patient_id: (nullable): the PatientID
 * @patient_birth_date: (nullable): the PatientBirthDate as `YYYY-MM-DD`
 * @patient_sex: (nullable): the PatientSex as written (`F`, `M`, `O`)
 * @series: (element-type CartaDicomSeries): its series, by series number
 * @n_images: the sum of the series' @n_images
 *
 * One study (one examination) found on a disc.
 */
typedef struct
{
  char       *uid;
  char       *date;
  char       *description;
  GStrv       modalities;
  GStrv       body_parts;
  char       *patient_name;
  char       *patient_id;
  char       *patient_birth_date;
  char       *patient_sex;
  GPtrArray  *series;
  guint       n_images;
} CartaDicomStudy;

/**
 * CartaDicomProblem:
 * @path: the file, relative to the scanned folder
 * @message: why it was not read
 *
 * A file of the folder that is not readable DICOM. Listed, never fatal.
 */
typedef struct
{
  char *path;
  char *message;
} CartaDicomProblem;

/**
 * CartaDicomSummary:
 * @studies: (element-type CartaDicomStudy): the studies, by date
 * @problems: (element-type CartaDicomProblem): the files that could not be
 *   read as DICOM, by path
 * @n_files: how many regular files the folder holds
 * @n_dicom_files: how many of them were read as DICOM (DICOMDIR included)
 *
 * What a folder of DICOM files (an imaging disc) holds. Reference counted.
 */
typedef struct
{
  GPtrArray *studies;
  GPtrArray *problems;
  guint      n_files;
  guint      n_dicom_files;
} CartaDicomSummary;

#define CARTA_TYPE_DICOM_SUMMARY (carta_dicom_summary_get_type ())

GType              carta_dicom_summary_get_type           (void) G_GNUC_CONST;
CartaDicomSummary *carta_dicom_summary_ref                (CartaDicomSummary  *self);
void               carta_dicom_summary_unref              (CartaDicomSummary  *self);
CartaDicomSummary *carta_dicom_scan                       (const char         *dir,
                                                           GCancellable       *cancellable,
                                                           GError            **error);
gboolean           carta_dicom_folder_has_dicom           (const char         *dir,
                                                           GCancellable       *cancellable);
JsonNode          *carta_dicom_summary_to_json            (CartaDicomSummary  *self);
CartaDicomSummary *carta_dicom_summary_new_from_json      (JsonNode           *node,
                                                           GError            **error);
char              *carta_dicom_summary_to_data            (CartaDicomSummary  *self,
                                                           gsize              *length);
guint              carta_dicom_summary_get_n_images       (CartaDicomSummary  *self);
char              *carta_dicom_format_person_name         (const char         *dicom_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CartaDicomSummary, carta_dicom_summary_unref)

G_END_DECLS

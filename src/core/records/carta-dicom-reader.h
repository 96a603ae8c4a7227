/* carta-dicom-reader.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* A small C face on DCMTK (carta-dicom-reader.cc). Private to the core;
 * the public API is carta-dicom-summary.h. */

#include <glib.h>

G_BEGIN_DECLS

/* The header fields of one file, in UTF-8 (NULL when absent). */
typedef struct
{
  char     *sop_instance_uid;
  char     *study_uid;
  char     *study_date;
  char     *study_description;
  char     *series_uid;
  char     *series_number;
  char     *series_description;
  char     *modality;
  char     *body_part;
  char     *patient_name;
  char     *patient_id;
  char     *patient_birth_date;
  char     *patient_sex;
  gboolean  is_dicomdir;
} CartaDicomRecord;

void     _carta_dicom_record_clear (CartaDicomRecord  *record);

/* Reads @path up to, not including, its pixel data. Returns FALSE with a
 * message when it is not readable DICOM. Safe to call from any thread. */
gboolean _carta_dicom_read_header  (const char        *path,
                                    CartaDicomRecord  *record,
                                    char             **message);

G_END_DECLS

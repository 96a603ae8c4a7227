/* carta-identity.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "carta-attachment.h"
#include "carta-dicom-summary.h"
#include "carta-patient.h"

G_BEGIN_DECLS

/**
 * CartaIdentityStatus:
 * @CARTA_IDENTITY_MATCHES: the disc names the case's patient and nothing
 *   on it says otherwise
 * @CARTA_IDENTITY_UNCHECKED: the disc could not be compared with the case
 *   (no name on one side, a name too long to be one, or no script in
 *   common)
 * @CARTA_IDENTITY_DIFFERS: the name, birth date or sex on the disc is not
 *   the case's: it may be another patient's disc
 * @CARTA_IDENTITY_CONFIRMED: the family confirmed that the disc is the
 *   patient's
 *
 * Whether an imaging disc is the case's patient's. Ordered from the least
 * to the most worrying, but for @CARTA_IDENTITY_CONFIRMED.
 */
typedef enum
{
  CARTA_IDENTITY_MATCHES,
  CARTA_IDENTITY_UNCHECKED,
  CARTA_IDENTITY_DIFFERS,
  CARTA_IDENTITY_CONFIRMED,
} CartaIdentityStatus;

/**
 * CartaIdentityIssues:
 * @CARTA_IDENTITY_ISSUE_NONE: nothing to report
 * @CARTA_IDENTITY_ISSUE_NAME: no form of the disc's name is a spelling of
 *   the patient's
 * @CARTA_IDENTITY_ISSUE_OTHER_SCRIPT: the disc's name is written only in
 *   scripts the case has no spelling in
 * @CARTA_IDENTITY_ISSUE_NO_DISC_NAME: the disc gives no patient name
 * @CARTA_IDENTITY_ISSUE_NO_CASE_NAME: the case has no patient name yet
 * @CARTA_IDENTITY_ISSUE_BIRTH_DATE: the birth dates differ
 * @CARTA_IDENTITY_ISSUE_SEX: the sexes differ
 * @CARTA_IDENTITY_ISSUE_DISC_NAME_TOO_LONG: the disc's name is too long
 *   to be a person's and was not compared
 * @CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG: no spelling matched, and one
 *   of the case's was too long to be a name, or there were too many
 */
typedef enum
{
  CARTA_IDENTITY_ISSUE_NONE         = 0,
  CARTA_IDENTITY_ISSUE_NAME         = 1 << 0,
  CARTA_IDENTITY_ISSUE_OTHER_SCRIPT = 1 << 1,
  CARTA_IDENTITY_ISSUE_NO_DISC_NAME = 1 << 2,
  CARTA_IDENTITY_ISSUE_NO_CASE_NAME = 1 << 3,
  CARTA_IDENTITY_ISSUE_BIRTH_DATE   = 1 << 4,
  CARTA_IDENTITY_ISSUE_SEX          = 1 << 5,
  CARTA_IDENTITY_ISSUE_DISC_NAME_TOO_LONG = 1 << 6,
  CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG = 1 << 7,
} CartaIdentityIssues;

/**
 * CartaIdentityCheck:
 * @status: the verdict
 * @issues: what led to it
 * @disc_name: (nullable): the disc's patient name, formatted for reading
 * @disc_birth_date: (nullable): the disc's birth date, `YYYY-MM-DD`
 * @disc_sex: the disc's sex, `F` or `M`, or 0 when it gives neither
 *
 * What comparing a disc with the case found.
 */
typedef struct
{
  CartaIdentityStatus  status;
  CartaIdentityIssues  issues;
  char                *disc_name;
  char                *disc_birth_date;
  char                 disc_sex;
} CartaIdentityCheck;

/**
 * CartaIdentityTranslate:
 * @msgid: an English message
 * @user_data: the closure
 *
 * Returns: (transfer none): @msgid in the wanted language
 */
typedef const char *(*CartaIdentityTranslate) (const char *msgid,
                                               gpointer    user_data);

CartaIdentityStatus carta_identity_compare_names     (const char          *dicom_name,
                                                      const char * const  *spellings);
GStrv               carta_identity_patient_spellings (CartaPatient        *patient);
CartaIdentityCheck *carta_identity_check_person      (const char          *dicom_name,
                                                      const char          *dicom_birth_date,
                                                      const char          *dicom_sex,
                                                      const char * const  *spellings,
                                                      const char          *birth_date,
                                                      const char          *sex);
CartaIdentityCheck *carta_identity_check_disc        (CartaDicomSummary   *summary,
                                                      CartaPatient        *patient);
CartaIdentityCheck *carta_identity_check_attachment  (CartaAttachment     *attachment,
                                                      CartaPatient        *patient);
gboolean            carta_identity_check_needs_attention (const CartaIdentityCheck *check);
const char         *carta_identity_check_get_title   (const CartaIdentityCheck *check,
                                                      CartaIdentityTranslate    translate,
                                                      gpointer                  user_data);
char               *carta_identity_check_describe    (const CartaIdentityCheck *check,
                                                      CartaIdentityTranslate    translate,
                                                      gpointer                  user_data);
void                carta_identity_check_free        (CartaIdentityCheck  *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CartaIdentityCheck, carta_identity_check_free)

G_END_DECLS

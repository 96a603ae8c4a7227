/* carta-case.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "carta-checklist-item.h"
#include "carta-clinical-status.h"
#include "carta-contact.h"
#include "carta-diagnosis.h"
#include "carta-patient.h"
#include "carta-send-record.h"
#include "carta-treatment-history.h"

G_BEGIN_DECLS

/* The schema this build writes; it reads this one and every older one. */
#define CARTA_CASE_SCHEMA         "carta-case/3"
#define CARTA_CASE_SCHEMA_PREFIX  "carta-case/"
#define CARTA_CASE_SCHEMA_VERSION 3

#define CARTA_TYPE_CASE (carta_case_get_type ())

G_DECLARE_FINAL_TYPE (CartaCase, carta_case, CARTA, CASE, GObject)

CartaCase          *carta_case_new            (const char          *title);
CartaCase          *carta_case_new_from_json  (JsonNode            *root,
                                               GError             **error);
JsonNode           *carta_case_to_json        (CartaCase           *self);
char               *carta_case_to_data        (CartaCase           *self,
                                               gsize               *length);
const char         *carta_case_get_id         (CartaCase           *self);
const char         *carta_case_get_title      (CartaCase           *self);
void                carta_case_set_title      (CartaCase           *self,
                                               const char          *title);
GDateTime          *carta_case_get_created    (CartaCase           *self);
GDateTime          *carta_case_get_modified   (CartaCase           *self);
CartaPatient       *carta_case_get_patient    (CartaCase           *self);
GListModel         *carta_case_get_items      (CartaCase           *self);
void                carta_case_add_item       (CartaCase           *self,
                                               CartaChecklistItem  *item);
void                carta_case_insert_item    (CartaCase           *self,
                                               guint                position,
                                               CartaChecklistItem  *item);
gboolean            carta_case_remove_item    (CartaCase           *self,
                                               CartaChecklistItem  *item,
                                               guint               *position);
CartaChecklistItem *carta_case_find_item      (CartaCase           *self,
                                               const char          *id);
guint               carta_case_count_attachments (CartaCase        *self);
GListModel         *carta_case_get_sends      (CartaCase           *self);
void                carta_case_add_send       (CartaCase           *self,
                                               CartaSendRecord     *record);

GListModel            *carta_case_get_contacts        (CartaCase    *self);
void                   carta_case_insert_contact      (CartaCase    *self,
                                                       guint         position,
                                                       CartaContact *contact);
void                   carta_case_add_contact         (CartaCase    *self,
                                                       CartaContact *contact);
gboolean               carta_case_remove_contact      (CartaCase    *self,
                                                       CartaContact *contact,
                                                       guint        *position);
CartaDiagnosis        *carta_case_get_diagnosis       (CartaCase    *self);
CartaTreatmentHistory *carta_case_get_treatment       (CartaCase    *self);
CartaClinicalStatus   *carta_case_get_clinical_status (CartaCase    *self);
const char            *carta_case_get_questions       (CartaCase    *self);
void                   carta_case_set_questions       (CartaCase    *self,
                                                       const char   *questions);
const char            *carta_case_get_questions_translation (CartaCase  *self,
                                                             const char *language);
void                   carta_case_set_questions_translation (CartaCase  *self,
                                                             const char *language,
                                                             const char *text);
GStrv                  carta_case_dup_questions_languages   (CartaCase  *self);
const char            *carta_case_get_summary_language (CartaCase   *self);
void                   carta_case_set_summary_language (CartaCase   *self,
                                                        const char  *language);

G_END_DECLS

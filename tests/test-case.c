/* test-case.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "carta-case.h"
#include "carta-error.h"
#include "carta-upload-result-private.h"

static CartaCase *
make_full_case (void)
{
  CartaCase *kase = carta_case_new ("Li Wei — CAR-T review");
  CartaPatient *patient = carta_case_get_patient (kase);
  g_autoptr(CartaChecklistItem) pathology = carta_checklist_item_new ("pathology-report", "diagnosis");
  g_autoptr(CartaChecklistItem) custom = carta_checklist_item_new_custom ("Letter from the ward nurse", "if-available");
  g_autoptr(CartaAttachment) scan = carta_attachment_new ();
  g_autoptr(CartaAttachment) photo = carta_attachment_new ();
  g_autoptr(GDateTime) added = g_date_time_new_utc (2026, 3, 14, 9, 26, 53);

  carta_patient_set_name (patient, "李伟 (Li Wei)");
  g_assert_true (carta_patient_set_date_of_birth (patient, "1968-02-29"));
  carta_patient_set_sex (patient, "male");
  carta_patient_set_country (patient, "CN");
  carta_patient_set_preferred_language (patient, "zh_CN");
  carta_patient_set_contact (patient, "+86 10 5555 0100");

  carta_checklist_item_set_status (pathology, CARTA_ITEM_STATUS_RECEIVED);
  carta_checklist_item_set_notes (pathology, "Original from Peking Union, second opinion pending.\nLine two.");
  g_assert_true (carta_checklist_item_set_document_date (pathology, "2025-11-03"));

  carta_attachment_set_original_name (scan, "病理报告.pdf");
  carta_attachment_set_stored_path (scan, "blobs/ab/abcdef0123");
  carta_attachment_set_size (scan, G_GUINT64_CONSTANT (5368709120));
  carta_attachment_set_sha256 (scan, "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  carta_attachment_set_content_type (scan, "application/pdf");
  carta_attachment_set_added (scan, added);
  carta_checklist_item_add_attachment (pathology, scan);

  carta_attachment_set_original_name (photo, "IMG_0001.HEIC");
  carta_attachment_set_stored_path (photo, "blobs/12/1234");
  carta_attachment_set_size (photo, 1);
  carta_attachment_set_sha256 (photo, "1234");
  carta_checklist_item_add_attachment (pathology, photo);

  carta_checklist_item_set_status (custom, CARTA_ITEM_STATUS_NOT_APPLICABLE);
  carta_case_set_summary_language (kase, "zh_CN");

  carta_case_add_item (kase, pathology);
  carta_case_add_item (kase, custom);

  return kase;
}

static void
assert_attachments_equal (CartaAttachment *a,
                          CartaAttachment *b)
{
  g_assert_cmpstr (carta_attachment_get_id (a), ==, carta_attachment_get_id (b));
  g_assert_cmpstr (carta_attachment_get_original_name (a), ==, carta_attachment_get_original_name (b));
  g_assert_cmpstr (carta_attachment_get_stored_path (a), ==, carta_attachment_get_stored_path (b));
  g_assert_cmpuint (carta_attachment_get_size (a), ==, carta_attachment_get_size (b));
  g_assert_cmpstr (carta_attachment_get_sha256 (a), ==, carta_attachment_get_sha256 (b));
  g_assert_cmpstr (carta_attachment_get_content_type (a), ==, carta_attachment_get_content_type (b));
  g_assert_true (g_date_time_equal (carta_attachment_get_added (a), carta_attachment_get_added (b)));
}

static void
assert_cases_equal (CartaCase *a,
                    CartaCase *b)
{
  CartaPatient *pa = carta_case_get_patient (a);
  CartaPatient *pb = carta_case_get_patient (b);
  GListModel *ia = carta_case_get_items (a);
  GListModel *ib = carta_case_get_items (b);

  g_assert_cmpstr (carta_case_get_id (a), ==, carta_case_get_id (b));
  g_assert_cmpstr (carta_case_get_title (a), ==, carta_case_get_title (b));
  g_assert_cmpstr (carta_case_get_summary_language (a), ==, carta_case_get_summary_language (b));
  g_assert_true (g_date_time_equal (carta_case_get_created (a), carta_case_get_created (b)));
  g_assert_true (g_date_time_equal (carta_case_get_modified (a), carta_case_get_modified (b)));

  g_assert_cmpstr (carta_patient_get_name (pa), ==, carta_patient_get_name (pb));
  g_assert_cmpstr (carta_patient_get_date_of_birth (pa), ==, carta_patient_get_date_of_birth (pb));
  g_assert_cmpstr (carta_patient_get_sex (pa), ==, carta_patient_get_sex (pb));
  g_assert_cmpstr (carta_patient_get_country (pa), ==, carta_patient_get_country (pb));
  g_assert_cmpstr (carta_patient_get_preferred_language (pa), ==, carta_patient_get_preferred_language (pb));
  g_assert_cmpstr (carta_patient_get_contact (pa), ==, carta_patient_get_contact (pb));

  g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
  for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
    {
      g_autoptr(CartaChecklistItem) x = g_list_model_get_item (ia, i);
      g_autoptr(CartaChecklistItem) y = g_list_model_get_item (ib, i);
      GListModel *xa = carta_checklist_item_get_attachments (x);
      GListModel *ya = carta_checklist_item_get_attachments (y);

      g_assert_cmpstr (carta_checklist_item_get_id (x), ==, carta_checklist_item_get_id (y));
      g_assert_cmpstr (carta_checklist_item_get_template_key (x), ==, carta_checklist_item_get_template_key (y));
      g_assert_cmpstr (carta_checklist_item_get_title (x), ==, carta_checklist_item_get_title (y));
      g_assert_cmpstr (carta_checklist_item_get_category (x), ==, carta_checklist_item_get_category (y));
      g_assert_cmpint (carta_checklist_item_get_status (x), ==, carta_checklist_item_get_status (y));
      g_assert_cmpstr (carta_checklist_item_get_notes (x), ==, carta_checklist_item_get_notes (y));
      g_assert_cmpstr (carta_checklist_item_get_document_date (x), ==, carta_checklist_item_get_document_date (y));

      g_assert_cmpuint (g_list_model_get_n_items (xa), ==, g_list_model_get_n_items (ya));
      for (guint j = 0; j < g_list_model_get_n_items (xa); j++)
        {
          g_autoptr(CartaAttachment) p = g_list_model_get_item (xa, j);
          g_autoptr(CartaAttachment) q = g_list_model_get_item (ya, j);
          assert_attachments_equal (p, q);
        }
    }
}

static CartaCase *
reparse (const char  *data,
         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  return carta_case_new_from_json (json_parser_get_root (parser), error);
}

static void
test_round_trip (void)
{
  g_autoptr(CartaCase) kase = make_full_case ();
  g_autoptr(CartaCase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = carta_case_to_data (kase, NULL);
  g_autofree char *again = NULL;

  g_assert_nonnull (strstr (data, "\"schema\" : \"" CARTA_CASE_SCHEMA "\""));

  copy = reparse (data, &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, copy);

  /* A second trip is byte-identical: nothing drifts on each save. */
  again = carta_case_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, again);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(CartaCase) kase = make_full_case ();
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(CartaChecklistItem) item = NULL;
  g_autoptr(CartaAttachment) attachment = NULL;
  guint count = 0;

  before = g_date_time_ref (carta_case_get_modified (kase));
  g_signal_connect (kase, "changed", G_CALLBACK (count_cb), &count);
  item = g_list_model_get_item (carta_case_get_items (kase), 0);

  g_usleep (2000);
  carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_REQUESTED);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (g_date_time_compare (carta_case_get_modified (kase), before), >, 0);

  /* Setting the same value again is not a change. */
  carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_REQUESTED);
  g_assert_cmpuint (count, ==, 1);

  carta_patient_set_country (carta_case_get_patient (kase), "DE");
  g_assert_cmpuint (count, ==, 2);

  attachment = g_list_model_get_item (carta_checklist_item_get_attachments (item), 0);
  g_assert_true (carta_checklist_item_remove_attachment (item, attachment));
  g_assert_cmpuint (count, ==, 3);

  carta_case_set_title (kase, "Renamed");
  g_assert_cmpuint (count, ==, 4);

  /* A removed item no longer reaches the case. */
  g_assert_true (carta_case_remove_item (kase, item, NULL));
  g_assert_cmpuint (count, ==, 5);
  carta_checklist_item_set_notes (item, "after removal");
  g_assert_cmpuint (count, ==, 5);
}

static void
test_invalid_values (void)
{
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new ("echo", "fitness");
  g_autoptr(CartaPatient) patient = carta_patient_new ();

  g_assert_true (carta_checklist_item_set_document_date (item, "2024-02-29"));
  g_assert_false (carta_checklist_item_set_document_date (item, "2023-02-29"));
  g_assert_false (carta_checklist_item_set_document_date (item, "yesterday"));
  g_assert_cmpstr (carta_checklist_item_get_document_date (item), ==, "2024-02-29");
  g_assert_true (carta_checklist_item_set_document_date (item, ""));
  g_assert_null (carta_checklist_item_get_document_date (item));

  g_assert_false (carta_patient_set_date_of_birth (patient, "1990-13-01"));

  {
    g_autoptr(CartaCase) kase = carta_case_new ("Languages");

    /* English is no choice at all; only plain language codes are kept. */
    carta_case_set_summary_language (kase, "ar");
    g_assert_cmpstr (carta_case_get_summary_language (kase), ==, "ar");
    carta_case_set_summary_language (kase, "en");
    g_assert_null (carta_case_get_summary_language (kase));
    carta_case_set_summary_language (kase, "../../etc");
    g_assert_null (carta_case_get_summary_language (kase));
  }
  g_assert_null (carta_patient_get_date_of_birth (patient));
}

static void
assert_load_fails (const char *json,
                   int         code,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CartaCase) kase = reparse (json, &error);

  g_assert_null (kase);
  g_assert_error (error, CARTA_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_required_fields (void)
{
  assert_load_fails ("{\"id\": \"x\"}", CARTA_ERROR_MISSING_FIELD, "“schema”");
  assert_load_fails ("{\"schema\": \"carta-case/1\", \"title\": \"t\"}", CARTA_ERROR_MISSING_FIELD, "“id”");
  assert_load_fails ("{\"schema\": \"carta-case/1\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                     "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\"}",
                     CARTA_ERROR_MISSING_FIELD, "“modified”");
  assert_load_fails ("{\"schema\": \"carta-case/99\"}", CARTA_ERROR_NEWER_SCHEMA, "carta-case/99");
  assert_load_fails ("{\"schema\": \"other/1\"}", CARTA_ERROR_INVALID, "not a Carta case");
  assert_load_fails ("{\"schema\": \"carta-case/1\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                     "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\", "
                     "\"checklist\": [{\"id\": \"a\", \"category\": \"c\", \"status\": \"lost\", \"title\": \"x\"}]}",
                     CARTA_ERROR_INVALID, "“lost”");
  assert_load_fails ("{\"schema\": \"carta-case/1\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                     "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\", "
                     "\"checklist\": [{\"id\": \"a\", \"category\": \"c\", \"status\": \"needed\", \"title\": \"x\", "
                     "\"attachments\": [{\"id\": \"b\", \"original_name\": \"n\", \"stored_path\": \"../../etc/passwd\", "
                     "\"size\": 1, \"sha256\": \"00\"}]}]}",
                     CARTA_ERROR_HOSTILE, "outside");
}

#define SEND_TOKEN "Xq7sJ2kPz9RtYw4"
#define SEND_SHA256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

/* The family's own versions of their questions and of a record's notes,
 * for a summary in another language: kept across saves, written only
 * when there is one, so files without them read and write as before. */
static void
test_family_versions (void)
{
  g_autoptr(CartaCase) kase = make_full_case ();
  g_autoptr(CartaCase) old = NULL;
  g_autoptr(CartaCase) copy = NULL;
  g_autoptr(CartaChecklistItem) item = NULL;
  g_autoptr(CartaChecklistItem) copied_item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = carta_case_to_data (kase, NULL);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *cleared = NULL;
  g_auto(GStrv) languages = NULL;
  guint count = 0;

  g_assert_null (strstr (plain, "translations"));
  old = reparse (plain, &error);
  g_assert_no_error (error);
  g_assert_null (carta_case_get_questions_translation (old, "zh_CN"));
  languages = carta_case_dup_questions_languages (old);
  g_assert_cmpuint (g_strv_length (languages), ==, 0);

  g_signal_connect (kase, "changed", G_CALLBACK (count_cb), &count);
  carta_case_set_questions (kase, "Can she travel in May?");
  count = 0;
  carta_case_set_questions_translation (kase, "zh_CN", "她五月可以出行吗？");
  carta_case_set_questions_translation (kase, "es", "¿Puede viajar en mayo?");
  g_assert_cmpuint (count, ==, 2);
  /* The same text again is no change. */
  carta_case_set_questions_translation (kase, "es", "¿Puede viajar en mayo?");
  g_assert_cmpuint (count, ==, 2);

  item = g_list_model_get_item (carta_case_get_items (kase), 0);
  carta_checklist_item_set_notes_translation (item, "zh_CN", "北京协和医院原件，第二意见待定。");
  g_assert_cmpuint (count, ==, 3);

  data = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (data, "\"questions_translations\""));
  g_assert_nonnull (strstr (data, "\"notes_translations\""));
  copy = reparse (data, &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, copy);
  g_assert_cmpstr (carta_case_get_questions_translation (copy, "zh_CN"), ==, "她五月可以出行吗？");
  g_assert_cmpstr (carta_case_get_questions_translation (copy, "es"), ==, "¿Puede viajar en mayo?");
  g_assert_null (carta_case_get_questions_translation (copy, "fr"));
  g_strfreev (languages);
  languages = carta_case_dup_questions_languages (copy);
  g_assert_cmpuint (g_strv_length (languages), ==, 2);
  g_assert_cmpstr (languages[0], ==, "es");
  g_assert_cmpstr (languages[1], ==, "zh_CN");
  copied_item = g_list_model_get_item (carta_case_get_items (copy), 0);
  g_assert_cmpstr (carta_checklist_item_get_notes_translation (copied_item, "zh_CN"), ==, "北京协和医院原件，第二意见待定。");
  again = carta_case_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, again);

  /* Emptied, they leave nothing behind. */
  carta_case_set_questions_translation (kase, "zh_CN", "");
  carta_case_set_questions_translation (kase, "es", NULL);
  carta_checklist_item_set_notes_translation (item, "zh_CN", NULL);
  carta_case_set_questions (kase, NULL);
  cleared = carta_case_to_data (kase, NULL);
  g_assert_null (strstr (cleared, "translations"));

  /* Something else than texts by language is a damaged file. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;
    JsonArray *texts = json_array_new ();

    g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    json_array_add_string_element (texts, "她五月可以出行吗？");
    json_object_set_array_member (root, "questions_translations", texts);
    g_clear_object (&old);
    old = carta_case_new_from_json (json_parser_get_root (parser), &error);
  }
  g_assert_null (old);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
}

static void
test_send_history (void)
{
  g_autoptr(CartaCase) kase = make_full_case ();
  g_autoptr(CartaCase) copy = NULL;
  g_autoptr(CartaCase) old = NULL;
  g_autoptr(CartaUploadResult) result = NULL;
  g_autoptr(CartaSendRecord) first = NULL;
  g_autoptr(CartaSendRecord) second = NULL;
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2026, 4, 2, 15, 4, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = carta_case_to_data (kase, NULL);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  GListModel *sends;
  guint count = 0;

  /* A case that was never sent writes no history at all. */
  g_assert_null (strstr (plain, "\"sends\""));
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (kase)), ==, 0);

  g_signal_connect (kase, "changed", G_CALLBACK (count_cb), &count);

  result = _carta_upload_result_new ("cloud.example.org:8443", "Carta-Wang-2026-04-02.zip",
                                     "https://cloud.example.org:8443/public.php/dav/files/" SEND_TOKEN
                                     "/Carta-Wang-2026-04-02.zip",
                                     123456789, SEND_SHA256, sent, 12.5, TRUE);
  first = carta_send_record_new_from_result (result);
  carta_case_add_send (kase, first);
  g_assert_cmpuint (count, ==, 1);

  second = carta_send_record_new (sent, "dav.example.net", "Carta-Wang-2026-04-02 (2).zip",
                                  SEND_SHA256, 42, FALSE);
  carta_case_add_send (kase, second);
  g_assert_cmpuint (count, ==, 2);

  data = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (data, "\"sends\""));
  /* The host is kept, the share token never. */
  g_assert_nonnull (strstr (data, "cloud.example.org:8443"));
  g_assert_null (strstr (data, SEND_TOKEN));
  g_assert_null (strstr (data, "public.php"));

  copy = reparse (data, &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, copy);
  sends = carta_case_get_sends (copy);
  g_assert_cmpuint (g_list_model_get_n_items (sends), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CartaSendRecord) a = g_list_model_get_item (carta_case_get_sends (kase), i);
      g_autoptr(CartaSendRecord) b = g_list_model_get_item (sends, i);

      g_assert_true (g_date_time_equal (carta_send_record_get_sent (a), carta_send_record_get_sent (b)));
      g_assert_cmpstr (carta_send_record_get_host (a), ==, carta_send_record_get_host (b));
      g_assert_cmpstr (carta_send_record_get_remote_name (a), ==, carta_send_record_get_remote_name (b));
      g_assert_cmpstr (carta_send_record_get_sha256 (a), ==, carta_send_record_get_sha256 (b));
      g_assert_cmpuint (carta_send_record_get_size (a), ==, carta_send_record_get_size (b));
      g_assert_cmpint (carta_send_record_get_verified (a), ==, carta_send_record_get_verified (b));
    }
  again = carta_case_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, again);

  /* A file from before the history existed loads with an empty one. */
  old = reparse ("{\"schema\": \"carta-case/2\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                 "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\", "
                 "\"modified\": \"2026-01-01T00:00:00Z\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_sends (old)), ==, 0);

  /* A record that carries a URL instead of a host is refused. */
  assert_load_fails ("{\"schema\": \"carta-case/2\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                     "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\", "
                     "\"modified\": \"2026-01-01T00:00:00Z\", \"sends\": [{\"sent\": \"2026-01-01T00:00:00Z\", "
                     "\"host\": \"cloud.example.org/s/" SEND_TOKEN "\", \"remote_name\": \"b.zip\", "
                     "\"sha256\": \"" SEND_SHA256 "\", \"size\": 1}]}",
                     CARTA_ERROR_HOSTILE, "host");
  assert_load_fails ("{\"schema\": \"carta-case/2\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                     "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\", "
                     "\"modified\": \"2026-01-01T00:00:00Z\", \"sends\": [3]}",
                     CARTA_ERROR_MISSING_FIELD, "entry 1 of the send history");
  /* A member of the wrong type is an error, not a critical. */
  assert_load_fails ("{\"schema\": \"carta-case/2\", \"id\": \"0b3e8f0e-6b47-4b8c-9d51-4d0c5d0f7f11\", "
                     "\"title\": \"t\", \"created\": \"2026-01-01T00:00:00Z\", "
                     "\"modified\": \"2026-01-01T00:00:00Z\", \"sends\": [{\"sent\": \"2026-01-01T00:00:00Z\", "
                     "\"host\": \"cloud.example.org\", \"remote_name\": \"b.zip\", "
                     "\"sha256\": \"" SEND_SHA256 "\", \"size\": 1, \"verified\": []}]}",
                     CARTA_ERROR_MISSING_FIELD, "verified");
}

/* Send records and upload results are read-only: their properties give
 * what the constructor was handed, and cannot be set. */
static void
test_send_properties (void)
{
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2026, 4, 2, 9, 30, 0);
  g_autoptr(CartaUploadResult) result = NULL;
  g_autoptr(CartaSendRecord) record = NULL;
  g_autoptr(GDateTime) finished = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *host = NULL;
  g_autofree char *location = NULL;
  g_autofree char *remote_name = NULL;
  g_autofree char *sha256 = NULL;
  guint64 size = 0;
  double duration = 0;
  gboolean verified = FALSE;
  GParamSpec *pspec;

  result = _carta_upload_result_new ("cloud.example.org:8443", "Carta.zip", "https://cloud.example.org:8443/Carta.zip",
                                     123456789, SEND_SHA256, sent, 12.5, TRUE);
  g_object_get (result,
                "host", &host, "remote-name", &remote_name, "location", &location,
                "size", &size, "sha256", &sha256, "finished", &finished,
                "duration", &duration, "verified", &verified, NULL);
  g_assert_cmpstr (host, ==, "cloud.example.org:8443");
  g_assert_cmpstr (remote_name, ==, "Carta.zip");
  g_assert_cmpstr (location, ==, "https://cloud.example.org:8443/Carta.zip");
  g_assert_cmpuint (size, ==, 123456789);
  g_assert_cmpstr (sha256, ==, SEND_SHA256);
  g_assert_true (g_date_time_equal (finished, sent));
  g_assert_cmpfloat (duration, ==, 12.5);
  g_assert_true (verified);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (result), "location");
  g_assert_true (pspec->flags & G_PARAM_READABLE);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);

  g_clear_pointer (&host, g_free);
  g_clear_pointer (&remote_name, g_free);
  g_clear_pointer (&sha256, g_free);
  size = 0;
  verified = TRUE;
  record = carta_send_record_new (sent, "dav.example.net", "Carta (2).zip", SEND_SHA256, 42, FALSE);
  g_object_get (record,
                "sent", &when, "host", &host, "remote-name", &remote_name,
                "sha256", &sha256, "size", &size, "verified", &verified, NULL);
  g_assert_true (g_date_time_equal (when, sent));
  g_assert_cmpstr (host, ==, "dav.example.net");
  g_assert_cmpstr (remote_name, ==, "Carta (2).zip");
  g_assert_cmpstr (sha256, ==, SEND_SHA256);
  g_assert_cmpuint (size, ==, 42);
  g_assert_false (verified);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "host");
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);

  g_assert_finalize_object (g_steal_pointer (&record));
  g_assert_finalize_object (g_steal_pointer (&result));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case/round-trip", test_round_trip);
  g_test_add_func ("/case/changed-signal", test_changed_signal);
  g_test_add_func ("/case/invalid-values", test_invalid_values);
  g_test_add_func ("/case/required-fields", test_required_fields);
  g_test_add_func ("/case/send-history", test_send_history);
  g_test_add_func ("/case/family-versions", test_family_versions);
  g_test_add_func ("/case/send-properties", test_send_properties);

  return g_test_run ();
}

/* test-identity.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "carta-case.h"
#include "carta-identity.h"

/* Whether an imaging disc is the case's patient's, across scripts. */

static CartaIdentityStatus
compare (const char *dicom_name,
         const char *spelling,
         const char *other)
{
  const char *spellings[] = { spelling, other, NULL };

  return carta_identity_compare_names (dicom_name, spellings);
}

static void
test_latin (void)
{
  g_assert_cmpint (compare ("ZHANG^SAN", "Zhang San", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("ZHANG^SAN", "  zhang   san ", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("ZHANG^SAN^^^", "Zhang, San", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("O'Brien^Mary^Ann", "Mary Ann O’Brien", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("DUPONT^JEAN-PIERRE", "Jean Pierre Dupont", NULL), ==, CARTA_IDENTITY_MATCHES);
  /* Full-width letters, as some Chinese systems write them. */
  g_assert_cmpint (compare ("ＷＡＮＧ^ＭＥＩ", "Mei Wang", NULL), ==, CARTA_IDENTITY_MATCHES);

  g_assert_cmpint (compare ("LI^SI", "Zhang San", NULL), ==, CARTA_IDENTITY_DIFFERS);
  g_assert_cmpint (compare ("ZHANG^SANFENG", "Zhang San", NULL), ==, CARTA_IDENTITY_DIFFERS);
}

static void
test_word_order (void)
{
  g_assert_cmpint (compare ("WANG^MEI", "Mei Wang", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("WANG^MEI", "Wang Mei", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("WANG^MEI LING", "Meiling Wang", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("WANG^MEILING", "Mei Ling Wang", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("Doe^John^Quincy", "Quincy John Doe", NULL), ==, CARTA_IDENTITY_MATCHES);
}

static void
test_accents (void)
{
  g_assert_cmpint (compare ("MÜLLER^JÜRGEN", "Jürgen Müller", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("MULLER^JURGEN", "Jürgen Müller", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("Núñez^José", "Jose NUNEZ", NULL), ==, CARTA_IDENTITY_MATCHES);
  /* Decomposed accents (as some file systems keep them). */
  g_assert_cmpint (compare ("Nu\xcc\x81n\xcc\x83" "ez^Jose", "Núñez José", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("ИВАНОВ^ИВАН", "Иван Иванов", NULL), ==, CARTA_IDENTITY_MATCHES);
}

static void
test_han (void)
{
  g_assert_cmpint (compare ("王^梅", "王梅", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("王梅", "王 梅", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("王\u3000梅", "王梅", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("李^华", "王梅", NULL), ==, CARTA_IDENTITY_DIFFERS);
}

static void
test_mixed (void)
{
  /* The defect: a Latin disc and a case named in both scripts. */
  g_assert_cmpint (compare ("LI^HUA", "Mei Wang 王梅", NULL), ==, CARTA_IDENTITY_DIFFERS);
  g_assert_cmpint (compare ("WANG^MEI", "Mei Wang 王梅", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("王^梅", "Mei Wang 王梅", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("李^华", "Mei Wang 王梅", NULL), ==, CARTA_IDENTITY_DIFFERS);
  /* The passport name in Latin, the Chinese one among the other names. */
  g_assert_cmpint (compare ("王^梅", "Mei Wang", "王梅"), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("LI^HUA", "王梅", "Mei Wang"), ==, CARTA_IDENTITY_DIFFERS);
}

static void
test_pn_groups (void)
{
  /* Alphabetic = ideographic = phonetic. */
  const char *full = "YAMADA^TARO=山田^太郎=やまだ^たろう";

  g_assert_cmpint (compare (full, "Taro Yamada", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare (full, "山田太郎", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare (full, "やまだ たろう", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare (full, "Hanako Suzuki", NULL), ==, CARTA_IDENTITY_DIFFERS);
  /* A missing ideographic group, and an empty alphabetic one. */
  g_assert_cmpint (compare ("=王^梅", "王梅", NULL), ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (compare ("WANG^MEI==ワン^メイ", "王梅", NULL), ==, CARTA_IDENTITY_UNCHECKED);
  /* One group matching is enough. */
  g_assert_cmpint (compare ("LI^HUA=王^梅", "王梅", NULL), ==, CARTA_IDENTITY_MATCHES);
}

static void
test_no_shared_script (void)
{
  g_autoptr(CartaIdentityCheck) check = NULL;
  const char *han[] = { "王梅", NULL };
  const char *none[] = { NULL };
  g_autofree char *text = NULL;

  g_assert_cmpint (compare ("LI^HUA", "王梅", NULL), ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (compare ("ZHANG^SAN", "张三", NULL), ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (compare ("ИВАНОВ^ИВАН", "Ivan Ivanov", NULL), ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (compare ("", "Mei Wang", NULL), ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (compare (NULL, "Mei Wang", NULL), ==, CARTA_IDENTITY_UNCHECKED);

  check = carta_identity_check_person ("LI^HUA", NULL, NULL, han, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_OTHER_SCRIPT);
  g_assert_true (carta_identity_check_needs_attention (check));
  text = carta_identity_check_describe (check, NULL, NULL);
  g_assert_nonnull (strstr (text, "could not be checked"));
  g_assert_nonnull (strstr (text, "HUA LI"));
  g_clear_pointer (&check, carta_identity_check_free);

  /* Nothing to compare on either side is never a pass. */
  check = carta_identity_check_person ("^^", NULL, NULL, han, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_NO_DISC_NAME);
  g_clear_pointer (&check, carta_identity_check_free);

  check = carta_identity_check_person ("LI^HUA", NULL, NULL, none, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_NO_CASE_NAME);
}

static void
test_birth_date (void)
{
  const char *names[] = { "Mei Wang", NULL };
  g_autoptr(CartaIdentityCheck) same = carta_identity_check_person ("WANG^MEI", "1965-03-02", NULL, names, "1965-03-02", NULL);
  g_autoptr(CartaIdentityCheck) other = carta_identity_check_person ("WANG^MEI", "1965-03-20", NULL, names, "1965-03-02", NULL);
  g_autoptr(CartaIdentityCheck) year = carta_identity_check_person ("WANG^MEI", "1965-03-20", NULL, names, "1965", NULL);
  g_autoptr(CartaIdentityCheck) unknown = carta_identity_check_person ("WANG^MEI", NULL, NULL, names, "1965-03-02", NULL);
  g_autoptr(CartaIdentityCheck) garbled = carta_identity_check_person ("WANG^MEI", "19650", NULL, names, "1965-03-02", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (same->status, ==, CARTA_IDENTITY_MATCHES);
  g_assert_false (carta_identity_check_needs_attention (same));
  g_assert_null (carta_identity_check_describe (same, NULL, NULL));
  g_assert_cmpint (other->status, ==, CARTA_IDENTITY_DIFFERS);
  g_assert_cmpint (other->issues, ==, CARTA_IDENTITY_ISSUE_BIRTH_DATE);
  text = carta_identity_check_describe (other, NULL, NULL);
  g_assert_nonnull (strstr (text, "1965-03-20"));
  g_assert_cmpint (year->status, ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (unknown->status, ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (garbled->status, ==, CARTA_IDENTITY_MATCHES);
}

static void
test_sex (void)
{
  const char *names[] = { "Mei Wang", NULL };
  g_autoptr(CartaIdentityCheck) same = carta_identity_check_person ("WANG^MEI", NULL, "F", names, NULL, "female");
  g_autoptr(CartaIdentityCheck) other = carta_identity_check_person ("WANG^MEI", NULL, "M", names, NULL, "female");
  g_autoptr(CartaIdentityCheck) vague = carta_identity_check_person ("WANG^MEI", NULL, "O", names, NULL, "female");
  g_autoptr(CartaIdentityCheck) both = carta_identity_check_person ("LI^HUA", "1970-01-01", "M", names, "1965-03-02", "female");
  g_autofree char *text = NULL;

  g_assert_cmpint (same->status, ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (other->status, ==, CARTA_IDENTITY_DIFFERS);
  g_assert_cmpint (other->issues, ==, CARTA_IDENTITY_ISSUE_SEX);
  text = carta_identity_check_describe (other, NULL, NULL);
  g_assert_nonnull (strstr (text, "male"));
  g_assert_cmpint (vague->status, ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (both->issues, ==, CARTA_IDENTITY_ISSUE_NAME | CARTA_IDENTITY_ISSUE_BIRTH_DATE | CARTA_IDENTITY_ISSUE_SEX);
}

static void
test_spellings (void)
{
  g_autoptr(CartaPatient) patient = carta_patient_new ();
  g_auto(GStrv) spellings = NULL;

  carta_patient_set_name (patient, "Mei Wang");
  carta_patient_set_other_names (patient, "王梅, Wang Meiling；王美玲\nMay Wang、 ");
  spellings = carta_identity_patient_spellings (patient);
  g_assert_cmpuint (g_strv_length (spellings), ==, 5);
  g_assert_cmpstr (spellings[0], ==, "Mei Wang");
  g_assert_cmpstr (spellings[1], ==, "王梅");
  g_assert_cmpstr (spellings[4], ==, "May Wang");
}

static CartaDicomSummary *
summary_for (const char *name,
             const char *birth,
             const char *sex)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  CartaDicomSummary *summary;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "studies");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uid");
  json_builder_add_string_value (builder, "1.2.3");
  json_builder_set_member_name (builder, "patient_name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "patient_birth_date");
  json_builder_add_string_value (builder, birth);
  json_builder_set_member_name (builder, "patient_sex");
  json_builder_add_string_value (builder, sex);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  summary = carta_dicom_summary_new_from_json (root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CartaDicomStudy *)g_ptr_array_index (summary->studies, 0))->patient_sex, ==, sex);
  return summary;
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* The family's confirmation is kept in case.json and read back; a case
 * file without it loads as unconfirmed, and is written as before. */
static void
test_confirmation_round_trip (void)
{
  g_autoptr(CartaCase) kase = carta_case_new ("Mei");
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom ("Scan", "Imaging");
  g_autoptr(CartaAttachment) disc = carta_attachment_new ();
  g_autoptr(CartaDicomSummary) summary = summary_for ("LI^HUA", "1970-01-01", "M");
  g_autoptr(CartaIdentityCheck) check = NULL;
  g_autoptr(CartaCase) loaded = NULL;
  g_autoptr(CartaCase) again = NULL;
  g_autoptr(CartaChecklistItem) loaded_item = NULL;
  g_autoptr(CartaAttachment) loaded_disc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *data = NULL;
  g_autofree char *described = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint changes = 0;

  carta_patient_set_name (carta_case_get_patient (kase), "Mei Wang 王梅");
  carta_attachment_set_kind (disc, CARTA_ATTACHMENT_KIND_IMAGING);
  carta_attachment_set_original_name (disc, "disc");
  carta_attachment_set_stored_path (disc, "discs/x");
  carta_attachment_set_sha256 (disc, "00");
  carta_attachment_set_dicom_summary (disc, summary);
  carta_checklist_item_add_attachment (item, disc);
  carta_case_add_item (kase, item);

  check = carta_identity_check_attachment (disc, carta_case_get_patient (kase));
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_DIFFERS);
  g_clear_pointer (&check, carta_identity_check_free);

  before = carta_case_to_data (kase, NULL);
  g_assert_null (strstr (before, "identity_confirmed"));

  /* Confirming is a change of the case, so it is saved. */
  g_signal_connect_swapped (kase, "changed", G_CALLBACK (count_change), &changes);
  carta_attachment_set_identity_confirmed (disc, TRUE);
  g_assert_cmpuint (changes, ==, 1);

  data = carta_case_to_data (kase, NULL);
  g_assert_nonnull (strstr (data, "\"identity_confirmed\" : true"));
  g_assert_true (json_parser_load_from_data (parser, data, -1, &error));
  loaded = carta_case_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  loaded_item = g_list_model_get_item (carta_case_get_items (loaded), 0);
  loaded_disc = g_list_model_get_item (carta_checklist_item_get_attachments (loaded_item), 0);
  g_assert_true (carta_attachment_get_identity_confirmed (loaded_disc));

  check = carta_identity_check_attachment (loaded_disc, carta_case_get_patient (loaded));
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_CONFIRMED);
  g_assert_false (carta_identity_check_needs_attention (check));
  described = carta_identity_check_describe (check, NULL, NULL);
  g_assert_true (g_str_has_prefix (described, "The family confirmed"));

  /* Taking it back writes the file as it was. */
  carta_attachment_set_identity_confirmed (loaded_disc, FALSE);
  g_free (data);
  data = carta_case_to_data (loaded, NULL);
  g_assert_null (strstr (data, "identity_confirmed"));
  g_clear_pointer (&check, carta_identity_check_free);
  check = carta_identity_check_attachment (loaded_disc, carta_case_get_patient (loaded));
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_DIFFERS);

  /* Not a boolean: not confirmed, and no error. */
  {
    g_autofree char *odd = NULL;
    g_autoptr(GString) edited = g_string_new (before);

    g_string_replace (edited, "\"kind\" : \"imaging\"", "\"kind\" : \"imaging\", \"identity_confirmed\" : \"yes\"", 1);
    g_assert_true (json_parser_load_from_data (parser, edited->str, -1, &error));
    again = carta_case_new_from_json (json_parser_get_root (parser), &error);
    g_assert_no_error (error);
    odd = carta_case_to_data (again, NULL);
    g_assert_null (strstr (odd, "identity_confirmed"));
  }
}

static void
test_disc_of_other_files (void)
{
  g_autoptr(CartaAttachment) file = carta_attachment_new ();
  g_autoptr(CartaPatient) patient = carta_patient_new ();
  g_autoptr(CartaAttachment) empty = carta_attachment_new ();
  g_autoptr(CartaIdentityCheck) check = NULL;

  g_assert_null (carta_identity_check_attachment (file, patient));

  /* A disc from which no study could be read: not checked. */
  carta_patient_set_name (patient, "Mei Wang");
  carta_attachment_set_kind (empty, CARTA_ATTACHMENT_KIND_IMAGING);
  check = carta_identity_check_attachment (empty, patient);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_NO_DISC_NAME);
}

static char *
repeat (const char *piece,
        gsize       bytes)
{
  GString *text = g_string_sized_new (2 * bytes + strlen (piece));

  /* By doubling: quick under valgrind too. */
  g_string_append (text, piece);
  while (text->len < bytes)
    g_string_append_len (text, text->str, text->len);
  return g_string_free (text, FALSE);
}

/* A text longer than any person's name is not compared, and the family is
 * told why; a real name beside it still counts. Long names are cut short
 * before any work, so a 50 MB "name" is a matter of milliseconds. */
static void
test_too_long (void)
{
  g_autofree char *huge_word = repeat ("W", 50 << 20);
  g_autofree char *many_words = repeat ("Mei Wang ", 4 << 20);
  g_autofree char *many_names = repeat ("Mei Wang, ", 4 << 20);
  g_autofree char *long_disc = repeat ("WANG^MEI ", 8 << 10);
  g_autofree char *many_forms = repeat ("WANG^MEI\\", 400);
  g_autofree char *marks = repeat ("\xcc\x81", 4 << 20);
  g_autoptr(CartaIdentityCheck) check = NULL;
  g_autoptr(CartaPatient) patient = carta_patient_new ();
  g_auto(GStrv) spellings = NULL;
  g_autofree char *text = NULL;
  const char *only_huge[] = { huge_word, many_words, marks, NULL };
  const char *huge_and_real[] = { huge_word, "Mei Wang", NULL };
  const char *real[] = { "Mei Wang", NULL };
  /* Twenty words, moved around, are still compared. */
  const char *long_real[] = { "Ana Maria Josefa Luisa Carmen Rosa Elena Teresa Isabel Juana "
                              "Pilar Lucia Marta Sofia Clara Ines Laura Paula Eva Garcia", NULL };

  g_assert_cmpint (carta_identity_compare_names ("GARCIA^ANA MARIA JOSEFA LUISA CARMEN ROSA ELENA TERESA "
                                                 "ISABEL JUANA PILAR LUCIA MARTA SOFIA CLARA INES LAURA PAULA EVA",
                                                 long_real), ==, CARTA_IDENTITY_MATCHES);

  /* The case's name: too long for every spelling, so not checked. */
  check = carta_identity_check_person ("WANG^MEI", NULL, NULL, only_huge, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG);
  g_assert_true (carta_identity_check_needs_attention (check));
  text = carta_identity_check_describe (check, NULL, NULL);
  g_assert_nonnull (strstr (text, "too long to be a person’s name"));
  g_assert_cmpuint (strlen (text), <, 1000);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&check, carta_identity_check_free);

  /* A real spelling beside it matches, and then nothing is said. */
  check = carta_identity_check_person ("WANG^MEI", NULL, NULL, huge_and_real, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_MATCHES);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_NONE);
  g_clear_pointer (&check, carta_identity_check_free);

  /* Another patient's disc: the names differ, and one was not compared. */
  check = carta_identity_check_person ("LI^HUA", NULL, NULL, huge_and_real, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_DIFFERS);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_NAME | CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG);
  g_clear_pointer (&check, carta_identity_check_free);

  /* The disc's name: too long, or too many forms; it is not shown. */
  g_assert_cmpint (carta_identity_compare_names (long_disc, real), ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (carta_identity_compare_names (many_forms, real), ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (carta_identity_compare_names (huge_word, real), ==, CARTA_IDENTITY_UNCHECKED);
  check = carta_identity_check_person (huge_word, NULL, NULL, real, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_DISC_NAME_TOO_LONG);
  g_assert_null (check->disc_name);
  text = carta_identity_check_describe (check, NULL, NULL);
  g_assert_nonnull (strstr (text, "name on this disc is too long"));
  g_assert_cmpuint (strlen (text), <, 1000);
  g_clear_pointer (&check, carta_identity_check_free);

  /* Millions of other names: the first 64 are read, and a 65th says
   * some were left out. */
  carta_patient_set_name (patient, huge_word);
  carta_patient_set_other_names (patient, many_names);
  spellings = carta_identity_patient_spellings (patient);
  g_assert_cmpuint (g_strv_length (spellings), ==, 65);
  g_assert_cmpstr (spellings[1], ==, "Mei Wang");
  check = carta_identity_check_person ("WANG^MEI", NULL, NULL, (const char * const *)spellings, NULL, NULL);
  g_assert_cmpint (check->status, ==, CARTA_IDENTITY_MATCHES);
  g_clear_pointer (&check, carta_identity_check_free);
  check = carta_identity_check_person ("LI^HUA", NULL, NULL, (const char * const *)spellings, NULL, NULL);
  g_assert_cmpint (check->issues, ==, CARTA_IDENTITY_ISSUE_NAME | CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/latin", test_latin);
  g_test_add_func ("/identity/word-order", test_word_order);
  g_test_add_func ("/identity/accents", test_accents);
  g_test_add_func ("/identity/han", test_han);
  g_test_add_func ("/identity/mixed", test_mixed);
  g_test_add_func ("/identity/pn-groups", test_pn_groups);
  g_test_add_func ("/identity/no-shared-script", test_no_shared_script);
  g_test_add_func ("/identity/birth-date", test_birth_date);
  g_test_add_func ("/identity/sex", test_sex);
  g_test_add_func ("/identity/spellings", test_spellings);
  g_test_add_func ("/identity/confirmation-round-trip", test_confirmation_round_trip);
  g_test_add_func ("/identity/not-a-disc", test_disc_of_other_files);
  g_test_add_func ("/identity/too-long", test_too_long);

  return g_test_run ();
}

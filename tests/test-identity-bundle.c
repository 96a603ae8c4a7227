/* test-identity-bundle.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "carta-case.h"
#include "carta-fs.h"
#include "carta-store.h"

/* A case assembled with `carta-bundle attach`: another patient's disc is
 * warned of on the command line, in summary.pdf, in the FHIR bundle and by
 * `info` and `verify`; the family's confirmation shows in each. */

static char *dir;
static char *case_dir;
static char *disc_dir;
static char *tool;

static char *
run (const char * const *argv,
     char              **err,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | (err ? 0 : G_SPAWN_STDERR_TO_DEV_NULL),
                               NULL, NULL, &out, err, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static char *
run_ok (const char * const *argv)
{
  int status;
  char *out = run (argv, NULL, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

/* Without white space: pdftotext breaks lines where the layout does. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static void
make_disc (const char *name,
           const char *birth,
           const char *sex)
{
  g_autofree char *dump_path = g_build_filename (dir, "image.dump", NULL);
  g_autofree char *image = g_build_filename (disc_dir, "IM1", NULL);
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "dump2dcm", "+F", dump_path, image, NULL };

  g_string_append (dump, "(0002,0010) UI =LittleEndianExplicit\n");
  g_string_append (dump, "(0008,0005) CS [ISO_IR 192]\n");
  g_string_append (dump, "(0008,0016) UI =SecondaryCaptureImageStorage\n");
  g_string_append (dump, "(0008,0018) UI [1.2.826.0.1.3680043.10.77.1.1]\n");
  g_string_append (dump, "(0008,0020) DA [20250101]\n");
  g_string_append (dump, "(0008,0060) CS [CT]\n");
  g_string_append (dump, "(0008,1030) LO [CT chest]\n");
  g_string_append_printf (dump, "(0010,0010) PN [%s]\n", name);
  g_string_append_printf (dump, "(0010,0030) DA [%s]\n", birth);
  g_string_append_printf (dump, "(0010,0040) CS [%s]\n", sex);
  g_string_append (dump, "(0020,000d) UI [1.2.826.0.1.3680043.10.77]\n");
  g_string_append (dump, "(0020,000e) UI [1.2.826.0.1.3680043.10.77.1]\n");
  g_string_append (dump, "(0020,0011) IS [1]\n");
  g_string_append (dump, "(0028,0002) US 1\n(0028,0004) CS [MONOCHROME2]\n");
  g_string_append (dump, "(0028,0010) US 2\n(0028,0011) US 2\n");
  g_string_append (dump, "(0028,0100) US 16\n(0028,0101) US 16\n(0028,0102) US 15\n(0028,0103) US 0\n");
  g_string_append (dump, "(7fe0,0010) OW 0001\\0002\\0003\\0004\n");

  g_assert_true (g_file_set_contents (dump_path, dump->str, dump->len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (disc_dir, 0700), ==, 0);
  g_free (run_ok (argv));
}

static CartaCase *
load_case (void)
{
  g_autofree char *path = g_build_filename (case_dir, "case.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CartaCase *kase;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  kase = carta_case_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return kase;
}

static void
save_case (CartaCase *kase)
{
  g_autoptr(GFile) folder = g_file_new_for_path (case_dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (carta_case_save_to_folder (kase, folder, &error));
  g_assert_no_error (error);
}

static char *
read_case_file (void)
{
  g_autofree char *path = g_build_filename (case_dir, "case.json", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The disc attached to imaging-images, the demo's second disc. */
static CartaAttachment *
find_new_disc (CartaCase *kase)
{
  GListModel *items = carta_case_get_items (kase);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);

          if (g_str_equal (carta_attachment_get_original_name (attachment), "disc"))
            return g_steal_pointer (&attachment);
        }
    }

  return NULL;
}

typedef struct
{
  char *pdf;        /* squeezed */
  char *fhir_status; /* of the disc's extension, or NULL */
  char *fhir_description;
  char *info;
  char *verify;
} Exported;

static void
exported_clear (Exported *exported)
{
  g_free (exported->pdf);
  g_free (exported->fhir_status);
  g_free (exported->fhir_description);
  g_free (exported->info);
  g_free (exported->verify);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exported, exported_clear)

static void
export (Exported *exported)
{
  g_autofree char *zip = g_build_filename (dir, "bundle.zip", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "summary.pdf", NULL);
  const char *export_argv[] = { tool, "export", "--quiet", "--quick-check", case_dir, zip, NULL };
  const char *unzip_argv[] = { "unzip", "-o", "-j", "-q", "-d", dir, zip, "*/data/summary.pdf", NULL };
  const char *fhir_argv[] = { "unzip", "-p", zip, "*/data/fhir-bundle.json", NULL };
  const char *pdftotext_argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
  const char *info_argv[] = { tool, "info", zip, NULL };
  const char *verify_argv[] = { tool, "verify", zip, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fhir = NULL;
  g_autofree char *text = NULL;
  JsonArray *entries;

  g_unlink (zip);
  g_free (run_ok (export_argv));
  g_free (run_ok (unzip_argv));
  text = run_ok (pdftotext_argv);
  exported->pdf = squeeze (text);
  exported->info = run_ok (info_argv);
  exported->verify = run_ok (verify_argv);

  fhir = run_ok (fhir_argv);
  g_assert_true (json_parser_load_from_data (parser, fhir, -1, &error));
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entry");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");
      JsonObject *extension;
      JsonArray *parts;

      if (!json_object_has_member (resource, "extension"))
        continue;
      extension = json_array_get_object_element (json_object_get_array_member (resource, "extension"), 0);
      if (!g_str_has_suffix (json_object_get_string_member (extension, "url"), "/disc-patient-check"))
        continue;
      g_assert_cmpstr (json_object_get_string_member (resource, "resourceType"), ==, "DocumentReference");
      /* The sample's own disc may be flagged too (test_not_checked). */
      if (!g_str_has_prefix (json_object_get_string_member (resource, "description"), "disc — "))
        continue;
      g_assert_null (exported->fhir_status);
      parts = json_object_get_array_member (extension, "extension");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parts, 0), "url"), ==, "status");
      exported->fhir_status = g_strdup (json_object_get_string_member (json_array_get_object_element (parts, 0), "valueCode"));
      exported->fhir_description = g_strdup (json_object_get_string_member (resource, "description"));
    }
}

static void
test_other_patient (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *records = NULL;
  g_autofree char *missing = g_build_filename (dir, "no-such-disc", NULL);
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(CartaAttachment) disc = NULL;
  g_autofree char *stored = NULL;
  const char *records_argv[] = { tool, "records", case_dir, NULL };
  const char *attach_argv[] = { tool, "attach", case_dir, "imaging-images", disc_dir, NULL };
  const char *wrong_record[] = { tool, "attach", case_dir, "no-such-record", disc_dir, NULL };
  const char *wrong_file[] = { tool, "attach", case_dir, "imaging-images", missing, NULL };
  const char *too_few[] = { tool, "attach", case_dir, NULL };
  const char *no_case[] = { tool, "records", missing, NULL };
  g_auto(Exported) clean = { 0 };
  g_auto(Exported) warned = { 0 };
  int status;
  struct stat st;

  /* The sample's own disc names its patient: nothing to say. */
  export (&clean);
  g_assert_null (strstr (clean.pdf, "patient’sdisc"));
  g_assert_null (clean.fhir_status);
  g_assert_null (strstr (clean.info, "Imaging discs to check"));

  records = run_ok (records_argv);
  g_assert_nonnull (strstr (records, "The images themselves (DICOM disc)"));
  g_assert_nonnull (strstr (records, "Id:"));
  g_assert_null (strstr (records, "Warning:"));

  /* Bad input changes nothing and says why. */
  before = read_case_file ();
  g_free (run (wrong_record, &err, &status));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "no record “no-such-record”"));
  g_clear_pointer (&err, g_free);
  g_free (run (wrong_file, &err, &status));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_clear_pointer (&err, g_free);
  g_free (run (too_few, NULL, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run (no_case, &err, &status));
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "case.json"));
  after = read_case_file ();
  g_assert_cmpstr (before, ==, after);

  /* The disc of LI^HUA attached to Mei Wang 王梅. */
  out = run (attach_argv, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Added 1 file or disc."));
  g_assert_nonnull (strstr (out, "Warning: May be another patient’s disc"));
  g_assert_nonnull (strstr (out, "“HUA LI”"));
  g_assert_nonnull (strstr (out, "1970-01-01"));

  kase = load_case ();
  disc = find_new_disc (kase);
  g_assert_nonnull (disc);
  g_assert_cmpint (carta_attachment_get_kind (disc), ==, CARTA_ATTACHMENT_KIND_IMAGING);
  g_assert_cmpstr (((CartaDicomStudy *)g_ptr_array_index (carta_attachment_get_dicom_summary (disc)->studies, 0))->patient_sex,
                   ==, "M");
  stored = g_build_filename (case_dir, carta_attachment_get_stored_path (disc), "IM1", NULL);
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  g_free (records);
  records = run_ok (records_argv);
  g_assert_nonnull (strstr (records, "Warning: May be another patient’s disc"));

  export (&warned);
  g_assert_nonnull (strstr (warned.pdf, "Disc“disc”:Maybeanotherpatient’sdisc"));
  g_assert_nonnull (strstr (warned.pdf, "Thisdiscnames“HUALI”"));
  g_assert_nonnull (strstr (warned.pdf, "birthdate1970-01-01"));
  g_assert_cmpstr (warned.fhir_status, ==, "differs");
  g_assert_nonnull (strstr (warned.fhir_description, "May be another patient’s disc"));
  g_assert_nonnull (strstr (warned.info, "Imaging discs to check:"));
  g_assert_nonnull (strstr (warned.info, "Warning: May be another patient’s disc"));
  g_assert_nonnull (strstr (warned.verify, "is complete and valid"));
  g_assert_nonnull (strstr (warned.verify, "Warning: May be another patient’s disc"));
}

static void
test_confirmed (void)
{
  g_autoptr(CartaCase) kase = load_case ();
  g_autoptr(CartaAttachment) disc = find_new_disc (kase);
  g_autofree char *records = NULL;
  const char *records_argv[] = { tool, "records", case_dir, NULL };
  g_auto(Exported) confirmed = { 0 };

  g_assert_nonnull (disc);
  carta_attachment_set_identity_confirmed (disc, TRUE);
  save_case (kase);

  records = run_ok (records_argv);
  g_assert_null (strstr (records, "Warning:"));
  g_assert_nonnull (strstr (records, "Note: Confirmed by the family as the patient’s disc"));

  export (&confirmed);
  g_assert_nonnull (strstr (confirmed.pdf, "Disc“disc”:Confirmedbythefamilyasthepatient’sdisc"));
  g_assert_nonnull (strstr (confirmed.pdf, "Thefamilyconfirmedthatthisdiscisthepatient’s."));
  g_assert_cmpstr (confirmed.fhir_status, ==, "confirmed-by-family");
  g_assert_nonnull (strstr (confirmed.verify, "Note: Confirmed by the family"));

  carta_attachment_set_identity_confirmed (disc, FALSE);
  save_case (kase);
}

/* A case named only in Chinese cannot be compared with a Latin disc:
 * said so, never passed in silence. */
static void
test_not_checked (void)
{
  g_autoptr(CartaCase) kase = load_case ();
  g_auto(Exported) unchecked = { 0 };

  carta_patient_set_name (carta_case_get_patient (kase), "王梅");
  save_case (kase);

  export (&unchecked);
  /* The Latin name cannot be compared, but the birth date and sex can. */
  g_assert_nonnull (strstr (unchecked.pdf, "Disc“disc”:Maybeanotherpatient’sdisc"));
  g_assert_nonnull (strstr (unchecked.pdf, "Thisdiscnames“HUALI”,inanotherscriptthanthenamesinthiscase,soitcouldnotbechecked."));
  g_assert_cmpstr (unchecked.fhir_status, ==, "differs");
  g_assert_nonnull (strstr (unchecked.info, "Warning: Patient on the disc not checked"));
  /* The sample's own disc, WANG^MEI, cannot be compared with 王梅 either. */
  g_assert_nonnull (strstr (unchecked.pdf, "Disc“PET-CTdisc,24Feb2026”:Patientonthediscnotchecked"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CARTA_BUILD_ROOT") == NULL)
    {
      g_test_skip ("CARTA_BUILD_ROOT is not set");
      return g_test_run ();
    }

  tool = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "src", "tools", "carta-bundle", NULL);
  dir = g_dir_make_tmp ("carta-identity-XXXXXX", &error);
  g_assert_no_error (error);
  case_dir = g_build_filename (dir, "case", NULL);
  disc_dir = g_build_filename (dir, "disc", NULL);
  {
    const char *demo_argv[] = { tool, "demo", case_dir, NULL };

    g_free (run_ok (demo_argv));
  }
  make_disc ("LI^HUA", "19700101", "M");

  /* In order: each starts from the case the one before left. */
  g_test_add_func ("/identity-bundle/other-patient", test_other_patient);
  g_test_add_func ("/identity-bundle/confirmed", test_confirmed);
  g_test_add_func ("/identity-bundle/not-checked", test_not_checked);

  result = g_test_run ();

  carta_fs_remove_tree (dir);
  g_free (tool);
  g_free (dir);
  g_free (case_dir);
  g_free (disc_dir);
  return result;
}

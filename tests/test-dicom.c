/* test-dicom.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "carta-case.h"
#include "carta-dicom-summary.h"
#include "carta-error.h"
#include "carta-identity.h"
#include "carta-import.h"
#include "carta-verify.h"

/* The disc is made with DCMTK's own tools from text dumps, and what the
 * summary says is checked against what `dcmdump` reads from each file. */

typedef struct
{
  const char *path;         /* below the disc folder */
  const char *charset;
  const char *patient;      /* UTF-8; written in @charset */
  const char *study_uid;
  const char *study_date;
  const char *study_description;
  const char *series_uid;
  const char *series_number;
  const char *series_description;
  const char *modality;
  const char *body_part;
  const char *sop_uid;
  gboolean    bare;         /* a data set without preamble and meta header */
} Image;

static const Image images[] = {
  { "DICOM/ST1/SE1/IM1", "GB18030", "Zhang^San=张^三", "1.2.826.0.1.3680043.10.1", "20240105",
    "PET-CT 全身", "1.2.826.0.1.3680043.10.1.1", "1", "CT 5mm", "CT", "WHOLEBODY", "1.2.826.0.1.3680043.10.1.1.1", FALSE },
  { "DICOM/ST1/SE1/IM2", "GB18030", "Zhang^San=张^三", "1.2.826.0.1.3680043.10.1", "20240105",
    "PET-CT 全身", "1.2.826.0.1.3680043.10.1.1", "1", "CT 5mm", "CT", "WHOLEBODY", "1.2.826.0.1.3680043.10.1.1.2", FALSE },
  { "DICOM/ST1/SE2/IM1", "GB18030", "Zhang^San=张^三", "1.2.826.0.1.3680043.10.1", "20240105",
    "PET-CT 全身", "1.2.826.0.1.3680043.10.1.2", "2", "PET 轴位", "PT", "WHOLEBODY", "1.2.826.0.1.3680043.10.1.2.1", FALSE },
  { "DICOM/ST2/SE1/IM1", "ISO_IR 100", "ZHANG^SAN", "1.2.826.0.1.3680043.10.2", "20231120",
    "Schädel MRT", "1.2.826.0.1.3680043.10.2.1", "3", "T1 axial", "MR", "HEAD", "1.2.826.0.1.3680043.10.2.1.1", FALSE },
  /* Not in DICOMDIR, and without the "DICM" mark: only a full scan finds it. */
  { "DICOM/ST2/SE1/IM2", "ISO_IR 100", "ZHANG^SAN", "1.2.826.0.1.3680043.10.2", "20231120",
    "Schädel MRT", "1.2.826.0.1.3680043.10.2.1", "3", "T1 axial", "MR", "HEAD", "1.2.826.0.1.3680043.10.2.1.2", TRUE },
};

static char *disc_dir;
static char *work_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        struct stat st;

        if (lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
          remove_tree (child);
        else
          g_unlink (child);
      }

  g_rmdir (path);
}

static char *
spawn (const char * const *argv,
       const char         *cwd,
       gboolean           *success)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  *success = g_spawn_check_wait_status (status, NULL);
  return out;
}

static void
write_image (const Image *image)
{
  g_autofree char *dump_path = g_build_filename (work_dir, "image.dump", NULL);
  g_autofree char *out = g_build_filename (disc_dir, image->path, NULL);
  g_autofree char *out_dir = g_path_get_dirname (out);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *series_description = NULL;
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "dump2dcm", image->bare ? "-F" : "+F", dump_path, out, NULL };
  const char *iconv_name = g_str_equal (image->charset, "GB18030") ? "GB18030" : "ISO-8859-1";
  gboolean ok;

  /* The dump holds the bytes of the declared character set. */
  name = g_convert (image->patient, -1, iconv_name, "UTF-8", NULL, NULL, &error);
  g_assert_no_error (error);
  description = g_convert (image->study_description, -1, iconv_name, "UTF-8", NULL, NULL, &error);
  g_assert_no_error (error);
  series_description = g_convert (image->series_description, -1, iconv_name, "UTF-8", NULL, NULL, &error);
  g_assert_no_error (error);

  g_string_append (dump, "(0002,0010) UI =LittleEndianExplicit\n");
  g_string_append_printf (dump, "(0008,0005) CS [%s]\n", image->charset);
  g_string_append (dump, "(0008,0016) UI =SecondaryCaptureImageStorage\n");
  g_string_append_printf (dump, "(0008,0018) UI [%s]\n", image->sop_uid);
  g_string_append_printf (dump, "(0008,0020) DA [%s]\n", image->study_date);
  g_string_append (dump, "(0008,0030) TM [101500]\n");
  g_string_append_printf (dump, "(0008,0060) CS [%s]\n", image->modality);
  g_string_append_printf (dump, "(0008,1030) LO [%s]\n", description);
  g_string_append_printf (dump, "(0008,103e) LO [%s]\n", series_description);
  g_string_append_printf (dump, "(0010,0010) PN [%s]\n", name);
  g_string_append (dump, "(0010,0020) LO [CN-4711]\n");
  g_string_append (dump, "(0010,0030) DA [19800214]\n");
  g_string_append (dump, "(0010,0040) CS [M]\n");
  g_string_append_printf (dump, "(0018,0015) CS [%s]\n", image->body_part);
  g_string_append_printf (dump, "(0020,000d) UI [%s]\n", image->study_uid);
  g_string_append_printf (dump, "(0020,000e) UI [%s]\n", image->series_uid);
  g_string_append (dump, "(0020,0010) SH [1]\n");
  g_string_append_printf (dump, "(0020,0011) IS [%s]\n", image->series_number);
  g_string_append (dump, "(0020,0013) IS [1]\n");
  g_string_append (dump, "(0028,0002) US 1\n(0028,0004) CS [MONOCHROME2]\n");
  g_string_append (dump, "(0028,0010) US 2\n(0028,0011) US 2\n");
  g_string_append (dump, "(0028,0100) US 16\n(0028,0101) US 16\n(0028,0102) US 15\n(0028,0103) US 0\n");
  g_string_append (dump, "(7fe0,0010) OW 0001\\0002\\0003\\0004\n");

  g_file_set_contents (dump_path, dump->str, dump->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  g_free (spawn (argv, NULL, &ok));
  g_assert_true (ok);
}

static void
make_disc (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage_path = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *readme_path = NULL;
  const char *mkdir_argv[] = { "dcmmkdir", "+r", "+I", "DICOM", NULL };
  guint8 garbage[3000];
  guint8 broken[600] = { 0 };
  gboolean ok;

  work_dir = g_dir_make_tmp ("carta-dicom-XXXXXX", &error);
  g_assert_no_error (error);
  disc_dir = g_build_filename (work_dir, "disc", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    if (!images[i].bare)
      write_image (&images[i]);

  /* DICOMDIR first, so it lists only some of the files. */
  g_free (spawn (mkdir_argv, disc_dir, &ok));
  g_assert_true (ok);

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    if (images[i].bare)
      write_image (&images[i]);

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = g_random_int_range (0, 256);
  garbage_path = g_build_filename (disc_dir, "garbage.dcm", NULL);
  g_file_set_contents (garbage_path, (char *)garbage, sizeof garbage, &error);
  g_assert_no_error (error);

  /* Marked as DICOM, but cut short after the mark. */
  memcpy (broken + 128, "DICM\x02\x00\x10\x00UI\x40\x00", 12);
  broken_path = g_build_filename (disc_dir, "DICOM", "BROKEN.DCM", NULL);
  g_file_set_contents (broken_path, (char *)broken, 150, &error);
  g_assert_no_error (error);

  readme_path = g_build_filename (disc_dir, "README.TXT", NULL);
  g_file_set_contents (readme_path, "Insert the disc and run the viewer.\r\n", -1, &error);
  g_assert_no_error (error);
}

/* What dcmdump reads ------------------------------------------------------ */

typedef struct
{
  GHashTable *values;   /* "gggg,eeee" → value */
  gboolean    readable;
} Dump;

static void
dump_free (Dump *dump)
{
  g_hash_table_unref (dump->values);
  g_free (dump);
}

static Dump *
dcmdump (const char *path)
{
  const char *argv[] = {
    "dcmdump", "-q", "+U8",
    "+P", "0002,0002", "+P", "0008,0018", "+P", "0008,0020", "+P", "0008,0060",
    "+P", "0008,1030", "+P", "0008,103e", "+P", "0010,0010", "+P", "0010,0020",
    "+P", "0010,0030", "+P", "0010,0040", "+P", "0018,0015", "+P", "0020,000d", "+P", "0020,000e",
    "+P", "0020,0011",
    path, NULL
  };
  g_autoptr(GRegex) regex = g_regex_new ("^\\(([0-9a-f]{4},[0-9a-f]{4})\\) [A-Z][A-Z] (\\[(.*)\\]|=(\\S+))\\s+#",
                                         G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *out = NULL;
  Dump *dump = g_new0 (Dump, 1);

  out = spawn (argv, NULL, &dump->readable);
  dump->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *tag = g_match_info_fetch (match, 1);
      g_autofree char *value = g_match_info_fetch (match, 3);

      if (value == NULL || value[0] == '\0')
        {
          g_free (value);
          value = g_match_info_fetch (match, 4);
        }

      /* Trailing spaces are padding in DICOM. */
      g_strchomp (value);
      /* Items inside sequences (a DICOMDIR's records) come later; keep
       * the first, top-level value. */
      if (!g_hash_table_contains (dump->values, tag))
        g_hash_table_insert (dump->values, g_steal_pointer (&tag), g_steal_pointer (&value));
      g_match_info_next (match, NULL);
    }

  return dump;
}

static const char *
value (Dump       *dump,
       const char *tag)
{
  const char *v = g_hash_table_lookup (dump->values, tag);

  return v != NULL && v[0] != '\0' ? v : NULL;
}

static char *
as_date (const char *da)
{
  return da ? g_strdup_printf ("%.4s-%.2s-%.2s", da, da + 4, da + 6) : NULL;
}

static void
list_files (const char *dir,
            const char *prefix,
            GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = prefix ? g_build_filename (prefix, name, NULL) : g_strdup (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, rel, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&rel));
    }
}

static CartaDicomStudy *
find_study (CartaDicomSummary *summary,
            const char        *uid)
{
  for (guint i = 0; i < summary->studies->len; i++)
    {
      CartaDicomStudy *study = g_ptr_array_index (summary->studies, i);

      if (g_strcmp0 (study->uid, uid) == 0)
        return study;
    }
  return NULL;
}

static CartaDicomSeries *
find_series (CartaDicomStudy *study,
             const char      *uid)
{
  for (guint i = 0; i < study->series->len; i++)
    {
      CartaDicomSeries *series = g_ptr_array_index (study->series, i);

      if (g_strcmp0 (series->uid, uid) == 0)
        return series;
    }
  return NULL;
}

static gboolean
strv_has (GStrv strv, const char *s)
{
  return s == NULL || g_strv_contains ((const char * const *)strv, s);
}

/* Checks @summary against dcmdump, file by file. */
static void
assert_matches_dcmdump (CartaDicomSummary *summary,
                        const char        *dir)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) study_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) series_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) study_series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify)g_hash_table_unref);
  guint n_unreadable = 0;
  guint n_dicom = 0;

  list_files (dir, NULL, files);
  g_assert_cmpuint (summary->n_files, ==, files->len);

  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (dir, rel, NULL);
      Dump *dump = dcmdump (path);
      const char *study_uid = value (dump, "0020,000d");
      const char *media = value (dump, "0002,0002");
      CartaDicomStudy *study;
      CartaDicomSeries *series;
      GHashTable *series_set;
      g_autofree char *date = NULL;
      g_autofree char *birth = NULL;
      gboolean listed = FALSE;

      for (guint j = 0; j < summary->problems->len; j++)
        listed |= g_strcmp0 (((CartaDicomProblem *)g_ptr_array_index (summary->problems, j))->path, rel) == 0;

      if (media != NULL && (strstr (media, "DirectoryStorage") || g_str_equal (media, "1.2.840.10008.1.3.10")))
        {
          /* A DICOMDIR: read, not an image. */
          g_assert_true (dump->readable);
          g_assert_false (listed);
          n_dicom++;
          dump_free (dump);
          continue;
        }

      if (!dump->readable || study_uid == NULL)
        {
          g_test_message ("dcmdump cannot read %s; the summary must list it", rel);
          g_assert_true (listed);
          n_unreadable++;
          dump_free (dump);
          continue;
        }

      g_assert_false (listed);
      n_dicom++;

      study = find_study (summary, study_uid);
      g_assert_nonnull (study);
      date = as_date (value (dump, "0008,0020"));
      birth = as_date (value (dump, "0010,0030"));
      g_assert_cmpstr (study->date, ==, date);
      g_assert_cmpstr (study->description, ==, value (dump, "0008,1030"));
      g_assert_cmpstr (study->patient_name, ==, value (dump, "0010,0010"));
      g_assert_cmpstr (study->patient_id, ==, value (dump, "0010,0020"));
      g_assert_cmpstr (study->patient_birth_date, ==, birth);
      g_assert_cmpstr (study->patient_sex, ==, value (dump, "0010,0040"));
      g_assert_true (strv_has (study->modalities, value (dump, "0008,0060")));
      g_assert_true (strv_has (study->body_parts, value (dump, "0018,0015")));

      series = find_series (study, value (dump, "0020,000e"));
      g_assert_nonnull (series);
      g_assert_cmpstr (series->number, ==, value (dump, "0020,0011"));
      g_assert_cmpstr (series->modality, ==, value (dump, "0008,0060"));
      g_assert_cmpstr (series->description, ==, value (dump, "0008,103e"));
      g_assert_cmpstr (series->body_part, ==, value (dump, "0018,0015"));

      g_hash_table_insert (study_images, g_strdup (study_uid),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (study_images, study_uid)) + 1));
      g_hash_table_insert (series_images, g_strdup (series->uid),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (series_images, series->uid)) + 1));
      if (!(series_set = g_hash_table_lookup (study_series, study_uid)))
        {
          series_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (study_series, g_strdup (study_uid), series_set);
        }
      g_hash_table_add (series_set, g_strdup (series->uid));

      dump_free (dump);
    }

  /* Counts: every study and series dcmdump saw, and nothing else. */
  g_assert_cmpuint (summary->studies->len, ==, g_hash_table_size (study_images));
  g_assert_cmpuint (summary->n_dicom_files, ==, n_dicom);
  g_assert_cmpuint (summary->problems->len, ==, n_unreadable);
  for (guint i = 0; i < summary->studies->len; i++)
    {
      CartaDicomStudy *study = g_ptr_array_index (summary->studies, i);

      g_assert_cmpuint (study->n_images, ==, GPOINTER_TO_UINT (g_hash_table_lookup (study_images, study->uid)));
      g_assert_cmpuint (study->series->len, ==,
                        g_hash_table_size (g_hash_table_lookup (study_series, study->uid)));
      for (guint j = 0; j < study->series->len; j++)
        {
          CartaDicomSeries *series = g_ptr_array_index (study->series, j);

          g_assert_cmpuint (series->n_images, ==,
                            GPOINTER_TO_UINT (g_hash_table_lookup (series_images, series->uid)));
        }
    }
}

static void
test_scan (void)
{
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *first = g_build_filename (disc_dir, images[0].path, NULL);
  g_autofree char *gb = g_convert ("张", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  CartaDicomStudy *study;
  gsize length;

  /* The file really holds GB18030 bytes, declared as such. */
  g_file_get_contents (first, &raw, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (memmem (raw, length, "GB18030", 7));
  g_assert_nonnull (memmem (raw, length, gb, strlen (gb)));
  g_assert_null (memmem (raw, length, "张", strlen ("张")));

  summary = carta_dicom_scan (disc_dir, NULL, &error);
  g_assert_no_error (error);
  assert_matches_dcmdump (summary, disc_dir);

  /* Two studies, the older first; the Chinese name decoded. */
  g_assert_cmpuint (summary->studies->len, ==, 2);
  study = g_ptr_array_index (summary->studies, 1);
  g_assert_cmpstr (study->patient_name, ==, "Zhang^San=张^三");
  g_assert_cmpstr (study->description, ==, "PET-CT 全身");
  g_assert_cmpuint (study->series->len, ==, 2);
  g_assert_cmpuint (study->n_images, ==, 3);
  g_assert_cmpstr (study->modalities[0], ==, "CT");
  g_assert_cmpstr (study->modalities[1], ==, "PT");
  study = g_ptr_array_index (summary->studies, 0);
  g_assert_cmpstr (study->description, ==, "Schädel MRT");
  /* The data set without a preamble was found though DICOMDIR omits it. */
  g_assert_cmpuint (study->n_images, ==, 2);
  g_assert_cmpuint (carta_dicom_summary_get_n_images (summary), ==, 5);

  /* The garbage, the broken file and the text file are listed. */
  g_assert_cmpuint (summary->problems->len, ==, 3);
  g_assert_cmpstr (((CartaDicomProblem *)g_ptr_array_index (summary->problems, 0))->path, ==, "DICOM/BROKEN.DCM");
  g_assert_cmpstr (((CartaDicomProblem *)g_ptr_array_index (summary->problems, 1))->path, ==, "README.TXT");
  g_assert_cmpstr (((CartaDicomProblem *)g_ptr_array_index (summary->problems, 2))->path, ==, "garbage.dcm");
}

static void
test_json_round_trip (void)
{
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(CartaDicomSummary) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  summary = carta_dicom_scan (disc_dir, NULL, &error);
  g_assert_no_error (error);
  node = carta_dicom_summary_to_json (summary);
  copy = carta_dicom_summary_new_from_json (node, &error);
  g_assert_no_error (error);

  a = carta_dicom_summary_to_data (summary, NULL);
  b = carta_dicom_summary_to_data (copy, NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"Zhang^San=张^三\""));
}

static void
test_tool (void)
{
  g_autofree char *tool = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "src", "tools", "carta-bundle", NULL);
  const char *json_argv[] = { tool, "dicom", disc_dir, "--json", NULL };
  const char *text_argv[] = { tool, "dicom", disc_dir, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CartaDicomSummary) printed = NULL;
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gboolean ok;

  if (g_getenv ("CARTA_BUILD_ROOT") == NULL)
    {
      g_test_skip ("CARTA_BUILD_ROOT is not set");
      return;
    }

  json = spawn (json_argv, NULL, &ok);
  g_assert_true (ok);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  printed = carta_dicom_summary_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  summary = carta_dicom_scan (disc_dir, NULL, &error);
  g_assert_no_error (error);
  a = carta_dicom_summary_to_data (printed, NULL);
  b = carta_dicom_summary_to_data (summary, NULL);
  g_assert_cmpstr (a, ==, b);

  text = spawn (text_argv, NULL, &ok);
  g_assert_true (ok);
  g_assert_nonnull (strstr (text, "2024-01-05"));
  g_assert_nonnull (strstr (text, "张三"));
  g_assert_nonnull (strstr (text, "garbage.dcm"));
}

static void
test_import_disc (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("carta-disc-case-XXXXXX", &error);
  g_autoptr(GFile) case_dir = g_file_new_for_path (root);
  g_autoptr(GFile) disc = g_file_new_for_path (disc_dir);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(CartaCase) kase = carta_case_new ("Disc");
  g_autoptr(CartaCase) loaded = NULL;
  g_autoptr(CartaChecklistItem) item = carta_checklist_item_new_custom ("PET-CT", "imaging");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *manifest_text = NULL;
  g_autofree char *image = NULL;
  CartaAttachment *attachment;
  CartaAttachment *reloaded;
  CartaDicomSummary *summary;

  g_assert_no_error (error);
  g_list_store_append (files, disc);

  attachments = carta_import_files (case_dir, G_LIST_MODEL (files), NULL, NULL, NULL, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);

  /* One imaging attachment for the whole folder. */
  g_assert_cmpuint (attachments->len, ==, 1);
  attachment = g_ptr_array_index (attachments, 0);
  g_assert_cmpint (carta_attachment_get_kind (attachment), ==, CARTA_ATTACHMENT_KIND_IMAGING);
  g_assert_cmpstr (carta_attachment_get_original_name (attachment), ==, "disc");
  g_assert_true (g_str_has_prefix (carta_attachment_get_stored_path (attachment), "discs/"));
  summary = carta_attachment_get_dicom_summary (attachment);
  g_assert_nonnull (summary);

  /* Everything was copied, the summary describes the copy. */
  stored = g_build_filename (root, carta_attachment_get_stored_path (attachment), NULL);
  assert_matches_dcmdump (summary, stored);
  g_assert_cmpuint (summary->n_files, ==, G_N_ELEMENTS (images) + 4);
  manifest = g_strconcat (stored, ".sha256", NULL);
  g_assert_true (g_file_get_contents (manifest, &manifest_text, NULL, NULL));
  g_assert_nonnull (strstr (manifest_text, "  DICOM/ST1/SE1/IM1\n"));

  /* The wrong-disc warning, in the script of the case's name or not. */
  {
    g_autoptr(CartaPatient) patient = carta_patient_new ();
    g_autoptr(CartaIdentityCheck) check = NULL;
    CartaDicomStudy *study = g_ptr_array_index (summary->studies, 0);

    g_assert_cmpstr (study->patient_sex, ==, "M");
    g_assert_cmpstr (study->patient_birth_date, ==, "1980-02-14");

    carta_patient_set_name (patient, "San Zhang");
    check = carta_identity_check_disc (summary, patient);
    g_assert_cmpint (check->status, ==, CARTA_IDENTITY_MATCHES);
    g_clear_pointer (&check, carta_identity_check_free);

    carta_patient_set_name (patient, "张三");
    check = carta_identity_check_disc (summary, patient);
    /* The second study has only the Latin form. */
    g_assert_cmpint (check->status, ==, CARTA_IDENTITY_UNCHECKED);
    g_clear_pointer (&check, carta_identity_check_free);

    carta_patient_set_name (patient, "Li Si");
    check = carta_identity_check_disc (summary, patient);
    g_assert_cmpint (check->status, ==, CARTA_IDENTITY_DIFFERS);
    g_assert_nonnull (check->disc_name);
  }

  /* Saved in the case and read back. */
  carta_checklist_item_add_attachment (item, attachment);
  carta_case_add_item (kase, item);
  node = carta_case_to_json (kase);
  loaded = carta_case_new_from_json (node, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CartaChecklistItem) loaded_item = g_list_model_get_item (carta_case_get_items (loaded), 0);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    reloaded = g_list_model_get_item (carta_checklist_item_get_attachments (loaded_item), 0);
    g_assert_cmpint (carta_attachment_get_kind (reloaded), ==, CARTA_ATTACHMENT_KIND_IMAGING);
    g_assert_nonnull (carta_attachment_get_dicom_summary (reloaded));
    a = carta_dicom_summary_to_data (summary, NULL);
    b = carta_dicom_summary_to_data (carta_attachment_get_dicom_summary (reloaded), NULL);
    g_assert_cmpstr (a, ==, b);
  }

  /* The disc verifies, until one image changes. */
  g_assert_true (carta_verify_attachment (case_dir, reloaded, NULL, &error));
  g_assert_no_error (error);
  image = g_build_filename (stored, images[3].path, NULL);
  g_assert_true (g_file_set_contents (image, "changed", -1, NULL));
  g_assert_false (carta_verify_attachment (case_dir, reloaded, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);

  g_object_unref (reloaded);
  remove_tree (root);
}

static void
test_format_name (void)
{
  g_autofree char *a = carta_dicom_format_person_name ("ZHANG^SAN=张^三");
  g_autofree char *b = carta_dicom_format_person_name ("Doe^John^Q^Dr.^Jr.");
  g_autofree char *c = carta_dicom_format_person_name ("^^^^");

  g_assert_cmpstr (a, ==, "SAN ZHANG (张三)");
  g_assert_cmpstr (b, ==, "Dr. John Q Doe Jr.");
  g_assert_null (c);
}

static void
test_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (work_dir, "no such folder", NULL);

  g_assert_null (carta_dicom_scan (missing, NULL, &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND);
  g_assert_false (carta_dicom_folder_has_dicom (missing, NULL));
  g_assert_true (carta_dicom_folder_has_dicom (disc_dir, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  make_disc ();

  g_test_add_func ("/dicom/scan", test_scan);
  g_test_add_func ("/dicom/json-round-trip", test_json_round_trip);
  g_test_add_func ("/dicom/tool", test_tool);
  g_test_add_func ("/dicom/import-disc", test_import_disc);
  g_test_add_func ("/dicom/format-name", test_format_name);
  g_test_add_func ("/dicom/missing-folder", test_missing_folder);

  status = g_test_run ();

  remove_tree (work_dir);
  g_free (work_dir);
  g_free (disc_dir);

  return status;
}

/* carta-dicom-summary.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-dicom-summary"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carta-dicom-reader.h"
#include "carta-dicom-summary.h"
#include "carta-error.h"
#include "carta-fs-private.h"
#include "carta-import-private.h"
#include "carta-json-private.h"

/* Files are read by this many threads; DCMTK is thread-safe per object. */
#define SCAN_THREADS 2

G_DEFINE_BOXED_TYPE (CartaDicomSummary, carta_dicom_summary,
                     carta_dicom_summary_ref, carta_dicom_summary_unref)

static void
series_free (CartaDicomSeries *series)
{
  g_free (series->uid);
  g_free (series->number);
  g_free (series->modality);
  g_free (series->description);
  g_free (series->body_part);
  g_free (series);
}

static void
study_free (CartaDicomStudy *study)
{
  g_free (study->uid);
  g_free (study->date);
  g_free (study->description);
  g_strfreev (study->modalities);
  g_strfreev (study->body_parts);
  g_free (study->patient_name);
  g_free (study->patient_id);
  g_free (study->patient_birth_date);
  g_free (study->patient_sex);
  g_clear_pointer (&study->series, g_ptr_array_unref);
  g_free (study);
}

static void
problem_free (CartaDicomProblem *problem)
{
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static CartaDicomStudy *
study_new (void)
{
  CartaDicomStudy *study = g_new0 (CartaDicomStudy, 1);

  study->series = g_ptr_array_new_with_free_func ((GDestroyNotify)series_free);
  return study;
}

static CartaDicomSummary *
summary_new (void)
{
  CartaDicomSummary *self = g_atomic_rc_box_new0 (CartaDicomSummary);

  self->studies = g_ptr_array_new_with_free_func ((GDestroyNotify)study_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  return self;
}

static void
summary_clear (CartaDicomSummary *self)
{
  g_clear_pointer (&self->studies, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
}

/**
 * carta_dicom_summary_ref:
 *
 * Returns: (transfer full): @self
 */
CartaDicomSummary *
carta_dicom_summary_ref (CartaDicomSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
carta_dicom_summary_unref (CartaDicomSummary *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify)summary_clear);
}

/**
 * carta_dicom_summary_get_n_images:
 *
 * Returns: how many images all the studies hold
 */
guint
carta_dicom_summary_get_n_images (CartaDicomSummary *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->studies->len; i++)
    n += ((CartaDicomStudy *)g_ptr_array_index (self->studies, i))->n_images;

  return n;
}

/* Scanning ---------------------------------------------------------------- */

typedef enum
{
  PROBE_DICOM_FILE,  /* has the "DICM" mark after its preamble */
  PROBE_MAYBE,       /* starts like a bare data set */
  PROBE_NOT_DICOM,
  PROBE_UNREADABLE,
} Probe;

static Probe
probe_file (const char *path,
            int        *saved_errno)
{
  guint8 head[132];
  gssize n = 0;
  int fd;

  if ((fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK)) < 0)
    {
      *saved_errno = errno;
      return PROBE_UNREADABLE;
    }

  do
    n = read (fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  *saved_errno = errno;
  close (fd);

  if (n < 0)
    return PROBE_UNREADABLE;

  if (n == sizeof head && memcmp (head + 128, "DICM", 4) == 0)
    return PROBE_DICOM_FILE;

  /* Old equipment writes data sets without the file preamble; they begin
   * with a group 0002 or 0008 element. Anything else (a viewer program,
   * a text file) is not worth handing to the parser. */
  if (n >= 8 && ((head[0] == 0x02 || head[0] == 0x08) && head[1] == 0x00))
    return PROBE_MAYBE;

  return PROBE_NOT_DICOM;
}

typedef struct
{
  GPtrArray        *entries;   /* CartaFolderEntry */
  CartaDicomRecord *records;
  char            **messages;  /* NULL where the file was read */
  gint              next;
  GCancellable     *cancellable;
} ScanJob;

static gpointer
scan_worker (gpointer user_data)
{
  ScanJob *job = user_data;
  int i;

  while ((i = g_atomic_int_add (&job->next, 1)) < (int)job->entries->len)
    {
      CartaFolderEntry *entry = g_ptr_array_index (job->entries, i);
      int saved_errno = 0;

      if (g_cancellable_is_cancelled (job->cancellable))
        break;

      switch (probe_file (entry->path, &saved_errno))
        {
        case PROBE_UNREADABLE:
          job->messages[i] = g_strdup_printf (_("Could not read it: %s"), g_strerror (saved_errno));
          break;

        case PROBE_NOT_DICOM:
          job->messages[i] = g_strdup (_("Not a DICOM file"));
          break;

        case PROBE_DICOM_FILE:
        case PROBE_MAYBE:
        default:
          {
            g_autofree char *message = NULL;

            if (!_carta_dicom_read_header (entry->path, &job->records[i], &message))
              {
                _carta_dicom_record_clear (&job->records[i]);
                /* TRANSLATORS: %s is the DICOM library's reason, in English */
                job->messages[i] = g_strdup_printf (_("Not readable as DICOM: %s"), message);
              }
          }
          break;
        }
    }

  return NULL;
}

static char *
format_date (const char *da)
{
  if (da == NULL)
    return NULL;

  /* DA is YYYYMMDD; some old files write YYYY.MM.DD. */
  if (strlen (da) == 8 && strspn (da, "0123456789") == 8)
    return g_strdup_printf ("%.4s-%.2s-%.2s", da, da + 4, da + 6);
  if (strlen (da) == 10 && da[4] == '.' && da[7] == '.')
    return g_strdup_printf ("%.4s-%.2s-%.2s", da, da + 5, da + 8);

  return g_strdup (da);
}

typedef struct
{
  CartaDicomStudy *study;
  GHashTable      *series;      /* uid → CartaDicomSeries (owned by study) */
  GHashTable      *instances;   /* series uid + SOP uid, to count each once */
  GHashTable      *modalities;
  GHashTable      *body_parts;
} StudyBuilder;

static void
study_builder_free (StudyBuilder *builder)
{
  g_hash_table_unref (builder->series);
  g_hash_table_unref (builder->instances);
  g_hash_table_unref (builder->modalities);
  g_hash_table_unref (builder->body_parts);
  g_free (builder);
}

static void
fill (char      **field,
      char      **value)
{
  /* The first file that has a value gives it. */
  if (*field == NULL && *value != NULL)
    *field = g_steal_pointer (value);
}

static int
compare_strv_items (const void *a,
                    const void *b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static GStrv
sorted_keys (GHashTable *set)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (set, NULL);
  GStrv result;

  for (guint i = 0; keys[i] != NULL; i++)
    g_strv_builder_add (builder, keys[i]);

  result = g_strv_builder_end (builder);
  qsort (result, g_strv_length (result), sizeof (char *), compare_strv_items);
  return result;
}

static void
add_record (GHashTable       *studies,
            CartaDicomRecord *record)
{
  StudyBuilder *builder = g_hash_table_lookup (studies, record->study_uid);
  CartaDicomSeries *series;
  const char *series_uid = record->series_uid ? record->series_uid : "";
  g_autofree char *instance_key = NULL;

  if (builder == NULL)
    {
      builder = g_new0 (StudyBuilder, 1);
      builder->study = study_new ();
      builder->study->uid = g_strdup (record->study_uid);
      builder->series = g_hash_table_new (g_str_hash, g_str_equal);
      builder->instances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      builder->modalities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      builder->body_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (studies, builder->study->uid, builder);
    }

  if (builder->study->date == NULL && record->study_date != NULL)
    builder->study->date = format_date (record->study_date);
  fill (&builder->study->description, &record->study_description);
  fill (&builder->study->patient_name, &record->patient_name);
  fill (&builder->study->patient_id, &record->patient_id);
  if (builder->study->patient_birth_date == NULL && record->patient_birth_date != NULL)
    builder->study->patient_birth_date = format_date (record->patient_birth_date);
  fill (&builder->study->patient_sex, &record->patient_sex);

  if (!(series = g_hash_table_lookup (builder->series, series_uid)))
    {
      series = g_new0 (CartaDicomSeries, 1);
      series->uid = g_strdup (series_uid);
      g_ptr_array_add (builder->study->series, series);
      g_hash_table_insert (builder->series, series->uid, series);
    }

  fill (&series->number, &record->series_number);
  fill (&series->description, &record->series_description);
  if (series->modality == NULL && record->modality != NULL)
    {
      g_hash_table_add (builder->modalities, g_strdup (record->modality));
      series->modality = g_steal_pointer (&record->modality);
    }
  if (series->body_part == NULL && record->body_part != NULL)
    {
      g_hash_table_add (builder->body_parts, g_strdup (record->body_part));
      series->body_part = g_steal_pointer (&record->body_part);
    }

  /* A disc may hold the same image twice; count it once. Files without
   * an instance UID count each. */
  if (record->sop_instance_uid != NULL)
    {
      instance_key = g_strconcat (series_uid, "/", record->sop_instance_uid, NULL);
      if (!g_hash_table_add (builder->instances, g_steal_pointer (&instance_key)))
        return;
    }

  series->n_images++;
  builder->study->n_images++;
}

static gint64
series_number (const CartaDicomSeries *series)
{
  if (series->number == NULL)
    return G_MAXINT64;
  return g_ascii_strtoll (series->number, NULL, 10);
}

static int
compare_series (gconstpointer a,
                gconstpointer b)
{
  const CartaDicomSeries *sa = *(CartaDicomSeries * const *)a;
  const CartaDicomSeries *sb = *(CartaDicomSeries * const *)b;
  gint64 na = series_number (sa), nb = series_number (sb);

  if (na != nb)
    return na < nb ? -1 : 1;
  return g_strcmp0 (sa->uid, sb->uid);
}

static int
compare_studies (gconstpointer a,
                 gconstpointer b)
{
  const CartaDicomStudy *sa = *(CartaDicomStudy * const *)a;
  const CartaDicomStudy *sb = *(CartaDicomStudy * const *)b;
  int cmp = g_strcmp0 (sa->date, sb->date);

  return cmp != 0 ? cmp : g_strcmp0 (sa->uid, sb->uid);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CartaDicomProblem *pa = *(CartaDicomProblem * const *)a;
  const CartaDicomProblem *pb = *(CartaDicomProblem * const *)b;

  return g_strcmp0 (pa->path, pb->path);
}

/**
 * carta_dicom_scan:
 * @dir: a folder, such as the copy of an imaging disc
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads the header of every file below @dir (DICOMDIR is not trusted to
 * list them all), each only up to its pixel data, and groups them into
 * studies and series. Names are converted from the character set each
 * file declares (GB18030, ISO_IR 100…) to UTF-8. Files that are not
 * readable DICOM are listed in the summary's problems. Blocks: call it
 * from a thread.
 *
 * Returns: (transfer full): the summary, or %NULL if @dir cannot be read
 *   or the scan was cancelled
 */
CartaDicomSummary *
carta_dicom_scan (const char    *dir,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(CartaDicomSummary) self = NULL;
  g_autoptr(GPtrArray) walk_problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) studies = NULL;
  GThread *threads[SCAN_THREADS] = { NULL, };
  ScanJob job = { 0, };
  GHashTableIter iter;
  StudyBuilder *builder;
  guint n_threads;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!(entries = _carta_walk_folder (dir, walk_problems, cancellable, error)))
    return NULL;

  self = summary_new ();
  self->n_files = entries->len;

  for (guint i = 0; i < walk_problems->len; i++)
    {
      CartaDicomProblem *problem = g_new0 (CartaDicomProblem, 1);

      problem->message = g_strdup (((GError *)g_ptr_array_index (walk_problems, i))->message);
      g_ptr_array_add (self->problems, problem);
    }

  job.entries = entries;
  job.records = g_new0 (CartaDicomRecord, entries->len);
  job.messages = g_new0 (char *, entries->len);
  job.cancellable = cancellable;

  n_threads = MIN (SCAN_THREADS, MAX (1, g_get_num_processors ()));
  for (guint t = 1; t < n_threads && entries->len > 16; t++)
    threads[t] = g_thread_new ("carta-dicom-scan", scan_worker, &job);
  scan_worker (&job);
  for (guint t = 1; t < n_threads; t++)
    if (threads[t] != NULL)
      g_thread_join (threads[t]);

  studies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)study_builder_free);

  for (guint i = 0; i < entries->len; i++)
    {
      CartaFolderEntry *entry = g_ptr_array_index (entries, i);
      CartaDicomRecord *record = &job.records[i];

      if (job.messages[i] != NULL)
        {
          CartaDicomProblem *problem = g_new0 (CartaDicomProblem, 1);

          problem->path = _carta_display_name (entry->relative);
          problem->message = g_steal_pointer (&job.messages[i]);
          g_ptr_array_add (self->problems, problem);
        }
      else if (record->is_dicomdir)
        self->n_dicom_files++;
      else if (record->study_uid != NULL)
        {
          self->n_dicom_files++;
          add_record (studies, record);
        }

      _carta_dicom_record_clear (record);
    }

  g_free (job.records);
  g_free (job.messages);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_hash_table_iter_init (&iter, studies);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&builder))
    {
      CartaDicomStudy *study = g_steal_pointer (&builder->study);

      study->modalities = sorted_keys (builder->modalities);
      study->body_parts = sorted_keys (builder->body_parts);
      g_ptr_array_sort (study->series, compare_series);
      g_ptr_array_add (self->studies, study);
    }

  g_ptr_array_sort (self->studies, compare_studies);
  g_ptr_array_sort (self->problems, compare_problems);

  return g_steal_pointer (&self);
}

/**
 * carta_dicom_folder_has_dicom:
 * @dir: a folder
 *
 * Tells whether @dir holds DICOM files: a DICOMDIR, or any file marked
 * as DICOM. Reads at most a few bytes of each file. Blocks.
 */
gboolean
carta_dicom_folder_has_dicom (const char   *dir,
                              GCancellable *cancellable)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  if (!(entries = _carta_walk_folder (dir, problems, cancellable, NULL)))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      CartaFolderEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *base = g_path_get_basename (entry->relative);

      if (g_ascii_strcasecmp (base, "DICOMDIR") == 0)
        return TRUE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CartaFolderEntry *entry = g_ptr_array_index (entries, i);
      int saved_errno;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if (probe_file (entry->path, &saved_errno) == PROBE_DICOM_FILE)
        return TRUE;
    }

  return FALSE;
}

/* JSON -------------------------------------------------------------------- */

static JsonArray *
strv_to_array (GStrv strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

/**
 * carta_dicom_summary_to_json:
 *
 * Returns: (transfer full): @self as a JSON object, as `carta-bundle dicom
 *   --json` prints it and as the case file stores it
 */
JsonNode *
carta_dicom_summary_to_json (CartaDicomSummary *self)
{
  JsonObject *object = json_object_new ();
  JsonArray *studies = json_array_new ();
  JsonArray *problems = json_array_new ();
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_int_member (object, "n_files", self->n_files);
  json_object_set_int_member (object, "n_dicom_files", self->n_dicom_files);

  for (guint i = 0; i < self->studies->len; i++)
    {
      CartaDicomStudy *study = g_ptr_array_index (self->studies, i);
      JsonObject *o = json_object_new ();
      JsonArray *series = json_array_new ();

      json_object_set_string_member (o, "uid", study->uid);
      _carta_json_set_string (o, "date", study->date);
      _carta_json_set_string (o, "description", study->description);
      json_object_set_array_member (o, "modalities", strv_to_array (study->modalities));
      json_object_set_array_member (o, "body_parts", strv_to_array (study->body_parts));
      _carta_json_set_string (o, "patient_name", study->patient_name);
      _carta_json_set_string (o, "patient_id", study->patient_id);
      _carta_json_set_string (o, "patient_birth_date", study->patient_birth_date);
      _carta_json_set_string (o, "patient_sex", study->patient_sex);
      json_object_set_int_member (o, "n_series", study->series->len);
      json_object_set_int_member (o, "n_images", study->n_images);

      for (guint j = 0; j < study->series->len; j++)
        {
          CartaDicomSeries *s = g_ptr_array_index (study->series, j);
          JsonObject *so = json_object_new ();

          json_object_set_string_member (so, "uid", s->uid);
          _carta_json_set_string (so, "number", s->number);
          _carta_json_set_string (so, "modality", s->modality);
          _carta_json_set_string (so, "description", s->description);
          _carta_json_set_string (so, "body_part", s->body_part);
          json_object_set_int_member (so, "n_images", s->n_images);
          json_array_add_object_element (series, so);
        }
      json_object_set_array_member (o, "series", series);
      json_array_add_object_element (studies, o);
    }
  json_object_set_array_member (object, "studies", studies);

  for (guint i = 0; i < self->problems->len; i++)
    {
      CartaDicomProblem *problem = g_ptr_array_index (self->problems, i);
      JsonObject *o = json_object_new ();

      _carta_json_set_string (o, "path", problem->path);
      _carta_json_set_string (o, "message", problem->message);
      json_array_add_object_element (problems, o);
    }
  json_object_set_array_member (object, "problems", problems);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/**
 * carta_dicom_summary_to_data:
 *
 * Returns: (transfer full): @self as indented JSON text
 */
char *
carta_dicom_summary_to_data (CartaDicomSummary *self,
                             gsize             *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = carta_dicom_summary_to_json (self);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  return g_strdup (_carta_json_get_string (object, member, FALSE, NULL));
}

static guint
get_count (JsonObject *object,
           const char *member)
{
  gint64 value = 0;

  if (!_carta_json_get_int (object, member, FALSE, &value, NULL) || value < 0 || value > G_MAXUINT)
    return 0;
  return value;
}

static GStrv
array_to_strv (JsonObject *object,
               const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = _carta_json_get_array (object, member, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static JsonObject *
element_object (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * carta_dicom_summary_new_from_json:
 * @node: what carta_dicom_summary_to_json() wrote
 *
 * Returns: (transfer full): the summary, or %NULL if @node is not one
 */
CartaDicomSummary *
carta_dicom_summary_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(CartaDicomSummary) self = NULL;
  JsonObject *object;
  JsonArray *studies;
  JsonArray *problems;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD,
                   _("the imaging summary is not an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  self = summary_new ();
  self->n_files = get_count (object, "n_files");
  self->n_dicom_files = get_count (object, "n_dicom_files");

  studies = _carta_json_get_array (object, "studies", NULL);
  for (guint i = 0; studies != NULL && i < json_array_get_length (studies); i++)
    {
      JsonObject *o = element_object (studies, i);
      CartaDicomStudy *study;
      JsonArray *series;

      if (o == NULL || _carta_json_get_string (o, "uid", FALSE, NULL) == NULL)
        continue;

      study = study_new ();
      study->uid = dup_member (o, "uid");
      study->date = dup_member (o, "date");
      study->description = dup_member (o, "description");
      study->modalities = array_to_strv (o, "modalities");
      study->body_parts = array_to_strv (o, "body_parts");
      study->patient_name = dup_member (o, "patient_name");
      study->patient_id = dup_member (o, "patient_id");
      study->patient_birth_date = dup_member (o, "patient_birth_date");
      study->patient_sex = dup_member (o, "patient_sex");
      study->n_images = get_count (o, "n_images");

      series = _carta_json_get_array (o, "series", NULL);
      for (guint j = 0; series != NULL && j < json_array_get_length (series); j++)
        {
          JsonObject *so = element_object (series, j);
          CartaDicomSeries *s;

          if (so == NULL)
            continue;

          s = g_new0 (CartaDicomSeries, 1);
          s->uid = g_strdup (_carta_json_get_string (so, "uid", FALSE, NULL) ?: "");
          s->number = dup_member (so, "number");
          s->modality = dup_member (so, "modality");
          s->description = dup_member (so, "description");
          s->body_part = dup_member (so, "body_part");
          s->n_images = get_count (so, "n_images");
          g_ptr_array_add (study->series, s);
        }

      g_ptr_array_add (self->studies, study);
    }

  problems = _carta_json_get_array (object, "problems", NULL);
  for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
    {
      JsonObject *o = element_object (problems, i);
      CartaDicomProblem *problem;

      if (o == NULL)
        continue;

      problem = g_new0 (CartaDicomProblem, 1);
      problem->path = dup_member (o, "path");
      problem->message = dup_member (o, "message");
      g_ptr_array_add (self->problems, problem);
    }

  return g_steal_pointer (&self);
}

/* Names ------------------------------------------------------------------- */

static gboolean
is_ideographic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iswide (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static char *
format_group (const char *group)
{
  g_auto(GStrv) parts = g_strsplit (group, "^", 5);
  gboolean ideographic = is_ideographic (group);
  GString *text = g_string_new (NULL);
  /* Prefix, given, middle, family, suffix reads naturally in Latin
   * script; ideographic names keep family name first, unspaced. */
  static const guint latin_order[] = { 3, 1, 2, 0, 4 };
  static const guint cjk_order[] = { 3, 0, 1, 2, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (latin_order); i++)
    {
      guint k = ideographic ? cjk_order[i] : latin_order[i];

      if (k >= g_strv_length (parts))
        continue;
      g_strstrip (parts[k]);
      if (parts[k][0] == '\0')
        continue;
      if (text->len > 0 && !ideographic)
        g_string_append_c (text, ' ');
      g_string_append (text, parts[k]);
    }

  return g_string_free (text, FALSE);
}

/**
 * carta_dicom_format_person_name:
 * @dicom_name: (nullable): a DICOM person name in UTF-8
 *
 * Turns `ZHANG^SAN=张^三` into `SAN ZHANG (张三)` for display.
 *
 * Returns: (transfer full) (nullable): the name to show, or %NULL
 */
char *
carta_dicom_format_person_name (const char *dicom_name)
{
  g_auto(GStrv) groups = NULL;
  GString *text;

  if (dicom_name == NULL)
    return NULL;

  groups = g_strsplit (dicom_name, "=", 3);
  text = g_string_new (NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *formatted = format_group (groups[i]);

      if (formatted[0] == '\0')
        continue;
      if (text->len == 0)
        g_string_append (text, formatted);
      else if (strstr (text->str, " (") == NULL)
        g_string_append_printf (text, " (%s)", formatted);
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

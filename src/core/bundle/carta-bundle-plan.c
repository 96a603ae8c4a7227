/* carta-bundle-plan.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "carta-bundle-private.h"
#include "carta-fs-private.h"
#include "carta-checklist-template.h"
#include "carta-error.h"
#include "carta-import-private.h"

/* Short names keep every path well under Windows' 260 characters. */
#define CATEGORY_SLUG_MAX 24
#define ITEM_SLUG_MAX     32
#define FILE_NAME_MAX     48
/* A disc's list of files is one line a file: 20,000 fit in 2 MB. */
#define DISC_MANIFEST_MAX (16 * 1024 * 1024)

void
_carta_bundle_doc_free (CartaBundleDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->disc_relative);
  g_free (doc->disc_dir);
  g_clear_object (&doc->attachment);
  g_free (doc->source_path);
  g_free (doc->source_root);
  g_free (doc->source_relative);
  g_free (doc->bag_path);
  g_free (doc->category);
  g_free (doc->category_dir);
  g_free (doc->item_title);
  g_free (doc->template_key);
  g_free (doc->item_status);
  g_free (doc->document_date);
  g_free (doc->original_name);
  g_free (doc->content_type);
  g_free (doc->attachment_id);
  g_free (doc->recorded_sha256);
  g_clear_pointer (&doc->added, g_date_time_unref);
  g_free (doc->sha1_base64);
  g_free (doc->dicom_study_uid);
  g_free (doc->dicom_study_date);
  g_free (doc->dicom_modality);
  g_free (doc->dicom_description);
  g_free (doc);
}

/**
 * _carta_bundle_get_text:
 *
 * Reads a text property if @object has one. The richer case profile adds
 * properties (diagnosis, contact name…) the bundle picks up without a
 * compile-time dependency on them.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when absent or empty
 */
char *
_carta_bundle_get_text (gpointer    object,
                        const char *property)
{
  GParamSpec *pspec;
  char *value = NULL;

  if (object == NULL)
    return NULL;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
    return NULL;

  g_object_get (object, property, &value, NULL);
  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/**
 * _carta_bundle_diagnosis_text:
 *
 * Returns: (transfer full) (nullable): the diagnosis as a person reads it
 */
char *
_carta_bundle_diagnosis_text (CartaCase *kase)
{
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaDisease disease = carta_diagnosis_get_disease (diagnosis);

  if (disease == CARTA_DISEASE_NOT_SET)
    return NULL;
  if (disease == CARTA_DISEASE_OTHER && carta_diagnosis_get_disease_other (diagnosis) != NULL)
    return g_strdup (carta_diagnosis_get_disease_other (diagnosis));
  return g_strdup (carta_disease_to_label (disease));
}

/* The record's title in English, whatever the window's language: the
 * bag's file names and the FHIR file are read by machines and by teams
 * abroad. Template items have the template's (untranslated) title. */
const char *
_carta_bundle_item_title (CartaChecklistItem *item)
{
  const char *title = carta_checklist_item_get_title (item);
  const CartaTemplateItem *entry;

  if (title != NULL && *title != '\0')
    return title;

  entry = carta_checklist_template_lookup_item (carta_checklist_template_get_default (),
                                                carta_checklist_item_get_template_key (item));
  if (entry != NULL)
    return entry->title;

  title = carta_checklist_item_get_template_key (item);
  return title ? title : "";
}

/**
 * _carta_bundle_slug:
 *
 * Folds @text to lower-case ASCII letters, digits and single dashes, at
 * most @max_len long, cut at a dash when possible.
 */
char *
_carta_bundle_slug (const char *text,
                    gsize       max_len,
                    const char *fallback)
{
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    ascii = g_str_to_ascii (text, "C");

  for (const char *p = ascii; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (out->len > max_len)
    {
      char *cut;

      g_string_truncate (out, max_len);
      cut = strrchr (out->str, '-');
      if (cut != NULL && cut - out->str >= (gssize)max_len / 2)
        g_string_truncate (out, cut - out->str);
    }

  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    g_string_append (out, fallback);

  return g_string_free (out, FALSE);
}

char *
_carta_bundle_safe_file_name (const char *original_name,
                              gsize       max_len)
{
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *ext = NULL;
  const char *dot;

  base = original_name ? g_path_get_basename (original_name) : g_strdup ("");
  dot = strrchr (base, '.');

  if (dot != NULL && dot != base && strlen (dot + 1) <= 8)
    {
      stem = g_strndup (base, dot - base);
      ext = _carta_bundle_slug (dot + 1, 8, "");
      /* Extensions have no dashes; "tar-gz" would mislead. */
      g_strdelimit (ext, "-", '\0');
    }
  else
    stem = g_strdup (base);

  {
    gsize room = max_len - (ext && *ext ? strlen (ext) + 1 : 0);
    g_autofree char *slug = _carta_bundle_slug (stem, room, "file");

    if (ext != NULL && *ext != '\0')
      return g_strconcat (slug, ".", ext, NULL);
    return g_steal_pointer (&slug);
  }
}

/* Unique ignoring case, as the name must be on Windows and macOS. */
char *
_carta_bundle_make_unique (GHashTable *taken,
                           const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);
  const char *dot;
  char *candidate;

  if (!g_hash_table_contains (taken, folded))
    {
      g_hash_table_add (taken, g_steal_pointer (&folded));
      return g_strdup (name);
    }

  dot = strrchr (name, '.');
  for (guint n = 2; ; n++)
    {
      g_autofree char *lower = NULL;

      if (dot != NULL && dot != name)
        candidate = g_strdup_printf ("%.*s-%u%s", (int)(dot - name), name, n, dot);
      else
        candidate = g_strdup_printf ("%s-%u", name, n);

      lower = g_ascii_strdown (candidate, -1);
      if (!g_hash_table_contains (taken, lower))
        {
          g_hash_table_add (taken, g_steal_pointer (&lower));
          return candidate;
        }
      g_free (candidate);
    }
}

char *
_carta_bundle_surname (CartaCase *kase)
{
  CartaPatient *patient = carta_case_get_patient (kase);
  g_autofree char *family = _carta_bundle_get_text (patient, "family-name");
  const char *name = carta_patient_get_name (patient);
  g_autofree char *slug = NULL;

  if (family != NULL)
    slug = _carta_bundle_slug (family, 24, "");

  /* "Given Family" in most Latin-script names; the last word that has a
   * Latin spelling, so "Mei Wang 王梅" gives "Wang". */
  if ((slug == NULL || *slug == '\0') && name != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);

      for (gint i = g_strv_length (words) - 1; i >= 0; i--)
        {
          g_free (slug);
          slug = _carta_bundle_slug (words[i], 24, "");
          if (*slug != '\0' && !strchr (slug, '?'))
            break;
        }
    }

  if (slug == NULL || *slug == '\0')
    {
      g_free (slug);
      slug = _carta_bundle_slug (carta_case_get_title (kase), 24, "Case");
    }

  /* Capitalised, as a name reads in a file name. */
  slug[0] = g_ascii_toupper (slug[0]);
  return g_steal_pointer (&slug);
}

char *
_carta_bundle_bag_name (CartaCase *kase,
                        GDateTime *when)
{
  g_autofree char *surname = _carta_bundle_surname (kase);
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");

  return g_strdup_printf ("Carta-%s-%s", surname, date);
}

/**
 * _carta_bundle_path_is_safe:
 * @reason: (out): why not, when it is not
 *
 * A path inside an archive or a case folder: relative, UTF-8, no "..",
 * no empty or "." parts, no backslashes or control characters. The
 * reason is translated: messages show it after the name.
 */
gboolean
_carta_bundle_path_is_safe (const char  *path,
                            const char **reason)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0')
    {
      *reason = _("the name is empty");
      return FALSE;
    }

  if (!g_utf8_validate (path, -1, NULL))
    {
      *reason = _("the name is not valid UTF-8");
      return FALSE;
    }

  if (path[0] == '/' || path[0] == '\\' ||
      (g_ascii_isalpha (path[0]) && path[1] == ':'))
    {
      *reason = _("the name is an absolute path");
      return FALSE;
    }

  for (const char *p = path; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f || *p == '\\')
      {
        *reason = _("the name holds a control character or a backslash");
        return FALSE;
      }

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        {
          *reason = _("the name climbs out of its folder with “..”");
          return FALSE;
        }
      /* A trailing slash marks a folder; other empty parts are not ok. */
      if ((parts[i][0] == '\0' && parts[i + 1] != NULL) || g_str_equal (parts[i], "."))
        {
          *reason = _("the name has an empty or “.” part");
          return FALSE;
        }
    }

  return TRUE;
}

static CartaBundleDoc *
new_doc (GPtrArray          *docs,
         CartaChecklistItem *item,
         CartaAttachment    *attachment,
         const char         *category,
         const char         *category_dir)
{
  CartaBundleDoc *doc = g_new0 (CartaBundleDoc, 1);
  /* The name the family gave it, if any, is what the reader sees. */
  const char *original = carta_attachment_get_label (attachment);

  g_ptr_array_add (docs, doc);
  doc->attachment = g_object_ref (attachment);
  doc->category = g_strdup (category);
  doc->category_dir = g_strdup (category_dir);
  doc->item_title = g_strdup (_carta_bundle_item_title (item));
  doc->template_key = g_strdup (carta_checklist_item_get_template_key (item));
  doc->item_status = g_strdup (carta_item_status_to_string (carta_checklist_item_get_status (item)));
  doc->document_date = g_strdup (carta_checklist_item_get_document_date (item));
  doc->original_name = g_strdup (original ? original : carta_attachment_get_stored_path (attachment));
  doc->content_type = g_strdup (carta_attachment_get_content_type (attachment));
  doc->attachment_id = g_strdup (carta_attachment_get_id (attachment));
  doc->recorded_sha256 = g_strdup (carta_attachment_get_sha256 (attachment));
  if (carta_attachment_get_added (attachment))
    doc->added = g_date_time_ref (carta_attachment_get_added (attachment));

  return doc;
}

/* A name on a disc is kept when it is plain ASCII, as DICOM media names
 * are; DICOMDIR refers to files by these names. */
static char *
safe_disc_part (const char *part)
{
  gboolean plain = *part != '\0' && *part != '.' && strlen (part) <= 64;

  for (const char *p = part; plain && *p; p++)
    plain = g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-';

  return plain ? g_strdup (part) : _carta_bundle_safe_file_name (part, FILE_NAME_MAX);
}

/* Why a document could not be opened, in words. */
static const char *
source_problem (int saved_errno)
{
  if (saved_errno == ELOOP)
    return _("it is reached through a link in the case folder, and Carta does not follow links");
  if (saved_errno == EINVAL)
    return _("it is not a plain file");
  return g_strerror (saved_errno);
}

/* Where @doc comes from: @relative in @case_dir. Opens it as the
 * writer will, without following a link on the way, so a folder or file
 * of the case that is a link cannot bring in a file from elsewhere. On
 * failure, @error holds only the reason, for the caller's message. */
static gboolean
doc_stat_source (CartaBundleDoc  *doc,
                 const char      *case_dir,
                 const char      *relative,
                 struct stat     *st,
                 GError         **error)
{
  int fd;
  int saved_errno;

  g_free (doc->source_path);
  g_free (doc->source_root);
  g_free (doc->source_relative);
  doc->source_path = g_build_filename (case_dir, relative, NULL);
  doc->source_root = g_strdup (case_dir);
  doc->source_relative = g_strdup (relative);

  if ((fd = _carta_open_beneath (case_dir, relative)) >= 0 && fstat (fd, st) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error_literal (error, CARTA_ERROR,
                       saved_errno == ENOENT ? CARTA_ERROR_NOT_FOUND : CARTA_ERROR_HOSTILE,
                       source_problem (saved_errno));
  return FALSE;
}

/* An imaging disc: every file listed in its manifest, under one folder,
 * and the manifest itself standing for the attachment. */
static gboolean
plan_disc (GPtrArray          *docs,
           CartaChecklistItem *item,
           CartaAttachment    *attachment,
           const char         *case_dir,
           const char         *category,
           const char         *category_dir,
           const char         *item_dir,
           GHashTable         *taken_files,
           GError            **error)
{
  const char *stored = carta_attachment_get_stored_path (attachment);
  g_autofree char *disc_path = g_build_filename (case_dir, stored, NULL);
  g_autofree char *manifest_path = g_strconcat (disc_path, CARTA_DISC_MANIFEST_SUFFIX, NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *disc_dir = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  CartaBundleDoc *doc;
  gsize length;
  struct stat st;

  {
    g_autofree char *manifest_relative = g_strconcat (stored, CARTA_DISC_MANIFEST_SUFFIX, NULL);
    int fd = _carta_open_beneath (case_dir, manifest_relative);
    g_autoptr(GString) bytes = g_string_new (NULL);
    gboolean ok = fd >= 0;

    while (ok)
      {
        char buffer[16384];
        gssize n = read (fd, buffer, sizeof buffer);

        if (n < 0 && errno == EINTR)
          continue;
        if (n <= 0 || bytes->len + n > DISC_MANIFEST_MAX)
          {
            ok = n == 0;
            break;
          }
        g_string_append_len (bytes, buffer, n);
      }
    if (fd >= 0)
      close (fd);

    if (!ok)
      {
        g_set_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                     _("The imaging disc “%s” of “%s” is missing from the case folder"),
                     carta_attachment_get_original_name (attachment), _carta_bundle_item_title (item));
        return FALSE;
      }
    length = bytes->len;
    manifest = g_string_free (g_steal_pointer (&bytes), FALSE);
  }

  {
    g_autofree char *name_slug = _carta_bundle_slug (carta_attachment_get_original_name (attachment), ITEM_SLUG_MAX, "disc");
    slug = _carta_bundle_make_unique (taken_files, name_slug);
  }
  disc_dir = g_strdup_printf ("documents/%s/%s/%s", category_dir, item_dir, slug);

  lines = g_strsplit (manifest, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *relative;
      const char *reason = NULL;
      g_auto(GStrv) parts = NULL;
      GString *bag_relative = g_string_new (NULL);

      if (strlen (lines[i]) < CARTA_BUNDLE_SHA256_HEX_LEN + 2)
        {
          g_string_free (bag_relative, TRUE);
          continue;
        }

      relative = lines[i] + CARTA_BUNDLE_SHA256_HEX_LEN + 2;
      if (!_carta_bundle_path_is_safe (relative, &reason))
        {
          g_string_free (bag_relative, TRUE);
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                       _("The imaging disc “%s” lists an unsafe file: %s"),
                       carta_attachment_get_original_name (attachment), reason);
          return FALSE;
        }

      parts = g_strsplit (relative, "/", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *part = safe_disc_part (parts[j]);

          if (j > 0)
            g_string_append_c (bag_relative, '/');
          g_string_append (bag_relative, part);
        }

      {
        g_autofree char *wanted = g_string_free (bag_relative, FALSE);
        g_autofree char *unique = _carta_bundle_make_unique (taken, wanted);

        doc = new_doc (docs, item, attachment, category, category_dir);
        g_clear_object (&doc->attachment);
        doc->role = CARTA_BUNDLE_DOC_DISC_FILE;
        doc->disc_relative = g_strdup (relative);
        /* What the disc's list says this file holds. */
        g_free (doc->recorded_sha256);
        doc->recorded_sha256 = g_strndup (lines[i], CARTA_BUNDLE_SHA256_HEX_LEN);
        doc->bag_path = g_strdup_printf ("%s/%s", disc_dir, unique);
        g_free (doc->content_type);
        doc->content_type = g_strdup ("application/dicom");
      }

      {
        g_autofree char *in_case = g_strconcat (stored, "/", relative, NULL);
        g_autoptr(GError) problem = NULL;

        if (!doc_stat_source (doc, case_dir, in_case, &st, &problem))
          {
            g_set_error (error, CARTA_ERROR, problem->code,
                         _("The file “%s” of the imaging disc “%s” could not be read from the case folder: %s"),
                         relative, carta_attachment_get_original_name (attachment), problem->message);
            return FALSE;
          }
      }
      doc->size = st.st_size;
    }

  doc = new_doc (docs, item, attachment, category, category_dir);
  doc->role = CARTA_BUNDLE_DOC_DISC_MANIFEST;
  doc->source_path = g_steal_pointer (&manifest_path);
  doc->source_root = g_strdup (case_dir);
  doc->source_relative = g_strconcat (stored, CARTA_DISC_MANIFEST_SUFFIX, NULL);
  doc->bag_path = g_strconcat (disc_dir, ".sha256", NULL);
  doc->disc_dir = g_steal_pointer (&disc_dir);
  doc->size = length;
  g_free (doc->content_type);
  doc->content_type = g_strdup ("text/plain");

  return TRUE;
}

/**
 * _carta_bundle_plan:
 * @case_dir: the case folder; stored paths are relative to it
 *
 * Lists every attachment of @kase with a safe, short, unique place under
 * `data/documents/`. Runs on the thread that owns @kase.
 *
 * Returns: (transfer full) (element-type CartaBundleDoc): the documents
 */
GPtrArray *
_carta_bundle_plan (CartaCase   *kase,
                    const char  *case_dir,
                    GError     **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)_carta_bundle_doc_free);
  g_autoptr(GHashTable) category_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Per category folder: the item folders taken; per item folder: files. */
  g_autoptr(GHashTable) taken_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify)g_hash_table_unref);
  GListModel *items = carta_case_get_items (kase);
  guint n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = carta_checklist_item_get_attachments (item);
      guint n_attachments = g_list_model_get_n_items (attachments);
      const char *category = carta_checklist_item_get_category (item);
      g_autofree char *item_dir = NULL;
      g_autoptr(GHashTable) taken_files = NULL;
      const char *category_dir;
      GHashTable *items_in_category;

      if (n_attachments == 0)
        continue;

      if (category == NULL)
        category = "";

      if (!(category_dir = g_hash_table_lookup (category_dirs, category)))
        {
          g_autofree char *slug = _carta_bundle_slug (category, CATEGORY_SLUG_MAX, "other");
          char *dir = g_strdup_printf ("%02u-%s", g_hash_table_size (category_dirs) + 1, slug);

          g_hash_table_insert (category_dirs, g_strdup (category), dir);
          g_hash_table_insert (taken_items, g_strdup (dir),
                               g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
          category_dir = dir;
        }

      items_in_category = g_hash_table_lookup (taken_items, category_dir);

      {
        g_autofree char *slug = _carta_bundle_slug (_carta_bundle_item_title (item), ITEM_SLUG_MAX, "item");
        item_dir = _carta_bundle_make_unique (items_in_category, slug);
      }

      taken_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; j < n_attachments; j++)
        {
          g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, j);
          const char *stored = carta_attachment_get_stored_path (attachment);
          const char *original = carta_attachment_get_original_name (attachment);
          g_autofree char *safe = NULL;
          g_autofree char *file_name = NULL;
          const char *reason_text = NULL;
          g_autoptr(GError) reason = NULL;
          CartaBundleDoc *doc;
          struct stat st;

          if (!_carta_bundle_path_is_safe (stored, &reason_text))
            {
              g_set_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE,
                           _("The document “%s” of “%s” has an unsafe location: %s"),
                           original, _carta_bundle_item_title (item), reason_text);
              return NULL;
            }

          if (carta_attachment_get_kind (attachment) == CARTA_ATTACHMENT_KIND_IMAGING)
            {
              if (!plan_disc (docs, item, attachment, case_dir, category, category_dir, item_dir,
                              taken_files, error))
                return NULL;
              continue;
            }

          doc = new_doc (docs, item, attachment, category, category_dir);
          if (!doc_stat_source (doc, case_dir, stored, &st, &reason))
            {
              g_set_error (error, CARTA_ERROR, reason->code,
                           _("The document “%s” of “%s” is missing from the case folder (%s)"),
                           original, _carta_bundle_item_title (item), reason->message);
              return NULL;
            }

          safe = _carta_bundle_safe_file_name (original ? original : stored, FILE_NAME_MAX);
          file_name = _carta_bundle_make_unique (taken_files, safe);
          doc->size = st.st_size;
          doc->bag_path = g_strdup_printf ("documents/%s/%s/%s", category_dir, item_dir, file_name);
        }
    }

  return g_steal_pointer (&docs);
}

/* Content sniffing, by the bytes and not by the name. */

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *magic,
            gsize         magic_len)
{
  return length >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static gboolean
transfer_syntax_is_compressed (const char *uid)
{
  if (uid == NULL)
    return FALSE;

  /* Implicit/explicit VR little and big endian are the raw ones. */
  return !(g_str_equal (uid, "1.2.840.10008.1.2") ||
           g_str_equal (uid, "1.2.840.10008.1.2.1") ||
           g_str_equal (uid, "1.2.840.10008.1.2.2"));
}

CartaBundleContent
_carta_bundle_sniff (const guint8 *data,
                     gsize         length,
                     const char   *declared_type)
{
  static const struct { const char *magic; gsize len; } compressed[] = {
    { "\xff\xd8\xff", 3 },            /* JPEG */
    { "\x89PNG\r\n\x1a\n", 8 },       /* PNG */
    { "%PDF-", 5 },                   /* PDF */
    { "PK\x03\x04", 4 },              /* ZIP, DOCX, XLSX, ODT */
    { "\x1f\x8b", 2 },                /* gzip */
    { "7z\xbc\xaf\x27\x1c", 6 },      /* 7-Zip */
    { "\xfd" "7zXZ", 5 },             /* xz */
    { "BZh", 3 },                     /* bzip2 */
    { "GIF8", 4 },                    /* GIF */
    { "\x00\x00\x00\x0cjP  ", 8 },    /* JPEG 2000 */
    { "\xff\x4f\xff\x51", 4 },        /* JPEG 2000 codestream */
    { "ID3", 3 },                     /* MP3 */
    { "\x28\xb5\x2f\xfd", 4 },        /* zstd */
  };

  for (guint i = 0; i < G_N_ELEMENTS (compressed); i++)
    if (has_prefix (data, length, compressed[i].magic, compressed[i].len))
      return CARTA_BUNDLE_CONTENT_COMPRESSED;

  /* ISO BMFF: MP4, MOV, HEIC, AVIF */
  if (length >= 12 && memcmp (data + 4, "ftyp", 4) == 0)
    return CARTA_BUNDLE_CONTENT_COMPRESSED;
  /* RIFF WEBP */
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return CARTA_BUNDLE_CONTENT_COMPRESSED;

  if (length >= 132 && memcmp (data + 128, "DICM", 4) == 0)
    {
      CartaDicomPeek peek = { 0 };
      CartaBundleContent content = CARTA_BUNDLE_CONTENT_DICOM_RAW;

      if (_carta_dicom_peek (data, length, &peek) && transfer_syntax_is_compressed (peek.transfer_syntax))
        content = CARTA_BUNDLE_CONTENT_COMPRESSED;
      _carta_dicom_peek_clear (&peek);
      return content;
    }

  return CARTA_BUNDLE_CONTENT_UNKNOWN;
}

/* Deflating what does not shrink is the slowest thing a zip writer does;
 * a fast trial on a sample tells. */
gboolean
_carta_bundle_trial_says_store (const guint8 *data,
                                gsize         length)
{
  z_stream z = { 0 };
  g_autofree guint8 *out = NULL;
  gsize bound;
  double ratio;

  if (length < 512)
    return FALSE;

  length = MIN (length, 64 * 1024);
  if (deflateInit2 (&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return FALSE;

  bound = deflateBound (&z, length);
  out = g_malloc (bound);
  z.next_in = (Bytef *)data;
  z.avail_in = length;
  z.next_out = out;
  z.avail_out = bound;
  deflate (&z, Z_FINISH);
  ratio = (double)z.total_out / (double)length;
  deflateEnd (&z);

  return ratio > 0.95;
}

/* A minimal reader of the first bytes of a DICOM Part 10 file: enough
 * for the transfer syntax and the study, never the pixels. */

static char *
dicom_string (const guint8 *value,
              guint32       len)
{
  g_autofree char *raw = g_strndup ((const char *)value, len);
  char *text;

  g_strstrip (raw);
  /* UIDs are padded with NUL. */
  while (*raw && raw[strlen (raw) - 1] == '\0')
    raw[strlen (raw) - 1] = '\0';

  if (g_utf8_validate (raw, -1, NULL))
    text = g_strdup (raw);
  else
    text = g_str_to_ascii (raw, "C");

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

gboolean
_carta_dicom_peek (const guint8   *data,
                   gsize           length,
                   CartaDicomPeek *peek)
{
  gsize pos = 132;
  gboolean explicit_vr = TRUE;
  gboolean in_meta = TRUE;

  if (length < 132 || memcmp (data + 128, "DICM", 4) != 0)
    return FALSE;

  while (pos + 8 <= length)
    {
      guint16 group = data[pos] | data[pos + 1] << 8;
      guint16 element = data[pos + 2] | data[pos + 3] << 8;
      guint32 vlen;
      gsize header;

      if (in_meta && group != 0x0002)
        {
          in_meta = FALSE;
          explicit_vr = g_strcmp0 (peek->transfer_syntax, "1.2.840.10008.1.2") != 0;
          /* Deflated and big-endian data sets: the meta is all we read. */
          if (g_strcmp0 (peek->transfer_syntax, "1.2.840.10008.1.2.1.99") == 0 ||
              g_strcmp0 (peek->transfer_syntax, "1.2.840.10008.1.2.2") == 0)
            break;
        }

      if (explicit_vr)
        {
          char vr0 = data[pos + 4], vr1 = data[pos + 5];

          if ((vr0 == 'O' && (vr1 == 'B' || vr1 == 'W' || vr1 == 'F' || vr1 == 'D' || vr1 == 'L' || vr1 == 'V')) ||
              (vr0 == 'S' && (vr1 == 'Q' || vr1 == 'V')) ||
              (vr0 == 'U' && (vr1 == 'T' || vr1 == 'N' || vr1 == 'C' || vr1 == 'R' || vr1 == 'V')))
            {
              if (pos + 12 > length)
                break;
              vlen = data[pos + 8] | data[pos + 9] << 8 | data[pos + 10] << 16 | (guint32)data[pos + 11] << 24;
              header = 12;
            }
          else
            {
              vlen = data[pos + 6] | data[pos + 7] << 8;
              header = 8;
            }
        }
      else
        {
          vlen = data[pos + 4] | data[pos + 5] << 8 | data[pos + 6] << 16 | (guint32)data[pos + 7] << 24;
          header = 8;
        }

      /* Sequences of undefined length and pixel data end the walk. */
      if (vlen == 0xffffffff || (group == 0x7fe0 && element == 0x0010))
        break;

      if (pos + header + vlen > length)
        break;

      if (group == 0x0002 && element == 0x0010)
        peek->transfer_syntax = dicom_string (data + pos + header, vlen);
      else if (group == 0x0008 && element == 0x0020)
        peek->study_date = dicom_string (data + pos + header, vlen);
      else if (group == 0x0008 && element == 0x0060)
        peek->modality = dicom_string (data + pos + header, vlen);
      else if (group == 0x0008 && element == 0x1030)
        peek->description = dicom_string (data + pos + header, vlen);
      else if (group == 0x0020 && element == 0x000d)
        peek->study_uid = dicom_string (data + pos + header, vlen);

      if (group > 0x0020 && !in_meta)
        break;

      pos += header + vlen;
    }

  return TRUE;
}

void
_carta_dicom_peek_clear (CartaDicomPeek *peek)
{
  g_clear_pointer (&peek->study_uid, g_free);
  g_clear_pointer (&peek->study_date, g_free);
  g_clear_pointer (&peek->modality, g_free);
  g_clear_pointer (&peek->description, g_free);
  g_clear_pointer (&peek->transfer_syntax, g_free);
}

char *
_carta_bundle_json_to_data (JsonNode *node,
                            gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, length);
}

static CartaBundleDoc *
find_doc (GPtrArray  *docs,
          const char *attachment_id)
{
  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (docs, i);

      if (doc->role != CARTA_BUNDLE_DOC_DISC_FILE && g_strcmp0 (doc->attachment_id, attachment_id) == 0)
        return doc;
    }

  return NULL;
}

/**
 * _carta_bundle_build_case_json:
 *
 * The case in its own schema, so Carta restores it as it was, with each
 * attachment's place in the bag (`bundle_path`, relative to `data/`) and
 * the size and SHA-256 the export read, and the language of summary.pdf.
 * See src/core/bundle/bundle-format.md.
 */
JsonNode *
_carta_bundle_build_case_json (CartaCase  *kase,
                               GPtrArray  *docs,
                               GDateTime  *when,
                               const char *summary_language)
{
  JsonNode *root = carta_case_to_json (kase);
  JsonObject *object = json_node_get_object (root);
  JsonObject *bundle = json_object_new ();
  JsonArray *items = json_object_get_array_member (object, "checklist");

  json_object_set_string_member (bundle, "schema", CARTA_BUNDLE_SCHEMA);
  json_object_set_string_member (bundle, "generator", "Carta " PACKAGE_VERSION);
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
    g_autofree char *text = g_date_time_format_iso8601 (utc);
    json_object_set_string_member (bundle, "created", text);
  }
  /* Which language summary.pdf is in: the coordinators may need it in
   * Chinese while the family reads another language. */
  json_object_set_string_member (bundle, "summary_language", summary_language ? summary_language : "en");
  json_object_set_object_member (object, "bundle", bundle);
  /* Where else the family sent their case is theirs to tell: a bundle
   * for one team never lists the others. */
  json_object_remove_member (object, "sends");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *attachments;

      if (!json_object_has_member (item, "attachments"))
        continue;

      attachments = json_object_get_array_member (item, "attachments");
      for (guint j = 0; j < json_array_get_length (attachments); j++)
        {
          JsonObject *attachment = json_array_get_object_element (attachments, j);
          CartaBundleDoc *doc = find_doc (docs, json_object_get_string_member (attachment, "id"));

          if (doc == NULL)
            continue;

          json_object_set_string_member (attachment, "bundle_path", doc->bag_path);
          if (doc->role == CARTA_BUNDLE_DOC_FILE)
            {
              json_object_set_int_member (attachment, "size", (gint64)doc->size);
              json_object_set_string_member (attachment, "sha256", doc->sha256);
            }
          else
            {
              /* A disc: its folder, and where each file of its manifest went. */
              JsonArray *files = json_array_new ();

              json_object_set_string_member (attachment, "bundle_dir", doc->disc_dir);
              for (guint k = 0; k < docs->len; k++)
                {
                  CartaBundleDoc *file = g_ptr_array_index (docs, k);
                  JsonObject *pair;

                  if (file->role != CARTA_BUNDLE_DOC_DISC_FILE ||
                      g_strcmp0 (file->attachment_id, doc->attachment_id) != 0)
                    continue;

                  pair = json_object_new ();
                  json_object_set_string_member (pair, "bundle_path", file->bag_path);
                  json_object_set_string_member (pair, "disc_path", file->disc_relative);
                  json_array_add_object_element (files, pair);
                }
              json_object_set_array_member (attachment, "bundle_files", files);
            }
        }
    }

  return root;
}

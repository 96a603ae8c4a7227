/* carta-bundle-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "carta-case.h"
#include "carta-catalog.h"

G_BEGIN_DECLS

/* The bundle's own schema, recorded in case.json beside the case schema. */
#define CARTA_BUNDLE_SCHEMA "carta-bundle/1"

#define CARTA_BUNDLE_SHA256_HEX_LEN 64
/* An encrypted bundle is a ZIP holding the bundle as this one entry,
 * encrypted, so that its listing names nothing of the case. */
#define CARTA_BUNDLE_ENCRYPTED_ENTRY "bundle.zip"

/* One document of the bag: where it comes from, where it goes, and what
 * the single read pass found. Filled by the plan (main thread), then by
 * the reader thread (digests). */
typedef enum
{
  CARTA_BUNDLE_DOC_FILE,           /* an attachment of one file */
  CARTA_BUNDLE_DOC_DISC_MANIFEST,  /* an imaging disc: its SHA-256 list stands for it */
  CARTA_BUNDLE_DOC_DISC_FILE,      /* one file of an imaging disc */
} CartaBundleDocRole;

typedef struct
{
  CartaBundleDocRole role;
  char            *disc_relative;  /* DISC_FILE: its path on the disc */
  char            *disc_dir;       /* DISC_MANIFEST: the disc's folder in the bag */
  CartaAttachment *attachment;     /* FILE and DISC_MANIFEST */
  char            *source_path;    /* absolute path in the case folder */
  char            *source_root;    /* the case folder, and the path in it: */
  char            *source_relative; /* opened without following any link */
  char            *bag_path;       /* "documents/01-imaging/ct-scan/report.pdf", relative to data/ */
  char            *category;       /* as the family wrote it */
  char            *category_dir;   /* "01-imaging" */
  char            *item_title;
  char            *template_key;   /* the item's, to translate its title; NULL for custom items */
  char            *item_status;
  char            *document_date;  /* YYYY-MM-DD or NULL */
  char            *original_name;
  char            *content_type;
  char            *attachment_id;
  char            *recorded_sha256;
  GDateTime       *added;
  guint64          size;           /* from stat when the plan is made */
  /* Results of the read pass */
  char             sha256[CARTA_BUNDLE_SHA256_HEX_LEN + 1];
  char            *sha1_base64;
  guint            pdf_pages;      /* 0 when not a PDF or unknown */
  gboolean         stored;         /* written without compression */
  /* DICOM, when the file is one */
  char            *dicom_study_uid;
  char            *dicom_study_date;
  char            *dicom_modality;
  char            *dicom_description;
} CartaBundleDoc;

void        _carta_bundle_doc_free        (CartaBundleDoc *doc);

/* Names */
char       *_carta_bundle_slug            (const char     *text,
                                           gsize           max_len,
                                           const char     *fallback);
char       *_carta_bundle_safe_file_name  (const char     *original_name,
                                           gsize           max_len);
char       *_carta_bundle_make_unique     (GHashTable     *taken,
                                           const char     *name);
char       *_carta_bundle_surname         (CartaCase      *kase);
char       *_carta_bundle_bag_name        (CartaCase      *kase,
                                           GDateTime      *when);
char       *_carta_bundle_get_text        (gpointer        object,
                                           const char     *property);
char       *_carta_bundle_diagnosis_text  (CartaCase      *kase);
const char *_carta_bundle_item_title      (CartaChecklistItem *item);

/* The plan: every document of @kase with its place in the bag. */
GPtrArray  *_carta_bundle_plan            (CartaCase      *kase,
                                           const char     *case_dir,
                                           GError        **error);

/* Generated payload */
JsonNode   *_carta_bundle_build_case_json (CartaCase      *kase,
                                           GPtrArray      *docs,
                                           GDateTime      *when,
                                           const char     *summary_language);
JsonNode   *_carta_bundle_build_fhir      (CartaCase      *kase,
                                           GPtrArray      *docs,
                                           GDateTime      *when);
GBytes     *_carta_bundle_render_summary  (CartaCase      *kase,
                                           GPtrArray      *docs,
                                           GDateTime      *when,
                                           CartaCatalog   *catalog,
                                           GError        **error);
char       *_carta_bundle_json_to_data    (JsonNode       *node,
                                           gsize          *length);

/* Content */
typedef enum
{
  CARTA_BUNDLE_CONTENT_UNKNOWN,
  CARTA_BUNDLE_CONTENT_COMPRESSED,   /* JPEG, PNG, PDF, ZIP, compressed DICOM… */
  CARTA_BUNDLE_CONTENT_DICOM_RAW,    /* DICOM with an uncompressed transfer syntax */
} CartaBundleContent;

CartaBundleContent _carta_bundle_sniff     (const guint8   *data,
                                            gsize           length,
                                            const char     *declared_type);
gboolean           _carta_bundle_trial_says_store (const guint8 *data,
                                                   gsize         length);

typedef struct
{
  char *study_uid;
  char *study_date;
  char *modality;
  char *description;
  char *transfer_syntax;
} CartaDicomPeek;

gboolean    _carta_dicom_peek             (const guint8   *data,
                                           gsize           length,
                                           CartaDicomPeek *peek);
void        _carta_dicom_peek_clear       (CartaDicomPeek *peek);

/* Bag files */
gboolean    _carta_bundle_path_is_safe    (const char     *path,
                                           const char    **reason);

G_END_DECLS

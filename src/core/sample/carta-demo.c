/* carta-demo.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-demo"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "carta-checklist-template.h"
#include "carta-demo-private.h"
#include "carta-dicom-summary.h"
#include "carta-error.h"
#include "carta-import-private.h"

/* A sample case for a fictional patient: a profile, a checklist with
 * every status, generated letters and reports (PDF), photos of paper
 * records (JPEG) and a small CT study (DICOM). Nothing in it is real. */

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890

static guint32
next_random (guint32 *state)
{
  /* xorshift32: fast, and the same files on every machine */
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

GBytes *
_carta_demo_make_jpeg (guint       width,
                       guint       height,
                       guint32     seed,
                       int         quality,
                       const char *caption)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *quality_text = g_strdup_printf ("%d", quality);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 state = seed ? seed : 1;
  guint paper_x0 = width / 10, paper_x1 = width - width / 12;
  guint paper_y0 = height / 14, paper_y1 = height - height / 16;
  guint line_height = MAX (height / 40, 4);
  gchar *buffer = NULL;
  gsize length = 0;

  /* A sheet of paper on a wooden table, lit from one side, with lines of
   * "text" and the grain of a phone camera. */
  for (guint y = 0; y < height; y++)
    {
      guint8 *row = pixels + (gsize)y * stride;
      guint line = (y - paper_y0) / line_height;
      gboolean text_row = y > paper_y0 + 3 * line_height && y < paper_y1 - 2 * line_height &&
                          (y - paper_y0) % line_height < line_height / 2;
      guint32 line_state = seed + line * 7919;
      guint line_end = paper_x0 + (paper_x1 - paper_x0) * (55 + next_random (&line_state) % 40) / 100;

      for (guint x = 0; x < width; x++)
        {
          double light = 0.82 + 0.18 * (double)x / width - 0.1 * fabs ((double)y / height - 0.5);
          int noise = (int)(next_random (&state) % 13) - 6;
          int r, g, b;

          if (x >= paper_x0 && x < paper_x1 && y >= paper_y0 && y < paper_y1)
            {
              r = 246; g = 244; b = 236;
              if (text_row && x > paper_x0 + (paper_x1 - paper_x0) / 12 && x < line_end &&
                  (x / MAX (line_height / 2, 2) + line) % 7 != 0)
                { r = 40; g = 42; b = 60; }
            }
          else
            {
              double grain = 0.5 + 0.5 * sin (y * 0.02 + sin (x * 0.003) * 6);
              r = 120 + (int)(40 * grain); g = 82 + (int)(25 * grain); b = 50 + (int)(15 * grain);
            }

          row[3 * x] = CLAMP ((int)(r * light) + noise, 0, 255);
          row[3 * x + 1] = CLAMP ((int)(g * light) + noise, 0, 255);
          row[3 * x + 2] = CLAMP ((int)(b * light) + noise, 0, 255);
        }
    }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", NULL,
                                  "quality", quality_text, NULL))
    return NULL;

  return g_bytes_new_take (buffer, length);
}

static void
put_u16 (GByteArray *out,
         guint16     value)
{
  guint8 bytes[2] = { value & 0xff, value >> 8 };
  g_byte_array_append (out, bytes, 2);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint8 bytes[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };
  g_byte_array_append (out, bytes, 4);
}

/* One explicit-VR little-endian element, padded to even length. */
static void
put_element (GByteArray   *out,
             guint16       group,
             guint16       element,
             const char   *vr,
             const void   *value,
             gsize         length)
{
  gboolean long_form = g_str_equal (vr, "OB") || g_str_equal (vr, "OW") || g_str_equal (vr, "UN") ||
                       g_str_equal (vr, "SQ") || g_str_equal (vr, "UT");
  gsize padded = length + (length & 1);

  put_u16 (out, group);
  put_u16 (out, element);
  g_byte_array_append (out, (const guint8 *)vr, 2);
  if (long_form)
    {
      put_u16 (out, 0);
      put_u32 (out, padded);
    }
  else
    put_u16 (out, padded);

  g_byte_array_append (out, value, length);
  if (length & 1)
    {
      guint8 pad = g_str_equal (vr, "UI") || g_str_equal (vr, "OB") ? 0 : ' ';
      g_byte_array_append (out, &pad, 1);
    }
}

static void
put_text (GByteArray *out,
          guint16     group,
          guint16     element,
          const char *vr,
          const char *text)
{
  put_element (out, group, element, vr, text, strlen (text));
}

static void
put_us (GByteArray *out,
        guint16     group,
        guint16     element,
        guint16     value)
{
  guint8 bytes[2] = { value & 0xff, value >> 8 };
  put_element (out, group, element, "US", bytes, 2);
}

GBytes *
_carta_demo_make_dicom (guint       rows,
                        guint       columns,
                        guint32     seed,
                        const char *modality,
                        const char *study_uid,
                        const char *study_date,
                        const char *description,
                        guint       instance)
{
  GByteArray *out = g_byte_array_sized_new (132 + 1024 + rows * columns * 2);
  g_autoptr(GByteArray) meta = g_byte_array_new ();
  g_autofree char *sop_uid = g_strdup_printf ("%s.%u", study_uid, 1000 + instance);
  g_autofree char *series_uid = g_strdup_printf ("%s.1", study_uid);
  g_autofree char *number = g_strdup_printf ("%u", instance);
  static const guint8 version[2] = { 0, 1 };
  const char *sop_class = "1.2.840.10008.5.1.4.1.1.2";   /* CT Image Storage */
  guint8 zero[128] = { 0 };
  guint32 state = seed ? seed : 1;
  guint16 *pixels;

  put_element (meta, 0x0002, 0x0001, "OB", version, 2);
  put_text (meta, 0x0002, 0x0002, "UI", sop_class);
  put_text (meta, 0x0002, 0x0003, "UI", sop_uid);
  put_text (meta, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
  put_text (meta, 0x0002, 0x0012, "UI", "1.2.826.0.1.3680043.10.1234.1");

  g_byte_array_append (out, zero, sizeof zero);
  g_byte_array_append (out, (const guint8 *)"DICM", 4);
  {
    guint8 length[4] = { meta->len & 0xff, (meta->len >> 8) & 0xff, (meta->len >> 16) & 0xff, meta->len >> 24 };
    put_element (out, 0x0002, 0x0000, "UL", length, 4);
  }
  g_byte_array_append (out, meta->data, meta->len);

  put_text (out, 0x0008, 0x0016, "UI", sop_class);
  put_text (out, 0x0008, 0x0018, "UI", sop_uid);
  put_text (out, 0x0008, 0x0020, "DA", study_date);
  put_text (out, 0x0008, 0x0060, "CS", modality);
  put_text (out, 0x0008, 0x1030, "LO", description);
  put_text (out, 0x0010, 0x0010, "PN", "WANG^MEI");
  put_text (out, 0x0010, 0x0020, "LO", "DEMO-0001");
  put_text (out, 0x0020, 0x000d, "UI", study_uid);
  put_text (out, 0x0020, 0x000e, "UI", series_uid);
  put_text (out, 0x0020, 0x0013, "IS", number);
  put_us (out, 0x0028, 0x0002, 1);
  put_text (out, 0x0028, 0x0004, "CS", "MONOCHROME2");
  put_us (out, 0x0028, 0x0010, rows);
  put_us (out, 0x0028, 0x0011, columns);
  put_us (out, 0x0028, 0x0100, 16);
  put_us (out, 0x0028, 0x0101, 12);
  put_us (out, 0x0028, 0x0102, 11);
  put_us (out, 0x0028, 0x0103, 0);

  /* A slice through a body: soft tissue with some structure and the
   * noise of a CT scanner, air around it. */
  pixels = g_new (guint16, (gsize)rows * columns);
  for (guint y = 0; y < rows; y++)
    for (guint x = 0; x < columns; x++)
      {
        double dx = ((double)x - columns / 2.0) / (columns * 0.42);
        double dy = ((double)y - rows / 2.0) / (rows * 0.36);
        guint32 r = next_random (&state);
        int value;

        if (dx * dx + dy * dy < 1.0)
          {
            value = 1064 + (int)(30 * sin (x * 0.05 + instance * 0.1) * cos (y * 0.04)) + (int)(r % 64) - 32;
            if ((dx - 0.3) * (dx - 0.3) + dy * dy < 0.04)
              value += 300;   /* something bright, as a bone */
          }
        else
          value = (int)(r % 4);

        pixels[(gsize)y * columns + x] = GUINT16_TO_LE (CLAMP (value, 0, 4095));
      }
  put_element (out, 0x7fe0, 0x0010, "OW", pixels, (gsize)rows * columns * 2);
  g_free (pixels);

  return g_byte_array_free_to_bytes (out);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
free_bytes (void *data)
{
  g_bytes_unref (data);
}

GBytes *
_carta_demo_make_pdf (const char         *title,
                      const char * const *lines,
                      guint               n_pages,
                      GPtrArray          *scans)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, out, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Carta sample case");

  pango_layout_set_width (layout, (int)((A4_WIDTH - 144) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (guint page = 0; page < n_pages; page++)
    {
      double y = 72;

      if (scans != NULL && scans->len > 0)
        {
          GBytes *jpeg = g_ptr_array_index (scans, page % scans->len);
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (jpeg);
          g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
          cairo_surface_t *scan;
          gsize len;
          const guint8 *data = g_bytes_get_data (jpeg, &len);
          int width, height;
          double scale;

          if (pixbuf == NULL)
            continue;

          width = gdk_pixbuf_get_width (pixbuf);
          height = gdk_pixbuf_get_height (pixbuf);
          /* Cairo embeds the JPEG as it is, as a scanner's PDF would. */
          scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
          cairo_surface_set_mime_data (scan, CAIRO_MIME_TYPE_JPEG, data, len, free_bytes, g_bytes_ref (jpeg));
          scale = MIN ((A4_WIDTH - 40) / width, (A4_HEIGHT - 40) / height);

          cairo_save (cr);
          cairo_translate (cr, 20, 20);
          cairo_scale (cr, scale, scale);
          cairo_set_source_surface (cr, scan, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          cairo_show_page (cr);
          cairo_surface_destroy (scan);
          continue;
        }

      pango_font_description_set_size (font, 16 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, title, -1);
      cairo_move_to (cr, 72, y);
      pango_cairo_show_layout (cr, layout);
      y += 40;

      pango_font_description_set_size (font, 10 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);

      for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
        {
          int height;

          pango_layout_set_text (layout, lines[i], -1);
          pango_layout_get_pixel_size (layout, NULL, &height);
          cairo_move_to (cr, 72, y);
          pango_cairo_show_layout (cr, layout);
          y += height + 6;
        }

      {
        g_autofree char *footer = g_strdup_printf ("Page %u of %u — sample document, not a real record",
                                                   page + 1, n_pages);
        pango_layout_set_text (layout, footer, -1);
        cairo_move_to (cr, 72, A4_HEIGHT - 60);
        pango_cairo_show_layout (cr, layout);
      }

      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (out);
}

/**
 * _carta_demo_add_file:
 *
 * Stores @data in the case folder as the importer does
 * (`blobs/ab/<sha256>`) and attaches it to @item.
 *
 * Returns: (transfer none): the attachment
 */
CartaAttachment *
_carta_demo_add_file (CartaChecklistItem  *item,
                      const char          *case_dir,
                      GBytes              *data,
                      const char          *original_name,
                      const char          *content_type,
                      GError             **error)
{
  g_autoptr(CartaAttachment) attachment = carta_attachment_new ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autofree char *stored = g_strdup_printf ("blobs/%.2s/%s", sha256, sha256);
  g_autofree char *path = g_build_filename (case_dir, stored, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  gsize length;
  const char *contents = g_bytes_get_data (data, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   "Could not create “%s”: %s", dir, g_strerror (errno));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      !g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  carta_attachment_set_original_name (attachment, original_name);
  carta_attachment_set_stored_path (attachment, stored);
  carta_attachment_set_size (attachment, length);
  carta_attachment_set_sha256 (attachment, sha256);
  carta_attachment_set_content_type (attachment, content_type);
  carta_checklist_item_add_attachment (item, attachment);

  return attachment;
}

static void
fill_profile (CartaCase *kase)
{
  static const struct {
    const char *regimen, *start, *end;
    CartaResponse response;
    const char *notes;
  } lines[] = {
    { "R-CHOP × 6", "2025-09-25", "2026-01-20", CARTA_RESPONSE_CR, "Febrile neutropenia after cycle 2" },
    { "R-GemOx × 2", "2026-02-10", "2026-03-05", CARTA_RESPONSE_PD, NULL },
  };
  static const struct { CartaLabKind kind; const char *name, *value, *unit, *date, *method; } labs[] = {
    { CARTA_LAB_KIND_HAEMOGLOBIN, NULL, "112", "g/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_NEUTROPHILS, NULL, "2.3", "10⁹/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_PLATELETS, NULL, "168", "10⁹/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_CREATININE, NULL, "68", "µmol/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_BILIRUBIN, NULL, "11", "µmol/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_ALT, NULL, "24", "U/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_NOT_SET, "LDH", "312", "U/L", "2026-03-02", NULL },
    { CARTA_LAB_KIND_LVEF, NULL, "62", "%", "2026-02-26", "Echocardiogram" },
    { CARTA_LAB_KIND_HBSAG, NULL, "Negative", NULL, "2026-02-26", NULL },
    { CARTA_LAB_KIND_HBV_DNA, NULL, "< 20", "IU/mL", "2026-02-26", "PCR, below the limit of detection" },
    { CARTA_LAB_KIND_PET_CT, NULL, "Deauville 5, mediastinal mass 6.1 cm", NULL, "2026-02-24", NULL },
  };
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaTreatmentHistory *history = carta_case_get_treatment (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  g_autoptr(CartaContact) contact = carta_contact_new ();

  carta_diagnosis_set_disease (diagnosis, CARTA_DISEASE_DLBCL);
  carta_diagnosis_set_diagnosis_date (diagnosis, "2025-09-18");
  carta_diagnosis_set_state (diagnosis, CARTA_DISEASE_STATE_REFRACTORY);
  carta_diagnosis_set_cd19_percent (diagnosis, "95");
  carta_diagnosis_set_antigen_method (diagnosis, "Flow cytometry");
  carta_diagnosis_set_antigen_date (diagnosis, "2025-09-20");
  carta_diagnosis_set_cns_status (diagnosis, CARTA_CNS_STATUS_NONE_KNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(CartaTherapyLine) line = carta_therapy_line_new ();

      carta_therapy_line_set_regimen (line, lines[i].regimen);
      carta_therapy_line_set_start_date (line, lines[i].start);
      carta_therapy_line_set_end_date (line, lines[i].end);
      carta_therapy_line_set_best_response (line, lines[i].response);
      carta_therapy_line_set_notes (line, lines[i].notes);
      carta_treatment_history_add_line (history, line);
    }

  carta_clinical_status_set_ecog (status, 1);
  for (guint i = 0; i < G_N_ELEMENTS (labs); i++)
    {
      g_autoptr(CartaLabResult) lab = carta_lab_result_new ();

      carta_lab_result_set_kind (lab, labs[i].kind);
      carta_lab_result_set_name (lab, labs[i].name);
      carta_lab_result_set_method (lab, labs[i].method);
      carta_lab_result_set_value (lab, labs[i].value);
      carta_lab_result_set_unit (lab, labs[i].unit);
      carta_lab_result_set_date (lab, labs[i].date);
      carta_clinical_status_insert_lab (status, G_MAXUINT, lab);
    }
  carta_clinical_status_set_infections (status, "None active");
  carta_clinical_status_set_infection_active (status, CARTA_ANSWER_NO);
  carta_clinical_status_set_last_chemotherapy (status, "2026-03-05");
  carta_clinical_status_set_last_steroids (status, "2026-03-01");
  carta_clinical_status_set_medication (status, "Aciclovir prophylaxis, pantoprazole");
  carta_clinical_status_set_allergies_answer (status, CARTA_ALLERGY_ANSWER_NONE_KNOWN);

  carta_case_set_questions (kase,
                            "Is she eligible after two lines, with CD19 still expressed?\n"
                            "How long would the stay in Shanghai be, and can her daughter stay with her?\n"
                            "Which tests should be repeated before travelling?");

  carta_contact_set_name (contact, "Lena Wang");
  carta_contact_set_relation (contact, "Daughter");
  carta_contact_set_phone (contact, "+49 30 1234 5678");
  carta_contact_set_email (contact, "lena.wang@example.org");
  carta_contact_set_time_zone (contact, "Europe/Berlin");
  carta_contact_set_messaging_app (contact, "wechat");
  carta_contact_set_messaging_id (contact, "lena_wang_berlin");
  carta_case_add_contact (kase, contact);
}

/* A small CT study as an imaging disc, stored as the importer stores
 * one: `discs/<id>/` with its list of SHA-256 `discs/<id>.sha256`. */
static gboolean
add_disc (CartaChecklistItem  *item,
          const char          *case_dir,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *relative = g_build_filename (CARTA_DISCS_DIR, id, NULL);
  g_autofree char *disc = g_build_filename (case_dir, relative, NULL);
  g_autofree char *manifest_path = g_strconcat (disc, CARTA_DISC_MANIFEST_SUFFIX, NULL);
  g_autofree char *manifest_hash = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(CartaAttachment) attachment = NULL;
  const char *study_uid = "1.2.826.0.1.3680043.10.1234.20260224.1";
  guint64 total = 0;

  for (guint i = 1; i <= 4; i++)
    {
      g_autoptr(GBytes) slice = _carta_demo_make_dicom (256, 256, 1000 + i, "CT", study_uid,
                                                        "20260224", "PET-CT whole body", i);
      g_autofree char *name = g_strdup_printf ("DICOM/ST000001/IM%06u", i);
      g_autofree char *path = g_build_filename (disc, name, NULL);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, slice);
      gsize length;
      const char *data = g_bytes_get_data (slice, &length);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, "Could not create “%s”: %s", dir, g_strerror (errno));
          return FALSE;
        }
      if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return FALSE;
      g_string_append_printf (manifest, "%s  %s\n", hash, name);
      total += length;
    }

  if (!g_file_set_contents_full (manifest_path, manifest->str, manifest->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  manifest_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, manifest->str, manifest->len);

  summary = carta_dicom_scan (disc, cancellable, NULL);

  attachment = g_object_new (CARTA_TYPE_ATTACHMENT,
                             "id", id,
                             "kind", CARTA_ATTACHMENT_KIND_IMAGING,
                             "original-name", "PET-CT disc, 24 Feb 2026",
                             "stored-path", relative,
                             "size", total,
                             "sha256", manifest_hash,
                             "content-type", "application/dicom",
                             "dicom-summary", summary,
                             NULL);
  carta_checklist_item_add_attachment (item, attachment);
  return TRUE;
}

/* A record of the sample: a template key, or a custom title when the
 * key is not in the template (the family's own records). */
typedef struct
{
  const char      *key;
  const char      *category;
  const char      *title;
  CartaItemStatus  status;
  const char      *date;
  const char      *notes;
} DemoItem;

static CartaChecklistItem *
add_item (CartaCase      *kase,
          const DemoItem *spec)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  CartaChecklistItem *item = spec->key ? carta_checklist_template_find_case_item (template, kase, spec->key) : NULL;

  if (item == NULL)
    {
      g_autoptr(CartaChecklistItem) custom = carta_checklist_item_new_custom (_(spec->title), spec->category);

      carta_case_add_item (kase, custom);
      item = custom;
    }

  carta_checklist_item_set_status (item, spec->status);
  if (spec->date != NULL)
    carta_checklist_item_set_document_date (item, spec->date);
  if (spec->notes != NULL)
    carta_checklist_item_set_notes (item, _(spec->notes));

  return item;
}

/**
 * carta_demo_populate:
 * @kase: an empty case
 * @case_dir: its folder
 *
 * Fills @kase with a realistic sample for a fictional patient, writing
 * the generated documents into @case_dir. The caller saves the case.
 *
 * Returns: %TRUE on success
 */
gboolean
carta_demo_populate (CartaCase     *kase,
                     GFile         *case_dir,
                     GCancellable  *cancellable,
                     GError       **error)
{
  /* The order matters: files are attached to made[] by index below. */
  static const DemoItem items[] = {
    { "pathology-report", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2025-09-18", NULL },
    { "immunophenotyping", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2025-09-20", NULL },
    { "therapy-lines", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2026-01-30", NULL },
    { NULL, "treatment", N_("Second-line treatment letter"), CARTA_ITEM_STATUS_REQUESTED, NULL,
      N_("Asked Dr Keller's office on 3 March") },
    { "blood-tests", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2026-03-02", NULL },
    { "echocardiogram", NULL, NULL, CARTA_ITEM_STATUS_NEEDED, NULL, NULL },
    { "imaging-reports", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2026-02-24", NULL },
    { "imaging-images", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2026-02-24", NULL },
    { "passport", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, NULL, NULL },
    { "hla-typing", NULL, NULL, CARTA_ITEM_STATUS_NOT_APPLICABLE, NULL,
      N_("Not needed for an allogeneic off-the-shelf product") },
    { "target-antigen-expression", NULL, NULL, CARTA_ITEM_STATUS_RECEIVED, "2025-09-20", NULL },
    { "ecog", NULL, NULL, CARTA_ITEM_STATUS_REQUESTED, NULL, NULL },
  };
  g_autofree char *dir = g_file_get_path (case_dir);
  CartaPatient *patient = carta_case_get_patient (kase);
  CartaChecklistItem *made[G_N_ELEMENTS (items)];

  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   "Could not create “%s”: %s", dir, g_strerror (errno));
      return FALSE;
    }

  carta_case_set_title (kase, _("Sample case: Mei Wang"));
  carta_patient_set_name (patient, "Mei Wang 王梅");
  carta_patient_set_date_of_birth (patient, "1979-04-12");
  carta_patient_set_sex (patient, "female");
  carta_patient_set_weight_kg (patient, 62);
  carta_patient_set_country (patient, "DE");
  carta_patient_set_preferred_language (patient, "en");
  carta_patient_set_contact (patient, "lena.wang@example.org");

  fill_profile (kase);

  /* The sample follows the real checklist, as a family's case would. */
  if (g_list_model_get_n_items (carta_case_get_items (kase)) == 0)
    carta_checklist_template_seed_case (carta_checklist_template_get_default (), kase);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    made[i] = add_item (kase, &items[i]);

  {
    static const char * const biopsy[] = {
      "Patient: WANG, Mei (王梅)   Born: 12.04.1979",
      "Specimen: left cervical lymph node, excisional biopsy",
      "Microscopy: diffuse infiltration by large atypical lymphoid cells.",
      "Immunohistochemistry: CD20+, CD19+, CD10−, BCL6+, MUM1+, Ki-67 about 80 %.",
      "Diagnosis: diffuse large B-cell lymphoma, non-GCB type.",
      NULL
    };
    static const char * const flow[] = {
      "Flow cytometry of the lymph node suspension",
      "CD19+ CD20+ B cells 62 %, kappa light chain restricted.",
      "CD19 expression retained (relevant for CD19-directed CAR-T).",
      NULL
    };
    static const char * const discharge[] = {
      "Admission for cycles 1–6 of R-CHOP, September 2025 to January 2026.",
      "Interim PET after 3 cycles: partial response (Deauville 4).",
      "End of treatment: complete metabolic response.",
      "Complications: febrile neutropenia after cycle 2, treated with antibiotics.",
      NULL
    };
    static const char * const blood[] = {
      "Haemoglobin 11.2 g/dL   (12.0–15.5)",
      "Leukocytes 4.1 × 10⁹/L   (4.0–10.0)",
      "Neutrophils 2.3 × 10⁹/L   (1.8–7.5)",
      "Lymphocytes 0.9 × 10⁹/L   (1.0–4.0)",
      "Platelets 168 × 10⁹/L   (150–400)",
      "LDH 312 U/L   (135–214)",
      NULL
    };
    static const char * const pet[] = {
      "PET-CT, skull base to mid-thigh, 24 February 2026",
      "New FDG-avid lymph nodes, left cervical and mediastinal, SUVmax 14.2.",
      "Impression: relapse of the known lymphoma (Deauville 5).",
      NULL
    };
    /* Each report goes to its item of @made, in this order. */
    static const struct {
      guint              item;
      const char        *title;
      const char * const *lines;
      guint              pages;
      const char        *file_name;
    } reports[] = {
      { 0, "Pathology report — lymph node biopsy", biopsy, 2, "Pathologie Befund 2025-09-18.pdf" },
      { 1, "Flow cytometry", flow, 1, "flow_cytometry.pdf" },
      { 2, "Discharge summary", discharge, 3, "Entlassbrief Hämatologie.pdf" },
      { 4, "Complete blood count", blood, 1, "Blutbild 02.03.2026.pdf" },
      { 6, "PET-CT report", pet, 1, "PET-CT Befund.pdf" },
    };
    g_autoptr(GBytes) photo = NULL;
    g_autoptr(GBytes) passport = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
      {
        g_autoptr(GBytes) pdf = _carta_demo_make_pdf (reports[i].title, reports[i].lines, reports[i].pages, NULL);

        if (!_carta_demo_add_file (made[reports[i].item], dir, pdf, reports[i].file_name, "application/pdf", error))
          return FALSE;
      }

    /* A photo of a page, after the discharge summary it belongs to. */
    photo = _carta_demo_make_jpeg (1200, 1600, 42, 88, NULL);
    if (!_carta_demo_add_file (made[2], dir, photo, "IMG_20260130_101512.jpg", "image/jpeg", error))
      return FALSE;
    if (!add_disc (made[7], dir, cancellable, error))
      return FALSE;

    passport = _carta_demo_make_jpeg (1400, 1000, 7, 85, NULL);
    if (!_carta_demo_add_file (made[8], dir, passport, "passport photo page.jpg", "image/jpeg", error))
      return FALSE;
  }

  return TRUE;
}

/* carta-bundle-pdf.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "carta-bundle-private.h"
#include "carta-dicom-summary.h"
#include "carta-error.h"

/* summary.pdf: what a coordinator reads first, on screen or on paper.
 * A4, black on white, a plain sans-serif; pango falls back to Noto CJK
 * for Chinese names and cairo embeds the subsets of every font used. */

#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       56.0
#define BODY_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define BOTTOM       (PAGE_HEIGHT - MARGIN - 24)
/* A Latin face first: CJK faces are large and cairo loads a font's whole
 * outline table to subset it, so they are used only for CJK text, and
 * only in the regular weight (names are never set in bold). */
#define FONT_FAMILY  "Cantarell, Noto Sans CJK SC, Sans"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoLayout     *layout;
  double           y;
  guint            page;
  char            *footer;
} Pdf;

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_font (Pdf        *pdf,
          double      size,
          PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (pdf->layout, font);
  pango_font_description_free (font);
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *text = g_strdup_printf ("%s — %s %u", pdf->footer, _("page"), pdf->page);

  set_font (pdf, 8, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (pdf->layout, (int)(BODY_WIDTH * PANGO_SCALE));
  pango_layout_set_text (pdf->layout, text, -1);
  cairo_set_source_rgb (pdf->cr, 0.35, 0.35, 0.35);
  cairo_move_to (pdf->cr, MARGIN, PAGE_HEIGHT - MARGIN + 4);
  pango_cairo_show_layout (pdf->cr, pdf->layout);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    {
      draw_footer (pdf);
      cairo_show_page (pdf->cr);
    }
  pdf->page++;
  pdf->y = MARGIN;
}

static void
ensure_room (Pdf    *pdf,
             double  height)
{
  if (pdf->y + height > BOTTOM)
    new_page (pdf);
}

/* Lays out @text at @width and returns its height, without drawing. */
static double
measure (Pdf        *pdf,
         const char *text,
         double      width)
{
  int height;

  pango_layout_set_width (pdf->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (pdf->layout, text, -1);
  pango_layout_get_pixel_size (pdf->layout, NULL, &height);
  return height;
}

static void
draw_text_at (Pdf        *pdf,
              const char *text,
              double      x,
              double      y,
              double      width)
{
  pango_layout_set_width (pdf->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (pdf->layout, text, -1);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, pdf->layout);
}

static void
heading (Pdf        *pdf,
         const char *text)
{
  set_font (pdf, 14, PANGO_WEIGHT_BOLD);
  ensure_room (pdf, 60);
  pdf->y += 10;
  draw_text_at (pdf, text, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += measure (pdf, text, BODY_WIDTH) + 4;
  cairo_set_line_width (pdf->cr, 0.8);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  cairo_line_to (pdf->cr, MARGIN + BODY_WIDTH, pdf->y);
  cairo_stroke (pdf->cr);
  pdf->y += 8;
}

static void
paragraph (Pdf        *pdf,
           const char *text)
{
  double height;

  set_font (pdf, 10, PANGO_WEIGHT_NORMAL);
  height = measure (pdf, text, BODY_WIDTH);
  ensure_room (pdf, height);
  draw_text_at (pdf, text, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += height + 6;
}

/* "Label    value" rows; empty values show as a dash so a reader sees
 * the field exists but was not filled in. */
static void
field (Pdf        *pdf,
       const char *label,
       const char *value)
{
  const double label_width = 150;
  double height;

  if (value == NULL || *value == '\0')
    value = "—";

  set_font (pdf, 10, PANGO_WEIGHT_BOLD);
  height = measure (pdf, label, label_width - 8);
  set_font (pdf, 10, PANGO_WEIGHT_NORMAL);
  height = MAX (MAX (measure (pdf, value, BODY_WIDTH - label_width), height), 12);
  ensure_room (pdf, height);
  set_font (pdf, 10, PANGO_WEIGHT_BOLD);
  draw_text_at (pdf, label, MARGIN, pdf->y, label_width - 8);
  set_font (pdf, 10, PANGO_WEIGHT_NORMAL);
  draw_text_at (pdf, value, MARGIN + label_width, pdf->y, BODY_WIDTH - label_width);
  pdf->y += height + 3;
}

/* A table: widths in points, a header row repeated on every page. */
typedef struct
{
  guint         n_columns;
  const double *widths;
  const char  **headers;
} Table;

static double
row_height (Pdf          *pdf,
            const Table  *table,
            const char  **cells)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    height = MAX (height, measure (pdf, cells[i] ? cells[i] : "", table->widths[i] - 6));

  return height + 6;
}

static void
draw_row (Pdf          *pdf,
          const Table  *table,
          const char  **cells,
          gboolean      header)
{
  double x = MARGIN;
  double height;

  set_font (pdf, header ? 8.5 : 8.5, header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  height = row_height (pdf, table, cells);

  if (header)
    {
      cairo_set_source_rgb (pdf->cr, 0.9, 0.9, 0.9);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, BODY_WIDTH, height);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      draw_text_at (pdf, cells[i] ? cells[i] : "", x + 3, pdf->y + 3, table->widths[i] - 6);
      x += table->widths[i];
    }

  pdf->y += height;
  cairo_set_line_width (pdf->cr, 0.3);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  cairo_line_to (pdf->cr, MARGIN + BODY_WIDTH, pdf->y);
  cairo_stroke (pdf->cr);
}

static void
table_row (Pdf          *pdf,
           const Table  *table,
           const char  **cells,
           gboolean     *header_drawn)
{
  double height;

  set_font (pdf, 8.5, PANGO_WEIGHT_BOLD);
  height = row_height (pdf, table, table->headers);
  set_font (pdf, 8.5, PANGO_WEIGHT_NORMAL);
  height += row_height (pdf, table, cells);

  if (pdf->y + height > BOTTOM)
    {
      new_page (pdf);
      *header_drawn = FALSE;
    }

  if (!*header_drawn)
    {
      draw_row (pdf, table, table->headers, TRUE);
      *header_drawn = TRUE;
    }

  draw_row (pdf, table, cells, FALSE);
}

static const char *
status_label (const char *status)
{
  CartaItemStatus value;

  if (!carta_item_status_from_string (status, &value))
    return status;

  switch (value)
    {
    case CARTA_ITEM_STATUS_NEEDED:
      return _("Still needed");
    case CARTA_ITEM_STATUS_REQUESTED:
      return _("Requested");
    case CARTA_ITEM_STATUS_RECEIVED:
      return _("Received");
    case CARTA_ITEM_STATUS_NOT_APPLICABLE:
      return _("Does not apply");
    default:
      return status;
    }
}

static void
cover (Pdf       *pdf,
       CartaCase *kase,
       GPtrArray *docs,
       GDateTime *when)
{
  CartaPatient *patient = carta_case_get_patient (kase);
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  GListModel *contacts = carta_case_get_contacts (kase);
  GListModel *labs = carta_clinical_status_get_labs (status);
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *diagnosis_text = _carta_bundle_diagnosis_text (kase);
  g_autofree char *subtitle = NULL;
  g_autofree char *ecog = NULL;
  g_autofree char *size = NULL;
  g_autofree char *tested = NULL;
  const char *name = carta_patient_get_name (patient);
  guint n_documents = 0;

  for (guint i = 0; i < docs->len; i++)
    if (((CartaBundleDoc *)g_ptr_array_index (docs, i))->role != CARTA_BUNDLE_DOC_DISC_FILE)
      n_documents++;

  set_font (pdf, 24, PANGO_WEIGHT_NORMAL);
  draw_text_at (pdf, name ? name : carta_case_get_title (kase), MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += measure (pdf, name ? name : carta_case_get_title (kase), BODY_WIDTH) + 4;

  set_font (pdf, 11, PANGO_WEIGHT_NORMAL);
  /* TRANSLATORS: %s is a date, %u a number of documents */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Medical summary for the assessment of a CAR-T trial, prepared by the family on %s. The bundle holds %u document, listed at the end.",
                                           "Medical summary for the assessment of a CAR-T trial, prepared by the family on %s. The bundle holds %u documents, listed at the end.",
                                           n_documents),
                              date, n_documents);
  draw_text_at (pdf, subtitle, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += measure (pdf, subtitle, BODY_WIDTH) + 6;

  heading (pdf, _("Patient"));
  field (pdf, _("Name"), name);
  field (pdf, _("Other names"), carta_patient_get_other_names (patient));
  field (pdf, _("Date of birth"), carta_patient_get_date_of_birth (patient));
  field (pdf, _("Sex"), carta_patient_get_sex (patient));
  field (pdf, _("Country"), carta_patient_get_country (patient));
  field (pdf, _("Languages"), carta_patient_get_languages (patient) ? carta_patient_get_languages (patient)
                                                                    : carta_patient_get_preferred_language (patient));
  if (carta_patient_get_weight_kg (patient) > 0 || carta_patient_get_height_cm (patient) > 0)
    {
      g_autofree char *body = g_strdup_printf ("%.0f kg, %.0f cm", carta_patient_get_weight_kg (patient),
                                               carta_patient_get_height_cm (patient));
      field (pdf, _("Weight and height"), body);
    }

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(CartaContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *text = g_strjoin ("\n",
                                         carta_contact_get_name (contact) ? carta_contact_get_name (contact) : "",
                                         carta_contact_get_relation (contact) ? carta_contact_get_relation (contact) : "",
                                         carta_contact_get_phone (contact) ? carta_contact_get_phone (contact) : "",
                                         carta_contact_get_email (contact) ? carta_contact_get_email (contact) : "",
                                         carta_contact_get_time_zone (contact) ? carta_contact_get_time_zone (contact) : "",
                                         NULL);
      g_strstrip (text);
      field (pdf, i == 0 ? _("Contact") : "", text);
    }

  heading (pdf, _("Diagnosis"));
  field (pdf, _("Disease"), diagnosis_text);
  field (pdf, _("Diagnosed on"), carta_diagnosis_get_diagnosis_date (diagnosis));
  field (pdf, _("Disease state"), carta_diagnosis_get_state (diagnosis) ? carta_disease_state_to_label (carta_diagnosis_get_state (diagnosis)) : NULL);
  field (pdf, _("CD19 expression, %"), carta_diagnosis_get_cd19_percent (diagnosis));
  field (pdf, _("BCMA expression, %"), carta_diagnosis_get_bcma_percent (diagnosis));
  if (carta_diagnosis_get_antigen_method (diagnosis) || carta_diagnosis_get_antigen_date (diagnosis))
    tested = g_strjoin (", ",
                        carta_diagnosis_get_antigen_method (diagnosis) ? carta_diagnosis_get_antigen_method (diagnosis) : "—",
                        carta_diagnosis_get_antigen_date (diagnosis) ? carta_diagnosis_get_antigen_date (diagnosis) : "—",
                        NULL);
  field (pdf, _("Tested by, on"), tested);
  field (pdf, _("Central nervous system"), carta_diagnosis_get_cns_involvement (diagnosis)
                                             ? carta_answer_to_label (carta_diagnosis_get_cns_involvement (diagnosis)) : NULL);

  heading (pdf, _("Current state"));
  if (carta_clinical_status_get_ecog (status) >= 0 && carta_ecog_to_description (carta_clinical_status_get_ecog (status)))
    ecog = g_strdup_printf ("%d — %s", carta_clinical_status_get_ecog (status),
                            _(carta_ecog_to_description (carta_clinical_status_get_ecog (status))));
  field (pdf, _("ECOG performance"), ecog);
  field (pdf, _("Infections"), carta_clinical_status_get_infections (status));
  field (pdf, _("Other illnesses"), carta_clinical_status_get_other_illnesses (status));
  field (pdf, _("Medication"), carta_clinical_status_get_medication (status));
  for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);
      g_autofree char *text = g_strdup_printf ("%s %s%s%s%s",
                                               carta_lab_result_get_value (lab) ? carta_lab_result_get_value (lab) : "—",
                                               carta_lab_result_get_unit (lab) ? carta_lab_result_get_unit (lab) : "",
                                               carta_lab_result_get_date (lab) ? " (" : "",
                                               carta_lab_result_get_date (lab) ? carta_lab_result_get_date (lab) : "",
                                               carta_lab_result_get_date (lab) ? ")" : "");
      field (pdf, carta_lab_result_get_name (lab) ? carta_lab_result_get_name (lab) : _("Lab value"), text);
    }

  heading (pdf, _("Questions from the family"));
  paragraph (pdf, carta_case_get_questions (kase) ? carta_case_get_questions (kase) : "—");

  size = g_strdup_printf ("%s: urn:uuid:%s", _("Case identifier"), carta_case_get_id (kase));
  set_font (pdf, 8, PANGO_WEIGHT_NORMAL);
  pdf->y += 6;
  ensure_room (pdf, 12);
  draw_text_at (pdf, size, MARGIN, pdf->y, BODY_WIDTH);
  pdf->y += 12;
}

static void
treatment (Pdf       *pdf,
           CartaCase *kase)
{
  static const double widths[] = { 24, 130, 62, 62, 90, 115.276 };
  const char *headers[] = { "#", _("Treatment"), _("From"), _("To"), _("Best response"), _("Notes") };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  CartaTreatmentHistory *history = carta_case_get_treatment (kase);
  GListModel *lines = carta_treatment_history_get_lines (history);
  GListModel *transplants = carta_treatment_history_get_transplants (history);
  GListModel *carts = carta_treatment_history_get_prior_carts (history);
  gboolean header_drawn = FALSE;

  new_page (pdf);
  heading (pdf, _("Treatment history"));

  if (g_list_model_get_n_items (lines) == 0)
    paragraph (pdf, _("No lines of treatment were entered."));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(CartaTherapyLine) line = g_list_model_get_item (lines, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      CartaResponse response = carta_therapy_line_get_best_response (line);
      const char *cells[] = {
        number,
        carta_therapy_line_get_regimen (line),
        carta_therapy_line_get_start_date (line),
        carta_therapy_line_get_end_date (line),
        response ? carta_response_to_label (response) : "",
        carta_therapy_line_get_notes (line),
      };

      table_row (pdf, &table, cells, &header_drawn);
    }

  for (guint i = 0; i < g_list_model_get_n_items (transplants); i++)
    {
      g_autoptr(CartaTransplant) transplant = g_list_model_get_item (transplants, i);
      g_autofree char *text = g_strdup_printf ("%s, %s; GvHD: %s. %s",
                                               carta_transplant_type_to_label (carta_transplant_get_kind (transplant)),
                                               carta_transplant_get_date (transplant) ? carta_transplant_get_date (transplant) : "—",
                                               carta_gvhd_grade_to_label (carta_transplant_get_gvhd_grade (transplant)),
                                               carta_transplant_get_notes (transplant) ? carta_transplant_get_notes (transplant) : "");
      pdf->y += 6;
      field (pdf, _("Transplant"), text);
    }

  for (guint i = 0; i < g_list_model_get_n_items (carts); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (carts, i);
      g_autofree char *text = g_strdup_printf ("%s, %s; %s; %s %s. %s",
                                               carta_prior_cart_get_product (cart) ? carta_prior_cart_get_product (cart) : "—",
                                               carta_prior_cart_get_date (cart) ? carta_prior_cart_get_date (cart) : "—",
                                               carta_response_to_label (carta_prior_cart_get_response (cart)),
                                               _("relapse"),
                                               carta_prior_cart_get_relapse_date (cart) ? carta_prior_cart_get_relapse_date (cart) : "—",
                                               carta_prior_cart_get_notes (cart) ? carta_prior_cart_get_notes (cart) : "");
      pdf->y += 6;
      field (pdf, _("Earlier CAR-T"), text);
    }
}

static void
checklist (Pdf       *pdf,
           CartaCase *kase,
           GPtrArray *docs)
{
  static const double widths[] = { 200, 90, 80, 113.276 };
  const char *headers[] = { _("Record"), _("Status"), _("Date"), _("Documents") };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  GListModel *items = carta_case_get_items (kase);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();

  heading (pdf, _("Checklist"));

  if (g_list_model_get_n_items (items) == 0)
    paragraph (pdf, _("The checklist is empty."));

  /* Categories in the order they first appear. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      const char *category = carta_checklist_item_get_category (item);
      gboolean seen = FALSE;

      for (guint j = 0; j < categories->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (categories, j), category) == 0;
      if (!seen)
        g_ptr_array_add (categories, (gpointer)category);
    }

  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      gboolean header_drawn = FALSE;
      guint received = 0, total = 0;
      g_autofree char *title = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

          if (g_strcmp0 (carta_checklist_item_get_category (item), category) != 0 ||
              carta_checklist_item_get_status (item) == CARTA_ITEM_STATUS_NOT_APPLICABLE)
            continue;
          total++;
          if (carta_checklist_item_get_status (item) == CARTA_ITEM_STATUS_RECEIVED)
            received++;
        }

      /* TRANSLATORS: a checklist category, then how many of its records the family has */
      title = g_strdup_printf (_("%s — %u of %u received"), category ? category : _("Other"), received, total);
      set_font (pdf, 11, PANGO_WEIGHT_BOLD);
      ensure_room (pdf, 60);
      pdf->y += 6;
      draw_text_at (pdf, title, MARGIN, pdf->y, BODY_WIDTH);
      pdf->y += measure (pdf, title, BODY_WIDTH) + 4;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
          guint n = g_list_model_get_n_items (carta_checklist_item_get_attachments (item));
          g_autofree char *count = n ? g_strdup_printf ("%u", n) : g_strdup ("");
          const char *cells[4];

          if (g_strcmp0 (carta_checklist_item_get_category (item), category) != 0)
            continue;

          cells[0] = _carta_bundle_item_title (item);
          cells[1] = status_label (carta_item_status_to_string (carta_checklist_item_get_status (item)));
          cells[2] = carta_checklist_item_get_document_date (item);
          cells[3] = count;
          table_row (pdf, &table, cells, &header_drawn);
        }
    }
}

static void
index_of_documents (Pdf       *pdf,
                    GPtrArray *docs)
{
  static const double widths[] = { 70, 98, 64, 128, 64, 59.276 };
  const char *headers[] = { _("Category"), _("Record"), _("Date"), _("Original name"), _("Pages, size"), "SHA-256" };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  gboolean header_drawn = FALSE;

  new_page (pdf);
  heading (pdf, _("Documents"));
  paragraph (pdf, _("Every document of the bundle, with the start of its SHA-256 checksum. "
                    "The full checksums are in manifest-sha256.txt."));

  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (docs, i);
      g_autofree char *size = g_format_size (doc->size);
      g_autofree char *pages_size = NULL;
      g_autofree char *hash = g_strndup (doc->sha256, 12);
      g_autofree char *name = NULL;
      const char *cells[6];

      if (doc->role == CARTA_BUNDLE_DOC_DISC_FILE)
        continue;

      if (doc->role == CARTA_BUNDLE_DOC_DISC_MANIFEST)
        {
          guint files = 0;
          guint64 bytes = 0;

          for (guint j = 0; j < docs->len; j++)
            {
              CartaBundleDoc *file = g_ptr_array_index (docs, j);

              if (file->role == CARTA_BUNDLE_DOC_DISC_FILE && g_strcmp0 (file->attachment_id, doc->attachment_id) == 0)
                {
                  files++;
                  bytes += file->size;
                }
            }
          g_free (size);
          size = g_format_size (bytes);
          /* TRANSLATORS: an imaging disc: how many files, and their size */
          pages_size = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file, %s", "%u files, %s", files), files, size);
          name = g_strdup_printf ("%s (%s)", doc->original_name, _("imaging disc"));
        }
      else if (doc->pdf_pages > 0)
        pages_size = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page, %s", "%u pages, %s", doc->pdf_pages),
                                      doc->pdf_pages, size);
      else
        pages_size = g_strdup (size);

      cells[0] = doc->category;
      cells[1] = doc->item_title;
      cells[2] = doc->document_date;
      cells[3] = name ? name : doc->original_name;
      cells[4] = pages_size;
      cells[5] = hash;
      table_row (pdf, &table, cells, &header_drawn);
    }

  if (!header_drawn)
    paragraph (pdf, _("The bundle holds no documents yet."));
}

static void
imaging (Pdf       *pdf,
         GPtrArray *docs)
{
  static const double widths[] = { 70, 60, 170, 60, 123.276 };
  const char *headers[] = { _("Date"), _("Modality"), _("Study"), _("Images"), _("Disc") };
  const Table table = { G_N_ELEMENTS (widths), widths, headers };
  gboolean header_drawn = FALSE;
  gboolean any = FALSE;

  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (docs, i);
      CartaDicomSummary *summary;

      if (doc->role != CARTA_BUNDLE_DOC_DISC_MANIFEST || doc->attachment == NULL ||
          !(summary = carta_attachment_get_dicom_summary (doc->attachment)))
        continue;

      for (guint j = 0; j < summary->studies->len; j++)
        {
          CartaDicomStudy *study = g_ptr_array_index (summary->studies, j);
          g_autofree char *modalities = g_strjoinv (", ", study->modalities);
          g_autofree char *images = g_strdup_printf ("%u", study->n_images);
          const char *cells[] = { study->date, modalities, study->description, images, doc->original_name };

          if (!any)
            {
              heading (pdf, _("Imaging studies"));
              any = TRUE;
            }
          table_row (pdf, &table, cells, &header_drawn);
        }
    }
}

/**
 * _carta_bundle_render_summary:
 * @docs: (element-type CartaBundleDoc): the documents, hashed
 *
 * Returns: (transfer full): summary.pdf
 */
GBytes *
_carta_bundle_render_summary (CartaCase  *kase,
                              GPtrArray  *docs,
                              GDateTime  *when,
                              GError    **error)
{
  GByteArray *out = g_byte_array_new ();
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
  CartaPatient *patient = carta_case_get_patient (kase);
  const char *name = carta_patient_get_name (patient);
  cairo_status_t status;
  Pdf pdf = { 0 };

  pdf.surface = cairo_pdf_surface_create_for_stream (append_cb, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE,
                                  name ? name : carta_case_get_title (kase));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT, "Medical summary for a CAR-T trial");
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Carta " PACKAGE_VERSION);
  pdf.cr = cairo_create (pdf.surface);
  pdf.layout = pango_cairo_create_layout (pdf.cr);
  pango_layout_set_wrap (pdf.layout, PANGO_WRAP_WORD_CHAR);
  pdf.footer = g_strdup_printf ("%s — %s", name ? name : carta_case_get_title (kase), date);

  new_page (&pdf);
  cover (&pdf, kase, docs, when);
  treatment (&pdf, kase);
  checklist (&pdf, kase, docs);
  index_of_documents (&pdf, docs);
  imaging (&pdf, docs);
  draw_footer (&pdf);
  cairo_show_page (pdf.cr);

  g_object_unref (pdf.layout);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  g_free (pdf.footer);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (out);
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   "Could not draw the summary: %s", cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (out);
}

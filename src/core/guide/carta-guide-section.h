/* carta-guide-section.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CartaGuideBlockKind:
 * @CARTA_GUIDE_BLOCK_PARAGRAPH: a paragraph, in @text
 * @CARTA_GUIDE_BLOCK_SUBHEADING: a heading inside the section, in @text
 * @CARTA_GUIDE_BLOCK_ITEM: a list item: @text, with an optional @lead
 * @CARTA_GUIDE_BLOCK_TABLE_HEADER: the column names of the table, in @cells
 * @CARTA_GUIDE_BLOCK_TABLE_ROW: one row of the table, in @cells
 * @CARTA_GUIDE_BLOCK_FIGURE: a chart: @text is its caption, @detail its
 *   text alternative, @bars its ranges on a @unit axis from 0 to @max
 * @CARTA_GUIDE_BLOCK_FAQ: a question in @text, its answer in @detail
 * @CARTA_GUIDE_BLOCK_ACTION: a button labelled @text that opens page @target
 * @CARTA_GUIDE_BLOCK_SOURCES: the section's note on sources, in @text
 * @CARTA_GUIDE_BLOCK_REFERENCE: one numbered reference of the section: the
 *   citation in @text (not translated), and at least one of @doi, @pmid,
 *   @registry (trial registry ids, separated by spaces) or @url with the
 *   day it was read, @accessed (YYYY-MM-DD)
 *
 * What a block of a guide section holds.
 */
typedef enum
{
  CARTA_GUIDE_BLOCK_PARAGRAPH,
  CARTA_GUIDE_BLOCK_SUBHEADING,
  CARTA_GUIDE_BLOCK_ITEM,
  CARTA_GUIDE_BLOCK_TABLE_HEADER,
  CARTA_GUIDE_BLOCK_TABLE_ROW,
  CARTA_GUIDE_BLOCK_FIGURE,
  CARTA_GUIDE_BLOCK_FAQ,
  CARTA_GUIDE_BLOCK_ACTION,
  CARTA_GUIDE_BLOCK_SOURCES,
  CARTA_GUIDE_BLOCK_REFERENCE,
} CartaGuideBlockKind;

typedef enum
{
  CARTA_GUIDE_UNIT_PERCENT,
  CARTA_GUIDE_UNIT_DAYS,
} CartaGuideUnit;

/* The table's columns, in the order of CartaGuideBlock.cells. */
typedef enum
{
  CARTA_GUIDE_COLUMN_STEP,
  CARTA_GUIDE_COLUMN_GENE,
  CARTA_GUIDE_COLUMN_PURPOSE,
  CARTA_GUIDE_COLUMN_TECHNOLOGY,
  CARTA_GUIDE_N_COLUMNS
} CartaGuideColumn;

typedef struct
{
  char     *label;
  int       low;
  int       high;
  gboolean  accent;
} CartaGuideBar;

/* Every string is already translated. */
typedef struct
{
  CartaGuideBlockKind  kind;
  char                *lead;
  char                *text;
  char                *detail;
  char                *cells[CARTA_GUIDE_N_COLUMNS];
  char                *target;
  CartaGuideUnit       unit;
  int                  max;
  int                  step;
  GPtrArray           *bars;
  char                *doi;
  char                *pmid;
  char                *registry;
  char                *url;
  char                *accessed;
} CartaGuideBlock;

/* Where a reference can be read: @label is an identifier such as
 * "doi:10.1000/xyz" or "NCT01234567", never a translated word. */
typedef struct
{
  char *label;
  char *uri;
} CartaGuideLink;

#define CARTA_TYPE_GUIDE_SECTION (carta_guide_section_get_type ())

G_DECLARE_FINAL_TYPE (CartaGuideSection, carta_guide_section, CARTA, GUIDE_SECTION, GObject)

const char            *carta_guide_section_get_id       (CartaGuideSection *self);
const char            *carta_guide_section_get_heading  (CartaGuideSection *self);
guint                  carta_guide_section_get_n_blocks (CartaGuideSection *self);
const CartaGuideBlock *carta_guide_section_get_block    (CartaGuideSection *self,
                                                         guint              position);
gboolean               carta_guide_section_matches      (CartaGuideSection *self,
                                                         const char        *query);

GPtrArray             *carta_guide_block_dup_links      (const CartaGuideBlock *block);

G_END_DECLS

/* carta-guide-section.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-guide-section"

#include "config.h"

#include <string.h>

#include "carta-fields-private.h"
#include "carta-guide-private.h"

struct _CartaGuideSection
{
  GObject    parent_instance;

  char      *id;
  char      *heading;
  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (CartaGuideSection, carta_guide_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HEADING,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  /* The section's stable name, such as "gene-editing". */
  [PROP_ID] = CARTA_FIELD_RO (STRING, "id", CartaGuideSection, id),
  /* The section's translated heading. */
  [PROP_HEADING] = CARTA_FIELD_RO (STRING, "heading", CartaGuideSection, heading),
};

static GParamSpec *properties[N_PROPS];

static void
bar_free (gpointer data)
{
  CartaGuideBar *bar = data;

  g_free (bar->label);
  g_free (bar);
}

static gboolean
text_matches (const char *text,
              const char *query)
{
  g_autoptr(GArray) matches = NULL;

  if (text == NULL)
    return FALSE;

  matches = carta_guide_find_matches (text, query);

  return matches->len > 0;
}

static gboolean
block_matches (const CartaGuideBlock *block,
               const char            *query)
{
  if (text_matches (block->lead, query) ||
      text_matches (block->text, query) ||
      text_matches (block->detail, query))
    return TRUE;

  for (guint i = 0; i < CARTA_GUIDE_N_COLUMNS; i++)
    if (text_matches (block->cells[i], query))
      return TRUE;

  if (text_matches (block->doi, query) ||
      text_matches (block->pmid, query) ||
      text_matches (block->registry, query))
    return TRUE;

  for (guint i = 0; block->bars != NULL && i < block->bars->len; i++)
    if (text_matches (((CartaGuideBar *)g_ptr_array_index (block->bars, i))->label, query))
      return TRUE;

  return FALSE;
}

static void
link_free (gpointer data)
{
  CartaGuideLink *link = data;

  g_free (link->label);
  g_free (link->uri);
  g_free (link);
}

static void
add_link (GPtrArray  *links,
          char       *label,
          char       *uri)
{
  CartaGuideLink *link = g_new0 (CartaGuideLink, 1);

  link->label = label;
  link->uri = uri;
  g_ptr_array_add (links, link);
}

static void
carta_guide_section_finalize (GObject *object)
{
  CartaGuideSection *self = (CartaGuideSection *)object;

  _carta_fields_clear (self, fields, N_PROPS);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_guide_section_parent_class)->finalize (object);
}

CARTA_FIELDS_DEFINE_GET_PROPERTY (carta_guide_section)

static void
carta_guide_section_class_init (CartaGuideSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_guide_section_finalize;
  object_class->get_property = carta_guide_section_get_property;

  _carta_fields_install_read_only (object_class, fields, N_PROPS, properties);
}

static void
carta_guide_section_init (CartaGuideSection *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)_carta_guide_block_free);
}

CartaGuideSection *
_carta_guide_section_new (const char *id)
{
  CartaGuideSection *self = g_object_new (CARTA_TYPE_GUIDE_SECTION, NULL);

  self->id = g_strdup (id);

  return self;
}

void
_carta_guide_section_set_heading (CartaGuideSection *self,
                                  const char        *heading)
{
  g_assert (CARTA_IS_GUIDE_SECTION (self));

  g_free (self->heading);
  self->heading = g_strdup (heading);
}

void
_carta_guide_section_take_block (CartaGuideSection *self,
                                 CartaGuideBlock   *block)
{
  g_assert (CARTA_IS_GUIDE_SECTION (self));

  g_ptr_array_add (self->blocks, block);
}

CartaGuideBlock *
_carta_guide_block_new (CartaGuideBlockKind kind)
{
  CartaGuideBlock *block = g_new0 (CartaGuideBlock, 1);

  block->kind = kind;
  if (kind == CARTA_GUIDE_BLOCK_FIGURE)
    block->bars = g_ptr_array_new_with_free_func (bar_free);

  return block;
}

void
_carta_guide_block_free (CartaGuideBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->lead);
  g_free (block->text);
  g_free (block->detail);
  for (guint i = 0; i < CARTA_GUIDE_N_COLUMNS; i++)
    g_free (block->cells[i]);
  g_free (block->target);
  g_clear_pointer (&block->bars, g_ptr_array_unref);
  g_free (block->doi);
  g_free (block->pmid);
  g_free (block->registry);
  g_free (block->url);
  g_free (block->accessed);
  g_free (block);
}

/**
 * carta_guide_section_get_id:
 *
 * Returns: the section's stable name, the same in every language
 */
const char *
carta_guide_section_get_id (CartaGuideSection *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE_SECTION (self), NULL);

  return self->id;
}

/**
 * carta_guide_section_get_heading:
 *
 * Returns: the translated heading
 */
const char *
carta_guide_section_get_heading (CartaGuideSection *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE_SECTION (self), NULL);

  return self->heading;
}

guint
carta_guide_section_get_n_blocks (CartaGuideSection *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE_SECTION (self), 0);

  return self->blocks->len;
}

/**
 * carta_guide_section_get_block:
 * @position: from 0 to the number of blocks, excluded
 *
 * Returns: (transfer none): the block at @position, in reading order
 */
const CartaGuideBlock *
carta_guide_section_get_block (CartaGuideSection *self,
                               guint              position)
{
  g_return_val_if_fail (CARTA_IS_GUIDE_SECTION (self), NULL);
  g_return_val_if_fail (position < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, position);
}

/**
 * carta_guide_section_matches:
 * @query: what the reader typed
 *
 * Whether @query occurs, ignoring case, anywhere in the section's
 * heading or text. An empty query matches every section.
 */
gboolean
carta_guide_section_matches (CartaGuideSection *self,
                             const char        *query)
{
  g_return_val_if_fail (CARTA_IS_GUIDE_SECTION (self), FALSE);

  if (query == NULL || query[strspn (query, " \t\n")] == '\0')
    return TRUE;

  if (text_matches (self->heading, query))
    return TRUE;

  for (guint i = 0; i < self->blocks->len; i++)
    if (block_matches (g_ptr_array_index (self->blocks, i), query))
      return TRUE;

  return FALSE;
}

/**
 * carta_guide_block_dup_links:
 * @block: a %CARTA_GUIDE_BLOCK_REFERENCE block
 *
 * Every address where the reference can be read, in the order DOI,
 * PubMed, trial registries, web page. A ClinicalTrials.gov id opens its
 * record there; any other registry id (such as ChiCTR…) opens in the
 * WHO's International Clinical Trials Registry Platform.
 *
 * Returns: (transfer full) (element-type CartaGuideLink): the links
 */
GPtrArray *
carta_guide_block_dup_links (const CartaGuideBlock *block)
{
  GPtrArray *links = g_ptr_array_new_with_free_func (link_free);

  g_return_val_if_fail (block != NULL, links);

  if (block->doi != NULL)
    add_link (links, g_strdup_printf ("doi:%s", block->doi),
              g_strdup_printf ("https://doi.org/%s", block->doi));

  if (block->pmid != NULL)
    add_link (links, g_strdup_printf ("PMID %s", block->pmid),
              g_strdup_printf ("https://pubmed.ncbi.nlm.nih.gov/%s/", block->pmid));

  if (block->registry != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (block->registry, " ", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          if (ids[i][0] == '\0')
            continue;

          if (g_str_has_prefix (ids[i], "NCT"))
            add_link (links, g_strdup (ids[i]),
                      g_strdup_printf ("https://clinicaltrials.gov/study/%s", ids[i]));
          else
            add_link (links, g_strdup (ids[i]),
                      g_strdup_printf ("https://trialsearch.who.int/Trial2.aspx?TrialID=%s", ids[i]));
        }
    }

  if (block->url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (block->url, G_URI_FLAGS_NONE, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      add_link (links, g_strdup (host ? host : block->url), g_strdup (block->url));
    }

  return links;
}

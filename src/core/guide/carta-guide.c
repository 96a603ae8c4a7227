/* carta-guide.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-guide"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "carta-fields-private.h"
#include "carta-guide-private.h"

struct _CartaGuide
{
  GObject    parent_instance;

  char      *title;
  char      *summary;
  char      *disclaimer;
  GDateTime *reviewed;
  GPtrArray *sections;
};

G_DEFINE_FINAL_TYPE (CartaGuide, carta_guide, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  /* The guide's translated title. */
  [PROP_TITLE] = CARTA_FIELD_RO (STRING, "title", CartaGuide, title),
};

static GParamSpec *properties[N_PROPS];

/* Elements whose text is translatable: the same list as the selector in
 * po/its/carta-guide.its, so that every string looked up is in the pot. */
static const char * const leaf_elements[] = {
  "title", "summary", "disclaimer", "heading", "subheading", "p", "lead", "text",
  "step", "gene", "purpose", "tech", "caption", "description", "label",
  "question", "answer", "action", "sources", "reference",
};

/* Leaves shown as written, never translated: a reference's citation is
 * the title of a paper or a registry record, in the language it was
 * published in. po/its/carta-guide.its leaves them out of the pot. */
static const char * const untranslated_elements[] = {
  "reference",
};

typedef struct
{
  CartaGuideTranslateFunc  translate;
  gpointer                 user_data;
  CartaGuide              *guide;
  CartaGuideSection       *section;
  CartaGuideBlock         *block;
  CartaGuideBar           *bar;
  GString                 *text;
  gboolean                 in_leaf;
} ParseState;

static gboolean
is_leaf (const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (leaf_elements); i++)
    if (g_str_equal (element, leaf_elements[i]))
      return TRUE;

  return FALSE;
}

/* xgettext's ITS extraction trims and collapses white space, and keeps
 * &, < and > as entities: build the msgid it would write. */
static char *
to_msgid (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;

      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }

  return g_string_free (out, FALSE);
}

static char *
from_msgid (const char *msgid)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = msgid; *p != '\0'; p++)
    {
      gboolean replaced = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          if (g_str_has_prefix (p, entities[i].entity))
            {
              g_string_append_c (out, entities[i].c);
              p += strlen (entities[i].entity) - 1;
              replaced = TRUE;
              break;
            }

      if (!replaced)
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static const char *
translate_with_gettext (const char *msgid,
                        gpointer    user_data)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/* The parser's errors describe mistakes in guide.xml, which ships inside
 * Carta; they are for whoever edits that file, reach only the log (the
 * guide page reports a broken guide with g_critical) and stay in English
 * like the element names they quote. */

static gboolean
parse_int_attribute (const char  *element,
                     const char  *name,
                     const char  *value,
                     int          min,
                     int         *out,
                     GError     **error)
{
  gint64 number;

  if (value == NULL ||
      !g_ascii_string_to_signed (value, 10, min, 10000, &number, NULL))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "<%s> needs a whole number %s of at least %d", element, name, min);
      return FALSE;
    }

  *out = (int)number;
  return TRUE;
}

static gboolean
is_day (const char *value)
{
  int year, month, day;
  char end;

  return value != NULL &&
         sscanf (value, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
         strlen (value) == 10 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
is_registry_id (const char *id)
{
  static const char * const prefixes[] = { "NCT", "ChiCTR" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (id, prefixes[i]))
      {
        const char *digits = id + strlen (prefixes[i]);

        if (digits[0] == '\0')
          return FALSE;
        for (const char *p = digits; *p != '\0'; p++)
          if (!g_ascii_isalnum (*p) && *p != '-')
            return FALSE;
        return TRUE;
      }

  return FALSE;
}

/* A reference must say where it can be checked: a DOI, a PubMed id, a
 * trial registry id, or a web address with the day it was read. */
static gboolean
start_reference (ParseState   *state,
                 const char  **names,
                 const char  **values,
                 GError      **error)
{
  const char *doi = NULL, *pmid = NULL, *registry = NULL, *url = NULL, *accessed = NULL;
  CartaGuideBlock *block;

  if (!g_markup_collect_attributes ("reference", names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "doi", &doi,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "pmid", &pmid,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "registry", &registry,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "url", &url,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "accessed", &accessed,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  block = state->block = _carta_guide_block_new (CARTA_GUIDE_BLOCK_REFERENCE);
  _carta_guide_section_take_block (state->section, block);

  if (doi == NULL && pmid == NULL && registry == NULL && url == NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "A <reference> needs a doi, a pmid, a registry id or a url");
      return FALSE;
    }

  if (doi != NULL && !g_str_has_prefix (doi, "10."))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "“%s” is not a DOI", doi);
      return FALSE;
    }

  if (pmid != NULL && (pmid[0] == '\0' || pmid[strspn (pmid, "0123456789")] != '\0'))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "“%s” is not a PubMed id", pmid);
      return FALSE;
    }

  if (registry != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (registry, " ", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        if (!is_registry_id (ids[i]))
          {
            g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         "“%s” is not a trial registry id", ids[i]);
            return FALSE;
          }
    }

  if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "“%s” is not a web address", url);
      return FALSE;
    }

  /* A web page can change: say when it was read. */
  if ((url != NULL || accessed != NULL) && !is_day (accessed))
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "A <reference> with a url needs the day it was accessed (YYYY-MM-DD)");
      return FALSE;
    }

  block->doi = g_strdup (doi);
  block->pmid = g_strdup (pmid);
  block->registry = g_strdup (registry);
  block->url = g_strdup (url);
  block->accessed = g_strdup (accessed);

  return TRUE;
}

static gboolean
start_figure (ParseState   *state,
              const char  **names,
              const char  **values,
              GError      **error)
{
  const char *unit = NULL, *max = NULL, *step = NULL;
  CartaGuideBlock *block;

  if (!g_markup_collect_attributes ("figure", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "unit", &unit,
                                    G_MARKUP_COLLECT_STRING, "max", &max,
                                    G_MARKUP_COLLECT_STRING, "step", &step,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  block = state->block = _carta_guide_block_new (CARTA_GUIDE_BLOCK_FIGURE);
  _carta_guide_section_take_block (state->section, block);

  if (g_str_equal (unit, "percent"))
    block->unit = CARTA_GUIDE_UNIT_PERCENT;
  else if (g_str_equal (unit, "days"))
    block->unit = CARTA_GUIDE_UNIT_DAYS;
  else
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "Unknown figure unit “%s”", unit);
      return FALSE;
    }

  return parse_int_attribute ("figure", "max", max, 1, &block->max, error) &&
         parse_int_attribute ("figure", "step", step, 1, &block->step, error);
}

static gboolean
start_bar (ParseState   *state,
           const char  **names,
           const char  **values,
           GError      **error)
{
  const char *low = NULL, *high = NULL;
  gboolean accent = FALSE;
  CartaGuideBar *bar;

  if (!g_markup_collect_attributes ("bar", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "low", &low,
                                    G_MARKUP_COLLECT_STRING, "high", &high,
                                    G_MARKUP_COLLECT_BOOLEAN | G_MARKUP_COLLECT_OPTIONAL, "accent", &accent,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  bar = state->bar = g_new0 (CartaGuideBar, 1);
  g_ptr_array_add (state->block->bars, bar);
  bar->accent = accent;

  if (!parse_int_attribute ("bar", "low", low, 0, &bar->low, error) ||
      !parse_int_attribute ("bar", "high", high, 0, &bar->high, error))
    return FALSE;

  if (bar->low > bar->high || bar->high > state->block->max)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "A bar’s range %d–%d does not fit its figure", bar->low, bar->high);
      return FALSE;
    }

  return TRUE;
}

/* Which element may appear inside which: anything else is an error,
 * so a typo in the data file fails loudly in the tests. */
static gboolean
check_parent (const char  *element,
              const char  *parent,
              GError     **error)
{
  static const struct { const char *element; const char *parents; } rules[] = {
    { "guide", "" },
    { "title", "guide" }, { "summary", "guide" }, { "disclaimer", "guide" }, { "section", "guide" },
    { "heading", "section" }, { "p", "section" }, { "subheading", "section" },
    { "item", "section" }, { "table", "section" }, { "figure", "section" }, { "faq", "section" },
    { "action", "section" }, { "sources", "section" }, { "references", "section" },
    { "reference", "references" },
    { "lead", "item" }, { "text", "item" },
    { "header", "table" }, { "row", "table" },
    { "step", "header row" }, { "gene", "header row" }, { "purpose", "header row" }, { "tech", "header row" },
    { "caption", "figure" }, { "description", "figure" }, { "bar", "figure" },
    { "label", "bar" },
    { "question", "faq" }, { "answer", "faq" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_auto(GStrv) parents = NULL;

      if (!g_str_equal (rules[i].element, element))
        continue;

      parents = g_strsplit (rules[i].parents, " ", -1);
      if ((parent == NULL && rules[i].parents[0] == '\0') ||
          (parent != NULL && g_strv_contains ((const char * const *)parents, parent)))
        return TRUE;

      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "<%s> is not allowed inside <%s>", element, parent ? parent : "");
      return FALSE;
    }

  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
               "Unknown element <%s>", element);
  return FALSE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next ? stack->next->data : NULL;

  if (!check_parent (element, parent, error))
    return;

  if (is_leaf (element))
    {
      g_string_truncate (state->text, 0);
      state->in_leaf = TRUE;
    }

  if (g_str_equal (element, "guide"))
    {
      const char *reviewed = NULL;
      int year, month, day;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "reviewed", &reviewed,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (sscanf (reviewed, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
          !g_date_valid_dmy (day, month, year))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "The review date “%s” is not a YYYY-MM-DD date", reviewed);
          return;
        }

      state->guide->reviewed = g_date_time_new_utc (year, month, day, 0, 0, 0);
    }
  else if (g_str_equal (element, "section"))
    {
      const char *id = NULL;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (carta_guide_find_section (state->guide, id) != NULL)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "Two sections are called “%s”", id);
          return;
        }

      state->section = _carta_guide_section_new (id);
      g_ptr_array_add (state->guide->sections, state->section);
    }
  else if (g_str_equal (element, "figure"))
    start_figure (state, names, values, error);
  else if (g_str_equal (element, "bar"))
    start_bar (state, names, values, error);
  else if (g_str_equal (element, "reference"))
    start_reference (state, names, values, error);
  else if (g_str_equal (element, "action"))
    {
      const char *target = NULL;

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "target", &target,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      state->block = _carta_guide_block_new (CARTA_GUIDE_BLOCK_ACTION);
      state->block->target = g_strdup (target);
      _carta_guide_section_take_block (state->section, state->block);
    }
  else
    {
      static const struct { const char *element; CartaGuideBlockKind kind; } blocks[] = {
        { "p", CARTA_GUIDE_BLOCK_PARAGRAPH },
        { "subheading", CARTA_GUIDE_BLOCK_SUBHEADING },
        { "item", CARTA_GUIDE_BLOCK_ITEM },
        { "header", CARTA_GUIDE_BLOCK_TABLE_HEADER },
        { "row", CARTA_GUIDE_BLOCK_TABLE_ROW },
        { "faq", CARTA_GUIDE_BLOCK_FAQ },
        { "sources", CARTA_GUIDE_BLOCK_SOURCES },
      };

      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        if (g_str_equal (element, blocks[i].element))
          {
            state->block = _carta_guide_block_new (blocks[i].kind);
            _carta_guide_section_take_block (state->section, state->block);
          }

      if (names[0] != NULL)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE,
                     "<%s> takes no attribute “%s”", element, names[0]);
    }
}

static char **
leaf_destination (ParseState *state,
                  const char *element)
{
  static const char * const columns[CARTA_GUIDE_N_COLUMNS] = { "step", "gene", "purpose", "tech" };

  if (g_str_equal (element, "title"))
    return &state->guide->title;
  if (g_str_equal (element, "summary"))
    return &state->guide->summary;
  if (g_str_equal (element, "disclaimer"))
    return &state->guide->disclaimer;
  if (g_str_equal (element, "label"))
    return &state->bar->label;
  if (g_str_equal (element, "lead"))
    return &state->block->lead;
  if (g_str_equal (element, "description") || g_str_equal (element, "answer"))
    return &state->block->detail;

  for (guint i = 0; i < CARTA_GUIDE_N_COLUMNS; i++)
    if (g_str_equal (element, columns[i]))
      return &state->block->cells[i];

  /* p, subheading, text, caption, question, action, sources, reference */
  return &state->block->text;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;
  g_autofree char *msgid = NULL;
  char **destination;

  if (!is_leaf (element))
    return;

  state->in_leaf = FALSE;
  msgid = to_msgid (state->text->str);

  if (msgid[0] == '\0')
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "<%s> is empty", element);
      return;
    }

  if (g_str_equal (element, "heading"))
    {
      g_autofree char *heading = from_msgid (state->translate (msgid, state->user_data));
      _carta_guide_section_set_heading (state->section, heading);
      return;
    }

  destination = leaf_destination (state, element);
  g_free (*destination);
  if (g_strv_contains (untranslated_elements, element))
    *destination = from_msgid (msgid);
  else
    *destination = from_msgid (state->translate (msgid, state->user_data));
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->in_leaf)
    {
      g_string_append_len (state->text, text, length);
      return;
    }

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     "Text outside a text element: “%.*s”", (int)MIN (length - i, 40), text + i);
        return;
      }
}

/* Every section needs a heading and some body; a figure needs bars and
 * a text alternative; a table row needs every cell. */
static gboolean
validate (CartaGuide  *self,
          GError     **error)
{
  if (self->title == NULL || self->reviewed == NULL || self->disclaimer == NULL ||
      self->sections->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "The guide needs a title, a review date, a disclaimer and sections");
      return FALSE;
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      CartaGuideSection *section = g_ptr_array_index (self->sections, i);
      guint n_blocks = carta_guide_section_get_n_blocks (section);

      if (carta_guide_section_get_heading (section) == NULL || n_blocks == 0)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "Section “%s” needs a heading and a body",
                       carta_guide_section_get_id (section));
          return FALSE;
        }

      for (guint j = 0; j < n_blocks; j++)
        {
          const CartaGuideBlock *block = carta_guide_section_get_block (section, j);
          gboolean ok = block->text != NULL;

          if (block->kind == CARTA_GUIDE_BLOCK_TABLE_HEADER || block->kind == CARTA_GUIDE_BLOCK_TABLE_ROW)
            {
              ok = TRUE;
              for (guint k = 0; k < CARTA_GUIDE_N_COLUMNS; k++)
                ok = ok && block->cells[k] != NULL;
            }
          else if (block->kind == CARTA_GUIDE_BLOCK_FIGURE)
            {
              ok = ok && block->detail != NULL && block->bars->len > 0;
              for (guint k = 0; ok && k < block->bars->len; k++)
                ok = ((CartaGuideBar *)g_ptr_array_index (block->bars, k))->label != NULL;
            }
          else if (block->kind == CARTA_GUIDE_BLOCK_FAQ)
            ok = ok && block->detail != NULL;

          if (!ok)
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "Block %u of section “%s” is incomplete",
                           j + 1, carta_guide_section_get_id (section));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static void
carta_guide_finalize (GObject *object)
{
  CartaGuide *self = (CartaGuide *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->disclaimer, g_free);
  g_clear_pointer (&self->reviewed, g_date_time_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_guide_parent_class)->finalize (object);
}

CARTA_FIELDS_DEFINE_GET_PROPERTY (carta_guide)

static void
carta_guide_class_init (CartaGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_guide_finalize;
  object_class->get_property = carta_guide_get_property;

  _carta_fields_install_read_only (object_class, fields, N_PROPS, properties);
}

static void
carta_guide_init (CartaGuide *self)
{
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
}

CartaGuide *
_carta_guide_parse (const char               *data,
                    gssize                    length,
                    CartaGuideTranslateFunc   translate,
                    gpointer                  user_data,
                    GError                  **error)
{
  static const GMarkupParser parser = {
    .start_element = start_element_cb,
    .end_element = end_element_cb,
    .text = text_cb,
  };
  g_autoptr(CartaGuide) self = g_object_new (CARTA_TYPE_GUIDE, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  ParseState state = {
    .translate = translate ? translate : translate_with_gettext,
    .user_data = user_data,
    .guide = self,
    .text = text,
  };

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  if (!g_markup_parse_context_parse (context, data, length, error) ||
      !g_markup_parse_context_end_parse (context, error) ||
      !validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * carta_guide_new_from_bytes:
 * @bytes: the guide's XML data
 *
 * Reads a guide and translates its text into the current language.
 *
 * Returns: (transfer full): the guide, or %NULL with @error set
 */
CartaGuide *
carta_guide_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  return _carta_guide_parse (data, length, NULL, NULL, error);
}

/**
 * carta_guide_new_from_resource:
 * @path: a path in the program's GResources
 *
 * Returns: (transfer full): the guide, or %NULL with @error set
 */
CartaGuide *
carta_guide_new_from_resource (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
    return NULL;

  return carta_guide_new_from_bytes (bytes, error);
}

const char *
carta_guide_get_title (CartaGuide *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);

  return self->title;
}

const char *
carta_guide_get_summary (CartaGuide *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);

  return self->summary;
}

const char *
carta_guide_get_disclaimer (CartaGuide *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);

  return self->disclaimer;
}

/**
 * carta_guide_get_reviewed:
 *
 * Returns: (transfer none): the day the guide's facts were last checked, at
 *   midnight UTC
 */
GDateTime *
carta_guide_get_reviewed (CartaGuide *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);

  return self->reviewed;
}

guint
carta_guide_get_n_sections (CartaGuide *self)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), 0);

  return self->sections->len;
}

/**
 * carta_guide_get_section:
 *
 * Returns: (transfer none): the section at @position, in reading order
 */
CartaGuideSection *
carta_guide_get_section (CartaGuide *self,
                         guint       position)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);
  g_return_val_if_fail (position < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, position);
}

/**
 * carta_guide_find_section:
 * @id: a section's stable name
 *
 * Returns: (transfer none) (nullable): the section called @id
 */
CartaGuideSection *
carta_guide_find_section (CartaGuide *self,
                          const char *id)
{
  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CartaGuideSection *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (carta_guide_section_get_id (section), id) == 0)
        return section;
    }

  return NULL;
}

/**
 * carta_guide_search:
 * @query: what the reader typed
 *
 * Returns: (transfer container) (element-type CartaGuideSection): the
 *   sections that contain @query, ignoring case, in reading order
 */
GPtrArray *
carta_guide_search (CartaGuide *self,
                    const char *query)
{
  GPtrArray *found;

  g_return_val_if_fail (CARTA_IS_GUIDE (self), NULL);

  found = g_ptr_array_new ();
  for (guint i = 0; i < self->sections->len; i++)
    if (carta_guide_section_matches (g_ptr_array_index (self->sections, i), query))
      g_ptr_array_add (found, g_ptr_array_index (self->sections, i));

  return found;
}

/**
 * carta_guide_find_matches:
 * @text: UTF-8 text to look in
 * @query: what to look for, ignoring case and surrounding space
 *
 * Finds every place @query occurs in @text, in a way that survives case
 * folding changing a character's length (such as "ß" and "ss").
 *
 * Returns: (transfer full) (element-type guint): pairs of byte offsets
 *   into @text, start then end (excluded), of each match in order; empty
 *   when @query is empty
 */
GArray *
carta_guide_find_matches (const char *text,
                          const char *query)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *stripped = NULL;
  g_autofree char *folded_query = NULL;
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) ends = NULL;
  gsize query_len;

  g_return_val_if_fail (text != NULL, matches);

  stripped = g_strstrip (g_strdup (query ? query : ""));
  if (stripped[0] == '\0' || !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (stripped, -1, NULL))
    return matches;

  folded_query = g_utf8_casefold (stripped, -1);
  query_len = strlen (folded_query);

  /* Fold the text one character at a time, noting for each folded byte
   * which original character it came from. */
  folded = g_string_new (NULL);
  starts = g_array_new (FALSE, FALSE, sizeof (guint));
  ends = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *piece = g_utf8_casefold (p, next - p);
      guint start = p - text, end = next - text;

      g_string_append (folded, piece);
      for (gsize i = 0; piece[i] != '\0'; i++)
        {
          g_array_append_val (starts, start);
          g_array_append_val (ends, end);
        }
    }

  for (const char *hit = strstr (folded->str, folded_query);
       hit != NULL;
       hit = strstr (hit + query_len, folded_query))
    {
      gsize at = hit - folded->str;

      g_array_append_val (matches, g_array_index (starts, guint, at));
      g_array_append_val (matches, g_array_index (ends, guint, at + query_len - 1));
    }

  return matches;
}

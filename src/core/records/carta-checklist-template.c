/* carta-checklist-template.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-checklist-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "carta-checklist-template.h"
#include "carta-core-resources.h"
#include "carta-error.h"
#include "carta-validate.h"

#define TEMPLATE_RESOURCE "/io/github/cartahealth/Carta/core/checklist-template.xml"

struct _CartaChecklistTemplate
{
  GObject     parent_instance;

  GPtrArray  *categories;      /* of CartaTemplateCategory */
  GHashTable *category_by_key; /* borrowed */
  GHashTable *item_by_key;     /* borrowed */
  guint       n_items;
};

G_DEFINE_FINAL_TYPE (CartaChecklistTemplate, carta_checklist_template, G_TYPE_OBJECT)

static void
template_item_free (CartaTemplateItem *item)
{
  g_free (item->key);
  g_free (item->title);
  g_free (item->why);
  g_free (item);
}

static void
template_category_free (CartaTemplateCategory *category)
{
  g_free (category->key);
  g_free (category->title);
  g_ptr_array_unref (category->items);
  g_free (category);
}

static void
carta_checklist_template_finalize (GObject *object)
{
  CartaChecklistTemplate *self = (CartaChecklistTemplate *)object;

  g_clear_pointer (&self->category_by_key, g_hash_table_unref);
  g_clear_pointer (&self->item_by_key, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_checklist_template_parent_class)->finalize (object);
}

static void
carta_checklist_template_class_init (CartaChecklistTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = carta_checklist_template_finalize;
}

static void
carta_checklist_template_init (CartaChecklistTemplate *self)
{
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify)template_category_free);
  self->category_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->item_by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Parsing */

typedef struct
{
  CartaChecklistTemplate *self;
  CartaTemplateCategory  *category;
  CartaTemplateItem      *item;
  GString                *text;
  gboolean                in_root;
} ParseState;

/* xgettext collapses runs of white space in ITS text; do the same so the
 * msgid looked up at run time is the one translators saw. */
static char *
normalize_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_valid_key (const char *key)
{
  if (key == NULL || key[0] == '\0')
    return FALSE;

  for (const char *p = key; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
parse_optional (const char  *value,
                gboolean    *optional,
                GError     **error)
{
  if (value == NULL || g_str_equal (value, "no"))
    *optional = FALSE;
  else if (g_str_equal (value, "yes"))
    *optional = TRUE;
  else
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "optional must be “yes” or “no”, not “%s”", value);
      return FALSE;
    }

  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const char *key = NULL;
  const char *optional = NULL;
  const char *version = NULL;

  if (g_str_equal (element_name, "checklist"))
    {
      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "version", &version,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      state->in_root = TRUE;
      return;
    }

  if (!state->in_root)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "the root element must be <checklist>");
      return;
    }

  if (g_str_equal (element_name, "category") && state->category == NULL)
    {
      CartaTemplateCategory *category;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "key", &key,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "optional", &optional,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (!is_valid_key (key) || g_hash_table_contains (state->self->category_by_key, key))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "the category key “%s” is invalid or used twice", key);
          return;
        }

      category = g_new0 (CartaTemplateCategory, 1);
      category->key = g_strdup (key);
      category->items = g_ptr_array_new_with_free_func ((GDestroyNotify)template_item_free);
      g_ptr_array_add (state->self->categories, category);
      g_hash_table_insert (state->self->category_by_key, category->key, category);
      state->category = category;

      parse_optional (optional, &category->optional, error);
    }
  else if (g_str_equal (element_name, "item") && state->category != NULL && state->item == NULL)
    {
      CartaTemplateItem *item;
      const char *case_field = NULL;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "key", &key,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "optional", &optional,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "case-field", &case_field,
                                        G_MARKUP_COLLECT_INVALID))
        return;

      if (!is_valid_key (key) || g_hash_table_contains (state->self->item_by_key, key))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "the item key “%s” is invalid or used twice", key);
          return;
        }

      item = g_new0 (CartaTemplateItem, 1);
      item->key = g_strdup (key);
      item->case_field = case_field ? g_intern_string (case_field) : NULL;
      item->category = state->category;
      g_ptr_array_add (state->category->items, item);
      g_hash_table_insert (state->self->item_by_key, item->key, item);
      state->self->n_items++;
      state->item = item;

      if (parse_optional (optional, &item->optional, error))
        item->optional |= state->category->optional;
    }
  else if ((g_str_equal (element_name, "title") && state->category != NULL) ||
           (g_str_equal (element_name, "why") && state->item != NULL))
    {
      g_string_truncate (state->text, 0);
    }
  else
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "unexpected element <%s>", element_name);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element_name, "title") || g_str_equal (element_name, "why"))
    {
      char **target;

      if (g_str_equal (element_name, "why"))
        target = &state->item->why;
      else if (state->item != NULL)
        target = &state->item->title;
      else
        target = &state->category->title;

      g_free (*target);
      *target = normalize_space (state->text->str);
    }
  else if (g_str_equal (element_name, "item"))
    {
      if (state->item->title == NULL || state->item->title[0] == '\0')
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                     "the item “%s” has no title", state->item->key);
      state->item = NULL;
    }
  else if (g_str_equal (element_name, "category"))
    {
      if (state->category->title == NULL || state->category->title[0] == '\0')
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                     "the category “%s” has no title", state->category->key);
      state->category = NULL;
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  g_string_append_len (state->text, text, text_len);
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

/**
 * carta_checklist_template_new_from_bytes:
 * @bytes: the template as XML
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
CartaChecklistTemplate *
carta_checklist_template_new_from_bytes (GBytes  *bytes,
                                         GError **error)
{
  g_autoptr(CartaChecklistTemplate) self = g_object_new (CARTA_TYPE_CHECKLIST_TEMPLATE, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  ParseState state = { self, NULL, NULL, buffer, FALSE };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, length, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;

  if (self->categories->len == 0)
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
                   "the checklist template has no categories");
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * carta_checklist_template_get_default:
 *
 * The template built into Carta. It is loaded once and kept.
 *
 * Returns: (transfer none): the built-in template
 */
CartaChecklistTemplate *
carta_checklist_template_get_default (void)
{
  static CartaChecklistTemplate *default_template;

  if (g_once_init_enter (&default_template))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      CartaChecklistTemplate *loaded;

      /* Looked up in our own resource rather than the global namespace: a
       * static library drops the resource's constructor unless something
       * calls its getter. */
      bytes = g_resource_lookup_data (carta_core_get_resource (), TEMPLATE_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL || !(loaded = carta_checklist_template_new_from_bytes (bytes, &error)))
        g_error ("The built-in checklist template is broken: %s", error->message);

      g_once_init_leave (&default_template, loaded);
    }

  return default_template;
}

guint
carta_checklist_template_get_n_categories (CartaChecklistTemplate *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), 0);
  return self->categories->len;
}

/**
 * carta_checklist_template_get_category:
 *
 * Returns: (transfer none): the category at @position
 */
const CartaTemplateCategory *
carta_checklist_template_get_category (CartaChecklistTemplate *self,
                                       guint                   position)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), NULL);
  g_return_val_if_fail (position < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, position);
}

/**
 * carta_checklist_template_lookup_category:
 *
 * Returns: (transfer none) (nullable): the category with @key
 */
const CartaTemplateCategory *
carta_checklist_template_lookup_category (CartaChecklistTemplate *self,
                                          const char             *key)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), NULL);
  return key ? g_hash_table_lookup (self->category_by_key, key) : NULL;
}

guint
carta_checklist_template_get_n_items (CartaChecklistTemplate *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), 0);
  return self->n_items;
}

/**
 * carta_checklist_template_lookup_item:
 *
 * Returns: (transfer none) (nullable): the template item with @key
 */
const CartaTemplateItem *
carta_checklist_template_lookup_item (CartaChecklistTemplate *self,
                                      const char             *key)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), NULL);
  return key ? g_hash_table_lookup (self->item_by_key, key) : NULL;
}

/**
 * carta_checklist_template_seed_case:
 * @kase: a case, normally new and empty
 *
 * Adds one item, status Needed, for every template item @kase does not
 * have yet, in template order.
 */
void
carta_checklist_template_seed_case (CartaChecklistTemplate *self,
                                    CartaCase              *kase)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *items;
  guint n;

  g_return_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (CARTA_IS_CASE (kase));

  items = carta_case_get_items (kase);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      const char *key = carta_checklist_item_get_template_key (item);

      if (key != NULL)
        g_hash_table_add (present, (gpointer)key);
    }

  for (guint c = 0; c < self->categories->len; c++)
    {
      const CartaTemplateCategory *category = g_ptr_array_index (self->categories, c);

      for (guint i = 0; i < category->items->len; i++)
        {
          const CartaTemplateItem *entry = g_ptr_array_index (category->items, i);
          g_autoptr(CartaChecklistItem) item = NULL;

          if (g_hash_table_contains (present, entry->key))
            continue;

          item = carta_checklist_item_new (entry->key, category->key);
          carta_case_add_item (kase, item);
        }
    }
}

/**
 * carta_checklist_template_get_category_title:
 *
 * Returns: the translated title of the category @key, or a generic title
 *   for a category this template does not know
 */
const char *
carta_checklist_template_get_category_title (CartaChecklistTemplate *self,
                                             const char             *key)
{
  return carta_checklist_template_get_category_title_in (self, key, NULL);
}

/* The process's gettext, or @catalog's when the text is for a summary
 * in another language. */
static const char *
translate (CartaCatalog *catalog,
           const char   *msgid)
{
  return catalog != NULL ? carta_catalog_gettext (catalog, msgid) : g_dgettext (GETTEXT_PACKAGE, msgid);
}

/**
 * carta_checklist_template_get_category_title_in:
 * @catalog: (nullable): the language, %NULL for the process's
 *
 * Returns: the title of the category @key in the language of @catalog
 */
const char *
carta_checklist_template_get_category_title_in (CartaChecklistTemplate *self,
                                                const char             *key,
                                                CartaCatalog           *catalog)
{
  const CartaTemplateCategory *category = carta_checklist_template_lookup_category (self, key);

  if (category == NULL)
    return translate (catalog, N_("Other records"));

  return translate (catalog, category->title);
}

/**
 * carta_checklist_template_get_item_title:
 *
 * Returns: the title to show for @item: the translated template title,
 *   or the family's own title for a custom item
 */
const char *
carta_checklist_template_get_item_title (CartaChecklistTemplate *self,
                                         CartaChecklistItem     *item)
{
  return carta_checklist_template_get_item_title_in (self, item, NULL);
}

/**
 * carta_checklist_template_get_item_title_in:
 * @catalog: (nullable): the language, %NULL for the process's
 *
 * Returns: the title to show for @item, in the language of @catalog for
 *   a template item (a custom item's title is the family's own text)
 */
const char *
carta_checklist_template_get_item_title_in (CartaChecklistTemplate *self,
                                            CartaChecklistItem     *item,
                                            CartaCatalog           *catalog)
{
  const CartaTemplateItem *entry;
  const char *title;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (item), NULL);

  entry = carta_checklist_template_lookup_item (self, carta_checklist_item_get_template_key (item));
  if (entry != NULL)
    return translate (catalog, entry->title);

  /* A custom item, or one from a template entry this version lacks. */
  if ((title = carta_checklist_item_get_title (item)) != NULL)
    return title;

  return carta_checklist_item_get_template_key (item);
}

/**
 * carta_checklist_template_get_item_why:
 *
 * Returns: (nullable): the translated reason @item is needed, or %NULL
 *   for a custom item
 */
const char *
carta_checklist_template_get_item_why (CartaChecklistTemplate *self,
                                       CartaChecklistItem     *item)
{
  return carta_checklist_template_get_item_why_in (self, item, NULL);
}

/**
 * carta_checklist_template_get_item_why_in:
 * @catalog: (nullable): the language, %NULL for the process's
 *
 * Returns: (nullable): the reason @item is needed in the language of
 *   @catalog, or %NULL for a custom item
 */
const char *
carta_checklist_template_get_item_why_in (CartaChecklistTemplate *self,
                                          CartaChecklistItem     *item,
                                          CartaCatalog           *catalog)
{
  const CartaTemplateItem *entry;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (item), NULL);

  entry = carta_checklist_template_lookup_item (self, carta_checklist_item_get_template_key (item));
  if (entry == NULL || entry->why == NULL)
    return NULL;

  return translate (catalog, entry->why);
}

/**
 * carta_checklist_template_is_item_optional:
 *
 * Custom items follow their category: one added to an optional category
 * is optional too.
 *
 * Returns: whether @item is asked for only if available
 */
gboolean
carta_checklist_template_is_item_optional (CartaChecklistTemplate *self,
                                           CartaChecklistItem     *item)
{
  const CartaTemplateItem *entry;
  const CartaTemplateCategory *category;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (item), FALSE);

  if ((entry = carta_checklist_template_lookup_item (self, carta_checklist_item_get_template_key (item))))
    return entry->optional;

  category = carta_checklist_template_lookup_category (self, carta_checklist_item_get_category (item));
  return category != NULL && category->optional;
}

/**
 * carta_checklist_template_find_case_item:
 * @key: the key of an item of the template
 *
 * Returns: (transfer none) (nullable): the record of @kase made from the
 *   template item @key
 */
CartaChecklistItem *
carta_checklist_template_find_case_item (CartaChecklistTemplate *self,
                                         CartaCase              *kase,
                                         const char             *key)
{
  GListModel *items;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), NULL);
  g_return_val_if_fail (CARTA_IS_CASE (kase), NULL);

  items = carta_case_get_items (kase);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (carta_checklist_item_get_template_key (item), key) == 0)
        return item;
    }

  return NULL;
}

static gboolean
is_score (int score)
{
  return score >= 0 && score <= 100 && score % 10 == 0;
}

static void
describe_percent (GString    *text,
                  const char *name,
                  const char *percent)
{
  g_autofree char *problem = carta_validate_percent (percent);

  if (percent == NULL || problem != NULL)
    return;

  if (text->len > 0)
    g_string_append (text, ", ");
  /* TRANSLATORS: a target antigen and its share of cancer cells, as in “CD19 95 %” */
  g_string_append_printf (text, _("%s %s %%"), name, percent);
}

/**
 * carta_checklist_template_describe_case_value:
 *
 * Some records show a value the family can also enter on the Case page,
 * such as the ECOG grade. A record still needed is then less missing than
 * it looks: this says what the Case page holds. Values the Case page
 * flags do not count.
 *
 * Returns: (transfer full) (nullable): what the Case page holds for
 *   @item, such as “ECOG 1”, translated; %NULL when it holds nothing
 */
char *
carta_checklist_template_describe_case_value (CartaChecklistTemplate *self,
                                              CartaCase              *kase,
                                              CartaChecklistItem     *item)
{
  const CartaTemplateItem *entry;
  CartaClinicalStatus *status;
  CartaTreatmentHistory *treatment;
  GString *text;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self), NULL);
  g_return_val_if_fail (CARTA_IS_CASE (kase), NULL);
  g_return_val_if_fail (CARTA_IS_CHECKLIST_ITEM (item), NULL);

  entry = carta_checklist_template_lookup_item (self, carta_checklist_item_get_template_key (item));
  if (entry == NULL || entry->case_field == NULL)
    return NULL;

  status = carta_case_get_clinical_status (kase);
  treatment = carta_case_get_treatment (kase);
  text = g_string_new (NULL);

  if (g_str_equal (entry->case_field, "ecog"))
    {
      int ecog = carta_clinical_status_get_ecog (status);
      int karnofsky = carta_clinical_status_get_karnofsky (status);
      int lansky = carta_clinical_status_get_lansky (status);

      if (ecog >= 0 && ecog <= 4)
        /* TRANSLATORS: an ECOG performance grade, as in “ECOG 1” */
        g_string_append_printf (text, _("ECOG %d"), ecog);
      else if (is_score (karnofsky))
        /* TRANSLATORS: a Karnofsky score, as in “Karnofsky 80” */
        g_string_append_printf (text, _("Karnofsky %d"), karnofsky);
      else if (is_score (lansky))
        /* TRANSLATORS: a Lansky score, as in “Lansky 70” */
        g_string_append_printf (text, _("Lansky %d"), lansky);
    }
  else if (g_str_equal (entry->case_field, "target"))
    {
      CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
      GListModel *labs = carta_clinical_status_get_labs (status);

      describe_percent (text, "CD19", carta_diagnosis_get_cd19_percent (diagnosis));
      describe_percent (text, "BCMA", carta_diagnosis_get_bcma_percent (diagnosis));
      for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
        {
          g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);
          CartaLabKind kind = carta_lab_result_get_kind (lab);
          g_autofree char *problem = NULL;

          if (kind < CARTA_LAB_KIND_CD7 || kind > CARTA_LAB_KIND_OTHER_TARGET ||
              carta_lab_result_get_value (lab) == NULL ||
              (problem = carta_validate_lab_value (lab)) != NULL)
            continue;

          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, carta_lab_result_get_display_name (lab));
        }
    }
  else if (g_str_equal (entry->case_field, "lines"))
    {
      guint n = g_list_model_get_n_items (carta_treatment_history_get_lines (treatment));

      if (n > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u line of therapy", "%u lines of therapy", n), n);
    }
  else if (g_str_equal (entry->case_field, "transplants"))
    {
      guint n = g_list_model_get_n_items (carta_treatment_history_get_transplants (treatment));

      if (n > 0)
        /* TRANSLATORS: stem-cell transplants */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u transplant", "%u transplants", n), n);
    }
  else if (g_str_equal (entry->case_field, "prior-carts"))
    {
      guint n = g_list_model_get_n_items (carta_treatment_history_get_prior_carts (treatment));

      if (n > 0)
        /* TRANSLATORS: earlier CAR-T treatments */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u earlier CAR-T treatment",
                                                   "%u earlier CAR-T treatments", n), n);
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

/**
 * carta_item_status_is_ready:
 *
 * Returns: whether an item with @status needs nothing more: received, or
 *   not applicable to this patient
 */
gboolean
carta_item_status_is_ready (CartaItemStatus status)
{
  return status == CARTA_ITEM_STATUS_RECEIVED || status == CARTA_ITEM_STATUS_NOT_APPLICABLE;
}

/**
 * carta_checklist_template_count:
 * @items: a #GListModel of #CartaChecklistItem
 * @category: (nullable): a category key, or %NULL for the whole checklist
 * @ready: (out) (optional): how many are received or not applicable
 * @total: (out) (optional): how many count
 *
 * Counts progress. For one category every item counts. For the whole
 * checklist optional items are left out, so gathering what is "only if
 * available" never makes the checklist look unfinished.
 */
void
carta_checklist_template_count (CartaChecklistTemplate *self,
                                GListModel             *items,
                                const char             *category,
                                guint                  *ready,
                                guint                  *total)
{
  guint n_ready = 0, n_total = 0;
  guint n;

  g_return_if_fail (CARTA_IS_CHECKLIST_TEMPLATE (self));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (category != NULL)
        {
          if (g_strcmp0 (carta_checklist_item_get_category (item), category) != 0)
            continue;
        }
      else if (carta_checklist_template_is_item_optional (self, item))
        continue;

      n_total++;
      if (carta_item_status_is_ready (carta_checklist_item_get_status (item)))
        n_ready++;
    }

  if (ready != NULL)
    *ready = n_ready;
  if (total != NULL)
    *total = n_total;
}

/* carta-catalog.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The summary PDF may be in another language than the window: Chinese
 * for the coordinators while the family reads Spanish. gettext only
 * translates into the process's (or thread's) locale, and LANGUAGE
 * overrides even that, so Carta reads its own compiled catalogue (.mo)
 * for the language asked for, without touching the process locale. */

#define G_LOG_DOMAIN "carta-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "carta-catalog.h"
#include "carta-error.h"
#include "carta-locale.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _CartaCatalog
{
  GObject       parent_instance;

  char         *language;
  GMappedFile  *file;
  const guint8 *data;
  gsize         length;
  gboolean      swapped;
  guint32       n_strings;
  guint32       originals;
  guint32       translations;
  char         *plural;
  guint         n_plurals;
};

G_DEFINE_FINAL_TYPE (CartaCatalog, carta_catalog, G_TYPE_OBJECT)

static guint32
read_u32 (CartaCatalog *self,
          gsize         offset)
{
  guint32 value;

  memcpy (&value, self->data + offset, sizeof value);
  return self->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Entry @index of the table at @table: its text, NUL-terminated, or NULL
 * if the file lies about where it is. */
static const char *
entry (CartaCatalog *self,
       guint32       table,
       guint32       index,
       guint32      *length)
{
  gsize at = (gsize)table + (gsize)index * 8;
  guint32 len, offset;

  if (at + 8 > self->length)
    return NULL;

  len = read_u32 (self, at);
  offset = read_u32 (self, at + 4);
  if ((gsize)offset + len >= self->length || self->data[offset + len] != '\0')
    return NULL;

  if (length != NULL)
    *length = len;

  return (const char *)self->data + offset;
}

/* The originals are sorted by strcmp(), which the .mo format promises. */
static const char *
lookup (CartaCatalog *self,
        const char   *key,
        guint32      *length)
{
  guint32 lo = 0, hi;

  if (self->data == NULL)
    return NULL;

  hi = self->n_strings;
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const char *original = entry (self, self->originals, mid, NULL);
      int cmp;

      if (original == NULL)
        return NULL;

      cmp = strcmp (key, original);
      if (cmp == 0)
        {
          const char *translation = entry (self, self->translations, mid, length);
          return translation != NULL && translation[0] != '\0' ? translation : NULL;
        }
      else if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  return NULL;
}

/* A small evaluator for the C expressions of Plural-Forms headers. */
typedef struct
{
  const char *p;
  gulong      n;
  gboolean    failed;
} Expr;

static gulong parse_ternary (Expr *e);

static void
skip_space (Expr *e)
{
  while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n')
    e->p++;
}

static gboolean
accept (Expr       *e,
        const char *token)
{
  gsize len = strlen (token);

  skip_space (e);
  if (strncmp (e->p, token, len) != 0)
    return FALSE;

  /* "<" must not swallow "<=", nor "=" match "==" halves. */
  if (len == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!') && e->p[1] == '=')
    return FALSE;

  e->p += len;
  return TRUE;
}

static gulong
parse_primary (Expr *e)
{
  skip_space (e);

  if (accept (e, "("))
    {
      gulong v = parse_ternary (e);
      if (!accept (e, ")"))
        e->failed = TRUE;
      return v;
    }

  if (*e->p == 'n')
    {
      e->p++;
      return e->n;
    }

  if (g_ascii_isdigit (*e->p))
    {
      char *end;
      gulong v = strtoul (e->p, &end, 10);
      e->p = end;
      return v;
    }

  e->failed = TRUE;
  return 0;
}

static gulong
parse_unary (Expr *e)
{
  if (accept (e, "!"))
    return !parse_unary (e);
  return parse_primary (e);
}

static gulong
parse_mul (Expr *e)
{
  gulong v = parse_unary (e);

  for (;;)
    {
      if (accept (e, "*"))
        v *= parse_unary (e);
      else if (accept (e, "/") || accept (e, "%"))
        {
          char op = e->p[-1];
          gulong r = parse_unary (e);

          if (r == 0)
            {
              e->failed = TRUE;
              return 0;
            }
          v = op == '/' ? v / r : v % r;
        }
      else
        return v;
    }
}

static gulong
parse_add (Expr *e)
{
  gulong v = parse_mul (e);

  for (;;)
    {
      if (accept (e, "+"))
        v += parse_mul (e);
      else if (accept (e, "-"))
        v -= parse_mul (e);
      else
        return v;
    }
}

static gulong
parse_rel (Expr *e)
{
  gulong v = parse_add (e);

  for (;;)
    {
      if (accept (e, "<="))
        v = v <= parse_add (e);
      else if (accept (e, ">="))
        v = v >= parse_add (e);
      else if (accept (e, "<"))
        v = v < parse_add (e);
      else if (accept (e, ">"))
        v = v > parse_add (e);
      else
        return v;
    }
}

static gulong
parse_eq (Expr *e)
{
  gulong v = parse_rel (e);

  for (;;)
    {
      if (accept (e, "=="))
        v = v == parse_rel (e);
      else if (accept (e, "!="))
        v = v != parse_rel (e);
      else
        return v;
    }
}

static gulong
parse_and (Expr *e)
{
  gulong v = parse_eq (e);

  while (accept (e, "&&"))
    {
      gulong r = parse_eq (e);
      v = v && r;
    }

  return v;
}

static gulong
parse_or (Expr *e)
{
  gulong v = parse_and (e);

  while (accept (e, "||"))
    {
      gulong r = parse_and (e);
      v = v || r;
    }

  return v;
}

static gulong
parse_ternary (Expr *e)
{
  gulong cond = parse_or (e);

  if (accept (e, "?"))
    {
      gulong yes = parse_ternary (e);
      gulong no;

      if (!accept (e, ":"))
        {
          e->failed = TRUE;
          return 0;
        }
      no = parse_ternary (e);
      return cond ? yes : no;
    }

  return cond;
}

static guint
plural_index (CartaCatalog *self,
              gulong        n)
{
  Expr e = { self->plural, n, FALSE };
  gulong index;

  if (self->plural == NULL)
    return n == 1 ? 0 : 1;

  index = parse_ternary (&e);
  if (e.failed || index >= self->n_plurals)
    return n == 1 ? 0 : 1;

  return index;
}

static void
read_header (CartaCatalog *self)
{
  const char *header = lookup (self, "", NULL);
  const char *forms;
  const char *expr;
  const char *end;

  if (header == NULL || !(forms = strstr (header, "Plural-Forms:")))
    return;

  if ((expr = strstr (forms, "nplurals=")))
    self->n_plurals = strtoul (expr + strlen ("nplurals="), NULL, 10);

  if ((expr = strstr (forms, "plural=")) != NULL)
    {
      expr += strlen ("plural=");
      end = strpbrk (expr, ";\n");
      self->plural = g_strndup (expr, end ? (gsize)(end - expr) : strlen (expr));
    }
}

static void
carta_catalog_finalize (GObject *object)
{
  CartaCatalog *self = (CartaCatalog *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->plural, g_free);
  g_clear_pointer (&self->file, g_mapped_file_unref);

  G_OBJECT_CLASS (carta_catalog_parent_class)->finalize (object);
}

static void
carta_catalog_class_init (CartaCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_catalog_finalize;
}

static void
carta_catalog_init (CartaCatalog *self)
{
}

static gboolean
is_english (const char *language)
{
  return language == NULL || language[0] == '\0' ||
         g_str_equal (language, "C") || g_str_equal (language, "POSIX") ||
         g_str_has_prefix (language, "C.") ||
         g_str_equal (language, "en") || g_str_has_prefix (language, "en_") ||
         g_str_has_prefix (language, "en.");
}

/**
 * carta_catalog_find_file:
 * @language: a language code such as `zh_CN` or `zh_CN.UTF-8`
 *
 * Looks for Carta's compiled translations into @language in the folder
 * carta_locale_dir() gives (the build's when running from the build
 * folder); `zh_CN` falls back to `zh`.
 *
 * Returns: (transfer full) (nullable): the path of the file
 */
char *
carta_catalog_find_file (const char *language)
{
  const char *dirs[] = { carta_locale_dir () };
  g_auto(GStrv) variants = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  variants = g_get_locale_variants (language);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      if (dirs[d] == NULL || dirs[d][0] == '\0')
        continue;

      for (guint v = 0; variants[v] != NULL; v++)
        {
          g_autofree char *path = g_build_filename (dirs[d], variants[v], "LC_MESSAGES",
                                                    GETTEXT_PACKAGE ".mo", NULL);

          /* Codesets and modifiers are not part of catalogue names. */
          if (strchr (variants[v], '.') != NULL || strchr (variants[v], '@') != NULL)
            continue;

          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return g_steal_pointer (&path);
        }
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * carta_catalog_list_languages:
 *
 * Lists the languages Carta can translate into: English, and every
 * language with a catalogue in the folder carta_catalog_find_file()
 * looks in.
 *
 * Returns: (transfer full): the language codes, sorted, `en` first
 */
GStrv
carta_catalog_list_languages (void)
{
  const char *dirs[] = { carta_locale_dir () };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (dirs[d] == NULL || dirs[d][0] == '\0' || !(dir = g_dir_open (dirs[d], 0, NULL)))
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, "LC_MESSAGES",
                                                    GETTEXT_PACKAGE ".mo", NULL);
          gboolean seen = FALSE;

          if (strchr (name, '.') != NULL || strchr (name, '@') != NULL ||
              !g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;

          for (guint i = 0; i < found->len && !seen; i++)
            seen = g_str_equal (g_ptr_array_index (found, i), name);
          if (!seen)
            g_ptr_array_add (found, g_strdup (name));
        }
    }

  g_ptr_array_sort (found, compare_strings);
  g_ptr_array_insert (found, 0, g_strdup ("en"));
  g_ptr_array_add (found, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

/**
 * carta_catalog_normalize_language:
 * @language: (nullable): a language code, perhaps with a codeset or
 *   modifier (`zh_CN.UTF-8`)
 *
 * Returns: (transfer full): @language without codeset and modifier, and
 *   `en` for English and the C locale
 */
char *
carta_catalog_normalize_language (const char *language)
{
  if (is_english (language))
    return g_strdup ("en");

  return g_strndup (language, strcspn (language, ".@"));
}

/**
 * carta_catalog_new_from_file:
 * @path: a compiled catalogue (.mo)
 * @language: the language it translates into
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
CartaCatalog *
carta_catalog_new_from_file (const char  *path,
                             const char  *language,
                             GError     **error)
{
  g_autoptr(CartaCatalog) self = NULL;
  g_autoptr(GError) local_error = NULL;
  guint32 magic;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CARTA_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);

  if (!(self->file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO,
                   /* TRANSLATORS: %1$s is a file; %2$s says why it could not be read */
                   _("Could not read the translation file “%1$s”: %2$s"), path, local_error->message);
      return NULL;
    }

  self->data = (const guint8 *)g_mapped_file_get_contents (self->file);
  self->length = g_mapped_file_get_length (self->file);

  if (self->length < 28)
    goto malformed;

  memcpy (&magic, self->data, sizeof magic);
  if (magic == MO_MAGIC_SWAPPED)
    self->swapped = TRUE;
  else if (magic != MO_MAGIC)
    goto malformed;

  self->n_strings = read_u32 (self, 8);
  self->originals = read_u32 (self, 12);
  self->translations = read_u32 (self, 16);

  if ((guint64)self->originals + (guint64)self->n_strings * 8 > self->length ||
      (guint64)self->translations + (guint64)self->n_strings * 8 > self->length)
    goto malformed;

  read_header (self);

  return g_steal_pointer (&self);

malformed:
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED,
               /* TRANSLATORS: %s is a file */
               _("“%s” is not a compiled translation file"), path);
  return NULL;
}

/**
 * carta_catalog_new_for_language:
 * @language: a language code such as `zh_CN`, or `en`/`C` for English
 *
 * English needs no file: its catalogue gives every text back unchanged.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set when
 *   Carta has no translation into @language
 */
CartaCatalog *
carta_catalog_new_for_language (const char  *language,
                                GError     **error)
{
  g_autofree char *path = NULL;
  CartaCatalog *self;

  if (is_english (language))
    {
      self = g_object_new (CARTA_TYPE_CATALOG, NULL);
      self->language = g_strdup ("en");
      return self;
    }

  if (!(path = carta_catalog_find_file (language)))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                   _("Carta has no translation into “%s”."), language);
      return NULL;
    }

  return carta_catalog_new_from_file (path, language, error);
}

const char *
carta_catalog_get_language (CartaCatalog *self)
{
  g_return_val_if_fail (CARTA_IS_CATALOG (self), NULL);
  return self->language;
}

/**
 * carta_catalog_is_rtl:
 *
 * Returns: whether the language is written from right to left
 */
gboolean
carta_catalog_is_rtl (CartaCatalog *self)
{
  static const char * const rtl[] = { "ar", "fa", "he", "ur", "yi", "ps", "ug", "dv", "ckb" };
  g_autofree char *code = NULL;

  g_return_val_if_fail (CARTA_IS_CATALOG (self), FALSE);

  if (self->language == NULL)
    return FALSE;

  code = g_strndup (self->language, strcspn (self->language, "_.@"));
  return g_strv_contains (rtl, code);
}

/**
 * carta_catalog_gettext:
 *
 * Returns: (transfer none): the translation of @msgid, or @msgid itself
 */
const char *
carta_catalog_gettext (CartaCatalog *self,
                       const char   *msgid)
{
  const char *translation;

  g_return_val_if_fail (CARTA_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  translation = lookup (self, msgid, NULL);
  return translation != NULL ? translation : msgid;
}

/**
 * carta_catalog_pgettext:
 *
 * Returns: (transfer none): the translation of @msgid in @context
 */
const char *
carta_catalog_pgettext (CartaCatalog *self,
                        const char   *context,
                        const char   *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (CARTA_IS_CATALOG (self), msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  translation = lookup (self, key, NULL);
  return translation != NULL ? translation : msgid;
}

/**
 * carta_catalog_ngettext:
 *
 * Returns: (transfer none): the form of the translation that goes with @n
 */
const char *
carta_catalog_ngettext (CartaCatalog *self,
                        const char   *msgid,
                        const char   *msgid_plural,
                        gulong        n)
{
  const char *translation;
  guint32 length;
  guint index;

  g_return_val_if_fail (CARTA_IS_CATALOG (self), msgid);

  /* Plural entries are keyed by the singular alone. */
  if (!(translation = lookup (self, msgid, &length)))
    return n == 1 ? msgid : msgid_plural;

  index = plural_index (self, n);
  for (const char *p = translation; p < translation + length; p += strlen (p) + 1)
    if (index-- == 0)
      return p;

  return translation;
}

/**
 * carta_catalog_find_ui_language:
 *
 * The language Carta's window is in: the first of the user's languages
 * Carta has a translation for, as gettext picks it. The family's own
 * words are taken to be in it.
 *
 * Returns: (transfer full): a language such as `es`; `en` when none
 */
char *
carta_catalog_find_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *code = carta_catalog_normalize_language (names[i]);
      g_autofree char *path = NULL;

      if (g_str_equal (code, "en"))
        break;

      if ((path = carta_catalog_find_file (code)) != NULL)
        {
          g_autofree char *messages = g_path_get_dirname (path);
          g_autofree char *dir = g_path_get_dirname (messages);

          return g_path_get_basename (dir);
        }
    }

  return g_strdup ("en");
}

/* Each language by its name in itself, so a reader finds their own
 * whatever the language of the window: not translated on purpose. */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "en", "English" },
  { "zh_CN", "中文（简体）" },
  { "zh_TW", "中文（繁體）" },
  { "es", "Español" },
  { "fr", "Français" },
  { "ru", "Русский" },
  { "ar", "العربية" },
  { "de", "Deutsch" },
  { "it", "Italiano" },
  { "pt", "Português" },
  { "pt_BR", "Português (Brasil)" },
};

/**
 * carta_catalog_get_language_name:
 * @code: a language such as `zh_CN`
 *
 * Returns: the language's name in itself, or @code when Carta does not
 *   know it
 */
const char *
carta_catalog_get_language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (language_names[i].code, code))
      return language_names[i].name;

  return code;
}

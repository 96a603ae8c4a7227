/* test-catalog.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CartaCatalog must translate exactly as GNU gettext does, for every
 * message and plural form of every language Carta ships, without
 * changing the process's locale. GNU gettext itself is the reference.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "carta-catalog.h"
#include "carta-error.h"

static char *localedir;

typedef struct
{
  char *context;
  char *msgid;
  char *msgid_plural;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->context);
  g_free (entry->msgid);
  g_free (entry->msgid_plural);
  g_free (entry);
}

static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  g_autofree char *inner = NULL;

  g_assert_nonnull (start);
  inner = g_strndup (start + 1, strlen (start + 1) - 1);
  return g_strcompress (inner);
}

/* The messages of a catalogue, as msgunfmt lists them. */
static GPtrArray *
list_entries (const char *mo_path)
{
  const char *argv[] = { "msgunfmt", "--no-wrap", mo_path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  Entry *current = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "msgctxt "))
        {
          current = g_new0 (Entry, 1);
          current->context = unquote (lines[i]);
        }
      else if (g_str_has_prefix (lines[i], "msgid "))
        {
          if (current == NULL || current->msgid != NULL)
            current = g_new0 (Entry, 1);
          current->msgid = unquote (lines[i]);
          if (current->msgid[0] != '\0')
            g_ptr_array_add (entries, current);
          else
            entry_free (current);
        }
      else if (g_str_has_prefix (lines[i], "msgid_plural ") && current != NULL)
        current->msgid_plural = unquote (lines[i]);
      else if (g_str_has_prefix (lines[i], "msgstr"))
        current = NULL;
    }

  return entries;
}

/* GNU gettext honours LANGUAGE only outside the C locale. */
static gboolean
use_reference_language (const char *language)
{
  static const char *locales[] = { "en_US.UTF-8", "C.UTF-8", "de_DE.UTF-8", NULL };
  const char *header;

  g_setenv ("LANGUAGE", language, TRUE);
  for (guint i = 0; locales[i] != NULL; i++)
    if (setlocale (LC_ALL, locales[i]) != NULL)
      {
        /* Setting the locale also drops gettext's cached lookups. */
        header = dgettext (GETTEXT_PACKAGE, "");
        if (header != NULL && header[0] != '\0')
          return TRUE;
      }

  return FALSE;
}

static void
test_matches_gettext (gconstpointer data)
{
  const char *language = data;
  g_autoptr(CartaCatalog) catalog = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint plurals = 0;

  catalog = carta_catalog_new_for_language (language, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carta_catalog_get_language (catalog), ==, language);

  path = carta_catalog_find_file (language);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, localedir));
  entries = list_entries (path);
  g_assert_cmpuint (entries->len, >, 100);

  if (!use_reference_language (language))
    {
      g_test_skip ("No UTF-8 locale other than C is installed, so GNU gettext cannot be the reference");
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry->msgid_plural != NULL)
        {
          for (gulong n = 0; n < 250; n++)
            g_assert_cmpstr (carta_catalog_ngettext (catalog, entry->msgid, entry->msgid_plural, n), ==,
                             dngettext (GETTEXT_PACKAGE, entry->msgid, entry->msgid_plural, n));
          plurals++;
        }
      else if (entry->context != NULL)
        {
          g_autofree char *key = g_strconcat (entry->context, "\004", entry->msgid, NULL);
          const char *expected = dgettext (GETTEXT_PACKAGE, key);

          g_assert_cmpstr (carta_catalog_pgettext (catalog, entry->context, entry->msgid), ==,
                           expected == key ? entry->msgid : expected);
        }
      else
        g_assert_cmpstr (carta_catalog_gettext (catalog, entry->msgid), ==,
                         dgettext (GETTEXT_PACKAGE, entry->msgid));
    }

  g_test_message ("%s: %u messages, %u with plural forms", language, entries->len, plurals);

  /* The process's own translations were never switched by the catalogue. */
  setlocale (LC_ALL, "C");
  g_unsetenv ("LANGUAGE");
}

static void
test_english_and_missing (void)
{
  g_autoptr(CartaCatalog) english = carta_catalog_new_for_language ("en_GB.UTF-8", NULL);
  g_autoptr(CartaCatalog) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (english);
  g_assert_cmpstr (carta_catalog_gettext (english, "Checklist"), ==, "Checklist");
  g_assert_cmpstr (carta_catalog_ngettext (english, "%u file", "%u files", 1), ==, "%u file");
  g_assert_cmpstr (carta_catalog_ngettext (english, "%u file", "%u files", 2), ==, "%u files");

  missing = carta_catalog_new_for_language ("tlh", &error);
  g_assert_null (missing);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND);
}

static void
test_rejects_garbage (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("carta-catalog-XXXXXX.mo", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "\xde\x12\x04\x95 this is not a catalogue", 28), ==, 28);
  close (fd);

  g_assert_null (carta_catalog_new_from_file (path, "xx", &error));
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_MALFORMED);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *linguas_path = NULL;
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_init (&argc, &argv, NULL);

  localedir = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "po", NULL);
  g_setenv ("CARTA_LOCALEDIR", localedir, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/catalog/english-and-missing", test_english_and_missing);
  g_test_add_func ("/catalog/rejects-garbage", test_rejects_garbage);

  linguas_path = g_build_filename (g_getenv ("CARTA_SOURCE_ROOT"), "po", "LINGUAS", NULL);
  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, NULL));
  lines = g_strsplit (linguas, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      name = g_strdup_printf ("/catalog/matches-gettext/%s", lines[i]);
      g_test_add_data_func_full (name, g_strdup (lines[i]), test_matches_gettext, g_free);
    }

  return g_test_run ();
}

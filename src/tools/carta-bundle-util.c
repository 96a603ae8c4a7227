/* carta-bundle-util.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "carta-bundle-util.h"
#include "carta-error.h"

/**
 * carta_bundle_read_passphrase_file:
 *
 * The passphrase is the file's first line, without its line ending, so
 * it never shows in the process list or the shell history.
 */
char *
carta_bundle_read_passphrase_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *newline;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if ((newline = strpbrk (contents, "\r\n")))
    *newline = '\0';

  if (*contents == '\0' || !g_utf8_validate (contents, -1, NULL))
    {
      explicit_bzero (contents, length);
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                   _("The passphrase file “%s” is empty or not UTF-8 text"), path);
      return NULL;
    }

  {
    char *passphrase = g_strdup (contents);
    explicit_bzero (contents, length);
    return passphrase;
  }
}

CartaCase *
carta_bundle_load_case_dir (const char  *dir,
                            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  CartaCase *kase;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, CARTA_ERROR, CARTA_ERROR_NOT_FOUND,
                   _("Could not read the case “%s”: %s"), path, local_error->message);
      return NULL;
    }

  if (!(kase = carta_case_new_from_json (json_parser_get_root (parser), &local_error)))
    {
      g_set_error (error, CARTA_ERROR, local_error->code,
                   _("Could not open the case “%s”: %s"), path, local_error->message);
      return NULL;
    }

  return kase;
}

char *
carta_bundle_format_size (guint64 bytes)
{
  return g_format_size (bytes);
}

/* fuzz-case-json.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The case.json loader: parsed bytes into carta_case_new_from_json(), and
 * a case it accepts written back out, as a save would. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "carta-case.h"
#include "carta-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CartaCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gsize length = 0;
  JsonNode *root;

  /* Empty text parses to no root; the callers say so themselves. */
  if (!json_parser_load_from_data (parser, (const char *)data, (gssize)size, NULL) ||
      !(root = json_parser_get_root (parser)))
    return 0;

  if (!(kase = carta_case_new_from_json (root, &error)))
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  out = carta_case_to_data (kase, &length);
  g_assert (out != NULL);
  return 0;
}

/* carta-catalog.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CARTA_TYPE_CATALOG (carta_catalog_get_type ())

G_DECLARE_FINAL_TYPE (CartaCatalog, carta_catalog, CARTA, CATALOG, GObject)

CartaCatalog *carta_catalog_new_for_language (const char    *language,
                                              GError       **error);
CartaCatalog *carta_catalog_new_from_file    (const char    *path,
                                              const char    *language,
                                              GError       **error);
const char   *carta_catalog_get_language     (CartaCatalog  *self);
/* format_arg: a translation may be a printf() format, like gettext's. */
const char   *carta_catalog_gettext          (CartaCatalog  *self,
                                              const char    *msgid) G_GNUC_FORMAT (2);
const char   *carta_catalog_pgettext         (CartaCatalog  *self,
                                              const char    *context,
                                              const char    *msgid) G_GNUC_FORMAT (3);
const char   *carta_catalog_ngettext         (CartaCatalog  *self,
                                              const char    *msgid,
                                              const char    *msgid_plural,
                                              gulong         n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
char         *carta_catalog_find_file        (const char    *language);
GStrv         carta_catalog_list_languages   (void);
char         *carta_catalog_normalize_language (const char  *language);
gboolean      carta_catalog_is_rtl           (CartaCatalog  *self);
char         *carta_catalog_find_ui_language (void);
const char   *carta_catalog_get_language_name (const char *code);

G_END_DECLS

/* carta-bundle-util.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "carta-bundle-reader.h"
#include "carta-case.h"

G_BEGIN_DECLS

/* Helpers shared by the commands of carta-bundle. */
char      *carta_bundle_read_passphrase_file (const char  *path,
                                              GError     **error);
CartaCase *carta_bundle_load_case_dir        (const char  *dir,
                                              GError     **error);
char      *carta_bundle_format_size          (guint64      bytes);
gboolean   carta_bundle_parse_args           (GOptionContext  *context,
                                              int             *argc,
                                              char          ***argv,
                                              int              n_args);
CartaCase *carta_bundle_parse_case_args      (GOptionContext  *context,
                                              int             *argc,
                                              char          ***argv,
                                              int              min_args,
                                              int              max_args,
                                              int             *status);
CartaBundleReader *carta_bundle_parse_reader_args (GOptionContext   *context,
                                                   int              *argc,
                                                   char           ***argv);
void       carta_bundle_print_identity       (FILE               *stream,
                                              const char         *indent,
                                              CartaAttachment    *attachment,
                                              CartaPatient       *patient);
guint      carta_bundle_print_discs_to_check (FILE               *stream,
                                              CartaCase          *kase);

G_END_DECLS

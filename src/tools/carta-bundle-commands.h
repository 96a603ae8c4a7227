/* carta-bundle-commands.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "carta-case.h"

G_BEGIN_DECLS

/* Each command of carta-bundle lives in its own file and has this
 * signature: it gets its own arguments (argv[0] is the command name) and
 * returns the process exit status. */
typedef int (*CartaBundleCommandFunc) (int    argc,
                                       char **argv);

typedef struct
{
  const char             *name;
  const char             *summary;
  CartaBundleCommandFunc  func;
} CartaBundleCommand;

int carta_bundle_export (int argc, char **argv);
int carta_bundle_verify (int argc, char **argv);
int carta_bundle_info   (int argc, char **argv);
int carta_bundle_demo   (int argc, char **argv);
int carta_bundle_dicom (int    argc,
                        char **argv);
int carta_bundle_send (int    argc,
                       char **argv);
int carta_bundle_records (int    argc,
                          char **argv);
int carta_bundle_attach  (int    argc,
                          char **argv);

/* carta-bundle-records.c: one record as `records` and `attach` print it. */
void carta_bundle_print_record (CartaCase          *kase,
                                CartaChecklistItem *item);

G_END_DECLS

/* carta-fuzz.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the libFuzzer targets share: one quiet setup, and a scratch folder
 * of the process where a target writes its input when the code under test
 * reads files. */

#include <glib.h>
#include <stdint.h>
#include <stddef.h>

G_BEGIN_DECLS

/* libFuzzer calls these; each target defines the second. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

void        carta_fuzz_init        (void);
const char *carta_fuzz_scratch_dir (void);
char       *carta_fuzz_write       (const char    *name,
                                    const uint8_t *data,
                                    size_t         size);

G_END_DECLS

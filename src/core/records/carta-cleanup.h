/* carta-cleanup.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "carta-case.h"

G_BEGIN_DECLS

guint    carta_cleanup_case_folder        (GFile                *case_dir,
                                           const char * const   *used_paths,
                                           GCancellable         *cancellable,
                                           GError              **error);
GStrv    carta_cleanup_list_used          (CartaCase            *kase);

G_END_DECLS

/* carta-test-ui.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-application.h"

G_BEGIN_DECLS

/* Helpers the UI tests share: waiting on the main loop and finding the
 * widgets a person would look at. */

typedef gboolean (*CartaTestMatch) (GtkWidget     *widget,
                                    gconstpointer  data);

void              carta_test_wait_until          (gboolean       (*func) (gpointer),
                                                  gpointer         data,
                                                  guint            seconds);
GtkWidget        *carta_test_find_widget         (GtkWidget       *root,
                                                  CartaTestMatch   match,
                                                  gconstpointer    data);
GtkWidget        *carta_test_find_widget_of_type (GtkWidget       *root,
                                                  GType            type);
AdwMessageDialog *carta_test_find_dialog         (void);

char             *carta_test_init_with_own_home  (const char      *name,
                                                  int             *argc,
                                                  char          ***argv);
void              carta_test_remove_home         (const char      *home);
CartaApplication *carta_test_start_application   (void);
GtkWidget        *carta_test_window_with_sample  (CartaApplication *app);

G_END_DECLS

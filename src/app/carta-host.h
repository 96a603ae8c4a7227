/* carta-host.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "carta-store.h"

G_BEGIN_DECLS

/* What a page may ask of whatever hosts it, without knowing the window:
 * pages include this header, never carta-window.h.
 *
 * To take the family elsewhere, a page activates one of the window's
 * actions by name (gtk_widget_activate_action(), or action-name on a
 * row or button): win.show-page (s: a page), win.show-field (s: a field
 * path of the Case page, as carta_profile_list_flagged() gives them) and
 * win.show-record (s: the id of a checklist record). */

void              carta_host_add_toast        (GtkWidget              *widget,
                                               AdwToast               *toast);
void              carta_host_notify           (GtkWidget              *widget,
                                               const char             *message);
CartaStore       *carta_host_get_store        (GtkWidget              *widget);
AdwMessageDialog *carta_host_new_question     (GtkWidget              *widget,
                                               const char             *heading,
                                               const char             *body,
                                               const char             *cancel_label,
                                               const char             *response,
                                               const char             *response_label,
                                               AdwResponseAppearance   appearance,
                                               const char             *default_response);
gboolean          carta_host_question_is_answered (AdwMessageDialog   *dialog);
void              carta_host_show_message     (GtkWidget              *widget,
                                               const char             *heading,
                                               const char             *body,
                                               const char             *close_label);
void              carta_host_set_dialog_entry (AdwMessageDialog       *dialog,
                                               GtkWidget              *entry,
                                               const char             *label);
void              carta_host_add_undo_toast   (GtkWidget              *widget,
                                               const char             *message,
                                               const char             *undo_label,
                                               GCallback               on_undo,
                                               GCallback               on_dismissed,
                                               gpointer                data,
                                               GClosureNotify          free_data);

G_END_DECLS

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
GParamSpec       *carta_host_case_param_spec  (void);
void              carta_host_add_undo_toast   (GtkWidget              *widget,
                                               const char             *message,
                                               const char             *undo_label,
                                               GCallback               on_undo,
                                               GCallback               on_dismissed,
                                               gpointer                data,
                                               GClosureNotify          free_data);

/* get_property and set_property of a widget whose one property is
 * "case" (PROP_CASE, carta_host_case_param_spec()): it is kept in
 * self->kase and changed only through prefix_set_case(). */
#define CARTA_HOST_DEFINE_CASE_PROPERTY(Type, prefix)                           \
static void                                                                     \
prefix##_get_property (GObject    *object,                                      \
                       guint       prop_id,                                     \
                       GValue     *value,                                       \
                       GParamSpec *pspec)                                       \
{                                                                               \
  if (prop_id == PROP_CASE)                                                     \
    g_value_set_object (value, ((Type *) object)->kase);                        \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}                                                                               \
                                                                                \
static void                                                                     \
prefix##_set_property (GObject      *object,                                    \
                       guint         prop_id,                                   \
                       const GValue *value,                                     \
                       GParamSpec   *pspec)                                     \
{                                                                               \
  if (prop_id == PROP_CASE)                                                     \
    prefix##_set_case ((Type *) object, g_value_get_object (value));            \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}

G_END_DECLS

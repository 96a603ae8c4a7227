/* carta-window-private.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "carta-bundle-reader.h"
#include "carta-guide-page.h"
#include "carta-session.h"
#include "carta-window.h"

G_BEGIN_DECLS

/* One class over several files, as gnome-text-editor splits its window:
 * carta-window.c has the chrome and the case list, carta-window-actions.c
 * the win.* actions and their dialogs, carta-window-open.c opening a
 * bundle and reporting cases the store could not read. */
struct _CartaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *cases_button;
  GtkLabel             *case_label;
  GtkPopover           *cases_popover;
  GtkListBox           *cases_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  CartaGuidePage       *guide_page;
  GtkWidget            *checklist_page;
  GtkWidget            *profile_page;
  GtkWidget            *export_page;

  /* State */
  CartaSession         *session;
  CartaCase            *kase;
  GBindingGroup        *case_bindings;
  guint                 visible_page_idle_id;
  guint                 guide_only : 1;

  /* Making the sample case */
  GCancellable         *sample_cancellable;

  /* Opening a bundle */
  GtkFileChooserNative *open_chooser;
  CartaBundleReader    *open_reader;
  GCancellable         *open_cancellable;
  AdwMessageDialog     *open_progress;
  guint                 open_progress_id;
  gboolean              open_with_passphrase;
  AdwMessageDialog     *passphrase_dialog;   /* not a ref: forgotten when destroyed */
  CartaCase            *open_replaced;       /* set aside for the bundle's copy */
};

/* carta-window.c */
void _carta_window_update_visible_page   (CartaWindow      *self);
void _carta_window_show_checklist_of     (CartaWindow      *self,
                                          CartaCase        *kase);
char *_carta_window_format_day           (GDateTime        *time);

/* carta-window-actions.c */
void _carta_window_class_actions_init    (CartaWindowClass *klass);
void _carta_window_actions_init          (CartaWindow      *self);
void _carta_window_offer_undo_replace    (CartaWindow      *self,
                                          CartaCase        *copy,
                                          CartaCase        *replaced);

/* carta-window-open.c */
void _carta_window_choose_bundle         (CartaWindow      *self);
void _carta_window_open_dispose          (CartaWindow      *self);
void _carta_window_report_problems       (CartaWindow      *self);

/* What win.open-bundle does once the file chooser answered; the UI tests
 * call it directly, as they cannot answer a portal. */
void _carta_window_open_bundle           (CartaWindow      *self,
                                          GFile            *file);

G_END_DECLS

/* carta-checklist-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-checklist-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "carta-checklist-page-private.h"
#include "carta-checklist-row.h"
#include "carta-checklist-template.h"
#include "carta-host.h"
#include "carta-item-view.h"
#include "carta-verify.h"

typedef struct _Group Group;

struct _CartaChecklistPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkBox             *groups_box;
  AdwStatusPage      *all_ready_page;
  AdwStatusPage      *no_match_page;
  GtkSearchBar       *search_bar;
  GtkEditable        *search_entry;
  CartaItemView      *item_view;

  /* State */
  CartaCase          *kase;
  CartaStore         *store;
  GPtrArray          *groups;
  GCancellable       *verify;
  GHashTable         *flagged;        /* ids of attachments that failed the check */
  char               *filter;
  char               *statuses;
  char               *search;         /* case-folded words searched for, or NULL */
  guint               update_id;
  guint               build_id;
  guint               built : 1;
  guint               only_needed : 1;
};

/* One category: a titled group whose list shows the case's items of that
 * category through a filter. A NULL category collects items whose
 * category this template does not know. */
struct _Group
{
  CartaChecklistPage *page;
  char               *category;
  GtkWidget          *widget;
  GtkListBox         *list;
  GtkCustomFilter    *filter;
  GtkFilterListModel *model;
};

G_DEFINE_FINAL_TYPE (CartaChecklistPage, carta_checklist_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_update (CartaChecklistPage *self);

static void
group_free (Group *group)
{
  /* The list may outlive the group for a moment; stop it calling back. */
  gtk_custom_filter_set_filter_func (group->filter, NULL, NULL, NULL);
  gtk_list_box_bind_model (group->list, NULL, NULL, NULL, NULL);
  g_clear_object (&group->model);
  g_free (group->category);
  g_free (group);
}

CartaStore *
_carta_checklist_page_get_store (CartaChecklistPage *self)
{
  if (self->store != NULL)
    return self->store;

  return carta_host_get_store (GTK_WIDGET (self));
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  CartaChecklistItem *item = object;
  Group *group = user_data;
  const char *category = carta_checklist_item_get_category (item);

  if (group->category != NULL)
    {
      if (g_strcmp0 (category, group->category) != 0)
        return FALSE;
    }
  else if (carta_checklist_template_lookup_category (carta_checklist_template_get_default (), category))
    return FALSE;

  if (group->page->only_needed &&
      carta_item_status_is_ready (carta_checklist_item_get_status (item)))
    return FALSE;

  /* By the title the family sees, in their language. */
  if (group->page->search != NULL)
    {
      const char *title = carta_checklist_template_get_item_title (carta_checklist_template_get_default (), item);
      g_autofree char *folded = g_utf8_casefold (title != NULL ? title : "", -1);

      return strstr (folded, group->page->search) != NULL;
    }

  return TRUE;
}

static gboolean
on_row_drop_cb (GtkDropTarget      *target,
                const GValue       *value,
                double              x,
                double              y,
                CartaChecklistPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  CartaChecklistItem *item = carta_checklist_row_get_item (CARTA_CHECKLIST_ROW (row));
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;

  /* The files land where the family can watch them being copied. */
  carta_checklist_page_open_item (self, item);
  carta_item_view_import_files (self->item_view, files);

  return TRUE;
}

static gboolean
item_is_flagged (CartaChecklistPage *self,
                 CartaChecklistItem *item)
{
  GListModel *attachments = carta_checklist_item_get_attachments (item);

  if (self->flagged == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);

      if (g_hash_table_contains (self->flagged, carta_attachment_get_id (attachment)))
        return TRUE;
    }

  return FALSE;
}

static void
update_row_flags (CartaChecklistPage *self)
{
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);

      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (group->list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (CARTA_IS_CHECKLIST_ROW (row))
          carta_checklist_row_set_flagged (CARTA_CHECKLIST_ROW (row),
                                           item_is_flagged (self, carta_checklist_row_get_item (CARTA_CHECKLIST_ROW (row))));
    }
}

static GtkWidget *
create_row_cb (gpointer object,
               gpointer user_data)
{
  CartaChecklistPage *self = user_data;
  GtkWidget *row = carta_checklist_row_new (object);
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  carta_checklist_row_set_flagged (CARTA_CHECKLIST_ROW (row), item_is_flagged (self, object));
  carta_checklist_row_set_patient (CARTA_CHECKLIST_ROW (row),
                                   self->kase ? carta_case_get_patient (self->kase) : NULL);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_row_drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
on_row_activated_cb (GtkListBox         *list,
                     GtkListBoxRow      *row,
                     CartaChecklistPage *self)
{
  carta_checklist_page_open_item (self, carta_checklist_row_get_item (CARTA_CHECKLIST_ROW (row)));
}

static Group *
add_group (CartaChecklistPage *self,
           const char         *category,
           const char         *title)
{
  Group *group = g_new0 (Group, 1);
  GtkWidget *add_button;

  group->page = self;
  group->category = g_strdup (category);
  group->filter = gtk_custom_filter_new (filter_func, group, NULL);
  group->model = gtk_filter_list_model_new (g_object_ref (carta_case_get_items (self->kase)),
                                            GTK_FILTER (group->filter));

  group->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (group->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (group->list), "boxed-list");
  gtk_list_box_bind_model (group->list, G_LIST_MODEL (group->model), create_row_cb, self, NULL);
  g_signal_connect_object (group->list, "row-activated", G_CALLBACK (on_row_activated_cb), self, 0);
  g_signal_connect_object (group->model, "items-changed", G_CALLBACK (queue_update), self,
                           G_CONNECT_SWAPPED);

  group->widget = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group->widget), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->widget), GTK_WIDGET (group->list));
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  if (category != NULL)
    {
      g_autofree char *tooltip = NULL;

      add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_add_css_class (add_button, "flat");
      gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
      /* TRANSLATORS: %s is a category of the checklist, such as “Imaging” */
      tooltip = g_strdup_printf (_("Add a Record to “%s”"), title);
      gtk_widget_set_tooltip_text (add_button, tooltip);
      /* A tooltip is only a description to a screen reader. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "checklist.add-item");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add_button), "s", category);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group->widget), add_button);
    }

  gtk_box_append (self->groups_box, group->widget);
  g_ptr_array_add (self->groups, group);

  return group;
}

static void
clear_groups (CartaChecklistPage *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->groups, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  self->built = FALSE;
  g_clear_pointer (&self->statuses, g_free);
  g_clear_pointer (&self->search, g_free);
}

static void
build (CartaChecklistPage *self)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  guint n = carta_checklist_template_get_n_categories (template);

  clear_groups (self);

  if (self->kase == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      const CartaTemplateCategory *category = carta_checklist_template_get_category (template, i);

      add_group (self, category->key,
                 carta_checklist_template_get_category_title (template, category->key));
    }
  add_group (self, NULL, carta_checklist_template_get_category_title (template, NULL));

  self->built = TRUE;
}

static char *
status_signature (GListModel *items)
{
  guint n = g_list_model_get_n_items (items);
  char *signature = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      signature[i] = '0' + carta_checklist_item_get_status (item);
    }
  signature[n] = '\0';

  return signature;
}

static void
update_stack (CartaChecklistPage *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);
  const char *wanted;

  if (self->kase == NULL)
    wanted = "no-case";
  else if (g_list_model_get_n_items (carta_case_get_items (self->kase)) == 0)
    wanted = "empty";
  else if (g_strcmp0 (visible, "item") == 0 && carta_item_view_get_item (self->item_view) != NULL)
    wanted = "item";
  else
    wanted = "list";

  if (g_strcmp0 (visible, wanted) != 0)
    gtk_stack_set_visible_child_name (self->stack, wanted);
}

static void
update (CartaChecklistPage *self)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  g_autofree char *statuses = NULL;
  g_autofree char *text = NULL;
  GListModel *items;
  gboolean any_visible = FALSE;
  guint ready, total;

  update_stack (self);

  if (self->kase == NULL || !self->built)
    return;

  items = carta_case_get_items (self->kase);

  /* Only a change of status moves items in or out of "still needed". */
  statuses = status_signature (items);
  if (g_strcmp0 (statuses, self->statuses) != 0)
    {
      g_free (self->statuses);
      self->statuses = g_steal_pointer (&statuses);
      if (self->only_needed)
        for (guint i = 0; i < self->groups->len; i++)
          gtk_filter_changed (GTK_FILTER (((Group *)g_ptr_array_index (self->groups, i))->filter),
                              GTK_FILTER_CHANGE_DIFFERENT);
    }

  carta_checklist_template_count (template, items, NULL, &ready, &total);
  if (total == 0)
    text = g_strdup (_("Nothing to gather yet"));
  else
    /* TRANSLATORS: overall progress of the checklist, e.g. “9 of 14 ready” */
    text = g_strdup_printf (ngettext ("%u of %u ready", "%u of %u ready", total), ready, total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)ready / total : 0.0);

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (group->model));
      const CartaTemplateCategory *category = carta_checklist_template_lookup_category (template, group->category);
      g_autofree char *description = NULL;

      if (group->category != NULL)
        {
          carta_checklist_template_count (template, items, group->category, &ready, &total);
          if (total == 0)
            description = g_strdup (_("No records"));
          else if (category != NULL && category->optional)
            /* TRANSLATORS: progress of a group of optional records */
            description = g_strdup_printf (ngettext ("Optional · %u of %u ready",
                                                     "Optional · %u of %u ready", total), ready, total);
          else
            description = g_strdup_printf (ngettext ("%u of %u ready", "%u of %u ready", total), ready, total);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group->widget), description);
        }

      /* The list itself would draw an empty frame. */
      gtk_widget_set_visible (GTK_WIDGET (group->list), shown > 0);
      gtk_widget_set_visible (group->widget,
                              shown > 0 || (group->category != NULL && !self->only_needed && self->search == NULL));
      any_visible |= shown > 0;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->all_ready_page),
                          self->only_needed && self->search == NULL && !any_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_page), self->search != NULL && !any_visible);
}

static gboolean
update_cb (gpointer user_data)
{
  CartaChecklistPage *self = user_data;

  self->update_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update (CartaChecklistPage *self)
{
  /* Nothing to show once disposed. */
  if (self->stack == NULL)
    return;

  if (self->update_id == 0)
    self->update_id = g_idle_add (update_cb, self);
}

static gboolean
build_cb (gpointer user_data)
{
  CartaChecklistPage *self = user_data;

  self->build_id = 0;
  if (!self->built && self->kase != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      build (self);
      update (self);
    }

  return G_SOURCE_REMOVE;
}

static void
ensure_built (CartaChecklistPage *self)
{
  /* Rows are made only once the page is shown, and then just after the
   * frame that shows it, so a large case never holds up the window. */
  if (!self->built && self->kase != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      self->build_id == 0)
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_cb, self, NULL);
}

/* The check holds the page, so dispose comes only after it ends: closing
 * the window stops it here instead. */
static void
carta_checklist_page_unroot (GtkWidget *widget)
{
  g_cancellable_cancel (CARTA_CHECKLIST_PAGE (widget)->verify);

  GTK_WIDGET_CLASS (carta_checklist_page_parent_class)->unroot (widget);
}

static void
carta_checklist_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (carta_checklist_page_parent_class)->map (widget);
  ensure_built (CARTA_CHECKLIST_PAGE (widget));
}

/* Back on the list, the keyboard goes on from the record's row. */
static void
focus_row_of (CartaChecklistPage *self,
              CartaChecklistItem *item)
{
  for (guint i = 0; item != NULL && i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);

      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (group->list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (CARTA_IS_CHECKLIST_ROW (row) && carta_checklist_row_get_item (CARTA_CHECKLIST_ROW (row)) == item)
          {
            gtk_widget_grab_focus (row);
            return;
          }
    }
}

static void
close_item (CartaChecklistPage *self)
{
  g_autoptr(CartaChecklistItem) item = NULL;

  g_set_object (&item, carta_item_view_get_item (self->item_view));
  gtk_stack_set_visible_child_name (self->stack, "list");
  carta_item_view_set_item (self->item_view, NULL, NULL, NULL);
  update_stack (self);
  focus_row_of (self, item);
}

static void
set_search (CartaChecklistPage *self,
            const char         *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *search = stripped[0] != '\0' ? g_utf8_casefold (stripped, -1) : NULL;

  if (g_strcmp0 (search, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&search);

  for (guint i = 0; i < self->groups->len; i++)
    gtk_filter_changed (GTK_FILTER (((Group *)g_ptr_array_index (self->groups, i))->filter),
                        GTK_FILTER_CHANGE_DIFFERENT);
  update (self);
}

/* Callbacks */

static void
on_search_changed_cb (CartaChecklistPage *self)
{
  g_assert (CARTA_IS_CHECKLIST_PAGE (self));

  set_search (self, gtk_editable_get_text (self->search_entry));
}

static void
on_search_mode_cb (CartaChecklistPage *self)
{
  g_assert (CARTA_IS_CHECKLIST_PAGE (self));

  /* Closed, the search shows every record again. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (self->search_entry, "");
      set_search (self, NULL);
    }
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  close_item (CARTA_CHECKLIST_PAGE (widget));
}

static void
seed_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CartaChecklistPage *self = CARTA_CHECKLIST_PAGE (widget);

  if (self->kase != NULL)
    carta_checklist_template_seed_case (carta_checklist_template_get_default (), self->kase);
}

/* What undoing a removal needs: the record and where it was. */
typedef struct
{
  CartaCase          *kase;
  CartaChecklistItem *item;
  guint               position;
} RemovedItem;

static void
removed_item_free (gpointer  data,
                   GClosure *closure)
{
  RemovedItem *removed = data;

  g_clear_object (&removed->kase);
  g_clear_object (&removed->item);
  g_free (removed);
}

static void
on_undo_remove_cb (AdwToast    *toast,
                   RemovedItem *removed)
{
  g_assert (ADW_IS_TOAST (toast));

  carta_case_insert_item (removed->kase, removed->position, removed->item);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CartaChecklistPage *self = CARTA_CHECKLIST_PAGE (widget);
  CartaChecklistItem *current = carta_item_view_get_item (self->item_view);
  g_autoptr(CartaChecklistItem) item = NULL;
  g_autofree char *message = NULL;
  RemovedItem *removed;
  guint position;

  if (self->kase == NULL || current == NULL)
    return;

  item = g_object_ref (current);
  back_action (widget, NULL, NULL);

  if (!carta_case_remove_item (self->kase, item, &position))
    return;

  /* TRANSLATORS: %s is the title of a record removed from the checklist */
  message = g_strdup_printf (_("“%s” removed"),
                             carta_checklist_template_get_item_title (carta_checklist_template_get_default (), item));
  removed = g_new0 (RemovedItem, 1);
  removed->kase = g_object_ref (self->kase);
  removed->item = g_steal_pointer (&item);
  removed->position = position;
  carta_host_add_undo_toast (widget, message, _("_Undo"),
                             G_CALLBACK (on_undo_remove_cb), NULL,
                             removed, removed_item_free);
}

static void
on_add_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

/* The dialog naming a new record, and where the record goes. */
typedef struct
{
  CartaChecklistPage *page;      /* unowned: the closure dies with it */
  char               *category;
} AddRecord;

static void
add_record_free (gpointer  data,
                 GClosure *closure)
{
  AddRecord *add = data;

  g_free (add->category);
  g_free (add);
}

static void
on_add_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AddRecord        *add)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = NULL;

  g_assert (CARTA_IS_CHECKLIST_PAGE (add->page));

  if (g_strcmp0 (response, "add") != 0)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (title[0] != '\0')
    carta_checklist_page_add_custom_item (add->page, add->category, title);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CartaChecklistPage *self = CARTA_CHECKLIST_PAGE (widget);
  const char *category = g_variant_get_string (param, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  AddRecord *add;
  GClosure *closure;

  if (self->kase == NULL)
    return;

  dialog = carta_host_new_question (widget, _("Add a Record"), NULL, _("_Cancel"),
                                    "add", _("_Add"), ADW_RESPONSE_SUGGESTED, "add");
  /* TRANSLATORS: %s is a category of the checklist, such as “Imaging” */
  adw_message_dialog_format_body (dialog, _("It will be listed under “%s”."),
                                  carta_checklist_template_get_category_title (carta_checklist_template_get_default (),
                                                                               category));

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example, lumbar puncture report"));
  carta_host_set_dialog_entry (dialog, entry, _("Record name"));

  add = g_new0 (AddRecord, 1);
  add->page = self;
  add->category = g_strdup (category);
  closure = g_cclosure_new (G_CALLBACK (on_add_response_cb), add, add_record_free);
  g_object_watch_closure (G_OBJECT (self), closure);

  g_signal_connect (entry, "changed", G_CALLBACK (on_add_entry_changed_cb), dialog);
  g_signal_connect_closure (dialog, "response", closure, FALSE);
  on_add_entry_changed_cb (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* GObject */

static void
set_filter (CartaChecklistPage *self,
            const char         *filter)
{
  gboolean only_needed = g_strcmp0 (filter, "needed") == 0;

  if (g_strcmp0 (self->filter, only_needed ? "needed" : "all") == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (only_needed ? "needed" : "all");
  self->only_needed = only_needed;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_filter_changed (GTK_FILTER (((Group *)g_ptr_array_index (self->groups, i))->filter),
                        only_needed ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
carta_checklist_page_dispose (GObject *object)
{
  CartaChecklistPage *self = (CartaChecklistPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_cancellable_cancel (self->verify);
  g_clear_object (&self->verify);
  if (self->groups != NULL)
    clear_groups (self);
  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->kase, self);
      g_signal_handlers_disconnect_by_data (carta_case_get_items (self->kase), self);
    }
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->flagged, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_CHECKLIST_PAGE);
  /* Template children without an id are not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->update_id, g_source_remove);

  G_OBJECT_CLASS (carta_checklist_page_parent_class)->dispose (object);
}

static void
carta_checklist_page_finalize (GObject *object)
{
  CartaChecklistPage *self = (CartaChecklistPage *)object;

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->statuses, g_free);

  G_OBJECT_CLASS (carta_checklist_page_parent_class)->finalize (object);
}

static void
carta_checklist_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CartaChecklistPage *self = CARTA_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_checklist_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CartaChecklistPage *self = CARTA_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      carta_checklist_page_set_case (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      set_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_checklist_page_class_init (CartaChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_checklist_page_dispose;
  object_class->finalize = carta_checklist_page_finalize;
  object_class->get_property = carta_checklist_page_get_property;
  object_class->set_property = carta_checklist_page_set_property;

  widget_class->map = carta_checklist_page_map;
  widget_class->unroot = carta_checklist_page_unroot;

  properties[PROP_CASE] = carta_host_case_param_spec ();
  /* "all" or "needed": the items still needed, neither received nor
   * marked not applicable. */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARTA_TYPE_ITEM_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/checklist/carta-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, all_ready_page);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_child (widget_class, CartaChecklistPage, item_view);

  gtk_widget_class_install_property_action (widget_class, "checklist.filter", "filter");
  gtk_widget_class_install_action (widget_class, "checklist.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "checklist.remove-item", NULL, remove_item_action);
  gtk_widget_class_install_action (widget_class, "checklist.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "checklist.seed", NULL, seed_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "checklist.back", NULL);
}

static void
carta_checklist_page_init (CartaChecklistPage *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  self->filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, self->search_entry);

  update_stack (self);
}

static void
on_verified_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CartaChecklistPage) self = user_data;
  g_autoptr(GHashTable) flagged = NULL;
  g_autoptr(GPtrArray) damaged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!(damaged = carta_verify_case_finish (result, &error)))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not check the stored files: %s", error->message);
      return;
    }

  g_clear_object (&self->verify);

  flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < damaged->len; i++)
    g_hash_table_add (flagged, g_strdup (carta_attachment_get_id (g_ptr_array_index (damaged, i))));
  carta_item_view_set_flagged (self->item_view, flagged);
  g_clear_pointer (&self->flagged, g_hash_table_unref);
  self->flagged = g_hash_table_ref (flagged);
  update_row_flags (self);

  if (damaged->len == 0)
    return;

  message = g_strdup_printf (ngettext ("%u attached file no longer matches the copy Carta kept. "
                                       "Its record shows which.",
                                       "%u attached files no longer match the copies Carta kept. "
                                       "Their records show which.", damaged->len),
                             damaged->len);
  carta_host_notify (GTK_WIDGET (self), message);
}

/* Every stored copy is hashed again in a thread when a case opens, so
 * damage on disk is found before anything is sent. */
static void
start_verify (CartaChecklistPage *self)
{
  CartaStore *store = _carta_checklist_page_get_store (self);
  g_autoptr(GFile) case_dir = NULL;

  g_cancellable_cancel (self->verify);
  g_clear_object (&self->verify);
  carta_item_view_set_flagged (self->item_view, NULL);
  g_clear_pointer (&self->flagged, g_hash_table_unref);
  update_row_flags (self);

  if (self->kase == NULL || store == NULL || carta_case_count_attachments (self->kase) == 0)
    return;

  case_dir = carta_store_get_case_dir (store, self->kase);
  self->verify = g_cancellable_new ();
  carta_verify_case_async (case_dir, self->kase, NULL, NULL, NULL, self->verify,
                           on_verified_cb, g_object_ref (self));
}

GtkWidget *
carta_checklist_page_new (void)
{
  return g_object_new (CARTA_TYPE_CHECKLIST_PAGE, NULL);
}

/**
 * carta_checklist_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
CartaCase *
carta_checklist_page_get_case (CartaChecklistPage *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_PAGE (self), NULL);
  return self->kase;
}

void
carta_checklist_page_set_case (CartaChecklistPage *self,
                               CartaCase          *kase)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (!kase || CARTA_IS_CASE (kase));

  if (self->kase == kase)
    return;

  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->kase, self);
      g_signal_handlers_disconnect_by_data (carta_case_get_items (self->kase), self);
    }

  carta_item_view_set_item (self->item_view, NULL, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
  clear_groups (self);
  g_set_object (&self->kase, kase);

  if (kase != NULL)
    {
      g_signal_connect_object (kase, "changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (carta_case_get_items (kase), "items-changed",
                               G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
    }

  update_stack (self);
  ensure_built (self);
  start_verify (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * carta_checklist_page_set_store:
 * @store: (nullable): where the case lives; %NULL uses the application's
 *
 * Tests use this; the application's own store is found by default.
 */
void
carta_checklist_page_set_store (CartaChecklistPage *self,
                                CartaStore         *store)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_PAGE (self));
  g_set_object (&self->store, store);
}

/**
 * carta_checklist_page_add_custom_item:
 * @category: the key of a template category
 * @title: what the family calls the record
 *
 * Returns: (transfer none) (nullable): the new item, listed at the end
 *   of its category
 */
CartaChecklistItem *
carta_checklist_page_add_custom_item (CartaChecklistPage *self,
                                      const char         *category,
                                      const char         *title)
{
  g_autoptr(CartaChecklistItem) item = NULL;

  g_return_val_if_fail (CARTA_IS_CHECKLIST_PAGE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (self->kase == NULL)
    return NULL;

  item = carta_checklist_item_new_custom (title, category);
  carta_case_add_item (self->kase, item);

  return item;
}

void
carta_checklist_page_open_item (CartaChecklistPage *self,
                                CartaChecklistItem *item)
{
  g_return_if_fail (CARTA_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (CARTA_IS_CHECKLIST_ITEM (item));

  if (self->kase == NULL)
    return;

  carta_item_view_set_item (self->item_view, _carta_checklist_page_get_store (self), self->kase, item);
  gtk_stack_set_visible_child_name (self->stack, "item");
}

/**
 * carta_checklist_page_close_item:
 *
 * Goes back from an open record to the list, as the Back button does.
 *
 * Returns: whether a record was open
 */
gboolean
carta_checklist_page_close_item (CartaChecklistPage *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_PAGE (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "item") != 0)
    return FALSE;

  close_item (self);
  return TRUE;
}

/**
 * carta_checklist_page_start_search:
 *
 * Opens the search over the records' titles, from the list or from an
 * open record, and puts the cursor in it.
 *
 * Returns: whether there is a list to search
 */
gboolean
carta_checklist_page_start_search (CartaChecklistPage *self)
{
  g_return_val_if_fail (CARTA_IS_CHECKLIST_PAGE (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "item") == 0)
    close_item (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (self->search_entry, 0, -1);

  return TRUE;
}

GtkLabel *
_carta_checklist_page_get_progress_label (CartaChecklistPage *self)
{
  return self->progress_label;
}

GtkListBox *
_carta_checklist_page_get_group_list (CartaChecklistPage *self,
                                      const char         *category)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (group->category, category) == 0)
        return group->list;
    }

  return NULL;
}

CartaItemView *
_carta_checklist_page_get_item_view (CartaChecklistPage *self)
{
  return self->item_view;
}

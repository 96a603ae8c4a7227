/* test-a11y-inventory.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "carta-application.h"
#include "carta-send-dialog.h"
#include "carta-test-ui.h"
#include "carta-window.h"

/* The accessibility inventory: every page of the window with the sample
 * case, and the main dialogs, at the normal width and at 360 px, walked
 * widget by widget. It fails on
 *
 *  - a control that takes focus and has no accessible name;
 *  - two controls side by side (one parent) with the same name that do
 *    different things;
 *  - an image with neither a name nor a description that is not marked
 *    decorative (role presentation) and is not part of a named control;
 *  - a control that Tab never reaches.
 *
 * What counts as a name is what GTK 4.8 gives a screen reader
 * (gtk_at_context_get_name): the accessible "label" property, or else
 * the "labelled-by" relation. A button's label, a row's title and an
 * entry's visible label reach it that way; a tooltip alone does not (it
 * is only the description). The test backend (GTK_A11Y=test) keeps the
 * values, which gtk_test_accessible_check_property() hands back. */

static CartaApplication *app;

typedef struct
{
  GtkWidget  *root;
  GPtrArray  *controls;   /* focusable, shown, sensitive */
  GHashTable *control_set;
  GPtrArray  *problems;
  guint       n_unnamed;
  guint       n_duplicates;
  guint       n_images;
  guint       n_skipped;
  guint       n_library;
  guint       n_images_seen;
} Inventory;

static void
inventory_clear (Inventory *inv)
{
  g_clear_pointer (&inv->controls, g_ptr_array_unref);
  g_clear_pointer (&inv->control_set, g_hash_table_unref);
  g_clear_pointer (&inv->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inventory, inventory_clear)

/* "GtkButton “Back” in CartaItemView": enough to find it in the .ui. */
static char *
describe (GtkWidget  *widget,
          const char *name)
{
  GString *s = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *css_name = gtk_widget_get_css_name (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  GtkWidget *owner = NULL;

  if (name != NULL)
    g_string_append_printf (s, " “%s”", name);
  if (tooltip != NULL)
    g_string_append_printf (s, " (tooltip “%s”)", tooltip);
  else if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))
    g_string_append_printf (s, " (action %s)", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
  g_string_append_printf (s, " <%s>", css_name);

  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (a), "Carta"))
      {
        owner = a;
        break;
      }
  if (owner != NULL)
    g_string_append_printf (s, " in %s", G_OBJECT_TYPE_NAME (owner));
  if (g_getenv ("CARTA_A11Y_VERBOSE") != NULL)
    for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL && a != owner; a = gtk_widget_get_parent (a))
      g_string_append_printf (s, " < %s", G_OBJECT_TYPE_NAME (a));

  return g_string_free (s, FALSE);
}

static void
add_problem (Inventory  *inv,
             const char *what,
             GtkWidget  *widget,
             const char *name)
{
  g_autofree char *description = describe (widget, name);

  g_ptr_array_add (inv->problems, g_strdup_printf ("%s: %s", what, description));
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The one widget @widget's labelled-by relation points to, looked for
 * under @under; NULL if none (or several). */
static GtkWidget *
labelled_by (GtkWidget *widget,
             GtkWidget *under)
{
  g_autofree char *differs = NULL;

  if (under != widget)
    {
      differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, under, NULL);
      if (differs == NULL)
        return under;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (under); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = labelled_by (widget, child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The name a screen reader hears, as GTK 4.8 makes it; NULL for none.
 * A labelled-by relation to labels elsewhere gives a name this test
 * cannot read back: it is named, but never a duplicate. */
static char *
accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      /* Compared with a value it cannot have, it says what it has. */
      g_autofree char *label = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "\001");

      if (label != NULL && label[0] != '\0')
        return g_steal_pointer (&label);
    }

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *by = labelled_by (widget, widget);
      g_autoptr(GString) text = NULL;

      if (by == NULL)
        by = labelled_by (widget, GTK_WIDGET (gtk_widget_get_root (widget)));

      /* GTK 4.8 reads the label property of what the relation points
       * to, and nothing further down. */
      if (by != NULL)
        {
          g_autofree char *label = NULL;

          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (by), GTK_ACCESSIBLE_PROPERTY_LABEL))
            return NULL;
          label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (by), GTK_ACCESSIBLE_PROPERTY_LABEL, "\001");
          return label != NULL && label[0] != '\0' ? g_steal_pointer (&label) : NULL;
        }

      /* Several labels: what they say, in order. */
      text = g_string_new (NULL);
      collect_labels (widget, text);
      if (text->len > 0)
        return g_string_free (g_steal_pointer (&text), FALSE);

      return g_strdup_printf ("(labelled by several widgets %p)", (gpointer)widget);
    }

  return NULL;
}

/* A GtkText inside an entry, a spin button or an entry row takes the
 * focus for them; the name belongs on the outer widget. */
static GtkWidget *
control_of (GtkWidget *focusable)
{
  GtkWidget *control = focusable;

  for (GtkWidget *a = gtk_widget_get_parent (focusable); a != NULL; a = gtk_widget_get_parent (a))
    {
      if (!GTK_IS_EDITABLE (a))
        continue;

      for (GtkEditable *d = gtk_editable_get_delegate (GTK_EDITABLE (a)); d != NULL; d = gtk_editable_get_delegate (d))
        if (GTK_WIDGET (d) == control)
          {
            control = a;
            break;
          }
    }

  return control;
}

static gboolean
can_take_focus (GtkWidget *widget,
                GtkWidget *root)
{
  if (!gtk_widget_get_focusable (widget) || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_is_sensitive (widget) || widget == root)
    return FALSE;

  for (GtkWidget *a = widget; a != NULL && a != root; a = gtk_widget_get_parent (a))
    if (!gtk_widget_get_can_focus (a))
      return FALSE;

  return TRUE;
}

static gboolean
has_focusable_inside (GtkWidget *widget,
                      GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (can_take_focus (child, root) || has_focusable_inside (child, root))
      return TRUE;

  return FALSE;
}

/* Containers such as a list or a scrolled window are focusable too, but
 * pass the focus on to what they hold: they count as controls only
 * where Tab stops on them. */
static void
collect_candidates (Inventory *inv,
                    GtkWidget *widget,
                    GPtrArray *leaves,
                    GPtrArray *containers)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  /* libadwaita's own buttons that Carta cannot reach: a toast's close
   * button and a password row's Show Text. They are counted apart. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") ||
      (GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL))
    {
      inv->n_library++;
      return;
    }

  if (can_take_focus (widget, inv->root))
    {
      GtkWidget *control = control_of (widget);

      if (!g_hash_table_contains (inv->control_set, control))
        {
          g_hash_table_add (inv->control_set, control);
          if (control == widget && has_focusable_inside (widget, inv->root))
            g_ptr_array_add (containers, control);
          else
            g_ptr_array_add (leaves, control);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_candidates (inv, child, leaves, containers);
}

static gboolean
inside_control (Inventory *inv,
                GtkWidget *widget)
{
  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    if (g_hash_table_contains (inv->control_set, a))
      return TRUE;

  return FALSE;
}

static void
check_images (Inventory *inv,
              GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_IMAGE (widget) || GTK_IS_PICTURE (widget) || role == GTK_ACCESSIBLE_ROLE_IMG)
    {
      inv->n_images_seen++;

      /* Decorative, described, or part of a control that has the name. */
      if (role != GTK_ACCESSIBLE_ROLE_PRESENTATION &&
          !gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION) &&
          !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY) &&
          !inside_control (inv, widget))
        {
          g_autofree char *name = accessible_name (widget);

          if (name == NULL)
            {
              add_problem (inv, "image without a description", widget, NULL);
              inv->n_images++;
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_images (inv, child);
}

/* What pressing the control does, to tell two of the same name apart. */
static char *
what_it_does (GtkWidget *control)
{
  const char *action;
  GVariant *target;

  if (!GTK_IS_ACTIONABLE (control) ||
      (action = gtk_actionable_get_action_name (GTK_ACTIONABLE (control))) == NULL)
    return NULL;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (control));
  if (target == NULL)
    return g_strdup (action);

  {
    g_autofree char *printed = g_variant_print (target, TRUE);
    return g_strdup_printf ("%s(%s)", action, printed);
  }
}

static void
check_names (Inventory *inv)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < inv->controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (inv->controls, i);
      g_autofree char *name = accessible_name (control);
      g_autofree char *folded = NULL;
      g_autofree char *key = NULL;
      GtkWidget *other;

      if (g_getenv ("CARTA_A11Y_VERBOSE") != NULL)
        {
          g_autofree char *d = describe (control, name);
          g_test_message ("    %s", d);
        }

      if (name == NULL)
        {
          add_problem (inv, "control without a name", control, NULL);
          inv->n_unnamed++;
          continue;
        }

      folded = g_utf8_casefold (name, -1);
      key = g_strdup_printf ("%p/%s", (gpointer)gtk_widget_get_parent (control), folded);
      other = g_hash_table_lookup (seen, key);
      if (other == NULL)
        {
          g_hash_table_insert (seen, g_steal_pointer (&key), control);
          continue;
        }

      {
        g_autofree char *does = what_it_does (control);
        g_autofree char *other_does = what_it_does (other);

        if (does == NULL || g_strcmp0 (does, other_does) != 0)
          {
            add_problem (inv, "same name as its neighbour, does something else", control, name);
            inv->n_duplicates++;
          }
      }
    }
}

/* Tab through the whole window, as a person would, from nothing
 * focused back to the first stop. */
static GHashTable *
tab_through (GtkWidget *root)
{
  GHashTable *reached = g_hash_table_new (NULL, NULL);
  GtkRoot *window = gtk_widget_get_root (root);
  GtkWidget *first = NULL;

  /* From nothing focused, or the first control of a popover. */
  if (GTK_WIDGET (window) == root)
    gtk_root_set_focus (window, NULL);

  for (guint i = 0; i < 5000; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (window);
      if (focus == NULL || focus == first || g_hash_table_contains (reached, focus))
        break;
      if (first == NULL)
        first = focus;
      g_hash_table_add (reached, focus);
      g_hash_table_add (reached, control_of (focus));
    }

  return reached;
}

static void
check_tab_order (Inventory  *inv,
                 GPtrArray  *leaves,
                 GHashTable *reached)
{
  for (guint i = 0; i < leaves->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (leaves, i);

      /* Focus moving may have unmapped it (a popover). */
      if (!gtk_widget_get_mapped (control) || g_hash_table_contains (reached, control))
        continue;

      {
        g_autofree char *name = accessible_name (control);

        add_problem (inv, "Tab never reaches it", control, name);
        inv->n_skipped++;
      }
    }
}

static void
inventory_run (Inventory  *inv,
               GtkWidget  *root,
               const char *where)
{
  inv->root = root;
  inv->controls = g_ptr_array_new ();
  inv->control_set = g_hash_table_new (NULL, NULL);
  inv->problems = g_ptr_array_new_with_free_func (g_free);

  {
    g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
    g_autoptr(GPtrArray) containers = g_ptr_array_new ();
    g_autoptr(GHashTable) reached = NULL;

    collect_candidates (inv, root, leaves, containers);
    reached = tab_through (root);

    for (guint i = 0; i < leaves->len; i++)
      g_ptr_array_add (inv->controls, g_ptr_array_index (leaves, i));
    for (guint i = 0; i < containers->len; i++)
      if (g_hash_table_contains (reached, g_ptr_array_index (containers, i)))
        g_ptr_array_add (inv->controls, g_ptr_array_index (containers, i));

    check_names (inv);
    check_images (inv, root);
    check_tab_order (inv, leaves, reached);
  }

  g_test_message ("%s (%d px wide): %u controls; %u without a name, %u duplicate names, "
                  "%u of %u images without a description, %u skipped by Tab; "
                  "%u parts of libadwaita's own widgets left out",
                  where, gtk_widget_get_width (root), inv->controls->len, inv->n_unnamed, inv->n_duplicates,
                  inv->n_images, inv->n_images_seen, inv->n_skipped, inv->n_library);
  for (guint i = 0; i < inv->problems->len; i++)
    g_test_message ("  %s", (char *)g_ptr_array_index (inv->problems, i));
}

/* Layout runs in the frame clock: wait for two frames. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  (*(guint *)user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *)data >= 2;
}

static gboolean
is_moving_stack (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget));
}

static gboolean
transitions_done (gpointer data)
{
  return carta_test_find_widget (data, is_moving_stack, NULL) == NULL;
}

/* ...and for pages that slide in to have done so: half-way, both the
 * old and the new page are on screen. */
static void
settle (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &frames, NULL);

  carta_test_wait_until (two_frames, &frames, 10);
  carta_test_wait_until (transitions_done, widget, 10);
  gtk_widget_remove_tick_callback (widget, id);
  while (g_main_context_iteration (NULL, FALSE));
}

typedef struct
{
  GtkWidget *window;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;
  int width = gtk_widget_get_width (wait->window);

  return wait->width < 500 ? width > 0 && width <= wait->width : width >= wait->width - 100;
}

static CartaWindow *
window_with_sample (int width)
{
  CartaWindow *window = CARTA_WINDOW (carta_test_window_with_sample (app));
  WidthWait wait;

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  wait.window = GTK_WIDGET (window);
  wait.width = width;
  carta_test_wait_until (has_width, &wait, 10);
  settle (GTK_WIDGET (window));

  return window;
}

typedef struct
{
  const char *name;
  int         width;
} Scene;

static void
show_record (CartaWindow *window)
{
  GListModel *items = carta_case_get_items (carta_window_get_case (window));

  /* A record with attachments shows the most controls. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);

      if (g_list_model_get_n_items (carta_checklist_item_get_attachments (item)) > 0)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                                     carta_checklist_item_get_id (item)));
          return;
        }
    }

  g_assert_not_reached ();
}

/* The one menu button with a popover of its own rather than a menu. */
static gboolean
is_cases_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return carta_test_find_dialog () != NULL;
}

static void
test_page (gconstpointer data)
{
  const Scene *scene = data;
  g_auto(Inventory) inv = { 0 };
  g_autofree char *where = NULL;
  CartaWindow *window = window_with_sample (scene->width);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWindow *dialog = NULL;
  g_autofree char *bundle = NULL;
  g_autoptr(CartaCase) kase = NULL;
  GtkMenuButton *popup = NULL;

  if (g_str_equal (scene->name, "record"))
    show_record (window);
  else if (g_str_equal (scene->name, "welcome"))
    {
      /* With no case open; the sample comes back after. */
      kase = g_object_ref (carta_window_get_case (window));
      carta_window_set_case (window, NULL);
    }
  else if (g_str_equal (scene->name, "checklist-search") || g_str_equal (scene->name, "guide-search"))
    {
      /* Ctrl+F: the checklist's own search on its page, the guide's from the Case page. */
      gtk_widget_activate_action (root, "win.show-page", "s",
                                  g_str_equal (scene->name, "checklist-search") ? "checklist" : "case");
      g_assert_true (gtk_widget_activate_action (root, "win.search", NULL));
    }
  else if (g_str_equal (scene->name, "new-case") || g_str_equal (scene->name, "rename-case") ||
           g_str_equal (scene->name, "delete-case"))
    {
      g_autofree char *action = g_strdup_printf ("win.%s", scene->name);

      g_assert_true (gtk_widget_activate_action (root, action, NULL));
      carta_test_wait_until (dialog_shown, NULL, 10);
      dialog = GTK_WINDOW (carta_test_find_dialog ());
    }
  else if (g_str_equal (scene->name, "cases-menu"))
    {
      /* The popover is the cases button's child: the walk from the
       * window reaches it. */
      popup = GTK_MENU_BUTTON (carta_test_find_widget (root, is_cases_button, NULL));
      g_assert_nonnull (popup);
      gtk_menu_button_popup (popup);
    }
  else if (g_str_equal (scene->name, "add-record"))
    {
      GtkWidget *page = carta_test_find_widget_of_type (root, g_type_from_name ("CartaChecklistPage"));
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (carta_case_get_items (carta_window_get_case (window)), 0);

      g_assert_true (gtk_widget_activate_action (root, "win.show-page", "s", "checklist"));
      g_assert_true (gtk_widget_activate_action (page, "checklist.add-item", "s",
                                                 carta_checklist_item_get_category (item)));
      carta_test_wait_until (dialog_shown, NULL, 10);
      dialog = GTK_WINDOW (carta_test_find_dialog ());
    }
  else if (g_str_equal (scene->name, "send"))
    {
      int fd = g_file_open_tmp ("carta-a11y-XXXXXX.zip", &bundle, NULL);
      g_autoptr(GFile) file = NULL;

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, "PK", 2), ==, 2);
      close (fd);
      file = g_file_new_for_path (bundle);
      dialog = GTK_WINDOW (carta_send_dialog_new (GTK_WINDOW (window), file));
      if (scene->width < 500)
        gtk_window_set_default_size (dialog, scene->width, -1);
      gtk_window_present (dialog);
    }
  else
    {
      /* The list, not a record left open by an earlier scene. */
      if (g_str_equal (scene->name, "checklist"))
        gtk_widget_activate_action (root, "win.show-page", "s", "case");
      g_assert_true (gtk_widget_activate_action (root, "win.show-page", "s", scene->name));
      if (g_str_equal (scene->name, "checklist"))
        {
          GtkWidget *page = carta_test_find_widget_of_type (root, g_type_from_name ("CartaChecklistPage"));
          gtk_widget_activate_action (page, "checklist.back", NULL);
          gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (carta_test_find_widget_of_type (page, GTK_TYPE_SEARCH_BAR)), FALSE);
        }
    }

  if (dialog != NULL)
    root = GTK_WIDGET (dialog);
  settle (root);
  /* An open popover keeps the keyboard to itself: walk just that. */
  if (popup != NULL)
    root = GTK_WIDGET (gtk_menu_button_get_popover (popup));

  where = g_strdup_printf ("%s at %d px", scene->name, scene->width);
  inventory_run (&inv, root, where);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  if (kase != NULL)
    carta_window_set_case (window, kase);
  if (popup != NULL)
    gtk_menu_button_popdown (popup);
  if (bundle != NULL)
    g_unlink (bundle);
  while (g_main_context_iteration (NULL, FALSE));

  if (inv.problems->len > 0)
    g_test_fail_printf ("%s: %u accessibility problems", where, inv.problems->len);
}

static const Scene scenes[] = {
  { "welcome", 1000 },
  { "guide", 1000 },
  { "guide-search", 1000 },
  { "checklist-search", 1000 },
  { "checklist", 1000 },
  { "record", 1000 },
  { "case", 1000 },
  { "export", 1000 },
  { "cases-menu", 1000 },
  { "new-case", 1000 },
  { "rename-case", 1000 },
  { "delete-case", 1000 },
  { "add-record", 1000 },
  { "send", 1000 },
  { "welcome", 360 },
  { "guide", 360 },
  { "guide-search", 360 },
  { "checklist-search", 360 },
  { "checklist", 360 },
  { "record", 360 },
  { "case", 360 },
  { "export", 360 },
  { "cases-menu", 360 },
  { "new-case", 360 },
  { "rename-case", 360 },
  { "delete-case", 360 },
  { "add-record", 360 },
  { "send", 360 },
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = carta_test_init_with_own_home ("carta-test-a11y", &argc, &argv);
  int status;

  app = carta_test_start_application ();
  /* GNOME's title buttons. GTK's own default adds minimize and
   * maximize, and the header bar, which centres its title strictly,
   * then needs 391 px. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/a11y/%s/%d", scenes[i].name, scenes[i].width);
      g_test_add_data_func (path, &scenes[i], test_page);
    }

  status = g_test_run ();
  g_clear_object (&app);
  carta_test_remove_home (home);

  return status;
}

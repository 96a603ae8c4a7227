/* carta-profile-page.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-date-row.h"
#include "carta-date.h"
#include "carta-host.h"
#include "carta-profile-page.h"
#include "carta-validate.h"

typedef struct _ListSection ListSection;

/* What differs between the lists of records on the page. */
typedef struct
{
  GListModel *(*get_model) (CartaCase *kase);
  void        (*insert)    (CartaCase *kase,
                            guint      position,
                            gpointer   item);
  gboolean    (*remove)    (CartaCase *kase,
                            gpointer   item,
                            guint     *position);
  gboolean    (*move)      (CartaCase *kase,
                            gpointer   item,
                            guint      position);
  GType       (*get_type)  (void);
  void        (*fill)      (ListSection    *section,
                            AdwExpanderRow *row,
                            GObject        *item);
  void        (*describe)  (AdwExpanderRow *row,
                            GObject        *item,
                            guint           index);
  const char   *add_label;
  const char   *remove_label;
  const char   *removed_message;
  const char   *empty_message;
} ListKind;

struct _ListSection
{
  CartaProfilePage    *page;
  const ListKind      *kind;
  AdwPreferencesGroup *group;
  GListModel          *model;
  GPtrArray           *rows;
};

struct _CartaProfilePage
{
  AdwBin               parent_instance;

  CartaCase           *kase;
  GPtrArray           *bindings;
  guint                syncing : 1;

  ListSection          contacts;
  ListSection          lines;
  ListSection          transplants;
  ListSection          carts;
  ListSection          labs;

  /* Template widgets. The AdwPreferencesPage is not bound: AdwBin
   * unparents its own child, and gtk_widget_dispose_template() would too. */
  AdwEntryRow         *name_row;
  AdwEntryRow         *other_names_row;
  CartaDateRow        *birth_row;
  AdwComboRow         *sex_row;
  AdwEntryRow         *country_row;
  AdwEntryRow         *languages_row;
  AdwEntryRow         *preferred_language_row;
  GtkSpinButton       *weight_spin;
  GtkSpinButton       *height_spin;
  AdwPreferencesGroup *contacts_group;
  AdwComboRow         *disease_row;
  AdwEntryRow         *disease_other_row;
  CartaDateRow        *diagnosis_date_row;
  AdwComboRow         *state_row;
  AdwComboRow         *cns_row;
  AdwEntryRow         *cd19_row;
  AdwActionRow        *cd19_error_row;
  AdwEntryRow         *bcma_row;
  AdwActionRow        *bcma_error_row;
  AdwEntryRow         *antigen_method_row;
  CartaDateRow        *antigen_date_row;
  AdwPreferencesGroup *lines_group;
  AdwPreferencesGroup *transplants_group;
  AdwPreferencesGroup *carts_group;
  AdwComboRow         *failed_row;
  AdwEntryRow         *failed_reason_row;
  AdwComboRow         *ecog_row;
  AdwEntryRow         *infections_row;
  AdwEntryRow         *illnesses_row;
  AdwEntryRow         *medication_row;
  AdwPreferencesGroup *labs_group;
  GtkTextView         *questions_view;
};

G_DEFINE_FINAL_TYPE (CartaProfilePage, carta_profile_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *sex_values[] = { NULL, "female", "male", "other" };

static const char *response_short_label (int value);

/* ------------------------------------------------------------------ */
/* Bindings between model properties and rows                          */

static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

static gboolean
enum_to_uint (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
uint_to_enum (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  guint value = g_value_get_uint (from);

  if (value == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_enum (to, (int) value);
  return TRUE;
}

static GBinding *
bind_text (gpointer     object,
           const char  *property,
           AdwEntryRow *row)
{
  return g_object_bind_property_full (object, property, row, "text",
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      null_to_empty, NULL, NULL, NULL);
}

static GBinding *
bind_enum (gpointer     object,
           const char  *property,
           AdwComboRow *row)
{
  return g_object_bind_property_full (object, property, row, "selected",
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      enum_to_uint, uint_to_enum, NULL, NULL);
}

static GBinding *
bind_date (gpointer      object,
           const char   *property,
           CartaDateRow *row)
{
  return g_object_bind_property (object, property, row, "date",
                                 G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
set_labels (AdwComboRow  *row,
            const char *(*to_label) (int value),
            guint         n_values)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (list, to_label ((int) i));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static GtkWidget *
new_entry_row (const char *title)
{
  return g_object_new (ADW_TYPE_ENTRY_ROW, "title", title, NULL);
}

static GtkWidget *
new_combo_row (const char  *title,
               const char *(*to_label) (int value),
               guint        n_values)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_labels (ADW_COMBO_ROW (row), to_label, n_values);

  return row;
}

static void
show_error (AdwActionRow *error_row,
            GtkWidget    *row,
            const char   *message)
{
  gtk_widget_set_visible (GTK_WIDGET (error_row), message != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message ? message : "");

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

/* ------------------------------------------------------------------ */
/* Lists of records                                                     */

static void rebuild_section (ListSection *section);

static void
on_undo_remove_cb (AdwToast *toast,
                   gpointer  user_data)
{
  ListSection *section = user_data;
  CartaCase *kase = g_object_get_data (G_OBJECT (toast), "case");
  GObject *item = g_object_get_data (G_OBJECT (toast), "item");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "position"));

  section->kind->insert (kase, position, item);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  ListSection *section = user_data;
  CartaProfilePage *self = section->page;
  GObject *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(GObject) keep = g_object_ref (item);
  AdwToast *toast;
  guint position;

  if (self->kase == NULL || !section->kind->remove (self->kase, item, &position))
    return;

  toast = adw_toast_new (_(section->kind->removed_message));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "case", g_object_ref (self->kase), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "item", g_steal_pointer (&keep), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "position", GUINT_TO_POINTER (position));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), section);
  carta_host_add_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
find_row (ListSection *section,
          GObject     *item)
{
  for (guint i = 0; i < section->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (section->rows, i);

      if (g_object_get_data (G_OBJECT (row), "item") == item)
        return row;
    }

  return NULL;
}

static void
move_item (ListSection *section,
           GtkWidget   *button,
           int          delta)
{
  CartaProfilePage *self = section->page;
  GObject *item = g_object_get_data (G_OBJECT (button), "item");
  gboolean up = delta < 0;
  GtkWidget *row;
  guint position;

  if (self->kase == NULL || section->model == NULL ||
      !g_list_store_find (G_LIST_STORE (section->model), item, &position))
    return;

  if ((up && position == 0) || (!up && position + 1 >= g_list_model_get_n_items (section->model)))
    return;

  section->kind->move (self->kase, item, up ? position - 1 : position + 1);

  /* The rows were rebuilt: keep the keyboard on the moved line. */
  if ((row = find_row (section, item)))
    {
      GtkWidget *same = g_object_get_data (G_OBJECT (row), up ? "up-button" : "down-button");
      GtkWidget *other = g_object_get_data (G_OBJECT (row), up ? "down-button" : "up-button");

      gtk_widget_grab_focus (gtk_widget_get_sensitive (same) ? same : other);
    }
}

static void
on_up_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  move_item (user_data, GTK_WIDGET (button), -1);
}

static void
on_down_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  move_item (user_data, GTK_WIDGET (button), +1);
}

static void
on_item_notify_cb (AdwExpanderRow *row,
                   GParamSpec     *pspec,
                   GObject        *item)
{
  ListSection *section = g_object_get_data (G_OBJECT (row), "section");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  section->kind->describe (row, item, index);
}

static void
on_row_expanded_cb (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    GObject        *item)
{
  g_object_set_data (item, "carta-profile-expanded",
                     GINT_TO_POINTER (adw_expander_row_get_expanded (row)));
}

static GtkWidget *
new_text_button (const char *label,
                 const char *icon_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static GtkWidget *
create_row (ListSection *section,
            GObject     *item,
            guint        index,
            guint        n_items)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *warning;
  GtkWidget *remove;

  g_object_set_data (G_OBJECT (row), "item", item);
  g_object_set_data (G_OBJECT (row), "section", section);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (warning, "error");
  gtk_widget_set_visible (warning, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Needs checking"),
                                  -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), warning);
  g_object_set_data (G_OBJECT (row), "warning-icon", warning);

  section->kind->fill (section, ADW_EXPANDER_ROW (row), item);

  /* Text buttons inside the record: arrows in the header would look
   * like the expander's own arrow. */
  if (section->kind->move != NULL)
    {
      GtkWidget *order = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *up = new_text_button (_("Move _Up"), "go-up-symbolic");
      GtkWidget *down = new_text_button (_("Move _Down"), "go-down-symbolic");

      gtk_widget_set_halign (order, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (order, 6);
      gtk_widget_set_margin_bottom (order, 6);
      g_object_set_data (G_OBJECT (up), "item", item);
      g_object_set_data (G_OBJECT (down), "item", item);
      gtk_widget_set_sensitive (up, index > 0);
      gtk_widget_set_sensitive (down, index + 1 < n_items);
      g_signal_connect (up, "clicked", G_CALLBACK (on_up_clicked_cb), section);
      g_signal_connect (down, "clicked", G_CALLBACK (on_down_clicked_cb), section);
      gtk_box_append (GTK_BOX (order), up);
      gtk_box_append (GTK_BOX (order), down);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), order);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (order)), FALSE);
      g_object_set_data (G_OBJECT (row), "up-button", up);
      g_object_set_data (G_OBJECT (row), "down-button", down);
    }

  remove = gtk_button_new_with_mnemonic (_(section->kind->remove_label));
  gtk_widget_set_halign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (remove, 6);
  gtk_widget_set_margin_bottom (remove, 6);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "item", item);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), section);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (remove)), FALSE);

  section->kind->describe (ADW_EXPANDER_ROW (row), item, index);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), row, G_CONNECT_SWAPPED);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 GPOINTER_TO_INT (g_object_get_data (item, "carta-profile-expanded")));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), item, 0);

  return row;
}

static void
clear_section (ListSection *section)
{
  for (guint i = 0; i < section->rows->len; i++)
    adw_preferences_group_remove (section->group, g_ptr_array_index (section->rows, i));
  g_ptr_array_set_size (section->rows, 0);
}

static void
rebuild_section (ListSection *section)
{
  guint n;

  clear_section (section);

  if (section->model == NULL)
    return;

  n = g_list_model_get_n_items (section->model);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(section->kind->empty_message));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (section->group, row);
      g_ptr_array_add (section->rows, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (section->model, i);
      GtkWidget *row = create_row (section, item, i, n);

      adw_preferences_group_add (section->group, row);
      g_ptr_array_add (section->rows, row);
    }
}

static void
on_section_items_changed_cb (ListSection *section,
                             guint        position,
                             guint        removed,
                             guint        added,
                             GListModel  *model)
{
  rebuild_section (section);
}

static void
set_section_model (ListSection *section,
                   GListModel  *model)
{
  if (section->model != NULL)
    g_signal_handlers_disconnect_by_data (section->model, section);

  section->model = model;

  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_section_items_changed_cb), section);

  rebuild_section (section);
}

/* The row unfolds with an animation; its fields take the focus only once
 * they are shown, so try for a moment. */
static gboolean
grab_focus_later_cb (gpointer user_data)
{
  GtkWidget *widget = user_data;
  guint tries = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "carta-focus-tries"));

  if (gtk_widget_get_root (widget) == NULL || gtk_widget_grab_focus (widget) || tries >= 40)
    return G_SOURCE_REMOVE;

  g_object_set_data (G_OBJECT (widget), "carta-focus-tries", GUINT_TO_POINTER (tries + 1));
  return G_SOURCE_CONTINUE;
}

static void
on_add_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  ListSection *section = user_data;
  g_autoptr(GObject) item = NULL;
  GtkWidget *row;

  if (section->page->kase == NULL)
    return;

  item = g_object_new (section->kind->get_type (), NULL);
  g_object_set_data (item, "carta-profile-expanded", GINT_TO_POINTER (TRUE));
  section->kind->insert (section->page->kase, G_MAXUINT, item);

  /* Straight to the first field of the new record, once the row has
   * unfolded far enough to take the focus. */
  if ((row = find_row (section, item)))
    {
      GtkWidget *first = g_object_get_data (G_OBJECT (row), "first-field");
      GtkWidget *target = first ? first : row;

      g_object_set_data (G_OBJECT (target), "carta-focus-tries", NULL);
      if (!gtk_widget_grab_focus (target))
        g_timeout_add_full (G_PRIORITY_DEFAULT, 25, grab_focus_later_cb, g_object_ref (target), g_object_unref);
    }
}

static void
init_section (CartaProfilePage    *self,
              ListSection         *section,
              const ListKind      *kind,
              AdwPreferencesGroup *group)
{
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  section->page = self;
  section->kind = kind;
  section->group = group;
  section->rows = g_ptr_array_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(kind->add_label));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), section);
  adw_preferences_group_set_header_suffix (group, add);
}

/* Adds an inner row of a record and remembers the first one to focus. */
static GtkWidget *
add_inner (AdwExpanderRow *row,
           GtkWidget      *child)
{
  if (g_object_get_data (G_OBJECT (row), "first-field") == NULL)
    g_object_set_data (G_OBJECT (row), "first-field", child);

  adw_expander_row_add_row (row, child);
  return child;
}

static void
add_text (AdwExpanderRow *row,
          GObject        *item,
          const char     *property,
          const char     *title)
{
  bind_text (item, property, ADW_ENTRY_ROW (add_inner (row, new_entry_row (title))));
}

static void
set_describe (AdwExpanderRow *row,
              const char     *title,
              const char     *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle ? subtitle : "");
}

static char *
format_or_raw (const char *date)
{
  char *text = carta_date_format (date);
  return text ? text : g_strdup (date);
}

/* Contacts */

static GListModel *
contacts_get_model (CartaCase *kase)
{
  return carta_case_get_contacts (kase);
}

static void
contacts_insert (CartaCase *kase,
                 guint      position,
                 gpointer   item)
{
  carta_case_insert_contact (kase, position, item);
}

static gboolean
contacts_remove (CartaCase *kase,
                 gpointer   item,
                 guint     *position)
{
  return carta_case_remove_contact (kase, item, position);
}

static void
contacts_fill (ListSection    *section,
               AdwExpanderRow *row,
               GObject        *item)
{
  GtkWidget *phone, *email;

  add_text (row, item, "name", _("Name"));
  add_text (row, item, "relation", _("Relation to the patient, or “Patient”"));
  phone = add_inner (row, new_entry_row (_("Phone, with country code")));
  gtk_editable_set_enable_undo (GTK_EDITABLE (phone), TRUE);
  g_object_set (phone, "input-purpose", GTK_INPUT_PURPOSE_PHONE, NULL);
  bind_text (item, "phone", ADW_ENTRY_ROW (phone));
  email = add_inner (row, new_entry_row (_("E-mail")));
  g_object_set (email, "input-purpose", GTK_INPUT_PURPOSE_EMAIL, NULL);
  bind_text (item, "email", ADW_ENTRY_ROW (email));
  add_text (row, item, "time-zone", _("Time zone or city, such as Berlin"));
}

static void
contacts_describe (AdwExpanderRow *row,
                   GObject        *item,
                   guint           index)
{
  CartaContact *contact = CARTA_CONTACT (item);
  const char *name = carta_contact_get_name (contact);

  set_describe (row, name ? name : _("New contact"), carta_contact_get_relation (contact));
}

static const ListKind contacts_kind = {
  contacts_get_model, contacts_insert, contacts_remove, NULL,
  carta_contact_get_type, contacts_fill, contacts_describe,
  N_("_Add Contact"), N_("_Remove Contact"), N_("Contact removed"), N_("No contacts yet"),
};

/* Lines of therapy */

static GListModel *
lines_get_model (CartaCase *kase)
{
  return carta_treatment_history_get_lines (carta_case_get_treatment (kase));
}

static void
lines_insert (CartaCase *kase,
              guint      position,
              gpointer   item)
{
  carta_treatment_history_insert_line (carta_case_get_treatment (kase), position, item);
}

static gboolean
lines_remove (CartaCase *kase,
              gpointer   item,
              guint     *position)
{
  return carta_treatment_history_remove_line (carta_case_get_treatment (kase), item, position);
}

static gboolean
lines_move (CartaCase *kase,
            gpointer   item,
            guint      position)
{
  return carta_treatment_history_move_line (carta_case_get_treatment (kase), item, position);
}

static void
on_line_dates_cb (CartaDateRow *end_row,
                  GParamSpec   *pspec,
                  GObject      *item)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *message = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "relapse-date"))
    g_object_get (item, "date", &start, "relapse-date", &end, NULL);
  else
    g_object_get (item, "start-date", &start, "end-date", &end, NULL);

  message = carta_validate_date_order (start, end);
  carta_date_row_set_extra_error (end_row, message);
}

static void
watch_order (GObject   *item,
             GtkWidget *end_row)
{
  g_signal_connect_object (item, "notify", G_CALLBACK (on_line_dates_cb), end_row, G_CONNECT_SWAPPED);
  on_line_dates_cb (CARTA_DATE_ROW (end_row), NULL, item);
}

static void
lines_fill (ListSection    *section,
            AdwExpanderRow *row,
            GObject        *item)
{
  GtkWidget *end;

  add_text (row, item, "regimen", _("Regimen, such as R-CHOP × 6"));
  bind_date (item, "start-date", CARTA_DATE_ROW (add_inner (row, carta_date_row_new (_("Start")))));
  end = add_inner (row, carta_date_row_new (_("End")));
  bind_date (item, "end-date", CARTA_DATE_ROW (end));
  watch_order (item, end);
  bind_enum (item, "best-response",
             ADW_COMBO_ROW (add_inner (row, new_combo_row (_("Best response"),
                                                           response_short_label,
                                                           CARTA_RESPONSE_UNKNOWN + 1))));
  add_text (row, item, "notes", _("Notes"));
}

static void
lines_describe (AdwExpanderRow *row,
                GObject        *item,
                guint           index)
{
  CartaTherapyLine *line = CARTA_THERAPY_LINE (item);
  const char *regimen = carta_therapy_line_get_regimen (line);
  g_autofree char *start = format_or_raw (carta_therapy_line_get_start_date (line));
  g_autofree char *end = format_or_raw (carta_therapy_line_get_end_date (line));
  g_autofree char *title = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  CartaResponse response = carta_therapy_line_get_best_response (line);
  g_autofree char *problem = carta_validate_date_order (carta_therapy_line_get_start_date (line),
                                                        carta_therapy_line_get_end_date (line));

  if (problem == NULL)
    problem = carta_validate_date (carta_therapy_line_get_start_date (line), NULL);
  if (problem == NULL)
    problem = carta_validate_date (carta_therapy_line_get_end_date (line), NULL);

  if (regimen != NULL)
    /* TRANSLATORS: “Line 2: R-ICE”, a numbered line of therapy and its regimen */
    title = g_strdup_printf (_("Line %u: %s"), index + 1, regimen);
  else
    /* TRANSLATORS: a numbered line of therapy without a regimen yet */
    title = g_strdup_printf (_("Line %u"), index + 1);

  if (start != NULL || end != NULL)
    /* TRANSLATORS: a date range, start – end */
    dates = g_strdup_printf (_("%s – %s"), start ? start : "…", end ? end : "…");

  if (dates != NULL && response != CARTA_RESPONSE_NOT_SET)
    subtitle = g_strdup_printf ("%s · %s", dates, carta_response_to_label (response));
  else if (response != CARTA_RESPONSE_NOT_SET)
    subtitle = g_strdup (carta_response_to_label (response));
  else
    subtitle = g_steal_pointer (&dates);

  /* A wrong date shows even while the line is folded. */
  if (problem != NULL)
    {
      g_autofree char *both = subtitle ? g_strdup_printf ("%s\n%s", subtitle, problem) : g_strdup (problem);

      g_free (subtitle);
      subtitle = g_steal_pointer (&both);
    }

  /* Only the folded header is marked: an “error” class on the row would
   * turn every field inside it red. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "warning-icon"), problem != NULL);

  set_describe (row, title, subtitle);
}

static const ListKind lines_kind = {
  lines_get_model, lines_insert, lines_remove, lines_move,
  carta_therapy_line_get_type, lines_fill, lines_describe,
  N_("_Add Line"), N_("_Remove Line"), N_("Line of therapy removed"), N_("No lines of therapy yet"),
};

/* Transplants */

static GListModel *
transplants_get_model (CartaCase *kase)
{
  return carta_treatment_history_get_transplants (carta_case_get_treatment (kase));
}

static void
transplants_insert (CartaCase *kase,
                    guint      position,
                    gpointer   item)
{
  carta_treatment_history_insert_transplant (carta_case_get_treatment (kase), position, item);
}

static gboolean
transplants_remove (CartaCase *kase,
                    gpointer   item,
                    guint     *position)
{
  return carta_treatment_history_remove_transplant (carta_case_get_treatment (kase), item, position);
}

static void
transplants_fill (ListSection    *section,
                  AdwExpanderRow *row,
                  GObject        *item)
{
  bind_enum (item, "kind",
             ADW_COMBO_ROW (add_inner (row, new_combo_row (_("Type"),
                                                           (gpointer) carta_transplant_type_to_label,
                                                           CARTA_TRANSPLANT_TYPE_ALLOGENEIC + 1))));
  bind_date (item, "date", CARTA_DATE_ROW (add_inner (row, carta_date_row_new (_("Date")))));
  bind_enum (item, "gvhd-grade",
             ADW_COMBO_ROW (add_inner (row, new_combo_row (_("Graft-versus-host disease (GVHD)"),
                                                           (gpointer) carta_gvhd_grade_to_label,
                                                           CARTA_GVHD_GRADE_UNKNOWN + 1))));
  add_text (row, item, "notes", _("Notes"));
}

static void
transplants_describe (AdwExpanderRow *row,
                      GObject        *item,
                      guint           index)
{
  CartaTransplant *transplant = CARTA_TRANSPLANT (item);
  CartaTransplantType kind = carta_transplant_get_kind (transplant);
  g_autofree char *date = format_or_raw (carta_transplant_get_date (transplant));
  g_autofree char *title = NULL;

  if (kind != CARTA_TRANSPLANT_TYPE_NOT_SET)
    title = g_strdup (carta_transplant_type_to_label (kind));
  else
    /* TRANSLATORS: a numbered stem-cell transplant */
    title = g_strdup_printf (_("Transplant %u"), index + 1);

  set_describe (row, title, date);
}

static const ListKind transplants_kind = {
  transplants_get_model, transplants_insert, transplants_remove, NULL,
  carta_transplant_get_type, transplants_fill, transplants_describe,
  N_("_Add Transplant"), N_("_Remove Transplant"), N_("Transplant removed"), N_("No transplants"),
};

/* Earlier CAR-T */

static GListModel *
carts_get_model (CartaCase *kase)
{
  return carta_treatment_history_get_prior_carts (carta_case_get_treatment (kase));
}

static void
carts_insert (CartaCase *kase,
              guint      position,
              gpointer   item)
{
  carta_treatment_history_insert_prior_cart (carta_case_get_treatment (kase), position, item);
}

static gboolean
carts_remove (CartaCase *kase,
              gpointer   item,
              guint     *position)
{
  return carta_treatment_history_remove_prior_cart (carta_case_get_treatment (kase), item, position);
}

static void
carts_fill (ListSection    *section,
            AdwExpanderRow *row,
            GObject        *item)
{
  GtkWidget *relapse;

  add_text (row, item, "product", _("Product or trial"));
  bind_date (item, "date", CARTA_DATE_ROW (add_inner (row, carta_date_row_new (_("Date of infusion")))));
  bind_enum (item, "response",
             ADW_COMBO_ROW (add_inner (row, new_combo_row (_("Response"),
                                                           response_short_label,
                                                           CARTA_RESPONSE_UNKNOWN + 1))));
  relapse = add_inner (row, carta_date_row_new (_("Date of relapse")));
  bind_date (item, "relapse-date", CARTA_DATE_ROW (relapse));
  watch_order (item, relapse);
  add_text (row, item, "notes", _("Notes"));
}

static void
carts_describe (AdwExpanderRow *row,
                GObject        *item,
                guint           index)
{
  CartaPriorCart *cart = CARTA_PRIOR_CART (item);
  const char *product = carta_prior_cart_get_product (cart);
  g_autofree char *date = format_or_raw (carta_prior_cart_get_date (cart));
  g_autofree char *title = NULL;

  if (product != NULL)
    title = g_strdup (product);
  else
    /* TRANSLATORS: a numbered earlier CAR-T treatment */
    title = g_strdup_printf (_("CAR-T %u"), index + 1);

  set_describe (row, title, date);
}

static const ListKind carts_kind = {
  carts_get_model, carts_insert, carts_remove, NULL,
  carta_prior_cart_get_type, carts_fill, carts_describe,
  N_("_Add CAR-T"), N_("_Remove CAR-T"), N_("CAR-T treatment removed"), N_("No earlier CAR-T"),
};

/* Labs */

static GListModel *
labs_get_model (CartaCase *kase)
{
  return carta_clinical_status_get_labs (carta_case_get_clinical_status (kase));
}

static void
labs_insert (CartaCase *kase,
             guint      position,
             gpointer   item)
{
  carta_clinical_status_insert_lab (carta_case_get_clinical_status (kase), position, item);
}

static gboolean
labs_remove (CartaCase *kase,
             gpointer   item,
             guint     *position)
{
  return carta_clinical_status_remove_lab (carta_case_get_clinical_status (kase), item, position);
}

static void
labs_fill (ListSection    *section,
           AdwExpanderRow *row,
           GObject        *item)
{
  add_text (row, item, "name", _("Test, such as neutrophils"));
  add_text (row, item, "value", _("Value"));
  add_text (row, item, "unit", _("Unit, such as 10⁹/L"));
  bind_date (item, "date", CARTA_DATE_ROW (add_inner (row, carta_date_row_new (_("Date")))));
}

static void
labs_describe (AdwExpanderRow *row,
               GObject        *item,
               guint           index)
{
  CartaLabResult *lab = CARTA_LAB_RESULT (item);
  const char *name = carta_lab_result_get_name (lab);
  const char *value = carta_lab_result_get_value (lab);
  const char *unit = carta_lab_result_get_unit (lab);
  g_autofree char *date = format_or_raw (carta_lab_result_get_date (lab));
  g_autofree char *result = NULL;

  if (value != NULL)
    result = unit ? g_strdup_printf ("%s %s", value, unit) : g_strdup (value);

  if (result != NULL && date != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s · %s", result, date);
      set_describe (row, name ? name : _("New lab result"), both);
    }
  else
    set_describe (row, name ? name : _("New lab result"), result ? result : date);
}

static const ListKind labs_kind = {
  labs_get_model, labs_insert, labs_remove, NULL,
  carta_lab_result_get_type, labs_fill, labs_describe,
  N_("_Add Result"), N_("_Remove Result"), N_("Lab result removed"), N_("No lab results yet"),
};

/* ------------------------------------------------------------------ */
/* The fixed rows                                                       */

static void
update_sex (CartaProfilePage *self)
{
  const char *sex = self->kase ? carta_patient_get_sex (carta_case_get_patient (self->kase)) : NULL;
  guint selected = 0;

  for (guint i = 1; i < G_N_ELEMENTS (sex_values); i++)
    if (g_strcmp0 (sex, sex_values[i]) == 0)
      selected = i;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->sex_row, selected);
  self->syncing = FALSE;
}

static void
on_sex_selected_cb (CartaProfilePage *self)
{
  guint selected = adw_combo_row_get_selected (self->sex_row);

  if (self->syncing || self->kase == NULL || selected >= G_N_ELEMENTS (sex_values))
    return;

  /* Any other text stored is kept until the family picks a value. */
  carta_patient_set_sex (carta_case_get_patient (self->kase), sex_values[selected]);
}

static void
update_ecog (CartaProfilePage *self)
{
  int grade = self->kase ? carta_clinical_status_get_ecog (carta_case_get_clinical_status (self->kase)) : -1;
  g_autofree char *error = carta_validate_ecog (grade);
  const char *description = carta_ecog_to_description (grade);

  self->syncing = TRUE;
  if (error != NULL)
    adw_combo_row_set_selected (self->ecog_row, GTK_INVALID_LIST_POSITION);
  else
    adw_combo_row_set_selected (self->ecog_row, (guint) (grade + 1));
  self->syncing = FALSE;

  if (error != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ecog_row), error);
      gtk_widget_add_css_class (GTK_WIDGET (self->ecog_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ecog_row),
                                   description ? description : _("How much the illness limits daily life"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->ecog_row), "error");
    }
}

static void
on_ecog_selected_cb (CartaProfilePage *self)
{
  guint selected = adw_combo_row_get_selected (self->ecog_row);

  if (self->syncing || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  carta_clinical_status_set_ecog (carta_case_get_clinical_status (self->kase), (int) selected - 1);
}

static void
update_diagnosis (CartaProfilePage *self)
{
  CartaDiagnosis *diagnosis = self->kase ? carta_case_get_diagnosis (self->kase) : NULL;
  g_autofree char *cd19 = NULL;
  g_autofree char *bcma = NULL;

  if (diagnosis != NULL)
    {
      cd19 = carta_validate_percent (carta_diagnosis_get_cd19_percent (diagnosis));
      bcma = carta_validate_percent (carta_diagnosis_get_bcma_percent (diagnosis));
    }

  /* The list shows short names; the full name is spelled out below. */
  if (diagnosis != NULL && carta_diagnosis_get_disease (diagnosis) != CARTA_DISEASE_NOT_SET &&
      carta_diagnosis_get_disease (diagnosis) != CARTA_DISEASE_OTHER)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->disease_row),
                                 carta_disease_to_label (carta_diagnosis_get_disease (diagnosis)));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->disease_row), NULL);

  show_error (self->cd19_error_row, GTK_WIDGET (self->cd19_row), cd19);
  show_error (self->bcma_error_row, GTK_WIDGET (self->bcma_row), bcma);

  gtk_widget_set_visible (GTK_WIDGET (self->disease_other_row),
                          diagnosis != NULL &&
                          (carta_diagnosis_get_disease (diagnosis) == CARTA_DISEASE_OTHER ||
                           carta_diagnosis_get_disease_other (diagnosis) != NULL));
}

static void
update_failed_reason (CartaProfilePage *self)
{
  CartaTreatmentHistory *treatment = self->kase ? carta_case_get_treatment (self->kase) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->failed_reason_row),
                          treatment != NULL &&
                          (carta_treatment_history_get_failed_manufacturing (treatment) == CARTA_ANSWER_YES ||
                           carta_treatment_history_get_failed_manufacturing_reason (treatment) != NULL));
}

static void
update_questions (CartaProfilePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->questions_view);
  const char *questions = self->kase ? carta_case_get_questions (self->kase) : NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, questions ? questions : "") == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, questions ? questions : "", -1);
  self->syncing = FALSE;
}

static void
on_questions_changed_cb (CartaProfilePage *self,
                         GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->kase == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  carta_case_set_questions (self->kase, text);
}

static void
unbind_all (CartaProfilePage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->kase, self);
      g_signal_handlers_disconnect_by_data (carta_case_get_patient (self->kase), self);
      g_signal_handlers_disconnect_by_data (carta_case_get_diagnosis (self->kase), self);
      g_signal_handlers_disconnect_by_data (carta_case_get_treatment (self->kase), self);
      g_signal_handlers_disconnect_by_data (carta_case_get_clinical_status (self->kase), self);
    }
}

#define KEEP(binding) g_ptr_array_add (self->bindings, (binding))

static void
bind_all (CartaProfilePage *self)
{
  CartaCase *kase = self->kase;
  CartaPatient *patient;
  CartaDiagnosis *diagnosis;
  CartaTreatmentHistory *treatment;
  CartaClinicalStatus *status;

  gtk_widget_set_sensitive (adw_bin_get_child (ADW_BIN (self)), kase != NULL);

  set_section_model (&self->contacts, kase ? contacts_get_model (kase) : NULL);
  set_section_model (&self->lines, kase ? lines_get_model (kase) : NULL);
  set_section_model (&self->transplants, kase ? transplants_get_model (kase) : NULL);
  set_section_model (&self->carts, kase ? carts_get_model (kase) : NULL);
  set_section_model (&self->labs, kase ? labs_get_model (kase) : NULL);

  update_sex (self);
  update_ecog (self);
  update_diagnosis (self);
  update_failed_reason (self);
  update_questions (self);

  if (kase == NULL)
    return;

  patient = carta_case_get_patient (kase);
  diagnosis = carta_case_get_diagnosis (kase);
  treatment = carta_case_get_treatment (kase);
  status = carta_case_get_clinical_status (kase);

  KEEP (bind_text (patient, "name", self->name_row));
  KEEP (bind_text (patient, "other-names", self->other_names_row));
  KEEP (bind_date (patient, "date-of-birth", self->birth_row));
  KEEP (bind_text (patient, "country", self->country_row));
  KEEP (bind_text (patient, "languages", self->languages_row));
  KEEP (bind_text (patient, "preferred-language", self->preferred_language_row));
  KEEP (g_object_bind_property (patient, "weight-kg", gtk_spin_button_get_adjustment (self->weight_spin), "value",
                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
  KEEP (g_object_bind_property (patient, "height-cm", gtk_spin_button_get_adjustment (self->height_spin), "value",
                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
  g_signal_connect_object (patient, "notify::sex", G_CALLBACK (update_sex), self, G_CONNECT_SWAPPED);

  KEEP (bind_enum (diagnosis, "disease", self->disease_row));
  KEEP (bind_text (diagnosis, "disease-other", self->disease_other_row));
  KEEP (bind_date (diagnosis, "diagnosis-date", self->diagnosis_date_row));
  KEEP (bind_enum (diagnosis, "state", self->state_row));
  KEEP (bind_enum (diagnosis, "cns-involvement", self->cns_row));
  KEEP (bind_text (diagnosis, "cd19-percent", self->cd19_row));
  KEEP (bind_text (diagnosis, "bcma-percent", self->bcma_row));
  KEEP (bind_text (diagnosis, "antigen-method", self->antigen_method_row));
  KEEP (bind_date (diagnosis, "antigen-date", self->antigen_date_row));
  g_signal_connect_object (diagnosis, "notify", G_CALLBACK (update_diagnosis), self, G_CONNECT_SWAPPED);

  KEEP (bind_enum (treatment, "failed-manufacturing", self->failed_row));
  KEEP (bind_text (treatment, "failed-manufacturing-reason", self->failed_reason_row));
  g_signal_connect_object (treatment, "notify", G_CALLBACK (update_failed_reason), self, G_CONNECT_SWAPPED);

  KEEP (bind_text (status, "infections", self->infections_row));
  KEEP (bind_text (status, "other-illnesses", self->illnesses_row));
  KEEP (bind_text (status, "medication", self->medication_row));
  g_signal_connect_object (status, "notify::ecog", G_CALLBACK (update_ecog), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (kase, "notify::questions", G_CALLBACK (update_questions), self, G_CONNECT_SWAPPED);
}

#undef KEEP

/* ------------------------------------------------------------------ */

static void
carta_profile_page_dispose (GObject *object)
{
  CartaProfilePage *self = (CartaProfilePage *)object;

  if (self->bindings != NULL)
    unbind_all (self);

  set_section_model (&self->contacts, NULL);
  set_section_model (&self->lines, NULL);
  set_section_model (&self->transplants, NULL);
  set_section_model (&self->carts, NULL);
  set_section_model (&self->labs, NULL);
  g_clear_object (&self->kase);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_PROFILE_PAGE);

  G_OBJECT_CLASS (carta_profile_page_parent_class)->dispose (object);
}

static void
carta_profile_page_finalize (GObject *object)
{
  CartaProfilePage *self = (CartaProfilePage *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->contacts.rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines.rows, g_ptr_array_unref);
  g_clear_pointer (&self->transplants.rows, g_ptr_array_unref);
  g_clear_pointer (&self->carts.rows, g_ptr_array_unref);
  g_clear_pointer (&self->labs.rows, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_profile_page_parent_class)->finalize (object);
}

static void
carta_profile_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CartaProfilePage *self = CARTA_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_profile_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CartaProfilePage *self = CARTA_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      carta_profile_page_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_profile_page_map (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  /* See carta_profile_page_init(): the form joins the layout once shown. */
  if (child != NULL)
    gtk_widget_set_visible (child, TRUE);

  GTK_WIDGET_CLASS (carta_profile_page_parent_class)->map (widget);
}

static void
carta_profile_page_class_init (CartaProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = carta_profile_page_map;

  object_class->dispose = carta_profile_page_dispose;
  object_class->finalize = carta_profile_page_finalize;
  object_class->get_property = carta_profile_page_get_property;
  object_class->set_property = carta_profile_page_set_property;

  /**
   * CartaProfilePage:case:
   *
   * The case whose profile is shown, or %NULL.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CARTA_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARTA_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/profile/carta-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, other_names_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, country_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, languages_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, preferred_language_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, height_spin);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, disease_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, disease_other_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, diagnosis_date_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cns_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cd19_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, cd19_error_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, bcma_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, bcma_error_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, antigen_method_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, antigen_date_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, lines_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, transplants_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, carts_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, failed_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, failed_reason_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, ecog_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, infections_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, illnesses_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, medication_row);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, labs_group);
  gtk_widget_class_bind_template_child (widget_class, CartaProfilePage, questions_view);
}

/* Combo rows show the choice beside the title: keep it short. */
static const char *
response_short_label (int value)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: short forms of complete response, partial response,
     * stable disease and progressive disease */
    N_("Complete (CR)"),
    N_("Partial (PR)"),
    N_("Stable (SD)"),
    N_("Progressive (PD)"),
    N_("Not known"),
  };

  return _(labels[value]);
}

static const char *
disease_short_label (int value)
{
  static const char *labels[] = {
    N_("Not given"),
    N_("B-ALL"),
    N_("DLBCL"),
    N_("Follicular lymphoma"),
    N_("Mantle cell lymphoma"),
    N_("CLL / SLL"),
    N_("Multiple myeloma"),
    /* TRANSLATORS: a disease not in the list */
    N_("Other"),
  };

  return _(labels[value]);
}

static const char *
ecog_label (int index)
{
  static const char *labels[] = {
    N_("Not given"),
    /* TRANSLATORS: ECOG grades; the row shows a plain description below */
    N_("Grade 0"),
    N_("Grade 1"),
    N_("Grade 2"),
    N_("Grade 3"),
    N_("Grade 4"),
  };

  return _(labels[index]);
}

static void
carta_profile_page_init (CartaProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The view stack measures every page, shown or not, and measuring this
   * long form costs more than drawing the first window; it stays out of
   * the layout until the page is first shown. */
  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), FALSE);

  self->bindings = g_ptr_array_new ();

  carta_date_row_set_show_age (self->birth_row, TRUE);
  set_labels (self->disease_row, disease_short_label, CARTA_DISEASE_OTHER + 1);
  set_labels (self->state_row, (gpointer) carta_disease_state_to_label, CARTA_DISEASE_STATE_UNKNOWN + 1);
  set_labels (self->cns_row, (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
  set_labels (self->failed_row, (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
  set_labels (self->ecog_row, ecog_label, 6);

  init_section (self, &self->contacts, &contacts_kind, self->contacts_group);
  init_section (self, &self->lines, &lines_kind, self->lines_group);
  init_section (self, &self->transplants, &transplants_kind, self->transplants_group);
  init_section (self, &self->carts, &carts_kind, self->carts_group);
  init_section (self, &self->labs, &labs_kind, self->labs_group);

  g_signal_connect_object (self->sex_row, "notify::selected", G_CALLBACK (on_sex_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ecog_row, "notify::selected", G_CALLBACK (on_ecog_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->questions_view), "changed",
                           G_CALLBACK (on_questions_changed_cb), self, G_CONNECT_SWAPPED);

  bind_all (self);
}

GtkWidget *
carta_profile_page_new (void)
{
  return g_object_new (CARTA_TYPE_PROFILE_PAGE, NULL);
}

/**
 * carta_profile_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
CartaCase *
carta_profile_page_get_case (CartaProfilePage *self)
{
  g_return_val_if_fail (CARTA_IS_PROFILE_PAGE (self), NULL);
  return self->kase;
}

void
carta_profile_page_set_case (CartaProfilePage *self,
                             CartaCase        *kase)
{
  g_return_if_fail (CARTA_IS_PROFILE_PAGE (self));
  g_return_if_fail (!kase || CARTA_IS_CASE (kase));

  if (self->kase == kase)
    return;

  /* The old case stays referenced until its bindings are gone. */
  unbind_all (self);
  g_set_object (&self->kase, kase);
  bind_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

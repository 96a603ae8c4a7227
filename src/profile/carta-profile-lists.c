/* carta-profile-lists.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-profile-lists"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-date-row.h"
#include "carta-date.h"
#include "carta-profile-lists.h"
#include "carta-validate.h"

/* The five lists of records on the case page: for each, how to reach it
 * in the case, the fields of one record and how a folded record reads.
 * CartaListGroup does the rest. */

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

static GBinding *
bind_text (gpointer     object,
           const char  *property,
           AdwEntryRow *row)
{
  return g_object_bind_property_full (object, property, row, "text",
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      carta_profile_null_to_empty, NULL, NULL, NULL);
}

static GBinding *
bind_enum (gpointer     object,
           const char  *property,
           AdwComboRow *row)
{
  return g_object_bind_property_full (object, property, row, "selected",
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      carta_profile_enum_to_uint, carta_profile_uint_to_enum, NULL, NULL);
}

static GBinding *
bind_date (gpointer      object,
           const char   *property,
           CartaDateRow *row)
{
  return g_object_bind_property (object, property, row, "date",
                                 G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
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
  carta_profile_set_labels (ADW_COMBO_ROW (row), to_label, n_values);

  return row;
}

static void
add_text (CartaListRow *row,
          GObject      *item,
          const char   *property,
          const char   *title)
{
  bind_text (item, property, ADW_ENTRY_ROW (carta_list_row_add_field (row, new_entry_row (title))));
}

static void
add_combo (CartaListRow  *row,
           GObject       *item,
           const char    *property,
           const char    *title,
           const char *(*to_label) (int value),
           guint          n_values)
{
  bind_enum (item, property,
             ADW_COMBO_ROW (carta_list_row_add_field (row, new_combo_row (title, to_label, n_values))));
}

static void
set_describe (CartaListRow *row,
              const char   *title,
              const char   *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : "");
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

/* The messaging apps offered, as kept in case.json; 0 is none. */
static const char *messaging_apps[] = { NULL, "wechat", "whatsapp", "telegram", "signal", "line", "other" };

static const char *
messaging_app_label (int value)
{
  if (value <= 0 || value >= (int)G_N_ELEMENTS (messaging_apps))
    return _("Not given");
  if (g_str_equal (messaging_apps[value], "other"))
    /* TRANSLATORS: a messaging app not in the list (WeChat, WhatsApp…) */
    return _("Other app");
  /* The apps' own names, as their users write them. */
  return carta_contact_get_messaging_app_name (messaging_apps[value]);
}

/* Both ways between the app's nickname and its place in the list. */
static gboolean
transform_messaging_app (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      data)
{
  const char *app;
  guint selected = 0;

  if (!G_VALUE_HOLDS_STRING (from))
    {
      selected = g_value_get_uint (from);
      g_value_set_string (to, selected < G_N_ELEMENTS (messaging_apps) ? messaging_apps[selected] : NULL);
      return TRUE;
    }

  app = g_value_get_string (from);
  for (guint i = 1; app != NULL && i < G_N_ELEMENTS (messaging_apps); i++)
    if (g_str_equal (app, messaging_apps[i]))
      selected = i;

  /* An app written by a newer Carta reads as "other" here. */
  if (app != NULL && selected == 0)
    selected = G_N_ELEMENTS (messaging_apps) - 1;

  g_value_set_uint (to, selected);
  return TRUE;
}

static void
add_messaging (CartaListRow *row,
               GObject      *item)
{
  GtkWidget *app = new_combo_row (_("Messaging app"), messaging_app_label, G_N_ELEMENTS (messaging_apps));

  g_object_bind_property_full (item, "messaging-app",
                               carta_list_row_add_field (row, app), "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               transform_messaging_app, transform_messaging_app, NULL, NULL);
  add_text (row, item, "messaging-id", _("Messaging ID, such as a WeChat ID"));
}

static void
contacts_fill (CartaListRow *row,
               GObject      *item)
{
  GtkWidget *phone, *email;

  add_text (row, item, "name", _("Name"));
  add_text (row, item, "relation", _("Relation to the patient, or “Patient”"));
  phone = carta_list_row_add_field (row, new_entry_row (_("Phone, with country code")));
  gtk_editable_set_enable_undo (GTK_EDITABLE (phone), TRUE);
  g_object_set (phone, "input-purpose", GTK_INPUT_PURPOSE_PHONE, NULL);
  bind_text (item, "phone", ADW_ENTRY_ROW (phone));
  email = carta_list_row_add_field (row, new_entry_row (_("E-mail")));
  g_object_set (email, "input-purpose", GTK_INPUT_PURPOSE_EMAIL, NULL);
  bind_text (item, "email", ADW_ENTRY_ROW (email));
  add_text (row, item, "time-zone", _("Time zone or city, such as Berlin"));
  add_messaging (row, item);
}

static void
contacts_describe (CartaListRow *row,
                   GObject      *item,
                   guint         index)
{
  CartaContact *contact = CARTA_CONTACT (item);
  const char *name = carta_contact_get_name (contact);

  set_describe (row, name ? name : _("New contact"), carta_contact_get_relation (contact));
}

const CartaListKind carta_profile_contacts_kind = {
  .get_model = contacts_get_model,
  .insert = contacts_insert,
  .remove = contacts_remove,
  .get_type = carta_contact_get_type,
  .fill = contacts_fill,
  .describe = contacts_describe,
  .add_label = N_("_Add Contact"),
  .remove_label = N_("_Remove Contact"),
  .removed_message = N_("Contact removed"),
  .empty_message = N_("No contacts yet"),
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

  g_assert (CARTA_IS_DATE_ROW (end_row));

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
lines_fill (CartaListRow *row,
            GObject      *item)
{
  GtkWidget *end;

  add_text (row, item, "regimen", _("Regimen, such as R-CHOP × 6"));
  bind_date (item, "start-date", CARTA_DATE_ROW (carta_list_row_add_field (row, carta_date_row_new (_("Start")))));
  end = carta_list_row_add_field (row, carta_date_row_new (_("End")));
  bind_date (item, "end-date", CARTA_DATE_ROW (end));
  watch_order (item, end);
  bind_enum (item, "best-response",
             ADW_COMBO_ROW (carta_list_row_add_field (row, new_combo_row (_("Best response"),
                                                           response_short_label,
                                                           CARTA_RESPONSE_UNKNOWN + 1))));
  add_text (row, item, "notes", _("Notes"));
}

/* A wrong date shows even while the line is folded. */
static char *
line_date_problem (CartaTherapyLine *line)
{
  const char *start = carta_therapy_line_get_start_date (line);
  const char *end = carta_therapy_line_get_end_date (line);
  char *problem = carta_validate_date_order (start, end);

  if (problem == NULL)
    problem = carta_validate_date (start, NULL);
  if (problem == NULL)
    problem = carta_validate_date (end, NULL);

  return problem;
}

static char *
line_title (CartaTherapyLine *line,
            guint             index)
{
  const char *regimen = carta_therapy_line_get_regimen (line);

  if (regimen != NULL)
    /* TRANSLATORS: “Line 2: R-ICE”, a numbered line of therapy and its regimen */
    return g_strdup_printf (_("Line %u: %s"), index + 1, regimen);

  /* TRANSLATORS: a numbered line of therapy without a regimen yet */
  return g_strdup_printf (_("Line %u"), index + 1);
}

/* The dates and the best response, such as “1 Mar – 2 Jun · Complete response”. */
static char *
line_summary (CartaTherapyLine *line)
{
  g_autofree char *start = format_or_raw (carta_therapy_line_get_start_date (line));
  g_autofree char *end = format_or_raw (carta_therapy_line_get_end_date (line));
  g_autofree char *dates = NULL;
  CartaResponse response = carta_therapy_line_get_best_response (line);

  if (start != NULL || end != NULL)
    /* TRANSLATORS: a date range, start – end */
    dates = g_strdup_printf (_("%s – %s"), start ? start : "…", end ? end : "…");

  if (dates != NULL && response != CARTA_RESPONSE_NOT_SET)
    return g_strdup_printf ("%s · %s", dates, carta_response_to_label (response));
  else if (response != CARTA_RESPONSE_NOT_SET)
    return g_strdup (carta_response_to_label (response));
  else
    return g_steal_pointer (&dates);
}

static void
lines_describe (CartaListRow *row,
                GObject      *item,
                guint         index)
{
  CartaTherapyLine *line = CARTA_THERAPY_LINE (item);
  g_autofree char *title = line_title (line, index);
  g_autofree char *summary = line_summary (line);
  g_autofree char *problem = line_date_problem (line);
  g_autofree char *subtitle = NULL;

  if (problem != NULL && summary != NULL)
    subtitle = g_strdup_printf ("%s\n%s", summary, problem);
  else if (problem != NULL)
    subtitle = g_strdup (problem);
  else
    subtitle = g_steal_pointer (&summary);

  carta_list_row_set_warning (row, problem != NULL);
  set_describe (row, title, subtitle);
}

const CartaListKind carta_profile_lines_kind = {
  .get_model = lines_get_model,
  .insert = lines_insert,
  .remove = lines_remove,
  .move = lines_move,
  .get_type = carta_therapy_line_get_type,
  .fill = lines_fill,
  .describe = lines_describe,
  .add_label = N_("_Add Line"),
  .remove_label = N_("_Remove Line"),
  .removed_message = N_("Line of therapy removed"),
  .empty_message = N_("No lines of therapy yet"),
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
transplants_fill (CartaListRow *row,
                  GObject      *item)
{
  bind_enum (item, "kind",
             ADW_COMBO_ROW (carta_list_row_add_field (row, new_combo_row (_("Type"),
                                                           (gpointer) carta_transplant_type_to_label,
                                                           CARTA_TRANSPLANT_TYPE_ALLOGENEIC + 1))));
  bind_date (item, "date", CARTA_DATE_ROW (carta_list_row_add_field (row, carta_date_row_new (_("Date")))));
  add_combo (row, item, "donor-type", _("Donor"),
             (gpointer) carta_donor_type_to_label, CARTA_DONOR_TYPE_UNKNOWN + 1);
  bind_enum (item, "gvhd-grade",
             ADW_COMBO_ROW (carta_list_row_add_field (row, new_combo_row (_("Graft-versus-host disease (GVHD)"),
                                                           (gpointer) carta_gvhd_grade_to_label,
                                                           CARTA_GVHD_GRADE_UNKNOWN + 1))));
  add_combo (row, item, "chronic-gvhd", _("Chronic GVHD"),
             (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
  add_combo (row, item, "gvhd-active", _("GVHD active now"),
             (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
  add_combo (row, item, "immunosuppressants", _("Takes immunosuppressants now"),
             (gpointer) carta_answer_to_label, CARTA_ANSWER_UNKNOWN + 1);
  add_text (row, item, "notes", _("Notes"));
}

static void
transplants_describe (CartaListRow *row,
                      GObject      *item,
                      guint         index)
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

const CartaListKind carta_profile_transplants_kind = {
  .get_model = transplants_get_model,
  .insert = transplants_insert,
  .remove = transplants_remove,
  .get_type = carta_transplant_get_type,
  .fill = transplants_fill,
  .describe = transplants_describe,
  .add_label = N_("_Add Transplant"),
  .remove_label = N_("_Remove Transplant"),
  .removed_message = N_("Transplant removed"),
  .empty_message = N_("No transplants"),
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
carts_fill (CartaListRow *row,
            GObject      *item)
{
  GtkWidget *relapse;

  add_text (row, item, "product", _("Product or trial"));
  add_text (row, item, "target", _("Target, such as CD19 or CD7"));
  add_combo (row, item, "cell-source", _("Cells"),
             (gpointer) carta_transplant_type_to_label, CARTA_TRANSPLANT_TYPE_ALLOGENEIC + 1);
  bind_date (item, "date", CARTA_DATE_ROW (carta_list_row_add_field (row, carta_date_row_new (_("Date of infusion")))));
  bind_enum (item, "response",
             ADW_COMBO_ROW (carta_list_row_add_field (row, new_combo_row (_("Response"),
                                                           response_short_label,
                                                           CARTA_RESPONSE_UNKNOWN + 1))));
  relapse = carta_list_row_add_field (row, carta_date_row_new (_("Date of relapse")));
  bind_date (item, "relapse-date", CARTA_DATE_ROW (relapse));
  watch_order (item, relapse);
  add_text (row, item, "notes", _("Notes"));
}

static void
carts_describe (CartaListRow *row,
                GObject      *item,
                guint         index)
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

const CartaListKind carta_profile_carts_kind = {
  .get_model = carts_get_model,
  .insert = carts_insert,
  .remove = carts_remove,
  .get_type = carta_prior_cart_get_type,
  .fill = carts_fill,
  .describe = carts_describe,
  .add_label = N_("_Add CAR-T"),
  .remove_label = N_("_Remove CAR-T"),
  .removed_message = N_("CAR-T treatment removed"),
  .empty_message = N_("No earlier CAR-T"),
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

/* Picking a kind of test fills in its usual unit, if none is written. */
static void
on_lab_kind_cb (CartaLabResult *lab)
{
  const CartaLabKindInfo *info = carta_lab_kind_get_info (carta_lab_result_get_kind (lab));

  g_assert (CARTA_IS_LAB_RESULT (lab));

  if (carta_lab_result_get_unit (lab) == NULL && info->unit != NULL)
    carta_lab_result_set_unit (lab, info->unit);
}

static const char *
lab_kind_label (int value)
{
  return carta_lab_kind_to_label (value);
}

static void
labs_fill (CartaListRow *row,
           GObject      *item)
{
  add_combo (row, item, "kind", _("Test"), lab_kind_label, CARTA_LAB_KIND_OTHER_TARGET + 1);
  add_text (row, item, "name", _("Name, for another test"));
  add_text (row, item, "value", _("Value"));
  add_text (row, item, "unit", _("Unit, such as 10⁹/L"));
  add_text (row, item, "method", _("Method, such as flow cytometry"));
  bind_date (item, "date", CARTA_DATE_ROW (carta_list_row_add_field (row, carta_date_row_new (_("Date")))));
  g_signal_connect_object (item, "notify::kind", G_CALLBACK (on_lab_kind_cb), item, G_CONNECT_SWAPPED);
}

static void
labs_describe (CartaListRow *row,
               GObject      *item,
               guint         index)
{
  CartaLabResult *lab = CARTA_LAB_RESULT (item);
  const char *name = carta_lab_result_get_display_name (lab);
  g_autofree char *problem = carta_validate_lab_value (lab);
  const char *value = carta_lab_result_get_value (lab);
  const char *unit = carta_lab_result_get_unit (lab);
  g_autofree char *date = format_or_raw (carta_lab_result_get_date (lab));
  g_autofree char *result = NULL;

  if (value != NULL)
    result = unit ? g_strdup_printf ("%s %s", value, unit) : g_strdup (value);

  if (problem == NULL)
    problem = carta_validate_date (carta_lab_result_get_date (lab), NULL);
  carta_list_row_set_warning (row, problem != NULL);

  if (problem != NULL)
    set_describe (row, name ? name : _("New lab result"), problem);
  else if (result != NULL && date != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s · %s", result, date);
      set_describe (row, name ? name : _("New lab result"), both);
    }
  else
    set_describe (row, name ? name : _("New lab result"), result ? result : date);
}

const CartaListKind carta_profile_labs_kind = {
  .get_model = labs_get_model,
  .insert = labs_insert,
  .remove = labs_remove,
  .get_type = carta_lab_result_get_type,
  .fill = labs_fill,
  .describe = labs_describe,
  .add_label = N_("_Add Result"),
  .remove_label = N_("_Remove Result"),
  .removed_message = N_("Lab result removed"),
  .empty_message = N_("No lab results yet"),
};

/* ------------------------------------------------------------------ */

gboolean
carta_profile_null_to_empty (GBinding     *binding,
                             const GValue *from,
                             GValue       *to,
                             gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

gboolean
carta_profile_enum_to_uint (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

gboolean
carta_profile_uint_to_enum (GBinding     *binding,
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

void
carta_profile_set_labels (AdwComboRow  *row,
                          const char *(*to_label) (int value),
                          guint         n_values)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (list, to_label ((int) i));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

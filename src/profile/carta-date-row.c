/* carta-date-row.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-date.h"
#include "carta-date-row.h"
#include "carta-validate.h"

/* A profile date: typed in the user's locale or as ISO (a whole date, a
 * month or a year), or picked from a calendar that opens on the row's own
 * date; shown in the user's locale, cleared with a button. A stored value
 * that is wrong stays visible with the reason, and the row turns red,
 * until the family changes it. Typed text that is not a date stays in
 * the entry with the reason, and the stored date is left as it was. */
struct _CartaDateRow
{
  AdwActionRow   parent_instance;

  GtkEntry      *entry;
  GtkMenuButton *button;
  GtkCalendar   *calendar;
  GtkButton     *clear_button;

  char          *date;
  char          *extra_error;
  char          *typed_error;
  guint          show_age : 1;
  guint          syncing : 1;
};

G_DEFINE_FINAL_TYPE (CartaDateRow, carta_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CartaDateRow *self)
{
  g_autofree char *shown = carta_date_format (self->date);
  g_autofree char *error = carta_validate_date (self->date, NULL);
  g_autofree char *subtitle = NULL;
  const char *message = self->typed_error ? self->typed_error : error ? error : self->extra_error;
  int age;

  if (self->date == NULL && message == NULL)
    subtitle = g_strdup (_("Not given"));
  else if (shown == NULL)
    subtitle = g_strdup (message);
  else if (message != NULL)
    /* TRANSLATORS: a date, then why it looks wrong */
    subtitle = g_strdup_printf (_("%s — %s"), shown, message);
  else if (self->show_age && (age = carta_date_age (self->date, NULL)) >= 0)
    /* TRANSLATORS: a date of birth, then the age in years */
    subtitle = g_strdup_printf (_("%s (age %d)"), shown, age);
  else
    subtitle = g_strdup (shown);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), self->date != NULL);
}

static void
sync_entry (CartaDateRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->date ? self->date : "");
}

static void
set_typed_error (CartaDateRow *self,
                 const char   *message)
{
  if (g_strcmp0 (self->typed_error, message) == 0)
    return;

  g_free (self->typed_error);
  self->typed_error = g_strdup (message);
  update (self);
}

/* Profile dates are all things that have happened: none may be later
 * than today. */
static void
commit_typed (CartaDateRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;
  GDate today;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (self->typed_error == NULL && g_strcmp0 (text, self->date ? self->date : "") == 0)
    return;

  if (text[0] == '\0')
    {
      set_typed_error (self, NULL);
      carta_date_row_set_date (self, NULL);
      return;
    }

  carta_date_today (&today);
  if (!carta_date_parse_typed (text, carta_date_locale_order (), &today, &iso, &error))
    {
      set_typed_error (self, error->message);
      return;
    }

  set_typed_error (self, NULL);
  carta_date_row_set_date (self, iso);
  sync_entry (self);
}

static void
sync_calendar (CartaDateRow *self)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (carta_date_parse (self->date, &date, NULL))
    dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    dt = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
on_day_selected_cb (CartaDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  carta_date_row_set_date (self, iso);
}

static void
on_entry_activate_cb (CartaDateRow *self)
{
  g_assert (CARTA_IS_DATE_ROW (self));

  commit_typed (self);
}

static void
on_entry_leave_cb (CartaDateRow *self)
{
  g_assert (CARTA_IS_DATE_ROW (self));

  commit_typed (self);
}

static void
on_popover_show_cb (CartaDateRow *self)
{
  sync_calendar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
on_clear_clicked_cb (CartaDateRow *self)
{
  carta_date_row_set_date (self, NULL);
  gtk_menu_button_popdown (self->button);
}

static void
on_title_changed_cb (CartaDateRow *self)
{
  g_assert (CARTA_IS_DATE_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
}

static void
carta_date_row_finalize (GObject *object)
{
  CartaDateRow *self = (CartaDateRow *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->extra_error, g_free);
  g_clear_pointer (&self->typed_error, g_free);

  G_OBJECT_CLASS (carta_date_row_parent_class)->finalize (object);
}

static void
carta_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CartaDateRow *self = CARTA_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_date_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CartaDateRow *self = CARTA_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      carta_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_date_row_class_init (CartaDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_date_row_finalize;
  object_class->get_property = carta_date_row_get_property;
  object_class->set_property = carta_date_row_set_property;

  /**
   * CartaDateRow:date:
   *
   * The date as stored: `YYYY-MM-DD` when picked here, or whatever the
   * case file holds.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carta_date_row_init (CartaDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *focus;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->clear_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Clear Date")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->clear_button));
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  focus = gtk_event_controller_focus_new ();
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  /* GTK 4.8 names a widget from what its labelled-by points to, and the
   * row itself has no name of its own there: the entry takes the title. */
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self, G_CONNECT_SWAPPED);

  update (self);
}

GtkWidget *
carta_date_row_new (const char *title)
{
  return g_object_new (CARTA_TYPE_DATE_ROW, "title", title, NULL);
}

const char *
carta_date_row_get_date (CartaDateRow *self)
{
  g_return_val_if_fail (CARTA_IS_DATE_ROW (self), NULL);
  return self->date;
}

void
carta_date_row_set_date (CartaDateRow *self,
                         const char   *iso_date)
{
  g_return_if_fail (CARTA_IS_DATE_ROW (self));

  if (iso_date != NULL && iso_date[0] == '\0')
    iso_date = NULL;

  if (g_strcmp0 (self->date, iso_date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (iso_date);
  /* A new date, from the calendar or the case, replaces what was typed. */
  g_clear_pointer (&self->typed_error, g_free);
  sync_entry (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * carta_date_row_set_extra_error:
 * @message: (nullable): a problem the row cannot see by itself, such as
 *   an end before the start
 */
void
carta_date_row_set_extra_error (CartaDateRow *self,
                                const char   *message)
{
  g_return_if_fail (CARTA_IS_DATE_ROW (self));

  if (g_strcmp0 (self->extra_error, message) == 0)
    return;

  g_free (self->extra_error);
  self->extra_error = g_strdup (message);
  update (self);
}

void
carta_date_row_set_show_age (CartaDateRow *self,
                             gboolean      show_age)
{
  g_return_if_fail (CARTA_IS_DATE_ROW (self));

  self->show_age = !!show_age;
  update (self);
}

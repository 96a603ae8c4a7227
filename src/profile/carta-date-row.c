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

/* A profile date: shown in the user's locale, picked from a calendar,
 * cleared with a button. A stored value that is wrong stays visible with
 * the reason, and the row turns red, until the family changes it. */
struct _CartaDateRow
{
  AdwActionRow   parent_instance;

  GtkMenuButton *button;
  GtkCalendar   *calendar;
  GtkButton     *clear_button;

  char          *date;
  char          *extra_error;
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
  const char *message = error ? error : self->extra_error;
  int age;

  if (self->date == NULL)
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
carta_date_row_finalize (GObject *object)
{
  CartaDateRow *self = (CartaDateRow *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->extra_error, g_free);

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

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->clear_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Clear Date")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->clear_button));
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Pick a Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

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

/* carta-date.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-date"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "carta-date.h"

/**
 * carta_date_parse:
 * @text: (nullable): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @date: (out) (optional): the date; a partial date gives its first day
 * @precision: (out) (optional): how much of the date is known
 *
 * Returns: whether @text is a real calendar date in one of those forms
 */
gboolean
carta_date_parse (const char         *text,
                  GDate              *date,
                  CartaDatePrecision *precision)
{
  CartaDatePrecision p;
  int y = 0, m = 1, d = 1, used = 0;
  gsize len;

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]) && !((i == 4 || i == 7) && text[i] == '-'))
      return FALSE;

  if (len == 4 && sscanf (text, "%4d%n", &y, &used) == 1 && used == 4)
    p = CARTA_DATE_PRECISION_YEAR;
  else if (len == 7 && sscanf (text, "%4d-%2d%n", &y, &m, &used) == 2 && used == 7)
    p = CARTA_DATE_PRECISION_MONTH;
  else if (len == 10 && sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10)
    p = CARTA_DATE_PRECISION_DAY;
  else
    return FALSE;

  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, d, m, y);
    }
  if (precision != NULL)
    *precision = p;

  return TRUE;
}

/**
 * carta_date_format:
 * @text: (nullable): a profile date
 *
 * Formats a date for display in the user's locale: the full date as the
 * locale writes it, or the month and year, or the year.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if @text is not
 *   a date
 */
char *
carta_date_format (const char *text)
{
  CartaDatePrecision precision;
  const char *format;
  GDate date;
  char buf[128];

  if (!carta_date_parse (text, &date, &precision))
    return NULL;

  switch (precision)
    {
    case CARTA_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", g_date_get_year (&date));

    case CARTA_DATE_PRECISION_MONTH:
      /* %OB is the stand-alone month name, right for “March 2019”. */
      format = "%OB %Y";
      break;

    case CARTA_DATE_PRECISION_DAY:
      format = "%x";
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (g_date_strftime (buf, sizeof buf, format, &date) == 0)
    return NULL;

  /* Some locales (C, en_GB) write two-digit years in %x: a birth year
   * of “61” is ambiguous, so spell the month out instead. */
  if (precision == CARTA_DATE_PRECISION_DAY)
    {
      g_autofree char *year = g_strdup_printf ("%04d", g_date_get_year (&date));

      if (strstr (buf, year) == NULL &&
          g_date_strftime (buf, sizeof buf, "%e %b %Y", &date) == 0)
        return NULL;

      return g_strdup (g_strstrip (buf));
    }

  return g_strdup (buf);
}

/**
 * carta_date_today:
 * @today: (out caller-allocates): set to the local date
 */
void
carta_date_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * carta_date_age:
 * @date_of_birth: (nullable): a full `YYYY-MM-DD` date
 * @today: (nullable): the day to count to, or %NULL for today
 *
 * Returns: the age in whole years on @today, or -1 if it cannot be told
 */
int
carta_date_age (const char *date_of_birth,
                GDate      *today)
{
  CartaDatePrecision precision;
  GDate born, now;
  int age;

  if (!carta_date_parse (date_of_birth, &born, &precision) ||
      precision != CARTA_DATE_PRECISION_DAY)
    return -1;

  if (today != NULL)
    now = *today;
  else
    carta_date_today (&now);

  if (g_date_compare (&born, &now) > 0)
    return -1;

  age = g_date_get_year (&now) - g_date_get_year (&born);
  if (g_date_get_month (&now) < g_date_get_month (&born) ||
      (g_date_get_month (&now) == g_date_get_month (&born) &&
       g_date_get_day (&now) < g_date_get_day (&born)))
    age--;

  return age;
}

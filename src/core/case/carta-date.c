/* carta-date.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "carta-date.h"
#include "carta-error.h"

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

/**
 * carta_date_locale_order:
 *
 * Reads the order of day, month and year from the locale's numeric date
 * format (`nl_langinfo (D_FMT)`), so “04/12/1965” means what the person
 * who typed it meant.
 *
 * Returns: the order; day, month, year when the format does not tell
 */
CartaDateOrder
carta_date_locale_order (void)
{
  const char *format = nl_langinfo (D_FMT);
  int day = -1, month = -1, year = -1;

  for (int i = 0; format != NULL && format[i] != '\0'; i++)
    {
      if (format[i] != '%' || format[i + 1] == '\0')
        continue;

      i++;
      /* Skip the E and O modifiers and glibc's flags. */
      while (format[i] != '\0' && strchr ("EO_-0^#", format[i]) != NULL)
        i++;

      switch (format[i])
        {
        case 'd': case 'e':
          if (day < 0) day = i;
          break;
        case 'm': case 'b': case 'B': case 'h':
          if (month < 0) month = i;
          break;
        case 'y': case 'Y': case 'C':
          if (year < 0) year = i;
          break;
        case 'D':
          return CARTA_DATE_ORDER_MDY;
        case 'F':
          return CARTA_DATE_ORDER_YMD;
        default:
          break;
        }
    }

  if (day < 0 || month < 0 || year < 0)
    return CARTA_DATE_ORDER_DMY;
  if (year < month && month < day)
    return CARTA_DATE_ORDER_YMD;
  if (month < day && day < year)
    return CARTA_DATE_ORDER_MDY;
  return CARTA_DATE_ORDER_DMY;
}

/* Characters that may stand between the numbers of a typed date: the
 * usual separators, and the signs Chinese and Japanese write after the
 * year, the month and the day. */
static gboolean
is_separator (const char *p,
              gsize      *len)
{
  static const char * const words[] = { "年", "月", "日" };

  if (*p == '/' || *p == '.' || *p == '-' || *p == ' ' || *p == ',')
    {
      *len = 1;
      return TRUE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (p, words[i]))
      {
        *len = strlen (words[i]);
        return TRUE;
      }

  return FALSE;
}

static gboolean
not_a_date (const char  *text,
            GError     **error)
{
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_INVALID,
               /* TRANSLATORS: %s is what was stored as a date */
               _("“%s” is not a date. Pick the date from the calendar."), text);
  return FALSE;
}

/**
 * carta_date_parse_typed:
 * @text: what a person typed
 * @order: the order of day, month and year in their locale, see
 *   carta_date_locale_order()
 * @not_after: (nullable): the last day the field allows, usually today, or
 *   %NULL to allow any date
 * @iso: (out) (transfer full) (optional): the date as stored: `YYYY`,
 *   `YYYY-MM` or `YYYY-MM-DD`
 * @error: return location for a #GError, with a message a person can read
 *
 * Reads a date as a person types it: ISO 8601 in full or in part
 * (`1965`, `1965-04`, `1965-04-12`), or the numbers of the locale's own
 * format with `/`, `.` or `-` between them (`04/12/1965` in en_US,
 * `12.04.1965` in de_DE, `1965/4/12` in zh_CN), or just month and year.
 * A group of four digits first is always a year, whatever the locale.
 * Two-digit years are refused: for a birth date they are ambiguous.
 *
 * Returns: whether @text is a real date on or before @not_after
 */
gboolean
carta_date_parse_typed (const char      *text,
                        CartaDateOrder   order,
                        const GDate     *not_after,
                        char           **iso,
                        GError         **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *result = NULL;
  int numbers[3];
  int digits[3];
  int n = 0, y, m = 0, d = 0;
  GDate date;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  while (*p != '\0')
    {
      gsize len;

      if (g_ascii_isdigit (*p))
        {
          int value = 0, count = 0;

          if (n == 3)
            return not_a_date (stripped, error);
          while (g_ascii_isdigit (*p))
            {
              if (count == 4)
                return not_a_date (stripped, error);
              value = value * 10 + (*p - '0');
              count++;
              p++;
            }
          numbers[n] = value;
          digits[n] = count;
          n++;
          /* Between two numbers there must be a separator. */
          if (*p != '\0' && !is_separator (p, &len))
            return not_a_date (stripped, error);
        }
      else if (is_separator (p, &len))
        {
          /* A separator only after a number, never before the first. */
          if (n == 0)
            return not_a_date (stripped, error);
          p += len;
        }
      else
        return not_a_date (stripped, error);
    }

  if (n == 1 && digits[0] == 4)
    {
      y = numbers[0];
    }
  else if (n == 2 && digits[0] == 4 && digits[1] <= 2)
    {
      y = numbers[0];
      m = numbers[1];
    }
  else if (n == 2 && digits[0] <= 2 && digits[1] == 4)
    {
      m = numbers[0];
      y = numbers[1];
    }
  else if (n == 3 && digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2)
    {
      y = numbers[0];
      m = numbers[1];
      d = numbers[2];
    }
  else if (n == 3 && digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4 &&
           order != CARTA_DATE_ORDER_YMD)
    {
      gboolean month_first = order == CARTA_DATE_ORDER_MDY;

      m = numbers[month_first ? 0 : 1];
      d = numbers[month_first ? 1 : 0];
      y = numbers[2];
    }
  else
    return not_a_date (stripped, error);

  if (y < 1 || (m != 0 && !g_date_valid_month (m)) ||
      (d != 0 && !g_date_valid_dmy (d, m, y)))
    return not_a_date (stripped, error);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d != 0 ? d : 1, m != 0 ? m : 1, y);
  if (not_after != NULL && g_date_compare (&date, not_after) > 0)
    {
      g_set_error_literal (error, CARTA_ERROR, CARTA_ERROR_INVALID,
                           _("This date is in the future. Check the year."));
      return FALSE;
    }

  if (d != 0)
    result = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  else if (m != 0)
    result = g_strdup_printf ("%04d-%02d", y, m);
  else
    result = g_strdup_printf ("%04d", y);

  if (iso != NULL)
    *iso = g_steal_pointer (&result);

  return TRUE;
}

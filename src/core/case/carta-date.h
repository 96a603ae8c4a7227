/* carta-date.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CartaDatePrecision:
 * @CARTA_DATE_PRECISION_YEAR: `YYYY`
 * @CARTA_DATE_PRECISION_MONTH: `YYYY-MM`
 * @CARTA_DATE_PRECISION_DAY: `YYYY-MM-DD`
 *
 * Profile dates are ISO 8601 text; a family may only know the month or
 * the year (FHIR allows the same).
 */
typedef enum
{
  CARTA_DATE_PRECISION_YEAR = 1,
  CARTA_DATE_PRECISION_MONTH,
  CARTA_DATE_PRECISION_DAY,
} CartaDatePrecision;

/**
 * CartaDateOrder:
 * @CARTA_DATE_ORDER_YMD: year, month, day (zh_CN, ja_JP, ISO)
 * @CARTA_DATE_ORDER_DMY: day, month, year (de_DE, fr_FR, ru_RU)
 * @CARTA_DATE_ORDER_MDY: month, day, year (en_US)
 *
 * The order in which a locale writes the numbers of a date.
 */
typedef enum
{
  CARTA_DATE_ORDER_YMD,
  CARTA_DATE_ORDER_DMY,
  CARTA_DATE_ORDER_MDY,
} CartaDateOrder;

gboolean  carta_date_parse  (const char          *text,
                             GDate               *date,
                             CartaDatePrecision  *precision);
char     *carta_date_format (const char          *text);
int       carta_date_age    (const char          *date_of_birth,
                             GDate               *today);
void      carta_date_today  (GDate               *today);

CartaDateOrder carta_date_locale_order (void);
gboolean       carta_date_parse_typed  (const char      *text,
                                        CartaDateOrder   order,
                                        const GDate     *not_after,
                                        char           **iso,
                                        GError         **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-importer"

#include "config.h"

#include "ecart-import-values-private.h"

#include <math.h>
#include <string.h>

/* Numbers and dates as survey tools and spreadsheets write them, read the same whatever the
 * locale of the process (RELIABILITY.md R13): no strtod, no strptime, no locale. */

/**
 * _ecart_import_parse_number:
 * @decimal: '.' or ',' (the only decimal separator accepted), or 0 to accept either
 * @used_comma: (out) (optional): set to %TRUE when the number had a decimal comma
 *
 * Reads a plain decimal number: optional sign, digits, at most one decimal separator,
 * digits; spaces around are ignored. No exponent, no thousands separator, no "inf" or
 * "nan", no hexadecimal (which g_ascii_strtod() would take).
 */
gboolean
_ecart_import_parse_number (const char *text,
                            gsize       length,
                            char        decimal,
                            double     *value,
                            gboolean   *used_comma)
{
  char buffer[64];
  gsize start = 0;
  gsize end = length;
  gsize n = 0;
  gboolean digits = FALSE;
  gboolean separator = FALSE;
  char *stop = NULL;

  while (start < end && (text[start] == ' ' || text[start] == '\t'))
    start++;
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
    end--;
  if (end == start || end - start >= sizeof buffer)
    return FALSE;

  for (gsize i = start; i < end; i++)
    {
      char c = text[i];

      if (c >= '0' && c <= '9')
        digits = TRUE;
      else if ((c == '-' || c == '+') && i == start)
        ;
      else if ((c == '.' || c == ',') && !separator && (decimal == 0 || decimal == c))
        {
          separator = TRUE;
          if (c == ',')
            {
              c = '.';
              if (used_comma != NULL)
                *used_comma = TRUE;
            }
        }
      else
        return FALSE;
      buffer[n++] = c;
    }
  buffer[n] = '\0';
  if (!digits)
    return FALSE;

  /* A whole number of up to 15 digits (most scores) is exact in a double: no strtod. */
  if (!separator && n <= 15)
    {
      gboolean negative = buffer[0] == '-';
      guint64 whole = 0;

      for (gsize i = (buffer[0] == '-' || buffer[0] == '+') ? 1 : 0; i < n; i++)
        whole = whole * 10 + (guint64)(buffer[i] - '0');
      *value = negative ? -(double)whole : (double)whole;
      return TRUE;
    }

  *value = g_ascii_strtod (buffer, &stop);
  return *stop == '\0' && isfinite (*value);
}

static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  int n = 0;
  int v = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *p += n;
  *value = v;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ')
    (*p)++;
}

/* "Z", "UTC", "GMT", "GMT+1", "GMT-05:30", "+01:00", "-0500" → offset in minutes. */
static gboolean
read_zone (const char **p,
           gboolean    *has_zone,
           int         *minutes)
{
  int sign = 1;
  int hours = 0;
  int mins = 0;
  gboolean named = FALSE;

  *has_zone = FALSE;
  *minutes = 0;
  skip_spaces (p);
  if (**p == '\0')
    return TRUE;

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      *has_zone = TRUE;
      return TRUE;
    }
  if (g_ascii_strncasecmp (*p, "UTC", 3) == 0 || g_ascii_strncasecmp (*p, "GMT", 3) == 0)
    {
      *p += 3;
      named = TRUE;
      *has_zone = TRUE;
      if (**p != '+' && **p != '-')
        return TRUE;
    }
  if (**p != '+' && **p != '-')
    return FALSE;
  sign = **p == '-' ? -1 : 1;
  (*p)++;
  {
    const char *before = *p;

    if (!read_number (p, 1, 2, &hours) || (!named && *p - before != 2))
      return FALSE;
  }
  if (**p == ':')
    {
      (*p)++;
      if (!read_number (p, 2, 2, &mins))
        return FALSE;
    }
  else if (g_ascii_isdigit (**p))
    {
      if (!read_number (p, 2, 2, &mins))
        return FALSE;
    }
  if (hours > 14 || mins > 59)
    return FALSE;
  *has_zone = TRUE;
  *minutes = sign * (hours * 60 + mins);
  return TRUE;
}


static void
put_digits (char **p,
            int    value,
            int    width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    (*p)[i] = (char)('0' + value % 10);
  *p += width;
}

/* 2025-03-14, 2025-03-14T09:30:00 or 2025-03-14T09:30:00Z into @out (a year of four digits:
 * the caller keeps it between 1900 and 2200). By hand: g_snprintf() cost more than the rest
 * of a row's checks. */
static void
format_date (char     out[ECART_IMPORT_DATE_SIZE],
             int      year,
             int      month,
             int      day,
             gboolean has_time,
             int      hour,
             int      minute,
             int      second,
             gboolean zulu)
{
  char *p = out;

  put_digits (&p, year, 4);
  *p++ = '-';
  put_digits (&p, month, 2);
  *p++ = '-';
  put_digits (&p, day, 2);
  if (has_time)
    {
      *p++ = 'T';
      put_digits (&p, hour, 2);
      *p++ = ':';
      put_digits (&p, minute, 2);
      *p++ = ':';
      put_digits (&p, second, 2);
      if (zulu)
        *p++ = 'Z';
    }
  *p = '\0';
}

/**
 * _ecart_import_parse_date:
 * @out: the date as ISO 8601: "2025-03-14", "2025-03-14T09:30:00" (a time without a zone),
 *   "2025-03-14T08:30:00Z" (with a zone, converted to UTC)
 *
 * Reads a date in ISO 8601 ("2025-03-14", "2025-03-14T09:30:00Z", "2025-03-14 09:30"),
 * "dd/mm/yyyy" or "yyyy/mm/dd", each with an optional time ("9:30", "09:30:12", with AM or
 * PM) and zone ("Z", "+01:00", "GMT+1", as Google Forms writes). A day that does not exist
 * (31/02/2025) is refused.
 */
gboolean
_ecart_import_parse_date (const char *text,
                          char        out[ECART_IMPORT_DATE_SIZE])
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date = NULL;
  const char *p = text;
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  gboolean has_time = FALSE;
  gboolean has_zone = FALSE;
  int zone = 0;

  skip_spaces (&p);

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && g_ascii_isdigit (p[3]) && (p[4] == '-' || p[4] == '/'))
    {
      char separator = p[4];

      read_number (&p, 4, 4, &year);
      p++;
      if (!read_number (&p, 1, 2, &month) || *p != separator)
        return FALSE;
      p++;
      if (!read_number (&p, 1, 2, &day))
        return FALSE;
    }
  else
    {
      if (!read_number (&p, 1, 2, &day) || *p != '/')
        return FALSE;
      p++;
      if (!read_number (&p, 1, 2, &month) || *p != '/')
        return FALSE;
      p++;
      if (!read_number (&p, 4, 4, &year))
        return FALSE;
    }

  if ((*p == 'T' || *p == ' ') && g_ascii_isdigit (p[1]))
    {
      p++;
      if (!read_number (&p, 1, 2, &hour) || *p != ':')
        return FALSE;
      p++;
      if (!read_number (&p, 2, 2, &minute))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, 2, &second))
            return FALSE;
          if (*p == '.' || *p == ',')
            {
              p++;
              if (!g_ascii_isdigit (*p))
                return FALSE;
              while (g_ascii_isdigit (*p))
                p++;
            }
        }
      has_time = TRUE;

      skip_spaces (&p);
      if (g_ascii_strncasecmp (p, "AM", 2) == 0 || g_ascii_strncasecmp (p, "PM", 2) == 0)
        {
          gboolean pm = g_ascii_toupper (p[0]) == 'P';

          if (hour < 1 || hour > 12)
            return FALSE;
          hour = hour % 12 + (pm ? 12 : 0);
          p += 2;
        }
    }

  if (has_time && !read_zone (&p, &has_zone, &zone))
    return FALSE;
  skip_spaces (&p);
  if (*p != '\0')
    return FALSE;

  if (year < 1900 || year > 2200 || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (has_zone)
    {
      g_autoptr(GDateTime) shifted = NULL;

      utc = g_time_zone_new_utc ();
      date = g_date_time_new (utc, year, month, day, hour, minute, second);
      if (date == NULL || (shifted = g_date_time_add_minutes (date, -zone)) == NULL)
        return FALSE;
      format_date (out, g_date_time_get_year (shifted), g_date_time_get_month (shifted),
                   g_date_time_get_day_of_month (shifted), TRUE, g_date_time_get_hour (shifted),
                   g_date_time_get_minute (shifted), g_date_time_get_second (shifted), TRUE);
    }
  else
    format_date (out, year, month, day, has_time, hour, minute, second, FALSE);

  return TRUE;
}

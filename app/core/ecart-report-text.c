/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ecart-report-private.h"

/* The language a report is written in.
 *
 * Every text of the report goes through gettext, the charts' included (they are drawn by
 * ecart-chart*.c with _() and printf()), so the report switches gettext's language for the
 * time of its writing: LANGUAGE is set to the language asked (gettext reads it on every call;
 * changing it takes effect once its cache is invalidated, which setlocale() does), and the
 * writing thread gets its own locale (uselocale()) whose LC_NUMERIC is of that language, so
 * that the numbers of the charts have its decimal separator, and whose LC_MESSAGES is not
 * "C" (in the C locale gettext ignores LANGUAGE). At the end both are put back.
 *
 * The locale is per thread, but the environment is the process's: while a report is written
 * in a language other than the interface's, another thread translating a string would get it
 * in the report's language, and setenv() must not run while another thread reads the
 * environment. That is fine for ecart-cli; the window writes reports in its own language
 * (nothing is switched then) or shows a modal progress while a report in another language is
 * written. When nothing needs switching (the language asked is the interface's), the
 * environment is not touched at all.
 *
 * Numbers written by the report itself do not depend on any locale: the separators come
 * from a table of conventions per language below ("−3,6" in French, "−3.6" in English, with
 * a true minus sign), so a French report is right even on a system without a French locale;
 * only the charts' numbers then keep a dot. */

typedef struct
{
  const char *code;
  const char *decimal;
  const char *group;     /* thousands separator */
  const char *percent;   /* between a number and % */
  const char *locales;   /* for the charts' numbers, tried in order */
} Conventions;

static const Conventions conventions[] = {
  { "en", ".", ",", "", "en_GB.UTF-8:en_US.UTF-8:en_GB.utf8:en_US.utf8:C.UTF-8:C.utf8" },
  /* French typography wants a narrow no-break space (U+202F) before % and between
   * thousands, but Cantarell has none and Pango draws it without width: a no-break space. */
  { "fr", ",", "\u00a0", "\u00a0", "fr_FR.UTF-8:fr_FR.utf8:fr_BE.UTF-8:fr_CA.UTF-8:fr_CH.UTF-8:fr_LU.UTF-8" },
  { "de", ",", ".", "\u00a0", "de_DE.UTF-8:de_DE.utf8:de_AT.UTF-8:de_CH.UTF-8" },
  { "es", ",", ".", "\u00a0", "es_ES.UTF-8:es_ES.utf8" },
  { "it", ",", ".", "", "it_IT.UTF-8:it_IT.utf8" },
};

struct _EcartReportLanguage
{
  char              *code;
  const Conventions *conventions;
  gboolean           switched;         /* LANGUAGE changed */
  char              *saved_language;   /* its value before, or NULL when unset */
  locale_t           locale;           /* the writing thread's, or (locale_t)0 */
  locale_t           previous;
};

static const Conventions *
find_conventions (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (conventions); i++)
    if (g_str_equal (conventions[i].code, code))
      return &conventions[i];
  return &conventions[0];
}

/* "fr_FR.UTF-8@euro" → "fr". */
static char *
language_of (const char *name)
{
  return g_strndup (name, strcspn (name, "_.@-"));
}

static gboolean
is_english (const char *name)
{
  return g_str_equal (name, "C") || g_str_equal (name, "POSIX") || g_str_has_prefix (name, "C.") ||
         (g_str_has_prefix (name, "en") && strchr ("_.@", name[2]) != NULL) || g_str_equal (name, "en");
}

/**
 * ecart_report_language_is_available:
 * @language: a language code, "fr"
 *
 * Whether a report can be written in @language: English (the language of the source), or a
 * language whose catalogue is installed where gettext looks for Écart's.
 */
gboolean
ecart_report_language_is_available (const char *language)
{
  g_autofree char *path = NULL;
  const char *dir;

  g_return_val_if_fail (language != NULL, FALSE);

  if (g_str_equal (language, "en"))
    return TRUE;
  /* A code, not a path. */
  if (language[0] == '\0' || strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_@")
      != strlen (language))
    return FALSE;
  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * ecart_report_get_default_language:
 *
 * The language of the interface, as gettext chooses it from LANGUAGE, LC_ALL, LC_MESSAGES
 * and LANG: the first of them that is English or has a catalogue.
 *
 * Returns: a language code: "en", "fr"
 */
const char *
ecart_report_get_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *code = NULL;

      if (is_english (names[i]))
        return "en";
      code = language_of (names[i]);
      if (ecart_report_language_is_available (names[i]))
        return g_intern_string (names[i]);
      if (ecart_report_language_is_available (code))
        return g_intern_string (code);
    }
  return "en";
}

/* Makes gettext forget the translations it has looked up (glibc's documented way: any
 * setlocale() call that sets a category). */
static void
invalidate_gettext_cache (void)
{
  g_autofree char *current = g_strdup (setlocale (LC_MESSAGES, NULL));

  if (current != NULL)
    setlocale (LC_MESSAGES, current);
}

static locale_t
new_thread_locale (const Conventions *conv)
{
  g_auto(GStrv) candidates = g_strsplit (conv->locales, ":", -1);
  locale_t base = duplocale (LC_GLOBAL_LOCALE);

  if (base == (locale_t)0)
    return (locale_t)0;
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      locale_t locale = newlocale (LC_NUMERIC_MASK | LC_MESSAGES_MASK, candidates[i], base);

      if (locale != (locale_t)0)
        return locale;
    }
  /* No locale of that language on this system: at least a LC_MESSAGES that is not "C". */
  {
    locale_t locale = newlocale (LC_MESSAGES_MASK, "C.UTF-8", base);

    if (locale != (locale_t)0)
      return locale;
  }
  return base;
}

/**
 * _ecart_report_language_push:
 * @language: an available language (ecart_report_language_is_available())
 *
 * Makes gettext and the writing thread's numbers speak @language until
 * _ecart_report_language_pop().
 */
EcartReportLanguage *
_ecart_report_language_push (const char *language)
{
  EcartReportLanguage *scope = g_new0 (EcartReportLanguage, 1);
  g_autofree char *code = language_of (language);

  scope->code = g_strdup (language);
  scope->conventions = find_conventions (code);

  if (!g_str_equal (language, ecart_report_get_default_language ()))
    {
      scope->switched = TRUE;
      scope->saved_language = g_strdup (g_getenv ("LANGUAGE"));
      g_setenv ("LANGUAGE", language, TRUE);
      invalidate_gettext_cache ();
    }

  scope->locale = new_thread_locale (scope->conventions);
  if (scope->locale != (locale_t)0)
    scope->previous = uselocale (scope->locale);
  return scope;
}

void
_ecart_report_language_pop (EcartReportLanguage *scope)
{
  if (scope->locale != (locale_t)0)
    {
      uselocale (scope->previous);
      freelocale (scope->locale);
    }
  if (scope->switched)
    {
      if (scope->saved_language != NULL)
        g_setenv ("LANGUAGE", scope->saved_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      invalidate_gettext_cache ();
    }
  g_free (scope->saved_language);
  g_free (scope->code);
  g_free (scope);
}

const char *
_ecart_report_language_get_code (EcartReportLanguage *scope)
{
  return scope->code;
}

/**
 * _ecart_report_pgettext:
 *
 * pgettext() with dgettext() (see ecart-report-private.h): the translation of @msgid in
 * @context, or @msgid.
 */
const char *
_ecart_report_pgettext (const char *context,
                        const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translation = dgettext (GETTEXT_PACKAGE, key);

  /* Untranslated, dgettext() gives back its argument, which is freed here. */
  return translation == key ? msgid : translation;
}

/* ---------------------------------------------------------------------------------- */
/* Numbers                                                                            */

#define MISSING "–"
#define MINUS   "−"

/* Groups the digits of @digits (no sign) by three. */
static void
append_grouped (GString           *out,
                const char        *digits,
                const Conventions *conv)
{
  size_t length = strlen (digits);

  for (size_t i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, conv->group);
      g_string_append_c (out, digits[i]);
    }
}

/* @value rounded to @decimals, with the language's separators; no sign. */
static void
append_magnitude (GString           *out,
                  double             value,
                  int                decimals,
                  gboolean           group,
                  const Conventions *conv)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);
  char *point;

  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  point = strchr (buffer, '.');
  if (point != NULL)
    *point = '\0';
  if (group)
    append_grouped (out, buffer, conv);
  else
    g_string_append (out, buffer);
  if (point != NULL)
    {
      g_string_append (out, conv->decimal);
      g_string_append (out, point + 1);
    }
}

/* Whether @value shows as zero at @decimals. */
static gboolean
rounds_to_zero (double value,
                int    decimals)
{
  return fabs (value) < 0.5 * pow (10.0, -decimals);
}

/**
 * _ecart_report_format_number:
 *
 * "7.3", "−0.4", "12,345.0"; in French "7,3", "−0,4", "12 345,0". "–" when @value is not
 * finite.
 */
char *
_ecart_report_format_number (EcartReportLanguage *scope,
                             double               value,
                             int                  decimals)
{
  GString *out;

  if (!isfinite (value))
    return g_strdup (MISSING);
  out = g_string_new (NULL);
  if (value < 0.0 && !rounds_to_zero (value, decimals))
    g_string_append (out, MINUS);
  append_magnitude (out, value, decimals, fabs (value) >= 10000.0, scope->conventions);
  return g_string_free (out, FALSE);
}

/* "+1.2", "−3.6", "0.0". */
char *
_ecart_report_format_signed (EcartReportLanguage *scope,
                             double               value,
                             int                  decimals)
{
  GString *out;

  if (!isfinite (value))
    return g_strdup (MISSING);
  out = g_string_new (NULL);
  if (!rounds_to_zero (value, decimals))
    g_string_append (out, value < 0.0 ? MINUS : "+");
  append_magnitude (out, value, decimals, fabs (value) >= 10000.0, scope->conventions);
  return g_string_free (out, FALSE);
}

/* "1,080"; in French "1 080". */
char *
_ecart_report_format_count (EcartReportLanguage *scope,
                            gint64               count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64)ABS (count));
  GString *out = g_string_new (count < 0 ? MINUS : "");

  append_grouped (out, digits, scope->conventions);
  return g_string_free (out, FALSE);
}

/* "41.1%"; in French "41,1 %". */
char *
_ecart_report_format_percent (EcartReportLanguage *scope,
                              double               value,
                              int                  decimals)
{
  g_autofree char *number = _ecart_report_format_number (scope, value, decimals);

  if (!isfinite (value))
    return g_steal_pointer (&number);
  return g_strconcat (number, scope->conventions->percent, "%", NULL);
}

/* ---------------------------------------------------------------------------------- */
/* Dates                                                                              */

static const char * const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
  NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
  NC_("month", "November"), NC_("month", "December"),
};

static char *
format_day (int year,
            int month,
            int day)
{
  const char *name = _ecart_report_pgettext ("month", months[month - 1]);
  /* TRANSLATORS: a date in the report: day, name of the month, year ("14 March 2026").
   * Reorder with %1$d (day), %2$s (month) and %3$d (year). */
  static const char *format = NC_("report date", "%1$d %2$s %3$d");

  return g_strdup_printf (_ecart_report_pgettext ("report date", format), day, name, year);
}

/**
 * _ecart_report_format_date:
 * @iso_date: (nullable): "2025-03-14", or a date and time
 *
 * "14 March 2025"; in French "14 mars 2025". The text itself when it is not a date, "–"
 * when %NULL.
 */
char *
_ecart_report_format_date (EcartReportLanguage *scope,
                           const char          *iso_date)
{
  int year, month, day;
  char tail;

  if (iso_date == NULL || iso_date[0] == '\0')
    return g_strdup (MISSING);
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) < 3 ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);
  return format_day (year, month, day);
}

char *
_ecart_report_format_date_time (EcartReportLanguage *scope,
                                GDateTime           *date)
{
  return format_day (g_date_time_get_year (date), g_date_time_get_month (date),
                     g_date_time_get_day_of_month (date));
}

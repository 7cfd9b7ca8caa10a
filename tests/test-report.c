/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ecart-report.h"
#include "ecart-report-private.h"
#include "ecart-template.h"

/* The report's API: writing with progress, cancelling, refusing a language without a
 * catalogue, options; and how numbers and dates are written in each language, whatever the
 * process's locale. tests/test_report.py reads the PDF itself back. */

static char *tmp_dir;
static EcartWorkspace *demo;

static EcartWorkspace *
get_demo (void)
{
  if (demo == NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "demo.ecart", NULL);
      g_autoptr(GError) error = NULL;

      demo = ecart_demo_create (path, "en", &error);
      g_assert_no_error (error);
    }
  return demo;
}

static guint
count_files (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

typedef struct
{
  double last;
  guint  calls;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
}

static void
test_write (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "report.pdf", NULL);
  g_autoptr(EcartReportOptions) options = ecart_report_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  Progress progress = { -1.0, 0 };
  gsize length;

  ecart_report_options_set_language (options, "en");
  g_assert_true (ecart_report_write (get_demo (), options, path, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 10);

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* Complete: it ends with the end-of-file marker. */
  g_assert_cmpuint (length, >, 32);
  g_assert_nonnull (g_strstr_len (data + length - 32, 32, "%EOF"));
  g_assert_cmpuint (count_files (".report.pdf."), ==, 0);

  /* Defaults: no options at all. */
  g_assert_true (ecart_report_write (get_demo (), NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
on_progress_cancel (double   fraction,
                    gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancelled (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "cancelled.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  /* Half-way through the pages. */
  g_assert_false (ecart_report_write (get_demo (), NULL, path, on_progress_cancel, cancellable,
                                      cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_file_get_contents (path, &text, NULL, NULL);
  g_assert_cmpstr (text, ==, "old");
  g_assert_cmpuint (count_files (".cancelled.pdf."), ==, 0);
}

static void
test_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "refused.pdf", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "x.pdf", NULL);
  g_autoptr(EcartReportOptions) options = ecart_report_options_new ();
  g_autoptr(GError) error = NULL;

  /* No catalogue for it (nor a code at all). */
  g_assert_false (ecart_report_language_is_available ("xx"));
  g_assert_false (ecart_report_language_is_available ("../fr"));
  g_assert_true (ecart_report_language_is_available ("en"));
  ecart_report_options_set_language (options, "xx");
  g_assert_false (ecart_report_write (get_demo (), options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, ECART_REPORT_ERROR, ECART_REPORT_ERROR_LANGUAGE);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A folder that does not exist. */
  g_assert_false (ecart_report_write (get_demo (), NULL, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* Gap options the engine refuses. */
  ecart_report_options_set_language (options, NULL);
  ecart_gap_options_set_confidence (ecart_report_options_get_gap_options (options), 0.5);
  g_assert_false (ecart_report_write (get_demo (), options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID);
}

static void
test_options (void)
{
  g_autoptr(EcartReportOptions) options = ecart_report_options_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 4, 15, 12, 0, 0);
  EcartPaper paper;

  g_assert_null (ecart_report_options_get_language (options));
  g_assert_cmpint (ecart_report_options_get_paper (options), ==, ECART_PAPER_A4);
  g_assert_null (ecart_report_options_get_date (options));
  g_assert_true (ECART_IS_GAP_OPTIONS (ecart_report_options_get_gap_options (options)));

  ecart_report_options_set_language (options, "");
  g_assert_null (ecart_report_options_get_language (options));
  g_object_set (options, "language", "fr", "paper", ECART_PAPER_LETTER, "date", date, NULL);
  g_assert_cmpstr (ecart_report_options_get_language (options), ==, "fr");
  g_assert_cmpint (ecart_report_options_get_paper (options), ==, ECART_PAPER_LETTER);
  g_assert_true (ecart_report_options_get_date (options) == date);

  g_assert_true (ecart_paper_from_string ("LETTER", &paper) && paper == ECART_PAPER_LETTER);
  g_assert_true (ecart_paper_from_string ("a4", &paper) && paper == ECART_PAPER_A4);
  g_assert_false (ecart_paper_from_string ("a5", &paper));
  g_assert_cmpstr (ecart_paper_to_string (ECART_PAPER_LETTER), ==, "letter");
}

static void
assert_take (char       *text,
             const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_formats (void)
{
  EcartReportLanguage *scope;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 9, 30, 0);
  const char *saved_language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (saved_language);

  /* The process in a comma locale changes nothing. */
  setlocale (LC_NUMERIC, "fr_FR.UTF-8");

  scope = _ecart_report_language_push ("en");
  assert_take (_ecart_report_format_number (scope, 7.25, 1), "7.2");
  assert_take (_ecart_report_format_number (scope, -3.6, 1), "−3.6");
  assert_take (_ecart_report_format_number (scope, -0.04, 1), "0.0");
  assert_take (_ecart_report_format_number (scope, 12345.67, 1), "12,345.7");
  assert_take (_ecart_report_format_number (scope, NAN, 1), "–");
  assert_take (_ecart_report_format_signed (scope, 28.83, 1), "+28.8");
  assert_take (_ecart_report_format_signed (scope, -15.46, 1), "−15.5");
  assert_take (_ecart_report_format_signed (scope, 0.04, 1), "0.0");
  assert_take (_ecart_report_format_count (scope, 1080), "1,080");
  assert_take (_ecart_report_format_count (scope, 555), "555");
  assert_take (_ecart_report_format_count (scope, 1234567), "1,234,567");
  assert_take (_ecart_report_format_percent (scope, 95, 0), "95%");
  assert_take (_ecart_report_format_date (scope, "2025-03-03"), "3 March 2025");
  assert_take (_ecart_report_format_date (scope, "2025-10-31T18:00:00Z"), "31 October 2025");
  assert_take (_ecart_report_format_date (scope, "soon"), "soon");
  assert_take (_ecart_report_format_date (scope, NULL), "–");
  assert_take (_ecart_report_format_date_time (scope, date), "14 March 2026");
  _ecart_report_language_pop (scope);

  /* French numbers need no French locale nor catalogue: they are the report's own. */
  scope = _ecart_report_language_push ("fr");
  g_assert_cmpstr (_ecart_report_language_get_code (scope), ==, "fr");
  assert_take (_ecart_report_format_number (scope, -3.6, 1), "−3,6");
  assert_take (_ecart_report_format_signed (scope, 2.78, 1), "+2,8");
  assert_take (_ecart_report_format_number (scope, 12345.67, 1), "12\u00a0345,7");
  assert_take (_ecart_report_format_count (scope, 1080), "1\u00a0080");
  assert_take (_ecart_report_format_percent (scope, 95, 0), "95\u00a0%");
  assert_take (_ecart_report_format_percent (scope, 41.08, 1), "41,1\u00a0%");
  _ecart_report_language_pop (scope);

  /* The environment is as it was. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, saved);
  setlocale (LC_NUMERIC, "C");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("ecart-report-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/report/write", test_write);
  g_test_add_func ("/core/report/cancelled", test_cancelled);
  g_test_add_func ("/core/report/refused", test_refused);
  g_test_add_func ("/core/report/options", test_options);
  g_test_add_func ("/core/report/formats", test_formats);

  status = g_test_run ();

  g_clear_object (&demo);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}

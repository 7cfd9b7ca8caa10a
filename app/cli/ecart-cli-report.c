/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "ecart-cli-private.h"
#include "ecart-report.h"

/* report: the PDF report of a workspace (the core's ecart-report.c). */

int
ecart_cli_report (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartReportOptions) options = ecart_report_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *confidence = NULL;
  g_auto(GStrv) segments = NULL;
  g_auto(GStrv) waves = NULL;
  int min_n = -1;
  gboolean no_holm = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write (replaced if it exists)"), N_("OUT.pdf") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the report (default: the interface’s)"), "fr|en" },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_text,
      N_("Paper size (default: a4)"), "a4|letter" },
    { "segment", 's', 0, G_OPTION_ARG_STRING_ARRAY, &segments,
      N_("Only this segment (repeat for several; default: all)"), N_("NAME") },
    { "wave", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &waves,
      N_("Only this wave (repeat for several; default: all)"), N_("NAME") },
    { "confidence", 'c', 0, G_OPTION_ARG_STRING, &confidence,
      N_("Confidence level of the intervals, 0.80 to 0.99 (default: 0.95)"), N_("LEVEL") },
    { "min-n", 'n', 0, G_OPTION_ARG_INT, &min_n,
      N_("Fewer measurements than this are marked insufficient (default: 10)"), N_("N") },
    { "no-holm", 0, 0, G_OPTION_ARG_NONE, &no_holm,
      N_("Do not correct significance for the number of attributes (Holm)"), NULL },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date printed on the report (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  EcartGapOptions *gap_options = ecart_report_options_get_gap_options (options);
  EcartPaper paper = ECART_PAPER_A4;
  gint64 start;
  int status;

  context = ecart_cli_context_new ("report", _("WORKSPACE"),
                                   _("Write the report of a workspace as a PDF file: a summary of "
                                     "every segment, then per segment its desired experience, its "
                                     "charts, what its customers say about its worst gaps and its "
                                     "open initiatives."),
                                   entries);
  if ((status = ecart_cli_parse (context, &argc, &argv, 1)) != ECART_CLI_OK)
    return status;

  if (output == NULL)
    return ecart_cli_usage_error (context, _("Missing the file to write: give it with -o OUT.pdf"));
  if (paper_text != NULL && !ecart_paper_from_string (paper_text, &paper))
    return ecart_cli_usage_error (context, _("Unknown paper size “%s”: use a4 or letter"), paper_text);
  ecart_report_options_set_paper (options, paper);
  if (language != NULL && !ecart_report_language_is_available (language))
    return ecart_cli_usage_error (context, _("The report cannot be written in “%s”: use fr or en"), language);
  ecart_report_options_set_language (options, language);
  if (date_text != NULL)
    {
      g_autofree char *iso = g_strconcat (date_text, "T12:00:00Z", NULL);
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

      if (date == NULL)
        return ecart_cli_usage_error (context, _("The date “%s” is not a date: write it YYYY-MM-DD"), date_text);
      ecart_report_options_set_date (options, date);
    }
  if (confidence != NULL)
    {
      char *end = NULL;
      double level = g_ascii_strtod (confidence, &end);

      if (end == confidence || *end != '\0' || !isfinite (level))
        return ecart_cli_usage_error (context, _("The confidence level “%s” is not a number"), confidence);
      ecart_gap_options_set_confidence (gap_options, level);
    }
  if (min_n != -1)
    {
      if (min_n < 1)
        return ecart_cli_usage_error (context, _("The minimum number of measurements must be at least 1"));
      ecart_gap_options_set_min_n (gap_options, (guint)min_n);
    }
  ecart_gap_options_set_holm (gap_options, !no_holm);
  if (!ecart_gap_options_validate (gap_options, &error))
    return ecart_cli_usage_error (context, "%s", error->message);

  if (!(workspace = ecart_cli_open (argv[1], TRUE, &status)))
    return status;
  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace, ecart_workspace_get_segments (workspace),
                                                      segments[i]);
      if (item == NULL)
        {
          fprintf (stderr, "ecart-cli: ");
          fprintf (stderr, _("There is no segment named “%s” in %s"), segments[i], argv[1]);
          fprintf (stderr, "\n");
          return ECART_CLI_BAD_DATA;
        }
      ecart_gap_options_add_segment (gap_options, ecart_item_get_id (item));
    }
  for (guint i = 0; waves != NULL && waves[i] != NULL; i++)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace, ecart_workspace_get_waves (workspace),
                                                      waves[i]);
      if (item == NULL)
        {
          fprintf (stderr, "ecart-cli: ");
          fprintf (stderr, _("There is no wave named “%s” in %s"), waves[i], argv[1]);
          fprintf (stderr, "\n");
          return ECART_CLI_BAD_DATA;
        }
      ecart_gap_options_add_wave (gap_options, ecart_item_get_id (item));
    }

  start = g_get_monotonic_time ();
  if (!ecart_report_write (workspace, options, output, NULL, NULL, NULL, &error))
    return ecart_cli_fail (error);
  printf (_("Wrote the report of “%s” to %s in %.2f s\n"), ecart_workspace_get_name (workspace), output,
          (g_get_monotonic_time () - start) / 1e6);
  return ECART_CLI_OK;
}

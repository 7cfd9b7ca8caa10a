/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "ecart-chart.h"
#include "ecart-cli-private.h"

/* chart: one of the eight charts of a workspace, as PNG, SVG or PDF, or as its text
 * alternative on the standard output. */

#define DEFAULT_WIDTH  1600
#define DEFAULT_HEIGHT 900

typedef struct
{
  char     *segment;
  char     *gap;
  char    **waves;
  char     *style;
  char     *scale;
  char     *output;
  int       width;
  int       height;
  char     *format;
  char     *confidence;
  int       min_n;
} Arguments;

static void
arguments_clear (Arguments *args)
{
  g_clear_pointer (&args->segment, g_free);
  g_clear_pointer (&args->gap, g_free);
  g_clear_pointer (&args->waves, g_strfreev);
  g_clear_pointer (&args->style, g_free);
  g_clear_pointer (&args->scale, g_free);
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->confidence, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Arguments, arguments_clear)

static char *
kind_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint k = 0; k < ECART_CHART_N_KINDS; k++)
    g_string_append_printf (list, "%s%s", k > 0 ? ", " : "", ecart_chart_kind_to_string (k));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char *
gap_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint k = 0; k < ECART_N_GAPS; k++)
    g_string_append_printf (list, "%s%s", k > 0 ? ", " : "", ecart_gap_kind_to_string (k));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static void
print_tsv (GPtrArray *rows)
{
  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (rows, r));
      printf ("%s\n", line);
    }
}

int
ecart_cli_chart (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(EcartChart) chart = NULL;
  g_autoptr(EcartChartStyle) style = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kinds = kind_list ();
  g_autofree char *gaps = gap_list ();
  g_autofree char *summary = NULL;
  g_auto(Arguments) args = { 0 };
  EcartSegment *segment = NULL;
  EcartChartKind kind;
  EcartGapKind gap;
  gboolean dark = FALSE;
  gboolean tsv = FALSE;
  double scale = 1.0;
  const char *path;
  int status;
  const GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_STRING, &args.segment,
      N_("The segment to draw (default: all of them for nps and matrix, the first one otherwise)"), N_("NAME") },
    { "gap", 'g', 0, G_OPTION_ARG_STRING, &args.gap,
      N_("The gap of gap-bars and heatmap: implementation, expectation, perception, delivery or execution"), N_("NAME") },
    { "wave", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &args.waves,
      N_("Only this wave (repeat for several; default: all)"), N_("NAME") },
    { "confidence", 'c', 0, G_OPTION_ARG_STRING, &args.confidence,
      N_("Confidence level of the intervals, 0.80 to 0.99 (default: 0.95)"), N_("LEVEL") },
    { "min-n", 'n', 0, G_OPTION_ARG_INT, &args.min_n,
      N_("Fewer measurements than this are marked insufficient (default: 10)"), N_("N") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &args.style,
      N_("Light (the default) or dark"), "light|dark" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &args.scale,
      N_("Size of the text and lines, 1 by default; 1.5 to 2 to project"), N_("FACTOR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the chart to this PNG, SVG or PDF file (the name says which); without it, print its data"),
      N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width,
      N_("Width in pixels (points for PDF), default 1600"), N_("WIDTH") },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height,
      N_("Height in pixels (points for PDF), default 900"), N_("HEIGHT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format,
      N_("Without --output: text (aligned, the default) or tsv"), "text|tsv" },
    { NULL }
  };

  summary = g_strdup_printf (_("Draw a chart of the gaps. KIND is one of: %s."), kinds);
  context = ecart_cli_context_new ("chart", _("WORKSPACE KIND"), summary, entries);
  args.min_n = -1;
  args.width = DEFAULT_WIDTH;
  args.height = DEFAULT_HEIGHT;
  if ((status = ecart_cli_parse (context, &argc, &argv, 2)) != ECART_CLI_OK)
    return status;
  path = argv[1];

  if (!ecart_chart_kind_from_string (argv[2], &kind))
    return ecart_cli_usage_error (context, _("Unknown chart “%s”: use one of %s"), argv[2], kinds);
  gap = ecart_chart_kind_get_default_gap (kind);
  if (args.gap != NULL && !ecart_gap_kind_from_string (args.gap, &gap))
    return ecart_cli_usage_error (context, _("Unknown gap “%s”: use one of %s"), args.gap, gaps);
  if (args.style != NULL)
    {
      if (g_str_equal (args.style, "dark"))
        dark = TRUE;
      else if (!g_str_equal (args.style, "light"))
        return ecart_cli_usage_error (context, _("Unknown style “%s”: use light or dark"), args.style);
    }
  if (args.scale != NULL && (!parse_number (args.scale, &scale) || scale < 0.25 || scale > 8.0))
    return ecart_cli_usage_error (context, _("The scale “%s” is not a number from 0.25 to 8"), args.scale);
  if (args.width < 1 || args.height < 1 || args.width > 20000 || args.height > 20000)
    return ecart_cli_usage_error (context, _("The width and height must be from 1 to 20000"));
  if (args.format != NULL)
    {
      if (g_str_equal (args.format, "tsv"))
        tsv = TRUE;
      else if (!g_str_equal (args.format, "text"))
        return ecart_cli_usage_error (context, _("Unknown format “%s”: use text or tsv"), args.format);
    }
  if (args.output != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (args.output, -1);

      if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg")
          && !g_str_has_suffix (lower, ".pdf"))
        return ecart_cli_usage_error (context, _("The output file must end in .png, .svg or .pdf"));
    }
  if (args.confidence != NULL)
    {
      double confidence;

      if (!parse_number (args.confidence, &confidence))
        return ecart_cli_usage_error (context, _("The confidence level “%s” is not a number"),
                                      args.confidence);
      ecart_gap_options_set_confidence (options, confidence);
    }
  if (args.min_n != -1)
    {
      if (args.min_n < 1)
        return ecart_cli_usage_error (context,
                                      _("The minimum number of measurements must be at least 1"));
      ecart_gap_options_set_min_n (options, (guint)args.min_n);
    }
  if (!ecart_gap_options_validate (options, &error))
    return ecart_cli_usage_error (context, "%s", error->message);

  if (!(workspace = ecart_cli_open (path, TRUE, &status)))
    return status;

  if (args.segment != NULL)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace, ecart_workspace_get_segments (workspace),
                                                      args.segment);
      if (item == NULL)
        {
          fprintf (stderr, "ecart-cli: ");
          fprintf (stderr, _("There is no segment named “%s” in %s"), args.segment, path);
          fprintf (stderr, "\n");
          return ECART_CLI_BAD_DATA;
        }
      segment = ECART_SEGMENT (item);
      ecart_gap_options_add_segment (options, ecart_item_get_id (item));
    }
  for (guint i = 0; args.waves != NULL && args.waves[i] != NULL; i++)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace, ecart_workspace_get_waves (workspace),
                                                      args.waves[i]);
      if (item == NULL)
        {
          fprintf (stderr, "ecart-cli: ");
          fprintf (stderr, _("There is no wave named “%s” in %s"), args.waves[i], path);
          fprintf (stderr, "\n");
          return ECART_CLI_BAD_DATA;
        }
      ecart_gap_options_add_wave (options, ecart_item_get_id (item));
    }

  table = ecart_gap_table_new (workspace, options, &error);
  if (table == NULL)
    return ecart_cli_fail (error);

  chart = ecart_chart_new (kind, table, segment, gap);

  if (args.output == NULL)
    {
      if (tsv)
        {
          g_autoptr(GPtrArray) rows = ecart_chart_get_rows (chart);
          print_tsv (rows);
        }
      else
        {
          g_autofree char *text = ecart_chart_to_text (chart);
          fputs (text, stdout);
        }
      return ECART_CLI_OK;
    }

  style = ecart_chart_style_new (dark, scale);
  if (!ecart_chart_export (chart, args.output, args.width, args.height, style, &error))
    return ecart_cli_fail (error);
  if (ecart_chart_is_empty (chart))
    fprintf (stderr, "ecart-cli: %s\n", ecart_chart_get_empty_message (chart));
  {
    g_autofree char *display = g_filename_display_name (args.output);

    printf (_("Wrote the chart “%s” to %s\n"), ecart_chart_get_title (chart), display);
  }
  return ECART_CLI_OK;
}

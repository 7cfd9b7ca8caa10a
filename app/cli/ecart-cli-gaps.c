/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "ecart-cli-private.h"
#include "ecart-export.h"
#include "ecart-gap-table.h"

/* gaps, nps, trends: the gap engine's results, as a table for a terminal, CSV or JSON. */

typedef enum {
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

/* The options the three commands share (each offers those that make sense for it). */
typedef struct
{
  char     **segments;
  char     **waves;
  gboolean   by_touchpoint;
  char      *touchpoint;
  char      *from;
  char      *to;
  char      *confidence;
  int        min_n;
  gboolean   no_holm;
  char      *format;
  char      *by;
} Arguments;

static void
arguments_clear (Arguments *args)
{
  g_clear_pointer (&args->segments, g_strfreev);
  g_clear_pointer (&args->waves, g_strfreev);
  g_clear_pointer (&args->touchpoint, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->confidence, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->by, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Arguments, arguments_clear)

#define ENTRY_SEGMENT(args) \
  { "segment", 's', 0, G_OPTION_ARG_STRING_ARRAY, &(args).segments, \
    N_("Only this segment (repeat for several; default: all)"), N_("NAME") }
#define ENTRY_WAVE(args) \
  { "wave", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &(args).waves, \
    N_("Only this wave (repeat for several; default: all)"), N_("NAME") }
#define ENTRY_TOUCHPOINT(args) \
  { "touchpoint", 't', 0, G_OPTION_ARG_STRING, &(args).touchpoint, \
    N_("Only the measurements taken at this touchpoint"), N_("NAME") }
#define ENTRY_FROM(args) \
  { "from", 0, 0, G_OPTION_ARG_STRING, &(args).from, \
    N_("Only the answers given on or after this date"), N_("YYYY-MM-DD") }
#define ENTRY_TO(args) \
  { "to", 0, 0, G_OPTION_ARG_STRING, &(args).to, \
    N_("Only the answers given on or before this date"), N_("YYYY-MM-DD") }
#define ENTRY_CONFIDENCE(args) \
  { "confidence", 'c', 0, G_OPTION_ARG_STRING, &(args).confidence, \
    N_("Confidence level of the intervals, 0.80 to 0.99 (default: 0.95)"), N_("LEVEL") }
#define ENTRY_MIN_N(args) \
  { "min-n", 'n', 0, G_OPTION_ARG_INT, &(args).min_n, \
    N_("Fewer measurements than this are marked insufficient (default: 10)"), N_("N") }
#define ENTRY_FORMAT(args) \
  { "format", 'f', 0, G_OPTION_ARG_STRING, &(args).format, \
    N_("Output format: table (the default), csv or json"), "table|csv|json" }

/* Turns the arguments into gap options, or says what is wrong with them (exit 1). */
static int
make_options (GOptionContext   *context,
              Arguments        *args,
              Format           *format,
              EcartGapOptions **options_out)
{
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(GError) error = NULL;

  if (args->format == NULL || g_str_equal (args->format, "table"))
    *format = FORMAT_TABLE;
  else if (g_str_equal (args->format, "csv"))
    *format = FORMAT_CSV;
  else if (g_str_equal (args->format, "json"))
    *format = FORMAT_JSON;
  else
    return ecart_cli_usage_error (context, _("Unknown format “%s”: use table, csv or json"),
                                  args->format);

  if (args->confidence != NULL)
    {
      char *end = NULL;
      double confidence = g_ascii_strtod (args->confidence, &end);

      if (end == args->confidence || *end != '\0' || !isfinite (confidence))
        return ecart_cli_usage_error (context, _("The confidence level “%s” is not a number"),
                                      args->confidence);
      ecart_gap_options_set_confidence (options, confidence);
    }

  if (args->min_n != -1)
    {
      if (args->min_n < 1)
        return ecart_cli_usage_error (context,
                                      _("The minimum number of measurements must be at least 1"));
      ecart_gap_options_set_min_n (options, (guint)args->min_n);
    }

  ecart_gap_options_set_holm (options, !args->no_holm);
  ecart_gap_options_set_by_touchpoint (options, args->by_touchpoint);
  ecart_gap_options_set_from (options, args->from);
  ecart_gap_options_set_to (options, args->to);

  if (!ecart_gap_options_validate (options, &error))
    return ecart_cli_usage_error (context, "%s", error->message);

  *options_out = g_steal_pointer (&options);
  return ECART_CLI_OK;
}

static int
unknown_name (const char *message,
              const char *name,
              const char *path)
{
  g_autofree char *text = g_strdup_printf (message, name, path);

  fprintf (stderr, "ecart-cli: %s\n", text);
  return ECART_CLI_BAD_DATA;
}

/* Names to ids; an unknown name is bad data (exit 2), named in the message. */
static int
resolve_names (EcartWorkspace  *workspace,
               const char      *path,
               Arguments       *args,
               EcartGapOptions *options)
{
  for (guint i = 0; args->segments != NULL && args->segments[i] != NULL; i++)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace,
                                                      ecart_workspace_get_segments (workspace),
                                                      args->segments[i]);
      if (item == NULL)
        return unknown_name (_("There is no segment named “%s” in %s"), args->segments[i], path);
      ecart_gap_options_add_segment (options, ecart_item_get_id (item));
    }

  for (guint i = 0; args->waves != NULL && args->waves[i] != NULL; i++)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace,
                                                      ecart_workspace_get_waves (workspace),
                                                      args->waves[i]);
      if (item == NULL)
        return unknown_name (_("There is no wave named “%s” in %s"), args->waves[i], path);
      ecart_gap_options_add_wave (options, ecart_item_get_id (item));
    }

  if (args->touchpoint != NULL)
    {
      EcartItem *item = ecart_workspace_find_by_name (workspace,
                                                      ecart_workspace_get_touchpoints (workspace),
                                                      args->touchpoint);
      if (item == NULL)
        return unknown_name (_("There is no touchpoint named “%s” in %s"), args->touchpoint, path);
      ecart_gap_options_set_touchpoint_id (options, ecart_item_get_id (item));
    }

  return ECART_CLI_OK;
}

/* Parses the arguments (exactly one: the workspace) and makes the options; any problem is
 * bad usage (exit 1), found before the workspace is opened. */
static int
parse_arguments (GOptionContext   *context,
                 Arguments        *args,
                 int              *argc,
                 char           ***argv,
                 Format           *format,
                 EcartGapOptions **options)
{
  int status;

  args->min_n = -1;
  if ((status = ecart_cli_parse (context, argc, argv, 1)) != ECART_CLI_OK)
    return status;
  return make_options (context, args, format, options);
}

/* Opens the workspace, resolves the names and computes the table. */
static int
compute_table (GOptionContext   *context,
               Arguments        *args,
               const char       *path,
               EcartGapOptions  *options,
               EcartWorkspace  **workspace_out,
               EcartGapTable   **table_out)
{
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!(workspace = ecart_cli_open (path, TRUE, &status)))
    return status;
  if ((status = resolve_names (workspace, path, args, options)) != ECART_CLI_OK)
    return status;

  *table_out = ecart_gap_table_new (workspace, options, &error);
  if (*table_out == NULL)
    {
      if (g_error_matches (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID))
        return ecart_cli_usage_error (context, "%s", error->message);
      return ecart_cli_fail (error);
    }

  *workspace_out = g_steal_pointer (&workspace);
  return ECART_CLI_OK;
}

static int
run_table (GOptionContext   *context,
           Arguments        *args,
           int              *argc,
           char           ***argv,
           Format           *format,
           EcartWorkspace  **workspace_out,
           EcartGapTable   **table_out)
{
  g_autoptr(EcartGapOptions) options = NULL;
  int status;

  if ((status = parse_arguments (context, args, argc, argv, format, &options)) != ECART_CLI_OK)
    return status;
  return compute_table (context, args, (*argv)[1], options, workspace_out, table_out);
}

/* ---------------------------------------------------------------------------------- */
/* The options of gaps, for `export gaps` (ecart-cli-export.c)                        */

struct _EcartCliGapArguments
{
  Arguments     args;
  GOptionEntry *entries;
};

EcartCliGapArguments *
ecart_cli_gap_arguments_new (void)
{
  EcartCliGapArguments *self = g_new0 (EcartCliGapArguments, 1);
  const GOptionEntry entries[] = {
    ENTRY_SEGMENT (self->args),
    ENTRY_WAVE (self->args),
    { "by-touchpoint", 0, 0, G_OPTION_ARG_NONE, &self->args.by_touchpoint,
      N_("One row per touchpoint where the attribute was measured"), NULL },
    ENTRY_TOUCHPOINT (self->args),
    ENTRY_FROM (self->args),
    ENTRY_TO (self->args),
    ENTRY_CONFIDENCE (self->args),
    ENTRY_MIN_N (self->args),
    { "no-holm", 0, 0, G_OPTION_ARG_NONE, &self->args.no_holm,
      N_("Do not correct significance for the number of attributes (Holm)"), NULL },
    { NULL }
  };

  self->args.min_n = -1;
  self->entries = g_memdup2 (entries, sizeof entries);
  return self;
}

void
ecart_cli_gap_arguments_free (EcartCliGapArguments *self)
{
  if (self == NULL)
    return;
  arguments_clear (&self->args);
  g_free (self->entries);
  g_free (self);
}

/* The entries point into @self: keep it until the context has parsed. */
const GOptionEntry *
ecart_cli_gap_arguments_get_entries (EcartCliGapArguments *self)
{
  return self->entries;
}

/* Whether any of the options was given. */
gboolean
ecart_cli_gap_arguments_are_set (EcartCliGapArguments *self)
{
  const Arguments *args = &self->args;

  return args->segments != NULL || args->waves != NULL || args->by_touchpoint ||
         args->touchpoint != NULL || args->from != NULL || args->to != NULL ||
         args->confidence != NULL || args->min_n != -1 || args->no_holm;
}

/* Once the context has parsed: checks the options (exit 1), opens the workspace at @path,
 * resolves the names (exit 2) and computes the table. */
int
ecart_cli_gap_arguments_compute (EcartCliGapArguments  *self,
                                 GOptionContext        *context,
                                 const char            *path,
                                 EcartWorkspace       **workspace,
                                 EcartGapTable        **table)
{
  g_autoptr(EcartGapOptions) options = NULL;
  Format format;
  int status;

  if ((status = make_options (context, &self->args, &format, &options)) != ECART_CLI_OK)
    return status;
  return compute_table (context, &self->args, path, options, workspace, table);
}

/* g_strv_builder_take() is GLib 2.80. */
static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static void
print_text (const char *text)
{
  fputs (text, stdout);
}

/* The level as people say it: 0.95 → "95". */
static char *
percent_text (double confidence)
{
  return g_strdup_printf ("%g", round (confidence * 1000.0) / 10.0);
}

static const char *
item_name (gpointer item)
{
  return item != NULL ? ecart_item_get_name (ECART_ITEM (item)) : NULL;
}

/* ---------------------------------------------------------------------------------- */
/* Terminal tables                                                                    */

#define MISSING "–"

static char *
format_value (double value)
{
  if (!isfinite (value))
    return g_strdup (MISSING);
  return g_strdup_printf ("%.1f", value);
}

static char *
format_signed (double value)
{
  if (!isfinite (value))
    return g_strdup (MISSING);
  /* No "-0.0": a value that rounds to 0 is shown as 0.0. */
  if (fabs (value) < 0.05)
    value = 0.0;
  return g_strdup_printf ("%+.1f", value);
}

/* @text followed by @suffix, taking @text. */
static char *
append (char       *text,
        const char *suffix)
{
  char *result = g_strconcat (text, suffix, NULL);

  g_free (text);
  return result;
}

/* A gap with its mark: * significant, ? insufficient data, a space otherwise so that the
 * numbers stay aligned. */
static char *
format_gap (const EcartGap *gap)
{
  g_autofree char *value = NULL;

  if (!isfinite (gap->value))
    return g_strdup (MISSING " ");
  value = format_signed (gap->value);
  return g_strconcat (value, gap->insufficient ? "?" : gap->significant ? "*" : " ", NULL);
}

static char *
format_mean (const EcartSummary *summary,
             gboolean            insufficient)
{
  g_autofree char *value = NULL;

  if (summary->n == 0)
    return g_strdup (MISSING " ");
  value = format_value (summary->mean);
  return g_strconcat (value, insufficient ? "?" : " ", NULL);
}

static void
print_header (EcartWorkspace *workspace,
              EcartGapTable  *table)
{
  EcartGapOptions *options = ecart_gap_table_get_options (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  g_autoptr(GString) names = g_string_new (NULL);
  gint64 touchpoint_id = ecart_gap_options_get_touchpoint_id (options);

  printf ("%s\n", ecart_workspace_get_name (workspace));
  for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);

      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", item_name (wave));
    }
  if (names->len > 0)
    printf (_("Waves: %s\n"), names->str);
  else
    printf (_("There are no waves of measurements yet.\n"));

  if (touchpoint_id != ECART_GAP_ALL_TOUCHPOINTS)
    printf (_("Touchpoint: %s\n"),
            item_name (ecart_workspace_find_touchpoint (workspace, touchpoint_id)));
  if (ecart_gap_options_get_from (options) != NULL && ecart_gap_options_get_to (options) != NULL)
    printf (_("Answers given from %s to %s\n"), ecart_gap_options_get_from (options),
            ecart_gap_options_get_to (options));
  else if (ecart_gap_options_get_from (options) != NULL)
    printf (_("Answers given from %s on\n"), ecart_gap_options_get_from (options));
  else if (ecart_gap_options_get_to (options) != NULL)
    printf (_("Answers given until %s\n"), ecart_gap_options_get_to (options));
}

static char *
format_nps_line (const EcartNps *nps,
                 double          confidence)
{
  g_autofree char *percent = percent_text (confidence);
  g_autofree char *count = ecart_cli_format_count (nps->n);

  if (nps->n == 0)
    return g_strdup (_("Recommendation: no scores."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Recommendation: NPS %+.1f (%s %% interval %+.1f to %+.1f), %s respondent.",
                                       "Recommendation: NPS %+.1f (%s %% interval %+.1f to %+.1f), %s respondents.",
                                       nps->n),
                          nps->nps, percent, nps->ci_low, nps->ci_high, count);
}

static void
print_gaps_table (EcartWorkspace *workspace,
                  EcartGapTable  *table)
{
  GListModel *segments = ecart_gap_table_get_segments (table);
  EcartGapOptions *options = ecart_gap_table_get_options (table);
  gboolean by_touchpoint = ecart_gap_options_get_by_touchpoint (options);
  g_autofree char *percent = percent_text (ecart_gap_table_get_confidence (table));
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (table));

  print_header (workspace, table);
  if (g_list_model_get_n_items (segments) == 0)
    printf (_("There are no segments yet.\n"));

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      g_autoptr(EcartCliTable) out = ecart_cli_table_new (by_touchpoint ? "llrrrrrrrrrrrrr"
                                                                        : "lrrrrrrrrrrrrr");
      g_autofree char *nps_line = NULL;
      g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) index = g_strv_builder_new ();

      printf ("\n%s\n", ecart_item_get_name (ECART_ITEM (segment)));

      g_strv_builder_add (header, _("Attribute"));
      if (by_touchpoint)
        g_strv_builder_add (header, _("Touchpoint"));
      /* Column headings: keep them short, the legend explains them. */
      g_strv_builder_add_many (header, C_("column", "Imp."), C_("column", "Desired"),
                               C_("column", "Proposed"), C_("column", "Expected"),
                               C_("column", "n"), C_("column", "Lived"), C_("column", "n"),
                               C_("column", "Impl."), C_("column", "Expect."),
                               C_("column", "Percep."), C_("column", "Deliv."),
                               C_("column", "Exec."), NULL);
      ecart_cli_table_take_row (out, g_strv_builder_end (header));

      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (G_LIST_MODEL (table), r);
          g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
          const EcartSummary *expected = ecart_gap_row_get_summary (row, ECART_DIMENSION_EXPECTED);
          const EcartSummary *lived = ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED);

          if (ecart_gap_row_get_segment (row) != segment)
            continue;

          g_strv_builder_add (cells, item_name (ecart_gap_row_get_attribute (row)));
          if (by_touchpoint)
            g_strv_builder_add (cells, ecart_gap_row_get_touchpoint (row) != NULL
                                         ? item_name (ecart_gap_row_get_touchpoint (row))
                                         : _("(no touchpoint)"));
          builder_take (cells, g_strdup_printf ("%d", ecart_gap_row_get_importance (row)));
          builder_take (cells, format_value (ecart_gap_row_get_desired (row)));
          builder_take (cells, format_value (ecart_gap_row_get_proposed (row)));
          builder_take (cells, format_mean (expected, ecart_gap_row_is_insufficient (row, ECART_DIMENSION_EXPECTED)));
          builder_take (cells, g_strdup_printf ("%" G_GINT64_FORMAT, expected->n));
          builder_take (cells, format_mean (lived, ecart_gap_row_is_insufficient (row, ECART_DIMENSION_LIVED)));
          builder_take (cells, g_strdup_printf ("%" G_GINT64_FORMAT, lived->n));
          for (guint k = 0; k < ECART_N_GAPS; k++)
            builder_take (cells, format_gap (ecart_gap_row_get_gap (row, k)));
          ecart_cli_table_take_row (out, g_strv_builder_end (cells));
        }

      g_strv_builder_add (index, _("Importance-weighted index"));
      if (by_touchpoint)
        g_strv_builder_add (index, "");
      for (guint c = 0; c < 7; c++)
        g_strv_builder_add (index, "");
      for (guint k = 0; k < ECART_N_GAPS; k++)
        {
          double value = ecart_gap_table_get_index (table, segment, k, NULL);

          builder_take (index, append (format_signed (value), " "));
        }
      ecart_cli_table_take_row (out, g_strv_builder_end (index));
      ecart_cli_table_print (out, stdout);

      nps_line = format_nps_line (ecart_gap_table_get_nps (table, segment, NULL),
                                  ecart_gap_table_get_confidence (table));
      printf ("%s\n", nps_line);
    }

  printf ("\n");
  if (ecart_gap_options_get_holm (options))
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "* significant at the %s %% level, with Holm’s correction across the "
                         "attributes of each segment; ? insufficient data (fewer than %u "
                         "measurement); – not computable.\n",
                         "* significant at the %s %% level, with Holm’s correction across the "
                         "attributes of each segment; ? insufficient data (fewer than %u "
                         "measurements); – not computable.\n",
                         ecart_gap_table_get_min_n (table)),
            percent, ecart_gap_table_get_min_n (table));
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "* significant at the %s %% level (interval excluding 0, no correction "
                         "for multiple comparisons); ? insufficient data (fewer than %u "
                         "measurement); – not computable.\n",
                         "* significant at the %s %% level (interval excluding 0, no correction "
                         "for multiple comparisons); ? insufficient data (fewer than %u "
                         "measurements); – not computable.\n",
                         ecart_gap_table_get_min_n (table)),
            percent, ecart_gap_table_get_min_n (table));
  printf (_("Scores and gaps in points on 0–10. Imp. = importance (1–5); Impl. = proposed − "
            "desired; Expect. = expected − desired; Percep. = lived − expected; Deliv. = lived "
            "− desired; Exec. = lived − proposed.\n"));
}

/* ---------------------------------------------------------------------------------- */
/* gaps: CSV and JSON                                                                 */

static void
print_gaps_csv (EcartGapTable *table)
{
  g_autoptr(EcartCsvWriter) csv = ecart_csv_writer_new (NULL, ECART_CSV_WRITER_FLAGS_NONE, NULL);

  /* In memory: it cannot fail. */
  ecart_export_write_gaps (table, csv, NULL);
  print_text (ecart_csv_writer_get_text (csv));
}

static void
json_summary (EcartCliJson       *json,
              const EcartSummary *summary,
              gboolean            insufficient)
{
  ecart_cli_json_begin_object (json);
  ecart_cli_json_key (json, "n");
  ecart_cli_json_int (json, summary->n);
  ecart_cli_json_key (json, "mean");
  ecart_cli_json_number (json, summary->mean);
  ecart_cli_json_key (json, "sd");
  ecart_cli_json_number (json, summary->sd);
  ecart_cli_json_key (json, "ci_low");
  ecart_cli_json_number (json, summary->ci_low);
  ecart_cli_json_key (json, "ci_high");
  ecart_cli_json_number (json, summary->ci_high);
  ecart_cli_json_key (json, "insufficient");
  ecart_cli_json_boolean (json, insufficient);
  ecart_cli_json_end_object (json);
}

static void
json_gap (EcartCliJson   *json,
          const EcartGap *gap)
{
  ecart_cli_json_begin_object (json);
  ecart_cli_json_key (json, "value");
  ecart_cli_json_number (json, gap->value);
  ecart_cli_json_key (json, "ci_low");
  ecart_cli_json_number (json, gap->ci_low);
  ecart_cli_json_key (json, "ci_high");
  ecart_cli_json_number (json, gap->ci_high);
  ecart_cli_json_key (json, "method");
  ecart_cli_json_string (json, ecart_gap_method_to_string (gap->method));
  ecart_cli_json_key (json, "n");
  ecart_cli_json_int (json, gap->n);
  ecart_cli_json_key (json, "df");
  ecart_cli_json_number (json, gap->df);
  ecart_cli_json_key (json, "t");
  ecart_cli_json_number (json, gap->statistic);
  ecart_cli_json_key (json, "p");
  ecart_cli_json_number (json, gap->p_value);
  ecart_cli_json_key (json, "p_adjusted");
  ecart_cli_json_number (json, gap->p_adjusted);
  ecart_cli_json_key (json, "significant");
  ecart_cli_json_boolean (json, gap->significant);
  ecart_cli_json_key (json, "insufficient");
  ecart_cli_json_boolean (json, gap->insufficient);
  ecart_cli_json_end_object (json);
}

static void
json_nps (EcartCliJson   *json,
          const EcartNps *nps)
{
  ecart_cli_json_begin_object (json);
  ecart_cli_json_key (json, "n");
  ecart_cli_json_int (json, nps->n);
  ecart_cli_json_key (json, "promoters");
  ecart_cli_json_int (json, nps->promoters);
  ecart_cli_json_key (json, "passives");
  ecart_cli_json_int (json, nps->passives);
  ecart_cli_json_key (json, "detractors");
  ecart_cli_json_int (json, nps->detractors);
  ecart_cli_json_key (json, "promoters_pct");
  ecart_cli_json_number (json, nps->promoters_pct);
  ecart_cli_json_key (json, "passives_pct");
  ecart_cli_json_number (json, nps->passives_pct);
  ecart_cli_json_key (json, "detractors_pct");
  ecart_cli_json_number (json, nps->detractors_pct);
  ecart_cli_json_key (json, "nps");
  ecart_cli_json_number (json, nps->nps);
  ecart_cli_json_key (json, "adjusted_nps");
  ecart_cli_json_number (json, nps->adjusted_nps);
  ecart_cli_json_key (json, "ci_low");
  ecart_cli_json_number (json, nps->ci_low);
  ecart_cli_json_key (json, "ci_high");
  ecart_cli_json_number (json, nps->ci_high);
  ecart_cli_json_key (json, "insufficient");
  ecart_cli_json_boolean (json, nps->insufficient);
  ecart_cli_json_end_object (json);
}

static void
json_nps_change (EcartCliJson         *json,
                 const EcartNpsChange *change)
{
  if (change == NULL)
    {
      ecart_cli_json_null (json);
      return;
    }
  ecart_cli_json_begin_object (json);
  ecart_cli_json_key (json, "difference");
  ecart_cli_json_number (json, change->difference);
  ecart_cli_json_key (json, "adjusted_difference");
  ecart_cli_json_number (json, change->adjusted_difference);
  ecart_cli_json_key (json, "ci_low");
  ecart_cli_json_number (json, change->ci_low);
  ecart_cli_json_key (json, "ci_high");
  ecart_cli_json_number (json, change->ci_high);
  ecart_cli_json_key (json, "z");
  ecart_cli_json_number (json, change->z);
  ecart_cli_json_key (json, "p");
  ecart_cli_json_number (json, change->p_value);
  ecart_cli_json_key (json, "significant");
  ecart_cli_json_boolean (json, change->significant);
  ecart_cli_json_key (json, "insufficient");
  ecart_cli_json_boolean (json, change->insufficient);
  ecart_cli_json_end_object (json);
}

/* What every JSON output starts with: the workspace and the parameters. */
static void
json_header (EcartCliJson   *json,
             EcartWorkspace *workspace,
             EcartGapTable  *table)
{
  EcartGapOptions *options = ecart_gap_table_get_options (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  gint64 touchpoint_id = ecart_gap_options_get_touchpoint_id (options);

  ecart_cli_json_key (json, "workspace");
  ecart_cli_json_string (json, ecart_workspace_get_name (workspace));
  ecart_cli_json_key (json, "confidence");
  ecart_cli_json_number (json, ecart_gap_table_get_confidence (table));
  ecart_cli_json_key (json, "min_n");
  ecart_cli_json_int (json, ecart_gap_table_get_min_n (table));
  ecart_cli_json_key (json, "holm");
  ecart_cli_json_boolean (json, ecart_gap_options_get_holm (options));
  ecart_cli_json_key (json, "by_touchpoint");
  ecart_cli_json_boolean (json, ecart_gap_options_get_by_touchpoint (options));
  ecart_cli_json_key (json, "touchpoint");
  ecart_cli_json_string (json, touchpoint_id != ECART_GAP_ALL_TOUCHPOINTS
                                 ? item_name (ecart_workspace_find_touchpoint (workspace, touchpoint_id))
                                 : NULL);
  ecart_cli_json_key (json, "from");
  ecart_cli_json_string (json, ecart_gap_options_get_from (options));
  ecart_cli_json_key (json, "to");
  ecart_cli_json_string (json, ecart_gap_options_get_to (options));

  ecart_cli_json_key (json, "waves");
  ecart_cli_json_begin_array (json);
  for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);

      ecart_cli_json_begin_object (json);
      ecart_cli_json_key (json, "name");
      ecart_cli_json_string (json, item_name (wave));
      ecart_cli_json_key (json, "started_on");
      ecart_cli_json_string (json, ecart_wave_get_started_on (wave));
      ecart_cli_json_key (json, "ended_on");
      ecart_cli_json_string (json, ecart_wave_get_ended_on (wave));
      ecart_cli_json_end_object (json);
    }
  ecart_cli_json_end_array (json);
}

static void
print_gaps_json (EcartWorkspace *workspace,
                 EcartGapTable  *table)
{
  g_autoptr(EcartCliJson) json = ecart_cli_json_new ();
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (table));

  ecart_cli_json_begin_object (json);
  json_header (json, workspace, table);

  ecart_cli_json_key (json, "segments");
  ecart_cli_json_begin_array (json);
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      GListModel *attribute_rows = ecart_gap_table_get_segment_rows (table, segment);
      double importance;
      double lived;

      ecart_cli_json_begin_object (json);
      ecart_cli_json_key (json, "name");
      ecart_cli_json_string (json, item_name (segment));

      ecart_cli_json_key (json, "rows");
      ecart_cli_json_begin_array (json);
      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (G_LIST_MODEL (table), r);

          if (ecart_gap_row_get_segment (row) != segment)
            continue;

          ecart_cli_json_begin_object (json);
          ecart_cli_json_key (json, "attribute");
          ecart_cli_json_string (json, item_name (ecart_gap_row_get_attribute (row)));
          ecart_cli_json_key (json, "touchpoint");
          ecart_cli_json_string (json, item_name (ecart_gap_row_get_touchpoint (row)));
          ecart_cli_json_key (json, "importance");
          ecart_cli_json_int (json, ecart_gap_row_get_importance (row));
          ecart_cli_json_key (json, "desired");
          ecart_cli_json_number (json, ecart_gap_row_get_desired (row));
          ecart_cli_json_key (json, "proposed");
          ecart_cli_json_number (json, ecart_gap_row_get_proposed (row));
          ecart_cli_json_key (json, "expected");
          json_summary (json, ecart_gap_row_get_summary (row, ECART_DIMENSION_EXPECTED),
                        ecart_gap_row_is_insufficient (row, ECART_DIMENSION_EXPECTED));
          ecart_cli_json_key (json, "lived");
          json_summary (json, ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED),
                        ecart_gap_row_is_insufficient (row, ECART_DIMENSION_LIVED));
          ecart_cli_json_key (json, "pairs_n");
          ecart_cli_json_int (json, ecart_gap_row_get_pairs (row));
          ecart_cli_json_key (json, "gaps");
          ecart_cli_json_begin_object (json);
          for (guint k = 0; k < ECART_N_GAPS; k++)
            {
              ecart_cli_json_key (json, ecart_gap_kind_to_string (k));
              json_gap (json, ecart_gap_row_get_gap (row, k));
            }
          ecart_cli_json_end_object (json);
          ecart_cli_json_end_object (json);
        }
      ecart_cli_json_end_array (json);

      ecart_cli_json_key (json, "indices");
      ecart_cli_json_begin_object (json);
      for (guint k = 0; k < ECART_N_GAPS; k++)
        {
          ecart_cli_json_key (json, ecart_gap_kind_to_string (k));
          ecart_cli_json_number (json, ecart_gap_table_get_index (table, segment, k, NULL));
        }
      ecart_cli_json_end_object (json);

      ecart_gap_table_get_crosshair (table, segment, &importance, &lived);
      ecart_cli_json_key (json, "quadrants");
      ecart_cli_json_begin_object (json);
      ecart_cli_json_key (json, "importance_mean");
      ecart_cli_json_number (json, importance);
      ecart_cli_json_key (json, "lived_mean");
      ecart_cli_json_number (json, lived);
      ecart_cli_json_key (json, "attributes");
      ecart_cli_json_begin_array (json);
      for (guint a = 0; a < g_list_model_get_n_items (attribute_rows); a++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (attribute_rows, a);

          ecart_cli_json_begin_object (json);
          ecart_cli_json_key (json, "attribute");
          ecart_cli_json_string (json, item_name (ecart_gap_row_get_attribute (row)));
          ecart_cli_json_key (json, "importance");
          ecart_cli_json_int (json, ecart_gap_row_get_importance (row));
          ecart_cli_json_key (json, "lived");
          ecart_cli_json_number (json, ecart_gap_row_get_value (row, ECART_DIMENSION_LIVED));
          ecart_cli_json_key (json, "quadrant");
          ecart_cli_json_string (json, ecart_quadrant_to_string (ecart_gap_row_get_quadrant (row)));
          ecart_cli_json_end_object (json);
        }
      ecart_cli_json_end_array (json);
      ecart_cli_json_end_object (json);

      ecart_cli_json_key (json, "nps");
      json_nps (json, ecart_gap_table_get_nps (table, segment, NULL));
      ecart_cli_json_key (json, "nps_by_wave");
      ecart_cli_json_begin_array (json);
      for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
        {
          g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);

          ecart_cli_json_begin_object (json);
          ecart_cli_json_key (json, "wave");
          ecart_cli_json_string (json, item_name (wave));
          ecart_cli_json_key (json, "nps");
          json_nps (json, ecart_gap_table_get_nps (table, segment, wave));
          ecart_cli_json_key (json, "change");
          json_nps_change (json, ecart_gap_table_get_nps_change (table, segment, wave));
          ecart_cli_json_end_object (json);
        }
      ecart_cli_json_end_array (json);
      ecart_cli_json_end_object (json);
    }
  ecart_cli_json_end_array (json);

  ecart_cli_json_key (json, "nps");
  json_nps (json, ecart_gap_table_get_nps (table, NULL, NULL));
  ecart_cli_json_end_object (json);

  print_text (ecart_cli_json_get_text (json));
}

int
ecart_cli_gaps (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapTable) table = NULL;
  g_auto(Arguments) args = { 0 };
  const GOptionEntry entries[] = {
    ENTRY_SEGMENT (args),
    ENTRY_WAVE (args),
    { "by-touchpoint", 0, 0, G_OPTION_ARG_NONE, &args.by_touchpoint,
      N_("One row per touchpoint where the attribute was measured"), NULL },
    ENTRY_TOUCHPOINT (args),
    ENTRY_FROM (args),
    ENTRY_TO (args),
    ENTRY_CONFIDENCE (args),
    ENTRY_MIN_N (args),
    { "no-holm", 0, 0, G_OPTION_ARG_NONE, &args.no_holm,
      N_("Do not correct significance for the number of attributes (Holm)"), NULL },
    ENTRY_FORMAT (args),
    { NULL }
  };
  Format format;
  int status;

  context = ecart_cli_context_new ("gaps", _("WORKSPACE"),
                                   _("Show the four dimensions of the experience and the five "
                                     "gaps per segment and attribute, with their confidence "
                                     "intervals and significance, the importance-weighted "
                                     "indices and the recommendation."),
                                   entries);
  status = run_table (context, &args, &argc, &argv, &format, &workspace, &table);
  if (status != ECART_CLI_OK)
    return status;

  switch (format)
    {
    case FORMAT_TABLE:
      print_gaps_table (workspace, table);
      break;
    case FORMAT_CSV:
      print_gaps_csv (table);
      break;
    case FORMAT_JSON:
      print_gaps_json (workspace, table);
      break;
    default:
      g_assert_not_reached ();
    }
  return ECART_CLI_OK;
}

/* ---------------------------------------------------------------------------------- */
/* nps                                                                                */

typedef struct
{
  EcartSegment *segment;  /* NULL: all segments */
  EcartWave    *wave;     /* NULL: all waves */
} NpsGroup;

/* The groups of `nps --by`: by segment, each segment then all of them; by wave, each
 * wave then all of them; by segment and wave, for each segment its waves then its total. */
static GArray *
nps_groups (EcartGapTable *table,
            gboolean       by_segment,
            gboolean       by_wave)
{
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (NpsGroup));
  guint n_segments = by_segment ? g_list_model_get_n_items (segments) : 1;

  for (guint s = 0; s < n_segments; s++)
    {
      g_autoptr(EcartSegment) segment = by_segment ? g_list_model_get_item (segments, s) : NULL;
      NpsGroup group = { segment, NULL };

      if (by_wave)
        for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
          {
            g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
            NpsGroup per_wave = { segment, wave };

            g_array_append_val (groups, per_wave);
          }
      g_array_append_val (groups, group);
    }
  if (by_segment && !by_wave)
    {
      NpsGroup all = { NULL, NULL };

      g_array_append_val (groups, all);
    }
  return groups;
}

static void
print_nps_table (EcartWorkspace *workspace,
                 EcartGapTable  *table,
                 GArray         *groups)
{
  g_autoptr(EcartCliTable) out = ecart_cli_table_new ("llrrrrrlr");
  g_autofree char *percent = percent_text (ecart_gap_table_get_confidence (table));
  g_autofree char *interval = g_strdup_printf (_("%s %% interval"), percent);

  print_header (workspace, table);
  printf ("\n");

  ecart_cli_table_add_row (out, _("Segment"), _("Wave"), C_("column", "n"),
                           _("Promoters"), _("Passives"), _("Detractors"), _("NPS"), interval,
                           _("Change"), NULL);
  for (guint i = 0; i < groups->len; i++)
    {
      const NpsGroup *group = &g_array_index (groups, NpsGroup, i);
      const EcartNps *nps = ecart_gap_table_get_nps (table, group->segment, group->wave);
      const EcartNpsChange *change = group->wave != NULL
                                     ? ecart_gap_table_get_nps_change (table, group->segment, group->wave)
                                     : NULL;
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();

      g_strv_builder_add (cells, group->segment != NULL ? item_name (group->segment) : _("All segments"));
      g_strv_builder_add (cells, group->wave != NULL ? item_name (group->wave) : _("All waves"));
      builder_take (cells, g_strdup_printf ("%" G_GINT64_FORMAT "%s", nps->n,
                                            nps->n > 0 && nps->insufficient ? "?" : " "));
      if (nps->n == 0)
        {
          for (guint c = 0; c < 5; c++)
            g_strv_builder_add (cells, MISSING);
        }
      else
        {
          builder_take (cells, g_strdup_printf ("%.1f %%", nps->promoters_pct));
          builder_take (cells, g_strdup_printf ("%.1f %%", nps->passives_pct));
          builder_take (cells, g_strdup_printf ("%.1f %%", nps->detractors_pct));
          builder_take (cells, format_signed (nps->nps));
          builder_take (cells, g_strdup_printf ("%+.1f … %+.1f", nps->ci_low, nps->ci_high));
        }
      if (change != NULL && isfinite (change->difference))
        builder_take (cells, append (format_signed (change->difference),
                                            change->insufficient ? "?" : change->significant ? "*" : " "));
      else
        g_strv_builder_add (cells, "");
      ecart_cli_table_take_row (out, g_strv_builder_end (cells));
    }
  ecart_cli_table_print (out, stdout);

  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "NPS = %% promoters (9–10) − %% detractors (0–6). The interval is the "
                       "adjusted Wald interval. Change: from the previous wave; * significant at "
                       "the %s %% level (z test); ? insufficient data (fewer than %u "
                       "respondent).\n",
                       "NPS = %% promoters (9–10) − %% detractors (0–6). The interval is the "
                       "adjusted Wald interval. Change: from the previous wave; * significant at "
                       "the %s %% level (z test); ? insufficient data (fewer than %u "
                       "respondents).\n",
                       ecart_gap_table_get_min_n (table)),
          percent, ecart_gap_table_get_min_n (table));
}

static void
print_nps_csv (EcartGapTable *table,
               GArray        *groups)
{
  g_autoptr(EcartCsvWriter) csv = ecart_csv_writer_new (NULL, ECART_CSV_WRITER_FLAGS_NONE, NULL);
  static const char * const header[] = {
    "segment", "wave", "n", "promoters", "passives", "detractors", "promoters_pct",
    "passives_pct", "detractors_pct", "nps", "nps_ci_low", "nps_ci_high", "adjusted_nps",
    "insufficient", "change", "change_ci_low", "change_ci_high", "change_z", "change_p",
    "change_significant",
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ecart_csv_writer_text (csv, header[i]);
  ecart_csv_writer_end_row (csv, NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      const NpsGroup *group = &g_array_index (groups, NpsGroup, i);
      const EcartNps *nps = ecart_gap_table_get_nps (table, group->segment, group->wave);
      const EcartNpsChange *change = group->wave != NULL
                                     ? ecart_gap_table_get_nps_change (table, group->segment, group->wave)
                                     : NULL;
      EcartNpsChange none = { NAN, NAN, NAN, NAN, NAN, NAN, NAN, FALSE, FALSE };

      if (change == NULL)
        change = &none;

      ecart_csv_writer_text (csv, item_name (group->segment));
      ecart_csv_writer_text (csv, item_name (group->wave));
      ecart_csv_writer_int (csv, nps->n);
      ecart_csv_writer_int (csv, nps->promoters);
      ecart_csv_writer_int (csv, nps->passives);
      ecart_csv_writer_int (csv, nps->detractors);
      ecart_csv_writer_number (csv, nps->promoters_pct);
      ecart_csv_writer_number (csv, nps->passives_pct);
      ecart_csv_writer_number (csv, nps->detractors_pct);
      ecart_csv_writer_number (csv, nps->nps);
      ecart_csv_writer_number (csv, nps->ci_low);
      ecart_csv_writer_number (csv, nps->ci_high);
      ecart_csv_writer_number (csv, nps->adjusted_nps);
      ecart_csv_writer_boolean (csv, nps->insufficient);
      ecart_csv_writer_number (csv, change->difference);
      ecart_csv_writer_number (csv, change->ci_low);
      ecart_csv_writer_number (csv, change->ci_high);
      ecart_csv_writer_number (csv, change->z);
      ecart_csv_writer_number (csv, change->p_value);
      ecart_csv_writer_boolean (csv, change->significant);
      ecart_csv_writer_end_row (csv, NULL);
    }

  print_text (ecart_csv_writer_get_text (csv));
}

static void
print_nps_json (EcartWorkspace *workspace,
                EcartGapTable  *table,
                GArray         *groups)
{
  g_autoptr(EcartCliJson) json = ecart_cli_json_new ();

  ecart_cli_json_begin_object (json);
  json_header (json, workspace, table);
  ecart_cli_json_key (json, "groups");
  ecart_cli_json_begin_array (json);
  for (guint i = 0; i < groups->len; i++)
    {
      const NpsGroup *group = &g_array_index (groups, NpsGroup, i);

      ecart_cli_json_begin_object (json);
      ecart_cli_json_key (json, "segment");
      ecart_cli_json_string (json, item_name (group->segment));
      ecart_cli_json_key (json, "wave");
      ecart_cli_json_string (json, item_name (group->wave));
      ecart_cli_json_key (json, "nps");
      json_nps (json, ecart_gap_table_get_nps (table, group->segment, group->wave));
      ecart_cli_json_key (json, "change");
      json_nps_change (json, group->wave != NULL
                               ? ecart_gap_table_get_nps_change (table, group->segment, group->wave)
                               : NULL);
      ecart_cli_json_end_object (json);
    }
  ecart_cli_json_end_array (json);
  ecart_cli_json_end_object (json);

  print_text (ecart_cli_json_get_text (json));
}

int
ecart_cli_nps (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(EcartGapOptions) options = NULL;
  g_auto(Arguments) args = { 0 };
  const GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &args.by,
      N_("Group by segment (the default), wave, or segment,wave"), "segment|wave|segment,wave" },
    ENTRY_SEGMENT (args),
    ENTRY_WAVE (args),
    ENTRY_FROM (args),
    ENTRY_TO (args),
    ENTRY_CONFIDENCE (args),
    ENTRY_MIN_N (args),
    ENTRY_FORMAT (args),
    { NULL }
  };
  gboolean by_segment = TRUE;
  gboolean by_wave = FALSE;
  Format format;
  int status;

  context = ecart_cli_context_new ("nps", _("WORKSPACE"),
                                   _("Show the recommendation: promoters, passives, detractors "
                                     "and the Net Promoter Score with its confidence interval, "
                                     "per segment and per wave, and its change from one wave to "
                                     "the next."),
                                   entries);

  if ((status = parse_arguments (context, &args, &argc, &argv, &format, &options)) != ECART_CLI_OK)
    return status;
  if (args.by != NULL)
    {
      if (g_str_equal (args.by, "segment"))
        by_segment = TRUE, by_wave = FALSE;
      else if (g_str_equal (args.by, "wave"))
        by_segment = FALSE, by_wave = TRUE;
      else if (g_str_equal (args.by, "segment,wave") || g_str_equal (args.by, "wave,segment"))
        by_segment = TRUE, by_wave = TRUE;
      else
        return ecart_cli_usage_error (context,
                                      _("Unknown grouping “%s”: use segment, wave or segment,wave"),
                                      args.by);
    }
  if ((status = compute_table (context, &args, argv[1], options, &workspace, &table)) != ECART_CLI_OK)
    return status;

  groups = nps_groups (table, by_segment, by_wave);
  switch (format)
    {
    case FORMAT_TABLE:
      print_nps_table (workspace, table, groups);
      break;
    case FORMAT_CSV:
      print_nps_csv (table, groups);
      break;
    case FORMAT_JSON:
      print_nps_json (workspace, table, groups);
      break;
    default:
      g_assert_not_reached ();
    }
  return ECART_CLI_OK;
}

/* ---------------------------------------------------------------------------------- */
/* trends                                                                             */

static const EcartDimension trend_dimensions[] = { ECART_DIMENSION_EXPECTED, ECART_DIMENSION_LIVED };

static char *
format_trend_point (const EcartTrendPoint *point,
                    gboolean               first)
{
  g_autofree char *mean = NULL;
  g_autofree char *change = NULL;

  if (point->summary.n == 0)
    return g_strdup (MISSING);
  mean = append (format_value (point->summary.mean), point->insufficient ? "?" : "");
  if (first || !isfinite (point->change.estimate))
    return g_steal_pointer (&mean);
  change = format_signed (point->change.estimate);
  return g_strdup_printf ("%s (%s%s)", mean, change, point->significant ? "*" : "");
}

static void
print_trends_table (EcartWorkspace *workspace,
                    EcartGapTable  *table)
{
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *attributes = ecart_gap_table_get_attributes (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  guint n_waves = g_list_model_get_n_items (waves);
  g_autofree char *percent = percent_text (ecart_gap_table_get_confidence (table));
  g_autofree char *alignments = g_strnfill (2 + n_waves, 'r');

  alignments[0] = alignments[1] = 'l';
  print_header (workspace, table);

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      g_autoptr(EcartCliTable) out = ecart_cli_table_new (alignments);
      g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
      guint measured_rows = 0;

      printf ("\n%s\n", ecart_item_get_name (ECART_ITEM (segment)));
      g_strv_builder_add_many (header, _("Attribute"), _("Dimension"), NULL);
      for (guint w = 0; w < n_waves; w++)
        {
          g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
          g_strv_builder_add (header, item_name (wave));
        }
      ecart_cli_table_take_row (out, g_strv_builder_end (header));

      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);

          for (guint d = 0; d < G_N_ELEMENTS (trend_dimensions); d++)
            {
              g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
              const EcartTrendPoint *points;
              gboolean measured = FALSE;
              guint n_points;

              points = ecart_gap_table_get_trend (table, segment, attribute, trend_dimensions[d], &n_points);
              for (guint w = 0; w < n_points; w++)
                measured |= points[w].summary.n > 0;
              if (!measured)
                continue;

              g_strv_builder_add (cells, item_name (attribute));
              g_strv_builder_add (cells, ecart_dimension_get_label (trend_dimensions[d]));
              for (guint w = 0; w < n_points; w++)
                builder_take (cells, format_trend_point (&points[w], w == 0));
              ecart_cli_table_take_row (out, g_strv_builder_end (cells));
              measured_rows++;
            }
        }
      if (measured_rows == 0)
        printf (_("Nothing was measured for this segment.\n"));
      else
        ecart_cli_table_print (out, stdout);
    }

  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Mean on 0–10 per wave, and its change from the previous wave in "
                       "brackets; * significant at the %s %% level (Welch test); ? insufficient "
                       "data (fewer than %u measurement); – not measured.\n",
                       "Mean on 0–10 per wave, and its change from the previous wave in "
                       "brackets; * significant at the %s %% level (Welch test); ? insufficient "
                       "data (fewer than %u measurements); – not measured.\n",
                       ecart_gap_table_get_min_n (table)),
          percent, ecart_gap_table_get_min_n (table));
}

static void
print_trends_csv (EcartGapTable *table)
{
  g_autoptr(EcartCsvWriter) csv = ecart_csv_writer_new (NULL, ECART_CSV_WRITER_FLAGS_NONE, NULL);
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *attributes = ecart_gap_table_get_attributes (table);
  static const char * const header[] = {
    "segment", "attribute", "dimension", "wave", "n", "mean", "sd", "ci_low", "ci_high",
    "insufficient", "change", "change_ci_low", "change_ci_high", "change_df", "change_p",
    "change_significant", "since_first", "since_first_ci_low", "since_first_ci_high",
    "since_first_df", "since_first_p", "since_first_significant",
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ecart_csv_writer_text (csv, header[i]);
  ecart_csv_writer_end_row (csv, NULL);

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);

      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);

          for (guint d = 0; d < G_N_ELEMENTS (trend_dimensions); d++)
            {
              guint n_points;
              const EcartTrendPoint *points = ecart_gap_table_get_trend (table, segment, attribute,
                                                                          trend_dimensions[d], &n_points);

              for (guint w = 0; w < n_points; w++)
                {
                  const EcartTrendPoint *point = &points[w];

                  ecart_csv_writer_text (csv, item_name (segment));
                  ecart_csv_writer_text (csv, item_name (attribute));
                  ecart_csv_writer_text (csv, ecart_dimension_to_string (trend_dimensions[d]));
                  ecart_csv_writer_text (csv, item_name (point->wave));
                  ecart_csv_writer_int (csv, point->summary.n);
                  ecart_csv_writer_number (csv, point->summary.mean);
                  ecart_csv_writer_number (csv, point->summary.sd);
                  ecart_csv_writer_number (csv, point->summary.ci_low);
                  ecart_csv_writer_number (csv, point->summary.ci_high);
                  ecart_csv_writer_boolean (csv, point->insufficient);
                  ecart_csv_writer_number (csv, point->change.estimate);
                  ecart_csv_writer_number (csv, point->change.ci_low);
                  ecart_csv_writer_number (csv, point->change.ci_high);
                  ecart_csv_writer_number (csv, point->change.df);
                  ecart_csv_writer_number (csv, point->change.p_value);
                  ecart_csv_writer_boolean (csv, point->significant);
                  ecart_csv_writer_number (csv, point->since_first.estimate);
                  ecart_csv_writer_number (csv, point->since_first.ci_low);
                  ecart_csv_writer_number (csv, point->since_first.ci_high);
                  ecart_csv_writer_number (csv, point->since_first.df);
                  ecart_csv_writer_number (csv, point->since_first.p_value);
                  ecart_csv_writer_boolean (csv, point->since_first_significant);
                  ecart_csv_writer_end_row (csv, NULL);
                }
            }
        }
    }

  print_text (ecart_csv_writer_get_text (csv));
}

static void
json_change (EcartCliJson    *json,
             const EcartTest *change,
             gboolean         significant)
{
  if (!isfinite (change->estimate))
    {
      ecart_cli_json_null (json);
      return;
    }
  ecart_cli_json_begin_object (json);
  ecart_cli_json_key (json, "value");
  ecart_cli_json_number (json, change->estimate);
  ecart_cli_json_key (json, "ci_low");
  ecart_cli_json_number (json, change->ci_low);
  ecart_cli_json_key (json, "ci_high");
  ecart_cli_json_number (json, change->ci_high);
  ecart_cli_json_key (json, "df");
  ecart_cli_json_number (json, change->df);
  ecart_cli_json_key (json, "p");
  ecart_cli_json_number (json, change->p_value);
  ecart_cli_json_key (json, "significant");
  ecart_cli_json_boolean (json, significant);
  ecart_cli_json_end_object (json);
}

static void
print_trends_json (EcartWorkspace *workspace,
                   EcartGapTable  *table)
{
  g_autoptr(EcartCliJson) json = ecart_cli_json_new ();
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *attributes = ecart_gap_table_get_attributes (table);

  ecart_cli_json_begin_object (json);
  json_header (json, workspace, table);
  ecart_cli_json_key (json, "segments");
  ecart_cli_json_begin_array (json);
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);

      ecart_cli_json_begin_object (json);
      ecart_cli_json_key (json, "name");
      ecart_cli_json_string (json, item_name (segment));
      ecart_cli_json_key (json, "attributes");
      ecart_cli_json_begin_array (json);
      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);

          ecart_cli_json_begin_object (json);
          ecart_cli_json_key (json, "name");
          ecart_cli_json_string (json, item_name (attribute));
          for (guint d = 0; d < G_N_ELEMENTS (trend_dimensions); d++)
            {
              guint n_points;
              const EcartTrendPoint *points = ecart_gap_table_get_trend (table, segment, attribute,
                                                                          trend_dimensions[d], &n_points);

              ecart_cli_json_key (json, ecart_dimension_to_string (trend_dimensions[d]));
              ecart_cli_json_begin_array (json);
              for (guint w = 0; w < n_points; w++)
                {
                  const EcartTrendPoint *point = &points[w];

                  ecart_cli_json_begin_object (json);
                  ecart_cli_json_key (json, "wave");
                  ecart_cli_json_string (json, item_name (point->wave));
                  ecart_cli_json_key (json, "summary");
                  json_summary (json, &point->summary, point->insufficient);
                  ecart_cli_json_key (json, "change");
                  json_change (json, &point->change, point->significant);
                  ecart_cli_json_key (json, "since_first");
                  json_change (json, &point->since_first, point->since_first_significant);
                  ecart_cli_json_end_object (json);
                }
              ecart_cli_json_end_array (json);
            }
          ecart_cli_json_end_object (json);
        }
      ecart_cli_json_end_array (json);
      ecart_cli_json_end_object (json);
    }
  ecart_cli_json_end_array (json);
  ecart_cli_json_end_object (json);

  print_text (ecart_cli_json_get_text (json));
}

int
ecart_cli_trends (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapTable) table = NULL;
  g_auto(Arguments) args = { 0 };
  const GOptionEntry entries[] = {
    ENTRY_SEGMENT (args),
    ENTRY_WAVE (args),
    ENTRY_TOUCHPOINT (args),
    ENTRY_CONFIDENCE (args),
    ENTRY_MIN_N (args),
    ENTRY_FORMAT (args),
    { NULL }
  };
  Format format;
  int status;

  context = ecart_cli_context_new ("trends", _("WORKSPACE"),
                                   _("Show the expected and lived experience of every attribute "
                                     "wave by wave, with the change from the previous wave and "
                                     "whether it is significant."),
                                   entries);
  status = run_table (context, &args, &argc, &argv, &format, &workspace, &table);
  if (status != ECART_CLI_OK)
    return status;

  switch (format)
    {
    case FORMAT_TABLE:
      print_trends_table (workspace, table);
      break;
    case FORMAT_CSV:
      print_trends_csv (table);
      break;
    case FORMAT_JSON:
      print_trends_json (workspace, table);
      break;
    default:
      g_assert_not_reached ();
    }
  return ECART_CLI_OK;
}

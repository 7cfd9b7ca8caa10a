/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ecart-cli-private.h"
#include "ecart-template.h"

/* demo, new, info, check: creating and describing workspaces. */

static gboolean
check_language (const char *language)
{
  return language == NULL || g_str_equal (language, "fr") || g_str_equal (language, "en");
}

int
ecart_cli_demo (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the content: fr or en (default: the interface's)"), "fr|en" },
    { NULL }
  };
  int status;

  context = ecart_cli_context_new ("demo", _("OUT.ecart"),
                                   _("Write the demo workshop: a fictional hotel group with three "
                                     "segments, its journey, desired and proposed experience, "
                                     "initiatives and three waves of measurements."),
                                   entries);
  if ((status = ecart_cli_parse (context, &argc, &argv, 1)) != ECART_CLI_OK)
    return status;
  if (!check_language (language))
    return ecart_cli_usage_error (context, _("Unknown language “%s”: use fr or en"), language);

  workspace = ecart_demo_create (argv[1], language, &error);
  if (workspace == NULL)
    return ecart_cli_fail (error);

  printf (_("Wrote the demo workshop “%s” to %s\n"), ecart_workspace_get_name (workspace), argv[1]);
  return ECART_CLI_OK;
}

int
ecart_cli_new (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *template_name = NULL;
  EcartTemplate template = ECART_TEMPLATE_BLANK;
  const GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_name,
      N_("What to start from: blank (the default journey), boulangerie or hotel"), N_("NAME") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the content: fr or en (default: the interface's)"), "fr|en" },
    { NULL }
  };
  int status;

  context = ecart_cli_context_new ("new", _("OUT.ecart"),
                                   _("Create a workspace from a template."), entries);
  if ((status = ecart_cli_parse (context, &argc, &argv, 1)) != ECART_CLI_OK)
    return status;
  if (!check_language (language))
    return ecart_cli_usage_error (context, _("Unknown language “%s”: use fr or en"), language);
  if (template_name != NULL && !ecart_template_from_string (template_name, &template))
    return ecart_cli_usage_error (context,
                                  _("Unknown template “%s”: use blank, boulangerie or hotel"),
                                  template_name);

  workspace = ecart_workspace_create (argv[1], template, language, &error);
  if (workspace == NULL)
    return ecart_cli_fail (error);

  printf (_("Created “%s” (%s) in %s\n"), ecart_workspace_get_name (workspace),
          ecart_template_get_label (template), argv[1]);
  return ECART_CLI_OK;
}

static void
print_names (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);

      printf ("  %s\n", ecart_item_get_name (item));
    }
}

/* Width of the label column of `info`: its longest label, in characters (the French
 * ones are longer), so the values align in every language. */
static int label_width;

static void
measure_labels (const char * const *labels)
{
  label_width = 0;
  for (guint i = 0; labels[i] != NULL; i++)
    label_width = MAX (label_width, (int)g_utf8_strlen (labels[i], -1));
}

static void
print_line (const char *label,
            const char *value)
{
  glong width = g_utf8_strlen (label, -1);

  printf ("%s%*s %s\n", label, (int)MAX (0, label_width - width), "", value);
}

static void
print_count (const char *label,
             gint64      count)
{
  g_autofree char *text = ecart_cli_format_count (count);

  print_line (label, text);
}

int
ecart_cli_info (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  EcartWorkspaceCounts counts;
  GListModel *stages;
  GListModel *touchpoints;
  GListModel *waves;
  int status;

  context = ecart_cli_context_new ("info", _("WORKSPACE"),
                                   _("Describe what a workspace holds: segments, journey, "
                                     "attributes, waves and measurements."),
                                   NULL);
  if ((status = ecart_cli_parse (context, &argc, &argv, 1)) != ECART_CLI_OK)
    return status;

  if (!(workspace = ecart_cli_open (argv[1], TRUE, &status)))
    return status;
  if (!ecart_workspace_get_counts (workspace, &counts, &error))
    return ecart_cli_fail (error);

  {
    const char *labels[] = {
      _("Workspace:"), _("File:"), _("Language:"), _("Segments:"), _("Journey stages:"),
      _("Touchpoints:"), _("Attributes:"), _("Initiatives:"), _("Waves:"), _("Respondents:"),
      _("Measurements:"), _("Recommendations:"), _("Verbatims:"), NULL
    };

    measure_labels (labels);
  }

  print_line (_("Workspace:"), ecart_workspace_get_name (workspace));
  print_line (_("File:"), ecart_workspace_get_path (workspace));
  print_line (_("Language:"), ecart_workspace_get_language (workspace));

  printf ("\n");
  print_count (_("Segments:"), counts.segments);
  print_names (ecart_workspace_get_segments (workspace));

  printf ("\n");
  print_count (_("Journey stages:"), counts.stages);
  stages = ecart_workspace_get_stages (workspace);
  touchpoints = ecart_workspace_get_touchpoints (workspace);
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      g_autoptr(EcartStage) stage = g_list_model_get_item (stages, s);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint t = 0; t < g_list_model_get_n_items (touchpoints); t++)
        {
          g_autoptr(EcartTouchpoint) touchpoint = g_list_model_get_item (touchpoints, t);

          if (ecart_touchpoint_get_stage_id (touchpoint) == ecart_item_get_id (ECART_ITEM (stage)))
            g_string_append_printf (line, "%s%s", line->len > 0 ? ", " : "",
                                    ecart_item_get_name (ECART_ITEM (touchpoint)));
        }
      printf ("  %s%s%s\n", ecart_item_get_name (ECART_ITEM (stage)),
              line->len > 0 ? ": " : "", line->str);
    }
  print_count (_("Touchpoints:"), counts.touchpoints);

  printf ("\n");
  print_count (_("Attributes:"), counts.attributes);
  print_names (ecart_workspace_get_attributes (workspace));

  printf ("\n");
  print_count (_("Initiatives:"), counts.initiatives);

  printf ("\n");
  print_count (_("Waves:"), counts.waves);
  waves = ecart_workspace_get_waves (workspace);
  for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
      g_autofree char *respondents = ecart_cli_format_count (ecart_wave_get_respondents (wave));

      printf ("  %s (%s – %s): ", ecart_item_get_name (ECART_ITEM (wave)),
              ecart_wave_get_started_on (wave) ? ecart_wave_get_started_on (wave) : "?",
              ecart_wave_get_ended_on (wave) ? ecart_wave_get_ended_on (wave) : "?");
      printf (g_dngettext (GETTEXT_PACKAGE, "%s respondent", "%s respondents",
                           ecart_wave_get_respondents (wave)),
              respondents);
      printf ("\n");
    }
  print_count (_("Respondents:"), counts.respondents);
  print_count (_("Measurements:"), counts.measurements);
  print_count (_("Recommendations:"), counts.recommendations);
  print_count (_("Verbatims:"), counts.verbatims);

  return ECART_CLI_OK;
}

int
ecart_cli_check (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = ecart_cli_context_new ("check", _("WORKSPACE"),
                                   _("Check a workspace: that it is an Écart workspace of a "
                                     "format this version reads, that SQLite finds it intact, "
                                     "and that no row refers to a missing one."),
                                   NULL);
  if ((status = ecart_cli_parse (context, &argc, &argv, 1)) != ECART_CLI_OK)
    return status;

  if (!(workspace = ecart_cli_open (argv[1], TRUE, &status)))
    return status;
  if (!ecart_database_check (ecart_workspace_get_database (workspace), TRUE, &error))
    return ecart_cli_fail (error);

  printf (_("%s: ok (format %d)\n"), argv[1], ECART_SCHEMA_VERSION);
  return ECART_CLI_OK;
}

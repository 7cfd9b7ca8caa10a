/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ecart-cli-private.h"
#include "ecart-importer.h"

/* import, waves, delete-wave: field measurements in, and out again. */

/* @format: a translated "%s things", chosen for @count by g_dngettext() */
static void
print_count_line (const char *format,
                  guint64     count)
{
  g_autofree char *text = ecart_cli_format_count ((gint64)count);

  printf ("  ");
  printf (format, text);
  printf ("\n");
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case '\t':
      return _("tab");
    case ';':
      return _("semicolon (;)");
    case '|':
      return _("vertical bar (|)");
    case ',':
    default:
      return _("comma (,)");
    }
}

static void
print_result (EcartImportResult *result,
              gboolean           dry_run)
{
  guint kept = ecart_import_result_get_n_kept_problems (result);
  guint64 rejected = ecart_import_result_get_rows_rejected (result);
  guint64 respondents;
  guint64 measurements;
  guint64 recommendations;
  guint64 verbatims;
  guint64 empty;
  const char *kinds[] = { N_("Segments created:"), N_("Attributes created:"),
                          N_("Touchpoints created:") };

  /* TRANSLATORS: how the file was read: its encoding, its delimiter, its decimal separator */
  printf (_("Read as %s, delimiter %s, decimal %s.\n"),
          ecart_csv_encoding_to_string (ecart_import_result_get_encoding (result)),
          delimiter_name (ecart_import_result_get_delimiter (result)),
          ecart_import_result_get_decimal (result) == ',' ? _("comma") : _("point"));

  if (dry_run)
    printf (_("Checked “%s”: nothing was written. It would import:\n"),
            ecart_import_result_get_file_name (result));
  else if (ecart_import_result_get_written (result))
    printf (_("Imported “%s” into the wave “%s”:\n"), ecart_import_result_get_file_name (result),
            ecart_import_result_get_wave_name (result));
  else
    printf (_("Checked “%s”: nothing was written. It has:\n"),
            ecart_import_result_get_file_name (result));

  respondents = ecart_import_result_get_respondents (result);
  measurements = ecart_import_result_get_measurements (result);
  recommendations = ecart_import_result_get_recommendations (result);
  verbatims = ecart_import_result_get_verbatims (result);
  empty = ecart_import_result_get_rows_empty (result);
  print_count_line (g_dngettext (GETTEXT_PACKAGE, "%s respondent", "%s respondents", respondents),
                    respondents);
  print_count_line (g_dngettext (GETTEXT_PACKAGE, "%s measurement", "%s measurements", measurements),
                    measurements);
  print_count_line (g_dngettext (GETTEXT_PACKAGE, "%s NPS answer", "%s NPS answers", recommendations),
                    recommendations);
  print_count_line (g_dngettext (GETTEXT_PACKAGE, "%s verbatim", "%s verbatims", verbatims),
                    verbatims);
  print_count_line (g_dngettext (GETTEXT_PACKAGE, "%s rejected row", "%s rejected rows", rejected),
                    rejected);
  if (empty > 0)
    print_count_line (g_dngettext (GETTEXT_PACKAGE, "%s row without any answer, skipped",
                                   "%s rows without any answer, skipped", empty),
                      empty);

  for (guint kind = 0; kind < ECART_IMPORT_N_NAME_KINDS; kind++)
    if (ecart_import_result_get_n_created (result, kind) > 0)
      printf ("  %s %u\n", _(kinds[kind]), ecart_import_result_get_n_created (result, kind));

  if (kept > 0)
    {
      printf ("\n%s\n", _("Rejected rows:"));
      for (guint i = 0; i < kept; i++)
        {
          const EcartImportProblem *problem = ecart_import_result_get_problem (result, i);
          g_autofree char *line = ecart_import_problem_to_string (problem);

          printf ("  %s\n", line);
        }
      if (ecart_import_result_get_n_problems (result) > kept)
        {
          guint64 rest = ecart_import_result_get_n_problems (result) - kept;
          g_autofree char *more = ecart_cli_format_count ((gint64)rest);

          printf ("  ");
          printf (g_dngettext (GETTEXT_PACKAGE, "… and %s more problem",
                               "… and %s more problems", rest),
                  more);
          printf ("\n");
        }
    }
}

static void
print_unknown (EcartImportResult *result,
               FILE              *stream)
{
  const char *labels[] = { N_("Unknown segments:"), N_("Unknown attributes:"),
                           N_("Unknown touchpoints:") };

  for (guint kind = 0; kind < ECART_IMPORT_N_NAME_KINDS; kind++)
    {
      const char * const *names = ecart_import_result_get_unknown_names (result, kind);

      if (names[0] == NULL)
        continue;
      fprintf (stream, "%s\n", _(labels[kind]));
      for (guint i = 0; names[i] != NULL; i++)
        fprintf (stream, "  %s\n", names[i]);
    }
}

static void
on_progress (EcartImportPhase phase,
             double           fraction,
             gpointer         user_data)
{
  int *last = user_data;
  int percent = (int)(fraction * 100);

  if (percent == *last)
    return;
  *last = percent;
  fprintf (stderr, "\r%s %3d %%", phase == ECART_IMPORT_PHASE_CHECKING ? _("Checking") : _("Writing"),
           percent);
  if (phase == ECART_IMPORT_PHASE_WRITING && percent == 100)
    fprintf (stderr, "\n");
}

int
ecart_cli_import (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartImportMapping) mapping = NULL;
  g_autoptr(EcartImporter) importer = NULL;
  g_autoptr(EcartImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mapping_path = NULL;
  g_autofree char *mapping_name = NULL;
  g_autofree char *wave = NULL;
  g_autofree char *save_mapping = NULL;
  gboolean create_missing = FALSE;
  gboolean strict = FALSE;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  gboolean progress = FALSE;
  int last_percent = -1;
  const GOptionEntry entries[] = {
    { "mapping", 'm', 0, G_OPTION_ARG_FILENAME, &mapping_path,
      N_("How the columns are read (docs/import.md)"), N_("MAPPING.ini") },
    { "saved-mapping", 0, 0, G_OPTION_ARG_STRING, &mapping_name,
      N_("Use a mapping saved in the workspace"), N_("NAME") },
    { "wave", 'w', 0, G_OPTION_ARG_STRING, &wave,
      N_("Name of the new wave (default: the mapping’s, else the file’s name and today’s date)"),
      N_("NAME") },
    { "create-missing", 0, 0, G_OPTION_ARG_NONE, &create_missing,
      N_("Create the segments, attributes and touchpoints the workspace lacks"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("Import nothing if any row is rejected"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read and check the whole file, write nothing"), NULL },
    { "save-mapping", 0, 0, G_OPTION_ARG_STRING, &save_mapping,
      N_("Save the mapping in the workspace under this name, for the next file"), N_("NAME") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Import the file even if it was imported before"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress,
      N_("Show the progress on the standard error"), NULL },
    { NULL }
  };
  int status;

  context = ecart_cli_context_new ("import", _("WORKSPACE FILE.csv"),
                                   _("Import a CSV file of field measurements into a new wave. "
                                     "The whole file is read and checked before anything is "
                                     "written; rejected rows are listed with their line, column, "
                                     "value and reason. Exit status 2 when nothing was imported."),
                                   entries);
  if ((status = ecart_cli_parse (context, &argc, &argv, 2)) != ECART_CLI_OK)
    return status;
  if ((mapping_path == NULL) == (mapping_name == NULL))
    return ecart_cli_usage_error (context,
                                  _("Give the mapping: --mapping FILE or --saved-mapping NAME"));

  if (!(workspace = ecart_cli_open (argv[1], dry_run, &status)))
    return status;

  if (mapping_path != NULL)
    mapping = ecart_import_mapping_new_from_file (mapping_path, &error);
  else
    mapping = ecart_importer_load_mapping (workspace, mapping_name, &error);
  if (mapping == NULL)
    return ecart_cli_fail (error);

  file = g_file_new_for_commandline_arg (argv[2]);
  importer = ecart_importer_new (workspace, file, mapping);
  ecart_importer_set_wave_name (importer, wave);
  ecart_importer_set_create_missing (importer, create_missing);
  ecart_importer_set_strict (importer, strict);
  ecart_importer_set_force (importer, force);
  if (progress)
    ecart_importer_set_progress_func (importer, on_progress, &last_percent, NULL);

  if (dry_run)
    result = ecart_importer_check (importer, NULL, &error);
  else
    result = ecart_importer_run (importer, NULL, &error);

  if (result == NULL)
    {
      EcartImportResult *found = ecart_importer_get_result (importer);

      gboolean unknown = g_error_matches (error, ECART_IMPORT_ERROR,
                                          ECART_IMPORT_ERROR_UNKNOWN_NAMES);

      if (found != NULL && !unknown)
        print_result (found, dry_run);
      else if (found != NULL)
        print_unknown (found, stderr);
      if (g_error_matches (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_ALREADY_IMPORTED))
        fprintf (stderr, "ecart-cli: %s\n%s\n", error->message,
                 _("Use --force to import it again."));
      else if (g_error_matches (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_UNKNOWN_NAMES))
        fprintf (stderr, "ecart-cli: %s\n%s\n", error->message,
                 _("Use --create-missing to create them."));
      else
        ecart_cli_fail (error);
      return ECART_CLI_BAD_DATA;
    }

  print_result (result, dry_run);
  if (dry_run)
    {
      print_unknown (result, stdout);
      if (ecart_import_result_get_previous_import (result) != NULL)
        printf ("%s\n", ecart_import_result_get_previous_import (result));
    }

  if (save_mapping != NULL && !dry_run)
    {
      if (!ecart_importer_save_mapping (workspace, save_mapping, mapping,
                                        ecart_import_result_get_header (result), &error))
        return ecart_cli_fail (error);
      printf (_("Saved the mapping as “%s”.\n"), save_mapping);
    }

  if (ecart_import_result_get_rows_rejected (result) > 0 && strict)
    return ECART_CLI_BAD_DATA;
  return ECART_CLI_OK;
}

static gint64
count_wave_measurements (EcartWorkspace *workspace,
                         EcartWave      *wave)
{
  return ecart_workspace_count_measurements (workspace, ECART_ITEM (wave));
}

int
ecart_cli_waves (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  GListModel *waves;
  int status;

  context = ecart_cli_context_new ("waves", _("WORKSPACE"),
                                   _("List the waves of measurements: name, kind, dates, "
                                     "respondents, measurements and the file they came from."),
                                   NULL);
  if ((status = ecart_cli_parse (context, &argc, &argv, 1)) != ECART_CLI_OK)
    return status;
  if (!(workspace = ecart_cli_open (argv[1], TRUE, &status)))
    return status;

  waves = ecart_workspace_get_waves (workspace);
  if (g_list_model_get_n_items (waves) == 0)
    {
      printf ("%s\n", _("No waves."));
      return ECART_CLI_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (waves); i++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, i);
      g_autofree char *respondents = ecart_cli_format_count (ecart_wave_get_respondents (wave));
      g_autofree char *measurements =
        ecart_cli_format_count (count_wave_measurements (workspace, wave));
      g_autofree char *kind = ecart_wave_dup_kind_label (wave);
      const char *source = ecart_wave_get_source_file (wave);

      printf ("%s\n", ecart_item_get_name (ECART_ITEM (wave)));
      printf ("  %s %s\n", _("Kind:"), kind);
      printf ("  %s %s – %s\n", _("Dates:"),
              ecart_wave_get_started_on (wave) ? ecart_wave_get_started_on (wave) : "?",
              ecart_wave_get_ended_on (wave) ? ecart_wave_get_ended_on (wave) : "?");
      printf ("  %s %s\n", _("Respondents:"), respondents);
      printf ("  %s %s\n", _("Measurements:"), measurements);
      printf ("  %s %s\n", _("Source file:"), source != NULL && source[0] != '\0' ? source : "—");
    }
  return ECART_CLI_OK;
}

int
ecart_cli_delete_wave (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWave) wave = NULL;
  g_autofree char *respondents = NULL;
  g_autofree char *measurements = NULL;
  EcartItem *found;
  int status;

  context = ecart_cli_context_new ("delete-wave", _("WORKSPACE NAME"),
                                   _("Delete a wave with its respondents, measurements, "
                                     "recommendations and verbatims: how an import is undone."),
                                   NULL);
  if ((status = ecart_cli_parse (context, &argc, &argv, 2)) != ECART_CLI_OK)
    return status;
  if (!(workspace = ecart_cli_open (argv[1], FALSE, &status)))
    return status;

  found = ecart_workspace_find_by_name (workspace, ecart_workspace_get_waves (workspace), argv[2]);
  if (found == NULL)
    {
      fprintf (stderr, _("ecart-cli: %s has no wave named “%s”\n"), argv[1], argv[2]);
      return ECART_CLI_BAD_DATA;
    }
  wave = g_object_ref (ECART_WAVE (found));
  respondents = ecart_cli_format_count (ecart_wave_get_respondents (wave));
  measurements = ecart_cli_format_count (count_wave_measurements (workspace, wave));

  if (!ecart_workspace_delete_wave (workspace, wave, &error))
    return ecart_cli_fail (error);

  /* TRANSLATORS: the wave's name, then its respondents and measurements, already counted */
  printf (_("Deleted the wave “%s” (respondents: %s, measurements: %s)\n"),
          ecart_item_get_name (ECART_ITEM (wave)), respondents, measurements);
  return ECART_CLI_OK;
}

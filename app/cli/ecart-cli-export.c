/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ecart-cli-private.h"
#include "ecart-export.h"

/* export: the gap table or every measurement of a workspace, as a CSV file written
 * atomically (the core's ecart-export.c). */

int
ecart_cli_export (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EcartCliGapArguments) gap_arguments = ecart_cli_gap_arguments_new ();
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *count = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The CSV file to write (replaced if it exists)"), N_("OUT.csv") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Start the file with a UTF-8 byte order mark, so that Excel reads accents right"), NULL },
    { NULL }
  };
  EcartCsvWriterFlags flags;
  const char *path;
  const char *kind;
  int status;

  context = ecart_cli_context_new ("export", _("WORKSPACE gaps|measurements"),
                                   _("Write the gap table (the columns of “gaps --format csv”) "
                                     "or every measurement (one row each) to a CSV file. The "
                                     "file is replaced only once it is completely written."),
                                   entries);
  /* Then the filters and parameters of `gaps`, for `export gaps`. */
  g_option_context_add_main_entries (context, ecart_cli_gap_arguments_get_entries (gap_arguments),
                                     GETTEXT_PACKAGE);

  if ((status = ecart_cli_parse (context, &argc, &argv, 2)) != ECART_CLI_OK)
    return status;
  path = argv[1];
  kind = argv[2];
  if (output == NULL)
    return ecart_cli_usage_error (context, _("Missing the file to write: give it with -o OUT.csv"));
  if (!g_str_equal (kind, "gaps") && !g_str_equal (kind, "measurements"))
    return ecart_cli_usage_error (context, _("Unknown export “%s”: use gaps or measurements"), kind);
  if (g_str_equal (kind, "measurements") && ecart_cli_gap_arguments_are_set (gap_arguments))
    return ecart_cli_usage_error (context, _("The gap options apply to “export gaps” only"));
  flags = bom ? ECART_CSV_WRITER_FLAGS_BOM : ECART_CSV_WRITER_FLAGS_NONE;

  if (g_str_equal (kind, "gaps"))
    {
      status = ecart_cli_gap_arguments_compute (gap_arguments, context, path, &workspace, &table);
      if (status != ECART_CLI_OK)
        return status;
      if (!ecart_export_gaps (table, output, flags, NULL, &error))
        return ecart_cli_fail (error);
      count = ecart_cli_format_count (g_list_model_get_n_items (G_LIST_MODEL (table)));
      printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s row of gaps to %s\n",
                           "Wrote %s rows of gaps to %s\n",
                           g_list_model_get_n_items (G_LIST_MODEL (table))),
              count, output);
      return ECART_CLI_OK;
    }

  if (!(workspace = ecart_cli_open (path, TRUE, &status)))
    return status;
  if (!ecart_export_measurements (workspace, output, flags, NULL, NULL, NULL, &error))
    return ecart_cli_fail (error);
  {
    EcartWorkspaceCounts counts;

    if (ecart_workspace_get_counts (workspace, &counts, NULL))
      {
        count = ecart_cli_format_count (counts.measurements);
        printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s measurement to %s\n",
                             "Wrote %s measurements to %s\n", counts.measurements),
                count, output);
      }
  }
  return ECART_CLI_OK;
}

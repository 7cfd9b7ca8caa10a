/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "ecart-cli-private.h"

/* ecart-cli: the workspace from a terminal or a script, with no display and no GTK. Each
 * command lives in ecart-cli-<area>.c and parses its own options. */

static const EcartCliCommand commands[] = {
  { "demo", N_("OUT.ecart"), N_("Write the demo workshop (a hotel group, three waves)"), ecart_cli_demo },
  { "new", N_("OUT.ecart"), N_("Create a workspace from a template"), ecart_cli_new },
  { "info", N_("WORKSPACE"), N_("Describe what a workspace holds"), ecart_cli_info },
  { "check", N_("WORKSPACE"), N_("Check a workspace's integrity and format"), ecart_cli_check },
  { "gaps", N_("WORKSPACE"), N_("Show the gaps between the four dimensions, with their statistics"), ecart_cli_gaps },
  { "nps", N_("WORKSPACE"), N_("Show the Net Promoter Score per segment and wave"), ecart_cli_nps },
  { "trends", N_("WORKSPACE"), N_("Show the expected and lived experience wave by wave"), ecart_cli_trends },
  { "import", N_("WORKSPACE FILE.csv"), N_("Import field measurements from a CSV file"), ecart_cli_import },
  { "waves", N_("WORKSPACE"), N_("List the waves of measurements"), ecart_cli_waves },
  { "delete-wave", N_("WORKSPACE NAME"), N_("Delete a wave (undo an import)"), ecart_cli_delete_wave },
  { "report", N_("WORKSPACE"), N_("Write the report of a workspace as a PDF file"), ecart_cli_report },
  { "export", N_("WORKSPACE gaps|measurements"), N_("Write the gap table or the measurements to a CSV file"), ecart_cli_export },
  { "chart", N_("WORKSPACE KIND"), N_("Draw a chart as PNG, SVG or PDF, or print its data"), ecart_cli_chart },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  ecart-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters));

      fprintf (stream, "  %-26s %s\n", call, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Run “ecart-cli COMMAND --help” for the options of a command."));
}

GOptionContext *
ecart_cli_context_new (const char         *command,
                       const char         *parameters,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command, parameters);
  GOptionContext *context = g_option_context_new (usage);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses the options; then exactly @n_positional arguments must remain. */
int
ecart_cli_parse (GOptionContext   *context,
                 int              *argc,
                 char           ***argv,
                 int               n_positional)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return ecart_cli_usage_error (context, "%s", error->message);

  /* argv[0] is the command itself. */
  if (*argc - 1 != n_positional)
    return ecart_cli_usage_error (context,
                                  *argc - 1 < n_positional ? _("Missing argument")
                                                           : _("Too many arguments"));
  return ECART_CLI_OK;
}

int
ecart_cli_usage_error (GOptionContext *context,
                       const char     *format,
                       ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  help = g_option_context_get_help (context, TRUE, NULL);
  fprintf (stderr, "ecart-cli: %s\n\n%s", message, help);
  return ECART_CLI_USAGE;
}

int
ecart_cli_fail (GError *error)
{
  fprintf (stderr, "ecart-cli: %s\n", error->message);
  return ECART_CLI_BAD_DATA;
}

EcartWorkspace *
ecart_cli_open (const char *path,
                gboolean    read_only,
                int        *status)
{
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace;

  /* Commands that only read a large file leave its full check to `ecart-cli check`:
   * SQLite still reports any damaged page they read. */
  workspace = ecart_workspace_open (path,
                                    read_only ? ECART_DATABASE_FLAGS_READ_ONLY
                                                | ECART_DATABASE_FLAGS_DEFER_CHECK
                                              : ECART_DATABASE_FLAGS_NONE,
                                    &error);
  if (workspace == NULL)
    {
      *status = ecart_cli_fail (error);
      return NULL;
    }

  if (ecart_database_get_warning (ecart_workspace_get_database (workspace)) != NULL)
    fprintf (stderr, "ecart-cli: %s\n",
             ecart_database_get_warning (ecart_workspace_get_database (workspace)));

  *status = ECART_CLI_OK;
  return workspace;
}

/* 1234567 → "1,234,567" (or with the locale's grouping). */
char *
ecart_cli_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* ECART_LOCALEDIR: the catalogues of an uninstalled build (tests, make run). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ECART_LOCALEDIR") ? g_getenv ("ECART_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("ecart-cli");

  /* Past a file size limit (ulimit -f), a write fails with EFBIG and is reported like a full
   * disk, instead of the process being killed half-way. */
  signal (SIGXFSZ, SIG_IGN);

  if (argc < 2)
    {
      print_usage (stderr);
      return ECART_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return ECART_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("ecart-cli %s\n", PACKAGE_VERSION);
      return ECART_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("ecart-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return ECART_CLI_USAGE;
}

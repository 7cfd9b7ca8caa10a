/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

/* Exit statuses, as DESIGN.md §5 says. */
#define ECART_CLI_OK        0
#define ECART_CLI_USAGE     1
#define ECART_CLI_BAD_DATA  2

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} EcartCliCommand;

int             ecart_cli_demo         (int              argc,
                                        char           **argv);
int             ecart_cli_new          (int              argc,
                                        char           **argv);
int             ecart_cli_info         (int              argc,
                                        char           **argv);
int             ecart_cli_check        (int              argc,
                                        char           **argv);
int             ecart_cli_import       (int              argc,
                                        char           **argv);
int             ecart_cli_waves        (int              argc,
                                        char           **argv);
int             ecart_cli_delete_wave  (int              argc,
                                        char           **argv);

GOptionContext *ecart_cli_context_new  (const char      *command,
                                        const char      *parameters,
                                        const char      *summary,
                                        const GOptionEntry *entries);
int             ecart_cli_parse        (GOptionContext  *context,
                                        int             *argc,
                                        char          ***argv,
                                        int              n_positional);
int             ecart_cli_fail         (GError          *error);
int             ecart_cli_usage_error  (GOptionContext  *context,
                                        const char      *format,
                                        ...) G_GNUC_PRINTF (2, 3);
EcartWorkspace *ecart_cli_open         (const char      *path,
                                        gboolean         read_only,
                                        int             *status);
char           *ecart_cli_format_count (gint64           count);

G_END_DECLS

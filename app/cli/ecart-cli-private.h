/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "ecart-gap-table.h"
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
int             ecart_cli_gaps         (int              argc,
                                        char           **argv);
int             ecart_cli_nps          (int              argc,
                                        char           **argv);
int             ecart_cli_trends       (int              argc,
                                        char           **argv);
int             ecart_cli_import       (int              argc,
                                        char           **argv);
int             ecart_cli_waves        (int              argc,
                                        char           **argv);
int             ecart_cli_delete_wave  (int              argc,
                                        char           **argv);
int             ecart_cli_chart        (int              argc,
                                        char           **argv);
int             ecart_cli_export       (int              argc,
                                        char           **argv);
int             ecart_cli_report       (int              argc,
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

/* ecart-cli-gaps.c: the filters and parameters of `gaps`, for other commands. */
typedef struct _EcartCliGapArguments EcartCliGapArguments;

EcartCliGapArguments *ecart_cli_gap_arguments_new         (void);
void                  ecart_cli_gap_arguments_free        (EcartCliGapArguments  *self);
const GOptionEntry   *ecart_cli_gap_arguments_get_entries (EcartCliGapArguments  *self);
gboolean              ecart_cli_gap_arguments_are_set     (EcartCliGapArguments  *self);
int                   ecart_cli_gap_arguments_compute     (EcartCliGapArguments  *self,
                                                           GOptionContext        *context,
                                                           const char            *path,
                                                           EcartWorkspace       **workspace,
                                                           EcartGapTable        **table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartCliGapArguments, ecart_cli_gap_arguments_free)

/* ecart-cli-output.c: terminal tables, CSV and JSON. */
typedef struct _EcartCliTable EcartCliTable;
typedef struct _EcartCliCsv   EcartCliCsv;
typedef struct _EcartCliJson  EcartCliJson;

int             ecart_cli_display_width    (const char     *text);

EcartCliTable  *ecart_cli_table_new        (const char     *alignments);
void            ecart_cli_table_free       (EcartCliTable  *table);
void            ecart_cli_table_take_row   (EcartCliTable  *table,
                                            char          **cells);
void            ecart_cli_table_add_row    (EcartCliTable  *table,
                                            const char     *first,
                                            ...) G_GNUC_NULL_TERMINATED;
void            ecart_cli_table_print      (EcartCliTable  *table,
                                            FILE           *stream);

EcartCliCsv    *ecart_cli_csv_new          (void);
void            ecart_cli_csv_free         (EcartCliCsv    *csv);
const char     *ecart_cli_csv_get_text     (EcartCliCsv    *csv);
void            ecart_cli_csv_text         (EcartCliCsv    *csv,
                                            const char     *text);
void            ecart_cli_csv_number       (EcartCliCsv    *csv,
                                            double          value);
void            ecart_cli_csv_int          (EcartCliCsv    *csv,
                                            gint64          value);
void            ecart_cli_csv_boolean      (EcartCliCsv    *csv,
                                            gboolean        value);
void            ecart_cli_csv_end_row      (EcartCliCsv    *csv);

EcartCliJson   *ecart_cli_json_new         (void);
void            ecart_cli_json_free        (EcartCliJson   *json);
const char     *ecart_cli_json_get_text    (EcartCliJson   *json);
void            ecart_cli_json_begin_object (EcartCliJson  *json);
void            ecart_cli_json_end_object  (EcartCliJson   *json);
void            ecart_cli_json_begin_array (EcartCliJson   *json);
void            ecart_cli_json_end_array   (EcartCliJson   *json);
void            ecart_cli_json_key         (EcartCliJson   *json,
                                            const char     *key);
void            ecart_cli_json_string      (EcartCliJson   *json,
                                            const char     *text);
void            ecart_cli_json_number      (EcartCliJson   *json,
                                            double          value);
void            ecart_cli_json_int         (EcartCliJson   *json,
                                            gint64          value);
void            ecart_cli_json_boolean     (EcartCliJson   *json,
                                            gboolean        value);
void            ecart_cli_json_null        (EcartCliJson   *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartCliTable, ecart_cli_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartCliCsv, ecart_cli_csv_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartCliJson, ecart_cli_json_free)

G_END_DECLS

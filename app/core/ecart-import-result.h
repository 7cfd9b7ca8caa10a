/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ecart-csv-reader.h"

G_BEGIN_DECLS

typedef enum {
  ECART_IMPORT_NAME_SEGMENT,
  ECART_IMPORT_NAME_ATTRIBUTE,
  ECART_IMPORT_NAME_TOUCHPOINT,
} EcartImportNameKind;

#define ECART_IMPORT_N_NAME_KINDS 3

/* One problem of one rejected row. */
typedef struct
{
  guint64  line;         /* 1-based line of the file where the field (or row) starts */
  guint    column;       /* 1-based field number, 0 when it is about the whole row */
  char    *column_name;  /* the header text of that column, or NULL */
  char    *value;        /* the value as read, or NULL */
  char    *reason;       /* translated, a whole sentence fragment: "not a number" */
} EcartImportProblem;

#define ECART_TYPE_IMPORT_PROBLEM (ecart_import_problem_get_type ())

GType               ecart_import_problem_get_type  (void) G_GNUC_CONST;
EcartImportProblem *ecart_import_problem_copy      (const EcartImportProblem *problem);
void                ecart_import_problem_free      (EcartImportProblem       *problem);
char               *ecart_import_problem_to_string (const EcartImportProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartImportProblem, ecart_import_problem_free)

#define ECART_TYPE_IMPORT_RESULT (ecart_import_result_get_type ())

G_DECLARE_FINAL_TYPE (EcartImportResult, ecart_import_result, ECART, IMPORT_RESULT, GObject)

gboolean                  ecart_import_result_get_written         (EcartImportResult   *self);
gint64                    ecart_import_result_get_wave_id         (EcartImportResult   *self);
const char               *ecart_import_result_get_wave_name       (EcartImportResult   *self);
const char               *ecart_import_result_get_file_name       (EcartImportResult   *self);
const char               *ecart_import_result_get_sha256          (EcartImportResult   *self);
EcartCsvEncoding          ecart_import_result_get_encoding        (EcartImportResult   *self);
char                      ecart_import_result_get_delimiter       (EcartImportResult   *self);
char                      ecart_import_result_get_decimal         (EcartImportResult   *self);
const char * const       *ecart_import_result_get_header          (EcartImportResult   *self);

guint64                   ecart_import_result_get_rows            (EcartImportResult   *self);
guint64                   ecart_import_result_get_rows_rejected   (EcartImportResult   *self);
guint64                   ecart_import_result_get_rows_empty      (EcartImportResult   *self);
guint64                   ecart_import_result_get_respondents     (EcartImportResult   *self);
guint64                   ecart_import_result_get_measurements    (EcartImportResult   *self);
guint64                   ecart_import_result_get_recommendations (EcartImportResult   *self);
guint64                   ecart_import_result_get_verbatims       (EcartImportResult   *self);

guint64                   ecart_import_result_get_n_problems      (EcartImportResult   *self);
guint                     ecart_import_result_get_n_kept_problems (EcartImportResult   *self);
const EcartImportProblem *ecart_import_result_get_problem         (EcartImportResult   *self,
                                                                   guint                index);

const char * const       *ecart_import_result_get_unknown_names   (EcartImportResult   *self,
                                                                   EcartImportNameKind  kind);
guint                     ecart_import_result_get_n_created       (EcartImportResult   *self,
                                                                   EcartImportNameKind  kind);

const char               *ecart_import_result_get_previous_import (EcartImportResult   *self);

G_END_DECLS

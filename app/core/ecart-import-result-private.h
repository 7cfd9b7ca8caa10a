/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-import-result.h"

G_BEGIN_DECLS

/* How many problems a result keeps (the count of all of them is exact). */
#define ECART_IMPORT_MAX_PROBLEMS 1000
/* How many unknown names of each kind a result keeps. */
#define ECART_IMPORT_MAX_UNKNOWN  1000

struct _EcartImportResult
{
  GObject           parent_instance;

  gboolean          written;
  gint64            wave_id;
  char             *wave_name;
  char             *file_name;
  char             *sha256;
  EcartCsvEncoding  encoding;
  char              delimiter;
  char              decimal;
  GStrv             header;

  guint64           rows;
  guint64           rows_rejected;
  guint64           rows_empty;
  guint64           respondents;
  guint64           measurements;
  guint64           recommendations;
  guint64           verbatims;

  guint64           n_problems;
  GPtrArray        *problems;                      /* EcartImportProblem */
  GPtrArray        *unknown[ECART_IMPORT_N_NAME_KINDS];  /* names, NULL-terminated */
  gboolean          unknown_truncated;
  guint             created[ECART_IMPORT_N_NAME_KINDS];
  char             *previous_import;
};

void _ecart_import_result_reset       (EcartImportResult  *self);
void _ecart_import_result_add_problem (EcartImportResult  *self,
                                       guint64             line,
                                       guint               column,
                                       const char         *column_name,
                                       const char         *value,
                                       const char         *reason);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-import-result"

#include "config.h"

#include "ecart-import-result.h"
#include "ecart-import-result-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What an import found and did: counts, the rejected rows (the first
 * ECART_IMPORT_MAX_PROBLEMS problems, and the exact number of all), the names the workspace
 * did not know. The importer fills it; the dialog and the command line read it. */

G_DEFINE_FINAL_TYPE (EcartImportResult, ecart_import_result, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (EcartImportProblem, ecart_import_problem,
                     ecart_import_problem_copy, ecart_import_problem_free)

EcartImportProblem *
ecart_import_problem_copy (const EcartImportProblem *problem)
{
  EcartImportProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = g_new0 (EcartImportProblem, 1);
  copy->line = problem->line;
  copy->column = problem->column;
  copy->column_name = g_strdup (problem->column_name);
  copy->value = g_strdup (problem->value);
  copy->reason = g_strdup (problem->reason);
  return copy;
}

void
ecart_import_problem_free (EcartImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column_name);
  g_free (problem->value);
  g_free (problem->reason);
  g_free (problem);
}

/**
 * ecart_import_problem_to_string:
 *
 * Returns: (transfer full): one line for a person: "line 12, column 4 “Q1_1”: “abc”: not a
 *   number"
 */
char *
ecart_import_problem_to_string (const EcartImportProblem *problem)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column > 0 && problem->column_name != NULL && problem->column_name[0] != '\0')
    where = g_strdup_printf (_("line %llu, column %u “%s”"),
                             (unsigned long long)problem->line, problem->column,
                             problem->column_name);
  else if (problem->column > 0)
    where = g_strdup_printf (_("line %llu, column %u"),
                             (unsigned long long)problem->line, problem->column);
  else
    where = g_strdup_printf (_("line %llu"), (unsigned long long)problem->line);

  if (problem->value != NULL)
    /* TRANSLATORS: where in the file, the value read, why it was rejected */
    return g_strdup_printf (_("%s: “%s”: %s"), where, problem->value, problem->reason);
  /* TRANSLATORS: where in the file, why the row was rejected */
  return g_strdup_printf (_("%s: %s"), where, problem->reason);
}

static void
ecart_import_result_finalize (GObject *object)
{
  EcartImportResult *self = (EcartImportResult *)object;

  _ecart_import_result_reset (self);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    g_clear_pointer (&self->unknown[i], g_ptr_array_unref);

  G_OBJECT_CLASS (ecart_import_result_parent_class)->finalize (object);
}

static void
ecart_import_result_class_init (EcartImportResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_import_result_finalize;
}

static void
ecart_import_result_init (EcartImportResult *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ecart_import_problem_free);
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    {
      self->unknown[i] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->unknown[i], NULL);
    }
  self->delimiter = ',';
  self->decimal = '.';
}

void
_ecart_import_result_reset (EcartImportResult *self)
{
  self->written = FALSE;
  self->wave_id = 0;
  g_clear_pointer (&self->wave_name, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->previous_import, g_free);
  self->rows = self->rows_rejected = self->rows_empty = 0;
  self->respondents = self->measurements = self->recommendations = self->verbatims = 0;
  self->n_problems = 0;
  self->unknown_truncated = FALSE;
  if (self->problems != NULL)
    g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    {
      if (self->unknown[i] != NULL)
        {
          g_ptr_array_set_size (self->unknown[i], 0);
          g_ptr_array_add (self->unknown[i], NULL);
        }
      self->created[i] = 0;
    }
}

void
_ecart_import_result_add_problem (EcartImportResult *self,
                                  guint64            line,
                                  guint              column,
                                  const char        *column_name,
                                  const char        *value,
                                  const char        *reason)
{
  EcartImportProblem *problem;

  self->n_problems++;
  if (self->problems->len >= ECART_IMPORT_MAX_PROBLEMS)
    return;

  problem = g_new0 (EcartImportProblem, 1);
  problem->line = line;
  problem->column = column;
  problem->column_name = g_strdup (column_name);
  /* A value is shown on one line, and never at length. */
  if (value != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      if (g_utf8_strlen (shown, -1) > 80)
        {
          char *cut = g_utf8_offset_to_pointer (shown, 77);

          strcpy (cut, "…");
        }
      g_strdelimit (shown, "\r\n\t", ' ');
      problem->value = g_steal_pointer (&shown);
    }
  problem->reason = g_strdup (reason);
  g_ptr_array_add (self->problems, problem);
}

/* Whether the import was written (not a check, a dry run or a refused import). */
gboolean
ecart_import_result_get_written (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), FALSE);
  return self->written;
}

gint64
ecart_import_result_get_wave_id (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->wave_id;
}

const char *
ecart_import_result_get_wave_name (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  return self->wave_name;
}

const char *
ecart_import_result_get_file_name (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  return self->file_name;
}

const char *
ecart_import_result_get_sha256 (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  return self->sha256;
}

/* The encoding the file was read in (detected or from the mapping). */
EcartCsvEncoding
ecart_import_result_get_encoding (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), ECART_CSV_ENCODING_AUTO);
  return self->encoding;
}

char
ecart_import_result_get_delimiter (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), ',');
  return self->delimiter;
}

/* ',' when a decimal comma was read, else '.'. */
char
ecart_import_result_get_decimal (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), '.');
  return self->decimal;
}

/* Returns: (nullable): the column names of the file (its first header row, or #1, #2…). */
const char * const *
ecart_import_result_get_header (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  return (const char * const *)self->header;
}

/* Rows of data read (header rows and blank lines not counted). */
guint64
ecart_import_result_get_rows (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->rows;
}

guint64
ecart_import_result_get_rows_rejected (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->rows_rejected;
}

/* Rows with no answer at all, skipped. */
guint64
ecart_import_result_get_rows_empty (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->rows_empty;
}

guint64
ecart_import_result_get_respondents (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->respondents;
}

guint64
ecart_import_result_get_measurements (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->measurements;
}

guint64
ecart_import_result_get_recommendations (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->recommendations;
}

guint64
ecart_import_result_get_verbatims (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->verbatims;
}

/* All the problems found (a rejected row may have several). */
guint64
ecart_import_result_get_n_problems (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->n_problems;
}

/* The problems kept, at most ECART_IMPORT_MAX_PROBLEMS (1,000): the first ones. */
guint
ecart_import_result_get_n_kept_problems (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  return self->problems->len;
}

const EcartImportProblem *
ecart_import_result_get_problem (EcartImportResult *self,
                                 guint              index)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return self->problems->pdata[index];
}

/**
 * ecart_import_result_get_unknown_names:
 *
 * Returns: (transfer none): the names of @kind in the file that the workspace does not
 *   know (sorted; at most 1,000), empty when there are none
 */
const char * const *
ecart_import_result_get_unknown_names (EcartImportResult   *self,
                                       EcartImportNameKind  kind)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail ((guint)kind < ECART_IMPORT_N_NAME_KINDS, NULL);
  return (const char * const *)self->unknown[kind]->pdata;
}

/* How many names of @kind the import created (with "create missing"). */
guint
ecart_import_result_get_n_created (EcartImportResult   *self,
                                   EcartImportNameKind  kind)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), 0);
  g_return_val_if_fail ((guint)kind < ECART_IMPORT_N_NAME_KINDS, 0);
  return self->created[kind];
}

/**
 * ecart_import_result_get_previous_import:
 *
 * Returns: (nullable): when the same file (same SHA-256) was imported before, a line
 *   describing that import ("on 2025-03-14 into the wave “Spring”")
 */
const char *
ecart_import_result_get_previous_import (EcartImportResult *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_RESULT (self), NULL);
  return self->previous_import;
}

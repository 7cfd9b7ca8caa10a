/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-export"

#include "config.h"

#include "ecart-export.h"

#include <glib/gi18n-lib.h>

#include "ecart-atomic-file.h"

/* CSV exports: the gap table (the columns of `ecart-cli gaps --format csv`, which prints
 * it with the same function) and every measurement of a workspace. Both go through
 * EcartCsvWriter (RFC 4180, formula injection, exact numbers) into an EcartAtomicFile: the
 * target is replaced only once the whole file is written and on the disk. */

static const char *
item_name (gpointer item)
{
  return item != NULL ? ecart_item_get_name (ECART_ITEM (item)) : NULL;
}

/**
 * ecart_export_write_gaps:
 *
 * Writes @table as CSV: a header, then one row per row of the table (per segment ×
 * attribute, or × touchpoint with by-touchpoint). docs/command-line.md lists the columns.
 */
gboolean
ecart_export_write_gaps (EcartGapTable   *table,
                         EcartCsvWriter  *writer,
                         GError         **error)
{
  static const char * const header[] = {
    "segment", "attribute", "touchpoint", "importance", "desired", "proposed",
    "expected_n", "expected_mean", "expected_sd", "expected_ci_low", "expected_ci_high",
    "lived_n", "lived_mean", "lived_sd", "lived_ci_low", "lived_ci_high",
    "implementation_gap",
    "expectation_gap", "expectation_gap_ci_low", "expectation_gap_ci_high",
    "perception_gap", "perception_gap_ci_low", "perception_gap_ci_high",
    "delivery_gap", "delivery_gap_ci_low", "delivery_gap_ci_high",
    "execution_gap", "execution_gap_ci_low", "execution_gap_ci_high",
    "expected_insufficient", "lived_insufficient", "pairs_n", "perception_gap_method",
  };
  static const char * const per_gap[] = { "df", "p", "p_adjusted", "significant", "insufficient" };
  guint n_rows;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (table), FALSE);
  g_return_val_if_fail (ECART_IS_CSV_WRITER (writer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ecart_csv_writer_text (writer, header[i]);
  for (guint k = ECART_GAP_EXPECTATION; k < ECART_N_GAPS; k++)
    for (guint i = 0; i < G_N_ELEMENTS (per_gap); i++)
      {
        g_autofree char *name = g_strdup_printf ("%s_gap_%s", ecart_gap_kind_to_string (k), per_gap[i]);

        ecart_csv_writer_text (writer, name);
      }
  ecart_csv_writer_text (writer, "quadrant");
  if (!ecart_csv_writer_end_row (writer, error))
    return FALSE;

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (table));
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (G_LIST_MODEL (table), r);
      const EcartSummary *summaries[] = {
        ecart_gap_row_get_summary (row, ECART_DIMENSION_EXPECTED),
        ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED),
      };

      ecart_csv_writer_text (writer, item_name (ecart_gap_row_get_segment (row)));
      ecart_csv_writer_text (writer, item_name (ecart_gap_row_get_attribute (row)));
      ecart_csv_writer_text (writer, item_name (ecart_gap_row_get_touchpoint (row)));
      ecart_csv_writer_int (writer, ecart_gap_row_get_importance (row));
      ecart_csv_writer_number (writer, ecart_gap_row_get_desired (row));
      ecart_csv_writer_number (writer, ecart_gap_row_get_proposed (row));
      for (guint d = 0; d < G_N_ELEMENTS (summaries); d++)
        {
          ecart_csv_writer_int (writer, summaries[d]->n);
          ecart_csv_writer_number (writer, summaries[d]->mean);
          ecart_csv_writer_number (writer, summaries[d]->sd);
          ecart_csv_writer_number (writer, summaries[d]->ci_low);
          ecart_csv_writer_number (writer, summaries[d]->ci_high);
        }
      ecart_csv_writer_number (writer, ecart_gap_row_get_gap (row, ECART_GAP_IMPLEMENTATION)->value);
      for (guint k = ECART_GAP_EXPECTATION; k < ECART_N_GAPS; k++)
        {
          const EcartGap *gap = ecart_gap_row_get_gap (row, k);

          ecart_csv_writer_number (writer, gap->value);
          ecart_csv_writer_number (writer, gap->ci_low);
          ecart_csv_writer_number (writer, gap->ci_high);
        }
      ecart_csv_writer_boolean (writer, ecart_gap_row_is_insufficient (row, ECART_DIMENSION_EXPECTED));
      ecart_csv_writer_boolean (writer, ecart_gap_row_is_insufficient (row, ECART_DIMENSION_LIVED));
      ecart_csv_writer_int (writer, ecart_gap_row_get_pairs (row));
      ecart_csv_writer_text (writer, ecart_gap_method_to_string (ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION)->method));
      for (guint k = ECART_GAP_EXPECTATION; k < ECART_N_GAPS; k++)
        {
          const EcartGap *gap = ecart_gap_row_get_gap (row, k);

          ecart_csv_writer_number (writer, gap->df);
          ecart_csv_writer_number (writer, gap->p_value);
          ecart_csv_writer_number (writer, gap->p_adjusted);
          ecart_csv_writer_boolean (writer, gap->significant);
          ecart_csv_writer_boolean (writer, gap->insufficient);
        }
      if (ecart_gap_row_is_per_touchpoint (row))
        ecart_csv_writer_text (writer, NULL);
      else
        ecart_csv_writer_text (writer, ecart_quadrant_to_string (ecart_gap_row_get_quadrant (row)));
      if (!ecart_csv_writer_end_row (writer, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes a whole CSV file atomically with @write_rows. */
typedef gboolean (*WriteRowsFunc) (gpointer         source,
                                   EcartCsvWriter  *writer,
                                   GError         **error);

static gboolean
write_file (const char           *path,
            EcartCsvWriterFlags   flags,
            GCancellable         *cancellable,
            WriteRowsFunc         write_rows,
            gpointer              source,
            GError              **error)
{
  g_autoptr(EcartAtomicFile) file = NULL;
  g_autoptr(EcartCsvWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(file = ecart_atomic_file_new (path, error)))
    return FALSE;
  writer = ecart_csv_writer_new (ecart_atomic_file_get_stream (file), flags, cancellable);
  if (!write_rows (source, writer, &local_error) ||
      !ecart_csv_writer_flush (writer, &local_error))
    {
      ecart_atomic_file_abort (file);
      /* Stream errors do not name the file; the others (database, cancelled) need not. */
      if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
        g_prefix_error (&local_error, _("Failed to write “%s”: "), path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return ecart_atomic_file_commit (file, cancellable, error);
}

static gboolean
write_gaps_rows (gpointer         source,
                 EcartCsvWriter  *writer,
                 GError         **error)
{
  return ecart_export_write_gaps (source, writer, error);
}

/**
 * ecart_export_gaps:
 * @flags: %ECART_CSV_WRITER_FLAGS_BOM for a byte order mark
 *
 * Writes @table to @path as CSV (ecart_export_write_gaps()), atomically.
 */
gboolean
ecart_export_gaps (EcartGapTable        *table,
                   const char           *path,
                   EcartCsvWriterFlags   flags,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (table), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_file (path, flags, cancellable, write_gaps_rows, table, error);
}

/* The measurement drives the join (CROSS JOIN keeps SQLite from choosing another outer
 * table): rows come in measurement order, each name found by its primary key, with no sort
 * and nothing held in memory. */
#define MEASUREMENTS_SQL \
  "SELECT w.name, r.external_id, s.name, r.answered_at, a.name, t.name, m.dimension, " \
  "       m.score, m.scale_min, m.scale_max " \
  "FROM measurement AS m " \
  "CROSS JOIN respondent AS r ON r.id = m.respondent_id " \
  "CROSS JOIN wave AS w ON w.id = r.wave_id " \
  "CROSS JOIN segment AS s ON s.id = r.segment_id " \
  "CROSS JOIN attribute AS a ON a.id = m.attribute_id " \
  "LEFT JOIN touchpoint AS t ON t.id = m.touchpoint_id " \
  "ORDER BY m.id"

#define CHECK_EVERY 4096

static void
text_column (EcartCsvWriter *writer,
             sqlite3_stmt   *stmt,
             int             column)
{
  ecart_csv_writer_text (writer, (const char *)sqlite3_column_text (stmt, column));
}

/**
 * ecart_export_write_measurements:
 * @progress: (nullable) (scope call): told how far it is, every few thousand rows
 *
 * Writes every measurement of @workspace as CSV, one row per measurement: wave, respondent
 * (the id it had in its source), segment, date, attribute, touchpoint, dimension (expected
 * or lived), score, scale_min, scale_max and normalised score on 0–10. Rows are read from
 * the database one by one, in one read transaction (a consistent picture of the file),
 * whatever their number.
 */
gboolean
ecart_export_write_measurements (EcartWorkspace     *workspace,
                                 EcartCsvWriter     *writer,
                                 EcartProgressFunc   progress,
                                 gpointer            user_data,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  static const char * const header[] = {
    "wave", "respondent", "segment", "date", "attribute", "touchpoint", "dimension",
    "score", "scale_min", "scale_max", "normalised_score",
  };
  EcartDatabase *db;
  g_autoptr(EcartStatement) stmt = NULL;
  gint64 total;
  gint64 done = 0;
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (ECART_IS_CSV_WRITER (writer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = ecart_workspace_get_database (workspace);
  /* The aggregates count the measurements without reading them: enough for a progress bar. */
  total = ecart_database_query_int (db, "SELECT total (n) FROM measurement_aggregate", 0, NULL);
  if (!(stmt = ecart_database_prepare (db, MEASUREMENTS_SQL, error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ecart_csv_writer_text (writer, header[i]);
  if (!ecart_csv_writer_end_row (writer, error))
    return FALSE;
  if (progress != NULL)
    progress (0.0, user_data);

  while ((step = ecart_database_step (db, stmt, error)) == ECART_STEP_ROW)
    {
      EcartDimension dimension = sqlite3_column_int (stmt, 6);
      double score = sqlite3_column_double (stmt, 7);
      double scale_min = sqlite3_column_double (stmt, 8);
      double scale_max = sqlite3_column_double (stmt, 9);

      text_column (writer, stmt, 0);
      text_column (writer, stmt, 1);
      text_column (writer, stmt, 2);
      text_column (writer, stmt, 3);
      text_column (writer, stmt, 4);
      text_column (writer, stmt, 5);
      ecart_csv_writer_text (writer, dimension == ECART_DIMENSION_EXPECTED || dimension == ECART_DIMENSION_LIVED
                                       ? ecart_dimension_to_string (dimension) : NULL);
      ecart_csv_writer_number (writer, score);
      ecart_csv_writer_number (writer, scale_min);
      ecart_csv_writer_number (writer, scale_max);
      /* The engine's normalisation (EcartWaveWriter), to the bit. */
      ecart_csv_writer_number (writer, 10.0 * (score - scale_min) / (scale_max - scale_min));
      if (!ecart_csv_writer_end_row (writer, error))
        return FALSE;

      if (++done % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL && total > 0)
            progress (MIN (1.0, (double)done / (double)total), user_data);
        }
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

typedef struct
{
  EcartWorkspace    *workspace;
  EcartProgressFunc  progress;
  gpointer           user_data;
  GCancellable      *cancellable;
} MeasurementsSource;

static gboolean
write_measurements_rows (gpointer         source,
                         EcartCsvWriter  *writer,
                         GError         **error)
{
  MeasurementsSource *m = source;

  return ecart_export_write_measurements (m->workspace, writer, m->progress, m->user_data,
                                          m->cancellable, error);
}

/**
 * ecart_export_measurements:
 * @flags: %ECART_CSV_WRITER_FLAGS_BOM for a byte order mark
 * @progress: (nullable) (scope call): told how far it is
 *
 * Writes every measurement of @workspace to @path as CSV
 * (ecart_export_write_measurements()), atomically.
 */
gboolean
ecart_export_measurements (EcartWorkspace       *workspace,
                           const char           *path,
                           EcartCsvWriterFlags   flags,
                           EcartProgressFunc     progress,
                           gpointer              user_data,
                           GCancellable         *cancellable,
                           GError              **error)
{
  MeasurementsSource source = { workspace, progress, user_data, cancellable };

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_file (path, flags, cancellable, write_measurements_rows, &source, error);
}

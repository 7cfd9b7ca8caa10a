/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ecart-gap-table.h"
#include "ecart-template.h"
#include "ecart-wave-writer.h"

/* The gap engine's API as the window and the charts use it: rows, lookups, indices,
 * quadrants, NPS, trends, filters, errors; that it agrees with the raw measurements; and
 * that it reads only the aggregates unless a date range cuts through a wave. */

static char *tmp_dir;
static EcartWorkspace *demo;

static EcartWorkspace *
get_demo (void)
{
  if (demo == NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "demo.ecart", NULL);
      g_autoptr(GError) error = NULL;

      demo = ecart_demo_create (path, "en", &error);
      g_assert_no_error (error);
    }
  return demo;
}

static gpointer
find (EcartWorkspace *workspace,
      GListModel     *list,
      const char     *name)
{
  EcartItem *item = ecart_workspace_find_by_name (workspace, list, name);

  g_assert_nonnull (item);
  return item;
}

static EcartGapTable *
compute (EcartWorkspace  *workspace,
         EcartGapOptions *options)
{
  g_autoptr(GError) error = NULL;
  EcartGapTable *table = ecart_gap_table_new (workspace, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static sqlite3 *
handle (EcartWorkspace *workspace)
{
  return ecart_database_get_handle (ecart_workspace_get_database (workspace));
}

/* n, mean of the normalised scores of a cell, straight from the measurements. */
static void
raw_cell (EcartWorkspace *workspace,
          gint64          segment_id,
          gint64          attribute_id,
          int             dimension,
          const char     *from,
          const char     *to,
          gint64         *n,
          double         *mean)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (workspace),
                                       "SELECT count (*), avg (10.0 * (m.score - m.scale_min) "
                                       "/ (m.scale_max - m.scale_min)) FROM measurement m "
                                       "JOIN respondent r ON r.id = m.respondent_id "
                                       "WHERE r.segment_id = ?1 AND m.attribute_id = ?2 "
                                       "AND m.dimension = ?3 AND (?4 IS NULL OR substr "
                                       "(r.answered_at, 1, 10) >= ?4) AND (?5 IS NULL OR substr "
                                       "(r.answered_at, 1, 10) <= ?5)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, attribute_id);
  sqlite3_bind_int (stmt, 3, dimension);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, to, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *n = sqlite3_column_int64 (stmt, 0);
  *mean = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 1);
  sqlite3_finalize (stmt);
}

static void
assert_rows_match_raw (EcartWorkspace *workspace,
                       EcartGapTable  *table,
                       const char     *from,
                       const char     *to)
{
  GListModel *rows = ecart_gap_table_get_attribute_rows (table);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      gint64 segment_id = ecart_item_get_id (ECART_ITEM (ecart_gap_row_get_segment (row)));
      gint64 attribute_id = ecart_item_get_id (ECART_ITEM (ecart_gap_row_get_attribute (row)));

      for (int d = ECART_DIMENSION_EXPECTED; d <= ECART_DIMENSION_LIVED; d++)
        {
          const EcartSummary *summary = ecart_gap_row_get_summary (row, d);
          gint64 n;
          double mean;

          raw_cell (workspace, segment_id, attribute_id, d, from, to, &n, &mean);
          g_assert_cmpint (summary->n, ==, n);
          if (n > 0)
            g_assert_cmpfloat_with_epsilon (summary->mean, mean, 1e-9);
          else
            g_assert_true (isnan (summary->mean));
        }
    }
}

static void
test_defaults (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapTable) table = compute (workspace, NULL);
  EcartSegment *honeymoon = find (workspace, ecart_workspace_get_segments (workspace), "Honeymoon couples");
  EcartAttribute *attention = find (workspace, ecart_workspace_get_attributes (workspace), "Personal attention");
  EcartAttribute *kids = find (workspace, ecart_workspace_get_attributes (workspace), "Kids’ club");
  EcartGapRow *row;
  const EcartGap *gap;
  guint n_attributes = g_list_model_get_n_items (ecart_workspace_get_attributes (workspace));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (table)) == ECART_TYPE_GAP_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_gap_table_get_segments (table)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_gap_table_get_waves (table)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 3 * n_attributes);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_gap_table_get_segment_rows (table, honeymoon)), ==, n_attributes);
  g_assert_cmpfloat (ecart_gap_table_get_confidence (table), ==, 0.95);
  g_assert_cmpuint (ecart_gap_table_get_min_n (table), ==, 10);

  row = ecart_gap_table_lookup (table, honeymoon, attention);
  g_assert_nonnull (row);
  g_assert_true (ecart_gap_row_get_segment (row) == honeymoon);
  g_assert_true (ecart_gap_row_get_attribute (row) == attention);
  g_assert_null (ecart_gap_row_get_touchpoint (row));
  g_assert_false (ecart_gap_row_is_per_touchpoint (row));
  g_assert_cmpint (ecart_gap_row_get_importance (row), ==, 5);
  g_assert_cmpfloat (ecart_gap_row_get_value (row, ECART_DIMENSION_DESIRED), ==, 9.0);
  g_assert_cmpfloat (ecart_gap_row_get_value (row, ECART_DIMENSION_PROPOSED), ==, 4.0);

  gap = ecart_gap_row_get_gap (row, ECART_GAP_IMPLEMENTATION);
  g_assert_cmpfloat (gap->value, ==, -5.0);
  g_assert_cmpint (gap->method, ==, ECART_GAP_METHOD_FIXED);
  g_assert_true (isnan (gap->ci_low) && isnan (gap->p_value));
  g_assert_false (gap->significant);

  gap = ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION);
  g_assert_cmpint (gap->method, ==, ECART_GAP_METHOD_PAIRED);
  g_assert_true (ecart_gap_row_is_paired (row));
  g_assert_cmpint (ecart_gap_row_get_pairs (row), ==, ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n);
  g_assert_true (gap->significant);
  g_assert_cmpfloat (gap->ci_high, <, 0);
  g_assert_cmpfloat (gap->p_adjusted, >=, gap->p_value);

  gap = ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY);
  g_assert_cmpint (gap->method, ==, ECART_GAP_METHOD_ONE_SAMPLE);
  g_assert_cmpfloat_with_epsilon (gap->value, ecart_gap_row_get_value (row, ECART_DIMENSION_LIVED) - 9.0, 1e-12);

  /* Honeymoon couples are not asked about the kids' club: desired and proposed, nothing
   * measured. */
  row = ecart_gap_table_lookup (table, honeymoon, kids);
  g_assert_cmpint (ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n, ==, 0);
  g_assert_true (ecart_gap_row_is_insufficient (row, ECART_DIMENSION_LIVED));
  g_assert_true (isnan (ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->value));
  g_assert_cmpint (ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->method, ==, ECART_GAP_METHOD_NONE);
  g_assert_cmpint (ecart_gap_row_get_quadrant (row), ==, ECART_QUADRANT_NONE);
  g_assert_cmpfloat (ecart_gap_row_get_gap (row, ECART_GAP_IMPLEMENTATION)->value, ==, 0.0);

  assert_rows_match_raw (workspace, table, NULL, NULL);
}

static void
test_indices_and_quadrants (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapTable) table = compute (workspace, NULL);
  GListModel *segments = ecart_gap_table_get_segments (table);

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      GListModel *rows = ecart_gap_table_get_segment_rows (table, segment);
      double importance_mean;
      double lived_mean;
      double importance_total = 0;
      double lived_total = 0;
      guint measured = 0;

      for (guint k = 0; k < ECART_N_GAPS; k++)
        {
          double weighted = 0;
          double weights = 0;
          guint count = 0;
          guint n_attributes;
          double index = ecart_gap_table_get_index (table, segment, k, &n_attributes);

          for (guint a = 0; a < g_list_model_get_n_items (rows); a++)
            {
              g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, a);
              double value = ecart_gap_row_get_gap (row, k)->value;

              if (isnan (value))
                continue;
              weighted += ecart_gap_row_get_importance (row) * value;
              weights += ecart_gap_row_get_importance (row);
              count++;
            }
          g_assert_cmpuint (n_attributes, ==, count);
          g_assert_cmpfloat_with_epsilon (index, weighted / weights, 1e-12);
        }

      g_assert_true (ecart_gap_table_get_crosshair (table, segment, &importance_mean, &lived_mean));
      for (guint a = 0; a < g_list_model_get_n_items (rows); a++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, a);
          double lived = ecart_gap_row_get_value (row, ECART_DIMENSION_LIVED);
          int importance = ecart_gap_row_get_importance (row);

          if (isnan (lived))
            {
              g_assert_cmpint (ecart_gap_row_get_quadrant (row), ==, ECART_QUADRANT_NONE);
              continue;
            }
          importance_total += importance;
          lived_total += lived;
          measured++;
        }
      g_assert_cmpfloat_with_epsilon (importance_mean, importance_total / measured, 1e-12);
      g_assert_cmpfloat_with_epsilon (lived_mean, lived_total / measured, 1e-12);

      for (guint a = 0; a < g_list_model_get_n_items (rows); a++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, a);
          double lived = ecart_gap_row_get_value (row, ECART_DIMENSION_LIVED);
          int importance = ecart_gap_row_get_importance (row);
          EcartQuadrant expected;

          if (isnan (lived))
            continue;
          if (importance >= importance_mean)
            expected = lived >= lived_mean ? ECART_QUADRANT_KEEP_UP : ECART_QUADRANT_CONCENTRATE_HERE;
          else
            expected = lived >= lived_mean ? ECART_QUADRANT_POSSIBLE_OVERKILL : ECART_QUADRANT_LOW_PRIORITY;
          g_assert_cmpint (ecart_gap_row_get_quadrant (row), ==, expected);
        }
    }

  g_assert_cmpstr (ecart_quadrant_to_string (ECART_QUADRANT_CONCENTRATE_HERE), ==, "concentrate-here");
  g_assert_cmpstr (ecart_gap_kind_to_string (ECART_GAP_PERCEPTION), ==, "perception");
}

static void
test_nps_and_trends (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapTable) table = compute (workspace, NULL);
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  g_autoptr(EcartWave) first = g_list_model_get_item (waves, 0);
  g_autoptr(EcartWave) last = g_list_model_get_item (waves, 2);
  EcartSegment *business = find (workspace, ecart_workspace_get_segments (workspace), "Business travellers");
  EcartAttribute *checkin = find (workspace, ecart_workspace_get_attributes (workspace), "Fast check-in and check-out");
  const EcartTrendPoint *points;
  const EcartNpsChange *change;
  gint64 total = 0;
  guint n_points;

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      gint64 per_wave = 0;

      for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
        {
          g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);

          per_wave += ecart_gap_table_get_nps (table, segment, wave)->n;
        }
      g_assert_cmpint (per_wave, ==, ecart_gap_table_get_nps (table, segment, NULL)->n);
      total += per_wave;
    }
  g_assert_cmpint (total, ==, ecart_gap_table_get_nps (table, NULL, NULL)->n);
  {
    EcartWorkspaceCounts counts;

    g_assert_true (ecart_workspace_get_counts (workspace, &counts, NULL));
    g_assert_cmpint (total, ==, counts.recommendations);
  }

  g_assert_null (ecart_gap_table_get_nps_change (table, business, first));
  change = ecart_gap_table_get_nps_change (table, business, last);
  g_assert_nonnull (change);
  g_assert_true (change->significant);
  g_assert_cmpfloat (change->difference, >, 10);

  points = ecart_gap_table_get_trend (table, business, checkin, ECART_DIMENSION_LIVED, &n_points);
  g_assert_cmpuint (n_points, ==, 3);
  g_assert_true (points[0].wave == first);
  g_assert_true (isnan (points[0].change.estimate));
  g_assert_false (points[0].significant);
  g_assert_cmpfloat (points[2].since_first.estimate, >, 2.5);
  g_assert_true (points[2].since_first_significant);
  g_assert_cmpfloat_with_epsilon (points[2].change.estimate,
                                  points[2].summary.mean - points[1].summary.mean, 1e-12);

  /* The trend's waves add up to the row. */
  {
    EcartGapRow *row = ecart_gap_table_lookup (table, business, checkin);
    gint64 n = 0;

    for (guint w = 0; w < n_points; w++)
      n += points[w].summary.n;
    g_assert_cmpint (n, ==, ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n);
  }
}

static void
test_by_touchpoint (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(EcartGapTable) at_reception = NULL;
  EcartSegment *honeymoon = find (workspace, ecart_workspace_get_segments (workspace), "Honeymoon couples");
  EcartAttribute *welcome = find (workspace, ecart_workspace_get_attributes (workspace), "Warm welcome");
  EcartTouchpoint *reception = find (workspace, ecart_workspace_get_touchpoints (workspace), "Reception");
  EcartTouchpoint *transfer = find (workspace, ecart_workspace_get_touchpoints (workspace), "Airport transfer");
  EcartTouchpoint *website = find (workspace, ecart_workspace_get_touchpoints (workspace), "Website");
  EcartGapRow *row;
  EcartGapRow *at_transfer;
  EcartGapRow *total;

  ecart_gap_options_set_by_touchpoint (options, TRUE);
  table = compute (workspace, options);

  row = ecart_gap_table_lookup_touchpoint (table, honeymoon, welcome, reception);
  at_transfer = ecart_gap_table_lookup_touchpoint (table, honeymoon, welcome, transfer);
  total = ecart_gap_table_lookup (table, honeymoon, welcome);
  g_assert_nonnull (row);
  g_assert_nonnull (at_transfer);
  g_assert_true (ecart_gap_row_is_per_touchpoint (row));
  g_assert_true (ecart_gap_row_get_touchpoint (row) == reception);
  g_assert_null (ecart_gap_table_lookup_touchpoint (table, honeymoon, welcome, website));
  g_assert_null (ecart_gap_table_lookup_touchpoint (table, honeymoon, welcome, NULL));
  g_assert_cmpint (ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n
                   + ecart_gap_row_get_summary (at_transfer, ECART_DIMENSION_LIVED)->n,
                   ==, ecart_gap_row_get_summary (total, ECART_DIMENSION_LIVED)->n);
  g_assert_cmpint (ecart_gap_row_get_quadrant (row), ==, ECART_QUADRANT_NONE);

  /* Every row of the model is per touchpoint. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
    {
      g_autoptr(EcartGapRow) item = g_list_model_get_item (G_LIST_MODEL (table), i);
      g_assert_true (ecart_gap_row_is_per_touchpoint (item));
    }

  /* One touchpoint only: the per-attribute row is the reception's. */
  ecart_gap_options_set_by_touchpoint (options, FALSE);
  ecart_gap_options_set_touchpoint_id (options, ecart_item_get_id (ECART_ITEM (reception)));
  at_reception = compute (workspace, options);
  total = ecart_gap_table_lookup (at_reception, honeymoon, welcome);
  g_assert_cmpint (ecart_gap_row_get_summary (total, ECART_DIMENSION_LIVED)->n, ==,
                   ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n);
  g_assert_cmpfloat_with_epsilon (ecart_gap_row_get_gap (total, ECART_GAP_PERCEPTION)->value,
                                  ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION)->value, 1e-12);
}

static void
test_filters (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) table = NULL;
  EcartSegment *families = find (workspace, ecart_workspace_get_segments (workspace), "Families");
  EcartSegment *business = find (workspace, ecart_workspace_get_segments (workspace), "Business travellers");
  EcartWave *autumn = find (workspace, ecart_workspace_get_waves (workspace), "Autumn 2025 survey");
  g_autoptr(EcartWave) wave = NULL;

  /* Order of the options does not matter: the portfolio's order is kept. */
  ecart_gap_options_add_segment (options, ecart_item_get_id (ECART_ITEM (business)));
  ecart_gap_options_add_segment (options, ecart_item_get_id (ECART_ITEM (families)));
  ecart_gap_options_add_wave (options, ecart_item_get_id (ECART_ITEM (autumn)));
  table = compute (workspace, options);

  g_assert_cmpuint (g_list_model_get_n_items (ecart_gap_table_get_segments (table)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_gap_table_get_waves (table)), ==, 1);
  wave = g_list_model_get_item (ecart_gap_table_get_waves (table), 0);
  g_assert_true (wave == autumn);
  {
    g_autoptr(EcartSegment) first = g_list_model_get_item (ecart_gap_table_get_segments (table), 0);
    g_assert_true (first == families);
  }
  g_assert_null (ecart_gap_table_get_segment_rows (table, find (workspace, ecart_workspace_get_segments (workspace), "Honeymoon couples")));
  g_assert_cmpint (ecart_gap_table_get_nps (table, families, NULL)->n, ==, 360);
  g_assert_cmpint (ecart_gap_table_get_nps (table, NULL, NULL)->n, ==, 360 + 280);
}

static void
test_date_range (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) all = compute (workspace, NULL);
  g_autoptr(EcartGapTable) covering = NULL;
  g_autoptr(EcartGapTable) partial = NULL;
  g_autoptr(EcartGapTable) outside = NULL;
  g_autoptr(EcartGapTable) open_ended = NULL;

  /* A range covering every wave: the same figures as none. */
  ecart_gap_options_set_from (options, "2025-01-01");
  ecart_gap_options_set_to (options, "2026-12-31");
  covering = compute (workspace, options);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(EcartGapRow) a = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autoptr(EcartGapRow) b = g_list_model_get_item (G_LIST_MODEL (covering), i);

      g_assert_cmpint (ecart_gap_row_get_summary (a, ECART_DIMENSION_LIVED)->n, ==,
                       ecart_gap_row_get_summary (b, ECART_DIMENSION_LIVED)->n);
      g_assert_true (memcmp (ecart_gap_row_get_summary (a, ECART_DIMENSION_LIVED),
                             ecart_gap_row_get_summary (b, ECART_DIMENSION_LIVED),
                             sizeof (EcartSummary)) == 0);
    }

  /* Through the middle of two waves: read from the rows, and right. */
  ecart_gap_options_set_from (options, "2025-03-15");
  ecart_gap_options_set_to (options, "2025-10-15");
  partial = compute (workspace, options);
  assert_rows_match_raw (workspace, partial, "2025-03-15", "2025-10-15");
  {
    EcartSegment *business = find (workspace, ecart_workspace_get_segments (workspace), "Business travellers");
    EcartAttribute *checkin = find (workspace, ecart_workspace_get_attributes (workspace), "Fast check-in and check-out");
    EcartGapRow *row = ecart_gap_table_lookup (partial, business, checkin);

    /* Paired in the rows as in the aggregates. */
    g_assert_true (ecart_gap_row_is_paired (row));
    g_assert_cmpint (ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION)->method, ==, ECART_GAP_METHOD_PAIRED);
    g_assert_cmpint (ecart_gap_table_get_nps (partial, business, NULL)->n, >, 0);
    g_assert_cmpint (ecart_gap_table_get_nps (partial, business, NULL)->n, <, 260 + 280);
  }

  /* Open-ended. */
  ecart_gap_options_set_from (options, "2026-03-20");
  ecart_gap_options_set_to (options, NULL);
  open_ended = compute (workspace, options);
  assert_rows_match_raw (workspace, open_ended, "2026-03-20", NULL);

  /* Before any wave: nothing. */
  ecart_gap_options_set_from (options, "2020-01-01");
  ecart_gap_options_set_to (options, "2020-12-31");
  outside = compute (workspace, options);
  g_assert_cmpint (ecart_gap_table_get_nps (outside, NULL, NULL)->n, ==, 0);
  assert_rows_match_raw (workspace, outside, "2020-01-01", "2020-12-31");
}

/* The authorizer is told of every table a statement reads, when it is prepared. */
static int
record_reads (void       *user_data,
              int         action,
              const char *table,
              const char *column,
              const char *database,
              const char *trigger)
{
  if (action == SQLITE_READ && table != NULL)
    g_hash_table_add (user_data, g_strdup (table));
  return SQLITE_OK;
}

static void
test_reads_only_aggregates (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "reads.ecart", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GHashTable) reads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) table = NULL;

  g_object_unref (ecart_demo_create (path, "en", &error));
  g_assert_no_error (error);
  workspace = ecart_workspace_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);

  sqlite3_set_authorizer (handle (workspace), record_reads, reads);

  ecart_gap_options_set_by_touchpoint (options, TRUE);
  table = compute (workspace, options);
  g_assert_true (g_hash_table_contains (reads, "measurement_aggregate"));
  g_assert_true (g_hash_table_contains (reads, "pair_aggregate"));
  g_assert_true (g_hash_table_contains (reads, "recommendation_aggregate"));
  g_assert_false (g_hash_table_contains (reads, "measurement"));
  g_assert_false (g_hash_table_contains (reads, "recommendation"));
  g_clear_object (&table);

  /* Whole waves in the range: still only the aggregates, and the index of respondents. */
  ecart_gap_options_set_from (options, "2025-03-01");
  ecart_gap_options_set_to (options, "2025-03-31");
  table = compute (workspace, options);
  g_assert_false (g_hash_table_contains (reads, "measurement"));
  g_clear_object (&table);

  /* A range through a wave reads its rows. */
  ecart_gap_options_set_to (options, "2025-03-10");
  table = compute (workspace, options);
  g_assert_true (g_hash_table_contains (reads, "measurement"));

  sqlite3_set_authorizer (handle (workspace), NULL, NULL);
}

static void
test_holm_switch (void)
{
  EcartWorkspace *workspace = get_demo ();
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) with = compute (workspace, options);
  g_autoptr(EcartGapTable) without = NULL;
  guint more = 0;

  ecart_gap_options_set_holm (options, FALSE);
  without = compute (workspace, options);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (with)); i++)
    {
      g_autoptr(EcartGapRow) a = g_list_model_get_item (G_LIST_MODEL (with), i);
      g_autoptr(EcartGapRow) b = g_list_model_get_item (G_LIST_MODEL (without), i);

      for (guint k = 0; k < ECART_N_GAPS; k++)
        {
          const EcartGap *holm = ecart_gap_row_get_gap (a, k);
          const EcartGap *raw = ecart_gap_row_get_gap (b, k);

          /* Without Holm: significant exactly when the interval excludes 0. */
          if (!raw->insufficient && isfinite (raw->ci_low))
            g_assert_true (raw->significant == (raw->ci_low > 0 || raw->ci_high < 0));
          if (isfinite (raw->p_adjusted))
            g_assert_cmpfloat (raw->p_adjusted, ==, raw->p_value);
          if (isfinite (holm->p_adjusted))
            g_assert_cmpfloat (holm->p_adjusted, >=, holm->p_value);
          /* Holm only ever removes significance. */
          if (holm->significant)
            g_assert_true (raw->significant);
          more += raw->significant && !holm->significant;
        }
    }
  g_assert_cmpuint (more, >, 0);
}

static void
count_changes (EcartGapOptions *options,
               guint           *count)
{
  (*count)++;
}

static void
test_options (void)
{
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapOptions) copy = NULL;
  guint changed = 0;
  const gint64 ids[] = { 3, 1 };
  guint n;

  g_signal_connect (options, "changed", G_CALLBACK (count_changes), &changed);

  g_assert_cmpfloat (ecart_gap_options_get_confidence (options), ==, 0.95);
  g_assert_cmpuint (ecart_gap_options_get_min_n (options), ==, 10);
  g_assert_true (ecart_gap_options_get_holm (options));
  g_assert_true (ecart_gap_options_validate (options, NULL));

  g_object_set (options, "confidence", 0.9, "min-n", 5, NULL);
  g_assert_cmpuint (changed, ==, 1);
  ecart_gap_options_set_confidence (options, 0.9);
  g_assert_cmpuint (changed, ==, 1);
  ecart_gap_options_set_segments (options, ids, 2);
  g_assert_cmpuint (changed, ==, 2);
  ecart_gap_options_add_segment (options, 3);
  g_assert_cmpuint (changed, ==, 2);
  ecart_gap_options_add_wave (options, 7);
  g_assert_cmpuint (changed, ==, 3);

  copy = ecart_gap_options_copy (options);
  ecart_gap_options_set_segments (options, NULL, 0);
  g_assert_cmpint (ecart_gap_options_get_segments (copy, &n)[1], ==, 1);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (ecart_gap_options_get_confidence (copy), ==, 0.9);
  g_assert_cmpuint (ecart_gap_options_get_min_n (copy), ==, 5);
}

static void
assert_refused (EcartGapOptions *options,
                int              code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartGapTable) table = ecart_gap_table_new (get_demo (), options, &error);

  g_assert_null (table);
  g_assert_error (error, ECART_GAP_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_refused (void)
{
  struct { double confidence; guint min_n; const char *from; const char *to; } bad[] = {
    { 0.5, 10, NULL, NULL },
    { 0.995, 10, NULL, NULL },
    { 95, 10, NULL, NULL },
    { NAN, 10, NULL, NULL },
    { 0.95, 0, NULL, NULL },
    { 0.95, 10, "2025-13-01", NULL },
    { 0.95, 10, NULL, "2025-02-30" },
    { 0.95, 10, "25-01-01", NULL },
    { 0.95, 10, "2025-01-01T00:00", NULL },
    { 0.95, 10, "2025-06-01", "2025-05-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();

      ecart_gap_options_set_confidence (options, bad[i].confidence);
      ecart_gap_options_set_min_n (options, bad[i].min_n);
      ecart_gap_options_set_from (options, bad[i].from);
      ecart_gap_options_set_to (options, bad[i].to);
      assert_refused (options, ECART_GAP_ERROR_INVALID);
    }

  {
    g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();

    ecart_gap_options_set_confidence (options, 0.80);
    g_assert_true (ecart_gap_options_validate (options, NULL));
    ecart_gap_options_set_confidence (options, 0.99);
    g_assert_true (ecart_gap_options_validate (options, NULL));

    ecart_gap_options_add_segment (options, 99999);
    assert_refused (options, ECART_GAP_ERROR_NOT_FOUND);
    ecart_gap_options_set_segments (options, NULL, 0);
    ecart_gap_options_add_wave (options, 99999);
    assert_refused (options, ECART_GAP_ERROR_NOT_FOUND);
    ecart_gap_options_set_waves (options, NULL, 0);
    ecart_gap_options_set_touchpoint_id (options, 99999);
    assert_refused (options, ECART_GAP_ERROR_NOT_FOUND);
  }
}

/* A workspace of our own: a segment with no measurement, unset levels, one respondent. */
static void
test_edges (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "edges.ecart", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapTable) empty = NULL;
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(EcartWaveWriter) writer = NULL;
  g_autoptr(EcartPillar) pillar = NULL;
  EcartSegment *measured;
  EcartSegment *silent;
  EcartAttribute *x;
  EcartAttribute *y;
  EcartGapRow *row;
  gint64 respondent;
  guint n_points;

  workspace = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);
  g_assert_no_error (error);

  /* No segment, no wave: an empty table, not an error. */
  empty = compute (workspace, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
  g_assert_cmpint (ecart_gap_table_get_nps (empty, NULL, NULL)->n, ==, 0);

  pillar = g_list_model_get_item (ecart_workspace_get_pillars (workspace), 0);
  measured = ecart_workspace_add_segment (workspace, "Measured", &error);
  g_assert_no_error (error);
  silent = ecart_workspace_add_segment (workspace, "Silent", &error);
  g_assert_no_error (error);
  x = ecart_workspace_add_attribute (workspace, pillar, "X", &error);
  g_assert_no_error (error);
  y = ecart_workspace_add_attribute (workspace, pillar, "Y", &error);
  g_assert_no_error (error);
  g_assert_true (ecart_workspace_set_desired (workspace, measured, x, 8, 4, "", &error));
  g_assert_true (ecart_workspace_set_desired (workspace, silent, x, 6, 2, "", &error));
  g_assert_true (ecart_workspace_set_proposed_level (workspace, silent, x, 7, &error));

  writer = ecart_wave_writer_begin (workspace, "Only", NULL, NULL, &error);
  g_assert_no_error (error);
  respondent = ecart_wave_writer_add_respondent (writer, ecart_item_get_id (ECART_ITEM (measured)),
                                                 "r1", "2025-05-05", &error);
  g_assert_no_error (error);
  g_assert_true (ecart_wave_writer_add_measurement (writer, respondent, ecart_item_get_id (ECART_ITEM (x)),
                                                    0, ECART_DIMENSION_LIVED, 4, 1, 5, &error));
  g_assert_true (ecart_wave_writer_add_measurement (writer, respondent, ecart_item_get_id (ECART_ITEM (y)),
                                                    0, ECART_DIMENSION_EXPECTED, 7, 0, 10, &error));
  g_assert_true (ecart_wave_writer_add_recommendation (writer, respondent, 10, &error));
  g_assert_true (ecart_wave_writer_commit (writer, &error));
  g_assert_no_error (error);

  table = compute (workspace, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 4);

  /* n = 1: a mean, no spread nor interval; the gap, no interval, not significant. */
  row = ecart_gap_table_lookup (table, measured, x);
  g_assert_cmpint (ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n, ==, 1);
  g_assert_cmpfloat (ecart_gap_row_get_value (row, ECART_DIMENSION_LIVED), ==, 7.5);
  g_assert_true (isnan (ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->sd));
  g_assert_cmpfloat (ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->value, ==, -0.5);
  g_assert_true (isnan (ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->ci_low));
  g_assert_true (ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->insufficient);
  g_assert_false (ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->significant);
  /* Proposed not set: no implementation or execution gap. */
  g_assert_true (isnan (ecart_gap_row_get_proposed (row)));
  g_assert_true (isnan (ecart_gap_row_get_gap (row, ECART_GAP_IMPLEMENTATION)->value));
  g_assert_true (isnan (ecart_gap_row_get_gap (row, ECART_GAP_EXECUTION)->value));
  /* Expected missing: no perception gap. */
  g_assert_true (isnan (ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION)->value));
  g_assert_cmpint (ecart_gap_row_get_quadrant (row), ==, ECART_QUADRANT_KEEP_UP);

  /* Y: nothing set, expected only. */
  row = ecart_gap_table_lookup (table, measured, y);
  g_assert_cmpint (ecart_gap_row_get_importance (row), ==, 3);
  g_assert_true (isnan (ecart_gap_row_get_desired (row)));
  g_assert_cmpfloat (ecart_gap_row_get_value (row, ECART_DIMENSION_EXPECTED), ==, 7.0);
  for (guint k = 0; k < ECART_N_GAPS; k++)
    g_assert_true (isnan (ecart_gap_row_get_gap (row, k)->value));

  /* A segment with no measurement: its workshop values, and nothing measured. */
  row = ecart_gap_table_lookup (table, silent, x);
  g_assert_cmpfloat (ecart_gap_row_get_gap (row, ECART_GAP_IMPLEMENTATION)->value, ==, 1.0);
  g_assert_cmpint (ecart_gap_row_get_summary (row, ECART_DIMENSION_EXPECTED)->n, ==, 0);
  g_assert_false (ecart_gap_table_get_crosshair (table, silent, NULL, NULL));
  g_assert_cmpfloat (ecart_gap_table_get_index (table, silent, ECART_GAP_IMPLEMENTATION, NULL), ==, 1.0);
  g_assert_true (isnan (ecart_gap_table_get_index (table, silent, ECART_GAP_DELIVERY, NULL)));
  g_assert_cmpint (ecart_gap_table_get_nps (table, silent, NULL)->n, ==, 0);
  g_assert_nonnull (ecart_gap_table_get_trend (table, silent, x, ECART_DIMENSION_LIVED, &n_points));
  g_assert_cmpuint (n_points, ==, 1);

  g_assert_cmpint (ecart_gap_table_get_nps (table, measured, NULL)->n, ==, 1);
  g_assert_true (ecart_gap_table_get_nps (table, measured, NULL)->insufficient);
  g_assert_cmpfloat (ecart_gap_table_get_nps (table, measured, NULL)->nps, ==, 100.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("ecart-gap-table-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/gap-table/defaults", test_defaults);
  g_test_add_func ("/core/gap-table/indices-and-quadrants", test_indices_and_quadrants);
  g_test_add_func ("/core/gap-table/nps-and-trends", test_nps_and_trends);
  g_test_add_func ("/core/gap-table/by-touchpoint", test_by_touchpoint);
  g_test_add_func ("/core/gap-table/filters", test_filters);
  g_test_add_func ("/core/gap-table/date-range", test_date_range);
  g_test_add_func ("/core/gap-table/reads-only-aggregates", test_reads_only_aggregates);
  g_test_add_func ("/core/gap-table/holm-switch", test_holm_switch);
  g_test_add_func ("/core/gap-table/options", test_options);
  g_test_add_func ("/core/gap-table/refused", test_refused);
  g_test_add_func ("/core/gap-table/edges", test_edges);

  status = g_test_run ();

  g_clear_object (&demo);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tests of the drill-down queries against the demo workshop: what lies behind a figure of
 * the gap table is exactly as many measurements as its n, in every filter. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ecart-drill-down.h"
#include "ecart-gap-table.h"
#include "ecart-template.h"

static EcartWorkspace *demo;
static char *tmp_dir;

static gint64
query_int (const char *sql)
{
  sqlite3 *db = ecart_database_get_handle (ecart_workspace_get_database (demo));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gpointer
nth (GListModel *model,
     guint       i)
{
  gpointer item = g_list_model_get_item (model, i);

  g_object_unref (item);  /* the workspace keeps it */
  return item;
}

static EcartGapTable *
table_for (gint64   wave_id,
           gint64   touchpoint_id)
{
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(GError) error = NULL;
  EcartGapTable *table;

  if (wave_id != 0)
    ecart_gap_options_add_wave (options, wave_id);
  if (touchpoint_id != 0)
    ecart_gap_options_set_touchpoint_id (options, touchpoint_id);
  table = ecart_gap_table_new (demo, options, &error);
  g_assert_no_error (error);
  return table;
}

/* Every segment × attribute of the table: the lived and expected measurements listed are
 * as many as the table's n. */
static void
check_counts (EcartGapTable *table,
              gint64         wave_id,
              gint64         touchpoint_id)
{
  GListModel *segments = ecart_workspace_get_segments (demo);
  GListModel *attributes = ecart_workspace_get_attributes (demo);
  guint checked = 0;

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
      {
        EcartSegment *segment = nth (segments, s);
        EcartAttribute *attribute = nth (attributes, a);
        EcartGapRow *row = ecart_gap_table_lookup (table, segment, attribute);
        EcartDimension dimensions[] = { ECART_DIMENSION_EXPECTED, ECART_DIMENSION_LIVED };

        g_assert_nonnull (row);
        for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
          {
            EcartDrillFilter filter = {
              .segment_id = ecart_item_get_id (ECART_ITEM (segment)),
              .attribute_id = ecart_item_get_id (ECART_ITEM (attribute)),
              .touchpoint_id = touchpoint_id,
              .dimensions = 1u << dimensions[d],
              .wave_ids = &wave_id,
              .n_waves = wave_id != 0 ? 1 : 0,
            };
            g_autoptr(GPtrArray) rows = NULL;
            g_autoptr(GError) error = NULL;
            gint64 total = -1;
            double sum = 0.0;

            rows = ecart_drill_down_measurements (demo, &filter, 100000, &total, &error);
            g_assert_no_error (error);
            g_assert_cmpint (total, ==, ecart_gap_row_get_summary (row, dimensions[d])->n);
            g_assert_cmpint (rows->len, ==, total);
            for (guint i = 0; i < rows->len; i++)
              {
                EcartDrillMeasurement *m = g_ptr_array_index (rows, i);

                g_assert_cmpint (m->dimension, ==, dimensions[d]);
                g_assert_cmpfloat (m->score, >=, 0.0);
                g_assert_cmpfloat (m->score, <=, 10.0);
                g_assert_nonnull (m->wave);
                sum += m->score;
              }
            if (total > 0)
              {
                g_assert_cmpfloat_with_epsilon (sum / total,
                                                ecart_gap_row_get_summary (row, dimensions[d])->mean,
                                                1e-9);
                checked++;
              }
          }
      }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_drill_down_measurements (void)
{
  GListModel *waves = ecart_workspace_get_waves (demo);
  GListModel *touchpoints = ecart_workspace_get_touchpoints (demo);
  gint64 wave_id = ecart_item_get_id (nth (waves, g_list_model_get_n_items (waves) - 1));
  gint64 touchpoint_id = ecart_item_get_id (nth (touchpoints, 1));
  g_autoptr(EcartGapTable) all = table_for (0, 0);
  g_autoptr(EcartGapTable) one_wave = table_for (wave_id, 0);
  g_autoptr(EcartGapTable) one_touchpoint = table_for (0, touchpoint_id);

  g_assert_cmpuint (g_list_model_get_n_items (waves), >=, 2);
  check_counts (all, 0, 0);
  check_counts (one_wave, wave_id, 0);
  check_counts (one_touchpoint, 0, touchpoint_id);
}

static void
test_drill_down_limit (void)
{
  EcartDrillFilter filter = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  rows = ecart_drill_down_measurements (demo, &filter, 25, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 25);
  g_assert_cmpint (total, ==, query_int ("SELECT count (*) FROM measurement"));

  /* Desired and proposed are never measured: asking for them is an error, not an empty list. */
  filter.dimensions = 1u << ECART_DIMENSION_DESIRED;
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = ecart_drill_down_measurements (demo, &filter, 25, &total, &error);
  g_assert_null (rows);
  g_assert_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID);
}

static void
test_drill_down_verbatims (void)
{
  gint64 attribute_id = query_int ("SELECT attribute_id FROM verbatim WHERE attribute_id IS NOT NULL "
                                   "GROUP BY attribute_id ORDER BY count (*) DESC LIMIT 1");
  gint64 segment_id = query_int ("SELECT r.segment_id FROM verbatim v JOIN respondent r "
                                 "ON r.id = v.respondent_id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM verbatim v JOIN respondent r "
                                          "ON r.id = v.respondent_id WHERE v.attribute_id = %"
                                          G_GINT64_FORMAT " AND r.segment_id = %" G_GINT64_FORMAT,
                                          attribute_id, segment_id);
  EcartDrillFilter filter = { .segment_id = segment_id, .attribute_id = attribute_id };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  gint64 expected = query_int (sql);
  int previous = -1;

  g_assert_cmpint (expected, >, 0);
  rows = ecart_drill_down_verbatims (demo, &filter, 1000, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, expected);
  g_assert_cmpuint (rows->len, ==, expected);
  for (guint i = 0; i < rows->len; i++)
    {
      EcartDrillVerbatim *v = g_ptr_array_index (rows, i);
      int score = v->recommendation < 0 ? 11 : v->recommendation;

      g_assert_nonnull (v->body);
      g_assert_nonnull (v->attribute);
      g_assert_cmpint (score, >=, previous);  /* complaints first */
      previous = score;
    }
}

static void
test_drill_down_respondents (void)
{
  GListModel *segments = ecart_workspace_get_segments (demo);
  GListModel *waves = ecart_workspace_get_waves (demo);
  EcartSegment *segment = nth (segments, 0);
  EcartWave *wave = nth (waves, g_list_model_get_n_items (waves) - 1);
  gint64 wave_id = ecart_item_get_id (ECART_ITEM (wave));
  g_autoptr(EcartGapTable) table = table_for (wave_id, 0);
  const EcartNps *nps = ecart_gap_table_get_nps (table, segment, NULL);
  EcartDrillFilter filter = {
    .segment_id = ecart_item_get_id (ECART_ITEM (segment)),
    .wave_ids = &wave_id,
    .n_waves = 1,
  };
  g_autoptr(GPtrArray) detractors = NULL;
  g_autoptr(GPtrArray) promoters = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  g_assert_nonnull (nps);
  g_assert_cmpint (nps->detractors, >, 0);
  detractors = ecart_drill_down_respondents (demo, &filter, 0, 6, 10, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, nps->detractors);
  g_assert_cmpuint (detractors->len, ==, MIN (10, total));
  for (guint i = 0; i < detractors->len; i++)
    {
      EcartDrillRespondent *r = g_ptr_array_index (detractors, i);

      g_assert_cmpint (r->recommendation, <=, 6);
      g_assert_cmpstr (r->wave, ==, ecart_item_get_name (ECART_ITEM (wave)));
      g_assert_cmpstr (r->segment, ==, ecart_item_get_name (ECART_ITEM (segment)));
      /* Those who said something come first. */
      if (i > 0 && ((EcartDrillRespondent *)g_ptr_array_index (detractors, i - 1))->verbatims == NULL)
        g_assert_null (r->verbatims);
    }

  promoters = ecart_drill_down_respondents (demo, &filter, 9, 10, 1000, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, nps->promoters);

  g_assert_null (ecart_drill_down_respondents (demo, &filter, 7, 4, 10, &total, &error));
  g_assert_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID);
}

static void
test_drill_down_initiatives (void)
{
  gint64 attribute_id = query_int ("SELECT attribute_id FROM initiative WHERE attribute_id IS NOT NULL "
                                   "GROUP BY attribute_id ORDER BY count (*) DESC LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM initiative WHERE attribute_id = %"
                                          G_GINT64_FORMAT, attribute_id);
  g_autoptr(GListModel) initiatives = ecart_drill_down_initiatives (demo, attribute_id);
  g_autoptr(GListModel) none = ecart_drill_down_initiatives (demo, 0);

  g_assert_cmpint (g_list_model_get_n_items (initiatives), ==, query_int (sql));
  g_assert_cmpuint (g_list_model_get_n_items (initiatives), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    g_assert_cmpint (ecart_initiative_get_attribute_id (nth (initiatives, i)), ==, attribute_id);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* An initiative created on a gap is linked to it at once, and one undo takes it back. */
  {
    EcartAttribute *attribute = ecart_workspace_find_attribute (demo, attribute_id);
    EcartSegment *segment = nth (ecart_workspace_get_segments (demo), 0);
    g_autoptr(GListModel) after = NULL;
    g_autoptr(GListModel) undone = NULL;
    g_autoptr(GError) error = NULL;
    EcartInitiative *initiative;
    guint before = g_list_model_get_n_items (initiatives);

    initiative = ecart_workspace_add_initiative_about (demo, "Close the gap", ECART_INITIATIVE_IDEA,
                                                       segment, attribute, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (initiative);
    g_assert_cmpint (ecart_initiative_get_segment_id (initiative), ==, ecart_item_get_id (ECART_ITEM (segment)));
    after = ecart_drill_down_initiatives (demo, attribute_id);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, before + 1);
    g_assert_true (ecart_workspace_undo (demo, &error));
    g_assert_no_error (error);
    undone = ecart_drill_down_initiatives (demo, attribute_id);
    g_assert_cmpuint (g_list_model_get_n_items (undone), ==, before);

    g_assert_null (ecart_workspace_add_initiative_about (demo, "  ", ECART_INITIATIVE_IDEA,
                                                         segment, attribute, NULL, &error));
    g_assert_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID);
  }
}

static void
test_drill_down_largest_gaps (void)
{
  g_autoptr(EcartGapTable) table = table_for (0, 0);
  GListModel *segments = ecart_workspace_get_segments (demo);
  guint found = 0;

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      EcartSegment *segment = nth (segments, s);
      g_autoptr(GPtrArray) gaps = ecart_drill_down_largest_gaps (table, segment, ECART_GAP_DELIVERY, 3);
      GListModel *rows = ecart_gap_table_get_segment_rows (table, segment);
      double smallest = INFINITY;
      guint significant = 0;

      g_assert_cmpuint (gaps->len, <=, 3);
      for (guint i = 0; i < gaps->len; i++)
        {
          const EcartGap *gap = ecart_gap_row_get_gap (g_ptr_array_index (gaps, i), ECART_GAP_DELIVERY);

          g_assert_true (gap->significant);
          g_assert_cmpfloat (fabs (gap->value), <=, smallest);
          smallest = fabs (gap->value);
        }
      /* None left out is larger than the smallest kept. */
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
          const EcartGap *gap = ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY);

          if (gap->significant && !gap->insufficient)
            {
              significant++;
              if (gaps->len == 3)
                g_assert_true (fabs (gap->value) <= smallest
                               || row == g_ptr_array_index (gaps, 0)
                               || row == g_ptr_array_index (gaps, 1)
                               || row == g_ptr_array_index (gaps, 2));
            }
        }
      g_assert_cmpuint (gaps->len, ==, MIN (3, significant));
      found += gaps->len;
    }
  g_assert_cmpuint (found, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  ecart_stats_init ();

  tmp_dir = g_dir_make_tmp ("ecart-drill-down-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "demo.ecart", NULL);
  demo = ecart_demo_create (path, "en", &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/drill-down/measurements", test_drill_down_measurements);
  g_test_add_func ("/core/drill-down/limit", test_drill_down_limit);
  g_test_add_func ("/core/drill-down/verbatims", test_drill_down_verbatims);
  g_test_add_func ("/core/drill-down/respondents", test_drill_down_respondents);
  g_test_add_func ("/core/drill-down/initiatives", test_drill_down_initiatives);
  g_test_add_func ("/core/drill-down/largest-gaps", test_drill_down_largest_gaps);

  status = g_test_run ();

  ecart_database_close (ecart_workspace_get_database (demo));
  g_clear_object (&demo);
  g_unlink (path);
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tests of EcartMeasurementModel (the measurements table of the window, paged from SQLite)
 * and of the verbatim search: the count is the database's, rows at any position are the
 * database's rows, filters, memory bounded while scrolling, and search text that is FTS5
 * syntax searched as words. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ecart-measurement-model.h"
#include "ecart-template.h"
#include "ecart-verbatim-search.h"
#include "ecart-wave-writer.h"

#define N_RESPONDENTS 12000
#define N_PER_RESPONDENT 10   /* 120,000 measurements in the big workspace */

static char *tmp_dir;
static EcartWorkspace *big;

static EcartWorkspace *
new_workspace (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace = ecart_workspace_create (path, ECART_TEMPLATE_HOTEL, "en", &error);

  g_assert_no_error (error);
  return workspace;
}

static gint64
item_id (GListModel *list,
         guint       index)
{
  g_autoptr(EcartItem) item = g_list_model_get_item (list, index);

  return ecart_item_get_id (item);
}

/* Two waves; the second has half the respondents, in the second segment. */
static void
write_wave (EcartWorkspace *workspace,
            const char     *name,
            guint           n_respondents,
            guint           segment_index,
            gboolean        verbatims)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWaveWriter) writer = NULL;
  GListModel *attributes = ecart_workspace_get_attributes (workspace);
  GListModel *touchpoints = ecart_workspace_get_touchpoints (workspace);
  gint64 segment = item_id (ecart_workspace_get_segments (workspace), segment_index);
  gint64 other = item_id (ecart_workspace_get_segments (workspace), segment_index + 1);
  guint n_attributes = g_list_model_get_n_items (attributes);
  guint n_touchpoints = g_list_model_get_n_items (touchpoints);
  g_autofree gint64 *attribute_ids = g_new (gint64, n_attributes);
  g_autofree gint64 *touchpoint_ids = g_new (gint64, n_touchpoints);

  for (guint i = 0; i < n_attributes; i++)
    attribute_ids[i] = item_id (attributes, i);
  for (guint i = 0; i < n_touchpoints; i++)
    touchpoint_ids[i] = item_id (touchpoints, i);

  writer = ecart_wave_writer_begin (workspace, name, "survey", "generated.csv", &error);
  g_assert_no_error (error);
  for (guint r = 0; r < n_respondents; r++)
    {
      g_autofree char *external = g_strdup_printf ("R%05u", r);
      gint64 respondent = ecart_wave_writer_add_respondent (writer, r % 3 == 0 ? other : segment,
                                                           external, "2025-03-14", &error);

      g_assert_no_error (error);
      for (guint m = 0; m < N_PER_RESPONDENT; m++)
        {
          gint64 attribute = attribute_ids[m % n_attributes];
          gint64 touchpoint = m % 2 ? touchpoint_ids[m % n_touchpoints] : 0;

          ecart_wave_writer_add_measurement (writer, respondent, attribute, touchpoint,
                                             m % 2 ? ECART_DIMENSION_LIVED : ECART_DIMENSION_EXPECTED,
                                             1 + (r + m) % 5, 1, 5, &error);
          g_assert_no_error (error);
        }
      if (verbatims && r < 3)
        {
          const char *texts[] = {
            "Le lagon était magnifique, accueil chaleureux",
            "Wifi \"lent\" AND cher * NEAR(x)",
            "Petit-déjeuner OR dîner: tout était parfait",
          };

          ecart_wave_writer_add_verbatim (writer, respondent, 0, 0, texts[r], &error);
          g_assert_no_error (error);
        }
    }
  ecart_wave_writer_commit (writer, &error);
  g_assert_no_error (error);
}

static gint64
query_int (EcartWorkspace *workspace,
           const char     *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = ecart_database_query_int (ecart_workspace_get_database (workspace), sql, -1,
                                           &error);

  g_assert_no_error (error);
  return value;
}

static void
test_count (void)
{
  g_autoptr(EcartMeasurementModel) model = ecart_measurement_model_new (big);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    query_int (big, "SELECT count(*) FROM measurement"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    (N_RESPONDENTS + N_RESPONDENTS / 2) * N_PER_RESPONDENT);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == ECART_TYPE_MEASUREMENT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model),
                                        g_list_model_get_n_items (G_LIST_MODEL (model))));
}

static void
check_item (EcartMeasurementModel *model,
            guint                  position,
            const char            *where)
{
  EcartDatabase *db = ecart_workspace_get_database (big);
  g_autoptr(EcartMeasurement) item = g_list_model_get_item (G_LIST_MODEL (model), position);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_assert_nonnull (item);
  sql = g_strdup_printf ("SELECT m.id, r.external_id, s.name, w.name, a.name, t.name, m.dimension, "
                         "m.score FROM measurement m JOIN respondent r ON r.id = m.respondent_id "
                         "JOIN segment s ON s.id = r.segment_id JOIN wave w ON w.id = r.wave_id "
                         "JOIN attribute a ON a.id = m.attribute_id "
                         "LEFT JOIN touchpoint t ON t.id = m.touchpoint_id %s "
                         "ORDER BY m.id LIMIT 1 OFFSET %u", where, position);
  stmt = ecart_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ecart_database_step (db, stmt, &error), ==, ECART_STEP_ROW);
  g_assert_cmpint (ecart_measurement_get_id (item), ==, sqlite3_column_int64 (stmt, 0));
  g_assert_cmpstr (ecart_measurement_get_respondent (item), ==,
                   (const char *)sqlite3_column_text (stmt, 1));
  g_assert_cmpstr (ecart_measurement_get_segment (item), ==,
                   (const char *)sqlite3_column_text (stmt, 2));
  g_assert_cmpstr (ecart_measurement_get_wave (item), ==,
                   (const char *)sqlite3_column_text (stmt, 3));
  g_assert_cmpstr (ecart_measurement_get_attribute (item), ==,
                   (const char *)sqlite3_column_text (stmt, 4));
  g_assert_cmpstr (ecart_measurement_get_touchpoint (item), ==,
                   (const char *)sqlite3_column_text (stmt, 5));
  g_assert_cmpint (ecart_measurement_get_dimension (item), ==, sqlite3_column_int (stmt, 6));
  g_assert_cmpfloat (ecart_measurement_get_score (item), ==, sqlite3_column_double (stmt, 7));
  g_assert_cmpfloat_with_epsilon (ecart_measurement_get_normalized (item),
                                  10.0 * (sqlite3_column_double (stmt, 7) - 1) / 4, 1e-12);
  sqlite3_reset (stmt);
}

static void
test_random_positions (void)
{
  g_autoptr(EcartMeasurementModel) model = ecart_measurement_model_new (big);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  const guint fixed[] = { 0, 1, 255, 256, 257, 511, 512, n / 2, n - 257, n - 256, n - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    check_item (model, fixed[i], "");
  for (guint i = 0; i < 200; i++)
    check_item (model, g_rand_int_range (rand, 0, n), "");
  /* Backwards, across blocks read in another order. */
  for (guint i = 0; i < 20; i++)
    check_item (model, n - 1 - i * 300, "");
}

static void
test_filter (void)
{
  g_autoptr(EcartMeasurementModel) model = ecart_measurement_model_new (big);
  GListModel *waves = ecart_workspace_get_waves (big);
  g_autoptr(EcartWave) second = g_list_model_get_item (waves, 1);
  g_autoptr(EcartSegment) segment = g_list_model_get_item (ecart_workspace_get_segments (big), 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *where = NULL;
  guint n;

  ecart_measurement_model_set_wave (model, second);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, N_RESPONDENTS / 2 * N_PER_RESPONDENT);
  where = g_strdup_printf ("WHERE r.wave_id = %" G_GINT64_FORMAT,
                           ecart_item_get_id (ECART_ITEM (second)));
  for (guint i = 0; i < 50; i++)
    check_item (model, g_rand_int_range (rand, 0, n), where);
  check_item (model, n - 1, where);

  ecart_measurement_model_set_segment (model, segment);
  g_free (where);
  where = g_strdup_printf ("WHERE r.wave_id = %" G_GINT64_FORMAT " AND r.segment_id = %"
                           G_GINT64_FORMAT, ecart_item_get_id (ECART_ITEM (second)),
                           ecart_item_get_id (ECART_ITEM (segment)));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, (N_RESPONDENTS / 2 - (N_RESPONDENTS / 2 + 2) / 3) * N_PER_RESPONDENT);
  for (guint i = 0; i < 50; i++)
    check_item (model, g_rand_int_range (rand, 0, n), where);

  ecart_measurement_model_set_wave (model, NULL);
  ecart_measurement_model_set_segment (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    query_int (big, "SELECT count(*) FROM measurement"));
}

static void
test_memory_bounded (void)
{
  g_autoptr(EcartMeasurementModel) model = ecart_measurement_model_new (big);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 previous = 0;

  g_assert_cmpuint (n, >=, 100000);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartMeasurement) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (item);
      g_assert_cmpint (ecart_measurement_get_id (item), >, previous);
      previous = ecart_measurement_get_id (item);
      g_assert_cmpuint (ecart_measurement_model_get_n_cached_blocks (model), <=,
                        ECART_MEASUREMENT_MODEL_MAX_BLOCKS);
    }
  g_assert_cmpuint (ecart_measurement_model_get_n_cached_blocks (model), ==,
                    ECART_MEASUREMENT_MODEL_MAX_BLOCKS);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

/* A wave deleted (an import undone) empties the model, which follows the workspace. */
static void
test_follows_workspace (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ("follows.ecart");
  g_autoptr(EcartMeasurementModel) model = ecart_measurement_model_new (workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWave) wave = NULL;
  guint calls = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  write_wave (workspace, "Small", 30, 0, FALSE);
  ecart_workspace_reload (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30 * N_PER_RESPONDENT);

  wave = g_list_model_get_item (ecart_workspace_get_waves (workspace), 0);
  ecart_measurement_model_set_wave (model, wave);
  ecart_workspace_delete_wave (workspace, wave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (ecart_measurement_model_get_wave (model));
}

static void
test_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  EcartVerbatimHit *hit;
  guint64 found = 0;

  hits = ecart_verbatim_search (big, "lagon", 50, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (found, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->body, ==, "Le lagon était magnifique, accueil chaleureux");
  g_assert_cmpstr (hit->wave, ==, "First");
  g_assert_nonnull (hit->segment);
  g_assert_cmpstr (hit->respondent, ==, "R00000");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Accents are ignored; the last word is also a prefix (search as you type). */
  hits = ecart_verbatim_search (big, "dejeu", 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
}

static void
test_search_syntax (void)
{
  const char *queries[] = {
    "\"", "\"lent", "lent\"", "AND", "OR", "NOT", "NEAR(x)", "*", "cher *", "\"lent\" AND",
    "body:lagon", "^lagon", "-", "(", ")", "a OR", "''", "{body}", "lagon AND wifi", "é\"\"é",
    "   ", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ecart_verbatim_search (big, queries[i], 10, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  {
    g_autofree char *fts = ecart_verbatim_search_to_fts ("wifi \"lent\" AND");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_cmpstr (fts, ==, "\"wifi\" \"\"\"lent\"\"\" \"AND\"*");
    /* AND is a word like any other: the verbatim holding it is found. */
    hits = ecart_verbatim_search (big, "wifi AND", 10, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = ecart_verbatim_search (big, "lagon OR dîner", 10, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("ecart-measurement-model-XXXXXX", &error);
  g_assert_no_error (error);
  big = new_workspace ("big.ecart");
  write_wave (big, "First", N_RESPONDENTS, 0, TRUE);
  write_wave (big, "Second", N_RESPONDENTS / 2, 1, FALSE);
  ecart_workspace_reload (big, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/measurement-model/count", test_count);
  g_test_add_func ("/core/measurement-model/random-positions", test_random_positions);
  g_test_add_func ("/core/measurement-model/filter", test_filter);
  g_test_add_func ("/core/measurement-model/memory-bounded", test_memory_bounded);
  g_test_add_func ("/core/measurement-model/follows-workspace", test_follows_workspace);
  g_test_add_func ("/core/verbatim-search/find", test_search);
  g_test_add_func ("/core/verbatim-search/syntax", test_search_syntax);
  status = g_test_run ();

  g_clear_object (&big);
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

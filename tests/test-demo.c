/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tests of the demo workshop (DESIGN.md §6): the same numbers in French and English and on
 * every run, and the story a trainer tells with them. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ecart-template.h"
#include "ecart-types.h"
#include "ecart-workspace.h"
#include "test-keep-going.h"

#define HOTEL_RESOURCE "/io/github/ecart/Ecart/templates/hotel.ini"

static char *tmp_dir;
static EcartWorkspace *demo_en;
static EcartWorkspace *demo_en_again;
static EcartWorkspace *demo_fr;
static gint64 demo_en_second;  /* when the first one was finished */
static GKeyFile *hotel;

/* Helpers ----------------------------------------------------------------------------------- */

static EcartWorkspace *
make_demo (const char *file,
           const char *language)
{
  g_autofree char *path = g_build_filename (tmp_dir, file, NULL);
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace = ecart_demo_create (path, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

static EcartWorkspace *
get_demo (const char *language)
{
  if (g_str_equal (language, "fr"))
    return demo_fr != NULL ? demo_fr : (demo_fr = make_demo ("demo-fr.ecart", "fr"));
  if (demo_en == NULL)
    {
      demo_en = make_demo ("demo-en.ecart", "en");
      demo_en_second = g_get_real_time () / G_USEC_PER_SEC;
    }
  return demo_en;
}

static sqlite3 *
handle (EcartWorkspace *workspace)
{
  return ecart_database_get_handle (ecart_workspace_get_database (workspace));
}

static sqlite3_stmt *
prepare (EcartWorkspace *workspace,
         const char     *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle (workspace), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (handle (workspace)));
  return stmt;
}

static double
sql_double (EcartWorkspace *workspace,
            const char     *sql)
{
  sqlite3_stmt *stmt = prepare (workspace, sql);
  double value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), !=, SQLITE_NULL);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
sql_int (EcartWorkspace *workspace,
         const char     *sql)
{
  return (gint64)sql_double (workspace, sql);
}

/* The rows of @sql as sorted lines of text: a comparison that does not depend on the order
 * rows come in (FTS5 shadow tables have no rowid). */
static GPtrArray *
sql_lines (EcartWorkspace *workspace,
           const char     *sql)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prepare (workspace, sql);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              g_string_append (line, "NULL|");
              break;
            case SQLITE_BLOB:
              {
                g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA1,
                                                                    sqlite3_column_blob (stmt, i),
                                                                    sqlite3_column_bytes (stmt, i));
                g_string_append_printf (line, "blob:%s|", hex);
              }
              break;
            default:
              g_string_append_printf (line, "'%s'|", sqlite3_column_text (stmt, i));
            }
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  sqlite3_finalize (stmt);
  return lines;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Fails, naming the first line that differs, when @sql gives other rows in @a and @b. */
static gboolean
same_rows (EcartWorkspace *a,
           EcartWorkspace *b,
           const char     *what,
           const char     *sql)
{
  g_autoptr(GPtrArray) lines_a = sql_lines (a, sql);
  g_autoptr(GPtrArray) lines_b = sql_lines (b, sql);

  g_ptr_array_sort (lines_a, compare_strings);
  g_ptr_array_sort (lines_b, compare_strings);
  for (guint i = 0; i < MAX (lines_a->len, lines_b->len); i++)
    {
      const char *line_a = i < lines_a->len ? lines_a->pdata[i] : "(none)";
      const char *line_b = i < lines_b->len ? lines_b->pdata[i] : "(none)";

      if (!g_str_equal (line_a, line_b))
        {
          g_test_fail_printf ("%s: %u rows against %u; first difference: %s against %s", what,
                              lines_a->len, lines_b->len, line_a, line_b);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
hotel_text (const char *group,
            const char *key,
            const char *language)
{
  char *text = g_key_file_get_locale_string (hotel, group, key, language, NULL);

  if (text == NULL)
    g_error ("hotel.ini has no %s in [%s]", key, group);
  return text;
}

static EcartItem *
find (EcartWorkspace *workspace,
      GListModel     *list,
      const char     *group)
{
  g_autofree char *name = hotel_text (group, "name",
                                      ecart_workspace_get_language (workspace));
  EcartItem *item = ecart_workspace_find_by_name (workspace, list, name);

  if (item == NULL)
    g_error ("the demo has no “%s”", name);
  return item;
}

#define SEGMENT(w, key) \
  ECART_SEGMENT (find (w, ecart_workspace_get_segments (w), "segment " key))
#define ATTRIBUTE(w, key) \
  ECART_ATTRIBUTE (find (w, ecart_workspace_get_attributes (w), "attribute " key))

/* Mean of the normalised scores of one cell over the waves listed (NULL: all). */
static double
mean (EcartWorkspace *workspace,
      EcartSegment   *segment,
      EcartAttribute *attribute,
      EcartDimension  dimension,
      const char     *wave_condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT sum (sum) / sum (n) FROM measurement_aggregate "
                                          "WHERE segment_id = %" G_GINT64_FORMAT
                                          " AND attribute_id = %" G_GINT64_FORMAT
                                          " AND dimension = %d%s%s",
                                          ecart_item_get_id (ECART_ITEM (segment)),
                                          ecart_item_get_id (ECART_ITEM (attribute)), dimension,
                                          wave_condition ? " AND " : "",
                                          wave_condition ? wave_condition : "");

  return sql_double (workspace, sql);
}

static char *
wave_condition (EcartWorkspace *workspace,
                guint           index)
{
  EcartWave *wave = g_list_model_get_item (ecart_workspace_get_waves (workspace), index);
  char *condition;

  g_assert_nonnull (wave);
  condition = g_strdup_printf ("wave_id = %" G_GINT64_FORMAT,
                               ecart_item_get_id (ECART_ITEM (wave)));
  g_object_unref (wave);
  return condition;
}

/* Tests ------------------------------------------------------------------------------------- */

/* Two generations in the same language: every table, row for row. The demo's dates come
 * from the template, so nothing may differ. */
static void
test_deterministic (void)
{
  EcartWorkspace *a = get_demo ("en");
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) tables_again = NULL;

  /* Made in a later second than the first: a timestamp taken from the clock would differ. */
  while (g_get_real_time () / G_USEC_PER_SEC <= demo_en_second)
    g_usleep (G_USEC_PER_SEC / 50);
  if (demo_en_again == NULL)
    demo_en_again = make_demo ("demo-en-again.ecart", "en");

  tables = sql_lines (a, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  tables_again = sql_lines (demo_en_again, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                            "ORDER BY name");
  g_assert_cmpuint (tables->len, ==, tables_again->len);
  g_assert_cmpuint (tables->len, >=, 22);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *name = g_strndup ((char *)tables->pdata[i] + 1,
                                         strlen (tables->pdata[i]) - 3);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);

      g_assert_cmpstr (tables->pdata[i], ==, tables_again->pdata[i]);
      g_test_message ("table %s", name);
      same_rows (a, demo_en_again, name, sql);
    }
}

static void
test_languages (void)
{
  EcartWorkspace *en = get_demo ("en");
  EcartWorkspace *fr = get_demo ("fr");
  const char *same[] = {
    "SELECT wave_id, segment_id, attribute_id, touchpoint_id, dimension, n, sum, sum_sq "
    "FROM measurement_aggregate",
    "SELECT wave_id, segment_id, attribute_id, touchpoint_id, n, sum_d, sum_d_sq "
    "FROM pair_aggregate",
    "SELECT wave_id, segment_id, score, n FROM recommendation_aggregate",
    "SELECT * FROM measurement",
    "SELECT * FROM respondent",
    "SELECT * FROM recommendation",
    "SELECT id, wave_id, respondent_id, segment_id, touchpoint_id, attribute_id FROM verbatim",
    "SELECT segment_id, attribute_id, desired_target, importance, proposed_level FROM experience",
    "SELECT id, kind, started_on, ended_on FROM wave",
    "SELECT id, status, due_date, segment_id, attribute_id, touchpoint_id FROM initiative",
  };
  GListModel *segments_en = ecart_workspace_get_segments (en);
  GListModel *segments_fr = ecart_workspace_get_segments (fr);

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    same_rows (en, fr, same[i], same[i]);

  g_assert_cmpstr (ecart_workspace_get_language (en), ==, "en");
  g_assert_cmpstr (ecart_workspace_get_language (fr), ==, "fr");
  g_assert_cmpstr (ecart_workspace_get_name (en), ==, "Lagoon Blue Hotels");
  g_assert_cmpstr (ecart_workspace_get_name (fr), ==, "Hôtels Lagon Bleu");
  g_assert_cmpuint (g_list_model_get_n_items (segments_en), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (segments_fr), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(EcartItem) segment_en = g_list_model_get_item (segments_en, i);
      g_autoptr(EcartItem) segment_fr = g_list_model_get_item (segments_fr, i);

      g_assert_cmpint (ecart_item_get_id (segment_en), ==, ecart_item_get_id (segment_fr));
      g_assert_cmpstr (ecart_item_get_name (segment_en), !=, ecart_item_get_name (segment_fr));
    }
  g_assert_cmpstr (ecart_item_get_name (ECART_ITEM (SEGMENT (fr, "families"))), ==, "Familles");
  g_assert_cmpint (sql_int (en, "SELECT count(*) FROM verbatim"), >, 0);
  g_assert_cmpint (sql_int (fr,
                            "SELECT count(*) FROM verbatim_fts WHERE verbatim_fts MATCH 'lagon'"),
                   >, 0);
  g_assert_cmpint (sql_int (en,
                            "SELECT count(*) FROM verbatim_fts WHERE verbatim_fts MATCH 'lagoon'"),
                   >, 0);
}

static void
test_story (void)
{
  EcartWorkspace *demo = get_demo ("en");
  EcartSegment *honeymoon = SEGMENT (demo, "honeymoon");
  EcartSegment *families = SEGMENT (demo, "families");
  EcartSegment *business = SEGMENT (demo, "business");
  EcartAttribute *attention = ATTRIBUTE (demo, "attention");
  EcartAttribute *spa = ATTRIBUTE (demo, "spa");
  EcartAttribute *checkin = ATTRIBUTE (demo, "checkin");
  EcartExperience *cell;
  g_autofree char *first = wave_condition (demo, 0);
  g_autofree char *third = wave_condition (demo, 2);
  double gap;

  /* A promise never built: personal attention for honeymooners. */
  cell = ecart_workspace_get_experience (demo, honeymoon, attention);
  gap = ecart_experience_get_implementation_gap (cell);
  g_test_message ("honeymoon × attention: proposed − desired = %g", gap);
  g_assert_false (isnan (gap));
  g_assert_cmpfloat (gap, <=, -4);

  /* An expectation the marketing oversold: families and the lagoon activities. */
  cell = ecart_workspace_get_experience (demo, families, spa);
  gap = mean (demo, families, spa, ECART_DIMENSION_EXPECTED, NULL)
        - ecart_experience_get_desired_target (cell);
  g_test_message ("families × spa: expected − desired = %g", gap);
  g_assert_cmpfloat (gap, >, 1.5);

  /* A check-in that finally got fixed, for business travellers. */
  gap = mean (demo, business, checkin, ECART_DIMENSION_LIVED, third)
        - mean (demo, business, checkin, ECART_DIMENSION_LIVED, first);
  g_test_message ("business × checkin: lived, third wave − first = %g", gap);
  g_assert_cmpfloat (gap, >, 2.5);
}

static void
test_sizes (void)
{
  EcartWorkspace *demo = get_demo ("en");
  g_autoptr(GError) error = NULL;
  EcartWorkspaceCounts counts;
  GListModel *waves = ecart_workspace_get_waves (demo);
  gint64 total = 0;
  gint64 paired;

  g_assert_true (ecart_workspace_get_counts (demo, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.waves, ==, 3);
  g_assert_cmpuint (counts.segments, ==, 3);
  g_assert_cmpuint (counts.stages, ==, 7);
  g_assert_cmpuint (counts.touchpoints, >=, 10);
  g_assert_cmpuint (counts.attributes, >=, 10);
  g_assert_cmpuint (counts.initiatives, >=, 10);
  g_assert_cmpint (counts.respondents, >=, 1000);
  g_assert_cmpint (counts.respondents, <=, 10000);
  g_assert_cmpint (counts.respondents, ==, sql_int (demo, "SELECT count(*) FROM respondent"));
  g_assert_cmpint (counts.measurements, ==, sql_int (demo, "SELECT count(*) FROM measurement"));
  g_assert_cmpint (counts.recommendations, ==, sql_int (demo,
                                                        "SELECT count(*) FROM recommendation"));
  g_assert_cmpint (counts.verbatims, ==, sql_int (demo, "SELECT count(*) FROM verbatim"));
  g_assert_cmpint (counts.verbatims, >, 0);

  /* Every wave's measurements are what its aggregates count. */
  for (guint i = 0; i < g_list_model_get_n_items (waves); i++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, i);
      gint64 id = ecart_item_get_id (ECART_ITEM (wave));
      g_autofree char *rows = g_strdup_printf ("SELECT count(*) FROM measurement m JOIN "
                                               "respondent r ON r.id = m.respondent_id "
                                               "WHERE r.wave_id = %" G_GINT64_FORMAT, id);
      g_autofree char *sum = g_strdup_printf ("SELECT sum (n) FROM measurement_aggregate "
                                              "WHERE wave_id = %" G_GINT64_FORMAT, id);
      g_autofree char *respondents = g_strdup_printf ("SELECT count(*) FROM respondent "
                                                      "WHERE wave_id = %" G_GINT64_FORMAT, id);
      gint64 n = sql_int (demo, rows);

      g_assert_cmpint (n, >, 0);
      g_assert_cmpint (n, ==, sql_int (demo, sum));
      g_assert_cmpint (ecart_wave_get_respondents (wave), ==, sql_int (demo, respondents));
      g_assert_cmpint (ecart_workspace_count_measurements (demo, ECART_ITEM (wave)), ==, n);
      total += n;
    }
  g_assert_cmpint (total, ==, counts.measurements);

  /* Each respondent answered expected and lived for each cell once: the pairs are exactly
   * the respondents, and Σd = Σlived − Σexpected. */
  paired = sql_int (demo, "SELECT count(*) FROM pair_aggregate p "
                          "JOIN measurement_aggregate e ON e.wave_id = p.wave_id "
                          " AND e.segment_id = p.segment_id AND e.attribute_id = p.attribute_id "
                          " AND e.touchpoint_id IS p.touchpoint_id AND e.dimension = 2 "
                          "JOIN measurement_aggregate l ON l.wave_id = p.wave_id "
                          " AND l.segment_id = p.segment_id AND l.attribute_id = p.attribute_id "
                          " AND l.touchpoint_id IS p.touchpoint_id AND l.dimension = 3 "
                          "WHERE p.n = e.n AND p.n = l.n "
                          " AND abs (p.sum_d - (l.sum - e.sum)) < 1e-6");
  g_assert_cmpint (paired, ==, sql_int (demo, "SELECT count(*) FROM measurement_aggregate "
                                              "WHERE dimension = 2"));
  g_assert_cmpint (sql_int (demo, "SELECT count(*) FROM pair_aggregate"), ==,
                   sql_int (demo, "SELECT count(*) FROM measurement_aggregate "
                                  "WHERE dimension = 3"));

  /* Every respondent gave a recommendation; histograms add up. */
  g_assert_cmpint (sql_int (demo, "SELECT sum (n) FROM recommendation_aggregate"), ==,
                   counts.respondents);
  g_assert_cmpint (counts.recommendations, ==, counts.respondents);

  /* Respondents answered while their wave ran. */
  g_assert_cmpint (sql_int (demo, "SELECT count(*) FROM respondent r JOIN wave w "
                                  "ON w.id = r.wave_id WHERE r.answered_at < w.started_on "
                                  "OR r.answered_at > w.ended_on"), ==, 0);
  g_assert_cmpint (sql_int (demo, "SELECT count(*) FROM measurement WHERE score < scale_min "
                                  "OR score > scale_max"), ==, 0);
}

static void
test_waves (void)
{
  EcartWorkspace *demo = get_demo ("fr");
  GListModel *waves = ecart_workspace_get_waves (demo);
  const char *groups[] = { "wave spring-2025", "wave autumn-2025", "wave spring-2026" };

  g_assert_cmpuint (g_list_model_get_n_items (waves), ==, G_N_ELEMENTS (groups));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, i);
      g_autofree char *name = hotel_text (groups[i], "name", "fr");
      g_autofree char *started = hotel_text (groups[i], "started", NULL);
      g_autofree char *ended = hotel_text (groups[i], "ended", NULL);

      g_assert_cmpstr (ecart_item_get_name (ECART_ITEM (wave)), ==, name);
      g_assert_cmpstr (ecart_wave_get_started_on (wave), ==, started);
      g_assert_cmpstr (ecart_wave_get_ended_on (wave), ==, ended);
      g_assert_cmpstr (ecart_wave_get_kind (wave), ==, "survey");
    }
}

static void
test_check (void)
{
  EcartWorkspace *demo = get_demo ("en");
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_assert_true (ecart_database_check (ecart_workspace_get_database (demo), TRUE, &error));
  g_assert_no_error (error);
  if (sqlite3_exec (handle (demo),
                    "INSERT INTO verbatim_fts (verbatim_fts, rank) VALUES ('integrity-check', 1)",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("the demo's full-text index does not match its verbatims: %s", message);

  /* A fresh demo offers nothing to undo: its making is not an edit. */
  g_assert_false (ecart_workspace_can_undo (demo));
  g_assert_false (ecart_workspace_can_redo (demo));
  g_assert_cmpint (sql_int (demo, "SELECT count(*) FROM undo_step"), ==, 0);
  g_assert_cmpint (sql_int (demo, "SELECT count(*) FROM import_log"), ==, 0);
}

static void
test_exists (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "taken.ecart", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  EcartWorkspace *workspace;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "notes", -1, NULL));
  workspace = ecart_demo_create (path, "en", &error);
  g_assert_null (workspace);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "taken.ecart"));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, "notes");
}

/* ------------------------------------------------------------------------------------------- */

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char **args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int status;

  /* Go on after a failing test, so that every test reports. */
  args = ecart_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("ecart-test-demo-XXXXXX", &error);
  g_assert_no_error (error);

  hotel = g_key_file_new ();
  bytes = g_resources_lookup_data (HOTEL_RESOURCE, 0, &error);
  g_assert_no_error (error);
  g_key_file_load_from_bytes (hotel, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/demo/deterministic", test_deterministic);
  g_test_add_func ("/core/demo/languages", test_languages);
  g_test_add_func ("/core/demo/story", test_story);
  g_test_add_func ("/core/demo/sizes", test_sizes);
  g_test_add_func ("/core/demo/waves", test_waves);
  g_test_add_func ("/core/demo/check", test_check);
  g_test_add_func ("/core/demo/exists", test_exists);

  status = g_test_run ();

  if (demo_en != NULL)
    g_assert_finalize_object (demo_en);
  if (demo_en_again != NULL)
    g_assert_finalize_object (demo_en_again);
  if (demo_fr != NULL)
    g_assert_finalize_object (demo_fr);
  g_key_file_unref (hotel);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

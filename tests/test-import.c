/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tests of the importer (DESIGN.md §3; RELIABILITY.md R1, R11, R12, R13): rejected rows
 * with their line and column, the policy (strict, unknown names, a file imported before),
 * all or nothing on cancel, the same database whatever the encoding and the locale, the
 * undo of an import, the async variant the window uses. Workspaces are the "hotel"
 * template in English; fixtures are in tests/data/import (see make-fixtures.py there). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ecart-importer.h"
#include "ecart-template.h"

static char *tmp_dir;
static guint serial;

static EcartWorkspace *
new_workspace (void)
{
  g_autofree char *name = g_strdup_printf ("ws-%u.ecart", ++serial);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace = ecart_workspace_create (path, ECART_TEMPLATE_HOTEL, "en", &error);

  g_assert_no_error (error);
  return workspace;
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("ECART_TEST_DATA"), "import", name, NULL);
}

static EcartImportMapping *
load_mapping (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  EcartImportMapping *mapping = ecart_import_mapping_new_from_file (path, &error);

  g_assert_no_error (error);
  return mapping;
}

static EcartImportMapping *
mapping_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  EcartImportMapping *mapping = ecart_import_mapping_new_from_data (text, &error);

  g_assert_no_error (error);
  return mapping;
}

static EcartImporter *
importer_for_file (EcartWorkspace *workspace,
                   const char     *csv,
                   const char     *ini)
{
  g_autofree char *path = data_path (csv);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EcartImportMapping) mapping = load_mapping (ini);

  return ecart_importer_new (workspace, file, mapping);
}

static EcartImporter *
importer_for_text (EcartWorkspace     *workspace,
                   const char         *csv,
                   EcartImportMapping *mapping)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));

  return ecart_importer_new_for_bytes (workspace, bytes, "test.csv", mapping);
}

static gint64
query_int (EcartWorkspace *workspace,
           const char     *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = ecart_database_query_int (ecart_workspace_get_database (workspace), sql, -1, &error);

  g_assert_no_error (error);
  return value;
}

/* Every row of what an import wrote, as text, in an order that does not depend on ids. */
static char *
dump (EcartWorkspace *workspace)
{
  const char *queries[] = {
    "SELECT r.external_id, s.name, ifnull (r.answered_at, '-'), a.name, ifnull (t.name, '-'), "
    "m.dimension, m.score, m.scale_min, m.scale_max FROM measurement m "
    "JOIN respondent r ON r.id = m.respondent_id JOIN segment s ON s.id = r.segment_id "
    "JOIN attribute a ON a.id = m.attribute_id LEFT JOIN touchpoint t ON t.id = m.touchpoint_id "
    "ORDER BY 1, 2, 3, 4, 5, 6",
    "SELECT r.external_id, c.score FROM recommendation c JOIN respondent r ON r.id = c.respondent_id "
    "ORDER BY 1",
    "SELECT ifnull (r.external_id, '-'), v.body FROM verbatim v LEFT JOIN respondent r "
    "ON r.id = v.respondent_id ORDER BY 1, 2",
    "SELECT s.name, a.name, ifnull (t.name, '-'), g.dimension, g.n, round (g.sum, 9), "
    "round (g.sum_sq, 9) FROM measurement_aggregate g JOIN segment s ON s.id = g.segment_id "
    "JOIN attribute a ON a.id = g.attribute_id LEFT JOIN touchpoint t ON t.id = g.touchpoint_id "
    "ORDER BY 1, 2, 3, 4",
    "SELECT s.name, a.name, ifnull (t.name, '-'), g.n, round (g.sum_d, 9) FROM pair_aggregate g "
    "JOIN segment s ON s.id = g.segment_id JOIN attribute a ON a.id = g.attribute_id "
    "LEFT JOIN touchpoint t ON t.id = g.touchpoint_id ORDER BY 1, 2, 3",
    "SELECT s.name, g.score, g.n FROM recommendation_aggregate g JOIN segment s "
    "ON s.id = g.segment_id ORDER BY 1, 2",
    "SELECT name, started_on, ended_on FROM wave ORDER BY name",
  };
  sqlite3 *db = ecart_database_get_handle (ecart_workspace_get_database (workspace));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s%s", c > 0 ? "|" : "",
                                    (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static EcartImportResult *
run_ok (EcartImporter *importer)
{
  g_autoptr(GError) error = NULL;
  EcartImportResult *result = ecart_importer_run (importer, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (ecart_import_result_get_written (result));
  return result;
}

/* The fixtures ------------------------------------------------------------------------------ */

static void
test_fixtures (void)
{
  struct {
    const char *name;
    guint64 respondents, measurements, recommendations, verbatims;
    EcartCsvEncoding encoding;
    char delimiter, decimal;
  } cases[] = {
    { "qualtrics", 36, 235, 33, 26, ECART_CSV_ENCODING_UTF8, ',', '.' },
    { "limesurvey", 30, 130, 26, 18, ECART_CSV_ENCODING_UTF8, ',', '.' },
    { "google-forms", 25, 69, 25, 18, ECART_CSV_ENCODING_UTF8, ',', '.' },
    { "excel-fr", 24, 84, 24, 15, ECART_CSV_ENCODING_WINDOWS_1252, ';', ',' },
    { "long", 20, 146, 0, 0, ECART_CSV_ENCODING_UTF8, ',', '.' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EcartWorkspace) workspace = new_workspace ();
      g_autofree char *csv = g_strconcat (cases[i].name, ".csv", NULL);
      g_autofree char *ini = g_strconcat (cases[i].name, ".ini", NULL);
      g_autoptr(EcartImporter) importer = importer_for_file (workspace, csv, ini);
      g_autoptr(EcartImportResult) result = run_ok (importer);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpuint (ecart_import_result_get_rows_rejected (result), ==, 0);
      g_assert_cmpuint (ecart_import_result_get_respondents (result), ==, cases[i].respondents);
      g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, cases[i].measurements);
      g_assert_cmpuint (ecart_import_result_get_recommendations (result), ==, cases[i].recommendations);
      g_assert_cmpuint (ecart_import_result_get_verbatims (result), ==, cases[i].verbatims);
      g_assert_cmpint (ecart_import_result_get_encoding (result), ==, cases[i].encoding);
      g_assert_cmpint (ecart_import_result_get_delimiter (result), ==, cases[i].delimiter);
      g_assert_cmpint (ecart_import_result_get_decimal (result), ==, cases[i].decimal);

      /* What the result says is what the file holds. */
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent"), ==, cases[i].respondents);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM measurement"), ==, cases[i].measurements);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM recommendation"), ==,
                       cases[i].recommendations);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim"), ==, cases[i].verbatims);
      /* Aggregates agree with the rows. */
      g_assert_cmpint (query_int (workspace, "SELECT sum (n) FROM measurement_aggregate"), ==,
                       cases[i].measurements);
      g_assert_cmpint (query_int (workspace,
                                  "SELECT count(*) FROM (SELECT r.segment_id, m.attribute_id, "
                                  "m.touchpoint_id, m.dimension, count(*) AS n, sum (10.0 * (m.score "
                                  "- m.scale_min) / (m.scale_max - m.scale_min)) AS s FROM measurement m "
                                  "JOIN respondent r ON r.id = m.respondent_id GROUP BY 1, 2, 3, 4) x "
                                  "JOIN measurement_aggregate g ON g.segment_id = x.segment_id AND "
                                  "g.attribute_id = x.attribute_id AND g.dimension = x.dimension AND "
                                  "g.touchpoint_id IS x.touchpoint_id AND g.n = x.n AND "
                                  "abs (g.sum - x.s) < 1e-9"), ==,
                       query_int (workspace, "SELECT count(*) FROM measurement_aggregate"));
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM import_log WHERE wave_id IS NOT NULL "
                                             "AND length (sha256) = 64 AND mapping LIKE '[mapping]%'"),
                       ==, 1);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim_fts"), ==, cases[i].verbatims);
    }
}

/* Values checked one by one in two fixtures. */
static void
test_fixture_values (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImporter) importer = importer_for_file (workspace, "excel-fr.csv", "excel-fr.ini");
  g_autoptr(EcartImportResult) result = run_ok (importer);
  g_autoptr(EcartImporter) second = NULL;
  g_autoptr(EcartImportResult) second_result = NULL;
  sqlite3 *db = ecart_database_get_handle (ecart_workspace_get_database (workspace));
  sqlite3_stmt *stmt = NULL;

  /* Second data row of excel-fr.csv: 02/06/2025;C1003;Famille;7,5;… (decimal comma). */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT r.answered_at, s.name, m.score, m.scale_max FROM respondent r "
                                       "JOIN segment s ON s.id = r.segment_id JOIN measurement m ON "
                                       "m.respondent_id = r.id JOIN attribute a ON a.id = m.attribute_id "
                                       "WHERE r.external_id = 'C1003' AND a.name = 'Warm welcome'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "2025-06-02");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Families");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 2), ==, 7.5);
  g_assert_cmpfloat (sqlite3_column_double (stmt, 3), ==, 10);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  /* C1000 left it empty: no answer, not a 0. */
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM measurement m JOIN respondent r ON "
                                         "r.id = m.respondent_id JOIN attribute a ON a.id = "
                                         "m.attribute_id WHERE r.external_id = 'C1000' AND "
                                         "a.name = 'Warm welcome'"), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM measurement WHERE score != "
                                         "round (score) AND score * 2 = round (score * 2)"), >, 0);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim WHERE body = "
                                         "'Déçu par l''éco-responsabilité : trop de plastique'"), >, 0);

  /* The Qualtrics comments keep their commas, quotes and line breaks. */
  second = importer_for_file (workspace, "qualtrics.csv", "qualtrics.ini");
  second_result = run_ok (second);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim WHERE body = "
                                         "'Room was fine.' || char(10) || 'Spa was \"fully booked\" "
                                         "every day.' || char(10) || char(10) || 'Would not come back "
                                         "in high season.'"), >, 0);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent WHERE external_id LIKE 'R\\_%' "
                                         "ESCAPE '\\' AND answered_at LIKE '2025-03-__T__:__:__'"), ==, 36);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave WHERE name = 'Spring 2025 survey' "
                                         "AND source_file = 'qualtrics.csv' AND started_on = '2025-03-03' "
                                         "AND ended_on = '2025-03-22'"), ==, 1);
}

/* R12: the same data in every encoding, the same database. */
static void
test_encodings_identical (void)
{
  const char *files[] = { "encoding-utf8.csv", "encoding-utf8-bom.csv", "encoding-utf16le.csv",
                          "encoding-utf16be.csv", "encoding-windows-1252.csv" };
  g_autofree char *reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(EcartWorkspace) workspace = new_workspace ();
      g_autoptr(EcartImporter) importer = importer_for_file (workspace, files[i], "encoding.ini");
      g_autoptr(EcartImportResult) result = NULL;
      g_autofree char *contents = NULL;
      char *emoji;

      ecart_importer_set_wave_name (importer, "Same wave");
      result = run_ok (importer);
      g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, 7);
      contents = dump (workspace);
      /* Windows-1252 has no emoji: the one difference, by construction. */
      if ((emoji = strstr (contents, " 👍")) != NULL)
        memmove (emoji, emoji + strlen (" 👍"), strlen (emoji + strlen (" 👍")) + 1);
      g_assert_true (strstr (contents, "Œuvre d’art ; déjà vu\n— deuxième ligne") != NULL);
      if (reference == NULL)
        reference = g_steal_pointer (&contents);
      else
        g_assert_cmpstr (contents, ==, reference);
    }
}

/* R13: the same import under C and fr_FR.UTF-8. */
static void
test_locales (void)
{
  const char *locales[] = { "C", "fr_FR.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr(EcartWorkspace) workspace = NULL;
      g_autoptr(GString) all = g_string_new (NULL);
      const char *fixtures[] = { "excel-fr", "google-forms", "long" };

      if (setlocale (LC_ALL, locales[i]) == NULL)
        {
          g_test_fail_printf ("The %s locale is missing: run “make deps” to generate it", locales[i]);
          setlocale (LC_ALL, saved);
          return;
        }
      workspace = new_workspace ();
      for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
        {
          g_autofree char *csv = g_strconcat (fixtures[f], ".csv", NULL);
          g_autofree char *ini = g_strconcat (fixtures[f], ".ini", NULL);
          g_autoptr(EcartImporter) importer = importer_for_file (workspace, csv, ini);
          g_autoptr(EcartImportResult) result = NULL;

          ecart_importer_set_wave_name (importer, fixtures[f]);
          result = run_ok (importer);
        }
      {
        g_autofree char *contents = dump (workspace);

        g_string_append (all, contents);
      }
      if (reference == NULL)
        reference = g_strdup (all->str);
      else
        g_assert_cmpstr (all->str, ==, reference);
    }
  setlocale (LC_ALL, saved);
}

/* Rejected rows ------------------------------------------------------------------------------ */

static void
test_bad_rows (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImporter) importer = importer_for_file (workspace, "bad-rows.csv", "bad-rows.ini");
  g_autoptr(EcartImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  struct { guint64 line; guint column; const char *value; const char *reason; } expected[] = {
    { 3, 4, "7", "outside the scale 1..5" },
    { 4, 4, "abc", "not a number" },
    { 5, 6, "11", "not a likelihood to recommend" },
    { 6, 6, "7.5", "not a likelihood to recommend" },
    { 7, 2, "Astronauts", "unknown segment value" },
    { 8, 3, "31/02/2025", "not a date" },
    { 9, 0, NULL, "the row has 5 fields, the header has 6" },
  };

  /* A dry run first: it writes nothing. */
  result = ecart_importer_check (importer, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ecart_import_result_get_written (result));
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave"), ==, 0);

  g_assert_cmpuint (ecart_import_result_get_rows (result), ==, 9);
  g_assert_cmpuint (ecart_import_result_get_rows_rejected (result), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (ecart_import_result_get_n_problems (result), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const EcartImportProblem *problem = ecart_import_result_get_problem (result, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpuint (problem->column, ==, expected[i].column);
      g_assert_cmpstr (problem->value, ==, expected[i].value);
      g_assert_true (g_str_has_prefix (problem->reason, expected[i].reason));
    }
  {
    g_autofree char *text = ecart_import_problem_to_string (ecart_import_result_get_problem (result, 1));

    g_assert_cmpstr (text, ==, "line 4, column 4 “welcome”: “abc”: not a number");
  }

  /* Strict: nothing. */
  g_clear_object (&result);
  ecart_importer_set_strict (importer, TRUE);
  result = ecart_importer_run (importer, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (ecart_importer_get_result (importer));
  g_assert_cmpuint (ecart_import_result_get_rows_rejected (ecart_importer_get_result (importer)), ==, 7);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave"), ==, 0);
  g_clear_error (&error);

  /* Not strict: the valid rows. */
  ecart_importer_set_strict (importer, FALSE);
  result = run_ok (importer);
  g_assert_cmpuint (ecart_import_result_get_respondents (result), ==, 2);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent"), ==, 2);
  g_assert_cmpint (query_int (workspace, "SELECT rejected FROM import_log"), ==, 7);
}

static void
test_unterminated_quote (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImporter) importer = importer_for_file (workspace, "unterminated-quote.csv",
                                                         "bad-rows.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportResult) result = ecart_importer_run (importer, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, ECART_CSV_ERROR, ECART_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "unterminated-quote.csv"));
  g_assert_nonnull (strstr (error->message, "line 11, column 24"));
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave"), ==, 0);
}

static void
test_cap_problems (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nsegment=@Families\nscale=1..5\n[columns]\nq=lived:Warm welcome\n");
  g_autoptr(GString) csv = g_string_new ("q\n");
  g_autoptr(EcartImporter) importer = NULL;
  g_autoptr(EcartImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2500; i++)
    g_string_append (csv, i % 2 ? "9\n" : "3\n");
  importer = importer_for_text (workspace, csv->str, mapping);
  result = ecart_importer_check (importer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ecart_import_result_get_n_problems (result), ==, 1250);
  g_assert_cmpuint (ecart_import_result_get_n_kept_problems (result), ==, 1000);
  g_assert_cmpuint (ecart_import_result_get_problem (result, 999)->line, ==, 2001);
  g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, 1250);
}

/* Columns and names ------------------------------------------------------------------------- */

static void
test_missing_column (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nsegment=@Families\nscale=1..5\nnps=Recommend\n"
                       "[columns]\nQ1=lived:Warm welcome\n");
  g_autoptr(EcartImporter) importer = importer_for_text (workspace, "Q1,Q2\n3,4\n", mapping);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportResult) result = ecart_importer_run (importer, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_COLUMN);
  g_assert_nonnull (strstr (error->message, "“Recommend”"));
  g_assert_nonnull (strstr (error->message, "“Q1”, “Q2”"));
  g_clear_error (&error);
  g_clear_object (&importer);

  /* By number, past the end. */
  g_clear_object (&mapping);
  mapping = mapping_from_text ("[mapping]\nsegment=@Families\nscale=1..5\n[columns]\n#3=lived:Warm welcome\n");
  importer = importer_for_text (workspace, "Q1,Q2\n3,4\n", mapping);
  g_assert_null (ecart_importer_run (importer, NULL, &error));
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_COLUMN);
  g_assert_nonnull (strstr (error->message, "#3"));
}

static void
test_headerless (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nheader-rows=0\nsegment=#1\nscale=1..5\nrespondent=#2\n"
                       "[columns]\n#3=lived:Warm welcome\n#4=expected:Warm welcome\n");
  g_autoptr(EcartImporter) importer =
    importer_for_text (workspace, "Families,a,3,4\nfamilies,b,5,\n", mapping);
  g_autoptr(EcartImportResult) result = run_ok (importer);

  g_assert_cmpuint (ecart_import_result_get_respondents (result), ==, 2);
  g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, 3);
  g_assert_cmpstr (ecart_import_result_get_header (result)[2], ==, "#3");
  /* Paired: respondent a gave both. */
  g_assert_cmpint (query_int (workspace, "SELECT n FROM pair_aggregate"), ==, 1);
}

static void
test_unknown_names (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nlayout=long\nsegment=seg\nattribute=attr\ntouchpoint=tp\n"
                       "dimension=dim\nscore=score\nrespondent=id\nscale=1..5\n");
  const char *csv =
    "id,seg,attr,tp,dim,score\n"
    "1,Families,Warm welcome,Reception,lived,4\n"
    "1,Families,Sunset view,Rooftop bar,lived,5\n"
    "2,Backpackers,WARM WELCOME,reception,expected,3\n"
    "3,Backpackers,sunset view,,vécue,2\n";
  g_autoptr(EcartImporter) importer = importer_for_text (workspace, csv, mapping);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportResult) result = ecart_importer_run (importer, NULL, &error);
  const char *segments[] = { "Backpackers", NULL };
  const char *attributes[] = { "Sunset view", NULL };
  const char *touchpoints[] = { "Rooftop bar", NULL };
  EcartImportResult *found;

  /* Every unknown name, listed; nothing written. */
  g_assert_null (result);
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_UNKNOWN_NAMES);
  g_assert_nonnull (strstr (error->message, "“Backpackers”"));
  g_assert_nonnull (strstr (error->message, "“Sunset view”"));
  g_assert_nonnull (strstr (error->message, "“Rooftop bar”"));
  found = ecart_importer_get_result (importer);
  g_assert_cmpstrv (ecart_import_result_get_unknown_names (found, ECART_IMPORT_NAME_SEGMENT), segments);
  g_assert_cmpstrv (ecart_import_result_get_unknown_names (found, ECART_IMPORT_NAME_ATTRIBUTE), attributes);
  g_assert_cmpstrv (ecart_import_result_get_unknown_names (found, ECART_IMPORT_NAME_TOUCHPOINT), touchpoints);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM segment"), ==, 3);
  g_clear_error (&error);

  /* Mapped to existing ones by the dialog, and the rest created. */
  {
    EcartItem *families = ecart_workspace_find_by_name (workspace, ecart_workspace_get_segments (workspace),
                                                        "Families");

    ecart_importer_map_name (importer, ECART_IMPORT_NAME_SEGMENT, "backpackers",
                             ecart_item_get_id (families));
  }
  ecart_importer_set_create_missing (importer, TRUE);
  result = run_ok (importer);
  g_assert_cmpuint (ecart_import_result_get_n_created (result, ECART_IMPORT_NAME_SEGMENT), ==, 0);
  g_assert_cmpuint (ecart_import_result_get_n_created (result, ECART_IMPORT_NAME_ATTRIBUTE), ==, 1);
  g_assert_cmpuint (ecart_import_result_get_n_created (result, ECART_IMPORT_NAME_TOUCHPOINT), ==, 1);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM segment"), ==, 3);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent r JOIN segment s ON "
                                         "s.id = r.segment_id WHERE s.name = 'Families'"), ==, 3);
  /* New attributes go to the first pillar, new touchpoints to the first stage. */
  g_assert_cmpint (query_int (workspace, "SELECT p.position FROM attribute a JOIN pillar p ON "
                                         "p.id = a.pillar_id WHERE a.name = 'Sunset view'"), ==, 1);
  g_assert_cmpint (query_int (workspace, "SELECT s.position FROM touchpoint t JOIN stage s ON "
                                         "s.id = t.stage_id WHERE t.name = 'Rooftop bar'"), ==,
                   query_int (workspace, "SELECT min (position) FROM stage"));
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM measurement m JOIN attribute a ON "
                                         "a.id = m.attribute_id WHERE a.name = 'Sunset view'"), ==, 2);
  /* The workspace's lists know them. */
  g_assert_nonnull (ecart_workspace_find_by_name (workspace, ecart_workspace_get_attributes (workspace),
                                                  "Sunset view"));
  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_waves (workspace)), ==, 1);
}

static void
test_long_respondents (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nlayout=long\nsegment=seg\nattribute=attr\ndimension=@lived\n"
                       "score=score\nrespondent=id\nnps=nps\nscale=0..10\n");
  const char *csv =
    "id,seg,attr,score,nps\n"
    "a,Families,Warm welcome,8,9\n"
    "b,Families,Warm welcome,6,\n"
    "a,Families,Room comfort,7,3\n"        /* a again, later: the same respondent; first NPS kept */
    "b,Business travellers,Room comfort,5,\n"  /* b in another segment: rejected */
    "c,Families,Room comfort,,10\n";       /* no score, an NPS: c answered */
  g_autoptr(EcartImporter) importer = importer_for_text (workspace, csv, mapping);
  g_autoptr(EcartImportResult) result = run_ok (importer);

  g_assert_cmpuint (ecart_import_result_get_rows_rejected (result), ==, 1);
  g_assert_cmpuint (ecart_import_result_get_problem (result, 0)->line, ==, 5);
  g_assert_cmpuint (ecart_import_result_get_respondents (result), ==, 3);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent"), ==, 3);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM measurement"), ==, 3);
  g_assert_cmpint (query_int (workspace, "SELECT group_concat (score, '') FROM (SELECT c.score FROM "
                                         "recommendation c JOIN respondent r ON r.id = c.respondent_id "
                                         "ORDER BY r.external_id)"), ==, 910);
  g_assert_cmpuint (ecart_import_result_get_recommendations (result), ==, 2);
}

/* The same answers, respondents in key order (no table of the respondents is kept) or not
 * (the first pass starts again with one, after a problem was already found): the same
 * workspace, the same problems, the same counts. */
static void
test_long_respondents_order (void)
{
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nlayout=long\nsegment=seg\nattribute=attr\ndimension=dim\n"
                       "score=score\nrespondent=id\nnps=nps\nscale=0..10\nverbatim=note\n");
  const char *sorted =
    "id,seg,attr,dim,score,nps,note\n"
    "a,Families,Warm welcome,expected,8,9,\n"
    "a,Families,Warm welcome,lived,6,3,Nice\n"
    "a,Families,Room comfort,lived,7,,\n"
    "b,Families,Warm welcome,lived,99,,\n"            /* out of the scale: rejected */
    "b,Families,Warm welcome,expected,5,,\n"
    "b,Business travellers,Room comfort,lived,5,,\n"  /* b in another segment: rejected */
    "b,Families,Warm welcome,lived,4,7,\n"
    "c,Families,Room comfort,expected,,10,\n"
    "cc,Business travellers,Room comfort,expected,3,,\n";
  const char *unsorted =
    "id,seg,attr,dim,score,nps,note\n"
    "b,Families,Warm welcome,lived,99,,\n"
    "cc,Business travellers,Room comfort,expected,3,,\n"
    "a,Families,Warm welcome,expected,8,9,\n"         /* before cc: the pass starts again */
    "b,Families,Warm welcome,expected,5,,\n"
    "a,Families,Warm welcome,lived,6,3,Nice\n"
    "b,Business travellers,Room comfort,lived,5,,\n"
    "c,Families,Room comfort,expected,,10,\n"
    "a,Families,Room comfort,lived,7,,\n"
    "b,Families,Warm welcome,lived,4,7,\n";
  char *dumps[2] = { NULL, NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EcartWorkspace) workspace = new_workspace ();
      g_autoptr(EcartImporter) importer = importer_for_text (workspace, i == 0 ? sorted : unsorted,
                                                             mapping);
      g_autoptr(EcartImportResult) result = run_ok (importer);

      g_assert_cmpuint (ecart_import_result_get_rows (result), ==, 9);
      g_assert_cmpuint (ecart_import_result_get_rows_rejected (result), ==, 2);
      g_assert_cmpuint (ecart_import_result_get_n_problems (result), ==, 2);
      g_assert_cmpuint (ecart_import_result_get_respondents (result), ==, 4);
      g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, 6);
      g_assert_cmpuint (ecart_import_result_get_recommendations (result), ==, 3);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent"), ==, 4);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM pair_aggregate"), ==, 1);
      dumps[i] = dump (workspace);
    }
  g_assert_cmpstr (dumps[0], ==, dumps[1]);
  /* a's first NPS (9), b's first in a valid row (7), c's 10. */
  g_assert_nonnull (strstr (dumps[0], "a|9\nb|7\nc|10\n"));
  g_free (dumps[0]);
  g_free (dumps[1]);
}

/* Respondents that come back after thousands of others: written in batches, read back
 * from the wave when the writer no longer remembers them. */
static void
test_long_respondents_return (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nlayout=long\nsegment=seg\nattribute=attr\ndimension=dim\n"
                       "score=score\nrespondent=id\nscale=0..10\n");
  const char *segments[] = { "Families", "Honeymoon couples", "Business travellers" };
  g_autoptr(GString) csv = g_string_new ("id,seg,attr,dim,score\n");
  g_autoptr(EcartImporter) importer = NULL;
  g_autoptr(EcartImportResult) result = NULL;

  for (guint pass = 0; pass < 2; pass++)
    for (guint r = 0; r < 3000; r++)
      g_string_append_printf (csv, "p%05u,%s,Warm welcome,%s,%u\n", r, segments[r % 3],
                              pass == 0 ? "expected" : "lived", (r + pass * 3) % 11);
  importer = importer_for_text (workspace, csv->str, mapping);
  result = run_ok (importer);

  g_assert_cmpuint (ecart_import_result_get_respondents (result), ==, 3000);
  g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, 6000);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent"), ==, 3000);
  g_assert_cmpint (query_int (workspace, "SELECT count(DISTINCT respondent_id) FROM measurement"),
                   ==, 3000);
  /* Each respondent's two rows are theirs, in their segment. */
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM (SELECT r.external_id FROM "
                                         "measurement m JOIN respondent r ON r.id = m.respondent_id "
                                         "GROUP BY r.id HAVING count(*) = 2 AND min (m.dimension) = 2 "
                                         "AND max (m.dimension) = 3)"), ==, 3000);
  g_assert_cmpint (query_int (workspace, "SELECT sum (n) FROM pair_aggregate"), ==, 3000);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM respondent r JOIN segment s ON "
                                         "s.id = r.segment_id WHERE s.name = 'Families'"), ==, 1000);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

/* Policy ---------------------------------------------------------------------------------- */

static void
test_already_imported (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImporter) first = importer_for_file (workspace, "long.csv", "long.ini");
  g_autoptr(EcartImporter) second = importer_for_file (workspace, "long.csv", "long.ini");
  g_autoptr(EcartImportResult) result = run_ok (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportResult) again = NULL;

  ecart_importer_set_wave_name (second, "Again");
  again = ecart_importer_run (second, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_ALREADY_IMPORTED);
  g_assert_nonnull (ecart_import_result_get_previous_import (ecart_importer_get_result (second)));
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave"), ==, 1);
  g_clear_error (&error);

  ecart_importer_set_force (second, TRUE);
  again = run_ok (second);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave"), ==, 2);
  g_assert_cmpint (query_int (workspace, "SELECT count(DISTINCT sha256) FROM import_log"), ==, 1);

  /* A wave name taken: refused before reading. */
  g_clear_object (&second);
  second = importer_for_file (workspace, "qualtrics.csv", "qualtrics.ini");
  ecart_importer_set_wave_name (second, "again");
  g_assert_null (ecart_importer_run (second, NULL, &error));
  g_assert_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_EXISTS);
}

static void
test_nothing (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nsegment=@Families\nscale=1..5\n[columns]\nq=lived:Warm welcome\n");
  g_autoptr(EcartImporter) importer = importer_for_text (workspace, "q\n\n9\n\n", mapping);
  g_autoptr(EcartImporter) empty = importer_for_text (workspace, "q\n,\n", mapping);
  g_autoptr(EcartImporter) no_header = importer_for_text (workspace, "", mapping);
  g_autoptr(GError) error = NULL;

  g_assert_null (ecart_importer_run (importer, NULL, &error));
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_null (ecart_importer_run (empty, NULL, &error));
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_null (ecart_importer_run (no_header, NULL, &error));
  g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_EMPTY);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM wave"), ==, 0);
}

/* All or nothing ----------------------------------------------------------------------------- */

typedef struct
{
  GCancellable     *cancellable;
  EcartImportPhase  phase;
  double            at;
  guint             calls;
} CancelAt;

static void
cancel_at_cb (EcartImportPhase phase,
              double           fraction,
              gpointer         user_data)
{
  CancelAt *cancel = user_data;

  cancel->calls++;
  if (phase == cancel->phase && fraction >= cancel->at)
    g_cancellable_cancel (cancel->cancellable);
}

static char *
big_long_csv (guint respondents)
{
  g_autoptr(GString) csv = g_string_new ("id,seg,attr,dim,score,comment\n");
  const char *segments[] = { "Families", "Honeymoon couples", "Business travellers" };
  const char *attributes[] = { "Warm welcome", "Room comfort", "Reliable wifi", "Value for money" };

  for (guint r = 0; r < respondents; r++)
    for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
      g_string_append_printf (csv, "r%u,%s,%s,%s,%u,%s\n", r, segments[r % 3], attributes[a],
                              a % 2 ? "lived" : "expected", (r * 7 + a) % 11,
                              a == 0 && r % 10 == 0 ? "\"Très bien, merci\"" : "");
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static void
test_cancel (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping =
    mapping_from_text ("[mapping]\nlayout=long\nsegment=seg\nattribute=attr\ndimension=dim\n"
                       "score=score\nrespondent=id\nverbatim=comment\nscale=0..10\n");
  g_autofree char *csv = big_long_csv (20000);
  g_autofree char *before = dump (workspace);
  EcartImportPhase phases[] = { ECART_IMPORT_PHASE_CHECKING, ECART_IMPORT_PHASE_WRITING,
                                ECART_IMPORT_PHASE_WRITING };
  double at[] = { 0.5, 0.3, 0.95 };

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(EcartImporter) importer = importer_for_text (workspace, csv, mapping);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      CancelAt cancel = { cancellable, phases[i], at[i], 0 };

      ecart_importer_set_progress_func (importer, cancel_at_cb, &cancel, NULL);
      g_assert_null (ecart_importer_run (importer, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (cancel.calls, >, 2);
      after = dump (workspace);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim_fts"), ==, 0);
      g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM import_log"), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_waves (workspace)), ==, 0);
    }

  /* And it still imports afterwards. */
  {
    g_autoptr(EcartImporter) importer = importer_for_text (workspace, csv, mapping);
    g_autoptr(EcartImportResult) result = run_ok (importer);

    g_assert_cmpuint (ecart_import_result_get_measurements (result), ==, 80000);
    g_assert_cmpuint (ecart_import_result_get_verbatims (result), ==, 2000);
  }
}

/* Deleting a wave is the undo of an import: everything it brought goes, in one transaction. */
static void
test_delete_wave (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImporter) first = importer_for_file (workspace, "qualtrics.csv", "qualtrics.ini");
  g_autoptr(EcartImporter) second = importer_for_file (workspace, "limesurvey.csv", "limesurvey.ini");
  g_autoptr(EcartImportResult) result = run_ok (first);
  g_autofree char *before = dump (workspace);
  g_autoptr(EcartImportResult) result2 = run_ok (second);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  EcartItem *wave;
  const char *tables[] = { "respondent", "measurement", "recommendation", "verbatim",
                           "measurement_aggregate", "pair_aggregate", "recommendation_aggregate" };

  wave = ecart_workspace_find_by_name (workspace, ecart_workspace_get_waves (workspace),
                                       ecart_import_result_get_wave_name (result2));
  g_assert_nonnull (wave);
  g_assert_true (ecart_workspace_delete_wave (workspace, ECART_WAVE (wave), &error));
  g_assert_no_error (error);

  after = dump (workspace);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim_fts WHERE verbatim_fts MATCH "
                                         "'concierge'"), ==, 0);
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM import_log WHERE wave_id IS NULL"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_waves (workspace)), ==, 1);

  /* The first wave too: nothing of either is left. */
  wave = g_list_model_get_item (ecart_workspace_get_waves (workspace), 0);
  g_assert_true (ecart_workspace_delete_wave (workspace, ECART_WAVE (wave), &error));
  g_object_unref (wave);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_assert_cmpint (query_int (workspace, sql), ==, 0);
    }
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM verbatim_fts"), ==, 0);
  g_assert_true (ecart_database_check (ecart_workspace_get_database (workspace), TRUE, &error));
  g_assert_no_error (error);
}

/* The window's way: a worker thread, progress in the main context, the workspace reloaded. */

typedef struct
{
  GMainLoop         *loop;
  EcartImportResult *result;
  GError            *error;
  GThread           *main_thread;
  guint              progress_calls;
  gboolean           progress_off_thread;
} AsyncWait;

static void
async_progress_cb (EcartImportPhase phase,
                   double           fraction,
                   gpointer         user_data)
{
  AsyncWait *wait = user_data;

  wait->progress_calls++;
  if (g_thread_self () != wait->main_thread)
    wait->progress_off_thread = TRUE;
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncWait *wait = user_data;

  wait->result = ecart_importer_run_finish (ECART_IMPORTER (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
on_changed_cb (EcartWorkspace *workspace,
               gpointer        user_data)
{
  (*(guint *)user_data)++;
}

static void
test_async (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImporter) importer = importer_for_file (workspace, "qualtrics.csv", "qualtrics.ini");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncWait wait = { loop, NULL, NULL, g_thread_self (), 0, FALSE };
  guint changed = 0;

  g_signal_connect (workspace, "changed", G_CALLBACK (on_changed_cb), &changed);
  ecart_importer_set_progress_func (importer, async_progress_cb, &wait, NULL);
  ecart_importer_run_async (importer, NULL, on_run_done_cb, &wait);
  g_main_loop_run (loop);

  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.result);
  g_assert_cmpuint (ecart_import_result_get_measurements (wait.result), ==, 235);
  g_assert_cmpuint (wait.progress_calls, >=, 4);
  g_assert_false (wait.progress_off_thread);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_waves (workspace)), ==, 1);
  {
    g_autoptr(EcartWave) wave = g_list_model_get_item (ecart_workspace_get_waves (workspace), 0);

    g_assert_cmpint (ecart_wave_get_respondents (wave), ==, 36);
  }
  g_clear_object (&wait.result);

  /* Again: the same file, refused; the result is still there to show. */
  ecart_importer_set_wave_name (importer, "Spring 2025 survey, again");
  ecart_importer_run_async (importer, NULL, on_run_done_cb, &wait);
  g_main_loop_run (loop);
  g_assert_error (wait.error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_ALREADY_IMPORTED);
  g_assert_nonnull (ecart_importer_get_result (importer));
  g_assert_cmpuint (changed, ==, 1);
  g_clear_error (&wait.error);
}

/* Preview and saved mappings ---------------------------------------------------------------- */

static void
test_preview (void)
{
  g_autofree char *path = data_path ("excel-fr.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportPreview) preview =
    ecart_importer_preview (file, ECART_CSV_ENCODING_AUTO, 0, 5, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (preview->encoding, ==, ECART_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (preview->delimiter, ==, ';');
  g_assert_cmpint (preview->decimal, ==, ',');
  g_assert_cmpuint (preview->rows->len, ==, 5);
  g_assert_true (preview->truncated);
  g_assert_cmpstr (((char **)preview->rows->pdata[0])[1], ==, "N° client");
}

static void
test_saved_mappings (void)
{
  g_autoptr(EcartWorkspace) workspace = new_workspace ();
  g_autoptr(EcartImportMapping) mapping = load_mapping ("google-forms.ini");
  g_autoptr(EcartImportMapping) found = NULL;
  g_autoptr(EcartImportMapping) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *found_text = NULL;
  g_auto(GStrv) names = NULL;
  const char *header[] = { "Timestamp", "Who did you travel with?", "Q", NULL };
  const char *other[] = { "Timestamp", "Q", NULL };

  g_assert_true (ecart_importer_save_mapping (workspace, "Google Forms", mapping, header, &error));
  g_assert_no_error (error);
  /* Saved again under the same name: replaced. */
  g_assert_true (ecart_importer_save_mapping (workspace, "Google Forms", mapping, header, &error));
  g_assert_cmpint (query_int (workspace, "SELECT count(*) FROM import_mapping"), ==, 1);

  found = ecart_importer_find_mapping (workspace, header, &name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (name, ==, "Google Forms");
  text = ecart_import_mapping_to_data (mapping);
  found_text = ecart_import_mapping_to_data (found);
  g_assert_cmpstr (found_text, ==, text);
  g_assert_null (ecart_importer_find_mapping (workspace, other, NULL, &error));
  g_assert_no_error (error);

  loaded = ecart_importer_load_mapping (workspace, "Google Forms", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_null (ecart_importer_load_mapping (workspace, "Nope", &error));
  g_assert_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  names = ecart_importer_list_mappings (workspace, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ecart-test-import-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/import/fixtures", test_fixtures);
  g_test_add_func ("/core/import/fixture-values", test_fixture_values);
  g_test_add_func ("/core/import/encodings-identical", test_encodings_identical);
  g_test_add_func ("/core/import/locales", test_locales);
  g_test_add_func ("/core/import/bad-rows", test_bad_rows);
  g_test_add_func ("/core/import/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/core/import/problems-capped", test_cap_problems);
  g_test_add_func ("/core/import/missing-column", test_missing_column);
  g_test_add_func ("/core/import/headerless", test_headerless);
  g_test_add_func ("/core/import/unknown-names", test_unknown_names);
  g_test_add_func ("/core/import/long-respondents", test_long_respondents);
  g_test_add_func ("/core/import/long-respondents-order", test_long_respondents_order);
  g_test_add_func ("/core/import/long-respondents-return", test_long_respondents_return);
  g_test_add_func ("/core/import/already-imported", test_already_imported);
  g_test_add_func ("/core/import/nothing", test_nothing);
  g_test_add_func ("/core/import/cancel", test_cancel);
  g_test_add_func ("/core/import/delete-wave", test_delete_wave);
  g_test_add_func ("/core/import/async", test_async);
  g_test_add_func ("/core/import/preview", test_preview);
  g_test_add_func ("/core/import/saved-mappings", test_saved_mappings);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

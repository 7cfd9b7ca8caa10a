/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "ecart-atomic-file.h"
#include "ecart-csv-writer.h"
#include "ecart-export.h"
#include "ecart-template.h"
#include "ecart-wave-writer.h"

/* The CSV writer (RFC 4180, formula injection, exact numbers), atomic files (R16) and the
 * CSV exports of the core. tests/test_export.py checks the same through ecart-cli, on
 * hostile names and large workspaces. */

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Files of the temporary folder whose name starts with @prefix. */
static guint
count_files (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_old (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old\n", -1, &error);
  g_assert_no_error (error);
}

static EcartCsvWriter *
memory_writer (void)
{
  return ecart_csv_writer_new (NULL, ECART_CSV_WRITER_FLAGS_NONE, NULL);
}

static void
test_quoting (void)
{
  g_autoptr(EcartCsvWriter) csv = memory_writer ();

  ecart_csv_writer_text (csv, "plain");
  ecart_csv_writer_text (csv, "a,b");
  ecart_csv_writer_text (csv, "say \"hi\"");
  ecart_csv_writer_text (csv, "two\nlines");
  ecart_csv_writer_text (csv, NULL);
  ecart_csv_writer_text (csv, "Écart ’");
  g_assert_true (ecart_csv_writer_end_row (csv, NULL));
  ecart_csv_writer_int (csv, -42);
  ecart_csv_writer_boolean (csv, TRUE);
  ecart_csv_writer_boolean (csv, FALSE);
  ecart_csv_writer_end_row (csv, NULL);

  g_assert_cmpstr (ecart_csv_writer_get_text (csv), ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,Écart ’\r\n-42,1,0\r\n");
  g_assert_cmpuint (ecart_csv_writer_get_rows (csv), ==, 2);
}

static void
test_injection (void)
{
  static const struct { const char *text; const char *cell; } cases[] = {
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tTab", "'\tTab" },
    { "\rCR", "\"'\rCR\"" },
    { "=1,2", "\"'=1,2\"" },
    { "a=b", "a=b" },
    { " =x", " =x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EcartCsvWriter) csv = memory_writer ();
      g_autofree char *expected = g_strconcat (cases[i].cell, "\r\n", NULL);

      ecart_csv_writer_text (csv, cases[i].text);
      ecart_csv_writer_end_row (csv, NULL);
      g_assert_cmpstr (ecart_csv_writer_get_text (csv), ==, expected);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(EcartCsvWriter) csv = memory_writer ();

  ecart_csv_writer_text (csv, "caf\xe9");
  ecart_csv_writer_end_row (csv, NULL);
  g_assert_true (g_utf8_validate (ecart_csv_writer_get_text (csv), -1, NULL));
}

static void
assert_number (double      value,
               const char *expected)
{
  g_autoptr(EcartCsvWriter) csv = memory_writer ();
  g_autofree char *row = g_strconcat (expected, "\r\n", NULL);

  ecart_csv_writer_number (csv, value);
  ecart_csv_writer_end_row (csv, NULL);
  g_assert_cmpstr (ecart_csv_writer_get_text (csv), ==, row);
}

static void
test_numbers (void)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *saved = setlocale (LC_NUMERIC, NULL);
  g_autofree char *locale = g_strdup (saved);

  /* A comma locale must not change a thing. */
  setlocale (LC_NUMERIC, "fr_FR.UTF-8");

  assert_number (7.0, "7");
  assert_number (0.1, "0.1");
  assert_number (-3.6, "-3.6");
  assert_number (-0.0, "0");
  assert_number (2.0 / 3.0, "0.6666666666666666");
  assert_number (0.1 + 0.2, "0.30000000000000004");
  assert_number (1e300, "1e+300");
  assert_number (NAN, "");
  assert_number (INFINITY, "");
  g_assert_null (ecart_csv_format_number (NAN, buffer));

  for (guint i = 0; i < 100000; i++)
    {
      double value = g_test_rand_double_range (-1e6, 1e6) / (i % 7 + 1);

      if (i % 3 == 0)
        value = round (value * 10.0) / 10.0;
      ecart_csv_format_number (value, buffer);
      g_assert_null (strchr (buffer, ','));
      g_assert_cmpfloat (g_ascii_strtod (buffer, NULL), ==, value);
    }

  setlocale (LC_NUMERIC, locale);
}

static void
test_bom_and_stream (void)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(EcartCsvWriter) csv = ecart_csv_writer_new (memory, ECART_CSV_WRITER_FLAGS_BOM, NULL);
  g_autoptr(EcartCsvWriter) reference = memory_writer ();
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  /* Well past the 64 KiB flushes. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("row %u, “quoted”", i);

      ecart_csv_writer_text (csv, name);
      ecart_csv_writer_number (csv, i / 3.0);
      g_assert_true (ecart_csv_writer_end_row (csv, &error));
      ecart_csv_writer_text (reference, name);
      ecart_csv_writer_number (reference, i / 3.0);
      ecart_csv_writer_end_row (reference, NULL);
    }
  g_assert_true (ecart_csv_writer_flush (csv, &error));
  g_assert_no_error (error);
  g_output_stream_close (memory, NULL, NULL);

  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpuint (size, ==, 3 + strlen (ecart_csv_writer_get_text (reference)));
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  g_assert_cmpmem (data + 3, size - 3, ecart_csv_writer_get_text (reference), size - 3);
}

static void
test_atomic_commit (void)
{
  g_autofree char *path = tmp_path ("commit.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf info;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(EcartAtomicFile) file = ecart_atomic_file_new (path, &error);
      g_autofree char *content = g_strdup_printf ("round %u\n", round);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (ecart_atomic_file_get_temp_path (file), tmp_dir));
      g_assert_true (g_output_stream_write_all (ecart_atomic_file_get_stream (file), content,
                                                strlen (content), NULL, NULL, &error));
      /* Nothing at the target until the commit (the first round), or the old content. */
      if (round == 0)
        {
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
        }
      else
        {
          g_assert_cmpstr ((text = read_file (path)), ==, "round 0\n");
          g_clear_pointer (&text, g_free);
        }
      g_assert_true (ecart_atomic_file_commit (file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr ((text = read_file (path)), ==, content);
      g_clear_pointer (&text, g_free);
      g_assert_cmpuint (count_files (".commit.txt."), ==, 0);
      if (round == 0)
        g_chmod (path, 0600);
    }

  /* A file that is replaced keeps its permissions. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
test_atomic_abort (void)
{
  g_autofree char *path = tmp_path ("abort.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  write_old (path);

  /* Aborted, dropped without a commit, cancelled: the old file every time. */
  {
    g_autoptr(EcartAtomicFile) file = ecart_atomic_file_new (path, &error);

    g_output_stream_write_all (ecart_atomic_file_get_stream (file), "new", 3, NULL, NULL, NULL);
    g_assert_true (g_file_test (ecart_atomic_file_get_temp_path (file), G_FILE_TEST_EXISTS));
    ecart_atomic_file_abort (file);
    g_assert_false (g_file_test (ecart_atomic_file_get_temp_path (file), G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(EcartAtomicFile) file = ecart_atomic_file_new (path, &error);

    g_output_stream_write_all (ecart_atomic_file_get_stream (file), "new", 3, NULL, NULL, NULL);
  }
  {
    g_autoptr(EcartAtomicFile) file = ecart_atomic_file_new (path, &error);

    g_output_stream_write_all (ecart_atomic_file_get_stream (file), "new", 3, NULL, NULL, NULL);
    g_cancellable_cancel (cancellable);
    g_assert_false (ecart_atomic_file_commit (file, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  g_assert_cmpstr ((text = read_file (path)), ==, "old\n");
  g_assert_cmpuint (count_files (".abort.txt."), ==, 0);
}

static void
test_atomic_refused (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  EcartAtomicFile *file;

  file = ecart_atomic_file_new (missing, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  file = ecart_atomic_file_new (tmp_dir, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* A workspace with hostile names: two segments, two attributes, one touchpoint, a wave of
 * three respondents on two scales. */
static EcartWorkspace *
hostile_workspace (void)
{
  g_autofree char *path = tmp_path ("hostile.ecart");
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartWaveWriter) writer = NULL;
  g_autoptr(EcartStage) stage = NULL;
  g_autoptr(EcartChannel) channel = NULL;
  g_autoptr(EcartPillar) pillar = NULL;
  EcartSegment *segments[2];
  EcartAttribute *attributes[2];
  EcartTouchpoint *touchpoint;
  gint64 respondents[3];

  g_unlink (path);
  workspace = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);
  g_assert_no_error (error);
  stage = g_list_model_get_item (ecart_workspace_get_stages (workspace), 0);
  channel = g_list_model_get_item (ecart_workspace_get_channels (workspace), 0);
  pillar = g_list_model_get_item (ecart_workspace_get_pillars (workspace), 0);

  segments[0] = ecart_workspace_add_segment (workspace, "=HYPERLINK(\"http://x\",\"y\")", &error);
  segments[1] = ecart_workspace_add_segment (workspace, "Familles, “avec” enfants", &error);
  attributes[0] = ecart_workspace_add_attribute (workspace, pillar, "+1", &error);
  attributes[1] = ecart_workspace_add_attribute (workspace, pillar, "@SUM(A1)", &error);
  touchpoint = ecart_workspace_add_touchpoint (workspace, stage, channel, "-2", &error);
  g_assert_no_error (error);

  writer = ecart_wave_writer_begin (workspace, "@wave", "survey", "test", &error);
  g_assert_no_error (error);
  for (guint r = 0; r < 3; r++)
    {
      g_autofree char *key = g_strdup_printf (r == 0 ? "\rR%u" : r == 1 ? "\tR%u" : "R%u", r);

      respondents[r] = ecart_wave_writer_add_respondent (writer,
                                                         ecart_item_get_id (ECART_ITEM (segments[r % 2])),
                                                         key, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint r = 0; r < 3; r++)
    for (guint a = 0; a < 2; a++)
      {
        ecart_wave_writer_add_measurement (writer, respondents[r],
                                           ecart_item_get_id (ECART_ITEM (attributes[a])),
                                           a == 0 ? ecart_item_get_id (ECART_ITEM (touchpoint)) : 0,
                                           ECART_DIMENSION_LIVED, 1 + r + a, 1, 7, &error);
        g_assert_no_error (error);
        ecart_wave_writer_add_measurement (writer, respondents[r],
                                           ecart_item_get_id (ECART_ITEM (attributes[a])), 0,
                                           ECART_DIMENSION_EXPECTED, 0.1 * (r + 1), 0, 1, &error);
        g_assert_no_error (error);
      }
  g_assert_true (ecart_wave_writer_commit (writer, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&workspace);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_export_measurements (void)
{
  g_autoptr(EcartWorkspace) workspace = hostile_workspace ();
  g_autofree char *path = tmp_path ("measurements.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  double last = -1.0;

  write_old (path);
  g_assert_true (ecart_export_measurements (workspace, path, ECART_CSV_WRITER_FLAGS_NONE,
                                            on_progress, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);

  text = read_file (path);
  lines = g_strsplit (text, "\r\n", -1);
  /* The header, 12 measurements, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 14);
  g_assert_cmpstr (lines[0], ==, "wave,respondent,segment,date,attribute,touchpoint,dimension,"
                                 "score,scale_min,scale_max,normalised_score");
  g_assert_cmpstr (lines[1], ==, "'@wave,\"'\rR0\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
                                 ",'+1,'-2,lived,1,1,7,0");
  g_assert_cmpstr (lines[2], ==, "'@wave,\"'\rR0\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
                                 ",'+1,,expected,0.1,0,1,1");
  g_assert_cmpstr (lines[5], ==, "'@wave,'\tR1,\"Familles, “avec” enfants\",,'+1,'-2,lived,"
                                 "2,1,7,1.6666666666666667");
  g_assert_cmpuint (count_files (".measurements.csv."), ==, 0);
}

static void
test_export_cancelled (void)
{
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autofree char *demo_path = tmp_path ("demo.ecart");
  g_autofree char *path = tmp_path ("cancelled.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  workspace = ecart_demo_create (demo_path, "en", &error);
  g_assert_no_error (error);
  write_old (path);
  g_cancellable_cancel (cancellable);
  g_assert_false (ecart_export_measurements (workspace, path, ECART_CSV_WRITER_FLAGS_BOM, NULL,
                                             NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr ((text = read_file (path)), ==, "old\n");
  g_assert_cmpuint (count_files (".cancelled.csv."), ==, 0);
}

static void
test_export_gaps (void)
{
  g_autoptr(EcartWorkspace) workspace = hostile_workspace ();
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(EcartCsvWriter) csv = memory_writer ();
  g_autofree char *path = tmp_path ("gaps.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  table = ecart_gap_table_new (workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_export_write_gaps (table, csv, &error));
  g_assert_true (ecart_export_gaps (table, path, ECART_CSV_WRITER_FLAGS_BOM, NULL, &error));
  g_assert_no_error (error);

  /* The file is the command's text, after a byte order mark. */
  text = read_file (path);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "segment,attribute,touchpoint,"));
  g_assert_cmpstr (text + 3, ==, ecart_csv_writer_get_text (csv));
  /* A header and 2 segments × 2 attributes. */
  g_assert_cmpuint (ecart_csv_writer_get_rows (csv), ==, 5);
  g_assert_nonnull (strstr (text, "\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("ecart-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/csv-writer/quoting", test_quoting);
  g_test_add_func ("/core/csv-writer/injection", test_injection);
  g_test_add_func ("/core/csv-writer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/csv-writer/numbers", test_numbers);
  g_test_add_func ("/core/csv-writer/bom-and-stream", test_bom_and_stream);
  g_test_add_func ("/core/atomic-file/commit", test_atomic_commit);
  g_test_add_func ("/core/atomic-file/abort", test_atomic_abort);
  g_test_add_func ("/core/atomic-file/refused", test_atomic_refused);
  g_test_add_func ("/core/export/measurements", test_export_measurements);
  g_test_add_func ("/core/export/cancelled", test_export_cancelled);
  g_test_add_func ("/core/export/gaps", test_export_gaps);

  status = g_test_run ();

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

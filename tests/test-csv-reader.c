/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tests of the CSV reader (RELIABILITY.md R11, R12), of the numbers and dates of an import
 * (R13) and of the mapping (DESIGN.md §3): field by field, with the line and column of
 * every problem. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ecart-csv-reader.h"
#include "ecart-import-mapping.h"
#include "ecart-import-values-private.h"

/* Reads @text whole; returns the rows as "a|b|c" strings, or NULL with @error set. */
static GPtrArray *
read_all (const char        *text,
          gssize             length,
          EcartCsvEncoding   encoding,
          char               delimiter,
          EcartCsvReader   **out_reader,
          GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(EcartCsvReader) reader = ecart_csv_reader_new (stream, encoding, delimiter);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  EcartCsvRead read;

  while ((read = ecart_csv_reader_read_row (reader, NULL, error)) == ECART_CSV_READ_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (guint i = 0; i < ecart_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (row, "%s%s", i > 0 ? "|" : "",
                                ecart_csv_reader_get_field (reader, i, NULL));
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  if (out_reader != NULL)
    *out_reader = g_object_ref (reader);
  if (read == ECART_CSV_READ_ERROR)
    return NULL;
  g_ptr_array_add (rows, NULL);
  return g_steal_pointer (&rows);
}

static void
assert_rows (const char          *text,
             char                 delimiter,
             const char * const  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all (text, -1, ECART_CSV_ENCODING_AUTO, delimiter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpstrv ((const char * const *)rows->pdata, expected);
}

static void
test_rfc4180 (void)
{
  const char *simple[] = { "a|b|c", "1|2|3", NULL };
  const char *quoted[] = { "name|comment", "Léa|Hello, world", "Tom|He said \"hi\"",
                           "Ana|two\nlines", "Bob|", NULL };
  const char *crlf_in_quotes[] = { "a|b", "x|one\ntwo\nthree", "y|z", NULL };
  const char *empty[] = { "||", "a||", "||", NULL };
  const char *blank_lines[] = { "a|b", "1|2", "3|4", NULL };

  assert_rows ("a,b,c\n1,2,3\n", ',', simple);
  assert_rows ("a,b,c\r\n1,2,3\r\n", ',', simple);
  assert_rows ("a,b,c\r1,2,3", ',', simple);          /* old Mac line ends, no final one */
  assert_rows ("name,comment\nLéa,\"Hello, world\"\nTom,\"He said \"\"hi\"\"\"\n"
               "Ana,\"two\nlines\"\nBob,\n", ',', quoted);
  /* Line breaks inside quotes become "\n" whatever the file uses. */
  assert_rows ("a,b\r\nx,\"one\r\ntwo\rthree\"\r\ny,z\r\n", ',', crlf_in_quotes);
  assert_rows (",,\na,,\n,\"\",\n", ',', empty);
  assert_rows ("a,b\n\n1,2\r\n\r\n3,4\n\n", ',', blank_lines);
}

static void
test_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartCsvReader) reader = NULL;
  static const char text[] = "a,b\n\"é\nx\",ü,c\nz,\"\"\"q\"";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  reader = ecart_csv_reader_new (stream, ECART_CSV_ENCODING_UTF8, ',');
  g_assert_cmpint (ecart_csv_reader_read_row (reader, NULL, &error), ==, ECART_CSV_READ_ROW);
  g_assert_cmpint (ecart_csv_reader_read_row (reader, NULL, &error), ==, ECART_CSV_READ_ROW);
  g_assert_cmpuint (ecart_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (ecart_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpuint (ecart_csv_reader_get_field_line (reader, 1), ==, 3);
  /* Columns are in characters: "x" is 1, the quote 2, the comma 3. */
  g_assert_cmpuint (ecart_csv_reader_get_field_column (reader, 1), ==, 4);
  g_assert_cmpuint (ecart_csv_reader_get_field_column (reader, 2), ==, 6);
  g_assert_cmpint (ecart_csv_reader_read_row (reader, NULL, &error), ==, ECART_CSV_READ_ROW);
  g_assert_cmpstr (ecart_csv_reader_get_field (reader, 1, NULL), ==, "\"q");
  g_assert_cmpint (ecart_csv_reader_read_row (reader, NULL, &error), ==, ECART_CSV_READ_END);
  g_assert_no_error (error);
}

static void
assert_error_len (const char *text,
                  gssize      length,
                  int         code,
                  const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all (text, length, ECART_CSV_ENCODING_UTF8, ',', NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, ECART_CSV_ERROR, code);
  if (!g_str_has_prefix (error->message, where))
    g_error ("“%s” should start with “%s”", error->message, where);
}

#define assert_error(text, code, where) assert_error_len (text, sizeof (text) - 1, code, where)

static void
test_errors (void)
{
  /* Never swallowed: the quote that opens the field, at its line and column. */
  assert_error ("a,b\n1,\"two\n3,4\n", ECART_CSV_ERROR_UNTERMINATED_QUOTE, "line 2, column 3:");
  assert_error ("a,b\n1,\"2\"\n3,\"x\"\"\n", ECART_CSV_ERROR_UNTERMINATED_QUOTE, "line 3, column 3:");
  assert_error ("a,b\n1,ab\"c\n", ECART_CSV_ERROR_BAD_QUOTE, "line 2, column 5:");
  assert_error ("a,b\nx,\"ab\"c\n", ECART_CSV_ERROR_BAD_QUOTE, "line 2, column 7:");
  assert_error ("a,b\né,\xff\n", ECART_CSV_ERROR_ENCODING, "line 2, column 3:");
  /* Columns count characters, not bytes, in runs longer than eight bytes too. */
  assert_error ("a,b\nÉcart très élevé,crème brûlée\"x\n", ECART_CSV_ERROR_BAD_QUOTE,
                "line 2, column 30:");
  assert_error ("a,b\n0123456789abcdefghij,0123456789\"\n", ECART_CSV_ERROR_BAD_QUOTE,
                "line 2, column 32:");
  assert_error ("a,b\n1,\0002\n", ECART_CSV_ERROR_ENCODING, "line 2, column 3:");
}

static void
test_long_and_split (void)
{
  g_autoptr(GString) text = g_string_new ("id,comment\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 30000;

  /* Multi-byte characters and quoted line breaks across every chunk boundary. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%u,\"été %u, « %s »\r\nfin\"\n", i, i, i % 7 == 0 ? "€" : "ü");
  rows = read_all (text->str, text->len, ECART_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n + 2);
  for (guint i = 0; i < n; i += 997)
    {
      g_autofree char *expected = g_strdup_printf ("%u|été %u, « %s »\nfin", i, i, i % 7 == 0 ? "€" : "ü");

      g_assert_cmpstr (rows->pdata[i + 1], ==, expected);
    }
}

static void
test_delimiter_guess (void)
{
  struct { const char *text; char delimiter; } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2,5;3\n4;5,5;6\n", ';' },
    { "a\tb\n\"x,y\"\t2\n", '\t' },
    { "a|b|c\n1|2|3\n", '|' },
    { "single\n1\n2\n", ',' },
    { "\"a;b\",c\n\"1;2\",3\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EcartCsvReader) reader = NULL;
      g_autoptr(GPtrArray) rows = read_all (cases[i].text, -1, ECART_CSV_ENCODING_AUTO, 0,
                                            &reader, &error);

      g_assert_no_error (error);
      g_assert_cmpint (ecart_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_true (ecart_csv_reader_get_delimiter_guessed (reader));
    }
}

static void
test_encodings (void)
{
  const char *files[] = { "encoding-utf8.csv", "encoding-utf8-bom.csv", "encoding-utf16le.csv",
                          "encoding-utf16be.csv", "encoding-windows-1252.csv" };
  EcartCsvEncoding expected[] = { ECART_CSV_ENCODING_UTF8, ECART_CSV_ENCODING_UTF8,
                                  ECART_CSV_ENCODING_UTF16LE, ECART_CSV_ENCODING_UTF16BE,
                                  ECART_CSV_ENCODING_WINDOWS_1252 };
  g_autoptr(GPtrArray) reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("ECART_TEST_DATA"), "import", files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EcartCsvReader) reader = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      rows = read_all (contents, length, ECART_CSV_ENCODING_AUTO, 0, &reader, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ecart_csv_reader_get_encoding (reader), ==, expected[i]);
      g_assert_cmpint (ecart_csv_reader_get_delimiter (reader), ==, ',');

      /* Windows-1252 has no emoji: the one difference, by construction. */
      for (guint r = 0; r + 1 < rows->len; r++)
        {
          char *emoji = strstr (rows->pdata[r], " 👍");

          if (emoji != NULL)
            memmove (emoji, emoji + strlen (" 👍"), strlen (emoji + strlen (" 👍")) + 1);
          g_assert_true (g_utf8_validate (rows->pdata[r], -1, NULL));
        }
      if (reference == NULL)
        reference = g_ptr_array_ref (rows);
      else
        g_assert_cmpstrv ((const char * const *)rows->pdata, (const char * const *)reference->pdata);
    }
  g_assert_cmpstr (reference->pdata[3], ==, "é-03|Familles|5|4|Œuvre d’art ; déjà vu\n— deuxième ligne");
  g_assert_cmpstr (reference->pdata[4], ==, "é-04|Affaires|2|1|€ 120 la nuit");
}

static void
test_windows_1252_late (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* Every byte of Windows-1252 is text: 0x80 is €, 0x81 (undefined) is kept as U+0081. */
  rows = read_all ("x,\x80\x81\x9c\xe9\n", -1, ECART_CSV_ENCODING_WINDOWS_1252, ',', NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows->pdata[0], ==, "x|€\xc2\x81œé");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Plain ASCII for the first chunk, then a Windows-1252 accent: the guess was UTF-8, and
   * the reader says where it stopped (the importer then reads it as Windows-1252). */
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "plain,ascii\n");
  g_string_append (text, "caf\xe9,ok\n");
  rows = read_all (text->str, text->len, ECART_CSV_ENCODING_AUTO, 0, &reader, &error);
  g_assert_null (rows);
  g_assert_error (error, ECART_CSV_ERROR, ECART_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "line 20002, column 4:"));
  g_assert_true (ecart_csv_reader_get_encoding_guessed (reader));
}

static void
test_sha256 (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a,b\n1,2\n", 8);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(EcartCsvReader) reader = ecart_csv_reader_new (stream, ECART_CSV_ENCODING_AUTO, 0);
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *sha = NULL;

  ecart_csv_reader_set_checksum (reader, TRUE);
  while (ecart_csv_reader_read_row (reader, NULL, NULL) == ECART_CSV_READ_ROW)
    ;
  sha = ecart_csv_reader_dup_sha256 (reader);
  g_assert_cmpstr (sha, ==, expected);

  /* Over many chunks of the reader, and asked twice: the same as GLib's. */
  {
    g_autoptr(GString) text = g_string_new ("id,name,score\n");
    g_autoptr(GBytes) big = NULL;
    g_autoptr(GInputStream) big_stream = NULL;
    g_autoptr(EcartCsvReader) big_reader = NULL;
    g_autofree char *big_expected = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    for (guint i = 0; i < 40000; i++)
      g_string_append_printf (text, "%u,\"N\u00e9 %u\",%u\n", i, i * 7, i % 11);
    big = g_string_free_to_bytes (g_steal_pointer (&text));
    big_stream = g_memory_input_stream_new_from_bytes (big);
    big_reader = ecart_csv_reader_new (big_stream, ECART_CSV_ENCODING_AUTO, 0);
    big_expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, big);
    ecart_csv_reader_set_checksum (big_reader, TRUE);
    while (ecart_csv_reader_read_row (big_reader, NULL, NULL) == ECART_CSV_READ_ROW)
      ;
    first = ecart_csv_reader_dup_sha256 (big_reader);
    second = ecart_csv_reader_dup_sha256 (big_reader);
    g_assert_cmpstr (first, ==, big_expected);
    g_assert_cmpstr (second, ==, big_expected);
  }
}

/* Numbers and dates -------------------------------------------------------------------------- */

static void
check_numbers (void)
{
  struct { const char *text; char decimal; gboolean ok; double value; } cases[] = {
    { "7", '.', TRUE, 7 }, { " 7.5 ", '.', TRUE, 7.5 }, { "7,5", ',', TRUE, 7.5 },
    { "7,5", 0, TRUE, 7.5 }, { "7.5", 0, TRUE, 7.5 }, { "-2", '.', TRUE, -2 },
    { "+3", '.', TRUE, 3 }, { ".5", '.', TRUE, 0.5 }, { "10.", '.', TRUE, 10 },
    { "09", '.', TRUE, 9 }, { "123456789012345", '.', TRUE, 123456789012345.0 },
    { "-1234567890123456", '.', TRUE, -1234567890123456.0 }, { "+-5", '.', FALSE, 0 },
    { "7,5", '.', FALSE, 0 }, { "7.5", ',', FALSE, 0 }, { "1.234,5", 0, FALSE, 0 },
    { "abc", '.', FALSE, 0 }, { "", '.', FALSE, 0 }, { "0x10", '.', FALSE, 0 },
    { "inf", '.', FALSE, 0 }, { "nan", '.', FALSE, 0 }, { "1e3", '.', FALSE, 0 },
    { "5 5", '.', FALSE, 0 }, { "-", '.', FALSE, 0 }, { ".", '.', FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;
      gboolean ok = _ecart_import_parse_number (cases[i].text, strlen (cases[i].text),
                                                cases[i].decimal, &value, NULL);

      if (ok != cases[i].ok)
        g_error ("“%s” (decimal %c) should %sbe read", cases[i].text,
                 cases[i].decimal ? cases[i].decimal : '?', cases[i].ok ? "" : "not ");
      if (ok)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

static void
check_dates (void)
{
  struct { const char *text; const char *expected; } cases[] = {
    { "2025-03-14", "2025-03-14" },
    { "14/03/2025", "2025-03-14" },
    { "2025/03/14", "2025-03-14" },
    { "4/3/2025", "2025-03-04" },
    { "2025-03-14T09:30:00Z", "2025-03-14T09:30:00Z" },
    { "2025-03-14T09:30:00+01:00", "2025-03-14T08:30:00Z" },
    { "2025-03-14 09:30:12", "2025-03-14T09:30:12" },
    { "2025-03-14 09:30", "2025-03-14T09:30:00" },
    { "2025-03-14T23:30:00.123-02:00", "2025-03-15T01:30:00Z" },
    { "14/03/2025 09:30", "2025-03-14T09:30:00" },
    { "2025/05/02 1:05:09 PM GMT+2", "2025-05-02T11:05:09Z" },
    { "2025/05/02 12:05:09 AM GMT+2", "2025-05-01T22:05:09Z" },
    { "2025/05/02 9:00:00 AM", "2025-05-02T09:00:00" },
    { " 2025-03-14 ", "2025-03-14" },
    { "29/02/2024", "2024-02-29" }, { "1900-01-01 00:00", "1900-01-01T00:00:00" },
    { "2200-12-31T23:59:00-01:00", "2201-01-01T00:59:00Z" },
    { "29/02/2025", NULL }, { "2025-04-31", NULL }, { "2025-00-10", NULL },
    { "31/02/2025", NULL }, { "2025-13-01", NULL }, { "03/14/2025", NULL },
    { "2025-03-14T25:00", NULL }, { "14.03.2025", NULL }, { "yesterday", NULL },
    { "2025-03-14 13:30 PM", NULL }, { "2025-03-14Z", NULL }, { "", NULL },
    { "2025-03-14T09:30:00+1", NULL }, { "1800-01-01", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char out[ECART_IMPORT_DATE_SIZE] = "";
      gboolean ok = _ecart_import_parse_date (cases[i].text, out);

      if (ok != (cases[i].expected != NULL))
        g_error ("“%s” should %sbe a date (got “%s”)", cases[i].text,
                 cases[i].expected ? "" : "not ", out);
      if (ok)
        g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_values (void)
{
  check_numbers ();
  check_dates ();
}

/* The same under a French locale, whose decimal separator is a comma (R13). */
static void
test_values_french_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_fail_printf ("The fr_FR.UTF-8 locale is missing: run “make deps” to generate it");
      return;
    }
  check_numbers ();
  check_dates ();
  setlocale (LC_ALL, saved);
}

/* Mapping ---------------------------------------------------------------------------------- */

static void
test_mapping_design_example (void)
{
  /* Exactly the example of DESIGN.md §3, comments after the values included. */
  const char *text =
    "[mapping]\n"
    "layout=wide\n"
    "header-rows=1\n"
    "respondent=ResponseId\n"
    "date=RecordedDate\n"
    "segment=Profile            ; a column; its values are segment names, or mapped below\n"
    "scale=1..5\n"
    "nps=Recommend              ; 0..10\n"
    "verbatim=Comment\n"
    "[segment-values]\n"
    "Famille=Families\n"
    "[columns]\n"
    "Q1_1=lived:Warm welcome@Reception\n"
    "Q2_1=expected:Warm welcome\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportMapping) mapping = ecart_import_mapping_new_from_data (text, &error);
  g_autoptr(EcartImportMapping) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  EcartDimension dimension;
  const char *attribute;
  const char *touchpoint;
  double min, max;

  g_assert_no_error (error);
  g_assert_cmpint (ecart_import_mapping_get_layout (mapping), ==, ECART_IMPORT_LAYOUT_WIDE);
  g_assert_cmpstr (ecart_import_mapping_get (mapping, "segment"), ==, "Profile");
  g_assert_cmpstr (ecart_import_mapping_get (mapping, "nps"), ==, "Recommend");
  g_assert_true (ecart_import_mapping_get_scale (mapping, &min, &max));
  g_assert_cmpfloat (min, ==, 1);
  g_assert_cmpfloat (max, ==, 5);
  g_assert_cmpstr (ecart_import_mapping_lookup_segment_value (mapping, "Famille"), ==, "Families");
  g_assert_cmpuint (ecart_import_mapping_get_n_columns (mapping), ==, 2);
  g_assert_cmpstr (ecart_import_mapping_get_column (mapping, 0, &dimension, &attribute, &touchpoint),
                   ==, "Q1_1");
  g_assert_cmpint (dimension, ==, ECART_DIMENSION_LIVED);
  g_assert_cmpstr (attribute, ==, "Warm welcome");
  g_assert_cmpstr (touchpoint, ==, "Reception");
  ecart_import_mapping_get_column (mapping, 1, &dimension, &attribute, &touchpoint);
  g_assert_cmpint (dimension, ==, ECART_DIMENSION_EXPECTED);
  g_assert_null (touchpoint);

  /* Written and read back, the same mapping. */
  written = ecart_import_mapping_to_data (mapping);
  again = ecart_import_mapping_new_from_data (written, &error);
  g_assert_no_error (error);
  rewritten = ecart_import_mapping_to_data (again);
  g_assert_cmpstr (written, ==, rewritten);
}

static void
test_mapping_keys (void)
{
  /* Column names survey tools use, which GKeyFile cannot hold as keys. */
  const char *text =
    "[mapping]\n"
    "layout=wide\n"
    "segment=@Families\n"
    "scale=0..10\n"
    "delimiter=tab\n"
    "encoding=Windows-1252\n"
    "decimal=,\n"
    "[columns]\n"
    "G01Q01[SQ001]=Vécue:Warm welcome@Reception\n"
    "\"How was it? (1 = bad, 10 = \"\"great\"\")\"=ATTENDUE:Warm welcome\n"
    "#7=lived:Room comfort\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportMapping) mapping = ecart_import_mapping_new_from_data (text, &error);
  g_autoptr(EcartImportMapping) again = NULL;
  g_autofree char *written = NULL;
  EcartDimension dimension;

  g_assert_no_error (error);
  g_assert_cmpstr (ecart_import_mapping_get (mapping, "segment"), ==, "@Families");
  g_assert_cmpint (ecart_import_mapping_get_delimiter (mapping), ==, '\t');
  g_assert_cmpint (ecart_import_mapping_get_encoding (mapping), ==, ECART_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (ecart_import_mapping_get_decimal (mapping), ==, ',');
  g_assert_cmpstr (ecart_import_mapping_get_column (mapping, 0, &dimension, NULL, NULL), ==,
                   "G01Q01[SQ001]");
  g_assert_cmpint (dimension, ==, ECART_DIMENSION_LIVED);
  g_assert_cmpstr (ecart_import_mapping_get_column (mapping, 1, &dimension, NULL, NULL), ==,
                   "How was it? (1 = bad, 10 = \"great\")");
  g_assert_cmpint (dimension, ==, ECART_DIMENSION_EXPECTED);
  g_assert_cmpstr (ecart_import_mapping_get_column (mapping, 2, NULL, NULL, NULL), ==, "#7");

  written = ecart_import_mapping_to_data (mapping);
  again = ecart_import_mapping_new_from_data (written, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ecart_import_mapping_get_column (again, 1, NULL, NULL, NULL), ==,
                   "How was it? (1 = bad, 10 = \"great\")");
}

static void
test_mapping_errors (void)
{
  struct { const char *text; const char *mentions; } cases[] = {
    { "[mapping]\nlayout=wide\nsegment=S\nscale=1..5\ncolour=blue\n[columns]\nq=lived:A\n", "colour" },
    { "[mapping]\nlayout=diagonal\n", "diagonal" },
    { "[mapping]\nsegment=S\nscale=5..1\n[columns]\nq=lived:A\n", "5..1" },
    { "[mapping]\nsegment=S\nscale=1..five\n[columns]\nq=lived:A\n", "1..five" },
    { "[mapping]\nsegment=S\n[columns]\nq=lived:A\n", "scale" },
    { "[mapping]\nscale=1..5\n[columns]\nq=lived:A\n", "segment" },
    { "[mapping]\nsegment=S\nscale=1..5\n[columns]\nq1=lived:Welcome@Desk\nq2=Vécue:welcome@desk\n",
      "“q1” and “q2”" },
    { "[mapping]\nsegment=S\nscale=1..5\n[columns]\nq=desired:A\n", "“q”" },
    { "[mapping]\nsegment=S\nscale=1..5\n[columns]\nq=felt:A\n", "felt" },
    { "[mapping]\nsegment=S\nscale=1..5\n[columns]\nq=lived\n", "“q”" },
    { "[mapping]\nsegment=S\nscale=1..5\n[columns]\nq=lived:A@\n", "“q”" },
    { "[mapping]\nsegment=S\nscale=1..5\n[rows]\nq=lived:A\n", "[rows]" },
    { "[mapping]\nlayout=long\nsegment=S\nscale=1..5\nattribute=a\ndimension=d\n", "score" },
    { "[mapping]\nlayout=wide\nsegment=S\nscale=1..5\nscore=s\n[columns]\nq=lived:A\n", "score" },
    { "[mapping]\nsegment=S\nsegment=T\n", "segment" },
    { "[mapping]\nsegment=S\nheader-rows=many\n", "many" },
    { "[mapping]\nsegment=S\ndelimiter=#\n", "#" },
    { "[mapping]\nsegment=S\nscale=1..5\nnps=@7\n", "nps" },
    { "segment=S\n", "Line 1" },
    { "[mapping]\njust a line\n", "Line 2" },
    { "[mapping]\nsegment=S\nscale=1..5\n", "nothing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EcartImportMapping) mapping = ecart_import_mapping_new_from_data (cases[i].text, &error);

      g_assert_null (mapping);
      g_assert_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING);
      if (strstr (error->message, cases[i].mentions) == NULL)
        g_error ("“%s” should mention “%s”", error->message, cases[i].mentions);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/rfc4180", test_rfc4180);
  g_test_add_func ("/core/csv/positions", test_positions);
  g_test_add_func ("/core/csv/errors", test_errors);
  g_test_add_func ("/core/csv/chunk-boundaries", test_long_and_split);
  g_test_add_func ("/core/csv/delimiter-guess", test_delimiter_guess);
  g_test_add_func ("/core/csv/encodings", test_encodings);
  g_test_add_func ("/core/csv/windows-1252", test_windows_1252_late);
  g_test_add_func ("/core/csv/sha256", test_sha256);
  g_test_add_func ("/core/import/values", test_values);
  g_test_add_func ("/core/import/values/french-locale", test_values_french_locale);
  g_test_add_func ("/core/import/mapping/design-example", test_mapping_design_example);
  g_test_add_func ("/core/import/mapping/survey-keys", test_mapping_keys);
  g_test_add_func ("/core/import/mapping/errors", test_mapping_errors);

  return g_test_run ();
}

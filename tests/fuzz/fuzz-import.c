/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target (RELIABILITY.md R14): the CSV reader, the mapping and the importer's
 * checking pass (the dry run: it reads and checks every row, and writes nothing to the
 * workspace). An input is a mapping and a CSV file separated by a line "%%"; without it,
 * the first byte chooses one of the mappings below and the rest is the CSV file.
 *
 * `make fuzz` builds it with clang (-fsanitize=fuzzer,address,undefined) and runs it;
 * the test suite replays tests/fuzz/corpus through replay.c, with no clang needed. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecart-csv-reader.h"
#include "ecart-importer.h"
#include "ecart-import-values-private.h"
#include "ecart-template.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char * const mappings[] = {
  "[mapping]\nlayout=wide\nrespondent=id\nsegment=segment\ndate=date\nscale=1..5\nnps=nps\n"
  "verbatim=comment\n[segment-values]\nF=Families\n[columns]\nq1=lived:Warm welcome@Reception\n"
  "q2=expected:Warm welcome@Reception\n",
  "[mapping]\nlayout=long\nrespondent=respondent\nsegment=segment\nattribute=attribute\n"
  "touchpoint=touchpoint\ndimension=dimension\nscore=score\ndate=date\nscale=0..10\nnps=nps\n",
  "[mapping]\nheader-rows=0\nsegment=#1\nscale=0..10\ndecimal=,\n[columns]\n#2=vécue:Room comfort\n"
  "#3=attendue:Nouvel attribut@Nouveau point\n",
  "[mapping]\nheader-rows=3\ndelimiter=;\nencoding=windows-1252\nsegment=@Families\nscale=1..7\n"
  "[columns]\nQ1=lived:Value for money\n",
};

static EcartWorkspace *workspace;
static char *workspace_dir;

static void
remove_workspace (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (workspace != NULL)
    ecart_database_close (ecart_workspace_get_database (workspace));
  g_clear_object (&workspace);
  for (guint i = 0; workspace_dir != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("fuzz.ecart", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (workspace_dir, name, NULL);

      g_unlink (path);
    }
  if (workspace_dir != NULL)
    g_rmdir (workspace_dir);
  g_clear_pointer (&workspace_dir, g_free);
}

static EcartWorkspace *
get_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (workspace != NULL)
    return workspace;

  workspace_dir = g_dir_make_tmp ("ecart-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (workspace_dir, "fuzz.ecart", NULL);
  workspace = ecart_workspace_create (path, ECART_TEMPLATE_HOTEL, "en", &error);
  g_assert_no_error (error);
  atexit (remove_workspace);
  return workspace;
}

static void
read_all (const guint8     *data,
          size_t            size,
          EcartCsvEncoding  encoding,
          char              delimiter)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(EcartCsvReader) reader = ecart_csv_reader_new (stream, encoding, delimiter);
  g_autoptr(GError) error = NULL;

  ecart_csv_reader_set_checksum (reader, TRUE);
  while (ecart_csv_reader_read_row (reader, NULL, &error) == ECART_CSV_READ_ROW)
    {
      guint n = ecart_csv_reader_get_n_fields (reader);

      for (guint i = 0; i < n; i++)
        {
          gsize length;
          const char *text = ecart_csv_reader_get_field (reader, i, &length);
          char date[ECART_IMPORT_DATE_SIZE];
          double value;

          g_assert (text[length] == '\0');
          g_assert (g_utf8_validate (text, length, NULL));
          _ecart_import_parse_number (text, length, i % 3 == 0 ? 0 : i % 3 == 1 ? '.' : ',',
                                      &value, NULL);
          _ecart_import_parse_date (text, date);
        }
    }
  g_free (ecart_csv_reader_dup_sha256 (reader));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(EcartImportMapping) mapping = NULL;
  g_autoptr(EcartImporter) importer = NULL;
  g_autoptr(EcartImportResult) result = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *separator = NULL;

  read_all (data, size, ECART_CSV_ENCODING_AUTO, 0);
  read_all (data, size, (EcartCsvEncoding)(size % 5), ";,\t|"[size % 4]);

  for (size_t i = 0; i + 4 <= size; i++)
    if (memcmp (data + i, "\n%%\n", 4) == 0)
      {
        separator = data + i;
        break;
      }

  if (separator != NULL)
    {
      g_autofree char *text = g_strndup ((const char *)data, separator - data);

      mapping = ecart_import_mapping_new_from_data (text, &error);
      if (mapping != NULL)
        {
          g_autofree char *written = ecart_import_mapping_to_data (mapping);
          g_autoptr(EcartImportMapping) again = ecart_import_mapping_new_from_data (written, NULL);

          g_assert (again != NULL);
        }
      csv = g_bytes_new (separator + 4, size - (separator - data) - 4);
    }
  else if (size > 0)
    {
      mapping = ecart_import_mapping_new_from_data (mappings[data[0] % G_N_ELEMENTS (mappings)], &error);
      g_assert_no_error (error);
      csv = g_bytes_new (data + 1, size - 1);
    }

  if (mapping == NULL)
    return 0;

  importer = ecart_importer_new_for_bytes (get_workspace (), csv, "fuzz.csv", mapping);
  result = ecart_importer_check (importer, NULL, &error);
  if (result != NULL)
    {
      g_assert (ecart_import_result_get_rows_rejected (result) <= ecart_import_result_get_rows (result));
      for (guint i = 0; i < ecart_import_result_get_n_kept_problems (result); i++)
        g_free (ecart_import_problem_to_string (ecart_import_result_get_problem (result, i)));
    }
  return 0;
}

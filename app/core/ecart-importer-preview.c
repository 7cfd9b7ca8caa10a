/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-importer"

#include "config.h"

#include "ecart-importer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What the import dialog offers before an import: the first rows of a file with what was
 * detected, and the mappings saved in the workspace for files with the same columns. */

#define PREVIEW_MAX_ROWS 1000

G_DEFINE_BOXED_TYPE (EcartImportPreview, ecart_import_preview,
                     ecart_import_preview_copy, ecart_import_preview_free)

/* Preview ------------------------------------------------------------------------------------ */

void
ecart_import_preview_free (EcartImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

EcartImportPreview *
ecart_import_preview_copy (const EcartImportPreview *preview)
{
  EcartImportPreview *copy;

  g_return_val_if_fail (preview != NULL, NULL);

  copy = g_new0 (EcartImportPreview, 1);
  *copy = *preview;
  copy->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint i = 0; i < preview->rows->len; i++)
    g_ptr_array_add (copy->rows, g_strdupv (preview->rows->pdata[i]));
  return copy;
}

/**
 * ecart_importer_preview:
 * @encoding: the encoding, or %ECART_CSV_ENCODING_AUTO to detect it
 * @delimiter: the delimiter, or 0 to guess it
 * @max_rows: how many rows to read (at most 1,000)
 *
 * Reads the first rows of a file as they are, and what was detected (encoding, delimiter,
 * decimal comma), for the user to confirm before a mapping is made.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set when even the first
 *   rows cannot be read
 */
EcartImportPreview *
ecart_importer_preview (GFile             *file,
                        EcartCsvEncoding   encoding,
                        char               delimiter,
                        guint              max_rows,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(EcartCsvReader) reader = NULL;
  g_autoptr(EcartImportPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;
  guint commas = 0;
  guint points = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  reader = ecart_csv_reader_new (G_INPUT_STREAM (stream), encoding, delimiter);

  preview = g_new0 (EcartImportPreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  max_rows = MIN (max_rows, PREVIEW_MAX_ROWS);

  for (;;)
    {
      EcartCsvRead read = ecart_csv_reader_read_row (reader, cancellable, &local_error);
      guint n;
      char **row;

      if (read == ECART_CSV_READ_END)
        break;
      if (read == ECART_CSV_READ_ERROR)
        {
          /* What could be read is shown; a problem further on is the import's to report. */
          if (preview->rows->len == 0)
            {
              g_autofree char *name = g_file_get_basename (file);

              g_set_error (error, local_error->domain, local_error->code,
                           _("Failed to read “%s”: %s"), name, local_error->message);
              return NULL;
            }
          break;
        }
      if (preview->rows->len == max_rows)
        {
          preview->truncated = TRUE;
          break;
        }

      n = ecart_csv_reader_get_n_fields (reader);
      row = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          gsize length;
          const char *text = ecart_csv_reader_get_field (reader, i, &length);
          double value;
          gboolean comma = FALSE;

          row[i] = g_strdup (text);
          if (memchr (text, ',', length) || memchr (text, '.', length))
            if (_ecart_import_parse_number (text, length, 0, &value, &comma))
              {
                commas += comma;
                points += !comma;
              }
        }
      g_ptr_array_add (preview->rows, row);
    }

  preview->encoding = ecart_csv_reader_get_encoding (reader);
  preview->delimiter = ecart_csv_reader_get_delimiter (reader);
  preview->decimal = commas > points ? ',' : '.';
  return g_steal_pointer (&preview);
}

/* Saved mappings ------------------------------------------------------------------------------ */

static char *
join_header (const char * const *header)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    {
      g_autofree char *clean = g_strstrip (g_strdup (header[i]));

      g_strdelimit (clean, "\r\n", ' ');
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", clean);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ecart_importer_save_mapping:
 * @name: the name to save it under (replacing a mapping of that name)
 * @header: (nullable): the column names of the file it was made for
 *
 * Saves a mapping in the workspace, so that the next file with the same columns is offered
 * it (ecart_importer_find_mapping()). Not recorded for undo.
 */
gboolean
ecart_importer_save_mapping (EcartWorkspace      *workspace,
                             const char          *name,
                             EcartImportMapping  *mapping,
                             const char * const  *header,
                             GError             **error)
{
  EcartDatabase *db;
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *text = NULL;
  g_autofree char *columns = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (mapping), FALSE);

  if (!(clean = _ecart_workspace_clean_name (name, error)))
    return FALSE;
  db = ecart_workspace_get_database (workspace);
  text = ecart_import_mapping_to_data (mapping);
  columns = join_header (header);

  if (!ecart_database_begin (db, error))
    return FALSE;
  stmt = ecart_database_prepare (db,
                                 "INSERT INTO import_mapping (name, columns, mapping, updated_at) "
                                 "VALUES (?1, ?2, ?3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                                 "ON CONFLICT (name) DO UPDATE SET columns = ?2, mapping = ?3, "
                                 "updated_at = excluded.updated_at",
                                 error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, columns, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !ecart_database_run (db, stmt, error))
    {
      ecart_database_rollback (db);
      return FALSE;
    }
  return ecart_database_commit (db, error);
}

static EcartImportMapping *
mapping_from_row (sqlite3_stmt  *stmt,
                  int            column,
                  GError       **error)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  g_autoptr(GError) local_error = NULL;
  EcartImportMapping *mapping;

  mapping = ecart_import_mapping_new_from_data (text != NULL ? text : "", &local_error);
  if (mapping == NULL)
    g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                 _("The saved mapping “%s” is invalid: %s"),
                 (const char *)sqlite3_column_text (stmt, 0), local_error->message);
  return mapping;
}

/**
 * ecart_importer_load_mapping:
 *
 * Returns: (transfer full): the mapping saved as @name, or %NULL with @error set
 */
EcartImportMapping *
ecart_importer_load_mapping (EcartWorkspace  *workspace,
                             const char      *name,
                             GError         **error)
{
  EcartDatabase *db;
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  db = ecart_workspace_get_database (workspace);
  stmt = ecart_database_prepare (db, "SELECT name, mapping FROM import_mapping WHERE name = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  step = ecart_database_step (db, stmt, error);
  if (step == ECART_STEP_ERROR)
    return NULL;
  if (step == ECART_STEP_DONE)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_NOT_FOUND,
                   _("No mapping named “%s” is saved in the workspace"), name);
      return NULL;
    }
  return mapping_from_row (stmt, 1, error);
}

/**
 * ecart_importer_find_mapping:
 * @header: the column names of a file (its first header row)
 * @name: (out) (optional) (transfer full): the name it was saved under
 *
 * Returns: (transfer full) (nullable): the mapping saved last for a file with exactly
 *   these columns, or %NULL (with @error set only on a database error)
 */
EcartImportMapping *
ecart_importer_find_mapping (EcartWorkspace      *workspace,
                             const char * const  *header,
                             char               **name,
                             GError             **error)
{
  EcartDatabase *db;
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *columns = NULL;
  EcartStep step;
  EcartImportMapping *mapping;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (header != NULL, NULL);

  db = ecart_workspace_get_database (workspace);
  columns = join_header (header);
  stmt = ecart_database_prepare (db,
                                 "SELECT name, mapping FROM import_mapping WHERE columns = ? "
                                 "ORDER BY updated_at DESC, id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, columns, -1, SQLITE_TRANSIENT);
  step = ecart_database_step (db, stmt, error);
  if (step != ECART_STEP_ROW)
    return NULL;
  mapping = mapping_from_row (stmt, 1, error);
  if (mapping != NULL && name != NULL)
    *name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return mapping;
}

/* Returns: (transfer full): the names of the saved mappings, sorted. */
GStrv
ecart_importer_list_mappings (EcartWorkspace  *workspace,
                              GError         **error)
{
  EcartDatabase *db;
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);

  db = ecart_workspace_get_database (workspace);
  stmt = ecart_database_prepare (db, "SELECT name FROM import_mapping ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((step = ecart_database_step (db, stmt, error)) == ECART_STEP_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  if (step == ECART_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (builder);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-importer"

#include "config.h"

#include "ecart-importer.h"
#include "ecart-importer-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Field measurements in (DESIGN.md §3, docs/import.md).
 *
 * An import reads the file twice. The first pass reads and checks every row, in constant
 * memory, and writes nothing: it counts what would be imported, keeps the first rejected
 * rows with their line, column, value and reason, and collects the names the workspace
 * does not know. Only then, if the caller's policy allows (strict, unknown names, a file
 * already imported), the second pass reads the file again and writes the valid rows
 * through EcartWaveWriter, in one transaction that also creates the missing names and
 * writes the import_log row: all or nothing (RELIABILITY.md R1).
 *
 * In the long layout a respondent's rows may be anywhere in the file: the respondents seen
 * are kept in a temporary table (on disk, in SQLite's temporary database), not in memory. */

#define PROGRESS_ROWS     4096



G_DEFINE_FINAL_TYPE (EcartImporter, ecart_importer, G_TYPE_OBJECT)


void
_ecart_importer_source_clear (Source *source)
{
  g_clear_pointer (&source->fixed, g_free);
  source->index = -1;
}

static void
question_free (gpointer data)
{
  Question *question = data;

  g_free (question->attribute);
  g_free (question->touchpoint);
  g_free (question);
}

GHashTable *
_ecart_importer_new_id_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gint64 *
_ecart_importer_new_id (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static void
run_free (Run *run)
{
  _ecart_importer_source_clear (&run->respondent);
  _ecart_importer_source_clear (&run->date);
  _ecart_importer_source_clear (&run->segment);
  _ecart_importer_source_clear (&run->nps);
  _ecart_importer_source_clear (&run->attribute);
  _ecart_importer_source_clear (&run->touchpoint);
  _ecart_importer_source_clear (&run->dimension);
  _ecart_importer_source_clear (&run->score);
  g_clear_pointer (&run->verbatims, g_array_unref);
  g_clear_pointer (&run->questions, g_ptr_array_unref);
  g_clear_pointer (&run->header, g_ptr_array_unref);
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    {
      g_clear_pointer (&run->names[i], g_hash_table_unref);
      g_clear_pointer (&run->cache[i], g_hash_table_unref);
      g_clear_pointer (&run->unknown[i], g_hash_table_unref);
    }
  g_clear_pointer (&run->dimensions, g_hash_table_unref);
  g_clear_pointer (&run->scores, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (run->fast); i++)
    g_clear_pointer (&run->fast[i], g_free);
  if (run->current_key != NULL)
    g_string_free (run->current_key, TRUE);
  if (run->segment_text != NULL)
    g_string_free (run->segment_text, TRUE);
  if (run->dimension_text != NULL)
    g_string_free (run->dimension_text, TRUE);
  if (run->name_text != NULL)
    g_string_free (run->name_text, TRUE);
  if (run->writer != NULL)
    ecart_wave_writer_abort (run->writer);
  g_clear_object (&run->writer);
  g_clear_object (&run->workspace);
  g_clear_object (&run->mapping);
  g_clear_object (&run->result);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->self);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
ecart_importer_finalize (GObject *object)
{
  EcartImporter *self = (EcartImporter *)object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->wave_name, g_free);
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    g_clear_pointer (&self->overrides[i], g_hash_table_unref);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (ecart_importer_parent_class)->finalize (object);
}

static void
ecart_importer_class_init (EcartImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_importer_finalize;
}

static void
ecart_importer_init (EcartImporter *self)
{
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    self->overrides[i] = _ecart_importer_new_id_table ();
}

/**
 * ecart_importer_new:
 * @workspace: where to import
 * @file: the CSV file
 * @mapping: how its columns are read (copied: later changes to it are not seen)
 *
 * Returns: (transfer full): an importer; ecart_importer_check() reads and checks the file,
 *   ecart_importer_run() imports it
 */
EcartImporter *
ecart_importer_new (EcartWorkspace     *workspace,
                    GFile              *file,
                    EcartImportMapping *mapping)
{
  EcartImporter *self;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (mapping), NULL);

  self = g_object_new (ECART_TYPE_IMPORTER, NULL);
  self->workspace = g_object_ref (workspace);
  self->file = g_object_ref (file);
  self->file_name = g_file_get_basename (file);
  self->mapping = ecart_import_mapping_copy (mapping);
  return self;
}

/**
 * ecart_importer_new_for_bytes:
 * @file_name: the name the data is known by (for the wave and the import log)
 *
 * Like ecart_importer_new(), for data already in memory (a drop, a paste, a test).
 */
EcartImporter *
ecart_importer_new_for_bytes (EcartWorkspace     *workspace,
                              GBytes             *bytes,
                              const char         *file_name,
                              EcartImportMapping *mapping)
{
  EcartImporter *self;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (mapping), NULL);

  self = g_object_new (ECART_TYPE_IMPORTER, NULL);
  self->workspace = g_object_ref (workspace);
  self->bytes = g_bytes_ref (bytes);
  self->file_name = g_strdup (file_name);
  self->mapping = ecart_import_mapping_copy (mapping);
  return self;
}

EcartWorkspace *
ecart_importer_get_workspace (EcartImporter *self)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  return self->workspace;
}

/* Returns: (nullable) (transfer none): the file, unless the importer reads bytes. */
GFile *
ecart_importer_get_file (EcartImporter *self)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  return self->file;
}

EcartImportMapping *
ecart_importer_get_mapping (EcartImporter *self)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  return self->mapping;
}

/**
 * ecart_importer_set_wave_name:
 * @name: (nullable): the wave's name; without it, the mapping's `wave`, else the file's
 *   name without its extension and today's date ("spring-survey 2025-03-14")
 */
void
ecart_importer_set_wave_name (EcartImporter *self,
                              const char    *name)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));

  g_free (self->wave_name);
  self->wave_name = name != NULL && name[0] != '\0' ? g_strstrip (g_strdup (name)) : NULL;
}

/* Returns: (transfer full): the name the wave will have. */
char *
ecart_importer_dup_wave_name (EcartImporter *self)
{
  const char *from_mapping;
  g_autofree char *base = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  char *dot;

  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);

  if (self->wave_name != NULL)
    return g_strdup (self->wave_name);
  from_mapping = ecart_import_mapping_get (self->mapping, "wave");
  if (from_mapping != NULL)
    return g_strdup (from_mapping);

  base = g_utf8_make_valid (self->file_name, -1);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  return g_strdup_printf ("%s %s", base, today);
}

/* Creates, in the same transaction as the import, the segments, attributes and touchpoints
 * the file names and the workspace lacks (see docs/import.md for where they go). Without
 * it, such names make the import fail with the list of them. */
void
ecart_importer_set_create_missing (EcartImporter *self,
                                   gboolean       create_missing)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));
  self->create_missing = !!create_missing;
}

/* Imports nothing when a row is rejected (else the valid rows are imported). */
void
ecart_importer_set_strict (EcartImporter *self,
                           gboolean       strict)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));
  self->strict = !!strict;
}

/* Imports a file even if the same file (same SHA-256) was imported before. */
void
ecart_importer_set_force (EcartImporter *self,
                          gboolean       force)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));
  self->force = !!force;
}

char *
_ecart_importer_fold_name (const char *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));

  return g_utf8_casefold (clean, -1);
}

/**
 * ecart_importer_map_name:
 * @name: a name as the file (or, for segments, [segment-values]) gives it
 * @id: the existing segment, attribute or touchpoint it stands for, or 0 to forget it
 *
 * Reads @name as the item @id of the workspace: what the dialog offers for a name the
 * workspace does not know. Case is ignored, as for every name.
 */
void
ecart_importer_map_name (EcartImporter       *self,
                         EcartImportNameKind  kind,
                         const char          *name,
                         gint64               id)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));
  g_return_if_fail ((guint)kind < ECART_IMPORT_N_NAME_KINDS);
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));

  if (id > 0)
    g_hash_table_insert (self->overrides[kind], _ecart_importer_fold_name (name),
                         _ecart_importer_new_id (id));
  else
    {
      g_autofree char *folded = _ecart_importer_fold_name (name);

      g_hash_table_remove (self->overrides[kind], folded);
    }
}

void
ecart_importer_set_progress_func (EcartImporter           *self,
                                  EcartImportProgressFunc  func,
                                  gpointer                 user_data,
                                  GDestroyNotify           destroy)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/**
 * ecart_importer_get_result:
 *
 * Returns: (transfer none) (nullable): what the last check or run found, also when it
 *   failed for a reason of the data (unknown names, rejected rows in strict mode, a file
 *   already imported): the dialog shows it
 */
EcartImportResult *
ecart_importer_get_result (EcartImporter *self)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  return self->result;
}

/* Progress ---------------------------------------------------------------------------------- */

typedef struct
{
  EcartImporter    *self;
  EcartImportPhase  phase;
  double            fraction;
} ProgressCall;

static gboolean
call_progress_cb (gpointer data)
{
  ProgressCall *call = data;

  if (call->self->progress != NULL)
    call->self->progress (call->phase, call->fraction, call->self->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_object_unref (call->self);
  g_free (call);
}

static void
report_progress (Run              *run,
                 EcartImportPhase  phase,
                 double            fraction)
{
  EcartImporter *self = run->self;
  ProgressCall *call;
  GSource *source;

  if (self->progress == NULL)
    return;
  fraction = CLAMP (fraction, 0.0, 1.0);

  if (!run->in_thread)
    {
      self->progress (phase, fraction, self->progress_data);
      return;
    }

  /* Not g_main_context_invoke(): it calls at once, in this thread, whenever the context
   * happens to be free. An idle source is always dispatched by the context's owner. */
  call = g_new0 (ProgressCall, 1);
  call->self = g_object_ref (self);
  call->phase = phase;
  call->fraction = fraction;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, call_progress_cb, call, progress_call_free);
  g_source_set_static_name (source, "[ecart] import progress");
  g_source_attach (source, self->progress_context);
  g_source_unref (source);
}

/* Opening the file ------------------------------------------------------------------------- */

static GInputStream *
open_stream (Run     *run,
             GError **error)
{
  EcartImporter *self = run->self;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  if (self->bytes != NULL)
    {
      run->file_size = g_bytes_get_size (self->bytes);
      return g_memory_input_stream_new_from_bytes (self->bytes);
    }

  stream = g_file_read (self->file, run->cancellable, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           run->cancellable, NULL);
  if (stream == NULL)
    {
      g_autofree char *name = g_utf8_make_valid (self->file_name, -1);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, local_error->code, _("Failed to read “%s”: %s"),
                     name, local_error->message);
      return NULL;
    }
  run->file_size = info != NULL ? (guint64)g_file_info_get_size (info) : 0;
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

static void
file_error (Run         *run,
            GError     **error,
            GError      *cause)
{
  g_autofree char *name = g_utf8_make_valid (run->self->file_name, -1);

  if (cause->domain == G_IO_ERROR && cause->code == G_IO_ERROR_CANCELLED)
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, cause->domain, cause->code, _("Failed to import “%s”: %s"), name,
                 cause->message);
}

/* Passes ------------------------------------------------------------------------------------ */

static gboolean
read_header (Run             *run,
             EcartCsvReader  *reader,
             gboolean        *peeked,
             GError         **error)
{
  guint header_rows = ecart_import_mapping_get_header_rows (run->mapping);
  g_autoptr(GError) local_error = NULL;
  EcartCsvRead read = ECART_CSV_READ_END;

  *peeked = FALSE;
  for (guint i = 0; i < MAX (header_rows, 1); i++)
    {
      read = ecart_csv_reader_read_row (reader, run->cancellable, &local_error);
      if (read != ECART_CSV_READ_ROW)
        break;
      if (i == 0)
        {
          guint n = ecart_csv_reader_get_n_fields (reader);

          run->n_columns = n;
          if (run->header == NULL)
            {
              run->header = g_ptr_array_new_with_free_func (g_free);
              for (guint f = 0; f < n; f++)
                g_ptr_array_add (run->header,
                                 header_rows > 0
                                 ? g_strstrip (g_strdup (ecart_csv_reader_get_field (reader, f, NULL)))
                                 : g_strdup_printf ("#%u", f + 1));
            }
        }
    }

  if (read == ECART_CSV_READ_ERROR)
    {
      file_error (run, error, local_error);
      return FALSE;
    }
  if (read == ECART_CSV_READ_END)
    {
      g_autofree char *name = g_utf8_make_valid (run->self->file_name, -1);

      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_EMPTY,
                   header_rows > 0
                   ? _("Failed to import “%s”: the file has no header row (or fewer header rows than "
                       "the mapping says)")
                   : _("Failed to import “%s”: the file is empty"),
                   name);
      return FALSE;
    }
  *peeked = header_rows == 0;
  return TRUE;
}

static gboolean
run_pass (Run      *run,
          gboolean  writing,
          GError  **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(EcartCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  EcartImportPhase phase = writing ? ECART_IMPORT_PHASE_WRITING : ECART_IMPORT_PHASE_CHECKING;
  gboolean peeked = FALSE;
  guint64 count = 0;
  guint64 valid = 0;

  if (!(stream = open_stream (run, error)))
    return FALSE;

  run->writing = writing;
  run->has_current = FALSE;
  /* Names may be created, or deleted by another program, between the passes. */
  for (guint i = 0; i < G_N_ELEMENTS (run->fast); i++)
    memset (run->fast[i], 0, ECART_IMPORTER_FAST_SLOTS * sizeof (FastValue));
  run->last_date_raw[0] = '\0';
  reader = ecart_csv_reader_new (stream, run->encoding, run->delimiter);
  ecart_csv_reader_set_checksum (reader, !writing);
  report_progress (run, phase, 0);

  if (!read_header (run, reader, &peeked, error))
    return FALSE;

  if (!writing)
    {
      run->encoding = ecart_csv_reader_get_encoding (reader);
      run->delimiter = ecart_csv_reader_get_delimiter (reader);
      run->result->encoding = run->encoding;
      run->result->delimiter = run->delimiter;
      run->result->header = g_new0 (char *, run->header->len + 1);
      for (guint i = 0; i < run->header->len; i++)
        run->result->header[i] = g_strdup (run->header->pdata[i]);
      if (!_ecart_importer_resolve_columns (run, error))
        return FALSE;
    }

  for (;;)
    {
      EcartCsvRead read;
      RowStatus status;
      Row row = { 0 };
      gboolean skipped = FALSE;

      if (peeked)
        {
          read = ECART_CSV_READ_ROW;
          peeked = FALSE;
        }
      else
        read = ecart_csv_reader_read_row (reader, run->cancellable, &local_error);
      if (read == ECART_CSV_READ_END)
        break;
      if (read == ECART_CSV_READ_ERROR)
        {
          file_error (run, error, local_error);
          return FALSE;
        }

      if (++count % PROGRESS_ROWS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
            return FALSE;
          if (run->file_size > 0)
            report_progress (run, phase,
                             (double)ecart_csv_reader_get_bytes_read (reader) / run->file_size);
        }

      if (!_ecart_importer_check_row (run, reader, &row, &status, error))
        return FALSE;

      if (status == ROW_VALID && !writing && run->track_respondents && row.key != NULL)
        {
          gboolean consistent;

          if (!_ecart_importer_check_respondent (run, reader, &row, &consistent, error))
            return FALSE;
          if (!consistent)
            status = ROW_REJECTED;
        }

      if (!writing)
        {
          if (status == ROW_EMPTY)
            run->result->rows_empty++;
          else
            {
              run->result->rows++;
              if (status == ROW_REJECTED)
                run->result->rows_rejected++;
            }
          if (status == ROW_VALID)
            {
              valid++;
              /* What the second pass will write. */
              if (ecart_import_mapping_get_layout (run->mapping) == ECART_IMPORT_LAYOUT_WIDE)
                {
                  run->result->respondents++;
                  for (guint i = 0; i < run->questions->len; i++)
                    run->result->measurements += !isnan (run->scores[i]);
                  run->result->recommendations += row.nps >= 0;
                }
              else
                {
                  if (!run->track_respondents || row.key == NULL)
                    {
                      run->result->respondents++;
                      run->result->recommendations += row.nps >= 0;
                    }
                  run->result->measurements += !isnan (row.score);
                }
              run->result->verbatims += _ecart_importer_count_verbatims (run, reader);
            }
          continue;
        }

      if (status != ROW_VALID)
        continue;
      if (!_ecart_importer_write_row (run, reader, &row, &skipped, error))
        return FALSE;
      valid += !skipped;
    }

  if (!writing)
    {
      run->result->sha256 = ecart_csv_reader_dup_sha256 (reader);
      run->valid_rows = valid;
    }
  else if (valid != run->valid_rows || ecart_csv_reader_get_bytes_read (reader) != run->pass_bytes)
    {
      g_autofree char *name = g_utf8_make_valid (run->self->file_name, -1);

      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_EMPTY,
                   _("Failed to import “%s”: the file changed while it was being imported"), name);
      return FALSE;
    }
  run->pass_bytes = ecart_csv_reader_get_bytes_read (reader);
  report_progress (run, phase, 1);
  return TRUE;
}

static void
reset_for_retry (Run *run)
{
  g_autofree char *file_name = g_strdup (run->result->file_name);
  g_autofree char *wave_name = g_strdup (run->result->wave_name);

  _ecart_import_result_reset (run->result);
  run->result->file_name = g_steal_pointer (&file_name);
  run->result->wave_name = g_steal_pointer (&wave_name);
  run->result->decimal = '.';
  _ecart_importer_source_clear (&run->respondent);
  _ecart_importer_source_clear (&run->date);
  _ecart_importer_source_clear (&run->segment);
  _ecart_importer_source_clear (&run->nps);
  _ecart_importer_source_clear (&run->attribute);
  _ecart_importer_source_clear (&run->touchpoint);
  _ecart_importer_source_clear (&run->dimension);
  _ecart_importer_source_clear (&run->score);
  g_array_set_size (run->verbatims, 0);
  g_ptr_array_set_size (run->questions, 0);
  g_clear_pointer (&run->header, g_ptr_array_unref);
  g_clear_pointer (&run->scores, g_free);
  for (guint i = 0; i < ECART_IMPORT_N_NAME_KINDS; i++)
    g_hash_table_remove_all (run->unknown[i]);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* The names met that the workspace lacks, sorted, into the result. */
static void
collect_unknown_names (Run *run)
{
  for (guint kind = 0; kind < ECART_IMPORT_N_NAME_KINDS; kind++)
    {
      GPtrArray *names = run->result->unknown[kind];
      GHashTableIter iter;
      gpointer value;

      g_ptr_array_set_size (names, 0);
      g_hash_table_iter_init (&iter, run->unknown[kind]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (names, g_strdup (value));
      g_ptr_array_sort (names, compare_names);
      g_ptr_array_add (names, NULL);
    }
}

static gboolean
check_pass (Run      *run,
            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *handle = ecart_database_get_handle (run->db);
  gboolean long_layout = ecart_import_mapping_get_layout (run->mapping) == ECART_IMPORT_LAYOUT_LONG;
  gboolean retried_encoding = FALSE;
  gboolean ok;

  /* Respondents in key order need no table of the keys met (see Run). */
  run->keys_sorted = TRUE;

  for (;;)
    {
      run->unsorted_restart = FALSE;
      if (long_layout && !run->keys_sorted && !_ecart_importer_prepare_respondents (run, error))
        return FALSE;

      /* The temporary table's rows in one transaction; the workspace's own tables are not
       * touched (a deferred transaction takes no lock on them). */
      sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL);
      ok = run_pass (run, FALSE, &local_error);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
      if (ok)
        break;

      if (run->unsorted_restart)
        {
          g_debug ("Respondents out of key order: checking again, with a table of them");
          g_clear_error (&local_error);
          reset_for_retry (run);
          run->keys_sorted = FALSE;
          continue;
        }

      /* Guessed UTF-8 on the first chunk, but a byte further on is not: the file is
       * Windows-1252 after all (a French Excel file whose first accent comes late). */
      if (g_error_matches (local_error, ECART_CSV_ERROR, ECART_CSV_ERROR_ENCODING)
          && !retried_encoding
          && ecart_import_mapping_get_encoding (run->mapping) == ECART_CSV_ENCODING_AUTO
          && run->encoding == ECART_CSV_ENCODING_UTF8)
        {
          g_clear_error (&local_error);
          reset_for_retry (run);
          run->encoding = ECART_CSV_ENCODING_WINDOWS_1252;
          retried_encoding = TRUE;
          continue;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  collect_unknown_names (run);
  return TRUE;
}

/* A list of quoted names, as the messages show them: “A”, “B”, “C”. */
char *
_ecart_importer_quote_names (const char * const *names,
                             guint               n_names,
                             gboolean            more)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between two names of a list */
        g_string_append (list, _(", "));
      /* TRANSLATORS: one name of a list, quoted */
      g_string_append_printf (list, _("“%s”"), names[i]);
    }
  if (more)
    {
      g_string_append (list, _(", "));
      g_string_append (list, "…");
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
append_names (GString             *text,
              const char * const  *names,
              gboolean             more,
              EcartImportNameKind  kind)
{
  g_autofree char *list = NULL;

  if (names[0] == NULL)
    return;
  list = _ecart_importer_quote_names (names, g_strv_length ((char **)names), more);
  g_string_append_c (text, ' ');
  switch (kind)
    {
    case ECART_IMPORT_NAME_SEGMENT:
      g_string_append_printf (text, _("Segments it does not have: %s."), list);
      break;
    case ECART_IMPORT_NAME_ATTRIBUTE:
      g_string_append_printf (text, _("Attributes it does not have: %s."), list);
      break;
    case ECART_IMPORT_NAME_TOUCHPOINT:
    default:
      g_string_append_printf (text, _("Touchpoints it does not have: %s."), list);
      break;
    }
}

static gboolean
check_policy (Run      *run,
              GError  **error)
{
  EcartImporter *self = run->self;
  EcartImportResult *result = run->result;
  g_autofree char *name = g_utf8_make_valid (self->file_name, -1);
  gboolean unknown = FALSE;

  for (guint kind = 0; kind < ECART_IMPORT_N_NAME_KINDS; kind++)
    unknown |= result->unknown[kind]->pdata[0] != NULL;

  if (unknown && !self->create_missing)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint kind = 0; kind < ECART_IMPORT_N_NAME_KINDS; kind++)
        append_names (names, ecart_import_result_get_unknown_names (result, kind),
                      result->unknown_truncated, kind);
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_UNKNOWN_NAMES,
                   _("Failed to import “%s”: the file names items the workspace does not "
                     "have.%s Create them, map them to existing ones, or correct the file or "
                     "the mapping."),
                   name, names->str);
      return FALSE;
    }

  if (result->rows_rejected > 0 && self->strict)
    {
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Failed to import “%s”: %llu row was rejected, "
                                "and nothing is imported in strict mode",
                                "Failed to import “%s”: %llu rows were rejected, "
                                "and nothing is imported in strict mode",
                                result->rows_rejected),
                   name, (unsigned long long)result->rows_rejected);
      return FALSE;
    }

  if (run->valid_rows == 0)
    {
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_NOTHING,
                   result->rows_rejected > 0
                   ? _("Failed to import “%s”: every row was rejected")
                   : _("Failed to import “%s”: the file has no answer to import"),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
find_previous_import (Run      *run,
                      GError  **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  if (run->result->sha256 == NULL)
    return TRUE;
  stmt = ecart_database_prepare (run->db,
                                 "SELECT l.file_name, substr (l.imported_at, 1, 10), w.name "
                                 "FROM import_log l LEFT JOIN wave w ON w.id = l.wave_id "
                                 "WHERE l.sha256 = ? ORDER BY l.id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, run->result->sha256, -1, SQLITE_TRANSIENT);
  step = ecart_database_step (run->db, stmt, error);
  if (step == ECART_STEP_ERROR)
    return FALSE;
  if (step == ECART_STEP_ROW)
    {
      const char *file = (const char *)sqlite3_column_text (stmt, 0);
      const char *date = (const char *)sqlite3_column_text (stmt, 1);
      const char *wave = (const char *)sqlite3_column_text (stmt, 2);

      if (wave != NULL)
        run->result->previous_import =
          g_strdup_printf (_("“%s” was imported on %s into the wave “%s”"), file, date, wave);
      else
        run->result->previous_import =
          g_strdup_printf (_("“%s” was imported on %s (its wave was deleted since)"), file, date);
    }
  return TRUE;
}

static gboolean
write_log (Run      *run,
           GError  **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *mapping = ecart_import_mapping_to_data (run->mapping);
  g_autofree char *name = g_utf8_make_valid (run->self->file_name, -1);

  stmt = ecart_database_prepare (run->db,
                                 "INSERT INTO import_log (wave_id, file_name, sha256, imported_at, "
                                 "respondents, measurements, rejected, mapping) VALUES "
                                 "(?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ecart_wave_writer_get_wave_id (run->writer));
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, run->result->sha256 != NULL ? run->result->sha256 : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (gint64)run->result->respondents);
  sqlite3_bind_int64 (stmt, 5, (gint64)run->result->measurements);
  sqlite3_bind_int64 (stmt, 6, (gint64)run->result->rows_rejected);
  sqlite3_bind_text (stmt, 7, mapping, -1, SQLITE_TRANSIENT);
  return ecart_database_run (run->db, stmt, error);
}

static gboolean
write_pass (Run      *run,
            GError  **error)
{
  g_autofree char *source = g_utf8_make_valid (run->self->file_name, -1);
  EcartImportResult *result = run->result;
  guint64 respondents = result->respondents;
  guint64 measurements = result->measurements;
  gint64 start;

  run->writer = ecart_wave_writer_begin (run->workspace, result->wave_name, "survey", source,
                                         error);
  if (run->writer == NULL)
    return FALSE;

  /* The items the question columns measure, created now if they must be. */
  for (guint i = 0; i < run->questions->len; i++)
    {
      Question *question = run->questions->pdata[i];
      g_autofree char *reason = NULL;

      if (_ecart_importer_resolve_name (run, ECART_IMPORT_NAME_ATTRIBUTE, question->attribute,
                        &question->attribute_id, &reason, error) != NAME_KNOWN
          || (question->touchpoint != NULL
              && _ecart_importer_resolve_name (run, ECART_IMPORT_NAME_TOUCHPOINT, question->touchpoint,
                               &question->touchpoint_id, &reason, error) != NAME_KNOWN))
        {
          if (reason != NULL)
            g_set_error_literal (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING, reason);
          return FALSE;
        }
    }

  /* Counted again while written: they must come out the same. */
  start = g_get_monotonic_time ();
  result->respondents = result->measurements = result->recommendations = result->verbatims = 0;
  if (!run_pass (run, TRUE, error))
    return FALSE;
  g_debug ("Wrote the rows in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  if (run->track_respondents)
    result->respondents = respondents;

  if (result->measurements != measurements)
    {
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_EMPTY,
                   _("Failed to import “%s”: the file changed while it was being imported"),
                   source);
      return FALSE;
    }

  if (!write_log (run, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  result->wave_id = ecart_wave_writer_get_wave_id (run->writer);
  start = g_get_monotonic_time ();
  if (!ecart_wave_writer_commit (run->writer, error))
    return FALSE;
  g_debug ("Committed the wave in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  g_clear_object (&run->writer);
  result->written = TRUE;
  return TRUE;
}

static Run *
run_new (EcartImporter  *self,
         EcartWorkspace *workspace,
         gboolean        check_only,
         GCancellable   *cancellable)
{
  Run *run = g_new0 (Run, 1);

  run->self = g_object_ref (self);
  run->workspace = g_object_ref (workspace);
  run->db = ecart_workspace_get_database (workspace);
  run->mapping = g_object_ref (self->mapping);
  run->result = g_object_new (ECART_TYPE_IMPORT_RESULT, NULL);
  run->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  run->check_only = check_only;
  run->verbatims = g_array_new (FALSE, FALSE, sizeof (int));
  run->questions = g_ptr_array_new_with_free_func (question_free);
  run->current_key = g_string_new (NULL);
  run->segment_text = g_string_new (NULL);
  run->dimension_text = g_string_new (NULL);
  run->name_text = g_string_new (NULL);
  run->dimensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (run->fast); i++)
    run->fast[i] = g_new0 (FastValue, ECART_IMPORTER_FAST_SLOTS);
  run->encoding = ecart_import_mapping_get_encoding (self->mapping);
  run->delimiter = ecart_import_mapping_get_delimiter (self->mapping);
  run->decimal = ecart_import_mapping_get_decimal (self->mapping);
  ecart_import_mapping_get_scale (self->mapping, &run->scale_min, &run->scale_max);
  {
    g_auto(GStrv) values = ecart_import_mapping_dup_segment_values (self->mapping);

    run->has_segment_values = values[0] != NULL;
  }
  _ecart_importer_source_clear (&run->respondent);
  _ecart_importer_source_clear (&run->date);
  _ecart_importer_source_clear (&run->segment);
  _ecart_importer_source_clear (&run->nps);
  _ecart_importer_source_clear (&run->attribute);
  _ecart_importer_source_clear (&run->touchpoint);
  _ecart_importer_source_clear (&run->dimension);
  _ecart_importer_source_clear (&run->score);
  return run;
}

/* Runs an import (or only its check) on @workspace, which is the importer's own or, for the
 * async functions, one of the worker thread. Returns the result even when it failed for a
 * reason of the data (@error set): the caller keeps it for ecart_importer_get_result(). */
static EcartImportResult *
run_import (Run      *run,
            GError  **error)
{
  EcartImporter *self = run->self;
  EcartImportResult *result = run->result;
  gint64 start;
  gboolean ok;

  result->file_name = g_strdup (self->file_name);
  result->wave_name = ecart_importer_dup_wave_name (self);

  if (!ecart_import_mapping_validate (run->mapping, error))
    return NULL;

  if (!run->check_only)
    {
      g_autofree char *clean = _ecart_workspace_clean_name (result->wave_name, error);

      if (clean == NULL)
        return NULL;
      if (ecart_workspace_find_by_name (run->workspace, ecart_workspace_get_waves (run->workspace),
                                        clean) != NULL)
        {
          g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_EXISTS,
                       _("A wave named “%s” already exists"), clean);
          return NULL;
        }
    }

  _ecart_importer_load_names (run, ECART_IMPORT_NAME_SEGMENT,
                              ecart_workspace_get_segments (run->workspace));
  _ecart_importer_load_names (run, ECART_IMPORT_NAME_ATTRIBUTE,
                              ecart_workspace_get_attributes (run->workspace));
  _ecart_importer_load_names (run, ECART_IMPORT_NAME_TOUCHPOINT,
                              ecart_workspace_get_touchpoints (run->workspace));

  /* A dry run on a file opened read-only still keeps the respondents met in a temporary
   * table (see Run). */
  if (!ecart_database_allow_temp_writes (run->db, TRUE, error))
    return NULL;
  start = g_get_monotonic_time ();
  ok = check_pass (run, error);
  g_debug ("Checked the file in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  if (ok)
    {
      /* Names of the mapping itself ([columns]) are checked once, as names of the file. */
      for (guint i = 0; i < run->questions->len; i++)
        {
          Question *question = run->questions->pdata[i];
          g_autofree char *reason = NULL;
          gint64 id;

          if (_ecart_importer_resolve_name (run, ECART_IMPORT_NAME_ATTRIBUTE, question->attribute,
                                            &id, &reason, NULL) == NAME_INVALID
              || (question->touchpoint != NULL
                  && _ecart_importer_resolve_name (run, ECART_IMPORT_NAME_TOUCHPOINT,
                                                   question->touchpoint, &id, &reason,
                                                   NULL) == NAME_INVALID))
            {
              g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                           _("The column “%s” of [columns] names an invalid item: %s"),
                           (char *)run->header->pdata[question->index], reason);
              ok = FALSE;
              break;
            }
        }
      if (ok && run->questions->len > 0)
        collect_unknown_names (run);
    }
  ok = ok && find_previous_import (run, error);

  if (ok && result->previous_import != NULL && !self->force && !run->check_only)
    {
      g_autofree char *name = g_utf8_make_valid (self->file_name, -1);

      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_ALREADY_IMPORTED,
                   _("Failed to import “%s”: this file was imported before (%s)"),
                   name, result->previous_import);
      ok = FALSE;
    }

  if (ok && !run->check_only)
    ok = check_policy (run, error) && write_pass (run, error);

  _ecart_importer_drop_respondents (run);
  if (!ecart_database_allow_temp_writes (run->db, FALSE, ok ? error : NULL))
    ok = FALSE;

  if (!ok && (error == NULL || *error == NULL || (*error)->domain != ECART_IMPORT_ERROR
              || (*error)->code == ECART_IMPORT_ERROR_MAPPING
              || (*error)->code == ECART_IMPORT_ERROR_COLUMN
              || (*error)->code == ECART_IMPORT_ERROR_EMPTY))
    return NULL;
  return g_object_ref (result);
}

static EcartImportResult *
run_sync (EcartImporter  *self,
          gboolean        check_only,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(Run) run = run_new (self, self->workspace, check_only, cancellable);
  g_autoptr(EcartImportResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  result = run_import (run, &local_error);
  g_set_object (&self->result, result);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * ecart_importer_check:
 *
 * Reads and checks the whole file, writing nothing: a dry run. The result says what would
 * be imported and what would be rejected, and which names the workspace lacks.
 *
 * Returns: (transfer full): the result, or %NULL with @error set when the file cannot be
 *   read with the mapping (then ecart_importer_get_result() may still tell more)
 */
EcartImportResult *
ecart_importer_check (EcartImporter  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  return run_sync (self, TRUE, cancellable, error);
}

/**
 * ecart_importer_run:
 *
 * Imports the file into one new wave: reads and checks it all, then, unless the policy
 * refuses (unknown names without create-missing, a rejected row in strict mode, a file
 * imported before without force, nothing to import), writes the valid rows in one
 * transaction. Cancelling, or any error, leaves the workspace as it was.
 *
 * Returns: (transfer full): the result, or %NULL with @error set (see
 *   ecart_importer_get_result() for what the check found)
 */
EcartImportResult *
ecart_importer_run (EcartImporter  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  return run_sync (self, FALSE, cancellable, error);
}

/* Async: the worker thread opens the workspace file again (its own SQLite connection and
 * its own lists), so nothing of the caller's workspace is touched off its thread; when it
 * is done, the caller's workspace is reloaded in its main context. */

typedef struct
{
  gboolean           check_only;
  char              *path;
  EcartImportResult *result;
  GError            *error;
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *async = data;

  g_free (async->path);
  g_clear_object (&async->result);
  g_clear_error (&async->error);
  g_free (async);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EcartImporter *self = source_object;
  AsyncData *async = task_data;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(Run) run = NULL;

  workspace = ecart_workspace_open (async->path, ECART_DATABASE_FLAGS_NONE, &async->error);
  if (workspace == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  run = run_new (self, workspace, async->check_only, cancellable);
  run->in_thread = TRUE;
  async->result = run_import (run, &async->error);
  g_clear_pointer (&run, run_free);
  ecart_database_close (ecart_workspace_get_database (workspace));
  g_task_return_boolean (task, TRUE);
}

static void
on_thread_done_cb (GObject      *object,
                   GAsyncResult *thread_result,
                   gpointer      user_data)
{
  EcartImporter *self = ECART_IMPORTER (object);
  g_autoptr(GTask) task = user_data;
  AsyncData *async = g_task_get_task_data (G_TASK (thread_result));

  g_set_object (&self->result, async->result);
  if (async->result != NULL && async->result->written)
    {
      g_autoptr(GError) error = NULL;

      if (!ecart_workspace_reload (self->workspace, &error))
        g_warning ("Failed to reload the workspace after an import: %s", error->message);
    }

  if (async->error != NULL)
    g_task_return_error (task, g_steal_pointer (&async->error));
  else
    g_task_return_pointer (task, g_object_ref (async->result), g_object_unref);
}

static void
start_async (EcartImporter       *self,
             gboolean             check_only,
             gpointer             tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) thread = NULL;
  AsyncData *async = g_new0 (AsyncData, 1);

  g_task_set_source_tag (task, tag);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();

  async->check_only = check_only;
  async->path = g_strdup (ecart_workspace_get_path (self->workspace));
  thread = g_task_new (self, cancellable, on_thread_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (thread, async, async_data_free);
  g_task_set_return_on_cancel (thread, FALSE);
  g_task_run_in_thread (thread, run_in_thread);
}

void
ecart_importer_check_async (EcartImporter       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));
  start_async (self, TRUE, ecart_importer_check_async, cancellable, callback, user_data);
}

EcartImportResult *
ecart_importer_check_finish (EcartImporter  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ecart_importer_run_async:
 *
 * ecart_importer_run() on a worker thread. The progress function is called in the main
 * context of the caller; when the import is written, the importer's workspace is reloaded
 * (and emits EcartWorkspace::changed) before @callback runs.
 */
void
ecart_importer_run_async (EcartImporter       *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (ECART_IS_IMPORTER (self));
  start_async (self, FALSE, ecart_importer_run_async, cancellable, callback, user_data);
}

EcartImportResult *
ecart_importer_run_finish (EcartImporter  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_return_val_if_fail (ECART_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-importer"

#include "config.h"

#include "ecart-importer-private.h"
#include "ecart-csv-reader-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The rows of an import: finding the mapping's columns in the file, reading and checking a
 * row (both passes do it the same way), the names it refers to, and writing a valid row
 * through the wave writer (second pass). */

/* Columns ------------------------------------------------------------------------------------ */

static gboolean
find_column (Run         *run,
             const char  *key,
             const char  *reference,
             int         *index,
             GError     **error)
{
  int found = -1;

  if (reference[0] == '#' && reference[1] != '\0')
    {
      guint64 n = 0;

      if (g_ascii_string_to_unsigned (reference + 1, 10, 1, G_MAXINT, &n, NULL))
        {
          if (n > run->n_columns)
            {
              g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_COLUMN,
                           _("The column %s named by “%s” is not in the file: it has %u columns"),
                           reference, key, run->n_columns);
              return FALSE;
            }
          *index = (int)n - 1;
          return TRUE;
        }
    }

  for (guint i = 0; i < run->header->len; i++)
    if (g_str_equal (run->header->pdata[i], reference))
      {
        if (found >= 0)
          {
            g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_COLUMN,
                         _("The column “%s” named by “%s” appears twice in the file (columns %d "
                           "and %u): name it by its number, such as #%d"),
                         reference, key, found + 1, i + 1, found + 1);
            return FALSE;
          }
        found = (int)i;
      }

  if (found < 0)
    {
      g_autofree char *columns =
        _ecart_importer_quote_names ((const char * const *)run->header->pdata,
                                     MIN (run->header->len, 12),
                                     run->header->len > 12);

      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_COLUMN,
                   _("The column “%s” named by “%s” is not in the file (its columns are %s)"),
                   reference, key, columns);
      return FALSE;
    }

  *index = found;
  return TRUE;
}

static gboolean
resolve_source (Run         *run,
                const char  *key,
                Source      *source,
                GError     **error)
{
  const char *value = ecart_import_mapping_get (run->mapping, key);

  source->index = -1;
  if (value == NULL)
    return TRUE;
  if (value[0] == '@')
    {
      source->fixed = g_strstrip (g_strdup (value + 1));
      return TRUE;
    }
  return find_column (run, key, value, &source->index, error);
}

gboolean
_ecart_importer_resolve_columns (Run     *run,
                                 GError **error)
{
  g_auto(GStrv) verbatims = NULL;
  guint n;

  if (!resolve_source (run, "respondent", &run->respondent, error)
      || !resolve_source (run, "date", &run->date, error)
      || !resolve_source (run, "segment", &run->segment, error)
      || !resolve_source (run, "nps", &run->nps, error)
      || !resolve_source (run, "attribute", &run->attribute, error)
      || !resolve_source (run, "touchpoint", &run->touchpoint, error)
      || !resolve_source (run, "dimension", &run->dimension, error)
      || !resolve_source (run, "score", &run->score, error))
    return FALSE;

  verbatims = ecart_import_mapping_dup_verbatims (run->mapping);
  for (guint i = 0; verbatims[i] != NULL; i++)
    {
      int index;

      if (!find_column (run, "verbatim", verbatims[i], &index, error))
        return FALSE;
      g_array_append_val (run->verbatims, index);
    }

  n = ecart_import_mapping_get_n_columns (run->mapping);
  for (guint i = 0; i < n; i++)
    {
      Question *question = g_new0 (Question, 1);
      const char *attribute;
      const char *touchpoint;
      const char *column;

      g_ptr_array_add (run->questions, question);
      column = ecart_import_mapping_get_column (run->mapping, i, &question->dimension,
                                                &attribute, &touchpoint);
      question->attribute = g_strdup (attribute);
      question->touchpoint = g_strdup (touchpoint);
      if (!find_column (run, column, column, &question->index, error))
        return FALSE;
    }
  run->scores = g_new (double, MAX (run->questions->len, 1));

  run->track_respondents =
    ecart_import_mapping_get_layout (run->mapping) == ECART_IMPORT_LAYOUT_LONG
    && run->respondent.index >= 0;
  return TRUE;
}

/* Names ------------------------------------------------------------------------------------- */

void
_ecart_importer_load_names (Run                 *run,
                            EcartImportNameKind  kind,
                            GListModel          *list)
{
  guint n = g_list_model_get_n_items (list);

  run->names[kind] = _ecart_importer_new_id_table ();
  run->cache[kind] = _ecart_importer_new_id_table ();
  run->unknown[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);

      g_hash_table_insert (run->names[kind], _ecart_importer_fold_name (ecart_item_get_name (item)),
                           _ecart_importer_new_id (ecart_item_get_id (item)));
    }
}

static gint64
first_id (Run        *run,
          const char *sql)
{
  return ecart_database_query_int (run->db, sql, 0, NULL);
}

/* Inside the import's transaction: a new segment, attribute or touchpoint. New attributes
 * go to the first pillar (Product & price), new touchpoints to the first stage of the
 * journey with the first channel (web); docs/import.md says so. */
static gint64
create_name (Run                  *run,
             EcartImportNameKind   kind,
             const char           *name,
             GError              **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gint64 scope = 0;

  switch (kind)
    {
    case ECART_IMPORT_NAME_SEGMENT:
      stmt = ecart_database_prepare (run->db,
                                     "INSERT INTO segment (name, position) VALUES (?1, "
                                     "(SELECT ifnull (max (position), -1) + 1 FROM segment))",
                                     error);
      break;

    case ECART_IMPORT_NAME_ATTRIBUTE:
      scope = first_id (run, "SELECT id FROM pillar ORDER BY position, id LIMIT 1");
      stmt = ecart_database_prepare (run->db,
                                     "INSERT INTO attribute (name, pillar_id, position) VALUES "
                                     "(?1, ?2, (SELECT ifnull (max (position), -1) + 1 FROM "
                                     "attribute WHERE pillar_id = ?2))",
                                     error);
      break;

    case ECART_IMPORT_NAME_TOUCHPOINT:
    default:
      scope = first_id (run, "SELECT id FROM stage ORDER BY position, id LIMIT 1");
      if (scope == 0)
        {
          g_autoptr(EcartStatement) stage = NULL;

          stage = ecart_database_prepare (run->db,
                                          "INSERT INTO stage (name, position) VALUES (?, 0)",
                                          error);
          if (stage == NULL)
            return 0;
          sqlite3_bind_text (stage, 1, _("Imported touchpoints"), -1, SQLITE_TRANSIENT);
          if (!ecart_database_run (run->db, stage, error))
            return 0;
          scope = ecart_database_last_insert_id (run->db);
        }
      stmt = ecart_database_prepare (run->db,
                                     "INSERT INTO touchpoint (name, stage_id, channel_id, position) "
                                     "VALUES (?1, ?2, (SELECT id FROM channel ORDER BY position, id "
                                     "LIMIT 1), (SELECT ifnull (max (position), -1) + 1 FROM "
                                     "touchpoint WHERE stage_id = ?2))",
                                     error);
      break;
    }

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (scope > 0)
    sqlite3_bind_int64 (stmt, 2, scope);
  if (!ecart_database_run (run->db, stmt, error))
    return 0;
  run->result->created[kind]++;
  return ecart_database_last_insert_id (run->db);
}


/* Finds the id of @name. @reason is set for NAME_INVALID. */
NameStatus
_ecart_importer_resolve_name (Run                  *run,
                              EcartImportNameKind   kind,
                              const char           *name,
                              gint64               *id,
                              char                **reason,
                              GError              **error)
{
  gint64 *cached = g_hash_table_lookup (run->cache[kind], name);
  g_autofree char *folded = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GError) invalid = NULL;
  gint64 *found;

  if (cached != NULL && *cached > 0)
    {
      *id = *cached;
      return NAME_KNOWN;
    }

  folded = _ecart_importer_fold_name (name);
  found = g_hash_table_lookup (run->self->overrides[kind], folded);
  if (found == NULL)
    found = g_hash_table_lookup (run->names[kind], folded);
  if (found != NULL)
    {
      *id = *found;
      if (g_hash_table_size (run->cache[kind]) < ECART_IMPORTER_CACHE_MAX)
        g_hash_table_insert (run->cache[kind], g_strdup (name), _ecart_importer_new_id (*found));
      return NAME_KNOWN;
    }

  clean = _ecart_workspace_clean_name (name, &invalid);
  if (clean == NULL)
    {
      *reason = g_strdup (invalid->message);
      return NAME_INVALID;
    }

  *id = 0;
  if (!run->writing)
    {
      /* The first spelling met is the one reported, and created. */
      if (g_hash_table_contains (run->unknown[kind], folded))
        ;
      else if (g_hash_table_size (run->unknown[kind]) < ECART_IMPORT_MAX_UNKNOWN)
        g_hash_table_insert (run->unknown[kind], g_steal_pointer (&folded),
                             g_steal_pointer (&clean));
      else
        run->result->unknown_truncated = TRUE;
      return NAME_UNKNOWN;
    }

  /* The second pass, allowed to create it. */
  *id = create_name (run, kind, clean, error);
  if (*id == 0)
    return NAME_FAILED;
  g_hash_table_insert (run->names[kind], g_steal_pointer (&folded), _ecart_importer_new_id (*id));
  return NAME_KNOWN;
}

/* Rows ------------------------------------------------------------------------------------- */


typedef struct
{
  Run                 *run;
  EcartCsvReader      *reader;
  gboolean             rejected;
  GError             **error;     /* a database error of the second pass */
  const char          *row;       /* the reader's row and fields */
  const EcartCsvField *fields;
  guint                n_fields;
} RowCheck;

static void
reject (RowCheck   *check,
        int         index,
        const char *value,
        const char *reason)
{
  Run *run = check->run;

  check->rejected = TRUE;
  if (run->writing)
    return;
  if (index >= 0 && (guint)index < ecart_csv_reader_get_n_fields (check->reader))
    _ecart_import_result_add_problem (run->result,
                                      ecart_csv_reader_get_field_line (check->reader, index),
                                      index + 1,
                                      (guint)index < run->header->len ? run->header->pdata[index] : NULL,
                                      value, reason);
  else
    _ecart_import_result_add_problem (run->result, ecart_csv_reader_get_line (check->reader),
                                      0, NULL, value, reason);
}

static inline const char *
field (RowCheck *check,
       int       index,
       gsize    *length)
{
  if (G_UNLIKELY (index < 0 || (guint)index >= check->n_fields))
    {
      *length = 0;
      return "";
    }
  *length = check->fields[index].length;
  return check->row + check->fields[index].offset;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t')
      return FALSE;
  return TRUE;
}

/* Reads a name from a column or a fixed value, trimmed, into @buffer. Returns NULL when
 * the cell is empty. */
static const char *
source_text (RowCheck  *check,
             Source    *source,
             GString   *buffer)
{
  gsize length;
  const char *text;

  if (source->fixed != NULL)
    return source->fixed;
  if (source->index < 0)
    return NULL;
  text = field (check, source->index, &length);
  while (length > 0 && (*text == ' ' || *text == '\t'))
    text++, length--;
  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
    length--;
  if (length == 0)
    return NULL;
  g_string_truncate (buffer, 0);
  g_string_append_len (buffer, text, length);
  return buffer->str;
}

/* The trimmed bytes of @source's cell (or its fixed value), NULL when it is empty. */
static const char *
source_bytes (RowCheck *check,
              Source   *source,
              gsize    *length)
{
  const char *text;

  if (source->fixed != NULL)
    {
      *length = strlen (source->fixed);
      return source->fixed;
    }
  if (source->index < 0)
    return NULL;
  text = field (check, source->index, length);
  while (*length > 0 && (*text == ' ' || *text == '\t'))
    text++, (*length)--;
  while (*length > 0 && (text[*length - 1] == ' ' || text[*length - 1] == '\t'))
    (*length)--;
  return *length > 0 ? text : NULL;
}

/* A hash of a short value from its length and its first and last eight bytes (a slot is
 * confirmed by memcmp): names differ there, and it costs the same for any length. */
static inline guint32
fast_hash (const char *text,
           gsize       length)
{
  guint64 head = 0;
  guint64 tail = 0;
  guint64 h;

  if (length >= 8)
    {
      memcpy (&head, text, 8);
      memcpy (&tail, text + length - 8, 8);
    }
  else
    memcpy (&head, text, length);
  h = (head ^ (tail * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^ length)
      * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  return (guint32)(h >> 32);
}

/* What @text resolved to when last met (see FastValue), or 0. */
static inline gint64
fast_lookup (Run        *run,
             guint       kind,
             const char *text,
             gsize       length,
             guint32    *hash)
{
  const FastValue *slot;

  *hash = fast_hash (text, length);
  slot = &run->fast[kind][*hash % ECART_IMPORTER_FAST_SLOTS];
  if (slot->id != 0 && slot->hash == *hash && slot->length == length
      && memcmp (slot->text, text, length) == 0)
    return slot->id;
  return 0;
}

static inline void
fast_store (Run        *run,
            guint       kind,
            const char *text,
            gsize       length,
            guint32     hash,
            gint64      id)
{
  FastValue *slot = &run->fast[kind][hash % ECART_IMPORTER_FAST_SLOTS];

  if (length > sizeof slot->text || id <= 0)
    return;
  slot->hash = hash;
  slot->length = length;
  memcpy (slot->text, text, length);
  slot->id = id;
}

static gboolean
check_name (RowCheck            *check,
            EcartImportNameKind  kind,
            Source              *source,
            const char          *name,
            gint64              *id)
{
  g_autofree char *reason = NULL;
  NameStatus status = _ecart_importer_resolve_name (check->run, kind, name, id, &reason,
                                                    check->error);

  if (status == NAME_FAILED)
    return FALSE;
  if (status == NAME_INVALID)
    reject (check, source->index, name, reason);
  return TRUE;
}

static gboolean check_segment_text (RowCheck *check, Row *row);

static gboolean
check_segment (RowCheck *check,
               Row      *row)
{
  Run *run = check->run;
  gsize length;
  const char *bytes = source_bytes (check, &run->segment, &length);
  guint32 hash = 0;
  gboolean was_rejected = check->rejected;

  if (bytes != NULL
      && (row->segment_id = fast_lookup (run, ECART_IMPORT_NAME_SEGMENT, bytes, length, &hash)) > 0)
    return TRUE;
  check->rejected = FALSE;
  if (!check_segment_text (check, row))
    return FALSE;
  if (bytes != NULL && !check->rejected)
    fast_store (run, ECART_IMPORT_NAME_SEGMENT, bytes, length, hash, row->segment_id);
  check->rejected |= was_rejected;
  return TRUE;
}

static gboolean
check_segment_text (RowCheck *check,
                    Row      *row)
{
  Run *run = check->run;
  const char *value = source_text (check, &run->segment, run->segment_text);
  const char *name;

  row->segment_id = 0;
  if (value == NULL)
    {
      reject (check, run->segment.index, NULL, _("no segment"));
      return TRUE;
    }

  name = run->segment.fixed != NULL ? value
                                    : ecart_import_mapping_lookup_segment_value (run->mapping, value);
  if (name == NULL)
    {
      name = value;
      if (run->has_segment_values)
        {
          g_autofree char *folded = _ecart_importer_fold_name (value);

          /* With [segment-values], a value it does not list must be a segment's name. */
          if (!g_hash_table_contains (run->names[ECART_IMPORT_NAME_SEGMENT], folded)
              && !g_hash_table_contains (run->self->overrides[ECART_IMPORT_NAME_SEGMENT], folded))
            {
              reject (check, run->segment.index, value,
                      _("unknown segment value (not in [segment-values], and no segment has "
                        "this name)"));
              return TRUE;
            }
        }
    }

  return check_name (check, ECART_IMPORT_NAME_SEGMENT, &run->segment, name, &row->segment_id);
}

static void
check_date (RowCheck *check,
            Row      *row)
{
  Run *run = check->run;
  const char *text;
  gsize length;

  row->date = NULL;
  if (run->date.index < 0)
    return;
  text = field (check, run->date.index, &length);
  if (is_blank (text, length))
    return;

  if (length < sizeof run->last_date_raw && strcmp (text, run->last_date_raw) == 0)
    {
      if (run->last_date_ok)
        row->date = run->last_date;
      else
        reject (check, run->date.index, text,
                _("not a date (use 2025-03-14, 14/03/2025 or 2025/03/14, with or without a time)"));
      return;
    }

  run->last_date_ok = _ecart_import_parse_date (text, run->last_date);
  if (length < sizeof run->last_date_raw)
    memcpy (run->last_date_raw, text, length + 1);
  else
    run->last_date_raw[0] = '\0';
  if (run->last_date_ok)
    {
      memcpy (row->date_buffer, run->last_date, sizeof row->date_buffer);
      row->date = row->date_buffer;
    }
  else
    reject (check, run->date.index, text,
            _("not a date (use 2025-03-14, 14/03/2025 or 2025/03/14, with or without a time)"));
}

static gboolean
read_score (RowCheck *check,
            int       index,
            double   *score)
{
  Run *run = check->run;
  gboolean comma = FALSE;
  const char *text;
  gsize length;

  *score = NAN;
  text = field (check, index, &length);
  if (is_blank (text, length))
    return FALSE;
  if (!_ecart_import_parse_number (text, length, run->decimal, score, &comma))
    {
      *score = NAN;
      reject (check, index, text,
              run->decimal == '.' && strchr (text, ',') != NULL
              ? _("not a number (the mapping says decimal=.)")
              : run->decimal == ',' && strchr (text, '.') != NULL
              ? _("not a number (the mapping says decimal=,)")
              : _("not a number"));
      return FALSE;
    }
  if (comma)
    run->result->decimal = ',';
  if (*score < run->scale_min || *score > run->scale_max)
    {
      g_autofree char *reason = NULL;
      char min[G_ASCII_DTOSTR_BUF_SIZE];
      char max[G_ASCII_DTOSTR_BUF_SIZE];

      reason = g_strdup_printf (_("outside the scale %s..%s"),
                                g_ascii_dtostr (min, sizeof min, run->scale_min),
                                g_ascii_dtostr (max, sizeof max, run->scale_max));
      reject (check, index, text, reason);
      *score = NAN;
      return FALSE;
    }
  return TRUE;
}

static void
check_nps (RowCheck *check,
           Row      *row)
{
  Run *run = check->run;
  const char *text;
  gsize length;
  double value;

  row->nps = -1;
  if (run->nps.index < 0)
    return;
  text = field (check, run->nps.index, &length);
  if (is_blank (text, length))
    return;
  if (!_ecart_import_parse_number (text, length, run->decimal, &value, NULL))
    reject (check, run->nps.index, text, _("not a number"));
  else if (value != floor (value) || value < 0 || value > 10)
    reject (check, run->nps.index, text,
            _("not a likelihood to recommend (a whole number from 0 to 10)"));
  else
    row->nps = (int)value;
}

guint
_ecart_importer_count_verbatims (Run            *run,
                                 EcartCsvReader *reader)
{
  guint n = 0;

  for (guint i = 0; i < run->verbatims->len; i++)
    {
      gsize length;
      const char *text = ecart_csv_reader_get_field (reader, g_array_index (run->verbatims, int, i),
                                                     &length);

      n += !is_blank (text, length);
    }
  return n;
}

static gboolean
has_verbatim (RowCheck *check)
{
  Run *run = check->run;

  for (guint i = 0; i < run->verbatims->len; i++)
    {
      gsize length;
      const char *text = field (check, g_array_index (run->verbatims, int, i), &length);

      if (!is_blank (text, length))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_dimension (RowCheck *check,
                 Row      *row)
{
  Run *run = check->run;
  gsize length;
  const char *bytes = source_bytes (check, &run->dimension, &length);
  const char *text;
  gpointer cached;
  EcartDimension dimension;
  guint32 hash = 0;
  gint64 known;

  if (bytes != NULL
      && (known = fast_lookup (run, ECART_IMPORTER_FAST_DIMENSION, bytes, length, &hash)) > 0)
    {
      row->dimension = known - 1;
      return TRUE;
    }

  text = source_text (check, &run->dimension, run->dimension_text);
  if (text == NULL)
    {
      reject (check, run->dimension.index, NULL, _("no dimension"));
      return FALSE;
    }
  cached = g_hash_table_lookup (run->dimensions, text);
  if (cached != NULL)
    dimension = GPOINTER_TO_INT (cached) - 1;
  else
    {
      if (!ecart_dimension_from_string (text, &dimension))
        dimension = -1;
      if (g_hash_table_size (run->dimensions) < ECART_IMPORTER_CACHE_MAX)
        g_hash_table_insert (run->dimensions, g_strdup (text), GINT_TO_POINTER (dimension + 1));
    }

  if (dimension == (EcartDimension)-1)
    {
      reject (check, run->dimension.index, text,
              _("unknown dimension (use expected or lived, attendue or vécue)"));
      return FALSE;
    }
  if (dimension != ECART_DIMENSION_EXPECTED && dimension != ECART_DIMENSION_LIVED)
    {
      reject (check, run->dimension.index, text,
              _("only the expected and the lived experience are measured"));
      return FALSE;
    }
  row->dimension = dimension;
  fast_store (run, ECART_IMPORTER_FAST_DIMENSION, bytes, length, hash, (gint64)dimension + 1);
  return TRUE;
}

/* Reads the row the reader holds. Returns FALSE only on a database error of the second
 * pass (creating a name). */
gboolean
_ecart_importer_check_row (Run            *run,
                           EcartCsvReader *reader,
                           Row            *row,
                           RowStatus      *status,
                           GError        **error)
{
  RowCheck check = { run, reader, FALSE, error, NULL, NULL, 0 };
  gboolean answered = FALSE;
  guint n;

  check.row = _ecart_csv_reader_peek_row (reader, &check.fields, &check.n_fields);
  n = check.n_fields;

  /* A row of empty fields (a spreadsheet's blank line: ";;;;") is no row. */
  {
    gboolean blank = TRUE;

    for (guint i = 0; i < n && blank; i++)
      {
        gsize length;
        const char *text = field (&check, i, &length);

        blank = is_blank (text, length);
      }
    if (blank)
      {
        *status = ROW_EMPTY;
        return TRUE;
      }
  }

  if (n != run->n_columns)
    {
      g_autofree char *value = g_strdup_printf ("%u", n);
      g_autofree char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "the row has %u field, the header has %u",
                                                              "the row has %u fields, the header has %u",
                                                              n),
                                                 n, run->n_columns);

      reject (&check, -1, NULL, reason);
      *status = ROW_REJECTED;
      return TRUE;
    }

  row->external_id = NULL;
  if (run->respondent.index >= 0)
    {
      gsize length;
      const char *text = field (&check, run->respondent.index, &length);

      if (!is_blank (text, length))
        {
          row->external_id = text;
          row->key = text;
          row->key_length = length;
        }
    }

  if (!check_segment (&check, row))
    return FALSE;
  check_date (&check, row);
  check_nps (&check, row);
  answered = row->nps >= 0 || has_verbatim (&check);

  if (ecart_import_mapping_get_layout (run->mapping) == ECART_IMPORT_LAYOUT_WIDE)
    {
      for (guint i = 0; i < run->questions->len; i++)
        {
          Question *question = run->questions->pdata[i];

          if (read_score (&check, question->index, &run->scores[i]))
            answered = TRUE;
        }
    }
  else
    {
      GString *buffer = run->name_text;
      const char *name;

      row->attribute_id = row->touchpoint_id = 0;
      if (read_score (&check, run->score.index, &row->score))
        answered = TRUE;
      if (!isnan (row->score))
        {
          const char *bytes;
          gsize length;
          guint32 hash = 0;

          check_dimension (&check, row);
          if ((bytes = source_bytes (&check, &run->attribute, &length)) == NULL)
            reject (&check, run->attribute.index, NULL, _("no attribute"));
          else if ((row->attribute_id = fast_lookup (run, ECART_IMPORT_NAME_ATTRIBUTE, bytes,
                                                     length, &hash)) == 0)
            {
              name = source_text (&check, &run->attribute, buffer);
              if (!check_name (&check, ECART_IMPORT_NAME_ATTRIBUTE, &run->attribute, name,
                               &row->attribute_id))
                return FALSE;
              fast_store (run, ECART_IMPORT_NAME_ATTRIBUTE, bytes, length, hash, row->attribute_id);
            }
          if ((bytes = source_bytes (&check, &run->touchpoint, &length)) != NULL
              && (row->touchpoint_id = fast_lookup (run, ECART_IMPORT_NAME_TOUCHPOINT, bytes,
                                                    length, &hash)) == 0)
            {
              name = source_text (&check, &run->touchpoint, buffer);
              if (!check_name (&check, ECART_IMPORT_NAME_TOUCHPOINT, &run->touchpoint, name,
                               &row->touchpoint_id))
                return FALSE;
              fast_store (run, ECART_IMPORT_NAME_TOUCHPOINT, bytes, length, hash,
                          row->touchpoint_id);
            }
        }
    }

  if (check.rejected)
    *status = ROW_REJECTED;
  else if (!answered)
    *status = ROW_EMPTY;
  else
    *status = ROW_VALID;
  return TRUE;
}

/* Respondents of the long layout ------------------------------------------------------------ */

gboolean
_ecart_importer_prepare_respondents (Run     *run,
                                     GError **error)
{
  return ecart_database_exec (run->db,
                              "DROP TABLE IF EXISTS temp.ecart_import_respondent;"
                              "CREATE TEMP TABLE ecart_import_respondent ("
                              "  key TEXT PRIMARY KEY NOT NULL, segment INTEGER, "
                              "  line INTEGER, respondent_id INTEGER, "
                              "  nps_seen INTEGER NOT NULL DEFAULT 0, "
                              "  has_nps INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;",
                              error);
}

void
_ecart_importer_drop_respondents (Run *run)
{
  if (run->db != NULL && ecart_database_get_handle (run->db) != NULL)
    sqlite3_exec (ecart_database_get_handle (run->db),
                  "DROP TABLE IF EXISTS temp.ecart_import_respondent", NULL, NULL, NULL);
}

/* Byte order of respondent keys (that of the table's BINARY key): negative when @key comes
 * before @other. */
static int
compare_keys (const char    *key,
              gsize          length,
              const GString *other)
{
  int order = memcmp (key, other->str, MIN (length, other->len));

  if (order != 0)
    return order;
  return length < other->len ? -1 : length > other->len ? 1 : 0;
}

/* First pass: a respondent's first likelihood to recommend is the one kept. */
static gboolean
count_recommendation (Run      *run,
                      Row      *row,
                      GError  **error)
{
  g_autoptr(EcartStatement) update = NULL;

  if (row->nps < 0 || run->current_nps_seen)
    return TRUE;
  run->current_nps_seen = TRUE;
  run->result->recommendations++;
  if (run->keys_sorted)
    return TRUE;
  update = ecart_database_prepare (run->db,
                                   "UPDATE temp.ecart_import_respondent SET nps_seen = 1 WHERE key = ?",
                                   error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, row->key, row->key_length, SQLITE_STATIC);
  return ecart_database_run (run->db, update, error);
}

/* First pass: a respondent's rows must all be in the same segment. */
gboolean
_ecart_importer_check_respondent (Run            *run,
                                  EcartCsvReader *reader,
                                  Row            *row,
                                  gboolean       *consistent,
                                  GError        **error)
{
  g_autoptr(EcartStatement) find = NULL;
  g_autoptr(EcartStatement) insert = NULL;
  EcartStep step;

  *consistent = TRUE;
  if (run->has_current && run->current_key->len == row->key_length
      && memcmp (run->current_key->str, row->key, row->key_length) == 0)
    {
      if (row->segment_id != run->current_id)
        goto mismatch;
      return count_recommendation (run, row, error);
    }

  if (run->keys_sorted)
    {
      /* A key after the current one is a new respondent; one before it may have been met
       * already: the pass starts again, keeping a table of the keys. */
      if (run->has_current && compare_keys (row->key, row->key_length, run->current_key) < 0)
        {
          run->unsorted_restart = TRUE;
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "respondents out of order");
          return FALSE;
        }
      g_string_assign (run->current_key, "");
      g_string_append_len (run->current_key, row->key, row->key_length);
      run->has_current = TRUE;
      run->current_id = row->segment_id;
      run->result->respondents++;
      run->current_nps_seen = FALSE;
      return count_recommendation (run, row, error);
    }

  find = ecart_database_prepare (run->db,
                                 "SELECT segment, nps_seen FROM temp.ecart_import_respondent "
                                 "WHERE key = ?",
                                 error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, row->key, row->key_length, SQLITE_STATIC);
  step = ecart_database_step (run->db, find, error);
  if (step == ECART_STEP_ERROR)
    return FALSE;

  g_string_assign (run->current_key, "");
  g_string_append_len (run->current_key, row->key, row->key_length);
  run->has_current = TRUE;
  run->current_id = row->segment_id;

  if (step == ECART_STEP_ROW)
    {
      run->current_id = sqlite3_column_int64 (find, 0);
      run->current_nps_seen = sqlite3_column_int (find, 1) != 0;
      sqlite3_reset (find);
      if (run->current_id != row->segment_id)
        goto mismatch;
      return count_recommendation (run, row, error);
    }
  sqlite3_reset (find);

  insert = ecart_database_prepare (run->db,
                                   "INSERT INTO temp.ecart_import_respondent (key, segment, line) "
                                   "VALUES (?, ?, ?)",
                                   error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, row->key, row->key_length, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, row->segment_id);
  sqlite3_bind_int64 (insert, 3, (gint64)ecart_csv_reader_get_line (reader));
  if (!ecart_database_run (run->db, insert, error))
    return FALSE;
  run->result->respondents++;
  run->current_nps_seen = FALSE;
  return count_recommendation (run, row, error);

mismatch:
  *consistent = FALSE;
  {
    RowCheck check = { run, reader, FALSE, NULL };

    reject (&check, run->segment.index, NULL,
            _("the respondent is in another segment on an earlier line"));
  }
  return TRUE;
}

/* Second pass: the respondent of a valid row of the long layout, created once. Returns -1
 * for a row in another segment than the respondent's first row: the first pass rejected it
 * (ids of names differ between passes, but the same names give the same ids). */
static gint64
obtain_respondent (Run      *run,
                   Row      *row,
                   GError  **error)
{
  g_autoptr(EcartStatement) find = NULL;
  g_autoptr(EcartStatement) update = NULL;
  EcartStep step;
  gint64 id = 0;

  if (!run->track_respondents || row->key == NULL)
    {
      run->current_has_nps = FALSE;
      run->has_current = FALSE;
      return ecart_wave_writer_add_respondent (run->writer, row->segment_id, row->external_id,
                                               row->date, error);
    }

  if (run->has_current && run->current_key->len == row->key_length
      && memcmp (run->current_key->str, row->key, row->key_length) == 0)
    return row->segment_id == run->current_segment ? run->current_id : -1;

  /* Keys in order (the first pass saw to it): a new key is a new respondent. */
  if (run->keys_sorted)
    {
      id = ecart_wave_writer_add_respondent (run->writer, row->segment_id, row->external_id,
                                             row->date, error);
      if (id == 0)
        return 0;
      run->current_has_nps = FALSE;
      run->current_segment = row->segment_id;
      g_string_assign (run->current_key, "");
      g_string_append_len (run->current_key, row->key, row->key_length);
      run->has_current = TRUE;
      run->current_id = id;
      return id;
    }

  find = ecart_database_prepare (run->db,
                                 "SELECT respondent_id, has_nps, segment FROM "
                                 "temp.ecart_import_respondent WHERE key = ?",
                                 error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, row->key, row->key_length, SQLITE_STATIC);
  step = ecart_database_step (run->db, find, error);
  if (step == ECART_STEP_ERROR)
    return 0;
  if (step == ECART_STEP_ROW && sqlite3_column_type (find, 0) != SQLITE_NULL)
    {
      id = sqlite3_column_int64 (find, 0);
      run->current_has_nps = sqlite3_column_int (find, 1) != 0;
      run->current_segment = sqlite3_column_int64 (find, 2);
    }
  sqlite3_reset (find);
  if (id > 0 && row->segment_id != run->current_segment)
    {
      run->has_current = FALSE;
      return -1;
    }

  if (id == 0)
    {
      id = ecart_wave_writer_add_respondent (run->writer, row->segment_id, row->external_id,
                                             row->date, error);
      if (id == 0)
        return 0;
      run->current_has_nps = FALSE;
      update = ecart_database_prepare (run->db,
                                       "UPDATE temp.ecart_import_respondent SET respondent_id = ?, "
                                       "segment = ? WHERE key = ?",
                                       error);
      if (update == NULL)
        return 0;
      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_int64 (update, 2, row->segment_id);
      sqlite3_bind_text (update, 3, row->key, row->key_length, SQLITE_STATIC);
      run->current_segment = row->segment_id;
      if (!ecart_database_run (run->db, update, error))
        return 0;
    }

  g_string_assign (run->current_key, "");
  g_string_append_len (run->current_key, row->key, row->key_length);
  run->has_current = TRUE;
  run->current_id = id;
  return id;
}

static gboolean
note_recommendation (Run      *run,
                     Row      *row,
                     GError  **error)
{
  g_autoptr(EcartStatement) update = NULL;

  run->current_has_nps = TRUE;
  if (!run->track_respondents || row->key == NULL || run->keys_sorted)
    return TRUE;
  update = ecart_database_prepare (run->db,
                                   "UPDATE temp.ecart_import_respondent SET has_nps = 1 WHERE key = ?",
                                   error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, row->key, row->key_length, SQLITE_STATIC);
  return ecart_database_run (run->db, update, error);
}

/* Writing a valid row ------------------------------------------------------------------------ */

static gboolean
write_verbatims (Run             *run,
                 EcartCsvReader  *reader,
                 gint64           respondent,
                 gint64           touchpoint_id,
                 gint64           attribute_id,
                 GError         **error)
{
  for (guint i = 0; i < run->verbatims->len; i++)
    {
      gsize length;
      const char *text = ecart_csv_reader_get_field (reader, g_array_index (run->verbatims, int, i),
                                                     &length);

      if (is_blank (text, length))
        continue;
      if (!ecart_wave_writer_add_verbatim (run->writer, respondent, touchpoint_id, attribute_id,
                                           text, error))
        return FALSE;
      run->result->verbatims++;
    }
  return TRUE;
}

gboolean
_ecart_importer_write_row (Run            *run,
                           EcartCsvReader *reader,
                           Row            *row,
                           gboolean       *skipped,
                           GError        **error)
{
  gint64 respondent;

  *skipped = FALSE;
  if (ecart_import_mapping_get_layout (run->mapping) == ECART_IMPORT_LAYOUT_WIDE)
    {
      respondent = ecart_wave_writer_add_respondent (run->writer, row->segment_id, row->external_id,
                                                     row->date, error);
      if (respondent == 0)
        return FALSE;
      run->result->respondents++;

      for (guint i = 0; i < run->questions->len; i++)
        {
          Question *question = run->questions->pdata[i];

          if (isnan (run->scores[i]))
            continue;
          if (!ecart_wave_writer_add_measurement (run->writer, respondent, question->attribute_id,
                                                  question->touchpoint_id,
                                                  question->dimension, run->scores[i],
                                                  run->scale_min, run->scale_max, error))
            return FALSE;
          run->result->measurements++;
        }
      if (row->nps >= 0)
        {
          if (!ecart_wave_writer_add_recommendation (run->writer, respondent, row->nps, error))
            return FALSE;
          run->result->recommendations++;
        }
      return write_verbatims (run, reader, respondent, 0, 0, error);
    }

  respondent = obtain_respondent (run, row, error);
  if (respondent == 0)
    return FALSE;
  if (respondent < 0)
    {
      *skipped = TRUE;
      return TRUE;
    }
  if (!run->track_respondents || row->key == NULL)
    run->result->respondents++;

  if (!isnan (row->score))
    {
      if (!ecart_wave_writer_add_measurement (run->writer, respondent, row->attribute_id,
                                              row->touchpoint_id, row->dimension, row->score,
                                              run->scale_min, run->scale_max, error))
        return FALSE;
      run->result->measurements++;
    }
  if (row->nps >= 0 && !run->current_has_nps)
    {
      if (!ecart_wave_writer_add_recommendation (run->writer, respondent, row->nps, error)
          || !note_recommendation (run, row, error))
        return FALSE;
      run->result->recommendations++;
    }
  return write_verbatims (run, reader, respondent, row->touchpoint_id, row->attribute_id, error);
}

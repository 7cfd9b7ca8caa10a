/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-wave-writer"

#include "config.h"

#include "ecart-wave-writer.h"
#include "ecart-workspace-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* EcartWaveWriter is the one path by which measurements enter a workspace: the importer
 * and the demo generator both use it. A wave is written in one transaction, begun by
 * ecart_wave_writer_begin() and ended by commit or abort: nothing is visible until commit,
 * and abort leaves the file exactly as it was.
 *
 * While rows go in, it keeps in memory only what the aggregates need (per cell: n, Σx, Σx²;
 * per respondent being written: its answers by attribute and touchpoint, to pair expected
 * with lived), so memory grows neither with the number of measurements nor with the number
 * of respondents: the segment of a respondent is remembered in a small cache, and read
 * back from the wave when a respondent's answers come back later. No allocation is made
 * per row once the cells are known. */

/* Segments, attributes and touchpoints remembered to exist, per kind (direct-mapped by id:
 * a workspace has tens of them, a collision only costs a query). */
#define KNOWN_ITEMS 256

/* Respondents whose segment is remembered (direct-mapped by id). */
#define SEGMENT_CACHE_SIZE 1024

/* Measurements are inserted this many at a time, by one statement: a statement per row
 * costs more in SQLite (opening the cursors of the table, its indexes and the parents of
 * its foreign keys) than the row itself. Rows keep their order, hence their ids. */
#define MEASUREMENT_BATCH 64

/* Respondents too. Their ids are known before they are written: SQLite gives the next
 * after the greatest, and nobody else writes during the transaction; the ids are checked
 * when a batch is written. A statement of many rows that could stop half-way (a NOT NULL
 * refused on its fourth row, an explicit id already taken) makes SQLite keep a statement
 * journal of every page it changes, which for the respondents' index went to a temporary
 * file (0.3 s of system time for 100,000 respondents): the ids are not given, and the batch
 * is INSERT OR IGNORE, which cannot stop. Nothing can be ignored (both NOT NULL columns are
 * always bound, no UNIQUE index, checks off): a row that was would shift the ids given,
 * which the check after the batch finds. Their text is kept in one buffer until the batch
 * is written. */
#define RESPONDENT_BATCH 64

typedef struct
{
  gint64 id;
  gint64 segment_id;
  gssize external_id;   /* offset in respondent_text, or -1 for NULL */
  gssize answered_at;
} PendingRespondent;

typedef enum
{
  ITEM_SEGMENT,
  ITEM_ATTRIBUTE,
  ITEM_TOUCHPOINT,
  N_ITEM_KINDS
} ItemKind;

typedef struct
{
  gint64 respondent_id;
  gint64 attribute_id;
  gint64 touchpoint_id;
  int    dimension;
  double score;
  double scale_min;
  double scale_max;
} PendingMeasurement;

typedef struct
{
  gint64 segment_id;
  gint64 attribute_id;
  gint64 touchpoint_id;
  int    dimension;
} CellKey;

typedef struct
{
  gint64 n;
  double sum;
  double sum_sq;
} Sums;

typedef struct
{
  double expected_sum;
  guint  expected_n;
  double lived_sum;
  guint  lived_n;
} PairAnswers;

typedef struct
{
  CellKey     key;
  PairAnswers answers;
} Answers;

struct _EcartWaveWriter
{
  GObject         parent_instance;

  EcartWorkspace *workspace;
  EcartDatabase  *db;
  gint64          wave_id;

  sqlite3_stmt   *insert_respondent;
  sqlite3_stmt   *insert_respondents;    /* RESPONDENT_BATCH rows */
  PendingRespondent pending_respondents[RESPONDENT_BATCH];
  guint           n_pending_respondents;
  GString        *respondent_text;
  gint64          next_respondent_id;
  sqlite3_stmt   *insert_measurement;
  sqlite3_stmt   *insert_measurements;   /* MEASUREMENT_BATCH rows */
  PendingMeasurement pending[MEASUREMENT_BATCH];
  guint           n_pending;
  sqlite3_stmt   *insert_recommendation;
  sqlite3_stmt   *insert_verbatim;
  sqlite3_stmt   *index_verbatim;

  /* Segment of recent respondents of this wave, by id modulo SEGMENT_CACHE_SIZE. */
  gint64         *cached_respondents;
  gint64         *cached_segments;
  sqlite3_stmt   *find_segment;

  /* Segments, attributes and touchpoints known to exist: every id is checked before it is
   * written, so that a bad one is refused alone, at once, as a row would be. The wave is
   * written with SQLite's foreign keys off (they cost a lookup per key and per row): these
   * checks stand for them. */
  gint64          known_items[N_ITEM_KINDS][KNOWN_ITEMS];  /* direct-mapped by id */
  sqlite3_stmt   *find_item[N_ITEM_KINDS];

  GHashTable     *cells;          /* CellKey → Sums, dimension 2 or 3 */
  GHashTable     *pairs;          /* CellKey (dimension 0) → Sums of lived − expected */
  GHashTable     *recommendations; /* CellKey (segment, score in attribute_id) → Sums */

  /* Answers of the respondent being written, to pair expected and lived. */
  gint64          current_respondent;
  GArray         *current_answers; /* Answers: by CellKey (dimension 0), of that respondent */
  gint64          last_flushed;    /* respondents up to it were paired, if they come back */
  gboolean        pairs_by_query;

  gboolean        open;
};

G_DEFINE_FINAL_TYPE (EcartWaveWriter, ecart_wave_writer, G_TYPE_OBJECT)

static guint
cell_key_hash (gconstpointer data)
{
  const CellKey *key = data;
  guint64 h = (guint64)key->segment_id * 1000003u;

  h ^= (guint64)key->attribute_id * 998244353u;
  h ^= (guint64)key->touchpoint_id * 1000000007u;
  h ^= (guint64)key->dimension;
  return (guint)(h ^ (h >> 32));
}

/* Field by field: the padding at the end of a CellKey is not initialised. */
static inline gboolean
cell_key_same (const CellKey *ka,
               const CellKey *kb)
{
  return ka->segment_id == kb->segment_id && ka->attribute_id == kb->attribute_id
         && ka->touchpoint_id == kb->touchpoint_id && ka->dimension == kb->dimension;
}

static gboolean
cell_key_equal (gconstpointer a,
                gconstpointer b)
{
  return cell_key_same (a, b);
}

static GHashTable *
new_sums_table (void)
{
  return g_hash_table_new_full (cell_key_hash, cell_key_equal, g_free, g_free);
}

static void
add_to (GHashTable    *table,
        const CellKey *key,
        double         value)
{
  Sums *sums = g_hash_table_lookup (table, key);

  if (sums == NULL)
    {
      CellKey *copy = g_new0 (CellKey, 1);

      copy->segment_id = key->segment_id;
      copy->attribute_id = key->attribute_id;
      copy->touchpoint_id = key->touchpoint_id;
      copy->dimension = key->dimension;
      sums = g_new0 (Sums, 1);
      g_hash_table_insert (table, copy, sums);
    }
  sums->n++;
  sums->sum += value;
  sums->sum_sq += value * value;
}

static void
finalize_statements (EcartWaveWriter *self)
{
  g_clear_pointer (&self->insert_respondent, sqlite3_finalize);
  g_clear_pointer (&self->insert_respondents, sqlite3_finalize);
  g_clear_pointer (&self->insert_measurement, sqlite3_finalize);
  g_clear_pointer (&self->insert_measurements, sqlite3_finalize);
  g_clear_pointer (&self->insert_recommendation, sqlite3_finalize);
  g_clear_pointer (&self->insert_verbatim, sqlite3_finalize);
  g_clear_pointer (&self->index_verbatim, sqlite3_finalize);
  g_clear_pointer (&self->find_segment, sqlite3_finalize);
  for (guint i = 0; i < N_ITEM_KINDS; i++)
    g_clear_pointer (&self->find_item[i], sqlite3_finalize);
}

static void
ecart_wave_writer_finalize (GObject *object)
{
  EcartWaveWriter *self = (EcartWaveWriter *)object;

  ecart_wave_writer_abort (self);
  finalize_statements (self);
  g_clear_pointer (&self->cached_respondents, g_free);
  g_clear_pointer (&self->cached_segments, g_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->pairs, g_hash_table_unref);
  g_clear_pointer (&self->recommendations, g_hash_table_unref);
  g_clear_pointer (&self->current_answers, g_array_unref);
  if (self->respondent_text != NULL)
    g_string_free (self->respondent_text, TRUE);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_wave_writer_parent_class)->finalize (object);
}

static void
ecart_wave_writer_class_init (EcartWaveWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_wave_writer_finalize;
}

static void
ecart_wave_writer_init (EcartWaveWriter *self)
{
  self->cached_respondents = g_new0 (gint64, SEGMENT_CACHE_SIZE);
  self->cached_segments = g_new0 (gint64, SEGMENT_CACHE_SIZE);
  self->cells = new_sums_table ();
  self->pairs = new_sums_table ();
  self->recommendations = new_sums_table ();
  self->current_answers = g_array_new (FALSE, FALSE, sizeof (Answers));
  self->respondent_text = g_string_new (NULL);
}

static gboolean
check_open (EcartWaveWriter  *self,
            GError          **error)
{
  if (!self->open)
    {
      g_set_error_literal (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FAILED,
                           _("The wave is no longer being written"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare (EcartWaveWriter  *self,
         sqlite3_stmt    **stmt,
         const char       *sql,
         GError          **error)
{
  int rc = sqlite3_prepare_v3 (ecart_database_get_handle (self->db), sql, -1,
                               SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _ecart_database_set_error (self->db, error, rc, _("Failed to prepare a query in “%s”: %s"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (EcartWaveWriter  *self,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_errcode (ecart_database_get_handle (self->db));
      _ecart_database_set_error (self->db, error, rc, _("Failed to write the measurements in “%s”: %s"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_respondent_batch (EcartWaveWriter  *self,
                          GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT OR IGNORE INTO respondent (wave_id, segment_id, "
                                         "external_id, answered_at) VALUES ");

  for (guint i = 0; i < RESPONDENT_BATCH; i++)
    g_string_append (sql, i > 0 ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)");
  return prepare (self, &self->insert_respondents, sql->str, error);
}

static void
bind_respondent (EcartWaveWriter         *self,
                 sqlite3_stmt            *stmt,
                 int                      first,
                 const PendingRespondent *row)
{
  const char *text = self->respondent_text->str;

  sqlite3_bind_int64 (stmt, first, self->wave_id);
  sqlite3_bind_int64 (stmt, first + 1, row->segment_id);
  if (row->external_id >= 0)
    sqlite3_bind_text (stmt, first + 2, text + row->external_id, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 2);
  if (row->answered_at >= 0)
    sqlite3_bind_text (stmt, first + 3, text + row->answered_at, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, first + 3);
}

/* Inserts the respondents added but not written yet: by one statement for a full batch,
 * one by one for the rest. Their text is bound without a copy, and forgotten after. */
static gboolean
flush_respondents (EcartWaveWriter  *self,
                   GError          **error)
{
  guint n = self->n_pending_respondents;
  gboolean ok = TRUE;

  self->n_pending_respondents = 0;
  if (n == RESPONDENT_BATCH)
    {
      for (guint i = 0; i < n; i++)
        bind_respondent (self, self->insert_respondents, 1 + 4 * i, &self->pending_respondents[i]);
      ok = step_done (self, self->insert_respondents, error);
      sqlite3_clear_bindings (self->insert_respondents);
    }
  else
    for (guint i = 0; i < n && ok; i++)
      {
        bind_respondent (self, self->insert_respondent, 1, &self->pending_respondents[i]);
        ok = step_done (self, self->insert_respondent, error);
      }
  sqlite3_clear_bindings (self->insert_respondent);
  g_string_truncate (self->respondent_text, 0);

  /* The ids SQLite gave are the ones the writer gave out (rows keep their order). */
  if (ok && n > 0
      && sqlite3_last_insert_rowid (ecart_database_get_handle (self->db))
         != self->pending_respondents[n - 1].id)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FAILED,
                   _("Failed to write the respondents in “%s”: their ids were not the ones "
                     "expected"), _ecart_database_get_display_name (self->db));
      ok = FALSE;
    }
  return ok;
}

static gboolean
prepare_batch (EcartWaveWriter  *self,
               GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO measurement (respondent_id, attribute_id, "
                                         "touchpoint_id, dimension, score, scale_min, scale_max) "
                                         "VALUES ");

  for (guint i = 0; i < MEASUREMENT_BATCH; i++)
    g_string_append (sql, i > 0 ? ", (?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?)");
  return prepare (self, &self->insert_measurements, sql->str, error);
}

static void
bind_measurement (sqlite3_stmt             *stmt,
                  int                       first,
                  const PendingMeasurement *row)
{
  sqlite3_bind_int64 (stmt, first, row->respondent_id);
  sqlite3_bind_int64 (stmt, first + 1, row->attribute_id);
  if (row->touchpoint_id > 0)
    sqlite3_bind_int64 (stmt, first + 2, row->touchpoint_id);
  else
    sqlite3_bind_null (stmt, first + 2);
  sqlite3_bind_int (stmt, first + 3, row->dimension);
  sqlite3_bind_double (stmt, first + 4, row->score);
  sqlite3_bind_double (stmt, first + 5, row->scale_min);
  sqlite3_bind_double (stmt, first + 6, row->scale_max);
}

/* Inserts the measurements added but not written yet: by one statement for a full batch,
 * one by one for the rest. */
static gboolean
flush_measurements (EcartWaveWriter  *self,
                    GError          **error)
{
  guint n = self->n_pending;

  self->n_pending = 0;
  if (n == MEASUREMENT_BATCH)
    {
      for (guint i = 0; i < n; i++)
        bind_measurement (self->insert_measurements, 1 + 7 * i, &self->pending[i]);
      return step_done (self, self->insert_measurements, error);
    }
  for (guint i = 0; i < n; i++)
    {
      bind_measurement (self->insert_measurement, 1, &self->pending[i]);
      if (!step_done (self, self->insert_measurement, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ecart_wave_writer_begin:
 * @name: the wave's name, unique in the workspace
 * @kind: (nullable): "survey", "interviews"…
 * @source_file: (nullable): the file it comes from
 *
 * Starts writing a new wave in one transaction that is not recorded for undo (deleting
 * the wave undoes it).
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
EcartWaveWriter *
ecart_wave_writer_begin (EcartWorkspace  *workspace,
                         const char      *name,
                         const char      *kind,
                         const char      *source_file,
                         GError         **error)
{
  g_autoptr(EcartWaveWriter) self = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);

  if (!(clean = _ecart_workspace_clean_name (name, error)))
    return NULL;

  self = g_object_new (ECART_TYPE_WAVE_WRITER, NULL);
  self->workspace = g_object_ref (workspace);
  self->db = ecart_workspace_get_database (workspace);
  handle = ecart_database_get_handle (self->db);

  if (ecart_workspace_find_by_name (workspace, ecart_workspace_get_waves (workspace), clean))
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_EXISTS,
                   _("A wave named “%s” already exists"), clean);
      return NULL;
    }

  if (!_ecart_database_begin_bulk_unchecked (self->db, error))
    return NULL;
  self->open = TRUE;

  if (!prepare (self, &stmt,
                "INSERT INTO wave (name, kind, source_file, created_at) "
                "VALUES (?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                error))
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind != NULL ? kind : "survey", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, source_file != NULL ? source_file : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ecart_database_set_error (self->db, error, sqlite3_errcode (handle), _("Failed to create the wave in “%s”: %s"));
      return NULL;
    }
  self->wave_id = sqlite3_last_insert_rowid (handle);

  self->next_respondent_id = ecart_database_query_int (self->db, "SELECT ifnull (max (id), 0) + 1 "
                                                       "FROM respondent", 0, error);
  if (self->next_respondent_id <= 0)
    return NULL;

  if (!prepare (self, &self->insert_respondent,
                "INSERT INTO respondent (wave_id, segment_id, external_id, answered_at) "
                "VALUES (?, ?, ?, ?)", error)
      || !prepare_respondent_batch (self, error)
      || !prepare (self, &self->insert_measurement,
                   "INSERT INTO measurement (respondent_id, attribute_id, touchpoint_id, "
                   "dimension, score, scale_min, scale_max) VALUES (?, ?, ?, ?, ?, ?, ?)", error)
      || !prepare_batch (self, error)
      || !prepare (self, &self->insert_recommendation,
                   "INSERT INTO recommendation (respondent_id, score) VALUES (?, ?)", error)
      || !prepare (self, &self->insert_verbatim,
                   "INSERT INTO verbatim (wave_id, respondent_id, segment_id, touchpoint_id, "
                   "attribute_id, body) VALUES (?, ?, ?, ?, ?, ?)", error)
      || !prepare (self, &self->index_verbatim,
                   "INSERT INTO verbatim_fts (rowid, body) VALUES (?, ?)", error)
      || !prepare (self, &self->find_segment,
                   "SELECT segment_id FROM respondent WHERE id = ? AND wave_id = ?", error)
      || !prepare (self, &self->find_item[ITEM_SEGMENT], "SELECT 1 FROM segment WHERE id = ?", error)
      || !prepare (self, &self->find_item[ITEM_ATTRIBUTE], "SELECT 1 FROM attribute WHERE id = ?",
                   error)
      || !prepare (self, &self->find_item[ITEM_TOUCHPOINT], "SELECT 1 FROM touchpoint WHERE id = ?",
                   error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
ecart_wave_writer_get_wave_id (EcartWaveWriter *self)
{
  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), 0);
  return self->wave_id;
}

static void
remember_segment (EcartWaveWriter *self,
                  gint64           respondent_id,
                  gint64           segment_id)
{
  guint slot = (guint64)respondent_id % SEGMENT_CACHE_SIZE;

  self->cached_respondents[slot] = respondent_id;
  self->cached_segments[slot] = segment_id;
}

/* The segment of a respondent of this wave, 0 when it is not one, -1 with @error set when
 * the respondents waiting to be written could not be. */
static gint64
segment_of (EcartWaveWriter  *self,
            gint64            respondent_id,
            GError          **error)
{
  guint slot;
  gint64 segment_id = 0;

  if (respondent_id <= 0)
    return 0;
  slot = (guint64)respondent_id % SEGMENT_CACHE_SIZE;
  if (self->cached_respondents[slot] == respondent_id)
    return self->cached_segments[slot];

  /* Not remembered: read back from the wave, with the respondents written first. */
  if (self->n_pending_respondents > 0 && !flush_respondents (self, error))
    return -1;

  sqlite3_bind_int64 (self->find_segment, 1, respondent_id);
  sqlite3_bind_int64 (self->find_segment, 2, self->wave_id);
  if (sqlite3_step (self->find_segment) == SQLITE_ROW)
    segment_id = sqlite3_column_int64 (self->find_segment, 0);
  sqlite3_reset (self->find_segment);
  if (segment_id > 0)
    remember_segment (self, respondent_id, segment_id);
  return segment_id;
}

/* Whether the segment, attribute or touchpoint @id exists; remembered once found (nothing
 * can delete it while the wave's transaction is open). */
static gboolean
item_exists (EcartWaveWriter *self,
             ItemKind         kind,
             gint64           id)
{
  sqlite3_stmt *find = self->find_item[kind];
  gint64 *known = &self->known_items[kind][(guint64)id % KNOWN_ITEMS];
  gboolean found;

  if (id <= 0)
    return FALSE;
  if (*known == id)
    return TRUE;

  sqlite3_bind_int64 (find, 1, id);
  found = sqlite3_step (find) == SQLITE_ROW;
  sqlite3_reset (find);
  if (found)
    *known = id;
  return found;
}

/* Pairs the answers of the respondent written so far: for each attribute and touchpoint
 * where they gave both, the difference of their (mean) lived and expected scores. */
static void
flush_current (EcartWaveWriter *self)
{
  if (self->current_respondent == 0)
    return;

  for (guint i = 0; i < self->current_answers->len; i++)
    {
      const Answers *entry = &g_array_index (self->current_answers, Answers, i);
      const PairAnswers *answers = &entry->answers;

      if (answers->expected_n > 0 && answers->lived_n > 0)
        add_to (self->pairs, &entry->key,
                answers->lived_sum / answers->lived_n - answers->expected_sum / answers->expected_n);
    }
  g_array_set_size (self->current_answers, 0);

  self->last_flushed = MAX (self->last_flushed, self->current_respondent);
  self->current_respondent = 0;
}

/**
 * ecart_wave_writer_add_respondent:
 * @segment_id: the segment the respondent belongs to
 * @external_id: (nullable): their id in the source
 * @answered_at: (nullable): ISO 8601 date or date-time
 *
 * Returns: the respondent's id, or 0 with @error set
 */
gint64
ecart_wave_writer_add_respondent (EcartWaveWriter  *self,
                                  gint64            segment_id,
                                  const char       *external_id,
                                  const char       *answered_at,
                                  GError          **error)
{
  PendingRespondent *pending;
  gint64 id;

  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), 0);

  if (!check_open (self, error))
    return 0;

  if (!item_exists (self, ITEM_SEGMENT, segment_id))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The segment %lld does not exist"), (long long)segment_id);
      return 0;
    }

  pending = &self->pending_respondents[self->n_pending_respondents++];
  pending->id = id = self->next_respondent_id++;
  pending->segment_id = segment_id;
  pending->external_id = pending->answered_at = -1;
  if (external_id != NULL)
    {
      pending->external_id = self->respondent_text->len;
      g_string_append_len (self->respondent_text, external_id, strlen (external_id) + 1);
    }
  if (answered_at != NULL)
    {
      pending->answered_at = self->respondent_text->len;
      g_string_append_len (self->respondent_text, answered_at, strlen (answered_at) + 1);
    }
  remember_segment (self, id, segment_id);
  if (self->n_pending_respondents == RESPONDENT_BATCH && !flush_respondents (self, error))
    return 0;
  return id;
}

/**
 * ecart_wave_writer_add_measurement:
 * @touchpoint_id: the touchpoint, or 0 for none
 * @dimension: %ECART_DIMENSION_EXPECTED or %ECART_DIMENSION_LIVED
 * @score: the raw score, between @scale_min and @scale_max
 *
 * The measurement is checked at once; it is written with the next ones, so a failure of the
 * database (a full disk) may be reported by a later call or by ecart_wave_writer_commit().
 */
gboolean
ecart_wave_writer_add_measurement (EcartWaveWriter  *self,
                                   gint64            respondent_id,
                                   gint64            attribute_id,
                                   gint64            touchpoint_id,
                                   EcartDimension    dimension,
                                   double            score,
                                   double            scale_min,
                                   double            scale_max,
                                   GError          **error)
{
  CellKey key;
  CellKey pair_key;
  PairAnswers *answers = NULL;
  gint64 segment_id;
  double normalised;

  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (dimension != ECART_DIMENSION_EXPECTED && dimension != ECART_DIMENSION_LIVED)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("Only the expected and the lived experience are measured"));
      return FALSE;
    }
  if (!isfinite (scale_min) || !isfinite (scale_max) || !(scale_max > scale_min))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The scale %g..%g is not a valid scale"), scale_min, scale_max);
      return FALSE;
    }
  if (!isfinite (score) || score < scale_min || score > scale_max)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The score %g is outside the scale %g..%g"), score, scale_min, scale_max);
      return FALSE;
    }

  segment_id = segment_of (self, respondent_id, error);
  if (segment_id < 0)
    return FALSE;
  if (segment_id == 0)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("Respondent %lld is not part of this wave"), (long long)respondent_id);
      return FALSE;
    }

  if (!item_exists (self, ITEM_ATTRIBUTE, attribute_id))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The attribute %lld does not exist"), (long long)attribute_id);
      return FALSE;
    }
  if (touchpoint_id > 0 && !item_exists (self, ITEM_TOUCHPOINT, touchpoint_id))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The touchpoint %lld does not exist"), (long long)touchpoint_id);
      return FALSE;
    }

  self->pending[self->n_pending++] = (PendingMeasurement) {
    respondent_id, attribute_id, touchpoint_id, dimension, score, scale_min, scale_max
  };
  if (self->n_pending == MEASUREMENT_BATCH && !flush_measurements (self, error))
    return FALSE;

  normalised = 10.0 * (score - scale_min) / (scale_max - scale_min);
  key = (CellKey) { segment_id, attribute_id, MAX (touchpoint_id, 0), dimension };
  add_to (self->cells, &key, normalised);

  if (respondent_id != self->current_respondent)
    {
      flush_current (self);
      /* Answers of a respondent already paired come back: pairs are computed by a query
       * at commit instead (ids only grow inside the transaction). */
      if (respondent_id <= self->last_flushed)
        self->pairs_by_query = TRUE;
      self->current_respondent = respondent_id;
    }

  /* A respondent answers a few questions: a short array, searched from its end. */
  pair_key = (CellKey) { segment_id, attribute_id, MAX (touchpoint_id, 0), 0 };
  for (guint i = self->current_answers->len; i > 0; i--)
    {
      Answers *entry = &g_array_index (self->current_answers, Answers, i - 1);

      if (cell_key_same (&entry->key, &pair_key))
        {
          answers = &entry->answers;
          break;
        }
    }
  if (answers == NULL)
    {
      Answers entry = { pair_key, { 0, 0, 0, 0 } };

      g_array_append_val (self->current_answers, entry);
      answers = &g_array_index (self->current_answers, Answers,
                                self->current_answers->len - 1).answers;
    }
  if (dimension == ECART_DIMENSION_EXPECTED)
    {
      answers->expected_sum += normalised;
      answers->expected_n++;
    }
  else
    {
      answers->lived_sum += normalised;
      answers->lived_n++;
    }

  return TRUE;
}

/**
 * ecart_wave_writer_add_recommendation:
 * @score: likelihood to recommend, 0–10
 */
gboolean
ecart_wave_writer_add_recommendation (EcartWaveWriter  *self,
                                      gint64            respondent_id,
                                      int               score,
                                      GError          **error)
{
  CellKey key;
  gint64 segment_id;

  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (score < 0 || score > 10)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The recommendation score %d is not between 0 and 10"), score);
      return FALSE;
    }

  segment_id = segment_of (self, respondent_id, error);
  if (segment_id < 0)
    return FALSE;
  if (segment_id == 0)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("Respondent %lld is not part of this wave"), (long long)respondent_id);
      return FALSE;
    }

  sqlite3_bind_int64 (self->insert_recommendation, 1, respondent_id);
  sqlite3_bind_int (self->insert_recommendation, 2, score);
  if (!step_done (self, self->insert_recommendation, error))
    return FALSE;

  key = (CellKey) { segment_id, score, 0, 0 };
  add_to (self->recommendations, &key, score);
  return TRUE;
}

/**
 * ecart_wave_writer_add_verbatim:
 * @respondent_id: the respondent, or 0 (an interview note)
 * @touchpoint_id: the touchpoint it is about, or 0
 * @attribute_id: the attribute it is about, or 0
 */
gboolean
ecart_wave_writer_add_verbatim (EcartWaveWriter  *self,
                                gint64            respondent_id,
                                gint64            touchpoint_id,
                                gint64            attribute_id,
                                const char       *text,
                                GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 segment_id = 0;
  gint64 id;

  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                           _("The verbatim is not valid UTF-8 text"));
      return FALSE;
    }

  if (respondent_id > 0 && (segment_id = segment_of (self, respondent_id, error)) < 0)
    return FALSE;
  if (respondent_id > 0 && segment_id == 0)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("Respondent %lld is not part of this wave"), (long long)respondent_id);
      return FALSE;
    }
  if (attribute_id > 0 && !item_exists (self, ITEM_ATTRIBUTE, attribute_id))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The attribute %lld does not exist"), (long long)attribute_id);
      return FALSE;
    }
  if (touchpoint_id > 0 && !item_exists (self, ITEM_TOUCHPOINT, touchpoint_id))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                   _("The touchpoint %lld does not exist"), (long long)touchpoint_id);
      return FALSE;
    }

  stmt = self->insert_verbatim;
  sqlite3_bind_int64 (stmt, 1, self->wave_id);
  if (respondent_id > 0)
    {
      sqlite3_bind_int64 (stmt, 2, respondent_id);
      sqlite3_bind_int64 (stmt, 3, segment_id);
    }
  else
    {
      sqlite3_bind_null (stmt, 2);
      sqlite3_bind_null (stmt, 3);
    }
  if (touchpoint_id > 0)
    sqlite3_bind_int64 (stmt, 4, touchpoint_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (attribute_id > 0)
    sqlite3_bind_int64 (stmt, 5, attribute_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, text, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (ecart_database_get_handle (self->db));
  sqlite3_bind_int64 (self->index_verbatim, 1, id);
  sqlite3_bind_text (self->index_verbatim, 2, text, -1, SQLITE_TRANSIENT);
  return step_done (self, self->index_verbatim, error);
}

/**
 * ecart_wave_writer_set_dates:
 * @started_on: (nullable): @ended_on: (nullable): ISO 8601 dates
 *
 * Sets the dates of the wave; without them, the wave spans its respondents' dates.
 */
gboolean
ecart_wave_writer_set_dates (EcartWaveWriter  *self,
                             const char       *started_on,
                             const char       *ended_on,
                             GError          **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), FALSE);

  if (!check_open (self, error))
    return FALSE;

  stmt = ecart_database_prepare (self->db,
                                 "UPDATE wave SET started_on = ?, ended_on = ? WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, started_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ended_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, self->wave_id);
  return ecart_database_run (self->db, stmt, error);
}

static gboolean
write_sums (EcartWaveWriter  *self,
            GHashTable       *table,
            const char       *sql,
            gboolean          with_dimension,
            GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (!prepare (self, &stmt, sql, error))
    return FALSE;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CellKey *cell = key;
      const Sums *sums = value;
      int i = 1;

      sqlite3_bind_int64 (stmt, i++, self->wave_id);
      sqlite3_bind_int64 (stmt, i++, cell->segment_id);
      sqlite3_bind_int64 (stmt, i++, cell->attribute_id);
      if (cell->touchpoint_id > 0)
        sqlite3_bind_int64 (stmt, i++, cell->touchpoint_id);
      else
        sqlite3_bind_null (stmt, i++);
      if (with_dimension)
        sqlite3_bind_int (stmt, i++, cell->dimension);
      sqlite3_bind_int64 (stmt, i++, sums->n);
      sqlite3_bind_double (stmt, i++, sums->sum);
      sqlite3_bind_double (stmt, i++, sums->sum_sq);
      if (!step_done (self, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
write_recommendations (EcartWaveWriter  *self,
                       GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (!prepare (self, &stmt,
                "INSERT INTO recommendation_aggregate (wave_id, segment_id, score, n) "
                "VALUES (?, ?, ?, ?)", error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->recommendations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CellKey *cell = key;

      sqlite3_bind_int64 (stmt, 1, self->wave_id);
      sqlite3_bind_int64 (stmt, 2, cell->segment_id);
      sqlite3_bind_int64 (stmt, 3, cell->attribute_id);
      sqlite3_bind_int64 (stmt, 4, ((const Sums *)value)->n);
      if (!step_done (self, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/* When the answers of a respondent were not written together, pairs are computed from the
 * rows of the wave instead (one query, at commit). */
static gboolean
write_pairs_by_query (EcartWaveWriter  *self,
                      GError          **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  stmt = ecart_database_prepare (self->db,
                                 "INSERT INTO pair_aggregate (wave_id, segment_id, attribute_id, "
                                 "touchpoint_id, n, sum_d, sum_d_sq) "
                                 "SELECT ?1, segment_id, attribute_id, touchpoint_id, count(*), "
                                 "sum (d), sum (d * d) FROM ("
                                 "  SELECT r.segment_id, m.attribute_id, m.touchpoint_id, "
                                 "  avg (CASE WHEN m.dimension = 3 THEN 10.0 * (m.score - m.scale_min) "
                                 "       / (m.scale_max - m.scale_min) END) "
                                 "  - avg (CASE WHEN m.dimension = 2 THEN 10.0 * (m.score - m.scale_min) "
                                 "       / (m.scale_max - m.scale_min) END) AS d "
                                 "  FROM respondent r JOIN measurement m ON m.respondent_id = r.id "
                                 "  WHERE r.wave_id = ?1 "
                                 "  GROUP BY r.id, m.attribute_id, m.touchpoint_id"
                                 ") WHERE d IS NOT NULL "
                                 "GROUP BY segment_id, attribute_id, touchpoint_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->wave_id);
  return ecart_database_run (self->db, stmt, error);
}

/* The rows written in the wave's transaction by others than the writer (the importer
 * creates the names a file brings, and logs the import), which SQLite did not check with
 * its foreign keys off: few rows in small tables, checked whole. */
static gboolean
check_other_rows (EcartWaveWriter  *self,
                  GError          **error)
{
  static const char * const checks[] = {
    "PRAGMA foreign_key_check (touchpoint)",
    "PRAGMA foreign_key_check (attribute)",
    "PRAGMA foreign_key_check (import_log)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (!prepare (self, &stmt, checks[i], error))
        return FALSE;
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT,
                       _("Failed to write the wave: a row refers to a missing one (%s)"),
                       checks[i] + strlen ("PRAGMA foreign_key_check "));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        {
          _ecart_database_set_error (self->db, error, sqlite3_errcode (ecart_database_get_handle (self->db)),
                                     _("Failed to write the measurements in “%s”: %s"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * ecart_wave_writer_commit:
 *
 * Writes the aggregates and commits the wave. On failure nothing of the wave is kept.
 */
gboolean
ecart_wave_writer_commit (EcartWaveWriter  *self,
                          GError          **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WAVE_WRITER (self), FALSE);

  if (!check_open (self, error))
    return FALSE;

  flush_current (self);

  ok = flush_respondents (self, error)
       && flush_measurements (self, error)
       && check_other_rows (self, error)
       && write_sums (self, self->cells,
                   "INSERT INTO measurement_aggregate (wave_id, segment_id, attribute_id, "
                   "touchpoint_id, dimension, n, sum, sum_sq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   TRUE, error)
       && write_recommendations (self, error);

  if (ok && self->pairs_by_query)
    ok = write_pairs_by_query (self, error);
  else if (ok)
    ok = write_sums (self, self->pairs,
                     "INSERT INTO pair_aggregate (wave_id, segment_id, attribute_id, "
                     "touchpoint_id, n, sum_d, sum_d_sq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     FALSE, error);

  if (ok)
    ok = (stmt = ecart_database_prepare (self->db,
                                         "UPDATE wave SET "
                                         "started_on = ifnull (started_on, (SELECT substr (min "
                                         "(answered_at), 1, 10) FROM respondent WHERE wave_id = ?1)), "
                                         "ended_on = ifnull (ended_on, (SELECT substr (max "
                                         "(answered_at), 1, 10) FROM respondent WHERE wave_id = ?1)) "
                                         "WHERE id = ?1",
                                         error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, self->wave_id);
      ok = ecart_database_run (self->db, stmt, error);
    }

  finalize_statements (self);

  if (!ok)
    {
      ecart_wave_writer_abort (self);
      return FALSE;
    }

  self->open = FALSE;
  if (!ecart_database_commit (self->db, error))
    return FALSE;

  return _ecart_workspace_changed (self->workspace, ECART_RELOAD_ALL, error);
}

/**
 * ecart_wave_writer_abort:
 *
 * Forgets the wave: the workspace is left as it was before ecart_wave_writer_begin().
 */
void
ecart_wave_writer_abort (EcartWaveWriter *self)
{
  g_return_if_fail (ECART_IS_WAVE_WRITER (self));

  if (!self->open)
    return;

  self->open = FALSE;
  self->n_pending = 0;
  self->n_pending_respondents = 0;
  g_string_truncate (self->respondent_text, 0);
  finalize_statements (self);
  ecart_database_rollback (self->db);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-gap-table"

#include "config.h"

#include "ecart-gap-table-private.h"

#include <string.h>

/* Reading what a gap table needs, at a cost that grows with the number of cells, not of
 * measurements.
 *
 * The aggregate tables (measurement_aggregate, pair_aggregate, recommendation_aggregate)
 * hold the sums of every segment × attribute × touchpoint × wave: they serve every wave
 * whose respondents all fall in the date range asked for (or every wave, without one).
 * A wave that a date range cuts through, which aggregates cannot serve, is read from its
 * rows: one query over `respondent` by its index (wave_id, segment_id, answered_at),
 * joined to `measurement` and `recommendation` by respondent, for that wave and segment
 * only. Whether the range cuts a wave is told by the index too (min, max, any undated). */

typedef enum {
  COVER_NONE,     /* no respondent of the wave × segment in the range */
  COVER_FULL,     /* all of them: the aggregates serve it */
  COVER_PARTIAL,  /* some of them: read the rows */
} Cover;

typedef struct
{
  gint64 wave_id;
  gint64 segment_id;
} WaveSegment;

static guint
wave_segment_hash (gconstpointer data)
{
  const WaveSegment *key = data;

  return g_int64_hash (&key->wave_id) ^ (g_int64_hash (&key->segment_id) * 31u);
}

static gboolean
wave_segment_equal (gconstpointer a,
                    gconstpointer b)
{
  return memcmp (a, b, sizeof (WaveSegment)) == 0;
}

/* The text of the day after @date (YYYY-MM-DD), so that "answered_at < it" keeps every
 * date-time of @date. */
static char *
day_after (const char *date)
{
  GDate day;
  char text[16];

  g_date_clear (&day, 1);
  g_date_set_dmy (&day,
                  (GDateDay)g_ascii_strtoull (date + 8, NULL, 10),
                  (GDateMonth)g_ascii_strtoull (date + 5, NULL, 10),
                  (GDateYear)g_ascii_strtoull (date, NULL, 10));
  if (!g_date_valid (&day))
    return g_strdup ("~");
  g_date_add_days (&day, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
  return g_strdup (text);
}

static gboolean
query_text (EcartDatabase  *db,
            const char     *sql,
            gint64          wave_id,
            gint64          segment_id,
            char          **text,
            GError        **error)
{
  g_autoptr(EcartStatement) stmt = ecart_database_prepare (db, sql, error);
  EcartStep step;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, wave_id);
  sqlite3_bind_int64 (stmt, 2, segment_id);
  step = ecart_database_step (db, stmt, error);
  if (step == ECART_STEP_ERROR)
    return FALSE;
  if (step == ECART_STEP_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return TRUE;
}

/* Each of the three queries is answered from the respondent_wave index in O(log n). */
static gboolean
cover_of (EcartDatabase  *db,
          gint64          wave_id,
          gint64          segment_id,
          const char     *lower,
          const char     *upper,
          Cover          *cover,
          GError        **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *undated = NULL;

  if (!query_text (db, "SELECT min (answered_at) FROM respondent "
                       "WHERE wave_id = ?1 AND segment_id = ?2", wave_id, segment_id, &first, error)
      || !query_text (db, "SELECT max (answered_at) FROM respondent "
                          "WHERE wave_id = ?1 AND segment_id = ?2", wave_id, segment_id, &last, error)
      || !query_text (db, "SELECT 1 FROM respondent WHERE wave_id = ?1 AND segment_id = ?2 "
                          "AND answered_at IS NULL LIMIT 1", wave_id, segment_id, &undated, error))
    return FALSE;

  if (first == NULL || last == NULL || strcmp (last, lower) < 0 || strcmp (first, upper) >= 0)
    *cover = COVER_NONE;
  else if (undated == NULL && strcmp (first, lower) >= 0 && strcmp (last, upper) < 0)
    *cover = COVER_FULL;
  else
    *cover = COVER_PARTIAL;
  return TRUE;
}

static gboolean
read_aggregates (EcartDatabase              *db,
                 const EcartGapReadRequest  *request,
                 gint64                      segment_id,
                 GHashTable                 *full,
                 GError                    **error)
{
  g_autoptr(EcartStatement) cells = NULL;
  g_autoptr(EcartStatement) pairs = NULL;
  g_autoptr(EcartStatement) scores = NULL;
  EcartStep step;

  cells = ecart_database_prepare (db,
                                  "SELECT wave_id, attribute_id, ifnull (touchpoint_id, 0), "
                                  "dimension, n, sum, sum_sq FROM measurement_aggregate "
                                  "WHERE segment_id = ?1",
                                  error);
  if (cells == NULL)
    return FALSE;
  sqlite3_bind_int64 (cells, 1, segment_id);
  while ((step = ecart_database_step (db, cells, error)) == ECART_STEP_ROW)
    {
      WaveSegment key = { sqlite3_column_int64 (cells, 0), segment_id };
      int dimension = sqlite3_column_int (cells, 3);
      EcartGapSums sums = {
        .segment_id = segment_id,
        .wave_id = key.wave_id,
        .attribute_id = sqlite3_column_int64 (cells, 1),
        .touchpoint_id = sqlite3_column_int64 (cells, 2),
        .kind = dimension == 2 ? ECART_GAP_SUMS_EXPECTED : ECART_GAP_SUMS_LIVED,
        .n = sqlite3_column_int64 (cells, 4),
        .sum = sqlite3_column_double (cells, 5),
        .sum_sq = sqlite3_column_double (cells, 6),
      };

      if ((dimension == 2 || dimension == 3) && g_hash_table_contains (full, &key))
        request->sums_func (&sums, request->user_data);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  pairs = ecart_database_prepare (db,
                                  "SELECT wave_id, attribute_id, ifnull (touchpoint_id, 0), "
                                  "n, sum_d, sum_d_sq FROM pair_aggregate WHERE segment_id = ?1",
                                  error);
  if (pairs == NULL)
    return FALSE;
  sqlite3_bind_int64 (pairs, 1, segment_id);
  while ((step = ecart_database_step (db, pairs, error)) == ECART_STEP_ROW)
    {
      WaveSegment key = { sqlite3_column_int64 (pairs, 0), segment_id };
      EcartGapSums sums = {
        .segment_id = segment_id,
        .wave_id = key.wave_id,
        .attribute_id = sqlite3_column_int64 (pairs, 1),
        .touchpoint_id = sqlite3_column_int64 (pairs, 2),
        .kind = ECART_GAP_SUMS_PAIRS,
        .n = sqlite3_column_int64 (pairs, 3),
        .sum = sqlite3_column_double (pairs, 4),
        .sum_sq = sqlite3_column_double (pairs, 5),
      };

      if (g_hash_table_contains (full, &key))
        request->sums_func (&sums, request->user_data);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  scores = ecart_database_prepare (db,
                                   "SELECT wave_id, score, n FROM recommendation_aggregate "
                                   "WHERE segment_id = ?1",
                                   error);
  if (scores == NULL)
    return FALSE;
  sqlite3_bind_int64 (scores, 1, segment_id);
  while ((step = ecart_database_step (db, scores, error)) == ECART_STEP_ROW)
    {
      WaveSegment key = { sqlite3_column_int64 (scores, 0), segment_id };

      if (g_hash_table_contains (full, &key))
        request->score_func (segment_id, key.wave_id, sqlite3_column_int (scores, 1),
                             sqlite3_column_int64 (scores, 2), request->user_data);
    }
  return step != ECART_STEP_ERROR;
}

/* The rows of one wave × segment whose respondents answered in [lower, upper): per
 * attribute and touchpoint, the sums of expected and lived scores and of the paired
 * differences (a respondent's mean lived − mean expected, as pair_aggregate holds them). */
static gboolean
read_rows (EcartDatabase              *db,
           const EcartGapReadRequest  *request,
           gint64                      wave_id,
           gint64                      segment_id,
           const char                 *lower,
           const char                 *upper,
           GError                    **error)
{
  g_autoptr(EcartStatement) cells = NULL;
  g_autoptr(EcartStatement) scores = NULL;
  EcartStep step;

  cells = ecart_database_prepare (db,
                                  "SELECT attribute_id, tp, sum (ne), total (se), total (sse), "
                                  "sum (nl), total (sl), total (ssl), count (d), total (d), "
                                  "total (d * d) FROM ("
                                  " SELECT attribute_id, tp, "
                                  " sum (dimension = 2) AS ne, total (iif (dimension = 2, x, 0)) AS se, "
                                  " total (iif (dimension = 2, x * x, 0)) AS sse, "
                                  " sum (dimension = 3) AS nl, total (iif (dimension = 3, x, 0)) AS sl, "
                                  " total (iif (dimension = 3, x * x, 0)) AS ssl, "
                                  " avg (iif (dimension = 3, x, NULL)) - avg (iif (dimension = 2, x, NULL)) AS d "
                                  " FROM ("
                                  "  SELECT r.id AS rid, m.attribute_id AS attribute_id, "
                                  "  ifnull (m.touchpoint_id, 0) AS tp, m.dimension AS dimension, "
                                  "  10.0 * (m.score - m.scale_min) / (m.scale_max - m.scale_min) AS x "
                                  "  FROM respondent r JOIN measurement m ON m.respondent_id = r.id "
                                  "  WHERE r.wave_id = ?1 AND r.segment_id = ?2 "
                                  "  AND r.answered_at >= ?3 AND r.answered_at < ?4"
                                  " ) GROUP BY rid, attribute_id, tp"
                                  ") GROUP BY attribute_id, tp",
                                  error);
  if (cells == NULL)
    return FALSE;
  sqlite3_bind_int64 (cells, 1, wave_id);
  sqlite3_bind_int64 (cells, 2, segment_id);
  sqlite3_bind_text (cells, 3, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (cells, 4, upper, -1, SQLITE_TRANSIENT);
  while ((step = ecart_database_step (db, cells, error)) == ECART_STEP_ROW)
    {
      EcartGapSums sums = {
        .segment_id = segment_id,
        .wave_id = wave_id,
        .attribute_id = sqlite3_column_int64 (cells, 0),
        .touchpoint_id = sqlite3_column_int64 (cells, 1),
      };
      static const EcartGapSumsKind kinds[] = {
        ECART_GAP_SUMS_EXPECTED, ECART_GAP_SUMS_LIVED, ECART_GAP_SUMS_PAIRS
      };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          sums.kind = kinds[k];
          sums.n = sqlite3_column_int64 (cells, 2 + 3 * k);
          sums.sum = sqlite3_column_double (cells, 3 + 3 * k);
          sums.sum_sq = sqlite3_column_double (cells, 4 + 3 * k);
          if (sums.n > 0)
            request->sums_func (&sums, request->user_data);
        }
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  scores = ecart_database_prepare (db,
                                   "SELECT c.score, count (*) FROM respondent r "
                                   "JOIN recommendation c ON c.respondent_id = r.id "
                                   "WHERE r.wave_id = ?1 AND r.segment_id = ?2 "
                                   "AND r.answered_at >= ?3 AND r.answered_at < ?4 "
                                   "GROUP BY c.score",
                                   error);
  if (scores == NULL)
    return FALSE;
  sqlite3_bind_int64 (scores, 1, wave_id);
  sqlite3_bind_int64 (scores, 2, segment_id);
  sqlite3_bind_text (scores, 3, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (scores, 4, upper, -1, SQLITE_TRANSIENT);
  while ((step = ecart_database_step (db, scores, error)) == ECART_STEP_ROW)
    request->score_func (segment_id, wave_id, sqlite3_column_int (scores, 0),
                         sqlite3_column_int64 (scores, 1), request->user_data);
  return step != ECART_STEP_ERROR;
}

/**
 * _ecart_gap_table_read:
 *
 * Calls @request's functions with the sums of every cell of the segments and waves it
 * asks for, restricted to the respondents who answered between its dates (undated
 * respondents are left out when a date is given).
 */
gboolean
_ecart_gap_table_read (EcartDatabase              *db,
                       const EcartGapReadRequest  *request,
                       GError                    **error)
{
  g_autoptr(GHashTable) full = g_hash_table_new_full (wave_segment_hash, wave_segment_equal,
                                                      g_free, NULL);
  g_autoptr(GArray) partial = g_array_new (FALSE, FALSE, sizeof (WaveSegment));
  g_autofree char *upper = NULL;
  const char *lower;
  gboolean ranged = request->from != NULL || request->to != NULL;

  lower = request->from != NULL ? request->from : "";
  upper = request->to != NULL ? day_after (request->to) : g_strdup ("~");

  for (guint s = 0; s < request->n_segments; s++)
    for (guint w = 0; w < request->n_waves; w++)
      {
        WaveSegment key = { request->waves[w], request->segments[s] };
        Cover cover = COVER_FULL;

        if (ranged && !cover_of (db, key.wave_id, key.segment_id, lower, upper, &cover, error))
          return FALSE;
        if (cover == COVER_FULL)
          g_hash_table_add (full, g_memdup2 (&key, sizeof key));
        else if (cover == COVER_PARTIAL)
          g_array_append_val (partial, key);
      }

  for (guint s = 0; s < request->n_segments; s++)
    if (!read_aggregates (db, request, request->segments[s], full, error))
      return FALSE;

  for (guint i = 0; i < partial->len; i++)
    {
      const WaveSegment *key = &g_array_index (partial, WaveSegment, i);

      if (!read_rows (db, request, key->wave_id, key->segment_id, lower, upper, error))
        return FALSE;
    }

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-drill-down"

#include "config.h"

#include "ecart-drill-down.h"

#include <math.h>

/* The rows behind a figure. Each query is built from the filters that apply (so that SQLite
 * uses the indices: a filter "or every" would scan the table), and the waves are bound as
 * one JSON array: the statement's text does not depend on how many there are, and the
 * database's statement cache stays small. Every list comes with its true count. */

#define MEASURED_DIMENSIONS ((1u << ECART_DIMENSION_EXPECTED) | (1u << ECART_DIMENSION_LIVED))

void
ecart_drill_measurement_free (EcartDrillMeasurement *self)
{
  if (self == NULL)
    return;
  g_free (self->external_id);
  g_free (self->wave);
  g_free (self->touchpoint);
  g_free (self->answered_at);
  g_free (self);
}

void
ecart_drill_verbatim_free (EcartDrillVerbatim *self)
{
  if (self == NULL)
    return;
  g_free (self->external_id);
  g_free (self->wave);
  g_free (self->segment);
  g_free (self->attribute);
  g_free (self->touchpoint);
  g_free (self->body);
  g_free (self);
}

void
ecart_drill_respondent_free (EcartDrillRespondent *self)
{
  if (self == NULL)
    return;
  g_free (self->external_id);
  g_free (self->wave);
  g_free (self->segment);
  g_free (self->answered_at);
  g_free (self->verbatims);
  g_free (self);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *)text) : NULL;
}

/* "[1,2,3]", or NULL for every wave. */
static char *
waves_json (const EcartDrillFilter *filter)
{
  GString *json;

  if (filter->n_waves == 0 || filter->wave_ids == NULL)
    return NULL;
  json = g_string_new ("[");
  for (guint i = 0; i < filter->n_waves; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", filter->wave_ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gboolean
check_filter (const EcartDrillFilter  *filter,
              GError                 **error)
{
  if (filter->dimensions != 0 && (filter->dimensions & ~MEASURED_DIMENSIONS) != 0)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   "only the expected and lived dimensions are measured");
      return FALSE;
    }
  return TRUE;
}

/* Appends " AND …" for every filter that applies; the values are bound by bind_filter() as
 * ?1 segment, ?2 attribute, ?3 touchpoint, ?4 waves, ?5 dimensions. */
static void
append_where (GString                *sql,
              const EcartDrillFilter *filter,
              const char             *segment,
              const char             *attribute,
              const char             *touchpoint,
              const char             *wave,
              const char             *dimension)
{
  if (filter->segment_id != 0 && segment != NULL)
    g_string_append_printf (sql, " AND %s = ?1", segment);
  if (filter->attribute_id != 0 && attribute != NULL)
    g_string_append_printf (sql, " AND %s = ?2", attribute);
  if (filter->touchpoint_id != 0 && touchpoint != NULL)
    g_string_append_printf (sql, " AND %s = ?3", touchpoint);
  if (filter->n_waves > 0 && filter->wave_ids != NULL && wave != NULL)
    g_string_append_printf (sql, " AND %s IN (SELECT value FROM json_each (?4))", wave);
  if (filter->dimensions != 0 && filter->dimensions != MEASURED_DIMENSIONS && dimension != NULL)
    g_string_append_printf (sql, " AND (?5 >> %s) & 1", dimension);
}

static void
bind_filter (sqlite3_stmt           *stmt,
             const EcartDrillFilter *filter,
             const char             *waves)
{
  int count = sqlite3_bind_parameter_count (stmt);

  if (count >= 1)
    sqlite3_bind_int64 (stmt, 1, filter->segment_id);
  if (count >= 2)
    sqlite3_bind_int64 (stmt, 2, filter->attribute_id);
  if (count >= 3)
    sqlite3_bind_int64 (stmt, 3, filter->touchpoint_id);
  if (count >= 4)
    sqlite3_bind_text (stmt, 4, waves != NULL ? waves : "[]", -1, SQLITE_TRANSIENT);
  if (count >= 5)
    sqlite3_bind_int64 (stmt, 5, filter->dimensions);
}

static gboolean
query_count (EcartDatabase           *db,
             const char              *sql,
             const EcartDrillFilter  *filter,
             const char              *waves,
             gint64                  *total,
             GError                 **error)
{
  g_autoptr(EcartStatement) stmt = ecart_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter, waves);
  /* Parameters past those of the filter are not used by counts. */
  switch (ecart_database_step (db, stmt, error))
    {
    case ECART_STEP_ROW:
      if (total != NULL)
        *total = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    case ECART_STEP_DONE:
      if (total != NULL)
        *total = 0;
      return TRUE;
    default:
      return FALSE;
    }
}

#define MEASUREMENT_FROM \
  " FROM measurement AS m" \
  " CROSS JOIN respondent AS r ON r.id = m.respondent_id" \
  " WHERE 1"

/**
 * ecart_drill_down_measurements:
 * @limit: how many to list at most
 * @total: (out) (optional): how many there are in all
 *
 * The measurements of @filter, by wave, respondent and touchpoint.
 *
 * Returns: (transfer full) (element-type EcartDrillMeasurement): at most @limit of them,
 *   or %NULL on error
 */
GPtrArray *
ecart_drill_down_measurements (EcartWorkspace          *workspace,
                               const EcartDrillFilter  *filter,
                               guint                    limit,
                               gint64                  *total,
                               GError                 **error)
{
  EcartDatabase *db;
  g_autoptr(GString) count_sql = g_string_new ("SELECT count (*)" MEASUREMENT_FROM);
  g_autoptr(GString) list_sql = NULL;
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *waves = NULL;
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_filter (filter, error))
    return NULL;

  db = ecart_workspace_get_database (workspace);
  waves = waves_json (filter);
  append_where (count_sql, filter, "r.segment_id", "m.attribute_id", "m.touchpoint_id",
                "r.wave_id", "m.dimension");
  if (!query_count (db, count_sql->str, filter, waves, total, error))
    return NULL;

  list_sql = g_string_new ("SELECT r.id, r.external_id, w.name, t.name, r.answered_at, m.dimension, "
                           "m.score, m.scale_min, m.scale_max"
                           " FROM measurement AS m"
                           " CROSS JOIN respondent AS r ON r.id = m.respondent_id"
                           " CROSS JOIN wave AS w ON w.id = r.wave_id"
                           " LEFT JOIN touchpoint AS t ON t.id = m.touchpoint_id"
                           " WHERE 1");
  append_where (list_sql, filter, "r.segment_id", "m.attribute_id", "m.touchpoint_id",
                "r.wave_id", "m.dimension");
  g_string_append (list_sql, " ORDER BY r.wave_id, r.id, t.position, m.dimension LIMIT ?6");

  if (!(stmt = ecart_database_prepare (db, list_sql->str, error)))
    return NULL;
  bind_filter (stmt, filter, waves);
  sqlite3_bind_int64 (stmt, 6, limit);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)ecart_drill_measurement_free);
  while ((step = ecart_database_step (db, stmt, error)) == ECART_STEP_ROW)
    {
      EcartDrillMeasurement *row = g_new0 (EcartDrillMeasurement, 1);

      row->respondent_id = sqlite3_column_int64 (stmt, 0);
      row->external_id = column_text (stmt, 1);
      row->wave = column_text (stmt, 2);
      row->touchpoint = column_text (stmt, 3);
      row->answered_at = column_text (stmt, 4);
      row->dimension = sqlite3_column_int (stmt, 5);
      row->raw_score = sqlite3_column_double (stmt, 6);
      row->scale_min = sqlite3_column_double (stmt, 7);
      row->scale_max = sqlite3_column_double (stmt, 8);
      row->score = 10.0 * (row->raw_score - row->scale_min) / (row->scale_max - row->scale_min);
      g_ptr_array_add (rows, row);
    }
  if (step == ECART_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * ecart_drill_down_verbatims:
 * @limit: how many to list at most
 * @total: (out) (optional): how many there are in all
 *
 * The verbatims of @filter's segment, attribute, touchpoint and waves (its dimensions do
 * not apply): the lowest recommendations first, so that complaints come before praise.
 *
 * Returns: (transfer full) (element-type EcartDrillVerbatim): at most @limit of them, or
 *   %NULL on error
 */
GPtrArray *
ecart_drill_down_verbatims (EcartWorkspace          *workspace,
                            const EcartDrillFilter  *filter,
                            guint                    limit,
                            gint64                  *total,
                            GError                 **error)
{
  EcartDatabase *db;
  g_autoptr(GString) count_sql = NULL;
  g_autoptr(GString) list_sql = NULL;
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *waves = NULL;
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = ecart_workspace_get_database (workspace);
  waves = waves_json (filter);

  count_sql = g_string_new ("SELECT count (*) FROM verbatim AS v"
                            " LEFT JOIN respondent AS r ON r.id = v.respondent_id WHERE 1");
  append_where (count_sql, filter, "ifnull (v.segment_id, r.segment_id)", "v.attribute_id",
                "v.touchpoint_id", "ifnull (v.wave_id, r.wave_id)", NULL);
  if (!query_count (db, count_sql->str, filter, waves, total, error))
    return NULL;

  list_sql = g_string_new ("SELECT v.id, r.id, r.external_id, w.name, s.name, a.name, t.name, "
                           "v.body, c.score"
                           " FROM verbatim AS v"
                           " LEFT JOIN respondent AS r ON r.id = v.respondent_id"
                           " LEFT JOIN wave AS w ON w.id = ifnull (v.wave_id, r.wave_id)"
                           " LEFT JOIN segment AS s ON s.id = ifnull (v.segment_id, r.segment_id)"
                           " LEFT JOIN attribute AS a ON a.id = v.attribute_id"
                           " LEFT JOIN touchpoint AS t ON t.id = v.touchpoint_id"
                           " LEFT JOIN recommendation AS c ON c.respondent_id = r.id"
                           " WHERE 1");
  append_where (list_sql, filter, "ifnull (v.segment_id, r.segment_id)", "v.attribute_id",
                "v.touchpoint_id", "ifnull (v.wave_id, r.wave_id)", NULL);
  g_string_append (list_sql, " ORDER BY ifnull (c.score, 11), v.id LIMIT ?6");

  if (!(stmt = ecart_database_prepare (db, list_sql->str, error)))
    return NULL;
  bind_filter (stmt, filter, waves);
  sqlite3_bind_int64 (stmt, 6, limit);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)ecart_drill_verbatim_free);
  while ((step = ecart_database_step (db, stmt, error)) == ECART_STEP_ROW)
    {
      EcartDrillVerbatim *row = g_new0 (EcartDrillVerbatim, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->respondent_id = sqlite3_column_int64 (stmt, 1);
      row->external_id = column_text (stmt, 2);
      row->wave = column_text (stmt, 3);
      row->segment = column_text (stmt, 4);
      row->attribute = column_text (stmt, 5);
      row->touchpoint = column_text (stmt, 6);
      row->body = column_text (stmt, 7);
      row->recommendation = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  if (step == ECART_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * ecart_drill_down_respondents:
 * @min_score: @max_score: the recommendation scores wanted, 0–10 (0–6: the detractors,
 *   9–10: the promoters)
 * @limit: how many to list at most
 * @total: (out) (optional): how many there are in all
 *
 * The respondents of @filter's segment and waves whose recommendation lies in [@min_score,
 * @max_score]: those who left a verbatim first, then the furthest from the middle of the
 * scale (the angriest detractors, the keenest promoters).
 *
 * Returns: (transfer full) (element-type EcartDrillRespondent): at most @limit of them, or
 *   %NULL on error
 */
GPtrArray *
ecart_drill_down_respondents (EcartWorkspace          *workspace,
                              const EcartDrillFilter  *filter,
                              int                      min_score,
                              int                      max_score,
                              guint                    limit,
                              gint64                  *total,
                              GError                 **error)
{
  EcartDatabase *db;
  g_autoptr(GString) count_sql = NULL;
  g_autoptr(GString) list_sql = NULL;
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *waves = NULL;
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (min_score < 0 || max_score > 10 || min_score > max_score)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   "recommendation scores go from 0 to 10");
      return NULL;
    }

  db = ecart_workspace_get_database (workspace);
  waves = waves_json (filter);

  count_sql = g_string_new ("SELECT count (*) FROM recommendation AS c"
                            " CROSS JOIN respondent AS r ON r.id = c.respondent_id"
                            " WHERE c.score BETWEEN ?7 AND ?8");
  append_where (count_sql, filter, "r.segment_id", NULL, NULL, "r.wave_id", NULL);
  list_sql = g_string_new ("SELECT r.id, r.external_id, w.name, s.name, r.answered_at, c.score, "
                           " (SELECT group_concat (v.body, char (10)) FROM verbatim AS v"
                           "  WHERE v.respondent_id = r.id) AS said"
                           " FROM recommendation AS c"
                           " CROSS JOIN respondent AS r ON r.id = c.respondent_id"
                           " CROSS JOIN wave AS w ON w.id = r.wave_id"
                           " CROSS JOIN segment AS s ON s.id = r.segment_id"
                           " WHERE c.score BETWEEN ?7 AND ?8");
  append_where (list_sql, filter, "r.segment_id", NULL, NULL, "r.wave_id", NULL);
  g_string_append (list_sql, " ORDER BY said IS NULL, abs (c.score - 7.5) DESC, r.id LIMIT ?6");

  for (guint pass = 0; pass < 2; pass++)
    {
      g_clear_pointer (&stmt, sqlite3_reset);
      if (!(stmt = ecart_database_prepare (db, pass == 0 ? count_sql->str : list_sql->str, error)))
        return NULL;
      /* Every parameter up to ?8 is bound; those the text does not use are ignored. */
      sqlite3_bind_int64 (stmt, 1, filter->segment_id);
      sqlite3_bind_int64 (stmt, 2, filter->attribute_id);
      sqlite3_bind_int64 (stmt, 3, filter->touchpoint_id);
      sqlite3_bind_text (stmt, 4, waves != NULL ? waves : "[]", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, filter->dimensions);
      sqlite3_bind_int64 (stmt, 6, limit);
      sqlite3_bind_int (stmt, 7, min_score);
      sqlite3_bind_int (stmt, 8, max_score);
      if (pass == 0)
        {
          step = ecart_database_step (db, stmt, error);
          if (step == ECART_STEP_ERROR)
            return NULL;
          if (total != NULL)
            *total = step == ECART_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
        }
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)ecart_drill_respondent_free);
  while ((step = ecart_database_step (db, stmt, error)) == ECART_STEP_ROW)
    {
      EcartDrillRespondent *row = g_new0 (EcartDrillRespondent, 1);

      row->respondent_id = sqlite3_column_int64 (stmt, 0);
      row->external_id = column_text (stmt, 1);
      row->wave = column_text (stmt, 2);
      row->segment = column_text (stmt, 3);
      row->answered_at = column_text (stmt, 4);
      row->recommendation = sqlite3_column_int (stmt, 5);
      row->verbatims = column_text (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  if (step == ECART_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * ecart_drill_down_initiatives:
 *
 * Returns: (transfer full): a new list of the workspace's initiatives about the attribute
 *   of id @attribute_id, in the order of the board
 */
GListModel *
ecart_drill_down_initiatives (EcartWorkspace *workspace,
                              gint64          attribute_id)
{
  GListModel *all;
  GListStore *store;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);

  store = g_list_store_new (ECART_TYPE_INITIATIVE);
  all = ecart_workspace_get_initiatives (workspace);
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      g_autoptr(EcartInitiative) initiative = g_list_model_get_item (all, i);

      if (attribute_id != 0 && ecart_initiative_get_attribute_id (initiative) == attribute_id)
        g_list_store_append (store, initiative);
    }
  return G_LIST_MODEL (store);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  EcartGapKind kind = GPOINTER_TO_INT (user_data);
  double x = fabs (ecart_gap_row_get_gap (*(EcartGapRow **)a, kind)->value);
  double y = fabs (ecart_gap_row_get_gap (*(EcartGapRow **)b, kind)->value);

  return (x < y) - (x > y);
}

/**
 * ecart_drill_down_largest_gaps:
 * @count: how many at most
 *
 * The rows of @segment in @table whose @gap is significant (and not on insufficient data),
 * the largest in size first, whether the experience falls short or goes beyond.
 *
 * Returns: (transfer full) (element-type EcartGapRow): at most @count rows
 */
GPtrArray *
ecart_drill_down_largest_gaps (EcartGapTable *table,
                               EcartSegment  *segment,
                               EcartGapKind   gap,
                               guint          count)
{
  GListModel *rows;
  GPtrArray *largest;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (table), NULL);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail ((guint)gap < ECART_N_GAPS, NULL);

  largest = g_ptr_array_new_with_free_func (g_object_unref);
  rows = ecart_gap_table_get_segment_rows (table, segment);
  for (guint i = 0, n = rows != NULL ? g_list_model_get_n_items (rows) : 0; i < n; i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      const EcartGap *value = ecart_gap_row_get_gap (row, gap);

      if (value->significant && !value->insufficient && isfinite (value->value))
        g_ptr_array_add (largest, g_steal_pointer (&row));
    }
  g_ptr_array_sort_with_data (largest, compare_gaps, GINT_TO_POINTER (gap));
  if (largest->len > count)
    g_ptr_array_set_size (largest, count);
  return largest;
}

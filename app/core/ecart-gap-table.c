/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-gap-table"

#include "config.h"

#include "ecart-gap-table.h"
#include "ecart-gap-row-private.h"
#include "ecart-gap-table-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* EcartGapTable: the gap engine. For a workspace and a set of options it computes, once,
 * everything the dashboard, the charts and `ecart-cli gaps` show: per segment × attribute
 * (× touchpoint) the four dimensions and the five gaps with their intervals and
 * significance, the importance-weighted indices, the importance–performance quadrants,
 * the NPS per segment and wave with its changes, and the trends per wave. A table is
 * immutable: when the workspace or the options change, compute a new one.
 *
 * Sums come from ecart-gap-table-read.c (the aggregates; the rows only for a wave a date
 * range cuts through), so the cost grows with the number of cells. docs/statistics.md
 * explains every formula and decision. */

/* n, Σx, Σx² of expected and lived scores, and of paired differences. */
typedef struct
{
  gint64 n[3];
  double sum[3];
  double sum_sq[3];
} CellSums;

typedef struct
{
  guint  segment;
  guint  attribute;
  gint64 touchpoint_id;
} TouchpointKey;

struct _EcartGapTable
{
  GObject          parent_instance;

  EcartWorkspace  *workspace;
  EcartGapOptions *options;
  double           confidence;
  double           alpha;
  guint            min_n;

  GListStore      *segments;      /* EcartSegment, the table's, in the portfolio's order */
  GListStore      *waves;         /* EcartWave, the table's, in order */
  GListStore      *attributes;    /* EcartAttribute, all, in order */
  guint            n_segments;
  guint            n_waves;
  guint            n_attributes;
  GHashTable      *segment_index;   /* id → index + 1 */
  GHashTable      *wave_index;
  GHashTable      *attribute_index;

  /* While reading. */
  CellSums        *attribute_sums;  /* [segment][attribute] */
  CellSums        *wave_sums;       /* [segment][attribute][wave] */
  GHashTable      *touchpoint_sums; /* TouchpointKey → CellSums */
  gint64          *histograms;      /* [segment][wave][11] */

  /* Results. */
  GPtrArray       *rows;            /* the rows asked for: the GListModel */
  GListStore      *attribute_rows;  /* all per-attribute rows */
  GListStore     **segment_rows;    /* [segment]: its per-attribute rows */
  EcartGapRow    **by_attribute;    /* [segment][attribute] */
  GHashTable      *by_touchpoint;   /* TouchpointKey → EcartGapRow */
  double          *indices;         /* [segment][gap] */
  guint           *index_counts;    /* [segment][gap] */
  double          *crosshairs;      /* [segment][2]: importance, lived; NAN without */
  EcartNps        *nps;             /* [segment + 1][wave + 1]; the last ones: all */
  EcartNpsChange  *nps_changes;     /* [segment + 1][wave] */
  EcartTrendPoint *trends;          /* [segment][attribute][2][wave] */
};

static void ecart_gap_table_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EcartGapTable, ecart_gap_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ecart_gap_table_list_model_init))

static GType
ecart_gap_table_get_item_type (GListModel *model)
{
  return ECART_TYPE_GAP_ROW;
}

static guint
ecart_gap_table_get_n_items (GListModel *model)
{
  return ECART_GAP_TABLE (model)->rows->len;
}

static gpointer
ecart_gap_table_get_item (GListModel *model,
                          guint       position)
{
  EcartGapTable *self = ECART_GAP_TABLE (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
ecart_gap_table_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ecart_gap_table_get_item_type;
  iface->get_n_items = ecart_gap_table_get_n_items;
  iface->get_item = ecart_gap_table_get_item;
}

static guint
touchpoint_key_hash (gconstpointer data)
{
  const TouchpointKey *key = data;

  return (key->segment * 7919u) ^ (key->attribute * 104729u) ^ g_int64_hash (&key->touchpoint_id);
}

static gboolean
touchpoint_key_equal (gconstpointer a,
                      gconstpointer b)
{
  const TouchpointKey *x = a;
  const TouchpointKey *y = b;

  return x->segment == y->segment && x->attribute == y->attribute
         && x->touchpoint_id == y->touchpoint_id;
}

static void
free_reading (EcartGapTable *self)
{
  g_clear_pointer (&self->attribute_sums, g_free);
  g_clear_pointer (&self->wave_sums, g_free);
  g_clear_pointer (&self->touchpoint_sums, g_hash_table_unref);
  g_clear_pointer (&self->histograms, g_free);
}

static void
ecart_gap_table_finalize (GObject *object)
{
  EcartGapTable *self = (EcartGapTable *)object;

  free_reading (self);
  if (self->segment_rows != NULL)
    for (guint s = 0; s < self->n_segments; s++)
      g_clear_object (&self->segment_rows[s]);
  g_clear_pointer (&self->segment_rows, g_free);
  g_clear_pointer (&self->by_attribute, g_free);
  g_clear_pointer (&self->by_touchpoint, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->attribute_rows);
  g_clear_pointer (&self->indices, g_free);
  g_clear_pointer (&self->index_counts, g_free);
  g_clear_pointer (&self->crosshairs, g_free);
  g_clear_pointer (&self->nps, g_free);
  g_clear_pointer (&self->nps_changes, g_free);
  g_clear_pointer (&self->trends, g_free);
  g_clear_pointer (&self->segment_index, g_hash_table_unref);
  g_clear_pointer (&self->wave_index, g_hash_table_unref);
  g_clear_pointer (&self->attribute_index, g_hash_table_unref);
  g_clear_object (&self->segments);
  g_clear_object (&self->waves);
  g_clear_object (&self->attributes);
  g_clear_object (&self->options);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_gap_table_parent_class)->finalize (object);
}

static void
ecart_gap_table_class_init (EcartGapTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_gap_table_finalize;
}

static void
ecart_gap_table_init (EcartGapTable *self)
{
  self->segments = g_list_store_new (ECART_TYPE_SEGMENT);
  self->waves = g_list_store_new (ECART_TYPE_WAVE);
  self->attributes = g_list_store_new (ECART_TYPE_ATTRIBUTE);
  self->segment_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->wave_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->attribute_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->attribute_rows = g_list_store_new (ECART_TYPE_GAP_ROW);
  self->by_touchpoint = g_hash_table_new_full (touchpoint_key_hash, touchpoint_key_equal,
                                               g_free, g_object_unref);
  self->touchpoint_sums = g_hash_table_new_full (touchpoint_key_hash, touchpoint_key_equal,
                                                 g_free, g_free);
}

/* Index of the item with @id in @index, or -1. */
static int
index_of (GHashTable *index,
          gint64      id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (index, &id)) - 1;
}

static void
add_index (GHashTable *index,
           gint64      id,
           guint       position)
{
  g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (position + 1));
}

static int
item_index (GHashTable *index,
            gpointer    item)
{
  if (item == NULL)
    return -1;
  return index_of (index, ecart_item_get_id (ECART_ITEM (item)));
}

static gboolean
contains_id (const gint64 *ids,
             guint         n,
             gint64        id)
{
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

/* The items of @list whose ids are in @ids (all of them when @ids is empty), in the
 * workspace's order; an id that is not in @list is an error. */
static gboolean
select_items (GListModel    *list,
              const gint64  *ids,
              guint          n_ids,
              GListStore    *selected,
              GHashTable    *index,
              const char    *missing_message,
              GError       **error)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(EcartItem) item = g_list_model_get_item (list, j);

          found = ecart_item_get_id (item) == ids[i];
        }
      if (!found)
        {
          g_set_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_NOT_FOUND, missing_message,
                       (long long)ids[i]);
          return FALSE;
        }
    }

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, j);

      if (n_ids == 0 || contains_id (ids, n_ids, ecart_item_get_id (item)))
        {
          add_index (index, ecart_item_get_id (item), g_list_model_get_n_items (G_LIST_MODEL (selected)));
          g_list_store_append (selected, item);
        }
    }
  return TRUE;
}

static void
add_sums (CellSums *cell,
          guint     kind,
          gint64    n,
          double    sum,
          double    sum_sq)
{
  cell->n[kind] += n;
  cell->sum[kind] += sum;
  cell->sum_sq[kind] += sum_sq;
}

static void
on_sums (const EcartGapSums *sums,
         gpointer            user_data)
{
  EcartGapTable *self = user_data;
  gint64 touchpoint_filter = ecart_gap_options_get_touchpoint_id (self->options);
  int s = index_of (self->segment_index, sums->segment_id);
  int w = index_of (self->wave_index, sums->wave_id);
  int a = index_of (self->attribute_index, sums->attribute_id);

  if (s < 0 || w < 0 || a < 0 || sums->n <= 0)
    return;
  if (touchpoint_filter != ECART_GAP_ALL_TOUCHPOINTS && sums->touchpoint_id != touchpoint_filter)
    return;

  add_sums (&self->attribute_sums[s * self->n_attributes + a], sums->kind,
            sums->n, sums->sum, sums->sum_sq);
  add_sums (&self->wave_sums[(s * self->n_attributes + a) * self->n_waves + w], sums->kind,
            sums->n, sums->sum, sums->sum_sq);

  if (ecart_gap_options_get_by_touchpoint (self->options))
    {
      TouchpointKey key = { s, a, sums->touchpoint_id };
      CellSums *cell = g_hash_table_lookup (self->touchpoint_sums, &key);

      if (cell == NULL)
        {
          cell = g_new0 (CellSums, 1);
          g_hash_table_insert (self->touchpoint_sums, g_memdup2 (&key, sizeof key), cell);
        }
      add_sums (cell, sums->kind, sums->n, sums->sum, sums->sum_sq);
    }
}

static void
on_score (gint64   segment_id,
          gint64   wave_id,
          int      score,
          gint64   n,
          gpointer user_data)
{
  EcartGapTable *self = user_data;
  int s = index_of (self->segment_index, segment_id);
  int w = index_of (self->wave_index, wave_id);

  if (s < 0 || w < 0 || score < 0 || score > 10)
    return;
  self->histograms[(s * self->n_waves + w) * 11 + score] += n;
}

static void
clear_gap (EcartGap *gap)
{
  *gap = (EcartGap) { NAN, NAN, NAN, NAN, NAN, NAN, NAN, ECART_GAP_METHOD_NONE, 0, FALSE, FALSE };
}

static void
set_gap (EcartGap        *gap,
         const EcartTest *test,
         EcartGapMethod   method,
         gint64           n,
         gboolean         insufficient)
{
  gap->value = test->estimate;
  gap->ci_low = test->ci_low;
  gap->ci_high = test->ci_high;
  gap->df = test->df;
  gap->statistic = test->statistic;
  gap->p_value = test->p_value;
  gap->p_adjusted = NAN;
  gap->method = method;
  gap->n = n;
  gap->insufficient = insufficient;
  gap->significant = FALSE;
}

/* The measured values and the five gaps of one row, before any correction. */
static void
compute_row (EcartGapTable  *self,
             EcartGapRow    *row,
             const CellSums *sums)
{
  EcartExperience *experience;
  EcartTest test;

  experience = ecart_workspace_get_experience (self->workspace, row->segment, row->attribute);
  row->importance = ecart_experience_get_importance (experience);
  row->desired = ecart_experience_get_desired_target (experience);
  row->proposed = ecart_experience_get_proposed_level (experience);

  ecart_stats_summary (sums->n[ECART_GAP_SUMS_EXPECTED], sums->sum[ECART_GAP_SUMS_EXPECTED],
                       sums->sum_sq[ECART_GAP_SUMS_EXPECTED], self->confidence, &row->expected);
  ecart_stats_summary (sums->n[ECART_GAP_SUMS_LIVED], sums->sum[ECART_GAP_SUMS_LIVED],
                       sums->sum_sq[ECART_GAP_SUMS_LIVED], self->confidence, &row->lived);
  row->expected_insufficient = row->expected.n < self->min_n;
  row->lived_insufficient = row->lived.n < self->min_n;
  row->pairs = sums->n[ECART_GAP_SUMS_PAIRS];
  row->paired = row->pairs > 0 && row->pairs == row->expected.n && row->pairs == row->lived.n;

  for (guint k = 0; k < ECART_N_GAPS; k++)
    clear_gap (&row->gaps[k]);

  if (isfinite (row->desired) && isfinite (row->proposed))
    {
      EcartGap *gap = &row->gaps[ECART_GAP_IMPLEMENTATION];

      gap->value = row->proposed - row->desired;
      gap->method = ECART_GAP_METHOD_FIXED;
    }

  if (isfinite (row->desired) && row->expected.n > 0)
    {
      ecart_stats_one_sample (&row->expected, row->desired, self->confidence, &test);
      set_gap (&row->gaps[ECART_GAP_EXPECTATION], &test, ECART_GAP_METHOD_ONE_SAMPLE,
               row->expected.n, row->expected_insufficient);
    }

  if (row->expected.n > 0 && row->lived.n > 0)
    {
      gboolean insufficient = row->expected_insufficient || row->lived_insufficient;

      if (row->paired)
        {
          ecart_stats_paired (row->pairs, sums->sum[ECART_GAP_SUMS_PAIRS],
                              sums->sum_sq[ECART_GAP_SUMS_PAIRS], self->confidence, &test);
          set_gap (&row->gaps[ECART_GAP_PERCEPTION], &test, ECART_GAP_METHOD_PAIRED,
                   row->pairs, insufficient);
        }
      else
        {
          ecart_stats_welch (&row->expected, &row->lived, self->confidence, &test);
          set_gap (&row->gaps[ECART_GAP_PERCEPTION], &test, ECART_GAP_METHOD_WELCH,
                   MIN (row->expected.n, row->lived.n), insufficient);
        }
    }

  if (isfinite (row->desired) && row->lived.n > 0)
    {
      ecart_stats_one_sample (&row->lived, row->desired, self->confidence, &test);
      set_gap (&row->gaps[ECART_GAP_DELIVERY], &test, ECART_GAP_METHOD_ONE_SAMPLE,
               row->lived.n, row->lived_insufficient);
    }

  if (isfinite (row->proposed) && row->lived.n > 0)
    {
      ecart_stats_one_sample (&row->lived, row->proposed, self->confidence, &test);
      set_gap (&row->gaps[ECART_GAP_EXECUTION], &test, ECART_GAP_METHOD_ONE_SAMPLE,
               row->lived.n, row->lived_insufficient);
    }
}

/* Significance within one family of rows (the rows of a segment at one level), per gap:
 * the gaps that are tested are those with a p-value and enough data; with Holm their
 * p-values are adjusted together. */
static void
decide_significance (EcartGapTable  *self,
                     EcartGapRow   **rows,
                     guint           n_rows)
{
  g_autofree double *p = g_new (double, MAX (n_rows, 1));
  g_autofree double *adjusted = g_new (double, MAX (n_rows, 1));
  gboolean holm = ecart_gap_options_get_holm (self->options);

  for (guint k = 0; k < ECART_N_GAPS; k++)
    {
      for (guint i = 0; i < n_rows; i++)
        {
          const EcartGap *gap = &rows[i]->gaps[k];

          p[i] = gap->insufficient ? NAN : gap->p_value;
        }

      if (holm)
        ecart_stats_holm (p, n_rows, adjusted);
      else
        memcpy (adjusted, p, n_rows * sizeof (double));

      for (guint i = 0; i < n_rows; i++)
        {
          EcartGap *gap = &rows[i]->gaps[k];

          gap->p_adjusted = adjusted[i];
          gap->significant = isfinite (adjusted[i]) && adjusted[i] < self->alpha;
        }
    }
}

/* Indices and quadrants of a segment, from its per-attribute rows. */
static void
summarise_segment (EcartGapTable  *self,
                   guint           s,
                   EcartGapRow   **rows)
{
  double importance_total = 0.0;
  double lived_total = 0.0;
  guint measured = 0;
  double *crosshair = &self->crosshairs[s * 2];

  for (guint k = 0; k < ECART_N_GAPS; k++)
    {
      double weighted = 0.0;
      double weights = 0.0;
      guint count = 0;

      for (guint a = 0; a < self->n_attributes; a++)
        {
          const EcartGap *gap = &rows[a]->gaps[k];

          if (!isfinite (gap->value))
            continue;
          weighted += rows[a]->importance * gap->value;
          weights += rows[a]->importance;
          count++;
        }
      self->indices[s * ECART_N_GAPS + k] = weights > 0 ? weighted / weights : NAN;
      self->index_counts[s * ECART_N_GAPS + k] = count;
    }

  for (guint a = 0; a < self->n_attributes; a++)
    if (rows[a]->lived.n > 0)
      {
        importance_total += rows[a]->importance;
        lived_total += rows[a]->lived.mean;
        measured++;
      }

  crosshair[0] = measured > 0 ? importance_total / measured : NAN;
  crosshair[1] = measured > 0 ? lived_total / measured : NAN;

  for (guint a = 0; a < self->n_attributes; a++)
    {
      EcartGapRow *row = rows[a];
      gboolean important;
      gboolean performing;

      if (row->lived.n == 0)
        {
          row->quadrant = ECART_QUADRANT_NONE;
          continue;
        }
      /* On a crosshair counts as high: the quadrants are closed on their upper side. */
      important = row->importance >= crosshair[0];
      performing = row->lived.mean >= crosshair[1];
      if (important)
        row->quadrant = performing ? ECART_QUADRANT_KEEP_UP : ECART_QUADRANT_CONCENTRATE_HERE;
      else
        row->quadrant = performing ? ECART_QUADRANT_POSSIBLE_OVERKILL : ECART_QUADRANT_LOW_PRIORITY;
    }
}

static void
build_attribute_rows (EcartGapTable *self)
{
  self->by_attribute = g_new0 (EcartGapRow *, MAX (self->n_segments * self->n_attributes, 1));
  self->segment_rows = g_new0 (GListStore *, MAX (self->n_segments, 1));

  for (guint s = 0; s < self->n_segments; s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (G_LIST_MODEL (self->segments), s);
      EcartGapRow **rows = &self->by_attribute[s * self->n_attributes];

      self->segment_rows[s] = g_list_store_new (ECART_TYPE_GAP_ROW);
      for (guint a = 0; a < self->n_attributes; a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (G_LIST_MODEL (self->attributes), a);
          EcartGapRow *row = _ecart_gap_row_new (segment, attribute, NULL, FALSE);

          compute_row (self, row, &self->attribute_sums[s * self->n_attributes + a]);
          rows[a] = row;
          g_list_store_append (self->segment_rows[s], row);
          g_list_store_append (self->attribute_rows, row);
        }

      decide_significance (self, rows, self->n_attributes);
      summarise_segment (self, s, rows);

      /* by_attribute borrows: the lists own the rows. */
      for (guint a = 0; a < self->n_attributes; a++)
        g_object_unref (rows[a]);
    }
}

static void
build_touchpoint_rows (EcartGapTable *self)
{
  GListModel *touchpoints = ecart_workspace_get_touchpoints (self->workspace);
  guint n_touchpoints = g_list_model_get_n_items (touchpoints);

  for (guint s = 0; s < self->n_segments; s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (G_LIST_MODEL (self->segments), s);
      g_autoptr(GPtrArray) family = g_ptr_array_new ();

      for (guint a = 0; a < self->n_attributes; a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (G_LIST_MODEL (self->attributes), a);

          /* Measured without a touchpoint first, then the journey's order. */
          for (guint t = 0; t <= n_touchpoints; t++)
            {
              g_autoptr(EcartTouchpoint) touchpoint = t > 0 ? g_list_model_get_item (touchpoints, t - 1) : NULL;
              TouchpointKey key = { s, a, touchpoint != NULL ? ecart_item_get_id (ECART_ITEM (touchpoint)) : 0 };
              const CellSums *sums = g_hash_table_lookup (self->touchpoint_sums, &key);
              EcartGapRow *row;

              if (sums == NULL)
                continue;
              row = _ecart_gap_row_new (segment, attribute, touchpoint, TRUE);
              compute_row (self, row, sums);
              g_hash_table_insert (self->by_touchpoint, g_memdup2 (&key, sizeof key), row);
              g_ptr_array_add (family, row);
              g_ptr_array_add (self->rows, g_object_ref (row));
            }
        }

      decide_significance (self, (EcartGapRow **)family->pdata, family->len);
    }
}

static void
build_nps (EcartGapTable *self)
{
  guint n_s = self->n_segments + 1;
  guint n_w = self->n_waves + 1;
  g_autofree gint64 *histograms = g_new0 (gint64, n_s * n_w * 11);

  /* Histograms for every segment × wave, with margins: all waves, all segments. */
  for (guint s = 0; s < self->n_segments; s++)
    for (guint w = 0; w < self->n_waves; w++)
      for (guint score = 0; score <= 10; score++)
        {
          gint64 count = self->histograms[(s * self->n_waves + w) * 11 + score];

          histograms[(s * n_w + w) * 11 + score] += count;
          histograms[(s * n_w + self->n_waves) * 11 + score] += count;
          histograms[(self->n_segments * n_w + w) * 11 + score] += count;
          histograms[(self->n_segments * n_w + self->n_waves) * 11 + score] += count;
        }

  self->nps = g_new0 (EcartNps, n_s * n_w);
  for (guint i = 0; i < n_s * n_w; i++)
    {
      ecart_stats_nps (&histograms[i * 11], self->confidence, &self->nps[i]);
      self->nps[i].insufficient = self->nps[i].n < self->min_n;
    }

  self->nps_changes = g_new0 (EcartNpsChange, n_s * MAX (self->n_waves, 1));
  for (guint s = 0; s < n_s; s++)
    for (guint w = 0; w < self->n_waves; w++)
      {
        EcartNpsChange *change = &self->nps_changes[s * self->n_waves + w];

        if (w == 0)
          {
            EcartNps none = { 0 };

            ecart_stats_nps_change (&none, &self->nps[s * n_w], self->confidence, change);
            continue;
          }
        ecart_stats_nps_change (&self->nps[s * n_w + w - 1], &self->nps[s * n_w + w],
                                self->confidence, change);
      }
}

static void
build_trends (EcartGapTable *self)
{
  static const guint kinds[2] = { ECART_GAP_SUMS_EXPECTED, ECART_GAP_SUMS_LIVED };
  guint n_points = self->n_segments * self->n_attributes * 2 * self->n_waves;

  self->trends = g_new0 (EcartTrendPoint, MAX (n_points, 1));
  for (guint s = 0; s < self->n_segments; s++)
    for (guint a = 0; a < self->n_attributes; a++)
      for (guint d = 0; d < 2; d++)
        {
          EcartTrendPoint *points = &self->trends[((s * self->n_attributes + a) * 2 + d) * self->n_waves];

          for (guint w = 0; w < self->n_waves; w++)
            {
              const CellSums *sums = &self->wave_sums[(s * self->n_attributes + a) * self->n_waves + w];
              EcartTrendPoint *point = &points[w];

              point->wave = g_list_model_get_item (G_LIST_MODEL (self->waves), w);
              g_object_unref (point->wave); /* the list keeps it */
              ecart_stats_summary (sums->n[kinds[d]], sums->sum[kinds[d]], sums->sum_sq[kinds[d]],
                                   self->confidence, &point->summary);
              point->insufficient = point->summary.n < self->min_n;

              if (w == 0)
                {
                  EcartSummary none = { 0 };

                  ecart_stats_welch (&none, &point->summary, self->confidence, &point->change);
                  point->since_first = point->change;
                  continue;
                }
              ecart_stats_welch (&points[w - 1].summary, &point->summary, self->confidence,
                                 &point->change);
              point->significant = !point->insufficient && !points[w - 1].insufficient
                                   && isfinite (point->change.p_value)
                                   && point->change.p_value < self->alpha;
              ecart_stats_welch (&points[0].summary, &point->summary, self->confidence,
                                 &point->since_first);
              point->since_first_significant = !point->insufficient && !points[0].insufficient
                                               && isfinite (point->since_first.p_value)
                                               && point->since_first.p_value < self->alpha;
            }
        }
}

/**
 * ecart_gap_table_new:
 * @options: (nullable): what to compute; %NULL for the defaults (every segment and wave,
 *   all touchpoints together, 95 %, minimum n 10, Holm)
 *
 * Computes the gap table of @workspace. Reads only the aggregate tables, except for a wave
 * that the date range of @options cuts through.
 *
 * Returns: (transfer full): the table, or %NULL with @error set: %ECART_GAP_ERROR_INVALID
 *   for an option the engine refuses, %ECART_GAP_ERROR_NOT_FOUND for a segment, wave or
 *   touchpoint not in @workspace, or a database error
 */
EcartGapTable *
ecart_gap_table_new (EcartWorkspace   *workspace,
                     EcartGapOptions  *options,
                     GError          **error)
{
  g_autoptr(EcartGapTable) self = NULL;
  g_autofree gint64 *segment_ids = NULL;
  g_autofree gint64 *wave_ids = NULL;
  EcartGapReadRequest request = { 0 };
  const gint64 *ids;
  guint n_ids;
  gint64 touchpoint_id;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (options == NULL || ECART_IS_GAP_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ecart_stats_init ();

  self = g_object_new (ECART_TYPE_GAP_TABLE, NULL);
  self->workspace = g_object_ref (workspace);
  self->options = options != NULL ? ecart_gap_options_copy (options) : ecart_gap_options_new ();
  if (!ecart_gap_options_validate (self->options, error))
    return NULL;
  self->confidence = ecart_gap_options_get_confidence (self->options);
  self->alpha = 1.0 - self->confidence;
  self->min_n = ecart_gap_options_get_min_n (self->options);

  ids = ecart_gap_options_get_segments (self->options, &n_ids);
  if (!select_items (ecart_workspace_get_segments (workspace), ids, n_ids, self->segments,
                     self->segment_index, _("No segment has the id %lld in this workspace"), error))
    return NULL;
  ids = ecart_gap_options_get_waves (self->options, &n_ids);
  if (!select_items (ecart_workspace_get_waves (workspace), ids, n_ids, self->waves,
                     self->wave_index, _("No wave has the id %lld in this workspace"), error))
    return NULL;
  if (!select_items (ecart_workspace_get_attributes (workspace), NULL, 0, self->attributes,
                     self->attribute_index, NULL, error))
    return NULL;
  touchpoint_id = ecart_gap_options_get_touchpoint_id (self->options);
  if (touchpoint_id != ECART_GAP_ALL_TOUCHPOINTS
      && ecart_workspace_find_touchpoint (workspace, touchpoint_id) == NULL)
    {
      g_set_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_NOT_FOUND,
                   _("No touchpoint has the id %lld in this workspace"), (long long)touchpoint_id);
      return NULL;
    }

  self->n_segments = g_list_model_get_n_items (G_LIST_MODEL (self->segments));
  self->n_waves = g_list_model_get_n_items (G_LIST_MODEL (self->waves));
  self->n_attributes = g_list_model_get_n_items (G_LIST_MODEL (self->attributes));

  self->attribute_sums = g_new0 (CellSums, MAX (self->n_segments * self->n_attributes, 1));
  self->wave_sums = g_new0 (CellSums, MAX (self->n_segments * self->n_attributes * self->n_waves, 1));
  self->histograms = g_new0 (gint64, MAX (self->n_segments * self->n_waves * 11, 1));
  self->indices = g_new0 (double, MAX (self->n_segments * ECART_N_GAPS, 1));
  self->index_counts = g_new0 (guint, MAX (self->n_segments * ECART_N_GAPS, 1));
  self->crosshairs = g_new0 (double, MAX (self->n_segments * 2, 1));

  segment_ids = g_new (gint64, MAX (self->n_segments, 1));
  for (guint s = 0; s < self->n_segments; s++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (G_LIST_MODEL (self->segments), s);
      segment_ids[s] = ecart_item_get_id (item);
    }
  wave_ids = g_new (gint64, MAX (self->n_waves, 1));
  for (guint w = 0; w < self->n_waves; w++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (G_LIST_MODEL (self->waves), w);
      wave_ids[w] = ecart_item_get_id (item);
    }

  request.segments = segment_ids;
  request.n_segments = self->n_segments;
  request.waves = wave_ids;
  request.n_waves = self->n_waves;
  request.from = ecart_gap_options_get_from (self->options);
  request.to = ecart_gap_options_get_to (self->options);
  request.sums_func = on_sums;
  request.score_func = on_score;
  request.user_data = self;
  if (self->n_waves > 0
      && !_ecart_gap_table_read (ecart_workspace_get_database (workspace), &request, error))
    return NULL;

  build_attribute_rows (self);
  if (ecart_gap_options_get_by_touchpoint (self->options))
    build_touchpoint_rows (self);
  else
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->attribute_rows)); i++)
      g_ptr_array_add (self->rows, g_list_model_get_item (G_LIST_MODEL (self->attribute_rows), i));
  build_nps (self);
  build_trends (self);
  free_reading (self);

  return g_steal_pointer (&self);
}

/**
 * ecart_gap_table_get_workspace:
 *
 * Returns: (transfer none): the workspace
 */
EcartWorkspace *
ecart_gap_table_get_workspace (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  return self->workspace;
}

/**
 * ecart_gap_table_get_options:
 *
 * Returns: (transfer none): a copy of the options the table was computed with; do not
 *   change it
 */
EcartGapOptions *
ecart_gap_table_get_options (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  return self->options;
}

double
ecart_gap_table_get_confidence (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), ECART_CONFIDENCE_DEFAULT);
  return self->confidence;
}

guint
ecart_gap_table_get_min_n (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), 0);
  return self->min_n;
}

/**
 * ecart_gap_table_get_segments:
 *
 * Returns: (transfer none): the #EcartSegment<!-- -->s of the table, in the portfolio's order
 */
GListModel *
ecart_gap_table_get_segments (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  return G_LIST_MODEL (self->segments);
}

/**
 * ecart_gap_table_get_waves:
 *
 * Returns: (transfer none): the #EcartWave<!-- -->s of the table, in chronological order
 *   (the workspace's)
 */
GListModel *
ecart_gap_table_get_waves (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  return G_LIST_MODEL (self->waves);
}

/**
 * ecart_gap_table_get_attributes:
 *
 * Returns: (transfer none): the #EcartAttribute<!-- -->s, in the workspace's order
 */
GListModel *
ecart_gap_table_get_attributes (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  return G_LIST_MODEL (self->attributes);
}

/**
 * ecart_gap_table_get_attribute_rows:
 *
 * Returns: (transfer none): every per-attribute #EcartGapRow, segment by segment, in the
 *   attributes' order; the same rows as the table itself unless it is by touchpoint
 */
GListModel *
ecart_gap_table_get_attribute_rows (EcartGapTable *self)
{
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  return G_LIST_MODEL (self->attribute_rows);
}

/**
 * ecart_gap_table_get_segment_rows:
 *
 * Returns: (transfer none) (nullable): the per-attribute rows of @segment, one per
 *   attribute in order, or %NULL when @segment is not in the table
 */
GListModel *
ecart_gap_table_get_segment_rows (EcartGapTable *self,
                                  EcartSegment  *segment)
{
  int s;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);

  s = item_index (self->segment_index, segment);
  return s < 0 ? NULL : G_LIST_MODEL (self->segment_rows[s]);
}

/**
 * ecart_gap_table_lookup:
 *
 * Returns: (transfer none) (nullable): the per-attribute row of @segment × @attribute, or
 *   %NULL when the segment is not in the table
 */
EcartGapRow *
ecart_gap_table_lookup (EcartGapTable  *self,
                        EcartSegment   *segment,
                        EcartAttribute *attribute)
{
  int s;
  int a;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);

  s = item_index (self->segment_index, segment);
  a = item_index (self->attribute_index, attribute);
  if (s < 0 || a < 0)
    return NULL;
  return self->by_attribute[s * self->n_attributes + a];
}

/**
 * ecart_gap_table_lookup_touchpoint:
 * @touchpoint: (nullable): the touchpoint, or %NULL for measurements taken without one
 *
 * Returns: (transfer none) (nullable): the per-touchpoint row, or %NULL when nothing was
 *   measured there or the table is not by touchpoint
 */
EcartGapRow *
ecart_gap_table_lookup_touchpoint (EcartGapTable   *self,
                                   EcartSegment    *segment,
                                   EcartAttribute  *attribute,
                                   EcartTouchpoint *touchpoint)
{
  TouchpointKey key;
  int s;
  int a;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);
  g_return_val_if_fail (touchpoint == NULL || ECART_IS_TOUCHPOINT (touchpoint), NULL);

  s = item_index (self->segment_index, segment);
  a = item_index (self->attribute_index, attribute);
  if (s < 0 || a < 0)
    return NULL;
  key = (TouchpointKey) { s, a, touchpoint != NULL ? ecart_item_get_id (ECART_ITEM (touchpoint)) : 0 };
  return g_hash_table_lookup (self->by_touchpoint, &key);
}

/**
 * ecart_gap_table_get_index:
 * @n_attributes: (out) (optional): how many attributes it is computed over
 *
 * The importance-weighted index of a gap for a segment: Σ wᵢ·gapᵢ / Σ wᵢ over the
 * attributes where the gap is computable, wᵢ their importance (1–5).
 *
 * Returns: the index in points, or NAN when no attribute has that gap
 */
double
ecart_gap_table_get_index (EcartGapTable *self,
                           EcartSegment  *segment,
                           EcartGapKind   kind,
                           guint         *n_attributes)
{
  int s;

  if (n_attributes != NULL)
    *n_attributes = 0;
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NAN);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NAN);
  g_return_val_if_fail ((guint)kind < ECART_N_GAPS, NAN);

  s = item_index (self->segment_index, segment);
  if (s < 0)
    return NAN;
  if (n_attributes != NULL)
    *n_attributes = self->index_counts[s * ECART_N_GAPS + kind];
  return self->indices[s * ECART_N_GAPS + kind];
}

/**
 * ecart_gap_table_get_crosshair:
 * @importance: (out) (optional): mean importance of the measured attributes
 * @lived: (out) (optional): mean of their lived means
 *
 * The crosshairs of the segment's importance–performance matrix: the means, over the
 * attributes with lived measurements, of their importance and of their lived means.
 *
 * Returns: %FALSE (and NAN) when no attribute of @segment has a lived measurement
 */
gboolean
ecart_gap_table_get_crosshair (EcartGapTable *self,
                               EcartSegment  *segment,
                               double        *importance,
                               double        *lived)
{
  int s;

  if (importance != NULL)
    *importance = NAN;
  if (lived != NULL)
    *lived = NAN;
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), FALSE);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), FALSE);

  s = item_index (self->segment_index, segment);
  if (s < 0 || !isfinite (self->crosshairs[s * 2]))
    return FALSE;
  if (importance != NULL)
    *importance = self->crosshairs[s * 2];
  if (lived != NULL)
    *lived = self->crosshairs[s * 2 + 1];
  return TRUE;
}

/**
 * ecart_gap_table_get_nps:
 * @segment: (nullable): a segment of the table, or %NULL for all of them together
 * @wave: (nullable): a wave of the table, or %NULL for all of them together
 *
 * Returns: (transfer none) (nullable): the recommendation figures, or %NULL when @segment
 *   or @wave is not in the table
 */
const EcartNps *
ecart_gap_table_get_nps (EcartGapTable *self,
                         EcartSegment  *segment,
                         EcartWave     *wave)
{
  int s;
  int w;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  g_return_val_if_fail (segment == NULL || ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (wave == NULL || ECART_IS_WAVE (wave), NULL);

  s = segment != NULL ? item_index (self->segment_index, segment) : (int)self->n_segments;
  w = wave != NULL ? item_index (self->wave_index, wave) : (int)self->n_waves;
  if (s < 0 || w < 0)
    return NULL;
  return &self->nps[s * (self->n_waves + 1) + w];
}

/**
 * ecart_gap_table_get_nps_change:
 * @segment: (nullable): a segment of the table, or %NULL for all of them together
 * @wave: a wave of the table
 *
 * Returns: (transfer none) (nullable): the change of NPS from the previous wave of the
 *   table to @wave; %NULL for the first wave, or when @segment or @wave is not in the table
 */
const EcartNpsChange *
ecart_gap_table_get_nps_change (EcartGapTable *self,
                                EcartSegment  *segment,
                                EcartWave     *wave)
{
  int s;
  int w;

  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  g_return_val_if_fail (segment == NULL || ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (ECART_IS_WAVE (wave), NULL);

  s = segment != NULL ? item_index (self->segment_index, segment) : (int)self->n_segments;
  w = item_index (self->wave_index, wave);
  if (s < 0 || w < 1)
    return NULL;
  return &self->nps_changes[s * self->n_waves + w];
}

/**
 * ecart_gap_table_get_trend:
 * @dimension: %ECART_DIMENSION_EXPECTED or %ECART_DIMENSION_LIVED
 * @n_points: (out): receives the number of points: the number of waves of the table
 *
 * Returns: (transfer none) (array length=n_points) (nullable): one point per wave of the
 *   table, in order, or %NULL when @segment is not in the table
 */
const EcartTrendPoint *
ecart_gap_table_get_trend (EcartGapTable  *self,
                           EcartSegment   *segment,
                           EcartAttribute *attribute,
                           EcartDimension  dimension,
                           guint          *n_points)
{
  int s;
  int a;
  guint d;

  g_return_val_if_fail (n_points != NULL, NULL);
  *n_points = 0;
  g_return_val_if_fail (ECART_IS_GAP_TABLE (self), NULL);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);
  g_return_val_if_fail (dimension == ECART_DIMENSION_EXPECTED || dimension == ECART_DIMENSION_LIVED, NULL);

  s = item_index (self->segment_index, segment);
  a = item_index (self->attribute_index, attribute);
  if (s < 0 || a < 0 || self->n_waves == 0)
    return NULL;
  d = dimension == ECART_DIMENSION_EXPECTED ? 0 : 1;
  *n_points = self->n_waves;
  return &self->trends[((s * self->n_attributes + a) * 2 + d) * self->n_waves];
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-measurement-model"

#include "config.h"

#include "ecart-measurement-model.h"
#include "ecart-measurement-private.h"


/* The measurements of a workspace as a GListModel, for a table that may scroll through
 * millions of rows: nothing is read until a row is asked for. Rows are read in blocks of
 * ECART_MEASUREMENT_MODEL_BLOCK_SIZE in the order of their ids, and at most
 * ECART_MEASUREMENT_MODEL_MAX_BLOCKS blocks are kept (the least recently used goes), so
 * memory does not grow with the table.
 *
 * A block is found by its first id (keyset paging: `id >= ? ORDER BY id LIMIT n`, which
 * costs the rows read, wherever the block is). The first id of each block is learnt as
 * blocks are read (the next block starts after the last id of this one); a block whose
 * start is not known yet, after a jump, is found once with OFFSET from the nearest block
 * before it whose start is known. */

#define BLOCK_SIZE ECART_MEASUREMENT_MODEL_BLOCK_SIZE
#define MAX_BLOCKS ECART_MEASUREMENT_MODEL_MAX_BLOCKS

#define FROM_WHERE \
  "FROM measurement m JOIN respondent r ON r.id = m.respondent_id " \
  "WHERE (?1 = 0 OR r.wave_id = ?1) AND (?2 = 0 OR r.segment_id = ?2) "

typedef struct
{
  guint      index;
  guint64    last_used;
  GPtrArray *rows;      /* EcartMeasurement */
} Block;

struct _EcartMeasurementModel
{
  GObject         parent_instance;

  EcartWorkspace *workspace;
  EcartWave      *wave;
  EcartSegment   *segment;
  gulong          changed_handler;

  guint           n_items;
  GArray         *starts;    /* gint64: the first id of each block, 0 when not known yet */
  GPtrArray      *blocks;    /* Block, at most MAX_BLOCKS */
  guint64         clock;
  GError         *error;
};

static void ecart_measurement_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EcartMeasurementModel, ecart_measurement_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ecart_measurement_model_list_model_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_WAVE,
  PROP_SEGMENT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
block_free (gpointer data)
{
  Block *block = data;

  g_ptr_array_unref (block->rows);
  g_free (block);
}

static gint64
filter_id (gpointer item)
{
  return item != NULL ? ecart_item_get_id (ECART_ITEM (item)) : 0;
}

static void
bind_filters (EcartMeasurementModel *self,
              sqlite3_stmt          *stmt)
{
  sqlite3_bind_int64 (stmt, 1, filter_id (self->wave));
  sqlite3_bind_int64 (stmt, 2, filter_id (self->segment));
}

static guint
count_rows (EcartMeasurementModel *self)
{
  EcartDatabase *db = ecart_workspace_get_database (self->workspace);
  g_autoptr(EcartStatement) stmt = NULL;
  gint64 count;

  if (self->wave == NULL && self->segment == NULL)
    stmt = ecart_database_prepare (db, "SELECT count(*) FROM measurement", &self->error);
  else
    stmt = ecart_database_prepare (db, "SELECT count(*) " FROM_WHERE, &self->error);
  if (stmt == NULL)
    return 0;
  if (self->wave != NULL || self->segment != NULL)
    bind_filters (self, stmt);
  if (ecart_database_step (db, stmt, &self->error) != ECART_STEP_ROW)
    return 0;
  count = sqlite3_column_int64 (stmt, 0);
  return (guint)CLAMP (count, 0, G_MAXUINT);
}

static void
reset (EcartMeasurementModel *self)
{
  guint removed = self->n_items;

  g_clear_error (&self->error);
  g_ptr_array_set_size (self->blocks, 0);
  self->n_items = self->workspace != NULL ? count_rows (self) : 0;
  g_array_set_size (self->starts, 0);
  g_array_set_size (self->starts, (self->n_items + BLOCK_SIZE - 1) / BLOCK_SIZE + 1);
  if (self->error != NULL)
    g_warning ("Failed to count the measurements: %s", self->error->message);

  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  if (removed != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The first id of block @index: known, or counted from the nearest block before it whose
 * start is known (OFFSET costs the rows it skips: a jump costs its distance). */
static gint64
find_block_start (EcartMeasurementModel *self,
                  guint                  index)
{
  EcartDatabase *db = ecart_workspace_get_database (self->workspace);
  g_autoptr(EcartStatement) stmt = NULL;
  gint64 *start = &g_array_index (self->starts, gint64, index);
  gint64 from = 0;
  guint known = index;

  if (*start != 0)
    return *start;

  while (known > 0 && g_array_index (self->starts, gint64, known) == 0)
    known--;
  from = g_array_index (self->starts, gint64, known);

  stmt = ecart_database_prepare (db,
                                 "SELECT m.id " FROM_WHERE "AND m.id >= ?4 "
                                 "ORDER BY m.id LIMIT 1 OFFSET ?3",
                                 &self->error);
  if (stmt == NULL)
    return 0;
  bind_filters (self, stmt);
  sqlite3_bind_int64 (stmt, 3, (gint64)(index - known) * BLOCK_SIZE);
  sqlite3_bind_int64 (stmt, 4, from);
  if (ecart_database_step (db, stmt, &self->error) != ECART_STEP_ROW)
    return 0;
  *start = sqlite3_column_int64 (stmt, 0);
  return *start;
}

static Block *
read_block (EcartMeasurementModel *self,
            guint                  index)
{
  EcartDatabase *db = ecart_workspace_get_database (self->workspace);
  g_autoptr(EcartStatement) stmt = NULL;
  Block *block;
  gint64 start;
  EcartStep step;

  start = find_block_start (self, index);
  if (start == 0)
    return NULL;

  stmt = ecart_database_prepare (db,
                                 "SELECT m.id, coalesce (r.external_id, '#' || r.id), s.name, "
                                 "w.name, a.name, t.name, m.dimension, m.score, m.scale_min, "
                                 "m.scale_max "
                                 "FROM measurement m JOIN respondent r ON r.id = m.respondent_id "
                                 "JOIN segment s ON s.id = r.segment_id "
                                 "JOIN wave w ON w.id = r.wave_id "
                                 "JOIN attribute a ON a.id = m.attribute_id "
                                 "LEFT JOIN touchpoint t ON t.id = m.touchpoint_id "
                                 "WHERE (?1 = 0 OR r.wave_id = ?1) AND (?2 = 0 OR r.segment_id = ?2) "
                                 "AND m.id >= ?3 ORDER BY m.id LIMIT ?4",
                                 &self->error);
  if (stmt == NULL)
    return NULL;
  bind_filters (self, stmt);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int (stmt, 4, BLOCK_SIZE);

  block = g_new0 (Block, 1);
  block->index = index;
  block->rows = g_ptr_array_new_full (BLOCK_SIZE, g_object_unref);
  while ((step = ecart_database_step (db, stmt, &self->error)) == ECART_STEP_ROW)
    g_ptr_array_add (block->rows,
                     _ecart_measurement_new (sqlite3_column_int64 (stmt, 0),
                                             (const char *)sqlite3_column_text (stmt, 1),
                                             (const char *)sqlite3_column_text (stmt, 2),
                                             (const char *)sqlite3_column_text (stmt, 3),
                                             (const char *)sqlite3_column_text (stmt, 4),
                                             (const char *)sqlite3_column_text (stmt, 5),
                                             sqlite3_column_int (stmt, 6),
                                             sqlite3_column_double (stmt, 7),
                                             sqlite3_column_double (stmt, 8),
                                             sqlite3_column_double (stmt, 9)));
  if (step == ECART_STEP_ERROR)
    {
      block_free (block);
      return NULL;
    }

  /* The next block starts after the last row of this one. */
  if (block->rows->len > 0 && index + 1 < self->starts->len)
    {
      EcartMeasurement *last = g_ptr_array_index (block->rows, block->rows->len - 1);

      g_array_index (self->starts, gint64, index + 1) = ecart_measurement_get_id (last) + 1;
    }
  return block;
}

static Block *
get_block (EcartMeasurementModel *self,
           guint                  index)
{
  Block *block;
  guint oldest = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      block = g_ptr_array_index (self->blocks, i);
      if (block->index == index)
        {
          block->last_used = ++self->clock;
          return block;
        }
      if (block->last_used < ((Block *)g_ptr_array_index (self->blocks, oldest))->last_used)
        oldest = i;
    }

  g_clear_error (&self->error);
  block = read_block (self, index);
  if (block == NULL)
    {
      if (self->error != NULL)
        g_warning ("Failed to read measurements: %s", self->error->message);
      return NULL;
    }

  if (self->blocks->len >= MAX_BLOCKS)
    g_ptr_array_remove_index_fast (self->blocks, oldest);
  block->last_used = ++self->clock;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static GType
ecart_measurement_model_get_item_type (GListModel *list)
{
  return ECART_TYPE_MEASUREMENT;
}

static guint
ecart_measurement_model_get_n_items (GListModel *list)
{
  return ECART_MEASUREMENT_MODEL (list)->n_items;
}

static gpointer
ecart_measurement_model_get_item (GListModel *list,
                                  guint       position)
{
  EcartMeasurementModel *self = ECART_MEASUREMENT_MODEL (list);
  Block *block;
  guint offset = position % BLOCK_SIZE;

  if (position >= self->n_items || self->workspace == NULL)
    return NULL;

  block = get_block (self, position / BLOCK_SIZE);
  if (block == NULL || offset >= block->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (block->rows, offset));
}

static void
ecart_measurement_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ecart_measurement_model_get_item_type;
  iface->get_n_items = ecart_measurement_model_get_n_items;
  iface->get_item = ecart_measurement_model_get_item;
}

static void
ecart_measurement_model_dispose (GObject *object)
{
  EcartMeasurementModel *self = (EcartMeasurementModel *)object;

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_handler, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_object (&self->wave);
  g_clear_object (&self->segment);

  G_OBJECT_CLASS (ecart_measurement_model_parent_class)->dispose (object);
}

static void
ecart_measurement_model_finalize (GObject *object)
{
  EcartMeasurementModel *self = (EcartMeasurementModel *)object;

  g_ptr_array_unref (self->blocks);
  g_array_unref (self->starts);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ecart_measurement_model_parent_class)->finalize (object);
}

static void
ecart_measurement_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EcartMeasurementModel *self = ECART_MEASUREMENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_WAVE:
      g_value_set_object (value, self->wave);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_measurement_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EcartMeasurementModel *self = ECART_MEASUREMENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      if (self->workspace != NULL)
        self->changed_handler = g_signal_connect_swapped (self->workspace, "changed",
                                                          G_CALLBACK (ecart_measurement_model_refresh),
                                                          self);
      break;
    case PROP_WAVE:
      ecart_measurement_model_set_wave (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_measurement_model_set_segment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_measurement_model_constructed (GObject *object)
{
  G_OBJECT_CLASS (ecart_measurement_model_parent_class)->constructed (object);
  reset (ECART_MEASUREMENT_MODEL (object));
}

static void
ecart_measurement_model_class_init (EcartMeasurementModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ecart_measurement_model_constructed;
  object_class->dispose = ecart_measurement_model_dispose;
  object_class->finalize = ecart_measurement_model_finalize;
  object_class->get_property = ecart_measurement_model_get_property;
  object_class->set_property = ecart_measurement_model_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAVE] =
    g_param_spec_object ("wave", NULL, NULL, ECART_TYPE_WAVE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_measurement_model_init (EcartMeasurementModel *self)
{
  self->starts = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

/**
 * ecart_measurement_model_new:
 *
 * Returns: (transfer full): the measurements of @workspace, in the order they were
 *   written; read again whenever the workspace changes
 */
EcartMeasurementModel *
ecart_measurement_model_new (EcartWorkspace *workspace)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  return g_object_new (ECART_TYPE_MEASUREMENT_MODEL, "workspace", workspace, NULL);
}

EcartWorkspace *
ecart_measurement_model_get_workspace (EcartMeasurementModel *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT_MODEL (self), NULL);
  return self->workspace;
}

/* Only the measurements of @wave (or of every wave with %NULL). */
void
ecart_measurement_model_set_wave (EcartMeasurementModel *self,
                                  EcartWave             *wave)
{
  g_return_if_fail (ECART_IS_MEASUREMENT_MODEL (self));
  g_return_if_fail (wave == NULL || ECART_IS_WAVE (wave));

  if (!g_set_object (&self->wave, wave))
    return;
  if (self->workspace != NULL)
    reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAVE]);
}

EcartWave *
ecart_measurement_model_get_wave (EcartMeasurementModel *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT_MODEL (self), NULL);
  return self->wave;
}

/* Only the measurements of respondents of @segment (or of every segment with %NULL). */
void
ecart_measurement_model_set_segment (EcartMeasurementModel *self,
                                     EcartSegment          *segment)
{
  g_return_if_fail (ECART_IS_MEASUREMENT_MODEL (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (!g_set_object (&self->segment, segment))
    return;
  if (self->workspace != NULL)
    reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

EcartSegment *
ecart_measurement_model_get_segment (EcartMeasurementModel *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT_MODEL (self), NULL);
  return self->segment;
}

/* Forgets what was read and counts again: done on EcartWorkspace::changed. */
void
ecart_measurement_model_refresh (EcartMeasurementModel *self)
{
  g_return_if_fail (ECART_IS_MEASUREMENT_MODEL (self));

  /* A wave or segment deleted since no longer filters. */
  if (self->wave != NULL
      && ecart_workspace_find_wave (self->workspace,
                                    ecart_item_get_id (ECART_ITEM (self->wave))) == NULL)
    {
      g_clear_object (&self->wave);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAVE]);
    }
  if (self->segment != NULL
      && ecart_workspace_find_segment (self->workspace,
                                       ecart_item_get_id (ECART_ITEM (self->segment))) == NULL)
    {
      g_clear_object (&self->segment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
    }
  reset (self);
}

/* Returns: (nullable): why the last count or read failed */
const GError *
ecart_measurement_model_get_error (EcartMeasurementModel *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT_MODEL (self), NULL);
  return self->error;
}

/* How many blocks of rows are in memory (at most ECART_MEASUREMENT_MODEL_MAX_BLOCKS). */
guint
ecart_measurement_model_get_n_cached_blocks (EcartMeasurementModel *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT_MODEL (self), 0);
  return self->blocks->len;
}

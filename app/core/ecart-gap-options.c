/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-gap-options"

#include "config.h"

#include "ecart-gap-options.h"
#include "ecart-stats.h"

#include <glib/gi18n-lib.h>

/* What a gap table is computed for, and how: the filters (segments, waves, a date range,
 * one touchpoint or all of them, one row per touchpoint) and the statistical parameters
 * (confidence level, minimum n, Holm correction). The window keeps one and binds its
 * properties to the preferences; "changed" tells it to compute a new table.
 *
 * Setters accept any value: ecart_gap_options_validate() (called by ecart_gap_table_new())
 * is where a bad one is refused, with a message that names it. */

struct _EcartGapOptions
{
  GObject  parent_instance;

  double   confidence;
  guint    min_n;
  gboolean holm;
  gboolean by_touchpoint;
  gint64   touchpoint_id;
  char    *from;
  char    *to;
  GArray  *segments;
  GArray  *waves;
};

G_DEFINE_FINAL_TYPE (EcartGapOptions, ecart_gap_options, G_TYPE_OBJECT)

G_DEFINE_QUARK (ecart-gap-error-quark, ecart_gap_error)

enum {
  PROP_0,
  PROP_CONFIDENCE,
  PROP_MIN_N,
  PROP_HOLM,
  PROP_BY_TOUCHPOINT,
  PROP_TOUCHPOINT_ID,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
ecart_gap_options_finalize (GObject *object)
{
  EcartGapOptions *self = (EcartGapOptions *)object;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->waves, g_array_unref);

  G_OBJECT_CLASS (ecart_gap_options_parent_class)->finalize (object);
}

/* One "changed" per batch of notifications (g_object_freeze_notify groups them). */
static void
ecart_gap_options_dispatch_properties_changed (GObject     *object,
                                               guint        n_pspecs,
                                               GParamSpec **pspecs)
{
  G_OBJECT_CLASS (ecart_gap_options_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
ecart_gap_options_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EcartGapOptions *self = ECART_GAP_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;
    case PROP_MIN_N:
      g_value_set_uint (value, self->min_n);
      break;
    case PROP_HOLM:
      g_value_set_boolean (value, self->holm);
      break;
    case PROP_BY_TOUCHPOINT:
      g_value_set_boolean (value, self->by_touchpoint);
      break;
    case PROP_TOUCHPOINT_ID:
      g_value_set_int64 (value, self->touchpoint_id);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_gap_options_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EcartGapOptions *self = ECART_GAP_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_CONFIDENCE:
      ecart_gap_options_set_confidence (self, g_value_get_double (value));
      break;
    case PROP_MIN_N:
      ecart_gap_options_set_min_n (self, g_value_get_uint (value));
      break;
    case PROP_HOLM:
      ecart_gap_options_set_holm (self, g_value_get_boolean (value));
      break;
    case PROP_BY_TOUCHPOINT:
      ecart_gap_options_set_by_touchpoint (self, g_value_get_boolean (value));
      break;
    case PROP_TOUCHPOINT_ID:
      ecart_gap_options_set_touchpoint_id (self, g_value_get_int64 (value));
      break;
    case PROP_FROM:
      ecart_gap_options_set_from (self, g_value_get_string (value));
      break;
    case PROP_TO:
      ecart_gap_options_set_to (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_gap_options_class_init (EcartGapOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_gap_options_finalize;
  object_class->dispatch_properties_changed = ecart_gap_options_dispatch_properties_changed;
  object_class->get_property = ecart_gap_options_get_property;
  object_class->set_property = ecart_gap_options_set_property;

  /* The range is wide on purpose: a value outside 0.80–0.99 is refused with a GError by
   * ecart_gap_options_validate(), not with a warning here. */
  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0.0, 1.0, ECART_CONFIDENCE_DEFAULT,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_N] =
    g_param_spec_uint ("min-n", NULL, NULL, 0, G_MAXUINT, 10,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLM] =
    g_param_spec_boolean ("holm", NULL, NULL, TRUE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BY_TOUCHPOINT] =
    g_param_spec_boolean ("by-touchpoint", NULL, NULL, FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOUCHPOINT_ID] =
    g_param_spec_int64 ("touchpoint-id", NULL, NULL, 0, G_MAXINT64, ECART_GAP_ALL_TOUCHPOINTS,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EcartGapOptions::changed:
   *
   * Emitted once after any option changed (a property, the segments or the waves).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ecart_gap_options_init (EcartGapOptions *self)
{
  self->confidence = ECART_CONFIDENCE_DEFAULT;
  self->min_n = 10;
  self->holm = TRUE;
  self->segments = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->waves = g_array_new (FALSE, FALSE, sizeof (gint64));
}

EcartGapOptions *
ecart_gap_options_new (void)
{
  return g_object_new (ECART_TYPE_GAP_OPTIONS, NULL);
}

/**
 * ecart_gap_options_copy:
 *
 * Returns: (transfer full): an independent copy (a table keeps one of the options it was
 *   computed with)
 */
EcartGapOptions *
ecart_gap_options_copy (EcartGapOptions *self)
{
  EcartGapOptions *copy;

  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), NULL);

  copy = ecart_gap_options_new ();
  copy->confidence = self->confidence;
  copy->min_n = self->min_n;
  copy->holm = self->holm;
  copy->by_touchpoint = self->by_touchpoint;
  copy->touchpoint_id = self->touchpoint_id;
  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  g_array_append_vals (copy->segments, self->segments->data, self->segments->len);
  g_array_append_vals (copy->waves, self->waves->data, self->waves->len);
  return copy;
}

/* A calendar date written YYYY-MM-DD, and nothing else. */
static gboolean
is_iso_date (const char *text)
{
  guint year;
  guint month;
  guint day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);
  return g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

/**
 * ecart_gap_options_validate:
 *
 * Checks the values that do not depend on a workspace: the confidence level (0.80 to
 * 0.99), the minimum n (at least 1) and the dates (YYYY-MM-DD, from ≤ to).
 *
 * Returns: %TRUE, or %FALSE with @error set (%ECART_GAP_ERROR_INVALID)
 */
gboolean
ecart_gap_options_validate (EcartGapOptions  *self,
                            GError          **error)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), FALSE);

  if (!ecart_stats_confidence_is_valid (self->confidence))
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      /* Written with a dot, as the command line reads it, whatever the language. */
      g_ascii_formatd (value, sizeof value, "%g", self->confidence);
      g_set_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID,
                   _("The confidence level %s is not between 0.80 and 0.99"), value);
      return FALSE;
    }
  if (self->min_n < 1)
    {
      g_set_error_literal (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID,
                           _("The minimum number of measurements must be at least 1"));
      return FALSE;
    }
  if (self->from != NULL && !is_iso_date (self->from))
    {
      g_set_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID,
                   _("The start date “%s” is not a date written YYYY-MM-DD"), self->from);
      return FALSE;
    }
  if (self->to != NULL && !is_iso_date (self->to))
    {
      g_set_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID,
                   _("The end date “%s” is not a date written YYYY-MM-DD"), self->to);
      return FALSE;
    }
  if (self->from != NULL && self->to != NULL && strcmp (self->from, self->to) > 0)
    {
      g_set_error (error, ECART_GAP_ERROR, ECART_GAP_ERROR_INVALID,
                   _("The start date %s is after the end date %s"), self->from, self->to);
      return FALSE;
    }
  return TRUE;
}

double
ecart_gap_options_get_confidence (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), ECART_CONFIDENCE_DEFAULT);
  return self->confidence;
}

void
ecart_gap_options_set_confidence (EcartGapOptions *self,
                                  double           confidence)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  if (self->confidence == confidence)
    return;
  self->confidence = confidence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
}

guint
ecart_gap_options_get_min_n (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), 10);
  return self->min_n;
}

void
ecart_gap_options_set_min_n (EcartGapOptions *self,
                             guint            min_n)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  if (self->min_n == min_n)
    return;
  self->min_n = min_n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_N]);
}

gboolean
ecart_gap_options_get_holm (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), TRUE);
  return self->holm;
}

void
ecart_gap_options_set_holm (EcartGapOptions *self,
                            gboolean         holm)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  holm = !!holm;
  if (self->holm == holm)
    return;
  self->holm = holm;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLM]);
}

gboolean
ecart_gap_options_get_by_touchpoint (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), FALSE);
  return self->by_touchpoint;
}

/**
 * ecart_gap_options_set_by_touchpoint:
 *
 * With %TRUE the table has one row per segment × attribute × touchpoint where something
 * was measured (and keeps the per-attribute rows for the indices and the quadrants).
 */
void
ecart_gap_options_set_by_touchpoint (EcartGapOptions *self,
                                     gboolean         by_touchpoint)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  by_touchpoint = !!by_touchpoint;
  if (self->by_touchpoint == by_touchpoint)
    return;
  self->by_touchpoint = by_touchpoint;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY_TOUCHPOINT]);
}

gint64
ecart_gap_options_get_touchpoint_id (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), ECART_GAP_ALL_TOUCHPOINTS);
  return self->touchpoint_id;
}

/**
 * ecart_gap_options_set_touchpoint_id:
 * @touchpoint_id: a touchpoint, or %ECART_GAP_ALL_TOUCHPOINTS
 *
 * Restricts the measurements to those taken at one touchpoint.
 */
void
ecart_gap_options_set_touchpoint_id (EcartGapOptions *self,
                                     gint64           touchpoint_id)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  touchpoint_id = MAX (touchpoint_id, 0);
  if (self->touchpoint_id == touchpoint_id)
    return;
  self->touchpoint_id = touchpoint_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUCHPOINT_ID]);
}

const char *
ecart_gap_options_get_from (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), NULL);
  return self->from;
}

/**
 * ecart_gap_options_set_from:
 * @date: (nullable): the first day (YYYY-MM-DD) of the respondents' answers to count, or
 *   %NULL for no lower bound
 */
void
ecart_gap_options_set_from (EcartGapOptions *self,
                            const char      *date)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  if (date != NULL && date[0] == '\0')
    date = NULL;
  if (set_string (&self->from, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
}

const char *
ecart_gap_options_get_to (EcartGapOptions *self)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), NULL);
  return self->to;
}

/**
 * ecart_gap_options_set_to:
 * @date: (nullable): the last day (YYYY-MM-DD, included) of the answers to count, or %NULL
 */
void
ecart_gap_options_set_to (EcartGapOptions *self,
                          const char      *date)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));

  if (date != NULL && date[0] == '\0')
    date = NULL;
  if (set_string (&self->to, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
}

static void
set_ids (EcartGapOptions *self,
         GArray          *array,
         const gint64    *ids,
         guint            n)
{
  if (array->len == n && (n == 0 || memcmp (array->data, ids, n * sizeof (gint64)) == 0))
    return;
  g_array_set_size (array, 0);
  if (n > 0)
    g_array_append_vals (array, ids, n);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_id (EcartGapOptions *self,
        GArray          *array,
        gint64           id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;
  g_array_append_val (array, id);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ecart_gap_options_get_segments:
 * @n_segments: (out): receives how many
 *
 * Returns: (array length=n_segments): the segments asked for; none means every segment
 */
const gint64 *
ecart_gap_options_get_segments (EcartGapOptions *self,
                                guint           *n_segments)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), NULL);
  g_return_val_if_fail (n_segments != NULL, NULL);

  *n_segments = self->segments->len;
  return (const gint64 *)(gpointer)self->segments->data;
}

/**
 * ecart_gap_options_set_segments:
 * @segment_ids: (array length=n_segments) (nullable): segment ids; none for every segment
 */
void
ecart_gap_options_set_segments (EcartGapOptions *self,
                                const gint64    *segment_ids,
                                guint            n_segments)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));
  g_return_if_fail (n_segments == 0 || segment_ids != NULL);

  set_ids (self, self->segments, segment_ids, n_segments);
}

void
ecart_gap_options_add_segment (EcartGapOptions *self,
                               gint64           segment_id)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));
  add_id (self, self->segments, segment_id);
}

/**
 * ecart_gap_options_get_waves:
 * @n_waves: (out): receives how many
 *
 * Returns: (array length=n_waves): the waves asked for; none means every wave
 */
const gint64 *
ecart_gap_options_get_waves (EcartGapOptions *self,
                             guint           *n_waves)
{
  g_return_val_if_fail (ECART_IS_GAP_OPTIONS (self), NULL);
  g_return_val_if_fail (n_waves != NULL, NULL);

  *n_waves = self->waves->len;
  return (const gint64 *)(gpointer)self->waves->data;
}

/**
 * ecart_gap_options_set_waves:
 * @wave_ids: (array length=n_waves) (nullable): wave ids; none for every wave
 */
void
ecart_gap_options_set_waves (EcartGapOptions *self,
                             const gint64    *wave_ids,
                             guint            n_waves)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));
  g_return_if_fail (n_waves == 0 || wave_ids != NULL);

  set_ids (self, self->waves, wave_ids, n_waves);
}

void
ecart_gap_options_add_wave (EcartGapOptions *self,
                            gint64           wave_id)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (self));
  add_id (self, self->waves, wave_id);
}

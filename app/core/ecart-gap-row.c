/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-gap-row"

#include "config.h"

#include "ecart-gap-row-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* One row of a gap table: a segment × attribute (× touchpoint), the four dimensions with
 * their statistics, and the five gaps. Rows are computed by EcartGapTable and read-only. */

G_DEFINE_FINAL_TYPE (EcartGapRow, ecart_gap_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEGMENT,
  PROP_ATTRIBUTE,
  PROP_TOUCHPOINT,
  PROP_IMPORTANCE,
  PROP_DESIRED,
  PROP_PROPOSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char     *key;
  const char     *label;
  EcartDimension  minuend;
  EcartDimension  subtrahend;
} gap_kinds[ECART_N_GAPS] = {
  [ECART_GAP_IMPLEMENTATION] = { "implementation", N_("Implementation gap"),
                                 ECART_DIMENSION_PROPOSED, ECART_DIMENSION_DESIRED },
  [ECART_GAP_EXPECTATION] = { "expectation", N_("Expectation gap"),
                              ECART_DIMENSION_EXPECTED, ECART_DIMENSION_DESIRED },
  [ECART_GAP_PERCEPTION] = { "perception", N_("Perception gap"),
                             ECART_DIMENSION_LIVED, ECART_DIMENSION_EXPECTED },
  [ECART_GAP_DELIVERY] = { "delivery", N_("Delivery gap"),
                           ECART_DIMENSION_LIVED, ECART_DIMENSION_DESIRED },
  [ECART_GAP_EXECUTION] = { "execution", N_("Execution gap"),
                            ECART_DIMENSION_LIVED, ECART_DIMENSION_PROPOSED },
};

static const struct {
  const char *key;
  const char *label;
} quadrants[] = {
  [ECART_QUADRANT_NONE] = { "none", N_("Not measured") },
  [ECART_QUADRANT_CONCENTRATE_HERE] = { "concentrate-here", N_("Concentrate here") },
  [ECART_QUADRANT_KEEP_UP] = { "keep-up-the-good-work", N_("Keep up the good work") },
  [ECART_QUADRANT_LOW_PRIORITY] = { "low-priority", N_("Low priority") },
  [ECART_QUADRANT_POSSIBLE_OVERKILL] = { "possible-overkill", N_("Possible overkill") },
};

static const char * const methods[] = {
  [ECART_GAP_METHOD_NONE] = "none",
  [ECART_GAP_METHOD_FIXED] = "fixed",
  [ECART_GAP_METHOD_ONE_SAMPLE] = "one-sample",
  [ECART_GAP_METHOD_PAIRED] = "paired",
  [ECART_GAP_METHOD_WELCH] = "welch",
};

static void
ecart_gap_row_finalize (GObject *object)
{
  EcartGapRow *self = (EcartGapRow *)object;

  g_clear_object (&self->segment);
  g_clear_object (&self->attribute);
  g_clear_object (&self->touchpoint);

  G_OBJECT_CLASS (ecart_gap_row_parent_class)->finalize (object);
}

static void
ecart_gap_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EcartGapRow *self = ECART_GAP_ROW (object);

  switch (prop_id)
    {
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    case PROP_ATTRIBUTE:
      g_value_set_object (value, self->attribute);
      break;
    case PROP_TOUCHPOINT:
      g_value_set_object (value, self->touchpoint);
      break;
    case PROP_IMPORTANCE:
      g_value_set_int (value, self->importance);
      break;
    case PROP_DESIRED:
      g_value_set_double (value, self->desired);
      break;
    case PROP_PROPOSED:
      g_value_set_double (value, self->proposed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_gap_row_class_init (EcartGapRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_gap_row_finalize;
  object_class->get_property = ecart_gap_row_get_property;

  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTRIBUTE] =
    g_param_spec_object ("attribute", NULL, NULL, ECART_TYPE_ATTRIBUTE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOUCHPOINT] =
    g_param_spec_object ("touchpoint", NULL, NULL, ECART_TYPE_TOUCHPOINT,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTANCE] =
    g_param_spec_int ("importance", NULL, NULL, 1, 5, 3,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIRED] =
    g_param_spec_double ("desired", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROPOSED] =
    g_param_spec_double ("proposed", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_gap_row_init (EcartGapRow *self)
{
  self->importance = 3;
  self->desired = NAN;
  self->proposed = NAN;
}

EcartGapRow *
_ecart_gap_row_new (EcartSegment    *segment,
                    EcartAttribute  *attribute,
                    EcartTouchpoint *touchpoint,
                    gboolean         per_touchpoint)
{
  EcartGapRow *self = g_object_new (ECART_TYPE_GAP_ROW, NULL);

  self->segment = g_object_ref (segment);
  self->attribute = g_object_ref (attribute);
  self->touchpoint = touchpoint != NULL ? g_object_ref (touchpoint) : NULL;
  self->per_touchpoint = per_touchpoint;
  return self;
}

/**
 * ecart_gap_row_get_segment:
 *
 * Returns: (transfer none): the segment
 */
EcartSegment *
ecart_gap_row_get_segment (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NULL);
  return self->segment;
}

/**
 * ecart_gap_row_get_attribute:
 *
 * Returns: (transfer none): the attribute
 */
EcartAttribute *
ecart_gap_row_get_attribute (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NULL);
  return self->attribute;
}

/**
 * ecart_gap_row_get_touchpoint:
 *
 * Returns: (transfer none) (nullable): the touchpoint of a per-touchpoint row, %NULL for
 *   a row of measurements taken without a touchpoint, and for a per-attribute row
 */
EcartTouchpoint *
ecart_gap_row_get_touchpoint (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NULL);
  return self->touchpoint;
}

/**
 * ecart_gap_row_is_per_touchpoint:
 *
 * Returns: %TRUE for a segment × attribute × touchpoint row, %FALSE for a segment ×
 *   attribute row (every touchpoint together, or the one touchpoint the table is for)
 */
gboolean
ecart_gap_row_is_per_touchpoint (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), FALSE);
  return self->per_touchpoint;
}

/**
 * ecart_gap_row_get_importance:
 *
 * Returns: the importance of the attribute to the segment, 1–5 (3 until set)
 */
int
ecart_gap_row_get_importance (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), 3);
  return self->importance;
}

/**
 * ecart_gap_row_get_desired:
 *
 * Returns: the desired target, 0–10, or NAN when not set
 */
double
ecart_gap_row_get_desired (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NAN);
  return self->desired;
}

/**
 * ecart_gap_row_get_proposed:
 *
 * Returns: the proposed level, 0–10, or NAN when not set
 */
double
ecart_gap_row_get_proposed (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NAN);
  return self->proposed;
}

/**
 * ecart_gap_row_get_value:
 *
 * The value of one dimension as a chart places it: the desired target, the proposed
 * level, or the mean of the expected or lived measurements.
 *
 * Returns: the value on 0–10, or NAN when there is none
 */
double
ecart_gap_row_get_value (EcartGapRow    *self,
                         EcartDimension  dimension)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NAN);

  switch (dimension)
    {
    case ECART_DIMENSION_DESIRED:
      return self->desired;
    case ECART_DIMENSION_PROPOSED:
      return self->proposed;
    case ECART_DIMENSION_EXPECTED:
      return self->expected.mean;
    case ECART_DIMENSION_LIVED:
      return self->lived.mean;
    default:
      g_return_val_if_reached (NAN);
    }
}

/**
 * ecart_gap_row_get_summary:
 * @dimension: %ECART_DIMENSION_EXPECTED or %ECART_DIMENSION_LIVED
 *
 * Returns: (transfer none) (nullable): n, mean, standard deviation and interval of the
 *   measurements of @dimension; %NULL for a dimension that is not measured
 */
const EcartSummary *
ecart_gap_row_get_summary (EcartGapRow    *self,
                           EcartDimension  dimension)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NULL);

  if (dimension == ECART_DIMENSION_EXPECTED)
    return &self->expected;
  if (dimension == ECART_DIMENSION_LIVED)
    return &self->lived;
  return NULL;
}

/**
 * ecart_gap_row_is_insufficient:
 *
 * Returns: whether the measurements of @dimension are fewer than the table's minimum n
 *   (none at all included); always %FALSE for the desired and proposed dimensions
 */
gboolean
ecart_gap_row_is_insufficient (EcartGapRow    *self,
                               EcartDimension  dimension)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), FALSE);

  if (dimension == ECART_DIMENSION_EXPECTED)
    return self->expected_insufficient;
  if (dimension == ECART_DIMENSION_LIVED)
    return self->lived_insufficient;
  return FALSE;
}

/**
 * ecart_gap_row_get_pairs:
 *
 * Returns: how many respondents gave both an expected and a lived score here
 */
gint64
ecart_gap_row_get_pairs (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), 0);
  return self->pairs;
}

/**
 * ecart_gap_row_is_paired:
 *
 * Returns: whether the perception gap is computed as paired: every expected and every
 *   lived measurement of the row belongs to a pair (pairs = expected n = lived n ≥ 1)
 */
gboolean
ecart_gap_row_is_paired (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), FALSE);
  return self->paired;
}

/**
 * ecart_gap_row_get_gap:
 *
 * Returns: (transfer none): the gap, with its interval and significance
 */
const EcartGap *
ecart_gap_row_get_gap (EcartGapRow  *self,
                       EcartGapKind  kind)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), NULL);
  g_return_val_if_fail ((guint)kind < ECART_N_GAPS, NULL);
  return &self->gaps[kind];
}

/**
 * ecart_gap_row_get_quadrant:
 *
 * Returns: the importance–performance quadrant of a per-attribute row
 *   (%ECART_QUADRANT_NONE for a per-touchpoint row, or without lived measurements)
 */
EcartQuadrant
ecart_gap_row_get_quadrant (EcartGapRow *self)
{
  g_return_val_if_fail (ECART_IS_GAP_ROW (self), ECART_QUADRANT_NONE);
  return self->quadrant;
}

/**
 * ecart_gap_kind_to_string:
 *
 * Returns: the gap's key: "implementation", "expectation", "perception", "delivery" or
 *   "execution" (as in the CSV and JSON exports)
 */
const char *
ecart_gap_kind_to_string (EcartGapKind kind)
{
  g_return_val_if_fail ((guint)kind < ECART_N_GAPS, NULL);
  return gap_kinds[kind].key;
}

gboolean
ecart_gap_kind_from_string (const char   *text,
                            EcartGapKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < ECART_N_GAPS; i++)
    if (g_ascii_strcasecmp (text, gap_kinds[i].key) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ecart_gap_kind_get_label (EcartGapKind kind)
{
  g_return_val_if_fail ((guint)kind < ECART_N_GAPS, NULL);
  return _(gap_kinds[kind].label);
}

/**
 * ecart_gap_kind_get_dimensions:
 * @minuend: (out) (optional): the dimension the gap subtracts from
 * @subtrahend: (out) (optional): the dimension it subtracts
 *
 * A gap is @minuend − @subtrahend: the perception gap is lived − expected.
 */
void
ecart_gap_kind_get_dimensions (EcartGapKind    kind,
                               EcartDimension *minuend,
                               EcartDimension *subtrahend)
{
  g_return_if_fail ((guint)kind < ECART_N_GAPS);

  if (minuend != NULL)
    *minuend = gap_kinds[kind].minuend;
  if (subtrahend != NULL)
    *subtrahend = gap_kinds[kind].subtrahend;
}

const char *
ecart_gap_method_to_string (EcartGapMethod method)
{
  g_return_val_if_fail ((guint)method < G_N_ELEMENTS (methods), NULL);
  return methods[method];
}

const char *
ecart_quadrant_to_string (EcartQuadrant quadrant)
{
  g_return_val_if_fail ((guint)quadrant < G_N_ELEMENTS (quadrants), NULL);
  return quadrants[quadrant].key;
}

const char *
ecart_quadrant_get_label (EcartQuadrant quadrant)
{
  g_return_val_if_fail ((guint)quadrant < G_N_ELEMENTS (quadrants), NULL);
  return _(quadrants[quadrant].label);
}

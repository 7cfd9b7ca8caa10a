/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-measurement"

#include "config.h"

#include "ecart-measurement.h"
#include "ecart-measurement-private.h"

/* One row of the measurements table, as EcartMeasurementModel reads it: a snapshot of the
 * names, never updated (the model reads its rows again when the workspace changes). */

struct _EcartMeasurement
{
  GObject         parent_instance;

  gint64          id;
  char           *respondent;
  char           *segment;
  char           *wave;
  char           *attribute;
  char           *touchpoint;
  EcartDimension  dimension;
  double          score;
  double          scale_min;
  double          scale_max;
};

G_DEFINE_FINAL_TYPE (EcartMeasurement, ecart_measurement, G_TYPE_OBJECT)

static void
ecart_measurement_finalize (GObject *object)
{
  EcartMeasurement *self = (EcartMeasurement *)object;

  g_free (self->respondent);
  g_free (self->segment);
  g_free (self->wave);
  g_free (self->attribute);
  g_free (self->touchpoint);

  G_OBJECT_CLASS (ecart_measurement_parent_class)->finalize (object);
}

static void
ecart_measurement_class_init (EcartMeasurementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ecart_measurement_finalize;
}

static void
ecart_measurement_init (EcartMeasurement *self)
{
}

EcartMeasurement *
_ecart_measurement_new (gint64          id,
                        const char     *respondent,
                        const char     *segment,
                        const char     *wave,
                        const char     *attribute,
                        const char     *touchpoint,
                        EcartDimension  dimension,
                        double          score,
                        double          scale_min,
                        double          scale_max)
{
  EcartMeasurement *self = g_object_new (ECART_TYPE_MEASUREMENT, NULL);

  self->id = id;
  self->respondent = g_strdup (respondent);
  self->segment = g_strdup (segment);
  self->wave = g_strdup (wave);
  self->attribute = g_strdup (attribute);
  self->touchpoint = g_strdup (touchpoint);
  self->dimension = dimension;
  self->score = score;
  self->scale_min = scale_min;
  self->scale_max = scale_max;
  return self;
}

gint64
ecart_measurement_get_id (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), 0);
  return self->id;
}

/* The respondent's id in the source file, or "#N" (its id in the workspace) without one. */
const char *
ecart_measurement_get_respondent (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), NULL);
  return self->respondent;
}

const char *
ecart_measurement_get_segment (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), NULL);
  return self->segment;
}

const char *
ecart_measurement_get_wave (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), NULL);
  return self->wave;
}

const char *
ecart_measurement_get_attribute (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), NULL);
  return self->attribute;
}

/* Returns: (nullable): the touchpoint, or %NULL when measured without one */
const char *
ecart_measurement_get_touchpoint (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), NULL);
  return self->touchpoint;
}

EcartDimension
ecart_measurement_get_dimension (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), ECART_DIMENSION_LIVED);
  return self->dimension;
}

/* The raw score, on the scale of ecart_measurement_get_scale_min() and _max(). */
double
ecart_measurement_get_score (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), 0);
  return self->score;
}

double
ecart_measurement_get_scale_min (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), 0);
  return self->scale_min;
}

double
ecart_measurement_get_scale_max (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), 0);
  return self->scale_max;
}

/* The score on 0–10, as every computation uses it. */
double
ecart_measurement_get_normalized (EcartMeasurement *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENT (self), 0);
  return 10.0 * (self->score - self->scale_min) / (self->scale_max - self->scale_min);
}

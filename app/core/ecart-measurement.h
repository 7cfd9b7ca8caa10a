/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ecart-types.h"

G_BEGIN_DECLS

#define ECART_TYPE_MEASUREMENT (ecart_measurement_get_type ())

G_DECLARE_FINAL_TYPE (EcartMeasurement, ecart_measurement, ECART, MEASUREMENT, GObject)

gint64          ecart_measurement_get_id          (EcartMeasurement *self);
const char     *ecart_measurement_get_respondent  (EcartMeasurement *self);
const char     *ecart_measurement_get_segment     (EcartMeasurement *self);
const char     *ecart_measurement_get_wave        (EcartMeasurement *self);
const char     *ecart_measurement_get_attribute   (EcartMeasurement *self);
const char     *ecart_measurement_get_touchpoint  (EcartMeasurement *self);
EcartDimension  ecart_measurement_get_dimension   (EcartMeasurement *self);
double          ecart_measurement_get_score       (EcartMeasurement *self);
double          ecart_measurement_get_scale_min   (EcartMeasurement *self);
double          ecart_measurement_get_scale_max   (EcartMeasurement *self);
double          ecart_measurement_get_normalized  (EcartMeasurement *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-measurement.h"

G_BEGIN_DECLS

EcartMeasurement *_ecart_measurement_new (gint64          id,
                                          const char     *respondent,
                                          const char     *segment,
                                          const char     *wave,
                                          const char     *attribute,
                                          const char     *touchpoint,
                                          EcartDimension  dimension,
                                          double          score,
                                          double          scale_min,
                                          double          scale_max);

G_END_DECLS

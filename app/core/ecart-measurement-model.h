/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-measurement.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_MEASUREMENT_MODEL (ecart_measurement_model_get_type ())

G_DECLARE_FINAL_TYPE (EcartMeasurementModel, ecart_measurement_model, ECART, MEASUREMENT_MODEL, GObject)

EcartMeasurementModel *ecart_measurement_model_new                 (EcartWorkspace        *workspace);
EcartWorkspace        *ecart_measurement_model_get_workspace       (EcartMeasurementModel *self);
void                   ecart_measurement_model_set_wave            (EcartMeasurementModel *self,
                                                                    EcartWave             *wave);
EcartWave             *ecart_measurement_model_get_wave            (EcartMeasurementModel *self);
void                   ecart_measurement_model_set_segment         (EcartMeasurementModel *self,
                                                                    EcartSegment          *segment);
EcartSegment          *ecart_measurement_model_get_segment         (EcartMeasurementModel *self);
void                   ecart_measurement_model_refresh             (EcartMeasurementModel *self);
const GError          *ecart_measurement_model_get_error           (EcartMeasurementModel *self);
guint                  ecart_measurement_model_get_n_cached_blocks (EcartMeasurementModel *self);

#define ECART_MEASUREMENT_MODEL_BLOCK_SIZE 256
#define ECART_MEASUREMENT_MODEL_MAX_BLOCKS 8

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-types.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_WAVE_WRITER (ecart_wave_writer_get_type ())

G_DECLARE_FINAL_TYPE (EcartWaveWriter, ecart_wave_writer, ECART, WAVE_WRITER, GObject)

EcartWaveWriter *ecart_wave_writer_begin              (EcartWorkspace   *workspace,
                                                       const char       *name,
                                                       const char       *kind,
                                                       const char       *source_file,
                                                       GError          **error);
gint64           ecart_wave_writer_get_wave_id        (EcartWaveWriter  *self);
gint64           ecart_wave_writer_add_respondent     (EcartWaveWriter  *self,
                                                       gint64            segment_id,
                                                       const char       *external_id,
                                                       const char       *answered_at,
                                                       GError          **error);
gboolean         ecart_wave_writer_add_measurement    (EcartWaveWriter  *self,
                                                       gint64            respondent_id,
                                                       gint64            attribute_id,
                                                       gint64            touchpoint_id,
                                                       EcartDimension    dimension,
                                                       double            score,
                                                       double            scale_min,
                                                       double            scale_max,
                                                       GError          **error);
gboolean         ecart_wave_writer_add_recommendation (EcartWaveWriter  *self,
                                                       gint64            respondent_id,
                                                       int               score,
                                                       GError          **error);
gboolean         ecart_wave_writer_add_verbatim       (EcartWaveWriter  *self,
                                                       gint64            respondent_id,
                                                       gint64            touchpoint_id,
                                                       gint64            attribute_id,
                                                       const char       *text,
                                                       GError          **error);
gboolean         ecart_wave_writer_set_dates          (EcartWaveWriter  *self,
                                                       const char       *started_on,
                                                       const char       *ended_on,
                                                       GError          **error);
gboolean         ecart_wave_writer_commit             (EcartWaveWriter  *self,
                                                       GError          **error);
void             ecart_wave_writer_abort              (EcartWaveWriter  *self);

G_END_DECLS

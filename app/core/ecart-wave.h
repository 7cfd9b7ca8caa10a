/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_WAVE (ecart_wave_get_type ())

G_DECLARE_FINAL_TYPE (EcartWave, ecart_wave, ECART, WAVE, EcartItem)

const char *ecart_wave_get_kind        (EcartWave *self);
char       *ecart_wave_dup_kind_label  (EcartWave *self);
const char *ecart_wave_get_started_on  (EcartWave *self);
const char *ecart_wave_get_ended_on    (EcartWave *self);
const char *ecart_wave_get_source_file (EcartWave *self);
gint64      ecart_wave_get_respondents (EcartWave *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_TOUCHPOINT (ecart_touchpoint_get_type ())

G_DECLARE_FINAL_TYPE (EcartTouchpoint, ecart_touchpoint, ECART, TOUCHPOINT, EcartItem)

gint64      ecart_touchpoint_get_stage_id   (EcartTouchpoint *self);
gint64      ecart_touchpoint_get_channel_id (EcartTouchpoint *self);

G_END_DECLS

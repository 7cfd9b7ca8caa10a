/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_STAGE (ecart_stage_get_type ())

G_DECLARE_FINAL_TYPE (EcartStage, ecart_stage, ECART, STAGE, EcartItem)


G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_PILLAR (ecart_pillar_get_type ())

G_DECLARE_FINAL_TYPE (EcartPillar, ecart_pillar, ECART, PILLAR, EcartItem)

const char *ecart_pillar_get_key (EcartPillar *self);

G_END_DECLS

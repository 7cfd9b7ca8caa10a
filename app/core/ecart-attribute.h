/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_ATTRIBUTE (ecart_attribute_get_type ())

G_DECLARE_FINAL_TYPE (EcartAttribute, ecart_attribute, ECART, ATTRIBUTE, EcartItem)

gint64      ecart_attribute_get_pillar_id   (EcartAttribute *self);
const char *ecart_attribute_get_description (EcartAttribute *self);

G_END_DECLS

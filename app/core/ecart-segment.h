/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_SEGMENT (ecart_segment_get_type ())

G_DECLARE_FINAL_TYPE (EcartSegment, ecart_segment, ECART, SEGMENT, EcartItem)

const char *ecart_segment_get_description (EcartSegment *self);
const char *ecart_segment_get_color       (EcartSegment *self);

G_END_DECLS

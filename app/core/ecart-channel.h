/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

#define ECART_TYPE_CHANNEL (ecart_channel_get_type ())

G_DECLARE_FINAL_TYPE (EcartChannel, ecart_channel, ECART, CHANNEL, EcartItem)

const char *ecart_channel_get_key       (EcartChannel *self);
const char *ecart_channel_get_icon_name (EcartChannel *self);

G_END_DECLS

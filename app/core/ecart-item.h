/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ECART_TYPE_ITEM (ecart_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (EcartItem, ecart_item, ECART, ITEM, GObject)

struct _EcartItemClass
{
  GObjectClass parent_class;
};

gint64      ecart_item_get_id       (EcartItem *self);
const char *ecart_item_get_name     (EcartItem *self);
int         ecart_item_get_position (EcartItem *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-item"

#include "config.h"

#include "ecart-item.h"
#include "ecart-model-private.h"

#include <math.h>

/* EcartItem: what every row of the workspace shown in a list has, an id, a name and a
 * position. The workspace owns the items and updates them in place when the file changes,
 * so widgets bound to their properties follow edits, undo and redo. */

typedef struct
{
  gint64  id;
  char   *name;
  int     position;
} EcartItemPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (EcartItem, ecart_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_item_finalize (GObject *object)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (ECART_ITEM (object));

  g_clear_pointer (&priv->name, g_free);

  G_OBJECT_CLASS (ecart_item_parent_class)->finalize (object);
}

static void
ecart_item_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (ECART_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;
    case PROP_POSITION:
      g_value_set_int (value, priv->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_item_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (ECART_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_item_class_init (EcartItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_item_finalize;
  object_class->get_property = ecart_item_get_property;
  object_class->set_property = ecart_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_item_init (EcartItem *self)
{
}

gint64
ecart_item_get_id (EcartItem *self)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (self);

  g_return_val_if_fail (ECART_IS_ITEM (self), 0);
  return priv->id;
}

const char *
ecart_item_get_name (EcartItem *self)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (self);

  g_return_val_if_fail (ECART_IS_ITEM (self), NULL);
  return priv->name != NULL ? priv->name : "";
}

int
ecart_item_get_position (EcartItem *self)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (self);

  g_return_val_if_fail (ECART_IS_ITEM (self), 0);
  return priv->position;
}

void
_ecart_item_update (EcartItem  *self,
                    const char *name,
                    int         position)
{
  EcartItemPrivate *priv = ecart_item_get_instance_private (self);

  _ecart_update_string (G_OBJECT (self), &priv->name, name, properties[PROP_NAME]);
  _ecart_update_int (G_OBJECT (self), &priv->position, position, properties[PROP_POSITION]);
}

void
_ecart_update_string (GObject     *object,
                      char       **field,
                      const char  *value,
                      GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

void
_ecart_update_int (GObject    *object,
                   int        *field,
                   int         value,
                   GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
_ecart_update_int64 (GObject    *object,
                     gint64     *field,
                     gint64      value,
                     GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

/* NAN means "not set"; two unset values are equal. */
void
_ecart_update_double (GObject    *object,
                      double     *field,
                      double      value,
                      GParamSpec *pspec)
{
  if (*field == value || (isnan (*field) && isnan (value)))
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

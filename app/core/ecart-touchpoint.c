/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-touchpoint"

#include "config.h"

#include "ecart-touchpoint.h"
#include "ecart-model-private.h"

/* A touchpoint (point de contact): one stage, one channel. */

struct _EcartTouchpoint
{
  EcartItem parent_instance;
  gint64 stage_id;
  gint64 channel_id;
};

G_DEFINE_FINAL_TYPE (EcartTouchpoint, ecart_touchpoint, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_STAGE_ID,
  PROP_CHANNEL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_touchpoint_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EcartTouchpoint *self = ECART_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;
    case PROP_CHANNEL_ID:
      g_value_set_int64 (value, self->channel_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_touchpoint_class_init (EcartTouchpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ecart_touchpoint_get_property;

  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANNEL_ID] =
    g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_touchpoint_init (EcartTouchpoint *self)
{
}

gint64
ecart_touchpoint_get_stage_id (EcartTouchpoint *self)
{
  g_return_val_if_fail (ECART_IS_TOUCHPOINT (self), 0);
  return self->stage_id;
}

gint64
ecart_touchpoint_get_channel_id (EcartTouchpoint *self)
{
  g_return_val_if_fail (ECART_IS_TOUCHPOINT (self), 0);
  return self->channel_id;
}

void
_ecart_touchpoint_update (EcartTouchpoint *self,
                          const char   *name,
                          int           position,
                          gint64        stage_id,
                          gint64        channel_id)
{
  g_return_if_fail (ECART_IS_TOUCHPOINT (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_int64 (G_OBJECT (self), &self->stage_id, stage_id, properties[PROP_STAGE_ID]);
  _ecart_update_int64 (G_OBJECT (self), &self->channel_id, channel_id, properties[PROP_CHANNEL_ID]);
}

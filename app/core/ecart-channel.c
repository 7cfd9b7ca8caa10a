/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-channel"

#include "config.h"

#include "ecart-channel.h"
#include "ecart-model-private.h"

/* A contact channel; its name is translated from its key. */

struct _EcartChannel
{
  EcartItem parent_instance;
  char *key;
  char *icon_name;
};

G_DEFINE_FINAL_TYPE (EcartChannel, ecart_channel, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KEY,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_channel_finalize (GObject *object)
{
  EcartChannel *self = (EcartChannel *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (ecart_channel_parent_class)->finalize (object);
}

static void
ecart_channel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EcartChannel *self = ECART_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_channel_class_init (EcartChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_channel_finalize;
  object_class->get_property = ecart_channel_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_channel_init (EcartChannel *self)
{
}

const char *
ecart_channel_get_key (EcartChannel *self)
{
  g_return_val_if_fail (ECART_IS_CHANNEL (self), NULL);
  return self->key;
}

const char *
ecart_channel_get_icon_name (EcartChannel *self)
{
  g_return_val_if_fail (ECART_IS_CHANNEL (self), NULL);
  return self->icon_name;
}

void
_ecart_channel_update (EcartChannel *self,
                       const char   *name,
                       int           position,
                       const char * key,
                       const char * icon_name)
{
  g_return_if_fail (ECART_IS_CHANNEL (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_string (G_OBJECT (self), &self->key, key, properties[PROP_KEY]);
  _ecart_update_string (G_OBJECT (self), &self->icon_name, icon_name, properties[PROP_ICON_NAME]);
}

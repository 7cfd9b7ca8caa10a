/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-pillar"

#include "config.h"

#include "ecart-pillar.h"
#include "ecart-model-private.h"

/* A pillar grouping attributes; its name is translated from its key. */

struct _EcartPillar
{
  EcartItem parent_instance;
  char *key;
};

G_DEFINE_FINAL_TYPE (EcartPillar, ecart_pillar, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_pillar_finalize (GObject *object)
{
  EcartPillar *self = (EcartPillar *)object;

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (ecart_pillar_parent_class)->finalize (object);
}

static void
ecart_pillar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EcartPillar *self = ECART_PILLAR (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_pillar_class_init (EcartPillarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_pillar_finalize;
  object_class->get_property = ecart_pillar_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_pillar_init (EcartPillar *self)
{
}

const char *
ecart_pillar_get_key (EcartPillar *self)
{
  g_return_val_if_fail (ECART_IS_PILLAR (self), NULL);
  return self->key;
}

void
_ecart_pillar_update (EcartPillar *self,
                      const char   *name,
                      int           position,
                      const char * key)
{
  g_return_if_fail (ECART_IS_PILLAR (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_string (G_OBJECT (self), &self->key, key, properties[PROP_KEY]);
}

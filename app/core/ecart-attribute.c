/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-attribute"

#include "config.h"

#include "ecart-attribute.h"
#include "ecart-model-private.h"

/* An attribute of the experience, in a pillar. */

struct _EcartAttribute
{
  EcartItem parent_instance;
  gint64 pillar_id;
  char *description;
};

G_DEFINE_FINAL_TYPE (EcartAttribute, ecart_attribute, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_PILLAR_ID,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_attribute_finalize (GObject *object)
{
  EcartAttribute *self = (EcartAttribute *)object;

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ecart_attribute_parent_class)->finalize (object);
}

static void
ecart_attribute_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EcartAttribute *self = ECART_ATTRIBUTE (object);

  switch (prop_id)
    {
    case PROP_PILLAR_ID:
      g_value_set_int64 (value, self->pillar_id);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_attribute_class_init (EcartAttributeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_attribute_finalize;
  object_class->get_property = ecart_attribute_get_property;

  properties[PROP_PILLAR_ID] =
    g_param_spec_int64 ("pillar-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_attribute_init (EcartAttribute *self)
{
}

gint64
ecart_attribute_get_pillar_id (EcartAttribute *self)
{
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (self), 0);
  return self->pillar_id;
}

const char *
ecart_attribute_get_description (EcartAttribute *self)
{
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (self), NULL);
  return self->description;
}

void
_ecart_attribute_update (EcartAttribute *self,
                         const char   *name,
                         int           position,
                         gint64        pillar_id,
                         const char * description)
{
  g_return_if_fail (ECART_IS_ATTRIBUTE (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_int64 (G_OBJECT (self), &self->pillar_id, pillar_id, properties[PROP_PILLAR_ID]);
  _ecart_update_string (G_OBJECT (self), &self->description, description, properties[PROP_DESCRIPTION]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-segment"

#include "config.h"

#include "ecart-segment.h"
#include "ecart-model-private.h"

/* A customer segment (cible), with its own desired experience. */

struct _EcartSegment
{
  EcartItem parent_instance;
  char *description;
  char *color;
};

G_DEFINE_FINAL_TYPE (EcartSegment, ecart_segment, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_segment_finalize (GObject *object)
{
  EcartSegment *self = (EcartSegment *)object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (ecart_segment_parent_class)->finalize (object);
}

static void
ecart_segment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EcartSegment *self = ECART_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_segment_class_init (EcartSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_segment_finalize;
  object_class->get_property = ecart_segment_get_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_segment_init (EcartSegment *self)
{
}

const char *
ecart_segment_get_description (EcartSegment *self)
{
  g_return_val_if_fail (ECART_IS_SEGMENT (self), NULL);
  return self->description;
}

const char *
ecart_segment_get_color (EcartSegment *self)
{
  g_return_val_if_fail (ECART_IS_SEGMENT (self), NULL);
  return self->color;
}

void
_ecart_segment_update (EcartSegment *self,
                       const char   *name,
                       int           position,
                       const char * description,
                       const char * color)
{
  g_return_if_fail (ECART_IS_SEGMENT (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_string (G_OBJECT (self), &self->description, description, properties[PROP_DESCRIPTION]);
  _ecart_update_string (G_OBJECT (self), &self->color, color, properties[PROP_COLOR]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-initiative"

#include "config.h"

#include "ecart-initiative.h"
#include "ecart-model-private.h"

#include <glib/gi18n-lib.h>

/* An initiative of step 3; its name is its title. */

struct _EcartInitiative
{
  EcartItem parent_instance;
  char *description;
  char *owner;
  int status;
  char *due_date;
  gint64 segment_id;
  gint64 attribute_id;
  gint64 touchpoint_id;
};

G_DEFINE_FINAL_TYPE (EcartInitiative, ecart_initiative, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_STATUS,
  PROP_DUE_DATE,
  PROP_SEGMENT_ID,
  PROP_ATTRIBUTE_ID,
  PROP_TOUCHPOINT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_initiative_finalize (GObject *object)
{
  EcartInitiative *self = (EcartInitiative *)object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_free);

  G_OBJECT_CLASS (ecart_initiative_parent_class)->finalize (object);
}

static void
ecart_initiative_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EcartInitiative *self = ECART_INITIATIVE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_SEGMENT_ID:
      g_value_set_int64 (value, self->segment_id);
      break;
    case PROP_ATTRIBUTE_ID:
      g_value_set_int64 (value, self->attribute_id);
      break;
    case PROP_TOUCHPOINT_ID:
      g_value_set_int64 (value, self->touchpoint_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_initiative_class_init (EcartInitiativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_initiative_finalize;
  object_class->get_property = ecart_initiative_get_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, ECART_N_INITIATIVE_STATUSES - 1, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT_ID] =
    g_param_spec_int64 ("segment-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTRIBUTE_ID] =
    g_param_spec_int64 ("attribute-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOUCHPOINT_ID] =
    g_param_spec_int64 ("touchpoint-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_initiative_init (EcartInitiative *self)
{
}

const char *
ecart_initiative_get_description (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), NULL);
  return self->description;
}

const char *
ecart_initiative_get_owner (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), NULL);
  return self->owner;
}

int
ecart_initiative_get_status (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), 0);
  return self->status;
}

const char *
ecart_initiative_get_due_date (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), NULL);
  return self->due_date;
}

gint64
ecart_initiative_get_segment_id (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), 0);
  return self->segment_id;
}

gint64
ecart_initiative_get_attribute_id (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), 0);
  return self->attribute_id;
}

gint64
ecart_initiative_get_touchpoint_id (EcartInitiative *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE (self), 0);
  return self->touchpoint_id;
}

void
_ecart_initiative_update (EcartInitiative *self,
                          const char   *name,
                          int           position,
                          const char * description,
                          const char * owner,
                          int           status,
                          const char * due_date,
                          gint64        segment_id,
                          gint64        attribute_id,
                          gint64        touchpoint_id)
{
  g_return_if_fail (ECART_IS_INITIATIVE (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_string (G_OBJECT (self), &self->description, description, properties[PROP_DESCRIPTION]);
  _ecart_update_string (G_OBJECT (self), &self->owner, owner, properties[PROP_OWNER]);
  _ecart_update_int (G_OBJECT (self), &self->status, status, properties[PROP_STATUS]);
  _ecart_update_string (G_OBJECT (self), &self->due_date, due_date, properties[PROP_DUE_DATE]);
  _ecart_update_int64 (G_OBJECT (self), &self->segment_id, segment_id, properties[PROP_SEGMENT_ID]);
  _ecart_update_int64 (G_OBJECT (self), &self->attribute_id, attribute_id, properties[PROP_ATTRIBUTE_ID]);
  _ecart_update_int64 (G_OBJECT (self), &self->touchpoint_id, touchpoint_id, properties[PROP_TOUCHPOINT_ID]);
}

static const char * const status_keys[] = { "idea", "planned", "in-progress", "done" };

const char *
ecart_initiative_status_to_string (EcartInitiativeStatus status)
{
  g_return_val_if_fail (status < ECART_N_INITIATIVE_STATUSES, NULL);
  return status_keys[status];
}

const char *
ecart_initiative_status_get_label (EcartInitiativeStatus status)
{
  g_return_val_if_fail (status < ECART_N_INITIATIVE_STATUSES, NULL);

  switch (status)
    {
    case ECART_INITIATIVE_IDEA:
      return _("Idea");
    case ECART_INITIATIVE_PLANNED:
      return _("Planned");
    case ECART_INITIATIVE_IN_PROGRESS:
      return _("In progress");
    case ECART_INITIATIVE_DONE:
    default:
      return _("Done");
    }
}

gboolean
ecart_initiative_status_from_string (const char            *text,
                                     EcartInitiativeStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_keys); i++)
    if (g_ascii_strcasecmp (text, status_keys[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-experience"

#include "config.h"

#include "ecart-experience.h"
#include "ecart-model-private.h"

#include <math.h>

/* One experience cell, segment × attribute: the desired experience (target, importance,
 * promise) and the proposed one (level in place, what is in place). Levels are NAN while
 * not set. */

struct _EcartExperience
{
  GObject  parent_instance;

  gint64   segment_id;
  gint64   attribute_id;
  double   desired_target;
  int      importance;
  char    *desired_statement;
  double   proposed_level;
  char    *proposed_statement;
};

G_DEFINE_FINAL_TYPE (EcartExperience, ecart_experience, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEGMENT_ID,
  PROP_ATTRIBUTE_ID,
  PROP_DESIRED_TARGET,
  PROP_IMPORTANCE,
  PROP_DESIRED_STATEMENT,
  PROP_PROPOSED_LEVEL,
  PROP_PROPOSED_STATEMENT,
  PROP_IMPLEMENTATION_GAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_experience_finalize (GObject *object)
{
  EcartExperience *self = (EcartExperience *)object;

  g_clear_pointer (&self->desired_statement, g_free);
  g_clear_pointer (&self->proposed_statement, g_free);

  G_OBJECT_CLASS (ecart_experience_parent_class)->finalize (object);
}

static void
ecart_experience_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EcartExperience *self = ECART_EXPERIENCE (object);

  switch (prop_id)
    {
    case PROP_SEGMENT_ID:
      g_value_set_int64 (value, self->segment_id);
      break;
    case PROP_ATTRIBUTE_ID:
      g_value_set_int64 (value, self->attribute_id);
      break;
    case PROP_DESIRED_TARGET:
      g_value_set_double (value, self->desired_target);
      break;
    case PROP_IMPORTANCE:
      g_value_set_int (value, self->importance);
      break;
    case PROP_DESIRED_STATEMENT:
      g_value_set_string (value, self->desired_statement);
      break;
    case PROP_PROPOSED_LEVEL:
      g_value_set_double (value, self->proposed_level);
      break;
    case PROP_PROPOSED_STATEMENT:
      g_value_set_string (value, self->proposed_statement);
      break;
    case PROP_IMPLEMENTATION_GAP:
      g_value_set_double (value, ecart_experience_get_implementation_gap (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_experience_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EcartExperience *self = ECART_EXPERIENCE (object);

  switch (prop_id)
    {
    case PROP_SEGMENT_ID:
      self->segment_id = g_value_get_int64 (value);
      break;
    case PROP_ATTRIBUTE_ID:
      self->attribute_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_experience_class_init (EcartExperienceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ecart_experience_finalize;
  object_class->get_property = ecart_experience_get_property;
  object_class->set_property = ecart_experience_set_property;

  properties[PROP_SEGMENT_ID] =
    g_param_spec_int64 ("segment-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_ATTRIBUTE_ID] =
    g_param_spec_int64 ("attribute-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  /* NAN while not set (the instance starts so), so no range is given. */
  properties[PROP_DESIRED_TARGET] =
    g_param_spec_double ("desired-target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_IMPORTANCE] =
    g_param_spec_int ("importance", NULL, NULL, 1, 5, 3, ro);
  properties[PROP_DESIRED_STATEMENT] =
    g_param_spec_string ("desired-statement", NULL, NULL, NULL, ro);
  properties[PROP_PROPOSED_LEVEL] =
    g_param_spec_double ("proposed-level", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_PROPOSED_STATEMENT] =
    g_param_spec_string ("proposed-statement", NULL, NULL, NULL, ro);
  properties[PROP_IMPLEMENTATION_GAP] =
    g_param_spec_double ("implementation-gap", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_experience_init (EcartExperience *self)
{
  self->desired_target = NAN;
  self->proposed_level = NAN;
  self->importance = 3;
}

EcartExperience *
_ecart_experience_new (gint64 segment_id,
                       gint64 attribute_id)
{
  return g_object_new (ECART_TYPE_EXPERIENCE,
                       "segment-id", segment_id,
                       "attribute-id", attribute_id,
                       NULL);
}

void
_ecart_experience_update (EcartExperience *self,
                          double           desired_target,
                          int              importance,
                          const char      *desired_statement,
                          double           proposed_level,
                          const char      *proposed_statement)
{
  double gap;

  g_return_if_fail (ECART_IS_EXPERIENCE (self));

  gap = ecart_experience_get_implementation_gap (self);

  g_object_freeze_notify (G_OBJECT (self));
  _ecart_update_double (G_OBJECT (self), &self->desired_target, desired_target,
                        properties[PROP_DESIRED_TARGET]);
  _ecart_update_int (G_OBJECT (self), &self->importance, importance, properties[PROP_IMPORTANCE]);
  _ecart_update_string (G_OBJECT (self), &self->desired_statement, desired_statement,
                        properties[PROP_DESIRED_STATEMENT]);
  _ecart_update_double (G_OBJECT (self), &self->proposed_level, proposed_level,
                        properties[PROP_PROPOSED_LEVEL]);
  _ecart_update_string (G_OBJECT (self), &self->proposed_statement, proposed_statement,
                        properties[PROP_PROPOSED_STATEMENT]);
  if (!(gap == ecart_experience_get_implementation_gap (self)
        || (isnan (gap) && isnan (ecart_experience_get_implementation_gap (self)))))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPLEMENTATION_GAP]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
ecart_experience_get_segment_id (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), 0);
  return self->segment_id;
}

gint64
ecart_experience_get_attribute_id (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), 0);
  return self->attribute_id;
}

/**
 * ecart_experience_get_desired_target:
 *
 * Returns: the target level 0–10 of the desired experience, or NAN when not set
 */
double
ecart_experience_get_desired_target (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), NAN);
  return self->desired_target;
}

int
ecart_experience_get_importance (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), 3);
  return self->importance;
}

const char *
ecart_experience_get_desired_statement (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), NULL);
  return self->desired_statement != NULL ? self->desired_statement : "";
}

/**
 * ecart_experience_get_proposed_level:
 *
 * Returns: the level 0–10 actually in place, or NAN when not set
 */
double
ecart_experience_get_proposed_level (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), NAN);
  return self->proposed_level;
}

const char *
ecart_experience_get_proposed_statement (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), NULL);
  return self->proposed_statement != NULL ? self->proposed_statement : "";
}

/**
 * ecart_experience_get_implementation_gap:
 *
 * Returns: Proposed − Desired, or NAN when either is not set
 */
double
ecart_experience_get_implementation_gap (EcartExperience *self)
{
  g_return_val_if_fail (ECART_IS_EXPERIENCE (self), NAN);
  return self->proposed_level - self->desired_target;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-wave"

#include "config.h"

#include "ecart-wave.h"
#include "ecart-model-private.h"

#include <glib/gi18n-lib.h>

/* A measurement campaign (vague). */

struct _EcartWave
{
  EcartItem parent_instance;
  char *kind;
  char *started_on;
  char *ended_on;
  char *source_file;
  gint64 respondents;
};

G_DEFINE_FINAL_TYPE (EcartWave, ecart_wave, ECART_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STARTED_ON,
  PROP_ENDED_ON,
  PROP_SOURCE_FILE,
  PROP_RESPONDENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_wave_finalize (GObject *object)
{
  EcartWave *self = (EcartWave *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->started_on, g_free);
  g_clear_pointer (&self->ended_on, g_free);
  g_clear_pointer (&self->source_file, g_free);

  G_OBJECT_CLASS (ecart_wave_parent_class)->finalize (object);
}

static void
ecart_wave_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EcartWave *self = ECART_WAVE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STARTED_ON:
      g_value_set_string (value, self->started_on);
      break;
    case PROP_ENDED_ON:
      g_value_set_string (value, self->ended_on);
      break;
    case PROP_SOURCE_FILE:
      g_value_set_string (value, self->source_file);
      break;
    case PROP_RESPONDENTS:
      g_value_set_int64 (value, self->respondents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_wave_class_init (EcartWaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_wave_finalize;
  object_class->get_property = ecart_wave_get_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED_ON] =
    g_param_spec_string ("started-on", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDED_ON] =
    g_param_spec_string ("ended-on", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_FILE] =
    g_param_spec_string ("source-file", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONDENTS] =
    g_param_spec_int64 ("respondents", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_wave_init (EcartWave *self)
{
}

const char *
ecart_wave_get_kind (EcartWave *self)
{
  g_return_val_if_fail (ECART_IS_WAVE (self), NULL);
  return self->kind;
}

/**
 * ecart_wave_dup_kind_label:
 *
 * Returns: (transfer full): the kind of the wave as a person reads it, translated for the
 *   kinds Écart writes ("survey", "interviews"), else as stored
 */
char *
ecart_wave_dup_kind_label (EcartWave *self)
{
  g_return_val_if_fail (ECART_IS_WAVE (self), NULL);

  if (g_strcmp0 (self->kind, "survey") == 0)
    /* TRANSLATORS: the kind of a wave of measurements */
    return g_strdup (_("Survey"));
  if (g_strcmp0 (self->kind, "interviews") == 0)
    /* TRANSLATORS: the kind of a wave of measurements */
    return g_strdup (_("Interviews"));
  return g_strdup (self->kind != NULL ? self->kind : "");
}

const char *
ecart_wave_get_started_on (EcartWave *self)
{
  g_return_val_if_fail (ECART_IS_WAVE (self), NULL);
  return self->started_on;
}

const char *
ecart_wave_get_ended_on (EcartWave *self)
{
  g_return_val_if_fail (ECART_IS_WAVE (self), NULL);
  return self->ended_on;
}

const char *
ecart_wave_get_source_file (EcartWave *self)
{
  g_return_val_if_fail (ECART_IS_WAVE (self), NULL);
  return self->source_file;
}

gint64
ecart_wave_get_respondents (EcartWave *self)
{
  g_return_val_if_fail (ECART_IS_WAVE (self), 0);
  return self->respondents;
}

void
_ecart_wave_update (EcartWave *self,
                    const char   *name,
                    int           position,
                    const char * kind,
                    const char * started_on,
                    const char * ended_on,
                    const char * source_file,
                    gint64        respondents)
{
  g_return_if_fail (ECART_IS_WAVE (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
  _ecart_update_string (G_OBJECT (self), &self->kind, kind, properties[PROP_KIND]);
  _ecart_update_string (G_OBJECT (self), &self->started_on, started_on, properties[PROP_STARTED_ON]);
  _ecart_update_string (G_OBJECT (self), &self->ended_on, ended_on, properties[PROP_ENDED_ON]);
  _ecart_update_string (G_OBJECT (self), &self->source_file, source_file, properties[PROP_SOURCE_FILE]);
  _ecart_update_int64 (G_OBJECT (self), &self->respondents, respondents, properties[PROP_RESPONDENTS]);
}

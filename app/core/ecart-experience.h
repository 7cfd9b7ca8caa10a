/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ECART_TYPE_EXPERIENCE (ecart_experience_get_type ())

G_DECLARE_FINAL_TYPE (EcartExperience, ecart_experience, ECART, EXPERIENCE, GObject)

gint64      ecart_experience_get_segment_id         (EcartExperience *self);
gint64      ecart_experience_get_attribute_id       (EcartExperience *self);
double      ecart_experience_get_desired_target     (EcartExperience *self);
int         ecart_experience_get_importance         (EcartExperience *self);
const char *ecart_experience_get_desired_statement  (EcartExperience *self);
double      ecart_experience_get_proposed_level     (EcartExperience *self);
const char *ecart_experience_get_proposed_statement (EcartExperience *self);
double      ecart_experience_get_implementation_gap (EcartExperience *self);

G_END_DECLS

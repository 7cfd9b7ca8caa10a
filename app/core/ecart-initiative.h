/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-item.h"

G_BEGIN_DECLS

typedef enum {
  ECART_INITIATIVE_IDEA,
  ECART_INITIATIVE_PLANNED,
  ECART_INITIATIVE_IN_PROGRESS,
  ECART_INITIATIVE_DONE,
} EcartInitiativeStatus;

#define ECART_N_INITIATIVE_STATUSES 4

#define ECART_TYPE_INITIATIVE (ecart_initiative_get_type ())

G_DECLARE_FINAL_TYPE (EcartInitiative, ecart_initiative, ECART, INITIATIVE, EcartItem)

const char *ecart_initiative_get_description   (EcartInitiative *self);
const char *ecart_initiative_get_owner         (EcartInitiative *self);
int         ecart_initiative_get_status        (EcartInitiative *self);
const char *ecart_initiative_get_due_date      (EcartInitiative *self);
gint64      ecart_initiative_get_segment_id    (EcartInitiative *self);
gint64      ecart_initiative_get_attribute_id  (EcartInitiative *self);
gint64      ecart_initiative_get_touchpoint_id (EcartInitiative *self);

const char *ecart_initiative_status_to_string  (EcartInitiativeStatus  status);
const char *ecart_initiative_status_get_label  (EcartInitiativeStatus  status);
gboolean    ecart_initiative_status_from_string (const char            *text,
                                                 EcartInitiativeStatus *status);

G_END_DECLS

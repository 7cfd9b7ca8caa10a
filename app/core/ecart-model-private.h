/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-attribute.h"
#include "ecart-channel.h"
#include "ecart-experience.h"
#include "ecart-initiative.h"
#include "ecart-item.h"
#include "ecart-pillar.h"
#include "ecart-segment.h"
#include "ecart-stage.h"
#include "ecart-touchpoint.h"
#include "ecart-wave.h"

G_BEGIN_DECLS

void             _ecart_update_string      (GObject          *object,
                                            char            **field,
                                            const char       *value,
                                            GParamSpec       *pspec);
void             _ecart_update_int         (GObject          *object,
                                            int              *field,
                                            int               value,
                                            GParamSpec       *pspec);
void             _ecart_update_int64       (GObject          *object,
                                            gint64           *field,
                                            gint64            value,
                                            GParamSpec       *pspec);
void             _ecart_update_double      (GObject          *object,
                                            double           *field,
                                            double            value,
                                            GParamSpec       *pspec);

void             _ecart_item_update        (EcartItem        *self,
                                            const char       *name,
                                            int               position);
void             _ecart_segment_update     (EcartSegment     *self,
                                            const char       *name,
                                            int               position,
                                            const char       *description,
                                            const char       *color);
void             _ecart_stage_update       (EcartStage       *self,
                                            const char       *name,
                                            int               position);
void             _ecart_channel_update     (EcartChannel     *self,
                                            const char       *name,
                                            int               position,
                                            const char       *key,
                                            const char       *icon_name);
void             _ecart_touchpoint_update  (EcartTouchpoint  *self,
                                            const char       *name,
                                            int               position,
                                            gint64            stage_id,
                                            gint64            channel_id);
void             _ecart_pillar_update      (EcartPillar      *self,
                                            const char       *name,
                                            int               position,
                                            const char       *key);
void             _ecart_attribute_update   (EcartAttribute   *self,
                                            const char       *name,
                                            int               position,
                                            gint64            pillar_id,
                                            const char       *description);
void             _ecart_initiative_update  (EcartInitiative  *self,
                                            const char       *name,
                                            int               position,
                                            const char       *description,
                                            const char       *owner,
                                            int               status,
                                            const char       *due_date,
                                            gint64            segment_id,
                                            gint64            attribute_id,
                                            gint64            touchpoint_id);
void             _ecart_wave_update        (EcartWave        *self,
                                            const char       *name,
                                            int               position,
                                            const char       *kind,
                                            const char       *started_on,
                                            const char       *ended_on,
                                            const char       *source_file,
                                            gint64            respondents);
EcartExperience *_ecart_experience_new     (gint64            segment_id,
                                            gint64            attribute_id);
void             _ecart_experience_update  (EcartExperience  *self,
                                            double            desired_target,
                                            int               importance,
                                            const char       *desired_statement,
                                            double            proposed_level,
                                            const char       *proposed_statement);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-stage"

#include "config.h"

#include "ecart-stage.h"
#include "ecart-model-private.h"

/* A stage of the customer journey. */

struct _EcartStage
{
  EcartItem parent_instance;
};

G_DEFINE_FINAL_TYPE (EcartStage, ecart_stage, ECART_TYPE_ITEM)

static void
ecart_stage_class_init (EcartStageClass *klass)
{
}

static void
ecart_stage_init (EcartStage *self)
{
}

void
_ecart_stage_update (EcartStage *self,
                     const char *name,
                     int         position)
{
  g_return_if_fail (ECART_IS_STAGE (self));

  _ecart_item_update (ECART_ITEM (self), name, position);
}

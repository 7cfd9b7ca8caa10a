/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_STAGE_COLUMN (ecart_stage_column_get_type ())

G_DECLARE_FINAL_TYPE (EcartStageColumn, ecart_stage_column, ECART, STAGE_COLUMN, GtkWidget)

GtkWidget  *ecart_stage_column_new         (EcartWorkspace   *workspace,
                                            EcartStage       *stage,
                                            GMenuModel       *channels_menu,
                                            GMenuModel       *stages_menu);
EcartStage *ecart_stage_column_get_stage   (EcartStageColumn *self);
void        ecart_stage_column_set_number  (EcartStageColumn *self,
                                            guint             number,
                                            guint             n_stages);
void        ecart_stage_column_refilter    (EcartStageColumn *self);
GtkWidget  *ecart_stage_column_get_row     (EcartStageColumn *self,
                                            EcartTouchpoint  *touchpoint);
GListModel *ecart_stage_column_get_touchpoints (EcartStageColumn *self);
void        ecart_stage_column_popup_menu  (EcartStageColumn *self);
void        ecart_stage_column_focus       (EcartStageColumn *self);

G_END_DECLS

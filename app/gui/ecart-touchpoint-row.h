/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_TOUCHPOINT_ROW (ecart_touchpoint_row_get_type ())

G_DECLARE_FINAL_TYPE (EcartTouchpointRow, ecart_touchpoint_row, ECART, TOUCHPOINT_ROW, AdwActionRow)

GtkWidget       *ecart_touchpoint_row_new            (EcartWorkspace     *workspace,
                                                      EcartTouchpoint    *touchpoint,
                                                      GMenuModel         *channels_menu,
                                                      GMenuModel         *stages_menu);
EcartTouchpoint *ecart_touchpoint_row_get_touchpoint (EcartTouchpointRow *self);
void             ecart_touchpoint_row_set_movable    (EcartTouchpointRow *self,
                                                      gboolean            up,
                                                      gboolean            down);
void             ecart_touchpoint_row_popup_menu     (EcartTouchpointRow *self);

G_END_DECLS

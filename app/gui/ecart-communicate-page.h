/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-gap-table.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_COMMUNICATE_PAGE (ecart_communicate_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartCommunicatePage, ecart_communicate_page, ECART, COMMUNICATE_PAGE, GtkWidget)

EcartWorkspace *ecart_communicate_page_get_workspace (EcartCommunicatePage *self);
void            ecart_communicate_page_set_workspace (EcartCommunicatePage *self,
                                                      EcartWorkspace       *workspace);
EcartSegment   *ecart_communicate_page_get_segment   (EcartCommunicatePage *self);
void            ecart_communicate_page_set_segment   (EcartCommunicatePage *self,
                                                      EcartSegment         *segment);
EcartGapTable  *ecart_communicate_page_get_table     (EcartCommunicatePage *self);

G_END_DECLS

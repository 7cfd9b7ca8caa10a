/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_JOURNEY_PAGE (ecart_journey_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartJourneyPage, ecart_journey_page, ECART, JOURNEY_PAGE, GtkWidget)

EcartWorkspace *ecart_journey_page_get_workspace (EcartJourneyPage *self);
void            ecart_journey_page_set_workspace (EcartJourneyPage *self,
                                                  EcartWorkspace   *workspace);
GtkWidget      *ecart_journey_page_get_column    (EcartJourneyPage *self,
                                                  EcartStage       *stage);
GtkWidget      *ecart_journey_page_get_row       (EcartJourneyPage *self,
                                                  EcartTouchpoint  *touchpoint);

G_END_DECLS

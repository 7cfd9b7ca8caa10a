/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-chart-card.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_DASHBOARD_PAGE (ecart_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartDashboardPage, ecart_dashboard_page, ECART, DASHBOARD_PAGE, GtkWidget)

EcartWorkspace *ecart_dashboard_page_get_workspace (EcartDashboardPage *self);
void            ecart_dashboard_page_set_workspace (EcartDashboardPage *self,
                                                    EcartWorkspace     *workspace);
EcartSegment   *ecart_dashboard_page_get_segment   (EcartDashboardPage *self);
void            ecart_dashboard_page_set_segment   (EcartDashboardPage *self,
                                                    EcartSegment       *segment);
gboolean        ecart_dashboard_page_is_computing  (EcartDashboardPage *self);
EcartGapTable  *ecart_dashboard_page_get_table     (EcartDashboardPage *self);
EcartChartCard *ecart_dashboard_page_get_card      (EcartDashboardPage *self,
                                                    EcartChartKind      kind,
                                                    EcartSegment       *segment);
guint           ecart_dashboard_page_get_n_cards   (EcartDashboardPage *self);

G_END_DECLS

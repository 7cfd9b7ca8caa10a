/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_PORTFOLIO_PAGE (ecart_portfolio_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartPortfolioPage, ecart_portfolio_page, ECART, PORTFOLIO_PAGE, GtkWidget)

EcartWorkspace *ecart_portfolio_page_get_workspace (EcartPortfolioPage *self);
void            ecart_portfolio_page_set_workspace (EcartPortfolioPage *self,
                                                    EcartWorkspace     *workspace);
EcartSegment   *ecart_portfolio_page_get_segment   (EcartPortfolioPage *self);
void            ecart_portfolio_page_set_segment   (EcartPortfolioPage *self,
                                                    EcartSegment       *segment);
GtkWidget      *ecart_portfolio_page_get_card      (EcartPortfolioPage *self,
                                                    EcartSegment       *segment);

G_END_DECLS

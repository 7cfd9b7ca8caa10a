/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_OVERVIEW_PAGE (ecart_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartOverviewPage, ecart_overview_page, ECART, OVERVIEW_PAGE, GtkWidget)

EcartWorkspace *ecart_overview_page_get_workspace (EcartOverviewPage *self);
void            ecart_overview_page_set_workspace (EcartOverviewPage *self,
                                                   EcartWorkspace    *workspace);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_PROPOSED_PAGE (ecart_proposed_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartProposedPage, ecart_proposed_page, ECART, PROPOSED_PAGE, GtkWidget)

EcartWorkspace *ecart_proposed_page_get_workspace (EcartProposedPage *self);
void            ecart_proposed_page_set_workspace (EcartProposedPage *self,
                                                   EcartWorkspace    *workspace);
EcartSegment   *ecart_proposed_page_get_segment   (EcartProposedPage *self);
void            ecart_proposed_page_set_segment   (EcartProposedPage *self,
                                                   EcartSegment      *segment);
GtkWidget      *ecart_proposed_page_get_row       (EcartProposedPage *self,
                                                   EcartAttribute    *attribute);
void            ecart_proposed_page_commit        (EcartProposedPage *self);

G_END_DECLS

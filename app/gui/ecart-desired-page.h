/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_DESIRED_PAGE (ecart_desired_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartDesiredPage, ecart_desired_page, ECART, DESIRED_PAGE, GtkWidget)

EcartWorkspace *ecart_desired_page_get_workspace (EcartDesiredPage *self);
void            ecart_desired_page_set_workspace (EcartDesiredPage *self,
                                                  EcartWorkspace   *workspace);
EcartSegment   *ecart_desired_page_get_segment   (EcartDesiredPage *self);
void            ecart_desired_page_set_segment   (EcartDesiredPage *self,
                                                  EcartSegment     *segment);
GtkWidget      *ecart_desired_page_get_row       (EcartDesiredPage *self,
                                                  EcartAttribute   *attribute);
void            ecart_desired_page_commit        (EcartDesiredPage *self);

G_END_DECLS

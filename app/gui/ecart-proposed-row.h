/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_PROPOSED_ROW (ecart_proposed_row_get_type ())

G_DECLARE_FINAL_TYPE (EcartProposedRow, ecart_proposed_row, ECART, PROPOSED_ROW, GtkListBoxRow)

GtkWidget      *ecart_proposed_row_new           (EcartWorkspace   *workspace,
                                                  EcartAttribute   *attribute,
                                                  EcartSegment     *segment);
EcartAttribute *ecart_proposed_row_get_attribute (EcartProposedRow *self);
void            ecart_proposed_row_set_segment   (EcartProposedRow *self,
                                                  EcartSegment     *segment);
void            ecart_proposed_row_commit        (EcartProposedRow *self);

G_END_DECLS

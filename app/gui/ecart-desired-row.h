/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_DESIRED_ROW (ecart_desired_row_get_type ())

G_DECLARE_FINAL_TYPE (EcartDesiredRow, ecart_desired_row, ECART, DESIRED_ROW, GtkListBoxRow)

GtkWidget      *ecart_desired_row_new           (EcartWorkspace  *workspace,
                                                 EcartAttribute  *attribute,
                                                 EcartSegment    *segment);
EcartAttribute *ecart_desired_row_get_attribute (EcartDesiredRow *self);
EcartSegment   *ecart_desired_row_get_segment   (EcartDesiredRow *self);
void            ecart_desired_row_set_segment   (EcartDesiredRow *self,
                                                 EcartSegment    *segment);
void            ecart_desired_row_commit        (EcartDesiredRow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_MEASUREMENTS_PAGE (ecart_measurements_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartMeasurementsPage, ecart_measurements_page, ECART, MEASUREMENTS_PAGE, GtkWidget)

EcartWorkspace *ecart_measurements_page_get_workspace (EcartMeasurementsPage *self);
void            ecart_measurements_page_set_workspace (EcartMeasurementsPage *self,
                                                       EcartWorkspace        *workspace);
GListModel     *ecart_measurements_page_get_model     (EcartMeasurementsPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-drill-down.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_DRILL_DOWN_DIALOG (ecart_drill_down_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EcartDrillDownDialog, ecart_drill_down_dialog, ECART, DRILL_DOWN_DIALOG, AdwWindow)

/* How many rows the dialog lists at most (it says how many there are in all). */
#define ECART_DRILL_DOWN_DIALOG_MAX_MEASUREMENTS 200
#define ECART_DRILL_DOWN_DIALOG_MAX_VERBATIMS    50

GtkWidget *ecart_drill_down_dialog_new               (GtkWindow              *parent,
                                                      EcartWorkspace         *workspace,
                                                      const EcartDrillFilter *filter,
                                                      const char             *title,
                                                      const char             *subtitle,
                                                      const char             *summary);
gboolean   ecart_drill_down_dialog_is_loading        (EcartDrillDownDialog   *self);
gint64     ecart_drill_down_dialog_get_n_measurements (EcartDrillDownDialog  *self);
guint      ecart_drill_down_dialog_get_n_listed      (EcartDrillDownDialog   *self);
gint64     ecart_drill_down_dialog_get_n_verbatims   (EcartDrillDownDialog   *self);

G_END_DECLS

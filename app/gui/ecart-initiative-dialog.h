/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_INITIATIVE_DIALOG (ecart_initiative_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EcartInitiativeDialog, ecart_initiative_dialog, ECART, INITIATIVE_DIALOG, AdwWindow)

GtkWidget *ecart_initiative_dialog_new          (GtkWindow       *parent,
                                                 EcartWorkspace  *workspace,
                                                 EcartInitiative *initiative);
GtkWidget *ecart_initiative_dialog_new_proposal (GtkWindow       *parent,
                                                 EcartWorkspace  *workspace,
                                                 EcartSegment    *segment,
                                                 EcartAttribute  *attribute);
gboolean   ecart_initiative_check_date          (const char      *text);

G_END_DECLS

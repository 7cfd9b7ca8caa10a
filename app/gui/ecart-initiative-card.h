/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_INITIATIVE_CARD (ecart_initiative_card_get_type ())

G_DECLARE_FINAL_TYPE (EcartInitiativeCard, ecart_initiative_card, ECART, INITIATIVE_CARD, GtkListBoxRow)

GtkWidget       *ecart_initiative_card_new            (EcartWorkspace      *workspace,
                                                       EcartInitiative     *initiative);
EcartInitiative *ecart_initiative_card_get_initiative (EcartInitiativeCard *self);

G_END_DECLS

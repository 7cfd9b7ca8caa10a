/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_INITIATIVE_BOARD (ecart_initiative_board_get_type ())

G_DECLARE_FINAL_TYPE (EcartInitiativeBoard, ecart_initiative_board, ECART, INITIATIVE_BOARD, GtkWidget)

GtkWidget      *ecart_initiative_board_new              (void);
EcartWorkspace *ecart_initiative_board_get_workspace    (EcartInitiativeBoard  *self);
void            ecart_initiative_board_set_workspace    (EcartInitiativeBoard  *self,
                                                         EcartWorkspace        *workspace);
gboolean        ecart_initiative_board_get_stacked      (EcartInitiativeBoard  *self);
GtkListBox     *ecart_initiative_board_get_list         (EcartInitiativeBoard  *self,
                                                         EcartInitiativeStatus  status);
GtkWidget      *ecart_initiative_board_get_card         (EcartInitiativeBoard  *self,
                                                         EcartInitiative       *initiative);
void            ecart_initiative_board_focus_initiative (EcartInitiativeBoard  *self,
                                                         EcartInitiative       *initiative);
gboolean        ecart_initiative_board_move             (EcartInitiativeBoard  *self,
                                                         EcartInitiative       *initiative,
                                                         EcartInitiativeStatus  status,
                                                         guint                  index);

guint           ecart_initiative_index_in_status        (EcartWorkspace        *workspace,
                                                         EcartInitiative       *initiative);
guint           ecart_initiative_count_in_status        (EcartWorkspace        *workspace,
                                                         EcartInitiativeStatus  status);

G_END_DECLS

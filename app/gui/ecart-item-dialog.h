/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

/**
 * EcartNameCheckFunc:
 * @name: the name as typed
 *
 * Returns: (transfer full) (nullable): why @name cannot be used, or %NULL when it can
 */
typedef char *(*EcartNameCheckFunc) (const char *name,
                                     gpointer    user_data);

#define ECART_TYPE_ITEM_DIALOG (ecart_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EcartItemDialog, ecart_item_dialog, ECART, ITEM_DIALOG, AdwMessageDialog)

EcartItemDialog *ecart_item_dialog_new             (GtkWidget          *parent,
                                                    const char         *heading,
                                                    const char         *apply_label);
void             ecart_item_dialog_set_name_field  (EcartItemDialog    *self,
                                                    const char         *title,
                                                    const char         *name,
                                                    EcartNameCheckFunc  check,
                                                    gpointer            user_data,
                                                    GDestroyNotify      destroy);
const char      *ecart_item_dialog_get_name        (EcartItemDialog    *self);
void             ecart_item_dialog_set_channels    (EcartItemDialog    *self,
                                                    GListModel         *channels,
                                                    EcartChannel       *selected);
EcartChannel    *ecart_item_dialog_get_channel     (EcartItemDialog    *self);
void             ecart_item_dialog_set_stages      (EcartItemDialog    *self,
                                                    GListModel         *stages,
                                                    EcartStage         *selected);
EcartStage      *ecart_item_dialog_get_stage       (EcartItemDialog    *self);
void             ecart_item_dialog_set_description (EcartItemDialog    *self,
                                                    const char         *title,
                                                    const char         *description);
char            *ecart_item_dialog_dup_description (EcartItemDialog    *self);

G_END_DECLS

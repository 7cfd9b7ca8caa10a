/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

/**
 * EcartAttributeRowFunc:
 *
 * Returns: (transfer full): a new #GtkListBoxRow showing @attribute
 */
typedef GtkWidget *(*EcartAttributeRowFunc) (EcartAttribute *attribute,
                                             gpointer        user_data);

#define ECART_TYPE_ATTRIBUTE_LIST (ecart_attribute_list_get_type ())

G_DECLARE_FINAL_TYPE (EcartAttributeList, ecart_attribute_list, ECART, ATTRIBUTE_LIST, GtkWidget)

GtkWidget      *ecart_attribute_list_new             (void);
EcartWorkspace *ecart_attribute_list_get_workspace   (EcartAttributeList    *self);
void            ecart_attribute_list_set_workspace   (EcartAttributeList    *self,
                                                      EcartWorkspace        *workspace);
void            ecart_attribute_list_set_row_func    (EcartAttributeList    *self,
                                                      EcartAttributeRowFunc  func,
                                                      gpointer               user_data);
gboolean        ecart_attribute_list_get_reorderable (EcartAttributeList    *self);
void            ecart_attribute_list_set_reorderable (EcartAttributeList    *self,
                                                      gboolean               reorderable);
GtkWidget      *ecart_attribute_list_get_row         (EcartAttributeList    *self,
                                                      EcartAttribute        *attribute);
void            ecart_attribute_list_foreach         (EcartAttributeList    *self,
                                                      GFunc                  func,
                                                      gpointer               user_data);
GtkListBox     *ecart_attribute_list_get_list_box    (EcartAttributeList    *self,
                                                      EcartPillar           *pillar);

gboolean        ecart_attribute_can_move_by          (EcartWorkspace        *workspace,
                                                      EcartAttribute        *attribute,
                                                      int                    direction);
gboolean        ecart_attribute_move_by              (EcartWorkspace        *workspace,
                                                      EcartAttribute        *attribute,
                                                      int                    direction,
                                                      GError               **error);

G_END_DECLS

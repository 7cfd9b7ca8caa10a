/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_ATTRIBUTE_DIALOG (ecart_attribute_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EcartAttributeDialog, ecart_attribute_dialog, ECART, ATTRIBUTE_DIALOG, AdwMessageDialog)

GtkWidget *ecart_attribute_dialog_new (GtkWindow      *parent,
                                       EcartWorkspace *workspace,
                                       EcartAttribute *attribute);
char      *ecart_attribute_check_name (EcartWorkspace *workspace,
                                       EcartAttribute *attribute,
                                       const char     *name);

G_END_DECLS

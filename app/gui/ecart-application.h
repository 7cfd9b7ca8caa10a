/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_APPLICATION (ecart_application_get_type ())

G_DECLARE_FINAL_TYPE (EcartApplication, ecart_application, ECART, APPLICATION, AdwApplication)

EcartApplication *ecart_application_new             (void);
GSettings        *ecart_application_get_settings    (EcartApplication *self);
void              ecart_application_open_path       (EcartApplication *self,
                                                     const char       *path,
                                                     GtkWindow        *parent);
void              ecart_application_open_demo       (EcartApplication *self,
                                                     GtkWindow        *parent);
char             *ecart_application_dup_demo_path   (EcartApplication *self);
void              ecart_application_add_recent      (EcartApplication *self,
                                                     const char       *path);
void              ecart_application_forget_recent   (EcartApplication *self,
                                                     const char       *path);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-application.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_WINDOW (ecart_window_get_type ())

G_DECLARE_FINAL_TYPE (EcartWindow, ecart_window, ECART, WINDOW, AdwApplicationWindow)

EcartWindow    *ecart_window_new           (EcartApplication *application);
EcartWorkspace *ecart_window_get_workspace (EcartWindow      *self);
void            ecart_window_set_workspace (EcartWindow      *self,
                                            EcartWorkspace   *workspace);
EcartSegment   *ecart_window_get_segment   (EcartWindow      *self);
void            ecart_window_set_segment   (EcartWindow      *self,
                                            EcartSegment     *segment);
const char     *ecart_window_get_page      (EcartWindow      *self);
void            ecart_window_set_page      (EcartWindow      *self,
                                            const char       *page);
void            ecart_window_add_toast     (EcartWindow      *self,
                                            AdwToast         *toast);
void            ecart_window_show_error    (EcartWindow      *self,
                                            const char       *title,
                                            const GError     *error);

G_END_DECLS

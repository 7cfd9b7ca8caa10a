/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-window.h"

G_BEGIN_DECLS

/* Helpers shared by the pages of the window. */

EcartWindow *_ecart_gui_get_window      (GtkWidget    *widget);
void         _ecart_gui_show_error      (GtkWidget    *widget,
                                         const char   *title,
                                         const GError *error);
void         _ecart_gui_toast_undo      (GtkWidget    *widget,
                                         const char   *title);
GIcon       *_ecart_gui_channel_icon    (EcartChannel *channel);
void         _ecart_gui_draw_color_dot  (cairo_t      *cr,
                                         int           width,
                                         int           height,
                                         const char   *color,
                                         gboolean      checked);
gboolean     _ecart_gui_focus_item      (GtkWidget    *widget);

G_END_DECLS

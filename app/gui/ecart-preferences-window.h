/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ECART_TYPE_PREFERENCES_WINDOW (ecart_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EcartPreferencesWindow, ecart_preferences_window, ECART, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

EcartPreferencesWindow *ecart_preferences_window_new (GtkWindow *parent);

G_END_DECLS

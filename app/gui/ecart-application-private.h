/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-application.h"
#include "ecart-window.h"

G_BEGIN_DECLS

/* The values of the GSettings enum io.github.ecart.Ecart.ColorScheme. */
typedef enum {
  ECART_COLOR_SCHEME_SYSTEM = 0,
  ECART_COLOR_SCHEME_LIGHT  = 1,
  ECART_COLOR_SCHEME_DARK   = 2,
} EcartColorScheme;

struct _EcartApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        open_demo;
};

void         _ecart_application_install_actions (EcartApplication *self);
EcartWindow *_ecart_application_find_window     (EcartApplication *self,
                                                 const char       *path);
EcartWindow *_ecart_application_get_free_window (EcartApplication *self,
                                                 GtkWindow        *preferred);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-workspace.h"

G_BEGIN_DECLS

typedef enum {
  ECART_TEMPLATE_BLANK,
  ECART_TEMPLATE_BOULANGERIE,
  ECART_TEMPLATE_HOTEL,
} EcartTemplate;

#define ECART_N_TEMPLATES 3

const char     *ecart_template_to_string   (EcartTemplate   template);
gboolean        ecart_template_from_string (const char     *text,
                                            EcartTemplate  *template);
const char     *ecart_template_get_label   (EcartTemplate   template);
const char     *ecart_language_from_locale (void);
EcartWorkspace *ecart_workspace_create     (const char     *path,
                                            EcartTemplate   template,
                                            const char     *language,
                                            GError        **error);
EcartWorkspace *ecart_demo_create          (const char     *path,
                                            const char     *language,
                                            GError        **error);

G_END_DECLS

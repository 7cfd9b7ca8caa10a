/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ECART_TYPE_START_PAGE (ecart_start_page_get_type ())

G_DECLARE_FINAL_TYPE (EcartStartPage, ecart_start_page, ECART, START_PAGE, GtkWidget)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-window.h"

G_BEGIN_DECLS

void     ecart_report_export_choose     (EcartWindow *window);
void     ecart_report_export_start      (EcartWindow *window,
                                         const char  *path,
                                         const char  *language);
gboolean ecart_report_export_is_running (EcartWindow *window);

G_END_DECLS

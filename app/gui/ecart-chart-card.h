/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-chart-view.h"

G_BEGIN_DECLS

#define ECART_TYPE_CHART_CARD (ecart_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (EcartChartCard, ecart_chart_card, ECART, CHART_CARD, GtkWidget)

GtkWidget      *ecart_chart_card_new            (void);
EcartChart     *ecart_chart_card_get_chart      (EcartChartCard  *self);
void            ecart_chart_card_set_chart      (EcartChartCard  *self,
                                                 EcartChart      *chart);
EcartChartView *ecart_chart_card_get_view       (EcartChartCard  *self);
gboolean        ecart_chart_card_get_show_data  (EcartChartCard  *self);
void            ecart_chart_card_set_show_data  (EcartChartCard  *self,
                                                 gboolean         show_data);
const char     *ecart_chart_card_get_data_text  (EcartChartCard  *self);
const char     *ecart_chart_card_get_cell       (EcartChartCard  *self,
                                                 guint            row,
                                                 guint            column);
void            ecart_chart_card_set_caption    (EcartChartCard  *self,
                                                 const char      *caption);
gboolean        ecart_chart_card_export         (EcartChartCard  *self,
                                                 const char      *path,
                                                 GError         **error);
gboolean        ecart_chart_card_print_to_file  (EcartChartCard  *self,
                                                 const char      *path,
                                                 GError         **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-chart.h"

G_BEGIN_DECLS

#define ECART_TYPE_CHART_VIEW (ecart_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (EcartChartView, ecart_chart_view, ECART, CHART_VIEW, GtkWidget)

GtkWidget       *ecart_chart_view_new             (void);
EcartChart      *ecart_chart_view_get_chart       (EcartChartView      *self);
void             ecart_chart_view_set_chart       (EcartChartView      *self,
                                                   EcartChart          *chart);
EcartChartStyle *ecart_chart_view_dup_style       (EcartChartView      *self);
const char      *ecart_chart_view_get_cursor_text (EcartChartView      *self);
char            *ecart_chart_view_dup_tooltip_at  (EcartChartView      *self,
                                                   double               x,
                                                   double               y);
GdkTexture      *ecart_chart_view_render_texture  (EcartChartView      *self,
                                                   GError             **error);
char            *ecart_chart_describe_hit         (EcartChart          *chart,
                                                   const EcartChartHit *hit);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ecart-types.h"

G_BEGIN_DECLS

/* A colour, each channel 0–1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} EcartChartColor;

/* How charts look: light or dark, the scale of fonts and strokes (1.0 on a screen, 1.5–2.0
 * for a projector), the font family. The four dimensions keep the same colours (Okabe–Ito)
 * on every chart; the dark style only lightens the ones that would lack contrast. */
typedef struct _EcartChartStyle EcartChartStyle;

#define ECART_TYPE_CHART_STYLE (ecart_chart_style_get_type ())

GType            ecart_chart_style_get_type            (void) G_GNUC_CONST;

EcartChartStyle *ecart_chart_style_new                 (gboolean                dark,
                                                        double                  scale);
EcartChartStyle *ecart_chart_style_copy                (const EcartChartStyle  *self);
void             ecart_chart_style_free                (EcartChartStyle        *self);

gboolean         ecart_chart_style_is_dark             (const EcartChartStyle  *self);
double           ecart_chart_style_get_scale           (const EcartChartStyle  *self);
const char      *ecart_chart_style_get_font_family     (const EcartChartStyle  *self);
void             ecart_chart_style_set_font_family     (EcartChartStyle        *self,
                                                        const char             *family);
/* Without a background, a chart draws on whatever is under it (a widget's card). */
gboolean         ecart_chart_style_get_draws_background (const EcartChartStyle *self);
void             ecart_chart_style_set_draws_background (EcartChartStyle       *self,
                                                        gboolean                draws_background);

void             ecart_chart_style_get_dimension_color (const EcartChartStyle  *self,
                                                        EcartDimension          dimension,
                                                        EcartChartColor        *color);
void             ecart_chart_style_get_background_color (const EcartChartStyle *self,
                                                        EcartChartColor        *color);
void             ecart_chart_style_get_foreground_color (const EcartChartStyle *self,
                                                        EcartChartColor        *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartChartStyle, ecart_chart_style_free)

G_END_DECLS

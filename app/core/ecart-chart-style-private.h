/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-chart-style.h"

G_BEGIN_DECLS

#define ECART_CHART_SCALE_MIN 0.25
#define ECART_CHART_SCALE_MAX 8.0
#define ECART_CHART_N_DIVERGING 9

struct _EcartChartStyle
{
  gboolean        dark;
  double          scale;
  char           *font_family;
  gboolean        draws_background;

  EcartChartColor dimensions[ECART_N_DIMENSIONS];
  EcartChartColor background;
  EcartChartColor foreground;    /* titles, labels */
  EcartChartColor secondary;     /* subtitles, ticks, notes */
  EcartChartColor grid;
  EcartChartColor axis;          /* zero lines, crosshairs */
  EcartChartColor band;          /* alternate rows, stages */
  EcartChartColor insufficient;  /* greyed values and their hatching */
  EcartChartColor negative;      /* gaps below 0, detractors */
  EcartChartColor positive;      /* gaps above 0, promoters */
  EcartChartColor passives;
  EcartChartColor highlight;     /* the "Concentrate here" quadrant */
  EcartChartColor diverging[ECART_CHART_N_DIVERGING];  /* heatmap: −limit … 0 … +limit */
};

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "ecart-chart-style.h"
#include "ecart-gap-row.h"

G_BEGIN_DECLS

/* The pure part of the charts' pipeline (STYLE.md, "Charts as a pipeline"): axis ranges and
 * ticks, normalisation to 0..1, rows, bars, grids, quadrants, label placement and colour
 * scales. No drawing here; tests/test-chart-layout.c checks each function. */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} EcartChartRect;

/* An axis: the range shown, [min, max], with ticks at min, min + step, …, max. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
} EcartChartAxis;

double   ecart_chart_nice_step            (double                 span,
                                           guint                  max_ticks);
void     ecart_chart_axis_nice            (EcartChartAxis        *axis,
                                           double                 low,
                                           double                 high,
                                           guint                  max_ticks);
void     ecart_chart_axis_fixed           (EcartChartAxis        *axis,
                                           double                 min,
                                           double                 max,
                                           double                 step);
void     ecart_chart_axis_symmetric       (EcartChartAxis        *axis,
                                           double                 limit,
                                           guint                  max_ticks);
double   ecart_chart_axis_get_tick        (const EcartChartAxis  *axis,
                                           guint                  i);
double   ecart_chart_axis_normalise       (const EcartChartAxis  *axis,
                                           double                 value);
double   ecart_chart_axis_to_pixel        (const EcartChartAxis  *axis,
                                           double                 value,
                                           double                 start,
                                           double                 end);
guint    ecart_chart_max_ticks            (double                 length,
                                           double                 min_spacing);
char    *ecart_chart_format_tick          (const EcartChartAxis  *axis,
                                           double                 value,
                                           gboolean               signed_);

/* n bands (rows or columns) over [start, end]: band i spans [start + i·step, … + step];
 * its bar, @inner of the band, is centred in it. */
typedef struct
{
  double start;
  double step;
  double inner;
  guint  n;
} EcartChartBands;

void     ecart_chart_bands_init           (EcartChartBands       *bands,
                                           guint                  n,
                                           double                 start,
                                           double                 end,
                                           double                 inner);
double   ecart_chart_bands_get_centre     (const EcartChartBands *bands,
                                           guint                  i);
double   ecart_chart_bands_get_thickness  (const EcartChartBands *bands);
int      ecart_chart_bands_index_at       (const EcartChartBands *bands,
                                           double                 position);

/* A bar from 0 (or the axis end nearest to 0) to @value, as pixels [from, to], from ≤ to. */
void     ecart_chart_bar_extent           (const EcartChartAxis  *axis,
                                           double                 value,
                                           double                 start,
                                           double                 end,
                                           double                *from,
                                           double                *to);

/* Stacked shares (percentages summing to about 100) as [from, to] pixel spans. */
void     ecart_chart_stack_extents        (const double          *shares,
                                           guint                  n,
                                           double                 start,
                                           double                 end,
                                           double                *from,
                                           double                *to);

/* A grid of cells over @area, with @gap between cells. */
typedef struct
{
  EcartChartRect area;
  guint          n_rows;
  guint          n_columns;
  double         gap;
} EcartChartGrid;

void     ecart_chart_grid_init            (EcartChartGrid        *grid,
                                           const EcartChartRect  *area,
                                           guint                  n_rows,
                                           guint                  n_columns,
                                           double                 gap);
void     ecart_chart_grid_get_cell        (const EcartChartGrid  *grid,
                                           guint                  row,
                                           guint                  column,
                                           EcartChartRect        *cell);
gboolean ecart_chart_grid_cell_at         (const EcartChartGrid  *grid,
                                           double                 x,
                                           double                 y,
                                           guint                 *row,
                                           guint                 *column);
void     ecart_chart_grid_shape           (guint                  n,
                                           double                 width,
                                           double                 height,
                                           double                 cell_aspect,
                                           guint                 *n_rows,
                                           guint                 *n_columns);

/* Importance–performance matrix: x is importance, y the lived mean. */
EcartQuadrant ecart_chart_quadrant_at     (double                 importance,
                                           double                 lived,
                                           double                 cross_importance,
                                           double                 cross_lived);
void     ecart_chart_quadrant_rect        (EcartQuadrant          quadrant,
                                           const EcartChartRect  *plot,
                                           double                 cross_x,
                                           double                 cross_y,
                                           EcartChartRect        *rect);

gboolean ecart_chart_rect_intersects     (const EcartChartRect  *a,
                                           const EcartChartRect  *b,
                                           double                 slack);

/* Moves sorted positions apart so that neighbours are at least @min_gap apart, as little as
 * possible, within [low, high] when they fit. */
void     ecart_chart_spread               (double                *positions,
                                           guint                  n,
                                           double                 min_gap,
                                           double                 low,
                                           double                 high);

/* Radar: the point of spoke @i of @n at @fraction (0..1) of @radius, the first spoke up. */
void     ecart_chart_polar                (guint                  i,
                                           guint                  n,
                                           double                 fraction,
                                           double                 cx,
                                           double                 cy,
                                           double                 radius,
                                           double                *x,
                                           double                *y);

/* Labels: a Pango layout of @text wrapped to @width and at most @max_lines lines, the last
 * one ellipsised; @width ≤ 0 for no limit. */
PangoLayout *ecart_chart_label_new        (PangoContext                *context,
                                           const PangoFontDescription  *font,
                                           const char                  *text,
                                           double                       width,
                                           int                          max_lines,
                                           PangoAlignment               alignment);
void     ecart_chart_label_get_size       (PangoLayout           *layout,
                                           double                *width,
                                           double                *height);
double   ecart_chart_font_line_height     (PangoContext                *context,
                                           const PangoFontDescription  *font);

/* Colours. */
void     ecart_chart_color_mix            (const EcartChartColor *a,
                                           const EcartChartColor *b,
                                           double                 t,
                                           EcartChartColor       *result);
void     ecart_chart_diverging_color      (const EcartChartStyle *style,
                                           double                 value,
                                           double                 limit,
                                           EcartChartColor       *color);
double   ecart_chart_color_luminance      (const EcartChartColor *color,
                                           const EcartChartColor *background);
void     ecart_chart_text_color_on        (const EcartChartStyle *style,
                                           const EcartChartColor *fill,
                                           EcartChartColor       *color);
void     ecart_chart_color_from_hex       (const char            *text,
                                           const EcartChartColor *fallback,
                                           EcartChartColor       *color);

G_END_DECLS

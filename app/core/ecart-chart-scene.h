/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ecart-chart.h"
#include "ecart-chart-layout.h"
#include "ecart-chart-style-private.h"

G_BEGIN_DECLS

/* A chart laid out: what to paint, in pixels, and what lies where (the hits). The layout
 * step of each kind fills a scene; ecart_chart_scene_paint() only strokes and fills it. */

typedef enum {
  ECART_CHART_SHAPE_CIRCLE,
  ECART_CHART_SHAPE_DIAMOND,
  ECART_CHART_SHAPE_SQUARE,
  ECART_CHART_SHAPE_TRIANGLE,
} EcartChartShape;

typedef enum {
  ECART_CHART_DASH_SOLID,
  ECART_CHART_DASH_DASHED,
  ECART_CHART_DASH_DOTTED,
} EcartChartDash;

typedef enum {
  ECART_CHART_FONT_TITLE,
  ECART_CHART_FONT_SUBTITLE,
  ECART_CHART_FONT_LABEL,
  ECART_CHART_FONT_HEADING,   /* bold labels: panels, stages, pillars */
  ECART_CHART_FONT_TICK,
  ECART_CHART_FONT_VALUE,     /* numbers written on the chart */
  ECART_CHART_FONT_NOTE,
  ECART_CHART_FONT_EMPTY,
  ECART_CHART_N_FONTS
} EcartChartFont;

/* Where (x, y) is on a text. */
typedef enum {
  ECART_CHART_ANCHOR_TOP_LEFT,
  ECART_CHART_ANCHOR_TOP,
  ECART_CHART_ANCHOR_TOP_RIGHT,
  ECART_CHART_ANCHOR_LEFT,
  ECART_CHART_ANCHOR_CENTRE,
  ECART_CHART_ANCHOR_RIGHT,
  ECART_CHART_ANCHOR_BOTTOM_LEFT,
  ECART_CHART_ANCHOR_BOTTOM,
  ECART_CHART_ANCHOR_BOTTOM_RIGHT,
} EcartChartAnchor;

typedef struct _EcartChartScene EcartChartScene;

EcartChartScene       *ecart_chart_scene_new          (double                  width,
                                                       double                  height,
                                                       const EcartChartStyle  *style,
                                                       PangoContext           *context);
void                   ecart_chart_scene_free         (EcartChartScene        *scene);
PangoContext          *ecart_chart_context_new        (cairo_t                *cr);
void                   ecart_chart_context_free       (PangoContext           *context);

double                 ecart_chart_scene_get_width    (EcartChartScene        *scene);
double                 ecart_chart_scene_get_height   (EcartChartScene        *scene);
const EcartChartStyle *ecart_chart_scene_get_style    (EcartChartScene        *scene);
PangoContext          *ecart_chart_scene_get_context  (EcartChartScene        *scene);
double                 ecart_chart_scene_px           (EcartChartScene        *scene,
                                                       double                  pixels);
const PangoFontDescription *ecart_chart_scene_get_font (EcartChartScene       *scene,
                                                       EcartChartFont          font);
double                 ecart_chart_scene_line_height  (EcartChartScene        *scene,
                                                       EcartChartFont          font);

/* The area the frame left for the plot (set by the frame's layout). */
void                   ecart_chart_scene_set_plot     (EcartChartScene        *scene,
                                                       const EcartChartRect   *plot);
void                   ecart_chart_scene_get_plot     (EcartChartScene        *scene,
                                                       EcartChartRect         *plot);

/* Primitives, painted in the order they are added. */
void ecart_chart_scene_rect      (EcartChartScene        *scene,
                                  const EcartChartRect   *rect,
                                  const EcartChartColor  *fill,
                                  const EcartChartColor  *stroke,
                                  double                  line_width);
void ecart_chart_scene_hatch     (EcartChartScene        *scene,
                                  const EcartChartRect   *rect,
                                  const EcartChartColor  *color,
                                  double                  spacing,
                                  double                  line_width);
void ecart_chart_scene_line      (EcartChartScene        *scene,
                                  double                  x0,
                                  double                  y0,
                                  double                  x1,
                                  double                  y1,
                                  const EcartChartColor  *color,
                                  double                  line_width,
                                  EcartChartDash          dash);
void ecart_chart_scene_path      (EcartChartScene        *scene,
                                  const double           *xy,
                                  guint                   n_points,
                                  gboolean                closed,
                                  const EcartChartColor  *fill,
                                  const EcartChartColor  *stroke,
                                  double                  line_width,
                                  EcartChartDash          dash);
void ecart_chart_scene_marker    (EcartChartScene        *scene,
                                  EcartChartShape         shape,
                                  double                  cx,
                                  double                  cy,
                                  double                  radius,
                                  const EcartChartColor  *fill,
                                  const EcartChartColor  *stroke,
                                  double                  line_width);
void ecart_chart_scene_layout    (EcartChartScene        *scene,
                                  PangoLayout            *layout,
                                  double                  x,
                                  double                  y,
                                  const EcartChartColor  *color);

/* Text helpers: a label of @font wrapped to @width (≤ 0: no limit) and @max_lines. */
PangoLayout *ecart_chart_scene_label_with_font (EcartChartScene           *scene,
                                          const PangoFontDescription *font,
                                          const char            *text,
                                          double                 width,
                                          int                    max_lines,
                                          PangoAlignment         alignment);
PangoLayout *ecart_chart_scene_label     (EcartChartScene       *scene,
                                          EcartChartFont         font,
                                          const char            *text,
                                          double                 width,
                                          int                    max_lines,
                                          PangoAlignment         alignment);
void         ecart_chart_measure_place   (PangoLayout           *layout,
                                          double                 x,
                                          double                 y,
                                          EcartChartAnchor       anchor,
                                          double                *left,
                                          double                *top,
                                          EcartChartRect        *bounds);
/* Adds @layout so that its @anchor point is at (x, y); returns its bounds. */
void         ecart_chart_scene_place     (EcartChartScene       *scene,
                                          PangoLayout           *layout,
                                          double                 x,
                                          double                 y,
                                          EcartChartAnchor       anchor,
                                          const EcartChartColor *color,
                                          EcartChartRect        *bounds);
void         ecart_chart_scene_text      (EcartChartScene       *scene,
                                          EcartChartFont         font,
                                          const char            *text,
                                          double                 x,
                                          double                 y,
                                          EcartChartAnchor       anchor,
                                          double                 width,
                                          int                    max_lines,
                                          const EcartChartColor *color,
                                          EcartChartRect        *bounds);

/* A copy of @font's description, smaller when needed so that a line of it fits
 * @line_height, but not under @min_size pixels (at scale 1); @fitted receives its line
 * height. Free it with pango_font_description_free(). */
PangoFontDescription *ecart_chart_scene_fit_font (EcartChartScene      *scene,
                                          EcartChartFont         font,
                                          double                 line_height,
                                          double                 min_size,
                                          double                *fitted);
/* The bounds of every text placed, in order: for the tests (no two may overlap). */
const EcartChartRect *ecart_chart_scene_get_text_bounds (EcartChartScene *scene,
                                          guint                 *n_texts);

/* Hits: the last one added wins where they overlap. */
void         ecart_chart_scene_add_hit   (EcartChartScene       *scene,
                                          const EcartChartHit   *hit);
void         ecart_chart_hit_init        (EcartChartHit         *hit,
                                          EcartChartElement      element,
                                          EcartChartMeasure      measure);
gboolean     ecart_chart_scene_hit_test  (EcartChartScene       *scene,
                                          double                 x,
                                          double                 y,
                                          EcartChartHit         *hit);
const EcartChartHit *ecart_chart_scene_get_hits (EcartChartScene *scene,
                                          guint                 *n_hits);

void         ecart_chart_scene_paint     (EcartChartScene       *scene,
                                          cairo_t               *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartChartScene, ecart_chart_scene_free)

G_END_DECLS

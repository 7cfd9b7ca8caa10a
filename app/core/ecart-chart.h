/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ecart-chart-style.h"
#include "ecart-gap-table.h"

G_BEGIN_DECLS

/* The eight charts of DESIGN.md §4. */
typedef enum {
  ECART_CHART_PROFILE,   /* the four dimensions per attribute, on 0–10 */
  ECART_CHART_GAP_BARS,  /* one gap per attribute, diverging bars */
  ECART_CHART_RADAR,     /* desired, proposed and lived polygons */
  ECART_CHART_JOURNEY,   /* lived and expected per touchpoint along the stages */
  ECART_CHART_MATRIX,    /* importance–performance matrix (Martilla & James) */
  ECART_CHART_NPS,       /* recommendation: shares and NPS per segment, NPS per wave */
  ECART_CHART_HEATMAP,   /* touchpoints × attributes, one gap (perception by default) */
  ECART_CHART_TRENDS,    /* lived per attribute across the waves */
} EcartChartKind;

#define ECART_CHART_N_KINDS 8

#define ECART_CHART_ERROR (ecart_chart_error_quark ())

typedef enum {
  ECART_CHART_ERROR_FORMAT,  /* the file name ends neither in .png, .svg nor .pdf */
  ECART_CHART_ERROR_SIZE,    /* a width or height out of 1–20000 */
  ECART_CHART_ERROR_FAILED,  /* cairo could not draw or encode the file */
} EcartChartError;

/* What lies under a point of a chart. */
typedef enum {
  ECART_CHART_ELEMENT_NONE,
  ECART_CHART_ELEMENT_MARKER,   /* a value of a dimension: profile, radar, journey, trends */
  ECART_CHART_ELEMENT_BAR,      /* a gap bar */
  ECART_CHART_ELEMENT_WHISKER,  /* a confidence interval */
  ECART_CHART_ELEMENT_CELL,     /* a heatmap cell */
  ECART_CHART_ELEMENT_POINT,    /* an attribute of the importance–performance matrix */
  ECART_CHART_ELEMENT_SLICE,    /* a part of a stacked recommendation bar */
  ECART_CHART_ELEMENT_LABEL,    /* the label of an attribute, touchpoint, segment or wave */
} EcartChartElement;

/* What the value of a hit is. */
typedef enum {
  ECART_CHART_MEASURE_NONE,
  ECART_CHART_MEASURE_DIMENSION,   /* the value of @dimension, 0–10 */
  ECART_CHART_MEASURE_GAP,         /* the value of @gap, in points */
  ECART_CHART_MEASURE_DETRACTORS,  /* a share of respondents, 0–100 % */
  ECART_CHART_MEASURE_PASSIVES,
  ECART_CHART_MEASURE_PROMOTERS,
  ECART_CHART_MEASURE_NPS,         /* a Net Promoter Score, −100 to 100 */
} EcartChartMeasure;

/* The objects are owned by the chart's gap table (transfer none) and NULL when they do not
 * apply; numbers are NAN when they do not apply. */
typedef struct
{
  EcartChartElement  element;
  EcartChartMeasure  measure;
  EcartSegment      *segment;
  EcartAttribute    *attribute;
  EcartTouchpoint   *touchpoint;
  EcartStage        *stage;
  EcartWave         *wave;         /* NULL: every wave of the table */
  EcartDimension     dimension;    /* with ECART_CHART_MEASURE_DIMENSION */
  EcartGapKind       gap;          /* with ECART_CHART_MEASURE_GAP */
  double             value;
  double             ci_low;
  double             ci_high;
  gint64             n;            /* measurements or respondents behind the value; 0: none */
  gboolean           significant;
  gboolean           insufficient;
  int                importance;   /* 1–5, 0 when it does not apply */
  EcartQuadrant      quadrant;
  double             change;       /* from the previous wave (trends, NPS); NAN otherwise */
  gboolean           change_significant;
  double             x;            /* the element's bounds in the chart, in pixels */
  double             y;
  double             width;
  double             height;
} EcartChartHit;

#define ECART_TYPE_CHART (ecart_chart_get_type ())

G_DECLARE_FINAL_TYPE (EcartChart, ecart_chart, ECART, CHART, GObject)

GQuark          ecart_chart_error_quark           (void);

const char     *ecart_chart_kind_to_string        (EcartChartKind          kind);
gboolean        ecart_chart_kind_from_string      (const char             *text,
                                                   EcartChartKind         *kind);
const char     *ecart_chart_kind_get_title        (EcartChartKind          kind);
EcartGapKind    ecart_chart_kind_get_default_gap  (EcartChartKind          kind);

EcartChart     *ecart_chart_new                   (EcartChartKind          kind,
                                                   EcartGapTable          *table,
                                                   EcartSegment           *segment,
                                                   EcartGapKind            gap);

EcartChartKind  ecart_chart_get_kind              (EcartChart             *self);
EcartGapTable  *ecart_chart_get_table             (EcartChart             *self);
EcartSegment   *ecart_chart_get_segment           (EcartChart             *self);
EcartGapKind    ecart_chart_get_gap               (EcartChart             *self);
const char     *ecart_chart_get_title             (EcartChart             *self);
const char     *ecart_chart_get_subtitle          (EcartChart             *self);
const char     *ecart_chart_get_note              (EcartChart             *self);
gboolean        ecart_chart_is_empty              (EcartChart             *self);
const char     *ecart_chart_get_empty_message     (EcartChart             *self);

void            ecart_chart_draw                  (EcartChart             *self,
                                                   cairo_t                *cr,
                                                   double                  width,
                                                   double                  height,
                                                   const EcartChartStyle  *style);
double          ecart_chart_get_preferred_height  (EcartChart             *self,
                                                   double                  width,
                                                   const EcartChartStyle  *style);
gboolean        ecart_chart_hit_test              (EcartChart             *self,
                                                   double                  x,
                                                   double                  y,
                                                   EcartChartHit          *hit);
const EcartChartHit *ecart_chart_get_hits         (EcartChart             *self,
                                                   guint                  *n_hits);

GPtrArray      *ecart_chart_get_rows              (EcartChart             *self);
char           *ecart_chart_to_text               (EcartChart             *self);

gboolean        ecart_chart_export                (EcartChart             *self,
                                                   const char             *path,
                                                   int                     width,
                                                   int                     height,
                                                   const EcartChartStyle  *style,
                                                   GError                **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-chart.h"
#include "ecart-chart-layout.h"
#include "ecart-chart-scene.h"

G_BEGIN_DECLS

/* The charts' pipeline, kind by kind (ecart-chart-<kind>.c):
 *
 *   data:   _ecart_chart_<kind>_data_new (table, segment, gap): plain numbers and strings
 *           taken from the gap engine, nothing about pixels or colours;
 *   layout: _ecart_chart_<kind>_layout (scene, data): positions, from the pure functions of
 *           ecart-chart-layout.c, into a scene (what to paint, and the hits);
 *   draw:   ecart_chart_<kind>_draw (cr, width, height, data, style): layout, then
 *           ecart_chart_scene_paint(), which only fills and strokes.
 *
 * EcartChart (ecart-chart.c) holds a kind's data and its last scene. */

/* ---------------------------------------------------------------------------------- */
/* What every chart has around its plot                                               */

typedef struct
{
  char *title;
  char *subtitle;
  char *note;           /* how to read it: units, intervals, marks; nullable */
  char *empty_message;  /* set when there is nothing to draw: the chart says why */
} EcartChartFrame;

void      _ecart_chart_frame_clear        (EcartChartFrame      *frame);

typedef enum {
  ECART_CHART_LEGEND_MARKER,   /* a marker of a dimension */
  ECART_CHART_LEGEND_SWATCH,   /* a filled square */
  ECART_CHART_LEGEND_HATCH,    /* insufficient data */
  ECART_CHART_LEGEND_LINE,
  ECART_CHART_LEGEND_WHISKER,  /* a confidence interval */
  ECART_CHART_LEGEND_BAND,     /* an interval drawn as a band */
  ECART_CHART_LEGEND_SYMBOL,   /* a text symbol: * */
  ECART_CHART_LEGEND_EMPTY,    /* a cell with nothing measured */
} EcartChartLegendKind;

typedef struct
{
  EcartChartLegendKind kind;
  EcartChartShape      shape;
  EcartChartDash       dash;
  EcartChartColor      color;
  gboolean             hollow;
  char                *symbol;
  char                *label;
} EcartChartLegendItem;

GArray   *_ecart_chart_legend_new         (void);
void      _ecart_chart_legend_add         (GArray                 *legend,
                                           EcartChartLegendKind    kind,
                                           EcartChartShape         shape,
                                           const EcartChartColor  *color,
                                           const char             *label);
void      _ecart_chart_legend_add_symbol  (GArray                 *legend,
                                           const char             *symbol,
                                           const char             *label);
EcartChartLegendItem *_ecart_chart_legend_last (GArray             *legend);
void      _ecart_chart_legend_add_dimension (GArray               *legend,
                                           const EcartChartStyle  *style,
                                           EcartDimension          dimension);

/* Lays out title, subtitle, legend and note; @plot receives what is left for the chart. */
void      _ecart_chart_frame_layout       (EcartChartScene        *scene,
                                           const EcartChartFrame  *frame,
                                           GArray                 *legend,
                                           EcartChartRect         *plot);
/* The plot of a chart that may have to leave names out: it returns whether it did. */
typedef gboolean (*EcartChartBodyFunc) (EcartChartScene       *scene,
                                        gconstpointer          data,
                                        const EcartChartRect  *plot);

/* Lays out the frame and the body; when the body leaves names out, a line of the legend says
 * so (the body is laid out once on a scratch scene to find out). */
void      _ecart_chart_frame_layout_body  (EcartChartScene        *scene,
                                           const EcartChartFrame  *frame,
                                           GArray                 *legend,
                                           gconstpointer           data,
                                           EcartChartBodyFunc      body);
/* The empty state: the title, and why there is nothing to draw. */
void      _ecart_chart_frame_layout_empty (EcartChartScene        *scene,
                                           const EcartChartFrame  *frame);

/* ---------------------------------------------------------------------------------- */
/* Shared helpers (ecart-chart-frame.c)                                               */

EcartChartShape _ecart_chart_dimension_shape (EcartDimension       dimension);
const EcartChartColor *_ecart_chart_dimension_color (const EcartChartStyle *style,
                                           EcartDimension          dimension);

/* A value marker: filled, or hollow and greyed for insufficient data. */
void      _ecart_chart_marker             (EcartChartScene        *scene,
                                           EcartChartShape         shape,
                                           double                  x,
                                           double                  y,
                                           double                  radius,
                                           const EcartChartColor  *color,
                                           gboolean                insufficient);
/* An interval from @from to @to at @at, with caps of @cap half-length. */
void      _ecart_chart_whisker            (EcartChartScene        *scene,
                                           gboolean                horizontal,
                                           double                  at,
                                           double                  from,
                                           double                  to,
                                           double                  cap,
                                           const EcartChartColor  *color,
                                           double                  line_width);
/* Grid lines and tick labels of a value axis along the bottom (x) of @plot. */
void      _ecart_chart_axis_bottom        (EcartChartScene        *scene,
                                           const EcartChartAxis   *axis,
                                           const EcartChartRect   *plot,
                                           gboolean                signed_,
                                           const char             *title);
/* The same along the left (y) of @plot, labels to its left. */
void      _ecart_chart_axis_left          (EcartChartScene        *scene,
                                           const EcartChartAxis   *axis,
                                           const EcartChartRect   *plot,
                                           gboolean                signed_,
                                           const char             *suffix);
double    _ecart_chart_axis_label_width   (EcartChartScene        *scene,
                                           const EcartChartAxis   *axis,
                                           gboolean                signed_,
                                           const char             *suffix);

char     *_ecart_chart_format_value       (double                  value);
char     *_ecart_chart_format_signed      (double                  value);
char     *_ecart_chart_format_interval    (double                  low,
                                           double                  high,
                                           gboolean                signed_);
char     *_ecart_chart_format_count       (gint64                  n);
char     *_ecart_chart_format_n           (gint64                  n);
char     *_ecart_chart_format_percent     (double                  value);

/* Shared pieces of the data step. */
char     *_ecart_chart_describe_table     (EcartGapTable          *table,
                                           EcartSegment           *segment);
char     *_ecart_chart_interval_note      (EcartGapTable          *table);
char     *_ecart_chart_significance_note  (EcartGapTable          *table,
                                           gboolean                holm);
char     *_ecart_chart_insufficient_note  (EcartGapTable          *table);
EcartSegment *_ecart_chart_pick_segment   (EcartGapTable          *table,
                                           EcartSegment           *segment);
/* Sets the empty message when there is no segment, @segment is not in @table, or there is
 * no attribute; returns whether the chart can go on. */
gboolean  _ecart_chart_check_table        (EcartGapTable          *table,
                                           EcartSegment           *segment,
                                           gboolean                needs_attributes,
                                           EcartChartFrame        *frame);
const char *_ecart_chart_segment_name     (EcartSegment           *segment);
EcartGapTable *_ecart_chart_touchpoint_table (EcartGapTable       *table,
                                           GError                **error);

/* Labels of rows that may be thinner than a line of text: the font shrinks to fit, down to
 * 8 pixels; below that, one row in @every is named. */
typedef struct
{
  PangoFontDescription *font;
  double                line_height;
  int                   max_lines;
  guint                 every;
} EcartChartRowLabels;

void      _ecart_chart_row_labels_init    (EcartChartRowLabels    *labels,
                                           EcartChartScene        *scene,
                                           EcartChartFont          font,
                                           double                  row_height);
void      _ecart_chart_row_labels_clear   (EcartChartRowLabels    *labels);
/* Places the label of row @index unless it is one of the rows left unnamed. */
void      _ecart_chart_row_label          (EcartChartScene        *scene,
                                           const EcartChartRowLabels *labels,
                                           guint                   index,
                                           const char             *text,
                                           double                  x,
                                           double                  y,
                                           EcartChartAnchor        anchor,
                                           double                  width,
                                           const EcartChartColor  *color);

/* ---------------------------------------------------------------------------------- */
/* Data                                                                               */

/* One attribute of a segment: the four dimensions and the chosen gap. */
typedef struct
{
  EcartAttribute *attribute;
  char           *name;
  char           *group;        /* its pillar */
  int             importance;
  double          value[ECART_N_DIMENSIONS];   /* NAN: none */
  double          ci_low[ECART_N_DIMENSIONS];
  double          ci_high[ECART_N_DIMENSIONS];
  gint64          n[ECART_N_DIMENSIONS];
  gboolean        insufficient[ECART_N_DIMENSIONS];
  EcartGap        gap;
  EcartQuadrant   quadrant;
} EcartChartAttribute;

void      _ecart_chart_attribute_fill     (EcartChartAttribute    *item,
                                           EcartGapRow            *row,
                                           EcartGapKind            gap,
                                           EcartWorkspace         *workspace);
GArray   *_ecart_chart_attributes_new     (void);

/* Profile and radar. */
typedef struct
{
  EcartChartFrame frame;
  EcartSegment   *segment;
  GArray         *attributes;  /* EcartChartAttribute */
} EcartChartProfileData;

typedef EcartChartProfileData EcartChartRadarData;

/* Gap bars. */
typedef struct
{
  EcartChartFrame frame;
  EcartSegment   *segment;
  EcartGapKind    gap;
  char           *gap_label;
  GArray         *attributes;  /* EcartChartAttribute, sorted as drawn */
  guint           n_not_computable;
} EcartChartGapBarsData;

/* Journey. */
typedef struct
{
  EcartStage *stage;
  char       *name;
} EcartChartStage;

typedef struct
{
  EcartTouchpoint *touchpoint;
  char            *name;
  guint            stage;           /* index in stages */
  EcartSummary     summary[2];      /* 0: expected, 1: lived; pooled over the attributes */
  gboolean         insufficient[2];
  guint            n_attributes;
} EcartChartTouchpoint;

typedef struct
{
  EcartChartFrame frame;
  EcartSegment   *segment;
  GArray         *stages;       /* EcartChartStage, those with a touchpoint shown */
  GArray         *touchpoints;  /* EcartChartTouchpoint, in the journey's order */
} EcartChartJourneyData;

/* Importance–performance matrix: one panel per segment. */
typedef struct
{
  EcartSegment *segment;
  char         *name;
  GArray       *attributes;     /* EcartChartAttribute with a lived mean */
  double        cross_importance;
  double        cross_lived;
} EcartChartMatrixPanel;

typedef struct
{
  EcartChartFrame frame;
  GPtrArray      *panels;       /* EcartChartMatrixPanel */
} EcartChartMatrixData;

/* Recommendation. */
typedef struct
{
  EcartSegment   *segment;      /* NULL: every segment */
  EcartWave      *wave;         /* NULL: every wave */
  char           *name;
  EcartNps        nps;
  EcartNpsChange  change;
  gboolean        has_change;
} EcartChartNpsGroup;

typedef struct
{
  EcartSegment *segment;
  char         *name;
  char         *color;          /* the segment's "#RRGGBB", nullable */
  GArray       *points;         /* EcartChartNpsGroup, one per wave */
} EcartChartNpsSeries;

typedef struct
{
  EcartChartFrame frame;
  EcartSegment   *segment;      /* NULL: every segment */
  char           *bars_title;
  char           *trend_title;
  GArray         *bars;         /* EcartChartNpsGroup: left panel, stacked shares */
  GPtrArray      *series;       /* EcartChartNpsSeries: right panel, NPS per wave */
  GPtrArray      *wave_names;
} EcartChartNpsData;

/* Heatmap. */
typedef struct
{
  gboolean present;             /* measured at this touchpoint */
  EcartGap gap;
  gint64   n_expected;
  gint64   n_lived;
} EcartChartCell;

typedef struct
{
  EcartChartFrame frame;
  EcartSegment   *segment;
  EcartGapKind    gap;
  char           *gap_label;
  GArray         *stages;       /* EcartChartStage */
  GArray         *touchpoints;  /* EcartChartTouchpoint (columns; summaries unused) */
  GArray         *attributes;   /* EcartChartAttribute (rows) */
  GArray         *cells;        /* EcartChartCell, rows × columns */
  double          limit;        /* the colour scale reaches its ends at ±limit */
} EcartChartHeatmapData;

/* Trends: one small panel per attribute. */
typedef struct
{
  EcartAttribute  *attribute;
  char            *name;
  double           desired;
  GArray          *points;      /* EcartTrendPoint, one per wave (lived) */
} EcartChartTrendSeries;

typedef struct
{
  EcartChartFrame frame;
  EcartSegment   *segment;
  GPtrArray      *waves;        /* EcartWave */
  GPtrArray      *wave_names;
  GPtrArray      *series;       /* EcartChartTrendSeries */
} EcartChartTrendsData;

/* ---------------------------------------------------------------------------------- */
/* The kinds                                                                          */

typedef struct
{
  gpointer   (*data_new)         (EcartGapTable   *table,
                                  EcartSegment    *segment,
                                  EcartGapKind     gap);
  void       (*data_free)        (gpointer         data);
  void       (*layout)           (EcartChartScene *scene,
                                  gconstpointer    data);
  /* The height of the plot area under which the chart stops being legible. */
  double     (*min_plot_height)  (EcartChartScene *scene,
                                  gconstpointer    data,
                                  double           plot_width);
  GPtrArray *(*rows)             (gconstpointer    data);
} EcartChartClassInfo;

const EcartChartClassInfo *_ecart_chart_get_class_info (EcartChartKind kind);

#define ECART_CHART_DECLARE_KIND(Kind, kind)                                                 \
  gpointer   _ecart_chart_##kind##_data_new        (EcartGapTable *table,                    \
                                                    EcartSegment  *segment,                  \
                                                    EcartGapKind   gap);                     \
  void       _ecart_chart_##kind##_data_free       (gpointer data);                          \
  void       _ecart_chart_##kind##_layout          (EcartChartScene *scene,                  \
                                                    gconstpointer data);                     \
  double     _ecart_chart_##kind##_min_plot_height (EcartChartScene *scene,                  \
                                                    gconstpointer data,                      \
                                                    double plot_width);                      \
  GPtrArray *_ecart_chart_##kind##_rows            (gconstpointer data);                     \
  void       ecart_chart_##kind##_draw             (cairo_t *cr,                             \
                                                    double width,                            \
                                                    double height,                           \
                                                    const EcartChart##Kind##Data *data,      \
                                                    const EcartChartStyle *style);

ECART_CHART_DECLARE_KIND (Profile, profile)
ECART_CHART_DECLARE_KIND (GapBars, gap_bars)
ECART_CHART_DECLARE_KIND (Radar, radar)
ECART_CHART_DECLARE_KIND (Journey, journey)
ECART_CHART_DECLARE_KIND (Matrix, matrix)
ECART_CHART_DECLARE_KIND (Nps, nps)
ECART_CHART_DECLARE_KIND (Heatmap, heatmap)
ECART_CHART_DECLARE_KIND (Trends, trends)

/* Draws @data with @layout: what every ecart_chart_<kind>_draw() does. */
void       _ecart_chart_draw_with    (cairo_t               *cr,
                                      double                 width,
                                      double                 height,
                                      gconstpointer          data,
                                      const EcartChartStyle *style,
                                      void                 (*layout) (EcartChartScene *, gconstpointer));

/* A row of the text alternative, built from strings (taking them). */
GPtrArray *_ecart_chart_rows_new     (void);
void       _ecart_chart_rows_add     (GPtrArray             *rows,
                                      char                  *first,
                                      ...) G_GNUC_NULL_TERMINATED;

/* For the tests: the scene of the last ecart_chart_draw(). */
EcartChartScene *_ecart_chart_get_scene (EcartChart *self);
gconstpointer    _ecart_chart_get_data  (EcartChart *self);

G_END_DECLS

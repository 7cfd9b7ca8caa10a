/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ecart-chart-private.h"

/* Kinds not drawn yet: they say so. Each is replaced by its own file. */

typedef struct
{
  EcartChartFrame frame;
} StubData;

#define STUB(Kind, kind)                                                                     \
  gpointer _ecart_chart_##kind##_data_new (EcartGapTable *table, EcartSegment *segment,     \
                                           EcartGapKind gap)                                \
  {                                                                                          \
    StubData *data = g_new0 (StubData, 1);                                                   \
    data->frame.title = g_strdup (#kind);                                                    \
    data->frame.subtitle = _ecart_chart_describe_table (table, _ecart_chart_pick_segment (table, segment)); \
    data->frame.empty_message = g_strdup ("This chart is not drawn yet.");                   \
    return data;                                                                             \
  }                                                                                          \
  void _ecart_chart_##kind##_data_free (gpointer data)                                       \
  {                                                                                          \
    _ecart_chart_frame_clear (data);                                                         \
    g_free (data);                                                                           \
  }                                                                                          \
  void _ecart_chart_##kind##_layout (EcartChartScene *scene, gconstpointer data) { }         \
  double _ecart_chart_##kind##_min_plot_height (EcartChartScene *scene, gconstpointer data,  \
                                                double plot_width) { return 0.0; }           \
  GPtrArray *_ecart_chart_##kind##_rows (gconstpointer data)                                 \
  {                                                                                          \
    return _ecart_chart_rows_new ();                                                         \
  }                                                                                          \
  void ecart_chart_##kind##_draw (cairo_t *cr, double width, double height,                  \
                                  const EcartChart##Kind##Data *data,                        \
                                  const EcartChartStyle *style)                              \
  {                                                                                          \
    _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_##kind##_layout);   \
  }

STUB (GapBars, gap_bars)
STUB (Radar, radar)
STUB (Journey, journey)
STUB (Matrix, matrix)
STUB (Nps, nps)
STUB (Heatmap, heatmap)
STUB (Trends, trends)

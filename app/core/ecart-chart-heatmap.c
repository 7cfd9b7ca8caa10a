/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Heatmap: attributes (rows) × touchpoints (columns, grouped under their stages), each cell
 * coloured by a gap (the perception gap, lived − expected, by default) on a diverging
 * colour-blind-safe scale: brown below 0, teal above. Cells with too little data are hatched
 * grey with their n; a blank cell was not measured at that touchpoint. */

static const struct {
  const char *title;
  const char *below;
  const char *above;
} gap_texts[ECART_N_GAPS] = {
  [ECART_GAP_IMPLEMENTATION] = { N_("Implementation gap by touchpoint and attribute: proposed − desired"),
                                 N_("Proposed below desired"), N_("Proposed above desired") },
  [ECART_GAP_EXPECTATION] = { N_("Expectation gap by touchpoint and attribute: expected − desired"),
                              N_("Expected below desired"), N_("Expected above desired") },
  [ECART_GAP_PERCEPTION] = { N_("Perception gap by touchpoint and attribute: lived − expected"),
                             N_("Lived below expected"), N_("Lived above expected") },
  [ECART_GAP_DELIVERY] = { N_("Delivery gap by touchpoint and attribute: lived − desired"),
                           N_("Lived below desired"), N_("Lived above desired") },
  [ECART_GAP_EXECUTION] = { N_("Execution gap by touchpoint and attribute: lived − proposed"),
                            N_("Lived below proposed"), N_("Lived above proposed") },
};

static EcartChartCell *
cell_at (const EcartChartHeatmapData *data,
         guint                        row,
         guint                        column)
{
  return &g_array_index (data->cells, EcartChartCell, row * data->touchpoints->len + column);
}

gpointer
_ecart_chart_heatmap_data_new (EcartGapTable *table,
                               EcartSegment  *segment,
                               EcartGapKind   gap)
{
  EcartChartHeatmapData *data = g_new0 (EcartChartHeatmapData, 1);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  GListModel *touchpoints = ecart_workspace_get_touchpoints (workspace);
  GListModel *attributes = ecart_gap_table_get_attributes (table);
  g_autoptr(EcartGapTable) by_touchpoint = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean any_insufficient = FALSE;
  gboolean any_value = FALSE;
  double limit = 0.0;

  data->stages = g_array_new (FALSE, TRUE, sizeof (EcartChartStage));
  data->touchpoints = g_array_new (FALSE, TRUE, sizeof (EcartChartTouchpoint));
  data->attributes = _ecart_chart_attributes_new ();
  data->cells = g_array_new (FALSE, TRUE, sizeof (EcartChartCell));
  data->segment = _ecart_chart_pick_segment (table, segment);
  data->gap = gap;
  data->gap_label = g_strdup (ecart_gap_kind_get_label (gap));
  data->frame.title = g_strdup (_(gap_texts[gap].title));
  data->frame.subtitle = _ecart_chart_describe_table (table, data->segment);
  data->limit = 1.0;

  if (!_ecart_chart_check_table (table, data->segment, TRUE, &data->frame))
    return data;
  by_touchpoint = _ecart_chart_touchpoint_table (table, &error);
  if (by_touchpoint == NULL)
    {
      data->frame.empty_message = g_strdup (error->message);
      return data;
    }

  /* The touchpoints and attributes that have at least one row. */
  for (guint t = 0; t < g_list_model_get_n_items (touchpoints); t++)
    {
      g_autoptr(EcartTouchpoint) touchpoint = g_list_model_get_item (touchpoints, t);

      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);

          if (ecart_gap_table_lookup_touchpoint (by_touchpoint, data->segment, attribute, touchpoint) != NULL)
            {
              g_ptr_array_add (columns, touchpoint);
              break;
            }
        }
    }
  for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);

      for (guint c = 0; c < columns->len; c++)
        if (ecart_gap_table_lookup_touchpoint (by_touchpoint, data->segment, attribute,
                                               g_ptr_array_index (columns, c)) != NULL)
          {
            g_ptr_array_add (rows, attribute);
            break;
          }
    }

  for (guint c = 0; c < columns->len; c++)
    {
      EcartTouchpoint *touchpoint = g_ptr_array_index (columns, c);
      gint64 stage_id = ecart_touchpoint_get_stage_id (touchpoint);
      EcartChartStage *last = data->stages->len > 0
                              ? &g_array_index (data->stages, EcartChartStage, data->stages->len - 1) : NULL;
      EcartChartTouchpoint column = { 0 };

      if (last == NULL || ecart_item_get_id (ECART_ITEM (last->stage)) != stage_id)
        {
          EcartStage *stage = ecart_workspace_find_stage (workspace, stage_id);

          if (stage != NULL)
            {
              EcartChartStage entry = { stage, g_strdup (ecart_item_get_name (ECART_ITEM (stage))) };
              g_array_append_val (data->stages, entry);
            }
        }
      column.touchpoint = touchpoint;
      column.name = g_strdup (ecart_item_get_name (ECART_ITEM (touchpoint)));
      column.stage = MAX (data->stages->len, 1) - 1;
      g_array_append_val (data->touchpoints, column);
    }

  g_array_set_size (data->cells, rows->len * columns->len);
  for (guint r = 0; r < rows->len; r++)
    {
      EcartAttribute *attribute = g_ptr_array_index (rows, r);
      EcartChartAttribute item = { 0 };
      EcartGapRow *attribute_row = ecart_gap_table_lookup (table, data->segment, attribute);

      if (attribute_row != NULL)
        _ecart_chart_attribute_fill (&item, attribute_row, gap, workspace);
      else
        {
          item.attribute = attribute;
          item.name = g_strdup (ecart_item_get_name (ECART_ITEM (attribute)));
          item.group = g_strdup ("");
        }
      g_array_append_val (data->attributes, item);

      for (guint c = 0; c < columns->len; c++)
        {
          EcartGapRow *row = ecart_gap_table_lookup_touchpoint (by_touchpoint, data->segment, attribute,
                                                                g_ptr_array_index (columns, c));
          EcartChartCell *cell = cell_at (data, r, c);

          if (row == NULL)
            continue;
          cell->present = TRUE;
          cell->gap = *ecart_gap_row_get_gap (row, gap);
          cell->n_expected = ecart_gap_row_get_summary (row, ECART_DIMENSION_EXPECTED)->n;
          cell->n_lived = ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n;
          if (isfinite (cell->gap.value))
            {
              any_value = TRUE;
              any_insufficient |= cell->gap.insufficient;
              if (!cell->gap.insufficient)
                limit = MAX (limit, fabs (cell->gap.value));
            }
        }
    }

  if (!any_value)
    {
      data->frame.empty_message = g_strdup_printf (_("No %s at a touchpoint for %s yet: import a survey "
                                                     "wave whose questions name their touchpoints."),
                                                   data->gap_label, _ecart_chart_segment_name (data->segment));
      return data;
    }

  /* The scale's ends, on a half point: the same colour means the same gap across charts of a
   * similar range. */
  data->limit = MAX (ceil (limit * 2.0 - 1e-9) / 2.0, 0.5);

  {
    g_autoptr(GString) note = g_string_new (_("Gaps in points on 0–10, per touchpoint: the colour "
                                              "scale stops at its ends. An empty cell (·) was not "
                                              "measured there."));

    if (gap != ECART_GAP_IMPLEMENTATION)
      {
        g_autofree char *significance = _ecart_chart_significance_note (table, FALSE);

        g_string_append_printf (note, " %s", significance);
        if (ecart_gap_options_get_holm (ecart_gap_table_get_options (table)))
          {
            g_string_append_c (note, ' ');
            g_string_append (note, _("Holm’s correction across the segment’s cells."));
          }
      }
    if (any_insufficient)
      {
        g_autofree char *insufficient = _ecart_chart_insufficient_note (table);
        g_string_append_printf (note, " %s", insufficient);
      }
    data->frame.note = g_string_free (g_steal_pointer (&note), FALSE);
  }
  return data;
}

void
_ecart_chart_heatmap_data_free (gpointer pointer)
{
  EcartChartHeatmapData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  for (guint i = 0; i < data->stages->len; i++)
    g_free (g_array_index (data->stages, EcartChartStage, i).name);
  for (guint i = 0; i < data->touchpoints->len; i++)
    g_free (g_array_index (data->touchpoints, EcartChartTouchpoint, i).name);
  g_array_unref (data->stages);
  g_array_unref (data->touchpoints);
  g_array_unref (data->attributes);
  g_array_unref (data->cells);
  g_free (data->gap_label);
  g_free (data);
}

static double
header_height (EcartChartScene *scene)
{
  return 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_HEADING)
         + 3 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK) + ecart_chart_scene_px (scene, 18.0);
}

static double
key_height (EcartChartScene *scene)
{
  return ecart_chart_scene_px (scene, 14.0 + 16.0 + 6.0)
         + 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
}

double
_ecart_chart_heatmap_min_plot_height (EcartChartScene *scene,
                                      gconstpointer    pointer,
                                      double           plot_width)
{
  const EcartChartHeatmapData *data = pointer;
  double row = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_VALUE) + ecart_chart_scene_px (scene, 8.0);

  return header_height (scene) + data->attributes->len * row + key_height (scene);
}

static void
layout_key (EcartChartScene             *scene,
            const EcartChartHeatmapData *data,
            double                       right,
            double                       top,
            double                       width)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double s = ecart_chart_scene_px (scene, 1.0);
  const guint steps = 40;
  double step = width / steps;
  double left = right - width;
  double bar_height = 14.0 * s;
  EcartChartAxis axis;

  for (guint i = 0; i < steps; i++)
    {
      double value = -data->limit + (i + 0.5) * 2.0 * data->limit / steps;
      EcartChartColor color;
      EcartChartRect part = { left + i * step, top, step + 0.5, bar_height };

      ecart_chart_diverging_color (style, value, data->limit, &color);
      ecart_chart_scene_rect (scene, &part, &color, NULL, 0);
    }
  /* Ticks at the ends, 0, and halfway when that is a round number. */
  ecart_chart_axis_fixed (&axis, -data->limit, data->limit, data->limit / 2.0);
  for (guint t = 0; t < axis.n_ticks; t++)
    {
      double value = ecart_chart_axis_get_tick (&axis, t);
      double x = ecart_chart_axis_to_pixel (&axis, value, left, right);
      g_autofree char *text = _ecart_chart_format_signed (value);

      if (fabs (fmod (value * 2.0, 1.0)) > 1e-9)
        continue;

      ecart_chart_scene_line (scene, x, top + bar_height, x, top + bar_height + 4.0 * s, &style->axis, 1.0 * s,
                              ECART_CHART_DASH_SOLID);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, x, top + bar_height + 5.0 * s,
                              ECART_CHART_ANCHOR_TOP, -1, 1, &style->secondary, NULL);
    }
  ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, _(gap_texts[data->gap].below), left,
                          top + bar_height + 6.0 * s + ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK),
                          ECART_CHART_ANCHOR_TOP_LEFT, width / 2.0 - 4.0 * s, 1, &style->secondary, NULL);
  ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, _(gap_texts[data->gap].above), right,
                          top + bar_height + 6.0 * s + ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK),
                          ECART_CHART_ANCHOR_TOP_RIGHT, width / 2.0 - 4.0 * s, 1, &style->secondary, NULL);
  ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, data->gap_label, left - 12.0 * s, top + bar_height / 2.0,
                          ECART_CHART_ANCHOR_RIGHT, width, 1, &style->secondary, NULL);
}

void
_ecart_chart_heatmap_layout (EcartChartScene *scene,
                             gconstpointer    pointer)
{
  const EcartChartHeatmapData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  double s = ecart_chart_scene_px (scene, 1.0);
  guint n_rows = data->attributes->len;
  guint n_columns = data->touchpoints->len;
  double value_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_VALUE);
  gboolean any_insufficient = FALSE;
  gboolean any_significant = FALSE;
  gboolean any_missing = FALSE;
  EcartChartRect plot;
  EcartChartRect area;
  EcartChartGrid grid;
  double label_width = 0.0;
  EcartChartRowLabels labels;
  double header;
  double stage_y;

  for (guint i = 0; i < data->cells->len; i++)
    {
      const EcartChartCell *cell = &g_array_index (data->cells, EcartChartCell, i);

      any_insufficient |= cell->present && cell->gap.insufficient;
      any_significant |= cell->present && cell->gap.significant;
      any_missing |= !cell->present;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(PangoLayout) label = ecart_chart_scene_label (scene, ECART_CHART_FONT_LABEL,
                                                              g_array_index (data->attributes, EcartChartAttribute, r).name,
                                                              -1, 1, PANGO_ALIGN_RIGHT);
      double w;

      ecart_chart_label_get_size (label, &w, NULL);
      label_width = MAX (label_width, w);
    }

  if (any_significant)
    _ecart_chart_legend_add_symbol (legend, "*", _("Significant"));
  if (any_insufficient)
    _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_HATCH, 0, NULL, _("Insufficient data, with its n"));
  if (any_missing)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_EMPTY, 0, NULL, _("Not measured there"));
    }
  _ecart_chart_frame_layout (scene, &data->frame, legend, &plot);

  label_width = CLAMP (ceil (label_width) + 1.0, 80.0 * s, MAX (80.0 * s, plot.width * 0.28));
  header = header_height (scene);
  area = (EcartChartRect) { plot.x + label_width + 12.0 * s, plot.y + header,
                            MAX (plot.width - label_width - 12.0 * s, 1.0),
                            MAX (plot.height - header - key_height (scene), 1.0) };
  /* Cells no taller than wide enough to read, nor absurdly tall for few attributes. */
  area.height = MIN (area.height, n_rows * MAX (3.2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL), 46.0 * s));
  ecart_chart_grid_init (&grid, &area, n_rows, n_columns, 2.0 * s);
  stage_y = plot.y;
  _ecart_chart_row_labels_init (&labels, scene, ECART_CHART_FONT_LABEL, area.height / MAX (n_rows, 1));

  /* Stages over their touchpoints, then the touchpoints' names. */
  for (guint st = 0; st < data->stages->len; st++)
    {
      const EcartChartStage *stage = &g_array_index (data->stages, EcartChartStage, st);
      int first = -1;
      int last = -1;
      EcartChartRect a;
      EcartChartRect b;
      EcartChartRect bounds;
      EcartChartHit hit;

      for (guint c = 0; c < n_columns; c++)
        if (g_array_index (data->touchpoints, EcartChartTouchpoint, c).stage == st)
          {
            if (first < 0)
              first = c;
            last = c;
          }
      if (first < 0)
        continue;
      ecart_chart_grid_get_cell (&grid, 0, first, &a);
      ecart_chart_grid_get_cell (&grid, 0, last, &b);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, stage->name, (a.x + b.x + b.width) / 2.0, stage_y,
                              ECART_CHART_ANCHOR_TOP, b.x + b.width - a.x, 2, &style->foreground, &bounds);
      ecart_chart_scene_line (scene, a.x, stage_y + 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_HEADING) + 3.0 * s,
                              b.x + b.width, stage_y + 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_HEADING) + 3.0 * s,
                              &style->axis, 1.0 * s, ECART_CHART_DASH_SOLID);
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.stage = stage->stage;
      hit.x = a.x, hit.y = stage_y, hit.width = b.x + b.width - a.x, hit.height = bounds.height;
      ecart_chart_scene_add_hit (scene, &hit);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      const EcartChartTouchpoint *column = &g_array_index (data->touchpoints, EcartChartTouchpoint, c);
      EcartChartRect cell;
      EcartChartRect bounds;
      EcartChartHit hit;

      ecart_chart_grid_get_cell (&grid, 0, c, &cell);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, column->name, cell.x + cell.width / 2.0,
                              area.y - 6.0 * s, ECART_CHART_ANCHOR_BOTTOM, cell.width, 3, &style->foreground,
                              &bounds);
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.touchpoint = column->touchpoint;
      hit.stage = g_array_index (data->stages, EcartChartStage, column->stage).stage;
      hit.x = cell.x, hit.y = bounds.y, hit.width = cell.width, hit.height = bounds.height;
      ecart_chart_scene_add_hit (scene, &hit);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, r);
      EcartChartRect first;
      EcartChartHit hit;

      ecart_chart_grid_get_cell (&grid, r, 0, &first);
      _ecart_chart_row_label (scene, &labels, r, item->name, area.x - 12.0 * s, first.y + first.height / 2.0,
                              ECART_CHART_ANCHOR_RIGHT, label_width, &style->foreground);
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.attribute = item->attribute;
      hit.importance = item->importance;
      hit.x = plot.x, hit.y = first.y, hit.width = label_width, hit.height = first.height;
      ecart_chart_scene_add_hit (scene, &hit);

      for (guint c = 0; c < n_columns; c++)
        {
          const EcartChartCell *cell = cell_at (data, r, c);
          const EcartChartTouchpoint *column = &g_array_index (data->touchpoints, EcartChartTouchpoint, c);
          EcartChartRect rect;
          EcartChartColor fill;
          EcartChartColor ink;
          g_autofree char *text = NULL;

          ecart_chart_grid_get_cell (&grid, r, c, &rect);
          if (!cell->present || !isfinite (cell->gap.value))
            {
              /* Not the colour of a gap near 0: an outline with a dot. */
              EcartChartRect inset = { rect.x + 0.5 * s, rect.y + 0.5 * s, rect.width - 1.0 * s, rect.height - 1.0 * s };

              ecart_chart_scene_rect (scene, &inset, NULL, &style->grid, 1.0 * s);
              ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, rect.x + rect.width / 2.0,
                                        rect.y + rect.height / 2.0, 1.5 * s, &style->axis, NULL, 0);
              continue;
            }

          if (cell->gap.insufficient)
            {
              g_autofree char *n = _ecart_chart_format_n (cell->gap.n);

              fill = style->insufficient;
              fill.alpha = 0.16;
              ecart_chart_scene_rect (scene, &rect, &fill, NULL, 0);
              ecart_chart_scene_hatch (scene, &rect, &style->insufficient, 5.0 * s, 1.0 * s);
              ink = style->secondary;
              text = g_steal_pointer (&n);
            }
          else
            {
              g_autofree char *value = _ecart_chart_format_signed (cell->gap.value);

              ecart_chart_diverging_color (style, cell->gap.value, data->limit, &fill);
              ecart_chart_scene_rect (scene, &rect, &fill, NULL, 0);
              ecart_chart_text_color_on (style, &fill, &ink);
              text = g_strconcat (value, cell->gap.significant ? "*" : "", NULL);
            }
          if (rect.height >= value_height && rect.width >= 28.0 * s)
            {
              g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_VALUE, text,
                                                                       rect.width - 4.0 * s, 1, PANGO_ALIGN_CENTER);
              if (cell->gap.insufficient)
                {
                  EcartChartColor halo = style->background;
                  EcartChartRect back;

                  ecart_chart_label_get_size (layout, &back.width, &back.height);
                  back.width = MIN (back.width, rect.width - 4.0 * s) + 6.0 * s;
                  back.x = rect.x + (rect.width - back.width) / 2.0;
                  back.y = rect.y + (rect.height - back.height) / 2.0;
                  halo.alpha = 0.85;
                  ecart_chart_scene_rect (scene, &back, &halo, NULL, 0);
                }
              ecart_chart_scene_place (scene, layout, rect.x + rect.width / 2.0, rect.y + rect.height / 2.0,
                                       ECART_CHART_ANCHOR_CENTRE, &ink, NULL);
            }

          ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_CELL, ECART_CHART_MEASURE_GAP);
          hit.segment = data->segment;
          hit.attribute = item->attribute;
          hit.touchpoint = column->touchpoint;
          hit.stage = g_array_index (data->stages, EcartChartStage, column->stage).stage;
          hit.gap = data->gap;
          hit.value = cell->gap.value;
          hit.ci_low = cell->gap.ci_low;
          hit.ci_high = cell->gap.ci_high;
          hit.n = cell->gap.n;
          hit.significant = cell->gap.significant;
          hit.insufficient = cell->gap.insufficient;
          hit.importance = item->importance;
          hit.x = rect.x, hit.y = rect.y, hit.width = rect.width, hit.height = rect.height;
          ecart_chart_scene_add_hit (scene, &hit);
        }
    }

  _ecart_chart_row_labels_clear (&labels);
  layout_key (scene, data, area.x + area.width, area.y + area.height + 16.0 * s,
              MIN (area.width * 0.45, 420.0 * s));
}

void
ecart_chart_heatmap_draw (cairo_t                     *cr,
                          double                       width,
                          double                       height,
                          const EcartChartHeatmapData *data,
                          const EcartChartStyle       *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_heatmap_layout);
}

GPtrArray *
_ecart_chart_heatmap_rows (gconstpointer pointer)
{
  const EcartChartHeatmapData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Attribute")), g_strdup (_("Stage")), g_strdup (_("Touchpoint")),
                         g_strdup (data->gap_label), g_strdup (C_("column", "Interval")),
                         g_strdup (C_("column", "Expected n")), g_strdup (C_("column", "Lived n")),
                         g_strdup (C_("column", "Significant")), g_strdup (C_("column", "Note")), NULL);
  for (guint r = 0; r < data->attributes->len; r++)
    for (guint c = 0; c < data->touchpoints->len; c++)
      {
        const EcartChartCell *cell = cell_at (data, r, c);
        const EcartChartTouchpoint *column = &g_array_index (data->touchpoints, EcartChartTouchpoint, c);

        if (!cell->present)
          continue;
        _ecart_chart_rows_add (rows, g_strdup (g_array_index (data->attributes, EcartChartAttribute, r).name),
                               g_strdup (g_array_index (data->stages, EcartChartStage, column->stage).name),
                               g_strdup (column->name), _ecart_chart_format_signed (cell->gap.value),
                               _ecart_chart_format_interval (cell->gap.ci_low, cell->gap.ci_high, TRUE),
                               _ecart_chart_format_count (cell->n_expected), _ecart_chart_format_count (cell->n_lived),
                               g_strdup (!isfinite (cell->gap.p_adjusted) ? "–" : cell->gap.significant ? _("yes") : _("no")),
                               g_strdup (cell->gap.insufficient ? _("Insufficient data") : ""), NULL);
      }
  return rows;
}

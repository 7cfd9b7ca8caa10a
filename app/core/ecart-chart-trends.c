/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Trends: the lived experience wave by wave, one small panel per attribute on a shared
 * scale (small multiples, so that each line stays readable and keeps the colour of Lived),
 * with the intervals, the desired target as a dotted line, and the significant changes from
 * the previous wave ringed and written. */

static void
series_free (gpointer pointer)
{
  EcartChartTrendSeries *series = pointer;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

gpointer
_ecart_chart_trends_data_new (EcartGapTable *table,
                              EcartSegment  *segment,
                              EcartGapKind   gap)
{
  EcartChartTrendsData *data = g_new0 (EcartChartTrendsData, 1);
  GListModel *attributes = ecart_gap_table_get_attributes (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  gboolean any_insufficient = FALSE;

  data->waves = g_ptr_array_new ();
  data->wave_names = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->segment = _ecart_chart_pick_segment (table, segment);
  data->frame.title = g_strdup (_("Lived experience, wave by wave"));
  data->frame.subtitle = _ecart_chart_describe_table (table, data->segment);

  if (!_ecart_chart_check_table (table, data->segment, TRUE, &data->frame))
    return data;

  for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);

      g_ptr_array_add (data->waves, wave);
      g_ptr_array_add (data->wave_names, g_strdup (ecart_item_get_name (ECART_ITEM (wave))));
    }

  for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);
      EcartGapRow *row = ecart_gap_table_lookup (table, data->segment, attribute);
      const EcartTrendPoint *points;
      EcartChartTrendSeries *series;
      guint n_points;
      gboolean measured = FALSE;

      points = ecart_gap_table_get_trend (table, data->segment, attribute, ECART_DIMENSION_LIVED, &n_points);
      for (guint w = 0; w < n_points; w++)
        measured |= points[w].summary.n > 0;
      if (!measured)
        continue;

      series = g_new0 (EcartChartTrendSeries, 1);
      series->attribute = attribute;
      series->name = g_strdup (ecart_item_get_name (ECART_ITEM (attribute)));
      series->desired = row != NULL ? ecart_gap_row_get_desired (row) : NAN;
      series->points = g_array_sized_new (FALSE, TRUE, sizeof (EcartTrendPoint), n_points);
      g_array_append_vals (series->points, points, n_points);
      for (guint w = 0; w < n_points; w++)
        any_insufficient |= points[w].insufficient && points[w].summary.n > 0;
      g_ptr_array_add (data->series, series);
    }

  if (data->series->len == 0)
    {
      data->frame.empty_message = g_strdup_printf (_("No lived measurements for %s yet: import a survey "
                                                     "wave."),
                                                   _ecart_chart_segment_name (data->segment));
      return data;
    }

  {
    g_autofree char *percent = g_strdup_printf ("%g", round (ecart_gap_table_get_confidence (table) * 1000.0) / 10.0);
    g_autofree char *interval = _ecart_chart_interval_note (table);
    g_autofree char *insufficient = any_insufficient ? _ecart_chart_insufficient_note (table) : g_strdup ("");
    g_autofree char *changes = g_strdup_printf (_("* change from the previous wave significant at the %s %% "
                                                  "level (Welch test, not corrected across attributes)."),
                                                percent);

    g_autoptr(GString) note = g_string_new (_("Lived mean on 0–10 per wave, every panel on the same scale."));

    if (data->waves->len < 2)
      g_string_append_printf (note, " %s", _("Trends need two waves or more."));
    g_string_append_printf (note, " %s %s", interval, changes);
    if (*insufficient != '\0')
      g_string_append_printf (note, " %s", insufficient);
    data->frame.note = g_string_free (g_steal_pointer (&note), FALSE);
  }
  return data;
}

void
_ecart_chart_trends_data_free (gpointer pointer)
{
  EcartChartTrendsData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  g_ptr_array_unref (data->waves);
  g_ptr_array_unref (data->wave_names);
  g_ptr_array_unref (data->series);
  g_free (data);
}

#define PANEL_ASPECT 1.7

double
_ecart_chart_trends_min_plot_height (EcartChartScene *scene,
                                     gconstpointer    pointer,
                                     double           plot_width)
{
  const EcartChartTrendsData *data = pointer;
  guint n_rows;
  guint n_columns;

  /* Panels at least 170 pixels wide and 130 high. */
  n_columns = MAX ((guint)floor (plot_width / ecart_chart_scene_px (scene, 170.0)), 1);
  n_columns = MIN (n_columns, MAX (data->series->len, 1));
  ecart_chart_grid_shape (data->series->len, plot_width, plot_width / PANEL_ASPECT, PANEL_ASPECT, &n_rows, &n_columns);
  n_columns = MAX (n_columns, (guint)ceil ((double)data->series->len / MAX (n_rows, 1)));
  n_rows = (data->series->len + n_columns - 1) / n_columns;
  return n_rows * ecart_chart_scene_px (scene, 130.0)
         + 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK) + ecart_chart_scene_px (scene, 10.0);
}

void
_ecart_chart_trends_layout (EcartChartScene *scene,
                            gconstpointer    pointer)
{
  const EcartChartTrendsData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  double s = ecart_chart_scene_px (scene, 1.0);
  const EcartChartColor *lived_color = &style->dimensions[ECART_DIMENSION_LIVED];
  const EcartChartColor *desired_color = &style->dimensions[ECART_DIMENSION_DESIRED];
  EcartChartColor whisker_color = *lived_color;
  guint n_waves = data->waves->len;
  guint n = data->series->len;
  gboolean any_insufficient = FALSE;
  gboolean any_significant = FALSE;
  gboolean any_desired = FALSE;
  double tick_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
  double heading_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_HEADING);
  EcartChartRect plot;
  EcartChartRect panels;
  EcartChartGrid grid;
  EcartChartAxis axis;
  double low = 10.0;
  double high = 0.0;
  double axis_width;
  double x_labels;
  guint n_rows;
  guint n_columns;

  for (guint i = 0; i < n; i++)
    {
      const EcartChartTrendSeries *series = g_ptr_array_index (data->series, i);

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartTrendPoint *point = &g_array_index (series->points, EcartTrendPoint, w);

          if (point->summary.n == 0)
            continue;
          low = MIN (low, isfinite (point->summary.ci_low) ? point->summary.ci_low : point->summary.mean);
          high = MAX (high, isfinite (point->summary.ci_high) ? point->summary.ci_high : point->summary.mean);
          any_insufficient |= point->insufficient;
          any_significant |= point->significant;
        }
      if (isfinite (series->desired))
        {
          low = MIN (low, series->desired);
          high = MAX (high, series->desired);
          any_desired = TRUE;
        }
    }

  whisker_color.alpha = 0.75;
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, lived_color,
                           ecart_dimension_get_label (ECART_DIMENSION_LIVED));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_WHISKER, 0, &whisker_color, _("Confidence interval"));
  if (any_desired)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_LINE, 0, desired_color, _("Desired target"));
      _ecart_chart_legend_last (legend)->dash = ECART_CHART_DASH_DOTTED;
    }
  if (any_significant)
    _ecart_chart_legend_add_symbol (legend, "◯*", _("Significant change from the previous wave"));
  if (any_insufficient)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, lived_color,
                               _("Insufficient data, with its n"));
      _ecart_chart_legend_last (legend)->hollow = TRUE;
    }
  _ecart_chart_frame_layout (scene, &data->frame, legend, &plot);

  low = CLAMP (floor (low - 0.25), 0.0, 9.0);
  high = CLAMP (ceil (high + 0.25), low + 1.0, 10.0);

  /* Shared axes: values on the left of the first column, waves under the last row. */
  ecart_chart_axis_nice (&axis, low, high, 4);
  axis_width = _ecart_chart_axis_label_width (scene, &axis, FALSE, "") + 8.0 * s;
  x_labels = 2 * tick_height + 8.0 * s;
  panels = (EcartChartRect) { plot.x + axis_width, plot.y, MAX (plot.width - axis_width, 1.0),
                              MAX (plot.height - x_labels, 1.0) };
  ecart_chart_grid_shape (n, panels.width, panels.height, PANEL_ASPECT, &n_rows, &n_columns);
  ecart_chart_grid_init (&grid, &panels, n_rows, n_columns, 22.0 * s);
  /* As many ticks as the panels' height allows, one line of text apart at least. */
  {
    EcartChartRect cell;

    ecart_chart_grid_get_cell (&grid, 0, 0, &cell);
    ecart_chart_axis_nice (&axis, low, high,
                           MIN (4, ecart_chart_max_ticks (cell.height - heading_height - 6.0 * s, tick_height * 1.6)));
  }

  for (guint i = 0; i < n; i++)
    {
      const EcartChartTrendSeries *series = g_ptr_array_index (data->series, i);
      guint row = i / n_columns;
      guint column = i % n_columns;
      gboolean bottom_row = row == n_rows - 1 || i + n_columns >= n;
      EcartChartRect cell;
      EcartChartRect area;
      EcartChartBands bands;
      g_autofree double *xy = g_new (double, 2 * MAX (n_waves, 1));
      guint count = 0;
      EcartChartRect title_bounds;
      EcartChartHit hit;

      ecart_chart_grid_get_cell (&grid, row, column, &cell);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, series->name, cell.x, cell.y,
                              ECART_CHART_ANCHOR_TOP_LEFT, cell.width, 1, &style->foreground, &title_bounds);
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.attribute = series->attribute;
      hit.x = cell.x, hit.y = cell.y, hit.width = cell.width, hit.height = title_bounds.height;
      ecart_chart_scene_add_hit (scene, &hit);

      area = (EcartChartRect) { cell.x, cell.y + heading_height + 6.0 * s, cell.width,
                                MAX (cell.height - heading_height - 6.0 * s, 1.0) };
      {
        EcartChartRect frame = area;
        ecart_chart_scene_rect (scene, &frame, &style->band, NULL, 0);
      }
      for (guint t = 0; t < axis.n_ticks; t++)
        {
          double value = ecart_chart_axis_get_tick (&axis, t);
          double y = ecart_chart_axis_to_pixel (&axis, value, area.y + area.height, area.y);

          ecart_chart_scene_line (scene, area.x, y, area.x + area.width, y, &style->grid, 1.0 * s,
                                  ECART_CHART_DASH_SOLID);
          if (column == 0)
            {
              g_autofree char *text = ecart_chart_format_tick (&axis, value, FALSE);
              ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, area.x - 6.0 * s, y,
                                      ECART_CHART_ANCHOR_RIGHT, -1, 1, &style->secondary, NULL);
            }
        }

      ecart_chart_bands_init (&bands, MAX (n_waves, 1), area.x, area.x + area.width, 1.0);
      if (bottom_row)
        for (guint w = 0; w < n_waves; w++)
          ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, g_ptr_array_index (data->wave_names, w),
                                  ecart_chart_bands_get_centre (&bands, w), area.y + area.height + 4.0 * s,
                                  ECART_CHART_ANCHOR_TOP, bands.step - 2.0 * s, 2, &style->secondary, NULL);

      if (isfinite (series->desired))
        {
          double y = ecart_chart_axis_to_pixel (&axis, series->desired, area.y + area.height, area.y);
          ecart_chart_scene_line (scene, area.x, y, area.x + area.width, y, desired_color, 2.0 * s,
                                  ECART_CHART_DASH_DOTTED);
        }

      /* The line, broken where a wave has no measurement. */
      for (guint w = 0; w <= series->points->len; w++)
        {
          const EcartTrendPoint *point = w < series->points->len
                                         ? &g_array_index (series->points, EcartTrendPoint, w) : NULL;

          if (point != NULL && point->summary.n > 0)
            {
              xy[2 * count] = ecart_chart_bands_get_centre (&bands, w);
              xy[2 * count + 1] = ecart_chart_axis_to_pixel (&axis, point->summary.mean, area.y + area.height, area.y);
              count++;
              continue;
            }
          if (count > 1)
            ecart_chart_scene_path (scene, xy, count, FALSE, NULL, lived_color, 2.5 * s, ECART_CHART_DASH_SOLID);
          count = 0;
        }

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartTrendPoint *point = &g_array_index (series->points, EcartTrendPoint, w);
          double x = ecart_chart_bands_get_centre (&bands, w);
          double y;
          double r = 4.5 * s;

          if (point->summary.n == 0)
            continue;
          y = ecart_chart_axis_to_pixel (&axis, point->summary.mean, area.y + area.height, area.y);
          if (isfinite (point->summary.ci_low))
            _ecart_chart_whisker (scene, FALSE, x,
                                  ecart_chart_axis_to_pixel (&axis, point->summary.ci_low, area.y + area.height, area.y),
                                  ecart_chart_axis_to_pixel (&axis, point->summary.ci_high, area.y + area.height, area.y),
                                  3.0 * s, point->insufficient ? &style->insufficient : &whisker_color, 1.2 * s);
          _ecart_chart_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r, lived_color, point->insufficient);
          if (w > 0 && point->significant)
            {
              g_autofree char *change = _ecart_chart_format_signed (point->change.estimate);
              g_autofree char *text = g_strconcat (change, "*", NULL);
              double value_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_VALUE);
              gboolean up = point->change.estimate > 0;

              /* Above a rise, under a fall, but always inside the panel. */
              if (up && y - r - 2.0 * s - value_height < area.y)
                up = FALSE;
              else if (!up && y + r + 2.0 * s + value_height > area.y + area.height)
                up = TRUE;
              ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r + 3.5 * s, NULL, lived_color, 1.5 * s);
              /* A panel too small to write it in keeps the ring; the data table has it. */
              if (area.height >= 2.0 * (r + 2.0 * s + value_height))
                ecart_chart_scene_text (scene, ECART_CHART_FONT_VALUE, text, x - r - 4.0 * s,
                                        up ? y - r - 2.0 * s : y + r + 2.0 * s,
                                        up ? ECART_CHART_ANCHOR_BOTTOM_RIGHT : ECART_CHART_ANCHOR_TOP_RIGHT,
                                        bands.step, 1, lived_color, NULL);
            }
          else if (point->insufficient)
            {
              g_autofree char *count_text = _ecart_chart_format_n (point->summary.n);
              ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, count_text, x + r + 3.0 * s, y,
                                      ECART_CHART_ANCHOR_LEFT, bands.step / 2.0, 1, &style->insufficient, NULL);
            }

          ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_MARKER, ECART_CHART_MEASURE_DIMENSION);
          hit.segment = data->segment;
          hit.attribute = series->attribute;
          hit.wave = point->wave;
          hit.dimension = ECART_DIMENSION_LIVED;
          hit.value = point->summary.mean;
          hit.ci_low = point->summary.ci_low;
          hit.ci_high = point->summary.ci_high;
          hit.n = point->summary.n;
          hit.insufficient = point->insufficient;
          hit.change = w > 0 ? point->change.estimate : NAN;
          hit.change_significant = point->significant;
          hit.x = x - r - 2.0 * s, hit.y = y - r - 2.0 * s, hit.width = hit.height = 2 * r + 4.0 * s;
          ecart_chart_scene_add_hit (scene, &hit);
        }
    }
}

void
ecart_chart_trends_draw (cairo_t                    *cr,
                         double                      width,
                         double                      height,
                         const EcartChartTrendsData *data,
                         const EcartChartStyle      *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_trends_layout);
}

GPtrArray *
_ecart_chart_trends_rows (gconstpointer pointer)
{
  const EcartChartTrendsData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Attribute")), g_strdup (_("Wave")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_LIVED)),
                         g_strdup (C_("column", "Interval")), g_strdup (C_("column", "n")),
                         g_strdup (C_("column", "Change")), g_strdup (C_("column", "Significant change")),
                         g_strdup (C_("column", "Note")), NULL);
  for (guint i = 0; i < data->series->len; i++)
    {
      const EcartChartTrendSeries *series = g_ptr_array_index (data->series, i);

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartTrendPoint *point = &g_array_index (series->points, EcartTrendPoint, w);
          gboolean has_change = w > 0 && isfinite (point->change.estimate);

          _ecart_chart_rows_add (rows, g_strdup (series->name), g_strdup (g_ptr_array_index (data->wave_names, w)),
                                 _ecart_chart_format_value (point->summary.mean),
                                 _ecart_chart_format_interval (point->summary.ci_low, point->summary.ci_high, FALSE),
                                 _ecart_chart_format_count (point->summary.n),
                                 has_change ? _ecart_chart_format_signed (point->change.estimate) : g_strdup ("–"),
                                 g_strdup (!has_change ? "–" : point->significant ? _("yes") : _("no")),
                                 g_strdup (point->insufficient && point->summary.n > 0 ? _("Insufficient data") : ""),
                                 NULL);
        }
    }
  return rows;
}

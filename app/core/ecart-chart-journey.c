/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Journey curve: the lived experience touchpoint by touchpoint, in the journey's order, with
 * the expected experience as a dashed line in its confidence band, and the stages as bands
 * under the touchpoints. A touchpoint's value pools every measurement taken there, whatever
 * the attribute (n counts measurements, as for the gap engine's rows). */

/* Adds a summary's sums: Σx = n·x̄ and Σx² = (n − 1)·s² + n·x̄². */
static void
add_sums (const EcartSummary *summary,
          gint64             *n,
          double             *sum,
          double             *sum_sq)
{
  if (summary->n == 0)
    return;
  *n += summary->n;
  *sum += summary->n * summary->mean;
  *sum_sq += summary->n * summary->mean * summary->mean
             + (summary->n > 1 && isfinite (summary->sd) ? (summary->n - 1) * summary->sd * summary->sd : 0.0);
}

gpointer
_ecart_chart_journey_data_new (EcartGapTable *table,
                               EcartSegment  *segment,
                               EcartGapKind   gap)
{
  EcartChartJourneyData *data = g_new0 (EcartChartJourneyData, 1);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  GListModel *touchpoints = ecart_workspace_get_touchpoints (workspace);
  GListModel *attributes = ecart_gap_table_get_attributes (table);
  g_autoptr(EcartGapTable) by_touchpoint = NULL;
  g_autoptr(GError) error = NULL;
  double confidence = ecart_gap_table_get_confidence (table);
  guint min_n = ecart_gap_table_get_min_n (table);
  gboolean any_insufficient = FALSE;

  data->stages = g_array_new (FALSE, TRUE, sizeof (EcartChartStage));
  data->touchpoints = g_array_new (FALSE, TRUE, sizeof (EcartChartTouchpoint));
  data->segment = _ecart_chart_pick_segment (table, segment);
  data->frame.title = g_strdup (_("Lived and expected experience along the journey"));
  data->frame.subtitle = _ecart_chart_describe_table (table, data->segment);

  if (!_ecart_chart_check_table (table, data->segment, TRUE, &data->frame))
    return data;

  by_touchpoint = _ecart_chart_touchpoint_table (table, &error);
  if (by_touchpoint == NULL)
    {
      data->frame.empty_message = g_strdup (error->message);
      return data;
    }

  for (guint t = 0; t < g_list_model_get_n_items (touchpoints); t++)
    {
      g_autoptr(EcartTouchpoint) touchpoint = g_list_model_get_item (touchpoints, t);
      EcartChartTouchpoint point = { 0 };
      gint64 n[2] = { 0, 0 };
      double sum[2] = { 0, 0 };
      double sum_sq[2] = { 0, 0 };

      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);
          EcartGapRow *row = ecart_gap_table_lookup_touchpoint (by_touchpoint, data->segment, attribute,
                                                                touchpoint);

          if (row == NULL)
            continue;
          add_sums (ecart_gap_row_get_summary (row, ECART_DIMENSION_EXPECTED), &n[0], &sum[0], &sum_sq[0]);
          add_sums (ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED), &n[1], &sum[1], &sum_sq[1]);
          if (ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n > 0)
            point.n_attributes++;
        }
      if (n[0] == 0 && n[1] == 0)
        continue;

      point.touchpoint = touchpoint;
      point.name = g_strdup (ecart_item_get_name (ECART_ITEM (touchpoint)));
      for (guint d = 0; d < 2; d++)
        {
          ecart_stats_summary (n[d], sum[d], sum_sq[d], confidence, &point.summary[d]);
          point.insufficient[d] = n[d] < min_n;
          any_insufficient |= point.insufficient[d] && n[d] > 0;
        }

      /* The stage, once, in the journey's order. */
      {
        gint64 stage_id = ecart_touchpoint_get_stage_id (touchpoint);
        EcartChartStage *last = data->stages->len > 0
                                ? &g_array_index (data->stages, EcartChartStage, data->stages->len - 1)
                                : NULL;

        if (last == NULL || ecart_item_get_id (ECART_ITEM (last->stage)) != stage_id)
          {
            EcartStage *stage = ecart_workspace_find_stage (workspace, stage_id);
            EcartChartStage entry = { stage, g_strdup (stage != NULL ? ecart_item_get_name (ECART_ITEM (stage)) : "") };

            if (stage != NULL)
              g_array_append_val (data->stages, entry);
            else
              g_free (entry.name);
          }
        point.stage = MAX (data->stages->len, 1) - 1;
      }
      g_array_append_val (data->touchpoints, point);
    }

  if (data->touchpoints->len == 0)
    {
      data->frame.empty_message = g_strdup_printf (_("No measurement was taken at a touchpoint for %s "
                                                     "yet: import a survey wave whose questions name "
                                                     "their touchpoints."),
                                                   _ecart_chart_segment_name (data->segment));
      return data;
    }

  {
    g_autofree char *interval = _ecart_chart_interval_note (table);
    g_autofree char *insufficient = any_insufficient ? _ecart_chart_insufficient_note (table) : g_strdup ("");

    data->frame.note = g_strdup_printf ("%s %s %s",
                                        _("Scores on 0–10 at each touchpoint, all its attributes together "
                                          "(n counts measurements)."),
                                        interval, insufficient);
    g_strchomp (data->frame.note);
  }
  return data;
}

static void
stage_clear (EcartChartStage *stage)
{
  g_free (stage->name);
}

void
_ecart_chart_journey_data_free (gpointer pointer)
{
  EcartChartJourneyData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  for (guint i = 0; i < data->stages->len; i++)
    stage_clear (&g_array_index (data->stages, EcartChartStage, i));
  for (guint i = 0; i < data->touchpoints->len; i++)
    g_free (g_array_index (data->touchpoints, EcartChartTouchpoint, i).name);
  g_array_unref (data->stages);
  g_array_unref (data->touchpoints);
  g_free (data);
}

double
_ecart_chart_journey_min_plot_height (EcartChartScene *scene,
                                      gconstpointer    pointer,
                                      double           plot_width)
{
  return ecart_chart_scene_px (scene, 380.0);
}

static double
bottom_height (EcartChartScene *scene)
{
  return 3 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL)
         + 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_HEADING)
         + ecart_chart_scene_px (scene, 26.0);
}

/* Runs of the touchpoints where dimension @d has a value, as x, y points. */
static void
value_runs (EcartChartScene             *scene,
            const EcartChartJourneyData *data,
            guint                        d,
            const EcartChartAxis        *axis,
            const EcartChartBands       *bands,
            const EcartChartRect        *area,
            gboolean                     band,
            const EcartChartColor       *color,
            double                       line_width,
            EcartChartDash               dash)
{
  guint n = data->touchpoints->len;
  g_autofree double *xy = g_new (double, 2 * n + 2);
  guint count = 0;
  double bottom = area->y + area->height;

  for (guint i = 0; i <= n; i++)
    {
      const EcartChartTouchpoint *point = i < n ? &g_array_index (data->touchpoints, EcartChartTouchpoint, i) : NULL;
      gboolean has = point != NULL && point->summary[d].n > 0
                     && (!band || isfinite (point->summary[d].ci_low));

      if (has)
        {
          double x = ecart_chart_bands_get_centre (bands, i);

          /* A band is built when its run ends, from both edges. */
          if (!band)
            {
              xy[2 * count] = x;
              xy[2 * count + 1] = ecart_chart_axis_to_pixel (axis, point->summary[d].mean, bottom, area->y);
            }
          count++;
          continue;
        }

      if (count >= 1)
        {
          if (band)
            {
              /* Close the band with the lower edge, backwards. */
              guint first = i - count;
              g_autofree double *poly = g_new (double, 4 * count);

              for (guint k = 0; k < count; k++)
                {
                  const EcartChartTouchpoint *p = &g_array_index (data->touchpoints, EcartChartTouchpoint, first + k);
                  const EcartChartTouchpoint *q = &g_array_index (data->touchpoints, EcartChartTouchpoint, first + count - 1 - k);

                  poly[2 * k] = ecart_chart_bands_get_centre (bands, first + k);
                  poly[2 * k + 1] = ecart_chart_axis_to_pixel (axis, p->summary[d].ci_high, bottom, area->y);
                  poly[2 * (count + k)] = ecart_chart_bands_get_centre (bands, first + count - 1 - k);
                  poly[2 * (count + k) + 1] = ecart_chart_axis_to_pixel (axis, q->summary[d].ci_low, bottom, area->y);
                }
              if (count == 1)
                {
                  /* A lone touchpoint: a short band around it. */
                  double half = MIN (bands->step * 0.18, ecart_chart_scene_px (scene, 14.0));
                  double lone[8] = { poly[0] - half, poly[1], poly[0] + half, poly[1],
                                     poly[2] + half, poly[3], poly[2] - half, poly[3] };
                  ecart_chart_scene_path (scene, lone, 4, TRUE, color, NULL, 0, ECART_CHART_DASH_SOLID);
                }
              else
                ecart_chart_scene_path (scene, poly, 2 * count, TRUE, color, NULL, 0, ECART_CHART_DASH_SOLID);
            }
          else if (count > 1)
            ecart_chart_scene_path (scene, xy, count, FALSE, NULL, color, line_width, dash);
        }
      count = 0;
    }
}

void
_ecart_chart_journey_layout (EcartChartScene *scene,
                             gconstpointer    pointer)
{
  const EcartChartJourneyData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  double s = ecart_chart_scene_px (scene, 1.0);
  guint n = data->touchpoints->len;
  const EcartChartColor *lived_color = &style->dimensions[ECART_DIMENSION_LIVED];
  const EcartChartColor *expected_color = &style->dimensions[ECART_DIMENSION_EXPECTED];
  EcartChartColor band_color = *expected_color;
  EcartChartColor whisker_color = *lived_color;
  gboolean any_insufficient = FALSE;
  EcartChartRect plot;
  EcartChartRect area;
  EcartChartAxis axis;
  EcartChartBands bands;
  double low = 10.0;
  double high = 0.0;
  double axis_width;
  double label_y;
  double stage_y;
  double line_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL);

  for (guint i = 0; i < n; i++)
    {
      const EcartChartTouchpoint *point = &g_array_index (data->touchpoints, EcartChartTouchpoint, i);

      for (guint d = 0; d < 2; d++)
        {
          const EcartSummary *summary = &point->summary[d];

          if (summary->n == 0)
            continue;
          low = MIN (low, isfinite (summary->ci_low) ? summary->ci_low : summary->mean);
          high = MAX (high, isfinite (summary->ci_high) ? summary->ci_high : summary->mean);
          any_insufficient |= point->insufficient[d];
        }
    }

  band_color.alpha = 0.2;
  whisker_color.alpha = 0.85;
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, lived_color,
                           ecart_dimension_get_label (ECART_DIMENSION_LIVED));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_LINE, 0, expected_color,
                           ecart_dimension_get_label (ECART_DIMENSION_EXPECTED));
  _ecart_chart_legend_last (legend)->dash = ECART_CHART_DASH_DASHED;
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_BAND, 0, &band_color, _("Expected: confidence interval"));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_WHISKER, 0, &whisker_color, _("Lived: confidence interval"));
  if (any_insufficient)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, lived_color,
                               _("Insufficient data, with its n"));
      _ecart_chart_legend_last (legend)->hollow = TRUE;
    }
  _ecart_chart_frame_layout (scene, &data->frame, legend, &plot);

  low = CLAMP (floor (low - 0.25), 0.0, 9.0);
  high = CLAMP (ceil (high + 0.25), low + 1.0, 10.0);
  ecart_chart_axis_nice (&axis, low, high, ecart_chart_max_ticks (plot.height - bottom_height (scene), 50.0 * s));
  if (axis.step < 0.5)
    ecart_chart_axis_fixed (&axis, axis.min, axis.max, 0.5);
  axis_width = _ecart_chart_axis_label_width (scene, &axis, FALSE, "") + 10.0 * s;
  area = (EcartChartRect) { plot.x + axis_width, plot.y, MAX (plot.width - axis_width, 1.0),
                            MAX (plot.height - bottom_height (scene), 1.0) };
  ecart_chart_bands_init (&bands, n, area.x, area.x + area.width, 1.0);
  label_y = area.y + area.height + 8.0 * s;
  stage_y = label_y + 3 * line_height + 10.0 * s;

  /* Stages: alternate bands behind the plot, their names under the touchpoints. */
  for (guint st = 0; st < data->stages->len; st++)
    {
      const EcartChartStage *stage = &g_array_index (data->stages, EcartChartStage, st);
      int first = -1;
      int last = -1;
      EcartChartRect band;
      EcartChartRect bounds;
      EcartChartHit hit;

      for (guint i = 0; i < n; i++)
        if (g_array_index (data->touchpoints, EcartChartTouchpoint, i).stage == st)
          {
            if (first < 0)
              first = i;
            last = i;
          }
      if (first < 0)
        continue;
      band = (EcartChartRect) { bands.start + first * bands.step, area.y, (last - first + 1) * bands.step,
                                stage_y + 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_HEADING) - area.y };
      if (st % 2 == 0)
        ecart_chart_scene_rect (scene, &band, &style->band, NULL, 0);
      ecart_chart_scene_line (scene, band.x + 6.0 * s, stage_y - 4.0 * s, band.x + band.width - 6.0 * s,
                              stage_y - 4.0 * s, &style->axis, 1.0 * s, ECART_CHART_DASH_SOLID);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, stage->name, band.x + band.width / 2.0,
                              stage_y, ECART_CHART_ANCHOR_TOP, band.width - 8.0 * s, 2,
                              &style->foreground, &bounds);
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.stage = stage->stage;
      hit.x = band.x, hit.y = stage_y, hit.width = band.width, hit.height = bounds.height;
      ecart_chart_scene_add_hit (scene, &hit);
    }

  _ecart_chart_axis_left (scene, &axis, &area, FALSE, "");

  /* Expected: band, then dashed line; lived: line, whiskers, markers, values. */
  value_runs (scene, data, 0, &axis, &bands, &area, TRUE, &band_color, 0, ECART_CHART_DASH_SOLID);
  value_runs (scene, data, 0, &axis, &bands, &area, FALSE, expected_color, 2.0 * s, ECART_CHART_DASH_DASHED);
  value_runs (scene, data, 1, &axis, &bands, &area, FALSE, lived_color, 3.0 * s, ECART_CHART_DASH_SOLID);

  for (guint i = 0; i < n; i++)
    {
      const EcartChartTouchpoint *point = &g_array_index (data->touchpoints, EcartChartTouchpoint, i);
      const EcartChartStage *stage = &g_array_index (data->stages, EcartChartStage, point->stage);
      double x = ecart_chart_bands_get_centre (&bands, i);
      double bottom = area.y + area.height;
      EcartChartRect bounds;
      EcartChartHit hit;

      ecart_chart_scene_text (scene, ECART_CHART_FONT_LABEL, point->name, x, label_y, ECART_CHART_ANCHOR_TOP,
                              bands.step - 6.0 * s, 3, &style->foreground, &bounds);
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.touchpoint = point->touchpoint;
      hit.stage = stage->stage;
      hit.x = bands.start + i * bands.step, hit.y = label_y, hit.width = bands.step;
      hit.height = bounds.height;
      ecart_chart_scene_add_hit (scene, &hit);

      for (guint d = 0; d < 2; d++)
        {
          const EcartSummary *summary = &point->summary[d];
          EcartDimension dimension = d == 0 ? ECART_DIMENSION_EXPECTED : ECART_DIMENSION_LIVED;
          double y;
          double r = (d == 0 ? 3.5 : 6.0) * s;

          if (summary->n == 0)
            continue;
          y = ecart_chart_axis_to_pixel (&axis, summary->mean, bottom, area.y);
          if (d == 1 && isfinite (summary->ci_low))
            _ecart_chart_whisker (scene, FALSE, x, ecart_chart_axis_to_pixel (&axis, summary->ci_low, bottom, area.y),
                                  ecart_chart_axis_to_pixel (&axis, summary->ci_high, bottom, area.y), 4.0 * s,
                                  point->insufficient[d] ? &style->insufficient : &whisker_color, 1.5 * s);
          _ecart_chart_marker (scene, _ecart_chart_dimension_shape (dimension), x, y, r,
                               &style->dimensions[dimension], point->insufficient[d]);

          ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_MARKER, ECART_CHART_MEASURE_DIMENSION);
          hit.segment = data->segment;
          hit.touchpoint = point->touchpoint;
          hit.stage = stage->stage;
          hit.dimension = dimension;
          hit.value = summary->mean;
          hit.ci_low = summary->ci_low;
          hit.ci_high = summary->ci_high;
          hit.n = summary->n;
          hit.insufficient = point->insufficient[d];
          hit.x = x - r - 2.0 * s, hit.y = y - r - 2.0 * s, hit.width = hit.height = 2 * r + 4.0 * s;
          ecart_chart_scene_add_hit (scene, &hit);

          if (d == 1)
            {
              g_autofree char *value = _ecart_chart_format_value (summary->mean);
              g_autofree char *text = NULL;
              double above = isfinite (summary->ci_high)
                             ? MIN (y - r, ecart_chart_axis_to_pixel (&axis, summary->ci_high, bottom, area.y))
                             : y - r;
              EcartChartColor halo = style->background;

              if (point->insufficient[d])
                {
                  g_autofree char *count = _ecart_chart_format_n (summary->n);
                  text = g_strdup_printf ("%s (%s)", value, count);
                }
              else
                text = g_strdup (value);
              halo.alpha = 0.75;
              {
                g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_VALUE, text,
                                                                         bands.step - 4.0 * s, 1,
                                                                         PANGO_ALIGN_CENTER);
                EcartChartRect box;
                double w;
                double h;

                ecart_chart_label_get_size (layout, &w, &h);
                box = (EcartChartRect) { x - w / 2.0 - 2.0 * s, above - 4.0 * s - h, w + 4.0 * s, h };
                ecart_chart_scene_rect (scene, &box, &halo, NULL, 0);
                ecart_chart_scene_place (scene, layout, x, above - 4.0 * s, ECART_CHART_ANCHOR_BOTTOM,
                                         point->insufficient[d] ? &style->insufficient : lived_color, NULL);
              }
            }
        }
    }
}

void
ecart_chart_journey_draw (cairo_t                     *cr,
                          double                       width,
                          double                       height,
                          const EcartChartJourneyData *data,
                          const EcartChartStyle       *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_journey_layout);
}

GPtrArray *
_ecart_chart_journey_rows (gconstpointer pointer)
{
  const EcartChartJourneyData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Stage")), g_strdup (_("Touchpoint")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_EXPECTED)),
                         g_strdup (C_("column", "Expected interval")), g_strdup (C_("column", "Expected n")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_LIVED)),
                         g_strdup (C_("column", "Lived interval")), g_strdup (C_("column", "Lived n")),
                         g_strdup (C_("column", "Attributes")), g_strdup (C_("column", "Note")), NULL);
  for (guint i = 0; i < data->touchpoints->len; i++)
    {
      const EcartChartTouchpoint *point = &g_array_index (data->touchpoints, EcartChartTouchpoint, i);
      const EcartChartStage *stage = &g_array_index (data->stages, EcartChartStage, point->stage);
      gboolean expected = point->insufficient[0] && point->summary[0].n > 0;
      gboolean lived = point->insufficient[1] && point->summary[1].n > 0;
      const char *note = expected && lived ? _("Insufficient data: expected and lived")
                         : expected        ? _("Insufficient data: expected")
                         : lived           ? _("Insufficient data: lived")
                                           : "";

      _ecart_chart_rows_add (rows, g_strdup (stage->name), g_strdup (point->name),
                             _ecart_chart_format_value (point->summary[0].mean),
                             _ecart_chart_format_interval (point->summary[0].ci_low, point->summary[0].ci_high, FALSE),
                             _ecart_chart_format_count (point->summary[0].n),
                             _ecart_chart_format_value (point->summary[1].mean),
                             _ecart_chart_format_interval (point->summary[1].ci_low, point->summary[1].ci_high, FALSE),
                             _ecart_chart_format_count (point->summary[1].n),
                             g_strdup_printf ("%u", point->n_attributes), g_strdup (note), NULL);
    }
  return rows;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Radar: one spoke per attribute, 0 at the centre and 10 on the rim, and the polygons of
 * the desired, proposed and lived experience. A value that is missing breaks its polygon
 * rather than drawing it at 0. */

#define MIN_SPOKES 3

static const EcartDimension shown[] = {
  ECART_DIMENSION_DESIRED, ECART_DIMENSION_PROPOSED, ECART_DIMENSION_LIVED,
};

gpointer
_ecart_chart_radar_data_new (EcartGapTable *table,
                             EcartSegment  *segment,
                             EcartGapKind   gap)
{
  EcartChartRadarData *data = g_new0 (EcartChartRadarData, 1);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  gboolean any_insufficient = FALSE;
  GListModel *rows;

  data->attributes = _ecart_chart_attributes_new ();
  data->segment = _ecart_chart_pick_segment (table, segment);
  data->frame.title = g_strdup (_("Desired, proposed and lived experience"));
  data->frame.subtitle = _ecart_chart_describe_table (table, data->segment);

  if (!_ecart_chart_check_table (table, data->segment, TRUE, &data->frame))
    return data;

  rows = ecart_gap_table_get_segment_rows (table, data->segment);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      EcartChartAttribute item;
      gboolean any = FALSE;

      _ecart_chart_attribute_fill (&item, row, gap, workspace);
      for (guint d = 0; d < G_N_ELEMENTS (shown); d++)
        any |= isfinite (item.value[shown[d]]);
      if (!any)
        {
          g_free (item.name);
          g_free (item.group);
          continue;
        }
      any_insufficient |= item.insufficient[ECART_DIMENSION_LIVED] && item.n[ECART_DIMENSION_LIVED] > 0;
      g_array_append_val (data->attributes, item);
    }

  if (data->attributes->len < MIN_SPOKES)
    {
      data->frame.empty_message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "A radar needs at least three attributes with values; %s has %u. The profile shows it.",
                                                                "A radar needs at least three attributes with values; %s has %u. The profile shows them.",
                                                                data->attributes->len),
                                                   _ecart_chart_segment_name (data->segment),
                                                   data->attributes->len);
      return data;
    }

  data->frame.note = g_strdup (_("Scores on 0–10: 0 at the centre, 10 on the rim. A missing value "
                                 "breaks its polygon."));
  if (any_insufficient)
    {
      g_autofree char *insufficient = _ecart_chart_insufficient_note (table);
      char *note = g_strdup_printf ("%s %s", data->frame.note, insufficient);

      g_free (data->frame.note);
      data->frame.note = note;
    }
  return data;
}

void
_ecart_chart_radar_data_free (gpointer pointer)
{
  _ecart_chart_profile_data_free (pointer);
}

double
_ecart_chart_radar_min_plot_height (EcartChartScene *scene,
                                    gconstpointer    pointer,
                                    double           plot_width)
{
  return ecart_chart_scene_px (scene, 420.0);
}

/* Draws the polygon of @dimension: closed when every spoke has a value, else the runs of
 * consecutive values. */
static void
polygon (EcartChartScene           *scene,
         const EcartChartRadarData *data,
         EcartDimension             dimension,
         double                     cx,
         double                     cy,
         double                     radius,
         const EcartChartColor     *stroke,
         const EcartChartColor     *fill,
         double                     line_width,
         EcartChartDash             dash)
{
  guint n = data->attributes->len;
  g_autofree double *xy = g_new (double, 2 * (n + 1));
  guint missing = 0;
  guint start = 0;

  for (guint i = 0; i < n; i++)
    if (!isfinite (g_array_index (data->attributes, EcartChartAttribute, i).value[dimension]))
      {
        missing++;
        start = i + 1;
      }
  if (missing == n)
    return;

  if (missing == 0)
    {
      for (guint i = 0; i < n; i++)
        {
          const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
          ecart_chart_polar (i, n, CLAMP (item->value[dimension], 0, 10) / 10.0, cx, cy, radius,
                             &xy[2 * i], &xy[2 * i + 1]);
        }
      ecart_chart_scene_path (scene, xy, n, TRUE, fill, stroke, line_width, dash);
      return;
    }

  /* Runs, starting after a missing value so that none is cut at the array's end. */
  {
    guint count = 0;

    for (guint k = 0; k <= n; k++)
      {
        guint i = (start + k) % n;
        const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);

        if (k < n && isfinite (item->value[dimension]))
          {
            ecart_chart_polar (i, n, CLAMP (item->value[dimension], 0, 10) / 10.0, cx, cy, radius,
                               &xy[2 * count], &xy[2 * count + 1]);
            count++;
            continue;
          }
        if (count > 1)
          ecart_chart_scene_path (scene, xy, count, FALSE, NULL, stroke, line_width, dash);
        count = 0;
      }
  }
}

static gboolean
layout_web (EcartChartScene      *scene,
            gconstpointer         pointer,
            const EcartChartRect *plot_area)
{
  const EcartChartRadarData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double s = ecart_chart_scene_px (scene, 1.0);
  double line_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL);
  guint n = data->attributes->len;
  EcartChartRect plot = *plot_area;
  EcartChartAxis axis;
  double label_width;
  double radius;
  double cx;
  double cy;
  double gap = 12.0 * s;
  guint every = 1;
  gboolean left_out = FALSE;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (EcartChartRect));

  /* Labels left and right of the circle take up to a fifth of the width each. */
  label_width = CLAMP (plot.width * 0.2, 90.0 * s, 240.0 * s);
  radius = MIN (plot.height / 2.0 - 2.2 * line_height - gap, plot.width / 2.0 - label_width - gap);
  radius = MAX (radius, 20.0 * s);
  cx = plot.x + plot.width / 2.0;
  cy = plot.y + plot.height / 2.0;

  /* Too many spokes to name them all: name one in @every, evenly. */
  {
    double arc = 2.0 * G_PI * (radius + gap) / n;
    double needed = line_height * 1.15;

    if (arc < needed)
      every = (guint)ceil (needed / arc);
  }

  /* The web: rings at the ticks, spokes, and the ticks' values along the first spoke. */
  ecart_chart_axis_fixed (&axis, 0.0, 10.0, radius >= 150.0 * s ? 2.0 : 5.0);
  for (guint t = 1; t < axis.n_ticks; t++)
    {
      double value = ecart_chart_axis_get_tick (&axis, t);
      g_autofree double *ring = g_new (double, 2 * n);

      for (guint i = 0; i < n; i++)
        ecart_chart_polar (i, n, value / 10.0, cx, cy, radius, &ring[2 * i], &ring[2 * i + 1]);
      ecart_chart_scene_path (scene, ring, n, TRUE, NULL,
                              t == axis.n_ticks - 1 ? &style->axis : &style->grid, 1.0 * s,
                              ECART_CHART_DASH_SOLID);
    }
  for (guint i = 0; i < n; i++)
    {
      double x;
      double y;

      ecart_chart_polar (i, n, 1.0, cx, cy, radius, &x, &y);
      ecart_chart_scene_line (scene, cx, cy, x, y, &style->grid, 1.0 * s, ECART_CHART_DASH_SOLID);
    }

  {
    EcartChartColor desired_fill = style->dimensions[ECART_DIMENSION_DESIRED];
    EcartChartColor lived_fill = style->dimensions[ECART_DIMENSION_LIVED];

    desired_fill.alpha = 0.07;
    lived_fill.alpha = 0.13;
    polygon (scene, data, ECART_DIMENSION_DESIRED, cx, cy, radius, &style->dimensions[ECART_DIMENSION_DESIRED],
             &desired_fill, 2.5 * s, ECART_CHART_DASH_SOLID);
    polygon (scene, data, ECART_DIMENSION_PROPOSED, cx, cy, radius, &style->dimensions[ECART_DIMENSION_PROPOSED],
             NULL, 2.0 * s, ECART_CHART_DASH_DASHED);
    polygon (scene, data, ECART_DIMENSION_LIVED, cx, cy, radius, &style->dimensions[ECART_DIMENSION_LIVED],
             &lived_fill, 2.5 * s, ECART_CHART_DASH_SOLID);
  }

  for (guint t = 1; t < axis.n_ticks; t++)
    {
      double value = ecart_chart_axis_get_tick (&axis, t);
      g_autofree char *text = ecart_chart_format_tick (&axis, value, FALSE);
      EcartChartRect bounds;
      g_autoptr(PangoLayout) tick = ecart_chart_scene_label (scene, ECART_CHART_FONT_TICK, text, -1, 1,
                                                             PANGO_ALIGN_LEFT);
      double y = cy - radius * value / 10.0;

      /* Inside the ring, just under it, on a halo: the rim's value would touch the label of
       * the first spoke above it. */
      ecart_chart_label_get_size (tick, &bounds.width, &bounds.height);
      bounds = (EcartChartRect) { cx + 4.0 * s, y + 2.0 * s, bounds.width + 4.0 * s, bounds.height };
      {
        EcartChartColor halo = style->background;
        halo.alpha = 0.8;
        ecart_chart_scene_rect (scene, &bounds, &halo, NULL, 0);
      }
      ecart_chart_scene_place (scene, tick, cx + 6.0 * s, y + 2.0 * s, ECART_CHART_ANCHOR_TOP_LEFT,
                               &style->secondary, &bounds);
      g_array_append_val (placed, bounds);
    }

  for (guint i = 0; i < n; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      double angle = -G_PI / 2.0 + 2.0 * G_PI * i / n;
      double lx;
      double ly;
      double ca = cos (angle);
      double sa = sin (angle);
      EcartChartAnchor anchor;
      EcartChartRect bounds;
      EcartChartHit hit;

      for (guint d = 0; d < G_N_ELEMENTS (shown); d++)
        {
          EcartDimension dimension = shown[d];
          double value = item->value[dimension];
          double x;
          double y;
          double r = (dimension == ECART_DIMENSION_PROPOSED ? 3.5 : 4.5) * s;

          if (!isfinite (value))
            continue;
          ecart_chart_polar (i, n, CLAMP (value, 0, 10) / 10.0, cx, cy, radius, &x, &y);
          _ecart_chart_marker (scene, _ecart_chart_dimension_shape (dimension), x, y, r,
                               &style->dimensions[dimension], item->insufficient[dimension]);
          /* Too few measurements: greyed, with their n, inside the web. */
          if (item->insufficient[dimension] && item->n[dimension] > 0)
            {
              g_autofree char *count = _ecart_chart_format_n (item->n[dimension]);
              double ix;
              double iy;

              g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_TICK, count, -1, 1,
                                                                       PANGO_ALIGN_CENTER);
              gboolean free_space = TRUE;
              EcartChartRect box;

              ecart_chart_polar (i, n, MAX (CLAMP (value, 0, 10) / 10.0 - 0.09, 0.0), cx, cy, radius, &ix, &iy);
              ecart_chart_measure_place (layout, ix, iy, ECART_CHART_ANCHOR_CENTRE, NULL, NULL, &box);
              for (guint p = 0; p < placed->len && free_space; p++)
                free_space = !ecart_chart_rect_intersects (&box, &g_array_index (placed, EcartChartRect, p), 1.0);
              if (free_space)
                {
                  ecart_chart_scene_place (scene, layout, ix, iy, ECART_CHART_ANCHOR_CENTRE, &style->insufficient, &box);
                  g_array_append_val (placed, box);
                }
              else
                left_out = TRUE;
            }
          ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_MARKER, ECART_CHART_MEASURE_DIMENSION);
          hit.segment = data->segment;
          hit.attribute = item->attribute;
          hit.dimension = dimension;
          hit.value = value;
          hit.ci_low = item->ci_low[dimension];
          hit.ci_high = item->ci_high[dimension];
          hit.n = item->n[dimension];
          hit.insufficient = item->insufficient[dimension];
          hit.importance = item->importance;
          hit.x = x - r - 2.0 * s, hit.y = y - r - 2.0 * s, hit.width = hit.height = 2 * r + 4.0 * s;
          ecart_chart_scene_add_hit (scene, &hit);
        }

      if (i % every != 0)
        continue;
      lx = cx + ca * (radius + gap);
      ly = cy + sa * (radius + gap);
      if (fabs (ca) < 0.25)
        anchor = sa < 0 ? ECART_CHART_ANCHOR_BOTTOM : ECART_CHART_ANCHOR_TOP;
      else if (ca > 0)
        anchor = sa < -0.5 ? ECART_CHART_ANCHOR_BOTTOM_LEFT : sa > 0.5 ? ECART_CHART_ANCHOR_TOP_LEFT
                                                                       : ECART_CHART_ANCHOR_LEFT;
      else
        anchor = sa < -0.5 ? ECART_CHART_ANCHOR_BOTTOM_RIGHT : sa > 0.5 ? ECART_CHART_ANCHOR_TOP_RIGHT
                                                                        : ECART_CHART_ANCHOR_RIGHT;
      /* Named only where it touches no name already placed. */
      {
        PangoAlignment alignment = anchor == ECART_CHART_ANCHOR_TOP || anchor == ECART_CHART_ANCHOR_BOTTOM
                                   ? PANGO_ALIGN_CENTER
                                   : ca > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
        g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_LABEL, item->name,
                                                                 fabs (ca) < 0.25 ? label_width * 1.6 : label_width,
                                                                 every > 1 ? 1 : 2, alignment);
        gboolean free_space = TRUE;

        ecart_chart_measure_place (layout, lx, ly, anchor, NULL, NULL, &bounds);
        for (guint p = 0; p < placed->len && free_space; p++)
          free_space = !ecart_chart_rect_intersects (&bounds, &g_array_index (placed, EcartChartRect, p), 1.0);
        if (!free_space)
          {
            left_out = TRUE;
            continue;
          }
        g_array_append_val (placed, bounds);
        ecart_chart_scene_place (scene, layout, lx, ly, anchor, &style->foreground, &bounds);
      }
      ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
      hit.segment = data->segment;
      hit.attribute = item->attribute;
      hit.importance = item->importance;
      hit.x = bounds.x, hit.y = bounds.y, hit.width = bounds.width, hit.height = bounds.height;
      ecart_chart_scene_add_hit (scene, &hit);
    }

  return every > 1 || left_out;
}

void
_ecart_chart_radar_layout (EcartChartScene *scene,
                           gconstpointer    pointer)
{
  const EcartChartRadarData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  gboolean any_insufficient = FALSE;

  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      any_insufficient |= item->insufficient[ECART_DIMENSION_LIVED] && item->n[ECART_DIMENSION_LIVED] > 0;
    }

  for (guint d = 0; d < G_N_ELEMENTS (shown); d++)
    _ecart_chart_legend_add_dimension (legend, style, shown[d]);
  if (any_insufficient)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE,
                               &style->dimensions[ECART_DIMENSION_LIVED], _("Insufficient data"));
      _ecart_chart_legend_last (legend)->hollow = TRUE;
    }
  _ecart_chart_frame_layout_body (scene, &data->frame, legend, data, layout_web);
}

void
ecart_chart_radar_draw (cairo_t                   *cr,
                        double                     width,
                        double                     height,
                        const EcartChartRadarData *data,
                        const EcartChartStyle     *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_radar_layout);
}

GPtrArray *
_ecart_chart_radar_rows (gconstpointer pointer)
{
  const EcartChartRadarData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Attribute")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_DESIRED)),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_PROPOSED)),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_LIVED)),
                         g_strdup (C_("column", "Lived n")), g_strdup (C_("column", "Note")), NULL);
  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      gboolean insufficient = item->insufficient[ECART_DIMENSION_LIVED] && item->n[ECART_DIMENSION_LIVED] > 0;

      _ecart_chart_rows_add (rows, g_strdup (item->name),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_DESIRED]),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_PROPOSED]),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_LIVED]),
                             _ecart_chart_format_count (item->n[ECART_DIMENSION_LIVED]),
                             g_strdup (insufficient ? _("Insufficient data: lived") : ""), NULL);
    }
  return rows;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Importance–performance matrix (Martilla & James 1977), as the gap engine computes it:
 * x is an attribute's importance (1–5), y its lived mean; the crosshairs are at the means of
 * both over the measured attributes, and split the plane into four quadrants. One panel per
 * segment when the chart is of every segment. */

static void
panel_free (gpointer pointer)
{
  EcartChartMatrixPanel *panel = pointer;

  g_free (panel->name);
  g_array_unref (panel->attributes);
  g_free (panel);
}

gpointer
_ecart_chart_matrix_data_new (EcartGapTable *table,
                              EcartSegment  *segment,
                              EcartGapKind   gap)
{
  EcartChartMatrixData *data = g_new0 (EcartChartMatrixData, 1);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  GListModel *segments = ecart_gap_table_get_segments (table);
  gboolean any_point = FALSE;
  gboolean any_insufficient = FALSE;

  data->panels = g_ptr_array_new_with_free_func (panel_free);
  data->frame.title = g_strdup (_("Importance–performance matrix"));
  data->frame.subtitle = _ecart_chart_describe_table (table, segment);

  if (!_ecart_chart_check_table (table, segment, TRUE, &data->frame))
    return data;

  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) each = g_list_model_get_item (segments, s);
      EcartChartMatrixPanel *panel;
      GListModel *rows;

      if (segment != NULL && each != segment)
        continue;
      panel = g_new0 (EcartChartMatrixPanel, 1);
      panel->segment = each;
      panel->name = g_strdup (ecart_item_get_name (ECART_ITEM (each)));
      panel->attributes = _ecart_chart_attributes_new ();
      ecart_gap_table_get_crosshair (table, each, &panel->cross_importance, &panel->cross_lived);

      rows = ecart_gap_table_get_segment_rows (table, each);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
          EcartChartAttribute item;

          _ecart_chart_attribute_fill (&item, row, gap, workspace);
          if (item.n[ECART_DIMENSION_LIVED] == 0)
            {
              g_free (item.name);
              g_free (item.group);
              continue;
            }
          any_insufficient |= item.insufficient[ECART_DIMENSION_LIVED];
          g_array_append_val (panel->attributes, item);
        }
      any_point |= panel->attributes->len > 0;
      g_ptr_array_add (data->panels, panel);
    }

  if (!any_point)
    {
      if (segment != NULL)
        data->frame.empty_message = g_strdup_printf (_("No lived measurements for %s yet: import a "
                                                       "survey wave."),
                                                     ecart_item_get_name (ECART_ITEM (segment)));
      else
        data->frame.empty_message = g_strdup (_("No lived measurements yet: import a survey wave."));
      return data;
    }

  {
    g_autofree char *interval = _ecart_chart_interval_note (table);
    g_autofree char *insufficient = any_insufficient ? _ecart_chart_insufficient_note (table) : g_strdup ("");

    data->frame.note = g_strdup_printf ("%s %s %s",
                                        _("Importance as set in the workshop (1–5); lived mean on 0–10. "
                                          "Crosshairs at the means of both over the measured attributes "
                                          "(a point on a crosshair counts as high)."),
                                        interval, insufficient);
    g_strchomp (data->frame.note);
  }
  return data;
}

void
_ecart_chart_matrix_data_free (gpointer pointer)
{
  EcartChartMatrixData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  g_ptr_array_unref (data->panels);
  g_free (data);
}

/* Panels as wide as can be while at least @min_height high: points are named to their right,
 * and names need width more than the plot needs height. */
static void
panel_shape (guint   n,
             double  width,
             double  height,
             double  min_height,
             guint  *n_rows,
             guint  *n_columns)
{
  *n_rows = 1;
  *n_columns = MAX (n, 1);
  for (guint columns = 1; columns <= n; columns++)
    {
      guint rows = (n + columns - 1) / columns;

      if (height / rows >= min_height || columns == n)
        {
          *n_rows = rows;
          *n_columns = columns;
          return;
        }
    }
}

/* The most points a panel puts at one importance. */
static guint
max_column (const EcartChartMatrixPanel *panel)
{
  guint counts[6] = { 0 };
  guint most = 0;

  for (guint i = 0; i < panel->attributes->len; i++)
    {
      int importance = CLAMP (g_array_index (panel->attributes, EcartChartAttribute, i).importance, 1, 5);
      most = MAX (most, ++counts[importance]);
    }
  return most;
}

double
_ecart_chart_matrix_min_plot_height (EcartChartScene *scene,
                                     gconstpointer    pointer,
                                     double           plot_width)
{
  const EcartChartMatrixData *data = pointer;
  double s = ecart_chart_scene_px (scene, 1.0);
  double line = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK) + 2.0 * s;
  guint n = MAX (data->panels->len, 1);
  guint n_columns;
  guint n_rows;
  double tallest = 0.0;

  /* Panels at least 480 pixels wide, for the names, each as tall as its fullest column of
   * names, its axes and title need (330 pixels at least, which the layout asks for too). */
  n_columns = CLAMP ((guint)floor (plot_width / (480.0 * s)), 1, n);
  n_rows = (n + n_columns - 1) / n_columns;
  for (guint p = 0; p < data->panels->len; p++)
    tallest = MAX (tallest, max_column (g_ptr_array_index (data->panels, p)) * line);
  return n_rows * MAX (MAX (tallest, 260.0 * s) + 90.0 * s, 330.0 * s);
}

typedef struct
{
  guint  index;
  double y;       /* the point */
  double label;   /* where its label goes */
  double weight;  /* how much it deserves a label when not all fit */
} Label;

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  const Label *x = a;
  const Label *y = b;

  return x->y < y->y ? -1 : x->y > y->y ? 1 : (int)x->index - (int)y->index;
}

static int
compare_weight (gconstpointer a,
                gconstpointer b)
{
  const Label *x = a;
  const Label *y = b;

  return x->weight > y->weight ? -1 : x->weight < y->weight ? 1 : (int)x->index - (int)y->index;
}

static void
layout_panel (EcartChartScene             *scene,
              const EcartChartMatrixPanel *panel,
              const EcartChartRect        *box,
              gboolean                     titled,
              gboolean                    *labels_left_out)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double s = ecart_chart_scene_px (scene, 1.0);
  double tick_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
  double label_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
  const EcartChartColor *lived_color = &style->dimensions[ECART_DIMENSION_LIVED];
  EcartChartColor whisker_color = *lived_color;
  EcartChartAxis x_axis;
  EcartChartAxis y_axis;
  EcartChartRect area;
  EcartChartRect inner;
  GArray *columns[6] = { NULL };
  double gap;
  double strip;
  double top = box->y;
  double low = 10.0;
  double high = 0.0;
  double axis_width;
  double unit;
  double label_width;
  double cross_x;
  double cross_y;
  double right;
  double bottom;

  whisker_color.alpha = 0.7;
  if (titled)
    {
      EcartChartRect bounds;

      ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, panel->name, box->x, top,
                              ECART_CHART_ANCHOR_TOP_LEFT, box->width, 1, &style->foreground, &bounds);
      top += bounds.height + 6.0 * s;
    }

  for (guint i = 0; i < panel->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (panel->attributes, EcartChartAttribute, i);
      double v = item->value[ECART_DIMENSION_LIVED];

      low = MIN (low, isfinite (item->ci_low[ECART_DIMENSION_LIVED]) ? item->ci_low[ECART_DIMENSION_LIVED] : v);
      high = MAX (high, isfinite (item->ci_high[ECART_DIMENSION_LIVED]) ? item->ci_high[ECART_DIMENSION_LIVED] : v);
    }
  if (panel->attributes->len == 0)
    low = 0.0, high = 10.0;
  low = CLAMP (floor (low - 0.25), 0.0, 9.0);
  high = CLAMP (ceil (high + 0.25), low + 1.0, 10.0);

  /* The y axis's title above its labels, then the plot; the x axis and its title below. */
  ecart_chart_scene_text (scene, ECART_CHART_FONT_NOTE, _("Lived (0–10)"), box->x, top,
                          ECART_CHART_ANCHOR_TOP_LEFT, box->width / 2.0, 1, &style->secondary, NULL);
  top += tick_height + 6.0 * s;
  bottom = box->y + box->height - 2 * tick_height - 14.0 * s;
  ecart_chart_axis_nice (&y_axis, low, high, ecart_chart_max_ticks (bottom - top - 2 * (tick_height + 12.0 * s), 40.0 * s));
  if (y_axis.step < 0.5)
    ecart_chart_axis_fixed (&y_axis, y_axis.min, y_axis.max, 0.5);
  axis_width = _ecart_chart_axis_label_width (scene, &y_axis, FALSE, "") + 10.0 * s;

  /* Importance 1 to 5, half a unit on each side; the labels of the last column spill right. */
  ecart_chart_axis_fixed (&x_axis, 0.5, 5.5, 1.0);
  /* Room right of the last column for its names: a quarter of the panel, within reason. */
  unit = (box->width - axis_width - CLAMP (box->width * 0.24, 60.0 * s, 250.0 * s)) / 4.5;
  label_width = MIN (unit - 22.0 * s, 230.0 * s);
  right = box->x + axis_width + 5.0 * unit;
  area = (EcartChartRect) { box->x + axis_width, top, right - (box->x + axis_width), MAX (bottom - top, 1.0) };
  /* The values keep off a strip at the top and the bottom, where the quadrants are named. */
  strip = MIN (tick_height + 12.0 * s, area.height / 4.0);
  inner = (EcartChartRect) { area.x, area.y + strip, area.width, MAX (area.height - 2 * strip, 1.0) };

  cross_x = ecart_chart_axis_to_pixel (&x_axis, panel->cross_importance, area.x, area.x + area.width);
  cross_y = ecart_chart_axis_to_pixel (&y_axis, panel->cross_lived, inner.y + inner.height, inner.y);

  if (isfinite (panel->cross_importance))
    {
      static const EcartQuadrant quadrants[] = {
        ECART_QUADRANT_POSSIBLE_OVERKILL, ECART_QUADRANT_KEEP_UP,
        ECART_QUADRANT_LOW_PRIORITY, ECART_QUADRANT_CONCENTRATE_HERE,
      };

      for (guint q = 0; q < G_N_ELEMENTS (quadrants); q++)
        {
          EcartChartRect rect;
          gboolean left = quadrants[q] == ECART_QUADRANT_POSSIBLE_OVERKILL || quadrants[q] == ECART_QUADRANT_LOW_PRIORITY;
          gboolean upper = quadrants[q] == ECART_QUADRANT_POSSIBLE_OVERKILL || quadrants[q] == ECART_QUADRANT_KEEP_UP;
          gboolean concentrate = quadrants[q] == ECART_QUADRANT_CONCENTRATE_HERE;

          ecart_chart_quadrant_rect (quadrants[q], &area, cross_x, cross_y, &rect);
          if (concentrate)
            ecart_chart_scene_rect (scene, &rect, &style->highlight, NULL, 0);
          if (rect.width > 40.0 * s && strip >= tick_height + 6.0 * s)
            ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, ecart_quadrant_get_label (quadrants[q]),
                                    left ? rect.x + 8.0 * s : rect.x + rect.width - 8.0 * s,
                                    upper ? rect.y + 6.0 * s : rect.y + rect.height - 6.0 * s,
                                    upper ? (left ? ECART_CHART_ANCHOR_TOP_LEFT : ECART_CHART_ANCHOR_TOP_RIGHT)
                                          : (left ? ECART_CHART_ANCHOR_BOTTOM_LEFT : ECART_CHART_ANCHOR_BOTTOM_RIGHT),
                                    rect.width - 16.0 * s, 1,
                                    concentrate ? &style->negative : &style->secondary, NULL);
        }
    }

  _ecart_chart_axis_left (scene, &y_axis, &inner, FALSE, "");
  for (guint t = 0; t < x_axis.n_ticks; t++)
    {
      double value = 1.0 + t;
      double x = ecart_chart_axis_to_pixel (&x_axis, value, area.x, area.x + area.width);
      g_autofree char *text = g_strdup_printf ("%.0f", value);

      if (value > 5.0)
        break;
      ecart_chart_scene_line (scene, x, inner.y, x, inner.y + inner.height, &style->grid, 1.0 * s,
                              ECART_CHART_DASH_SOLID);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, x, area.y + area.height + 6.0 * s,
                              ECART_CHART_ANCHOR_TOP, -1, 1, &style->secondary, NULL);
    }
  ecart_chart_scene_text (scene, ECART_CHART_FONT_NOTE, _("Importance (1–5)"), area.x + area.width / 2.0,
                          area.y + area.height + 10.0 * s + tick_height, ECART_CHART_ANCHOR_TOP,
                          area.width, 1, &style->secondary, NULL);

  if (isfinite (panel->cross_importance))
    {
      ecart_chart_scene_line (scene, cross_x, area.y, cross_x, area.y + area.height, &style->axis,
                              1.5 * s, ECART_CHART_DASH_DASHED);
      ecart_chart_scene_line (scene, area.x, cross_y, area.x + area.width, cross_y, &style->axis,
                              1.5 * s, ECART_CHART_DASH_DASHED);
    }

  gap = label_height + 1.0 * s;
  if (panel->attributes->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No lived measurements for %s yet."), panel->name);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_LABEL, text, area.x + area.width / 2.0,
                              area.y + area.height / 2.0, ECART_CHART_ANCHOR_CENTRE, area.width * 0.8, 3,
                              &style->secondary, NULL);
      return;
    }

  /* Points, column by column of importance; then where their names go. */
  for (int importance = 1; importance <= 5; importance++)
    {
      GArray *labels = g_array_new (FALSE, FALSE, sizeof (Label));
      double x = ecart_chart_axis_to_pixel (&x_axis, importance, area.x, area.x + area.width);
      guint capacity = (guint)MAX (floor (inner.height / gap) + 1, 1);

      columns[importance] = labels;
      for (guint i = 0; i < panel->attributes->len; i++)
        {
          const EcartChartAttribute *item = &g_array_index (panel->attributes, EcartChartAttribute, i);
          double v = item->value[ECART_DIMENSION_LIVED];
          double y;
          double r = 5.5 * s;
          EcartChartHit hit;

          if (CLAMP (item->importance, 1, 5) != importance)
            continue;
          y = ecart_chart_axis_to_pixel (&y_axis, v, inner.y + inner.height, inner.y);
          if (isfinite (item->ci_low[ECART_DIMENSION_LIVED]))
            _ecart_chart_whisker (scene, FALSE, x,
                                  ecart_chart_axis_to_pixel (&y_axis, item->ci_low[ECART_DIMENSION_LIVED], inner.y + inner.height, inner.y),
                                  ecart_chart_axis_to_pixel (&y_axis, item->ci_high[ECART_DIMENSION_LIVED], inner.y + inner.height, inner.y),
                                  3.0 * s, item->insufficient[ECART_DIMENSION_LIVED] ? &style->insufficient : &whisker_color,
                                  1.2 * s);
          _ecart_chart_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r, lived_color,
                               item->insufficient[ECART_DIMENSION_LIVED]);

          ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_POINT, ECART_CHART_MEASURE_DIMENSION);
          hit.segment = panel->segment;
          hit.attribute = item->attribute;
          hit.dimension = ECART_DIMENSION_LIVED;
          hit.value = v;
          hit.ci_low = item->ci_low[ECART_DIMENSION_LIVED];
          hit.ci_high = item->ci_high[ECART_DIMENSION_LIVED];
          hit.n = item->n[ECART_DIMENSION_LIVED];
          hit.insufficient = item->insufficient[ECART_DIMENSION_LIVED];
          hit.importance = item->importance;
          hit.quadrant = item->quadrant;
          hit.x = x - r - 2.0 * s, hit.y = y - r - 2.0 * s, hit.width = hit.height = 2 * r + 4.0 * s;
          ecart_chart_scene_add_hit (scene, &hit);

          {
            Label label = { i, y, y, fabs (v - panel->cross_lived) + (item->quadrant == ECART_QUADRANT_CONCENTRATE_HERE ? 10.0 : 0.0) };
            g_array_append_val (labels, label);
          }
        }
      if (labels->len == 0)
        continue;

      /* No room for a word: no names at all, rather than ellipses. */
      if (label_width < 40.0 * s || inner.height < 3 * gap)
        {
          *labels_left_out = TRUE;
          g_array_set_size (labels, 0);
          continue;
        }
      /* When they cannot all be named, name those that matter most. */
      if (labels->len > capacity)
        {
          g_array_sort (labels, compare_weight);
          g_array_set_size (labels, capacity);
          *labels_left_out = TRUE;
        }
      g_array_sort (labels, compare_y);
      {
        g_autofree double *positions = g_new (double, labels->len);

        for (guint k = 0; k < labels->len; k++)
          positions[k] = g_array_index (labels, Label, k).y;
        ecart_chart_spread (positions, labels->len, gap, inner.y, inner.y + inner.height);
        for (guint k = 0; k < labels->len; k++)
          g_array_index (labels, Label, k).label = positions[k];
      }
    }

  /* A name runs right until the next column with a point or a name at its height. */
  for (int importance = 1; importance <= 5; importance++)
    {
      GArray *labels = columns[importance];
      double x = ecart_chart_axis_to_pixel (&x_axis, importance, area.x, area.x + area.width);

      for (guint k = 0; k < labels->len; k++)
        {
          const Label *label = &g_array_index (labels, Label, k);
          const EcartChartAttribute *item = &g_array_index (panel->attributes, EcartChartAttribute, label->index);
          double lx = x + 12.0 * s;
          double limit = box->x + box->width;
          g_autofree char *text = NULL;

          for (int next = importance + 1; next <= 5 && limit == box->x + box->width; next++)
            {
              GArray *others = columns[next];
              double next_x = ecart_chart_axis_to_pixel (&x_axis, next, area.x, area.x + area.width);

              for (guint i = 0; i < panel->attributes->len; i++)
                {
                  const EcartChartAttribute *other = &g_array_index (panel->attributes, EcartChartAttribute, i);
                  double y = ecart_chart_axis_to_pixel (&y_axis, other->value[ECART_DIMENSION_LIVED],
                                                        inner.y + inner.height, inner.y);

                  if (CLAMP (other->importance, 1, 5) == next && fabs (y - label->label) < gap)
                    limit = next_x - 10.0 * s;
                }
              for (guint o = 0; o < others->len; o++)
                if (fabs (g_array_index (others, Label, o).label - label->label) < gap)
                  limit = next_x - 10.0 * s;
            }

          if (fabs (label->label - label->y) > 3.0 * s)
            ecart_chart_scene_line (scene, x + 6.0 * s, label->y, lx - 2.0 * s, label->label, &style->axis,
                                    0.8 * s, ECART_CHART_DASH_SOLID);
          if (item->insufficient[ECART_DIMENSION_LIVED])
            {
              g_autofree char *n = _ecart_chart_format_n (item->n[ECART_DIMENSION_LIVED]);
              text = g_strdup_printf ("%s (%s)", item->name, n);
            }
          else
            text = g_strdup (item->name);
          ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, lx, label->label, ECART_CHART_ANCHOR_LEFT,
                                  CLAMP (limit - lx, label_width, 260.0 * s), 1,
                                  item->insufficient[ECART_DIMENSION_LIVED] ? &style->insufficient : &style->foreground,
                                  NULL);
        }
    }
  for (int importance = 1; importance <= 5; importance++)
    g_array_unref (columns[importance]);
}

static gboolean
layout_panels (EcartChartScene      *scene,
               gconstpointer         pointer,
               const EcartChartRect *plot)
{
  const EcartChartMatrixData *data = pointer;
  double s = ecart_chart_scene_px (scene, 1.0);
  gboolean left_out = FALSE;
  EcartChartGrid grid;
  guint n_rows;
  guint n_columns;

  panel_shape (data->panels->len, plot->width, plot->height, 330.0 * s, &n_rows, &n_columns);
  ecart_chart_grid_init (&grid, plot, n_rows, n_columns, data->panels->len > 1 ? 36.0 * s : 0.0);
  for (guint p = 0; p < data->panels->len; p++)
    {
      EcartChartRect cell;

      ecart_chart_grid_get_cell (&grid, p / n_columns, p % n_columns, &cell);
      layout_panel (scene, g_ptr_array_index (data->panels, p), &cell, data->panels->len > 1, &left_out);
    }
  return left_out;
}

void
_ecart_chart_matrix_layout (EcartChartScene *scene,
                            gconstpointer    pointer)
{
  const EcartChartMatrixData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  const EcartChartColor *lived_color = &style->dimensions[ECART_DIMENSION_LIVED];
  EcartChartColor whisker_color = *lived_color;
  gboolean any_insufficient = FALSE;

  for (guint p = 0; p < data->panels->len; p++)
    {
      const EcartChartMatrixPanel *panel = g_ptr_array_index (data->panels, p);

      for (guint i = 0; i < panel->attributes->len; i++)
        any_insufficient |= g_array_index (panel->attributes, EcartChartAttribute, i).insufficient[ECART_DIMENSION_LIVED];
    }

  whisker_color.alpha = 0.7;
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, lived_color,
                           _("Attribute: importance and lived mean"));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_WHISKER, 0, &whisker_color, _("Lived: confidence interval"));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_LINE, 0, &style->axis, _("Crosshairs: the means"));
  _ecart_chart_legend_last (legend)->dash = ECART_CHART_DASH_DASHED;
  if (any_insufficient)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, lived_color,
                               _("Insufficient data, with its n"));
      _ecart_chart_legend_last (legend)->hollow = TRUE;
    }
  _ecart_chart_frame_layout_body (scene, &data->frame, legend, data, layout_panels);
}

void
ecart_chart_matrix_draw (cairo_t                    *cr,
                         double                      width,
                         double                      height,
                         const EcartChartMatrixData *data,
                         const EcartChartStyle      *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_matrix_layout);
}

GPtrArray *
_ecart_chart_matrix_rows (gconstpointer pointer)
{
  const EcartChartMatrixData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Segment")), g_strdup (_("Attribute")),
                         g_strdup (C_("column", "Importance")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_LIVED)),
                         g_strdup (C_("column", "Lived interval")), g_strdup (C_("column", "Lived n")),
                         g_strdup (C_("column", "Quadrant")), g_strdup (C_("column", "Note")), NULL);
  for (guint p = 0; p < data->panels->len; p++)
    {
      const EcartChartMatrixPanel *panel = g_ptr_array_index (data->panels, p);

      for (guint i = 0; i < panel->attributes->len; i++)
        {
          const EcartChartAttribute *item = &g_array_index (panel->attributes, EcartChartAttribute, i);

          _ecart_chart_rows_add (rows, g_strdup (panel->name), g_strdup (item->name),
                                 g_strdup_printf ("%d", item->importance),
                                 _ecart_chart_format_value (item->value[ECART_DIMENSION_LIVED]),
                                 _ecart_chart_format_interval (item->ci_low[ECART_DIMENSION_LIVED],
                                                               item->ci_high[ECART_DIMENSION_LIVED], FALSE),
                                 _ecart_chart_format_count (item->n[ECART_DIMENSION_LIVED]),
                                 g_strdup (ecart_quadrant_get_label (item->quadrant)),
                                 g_strdup (item->insufficient[ECART_DIMENSION_LIVED] ? _("Insufficient data: lived") : ""),
                                 NULL);
        }
    }
  return rows;
}

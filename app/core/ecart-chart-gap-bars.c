/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Gap bars: one gap per attribute as a bar from 0, brown below and teal above, with its
 * confidence interval and significance, sorted by importance × size of the gap so that
 * what matters most comes first. */

static const struct {
  const char *title;
  const char *below;
  const char *above;
  const char *empty;
} gap_texts[ECART_N_GAPS] = {
  [ECART_GAP_IMPLEMENTATION] = {
    N_("Implementation gap by attribute: proposed − desired"),
    N_("Proposed below desired"), N_("Proposed above desired"),
    N_("No implementation gap for %s yet: it needs both a desired target and a proposed "
       "level, set in the workshop."),
  },
  [ECART_GAP_EXPECTATION] = {
    N_("Expectation gap by attribute: expected − desired"),
    N_("Expected below desired"), N_("Expected above desired"),
    N_("No expectation gap for %s yet: it needs desired targets and expectation "
       "measurements. Import a survey wave."),
  },
  [ECART_GAP_PERCEPTION] = {
    N_("Perception gap by attribute: lived − expected"),
    N_("Lived below expected"), N_("Lived above expected"),
    N_("No perception gap for %s yet: it needs expected and lived measurements. Import a "
       "survey wave."),
  },
  [ECART_GAP_DELIVERY] = {
    N_("Delivery gap by attribute: lived − desired"),
    N_("Lived below desired"), N_("Lived above desired"),
    N_("No delivery gap for %s yet: it needs desired targets and lived measurements. Import "
       "a survey wave."),
  },
  [ECART_GAP_EXECUTION] = {
    N_("Execution gap by attribute: lived − proposed"),
    N_("Lived below proposed"), N_("Lived above proposed"),
    N_("No execution gap for %s yet: it needs proposed levels and lived measurements. "
       "Import a survey wave."),
  },
};

static double
priority (const EcartChartAttribute *item)
{
  return item->importance * fabs (item->gap.value);
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const EcartChartAttribute *x = a;
  const EcartChartAttribute *y = b;
  double px = priority (x);
  double py = priority (y);

  /* Equal priorities keep the attributes' order (g_array_sort is not stable: the position
   * was saved in the quadrant field, unused here). */
  if (fabs (px - py) > 1e-12)
    return px > py ? -1 : 1;
  return (int)x->quadrant - (int)y->quadrant;
}

gpointer
_ecart_chart_gap_bars_data_new (EcartGapTable *table,
                                EcartSegment  *segment,
                                EcartGapKind   gap)
{
  EcartChartGapBarsData *data = g_new0 (EcartChartGapBarsData, 1);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean any_insufficient = FALSE;
  GListModel *rows;

  data->attributes = _ecart_chart_attributes_new ();
  data->segment = _ecart_chart_pick_segment (table, segment);
  data->gap = gap;
  data->gap_label = g_strdup (ecart_gap_kind_get_label (gap));
  data->frame.title = g_strdup (_(gap_texts[gap].title));
  data->frame.subtitle = _ecart_chart_describe_table (table, data->segment);

  if (!_ecart_chart_check_table (table, data->segment, TRUE, &data->frame))
    return data;

  rows = ecart_gap_table_get_segment_rows (table, data->segment);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      EcartChartAttribute item;

      _ecart_chart_attribute_fill (&item, row, gap, workspace);
      if (!isfinite (item.gap.value))
        {
          data->n_not_computable++;
          g_free (item.name);
          g_free (item.group);
          continue;
        }
      item.quadrant = i;  /* the position, for a stable sort */
      any_insufficient |= item.gap.insufficient;
      g_array_append_val (data->attributes, item);
    }
  g_array_sort (data->attributes, compare_priority);
  for (guint i = 0; i < data->attributes->len; i++)
    g_array_index (data->attributes, EcartChartAttribute, i).quadrant = ECART_QUADRANT_NONE;

  if (data->attributes->len == 0)
    {
      data->frame.empty_message = g_strdup_printf (_(gap_texts[gap].empty),
                                                   _ecart_chart_segment_name (data->segment));
      return data;
    }

  g_string_append (note, _("Gaps in points on 0–10, sorted by importance × size of the gap."));
  if (gap == ECART_GAP_IMPLEMENTATION)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("Both values are set in the workshop: no interval, no test."));
    }
  else
    {
      g_autofree char *interval = _ecart_chart_interval_note (table);
      g_autofree char *significance = _ecart_chart_significance_note (table, TRUE);

      g_string_append_printf (note, " %s %s", interval, significance);
    }
  if (any_insufficient)
    {
      g_autofree char *insufficient = _ecart_chart_insufficient_note (table);
      g_string_append_printf (note, " %s", insufficient);
    }
  if (data->n_not_computable > 0)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u attribute without this gap is not shown.",
                                                 "%u attributes without this gap are not shown.",
                                                 data->n_not_computable),
                              data->n_not_computable);
    }
  data->frame.note = g_string_free (g_steal_pointer (&note), FALSE);
  return data;
}

void
_ecart_chart_gap_bars_data_free (gpointer pointer)
{
  EcartChartGapBarsData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  g_free (data->gap_label);
  g_array_unref (data->attributes);
  g_free (data);
}

static double
min_row_height (EcartChartScene *scene)
{
  return MAX (ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL) + ecart_chart_scene_px (scene, 4.0),
              ecart_chart_scene_px (scene, 18.0));
}

static double
axis_height (EcartChartScene *scene)
{
  return ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK)
         + ecart_chart_scene_line_height (scene, ECART_CHART_FONT_NOTE)
         + ecart_chart_scene_px (scene, 14.0);
}

double
_ecart_chart_gap_bars_min_plot_height (EcartChartScene *scene,
                                       gconstpointer    pointer,
                                       double           plot_width)
{
  const EcartChartGapBarsData *data = pointer;

  return data->attributes->len * min_row_height (scene) + axis_height (scene);
}

/* The label of a bar: the gap, and its mark. */
static char *
value_text (const EcartGap *gap)
{
  g_autofree char *value = _ecart_chart_format_signed (gap->value);

  if (gap->insufficient)
    {
      g_autofree char *n = _ecart_chart_format_n (gap->n);
      return g_strdup_printf ("%s (%s)", value, n);
    }
  return g_strconcat (value, gap->significant ? "*" : "", NULL);
}

static void
fill_hit (EcartChartHit               *hit,
          const EcartChartGapBarsData *data,
          const EcartChartAttribute   *item,
          EcartChartElement            element,
          const EcartChartRect        *bounds)
{
  ecart_chart_hit_init (hit, element, element == ECART_CHART_ELEMENT_LABEL ? ECART_CHART_MEASURE_NONE
                                                                           : ECART_CHART_MEASURE_GAP);
  hit->segment = data->segment;
  hit->attribute = item->attribute;
  hit->gap = data->gap;
  if (element != ECART_CHART_ELEMENT_LABEL)
    {
      hit->value = item->gap.value;
      hit->ci_low = item->gap.ci_low;
      hit->ci_high = item->gap.ci_high;
      hit->n = item->gap.n;
      hit->significant = item->gap.significant;
      hit->insufficient = item->gap.insufficient;
    }
  hit->importance = item->importance;
  hit->x = bounds->x, hit->y = bounds->y, hit->width = bounds->width, hit->height = bounds->height;
}

void
_ecart_chart_gap_bars_layout (EcartChartScene *scene,
                              gconstpointer    pointer)
{
  const EcartChartGapBarsData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  double s = ecart_chart_scene_px (scene, 1.0);
  gboolean any_insufficient = FALSE;
  gboolean any_significant = FALSE;
  gboolean any_plain = FALSE;
  gboolean any_interval = FALSE;
  EcartChartColor pale_negative;
  EcartChartColor pale_positive;
  EcartChartColor whisker_color = style->foreground;
  EcartChartRect plot;
  EcartChartRect area;
  EcartChartAxis axis;
  EcartChartBands bands;
  double limit = 0.0;
  double low = 0.0;
  double high = 0.0;
  double label_width = 0.0;
  double pips_width = 5 * 9.0 * s;
  double value_room;
  double x0;
  double x1;
  double thickness;
  EcartChartRowLabels labels;
  EcartChartRowLabels values;

  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      g_autoptr(PangoLayout) label = ecart_chart_scene_label (scene, ECART_CHART_FONT_LABEL, item->name,
                                                              -1, 1, PANGO_ALIGN_RIGHT);
      double w;

      ecart_chart_label_get_size (label, &w, NULL);
      label_width = MAX (label_width, w);
      limit = MAX (limit, fabs (item->gap.value));
      low = MIN (low, item->gap.value);
      high = MAX (high, item->gap.value);
      if (isfinite (item->gap.ci_low))
        {
          limit = MAX (limit, fabs (item->gap.ci_low));
          limit = MAX (limit, fabs (item->gap.ci_high));
          low = MIN (low, item->gap.ci_low);
          high = MAX (high, item->gap.ci_high);
          any_interval = TRUE;
        }
      any_insufficient |= item->gap.insufficient;
      any_significant |= item->gap.significant;
      any_plain |= !item->gap.significant && !item->gap.insufficient && data->gap != ECART_GAP_IMPLEMENTATION;
    }

  pale_negative = style->negative;
  pale_positive = style->positive;
  pale_negative.alpha = pale_positive.alpha = 0.4;
  whisker_color.alpha = 0.75;

  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SWATCH, 0, &style->negative,
                           _(gap_texts[data->gap].below));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SWATCH, 0, &style->positive,
                           _(gap_texts[data->gap].above));
  if (any_plain)
    _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SWATCH, 0, &pale_negative, _("Not significant"));
  if (any_significant)
    _ecart_chart_legend_add_symbol (legend, "*", _("Significant"));
  if (any_interval)
    _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_WHISKER, 0, &whisker_color, _("Confidence interval"));
  if (any_insufficient)
    _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_HATCH, 0, NULL, _("Insufficient data, with its n"));
  _ecart_chart_frame_layout (scene, &data->frame, legend, &plot);

  /* Columns: labels | importance | bars, with room for the values on both sides. */
  label_width = CLAMP (ceil (label_width) + 1.0, 80.0 * s, MAX (80.0 * s, plot.width * 0.32));
  value_room = (any_insufficient ? 110.0 : 56.0) * s;
  x0 = plot.x + label_width + 14.0 * s + pips_width + 14.0 * s + value_room;
  x1 = plot.x + plot.width - value_room;
  area = (EcartChartRect) { x0, plot.y, MAX (x1 - x0, 1.0), MAX (plot.height - axis_height (scene), 1.0) };

  /* From the lowest to the highest end, 0 included, with some room on each side of 0 so
   * that a bar of the other sign can still be read. */
  limit = MAX (limit, 0.25);
  ecart_chart_axis_nice (&axis, MIN (low, -0.2 * limit), MAX (high, 0.2 * limit),
                         ecart_chart_max_ticks (area.width, 70.0 * s));
  _ecart_chart_axis_bottom (scene, &axis, &area, TRUE, data->gap_label);
  /* Under the pips, ending with them, within the labels' column. */
  ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, C_("chart column", "Importance"),
                          plot.x + label_width + 14.0 * s + pips_width,
                          area.y + area.height + 6.0 * s, ECART_CHART_ANCHOR_TOP_RIGHT,
                          label_width * 0.6 + pips_width, 1, &style->secondary, NULL);

  ecart_chart_bands_init (&bands, data->attributes->len, area.y, area.y + area.height, 0.62);
  thickness = MIN (ecart_chart_bands_get_thickness (&bands), 30.0 * s);
  _ecart_chart_row_labels_init (&labels, scene, ECART_CHART_FONT_LABEL, bands.step);
  _ecart_chart_row_labels_init (&values, scene, ECART_CHART_FONT_VALUE, bands.step);

  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      const EcartGap *gap = &item->gap;
      double cy = ecart_chart_bands_get_centre (&bands, i);
      gboolean negative = gap->value < 0.0;
      const EcartChartColor *fill;
      EcartChartRect bar;
      EcartChartRect bounds;
      EcartChartHit hit;
      double from;
      double to;
      double outer;
      g_autofree char *text = value_text (gap);

      if (i % 2 == 1)
        {
          EcartChartRect band = { plot.x, cy - bands.step / 2.0, plot.width, bands.step };
          ecart_chart_scene_rect (scene, &band, &style->band, NULL, 0);
        }

      _ecart_chart_row_label (scene, &labels, i, item->name, plot.x + label_width, cy,
                              ECART_CHART_ANCHOR_RIGHT, label_width, &style->foreground);
      bounds = (EcartChartRect) { plot.x, cy - bands.step / 2.0, label_width + 14.0 * s + pips_width, bands.step };
      fill_hit (&hit, data, item, ECART_CHART_ELEMENT_LABEL, &bounds);
      ecart_chart_scene_add_hit (scene, &hit);

      /* Importance: five pips. */
      for (int p = 0; p < 5; p++)
        {
          double px = plot.x + label_width + 14.0 * s + (p + 0.5) * 9.0 * s;

          ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, px, cy, 2.8 * s,
                                    p < item->importance ? &style->secondary : NULL,
                                    &style->secondary, 1.0 * s);
        }

      ecart_chart_bar_extent (&axis, gap->value, x0, x1, &from, &to);
      bar = (EcartChartRect) { from, cy - thickness / 2.0, MAX (to - from, 1.0 * s), thickness };
      if (gap->insufficient)
        {
          EcartChartColor light = style->insufficient;

          light.alpha = 0.18;
          ecart_chart_scene_rect (scene, &bar, &light, &style->insufficient, 1.0 * s);
          ecart_chart_scene_hatch (scene, &bar, &style->insufficient, 5.0 * s, 1.0 * s);
        }
      else
        {
          if (gap->significant || data->gap == ECART_GAP_IMPLEMENTATION)
            fill = negative ? &style->negative : &style->positive;
          else
            fill = negative ? &pale_negative : &pale_positive;
          ecart_chart_scene_rect (scene, &bar, fill, NULL, 0);
        }
      fill_hit (&hit, data, item, ECART_CHART_ELEMENT_BAR, &bar);
      ecart_chart_scene_add_hit (scene, &hit);

      outer = negative ? from : to;
      if (isfinite (gap->ci_low) && isfinite (gap->ci_high))
        {
          double a = ecart_chart_axis_to_pixel (&axis, gap->ci_low, x0, x1);
          double b = ecart_chart_axis_to_pixel (&axis, gap->ci_high, x0, x1);

          _ecart_chart_whisker (scene, TRUE, cy, a, b, MIN (thickness * 0.3, 5.0 * s),
                                gap->insufficient ? &style->insufficient : &whisker_color, 1.5 * s);
          bounds = (EcartChartRect) { a, cy - 2.0 * s, b - a, 4.0 * s };
          fill_hit (&hit, data, item, ECART_CHART_ELEMENT_WHISKER, &bounds);
          ecart_chart_scene_add_hit (scene, &hit);
          outer = negative ? MIN (outer, a) : MAX (outer, b);
        }

      _ecart_chart_row_label (scene, &values, i, text, negative ? outer - 6.0 * s : outer + 6.0 * s, cy,
                              negative ? ECART_CHART_ANCHOR_RIGHT : ECART_CHART_ANCHOR_LEFT,
                              value_room - 8.0 * s,
                              gap->insufficient ? &style->insufficient : &style->foreground);
    }
  _ecart_chart_row_labels_clear (&labels);
  _ecart_chart_row_labels_clear (&values);
}

void
ecart_chart_gap_bars_draw (cairo_t                     *cr,
                           double                       width,
                           double                       height,
                           const EcartChartGapBarsData *data,
                           const EcartChartStyle       *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_gap_bars_layout);
}

GPtrArray *
_ecart_chart_gap_bars_rows (gconstpointer pointer)
{
  const EcartChartGapBarsData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Attribute")), g_strdup (C_("column", "Importance")),
                         g_strdup (data->gap_label), g_strdup (C_("column", "Interval")),
                         g_strdup (C_("column", "n")), g_strdup (C_("column", "Significant")),
                         g_strdup (C_("column", "Note")), NULL);
  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      const EcartGap *gap = &item->gap;
      const char *significant = !isfinite (gap->p_adjusted) ? "–" : gap->significant ? _("yes") : _("no");

      _ecart_chart_rows_add (rows, g_strdup (item->name), g_strdup_printf ("%d", item->importance),
                             _ecart_chart_format_signed (gap->value),
                             _ecart_chart_format_interval (gap->ci_low, gap->ci_high, TRUE),
                             gap->n > 0 ? _ecart_chart_format_count (gap->n) : g_strdup ("–"),
                             g_strdup (significant),
                             g_strdup (gap->insufficient ? _("Insufficient data") : ""), NULL);
    }
  return rows;
}

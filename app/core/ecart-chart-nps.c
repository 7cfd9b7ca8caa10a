/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* Recommendation, in two panels: on the left, detractors, passives and promoters as stacked
 * bars with the NPS and its interval (per segment over every wave, or per wave for one
 * segment); on the right, the NPS wave by wave with its interval, the significant changes
 * marked. */

/* For segments whose colour is not set: Okabe–Ito colours the dimensions do not use. */
static const char * const fallback_colors[] = { "#56B4E9", "#CC79A7", "#000000", "#F0E442" };

static void
series_free (gpointer pointer)
{
  EcartChartNpsSeries *series = pointer;

  for (guint i = 0; i < series->points->len; i++)
    g_free (g_array_index (series->points, EcartChartNpsGroup, i).name);
  g_array_unref (series->points);
  g_free (series->name);
  g_free (series->color);
  g_free (series);
}

static void
add_group (GArray        *array,
           EcartGapTable *table,
           EcartSegment  *segment,
           EcartWave     *wave,
           const char    *name)
{
  const EcartNps *nps = ecart_gap_table_get_nps (table, segment, wave);
  const EcartNpsChange *change = wave != NULL ? ecart_gap_table_get_nps_change (table, segment, wave) : NULL;
  EcartChartNpsGroup group = { 0 };

  group.segment = segment;
  group.wave = wave;
  group.name = g_strdup (name);
  if (nps != NULL)
    group.nps = *nps;
  if (change != NULL && isfinite (change->difference))
    {
      group.change = *change;
      group.has_change = TRUE;
    }
  g_array_append_val (array, group);
}

gpointer
_ecart_chart_nps_data_new (EcartGapTable *table,
                           EcartSegment  *segment,
                           EcartGapKind   gap)
{
  EcartChartNpsData *data = g_new0 (EcartChartNpsData, 1);
  GListModel *segments = ecart_gap_table_get_segments (table);
  GListModel *waves = ecart_gap_table_get_waves (table);
  guint n_waves = g_list_model_get_n_items (waves);
  const EcartNps *all;
  gboolean any_insufficient = FALSE;

  data->bars = g_array_new (FALSE, TRUE, sizeof (EcartChartNpsGroup));
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->wave_names = g_ptr_array_new_with_free_func (g_free);
  data->segment = segment;
  data->frame.title = g_strdup (_("Recommendation: Net Promoter Score"));
  data->frame.subtitle = _ecart_chart_describe_table (table, segment);

  if (!_ecart_chart_check_table (table, segment, FALSE, &data->frame))
    return data;

  for (guint w = 0; w < n_waves; w++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
      g_ptr_array_add (data->wave_names, g_strdup (ecart_item_get_name (ECART_ITEM (wave))));
    }

  if (segment != NULL)
    {
      data->bars_title = g_strdup_printf (_("Promoters, passives and detractors of %s, wave by wave"),
                                          ecart_item_get_name (ECART_ITEM (segment)));
      for (guint w = 0; w < n_waves; w++)
        {
          g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
          add_group (data->bars, table, segment, wave, ecart_item_get_name (ECART_ITEM (wave)));
        }
      if (n_waves > 1)
        add_group (data->bars, table, segment, NULL, _("All waves"));
    }
  else
    {
      data->bars_title = g_strdup (_("Promoters, passives and detractors, all waves"));
      for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
        {
          g_autoptr(EcartSegment) each = g_list_model_get_item (segments, s);
          add_group (data->bars, table, each, NULL, ecart_item_get_name (ECART_ITEM (each)));
        }
      if (g_list_model_get_n_items (segments) > 1)
        add_group (data->bars, table, NULL, NULL, _("All segments"));
    }

  data->trend_title = g_strdup (_("Net Promoter Score, wave by wave"));
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) each = g_list_model_get_item (segments, s);
      EcartChartNpsSeries *series;

      if (segment != NULL && each != segment)
        continue;
      series = g_new0 (EcartChartNpsSeries, 1);
      series->segment = each;
      series->name = g_strdup (ecart_item_get_name (ECART_ITEM (each)));
      series->color = g_strdup (ecart_segment_get_color (each) != NULL
                                ? ecart_segment_get_color (each)
                                : fallback_colors[s % G_N_ELEMENTS (fallback_colors)]);
      series->points = g_array_new (FALSE, TRUE, sizeof (EcartChartNpsGroup));
      for (guint w = 0; w < n_waves; w++)
        {
          g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
          add_group (series->points, table, each, wave, ecart_item_get_name (ECART_ITEM (wave)));
        }
      g_ptr_array_add (data->series, series);
    }

  for (guint i = 0; i < data->bars->len; i++)
    {
      const EcartChartNpsGroup *group = &g_array_index (data->bars, EcartChartNpsGroup, i);
      any_insufficient |= group->nps.insufficient && group->nps.n > 0;
    }

  all = ecart_gap_table_get_nps (table, segment, NULL);
  if (all == NULL || all->n == 0)
    {
      if (segment != NULL)
        data->frame.empty_message = g_strdup_printf (_("No recommendation scores for %s yet: import a "
                                                       "survey wave with a recommendation question "
                                                       "(0 to 10)."),
                                                     ecart_item_get_name (ECART_ITEM (segment)));
      else
        data->frame.empty_message = g_strdup (_("No recommendation scores yet: import a survey wave with "
                                                "a recommendation question (0 to 10)."));
      return data;
    }

  {
    g_autofree char *percent = g_strdup_printf ("%g", round (ecart_gap_table_get_confidence (table) * 1000.0) / 10.0);
    g_autofree char *insufficient = NULL;

    if (any_insufficient)
      insufficient = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Hatched: insufficient data (fewer than %u respondent).",
                                                   "Hatched: insufficient data (fewer than %u respondents).",
                                                   ecart_gap_table_get_min_n (table)),
                                      ecart_gap_table_get_min_n (table));
    data->frame.note = g_strdup_printf (_("NPS = %% promoters (9–10) − %% detractors (0–6), from −100 to "
                                          "+100. Intervals: adjusted Wald, %s %%. * change from the "
                                          "previous wave significant at the %s %% level (z test). %s"),
                                        percent, percent, insufficient != NULL ? insufficient : "");
    g_strchomp (data->frame.note);
  }
  return data;
}

void
_ecart_chart_nps_data_free (gpointer pointer)
{
  EcartChartNpsData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  for (guint i = 0; i < data->bars->len; i++)
    g_free (g_array_index (data->bars, EcartChartNpsGroup, i).name);
  g_array_unref (data->bars);
  g_ptr_array_unref (data->series);
  g_ptr_array_unref (data->wave_names);
  g_free (data->bars_title);
  g_free (data->trend_title);
  g_free (data);
}

double
_ecart_chart_nps_min_plot_height (EcartChartScene *scene,
                                  gconstpointer    pointer,
                                  double           plot_width)
{
  const EcartChartNpsData *data = pointer;
  double row = 2.4 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL);

  return MAX (data->bars->len * row, ecart_chart_scene_px (scene, 300.0))
         + 4 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL);
}

static void
nps_hit (EcartChartHit            *hit,
         const EcartChartNpsGroup *group,
         EcartChartElement         element,
         EcartChartMeasure         measure,
         double                    value,
         const EcartChartRect     *bounds)
{
  ecart_chart_hit_init (hit, element, measure);
  hit->segment = group->segment;
  hit->wave = group->wave;
  hit->value = value;
  hit->n = group->nps.n;
  hit->insufficient = group->nps.insufficient;
  if (measure == ECART_CHART_MEASURE_NPS)
    {
      hit->ci_low = group->nps.ci_low;
      hit->ci_high = group->nps.ci_high;
      if (group->has_change)
        {
          hit->change = group->change.difference;
          hit->change_significant = group->change.significant;
        }
    }
  hit->x = bounds->x, hit->y = bounds->y, hit->width = bounds->width, hit->height = bounds->height;
}

static void
layout_bars (EcartChartScene         *scene,
             const EcartChartNpsData *data,
             const EcartChartRect    *box)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double s = ecart_chart_scene_px (scene, 1.0);
  double label_width = 0.0;
  double value_width = MIN (150.0 * s, box->width * 0.3);
  double top = box->y;
  EcartChartBands bands;
  EcartChartRect bounds;
  double x0;
  double x1;
  double thickness;
  EcartChartRowLabels names;
  EcartChartRowLabels margins;
  gboolean two_lines;

  ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, data->bars_title, box->x, top,
                          ECART_CHART_ANCHOR_TOP_LEFT, box->width, 2, &style->foreground, &bounds);
  top += bounds.height + 14.0 * s;

  for (guint i = 0; i < data->bars->len; i++)
    {
      const EcartChartNpsGroup *group = &g_array_index (data->bars, EcartChartNpsGroup, i);
      g_autoptr(PangoLayout) label = ecart_chart_scene_label (scene, ECART_CHART_FONT_LABEL, group->name, -1, 1,
                                                              PANGO_ALIGN_RIGHT);
      double w;

      ecart_chart_label_get_size (label, &w, NULL);
      label_width = MAX (label_width, w);
    }
  label_width = CLAMP (ceil (label_width) + 1.0, 60.0 * s, box->width * 0.3);
  x0 = box->x + label_width + 12.0 * s;
  x1 = box->x + box->width - value_width;

  /* Percentages along the bottom. */
  {
    EcartChartRect area = { x0, top, MAX (x1 - x0, 1.0),
                            MAX (box->y + box->height - top - ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK) - 10.0 * s, 1.0) };
    EcartChartAxis axis;

    ecart_chart_axis_fixed (&axis, 0.0, 100.0, area.width >= 400.0 * s ? 20.0 : area.width >= 160.0 * s ? 50.0 : 100.0);
    for (guint t = 0; t < axis.n_ticks; t++)
      {
        double value = ecart_chart_axis_get_tick (&axis, t);
        double x = ecart_chart_axis_to_pixel (&axis, value, area.x, area.x + area.width);
        g_autofree char *text = _ecart_chart_format_percent (value);

        ecart_chart_scene_line (scene, x, area.y, x, area.y + area.height, &style->grid, 1.0 * s,
                                ECART_CHART_DASH_SOLID);
        ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, x, area.y + area.height + 6.0 * s,
                                ECART_CHART_ANCHOR_TOP, -1, 1, &style->secondary, NULL);
      }
    ecart_chart_bands_init (&bands, data->bars->len, area.y, area.y + area.height, 0.6);
  }
  thickness = MIN (ecart_chart_bands_get_thickness (&bands), 44.0 * s);
  _ecart_chart_row_labels_init (&names, scene, ECART_CHART_FONT_LABEL, bands.step);
  _ecart_chart_row_labels_init (&margins, scene, ECART_CHART_FONT_HEADING, bands.step);
  two_lines = bands.step >= 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK) + 4.0 * s;

  for (guint i = 0; i < data->bars->len; i++)
    {
      const EcartChartNpsGroup *group = &g_array_index (data->bars, EcartChartNpsGroup, i);
      double cy = ecart_chart_bands_get_centre (&bands, i);
      double shares[3] = { group->nps.detractors_pct, group->nps.passives_pct, group->nps.promoters_pct };
      static const EcartChartMeasure measures[3] = {
        ECART_CHART_MEASURE_DETRACTORS, ECART_CHART_MEASURE_PASSIVES, ECART_CHART_MEASURE_PROMOTERS,
      };
      const EcartChartColor *fills[3] = { &style->negative, &style->passives, &style->positive };
      double from[3];
      double to[3];
      gboolean margin = (data->segment == NULL && group->segment == NULL)
                        || (data->segment != NULL && group->wave == NULL);
      EcartChartHit hit;

      if (margin && i > 0)
        ecart_chart_scene_line (scene, box->x, cy - bands.step / 2.0, box->x + box->width, cy - bands.step / 2.0,
                                &style->axis, 1.0 * s, ECART_CHART_DASH_SOLID);
      _ecart_chart_row_label (scene, margin ? &margins : &names, i, group->name, box->x + label_width, cy,
                              ECART_CHART_ANCHOR_RIGHT, label_width, &style->foreground);

      if (group->nps.n == 0)
        {
          ecart_chart_scene_text (scene, ECART_CHART_FONT_LABEL, _("No recommendation scores"), x0, cy,
                                  ECART_CHART_ANCHOR_LEFT, x1 - x0, 1, &style->secondary, NULL);
          continue;
        }

      ecart_chart_stack_extents (shares, 3, x0, x1, from, to);
      for (guint k = 0; k < 3; k++)
        {
          EcartChartRect part = { from[k], cy - thickness / 2.0, to[k] - from[k], thickness };
          g_autofree char *text = _ecart_chart_format_percent (shares[k]);
          g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_VALUE, text, -1, 1,
                                                                   PANGO_ALIGN_CENTER);
          EcartChartColor ink;
          double w;

          if (part.width <= 0.0)
            continue;
          ecart_chart_scene_rect (scene, &part, fills[k], NULL, 0);
          ecart_chart_label_get_size (layout, &w, NULL);
          if (w + 8.0 * s <= part.width && !group->nps.insufficient)
            {
              ecart_chart_text_color_on (style, fills[k], &ink);
              ecart_chart_scene_place (scene, layout, part.x + part.width / 2.0, cy, ECART_CHART_ANCHOR_CENTRE,
                                       &ink, NULL);
            }
          nps_hit (&hit, group, ECART_CHART_ELEMENT_SLICE, measures[k], shares[k], &part);
          ecart_chart_scene_add_hit (scene, &hit);
        }
      if (group->nps.insufficient)
        {
          EcartChartRect bar = { x0, cy - thickness / 2.0, x1 - x0, thickness };
          EcartChartColor veil = style->background;

          veil.alpha = 0.55;
          ecart_chart_scene_rect (scene, &bar, &veil, NULL, 0);
          ecart_chart_scene_hatch (scene, &bar, &style->insufficient, 5.0 * s, 1.0 * s);
        }

      /* The NPS and its interval, right of the bar. */
      {
        g_autofree char *nps = _ecart_chart_format_signed (group->nps.nps);
        g_autofree char *interval = _ecart_chart_format_interval (group->nps.ci_low, group->nps.ci_high, TRUE);
        g_autofree char *count = _ecart_chart_format_n (group->nps.n);
        g_autofree char *title = g_strdup_printf (_("NPS %s"), nps);
        g_autofree char *detail = g_strdup_printf ("%s · %s", interval, count);
        double line = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
        EcartChartRect value_bounds;

        /* The interval and n under the NPS when the row has room for two lines. */
        ecart_chart_scene_text (scene, ECART_CHART_FONT_VALUE, title, x1 + 12.0 * s, two_lines ? cy - line / 2.0 : cy,
                                ECART_CHART_ANCHOR_LEFT, value_width - 14.0 * s, 1,
                                group->nps.insufficient ? &style->insufficient : &style->foreground, &value_bounds);
        if (two_lines)
          ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, detail, x1 + 12.0 * s, cy + line / 2.0 + 1.0 * s,
                                  ECART_CHART_ANCHOR_LEFT, value_width - 14.0 * s, 1,
                                  group->nps.insufficient ? &style->insufficient : &style->secondary, NULL);
        value_bounds = (EcartChartRect) { x1, cy - line, value_width, 2 * line };
        nps_hit (&hit, group, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NPS, group->nps.nps, &value_bounds);
        ecart_chart_scene_add_hit (scene, &hit);
      }
    }
  _ecart_chart_row_labels_clear (&names);
  _ecart_chart_row_labels_clear (&margins);
}

static void
series_color (const EcartChartStyle     *style,
              const EcartChartNpsSeries *series,
              gboolean                   alone,
              EcartChartColor           *color)
{
  if (alone)
    {
      *color = style->foreground;
      color->alpha = 1.0;
      return;
    }
  ecart_chart_color_from_hex (series->color, &style->secondary, color);
}

/* The change written next to a point: labels of one wave are spread so as not to overlap. */
typedef struct
{
  guint           wave;
  double          x;
  double          y;
  double          placed;
  EcartChartColor color;
  char           *text;
} ChangeLabel;

static void
change_label_clear (gpointer data)
{
  g_free (((ChangeLabel *)data)->text);
}

static int
compare_change_y (gconstpointer a,
                  gconstpointer b)
{
  const ChangeLabel *x = a;
  const ChangeLabel *y = b;

  if (x->wave != y->wave)
    return x->wave < y->wave ? -1 : 1;
  return x->y < y->y ? -1 : x->y > y->y ? 1 : 0;
}

static void
place_changes (EcartChartScene      *scene,
               GArray               *changes,
               const EcartChartRect *area,
               double                width)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double gap = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_VALUE) + ecart_chart_scene_px (scene, 1.0);

  g_array_sort (changes, compare_change_y);
  for (guint first = 0; first < changes->len;)
    {
      guint end = first;
      g_autofree double *positions = NULL;

      while (end < changes->len && g_array_index (changes, ChangeLabel, end).wave
                                   == g_array_index (changes, ChangeLabel, first).wave)
        end++;
      positions = g_new (double, end - first);
      for (guint k = first; k < end; k++)
        positions[k - first] = g_array_index (changes, ChangeLabel, k).y;
      ecart_chart_spread (positions, end - first, gap, area->y + gap / 2.0, area->y + area->height - gap / 2.0);
      for (guint k = first; k < end; k++)
        {
          ChangeLabel *label = &g_array_index (changes, ChangeLabel, k);
          g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_VALUE, label->text,
                                                                   width, 1, PANGO_ALIGN_LEFT);
          EcartChartColor halo = style->background;
          EcartChartRect back;

          ecart_chart_label_get_size (layout, &back.width, &back.height);
          back.x = label->x - 2.0 * ecart_chart_scene_px (scene, 1.0);
          back.y = positions[k - first] - back.height / 2.0;
          back.width = MIN (back.width, width) + 4.0 * ecart_chart_scene_px (scene, 1.0);
          halo.alpha = 0.85;
          ecart_chart_scene_rect (scene, &back, &halo, NULL, 0);
          ecart_chart_scene_place (scene, layout, label->x, positions[k - first], ECART_CHART_ANCHOR_LEFT,
                                   &label->color, NULL);
        }
      first = end;
    }
}

static void
layout_trend (EcartChartScene         *scene,
              const EcartChartNpsData *data,
              const EcartChartRect    *box)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double s = ecart_chart_scene_px (scene, 1.0);
  guint n_waves = data->wave_names->len;
  guint n_series = data->series->len;
  double low = 0.0;
  double high = 0.0;
  double top = box->y;
  double label_lines = 2 * ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL);
  EcartChartRect bounds;
  EcartChartRect area;
  EcartChartAxis axis;
  EcartChartBands bands;
  double axis_width;
  double dodge;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (ChangeLabel));

  g_array_set_clear_func (changes, change_label_clear);
  ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, data->trend_title, box->x, top,
                          ECART_CHART_ANCHOR_TOP_LEFT, box->width, 2, &style->foreground, &bounds);
  top += bounds.height + 14.0 * s;

  for (guint i = 0; i < n_series; i++)
    {
      const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartChartNpsGroup *point = &g_array_index (series->points, EcartChartNpsGroup, w);

          if (point->nps.n == 0)
            continue;
          low = MIN (low, MIN (point->nps.nps, point->nps.ci_low));
          high = MAX (high, MAX (point->nps.nps, point->nps.ci_high));
        }
    }
  ecart_chart_axis_nice (&axis, low, high,
                         ecart_chart_max_ticks (box->y + box->height - top - label_lines, 64.0 * s));
  axis_width = _ecart_chart_axis_label_width (scene, &axis, TRUE, "") + 10.0 * s;
  area = (EcartChartRect) { box->x + axis_width, top, MAX (box->width - axis_width, 1.0),
                            MAX (box->y + box->height - top - label_lines - 10.0 * s, 1.0) };
  _ecart_chart_axis_left (scene, &axis, &area, TRUE, "");
  ecart_chart_bands_init (&bands, MAX (n_waves, 1), area.x, area.x + area.width, 1.0);
  dodge = n_series > 1 ? MIN (bands.step * 0.5 / n_series, 10.0 * s) : 0.0;

  for (guint w = 0; w < n_waves; w++)
    ecart_chart_scene_text (scene, ECART_CHART_FONT_LABEL, g_ptr_array_index (data->wave_names, w),
                            ecart_chart_bands_get_centre (&bands, w), area.y + area.height + 8.0 * s,
                            ECART_CHART_ANCHOR_TOP, bands.step - 8.0 * s, 2, &style->foreground, NULL);

  for (guint i = 0; i < n_series; i++)
    {
      const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);
      g_autofree double *xy = g_new (double, 2 * MAX (n_waves, 1));
      guint count = 0;
      EcartChartColor color;
      EcartChartColor whisker;
      double offset = (i - (n_series - 1) / 2.0) * dodge;

      series_color (style, series, n_series == 1, &color);
      whisker = color;
      whisker.alpha = 0.7;

      for (guint w = 0; w <= series->points->len; w++)
        {
          const EcartChartNpsGroup *point = w < series->points->len
                                            ? &g_array_index (series->points, EcartChartNpsGroup, w) : NULL;

          if (point != NULL && point->nps.n > 0)
            {
              xy[2 * count] = ecart_chart_bands_get_centre (&bands, w) + offset;
              xy[2 * count + 1] = ecart_chart_axis_to_pixel (&axis, point->nps.nps, area.y + area.height, area.y);
              count++;
              continue;
            }
          if (count > 1)
            ecart_chart_scene_path (scene, xy, count, FALSE, NULL, &color, 2.5 * s, ECART_CHART_DASH_SOLID);
          count = 0;
        }

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartChartNpsGroup *point = &g_array_index (series->points, EcartChartNpsGroup, w);
          double x = ecart_chart_bands_get_centre (&bands, w) + offset;
          double y;
          double r = 5.5 * s;
          EcartChartHit hit;
          EcartChartRect box_hit;

          if (point->nps.n == 0)
            continue;
          y = ecart_chart_axis_to_pixel (&axis, point->nps.nps, area.y + area.height, area.y);
          _ecart_chart_whisker (scene, FALSE, x,
                                ecart_chart_axis_to_pixel (&axis, point->nps.ci_low, area.y + area.height, area.y),
                                ecart_chart_axis_to_pixel (&axis, point->nps.ci_high, area.y + area.height, area.y),
                                4.0 * s, point->nps.insufficient ? &style->insufficient : &whisker, 1.5 * s);
          _ecart_chart_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r, &color, point->nps.insufficient);
          if (point->nps.insufficient)
            {
              ChangeLabel label = { w, x + r + 8.0 * s, y, y, style->insufficient, NULL };

              label.text = _ecart_chart_format_n (point->nps.n);
              g_array_append_val (changes, label);
            }
          else if (point->has_change && point->change.significant)
            {
              ChangeLabel label = { w, x + r + 8.0 * s, y, y, color, NULL };
              g_autofree char *change = _ecart_chart_format_signed (point->change.difference);

              ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r + 4.0 * s, NULL, &color, 1.5 * s);
              label.text = g_strconcat (change, "*", NULL);
              g_array_append_val (changes, label);
            }
          box_hit = (EcartChartRect) { x - r - 2.0 * s, y - r - 2.0 * s, 2 * r + 4.0 * s, 2 * r + 4.0 * s };
          nps_hit (&hit, point, ECART_CHART_ELEMENT_MARKER, ECART_CHART_MEASURE_NPS, point->nps.nps, &box_hit);
          ecart_chart_scene_add_hit (scene, &hit);
        }
    }
  place_changes (scene, changes, &area, bands.step / 2.0);
}

/* With more than a few segments, one small panel per segment on a shared scale rather than
 * a tangle of lines. */
#define MAX_OVERLAID 4

static void
layout_trend_panels (EcartChartScene         *scene,
                     const EcartChartNpsData *data,
                     const EcartChartRect    *box)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double s = ecart_chart_scene_px (scene, 1.0);
  guint n_waves = data->wave_names->len;
  guint n = data->series->len;
  double tick_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
  double title_height = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK);
  double low = 0.0;
  double high = 0.0;
  double top = box->y;
  double axis_width;
  EcartChartRect bounds;
  EcartChartRect panels;
  EcartChartGrid grid;
  EcartChartAxis axis;
  guint n_rows;
  guint n_columns;

  ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, data->trend_title, box->x, top,
                          ECART_CHART_ANCHOR_TOP_LEFT, box->width, 2, &style->foreground, &bounds);
  top += bounds.height + 10.0 * s;

  for (guint i = 0; i < n; i++)
    {
      const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartChartNpsGroup *point = &g_array_index (series->points, EcartChartNpsGroup, w);

          if (point->nps.n == 0)
            continue;
          low = MIN (low, MIN (point->nps.nps, point->nps.ci_low));
          high = MAX (high, MAX (point->nps.nps, point->nps.ci_high));
        }
    }

  ecart_chart_axis_nice (&axis, low, high, 3);
  axis_width = _ecart_chart_axis_label_width (scene, &axis, TRUE, "") + 6.0 * s;
  panels = (EcartChartRect) { box->x + axis_width, top, MAX (box->width - axis_width, 1.0),
                              MAX (box->y + box->height - top - tick_height - 6.0 * s, 1.0) };
  ecart_chart_grid_shape (n, panels.width, panels.height, 1.3, &n_rows, &n_columns);
  ecart_chart_grid_init (&grid, &panels, n_rows, n_columns, 14.0 * s);

  for (guint i = 0; i < n; i++)
    {
      const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);
      guint row = i / n_columns;
      guint column = i % n_columns;
      gboolean bottom_row = row == n_rows - 1 || i + n_columns >= n;
      EcartChartRect cell;
      EcartChartRect area;
      EcartChartBands bands;
      EcartChartColor color;
      EcartChartColor whisker;
      g_autofree double *xy = g_new (double, 2 * MAX (n_waves, 1));
      guint count = 0;

      series_color (style, series, FALSE, &color);
      whisker = color;
      whisker.alpha = 0.7;
      ecart_chart_grid_get_cell (&grid, row, column, &cell);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, series->name, cell.x, cell.y,
                              ECART_CHART_ANCHOR_TOP_LEFT, cell.width, 1, &style->foreground, NULL);
      area = (EcartChartRect) { cell.x, cell.y + title_height + 3.0 * s, cell.width,
                                MAX (cell.height - title_height - 3.0 * s, 1.0) };
      ecart_chart_scene_rect (scene, &area, &style->band, NULL, 0);
      for (guint t = 0; t < axis.n_ticks; t++)
        {
          double value = ecart_chart_axis_get_tick (&axis, t);
          double y = ecart_chart_axis_to_pixel (&axis, value, area.y + area.height, area.y);
          gboolean zero = fabs (value) < axis.step * 1e-6;

          ecart_chart_scene_line (scene, area.x, y, area.x + area.width, y, zero ? &style->axis : &style->grid,
                                  1.0 * s, ECART_CHART_DASH_SOLID);
          if (column == 0)
            {
              g_autofree char *text = ecart_chart_format_tick (&axis, value, TRUE);
              ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, area.x - 5.0 * s, y,
                                      ECART_CHART_ANCHOR_RIGHT, -1, 1, &style->secondary, NULL);
            }
        }

      ecart_chart_bands_init (&bands, MAX (n_waves, 1), area.x, area.x + area.width, 1.0);
      if (bottom_row)
        for (guint w = 0; w < n_waves; w++)
          ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, g_ptr_array_index (data->wave_names, w),
                                  ecart_chart_bands_get_centre (&bands, w), area.y + area.height + 3.0 * s,
                                  ECART_CHART_ANCHOR_TOP, bands.step - 2.0 * s, 1, &style->secondary, NULL);

      for (guint w = 0; w <= series->points->len; w++)
        {
          const EcartChartNpsGroup *point = w < series->points->len
                                            ? &g_array_index (series->points, EcartChartNpsGroup, w) : NULL;

          if (point != NULL && point->nps.n > 0)
            {
              xy[2 * count] = ecart_chart_bands_get_centre (&bands, w);
              xy[2 * count + 1] = ecart_chart_axis_to_pixel (&axis, point->nps.nps, area.y + area.height, area.y);
              count++;
              continue;
            }
          if (count > 1)
            ecart_chart_scene_path (scene, xy, count, FALSE, NULL, &color, 2.0 * s, ECART_CHART_DASH_SOLID);
          count = 0;
        }

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartChartNpsGroup *point = &g_array_index (series->points, EcartChartNpsGroup, w);
          double x = ecart_chart_bands_get_centre (&bands, w);
          double r = 3.5 * s;
          double y;
          EcartChartHit hit;
          EcartChartRect box_hit;

          if (point->nps.n == 0)
            continue;
          y = ecart_chart_axis_to_pixel (&axis, point->nps.nps, area.y + area.height, area.y);
          _ecart_chart_whisker (scene, FALSE, x,
                                ecart_chart_axis_to_pixel (&axis, point->nps.ci_low, area.y + area.height, area.y),
                                ecart_chart_axis_to_pixel (&axis, point->nps.ci_high, area.y + area.height, area.y),
                                2.5 * s, point->nps.insufficient ? &style->insufficient : &whisker, 1.2 * s);
          _ecart_chart_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r, &color, point->nps.insufficient);
          if (point->has_change && point->change.significant)
            ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, x, y, r + 3.0 * s, NULL, &color, 1.5 * s);
          /* Too few respondents: their n beside the point, where the panel leaves room. */
          if (point->nps.insufficient && bands.step >= 70.0 * s && area.height >= 3 * tick_height)
            {
              g_autofree char *respondents = _ecart_chart_format_n (point->nps.n);
              gboolean above = y > area.y + area.height / 2.0;

              ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, respondents, x, above ? y - r - 2.0 * s : y + r + 2.0 * s,
                                      above ? ECART_CHART_ANCHOR_BOTTOM : ECART_CHART_ANCHOR_TOP, bands.step - 4.0 * s,
                                      1, &style->insufficient, NULL);
            }
          box_hit = (EcartChartRect) { x - r - 2.0 * s, y - r - 2.0 * s, 2 * r + 4.0 * s, 2 * r + 4.0 * s };
          nps_hit (&hit, point, ECART_CHART_ELEMENT_MARKER, ECART_CHART_MEASURE_NPS, point->nps.nps, &box_hit);
          ecart_chart_scene_add_hit (scene, &hit);
        }
    }
}

void
_ecart_chart_nps_layout (EcartChartScene *scene,
                         gconstpointer    pointer)
{
  const EcartChartNpsData *data = pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  double s = ecart_chart_scene_px (scene, 1.0);
  gboolean any_insufficient = FALSE;
  gboolean any_insufficient_point = FALSE;
  gboolean any_significant = FALSE;
  EcartChartColor whisker = style->foreground;
  EcartChartRect plot;
  EcartChartRect left;
  EcartChartRect right;
  double gutter = 48.0 * s;

  for (guint i = 0; i < data->bars->len; i++)
    any_insufficient |= g_array_index (data->bars, EcartChartNpsGroup, i).nps.insufficient;
  for (guint i = 0; i < data->series->len; i++)
    {
      const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);

      for (guint w = 0; w < series->points->len; w++)
        {
          const EcartChartNpsGroup *point = &g_array_index (series->points, EcartChartNpsGroup, w);
          any_significant |= point->has_change && point->change.significant;
          any_insufficient_point |= point->nps.insufficient && point->nps.n > 0;
        }
    }

  whisker.alpha = 0.7;
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SWATCH, 0, &style->negative, _("Detractors (0–6)"));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SWATCH, 0, &style->passives, _("Passives (7–8)"));
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SWATCH, 0, &style->positive, _("Promoters (9–10)"));
  if (data->series->len > 1 && data->series->len <= MAX_OVERLAID)
    for (guint i = 0; i < data->series->len; i++)
      {
        const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);
        EcartChartColor color;

        series_color (style, series, FALSE, &color);
        _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_LINE, 0, &color, series->name);
      }
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_WHISKER, 0, &whisker, _("NPS: confidence interval"));
  if (any_significant)
    _ecart_chart_legend_add_symbol (legend, data->series->len > MAX_OVERLAID ? "◯" : "◯*",
                                    _("Significant change from the previous wave"));
  if (any_insufficient)
    _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_HATCH, 0, NULL, _("Insufficient data"));
  if (any_insufficient_point)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE, &style->foreground,
                               _("Insufficient data in a wave"));
      _ecart_chart_legend_last (legend)->hollow = TRUE;
    }
  _ecart_chart_frame_layout (scene, &data->frame, legend, &plot);

  left = (EcartChartRect) { plot.x, plot.y, (plot.width - gutter) * 0.56, plot.height };
  right = (EcartChartRect) { left.x + left.width + gutter, plot.y, plot.width - left.width - gutter, plot.height };
  layout_bars (scene, data, &left);
  if (data->series->len > MAX_OVERLAID)
    layout_trend_panels (scene, data, &right);
  else
    layout_trend (scene, data, &right);
}

void
ecart_chart_nps_draw (cairo_t                 *cr,
                      double                   width,
                      double                   height,
                      const EcartChartNpsData *data,
                      const EcartChartStyle   *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_nps_layout);
}

static void
add_row (GPtrArray                *rows,
         const char               *segment,
         const char               *wave,
         const EcartChartNpsGroup *group)
{
  const EcartNps *nps = &group->nps;

  _ecart_chart_rows_add (rows, g_strdup (segment), g_strdup (wave), _ecart_chart_format_count (nps->n),
                         _ecart_chart_format_percent (nps->detractors_pct),
                         _ecart_chart_format_percent (nps->passives_pct),
                         _ecart_chart_format_percent (nps->promoters_pct),
                         _ecart_chart_format_signed (nps->nps),
                         _ecart_chart_format_interval (nps->ci_low, nps->ci_high, TRUE),
                         group->has_change ? _ecart_chart_format_signed (group->change.difference) : g_strdup ("–"),
                         g_strdup (!group->has_change ? "–" : group->change.significant ? _("yes") : _("no")),
                         g_strdup (nps->insufficient && nps->n > 0 ? _("Insufficient data") : ""), NULL);
}

GPtrArray *
_ecart_chart_nps_rows (gconstpointer pointer)
{
  const EcartChartNpsData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Segment")), g_strdup (_("Wave")), g_strdup (C_("column", "n")),
                         g_strdup (C_("column", "Detractors")), g_strdup (C_("column", "Passives")),
                         g_strdup (C_("column", "Promoters")), g_strdup (C_("column", "NPS")),
                         g_strdup (C_("column", "Interval")), g_strdup (C_("column", "Change")),
                         g_strdup (C_("column", "Significant change")), g_strdup (C_("column", "Note")), NULL);
  for (guint i = 0; i < data->series->len; i++)
    {
      const EcartChartNpsSeries *series = g_ptr_array_index (data->series, i);

      for (guint w = 0; w < series->points->len; w++)
        add_row (rows, series->name, g_ptr_array_index (data->wave_names, w),
                 &g_array_index (series->points, EcartChartNpsGroup, w));
      for (guint b = 0; b < data->bars->len; b++)
        {
          const EcartChartNpsGroup *group = &g_array_index (data->bars, EcartChartNpsGroup, b);

          if (group->wave == NULL && group->segment == series->segment)
            add_row (rows, series->name, _("All waves"), group);
        }
    }
  for (guint b = 0; b < data->bars->len; b++)
    {
      const EcartChartNpsGroup *group = &g_array_index (data->bars, EcartChartNpsGroup, b);

      if (group->wave == NULL && group->segment == NULL)
        add_row (rows, _("All segments"), _("All waves"), group);
    }
  return rows;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ecart-chart-private.h"

/* The four-dimension profile: one row per attribute, grouped by pillar, with a marker for
 * each of Desired, Proposed, Expected and Lived on the 0–10 axis, and the confidence
 * intervals of the two measured ones. */

static const EcartDimension order[] = {
  ECART_DIMENSION_DESIRED, ECART_DIMENSION_PROPOSED, ECART_DIMENSION_EXPECTED, ECART_DIMENSION_LIVED,
};

static gboolean
has_any_value (const EcartChartAttribute *item)
{
  for (guint d = 0; d < ECART_N_DIMENSIONS; d++)
    if (isfinite (item->value[d]))
      return TRUE;
  return FALSE;
}

gpointer
_ecart_chart_profile_data_new (EcartGapTable *table,
                               EcartSegment  *segment,
                               EcartGapKind   gap)
{
  EcartChartProfileData *data = g_new0 (EcartChartProfileData, 1);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  GListModel *rows;
  gboolean any_insufficient = FALSE;
  g_autofree char *interval = NULL;
  g_autofree char *insufficient = NULL;

  data->attributes = _ecart_chart_attributes_new ();
  data->segment = _ecart_chart_pick_segment (table, segment);
  data->frame.title = g_strdup (_("Desired, proposed, expected and lived experience"));
  data->frame.subtitle = _ecart_chart_describe_table (table, data->segment);
  if (!_ecart_chart_check_table (table, data->segment, TRUE, &data->frame))
    return data;

  rows = ecart_gap_table_get_segment_rows (table, data->segment);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      EcartChartAttribute item;

      _ecart_chart_attribute_fill (&item, row, gap, workspace);
      if (!has_any_value (&item))
        {
          g_free (item.name);
          g_free (item.group);
          continue;
        }
      for (guint d = ECART_DIMENSION_EXPECTED; d <= ECART_DIMENSION_LIVED; d++)
        any_insufficient |= item.insufficient[d] && item.n[d] > 0;
      g_array_append_val (data->attributes, item);
    }

  interval = _ecart_chart_interval_note (table);
  insufficient = any_insufficient ? _ecart_chart_insufficient_note (table) : g_strdup ("");
  data->frame.note = g_strdup_printf ("%s %s %s", _("Scores on 0–10, per attribute, grouped by pillar."),
                                      interval, insufficient);
  g_strchomp (data->frame.note);

  if (data->attributes->len == 0)
    data->frame.empty_message = g_strdup_printf (_("Nothing is set or measured for %s yet: set its "
                                                   "desired experience in the workshop, or import a "
                                                   "survey wave."),
                                                 _ecart_chart_segment_name (data->segment));
  return data;
}

void
_ecart_chart_profile_data_free (gpointer pointer)
{
  EcartChartProfileData *data = pointer;

  _ecart_chart_frame_clear (&data->frame);
  g_array_unref (data->attributes);
  g_free (data);
}

/* Rows of the chart: attributes and, with several pillars, a heading before each pillar. */
typedef struct
{
  int         attribute;  /* index, or −1 for a heading */
  const char *heading;
} Row;

static GArray *
make_rows (const GArray *attributes,
           gboolean      headings)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  gboolean several = FALSE;

  for (guint i = 1; headings && i < attributes->len; i++)
    if (g_strcmp0 (g_array_index (attributes, EcartChartAttribute, i).group,
                   g_array_index (attributes, EcartChartAttribute, 0).group) != 0)
      several = TRUE;

  for (guint i = 0; i < attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (attributes, EcartChartAttribute, i);
      Row row = { (int)i, NULL };

      if (several && (i == 0 || g_strcmp0 (item->group,
                                           g_array_index (attributes, EcartChartAttribute, i - 1).group) != 0))
        {
          Row heading = { -1, item->group };
          g_array_append_val (rows, heading);
        }
      g_array_append_val (rows, row);
    }
  return rows;
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
_ecart_chart_profile_min_plot_height (EcartChartScene *scene,
                                      gconstpointer    pointer,
                                      double           plot_width)
{
  const EcartChartProfileData *data = pointer;
  g_autoptr(GArray) rows = make_rows (data->attributes, TRUE);

  return rows->len * min_row_height (scene) + axis_height (scene);
}

/* The widest label at one line, within [min, max]. */
static double
label_column_width (EcartChartScene *scene,
                    const GArray    *attributes,
                    double           min,
                    double           max)
{
  double widest = 0.0;

  for (guint i = 0; i < attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (attributes, EcartChartAttribute, i);
      g_autoptr(PangoLayout) label = ecart_chart_scene_label (scene, ECART_CHART_FONT_LABEL, item->name,
                                                              -1, 1, PANGO_ALIGN_RIGHT);
      double w;

      ecart_chart_label_get_size (label, &w, NULL);
      widest = MAX (widest, w);
    }
  return CLAMP (ceil (widest) + 1.0, min, MAX (min, max));
}

static void
add_value_hit (EcartChartScene           *scene,
               EcartChartProfileData     *data,
               const EcartChartAttribute *item,
               EcartDimension             dimension,
               EcartChartElement          element,
               const EcartChartRect      *bounds)
{
  EcartChartHit hit;

  ecart_chart_hit_init (&hit, element, ECART_CHART_MEASURE_DIMENSION);
  hit.segment = data->segment;
  hit.attribute = item->attribute;
  hit.dimension = dimension;
  hit.value = item->value[dimension];
  hit.ci_low = item->ci_low[dimension];
  hit.ci_high = item->ci_high[dimension];
  hit.n = item->n[dimension];
  hit.insufficient = item->insufficient[dimension];
  hit.importance = item->importance;
  hit.x = bounds->x, hit.y = bounds->y, hit.width = bounds->width, hit.height = bounds->height;
  ecart_chart_scene_add_hit (scene, &hit);
}

void
_ecart_chart_profile_layout (EcartChartScene *scene,
                             gconstpointer    pointer)
{
  EcartChartProfileData *data = (EcartChartProfileData *)pointer;
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  g_autoptr(GArray) legend = _ecart_chart_legend_new ();
  g_autoptr(GArray) rows = make_rows (data->attributes, TRUE);
  EcartChartRowLabels labels;
  EcartChartRowLabels notes;
  gboolean any_insufficient = FALSE;
  EcartChartRect plot;
  EcartChartRect area;
  EcartChartAxis axis;
  EcartChartBands bands;
  double s = ecart_chart_scene_px (scene, 1.0);
  double label_width;
  double n_column;
  double x0;
  double x1;
  double row_height;
  double lane;
  double radius;

  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      any_insufficient |= (item->insufficient[ECART_DIMENSION_EXPECTED] && item->n[ECART_DIMENSION_EXPECTED] > 0)
                          || (item->insufficient[ECART_DIMENSION_LIVED] && item->n[ECART_DIMENSION_LIVED] > 0);
    }

  for (guint d = 0; d < G_N_ELEMENTS (order); d++)
    _ecart_chart_legend_add_dimension (legend, style, order[d]);
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_WHISKER, 0, &style->secondary,
                           _("Confidence interval"));
  if (any_insufficient)
    {
      _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER, ECART_CHART_SHAPE_CIRCLE,
                               &style->dimensions[ECART_DIMENSION_LIVED], _("Insufficient data, with its n"));
      _ecart_chart_legend_last (legend)->hollow = TRUE;
    }
  _ecart_chart_frame_layout (scene, &data->frame, legend, &plot);

  /* Columns: labels | axis | n of insufficient values. */
  label_width = label_column_width (scene, data->attributes, 80.0 * s, plot.width * 0.34);
  n_column = any_insufficient ? 72.0 * s : 0.0;
  x0 = plot.x + label_width + 16.0 * s;
  x1 = plot.x + plot.width - n_column - 10.0 * s;
  area = (EcartChartRect) { x0, plot.y, MAX (x1 - x0, 1.0), MAX (plot.height - axis_height (scene), 1.0) };

  /* Markers, not bars: the axis can start where the values start, on a whole point. */
  {
    double low = 10.0;
    double high = 0.0;

    for (guint i = 0; i < data->attributes->len; i++)
      {
        const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);

        for (guint d = 0; d < ECART_N_DIMENSIONS; d++)
          {
            double lo = isfinite (item->ci_low[d]) ? item->ci_low[d] : item->value[d];
            double hi = isfinite (item->ci_high[d]) ? item->ci_high[d] : item->value[d];

            if (isfinite (lo))
              low = MIN (low, lo);
            if (isfinite (hi))
              high = MAX (high, hi);
          }
      }
    low = CLAMP (floor (low - 0.25), 0.0, 9.0);
    high = CLAMP (ceil (high + 0.25), low + 1.0, 10.0);
    ecart_chart_axis_nice (&axis, low, high, ecart_chart_max_ticks (area.width, 90.0 * s));
    if (axis.step < 0.5)
      ecart_chart_axis_fixed (&axis, axis.min, axis.max, 0.5);
  }
  _ecart_chart_axis_bottom (scene, &axis, &area, FALSE, _("Score on 0–10"));

  /* Rows too thin for a line of text: no pillar headings, they would take rows. */
  if (area.height / rows->len < ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL))
    {
      g_array_unref (rows);
      rows = make_rows (data->attributes, FALSE);
    }
  ecart_chart_bands_init (&bands, rows->len, area.y, area.y + area.height, 1.0);
  row_height = bands.step;
  _ecart_chart_row_labels_init (&labels, scene, ECART_CHART_FONT_LABEL, row_height);
  _ecart_chart_row_labels_init (&notes, scene, ECART_CHART_FONT_TICK, row_height);
  /* Four lanes in a row, so that the markers and intervals of close values stay apart. */
  lane = MIN (row_height * 0.13, 5.5 * s);
  radius = CLAMP (row_height * 0.2, 3.0 * s, 6.5 * s);

  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      double cy = ecart_chart_bands_get_centre (&bands, r);
      const EcartChartAttribute *item;
      double low = G_MAXDOUBLE;
      double high = -G_MAXDOUBLE;
      if (row->attribute < 0)
        {
          ecart_chart_scene_text (scene, ECART_CHART_FONT_HEADING, row->heading, plot.x,
                                  cy + row_height * 0.1, ECART_CHART_ANCHOR_LEFT, plot.width, 1,
                                  &style->secondary, NULL);
          continue;
        }

      item = &g_array_index (data->attributes, EcartChartAttribute, row->attribute);
      if (row->attribute % 2 == 1)
        {
          EcartChartRect band = { plot.x, cy - row_height / 2.0, plot.width, row_height };
          ecart_chart_scene_rect (scene, &band, &style->band, NULL, 0);
        }

      _ecart_chart_row_label (scene, &labels, row->attribute, item->name, x0 - 16.0 * s, cy,
                              ECART_CHART_ANCHOR_RIGHT, label_width, &style->foreground);
      {
        EcartChartHit hit;

        ecart_chart_hit_init (&hit, ECART_CHART_ELEMENT_LABEL, ECART_CHART_MEASURE_NONE);
        hit.segment = data->segment;
        hit.attribute = item->attribute;
        hit.importance = item->importance;
        hit.x = plot.x, hit.y = cy - row_height / 2.0, hit.width = label_width + 16.0 * s;
        hit.height = row_height;
        ecart_chart_scene_add_hit (scene, &hit);
      }

      /* The span of the four values, faint, to read the row as one. */
      for (guint d = 0; d < ECART_N_DIMENSIONS; d++)
        if (isfinite (item->value[d]))
          {
            low = MIN (low, item->value[d]);
            high = MAX (high, item->value[d]);
          }
      if (high > low)
        ecart_chart_scene_line (scene, ecart_chart_axis_to_pixel (&axis, low, x0, x1), cy,
                                ecart_chart_axis_to_pixel (&axis, high, x0, x1), cy, &style->grid,
                                MAX (2.0 * s, radius * 0.6), ECART_CHART_DASH_SOLID);

      for (guint d = 0; d < G_N_ELEMENTS (order); d++)
        {
          EcartDimension dimension = order[d];
          double value = item->value[dimension];
          double y = cy + (d - 1.5) * lane;
          const EcartChartColor *color = _ecart_chart_dimension_color (style, dimension);
          double x;
          EcartChartRect bounds;

          if (!isfinite (value))
            continue;
          x = ecart_chart_axis_to_pixel (&axis, value, x0, x1);

          if (isfinite (item->ci_low[dimension]) && isfinite (item->ci_high[dimension]))
            {
              double from = ecart_chart_axis_to_pixel (&axis, CLAMP (item->ci_low[dimension], 0, 10), x0, x1);
              double to = ecart_chart_axis_to_pixel (&axis, CLAMP (item->ci_high[dimension], 0, 10), x0, x1);
              EcartChartColor whisker = *color;

              if (item->insufficient[dimension])
                ecart_chart_color_mix (color, &style->insufficient, 0.5, &whisker);
              _ecart_chart_whisker (scene, TRUE, y, from, to, MIN (radius * 0.8, 4.0 * s), &whisker, 1.5 * s);
              bounds = (EcartChartRect) { from, y - 2.0 * s, to - from, 4.0 * s };
              add_value_hit (scene, data, item, dimension, ECART_CHART_ELEMENT_WHISKER, &bounds);
            }

          _ecart_chart_marker (scene, _ecart_chart_dimension_shape (dimension), x, y, radius, color,
                               item->insufficient[dimension]);
          bounds = (EcartChartRect) { x - radius, y - radius, 2 * radius, 2 * radius };
          add_value_hit (scene, data, item, dimension, ECART_CHART_ELEMENT_MARKER, &bounds);
        }

      if (any_insufficient)
        {
          g_autoptr(GString) note = g_string_new (NULL);

          for (guint d = ECART_DIMENSION_EXPECTED; d <= ECART_DIMENSION_LIVED; d++)
            if (item->insufficient[d] && item->n[d] > 0)
              {
                g_autofree char *n = _ecart_chart_format_n (item->n[d]);
                g_string_append_printf (note, "%s%s", note->len > 0 ? ", " : "", n);
              }
          if (note->len > 0)
            _ecart_chart_row_label (scene, &notes, row->attribute, note->str, plot.x + plot.width, cy,
                                    ECART_CHART_ANCHOR_RIGHT, n_column, &style->insufficient);
        }
    }
  _ecart_chart_row_labels_clear (&labels);
  _ecart_chart_row_labels_clear (&notes);
}

void
ecart_chart_profile_draw (cairo_t                     *cr,
                          double                       width,
                          double                       height,
                          const EcartChartProfileData *data,
                          const EcartChartStyle       *style)
{
  _ecart_chart_draw_with (cr, width, height, data, style, _ecart_chart_profile_layout);
}

GPtrArray *
_ecart_chart_profile_rows (gconstpointer pointer)
{
  const EcartChartProfileData *data = pointer;
  GPtrArray *rows = _ecart_chart_rows_new ();

  _ecart_chart_rows_add (rows, g_strdup (_("Attribute")), g_strdup (_("Pillar")),
                         g_strdup (C_("column", "Importance")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_DESIRED)),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_PROPOSED)),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_EXPECTED)),
                         g_strdup (C_("column", "Expected interval")),
                         g_strdup (C_("column", "Expected n")),
                         g_strdup (ecart_dimension_get_label (ECART_DIMENSION_LIVED)),
                         g_strdup (C_("column", "Lived interval")),
                         g_strdup (C_("column", "Lived n")), g_strdup (C_("column", "Note")), NULL);

  for (guint i = 0; i < data->attributes->len; i++)
    {
      const EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, i);
      gboolean expected = item->insufficient[ECART_DIMENSION_EXPECTED] && item->n[ECART_DIMENSION_EXPECTED] > 0;
      gboolean lived = item->insufficient[ECART_DIMENSION_LIVED] && item->n[ECART_DIMENSION_LIVED] > 0;
      const char *note = expected && lived ? _("Insufficient data: expected and lived")
                         : expected        ? _("Insufficient data: expected")
                         : lived           ? _("Insufficient data: lived")
                                           : "";

      _ecart_chart_rows_add (rows, g_strdup (item->name), g_strdup (item->group),
                             g_strdup_printf ("%d", item->importance),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_DESIRED]),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_PROPOSED]),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_EXPECTED]),
                             _ecart_chart_format_interval (item->ci_low[ECART_DIMENSION_EXPECTED],
                                                           item->ci_high[ECART_DIMENSION_EXPECTED], FALSE),
                             _ecart_chart_format_count (item->n[ECART_DIMENSION_EXPECTED]),
                             _ecart_chart_format_value (item->value[ECART_DIMENSION_LIVED]),
                             _ecart_chart_format_interval (item->ci_low[ECART_DIMENSION_LIVED],
                                                           item->ci_high[ECART_DIMENSION_LIVED], FALSE),
                             _ecart_chart_format_count (item->n[ECART_DIMENSION_LIVED]),
                             g_strdup (note), NULL);
    }
  return rows;
}


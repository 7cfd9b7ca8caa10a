/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include "ecart-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>

/* What every chart shares: the frame around the plot (title, subtitle, legend, note, the
 * empty state), markers, whiskers, value axes, number formats, and the pieces of the data
 * step that describe the table. */

#define MARGIN        24.0
#define LEGEND_SYMBOL 22.0

void
_ecart_chart_frame_clear (EcartChartFrame *frame)
{
  g_clear_pointer (&frame->title, g_free);
  g_clear_pointer (&frame->subtitle, g_free);
  g_clear_pointer (&frame->note, g_free);
  g_clear_pointer (&frame->empty_message, g_free);
}

/* ---------------------------------------------------------------------------------- */
/* Legend                                                                             */

static void
legend_item_clear (gpointer data)
{
  EcartChartLegendItem *item = data;

  g_free (item->symbol);
  g_free (item->label);
}

GArray *
_ecart_chart_legend_new (void)
{
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (EcartChartLegendItem));

  g_array_set_clear_func (legend, legend_item_clear);
  return legend;
}

void
_ecart_chart_legend_add (GArray                *legend,
                         EcartChartLegendKind   kind,
                         EcartChartShape        shape,
                         const EcartChartColor *color,
                         const char            *label)
{
  EcartChartLegendItem item = { 0 };

  item.kind = kind;
  item.shape = shape;
  item.color = color != NULL ? *color : (EcartChartColor) { 0.5, 0.5, 0.5, 1.0 };
  item.label = g_strdup (label);
  g_array_append_val (legend, item);
}

void
_ecart_chart_legend_add_symbol (GArray     *legend,
                                const char *symbol,
                                const char *label)
{
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_SYMBOL, 0, NULL, label);
  _ecart_chart_legend_last (legend)->symbol = g_strdup (symbol);
}

EcartChartLegendItem *
_ecart_chart_legend_last (GArray *legend)
{
  g_assert (legend->len > 0);
  return &g_array_index (legend, EcartChartLegendItem, legend->len - 1);
}

void
_ecart_chart_legend_add_dimension (GArray                *legend,
                                   const EcartChartStyle *style,
                                   EcartDimension         dimension)
{
  _ecart_chart_legend_add (legend, ECART_CHART_LEGEND_MARKER,
                           _ecart_chart_dimension_shape (dimension),
                           _ecart_chart_dimension_color (style, dimension),
                           ecart_dimension_get_label (dimension));
}

static void
legend_symbol (EcartChartScene            *scene,
               const EcartChartLegendItem *item,
               double                      x,
               double                      cy)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double w = ecart_chart_scene_px (scene, LEGEND_SYMBOL);
  double cx = x + w / 2.0;
  double s = ecart_chart_scene_px (scene, 1.0);

  switch (item->kind)
    {
    case ECART_CHART_LEGEND_MARKER:
      _ecart_chart_marker (scene, item->shape, cx, cy, 5.5 * s, &item->color, item->hollow);
      break;
    case ECART_CHART_LEGEND_SWATCH:
      {
        EcartChartRect r = { x + 2 * s, cy - 7 * s, w - 4 * s, 14 * s };
        ecart_chart_scene_rect (scene, &r, &item->color, NULL, 0);
      }
      break;
    case ECART_CHART_LEGEND_HATCH:
      {
        EcartChartRect r = { x + 2 * s, cy - 7 * s, w - 4 * s, 14 * s };
        EcartChartColor light = style->insufficient;

        light.alpha = 0.18;
        ecart_chart_scene_rect (scene, &r, &light, &style->insufficient, 1.0 * s);
        ecart_chart_scene_hatch (scene, &r, &style->insufficient, 4.5 * s, 1.0 * s);
      }
      break;
    case ECART_CHART_LEGEND_LINE:
      ecart_chart_scene_line (scene, x, cy, x + w, cy, &item->color, 2.5 * s, item->dash);
      break;
    case ECART_CHART_LEGEND_WHISKER:
      _ecart_chart_whisker (scene, TRUE, cy, x + 2 * s, x + w - 2 * s, 5 * s, &item->color, 1.5 * s);
      break;
    case ECART_CHART_LEGEND_BAND:
      {
        EcartChartRect r = { x, cy - 6 * s, w, 12 * s };
        ecart_chart_scene_rect (scene, &r, &item->color, NULL, 0);
      }
      break;
    case ECART_CHART_LEGEND_EMPTY:
      {
        EcartChartRect r = { x + 2.5 * s, cy - 6.5 * s, w - 5 * s, 13 * s };
        ecart_chart_scene_rect (scene, &r, NULL, &style->axis, 1.0 * s);
        ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, cx, cy, 1.5 * s, &style->axis, NULL, 0);
      }
      break;
    case ECART_CHART_LEGEND_SYMBOL:
    default:
      ecart_chart_scene_text (scene, ECART_CHART_FONT_VALUE, item->symbol, cx, cy,
                              ECART_CHART_ANCHOR_CENTRE, -1, 1, &style->foreground, NULL);
      break;
    }
}

/* Lays the legend out in lines from @top over [left, right]; returns its height. */
static double
legend_layout (EcartChartScene *scene,
               GArray          *legend,
               double           left,
               double           right,
               double           top)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double symbol = ecart_chart_scene_px (scene, LEGEND_SYMBOL);
  double inner = ecart_chart_scene_px (scene, 6.0);
  double spacing = ecart_chart_scene_px (scene, 22.0);
  double line = MAX (ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL),
                     ecart_chart_scene_px (scene, 16.0));
  double line_gap = ecart_chart_scene_px (scene, 6.0);
  double x = left;
  double y = top;

  if (legend == NULL || legend->len == 0)
    return 0.0;

  for (guint i = 0; i < legend->len; i++)
    {
      const EcartChartLegendItem *item = &g_array_index (legend, EcartChartLegendItem, i);
      double max_label = MAX (right - left - symbol - inner, 10.0);
      g_autoptr(PangoLayout) label = ecart_chart_scene_label (scene, ECART_CHART_FONT_LABEL,
                                                              item->label, max_label, 1,
                                                              PANGO_ALIGN_LEFT);
      double label_width;
      double width;

      ecart_chart_label_get_size (label, &label_width, NULL);
      label_width = MIN (label_width, max_label);
      width = symbol + inner + label_width;
      if (x > left && x + width > right)
        {
          x = left;
          y += line + line_gap;
        }
      legend_symbol (scene, item, x, y + line / 2.0);
      ecart_chart_scene_place (scene, label, x + symbol + inner, y + line / 2.0,
                               ECART_CHART_ANCHOR_LEFT, &style->foreground, NULL);
      x += width + spacing;
    }
  return y + line - top;
}

/* ---------------------------------------------------------------------------------- */
/* Frame                                                                              */

/* Title and subtitle from the top; returns the y under them. */
static double
layout_heading (EcartChartScene       *scene,
                const EcartChartFrame *frame)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double margin = ecart_chart_scene_px (scene, MARGIN);
  double width = MAX (ecart_chart_scene_get_width (scene) - 2 * margin, 10.0);
  double y = margin;
  EcartChartRect bounds;

  if (frame->title != NULL)
    {
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TITLE, frame->title, margin, y,
                              ECART_CHART_ANCHOR_TOP_LEFT, width, 2, &style->foreground, &bounds);
      y += bounds.height;
    }
  if (frame->subtitle != NULL)
    {
      y += ecart_chart_scene_px (scene, 3.0);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_SUBTITLE, frame->subtitle, margin, y,
                              ECART_CHART_ANCHOR_TOP_LEFT, width, 2, &style->secondary, &bounds);
      y += bounds.height;
    }
  return y;
}

void
_ecart_chart_frame_layout (EcartChartScene       *scene,
                           const EcartChartFrame *frame,
                           GArray                *legend,
                           EcartChartRect        *plot)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double margin = ecart_chart_scene_px (scene, MARGIN);
  double width = MAX (ecart_chart_scene_get_width (scene) - 2 * margin, 10.0);
  double bottom = ecart_chart_scene_get_height (scene) - margin;
  double y = layout_heading (scene, frame);

  if (legend != NULL && legend->len > 0)
    {
      y += ecart_chart_scene_px (scene, 14.0);
      y += legend_layout (scene, legend, margin, margin + width, y);
    }
  y += ecart_chart_scene_px (scene, 18.0);

  if (frame->note != NULL)
    {
      g_autoptr(PangoLayout) note = ecart_chart_scene_label (scene, ECART_CHART_FONT_NOTE,
                                                             frame->note, width, 3,
                                                             PANGO_ALIGN_LEFT);
      double note_height;

      ecart_chart_label_get_size (note, NULL, &note_height);
      ecart_chart_scene_place (scene, note, margin, bottom, ECART_CHART_ANCHOR_BOTTOM_LEFT,
                               &style->secondary, NULL);
      bottom -= note_height + ecart_chart_scene_px (scene, 14.0);
    }

  plot->x = margin;
  plot->y = y;
  plot->width = width;
  plot->height = MAX (bottom - y, 0.0);
  ecart_chart_scene_set_plot (scene, plot);
}

void
_ecart_chart_frame_layout_body (EcartChartScene       *scene,
                                const EcartChartFrame *frame,
                                GArray                *legend,
                                gconstpointer          data,
                                EcartChartBodyFunc     body)
{
  g_autoptr(EcartChartScene) scratch = ecart_chart_scene_new (ecart_chart_scene_get_width (scene),
                                                              ecart_chart_scene_get_height (scene),
                                                              ecart_chart_scene_get_style (scene),
                                                              ecart_chart_scene_get_context (scene));
  EcartChartRect plot;

  _ecart_chart_frame_layout (scratch, frame, legend, &plot);
  if (body (scratch, data, &plot))
    _ecart_chart_legend_add_symbol (legend, "…", _("Some names are left out for lack of room: point at "
                                                  "the marks, or see the data table."));
  _ecart_chart_frame_layout (scene, frame, legend, &plot);
  body (scene, data, &plot);
}

void
_ecart_chart_frame_layout_empty (EcartChartScene       *scene,
                                 const EcartChartFrame *frame)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double margin = ecart_chart_scene_px (scene, MARGIN);
  double width = MAX (ecart_chart_scene_get_width (scene) - 2 * margin, 10.0);
  double top = layout_heading (scene, frame);
  double bottom = ecart_chart_scene_get_height (scene) - margin;
  double cy = (MAX (bottom, top) + top) / 2.0;
  double r = ecart_chart_scene_px (scene, 26.0);
  EcartChartColor faint = style->secondary;
  EcartChartRect bounds;
  g_autoptr(PangoLayout) message = ecart_chart_scene_label (scene, ECART_CHART_FONT_EMPTY,
                                                            frame->empty_message,
                                                            MIN (width, ecart_chart_scene_px (scene, 640.0)),
                                                            6, PANGO_ALIGN_CENTER);
  double message_height;

  ecart_chart_label_get_size (message, NULL, &message_height);
  /* A quiet empty chart: an axis-like circle over the sentence that says why. */
  faint.alpha *= 0.35;
  if (bottom - top > message_height + 3 * r)
    {
      ecart_chart_scene_marker (scene, ECART_CHART_SHAPE_CIRCLE, ecart_chart_scene_get_width (scene) / 2.0,
                                cy - message_height / 2.0 - r, r * 0.8, NULL, &faint,
                                ecart_chart_scene_px (scene, 2.0));
      ecart_chart_scene_line (scene, ecart_chart_scene_get_width (scene) / 2.0 - r * 0.4,
                              cy - message_height / 2.0 - r, ecart_chart_scene_get_width (scene) / 2.0 + r * 0.4,
                              cy - message_height / 2.0 - r, &faint, ecart_chart_scene_px (scene, 2.0),
                              ECART_CHART_DASH_SOLID);
      cy += r * 0.6;
    }
  ecart_chart_scene_place (scene, message, ecart_chart_scene_get_width (scene) / 2.0, cy,
                           ECART_CHART_ANCHOR_CENTRE, &style->secondary, &bounds);
}

/* ---------------------------------------------------------------------------------- */
/* Marks                                                                              */

/* Each dimension has a shape as well as a colour, so that it reads in grey too. */
EcartChartShape
_ecart_chart_dimension_shape (EcartDimension dimension)
{
  switch (dimension)
    {
    case ECART_DIMENSION_DESIRED:
      return ECART_CHART_SHAPE_DIAMOND;
    case ECART_DIMENSION_PROPOSED:
      return ECART_CHART_SHAPE_SQUARE;
    case ECART_DIMENSION_EXPECTED:
      return ECART_CHART_SHAPE_TRIANGLE;
    case ECART_DIMENSION_LIVED:
    default:
      return ECART_CHART_SHAPE_CIRCLE;
    }
}

const EcartChartColor *
_ecart_chart_dimension_color (const EcartChartStyle *style,
                              EcartDimension         dimension)
{
  g_assert ((guint)dimension < ECART_N_DIMENSIONS);
  return &style->dimensions[dimension];
}

void
_ecart_chart_marker (EcartChartScene       *scene,
                     EcartChartShape        shape,
                     double                 x,
                     double                 y,
                     double                 radius,
                     const EcartChartColor *color,
                     gboolean               insufficient)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double line = ecart_chart_scene_px (scene, 1.5);

  if (insufficient)
    {
      EcartChartColor pale;

      /* Greyed: the background inside, the colour faded on the outline. */
      ecart_chart_color_mix (color, &style->insufficient, 0.5, &pale);
      ecart_chart_scene_marker (scene, shape, x, y, radius, &style->background, &pale, line);
      return;
    }
  /* A thin outline in the background colour keeps overlapping markers apart. */
  ecart_chart_scene_marker (scene, shape, x, y, radius, color, &style->background,
                            ecart_chart_scene_px (scene, 1.0));
}

void
_ecart_chart_whisker (EcartChartScene       *scene,
                      gboolean               horizontal,
                      double                 at,
                      double                 from,
                      double                 to,
                      double                 cap,
                      const EcartChartColor *color,
                      double                 line_width)
{
  if (!isfinite (from) || !isfinite (to))
    return;
  if (horizontal)
    {
      ecart_chart_scene_line (scene, from, at, to, at, color, line_width, ECART_CHART_DASH_SOLID);
      if (cap > 0.0)
        {
          ecart_chart_scene_line (scene, from, at - cap, from, at + cap, color, line_width, ECART_CHART_DASH_SOLID);
          ecart_chart_scene_line (scene, to, at - cap, to, at + cap, color, line_width, ECART_CHART_DASH_SOLID);
        }
    }
  else
    {
      ecart_chart_scene_line (scene, at, from, at, to, color, line_width, ECART_CHART_DASH_SOLID);
      if (cap > 0.0)
        {
          ecart_chart_scene_line (scene, at - cap, from, at + cap, from, color, line_width, ECART_CHART_DASH_SOLID);
          ecart_chart_scene_line (scene, at - cap, to, at + cap, to, color, line_width, ECART_CHART_DASH_SOLID);
        }
    }
}

void
_ecart_chart_axis_bottom (EcartChartScene      *scene,
                          const EcartChartAxis *axis,
                          const EcartChartRect *plot,
                          gboolean              signed_,
                          const char           *title)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double line = ecart_chart_scene_px (scene, 1.0);
  double label_y = plot->y + plot->height + ecart_chart_scene_px (scene, 6.0);
  double right = plot->x + plot->width;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double value = ecart_chart_axis_get_tick (axis, i);
      double x = ecart_chart_axis_to_pixel (axis, value, plot->x, right);
      g_autofree char *text = ecart_chart_format_tick (axis, value, signed_);
      gboolean zero = fabs (value) < axis->step * 1e-6 && axis->min < 0.0 && axis->max > 0.0;

      ecart_chart_scene_line (scene, x, plot->y, x, plot->y + plot->height,
                              zero ? &style->axis : &style->grid, zero ? 1.5 * line : line,
                              ECART_CHART_DASH_SOLID);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text, x, label_y, ECART_CHART_ANCHOR_TOP,
                              -1, 1, &style->secondary, NULL);
    }
  if (title != NULL)
    ecart_chart_scene_text (scene, ECART_CHART_FONT_NOTE, title, plot->x + plot->width / 2.0,
                            label_y + ecart_chart_scene_line_height (scene, ECART_CHART_FONT_TICK)
                            + ecart_chart_scene_px (scene, 4.0),
                            ECART_CHART_ANCHOR_TOP, plot->width, 1, &style->secondary, NULL);
}

double
_ecart_chart_axis_label_width (EcartChartScene      *scene,
                               const EcartChartAxis *axis,
                               gboolean              signed_,
                               const char           *suffix)
{
  double widest = 0.0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *tick = ecart_chart_format_tick (axis, ecart_chart_axis_get_tick (axis, i), signed_);
      g_autofree char *text = g_strconcat (tick, suffix, NULL);
      g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, ECART_CHART_FONT_TICK, text,
                                                               -1, 1, PANGO_ALIGN_LEFT);
      double w;

      ecart_chart_label_get_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

void
_ecart_chart_axis_left (EcartChartScene      *scene,
                        const EcartChartAxis *axis,
                        const EcartChartRect *plot,
                        gboolean              signed_,
                        const char           *suffix)
{
  const EcartChartStyle *style = ecart_chart_scene_get_style (scene);
  double line = ecart_chart_scene_px (scene, 1.0);
  double bottom = plot->y + plot->height;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double value = ecart_chart_axis_get_tick (axis, i);
      double y = ecart_chart_axis_to_pixel (axis, value, bottom, plot->y);
      g_autofree char *tick = ecart_chart_format_tick (axis, value, signed_);
      g_autofree char *text = g_strconcat (tick, suffix, NULL);
      gboolean zero = fabs (value) < axis->step * 1e-6 && axis->min < 0.0 && axis->max > 0.0;

      ecart_chart_scene_line (scene, plot->x, y, plot->x + plot->width, y,
                              zero ? &style->axis : &style->grid, zero ? 1.5 * line : line,
                              ECART_CHART_DASH_SOLID);
      ecart_chart_scene_text (scene, ECART_CHART_FONT_TICK, text,
                              plot->x - ecart_chart_scene_px (scene, 8.0), y,
                              ECART_CHART_ANCHOR_RIGHT, -1, 1, &style->secondary, NULL);
    }
}

void
_ecart_chart_row_labels_init (EcartChartRowLabels *labels,
                              EcartChartScene     *scene,
                              EcartChartFont       font,
                              double               row_height)
{
  labels->font = ecart_chart_scene_fit_font (scene, font, row_height, 8.0, &labels->line_height);
  labels->max_lines = row_height >= 2.4 * labels->line_height ? 2 : 1;
  labels->every = labels->line_height > row_height * 1.02 && row_height > 0.0
                  ? (guint)ceil (labels->line_height / row_height)
                  : 1;
}

void
_ecart_chart_row_labels_clear (EcartChartRowLabels *labels)
{
  g_clear_pointer (&labels->font, pango_font_description_free);
}

void
_ecart_chart_row_label (EcartChartScene           *scene,
                        const EcartChartRowLabels *labels,
                        guint                      index,
                        const char                *text,
                        double                     x,
                        double                     y,
                        EcartChartAnchor           anchor,
                        double                     width,
                        const EcartChartColor     *color)
{
  PangoAlignment alignment = anchor == ECART_CHART_ANCHOR_RIGHT ? PANGO_ALIGN_RIGHT
                             : anchor == ECART_CHART_ANCHOR_CENTRE ? PANGO_ALIGN_CENTER
                                                                    : PANGO_ALIGN_LEFT;
  g_autoptr(PangoLayout) layout = NULL;

  if (index % labels->every != 0)
    return;
  layout = ecart_chart_scene_label_with_font (scene, labels->font, text, width, labels->max_lines, alignment);
  ecart_chart_scene_place (scene, layout, x, y, anchor, color, NULL);
}

/* ---------------------------------------------------------------------------------- */
/* Numbers                                                                            */

#define MISSING "–"

char *
_ecart_chart_format_value (double value)
{
  if (!isfinite (value))
    return g_strdup (MISSING);
  return g_strdup_printf ("%.1f", value);
}

/* +1.2, −1.2 (a real minus sign), and 0.0 for what rounds to 0. */
char *
_ecart_chart_format_signed (double value)
{
  if (!isfinite (value))
    return g_strdup (MISSING);
  if (fabs (value) < 0.05)
    return g_strdup_printf ("%.1f", 0.0);
  if (value < 0.0)
    return g_strdup_printf ("−%.1f", -value);
  return g_strdup_printf ("+%.1f", value);
}

char *
_ecart_chart_format_interval (double   low,
                              double   high,
                              gboolean signed_)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!isfinite (low) || !isfinite (high))
    return g_strdup (MISSING);
  a = signed_ ? _ecart_chart_format_signed (low) : _ecart_chart_format_value (low);
  b = signed_ ? _ecart_chart_format_signed (high) : _ecart_chart_format_value (high);
  /* TRANSLATORS: a confidence interval, from its low to its high end: "7.1 to 7.6" */
  return g_strdup_printf (_("%s to %s"), a, b);
}

/* 1234 → "1,234", or with the locale's grouping. */
char *
_ecart_chart_format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
_ecart_chart_format_n (gint64 n)
{
  g_autofree char *count = _ecart_chart_format_count (n);

  /* TRANSLATORS: the number of measurements behind a value, written on a chart */
  return g_strdup_printf (_("n = %s"), count);
}

char *
_ecart_chart_format_percent (double value)
{
  if (!isfinite (value))
    return g_strdup (MISSING);
  /* TRANSLATORS: a share of respondents on a chart; French puts a space before % */
  return g_strdup_printf (_("%.0f %%"), value);
}

/* ---------------------------------------------------------------------------------- */
/* Data helpers                                                                       */

const char *
_ecart_chart_segment_name (EcartSegment *segment)
{
  return segment != NULL ? ecart_item_get_name (ECART_ITEM (segment)) : _("All segments");
}

/* The segment a one-segment chart shows: @segment, or the table's first. */
EcartSegment *
_ecart_chart_pick_segment (EcartGapTable *table,
                           EcartSegment  *segment)
{
  GListModel *segments = ecart_gap_table_get_segments (table);
  g_autoptr(EcartSegment) first = NULL;

  if (segment != NULL)
    return segment;
  if (g_list_model_get_n_items (segments) == 0)
    return NULL;
  first = g_list_model_get_item (segments, 0);
  return first; /* the table's list keeps it */
}

gboolean
_ecart_chart_check_table (EcartGapTable   *table,
                          EcartSegment    *segment,
                          gboolean         needs_attributes,
                          EcartChartFrame *frame)
{
  if (g_list_model_get_n_items (ecart_gap_table_get_segments (table)) == 0)
    {
      frame->empty_message = g_strdup (_("There are no segments yet: add one to the portfolio "
                                         "to describe the experience it should live."));
      return FALSE;
    }
  if (segment != NULL && ecart_gap_table_get_segment_rows (table, segment) == NULL)
    {
      frame->empty_message = g_strdup_printf (_("%s is not among the segments of this view: "
                                                "choose it in the filter."),
                                              ecart_item_get_name (ECART_ITEM (segment)));
      return FALSE;
    }
  if (needs_attributes && g_list_model_get_n_items (ecart_gap_table_get_attributes (table)) == 0)
    {
      frame->empty_message = g_strdup (_("There are no attributes yet: list the qualities the "
                                         "experience should have, pillar by pillar."));
      return FALSE;
    }
  return TRUE;
}

/* A table by touchpoint with the options of @table (@table itself when it is one). */
EcartGapTable *
_ecart_chart_touchpoint_table (EcartGapTable  *table,
                               GError        **error)
{
  g_autoptr(EcartGapOptions) options = NULL;

  if (ecart_gap_options_get_by_touchpoint (ecart_gap_table_get_options (table)))
    return g_object_ref (table);
  options = ecart_gap_options_copy (ecart_gap_table_get_options (table));
  ecart_gap_options_set_by_touchpoint (options, TRUE);
  return ecart_gap_table_new (ecart_gap_table_get_workspace (table), options, error);
}

static char *
describe_waves (EcartGapTable *table)
{
  GListModel *waves = ecart_gap_table_get_waves (table);
  guint n = g_list_model_get_n_items (waves);
  g_autoptr(EcartItem) first = NULL;
  g_autoptr(EcartItem) last = NULL;

  if (n == 0)
    return g_strdup (_("No survey wave yet"));
  first = g_list_model_get_item (waves, 0);
  last = g_list_model_get_item (waves, n - 1);
  if (n == 1)
    return g_strdup_printf (_("Wave: %s"), ecart_item_get_name (first));
  if (n == 2)
    return g_strdup_printf (_("Waves: %s and %s"), ecart_item_get_name (first),
                            ecart_item_get_name (last));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u wave, %s to %s", "%u waves, %s to %s", n),
                          n, ecart_item_get_name (first), ecart_item_get_name (last));
}

static char *
percent_text (double confidence)
{
  return g_strdup_printf ("%g", round (confidence * 1000.0) / 10.0);
}

/* "Families · 3 waves, Spring 2025 survey to Spring 2026 survey · 95 % confidence": what a
 * chart shows, for its subtitle. */
char *
_ecart_chart_describe_table (EcartGapTable *table,
                             EcartSegment  *segment)
{
  EcartGapOptions *options = ecart_gap_table_get_options (table);
  EcartWorkspace *workspace = ecart_gap_table_get_workspace (table);
  gint64 touchpoint_id = ecart_gap_options_get_touchpoint_id (options);
  const char *from = ecart_gap_options_get_from (options);
  const char *to = ecart_gap_options_get_to (options);
  g_autofree char *waves = describe_waves (table);
  g_autofree char *percent = percent_text (ecart_gap_table_get_confidence (table));
  g_autoptr(GString) text = g_string_new (_ecart_chart_segment_name (segment));

  g_string_append (text, " · ");
  g_string_append (text, waves);
  if (touchpoint_id != ECART_GAP_ALL_TOUCHPOINTS)
    {
      EcartTouchpoint *touchpoint = ecart_workspace_find_touchpoint (workspace, touchpoint_id);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("At %s"),
                              touchpoint != NULL ? ecart_item_get_name (ECART_ITEM (touchpoint)) : "?");
    }
  if (from != NULL || to != NULL)
    {
      g_string_append (text, " · ");
      if (from != NULL && to != NULL)
        g_string_append_printf (text, _("Answers from %s to %s"), from, to);
      else if (from != NULL)
        g_string_append_printf (text, _("Answers from %s on"), from);
      else
        g_string_append_printf (text, _("Answers until %s"), to);
    }
  g_string_append (text, " · ");
  g_string_append_printf (text, _("%s %% confidence"), percent);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
_ecart_chart_interval_note (EcartGapTable *table)
{
  g_autofree char *percent = percent_text (ecart_gap_table_get_confidence (table));

  return g_strdup_printf (_("Whiskers: %s %% confidence intervals."), percent);
}

char *
_ecart_chart_significance_note (EcartGapTable *table,
                                gboolean       holm)
{
  g_autofree char *percent = percent_text (ecart_gap_table_get_confidence (table));

  if (holm && ecart_gap_options_get_holm (ecart_gap_table_get_options (table)))
    return g_strdup_printf (_("* significant at the %s %% level, with Holm’s correction across "
                              "the attributes."), percent);
  return g_strdup_printf (_("* significant at the %s %% level."), percent);
}

char *
_ecart_chart_insufficient_note (EcartGapTable *table)
{
  guint min_n = ecart_gap_table_get_min_n (table);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Greyed: insufficient data (fewer than %u measurement), with its n.",
                                       "Greyed: insufficient data (fewer than %u measurements), with its n.",
                                       min_n),
                          min_n);
}

static void
attribute_clear (gpointer data)
{
  EcartChartAttribute *item = data;

  g_free (item->name);
  g_free (item->group);
}

GArray *
_ecart_chart_attributes_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (EcartChartAttribute));

  g_array_set_clear_func (array, attribute_clear);
  return array;
}

void
_ecart_chart_attribute_fill (EcartChartAttribute *item,
                             EcartGapRow         *row,
                             EcartGapKind         gap,
                             EcartWorkspace      *workspace)
{
  EcartAttribute *attribute = ecart_gap_row_get_attribute (row);
  EcartPillar *pillar = ecart_workspace_find_pillar (workspace, ecart_attribute_get_pillar_id (attribute));

  *item = (EcartChartAttribute) { 0 };
  item->attribute = attribute;
  item->name = g_strdup (ecart_item_get_name (ECART_ITEM (attribute)));
  item->group = g_strdup (pillar != NULL ? ecart_item_get_name (ECART_ITEM (pillar)) : "");
  item->importance = ecart_gap_row_get_importance (row);
  for (guint d = 0; d < ECART_N_DIMENSIONS; d++)
    {
      const EcartSummary *summary = ecart_gap_row_get_summary (row, d);

      item->value[d] = ecart_gap_row_get_value (row, d);
      item->ci_low[d] = summary != NULL ? summary->ci_low : NAN;
      item->ci_high[d] = summary != NULL ? summary->ci_high : NAN;
      item->n[d] = summary != NULL ? summary->n : 0;
      item->insufficient[d] = summary != NULL && ecart_gap_row_is_insufficient (row, d);
    }
  item->gap = *ecart_gap_row_get_gap (row, gap);
  item->quadrant = ecart_gap_row_is_per_touchpoint (row) ? ECART_QUADRANT_NONE
                                                          : ecart_gap_row_get_quadrant (row);
}

/* ---------------------------------------------------------------------------------- */
/* Text alternative                                                                   */

GPtrArray *
_ecart_chart_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
}

void
_ecart_chart_rows_add (GPtrArray *rows,
                       char      *first,
                       ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (char *cell = first; cell != NULL; cell = va_arg (args, char *))
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

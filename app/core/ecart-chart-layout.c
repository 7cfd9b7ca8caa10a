/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include "ecart-chart-layout.h"

#include <math.h>
#include <string.h>

#include "ecart-chart-style-private.h"

/* ---------------------------------------------------------------------------------- */
/* Axes                                                                               */

/**
 * ecart_chart_nice_step:
 *
 * The smallest step of 1, 2, 2.5 or 5 × 10ᵏ that divides @span into at most @max_ticks − 1
 * intervals (Heckbert's "nice numbers", with 2.5 for quarters).
 */
double
ecart_chart_nice_step (double span,
                       guint  max_ticks)
{
  static const double nice[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double raw;
  double magnitude;

  if (!(span > 0.0) || !isfinite (span))
    return 1.0;
  max_ticks = MAX (max_ticks, 2);
  raw = span / (max_ticks - 1);
  magnitude = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    if (nice[i] * magnitude >= raw * (1.0 - 1e-9))
      return nice[i] * magnitude;
  return 10.0 * magnitude;
}

static void
axis_set (EcartChartAxis *axis,
          double          min,
          double          max,
          double          step)
{
  axis->min = min;
  axis->max = max;
  axis->step = step;
  axis->n_ticks = (guint)floor ((max - min) / step + 1e-6) + 1;
}

/**
 * ecart_chart_axis_nice:
 *
 * An axis covering [@low, @high], extended to multiples of a nice step, with at most
 * @max_ticks ticks. An empty range (@low = @high) gets one step on each side; a range
 * that is not finite gives 0–10.
 */
void
ecart_chart_axis_nice (EcartChartAxis *axis,
                       double          low,
                       double          high,
                       guint           max_ticks)
{
  double step;

  g_return_if_fail (axis != NULL);

  if (!isfinite (low) || !isfinite (high))
    {
      low = 0.0;
      high = 10.0;
    }
  if (low > high)
    {
      double t = low;
      low = high;
      high = t;
    }
  if (high - low < 1e-9)
    {
      double pad = fabs (low) > 1e-9 ? fabs (low) * 0.1 : 1.0;
      low -= pad;
      high += pad;
    }

  /* A range across 0 needs a tick below, 0 and one above: three at least. */
  max_ticks = MAX (max_ticks, low < 0.0 && high > 0.0 ? 3 : 2);
  step = ecart_chart_nice_step (high - low, max_ticks);
  /* Extending to multiples of the step may need one more interval: take the next step. */
  for (guint attempt = 0; attempt < 64; attempt++)
    {
      double min = floor (low / step + 1e-9) * step;
      double max = ceil (high / step - 1e-9) * step;

      if ((max - min) / step + 1.0 <= max_ticks + 1e-6)
        {
          axis_set (axis, min, max, step);
          return;
        }
      /* The next nice step above this one. */
      step = ecart_chart_nice_step (step * 1.0001 * (max_ticks - 1), max_ticks);
    }
  /* Not reached: the step grows tenfold every three attempts. */
  axis_set (axis, low, high, high - low);
}

void
ecart_chart_axis_fixed (EcartChartAxis *axis,
                        double          min,
                        double          max,
                        double          step)
{
  g_return_if_fail (axis != NULL);
  g_return_if_fail (max > min && step > 0.0);
  axis_set (axis, min, max, step);
}

/**
 * ecart_chart_axis_symmetric:
 *
 * An axis −m … +m around 0 with m ≥ @limit a multiple of a nice step: for gaps, so that
 * 0 stays in the middle and bars of either sign compare.
 */
void
ecart_chart_axis_symmetric (EcartChartAxis *axis,
                            double          limit,
                            guint           max_ticks)
{
  double step;
  double m;

  g_return_if_fail (axis != NULL);

  if (!(limit > 0.0) || !isfinite (limit))
    limit = 1.0;
  max_ticks = MAX (max_ticks, 3);
  /* An odd number of ticks keeps 0 on a tick. */
  if (max_ticks % 2 == 0)
    max_ticks--;
  step = ecart_chart_nice_step (limit, (max_ticks - 1) / 2 + 1);
  m = ceil (limit / step - 1e-9) * step;
  axis_set (axis, -m, m, step);
}

double
ecart_chart_axis_get_tick (const EcartChartAxis *axis,
                           guint                 i)
{
  double value;

  g_return_val_if_fail (axis != NULL, NAN);

  value = axis->min + i * axis->step;
  /* No "-0" and no 0.30000000000000004. */
  value = round (value / axis->step * 1e6) / 1e6 * axis->step;
  return fabs (value) < axis->step * 1e-9 ? 0.0 : value;
}

/* Where @value falls on the axis, 0 at min and 1 at max; not clamped. */
double
ecart_chart_axis_normalise (const EcartChartAxis *axis,
                            double                value)
{
  g_return_val_if_fail (axis != NULL, NAN);
  if (axis->max <= axis->min)
    return 0.5;
  return (value - axis->min) / (axis->max - axis->min);
}

double
ecart_chart_axis_to_pixel (const EcartChartAxis *axis,
                           double                value,
                           double                start,
                           double                end)
{
  return start + ecart_chart_axis_normalise (axis, value) * (end - start);
}

/* How many ticks fit along @length with at least @min_spacing between them. */
guint
ecart_chart_max_ticks (double length,
                       double min_spacing)
{
  if (!(min_spacing > 0.0) || !(length > 0.0))
    return 2;
  return (guint)CLAMP (floor (length / min_spacing) + 1, 2, 21);
}

/* A tick label with as many decimals as the step needs. */
char *
ecart_chart_format_tick (const EcartChartAxis *axis,
                         double                value,
                         gboolean              signed_)
{
  int decimals = 0;
  double step = axis->step;

  while (decimals < 3 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  if (fabs (value) < 1e-12)
    value = 0.0;
  if (signed_ && value > 0.0)
    return g_strdup_printf ("+%.*f", decimals, value);
  if (value < 0.0)
    /* A real minus sign, as typography wants it. */
    return g_strdup_printf ("−%.*f", decimals, -value);
  return g_strdup_printf ("%.*f", decimals, value);
}

/* ---------------------------------------------------------------------------------- */
/* Bands, bars, stacks                                                                */

void
ecart_chart_bands_init (EcartChartBands *bands,
                        guint            n,
                        double           start,
                        double           end,
                        double           inner)
{
  g_return_if_fail (bands != NULL);

  bands->n = n;
  bands->start = start;
  bands->step = n > 0 ? (end - start) / n : 0.0;
  bands->inner = CLAMP (inner, 0.0, 1.0);
}

double
ecart_chart_bands_get_centre (const EcartChartBands *bands,
                              guint                  i)
{
  g_return_val_if_fail (bands != NULL, NAN);
  return bands->start + (i + 0.5) * bands->step;
}

/* The thickness of a band's bar. */
double
ecart_chart_bands_get_thickness (const EcartChartBands *bands)
{
  g_return_val_if_fail (bands != NULL, NAN);
  return fabs (bands->step) * bands->inner;
}

/* The band under @position, or −1. */
int
ecart_chart_bands_index_at (const EcartChartBands *bands,
                            double                 position)
{
  double i;

  g_return_val_if_fail (bands != NULL, -1);
  if (bands->n == 0 || bands->step == 0.0)
    return -1;
  i = floor ((position - bands->start) / bands->step);
  if (i < 0 || i >= bands->n)
    return -1;
  return (int)i;
}

void
ecart_chart_bar_extent (const EcartChartAxis *axis,
                        double                value,
                        double                start,
                        double                end,
                        double               *from,
                        double               *to)
{
  double base = CLAMP (0.0, axis->min, axis->max);
  double a = ecart_chart_axis_to_pixel (axis, base, start, end);
  double b = ecart_chart_axis_to_pixel (axis, CLAMP (value, axis->min, axis->max), start, end);

  *from = MIN (a, b);
  *to = MAX (a, b);
}

/* The shares are scaled to fill [start, end] exactly: 33.3 + 33.3 + 33.3 reaches the end. */
void
ecart_chart_stack_extents (const double *shares,
                           guint         n,
                           double        start,
                           double        end,
                           double       *from,
                           double       *to)
{
  double total = 0.0;
  double acc = 0.0;

  for (guint i = 0; i < n; i++)
    total += isfinite (shares[i]) && shares[i] > 0.0 ? shares[i] : 0.0;
  for (guint i = 0; i < n; i++)
    {
      double share = isfinite (shares[i]) && shares[i] > 0.0 ? shares[i] : 0.0;

      from[i] = start + (total > 0.0 ? acc / total : 0.0) * (end - start);
      acc += share;
      to[i] = start + (total > 0.0 ? acc / total : 0.0) * (end - start);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Grids                                                                              */

void
ecart_chart_grid_init (EcartChartGrid       *grid,
                       const EcartChartRect *area,
                       guint                 n_rows,
                       guint                 n_columns,
                       double                gap)
{
  g_return_if_fail (grid != NULL && area != NULL);

  grid->area = *area;
  grid->n_rows = n_rows;
  grid->n_columns = n_columns;
  grid->gap = MAX (gap, 0.0);
}

void
ecart_chart_grid_get_cell (const EcartChartGrid *grid,
                           guint                 row,
                           guint                 column,
                           EcartChartRect       *cell)
{
  double w;
  double h;

  g_return_if_fail (grid != NULL && cell != NULL);
  g_return_if_fail (grid->n_rows > 0 && grid->n_columns > 0);

  w = grid->area.width / grid->n_columns;
  h = grid->area.height / grid->n_rows;
  cell->x = grid->area.x + column * w + grid->gap / 2.0;
  cell->y = grid->area.y + row * h + grid->gap / 2.0;
  cell->width = MAX (w - grid->gap, 0.0);
  cell->height = MAX (h - grid->gap, 0.0);
}

gboolean
ecart_chart_grid_cell_at (const EcartChartGrid *grid,
                          double                x,
                          double                y,
                          guint                *row,
                          guint                *column)
{
  double c;
  double r;

  g_return_val_if_fail (grid != NULL, FALSE);
  if (grid->n_rows == 0 || grid->n_columns == 0 || grid->area.width <= 0 || grid->area.height <= 0)
    return FALSE;
  c = floor ((x - grid->area.x) / (grid->area.width / grid->n_columns));
  r = floor ((y - grid->area.y) / (grid->area.height / grid->n_rows));
  if (c < 0 || r < 0 || c >= grid->n_columns || r >= grid->n_rows)
    return FALSE;
  if (row != NULL)
    *row = (guint)r;
  if (column != NULL)
    *column = (guint)c;
  return TRUE;
}

/**
 * ecart_chart_grid_shape:
 * @cell_aspect: the width / height a cell would like
 *
 * The rows × columns of small multiples of @n panels over @width × @height whose cells come
 * closest to @cell_aspect while using the space best (the fewest empty cells breaking ties).
 */
void
ecart_chart_grid_shape (guint   n,
                        double  width,
                        double  height,
                        double  cell_aspect,
                        guint  *n_rows,
                        guint  *n_columns)
{
  double best = G_MAXDOUBLE;

  g_return_if_fail (n_rows != NULL && n_columns != NULL);

  *n_rows = 1;
  *n_columns = MAX (n, 1);
  if (n <= 1 || width <= 0 || height <= 0 || cell_aspect <= 0)
    return;

  for (guint columns = 1; columns <= n; columns++)
    {
      guint rows = (n + columns - 1) / columns;
      double aspect = (width / columns) / (height / rows);
      double score = fabs (log (aspect / cell_aspect)) + 0.2 * (rows * columns - n);

      if (score < best - 1e-12)
        {
          best = score;
          *n_rows = rows;
          *n_columns = columns;
        }
    }
}

/* ---------------------------------------------------------------------------------- */
/* Quadrants                                                                          */

/* As the gap engine decides (docs/statistics.md): a point on a crosshair counts as high. */
EcartQuadrant
ecart_chart_quadrant_at (double importance,
                         double lived,
                         double cross_importance,
                         double cross_lived)
{
  gboolean important;
  gboolean performs;

  if (!isfinite (importance) || !isfinite (lived) || !isfinite (cross_importance)
      || !isfinite (cross_lived))
    return ECART_QUADRANT_NONE;
  important = importance >= cross_importance;
  performs = lived >= cross_lived;
  if (important)
    return performs ? ECART_QUADRANT_KEEP_UP : ECART_QUADRANT_CONCENTRATE_HERE;
  return performs ? ECART_QUADRANT_POSSIBLE_OVERKILL : ECART_QUADRANT_LOW_PRIORITY;
}

/* With importance growing to the right and the lived score upwards (y grows downwards):
 * Concentrate here is bottom right, Keep up top right, Low priority bottom left, Possible
 * overkill top left. */
void
ecart_chart_quadrant_rect (EcartQuadrant         quadrant,
                           const EcartChartRect *plot,
                           double                cross_x,
                           double                cross_y,
                           EcartChartRect       *rect)
{
  double left = plot->x;
  double right = plot->x + plot->width;
  double top = plot->y;
  double bottom = plot->y + plot->height;
  gboolean high_importance;
  gboolean high_lived;

  cross_x = CLAMP (cross_x, left, right);
  cross_y = CLAMP (cross_y, top, bottom);

  switch (quadrant)
    {
    case ECART_QUADRANT_CONCENTRATE_HERE:
      high_importance = TRUE, high_lived = FALSE;
      break;
    case ECART_QUADRANT_KEEP_UP:
      high_importance = TRUE, high_lived = TRUE;
      break;
    case ECART_QUADRANT_LOW_PRIORITY:
      high_importance = FALSE, high_lived = FALSE;
      break;
    case ECART_QUADRANT_POSSIBLE_OVERKILL:
      high_importance = FALSE, high_lived = TRUE;
      break;
    case ECART_QUADRANT_NONE:
    default:
      *rect = (EcartChartRect) { 0 };
      return;
    }

  rect->x = high_importance ? cross_x : left;
  rect->width = high_importance ? right - cross_x : cross_x - left;
  rect->y = high_lived ? top : cross_y;
  rect->height = high_lived ? cross_y - top : bottom - cross_y;
}

/* ---------------------------------------------------------------------------------- */
/* Label placement                                                                    */

/* Whether @a and @b overlap by more than @slack pixels both ways. */
gboolean
ecart_chart_rect_intersects (const EcartChartRect *a,
                             const EcartChartRect *b,
                             double                slack)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > slack && h > slack;
}

void
ecart_chart_spread (double *positions,
                    guint   n,
                    double  min_gap,
                    double  low,
                    double  high)
{
  g_autofree double *wanted = NULL;

  if (n == 0)
    return;
  wanted = g_memdup2 (positions, n * sizeof (double));

  /* When they cannot fit, spread them evenly over the whole range. */
  if ((n - 1) * min_gap > high - low)
    {
      for (guint i = 0; i < n; i++)
        positions[i] = n > 1 ? low + i * (high - low) / (n - 1) : (low + high) / 2.0;
      return;
    }

  /* Clusters of labels that push each other are placed around their mean wish, then
   * merged with the previous cluster while they overlap (a 1-D isotonic fit). */
  {
    g_autofree guint *first = g_new (guint, n);
    g_autofree double *start = g_new (double, n);
    guint n_clusters = 0;

    for (guint i = 0; i < n; i++)
      {
        first[n_clusters] = i;
        start[n_clusters] = wanted[i];
        n_clusters++;
        for (;;)
          {
            guint c = n_clusters - 1;
            guint count = (c + 1 < n_clusters ? first[c + 1] : i + 1) - first[c];
            double sum = 0.0;

            /* Best start of cluster c: the mean of (wish − offset in the cluster). */
            for (guint k = 0; k < count; k++)
              sum += wanted[first[c] + k] - k * min_gap;
            start[c] = sum / count;
            start[c] = CLAMP (start[c], low, high - (count - 1) * min_gap);

            if (c == 0)
              break;
            {
              guint previous_count = first[c] - first[c - 1];
              if (start[c - 1] + previous_count * min_gap <= start[c] + 1e-9)
                break;
            }
            /* Merge c into c − 1. */
            n_clusters--;
          }
      }

    for (guint c = 0; c < n_clusters; c++)
      {
        guint end = c + 1 < n_clusters ? first[c + 1] : n;

        for (guint k = first[c]; k < end; k++)
          positions[k] = start[c] + (k - first[c]) * min_gap;
      }
  }
}

void
ecart_chart_polar (guint   i,
                   guint   n,
                   double  fraction,
                   double  cx,
                   double  cy,
                   double  radius,
                   double *x,
                   double *y)
{
  double angle = -G_PI / 2.0 + (n > 0 ? 2.0 * G_PI * i / n : 0.0);

  *x = cx + cos (angle) * radius * fraction;
  *y = cy + sin (angle) * radius * fraction;
}

/* ---------------------------------------------------------------------------------- */
/* Labels                                                                             */

PangoLayout *
ecart_chart_label_new (PangoContext               *context,
                       const PangoFontDescription *font,
                       const char                 *text,
                       double                      width,
                       int                         max_lines,
                       PangoAlignment              alignment)
{
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_alignment (layout, alignment);
  if (width > 0.0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      /* A negative height is a number of lines. */
      pango_layout_set_height (layout, -MAX (max_lines, 1));
    }
  return layout;
}

/* The ink-independent size, in pixels. */
void
ecart_chart_label_get_size (PangoLayout *layout,
                            double      *width,
                            double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

double
ecart_chart_font_line_height (PangoContext               *context,
                              const PangoFontDescription *font)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  int height = pango_font_metrics_get_height (metrics);

  if (height <= 0)
    height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  return (double)height / PANGO_SCALE;
}

/* ---------------------------------------------------------------------------------- */
/* Colours                                                                            */

void
ecart_chart_color_mix (const EcartChartColor *a,
                       const EcartChartColor *b,
                       double                 t,
                       EcartChartColor       *result)
{
  t = CLAMP (t, 0.0, 1.0);
  result->red = a->red + (b->red - a->red) * t;
  result->green = a->green + (b->green - a->green) * t;
  result->blue = a->blue + (b->blue - a->blue) * t;
  result->alpha = a->alpha + (b->alpha - a->alpha) * t;
}

/**
 * ecart_chart_diverging_color:
 * @limit: the value (> 0) at which the scale reaches its ends; beyond, it stays there
 *
 * The heatmap's colour of @value: the middle of the style's diverging scale at 0, brown
 * below, teal above, interpolated between the nine classes.
 */
void
ecart_chart_diverging_color (const EcartChartStyle *style,
                             double                 value,
                             double                 limit,
                             EcartChartColor       *color)
{
  double t;
  double position;
  guint i;

  g_return_if_fail (style != NULL && color != NULL);

  if (!isfinite (value))
    {
      *color = style->insufficient;
      return;
    }
  if (!(limit > 0.0))
    limit = 1.0;
  t = CLAMP (value / limit, -1.0, 1.0);               /* −1 … 1 */
  position = (t + 1.0) / 2.0 * (ECART_CHART_N_DIVERGING - 1);  /* 0 … 8 */
  i = (guint)MIN (floor (position), ECART_CHART_N_DIVERGING - 2);
  ecart_chart_color_mix (&style->diverging[i], &style->diverging[i + 1], position - i, color);
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Relative luminance (WCAG 2) of @color over @background (for its alpha). */
double
ecart_chart_color_luminance (const EcartChartColor *color,
                             const EcartChartColor *background)
{
  EcartChartColor c = *color;

  if (background != NULL && c.alpha < 1.0)
    {
      EcartChartColor opaque = *background;

      opaque.alpha = 1.0;
      c.alpha = 1.0;
      ecart_chart_color_mix (&opaque, &c, color->alpha, &c);
    }
  return 0.2126 * linear (c.red) + 0.7152 * linear (c.green) + 0.0722 * linear (c.blue);
}

/* Dark or light text, whichever contrasts more with @fill. */
void
ecart_chart_text_color_on (const EcartChartStyle *style,
                           const EcartChartColor *fill,
                           EcartChartColor       *color)
{
  double luminance = ecart_chart_color_luminance (fill, &style->background);
  double with_black = (luminance + 0.05) / 0.05;
  double with_white = 1.05 / (luminance + 0.05);

  *color = with_black >= with_white ? (EcartChartColor) { 0.12, 0.12, 0.12, 1.0 }
                                    : (EcartChartColor) { 1.0, 1.0, 1.0, 1.0 };
}

/* "#RRGGBB" (a segment's colour), or @fallback. */
void
ecart_chart_color_from_hex (const char            *text,
                            const EcartChartColor *fallback,
                            EcartChartColor       *color)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    {
      *color = *fallback;
      return;
    }
  value = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    {
      *color = *fallback;
      return;
    }
  *color = (EcartChartColor) { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                               (value & 0xff) / 255.0, 1.0 };
}

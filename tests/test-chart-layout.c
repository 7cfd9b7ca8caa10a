/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "ecart-chart-layout.h"
#include "ecart-chart-scene.h"
#include "ecart-chart-style-private.h"

/* The pure functions of the charts' pipeline (ecart-chart-layout.c): axes, bands, bars,
 * stacks, grids, quadrants, label placement, label wrapping and colour scales. */

static gboolean
is_nice (double step)
{
  double magnitude = pow (10.0, floor (log10 (step)));
  double mantissa = step / magnitude;

  return fabs (mantissa - 1.0) < 1e-9 || fabs (mantissa - 2.0) < 1e-9 || fabs (mantissa - 2.5) < 1e-9
         || fabs (mantissa - 5.0) < 1e-9 || fabs (mantissa - 10.0) < 1e-9;
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (ecart_chart_nice_step (10.0, 11), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ecart_chart_nice_step (10.0, 6), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ecart_chart_nice_step (10.0, 5), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (ecart_chart_nice_step (10.0, 3), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ecart_chart_nice_step (0.9, 10), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (ecart_chart_nice_step (130.0, 6), 50.0, 1e-12);
  /* Nothing to divide: a step of 1. */
  g_assert_cmpfloat (ecart_chart_nice_step (0.0, 5), ==, 1.0);
  g_assert_cmpfloat (ecart_chart_nice_step (NAN, 5), ==, 1.0);
}

static void
test_axis_nice (void)
{
  static const struct {
    double low, high;
    guint max_ticks;
    double min, max, step;
  } cases[] = {
    { 0.0, 10.0, 11, 0.0, 10.0, 1.0 },
    { 4.75, 9.1, 14, 4.5, 9.5, 0.5 },
    { -1.3, 0.6, 8, -1.5, 1.0, 0.5 },
    { 0.0, 100.0, 6, 0.0, 100.0, 20.0 },
    { -22.7, 39.9, 6, -40.0, 40.0, 20.0 },
    /* Two ticks: the next nice step, not two steps further (a 0–20 axis for 4–9 was a bug). */
    { 4.0, 9.0, 2, 0.0, 10.0, 10.0 },
    { 5.0, 9.0, 2, 5.0, 10.0, 5.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EcartChartAxis axis;

      ecart_chart_axis_nice (&axis, cases[i].low, cases[i].high, cases[i].max_ticks);
      g_assert_cmpfloat_with_epsilon (axis.min, cases[i].min, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.max, cases[i].max, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.step, cases[i].step, 1e-9);
      g_assert_cmpuint (axis.n_ticks, <=, cases[i].max_ticks);
    }
}

/* For many ranges: the axis covers them, keeps to its ticks, and its step is nice. */
static void
test_axis_properties (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 5000; i++)
    {
      double a = g_rand_double_range (rand, -150.0, 150.0);
      double b = a + g_rand_double_range (rand, 1e-3, 200.0) * (g_rand_boolean (rand) ? 1.0 : 0.01);
      guint max_ticks = g_rand_int_range (rand, 2, 22);
      EcartChartAxis axis;

      ecart_chart_axis_nice (&axis, a, b, max_ticks);
      g_assert_cmpfloat (axis.min, <=, a + 1e-9);
      g_assert_cmpfloat (axis.max, >=, b - 1e-9);
      g_assert_cmpuint (axis.n_ticks, >=, 2);
      /* A range across 0 needs three ticks, whatever the maximum. */
      g_assert_cmpuint (axis.n_ticks, <=, MAX (max_ticks, a < 0 && b > 0 ? 3 : 2));
      g_assert_true (is_nice (axis.step));
      g_assert_cmpfloat_with_epsilon (ecart_chart_axis_get_tick (&axis, axis.n_ticks - 1), axis.max,
                                      axis.step * 1e-6);
      /* Not more than one step of slack on either side. */
      g_assert_cmpfloat (a - axis.min, <, axis.step + 1e-9);
      g_assert_cmpfloat (axis.max - b, <, axis.step + 1e-9);
    }
  g_rand_free (rand);
}

static void
test_axis_degenerate (void)
{
  EcartChartAxis axis;

  /* One value: a step on each side. */
  ecart_chart_axis_nice (&axis, 3.0, 3.0, 5);
  g_assert_cmpfloat (axis.min, <, 3.0);
  g_assert_cmpfloat (axis.max, >, 3.0);
  /* Reversed and not finite. */
  ecart_chart_axis_nice (&axis, 9.0, 1.0, 6);
  g_assert_cmpfloat (axis.min, <=, 1.0);
  g_assert_cmpfloat (axis.max, >=, 9.0);
  ecart_chart_axis_nice (&axis, NAN, 1.0, 6);
  g_assert_cmpfloat (axis.min, ==, 0.0);
  g_assert_cmpfloat (axis.max, ==, 10.0);
}

static void
test_axis_symmetric (void)
{
  EcartChartAxis axis;

  ecart_chart_axis_symmetric (&axis, 1.27, 9);
  g_assert_cmpfloat (axis.min, ==, -axis.max);
  g_assert_cmpfloat (axis.max, >=, 1.27);
  g_assert_true (axis.n_ticks % 2 == 1);  /* 0 on a tick */
  g_assert_cmpfloat (ecart_chart_axis_get_tick (&axis, axis.n_ticks / 2), ==, 0.0);
}

static void
test_axis_mapping (void)
{
  EcartChartAxis axis;
  g_autofree char *minus = NULL;
  g_autofree char *plus = NULL;
  g_autofree char *half = NULL;
  g_autofree char *zero = NULL;

  ecart_chart_axis_fixed (&axis, 4.0, 9.0, 0.5);
  g_assert_cmpuint (axis.n_ticks, ==, 11);
  g_assert_cmpfloat (ecart_chart_axis_normalise (&axis, 4.0), ==, 0.0);
  g_assert_cmpfloat (ecart_chart_axis_normalise (&axis, 9.0), ==, 1.0);
  g_assert_cmpfloat (ecart_chart_axis_normalise (&axis, 6.5), ==, 0.5);
  /* Not clamped: a value off the axis maps off the range. */
  g_assert_cmpfloat (ecart_chart_axis_normalise (&axis, 10.0), >, 1.0);
  /* Pixels, either way round (y grows downwards). */
  g_assert_cmpfloat (ecart_chart_axis_to_pixel (&axis, 6.5, 100.0, 600.0), ==, 350.0);
  g_assert_cmpfloat (ecart_chart_axis_to_pixel (&axis, 4.0, 600.0, 100.0), ==, 600.0);

  /* Ticks: no 0.30000000000000004, no −0, a real minus sign, decimals as the step needs. */
  ecart_chart_axis_fixed (&axis, -0.3, 0.3, 0.1);
  g_assert_cmpfloat (ecart_chart_axis_get_tick (&axis, 3), ==, 0.0);
  g_assert_true (signbit (ecart_chart_axis_get_tick (&axis, 3)) == 0);
  minus = ecart_chart_format_tick (&axis, ecart_chart_axis_get_tick (&axis, 0), TRUE);
  plus = ecart_chart_format_tick (&axis, ecart_chart_axis_get_tick (&axis, 6), TRUE);
  zero = ecart_chart_format_tick (&axis, ecart_chart_axis_get_tick (&axis, 3), TRUE);
  g_assert_cmpstr (minus, ==, "−0.3");
  g_assert_cmpstr (plus, ==, "+0.3");
  g_assert_cmpstr (zero, ==, "0.0");
  ecart_chart_axis_fixed (&axis, 0.0, 5.0, 2.5);
  half = ecart_chart_format_tick (&axis, 2.5, FALSE);
  g_assert_cmpstr (half, ==, "2.5");

  g_assert_cmpuint (ecart_chart_max_ticks (1000.0, 100.0), ==, 11);
  g_assert_cmpuint (ecart_chart_max_ticks (50.0, 100.0), ==, 2);
  g_assert_cmpuint (ecart_chart_max_ticks (-5.0, 100.0), ==, 2);
}

static void
test_bands (void)
{
  EcartChartBands bands;

  ecart_chart_bands_init (&bands, 4, 100.0, 500.0, 0.5);
  g_assert_cmpfloat (ecart_chart_bands_get_centre (&bands, 0), ==, 150.0);
  g_assert_cmpfloat (ecart_chart_bands_get_centre (&bands, 3), ==, 450.0);
  g_assert_cmpfloat (ecart_chart_bands_get_thickness (&bands), ==, 50.0);
  g_assert_cmpint (ecart_chart_bands_index_at (&bands, 99.0), ==, -1);
  g_assert_cmpint (ecart_chart_bands_index_at (&bands, 100.0), ==, 0);
  g_assert_cmpint (ecart_chart_bands_index_at (&bands, 299.0), ==, 1);
  g_assert_cmpint (ecart_chart_bands_index_at (&bands, 500.0), ==, -1);

  /* 60 rows in 600 pixels: 10 each, in order, none overlapping. */
  ecart_chart_bands_init (&bands, 60, 0.0, 600.0, 0.6);
  for (guint i = 0; i < 60; i++)
    {
      g_assert_cmpfloat_with_epsilon (ecart_chart_bands_get_centre (&bands, i), 10.0 * i + 5.0, 1e-9);
      g_assert_cmpint (ecart_chart_bands_index_at (&bands, 10.0 * i + 5.0), ==, (int)i);
    }
}

static void
test_bars (void)
{
  EcartChartAxis axis;
  double from;
  double to;
  double zero;

  ecart_chart_axis_fixed (&axis, -2.0, 1.0, 0.5);
  zero = ecart_chart_axis_to_pixel (&axis, 0.0, 100.0, 400.0);
  g_assert_cmpfloat (zero, ==, 300.0);

  /* A negative gap lies left of the zero line, a positive one right of it. */
  ecart_chart_bar_extent (&axis, -1.2, 100.0, 400.0, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, 180.0, 1e-9);
  g_assert_cmpfloat (to, ==, zero);
  ecart_chart_bar_extent (&axis, 0.6, 100.0, 400.0, &from, &to);
  g_assert_cmpfloat (from, ==, zero);
  g_assert_cmpfloat_with_epsilon (to, 360.0, 1e-9);
  /* Beyond the axis: clamped to its end. */
  ecart_chart_bar_extent (&axis, -5.0, 100.0, 400.0, &from, &to);
  g_assert_cmpfloat (from, ==, 100.0);
  /* An axis without 0: bars start at its nearest end. */
  ecart_chart_axis_fixed (&axis, 2.0, 6.0, 1.0);
  ecart_chart_bar_extent (&axis, 4.0, 0.0, 400.0, &from, &to);
  g_assert_cmpfloat (from, ==, 0.0);
  g_assert_cmpfloat (to, ==, 200.0);
}

static void
test_stacks (void)
{
  double shares[3] = { 25.0, 47.2, 27.8 };
  double thirds[3] = { 100.0 / 3, 100.0 / 3, 100.0 / 3 };
  double missing[3] = { NAN, 60.0, 40.0 };
  double from[3];
  double to[3];

  ecart_chart_stack_extents (shares, 3, 0.0, 1000.0, from, to);
  g_assert_cmpfloat (from[0], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (to[0], 250.0, 1e-9);
  g_assert_cmpfloat (from[1], ==, to[0]);
  g_assert_cmpfloat (from[2], ==, to[1]);
  g_assert_cmpfloat_with_epsilon (to[2], 1000.0, 1e-9);

  ecart_chart_stack_extents (thirds, 3, 10.0, 310.0, from, to);
  g_assert_cmpfloat_with_epsilon (to[2], 310.0, 1e-9);

  ecart_chart_stack_extents (missing, 3, 0.0, 100.0, from, to);
  g_assert_cmpfloat (to[0] - from[0], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (to[2], 100.0, 1e-9);
}

static void
test_grid (void)
{
  EcartChartRect area = { 100.0, 50.0, 1200.0, 600.0 };
  EcartChartGrid grid;
  EcartChartRect cell;
  guint rows;
  guint columns;

  /* The heatmap of the demo: 13 attributes × 10 touchpoints. */
  ecart_chart_grid_init (&grid, &area, 13, 10, 2.0);
  ecart_chart_grid_get_cell (&grid, 0, 0, &cell);
  g_assert_cmpfloat (cell.x, ==, 101.0);
  g_assert_cmpfloat (cell.y, ==, 51.0);
  g_assert_cmpfloat_with_epsilon (cell.width, 118.0, 1e-9);
  ecart_chart_grid_get_cell (&grid, 12, 9, &cell);
  g_assert_cmpfloat_with_epsilon (cell.x + cell.width, 1299.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell.y + cell.height, 649.0, 1e-9);

  /* Every cell's centre finds the cell back. */
  for (guint r = 0; r < 13; r++)
    for (guint c = 0; c < 10; c++)
      {
        guint found_row;
        guint found_column;

        ecart_chart_grid_get_cell (&grid, r, c, &cell);
        g_assert_true (ecart_chart_grid_cell_at (&grid, cell.x + cell.width / 2.0, cell.y + cell.height / 2.0,
                                                 &found_row, &found_column));
        g_assert_cmpuint (found_row, ==, r);
        g_assert_cmpuint (found_column, ==, c);
      }
  g_assert_false (ecart_chart_grid_cell_at (&grid, 99.0, 60.0, NULL, NULL));
  g_assert_false (ecart_chart_grid_cell_at (&grid, 200.0, 651.0, NULL, NULL));

  /* Small multiples: every panel has a cell, with few empty cells. */
  for (guint n = 1; n <= 60; n++)
    {
      ecart_chart_grid_shape (n, 1550.0, 650.0, 1.7, &rows, &columns);
      g_assert_cmpuint (rows * columns, >=, n);
      g_assert_cmpuint (rows * columns - n, <, columns);
    }
  ecart_chart_grid_shape (12, 1550.0, 650.0, 1.7, &rows, &columns);
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpuint (columns, ==, 4);
}

static void
test_quadrants (void)
{
  EcartChartRect plot = { 0.0, 0.0, 500.0, 400.0 };
  static const EcartQuadrant all[] = {
    ECART_QUADRANT_CONCENTRATE_HERE, ECART_QUADRANT_KEEP_UP,
    ECART_QUADRANT_LOW_PRIORITY, ECART_QUADRANT_POSSIBLE_OVERKILL,
  };
  double area = 0.0;

  /* As the engine decides: important and low is "Concentrate here"; on a crosshair is high. */
  g_assert_cmpint (ecart_chart_quadrant_at (5, 6.0, 3.5, 7.0), ==, ECART_QUADRANT_CONCENTRATE_HERE);
  g_assert_cmpint (ecart_chart_quadrant_at (5, 8.0, 3.5, 7.0), ==, ECART_QUADRANT_KEEP_UP);
  g_assert_cmpint (ecart_chart_quadrant_at (2, 6.0, 3.5, 7.0), ==, ECART_QUADRANT_LOW_PRIORITY);
  g_assert_cmpint (ecart_chart_quadrant_at (2, 8.0, 3.5, 7.0), ==, ECART_QUADRANT_POSSIBLE_OVERKILL);
  g_assert_cmpint (ecart_chart_quadrant_at (3.5, 7.0, 3.5, 7.0), ==, ECART_QUADRANT_KEEP_UP);
  g_assert_cmpint (ecart_chart_quadrant_at (NAN, 7.0, 3.5, 7.0), ==, ECART_QUADRANT_NONE);

  /* The four rectangles tile the plot: right is important, up is a high lived score. */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      EcartChartRect rect;

      ecart_chart_quadrant_rect (all[i], &plot, 300.0, 150.0, &rect);
      area += rect.width * rect.height;
      switch (all[i])
        {
        case ECART_QUADRANT_CONCENTRATE_HERE:
          g_assert_cmpfloat (rect.x, ==, 300.0);
          g_assert_cmpfloat (rect.y, ==, 150.0);
          g_assert_cmpfloat (rect.width, ==, 200.0);
          g_assert_cmpfloat (rect.height, ==, 250.0);
          break;
        case ECART_QUADRANT_KEEP_UP:
          g_assert_cmpfloat (rect.x, ==, 300.0);
          g_assert_cmpfloat (rect.y, ==, 0.0);
          break;
        case ECART_QUADRANT_LOW_PRIORITY:
          g_assert_cmpfloat (rect.x, ==, 0.0);
          g_assert_cmpfloat (rect.y, ==, 150.0);
          break;
        case ECART_QUADRANT_POSSIBLE_OVERKILL:
          g_assert_cmpfloat (rect.x, ==, 0.0);
          g_assert_cmpfloat (rect.y, ==, 0.0);
          g_assert_cmpfloat (rect.width, ==, 300.0);
          break;
        case ECART_QUADRANT_NONE:
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpfloat (area, ==, 500.0 * 400.0);
}

static void
test_spread (void)
{
  double apart[4] = { 10.0, 50.0, 90.0, 130.0 };
  double crowded[5] = { 100.0, 101.0, 102.0, 103.0, 300.0 };
  double edge[3] = { 0.0, 1.0, 2.0 };
  double too_many[6] = { 5.0, 5.0, 5.0, 5.0, 5.0, 5.0 };

  /* Far enough apart: nothing moves. */
  ecart_chart_spread (apart, 4, 20.0, 0.0, 200.0);
  g_assert_cmpfloat (apart[0], ==, 10.0);
  g_assert_cmpfloat (apart[3], ==, 130.0);

  /* A cluster spreads around its middle; the lone label stays. */
  ecart_chart_spread (crowded, 5, 16.0, 0.0, 400.0);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat (crowded[i] - crowded[i - 1], >=, 16.0 - 1e-9);
  g_assert_cmpfloat_with_epsilon ((crowded[0] + crowded[3]) / 2.0, 101.5, 1e-9);
  g_assert_cmpfloat (crowded[4], ==, 300.0);

  /* At an edge, they stay within bounds. */
  ecart_chart_spread (edge, 3, 10.0, 0.0, 100.0);
  g_assert_cmpfloat (edge[0], ==, 0.0);
  g_assert_cmpfloat (edge[2], ==, 20.0);

  /* More than fit: evenly over the whole range, in order. */
  ecart_chart_spread (too_many, 6, 30.0, 0.0, 100.0);
  g_assert_cmpfloat (too_many[0], ==, 0.0);
  g_assert_cmpfloat (too_many[5], ==, 100.0);
  for (guint i = 1; i < 6; i++)
    g_assert_cmpfloat (too_many[i], >, too_many[i - 1]);
}

static void
test_polar (void)
{
  double x;
  double y;

  /* The first spoke points up, the others go round clockwise. */
  ecart_chart_polar (0, 4, 1.0, 100.0, 100.0, 50.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 50.0, 1e-9);
  ecart_chart_polar (1, 4, 0.5, 100.0, 100.0, 50.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 125.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 100.0, 1e-9);
  ecart_chart_polar (2, 4, 0.0, 100.0, 100.0, 50.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 100.0, 1e-9);
}

static PangoContext *
make_context (cairo_surface_t **surface,
              cairo_t         **cr)
{
  *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  *cr = cairo_create (*surface);
  return ecart_chart_context_new (*cr);
}

/* A long French label, measured with Pango: wrapped to the lines asked for, the last one
 * ellipsised, never wider than the width. */
static void
test_labels (void)
{
  const char *label = "Écoute attentive et résolution rapide des problèmes signalés par les clients";
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context = make_context (&surface, &cr);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(EcartChartScene) scene = ecart_chart_scene_new (800, 600, style, context);
  const PangoFontDescription *font = ecart_chart_scene_get_font (scene, ECART_CHART_FONT_LABEL);
  double line = ecart_chart_scene_line_height (scene, ECART_CHART_FONT_LABEL);
  double width;
  double height;

  /* Unlimited: one line, wider than 300 pixels. */
  {
    g_autoptr(PangoLayout) layout = ecart_chart_label_new (context, font, label, -1, 1, PANGO_ALIGN_LEFT);

    ecart_chart_label_get_size (layout, &width, &height);
    g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
    g_assert_cmpfloat (width, >, 300.0);
    g_assert_false (pango_layout_is_ellipsized (layout));
  }

  /* 200 pixels, two lines: wrapped, then cut with an ellipsis. */
  {
    g_autoptr(PangoLayout) layout = ecart_chart_label_new (context, font, label, 200.0, 2, PANGO_ALIGN_RIGHT);
    g_autofree char *last_line = NULL;
    PangoLayoutLine *second;

    ecart_chart_label_get_size (layout, &width, &height);
    g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
    g_assert_true (pango_layout_is_ellipsized (layout));
    g_assert_cmpfloat (width, <=, 200.0 + 0.5);
    g_assert_cmpfloat_with_epsilon (height, 2 * line, line * 0.25);
    second = pango_layout_get_line_readonly (layout, 1);
    g_assert_nonnull (second);
  }

  /* Wide enough for it all in four lines: no ellipsis. */
  {
    g_autoptr(PangoLayout) layout = ecart_chart_label_new (context, font, label, 200.0, 6, PANGO_ALIGN_LEFT);

    g_assert_cmpint (pango_layout_get_line_count (layout), >=, 2);
    g_assert_cmpint (pango_layout_get_line_count (layout), <=, 4);
    g_assert_false (pango_layout_is_ellipsized (layout));
  }

  /* One line at 120 pixels: ellipsised. */
  {
    g_autoptr(PangoLayout) layout = ecart_chart_label_new (context, font, label, 120.0, 1, PANGO_ALIGN_LEFT);

    ecart_chart_label_get_size (layout, &width, NULL);
    g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
    g_assert_true (pango_layout_is_ellipsized (layout));
    g_assert_cmpfloat (width, <=, 120.5);
  }

  /* Scale 2: twice the line height. */
  {
    g_autoptr(EcartChartStyle) big = ecart_chart_style_new (FALSE, 2.0);
    g_autoptr(EcartChartScene) projected = ecart_chart_scene_new (800, 600, big, context);

    g_assert_cmpfloat_with_epsilon (ecart_chart_scene_line_height (projected, ECART_CHART_FONT_LABEL), 2 * line,
                                    line * 0.1);
  }

  g_clear_pointer (&scene, ecart_chart_scene_free);
  ecart_chart_context_free (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_colors (void)
{
  g_autoptr(EcartChartStyle) light = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(EcartChartStyle) dark = ecart_chart_style_new (TRUE, 1.0);
  EcartChartColor color;
  EcartChartColor ink;
  double previous = -1.0;

  /* The scale: its middle at 0, its ends at ±limit and beyond. */
  ecart_chart_diverging_color (light, 0.0, 2.0, &color);
  g_assert_cmpfloat_with_epsilon (color.red, light->diverging[4].red, 1e-9);
  ecart_chart_diverging_color (light, -2.0, 2.0, &color);
  g_assert_cmpfloat_with_epsilon (color.red, light->diverging[0].red, 1e-9);
  ecart_chart_diverging_color (light, -7.0, 2.0, &color);
  g_assert_cmpfloat_with_epsilon (color.green, light->diverging[0].green, 1e-9);
  ecart_chart_diverging_color (light, 2.0, 2.0, &color);
  g_assert_cmpfloat_with_epsilon (color.blue, light->diverging[8].blue, 1e-9);
  /* Brown below, teal above. */
  ecart_chart_diverging_color (light, -1.0, 2.0, &color);
  g_assert_cmpfloat (color.red, >, color.blue);
  ecart_chart_diverging_color (light, 1.0, 2.0, &color);
  g_assert_cmpfloat (color.blue, >, color.red);

  /* Light: the further from 0, the darker; dark: the further, the lighter. */
  for (double v = 0.0; v <= 2.0; v += 0.25)
    {
      double luminance;

      ecart_chart_diverging_color (light, v, 2.0, &color);
      luminance = ecart_chart_color_luminance (&color, NULL);
      if (previous >= 0.0)
        g_assert_cmpfloat (luminance, <, previous + 1e-9);
      previous = luminance;
    }
  previous = -1.0;
  for (double v = 0.0; v >= -2.0; v -= 0.25)
    {
      double luminance;

      ecart_chart_diverging_color (dark, v, 2.0, &color);
      luminance = ecart_chart_color_luminance (&color, NULL);
      if (previous >= 0.0)
        g_assert_cmpfloat (luminance, >, previous - 1e-9);
      previous = luminance;
    }

  /* Text on a cell: dark on light colours, white on dark ones. */
  ecart_chart_diverging_color (light, 0.1, 2.0, &color);
  ecart_chart_text_color_on (light, &color, &ink);
  g_assert_cmpfloat (ink.red, <, 0.5);
  ecart_chart_diverging_color (light, -2.0, 2.0, &color);
  ecart_chart_text_color_on (light, &color, &ink);
  g_assert_cmpfloat (ink.red, >, 0.5);

  /* The four dimensions keep the Okabe–Ito colours. */
  ecart_chart_style_get_dimension_color (light, ECART_DIMENSION_LIVED, &color);
  g_assert_cmpint ((int)round (color.red * 255), ==, 0xD5);
  g_assert_cmpint ((int)round (color.green * 255), ==, 0x5E);
  g_assert_cmpint ((int)round (color.blue * 255), ==, 0x00);
  ecart_chart_style_get_dimension_color (light, ECART_DIMENSION_DESIRED, &color);
  g_assert_cmpint ((int)round (color.blue * 255), ==, 0xB2);

  ecart_chart_color_from_hex ("#56B4E9", &light->foreground, &color);
  g_assert_cmpint ((int)round (color.green * 255), ==, 0xB4);
  ecart_chart_color_from_hex ("blue", &light->foreground, &color);
  g_assert_cmpfloat (color.red, ==, light->foreground.red);
  ecart_chart_color_from_hex (NULL, &light->secondary, &color);
  g_assert_cmpfloat (color.green, ==, light->secondary.green);
}

static void
test_style (void)
{
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (TRUE, 2.0);
  g_autoptr(EcartChartStyle) copy = NULL;
  EcartChartColor color;

  g_assert_true (ecart_chart_style_is_dark (style));
  g_assert_cmpfloat (ecart_chart_style_get_scale (style), ==, 2.0);
  g_assert_true (g_str_has_prefix (ecart_chart_style_get_font_family (style), "Cantarell"));
  ecart_chart_style_set_font_family (style, "DejaVu Sans");
  copy = ecart_chart_style_copy (style);
  g_assert_cmpstr (ecart_chart_style_get_font_family (copy), ==, "DejaVu Sans");
  ecart_chart_style_set_font_family (copy, NULL);
  g_assert_true (g_str_has_prefix (ecart_chart_style_get_font_family (copy), "Cantarell"));
  ecart_chart_style_get_background_color (style, &color);
  g_assert_cmpfloat (color.red, <, 0.2);
  ecart_chart_style_get_foreground_color (style, &color);
  g_assert_cmpfloat (color.red, >, 0.8);
  g_assert_true (ecart_chart_style_get_draws_background (style));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/chart-layout/nice-step", test_nice_step);
  g_test_add_func ("/core/chart-layout/axis-nice", test_axis_nice);
  g_test_add_func ("/core/chart-layout/axis-properties", test_axis_properties);
  g_test_add_func ("/core/chart-layout/axis-degenerate", test_axis_degenerate);
  g_test_add_func ("/core/chart-layout/axis-symmetric", test_axis_symmetric);
  g_test_add_func ("/core/chart-layout/axis-mapping", test_axis_mapping);
  g_test_add_func ("/core/chart-layout/bands", test_bands);
  g_test_add_func ("/core/chart-layout/bars", test_bars);
  g_test_add_func ("/core/chart-layout/stacks", test_stacks);
  g_test_add_func ("/core/chart-layout/grid", test_grid);
  g_test_add_func ("/core/chart-layout/quadrants", test_quadrants);
  g_test_add_func ("/core/chart-layout/spread", test_spread);
  g_test_add_func ("/core/chart-layout/polar", test_polar);
  g_test_add_func ("/core/chart-layout/labels", test_labels);
  g_test_add_func ("/core/chart-layout/colors", test_colors);
  g_test_add_func ("/core/chart-layout/style", test_style);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ecart-template.h"
#include "test-charts-utils.h"

/* The eight charts drawn into image surfaces, for the demo and for edge cases (nothing to
 * draw, one attribute, 60 attributes, too few measurements, gaps of both signs, the dark
 * style, scale 2): pixels where a marker or a bar must be, nothing outside the bounds, the
 * hits, the text alternative against the gap table, SVG and PDF exports read back by
 * rsvg-convert and pdfinfo, and reference pictures (tests/data/charts, regenerated with
 * ECART_UPDATE_REFERENCES=1). */

static const EcartChartKind all_kinds[] = {
  ECART_CHART_PROFILE, ECART_CHART_GAP_BARS, ECART_CHART_RADAR, ECART_CHART_JOURNEY,
  ECART_CHART_MATRIX, ECART_CHART_NPS, ECART_CHART_HEATMAP, ECART_CHART_TRENDS,
};

/* ---------------------------------------------------------------------------------- */
/* Every kind, the demo                                                               */

static void
test_demo_kind (gconstpointer user_data)
{
  EcartChartKind kind = GPOINTER_TO_INT (user_data);
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  EcartSegment *segment = kind == ECART_CHART_NPS || kind == ECART_CHART_MATRIX
                          ? NULL : find_segment (get_demo ("en"), "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (kind, table, segment, ecart_chart_kind_get_default_gap (kind));
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) surface = NULL;
  g_autofree char *name = g_strdup_printf ("demo-%s", ecart_chart_kind_to_string (kind));
  guint n_hits;
  const EcartChartHit *hits;
  guint checked = 0;

  g_assert_false (ecart_chart_is_empty (chart));
  g_assert_nonnull (ecart_chart_get_title (chart));
  surface = render (chart, 960, 540, style);
  assert_margin_empty (surface);
  assert_no_text_overlap (chart, name);
  g_assert_cmpuint (count_drawn (surface, style, 0, 0, 960, 540), >, 960 * 540 / 50);
  compare_reference (surface, name);

  /* Every value hit: hit testing at its centre finds it back, and markers of the lived
   * experience have its colour there. */
  hits = hits_of (chart, &n_hits);
  g_assert_cmpuint (n_hits, >, 0);
  for (guint i = 0; i < n_hits; i++)
    {
      const EcartChartHit *hit = &hits[i];
      EcartChartHit found;
      double x;
      double y;

      g_assert_cmpfloat (hit->x, >=, 0.0);
      g_assert_cmpfloat (hit->y, >=, 0.0);
      g_assert_cmpfloat (hit->x + hit->width, <=, 960.0 + 1.0);
      g_assert_cmpfloat (hit->y + hit->height, <=, 540.0 + 1.0);
      if (hit->element == ECART_CHART_ELEMENT_LABEL || hit->element == ECART_CHART_ELEMENT_WHISKER)
        continue;
      centre (hit, &x, &y);
      g_assert_true (ecart_chart_hit_test (chart, x, y, &found));
      /* What is there is at least as precise as what was drawn there last. */
      g_assert_cmpint (found.element, !=, ECART_CHART_ELEMENT_NONE);
      if (hit->measure == ECART_CHART_MEASURE_DIMENSION && hit->dimension == ECART_DIMENSION_LIVED
          && !hit->insufficient && found.attribute == hit->attribute && found.wave == hit->wave
          && found.touchpoint == hit->touchpoint && found.dimension == ECART_DIMENSION_LIVED)
        {
          EcartChartColor lived;

          ecart_chart_style_get_dimension_color (style, ECART_DIMENSION_LIVED, &lived);
          assert_color (surface, x, y, &lived);
          checked++;
        }
    }
  if (kind != ECART_CHART_GAP_BARS && kind != ECART_CHART_HEATMAP && kind != ECART_CHART_NPS)
    g_assert_cmpuint (checked, >, 0);
}

/* The profile: markers along one linear axis, at the values of the gap table. */
static void
test_demo_profile_values (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  g_autoptr(EcartGapTable) table = compute (workspace);
  EcartSegment *segment = find_segment (workspace, "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_PROFILE, table, segment, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) surface = render (chart, 1600, 900, style);
  guint n_hits;
  const EcartChartHit *hits = hits_of (chart, &n_hits);
  double slope = NAN;
  double intercept = NAN;
  guint markers = 0;
  guint attribute_index = 0;
  GListModel *attributes = ecart_gap_table_get_attributes (table);
  g_autoptr(EcartAttribute) third = g_list_model_get_item (attributes, 2);

  for (guint i = 0; i < n_hits; i++)
    {
      const EcartChartHit *hit = &hits[i];
      EcartGapRow *row;
      double x;
      double y;

      if (hit->element != ECART_CHART_ELEMENT_MARKER)
        continue;
      row = ecart_gap_table_lookup (table, segment, hit->attribute);
      g_assert_nonnull (row);
      g_assert_cmpfloat (hit->value, ==, ecart_gap_row_get_value (row, hit->dimension));
      centre (hit, &x, &y);
      /* x = intercept + slope · value, for every marker. */
      if (isnan (slope))
        {
          for (guint j = i + 1; j < n_hits; j++)
            if (hits[j].element == ECART_CHART_ELEMENT_MARKER && fabs (hits[j].value - hit->value) > 1.0)
              {
                double x2;
                double y2;

                centre (&hits[j], &x2, &y2);
                slope = (x2 - x) / (hits[j].value - hit->value);
                intercept = x - slope * hit->value;
                break;
              }
          g_assert_cmpfloat (slope, >, 0.0);
        }
      g_assert_cmpfloat_with_epsilon (x, intercept + slope * hit->value, 0.5);
      markers++;

      /* The centre of the Lived marker of the third attribute has the Lived colour. */
      if (hit->attribute == third && hit->dimension == ECART_DIMENSION_LIVED)
        {
          EcartChartColor lived;

          ecart_chart_style_get_dimension_color (style, ECART_DIMENSION_LIVED, &lived);
          assert_color (surface, x, y, &lived);
          attribute_index++;
        }
    }
  g_assert_cmpuint (markers, ==, 13 * 4);
  g_assert_cmpuint (attribute_index, ==, 1);
  save_artifact (surface, "demo-profile-1600");
}

/* Gap bars: negative ones end at the zero line, positive ones start there, all on one
 * scale; the colour of a bar is its sign's. */
static void
test_demo_gap_bars_geometry (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  g_autoptr(EcartGapTable) table = compute (workspace);
  EcartSegment *segment = find_segment (workspace, "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_GAP_BARS, table, segment, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) surface = render (chart, 1600, 900, style);
  const EcartChartStyle *s = style;
  guint n_hits;
  const EcartChartHit *hits = hits_of (chart, &n_hits);
  double zero = NAN;
  double scale = NAN;
  guint negative = 0;
  guint positive = 0;
  double previous_priority = G_MAXDOUBLE;

  for (guint i = 0; i < n_hits; i++)
    {
      const EcartChartHit *hit = &hits[i];
      EcartGapRow *row;
      double edge_x;
      double length;
      double cy = hit->y + hit->height / 2.0;

      if (hit->element != ECART_CHART_ELEMENT_BAR)
        continue;
      g_assert_cmpint (hit->measure, ==, ECART_CHART_MEASURE_GAP);
      g_assert_cmpint (hit->gap, ==, ECART_GAP_DELIVERY);
      row = ecart_gap_table_lookup (table, segment, hit->attribute);
      g_assert_cmpfloat (hit->value, ==, ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->value);
      g_assert_cmpint (hit->significant, ==, ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->significant);

      /* Sorted by importance × |gap|, largest first. */
      g_assert_cmpfloat (hit->importance * fabs (hit->value), <=, previous_priority + 1e-9);
      previous_priority = hit->importance * fabs (hit->value);

      if (fabs (hit->value) < 0.05)
        continue;
      edge_x = hit->value < 0 ? hit->x + hit->width : hit->x;
      if (isnan (zero))
        zero = edge_x;
      g_assert_cmpfloat_with_epsilon (edge_x, zero, 0.01);
      length = hit->width / fabs (hit->value);
      if (isnan (scale))
        scale = length;
      g_assert_cmpfloat_with_epsilon (length, scale, 0.01 * scale);

      if (hit->value < 0)
        {
          /* Inside the bar (above the whisker through its middle): its colour. */
          if (hit->significant)
            assert_color (surface, hit->x + 2, cy - hit->height / 4.0, &s->negative);
          g_assert_cmpfloat (hit->x + hit->width, <=, zero + 0.01);
          negative++;
        }
      else
        {
          if (hit->significant)
            assert_color (surface, hit->x + hit->width - 2, cy - hit->height / 4.0, &s->positive);
          g_assert_cmpfloat (hit->x, >=, zero - 0.01);
          positive++;
        }
    }
  g_assert_cmpuint (negative, >, 0);
  g_assert_cmpuint (positive, >, 0);
}

/* The matrix: every point where the engine puts its quadrant. */
static void
test_demo_matrix_quadrants (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  g_autoptr(EcartGapTable) table = compute (workspace);
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_MATRIX, table, NULL, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) surface = render (chart, 1600, 900, style);
  guint n_hits;
  const EcartChartHit *hits = hits_of (chart, &n_hits);
  guint points = 0;

  for (guint i = 0; i < n_hits; i++)
    {
      const EcartChartHit *hit = &hits[i];
      double importance;
      double lived;

      if (hit->element != ECART_CHART_ELEMENT_POINT)
        continue;
      g_assert_true (ecart_gap_table_get_crosshair (table, hit->segment, &importance, &lived));
      g_assert_cmpint (hit->quadrant, ==, ecart_chart_quadrant_at (hit->importance, hit->value, importance, lived));
      g_assert_cmpint (hit->quadrant, ==,
                       ecart_gap_row_get_quadrant (ecart_gap_table_lookup (table, hit->segment, hit->attribute)));
      points++;
    }
  /* 12 + 13 + 11 measured attributes in the three segments. */
  g_assert_cmpuint (points, >=, 30);
}

/* The heatmap: each cell has the colour of its gap on the diverging scale. */
static void
test_demo_heatmap_cells (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  g_autoptr(EcartGapTable) table = compute (workspace);
  EcartSegment *segment = find_segment (workspace, "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_HEATMAP, table, segment, ECART_GAP_PERCEPTION);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) surface = render (chart, 1600, 900, style);
  const EcartChartHeatmapData *data = _ecart_chart_get_data (chart);
  guint n_hits;
  const EcartChartHit *hits = hits_of (chart, &n_hits);
  guint cells = 0;

  for (guint i = 0; i < n_hits; i++)
    {
      const EcartChartHit *hit = &hits[i];
      EcartChartColor expected;

      if (hit->element != ECART_CHART_ELEMENT_CELL || hit->insufficient)
        continue;
      ecart_chart_diverging_color (style, hit->value, data->limit, &expected);
      assert_color (surface, hit->x + 3, hit->y + 3, &expected);
      cells++;
    }
  g_assert_cmpuint (cells, ==, 19);  /* the by-touchpoint rows of Families */
}

/* NPS: the stacked shares fill the bar, in the order detractors, passives, promoters. */
static void
test_demo_nps_slices (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  g_autoptr(EcartGapTable) table = compute (workspace);
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_NPS, table, NULL, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) surface = render (chart, 1600, 900, style);
  guint n_hits;
  const EcartChartHit *hits = hits_of (chart, &n_hits);
  guint slices = 0;

  for (guint i = 0; i < n_hits; i++)
    {
      const EcartChartHit *hit = &hits[i];
      const EcartNps *nps;
      const EcartChartColor *color;

      if (hit->element != ECART_CHART_ELEMENT_SLICE)
        continue;
      nps = ecart_gap_table_get_nps (table, hit->segment, hit->wave);
      switch (hit->measure)
        {
        case ECART_CHART_MEASURE_DETRACTORS:
          g_assert_cmpfloat (hit->value, ==, nps->detractors_pct);
          color = &style->negative;
          break;
        case ECART_CHART_MEASURE_PASSIVES:
          g_assert_cmpfloat (hit->value, ==, nps->passives_pct);
          color = &style->passives;
          break;
        case ECART_CHART_MEASURE_PROMOTERS:
          g_assert_cmpfloat (hit->value, ==, nps->promoters_pct);
          color = &style->positive;
          break;
        default:
          g_assert_not_reached ();
        }
      assert_color (surface, hit->x + 2, hit->y + 2, color);
      slices++;
    }
  g_assert_cmpuint (slices, ==, 4 * 3);  /* three segments and all together */
}

/* The text alternative: one row per attribute, with the gap table's numbers. */
static void
test_demo_text (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  g_autoptr(EcartGapTable) table = compute (workspace);
  EcartSegment *segment = find_segment (workspace, "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_PROFILE, table, segment, ECART_GAP_DELIVERY);
  g_autoptr(GPtrArray) rows = ecart_chart_get_rows (chart);
  g_autofree char *text = ecart_chart_to_text (chart);
  GListModel *segment_rows = ecart_gap_table_get_segment_rows (table, segment);

  g_assert_cmpuint (rows->len, ==, 1 + g_list_model_get_n_items (segment_rows));
  for (guint i = 0; i < g_list_model_get_n_items (segment_rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (segment_rows, i);
      char **cells = g_ptr_array_index (rows, i + 1);
      g_autofree char *desired = g_strdup_printf ("%.1f", ecart_gap_row_get_desired (row));
      g_autofree char *lived = g_strdup_printf ("%.1f", ecart_gap_row_get_value (row, ECART_DIMENSION_LIVED));
      g_autofree char *n = g_strdup_printf ("%'" G_GINT64_FORMAT,
                                            ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n);

      g_assert_cmpstr (cells[0], ==, ecart_item_get_name (ECART_ITEM (ecart_gap_row_get_attribute (row))));
      g_assert_cmpstr (cells[3], ==, desired);
      g_assert_cmpstr (cells[8], ==, lived);
      g_assert_cmpstr (cells[10], ==, n);
      g_assert_nonnull (strstr (text, cells[0]));
    }
  g_assert_true (g_str_has_prefix (text, ecart_chart_get_title (chart)));

  /* Every kind has a header and as many cells in every row. */
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) each = ecart_chart_new (all_kinds[k], table, segment, ECART_GAP_PERCEPTION);
      g_autoptr(GPtrArray) each_rows = ecart_chart_get_rows (each);
      guint n_columns = g_strv_length (g_ptr_array_index (each_rows, 0));

      g_assert_cmpuint (each_rows->len, >, 1);
      for (guint r = 1; r < each_rows->len; r++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (each_rows, r)), ==, n_columns);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Styles and sizes                                                                   */

static void
test_dark (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  EcartSegment *segment = find_segment (get_demo ("en"), "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_PROFILE, table, segment, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (TRUE, 1.0);
  g_autoptr(Surface) surface = render (chart, 960, 540, style);
  EcartChartColor background;
  EcartChartColor lived;
  guint n_hits;
  const EcartChartHit *hits = hits_of (chart, &n_hits);

  ecart_chart_style_get_background_color (style, &background);
  assert_color (surface, 2, 2, &background);
  g_assert_cmpfloat (background.red, <, 0.16);
  ecart_chart_style_get_dimension_color (style, ECART_DIMENSION_LIVED, &lived);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].element == ECART_CHART_ELEMENT_MARKER && hits[i].dimension == ECART_DIMENSION_LIVED)
      {
        double x;
        double y;

        centre (&hits[i], &x, &y);
        assert_color (surface, x, y, &lived);
      }
  assert_margin_empty (surface);
  compare_reference (surface, "demo-profile-dark");

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) each = ecart_chart_new (all_kinds[k], table, segment,
                                                    ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autoptr(Surface) picture = render (each, 960, 540, style);
      g_autofree char *name = g_strdup_printf ("dark-%s", ecart_chart_kind_to_string (all_kinds[k]));

      assert_margin_empty (picture);
      assert_no_text_overlap (each, name);
      save_artifact (picture, name);
    }
}

/* Scale 2: fonts and marks twice as large, the frame takes more room, nothing spills. */
static void
test_scale (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  EcartSegment *segment = find_segment (get_demo ("en"), "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_GAP_BARS, table, segment, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) normal = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(EcartChartStyle) projected = ecart_chart_style_new (FALSE, 2.0);
  g_autoptr(Surface) small = render (chart, 1600, 900, normal);
  EcartChartRect plot_normal;

  assert_margin_empty (small);
  EcartChartRect plot_projected;
  g_autoptr(Surface) large = NULL;

  ecart_chart_scene_get_plot (_ecart_chart_get_scene (chart), &plot_normal);
  large = render (chart, 1600, 900, projected);
  ecart_chart_scene_get_plot (_ecart_chart_get_scene (chart), &plot_projected);
  g_assert_cmpfloat (plot_projected.y, >, plot_normal.y * 1.6);
  g_assert_cmpfloat (plot_projected.height, <, plot_normal.height);
  assert_margin_empty (large);
  compare_reference (large, "demo-gap-bars-scale-2");

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) each = ecart_chart_new (all_kinds[k], table, NULL,
                                                    ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autoptr(Surface) picture = render (each, 1600, 900, projected);
      g_autofree char *name = g_strdup_printf ("scale-2-%s", ecart_chart_kind_to_string (all_kinds[k]));

      assert_margin_empty (picture);
      assert_no_text_overlap (each, name);
      save_artifact (picture, name);
    }
}

/* Sizes from a thumbnail to a large screen, in both languages: nothing spills out. */
static void
test_sizes (void)
{
  static const int sizes[][2] = { { 320, 200 }, { 640, 400 }, { 1024, 600 }, { 1920, 1080 } };
  const char *languages[] = { "en", "fr" };
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(EcartGapTable) table = compute (get_demo (languages[l]));

      for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
        for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
          {
            g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, NULL,
                                                           ecart_chart_kind_get_default_gap (all_kinds[k]));
            g_autoptr(Surface) surface = render (chart, sizes[i][0], sizes[i][1], style);
            g_autofree char *what = g_strdup_printf ("%s %s %d × %d", languages[l],
                                                     ecart_chart_kind_to_string (all_kinds[k]),
                                                     sizes[i][0], sizes[i][1]);

            assert_margin_empty (surface);
            if (sizes[i][0] >= 640)
              assert_no_text_overlap (chart, what);
            if (sizes[i][0] == 1024)
              {
                g_autofree char *name = g_strdup_printf ("%s-%s-1024", languages[l],
                                                         ecart_chart_kind_to_string (all_kinds[k]));
                save_artifact (surface, name);
              }
          }
    }
}

static void
test_french (void)
{
  EcartWorkspace *workspace = get_demo ("fr");
  g_autoptr(EcartGapTable) table = compute (workspace);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, find_segment (workspace, "Familles"),
                                                     ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autoptr(Surface) surface = render (chart, 1600, 900, style);
      g_autofree char *name = g_strdup_printf ("fr-%s", ecart_chart_kind_to_string (all_kinds[k]));

      g_assert_false (ecart_chart_is_empty (chart));
      assert_margin_empty (surface);
      assert_no_text_overlap (chart, name);
      if (all_kinds[k] == ECART_CHART_HEATMAP)
        compare_reference (surface, name);
      else
        save_artifact (surface, name);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Edge cases                                                                         */

/* Nothing to draw: every kind says why, in words, and draws them. */
static void
test_empty (void)
{
  g_autoptr(EcartGapTable) table = compute (get_empty ());
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(EcartWorkspace) no_segment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "nothing.ecart", NULL);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, NULL,
                                                     ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autoptr(Surface) surface = render (chart, 800, 450, style);
      g_autoptr(GPtrArray) rows = ecart_chart_get_rows (chart);
      g_autofree char *text = ecart_chart_to_text (chart);
      g_autofree char *name = g_strdup_printf ("empty-%s", ecart_chart_kind_to_string (all_kinds[k]));

      g_assert_true (ecart_chart_is_empty (chart));
      g_assert_nonnull (ecart_chart_get_empty_message (chart));
      g_assert_nonnull (strstr (text, ecart_chart_get_empty_message (chart)));
      g_assert_cmpuint (rows->len, >=, 1);
      assert_margin_empty (surface);
      /* The message is drawn in the middle, not a blank. */
      g_assert_cmpuint (count_drawn (surface, style, 100, 150, 700, 400), >, 500);
      g_assert_false (ecart_chart_hit_test (chart, 400, 300, NULL));
      save_artifact (surface, name);
    }

  /* No segment at all. */
  no_segment = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);
  g_assert_no_error (error);
  {
    g_autoptr(EcartGapTable) bare = compute (no_segment);

    for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
      {
        g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], bare, NULL, ECART_GAP_DELIVERY);
        g_autoptr(Surface) surface = render (chart, 800, 450, style);

        g_assert_true (ecart_chart_is_empty (chart));
        g_assert_nonnull (strstr (ecart_chart_get_empty_message (chart), "segment"));
        assert_margin_empty (surface);
      }
  }
}

/* One attribute: every kind draws it (the radar explains it needs three). */
static void
test_single (void)
{
  g_autoptr(EcartGapTable) table = compute (get_single ());
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  EcartChartColor lived;

  ecart_chart_style_get_dimension_color (style, ECART_DIMENSION_LIVED, &lived);
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, NULL,
                                                     ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autoptr(Surface) surface = render (chart, 960, 540, style);
      g_autofree char *name = g_strdup_printf ("single-%s", ecart_chart_kind_to_string (all_kinds[k]));
      guint n_hits;
      const EcartChartHit *hits;

      assert_margin_empty (surface);
      assert_no_text_overlap (chart, name);
      save_artifact (surface, name);
      if (all_kinds[k] == ECART_CHART_RADAR)
        {
          g_assert_true (ecart_chart_is_empty (chart));
          continue;
        }
      g_assert_false (ecart_chart_is_empty (chart));
      hits = hits_of (chart, &n_hits);
      for (guint i = 0; i < n_hits; i++)
        if (hits[i].element == ECART_CHART_ELEMENT_MARKER && hits[i].dimension == ECART_DIMENSION_LIVED
            && hits[i].measure == ECART_CHART_MEASURE_DIMENSION)
          {
            double x;
            double y;

            centre (&hits[i], &x, &y);
            assert_color (surface, x, y, &lived);
            g_assert_cmpint (hits[i].n, ==, 20);
          }
    }
}

/* 60 attributes, 10 of them with too few measurements, gaps of both signs. */
static void
test_many (void)
{
  EcartWorkspace *workspace = get_edge ();
  g_autoptr(EcartGapTable) table = compute (workspace);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(EcartChart) profile = ecart_chart_new (ECART_CHART_PROFILE, table, NULL, ECART_GAP_DELIVERY);
  g_autoptr(EcartChart) bars = ecart_chart_new (ECART_CHART_GAP_BARS, table, NULL, ECART_GAP_DELIVERY);
  double height = ecart_chart_get_preferred_height (profile, 1600, style);
  g_autoptr(Surface) tall = NULL;
  g_autoptr(Surface) surface = NULL;
  EcartChartColor lived;
  EcartChartColor background;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_hits;
  const EcartChartHit *hits;
  guint insufficient = 0;
  guint sufficient = 0;

  ecart_chart_style_get_dimension_color (style, ECART_DIMENSION_LIVED, &lived);
  ecart_chart_style_get_background_color (style, &background);

  /* 60 rows need more than 900 pixels to stay legible: the window scrolls. */
  g_assert_cmpfloat (height, >, 900.0);
  g_assert_cmpfloat (height, <, 60 * 40.0);
  tall = render (profile, 1600, (int)height, style);
  assert_margin_empty (tall);
  assert_no_text_overlap (profile, "profile of 60 attributes");
  compare_reference (tall, "edge-profile-60");

  /* At 1600 × 900, thin rows but every attribute is still hit where its lived marker is;
   * the lived marker of an attribute with too few measurements is hollow. */
  hits = hits_of (profile, &n_hits);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].element == ECART_CHART_ELEMENT_MARKER && hits[i].dimension == ECART_DIMENSION_LIVED)
      {
        double x;
        double y;
        EcartChartHit found;

        centre (&hits[i], &x, &y);
        g_assert_true (ecart_chart_hit_test (profile, x, y, &found));
        g_assert_true (found.attribute == hits[i].attribute);
        g_hash_table_add (seen, hits[i].attribute);
        if (hits[i].insufficient)
          {
            assert_color (tall, x, y, &background);
            g_assert_cmpint (hits[i].n, ==, 5);
            insufficient++;
          }
        else
          {
            assert_color (tall, x, y, &lived);
            sufficient++;
          }
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 60);
  g_assert_cmpuint (insufficient, ==, 10);
  g_assert_cmpuint (sufficient, ==, 50);

  surface = render (profile, 1600, 900, style);
  assert_margin_empty (surface);
  assert_no_text_overlap (profile, "profile of 60 attributes at 900 pixels");
  save_artifact (surface, "edge-profile-900");

  /* Gap bars: 30 below, 30 above, the insufficient ones hatched grey, not coloured. */
  {
    g_autoptr(Surface) bars_surface = render (bars, 1600, (int)ecart_chart_get_preferred_height (bars, 1600, style), style);
    guint below = 0;
    guint above = 0;

    assert_margin_empty (bars_surface);
    assert_no_text_overlap (bars, "gap bars of 60 attributes");
    compare_reference (bars_surface, "edge-gap-bars");
    hits = hits_of (bars, &n_hits);
    for (guint i = 0; i < n_hits; i++)
      {
        EcartChartColor c;

        if (hits[i].element != ECART_CHART_ELEMENT_BAR)
          continue;
        if (hits[i].value < 0)
          below++;
        else
          above++;
        c = pixel (bars_surface, hits[i].x + hits[i].width / 2.0, hits[i].y + hits[i].height / 2.0);
        if (hits[i].insufficient)
          {
            g_assert_false (same_color (&c, &style->negative, 0.1));
            g_assert_false (same_color (&c, &style->positive, 0.1));
          }
      }
    g_assert_cmpuint (below, ==, 30);
    g_assert_cmpuint (above, ==, 30);
  }

  /* Every kind, at 1600 × 900 and at its preferred height. */
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, NULL,
                                                     ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autoptr(Surface) picture = render (chart, 1600, 900, style);
      g_autofree char *name = g_strdup_printf ("edge-%s-900", ecart_chart_kind_to_string (all_kinds[k]));
      g_autofree char *full_name = g_strdup_printf ("edge-%s-preferred", ecart_chart_kind_to_string (all_kinds[k]));
      double preferred;
      g_autoptr(Surface) full = NULL;

      assert_no_text_overlap (chart, name);
      preferred = ecart_chart_get_preferred_height (chart, 1600, style);
      full = render (chart, 1600, (int)MIN (preferred, 6000), style);
      assert_no_text_overlap (chart, full_name);
      g_assert_false (ecart_chart_is_empty (chart));
      assert_margin_empty (picture);
      assert_margin_empty (full);
      save_artifact (picture, name);
      save_artifact (full, full_name);
    }
}

/* Twelve segments side by side (nps, matrix) stay legible: within bounds, no overlapping
 * texts, every segment drawn; the matrix asks for more height to name its points. */
static void
test_twelve_segments (void)
{
  g_autoptr(EcartGapTable) table = compute (get_twelve ());
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  static const EcartChartKind kinds[] = { ECART_CHART_NPS, ECART_CHART_MATRIX };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(EcartChart) chart = ecart_chart_new (kinds[k], table, NULL, ECART_GAP_DELIVERY);
      double preferred = ecart_chart_get_preferred_height (chart, 1600, style);
      g_autofree char *name = g_strdup_printf ("twelve-%s", ecart_chart_kind_to_string (kinds[k]));
      g_autofree char *tall_name = g_strdup_printf ("twelve-%s-preferred", ecart_chart_kind_to_string (kinds[k]));
      g_autoptr(Surface) surface = render (chart, 1600, 900, style);
      g_autoptr(GHashTable) segments = g_hash_table_new (NULL, NULL);
      g_autoptr(Surface) tall = NULL;
      guint n_hits;
      const EcartChartHit *hits;

      assert_margin_empty (surface);
      assert_no_text_overlap (chart, name);
      save_artifact (surface, name);
      hits = hits_of (chart, &n_hits);
      for (guint i = 0; i < n_hits; i++)
        if (hits[i].segment != NULL)
          g_hash_table_add (segments, hits[i].segment);
      g_assert_cmpuint (g_hash_table_size (segments), ==, 12);

      if (kinds[k] == ECART_CHART_MATRIX)
        g_assert_cmpfloat (preferred, >, 900.0);
      tall = render (chart, 1600, (int)MAX (preferred, 900), style);
      assert_margin_empty (tall);
      assert_no_text_overlap (chart, tall_name);
      save_artifact (tall, tall_name);
    }
}

/* The comparison is not so tolerant that a changed bar passes. */
static void
test_reference_detects_change (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  EcartSegment *segment = find_segment (get_demo ("en"), "Families");
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_GAP_BARS, table, segment, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autoptr(Surface) before = render (chart, 960, 540, style);
  EcartChartGapBarsData *data = (EcartChartGapBarsData *)_ecart_chart_get_data (chart);
  EcartChartAttribute *item = &g_array_index (data->attributes, EcartChartAttribute, 4);
  g_autoptr(Surface) after = NULL;
  g_autoptr(Surface) again = NULL;

  again = render (chart, 960, 540, style);
  g_assert_cmpfloat (differing_share (before, again), ==, 0.0);

  /* One bar a tenth of a point longer. */
  item->gap.value -= 0.1;
  after = render (chart, 960, 540, style);
  g_assert_cmpfloat (differing_share (before, after), >, SHARE_TOLERANCE);
}

/* ---------------------------------------------------------------------------------- */
/* Exports                                                                            */

static void
test_export (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autofree char *folder = g_build_filename (tmp_dir, "exports", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      const char *key = ecart_chart_kind_to_string (all_kinds[k]);
      g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, NULL, ecart_chart_kind_get_default_gap (all_kinds[k]));
      g_autofree char *png_name = g_strdup_printf ("%s.png", key);
      g_autofree char *svg_name = g_strdup_printf ("%s.svg", key);
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", key);
      g_autofree char *back_name = g_strdup_printf ("%s-from-svg.png", key);
      g_autofree char *png = g_build_filename (folder, png_name, NULL);
      g_autofree char *svg = g_build_filename (folder, svg_name, NULL);
      g_autofree char *pdf = g_build_filename (folder, pdf_name, NULL);
      g_autofree char *back = g_build_filename (folder, back_name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *info = NULL;
      cairo_surface_t *direct;
      cairo_surface_t *converted;
      const char *rsvg[] = { "rsvg-convert", svg, "-o", back, NULL };
      const char *pdfinfo[] = { "pdfinfo", pdf, NULL };

      g_assert_true (ecart_chart_export (chart, png, 1200, 700, style, &error));
      g_assert_no_error (error);
      g_assert_true (ecart_chart_export (chart, svg, 1200, 700, style, &error));
      g_assert_no_error (error);
      g_assert_true (ecart_chart_export (chart, pdf, 1200, 700, style, &error));
      g_assert_no_error (error);

      /* The SVG, drawn by librsvg, looks like the PNG drawn by cairo. */
      g_assert_true (run (rsvg, NULL));
      direct = cairo_image_surface_create_from_png (png);
      converted = cairo_image_surface_create_from_png (back);
      g_assert_cmpint (cairo_surface_status (direct), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_surface_status (converted), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (converted), ==, 1200);
      g_assert_cmpint (cairo_image_surface_get_height (converted), ==, 700);
      g_assert_cmpfloat (differing_share (direct, converted), <, 0.03);
      cairo_surface_destroy (direct);
      cairo_surface_destroy (converted);

      /* The PDF: one page of 1200 × 700 points, with the chart's title. */
      g_assert_true (run (pdfinfo, &info));
      g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
      g_assert_nonnull (strstr (info, "1200 x 700 pts"));
      g_assert_nonnull (strstr (info, ecart_chart_get_title (chart)));
    }
}

static void
test_export_atomic (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  g_autoptr(EcartChart) chart = ecart_chart_new (ECART_CHART_RADAR, table, NULL, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  g_autofree char *folder = g_build_filename (tmp_dir, "atomic", NULL);
  g_autofree char *path = g_build_filename (folder, "chart.png", NULL);
  g_autofree char *locked = g_build_filename (folder, "locked", NULL);
  g_autofree char *inside = g_build_filename (locked, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint files = 0;

  g_assert_cmpint (g_mkdir_with_parents (locked, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (ecart_chart_export (chart, path, 400, 300, style, &error));
  g_assert_no_error (error);
  /* Replaced whole, and no temporary file left beside it. */
  {
    g_autofree char *content = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &content, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (memcmp (content, "\x89PNG", 4) == 0);
  }
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 2);  /* chart.png and locked/ */
  g_clear_pointer (&dir, g_dir_close);

  /* A folder that cannot be written: an error that names the file, nothing written. */
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  if (access (locked, W_OK) == 0)
    g_test_message ("running as root: the unwritable folder is writable, skipping that part");
  else
    {
      g_assert_false (ecart_chart_export (chart, inside, 400, 300, style, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_nonnull (strstr (error->message, "chart.png"));
      g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }
  g_chmod (locked, 0755);

  /* A folder that is a file (even root cannot write there). */
  {
    g_autofree char *file = g_build_filename (folder, "plain", NULL);
    g_autofree char *below = g_build_filename (file, "chart.svg", NULL);

    g_assert_true (g_file_set_contents (file, "", -1, NULL));
    g_assert_false (ecart_chart_export (chart, below, 400, 300, style, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
    g_assert_nonnull (strstr (error->message, "chart.svg"));
    g_clear_error (&error);
  }

  /* Unknown format, impossible size. */
  g_assert_false (ecart_chart_export (chart, "chart.jpg", 400, 300, style, &error));
  g_assert_error (error, ECART_CHART_ERROR, ECART_CHART_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (ecart_chart_export (chart, path, 0, 300, style, &error));
  g_assert_error (error, ECART_CHART_ERROR, ECART_CHART_ERROR_SIZE);
}

/* ---------------------------------------------------------------------------------- */
/* The API around                                                                     */

static void
test_kinds (void)
{
  for (guint k = 0; k < ECART_CHART_N_KINDS; k++)
    {
      EcartChartKind kind;

      g_assert_true (ecart_chart_kind_from_string (ecart_chart_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (ecart_chart_kind_get_title (k));
    }
  {
    EcartChartKind kind = ECART_CHART_PROFILE;

    g_assert_true (ecart_chart_kind_from_string ("GAP_BARS", &kind));
    g_assert_cmpint (kind, ==, ECART_CHART_GAP_BARS);
    g_assert_false (ecart_chart_kind_from_string ("pie", &kind));
    g_assert_false (ecart_chart_kind_from_string (NULL, &kind));
  }
  g_assert_cmpstr (ecart_chart_kind_to_string (ECART_CHART_GAP_BARS), ==, "gap-bars");
  g_assert_cmpint (ecart_chart_kind_get_default_gap (ECART_CHART_GAP_BARS), ==, ECART_GAP_DELIVERY);
  g_assert_cmpint (ecart_chart_kind_get_default_gap (ECART_CHART_HEATMAP), ==, ECART_GAP_PERCEPTION);
}

static void
test_lifecycle (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  EcartChart *chart = ecart_chart_new (ECART_CHART_TRENDS, table, NULL, ECART_GAP_DELIVERY);
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  EcartChartHit hit;

  /* No hit before the first draw. */
  g_assert_false (ecart_chart_hit_test (chart, 10, 10, &hit));
  g_assert_cmpint (hit.element, ==, ECART_CHART_ELEMENT_NONE);
  g_assert_true (ecart_chart_get_table (chart) == table);
  g_assert_cmpint (ecart_chart_get_kind (chart), ==, ECART_CHART_TRENDS);
  g_assert_cmpfloat (ecart_chart_get_preferred_height (chart, 1600, style), <=, 900.0);
  cairo_surface_destroy (render (chart, 800, 600, style));
  g_assert_true (ecart_chart_hit_test (chart, 400, 300, NULL) || TRUE);
  g_assert_finalize_object (chart);
}

/* Each ecart_chart_<kind>_draw(), without an EcartChart: the pipeline's own entry points. */
static void
test_draw_functions (void)
{
  g_autoptr(EcartGapTable) table = compute (get_demo ("en"));
  EcartSegment *segment = find_segment (get_demo ("en"), "Families");
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  gpointer data;

  data = _ecart_chart_profile_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_profile_draw (cr, 640, 400, data, style);
  _ecart_chart_profile_data_free (data);
  data = _ecart_chart_gap_bars_data_new (table, segment, ECART_GAP_EXECUTION);
  ecart_chart_gap_bars_draw (cr, 640, 400, data, style);
  _ecart_chart_gap_bars_data_free (data);
  data = _ecart_chart_radar_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_radar_draw (cr, 640, 400, data, style);
  _ecart_chart_radar_data_free (data);
  data = _ecart_chart_journey_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_journey_draw (cr, 640, 400, data, style);
  _ecart_chart_journey_data_free (data);
  data = _ecart_chart_matrix_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_matrix_draw (cr, 640, 400, data, style);
  _ecart_chart_matrix_data_free (data);
  data = _ecart_chart_nps_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_nps_draw (cr, 640, 400, data, style);
  _ecart_chart_nps_data_free (data);
  data = _ecart_chart_heatmap_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_heatmap_draw (cr, 640, 400, data, style);
  _ecart_chart_heatmap_data_free (data);
  data = _ecart_chart_trends_data_new (table, segment, ECART_GAP_DELIVERY);
  ecart_chart_trends_draw (cr, 640, 400, data, style);
  _ecart_chart_trends_data_free (data);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A segment left out of the table's filter: an empty chart that says so. */
static void
test_segment_outside (void)
{
  EcartWorkspace *workspace = get_demo ("en");
  EcartSegment *families = find_segment (workspace, "Families");
  EcartSegment *business = find_segment (workspace, "Business travellers");
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(GError) error = NULL;

  ecart_gap_options_add_segment (options, ecart_item_get_id (ECART_ITEM (families)));
  table = ecart_gap_table_new (workspace, options, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(EcartChart) chart = ecart_chart_new (all_kinds[k], table, business, ECART_GAP_DELIVERY);

      g_assert_true (ecart_chart_is_empty (chart));
      g_assert_nonnull (strstr (ecart_chart_get_empty_message (chart), "Business travellers"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ecart-charts-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autofree char *path = g_strdup_printf ("/core/charts/demo/%s", ecart_chart_kind_to_string (all_kinds[k]));
      g_test_add_data_func (path, GINT_TO_POINTER (all_kinds[k]), test_demo_kind);
    }
  g_test_add_func ("/core/charts/demo/profile-values", test_demo_profile_values);
  g_test_add_func ("/core/charts/demo/gap-bars-geometry", test_demo_gap_bars_geometry);
  g_test_add_func ("/core/charts/demo/matrix-quadrants", test_demo_matrix_quadrants);
  g_test_add_func ("/core/charts/demo/heatmap-cells", test_demo_heatmap_cells);
  g_test_add_func ("/core/charts/demo/nps-slices", test_demo_nps_slices);
  g_test_add_func ("/core/charts/demo/text", test_demo_text);
  g_test_add_func ("/core/charts/style/dark", test_dark);
  g_test_add_func ("/core/charts/style/scale", test_scale);
  g_test_add_func ("/core/charts/sizes", test_sizes);
  g_test_add_func ("/core/charts/french", test_french);
  g_test_add_func ("/core/charts/edge/empty", test_empty);
  g_test_add_func ("/core/charts/edge/one-attribute", test_single);
  g_test_add_func ("/core/charts/edge/sixty-attributes", test_many);
  g_test_add_func ("/core/charts/edge/twelve-segments", test_twelve_segments);
  g_test_add_func ("/core/charts/reference/detects-change", test_reference_detects_change);
  g_test_add_func ("/core/charts/export/formats", test_export);
  g_test_add_func ("/core/charts/export/atomic", test_export_atomic);
  g_test_add_func ("/core/charts/api/kinds", test_kinds);
  g_test_add_func ("/core/charts/api/lifecycle", test_lifecycle);
  g_test_add_func ("/core/charts/api/draw-functions", test_draw_functions);
  g_test_add_func ("/core/charts/api/segment-outside", test_segment_outside);

  status = g_test_run ();

  fixtures_clear ();
  {
    const char *rm[] = { "rm", "-rf", tmp_dir, NULL };
    run (rm, NULL);
  }
  g_free (tmp_dir);
  return status;
}

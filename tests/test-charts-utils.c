/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-charts-utils.h"

#include <math.h>
#include <string.h>

#include "ecart-template.h"
#include "ecart-wave-writer.h"

/* Fixtures and picture helpers of tests/test-charts.c. */

char *tmp_dir;
static EcartWorkspace *demo;
static EcartWorkspace *demo_fr;
static EcartWorkspace *edge;
static EcartWorkspace *single;
static EcartWorkspace *empty;
static EcartWorkspace *twelve;

void
fixtures_clear (void)
{
  g_clear_object (&demo);
  g_clear_object (&demo_fr);
  g_clear_object (&edge);
  g_clear_object (&single);
  g_clear_object (&empty);
  g_clear_object (&twelve);
}

/* ---------------------------------------------------------------------------------- */
/* Fixtures                                                                           */

void
check (gboolean  ok,
       GError   *error)
{
  g_assert_no_error (error);
  g_assert_true (ok);
}

gpointer
first_item (GListModel *list)
{
  gpointer item = g_list_model_get_item (list, 0);

  g_object_unref (item);  /* the list keeps it */
  return item;
}

EcartWorkspace *
get_demo (const char *language)
{
  EcartWorkspace **slot = g_str_equal (language, "fr") ? &demo_fr : &demo;

  if (*slot == NULL)
    {
      g_autofree char *name = g_strdup_printf ("demo-%s.ecart", language);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(GError) error = NULL;

      *slot = ecart_demo_create (path, language, &error);
      g_assert_no_error (error);
    }
  return *slot;
}

/* Names of every length, French as the trainers write them. */
char *
edge_attribute_name (guint i)
{
  static const char * const names[] = {
    "Accueil", "Écoute attentive et résolution rapide des problèmes signalés",
    "Rapport qualité-prix", "Personnalisation des attentions tout au long du séjour",
    "Wi-Fi", "Engagement écoresponsable visible et vérifiable par les clients",
  };

  return g_strdup_printf ("%02u %s", i + 1, names[i % G_N_ELEMENTS (names)]);
}

/* The edge workspace: one segment, 60 attributes, one wave of 30 respondents. Attribute i
 * is desired at 7; its lived mean is 8.5 for odd i and 5.5 for even i (gaps of both signs);
 * attributes 0 to 9 are scored by 5 respondents only (insufficient data), the others by
 * 30. Expected scores are 7 ± 0.5 everywhere, at touchpoint i % 3. */
EcartWorkspace *
get_edge (void)
{
  if (edge == NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "edge.ecart", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(EcartWaveWriter) writer = NULL;
      g_autoptr(GPtrArray) attributes = g_ptr_array_new ();
      EcartTouchpoint *touchpoints[3];
      EcartSegment *segment;
      EcartPillar *pillar;
      EcartStage *stage;
      EcartChannel *channel;

      edge = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);
      g_assert_no_error (error);
      pillar = first_item (ecart_workspace_get_pillars (edge));
      stage = first_item (ecart_workspace_get_stages (edge));
      channel = first_item (ecart_workspace_get_channels (edge));
      segment = ecart_workspace_add_segment (edge, "Segment aux attentes élevées", &error);
      check (segment != NULL, error);
      for (guint t = 0; t < 3; t++)
        {
          g_autofree char *name = g_strdup_printf ("Point de contact %u", t + 1);
          touchpoints[t] = ecart_workspace_add_touchpoint (edge, stage, channel, name, &error);
          check (touchpoints[t] != NULL, error);
        }
      for (guint a = 0; a < 60; a++)
        {
          g_autofree char *name = edge_attribute_name (a);
          EcartAttribute *attribute = ecart_workspace_add_attribute (edge, pillar, name, &error);

          check (attribute != NULL, error);
          check (ecart_workspace_set_desired (edge, segment, attribute, 7.0, 1 + a % 5, "", &error), error);
          check (ecart_workspace_set_proposed_level (edge, segment, attribute, 6.5, &error), error);
          g_ptr_array_add (attributes, attribute);
        }

      writer = ecart_wave_writer_begin (edge, "Vague unique", "survey", "test", &error);
      check (writer != NULL, error);
      for (guint r = 0; r < 30; r++)
        {
          g_autofree char *key = g_strdup_printf ("r%u", r);
          gint64 id = ecart_wave_writer_add_respondent (writer, ecart_item_get_id (ECART_ITEM (segment)), key,
                                                        "2026-03-01", &error);

          check (id != 0, error);
          check (ecart_wave_writer_add_recommendation (writer, id, r % 11, &error), error);
          for (guint a = 0; a < 60; a++)
            {
              EcartAttribute *attribute = g_ptr_array_index (attributes, a);
              gint64 attribute_id = ecart_item_get_id (ECART_ITEM (attribute));
              gint64 touchpoint_id = ecart_item_get_id (ECART_ITEM (touchpoints[a % 3]));
              double lived = (a % 2 == 1 ? 8.5 : 5.5) + (r % 2 == 0 ? 0.5 : -0.5);

              if (a < 10 && r >= 5)
                continue;
              check (ecart_wave_writer_add_measurement (writer, id, attribute_id, touchpoint_id,
                                                        ECART_DIMENSION_LIVED, lived, 0, 10, &error), error);
              check (ecart_wave_writer_add_measurement (writer, id, attribute_id, touchpoint_id,
                                                        ECART_DIMENSION_EXPECTED, 7.0 + (r % 2 == 0 ? 0.5 : -0.5),
                                                        0, 10, &error), error);
            }
        }
      check (ecart_wave_writer_commit (writer, &error), error);
    }
  return edge;
}

/* One segment, one attribute, measured at one touchpoint by 20 respondents. */
EcartWorkspace *
get_single (void)
{
  if (single == NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "single.ecart", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(EcartWaveWriter) writer = NULL;
      EcartSegment *segment;
      EcartAttribute *attribute;
      EcartTouchpoint *touchpoint;

      single = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);
      g_assert_no_error (error);
      segment = ecart_workspace_add_segment (single, "Couples", &error);
      check (segment != NULL, error);
      attribute = ecart_workspace_add_attribute (single, first_item (ecart_workspace_get_pillars (single)),
                                                 "Warm welcome", &error);
      check (attribute != NULL, error);
      touchpoint = ecart_workspace_add_touchpoint (single, first_item (ecart_workspace_get_stages (single)),
                                                   first_item (ecart_workspace_get_channels (single)),
                                                   "Reception", &error);
      check (touchpoint != NULL, error);
      check (ecart_workspace_set_desired (single, segment, attribute, 9.0, 5, "", &error), error);
      check (ecart_workspace_set_proposed_level (single, segment, attribute, 8.0, &error), error);

      writer = ecart_wave_writer_begin (single, "Wave 1", "survey", "test", &error);
      check (writer != NULL, error);
      for (guint r = 0; r < 20; r++)
        {
          g_autofree char *key = g_strdup_printf ("r%u", r);
          gint64 id = ecart_wave_writer_add_respondent (writer, ecart_item_get_id (ECART_ITEM (segment)), key,
                                                        NULL, &error);

          check (id != 0, error);
          check (ecart_wave_writer_add_measurement (writer, id, ecart_item_get_id (ECART_ITEM (attribute)),
                                                    ecart_item_get_id (ECART_ITEM (touchpoint)),
                                                    ECART_DIMENSION_LIVED, 6 + r % 3, 0, 10, &error), error);
          check (ecart_wave_writer_add_measurement (writer, id, ecart_item_get_id (ECART_ITEM (attribute)),
                                                    ecart_item_get_id (ECART_ITEM (touchpoint)),
                                                    ECART_DIMENSION_EXPECTED, 8 + r % 2, 0, 10, &error), error);
          check (ecart_wave_writer_add_recommendation (writer, id, 5 + r % 6, &error), error);
        }
      check (ecart_wave_writer_commit (writer, &error), error);
    }
  return single;
}

/* Twelve segments (the most the portfolio is meant for), six attributes, three waves of 6
 * to 12 respondents per segment: some waves have too few respondents. */
EcartWorkspace *
get_twelve (void)
{
  if (twelve == NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "twelve.ecart", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) segments = g_ptr_array_new ();
      g_autoptr(GPtrArray) attributes = g_ptr_array_new ();
      static const char * const names[] = {
        "Couples en voyage de noces", "Familles", "Voyageurs d’affaires", "Seniors", "Étudiants",
        "Groupes", "Plongeurs", "Golfeurs", "Influenceurs", "Clients fidèles", "Séminaires", "Mariages",
      };
      GRand *rand = g_rand_new_with_seed (12);
      EcartTouchpoint *touchpoint;

      twelve = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "fr", &error);
      g_assert_no_error (error);
      touchpoint = ecart_workspace_add_touchpoint (twelve, first_item (ecart_workspace_get_stages (twelve)),
                                                   first_item (ecart_workspace_get_channels (twelve)),
                                                   "Réception", &error);
      check (touchpoint != NULL, error);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          EcartSegment *segment = ecart_workspace_add_segment (twelve, names[i], &error);

          check (segment != NULL, error);
          g_ptr_array_add (segments, segment);
        }
      for (guint a = 0; a < 6; a++)
        {
          g_autofree char *name = edge_attribute_name (a);
          EcartAttribute *attribute = ecart_workspace_add_attribute (twelve, first_item (ecart_workspace_get_pillars (twelve)),
                                                                     name, &error);

          check (attribute != NULL, error);
          g_ptr_array_add (attributes, attribute);
          for (guint i = 0; i < segments->len; i++)
            check (ecart_workspace_set_desired (twelve, g_ptr_array_index (segments, i), attribute,
                                                g_rand_double_range (rand, 6.0, 9.0), g_rand_int_range (rand, 1, 6),
                                                "", &error), error);
        }
      for (guint w = 0; w < 3; w++)
        {
          g_autofree char *wave_name = g_strdup_printf ("Vague %u", w + 1);
          g_autoptr(EcartWaveWriter) writer = ecart_wave_writer_begin (twelve, wave_name, "survey", "test", &error);

          check (writer != NULL, error);
          for (guint i = 0; i < segments->len; i++)
            for (guint r = 0; r < (i % 4 == 0 ? 6u : 12u); r++)
              {
                g_autofree char *key = g_strdup_printf ("w%us%ur%u", w, i, r);
                gint64 id = ecart_wave_writer_add_respondent (writer,
                                                              ecart_item_get_id (g_ptr_array_index (segments, i)),
                                                              key, NULL, &error);

                check (id != 0, error);
                check (ecart_wave_writer_add_recommendation (writer, id, g_rand_int_range (rand, 0, 11), &error), error);
                for (guint a = 0; a < attributes->len; a++)
                  {
                    gint64 attribute_id = ecart_item_get_id (g_ptr_array_index (attributes, a));

                    check (ecart_wave_writer_add_measurement (writer, id, attribute_id,
                                                              ecart_item_get_id (ECART_ITEM (touchpoint)),
                                                              ECART_DIMENSION_LIVED, g_rand_int_range (rand, 3, 11),
                                                              0, 10, &error), error);
                    check (ecart_wave_writer_add_measurement (writer, id, attribute_id,
                                                              ecart_item_get_id (ECART_ITEM (touchpoint)),
                                                              ECART_DIMENSION_EXPECTED, g_rand_int_range (rand, 5, 11),
                                                              0, 10, &error), error);
                  }
              }
          check (ecart_wave_writer_commit (writer, &error), error);
        }
      g_rand_free (rand);
    }
  return twelve;
}

/* A segment and nothing else. */
EcartWorkspace *
get_empty (void)
{
  if (empty == NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "empty.ecart", NULL);
      g_autoptr(GError) error = NULL;

      empty = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);
      g_assert_no_error (error);
      check (ecart_workspace_add_segment (empty, "Families", &error) != NULL, error);
    }
  return empty;
}

EcartGapTable *
compute (EcartWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  EcartGapTable *table = ecart_gap_table_new (workspace, NULL, &error);

  g_assert_no_error (error);
  return table;
}

EcartSegment *
find_segment (EcartWorkspace *workspace,
              const char     *name)
{
  EcartItem *item = ecart_workspace_find_by_name (workspace, ecart_workspace_get_segments (workspace), name);

  g_assert_nonnull (item);
  return ECART_SEGMENT (item);
}

/* ---------------------------------------------------------------------------------- */
/* Pictures                                                                           */

/* Draws @chart at @width × @height into a surface with a transparent margin around it. */
cairo_surface_t *
render (EcartChart            *chart,
        int                    width,
        int                    height,
        const EcartChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * MARGIN,
                                                         height + 2 * MARGIN);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, MARGIN, MARGIN);
  ecart_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The colour at (x, y) of the chart (not counting the margin), unpremultiplied. */
EcartChartColor
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int px = (int)floor (x) + MARGIN;
  int py = (int)floor (y) + MARGIN;
  guint32 value;
  double a;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  value = *(const guint32 *)(gconstpointer)(data + py * stride + px * 4);
  a = ((value >> 24) & 0xff) / 255.0;
  if (a == 0.0)
    return (EcartChartColor) { 0, 0, 0, 0 };
  return (EcartChartColor) { ((value >> 16) & 0xff) / 255.0 / a, ((value >> 8) & 0xff) / 255.0 / a,
                             (value & 0xff) / 255.0 / a, a };
}

gboolean
same_color (const EcartChartColor *a,
            const EcartChartColor *b,
            double                 tolerance)
{
  return fabs (a->red - b->red) <= tolerance && fabs (a->green - b->green) <= tolerance
         && fabs (a->blue - b->blue) <= tolerance;
}

/* Nothing is drawn in the margin: the chart stays within its bounds. */
void
assert_margin_empty (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean inside = x >= MARGIN && x < width - MARGIN && y >= MARGIN && y < height - MARGIN;
        guint32 value = *(const guint32 *)(gconstpointer)(data + y * stride + x * 4);

        if (!inside && value != 0)
          g_error ("pixel (%d, %d) outside the chart is drawn: %08x", x - MARGIN, y - MARGIN, value);
      }
}

/* How many pixels of the chart differ from its background. */
guint
count_drawn (cairo_surface_t       *surface,
             const EcartChartStyle *style,
             double                 x0,
             double                 y0,
             double                 x1,
             double                 y1)
{
  EcartChartColor background;
  guint count = 0;

  ecart_chart_style_get_background_color (style, &background);
  for (int y = (int)y0; y < (int)y1; y++)
    for (int x = (int)x0; x < (int)x1; x++)
      {
        EcartChartColor c = pixel (surface, x, y);
        if (!same_color (&c, &background, 0.02))
          count++;
      }
  return count;
}

void
save_artifact (cairo_surface_t *surface,
               const char      *name)
{
  const char *dir = g_getenv ("ECART_TEST_ARTIFACTS");
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);

  if (dir == NULL)
    return;
  folder = g_build_filename (dir, "charts", NULL);
  g_mkdir_with_parents (folder, 0755);
  path = g_build_filename (folder, file, NULL);
  cairo_surface_write_to_png (surface, path);
}

/* The chart alone, without the margin, as a reference would keep it. */
cairo_surface_t *
crop (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface) - 2 * MARGIN;
  int height = cairo_image_surface_get_height (surface) - 2 * MARGIN;
  cairo_surface_t *cropped = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (cropped);

  cairo_set_source_surface (cr, surface, -MARGIN, -MARGIN);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (cropped);
  return cropped;
}

/* Reference comparison: a pixel differs when a channel differs by more than 48 (of 255);
 * the picture differs when more than 0.02 % of its pixels do (SHARE_TOLERANCE). Text is drawn
 * without hinting, so that the same fonts give the same pixels; a bar 5 pixels longer
 * already fails. */
double
differing_share (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a);
  int sb = cairo_image_surface_get_stride (b);
  guint64 differ = 0;

  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b))
    return 1.0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 4; c++)
        if (abs ((int)pa[y * sa + 4 * x + c] - (int)pb[y * sb + 4 * x + c]) > CHANNEL_TOLERANCE)
          {
            differ++;
            break;
          }
  return (double)differ / ((double)width * height);
}

void
compare_reference (cairo_surface_t *surface,
                   const char      *name)
{
  g_autoptr(Surface) chart = crop (surface);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("ECART_TEST_DATA"), "charts", file, NULL);
  cairo_surface_t *reference;
  double share;

  save_artifact (surface, name);
  if (g_getenv ("ECART_UPDATE_REFERENCES") != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_mkdir_with_parents (folder, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (chart, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote the reference %s", path);
      return;
    }

  reference = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read the reference %s (ECART_UPDATE_REFERENCES=1 writes it)", path);
  share = differing_share (chart, reference);
  cairo_surface_destroy (reference);
  if (share > SHARE_TOLERANCE)
    g_error ("%s differs from its reference in %.3f %% of its pixels (at most %.3f %%); see "
             "ECART_TEST_ARTIFACTS/charts/%s.png, or run with ECART_UPDATE_REFERENCES=1 if the "
             "change is meant", name, share * 100.0, SHARE_TOLERANCE * 100.0, name);
}

const EcartChartHit *
hits_of (EcartChart *chart,
         guint      *n_hits)
{
  EcartChartScene *scene = _ecart_chart_get_scene (chart);

  g_assert_nonnull (scene);
  return ecart_chart_scene_get_hits (scene, n_hits);
}

/* No two texts of the last drawing overlap (a pixel of slack for the ink of accents). */
void
assert_no_text_overlap (EcartChart *chart,
                        const char *what)
{
  guint n;
  const EcartChartRect *texts = ecart_chart_scene_get_text_bounds (_ecart_chart_get_scene (chart), &n);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const EcartChartRect *a = &texts[i];
        const EcartChartRect *b = &texts[j];
        double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
        double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

        if (w > 1.0 && h > 2.0)
          g_error ("%s: texts %u (%.0f, %.0f, %.0f × %.0f) and %u (%.0f, %.0f, %.0f × %.0f) overlap",
                   what, i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
      }
}

void
centre (const EcartChartHit *hit,
        double              *x,
        double              *y)
{
  *x = hit->x + hit->width / 2.0;
  *y = hit->y + hit->height / 2.0;
}

gboolean
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, NULL, &status, &error))
    {
      g_test_message ("cannot run %s: %s", argv[0], error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}


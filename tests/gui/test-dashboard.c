/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "ecart-application.h"
#include "ecart-chart-card.h"
#include "ecart-chart-view.h"
#include "ecart-dashboard-page.h"
#include "ecart-drill-down-dialog.h"
#include "ecart-drill-down.h"
#include "ecart-gui-util.h"
#include "ecart-initiative-dialog.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The dashboard (step 4, Measure and Steer) on the demo workshop. Every figure the page
 * shows is checked against a gap table computed here, directly, with the same options. */

typedef struct
{
  EcartApplication   *app;
  char               *dir;
  char               *path;
  EcartWindow        *window;
  EcartWorkspace     *workspace;
  EcartDashboardPage *page;
  GSettings          *settings;
} Fixture;

static char *shared_demo;
static EcartApplication *shared_app;

static gboolean
page_is_ready (gpointer data)
{
  EcartDashboardPage *page = data;

  return !ecart_dashboard_page_is_computing (page) && ecart_dashboard_page_get_n_cards (page) > 0
         && ecart_dashboard_page_get_table (page) != NULL;
}

static void
wait_for_page (Fixture *fixture)
{
  ecart_test_iterate ();
  g_assert_true (ecart_test_wait_for (page_is_ready, fixture->page, 10000));
  ecart_test_iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "demo.ecart", NULL);
  fixture->app = g_object_ref (shared_app);
  fixture->settings = g_settings_new ("io.github.ecart.Ecart");
  g_settings_reset (fixture->settings, "confidence-level");
  g_settings_reset (fixture->settings, "min-n");
  g_settings_reset (fixture->settings, "holm-correction");

  ecart_test_copy_workspace (g_strcmp0 (data, "blank") == 0 ? NULL : shared_demo, fixture->path);

  ecart_application_open_path (fixture->app, fixture->path, NULL);
  fixture->window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  ecart_test_resize (GTK_WINDOW (fixture->window), 1400, 1000);
  fixture->workspace = ecart_window_get_workspace (fixture->window);

  /* Ctrl+4 goes to the dashboard, as the shortcuts window says. */
  ecart_test_press_keys (GTK_WIDGET (fixture->window), "ctrl+4");
  g_assert_cmpstr (ecart_window_get_page (fixture->window), ==, "dashboard");
  fixture->page = ECART_DASHBOARD_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                 ECART_TYPE_DASHBOARD_PAGE));
  g_assert_true (ecart_dashboard_page_get_workspace (fixture->page) == fixture->workspace);
  if (g_strcmp0 (data, "blank") != 0)
    wait_for_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = g_list_copy (gtk_window_list_toplevels ());

  for (GList *l = windows; l != NULL; l = l->next)
    if (ECART_IS_INITIATIVE_DIALOG (l->data) || ECART_IS_DRILL_DOWN_DIALOG (l->data)
        || ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (windows);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  ecart_test_iterate ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_settings_reset (fixture->settings, "confidence-level");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->app);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
control (Fixture    *fixture,
         GType       type,
         const char *label)
{
  GtkWidget *widget = ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page), type, label);

  if (widget == NULL)
    g_error ("No %s named “%s” on the page", g_type_name (type), label);
  return widget;
}

static EcartSegment *
segment_at (Fixture *fixture,
            guint    i)
{
  g_autoptr(EcartSegment) segment = g_list_model_get_item (ecart_workspace_get_segments (fixture->workspace), i);

  return segment;  /* the workspace keeps it */
}

static EcartWave *
wave_at (Fixture *fixture,
         guint    i)
{
  g_autoptr(EcartWave) wave = g_list_model_get_item (ecart_workspace_get_waves (fixture->workspace), i);

  return wave;
}

/* The gap table the page should show: every segment, the waves and touchpoint given, the
 * confidence level of the preferences. */
static EcartGapTable *
direct_table (Fixture  *fixture,
              EcartWave *wave,
              gint64     touchpoint_id)
{
  g_autoptr(EcartGapOptions) options = ecart_gap_options_new ();
  g_autoptr(GError) error = NULL;
  GListModel *segments = ecart_workspace_get_segments (fixture->workspace);
  EcartGapTable *table;

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    ecart_gap_options_add_segment (options, ecart_item_get_id (ECART_ITEM (segment_at (fixture, i))));
  if (wave != NULL)
    ecart_gap_options_add_wave (options, ecart_item_get_id (ECART_ITEM (wave)));
  ecart_gap_options_set_touchpoint_id (options, touchpoint_id);
  ecart_gap_options_set_confidence (options, g_settings_get_double (fixture->settings, "confidence-level"));
  ecart_gap_options_set_min_n (options, g_settings_get_uint (fixture->settings, "min-n"));
  ecart_gap_options_set_holm (options, g_settings_get_boolean (fixture->settings, "holm-correction"));
  table = ecart_gap_table_new (fixture->workspace, options, &error);
  g_assert_no_error (error);
  return table;
}

static char *
direct_text (EcartGapTable  *table,
             EcartChartKind  kind,
             EcartSegment   *segment)
{
  g_autoptr(EcartChart) chart = ecart_chart_new (kind, table, segment, ecart_chart_kind_get_default_gap (kind));
  char *text = ecart_chart_to_text (chart);

  return g_strchomp (text);
}

static EcartChartCard *
card (Fixture        *fixture,
      EcartChartKind  kind,
      EcartSegment   *segment)
{
  EcartChartCard *found = ecart_dashboard_page_get_card (fixture->page, kind, segment);

  if (found == NULL)
    g_error ("No card of %s on the page", ecart_chart_kind_to_string (kind));
  return found;
}

static gboolean
view_is_drawn (gpointer data)
{
  EcartChartView *view = data;
  guint n_hits = 0;

  return gtk_widget_get_mapped (data) && ecart_chart_view_get_chart (view) != NULL
         && ecart_chart_get_hits (ecart_chart_view_get_chart (view), &n_hits) != NULL && n_hits > 0;
}

/* The first hit of @element (and, for markers, of @dimension) in the chart as drawn. */
static EcartChartHit
find_hit (EcartChartView    *view,
          EcartChartElement  element,
          int                dimension)
{
  guint n_hits;
  const EcartChartHit *hits;

  g_assert_true (ecart_test_wait_for (view_is_drawn, view, 5000));
  hits = ecart_chart_get_hits (ecart_chart_view_get_chart (view), &n_hits);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].element == element && hits[i].attribute != NULL && hits[i].n > 0
        && (dimension < 0 || (int)hits[i].dimension == dimension))
      return hits[i];
  g_error ("No such element in the chart");
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_dashboard_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  guint n_waves = g_list_model_get_n_items (ecart_workspace_get_waves (fixture->workspace));
  EcartWave *first_wave = wave_at (fixture, 0);
  g_autoptr(EcartGapTable) all_waves = direct_table (fixture, NULL, 0);
  g_autoptr(EcartGapTable) one_wave = direct_table (fixture, first_wave, 0);
  g_autofree char *all_text = direct_text (all_waves, ECART_CHART_PROFILE, segment);
  g_autofree char *wave_text = direct_text (one_wave, ECART_CHART_PROFILE, segment);
  g_autoptr(EcartTouchpoint) touchpoint = g_list_model_get_item (ecart_workspace_get_touchpoints (fixture->workspace), 0);
  g_autoptr(EcartGapTable) one_touchpoint = NULL;
  g_autofree char *touchpoint_text = NULL;
  GtkWidget *wave_dropdown = control (fixture, GTK_TYPE_DROP_DOWN, "Wave");
  GtkWidget *touchpoint_dropdown = control (fixture, GTK_TYPE_DROP_DOWN, "Touchpoint");
  GtkWidget *kind_dropdown = control (fixture, GTK_TYPE_DROP_DOWN, "Chart");

  g_assert_nonnull (segment);
  g_assert_cmpuint (n_waves, >=, 2);
  /* Every chart, for the segment selected in the sidebar. */
  g_assert_cmpuint (ecart_dashboard_page_get_n_cards (fixture->page), ==, ECART_CHART_N_KINDS);
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_PROFILE, segment)), ==, all_text);
  g_assert_cmpstr (all_text, !=, wave_text);

  /* The first wave: the n and means of that wave only. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (wave_dropdown), 1);
  wait_for_page (fixture);
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_PROFILE, segment)), ==, wave_text);

  /* And one touchpoint with it. */
  one_touchpoint = direct_table (fixture, first_wave, ecart_item_get_id (ECART_ITEM (touchpoint)));
  touchpoint_text = direct_text (one_touchpoint, ECART_CHART_PROFILE, segment);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (touchpoint_dropdown), 1);
  wait_for_page (fixture);
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_PROFILE, segment)), ==,
                   touchpoint_text);
  g_assert_cmpstr (touchpoint_text, !=, wave_text);

  /* Another segment in the sidebar. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (wave_dropdown), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (touchpoint_dropdown), 0);
  ecart_window_set_segment (fixture->window, segment_at (fixture, 1));
  wait_for_page (fixture);
  {
    g_autofree char *other = direct_text (all_waves, ECART_CHART_GAP_BARS, segment_at (fixture, 1));

    g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment_at (fixture, 1))),
                     ==, other);
  }

  /* One chart only, then every segment side by side. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind_dropdown), 1);
  wait_for_page (fixture);
  g_assert_cmpuint (ecart_dashboard_page_get_n_cards (fixture->page), ==, 1);
  ecart_test_click (control (fixture, GTK_TYPE_TOGGLE_BUTTON, "All segments side by side"));
  wait_for_page (fixture);
  g_assert_cmpuint (ecart_dashboard_page_get_n_cards (fixture->page), ==,
                    g_list_model_get_n_items (ecart_workspace_get_segments (fixture->workspace)));
  for (guint i = 0; i < g_list_model_get_n_items (ecart_workspace_get_segments (fixture->workspace)); i++)
    {
      g_autofree char *expected = direct_text (all_waves, ECART_CHART_GAP_BARS, segment_at (fixture, i));

      g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment_at (fixture, i))),
                       ==, expected);
    }
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-all-segments.png");
}

/* An edit elsewhere (here the desired target, on step 1) changes the charts, computed when
 * the dashboard is shown again, not while it is hidden. */
static void
test_dashboard_follows_edits (Fixture       *fixture,
                              gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  g_autoptr(EcartAttribute) attribute = g_list_model_get_item (ecart_workspace_get_attributes (fixture->workspace), 0);
  g_autofree char *before = g_strdup (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment)));
  g_autoptr(EcartGapTable) table = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  ecart_window_set_page (fixture->window, "desired");
  ecart_test_iterate ();
  g_assert_true (ecart_workspace_set_desired_target (fixture->workspace, segment, attribute, 2.5, &error));
  g_assert_no_error (error);
  ecart_test_iterate ();
  g_assert_false (ecart_dashboard_page_is_computing (fixture->page));
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment)), ==, before);

  ecart_window_set_page (fixture->window, "dashboard");
  ecart_test_iterate ();
  g_assert_true (ecart_dashboard_page_is_computing (fixture->page));
  wait_for_page (fixture);
  table = direct_table (fixture, NULL, 0);
  expected = direct_text (table, ECART_CHART_GAP_BARS, segment);
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment)), ==, expected);
  g_assert_cmpstr (expected, !=, before);

  /* Shown, it follows at once: undo. */
  g_assert_true (ecart_workspace_undo (fixture->workspace, &error));
  g_assert_true (ecart_dashboard_page_is_computing (fixture->page));
  wait_for_page (fixture);
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment)), ==, before);
}

static void
test_dashboard_tooltip (Fixture       *fixture,
                        gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  EcartChartView *view = ecart_chart_card_get_view (card (fixture, ECART_CHART_GAP_BARS, segment));
  EcartChartHit hit = find_hit (view, ECART_CHART_ELEMENT_BAR, -1);
  g_autoptr(EcartGapTable) table = direct_table (fixture, NULL, 0);
  EcartAttribute *attribute = ecart_workspace_find_attribute (fixture->workspace,
                                                              ecart_item_get_id (ECART_ITEM (hit.attribute)));
  const EcartGap *gap = ecart_gap_row_get_gap (ecart_gap_table_lookup (table, segment, attribute),
                                               ECART_GAP_DELIVERY);
  g_autofree char *tooltip = ecart_chart_view_dup_tooltip_at (view, hit.x + hit.width / 2, hit.y + hit.height / 2);
  g_autofree char *value = ecart_gui_format_gap (gap->value);
  g_autofree char *low = ecart_gui_format_gap (gap->ci_low);
  g_autofree char *high = ecart_gui_format_gap (gap->ci_high);
  g_autofree char *value_line = g_strdup_printf ("Delivery gap: %s points", value);
  g_autofree char *ci_line = g_strdup_printf ("95 %% interval: %s to %s", low, high);
  g_autofree char *n_line = g_strdup_printf ("%" G_GINT64_FORMAT " measurements", gap->n);

  g_assert_nonnull (tooltip);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_true (g_str_has_prefix (tooltip, ecart_item_get_name (ECART_ITEM (segment))));
  g_assert_nonnull (strstr (tooltip, ecart_item_get_name (ECART_ITEM (attribute))));
  g_assert_nonnull (strstr (tooltip, value_line));
  g_assert_nonnull (strstr (tooltip, ci_line));
  g_assert_nonnull (strstr (tooltip, n_line));
  g_assert_nonnull (strstr (tooltip, gap->significant ? "\nSignificant" : "\nNot significant"));

  /* Nothing under the top-left corner, the title's margin. */
  g_assert_null (ecart_chart_view_dup_tooltip_at (view, 1, 1));

  /* The chart says what it is to a screen reader. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
}

static gboolean
dialog_is_loaded (gpointer data)
{
  GtkWindow *dialog = ecart_test_find_toplevel (ECART_TYPE_DRILL_DOWN_DIALOG);

  return dialog != NULL && !ecart_drill_down_dialog_is_loading (ECART_DRILL_DOWN_DIALOG (dialog));
}

static void
test_dashboard_drill_down (Fixture       *fixture,
                           gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  EcartChartView *view = ecart_chart_card_get_view (card (fixture, ECART_CHART_PROFILE, segment));
  EcartChartHit hit = find_hit (view, ECART_CHART_ELEMENT_MARKER, ECART_DIMENSION_LIVED);
  g_autoptr(EcartGapTable) table = direct_table (fixture, NULL, 0);
  EcartAttribute *attribute = ecart_workspace_find_attribute (fixture->workspace,
                                                              ecart_item_get_id (ECART_ITEM (hit.attribute)));
  EcartGapRow *row = ecart_gap_table_lookup (table, segment, attribute);
  gint64 n = ecart_gap_row_get_summary (row, ECART_DIMENSION_LIVED)->n;
  EcartDrillDownDialog *dialog;
  g_autofree char *sql = NULL;

  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (hit.n, ==, n);

  /* Enter on the marker chosen with the arrow keys opens what lies behind it. */
  g_signal_emit_by_name (view, "element-activated", &hit);
  g_assert_true (ecart_test_wait_for (dialog_is_loaded, NULL, 10000));
  dialog = ECART_DRILL_DOWN_DIALOG (ecart_test_find_toplevel (ECART_TYPE_DRILL_DOWN_DIALOG));
  g_assert_cmpint (ecart_drill_down_dialog_get_n_measurements (dialog), ==, n);
  g_assert_cmpuint (ecart_drill_down_dialog_get_n_listed (dialog), ==,
                    MIN (n, ECART_DRILL_DOWN_DIALOG_MAX_MEASUREMENTS));

  sql = g_strdup_printf ("SELECT count (*) FROM verbatim v JOIN respondent r ON r.id = v.respondent_id "
                         "WHERE r.segment_id = %" G_GINT64_FORMAT " AND v.attribute_id = %" G_GINT64_FORMAT,
                         ecart_item_get_id (ECART_ITEM (segment)), ecart_item_get_id (ECART_ITEM (attribute)));
  g_assert_cmpint (ecart_drill_down_dialog_get_n_verbatims (dialog), ==, ecart_test_query_int (fixture->path, sql));
  ecart_test_iterate ();
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "dashboard-drill-down.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A real click at (@x, @y) of @widget, through the X server. */
static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  double dx, dy;
  int status = 0;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  command = g_strdup_printf ("xdotool mousemove --window %lu %d %d sleep 0.1 click 1",
                             (unsigned long)gdk_x11_surface_get_xid (surface),
                             (int)round (point.x + dx), (int)round (point.y + dy));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (10000);
      ecart_test_iterate ();
    }
}

static void
test_dashboard_click (Fixture       *fixture,
                      gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  EcartChartView *view = ecart_chart_card_get_view (card (fixture, ECART_CHART_GAP_BARS, segment));
  EcartChartHit hit = find_hit (view, ECART_CHART_ELEMENT_BAR, -1);
  EcartDrillDownDialog *dialog;
  g_autofree char *sql = NULL;

  /* Clicking the first bar (at the top of the first chart, on screen) drills down. */
  click_at (GTK_WIDGET (view), hit.x + hit.width / 2, hit.y + hit.height / 2);
  g_assert_true (ecart_test_wait_for (dialog_is_loaded, NULL, 10000));
  dialog = ECART_DRILL_DOWN_DIALOG (ecart_test_find_toplevel (ECART_TYPE_DRILL_DOWN_DIALOG));
  sql = g_strdup_printf ("SELECT count (*) FROM measurement m JOIN respondent r ON r.id = m.respondent_id "
                         "WHERE r.segment_id = %" G_GINT64_FORMAT " AND m.attribute_id = %" G_GINT64_FORMAT
                         " AND m.dimension = 3",
                         ecart_item_get_id (ECART_ITEM (segment)), ecart_item_get_id (ECART_ITEM (hit.attribute)));
  g_assert_cmpint (ecart_drill_down_dialog_get_n_measurements (dialog), ==, ecart_test_query_int (fixture->path, sql));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ecart_test_iterate ();

  /* A click where there is nothing opens nothing. */
  click_at (GTK_WIDGET (view), 2, 2);
  g_assert_null (ecart_test_find_toplevel (ECART_TYPE_DRILL_DOWN_DIALOG));
}

static void
test_dashboard_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  EcartChartView *view = ecart_chart_card_get_view (card (fixture, ECART_CHART_GAP_BARS, segment));
  EcartChartHit first = find_hit (view, ECART_CHART_ELEMENT_BAR, -1);
  EcartDrillDownDialog *dialog;
  g_autofree char *sql = NULL;
  const char *description;

  /* Right arrow on the focused chart outlines its first bar and says its figures. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  ecart_test_iterate ();
  ecart_test_press_keys (GTK_WIDGET (fixture->window), "Right");
  ecart_test_iterate ();
  description = ecart_chart_view_get_cursor_text (view);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, ecart_item_get_name (ECART_ITEM (first.attribute))));
  /* Shown under the chart too, for whoever sees the screen but uses the keyboard. */
  ecart_test_wait (300);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (ecart_test_child (GTK_WIDGET (card (fixture, ECART_CHART_GAP_BARS, segment)),
                                                                                ECART_TYPE_CHART_CARD, "cursor_revealer"))));
  ecart_test_save_screenshot (GTK_WIDGET (card (fixture, ECART_CHART_GAP_BARS, segment)), "dashboard-keyboard.png");

  /* Enter opens the measurements behind it: the lived and desired sides of the delivery
   * gap, of which only the lived one is measured. */
  ecart_test_press_keys (GTK_WIDGET (fixture->window), "Return");
  g_assert_true (ecart_test_wait_for (dialog_is_loaded, NULL, 10000));
  dialog = ECART_DRILL_DOWN_DIALOG (ecart_test_find_toplevel (ECART_TYPE_DRILL_DOWN_DIALOG));
  sql = g_strdup_printf ("SELECT count (*) FROM measurement m JOIN respondent r ON r.id = m.respondent_id "
                         "WHERE r.segment_id = %" G_GINT64_FORMAT " AND m.attribute_id = %" G_GINT64_FORMAT
                         " AND m.dimension = 3",
                         ecart_item_get_id (ECART_ITEM (segment)), ecart_item_get_id (ECART_ITEM (first.attribute)));
  g_assert_cmpint (ecart_drill_down_dialog_get_n_measurements (dialog), ==, ecart_test_query_int (fixture->path, sql));

  /* Escape closes it. */
  ecart_test_press_keys (GTK_WIDGET (dialog), "Escape");
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ECART_TYPE_DRILL_DOWN_DIALOG));
}

static void
test_dashboard_scale (Fixture       *fixture,
                      gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  GtkWidget *view = GTK_WIDGET (ecart_chart_card_get_view (card (fixture, ECART_CHART_GAP_BARS, segment)));
  int before = gtk_widget_get_height (view);

  g_assert_cmpint (before, >, 0);
  g_settings_set_double (fixture->settings, "chart-scale", 1.5);
  ecart_test_wait (300);
  g_assert_cmpint (gtk_widget_get_height (view), >, before);
  g_settings_reset (fixture->settings, "chart-scale");
  ecart_test_wait (300);
  g_assert_cmpint (gtk_widget_get_height (view), ==, before);
}

static void
test_dashboard_show_data (Fixture       *fixture,
                          gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  EcartChartCard *gap_card = card (fixture, ECART_CHART_GAP_BARS, segment);
  GtkWidget *button = ecart_test_find_by_accessible_label (GTK_WIDGET (gap_card), GTK_TYPE_TOGGLE_BUTTON, "Show data");
  GtkWidget *grid = ecart_test_find_by_accessible_label (GTK_WIDGET (gap_card), GTK_TYPE_GRID, "Chart data");
  g_autofree char *expected = ecart_chart_to_text (ecart_chart_card_get_chart (gap_card));
  g_autoptr(GPtrArray) rows = ecart_chart_get_rows (ecart_chart_card_get_chart (gap_card));
  GtkWidget *cell;

  g_assert_nonnull (button);
  g_assert_nonnull (grid);
  g_assert_false (gtk_widget_get_mapped (grid));
  ecart_test_click (button);
  g_assert_true (ecart_chart_card_get_show_data (gap_card));
  g_assert_true (gtk_widget_get_mapped (grid));

  /* Every cell of the chart's rows, header first, and nothing more. */
  g_assert_cmpuint (rows->len, >, 1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      guint c;

      for (c = 0; cells[c] != NULL; c++)
        g_assert_cmpstr (ecart_chart_card_get_cell (gap_card, r, c), ==, cells[c]);
      g_assert_null (ecart_chart_card_get_cell (gap_card, r, c));
    }
  g_assert_null (ecart_chart_card_get_cell (gap_card, rows->len, 0));
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (cell)));
  /* Copy Data copies the text alternative. */
  g_assert_cmpstr (ecart_chart_card_get_data_text (gap_card), ==, g_strchomp (expected));
  ecart_test_save_screenshot (GTK_WIDGET (gap_card), "dashboard-show-data.png");

  /* It stays on the table when the figures change. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control (fixture, GTK_TYPE_DROP_DOWN, "Wave")), 1);
  wait_for_page (fixture);
  g_assert_true (ecart_chart_card_get_show_data (card (fixture, ECART_CHART_GAP_BARS, segment)));
  ecart_test_click (button);
  g_assert_false (ecart_chart_card_get_show_data (gap_card));
}

static gboolean
computed_at_80 (gpointer data)
{
  EcartDashboardPage *page = data;

  return page_is_ready (page) && ecart_gap_table_get_confidence (ecart_dashboard_page_get_table (page)) == 0.80;
}

static void
test_dashboard_confidence (Fixture       *fixture,
                           gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  g_autoptr(EcartAttribute) attribute = g_list_model_get_item (ecart_workspace_get_attributes (fixture->workspace), 0);
  g_autofree char *before = g_strdup (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment)));
  const EcartGap *shown;
  const EcartGap *expected;
  g_autoptr(EcartGapTable) table = NULL;
  g_autofree char *after_text = NULL;

  g_assert_cmpfloat (ecart_gap_table_get_confidence (ecart_dashboard_page_get_table (fixture->page)), ==, 0.95);

  g_settings_set_double (fixture->settings, "confidence-level", 0.80);
  g_assert_true (ecart_test_wait_for (computed_at_80, fixture->page, 10000));
  ecart_test_iterate ();

  table = direct_table (fixture, NULL, 0);
  g_assert_cmpfloat (ecart_gap_table_get_confidence (ecart_dashboard_page_get_table (fixture->page)), ==, 0.80);
  shown = ecart_gap_row_get_gap (ecart_gap_table_lookup (ecart_dashboard_page_get_table (fixture->page), segment, attribute),
                                 ECART_GAP_DELIVERY);
  expected = ecart_gap_row_get_gap (ecart_gap_table_lookup (table, segment, attribute), ECART_GAP_DELIVERY);
  g_assert_true (isfinite (shown->ci_low));
  g_assert_cmpfloat_with_epsilon (shown->ci_low, expected->ci_low, 1e-12);
  g_assert_cmpfloat_with_epsilon (shown->ci_high, expected->ci_high, 1e-12);

  after_text = direct_text (table, ECART_CHART_GAP_BARS, segment);
  g_assert_cmpstr (ecart_chart_card_get_data_text (card (fixture, ECART_CHART_GAP_BARS, segment)), ==, after_text);
  g_assert_cmpstr (after_text, !=, before);
  g_assert_nonnull (strstr (after_text, "80 %"));
}

static gboolean
initiative_dialog_is_shown (gpointer data)
{
  GtkWindow *dialog = ecart_test_find_toplevel (ECART_TYPE_INITIATIVE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static void
test_dashboard_create_initiative (Fixture       *fixture,
                                  gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  g_autoptr(EcartGapTable) table = direct_table (fixture, NULL, 0);
  g_autoptr(GPtrArray) largest = ecart_drill_down_largest_gaps (table, segment, ECART_GAP_DELIVERY, 3);
  EcartAttribute *attribute;
  g_autofree char *label = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *button;
  gint64 before;

  g_assert_cmpuint (largest->len, >, 0);
  attribute = ecart_gap_row_get_attribute (g_ptr_array_index (largest, 0));
  label = g_strdup_printf ("Create an initiative on “%s” for %s", ecart_item_get_name (ECART_ITEM (attribute)),
                           ecart_item_get_name (ECART_ITEM (segment)));
  sql = g_strdup_printf ("SELECT count (*) FROM initiative WHERE attribute_id = %" G_GINT64_FORMAT
                         " AND segment_id = %" G_GINT64_FORMAT,
                         ecart_item_get_id (ECART_ITEM (attribute)), ecart_item_get_id (ECART_ITEM (segment)));
  before = ecart_test_query_int (fixture->path, sql);

  ecart_test_press_keys (GTK_WIDGET (fixture->window), "alt+2");
  button = control (fixture, GTK_TYPE_BUTTON, label);
  g_assert_true (gtk_widget_get_mapped (button));
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-actions.png");

  ecart_test_click (button);
  g_assert_true (ecart_test_wait_for (initiative_dialog_is_shown, NULL, 5000));
  g_assert_cmpint (ecart_test_query_int (fixture->path, sql), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_initiatives (fixture->workspace)), >, 0);

  /* Read-only, the gaps are still shown but no initiative can be created. */
  wait_for_page (fixture);
  button = control (fixture, GTK_TYPE_BUTTON, label);
  g_assert_true (gtk_widget_is_sensitive (button));
  ecart_workspace_set_read_only (fixture->workspace, TRUE);
  g_assert_false (gtk_widget_is_sensitive (button));
  ecart_workspace_set_read_only (fixture->workspace, FALSE);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* One undo step: Undo takes it back whole. */
  gtk_window_destroy (ecart_test_find_toplevel (ECART_TYPE_INITIATIVE_DIALOG));
  ecart_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ecart_test_iterate ();
  g_assert_cmpint (ecart_test_query_int (fixture->path, sql), ==, before);
}

static void
test_dashboard_export (Fixture       *fixture,
                       gconstpointer  data)
{
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  EcartChartCard *gap_card = card (fixture, ECART_CHART_GAP_BARS, segment);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (gap_card));
  g_autofree char *png = g_build_filename (fixture->dir, "gaps.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "gaps.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "gaps.pdf", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "gaps.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GdkTexture) picture = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  gsize length;

  g_assert_true (ecart_chart_card_export (gap_card, png, &error));
  g_assert_no_error (error);
  picture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (picture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (picture), >=, 900);
  g_clear_object (&picture);

  g_assert_true (ecart_chart_card_export (gap_card, svg, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (ecart_chart_card_export (gap_card, pdf, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* Printing draws the chart on a page, as a printer would get it. */
  g_clear_pointer (&contents, g_free);
  {
    g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    g_assert_true (ecart_chart_card_print_to_file (gap_card, printed, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (printed, &contents, &length, &error));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_assert_cmpuint (length, >, 2000);
    if (pdftotext != NULL)
      {
        g_autofree char *quoted = g_shell_quote (printed);
        g_autofree char *command = g_strdup_printf ("pdftotext %s -", quoted);
        g_autofree char *text = NULL;
        int status = 0;

        g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_nonnull (strstr (text, ecart_chart_get_title (ecart_chart_card_get_chart (gap_card))));
      }
  }

  /* A name that says no known format is refused, and nothing is written. */
  g_assert_false (ecart_chart_card_export (gap_card, txt, &error));
  g_assert_error (error, ECART_CHART_ERROR, ECART_CHART_ERROR_FORMAT);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Copy as image: a light picture at twice the size, on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gap_card), "chart.copy-image", NULL));
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_cmpint (gdk_texture_get_width (g_value_get_object (&value)), ==,
                   2 * MAX (gtk_widget_get_width (GTK_WIDGET (ecart_chart_card_get_view (gap_card))), 720));
  g_value_unset (&value);

  /* Copy data: the text alternative. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gap_card), "chart.copy-data", NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_cmpstr (g_value_get_string (&value), ==, ecart_chart_card_get_data_text (gap_card));
  g_value_unset (&value);
}

static gboolean
page_is_idle (gpointer data)
{
  return !ecart_dashboard_page_is_computing (data);
}

/* A workspace without segment says what to do first; without waves, each chart says why it
 * is empty and the Actions say to import a wave. */
static void
test_dashboard_blank (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *stack = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_DASHBOARD_PAGE, "stack");
  g_autoptr(GError) error = NULL;
  EcartSegment *segment;
  EcartChartCard *gap_card;

  ecart_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_cmpuint (ecart_dashboard_page_get_n_cards (fixture->page), ==, 0);

  segment = ecart_workspace_add_segment (fixture->workspace, "Walk-in customers", &error);
  g_assert_no_error (error);
  ecart_window_set_segment (fixture->window, segment);
  g_assert_true (ecart_test_wait_for (page_is_ready, fixture->page, 10000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");
  gap_card = card (fixture, ECART_CHART_GAP_BARS, segment);
  g_assert_true (ecart_chart_is_empty (ecart_chart_card_get_chart (gap_card)));
  g_assert_nonnull (strstr (ecart_chart_card_get_data_text (gap_card),
                            ecart_chart_get_empty_message (ecart_chart_card_get_chart (gap_card))));
  g_assert_nonnull (ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page), GTK_TYPE_LIST_BOX,
                                                         "Detractors to call back"));
  g_assert_true (ecart_test_wait_for (page_is_idle, fixture->page, 1000));
  ecart_test_iterate ();
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-blank.png"));
}

static void
test_dashboard_screenshots (Fixture       *fixture,
                            gconstpointer  data)
{
  int minimum;

  /* The page fits next to the sidebar on a laptop: a chart's hidden table of long rows
   * must not widen it (the window would fold its sidebar away). */
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, 800);
  ecart_test_click (ecart_test_find_by_accessible_label (GTK_WIDGET (card (fixture, ECART_CHART_GAP_BARS,
                                                                           ecart_window_get_segment (fixture->window))),
                                                         GTK_TYPE_TOGGLE_BUTTON, "Show data"));
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, 800);
  ecart_test_click (ecart_test_find_by_accessible_label (GTK_WIDGET (card (fixture, ECART_CHART_GAP_BARS,
                                                                           ecart_window_get_segment (fixture->window))),
                                                         GTK_TYPE_TOGGLE_BUTTON, "Show data"));
  ecart_test_wait (300);

  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-light.png"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ecart_test_wait (300);
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-dark.png"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;

  ecart_test_init_gui (&argc, &argv);

  dir = ecart_test_make_tmp_dir ();
  shared_demo = g_build_filename (dir, "demo.ecart", NULL);
  ecart_test_write_demo (shared_demo);

  shared_app = ecart_test_new_application ();

  g_test_add ("/gui/dashboard/filters", Fixture, NULL, fixture_set_up, test_dashboard_filters, fixture_tear_down);
  g_test_add ("/gui/dashboard/follows-edits", Fixture, NULL, fixture_set_up, test_dashboard_follows_edits, fixture_tear_down);
  g_test_add ("/gui/dashboard/tooltip", Fixture, NULL, fixture_set_up, test_dashboard_tooltip, fixture_tear_down);
  g_test_add ("/gui/dashboard/drill-down", Fixture, NULL, fixture_set_up, test_dashboard_drill_down, fixture_tear_down);
  g_test_add ("/gui/dashboard/click", Fixture, NULL, fixture_set_up, test_dashboard_click, fixture_tear_down);
  g_test_add ("/gui/dashboard/keyboard", Fixture, NULL, fixture_set_up, test_dashboard_keyboard, fixture_tear_down);
  g_test_add ("/gui/dashboard/scale", Fixture, NULL, fixture_set_up, test_dashboard_scale, fixture_tear_down);
  g_test_add ("/gui/dashboard/show-data", Fixture, NULL, fixture_set_up, test_dashboard_show_data, fixture_tear_down);
  g_test_add ("/gui/dashboard/confidence", Fixture, NULL, fixture_set_up, test_dashboard_confidence, fixture_tear_down);
  g_test_add ("/gui/dashboard/create-initiative", Fixture, NULL, fixture_set_up, test_dashboard_create_initiative, fixture_tear_down);
  g_test_add ("/gui/dashboard/export", Fixture, NULL, fixture_set_up, test_dashboard_export, fixture_tear_down);
  g_test_add ("/gui/dashboard/blank", Fixture, "blank", fixture_set_up, test_dashboard_blank, fixture_tear_down);
  g_test_add ("/gui/dashboard/screenshots", Fixture, NULL, fixture_set_up, test_dashboard_screenshots, fixture_tear_down);

  return g_test_run ();
}

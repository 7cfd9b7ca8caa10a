/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "ecart-application.h"
#include "ecart-communicate-page.h"
#include "ecart-gap-table.h"
#include "ecart-gui-util.h"
#include "ecart-preferences-window.h"
#include "ecart-segment-card.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* Preferences (GSETTINGS_BACKEND=memory) and the Communicate page (step 2) that follows
 * them: the confidence level changes the intervals shown, the style the colour scheme. */

typedef struct
{
  EcartApplication     *app;
  GSettings            *settings;
  char                 *dir;
  char                 *path;
  EcartWindow          *window;
  EcartWorkspace       *workspace;
  EcartCommunicatePage *page;
} Fixture;

static char *shared_demo;
static EcartApplication *shared_app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "demo.ecart", NULL);
  fixture->app = g_object_ref (shared_app);
  fixture->settings = g_settings_new (APPLICATION_ID);
  ecart_test_copy_workspace (shared_demo, fixture->path);

  ecart_application_open_path (fixture->app, fixture->path, NULL);
  fixture->window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  fixture->workspace = ecart_window_get_workspace (fixture->window);
  g_assert_nonnull (fixture->workspace);

  ecart_window_set_page (fixture->window, "communicate");
  g_assert_cmpstr (ecart_window_get_page (fixture->window), ==, "communicate");
  fixture->page = ECART_COMMUNICATE_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                   ECART_TYPE_COMMUNICATE_PAGE));
  g_assert_true (ecart_communicate_page_get_workspace (fixture->page) == fixture->workspace);
  g_assert_true (ecart_communicate_page_get_segment (fixture->page) == ecart_window_get_segment (fixture->window));
  ecart_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  ecart_test_iterate ();

  g_settings_reset (fixture->settings, "confidence-level");
  g_settings_reset (fixture->settings, "min-n");
  g_settings_reset (fixture->settings, "holm-correction");
  g_settings_reset (fixture->settings, "color-scheme");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->app);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The label named @name in the row of @attribute_name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
row_text (Fixture    *fixture,
          const char *attribute,
          const char *name)
{
  GtkWidget *row = ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page),
                                                        GTK_TYPE_LIST_BOX_ROW, attribute);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = find_named (row, name);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* An attribute of the segment whose expectation gap has an interval. */
static EcartGapRow *
measured_row (Fixture *fixture)
{
  EcartGapTable *table = ecart_communicate_page_get_table (fixture->page);
  GListModel *rows;

  g_assert_nonnull (table);
  rows = ecart_gap_table_get_segment_rows (table, ecart_window_get_segment (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      const EcartGap *gap = ecart_gap_row_get_gap (row, ECART_GAP_EXPECTATION);

      if (!isnan (gap->ci_low) && !gap->insufficient)
        return row;
    }
  g_assert_not_reached ();
}

static void
test_communicate_confidence (Fixture       *fixture,
                             gconstpointer  data)
{
  EcartGapRow *row = measured_row (fixture);
  EcartAttribute *attribute = ecart_gap_row_get_attribute (row);
  const char *name = ecart_item_get_name (ECART_ITEM (attribute));
  const EcartGap *gap = ecart_gap_row_get_gap (row, ECART_GAP_EXPECTATION);
  double width95 = gap->ci_high - gap->ci_low;
  g_autofree char *before = g_strdup (row_text (fixture, name, "ci"));
  EcartGapTable *table;

  g_assert_true (g_str_has_prefix (before, "95 % CI: "));

  g_settings_set_double (fixture->settings, "confidence-level", 0.80);
  ecart_test_iterate ();

  table = ecart_communicate_page_get_table (fixture->page);
  g_assert_cmpfloat_with_epsilon (ecart_gap_table_get_confidence (table), 0.80, 1e-9);
  /* The rows of the first table are gone with it. */
  row = ecart_gap_table_lookup (table, ecart_window_get_segment (fixture->window), attribute);
  gap = ecart_gap_row_get_gap (row, ECART_GAP_EXPECTATION);
  /* A lower level, a narrower interval, shown at once. */
  g_assert_cmpfloat (gap->ci_high - gap->ci_low, <, width95);
  g_assert_true (g_str_has_prefix (row_text (fixture, name, "ci"), "80 % CI: "));
  g_assert_cmpstr (row_text (fixture, name, "ci"), !=, before);
  {
    g_autofree char *low = ecart_gui_format_gap (gap->ci_low);
    g_autofree char *high = ecart_gui_format_gap (gap->ci_high);
    g_autofree char *expected = g_strdup_printf ("80 %% CI: %s to %s", low, high);

    g_assert_cmpstr (row_text (fixture, name, "ci"), ==, expected);
  }

  /* A minimum n above every count: everything is insufficient. */
  g_settings_set_uint (fixture->settings, "min-n", 1000);
  ecart_test_iterate ();
  g_assert_cmpuint (ecart_gap_table_get_min_n (ecart_communicate_page_get_table (fixture->page)), ==, 1000);
  g_assert_cmpstr (row_text (fixture, name, "verdict"), ==, "Insufficient data");
}

/* Rows by importance × |gap|, each with the verdict its interval gives. */
static void
test_communicate_order (Fixture       *fixture,
                        gconstpointer  data)
{
  EcartGapTable *table = ecart_communicate_page_get_table (fixture->page);
  EcartSegment *segment = ecart_window_get_segment (fixture->window);
  GtkListBox *list = GTK_LIST_BOX (ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_COMMUNICATE_PAGE, "list"));
  GListModel *attributes = ecart_workspace_get_attributes (fixture->workspace);
  double previous = INFINITY;
  guint n_rows = 0;
  guint n_oversold = 0;
  GtkListBoxRow *list_row;

  for (int i = 0; (list_row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const char *verdict = gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (list_row), "verdict")));
      EcartAttribute *attribute = NULL;
      EcartGapRow *row;
      const EcartGap *gap;
      double priority;

      /* Which attribute: its name starts the row's heading. */
      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(EcartAttribute) each = g_list_model_get_item (attributes, a);
          const char *heading = gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_list_box_row_get_child (list_row)))));

          if (g_str_has_prefix (heading, ecart_item_get_name (ECART_ITEM (each))))
            attribute = each;
        }
      g_assert_nonnull (attribute);
      row = ecart_gap_table_lookup (table, segment, attribute);
      g_assert_nonnull (row);
      gap = ecart_gap_row_get_gap (row, ECART_GAP_EXPECTATION);
      priority = isnan (gap->value) || gap->insufficient
                 ? -1 : ecart_gap_row_get_importance (row) * fabs (gap->value);
      g_assert_cmpfloat (priority, <=, previous + 1e-9);
      previous = priority;

      if (priority >= 0 && gap->significant && gap->value > 0)
        {
          g_assert_cmpstr (verdict, ==, "Oversold");
          n_oversold++;
        }
      else if (priority >= 0 && gap->significant)
        g_assert_cmpstr (verdict, ==, "Undersold");
      else if (priority >= 0)
        g_assert_cmpstr (verdict, ==, "Aligned");
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (attributes));
  /* The demo's story: the marketing oversold something to the first segment. */
  g_assert_cmpuint (n_oversold, >=, 1);
}

static void
test_preferences_window (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *window;
  GtkWidget *spin;
  GtkWidget *style;
  GtkWidget *holm;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  window = ecart_test_wait_for_toplevel (ECART_TYPE_PREFERENCES_WINDOW, 5000);
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The fields show the keys... */
  spin = ecart_test_find_by_accessible_label (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON,
                                              "Confidence level, in percent");
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 95);
  /* ...and write them. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 90);
  ecart_test_iterate ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "confidence-level"), 0.90, 1e-9);
  g_assert_cmpfloat_with_epsilon (ecart_gap_table_get_confidence (ecart_communicate_page_get_table (fixture->page)),
                                  0.90, 1e-9);

  spin = ecart_test_find_by_accessible_label (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON,
                                              "Minimum number of measurements");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
  ecart_test_iterate ();
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "min-n"), ==, 25);

  holm = ecart_test_find_by_accessible_label (GTK_WIDGET (window), GTK_TYPE_SWITCH, "Holm correction");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (holm)));
  gtk_switch_set_active (GTK_SWITCH (holm), FALSE);
  ecart_test_iterate ();
  g_assert_false (g_settings_get_boolean (fixture->settings, "holm-correction"));

  /* The style follows the key at once. */
  style = ecart_test_find_by_accessible_label (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Style");
  g_assert_nonnull (style);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style)), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_PREFER_LIGHT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (style), 2);
  ecart_test_iterate ();
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "color-scheme"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (window), "preferences-dark.png"));

  g_settings_set_string (fixture->settings, "color-scheme", "light");
  ecart_test_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style)), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (window), "preferences.png"));

  /* Ctrl+comma presents the same window again, not a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  ecart_test_iterate ();
  {
    guint n = 0;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
      n += ECART_IS_PREFERENCES_WINDOW (l->data);
    g_assert_cmpuint (n, ==, 1);
  }
  gtk_window_destroy (window);
}

static void
test_communicate_screenshot (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *row = ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->window),
                                                        GTK_TYPE_LIST_BOX_ROW, "Step 2: Communicate");

  /* The sidebar's row between steps 1 and 3. */
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (ecart_test_find_by_accessible_label (
                     GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX_ROW, "Step 1: Desired Experience"))) + 1);
  ecart_test_resize (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "communicate.png"));
  g_settings_set_string (fixture->settings, "color-scheme", "dark");
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "communicate-dark.png"));
}

/* The portfolio's cards follow the minimum n: an NPS on too few respondents is not shown. */
static void
test_portfolio_min_n (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *card;
  GtkWidget *nps_box;

  ecart_window_set_page (fixture->window, "portfolio");
  ecart_test_iterate ();
  card = ecart_test_find_by_type (GTK_WIDGET (fixture->window), ECART_TYPE_SEGMENT_CARD);
  g_assert_nonnull (card);
  nps_box = ecart_test_child (card, ECART_TYPE_SEGMENT_CARD, "nps_box");
  g_assert_true (gtk_widget_get_visible (nps_box));

  g_settings_set_uint (fixture->settings, "min-n", 1000);
  ecart_test_iterate ();
  g_assert_false (gtk_widget_get_visible (nps_box));

  g_settings_set_uint (fixture->settings, "min-n", 10);
  ecart_test_iterate ();
  g_assert_true (gtk_widget_get_visible (nps_box));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  ecart_test_init_gui (&argc, &argv);

  dir = ecart_test_make_tmp_dir ();
  shared_demo = g_build_filename (dir, "demo.ecart", NULL);
  ecart_test_write_demo (shared_demo);

  shared_app = ecart_test_new_application ();

  g_test_add ("/gui/communicate/confidence", Fixture, NULL, fixture_set_up, test_communicate_confidence, fixture_tear_down);
  g_test_add ("/gui/communicate/order", Fixture, NULL, fixture_set_up, test_communicate_order, fixture_tear_down);
  g_test_add ("/gui/communicate/screenshot", Fixture, NULL, fixture_set_up, test_communicate_screenshot, fixture_tear_down);
  g_test_add ("/gui/preferences/portfolio", Fixture, NULL, fixture_set_up, test_portfolio_min_n, fixture_tear_down);
  g_test_add ("/gui/preferences/window", Fixture, NULL, fixture_set_up, test_preferences_window, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}

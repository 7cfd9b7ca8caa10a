/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ecart-application.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The window shell: the start page, opening the demo (its segments in the sidebar),
 * a damaged file's error in a dialog, a file already open focusing its window. */

typedef struct
{
  EcartApplication *app;
  char             *dir;
  char             *demo;
} Fixture;

static char *shared_demo;
static EcartApplication *shared_app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->demo = g_build_filename (fixture->dir, "demo.ecart", NULL);
  ecart_test_copy_workspace (shared_demo, fixture->demo);

  /* One application for the whole program: it stays exported on the session bus. */
  fixture->app = g_object_ref (shared_app);
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

  g_clear_object (&fixture->app);
  g_free (fixture->demo);
  g_free (fixture->dir);
}

static const char *expected_page;

static gboolean
window_shows_expected_page (gpointer data)
{
  return g_strcmp0 (ecart_window_get_page (data), expected_page) == 0;
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  EcartWindow *window;
  EcartWorkspace *workspace;
  GtkListBox *segments_list;
  GListModel *segments;
  guint n_rows = 0;

  ecart_application_open_path (fixture->app, fixture->demo, NULL);
  window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, window, 5000));

  workspace = ecart_window_get_workspace (window);
  g_assert_nonnull (workspace);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, ecart_workspace_get_name (workspace));

  /* The sidebar lists the segments of the model, in order, the first selected. */
  segments = ecart_workspace_get_segments (workspace);
  g_assert_cmpuint (g_list_model_get_n_items (segments), ==, 3);
  segments_list = GTK_LIST_BOX (ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW,
                                                               "segments_list"));
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (segments_list, n_rows)) != NULL; n_rows++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, n_rows);
      GtkWidget *label = ecart_test_find_by_type (GTK_WIDGET (row), GTK_TYPE_LABEL);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                       ecart_item_get_name (ECART_ITEM (segment)));
    }
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_true (gtk_list_box_get_selected_row (segments_list)
                 == gtk_list_box_get_row_at_index (segments_list, 0));

  /* Selecting another row changes the window's segment. */
  gtk_list_box_select_row (segments_list, gtk_list_box_get_row_at_index (segments_list, 2));
  {
    g_autoptr(EcartSegment) third = g_list_model_get_item (segments, 2);

    g_assert_true (ecart_window_get_segment (window) == third);
  }

  /* A renamed segment is renamed in the sidebar at once. */
  {
    g_autoptr(EcartSegment) third = g_list_model_get_item (segments, 2);
    g_autoptr(GError) error = NULL;
    GtkWidget *label;

    g_assert_true (ecart_workspace_rename_segment (workspace, third, "Voyageurs pressés", &error));
    g_assert_no_error (error);
    ecart_test_iterate ();
    label = ecart_test_find_by_type (GTK_WIDGET (gtk_list_box_get_row_at_index (segments_list, 2)),
                                     GTK_TYPE_LABEL);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Voyageurs pressés");
    g_assert_true (gtk_widget_is_sensitive (ecart_test_child (GTK_WIDGET (window),
                                                                           ECART_TYPE_WINDOW,
                                                                           "undo_button")));
  }

  /* The overview counts what the file holds. */
  {
    GtkWidget *page = ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW,
                                                     "overview_page");

    g_assert_nonnull (ecart_test_find_by_label (page, GTK_TYPE_LABEL, "13"));
    g_assert_nonnull (ecart_test_find_by_label (page, GTK_TYPE_LABEL, "7 stages · 15 touchpoints"));
  }

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (window), "window-demo.png"));

  /* Ctrl+1 to Ctrl+4 go to the four steps of the method, pressed for real; the sidebar
   * follows, its steps under their own heading. */
  {
    static const struct { const char *keys; const char *page; } steps[] = {
      { "ctrl+2", "communicate" },
      { "ctrl+4", "dashboard" },
      { "ctrl+3", "proposed" },
      { "ctrl+1", "desired" },
    };
    GtkListBox *pages_list = GTK_LIST_BOX (ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW,
                                                             "pages_list"));
    GtkListBoxRow *row;

    gtk_window_present (GTK_WINDOW (window));
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        ecart_test_press_keys (GTK_WIDGET (window), steps[i].keys);
        expected_page = steps[i].page;
        g_assert_true (ecart_test_wait_for (window_shows_expected_page, window, 5000));
        row = gtk_list_box_get_selected_row (pages_list);
        g_assert_nonnull (row);
        g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, steps[i].page);
      }

    row = gtk_list_box_get_row_at_index (pages_list, 0);
    g_assert_nonnull (gtk_list_box_row_get_header (row));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_header (row))), ==, "Workshop");
    for (int i = 0; (row = gtk_list_box_get_row_at_index (pages_list, i)) != NULL; i++)
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), "desired") == 0)
        break;
    g_assert_nonnull (row);
    g_assert_nonnull (gtk_list_box_row_get_header (row));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_header (row))), ==,
                     "The Four Steps");
  }

  /* On a narrow window showing the sidebar, a step's shortcut slides its page into view. */
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW, "leaflet"));
    GtkWidget *page;
    GtkWidget *sidebar;

    ecart_test_resize (GTK_WINDOW (window), 600, 700);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (adw_leaflet_get_folded (leaflet));
    page = adw_leaflet_get_visible_child (leaflet);
    g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
    sidebar = adw_leaflet_get_visible_child (leaflet);
    g_assert_true (sidebar != page);
    ecart_test_press_keys (GTK_WIDGET (window), "ctrl+2");
    expected_page = "communicate";
    g_assert_true (ecart_test_wait_for (window_shows_expected_page, window, 5000));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) == page);
  }
}

static void
test_window_already_open (Fixture       *fixture,
                          gconstpointer  data)
{
  EcartWindow *first;

  ecart_application_open_path (fixture->app, fixture->demo, NULL);
  first = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (first);

  /* The same file again, even under another name for the path: no second window. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, ".", "demo.ecart", NULL);

    ecart_application_open_path (fixture->app, other, NULL);
  }
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);
}

static gboolean
dialog_is_shown (gpointer data)
{
  return ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_window_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "damaged.ecart", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  EcartWindow *window;
  GtkWindow *dialog;
  gsize length;

  /* The first half of a real workspace. */
  g_assert_true (g_file_get_contents (fixture->demo, &contents, &length, &error));
  g_assert_true (g_file_set_contents (bad, contents, length / 2, &error));

  ecart_application_open_path (fixture->app, bad, NULL);
  window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (window);
  g_assert_null (ecart_window_get_workspace (window));

  g_assert_true (ecart_test_wait_for (dialog_is_shown, NULL, 5000));
  dialog = ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "damaged.ecart"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "damaged"));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "window-damaged-dialog.png");

  /* Nothing was written to the refused file. */
  g_assert_true (g_file_get_contents (bad, &after, NULL, &error));
  g_assert_cmpmem (after, length / 2, contents, length / 2);
  gtk_window_destroy (dialog);
}

static void
test_window_start_page (Fixture       *fixture,
                        gconstpointer  data)
{
  EcartWindow *window = ecart_window_new (fixture->app);
  GtkWidget *start;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, window, 5000));

  start = ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW, "start_page");
  g_assert_true (gtk_widget_get_mapped (start));
  g_assert_nonnull (ecart_test_find_by_label (start, GTK_TYPE_BUTTON, "Open the Demo Workshop"));
  g_assert_nonnull (ecart_test_find_by_label (start, GTK_TYPE_MENU_BUTTON, "New Workspace"));
  g_assert_nonnull (ecart_test_find_by_label (start, GTK_TYPE_BUTTON, "Open…"));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (window), "window-start.png"));
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static void
test_window_file_removed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = g_build_filename (fixture->dir, "elsewhere.ecart", NULL);
  EcartWorkspace *workspace;
  EcartWindow *window;
  GtkWidget *banner;
  EcartSegment *segment;

  ecart_application_open_path (fixture->app, fixture->demo, NULL);
  window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  workspace = ecart_window_get_workspace (window);
  g_assert_nonnull (workspace);
  banner = ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW, "banner_revealer");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* The file is moved away while open: the window says so and editing stops. */
  g_assert_cmpint (g_rename (fixture->demo, moved), ==, 0);
  g_assert_true (ecart_test_wait_for (banner_shown, banner, 5000));
  g_assert_true (ecart_workspace_is_read_only (workspace));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (ecart_test_child (GTK_WIDGET (window),
                                                                                ECART_TYPE_WINDOW,
                                                                                "banner_label"))),
                            "demo.ecart"));

  segment = ecart_window_get_segment (window);
  g_assert_false (ecart_workspace_rename_segment (workspace, segment, "Jamais écrit", &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY);
  g_assert_false (gtk_widget_is_sensitive (ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW,
                                                             "undo_button")));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ecart_test_save_screenshot (GTK_WIDGET (window), "window-file-removed.png");
}

static gboolean
is_editable (gpointer data)
{
  return !ecart_workspace_is_read_only (data);
}

/* A large file opens at once and is checked in the background: editing waits for it. */
static void
test_window_deferred_check (Fixture       *fixture,
                            gconstpointer  data)
{
  EcartWorkspace *workspace;
  EcartWindow *window;
  GtkWidget *banner;

  g_setenv ("ECART_DATABASE_CHECK_LIMIT", "4096", TRUE);
  ecart_application_open_path (fixture->app, fixture->demo, NULL);
  g_unsetenv ("ECART_DATABASE_CHECK_LIMIT");

  window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  workspace = ecart_window_get_workspace (window);
  g_assert_nonnull (workspace);
  banner = ecart_test_child (GTK_WIDGET (window), ECART_TYPE_WINDOW, "banner_revealer");

  /* Until the check is done (its result comes back through the main loop, not yet run):
   * read-only, and the window says why. */
  g_assert_true (ecart_workspace_is_read_only (workspace));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  g_assert_true (ecart_test_wait_for (is_editable, workspace, 10000));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
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

  g_test_add ("/gui/window/start-page", Fixture, NULL, fixture_set_up, test_window_start_page, fixture_tear_down);
  g_test_add ("/gui/window/demo", Fixture, NULL, fixture_set_up, test_window_demo, fixture_tear_down);
  g_test_add ("/gui/window/already-open", Fixture, NULL, fixture_set_up, test_window_already_open, fixture_tear_down);
  g_test_add ("/gui/window/damaged", Fixture, NULL, fixture_set_up, test_window_damaged, fixture_tear_down);
  g_test_add ("/gui/window/deferred-check", Fixture, NULL, fixture_set_up, test_window_deferred_check, fixture_tear_down);
  g_test_add ("/gui/window/file-removed", Fixture, NULL, fixture_set_up, test_window_file_removed, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}

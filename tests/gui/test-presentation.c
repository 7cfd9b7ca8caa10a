/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ecart-application.h"
#include "ecart-presentation.h"
#include "ecart-report-export.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* Presentation mode (F5) driven with real keys, and "Export Report…" run to the end. */

typedef struct
{
  EcartApplication *app;
  char             *dir;
  char             *path;
  EcartWindow      *window;
  EcartWorkspace   *workspace;
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
  ecart_test_copy_workspace (g_strcmp0 (data, "blank") == 0 ? NULL : shared_demo, fixture->path);

  ecart_application_open_path (fixture->app, fixture->path, NULL);
  fixture->window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  fixture->workspace = ecart_window_get_workspace (fixture->window);
  g_assert_nonnull (fixture->workspace);
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
  g_free (fixture->path);
  g_free (fixture->dir);
}

static EcartPresentation *
start_presentation (Fixture *fixture)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  window = ecart_test_wait_for_toplevel (ECART_TYPE_PRESENTATION, 5000);
  g_assert_nonnull (window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, window, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return ECART_PRESENTATION (window);
}

static void
assert_slide (EcartPresentation *presentation,
              guint              slide)
{
  g_autofree char *number = g_strdup_printf ("%u / %u", slide + 1,
                                             ecart_presentation_get_n_slides (presentation));

  g_assert_cmpuint (ecart_presentation_get_slide (presentation), ==, slide);
  g_assert_cmpstr (ecart_presentation_get_number_text (presentation), ==, number);
}

static gboolean
presentation_is_gone (gpointer data)
{
  return ecart_test_find_toplevel (ECART_TYPE_PRESENTATION) == NULL;
}

static void
test_presentation_keys (Fixture       *fixture,
                        gconstpointer  data)
{
  EcartPresentation *presentation = start_presentation (fixture);
  guint segments = g_list_model_get_n_items (ecart_workspace_get_segments (fixture->workspace));
  guint last;

  /* Title, the four dimensions, five slides per segment, the closing slide. */
  g_assert_cmpuint (segments, ==, 3);
  g_assert_cmpuint (ecart_presentation_get_n_slides (presentation), ==,
                    2 + ECART_PRESENTATION_SLIDES_PER_SEGMENT * segments + 1);
  g_assert_cmpuint (ecart_presentation_get_n_slides (presentation), ==, 18);
  last = ecart_presentation_get_n_slides (presentation) - 1;
  assert_slide (presentation, 0);

  ecart_test_press_keys (GTK_WIDGET (presentation), "Right");
  assert_slide (presentation, 1);
  ecart_test_press_keys (GTK_WIDGET (presentation), "Next space");
  assert_slide (presentation, 3);
  ecart_test_press_keys (GTK_WIDGET (presentation), "Left");
  assert_slide (presentation, 2);
  ecart_test_press_keys (GTK_WIDGET (presentation), "Prior BackSpace");
  assert_slide (presentation, 0);
  /* Before the first: stays on the first. */
  ecart_test_press_keys (GTK_WIDGET (presentation), "Left");
  assert_slide (presentation, 0);

  ecart_test_press_keys (GTK_WIDGET (presentation), "End");
  assert_slide (presentation, last);
  ecart_test_press_keys (GTK_WIDGET (presentation), "Right");
  assert_slide (presentation, last);
  ecart_test_press_keys (GTK_WIDGET (presentation), "Home");
  assert_slide (presentation, 0);

  /* A black screen, and back with the next key. */
  ecart_test_press_keys (GTK_WIDGET (presentation), "b");
  g_assert_true (ecart_presentation_get_black (presentation));
  ecart_test_press_keys (GTK_WIDGET (presentation), "period");
  g_assert_false (ecart_presentation_get_black (presentation));
  ecart_test_press_keys (GTK_WIDGET (presentation), "b Right");
  g_assert_false (ecart_presentation_get_black (presentation));
  assert_slide (presentation, 1);

  /* Dark and light. */
  {
    gboolean dark = ecart_presentation_get_dark (presentation);

    ecart_test_press_keys (GTK_WIDGET (presentation), "d");
    g_assert_true (ecart_presentation_get_dark (presentation) == !dark);
    ecart_test_press_keys (GTK_WIDGET (presentation), "d");
    g_assert_true (ecart_presentation_get_dark (presentation) == dark);
  }

  /* F5 from the window again: the same presentation, not a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  ecart_test_iterate ();
  {
    guint n = 0;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
      n += ECART_IS_PRESENTATION (l->data);
    g_assert_cmpuint (n, ==, 1);
  }

  ecart_test_press_keys (GTK_WIDGET (presentation), "Escape");
  g_assert_true (ecart_test_wait_for (presentation_is_gone, NULL, 5000));
  /* The window is still there, with its workspace. */
  g_assert_true (ecart_window_get_workspace (fixture->window) == fixture->workspace);
}

/* A workspace without segments: the title, the method and the closing slide. */
static void
test_presentation_blank (Fixture       *fixture,
                         gconstpointer  data)
{
  EcartPresentation *presentation = start_presentation (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_segments (fixture->workspace)), ==, 0);
  g_assert_cmpuint (ecart_presentation_get_n_slides (presentation), ==, 3);
  assert_slide (presentation, 0);
  ecart_test_press_keys (GTK_WIDGET (presentation), "End");
  assert_slide (presentation, 2);
  ecart_test_press_keys (GTK_WIDGET (presentation), "Escape");
  g_assert_true (ecart_test_wait_for (presentation_is_gone, NULL, 5000));
}

/* F5 from the window starts it; the slides' screenshots, light and dark, to look at. */
static void
test_presentation_screenshots (Fixture       *fixture,
                               gconstpointer  data)
{
  EcartPresentation *presentation;

  ecart_test_press_keys (GTK_WIDGET (fixture->window), "F5");
  presentation = ECART_PRESENTATION (ecart_test_wait_for_toplevel (ECART_TYPE_PRESENTATION, 5000));
  g_assert_nonnull (presentation);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, presentation, 5000));
  gtk_window_destroy (GTK_WINDOW (presentation));
  ecart_test_iterate ();

  /* The pictures at 1080p: without a window manager, fullscreen does not resize. */
  presentation = ecart_presentation_new (fixture->workspace, GTK_WINDOW (fixture->window));
  gtk_window_unfullscreen (GTK_WINDOW (presentation));
  gtk_window_set_default_size (GTK_WINDOW (presentation), 1920, 1080);
  gtk_window_present (GTK_WINDOW (presentation));
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, presentation, 5000));
  ecart_test_wait (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), >=, 1900);

  for (guint dark = 0; dark < 2; dark++)
    {
      ecart_presentation_set_dark (presentation, dark);
      for (guint i = 0; i < ecart_presentation_get_n_slides (presentation); i++)
        {
          g_autofree char *name = g_strdup_printf ("presentation-%s-%02u.png",
                                                   dark ? "dark" : "light", i + 1);

          if (i > 7 && i != ecart_presentation_get_n_slides (presentation) - 1)
            continue;
          ecart_presentation_set_slide (presentation, i);
          ecart_test_wait (300);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (presentation));
          g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (presentation), name));
        }
    }

  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL);
  g_assert_true (ecart_test_wait_for (presentation_is_gone, NULL, 5000));
}

/* Export ------------------------------------------------------------------------------------ */

static gboolean
export_is_done (gpointer data)
{
  return !ecart_report_export_is_running (data);
}

static int
count_pages (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", path);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (output, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static void
test_export_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_false (ecart_report_export_is_running (fixture->window));
  ecart_report_export_start (fixture->window, path, "en");
  g_assert_true (ecart_report_export_is_running (fixture->window));
  /* The progress dialog is up while the worker writes. */
  g_assert_nonnull (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* A second export while the first runs is refused, with a word. */
  ecart_report_export_start (fixture->window, path, "en");
  g_assert_true (ecart_report_export_is_running (fixture->window));
  g_assert_true (ecart_test_wait_for (export_is_done, fixture->window, 120000));
  ecart_test_iterate ();

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (count_pages (path), >, 1);
  /* Done: the progress dialog is gone, no error dialog. */
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_export_report_error (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no such folder", "report.pdf", NULL);
  AdwMessageDialog *dialog;

  ecart_report_export_start (fixture->window, path, "fr");
  g_assert_true (ecart_test_wait_for (export_is_done, fixture->window, 120000));
  ecart_test_iterate ();

  /* An error dialog says why; the window goes on. */
  dialog = ADW_MESSAGE_DIALOG (ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not export the report");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (ecart_window_get_workspace (fixture->window));
}

static void
test_export_report_cancel (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  AdwMessageDialog *dialog;

  ecart_report_export_start (fixture->window, path, "en");
  dialog = ADW_MESSAGE_DIALOG (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (ecart_test_wait_for (export_is_done, fixture->window, 120000));
  ecart_test_iterate ();

  /* Cancelled before the end: nothing written (the report is written atomically). */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  ecart_test_init_gui (&argc, &argv);

  dir = ecart_test_make_tmp_dir ();
  shared_demo = g_build_filename (dir, "demo.ecart", NULL);
  ecart_test_write_demo (shared_demo);

  shared_app = ecart_test_new_application ();

  g_test_add ("/gui/presentation/keys", Fixture, NULL, fixture_set_up, test_presentation_keys, fixture_tear_down);
  g_test_add ("/gui/presentation/blank", Fixture, "blank", fixture_set_up, test_presentation_blank, fixture_tear_down);
  g_test_add ("/gui/presentation/screenshots", Fixture, NULL, fixture_set_up, test_presentation_screenshots, fixture_tear_down);
  g_test_add ("/gui/report/export", Fixture, NULL, fixture_set_up, test_export_report, fixture_tear_down);
  g_test_add ("/gui/report/error", Fixture, NULL, fixture_set_up, test_export_report_error, fixture_tear_down);
  g_test_add ("/gui/report/cancel", Fixture, NULL, fixture_set_up, test_export_report_cancel, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ecart-application.h"
#include "ecart-import-dialog.h"
#include "ecart-measurement-model.h"
#include "ecart-measurements-page.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The import dialog and the Measurements page, driven as the user does on the fixtures of
 * tests/data/import: what was detected is shown, the columns get their roles, the import
 * runs on a worker thread and writes what `ecart-cli import` writes with the same mapping;
 * cancelling leaves the file as it was; Undo deletes the wave; the columns are offered
 * again for the next file with the same columns; rejected rows are listed and copied. */

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

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("ECART_TEST_DATA"), "import", name, NULL);
}

static gint64
db_int (Fixture    *fixture,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = ecart_database_query_int (ecart_workspace_get_database (fixture->workspace),
                                           sql, -1, &error);

  g_assert_no_error (error);
  return value;
}

static void
open_window (Fixture *fixture)
{
  GSettings *settings = ecart_application_get_settings (fixture->app);

  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 860);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  ecart_application_open_path (fixture->app, fixture->path, NULL);
  fixture->window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  fixture->workspace = ecart_window_get_workspace (fixture->window);
  g_assert_nonnull (fixture->workspace);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "demo.ecart", NULL);
  ecart_test_copy_workspace (shared_demo, fixture->path);
  fixture->app = g_object_ref (shared_app);
  open_window (fixture);
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

/* The dialog ---------------------------------------------------------------------------------- */

static EcartImportDialog *
open_dialog (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EcartImportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL);
  dialog = ECART_IMPORT_DIALOG (ecart_test_wait_for_toplevel (ECART_TYPE_IMPORT_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (ecart_import_dialog_set_file (dialog, file));
  ecart_test_iterate ();
  return dialog;
}

static GtkWidget *
find (EcartImportDialog *dialog,
      GType              type,
      const char        *label)
{
  GtkWidget *widget = ecart_test_find_by_accessible_label (GTK_WIDGET (dialog), type, label);

  if (widget == NULL)
    g_error ("No %s named “%s” in the dialog", g_type_name (type), label);
  return widget;
}

static const char *
combo_text (EcartImportDialog *dialog,
            const char        *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (dialog, ADW_TYPE_COMBO_ROW, title));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static const char *
drop_down_text (EcartImportDialog *dialog,
                const char        *label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, label));

  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop_down));
}

static void
set_scale (EcartImportDialog *dialog,
           double             min,
           double             max)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, "Lowest score")), min);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, "Highest score")), max);
}

static const char *
visible_step (EcartImportDialog *dialog)
{
  GtkStack *stack = GTK_STACK (ecart_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
not_running (gpointer data)
{
  return !ecart_import_dialog_is_running (data);
}

static gboolean
is_gone (gpointer data)
{
  return ecart_test_find_toplevel (ECART_TYPE_IMPORT_DIALOG) == NULL;
}

static void
click (EcartImportDialog *dialog,
       const char        *label)
{
  ecart_test_click (find (dialog, GTK_TYPE_BUTTON, label));
}

static void
check_file (EcartImportDialog *dialog)
{
  click (dialog, "Check the File");
  g_assert_true (ecart_test_wait_for (not_running, dialog, 60000));
  ecart_test_iterate ();
  g_assert_cmpstr (visible_step (dialog), ==, "review");
}

static const char *
error_text (EcartImportDialog *dialog)
{
  GtkRevealer *revealer = GTK_REVEALER (ecart_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_REVEALER));
  GtkWidget *label = ecart_test_find_by_type (GTK_WIDGET (revealer), GTK_TYPE_LABEL);

  return gtk_revealer_get_reveal_child (revealer) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The Undo button of the toast (the window's own Undo button is another). */
static GtkWidget *
find_toast_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), "_Undo") == 0
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                        "win.delete-imported-wave") == 0)
        return child;
      if ((found = find_toast_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static char *
copy_workspace (Fixture    *fixture,
                const char *name)
{
  g_autofree char *contents = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  ecart_test_copy_workspace (shared_demo, path);
  return path;
}

static void
run_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ecart-cli failed: %s%s", out, err);
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return child;
      if ((found = find_label_starting (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

#define WAVE_COUNTS \
  "SELECT (SELECT count(*) FROM respondent r JOIN wave w ON w.id = r.wave_id WHERE w.name = '%1$s') " \
  "|| ' ' || (SELECT count(*) FROM measurement m JOIN respondent r ON r.id = m.respondent_id " \
  "  JOIN wave w ON w.id = r.wave_id WHERE w.name = '%1$s') " \
  "|| ' ' || (SELECT total (m.score) FROM measurement m JOIN respondent r ON r.id = m.respondent_id " \
  "  JOIN wave w ON w.id = r.wave_id WHERE w.name = '%1$s') " \
  "|| ' ' || (SELECT count(*) FROM recommendation c JOIN respondent r ON r.id = c.respondent_id " \
  "  JOIN wave w ON w.id = r.wave_id WHERE w.name = '%1$s') " \
  "|| ' ' || (SELECT count(*) FROM verbatim v JOIN wave w ON w.id = v.wave_id WHERE w.name = '%1$s')"

static void
test_import_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = data_path ("long.csv");
  g_autofree char *ini = data_path ("long.ini");
  g_autofree char *cli_path = copy_workspace (fixture, "cli.ecart");
  g_autofree char *sql = g_strdup_printf (WAVE_COUNTS, "Field test");
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  EcartImportDialog *dialog;
  GtkWidget *undo;
  gint64 waves = db_int (fixture, "SELECT count(*) FROM wave");
  gint64 measurements = db_int (fixture, "SELECT count(*) FROM measurement");
  guint changes = 0;

  dialog = open_dialog (fixture, csv);
  g_assert_cmpstr (visible_step (dialog), ==, "columns");
  /* What was detected is shown. */
  g_assert_cmpstr (combo_text (dialog, "Encoding"), ==, "UTF-8");
  g_assert_cmpstr (combo_text (dialog, "Delimiter"), ==, "Comma (,)");
  g_assert_cmpstr (combo_text (dialog, "Decimal separator"), ==, "Point (7.5)");
  g_assert_cmpstr (combo_text (dialog, "Layout"), ==, "Long");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, "Header rows"))), ==, 1);
  /* The roles guessed from the header. */
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “respondent”"), ==, "Respondent");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “segment”"), ==, "Segment");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “attribute”"), ==, "Attribute");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “touchpoint”"), ==, "Touchpoint");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “dimension”"), ==, "Dimension");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “score”"), ==, "Score");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “date”"), ==, "Date");
  set_scale (dialog, 0, 10);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Name of the new wave")),
                         "Field test");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "import-1-columns.png");

  check_file (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "import-2-review.png");
  /* Nothing is written by the check. */
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM wave"), ==, waves);

  g_signal_connect_swapped (fixture->workspace, "changed", G_CALLBACK (count_change), &changes);
  click (dialog, "Import");
  g_assert_true (ecart_test_wait_for (is_gone, NULL, 60000));
  ecart_test_iterate ();
  /* The window's workspace was reloaded and said so. */
  g_assert_cmpuint (changes, >=, 1);
  g_signal_handlers_disconnect_by_data (fixture->workspace, &changes);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM wave"), ==, waves + 1);
  g_assert_nonnull (ecart_workspace_find_by_name (fixture->workspace,
                                                  ecart_workspace_get_waves (fixture->workspace),
                                                  "Field test"));

  /* The same as the command line with the same mapping. */
  {
    const char *argv[] = { g_getenv ("ECART_CLI"), "import", cli_path, csv, "--mapping", ini,
                           "--wave", "Field test", NULL };

    run_cli (argv);
  }
  ours = ecart_test_query_text (fixture->path, sql);
  theirs = ecart_test_query_text (cli_path, sql);
  g_assert_cmpstr (ours, ==, theirs);
  g_assert_cmpstr (ours, !=, "0 0 0.0 0 0");

  /* The toast's Undo deletes the wave. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "import-3-toast.png");
  undo = find_toast_button (GTK_WIDGET (fixture->window));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ecart_test_iterate ();
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM wave"), ==, waves);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM measurement"), ==, measurements);

  /* A second file with the same columns is read with the saved columns: the scale 0..10
   * comes from them, where a guess from these rows would say 1..5. */
  second = g_build_filename (fixture->dir, "second.csv", NULL);
  g_assert_true (g_file_set_contents (second,
                                      "respondent,segment,attribute,touchpoint,dimension,score,date\n"
                                      "Z1,Families,Warm welcome,Reception,lived,4,2025-06-01\n"
                                      "Z1,Families,Warm welcome,Reception,expected,5,2025-06-01\n",
                                      -1, &error));
  dialog = open_dialog (fixture, second);
  g_assert_cmpstr (ecart_import_dialog_get_saved_name (dialog), ==, "long");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, "Lowest score"))), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find (dialog, GTK_TYPE_SPIN_BUTTON, "Highest score"))), ==, 10);
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “score”"), ==, "Score");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ecart_test_wait_for (is_gone, NULL, 5000));

  /* The same file again: reported, and imported only if the user insists. */
  dialog = open_dialog (fixture, csv);
  set_scale (dialog, 0, 10);
  check_file (dialog);
  g_assert_nonnull (find_label_starting (GTK_WIDGET (dialog), "This file was imported before"));
  g_assert_true (gtk_widget_get_visible (find_label_starting (GTK_WIDGET (dialog),
                                                              "This file was imported before")));
  g_assert_nonnull (find (dialog, GTK_TYPE_BUTTON, "Import Anyway"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  g_assert_true (ecart_test_wait_for (is_gone, NULL, 5000));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM wave"), ==, waves);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM measurement"), ==, measurements);
}

static gboolean
progress_started (gpointer data)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (ecart_test_find_by_type (data, GTK_TYPE_PROGRESS_BAR));

  return gtk_progress_bar_get_fraction (bar) > 0.05 || !ecart_import_dialog_is_running (data);
}

static gboolean
writing_started (gpointer data)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (ecart_test_find_by_type (data, GTK_TYPE_PROGRESS_BAR));
  const char *text = gtk_progress_bar_get_text (bar);

  return (text != NULL && g_str_has_prefix (text, "Writing") && gtk_progress_bar_get_fraction (bar) > 0.05)
         || !ecart_import_dialog_is_running (data);
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "large.csv", NULL);
  g_autoptr(GString) text = g_string_new ("respondent,segment,attribute,touchpoint,dimension,score,date\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ecart_test_query_text (fixture->path,
                                                    "SELECT (SELECT count(*) FROM wave) || ' ' || "
                                                    "(SELECT count(*) FROM measurement) || ' ' || "
                                                    "(SELECT count(*) FROM import_log)");
  g_autofree char *after = NULL;
  EcartImportDialog *dialog;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (text, "L%u,Families,Warm welcome,Reception,%s,%u,2025-04-0%u\n",
                            i / 2, i % 2 ? "lived" : "expected", i % 11, 1 + i % 9);
  g_assert_true (g_file_set_contents (csv, text->str, text->len, &error));

  dialog = open_dialog (fixture, csv);
  set_scale (dialog, 0, 10);

  /* Cancelled while checking: back to the columns. */
  click (dialog, "Check the File");
  g_assert_cmpstr (visible_step (dialog), ==, "progress");
  g_assert_true (ecart_test_wait_for (progress_started, dialog, 30000));
  g_assert_true (ecart_import_dialog_is_running (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "import-4-progress.png");
  click (dialog, "Cancel");
  g_assert_true (ecart_test_wait_for (not_running, dialog, 30000));
  ecart_test_iterate ();
  g_assert_cmpstr (visible_step (dialog), ==, "columns");
  g_assert_cmpstr (error_text (dialog), ==, "Cancelled: nothing was written.");

  /* Cancelled while writing: nothing written. */
  check_file (dialog);
  click (dialog, "Import");
  g_assert_true (ecart_test_wait_for (writing_started, dialog, 60000));
  g_assert_true (ecart_import_dialog_is_running (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stop", NULL);
  g_assert_true (ecart_test_wait_for (not_running, dialog, 30000));
  ecart_test_iterate ();
  g_assert_cmpstr (visible_step (dialog), ==, "review");
  g_assert_cmpstr (error_text (dialog), ==, "Cancelled: nothing was written.");

  after = ecart_test_query_text (fixture->path,
                                 "SELECT (SELECT count(*) FROM wave) || ' ' || "
                                 "(SELECT count(*) FROM measurement) || ' ' || "
                                 "(SELECT count(*) FROM import_log)");
  g_assert_cmpstr (after, ==, before);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ecart_test_wait_for (is_gone, NULL, 5000));
}

static gboolean
clipboard_read (gpointer data)
{
  return *(char **)data != NULL;
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  *(char **)data = text != NULL ? text : g_strdup ("");
}

static void
test_import_rejected (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = data_path ("bad-rows.csv");
  g_autofree char *copied = NULL;
  EcartImportDialog *dialog;
  GtkListBox *rejected;
  GtkDropDown *astronauts;
  g_autoptr(EcartImportResult) result = NULL;
  gint64 waves = db_int (fixture, "SELECT count(*) FROM wave");
  guint rows = 0;

  dialog = open_dialog (fixture, csv);
  g_assert_cmpstr (combo_text (dialog, "Layout"), ==, "Wide");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “id”"), ==, "Respondent");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “welcome”"), ==, "Measurement");
  g_assert_cmpstr (drop_down_text (dialog, "Attribute measured by the column “welcome”"), ==, "Warm welcome");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “nps”"), ==, "Recommendation (NPS)");
  set_scale (dialog, 1, 5);
  {
    GtkScrolledWindow *scrolled =
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find (dialog, GTK_TYPE_LIST_BOX, "Columns"),
                                                    GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    ecart_test_save_screenshot (GTK_WIDGET (dialog), "import-6-columns-wide.png");
  }
  check_file (dialog);

  rejected = GTK_LIST_BOX (find (dialog, GTK_TYPE_LIST_BOX, "Rejected rows"));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (rejected)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  result = g_object_ref (ecart_importer_get_result (ecart_import_dialog_get_importer (dialog)));
  g_assert_cmpuint (rows, ==, ecart_import_result_get_n_kept_problems (result));
  g_assert_cmpuint (rows, >=, 4);
  g_assert_nonnull (find (dialog, GTK_TYPE_BUTTON, "Import the Valid Rows"));
  g_assert_nonnull (find (dialog, GTK_TYPE_BUTTON, "Import Nothing"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "import-5-rejected.png");

  /* Copied as text, one line per problem, with line, column, value and reason. */
  click (dialog, "Copy the rejected rows");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 on_clipboard_text, &copied);
  g_assert_true (ecart_test_wait_for (clipboard_read, &copied, 5000));
  g_assert_nonnull (strstr (copied, "line 4, column 4 “welcome”: “abc”"));
  g_assert_nonnull (strstr (copied, "line 5"));

  /* The segment the workspace lacks, read as an existing one. */
  astronauts = GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "Astronauts"));
  g_assert_cmpuint (gtk_drop_down_get_selected (astronauts), ==, 0);
  gtk_drop_down_set_selected (astronauts, 1);

  click (dialog, "Import the Valid Rows");
  g_assert_true (ecart_test_wait_for (is_gone, NULL, 30000));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM wave"), ==, waves + 1);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE name = 'Astronauts'"), ==, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM respondent r JOIN wave w ON w.id = r.wave_id "
                                    "WHERE w.source_file = 'bad-rows.csv'"),
                   ==, ecart_import_result_get_respondents (result));
}

/* Dropping a CSV file on the window opens the dialog with it; another file is refused. */
static gboolean
drop_on (GtkWidget *window,
         GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), NULL) != NULL)
        {
          gsize n;
          const GType *types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n);

          if (n == 1 && types[0] == G_TYPE_FILE)
            {
              g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
              return accepted;
            }
        }
    }
  g_error ("The window has no drop target for files");
  return FALSE;
}

static void
test_import_drop (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = data_path ("google-forms.csv");
  g_autofree char *ini = data_path ("google-forms.ini");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) other = g_file_new_for_path (ini);
  EcartImportDialog *dialog;

  g_assert_false (drop_on (GTK_WIDGET (fixture->window), other));
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ECART_TYPE_IMPORT_DIALOG));

  g_assert_true (drop_on (GTK_WIDGET (fixture->window), file));
  dialog = ECART_IMPORT_DIALOG (ecart_test_wait_for_toplevel (ECART_TYPE_IMPORT_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_true (g_file_equal (ecart_import_dialog_get_file (dialog), file));
  g_assert_cmpstr (visible_step (dialog), ==, "columns");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “Timestamp”"), ==, "Date");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “What should we improve?”"), ==, "Verbatim");
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “How likely are you to recommend us to a friend?”"),
                   ==, "Recommendation (NPS)");

  /* One segment for every respondent, or a segment column: not both. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN,
                                                   "Role of the column “Who did you travel with?”")), 3);
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “Who did you travel with?”"), ==, "Segment");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, ADW_TYPE_COMBO_ROW, "Segment")), 2);
  g_assert_cmpstr (drop_down_text (dialog, "Role of the column “Who did you travel with?”"), ==, "Ignore");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ecart_test_wait_for (is_gone, NULL, 5000));

  /* A French Excel file: what was detected is shown. */
  {
    g_autofree char *excel = data_path ("excel-fr.csv");

    dialog = open_dialog (fixture, excel);
    g_assert_cmpstr (combo_text (dialog, "Encoding"), ==, "Windows-1252 (Western Europe)");
    g_assert_cmpstr (combo_text (dialog, "Delimiter"), ==, "Semicolon (;)");
    g_assert_cmpstr (combo_text (dialog, "Decimal separator"), ==, "Comma (7,5)");
    g_assert_cmpstr (combo_text (dialog, "Layout"), ==, "Wide");
    g_assert_cmpstr (drop_down_text (dialog, "Role of the column “Date”"), ==, "Date");
    g_assert_cmpstr (drop_down_text (dialog, "Role of the column “Remarques”"), ==, "Verbatim");
    g_assert_cmpstr (drop_down_text (dialog, "Role of the column “Profil”"), ==, "Segment");
    gtk_window_close (GTK_WINDOW (dialog));
    g_assert_true (ecart_test_wait_for (is_gone, NULL, 5000));
  }
}

/* The Measurements page --------------------------------------------------------------------- */

static gboolean
dialog_shown (gpointer data)
{
  return ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_measurements_page (Fixture       *fixture,
                        gconstpointer  data)
{
  EcartMeasurementsPage *page;
  GListModel *model;
  GtkListBox *waves_list;
  GtkListBox *verbatims;
  GtkWidget *search;
  GtkWidget *button;
  AdwMessageDialog *confirm;
  g_autoptr(EcartWave) first = NULL;
  g_autofree char *body = NULL;
  g_autofree char *word = NULL;
  g_autofree char *delete_label = NULL;
  guint n_rows = 0;
  gint64 total;

  ecart_window_set_page (fixture->window, "measurements");
  page = ECART_MEASUREMENTS_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                           ECART_TYPE_MEASUREMENTS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (ecart_measurements_page_get_workspace (page) == fixture->workspace);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* The waves, with their respondents counted in the file. */
  waves_list = GTK_LIST_BOX (ecart_test_find_by_accessible_label (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "Waves"));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (waves_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (ecart_workspace_get_waves (fixture->workspace), n_rows);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM respondent WHERE wave_id = %"
                                              G_GINT64_FORMAT, ecart_item_get_id (ECART_ITEM (wave)));
      g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT " respondents", db_int (fixture, sql));
      GtkWidget *label = ecart_test_find_by_label (row, GTK_TYPE_LABEL, count);

      g_assert_nonnull (label);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, db_int (fixture, "SELECT count(*) FROM wave"));
  g_assert_cmpuint (n_rows, ==, 3);

  /* The table: every measurement of the file. */
  model = ecart_measurements_page_get_model (page);
  total = db_int (fixture, "SELECT count(*) FROM measurement");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  {
    g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT " measurements", total);

    g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (page), GTK_TYPE_LABEL, count));
  }
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "measurements-1-table.png");

  /* A verbatim found by a word of it. */
  body = ecart_test_query_text (fixture->path, "SELECT body FROM verbatim ORDER BY id LIMIT 1");
  {
    g_auto(GStrv) words = g_strsplit_set (body, " ,.;:!?'’\"()", -1);

    for (guint i = 0; words[i] != NULL && word == NULL; i++)
      if (g_utf8_strlen (words[i], -1) >= 6)
        word = g_strdup (words[i]);
  }
  g_assert_nonnull (word);
  gtk_stack_set_visible_child_name (GTK_STACK (ecart_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_STACK)),
                                    "verbatims");
  search = ecart_test_find_by_accessible_label (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, "Search the verbatims");
  gtk_editable_set_text (GTK_EDITABLE (search), word);
  g_signal_emit_by_name (search, "search-changed");
  ecart_test_iterate ();
  verbatims = GTK_LIST_BOX (ecart_test_find_by_accessible_label (GTK_WIDGET (page), GTK_TYPE_LIST_BOX,
                                                                 "Verbatims found"));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (verbatims)));
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (verbatims), GTK_TYPE_LABEL, body));
  /* FTS5 syntax is searched as words, never an error. */
  gtk_editable_set_text (GTK_EDITABLE (search), "\"AND * NEAR(");
  g_signal_emit_by_name (search, "search-changed");
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (search), word);
  g_signal_emit_by_name (search, "search-changed");
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "measurements-2-verbatims.png");

  /* Deleting a wave: confirmed, said to be final, and gone from the file and the table. */
  first = g_list_model_get_item (ecart_workspace_get_waves (fixture->workspace), 0);
  delete_label = g_strdup_printf ("Delete the wave “%s”", ecart_item_get_name (ECART_ITEM (first)));
  button = ecart_test_find_by_accessible_label (GTK_WIDGET (page), GTK_TYPE_BUTTON, delete_label);
  g_assert_nonnull (button);
  ecart_test_click (button);
  g_assert_true (ecart_test_wait_for (dialog_shown, NULL, 5000));
  confirm = ADW_MESSAGE_DIALOG (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "cannot be undone"));
  adw_message_dialog_response (confirm, "delete");
  ecart_test_iterate ();
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM wave"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    db_int (fixture, "SELECT count(*) FROM measurement"));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, total);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/import/long", test_import_long);
  ADD ("/gui/import/cancel", test_import_cancel);
  ADD ("/gui/import/rejected", test_import_rejected);
  ADD ("/gui/import/drop", test_import_drop);
  ADD ("/gui/measurements/page", test_measurements_page);
#undef ADD

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}

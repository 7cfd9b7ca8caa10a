/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-report-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-report-export.h"
#include "ecart-report.h"

/* "Export Report…": the PDF report of the core, written on a worker thread with its own
 * read-only connection to the workspace, so the window goes on working. A dialog shows the
 * progress and can cancel; the toast at the end opens the file. */

#define RUNNING_KEY "ecart-report-export-running"

typedef struct
{
  GWeakRef            window;
  AdwMessageDialog   *dialog;        /* owned by the window's list of toplevels */
  GtkProgressBar     *bar;           /* a reference: idles may run after the dialog is gone */
  GCancellable       *cancellable;
  char               *workspace_path;
  char               *path;
  EcartReportOptions *options;       /* made on the main thread, then only read by the worker */
  int                 last_percent;  /* the worker's only: the last progress posted */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_weak_ref_clear (&job->window);
  g_clear_object (&job->bar);
  g_clear_object (&job->cancellable);
  g_free (job->workspace_path);
  g_free (job->path);
  g_clear_object (&job->options);
  g_free (job);
}

typedef struct
{
  GtkProgressBar *bar;
  double          fraction;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;

  gtk_progress_bar_set_fraction (progress->bar, progress->fraction);
  g_object_unref (progress->bar);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* On the worker thread: hands the fraction to the main loop, once per percent. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  ExportJob *job = user_data;
  int percent = (int)(CLAMP (fraction, 0.0, 1.0) * 100.0);
  Progress *progress;

  if (percent == job->last_percent)
    return;
  job->last_percent = percent;

  progress = g_new (Progress, 1);
  progress->bar = g_object_ref (job->bar);
  progress->fraction = percent / 100.0;
  g_idle_add (show_progress_cb, progress);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(EcartWorkspace) workspace = NULL;
  GError *error = NULL;

  workspace = ecart_workspace_open (job->workspace_path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  if (workspace == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!ecart_report_write (workspace, job->options, job->path, on_progress, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EcartWindow) window = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && window != NULL)
    ecart_window_show_error (window, _("Could not open the report"), error);

  g_weak_ref_clear (user_data);
  g_free (user_data);
}

static void
on_open_clicked_cb (AdwToast *toast,
                    gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  EcartWindow *window = g_object_get_data (G_OBJECT (toast), "window");
  g_autoptr(GdkAppLaunchContext) context = NULL;
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, window);
  if (window != NULL)
    context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (window)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched_cb, ref);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(EcartWindow) window = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (job->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
      gtk_window_destroy (GTK_WINDOW (job->dialog));
      job->dialog = NULL;
    }
  if (window == NULL)
    return;
  g_object_set_data (G_OBJECT (window), RUNNING_KEY, NULL);

  if (ok)
    {
      AdwToast *toast = adw_toast_new (_("Report exported"));
      g_autoptr(GFile) file = g_file_new_for_path (job->path);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
      g_object_set_data (G_OBJECT (toast), "window", window);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), NULL);
      ecart_window_add_toast (window, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ecart_gui_toast (GTK_WIDGET (window), _("Export of the report cancelled"));
  else
    ecart_window_show_error (window, _("Could not export the report"), error);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/**
 * ecart_report_export_start:
 * @path: the PDF file to write (replaced when it exists)
 * @language: (nullable): "fr" or "en"; %NULL for the interface's
 *
 * Writes the report of the window's workspace, with the preferences' statistics, showing
 * the progress. Errors are shown over the window.
 */
void
ecart_report_export_start (EcartWindow *window,
                           const char  *path,
                           const char  *language)
{
  EcartWorkspace *workspace;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *bar;
  ExportJob *job;

  g_return_if_fail (ECART_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  workspace = ecart_window_get_workspace (window);
  if (workspace == NULL)
    return;
  if (ecart_report_export_is_running (window))
    {
      ecart_gui_toast (GTK_WIDGET (window), _("A report is being exported already"));
      return;
    }

  settings = g_settings_new (APPLICATION_ID);
  job = g_new0 (ExportJob, 1);
  g_weak_ref_init (&job->window, window);
  job->cancellable = g_cancellable_new ();
  job->workspace_path = g_strdup (ecart_workspace_get_path (workspace));
  job->path = g_strdup (path);
  job->options = ecart_report_options_new ();
  ecart_report_options_set_language (job->options, language);
  ecart_gui_apply_gap_settings (ecart_report_options_get_gap_options (job->options), settings);
  job->last_percent = -1;

  name = g_filename_display_basename (path);
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Writing “%s”…"), name);
  job->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                            _("Exporting the Report"), body));
  g_object_add_weak_pointer (G_OBJECT (job->dialog), (gpointer *)&job->dialog);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (job->dialog), TRUE);
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress of the export"), -1);
  job->bar = g_object_ref (GTK_PROGRESS_BAR (bar));
  adw_message_dialog_set_extra_child (job->dialog, bar);
  adw_message_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (job->dialog, "cancel");
  g_signal_connect_object (job->dialog, "response", G_CALLBACK (on_dialog_response_cb),
                           job->cancellable, 0);
  gtk_window_present (GTK_WINDOW (job->dialog));

  g_object_set_data (G_OBJECT (window), RUNNING_KEY, GINT_TO_POINTER (TRUE));
  task = g_task_new (NULL, job->cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, ecart_report_export_start);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Whether a report of the window's workspace is being written. */
gboolean
ecart_report_export_is_running (EcartWindow *window)
{
  g_return_val_if_fail (ECART_IS_WINDOW (window), FALSE);
  return g_object_get_data (G_OBJECT (window), RUNNING_KEY) != NULL;
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        EcartWindow     *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      const char *language = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "language");

      if (chosen != NULL)
        {
          g_autofree char *path = g_str_has_suffix (chosen, ".pdf") || g_str_has_suffix (chosen, ".PDF")
                                  ? g_strdup (chosen) : g_strconcat (chosen, ".pdf", NULL);
          g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

          ecart_gui_remember_folder (settings, path);
          ecart_report_export_start (window, path, language);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (window);
}

/* Asks where to write the report, and in which language. */
void
ecart_report_export_choose (EcartWindow *window)
{
  static const char *languages[] = { "en", "fr", NULL };
  const char *labels[] = { _("English"), _("French"), NULL };
  EcartWorkspace *workspace;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *name = NULL;
  const char *language;

  g_return_if_fail (ECART_IS_WINDOW (window));

  workspace = ecart_window_get_workspace (window);
  if (workspace == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name offered for the report, %s is the workspace's name */
  name = g_strdup_printf (_("%s – Report.pdf"), ecart_workspace_get_name (workspace));
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  ecart_gui_chooser_open_last_folder (GTK_FILE_CHOOSER (chooser), settings);

  language = ecart_workspace_get_language (workspace);
  if (language == NULL || !ecart_report_language_is_available (language))
    language = ecart_report_get_default_language ();
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "language", _("Language"),
                               languages, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "language", language);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-application-private.h"
#include "ecart-gui-util.h"
#include "ecart-preferences-window.h"
#include "ecart-template.h"

/* Application-wide actions: open, new, the demo, recent files, about, quit. */

static GtkFileFilter *
new_workspace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Écart workspaces"));
  gtk_file_filter_add_mime_type (filter, "application/x-ecart-workspace");
  gtk_file_filter_add_pattern (filter, "*.ecart");
  return filter;
}

static void
on_open_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     EcartApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

      if (path != NULL)
        {
          ecart_gui_remember_folder (self->settings, path);
          ecart_application_open_path (self, path, parent);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  EcartApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = new_workspace_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  ecart_gui_chooser_open_last_folder (GTK_FILE_CHOOSER (chooser), self->settings);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  EcartApplication *self;
  EcartTemplate     template;
} NewData;

static void
on_new_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NewData         *data)
{
  EcartApplication *self = data->self;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = g_file_get_path (file);
      g_autofree char *path = NULL;
      g_autoptr(EcartWorkspace) workspace = NULL;
      g_autoptr(GError) error = NULL;

      if (chosen != NULL)
        {
          path = g_str_has_suffix (chosen, ".ecart") ? g_strdup (chosen)
                                                     : g_strconcat (chosen, ".ecart", NULL);
          ecart_gui_remember_folder (self->settings, path);

          /* The chooser asked before replacing a file; the old one goes to the trash, so
           * nothing is lost, unless it is open in a window. */
          if (_ecart_application_find_window (self, path) != NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         _("“%s” is open in another window"), path);
          else if (g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_autoptr(GFile) old = g_file_new_for_path (path);

              g_file_trash (old, NULL, &error);
            }

          if (error == NULL)
            workspace = ecart_workspace_create (path, data->template, ecart_language_from_locale (),
                                                &error);
          if (workspace != NULL)
            {
              EcartWindow *window = _ecart_application_get_free_window (self, parent);

              ecart_window_set_workspace (window, workspace);
              ecart_application_add_recent (self, ecart_workspace_get_path (workspace));
              gtk_window_present (GTK_WINDOW (window));
            }
          else if (ECART_IS_WINDOW (parent))
            ecart_window_show_error (ECART_WINDOW (parent), _("Could not create the workspace"),
                                     error);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_free (data);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  EcartApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = new_workspace_filter ();
  GtkFileChooserNative *chooser;
  NewData *data = g_new0 (NewData, 1);

  data->self = self;
  if (!ecart_template_from_string (g_variant_get_string (parameter, NULL), &data->template))
    data->template = ECART_TEMPLATE_BLANK;

  chooser = gtk_file_chooser_native_new (_("New Workspace"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name offered for a new workspace */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Workspace.ecart"));
  ecart_gui_chooser_open_last_folder (GTK_FILE_CHOOSER (chooser), self->settings);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  EcartApplication *self = user_data;

  ecart_application_open_demo (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  EcartApplication *self = user_data;

  ecart_application_open_path (self, g_variant_get_string (parameter, NULL),
                               gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
forget_recent_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ecart_application_forget_recent (user_data, g_variant_get_string (parameter, NULL));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  EcartApplication *self = user_data;
  const char *developers[] = { _("Écart developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", PACKAGE_NAME,
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Écart developers"),
                        "developers", developers,
                        "comments", _("Écart helps a team manage the experience of its customers: "
                                      "the experience it wants each segment to live, the one it "
                                      "really offers, the one customers expect and the one they "
                                      "live — and the gaps between them, with honest statistics."),
                        "website", "https://github.com/ecart/ecart",
                        "issue-url", "https://github.com/ecart/ecart/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Écart developers",
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  EcartApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  /* One preferences window at a time. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ECART_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  preferences = GTK_WINDOW (ecart_preferences_window_new (parent));
  gtk_window_set_application (preferences, GTK_APPLICATION (self));
  gtk_window_present (preferences);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  EcartApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its state; edits are already saved. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "open", open_activated },
  { "new", new_activated, "s" },
  { "open-demo", open_demo_activated },
  { "open-recent", open_recent_activated, "s" },
  { "forget-recent", forget_recent_activated, "s" },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "quit", quit_activated },
};

void
_ecart_application_install_actions (EcartApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.new::blank", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.export-report", { "<Control><Shift>e", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.page::desired", { "<Control>1", NULL } },
    { "win.page::communicate", { "<Control>2", NULL } },
    { "win.page::proposed", { "<Control>3", NULL } },
    { "win.page::dashboard", { "<Control>4", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "ecart-application-private.h"
#include "ecart-template.h"

#define MAX_RECENT 10

G_DEFINE_FINAL_TYPE (EcartApplication, ecart_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo workshop"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
  { NULL }
};

static void
ecart_application_dispose (GObject *object)
{
  EcartApplication *self = (EcartApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ecart_application_parent_class)->dispose (object);
}

static int
ecart_application_handle_local_options (GApplication *app,
                                        GVariantDict *dict)
{
  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("ecart %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
ecart_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  EcartApplication *self = ECART_APPLICATION (app);
  GVariantDict *dict = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) arguments = NULL;
  gboolean opened = FALSE;
  int argc = 0;

  arguments = g_application_command_line_get_arguments (command_line, &argc);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               arguments[i]);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          ecart_application_open_path (self, path, NULL);
          opened = TRUE;
        }
    }

  if (g_variant_dict_contains (dict, "demo"))
    {
      ecart_application_open_demo (self, NULL);
      opened = TRUE;
    }

  if (!opened)
    g_application_activate (app);

  return 0;
}

static void
ecart_application_activate (GApplication *app)
{
  EcartApplication *self = ECART_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ecart_window_new (self));
  gtk_window_present (window);
}

/* The style preference: light, dark, or as the system prefers (light when it says nothing). */
static void
update_color_scheme (EcartApplication *self)
{
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case ECART_COLOR_SCHEME_LIGHT:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;
    case ECART_COLOR_SCHEME_DARK:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;
    default:
      scheme = ADW_COLOR_SCHEME_PREFER_LIGHT;
      break;
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
ecart_application_startup (GApplication *app)
{
  EcartApplication *self = ECART_APPLICATION (app);

  G_APPLICATION_CLASS (ecart_application_parent_class)->startup (app);

  update_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);

  _ecart_application_install_actions (self);
}

static void
ecart_application_class_init (EcartApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ecart_application_dispose;

  app_class->activate = ecart_application_activate;
  app_class->startup = ecart_application_startup;
  app_class->command_line = ecart_application_command_line;
  app_class->handle_local_options = ecart_application_handle_local_options;
}

static void
ecart_application_init (EcartApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[WORKSPACE.ecart…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Manage the customer experience: the desired, "
                                              "proposed, expected and lived experience and "
                                              "the gaps between them."));
}

EcartApplication *
ecart_application_new (void)
{
  return g_object_new (ECART_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/ecart/Ecart",
                       NULL);
}

GSettings *
ecart_application_get_settings (EcartApplication *self)
{
  g_return_val_if_fail (ECART_IS_APPLICATION (self), NULL);
  return self->settings;
}

EcartWindow *
_ecart_application_find_window (EcartApplication *self,
                                const char       *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      EcartWorkspace *workspace;

      if (!ECART_IS_WINDOW (l->data))
        continue;
      workspace = ecart_window_get_workspace (l->data);
      if (workspace != NULL && g_strcmp0 (ecart_workspace_get_path (workspace), canonical) == 0)
        return l->data;
    }
  return NULL;
}

/* A window showing the start page: @preferred if it does, else any, else a new one. */
EcartWindow *
_ecart_application_get_free_window (EcartApplication *self,
                                    GtkWindow        *preferred)
{
  if (ECART_IS_WINDOW (preferred) && ecart_window_get_workspace (ECART_WINDOW (preferred)) == NULL)
    return ECART_WINDOW (preferred);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ECART_IS_WINDOW (l->data) && ecart_window_get_workspace (l->data) == NULL)
      return l->data;

  return ecart_window_new (self);
}

/**
 * ecart_application_open_path:
 * @parent: (nullable): the window the user asked from
 *
 * Shows the workspace at @path: focuses its window when it is already open, else opens it
 * in @parent (if that shows the start page) or a new window. Errors are shown in a dialog.
 */
void
ecart_application_open_path (EcartApplication *self,
                             const char       *path,
                             GtkWindow        *parent)
{
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  EcartWindow *window;

  g_return_if_fail (ECART_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if ((window = _ecart_application_find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* A large file is checked in full in the background once the window shows (R7). */
  workspace = ecart_workspace_open (path, ECART_DATABASE_FLAGS_DEFER_CHECK, &error);
  window = _ecart_application_get_free_window (self, parent);
  gtk_window_present (GTK_WINDOW (window));

  if (workspace == NULL)
    {
      ecart_window_show_error (window, _("Could Not Open the Workspace"), error);
      if (!g_error_matches (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_BUSY))
        ecart_application_forget_recent (self, path);
      return;
    }

  ecart_window_set_workspace (window, workspace);
  ecart_application_add_recent (self, ecart_workspace_get_path (workspace));
}

/**
 * ecart_application_dup_demo_path:
 *
 * Returns: where the demo workshop is kept, in the interface's language
 */
char *
ecart_application_dup_demo_path (EcartApplication *self)
{
  g_autofree char *name = g_strdup_printf ("demo-%s.ecart", ecart_language_from_locale ());

  return g_build_filename (g_get_user_data_dir (), "ecart", name, NULL);
}

/**
 * ecart_application_open_demo:
 *
 * Opens the demo workshop, creating it first (in the user's data folder, in the
 * interface's language) when it is not there.
 */
void
ecart_application_open_demo (EcartApplication *self,
                             GtkWindow        *parent)
{
  g_autofree char *path = ecart_application_dup_demo_path (self);
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_if_fail (ECART_IS_APPLICATION (self));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EcartWorkspace) workspace = NULL;
      g_autoptr(GError) error = NULL;

      if (g_mkdir_with_parents (dir, 0755) != 0)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Failed to create the folder “%s”: %s"), dir, g_strerror (errno));
      else
        workspace = ecart_demo_create (path, ecart_language_from_locale (), &error);

      if (workspace == NULL)
        {
          EcartWindow *window = _ecart_application_get_free_window (self, parent);

          gtk_window_present (GTK_WINDOW (window));
          ecart_window_show_error (window, _("Could Not Open the Workspace"), error);
          return;
        }
    }

  ecart_application_open_path (self, path, parent);
}

void
ecart_application_add_recent (EcartApplication *self,
                              const char       *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint count = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && count < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        count++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *)updated);
}

void
ecart_application_forget_recent (EcartApplication *self,
                                 const char       *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_auto(GStrv) updated = NULL;

  for (guint i = 0; recent[i] != NULL; i++)
    if (!g_str_equal (recent[i], canonical))
      g_strv_builder_add (builder, recent[i]);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *)updated);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-start-page.h"

/* The start page: the demo workshop, a new workspace from a template, an existing file,
 * and the recent ones (from GSettings, kept by EcartApplication). */

struct _EcartStartPage
{
  GtkWidget             parent_instance;

  GSettings            *settings;

  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
};

G_DEFINE_FINAL_TYPE (EcartStartPage, ecart_start_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_recent_row (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *home_folder = NULL;
  const char *home = g_get_home_dir ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *forget = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  char *dot;

  dot = strrchr (name, '.');
  if (dot != NULL && g_str_equal (dot, ".ecart"))
    *dot = '\0';

  if (home != NULL && g_str_has_prefix (folder, home))
    home_folder = g_strconcat ("~", folder + strlen (home), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), home_folder != NULL ? home_folder : folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (forget, "flat");
  /* Translators: tooltip of the button that removes a file from the recent list */
  gtk_widget_set_tooltip_text (forget, _("Remove from the list"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (forget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from the list"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (forget), "app.forget-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (forget), "s", path);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);
  return row;
}

static void
update_recent (EcartStartPage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      gtk_list_box_append (self->recent_list, create_recent_row (recent[i]));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
ecart_start_page_dispose (GObject *object)
{
  EcartStartPage *self = (EcartStartPage *)object;
  GtkWidget *child;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_START_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ecart_start_page_parent_class)->dispose (object);
}

static void
ecart_start_page_class_init (EcartStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_start_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, EcartStartPage, recent_list);
}

static void
ecart_start_page_init (EcartStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

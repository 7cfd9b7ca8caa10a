/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ecart-test-utils.h"

#include <glib/gstdio.h>
#include <locale.h>

/* Shared by the widget tests: set-up under the private display of run-with-display.sh,
 * waiting for the main loop, screenshots to PNG (TESTING.md §1), finding widgets. */

void
ecart_test_init_gui (int    *argc,
                     char ***argv)
{
  GtkSettings *settings;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  /* In CI a missing display is a failure, not a skip. */
  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the test through tests/gui/run-with-display.sh");

  adw_init ();
  settings = gtk_settings_get_default ();
  g_object_set (settings,
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);
}

void
ecart_test_iterate (void)
{
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ecart_test_wait_for (gboolean (*condition) (gpointer),
                     gpointer   data,
                     guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return condition (data);
}

char *
ecart_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ecart-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
ecart_test_artifact_path (const char *name)
{
  const char *dir = g_getenv ("ECART_TEST_ARTIFACTS");

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

/* Renders @widget as the screen shows it and saves it as ECART_TEST_ARTIFACTS/@name. */
gboolean
ecart_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = ecart_test_artifact_path (name);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return FALSE;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  if (!gsk_renderer_realize (renderer, NULL, NULL))
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  return gdk_texture_save_to_png (texture, path);
}

static const char *
label_of (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  return gtk_widget_get_tooltip_text (widget);
}

/* Depth-first: the first widget of @type whose label, title, text or tooltip is @label
 * (mnemonic underscores ignored). */
GtkWidget *
ecart_test_find_by_label (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && label_of (child) != NULL)
        {
          g_autofree char *plain = NULL;
          GString *text = g_string_new (label_of (child));

          g_string_replace (text, "_", "", 0);
          plain = g_string_free (text, FALSE);
          if (g_str_equal (plain, label))
            return child;
        }

      if ((found = ecart_test_find_by_label (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ecart_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ecart_test_find_by_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
ecart_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* A child of @widget's template (of class @type) by its id. */
GtkWidget *
ecart_test_child (GtkWidget  *widget,
                  GType       type,
                  const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

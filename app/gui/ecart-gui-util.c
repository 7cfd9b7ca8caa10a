/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-gui-util.h"
#include "ecart-window.h"

/* Small helpers the pages share: reaching the window from a widget (errors, toasts), and
 * reading and writing levels the way people type them ("7,5" as well as "7.5"). */

EcartWindow *
ecart_gui_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* A dialog over the window reports to the window. */
  while (GTK_IS_WINDOW (root) && !ECART_IS_WINDOW (root)
         && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));

  return ECART_IS_WINDOW (root) ? ECART_WINDOW (root) : NULL;
}

/* Tells the user what failed, over the window that holds @widget. */
void
ecart_gui_show_error (GtkWidget    *widget,
                      const char   *title,
                      const GError *error)
{
  EcartWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  window = ecart_gui_get_window (widget);
  if (window != NULL)
    ecart_window_show_error (window, title, error);
  else
    g_warning ("%s: %s", title, error->message);
}

void
ecart_gui_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  EcartWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  window = ecart_gui_get_window (widget);
  if (window != NULL)
    ecart_window_add_toast (window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* A toast saying @title, plain text (a toast's title is markup in libadwaita 1.2). */
void
ecart_gui_toast (GtkWidget  *widget,
                 const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  ecart_gui_add_toast (widget, adw_toast_new (escaped));
}

/* A toast whose button undoes what was just done (win.undo). */
void
ecart_gui_toast_undo (GtkWidget  *widget,
                      const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  ecart_gui_add_toast (widget, toast);
}

/* A count as the locale writes it, its thousands grouped ("84,540"; "84 540" in French). */
char *
ecart_gui_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

/* Reads a number as a person types it: spaces around, a decimal point or comma. */
gboolean
ecart_gui_parse_number (const char *text,
                        double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double number;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return FALSE;

  /* A typographic minus, as we write it, reads as a minus. */
  if (g_str_has_prefix (copy, "−"))
    {
      char *rest = g_strdup (copy + strlen ("−"));

      g_free (copy);
      copy = g_strconcat ("-", rest, NULL);
      g_free (rest);
    }
  g_strdelimit (copy, ",", '.');

  number = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (number))
    return FALSE;

  *value = number;
  return TRUE;
}

/* "7.5" (with the locale's decimal separator), or an em dash for a level not set. */
char *
ecart_gui_format_level (double level)
{
  if (isnan (level))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", level);
}

/* A gap in points, always signed, one decimal: "+1.5", "−2.0", "0.0". */
char *
ecart_gui_format_gap (double gap)
{
  double rounded;

  if (isnan (gap))
    return g_strdup ("—");

  rounded = round (gap * 10.0) / 10.0;
  if (rounded == 0.0)
    return g_strdup_printf ("%.1f", 0.0);
  if (rounded > 0.0)
    return g_strdup_printf ("+%.1f", rounded);
  /* U+2212 MINUS SIGN: as wide as the plus, easier to read on a projector. */
  return g_strdup_printf ("−%.1f", -rounded);
}

/**
 * ecart_gui_set_field_error:
 * @message: (nullable): why the value cannot be saved, or %NULL when it can
 * @description: (nullable): the field's accessible description when it is valid
 *
 * Shows at the field that what it holds is refused: the error style, the reason as its
 * tooltip and accessible description, and the invalid state for screen readers.
 */
void
ecart_gui_set_field_error (GtkWidget  *field,
                           const char *message,
                           const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, description);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Levels are equal when both are unset or they differ by less than the precision shown. */
gboolean
ecart_gui_same_level (double a,
                      double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < 1e-6;
}

/* The page's shortcuts as class bindings, for when the focus is in the page. */
void
ecart_gui_class_add_page_shortcuts (GtkWidgetClass          *widget_class,
                                    const EcartPageShortcut *shortcuts,
                                    guint                    n_shortcuts)
{
  for (guint i = 0; i < n_shortcuts; i++)
    if (shortcuts[i].argument != NULL)
      gtk_widget_class_add_binding_action (widget_class, shortcuts[i].keyval, shortcuts[i].modifiers,
                                           shortcuts[i].action, "s", shortcuts[i].argument);
    else
      gtk_widget_class_add_binding_action (widget_class, shortcuts[i].keyval, shortcuts[i].modifiers,
                                           shortcuts[i].action, NULL);
}

/* The same shortcuts handled by the window while the page is shown, wherever the focus is
 * (in the sidebar after choosing the page, say). GTK skips them while the page is hidden. */
void
ecart_gui_add_page_shortcuts (GtkWidget               *page,
                              const EcartPageShortcut *shortcuts,
                              guint                    n_shortcuts)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < n_shortcuts; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval,
                                                                        shortcuts[i].modifiers),
                                                gtk_named_action_new (shortcuts[i].action));

      if (shortcuts[i].argument != NULL)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_string (shortcuts[i].argument));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (page, controller);
}

static gboolean
scroll_into_view_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, value, page;

  if (scrolled == NULL || !gtk_widget_get_mapped (widget))
    return G_SOURCE_REMOVE;
  /* Not laid out yet: the next frame. */
  if (gtk_widget_get_width (widget) <= 0)
    return G_SOURCE_CONTINUE;
  if (!gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y;
  bottom = bounds.origin.y + bounds.size.height;

  if (bottom > page)
    gtk_adjustment_set_value (adjustment, value + bottom - page + 12);
  else if (top < 0)
    gtk_adjustment_set_value (adjustment, value + top - 12);
  return G_SOURCE_REMOVE;
}

/* Scrolls the page so that @widget (a message just shown) can be read, once it is laid out. */
void
ecart_gui_scroll_into_view (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_add_tick_callback (widget, scroll_into_view_cb, NULL, NULL);
}

/* Channel icons come from the file, which may name one this icon theme lacks. */
GIcon *
ecart_gui_channel_icon (EcartChannel *channel)
{
  const char *name = channel != NULL ? ecart_channel_get_icon_name (channel) : NULL;
  const char *names[3] = { NULL, NULL, NULL };
  guint n = 0;

  if (name != NULL && name[0] != '\0')
    names[n++] = name;
  if (channel != NULL && g_strcmp0 (ecart_channel_get_key (channel), "chat") == 0)
    names[n++] = "chat-message-new-symbolic";
  else
    names[n++] = "mark-location-symbolic";

  return g_themed_icon_new_from_names ((char **)names, n);
}

void
ecart_gui_draw_color_dot (cairo_t    *cr,
                           int         width,
                           int         height,
                           const char *color,
                           gboolean    checked)
{
  double radius = MIN (width, height) / 2.0 - 1.0;
  double cx = width / 2.0;
  double cy = height / 2.0;
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  if (checked)
    {
      /* A check mark that reads on light and dark colours alike. */
      double luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;

      if (luminance > 0.6)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, MAX (2.0, radius / 5.0));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, cx - radius * 0.45, cy + radius * 0.02);
      cairo_line_to (cr, cx - radius * 0.12, cy + radius * 0.35);
      cairo_line_to (cr, cx + radius * 0.48, cy - radius * 0.32);
      cairo_stroke (cr);
    }
}

/* Gives the keyboard focus to @widget once it is in a window (rows and cards are created
 * by list models, after the edit that made them). */
gboolean
ecart_gui_focus_item (GtkWidget *widget)
{
  if (widget == NULL || gtk_widget_get_root (widget) == NULL)
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/**
 * ecart_gui_apply_gap_settings:
 *
 * Gives @options the preferences' confidence level, minimum n and Holm correction (the keys
 * for which ecart_gui_is_gap_setting() is true).
 */
void
ecart_gui_apply_gap_settings (EcartGapOptions *options,
                              GSettings       *settings)
{
  g_return_if_fail (ECART_IS_GAP_OPTIONS (options));
  g_return_if_fail (G_IS_SETTINGS (settings));

  ecart_gap_options_set_confidence (options, g_settings_get_double (settings, "confidence-level"));
  ecart_gap_options_set_min_n (options, g_settings_get_uint (settings, "min-n"));
  ecart_gap_options_set_holm (options, g_settings_get_boolean (settings, "holm-correction"));
}

/**
 * ecart_gui_new_gap_options:
 *
 * Returns: (transfer full): gap options with the preferences' confidence level, minimum n
 * and Holm correction, every segment and wave
 */
EcartGapOptions *
ecart_gui_new_gap_options (GSettings *settings)
{
  EcartGapOptions *options;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  options = ecart_gap_options_new ();
  ecart_gui_apply_gap_settings (options, settings);
  return options;
}

/* Whether a change of the GSettings key @key changes the figures of the gap engine. */
gboolean
ecart_gui_is_gap_setting (const char *key)
{
  return g_strcmp0 (key, "confidence-level") == 0
         || g_strcmp0 (key, "min-n") == 0
         || g_strcmp0 (key, "holm-correction") == 0;
}

/**
 * ecart_gui_chooser_open_last_folder:
 *
 * Opens @chooser in the folder a file was last opened from or written to (GSettings key
 * `last-folder`), when it still exists.
 */
void
ecart_gui_chooser_open_last_folder (GtkFileChooser *chooser,
                                    GSettings      *settings)
{
  g_autofree char *folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (G_IS_SETTINGS (settings));

  folder = g_settings_get_string (settings, "last-folder");
  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (chooser, file, NULL);
    }
}

/* Remembers the folder of @path for the next file chooser (ecart_gui_chooser_open_last_folder()). */
void
ecart_gui_remember_folder (GSettings  *settings,
                           const char *path)
{
  g_autofree char *folder = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  folder = g_path_get_dirname (path);
  g_settings_set_string (settings, "last-folder", folder);
}

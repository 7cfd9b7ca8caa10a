/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-private.h"

/* What the pages share: reaching the window for errors and toasts, the icon of a channel,
 * the coloured dot of a segment. */

EcartWindow *
_ecart_gui_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return ECART_IS_WINDOW (root) ? ECART_WINDOW (root) : NULL;
}

void
_ecart_gui_show_error (GtkWidget    *widget,
                       const char   *title,
                       const GError *error)
{
  EcartWindow *window = _ecart_gui_get_window (widget);

  if (window != NULL)
    ecart_window_show_error (window, title, error);
  else
    g_warning ("%s: %s", title, error->message);
}

/* Every deletion is undone by win.undo: the toast says what went and offers it back. */
void
_ecart_gui_toast_undo (GtkWidget  *widget,
                       const char *title)
{
  EcartWindow *window = _ecart_gui_get_window (widget);
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (window == NULL)
    return;

  /* A toast's title is markup; names are not. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  ecart_window_add_toast (window, toast);
}

/* Channel icons come from the file, which may name one this icon theme lacks. */
GIcon *
_ecart_gui_channel_icon (EcartChannel *channel)
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
_ecart_gui_draw_color_dot (cairo_t    *cr,
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
_ecart_gui_focus_item (GtkWidget *widget)
{
  if (widget == NULL || gtk_widget_get_root (widget) == NULL)
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-gap-options.h"
#include "ecart-window.h"

G_BEGIN_DECLS

/* A shortcut of a page: key, modifiers, action and an optional string argument. */
typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
  const char      *argument;
} EcartPageShortcut;

EcartWindow *ecart_gui_get_window    (GtkWidget    *widget);
void      ecart_gui_show_error       (GtkWidget    *widget,
                                      const char   *title,
                                      const GError *error);
void      ecart_gui_toast            (GtkWidget    *widget,
                                      const char   *title);
void      ecart_gui_toast_undo       (GtkWidget    *widget,
                                      const char   *title);
void      ecart_gui_add_toast        (GtkWidget    *widget,
                                      AdwToast     *toast);
gboolean  ecart_gui_parse_number     (const char   *text,
                                      double       *value);
char     *ecart_gui_format_count     (gint64        count);
char     *ecart_gui_format_level     (double        level);
char     *ecart_gui_format_gap       (double        gap);
void      ecart_gui_set_field_error  (GtkWidget    *field,
                                      const char   *message,
                                      const char   *description);
gboolean  ecart_gui_same_level       (double        a,
                                      double        b);
void      ecart_gui_scroll_into_view (GtkWidget    *widget);
EcartGapOptions *ecart_gui_new_gap_options   (GSettings    *settings);
void      ecart_gui_apply_gap_settings (EcartGapOptions *options,
                                        GSettings       *settings);
void      ecart_gui_chooser_open_last_folder (GtkFileChooser *chooser,
                                              GSettings      *settings);
void      ecart_gui_remember_folder  (GSettings    *settings,
                                      const char   *path);
gboolean  ecart_gui_is_gap_setting   (const char   *key);
void      ecart_gui_class_add_page_shortcuts (GtkWidgetClass          *widget_class,
                                              const EcartPageShortcut *shortcuts,
                                              guint                    n_shortcuts);
void      ecart_gui_add_page_shortcuts       (GtkWidget               *page,
                                              const EcartPageShortcut *shortcuts,
                                              guint                    n_shortcuts);
GIcon    *ecart_gui_channel_icon     (EcartChannel *channel);
void      ecart_gui_draw_color_dot   (cairo_t      *cr,
                                      int           width,
                                      int           height,
                                      const char   *color,
                                      gboolean      checked);
gboolean  ecart_gui_focus_item       (GtkWidget    *widget);

G_END_DECLS

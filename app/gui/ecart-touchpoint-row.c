/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-touchpoint-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-touchpoint-row.h"

/* A touchpoint in its stage's column: its channel's icon, its name, its channel. It follows
 * the touchpoint's properties; its menu and drag ask the page (journey.* actions) to edit. */

struct _EcartTouchpointRow
{
  AdwActionRow     parent_instance;

  EcartWorkspace  *workspace;
  EcartTouchpoint *touchpoint;

  GtkImage        *channel_icon;
  GtkMenuButton   *menu_button;
  GMenu           *row_menu;
  GMenu           *edit_section;
};

G_DEFINE_FINAL_TYPE (EcartTouchpointRow, ecart_touchpoint_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_TOUCHPOINT,
  PROP_CHANNEL_KEY,
  PROP_STAGE_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
touchpoint_id (EcartTouchpointRow *self)
{
  return ecart_item_get_id (ECART_ITEM (self->touchpoint));
}

static EcartChannel *
current_channel (EcartTouchpointRow *self)
{
  return ecart_workspace_find_channel (self->workspace,
                                       ecart_touchpoint_get_channel_id (self->touchpoint));
}

static void
update_name (EcartTouchpointRow *self)
{
  /* The title names the row for screen readers, the subtitle (the channel) describes it. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 ecart_item_get_name (ECART_ITEM (self->touchpoint)));
}

static void
update_channel (EcartTouchpointRow *self)
{
  EcartChannel *channel = current_channel (self);
  g_autoptr(GIcon) icon = ecart_gui_channel_icon (channel);

  gtk_image_set_from_gicon (self->channel_icon, icon);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               channel != NULL ? ecart_item_get_name (ECART_ITEM (channel)) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_KEY]);
}

static void
update_stage (EcartTouchpointRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_KEY]);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartTouchpointRow *self = ECART_TOUCHPOINT_ROW (widget);
  static const struct {
    const char *row;
    const char *page;
  } map[] = {
    { "touchpoint.rename", "journey.rename-touchpoint" },
    { "touchpoint.move-up", "journey.move-touchpoint-up" },
    { "touchpoint.move-down", "journey.move-touchpoint-down" },
    { "touchpoint.delete", "journey.delete-touchpoint" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (action_name, map[i].row))
      gtk_widget_activate_action (widget, map[i].page, "x", touchpoint_id (self));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource      *source,
                    double              x,
                    double              y,
                    EcartTouchpointRow *self)
{
  return gdk_content_provider_new_typed (ECART_TYPE_TOUCHPOINT, self->touchpoint);
}

static void
on_drag_begin_cb (GtkDragSource      *source,
                  GdkDrag            *drag,
                  EcartTouchpointRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 24, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource      *source,
                GdkDrag            *drag,
                gboolean            delete_data,
                EcartTouchpointRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_secondary_click_cb (GtkGestureClick    *gesture,
                       int                 n_press,
                       double              x,
                       double              y,
                       EcartTouchpointRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  ecart_touchpoint_row_popup_menu (self);
}

static void
ecart_touchpoint_row_dispose (GObject *object)
{
  EcartTouchpointRow *self = (EcartTouchpointRow *)object;

  if (self->touchpoint != NULL)
    g_signal_handlers_disconnect_by_data (self->touchpoint, self);
  g_clear_object (&self->touchpoint);
  g_clear_object (&self->workspace);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_TOUCHPOINT_ROW);

  G_OBJECT_CLASS (ecart_touchpoint_row_parent_class)->dispose (object);
}

static void
ecart_touchpoint_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EcartTouchpointRow *self = ECART_TOUCHPOINT_ROW (object);
  EcartChannel *channel;
  gint64 stage_id;

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_TOUCHPOINT:
      g_value_set_object (value, self->touchpoint);
      break;
    case PROP_CHANNEL_KEY:
      channel = self->touchpoint != NULL ? current_channel (self) : NULL;
      g_value_set_string (value, channel != NULL ? ecart_channel_get_key (channel) : "");
      break;
    case PROP_STAGE_KEY:
      stage_id = self->touchpoint != NULL ? ecart_touchpoint_get_stage_id (self->touchpoint) : 0;
      g_value_take_string (value, g_strdup_printf ("%" G_GINT64_FORMAT, stage_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_touchpoint_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EcartTouchpointRow *self = ECART_TOUCHPOINT_ROW (object);
  EcartChannel *channel;
  gint64 stage_id;

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_TOUCHPOINT:
      self->touchpoint = g_value_dup_object (value);
      break;
    case PROP_CHANNEL_KEY:
      /* Chosen in the Channel menu: the page changes the touchpoint, the row follows it. */
      channel = current_channel (self);
      if (channel == NULL
          || g_strcmp0 (g_value_get_string (value), ecart_channel_get_key (channel)) != 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "journey.set-touchpoint-channel", "(xs)",
                                    touchpoint_id (self), g_value_get_string (value));
      break;
    case PROP_STAGE_KEY:
      /* Chosen in the "Move to Stage" menu: the page moves it, at the end of that stage. */
      stage_id = g_ascii_strtoll (g_value_get_string (value), NULL, 10);
      if (stage_id != ecart_touchpoint_get_stage_id (self->touchpoint))
        gtk_widget_activate_action (GTK_WIDGET (self), "journey.move-touchpoint-to-stage", "(xx)",
                                    touchpoint_id (self), stage_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_touchpoint_row_constructed (GObject *object)
{
  EcartTouchpointRow *self = ECART_TOUCHPOINT_ROW (object);

  G_OBJECT_CLASS (ecart_touchpoint_row_parent_class)->constructed (object);

  g_return_if_fail (ECART_IS_WORKSPACE (self->workspace));
  g_return_if_fail (ECART_IS_TOUCHPOINT (self->touchpoint));

  g_signal_connect_swapped (self->touchpoint, "notify::name", G_CALLBACK (update_name), self);
  g_signal_connect_swapped (self->touchpoint, "notify::channel-id",
                            G_CALLBACK (update_channel), self);
  g_signal_connect_swapped (self->touchpoint, "notify::stage-id", G_CALLBACK (update_stage), self);
  update_name (self);
  update_channel (self);
}

static void
ecart_touchpoint_row_class_init (EcartTouchpointRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_touchpoint_row_dispose;
  object_class->get_property = ecart_touchpoint_row_get_property;
  object_class->set_property = ecart_touchpoint_row_set_property;
  object_class->constructed = ecart_touchpoint_row_constructed;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOUCHPOINT] =
    g_param_spec_object ("touchpoint", NULL, NULL, ECART_TYPE_TOUCHPOINT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANNEL_KEY] =
    g_param_spec_string ("channel-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The stage's id as text: property actions have no 64-bit integers. */
  properties[PROP_STAGE_KEY] =
    g_param_spec_string ("stage-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-touchpoint-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartTouchpointRow, channel_icon);
  gtk_widget_class_bind_template_child (widget_class, EcartTouchpointRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EcartTouchpointRow, row_menu);
  gtk_widget_class_bind_template_child (widget_class, EcartTouchpointRow, edit_section);

  gtk_widget_class_install_action (widget_class, "touchpoint.rename", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "touchpoint.move-up", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "touchpoint.move-down", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "touchpoint.delete", NULL, forward_action);
  gtk_widget_class_install_property_action (widget_class, "touchpoint.channel", "channel-key");
  gtk_widget_class_install_property_action (widget_class, "touchpoint.stage", "stage-key");
}

static void
ecart_touchpoint_row_init (EcartTouchpointRow *self)
{
  GtkDragSource *source;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * ecart_touchpoint_row_new:
 * @channels_menu: the channels, items of the action touchpoint.channel
 * @stages_menu: the stages, items of the action touchpoint.stage
 */
GtkWidget *
ecart_touchpoint_row_new (EcartWorkspace  *workspace,
                          EcartTouchpoint *touchpoint,
                          GMenuModel      *channels_menu,
                          GMenuModel      *stages_menu)
{
  EcartTouchpointRow *self;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_TOUCHPOINT (touchpoint), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (channels_menu), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (stages_menu), NULL);

  self = g_object_new (ECART_TYPE_TOUCHPOINT_ROW,
                       "workspace", workspace,
                       "touchpoint", touchpoint,
                       NULL);
  g_menu_append_submenu (self->edit_section, _("_Channel"), channels_menu);
  g_menu_append_submenu (self->edit_section, _("Move to _Stage"), stages_menu);
  return GTK_WIDGET (self);
}

EcartTouchpoint *
ecart_touchpoint_row_get_touchpoint (EcartTouchpointRow *self)
{
  g_return_val_if_fail (ECART_IS_TOUCHPOINT_ROW (self), NULL);
  return self->touchpoint;
}

void
ecart_touchpoint_row_set_movable (EcartTouchpointRow *self,
                                  gboolean            up,
                                  gboolean            down)
{
  g_return_if_fail (ECART_IS_TOUCHPOINT_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "touchpoint.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "touchpoint.move-down", down);
}

void
ecart_touchpoint_row_popup_menu (EcartTouchpointRow *self)
{
  g_return_if_fail (ECART_IS_TOUCHPOINT_ROW (self));
  gtk_menu_button_popup (self->menu_button);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-stage-column"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-stage-column.h"
#include "ecart-touchpoint-row.h"

/* One stage of the journey: its number and name, and its touchpoints, filtered from the
 * workspace's list. A stage dragged by its header goes before or after another; a
 * touchpoint dropped on a column goes between the rows it is dropped on. The edits are
 * the page's (journey.* actions). */

struct _EcartStageColumn
{
  GtkWidget           parent_instance;

  EcartWorkspace     *workspace;
  EcartStage         *stage;
  GMenuModel         *channels_menu;
  GMenuModel         *stages_menu;
  GtkFilter          *filter;
  GListModel         *touchpoints;

  GtkWidget          *header;
  GtkLabel           *number_label;
  GtkLabel           *name_label;
  GtkLabel           *count_label;
  GtkMenuButton      *menu_button;
  GtkListBox         *list;
  GtkButton          *add_button;
};

G_DEFINE_FINAL_TYPE (EcartStageColumn, ecart_stage_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
stage_id (EcartStageColumn *self)
{
  return ecart_item_get_id (ECART_ITEM (self->stage));
}

static gboolean
in_stage (gpointer item,
          gpointer user_data)
{
  EcartStageColumn *self = user_data;

  return ecart_touchpoint_get_stage_id (item) == stage_id (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  EcartStageColumn *self = user_data;

  return ecart_touchpoint_row_new (self->workspace, item, self->channels_menu, self->stages_menu);
}

static void
update_rows (EcartStageColumn *self)
{
  guint n = g_list_model_get_n_items (self->touchpoints);
  g_autofree char *count = NULL;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (ECART_IS_TOUCHPOINT_ROW (row))
      ecart_touchpoint_row_set_movable (ECART_TOUCHPOINT_ROW (row), i > 0, (guint)i + 1 < n);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n), n);
  gtk_label_set_label (self->count_label, count);
}

static void
update_name (EcartStageColumn *self)
{
  const char *name = ecart_item_get_name (ECART_ITEM (self->stage));
  g_autofree char *add = NULL;
  g_autofree char *list = NULL;

  gtk_label_set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  /* Translators: accessible name of the button under a stage, %s is the stage */
  add = g_strdup_printf (_("Add Touchpoint to “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add, -1);
  /* Translators: accessible name of the list of a stage's touchpoints */
  list = g_strdup_printf (_("Touchpoints of “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list, -1);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartStageColumn *self = ECART_STAGE_COLUMN (widget);
  static const struct {
    const char *column;
    const char *page;
  } map[] = {
    { "stage.rename", "journey.rename-stage" },
    { "stage.add-touchpoint", "journey.add-touchpoint-to" },
    { "stage.move-earlier", "journey.move-stage-earlier" },
    { "stage.move-later", "journey.move-stage-later" },
    { "stage.delete", "journey.delete-stage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (action_name, map[i].column))
      gtk_widget_activate_action (widget, map[i].page, "x", stage_id (self));
}

/* Drag and drop ------------------------------------------------------------------------------ */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource    *source,
                    double            x,
                    double            y,
                    EcartStageColumn *self)
{
  return gdk_content_provider_new_typed (ECART_TYPE_STAGE, self->stage);
}

static void
on_drag_begin_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  EcartStageColumn *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->header);

  gtk_drag_source_set_icon (source, paintable, 24, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource    *source,
                GdkDrag          *drag,
                gboolean          delete_data,
                EcartStageColumn *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static gboolean
stage_drop_is_after (EcartStageColumn *self,
                     double            x,
                     double            y)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  gboolean after;

  /* Stacked stages (a narrow window): before or after is above or below. */
  if (GTK_IS_ORIENTABLE (parent)
      && gtk_orientable_get_orientation (GTK_ORIENTABLE (parent)) == GTK_ORIENTATION_VERTICAL)
    return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  after = x > gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? !after : after;
}

/* The place of a touchpoint dropped at @y among the rows, counted with the dragged one. */
static int
touchpoint_drop_index (EcartStageColumn *self,
                       double            y,
                       GtkWidget       **row_before)
{
  GtkListBoxRow *row;
  int i;

  *row_before = NULL;
  for (i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      graphene_rect_t bounds;

      if (!ECART_IS_TOUCHPOINT_ROW (row)
          || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
        continue;
      if (y < bounds.origin.y + bounds.size.height / 2)
        {
          *row_before = GTK_WIDGET (row);
          return i;
        }
    }
  return i;
}

static void
clear_drop_marks (EcartStageColumn *self)
{
  GtkListBoxRow *row;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-into");
  gtk_widget_remove_css_class (GTK_WIDGET (self->list), "drop-at-end");
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "drop-before");
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget    *target,
                   double            x,
                   double            y,
                   EcartStageColumn *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  GObject *item = value != NULL && G_VALUE_HOLDS_OBJECT (value) ? g_value_get_object (value) : NULL;

  clear_drop_marks (self);

  if (ECART_IS_STAGE (item))
    {
      if (ECART_STAGE (item) == self->stage)
        return 0;
      gtk_widget_add_css_class (GTK_WIDGET (self),
                                stage_drop_is_after (self, x, y) ? "drop-after" : "drop-before");
    }
  else
    {
      GtkWidget *row_before;

      touchpoint_drop_index (self, y, &row_before);
      gtk_widget_add_css_class (GTK_WIDGET (self), "drop-into");
      if (row_before != NULL)
        gtk_widget_add_css_class (row_before, "drop-before");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->list), "drop-at-end");
    }
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget    *target,
                  EcartStageColumn *self)
{
  clear_drop_marks (self);
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            EcartStageColumn *self)
{
  GObject *item = G_VALUE_HOLDS_OBJECT (value) ? g_value_get_object (value) : NULL;

  clear_drop_marks (self);

  if (ECART_IS_STAGE (item))
    {
      if (ECART_STAGE (item) == self->stage)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "journey.drop-stage", "(xxb)",
                                  ecart_item_get_id (ECART_ITEM (item)), stage_id (self),
                                  stage_drop_is_after (self, x, y));
      return TRUE;
    }

  if (ECART_IS_TOUCHPOINT (item))
    {
      GtkWidget *row_before;
      int index = touchpoint_drop_index (self, y, &row_before);

      gtk_widget_activate_action (GTK_WIDGET (self), "journey.drop-touchpoint", "(xxi)",
                                  ecart_item_get_id (ECART_ITEM (item)), stage_id (self), index);
      return TRUE;
    }

  return FALSE;
}

static void
on_header_secondary_click_cb (GtkGestureClick  *gesture,
                              int               n_press,
                              double            x,
                              double            y,
                              EcartStageColumn *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  ecart_stage_column_popup_menu (self);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
ecart_stage_column_dispose (GObject *object)
{
  EcartStageColumn *self = (EcartStageColumn *)object;
  GtkWidget *child;

  if (self->stage != NULL)
    g_signal_handlers_disconnect_by_data (self->stage, self);
  if (self->touchpoints != NULL)
    g_signal_handlers_disconnect_by_data (self->touchpoints, self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_STAGE_COLUMN);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->touchpoints);
  g_clear_object (&self->filter);
  g_clear_object (&self->channels_menu);
  g_clear_object (&self->stages_menu);
  g_clear_object (&self->stage);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_stage_column_parent_class)->dispose (object);
}

static void
ecart_stage_column_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EcartStageColumn *self = ECART_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_stage_column_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EcartStageColumn *self = ECART_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_stage_column_class_init (EcartStageColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_stage_column_dispose;
  object_class->get_property = ecart_stage_column_get_property;
  object_class->set_property = ecart_stage_column_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, ECART_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-stage-column.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, header);
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, number_label);
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, list);
  gtk_widget_class_bind_template_child (widget_class, EcartStageColumn, add_button);

  gtk_widget_class_install_action (widget_class, "stage.rename", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "stage.add-touchpoint", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "stage.move-earlier", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "stage.move-later", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "stage.delete", NULL, forward_action);
}

static void
ecart_stage_column_init (EcartStageColumn *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;
  GtkGesture *click;
  GType types[] = { ECART_TYPE_STAGE, ECART_TYPE_TOUCHPOINT };

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (self->header, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_header_secondary_click_cb), self);
  gtk_widget_add_controller (self->header, GTK_EVENT_CONTROLLER (click));
}

/**
 * ecart_stage_column_new:
 * @channels_menu: the channels, for the rows' Channel menu
 * @stages_menu: the stages, for the rows' "Move to Stage" menu
 */
GtkWidget *
ecart_stage_column_new (EcartWorkspace *workspace,
                        EcartStage     *stage,
                        GMenuModel     *channels_menu,
                        GMenuModel     *stages_menu)
{
  EcartStageColumn *self;
  GtkFilterListModel *filtered;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_STAGE (stage), NULL);

  self = g_object_new (ECART_TYPE_STAGE_COLUMN, "workspace", workspace, "stage", stage, NULL);
  self->channels_menu = g_object_ref (channels_menu);
  self->stages_menu = g_object_ref (stages_menu);

  self->filter = GTK_FILTER (gtk_custom_filter_new (in_stage, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (ecart_workspace_get_touchpoints (workspace)),
                                        g_object_ref (self->filter));
  self->touchpoints = G_LIST_MODEL (filtered);
  gtk_list_box_bind_model (self->list, self->touchpoints, create_row_cb, self, NULL);
  g_signal_connect_swapped (self->touchpoints, "items-changed", G_CALLBACK (update_rows), self);

  g_signal_connect_swapped (stage, "notify::name", G_CALLBACK (update_name), self);
  update_name (self);
  update_rows (self);

  return GTK_WIDGET (self);
}

EcartStage *
ecart_stage_column_get_stage (EcartStageColumn *self)
{
  g_return_val_if_fail (ECART_IS_STAGE_COLUMN (self), NULL);
  return self->stage;
}

/**
 * ecart_stage_column_set_number:
 * @number: the stage's place in the journey, from 1
 *
 * Shows the number and enables "Move Earlier" and "Move Later" as the place allows.
 */
void
ecart_stage_column_set_number (EcartStageColumn *self,
                               guint             number,
                               guint             n_stages)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ECART_IS_STAGE_COLUMN (self));

  text = g_strdup_printf ("%u", number);
  gtk_label_set_label (self->number_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.move-earlier", number > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stage.move-later", number < n_stages);
}

/* Touchpoints change stage without the workspace's list changing order. */
void
ecart_stage_column_refilter (EcartStageColumn *self)
{
  g_return_if_fail (ECART_IS_STAGE_COLUMN (self));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * ecart_stage_column_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @touchpoint
 */
GtkWidget *
ecart_stage_column_get_row (EcartStageColumn *self,
                            EcartTouchpoint  *touchpoint)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ECART_IS_STAGE_COLUMN (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (ECART_IS_TOUCHPOINT_ROW (row)
        && ecart_touchpoint_row_get_touchpoint (ECART_TOUCHPOINT_ROW (row)) == touchpoint)
      return GTK_WIDGET (row);
  return NULL;
}

/**
 * ecart_stage_column_get_touchpoints:
 *
 * Returns: (transfer none): the touchpoints of the stage, in order
 */
GListModel *
ecart_stage_column_get_touchpoints (EcartStageColumn *self)
{
  g_return_val_if_fail (ECART_IS_STAGE_COLUMN (self), NULL);
  return self->touchpoints;
}

void
ecart_stage_column_popup_menu (EcartStageColumn *self)
{
  g_return_if_fail (ECART_IS_STAGE_COLUMN (self));
  gtk_menu_button_popup (self->menu_button);
}

/* The stage's own control for the keyboard is its menu button. */
void
ecart_stage_column_focus (EcartStageColumn *self)
{
  g_return_if_fail (ECART_IS_STAGE_COLUMN (self));
  ecart_gui_focus_item (GTK_WIDGET (self->menu_button));
}

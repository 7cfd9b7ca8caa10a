/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-desired-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-attribute-dialog.h"
#include "ecart-attribute-list.h"
#include "ecart-desired-row.h"
#include "ecart-gui-util.h"
#include "ecart-level-field.h"
#include "ecart-statement-view.h"

/* One attribute of the desired experience of a segment (step 1): its target level, its
 * importance and the promise. Each value is saved as soon as it is chosen (text after a
 * pause), and follows the model's cell, so undo shows the restored values. The row's menu
 * edits, moves and deletes the attribute itself. */

struct _EcartDesiredRow
{
  GtkListBoxRow       parent_instance;

  EcartWorkspace     *workspace;
  EcartAttribute     *attribute;
  EcartSegment       *segment;
  EcartExperience    *experience;
  EcartLevelField    *target_field;
  EcartLevelField    *importance_field;

  GtkWidget          *drag_area;
  GtkLabel           *name_label;
  GtkLabel           *description_label;
  GtkSpinButton      *target_spin;
  GtkSpinButton      *importance_spin;
  GtkMenuButton      *menu_button;
  EcartStatementView *promise_view;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (EcartDesiredRow, ecart_desired_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ATTRIBUTE,
  PROP_SEGMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_error (EcartDesiredRow *self)
{
  const char *message = ecart_level_field_get_error (self->target_field);

  if (message == NULL)
    message = ecart_level_field_get_error (self->importance_field);

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    ecart_gui_scroll_into_view (GTK_WIDGET (self->error_label));
}

static void
update_attribute (EcartDesiredRow *self)
{
  const char *name = ecart_item_get_name (ECART_ITEM (self->attribute));
  const char *description = ecart_attribute_get_description (self->attribute);
  g_autofree char *target = g_strdup_printf (_("Target level for %s"), name);
  g_autofree char *importance = g_strdup_printf (_("Importance of %s"), name);
  g_autofree char *promise = g_strdup_printf (_("Promise for %s"), name);
  g_autofree char *menu = g_strdup_printf (_("Actions for %s"), name);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, target, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->importance_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, importance, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->promise_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, promise,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

static void
on_experience_notify_cb (EcartDesiredRow *self,
                         GParamSpec      *pspec)
{
  const char *name = pspec != NULL ? pspec->name : NULL;

  if (self->experience == NULL)
    {
      ecart_level_field_set_value (self->target_field, NAN);
      ecart_level_field_set_value (self->importance_field, 3);
      ecart_statement_view_set_text (self->promise_view, "");
      return;
    }

  if (name == NULL || g_str_equal (name, "desired-target"))
    ecart_level_field_set_value (self->target_field,
                                 ecart_experience_get_desired_target (self->experience));
  if (name == NULL || g_str_equal (name, "importance"))
    ecart_level_field_set_value (self->importance_field,
                                 ecart_experience_get_importance (self->experience));
  if (name == NULL || g_str_equal (name, "desired-statement"))
    ecart_statement_view_set_text (self->promise_view,
                                   ecart_experience_get_desired_statement (self->experience));
}

static gboolean
can_edit (EcartDesiredRow *self)
{
  return self->workspace != NULL && self->segment != NULL && self->experience != NULL;
}

static void
on_target_commit_cb (EcartLevelField *field,
                     double           value,
                     EcartDesiredRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (!ecart_workspace_set_desired_target (self->workspace, self->segment, self->attribute, value,
                                           &error))
    {
      ecart_level_field_set_value (field, ecart_experience_get_desired_target (self->experience));
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not save the target level"), error);
    }
}

static void
on_importance_commit_cb (EcartLevelField *field,
                         double           value,
                         EcartDesiredRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (!ecart_workspace_set_importance (self->workspace, self->segment, self->attribute,
                                       (int)lround (value), &error))
    {
      ecart_level_field_set_value (field, ecart_experience_get_importance (self->experience));
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not save the importance"), error);
    }
}

static void
on_promise_view_commit_cb (EcartDesiredRow *self,
                           const char      *text)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (!ecart_workspace_set_desired_statement (self->workspace, self->segment, self->attribute,
                                              text, &error))
    ecart_gui_show_error (GTK_WIDGET (self), _("Could not save the promise"), error);
}

static void
set_experience (EcartDesiredRow *self,
                EcartExperience *experience)
{
  if (self->experience == experience)
    return;

  if (self->experience != NULL)
    g_signal_handlers_disconnect_by_data (self->experience, self);
  g_set_object (&self->experience, experience);
  if (experience != NULL)
    g_signal_connect_object (experience, "notify", G_CALLBACK (on_experience_notify_cb), self,
                             G_CONNECT_SWAPPED);
  on_experience_notify_cb (self, NULL);
}

/* Actions --------------------------------------------------------------------------------- */

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ecart_desired_row_commit (ECART_DESIRED_ROW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartDesiredRow *self = ECART_DESIRED_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->workspace == NULL)
    return;

  dialog = ecart_attribute_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->workspace, self->attribute);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartDesiredRow *self = ECART_DESIRED_ROW (widget);
  int direction = g_str_equal (action_name, "row.move-up") ? -1 : 1;
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL || !ecart_attribute_can_move_by (self->workspace, self->attribute, direction))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  ecart_desired_row_commit (self);
  if (!ecart_attribute_move_by (self->workspace, self->attribute, direction, &error))
    ecart_gui_show_error (widget, _("Could not move the attribute"), error);
}

static void
move_to_pillar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EcartDesiredRow *self = ECART_DESIRED_ROW (widget);
  EcartPillar *pillar;
  GListModel *attributes;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (self->workspace == NULL)
    return;

  pillar = ecart_workspace_find_pillar (self->workspace, g_variant_get_int64 (parameter));
  if (pillar == NULL
      || ecart_item_get_id (ECART_ITEM (pillar)) == ecart_attribute_get_pillar_id (self->attribute))
    return;

  /* To the end of the other pillar. */
  attributes = ecart_workspace_get_attributes (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) other = g_list_model_get_item (attributes, i);

      if (ecart_attribute_get_pillar_id (other) == ecart_item_get_id (ECART_ITEM (pillar)))
        count++;
    }

  ecart_desired_row_commit (self);
  if (!ecart_workspace_move_attribute (self->workspace, self->attribute, pillar, count, &error))
    ecart_gui_show_error (widget, _("Could not move the attribute"), error);
}

static void
delete_attribute (EcartDesiredRow  *self,
                  EcartDeleteFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (ecart_item_get_name (ECART_ITEM (self->attribute)));
  g_autofree char *title = NULL;
  GtkWidget *toplevel = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->workspace == NULL)
    return;

  /* The row goes away with the attribute: the toast is shown by the window. */
  g_object_ref (self);
  if (!ecart_workspace_delete_attribute (self->workspace, self->attribute, flags, &error))
    ecart_gui_show_error (toplevel != NULL ? toplevel : GTK_WIDGET (self),
                          _("Could not delete the attribute"), error);
  else
    {
      /* Translators: %s is the name of an attribute */
      title = g_strdup_printf (_("Attribute “%s” deleted"), name);
      ecart_gui_toast_undo (toplevel != NULL ? toplevel : GTK_WIDGET (self), title);
    }
  g_object_unref (self);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       EcartDesiredRow  *self)
{
  if (g_str_equal (response, "delete"))
    delete_attribute (self, ECART_DELETE_CASCADE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EcartDesiredRow *self = ECART_DESIRED_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name = ecart_item_get_name (ECART_ITEM (self->attribute));
  g_autofree char *heading = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gint64 count;

  if (self->workspace == NULL)
    return;

  count = ecart_workspace_count_measurements (self->workspace, ECART_ITEM (self->attribute));
  if (count <= 0)
    {
      delete_attribute (self, ECART_DELETE_NONE);
      return;
    }

  /* Translators: the heading of a confirmation, %s is the name of an attribute */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  count_text = ecart_gui_format_count (count);
  /* Translators: %s is a number of measurements */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "It has %s measurement from the field: deleting the attribute deletes it too, with the targets and promises of every segment.",
                                       "It has %s measurements from the field: deleting the attribute deletes them too, with the targets and promises of every segment.",
                                       count),
                          count_text);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  EcartDesiredRow *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) pillars = g_menu_new ();
  g_autoptr(GMenu) delete = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GListModel *list;

  if (self->workspace == NULL)
    return;

  item = g_menu_item_new (_("_Edit Name and Description…"), "row.edit");
  g_menu_item_set_attribute (item, "accel", "s", "F2");
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Move _Up"), "row.move-up");
  g_menu_item_set_attribute (item, "accel", "s", "<Alt>Up");
  g_menu_append_item (move, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Move _Down"), "row.move-down");
  g_menu_item_set_attribute (item, "accel", "s", "<Alt>Down");
  g_menu_append_item (move, item);
  g_clear_object (&item);

  list = ecart_workspace_get_pillars (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EcartPillar) pillar = g_list_model_get_item (list, i);
      gint64 id = ecart_item_get_id (ECART_ITEM (pillar));

      if (id == ecart_attribute_get_pillar_id (self->attribute))
        continue;
      item = g_menu_item_new (ecart_item_get_name (ECART_ITEM (pillar)), NULL);
      g_menu_item_set_action_and_target_value (item, "row.move-to-pillar", g_variant_new_int64 (id));
      g_menu_append_item (pillars, item);
      g_clear_object (&item);
    }
  g_menu_append_submenu (move, _("Move to _Pillar"), G_MENU_MODEL (pillars));

  g_menu_append (delete, _("_Delete Attribute"), "row.delete");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up",
                                 ecart_attribute_can_move_by (self->workspace, self->attribute, -1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down",
                                 ecart_attribute_can_move_by (self->workspace, self->attribute, 1));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* GObject --------------------------------------------------------------------------------- */

static void
ecart_desired_row_dispose (GObject *object)
{
  EcartDesiredRow *self = (EcartDesiredRow *)object;

  set_experience (self, NULL);
  if (self->attribute != NULL)
    g_signal_handlers_disconnect_by_data (self->attribute, self);
  g_clear_object (&self->target_field);
  g_clear_object (&self->importance_field);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_DESIRED_ROW);

  g_clear_object (&self->segment);
  g_clear_object (&self->attribute);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_desired_row_parent_class)->dispose (object);
}

static void
ecart_desired_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EcartDesiredRow *self = ECART_DESIRED_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ATTRIBUTE:
      g_value_set_object (value, self->attribute);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_desired_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EcartDesiredRow *self = ECART_DESIRED_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_ATTRIBUTE:
      self->attribute = g_value_dup_object (value);
      break;
    case PROP_SEGMENT:
      ecart_desired_row_set_segment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_desired_row_constructed (GObject *object)
{
  EcartDesiredRow *self = (EcartDesiredRow *)object;

  G_OBJECT_CLASS (ecart_desired_row_parent_class)->constructed (object);

  g_signal_connect_object (self->attribute, "notify::name", G_CALLBACK (update_attribute), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attribute, "notify::description", G_CALLBACK (update_attribute),
                           self, G_CONNECT_SWAPPED);
  update_attribute (self);
}

static void
ecart_desired_row_class_init (EcartDesiredRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ecart_desired_row_constructed;
  object_class->dispose = ecart_desired_row_dispose;
  object_class->get_property = ecart_desired_row_get_property;
  object_class->set_property = ecart_desired_row_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTRIBUTE] =
    g_param_spec_object ("attribute", NULL, NULL, ECART_TYPE_ATTRIBUTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_STATEMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-desired-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, drag_area);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, target_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, importance_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, promise_view);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredRow, error_label);

  gtk_widget_class_install_action (widget_class, "field.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "row.move-to-pillar", "x", move_to_pillar_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "row.move-down", NULL);
}

static void
ecart_desired_row_init (EcartDesiredRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->target_field = ecart_level_field_new (self->target_spin, ECART_LEVEL_FIELD_LEVEL);
  self->importance_field = ecart_level_field_new (self->importance_spin, ECART_LEVEL_FIELD_IMPORTANCE);
  g_signal_connect (self->target_field, "commit", G_CALLBACK (on_target_commit_cb), self);
  g_signal_connect (self->importance_field, "commit", G_CALLBACK (on_importance_commit_cb), self);
  g_signal_connect_swapped (self->target_field, "notify::error", G_CALLBACK (update_error), self);
  g_signal_connect_swapped (self->importance_field, "notify::error", G_CALLBACK (update_error), self);
  g_signal_connect_swapped (self->promise_view, "commit", G_CALLBACK (on_promise_view_commit_cb), self);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  /* Dragged by its handle and name; a drag in the fields selects text. */
  g_object_set_data (G_OBJECT (self), "ecart-drag-area", self->drag_area);
}

GtkWidget *
ecart_desired_row_new (EcartWorkspace *workspace,
                       EcartAttribute *attribute,
                       EcartSegment   *segment)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);

  return g_object_new (ECART_TYPE_DESIRED_ROW,
                       "workspace", workspace,
                       "attribute", attribute,
                       "segment", segment,
                       NULL);
}

EcartAttribute *
ecart_desired_row_get_attribute (EcartDesiredRow *self)
{
  g_return_val_if_fail (ECART_IS_DESIRED_ROW (self), NULL);
  return self->attribute;
}

EcartSegment *
ecart_desired_row_get_segment (EcartDesiredRow *self)
{
  g_return_val_if_fail (ECART_IS_DESIRED_ROW (self), NULL);
  return self->segment;
}

/**
 * ecart_desired_row_set_segment:
 * @segment: (nullable): the segment whose desired experience the row shows
 *
 * What was typed for the previous segment is saved to it first.
 */
void
ecart_desired_row_set_segment (EcartDesiredRow *self,
                               EcartSegment    *segment)
{
  g_return_if_fail (ECART_IS_DESIRED_ROW (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (self->segment == segment)
    return;

  ecart_desired_row_commit (self);
  g_set_object (&self->segment, segment);
  set_experience (self, segment != NULL && self->workspace != NULL
                        ? ecart_workspace_get_experience (self->workspace, segment, self->attribute)
                        : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/* Saves what is typed and not saved yet (before undo, or when the segment changes). */
void
ecart_desired_row_commit (EcartDesiredRow *self)
{
  g_return_if_fail (ECART_IS_DESIRED_ROW (self));

  if (self->target_field == NULL)
    return;

  ecart_level_field_commit (self->target_field);
  ecart_level_field_commit (self->importance_field);
  ecart_statement_view_flush (self->promise_view);
}

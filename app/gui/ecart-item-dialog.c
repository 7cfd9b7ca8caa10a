/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-item-dialog.h"

/* The dialog that names (and describes) what a page adds or edits: a name checked as it
 * is typed, so a name the workspace would refuse is refused at the field with the reason
 * and the dialog never closes on it; optionally a channel, a stage and a description.
 * The page applies the values on the "apply" response. */

struct _EcartItemDialog
{
  AdwMessageDialog    parent_instance;

  EcartNameCheckFunc  check;
  gpointer            check_data;
  GDestroyNotify      check_destroy;
  gboolean            touched;

  GtkListBox         *fields;
  AdwEntryRow        *name_row;
  AdwComboRow        *channel_row;
  AdwComboRow        *stage_row;
  GtkLabel           *message_label;
  GtkScrolledWindow  *description_window;
  GtkTextView        *description_view;
};

G_DEFINE_FINAL_TYPE (EcartItemDialog, ecart_item_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
check_name (EcartItemDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *clean = g_strstrip (g_strdup (name));

  if (clean[0] == '\0')
    return g_strdup (_("The name cannot be empty"));
  if (self->check != NULL)
    return self->check (clean, self->check_data);
  return NULL;
}

static void
update_validity (EcartItemDialog *self)
{
  g_autofree char *problem = NULL;
  gboolean shown;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->name_row)))
    return;

  problem = check_name (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", problem == NULL);

  /* Say why only once the user has typed: a new dialog starts empty, not wrong. */
  shown = problem != NULL && self->touched;
  gtk_label_set_label (self->message_label, shown ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), shown);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_row), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown ? problem : "",
                                  -1);
}

static void
on_name_row_changed_cb (EcartItemDialog *self)
{
  self->touched = TRUE;
  update_validity (self);
}

static void
on_name_row_entry_activated_cb (EcartItemDialog *self)
{
  /* A valid name has already activated the default response; an invalid one stays. */
  self->touched = TRUE;
  update_validity (self);
}

static void
setup_channel_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_channel_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  EcartChannel *channel = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autoptr(GIcon) icon = ecart_gui_channel_icon (channel);

  gtk_image_set_from_gicon (GTK_IMAGE (gtk_widget_get_first_child (box)), icon);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       ecart_item_get_name (ECART_ITEM (channel)));
}

static guint
position_of (GListModel *list,
             gpointer    item)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) current = g_list_model_get_item (list, i);

      if (current == item)
        return i;
    }
  return 0;
}

static void
ecart_item_dialog_dispose (GObject *object)
{
  EcartItemDialog *self = (EcartItemDialog *)object;

  if (self->check_destroy != NULL)
    g_clear_pointer (&self->check_data, self->check_destroy);
  self->check = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_ITEM_DIALOG);

  G_OBJECT_CLASS (ecart_item_dialog_parent_class)->dispose (object);
}

static void
ecart_item_dialog_class_init (EcartItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_item_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, description_window);
  gtk_widget_class_bind_template_child (widget_class, EcartItemDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
}

static void
ecart_item_dialog_init (EcartItemDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_channel_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_channel_cb), NULL);
  adw_combo_row_set_factory (self->channel_row, factory);

  name = gtk_property_expression_new (ECART_TYPE_ITEM, NULL, "name");
  adw_combo_row_set_expression (self->channel_row, name);
  adw_combo_row_set_expression (self->stage_row, name);
}

/**
 * ecart_item_dialog_new:
 * @parent: a widget of the window the dialog belongs to
 * @apply_label: the label of the button that applies, with a mnemonic ("_Rename")
 *
 * Returns: (transfer none): a dialog, not yet presented; closing it destroys it
 */
EcartItemDialog *
ecart_item_dialog_new (GtkWidget  *parent,
                       const char *heading,
                       const char *apply_label)
{
  EcartItemDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (apply_label != NULL, NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (ECART_TYPE_ITEM_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "heading", heading,
                       NULL);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", apply_label);
  return self;
}

/**
 * ecart_item_dialog_set_name_field:
 * @title: the field's title, also its accessible name ("Segment name")
 * @name: (nullable): the current name
 * @check: (nullable): tells why a name cannot be used, beyond being empty
 *
 * Shows the name field; "apply" is enabled only while the name is acceptable.
 */
void
ecart_item_dialog_set_name_field (EcartItemDialog    *self,
                                  const char         *title,
                                  const char         *name,
                                  EcartNameCheckFunc  check,
                                  gpointer            user_data,
                                  GDestroyNotify      destroy)
{
  g_return_if_fail (ECART_IS_ITEM_DIALOG (self));
  g_return_if_fail (title != NULL);

  if (self->check_destroy != NULL)
    g_clear_pointer (&self->check_data, self->check_destroy);
  self->check = check;
  self->check_data = user_data;
  self->check_destroy = destroy;

  /* The title is also the accessible name (a label property would be read twice). */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), title);
  gtk_widget_set_visible (GTK_WIDGET (self->fields), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), TRUE);

  g_signal_handlers_block_by_func (self->name_row, on_name_row_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  g_signal_handlers_unblock_by_func (self->name_row, on_name_row_changed_cb, self);
  self->touched = FALSE;
  update_validity (self);

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

const char *
ecart_item_dialog_get_name (EcartItemDialog *self)
{
  g_return_val_if_fail (ECART_IS_ITEM_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

/**
 * ecart_item_dialog_set_channels:
 * @channels: the workspace's channels
 * @selected: (nullable): the channel chosen first
 */
void
ecart_item_dialog_set_channels (EcartItemDialog *self,
                                GListModel      *channels,
                                EcartChannel    *selected)
{
  g_return_if_fail (ECART_IS_ITEM_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (channels));

  adw_combo_row_set_model (self->channel_row, channels);
  adw_combo_row_set_selected (self->channel_row,
                              selected != NULL ? position_of (channels, selected) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->fields), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->channel_row), TRUE);
}

/**
 * ecart_item_dialog_get_channel:
 *
 * Returns: (transfer none) (nullable): the chosen channel
 */
EcartChannel *
ecart_item_dialog_get_channel (EcartItemDialog *self)
{
  g_return_val_if_fail (ECART_IS_ITEM_DIALOG (self), NULL);
  return adw_combo_row_get_selected_item (self->channel_row);
}

/**
 * ecart_item_dialog_set_stages:
 * @stages: the workspace's journey stages
 * @selected: (nullable): the stage chosen first
 */
void
ecart_item_dialog_set_stages (EcartItemDialog *self,
                              GListModel      *stages,
                              EcartStage      *selected)
{
  g_return_if_fail (ECART_IS_ITEM_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (stages));

  adw_combo_row_set_model (self->stage_row, stages);
  adw_combo_row_set_selected (self->stage_row,
                              selected != NULL ? position_of (stages, selected) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->fields), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_row), TRUE);
}

/**
 * ecart_item_dialog_get_stage:
 *
 * Returns: (transfer none) (nullable): the chosen stage
 */
EcartStage *
ecart_item_dialog_get_stage (EcartItemDialog *self)
{
  g_return_val_if_fail (ECART_IS_ITEM_DIALOG (self), NULL);
  return adw_combo_row_get_selected_item (self->stage_row);
}

/**
 * ecart_item_dialog_set_description:
 * @title: the accessible name of the text ("Description of the segment")
 * @description: (nullable): the current text
 */
void
ecart_item_dialog_set_description (EcartItemDialog *self,
                                   const char      *title,
                                   const char      *description)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (ECART_IS_ITEM_DIALOG (self));
  g_return_if_fail (title != NULL);

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_set_text (buffer, description != NULL ? description : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->description_window), TRUE);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->name_row)))
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->description_view));
}

/**
 * ecart_item_dialog_dup_description:
 *
 * Returns: (transfer full): the text as edited, without surrounding white space
 */
char *
ecart_item_dialog_dup_description (EcartItemDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ECART_IS_ITEM_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

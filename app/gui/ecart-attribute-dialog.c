/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-attribute-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-attribute-dialog.h"
#include "ecart-gui-util.h"

/* The dialog that renames an attribute and edits its description. The name is checked as
 * it is typed (empty, already taken): Save stays off and the field says why. */

struct _EcartAttributeDialog
{
  AdwMessageDialog  parent_instance;

  EcartWorkspace   *workspace;
  EcartAttribute   *attribute;

  GtkEntry         *name_entry;
  GtkLabel         *name_error_label;
  GtkTextView      *description_view;
};

G_DEFINE_FINAL_TYPE (EcartAttributeDialog, ecart_attribute_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * ecart_attribute_check_name:
 * @attribute: (nullable): the attribute being renamed, or %NULL for a new one
 *
 * Returns: (transfer full) (nullable): why @name cannot name an attribute, or %NULL
 */
char *
ecart_attribute_check_name (EcartWorkspace *workspace,
                            EcartAttribute *attribute,
                            const char     *name)
{
  g_autofree char *clean = NULL;
  EcartItem *other;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (clean[0] == '\0')
    return g_strdup (_("Type a name for the attribute"));

  other = ecart_workspace_find_by_name (workspace, ecart_workspace_get_attributes (workspace), clean);
  if (other != NULL && other != ECART_ITEM (attribute))
    /* Translators: %s is the name of an attribute */
    return g_strdup_printf (_("An attribute named “%s” already exists"),
                            ecart_item_get_name (other));
  return NULL;
}

static void
on_name_entry_changed_cb (EcartAttributeDialog *self)
{
  g_autofree char *message = ecart_attribute_check_name (self->workspace, self->attribute,
                                                         gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));

  ecart_gui_set_field_error (GTK_WIDGET (self->name_entry), message, NULL);
  gtk_label_set_label (self->name_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error_label), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", message == NULL);
}

static void
on_response_cb (EcartAttributeDialog *self,
                const char           *response)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!g_str_equal (response, "save") || self->workspace == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_strcmp0 (name, ecart_item_get_name (ECART_ITEM (self->attribute))) != 0
      && !ecart_workspace_rename_attribute (self->workspace, self->attribute, name, &error))
    {
      if (parent != NULL)
        ecart_gui_show_error (GTK_WIDGET (parent), _("Could not rename the attribute"), error);
      return;
    }

  if (g_strcmp0 (description, ecart_attribute_get_description (self->attribute)) != 0
      && !ecart_workspace_set_attribute_description (self->workspace, self->attribute,
                                                     description, &error))
    {
      if (parent != NULL)
        ecart_gui_show_error (GTK_WIDGET (parent), _("Could not change the description"), error);
    }
}

static void
ecart_attribute_dialog_dispose (GObject *object)
{
  EcartAttributeDialog *self = (EcartAttributeDialog *)object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->attribute);

  G_OBJECT_CLASS (ecart_attribute_dialog_parent_class)->dispose (object);
}

static void
ecart_attribute_dialog_class_init (EcartAttributeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_attribute_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-attribute-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartAttributeDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, EcartAttributeDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, EcartAttributeDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_response_cb);
}

static void
ecart_attribute_dialog_init (EcartAttributeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ecart_attribute_dialog_new:
 *
 * Returns: (transfer none): a dialog editing @attribute, saved when the user chooses Save
 */
GtkWidget *
ecart_attribute_dialog_new (GtkWindow      *parent,
                            EcartWorkspace *workspace,
                            EcartAttribute *attribute)
{
  EcartAttributeDialog *self;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);

  self = g_object_new (ECART_TYPE_ATTRIBUTE_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->attribute = g_object_ref (attribute);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), ecart_item_get_name (ECART_ITEM (attribute)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            ecart_attribute_get_description (attribute) != NULL
                            ? ecart_attribute_get_description (attribute) : "", -1);
  on_name_entry_changed_cb (self);
  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-desired-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-attribute-dialog.h"
#include "ecart-attribute-list.h"
#include "ecart-desired-page.h"
#include "ecart-desired-row.h"
#include "ecart-gui-util.h"
#include "ecart-window.h"

/* Step 1 of the method: the desired experience of the selected segment. The attributes are
 * grouped by pillar; for each, the target level, the importance and the promise. Attributes
 * are added, edited, reordered (drag and drop, or the keyboard) and deleted here too, and a
 * segment's desired experience can start as a copy of another's. */

struct _EcartDesiredPage
{
  GtkWidget           parent_instance;

  EcartWorkspace     *workspace;
  EcartSegment       *segment;
  gboolean            show_guide;

  GtkStack           *stack;
  GtkWidget          *segment_dot;
  GtkLabel           *segment_label;
  GtkLabel           *segment_description_label;
  GtkMenuButton      *copy_button;
  GtkRevealer        *guide_revealer;
  GtkEntry           *attribute_entry;
  GtkDropDown        *pillar_dropdown;
  GtkLabel           *attribute_error_label;
  EcartAttributeList *attribute_list;
};

G_DEFINE_FINAL_TYPE (EcartDesiredPage, ecart_desired_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SEGMENT,
  PROP_SHOW_GUIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EcartPageShortcut shortcuts[] = {
  { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "desired.add-attribute", NULL },
  { GDK_KEY_F1, 0, "desired.show-guide", NULL },
};

static GtkWidget *
create_row (EcartAttribute *attribute,
            gpointer        user_data)
{
  EcartDesiredPage *self = user_data;

  return ecart_desired_row_new (self->workspace, attribute, self->segment);
}

static void
draw_segment_dot (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  EcartDesiredPage *self = user_data;
  GdkRGBA color;

  if (self->segment == NULL || !gdk_rgba_parse (&color, ecart_segment_get_color (self->segment)))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
update_segment (EcartDesiredPage *self)
{
  const char *description = NULL;

  if (self->segment != NULL)
    {
      description = ecart_segment_get_description (self->segment);
      gtk_label_set_label (self->segment_label, ecart_item_get_name (ECART_ITEM (self->segment)));
    }
  gtk_label_set_label (self->segment_description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->segment_description_label),
                          description != NULL && description[0] != '\0');
  gtk_widget_queue_draw (self->segment_dot);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->workspace != NULL && self->segment != NULL ? "content"
                                                                                     : "empty");
}

/* The other segments, to copy the desired experience from. */
static void
update_copy_menu (EcartDesiredPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GListModel *segments;
  guint n_others = 0;

  if (self->workspace != NULL && self->segment != NULL)
    {
      segments = ecart_workspace_get_segments (self->workspace);
      for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
        {
          g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, i);
          g_autoptr(GMenuItem) item = NULL;
          g_autoptr(GString) label = NULL;

          if (segment == self->segment)
            continue;

          /* A name is not a mnemonic. */
          label = g_string_new (ecart_item_get_name (ECART_ITEM (segment)));
          g_string_replace (label, "_", "__", 0);
          item = g_menu_item_new (label->str, NULL);
          g_menu_item_set_action_and_target_value (item, "desired.copy-from",
                                                   g_variant_new_int64 (ecart_item_get_id (ECART_ITEM (segment))));
          g_menu_append_item (section, item);
          n_others++;
        }
    }

  g_menu_append_section (menu, _("Replace with the desired experience of"),
                         G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->copy_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_button), n_others > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button),
                               n_others > 0 ? _("Copy the Desired Experience From Another Segment")
                                            : _("There is no other segment to copy from"));
}

static void
set_attribute_error (EcartDesiredPage *self,
                     const char       *message)
{
  ecart_gui_set_field_error (GTK_WIDGET (self->attribute_entry), message, NULL);
  gtk_label_set_label (self->attribute_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attribute_error_label), message != NULL);
}

static void
on_attribute_entry_changed_cb (EcartDesiredPage *self)
{
  g_autofree char *clean = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->attribute_entry))));
  g_autofree char *message = NULL;

  if (self->workspace == NULL)
    return;

  /* An empty field is not an error until the user tries to add it. */
  if (clean[0] != '\0')
    message = ecart_attribute_check_name (self->workspace, NULL, clean);
  set_attribute_error (self, message);
}

static void
on_attribute_entry_activate_cb (EcartDesiredPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->attribute_entry));
  g_autofree char *message = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  EcartPillar *pillar;
  EcartAttribute *attribute;

  if (self->workspace == NULL)
    return;

  message = ecart_attribute_check_name (self->workspace, NULL, text);
  if (message != NULL)
    {
      set_attribute_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->attribute_entry));
      return;
    }

  pillar = gtk_drop_down_get_selected_item (self->pillar_dropdown);
  if (pillar == NULL)
    return;

  attribute = ecart_workspace_add_attribute (self->workspace, pillar, text, &error);
  if (attribute == NULL)
    {
      if (g_error_matches (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID)
          || g_error_matches (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_EXISTS))
        set_attribute_error (self, error->message);
      else
        ecart_gui_show_error (GTK_WIDGET (self), _("Could not add the attribute"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->attribute_entry), "");
  set_attribute_error (self, NULL);
  /* Translators: the first %s is an attribute, the second a pillar ("Product & price") */
  toast = g_strdup_printf (_("“%s” added to %s"), ecart_item_get_name (ECART_ITEM (attribute)),
                           ecart_item_get_name (ECART_ITEM (pillar)));
  ecart_gui_toast (GTK_WIDGET (self), toast);
}

static void
commit_row (gpointer row,
            gpointer user_data)
{
  ecart_desired_row_commit (row);
}

static void
set_row_segment (gpointer row,
                 gpointer user_data)
{
  ecart_desired_row_set_segment (row, user_data);
}

/* Actions --------------------------------------------------------------------------------- */

static void
show_portfolio_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ECART_TYPE_WINDOW);

  if (window != NULL)
    ecart_window_set_page (ECART_WINDOW (window), "portfolio");
}

static void
add_attribute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EcartDesiredPage *self = ECART_DESIRED_PAGE (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "content"))
    gtk_widget_grab_focus (GTK_WIDGET (self->attribute_entry));
}

static void
copy_from_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartDesiredPage *self = ECART_DESIRED_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  EcartSegment *from;

  if (self->workspace == NULL || self->segment == NULL)
    return;

  from = ecart_workspace_find_segment (self->workspace, g_variant_get_int64 (parameter));
  if (from == NULL || from == self->segment)
    return;

  ecart_desired_page_commit (self);
  if (!ecart_workspace_copy_desired (self->workspace, from, self->segment, &error))
    {
      ecart_gui_show_error (widget, _("Could not copy the desired experience"), error);
      return;
    }

  /* Translators: the first %s is the segment copied from, the second the one copied to */
  title = g_strdup_printf (_("Desired experience of “%s” copied to “%s”"),
                           ecart_item_get_name (ECART_ITEM (from)),
                           ecart_item_get_name (ECART_ITEM (self->segment)));
  ecart_gui_toast_undo (widget, title);
}

/* GObject --------------------------------------------------------------------------------- */

static void
ecart_desired_page_dispose (GObject *object)
{
  EcartDesiredPage *self = (EcartDesiredPage *)object;

  ecart_desired_page_set_segment (self, NULL);
  ecart_desired_page_set_workspace (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_DESIRED_PAGE);

  G_OBJECT_CLASS (ecart_desired_page_parent_class)->dispose (object);
}

static void
ecart_desired_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EcartDesiredPage *self = ECART_DESIRED_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    case PROP_SHOW_GUIDE:
      g_value_set_boolean (value, self->show_guide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_desired_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EcartDesiredPage *self = ECART_DESIRED_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_desired_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_desired_page_set_segment (self, g_value_get_object (value));
      break;
    case PROP_SHOW_GUIDE:
      if (self->show_guide != g_value_get_boolean (value))
        {
          self->show_guide = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_desired_page_class_init (EcartDesiredPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_desired_page_dispose;
  object_class->get_property = ecart_desired_page_get_property;
  object_class->set_property = ecart_desired_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the guide to the step is shown: the page lives as long as the window, so the
   * choice is kept while the window is open. */
  properties[PROP_SHOW_GUIDE] =
    g_param_spec_boolean ("show-guide", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_ATTRIBUTE_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-desired-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, segment_dot);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, segment_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, segment_description_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, guide_revealer);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, attribute_entry);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, pillar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, attribute_error_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDesiredPage, attribute_list);
  gtk_widget_class_bind_template_callback (widget_class, on_attribute_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attribute_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "desired.show-portfolio", NULL, show_portfolio_action);
  gtk_widget_class_install_action (widget_class, "desired.add-attribute", NULL, add_attribute_action);
  gtk_widget_class_install_action (widget_class, "desired.copy-from", "x", copy_from_action);
  gtk_widget_class_install_property_action (widget_class, "desired.show-guide", "show-guide");

  ecart_gui_class_add_page_shortcuts (widget_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
ecart_desired_page_init (EcartDesiredPage *self)
{
  self->show_guide = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  ecart_gui_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));

  g_object_bind_property (self, "show-guide", self->guide_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->segment_dot), draw_segment_dot, self, NULL);
  gtk_drop_down_set_expression (self->pillar_dropdown,
                                gtk_property_expression_new (ECART_TYPE_ITEM, NULL, "name"));
  ecart_attribute_list_set_row_func (self->attribute_list, create_row, self);
  update_segment (self);
  update_copy_menu (self);
}

EcartWorkspace *
ecart_desired_page_get_workspace (EcartDesiredPage *self)
{
  g_return_val_if_fail (ECART_IS_DESIRED_PAGE (self), NULL);
  return self->workspace;
}

void
ecart_desired_page_set_workspace (EcartDesiredPage *self,
                                  EcartWorkspace   *workspace)
{
  g_return_if_fail (ECART_IS_DESIRED_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  ecart_desired_page_commit (self);

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (ecart_workspace_get_segments (self->workspace), self);
    }

  g_set_object (&self->workspace, workspace);
  ecart_attribute_list_set_workspace (self->attribute_list, workspace);
  gtk_drop_down_set_model (self->pillar_dropdown,
                           workspace != NULL ? ecart_workspace_get_pillars (workspace) : NULL);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (update_copy_menu), self);
      g_signal_connect_swapped (ecart_workspace_get_segments (workspace), "items-changed",
                                G_CALLBACK (update_copy_menu), self);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->attribute_entry), "");
  set_attribute_error (self, NULL);
  update_segment (self);
  update_copy_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

EcartSegment *
ecart_desired_page_get_segment (EcartDesiredPage *self)
{
  g_return_val_if_fail (ECART_IS_DESIRED_PAGE (self), NULL);
  return self->segment;
}

/**
 * ecart_desired_page_set_segment:
 * @segment: (nullable): the segment whose desired experience is shown
 *
 * What was typed for the previous segment is saved to it first.
 */
void
ecart_desired_page_set_segment (EcartDesiredPage *self,
                                EcartSegment     *segment)
{
  g_return_if_fail (ECART_IS_DESIRED_PAGE (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (self->segment == segment)
    return;

  if (self->segment != NULL)
    g_signal_handlers_disconnect_by_data (self->segment, self);

  ecart_attribute_list_foreach (self->attribute_list, set_row_segment, segment);
  g_set_object (&self->segment, segment);

  if (segment != NULL)
    g_signal_connect_object (segment, "notify", G_CALLBACK (update_segment), self, G_CONNECT_SWAPPED);

  update_segment (self);
  update_copy_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/* Returns: (transfer none) (nullable): the row of @attribute */
GtkWidget *
ecart_desired_page_get_row (EcartDesiredPage *self,
                            EcartAttribute   *attribute)
{
  g_return_val_if_fail (ECART_IS_DESIRED_PAGE (self), NULL);
  return ecart_attribute_list_get_row (self->attribute_list, attribute);
}

/* Saves what is typed and not saved yet. */
void
ecart_desired_page_commit (EcartDesiredPage *self)
{
  g_return_if_fail (ECART_IS_DESIRED_PAGE (self));

  if (self->attribute_list != NULL)
    ecart_attribute_list_foreach (self->attribute_list, commit_row, NULL);
}

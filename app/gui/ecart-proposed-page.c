/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-proposed-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-attribute-list.h"
#include "ecart-gui-util.h"
#include "ecart-initiative-board.h"
#include "ecart-initiative-dialog.h"
#include "ecart-proposed-page.h"
#include "ecart-proposed-row.h"
#include "ecart-window.h"

/* Step 3 of the method: the proposed experience of the selected segment. Under Audit, per
 * attribute, the level in place and what is in place next to the desired target, with the
 * implementation gap; under Initiatives, the board where everyone proposes what would close
 * the gaps and follows it from idea to done. */

struct _EcartProposedPage
{
  GtkWidget           parent_instance;

  EcartWorkspace     *workspace;
  EcartSegment       *segment;
  gboolean            show_guide;

  GtkStack           *stack;
  GtkWidget          *segment_dot;
  GtkLabel           *segment_label;
  GtkRevealer        *guide_revealer;
  AdwViewStack       *view_stack;
  GtkLabel           *summary_label;
  EcartAttributeList *attribute_list;
  GtkEntry           *initiative_entry;
  GtkLabel           *initiative_error_label;
  EcartInitiativeBoard *board;
};

G_DEFINE_FINAL_TYPE (EcartProposedPage, ecart_proposed_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SEGMENT,
  PROP_SHOW_GUIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EcartPageShortcut shortcuts[] = {
  { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "proposed.add-initiative", NULL },
  { GDK_KEY_F1, 0, "proposed.show-guide", NULL },
  { GDK_KEY_1, GDK_ALT_MASK, "proposed.show-view", "audit" },
  { GDK_KEY_2, GDK_ALT_MASK, "proposed.show-view", "initiatives" },
};

static GtkWidget *
create_row (EcartAttribute *attribute,
            gpointer        user_data)
{
  EcartProposedPage *self = user_data;

  return ecart_proposed_row_new (self->workspace, attribute, self->segment);
}

static void
draw_segment_dot (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  EcartProposedPage *self = user_data;
  GdkRGBA color;

  if (self->segment == NULL || !gdk_rgba_parse (&color, ecart_segment_get_color (self->segment)))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* How many promises are not built yet, in one or two sentences. */
static void
update_summary (EcartProposedPage *self)
{
  GListModel *attributes;
  guint below = 0;
  guint audited = 0;
  guint unaudited = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->workspace == NULL || self->segment == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
      return;
    }

  attributes = ecart_workspace_get_attributes (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, i);
      EcartExperience *cell = ecart_workspace_get_experience (self->workspace, self->segment, attribute);
      double gap = ecart_experience_get_implementation_gap (cell);

      if (isnan (gap))
        unaudited++;
      else
        {
          audited++;
          if (round (gap * 10.0) < 0)
            below++;
        }
    }

  if (below > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u attribute is below its target: its promise is not built yet.",
                                               "%u attributes are below their target: their promise is not built yet.",
                                               below),
                            below);
  else if (audited > 0)
    g_string_append (text, _("Every audited promise is built: no attribute is below its target."));

  if (unaudited > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u attribute has no target or no level in place yet.",
                                                 "%u attributes have no target or no level in place yet.",
                                                 unaudited),
                              unaudited);
    }

  gtk_label_set_label (self->summary_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), text->len > 0);
}

static void
update_segment (EcartProposedPage *self)
{
  gtk_label_set_label (self->segment_label,
                       self->segment != NULL ? ecart_item_get_name (ECART_ITEM (self->segment)) : "");
  gtk_widget_queue_draw (self->segment_dot);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->workspace != NULL && self->segment != NULL ? "content"
                                                                                     : "empty");
  update_summary (self);
}

static void
set_initiative_error (EcartProposedPage *self,
                      const char        *message)
{
  ecart_gui_set_field_error (GTK_WIDGET (self->initiative_entry), message, NULL);
  gtk_label_set_label (self->initiative_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->initiative_error_label), message != NULL);
}

static void
on_initiative_entry_changed_cb (EcartProposedPage *self)
{
  set_initiative_error (self, NULL);
}

static void
on_initiative_entry_activate_cb (EcartProposedPage *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->initiative_entry))));
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;

  if (title[0] == '\0')
    {
      set_initiative_error (self, _("Type a title for the initiative"));
      gtk_widget_grab_focus (GTK_WIDGET (self->initiative_entry));
      return;
    }

  if (ecart_workspace_add_initiative (self->workspace, title, ECART_INITIATIVE_IDEA, &error) == NULL)
    {
      if (g_error_matches (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID))
        set_initiative_error (self, error->message);
      else
        ecart_gui_show_error (GTK_WIDGET (self), _("Could not add the initiative"), error);
      return;
    }

  /* Ready for the next idea. */
  gtk_editable_set_text (GTK_EDITABLE (self->initiative_entry), "");
  set_initiative_error (self, NULL);
}

static void
commit_row (gpointer row,
            gpointer user_data)
{
  ecart_proposed_row_commit (row);
}

static void
set_row_segment (gpointer row,
                 gpointer user_data)
{
  ecart_proposed_row_set_segment (row, user_data);
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
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartProposedPage *self = ECART_PROPOSED_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
add_initiative_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EcartProposedPage *self = ECART_PROPOSED_PAGE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "content"))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "initiatives");
  gtk_widget_grab_focus (GTK_WIDGET (self->initiative_entry));
}

static void
propose_initiative_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  EcartProposedPage *self = ECART_PROPOSED_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  EcartAttribute *attribute;

  if (self->workspace == NULL)
    return;

  attribute = ecart_workspace_find_attribute (self->workspace, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (ecart_initiative_dialog_new_proposal (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                        self->workspace, self->segment,
                                                                        attribute)));
}

/* GObject --------------------------------------------------------------------------------- */

static void
ecart_proposed_page_dispose (GObject *object)
{
  EcartProposedPage *self = (EcartProposedPage *)object;

  ecart_proposed_page_set_segment (self, NULL);
  ecart_proposed_page_set_workspace (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_PROPOSED_PAGE);

  G_OBJECT_CLASS (ecart_proposed_page_parent_class)->dispose (object);
}

static void
ecart_proposed_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EcartProposedPage *self = ECART_PROPOSED_PAGE (object);

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
ecart_proposed_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EcartProposedPage *self = ECART_PROPOSED_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_proposed_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_proposed_page_set_segment (self, g_value_get_object (value));
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
ecart_proposed_page_class_init (EcartProposedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_proposed_page_dispose;
  object_class->get_property = ecart_proposed_page_get_property;
  object_class->set_property = ecart_proposed_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the guide to the step is shown, kept while the window is open. */
  properties[PROP_SHOW_GUIDE] =
    g_param_spec_boolean ("show-guide", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_ATTRIBUTE_LIST);
  g_type_ensure (ECART_TYPE_INITIATIVE_BOARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-proposed-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, segment_dot);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, segment_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, guide_revealer);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, attribute_list);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, initiative_entry);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, initiative_error_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedPage, board);
  gtk_widget_class_bind_template_callback (widget_class, on_initiative_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_initiative_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "proposed.show-portfolio", NULL, show_portfolio_action);
  gtk_widget_class_install_action (widget_class, "proposed.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "proposed.add-initiative", NULL, add_initiative_action);
  gtk_widget_class_install_action (widget_class, "proposed.propose-initiative", "x",
                                   propose_initiative_action);
  gtk_widget_class_install_property_action (widget_class, "proposed.show-guide", "show-guide");

  ecart_gui_class_add_page_shortcuts (widget_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
ecart_proposed_page_init (EcartProposedPage *self)
{
  self->show_guide = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  ecart_gui_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));

  g_object_bind_property (self, "show-guide", self->guide_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->segment_dot), draw_segment_dot, self, NULL);
  ecart_attribute_list_set_row_func (self->attribute_list, create_row, self);
  update_segment (self);
}

EcartWorkspace *
ecart_proposed_page_get_workspace (EcartProposedPage *self)
{
  g_return_val_if_fail (ECART_IS_PROPOSED_PAGE (self), NULL);
  return self->workspace;
}

void
ecart_proposed_page_set_workspace (EcartProposedPage *self,
                                   EcartWorkspace    *workspace)
{
  g_return_if_fail (ECART_IS_PROPOSED_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  ecart_proposed_page_commit (self);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);

  g_set_object (&self->workspace, workspace);
  ecart_attribute_list_set_workspace (self->attribute_list, workspace);
  ecart_initiative_board_set_workspace (self->board, workspace);

  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "changed", G_CALLBACK (update_summary), self);

  gtk_editable_set_text (GTK_EDITABLE (self->initiative_entry), "");
  set_initiative_error (self, NULL);
  update_segment (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

EcartSegment *
ecart_proposed_page_get_segment (EcartProposedPage *self)
{
  g_return_val_if_fail (ECART_IS_PROPOSED_PAGE (self), NULL);
  return self->segment;
}

/**
 * ecart_proposed_page_set_segment:
 * @segment: (nullable): the segment whose proposed experience is shown
 *
 * What was typed for the previous segment is saved to it first.
 */
void
ecart_proposed_page_set_segment (EcartProposedPage *self,
                                 EcartSegment      *segment)
{
  g_return_if_fail (ECART_IS_PROPOSED_PAGE (self));
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/* Returns: (transfer none) (nullable): the row of @attribute */
GtkWidget *
ecart_proposed_page_get_row (EcartProposedPage *self,
                             EcartAttribute    *attribute)
{
  g_return_val_if_fail (ECART_IS_PROPOSED_PAGE (self), NULL);
  return ecart_attribute_list_get_row (self->attribute_list, attribute);
}

/* Saves what is typed and not saved yet. */
void
ecart_proposed_page_commit (EcartProposedPage *self)
{
  g_return_if_fail (ECART_IS_PROPOSED_PAGE (self));

  if (self->attribute_list != NULL)
    ecart_attribute_list_foreach (self->attribute_list, commit_row, NULL);
}

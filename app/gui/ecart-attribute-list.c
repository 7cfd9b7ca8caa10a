/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-attribute-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-attribute-list.h"
#include "ecart-gui-util.h"

/* EcartAttributeList shows the attributes of a workspace grouped by pillar: one boxed list
 * per pillar, titled with the pillar's name, one row per attribute made by the page's row
 * function. It follows the model: rows are kept per attribute and only moved when the order
 * changes, so a row keeps its focus, what is being typed and its place on screen. When
 * reorderable, rows are dragged within a pillar or to another one. */

typedef struct
{
  EcartPillar *pillar;
  GtkWidget   *group;
  GtkListBox  *list;
} PillarGroup;

struct _EcartAttributeList
{
  GtkWidget              parent_instance;

  EcartWorkspace        *workspace;
  GPtrArray             *groups;
  GHashTable            *rows;
  EcartAttributeRowFunc  row_func;
  gpointer               row_data;
  GtkWidget             *drop_row;
  char                  *placeholder_text;
  gboolean               reorderable;
};

G_DEFINE_FINAL_TYPE (EcartAttributeList, ecart_attribute_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_REORDERABLE,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pillar_group_free (gpointer data)
{
  PillarGroup *group = data;

  g_clear_object (&group->pillar);
  g_free (group);
}

static PillarGroup *
find_group (EcartAttributeList *self,
            gint64              pillar_id)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      PillarGroup *group = g_ptr_array_index (self->groups, i);

      if (ecart_item_get_id (ECART_ITEM (group->pillar)) == pillar_id)
        return group;
    }
  return NULL;
}

static PillarGroup *
find_group_for_list (EcartAttributeList *self,
                     GtkListBox         *list)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      PillarGroup *group = g_ptr_array_index (self->groups, i);

      if (group->list == list)
        return group;
    }
  return NULL;
}

static void
clear_drop_row (EcartAttributeList *self)
{
  if (self->drop_row != NULL)
    {
      gtk_widget_remove_css_class (self->drop_row, "drop-above");
      gtk_widget_remove_css_class (self->drop_row, "drop-below");
      g_clear_object (&self->drop_row);
    }
}

/* Where a drop at @y of @list goes: the index among the rows of @list, and the row to
 * highlight (with whether the line is drawn below it). */
static guint
drop_index (GtkListBox     *list,
            double          y,
            GtkListBoxRow **row_out,
            gboolean       *below_out)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (list, (int)y);
  GtkListBoxRow *last = NULL;
  graphene_rect_t bounds;
  gboolean below;
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    last = gtk_list_box_get_row_at_index (list, n++);

  if (row == NULL)
    {
      /* Under the last row, or on the placeholder of an empty list. */
      if (last != NULL && gtk_widget_compute_bounds (GTK_WIDGET (last), GTK_WIDGET (list), &bounds)
          && y < bounds.origin.y)
        row = gtk_list_box_get_row_at_index (list, 0), below = FALSE;
      else
        row = last, below = TRUE;
    }
  else
    {
      if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds))
        graphene_rect_init (&bounds, 0, 0, 0, 0);
      below = y > bounds.origin.y + bounds.size.height / 2;
    }

  if (row_out != NULL)
    *row_out = row;
  if (below_out != NULL)
    *below_out = below;

  if (row == NULL)
    return 0;
  return gtk_list_box_row_get_index (row) + (below ? 1 : 0);
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget      *target,
                   double              x,
                   double              y,
                   EcartAttributeList *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  GtkListBoxRow *row = NULL;
  gboolean below = FALSE;

  drop_index (list, y, &row, &below);
  if (row == NULL || GTK_WIDGET (row) != self->drop_row
      || gtk_widget_has_css_class (GTK_WIDGET (row), below ? "drop-above" : "drop-below"))
    {
      clear_drop_row (self);
      if (row != NULL)
        {
          self->drop_row = g_object_ref (GTK_WIDGET (row));
          gtk_widget_add_css_class (self->drop_row, below ? "drop-below" : "drop-above");
        }
    }
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget      *target,
                  EcartAttributeList *self)
{
  clear_drop_row (self);
}

/* The index of @attribute among the attributes of its pillar. */
static guint
index_in_pillar (EcartWorkspace *workspace,
                 EcartAttribute *attribute)
{
  GListModel *attributes = ecart_workspace_get_attributes (workspace);
  gint64 pillar_id = ecart_attribute_get_pillar_id (attribute);
  guint index = 0;

  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) other = g_list_model_get_item (attributes, i);

      if (other == attribute)
        break;
      if (ecart_attribute_get_pillar_id (other) == pillar_id)
        index++;
    }
  return index;
}

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            EcartAttributeList *self)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  PillarGroup *group = find_group_for_list (self, list);
  EcartAttribute *attribute;
  g_autoptr(GError) error = NULL;
  guint index;

  clear_drop_row (self);

  if (group == NULL || self->workspace == NULL || !G_VALUE_HOLDS (value, ECART_TYPE_ATTRIBUTE))
    return FALSE;

  attribute = g_value_get_object (value);
  index = drop_index (list, y, NULL, NULL);

  if (ecart_attribute_get_pillar_id (attribute) == ecart_item_get_id (ECART_ITEM (group->pillar)))
    {
      guint current = index_in_pillar (self->workspace, attribute);

      /* Its own place, just above or below itself: nothing moves. */
      if (index == current || index == current + 1)
        return TRUE;
      if (index > current)
        index--;
    }

  if (!ecart_workspace_move_attribute (self->workspace, attribute, group->pillar, index, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not move the attribute"), error);
      return FALSE;
    }
  return TRUE;
}

/* The row a drag source belongs to: it may be on a part of the row only. */
static GtkWidget *
row_of_source (GtkDragSource *source)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (widget == NULL || GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  return gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource      *source,
                    double              x,
                    double              y,
                    EcartAttributeList *self)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkWidget *row = row_of_source (source);
  EcartAttribute *attribute = row != NULL ? g_object_get_data (G_OBJECT (row), "ecart-attribute") : NULL;
  graphene_point_t point;

  if (attribute == NULL || self->workspace == NULL)
    return NULL;

  /* Where the row is held, for the drag icon. */
  if (!gtk_widget_compute_point (area, row, &GRAPHENE_POINT_INIT (x, y), &point))
    graphene_point_init (&point, x, y);
  g_object_set_data (G_OBJECT (row), "ecart-drag-x", GINT_TO_POINTER ((int)point.x));
  g_object_set_data (G_OBJECT (row), "ecart-drag-y", GINT_TO_POINTER ((int)point.y));
  return gdk_content_provider_new_typed (ECART_TYPE_ATTRIBUTE, attribute);
}

static void
on_drag_begin_cb (GtkDragSource      *source,
                  GdkDrag            *drag,
                  EcartAttributeList *self)
{
  GtkWidget *row = row_of_source (source);
  g_autoptr(GdkPaintable) paintable = NULL;

  if (row == NULL)
    return;

  paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable,
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ecart-drag-x")),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ecart-drag-y")));
  gtk_widget_add_css_class (row, "dragged");
}

static void
on_drag_end_cb (GtkDragSource      *source,
                GdkDrag            *drag,
                gboolean            delete_data,
                EcartAttributeList *self)
{
  GtkWidget *row = row_of_source (source);

  if (row != NULL)
    gtk_widget_remove_css_class (row, "dragged");
  clear_drop_row (self);
}

static void
add_drop_target (EcartAttributeList *self,
                 GtkListBox         *list)
{
  GtkDropTarget *target = gtk_drop_target_new (ECART_TYPE_ATTRIBUTE, GDK_ACTION_MOVE);

  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  g_object_set_data (G_OBJECT (list), "ecart-drop-target", target);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (target));
}

/* A row is dragged by the part it names "ecart-drag-area" (its handle and name, say: not
 * the fields, where a drag selects text), or else as a whole. */
static void
add_drag_source (EcartAttributeList *self,
                 GtkWidget          *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkWidget *area = g_object_get_data (G_OBJECT (row), "ecart-drag-area");

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_object_set_data (G_OBJECT (row), "ecart-drag-source", source);
  gtk_widget_add_controller (area != NULL ? area : row, GTK_EVENT_CONTROLLER (source));
}

/* A group's title is markup; a name is text. */
static gboolean
escape_markup (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_take_string (to, g_markup_escape_text (text != NULL ? text : "", -1));
  return TRUE;
}

static void
clear_rows (EcartAttributeList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkWidget *parent = gtk_widget_get_parent (value);

      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), value);
    }
  g_hash_table_remove_all (self->rows);
}

static void
clear_groups (EcartAttributeList *self)
{
  clear_rows (self);
  for (guint i = 0; i < self->groups->len; i++)
    {
      PillarGroup *group = g_ptr_array_index (self->groups, i);

      gtk_widget_unparent (group->group);
    }
  g_ptr_array_set_size (self->groups, 0);
}

/* Rows are ordered by their attribute's place in the model (set by sync_rows). */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  int order_a = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "ecart-order"));
  int order_b = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "ecart-order"));

  return order_a - order_b;
}

static void
sync_groups (EcartAttributeList *self)
{
  GListModel *pillars = ecart_workspace_get_pillars (self->workspace);
  guint n = g_list_model_get_n_items (pillars);
  gboolean same = n == self->groups->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(EcartPillar) pillar = g_list_model_get_item (pillars, i);
      PillarGroup *group = g_ptr_array_index (self->groups, i);

      same = group->pillar == pillar;
    }
  if (same)
    return;

  clear_groups (self);
  for (guint i = 0; i < n; i++)
    {
      PillarGroup *group = g_new0 (PillarGroup, 1);
      GtkWidget *placeholder;

      group->pillar = g_list_model_get_item (pillars, i);
      group->group = adw_preferences_group_new ();
      g_object_bind_property_full (group->pillar, "name", group->group, "title", G_BINDING_SYNC_CREATE,
                                   escape_markup, NULL, NULL, NULL);

      group->list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (group->list, GTK_SELECTION_NONE);
      gtk_list_box_set_sort_func (group->list, sort_rows, NULL, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (group->list), "boxed-list");
      gtk_widget_add_css_class (GTK_WIDGET (group->list), "attribute-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (group->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ecart_item_get_name (ECART_ITEM (group->pillar)), -1);

      placeholder = gtk_label_new (self->placeholder_text != NULL ? self->placeholder_text
                                                                  : _("No attribute in this pillar yet"));
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 18);
      gtk_widget_set_margin_bottom (placeholder, 18);
      gtk_widget_set_margin_start (placeholder, 12);
      gtk_widget_set_margin_end (placeholder, 12);
      gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
      gtk_list_box_set_placeholder (group->list, placeholder);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->group), GTK_WIDGET (group->list));
      gtk_widget_set_parent (group->group, GTK_WIDGET (self));
      if (self->reorderable)
        add_drop_target (self, group->list);
      g_ptr_array_add (self->groups, group);
    }
}

static GtkWidget *
obtain_row (EcartAttributeList *self,
            EcartAttribute     *attribute)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, attribute);

  if (row != NULL || self->row_func == NULL)
    return row;

  row = self->row_func (attribute, self->row_data);
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  g_object_ref_sink (row);
  g_object_set_data_full (G_OBJECT (row), "ecart-attribute", g_object_ref (attribute), g_object_unref);
  if (self->reorderable)
    add_drag_source (self, row);
  g_hash_table_insert (self->rows, g_object_ref (attribute), row);
  return row;
}

static gboolean
restore_focus_cb (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GtkWidget) focus = g_weak_ref_get (ref);

  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Puts every attribute's row in its pillar's list, in the model's order. Rows that stay in
 * their list are sorted, not removed, so they keep the focus; a row moved to another pillar
 * gets it back once the window has laid it out. */
static void
sync_rows (EcartAttributeList *self)
{
  GListModel *attributes = ecart_workspace_get_attributes (self->workspace);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = NULL;
  gboolean focus_moved = FALSE;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (root != NULL && gtk_root_get_focus (root) != NULL
      && gtk_widget_is_ancestor (gtk_root_get_focus (root), GTK_WIDGET (self)))
    focus = gtk_root_get_focus (root);

  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, i);
      PillarGroup *group = find_group (self, ecart_attribute_get_pillar_id (attribute));
      GtkWidget *row;
      GtkWidget *parent;

      if (group == NULL || (row = obtain_row (self, attribute)) == NULL)
        continue;

      g_hash_table_add (seen, attribute);
      g_object_set_data (G_OBJECT (row), "ecart-order", GINT_TO_POINTER (i));
      parent = gtk_widget_get_parent (row);
      if (parent == GTK_WIDGET (group->list))
        continue;

      if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        focus_moved = TRUE;
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), row);
      gtk_list_box_append (group->list, row);
    }

  /* Rows of attributes that went away. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        GtkWidget *parent = gtk_widget_get_parent (value);

        if (GTK_IS_LIST_BOX (parent))
          gtk_list_box_remove (GTK_LIST_BOX (parent), value);
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; i < self->groups->len; i++)
    {
      PillarGroup *group = g_ptr_array_index (self->groups, i);

      gtk_list_box_invalidate_sort (group->list);
    }

  /* A row moved by the keyboard keeps the focus, to be moved again. */
  if (focus_moved)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, focus);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_focus_cb, ref, weak_ref_free);
    }
}

static void
on_pillars_changed_cb (EcartAttributeList *self)
{
  sync_groups (self);
  sync_rows (self);
}

static void
on_attributes_changed_cb (EcartAttributeList *self)
{
  sync_rows (self);
}

static void
ecart_attribute_list_dispose (GObject *object)
{
  EcartAttributeList *self = (EcartAttributeList *)object;

  ecart_attribute_list_set_workspace (self, NULL);
  clear_drop_row (self);
  if (self->groups != NULL)
    clear_groups (self);

  G_OBJECT_CLASS (ecart_attribute_list_parent_class)->dispose (object);
}

static void
ecart_attribute_list_finalize (GObject *object)
{
  EcartAttributeList *self = (EcartAttributeList *)object;

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->placeholder_text, g_free);

  G_OBJECT_CLASS (ecart_attribute_list_parent_class)->finalize (object);
}

static void
ecart_attribute_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EcartAttributeList *self = ECART_ATTRIBUTE_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_REORDERABLE:
      g_value_set_boolean (value, self->reorderable);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_attribute_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EcartAttributeList *self = ECART_ATTRIBUTE_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_attribute_list_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_REORDERABLE:
      ecart_attribute_list_set_reorderable (self, g_value_get_boolean (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      /* Set in the template, before the lists are made. */
      g_free (self->placeholder_text);
      self->placeholder_text = g_value_dup_string (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_attribute_list_class_init (EcartAttributeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_attribute_list_dispose;
  object_class->finalize = ecart_attribute_list_finalize;
  object_class->get_property = ecart_attribute_list_get_property;
  object_class->set_property = ecart_attribute_list_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REORDERABLE] =
    g_param_spec_boolean ("reorderable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What an empty pillar says; set it before the workspace. */
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "attributelist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ecart_attribute_list_init (EcartAttributeList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attributes by pillar"), -1);
  self->groups = g_ptr_array_new_with_free_func (pillar_group_free);
  self->rows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}

GtkWidget *
ecart_attribute_list_new (void)
{
  return g_object_new (ECART_TYPE_ATTRIBUTE_LIST, NULL);
}

EcartWorkspace *
ecart_attribute_list_get_workspace (EcartAttributeList *self)
{
  g_return_val_if_fail (ECART_IS_ATTRIBUTE_LIST (self), NULL);
  return self->workspace;
}

void
ecart_attribute_list_set_workspace (EcartAttributeList *self,
                                    EcartWorkspace     *workspace)
{
  g_return_if_fail (ECART_IS_ATTRIBUTE_LIST (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (ecart_workspace_get_pillars (self->workspace), self);
      g_signal_handlers_disconnect_by_data (ecart_workspace_get_attributes (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      clear_groups (self);
    }

  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (ecart_workspace_get_pillars (workspace), "items-changed",
                                G_CALLBACK (on_pillars_changed_cb), self);
      g_signal_connect_swapped (ecart_workspace_get_attributes (workspace), "items-changed",
                                G_CALLBACK (on_attributes_changed_cb), self);
      /* An attribute moved to another pillar may keep its place in the list. */
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_attributes_changed_cb), self);
      on_pillars_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* The function that makes the row of an attribute; set it before the workspace. */
void
ecart_attribute_list_set_row_func (EcartAttributeList    *self,
                                   EcartAttributeRowFunc  func,
                                   gpointer               user_data)
{
  g_return_if_fail (ECART_IS_ATTRIBUTE_LIST (self));

  self->row_func = func;
  self->row_data = user_data;
}

gboolean
ecart_attribute_list_get_reorderable (EcartAttributeList *self)
{
  g_return_val_if_fail (ECART_IS_ATTRIBUTE_LIST (self), FALSE);
  return self->reorderable;
}

/* Whether rows can be dragged; set it before the workspace. */
void
ecart_attribute_list_set_reorderable (EcartAttributeList *self,
                                      gboolean            reorderable)
{
  g_return_if_fail (ECART_IS_ATTRIBUTE_LIST (self));

  reorderable = !!reorderable;
  if (self->reorderable == reorderable)
    return;

  self->reorderable = reorderable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REORDERABLE]);
}

/* Returns: (transfer none) (nullable): the row of @attribute */
GtkWidget *
ecart_attribute_list_get_row (EcartAttributeList *self,
                              EcartAttribute     *attribute)
{
  g_return_val_if_fail (ECART_IS_ATTRIBUTE_LIST (self), NULL);
  return g_hash_table_lookup (self->rows, attribute);
}

/* Calls @func on every row, in no particular order. */
void
ecart_attribute_list_foreach (EcartAttributeList *self,
                              GFunc               func,
                              gpointer            user_data)
{
  GList *rows;

  g_return_if_fail (ECART_IS_ATTRIBUTE_LIST (self));

  /* @func may save an edit, and the model's reload move rows. */
  rows = g_hash_table_get_values (self->rows);
  for (GList *l = rows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = rows; l != NULL; l = l->next)
    func (l->data, user_data);
  g_list_free_full (rows, g_object_unref);
}

/* Returns: (transfer none) (nullable): the list of the rows of @pillar */
GtkListBox *
ecart_attribute_list_get_list_box (EcartAttributeList *self,
                                   EcartPillar        *pillar)
{
  PillarGroup *group;

  g_return_val_if_fail (ECART_IS_ATTRIBUTE_LIST (self), NULL);
  g_return_val_if_fail (ECART_IS_PILLAR (pillar), NULL);

  group = find_group (self, ecart_item_get_id (ECART_ITEM (pillar)));
  return group != NULL ? group->list : NULL;
}

/* The pillar before (@direction < 0) or after @pillar_id, or NULL. */
static EcartPillar *
neighbour_pillar (EcartWorkspace *workspace,
                  gint64          pillar_id,
                  int             direction)
{
  GListModel *pillars = ecart_workspace_get_pillars (workspace);
  guint n = g_list_model_get_n_items (pillars);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartPillar) pillar = g_list_model_get_item (pillars, i);

      if (ecart_item_get_id (ECART_ITEM (pillar)) != pillar_id)
        continue;
      if (direction < 0 && i > 0)
        return g_list_model_get_item (pillars, i - 1);
      if (direction > 0 && i + 1 < n)
        return g_list_model_get_item (pillars, i + 1);
      return NULL;
    }
  return NULL;
}

static guint
count_in_pillar (EcartWorkspace *workspace,
                 gint64          pillar_id)
{
  GListModel *attributes = ecart_workspace_get_attributes (workspace);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, i);

      if (ecart_attribute_get_pillar_id (attribute) == pillar_id)
        count++;
    }
  return count;
}

/* Whether @attribute can move one place up (@direction < 0) or down: within its pillar, or
 * past its edge to the neighbouring pillar. */
gboolean
ecart_attribute_can_move_by (EcartWorkspace *workspace,
                             EcartAttribute *attribute,
                             int             direction)
{
  gint64 pillar_id;
  guint index;
  g_autoptr(EcartPillar) neighbour = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), FALSE);

  pillar_id = ecart_attribute_get_pillar_id (attribute);
  index = index_in_pillar (workspace, attribute);
  if (direction < 0 && index > 0)
    return TRUE;
  if (direction > 0 && index + 1 < count_in_pillar (workspace, pillar_id))
    return TRUE;
  neighbour = neighbour_pillar (workspace, pillar_id, direction);
  return neighbour != NULL;
}

/* Moves @attribute one place up (@direction < 0) or down, as one edit; at the edge of its
 * pillar it goes to the end (or the start) of the neighbouring one. */
gboolean
ecart_attribute_move_by (EcartWorkspace  *workspace,
                         EcartAttribute  *attribute,
                         int              direction,
                         GError         **error)
{
  gint64 pillar_id;
  guint index;
  guint count;
  g_autoptr(EcartPillar) neighbour = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), FALSE);

  pillar_id = ecart_attribute_get_pillar_id (attribute);
  index = index_in_pillar (workspace, attribute);
  count = count_in_pillar (workspace, pillar_id);

  if ((direction < 0 && index > 0) || (direction > 0 && index + 1 < count))
    return ecart_workspace_move_attribute (workspace, attribute,
                                           ecart_workspace_find_pillar (workspace, pillar_id),
                                           direction < 0 ? index - 1 : index + 1, error);

  neighbour = neighbour_pillar (workspace, pillar_id, direction);
  if (neighbour == NULL)
    return TRUE;
  return ecart_workspace_move_attribute (workspace, attribute, neighbour,
                                         direction < 0 ? count_in_pillar (workspace,
                                                                          ecart_item_get_id (ECART_ITEM (neighbour)))
                                                       : 0,
                                         error);
}

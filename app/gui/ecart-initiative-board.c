/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-initiative-board"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-initiative-board.h"
#include "ecart-initiative-card.h"

/* The initiatives of a workspace on a board: one column per status (idea, planned, in
 * progress, done), four side by side on a wide window, one above the other when narrow.
 * Cards are dragged between and within columns; the keyboard moves them with the card's
 * menu and shortcuts. The columns are filtered views of the workspace's list, so they
 * follow edits, undo and redo. */

#define COLUMN_MIN_WIDTH 200
#define COLUMN_SPACING   12

struct _EcartInitiativeBoard
{
  GtkWidget           parent_instance;

  EcartWorkspace     *workspace;
  GtkWidget          *columns[ECART_N_INITIATIVE_STATUSES];
  GtkListBox         *lists[ECART_N_INITIATIVE_STATUSES];
  GtkLabel           *counts[ECART_N_INITIATIVE_STATUSES];
  GtkCustomFilter    *filters[ECART_N_INITIATIVE_STATUSES];
  GtkFilterListModel *models[ECART_N_INITIATIVE_STATUSES];
  GtkWidget          *drop_row;
  gboolean            stacked;
};

G_DEFINE_FINAL_TYPE (EcartInitiativeBoard, ecart_initiative_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
placeholder_for (EcartInitiativeStatus status)
{
  switch (status)
    {
    case ECART_INITIATIVE_IDEA:
      return _("No idea yet: everyone may propose one");
    case ECART_INITIATIVE_PLANNED:
      return _("Nothing planned yet");
    case ECART_INITIATIVE_IN_PROGRESS:
      return _("Nothing in progress");
    case ECART_INITIATIVE_DONE:
    default:
      return _("Nothing done yet");
    }
}

/* Model ----------------------------------------------------------------------------------- */

/* The place of @initiative among the initiatives of its status. */
guint
ecart_initiative_index_in_status (EcartWorkspace  *workspace,
                                  EcartInitiative *initiative)
{
  GListModel *initiatives;
  guint index = 0;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail (ECART_IS_INITIATIVE (initiative), 0);

  initiatives = ecart_workspace_get_initiatives (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EcartInitiative) other = g_list_model_get_item (initiatives, i);

      if (other == initiative)
        break;
      if (ecart_initiative_get_status (other) == ecart_initiative_get_status (initiative))
        index++;
    }
  return index;
}

guint
ecart_initiative_count_in_status (EcartWorkspace        *workspace,
                                  EcartInitiativeStatus  status)
{
  GListModel *initiatives;
  guint count = 0;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), 0);

  initiatives = ecart_workspace_get_initiatives (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EcartInitiative) other = g_list_model_get_item (initiatives, i);

      if (ecart_initiative_get_status (other) == (int)status)
        count++;
    }
  return count;
}

static gboolean
filter_status (gpointer item,
               gpointer user_data)
{
  return ecart_initiative_get_status (item) == GPOINTER_TO_INT (user_data);
}

static void
update_counts (EcartInitiativeBoard *self)
{
  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->models[i]));
      g_autofree char *text = g_strdup_printf ("%u", n);
      /* Translators: %s is the status of initiatives ("Planned"), %u how many there are */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u initiative",
                                                             "%s: %u initiatives", n),
                                                ecart_initiative_status_get_label (i), n);

      gtk_label_set_label (self->counts[i], text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lists[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
    }
}

static void
on_workspace_changed_cb (EcartInitiativeBoard *self)
{
  /* A status may change without the initiative moving in the workspace's list. */
  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

/* Drag and drop --------------------------------------------------------------------------- */

static void
clear_drop_row (EcartInitiativeBoard *self)
{
  if (self->drop_row != NULL)
    {
      gtk_widget_remove_css_class (self->drop_row, "drop-above");
      gtk_widget_remove_css_class (self->drop_row, "drop-below");
      g_clear_object (&self->drop_row);
    }
}

static int
status_of_column (EcartInitiativeBoard *self,
                  GtkWidget            *column)
{
  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    if (self->columns[i] == column)
      return i;
  return -1;
}

/* The row a drop at @y of @column's list lands next to, and whether below it; the index of
 * the drop among the column's cards. */
static guint
drop_index (GtkListBox     *list,
            GtkWidget      *column,
            double          y,
            GtkListBoxRow **row_out,
            gboolean       *below_out)
{
  graphene_point_t point;
  GtkListBoxRow *row;
  GtkListBoxRow *last = NULL;
  graphene_rect_t bounds;
  gboolean below = TRUE;
  guint n = 0;

  if (!gtk_widget_compute_point (column, GTK_WIDGET (list), &GRAPHENE_POINT_INIT (0, y), &point))
    point.y = y;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    last = gtk_list_box_get_row_at_index (list, n++);

  row = point.y >= 0 ? gtk_list_box_get_row_at_y (list, (int)point.y) : NULL;
  if (row == NULL)
    {
      if (point.y < 0 && n > 0)
        row = gtk_list_box_get_row_at_index (list, 0), below = FALSE;
      else
        row = last, below = TRUE;
    }
  else if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds))
    below = point.y > bounds.origin.y + bounds.size.height / 2;

  if (row_out != NULL)
    *row_out = row;
  if (below_out != NULL)
    *below_out = below;
  if (row == NULL)
    return 0;
  return gtk_list_box_row_get_index (row) + (below ? 1 : 0);
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget        *target,
                   double                x,
                   double                y,
                   EcartInitiativeBoard *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  int status = status_of_column (self, column);
  GtkListBoxRow *row = NULL;
  gboolean below = FALSE;

  if (status < 0)
    return 0;

  drop_index (self->lists[status], column, y, &row, &below);
  if (row == NULL || GTK_WIDGET (row) != self->drop_row
      || !gtk_widget_has_css_class (GTK_WIDGET (row), below ? "drop-below" : "drop-above"))
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
on_drop_leave_cb (GtkDropTarget        *target,
                  EcartInitiativeBoard *self)
{
  clear_drop_row (self);
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            EcartInitiativeBoard *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  int status = status_of_column (self, column);
  EcartInitiative *initiative;
  guint index;

  clear_drop_row (self);

  if (status < 0 || self->workspace == NULL || !G_VALUE_HOLDS (value, ECART_TYPE_INITIATIVE))
    return FALSE;

  initiative = g_value_get_object (value);
  index = drop_index (self->lists[status], column, y, NULL, NULL);

  if (ecart_initiative_get_status (initiative) == status)
    {
      guint current = ecart_initiative_index_in_status (self->workspace, initiative);

      /* Dropped where it is. */
      if (index == current || index == current + 1)
        return TRUE;
      if (index > current)
        index--;
    }

  return ecart_initiative_board_move (self, initiative, status, index);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource        *source,
                    double                x,
                    double                y,
                    EcartInitiativeBoard *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  g_object_set_data (G_OBJECT (card), "ecart-drag-x", GINT_TO_POINTER ((int)x));
  g_object_set_data (G_OBJECT (card), "ecart-drag-y", GINT_TO_POINTER ((int)y));
  return gdk_content_provider_new_typed (ECART_TYPE_INITIATIVE,
                                         ecart_initiative_card_get_initiative (ECART_INITIATIVE_CARD (card)));
}

static void
on_drag_begin_cb (GtkDragSource        *source,
                  GdkDrag              *drag,
                  EcartInitiativeBoard *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, paintable,
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (card), "ecart-drag-x")),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (card), "ecart-drag-y")));
  gtk_widget_add_css_class (card, "dragged");
}

static void
on_drag_end_cb (GtkDragSource        *source,
                GdkDrag              *drag,
                gboolean              delete_data,
                EcartInitiativeBoard *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  /* A card dropped in another column is a new one: this one may be gone. */
  if (card != NULL)
    gtk_widget_remove_css_class (card, "dragged");
  clear_drop_row (self);
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  EcartInitiativeBoard *self = user_data;
  GtkWidget *card = ecart_initiative_card_new (self->workspace, item);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
  return card;
}

static void
on_list_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "card.edit", NULL);
}

/* Layout: four columns when they fit, else one above the other --------------------------- */

static gboolean
is_wide (int width)
{
  return width >= ECART_N_INITIATIVE_STATUSES * COLUMN_MIN_WIDTH
                  + (ECART_N_INITIATIVE_STATUSES - 1) * COLUMN_SPACING;
}

static int
column_width (int width)
{
  return (width - (ECART_N_INITIATIVE_STATUSES - 1) * COLUMN_SPACING) / ECART_N_INITIATIVE_STATUSES;
}

static GtkSizeRequestMode
ecart_initiative_board_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ecart_initiative_board_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  EcartInitiativeBoard *self = ECART_INITIATIVE_BOARD (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int sum = 0;

      for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (self->columns[i], orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          sum += MAX (child_nat, COLUMN_MIN_WIDTH);
        }
      *natural = MAX (*minimum, sum + (ECART_N_INITIATIVE_STATUSES - 1) * COLUMN_SPACING);
      return;
    }

  if (for_size < 0 || is_wide (for_size))
    {
      int width = for_size < 0 ? -1 : column_width (for_size);

      for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (self->columns[i], orientation, width, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
  else
    {
      for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (self->columns[i], orientation, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
      *minimum += (ECART_N_INITIATIVE_STATUSES - 1) * COLUMN_SPACING;
      *natural += (ECART_N_INITIATIVE_STATUSES - 1) * COLUMN_SPACING;
    }
}

static gboolean
notify_stacked_cb (gpointer data)
{
  g_object_notify_by_pspec (data, properties[PROP_STACKED]);
  return G_SOURCE_REMOVE;
}

static void
ecart_initiative_board_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  EcartInitiativeBoard *self = ECART_INITIATIVE_BOARD (widget);
  gboolean stacked = !is_wide (width);

  if (!stacked)
    {
      int column = column_width (width);

      for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
        gtk_widget_size_allocate (self->columns[i],
                                  &(GtkAllocation) { i * (column + COLUMN_SPACING), 0, column, height },
                                  -1);
    }
  else
    {
      int y = 0;

      for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (self->columns[i], GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat,
                              NULL, NULL);
          gtk_widget_size_allocate (self->columns[i], &(GtkAllocation) { 0, y, width, child_nat }, -1);
          y += child_nat + COLUMN_SPACING;
        }
    }

  if (stacked != self->stacked)
    {
      self->stacked = stacked;
      /* Not while laying out: whoever follows it may change sizes. */
      g_idle_add_full (G_PRIORITY_DEFAULT, notify_stacked_cb, g_object_ref (self), g_object_unref);
    }
}

/* GObject --------------------------------------------------------------------------------- */

static void
ecart_initiative_board_dispose (GObject *object)
{
  EcartInitiativeBoard *self = (EcartInitiativeBoard *)object;

  ecart_initiative_board_set_workspace (self, NULL);
  clear_drop_row (self);

  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    {
      g_clear_pointer (&self->columns[i], gtk_widget_unparent);
      g_clear_object (&self->models[i]);
      self->filters[i] = NULL;
    }

  G_OBJECT_CLASS (ecart_initiative_board_parent_class)->dispose (object);
}

static void
ecart_initiative_board_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EcartInitiativeBoard *self = ECART_INITIATIVE_BOARD (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_initiative_board_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EcartInitiativeBoard *self = ECART_INITIATIVE_BOARD (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_initiative_board_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_initiative_board_class_init (EcartInitiativeBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_initiative_board_dispose;
  object_class->get_property = ecart_initiative_board_get_property;
  object_class->set_property = ecart_initiative_board_set_property;

  widget_class->get_request_mode = ecart_initiative_board_get_request_mode;
  widget_class->measure = ecart_initiative_board_measure;
  widget_class->size_allocate = ecart_initiative_board_size_allocate;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the columns are one above the other (a narrow window). */
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "initiativeboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ecart_initiative_board_init (EcartInitiativeBoard *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Initiatives by status"), -1);

  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *title = gtk_label_new (ecart_initiative_status_get_label (i));
      GtkWidget *count = gtk_label_new ("0");
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *placeholder = gtk_label_new (placeholder_for (i));
      GtkDropTarget *target;

      gtk_widget_add_css_class (column, "board-column");
      gtk_widget_add_css_class (column, ecart_initiative_status_to_string (i));

      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (count, "board-count");
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
      gtk_accessible_update_state (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), count);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_set_margin_top (header, 4);
      gtk_box_append (GTK_BOX (column), header);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "initiative-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ecart_initiative_status_get_label (i), -1);
      gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
      gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_add_css_class (placeholder, "board-placeholder");
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
      g_signal_connect (list, "row-activated", G_CALLBACK (on_list_row_activated_cb), self);
      gtk_box_append (GTK_BOX (column), list);

      target = gtk_drop_target_new (ECART_TYPE_INITIATIVE, GDK_ACTION_MOVE);
      g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
      g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
      g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
      g_object_set_data (G_OBJECT (column), "ecart-drop-target", target);
      gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (target));

      gtk_widget_set_parent (column, GTK_WIDGET (self));
      self->columns[i] = column;
      self->lists[i] = GTK_LIST_BOX (list);
      self->counts[i] = GTK_LABEL (count);
      self->filters[i] = gtk_custom_filter_new (filter_status, GINT_TO_POINTER (i), NULL);
      self->models[i] = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filters[i]));
      g_signal_connect_swapped (self->models[i], "items-changed", G_CALLBACK (update_counts), self);
    }
}

GtkWidget *
ecart_initiative_board_new (void)
{
  return g_object_new (ECART_TYPE_INITIATIVE_BOARD, NULL);
}

EcartWorkspace *
ecart_initiative_board_get_workspace (EcartInitiativeBoard *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE_BOARD (self), NULL);
  return self->workspace;
}

void
ecart_initiative_board_set_workspace (EcartInitiativeBoard *self,
                                      EcartWorkspace       *workspace)
{
  g_return_if_fail (ECART_IS_INITIATIVE_BOARD (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);

  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    if (self->lists[i] != NULL)
      gtk_list_box_bind_model (self->lists[i], NULL, NULL, NULL, NULL);

  g_set_object (&self->workspace, workspace);

  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    if (self->models[i] != NULL)
      gtk_filter_list_model_set_model (self->models[i],
                                       workspace != NULL ? ecart_workspace_get_initiatives (workspace)
                                                         : NULL);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self);
      for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
        gtk_list_box_bind_model (self->lists[i], G_LIST_MODEL (self->models[i]), create_card, self, NULL);
    }

  if (self->counts[0] != NULL)
    update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

gboolean
ecart_initiative_board_get_stacked (EcartInitiativeBoard *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE_BOARD (self), FALSE);
  return self->stacked;
}

/* Returns: (transfer none): the column of the cards of @status */
GtkListBox *
ecart_initiative_board_get_list (EcartInitiativeBoard  *self,
                                 EcartInitiativeStatus  status)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE_BOARD (self), NULL);
  g_return_val_if_fail (status < ECART_N_INITIATIVE_STATUSES, NULL);
  return self->lists[status];
}

/* Returns: (transfer none) (nullable): the card of @initiative */
GtkWidget *
ecart_initiative_board_get_card (EcartInitiativeBoard *self,
                                 EcartInitiative      *initiative)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE_BOARD (self), NULL);
  g_return_val_if_fail (ECART_IS_INITIATIVE (initiative), NULL);

  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    for (int j = 0; gtk_list_box_get_row_at_index (self->lists[i], j) != NULL; j++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lists[i], j);

        if (ecart_initiative_card_get_initiative (ECART_INITIATIVE_CARD (row)) == initiative)
          return GTK_WIDGET (row);
      }
  return NULL;
}

typedef struct
{
  GWeakRef         board;
  EcartInitiative *initiative;
} FocusData;

static void
focus_data_free (gpointer data)
{
  FocusData *focus = data;

  g_weak_ref_clear (&focus->board);
  g_clear_object (&focus->initiative);
  g_free (focus);
}

static gboolean
focus_card_cb (gpointer data)
{
  FocusData *focus = data;
  g_autoptr(EcartInitiativeBoard) self = g_weak_ref_get (&focus->board);
  GtkWidget *card;

  if (self != NULL && (card = ecart_initiative_board_get_card (self, focus->initiative)) != NULL)
    gtk_widget_grab_focus (card);
  return G_SOURCE_REMOVE;
}

/* Gives the focus to the card of @initiative once the board is laid out (after a move, the
 * card is a new one, maybe in another column). */
void
ecart_initiative_board_focus_initiative (EcartInitiativeBoard *self,
                                         EcartInitiative      *initiative)
{
  FocusData *focus;

  g_return_if_fail (ECART_IS_INITIATIVE_BOARD (self));
  g_return_if_fail (ECART_IS_INITIATIVE (initiative));

  focus = g_new0 (FocusData, 1);
  g_weak_ref_init (&focus->board, self);
  focus->initiative = g_object_ref (initiative);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_card_cb, focus, focus_data_free);
}

/**
 * ecart_initiative_board_move:
 * @index: the place among the initiatives of @status, without @initiative
 *
 * Moves @initiative (one edit), tells the user if it failed, and keeps the focus on its card
 * when it had it.
 *
 * Returns: whether it was moved
 */
gboolean
ecart_initiative_board_move (EcartInitiativeBoard  *self,
                             EcartInitiative       *initiative,
                             EcartInitiativeStatus  status,
                             guint                 index)
{
  g_autoptr(EcartInitiative) moved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  GtkRoot *root;
  gboolean had_focus;

  g_return_val_if_fail (ECART_IS_INITIATIVE_BOARD (self), FALSE);
  g_return_val_if_fail (ECART_IS_INITIATIVE (initiative), FALSE);

  if (self->workspace == NULL)
    return FALSE;

  moved = g_object_ref (initiative);
  card = ecart_initiative_board_get_card (self, initiative);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  had_focus = card != NULL && root != NULL && gtk_root_get_focus (root) != NULL
              && (gtk_root_get_focus (root) == card || gtk_widget_is_ancestor (gtk_root_get_focus (root), card));

  if (!ecart_workspace_move_initiative (self->workspace, initiative, status, index, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not move the initiative"), error);
      return FALSE;
    }

  if (had_focus)
    ecart_initiative_board_focus_initiative (self, moved);
  return TRUE;
}

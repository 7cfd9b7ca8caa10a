/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-journey-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-item-dialog.h"
#include "ecart-journey-page.h"
#include "ecart-stage-column.h"
#include "ecart-touchpoint-row.h"

/* The customer journey: the stages as columns that read left to right (stacked when the
 * window is narrow), each with its touchpoints. Columns follow the stages' list model and
 * rows their stage's touchpoints, so an edit touches only what it changed; every edit goes
 * through the workspace at once and the keyboard focus stays on what was edited. */

#define NARROW_WIDTH 620
#define COLUMN_WIDTH 280

struct _EcartJourneyPage
{
  GtkWidget       parent_instance;

  EcartWorkspace *workspace;
  GMenu          *channels_menu;
  GMenu          *stages_menu;
  EcartItem      *last_focus;
  GtkWindow      *window;
  gboolean        narrow;
  guint           layout_idle;

  GtkStack       *stack;
  GtkWidget      *empty_page;
  GtkWidget      *journey_box;
  GtkWidget      *toolbar;
  GtkLabel       *summary_label;
  GtkWidget      *buttons_box;
  GtkScrolledWindow *scroller;
  GtkBox         *stages_box;
};

G_DEFINE_FINAL_TYPE (EcartJourneyPage, ecart_journey_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const edit_actions[] = {
  "journey.add-stage",
  "journey.add-touchpoint",
  "journey.add-touchpoint-to",
  "journey.rename-stage",
  "journey.move-stage-earlier",
  "journey.move-stage-later",
  "journey.drop-stage",
  "journey.delete-stage",
  "journey.rename-touchpoint",
  "journey.set-touchpoint-channel",
  "journey.move-touchpoint-up",
  "journey.move-touchpoint-down",
  "journey.move-touchpoint-to-stage",
  "journey.drop-touchpoint",
  "journey.delete-touchpoint",
  "journey.rename",
  "journey.delete",
  "journey.move-left",
  "journey.move-right",
  "journey.move-up",
  "journey.move-down",
};

static int
index_of (GListModel *list,
          gpointer    item)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) current = g_list_model_get_item (list, i);

      if (current == item)
        return (int)i;
    }
  return -1;
}

static EcartStageColumn *
column_for (EcartJourneyPage *self,
            EcartStage       *stage)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ecart_stage_column_get_stage (ECART_STAGE_COLUMN (child)) == stage)
      return ECART_STAGE_COLUMN (child);
  return NULL;
}

static EcartStage *
stage_of (EcartJourneyPage *self,
          EcartTouchpoint  *touchpoint)
{
  return ecart_workspace_find_stage (self->workspace, ecart_touchpoint_get_stage_id (touchpoint));
}

/* The touchpoints of @stage, in order, from its column. */
static GListModel *
touchpoints_of (EcartJourneyPage *self,
                EcartStage       *stage)
{
  EcartStageColumn *column = column_for (self, stage);

  return column != NULL ? ecart_stage_column_get_touchpoints (column) : NULL;
}

/* What the keyboard is on: a touchpoint's row, or else a stage's column. */
static void
focused_item (EcartJourneyPage  *self,
              EcartStage       **stage,
              EcartTouchpoint  **touchpoint)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  *stage = NULL;
  *touchpoint = NULL;
  for (GtkWidget *widget = focus; widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      if (ECART_IS_TOUCHPOINT_ROW (widget) && *touchpoint == NULL)
        *touchpoint = ecart_touchpoint_row_get_touchpoint (ECART_TOUCHPOINT_ROW (widget));
      if (ECART_IS_STAGE_COLUMN (widget))
        {
          *stage = ecart_stage_column_get_stage (ECART_STAGE_COLUMN (widget));
          return;
        }
    }
}

static void
focus_touchpoint (EcartJourneyPage *self,
                  EcartTouchpoint  *touchpoint)
{
  GtkWidget *row = ecart_journey_page_get_row (self, touchpoint);

  if (row != NULL)
    ecart_gui_focus_item (row);
}

static void
focus_stage (EcartJourneyPage *self,
             EcartStage       *stage)
{
  EcartStageColumn *column = column_for (self, stage);

  if (column != NULL)
    ecart_stage_column_focus (column);
}

/* Following the model ------------------------------------------------------------------------ */

static void
update_summary (EcartJourneyPage *self)
{
  guint stages = 0, touchpoints = 0;
  g_autofree char *stages_text = NULL;
  g_autofree char *touchpoints_text = NULL;
  g_autofree char *summary = NULL;

  if (self->workspace != NULL)
    {
      stages = g_list_model_get_n_items (ecart_workspace_get_stages (self->workspace));
      touchpoints = g_list_model_get_n_items (ecart_workspace_get_touchpoints (self->workspace));
    }

  stages_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages", stages),
                                 stages);
  touchpoints_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint",
                                                   "%u touchpoints", touchpoints),
                                      touchpoints);
  /* Translators: "7 stages · 15 touchpoints" */
  summary = g_strdup_printf (_("%s · %s"), stages_text, touchpoints_text);
  gtk_label_set_label (self->summary_label, summary);
  /* The page not shown is hidden too, so that a screen reader does not list its controls. */
  gtk_widget_set_visible (self->empty_page, stages == 0);
  gtk_widget_set_visible (self->journey_box, stages > 0);
  gtk_stack_set_visible_child_name (self->stack, stages > 0 ? "journey" : "empty");
}

static void
renumber_columns (EcartJourneyPage *self)
{
  guint n = 0;
  guint i = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    ecart_stage_column_set_number (ECART_STAGE_COLUMN (child), i++, n);
}

/* The stages, as items of the touchpoints' "Move to Stage" menu. */
static void
update_stages_menu (EcartJourneyPage *self)
{
  GListModel *stages;
  guint n;

  g_menu_remove_all (self->stages_menu);
  if (self->workspace == NULL)
    return;

  stages = ecart_workspace_get_stages (self->workspace);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (ecart_item_get_name (ECART_ITEM (stage)), NULL);

      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              ecart_item_get_id (ECART_ITEM (stage)));

      g_menu_item_set_action_and_target (item, "touchpoint.stage", "s", key);
      g_menu_append_item (self->stages_menu, item);
    }
}

static void
update_channels_menu (EcartJourneyPage *self)
{
  GListModel *channels;
  guint n;

  g_menu_remove_all (self->channels_menu);
  if (self->workspace == NULL)
    return;

  channels = ecart_workspace_get_channels (self->workspace);
  n = g_list_model_get_n_items (channels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartChannel) channel = g_list_model_get_item (channels, i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (ecart_item_get_name (ECART_ITEM (channel)), NULL);

      g_menu_item_set_action_and_target (item, "touchpoint.channel", "s",
                                         ecart_channel_get_key (channel));
      g_menu_append_item (self->channels_menu, item);
    }
}

static void
apply_column_width (EcartJourneyPage *self,
                    GtkWidget        *column)
{
  gtk_widget_set_size_request (column, self->narrow ? -1 : COLUMN_WIDTH, -1);
}

static void
on_stages_changed_cb (GListModel       *list,
                      guint             position,
                      guint             removed,
                      guint             added,
                      EcartJourneyPage *self)
{
  GtkWidget *before = NULL;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box));

  for (guint i = 0; i < position && child != NULL; i++)
    {
      before = child;
      child = gtk_widget_get_next_sibling (child);
    }

  for (guint i = 0; i < removed && child != NULL; i++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->stages_box, child);
      child = next;
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(EcartStage) stage = g_list_model_get_item (list, position + i);
      GtkWidget *column = ecart_stage_column_new (self->workspace, stage,
                                                  G_MENU_MODEL (self->channels_menu),
                                                  G_MENU_MODEL (self->stages_menu));

      apply_column_width (self, column);
      gtk_box_insert_child_after (self->stages_box, column, before);
      before = column;
    }

  renumber_columns (self);
  update_stages_menu (self);
  update_summary (self);
}

static void
remove_columns (EcartJourneyPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box))) != NULL)
    gtk_box_remove (self->stages_box, child);
}

/* The touchpoint or stage the keyboard was last on, to give it the focus back when its row
 * or column is made again (it moved, by an edit or an undo). */
static void
on_focus_widget_cb (EcartJourneyPage *self)
{
  GtkWidget *focus = self->window != NULL ? gtk_window_get_focus (self->window) : NULL;
  EcartTouchpoint *touchpoint;
  EcartStage *stage;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;

  focused_item (self, &stage, &touchpoint);
  g_set_object (&self->last_focus, (touchpoint != NULL ? ECART_ITEM (touchpoint)
                                                       : ECART_ITEM (stage)));
}

static void
restore_focus (EcartJourneyPage *self)
{
  if (self->window == NULL || self->last_focus == NULL || self->workspace == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_window_get_focus (self->window) != NULL)
    return;

  if (ECART_IS_TOUCHPOINT (self->last_focus)
      && ecart_workspace_find_touchpoint (self->workspace, ecart_item_get_id (self->last_focus)))
    focus_touchpoint (self, ECART_TOUCHPOINT (self->last_focus));
  else if (ECART_IS_STAGE (self->last_focus)
           && ecart_workspace_find_stage (self->workspace, ecart_item_get_id (self->last_focus)))
    focus_stage (self, ECART_STAGE (self->last_focus));
}

static void
on_workspace_changed_cb (EcartJourneyPage *self)
{
  /* A touchpoint moved to another stage may keep its place in the workspace's list. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    ecart_stage_column_refilter (ECART_STAGE_COLUMN (child));

  update_stages_menu (self);
  update_summary (self);
  restore_focus (self);
}

/* Narrow windows: the stages one under the other ----------------------------------------------- */

static gboolean
apply_layout_cb (gpointer data)
{
  EcartJourneyPage *self = data;
  GtkOrientation orientation = self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  self->layout_idle = 0;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->stages_box), orientation);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar), orientation);
  gtk_widget_set_halign (GTK_WIDGET (self->stages_box),
                         self->narrow ? GTK_ALIGN_FILL : GTK_ALIGN_START);
  gtk_widget_set_halign (self->buttons_box, self->narrow ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  gtk_box_set_spacing (self->stages_box, self->narrow ? 24 : 12);
  gtk_scrolled_window_set_policy (self->scroller,
                                  self->narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    apply_column_width (self, child);

  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");

  return G_SOURCE_REMOVE;
}

static void
ecart_journey_page_root (GtkWidget *widget)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (ecart_journey_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_swapped (root, "notify::focus-widget",
                                G_CALLBACK (on_focus_widget_cb), self);
    }
}

static void
ecart_journey_page_unroot (GtkWidget *widget)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);

  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->window, on_focus_widget_cb, self);
      self->window = NULL;
    }

  GTK_WIDGET_CLASS (ecart_journey_page_parent_class)->unroot (widget);
}

static void
ecart_journey_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
ecart_journey_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;

  /* Changed after this allocation: a layout change inside one would be ignored. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add (apply_layout_cb, self);
    }

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

/* Name checks -------------------------------------------------------------------------------- */

typedef struct
{
  EcartWorkspace *workspace;
  GListModel     *list;
  EcartItem      *editing;
  const char     *format;
} NameCheck;

static void
name_check_free (gpointer data)
{
  NameCheck *check = data;

  g_clear_object (&check->workspace);
  g_clear_object (&check->editing);
  g_free (check);
}

static char *
check_name (const char *name,
            gpointer    user_data)
{
  NameCheck *check = user_data;
  EcartItem *other;

  if (g_utf8_strlen (name, -1) > 200)
    return g_strdup_printf (_("The name is too long (more than %d characters)"), 200);

  other = ecart_workspace_find_by_name (check->workspace, check->list, name);
  if (other != NULL && other != check->editing)
    return g_strdup_printf (check->format, ecart_item_get_name (other));
  return NULL;
}

static void
set_name_field (EcartJourneyPage *self,
                EcartItemDialog  *dialog,
                const char       *title,
                GListModel       *list,
                EcartItem        *editing)
{
  NameCheck *check = g_new0 (NameCheck, 1);

  check->workspace = g_object_ref (self->workspace);
  check->list = list;
  check->editing = editing != NULL ? g_object_ref (editing) : NULL;
  check->format = list == ecart_workspace_get_stages (self->workspace)
                  ? _("A journey stage named “%s” already exists")
                  : _("A touchpoint named “%s” already exists");

  ecart_item_dialog_set_name_field (dialog, title,
                                    editing != NULL ? ecart_item_get_name (editing) : NULL,
                                    check_name, check, name_check_free);
}

/* Stages ------------------------------------------------------------------------------------- */

static void
on_add_stage_response_cb (EcartItemDialog  *dialog,
                          const char       *response,
                          EcartJourneyPage *self)
{
  g_autoptr(GError) error = NULL;
  EcartStage *stage;

  if (!g_str_equal (response, "apply") || self->workspace == NULL)
    return;

  if ((stage = ecart_workspace_add_stage (self->workspace, ecart_item_dialog_get_name (dialog),
                                          &error)) == NULL)
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not add the stage"), error);
      return;
    }
  focus_stage (self, stage);
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartItemDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = ecart_item_dialog_new (widget, _("Add Stage"), _("_Add"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The stage goes at the end of the journey; "
                                 "move it where it belongs."));
  set_name_field (self, dialog, _("Stage name"), ecart_workspace_get_stages (self->workspace),
                  NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_stage_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_response_cb (EcartItemDialog  *dialog,
                       const char       *response,
                       EcartJourneyPage *self)
{
  EcartItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  if (!g_str_equal (response, "apply") || self->workspace == NULL)
    return;

  name = g_strstrip (g_strdup (ecart_item_dialog_get_name (dialog)));
  if (g_str_equal (name, ecart_item_get_name (item)))
    return;

  if (ECART_IS_STAGE (item))
    ok = ecart_workspace_rename_stage (self->workspace, ECART_STAGE (item), name, &error);
  else
    ok = ecart_workspace_rename_touchpoint (self->workspace, ECART_TOUCHPOINT (item), name, &error);
  if (!ok)
    ecart_gui_show_error (GTK_WIDGET (self),
                           ECART_IS_STAGE (item) ? _("Could not rename the stage")
                                                 : _("Could not rename the touchpoint"),
                           error);
}

static void
rename_item (EcartJourneyPage *self,
             EcartItem        *item)
{
  gboolean is_stage = ECART_IS_STAGE (item);
  EcartItemDialog *dialog;

  dialog = ecart_item_dialog_new (GTK_WIDGET (self),
                                  is_stage ? _("Rename Stage") : _("Rename Touchpoint"),
                                  _("_Rename"));
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  set_name_field (self, dialog, is_stage ? _("Stage name") : _("Touchpoint name"),
                  is_stage ? ecart_workspace_get_stages (self->workspace)
                           : ecart_workspace_get_touchpoints (self->workspace),
                  item);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartStage *stage;

  if (self->workspace != NULL
      && (stage = ecart_workspace_find_stage (self->workspace, g_variant_get_int64 (parameter))))
    rename_item (self, ECART_ITEM (stage));
}

static void
move_stage_to (EcartJourneyPage *self,
               EcartStage       *stage,
               int               index)
{
  GListModel *stages = ecart_workspace_get_stages (self->workspace);
  g_autoptr(GError) error = NULL;

  if (index < 0 || index >= (int)g_list_model_get_n_items (stages)
      || index == index_of (stages, stage))
    return;

  if (!ecart_workspace_move_stage (self->workspace, stage, index, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not move the stage"), error);
      return;
    }
  focus_stage (self, stage);
}

static void
move_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  int delta = g_str_equal (action_name, "journey.move-stage-earlier") ? -1 : 1;
  EcartStage *stage;

  if (self->workspace != NULL
      && (stage = ecart_workspace_find_stage (self->workspace, g_variant_get_int64 (parameter))))
    move_stage_to (self, stage,
                   index_of (ecart_workspace_get_stages (self->workspace), stage) + delta);
}

static void
drop_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartStage *dropped, *target;
  GListModel *stages;
  gint64 dropped_id, target_id;
  gboolean after;
  int from, to;

  g_variant_get (parameter, "(xxb)", &dropped_id, &target_id, &after);
  if (self->workspace == NULL
      || (dropped = ecart_workspace_find_stage (self->workspace, dropped_id)) == NULL
      || (target = ecart_workspace_find_stage (self->workspace, target_id)) == NULL
      || dropped == target)
    return;

  /* The place among the other stages, the dropped one taken out. */
  stages = ecart_workspace_get_stages (self->workspace);
  from = index_of (stages, dropped);
  to = index_of (stages, target) + (after ? 1 : 0);
  if (from < to)
    to--;
  move_stage_to (self, dropped, to);
}

static void
delete_stage (EcartJourneyPage *self,
              EcartStage       *stage,
              EcartDeleteFlags  flags)
{
  GListModel *stages = ecart_workspace_get_stages (self->workspace);
  GListModel *touchpoints = touchpoints_of (self, stage);
  guint n_touchpoints = touchpoints != NULL ? g_list_model_get_n_items (touchpoints) : 0;
  g_autofree char *name = g_strdup (ecart_item_get_name (ECART_ITEM (stage)));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  int index = index_of (stages, stage);
  guint n;

  if (!ecart_workspace_delete_stage (self->workspace, stage, flags, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not delete the stage"), error);
      return;
    }

  if (n_touchpoints > 0)
    /* Translators: a toast, %s is a stage's name */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Stage “%s” and its touchpoint deleted",
                                          "Stage “%s” and its %u touchpoints deleted",
                                          n_touchpoints),
                             name, n_touchpoints);
  else
    /* Translators: a toast, %s is a stage's name */
    title = g_strdup_printf (_("Stage “%s” deleted"), name);
  ecart_gui_toast_undo (GTK_WIDGET (self), title);

  if ((n = g_list_model_get_n_items (stages)) > 0)
    {
      g_autoptr(EcartStage) neighbour = g_list_model_get_item (stages, MIN ((guint)index, n - 1));

      focus_stage (self, neighbour);
    }
}

static void delete_touchpoint (EcartJourneyPage *self,
                               EcartTouchpoint  *touchpoint,
                               EcartDeleteFlags  flags);

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       EcartJourneyPage *self)
{
  EcartItem *item = g_object_get_data (G_OBJECT (dialog), "item");

  if (!g_str_equal (response, "delete") || self->workspace == NULL)
    return;

  if (ECART_IS_STAGE (item)
      && ecart_workspace_find_stage (self->workspace,
                                     ecart_item_get_id (item)) == ECART_STAGE (item))
    delete_stage (self, ECART_STAGE (item), ECART_DELETE_CASCADE);
  else if (ECART_IS_TOUCHPOINT (item)
           && ecart_workspace_find_touchpoint (self->workspace,
                                               ecart_item_get_id (item)) == ECART_TOUCHPOINT (item))
    delete_touchpoint (self, ECART_TOUCHPOINT (item), ECART_DELETE_CASCADE);
}

/* Deleting measurements asks first, even though Undo brings them back. */
static void
confirm_delete (EcartJourneyPage *self,
                EcartItem        *item,
                const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: heading of a confirmation, %s is a stage's or a touchpoint's name */
  heading = g_strdup_printf (_("Delete “%s”?"), ecart_item_get_name (item));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;
  EcartStage *stage;
  gint64 measurements;

  if (self->workspace == NULL
      || !(stage = ecart_workspace_find_stage (self->workspace, g_variant_get_int64 (parameter))))
    return;

  measurements = ecart_workspace_count_measurements (self->workspace, ECART_ITEM (stage));
  if (measurements == 0)
    {
      delete_stage (self, stage, ECART_DELETE_NONE);
      return;
    }

  count = ecart_gui_format_count (measurements);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its touchpoints and the %s measurement taken at them "
                                       "will be deleted with it.",
                                       "Its touchpoints and the %s measurements taken at them "
                                       "will be deleted with it.",
                                       measurements),
                          count);
  confirm_delete (self, ECART_ITEM (stage), body);
}

/* Touchpoints -------------------------------------------------------------------------------- */

static void
on_add_touchpoint_response_cb (EcartItemDialog  *dialog,
                               const char       *response,
                               EcartJourneyPage *self)
{
  g_autoptr(GError) error = NULL;
  EcartTouchpoint *touchpoint;

  if (!g_str_equal (response, "apply") || self->workspace == NULL)
    return;

  touchpoint = ecart_workspace_add_touchpoint (self->workspace,
                                               ecart_item_dialog_get_stage (dialog),
                                               ecart_item_dialog_get_channel (dialog),
                                               ecart_item_dialog_get_name (dialog),
                                               &error);
  if (touchpoint == NULL)
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not add the touchpoint"), error);
      return;
    }
  focus_touchpoint (self, touchpoint);
}

static void
add_touchpoint (EcartJourneyPage *self,
                EcartStage       *stage)
{
  EcartItemDialog *dialog;

  if (self->workspace == NULL
      || g_list_model_get_n_items (ecart_workspace_get_stages (self->workspace)) == 0)
    return;

  dialog = ecart_item_dialog_new (GTK_WIDGET (self), _("Add Touchpoint"), _("_Add"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("A place where customers meet you, through one channel."));
  set_name_field (self, dialog, _("Touchpoint name"),
                  ecart_workspace_get_touchpoints (self->workspace), NULL);
  ecart_item_dialog_set_channels (dialog, ecart_workspace_get_channels (self->workspace), NULL);
  ecart_item_dialog_set_stages (dialog, ecart_workspace_get_stages (self->workspace), stage);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_touchpoint_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_touchpoint_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartStage *stage = NULL;
  EcartTouchpoint *touchpoint;

  if (self->workspace == NULL)
    return;

  if (parameter != NULL)
    stage = ecart_workspace_find_stage (self->workspace, g_variant_get_int64 (parameter));
  else
    focused_item (self, &stage, &touchpoint);
  add_touchpoint (self, stage);
}

static void
rename_touchpoint_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartTouchpoint *touchpoint;

  if (self->workspace != NULL
      && (touchpoint = ecart_workspace_find_touchpoint (self->workspace,
                                                        g_variant_get_int64 (parameter))))
    rename_item (self, ECART_ITEM (touchpoint));
}

static void
set_touchpoint_channel_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  EcartTouchpoint *touchpoint;
  EcartChannel *channel = NULL;
  GListModel *channels;
  const char *key;
  gint64 id;
  guint n;

  g_variant_get (parameter, "(x&s)", &id, &key);
  if (self->workspace == NULL
      || (touchpoint = ecart_workspace_find_touchpoint (self->workspace, id)) == NULL)
    return;

  channels = ecart_workspace_get_channels (self->workspace);
  n = g_list_model_get_n_items (channels);
  for (guint i = 0; i < n && channel == NULL; i++)
    {
      g_autoptr(EcartChannel) candidate = g_list_model_get_item (channels, i);

      if (g_strcmp0 (ecart_channel_get_key (candidate), key) == 0)
        channel = candidate;
    }
  if (channel == NULL
      || ecart_item_get_id (ECART_ITEM (channel)) == ecart_touchpoint_get_channel_id (touchpoint))
    return;

  if (!ecart_workspace_set_touchpoint_channel (self->workspace, touchpoint, channel, &error))
    ecart_gui_show_error (widget, _("Could not change the channel"), error);
}

/* Moves @touchpoint to @stage at @index among the stage's other touchpoints. */
static void
move_touchpoint_to (EcartJourneyPage *self,
                    EcartTouchpoint  *touchpoint,
                    EcartStage       *stage,
                    guint             index)
{
  GListModel *touchpoints = touchpoints_of (self, stage);
  g_autoptr(GError) error = NULL;

  if (stage == stage_of (self, touchpoint) && touchpoints != NULL
      && index_of (touchpoints, touchpoint) == (int)index)
    return;

  if (!ecart_workspace_move_touchpoint (self->workspace, touchpoint, stage, index, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not move the touchpoint"), error);
      return;
    }
  focus_touchpoint (self, touchpoint);
}

static void
move_touchpoint_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  int delta = g_str_equal (action_name, "journey.move-touchpoint-up") ? -1 : 1;
  EcartTouchpoint *touchpoint;
  EcartStage *stage;
  int index;

  if (self->workspace == NULL
      || !(touchpoint = ecart_workspace_find_touchpoint (self->workspace,
                                                         g_variant_get_int64 (parameter)))
      || !(stage = stage_of (self, touchpoint)))
    return;

  index = index_of (touchpoints_of (self, stage), touchpoint) + delta;
  if (index >= 0 && index < (int)g_list_model_get_n_items (touchpoints_of (self, stage)))
    move_touchpoint_to (self, touchpoint, stage, index);
}

static void
move_touchpoint_to_stage_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartTouchpoint *touchpoint;
  EcartStage *stage;
  gint64 touchpoint_id, stage_id;

  g_variant_get (parameter, "(xx)", &touchpoint_id, &stage_id);
  if (self->workspace == NULL
      || !(touchpoint = ecart_workspace_find_touchpoint (self->workspace, touchpoint_id))
      || !(stage = ecart_workspace_find_stage (self->workspace, stage_id))
      || stage == stage_of (self, touchpoint))
    return;

  /* At the end of the stage it goes to. */
  move_touchpoint_to (self, touchpoint, stage,
                      g_list_model_get_n_items (touchpoints_of (self, stage)));
}

static void
drop_touchpoint_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartTouchpoint *touchpoint;
  EcartStage *stage;
  gint64 touchpoint_id, stage_id;
  int index, from;

  g_variant_get (parameter, "(xxi)", &touchpoint_id, &stage_id, &index);
  if (self->workspace == NULL
      || !(touchpoint = ecart_workspace_find_touchpoint (self->workspace, touchpoint_id))
      || !(stage = ecart_workspace_find_stage (self->workspace, stage_id)))
    return;

  /* @index counts the rows with the dragged one; the workspace counts without it. */
  if (stage == stage_of (self, touchpoint)
      && (from = index_of (touchpoints_of (self, stage), touchpoint)) >= 0 && from < index)
    index--;
  move_touchpoint_to (self, touchpoint, stage, MAX (index, 0));
}

static void
delete_touchpoint (EcartJourneyPage *self,
                   EcartTouchpoint  *touchpoint,
                   EcartDeleteFlags  flags)
{
  EcartStage *stage = stage_of (self, touchpoint);
  GListModel *touchpoints = stage != NULL ? touchpoints_of (self, stage) : NULL;
  int index = touchpoints != NULL ? index_of (touchpoints, touchpoint) : -1;
  g_autofree char *name = g_strdup (ecart_item_get_name (ECART_ITEM (touchpoint)));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!ecart_workspace_delete_touchpoint (self->workspace, touchpoint, flags, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not delete the touchpoint"), error);
      return;
    }

  /* Translators: a toast, %s is a touchpoint's name */
  title = g_strdup_printf (_("Touchpoint “%s” deleted"), name);
  ecart_gui_toast_undo (GTK_WIDGET (self), title);

  /* The keyboard goes on with the row that took its place, or the stage. */
  if (touchpoints != NULL && (n = g_list_model_get_n_items (touchpoints)) > 0)
    {
      g_autoptr(EcartTouchpoint) neighbour =
        g_list_model_get_item (touchpoints, MIN ((guint)MAX (index, 0), n - 1));

      focus_touchpoint (self, neighbour);
    }
  else if (stage != NULL)
    focus_stage (self, stage);
}

static void
delete_touchpoint_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;
  EcartTouchpoint *touchpoint;
  gint64 measurements;

  if (self->workspace == NULL
      || !(touchpoint = ecart_workspace_find_touchpoint (self->workspace,
                                                         g_variant_get_int64 (parameter))))
    return;

  measurements = ecart_workspace_count_measurements (self->workspace, ECART_ITEM (touchpoint));
  if (measurements == 0)
    {
      delete_touchpoint (self, touchpoint, ECART_DELETE_NONE);
      return;
    }

  count = ecart_gui_format_count (measurements);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %s measurement taken at this touchpoint will be "
                                       "deleted with it.",
                                       "The %s measurements taken at this touchpoint will be "
                                       "deleted with it.",
                                       measurements),
                          count);
  confirm_delete (self, ECART_ITEM (touchpoint), body);
}

/* The keyboard: on the focused touchpoint, or else the focused stage ------------------------- */

static void
keyboard_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (widget);
  EcartTouchpoint *touchpoint;
  EcartStage *stage;
  const char *verb = action_name + strlen ("journey.");

  if (self->workspace == NULL)
    return;

  focused_item (self, &stage, &touchpoint);

  if (touchpoint != NULL)
    {
      gint64 id = ecart_item_get_id (ECART_ITEM (touchpoint));
      GListModel *stages = ecart_workspace_get_stages (self->workspace);
      int stage_index = index_of (stages, stage_of (self, touchpoint));
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

      if (g_str_equal (verb, "rename"))
        gtk_widget_activate_action (widget, "journey.rename-touchpoint", "x", id);
      else if (g_str_equal (verb, "delete"))
        gtk_widget_activate_action (widget, "journey.delete-touchpoint", "x", id);
      else if (g_str_equal (verb, "move-up"))
        gtk_widget_activate_action (widget, "journey.move-touchpoint-up", "x", id);
      else if (g_str_equal (verb, "move-down"))
        gtk_widget_activate_action (widget, "journey.move-touchpoint-down", "x", id);
      else if (g_str_equal (verb, "show-menu"))
        {
          GtkWidget *row = ecart_journey_page_get_row (self, touchpoint);

          if (row != NULL)
            ecart_touchpoint_row_popup_menu (ECART_TOUCHPOINT_ROW (row));
        }
      else
        {
          /* To the neighbour stage, at the same height when it can. */
          int delta = g_str_equal (verb, "move-left") != rtl ? -1 : 1;
          g_autoptr(EcartStage) target = NULL;
          int index;

          if (stage_index + delta < 0
              || stage_index + delta >= (int)g_list_model_get_n_items (stages))
            return;
          target = g_list_model_get_item (stages, stage_index + delta);
          index = index_of (touchpoints_of (self, stage_of (self, touchpoint)), touchpoint);
          move_touchpoint_to (self, touchpoint, target,
                              MIN ((guint)MAX (index, 0),
                                   g_list_model_get_n_items (touchpoints_of (self, target))));
        }
    }
  else if (stage != NULL)
    {
      gint64 id = ecart_item_get_id (ECART_ITEM (stage));
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

      if (g_str_equal (verb, "rename"))
        gtk_widget_activate_action (widget, "journey.rename-stage", "x", id);
      else if (g_str_equal (verb, "delete"))
        gtk_widget_activate_action (widget, "journey.delete-stage", "x", id);
      else if (g_str_equal (verb, "move-left"))
        gtk_widget_activate_action (widget, rtl ? "journey.move-stage-later"
                                                : "journey.move-stage-earlier", "x", id);
      else if (g_str_equal (verb, "move-right"))
        gtk_widget_activate_action (widget, rtl ? "journey.move-stage-earlier"
                                                : "journey.move-stage-later", "x", id);
      else if (g_str_equal (verb, "show-menu"))
        ecart_stage_column_popup_menu (column_for (self, stage));
    }
}

/* GObject ------------------------------------------------------------------------------------ */

static void
ecart_journey_page_dispose (GObject *object)
{
  EcartJourneyPage *self = (EcartJourneyPage *)object;
  GtkWidget *child;

  ecart_journey_page_set_workspace (self, NULL);
  g_clear_handle_id (&self->layout_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_JOURNEY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->channels_menu);
  g_clear_object (&self->stages_menu);
  g_clear_object (&self->last_focus);

  G_OBJECT_CLASS (ecart_journey_page_parent_class)->dispose (object);
}

static void
ecart_journey_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_journey_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EcartJourneyPage *self = ECART_JOURNEY_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_journey_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_journey_page_class_init (EcartJourneyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_journey_page_dispose;
  object_class->get_property = ecart_journey_page_get_property;
  object_class->set_property = ecart_journey_page_set_property;

  widget_class->root = ecart_journey_page_root;
  widget_class->unroot = ecart_journey_page_unroot;
  widget_class->measure = ecart_journey_page_measure;
  widget_class->size_allocate = ecart_journey_page_size_allocate;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-journey-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, journey_box);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EcartJourneyPage, stages_box);

  gtk_widget_class_install_action (widget_class, "journey.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.add-touchpoint", NULL,
                                   add_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.add-touchpoint-to", "x",
                                   add_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.rename-stage", "x", rename_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.move-stage-earlier", "x",
                                   move_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.move-stage-later", "x",
                                   move_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.drop-stage", "(xxb)", drop_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.delete-stage", "x", delete_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.rename-touchpoint", "x",
                                   rename_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.set-touchpoint-channel", "(xs)",
                                   set_touchpoint_channel_action);
  gtk_widget_class_install_action (widget_class, "journey.move-touchpoint-up", "x",
                                   move_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.move-touchpoint-down", "x",
                                   move_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.move-touchpoint-to-stage", "(xx)",
                                   move_touchpoint_to_stage_action);
  gtk_widget_class_install_action (widget_class, "journey.drop-touchpoint", "(xxi)",
                                   drop_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.delete-touchpoint", "x",
                                   delete_touchpoint_action);
  gtk_widget_class_install_action (widget_class, "journey.rename", NULL, keyboard_action);
  gtk_widget_class_install_action (widget_class, "journey.delete", NULL, keyboard_action);
  gtk_widget_class_install_action (widget_class, "journey.move-left", NULL, keyboard_action);
  gtk_widget_class_install_action (widget_class, "journey.move-right", NULL, keyboard_action);
  gtk_widget_class_install_action (widget_class, "journey.move-up", NULL, keyboard_action);
  gtk_widget_class_install_action (widget_class, "journey.move-down", NULL, keyboard_action);
  gtk_widget_class_install_action (widget_class, "journey.show-menu", NULL, keyboard_action);

  /* On the focused touchpoint, or else the focused stage. Ctrl+Shift+arrows (move) are in the
   * template, caught before the lists' own use of them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "journey.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "journey.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "journey.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "journey.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "journey.show-menu", NULL);
}

static void
ecart_journey_page_init (EcartJourneyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->channels_menu = g_menu_new ();
  self->stages_menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], FALSE);
  update_summary (self);
}

EcartWorkspace *
ecart_journey_page_get_workspace (EcartJourneyPage *self)
{
  g_return_val_if_fail (ECART_IS_JOURNEY_PAGE (self), NULL);
  return self->workspace;
}

/**
 * ecart_journey_page_set_workspace:
 * @workspace: (nullable): the workspace whose journey the page shows
 */
void
ecart_journey_page_set_workspace (EcartJourneyPage *self,
                                  EcartWorkspace   *workspace)
{
  gboolean editable;

  g_return_if_fail (ECART_IS_JOURNEY_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (ecart_workspace_get_stages (self->workspace), self);
      remove_columns (self);
    }

  g_set_object (&self->workspace, workspace);
  update_channels_menu (self);
  update_stages_menu (self);

  if (workspace != NULL)
    {
      GListModel *stages = ecart_workspace_get_stages (workspace);

      g_signal_connect (stages, "items-changed", G_CALLBACK (on_stages_changed_cb), self);
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self);
      on_stages_changed_cb (stages, 0, 0, g_list_model_get_n_items (stages), self);
    }

  editable = workspace != NULL && !ecart_workspace_is_read_only (workspace);
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], editable);

  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * ecart_journey_page_get_column:
 *
 * Returns: (transfer none) (nullable): the column of @stage
 */
GtkWidget *
ecart_journey_page_get_column (EcartJourneyPage *self,
                               EcartStage       *stage)
{
  g_return_val_if_fail (ECART_IS_JOURNEY_PAGE (self), NULL);
  return GTK_WIDGET (column_for (self, stage));
}

/**
 * ecart_journey_page_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @touchpoint
 */
GtkWidget *
ecart_journey_page_get_row (EcartJourneyPage *self,
                            EcartTouchpoint  *touchpoint)
{
  EcartStageColumn *column;

  g_return_val_if_fail (ECART_IS_JOURNEY_PAGE (self), NULL);

  if (self->workspace == NULL || touchpoint == NULL
      || (column = column_for (self, stage_of (self, touchpoint))) == NULL)
    return NULL;
  return ecart_stage_column_get_row (column, touchpoint);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-portfolio-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-gui-util.h"
#include "ecart-item-dialog.h"
#include "ecart-gap-table.h"
#include "ecart-portfolio-page.h"
#include "ecart-segment-card.h"

/* The portfolio: the segments as cards, in their order. The cards follow the segments'
 * list model (a card is made only for a new segment); every edit goes through the
 * workspace at once. The card clicked becomes the window's segment, which every page
 * follows. */

struct _EcartPortfolioPage
{
  GtkWidget       parent_instance;

  EcartWorkspace *workspace;
  EcartSegment   *segment;
  EcartGapTable  *gaps;     /* for the cards' NPS and worst gap; NULL until needed */
  GSettings      *settings; /* the preferences' confidence, minimum n and Holm */

  GtkStack       *stack;
  GtkWidget      *empty_page;
  GtkWidget      *scroller;
  GtkLabel       *summary_label;
  GtkFlowBox     *flow_box;
};

G_DEFINE_FINAL_TYPE (EcartPortfolioPage, ecart_portfolio_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SEGMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const edit_actions[] = {
  "portfolio.add-segment",
  "portfolio.rename-segment",
  "portfolio.describe-segment",
  "portfolio.recolor-segment",
  "portfolio.set-segment-color",
  "portfolio.move-segment-left",
  "portfolio.move-segment-right",
  "portfolio.drop-segment",
  "portfolio.duplicate-segment",
  "portfolio.delete-segment",
};

static EcartSegmentCard *
card_at (EcartPortfolioPage *self,
         int                 index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, index);

  return child != NULL ? ECART_SEGMENT_CARD (gtk_flow_box_child_get_child (child)) : NULL;
}

static GtkFlowBoxChild *
child_for (EcartPortfolioPage *self,
           EcartSegment       *segment)
{
  GtkFlowBoxChild *child;

  if (segment == NULL)
    return NULL;
  for (int i = 0; (child = gtk_flow_box_get_child_at_index (self->flow_box, i)) != NULL; i++)
    if (ecart_segment_card_get_segment (card_at (self, i)) == segment)
      return child;
  return NULL;
}

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

/* The segment the keyboard is on: the focused card's, or else the selected one. */
static EcartSegment *
current_segment (EcartPortfolioPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      if (ECART_IS_SEGMENT_CARD (widget))
        return ecart_segment_card_get_segment (ECART_SEGMENT_CARD (widget));
      if (GTK_IS_FLOW_BOX_CHILD (widget)
          && ECART_IS_SEGMENT_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (widget))))
        return ecart_segment_card_get_segment (
                 ECART_SEGMENT_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (widget))));
    }
  return self->segment;
}

static EcartSegment *
segment_from_id (EcartPortfolioPage *self,
                 gint64              id)
{
  if (self->workspace == NULL)
    return NULL;
  return id == 0 ? current_segment (self) : ecart_workspace_find_segment (self->workspace, id);
}

static void
select_segment (EcartPortfolioPage *self,
                EcartSegment       *segment)
{
  EcartWindow *window = ecart_gui_get_window (GTK_WIDGET (self));

  if (window != NULL)
    ecart_window_set_segment (window, segment);
  else
    ecart_portfolio_page_set_segment (self, segment);
}

static void
focus_segment (EcartPortfolioPage *self,
               EcartSegment       *segment)
{
  GtkFlowBoxChild *child = child_for (self, segment);

  if (child != NULL)
    ecart_gui_focus_item (GTK_WIDGET (child));
}

/* Figures ------------------------------------------------------------------------------------ */

static void
compute_figures (EcartPortfolioPage  *self,
                 EcartSegment        *segment,
                 EcartSegmentFigures *figures)
{
  GListModel *attributes = ecart_workspace_get_attributes (self->workspace);
  guint n = g_list_model_get_n_items (attributes);

  GListModel *rows = NULL;
  const EcartNps *nps = NULL;

  *figures = (EcartSegmentFigures) {
    .attributes = n,
    .respondents = ecart_workspace_count_respondents (self->workspace, segment),
    .nps = NAN,
    .worst_gap = NAN,
  };

  /* All waves, with the preferences: the engine reads only aggregates. */
  if (self->gaps == NULL)
    {
      g_autoptr(EcartGapOptions) options = ecart_gui_new_gap_options (self->settings);

      self->gaps = ecart_gap_table_new (self->workspace, options, NULL);
    }

  if (self->gaps != NULL)
    {
      nps = ecart_gap_table_get_nps (self->gaps, segment, NULL);
      if (nps != NULL && nps->n > 0 && !nps->insufficient)
        figures->nps = nps->nps;

      /* The worst delivery gap (Lived − Desired: did customers live what was wanted?)
       * among the attributes measured enough. */
      rows = ecart_gap_table_get_segment_rows (self->gaps, segment);
      for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
          const EcartGap *gap = ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY);

          if (gap == NULL || isnan (gap->value) || gap->insufficient)
            continue;
          if (isnan (figures->worst_gap) || gap->value < figures->worst_gap)
            {
              figures->worst_gap = gap->value;
              figures->worst_gap_attribute =
                ecart_item_get_name (ECART_ITEM (ecart_gap_row_get_attribute (row)));
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, i);
      EcartExperience *experience = ecart_workspace_get_experience (self->workspace, segment,
                                                                    attribute);

      if (!isnan (ecart_experience_get_desired_target (experience)))
        figures->targets_set++;
    }
}

static void
update_card_figures (EcartPortfolioPage *self,
                     EcartSegmentCard   *card)
{
  EcartSegmentFigures figures;

  compute_figures (self, ecart_segment_card_get_segment (card), &figures);
  ecart_segment_card_set_figures (card, &figures);
}

static void
update_all_figures (EcartPortfolioPage *self)
{
  EcartSegmentCard *card;

  g_clear_object (&self->gaps);

  for (int i = 0; (card = card_at (self, i)) != NULL; i++)
    update_card_figures (self, card);
}

/* Following the model ------------------------------------------------------------------------ */

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  EcartPortfolioPage *self = user_data;
  GtkWidget *card = ecart_segment_card_new (item);

  update_card_figures (self, ECART_SEGMENT_CARD (card));
  return card;
}

static void
sync_selection (EcartPortfolioPage *self)
{
  GtkFlowBoxChild *child = child_for (self, self->segment);

  if (child == NULL)
    gtk_flow_box_unselect_all (self->flow_box);
  else if (!gtk_flow_box_child_is_selected (child))
    gtk_flow_box_select_child (self->flow_box, child);
}

static void
update_summary (EcartPortfolioPage *self)
{
  guint n = 0;
  EcartSegmentCard *card;
  g_autofree char *summary = NULL;

  if (self->workspace != NULL)
    n = g_list_model_get_n_items (ecart_workspace_get_segments (self->workspace));

  /* Translators: the heading of the portfolio page */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Segment", "%u Segments", n), n);
  gtk_label_set_label (self->summary_label, summary);
  /* The page not shown is hidden too, so that a screen reader does not list its controls. */
  gtk_widget_set_visible (self->empty_page, n == 0);
  gtk_widget_set_visible (self->scroller, n > 0);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "cards" : "empty");

  for (int i = 0; (card = card_at (self, i)) != NULL; i++)
    ecart_segment_card_set_movable (card, i > 0, (guint)i + 1 < n);
}

/* A card made again (its segment moved, by an edit or an undo) takes back the focus the
 * one it replaced had: the window is left with no focus at all. */
static void
restore_focus (EcartPortfolioPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && gtk_widget_get_mapped (GTK_WIDGET (self))
      && gtk_root_get_focus (root) == NULL)
    focus_segment (self, self->segment);
}

static void
on_segments_changed_cb (GListModel         *list,
                        guint               position,
                        guint               removed,
                        guint               added,
                        EcartPortfolioPage *self)
{
  update_summary (self);
  sync_selection (self);
  restore_focus (self);
}

static void
on_flow_box_selected_children_changed_cb (EcartPortfolioPage *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->flow_box);
  EcartSegment *segment;

  if (selected == NULL)
    return;

  segment = ecart_segment_card_get_segment (
              ECART_SEGMENT_CARD (gtk_flow_box_child_get_child (selected->data)));
  if (segment != self->segment)
    select_segment (self, segment);
}

/* Edits -------------------------------------------------------------------------------------- */

static char *
check_segment_name (const char *name,
                    gpointer    user_data)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (g_object_get_data (user_data, "page"));
  EcartSegment *editing = g_object_get_data (user_data, "segment");
  EcartItem *other;

  if (self->workspace == NULL)
    return NULL;
  if (g_utf8_strlen (name, -1) > 200)
    return g_strdup_printf (_("The name is too long (more than %d characters)"), 200);

  other = ecart_workspace_find_by_name (self->workspace,
                                        ecart_workspace_get_segments (self->workspace), name);
  if (other != NULL && other != ECART_ITEM (editing))
    return g_strdup_printf (_("A segment named “%s” already exists"),
                            ecart_item_get_name (other));
  return NULL;
}

/* The name check reads the page and the segment renamed from this holder. */
static GObject *
name_check_data (EcartPortfolioPage *self,
                 EcartSegment       *segment)
{
  GObject *data = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (data, "page", g_object_ref (self), g_object_unref);
  if (segment != NULL)
    g_object_set_data_full (data, "segment", g_object_ref (segment), g_object_unref);
  return data;
}

static void
on_add_response_cb (EcartItemDialog    *dialog,
                    const char         *response,
                    EcartPortfolioPage *self)
{
  g_autoptr(GError) error = NULL;
  EcartSegment *segment;

  if (!g_str_equal (response, "apply") || self->workspace == NULL)
    return;

  segment = ecart_workspace_add_segment (self->workspace, ecart_item_dialog_get_name (dialog),
                                         &error);
  if (segment == NULL)
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not add the segment"), error);
      return;
    }
  select_segment (self, segment);
  focus_segment (self, segment);
}

static void
add_segment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartItemDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = ecart_item_dialog_new (widget, _("Add Segment"), _("_Add"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("A group of customers who should live the same experience."));
  ecart_item_dialog_set_name_field (dialog, _("Segment name"), NULL, check_segment_name,
                                    name_check_data (self, NULL), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_response_cb (EcartItemDialog    *dialog,
                       const char         *response,
                       EcartPortfolioPage *self)
{
  EcartSegment *segment = g_object_get_data (G_OBJECT (dialog), "segment");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "apply") || self->workspace == NULL)
    return;

  name = g_strstrip (g_strdup (ecart_item_dialog_get_name (dialog)));
  if (g_str_equal (name, ecart_item_get_name (ECART_ITEM (segment))))
    return;
  if (!ecart_workspace_rename_segment (self->workspace, segment, name, &error))
    ecart_gui_show_error (GTK_WIDGET (self), _("Could not rename the segment"), error);
}

static void
rename_segment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  EcartItemDialog *dialog;

  if (segment == NULL)
    return;

  dialog = ecart_item_dialog_new (widget, _("Rename Segment"), _("_Rename"));
  g_object_set_data_full (G_OBJECT (dialog), "segment", g_object_ref (segment), g_object_unref);
  ecart_item_dialog_set_name_field (dialog, _("Segment name"),
                                    ecart_item_get_name (ECART_ITEM (segment)),
                                    check_segment_name, name_check_data (self, segment),
                                    g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_describe_response_cb (EcartItemDialog    *dialog,
                         const char         *response,
                         EcartPortfolioPage *self)
{
  EcartSegment *segment = g_object_get_data (G_OBJECT (dialog), "segment");
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (!g_str_equal (response, "apply") || self->workspace == NULL)
    return;

  description = ecart_item_dialog_dup_description (dialog);
  if (g_strcmp0 (description, ecart_segment_get_description (segment)) == 0
      || (description[0] == '\0' && ecart_segment_get_description (segment) == NULL))
    return;
  if (!ecart_workspace_set_segment_description (self->workspace, segment, description, &error))
    ecart_gui_show_error (GTK_WIDGET (self), _("Could not change the description"), error);
}

static void
describe_segment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  EcartItemDialog *dialog;
  g_autofree char *heading = NULL;

  if (segment == NULL)
    return;

  /* Translators: heading of the dialog that edits a segment's description */
  heading = g_strdup_printf (_("Description of “%s”"),
                             ecart_item_get_name (ECART_ITEM (segment)));
  dialog = ecart_item_dialog_new (widget, heading, _("_Save"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Who these customers are, what they come for, "
                                 "what they care about."));
  g_object_set_data_full (G_OBJECT (dialog), "segment", g_object_ref (segment), g_object_unref);
  ecart_item_dialog_set_description (dialog, _("Segment description"),
                                     ecart_segment_get_description (segment));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_describe_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
recolor_segment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  GtkFlowBoxChild *child = child_for (self, segment);

  if (child != NULL)
    ecart_segment_card_popup_colors (ECART_SEGMENT_CARD (gtk_flow_box_child_get_child (child)));
}

static void
set_segment_color_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *color;
  EcartSegment *segment;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &color);
  if ((segment = segment_from_id (self, id)) == NULL
      || (ecart_segment_get_color (segment) != NULL
          && g_ascii_strcasecmp (color, ecart_segment_get_color (segment)) == 0))
    return;

  if (!ecart_workspace_set_segment_color (self->workspace, segment, color, &error))
    ecart_gui_show_error (widget, _("Could not change the colour"), error);
}

static void
move_segment_to (EcartPortfolioPage *self,
                 EcartSegment       *segment,
                 int                 index)
{
  GListModel *segments = ecart_workspace_get_segments (self->workspace);
  g_autoptr(GError) error = NULL;
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->flow_box)) != NULL;

  if (index < 0 || index >= (int)g_list_model_get_n_items (segments)
      || index == index_of (segments, segment))
    return;

  if (!ecart_workspace_move_segment (self->workspace, segment, index, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not move the segment"), error);
      return;
    }
  select_segment (self, segment);
  if (had_focus)
    focus_segment (self, segment);
}

static void
move_segment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  int delta = g_str_equal (action_name, "portfolio.move-segment-left") ? -1 : 1;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;
  if (segment != NULL)
    move_segment_to (self, segment,
                     index_of (ecart_workspace_get_segments (self->workspace), segment) + delta);
}

static void
drop_segment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  GListModel *segments;
  EcartSegment *dropped;
  EcartSegment *target;
  gint64 dropped_id, target_id;
  gboolean after;
  int from, to;

  g_variant_get (parameter, "(xxb)", &dropped_id, &target_id, &after);
  if (self->workspace == NULL
      || (dropped = ecart_workspace_find_segment (self->workspace, dropped_id)) == NULL
      || (target = ecart_workspace_find_segment (self->workspace, target_id)) == NULL
      || dropped == target)
    return;

  /* The place among the other segments, the dropped one taken out. */
  segments = ecart_workspace_get_segments (self->workspace);
  from = index_of (segments, dropped);
  to = index_of (segments, target) + (after ? 1 : 0);
  if (from < to)
    to--;
  move_segment_to (self, dropped, to);
}

static void
duplicate_segment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  EcartSegment *copy;

  if (segment == NULL)
    return;

  if ((copy = ecart_workspace_duplicate_segment (self->workspace, segment, &error)) == NULL)
    {
      ecart_gui_show_error (widget, _("Could not duplicate the segment"), error);
      return;
    }
  select_segment (self, copy);
  focus_segment (self, copy);
}

static void
delete_segment (EcartPortfolioPage *self,
                EcartSegment       *segment,
                EcartDeleteFlags    flags)
{
  GListModel *segments = ecart_workspace_get_segments (self->workspace);
  g_autofree char *name = g_strdup (ecart_item_get_name (ECART_ITEM (segment)));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_selected = segment == self->segment;
  int index = index_of (segments, segment);
  guint n;

  if (!ecart_workspace_delete_segment (self->workspace, segment, flags, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not delete the segment"), error);
      return;
    }

  /* Translators: a toast, %s is a segment's name */
  title = g_strdup_printf (_("Segment “%s” deleted"), name);
  ecart_gui_toast_undo (GTK_WIDGET (self), title);

  /* The keyboard goes on with the card that took its place. */
  if ((n = g_list_model_get_n_items (segments)) > 0)
    {
      g_autoptr(EcartSegment) neighbour = NULL;

      neighbour = g_list_model_get_item (segments, MIN ((guint)index, n - 1));

      if (was_selected)
        select_segment (self, neighbour);
      focus_segment (self, neighbour);
    }
}

static void
on_delete_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       EcartPortfolioPage *self)
{
  EcartSegment *segment = g_object_get_data (G_OBJECT (dialog), "segment");

  if (g_str_equal (response, "delete") && self->workspace != NULL
      && ecart_workspace_find_segment (self->workspace,
                                       ecart_item_get_id (ECART_ITEM (segment))) == segment)
    delete_segment (self, segment, ECART_DELETE_CASCADE);
}

static void
delete_segment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;
  AdwMessageDialog *dialog;
  gint64 respondents;

  if (segment == NULL)
    return;

  respondents = ecart_workspace_count_respondents (self->workspace, segment);
  if (respondents == 0)
    {
      delete_segment (self, segment, ECART_DELETE_NONE);
      return;
    }

  /* Deleting measured answers asks first, even though Undo brings them back. */
  /* Translators: heading of a confirmation, %s is a segment's name */
  heading = g_strdup_printf (_("Delete “%s”?"), ecart_item_get_name (ECART_ITEM (segment)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, NULL));
  count = g_strdup_printf ("%'" G_GINT64_FORMAT, respondents);
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The answers of %s respondent to the surveys "
                                               "of this segment will be deleted with it.",
                                               "The answers of %s respondents to the surveys "
                                               "of this segment will be deleted with it.",
                                               respondents),
                                  count);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "segment", g_object_ref (segment), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (widget);
  EcartSegment *segment = segment_from_id (self, g_variant_get_int64 (parameter));
  GtkFlowBoxChild *child = child_for (self, segment);

  if (child != NULL)
    ecart_segment_card_popup_menu (ECART_SEGMENT_CARD (gtk_flow_box_child_get_child (child)));
}

/* GObject ------------------------------------------------------------------------------------ */

static void
ecart_portfolio_page_dispose (GObject *object)
{
  EcartPortfolioPage *self = (EcartPortfolioPage *)object;
  GtkWidget *child;

  ecart_portfolio_page_set_workspace (self, NULL);
  g_clear_object (&self->segment);
  g_clear_object (&self->gaps);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_PORTFOLIO_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ecart_portfolio_page_parent_class)->dispose (object);
}

static void
ecart_portfolio_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_portfolio_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EcartPortfolioPage *self = ECART_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_portfolio_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_portfolio_page_set_segment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_portfolio_page_class_init (EcartPortfolioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_portfolio_page_dispose;
  object_class->get_property = ecart_portfolio_page_get_property;
  object_class->set_property = ecart_portfolio_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_SEGMENT_CARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-portfolio-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartPortfolioPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartPortfolioPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EcartPortfolioPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EcartPortfolioPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EcartPortfolioPage, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, on_flow_box_selected_children_changed_cb);

  gtk_widget_class_install_action (widget_class, "portfolio.add-segment", NULL, add_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.rename-segment", "x",
                                   rename_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.describe-segment", "x",
                                   describe_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.recolor-segment", "x",
                                   recolor_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.set-segment-color", "(xs)",
                                   set_segment_color_action);
  gtk_widget_class_install_action (widget_class, "portfolio.move-segment-left", "x",
                                   move_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.move-segment-right", "x",
                                   move_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.drop-segment", "(xxb)",
                                   drop_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.duplicate-segment", "x",
                                   duplicate_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.delete-segment", "x",
                                   delete_segment_action);
  gtk_widget_class_install_action (widget_class, "portfolio.show-menu", "x", show_menu_action);

  /* On the segment of the focused card (or the selected one): an id of 0. Ctrl+Shift+←/→
   * (move) are in the template, caught before the flow box's own use of them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0,
                                       "portfolio.rename-segment", "x", (gint64)0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "portfolio.delete-segment", "x", (gint64)0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "portfolio.delete-segment", "x", (gint64)0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "portfolio.duplicate-segment", "x", (gint64)0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "portfolio.show-menu", "x", (gint64)0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "portfolio.show-menu", "x", (gint64)0);
}

static void
on_settings_changed_cb (GSettings          *settings,
                        const char         *key,
                        EcartPortfolioPage *self)
{
  if (ecart_gui_is_gap_setting (key) && self->workspace != NULL)
    update_all_figures (self);
}

static void
ecart_portfolio_page_init (EcartPortfolioPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], FALSE);
  update_summary (self);
}

EcartWorkspace *
ecart_portfolio_page_get_workspace (EcartPortfolioPage *self)
{
  g_return_val_if_fail (ECART_IS_PORTFOLIO_PAGE (self), NULL);
  return self->workspace;
}

/**
 * ecart_portfolio_page_set_workspace:
 * @workspace: (nullable): the workspace whose segments the page shows
 */
void
ecart_portfolio_page_set_workspace (EcartPortfolioPage *self,
                                    EcartWorkspace     *workspace)
{
  gboolean editable;

  g_return_if_fail (ECART_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (ecart_workspace_get_segments (self->workspace), self);
      gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->gaps);

  if (workspace != NULL)
    {
      GListModel *segments = ecart_workspace_get_segments (workspace);

      gtk_flow_box_bind_model (self->flow_box, segments, create_card_cb, self, NULL);
      /* After the flow box's own handler: the cards exist when this runs. */
      g_signal_connect (segments, "items-changed", G_CALLBACK (on_segments_changed_cb), self);
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (update_all_figures), self);
    }

  editable = workspace != NULL && !ecart_workspace_is_read_only (workspace);
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], editable);

  update_summary (self);
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

EcartSegment *
ecart_portfolio_page_get_segment (EcartPortfolioPage *self)
{
  g_return_val_if_fail (ECART_IS_PORTFOLIO_PAGE (self), NULL);
  return self->segment;
}

/**
 * ecart_portfolio_page_set_segment:
 * @segment: (nullable): the selected segment, whose card is shown selected
 */
void
ecart_portfolio_page_set_segment (EcartPortfolioPage *self,
                                  EcartSegment       *segment)
{
  g_return_if_fail (ECART_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (!g_set_object (&self->segment, segment))
    return;

  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/**
 * ecart_portfolio_page_get_card:
 *
 * Returns: (transfer none) (nullable): the card of @segment
 */
GtkWidget *
ecart_portfolio_page_get_card (EcartPortfolioPage *self,
                               EcartSegment       *segment)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (ECART_IS_PORTFOLIO_PAGE (self), NULL);

  child = child_for (self, segment);
  return child != NULL ? gtk_flow_box_child_get_child (child) : NULL;
}

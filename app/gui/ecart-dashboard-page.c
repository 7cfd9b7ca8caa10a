/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ecart-dashboard-page.h"
#include "ecart-drill-down-dialog.h"
#include "ecart-drill-down.h"
#include "ecart-gui-util.h"
#include "ecart-initiative-dialog.h"
#include "ecart-window.h"

/* Step 4 of the method, Measure and Steer: the charts of the selected segment (or of every
 * segment side by side), filtered by wave, touchpoint and gap, with the confidence level,
 * minimum n and Holm correction of the preferences; and the Actions: the largest
 * significant gaps of each segment, the detractors to call back and the promoters.
 *
 * Everything shown is computed in a GTask on its own read-only connection (the gap table
 * reads aggregates, so it takes milliseconds even on millions of measurements, but the main
 * loop never waits for the disk); a spinner turns meanwhile, the charts already shown stay,
 * and a result that a newer request has overtaken is dropped. */

#define MAX_RESPONDENTS  20
#define N_LARGEST_GAPS   3

/* The charts, in the order a manager reads them: where the gaps are, the whole profile,
 * recommendation, priorities, progress, then the journey. */
static const EcartChartKind kind_order[ECART_CHART_N_KINDS] = {
  ECART_CHART_GAP_BARS,
  ECART_CHART_PROFILE,
  ECART_CHART_NPS,
  ECART_CHART_MATRIX,
  ECART_CHART_TRENDS,
  ECART_CHART_JOURNEY,
  ECART_CHART_HEATMAP,
  ECART_CHART_RADAR,
};

struct _EcartDashboardPage
{
  GtkWidget            parent_instance;

  EcartWorkspace      *workspace;
  EcartSegment        *segment;
  GSettings           *settings;

  GArray              *wave_ids;        /* of the wave drop-down's items after "All waves" */
  GArray              *touchpoint_ids;  /* likewise */
  gboolean             filling;         /* the drop-downs are being refilled */

  guint                generation;
  gboolean             disposed;
  gboolean             dirty;           /* to compute when next shown */
  GCancellable        *cancellable;
  gboolean             computing;
  EcartGapTable       *table;           /* of the charts shown */
  GPtrArray           *cards;           /* EcartChartCard, in order */
  GArray              *card_keys;       /* CardKey of each card */

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *segment_dot;
  GtkLabel            *segment_label;
  GtkSpinner          *spinner;
  GtkDropDown         *wave_dropdown;
  GtkStringList       *wave_names;
  GtkDropDown         *touchpoint_dropdown;
  GtkStringList       *touchpoint_names;
  GtkDropDown         *gap_dropdown;
  GtkStringList       *gap_names;
  GtkDropDown         *kind_dropdown;
  GtkStringList       *kind_names;
  GtkToggleButton     *all_segments_button;
  AdwViewStack        *view_stack;
  GtkBox              *charts_box;
  AdwPreferencesGroup *gaps_group;
  GtkListBox          *gaps_list;
  AdwPreferencesGroup *detractors_group;
  GtkListBox          *detractors_list;
  AdwPreferencesGroup *promoters_group;
  GtkListBox          *promoters_list;
};

G_DEFINE_FINAL_TYPE (EcartDashboardPage, ecart_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SEGMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  EcartChartKind kind;
  gint64         segment_id;  /* 0: every segment in one chart (nps, matrix) */
  EcartGapKind   gap;
} CardKey;

/* What one computation is asked, and what it gives. */
typedef struct
{
  guint            generation;
  char            *path;
  EcartGapOptions *options;
  GArray          *keys;             /* CardKey */
  gint64           actions_segment;  /* 0: every segment */
  gint64           actions_wave;     /* 0: no wave at all */
  EcartGapKind     actions_gap;

  EcartWorkspace  *workspace;        /* read-only, owns what the table refers to */
  EcartGapTable   *table;
  GPtrArray       *charts;
  GPtrArray       *largest;          /* EcartGapRow, three at most per segment in order */
  GPtrArray       *detractors;
  gint64           n_detractors;
  GPtrArray       *promoters;
  gint64           n_promoters;
} Compute;

static void
compute_free (Compute *compute)
{
  g_free (compute->path);
  g_clear_object (&compute->options);
  g_clear_pointer (&compute->keys, g_array_unref);
  g_clear_pointer (&compute->charts, g_ptr_array_unref);
  g_clear_pointer (&compute->largest, g_ptr_array_unref);
  g_clear_pointer (&compute->detractors, g_ptr_array_unref);
  g_clear_pointer (&compute->promoters, g_ptr_array_unref);
  /* The charts shown keep the table, and it its read-only workspace: the connection closes
   * with the last of them. */
  g_clear_object (&compute->table);
  g_clear_object (&compute->workspace);
  g_free (compute);
}

static gboolean
kind_is_per_segment (EcartChartKind kind)
{
  return kind != ECART_CHART_NPS && kind != ECART_CHART_MATRIX;
}

/* Filters --------------------------------------------------------------------------------- */

static EcartSegment *
current_segment (EcartDashboardPage *self)
{
  GListModel *segments;
  g_autoptr(EcartSegment) first = NULL;

  if (self->workspace == NULL)
    return NULL;
  if (self->segment != NULL)
    return self->segment;
  segments = ecart_workspace_get_segments (self->workspace);
  if (g_list_model_get_n_items (segments) == 0)
    return NULL;
  first = g_list_model_get_item (segments, 0);
  return first;  /* the workspace keeps it */
}

static gint64
selected_wave (EcartDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->wave_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->wave_ids->len)
    return 0;
  return g_array_index (self->wave_ids, gint64, selected - 1);
}

static gint64
selected_touchpoint (EcartDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->touchpoint_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->touchpoint_ids->len)
    return ECART_GAP_ALL_TOUCHPOINTS;
  return g_array_index (self->touchpoint_ids, gint64, selected - 1);
}

static EcartGapKind
selected_gap (EcartDashboardPage *self,
              EcartChartKind      kind)
{
  guint selected = gtk_drop_down_get_selected (self->gap_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > ECART_N_GAPS)
    return ecart_chart_kind_get_default_gap (kind);
  return (EcartGapKind)(selected - 1);
}

static void
fill_dropdown (GtkDropDown   *dropdown,
               GtkStringList *names,
               GArray        *ids,
               const char    *all,
               GListModel    *items)
{
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint keep = 0;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= ids->len)
    selected_id = g_array_index (ids, gint64, selected - 1);

  g_array_set_size (ids, 0);
  g_ptr_array_add (strings, (gpointer)all);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (items, i);
      gint64 id = ecart_item_get_id (item);

      g_array_append_val (ids, id);
      g_ptr_array_add (strings, (gpointer)ecart_item_get_name (item));
      if (id == selected_id)
        keep = ids->len;
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (names, 0, n, (const char * const *)strings->pdata);
  gtk_drop_down_set_selected (dropdown, keep);
}

static void
fill_filters (EcartDashboardPage *self)
{
  self->filling = TRUE;
  fill_dropdown (self->wave_dropdown, self->wave_names, self->wave_ids, _("All Waves"),
                 self->workspace != NULL ? ecart_workspace_get_waves (self->workspace) : NULL);
  fill_dropdown (self->touchpoint_dropdown, self->touchpoint_names, self->touchpoint_ids,
                 _("All Touchpoints"),
                 self->workspace != NULL ? ecart_workspace_get_touchpoints (self->workspace) : NULL);
  self->filling = FALSE;
}

/* Cards ----------------------------------------------------------------------------------- */

static void
on_card_element_activated_cb (EcartChartCard      *card,
                              const EcartChartHit *hit,
                              EcartDashboardPage  *self);

static GArray *
wanted_keys (EcartDashboardPage *self)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (CardKey));
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  gboolean all_segments = gtk_toggle_button_get_active (self->all_segments_button);
  EcartSegment *segment = current_segment (self);
  GListModel *segments = ecart_workspace_get_segments (self->workspace);

  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      EcartChartKind kind = kind_order[k];

      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION && selected - 1 != k)
        continue;

      if (!kind_is_per_segment (kind))
        {
          CardKey key = { kind, 0, selected_gap (self, kind) };

          g_array_append_val (keys, key);
        }
      else if (all_segments)
        for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
          {
            g_autoptr(EcartItem) item = g_list_model_get_item (segments, s);
            CardKey key = { kind, ecart_item_get_id (item), selected_gap (self, kind) };

            g_array_append_val (keys, key);
          }
      else if (segment != NULL)
        {
          CardKey key = { kind, ecart_item_get_id (ECART_ITEM (segment)), selected_gap (self, kind) };

          g_array_append_val (keys, key);
        }
    }
  return keys;
}

static gboolean
same_keys (GArray *a,
           GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      CardKey *x = &g_array_index (a, CardKey, i);
      CardKey *y = &g_array_index (b, CardKey, i);

      if (x->kind != y->kind || x->segment_id != y->segment_id)
        return FALSE;
    }
  return TRUE;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Lays out one card per key: the kinds one under another, the segments of a kind side by
 * side in a flow box when every segment is shown. */
static void
build_cards (EcartDashboardPage *self,
             GArray             *keys)
{
  GtkWidget *flow = NULL;
  EcartChartKind flow_kind = ECART_CHART_N_KINDS;

  clear_box (self->charts_box);
  g_ptr_array_set_size (self->cards, 0);

  for (guint i = 0; i < keys->len; i++)
    {
      CardKey *key = &g_array_index (keys, CardKey, i);
      GtkWidget *card = ecart_chart_card_new ();
      gboolean side_by_side = gtk_toggle_button_get_active (self->all_segments_button)
                              && kind_is_per_segment (key->kind);

      g_signal_connect (card, "element-activated", G_CALLBACK (on_card_element_activated_cb), self);
      g_ptr_array_add (self->cards, card);

      if (!side_by_side)
        {
          flow = NULL;
          gtk_box_append (self->charts_box, card);
          continue;
        }
      if (flow == NULL || flow_kind != key->kind)
        {
          GtkWidget *heading = gtk_label_new (ecart_chart_kind_get_title (key->kind));

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "title-4");
          gtk_widget_set_margin_top (heading, 6);
          gtk_box_append (self->charts_box, heading);

          flow = gtk_flow_box_new ();
          gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
          gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
          gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
          gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
          gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
          gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
          gtk_widget_add_css_class (flow, "chart-grid");
          gtk_box_append (self->charts_box, flow);
          flow_kind = key->kind;
        }
      {
        EcartSegment *segment = ecart_workspace_find_segment (self->workspace, key->segment_id);

        if (segment != NULL)
          ecart_chart_card_set_caption (ECART_CHART_CARD (card), ecart_item_get_name (ECART_ITEM (segment)));
      }
      gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
    }

  g_clear_pointer (&self->card_keys, g_array_unref);
  self->card_keys = g_array_ref (keys);
}

/* Actions panel --------------------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static void
fill_gaps (EcartDashboardPage *self,
           Compute            *compute)
{
  g_autofree char *description = NULL;

  clear_list (self->gaps_list);
  for (guint i = 0; i < compute->largest->len; i++)
    {
      EcartGapRow *row = g_ptr_array_index (compute->largest, i);
      const EcartGap *gap = ecart_gap_row_get_gap (row, compute->actions_gap);
      EcartSegment *segment = ecart_gap_row_get_segment (row);
      EcartAttribute *attribute = ecart_gap_row_get_attribute (row);
      g_autofree char *value = ecart_gui_format_gap (gap->value);
      g_autofree char *low = ecart_gui_format_gap (gap->ci_low);
      g_autofree char *high = ecart_gui_format_gap (gap->ci_high);
      g_autofree char *level = g_strdup_printf ("%.0f", ecart_gap_table_get_confidence (compute->table) * 100.0);
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row_widget = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Create _Initiative"));
      GtkWidget *figure = gtk_label_new (value);

      /* Translators: "Families · 95 % interval: −2.6 to −1.6" */
      subtitle = g_strdup_printf (_("%s · %s %% interval: %s to %s"),
                                  ecart_item_get_name (ECART_ITEM (segment)), level, low, high);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row_widget), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row_widget),
                                     ecart_item_get_name (ECART_ITEM (attribute)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row_widget), subtitle);

      gtk_widget_add_css_class (figure, "numeric");
      gtk_widget_add_css_class (figure, "title-4");
      gtk_widget_add_css_class (figure, gap->value < 0 ? "error" : "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row_widget), figure);

      label = g_strdup_printf (_("Create an initiative on “%s” for %s"),
                               ecart_item_get_name (ECART_ITEM (attribute)),
                               ecart_item_get_name (ECART_ITEM (segment)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dashboard.create-initiative");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)",
                                        ecart_item_get_id (ECART_ITEM (segment)),
                                        ecart_item_get_id (ECART_ITEM (attribute)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row_widget), button);
      gtk_list_box_append (self->gaps_list, row_widget);
    }

  /* Translators: %s is a gap's name, "Delivery gap" */
  description = g_strdup_printf (_("Per segment, the gaps that the data show beyond chance (%s), the largest first. "
                                   "Start an initiative where the experience falls short."),
                                 ecart_gap_kind_get_label (compute->actions_gap));
  adw_preferences_group_set_description (self->gaps_group, description);
}

static void
fill_respondents (GtkListBox          *list,
                  AdwPreferencesGroup *group,
                  GPtrArray           *respondents,
                  gint64               total,
                  const char          *wave)
{
  g_autofree char *description = NULL;
  g_autofree char *count = format_count (total);
  g_autofree char *shown = g_strdup_printf ("%u", respondents != NULL ? respondents->len : 0);

  clear_list (list);
  for (guint i = 0; respondents != NULL && i < respondents->len; i++)
    {
      EcartDrillRespondent *r = g_ptr_array_index (respondents, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = format_count (r->respondent_id);
      g_autofree char *title = r->external_id != NULL ? g_strdup (r->external_id)
                                                      : g_strdup_printf (_("Respondent %s"), number);
      g_autofree char *score = g_strdup_printf (_("%d / 10"), r->recommendation);
      GtkWidget *badge = gtk_label_new (score);
      g_autofree char *subtitle = NULL;

      if (r->verbatims != NULL)
        subtitle = g_strdup_printf ("%s · “%s”", r->segment, r->verbatims);
      else
        subtitle = g_strdup_printf (_("%s · left no comment"), r->segment);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (badge, "numeric");
      gtk_widget_add_css_class (badge, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_list_box_append (list, row);
    }

  if (wave == NULL)
    description = g_strdup (_("No survey wave yet: import one on the Measurements page."));
  else if (respondents != NULL && (gint64)respondents->len < total)
    /* Translators: "Wave 3: the first 20 of 57, those who left a comment first" */
    description = g_strdup_printf (_("%s: the first %s of %s, those who left a comment first"), wave, shown, count);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s respondent", "%s: %s respondents", total),
                                   wave, count);
  adw_preferences_group_set_description (group, description);
}

/* Computing ------------------------------------------------------------------------------- */

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Compute *compute = task_data;
  g_autoptr(GError) error = NULL;
  GListModel *segments;

  compute->workspace = ecart_workspace_open (compute->path,
                                             ECART_DATABASE_FLAGS_READ_ONLY | ECART_DATABASE_FLAGS_DEFER_CHECK,
                                             &error);
  if (compute->workspace == NULL
      || !(compute->table = ecart_gap_table_new (compute->workspace, compute->options, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  compute->charts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < compute->keys->len; i++)
    {
      CardKey *key = &g_array_index (compute->keys, CardKey, i);
      EcartSegment *segment = key->segment_id != 0
                              ? ecart_workspace_find_segment (compute->workspace, key->segment_id) : NULL;

      g_ptr_array_add (compute->charts, ecart_chart_new (key->kind, compute->table, segment, key->gap));
    }

  compute->largest = g_ptr_array_new_with_free_func (g_object_unref);
  segments = ecart_workspace_get_segments (compute->workspace);
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      g_autoptr(GPtrArray) largest = NULL;

      if (compute->actions_segment != 0 && ecart_item_get_id (ECART_ITEM (segment)) != compute->actions_segment)
        continue;
      largest = ecart_drill_down_largest_gaps (compute->table, segment, compute->actions_gap, N_LARGEST_GAPS);
      for (guint i = 0; i < largest->len; i++)
        g_ptr_array_add (compute->largest, g_object_ref (g_ptr_array_index (largest, i)));
    }

  if (compute->actions_wave != 0)
    {
      EcartDrillFilter filter = {
        .segment_id = compute->actions_segment,
        .wave_ids = &compute->actions_wave,
        .n_waves = 1,
      };

      if (!(compute->detractors = ecart_drill_down_respondents (compute->workspace, &filter, 0, 6, MAX_RESPONDENTS,
                                                                &compute->n_detractors, &error))
          || !(compute->promoters = ecart_drill_down_respondents (compute->workspace, &filter, 9, 10, MAX_RESPONDENTS,
                                                                  &compute->n_promoters, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_computing (EcartDashboardPage *self,
               gboolean            computing)
{
  self->computing = computing;
  gtk_spinner_set_spinning (self->spinner, computing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), computing);
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EcartDashboardPage) self = user_data;
  Compute *compute = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  const char *wave_name = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (compute->generation == self->generation)
        {
          set_computing (self, FALSE);
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            ecart_gui_show_error (GTK_WIDGET (self), _("Could Not Compute the Dashboard"), error);
        }
      return;
    }
  /* Overtaken by a newer request, or the page was left: drop it. */
  if (compute->generation != self->generation || self->workspace == NULL)
    return;

  if (!same_keys (self->card_keys, compute->keys))
    build_cards (self, compute->keys);
  for (guint i = 0; i < self->cards->len && i < compute->charts->len; i++)
    ecart_chart_card_set_chart (g_ptr_array_index (self->cards, i), g_ptr_array_index (compute->charts, i));
  g_set_object (&self->table, compute->table);

  if (compute->actions_wave != 0)
    {
      EcartWave *wave = ecart_workspace_find_wave (compute->workspace, compute->actions_wave);

      wave_name = wave != NULL ? ecart_item_get_name (ECART_ITEM (wave)) : NULL;
    }
  fill_gaps (self, compute);
  fill_respondents (self->detractors_list, self->detractors_group, compute->detractors,
                    compute->n_detractors, wave_name);
  fill_respondents (self->promoters_list, self->promoters_group, compute->promoters,
                    compute->n_promoters, wave_name);
  set_computing (self, FALSE);
}

static void
recompute (EcartDashboardPage *self)
{
  g_autoptr(GTask) task = NULL;
  GListModel *segments;
  GListModel *waves;
  Compute *compute;
  gint64 wave_id;
  EcartSegment *segment;

  if (self->filling || self->disposed)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;

  /* Hidden, the page computes nothing (edits on other pages would each cost a computation):
   * it does when shown again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      set_computing (self, FALSE);
      return;
    }
  self->dirty = FALSE;

  segment = current_segment (self);
  if (self->workspace == NULL || segment == NULL || ecart_workspace_get_path (self->workspace) == NULL)
    {
      set_computing (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");

  compute = g_new0 (Compute, 1);
  compute->generation = self->generation;
  compute->path = g_strdup (ecart_workspace_get_path (self->workspace));
  compute->options = ecart_gui_new_gap_options (self->settings);
  ecart_gap_options_set_touchpoint_id (compute->options, selected_touchpoint (self));
  segments = ecart_workspace_get_segments (self->workspace);
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (segments, s);

      ecart_gap_options_add_segment (compute->options, ecart_item_get_id (item));
    }
  wave_id = selected_wave (self);
  if (wave_id != 0)
    ecart_gap_options_add_wave (compute->options, wave_id);

  compute->keys = wanted_keys (self);
  compute->actions_segment = gtk_toggle_button_get_active (self->all_segments_button)
                             ? 0 : ecart_item_get_id (ECART_ITEM (segment));
  compute->actions_gap = gtk_drop_down_get_selected (self->gap_dropdown) == 0
                         ? ECART_GAP_DELIVERY : selected_gap (self, ECART_CHART_GAP_BARS);
  /* The Actions are about one wave: the one chosen, or the latest. */
  waves = ecart_workspace_get_waves (self->workspace);
  compute->actions_wave = wave_id;
  if (wave_id == 0 && g_list_model_get_n_items (waves) > 0)
    {
      g_autoptr(EcartItem) last = g_list_model_get_item (waves, g_list_model_get_n_items (waves) - 1);

      compute->actions_wave = ecart_item_get_id (last);
    }

  self->cancellable = g_cancellable_new ();
  set_computing (self, TRUE);
  task = g_task_new (NULL, self->cancellable, on_computed_cb, g_object_ref (self));
  g_task_set_task_data (task, compute, (GDestroyNotify)compute_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, compute_in_thread);
}

static void
on_filter_changed_cb (EcartDashboardPage *self)
{
  recompute (self);
}

static void
on_settings_changed_cb (EcartDashboardPage *self,
                        const char         *key)
{
  if (ecart_gui_is_gap_setting (key))
    recompute (self);
}

/* A file opened read-only can be measured, not steered. */
static void
update_read_only (EcartDashboardPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.create-initiative",
                                 self->workspace != NULL && !ecart_workspace_is_read_only (self->workspace));
}

static void
on_workspace_changed_cb (EcartDashboardPage *self)
{
  fill_filters (self);
  recompute (self);
}

/* Drill-down ------------------------------------------------------------------------------ */

static void
on_card_element_activated_cb (EcartChartCard      *card,
                              const EcartChartHit *hit,
                              EcartDashboardPage  *self)
{
  EcartChart *chart = ecart_chart_card_get_chart (card);
  EcartDrillFilter filter = { 0 };
  g_autoptr(GArray) waves = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) about = g_ptr_array_new ();
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EcartSegment *segment = hit->segment != NULL ? hit->segment
                          : chart != NULL ? ecart_chart_get_segment (chart) : NULL;
  GtkWidget *dialog;

  if (self->workspace == NULL || chart == NULL)
    return;

  filter.segment_id = segment != NULL ? ecart_item_get_id (ECART_ITEM (segment)) : 0;
  filter.attribute_id = hit->attribute != NULL ? ecart_item_get_id (ECART_ITEM (hit->attribute)) : 0;
  filter.touchpoint_id = hit->touchpoint != NULL ? ecart_item_get_id (ECART_ITEM (hit->touchpoint))
                                                 : selected_touchpoint (self);
  if (hit->wave != NULL)
    {
      gint64 id = ecart_item_get_id (ECART_ITEM (hit->wave));

      g_array_append_val (waves, id);
    }
  else if (selected_wave (self) != 0)
    {
      gint64 id = selected_wave (self);

      g_array_append_val (waves, id);
    }
  filter.wave_ids = (const gint64 *)(gpointer)waves->data;
  filter.n_waves = waves->len;

  /* The measured dimensions behind the figure: the one a marker shows, the measured sides
   * of a gap; both when neither is measured (desired, proposed, recommendation). */
  if (hit->measure == ECART_CHART_MEASURE_DIMENSION
      && (hit->dimension == ECART_DIMENSION_EXPECTED || hit->dimension == ECART_DIMENSION_LIVED))
    filter.dimensions = 1u << hit->dimension;
  else if (hit->measure == ECART_CHART_MEASURE_GAP)
    {
      EcartDimension minuend, subtrahend;

      ecart_gap_kind_get_dimensions (hit->gap, &minuend, &subtrahend);
      if (minuend == ECART_DIMENSION_EXPECTED || minuend == ECART_DIMENSION_LIVED)
        filter.dimensions |= 1u << minuend;
      if (subtrahend == ECART_DIMENSION_EXPECTED || subtrahend == ECART_DIMENSION_LIVED)
        filter.dimensions |= 1u << subtrahend;
    }

  if (segment != NULL)
    g_ptr_array_add (about, (gpointer)ecart_item_get_name (ECART_ITEM (segment)));
  if (hit->attribute != NULL)
    g_ptr_array_add (about, (gpointer)ecart_item_get_name (ECART_ITEM (hit->attribute)));
  if (hit->touchpoint != NULL)
    g_ptr_array_add (about, (gpointer)ecart_item_get_name (ECART_ITEM (hit->touchpoint)));
  g_ptr_array_add (about, NULL);
  title = g_strjoinv (" · ", (char **)about->pdata);
  summary = ecart_chart_describe_hit (chart, hit);
  /* The dialog's title already says what the figure is about. */
  if (summary != NULL && about->len > 1)
    {
      g_autofree char *first = g_strjoinv (" · ", (char **)about->pdata);

      if (g_str_has_prefix (summary, first) && summary[strlen (first)] == '\n')
        memmove (summary, summary + strlen (first) + 1, strlen (summary) - strlen (first));
    }

  dialog = ecart_drill_down_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->workspace, &filter,
                                        title[0] != '\0' ? title : ecart_chart_get_title (chart),
                                        ecart_chart_get_title (chart), summary);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions --------------------------------------------------------------------------------- */

static void
create_initiative_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EcartDashboardPage *self = ECART_DASHBOARD_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  EcartSegment *segment;
  EcartAttribute *attribute;
  EcartInitiative *initiative;
  GtkRoot *root;
  GtkWidget *dialog;
  gint64 segment_id;
  gint64 attribute_id;

  if (self->workspace == NULL)
    return;
  g_variant_get (parameter, "(xx)", &segment_id, &attribute_id);
  segment = ecart_workspace_find_segment (self->workspace, segment_id);
  attribute = ecart_workspace_find_attribute (self->workspace, attribute_id);
  if (segment == NULL || attribute == NULL)
    {
      ecart_gui_toast (widget, _("This gap is no longer in the workspace"));
      return;
    }

  title = g_strdup_printf (_("Close the gap on “%s” for %s"), ecart_item_get_name (ECART_ITEM (attribute)),
                           ecart_item_get_name (ECART_ITEM (segment)));
  initiative = ecart_workspace_add_initiative_about (self->workspace, title, ECART_INITIATIVE_IDEA,
                                                     segment, attribute, NULL, &error);
  if (initiative == NULL)
    {
      ecart_gui_show_error (widget, _("Could Not Create the Initiative"), error);
      return;
    }

  root = gtk_widget_get_root (widget);
  dialog = ecart_initiative_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->workspace, initiative);
  gtk_window_present (GTK_WINDOW (dialog));
  ecart_gui_toast_undo (widget, _("Initiative created"));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartDashboardPage *self = ECART_DASHBOARD_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
draw_segment_dot (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  EcartDashboardPage *self = user_data;
  EcartSegment *segment = current_segment (self);
  GdkRGBA color;

  if (segment == NULL || gtk_toggle_button_get_active (self->all_segments_button)
      || !gdk_rgba_parse (&color, ecart_segment_get_color (segment)))
    return;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
update_header (EcartDashboardPage *self)
{
  EcartSegment *segment = current_segment (self);

  if (gtk_toggle_button_get_active (self->all_segments_button))
    gtk_label_set_text (self->segment_label, _("All Segments"));
  else
    gtk_label_set_text (self->segment_label, segment != NULL ? ecart_item_get_name (ECART_ITEM (segment)) : "");
  gtk_widget_queue_draw (self->segment_dot);
}

static void
on_all_segments_toggled_cb (EcartDashboardPage *self)
{
  update_header (self);
}

/* Object ---------------------------------------------------------------------------------- */

EcartWorkspace *
ecart_dashboard_page_get_workspace (EcartDashboardPage *self)
{
  g_return_val_if_fail (ECART_IS_DASHBOARD_PAGE (self), NULL);
  return self->workspace;
}

void
ecart_dashboard_page_set_workspace (EcartDashboardPage *self,
                                    EcartWorkspace     *workspace)
{
  g_return_if_fail (ECART_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (self->disposed)
    return;
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self);
      g_signal_connect_swapped (workspace, "notify::read-only", G_CALLBACK (update_read_only), self);
    }
  update_read_only (self);

  g_clear_object (&self->table);
  g_clear_pointer (&self->card_keys, g_array_unref);
  clear_box (self->charts_box);
  g_ptr_array_set_size (self->cards, 0);
  fill_filters (self);
  update_header (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

EcartSegment *
ecart_dashboard_page_get_segment (EcartDashboardPage *self)
{
  g_return_val_if_fail (ECART_IS_DASHBOARD_PAGE (self), NULL);
  return self->segment;
}

void
ecart_dashboard_page_set_segment (EcartDashboardPage *self,
                                  EcartSegment       *segment)
{
  g_return_if_fail (ECART_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (!g_set_object (&self->segment, segment) || self->disposed)
    return;
  update_header (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/**
 * ecart_dashboard_page_is_computing:
 *
 * Returns: whether figures are being computed (the spinner turns)
 */
gboolean
ecart_dashboard_page_is_computing (EcartDashboardPage *self)
{
  g_return_val_if_fail (ECART_IS_DASHBOARD_PAGE (self), FALSE);
  return self->computing;
}

/**
 * ecart_dashboard_page_get_table:
 *
 * Returns: (transfer none) (nullable): the gap table of the charts shown
 */
EcartGapTable *
ecart_dashboard_page_get_table (EcartDashboardPage *self)
{
  g_return_val_if_fail (ECART_IS_DASHBOARD_PAGE (self), NULL);
  return self->table;
}

guint
ecart_dashboard_page_get_n_cards (EcartDashboardPage *self)
{
  g_return_val_if_fail (ECART_IS_DASHBOARD_PAGE (self), 0);
  return self->cards->len;
}

/**
 * ecart_dashboard_page_get_card:
 * @segment: (nullable): the segment of the chart, %NULL for a chart of every segment
 *
 * Returns: (transfer none) (nullable): the card showing that chart
 */
EcartChartCard *
ecart_dashboard_page_get_card (EcartDashboardPage *self,
                               EcartChartKind      kind,
                               EcartSegment       *segment)
{
  gint64 segment_id = segment != NULL ? ecart_item_get_id (ECART_ITEM (segment)) : 0;

  g_return_val_if_fail (ECART_IS_DASHBOARD_PAGE (self), NULL);

  for (guint i = 0; self->card_keys != NULL && i < self->card_keys->len && i < self->cards->len; i++)
    {
      CardKey *key = &g_array_index (self->card_keys, CardKey, i);

      if (key->kind == kind && key->segment_id == segment_id)
        return g_ptr_array_index (self->cards, i);
    }
  return NULL;
}

static void
ecart_dashboard_page_map (GtkWidget *widget)
{
  EcartDashboardPage *self = ECART_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (ecart_dashboard_page_parent_class)->map (widget);
  if (self->dirty)
    recompute (self);
}

static void
ecart_dashboard_page_dispose (GObject *object)
{
  EcartDashboardPage *self = ECART_DASHBOARD_PAGE (object);
  GtkWidget *child;

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->generation++;
  g_clear_object (&self->segment);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->table);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->card_keys, g_array_unref);
  g_clear_pointer (&self->wave_ids, g_array_unref);
  g_clear_pointer (&self->touchpoint_ids, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_DASHBOARD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ecart_dashboard_page_parent_class)->dispose (object);
}

static void
ecart_dashboard_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EcartDashboardPage *self = ECART_DASHBOARD_PAGE (object);

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
ecart_dashboard_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EcartDashboardPage *self = ECART_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_dashboard_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_dashboard_page_set_segment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const EcartPageShortcut shortcuts[] = {
  { GDK_KEY_1, GDK_ALT_MASK, "dashboard.show-view", "charts" },
  { GDK_KEY_2, GDK_ALT_MASK, "dashboard.show-view", "actions" },
};

static void
ecart_dashboard_page_class_init (EcartDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_dashboard_page_dispose;
  object_class->get_property = ecart_dashboard_page_get_property;
  object_class->set_property = ecart_dashboard_page_set_property;

  widget_class->map = ecart_dashboard_page_map;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_CHART_CARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ecart/Ecart/ecart-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, segment_dot);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, segment_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, wave_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, wave_names);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, touchpoint_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, touchpoint_names);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, gap_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, gap_names);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, kind_names);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, all_segments_button);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, gaps_list);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, detractors_group);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, detractors_list);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, promoters_group);
  gtk_widget_class_bind_template_child (widget_class, EcartDashboardPage, promoters_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.create-initiative", "(xx)", create_initiative_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-view", "s", show_view_action);
  ecart_gui_class_add_page_shortcuts (widget_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
ecart_dashboard_page_init (EcartDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->wave_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->touchpoint_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cards = g_ptr_array_new ();

  self->filling = TRUE;
  gtk_string_list_append (self->gap_names, _("Each Chart’s Own"));
  for (guint g = 0; g < ECART_N_GAPS; g++)
    gtk_string_list_append (self->gap_names, ecart_gap_kind_get_label (g));
  gtk_string_list_append (self->kind_names, _("All Charts"));
  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    gtk_string_list_append (self->kind_names, ecart_chart_kind_get_title (kind_order[k]));
  gtk_drop_down_set_selected (self->gap_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  self->filling = FALSE;

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->segment_dot), draw_segment_dot, self, NULL);
  g_signal_connect_swapped (self->all_segments_button, "toggled", G_CALLBACK (on_all_segments_toggled_cb), self);

  gtk_list_box_set_placeholder (self->gaps_list,
                                placeholder (_("No significant gap: measure more respondents, or the experience is as desired.")));
  gtk_list_box_set_placeholder (self->detractors_list, placeholder (_("No detractor in this wave")));
  gtk_list_box_set_placeholder (self->promoters_list, placeholder (_("No promoter in this wave")));

  self->settings = g_settings_new ("io.github.ecart.Ecart");
  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);

  ecart_gui_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
  set_computing (self, FALSE);
}

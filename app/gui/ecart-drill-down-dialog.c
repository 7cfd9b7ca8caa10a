/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-drill-down-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-drill-down-dialog.h"
#include "ecart-gui-util.h"
#include "ecart-initiative-dialog.h"

/* What lies behind a figure of the dashboard: the respondents' measurements (the first
 * ECART_DRILL_DOWN_DIALOG_MAX_MEASUREMENTS, and how many there are), what they said, and the
 * initiatives already about the attribute. The queries run in a thread, on their own
 * read-only connection to the file. */

struct _EcartDrillDownDialog
{
  AdwWindow             parent_instance;

  EcartWorkspace       *workspace;
  EcartDrillFilter      filter;
  GCancellable         *cancellable;
  gboolean              loading;
  gint64                n_measurements;
  guint                 n_listed;
  gint64                n_verbatims;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *measurements_group;
  GtkListBox           *measurements_list;
  AdwPreferencesGroup  *verbatims_group;
  GtkListBox           *verbatims_list;
  AdwPreferencesGroup  *initiatives_group;
  GtkListBox           *initiatives_list;
};

G_DEFINE_FINAL_TYPE (EcartDrillDownDialog, ecart_drill_down_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char             *path;
  EcartDrillFilter  filter;
  GPtrArray        *measurements;
  gint64            n_measurements;
  GPtrArray        *verbatims;
  gint64            n_verbatims;
} Query;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_free ((gpointer)query->filter.wave_ids);
  g_clear_pointer (&query->measurements, g_ptr_array_unref);
  g_clear_pointer (&query->verbatims, g_ptr_array_unref);
  g_free (query);
}

static void
run_query (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  workspace = ecart_workspace_open (query->path,
                                    ECART_DATABASE_FLAGS_READ_ONLY | ECART_DATABASE_FLAGS_DEFER_CHECK,
                                    &error);
  if (workspace == NULL
      || !(query->measurements = ecart_drill_down_measurements (workspace, &query->filter,
                                                                ECART_DRILL_DOWN_DIALOG_MAX_MEASUREMENTS,
                                                                &query->n_measurements, &error))
      || !(query->verbatims = ecart_drill_down_verbatims (workspace, &query->filter,
                                                          ECART_DRILL_DOWN_DIALOG_MAX_VERBATIMS,
                                                          &query->n_verbatims, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ecart_database_close (ecart_workspace_get_database (workspace));
  g_task_return_boolean (task, TRUE);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static char *
respondent_name (gint64      id,
                 const char *external_id)
{
  g_autofree char *number = NULL;

  if (external_id != NULL && external_id[0] != '\0')
    return g_strdup (external_id);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return g_strdup_printf (_("Respondent %s"), number);
}

static char *
join_details (const char *first,
              const char *second,
              const char *third)
{
  const char *parts[4];
  guint n = 0;

  if (first != NULL)
    parts[n++] = first;
  if (second != NULL)
    parts[n++] = second;
  if (third != NULL)
    parts[n++] = third;
  parts[n] = NULL;
  return g_strjoinv (" · ", (char **)parts);
}

static void
set_group_count (AdwPreferencesGroup *group,
                 guint                listed,
                 gint64               total)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = g_strdup_printf ("%u", listed);
  g_autofree char *all = g_strdup_printf ("%" G_GINT64_FORMAT, total);

  if ((gint64)listed < total)
    /* Translators: "The first 200 of 1234" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first %s of %s", "The first %s of %s", total),
                            shown, all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in all", "%s in all", total), all);
  adw_preferences_group_set_description (group, text);
}

static void
fill_measurements (EcartDrillDownDialog *self,
                   Query                *query)
{
  for (guint i = 0; i < query->measurements->len; i++)
    {
      EcartDrillMeasurement *m = g_ptr_array_index (query->measurements, i);
      g_autofree char *title = respondent_name (m->respondent_id, m->external_id);
      g_autofree char *subtitle = join_details (m->wave, m->touchpoint, m->answered_at);
      g_autofree char *score = g_strdup_printf (_("%s: %.1f / 10"),
                                                ecart_dimension_get_label (m->dimension), m->score);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (score);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (self->measurements_list, row);
    }
  self->n_measurements = query->n_measurements;
  self->n_listed = query->measurements->len;
  set_group_count (self->measurements_group, query->measurements->len, query->n_measurements);
}

static void
fill_verbatims (EcartDrillDownDialog *self,
                Query                *query)
{
  for (guint i = 0; i < query->verbatims->len; i++)
    {
      EcartDrillVerbatim *v = g_ptr_array_index (query->verbatims, i);
      g_autofree char *who = respondent_name (v->respondent_id, v->external_id);
      g_autofree char *score = v->recommendation >= 0 ? g_strdup_printf (_("recommends %d / 10"), v->recommendation) : NULL;
      g_autofree char *details = join_details (who, v->touchpoint, score);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *body = gtk_label_new (v->body);
      GtkWidget *meta = gtk_label_new (details);

      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_label_set_xalign (GTK_LABEL (meta), 0);
      gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (meta, "caption");
      gtk_widget_add_css_class (meta, "dim-label");
      gtk_box_append (GTK_BOX (box), body);
      gtk_box_append (GTK_BOX (box), meta);
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_append (self->verbatims_list, box);
    }
  self->n_verbatims = query->n_verbatims;
  set_group_count (self->verbatims_group, query->verbatims->len, query->n_verbatims);
}

static void
on_query_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EcartDrillDownDialog) self = user_data;
  Query *query = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

          ecart_gui_show_error (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self),
                                _("Could Not Read the Measurements"), error);
          gtk_window_destroy (GTK_WINDOW (self));
        }
      return;
    }

  fill_measurements (self, query);
  fill_verbatims (self, query);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* Initiatives ----------------------------------------------------------------------------- */

static void
on_initiative_activated_cb (AdwActionRow *row,
                            gpointer      user_data)
{
  EcartDrillDownDialog *self = ECART_DRILL_DOWN_DIALOG (gtk_widget_get_root (GTK_WIDGET (row)));
  EcartInitiative *initiative = g_object_get_data (G_OBJECT (row), "initiative");
  GtkWidget *dialog;

  if (self->workspace == NULL || initiative == NULL)
    return;
  dialog = ecart_initiative_dialog_new (GTK_WINDOW (self), self->workspace, initiative);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_initiative_row (gpointer item,
                       gpointer user_data)
{
  EcartInitiative *initiative = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ecart_item_get_name (ECART_ITEM (initiative)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               ecart_initiative_status_get_label (ecart_initiative_get_status (initiative)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "initiative", g_object_ref (initiative), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_initiative_activated_cb), NULL);
  return row;
}

static void
update_initiatives (EcartDrillDownDialog *self)
{
  g_autoptr(GListModel) initiatives = NULL;

  if (self->workspace == NULL)
    return;
  initiatives = ecart_drill_down_initiatives (self->workspace, self->filter.attribute_id);
  gtk_list_box_bind_model (self->initiatives_list, initiatives, create_initiative_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->initiatives_group), self->filter.attribute_id != 0);
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartDrillDownDialog *self = ECART_DRILL_DOWN_DIALOG (widget);
  GtkWidget *dialog;

  if (self->workspace == NULL || ecart_workspace_is_read_only (self->workspace))
    return;
  dialog = ecart_initiative_dialog_new_proposal (GTK_WINDOW (self), self->workspace,
                                                 ecart_workspace_find_segment (self->workspace, self->filter.segment_id),
                                                 ecart_workspace_find_attribute (self->workspace, self->filter.attribute_id));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Object ---------------------------------------------------------------------------------- */

gboolean
ecart_drill_down_dialog_is_loading (EcartDrillDownDialog *self)
{
  g_return_val_if_fail (ECART_IS_DRILL_DOWN_DIALOG (self), FALSE);
  return self->loading;
}

/**
 * ecart_drill_down_dialog_get_n_measurements:
 *
 * Returns: how many measurements lie behind the figure, or −1 while they are counted
 */
gint64
ecart_drill_down_dialog_get_n_measurements (EcartDrillDownDialog *self)
{
  g_return_val_if_fail (ECART_IS_DRILL_DOWN_DIALOG (self), -1);
  return self->loading ? -1 : self->n_measurements;
}

guint
ecart_drill_down_dialog_get_n_listed (EcartDrillDownDialog *self)
{
  g_return_val_if_fail (ECART_IS_DRILL_DOWN_DIALOG (self), 0);
  return self->n_listed;
}

gint64
ecart_drill_down_dialog_get_n_verbatims (EcartDrillDownDialog *self)
{
  g_return_val_if_fail (ECART_IS_DRILL_DOWN_DIALOG (self), -1);
  return self->loading ? -1 : self->n_verbatims;
}

/**
 * ecart_drill_down_dialog_new:
 * @filter: what to list (copied)
 * @summary: the figure, as the tooltip says it
 *
 * Returns: (transfer none): the dialog, already loading
 */
GtkWidget *
ecart_drill_down_dialog_new (GtkWindow              *parent,
                             EcartWorkspace         *workspace,
                             const EcartDrillFilter *filter,
                             const char             *title,
                             const char             *subtitle,
                             const char             *summary)
{
  EcartDrillDownDialog *self;
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_object_new (ECART_TYPE_DRILL_DOWN_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->filter = *filter;
  self->filter.wave_ids = g_memdup2 (filter->wave_ids, sizeof (gint64) * filter->n_waves);
  adw_window_title_set_title (self->window_title, title != NULL ? title : "");
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drill-down.propose",
                                 filter->attribute_id != 0 && !ecart_workspace_is_read_only (workspace));

  update_initiatives (self);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (update_initiatives), self, G_CONNECT_SWAPPED);

  query = g_new0 (Query, 1);
  query->path = g_strdup (ecart_workspace_get_path (workspace));
  query->filter = *filter;
  query->filter.wave_ids = g_memdup2 (filter->wave_ids, sizeof (gint64) * filter->n_waves);

  self->loading = TRUE;
  task = g_task_new (NULL, self->cancellable, on_query_done_cb, g_object_ref (self));
  g_task_set_task_data (task, query, (GDestroyNotify)query_free);
  g_task_run_in_thread (task, run_query);

  return GTK_WIDGET (self);
}

static void
ecart_drill_down_dialog_dispose (GObject *object)
{
  EcartDrillDownDialog *self = ECART_DRILL_DOWN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_DRILL_DOWN_DIALOG);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_drill_down_dialog_parent_class)->dispose (object);
}

static void
ecart_drill_down_dialog_finalize (GObject *object)
{
  EcartDrillDownDialog *self = ECART_DRILL_DOWN_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free ((gpointer)self->filter.wave_ids);

  G_OBJECT_CLASS (ecart_drill_down_dialog_parent_class)->finalize (object);
}

static void
ecart_drill_down_dialog_class_init (EcartDrillDownDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_drill_down_dialog_dispose;
  object_class->finalize = ecart_drill_down_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ecart/Ecart/ecart-drill-down-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, measurements_group);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, measurements_list);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, verbatims_group);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, verbatims_list);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, initiatives_group);
  gtk_widget_class_bind_template_child (widget_class, EcartDrillDownDialog, initiatives_list);

  gtk_widget_class_install_action (widget_class, "drill-down.propose", NULL, propose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ecart_drill_down_dialog_init (EcartDrillDownDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->n_measurements = -1;
  gtk_list_box_set_placeholder (self->measurements_list, placeholder (_("No measurement behind this figure")));
  gtk_list_box_set_placeholder (self->verbatims_list, placeholder (_("No verbatim about this")));
  gtk_list_box_set_placeholder (self->initiatives_list, placeholder (_("No initiative on this attribute yet")));
}

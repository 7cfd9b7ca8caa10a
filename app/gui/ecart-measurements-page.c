/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-measurements-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-measurement-model.h"
#include "ecart-measurements-page.h"
#include "ecart-verbatim-search.h"
#include "ecart-window.h"

/* The Measurements page: the waves (each deletable, which is how an import is undone), the
 * measurements as a table over EcartMeasurementModel (rows read from the file as they are
 * scrolled to, so a million rows cost a few blocks of memory), filtered by wave and
 * segment, and the full-text search of the verbatims. */

#define SEARCH_LIMIT 200

typedef enum {
  COLUMN_RESPONDENT,
  COLUMN_SEGMENT,
  COLUMN_WAVE,
  COLUMN_ATTRIBUTE,
  COLUMN_TOUCHPOINT,
  COLUMN_DIMENSION,
  COLUMN_SCORE,
  COLUMN_NORMALIZED,
} Column;

struct _EcartMeasurementsPage
{
  GtkWidget              parent_instance;

  EcartWorkspace        *workspace;
  EcartMeasurementModel *model;
  GtkNoSelection        *selection;
  gboolean               updating_filters;

  GtkLabel              *empty_label;
  GtkScrolledWindow     *waves_window;
  GtkListBox            *waves_list;
  GtkLabel              *count_label;
  GtkStack              *view_stack;
  GtkDropDown           *wave_filter;
  GtkDropDown           *segment_filter;
  GtkColumnView         *table;
  GtkSearchEntry        *search_entry;
  GtkListBox            *verbatims_list;
};

G_DEFINE_FINAL_TYPE (EcartMeasurementsPage, ecart_measurements_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Waves ------------------------------------------------------------------------------------- */

static void
on_delete_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       EcartMeasurementsPage *self)
{
  EcartWave *wave = g_object_get_data (G_OBJECT (dialog), "wave");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "delete") || self->workspace == NULL
      || ecart_workspace_find_wave (self->workspace, ecart_item_get_id (ECART_ITEM (wave))) == NULL)
    return;

  name = g_strdup (ecart_item_get_name (ECART_ITEM (wave)));
  if (!ecart_workspace_delete_wave (self->workspace, wave, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could Not Delete the Wave"), error);
      return;
    }
  /* TRANSLATORS: %s is the name of a wave */
  title = g_strdup_printf (_("Deleted the wave “%s”"), name);
  ecart_gui_toast (GTK_WIDGET (self), title);
}

static void
on_delete_clicked_cb (GtkButton             *button,
                      EcartMeasurementsPage *self)
{
  EcartWave *wave = g_object_get_data (G_OBJECT (button), "wave");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *respondents = NULL;
  g_autofree char *measurements = NULL;
  AdwMessageDialog *dialog;
  gint64 n_measurements;

  if (self->workspace == NULL || wave == NULL)
    return;

  n_measurements = ecart_workspace_count_measurements (self->workspace, ECART_ITEM (wave));
  respondents = ecart_gui_format_count (ecart_wave_get_respondents (wave));
  measurements = ecart_gui_format_count (n_measurements);
  /* TRANSLATORS: %s is the name of a wave */
  heading = g_strdup_printf (_("Delete the Wave “%s”?"), ecart_item_get_name (ECART_ITEM (wave)));
  /* TRANSLATORS: the numbers of respondents and of measurements of the wave */
  body = g_strdup_printf (_("Its respondents (%s), measurements (%s), recommendation answers and "
                            "verbatims are deleted with it, and the charts are computed without "
                            "them. This cannot be undone: to get them back, import the file "
                            "again."),
                          respondents, measurements);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wave", g_object_ref (wave), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_wave_row (gpointer item,
                 gpointer user_data)
{
  EcartMeasurementsPage *self = user_data;
  EcartWave *wave = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count;
  GtkWidget *button;
  g_autofree char *kind = ecart_wave_dup_kind_label (wave);
  g_autofree char *respondents_count = ecart_gui_format_count (ecart_wave_get_respondents (wave));
  g_autofree char *respondents = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  const char *source = ecart_wave_get_source_file (wave);
  const char *started = ecart_wave_get_started_on (wave);
  const char *ended = ecart_wave_get_ended_on (wave);

  /* TRANSLATORS: %s is a number of respondents */
  respondents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s respondent", "%s respondents",
                                              ecart_wave_get_respondents (wave)),
                                 respondents_count);
  if (started != NULL && ended != NULL)
    /* TRANSLATORS: the dates a wave of measurements ran, "from – to" */
    dates = g_strdup_printf (_("%s – %s"), started, ended);
  else
    dates = g_strdup (_("No dates"));
  if (source != NULL && source[0] != '\0')
    /* TRANSLATORS: under a wave's name: its kind, its dates, the file it came from */
    subtitle = g_strdup_printf (_("%s · %s · from “%s”"), kind, dates, source);
  else
    /* TRANSLATORS: under a wave's name: its kind and its dates */
    subtitle = g_strdup_printf (_("%s · %s"), kind, dates);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ecart_item_get_name (ECART_ITEM (wave)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  count = gtk_label_new (respondents);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

  /* TRANSLATORS: accessible name of a button, %s is the name of a wave */
  delete_label = g_strdup_printf (_("Delete the wave “%s”"),
                                  ecart_item_get_name (ECART_ITEM (wave)));
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  g_object_set_data_full (G_OBJECT (button), "wave", g_object_ref (wave), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ecart_item_get_name (ECART_ITEM (wave)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, respondents, -1);
  return row;
}

/* Filters ----------------------------------------------------------------------------------- */

static void
update_count (EcartMeasurementsPage *self)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "table") != 0)
    return;
  if (self->model != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      g_autofree char *count = ecart_gui_format_count (n);

      /* TRANSLATORS: %s is a number of measurements */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s measurement", "%s measurements", n),
                              count);
    }
  gtk_label_set_label (self->count_label, text != NULL ? text : "");
}

static gpointer
filter_item (GtkDropDown *filter,
             GListModel  *list)
{
  guint selected = gtk_drop_down_get_selected (filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (list, selected - 1);
}

static void
on_filter_changed_cb (EcartMeasurementsPage *self)
{
  g_autoptr(EcartWave) wave = NULL;
  g_autoptr(EcartSegment) segment = NULL;

  if (self->updating_filters || self->model == NULL)
    return;
  wave = filter_item (self->wave_filter, ecart_workspace_get_waves (self->workspace));
  segment = filter_item (self->segment_filter, ecart_workspace_get_segments (self->workspace));
  ecart_measurement_model_set_wave (self->model, wave);
  ecart_measurement_model_set_segment (self->model, segment);
  update_count (self);
}

static void
fill_filter (GtkDropDown *filter,
             GListModel  *list,
             const char  *all,
             gpointer     current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (names, all);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);

      gtk_string_list_append (names, ecart_item_get_name (item));
      if (current != NULL && ecart_item_get_id (item) == ecart_item_get_id (current))
        selected = i + 1;
    }
  gtk_drop_down_set_model (filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (filter, selected);
}

static void
fill_filters (EcartMeasurementsPage *self)
{
  self->updating_filters = TRUE;
  fill_filter (self->wave_filter,
               self->workspace != NULL ? ecart_workspace_get_waves (self->workspace) : NULL,
               _("All waves"),
               self->model != NULL ? ecart_measurement_model_get_wave (self->model) : NULL);
  fill_filter (self->segment_filter,
               self->workspace != NULL ? ecart_workspace_get_segments (self->workspace) : NULL,
               _("All segments"),
               self->model != NULL ? ecart_measurement_model_get_segment (self->model) : NULL);
  self->updating_filters = FALSE;
}

/* Table ------------------------------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column >= COLUMN_SCORE ? 1 : 0);
  if (column >= COLUMN_SCORE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  EcartMeasurement *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    {
      gtk_label_set_label (label, "");
      return;
    }

  switch ((Column)GPOINTER_TO_INT (user_data))
    {
    case COLUMN_RESPONDENT:
      gtk_label_set_label (label, ecart_measurement_get_respondent (item));
      break;
    case COLUMN_SEGMENT:
      gtk_label_set_label (label, ecart_measurement_get_segment (item));
      break;
    case COLUMN_WAVE:
      gtk_label_set_label (label, ecart_measurement_get_wave (item));
      break;
    case COLUMN_ATTRIBUTE:
      gtk_label_set_label (label, ecart_measurement_get_attribute (item));
      break;
    case COLUMN_TOUCHPOINT:
      gtk_label_set_label (label, ecart_measurement_get_touchpoint (item) != NULL
                                  ? ecart_measurement_get_touchpoint (item) : "—");
      break;
    case COLUMN_DIMENSION:
      gtk_label_set_label (label, ecart_measurement_get_dimension (item) == ECART_DIMENSION_EXPECTED
                                  ? _("Expected") : _("Lived"));
      break;
    case COLUMN_SCORE:
      {
        g_autofree char *score = g_strdup_printf ("%g", ecart_measurement_get_score (item));
        g_autofree char *min = g_strdup_printf ("%g", ecart_measurement_get_scale_min (item));
        g_autofree char *max = g_strdup_printf ("%g", ecart_measurement_get_scale_max (item));

        /* TRANSLATORS: a raw score and its scale: "4 on 1–5" */
        text = g_strdup_printf (_("%s on %s–%s"), score, min, max);
        gtk_label_set_label (label, text);
      }
      break;
    case COLUMN_NORMALIZED:
      text = ecart_gui_format_level (ecart_measurement_get_normalized (item));
      gtk_label_set_label (label, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_table_column (EcartMeasurementsPage *self,
                  const char            *title,
                  Column                 column,
                  gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->table, view_column);
  g_object_unref (view_column);
}

/* Verbatims --------------------------------------------------------------------------------- */

static GtkWidget *
create_verbatim_row (const EcartVerbatimHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *body = gtk_label_new (hit->body);
  GtkWidget *where;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *parts[] = { hit->segment, hit->touchpoint, hit->attribute, hit->wave, hit->respondent };

  /* Names only, separated by a dot: not a sentence. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", parts[i]);

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  where = gtk_label_new (details->str);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (box), body);
  gtk_box_append (GTK_BOX (box), where);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, hit->body,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str, -1);
  return row;
}

static void
run_search (EcartMeasurementsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *label = NULL;
  g_autofree char *query = NULL;
  GtkWidget *child;
  guint64 found = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->verbatims_list))) != NULL)
    gtk_list_box_remove (self->verbatims_list, child);

  if (self->workspace == NULL || text == NULL)
    return;
  hits = ecart_verbatim_search (self->workspace, text, SEARCH_LIMIT, &found, &error);
  if (hits == NULL)
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could Not Search the Verbatims"), error);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->verbatims_list, create_verbatim_row (hits->pdata[i]));

  query = ecart_verbatim_search_to_fts (text);
  if (query[0] == '\0')
    label = g_strdup ("");
  else if (found > hits->len)
    {
      g_autofree char *count = ecart_gui_format_count ((gint64)found);
      g_autofree char *shown = ecart_gui_format_count (hits->len);

      /* TRANSLATORS: how many verbatims were found, then how many are shown */
      label = g_strdup_printf (_("%s verbatims found; the first %s are shown"), count, shown);
    }
  else
    {
      g_autofree char *count = ecart_gui_format_count ((gint64)found);

      /* TRANSLATORS: %s is a number of verbatims */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s verbatim found",
                                            "%s verbatims found", found),
                               count);
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "verbatims") == 0)
    gtk_label_set_label (self->count_label, label);
  g_object_set_data_full (G_OBJECT (self->count_label), "search", g_steal_pointer (&label), g_free);
}

static void
on_search_entry_search_changed_cb (EcartMeasurementsPage *self)
{
  run_search (self);
}

static void
on_view_stack_visible_child_cb (EcartMeasurementsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "verbatims") == 0)
    {
      const char *label = g_object_get_data (G_OBJECT (self->count_label), "search");

      gtk_label_set_label (self->count_label, label != NULL ? label : "");
    }
  else
    update_count (self);
}

/* Workspace --------------------------------------------------------------------------------- */

static void
on_workspace_changed_cb (EcartMeasurementsPage *self)
{
  GListModel *waves = ecart_workspace_get_waves (self->workspace);

  gtk_list_box_bind_model (self->waves_list, waves, create_wave_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), g_list_model_get_n_items (waves) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->waves_window), g_list_model_get_n_items (waves) > 0);
  fill_filters (self);
  update_count (self);
  run_search (self);
}

static void
ecart_measurements_page_dispose (GObject *object)
{
  EcartMeasurementsPage *self = (EcartMeasurementsPage *)object;
  GtkWidget *child;

  ecart_measurements_page_set_workspace (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_MEASUREMENTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ecart_measurements_page_parent_class)->dispose (object);
}

static void
ecart_measurements_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EcartMeasurementsPage *self = ECART_MEASUREMENTS_PAGE (object);

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
ecart_measurements_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EcartMeasurementsPage *self = ECART_MEASUREMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_measurements_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_measurements_page_class_init (EcartMeasurementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_measurements_page_dispose;
  object_class->get_property = ecart_measurements_page_get_property;
  object_class->set_property = ecart_measurements_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-measurements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, waves_window);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, waves_list);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, wave_filter);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, segment_filter);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, table);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EcartMeasurementsPage, verbatims_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);
}

static void
ecart_measurements_page_init (EcartMeasurementsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_table_column (self, _("Respondent"), COLUMN_RESPONDENT, FALSE);
  add_table_column (self, _("Segment"), COLUMN_SEGMENT, TRUE);
  add_table_column (self, _("Wave"), COLUMN_WAVE, TRUE);
  add_table_column (self, _("Attribute"), COLUMN_ATTRIBUTE, TRUE);
  add_table_column (self, _("Touchpoint"), COLUMN_TOUCHPOINT, TRUE);
  add_table_column (self, _("Dimension"), COLUMN_DIMENSION, FALSE);
  add_table_column (self, _("Score"), COLUMN_SCORE, FALSE);
  add_table_column (self, _("Score on 0–10"), COLUMN_NORMALIZED, FALSE);

  self->selection = gtk_no_selection_new (NULL);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->wave_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->segment_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  fill_filters (self);
}

EcartWorkspace *
ecart_measurements_page_get_workspace (EcartMeasurementsPage *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENTS_PAGE (self), NULL);
  return self->workspace;
}

void
ecart_measurements_page_set_workspace (EcartMeasurementsPage *self,
                                       EcartWorkspace        *workspace)
{
  g_return_if_fail (ECART_IS_MEASUREMENTS_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      gtk_list_box_bind_model (self->waves_list, NULL, NULL, NULL, NULL);
      if (self->selection != NULL)
        gtk_no_selection_set_model (self->selection, NULL);
      g_clear_object (&self->model);
    }

  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->model = ecart_measurement_model_new (workspace);
      gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_count), self);
      /* After the model, which follows "changed" too: the filters read it. */
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self);
      on_workspace_changed_cb (self);
    }

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* Returns: (transfer none) (nullable): the measurements the table shows */
GListModel *
ecart_measurements_page_get_model (EcartMeasurementsPage *self)
{
  g_return_val_if_fail (ECART_IS_MEASUREMENTS_PAGE (self), NULL);
  return self->model != NULL ? G_LIST_MODEL (self->model) : NULL;
}

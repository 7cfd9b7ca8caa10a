/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-overview-page.h"

/* The overview of a workspace: what it is, what it holds (counted from the file), its
 * waves, and the four steps of the method the other pages follow. */

struct _EcartOverviewPage
{
  GtkWidget            parent_instance;

  EcartWorkspace      *workspace;

  GtkLabel            *title_label;
  GtkLabel            *description_label;
  GtkLabel            *segments_label;
  GtkLabel            *journey_label;
  GtkLabel            *attributes_label;
  GtkLabel            *initiatives_label;
  GtkLabel            *measurements_label;
  AdwPreferencesGroup *waves_group;
  GtkListBox          *waves_list;
};

G_DEFINE_FINAL_TYPE (EcartOverviewPage, ecart_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_count_label (GtkLabel   *label,
                 const char *text)
{
  gtk_label_set_label (label, text);
}

static GtkWidget *
create_wave_row (gpointer item,
                 gpointer user_data)
{
  EcartWave *wave = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = ecart_gui_format_count (ecart_wave_get_respondents (wave));
  /* Translators: %s is a number of respondents */
  g_autofree char *respondents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s respondent",
                                                               "%s respondents",
                                                               ecart_wave_get_respondents (wave)),
                                                  count);
  g_autofree char *dates = NULL;
  GtkWidget *suffix;

  if (ecart_wave_get_started_on (wave) != NULL && ecart_wave_get_ended_on (wave) != NULL)
    /* Translators: the dates a wave of measurements ran, "from – to" */
    dates = g_strdup_printf (_("%s – %s"), ecart_wave_get_started_on (wave),
                             ecart_wave_get_ended_on (wave));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ecart_item_get_name (ECART_ITEM (wave)));
  if (dates != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dates);
  suffix = gtk_label_new (respondents);
  gtk_widget_add_css_class (suffix, "dim-label");
  gtk_widget_add_css_class (suffix, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
update (EcartOverviewPage *self)
{
  EcartWorkspaceCounts counts;
  g_autoptr(GError) error = NULL;
  g_autofree char *segments = NULL;
  g_autofree char *journey = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *initiatives = NULL;
  g_autofree char *measurements = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *respondents = NULL;
  const char *description;

  if (self->workspace == NULL)
    return;

  gtk_label_set_label (self->title_label, ecart_workspace_get_name (self->workspace));
  description = ecart_workspace_get_description (self->workspace);
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');

  if (!ecart_workspace_get_counts (self->workspace, &counts, &error))
    {
      g_warning ("Could not count the workspace's contents: %s", error->message);
      return;
    }

  segments = g_strdup_printf ("%u", counts.segments);
  {
    g_autofree char *stages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages",
                                                            counts.stages), counts.stages);
    g_autofree char *touchpoints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint",
                                                                 "%u touchpoints", counts.touchpoints),
                                                    counts.touchpoints);

    /* Translators: "7 stages · 15 touchpoints" */
    journey = g_strdup_printf (_("%s · %s"), stages, touchpoints);
  }
  attributes = g_strdup_printf ("%u", counts.attributes);
  initiatives = g_strdup_printf ("%u", counts.initiatives);
  measured = ecart_gui_format_count (counts.measurements);
  respondents = ecart_gui_format_count (counts.respondents);
  /* Translators: "84,540 from 2,475 respondents" */
  measurements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %s respondent",
                                               "%s from %s respondents", counts.respondents),
                                  measured, respondents);

  set_count_label (self->segments_label, segments);
  set_count_label (self->journey_label, journey);
  set_count_label (self->attributes_label, attributes);
  set_count_label (self->initiatives_label, initiatives);
  set_count_label (self->measurements_label, measurements);

  gtk_widget_set_visible (GTK_WIDGET (self->waves_group), counts.waves > 0);
}

static void
ecart_overview_page_dispose (GObject *object)
{
  EcartOverviewPage *self = (EcartOverviewPage *)object;

  ecart_overview_page_set_workspace (self, NULL);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_OVERVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ecart_overview_page_parent_class)->dispose (object);
}

static void
ecart_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EcartOverviewPage *self = ECART_OVERVIEW_PAGE (object);

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
ecart_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EcartOverviewPage *self = ECART_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_overview_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_overview_page_class_init (EcartOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_overview_page_dispose;
  object_class->get_property = ecart_overview_page_get_property;
  object_class->set_property = ecart_overview_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, segments_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, journey_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, attributes_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, initiatives_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, measurements_label);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, waves_group);
  gtk_widget_class_bind_template_child (widget_class, EcartOverviewPage, waves_list);
}

static void
ecart_overview_page_init (EcartOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EcartWorkspace *
ecart_overview_page_get_workspace (EcartOverviewPage *self)
{
  g_return_val_if_fail (ECART_IS_OVERVIEW_PAGE (self), NULL);
  return self->workspace;
}

void
ecart_overview_page_set_workspace (EcartOverviewPage *self,
                                   EcartWorkspace    *workspace)
{
  g_return_if_fail (ECART_IS_OVERVIEW_PAGE (self));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      gtk_list_box_bind_model (self->waves_list, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (update), self);
      gtk_list_box_bind_model (self->waves_list, ecart_workspace_get_waves (workspace),
                               create_wave_row, self, NULL);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

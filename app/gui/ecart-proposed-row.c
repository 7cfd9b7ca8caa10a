/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-proposed-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-gui-util.h"
#include "ecart-level-field.h"
#include "ecart-proposed-row.h"
#include "ecart-statement-view.h"

/* One attribute of the proposed experience of a segment (step 3): next to the desired
 * target, the level really in place and what is in place, with the implementation gap
 * (proposed − desired) shown as the level is typed or spun, before it is saved. */

struct _EcartProposedRow
{
  GtkListBoxRow       parent_instance;

  EcartWorkspace     *workspace;
  EcartAttribute     *attribute;
  EcartSegment       *segment;
  EcartExperience    *experience;
  EcartLevelField    *proposed_field;

  GtkLabel           *name_label;
  GtkLabel           *promise_label;
  GtkLabel           *target_label;
  GtkSpinButton      *proposed_spin;
  GtkLabel           *gap_label;
  GtkMenuButton      *menu_button;
  GtkLabel           *error_label;
  EcartStatementView *statement_view;
};

G_DEFINE_FINAL_TYPE (EcartProposedRow, ecart_proposed_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ATTRIBUTE,
  PROP_SEGMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const gap_classes[] = { "negative", "positive", "zero", "unset" };

/* A GtkLabel names itself with its text; these are named by what they show, their text
 * going to the description. */
static void
set_value_label (GtkLabel   *label,
                 const char *text,
                 const char *name,
                 const char *description)
{
  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The gap between what is typed now and the target: it moves before the level is saved. */
static void
update_gap (EcartProposedRow *self)
{
  double target = self->experience != NULL ? ecart_experience_get_desired_target (self->experience) : NAN;
  double level = ecart_level_field_get_pending_value (self->proposed_field);
  double gap = target == target && level == level ? round ((level - target) * 10.0) / 10.0 : NAN;
  g_autofree char *text = ecart_gui_format_gap (gap);
  g_autofree char *points = NULL;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  const char *css;

  if (self->attribute == NULL)
    return;

  if (isnan (gap))
    {
      css = "unset";
      description = g_strdup (_("No gap yet: it needs both the target and the level in place"));
    }
  else if (gap < 0)
    {
      css = "negative";
      points = g_strdup_printf ("%.1f", -gap);
      /* Translators: %s is a number of points on the 0–10 scale, "1.5" */
      description = g_strdup_printf (_("%s points below the target: the promise is not built yet"), points);
    }
  else if (gap > 0)
    {
      css = "positive";
      points = g_strdup_printf ("%.1f", gap);
      /* Translators: %s is a number of points on the 0–10 scale, "1.5" */
      description = g_strdup_printf (_("%s points above the target: more than promised is in place"), points);
    }
  else
    {
      css = "zero";
      description = g_strdup (_("On target: the promise is built"));
    }

  name = g_strdup_printf (_("Implementation gap for %s"), ecart_item_get_name (ECART_ITEM (self->attribute)));
  set_value_label (self->gap_label, text, name, description);
  for (guint i = 0; i < G_N_ELEMENTS (gap_classes); i++)
    if (!g_str_equal (gap_classes[i], css))
      gtk_widget_remove_css_class (GTK_WIDGET (self->gap_label), gap_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->gap_label), css);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->gap_label), description);
}

static void
update_error (EcartProposedRow *self)
{
  const char *message = ecart_level_field_get_error (self->proposed_field);

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    ecart_gui_scroll_into_view (GTK_WIDGET (self->error_label));
}

static void update_desired (EcartProposedRow *self);

static void
update_attribute (EcartProposedRow *self)
{
  const char *name = ecart_item_get_name (ECART_ITEM (self->attribute));
  g_autofree char *proposed = g_strdup_printf (_("Proposed level for %s"), name);
  g_autofree char *statement = g_strdup_printf (_("What is in place for %s"), name);
  g_autofree char *menu = g_strdup_printf (_("Actions for %s"), name);

  gtk_label_set_label (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->proposed_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, proposed, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->statement_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, statement,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  update_desired (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

static void
update_desired (EcartProposedRow *self)
{
  double target = self->experience != NULL ? ecart_experience_get_desired_target (self->experience) : NAN;
  const char *promise = self->experience != NULL ? ecart_experience_get_desired_statement (self->experience) : NULL;
  g_autofree char *text = ecart_gui_format_level (target);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (self->attribute == NULL)
    return;

  name = g_strdup_printf (_("Desired target for %s"), ecart_item_get_name (ECART_ITEM (self->attribute)));
  if (isnan (target))
    description = g_strdup (_("No target set in the desired experience"));
  else
    /* Translators: %s is a level, "8.5" */
    description = g_strdup_printf (_("%s out of 10, set in the desired experience"), text);
  set_value_label (self->target_label, text, name, description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_label), description);

  if (promise != NULL && promise[0] != '\0')
    {
      gtk_label_set_label (self->promise_label, promise);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->promise_label), promise);
    }
  else
    {
      gtk_label_set_label (self->promise_label, _("No promise written yet"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->promise_label), NULL);
    }
  update_gap (self);
}

static void
on_experience_notify_cb (EcartProposedRow *self,
                         GParamSpec       *pspec)
{
  const char *name = pspec != NULL ? pspec->name : NULL;

  if (name == NULL || g_str_equal (name, "desired-target") || g_str_equal (name, "desired-statement"))
    update_desired (self);

  if (self->experience == NULL)
    {
      ecart_level_field_set_value (self->proposed_field, NAN);
      ecart_statement_view_set_text (self->statement_view, "");
      return;
    }

  if (name == NULL || g_str_equal (name, "proposed-level"))
    ecart_level_field_set_value (self->proposed_field,
                                 ecart_experience_get_proposed_level (self->experience));
  if (name == NULL || g_str_equal (name, "proposed-statement"))
    ecart_statement_view_set_text (self->statement_view,
                                   ecart_experience_get_proposed_statement (self->experience));
}

static gboolean
can_edit (EcartProposedRow *self)
{
  return self->workspace != NULL && self->segment != NULL && self->experience != NULL;
}

static void
on_proposed_commit_cb (EcartLevelField  *field,
                       double            value,
                       EcartProposedRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (!ecart_workspace_set_proposed_level (self->workspace, self->segment, self->attribute, value,
                                           &error))
    {
      ecart_level_field_set_value (field, ecart_experience_get_proposed_level (self->experience));
      ecart_gui_show_error (GTK_WIDGET (self), _("Could not save the level in place"), error);
    }
}

static void
on_statement_view_commit_cb (EcartProposedRow *self,
                             const char       *text)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (!ecart_workspace_set_proposed_statement (self->workspace, self->segment, self->attribute,
                                               text, &error))
    ecart_gui_show_error (GTK_WIDGET (self), _("Could not save what is in place"), error);
}

static void
set_experience (EcartProposedRow *self,
                EcartExperience  *experience)
{
  if (self->experience == experience)
    return;

  if (self->experience != NULL)
    g_signal_handlers_disconnect_by_data (self->experience, self);
  g_set_object (&self->experience, experience);
  if (experience != NULL)
    g_signal_connect_object (experience, "notify", G_CALLBACK (on_experience_notify_cb), self,
                             G_CONNECT_SWAPPED);
  on_experience_notify_cb (self, NULL);
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ecart_proposed_row_commit (ECART_PROPOSED_ROW (widget));
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartProposedRow *self = ECART_PROPOSED_ROW (widget);

  ecart_proposed_row_commit (self);
  gtk_widget_activate_action (widget, "proposed.propose-initiative", "x",
                              ecart_item_get_id (ECART_ITEM (self->attribute)));
}

static void
ecart_proposed_row_dispose (GObject *object)
{
  EcartProposedRow *self = (EcartProposedRow *)object;

  set_experience (self, NULL);
  g_clear_object (&self->proposed_field);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_PROPOSED_ROW);

  g_clear_object (&self->segment);
  g_clear_object (&self->attribute);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_proposed_row_parent_class)->dispose (object);
}

static void
ecart_proposed_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EcartProposedRow *self = ECART_PROPOSED_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ATTRIBUTE:
      g_value_set_object (value, self->attribute);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_proposed_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EcartProposedRow *self = ECART_PROPOSED_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_ATTRIBUTE:
      self->attribute = g_value_dup_object (value);
      break;
    case PROP_SEGMENT:
      ecart_proposed_row_set_segment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_proposed_row_constructed (GObject *object)
{
  EcartProposedRow *self = (EcartProposedRow *)object;
  g_autoptr(GMenu) menu = g_menu_new ();

  G_OBJECT_CLASS (ecart_proposed_row_parent_class)->constructed (object);

  g_signal_connect_object (self->attribute, "notify::name", G_CALLBACK (update_attribute), self,
                           G_CONNECT_SWAPPED);
  update_attribute (self);

  g_menu_append (menu, _("Propose an _Initiative…"), "row.propose-initiative");
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
ecart_proposed_row_class_init (EcartProposedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ecart_proposed_row_constructed;
  object_class->dispose = ecart_proposed_row_dispose;
  object_class->get_property = ecart_proposed_row_get_property;
  object_class->set_property = ecart_proposed_row_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTRIBUTE] =
    g_param_spec_object ("attribute", NULL, NULL, ECART_TYPE_ATTRIBUTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_STATEMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-proposed-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, promise_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, target_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, proposed_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, gap_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, EcartProposedRow, statement_view);

  gtk_widget_class_install_action (widget_class, "field.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "row.propose-initiative", NULL, propose_action);
}

static void
ecart_proposed_row_init (EcartProposedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->proposed_field = ecart_level_field_new (self->proposed_spin, ECART_LEVEL_FIELD_LEVEL);
  g_signal_connect (self->proposed_field, "commit", G_CALLBACK (on_proposed_commit_cb), self);
  g_signal_connect_swapped (self->proposed_field, "notify::pending-value", G_CALLBACK (update_gap), self);
  g_signal_connect_swapped (self->proposed_field, "notify::error", G_CALLBACK (update_error), self);
  g_signal_connect_swapped (self->statement_view, "commit", G_CALLBACK (on_statement_view_commit_cb), self);
}

GtkWidget *
ecart_proposed_row_new (EcartWorkspace *workspace,
                        EcartAttribute *attribute,
                        EcartSegment   *segment)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);

  return g_object_new (ECART_TYPE_PROPOSED_ROW,
                       "workspace", workspace,
                       "attribute", attribute,
                       "segment", segment,
                       NULL);
}

EcartAttribute *
ecart_proposed_row_get_attribute (EcartProposedRow *self)
{
  g_return_val_if_fail (ECART_IS_PROPOSED_ROW (self), NULL);
  return self->attribute;
}

/**
 * ecart_proposed_row_set_segment:
 * @segment: (nullable): the segment whose proposed experience the row shows
 *
 * What was typed for the previous segment is saved to it first.
 */
void
ecart_proposed_row_set_segment (EcartProposedRow *self,
                                EcartSegment     *segment)
{
  g_return_if_fail (ECART_IS_PROPOSED_ROW (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (self->segment == segment)
    return;

  ecart_proposed_row_commit (self);
  g_set_object (&self->segment, segment);
  set_experience (self, segment != NULL && self->workspace != NULL
                        ? ecart_workspace_get_experience (self->workspace, segment, self->attribute)
                        : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/* Saves what is typed and not saved yet (before undo, or when the segment changes). */
void
ecart_proposed_row_commit (EcartProposedRow *self)
{
  g_return_if_fail (ECART_IS_PROPOSED_ROW (self));

  if (self->proposed_field == NULL)
    return;

  ecart_level_field_commit (self->proposed_field);
  ecart_statement_view_flush (self->statement_view);
}

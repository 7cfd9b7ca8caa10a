/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-communicate-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-communicate-page.h"
#include "ecart-gui-util.h"
#include "ecart-window.h"

/* Step 2 of the method: communicate the desired experience sincerely. For each attribute of
 * the selected segment, the promise to communicate next to the expectation gap (Expected −
 * Desired) with its interval: customers who expect more than we want to deliver were
 * oversold, those who expect less undersold. The attributes that matter most and are the
 * furthest off come first. */

struct _EcartCommunicatePage
{
  GtkWidget       parent_instance;

  EcartWorkspace *workspace;
  EcartSegment   *segment;
  EcartGapTable  *table;      /* every segment, with the preferences; NULL until needed */
  GSettings      *settings;
  gboolean        show_guide;

  GtkStack       *stack;
  GtkLabel       *segment_label;
  GtkLabel       *summary_label;
  GtkRevealer    *guide_revealer;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (EcartCommunicatePage, ecart_communicate_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SEGMENT,
  PROP_SHOW_GUIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EcartPageShortcut shortcuts[] = {
  { GDK_KEY_F1, 0, "communicate.show-guide", NULL },
};

typedef struct
{
  EcartAttribute *attribute;
  EcartGapRow    *row;       /* NULL: not in the table */
  int             importance;
  double          priority;  /* importance × |gap|; −1 without a gap */
} Item;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;
  return y->importance - x->importance;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The verdict on an expectation gap: a word, its style and what it means. */
static void
describe_gap (const EcartGap  *gap,
              double           desired,
              const char     **verdict,
              const char     **css_class,
              char           **reading)
{
  if (isnan (desired))
    {
      *verdict = _("No target");
      *css_class = "verdict-none";
      *reading = g_strdup (_("Set a target level on the Desired Experience page to compare it with what customers expect."));
    }
  else if (gap == NULL || gap->n == 0 || isnan (gap->value))
    {
      *verdict = _("Not measured");
      *css_class = "verdict-none";
      *reading = g_strdup (_("No expectation of this segment was measured yet: survey prospective customers."));
    }
  else if (gap->insufficient)
    {
      *verdict = _("Insufficient data");
      *css_class = "verdict-none";
      *reading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Only %lu measurement: too few to conclude.",
                                               "Only %lu measurements: too few to conclude.",
                                               (gulong)gap->n),
                                  (gulong)gap->n);
    }
  else if (gap->significant && gap->value > 0)
    {
      *verdict = _("Oversold");
      *css_class = "verdict-oversold";
      *reading = g_strdup (_("Customers expect more than we want to deliver: temper what is said, or raise the desired level."));
    }
  else if (gap->significant && gap->value < 0)
    {
      *verdict = _("Undersold");
      *css_class = "verdict-undersold";
      *reading = g_strdup (_("Customers expect less than we want to deliver: say it louder, it is a strength they do not know yet."));
    }
  else
    {
      *verdict = _("Aligned");
      *css_class = "verdict-aligned";
      *reading = g_strdup (_("What customers expect does not differ significantly from what we want to deliver."));
    }
}

static GtkWidget *
create_row (EcartCommunicatePage *self,
            const Item           *item)
{
  EcartExperience *experience = ecart_workspace_get_experience (self->workspace, self->segment,
                                                                item->attribute);
  const char *statement = experience != NULL ? ecart_experience_get_desired_statement (experience) : NULL;
  double desired = experience != NULL ? ecart_experience_get_desired_target (experience) : NAN;
  const EcartGap *gap = item->row != NULL ? ecart_gap_row_get_gap (item->row, ECART_GAP_EXPECTATION) : NULL;
  const EcartSummary *expected = item->row != NULL
                                 ? ecart_gap_row_get_summary (item->row, ECART_DIMENSION_EXPECTED) : NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;
  const char *verdict;
  const char *css_class;
  g_autofree char *reading = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *gap_text = NULL;
  g_autofree char *ci_text = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *desired_text = ecart_gui_format_level (desired);
  g_autofree char *expected_text = ecart_gui_format_level (expected != NULL ? expected->mean : NAN);

  describe_gap (gap, desired, &verdict, &css_class, &reading);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ecart_item_get_name (ECART_ITEM (item->attribute)), -1);
  gtk_widget_add_css_class (box, "communicate-row");

  /* Translators: an attribute and its importance, "Warm welcome · importance 5/5" */
  heading = g_strdup_printf (_("%s · importance %d/5"), ecart_item_get_name (ECART_ITEM (item->attribute)),
                             item->importance);
  gtk_box_append (GTK_BOX (left), new_label (heading, "heading"));
  if (statement != NULL && statement[0] != '\0')
    {
      /* Translators: a promise statement, quoted */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), statement);

      label = new_label (quoted, "promise");
    }
  else
    label = new_label (_("No promise written yet."), "dim-label");
  gtk_widget_set_name (label, "promise");
  gtk_box_append (GTK_BOX (left), label);
  label = new_label (reading, "dim-label");
  gtk_widget_set_name (label, "reading");
  gtk_box_append (GTK_BOX (left), label);
  gtk_widget_set_hexpand (left, TRUE);

  gap_text = gap != NULL ? ecart_gui_format_gap (gap->value) : g_strdup ("—");
  if (gap != NULL && !isnan (gap->ci_low) && !isnan (gap->ci_high))
    {
      g_autofree char *low = ecart_gui_format_gap (gap->ci_low);
      g_autofree char *high = ecart_gui_format_gap (gap->ci_high);

      /* Translators: a confidence interval, "95 % CI: −0.4 to +1.2" */
      ci_text = g_strdup_printf (_("%.0f %% CI: %s to %s"),
                                 ecart_gap_table_get_confidence (self->table) * 100.0, low, high);
    }
  else
    ci_text = g_strdup (_("No interval"));
  /* Translators: the desired level, the expected mean and its number of measurements */
  levels = g_strdup_printf (_("Desired %s · expected %s (n = %lu)"),
                            desired_text, expected_text, expected != NULL ? (gulong)expected->n : 0UL);

  label = new_label (gap_text, "communicate-gap");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, "gap");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (right), label);
  label = new_label (verdict, "verdict");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_name (label, "verdict");
  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (right), label);
  label = new_label (ci_text, "numeric");
  gtk_widget_set_name (label, "ci");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (right), label);
  label = new_label (levels, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (right), label);
  gtk_widget_set_size_request (right, 240, -1);
  gtk_widget_set_valign (right, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update (EcartCommunicatePage *self)
{
  GtkWidget *child;
  g_autoptr(GArray) items = NULL;
  GListModel *attributes;
  guint counts[4] = { 0, };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->workspace == NULL || self->segment == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
  gtk_label_set_label (self->segment_label, ecart_item_get_name (ECART_ITEM (self->segment)));

  if (self->table == NULL)
    {
      g_autoptr(EcartGapOptions) options = ecart_gui_new_gap_options (self->settings);
      g_autoptr(GError) error = NULL;

      self->table = ecart_gap_table_new (self->workspace, options, &error);
      if (self->table == NULL)
        {
          gtk_label_set_label (self->summary_label, error->message);
          return;
        }
    }

  attributes = ecart_workspace_get_attributes (self->workspace);
  items = g_array_new (FALSE, FALSE, sizeof (Item));
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, i);
      EcartExperience *experience = ecart_workspace_get_experience (self->workspace, self->segment,
                                                                    attribute);
      Item item = { attribute, ecart_gap_table_lookup (self->table, self->segment, attribute), 0, -1 };
      const EcartGap *gap = item.row != NULL ? ecart_gap_row_get_gap (item.row, ECART_GAP_EXPECTATION) : NULL;

      item.importance = experience != NULL ? ecart_experience_get_importance (experience) : 0;
      if (gap != NULL && !isnan (gap->value) && !gap->insufficient)
        {
          item.priority = item.importance * fabs (gap->value);
          counts[gap->significant ? (gap->value > 0 ? 0 : 1) : 2]++;
        }
      else
        counts[3]++;
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_items);

  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, create_row (self, &g_array_index (items, Item, i)));

  {
    g_autofree char *oversold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u oversold",
                                                              "%u oversold", counts[0]), counts[0]);
    g_autofree char *undersold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u undersold",
                                                               "%u undersold", counts[1]), counts[1]);
    g_autofree char *aligned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u aligned",
                                                             "%u aligned", counts[2]), counts[2]);
    g_autofree char *unknown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u without enough data",
                                                             "%u without enough data", counts[3]),
                                                counts[3]);
    /* Translators: the four counts of the page, then the confidence level and minimum n */
    g_autofree char *summary = g_strdup_printf (_("%s · %s · %s · %s — at %.0f %% confidence, "
                                                  "at least %u measurements"),
                                                oversold, undersold, aligned, unknown,
                                                ecart_gap_table_get_confidence (self->table) * 100.0,
                                                ecart_gap_table_get_min_n (self->table));

    gtk_label_set_label (self->summary_label, summary);
  }
}

static void
recompute (EcartCommunicatePage *self)
{
  g_clear_object (&self->table);
  update (self);
}

static void
on_settings_changed_cb (GSettings            *settings,
                        const char           *key,
                        EcartCommunicatePage *self)
{
  if (ecart_gui_is_gap_setting (key))
    recompute (self);
}

static void
show_page_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ECART_TYPE_WINDOW);

  if (window != NULL)
    ecart_window_set_page (ECART_WINDOW (window), g_variant_get_string (parameter, NULL));
}

/* GObject ----------------------------------------------------------------------------------- */

static void
ecart_communicate_page_dispose (GObject *object)
{
  EcartCommunicatePage *self = (EcartCommunicatePage *)object;

  ecart_communicate_page_set_workspace (self, NULL);
  g_clear_object (&self->segment);
  g_clear_object (&self->table);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_COMMUNICATE_PAGE);

  G_OBJECT_CLASS (ecart_communicate_page_parent_class)->dispose (object);
}

static void
ecart_communicate_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EcartCommunicatePage *self = ECART_COMMUNICATE_PAGE (object);

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
ecart_communicate_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EcartCommunicatePage *self = ECART_COMMUNICATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_communicate_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_communicate_page_set_segment (self, g_value_get_object (value));
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
ecart_communicate_page_class_init (EcartCommunicatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_communicate_page_dispose;
  object_class->get_property = ecart_communicate_page_get_property;
  object_class->set_property = ecart_communicate_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_GUIDE] =
    g_param_spec_boolean ("show-guide", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-communicate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartCommunicatePage, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartCommunicatePage, segment_label);
  gtk_widget_class_bind_template_child (widget_class, EcartCommunicatePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EcartCommunicatePage, guide_revealer);
  gtk_widget_class_bind_template_child (widget_class, EcartCommunicatePage, list);

  gtk_widget_class_install_action (widget_class, "communicate.show-page", "s", show_page_action);
  gtk_widget_class_install_property_action (widget_class, "communicate.show-guide", "show-guide");

  ecart_gui_class_add_page_shortcuts (widget_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
ecart_communicate_page_init (EcartCommunicatePage *self)
{
  self->show_guide = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "show-guide", self->guide_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);
  ecart_gui_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
  update (self);
}

EcartWorkspace *
ecart_communicate_page_get_workspace (EcartCommunicatePage *self)
{
  g_return_val_if_fail (ECART_IS_COMMUNICATE_PAGE (self), NULL);
  return self->workspace;
}

/**
 * ecart_communicate_page_set_workspace:
 * @workspace: (nullable): the workspace shown
 */
void
ecart_communicate_page_set_workspace (EcartCommunicatePage *self,
                                      EcartWorkspace       *workspace)
{
  g_return_if_fail (ECART_IS_COMMUNICATE_PAGE (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "changed", G_CALLBACK (recompute), self);

  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

EcartSegment *
ecart_communicate_page_get_segment (EcartCommunicatePage *self)
{
  g_return_val_if_fail (ECART_IS_COMMUNICATE_PAGE (self), NULL);
  return self->segment;
}

/**
 * ecart_communicate_page_set_segment:
 * @segment: (nullable): the segment shown
 */
void
ecart_communicate_page_set_segment (EcartCommunicatePage *self,
                                    EcartSegment         *segment)
{
  g_return_if_fail (ECART_IS_COMMUNICATE_PAGE (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (!g_set_object (&self->segment, segment))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/**
 * ecart_communicate_page_get_table:
 *
 * Returns: (transfer none) (nullable): the gap table the page shows
 */
EcartGapTable *
ecart_communicate_page_get_table (EcartCommunicatePage *self)
{
  g_return_val_if_fail (ECART_IS_COMMUNICATE_PAGE (self), NULL);
  return self->table;
}

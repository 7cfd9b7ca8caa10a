/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-chart.h"
#include "ecart-gui-util.h"
#include "ecart-presentation.h"

/* Presentation mode, for seminars: fullscreen slides built from the workspace — a title, the
 * method's four dimensions, then for each segment its promise and four charts drawn by the
 * core in large type, and a closing slide. The keys of a keyboard or a clicker move through
 * them; `b` blacks the screen out, `d` switches between dark and light, Esc leaves. */

struct _EcartPresentation
{
  AdwWindow       parent_instance;

  EcartWorkspace *workspace;
  EcartGapTable  *table;       /* NULL when the gap engine failed: chart slides say why */
  GSettings      *settings;
  GPtrArray      *slides;      /* the stack's children, in order */
  GPtrArray      *drawings;    /* what is drawn in the style's colours: redrawn on `d` */
  char           *number_text;
  guint           slide;
  gboolean        dark;
  gboolean        black;

  GtkCssProvider *type_scale;  /* the font size, from the window's height */
  int             type_height;
  GtkWidget      *root;
  GtkStack       *stack;
  GtkLabel       *number_label;
  GtkWidget      *black_screen;
};

G_DEFINE_FINAL_TYPE (EcartPresentation, ecart_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SLIDE,
  PROP_DARK,
  PROP_BLACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The charts of a segment's slides, after its promise. */
static const EcartChartKind segment_charts[ECART_PRESENTATION_SLIDES_PER_SEGMENT - 1] = {
  ECART_CHART_PROFILE,
  ECART_CHART_GAP_BARS,
  ECART_CHART_JOURNEY,
  ECART_CHART_NPS,
};

/* Building the slides ------------------------------------------------------------------------ */

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class,
           gboolean    markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_label (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
new_slide (EcartPresentation *self,
           const char        *name)
{
  GtkWidget *slide = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* A slide never makes the window taller than the screen: what does not fit scrolls. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), slide);
  gtk_widget_add_css_class (slide, "slide");
  gtk_stack_add_named (self->stack, scroller, name);
  g_ptr_array_add (self->slides, scroller);
  return slide;
}

static void
build_title_slide (EcartPresentation *self)
{
  GtkWidget *slide = new_slide (self, "title");
  GListModel *waves = ecart_workspace_get_waves (self->workspace);
  guint n_waves = g_list_model_get_n_items (waves);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date on the title slide; see g_date_time_format() */
  g_autofree char *date = g_date_time_format (now, _("%B %-d, %Y"));
  g_autofree char *waves_text = NULL;

  gtk_widget_set_valign (slide, GTK_ALIGN_CENTER);
  add_label (slide, _("The Four Dimensions of the Customer Experience"), "slide-kicker", FALSE);
  add_label (slide, ecart_workspace_get_name (self->workspace), "slide-huge", FALSE);
  add_label (slide, date, "slide-subtitle", FALSE);

  if (n_waves == 0)
    waves_text = g_strdup (_("No measurement wave yet"));
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n_waves; i++)
        {
          g_autoptr(EcartItem) wave = g_list_model_get_item (waves, i);

          if (i > 0)
            /* Translators: what separates the names of a list */
            g_string_append (names, _(", "));
          g_string_append (names, ecart_item_get_name (wave));
        }
      /* Translators: %u is a count, %s the waves' names */
      waves_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measurement wave: %s",
                                                 "%u measurement waves: %s", n_waves),
                                    n_waves, names->str);
    }
  add_label (slide, waves_text, "slide-text", FALSE);
}

static void
draw_dimension_bar (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  EcartPresentation *self = user_data;
  EcartDimension dimension = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "dimension"));
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (self->dark, 1.0);
  EcartChartColor color;

  ecart_chart_style_get_dimension_color (style, dimension, &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
build_method_slide (EcartPresentation *self)
{
  static const struct {
    const char *name;
    const char *french;
    const char *text;
  } dimensions[ECART_N_DIMENSIONS] = {
    { N_("Desired"), N_("expérience voulue"),
      N_("What the leadership wants each segment to live: a target level, a promise and its importance, decided in a workshop.") },
    { N_("Proposed"), N_("expérience proposée"),
      N_("What the organisation really offers: the level actually built, what is in place, the initiatives to go further.") },
    { N_("Expected"), N_("expérience attendue"),
      N_("What prospective customers expect, measured in the field by expectation surveys.") },
    { N_("Lived"), N_("expérience vécue"),
      N_("What customers live, measured at the touchpoints: perception surveys and interviews.") },
  };
  GtkWidget *slide = new_slide (self, "method");
  GtkWidget *grid = gtk_grid_new ();

  add_label (slide, _("The Method"), "slide-kicker", FALSE);
  add_label (slide, _("Four Dimensions of the Experience"), "slide-title", FALSE);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 48);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 36);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_vexpand (grid, TRUE);
  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (slide), grid);

  for (guint i = 0; i < ECART_N_DIMENSIONS; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      GtkWidget *bar = gtk_drawing_area_new ();
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autofree char *french = g_markup_printf_escaped ("<i>%s</i>", _(dimensions[i].french));

      gtk_widget_set_size_request (bar, 14, -1);
      g_object_set_data (G_OBJECT (bar), "dimension", GINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_dimension_bar, self, NULL);
      g_ptr_array_add (self->drawings, bar);

      gtk_widget_set_hexpand (text, TRUE);
      add_label (text, _(dimensions[i].name), "dimension-name", FALSE);
      add_label (text, french, "slide-subtitle", TRUE);
      add_label (text, _(dimensions[i].text), "slide-text", FALSE);

      gtk_box_append (GTK_BOX (cell), bar);
      gtk_box_append (GTK_BOX (cell), text);
      gtk_grid_attach (GTK_GRID (grid), cell, i % 2, i / 2, 1, 1);
    }
}

/* The promises of the segment's most important attributes: what it should live. */
static void
build_promise_slide (EcartPresentation *self,
                     EcartSegment      *segment,
                     guint              index)
{
  g_autofree char *name = g_strdup_printf ("segment-%u-promise", index);
  GtkWidget *slide = new_slide (self, name);
  GListModel *attributes = ecart_workspace_get_attributes (self->workspace);
  const char *description = ecart_segment_get_description (segment);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  add_label (slide, _("Our Promise"), "slide-kicker", FALSE);
  add_label (slide, ecart_item_get_name (ECART_ITEM (segment)), "slide-title", FALSE);
  if (description != NULL && description[0] != '\0')
    add_label (slide, description, "slide-subtitle", FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, i);
      EcartExperience *experience = ecart_workspace_get_experience (self->workspace, segment,
                                                                    attribute);
      const char *statement = experience != NULL ? ecart_experience_get_desired_statement (experience) : NULL;

      if (statement != NULL && statement[0] != '\0')
        g_ptr_array_add (cells, attribute);
    }

  /* The most important first; the list's order among equals. */
  for (guint i = 1; i < cells->len; i++)
    for (guint j = i; j > 0; j--)
      {
        EcartExperience *a = ecart_workspace_get_experience (self->workspace, segment, cells->pdata[j - 1]);
        EcartExperience *b = ecart_workspace_get_experience (self->workspace, segment, cells->pdata[j]);

        if (ecart_experience_get_importance (b) <= ecart_experience_get_importance (a))
          break;
        g_ptr_array_insert (cells, j - 1, g_ptr_array_steal_index (cells, j));
      }

  gtk_widget_set_margin_top (list, 24);
  gtk_box_append (GTK_BOX (slide), list);

  if (cells->len == 0)
    add_label (list, _("No promise is written for this segment yet: formalise it on the Desired "
                       "Experience page."), "slide-text", FALSE);

  for (guint i = 0; i < MIN (cells->len, 3); i++)
    {
      EcartAttribute *attribute = cells->pdata[i];
      EcartExperience *experience = ecart_workspace_get_experience (self->workspace, segment,
                                                                    attribute);
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      /* Translators: a promise statement quoted on a slide */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"),
                                                 ecart_experience_get_desired_statement (experience));

      add_label (item, ecart_item_get_name (ECART_ITEM (attribute)), "promise-attribute", FALSE);
      add_label (item, quoted, "promise-text", FALSE);
      gtk_box_append (GTK_BOX (list), item);
    }
}

/* Charts are drawn by the core, in large type: as large as the slide allows, smaller only
 * when a chart with many rows would not fit. */
static EcartChartStyle *
new_chart_style (EcartPresentation *self,
                 double             scale)
{
  EcartChartStyle *style = ecart_chart_style_new (self->dark, scale);

  ecart_chart_style_set_draws_background (style, FALSE);
  return style;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  EcartPresentation *self = user_data;
  EcartChart *chart = g_object_get_data (G_OBJECT (area), "chart");
  double low = 1.0;
  double high = CLAMP (width / 640.0, 1.0, 3.0);
  g_autoptr(EcartChartStyle) style = new_chart_style (self, high);

  /* The largest scale at which the chart fits, to a few hundredths. */
  if (ecart_chart_get_preferred_height (chart, width, style) > height)
    {
      for (guint i = 0; i < 7; i++)
        {
          double middle = (low + high) / 2.0;
          g_autoptr(EcartChartStyle) trial = new_chart_style (self, middle);

          if (ecart_chart_get_preferred_height (chart, width, trial) <= height)
            low = middle;
          else
            high = middle;
        }
      g_clear_pointer (&style, ecart_chart_style_free);
      style = new_chart_style (self, low);
    }
  ecart_chart_draw (chart, cr, width, height, style);
}

static void
build_chart_slide (EcartPresentation *self,
                   EcartSegment      *segment,
                   guint              index,
                   EcartChartKind     kind)
{
  g_autofree char *name = g_strdup_printf ("segment-%u-%s", index, ecart_chart_kind_to_string (kind));
  GtkWidget *slide = new_slide (self, name);

  /* The chart's title and subtitle name the segment: all the room goes to the chart. */
  gtk_widget_add_css_class (slide, "chart-slide");
  if (self->table == NULL)
    {
      add_label (slide, ecart_item_get_name (ECART_ITEM (segment)), "slide-kicker", FALSE);
      add_label (slide, ecart_chart_kind_get_title (kind), "slide-title", FALSE);
      add_label (slide, _("The figures could not be computed."), "slide-text", FALSE);
      return;
    }

  {
    EcartChart *chart = ecart_chart_new (kind, self->table, segment,
                                         ecart_chart_kind_get_default_gap (kind));
    GtkWidget *area = gtk_drawing_area_new ();
    g_autofree char *text = ecart_chart_to_text (chart);

    g_object_set_data_full (G_OBJECT (area), "chart", chart, g_object_unref);
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, self, NULL);
    gtk_widget_set_vexpand (area, TRUE);
    gtk_widget_set_hexpand (area, TRUE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, ecart_chart_get_title (chart),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
    gtk_box_append (GTK_BOX (slide), area);
    g_ptr_array_add (self->drawings, area);
  }
}

static void
build_closing_slide (EcartPresentation *self)
{
  GtkWidget *slide = new_slide (self, "closing");

  gtk_widget_set_valign (slide, GTK_ALIGN_CENTER);
  add_label (slide, ecart_workspace_get_name (self->workspace), "slide-kicker", FALSE);
  add_label (slide, _("Thank You"), "slide-huge", FALSE);
  add_label (slide, _("Questions and discussion"), "slide-subtitle", FALSE);
  add_label (slide, _("1. Formalise the desired experience · 2. Communicate it sincerely · "
                      "3. Translate it into the proposed experience · 4. Measure the lived "
                      "experience and steer"), "slide-text", FALSE);
}

static void
build_slides (EcartPresentation *self)
{
  GListModel *segments = ecart_workspace_get_segments (self->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartGapOptions) options = ecart_gui_new_gap_options (self->settings);

  self->table = ecart_gap_table_new (self->workspace, options, &error);
  if (self->table == NULL)
    g_warning ("Failed to compute the gaps of the presentation: %s", error->message);

  build_title_slide (self);
  build_method_slide (self);
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, i);

      build_promise_slide (self, segment, i);
      for (guint k = 0; k < G_N_ELEMENTS (segment_charts); k++)
        build_chart_slide (self, segment, i, segment_charts[k]);
    }
  build_closing_slide (self);
}

/* State ------------------------------------------------------------------------------------- */

static void
update_number (EcartPresentation *self)
{
  g_free (self->number_text);
  /* Translators: the slide number, "3 / 17" */
  self->number_text = g_strdup_printf (_("%u / %u"), self->slide + 1, self->slides->len);
  gtk_label_set_label (self->number_label, self->number_text);
}

static void
update_style (EcartPresentation *self)
{
  if (self->dark)
    gtk_widget_add_css_class (self->root, "dark");
  else
    gtk_widget_remove_css_class (self->root, "dark");
  for (guint i = 0; i < self->drawings->len; i++)
    gtk_widget_queue_draw (self->drawings->pdata[i]);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartPresentation *self = ECART_PRESENTATION (widget);
  guint last = self->slides->len - 1;


  /* Moving brings the screen back from black. */
  ecart_presentation_set_black (self, FALSE);

  if (g_str_equal (action_name, "presentation.next"))
    ecart_presentation_set_slide (self, MIN (self->slide + 1, last));
  else if (g_str_equal (action_name, "presentation.previous"))
    ecart_presentation_set_slide (self, self->slide > 0 ? self->slide - 1 : 0);
  else if (g_str_equal (action_name, "presentation.first"))
    ecart_presentation_set_slide (self, 0);
  else
    ecart_presentation_set_slide (self, last);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_click_pressed_cb (GtkGestureClick   *gesture,
                     int                n_press,
                     double             x,
                     double             y,
                     EcartPresentation *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_activate_action (GTK_WIDGET (self),
                              button == GDK_BUTTON_SECONDARY ? "presentation.previous"
                                                             : "presentation.next", NULL);
}

/* GObject ----------------------------------------------------------------------------------- */

/* Type in proportion to the screen: the same slide fills a 720p projector and a 4K screen
 * alike (a slide is 30 base lines high). */
static void
ecart_presentation_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EcartPresentation *self = ECART_PRESENTATION (widget);

  GTK_WIDGET_CLASS (ecart_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  height = MIN (height, width * 9 / 16);
  if (height != self->type_height && height > 0)
    {
      g_autofree char *css = g_strdup_printf (".presentation { font-size: %dpx; }",
                                              MAX (12, height / 30));

      self->type_height = height;
      gtk_css_provider_load_from_data (self->type_scale, css, -1);
    }
}

static void
ecart_presentation_dispose (GObject *object)
{
  EcartPresentation *self = (EcartPresentation *)object;

  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->drawings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_PRESENTATION);
  g_clear_object (&self->table);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->number_text, g_free);
  if (self->type_scale != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->type_scale));
  g_clear_object (&self->type_scale);

  G_OBJECT_CLASS (ecart_presentation_parent_class)->dispose (object);
}

static void
ecart_presentation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EcartPresentation *self = ECART_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      g_value_set_uint (value, self->slide);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_BLACK:
      g_value_set_boolean (value, self->black);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_presentation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EcartPresentation *self = ECART_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      ecart_presentation_set_slide (self, g_value_get_uint (value));
      break;
    case PROP_DARK:
      ecart_presentation_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_BLACK:
      ecart_presentation_set_black (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_presentation_class_init (EcartPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_presentation_dispose;
  object_class->get_property = ecart_presentation_get_property;
  object_class->set_property = ecart_presentation_set_property;

  widget_class->size_allocate = ecart_presentation_size_allocate;

  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLACK] =
    g_param_spec_boolean ("black", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartPresentation, root);
  gtk_widget_class_bind_template_child (widget_class, EcartPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartPresentation, number_label);
  gtk_widget_class_bind_template_child (widget_class, EcartPresentation, black_screen);
  gtk_widget_class_bind_template_callback (widget_class, on_click_pressed_cb);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
  gtk_widget_class_install_property_action (widget_class, "presentation.dark", "dark");
  gtk_widget_class_install_property_action (widget_class, "presentation.black", "black");
}

/* The keys of a keyboard and of a presentation clicker (which sends Page Up, Page Down, and
 * `b` or `.` for a black screen). In the capture phase: before GtkWindow's own bindings of
 * the arrows, which would move the focus. */
static void
add_shortcuts (EcartPresentation *self)
{
  static const struct {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_Down, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_Return, "presentation.next" },
    { GDK_KEY_KP_Right, "presentation.next" },
    { GDK_KEY_KP_Page_Down, "presentation.next" },
    { GDK_KEY_n, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Up, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_KP_Left, "presentation.previous" },
    { GDK_KEY_KP_Page_Up, "presentation.previous" },
    { GDK_KEY_p, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },
    { GDK_KEY_KP_Home, "presentation.first" },
    { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_KP_End, "presentation.last" },
    { GDK_KEY_Escape, "presentation.leave" },
    { GDK_KEY_F5, "presentation.leave" },
    { GDK_KEY_d, "presentation.dark" },
    { GDK_KEY_b, "presentation.black" },
    { GDK_KEY_period, "presentation.black" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ecart_presentation_init (EcartPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->type_scale = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->type_scale),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  self->slides = g_ptr_array_new ();
  self->drawings = g_ptr_array_new ();
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/**
 * ecart_presentation_new:
 * @parent: (nullable): the window presenting
 *
 * Builds the slides of @workspace, with the preferences' statistics. Show it with
 * gtk_window_present(): it goes fullscreen.
 */
EcartPresentation *
ecart_presentation_new (EcartWorkspace *workspace,
                        GtkWindow      *parent)
{
  EcartPresentation *self;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (ECART_TYPE_PRESENTATION,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "title", ecart_workspace_get_name (workspace),
                       "destroy-with-parent", TRUE,
                       NULL);
  self->workspace = g_object_ref (workspace);
  build_slides (self);
  update_number (self);
  update_style (self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}

EcartWorkspace *
ecart_presentation_get_workspace (EcartPresentation *self)
{
  g_return_val_if_fail (ECART_IS_PRESENTATION (self), NULL);
  return self->workspace;
}

guint
ecart_presentation_get_n_slides (EcartPresentation *self)
{
  g_return_val_if_fail (ECART_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

guint
ecart_presentation_get_slide (EcartPresentation *self)
{
  g_return_val_if_fail (ECART_IS_PRESENTATION (self), 0);
  return self->slide;
}

/**
 * ecart_presentation_set_slide:
 * @slide: the slide to show, from 0; beyond the last, the last
 */
void
ecart_presentation_set_slide (EcartPresentation *self,
                              guint              slide)
{
  g_return_if_fail (ECART_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;
  slide = MIN (slide, self->slides->len - 1);
  gtk_stack_set_visible_child (self->stack, self->slides->pdata[slide]);
  if (self->slide == slide)
    return;
  self->slide = slide;
  update_number (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

/* The slide number as shown: "3 / 17". */
const char *
ecart_presentation_get_number_text (EcartPresentation *self)
{
  g_return_val_if_fail (ECART_IS_PRESENTATION (self), NULL);
  return gtk_label_get_label (self->number_label);
}

gboolean
ecart_presentation_get_dark (EcartPresentation *self)
{
  g_return_val_if_fail (ECART_IS_PRESENTATION (self), FALSE);
  return self->dark;
}

void
ecart_presentation_set_dark (EcartPresentation *self,
                             gboolean           dark)
{
  g_return_if_fail (ECART_IS_PRESENTATION (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  update_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
ecart_presentation_get_black (EcartPresentation *self)
{
  g_return_val_if_fail (ECART_IS_PRESENTATION (self), FALSE);
  return self->black;
}

void
ecart_presentation_set_black (EcartPresentation *self,
                              gboolean           black)
{
  g_return_if_fail (ECART_IS_PRESENTATION (self));

  black = !!black;
  if (self->black == black)
    return;
  self->black = black;
  gtk_widget_set_visible (self->black_screen, black);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLACK]);
}

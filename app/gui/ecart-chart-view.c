/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-chart-view.h"
#include "ecart-gui-util.h"

/* A chart of the core drawn in a widget: light or dark as the style manager is, at the
 * scale of the preferences (`chart-scale`), as high as the chart needs at its width. The
 * pointer gets the core's hit testing as tooltips; a click, or Enter on the element chosen
 * with the arrow keys, emits ::element-activated with what lies there. Screen readers get
 * the chart's title as its name and its text alternative as its description. */

#define MIN_WIDTH 320

struct _EcartChartView
{
  GtkWidget        parent_instance;

  EcartChart      *chart;
  GSettings       *settings;
  double           scale;
  int              cursor;      /* the hit chosen with the keyboard, −1: none */
  char            *cursor_text; /* its description */

  /* ecart_chart_get_preferred_height() lays the chart out: remembered per width. */
  int              cached_width;
  int              cached_height;
};

G_DEFINE_FINAL_TYPE (EcartChartView, ecart_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_CURSOR_TEXT,
  N_PROPS
};

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/**
 * ecart_chart_view_dup_style:
 *
 * Returns: (transfer full): the style the chart is drawn with now (no background: the
 *   widget's card shows through)
 */
EcartChartStyle *
ecart_chart_view_dup_style (EcartChartView *self)
{
  EcartChartStyle *style;

  g_return_val_if_fail (ECART_IS_CHART_VIEW (self), NULL);

  style = ecart_chart_style_new (is_dark (), self->scale);
  ecart_chart_style_set_draws_background (style, FALSE);
  return style;
}

static void
invalidate_size (EcartChartView *self)
{
  self->cached_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_scale_changed_cb (EcartChartView *self)
{
  self->scale = g_settings_get_double (self->settings, "chart-scale");
  invalidate_size (self);
}

static void
on_dark_changed_cb (EcartChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (EcartChartView *self)
{
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  text = ecart_chart_to_text (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ecart_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Hit description ------------------------------------------------------------------------ */

static const char *
item_name (gpointer item)
{
  return item != NULL ? ecart_item_get_name (ECART_ITEM (item)) : NULL;
}

static char *
format_number (double value,
               int    digits)
{
  if (!isfinite (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f", digits, value);
}

static char *
format_signed (double value,
               int    digits)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (digits == 1)
    return ecart_gui_format_gap (value);
  if (round (value) == 0.0)
    return g_strdup ("0");
  return g_strdup_printf (value > 0 ? "+%.0f" : "−%.0f", fabs (value));
}

/**
 * ecart_chart_describe_hit:
 *
 * The tooltip of @hit: what it is about, its value, interval, n and significance, with the
 * numbers in the locale's format.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when there is nothing there
 */
char *
ecart_chart_describe_hit (EcartChart          *chart,
                          const EcartChartHit *hit)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) about = g_ptr_array_new ();
  g_autofree char *value = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  gboolean percent = FALSE;
  gboolean respondents = FALSE;
  int digits = 1;
  double confidence;
  guint min_n;

  g_return_val_if_fail (ECART_IS_CHART (chart), NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->element == ECART_CHART_ELEMENT_NONE)
    return NULL;

  confidence = ecart_gap_table_get_confidence (ecart_chart_get_table (chart));
  min_n = ecart_gap_table_get_min_n (ecart_chart_get_table (chart));

  if (hit->segment != NULL)
    g_ptr_array_add (about, (gpointer)item_name (hit->segment));
  if (hit->attribute != NULL)
    g_ptr_array_add (about, (gpointer)item_name (hit->attribute));
  if (hit->touchpoint != NULL)
    g_ptr_array_add (about, (gpointer)item_name (hit->touchpoint));
  else if (hit->stage != NULL)
    g_ptr_array_add (about, (gpointer)item_name (hit->stage));
  if (hit->wave != NULL)
    g_ptr_array_add (about, (gpointer)item_name (hit->wave));
  g_ptr_array_add (about, NULL);
  if (about->len > 1)
    {
      g_autofree char *line = g_strjoinv (" · ", (char **)about->pdata);

      g_string_append (text, line);
    }

  switch (hit->measure)
    {
    case ECART_CHART_MEASURE_DIMENSION:
      value = format_number (hit->value, 1);
      low = format_number (hit->ci_low, 1);
      high = format_number (hit->ci_high, 1);
      g_string_append_c (text, '\n');
      /* Translators: a dimension and its value on the 0–10 scale, "Lived: 6.4 / 10" */
      g_string_append_printf (text, _("%s: %s / 10"), ecart_dimension_get_label (hit->dimension), value);
      break;
    case ECART_CHART_MEASURE_GAP:
      value = format_signed (hit->value, 1);
      low = format_signed (hit->ci_low, 1);
      high = format_signed (hit->ci_high, 1);
      g_string_append_c (text, '\n');
      /* Translators: a gap and its value in points, "Delivery gap: −1.2 points" */
      g_string_append_printf (text, _("%s: %s points"), ecart_gap_kind_get_label (hit->gap), value);
      break;
    case ECART_CHART_MEASURE_DETRACTORS:
    case ECART_CHART_MEASURE_PASSIVES:
    case ECART_CHART_MEASURE_PROMOTERS:
      percent = TRUE;
      respondents = TRUE;
      digits = 0;
      value = format_number (hit->value, 0);
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              hit->measure == ECART_CHART_MEASURE_DETRACTORS ? _("Detractors (0–6): %s %%")
                              : hit->measure == ECART_CHART_MEASURE_PASSIVES ? _("Passives (7–8): %s %%")
                              : _("Promoters (9–10): %s %%"), value);
      break;
    case ECART_CHART_MEASURE_NPS:
      respondents = TRUE;
      digits = 0;
      value = format_signed (hit->value, 0);
      low = format_signed (hit->ci_low, 0);
      high = format_signed (hit->ci_high, 0);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Net Promoter Score: %s"), value);
      break;
    case ECART_CHART_MEASURE_NONE:
    default:
      break;
    }

  if (!percent && low != NULL && isfinite (hit->ci_low) && isfinite (hit->ci_high))
    {
      g_autofree char *level = g_strdup_printf ("%.0f", confidence * 100.0);

      g_string_append_c (text, '\n');
      /* Translators: a confidence interval, "95 % interval: 5.9 to 6.9" */
      g_string_append_printf (text, _("%s %% interval: %s to %s"), level, low, high);
    }

  if (hit->n > 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, hit->n);

      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              respondents ? g_dngettext (GETTEXT_PACKAGE, "%s respondent", "%s respondents", hit->n)
                                          : g_dngettext (GETTEXT_PACKAGE, "%s measurement", "%s measurements", hit->n),
                              n);
    }

  if (hit->insufficient)
    {
      g_autofree char *n = g_strdup_printf ("%u", min_n);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Not enough data: fewer than %s"), n);
    }
  else if (hit->measure == ECART_CHART_MEASURE_GAP && isfinite (hit->ci_low))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, hit->significant ? _("Significant") : _("Not significant"));
    }

  if (hit->importance > 0)
    {
      g_autofree char *importance = g_strdup_printf ("%d", hit->importance);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Importance: %s of 5"), importance);
    }
  if (hit->quadrant != ECART_QUADRANT_NONE)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, ecart_quadrant_get_label (hit->quadrant));
    }
  if (isfinite (hit->change))
    {
      g_autofree char *change = format_signed (hit->change, digits);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, hit->change_significant
                                      ? _("Since the previous wave: %s (significant)")
                                      : _("Since the previous wave: %s (not significant)"),
                              change);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ecart_chart_view_dup_tooltip_at:
 *
 * Returns: (transfer full) (nullable): the tooltip at (@x, @y) of the chart as drawn
 */
char *
ecart_chart_view_dup_tooltip_at (EcartChartView *self,
                                 double          x,
                                 double          y)
{
  EcartChartHit hit;

  g_return_val_if_fail (ECART_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || !ecart_chart_hit_test (self->chart, x, y, &hit))
    return NULL;
  return ecart_chart_describe_hit (self->chart, &hit);
}

static gboolean
on_query_tooltip_cb (EcartChartView *self,
                     int             x,
                     int             y,
                     gboolean        keyboard,
                     GtkTooltip     *tooltip)
{
  g_autofree char *text = ecart_chart_view_dup_tooltip_at (self, x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_cursor (EcartChartView *self,
            int             cursor,
            char           *text)
{
  self->cursor = cursor;
  g_free (self->cursor_text);
  self->cursor_text = text;
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_TEXT]);
}

/**
 * ecart_chart_view_get_cursor_text:
 *
 * Returns: (nullable): the figures of the element chosen with the arrow keys, shown under
 *   the chart (tooltips follow the pointer only)
 */
const char *
ecart_chart_view_get_cursor_text (EcartChartView *self)
{
  g_return_val_if_fail (ECART_IS_CHART_VIEW (self), NULL);
  return self->cursor_text;
}

/* Pointer and keyboard ------------------------------------------------------------------- */

static gboolean
can_activate (const EcartChartHit *hit)
{
  return hit->element != ECART_CHART_ELEMENT_NONE
         && (hit->attribute != NULL || hit->segment != NULL);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      EcartChartView  *self)
{
  EcartChartHit hit;

  if (self->chart == NULL || n_press != 1)
    return;
  if (ecart_chart_hit_test (self->chart, x, y, &hit) && can_activate (&hit))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, &hit);
    }
}

static gboolean
move_cursor (EcartChartView *self,
             int             direction)
{
  const EcartChartHit *hits;
  guint n_hits;
  int next;

  if (self->chart == NULL)
    return FALSE;
  hits = ecart_chart_get_hits (self->chart, &n_hits);
  if (n_hits == 0)
    return FALSE;

  next = self->cursor;
  for (guint tries = 0; tries < n_hits; tries++)
    {
      next = next < 0 ? (direction > 0 ? 0 : (int)n_hits - 1)
                      : (next + direction + (int)n_hits) % (int)n_hits;
      if (can_activate (&hits[next]) && hits[next].element != ECART_CHART_ELEMENT_LABEL
          && hits[next].element != ECART_CHART_ELEMENT_WHISKER)
        {
          set_cursor (self, next, ecart_chart_describe_hit (self->chart, &hits[next]));
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
on_key_pressed_cb (EcartChartView        *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      return move_cursor (self, +1);
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      return move_cursor (self, -1);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->chart != NULL && self->cursor >= 0)
        {
          guint n_hits;
          const EcartChartHit *hits = ecart_chart_get_hits (self->chart, &n_hits);

          if ((guint)self->cursor < n_hits)
            {
              EcartChartHit hit = hits[self->cursor];

              g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, &hit);
              return TRUE;
            }
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (EcartChartView *self)
{
  if (self->cursor >= 0)
    set_cursor (self, -1, NULL);
}

/* Drawing --------------------------------------------------------------------------------- */

static GtkSizeRequestMode
ecart_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ecart_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  EcartChartView *self = ECART_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Natural as narrow as legible: side by side, three segments fit on a laptop. */
      *minimum = MIN_WIDTH;
      *natural = MIN_WIDTH;
      return;
    }

  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (for_size < 0)
    for_size = 720;
  if (self->cached_width != for_size)
    {
      g_autoptr(EcartChartStyle) style = ecart_chart_view_dup_style (self);
      double height = ecart_chart_get_preferred_height (self->chart, for_size, style);

      self->cached_width = for_size;
      self->cached_height = (int)ceil (CLAMP (height, 160.0 * self->scale, 4000.0));
    }
  *minimum = *natural = self->cached_height;
}

static void
ecart_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  EcartChartView *self = ECART_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(EcartChartStyle) style = NULL;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  style = ecart_chart_view_dup_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ecart_chart_draw (self->chart, cr, width, height, style);

  if (self->cursor >= 0 && gtk_widget_has_focus (widget))
    {
      guint n_hits;
      const EcartChartHit *hits = ecart_chart_get_hits (self->chart, &n_hits);

      if ((guint)self->cursor < n_hits)
        {
          const EcartChartHit *hit = &hits[self->cursor];

          /* The focus ring of libadwaita: the accent colour, 2 px, outside the element. */
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 2.0);
          cairo_rectangle (cr, hit->x - 3.0, hit->y - 3.0, hit->width + 6.0, hit->height + 6.0);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

/**
 * ecart_chart_view_render_texture:
 *
 * Draws the chart for the clipboard: light, on its background, at twice the size it has on
 * the screen (sharp when pasted into a slide or a document).
 *
 * Returns: (transfer full) (nullable): the picture
 */
GdkTexture *
ecart_chart_view_render_texture (EcartChartView  *self,
                                 GError         **error)
{
  g_autoptr(EcartChartStyle) style = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  int width;
  int height;
  const double factor = 2.0;

  g_return_val_if_fail (ECART_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to copy"));
      return NULL;
    }

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 720);
  style = ecart_chart_style_new (FALSE, self->scale);
  height = (int)ceil (ecart_chart_get_preferred_height (self->chart, width, style));
  height = MAX (height, 240);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)(width * factor), (int)(height * factor));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "%s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, factor, factor);
  ecart_chart_draw (self->chart, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  /* The chart was drawn again for the picture: lay it out for the screen again, so that
   * hit testing matches what is shown. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return texture;
}

/* Object ---------------------------------------------------------------------------------- */

EcartChart *
ecart_chart_view_get_chart (EcartChartView *self)
{
  g_return_val_if_fail (ECART_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
ecart_chart_view_set_chart (EcartChartView *self,
                            EcartChart     *chart)
{
  g_return_if_fail (ECART_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || ECART_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;
  set_cursor (self, -1, NULL);
  invalidate_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

GtkWidget *
ecart_chart_view_new (void)
{
  return g_object_new (ECART_TYPE_CHART_VIEW, NULL);
}

static void
ecart_chart_view_dispose (GObject *object)
{
  EcartChartView *self = ECART_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->settings);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->cursor_text, g_free);

  G_OBJECT_CLASS (ecart_chart_view_parent_class)->dispose (object);
}

static void
ecart_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EcartChartView *self = ECART_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_CURSOR_TEXT:
      g_value_set_string (value, self->cursor_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EcartChartView *self = ECART_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      ecart_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_chart_view_class_init (EcartChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_chart_view_dispose;
  object_class->get_property = ecart_chart_view_get_property;
  object_class->set_property = ecart_chart_view_set_property;

  widget_class->get_request_mode = ecart_chart_view_get_request_mode;
  widget_class->measure = ecart_chart_view_measure;
  widget_class->snapshot = ecart_chart_view_snapshot;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, ECART_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_TEXT] =
    g_param_spec_string ("cursor-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EcartChartView::element-activated:
   * @hit: (type gpointer): the EcartChartHit clicked or chosen with the keyboard
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ecart_chart_view_init (EcartChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->cursor = -1;
  self->cached_width = -1;
  self->settings = g_settings_new ("io.github.ecart.Ecart");
  self->scale = g_settings_get_double (self->settings, "chart-scale");
  g_signal_connect_object (self->settings, "changed::chart-scale",
                           G_CALLBACK (on_scale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

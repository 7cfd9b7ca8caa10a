/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-segment-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-gui-util.h"
#include "ecart-segment-card.h"

/* One segment of the portfolio: its colour, name, description and headline figures. The
 * card follows its segment's properties; its menu, colour swatches and drag and drop ask
 * the page (portfolio.* actions) to make the edits. */

struct _EcartSegmentCard
{
  GtkWidget       parent_instance;

  EcartSegment   *segment;

  GtkDrawingArea *color_band;
  GtkMenuButton  *color_button;
  GtkDrawingArea *color_dot;
  GtkPopover     *color_popover;
  GtkGrid        *swatch_grid;
  GtkLabel       *name_label;
  GtkMenuButton  *menu_button;
  GtkLabel       *description_label;
  GtkLabel       *targets_label;
  GtkLabel       *respondents_label;
  GtkLabel       *respondents_caption;
  GtkWidget      *nps_box;
  GtkLabel       *nps_label;
  GtkWidget      *gap_box;
  GtkLabel       *gap_label;
  GtkLabel       *gap_caption;
};

G_DEFINE_FINAL_TYPE (EcartSegmentCard, ecart_segment_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEGMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The colours offered, the same as the workspace gives new segments: away from the four
 * colours of the dimensions in the charts. */
static const struct {
  const char *color;
  const char *name;
} swatches[] = {
  { "#CC79A7", N_("Pink") },
  { "#56B4E9", N_("Sky blue") },
  { "#F0E442", N_("Yellow") },
  { "#8F6BB3", N_("Lavender") },
  { "#3D9970", N_("Green") },
  { "#C2571A", N_("Rust") },
  { "#1C71D8", N_("Blue") },
  { "#E66100", N_("Orange") },
  { "#26A269", N_("Emerald") },
  { "#A51D2D", N_("Wine") },
  { "#865E3C", N_("Brown") },
  { "#613583", N_("Violet") },
};

static gint64
segment_id (EcartSegmentCard *self)
{
  return self->segment != NULL ? ecart_item_get_id (ECART_ITEM (self->segment)) : 0;
}

static const char *
segment_color (EcartSegmentCard *self)
{
  return self->segment != NULL ? ecart_segment_get_color (self->segment) : NULL;
}

static void
draw_band (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  EcartSegmentCard *self = user_data;
  GdkRGBA rgba;

  if (segment_color (self) == NULL || !gdk_rgba_parse (&rgba, segment_color (self)))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_paint (cr);
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  ecart_gui_draw_color_dot (cr, width, height, segment_color (user_data), FALSE);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  EcartSegmentCard *self = user_data;
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  const char *current = segment_color (self);

  ecart_gui_draw_color_dot (cr, width, height, color,
                             current != NULL && g_ascii_strcasecmp (color, current) == 0);
}

static void
update_name (EcartSegmentCard *self)
{
  const char *name = ecart_item_get_name (ECART_ITEM (self->segment));

  gtk_label_set_label (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_description (EcartSegmentCard *self)
{
  const char *description = ecart_segment_get_description (self->segment);

  if (description != NULL && description[0] != '\0')
    {
      gtk_label_set_label (self->description_label, description);
      gtk_widget_remove_css_class (GTK_WIDGET (self->description_label), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label), description);
    }
  else
    {
      gtk_label_set_label (self->description_label, _("No description yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label), NULL);
    }
}

static void
update_color (EcartSegmentCard *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->color_band));
  gtk_widget_queue_draw (GTK_WIDGET (self->color_dot));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->swatch_grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (child)));
}

static void
on_color_popover_show_cb (EcartSegmentCard *self)
{
  update_color (self);
}

/* Actions: each asks the page, which owns the edits, about this card's segment. */

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartSegmentCard *self = ECART_SEGMENT_CARD (widget);
  static const struct {
    const char *card;
    const char *page;
  } map[] = {
    { "card.rename", "portfolio.rename-segment" },
    { "card.describe", "portfolio.describe-segment" },
    { "card.move-left", "portfolio.move-segment-left" },
    { "card.move-right", "portfolio.move-segment-right" },
    { "card.duplicate", "portfolio.duplicate-segment" },
    { "card.delete", "portfolio.delete-segment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (action_name, map[i].card))
      gtk_widget_activate_action (widget, map[i].page, "x", segment_id (self));
}

static void
choose_color_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ecart_segment_card_popup_colors (ECART_SEGMENT_CARD (widget));
}

static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartSegmentCard *self = ECART_SEGMENT_CARD (widget);

  gtk_popover_popdown (self->color_popover);
  gtk_widget_activate_action (widget, "portfolio.set-segment-color", "(xs)", segment_id (self),
                              g_variant_get_string (parameter, NULL));
}

static void
on_color_chooser_response_cb (GtkDialog        *dialog,
                              int               response,
                              EcartSegmentCard *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      g_autofree char *color = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = g_strdup_printf ("#%02X%02X%02X", (int)round (rgba.red * 255),
                               (int)round (rgba.green * 255), (int)round (rgba.blue * 255));
      gtk_widget_activate_action (GTK_WIDGET (self), "portfolio.set-segment-color", "(xs)",
                                  segment_id (self), color);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
custom_color_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EcartSegmentCard *self = ECART_SEGMENT_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GdkRGBA rgba;

  gtk_popover_popdown (self->color_popover);

  dialog = gtk_color_chooser_dialog_new (_("Segment Colour"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (segment_color (self) != NULL && gdk_rgba_parse (&rgba, segment_color (self)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_color_chooser_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Drag and drop: a card carries its segment; dropped on another card, it goes before or
 * after it, depending on the half it is dropped on. */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource    *source,
                    double            x,
                    double            y,
                    EcartSegmentCard *self)
{
  if (self->segment == NULL)
    return NULL;
  return gdk_content_provider_new_typed (ECART_TYPE_SEGMENT, self->segment);
}

static void
on_drag_begin_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  EcartSegmentCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, gtk_widget_get_width (GTK_WIDGET (self)) / 2, 20);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource    *source,
                GdkDrag          *drag,
                gboolean          delete_data,
                EcartSegmentCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
show_drop_side (EcartSegmentCard *self,
                gboolean          shown,
                gboolean          after)
{
  if (shown && after)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-after");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
  if (shown && !after)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-before");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");
}

static gboolean
drop_is_after (EcartSegmentCard *self,
               double            x)
{
  gboolean after = x > gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;

  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? !after : after;
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget    *target,
                   double            x,
                   double            y,
                   EcartSegmentCard *self)
{
  show_drop_side (self, TRUE, drop_is_after (self, x));
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget    *target,
                  EcartSegmentCard *self)
{
  show_drop_side (self, FALSE, FALSE);
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            EcartSegmentCard *self)
{
  EcartSegment *dropped = g_value_get_object (value);

  show_drop_side (self, FALSE, FALSE);
  if (!ECART_IS_SEGMENT (dropped) || self->segment == NULL || dropped == self->segment)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "portfolio.drop-segment", "(xxb)",
                              ecart_item_get_id (ECART_ITEM (dropped)), segment_id (self),
                              drop_is_after (self, x));
  return TRUE;
}

static void
on_secondary_click_cb (GtkGestureClick  *gesture,
                       int               n_press,
                       double            x,
                       double            y,
                       EcartSegmentCard *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  ecart_segment_card_popup_menu (self);
}

static void
add_swatches (EcartSegmentCard *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (swatches); i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *dot = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 28);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 28);
      g_object_set_data (G_OBJECT (dot), "color", (gpointer)swatches[i].color);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_swatch, self, NULL);
      gtk_button_set_child (GTK_BUTTON (button), dot);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "color-swatch");
      gtk_widget_set_tooltip_text (button, _(swatches[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(swatches[i].name), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.set-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", swatches[i].color);
      gtk_grid_attach (self->swatch_grid, button, i % 6, i / 6, 1, 1);
    }
}

static void
ecart_segment_card_dispose (GObject *object)
{
  EcartSegmentCard *self = (EcartSegmentCard *)object;
  GtkWidget *child;

  if (self->segment != NULL)
    g_signal_handlers_disconnect_by_data (self->segment, self);
  g_clear_object (&self->segment);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_SEGMENT_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ecart_segment_card_parent_class)->dispose (object);
}

static void
ecart_segment_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EcartSegmentCard *self = ECART_SEGMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_segment_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EcartSegmentCard *self = ECART_SEGMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_SEGMENT:
      self->segment = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_segment_card_constructed (GObject *object)
{
  EcartSegmentCard *self = ECART_SEGMENT_CARD (object);

  G_OBJECT_CLASS (ecart_segment_card_parent_class)->constructed (object);

  g_return_if_fail (ECART_IS_SEGMENT (self->segment));

  g_signal_connect_swapped (self->segment, "notify::name", G_CALLBACK (update_name), self);
  g_signal_connect_swapped (self->segment, "notify::description",
                            G_CALLBACK (update_description), self);
  g_signal_connect_swapped (self->segment, "notify::color", G_CALLBACK (update_color), self);
  update_name (self);
  update_description (self);
}

static void
ecart_segment_card_class_init (EcartSegmentCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_segment_card_dispose;
  object_class->get_property = ecart_segment_card_get_property;
  object_class->set_property = ecart_segment_card_set_property;
  object_class->constructed = ecart_segment_card_constructed;

  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-segment-card.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, color_band);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, color_button);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, color_dot);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, color_popover);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, swatch_grid);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, targets_label);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, respondents_label);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, respondents_caption);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, nps_box);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, nps_label);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, gap_box);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, gap_label);
  gtk_widget_class_bind_template_child (widget_class, EcartSegmentCard, gap_caption);
  gtk_widget_class_bind_template_callback (widget_class, on_color_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "card.rename", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "card.describe", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "card.move-left", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "card.move-right", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "card.duplicate", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "card.choose-color", NULL, choose_color_action);
  gtk_widget_class_install_action (widget_class, "card.set-color", "s", set_color_action);
  gtk_widget_class_install_action (widget_class, "card.custom-color", NULL, custom_color_action);
}

static void
ecart_segment_card_init (EcartSegmentCard *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->color_band, draw_band, self, NULL);
  gtk_drawing_area_set_draw_func (self->color_dot, draw_dot, self, NULL);
  add_swatches (self);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (ECART_TYPE_SEGMENT, GDK_ACTION_MOVE);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ecart_segment_card_new (EcartSegment *segment)
{
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);

  return g_object_new (ECART_TYPE_SEGMENT_CARD, "segment", segment, NULL);
}

EcartSegment *
ecart_segment_card_get_segment (EcartSegmentCard *self)
{
  g_return_val_if_fail (ECART_IS_SEGMENT_CARD (self), NULL);
  return self->segment;
}

static char *
format_signed (double value,
               int    decimals)
{
  g_autofree char *text = g_strdup_printf ("%+.*f", decimals, value);

  /* A true minus sign, as in the charts. */
  if (text[0] == '-')
    return g_strconcat ("−", text + 1, NULL);
  return g_steal_pointer (&text);
}

/**
 * ecart_segment_card_set_figures:
 *
 * Shows @figures on the card; NPS and the worst gap only when they are known (not NAN).
 */
void
ecart_segment_card_set_figures (EcartSegmentCard          *self,
                                const EcartSegmentFigures *figures)
{
  g_autofree char *targets = NULL;
  g_autofree char *respondents = NULL;
  gboolean measured;

  g_return_if_fail (ECART_IS_SEGMENT_CARD (self));
  g_return_if_fail (figures != NULL);

  /* Translators: attributes with a desired target, out of all attributes: "8/12" */
  targets = g_strdup_printf (_("%u/%u"), figures->targets_set, figures->attributes);
  gtk_label_set_label (self->targets_label, targets);

  measured = figures->respondents > 0;
  respondents = measured ? g_strdup_printf ("%'" G_GINT64_FORMAT, figures->respondents)
                         : g_strdup ("—");
  gtk_label_set_label (self->respondents_label, respondents);
  gtk_label_set_label (self->respondents_caption,
                       measured ? _("Respondents") : _("Not measured yet"));

  gtk_widget_set_visible (self->nps_box, !isnan (figures->nps));
  if (!isnan (figures->nps))
    {
      g_autofree char *nps = format_signed (figures->nps, 0);

      gtk_label_set_label (self->nps_label, nps);
    }

  gtk_widget_set_visible (self->gap_box, !isnan (figures->worst_gap));
  if (!isnan (figures->worst_gap))
    {
      g_autofree char *gap = format_signed (figures->worst_gap, 1);

      gtk_label_set_label (self->gap_label, gap);
      if (figures->worst_gap_attribute != NULL)
        {
          /* Translators: caption of a card's worst gap, %s is the attribute */
          g_autofree char *caption = g_strdup_printf (_("Worst gap: %s"),
                                                      figures->worst_gap_attribute);

          gtk_label_set_label (self->gap_caption, caption);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->gap_caption), caption);
        }
      else
        gtk_label_set_label (self->gap_caption, _("Worst gap"));
    }
}

/**
 * ecart_segment_card_set_movable:
 *
 * Enables "Move Left" and "Move Right" as the card's place allows.
 */
void
ecart_segment_card_set_movable (EcartSegmentCard *self,
                                gboolean          left,
                                gboolean          right)
{
  g_return_if_fail (ECART_IS_SEGMENT_CARD (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-left", left);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-right", right);
}

void
ecart_segment_card_popup_colors (EcartSegmentCard *self)
{
  g_return_if_fail (ECART_IS_SEGMENT_CARD (self));
  gtk_menu_button_popup (self->color_button);
}

void
ecart_segment_card_popup_menu (EcartSegmentCard *self)
{
  g_return_if_fail (ECART_IS_SEGMENT_CARD (self));
  gtk_menu_button_popup (self->menu_button);
}

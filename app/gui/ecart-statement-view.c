/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-statement-view"

#include "config.h"

#include "ecart-statement-view.h"

/* EcartStatementView edits a statement of the model (a promise, what is in place, a
 * description) with no Save button and without an undo step per keystroke: what is typed is
 * emitted with ::commit after a short pause, when the view loses the focus, and when the
 * window asks the focused field to commit before undo (action field.commit). The model's
 * text comes back through the text property; it never overwrites what the user is typing. */

struct _EcartStatementView
{
  GtkTextView  parent_instance;

  char        *placeholder;
  char        *text;
  guint        timeout_id;
  guint        syncing : 1;
  guint        pending : 1;
};

G_DEFINE_FINAL_TYPE (EcartStatementView, ecart_statement_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum {
  COMMIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_placeholder (EcartStatementView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The placeholder is drawn under the text of an empty buffer, wrapped to the view's width. */
static void
ecart_statement_view_snapshot_layer (GtkTextView      *view,
                                     GtkTextViewLayer  layer,
                                     GtkSnapshot      *snapshot)
{
  EcartStatementView *self = ECART_STATEMENT_VIEW (view);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRectangle visible;
  GdkRGBA color;
  int width;

  if (GTK_TEXT_VIEW_CLASS (ecart_statement_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (ecart_statement_view_parent_class)->snapshot_layer (view, layer, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->placeholder == NULL
      || gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)) > 0)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  width = visible.width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  if (width <= 0)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), self->placeholder);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (view)), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.55;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (gtk_text_view_get_left_margin (view),
                                                gtk_text_view_get_top_margin (view)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* GtkTextView reports the height of its text laid out at the width it last had, which
 * outside a scrolled window leaves wrapped lines cut off: the height is measured here for
 * the width offered, for the text or, when empty, the placeholder. */
static void
ecart_statement_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  EcartStatementView *self = ECART_STATEMENT_VIEW (widget);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  int width;
  int height;

  GTK_WIDGET_CLASS (ecart_statement_view_parent_class)->measure (widget, orientation, for_size,
                                                                minimum, natural,
                                                                minimum_baseline, natural_baseline);

  if (orientation != GTK_ORIENTATION_VERTICAL || for_size <= 0)
    return;

  width = for_size - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  if (width <= 0)
    return;

  text = ecart_statement_view_dup_buffer_text (self);
  if (text[0] == '\0' && self->placeholder != NULL)
    {
      g_free (text);
      text = g_strdup (self->placeholder);
    }

  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height += gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);

  *minimum = MAX (*minimum, height);
  *natural = MAX (*natural, height);
}

static GtkSizeRequestMode
ecart_statement_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
on_timeout_cb (gpointer data)
{
  EcartStatementView *self = data;

  self->timeout_id = 0;
  ecart_statement_view_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (GtkTextBuffer      *buffer,
                      EcartStatementView *self)
{
  update_placeholder (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (self->syncing)
    return;

  self->pending = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (ECART_STATEMENT_VIEW_DELAY_MS, on_timeout_cb, self);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   EcartStatementView      *self)
{
  ecart_statement_view_flush (self);
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ecart_statement_view_flush (ECART_STATEMENT_VIEW (widget));
}

static void
ecart_statement_view_dispose (GObject *object)
{
  EcartStatementView *self = (EcartStatementView *)object;

  /* Whoever owns the view flushes it while the model is there to take the text. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (ecart_statement_view_parent_class)->dispose (object);
}

static void
ecart_statement_view_finalize (GObject *object)
{
  EcartStatementView *self = (EcartStatementView *)object;

  g_free (self->text);
  g_free (self->placeholder);

  G_OBJECT_CLASS (ecart_statement_view_parent_class)->finalize (object);
}

static void
ecart_statement_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EcartStatementView *self = ECART_STATEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, ecart_statement_view_get_placeholder_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_statement_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EcartStatementView *self = ECART_STATEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      ecart_statement_view_set_text (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      ecart_statement_view_set_placeholder_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_statement_view_class_init (EcartStatementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  text_view_class->snapshot_layer = ecart_statement_view_snapshot_layer;
  widget_class->measure = ecart_statement_view_measure;
  widget_class->get_request_mode = ecart_statement_view_get_request_mode;
  object_class->dispose = ecart_statement_view_dispose;
  object_class->finalize = ecart_statement_view_finalize;
  object_class->get_property = ecart_statement_view_get_property;
  object_class->set_property = ecart_statement_view_set_property;

  /**
   * EcartStatementView:text:
   *
   * The text the model holds. Setting it replaces the buffer's text unless the user is
   * typing something not committed yet.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EcartStatementView::commit:
   * @text: what the buffer holds, different from #EcartStatementView:text
   *
   * The user typed something and paused, or left the view: save it.
   */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "field.commit", NULL, commit_action);
}

static void
ecart_statement_view_init (EcartStatementView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *focus;

  self->text = g_strdup ("");

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as everywhere else in a form. */
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_top_margin (view, 8);
  gtk_text_view_set_bottom_margin (view, 8);
  gtk_text_view_set_left_margin (view, 10);
  gtk_text_view_set_right_margin (view, 10);
  gtk_widget_add_css_class (GTK_WIDGET (self), "statement");

  /* Ctrl+Z is the workspace's undo, which this view's edits are part of. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
ecart_statement_view_new (void)
{
  return g_object_new (ECART_TYPE_STATEMENT_VIEW, NULL);
}

const char *
ecart_statement_view_get_text (EcartStatementView *self)
{
  g_return_val_if_fail (ECART_IS_STATEMENT_VIEW (self), NULL);
  return self->text;
}

/**
 * ecart_statement_view_set_text:
 * @text: (nullable): the model's text
 */
void
ecart_statement_view_set_text (EcartStatementView *self,
                               const char         *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (ECART_IS_STATEMENT_VIEW (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }

  /* What the user is typing wins: it is committed after the pause. */
  if (self->pending)
    return;

  current = ecart_statement_view_dup_buffer_text (self);
  if (g_strcmp0 (current, text) != 0)
    {
      self->syncing = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), text, -1);
      self->syncing = FALSE;
    }
}

char *
ecart_statement_view_dup_buffer_text (EcartStatementView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ECART_IS_STATEMENT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

const char *
ecart_statement_view_get_placeholder_text (EcartStatementView *self)
{
  g_return_val_if_fail (ECART_IS_STATEMENT_VIEW (self), NULL);
  return self->placeholder;
}

void
ecart_statement_view_set_placeholder_text (EcartStatementView *self,
                                           const char         *placeholder)
{
  g_return_if_fail (ECART_IS_STATEMENT_VIEW (self));

  if (g_strcmp0 (placeholder, self->placeholder) == 0)
    return;

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  if (placeholder != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER,
                                    placeholder, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER);
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

/* Whether the buffer holds typing not committed yet. */
gboolean
ecart_statement_view_has_pending (EcartStatementView *self)
{
  g_return_val_if_fail (ECART_IS_STATEMENT_VIEW (self), FALSE);
  return self->pending;
}

/* Commits what is typed now, if anything changed. */
void
ecart_statement_view_flush (EcartStatementView *self)
{
  g_autofree char *current = NULL;

  g_return_if_fail (ECART_IS_STATEMENT_VIEW (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->pending)
    return;

  self->pending = FALSE;
  current = ecart_statement_view_dup_buffer_text (self);
  if (g_strcmp0 (current, self->text) != 0)
    g_signal_emit (self, signals[COMMIT], 0, current);
}

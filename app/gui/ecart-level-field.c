/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-level-field"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-gui-util.h"
#include "ecart-level-field.h"

/* EcartLevelField drives a GtkSpinButton that edits a level of the model (0–10, maybe not
 * set) or an importance (1–5):
 * - it shows the model's value (set_value), an empty field for a level not set;
 * - what the user types is read as people write it ("7,5"), and refused at the field when
 *   it is not on the scale: the spin button keeps the text, turns red and says why (a plain
 *   GtkSpinButton would silently clamp 12 to 10);
 * - a value the user chose (typed, arrows, wheel) is emitted with ::commit, once;
 * - pending-value is what the text reads now, before it is committed, for live feedback;
 * - the mouse wheel scrolls the page unless the field has the focus. */

struct _EcartLevelField
{
  GObject              parent_instance;

  GtkSpinButton       *spin;
  GtkEventController  *scroll;
  EcartLevelFieldKind  kind;
  double               value;
  double               pending;
  char                *error;

  guint                syncing : 1;
  guint                rejecting : 1;
  guint                blank : 1;
};

G_DEFINE_FINAL_TYPE (EcartLevelField, ecart_level_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_PENDING_VALUE,
  PROP_ERROR,
  N_PROPS
};

enum {
  COMMIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static double
lower_of (EcartLevelField *self)
{
  return self->kind == ECART_LEVEL_FIELD_IMPORTANCE ? 1.0 : 0.0;
}

static double
upper_of (EcartLevelField *self)
{
  return self->kind == ECART_LEVEL_FIELD_IMPORTANCE ? 5.0 : 10.0;
}

static const char *
description_of (EcartLevelField *self)
{
  if (self->kind == ECART_LEVEL_FIELD_IMPORTANCE)
    return _("From 1 (marginal) to 5 (essential)");
  return _("From 0 to 10; leave empty when not set");
}

static char *
format_value (EcartLevelField *self,
              double           value)
{
  if (self->kind == ECART_LEVEL_FIELD_IMPORTANCE)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static void
set_error (EcartLevelField *self,
           const char      *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  ecart_gui_set_field_error (GTK_WIDGET (self->spin), message, description_of (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_pending (EcartLevelField *self,
             double           pending)
{
  if (ecart_gui_same_level (self->pending, pending))
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_VALUE]);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Why @text cannot be committed, or NULL with @value set. */
static char *
check_text (EcartLevelField *self,
            const char      *text,
            double          *value)
{
  if (!ecart_gui_parse_number (text, value))
    {
      if (self->kind == ECART_LEVEL_FIELD_IMPORTANCE)
        /* Translators: %s is what the user typed in the importance field */
        return g_strdup_printf (_("“%s” is not a number: type an importance from 1 to 5"), text);
      /* Translators: %s is what the user typed in a level field */
      return g_strdup_printf (_("“%s” is not a number: type a level from 0 to 10"), text);
    }

  if (*value < lower_of (self) || *value > upper_of (self))
    {
      if (self->kind == ECART_LEVEL_FIELD_IMPORTANCE)
        /* Translators: %s is what the user typed in the importance field */
        return g_strdup_printf (_("%s is off the scale: importance goes from 1 (marginal) to 5 (essential)"),
                                text);
      /* Translators: %s is what the user typed in a level field */
      return g_strdup_printf (_("%s is off the scale: a level goes from 0 to 10"), text);
    }

  if (self->kind == ECART_LEVEL_FIELD_IMPORTANCE && *value != floor (*value))
    /* Translators: %s is what the user typed in the importance field */
    return g_strdup_printf (_("%s is not a whole number: importance is 1, 2, 3, 4 or 5"), text);

  return NULL;
}

static void
show_value (EcartLevelField *self)
{
  g_autofree char *text = NULL;
  gboolean was_syncing = self->syncing;

  text = self->blank ? g_strdup ("")
                     : format_value (self, gtk_spin_button_get_value (self->spin));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->spin))) == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->spin), text);
  self->syncing = was_syncing;
}

static int
on_spin_input_cb (GtkSpinButton   *spin,
                  double          *new_value,
                  EcartLevelField *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *message = NULL;
  double value = 0.0;

  if (is_blank (text) && self->kind == ECART_LEVEL_FIELD_LEVEL)
    {
      /* An empty field means "not set". */
      set_error (self, NULL);
      *new_value = gtk_spin_button_get_value (spin);
      if (!isnan (self->value) && !self->syncing)
        g_signal_emit (self, signals[COMMIT], 0, NAN);
      return TRUE;
    }

  if (is_blank (text))
    message = g_strdup (_("The importance cannot be empty: type a number from 1 to 5"));
  else
    message = check_text (self, text, &value);

  if (message != NULL)
    {
      set_error (self, message);
      /* The spin button now shows its value again: the output handler keeps the text. */
      self->rejecting = TRUE;
      return GTK_INPUT_ERROR;
    }

  set_error (self, NULL);
  *new_value = value;

  /* An unset level typed as the value the button holds underneath: no ::value-changed. */
  if (isnan (self->value) && !self->syncing
      && fabs (value - gtk_spin_button_get_value (spin)) < 1e-9)
    {
      self->blank = FALSE;
      g_signal_emit (self, signals[COMMIT], 0, value);
    }
  return TRUE;
}

static gboolean
on_spin_output_cb (GtkSpinButton   *spin,
                   EcartLevelField *self)
{
  /* A refused value stays on screen, in error, until the user changes it. */
  if (!self->rejecting)
    show_value (self);
  return TRUE;
}

static void
on_spin_value_changed_cb (GtkSpinButton   *spin,
                          EcartLevelField *self)
{
  double value;

  if (self->rejecting)
    {
      self->rejecting = FALSE;
      return;
    }
  if (self->syncing)
    return;

  value = gtk_spin_button_get_value (spin);
  self->blank = FALSE;
  show_value (self);
  set_pending (self, value);

  if (!ecart_gui_same_level (value, self->value))
    g_signal_emit (self, signals[COMMIT], 0, value);
}

static void
on_spin_changed_cb (GtkEditable     *editable,
                    EcartLevelField *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *message = NULL;
  double value;

  if (self->syncing)
    return;

  if (is_blank (text))
    {
      if (self->kind == ECART_LEVEL_FIELD_LEVEL)
        set_error (self, NULL);
      set_pending (self, NAN);
      return;
    }

  if (!ecart_gui_parse_number (text, &value))
    {
      /* Maybe the start of a number ("-"): said when it is committed. */
      set_pending (self, NAN);
      return;
    }

  /* Said as it is typed: "12" is off the scale before Enter is pressed. */
  message = check_text (self, text, &value);
  set_error (self, message);
  set_pending (self, message == NULL ? value : NAN);
}

/* The wheel over a field without the focus scrolls the page, as over any text, instead of
 * changing a value the user is not looking at. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              EcartLevelField          *self)
{
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  double step;

  if (gtk_widget_has_focus (GTK_WIDGET (self->spin))
      || gtk_widget_get_focus_child (GTK_WIDGET (self->spin)) != NULL)
    return GDK_EVENT_PROPAGATE;

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->spin), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return GDK_EVENT_STOP;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
         ? pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0) : 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

static void
ecart_level_field_dispose (GObject *object)
{
  EcartLevelField *self = (EcartLevelField *)object;

  if (self->spin != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->spin, self);
      if (self->scroll != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (self->spin), self->scroll);
      self->scroll = NULL;
      g_clear_object (&self->spin);
    }

  G_OBJECT_CLASS (ecart_level_field_parent_class)->dispose (object);
}

static void
ecart_level_field_finalize (GObject *object)
{
  EcartLevelField *self = (EcartLevelField *)object;

  g_free (self->error);

  G_OBJECT_CLASS (ecart_level_field_parent_class)->finalize (object);
}

static void
ecart_level_field_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EcartLevelField *self = ECART_LEVEL_FIELD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_PENDING_VALUE:
      g_value_set_double (value, self->pending);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_level_field_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EcartLevelField *self = ECART_LEVEL_FIELD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      ecart_level_field_set_value (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_level_field_class_init (EcartLevelFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ecart_level_field_dispose;
  object_class->finalize = ecart_level_field_finalize;
  object_class->get_property = ecart_level_field_get_property;
  object_class->set_property = ecart_level_field_set_property;

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_VALUE] =
    g_param_spec_double ("pending-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EcartLevelField::commit:
   * @value: the value the user chose; NAN for "not set"
   *
   * The user chose a value different from the model's: save it.
   */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
ecart_level_field_init (EcartLevelField *self)
{
  self->value = NAN;
  self->pending = NAN;
  self->blank = TRUE;
}

EcartLevelField *
ecart_level_field_new (GtkSpinButton       *spin,
                       EcartLevelFieldKind  kind)
{
  EcartLevelField *self;
  GtkAdjustment *adjustment;
  GtkEventController *scroll;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), NULL);

  self = g_object_new (ECART_TYPE_LEVEL_FIELD, NULL);
  self->spin = g_object_ref (spin);
  self->kind = kind;

  if (kind == ECART_LEVEL_FIELD_IMPORTANCE)
    adjustment = gtk_adjustment_new (3.0, 1.0, 5.0, 1.0, 1.0, 0.0);
  else
    /* Underneath an unset level, the middle of the scale: the first arrow starts there. */
    adjustment = gtk_adjustment_new (5.0, 0.0, 10.0, 0.5, 1.0, 0.0);

  gtk_spin_button_configure (spin, adjustment, 0.0, kind == ECART_LEVEL_FIELD_IMPORTANCE ? 0 : 1);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  gtk_spin_button_set_numeric (spin, FALSE);
  /* One width whatever the text: the fields line up from row to row. */
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), kind == ECART_LEVEL_FIELD_IMPORTANCE ? 2 : 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (spin), kind == ECART_LEVEL_FIELD_IMPORTANCE ? 2 : 4);
  gtk_widget_add_css_class (GTK_WIDGET (spin), "numeric");
  /* Ctrl+Z is the workspace's undo; with nothing to undo there, the text's own undo would
   * empty the field, and an empty level means "not set". */
  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  ecart_gui_set_field_error (GTK_WIDGET (spin), NULL, description_of (self));

  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input_cb), self);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), self);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self);
  g_signal_connect (spin, "changed", G_CALLBACK (on_spin_changed_cb), self);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (spin), scroll);
  self->scroll = scroll;

  ecart_level_field_set_value (self, kind == ECART_LEVEL_FIELD_IMPORTANCE ? 3.0 : NAN);
  return self;
}

GtkSpinButton *
ecart_level_field_get_spin_button (EcartLevelField *self)
{
  g_return_val_if_fail (ECART_IS_LEVEL_FIELD (self), NULL);
  return self->spin;
}

double
ecart_level_field_get_value (EcartLevelField *self)
{
  g_return_val_if_fail (ECART_IS_LEVEL_FIELD (self), NAN);
  return self->value;
}

/**
 * ecart_level_field_set_value:
 * @value: the model's value, NAN for "not set"
 *
 * Shows the model's value: what was typed and any error are replaced.
 */
void
ecart_level_field_set_value (EcartLevelField *self,
                             double           value)
{
  g_return_if_fail (ECART_IS_LEVEL_FIELD (self));

  if (self->spin == NULL)
    return;

  self->syncing = TRUE;
  self->rejecting = FALSE;
  self->value = value;
  self->blank = isnan (value);
  if (!isnan (value))
    gtk_spin_button_set_value (self->spin, CLAMP (value, lower_of (self), upper_of (self)));
  show_value (self);
  set_error (self, NULL);
  self->syncing = FALSE;

  set_pending (self, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* What the field reads now, committed or not: NAN when empty or refused. */
double
ecart_level_field_get_pending_value (EcartLevelField *self)
{
  g_return_val_if_fail (ECART_IS_LEVEL_FIELD (self), NAN);
  return self->pending;
}

/* Why what the field holds cannot be saved, or NULL. */
const char *
ecart_level_field_get_error (EcartLevelField *self)
{
  g_return_val_if_fail (ECART_IS_LEVEL_FIELD (self), NULL);
  return self->error;
}

/* Commits what is typed, as Enter would. */
void
ecart_level_field_commit (EcartLevelField *self)
{
  g_return_if_fail (ECART_IS_LEVEL_FIELD (self));

  if (self->spin != NULL)
    gtk_spin_button_update (self->spin);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-preferences-window.h"

/* The preferences: the statistics every page computes with (confidence level, minimum n,
 * Holm correction) and how things look (chart scale, light or dark style). Each control is
 * bound to its GSettings key: a change is saved and followed at once by every page. */

struct _EcartPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSpinButton        *confidence_spin;
  GtkSpinButton        *min_n_spin;
  GtkSwitch            *holm_switch;
  GtkSpinButton        *scale_spin;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (EcartPreferencesWindow, ecart_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the style row's choices. */
static const char * const style_nicks[] = { "system", "light", "dark" };

/* The key holds 0.80–0.99, the field shows 80–99 %. */
static gboolean
confidence_get_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_double (variant) * 100.0));
  return TRUE;
}

static GVariant *
confidence_set_mapping (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  return g_variant_new_double (CLAMP (g_value_get_double (value), 80.0, 99.0) / 100.0);
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_str_equal (nick, style_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_nicks))
    return NULL;
  return g_variant_new_string (style_nicks[selected]);
}

static int
on_confidence_spin_output_cb (GtkSpinButton *spin)
{
  /* Translators: a confidence level, %.0f is a number from 80 to 99 */
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), gtk_spin_button_get_value (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
ecart_preferences_window_dispose (GObject *object)
{
  EcartPreferencesWindow *self = (EcartPreferencesWindow *)object;

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ecart_preferences_window_parent_class)->dispose (object);
}

static void
ecart_preferences_window_class_init (EcartPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartPreferencesWindow, confidence_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartPreferencesWindow, min_n_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartPreferencesWindow, holm_switch);
  gtk_widget_class_bind_template_child (widget_class, EcartPreferencesWindow, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartPreferencesWindow, style_row);
  gtk_widget_class_bind_template_callback (widget_class, on_confidence_spin_output_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ecart_preferences_window_init (EcartPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "confidence-level", self->confidence_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, confidence_get_mapping,
                                confidence_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "min-n", self->min_n_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "holm-correction", self->holm_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-scale", self->scale_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping,
                                NULL, NULL);
}

/**
 * ecart_preferences_window_new:
 * @parent: (nullable): the window it is shown over
 */
EcartPreferencesWindow *
ecart_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ECART_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

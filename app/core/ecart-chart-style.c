/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include "ecart-chart-style-private.h"

#include <math.h>

/* Every colour of the charts is here, once. The four dimensions use the Okabe–Ito palette
 * (Okabe & Ito 2008), safe for the common colour-vision deficiencies; signed values (gaps,
 * detractors and promoters) use ColorBrewer's BrBG diverging scheme (brown for below, teal
 * for above), which the dimension colours do not use. */

#define DEFAULT_FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

static EcartChartColor
hex (guint32 rgb)
{
  return (EcartChartColor) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                             (rgb & 0xff) / 255.0, 1.0 };
}

static const guint32 dimension_colors[2][ECART_N_DIMENSIONS] = {
  /* light */
  { 0x0072B2,   /* Desired: blue */
    0x009E73,   /* Proposed: bluish green */
    0xE69F00,   /* Expected: orange */
    0xD55E00 }, /* Lived: vermillion */
  /* dark: the blue, too dark on #242424, lightened a quarter towards white */
  { 0x4095C5, 0x009E73, 0xE69F00, 0xE0702A },
};

/* BrBG, 11 classes (Brewer 2002), from brown (negative) to teal (positive). */
static const guint32 diverging_light[] = {
  0x8C510A, 0xBF812D, 0xDFC27D, 0xF6E8C3, 0xF5F5F5, 0xC7EAE5, 0x80CDC1, 0x35978F, 0x01665E,
};
/* The same hues around a dark middle, so that small gaps stay dark on a dark background. */
static const guint32 diverging_dark[] = {
  0xE0A54E, 0xC08A3E, 0x8F6A35, 0x5A4A33, 0x363636, 0x2F4F4B, 0x2E7068, 0x3A9C91, 0x5CC7B9,
};

G_DEFINE_BOXED_TYPE (EcartChartStyle, ecart_chart_style, ecart_chart_style_copy, ecart_chart_style_free)

static void
fill_palette (EcartChartStyle *self)
{
  int d = self->dark ? 1 : 0;

  for (guint i = 0; i < ECART_N_DIMENSIONS; i++)
    self->dimensions[i] = hex (dimension_colors[d][i]);

  if (self->dark)
    {
      self->background = hex (0x242424);
      self->foreground = (EcartChartColor) { 1, 1, 1, 0.92 };
      self->secondary = (EcartChartColor) { 1, 1, 1, 0.62 };
      self->grid = (EcartChartColor) { 1, 1, 1, 0.12 };
      self->axis = (EcartChartColor) { 1, 1, 1, 0.45 };
      self->band = (EcartChartColor) { 1, 1, 1, 0.045 };
      self->insufficient = hex (0x8A8A8A);
      self->negative = hex (0xDFA04F);
      self->positive = hex (0x3DB9A6);
      self->passives = hex (0x6E6E6E);
      self->highlight = (EcartChartColor) { 0.90, 0.45, 0.20, 0.16 };
      for (guint i = 0; i < G_N_ELEMENTS (diverging_dark); i++)
        self->diverging[i] = hex (diverging_dark[i]);
    }
  else
    {
      self->background = hex (0xFFFFFF);
      self->foreground = hex (0x1F1F1F);
      self->secondary = hex (0x5E5C64);
      self->grid = (EcartChartColor) { 0, 0, 0, 0.09 };
      self->axis = (EcartChartColor) { 0, 0, 0, 0.45 };
      self->band = (EcartChartColor) { 0, 0, 0, 0.035 };
      self->insufficient = hex (0x9A9996);
      self->negative = hex (0xA6611A);
      self->positive = hex (0x018571);
      self->passives = hex (0xBDBDBD);
      self->highlight = (EcartChartColor) { 0.84, 0.37, 0.0, 0.07 };
      for (guint i = 0; i < G_N_ELEMENTS (diverging_light); i++)
        self->diverging[i] = hex (diverging_light[i]);
    }
}

/**
 * ecart_chart_style_new:
 * @dark: the dark variant (a #242424 background, light text)
 * @scale: fonts and strokes are multiplied by it: 1.0 on a screen, 1.5–2.0 to project
 *
 * Returns: (transfer full): a new style
 */
EcartChartStyle *
ecart_chart_style_new (gboolean dark,
                       double   scale)
{
  EcartChartStyle *self;

  g_return_val_if_fail (isfinite (scale) && scale > 0.0, NULL);

  self = g_new0 (EcartChartStyle, 1);
  self->dark = !!dark;
  self->scale = CLAMP (scale, ECART_CHART_SCALE_MIN, ECART_CHART_SCALE_MAX);
  self->font_family = g_strdup (DEFAULT_FONT_FAMILY);
  self->draws_background = TRUE;
  fill_palette (self);
  return self;
}

EcartChartStyle *
ecart_chart_style_copy (const EcartChartStyle *self)
{
  EcartChartStyle *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->font_family = g_strdup (self->font_family);
  return copy;
}

void
ecart_chart_style_free (EcartChartStyle *self)
{
  if (self == NULL)
    return;
  g_free (self->font_family);
  g_free (self);
}

gboolean
ecart_chart_style_is_dark (const EcartChartStyle *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dark;
}

double
ecart_chart_style_get_scale (const EcartChartStyle *self)
{
  g_return_val_if_fail (self != NULL, 1.0);
  return self->scale;
}

const char *
ecart_chart_style_get_font_family (const EcartChartStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->font_family;
}

/**
 * ecart_chart_style_set_font_family:
 * @family: (nullable): a Pango family list ("Cantarell, sans-serif"), or %NULL for the
 *   default: Cantarell, then DejaVu Sans, Noto Sans, any sans-serif
 */
void
ecart_chart_style_set_font_family (EcartChartStyle *self,
                                   const char      *family)
{
  g_return_if_fail (self != NULL);

  g_free (self->font_family);
  self->font_family = g_strdup (family != NULL && *family != '\0' ? family : DEFAULT_FONT_FAMILY);
}

gboolean
ecart_chart_style_get_draws_background (const EcartChartStyle *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->draws_background;
}

void
ecart_chart_style_set_draws_background (EcartChartStyle *self,
                                        gboolean         draws_background)
{
  g_return_if_fail (self != NULL);
  self->draws_background = !!draws_background;
}

void
ecart_chart_style_get_dimension_color (const EcartChartStyle *self,
                                       EcartDimension         dimension,
                                       EcartChartColor       *color)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint)dimension < ECART_N_DIMENSIONS);
  g_return_if_fail (color != NULL);
  *color = self->dimensions[dimension];
}

void
ecart_chart_style_get_background_color (const EcartChartStyle *self,
                                        EcartChartColor       *color)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (color != NULL);
  *color = self->background;
}

void
ecart_chart_style_get_foreground_color (const EcartChartStyle *self,
                                        EcartChartColor       *color)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (color != NULL);
  *color = self->foreground;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-types"

#include "config.h"

#include "ecart-types.h"

#include <glib/gi18n-lib.h>

static const struct {
  const char *key;
  const char *french;
  const char *label;
} dimensions[ECART_N_DIMENSIONS] = {
  [ECART_DIMENSION_DESIRED] = { "desired", "voulue", N_("Desired") },
  [ECART_DIMENSION_PROPOSED] = { "proposed", "proposee", N_("Proposed") },
  [ECART_DIMENSION_EXPECTED] = { "expected", "attendue", N_("Expected") },
  [ECART_DIMENSION_LIVED] = { "lived", "vecue", N_("Lived") },
};

const char *
ecart_dimension_to_string (EcartDimension dimension)
{
  g_return_val_if_fail ((guint)dimension < ECART_N_DIMENSIONS, NULL);
  return dimensions[dimension].key;
}

const char *
ecart_dimension_get_label (EcartDimension dimension)
{
  g_return_val_if_fail ((guint)dimension < ECART_N_DIMENSIONS, NULL);
  return _(dimensions[dimension].label);
}

/**
 * ecart_dimension_from_string:
 *
 * Reads a dimension written in English or French, in any case, with or without accents:
 * "lived", "Vécue", "VECUE", " attendue ".
 */
gboolean
ecart_dimension_from_string (const char     *text,
                             EcartDimension *dimension)
{
  g_autofree char *ascii = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (dimension != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  ascii = g_str_to_ascii (text, "C");
  lower = g_ascii_strdown (g_strstrip (ascii), -1);

  for (guint i = 0; i < ECART_N_DIMENSIONS; i++)
    if (g_str_equal (lower, dimensions[i].key) || g_str_equal (lower, dimensions[i].french))
      {
        *dimension = i;
        return TRUE;
      }
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The four dimensions of the experience. Expected and lived are measured; their values are
 * the ones stored in measurement.dimension. */
typedef enum {
  ECART_DIMENSION_DESIRED  = 0,
  ECART_DIMENSION_PROPOSED = 1,
  ECART_DIMENSION_EXPECTED = 2,
  ECART_DIMENSION_LIVED    = 3,
} EcartDimension;

#define ECART_N_DIMENSIONS 4

const char *ecart_dimension_to_string   (EcartDimension  dimension);
const char *ecart_dimension_get_label   (EcartDimension  dimension);
gboolean    ecart_dimension_from_string (const char     *text,
                                         EcartDimension *dimension);

G_END_DECLS

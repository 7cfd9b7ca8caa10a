/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-gap-row.h"

G_BEGIN_DECLS

/* The row's fields, filled by EcartGapTable when it computes them; a row never changes
 * once the table is returned. */
struct _EcartGapRow
{
  GObject          parent_instance;

  EcartSegment    *segment;
  EcartAttribute  *attribute;
  EcartTouchpoint *touchpoint;      /* NULL: all touchpoints, or measured without one */
  gboolean         per_touchpoint;

  int              importance;
  double           desired;
  double           proposed;

  EcartSummary     expected;
  EcartSummary     lived;
  gboolean         expected_insufficient;
  gboolean         lived_insufficient;
  gint64           pairs;
  gboolean         paired;

  EcartGap         gaps[ECART_N_GAPS];
  EcartQuadrant    quadrant;
};

EcartGapRow *_ecart_gap_row_new (EcartSegment    *segment,
                                 EcartAttribute  *attribute,
                                 EcartTouchpoint *touchpoint,
                                 gboolean         per_touchpoint);

G_END_DECLS

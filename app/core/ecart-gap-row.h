/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ecart-attribute.h"
#include "ecart-segment.h"
#include "ecart-stats.h"
#include "ecart-touchpoint.h"
#include "ecart-types.h"

G_BEGIN_DECLS

/* The five gaps of DESIGN.md §1, in points on 0–10. */
typedef enum {
  ECART_GAP_IMPLEMENTATION = 0,  /* Proposed − Desired */
  ECART_GAP_EXPECTATION    = 1,  /* Expected − Desired */
  ECART_GAP_PERCEPTION     = 2,  /* Lived − Expected */
  ECART_GAP_DELIVERY       = 3,  /* Lived − Desired */
  ECART_GAP_EXECUTION      = 4,  /* Lived − Proposed */
} EcartGapKind;

#define ECART_N_GAPS 5

/* How a gap's interval was obtained. */
typedef enum {
  ECART_GAP_METHOD_NONE,        /* not computable: a value is missing */
  ECART_GAP_METHOD_FIXED,       /* two fixed values (implementation gap): no interval */
  ECART_GAP_METHOD_ONE_SAMPLE,  /* a measured mean against a fixed value: its t interval, shifted */
  ECART_GAP_METHOD_PAIRED,      /* the same respondents gave both: paired t interval */
  ECART_GAP_METHOD_WELCH,       /* two means of different respondents: Welch interval */
} EcartGapMethod;

/* Importance–performance quadrants (Martilla & James 1977). */
typedef enum {
  ECART_QUADRANT_NONE,              /* no lived measurement */
  ECART_QUADRANT_CONCENTRATE_HERE,  /* important, low performance */
  ECART_QUADRANT_KEEP_UP,           /* important, high performance */
  ECART_QUADRANT_LOW_PRIORITY,      /* less important, low performance */
  ECART_QUADRANT_POSSIBLE_OVERKILL, /* less important, high performance */
} EcartQuadrant;

/* One gap of one row. */
typedef struct
{
  double         value;        /* NAN when not computable */
  double         ci_low;       /* NAN without an interval */
  double         ci_high;
  double         df;           /* degrees of freedom of the interval; NAN without one */
  double         statistic;    /* t */
  double         p_value;      /* two-sided, unadjusted; NAN without an interval */
  double         p_adjusted;   /* Holm-adjusted within its family, or p_value without Holm;
                                * NAN when not tested (no interval, or insufficient data) */
  EcartGapMethod method;
  gint64         n;            /* the smallest n behind it (pairs for a paired gap) */
  gboolean       significant;  /* tested, and p_adjusted < 1 − confidence */
  gboolean       insufficient; /* a measured side has n below the minimum */
} EcartGap;

#define ECART_TYPE_GAP_ROW (ecart_gap_row_get_type ())

G_DECLARE_FINAL_TYPE (EcartGapRow, ecart_gap_row, ECART, GAP_ROW, GObject)

EcartSegment       *ecart_gap_row_get_segment         (EcartGapRow    *self);
EcartAttribute     *ecart_gap_row_get_attribute       (EcartGapRow    *self);
EcartTouchpoint    *ecart_gap_row_get_touchpoint      (EcartGapRow    *self);
gboolean            ecart_gap_row_is_per_touchpoint   (EcartGapRow    *self);
int                 ecart_gap_row_get_importance      (EcartGapRow    *self);
double              ecart_gap_row_get_desired         (EcartGapRow    *self);
double              ecart_gap_row_get_proposed        (EcartGapRow    *self);
double              ecart_gap_row_get_value           (EcartGapRow    *self,
                                                       EcartDimension  dimension);
const EcartSummary *ecart_gap_row_get_summary         (EcartGapRow    *self,
                                                       EcartDimension  dimension);
gboolean            ecart_gap_row_is_insufficient     (EcartGapRow    *self,
                                                       EcartDimension  dimension);
gint64              ecart_gap_row_get_pairs           (EcartGapRow    *self);
gboolean            ecart_gap_row_is_paired           (EcartGapRow    *self);
const EcartGap     *ecart_gap_row_get_gap             (EcartGapRow    *self,
                                                       EcartGapKind    kind);
EcartQuadrant       ecart_gap_row_get_quadrant        (EcartGapRow    *self);

const char         *ecart_gap_kind_to_string          (EcartGapKind    kind);
gboolean            ecart_gap_kind_from_string        (const char     *text,
                                                       EcartGapKind   *kind);
const char         *ecart_gap_kind_get_label          (EcartGapKind    kind);
void                ecart_gap_kind_get_dimensions     (EcartGapKind    kind,
                                                       EcartDimension *minuend,
                                                       EcartDimension *subtrahend);
const char         *ecart_gap_method_to_string        (EcartGapMethod  method);
const char         *ecart_quadrant_to_string          (EcartQuadrant   quadrant);
const char         *ecart_quadrant_get_label          (EcartQuadrant   quadrant);

G_END_DECLS

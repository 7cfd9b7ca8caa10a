/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-gap-options.h"
#include "ecart-gap-row.h"
#include "ecart-stats.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

/* One wave of a trend: the value measured in that wave, and its change from the previous
 * wave of the table (Welch: the respondents of two waves are different people). */
typedef struct
{
  EcartWave    *wave;
  EcartSummary  summary;
  gboolean      insufficient;  /* n below the minimum (or 0) */
  EcartTest     change;        /* this wave − the previous one; estimate NAN for the first
                                * wave, or when either wave has no measurement */
  gboolean      significant;   /* both waves sufficient and p < 1 − confidence */
  EcartTest     since_first;   /* this wave − the first wave of the table (Welch); estimate
                                * NAN for the first wave itself */
  gboolean      since_first_significant;
} EcartTrendPoint;

#define ECART_TYPE_GAP_TABLE (ecart_gap_table_get_type ())

G_DECLARE_FINAL_TYPE (EcartGapTable, ecart_gap_table, ECART, GAP_TABLE, GObject)

EcartGapTable         *ecart_gap_table_new               (EcartWorkspace   *workspace,
                                                          EcartGapOptions  *options,
                                                          GError          **error);

EcartWorkspace        *ecart_gap_table_get_workspace     (EcartGapTable    *self);
EcartGapOptions       *ecart_gap_table_get_options       (EcartGapTable    *self);
double                 ecart_gap_table_get_confidence    (EcartGapTable    *self);
guint                  ecart_gap_table_get_min_n         (EcartGapTable    *self);
GListModel            *ecart_gap_table_get_segments      (EcartGapTable    *self);
GListModel            *ecart_gap_table_get_waves         (EcartGapTable    *self);
GListModel            *ecart_gap_table_get_attributes    (EcartGapTable    *self);

/* Rows. The table itself is a GListModel of the rows asked for (per touchpoint with
 * by-touchpoint); these give the per-attribute rows whatever the mode. */
GListModel            *ecart_gap_table_get_attribute_rows (EcartGapTable   *self);
GListModel            *ecart_gap_table_get_segment_rows  (EcartGapTable    *self,
                                                          EcartSegment     *segment);
EcartGapRow           *ecart_gap_table_lookup            (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          EcartAttribute   *attribute);
EcartGapRow           *ecart_gap_table_lookup_touchpoint (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          EcartAttribute   *attribute,
                                                          EcartTouchpoint  *touchpoint);

/* Per segment. */
double                 ecart_gap_table_get_index         (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          EcartGapKind      kind,
                                                          guint            *n_attributes);
gboolean               ecart_gap_table_get_crosshair     (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          double           *importance,
                                                          double           *lived);

/* Recommendation. */
const EcartNps        *ecart_gap_table_get_nps           (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          EcartWave        *wave);
const EcartNpsChange  *ecart_gap_table_get_nps_change    (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          EcartWave        *wave);

/* Trends. */
const EcartTrendPoint *ecart_gap_table_get_trend         (EcartGapTable    *self,
                                                          EcartSegment     *segment,
                                                          EcartAttribute   *attribute,
                                                          EcartDimension    dimension,
                                                          guint            *n_points);

G_END_DECLS

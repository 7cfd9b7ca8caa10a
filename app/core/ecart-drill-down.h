/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-gap-table.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

/* What lies behind a figure of the dashboard: the respondents' measurements, their
 * verbatims, the initiatives about an attribute; and the lists of the Actions panel
 * (detractors, promoters, the largest significant gaps). Lists are capped at a limit the
 * caller gives, and say how many there are in all. */

/* Which rows: 0 (or no waves) means "every". */
typedef struct
{
  gint64        segment_id;
  gint64        attribute_id;
  gint64        touchpoint_id;  /* 0: with any touchpoint, or none */
  guint         dimensions;     /* 1 << EcartDimension of the measured dimensions wanted;
                                 * 0: expected and lived */
  const gint64 *wave_ids;
  guint         n_waves;
} EcartDrillFilter;

/* One measurement. */
typedef struct
{
  gint64          respondent_id;
  char           *external_id;    /* NULL when the file gave none */
  char           *wave;
  char           *touchpoint;     /* NULL: measured without a touchpoint */
  char           *answered_at;    /* NULL when undated */
  EcartDimension  dimension;      /* expected or lived */
  double          score;          /* on 0–10 */
  double          raw_score;      /* as answered, on its own scale */
  double          scale_min;
  double          scale_max;
} EcartDrillMeasurement;

/* One verbatim. */
typedef struct
{
  gint64  id;
  gint64  respondent_id;          /* 0: not from a known respondent */
  char   *external_id;
  char   *wave;
  char   *segment;
  char   *attribute;              /* NULL: about no attribute in particular */
  char   *touchpoint;
  char   *body;
  int     recommendation;         /* the respondent's 0–10, or −1 */
} EcartDrillVerbatim;

/* One respondent, with their recommendation score and verbatims. */
typedef struct
{
  gint64  respondent_id;
  char   *external_id;
  char   *wave;
  char   *segment;
  char   *answered_at;
  int     recommendation;         /* 0–10, or −1 */
  char   *verbatims;              /* every verbatim of the respondent, one a line; NULL: none */
} EcartDrillRespondent;

void        ecart_drill_measurement_free  (EcartDrillMeasurement *self);
void        ecart_drill_verbatim_free     (EcartDrillVerbatim    *self);
void        ecart_drill_respondent_free   (EcartDrillRespondent  *self);

GPtrArray  *ecart_drill_down_measurements (EcartWorkspace          *workspace,
                                           const EcartDrillFilter  *filter,
                                           guint                    limit,
                                           gint64                  *total,
                                           GError                 **error);
GPtrArray  *ecart_drill_down_verbatims    (EcartWorkspace          *workspace,
                                           const EcartDrillFilter  *filter,
                                           guint                    limit,
                                           gint64                  *total,
                                           GError                 **error);
GPtrArray  *ecart_drill_down_respondents  (EcartWorkspace          *workspace,
                                           const EcartDrillFilter  *filter,
                                           int                      min_score,
                                           int                      max_score,
                                           guint                    limit,
                                           gint64                  *total,
                                           GError                 **error);
GListModel *ecart_drill_down_initiatives  (EcartWorkspace          *workspace,
                                           gint64                   attribute_id);
GPtrArray  *ecart_drill_down_largest_gaps (EcartGapTable           *table,
                                           EcartSegment            *segment,
                                           EcartGapKind             gap,
                                           guint                    count);

G_END_DECLS

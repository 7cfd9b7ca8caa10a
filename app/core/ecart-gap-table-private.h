/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-database.h"
#include "ecart-gap-table.h"

G_BEGIN_DECLS

/* What ecart-gap-table-read.c gives the table: sums of one cell of one wave, as the
 * aggregate tables hold them. */
typedef enum {
  ECART_GAP_SUMS_EXPECTED,  /* n, Σx, Σx² of expected scores (0–10) */
  ECART_GAP_SUMS_LIVED,     /* of lived scores */
  ECART_GAP_SUMS_PAIRS,     /* n, Σd, Σd² of d = lived − expected of a respondent */
} EcartGapSumsKind;

typedef struct
{
  gint64           segment_id;
  gint64           wave_id;
  gint64           attribute_id;
  gint64           touchpoint_id;  /* 0: measured without a touchpoint */
  EcartGapSumsKind kind;
  gint64           n;
  double           sum;
  double           sum_sq;
} EcartGapSums;

typedef void (*EcartGapSumsFunc)  (const EcartGapSums *sums,
                                   gpointer            user_data);
typedef void (*EcartGapScoreFunc) (gint64              segment_id,
                                   gint64              wave_id,
                                   int                 score,
                                   gint64              n,
                                   gpointer            user_data);

typedef struct
{
  const gint64      *segments;
  guint              n_segments;
  const gint64      *waves;
  guint              n_waves;
  const char        *from;       /* YYYY-MM-DD or NULL */
  const char        *to;         /* YYYY-MM-DD (included) or NULL */
  EcartGapSumsFunc   sums_func;
  EcartGapScoreFunc  score_func;
  gpointer           user_data;
} EcartGapReadRequest;

gboolean _ecart_gap_table_read (EcartDatabase              *db,
                                const EcartGapReadRequest  *request,
                                GError                    **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pure statistics behind the gap engine: no database, no GObject. Every function works from
 * sums (n, Σx, Σx²), as the aggregates of a workspace hold them, and says "not computable"
 * with NAN. docs/statistics.md gives the formulas and the decisions. */

#define ECART_CONFIDENCE_MIN     0.80
#define ECART_CONFIDENCE_MAX     0.99
#define ECART_CONFIDENCE_DEFAULT 0.95

/* A measured value: n, mean, standard deviation and the t confidence interval of the mean,
 * mean ± t(n − 1)·s/√n. */
typedef struct
{
  gint64 n;
  double mean;     /* NAN when n = 0 */
  double sd;       /* sample standard deviation (n − 1); NAN when n < 2 */
  double se;       /* sd / √n; NAN when n < 2 */
  double df;       /* n − 1; NAN when n < 2 */
  double ci_low;   /* NAN when n < 2; equal to the mean when sd = 0 */
  double ci_high;
} EcartSummary;

/* An estimate with its confidence interval and two-sided test of "it is 0". */
typedef struct
{
  double estimate;  /* NAN when not computable */
  double se;        /* standard error; NAN without an interval */
  double df;        /* degrees of freedom; INFINITY for a z test; NAN when undefined */
  double statistic; /* t or z; ±INFINITY when se = 0 and the estimate is not 0 */
  double p_value;   /* two-sided; NAN without an interval */
  double ci_low;    /* NAN without an interval */
  double ci_high;
} EcartTest;

/* Net Promoter Score of a group of respondents. The point estimate is the plain NPS; the
 * interval is the adjusted Wald interval, centred on the adjusted estimate. */
typedef struct
{
  gint64   n;
  gint64   promoters;       /* 9–10 */
  gint64   passives;        /* 7–8 */
  gint64   detractors;      /* 0–6 */
  double   promoters_pct;   /* 0–100; NAN when n = 0 */
  double   passives_pct;
  double   detractors_pct;
  double   nps;             /* 100·(P − D)/n; NAN when n = 0 */
  double   adjusted_nps;    /* 100·(p′P − p′D), n′ = n + 3, p′ = (count + ¾)/n′ */
  double   adjusted_se;     /* 100·√(V/n′), V = p′P + p′D − (p′P − p′D)² */
  double   ci_low;          /* adjusted_nps ∓ z·adjusted_se, kept within [−100, 100] */
  double   ci_high;
  gboolean insufficient;    /* n below the minimum; set by the caller (EcartGapTable) */
} EcartNps;

/* The change of NPS from @before to @after. */
typedef struct
{
  double   difference;           /* plain: after.nps − before.nps */
  double   adjusted_difference;  /* after.adjusted_nps − before.adjusted_nps */
  double   se;                   /* √(after.adjusted_se² + before.adjusted_se²) */
  double   z;                    /* adjusted_difference / se */
  double   p_value;              /* two-sided */
  double   ci_low;               /* adjusted_difference ∓ z·se */
  double   ci_high;
  gboolean significant;          /* p < 1 − confidence, both groups sufficient */
  gboolean insufficient;         /* one of the groups is below the minimum n */
} EcartNpsChange;

void     ecart_stats_init                (void);
gboolean ecart_stats_confidence_is_valid (double              confidence);

double   ecart_stats_t_quantile          (double              confidence,
                                          double              df);
double   ecart_stats_z_quantile          (double              confidence);
double   ecart_stats_t_p_value           (double              t,
                                          double              df);
double   ecart_stats_z_p_value           (double              z);

void     ecart_stats_summary             (gint64              n,
                                          double              sum,
                                          double              sum_sq,
                                          double              confidence,
                                          EcartSummary       *summary);
void     ecart_stats_one_sample          (const EcartSummary *summary,
                                          double              target,
                                          double              confidence,
                                          EcartTest          *test);
void     ecart_stats_welch               (const EcartSummary *a,
                                          const EcartSummary *b,
                                          double              confidence,
                                          EcartTest          *test);
void     ecart_stats_paired              (gint64              n,
                                          double              sum_d,
                                          double              sum_d_sq,
                                          double              confidence,
                                          EcartTest          *test);
void     ecart_stats_holm                (const double       *p_values,
                                          gsize               n,
                                          double             *adjusted);

void     ecart_stats_nps                 (const gint64        histogram[11],
                                          double              confidence,
                                          EcartNps           *nps);
void     ecart_stats_nps_change          (const EcartNps     *before,
                                          const EcartNps     *after,
                                          double              confidence,
                                          EcartNpsChange     *change);

G_END_DECLS

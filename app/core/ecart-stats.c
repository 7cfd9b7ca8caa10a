/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-stats"

#include "config.h"

#include "ecart-stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

/* The distributions come from GSL. GSL reports a domain error by calling gsl_error(), whose
 * default handler aborts the program: ecart_stats_init() turns that off once, so that a
 * function given a bad argument returns NAN, which every caller here checks. */

static gpointer
disable_gsl_abort (gpointer data)
{
  gsl_set_error_handler_off ();
  return NULL;
}

/**
 * ecart_stats_init:
 *
 * Makes GSL return NAN instead of aborting on a domain error. Called by every function of
 * this file that uses GSL; cheap after the first call.
 */
void
ecart_stats_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, disable_gsl_abort, NULL);
}

/**
 * ecart_stats_confidence_is_valid:
 *
 * Returns: whether @confidence is a level the gap engine accepts: 0.80 to 0.99
 */
gboolean
ecart_stats_confidence_is_valid (double confidence)
{
  return isfinite (confidence)
         && confidence >= ECART_CONFIDENCE_MIN - 1e-9
         && confidence <= ECART_CONFIDENCE_MAX + 1e-9;
}

/**
 * ecart_stats_t_quantile:
 *
 * Returns: t such that a two-sided interval ±t with @df degrees of freedom has coverage
 *   @confidence, or NAN when @df is not positive
 */
double
ecart_stats_t_quantile (double confidence,
                        double df)
{
  double t;

  ecart_stats_init ();
  if (!(df > 0) || !(confidence > 0 && confidence < 1))
    return NAN;
  if (isinf (df))
    return ecart_stats_z_quantile (confidence);
  t = gsl_cdf_tdist_Pinv ((1.0 + confidence) / 2.0, df);
  return isfinite (t) ? t : NAN;
}

double
ecart_stats_z_quantile (double confidence)
{
  double z;

  ecart_stats_init ();
  if (!(confidence > 0 && confidence < 1))
    return NAN;
  z = gsl_cdf_ugaussian_Pinv ((1.0 + confidence) / 2.0);
  return isfinite (z) ? z : NAN;
}

/**
 * ecart_stats_t_p_value:
 *
 * Returns: the two-sided p-value of @t with @df degrees of freedom: 0 for an infinite @t,
 *   NAN when @t is NAN or @df not positive
 */
double
ecart_stats_t_p_value (double t,
                       double df)
{
  double p;

  ecart_stats_init ();
  if (isnan (t) || !(df > 0))
    return NAN;
  if (isinf (t))
    return 0.0;
  if (isinf (df))
    return ecart_stats_z_p_value (t);
  p = 2.0 * gsl_cdf_tdist_Q (fabs (t), df);
  return isfinite (p) ? MIN (p, 1.0) : NAN;
}

double
ecart_stats_z_p_value (double z)
{
  double p;

  ecart_stats_init ();
  if (isnan (z))
    return NAN;
  if (isinf (z))
    return 0.0;
  p = 2.0 * gsl_cdf_ugaussian_Q (fabs (z));
  return isfinite (p) ? MIN (p, 1.0) : NAN;
}

/* Σ(x − x̄)² from the sums. Rounding can leave a tiny residue (even a negative one) where
 * every value is the same: below 10⁻¹² of Σx² it is taken as 0, so that constant data has a
 * standard deviation of exactly 0. */
static double
sum_of_squares (gint64 n,
                double sum,
                double sum_sq)
{
  double ss = sum_sq - sum * sum / (double)n;

  if (!(ss > 1e-12 * fabs (sum_sq)))
    return 0.0;
  return ss;
}

/**
 * ecart_stats_summary:
 * @n: number of values
 * @sum: Σx
 * @sum_sq: Σx²
 * @confidence: level of the interval, between 0 and 1
 *
 * Fills @summary: mean, sample standard deviation and the t interval of the mean.
 * With n = 0 everything is NAN; with n = 1 only the mean is given; with a zero standard
 * deviation the interval is the mean itself (width 0).
 */
void
ecart_stats_summary (gint64        n,
                     double        sum,
                     double        sum_sq,
                     double        confidence,
                     EcartSummary *summary)
{
  double half;

  g_return_if_fail (summary != NULL);

  *summary = (EcartSummary) { MAX (n, 0), NAN, NAN, NAN, NAN, NAN, NAN };
  if (n <= 0 || !isfinite (sum) || !isfinite (sum_sq))
    {
      summary->n = 0;
      return;
    }

  summary->mean = sum / (double)n;
  if (n < 2)
    return;

  summary->df = (double)(n - 1);
  summary->sd = sqrt (sum_of_squares (n, sum, sum_sq) / summary->df);
  summary->se = summary->sd / sqrt ((double)n);
  half = summary->se == 0.0 ? 0.0 : ecart_stats_t_quantile (confidence, summary->df) * summary->se;
  summary->ci_low = summary->mean - half;
  summary->ci_high = summary->mean + half;
}

/* The interval and the test of @estimate with standard error @se and @df degrees of
 * freedom. A zero standard error gives an interval of width 0, and a p-value of 0 (any
 * non-zero estimate is then certain) or 1 (the estimate is exactly 0). */
static void
fill_test (EcartTest *test,
           double     estimate,
           double     se,
           double     df,
           double     confidence)
{
  double half;

  test->estimate = estimate;
  test->se = se;
  test->df = df;

  if (se == 0.0)
    {
      test->statistic = estimate == 0.0 ? 0.0 : copysign (INFINITY, estimate);
      test->p_value = estimate == 0.0 ? 1.0 : 0.0;
      test->ci_low = test->ci_high = estimate;
      return;
    }

  test->statistic = estimate / se;
  test->p_value = ecart_stats_t_p_value (test->statistic, df);
  half = ecart_stats_t_quantile (confidence, df) * se;
  test->ci_low = estimate - half;
  test->ci_high = estimate + half;
}

static void
clear_test (EcartTest *test,
            double     estimate)
{
  *test = (EcartTest) { estimate, NAN, NAN, NAN, NAN, NAN, NAN };
}

/**
 * ecart_stats_one_sample:
 * @summary: a measured value
 * @target: a fixed value (desired target, proposed level)
 *
 * The gap mean − @target: its interval is the interval of the mean, shifted; the test is
 * the one-sample t test with n − 1 degrees of freedom. No interval below n = 2.
 */
void
ecart_stats_one_sample (const EcartSummary *summary,
                        double              target,
                        double              confidence,
                        EcartTest          *test)
{
  g_return_if_fail (summary != NULL);
  g_return_if_fail (test != NULL);

  if (summary->n < 1 || !isfinite (target) || !isfinite (summary->mean))
    {
      clear_test (test, NAN);
      return;
    }

  clear_test (test, summary->mean - target);
  if (summary->n < 2)
    return;
  fill_test (test, summary->mean - target, summary->se, summary->df, confidence);
}

/**
 * ecart_stats_welch:
 * @a: the value subtracted
 * @b: the value it is subtracted from
 *
 * The difference b − a of two means measured on different respondents: Welch's interval
 * and test, with the Welch–Satterthwaite degrees of freedom
 * (s²a/na + s²b/nb)² / ((s²a/na)²/(na − 1) + (s²b/nb)²/(nb − 1)).
 * No interval unless both have n ≥ 2; when both standard deviations are 0 the degrees of
 * freedom are undefined (NAN) and the interval has width 0.
 */
void
ecart_stats_welch (const EcartSummary *a,
                   const EcartSummary *b,
                   double              confidence,
                   EcartTest          *test)
{
  double va;
  double vb;
  double df;

  g_return_if_fail (a != NULL && b != NULL);
  g_return_if_fail (test != NULL);

  if (a->n < 1 || b->n < 1)
    {
      clear_test (test, NAN);
      return;
    }

  clear_test (test, b->mean - a->mean);
  if (a->n < 2 || b->n < 2)
    return;

  va = a->sd * a->sd / (double)a->n;
  vb = b->sd * b->sd / (double)b->n;
  if (va + vb == 0.0)
    {
      fill_test (test, b->mean - a->mean, 0.0, NAN, confidence);
      return;
    }
  df = (va + vb) * (va + vb) / (va * va / (double)(a->n - 1) + vb * vb / (double)(b->n - 1));
  fill_test (test, b->mean - a->mean, sqrt (va + vb), df, confidence);
}

/**
 * ecart_stats_paired:
 * @n: number of pairs
 * @sum_d: Σd of the differences
 * @sum_d_sq: Σd²
 *
 * The mean difference of paired values: d̄ ± t(n − 1)·s_d/√n, and the paired t test.
 */
void
ecart_stats_paired (gint64     n,
                    double     sum_d,
                    double     sum_d_sq,
                    double     confidence,
                    EcartTest *test)
{
  EcartSummary d;

  g_return_if_fail (test != NULL);

  ecart_stats_summary (n, sum_d, sum_d_sq, confidence, &d);
  ecart_stats_one_sample (&d, 0.0, confidence, test);
}

typedef struct
{
  double p;
  gsize  index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->p != y->p)
    return x->p < y->p ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * ecart_stats_holm:
 * @p_values: (array length=n): p-values; NAN ones are not part of the family
 * @adjusted: (array length=n): receives the Holm-adjusted p-values (NAN where @p_values is)
 *
 * Holm's step-down adjustment: with the m finite p-values sorted, p(1) ≤ … ≤ p(m),
 * adjusted p(i) = max over j ≤ i of min (1, (m − j + 1)·p(j)). Rejecting where the adjusted
 * value is below α keeps the family-wise error rate at α. @adjusted may be @p_values.
 */
void
ecart_stats_holm (const double *p_values,
                  gsize         n,
                  double       *adjusted)
{
  g_autofree Ranked *ranked = NULL;
  gsize m = 0;
  double running = 0.0;

  g_return_if_fail (n == 0 || (p_values != NULL && adjusted != NULL));

  ranked = g_new (Ranked, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    if (isfinite (p_values[i]))
      ranked[m++] = (Ranked) { p_values[i], i };

  for (gsize i = 0; i < n; i++)
    if (!isfinite (p_values[i]))
      adjusted[i] = NAN;

  qsort (ranked, m, sizeof (Ranked), compare_ranked);
  for (gsize j = 0; j < m; j++)
    {
      double value = MIN (1.0, (double)(m - j) * ranked[j].p);

      running = MAX (running, value);
      adjusted[ranked[j].index] = running;
    }
}

/**
 * ecart_stats_nps:
 * @histogram: how many respondents gave each score 0 to 10
 *
 * The Net Promoter Score, and its adjusted Wald interval (Rocks 2016): n′ = n + 3,
 * p′ = (count + ¾)/n′ for promoters and detractors, V = p′P + p′D − (p′P − p′D)²,
 * 100·(p′P − p′D) ± z·100·√(V/n′), kept within [−100, 100]. The point estimate stays the
 * plain NPS. With n = 0 every value is NAN.
 */
void
ecart_stats_nps (const gint64  histogram[11],
                 double        confidence,
                 EcartNps     *nps)
{
  double n_adj;
  double p_promoters;
  double p_detractors;
  double variance;
  double z;

  g_return_if_fail (histogram != NULL);
  g_return_if_fail (nps != NULL);

  *nps = (EcartNps) { 0, 0, 0, 0, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, FALSE };
  for (int score = 0; score <= 10; score++)
    {
      gint64 count = MAX (histogram[score], 0);

      if (score >= 9)
        nps->promoters += count;
      else if (score >= 7)
        nps->passives += count;
      else
        nps->detractors += count;
    }
  nps->n = nps->promoters + nps->passives + nps->detractors;
  if (nps->n == 0)
    return;

  nps->promoters_pct = 100.0 * (double)nps->promoters / (double)nps->n;
  nps->passives_pct = 100.0 * (double)nps->passives / (double)nps->n;
  nps->detractors_pct = 100.0 * (double)nps->detractors / (double)nps->n;
  nps->nps = 100.0 * (double)(nps->promoters - nps->detractors) / (double)nps->n;

  n_adj = (double)nps->n + 3.0;
  p_promoters = ((double)nps->promoters + 0.75) / n_adj;
  p_detractors = ((double)nps->detractors + 0.75) / n_adj;
  variance = p_promoters + p_detractors - (p_promoters - p_detractors) * (p_promoters - p_detractors);
  nps->adjusted_nps = 100.0 * (p_promoters - p_detractors);
  nps->adjusted_se = 100.0 * sqrt (variance / n_adj);

  z = ecart_stats_z_quantile (confidence);
  nps->ci_low = MAX (-100.0, nps->adjusted_nps - z * nps->adjusted_se);
  nps->ci_high = MIN (100.0, nps->adjusted_nps + z * nps->adjusted_se);
}

/**
 * ecart_stats_nps_change:
 *
 * The change of NPS between two independent groups (two waves): the plain difference as
 * the point estimate, and a z test and interval on the difference of the adjusted
 * estimates, with the sum of their variances. Significant when p < 1 − @confidence and
 * neither group is marked insufficient.
 */
void
ecart_stats_nps_change (const EcartNps *before,
                        const EcartNps *after,
                        double          confidence,
                        EcartNpsChange *change)
{
  double z;

  g_return_if_fail (before != NULL && after != NULL);
  g_return_if_fail (change != NULL);

  *change = (EcartNpsChange) { NAN, NAN, NAN, NAN, NAN, NAN, NAN, FALSE,
                               before->insufficient || after->insufficient };
  if (before->n == 0 || after->n == 0)
    return;

  change->difference = after->nps - before->nps;
  change->adjusted_difference = after->adjusted_nps - before->adjusted_nps;
  change->se = sqrt (after->adjusted_se * after->adjusted_se
                     + before->adjusted_se * before->adjusted_se);
  change->z = change->adjusted_difference / change->se;
  change->p_value = ecart_stats_z_p_value (change->z);

  z = ecart_stats_z_quantile (confidence);
  change->ci_low = MAX (-200.0, change->adjusted_difference - z * change->se);
  change->ci_high = MIN (200.0, change->adjusted_difference + z * change->se);
  change->significant = !change->insufficient && isfinite (change->p_value)
                        && change->p_value < 1.0 - confidence;
}

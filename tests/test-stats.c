/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

#include "ecart-stats.h"

/* The pure statistics of the gap engine, against textbook values (computed with SciPy:
 * scipy.stats.t, ttest_1samp, ttest_ind(equal_var=False), ttest_rel, norm). */

#define TOLERANCE 1e-9

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), TOLERANCE * MAX (1.0, fabs (b)))

static const double sample[] = { 2, 4, 4, 4, 5, 5, 7, 9 };

/* Welch's example (Wikipedia, "Welch's t-test", example 2). */
static const double welch_a[] = { 27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6,
                                  23.1, 19.6, 19.0, 21.7, 21.4 };
static const double welch_b[] = { 27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2,
                                  21.9, 22.1, 22.9, 20.5, 24.4 };

/* Student's sleep data (Cushny & Peebles 1905): extra hours of sleep, two drugs, the same
 * ten patients. */
static const double sleep_1[] = { 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0 };
static const double sleep_2[] = { 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4 };

static void
summarise (const double *values,
           gsize         n,
           double        confidence,
           EcartSummary *summary)
{
  double sum = 0.0;
  double sum_sq = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      sum += values[i];
      sum_sq += values[i] * values[i];
    }
  ecart_stats_summary (n, sum, sum_sq, confidence, summary);
}

static void
test_confidence (void)
{
  g_assert_true (ecart_stats_confidence_is_valid (0.80));
  g_assert_true (ecart_stats_confidence_is_valid (0.95));
  g_assert_true (ecart_stats_confidence_is_valid (0.99));
  g_assert_false (ecart_stats_confidence_is_valid (0.79));
  g_assert_false (ecart_stats_confidence_is_valid (0.995));
  g_assert_false (ecart_stats_confidence_is_valid (95));
  g_assert_false (ecart_stats_confidence_is_valid (NAN));
  g_assert_false (ecart_stats_confidence_is_valid (INFINITY));
}

static void
test_quantiles (void)
{
  assert_close (ecart_stats_t_quantile (0.95, 7), 2.3646242510102993);
  assert_close (ecart_stats_t_quantile (0.90, 7), 1.894578605061305);
  assert_close (ecart_stats_t_quantile (0.99, 7), 3.4994832973505026);
  assert_close (ecart_stats_z_quantile (0.95), 1.959963984540054);
  assert_close (ecart_stats_t_quantile (0.95, INFINITY), 1.959963984540054);
  assert_close (ecart_stats_t_p_value (2.6457513110645907, 7), 0.033145500263773664);
  g_assert_cmpfloat (ecart_stats_t_p_value (INFINITY, 7), ==, 0.0);
  g_assert_cmpfloat (ecart_stats_t_p_value (0.0, 7), ==, 1.0);

  /* Undefined: NAN, never an abort. */
  g_assert_true (isnan (ecart_stats_t_quantile (0.95, 0)));
  g_assert_true (isnan (ecart_stats_t_quantile (0.95, -3)));
  g_assert_true (isnan (ecart_stats_t_quantile (0.95, NAN)));
  g_assert_true (isnan (ecart_stats_t_quantile (1.5, 3)));
  g_assert_true (isnan (ecart_stats_t_p_value (NAN, 3)));
  g_assert_true (isnan (ecart_stats_t_p_value (1.0, 0)));
  g_assert_true (isnan (ecart_stats_z_quantile (0)));
}

/* GSL's default handler aborts on a domain error (betainv.c: "P must be in range"); the
 * core turns it off, so the call returns NAN instead. */
static void
test_gsl_does_not_abort (void)
{
  if (g_test_subprocess ())
    {
      ecart_stats_init ();
      g_assert_true (isnan (gsl_cdf_beta_Pinv (2.0, 1.0, 1.0)));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_summary (void)
{
  EcartSummary s;

  summarise (sample, G_N_ELEMENTS (sample), 0.95, &s);
  g_assert_cmpint (s.n, ==, 8);
  assert_close (s.mean, 5.0);
  assert_close (s.sd, 2.138089935299395);
  assert_close (s.df, 7.0);
  assert_close (s.ci_low, 3.2125120822041073);
  assert_close (s.ci_high, 6.787487917795893);
}

static void
test_summary_edges (void)
{
  EcartSummary s;

  /* n = 0: nothing. */
  ecart_stats_summary (0, 0, 0, 0.95, &s);
  g_assert_cmpint (s.n, ==, 0);
  g_assert_true (isnan (s.mean) && isnan (s.sd) && isnan (s.ci_low) && isnan (s.ci_high));

  /* n = 1: a mean, no spread. */
  ecart_stats_summary (1, 7.5, 56.25, 0.95, &s);
  assert_close (s.mean, 7.5);
  g_assert_true (isnan (s.sd) && isnan (s.se) && isnan (s.df));
  g_assert_true (isnan (s.ci_low) && isnan (s.ci_high));

  /* Zero variance: sd 0 and an interval of width 0, even when rounding leaves a residue
   * (10/6 is not exact in binary). */
  ecart_stats_summary (3, 3 * 10.0 / 6.0, 3 * (10.0 / 6.0) * (10.0 / 6.0), 0.95, &s);
  g_assert_cmpfloat (s.sd, ==, 0.0);
  g_assert_cmpfloat (s.ci_low, ==, s.mean);
  g_assert_cmpfloat (s.ci_high, ==, s.mean);

  {
    double sum = 0;
    double sum_sq = 0;

    for (int i = 0; i < 1000; i++)
      {
        sum += 10.0 * 1.0 / 7.0;
        sum_sq += (10.0 * 1.0 / 7.0) * (10.0 * 1.0 / 7.0);
      }
    ecart_stats_summary (1000, sum, sum_sq, 0.95, &s);
    g_assert_cmpfloat (s.sd, ==, 0.0);
  }

  /* Negative or absurd input is taken as no data. */
  ecart_stats_summary (-4, 1, 1, 0.95, &s);
  g_assert_cmpint (s.n, ==, 0);
  ecart_stats_summary (3, NAN, 1, 0.95, &s);
  g_assert_cmpint (s.n, ==, 0);
}

static void
test_one_sample (void)
{
  EcartSummary s;
  EcartTest t;

  summarise (sample, G_N_ELEMENTS (sample), 0.95, &s);
  ecart_stats_one_sample (&s, 3.0, 0.95, &t);
  assert_close (t.estimate, 2.0);
  assert_close (t.statistic, 2.6457513110645907);
  assert_close (t.p_value, 0.033145500263773664);
  assert_close (t.df, 7.0);
  assert_close (t.ci_low, 0.21251208220410733);
  assert_close (t.ci_high, 3.787487917795893);

  /* The interval of the gap is the interval of the mean, shifted. */
  assert_close (t.ci_low, s.ci_low - 3.0);
  assert_close (t.ci_high, s.ci_high - 3.0);

  /* No target: not computable. */
  ecart_stats_one_sample (&s, NAN, 0.95, &t);
  g_assert_true (isnan (t.estimate) && isnan (t.p_value));

  /* n = 1: a value, no interval, no test. */
  ecart_stats_summary (1, 6, 36, 0.95, &s);
  ecart_stats_one_sample (&s, 8, 0.95, &t);
  assert_close (t.estimate, -2.0);
  g_assert_true (isnan (t.ci_low) && isnan (t.p_value) && isnan (t.df));

  /* Zero variance: a point interval; certain when not 0, nothing when 0. */
  ecart_stats_summary (12, 12 * 5.0, 12 * 25.0, 0.95, &s);
  ecart_stats_one_sample (&s, 8, 0.95, &t);
  assert_close (t.estimate, -3.0);
  g_assert_cmpfloat (t.ci_low, ==, -3.0);
  g_assert_cmpfloat (t.ci_high, ==, -3.0);
  g_assert_cmpfloat (t.p_value, ==, 0.0);
  g_assert_true (isinf (t.statistic) && t.statistic < 0);
  ecart_stats_one_sample (&s, 5, 0.95, &t);
  g_assert_cmpfloat (t.estimate, ==, 0.0);
  g_assert_cmpfloat (t.p_value, ==, 1.0);
}

static void
test_welch (void)
{
  EcartSummary a;
  EcartSummary b;
  EcartTest t;

  summarise (welch_a, G_N_ELEMENTS (welch_a), 0.95, &a);
  summarise (welch_b, G_N_ELEMENTS (welch_b), 0.95, &b);
  ecart_stats_welch (&a, &b, 0.95, &t);
  assert_close (t.estimate, 2.166666666666668);
  assert_close (t.statistic, 2.455356398286006);
  assert_close (t.p_value, 0.021378001462866985);
  assert_close (t.df, 24.988529290231416);
  assert_close (t.ci_low, 0.34923706619240935);
  assert_close (t.ci_high, 3.9840962671409264);

  /* Swapped: the opposite difference. */
  ecart_stats_welch (&b, &a, 0.95, &t);
  assert_close (t.estimate, -2.166666666666668);
  assert_close (t.ci_high, -0.34923706619240935);
}

static void
test_welch_edges (void)
{
  EcartSummary a;
  EcartSummary b;
  EcartSummary none = { 0 };
  EcartTest t;

  summarise (welch_a, G_N_ELEMENTS (welch_a), 0.95, &a);

  /* One side empty: nothing. */
  ecart_stats_welch (&none, &a, 0.95, &t);
  g_assert_true (isnan (t.estimate));

  /* One side with n = 1: the difference, no interval. */
  ecart_stats_summary (1, 30, 900, 0.95, &b);
  ecart_stats_welch (&a, &b, 0.95, &t);
  assert_close (t.estimate, 30 - a.mean);
  g_assert_true (isnan (t.ci_low) && isnan (t.p_value));

  /* One side constant: its variance is 0, df = n − 1 of the other. */
  ecart_stats_summary (5, 50, 500, 0.95, &b);
  ecart_stats_welch (&a, &b, 0.95, &t);
  assert_close (t.df, G_N_ELEMENTS (welch_a) - 1.0);

  /* Both constant: a point interval, undefined df. */
  ecart_stats_summary (4, 28, 196, 0.95, &a);
  ecart_stats_welch (&a, &b, 0.95, &t);
  assert_close (t.estimate, 3.0);
  g_assert_cmpfloat (t.ci_low, ==, 3.0);
  g_assert_cmpfloat (t.ci_high, ==, 3.0);
  g_assert_true (isnan (t.df));
  g_assert_cmpfloat (t.p_value, ==, 0.0);
}

static void
test_paired (void)
{
  double sum_d = 0.0;
  double sum_d_sq = 0.0;
  EcartTest t;

  for (guint i = 0; i < G_N_ELEMENTS (sleep_1); i++)
    {
      double d = sleep_2[i] - sleep_1[i];

      sum_d += d;
      sum_d_sq += d * d;
    }
  ecart_stats_paired (G_N_ELEMENTS (sleep_1), sum_d, sum_d_sq, 0.95, &t);
  assert_close (t.estimate, 1.58);
  assert_close (t.statistic, 4.062127683382037);
  assert_close (t.p_value, 0.00283289019738427);
  assert_close (t.df, 9.0);
  assert_close (t.ci_low, 0.7001142367452713);
  assert_close (t.ci_high, 2.4598857632547286);

  /* Edges: no pair, one pair, identical differences. */
  ecart_stats_paired (0, 0, 0, 0.95, &t);
  g_assert_true (isnan (t.estimate));
  ecart_stats_paired (1, -2, 4, 0.95, &t);
  assert_close (t.estimate, -2.0);
  g_assert_true (isnan (t.ci_low));
  ecart_stats_paired (10, 0, 0, 0.95, &t);
  g_assert_cmpfloat (t.estimate, ==, 0.0);
  g_assert_cmpfloat (t.p_value, ==, 1.0);
  g_assert_cmpfloat (t.ci_low, ==, 0.0);
}

static void
test_holm (void)
{
  /* R: p.adjust (c (0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02 */
  const double p[] = { 0.01, 0.04, 0.03, 0.005 };
  const double expected[] = { 0.03, 0.06, 0.06, 0.02 };
  double adjusted[G_N_ELEMENTS (p)];
  /* NAN is not part of the family; values are capped at 1. */
  const double q[] = { 0.2, NAN, 0.5, 0.01 };
  const double expected_q[] = { 0.4, NAN, 0.5, 0.03 };
  double adjusted_q[G_N_ELEMENTS (q)];
  double in_place[] = { 0.6, 0.7 };

  ecart_stats_holm (p, G_N_ELEMENTS (p), adjusted);
  for (guint i = 0; i < G_N_ELEMENTS (p); i++)
    assert_close (adjusted[i], expected[i]);

  ecart_stats_holm (q, G_N_ELEMENTS (q), adjusted_q);
  for (guint i = 0; i < G_N_ELEMENTS (q); i++)
    if (isnan (expected_q[i]))
      g_assert_true (isnan (adjusted_q[i]));
    else
      assert_close (adjusted_q[i], expected_q[i]);

  ecart_stats_holm (in_place, 2, in_place);
  assert_close (in_place[0], 1.0);
  assert_close (in_place[1], 1.0);

  ecart_stats_holm (NULL, 0, NULL);
}

static void
test_nps (void)
{
  /* 50 promoters, 30 passives, 20 detractors. */
  const gint64 histogram[11] = { 2, 2, 2, 2, 3, 4, 5, 15, 15, 25, 25 };
  const gint64 other[11] = { 0, 0, 0, 0, 0, 0, 30, 20, 20, 0, 30 };
  const gint64 empty[11] = { 0 };
  EcartNps nps;
  EcartNps nps2;
  EcartNpsChange change;

  ecart_stats_nps (histogram, 0.95, &nps);
  g_assert_cmpint (nps.n, ==, 100);
  g_assert_cmpint (nps.promoters, ==, 50);
  g_assert_cmpint (nps.passives, ==, 30);
  g_assert_cmpint (nps.detractors, ==, 20);
  assert_close (nps.promoters_pct, 50.0);
  assert_close (nps.detractors_pct, 20.0);
  assert_close (nps.nps, 30.0);
  assert_close (nps.adjusted_nps, 29.126213592233007);
  assert_close (nps.adjusted_se, 7.6915104218147565);
  assert_close (nps.ci_low, 14.051130178761605);
  assert_close (nps.ci_high, 44.20129700570441);

  ecart_stats_nps (other, 0.95, &nps2);
  g_assert_cmpint (nps2.n, ==, 100);
  assert_close (nps2.nps, 0.0);

  ecart_stats_nps_change (&nps, &nps2, 0.95, &change);
  assert_close (change.difference, -30.0);
  assert_close (change.adjusted_difference, -29.126213592233007);
  assert_close (change.se, 10.822614332064637);
  assert_close (change.z, -2.6912363961764294);
  assert_close (change.p_value, 0.0071187731657455745);
  assert_close (change.ci_low, -50.33814790164671);
  assert_close (change.ci_high, -7.9142792828193045);
  g_assert_true (change.significant);

  /* A group marked insufficient makes the change not significant. */
  nps2.insufficient = TRUE;
  ecart_stats_nps_change (&nps, &nps2, 0.95, &change);
  g_assert_false (change.significant);
  g_assert_true (change.insufficient);

  /* No respondent. */
  ecart_stats_nps (empty, 0.95, &nps2);
  g_assert_cmpint (nps2.n, ==, 0);
  g_assert_true (isnan (nps2.nps) && isnan (nps2.ci_low));
  ecart_stats_nps_change (&nps, &nps2, 0.95, &change);
  g_assert_true (isnan (change.difference));
  g_assert_false (change.significant);
}

static void
test_nps_bounds (void)
{
  const gint64 all_promoters[11] = { [10] = 4 };
  EcartNps nps;

  /* The adjusted interval is kept within [−100, 100]. */
  ecart_stats_nps (all_promoters, 0.99, &nps);
  assert_close (nps.nps, 100.0);
  g_assert_cmpfloat (nps.ci_high, <=, 100.0);
  g_assert_cmpfloat (nps.ci_low, >=, -100.0);
  g_assert_cmpfloat (nps.ci_low, <, 100.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/stats/confidence", test_confidence);
  g_test_add_func ("/core/stats/quantiles", test_quantiles);
  g_test_add_func ("/core/stats/gsl-does-not-abort", test_gsl_does_not_abort);
  g_test_add_func ("/core/stats/summary", test_summary);
  g_test_add_func ("/core/stats/summary-edges", test_summary_edges);
  g_test_add_func ("/core/stats/one-sample", test_one_sample);
  g_test_add_func ("/core/stats/welch", test_welch);
  g_test_add_func ("/core/stats/welch-edges", test_welch_edges);
  g_test_add_func ("/core/stats/paired", test_paired);
  g_test_add_func ("/core/stats/holm", test_holm);
  g_test_add_func ("/core/stats/nps", test_nps);
  g_test_add_func ("/core/stats/nps-bounds", test_nps_bounds);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ecart-chart.h"
#include "ecart-template.h"

/* bench-charts WORKSPACE [WIDTH HEIGHT [RUNS]]: for each of the eight charts of the
 * workspace's first segment (every segment for nps and matrix), the time of
 * ecart_chart_draw() into an image surface, after one warm-up draw: median and worst of RUNS
 * (default 30) draws at WIDTH × HEIGHT (default 1920 × 1080), as wall-clock time and as the
 * thread's CPU time (which a busy machine does not inflate), and the time of
 * ecart_chart_new() (taking the data from the gap table). `make bench-charts` runs it. */

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartGapTable) table = NULL;
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  int width = argc > 3 ? atoi (argv[2]) : 1920;
  int height = argc > 3 ? atoi (argv[3]) : 1080;
  int runs = argc > 4 ? atoi (argv[4]) : 30;
  double worst_median = 0.0;
  double worst_cpu = 0.0;

  if (argc < 2 || width < 1 || height < 1 || runs < 1)
    {
      fprintf (stderr, "usage: bench-charts WORKSPACE [WIDTH HEIGHT [RUNS]]\n");
      return 1;
    }
  workspace = ecart_workspace_open (argv[1], ECART_DATABASE_FLAGS_READ_ONLY, &error);
  if (workspace == NULL || !(table = ecart_gap_table_new (workspace, NULL, &error)))
    {
      fprintf (stderr, "bench-charts: %s\n", error->message);
      return 1;
    }

  printf ("%-10s %10s %12s %12s %12s   (%d × %d, %d draws)\n", "chart", "data", "wall median",
          "wall worst", "CPU median", width, height, runs);
  for (guint k = 0; k < ECART_CHART_N_KINDS; k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      g_autofree double *times = g_new (double, runs);
      g_autofree double *cpu = g_new (double, runs);
      g_autoptr(EcartChart) chart = NULL;
      gint64 start = g_get_monotonic_time ();
      double data_time;

      chart = ecart_chart_new (k, table, NULL, ecart_chart_kind_get_default_gap (k));
      data_time = (g_get_monotonic_time () - start) / 1000.0;

      for (int r = -1; r < runs; r++)
        {
          cairo_t *cr = cairo_create (surface);
          double cpu_start = cpu_ms ();

          start = g_get_monotonic_time ();
          ecart_chart_draw (chart, cr, width, height, style);
          cairo_surface_flush (surface);
          if (r >= 0)
            {
              times[r] = (g_get_monotonic_time () - start) / 1000.0;
              cpu[r] = cpu_ms () - cpu_start;
            }
          cairo_destroy (cr);
        }
      qsort (times, runs, sizeof (double), compare_doubles);
      qsort (cpu, runs, sizeof (double), compare_doubles);
      printf ("%-10s %7.2f ms %9.2f ms %9.2f ms %9.2f ms\n", ecart_chart_kind_to_string (k), data_time,
              times[runs / 2], times[runs - 1], cpu[runs / 2]);
      worst_median = MAX (worst_median, times[runs / 2]);
      worst_cpu = MAX (worst_cpu, cpu[runs / 2]);
      cairo_surface_destroy (surface);
    }
  printf ("slowest median draw: %.2f ms wall, %.2f ms CPU (target: under one 60 Hz frame, 16.7 ms)\n",
          worst_median, worst_cpu);
  return 0;
}

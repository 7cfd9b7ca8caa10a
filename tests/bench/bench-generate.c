/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ecart-gap-table.h"
#include "ecart-template.h"
#include "ecart-wave-writer.h"

/* bench-generate OUT.ecart MEASUREMENTS: a workspace of about MEASUREMENTS measurements
 *   for `make bench-gaps`, written through EcartWaveWriter (the importer's path): 4
 *   segments, 20 attributes, 10 touchpoints, 3 waves; each respondent scores 10 attributes,
 *   expected and lived, at one touchpoint each, and gives a recommendation.
 * bench-generate --engine WORKSPACE: prints the seconds ecart_gap_table_new() takes on it,
 *   every segment, once the workspace is open (the engine alone, without opening the file). */

#define N_SEGMENTS     4
#define N_ATTRIBUTES   20
#define N_TOUCHPOINTS  10
#define N_WAVES        3
#define PER_RESPONDENT 10  /* attributes, each expected + lived */

static guint64 state = 0x853c49e6748fea9bULL;

static guint
next_random (guint below)
{
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (guint)((state >> 33) % below);
}

static void
fail (GError *error)
{
  fprintf (stderr, "bench-generate: %s\n", error->message);
  exit (1);
}

static int
time_engine (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) workspace = ecart_workspace_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  double best = G_MAXDOUBLE;

  if (workspace == NULL)
    fail (error);
  for (int i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(EcartGapTable) table = ecart_gap_table_new (workspace, NULL, &error);

      if (table == NULL)
        fail (error);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
    }
  printf ("%.6f\n", best);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) workspace = NULL;
  g_autoptr(EcartPillar) pillar = NULL;
  g_autoptr(EcartStage) stage = NULL;
  g_autoptr(EcartChannel) channel = NULL;
  gint64 segments[N_SEGMENTS];
  gint64 attributes[N_ATTRIBUTES];
  gint64 touchpoints[N_TOUCHPOINTS];
  gint64 total;
  gint64 per_wave;

  if (argc == 3 && g_str_equal (argv[1], "--engine"))
    return time_engine (argv[2]);
  if (argc != 3 || (total = g_ascii_strtoll (argv[2], NULL, 10)) <= 0)
    {
      fprintf (stderr, "usage: bench-generate OUT.ecart MEASUREMENTS | --engine WORKSPACE\n");
      return 1;
    }

  workspace = ecart_workspace_create (argv[1], ECART_TEMPLATE_BLANK, "en", &error);
  if (workspace == NULL)
    fail (error);
  pillar = g_list_model_get_item (ecart_workspace_get_pillars (workspace), 0);
  stage = g_list_model_get_item (ecart_workspace_get_stages (workspace), 0);
  channel = g_list_model_get_item (ecart_workspace_get_channels (workspace), 0);

  for (int s = 0; s < N_SEGMENTS; s++)
    {
      g_autofree char *name = g_strdup_printf ("Segment %d", s + 1);
      EcartSegment *segment = ecart_workspace_add_segment (workspace, name, &error);

      if (segment == NULL)
        fail (error);
      segments[s] = ecart_item_get_id (ECART_ITEM (segment));
    }
  for (int a = 0; a < N_ATTRIBUTES; a++)
    {
      g_autofree char *name = g_strdup_printf ("Attribute %d", a + 1);
      EcartAttribute *attribute = ecart_workspace_add_attribute (workspace, pillar, name, &error);

      if (attribute == NULL)
        fail (error);
      attributes[a] = ecart_item_get_id (ECART_ITEM (attribute));
      for (int s = 0; s < N_SEGMENTS; s++)
        {
          EcartSegment *segment = ecart_workspace_find_segment (workspace, segments[s]);

          if (!ecart_workspace_set_desired (workspace, segment, attribute, 6 + next_random (4),
                                            1 + next_random (5), "", &error)
              || !ecart_workspace_set_proposed_level (workspace, segment, attribute,
                                                      4 + next_random (6), &error))
            fail (error);
        }
    }
  for (int t = 0; t < N_TOUCHPOINTS; t++)
    {
      g_autofree char *name = g_strdup_printf ("Touchpoint %d", t + 1);
      EcartTouchpoint *touchpoint = ecart_workspace_add_touchpoint (workspace, stage, channel, name, &error);

      if (touchpoint == NULL)
        fail (error);
      touchpoints[t] = ecart_item_get_id (ECART_ITEM (touchpoint));
    }

  per_wave = total / N_WAVES / (2 * PER_RESPONDENT);
  for (int w = 0; w < N_WAVES; w++)
    {
      g_autofree char *name = g_strdup_printf ("Wave %d", w + 1);
      g_autoptr(EcartWaveWriter) writer = ecart_wave_writer_begin (workspace, name, "survey", NULL, &error);

      if (writer == NULL)
        fail (error);
      for (gint64 r = 0; r < per_wave; r++)
        {
          char date[16];
          gint64 respondent;
          int first = next_random (N_ATTRIBUTES);

          g_snprintf (date, sizeof date, "2025-%02d-%02d", 1 + 4 * w, 1 + next_random (28));
          respondent = ecart_wave_writer_add_respondent (writer, segments[r % N_SEGMENTS], NULL,
                                                         date, &error);
          if (respondent == 0)
            fail (error);
          for (int k = 0; k < PER_RESPONDENT; k++)
            {
              int a = (first + k) % N_ATTRIBUTES;
              gint64 touchpoint = touchpoints[(a + next_random (2)) % N_TOUCHPOINTS];

              if (!ecart_wave_writer_add_measurement (writer, respondent, attributes[a], touchpoint,
                                                      ECART_DIMENSION_EXPECTED, 1 + next_random (5),
                                                      1, 5, &error)
                  || !ecart_wave_writer_add_measurement (writer, respondent, attributes[a], touchpoint,
                                                         ECART_DIMENSION_LIVED, 1 + next_random (5),
                                                         1, 5, &error))
                fail (error);
            }
          if (!ecart_wave_writer_add_recommendation (writer, respondent, next_random (11), &error))
            fail (error);
        }
      if (!ecart_wave_writer_commit (writer, &error))
        fail (error);
    }

  return 0;
}

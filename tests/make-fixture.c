/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ecart-template.h"
#include "ecart-wave-writer.h"

/* make-fixture OUT.ecart DESCRIPTION.txt: writes a workspace for the tests from a text
 * description, through ecart_workspace_create() and EcartWaveWriter, the importer's path.
 * One item per line, fields separated by tabs, # starts a comment:
 *
 *   segment     NAME
 *   attribute   NAME
 *   touchpoint  NAME
 *   experience  SEGMENT  ATTRIBUTE  DESIRED|-  IMPORTANCE  PROPOSED|-
 *   wave        NAME                       (starts a wave; the next one or the end commits it)
 *   respondent  KEY  SEGMENT  DATE|-
 *   measure     KEY  ATTRIBUTE  TOUCHPOINT|-  expected|lived  SCORE  MIN  MAX
 *   recommend   KEY  SCORE
 */

typedef struct
{
  EcartWorkspace  *workspace;
  EcartWaveWriter *writer;
  GHashTable      *respondents;  /* key → id, in the current wave */
  EcartStage      *stage;
  EcartChannel    *channel;
  EcartPillar     *pillar;
} Fixture;

static gpointer
lookup (Fixture    *fixture,
        GListModel *list,
        const char *name,
        guint       line)
{
  EcartItem *item = ecart_workspace_find_by_name (fixture->workspace, list, name);

  if (item == NULL)
    g_error ("line %u: unknown name “%s”", line, name);
  return item;
}

static double
number_or_nan (const char *text)
{
  return g_str_equal (text, "-") ? NAN : g_ascii_strtod (text, NULL);
}

static void
commit_wave (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  if (fixture->writer == NULL)
    return;
  if (!ecart_wave_writer_commit (fixture->writer, &error))
    g_error ("commit: %s", error->message);
  g_clear_object (&fixture->writer);
  g_hash_table_remove_all (fixture->respondents);
}

static void
check (gboolean     ok,
       GError      *error,
       guint        line)
{
  if (!ok)
    g_error ("line %u: %s", line, error != NULL ? error->message : "failed");
}

static void
read_line (Fixture *fixture,
           char   **f,
           guint    n,
           guint    line)
{
  g_autoptr(GError) error = NULL;
  EcartWorkspace *ws = fixture->workspace;

  if (g_str_equal (f[0], "segment") && n == 2)
    check (ecart_workspace_add_segment (ws, f[1], &error) != NULL, error, line);
  else if (g_str_equal (f[0], "attribute") && n == 2)
    check (ecart_workspace_add_attribute (ws, fixture->pillar, f[1], &error) != NULL, error, line);
  else if (g_str_equal (f[0], "touchpoint") && n == 2)
    check (ecart_workspace_add_touchpoint (ws, fixture->stage, fixture->channel, f[1], &error) != NULL,
           error, line);
  else if (g_str_equal (f[0], "experience") && n == 6)
    {
      EcartSegment *segment = lookup (fixture, ecart_workspace_get_segments (ws), f[1], line);
      EcartAttribute *attribute = lookup (fixture, ecart_workspace_get_attributes (ws), f[2], line);
      double desired = number_or_nan (f[3]);
      double proposed = number_or_nan (f[5]);

      if (!isnan (desired))
        check (ecart_workspace_set_desired (ws, segment, attribute, desired, atoi (f[4]), "", &error),
               error, line);
      else
        check (ecart_workspace_set_importance (ws, segment, attribute, atoi (f[4]), &error), error, line);
      if (!isnan (proposed))
        check (ecart_workspace_set_proposed_level (ws, segment, attribute, proposed, &error), error, line);
    }
  else if (g_str_equal (f[0], "wave") && n == 2)
    {
      commit_wave (fixture);
      fixture->writer = ecart_wave_writer_begin (ws, f[1], "survey", "fixture", &error);
      check (fixture->writer != NULL, error, line);
    }
  else if (g_str_equal (f[0], "respondent") && n == 4)
    {
      EcartSegment *segment = lookup (fixture, ecart_workspace_get_segments (ws), f[2], line);
      gint64 id = ecart_wave_writer_add_respondent (fixture->writer,
                                                    ecart_item_get_id (ECART_ITEM (segment)), f[1],
                                                    g_str_equal (f[3], "-") ? NULL : f[3], &error);

      check (id != 0, error, line);
      g_hash_table_insert (fixture->respondents, g_strdup (f[1]), g_memdup2 (&id, sizeof id));
    }
  else if (g_str_equal (f[0], "measure") && n == 8)
    {
      gint64 *id = g_hash_table_lookup (fixture->respondents, f[1]);
      EcartAttribute *attribute = lookup (fixture, ecart_workspace_get_attributes (ws), f[2], line);
      EcartTouchpoint *touchpoint = g_str_equal (f[3], "-") ? NULL
                                    : lookup (fixture, ecart_workspace_get_touchpoints (ws), f[3], line);
      EcartDimension dimension;

      if (id == NULL || !ecart_dimension_from_string (f[4], &dimension))
        g_error ("line %u: unknown respondent or dimension", line);
      check (ecart_wave_writer_add_measurement (fixture->writer, *id,
                                                ecart_item_get_id (ECART_ITEM (attribute)),
                                                touchpoint ? ecart_item_get_id (ECART_ITEM (touchpoint)) : 0,
                                                dimension, g_ascii_strtod (f[5], NULL),
                                                g_ascii_strtod (f[6], NULL), g_ascii_strtod (f[7], NULL),
                                                &error),
             error, line);
    }
  else if (g_str_equal (f[0], "recommend") && n == 3)
    {
      gint64 *id = g_hash_table_lookup (fixture->respondents, f[1]);

      if (id == NULL)
        g_error ("line %u: unknown respondent", line);
      check (ecart_wave_writer_add_recommendation (fixture->writer, *id, atoi (f[2]), &error),
             error, line);
    }
  else
    g_error ("line %u: cannot read “%s” with %u fields", line, f[0], n);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  Fixture fixture = { 0 };

  if (argc != 3)
    {
      fprintf (stderr, "usage: make-fixture OUT.ecart DESCRIPTION.txt\n");
      return 1;
    }
  if (!g_file_get_contents (argv[2], &text, NULL, &error))
    g_error ("%s", error->message);

  fixture.workspace = ecart_workspace_create (argv[1], ECART_TEMPLATE_BLANK, "en", &error);
  if (fixture.workspace == NULL)
    g_error ("%s", error->message);
  fixture.respondents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fixture.stage = g_list_model_get_item (ecart_workspace_get_stages (fixture.workspace), 0);
  fixture.channel = g_list_model_get_item (ecart_workspace_get_channels (fixture.workspace), 0);
  fixture.pillar = g_list_model_get_item (ecart_workspace_get_pillars (fixture.workspace), 0);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      read_line (&fixture, fields, g_strv_length (fields), i + 1);
    }
  commit_wave (&fixture);

  g_hash_table_unref (fixture.respondents);
  g_object_unref (fixture.stage);
  g_object_unref (fixture.channel);
  g_object_unref (fixture.pillar);
  g_object_unref (fixture.workspace);
  return 0;
}

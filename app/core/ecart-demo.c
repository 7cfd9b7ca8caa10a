/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-demo"

#include "config.h"

#include "ecart-template-private.h"
#include "ecart-wave-writer.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The demo's measurements. The hotel template gives, per segment × attribute, the mean
 * expected and lived scores of each wave; respondents' answers are drawn around them with
 * our own generator (splitmix64 + Box–Muller), so every run on every machine writes the
 * same numbers. They go in through EcartWaveWriter, the importer's path. */

#define DEFAULT_SPREAD      1.6
#define RESPONDENT_SPREAD   0.6
#define VERBATIM_CHANCE     0.22

typedef struct
{
  guint64 state;
} Random;

static guint64
random_next (Random *random)
{
  guint64 z = (random->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
random_uniform (Random *random)
{
  return (random_next (random) >> 11) * (1.0 / 9007199254740992.0);
}

static double
random_normal (Random *random,
               double  mean,
               double  sd)
{
  double u1 = 1.0 - random_uniform (random);
  double u2 = random_uniform (random);

  return mean + sd * sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static guint
random_below (Random *random,
              guint   n)
{
  return (guint)(random_uniform (random) * n) % MAX (n, 1);
}

static int
draw_score (Random *random,
            double  mean,
            double  sd)
{
  long score = lround (random_normal (random, mean, sd));

  return (int)CLAMP (score, 0, 10);
}

typedef struct
{
  gint64  attribute_id;
  char   *attribute_key;
  GArray *touchpoints;     /* gint64, or a single 0 for none */
  double *expected;        /* one mean per wave */
  double *lived;
  double  spread;
} Measure;

static void
measure_free (gpointer data)
{
  Measure *measure = data;

  g_free (measure->attribute_key);
  g_clear_pointer (&measure->touchpoints, g_array_unref);
  g_free (measure->expected);
  g_free (measure->lived);
  g_free (measure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Measure, measure_free)

static gboolean
demo_error (GError     **error,
            const char  *group,
            const char  *what)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               "Demo group [%s]: %s", group, what);
  return FALSE;
}

static double *
per_wave (GKeyFile    *keyfile,
          const char  *group,
          const char  *key,
          guint        n_waves,
          GError     **error)
{
  gsize length = 0;
  double *values = g_key_file_get_double_list (keyfile, group, key, &length, NULL);

  if (values == NULL || length != n_waves)
    {
      g_free (values);
      demo_error (error, group, "needs one value per wave");
      return NULL;
    }
  return values;
}

/* The measures of one segment, in file order. */
static GPtrArray *
load_measures (EcartTemplateContext  *context,
               const char            *segment_key,
               guint                  n_waves,
               GError               **error)
{
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (measure_free);
  g_auto(GStrv) groups = g_key_file_get_groups (context->keyfile, NULL);
  g_autofree char *prefix = g_strconcat ("measure ", segment_key, " ", NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(Measure) measure = NULL;
      g_auto(GStrv) touchpoints = NULL;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      measure = g_new0 (Measure, 1);
      measure->attribute_key = g_strdup (groups[i] + strlen (prefix));
      measure->attribute_id = _ecart_template_lookup (context->attributes, measure->attribute_key);
      if (measure->attribute_id == 0)
        {
          demo_error (error, groups[i], "unknown attribute");
          return NULL;
        }

      measure->touchpoints = g_array_new (FALSE, FALSE, sizeof (gint64));
      touchpoints = g_key_file_get_string_list (context->keyfile, groups[i], "touchpoints", NULL, NULL);
      for (guint t = 0; touchpoints != NULL && touchpoints[t] != NULL; t++)
        {
          gint64 id = _ecart_template_lookup (context->touchpoints, g_strstrip (touchpoints[t]));

          if (touchpoints[t][0] == '\0')
            continue;
          if (id == 0)
            {
              demo_error (error, groups[i], "unknown touchpoint");
              return NULL;
            }
          g_array_append_val (measure->touchpoints, id);
        }
      if (measure->touchpoints->len == 0)
        {
          gint64 none = 0;
          g_array_append_val (measure->touchpoints, none);
        }

      if (!(measure->expected = per_wave (context->keyfile, groups[i], "expected", n_waves, error))
          || !(measure->lived = per_wave (context->keyfile, groups[i], "lived", n_waves, error)))
        return NULL;

      measure->spread = DEFAULT_SPREAD;
      if (g_key_file_has_key (context->keyfile, groups[i], "spread", NULL))
        measure->spread = g_key_file_get_double (context->keyfile, groups[i], "spread", NULL);

      g_ptr_array_add (measures, g_steal_pointer (&measure));
    }

  return g_steal_pointer (&measures);
}

static char *
pick_verbatim (EcartTemplateContext *context,
               Random               *random,
               const char           *attribute_key,
               gboolean              low)
{
  g_autofree char *group = g_strconcat ("verbatims ", attribute_key, NULL);
  g_auto(GStrv) texts = NULL;
  gsize length = 0;

  texts = g_key_file_get_locale_string_list (context->keyfile, group, low ? "low" : "high",
                                             context->language, &length, NULL);
  if (texts == NULL || length == 0)
    return NULL;
  return g_strdup (g_strstrip (texts[random_below (random, length)]));
}

static char *
day_in_wave (GDate  *start,
             guint   span,
             Random *random)
{
  GDate day = *start;
  char text[16];

  g_date_add_days (&day, random_below (random, span + 1));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
  return g_strdup (text);
}

typedef struct
{
  gint64      respondent;
  gint64      segment_id;
  GPtrArray  *measures;
  guint       wave;
  double      shift;
  Random     *random;
} Respondent;

static gboolean
write_respondent (EcartTemplateContext  *context,
                  EcartWaveWriter       *writer,
                  Respondent            *r,
                  GError               **error)
{
  double personal = random_normal (r->random, 0.0, RESPONDENT_SPREAD);
  double lived_total = 0.0;
  guint lived_count = 0;
  const Measure *lowest = NULL;
  const Measure *highest = NULL;
  gint64 lowest_touchpoint = 0;
  gint64 highest_touchpoint = 0;
  int lowest_score = 11;
  int highest_score = -1;

  for (guint m = 0; m < r->measures->len; m++)
    {
      const Measure *measure = r->measures->pdata[m];

      for (guint t = 0; t < measure->touchpoints->len; t++)
        {
          gint64 touchpoint = g_array_index (measure->touchpoints, gint64, t);
          int expected = draw_score (r->random, measure->expected[r->wave] + personal / 2,
                                     measure->spread);
          int lived = draw_score (r->random, measure->lived[r->wave] + personal, measure->spread);

          if (!ecart_wave_writer_add_measurement (writer, r->respondent, measure->attribute_id,
                                                  touchpoint, ECART_DIMENSION_EXPECTED,
                                                  expected, 0, 10, error)
              || !ecart_wave_writer_add_measurement (writer, r->respondent, measure->attribute_id,
                                                     touchpoint, ECART_DIMENSION_LIVED,
                                                     lived, 0, 10, error))
            return FALSE;

          lived_total += lived;
          lived_count++;
          if (lived < lowest_score)
            {
              lowest_score = lived;
              lowest = measure;
              lowest_touchpoint = touchpoint;
            }
          if (lived > highest_score)
            {
              highest_score = lived;
              highest = measure;
              highest_touchpoint = touchpoint;
            }
        }
    }

  if (lived_count > 0)
    {
      int recommendation = draw_score (r->random, lived_total / lived_count + r->shift, 1.3);

      if (!ecart_wave_writer_add_recommendation (writer, r->respondent, recommendation, error))
        return FALSE;
    }

  if (random_uniform (r->random) < VERBATIM_CHANCE)
    {
      gboolean low = lowest != NULL && lowest_score <= 4;
      gboolean high = !low && highest != NULL && highest_score >= 9;
      const Measure *about = low ? lowest : highest;
      g_autofree char *text = NULL;

      if ((low || high) && (text = pick_verbatim (context, r->random, about->attribute_key, low)))
        return ecart_wave_writer_add_verbatim (writer, r->respondent,
                                               low ? lowest_touchpoint : highest_touchpoint,
                                               about->attribute_id, text, error);
    }

  return TRUE;
}

static gboolean
write_wave (EcartTemplateContext  *context,
            const char            *group,
            guint                  wave,
            guint                  n_waves,
            Random                *random,
            GError               **error)
{
  g_autoptr(EcartWaveWriter) writer = NULL;
  g_autofree char *name = _ecart_template_get_text (context, group, "name");
  g_autofree char *kind = g_key_file_get_string (context->keyfile, group, "kind", NULL);
  g_autofree char *started = g_key_file_get_string (context->keyfile, group, "started", NULL);
  g_autofree char *ended = g_key_file_get_string (context->keyfile, group, "ended", NULL);
  g_auto(GStrv) counts = g_key_file_get_string_list (context->keyfile, group, "respondents",
                                                     NULL, NULL);
  GDate start;
  GDate end;
  guint serial = 0;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (started != NULL)
    g_date_set_parse (&start, started);
  if (ended != NULL)
    g_date_set_parse (&end, ended);
  if (!g_date_valid (&start) || !g_date_valid (&end) || g_date_compare (&start, &end) > 0
      || counts == NULL)
    return demo_error (error, group, "needs started, ended and respondents");

  writer = ecart_wave_writer_begin (context->workspace, name, kind, NULL, error);
  if (writer == NULL || !ecart_wave_writer_set_dates (writer, started, ended, error))
    return FALSE;

  {
    EcartDatabase *db = ecart_workspace_get_database (context->workspace);
    g_autoptr(EcartStatement) stmt =
      ecart_database_prepare (db, "UPDATE wave SET created_at = ? WHERE id = ?", error);
    g_autofree char *created = g_strconcat (ended, "T18:00:00Z", NULL);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, created, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, ecart_wave_writer_get_wave_id (writer));
    if (!ecart_database_run (db, stmt, error))
      return FALSE;
  }

  for (guint c = 0; counts[c] != NULL; c++)
    {
      g_auto(GStrv) parts = g_strsplit (counts[c], ":", 2);
      g_autoptr(GPtrArray) measures = NULL;
      g_autofree char *reco_group = NULL;
      g_autofree double *shifts = NULL;
      gint64 segment_id;
      gint64 n;

      if (g_strv_length (parts) != 2)
        return demo_error (error, group, "respondents must read segment:count");

      g_strstrip (parts[0]);
      segment_id = _ecart_template_lookup (context->segments, parts[0]);
      n = g_ascii_strtoll (parts[1], NULL, 10);
      if (segment_id == 0 || n <= 0)
        return demo_error (error, group, "unknown segment or count");

      if (!(measures = load_measures (context, parts[0], n_waves, error)))
        return FALSE;

      reco_group = g_strconcat ("recommendation ", parts[0], NULL);
      if (!(shifts = per_wave (context->keyfile, reco_group, "shift", n_waves, error)))
        return FALSE;

      for (gint64 i = 0; i < n; i++)
        {
          g_autofree char *day = day_in_wave (&start, g_date_days_between (&start, &end), random);
          g_autofree char *external = g_strdup_printf ("LB-%u-%05u", wave + 1, ++serial);
          Respondent respondent = {
            .segment_id = segment_id,
            .measures = measures,
            .wave = wave,
            .shift = shifts[wave],
            .random = random,
          };

          respondent.respondent = ecart_wave_writer_add_respondent (writer, segment_id, external,
                                                                    day, error);
          if (respondent.respondent == 0
              || !write_respondent (context, writer, &respondent, error))
            return FALSE;
        }
    }

  return ecart_wave_writer_commit (writer, error);
}

gboolean
_ecart_demo_write_waves (EcartTemplateContext  *context,
                         GError               **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (context->keyfile, NULL);
  g_autoptr(GPtrArray) waves = g_ptr_array_new ();
  Random random = { G_GUINT64_CONSTANT (20250303) };

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "wave "))
      g_ptr_array_add (waves, groups[i]);

  for (guint w = 0; w < waves->len; w++)
    if (!write_wave (context, waves->pdata[w], w, waves->len, &random, error))
      return FALSE;

  return TRUE;
}

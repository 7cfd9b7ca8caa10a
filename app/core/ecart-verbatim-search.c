/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-verbatim-search"

#include "config.h"

#include "ecart-verbatim-search.h"

#include <string.h>

/* Full-text search of the verbatims (FTS5, index verbatim_fts). What the user types is
 * words, never FTS5 syntax: each word is quoted as a string, so that quotes, AND, OR, NEAR,
 * `*`, `:` or `^` in it are searched as text and never make the query fail. */

G_DEFINE_BOXED_TYPE (EcartVerbatimHit, ecart_verbatim_hit,
                     ecart_verbatim_hit_copy, ecart_verbatim_hit_free)

EcartVerbatimHit *
ecart_verbatim_hit_copy (const EcartVerbatimHit *hit)
{
  EcartVerbatimHit *copy;

  g_return_val_if_fail (hit != NULL, NULL);

  copy = g_new0 (EcartVerbatimHit, 1);
  copy->id = hit->id;
  copy->body = g_strdup (hit->body);
  copy->wave = g_strdup (hit->wave);
  copy->segment = g_strdup (hit->segment);
  copy->touchpoint = g_strdup (hit->touchpoint);
  copy->attribute = g_strdup (hit->attribute);
  copy->respondent = g_strdup (hit->respondent);
  return copy;
}

void
ecart_verbatim_hit_free (EcartVerbatimHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->body);
  g_free (hit->wave);
  g_free (hit->segment);
  g_free (hit->touchpoint);
  g_free (hit->attribute);
  g_free (hit->respondent);
  g_free (hit);
}

/**
 * ecart_verbatim_search_to_fts:
 * @text: words as the user typed them
 *
 * Returns: (transfer full): an FTS5 query that finds the verbatims holding every word
 *   (the last one also as the start of a word, for search as you type), or an empty string
 *   when @text has no word
 */
char *
ecart_verbatim_search_to_fts (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  words = g_strsplit_set (text, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (n++ > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
    }
  if (n > 0)
    g_string_append_c (query, '*');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * ecart_verbatim_search:
 * @text: words as the user typed them (see ecart_verbatim_search_to_fts())
 * @limit: at most this many results, the best first
 * @n_found: (out) (optional): how many verbatims match in all
 *
 * Returns: (transfer full) (element-type EcartVerbatimHit): the verbatims found, or %NULL
 *   with @error set
 */
GPtrArray *
ecart_verbatim_search (EcartWorkspace  *workspace,
                       const char      *text,
                       guint            limit,
                       guint64         *n_found,
                       GError         **error)
{
  EcartDatabase *db;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  EcartStep step;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify)ecart_verbatim_hit_free);
  if (n_found != NULL)
    *n_found = 0;
  query = ecart_verbatim_search_to_fts (text);
  if (query[0] == '\0')
    return g_steal_pointer (&hits);

  db = ecart_workspace_get_database (workspace);

  if (n_found != NULL)
    {
      g_autoptr(EcartStatement) stmt =
        ecart_database_prepare (db, "SELECT count(*) FROM verbatim_fts WHERE verbatim_fts MATCH ?",
                                error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      if (ecart_database_step (db, stmt, error) != ECART_STEP_ROW)
        return NULL;
      *n_found = (guint64)sqlite3_column_int64 (stmt, 0);
    }

  {
    g_autoptr(EcartStatement) stmt =
      ecart_database_prepare (db,
                              "SELECT v.id, v.body, w.name, s.name, t.name, a.name, "
                              "coalesce (r.external_id, '#' || r.id) "
                              "FROM verbatim_fts f JOIN verbatim v ON v.id = f.rowid "
                              "LEFT JOIN respondent r ON r.id = v.respondent_id "
                              "LEFT JOIN wave w ON w.id = coalesce (v.wave_id, r.wave_id) "
                              "LEFT JOIN segment s ON s.id = coalesce (v.segment_id, r.segment_id) "
                              "LEFT JOIN touchpoint t ON t.id = v.touchpoint_id "
                              "LEFT JOIN attribute a ON a.id = v.attribute_id "
                              "WHERE verbatim_fts MATCH ?1 ORDER BY f.rank, v.id LIMIT ?2",
                              error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, limit);
    while ((step = ecart_database_step (db, stmt, error)) == ECART_STEP_ROW)
      {
        EcartVerbatimHit *hit = g_new0 (EcartVerbatimHit, 1);

        hit->id = sqlite3_column_int64 (stmt, 0);
        hit->body = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
        hit->wave = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
        hit->segment = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
        hit->touchpoint = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
        hit->attribute = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
        hit->respondent = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
        g_ptr_array_add (hits, hit);
      }
    if (step == ECART_STEP_ERROR)
      return NULL;
  }
  return g_steal_pointer (&hits);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-workspace"

#include "config.h"

#include "ecart-workspace-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

/* The edits of a workspace. Each validates its input, then runs as one transaction recorded
 * as one undo step, then the lists are reloaded. SQL is built only from the constant table
 * names below; user text is always bound (RELIABILITY.md R18). */

#define NAME_MAX_CHARS 200
#define TEXT_MAX_CHARS 20000

typedef enum {
  KIND_SEGMENT,
  KIND_STAGE,
  KIND_TOUCHPOINT,
  KIND_ATTRIBUTE,
  KIND_INITIATIVE,
} Kind;

static const char * const kind_tables[] = {
  [KIND_SEGMENT] = "segment",
  [KIND_STAGE] = "stage",
  [KIND_TOUCHPOINT] = "touchpoint",
  [KIND_ATTRIBUTE] = "attribute",
  [KIND_INITIATIVE] = "initiative",
};

/* Colours offered to new segments, away from the four dimension colours of the charts. */
static const char * const segment_palette[] = {
  "#CC79A7", "#56B4E9", "#F0E442", "#8F6BB3", "#3D9970", "#C2571A",
  "#1C71D8", "#E66100", "#26A269", "#A51D2D", "#865E3C", "#613583",
};

static gboolean
exists_error (Kind         kind,
              const char  *name,
              GError     **error)
{
  const char *format;

  switch (kind)
    {
    case KIND_SEGMENT:
      format = _("A segment named “%s” already exists");
      break;
    case KIND_STAGE:
      format = _("A journey stage named “%s” already exists");
      break;
    case KIND_TOUCHPOINT:
      format = _("A touchpoint named “%s” already exists");
      break;
    case KIND_ATTRIBUTE:
      format = _("An attribute named “%s” already exists");
      break;
    case KIND_INITIATIVE:
    default:
      format = _("An initiative named “%s” already exists");
      break;
    }

  g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_EXISTS, format, name);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }
  if (text != NULL && g_utf8_strlen (text, -1) > TEXT_MAX_CHARS)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("The text is too long (more than %d characters)"), TEXT_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/**
 * _ecart_workspace_clean_name:
 *
 * Returns: (transfer full) (nullable): @name without surrounding spaces, or %NULL with
 *   @error set when it cannot name anything (empty, too long, with line breaks)
 */
char *
_ecart_workspace_clean_name (const char  *name,
                             GError     **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                           _("The name is not valid text"));
      return NULL;
    }

  clean = g_strstrip (g_strdup (name));
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                           _("The name cannot be empty"));
      return NULL;
    }
  if (strpbrk (clean, "\r\n\t") != NULL)
    {
      g_set_error_literal (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                           _("The name cannot contain line breaks or tabs"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("The name is too long (more than %d characters)"), NAME_MAX_CHARS);
      return NULL;
    }

  return g_steal_pointer (&clean);
}

static gboolean
check_level (double       level,
             gboolean     allow_unset,
             GError     **error)
{
  if (isnan (level) && allow_unset)
    return TRUE;
  if (!(level >= 0.0 && level <= 10.0))
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("The level must be between 0 and 10 (got %g)"), level);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_importance (int      importance,
                  GError **error)
{
  if (importance < 1 || importance > 5)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("The importance must be between 1 and 5 (got %d)"), importance);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return g_date_valid_dmy (g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]),
                           g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]),
                           g_ascii_strtoull (text, NULL, 10));
}

static gboolean
bind_level (sqlite3_stmt *stmt,
            int           index,
            double        level)
{
  if (isnan (level))
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  return sqlite3_bind_double (stmt, index, level) == SQLITE_OK;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           index,
                  gpointer      item)
{
  if (item != NULL)
    sqlite3_bind_int64 (stmt, index, ecart_item_get_id (item));
  else
    sqlite3_bind_null (stmt, index);
}

static gint64
id_of (gpointer item)
{
  return ecart_item_get_id (ECART_ITEM (item));
}

/* Runs a cached statement that takes one id. */
static gboolean
run_with_id (EcartWorkspace  *self,
             const char      *sql,
             gint64           id,
             GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  if (!(stmt = ecart_database_prepare (self->db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ecart_database_run (self->db, stmt, error);
}

static gboolean
name_is_taken (EcartWorkspace  *self,
               Kind             kind,
               const char      *name,
               gint64           except_id,
               gboolean        *taken,
               GError         **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  g_autofree char *wanted = g_utf8_casefold (name, -1);

  /* The file's COLLATE NOCASE folds only ASCII letters; names are compared here with every
   * letter folded ("Écoute" is "écoute"). */
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id != ?",
                         kind == KIND_INITIATIVE ? "title" : "name", kind_tables[kind]);
  if (!(stmt = ecart_database_prepare (self->db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, except_id);

  *taken = FALSE;
  while (!*taken && (step = ecart_database_step (self->db, stmt, error)) == ECART_STEP_ROW)
    {
      g_autofree char *folded = g_utf8_casefold ((const char *)sqlite3_column_text (stmt, 0), -1);

      *taken = g_str_equal (folded, wanted);
    }
  return *taken || step != ECART_STEP_ERROR;
}

/* Inside an edit: fails with a clear message when another item of @kind has @name. */
static gboolean
check_unique (EcartWorkspace  *self,
              Kind             kind,
              const char      *name,
              gint64           except_id,
              GError         **error)
{
  gboolean taken = FALSE;

  if (!name_is_taken (self, kind, name, except_id, &taken, error))
    return FALSE;
  if (taken)
    return exists_error (kind, name, error);
  return TRUE;
}

static gint64
next_position (EcartWorkspace *self,
               Kind            kind,
               const char     *scope_column,
               gint64          scope_id)
{
  g_autofree char *sql = NULL;
  g_autoptr(EcartStatement) stmt = NULL;

  if (scope_column != NULL)
    sql = g_strdup_printf ("SELECT ifnull (max (position), -1) + 1 FROM %s WHERE %s = ?",
                           kind_tables[kind], scope_column);
  else
    sql = g_strdup_printf ("SELECT ifnull (max (position), -1) + 1 FROM %s", kind_tables[kind]);

  if (!(stmt = ecart_database_prepare (self->db, sql, NULL)))
    return 0;
  if (scope_column != NULL)
    sqlite3_bind_int64 (stmt, 1, scope_id);
  if (ecart_database_step (self->db, stmt, NULL) != ECART_STEP_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Gives the items of @ids the positions 0, 1, 2… in that order. */
static gboolean
renumber (EcartWorkspace  *self,
          Kind             kind,
          GArray          *ids,
          GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = ? WHERE id = ? AND position != ?",
                                          kind_tables[kind]);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EcartStatement) stmt = NULL;

      if (!(stmt = ecart_database_prepare (self->db, sql, error)))
        return FALSE;
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 3, i);
      if (!ecart_database_run (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef gboolean (*ScopeFunc) (gpointer item,
                               gpointer scope);

/* The ids of the items of @list in @scope, in order, with @moved put at @index. */
static GArray *
order_with_move (GListModel *list,
                 ScopeFunc   in_scope,
                 gpointer    scope,
                 gpointer    moved,
                 guint       index)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (list);
  gint64 moved_id = moved != NULL ? id_of (moved) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      gint64 id = id_of (item);

      if (id != moved_id && (in_scope == NULL || in_scope (item, scope)))
        g_array_append_val (ids, id);
    }

  if (moved != NULL)
    g_array_insert_val (ids, MIN (index, ids->len), moved_id);
  return ids;
}

static gboolean
check_item_in (EcartWorkspace  *self,
               gpointer         item,
               GType            type,
               GError         **error)
{
  gpointer current = NULL;

  if (item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type))
    {
      gint64 id = id_of (item);

      if (type == ECART_TYPE_SEGMENT)
        current = ecart_workspace_find_segment (self, id);
      else if (type == ECART_TYPE_STAGE)
        current = ecart_workspace_find_stage (self, id);
      else if (type == ECART_TYPE_CHANNEL)
        current = ecart_workspace_find_channel (self, id);
      else if (type == ECART_TYPE_TOUCHPOINT)
        current = ecart_workspace_find_touchpoint (self, id);
      else if (type == ECART_TYPE_PILLAR)
        current = ecart_workspace_find_pillar (self, id);
      else if (type == ECART_TYPE_ATTRIBUTE)
        current = ecart_workspace_find_attribute (self, id);
      else if (type == ECART_TYPE_INITIATIVE)
        current = ecart_workspace_find_initiative (self, id);
      else if (type == ECART_TYPE_WAVE)
        current = ecart_workspace_find_wave (self, id);
    }

  /* A deleted item (or one of another workspace) is not edited. */
  if (current == NULL || current != item)
    {
      g_set_error_literal (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_NOT_FOUND,
                           _("The item no longer exists"));
      return FALSE;
    }
  return TRUE;
}

/* Workspace ---------------------------------------------------------------------------------- */

gboolean
_ecart_workspace_set_meta (EcartWorkspace  *self,
                           const char      *key,
                           const char      *value,
                           GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  stmt = ecart_database_prepare (self->db,
                                 "INSERT INTO workspace (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return ecart_database_run (self->db, stmt, error);
}

gboolean
ecart_workspace_set_name (EcartWorkspace  *self,
                          const char      *name,
                          GError         **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, _("Rename workspace"), error))
    return FALSE;
  return _ecart_workspace_edit_end (self, _ecart_workspace_set_meta (self, "name", clean, error),
                                    error);
}

gboolean
ecart_workspace_set_description (EcartWorkspace  *self,
                                 const char      *description,
                                 GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_text (description, error)
      || !_ecart_workspace_edit_begin (self, _("Change workspace description"), error))
    return FALSE;
  return _ecart_workspace_edit_end (self,
                                    _ecart_workspace_set_meta (self, "description",
                                                               description ? description : "",
                                                               error),
                                    error);
}

/* Removes from the full-text index the verbatims that are about to be deleted. @where is
 * one of the constant conditions below. */
gboolean
_ecart_workspace_forget_verbatims (EcartWorkspace  *self,
                                   const char      *where,
                                   gint64           id,
                                   GError         **error)
{
  g_autofree char *index_sql = NULL;
  g_autofree char *delete_sql = NULL;

  index_sql = g_strdup_printf ("INSERT INTO verbatim_fts (verbatim_fts, rowid, body) "
                               "SELECT 'delete', id, body FROM verbatim WHERE %s", where);
  delete_sql = g_strdup_printf ("DELETE FROM verbatim WHERE %s", where);

  return run_with_id (self, index_sql, id, error) && run_with_id (self, delete_sql, id, error);
}

/* Segments ----------------------------------------------------------------------------------- */

static gint64
insert_segment (EcartWorkspace  *self,
                const char      *name,
                const char      *description,
                const char      *color,
                GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  if (!check_unique (self, KIND_SEGMENT, name, 0, error))
    return 0;

  stmt = ecart_database_prepare (self->db,
                                 "INSERT INTO segment (name, description, color, position) "
                                 "VALUES (?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, next_position (self, KIND_SEGMENT, NULL, 0));
  if (!ecart_database_run (self->db, stmt, error))
    return 0;
  return ecart_database_last_insert_id (self->db);
}

/**
 * ecart_workspace_add_segment:
 *
 * Returns: (transfer none): the new segment, last of the list
 */
EcartSegment *
ecart_workspace_add_segment (EcartWorkspace  *self,
                             const char      *name,
                             GError         **error)
{
  g_autofree char *clean = NULL;
  const char *color;
  gint64 id;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, _("Add segment"), error))
    return NULL;

  color = segment_palette[g_list_model_get_n_items (ecart_workspace_get_segments (self))
                          % G_N_ELEMENTS (segment_palette)];
  id = insert_segment (self, clean, "", color, error);
  if (!_ecart_workspace_edit_end (self, id > 0, error))
    return NULL;
  return ecart_workspace_find_segment (self, id);
}

gboolean
ecart_workspace_rename_segment (EcartWorkspace  *self,
                                EcartSegment    *segment,
                                const char      *name,
                                GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, segment, ECART_TYPE_SEGMENT, error)
      || !(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, _("Rename segment"), error))
    return FALSE;

  ok = check_unique (self, KIND_SEGMENT, clean, id_of (segment), error)
       && (stmt = ecart_database_prepare (self->db, "UPDATE segment SET name = ? WHERE id = ?",
                                          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id_of (segment));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_set_segment_description (EcartWorkspace  *self,
                                         EcartSegment    *segment,
                                         const char      *description,
                                         GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, segment, ECART_TYPE_SEGMENT, error) || !check_text (description, error)
      || !_ecart_workspace_edit_begin (self, _("Change segment description"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db, "UPDATE segment SET description = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, description ? description : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id_of (segment));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_set_segment_color (EcartWorkspace  *self,
                                   EcartSegment    *segment,
                                   const char      *color,
                                   GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, segment, ECART_TYPE_SEGMENT, error))
    return FALSE;
  if (!is_color (color))
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a colour of the form #rrggbb"), color ? color : "");
      return FALSE;
    }
  if (!_ecart_workspace_edit_begin (self, _("Change segment colour"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db, "UPDATE segment SET color = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, color, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id_of (segment));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_move_segment (EcartWorkspace  *self,
                              EcartSegment    *segment,
                              guint            index,
                              GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, segment, ECART_TYPE_SEGMENT, error)
      || !_ecart_workspace_edit_begin (self, _("Move segment"), error))
    return FALSE;

  ids = order_with_move (ecart_workspace_get_segments (self), NULL, NULL, segment, index);
  return _ecart_workspace_edit_end (self, renumber (self, KIND_SEGMENT, ids, error), error);
}

/**
 * ecart_workspace_duplicate_segment:
 *
 * Adds a copy of @segment with its desired and proposed experience (not its measurements),
 * named "<name> (copy)".
 *
 * Returns: (transfer none): the copy
 */
EcartSegment *
ecart_workspace_duplicate_segment (EcartWorkspace  *self,
                                   EcartSegment    *segment,
                                   GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  gint64 id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!check_item_in (self, segment, ECART_TYPE_SEGMENT, error)
      || !_ecart_workspace_edit_begin (self, _("Duplicate segment"), error))
    return NULL;

  /* Room for " (copy 99)" within the longest name allowed. */
  base = g_utf8_substring (ecart_item_get_name (ECART_ITEM (segment)), 0,
                          MIN (g_utf8_strlen (ecart_item_get_name (ECART_ITEM (segment)), -1),
                               NAME_MAX_CHARS - 20));

  /* Translators: the name of a copy of a segment */
  name = g_strdup_printf (_("%s (copy)"), base);
  for (guint i = 2; ok; i++)
    {
      gboolean taken = FALSE;

      if (!(ok = name_is_taken (self, KIND_SEGMENT, name, 0, &taken, error)) || !taken)
        break;
      g_free (name);
      /* Translators: the name of the n-th copy of a segment */
      name = g_strdup_printf (_("%s (copy %u)"), base, i);
    }

  if (ok)
    ok = (id = insert_segment (self, name, ecart_segment_get_description (segment),
                               ecart_segment_get_color (segment), error)) > 0;

  if (ok)
    ok = (stmt = ecart_database_prepare (self->db,
                                         "INSERT INTO experience (segment_id, attribute_id, "
                                         "desired_target, importance, desired_statement, "
                                         "proposed_level, proposed_statement) "
                                         "SELECT ?, attribute_id, desired_target, importance, "
                                         "desired_statement, proposed_level, proposed_statement "
                                         "FROM experience WHERE segment_id = ?",
                                         error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, id_of (segment));
      ok = ecart_database_run (self->db, stmt, error);
    }

  if (ok)
    {
      /* Put the copy right after its original. */
      g_autoptr(GArray) ids = order_with_move (ecart_workspace_get_segments (self), NULL, NULL,
                                               NULL, 0);
      guint index = 0;

      while (index < ids->len && g_array_index (ids, gint64, index) != id_of (segment))
        index++;
      g_array_insert_val (ids, MIN (index + 1, ids->len), id);
      ok = renumber (self, KIND_SEGMENT, ids, error);
    }

  if (!_ecart_workspace_edit_end (self, ok, error))
    return NULL;
  return ecart_workspace_find_segment (self, id);
}

static gboolean
has_data_error (const char  *format,
                const char  *name,
                gint64       count,
                GError     **error)
{
  g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_HAS_DATA, format, name,
               (long long)count);
  return FALSE;
}

gboolean
ecart_workspace_delete_segment (EcartWorkspace    *self,
                                EcartSegment      *segment,
                                EcartDeleteFlags   flags,
                                GError           **error)
{
  gint64 respondents;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, segment, ECART_TYPE_SEGMENT, error))
    return FALSE;

  id = id_of (segment);
  respondents = ecart_workspace_count_respondents (self, segment);
  if (respondents > 0 && !(flags & ECART_DELETE_CASCADE))
    return has_data_error (g_dngettext (GETTEXT_PACKAGE,
                                        "“%s” holds the answers of %lld respondent: "
                                        "deleting it would delete them too",
                                        "“%s” holds the answers of %lld respondents: "
                                        "deleting it would delete them too",
                                        respondents),
                           ecart_item_get_name (ECART_ITEM (segment)), respondents, error);

  if (!_ecart_workspace_edit_begin (self, _("Delete segment"), error))
    return FALSE;

  /* The respondents of the segment, wave by wave, from the respondent_wave index. */
  ok = _ecart_workspace_forget_verbatims (self,
                                          "segment_id = ?1 OR respondent_id IN "
                                          "(SELECT id FROM respondent WHERE wave_id IN "
                                          "(SELECT id FROM wave) AND segment_id = ?1)",
                                          id, error)
       && run_with_id (self, "DELETE FROM respondent WHERE wave_id IN (SELECT id FROM wave) "
                             "AND segment_id = ?", id, error)
       && run_with_id (self, "DELETE FROM segment WHERE id = ?", id, error);

  self->edit_touched_waves = respondents > 0;
  return _ecart_workspace_edit_end (self, ok, error);
}

/* Journey: stages and touchpoints ------------------------------------------------------------ */

EcartStage *
ecart_workspace_add_stage (EcartWorkspace  *self,
                           const char      *name,
                           GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, _("Add journey stage"), error))
    return NULL;

  ok = check_unique (self, KIND_STAGE, clean, 0, error)
       && (stmt = ecart_database_prepare (self->db,
                                          "INSERT INTO stage (name, position) VALUES (?, ?)",
                                          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, next_position (self, KIND_STAGE, NULL, 0));
      ok = ecart_database_run (self->db, stmt, error);
      id = ecart_database_last_insert_id (self->db);
    }

  if (!_ecart_workspace_edit_end (self, ok, error))
    return NULL;
  return ecart_workspace_find_stage (self, id);
}

static gboolean
rename_item (EcartWorkspace  *self,
             Kind             kind,
             gpointer         item,
             const char      *name,
             const char      *label,
             GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *sql = NULL;
  gboolean ok;

  if (!(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, label, error))
    return FALSE;

  sql = g_strdup_printf ("UPDATE %s SET name = ? WHERE id = ?", kind_tables[kind]);
  ok = check_unique (self, kind, clean, id_of (item), error)
       && (stmt = ecart_database_prepare (self->db, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id_of (item));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_rename_stage (EcartWorkspace  *self,
                              EcartStage      *stage,
                              const char      *name,
                              GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_item_in (self, stage, ECART_TYPE_STAGE, error)
         && rename_item (self, KIND_STAGE, stage, name, _("Rename journey stage"), error);
}

gboolean
ecart_workspace_move_stage (EcartWorkspace  *self,
                            EcartStage      *stage,
                            guint            index,
                            GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, stage, ECART_TYPE_STAGE, error)
      || !_ecart_workspace_edit_begin (self, _("Move journey stage"), error))
    return FALSE;

  ids = order_with_move (ecart_workspace_get_stages (self), NULL, NULL, stage, index);
  return _ecart_workspace_edit_end (self, renumber (self, KIND_STAGE, ids, error), error);
}

static gboolean
delete_touchpoint_rows (EcartWorkspace  *self,
                        gint64           touchpoint_id,
                        GError         **error)
{
  return run_with_id (self, "DELETE FROM measurement WHERE touchpoint_id = ?", touchpoint_id, error)
         && run_with_id (self, "DELETE FROM touchpoint WHERE id = ?", touchpoint_id, error);
}

gboolean
ecart_workspace_delete_stage (EcartWorkspace    *self,
                              EcartStage        *stage,
                              EcartDeleteFlags   flags,
                              GError           **error)
{
  g_autoptr(GArray) touchpoints = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *list;
  gint64 measurements;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, stage, ECART_TYPE_STAGE, error))
    return FALSE;

  measurements = ecart_workspace_count_measurements (self, ECART_ITEM (stage));
  if (measurements > 0 && !(flags & ECART_DELETE_CASCADE))
    return has_data_error (g_dngettext (GETTEXT_PACKAGE,
                                        "The touchpoints of “%s” hold %lld measurement: "
                                        "deleting it would delete it too",
                                        "The touchpoints of “%s” hold %lld measurements: "
                                        "deleting it would delete them too",
                                        measurements),
                           ecart_item_get_name (ECART_ITEM (stage)), measurements, error);

  list = ecart_workspace_get_touchpoints (self);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartTouchpoint) touchpoint = g_list_model_get_item (list, i);

      if (ecart_touchpoint_get_stage_id (touchpoint) == id_of (stage))
        {
          gint64 id = id_of (touchpoint);
          g_array_append_val (touchpoints, id);
        }
    }

  if (!_ecart_workspace_edit_begin (self, _("Delete journey stage"), error))
    return FALSE;

  for (guint i = 0; ok && i < touchpoints->len; i++)
    ok = delete_touchpoint_rows (self, g_array_index (touchpoints, gint64, i), error);
  ok = ok && run_with_id (self, "DELETE FROM stage WHERE id = ?", id_of (stage), error);

  return _ecart_workspace_edit_end (self, ok, error);
}

static gboolean
in_stage (gpointer item,
          gpointer scope)
{
  return ecart_touchpoint_get_stage_id (item) == id_of (scope);
}

/**
 * ecart_workspace_add_touchpoint:
 *
 * Returns: (transfer none): the new touchpoint, last of @stage
 */
EcartTouchpoint *
ecart_workspace_add_touchpoint (EcartWorkspace  *self,
                                EcartStage      *stage,
                                EcartChannel    *channel,
                                const char      *name,
                                GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!check_item_in (self, stage, ECART_TYPE_STAGE, error) || !check_item_in (self, channel, ECART_TYPE_CHANNEL, error)
      || !(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, _("Add touchpoint"), error))
    return NULL;

  ok = check_unique (self, KIND_TOUCHPOINT, clean, 0, error)
       && (stmt = ecart_database_prepare (self->db,
                                          "INSERT INTO touchpoint (stage_id, channel_id, name, "
                                          "position) VALUES (?, ?, ?, ?)",
                                          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (stage));
      sqlite3_bind_int64 (stmt, 2, id_of (channel));
      sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, next_position (self, KIND_TOUCHPOINT, "stage_id", id_of (stage)));
      ok = ecart_database_run (self->db, stmt, error);
      id = ecart_database_last_insert_id (self->db);
    }

  if (!_ecart_workspace_edit_end (self, ok, error))
    return NULL;
  return ecart_workspace_find_touchpoint (self, id);
}

gboolean
ecart_workspace_rename_touchpoint (EcartWorkspace   *self,
                                   EcartTouchpoint  *touchpoint,
                                   const char       *name,
                                   GError          **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_item_in (self, touchpoint, ECART_TYPE_TOUCHPOINT, error)
         && rename_item (self, KIND_TOUCHPOINT, touchpoint, name, _("Rename touchpoint"), error);
}

gboolean
ecart_workspace_set_touchpoint_channel (EcartWorkspace   *self,
                                        EcartTouchpoint  *touchpoint,
                                        EcartChannel     *channel,
                                        GError          **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, touchpoint, ECART_TYPE_TOUCHPOINT, error)
      || !check_item_in (self, channel, ECART_TYPE_CHANNEL, error)
      || !_ecart_workspace_edit_begin (self, _("Change touchpoint channel"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db,
                                       "UPDATE touchpoint SET channel_id = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (channel));
      sqlite3_bind_int64 (stmt, 2, id_of (touchpoint));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

/**
 * ecart_workspace_move_touchpoint:
 * @stage: the stage it goes to, maybe its own
 * @index: its place among the touchpoints of @stage
 */
gboolean
ecart_workspace_move_touchpoint (EcartWorkspace   *self,
                                 EcartTouchpoint  *touchpoint,
                                 EcartStage       *stage,
                                 guint             index,
                                 GError          **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  EcartStage *old_stage;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, touchpoint, ECART_TYPE_TOUCHPOINT, error)
      || !check_item_in (self, stage, ECART_TYPE_STAGE, error)
      || !_ecart_workspace_edit_begin (self, _("Move touchpoint"), error))
    return FALSE;

  old_stage = ecart_workspace_find_stage (self, ecart_touchpoint_get_stage_id (touchpoint));
  ok = (stmt = ecart_database_prepare (self->db, "UPDATE touchpoint SET stage_id = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (stage));
      sqlite3_bind_int64 (stmt, 2, id_of (touchpoint));
      ok = ecart_database_run (self->db, stmt, error);
    }

  if (ok && old_stage != NULL && old_stage != stage)
    {
      g_autoptr(GArray) old_ids = order_with_move (ecart_workspace_get_touchpoints (self),
                                                   in_stage, old_stage, NULL, 0);
      guint i;

      /* The list still shows the touchpoint in its old stage. */
      for (i = 0; i < old_ids->len; i++)
        if (g_array_index (old_ids, gint64, i) == id_of (touchpoint))
          {
            g_array_remove_index (old_ids, i);
            break;
          }
      ok = renumber (self, KIND_TOUCHPOINT, old_ids, error);
    }

  if (ok)
    {
      ids = order_with_move (ecart_workspace_get_touchpoints (self), in_stage, stage,
                             touchpoint, index);
      ok = renumber (self, KIND_TOUCHPOINT, ids, error);
    }

  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_delete_touchpoint (EcartWorkspace    *self,
                                   EcartTouchpoint   *touchpoint,
                                   EcartDeleteFlags   flags,
                                   GError           **error)
{
  gint64 measurements;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, touchpoint, ECART_TYPE_TOUCHPOINT, error))
    return FALSE;

  measurements = ecart_workspace_count_measurements (self, ECART_ITEM (touchpoint));
  if (measurements > 0 && !(flags & ECART_DELETE_CASCADE))
    return has_data_error (g_dngettext (GETTEXT_PACKAGE,
                                        "“%s” holds %lld measurement: "
                                        "deleting it would delete it too",
                                        "“%s” holds %lld measurements: "
                                        "deleting it would delete them too",
                                        measurements),
                           ecart_item_get_name (ECART_ITEM (touchpoint)), measurements, error);

  if (!_ecart_workspace_edit_begin (self, _("Delete touchpoint"), error))
    return FALSE;
  return _ecart_workspace_edit_end (self, delete_touchpoint_rows (self, id_of (touchpoint), error),
                                    error);
}

/* Attributes --------------------------------------------------------------------------------- */

static gboolean
in_pillar (gpointer item,
           gpointer scope)
{
  return ecart_attribute_get_pillar_id (item) == id_of (scope);
}

/**
 * ecart_workspace_add_attribute:
 *
 * Returns: (transfer none): the new attribute, last of @pillar
 */
EcartAttribute *
ecart_workspace_add_attribute (EcartWorkspace  *self,
                               EcartPillar     *pillar,
                               const char      *name,
                               GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!check_item_in (self, pillar, ECART_TYPE_PILLAR, error)
      || !(clean = _ecart_workspace_clean_name (name, error))
      || !_ecart_workspace_edit_begin (self, _("Add attribute"), error))
    return NULL;

  ok = check_unique (self, KIND_ATTRIBUTE, clean, 0, error)
       && (stmt = ecart_database_prepare (self->db,
                                          "INSERT INTO attribute (pillar_id, name, position) "
                                          "VALUES (?, ?, ?)",
                                          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (pillar));
      sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, next_position (self, KIND_ATTRIBUTE, "pillar_id", id_of (pillar)));
      ok = ecart_database_run (self->db, stmt, error);
      id = ecart_database_last_insert_id (self->db);
    }

  if (!_ecart_workspace_edit_end (self, ok, error))
    return NULL;
  return ecart_workspace_find_attribute (self, id);
}

gboolean
ecart_workspace_rename_attribute (EcartWorkspace  *self,
                                  EcartAttribute  *attribute,
                                  const char      *name,
                                  GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_item_in (self, attribute, ECART_TYPE_ATTRIBUTE, error)
         && rename_item (self, KIND_ATTRIBUTE, attribute, name, _("Rename attribute"), error);
}

gboolean
ecart_workspace_set_attribute_description (EcartWorkspace  *self,
                                           EcartAttribute  *attribute,
                                           const char      *description,
                                           GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, attribute, ECART_TYPE_ATTRIBUTE, error) || !check_text (description, error)
      || !_ecart_workspace_edit_begin (self, _("Change attribute description"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db,
                                       "UPDATE attribute SET description = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, description ? description : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id_of (attribute));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

/**
 * ecart_workspace_move_attribute:
 * @pillar: the pillar it goes to, maybe its own
 * @index: its place among the attributes of @pillar
 */
gboolean
ecart_workspace_move_attribute (EcartWorkspace  *self,
                                EcartAttribute  *attribute,
                                EcartPillar     *pillar,
                                guint            index,
                                GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, attribute, ECART_TYPE_ATTRIBUTE, error)
      || !check_item_in (self, pillar, ECART_TYPE_PILLAR, error)
      || !_ecart_workspace_edit_begin (self, _("Move attribute"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db, "UPDATE attribute SET pillar_id = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (pillar));
      sqlite3_bind_int64 (stmt, 2, id_of (attribute));
      ok = ecart_database_run (self->db, stmt, error);
    }
  if (ok)
    {
      ids = order_with_move (ecart_workspace_get_attributes (self), in_pillar, pillar,
                             attribute, index);
      ok = renumber (self, KIND_ATTRIBUTE, ids, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_delete_attribute (EcartWorkspace    *self,
                                  EcartAttribute    *attribute,
                                  EcartDeleteFlags   flags,
                                  GError           **error)
{
  gint64 measurements;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, attribute, ECART_TYPE_ATTRIBUTE, error))
    return FALSE;

  measurements = ecart_workspace_count_measurements (self, ECART_ITEM (attribute));
  if (measurements > 0 && !(flags & ECART_DELETE_CASCADE))
    return has_data_error (g_dngettext (GETTEXT_PACKAGE,
                                        "“%s” has %lld measurement: "
                                        "deleting it would delete it too",
                                        "“%s” has %lld measurements: "
                                        "deleting it would delete them too",
                                        measurements),
                           ecart_item_get_name (ECART_ITEM (attribute)), measurements, error);

  if (!_ecart_workspace_edit_begin (self, _("Delete attribute"), error))
    return FALSE;

  ok = run_with_id (self, "DELETE FROM measurement WHERE attribute_id = ?", id_of (attribute), error)
       && run_with_id (self, "DELETE FROM attribute WHERE id = ?", id_of (attribute), error);
  return _ecart_workspace_edit_end (self, ok, error);
}

/* Experience cells --------------------------------------------------------------------------- */

static gboolean
check_cell (EcartWorkspace  *self,
            EcartSegment    *segment,
            EcartAttribute  *attribute,
            GError         **error)
{
  return check_item_in (self, segment, ECART_TYPE_SEGMENT, error)
         && check_item_in (self, attribute, ECART_TYPE_ATTRIBUTE, error);
}

typedef enum {
  CELL_DESIRED_TARGET,
  CELL_IMPORTANCE,
  CELL_DESIRED_STATEMENT,
  CELL_PROPOSED_LEVEL,
  CELL_PROPOSED_STATEMENT,
} CellField;

static const char * const cell_columns[] = {
  [CELL_DESIRED_TARGET] = "desired_target",
  [CELL_IMPORTANCE] = "importance",
  [CELL_DESIRED_STATEMENT] = "desired_statement",
  [CELL_PROPOSED_LEVEL] = "proposed_level",
  [CELL_PROPOSED_STATEMENT] = "proposed_statement",
};

static gboolean
set_cell_field (EcartWorkspace  *self,
                EcartSegment    *segment,
                EcartAttribute  *attribute,
                CellField        field,
                double           number,
                const char      *text,
                const char      *label,
                GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean ok;

  if (!_ecart_workspace_edit_begin (self, label, error))
    return FALSE;

  sql = g_strdup_printf ("INSERT INTO experience (segment_id, attribute_id, %s) VALUES (?, ?, ?) "
                         "ON CONFLICT (segment_id, attribute_id) DO UPDATE SET %s = excluded.%s",
                         cell_columns[field], cell_columns[field], cell_columns[field]);
  ok = (stmt = ecart_database_prepare (self->db, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (segment));
      sqlite3_bind_int64 (stmt, 2, id_of (attribute));
      if (text != NULL)
        sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      else
        bind_level (stmt, 3, number);
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

/**
 * ecart_workspace_set_desired:
 * @target: the target level 0–10, or NAN for "not set"
 * @importance: 1–5
 *
 * Sets the whole desired experience of a cell as one edit.
 */
gboolean
ecart_workspace_set_desired (EcartWorkspace  *self,
                             EcartSegment    *segment,
                             EcartAttribute  *attribute,
                             double           target,
                             int              importance,
                             const char      *statement,
                             GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_cell (self, segment, attribute, error) || !check_level (target, TRUE, error)
      || !check_importance (importance, error) || !check_text (statement, error)
      || !_ecart_workspace_edit_begin (self, _("Set desired experience"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db,
                                       "INSERT INTO experience (segment_id, attribute_id, "
                                       "desired_target, importance, desired_statement) "
                                       "VALUES (?, ?, ?, ?, ?) "
                                       "ON CONFLICT (segment_id, attribute_id) DO UPDATE SET "
                                       "desired_target = excluded.desired_target, "
                                       "importance = excluded.importance, "
                                       "desired_statement = excluded.desired_statement",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (segment));
      sqlite3_bind_int64 (stmt, 2, id_of (attribute));
      bind_level (stmt, 3, target);
      sqlite3_bind_int (stmt, 4, importance);
      sqlite3_bind_text (stmt, 5, statement ? statement : "", -1, SQLITE_TRANSIENT);
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

/**
 * ecart_workspace_set_desired_target:
 * @target: 0–10, or NAN for "not set"
 */
gboolean
ecart_workspace_set_desired_target (EcartWorkspace  *self,
                                    EcartSegment    *segment,
                                    EcartAttribute  *attribute,
                                    double           target,
                                    GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_cell (self, segment, attribute, error) && check_level (target, TRUE, error)
         && set_cell_field (self, segment, attribute, CELL_DESIRED_TARGET, target, NULL,
                            _("Set desired target"), error);
}

gboolean
ecart_workspace_set_importance (EcartWorkspace  *self,
                                EcartSegment    *segment,
                                EcartAttribute  *attribute,
                                int              importance,
                                GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_cell (self, segment, attribute, error) || !check_importance (importance, error)
      || !_ecart_workspace_edit_begin (self, _("Set importance"), error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db,
                                       "INSERT INTO experience (segment_id, attribute_id, "
                                       "importance) VALUES (?, ?, ?) "
                                       "ON CONFLICT (segment_id, attribute_id) DO UPDATE SET "
                                       "importance = excluded.importance",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (segment));
      sqlite3_bind_int64 (stmt, 2, id_of (attribute));
      sqlite3_bind_int (stmt, 3, importance);
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_set_desired_statement (EcartWorkspace  *self,
                                       EcartSegment    *segment,
                                       EcartAttribute  *attribute,
                                       const char      *statement,
                                       GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_cell (self, segment, attribute, error) && check_text (statement, error)
         && set_cell_field (self, segment, attribute, CELL_DESIRED_STATEMENT, 0,
                            statement ? statement : "", _("Edit promise"), error);
}

/**
 * ecart_workspace_set_proposed_level:
 * @level: 0–10, or NAN for "not set"
 */
gboolean
ecart_workspace_set_proposed_level (EcartWorkspace  *self,
                                    EcartSegment    *segment,
                                    EcartAttribute  *attribute,
                                    double           level,
                                    GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_cell (self, segment, attribute, error) && check_level (level, TRUE, error)
         && set_cell_field (self, segment, attribute, CELL_PROPOSED_LEVEL, level, NULL,
                            _("Set proposed level"), error);
}

gboolean
ecart_workspace_set_proposed_statement (EcartWorkspace  *self,
                                        EcartSegment    *segment,
                                        EcartAttribute  *attribute,
                                        const char      *statement,
                                        GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  return check_cell (self, segment, attribute, error) && check_text (statement, error)
         && set_cell_field (self, segment, attribute, CELL_PROPOSED_STATEMENT, 0,
                            statement ? statement : "", _("Edit what is in place"), error);
}

/**
 * ecart_workspace_copy_desired:
 *
 * Copies the desired experience (targets, importance, promises) of every attribute from
 * @from to @to, as one edit. The proposed experience of @to is kept.
 */
gboolean
ecart_workspace_copy_desired (EcartWorkspace  *self,
                              EcartSegment    *from,
                              EcartSegment    *to,
                              GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, from, ECART_TYPE_SEGMENT, error) || !check_item_in (self, to, ECART_TYPE_SEGMENT, error))
    return FALSE;
  if (from == to)
    return TRUE;
  if (!_ecart_workspace_edit_begin (self, _("Copy desired experience"), error))
    return FALSE;

  /* What is not set in @from becomes not set in @to: a copy, not a merge. */
  {
    g_autoptr(EcartStatement) reset = NULL;

    ok = (reset = ecart_database_prepare (self->db,
                                          "UPDATE experience SET desired_target = NULL, "
                                          "importance = 3, desired_statement = '' "
                                          "WHERE segment_id = ?1 AND attribute_id NOT IN "
                                          "(SELECT attribute_id FROM experience WHERE segment_id = ?2)",
                                          error)) != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (reset, 1, id_of (to));
        sqlite3_bind_int64 (reset, 2, id_of (from));
        ok = ecart_database_run (self->db, reset, error);
      }
    if (!ok)
      return _ecart_workspace_edit_end (self, FALSE, error);
  }

  ok = (stmt = ecart_database_prepare (self->db,
                                       "INSERT INTO experience (segment_id, attribute_id, "
                                       "desired_target, importance, desired_statement) "
                                       "SELECT ?, attribute_id, desired_target, importance, "
                                       "desired_statement FROM experience WHERE segment_id = ? "
                                       "AND true "
                                       "ON CONFLICT (segment_id, attribute_id) DO UPDATE SET "
                                       "desired_target = excluded.desired_target, "
                                       "importance = excluded.importance, "
                                       "desired_statement = excluded.desired_statement",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id_of (to));
      sqlite3_bind_int64 (stmt, 2, id_of (from));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

/* Initiatives -------------------------------------------------------------------------------- */

static gboolean
with_status (gpointer item,
             gpointer scope)
{
  return ecart_initiative_get_status (item) == GPOINTER_TO_INT (scope);
}

static gboolean
check_status (EcartInitiativeStatus   status,
              GError                **error)
{
  if ((guint)status >= ECART_N_INITIATIVE_STATUSES)
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("%d is not an initiative status"), (int)status);
      return FALSE;
    }
  return TRUE;
}

/**
 * ecart_workspace_add_initiative:
 *
 * Returns: (transfer none): the new initiative, last of its status
 */
EcartInitiative *
ecart_workspace_add_initiative (EcartWorkspace         *self,
                                const char             *title,
                                EcartInitiativeStatus   status,
                                GError                **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!check_status (status, error) || !(clean = _ecart_workspace_clean_name (title, error))
      || !_ecart_workspace_edit_begin (self, _("Add initiative"), error))
    return NULL;

  ok = (stmt = ecart_database_prepare (self->db,
                                       "INSERT INTO initiative (title, status, position, created_at) "
                                       "VALUES (?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, status);
      sqlite3_bind_int64 (stmt, 3, next_position (self, KIND_INITIATIVE, "status", status));
      ok = ecart_database_run (self->db, stmt, error);
      id = ecart_database_last_insert_id (self->db);
    }

  if (!_ecart_workspace_edit_end (self, ok, error))
    return NULL;
  return ecart_workspace_find_initiative (self, id);
}

/**
 * ecart_workspace_add_initiative_about:
 * @segment: (nullable): @attribute: (nullable): @touchpoint: (nullable): what it is about
 *
 * Adds an initiative already linked to what it is about, as one edit (one undo step): the
 * dashboard's "Create Initiative" on a gap.
 *
 * Returns: (transfer none): the new initiative, last of its status
 */
EcartInitiative *
ecart_workspace_add_initiative_about (EcartWorkspace         *self,
                                      const char             *title,
                                      EcartInitiativeStatus   status,
                                      EcartSegment           *segment,
                                      EcartAttribute         *attribute,
                                      EcartTouchpoint        *touchpoint,
                                      GError                **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);

  if (!check_status (status, error) || !(clean = _ecart_workspace_clean_name (title, error))
      || (segment != NULL && !check_item_in (self, segment, ECART_TYPE_SEGMENT, error))
      || (attribute != NULL && !check_item_in (self, attribute, ECART_TYPE_ATTRIBUTE, error))
      || (touchpoint != NULL && !check_item_in (self, touchpoint, ECART_TYPE_TOUCHPOINT, error))
      || !_ecart_workspace_edit_begin (self, _("Add initiative"), error))
    return NULL;

  ok = (stmt = ecart_database_prepare (self->db,
                                       "INSERT INTO initiative (title, status, position, created_at, "
                                       "segment_id, attribute_id, touchpoint_id) "
                                       "VALUES (?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, status);
      sqlite3_bind_int64 (stmt, 3, next_position (self, KIND_INITIATIVE, "status", status));
      bind_optional_id (stmt, 4, segment);
      bind_optional_id (stmt, 5, attribute);
      bind_optional_id (stmt, 6, touchpoint);
      ok = ecart_database_run (self->db, stmt, error);
      id = ecart_database_last_insert_id (self->db);
    }

  if (!_ecart_workspace_edit_end (self, ok, error))
    return NULL;
  return ecart_workspace_find_initiative (self, id);
}

/**
 * ecart_workspace_update_initiative:
 * @due_date: (nullable): YYYY-MM-DD, or %NULL / "" for none
 * @segment: (nullable): @attribute: (nullable): @touchpoint: (nullable): what it is about
 *
 * Changes everything but the status and place of an initiative, as one edit.
 */
gboolean
ecart_workspace_update_initiative (EcartWorkspace   *self,
                                   EcartInitiative  *initiative,
                                   const char       *title,
                                   const char       *description,
                                   const char       *owner,
                                   const char       *due_date,
                                   EcartSegment     *segment,
                                   EcartAttribute   *attribute,
                                   EcartTouchpoint  *touchpoint,
                                   GError          **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *clean_owner = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, initiative, ECART_TYPE_INITIATIVE, error)
      || !(clean = _ecart_workspace_clean_name (title, error))
      || !check_text (description, error) || !check_text (owner, error))
    return FALSE;

  if (due_date != NULL && due_date[0] != '\0' && !is_date (due_date))
    {
      g_set_error (error, ECART_WORKSPACE_ERROR, ECART_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"), due_date);
      return FALSE;
    }

  if (!_ecart_workspace_edit_begin (self, _("Edit initiative"), error))
    return FALSE;

  clean_owner = g_strstrip (g_strdup (owner != NULL ? owner : ""));
  ok = (stmt = ecart_database_prepare (self->db,
                                       "UPDATE initiative SET title = ?, description = ?, "
                                       "owner = ?, due_date = ?, segment_id = ?, "
                                       "attribute_id = ?, touchpoint_id = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, description ? description : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, clean_owner, -1, SQLITE_TRANSIENT);
      if (due_date != NULL && due_date[0] != '\0')
        sqlite3_bind_text (stmt, 4, due_date, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      bind_optional_id (stmt, 5, segment);
      bind_optional_id (stmt, 6, attribute);
      bind_optional_id (stmt, 7, touchpoint);
      sqlite3_bind_int64 (stmt, 8, id_of (initiative));
      ok = ecart_database_run (self->db, stmt, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

/**
 * ecart_workspace_move_initiative:
 * @status: the status it goes to, maybe its own
 * @index: its place among the initiatives of that status
 */
gboolean
ecart_workspace_move_initiative (EcartWorkspace         *self,
                                 EcartInitiative        *initiative,
                                 EcartInitiativeStatus   status,
                                 guint                   index,
                                 GError                **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, initiative, ECART_TYPE_INITIATIVE, error) || !check_status (status, error)
      || !_ecart_workspace_edit_begin (self,
                                       (int)status != ecart_initiative_get_status (initiative)
                                       ? _("Change initiative status") : _("Move initiative"),
                                       error))
    return FALSE;

  ok = (stmt = ecart_database_prepare (self->db, "UPDATE initiative SET status = ? WHERE id = ?",
                                       error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, status);
      sqlite3_bind_int64 (stmt, 2, id_of (initiative));
      ok = ecart_database_run (self->db, stmt, error);
    }
  if (ok)
    {
      ids = order_with_move (ecart_workspace_get_initiatives (self), with_status,
                             GINT_TO_POINTER (status), initiative, index);
      ok = renumber (self, KIND_INITIATIVE, ids, error);
    }
  return _ecart_workspace_edit_end (self, ok, error);
}

gboolean
ecart_workspace_delete_initiative (EcartWorkspace   *self,
                                   EcartInitiative  *initiative,
                                   GError          **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, initiative, ECART_TYPE_INITIATIVE, error)
      || !_ecart_workspace_edit_begin (self, _("Delete initiative"), error))
    return FALSE;
  return _ecart_workspace_edit_end (self,
                                    run_with_id (self, "DELETE FROM initiative WHERE id = ?",
                                                 id_of (initiative), error),
                                    error);
}

/* Waves -------------------------------------------------------------------------------------- */

/**
 * ecart_workspace_delete_wave:
 *
 * Deletes a wave with its respondents, measurements, recommendations, verbatims and
 * aggregates, in one transaction. This is how an import is undone; it is not itself
 * recorded for undo.
 */
gboolean
ecart_workspace_delete_wave (EcartWorkspace  *self,
                             EcartWave       *wave,
                             GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);

  if (!check_item_in (self, wave, ECART_TYPE_WAVE, error)
      || !_ecart_database_begin_bulk (self->db, error))
    return FALSE;

  ok = _ecart_workspace_forget_verbatims (self,
                                          "wave_id = ?1 OR respondent_id IN "
                                          "(SELECT id FROM respondent WHERE wave_id = ?1)",
                                          id_of (wave), error)
       && run_with_id (self, "DELETE FROM wave WHERE id = ?", id_of (wave), error);

  if (!ok)
    {
      ecart_database_rollback (self->db);
      return FALSE;
    }
  if (!ecart_database_commit (self->db, error))
    return FALSE;
  return _ecart_workspace_changed (self, ECART_RELOAD_ALL, error);
}

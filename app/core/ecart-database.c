/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-database"

#include "config.h"

#include "ecart-database.h"
#include "ecart-database-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/statfs.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS      10000
#define UNDO_HISTORY_LIMIT   200
#define SQL_RESOURCE_PATH    "/io/github/ecart/Ecart/sql"

/* Tables whose changes are recorded for undo. The temporary triggers are generated from
 * their column lists when the first edit begins. */
static const char * const tracked_tables[] = {
  "workspace", "segment", "stage", "touchpoint", "attribute", "experience", "initiative",
  "wave", "respondent", "measurement", "recommendation", "verbatim",
  "measurement_aggregate", "pair_aggregate", "recommendation_aggregate",
};

/* Tables a workspace must have once migrated. */
static const char * const required_tables[] = {
  "workspace", "segment", "stage", "channel", "touchpoint", "pillar", "attribute",
  "experience", "initiative", "wave", "respondent", "measurement", "recommendation",
  "verbatim", "verbatim_fts", "measurement_aggregate", "pair_aggregate",
  "recommendation_aggregate", "import_log", "import_mapping", "undo_step", "undo_entry",
};

struct _EcartDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *display_name;
  char       *warning;
  GHashTable *statements;
  guint       read_only : 1;
  guint       opened_read_only : 1;
  guint       check_pending : 1;
  guint       undo_triggers : 1;
  guint       replaying : 1;
  guint       checks_off : 1;
};

G_DEFINE_FINAL_TYPE (EcartDatabase, ecart_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (ecart-database-error-quark, ecart_database_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ecart_database_finalize (GObject *object)
{
  EcartDatabase *self = (EcartDatabase *)object;

  ecart_database_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (ecart_database_parent_class)->finalize (object);
}

static void
ecart_database_class_init (EcartDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_database_finalize;
}

static void
ecart_database_init (EcartDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* A write that failed for lack of room: SQLite says SQLITE_FULL, or SQLITE_IOERR_WRITE
 * (and its relatives) when the system refused the write with ENOSPC, EDQUOT or EFBIG. */
static gboolean
is_out_of_room (sqlite3 *db,
                int      rc)
{
  int system_errno;

  if ((rc & 0xff) == SQLITE_FULL)
    return TRUE;
  if ((rc & 0xff) != SQLITE_IOERR || db == NULL)
    return FALSE;
  system_errno = sqlite3_system_errno (db);
  return system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG;
}

static EcartDatabaseError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ECART_DATABASE_ERROR_BUSY;
    case SQLITE_FULL:
      return ECART_DATABASE_ERROR_DISK_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return ECART_DATABASE_ERROR_IO;
    case SQLITE_NOMEM:
      return ECART_DATABASE_ERROR_NO_MEMORY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ECART_DATABASE_ERROR_DAMAGED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return ECART_DATABASE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      return ECART_DATABASE_ERROR_CONSTRAINT;
    default:
      return ECART_DATABASE_ERROR_FAILED;
    }
}

static const char *
describe_sqlite (sqlite3 *db,
                 int      rc)
{
  if ((rc & 0xff) == SQLITE_IOERR && is_out_of_room (db, rc))
    return _("the disk is full (or the file has reached its size limit): nothing was changed");

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("the workspace is in use by another program");
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_NOMEM:
      return _("not enough memory");
    case SQLITE_READONLY:
      return _("the file cannot be written");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return _("the file is damaged");
    default:
      return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
    }
}

/* @format is a whole translated sentence with two %s: the file's name, then the reason. */
void
_ecart_database_set_error (EcartDatabase  *self,
                           GError        **error,
                           int             rc,
                           const char     *format)
{
  sqlite3 *db = self != NULL ? self->db : NULL;

  if (error == NULL)
    return;

  g_set_error (error, ECART_DATABASE_ERROR,
               is_out_of_room (db, rc) ? ECART_DATABASE_ERROR_DISK_FULL : error_code_from_sqlite (rc),
               format, self != NULL ? self->display_name : "?", describe_sqlite (db, rc));
}

static gboolean
read_header (const char  *path,
             guint8       header[100],
             gsize       *len,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  return g_input_stream_read_all (G_INPUT_STREAM (stream), header, 100, len, NULL, error);
}

static gboolean
check_header (const char  *path,
              const char  *name,
              GError     **error)
{
  guint8 header[100] = { 0 };
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  guint32 app_id;
  guint32 user_version;

  if (!read_header (path, header, &len, &local_error))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_IO,
                   _("Failed to open “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (len < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_NOT_SQLITE,
                   _("Failed to open “%s”: it is not an Écart workspace (not an SQLite database)"),
                   name);
      return FALSE;
    }

  if (len < 100)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED,
                   _("Failed to open “%s”: the file is damaged (truncated header)"), name);
      return FALSE;
    }

  app_id = ((guint32)header[68] << 24) | ((guint32)header[69] << 16)
         | ((guint32)header[70] << 8) | (guint32)header[71];
  user_version = ((guint32)header[60] << 24) | ((guint32)header[61] << 16)
               | ((guint32)header[62] << 8) | (guint32)header[63];

  if (app_id != ECART_APPLICATION_ID)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FOREIGN,
                   _("Failed to open “%s”: it is an SQLite database of another application, "
                     "not an Écart workspace"),
                   name);
      return FALSE;
    }

  if (user_version > ECART_SCHEMA_VERSION)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_NEWER,
                   _("Failed to open “%s”: it was saved by a newer version of Écart "
                     "(format %u, this version reads up to %u)"),
                   name, user_version, ECART_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

gboolean
ecart_database_fs_type_is_remote (gint64 f_type)
{
  switch ((guint32)f_type)
    {
    case 0x6969:      /* NFS */
    case 0x517B:      /* SMB */
    case 0xFF534D42:  /* CIFS */
    case 0xFE534D42:  /* SMB2 */
    case 0x65735546:  /* FUSE */
    case 0x65735543:  /* FUSE control */
    case 0x01021997:  /* 9P / v9fs */
    case 0x5346414F:  /* AFS */
    case 0x73757245:  /* Coda */
    case 0x00C36400:  /* Ceph */
    case 0x47504653:  /* GPFS */
    case 0x0BD00BD0:  /* Lustre */
    case 0x6B414653:  /* kAFS */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
path_is_on_remote_fs (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs buf;

  if (statfs (dir, &buf) != 0)
    return FALSE;
  return ecart_database_fs_type_is_remote ((gint64)buf.f_type);
}

sqlite3_stmt *
ecart_database_prepare (EcartDatabase  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FAILED,
                   _("Failed to read “%s”: the workspace is closed"), self->display_name);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _ecart_database_set_error (self, error, rc, _("Failed to prepare a query in “%s”: %s"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

EcartStep
ecart_database_step (EcartDatabase  *self,
                     sqlite3_stmt   *stmt,
                     GError        **error)
{
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), ECART_STEP_ERROR);
  g_return_val_if_fail (stmt != NULL, ECART_STEP_ERROR);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ECART_STEP_ROW;

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return ECART_STEP_DONE;
    }

  rc = sqlite3_reset (stmt);
  _ecart_database_set_error (self, error, rc, _("Failed to update “%s”: %s"));
  return ECART_STEP_ERROR;
}

gboolean
ecart_database_run (EcartDatabase  *self,
                    sqlite3_stmt   *stmt,
                    GError        **error)
{
  EcartStep step;

  while ((step = ecart_database_step (self, stmt, error)) == ECART_STEP_ROW)
    ;
  return step == ECART_STEP_DONE;
}

gboolean
ecart_database_exec (EcartDatabase  *self,
                     const char     *sql,
                     GError        **error)
{
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ecart_database_set_error (self, error, rc, _("Failed to update “%s”: %s"));
      return FALSE;
    }
  return TRUE;
}

gint64
ecart_database_query_int (EcartDatabase  *self,
                          const char     *sql,
                          gint64          fallback,
                          GError        **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;
  gint64 value = fallback;

  g_return_val_if_fail (ECART_IS_DATABASE (self), fallback);

  if (!(stmt = ecart_database_prepare (self, sql, error)))
    return fallback;

  step = ecart_database_step (self, stmt, error);
  if (step == ECART_STEP_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  return value;
}

gint64
ecart_database_last_insert_id (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);

  return sqlite3_last_insert_rowid (self->db);
}

const char *
ecart_database_get_path (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), NULL);
  return self->path;
}

const char *
_ecart_database_get_display_name (EcartDatabase *self)
{
  return self->display_name;
}

/**
 * ecart_database_get_warning:
 *
 * Returns: (nullable): something the user should know about how the file is kept, such as
 *   the rollback journal used on a network file system.
 */
const char *
ecart_database_get_warning (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), NULL);
  return self->warning;
}

/**
 * ecart_database_get_check_pending:
 *
 * Returns: %TRUE when the file was opened with %ECART_DATABASE_FLAGS_DEFER_CHECK and is
 *   large enough that its full check was left for later
 */
gboolean
ecart_database_get_check_pending (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  return self->check_pending;
}

gboolean
ecart_database_is_read_only (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), TRUE);
  return self->read_only;
}

/* Lets a connection opened read-only write its temporary tables, and nothing else. */
static int
temp_only_authorizer (void       *data,
                      int         action,
                      const char *arg1,
                      const char *arg2,
                      const char *db_name,
                      const char *trigger)
{
  switch (action)
    {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      return g_strcmp0 (db_name, "temp") == 0 ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_VTABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_VTABLE:
    case SQLITE_ALTER_TABLE:
    case SQLITE_REINDEX:
    case SQLITE_ANALYZE:
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return SQLITE_DENY;
    default:
      return SQLITE_OK;
    }
}

/**
 * ecart_database_allow_temp_writes:
 * @allow: %TRUE to allow writing temporary tables, %FALSE to forbid it again
 *
 * A database opened with %ECART_DATABASE_FLAGS_READ_ONLY refuses every write, even to its
 * temporary tables (`PRAGMA query_only`). Checking a file to import without writing it (a
 * dry run) keeps its scratch rows in a temporary table: between the two calls, temporary
 * tables may be written, and an authorizer refuses any change to the file itself. Does
 * nothing on a database opened for writing.
 */
gboolean
ecart_database_allow_temp_writes (EcartDatabase  *self,
                                  gboolean        allow,
                                  GError        **error)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  if (!self->opened_read_only || self->db == NULL)
    return TRUE;

  if (allow)
    {
      sqlite3_set_authorizer (self->db, temp_only_authorizer, self);
      if (!ecart_database_exec (self, "PRAGMA query_only = OFF", error))
        {
          sqlite3_set_authorizer (self->db, NULL, NULL);
          return FALSE;
        }
      return TRUE;
    }

  if (!ecart_database_exec (self, "PRAGMA query_only = ON", error))
    return FALSE;
  sqlite3_set_authorizer (self->db, NULL, NULL);
  return TRUE;
}

/**
 * ecart_database_set_read_only:
 *
 * Stops (or allows again) every change, for example when the file was removed or became
 * read-only while open. A database opened read-only stays so.
 */
void
ecart_database_set_read_only (EcartDatabase *self,
                              gboolean       read_only)
{
  g_return_if_fail (ECART_IS_DATABASE (self));

  self->read_only = read_only || self->opened_read_only;
}

sqlite3 *
ecart_database_get_handle (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), NULL);
  return self->db;
}

void
ecart_database_close (EcartDatabase *self)
{
  g_return_if_fail (ECART_IS_DATABASE (self));

  if (self->db == NULL)
    return;

  g_hash_table_remove_all (self->statements);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

gboolean
ecart_database_in_transaction (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  return self->db != NULL && !sqlite3_get_autocommit (self->db);
}

#define CHECKS_ON  "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF;"
#define CHECKS_OFF "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"

/* Turns SQLite's checks back on once the transaction that went without them is over (the
 * foreign_keys pragma does nothing inside a transaction). */
static gboolean
restore_checks (EcartDatabase *self)
{
  if (self->checks_off && self->db != NULL && sqlite3_get_autocommit (self->db)
      && sqlite3_exec (self->db, CHECKS_ON, NULL, NULL, NULL) == SQLITE_OK)
    self->checks_off = FALSE;
  return !self->checks_off;
}

gboolean
ecart_database_begin (EcartDatabase  *self,
                      GError        **error)
{
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  if (self->db == NULL || self->read_only)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY,
                   _("Failed to change “%s”: the workspace is open read-only"),
                   self->display_name);
      return FALSE;
    }

  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FAILED,
                   _("Failed to change “%s”: another change is still in progress"),
                   self->display_name);
      return FALSE;
    }

  /* Never an edit without the checks, even if turning them back on failed before. */
  if (!restore_checks (self))
    {
      _ecart_database_set_error (self, error, sqlite3_errcode (self->db),
                                 _("Failed to start a change in “%s”: %s"));
      return FALSE;
    }
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ecart_database_set_error (self, error, rc, _("Failed to start a change in “%s”: %s"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ecart_database_commit (EcartDatabase  *self,
                       GError        **error)
{
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ecart_database_set_error (self, error, rc, _("Failed to save a change in “%s”: %s"));
      ecart_database_rollback (self);
      return FALSE;
    }
  restore_checks (self);
  return TRUE;
}

void
ecart_database_rollback (EcartDatabase *self)
{
  g_return_if_fail (ECART_IS_DATABASE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  restore_checks (self);
}

/* Migrations ------------------------------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
migrate (EcartDatabase  *self,
         GError        **error)
{
  g_auto(GStrv) children = NULL;
  gint64 version;

  version = ecart_database_query_int (self, "PRAGMA user_version", 0, error);
  if (version < 0)
    return FALSE;
  if (version >= ECART_SCHEMA_VERSION)
    return TRUE;

  children = g_resources_enumerate_children (SQL_RESOURCE_PATH, 0, error);
  if (children == NULL)
    return FALSE;
  qsort (children, g_strv_length (children), sizeof (char *), compare_names);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *resource = g_build_path ("/", SQL_RESOURCE_PATH, children[i], NULL);
      g_autofree char *pragma = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      gint64 number;
      char *end = NULL;
      int rc;

      number = g_ascii_strtoll (children[i], &end, 10);
      if (end == children[i] || number <= version || number > ECART_SCHEMA_VERSION)
        continue;

      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, number);

      if (!ecart_database_begin (self, error))
        return FALSE;

      rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, pragma, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_MIGRATION,
                       _("Failed to upgrade “%s” to format %lld: %s"),
                       self->display_name, (long long)number, sqlite3_errmsg (self->db));
          ecart_database_rollback (self);
          return FALSE;
        }

      if (!ecart_database_commit (self, error))
        return FALSE;
      version = number;
    }

  if (version != ECART_SCHEMA_VERSION)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_MIGRATION,
                   _("Failed to upgrade “%s”: the migration to format %d is missing"),
                   self->display_name, ECART_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
verify_tables (EcartDatabase  *self,
               GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_tables); i++)
    {
      g_autoptr(EcartStatement) stmt = NULL;
      EcartStep step;

      stmt = ecart_database_prepare (self,
                                     "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, required_tables[i], -1, SQLITE_STATIC);
      step = ecart_database_step (self, stmt, error);
      if (step == ECART_STEP_ERROR)
        return FALSE;
      if (step == ECART_STEP_DONE)
        {
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED,
                       _("Failed to open “%s”: the file is damaged (table “%s” is missing)"),
                       self->display_name, required_tables[i]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ecart_database_check (EcartDatabase  *self,
                      gboolean        full,
                      GError        **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint count = 0;
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)",
                           -1, &stmt, NULL);
  for (; rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW; rc = SQLITE_OK)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (line != NULL && strcmp (line, "ok") != 0)
        {
          g_string_append_printf (problems, "%s%s", count > 0 ? "; " : "", line);
          count++;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED,
                   _("Failed to open “%s”: the file is damaged (%s)"),
                   self->display_name, sqlite3_errstr (rc));
      return FALSE;
    }

  if (count > 0)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED,
                   _("Failed to open “%s”: the file is damaged (%s)"),
                   self->display_name, problems->str);
      return FALSE;
    }

  self->check_pending = FALSE;

  if (full)
    {
      stmt = NULL;
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      for (; rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW; rc = SQLITE_OK)
        {
          if (count < 5)
            g_string_append_printf (problems, "%s%s row %lld refers to a missing %s",
                                    count > 0 ? "; " : "",
                                    (const char *)sqlite3_column_text (stmt, 0),
                                    (long long)sqlite3_column_int64 (stmt, 1),
                                    (const char *)sqlite3_column_text (stmt, 2));
          count++;
        }
      sqlite3_finalize (stmt);

      if (count > 0)
        {
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED,
                       g_dngettext (GETTEXT_PACKAGE, "“%s” has %u broken reference: %s",
                                    "“%s” has %u broken references: %s", count),
                       self->display_name, count, problems->str);
          return FALSE;
        }

      if (rc != SQLITE_DONE && rc != SQLITE_OK)
        {
          _ecart_database_set_error (self, error, rc, _("Failed to check the references in “%s”: %s"));
          return FALSE;
        }

      if (!verify_tables (self, error))
        return FALSE;
    }

  return TRUE;
}

/* ECART_DATABASE_CHECK_LIMIT (bytes) lowers the limit, for the tests of what is deferred. */
static gint64
check_on_open_limit (void)
{
  const char *text = g_getenv ("ECART_DATABASE_CHECK_LIMIT");

  if (text != NULL && g_ascii_isdigit (text[0]))
    return g_ascii_strtoll (text, NULL, 10);
  return ECART_DATABASE_CHECK_ON_OPEN_LIMIT;
}

/* What can be checked of a large file without reading it all: the schema parses, and the
 * file is as long as its header says (a truncated copy is refused at once). */
static gboolean
check_structure (EcartDatabase  *self,
                 GError        **error)
{
  gint64 pages = ecart_database_query_int (self, "PRAGMA page_count", -1, NULL);
  gint64 page_size = ecart_database_query_int (self, "PRAGMA page_size", -1, NULL);
  GStatBuf st;

  if (pages < 0 || page_size <= 0 || g_stat (self->path, &st) != 0 || st.st_size < pages * page_size)
    {
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED,
                   _("Failed to open “%s”: the file is damaged (%s)"),
                   self->display_name, sqlite3_errstr (SQLITE_CORRUPT));
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (EcartDatabase  *self,
                      gboolean        is_new,
                      gboolean        defer_check,
                      GError        **error)
{
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!ecart_database_exec (self,
                            "PRAGMA trusted_schema = OFF;"
                            "PRAGMA cell_size_check = ON;"
                            "PRAGMA foreign_keys = ON;",
                            error))
    return FALSE;

  /* Read-only before anything writes: a damaged file must be left as it is. */
  if (!is_new)
    {
      GStatBuf st;

      if (defer_check && g_stat (self->path, &st) == 0 && st.st_size > check_on_open_limit ())
        {
          if (!check_structure (self, error))
            return FALSE;
          self->check_pending = TRUE;
        }
      else if (!ecart_database_check (self, FALSE, error))
        return FALSE;
    }
  if (!is_new
      && ecart_database_query_int (self, "PRAGMA user_version", 0, NULL) == ECART_SCHEMA_VERSION
      && !verify_tables (self, error))
    return FALSE;

  /* Opened for reading only: nothing may be written, not even the journal mode. */
  if (self->read_only)
    return ecart_database_exec (self, "PRAGMA query_only = ON", error);

  if (path_is_on_remote_fs (self->path))
    {
      self->warning = g_strdup_printf (_("“%s” is on a network or user-space file system: "
                                         "it is kept with a rollback journal, and only one "
                                         "person should open it at a time."),
                                       self->display_name);
      if (!ecart_database_exec (self, "PRAGMA journal_mode = DELETE", error))
        return FALSE;
    }
  else if (!ecart_database_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  if (!ecart_database_exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  return TRUE;
}

/**
 * ecart_database_open:
 * @path: the workspace file
 * @flags: %ECART_DATABASE_FLAGS_CREATE to create a missing file,
 *   %ECART_DATABASE_FLAGS_READ_ONLY never to write
 *
 * Opens a workspace file, checks it is one of ours, that it is not damaged and not newer
 * than this version, and brings its schema up to date. A file that is refused is left
 * exactly as it was.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
EcartDatabase *
ecart_database_open (const char          *path,
                     EcartDatabaseFlags   flags,
                     GError             **error)
{
  g_autoptr(EcartDatabase) self = NULL;
  g_autofree char *basename = NULL;
  GStatBuf st;
  gboolean exists;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_filename_display_basename (path);
  exists = g_stat (path, &st) == 0;

  if (!exists)
    {
      if (errno != ENOENT || !(flags & ECART_DATABASE_FLAGS_CREATE)
          || (flags & ECART_DATABASE_FLAGS_READ_ONLY))
        {
          int saved = errno;

          g_set_error (error, ECART_DATABASE_ERROR,
                       saved == ENOENT ? ECART_DATABASE_ERROR_NOT_FOUND
                                       : ECART_DATABASE_ERROR_IO,
                       _("Failed to open “%s”: %s"), basename, g_strerror (saved));
          return NULL;
        }
    }
  else
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_NOT_SQLITE,
                       _("Failed to open “%s”: it is not a file"), basename);
          return NULL;
        }
      if (st.st_size == 0)
        {
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_EMPTY,
                       _("Failed to open “%s”: the file is empty (0 bytes)"), basename);
          return NULL;
        }
      if (!check_header (path, basename, error))
        return NULL;
    }

  self = g_object_new (ECART_TYPE_DATABASE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->display_name = g_steal_pointer (&basename);
  self->read_only = (flags & ECART_DATABASE_FLAGS_READ_ONLY) != 0;
  self->opened_read_only = self->read_only;

  /* Even to only read, the file is opened for writing when it can be (PRAGMA query_only
   * then refuses every write): a read-only handle on a WAL file leaves its -wal and -shm
   * files behind, the last read-write connection removes them when it closes. */
  /* A connection is only ever used by the thread that opened it (a worker opens its own:
   * the import's, the window's background check): no mutex around each SQLite call, which
   * cost about 2 % of an import's processor time. */
  open_flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_READWRITE
               | SQLITE_OPEN_NOMUTEX;
  if (!exists)
    open_flags |= SQLITE_OPEN_CREATE;
  if (self->read_only && g_access (self->path, W_OK) != 0)
    open_flags = (open_flags & ~SQLITE_OPEN_READWRITE) | SQLITE_OPEN_READONLY;

  rc = sqlite3_open_v2 (self->path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _ecart_database_set_error (self, error, rc, _("Failed to open “%s”: %s"));
      return NULL;
    }

  if (!configure_connection (self, !exists, (flags & ECART_DATABASE_FLAGS_DEFER_CHECK) != 0, error))
    {
      ecart_database_close (self);
      if (!exists)
        g_unlink (self->path);
      return NULL;
    }

  if (self->read_only)
    {
      gint64 version = ecart_database_query_int (self, "PRAGMA user_version", -1, error);

      if (version != ECART_SCHEMA_VERSION)
        {
          g_clear_error (error);
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY,
                       _("Failed to open “%s” read-only: it must first be upgraded to the "
                         "current format"),
                       self->display_name);
          return NULL;
        }
    }
  else if (!migrate (self, error))
    {
      ecart_database_close (self);
      if (!exists)
        g_unlink (self->path);
      return NULL;
    }

  if (!verify_tables (self, error))
    return NULL;

  if (!self->read_only
      && !ecart_database_exec (self,
                               "CREATE TEMP TABLE undo_state (step INTEGER);"
                               "INSERT INTO temp.undo_state (step) VALUES (NULL);",
                               error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
ecart_database_backup_to (EcartDatabase  *self,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp_path = g_strdup_printf ("%s.tmp-%u", path, g_random_int ());
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ECART_DATABASE_ERROR, error_code_from_sqlite (rc),
                   _("Failed to save a copy as “%s”: %s"), name, sqlite3_errstr (rc));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Failed to save a copy as “%s”: %s"), name, g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/* Undo and redo ---------------------------------------------------------------------------- */

static char *
build_trigger_sql (EcartDatabase  *self,
                   const char     *table,
                   GError        **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  gboolean fts = g_str_equal (table, "verbatim");
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, info_sql, -1, &stmt, NULL);
  for (; rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW; rc = SQLITE_OK)
    g_ptr_array_add (columns, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || columns->len == 0)
    {
      _ecart_database_set_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                 _("Failed to prepare the undo history of “%s”: %s"));
      return NULL;
    }

  /* After an insert, the way back is a delete. */
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS undo_%s_insert AFTER INSERT ON main.\"%s\" "
                          "BEGIN INSERT INTO undo_entry (step_id, sql) SELECT step, ",
                          table, table);
  if (fts)
    g_string_append (sql, "'INSERT INTO verbatim_fts (verbatim_fts, rowid, body) VALUES (''delete'', ' "
                          "|| new.rowid || ', ' || quote (new.body) || ');' || ");
  g_string_append_printf (sql,
                          "'DELETE FROM \"%s\" WHERE rowid = ' || new.rowid "
                          "FROM temp.undo_state WHERE step IS NOT NULL; END;",
                          table);

  /* After an update, the way back restores every column. */
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS undo_%s_update AFTER UPDATE ON main.\"%s\" "
                          "BEGIN INSERT INTO undo_entry (step_id, sql) SELECT step, ",
                          table, table);
  if (fts)
    g_string_append (sql, "'INSERT INTO verbatim_fts (verbatim_fts, rowid, body) VALUES (''delete'', ' "
                          "|| new.rowid || ', ' || quote (new.body) || ');' || ");
  g_string_append_printf (sql, "'UPDATE \"%s\" SET ", table);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ' || quote (old.\"%s\") || '",
                            i > 0 ? ", " : "",
                            (char *)columns->pdata[i], (char *)columns->pdata[i]);
  g_string_append (sql, " WHERE rowid = ' || old.rowid");
  if (fts)
    g_string_append (sql, " || '; INSERT INTO verbatim_fts (rowid, body) VALUES (' || old.rowid "
                          "|| ', ' || quote (old.body) || ')'");
  g_string_append (sql, " FROM temp.undo_state WHERE step IS NOT NULL; END;");

  /* Before a delete, the way back re-inserts the row as it was. */
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS undo_%s_delete BEFORE DELETE ON main.\"%s\" "
                          "BEGIN INSERT INTO undo_entry (step_id, sql) SELECT step, "
                          "'INSERT INTO \"%s\" (rowid",
                          table, table, table);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (char *)columns->pdata[i]);
  g_string_append (sql, ") VALUES (' || old.rowid");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, " || ', ' || quote (old.\"%s\")", (char *)columns->pdata[i]);
  g_string_append (sql, " || ')'");
  if (fts)
    g_string_append (sql, " || '; INSERT INTO verbatim_fts (rowid, body) VALUES (' || old.rowid "
                          "|| ', ' || quote (old.body) || ')'");
  g_string_append (sql, " FROM temp.undo_state WHERE step IS NOT NULL; END;");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
install_undo_triggers (EcartDatabase  *self,
                       GError        **error)
{
  if (self->undo_triggers)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (tracked_tables); i++)
    {
      g_autofree char *sql = build_trigger_sql (self, tracked_tables[i], error);

      if (sql == NULL || !ecart_database_exec (self, sql, error))
        return FALSE;
    }

  self->undo_triggers = TRUE;
  return TRUE;
}

/**
 * _ecart_database_begin_bulk:
 *
 * Starts a write transaction that is not recorded for undo (an import, the deletion of a
 * wave). The undo triggers are dropped first, so a million inserted rows cost nothing more.
 */
static gboolean
begin_bulk (EcartDatabase  *self,
            gboolean        checks,
            GError        **error)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  if (self->undo_triggers && self->db != NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (tracked_tables); i++)
        g_string_append_printf (sql,
                                "DROP TRIGGER IF EXISTS temp.undo_%s_insert;"
                                "DROP TRIGGER IF EXISTS temp.undo_%s_update;"
                                "DROP TRIGGER IF EXISTS temp.undo_%s_delete;",
                                tracked_tables[i], tracked_tables[i], tracked_tables[i]);
      if (!ecart_database_exec (self, sql->str, error))
        return FALSE;
      self->undo_triggers = FALSE;
    }

  /* Off before BEGIN: the foreign_keys pragma does nothing inside a transaction. The flag
   * is set once the transaction is open (ecart_database_begin() turns them back on when it
   * is set). Both pragmas expire the prepared statements: they are compiled again, without
   * the checks now, with them after. */
  if (!checks && self->db != NULL && !self->read_only && sqlite3_get_autocommit (self->db))
    {
      if (!ecart_database_exec (self, CHECKS_OFF, error))
        return FALSE;
      if (!ecart_database_begin (self, error))
        {
          sqlite3_exec (self->db, CHECKS_ON, NULL, NULL, NULL);
          return FALSE;
        }
      self->checks_off = TRUE;
      return TRUE;
    }

  return ecart_database_begin (self, error);
}

gboolean
_ecart_database_begin_bulk (EcartDatabase  *self,
                            GError        **error)
{
  return begin_bulk (self, TRUE, error);
}

/**
 * _ecart_database_begin_bulk_unchecked:
 *
 * Like _ecart_database_begin_bulk(), with SQLite's foreign keys and CHECK constraints off
 * until the transaction ends (commit or rollback turn them back on). Only for a writer that
 * checks every value and every id it writes itself, against the file, inside this
 * transaction: EcartWaveWriter. BEGIN IMMEDIATE keeps every other connection from changing
 * the file meanwhile, so an id found when checked is still there at commit.
 */
gboolean
_ecart_database_begin_bulk_unchecked (EcartDatabase  *self,
                                      GError        **error)
{
  return begin_bulk (self, FALSE, error);
}

static gboolean
set_undo_step (EcartDatabase  *self,
               gint64          step,
               GError        **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  if (!(stmt = ecart_database_prepare (self, "UPDATE temp.undo_state SET step = ?", error)))
    return FALSE;
  if (step > 0)
    sqlite3_bind_int64 (stmt, 1, step);
  else
    sqlite3_bind_null (stmt, 1);
  return ecart_database_run (self, stmt, error);
}

static gint64
insert_undo_step (EcartDatabase  *self,
                  const char     *label,
                  int             state,
                  GError        **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  stmt = ecart_database_prepare (self,
                                 "INSERT INTO undo_step (label, state, created_at) "
                                 "VALUES (?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                                 error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, state);
  if (!ecart_database_run (self, stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * ecart_database_begin_edit:
 * @label: what the edit does, as the Undo button will say it ("Rename segment")
 *
 * Starts a write transaction whose changes are recorded as one undo step. End it with
 * ecart_database_commit_edit() or ecart_database_rollback().
 */
gboolean
ecart_database_begin_edit (EcartDatabase  *self,
                           const char     *label,
                           GError        **error)
{
  gint64 step;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (self->db != NULL && !self->read_only && !install_undo_triggers (self, error))
    return FALSE;

  if (!ecart_database_begin (self, error))
    return FALSE;

  if (!ecart_database_exec (self, "DELETE FROM undo_step WHERE state = 1", error)
      || (step = insert_undo_step (self, label, 0, error)) < 0
      || !set_undo_step (self, step, error))
    {
      ecart_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
ecart_database_commit_edit (EcartDatabase  *self,
                            GError        **error)
{
  g_autofree char *prune = NULL;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  /* The step of an edit that recorded nothing is dropped: it would undo nothing. */
  prune = g_strdup_printf ("DELETE FROM undo_step WHERE id = (SELECT step FROM temp.undo_state) "
                           "AND NOT EXISTS (SELECT 1 FROM undo_entry WHERE undo_entry.step_id = undo_step.id);"
                           "DELETE FROM undo_step WHERE state = 0 AND id NOT IN "
                           "(SELECT id FROM undo_step WHERE state = 0 ORDER BY id DESC LIMIT %d);",
                           UNDO_HISTORY_LIMIT);

  if (!ecart_database_exec (self, prune, error) || !set_undo_step (self, 0, error))
    {
      ecart_database_rollback (self);
      return FALSE;
    }

  return ecart_database_commit (self, error);
}

static char *
dup_step_label (EcartDatabase *self,
                int            state)
{
  g_autoptr(EcartStatement) stmt = NULL;

  if (self->db == NULL)
    return NULL;

  stmt = ecart_database_prepare (self,
                                 "SELECT label FROM undo_step WHERE state = ? ORDER BY id DESC LIMIT 1",
                                 NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, state);
  if (ecart_database_step (self, stmt, NULL) != ECART_STEP_ROW)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

gboolean
ecart_database_can_undo (EcartDatabase *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  label = dup_step_label (self, 0);
  return label != NULL && !self->read_only;
}

gboolean
ecart_database_can_redo (EcartDatabase *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  label = dup_step_label (self, 1);
  return label != NULL && !self->read_only;
}

/**
 * ecart_database_dup_undo_label:
 *
 * Returns: (transfer full) (nullable): the label of the edit Undo would reverse
 */
char *
ecart_database_dup_undo_label (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), NULL);
  return dup_step_label (self, 0);
}

/**
 * ecart_database_dup_redo_label:
 *
 * Returns: (transfer full) (nullable): the label of the edit Redo would apply again
 */
char *
ecart_database_dup_redo_label (EcartDatabase *self)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), NULL);
  return dup_step_label (self, 1);
}

/* The undo history comes from the file, which is untrusted: while it is replayed, only
 * row changes to the workspace tables are allowed. */
static int
replay_authorizer (void       *user_data,
                   int         action,
                   const char *arg1,
                   const char *arg2,
                   const char *db_name,
                   const char *trigger)
{
  switch (action)
    {
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;

    case SQLITE_PRAGMA:
      /* FTS5 reads it when verbatim_fts is written; it changes nothing. */
      return arg1 != NULL && g_ascii_strcasecmp (arg1, "data_version") == 0 && arg2 == NULL
             ? SQLITE_OK : SQLITE_DENY;

    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      if (arg1 == NULL)
        return SQLITE_DENY;
      if (g_str_equal (arg1, "undo_entry") || g_str_has_prefix (arg1, "verbatim_fts")
          || g_str_equal (arg1, "sqlite_sequence"))
        return SQLITE_OK;
      for (guint i = 0; i < G_N_ELEMENTS (tracked_tables); i++)
        if (g_str_equal (arg1, tracked_tables[i]))
          return SQLITE_OK;
      return SQLITE_DENY;

    default:
      return SQLITE_DENY;
    }
}

static gboolean
replay (EcartDatabase  *self,
        int             from_state,
        GError        **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *label = NULL;
  gint64 source;
  gint64 target;
  EcartStep step;

  if (!install_undo_triggers (self, error) || !ecart_database_begin (self, error))
    return FALSE;

  stmt = ecart_database_prepare (self,
                                 "SELECT id, label FROM undo_step WHERE state = ? "
                                 "ORDER BY id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, from_state);
  step = ecart_database_step (self, stmt, error);
  if (step == ECART_STEP_ERROR)
    goto failed;
  if (step == ECART_STEP_DONE)
    {
      g_set_error_literal (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO,
                           from_state == 0 ? _("Nothing to undo") : _("Nothing to redo"));
      goto failed;
    }
  source = sqlite3_column_int64 (stmt, 0);
  label = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (g_steal_pointer (&stmt));

  stmt = ecart_database_prepare (self,
                                 "SELECT sql FROM undo_entry WHERE step_id = ? ORDER BY id DESC",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, source);
  while ((step = ecart_database_step (self, stmt, error)) == ECART_STEP_ROW)
    g_ptr_array_add (entries, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (step == ECART_STEP_ERROR)
    goto failed;
  sqlite3_reset (g_steal_pointer (&stmt));

  if ((target = insert_undo_step (self, label, from_state == 0 ? 1 : 0, error)) < 0
      || !set_undo_step (self, target, error)
      || !ecart_database_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  /* The full-text index is connected first, outside the authorizer: connecting a virtual
   * table reads and checks the schema, which the replay may not do. */
  if (!ecart_database_exec (self, "SELECT rowid FROM verbatim_fts LIMIT 0", error))
    goto failed;

  /* Prepared statements cached before the authorizer was set are not re-checked, which
   * is fine: the authorizer guards only the entries read from the file. */
  sqlite3_set_authorizer (self->db, replay_authorizer, self);
  for (guint i = 0; i < entries->len; i++)
    {
      int rc = sqlite3_exec (self->db, entries->pdata[i], NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          sqlite3_set_authorizer (self->db, NULL, NULL);
          g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO,
                       from_state == 0 ? _("Failed to undo “%s”: %s") : _("Failed to redo “%s”: %s"),
                       label,
                       (rc & 0xff) == SQLITE_AUTH ? _("the undo history of this file is invalid")
                                                  : describe_sqlite (self->db, rc));
          goto failed;
        }
    }
  sqlite3_set_authorizer (self->db, NULL, NULL);

  {
    g_autoptr(EcartStatement) del = NULL;

    if (!(del = ecart_database_prepare (self, "DELETE FROM undo_step WHERE id = ?", error)))
      goto failed;
    sqlite3_bind_int64 (del, 1, source);
    if (!ecart_database_run (self, del, error) || !set_undo_step (self, 0, error))
      goto failed;
  }

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      /* Typically a deferred foreign key: what the step restores no longer fits, for
       * example the wave it refers to was deleted since. */
      g_set_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO,
                   from_state == 0
                   ? _("Failed to undo “%s”: the workspace has changed since in a way that "
                       "cannot be reversed (%s)")
                   : _("Failed to redo “%s”: the workspace has changed since in a way that "
                       "cannot be reversed (%s)"),
                   label, sqlite3_errmsg (self->db));
      goto failed;
    }

  return TRUE;

failed:
  ecart_database_rollback (self);
  return FALSE;
}

gboolean
ecart_database_undo (EcartDatabase  *self,
                     GError        **error)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  return replay (self, 0, error);
}

gboolean
ecart_database_redo (EcartDatabase  *self,
                     GError        **error)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);
  return replay (self, 1, error);
}

/**
 * ecart_database_clear_history:
 *
 * Forgets every undo and redo step, for example when an undo failed because the
 * workspace changed under it.
 */
gboolean
ecart_database_clear_history (EcartDatabase  *self,
                              GError        **error)
{
  g_return_val_if_fail (ECART_IS_DATABASE (self), FALSE);

  if (!ecart_database_begin (self, error))
    return FALSE;
  if (!ecart_database_exec (self, "DELETE FROM undo_step", error))
    {
      ecart_database_rollback (self);
      return FALSE;
    }
  return ecart_database_commit (self, error);
}

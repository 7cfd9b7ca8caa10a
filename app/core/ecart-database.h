/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "ECRT", stored by PRAGMA application_id at offset 68 of every workspace file. */
#define ECART_APPLICATION_ID  0x45435254
#define ECART_SCHEMA_VERSION  2

#define ECART_DATABASE_ERROR (ecart_database_error_quark ())

typedef enum {
  ECART_DATABASE_ERROR_FAILED,
  ECART_DATABASE_ERROR_NOT_FOUND,
  ECART_DATABASE_ERROR_EMPTY,
  ECART_DATABASE_ERROR_NOT_SQLITE,
  ECART_DATABASE_ERROR_FOREIGN,
  ECART_DATABASE_ERROR_NEWER,
  ECART_DATABASE_ERROR_DAMAGED,
  ECART_DATABASE_ERROR_READ_ONLY,
  ECART_DATABASE_ERROR_BUSY,
  ECART_DATABASE_ERROR_DISK_FULL,
  ECART_DATABASE_ERROR_IO,
  ECART_DATABASE_ERROR_NO_MEMORY,
  ECART_DATABASE_ERROR_CONSTRAINT,
  ECART_DATABASE_ERROR_MIGRATION,
  ECART_DATABASE_ERROR_UNDO,
} EcartDatabaseError;

typedef enum {
  ECART_DATABASE_FLAGS_NONE      = 0,
  ECART_DATABASE_FLAGS_CREATE    = 1 << 0,
  ECART_DATABASE_FLAGS_READ_ONLY = 1 << 1,
  /* On a large file, leave the full quick_check to the caller (ecart_database_check()):
   * the window runs it in the background, read-only commands skip it. */
  ECART_DATABASE_FLAGS_DEFER_CHECK = 1 << 2,
} EcartDatabaseFlags;

/* Files up to this size are always checked in full when opened. */
#define ECART_DATABASE_CHECK_ON_OPEN_LIMIT (G_GINT64_CONSTANT (64) * 1024 * 1024)

typedef enum {
  ECART_STEP_ERROR = -1,
  ECART_STEP_DONE  = 0,
  ECART_STEP_ROW   = 1,
} EcartStep;

/* A statement from the database's cache: g_autoptr(EcartStatement) resets it (it is
 * finalized only when the database closes). */
typedef sqlite3_stmt EcartStatement;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartStatement, sqlite3_reset)

#define ECART_TYPE_DATABASE (ecart_database_get_type ())

G_DECLARE_FINAL_TYPE (EcartDatabase, ecart_database, ECART, DATABASE, GObject)

GQuark         ecart_database_error_quark       (void);

EcartDatabase *ecart_database_open              (const char          *path,
                                                 EcartDatabaseFlags   flags,
                                                 GError             **error);
const char    *ecart_database_get_path          (EcartDatabase       *self);
const char    *ecart_database_get_warning       (EcartDatabase       *self);
gboolean       ecart_database_is_read_only      (EcartDatabase       *self);
gboolean       ecart_database_allow_temp_writes (EcartDatabase       *self,
                                                 gboolean             allow,
                                                 GError             **error);
gboolean       ecart_database_get_check_pending (EcartDatabase       *self);
void           ecart_database_set_read_only     (EcartDatabase       *self,
                                                 gboolean             read_only);
sqlite3       *ecart_database_get_handle        (EcartDatabase       *self);
void           ecart_database_close             (EcartDatabase       *self);

sqlite3_stmt  *ecart_database_prepare           (EcartDatabase       *self,
                                                 const char          *sql,
                                                 GError             **error);
EcartStep      ecart_database_step              (EcartDatabase       *self,
                                                 sqlite3_stmt        *stmt,
                                                 GError             **error);
gboolean       ecart_database_run               (EcartDatabase       *self,
                                                 sqlite3_stmt        *stmt,
                                                 GError             **error);
gboolean       ecart_database_exec              (EcartDatabase       *self,
                                                 const char          *sql,
                                                 GError             **error);
gint64         ecart_database_query_int         (EcartDatabase       *self,
                                                 const char          *sql,
                                                 gint64               fallback,
                                                 GError             **error);
gint64         ecart_database_last_insert_id    (EcartDatabase       *self);

gboolean       ecart_database_begin             (EcartDatabase       *self,
                                                 GError             **error);
gboolean       ecart_database_commit            (EcartDatabase       *self,
                                                 GError             **error);
void           ecart_database_rollback          (EcartDatabase       *self);
gboolean       ecart_database_in_transaction    (EcartDatabase       *self);

gboolean       ecart_database_begin_edit        (EcartDatabase       *self,
                                                 const char          *label,
                                                 GError             **error);
gboolean       ecart_database_commit_edit       (EcartDatabase       *self,
                                                 GError             **error);
gboolean       ecart_database_can_undo          (EcartDatabase       *self);
gboolean       ecart_database_can_redo          (EcartDatabase       *self);
char          *ecart_database_dup_undo_label    (EcartDatabase       *self);
char          *ecart_database_dup_redo_label    (EcartDatabase       *self);
gboolean       ecart_database_undo              (EcartDatabase       *self,
                                                 GError             **error);
gboolean       ecart_database_redo              (EcartDatabase       *self,
                                                 GError             **error);
gboolean       ecart_database_clear_history     (EcartDatabase       *self,
                                                 GError             **error);

gboolean       ecart_database_check             (EcartDatabase       *self,
                                                 gboolean             full,
                                                 GError             **error);
gboolean       ecart_database_backup_to         (EcartDatabase       *self,
                                                 const char          *path,
                                                 GError             **error);

gboolean       ecart_database_fs_type_is_remote (gint64               f_type);

G_END_DECLS

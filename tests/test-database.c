/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tests of EcartDatabase: how a workspace file is opened, configured, refused, written in
 * transactions, undone and redone, checked and copied (RELIABILITY.md R2, R7, R9, R10, R18).
 *
 * Files that must be refused are opened in a subprocess (g_test_trap_subprocess), so that
 * a crash on a damaged file is reported as a failure of that test and not of the run; the
 * parent then checks the file was left byte-for-byte as it was. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "ecart-database.h"
#include "ecart-template.h"
#include "ecart-workspace.h"
#include "test-keep-going.h"

static char *tmp_dir;
static char *blank_path;   /* a blank workspace, closed: copy it, never change it */
static char *demo_path;    /* the demo, made on first use */
static guint file_serial;

/* Helpers ----------------------------------------------------------------------------------- */

static char *
tmp_file (const char *stem)
{
  g_autofree char *name = g_strdup_printf ("%s-%u.ecart", stem, ++file_serial);

  return g_build_filename (tmp_dir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
copy_file (const char *from,
           const char *stem)
{
  g_autoptr(GBytes) bytes = read_bytes (from);
  char *path = tmp_file (stem);

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
assert_no_sidecars (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
patch_file (const char *path,
            goffset     offset,
            const void *data,
            gsize       length)
{
  FILE *file = g_fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (data, 1, length, file), ==, length);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Runs SQL on a file with a plain SQLite connection: what another program would do. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
db_int (EcartDatabase *db,
        const char    *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = ecart_database_query_int (db, sql, G_MININT64, &error);

  g_assert_no_error (error);
  g_assert_cmpint (value, !=, G_MININT64);
  return value;
}

static char *
db_text (EcartDatabase *db,
         const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ecart_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Every row of @table, as text, in rowid order. */
static char *
dump_table (sqlite3    *db,
            const char *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (out, "NULL|");
          else
            g_string_append_printf (out, "'%s'|", sqlite3_column_text (stmt, i));
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_tables (sqlite3 *db)
{
  static const char * const tables[] = {
    "workspace", "segment", "stage", "channel", "touchpoint", "pillar", "attribute",
    "experience", "initiative", "wave", "respondent", "measurement", "recommendation",
    "verbatim", "measurement_aggregate", "pair_aggregate", "recommendation_aggregate",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = dump_table (db, tables[i]);

      g_string_append_printf (out, "[%s]\n%s", tables[i], rows);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* For the regression tests of bugs found and fixed: the body runs in a subprocess, so that
 * a regression is reported ("Regression: …") without stopping the tests after it. Returns
 * TRUE in the subprocess, where the caller runs the body. */
static gboolean
regression (const char *what)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("Regression: %s", what);
  return FALSE;
}

static const char *
get_demo_path (void)
{
  if (demo_path == NULL)
    {
      g_autoptr(GError) error = NULL;
      EcartWorkspace *workspace;

      demo_path = g_build_filename (tmp_dir, "demo.ecart", NULL);
      workspace = ecart_demo_create (demo_path, "en", &error);
      g_assert_no_error (error);
      g_assert_finalize_object (workspace);
    }
  return demo_path;
}

/* Refusals ---------------------------------------------------------------------------------- */

/* In the subprocess: opens ECART_TEST_FILE with the flags ECART_TEST_FLAGS and expects the
 * error ECART_TEST_CODE, with the file's name in the message. */
static void
refusal_child (void)
{
  const char *path = g_getenv ("ECART_TEST_FILE");
  int code = atoi (g_getenv ("ECART_TEST_CODE"));
  EcartDatabaseFlags flags = atoi (g_getenv ("ECART_TEST_FLAGS"));
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartDatabase) db = ecart_database_open (path, flags, &error);
  g_autoptr(EcartWorkspace) workspace = NULL;

  g_test_message ("flags %d: %s", flags, error ? error->message : "(opened)");
  g_assert_null (db);
  g_assert_error (error, ECART_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, basename));
  g_clear_error (&error);

  workspace = ecart_workspace_open (path, flags, &error);
  g_assert_null (workspace);
  g_assert_error (error, ECART_DATABASE_ERROR, code);
}

static void
remove_sidecars (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
}

/* Opens @path in a subprocess, which must refuse it with @code and not crash; the file
 * must be left byte-for-byte as it was, with no journal or WAL files next to it. Then the
 * same read-only (the -wal and -shm files a read-only open leaves are another test's bug). */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *code_text = g_strdup_printf ("%d", code);
  gboolean is_file = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  const EcartDatabaseFlags flags[] = {
    ECART_DATABASE_FLAGS_NONE,
    ECART_DATABASE_FLAGS_READ_ONLY,
  };

  if (is_file)
    before = file_sha256 (path);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *flags_text = g_strdup_printf ("%d", flags[i]);

      g_setenv ("ECART_TEST_FILE", path, TRUE);
      g_setenv ("ECART_TEST_CODE", code_text, TRUE);
      g_setenv ("ECART_TEST_FLAGS", flags_text, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      if (is_file)
        {
          g_autofree char *after = file_sha256 (path);

          g_assert_cmpstr (before, ==, after);
        }
      else if (code == ECART_DATABASE_ERROR_NOT_FOUND)
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

      if (flags[i] == ECART_DATABASE_FLAGS_READ_ONLY)
        remove_sidecars (path);
      assert_no_sidecars (path);
    }
}

#define REFUSAL_TEST(name, ...)                                                    \
  static void                                                                      \
  test_refuse_##name (void)                                                        \
  {                                                                                \
    if (g_test_subprocess ())                                                      \
      {                                                                            \
        refusal_child ();                                                          \
        return;                                                                    \
      }                                                                            \
    __VA_ARGS__                                                                    \
  }

REFUSAL_TEST (empty, {
  g_autofree char *path = tmp_file ("empty");

  write_bytes (path, "", 0);
  assert_refused (path, ECART_DATABASE_ERROR_EMPTY);
})

REFUSAL_TEST (text, {
  g_autofree char *path = tmp_file ("notes");
  const char *text = "Minutes of the workshop\nSegments: families, couples\n";

  write_bytes (path, text, strlen (text));
  assert_refused (path, ECART_DATABASE_ERROR_NOT_SQLITE);
})

REFUSAL_TEST (random, {
  g_autofree char *path = tmp_file ("random");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 data[8192];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  write_bytes (path, data, sizeof data);
  assert_refused (path, ECART_DATABASE_ERROR_NOT_SQLITE);
})

REFUSAL_TEST (zeroed_header, {
  g_autofree char *path = copy_file (blank_path, "zeroed");
  guint8 zeros[100] = { 0 };

  patch_file (path, 0, zeros, sizeof zeros);
  assert_refused (path, ECART_DATABASE_ERROR_NOT_SQLITE);
})

REFUSAL_TEST (short_header, {
  g_autofree char *path = tmp_file ("short");

  /* The magic string, then nothing: a header cut short. */
  write_bytes (path, "SQLite format 3\0\x10\x00\x01\x01", 20);
  assert_refused (path, ECART_DATABASE_ERROR_DAMAGED);
})

REFUSAL_TEST (foreign, {
  g_autofree char *path = tmp_file ("foreign");

  raw_exec (path, "PRAGMA application_id = 42;"
                  "CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT);"
                  "INSERT INTO photo (file) VALUES ('lagoon.jpg');");
  assert_refused (path, ECART_DATABASE_ERROR_FOREIGN);
})

REFUSAL_TEST (foreign_no_id, {
  g_autofree char *path = tmp_file ("foreign-zero");

  raw_exec (path, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);"
                  "INSERT INTO note (body) VALUES ('hello');");
  assert_refused (path, ECART_DATABASE_ERROR_FOREIGN);
})

REFUSAL_TEST (newer, {
  g_autofree char *path = copy_file (blank_path, "newer");
  const guint8 version[4] = { 0, 0, 0, ECART_SCHEMA_VERSION + 1 };

  patch_file (path, 60, version, sizeof version);
  assert_refused (path, ECART_DATABASE_ERROR_NEWER);
})

REFUSAL_TEST (truncated, {
  g_autoptr(GBytes) bytes = read_bytes (get_demo_path ());
  g_autofree char *path = tmp_file ("truncated");

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64 * 4096);
  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
  assert_refused (path, ECART_DATABASE_ERROR_DAMAGED);
})

REFUSAL_TEST (byte_flips, {
  g_autofree char *path = copy_file (get_demo_path (), "flipped");
  guint8 garbage[12];
  goffset size;
  guint pages;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  size = st.st_size;
  pages = size / 4096;
  g_assert_cmpuint (pages, >, 64);

  /* The page headers of eight pages in the middle: whatever those pages are (b-tree,
   * overflow, freelist), quick_check finds them broken. */
  memset (garbage, 0xFF, sizeof garbage);
  for (guint page = pages / 3; page < pages / 3 + 8; page++)
    patch_file (path, (goffset)page * 4096, garbage, sizeof garbage);
  assert_refused (path, ECART_DATABASE_ERROR_DAMAGED);
})

/* Regression (fixed bug): a file with our application_id and user_version but without our tables is refused
 * as damaged, but only after the open switched it to WAL mode (bytes 18–19 of its header):
 * a refused file must be left as it was. */
static void
test_refuse_missing_tables (void)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartDatabase) db = NULL;

  if (!regression ("a file refused for missing tables is switched to WAL mode first"))
    return;

  path = tmp_file ("hollow");
  basename = g_path_get_basename (path);
  sql = g_strdup_printf ("PRAGMA application_id = 1162039892;"
                         "PRAGMA user_version = %d;"
                         "CREATE TABLE segment (id INTEGER PRIMARY KEY, name TEXT);",
                         ECART_SCHEMA_VERSION);
  raw_exec (path, sql);
  before = file_sha256 (path);

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, basename));

  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_sidecars (path);
}

REFUSAL_TEST (missing, {
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-workspace.ecart", NULL);

  assert_refused (path, ECART_DATABASE_ERROR_NOT_FOUND);
})

REFUSAL_TEST (directory, {
  g_autofree char *path = g_build_filename (tmp_dir, "folder.ecart", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_refused (path, ECART_DATABASE_ERROR_NOT_SQLITE);
})

/* Random byte flips in the middle pages: quick_check may not see every one, but opening
 * and loading must either work or fail with a clear error, never crash. */
static void
test_random_flips (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("ECART_TEST_FILE");
      g_autoptr(GError) error = NULL;
      g_autoptr(EcartWorkspace) workspace = NULL;

      workspace = ecart_workspace_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
      if (workspace == NULL)
        {
          g_assert_nonnull (error);
          g_assert_nonnull (error->message);
          return;
        }
      g_assert_no_error (error);
      /* Whatever check says, it says it with a GError. */
      if (!ecart_database_check (ecart_workspace_get_database (workspace), TRUE, &error))
        g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED);
      return;
    }

  for (guint seed = 1; seed <= 6; seed++)
    {
      g_autofree char *path = copy_file (get_demo_path (), "flips");
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      for (guint i = 0; i < 64; i++)
        {
          goffset offset = g_rand_int_range (rand, st.st_size / 4, 3 * (st.st_size / 4));
          guint8 byte = g_rand_int_range (rand, 0, 256);

          patch_file (path, offset, &byte, 1);
        }

      before = file_sha256 (path);
      g_setenv ("ECART_TEST_FILE", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      after = file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Opening ----------------------------------------------------------------------------------- */

static void
assert_pragmas (EcartDatabase *db,
                gboolean       wal)
{
  g_autofree char *journal_mode = db_text (db, "PRAGMA journal_mode");

  if (wal)
    g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (db_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (db_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (db_int (db, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (db_int (db, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (db_int (db, "PRAGMA application_id"), ==, ECART_APPLICATION_ID);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, ECART_SCHEMA_VERSION);
}

/* A file of format 1 (written by the first release: 0001-initial.sql alone, with a wave of
 * measurements) is brought to the current format when it is opened: its measurements are
 * kept, the indexes on measurement by attribute and by touchpoint and on respondent by
 * segment are gone (0002), those by respondent and by wave stay, and an attribute with
 * measurements can still be deleted. */
static void
test_migrate_format_1 (void)
{
  g_autofree char *path = tmp_file ("format-1");
  g_autoptr(GBytes) initial = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  EcartDatabase *db;

  initial = g_resources_lookup_data ("/io/github/ecart/Ecart/sql/0001-initial.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("BEGIN; %.*s; PRAGMA user_version = 1; COMMIT;",
                         (int)g_bytes_get_size (initial),
                         (const char *)g_bytes_get_data (initial, NULL));
  raw_exec (path, sql);
  raw_exec (path,
            "PRAGMA foreign_keys = ON;"
            "INSERT INTO segment (id, name, position) VALUES (1, 'Families', 0);"
            "INSERT INTO stage (id, name, position) VALUES (1, 'Stay', 0);"
            "INSERT INTO touchpoint (id, stage_id, channel_id, name, position) "
            "  VALUES (1, 1, 1, 'Reception', 0);"
            "INSERT INTO attribute (id, pillar_id, name, position) VALUES (1, 1, 'Welcome', 0);"
            "INSERT INTO attribute (id, pillar_id, name, position) VALUES (2, 1, 'Comfort', 1);"
            "INSERT INTO wave (id, name, created_at) VALUES (1, 'March', '2025-03-01');"
            "INSERT INTO respondent (id, wave_id, segment_id) VALUES (1, 1, 1), (2, 1, 1);"
            "INSERT INTO measurement (respondent_id, attribute_id, touchpoint_id, dimension, "
            "  score, scale_min, scale_max) VALUES (1, 1, 1, 2, 4, 1, 5), (1, 1, 1, 3, 3, 1, 5), "
            "  (2, 2, NULL, 3, 5, 1, 5), (2, 1, NULL, 2, 2, 1, 5);");

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  assert_pragmas (db, TRUE);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, ECART_SCHEMA_VERSION);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM measurement"), ==, 4);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                               "AND name IN ('measurement_attribute', 'measurement_touchpoint', "
                               "'respondent_segment')"),
                   ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                               "AND name IN ('measurement_respondent', 'respondent_wave')"), ==, 2);
  g_assert_true (ecart_database_check (db, TRUE, &error));
  g_assert_no_error (error);

  /* Without their indexes, the rows of an attribute and of a touchpoint are still found,
   * and the foreign keys still refuse a parent that has rows. */
  g_assert_false (ecart_database_exec (db, "DELETE FROM attribute WHERE id = 1", NULL));
  g_assert_true (ecart_database_exec (db, "DELETE FROM measurement WHERE attribute_id = 1;"
                                          "DELETE FROM attribute WHERE id = 1;", &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM measurement"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM measurement WHERE touchpoint_id = 1"), ==, 0);
  g_assert_true (ecart_database_exec (db, "DELETE FROM touchpoint WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* Opened again: nothing more to migrate. */
  db = ecart_database_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, ECART_SCHEMA_VERSION);
  g_assert_finalize_object (db);
}

static void
test_open_create (void)
{
  g_autofree char *path = tmp_file ("new");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  EcartDatabase *db;
  const guint8 *data;

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (ecart_database_is_read_only (db));
  g_assert_null (ecart_database_get_warning (db));
  assert_pragmas (db, TRUE);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM channel"), ==, 10);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM pillar"), ==, 4);
  g_assert_true (ecart_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* What other tools see: "ECRT" at offset 68, the format at 60, both big-endian. */
  bytes = read_bytes (path);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  g_assert_cmpmem (data, 16, "SQLite format 3", 16);
  g_assert_cmpmem (data + 68, 4, "ECRT", 4);
  g_assert_cmpint (data[60] << 24 | data[61] << 16 | data[62] << 8 | data[63], ==,
                   ECART_SCHEMA_VERSION);
  assert_no_sidecars (path);

  /* Opened again, the same configuration. */
  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_pragmas (db, TRUE);
  g_assert_finalize_object (db);
  assert_no_sidecars (path);
}

static void
test_open_read_only (void)
{
  g_autofree char *path = copy_file (blank_path, "read-only");
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  EcartDatabase *db;

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_database_is_read_only (db));
  assert_pragmas (db, FALSE);

  g_assert_false (ecart_database_begin (db, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ecart_database_in_transaction (db));

  g_assert_false (ecart_database_begin_edit (db, "Add segment", &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (ecart_database_exec (db, "INSERT INTO segment (name, position) VALUES ('A', 0)",
                                       &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (ecart_database_can_undo (db));
  g_assert_false (ecart_database_undo (db, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (db_int (db, "SELECT count(*) FROM segment"), ==, 0);
  g_assert_true (ecart_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* Regression (fixed bug): a read-only open (what `ecart-cli info` and `check` do) leaves -wal and -shm files
 * next to the workspace after it is closed. */
static void
test_open_read_only_leaves_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  EcartDatabase *db;

  if (!regression ("a read-only open leaves -wal and -shm files next to the workspace"))
    return;

  path = copy_file (blank_path, "read-only-clean");
  assert_no_sidecars (path);
  db = ecart_database_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM stage"), ==, 7);
  g_assert_finalize_object (db);
  assert_no_sidecars (path);

  /* Nor when it refuses a damaged file (what `ecart-cli check` does). */
  {
    g_autoptr(GBytes) bytes = read_bytes (get_demo_path ());
    g_autofree char *truncated = tmp_file ("read-only-truncated");

    write_bytes (truncated, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
    db = ecart_database_open (truncated, ECART_DATABASE_FLAGS_READ_ONLY, &error);
    g_assert_null (db);
    g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED);
    assert_no_sidecars (truncated);
  }
}

static void
test_read_only_workspace_edit (void)
{
  g_autofree char *path = copy_file (blank_path, "read-only-ws");
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace;

  workspace = ecart_workspace_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_workspace_is_read_only (workspace));
  g_assert_null (ecart_workspace_add_segment (workspace, "Families", &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ecart_workspace_set_name (workspace, "Renamed", &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY);
  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_segments (workspace)), ==, 0);
  g_assert_false (ecart_workspace_can_undo (workspace));
  g_assert_finalize_object (workspace);
}

static void
test_open_create_bad_directory (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-dir", "new.ecart", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartDatabase) db = NULL;

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_CREATE, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ECART_DATABASE_ERROR);
  g_assert_nonnull (strstr (error->message, "new.ecart"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A large file opened with DEFER_CHECK: a truncated copy is still refused at once (its
 * header says more pages than the file has); damage inside is left to ecart_database_check(),
 * which the window runs in the background. ECART_DATABASE_CHECK_LIMIT makes the demo "large". */
static void
test_open_deferred_check (void)
{
  g_autofree char *healthy = copy_file (get_demo_path (), "deferred");
  g_autofree char *flipped = copy_file (get_demo_path (), "deferred-flipped");
  g_autofree char *truncated = tmp_file ("deferred-truncated");
  g_autoptr(GBytes) bytes = read_bytes (get_demo_path ());
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartDatabase) db = NULL;
  guint8 garbage[12];
  GStatBuf st;
  guint pages;

  g_setenv ("ECART_DATABASE_CHECK_LIMIT", "4096", TRUE);

  /* Without the flag, the check is never deferred. */
  db = ecart_database_open (healthy, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (ecart_database_get_check_pending (db));
  g_clear_object (&db);

  db = ecart_database_open (healthy, ECART_DATABASE_FLAGS_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_database_get_check_pending (db));
  g_assert_true (ecart_database_check (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ecart_database_get_check_pending (db));
  g_clear_object (&db);

  write_bytes (truncated, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
  db = ecart_database_open (truncated, ECART_DATABASE_FLAGS_DEFER_CHECK, &error);
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED);
  g_assert_null (db);
  g_clear_error (&error);

  g_assert_cmpint (g_stat (flipped, &st), ==, 0);
  pages = st.st_size / 4096;
  memset (garbage, 0xFF, sizeof garbage);
  for (guint page = pages / 3; page < pages / 3 + 8; page++)
    patch_file (flipped, (goffset)page * 4096, garbage, sizeof garbage);
  db = ecart_database_open (flipped, ECART_DATABASE_FLAGS_DEFER_CHECK | ECART_DATABASE_FLAGS_READ_ONLY,
                            &error);
  g_assert_no_error (error);
  g_assert_true (ecart_database_get_check_pending (db));
  g_assert_false (ecart_database_check (db, FALSE, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED);
  g_assert_true (ecart_database_get_check_pending (db));

  g_unsetenv ("ECART_DATABASE_CHECK_LIMIT");
}

static void
test_fs_type (void)
{
  g_assert_true (ecart_database_fs_type_is_remote (0x6969));
  g_assert_true (ecart_database_fs_type_is_remote (0xFF534D42));
  g_assert_true (ecart_database_fs_type_is_remote (0xFE534D42));
  g_assert_true (ecart_database_fs_type_is_remote (0x65735546));
  /* statfs() gives f_type as a signed long on some platforms: CIFS comes out negative. */
  g_assert_true (ecart_database_fs_type_is_remote ((gint64)(gint32)0xFF534D42));

  g_assert_false (ecart_database_fs_type_is_remote (0xEF53));
  g_assert_false (ecart_database_fs_type_is_remote (0x01021994));
  g_assert_false (ecart_database_fs_type_is_remote (0x9123683E));
  g_assert_false (ecart_database_fs_type_is_remote (0));
}

/* Transactions ------------------------------------------------------------------------------ */

static EcartDatabase *
open_copy (const char *stem,
           char      **out_path)
{
  g_autoptr(GError) error = NULL;
  char *path = copy_file (blank_path, stem);
  EcartDatabase *db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (out_path != NULL)
    *out_path = path;
  else
    g_free (path);
  return db;
}

static void
test_transaction_rollback (void)
{
  g_autoptr(GError) error = NULL;
  EcartDatabase *db = open_copy ("rollback", NULL);
  g_autofree char *before = dump_tables (ecart_database_get_handle (db));
  g_autofree char *after = NULL;

  g_assert_false (ecart_database_in_transaction (db));
  g_assert_true (ecart_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (ecart_database_in_transaction (db));
  g_assert_true (ecart_database_exec (db,
                                      "INSERT INTO segment (name, position) VALUES ('A', 0);"
                                      "UPDATE stage SET name = 'Changed' WHERE position = 0;",
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM segment"), ==, 1);

  /* A second begin while one is open is an error, not a crash nor a nested commit. */
  g_assert_false (ecart_database_begin (db, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ecart_database_begin_edit (db, "Nested", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (ecart_database_in_transaction (db));

  ecart_database_rollback (db);
  g_assert_false (ecart_database_in_transaction (db));
  after = dump_tables (ecart_database_get_handle (db));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (ecart_database_can_undo (db));

  /* A rollback with nothing open does nothing. */
  ecart_database_rollback (db);
  g_assert_finalize_object (db);
}

static void
test_transaction_commit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  EcartDatabase *db = open_copy ("commit", &path);

  g_assert_true (ecart_database_begin (db, &error));
  g_assert_true (ecart_database_exec (db, "INSERT INTO segment (name, position) VALUES ('A', 0)",
                                      &error));
  g_assert_no_error (error);
  g_assert_true (ecart_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM segment WHERE name = 'A'"), ==, 1);

  /* A constraint broken inside a statement is a CONSTRAINT error. */
  g_assert_false (ecart_database_exec (db, "INSERT INTO segment (name, position) VALUES ('a', 1)",
                                       &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT);
  basename = g_path_get_basename (path);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_finalize_object (db);
}

static void
test_step_errors (void)
{
  g_autoptr(GError) error = NULL;
  EcartDatabase *db = open_copy ("step", NULL);
  sqlite3_stmt *stmt;

  stmt = ecart_database_prepare (db, "SELECT nothing FROM nowhere", &error);
  g_assert_null (stmt);
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  /* Done and error are told apart. */
  stmt = ecart_database_prepare (db, "SELECT id FROM segment", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ecart_database_step (db, stmt, &error), ==, ECART_STEP_DONE);
  g_assert_no_error (error);

  stmt = ecart_database_prepare (db, "INSERT INTO segment (name, position) VALUES (?, 0)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, "   ", -1, SQLITE_STATIC);
  g_assert_cmpint (ecart_database_step (db, stmt, &error), ==, ECART_STEP_ERROR);
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The same SQL gives the same cached statement, reset and unbound. */
  g_assert_true (ecart_database_prepare (db, "INSERT INTO segment (name, position) VALUES (?, 0)",
                                         NULL) == stmt);
  g_assert_cmpint (ecart_database_step (db, stmt, &error), ==, ECART_STEP_ERROR);
  g_clear_error (&error);

  g_assert_cmpint (ecart_database_query_int (db, "SELECT max (id) FROM segment", -7, &error), ==,
                   -7);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
}

/* Undo and redo ----------------------------------------------------------------------------- */

static void
add_segment_edit (EcartDatabase *db,
                  const char    *label,
                  const char    *name)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (ecart_database_begin_edit (db, label, &error));
  g_assert_no_error (error);
  stmt = ecart_database_prepare (db, "INSERT INTO segment (name, position) VALUES (?, 0)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_true (ecart_database_run (db, stmt, &error));
  g_assert_no_error (error);
  g_assert_true (ecart_database_commit_edit (db, &error));
  g_assert_no_error (error);
}

static void
test_undo_redo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  EcartDatabase *db = open_copy ("undo", &path);
  g_autofree char *label = NULL;
  g_autofree char *state0 = dump_tables (ecart_database_get_handle (db));
  g_autofree char *state1 = NULL;
  g_autofree char *state2 = NULL;
  g_autofree char *now = NULL;

  g_assert_false (ecart_database_can_undo (db));
  g_assert_false (ecart_database_can_redo (db));
  g_assert_null (ecart_database_dup_undo_label (db));
  g_assert_false (ecart_database_undo (db, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO);
  g_clear_error (&error);
  g_assert_false (ecart_database_redo (db, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO);
  g_clear_error (&error);
  g_assert_false (ecart_database_in_transaction (db));

  add_segment_edit (db, "Add Families", "Families");
  state1 = dump_tables (ecart_database_get_handle (db));

  g_assert_true (ecart_database_begin_edit (db, "Rename Families", &error));
  g_assert_true (ecart_database_exec (db, "UPDATE segment SET name = 'Familles', color = '#000000'",
                                      &error));
  g_assert_true (ecart_database_commit_edit (db, &error));
  g_assert_no_error (error);
  state2 = dump_tables (ecart_database_get_handle (db));

  g_assert_true (ecart_database_can_undo (db));
  g_assert_false (ecart_database_can_redo (db));
  label = ecart_database_dup_undo_label (db);
  g_assert_cmpstr (label, ==, "Rename Families");
  g_clear_pointer (&label, g_free);

  /* An edit rolled back is no undo step. */
  g_assert_true (ecart_database_begin_edit (db, "Rolled back", &error));
  g_assert_true (ecart_database_exec (db, "DELETE FROM segment", &error));
  ecart_database_rollback (db);
  g_assert_no_error (error);
  label = ecart_database_dup_undo_label (db);
  g_assert_cmpstr (label, ==, "Rename Families");
  g_clear_pointer (&label, g_free);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM undo_step"), ==, 2);

  g_assert_true (ecart_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_false (ecart_database_in_transaction (db));
  now = dump_tables (ecart_database_get_handle (db));
  g_assert_cmpstr (now, ==, state1);
  g_clear_pointer (&now, g_free);
  g_assert_true (ecart_database_can_redo (db));
  label = ecart_database_dup_redo_label (db);
  g_assert_cmpstr (label, ==, "Rename Families");
  g_clear_pointer (&label, g_free);
  label = ecart_database_dup_undo_label (db);
  g_assert_cmpstr (label, ==, "Add Families");
  g_clear_pointer (&label, g_free);

  g_assert_true (ecart_database_undo (db, &error));
  g_assert_no_error (error);
  now = dump_tables (ecart_database_get_handle (db));
  g_assert_cmpstr (now, ==, state0);
  g_clear_pointer (&now, g_free);
  g_assert_false (ecart_database_can_undo (db));

  g_assert_true (ecart_database_redo (db, &error));
  g_assert_true (ecart_database_redo (db, &error));
  g_assert_no_error (error);
  now = dump_tables (ecart_database_get_handle (db));
  g_assert_cmpstr (now, ==, state2);
  g_clear_pointer (&now, g_free);
  g_assert_false (ecart_database_can_redo (db));

  /* Undo, then a new edit: the redo history is gone. */
  g_assert_true (ecart_database_undo (db, &error));
  g_assert_true (ecart_database_can_redo (db));
  add_segment_edit (db, "Add Couples", "Couples");
  g_assert_false (ecart_database_can_redo (db));
  g_assert_null (ecart_database_dup_redo_label (db));

  /* The history lives in the file. */
  g_assert_finalize_object (db);
  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  label = ecart_database_dup_undo_label (db);
  g_assert_cmpstr (label, ==, "Add Couples");
  g_assert_true (ecart_database_undo (db, &error));
  g_assert_true (ecart_database_undo (db, &error));
  g_assert_no_error (error);
  now = dump_tables (ecart_database_get_handle (db));
  g_assert_cmpstr (now, ==, state0);
  g_clear_pointer (&now, g_free);

  g_assert_true (ecart_database_clear_history (db, &error));
  g_assert_no_error (error);
  g_assert_false (ecart_database_can_undo (db));
  g_assert_false (ecart_database_can_redo (db));
  g_assert_finalize_object (db);
}

/* Regression (fixed bug): ecart_database_commit_edit() drops the step of an edit that changed nothing with
 * "… NOT EXISTS (SELECT 1 FROM undo_entry WHERE step_id = id)", where `id` is undo_entry's
 * own id, not the step's: an empty edit stays on the Undo button. */
static void
test_undo_empty_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  EcartDatabase *db;

  if (!regression ("an edit that changes nothing is kept as an undo step"))
    return;

  db = open_copy ("undo-empty", NULL);
  add_segment_edit (db, "Add Families", "Families");
  g_assert_true (ecart_database_begin_edit (db, "Nothing", &error));
  g_assert_true (ecart_database_exec (db, "UPDATE segment SET name = name WHERE id < 0", &error));
  g_assert_true (ecart_database_commit_edit (db, &error));
  g_assert_no_error (error);

  label = ecart_database_dup_undo_label (db);
  g_assert_cmpstr (label, ==, "Add Families");
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM undo_step"), ==, 1);
  g_assert_finalize_object (db);
}

/* Regression (fixed bug): the same condition drops a real edit from the history when no undo entry happens to
 * have step_id equal to its own id: after undo, undo, redo, the next edit is not undoable
 * and Undo reverses an earlier edit instead. */
static void
test_undo_edit_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  EcartDatabase *db;

  if (!regression ("an edit is dropped from the undo history (commit_edit prunes the wrong step)"))
    return;

  db = open_copy ("undo-kept", NULL);
  g_assert_true (ecart_database_begin_edit (db, "Add three", &error));
  g_assert_true (ecart_database_exec (db,
                                      "INSERT INTO segment (name, position) VALUES ('A', 0);"
                                      "INSERT INTO segment (name, position) VALUES ('B', 1);"
                                      "INSERT INTO segment (name, position) VALUES ('C', 2);",
                                      &error));
  g_assert_true (ecart_database_commit_edit (db, &error));
  g_assert_true (ecart_database_begin_edit (db, "Rename A", &error));
  g_assert_true (ecart_database_exec (db, "UPDATE segment SET name = 'AA' WHERE name = 'A'",
                                      &error));
  g_assert_true (ecart_database_commit_edit (db, &error));
  g_assert_no_error (error);

  g_assert_true (ecart_database_undo (db, &error));
  g_assert_true (ecart_database_undo (db, &error));
  g_assert_true (ecart_database_redo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM segment"), ==, 3);

  add_segment_edit (db, "Add D", "D");
  label = ecart_database_dup_undo_label (db);
  g_assert_cmpstr (label, ==, "Add D");
  g_assert_true (ecart_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM segment WHERE name = 'D'"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM segment"), ==, 3);
  g_assert_finalize_object (db);
}

/* R18: the undo history comes from the file and is replayed as SQL. Whatever a hostile
 * file puts there, only row changes to the workspace's tables may run. */
static void
test_undo_hostile_history (void)
{
  g_autofree char *attach_path = g_build_filename (tmp_dir, "attached.db", NULL);
  g_autofree char *attach_sql = g_strdup_printf ("ATTACH DATABASE '%s' AS evil", attach_path);
  g_autofree char *stolen_path = g_build_filename (tmp_dir, "stolen.ecart", NULL);
  g_autofree char *vacuum_sql = g_strdup_printf ("VACUUM INTO '%s'", stolen_path);
  const char *hostile[] = {
    "DROP TABLE segment",
    attach_sql,
    "PRAGMA writable_schema = 1",
    "PRAGMA foreign_keys = OFF",
    "CREATE TABLE evil (x)",
    "CREATE TEMP TRIGGER evil AFTER INSERT ON segment BEGIN DELETE FROM stage; END",
    "DELETE FROM segment WHERE rowid = 1; DROP TABLE stage",
    "UPDATE channel SET key = 'evil'",
    "DELETE FROM undo_step",
    "INSERT INTO import_log (file_name, sha256, imported_at) VALUES ('x', 'y', 'z')",
    "COMMIT; DROP TABLE segment",
    "SELECT load_extension ('/tmp/evil.so')",
    vacuum_sql,
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = copy_file (blank_path, "hostile");
      g_autofree char *insert = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      EcartDatabase *db;
      sqlite3 *raw = NULL;
      sqlite3_stmt *stmt = NULL;

      g_test_message ("hostile undo entry: %s", hostile[i]);

      raw_exec (path, "INSERT INTO segment (id, name, position) VALUES (1, 'Families', 0);"
                      "INSERT INTO undo_step (id, label, state, created_at) "
                      "VALUES (1, 'Add segment', 0, '2025-01-01T00:00:00Z');");
      g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                           "INSERT INTO undo_entry (step_id, sql) VALUES (1, ?)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, hostile[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

      db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      before = dump_tables (ecart_database_get_handle (db));
      g_assert_true (ecart_database_can_undo (db));

      g_assert_false (ecart_database_undo (db, &error));
      g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO);
      g_clear_error (&error);
      g_assert_false (ecart_database_in_transaction (db));

      after = dump_tables (ecart_database_get_handle (db));
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                   "('segment', 'stage') AND type = 'table'"), ==, 2);
      g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'evil'"), ==,
                       0);
      g_assert_cmpint (db_int (db, "SELECT count(*) FROM sqlite_temp_schema WHERE name = 'evil'"),
                       ==, 0);
      g_assert_cmpint (db_int (db, "SELECT count(*) FROM import_log"), ==, 0);
      g_assert_cmpint (db_int (db, "PRAGMA foreign_keys"), ==, 1);
      g_assert_cmpint (db_int (db, "PRAGMA writable_schema"), ==, 0);
      g_assert_false (g_file_test (attach_path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (stolen_path, G_FILE_TEST_EXISTS));

      /* The connection is usable afterwards, with its guards reset. */
      add_segment_edit (db, "Add Couples", "Couples");
      g_assert_true (ecart_database_undo (db, &error));
      g_assert_no_error (error);
      g_assert_true (ecart_database_check (db, TRUE, &error));
      g_assert_no_error (error);
      g_assert_finalize_object (db);
    }
}

/* The same through the workspace: the failed step is reported and the history dropped. */
static void
test_undo_hostile_workspace (void)
{
  g_autofree char *path = copy_file (blank_path, "hostile-ws");
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace;

  raw_exec (path, "INSERT INTO undo_step (id, label, state, created_at) "
                  "VALUES (1, 'Add segment', 0, '2025-01-01T00:00:00Z');"
                  "INSERT INTO undo_entry (step_id, sql) VALUES (1, 'DROP TABLE stage');");

  workspace = ecart_workspace_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_workspace_can_undo (workspace));
  g_assert_cmpstr (ecart_workspace_get_undo_label (workspace), ==, "Add segment");
  g_assert_false (ecart_workspace_undo (workspace, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO);
  g_assert_false (ecart_workspace_can_undo (workspace));
  g_assert_cmpuint (g_list_model_get_n_items (ecart_workspace_get_stages (workspace)), ==, 7);
  g_assert_finalize_object (workspace);
}

/* Check and backup -------------------------------------------------------------------------- */

static void
test_check (void)
{
  g_autofree char *path = copy_file (blank_path, "check");
  g_autoptr(GError) error = NULL;
  EcartDatabase *db;

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ecart_database_check (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* Another program, without foreign keys, leaves a measurement with no respondent. */
  raw_exec (path, "PRAGMA foreign_keys = OFF;"
                  "INSERT INTO measurement (respondent_id, attribute_id, dimension, score, "
                  "scale_min, scale_max) VALUES (4242, 4343, 3, 7, 0, 10);");

  db = ecart_database_open (path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ecart_database_check (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ecart_database_check (db, TRUE, &error));
  g_assert_error (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "measurement"));
  g_assert_nonnull (strstr (error->message, "check-"));
  g_assert_finalize_object (db);
}

static void
test_check_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = copy_file (get_demo_path (), "demo-check");
  EcartDatabase *db = ecart_database_open (path, ECART_DATABASE_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_true (ecart_database_check (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
}

static void
test_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy_path = g_build_filename (tmp_dir, "backup", "copy.ecart", NULL);
  g_autofree char *copy_dir = g_path_get_dirname (copy_path);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GDir) dir = NULL;
  EcartDatabase *db = open_copy ("backup-source", &path);
  EcartDatabase *copy;

  add_segment_edit (db, "Add Families", "Familles d’accueil");
  add_segment_edit (db, "Add Couples", "Couples");
  original = dump_tables (ecart_database_get_handle (db));

  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  write_bytes (copy_path, "an older copy", 13);
  g_assert_true (ecart_database_backup_to (db, copy_path, &error));
  g_assert_no_error (error);

  /* Only the copy in its folder: no temporary file left. */
  dir = g_dir_open (copy_dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "copy.ecart");
  g_assert_null (g_dir_read_name (dir));

  copy = ecart_database_open (copy_path, ECART_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  copied = dump_tables (ecart_database_get_handle (copy));
  g_assert_cmpstr (original, ==, copied);
  assert_pragmas (copy, TRUE);
  g_assert_true (ecart_database_check (copy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (copy);

  /* Into a folder that does not exist: an error, and the source is untouched. */
  g_clear_pointer (&copy_path, g_free);
  copy_path = g_build_filename (tmp_dir, "nowhere", "copy.ecart", NULL);
  g_assert_false (ecart_database_backup_to (db, copy_path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "copy.ecart"));
  g_clear_pointer (&copied, g_free);
  copied = dump_tables (ecart_database_get_handle (db));
  g_assert_cmpstr (original, ==, copied);
  g_assert_finalize_object (db);
}

/* ------------------------------------------------------------------------------------------- */

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char **args = NULL;
  g_autoptr(GError) error = NULL;
  EcartWorkspace *workspace;
  int status;

  /* Go on after a failing test (a known bug), so that every test reports. */
  args = ecart_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  /* A subprocess (regression(), refusals) works in a folder of its parent's, which the parent
   * removes even when the subprocess stopped on a failed assertion. */
  if (g_test_subprocess ())
    {
      tmp_dir = g_strdup_printf ("%s/child-%d", g_getenv ("ECART_TEST_TMPDIR"), (int)getpid ());
      g_assert_cmpint (g_mkdir (tmp_dir, 0700), ==, 0);
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("ecart-test-database-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("ECART_TEST_TMPDIR", tmp_dir, TRUE);
    }

  blank_path = g_build_filename (tmp_dir, "blank.ecart", NULL);
  workspace = ecart_workspace_create (blank_path, ECART_TEMPLATE_BLANK, "en", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (workspace);

  g_test_add_func ("/core/database/open/create", test_open_create);
  g_test_add_func ("/core/database/open/migrate-format-1", test_migrate_format_1);
  g_test_add_func ("/core/database/open/read-only", test_open_read_only);
  g_test_add_func ("/core/database/open/read-only-leaves-no-wal",
                   test_open_read_only_leaves_nothing);
  g_test_add_func ("/core/database/open/read-only-workspace", test_read_only_workspace_edit);
  g_test_add_func ("/core/database/open/create-in-missing-folder", test_open_create_bad_directory);
  g_test_add_func ("/core/database/open/refuse-empty", test_refuse_empty);
  g_test_add_func ("/core/database/open/refuse-not-sqlite", test_refuse_text);
  g_test_add_func ("/core/database/open/refuse-random-bytes", test_refuse_random);
  g_test_add_func ("/core/database/open/refuse-zeroed-header", test_refuse_zeroed_header);
  g_test_add_func ("/core/database/open/refuse-short-header", test_refuse_short_header);
  g_test_add_func ("/core/database/open/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/core/database/open/refuse-foreign-no-id", test_refuse_foreign_no_id);
  g_test_add_func ("/core/database/open/refuse-newer", test_refuse_newer);
  g_test_add_func ("/core/database/open/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/core/database/open/refuse-byte-flips", test_refuse_byte_flips);
  g_test_add_func ("/core/database/open/refuse-missing-tables", test_refuse_missing_tables);
  g_test_add_func ("/core/database/open/refuse-missing", test_refuse_missing);
  g_test_add_func ("/core/database/open/refuse-directory", test_refuse_directory);
  g_test_add_func ("/core/database/open/random-flips-no-crash", test_random_flips);
  g_test_add_func ("/core/database/open/deferred-check", test_open_deferred_check);
  g_test_add_func ("/core/database/fs-type", test_fs_type);
  g_test_add_func ("/core/database/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/core/database/transaction/commit", test_transaction_commit);
  g_test_add_func ("/core/database/step", test_step_errors);
  g_test_add_func ("/core/database/undo/redo", test_undo_redo);
  g_test_add_func ("/core/database/undo/empty-edit", test_undo_empty_edit);
  g_test_add_func ("/core/database/undo/edit-kept", test_undo_edit_kept);
  g_test_add_func ("/core/database/undo/hostile-history", test_undo_hostile_history);
  g_test_add_func ("/core/database/undo/hostile-history-workspace", test_undo_hostile_workspace);
  g_test_add_func ("/core/database/check", test_check);
  g_test_add_func ("/core/database/check/demo", test_check_demo);
  g_test_add_func ("/core/database/backup", test_backup);

  status = g_test_run ();

  if (!g_test_subprocess ())
    remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (blank_path);
  g_free (demo_path);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-importer.h"
#include "ecart-import-result-private.h"
#include "ecart-import-values-private.h"
#include "ecart-wave-writer.h"
#include "ecart-workspace-private.h"

G_BEGIN_DECLS

/* How many distinct values of a column are remembered with their id. */
#define ECART_IMPORTER_CACHE_MAX 10000

/* The fast table of values met (see FastValue): slots per kind, and the longest value. */
#define ECART_IMPORTER_FAST_SLOTS 256
#define ECART_IMPORTER_FAST_TEXT  46
#define ECART_IMPORTER_FAST_DIMENSION ECART_IMPORT_N_NAME_KINDS   /* the fourth kind */

/* A cell's trimmed bytes and what they resolved to: a segment's, attribute's or
 * touchpoint's id, or a dimension + 1. Direct-mapped by a hash of the bytes, overwritten
 * on collision: a value met again costs a hash and a memcmp, no copy, no case folding. */
typedef struct
{
  guint32 hash;
  guint8  length;
  char    text[ECART_IMPORTER_FAST_TEXT];
  gint64  id;      /* 0: empty slot */
} FastValue;

typedef struct
{
  int   index;   /* the column, or -1 */
  char *fixed;   /* or a fixed value ("segment=@Families") */
} Source;

typedef struct
{
  int             index;
  EcartDimension  dimension;
  char           *attribute;
  char           *touchpoint;
  gint64          attribute_id;    /* in the second pass */
  gint64          touchpoint_id;
} Question;

typedef enum {
  ROW_VALID,
  ROW_REJECTED,
  ROW_EMPTY,
} RowStatus;

struct _EcartImporter
{
  GObject                  parent_instance;

  EcartWorkspace          *workspace;
  GFile                   *file;
  GBytes                  *bytes;
  char                    *file_name;
  EcartImportMapping      *mapping;
  char                    *wave_name;
  gboolean                 create_missing;
  gboolean                 strict;
  gboolean                 force;
  GHashTable              *overrides[ECART_IMPORT_N_NAME_KINDS];  /* folded name → gint64 id */

  EcartImportProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  GMainContext            *progress_context;  /* where to call it, for the async functions */

  EcartImportResult       *result;
};

/* Everything one run needs; a run may happen on a worker thread with its own workspace. */
typedef struct
{
  EcartImporter      *self;
  EcartWorkspace     *workspace;
  EcartDatabase      *db;
  EcartImportMapping *mapping;
  EcartImportResult  *result;
  GCancellable       *cancellable;
  gboolean            check_only;
  gboolean            in_thread;

  guint64             file_size;
  EcartCsvEncoding    encoding;
  char                delimiter;
  char                decimal;
  guint64             pass_bytes;

  GPtrArray          *header;        /* column names */
  guint               n_columns;

  Source              respondent;
  Source              date;
  Source              segment;
  Source              nps;
  Source              attribute;
  Source              touchpoint;
  Source              dimension;
  Source              score;
  GArray             *verbatims;     /* int */
  GPtrArray          *questions;     /* Question */
  double              scale_min;
  double              scale_max;
  gboolean            has_segment_values;

  GHashTable         *names[ECART_IMPORT_N_NAME_KINDS];    /* folded name → gint64 id */
  GHashTable         *cache[ECART_IMPORT_N_NAME_KINDS];    /* raw text → gint64 id (0 unknown) */
  GHashTable         *unknown[ECART_IMPORT_N_NAME_KINDS];  /* folded name → name */
  GHashTable         *dimensions;                          /* raw text → EcartDimension + 1 */
  FastValue          *fast[ECART_IMPORT_N_NAME_KINDS + 1];  /* ECART_IMPORTER_FAST_SLOTS each */
  double             *scores;        /* per question, NAN when not answered */

  /* The second pass. */
  gboolean            writing;
  EcartWaveWriter    *writer;
  guint64             written_rows;
  guint64             valid_rows;
  gint64              position[ECART_IMPORT_N_NAME_KINDS];

  /* Respondents of the long layout. While keys_sorted, every respondent met came after
   * the one before in byte order, so none can come back: no table of the respondents met
   * is needed, in either pass. The first key out of order starts the first pass again, with
   * the table (unsorted_restart). */
  gboolean            track_respondents;
  gboolean            keys_sorted;
  gboolean            unsorted_restart;
  GString            *current_key;
  GString            *segment_text;     /* reused for every row */
  GString            *dimension_text;
  GString            *name_text;
  gint64              current_id;
  gboolean            current_has_nps;
  gboolean            current_nps_seen;
  gint64              current_segment;
  gboolean            has_current;
  char                last_date_raw[64];
  char                last_date[ECART_IMPORT_DATE_SIZE];
  gboolean            last_date_ok;
} Run;

typedef enum {
  NAME_KNOWN,
  NAME_UNKNOWN,    /* not in the workspace (created in the second pass, if allowed) */
  NAME_INVALID,    /* cannot name anything */
  NAME_FAILED,     /* a database error, in the second pass */
} NameStatus;

typedef struct
{
  gint64       segment_id;
  const char  *external_id;
  const char  *date;
  char         date_buffer[ECART_IMPORT_DATE_SIZE];
  int          nps;
  /* long layout */
  gint64       attribute_id;
  gint64       touchpoint_id;
  EcartDimension dimension;
  double       score;
  const char  *key;
  gsize        key_length;
} Row;

gint64     *_ecart_importer_new_id               (gint64               id);
GHashTable *_ecart_importer_new_id_table         (void);
char       *_ecart_importer_fold_name            (const char          *name);
char       *_ecart_importer_quote_names          (const char * const  *names,
                                                  guint                n_names,
                                                  gboolean             more);
void        _ecart_importer_source_clear         (Source              *source);

gboolean    _ecart_importer_resolve_columns      (Run                 *run,
                                                  GError             **error);
void        _ecart_importer_load_names           (Run                 *run,
                                                  EcartImportNameKind  kind,
                                                  GListModel          *list);
NameStatus  _ecart_importer_resolve_name         (Run                 *run,
                                                  EcartImportNameKind  kind,
                                                  const char          *name,
                                                  gint64              *id,
                                                  char               **reason,
                                                  GError             **error);
gboolean    _ecart_importer_check_row            (Run                 *run,
                                                  EcartCsvReader      *reader,
                                                  Row                 *row,
                                                  RowStatus           *status,
                                                  GError             **error);
guint       _ecart_importer_count_verbatims      (Run                 *run,
                                                  EcartCsvReader      *reader);
gboolean    _ecart_importer_prepare_respondents  (Run                 *run,
                                                  GError             **error);
void        _ecart_importer_drop_respondents     (Run                 *run);
gboolean    _ecart_importer_check_respondent     (Run                 *run,
                                                  EcartCsvReader      *reader,
                                                  Row                 *row,
                                                  gboolean            *consistent,
                                                  GError             **error);
gboolean    _ecart_importer_write_row            (Run                 *run,
                                                  EcartCsvReader      *reader,
                                                  Row                 *row,
                                                  gboolean            *skipped,
                                                  GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-csv-reader.h"
#include "ecart-import-mapping.h"
#include "ecart-import-result.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

typedef enum {
  ECART_IMPORT_PHASE_CHECKING,   /* first pass: reading and checking every row */
  ECART_IMPORT_PHASE_WRITING,    /* second pass: writing the valid rows */
} EcartImportPhase;

/**
 * EcartImportProgressFunc:
 * @phase: which pass
 * @fraction: how much of the file this pass has read, 0 to 1
 *
 * Called now and then during an import: from the thread running it for
 * ecart_importer_run(), in the caller's main context for ecart_importer_run_async().
 */
typedef void (*EcartImportProgressFunc) (EcartImportPhase phase,
                                         double           fraction,
                                         gpointer         user_data);

/* The first rows of a file, to show and to confirm what was detected. */
typedef struct
{
  EcartCsvEncoding  encoding;
  char              delimiter;
  char              decimal;      /* ',' when numbers of the sample use a decimal comma */
  GPtrArray        *rows;         /* GStrv, the first rows as read (header rows included) */
  gboolean          truncated;    /* the file has more rows than these */
} EcartImportPreview;

#define ECART_TYPE_IMPORT_PREVIEW (ecart_import_preview_get_type ())

GType               ecart_import_preview_get_type (void) G_GNUC_CONST;
void                ecart_import_preview_free     (EcartImportPreview *preview);
EcartImportPreview *ecart_import_preview_copy     (const EcartImportPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartImportPreview, ecart_import_preview_free)

#define ECART_TYPE_IMPORTER (ecart_importer_get_type ())

G_DECLARE_FINAL_TYPE (EcartImporter, ecart_importer, ECART, IMPORTER, GObject)

EcartImportPreview *ecart_importer_preview              (GFile                   *file,
                                                         EcartCsvEncoding         encoding,
                                                         char                     delimiter,
                                                         guint                    max_rows,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);

EcartImporter      *ecart_importer_new                  (EcartWorkspace          *workspace,
                                                         GFile                   *file,
                                                         EcartImportMapping      *mapping);
EcartImporter      *ecart_importer_new_for_bytes        (EcartWorkspace          *workspace,
                                                         GBytes                  *bytes,
                                                         const char              *file_name,
                                                         EcartImportMapping      *mapping);
EcartWorkspace     *ecart_importer_get_workspace        (EcartImporter           *self);
GFile              *ecart_importer_get_file             (EcartImporter           *self);
EcartImportMapping *ecart_importer_get_mapping          (EcartImporter           *self);

void                ecart_importer_set_wave_name        (EcartImporter           *self,
                                                         const char              *name);
char               *ecart_importer_dup_wave_name        (EcartImporter           *self);
void                ecart_importer_set_create_missing   (EcartImporter           *self,
                                                         gboolean                 create_missing);
void                ecart_importer_set_strict           (EcartImporter           *self,
                                                         gboolean                 strict);
void                ecart_importer_set_force            (EcartImporter           *self,
                                                         gboolean                 force);
void                ecart_importer_map_name             (EcartImporter           *self,
                                                         EcartImportNameKind      kind,
                                                         const char              *name,
                                                         gint64                   id);
void                ecart_importer_set_progress_func    (EcartImporter           *self,
                                                         EcartImportProgressFunc  func,
                                                         gpointer                 user_data,
                                                         GDestroyNotify           destroy);

EcartImportResult  *ecart_importer_check                (EcartImporter           *self,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);
EcartImportResult  *ecart_importer_run                  (EcartImporter           *self,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);
void                ecart_importer_check_async          (EcartImporter           *self,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
EcartImportResult  *ecart_importer_check_finish         (EcartImporter           *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);
void                ecart_importer_run_async            (EcartImporter           *self,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
EcartImportResult  *ecart_importer_run_finish           (EcartImporter           *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);
EcartImportResult  *ecart_importer_get_result           (EcartImporter           *self);

/* Mappings saved in the workspace, offered again for files with the same columns. */
gboolean            ecart_importer_save_mapping         (EcartWorkspace          *workspace,
                                                         const char              *name,
                                                         EcartImportMapping      *mapping,
                                                         const char * const      *header,
                                                         GError                 **error);
EcartImportMapping *ecart_importer_load_mapping         (EcartWorkspace          *workspace,
                                                         const char              *name,
                                                         GError                 **error);
EcartImportMapping *ecart_importer_find_mapping         (EcartWorkspace          *workspace,
                                                         const char * const      *header,
                                                         char                   **name,
                                                         GError                 **error);
GStrv               ecart_importer_list_mappings        (EcartWorkspace          *workspace,
                                                         GError                 **error);

G_END_DECLS

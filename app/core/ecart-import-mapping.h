/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-csv-reader.h"
#include "ecart-types.h"

G_BEGIN_DECLS

#define ECART_IMPORT_ERROR (ecart_import_error_quark ())

typedef enum {
  ECART_IMPORT_ERROR_MAPPING,           /* the mapping is invalid: a key, a value */
  ECART_IMPORT_ERROR_COLUMN,            /* a column of the mapping is not in the file */
  ECART_IMPORT_ERROR_EMPTY,             /* the file has no header or no row */
  ECART_IMPORT_ERROR_UNKNOWN_NAMES,     /* segments, attributes, touchpoints the workspace lacks */
  ECART_IMPORT_ERROR_REJECTED,          /* strict, and rows were rejected */
  ECART_IMPORT_ERROR_NOTHING,           /* no row could be imported */
  ECART_IMPORT_ERROR_ALREADY_IMPORTED,  /* the same file (SHA-256) was imported before */
} EcartImportError;

typedef enum {
  ECART_IMPORT_LAYOUT_WIDE,
  ECART_IMPORT_LAYOUT_LONG,
} EcartImportLayout;

#define ECART_TYPE_IMPORT_MAPPING (ecart_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (EcartImportMapping, ecart_import_mapping, ECART, IMPORT_MAPPING, GObject)

GQuark              ecart_import_error_quark              (void);

EcartImportMapping *ecart_import_mapping_new              (EcartImportLayout    layout);
EcartImportMapping *ecart_import_mapping_new_from_data    (const char          *text,
                                                           GError             **error);
EcartImportMapping *ecart_import_mapping_new_from_file    (const char          *path,
                                                           GError             **error);
char               *ecart_import_mapping_to_data          (EcartImportMapping  *self);
EcartImportMapping *ecart_import_mapping_copy             (EcartImportMapping  *self);

gboolean            ecart_import_mapping_set              (EcartImportMapping  *self,
                                                           const char          *key,
                                                           const char          *value,
                                                           GError             **error);
const char         *ecart_import_mapping_get              (EcartImportMapping  *self,
                                                           const char          *key);

EcartImportLayout   ecart_import_mapping_get_layout       (EcartImportMapping  *self);
guint               ecart_import_mapping_get_header_rows  (EcartImportMapping  *self);
char                ecart_import_mapping_get_delimiter    (EcartImportMapping  *self);
EcartCsvEncoding    ecart_import_mapping_get_encoding     (EcartImportMapping  *self);
char                ecart_import_mapping_get_decimal      (EcartImportMapping  *self);
gboolean            ecart_import_mapping_get_scale        (EcartImportMapping  *self,
                                                           double              *min,
                                                           double              *max);
GStrv               ecart_import_mapping_dup_verbatims    (EcartImportMapping  *self);

void                ecart_import_mapping_set_segment_value (EcartImportMapping *self,
                                                           const char          *value,
                                                           const char          *segment);
const char         *ecart_import_mapping_lookup_segment_value (EcartImportMapping *self,
                                                           const char          *value);
GStrv               ecart_import_mapping_dup_segment_values (EcartImportMapping *self);

gboolean            ecart_import_mapping_set_column       (EcartImportMapping  *self,
                                                           const char          *column,
                                                           EcartDimension       dimension,
                                                           const char          *attribute,
                                                           const char          *touchpoint,
                                                           GError             **error);
gboolean            ecart_import_mapping_remove_column    (EcartImportMapping  *self,
                                                           const char          *column);
guint               ecart_import_mapping_get_n_columns    (EcartImportMapping  *self);
const char         *ecart_import_mapping_get_column       (EcartImportMapping  *self,
                                                           guint                index,
                                                           EcartDimension      *dimension,
                                                           const char         **attribute,
                                                           const char         **touchpoint);

gboolean            ecart_import_mapping_validate         (EcartImportMapping  *self,
                                                           GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-csv-writer.h"
#include "ecart-gap-table.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

/**
 * EcartProgressFunc:
 * @fraction: how much is done, 0 to 1
 *
 * Called now and then by a long writing (exports, the report), on the thread that writes.
 */
typedef void (*EcartProgressFunc) (double   fraction,
                                   gpointer user_data);

gboolean ecart_export_write_gaps         (EcartGapTable        *table,
                                          EcartCsvWriter       *writer,
                                          GError              **error);
gboolean ecart_export_gaps               (EcartGapTable        *table,
                                          const char           *path,
                                          EcartCsvWriterFlags   flags,
                                          GCancellable         *cancellable,
                                          GError              **error);

gboolean ecart_export_write_measurements (EcartWorkspace       *workspace,
                                          EcartCsvWriter       *writer,
                                          EcartProgressFunc     progress,
                                          gpointer              user_data,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean ecart_export_measurements       (EcartWorkspace       *workspace,
                                          const char           *path,
                                          EcartCsvWriterFlags   flags,
                                          EcartProgressFunc     progress,
                                          gpointer              user_data,
                                          GCancellable         *cancellable,
                                          GError              **error);

G_END_DECLS

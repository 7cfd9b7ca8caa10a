/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  ECART_CSV_WRITER_FLAGS_NONE = 0,
  /* Start with a UTF-8 byte order mark: Excel then reads accents right. */
  ECART_CSV_WRITER_FLAGS_BOM  = 1 << 0,
} EcartCsvWriterFlags;

#define ECART_TYPE_CSV_WRITER (ecart_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (EcartCsvWriter, ecart_csv_writer, ECART, CSV_WRITER, GObject)

EcartCsvWriter *ecart_csv_writer_new      (GOutputStream        *stream,
                                           EcartCsvWriterFlags   flags,
                                           GCancellable         *cancellable);
const char     *ecart_csv_writer_get_text (EcartCsvWriter       *self);
guint64         ecart_csv_writer_get_rows (EcartCsvWriter       *self);

void            ecart_csv_writer_text     (EcartCsvWriter       *self,
                                           const char           *text);
void            ecart_csv_writer_number   (EcartCsvWriter       *self,
                                           double                value);
void            ecart_csv_writer_int      (EcartCsvWriter       *self,
                                           gint64                value);
void            ecart_csv_writer_boolean  (EcartCsvWriter       *self,
                                           gboolean              value);
gboolean        ecart_csv_writer_end_row  (EcartCsvWriter       *self,
                                           GError              **error);
gboolean        ecart_csv_writer_flush    (EcartCsvWriter       *self,
                                           GError              **error);

char           *ecart_csv_format_number   (double                value,
                                           char                 *buffer);

G_END_DECLS

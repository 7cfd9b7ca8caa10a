/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-csv-reader.h"

G_BEGIN_DECLS

/* A field of the row the reader holds: its text is row + offset, followed by a NUL. */
typedef struct
{
  gsize   offset;
  gsize   length;
  guint64 line;
  guint   column;
} EcartCsvField;

/* The row the reader holds, and its fields, valid until the next row is read: for the
 * importer, which reads every field of millions of rows (ecart_csv_reader_get_field()
 * checks its arguments at each call). */
const char *_ecart_csv_reader_peek_row (EcartCsvReader       *self,
                                        const EcartCsvField **fields,
                                        guint                *n_fields);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ECART_CSV_ERROR (ecart_csv_error_quark ())

typedef enum {
  ECART_CSV_ERROR_ENCODING,
  ECART_CSV_ERROR_UNTERMINATED_QUOTE,
  ECART_CSV_ERROR_BAD_QUOTE,
  ECART_CSV_ERROR_TOO_LONG,
  ECART_CSV_ERROR_READ,
} EcartCsvError;

typedef enum {
  ECART_CSV_ENCODING_AUTO,
  ECART_CSV_ENCODING_UTF8,
  ECART_CSV_ENCODING_UTF16LE,
  ECART_CSV_ENCODING_UTF16BE,
  ECART_CSV_ENCODING_WINDOWS_1252,
} EcartCsvEncoding;

typedef enum {
  ECART_CSV_READ_ERROR = -1,
  ECART_CSV_READ_END   = 0,
  ECART_CSV_READ_ROW   = 1,
} EcartCsvRead;

/* The delimiters the reader guesses among, in order of preference on a tie. */
#define ECART_CSV_DELIMITERS ",;\t|"

#define ECART_TYPE_CSV_READER (ecart_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (EcartCsvReader, ecart_csv_reader, ECART, CSV_READER, GObject)

GQuark            ecart_csv_error_quark              (void);

const char       *ecart_csv_encoding_to_string       (EcartCsvEncoding  encoding);
gboolean          ecart_csv_encoding_from_string     (const char       *text,
                                                      EcartCsvEncoding *encoding);

EcartCsvReader   *ecart_csv_reader_new               (GInputStream     *stream,
                                                      EcartCsvEncoding  encoding,
                                                      char              delimiter);
void              ecart_csv_reader_set_checksum      (EcartCsvReader   *self,
                                                      gboolean          enabled);
EcartCsvRead      ecart_csv_reader_read_row          (EcartCsvReader   *self,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
guint             ecart_csv_reader_get_n_fields      (EcartCsvReader   *self);
const char       *ecart_csv_reader_get_field         (EcartCsvReader   *self,
                                                      guint             index,
                                                      gsize            *length);
guint64           ecart_csv_reader_get_line          (EcartCsvReader   *self);
guint64           ecart_csv_reader_get_field_line    (EcartCsvReader   *self,
                                                      guint             index);
guint             ecart_csv_reader_get_field_column  (EcartCsvReader   *self,
                                                      guint             index);
gboolean          ecart_csv_reader_prepare           (EcartCsvReader   *self,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
EcartCsvEncoding  ecart_csv_reader_get_encoding      (EcartCsvReader   *self);
gboolean          ecart_csv_reader_get_encoding_guessed (EcartCsvReader *self);
char              ecart_csv_reader_get_delimiter     (EcartCsvReader   *self);
gboolean          ecart_csv_reader_get_delimiter_guessed (EcartCsvReader *self);
guint64           ecart_csv_reader_get_bytes_read    (EcartCsvReader   *self);
char             *ecart_csv_reader_dup_sha256        (EcartCsvReader   *self);

G_END_DECLS

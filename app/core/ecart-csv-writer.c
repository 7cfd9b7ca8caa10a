/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-csv-writer"

#include "config.h"

#include "ecart-csv-writer.h"

#include <math.h>
#include <string.h>

/* CSV as RFC 4180 writes it, for spreadsheets and scripts: fields separated by commas, a
 * field quoted (its quotes doubled) when it holds a comma, a quote or a line break, rows
 * ended by CRLF, UTF-8 (with a byte order mark on request, for Excel).
 *
 * Formula injection (RELIABILITY.md R15, OWASP "CSV Injection"): a text cell starting with
 * = + - @, a tab or a carriage return would be run as a formula by a spreadsheet; it gets a
 * leading apostrophe, which spreadsheets show as text. Numbers are never text cells: they
 * are written with a dot whatever the locale, in the fewest digits that read back as the
 * very same double (at most 17 significant digits), integral values without a decimal
 * part; a value that is not computable (NAN) is an empty cell.
 *
 * The writer buffers rows and writes them to its stream about every 64 KiB, so that an
 * export of millions of rows runs in constant memory; without a stream it keeps the text
 * (ecart_csv_writer_get_text()), for a command that prints it. */

#define FLUSH_SIZE (64 * 1024)

struct _EcartCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;       /* NULL: in memory */
  GCancellable  *cancellable;
  GString       *buffer;
  gboolean       row_start;
  guint64        rows;
};

G_DEFINE_FINAL_TYPE (EcartCsvWriter, ecart_csv_writer, G_TYPE_OBJECT)

static void
ecart_csv_writer_finalize (GObject *object)
{
  EcartCsvWriter *self = (EcartCsvWriter *)object;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (ecart_csv_writer_parent_class)->finalize (object);
}

static void
ecart_csv_writer_class_init (EcartCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_csv_writer_finalize;
}

static void
ecart_csv_writer_init (EcartCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  self->row_start = TRUE;
}

/**
 * ecart_csv_writer_new:
 * @stream: (nullable): where to write, or %NULL to keep the text in memory
 * @flags: %ECART_CSV_WRITER_FLAGS_BOM to start with a byte order mark
 * @cancellable: (nullable): stops the writes to @stream
 */
EcartCsvWriter *
ecart_csv_writer_new (GOutputStream       *stream,
                      EcartCsvWriterFlags  flags,
                      GCancellable        *cancellable)
{
  EcartCsvWriter *self;

  g_return_val_if_fail (stream == NULL || G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (ECART_TYPE_CSV_WRITER, NULL);
  g_set_object (&self->stream, stream);
  g_set_object (&self->cancellable, cancellable);
  if (flags & ECART_CSV_WRITER_FLAGS_BOM)
    g_string_append (self->buffer, "\xEF\xBB\xBF");
  return self;
}

/**
 * ecart_csv_writer_get_text:
 *
 * Returns: the text written so far, for a writer without a stream
 */
const char *
ecart_csv_writer_get_text (EcartCsvWriter *self)
{
  g_return_val_if_fail (ECART_IS_CSV_WRITER (self), NULL);
  g_return_val_if_fail (self->stream == NULL, NULL);
  return self->buffer->str;
}

/* Rows ended so far, the header included. */
guint64
ecart_csv_writer_get_rows (EcartCsvWriter *self)
{
  g_return_val_if_fail (ECART_IS_CSV_WRITER (self), 0);
  return self->rows;
}

static void
separate (EcartCsvWriter *self)
{
  if (!self->row_start)
    g_string_append_c (self->buffer, ',');
  self->row_start = FALSE;
}

static gboolean
needs_quotes (const char *text)
{
  return strpbrk (text, ",\"\r\n") != NULL;
}

/**
 * ecart_csv_writer_text:
 * @text: (nullable): the cell, or %NULL for an empty one
 *
 * A text cell: quoted when it has to be, protected against formula injection, made valid
 * UTF-8 if it was not.
 */
void
ecart_csv_writer_text (EcartCsvWriter *self,
                       const char     *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (ECART_IS_CSV_WRITER (self));

  separate (self);
  if (text == NULL || text[0] == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (!needs_quotes (text))
    {
      if (strchr ("=+-@\t\r", text[0]) != NULL)
        g_string_append_c (self->buffer, '\'');
      g_string_append (self->buffer, text);
      return;
    }

  g_string_append_c (self->buffer, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (self->buffer, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

/**
 * ecart_csv_format_number:
 * @buffer: at least %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Writes @value with a dot, in the fewest significant digits (15, 16 or 17) that
 * g_ascii_strtod() reads back as exactly @value: 0.1 is "0.1", 2/3 is "0.6666666666666666", 0.1 + 0.2 is "0.30000000000000004",
 * 7 is "7", −0 is "0".
 *
 * Returns: @buffer, or %NULL when @value is not finite
 */
char *
ecart_csv_format_number (double  value,
                         char   *buffer)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  g_return_val_if_fail (buffer != NULL, NULL);

  if (!isfinite (value))
    return NULL;
  if (value == 0.0)
    value = 0.0;  /* no "-0" */
  /* Most scores are whole: printing them as integers is several times faster, and the
   * same text as %.15g below 10¹⁵. */
  if (fabs (value) < 1e15 && value == (double)(gint64)value)
    {
      g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%" G_GINT64_FORMAT, (gint64)value);
      return buffer;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return buffer;
}

/**
 * ecart_csv_writer_number:
 *
 * A number cell (see ecart_csv_format_number()); empty when @value is NAN or infinite.
 */
void
ecart_csv_writer_number (EcartCsvWriter *self,
                         double          value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (ECART_IS_CSV_WRITER (self));

  separate (self);
  if (ecart_csv_format_number (value, buffer) != NULL)
    g_string_append (self->buffer, buffer);
}

void
ecart_csv_writer_int (EcartCsvWriter *self,
                      gint64          value)
{
  g_return_if_fail (ECART_IS_CSV_WRITER (self));

  separate (self);
  g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, value);
}

/* 1 or 0. */
void
ecart_csv_writer_boolean (EcartCsvWriter *self,
                          gboolean        value)
{
  g_return_if_fail (ECART_IS_CSV_WRITER (self));

  separate (self);
  g_string_append_c (self->buffer, value ? '1' : '0');
}

/**
 * ecart_csv_writer_flush:
 *
 * Writes the buffered rows to the stream (the stream's own buffer aside).
 */
gboolean
ecart_csv_writer_flush (EcartCsvWriter  *self,
                        GError         **error)
{
  g_return_val_if_fail (ECART_IS_CSV_WRITER (self), FALSE);

  if (self->stream == NULL || self->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  self->cancellable, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/**
 * ecart_csv_writer_end_row:
 *
 * Ends the row (CRLF), and writes the buffer to the stream when it is full.
 *
 * Returns: %FALSE when the stream failed or the writing was cancelled
 */
gboolean
ecart_csv_writer_end_row (EcartCsvWriter  *self,
                          GError         **error)
{
  g_return_val_if_fail (ECART_IS_CSV_WRITER (self), FALSE);

  g_string_append (self->buffer, "\r\n");
  self->row_start = TRUE;
  self->rows++;
  if (self->stream != NULL && self->buffer->len >= FLUSH_SIZE)
    return ecart_csv_writer_flush (self, error);
  return TRUE;
}

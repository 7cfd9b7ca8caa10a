/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-csv-reader"

#include "config.h"

#include "ecart-csv-reader.h"
#include "ecart-csv-reader-private.h"

#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <string.h>

/* A streaming RFC 4180 reader (docs/import.md says why it is not libcsv).
 *
 * Bytes are read from the stream in chunks, decoded to UTF-8 (UTF-8 with or without BOM,
 * UTF-16 LE/BE with BOM, Windows-1252), then cut into fields by a small state machine that
 * knows the line and column (in characters) of every field and of every problem. A row's
 * fields are copied, unquoted, into one buffer reused for every row: no allocation per field
 * or per row once the buffers have grown to the longest row. Memory is bounded by the
 * longest row (at most MAX_ROW_BYTES), whatever the size of the file.
 *
 * Line breaks inside quoted fields are normalised to "\n", so that the same data gives the
 * same text whatever the line endings of the file. */

#define CHUNK_SIZE     (128 * 1024)
#define MAX_ROW_BYTES  (16 * 1024 * 1024)
#define MAX_FIELDS     100000
#define SNIFF_RECORDS  50

typedef enum {
  STATE_START,      /* at the start of a field */
  STATE_UNQUOTED,   /* inside a field that did not start with a quote */
  STATE_QUOTED,     /* inside a quoted field */
  STATE_QUOTE,      /* a quote seen inside a quoted field: doubled, or the closing one */
} State;

enum {
  CLASS_TEXT = 0,
  CLASS_DELIMITER,
  CLASS_QUOTE,
  CLASS_CR,
  CLASS_LF,
};

typedef EcartCsvField Field;

struct _EcartCsvReader
{
  GObject           parent_instance;

  GInputStream     *stream;
  EcartCsvEncoding  encoding;
  char              delimiter;
  guint             encoding_guessed : 1;
  guint             delimiter_guessed : 1;
  guint             prepared : 1;
  guint             eof : 1;
  guint             skip_lf : 1;
  guint             finished : 1;

  /* SHA-256 of the bytes read, by nettle: GLib's GChecksum took a fifth of an import's
   * processor time on a large file; nettle uses the processor's SHA instructions. */
  struct sha256_ctx *checksum;
  guint64           bytes_read;

  /* Raw bytes read but not decoded yet (at most a few: an incomplete character). */
  guint8           *raw;
  gsize             raw_len;

  /* Decoded UTF-8 text not yet cut into fields. */
  char             *text;
  gsize             text_len;
  gsize             text_pos;
  gsize             text_alloc;
  GError           *decode_error;   /* raised once the text before it is consumed */

  guint8            classes[256];

  /* Where the state machine is. */
  State             state;
  guint64           line;
  guint             column;
  guint64           quote_line;
  guint             quote_column;
  gsize             record_chars;

  /* The row being read, or read last: its fields, each followed by a NUL. */
  char             *row;
  gsize             row_len;
  gsize             row_alloc;
  Field            *fields;
  guint             n_fields;
  guint             fields_alloc;
  gsize             field_offset;
  guint64           field_line;
  guint             field_column;
  guint64           row_line;
};

G_DEFINE_FINAL_TYPE (EcartCsvReader, ecart_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (ecart-csv-error-quark, ecart_csv_error)

/* Windows-1252 bytes 0x80–0x9F; the five undefined ones are kept as the C1 controls of the
 * same value (as WHATWG does), so no byte is ever lost or replaced. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

const char *
ecart_csv_encoding_to_string (EcartCsvEncoding encoding)
{
  switch (encoding)
    {
    case ECART_CSV_ENCODING_UTF8:
      return "utf-8";
    case ECART_CSV_ENCODING_UTF16LE:
      return "utf-16le";
    case ECART_CSV_ENCODING_UTF16BE:
      return "utf-16be";
    case ECART_CSV_ENCODING_WINDOWS_1252:
      return "windows-1252";
    case ECART_CSV_ENCODING_AUTO:
    default:
      return "auto";
    }
}

/**
 * ecart_csv_encoding_from_string:
 *
 * Reads an encoding name as a mapping may give it: "auto", "utf-8", "utf-16le",
 * "utf-16be", "windows-1252" (also "cp1252", "latin-1", "iso-8859-1", "utf8", "utf-16",
 * any case; Latin-1 files are read as Windows-1252, of which it is a subset for text).
 */
gboolean
ecart_csv_encoding_from_string (const char       *text,
                                EcartCsvEncoding *encoding)
{
  static const struct { const char *name; EcartCsvEncoding encoding; } names[] = {
    { "auto", ECART_CSV_ENCODING_AUTO },
    { "utf-8", ECART_CSV_ENCODING_UTF8 },
    { "utf8", ECART_CSV_ENCODING_UTF8 },
    { "utf-16le", ECART_CSV_ENCODING_UTF16LE },
    { "utf-16be", ECART_CSV_ENCODING_UTF16BE },
    { "windows-1252", ECART_CSV_ENCODING_WINDOWS_1252 },
    { "cp1252", ECART_CSV_ENCODING_WINDOWS_1252 },
    { "latin-1", ECART_CSV_ENCODING_WINDOWS_1252 },
    { "latin1", ECART_CSV_ENCODING_WINDOWS_1252 },
    { "iso-8859-1", ECART_CSV_ENCODING_WINDOWS_1252 },
  };

  g_return_val_if_fail (encoding != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

static void
ecart_csv_reader_finalize (GObject *object)
{
  EcartCsvReader *self = (EcartCsvReader *)object;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->raw, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->row, g_free);
  g_clear_pointer (&self->fields, g_free);
  g_clear_error (&self->decode_error);

  G_OBJECT_CLASS (ecart_csv_reader_parent_class)->finalize (object);
}

static void
ecart_csv_reader_class_init (EcartCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_csv_reader_finalize;
}

static void
ecart_csv_reader_init (EcartCsvReader *self)
{
  self->raw = g_malloc (CHUNK_SIZE + 8);
  self->text_alloc = CHUNK_SIZE * 3 + 16;
  self->text = g_malloc (self->text_alloc);
  self->row_alloc = 4096;
  self->row = g_malloc (self->row_alloc);
  self->fields_alloc = 64;
  self->fields = g_new (Field, self->fields_alloc);
  self->line = 1;
  self->column = 1;
}

/**
 * ecart_csv_reader_new:
 * @stream: the bytes of the file, read from where it is
 * @encoding: the file's encoding, or %ECART_CSV_ENCODING_AUTO to detect it
 * @delimiter: the field delimiter, or 0 to guess it among `, ; TAB |`
 *
 * Returns: (transfer full): a reader; rows come with ecart_csv_reader_read_row()
 */
EcartCsvReader *
ecart_csv_reader_new (GInputStream     *stream,
                      EcartCsvEncoding  encoding,
                      char              delimiter)
{
  EcartCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == 0 || (delimiter != '"' && delimiter != '\r'
                                           && delimiter != '\n'), NULL);

  self = g_object_new (ECART_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->encoding = encoding;
  self->delimiter = delimiter;
  return self;
}

/**
 * ecart_csv_reader_set_checksum:
 *
 * Computes the SHA-256 of the bytes read (before any decoding), for
 * ecart_csv_reader_dup_sha256(). Call it before the first row.
 */
void
ecart_csv_reader_set_checksum (EcartCsvReader *self,
                               gboolean        enabled)
{
  g_return_if_fail (ECART_IS_CSV_READER (self));
  g_return_if_fail (self->bytes_read == 0);

  g_clear_pointer (&self->checksum, g_free);
  if (enabled)
    {
      self->checksum = g_new0 (struct sha256_ctx, 1);
      sha256_init (self->checksum);
    }
}

/* Reading and decoding --------------------------------------------------------------------- */

static gboolean
read_raw (EcartCsvReader  *self,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n = 0;

  if (!g_input_stream_read_all (self->stream, self->raw + self->raw_len,
                                CHUNK_SIZE - self->raw_len, &n, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ECART_CSV_ERROR, ECART_CSV_ERROR_READ,
                     _("the file cannot be read (%s)"), local_error->message);
      return FALSE;
    }

  if (self->checksum != NULL && n > 0)
    sha256_update (self->checksum, n, self->raw + self->raw_len);
  self->bytes_read += n;
  self->raw_len += n;
  if (self->raw_len < CHUNK_SIZE)
    self->eof = TRUE;
  return TRUE;
}

static inline void
text_append_unichar (EcartCsvReader *self,
                     gunichar        c)
{
  self->text_len += g_unichar_to_utf8 (c, self->text + self->text_len);
}

static void
set_decode_error (EcartCsvReader *self,
                  const char     *message)
{
  if (self->decode_error == NULL)
    self->decode_error = g_error_new_literal (ECART_CSV_ERROR, ECART_CSV_ERROR_ENCODING, message);
}

/* Length of an incomplete but so far valid UTF-8 sequence at the end of @p[0..len). */
static gsize
incomplete_utf8_tail (const guint8 *p,
                      gsize         len)
{
  for (gsize back = 1; back <= 3 && back <= len; back++)
    {
      guint8 c = p[len - back];
      gsize need;

      if ((c & 0xC0) == 0x80)
        continue;
      if (c >= 0xC2 && c <= 0xDF)
        need = 2;
      else if (c >= 0xE0 && c <= 0xEF)
        need = 3;
      else if (c >= 0xF0 && c <= 0xF4)
        need = 4;
      else
        return 0;
      return need > back ? back : 0;
    }
  return 0;
}

/* The length of the run of ASCII bytes other than NUL at the start of @p, eight at a time. */
static gsize
ascii_prefix (const guint8 *p,
              gsize         len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 v;

      memcpy (&v, p + i, 8);
      /* A byte with its high bit set, or a zero byte. */
      if ((v & high) != 0 || ((v - low) & ~v & high) != 0)
        break;
    }
  while (i < len && p[i] != 0 && p[i] < 0x80)
    i++;
  return i;
}

/* Decodes what is in self->raw into self->text; keeps in raw an incomplete character. */
static void
decode (EcartCsvReader *self)
{
  gsize used = 0;

  /* Room for the worst case: 3 bytes of UTF-8 per input byte (Windows-1252 to U+20AC). */
  if (self->text_pos > 0)
    {
      memmove (self->text, self->text + self->text_pos, self->text_len - self->text_pos);
      self->text_len -= self->text_pos;
      self->text_pos = 0;
    }
  if (self->text_alloc < self->text_len + self->raw_len * 3 + 8)
    {
      self->text_alloc = self->text_len + self->raw_len * 3 + 8;
      self->text = g_realloc (self->text, self->text_alloc);
    }

  switch (self->encoding)
    {
    case ECART_CSV_ENCODING_UTF8:
    case ECART_CSV_ENCODING_AUTO:
    default:
      {
        const char *end = NULL;
        gsize ascii = ascii_prefix (self->raw, self->raw_len);

        /* Plain ASCII (without NUL) is valid UTF-8: GLib checks only from the first other
         * byte, which most files of numbers and names never have. */
        g_utf8_validate_len ((const char *)self->raw + ascii, self->raw_len - ascii, &end);
        used = (const guint8 *)end - self->raw;
        memcpy (self->text + self->text_len, self->raw, used);
        self->text_len += used;
        if (used < self->raw_len)
          {
            gsize tail = self->eof ? 0 : incomplete_utf8_tail (self->raw + used,
                                                               self->raw_len - used);

            if (tail == 0 || used + tail != self->raw_len)
              {
                g_autofree char *message = NULL;

                if (self->raw[used] == 0)
                  message = g_strdup (_("the file contains a NUL byte (is it UTF-16 without a "
                                        "byte-order mark?)"));
                else
                  message = g_strdup_printf (_("the byte 0x%02X is not valid UTF-8 (set "
                                               "encoding=windows-1252 in the mapping?)"),
                                             self->raw[used]);
                set_decode_error (self, message);
                used = self->raw_len;
              }
          }
      }
      break;

    case ECART_CSV_ENCODING_WINDOWS_1252:
      for (; used < self->raw_len; used++)
        {
          guint8 c = self->raw[used];

          if (c < 0x80 && c != 0)
            self->text[self->text_len++] = (char)c;
          else if (c == 0)
            {
              set_decode_error (self, _("the file contains a NUL byte (is it UTF-16 without a "
                                        "byte-order mark?)"));
              used = self->raw_len;
              break;
            }
          else if (c < 0xA0)
            text_append_unichar (self, cp1252_high[c - 0x80]);
          else
            text_append_unichar (self, c);
        }
      break;

    case ECART_CSV_ENCODING_UTF16LE:
    case ECART_CSV_ENCODING_UTF16BE:
      {
        gboolean le = self->encoding == ECART_CSV_ENCODING_UTF16LE;

        while (used + 2 <= self->raw_len)
          {
            const guint8 *p = self->raw + used;
            gunichar u = le ? (p[0] | (p[1] << 8)) : ((p[0] << 8) | p[1]);

            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (used + 4 > self->raw_len)
                  break;
                low = le ? (p[2] | (p[3] << 8)) : ((p[2] << 8) | p[3]);
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    set_decode_error (self, _("the text is not valid UTF-16 (a lone surrogate)"));
                    used = self->raw_len;
                    break;
                  }
                text_append_unichar (self, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                used += 4;
              }
            else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0)
              {
                set_decode_error (self, u == 0 ? _("the file contains a NUL character")
                                               : _("the text is not valid UTF-16 (a lone surrogate)"));
                used = self->raw_len;
                break;
              }
            else
              {
                text_append_unichar (self, u);
                used += 2;
              }
          }
        if (self->eof && used < self->raw_len)
          {
            set_decode_error (self, _("the file ends in the middle of a UTF-16 character"));
            used = self->raw_len;
          }
      }
      break;
    }

  memmove (self->raw, self->raw + used, self->raw_len - used);
  self->raw_len -= used;

  /* A sentinel after the text (there is room: see the allocation above): a run of plain
   * characters stops at it without testing for the end at every byte. */
  self->text[self->text_len] = '\n';
}

static int
count_in_record (const char *p,
                 const char *end,
                 char        delimiter,
                 const char **next)
{
  gboolean quoted = FALSE;
  int count = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == delimiter)
        count++;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          *next = p + 1;
          return count;
        }
    }
  *next = NULL;
  return count;
}

/* The candidate that splits the first records into the same number of fields most often,
 * then into the most fields; a comma when none splits anything. */
static char
guess_delimiter (const char *text,
                 gsize       len)
{
  const char *candidates = ECART_CSV_DELIMITERS;
  char best = ',';
  double best_score = 0;

  for (guint c = 0; candidates[c] != '\0'; c++)
    {
      int counts[SNIFF_RECORDS];
      const char *p = text;
      const char *end = text + len;
      guint n = 0;
      int mode = 0;
      guint mode_n = 0;
      double score;

      while (p != NULL && p < end && n < SNIFF_RECORDS)
        {
          const char *next = NULL;
          int count = count_in_record (p, end, candidates[c], &next);

          /* An incomplete last record counts only if it is the only one. */
          if (next != NULL || n == 0)
            {
              if (next != p + 1 || n == 0)   /* skip blank lines */
                counts[n++] = count;
            }
          p = next;
        }

      for (guint i = 0; i < n; i++)
        {
          guint same = 0;

          for (guint j = 0; j < n; j++)
            same += counts[j] == counts[i];
          if (same > mode_n || (same == mode_n && counts[i] > mode))
            {
              mode = counts[i];
              mode_n = same;
            }
        }

      if (mode == 0 || n == 0)
        continue;
      score = (double)mode_n / n * 1000.0 + MIN (mode, 999);
      if (score > best_score)
        {
          best_score = score;
          best = candidates[c];
        }
    }

  return best;
}

/**
 * ecart_csv_reader_prepare:
 *
 * Reads the first chunk of the file to find its encoding (a byte-order mark, else UTF-8 if
 * the chunk is valid UTF-8, else Windows-1252) and its delimiter. Done by the first
 * ecart_csv_reader_read_row() if not called before.
 */
gboolean
ecart_csv_reader_prepare (EcartCsvReader  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), FALSE);

  if (self->prepared)
    return TRUE;

  if (!read_raw (self, cancellable, error))
    return FALSE;
  self->prepared = TRUE;

  {
    const guint8 *p = self->raw;
    gsize bom = 0;
    EcartCsvEncoding found = ECART_CSV_ENCODING_AUTO;

    if (self->raw_len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
      found = ECART_CSV_ENCODING_UTF8, bom = 3;
    else if (self->raw_len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
      found = ECART_CSV_ENCODING_UTF16LE, bom = 2;
    else if (self->raw_len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
      found = ECART_CSV_ENCODING_UTF16BE, bom = 2;

    /* A byte-order mark is believed, even against the stated encoding: it cannot be text. */
    if (found != ECART_CSV_ENCODING_AUTO)
      {
        self->encoding_guessed = self->encoding != found;
        self->encoding = found;
        memmove (self->raw, self->raw + bom, self->raw_len - bom);
        self->raw_len -= bom;
      }
    else if (self->encoding == ECART_CSV_ENCODING_AUTO)
      {
        const char *end = NULL;
        gboolean valid = g_utf8_validate_len ((const char *)self->raw, self->raw_len, &end);
        gsize used = (const guint8 *)end - self->raw;

        if (!valid && !self->eof
            && used + incomplete_utf8_tail (self->raw + used, self->raw_len - used) == self->raw_len
            && self->raw[used] != 0)
          valid = TRUE;
        self->encoding = valid ? ECART_CSV_ENCODING_UTF8 : ECART_CSV_ENCODING_WINDOWS_1252;
        self->encoding_guessed = TRUE;
      }
  }

  decode (self);

  if (self->delimiter == 0)
    {
      self->delimiter = guess_delimiter (self->text, self->text_len);
      self->delimiter_guessed = TRUE;
    }

  memset (self->classes, CLASS_TEXT, sizeof self->classes);
  self->classes[(guint8)self->delimiter] = CLASS_DELIMITER;
  self->classes['"'] = CLASS_QUOTE;
  self->classes['\r'] = CLASS_CR;
  self->classes['\n'] = CLASS_LF;

  return TRUE;
}

/* Cutting into fields ---------------------------------------------------------------------- */

static inline guint
count_chars (const char *p,
             gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += ((guint8)p[i] & 0xC0) != 0x80;
  return n;
}

static G_GNUC_NO_INLINE gboolean row_grow (EcartCsvReader *self, gsize extra, GError **error);

/* Room for @extra more bytes and a NUL: nearly always there already. */
static inline gboolean
row_reserve (EcartCsvReader  *self,
             gsize            extra,
             GError         **error)
{
  return G_LIKELY (self->row_len + extra + 1 <= self->row_alloc) || row_grow (self, extra, error);
}

static gboolean
row_grow (EcartCsvReader  *self,
          gsize            extra,
          GError         **error)
{
  if (self->row_len + extra + 1 > MAX_ROW_BYTES)
    {
      g_set_error (error, ECART_CSV_ERROR, ECART_CSV_ERROR_TOO_LONG,
                   _("line %llu: the row is longer than %d MB "
                     "(is the delimiter or the encoding wrong?)"),
                   (unsigned long long)self->row_line, MAX_ROW_BYTES / (1024 * 1024));
      return FALSE;
    }
  while (self->row_len + extra + 1 > self->row_alloc)
    self->row_alloc *= 2;
  self->row = g_realloc (self->row, self->row_alloc);
  return TRUE;
}

static inline gboolean
row_append (EcartCsvReader  *self,
            const char      *p,
            gsize            len,
            GError         **error)
{
  if (!row_reserve (self, len, error))
    return FALSE;
  memcpy (self->row + self->row_len, p, len);
  self->row_len += len;
  return TRUE;
}

static void
start_row (EcartCsvReader *self)
{
  self->row_len = 0;
  self->n_fields = 0;
  self->field_offset = 0;
  self->record_chars = 0;
  self->row_line = self->line;
  self->field_line = self->line;
  self->field_column = self->column;
}

static inline gboolean
end_field (EcartCsvReader  *self,
           GError         **error)
{
  Field *field;

  if (G_UNLIKELY (self->n_fields >= MAX_FIELDS))
    {
      g_set_error (error, ECART_CSV_ERROR, ECART_CSV_ERROR_TOO_LONG,
                   _("line %llu: the row has more than %d fields"),
                   (unsigned long long)self->row_line, MAX_FIELDS);
      return FALSE;
    }
  if (!row_reserve (self, 0, error))
    return FALSE;

  if (G_UNLIKELY (self->n_fields == self->fields_alloc))
    {
      self->fields_alloc *= 2;
      self->fields = g_renew (Field, self->fields, self->fields_alloc);
    }
  field = &self->fields[self->n_fields++];
  field->offset = self->field_offset;
  field->length = self->row_len - self->field_offset;
  field->line = self->field_line;
  field->column = self->field_column;
  self->row[self->row_len++] = '\0';
  self->field_offset = self->row_len;
  return TRUE;
}

static void
set_position_error (EcartCsvReader  *self,
                    GError         **error,
                    int              code,
                    guint64          line,
                    guint            column,
                    const char      *reason)
{
  g_set_error (error, ECART_CSV_ERROR, code,
               _("line %llu, column %u: %s"),
               (unsigned long long)line, column, reason);
}

/**
 * ecart_csv_reader_read_row:
 *
 * Reads the next row. Blank lines are skipped. A quote that is never closed, a quote in
 * the middle of a field that did not start with one, or text after a closing quote is an
 * error naming its line and column; so is text that is not valid in the file's encoding.
 *
 * Returns: %ECART_CSV_READ_ROW, %ECART_CSV_READ_END, or %ECART_CSV_READ_ERROR with @error set
 */
EcartCsvRead
ecart_csv_reader_read_row (EcartCsvReader  *self,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), ECART_CSV_READ_ERROR);

  if (!self->prepared && !ecart_csv_reader_prepare (self, cancellable, error))
    return ECART_CSV_READ_ERROR;
  if (self->finished)
    return ECART_CSV_READ_END;

  start_row (self);

  for (;;)
    {
      const guint8 *classes = self->classes;
      const char *text = self->text;
      gsize pos = self->text_pos;
      gsize len = self->text_len;

      while (pos < len)
        {
          guint8 c = (guint8)text[pos];
          guint8 k = classes[c];

          if (self->skip_lf)
            {
              self->skip_lf = FALSE;
              if (c == '\n')
                {
                  pos++;
                  continue;
                }
            }

          switch (self->state)
            {
            case STATE_START:
              if (k == CLASS_QUOTE)
                {
                  self->quote_line = self->line;
                  self->quote_column = self->column;
                  self->state = STATE_QUOTED;
                  self->column++;
                  self->record_chars++;
                  pos++;
                  break;
                }
              self->state = STATE_UNQUOTED;
              G_GNUC_FALLTHROUGH;

            case STATE_UNQUOTED:
              if (k == CLASS_TEXT)
                {
                  gsize start = pos;
                  gsize continuations = 0;
                  guint8 bytes = 0;

                  /* Up to the sentinel at text[len] at the latest. */
                  while (classes[(guint8)text[pos]] == CLASS_TEXT)
                    bytes |= (guint8)text[pos++];
                  if (pos > len)
                    pos = len;
                  if (!row_append (self, text + start, pos - start, error))
                    goto failed;
                  /* Columns count characters: the bytes that do not continue one (only a
                   * run with a byte above ASCII can have some). */
                  if (bytes & 0x80)
                    for (gsize i = start; i < pos; i++)
                      continuations += ((guint8)text[i] & 0xC0) == 0x80;
                  self->column += pos - start - continuations;
                  self->record_chars += pos - start;
                  break;
                }
              if (k == CLASS_QUOTE)
                {
                  self->text_pos = pos;
                  set_position_error (self, error, ECART_CSV_ERROR_BAD_QUOTE, self->line,
                                      self->column,
                                      _("a quote inside a field that does not start with one "
                                        "(quote the whole field and double the quote)"));
                  goto failed;
                }
              goto separator;

            case STATE_QUOTED:
              if (k == CLASS_QUOTE)
                {
                  self->state = STATE_QUOTE;
                  self->column++;
                  pos++;
                }
              else if (c == '\r' || c == '\n')
                {
                  if (!row_append (self, "\n", 1, error))
                    goto failed;
                  self->line++;
                  self->column = 1;
                  self->skip_lf = c == '\r';
                  pos++;
                }
              else
                {
                  gsize start = pos;

                  while (pos < len && text[pos] != '"' && text[pos] != '\r' && text[pos] != '\n')
                    pos++;
                  if (!row_append (self, text + start, pos - start, error))
                    goto failed;
                  self->column += count_chars (text + start, pos - start);
                }
              self->record_chars++;
              break;

            case STATE_QUOTE:
              if (k == CLASS_QUOTE)
                {
                  if (!row_append (self, "\"", 1, error))
                    goto failed;
                  self->state = STATE_QUOTED;
                  self->column++;
                  pos++;
                  break;
                }
              if (k == CLASS_TEXT)
                {
                  self->text_pos = pos;
                  set_position_error (self, error, ECART_CSV_ERROR_BAD_QUOTE, self->line,
                                      self->column,
                                      _("text after the closing quote of a field (a quote "
                                        "inside a quoted field must be doubled)"));
                  goto failed;
                }
              goto separator;

            separator:
              if (k == CLASS_DELIMITER)
                {
                  if (!end_field (self, error))
                    goto failed;
                  self->state = STATE_START;
                  self->column++;
                  self->record_chars++;
                  pos++;
                  self->field_line = self->line;
                  self->field_column = self->column;
                  break;
                }
              /* CR or LF: the end of the record. */
              pos++;
              self->line++;
              self->column = 1;
              self->skip_lf = c == '\r';
              self->state = STATE_START;
              if (self->record_chars == 0)
                {
                  /* A blank line. */
                  start_row (self);
                  break;
                }
              if (!end_field (self, error))
                goto failed;
              self->text_pos = pos;
              return ECART_CSV_READ_ROW;

            default:
              g_assert_not_reached ();
            }
        }
      self->text_pos = pos;

      if (self->decode_error != NULL)
        {
          set_position_error (self, error, self->decode_error->code, self->line, self->column,
                              self->decode_error->message);
          goto failed;
        }

      if (self->eof && self->raw_len == 0)
        break;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || (!self->eof && !read_raw (self, cancellable, error)))
        goto failed;
      decode (self);
    }

  /* The end of the file. */
  self->finished = TRUE;
  if (self->state == STATE_QUOTED)
    {
      set_position_error (self, error, ECART_CSV_ERROR_UNTERMINATED_QUOTE, self->quote_line,
                          self->quote_column, _("the quote that opens this field is never closed"));
      return ECART_CSV_READ_ERROR;
    }
  self->state = STATE_START;
  if (self->record_chars == 0)
    return ECART_CSV_READ_END;
  if (!end_field (self, error))
    return ECART_CSV_READ_ERROR;
  return ECART_CSV_READ_ROW;

failed:
  self->finished = TRUE;
  self->n_fields = 0;
  return ECART_CSV_READ_ERROR;
}

guint
ecart_csv_reader_get_n_fields (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), 0);
  return self->n_fields;
}

const char *
_ecart_csv_reader_peek_row (EcartCsvReader       *self,
                            const EcartCsvField **fields,
                            guint                *n_fields)
{
  *fields = self->fields;
  *n_fields = self->n_fields;
  return self->row;
}

/**
 * ecart_csv_reader_get_field:
 * @length: (out) (optional): its length in bytes
 *
 * Returns: the field @index of the last row read, as UTF-8 text (valid until the next row)
 */
const char *
ecart_csv_reader_get_field (EcartCsvReader *self,
                            guint           index,
                            gsize          *length)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  if (length != NULL)
    *length = self->fields[index].length;
  return self->row + self->fields[index].offset;
}

/* The line (1-based) where the last row read starts. */
guint64
ecart_csv_reader_get_line (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), 0);
  return self->row_line;
}

guint64
ecart_csv_reader_get_field_line (EcartCsvReader *self,
                                 guint           index)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), 0);
  g_return_val_if_fail (index < self->n_fields, 0);
  return self->fields[index].line;
}

/* The column, in characters from 1, where field @index starts (its quote, if quoted). */
guint
ecart_csv_reader_get_field_column (EcartCsvReader *self,
                                   guint           index)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), 0);
  g_return_val_if_fail (index < self->n_fields, 0);
  return self->fields[index].column;
}

EcartCsvEncoding
ecart_csv_reader_get_encoding (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), ECART_CSV_ENCODING_AUTO);
  return self->encoding;
}

/* Whether the encoding was found by the reader (a byte-order mark, or the guess). */
gboolean
ecart_csv_reader_get_encoding_guessed (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), FALSE);
  return self->encoding_guessed;
}

char
ecart_csv_reader_get_delimiter (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), ',');
  return self->delimiter != 0 ? self->delimiter : ',';
}

gboolean
ecart_csv_reader_get_delimiter_guessed (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), FALSE);
  return self->delimiter_guessed;
}

guint64
ecart_csv_reader_get_bytes_read (EcartCsvReader *self)
{
  g_return_val_if_fail (ECART_IS_CSV_READER (self), 0);
  return self->bytes_read;
}

/**
 * ecart_csv_reader_dup_sha256:
 *
 * Returns: (transfer full) (nullable): the SHA-256 (hex) of the bytes read so far, if
 *   ecart_csv_reader_set_checksum() was called
 */
char *
ecart_csv_reader_dup_sha256 (EcartCsvReader *self)
{
  struct sha256_ctx copy;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex;

  g_return_val_if_fail (ECART_IS_CSV_READER (self), NULL);

  if (self->checksum == NULL)
    return NULL;
  /* sha256_digest() starts the context again: the reader's own goes on. */
  copy = *self->checksum;
  sha256_digest (&copy, sizeof digest, digest);
  hex = g_malloc (2 * sizeof digest + 1);
  for (gsize i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 0xF];
    }
  hex[2 * sizeof digest] = '\0';
  return hex;
}

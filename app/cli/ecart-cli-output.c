/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ecart-cli-private.h"

/* Writing results: aligned tables for a terminal (by display width: names have accents,
 * and may have wide characters) and JSON. CSV is the core's EcartCsvWriter, which the
 * exports share. */

/* Columns a terminal gives @text: combining marks take none, wide (East Asian)
 * characters two. */
int
ecart_cli_display_width (const char *text)
{
  int width = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text != NULL ? (int)strlen (text) : 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

struct _EcartCliTable
{
  guint      n_columns;
  char      *alignments;  /* 'l' or 'r' per column */
  GPtrArray *rows;        /* GStrv, or NULL for a blank line */
};

/**
 * ecart_cli_table_new:
 * @alignments: one letter per column: l (left) or r (right)
 */
EcartCliTable *
ecart_cli_table_new (const char *alignments)
{
  EcartCliTable *table = g_new0 (EcartCliTable, 1);

  table->n_columns = strlen (alignments);
  table->alignments = g_strdup (alignments);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return table;
}

void
ecart_cli_table_free (EcartCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->alignments);
  g_free (table);
}

/* Adds a row of at most n_columns cells (NULL-terminated), taking them. */
void
ecart_cli_table_take_row (EcartCliTable  *table,
                          char          **cells)
{
  g_ptr_array_add (table->rows, cells);
}

void
ecart_cli_table_add_row (EcartCliTable *table,
                         const char    *first,
                         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  va_end (args);
  ecart_cli_table_take_row (table, g_strv_builder_end (builder));
}

void
ecart_cli_table_print (EcartCliTable *table,
                       FILE          *stream)
{
  g_autofree int *widths = g_new0 (int, MAX (table->n_columns, 1));

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      for (guint c = 0; cells != NULL && cells[c] != NULL && c < table->n_columns; c++)
        widths[c] = MAX (widths[c], ecart_cli_display_width (cells[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; cells != NULL && cells[c] != NULL && c < table->n_columns; c++)
        {
          int pad = widths[c] - ecart_cli_display_width (cells[c]);

          if (c > 0)
            g_string_append (line, "  ");
          if (table->alignments[c] == 'r')
            g_string_append_printf (line, "%*s%s", pad, "", cells[c]);
          else
            g_string_append_printf (line, "%s%*s", cells[c], pad, "");
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      fprintf (stream, "%s\n", line->str);
    }
}

/* JSON, written as it goes: a stack says whether a comma is due. */
struct _EcartCliJson
{
  GString *out;
  GArray  *first;  /* gboolean per open container: nothing written in it yet */
  gboolean after_key;
};

EcartCliJson *
ecart_cli_json_new (void)
{
  EcartCliJson *json = g_new0 (EcartCliJson, 1);

  json->out = g_string_new (NULL);
  json->first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return json;
}

void
ecart_cli_json_free (EcartCliJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->out, TRUE);
  g_array_unref (json->first);
  g_free (json);
}

const char *
ecart_cli_json_get_text (EcartCliJson *json)
{
  return json->out->str;
}

static void
json_indent (EcartCliJson *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->first->len; i++)
    g_string_append (json->out, "  ");
}

/* Before a value or a key: the comma and the new line it needs. */
static void
json_next (EcartCliJson *json)
{
  gboolean *first;

  if (json->after_key)
    {
      json->after_key = FALSE;
      return;
    }
  if (json->first->len == 0)
    return;
  first = &g_array_index (json->first, gboolean, json->first->len - 1);
  if (!*first)
    g_string_append_c (json->out, ',');
  *first = FALSE;
  json_indent (json);
}

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char)*p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_open (EcartCliJson *json,
           char          bracket)
{
  gboolean first = TRUE;

  json_next (json);
  g_string_append_c (json->out, bracket);
  g_array_append_val (json->first, first);
}

static void
json_close (EcartCliJson *json,
            char          bracket)
{
  gboolean empty = g_array_index (json->first, gboolean, json->first->len - 1);

  g_array_set_size (json->first, json->first->len - 1);
  if (!empty)
    json_indent (json);
  g_string_append_c (json->out, bracket);
  if (json->first->len == 0)
    g_string_append_c (json->out, '\n');
}

void
ecart_cli_json_begin_object (EcartCliJson *json)
{
  json_open (json, '{');
}

void
ecart_cli_json_end_object (EcartCliJson *json)
{
  json_close (json, '}');
}

void
ecart_cli_json_begin_array (EcartCliJson *json)
{
  json_open (json, '[');
}

void
ecart_cli_json_end_array (EcartCliJson *json)
{
  json_close (json, ']');
}

void
ecart_cli_json_key (EcartCliJson *json,
                    const char   *key)
{
  json_next (json);
  json_string (json->out, key);
  g_string_append (json->out, ": ");
  json->after_key = TRUE;
}

/* Invalid UTF-8 (never in a workspace, whose text is checked) is written as null. */
void
ecart_cli_json_string (EcartCliJson *json,
                       const char   *text)
{
  json_next (json);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    g_string_append (json->out, "null");
  else
    json_string (json->out, text);
}

void
ecart_cli_json_number (EcartCliJson *json,
                       double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  json_next (json);
  if (isfinite (value))
    g_string_append (json->out, g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
  else
    g_string_append (json->out, "null");
}

void
ecart_cli_json_int (EcartCliJson *json,
                    gint64        value)
{
  json_next (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

void
ecart_cli_json_boolean (EcartCliJson *json,
                        gboolean      value)
{
  json_next (json);
  g_string_append (json->out, value ? "true" : "false");
}

void
ecart_cli_json_null (EcartCliJson *json)
{
  json_next (json);
  g_string_append (json->out, "null");
}

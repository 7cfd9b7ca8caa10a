/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-import-mapping"

#include "config.h"

#include "ecart-import-mapping.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* How the columns of a CSV file become respondents and measurements (DESIGN.md §3,
 * docs/import.md). The text is the key file syntax of GKeyFile, read by a small parser of
 * our own because GKeyFile cannot hold the keys of [columns]: survey tools name columns
 * "G01Q01[SQ001]" (GKeyFile takes "[SQ001]" for a locale) or with a whole question that may
 * contain "=". Here a key is everything before the first "=", or a quoted string
 * ("How was it? (1 = bad)"=lived:Welcome); a ";" after a space starts a comment. */

typedef struct
{
  char           *column;
  EcartDimension  dimension;
  char           *attribute;
  char           *touchpoint;
} Column;

struct _EcartImportMapping
{
  GObject            parent_instance;

  EcartImportLayout  layout;
  guint              header_rows;
  char               delimiter;
  EcartCsvEncoding   encoding;
  char               decimal;
  double             scale_min;
  double             scale_max;
  GHashTable        *keys;            /* other [mapping] keys → value */
  GPtrArray         *segment_values;  /* value, segment, value, segment… */
  GPtrArray         *columns;         /* Column */
};

G_DEFINE_FINAL_TYPE (EcartImportMapping, ecart_import_mapping, G_TYPE_OBJECT)

G_DEFINE_QUARK (ecart-import-error-quark, ecart_import_error)

/* The keys of [mapping] that name a column (or, with "@", give a fixed value), in the order
 * they are written. */
static const char * const column_keys[] = {
  "respondent", "date", "segment", "nps", "verbatim", "attribute", "touchpoint", "dimension",
  "score",
};

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->column);
  g_free (column->attribute);
  g_free (column->touchpoint);
  g_free (column);
}

static void
ecart_import_mapping_finalize (GObject *object)
{
  EcartImportMapping *self = (EcartImportMapping *)object;

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->segment_values, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (ecart_import_mapping_parent_class)->finalize (object);
}

static void
ecart_import_mapping_class_init (EcartImportMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_import_mapping_finalize;
}

static void
ecart_import_mapping_init (EcartImportMapping *self)
{
  self->header_rows = 1;
  self->scale_min = NAN;
  self->scale_max = NAN;
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->segment_values = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_ptr_array_new_with_free_func (column_free);
}

EcartImportMapping *
ecart_import_mapping_new (EcartImportLayout layout)
{
  EcartImportMapping *self = g_object_new (ECART_TYPE_IMPORT_MAPPING, NULL);

  self->layout = layout;
  return self;
}

static gboolean
mapping_error (GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (2, 3);

static gboolean
mapping_error (GError     **error,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
parse_scale (const char *text,
             double     *min,
             double     *max)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *dots = strstr (copy, "..");
  char *end = NULL;

  if (dots == NULL)
    return FALSE;
  *dots = '\0';
  g_strstrip (copy);
  if (copy[0] == '\0')
    return FALSE;
  *min = g_ascii_strtod (copy, &end);
  if (*end != '\0')
    return FALSE;
  g_strstrip (dots + 2);
  if (dots[2] == '\0')
    return FALSE;
  *max = g_ascii_strtod (dots + 2, &end);
  if (*end != '\0')
    return FALSE;
  return isfinite (*min) && isfinite (*max) && *max > *min;
}

static gboolean
is_column_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_keys); i++)
    if (g_str_equal (key, column_keys[i]))
      return TRUE;
  return FALSE;
}

/**
 * ecart_import_mapping_set:
 * @key: a key of the [mapping] group (`layout`, `header-rows`, `delimiter`, `encoding`,
 *   `decimal`, `scale`, `wave`, or one naming a column: `respondent`, `date`, `segment`,
 *   `nps`, `verbatim`, `attribute`, `touchpoint`, `dimension`, `score`)
 * @value: (nullable): its value as the mapping text would give it; %NULL or empty removes
 *   a column key
 *
 * Returns: %TRUE, or %FALSE with @error naming the key when the key or the value is invalid
 */
gboolean
ecart_import_mapping_set (EcartImportMapping  *self,
                          const char          *key,
                          const char          *value,
                          GError             **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return mapping_error (error, _("The value of “%s” is not valid UTF-8 text"), key);
  clean = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_str_equal (key, "layout"))
    {
      if (g_ascii_strcasecmp (clean, "wide") == 0)
        self->layout = ECART_IMPORT_LAYOUT_WIDE;
      else if (g_ascii_strcasecmp (clean, "long") == 0)
        self->layout = ECART_IMPORT_LAYOUT_LONG;
      else
        return mapping_error (error, _("The layout “%s” is unknown: use wide or long"), clean);
    }
  else if (g_str_equal (key, "header-rows"))
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (clean, 10, 0, 100, &n, NULL))
        return mapping_error (error, _("header-rows must be a number of rows from 0 to 100, "
                                       "not “%s”"), clean);
      self->header_rows = (guint)n;
    }
  else if (g_str_equal (key, "delimiter"))
    {
      if (clean[0] == '\0' || g_ascii_strcasecmp (clean, "auto") == 0)
        self->delimiter = 0;
      else if (g_ascii_strcasecmp (clean, "tab") == 0 || g_str_equal (clean, "\\t"))
        self->delimiter = '\t';
      else if (strlen (clean) == 1 && strchr (ECART_CSV_DELIMITERS, clean[0]) != NULL)
        self->delimiter = clean[0];
      else if (value != NULL && g_str_equal (value, "\t"))
        self->delimiter = '\t';
      else
        return mapping_error (error, _("The delimiter “%s” is not one of , ; | tab (or auto)"),
                              clean);
    }
  else if (g_str_equal (key, "encoding"))
    {
      EcartCsvEncoding encoding;

      if (clean[0] == '\0')
        encoding = ECART_CSV_ENCODING_AUTO;
      else if (!ecart_csv_encoding_from_string (clean, &encoding))
        return mapping_error (error, _("The encoding “%s” is unknown: use auto, utf-8, "
                                       "utf-16le, utf-16be or windows-1252"), clean);
      self->encoding = encoding;
    }
  else if (g_str_equal (key, "decimal"))
    {
      if (clean[0] == '\0' || g_ascii_strcasecmp (clean, "auto") == 0)
        self->decimal = 0;
      else if (g_str_equal (clean, ".") || g_str_equal (clean, ","))
        self->decimal = clean[0];
      else
        return mapping_error (error, _("The decimal separator “%s” is not . or , (or auto)"),
                              clean);
    }
  else if (g_str_equal (key, "scale"))
    {
      double min;
      double max;

      if (!parse_scale (clean, &min, &max))
        return mapping_error (error, _("The scale “%s” is invalid: write MIN..MAX with MIN "
                                       "below MAX, such as 1..5 or 0..10"), clean);
      self->scale_min = min;
      self->scale_max = max;
    }
  else if (g_str_equal (key, "wave"))
    {
      if (strpbrk (clean, "\r\n\t") != NULL)
        return mapping_error (error, _("The wave name cannot contain line breaks or tabs"));
      if (clean[0] == '\0')
        g_hash_table_remove (self->keys, key);
      else
        g_hash_table_insert (self->keys, g_strdup (key), g_steal_pointer (&clean));
    }
  else if (is_column_key (key))
    {
      if (clean[0] == '@' && (g_str_equal (key, "respondent") || g_str_equal (key, "date")
                              || g_str_equal (key, "nps") || g_str_equal (key, "score")
                              || g_str_equal (key, "verbatim")))
        return mapping_error (error, _("“%s” must name a column, not a fixed value (%s)"),
                              key, clean);
      if (g_str_equal (clean, "@"))
        return mapping_error (error, _("“%s=@” needs a name after the @"), key);
      if (clean[0] == '\0')
        g_hash_table_remove (self->keys, key);
      else
        g_hash_table_insert (self->keys, g_strdup (key), g_steal_pointer (&clean));
    }
  else
    return mapping_error (error, _("The key “%s” of [mapping] is unknown"), key);

  return TRUE;
}

/**
 * ecart_import_mapping_get:
 *
 * Returns: (nullable): the value of a [mapping] key that names a column or the wave, as
 *   written (a column name, "#3", or "@Fixed value")
 */
const char *
ecart_import_mapping_get (EcartImportMapping *self,
                          const char         *key)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->keys, key);
}

EcartImportLayout
ecart_import_mapping_get_layout (EcartImportMapping *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), ECART_IMPORT_LAYOUT_WIDE);
  return self->layout;
}

guint
ecart_import_mapping_get_header_rows (EcartImportMapping *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), 1);
  return self->header_rows;
}

/* Returns: the delimiter, or 0 to guess it. */
char
ecart_import_mapping_get_delimiter (EcartImportMapping *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), 0);
  return self->delimiter;
}

EcartCsvEncoding
ecart_import_mapping_get_encoding (EcartImportMapping *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), ECART_CSV_ENCODING_AUTO);
  return self->encoding;
}

/* Returns: '.', ',', or 0 to detect it. */
char
ecart_import_mapping_get_decimal (EcartImportMapping *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), 0);
  return self->decimal;
}

gboolean
ecart_import_mapping_get_scale (EcartImportMapping *self,
                                double             *min,
                                double             *max)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), FALSE);

  if (min != NULL)
    *min = self->scale_min;
  if (max != NULL)
    *max = self->scale_max;
  return !isnan (self->scale_min);
}

/**
 * ecart_import_mapping_dup_verbatims:
 *
 * Returns: (transfer full): the columns of free text (`verbatim=A;B`), maybe none
 */
GStrv
ecart_import_mapping_dup_verbatims (EcartImportMapping *self)
{
  const char *value;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);

  value = g_hash_table_lookup (self->keys, "verbatim");
  if (value != NULL)
    {
      parts = g_strsplit (value, ";", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * ecart_import_mapping_set_segment_value:
 * @segment: (nullable): the segment's name, or %NULL to forget @value
 *
 * Says that @value, in the segment column of the file, means the segment @segment.
 */
void
ecart_import_mapping_set_segment_value (EcartImportMapping *self,
                                        const char         *value,
                                        const char         *segment)
{
  g_autofree char *clean_value = NULL;

  g_return_if_fail (ECART_IS_IMPORT_MAPPING (self));
  g_return_if_fail (value != NULL);

  clean_value = g_strstrip (g_strdup (value));
  for (guint i = 0; i < self->segment_values->len; i += 2)
    if (g_str_equal (self->segment_values->pdata[i], clean_value))
      {
        g_ptr_array_remove_range (self->segment_values, i, 2);
        break;
      }
  if (segment != NULL)
    {
      g_ptr_array_add (self->segment_values, g_steal_pointer (&clean_value));
      g_ptr_array_add (self->segment_values, g_strstrip (g_strdup (segment)));
    }
}

/* Returns: (nullable): the segment name @value of the file stands for, if mapped. */
const char *
ecart_import_mapping_lookup_segment_value (EcartImportMapping *self,
                                           const char         *value)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);

  for (guint i = 0; value != NULL && i < self->segment_values->len; i += 2)
    if (g_str_equal (self->segment_values->pdata[i], value))
      return self->segment_values->pdata[i + 1];
  return NULL;
}

/**
 * ecart_import_mapping_dup_segment_values:
 *
 * Returns: (transfer full): value, segment, value, segment…
 */
GStrv
ecart_import_mapping_dup_segment_values (EcartImportMapping *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);

  for (guint i = 0; i < self->segment_values->len; i++)
    g_strv_builder_add (builder, self->segment_values->pdata[i]);
  return g_strv_builder_end (builder);
}

static gboolean
check_attribute_name (const char  *name,
                      const char  *column,
                      GError     **error)
{
  if (name == NULL || name[0] == '\0')
    return mapping_error (error, _("The column “%s” of [columns] names no attribute"), column);
  if (strpbrk (name, "\r\n\t") != NULL)
    return mapping_error (error,
                          _("The column “%s” of [columns] names an attribute with a line break"),
                          column);
  return TRUE;
}

static gboolean
check_touchpoint_name (const char  *name,
                       const char  *column,
                       GError     **error)
{
  if (strpbrk (name, "\r\n\t") != NULL)
    return mapping_error (error,
                          _("The column “%s” of [columns] names a touchpoint with a line break"),
                          column);
  return TRUE;
}

/**
 * ecart_import_mapping_set_column:
 * @column: the column's header text, or "#N" (1-based)
 * @dimension: %ECART_DIMENSION_EXPECTED or %ECART_DIMENSION_LIVED
 * @attribute: the attribute measured
 * @touchpoint: (nullable): where, if anywhere
 *
 * Maps a question column of a wide file (replacing what it mapped before).
 */
gboolean
ecart_import_mapping_set_column (EcartImportMapping  *self,
                                 const char          *column,
                                 EcartDimension       dimension,
                                 const char          *attribute,
                                 const char          *touchpoint,
                                 GError             **error)
{
  g_autofree char *clean_column = NULL;
  g_autofree char *clean_attribute = NULL;
  g_autofree char *clean_touchpoint = NULL;
  Column *entry;

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  clean_column = g_strstrip (g_strdup (column));
  if (clean_column[0] == '\0' || !g_utf8_validate (clean_column, -1, NULL))
    return mapping_error (error, _("A column of [columns] has no name"));
  if (dimension != ECART_DIMENSION_EXPECTED && dimension != ECART_DIMENSION_LIVED)
    {
      if (dimension == ECART_DIMENSION_DESIRED)
        return mapping_error (error, _("The column “%s” of [columns] maps to the desired "
                                       "experience: only the expected and the lived experience "
                                       "are measured"),
                              clean_column);
      if (dimension == ECART_DIMENSION_PROPOSED)
        return mapping_error (error, _("The column “%s” of [columns] maps to the proposed "
                                       "experience: only the expected and the lived experience "
                                       "are measured"),
                              clean_column);
      return mapping_error (error, _("The column “%s” of [columns] maps to no dimension: only "
                                     "the expected and the lived experience are measured"),
                            clean_column);
    }
  clean_attribute = attribute != NULL ? g_strstrip (g_strdup (attribute)) : NULL;
  clean_touchpoint = touchpoint != NULL ? g_strstrip (g_strdup (touchpoint)) : NULL;
  if ((clean_attribute != NULL && !g_utf8_validate (clean_attribute, -1, NULL))
      || (clean_touchpoint != NULL && !g_utf8_validate (clean_touchpoint, -1, NULL)))
    return mapping_error (error, _("The column “%s” of [columns] is not valid UTF-8 text"),
                          clean_column);
  if (!check_attribute_name (clean_attribute, clean_column, error))
    return FALSE;
  if (clean_touchpoint != NULL && clean_touchpoint[0] == '\0')
    g_clear_pointer (&clean_touchpoint, g_free);
  if (clean_touchpoint != NULL && !check_touchpoint_name (clean_touchpoint, clean_column, error))
    return FALSE;

  ecart_import_mapping_remove_column (self, clean_column);
  entry = g_new0 (Column, 1);
  entry->column = g_steal_pointer (&clean_column);
  entry->dimension = dimension;
  entry->attribute = g_steal_pointer (&clean_attribute);
  entry->touchpoint = g_steal_pointer (&clean_touchpoint);
  g_ptr_array_add (self->columns, entry);
  return TRUE;
}

gboolean
ecart_import_mapping_remove_column (EcartImportMapping *self,
                                    const char         *column)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_str_equal (((Column *)self->columns->pdata[i])->column, column))
      {
        g_ptr_array_remove_index (self->columns, i);
        return TRUE;
      }
  return FALSE;
}

guint
ecart_import_mapping_get_n_columns (EcartImportMapping *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), 0);
  return self->columns->len;
}

/**
 * ecart_import_mapping_get_column:
 * @dimension: (out) (optional):
 * @attribute: (out) (optional) (transfer none):
 * @touchpoint: (out) (optional) (transfer none) (nullable):
 *
 * Returns: the column name (or "#N") of the question column @index, in mapping order
 */
const char *
ecart_import_mapping_get_column (EcartImportMapping  *self,
                                 guint                index,
                                 EcartDimension      *dimension,
                                 const char         **attribute,
                                 const char         **touchpoint)
{
  Column *column;

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  column = self->columns->pdata[index];
  if (dimension != NULL)
    *dimension = column->dimension;
  if (attribute != NULL)
    *attribute = column->attribute;
  if (touchpoint != NULL)
    *touchpoint = column->touchpoint;
  return column->column;
}

static gboolean
parse_target (EcartImportMapping  *self,
              const char          *column,
              const char          *target,
              GError             **error)
{
  g_autofree char *copy = g_strdup (target);
  EcartDimension dimension;
  char *colon = strchr (copy, ':');
  char *at;

  if (colon == NULL)
    return mapping_error (error, _("The column “%s” of [columns] must map to "
                                   "dimension:attribute or dimension:attribute@touchpoint, "
                                   "not “%s”"), column, target);
  *colon = '\0';
  if (!ecart_dimension_from_string (copy, &dimension))
    return mapping_error (error, _("The column “%s” of [columns] names an unknown dimension "
                                   "“%s”: use expected or lived (attendue, vécue)"),
                          column, g_strstrip (copy));
  at = strrchr (colon + 1, '@');
  if (at != NULL)
    *at = '\0';
  if (at != NULL && g_strstrip (at + 1)[0] == '\0')
    return mapping_error (error, _("The column “%s” of [columns] has an empty touchpoint after @"),
                          column);
  return ecart_import_mapping_set_column (self, column, dimension, colon + 1,
                                          at != NULL ? at + 1 : NULL, error);
}

/* Parsing the text ------------------------------------------------------------------------- */

/* Removes a comment: a ";" that follows a space or a tab. */
static void
strip_comment (char *value)
{
  for (char *p = value; *p != '\0'; p++)
    if (*p == ';' && p > value && (p[-1] == ' ' || p[-1] == '\t'))
      {
        *p = '\0';
        break;
      }
  g_strstrip (value);
}

/* "#3=lived:Welcome" names the third column; any other line starting with # is a comment. */
static gboolean
is_column_number_key (const char *line)
{
  const char *p = line + 1;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '=';
}

/* Splits "key=value" or "\"key\"=value"; returns FALSE when there is no "=". */
static gboolean
split_line (char  *line,
            char **key,
            char **value)
{
  if (line[0] == '"')
    {
      char *out = line;
      char *p = line + 1;

      for (;;)
        {
          if (*p == '\0')
            return FALSE;
          if (*p == '"' && p[1] == '"')
            {
              *out++ = '"';
              p += 2;
            }
          else if (*p == '"')
            break;
          else
            *out++ = *p++;
        }
      *out = '\0';
      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != '=')
        return FALSE;
      *key = line;
      *value = p + 1;
    }
  else
    {
      char *equal = strchr (line, '=');

      if (equal == NULL)
        return FALSE;
      *equal = '\0';
      *key = g_strstrip (line);
      *value = equal + 1;
    }
  strip_comment (*value);
  return TRUE;
}

/**
 * ecart_import_mapping_new_from_data:
 *
 * Reads a mapping in the format of docs/import.md and checks it (see
 * ecart_import_mapping_validate()).
 *
 * Returns: (transfer full): the mapping, or %NULL with @error naming the line, key or column
 */
EcartImportMapping *
ecart_import_mapping_new_from_data (const char  *text,
                                    GError     **error)
{
  g_autoptr(EcartImportMapping) self = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  const char *group = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      mapping_error (error, _("The mapping is not valid UTF-8 text"));
      return NULL;
    }
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;

  self = ecart_import_mapping_new (ECART_IMPORT_LAYOUT_WIDE);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *key = NULL;
      char *value = NULL;
      g_autofree char *seen_key = NULL;

      if (line[0] == '\0' || line[0] == ';' || (line[0] == '#' && !is_column_number_key (line)))
        continue;

      if (line[0] == '[')
        {
          char *end = strrchr (line, ']');

          if (end == NULL || end[1] != '\0')
            {
              mapping_error (error, _("Line %u of the mapping is not a [group] line"), i + 1);
              return NULL;
            }
          *end = '\0';
          group = g_strstrip (line + 1);
          if (!g_str_equal (group, "mapping") && !g_str_equal (group, "segment-values")
              && !g_str_equal (group, "columns"))
            {
              mapping_error (error, _("The group [%s] of the mapping is unknown (use [mapping], "
                                      "[segment-values] and [columns])"), group);
              return NULL;
            }
          if (!g_hash_table_add (seen, g_strdup_printf ("[%s]", group)))
            {
              mapping_error (error, _("The group [%s] appears twice in the mapping"), group);
              return NULL;
            }
          continue;
        }

      if (group == NULL)
        {
          mapping_error (error, _("Line %u of the mapping comes before any [group]"), i + 1);
          return NULL;
        }
      if (!split_line (line, &key, &value) || key[0] == '\0')
        {
          mapping_error (error, _("Line %u of the mapping is not “key=value”"), i + 1);
          return NULL;
        }

      seen_key = g_strdup_printf ("%s\x1f%s", group, key);
      if (!g_hash_table_add (seen, g_steal_pointer (&seen_key)))
        {
          mapping_error (error, _("The key “%s” appears twice in [%s]"), key, group);
          return NULL;
        }

      if (g_str_equal (group, "mapping"))
        {
          if (!ecart_import_mapping_set (self, key, value, error))
            return NULL;
        }
      else if (g_str_equal (group, "segment-values"))
        {
          if (value[0] == '\0')
            {
              mapping_error (error, _("The value “%s” of [segment-values] maps to no segment"), key);
              return NULL;
            }
          ecart_import_mapping_set_segment_value (self, key, value);
        }
      else if (!parse_target (self, key, value, error))
        return NULL;
    }

  if (!ecart_import_mapping_validate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

EcartImportMapping *
ecart_import_mapping_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  EcartImportMapping *self;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                   _("Failed to read the mapping “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                   _("Failed to read the mapping “%s”: it is not a text file"), name);
      return NULL;
    }

  self = ecart_import_mapping_new_from_data (contents, &local_error);
  if (self == NULL)
    g_set_error (error, ECART_IMPORT_ERROR, local_error->code,
                 _("Failed to read the mapping “%s”: %s"), name, local_error->message);
  return self;
}

/**
 * ecart_import_mapping_validate:
 *
 * Checks what can be checked without the file: what the layout needs is there, the
 * scale is given when scores are read, no two columns measure the same thing.
 */
gboolean
ecart_import_mapping_validate (EcartImportMapping  *self,
                               GError             **error)
{
  g_autoptr(GHashTable) targets = NULL;
  gboolean has_scores;

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), FALSE);

  if (g_hash_table_lookup (self->keys, "segment") == NULL)
    return mapping_error (error, _("The mapping has no segment: name the column of segments "
                                   "(segment=Column) or a fixed segment (segment=@Name)"));

  if (self->layout == ECART_IMPORT_LAYOUT_LONG)
    {
      const char *needed[] = { "attribute", "dimension", "score" };

      for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
        if (g_hash_table_lookup (self->keys, needed[i]) == NULL)
          return mapping_error (error, _("A mapping with layout=long needs the key “%s”"),
                                needed[i]);
      if (self->columns->len > 0)
        return mapping_error (error, _("A mapping with layout=long has no [columns]: the column "
                                       "“%s” is mapped there"),
                              ((Column *)self->columns->pdata[0])->column);
      {
        const char *dimension = g_hash_table_lookup (self->keys, "dimension");
        EcartDimension fixed;

        if (dimension[0] == '@'
            && (!ecart_dimension_from_string (dimension + 1, &fixed)
                || (fixed != ECART_DIMENSION_EXPECTED && fixed != ECART_DIMENSION_LIVED)))
          return mapping_error (error, _("The fixed dimension “%s” is not expected or lived"),
                                dimension + 1);
      }
      has_scores = TRUE;
    }
  else
    {
      const char *only_long[] = { "attribute", "touchpoint", "dimension", "score" };

      for (guint i = 0; i < G_N_ELEMENTS (only_long); i++)
        if (g_hash_table_lookup (self->keys, only_long[i]) != NULL)
          return mapping_error (error, _("The key “%s” is for layout=long; with layout=wide, map "
                                         "question columns in [columns]"), only_long[i]);
      if (self->columns->len == 0 && g_hash_table_lookup (self->keys, "nps") == NULL
          && g_hash_table_lookup (self->keys, "verbatim") == NULL)
        return mapping_error (error, _("The mapping reads nothing: map question columns in "
                                       "[columns], or name an nps or verbatim column"));
      has_scores = self->columns->len > 0;
    }

  if (has_scores && isnan (self->scale_min))
    return mapping_error (error, _("The mapping has no scale: give the scale of the answers, "
                                   "such as scale=1..5"));

  targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = self->columns->pdata[i];
      g_autofree char *attribute = g_utf8_casefold (column->attribute, -1);
      g_autofree char *touchpoint = g_utf8_casefold (column->touchpoint ? column->touchpoint : "",
                                                     -1);
      char *key = g_strdup_printf ("%d\x1f%s\x1f%s", column->dimension, attribute, touchpoint);
      Column *other = g_hash_table_lookup (targets, key);

      if (other != NULL)
        {
          g_free (key);
          return mapping_error (error, _("The columns “%s” and “%s” both map to %s:%s%s%s"),
                                other->column, column->column,
                                ecart_dimension_to_string (column->dimension), column->attribute,
                                column->touchpoint ? "@" : "",
                                column->touchpoint ? column->touchpoint : "");
        }
      g_hash_table_insert (targets, key, column);
    }

  return TRUE;
}

/* Writing the text ------------------------------------------------------------------------- */

static void
append_key (GString    *out,
            const char *key)
{
  gsize len = strlen (key);
  gboolean quote = len == 0 || strchr ("[#;\" \t", key[0]) != NULL || strchr (key, '=') != NULL
                   || key[len - 1] == ' ' || key[len - 1] == '\t';

  if (!quote)
    {
      g_string_append (out, key);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * ecart_import_mapping_to_data:
 *
 * Returns: (transfer full): the mapping as text, which ecart_import_mapping_new_from_data()
 *   reads back to the same mapping
 */
char *
ecart_import_mapping_to_data (EcartImportMapping *self)
{
  g_autoptr(GString) out = g_string_new ("[mapping]\n");
  const char *value;

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);

  g_string_append_printf (out, "layout=%s\n",
                          self->layout == ECART_IMPORT_LAYOUT_LONG ? "long" : "wide");
  g_string_append_printf (out, "header-rows=%u\n", self->header_rows);
  if (self->delimiter != 0)
    g_string_append_printf (out, "delimiter=%s\n",
                            self->delimiter == '\t' ? "tab"
                            : self->delimiter == ';' ? ";"
                            : self->delimiter == '|' ? "|" : ",");
  if (self->encoding != ECART_CSV_ENCODING_AUTO)
    g_string_append_printf (out, "encoding=%s\n", ecart_csv_encoding_to_string (self->encoding));
  if (self->decimal != 0)
    g_string_append_printf (out, "decimal=%c\n", self->decimal);
  if (!isnan (self->scale_min))
    {
      char min[G_ASCII_DTOSTR_BUF_SIZE];
      char max[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "scale=%s..%s\n",
                              g_ascii_dtostr (min, sizeof min, self->scale_min),
                              g_ascii_dtostr (max, sizeof max, self->scale_max));
    }
  for (guint i = 0; i < G_N_ELEMENTS (column_keys); i++)
    if ((value = g_hash_table_lookup (self->keys, column_keys[i])) != NULL)
      g_string_append_printf (out, "%s=%s\n", column_keys[i], value);
  if ((value = g_hash_table_lookup (self->keys, "wave")) != NULL)
    g_string_append_printf (out, "wave=%s\n", value);

  if (self->segment_values->len > 0)
    {
      g_string_append (out, "\n[segment-values]\n");
      for (guint i = 0; i < self->segment_values->len; i += 2)
        {
          append_key (out, self->segment_values->pdata[i]);
          g_string_append_printf (out, "=%s\n", (char *)self->segment_values->pdata[i + 1]);
        }
    }

  if (self->columns->len > 0)
    {
      g_string_append (out, "\n[columns]\n");
      for (guint i = 0; i < self->columns->len; i++)
        {
          Column *column = self->columns->pdata[i];

          append_key (out, column->column);
          g_string_append_printf (out, "=%s:%s%s%s\n",
                                  ecart_dimension_to_string (column->dimension),
                                  column->attribute, column->touchpoint ? "@" : "",
                                  column->touchpoint ? column->touchpoint : "");
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

EcartImportMapping *
ecart_import_mapping_copy (EcartImportMapping *self)
{
  g_autofree char *text = NULL;
  EcartImportMapping *copy;

  g_return_val_if_fail (ECART_IS_IMPORT_MAPPING (self), NULL);

  text = ecart_import_mapping_to_data (self);
  copy = ecart_import_mapping_new_from_data (text, NULL);
  if (copy != NULL)
    return copy;

  /* Not valid yet (the dialog is still filling it in): copy it field by field. */
  copy = ecart_import_mapping_new (self->layout);
  copy->header_rows = self->header_rows;
  copy->delimiter = self->delimiter;
  copy->encoding = self->encoding;
  copy->decimal = self->decimal;
  copy->scale_min = self->scale_min;
  copy->scale_max = self->scale_max;
  {
    GHashTableIter iter;
    gpointer key;
    gpointer value;

    g_hash_table_iter_init (&iter, self->keys);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (copy->keys, g_strdup (key), g_strdup (value));
  }
  for (guint i = 0; i < self->segment_values->len; i++)
    g_ptr_array_add (copy->segment_values, g_strdup (self->segment_values->pdata[i]));
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = self->columns->pdata[i];

      ecart_import_mapping_set_column (copy, column->column, column->dimension,
                                       column->attribute, column->touchpoint, NULL);
    }
  return copy;
}

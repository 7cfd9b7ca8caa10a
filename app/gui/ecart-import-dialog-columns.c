/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ecart-gui-util.h"
#include "ecart-import-dialog-private.h"

/* The import dialog's second step: how the file is read (encoding, delimiter, header rows,
 * decimal separator, layout), its first rows, what each column holds (guessed from the
 * header, or as saved for a file with the same columns), and the mapping made of it. */

static const Role wide_roles[] = {
  ROLE_IGNORE, ROLE_RESPONDENT, ROLE_DATE, ROLE_SEGMENT, ROLE_NPS, ROLE_VERBATIM, ROLE_MEASUREMENT,
};
static const Role long_roles[] = {
  ROLE_IGNORE, ROLE_RESPONDENT, ROLE_DATE, ROLE_SEGMENT, ROLE_NPS, ROLE_VERBATIM,
  ROLE_ATTRIBUTE, ROLE_TOUCHPOINT, ROLE_DIMENSION, ROLE_SCORE,
};

/* The keys of [mapping] that name one column, by role (NULL: not one key). */
static const char *role_keys[] = {
  NULL, "respondent", "date", "segment", "nps", NULL, NULL,
  "attribute", "touchpoint", "dimension", "score",
};

static const EcartCsvEncoding encodings[] = {
  ECART_CSV_ENCODING_UTF8, ECART_CSV_ENCODING_UTF16LE, ECART_CSV_ENCODING_UTF16BE,
  ECART_CSV_ENCODING_WINDOWS_1252,
};
static const char *encoding_keys[] = { "utf-8", "utf-16le", "utf-16be", "windows-1252" };
static const char delimiters[] = { ',', ';', '\t', '|' };
static const char *delimiter_keys[] = { ",", ";", "tab", "|" };

static const char *
role_label (Role role)
{
  switch (role)
    {
    case ROLE_IGNORE:
      return _("Ignore");
    case ROLE_RESPONDENT:
      return _("Respondent");
    case ROLE_DATE:
      return _("Date");
    case ROLE_SEGMENT:
      return _("Segment");
    case ROLE_NPS:
      return _("Recommendation (NPS)");
    case ROLE_VERBATIM:
      return _("Verbatim");
    case ROLE_MEASUREMENT:
      return _("Measurement");
    case ROLE_ATTRIBUTE:
      return _("Attribute");
    case ROLE_TOUCHPOINT:
      return _("Touchpoint");
    case ROLE_DIMENSION:
      return _("Dimension");
    case ROLE_SCORE:
      return _("Score");
    default:
      g_assert_not_reached ();
    }
}

/* Names compared as people write them: no case, no accents. */
char *
_ecart_import_dialog_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  return g_strstrip (g_ascii_strdown (ascii, -1));
}

static gboolean
is_long (EcartImportDialog *self)
{
  return adw_combo_row_get_selected (self->layout_row) == 1;
}

static const Role *
layout_roles (EcartImportDialog *self,
              guint             *n_roles)
{
  if (is_long (self))
    {
      *n_roles = G_N_ELEMENTS (long_roles);
      return long_roles;
    }
  *n_roles = G_N_ELEMENTS (wide_roles);
  return wide_roles;
}

static Role
column_role (EcartImportDialog *self,
             Column            *column)
{
  guint n_roles;
  const Role *roles = layout_roles (self, &n_roles);
  guint selected = gtk_drop_down_get_selected (column->role);

  return selected < n_roles ? roles[selected] : ROLE_IGNORE;
}

static void
set_column_role (EcartImportDialog *self,
                 Column            *column,
                 Role               role)
{
  guint n_roles;
  const Role *roles = layout_roles (self, &n_roles);

  for (guint i = 0; i < n_roles; i++)
    if (roles[i] == role)
      gtk_drop_down_set_selected (column->role, i);
}

/* Preview ----------------------------------------------------------------------------------- */

static guint
n_columns (EcartImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; self->preview != NULL && i < self->preview->rows->len; i++)
    n = MAX (n, g_strv_length (self->preview->rows->pdata[i]));
  return n;
}

static guint
header_rows (EcartImportDialog *self)
{
  return (guint)gtk_spin_button_get_value_as_int (self->header_spin);
}

static const char *
cell (EcartImportDialog *self,
      guint              row,
      guint              column)
{
  char **fields;

  if (self->preview == NULL || row >= self->preview->rows->len)
    return NULL;
  fields = self->preview->rows->pdata[row];
  return column < g_strv_length (fields) ? fields[column] : NULL;
}

void
_ecart_import_dialog_fill_preview_grid (EcartImportDialog *self)
{
  GtkWidget *child;
  guint columns = n_columns (self);
  guint rows = self->preview != NULL
               ? MIN (self->preview->rows->len, header_rows (self) + PREVIEW_SHOWN) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        const char *text = cell (self, r, c);
        g_autofree char *line = g_strdup (text != NULL ? text : "");
        GtkWidget *label;

        g_strdelimit (line, "\r\n", ' ');
        label = gtk_label_new (line);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
        gtk_label_set_width_chars (GTK_LABEL (label), 4);
        gtk_widget_set_tooltip_text (label, text);
        if (r < header_rows (self))
          gtk_widget_add_css_class (label, r == 0 ? "heading" : "dim-label");
        else
          gtk_widget_add_css_class (label, "numeric");
        gtk_grid_attach (self->preview_grid, label, (int)c, (int)r, 1, 1);
      }
}

/* Guesses ----------------------------------------------------------------------------------- */

static gboolean
contains_any (const char         *folded,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
equals_any (const char         *folded,
            const char * const *words)
{
  return g_strv_contains (words, folded);
}

/* The item of @list the header names (the longest name it contains), or -1. */
static int
find_named_item (GListModel *list,
                 const char *folded_header,
                 gboolean    reverse)
{
  int found = -1;
  gsize found_length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);
      g_autofree char *name = _ecart_import_dialog_fold (ecart_item_get_name (item));
      gsize length = strlen (name);

      if (length == 0)
        continue;
      if ((strstr (folded_header, name) != NULL
           || (reverse && strlen (folded_header) >= 4 && strstr (name, folded_header) != NULL))
          && length > found_length)
        {
          found = (int)i;
          found_length = length;
        }
    }
  return found;
}

static Role
guess_role (EcartImportDialog *self,
            Column            *column,
            gboolean          *taken)
{
  g_autofree char *h = _ecart_import_dialog_fold (column->header);
  const char *respondent[] = { "id", "responseid", "response id", "respondent", "respondent id",
                               "respondant", "client", "customer", "n client", "n? client", NULL };
  const char *date[] = { "date", "timestamp", "horodat", "submitdate", NULL };
  const char *segment[] = { "segment", "profil", "cible", NULL };
  const char *nps[] = { "nps", "recommend", "recommand", NULL };
  const char *verbatim[] = { "verbatim", "comment", "remarque", "improve", "amelior", "feedback",
                             "suggestion", NULL };
  const char *attribute[] = { "attribute", "attribut", NULL };
  const char *touchpoint[] = { "touchpoint", "point de contact", NULL };
  const char *dimension[] = { "dimension", NULL };
  const char *score[] = { "score", "note", "value", "valeur", NULL };
  Role role = ROLE_IGNORE;

  if (is_long (self))
    {
      if (equals_any (h, attribute))
        role = ROLE_ATTRIBUTE;
      else if (equals_any (h, touchpoint))
        role = ROLE_TOUCHPOINT;
      else if (equals_any (h, dimension))
        role = ROLE_DIMENSION;
      else if (equals_any (h, score))
        role = ROLE_SCORE;
    }
  if (role == ROLE_IGNORE)
    {
      if (contains_any (h, nps))
        role = ROLE_NPS;
      else if (equals_any (h, respondent) || strstr (h, "respondent") != NULL)
        role = ROLE_RESPONDENT;
      else if (contains_any (h, date))
        role = ROLE_DATE;
      else if (contains_any (h, segment))
        role = ROLE_SEGMENT;
      else if (contains_any (h, verbatim))
        role = ROLE_VERBATIM;
      else if (!is_long (self)
               && find_named_item (ecart_workspace_get_attributes (self->workspace), h, TRUE) >= 0)
        role = ROLE_MEASUREMENT;
    }

  /* One column per role, but for verbatims and measurements. */
  if (role != ROLE_VERBATIM && role != ROLE_MEASUREMENT && role != ROLE_IGNORE)
    {
      if (taken[role])
        return ROLE_IGNORE;
      taken[role] = TRUE;
    }
  return role;
}

static void
guess_measure (EcartImportDialog *self,
               Column            *column)
{
  g_autofree char *h = _ecart_import_dialog_fold (column->header);
  const char *expected[] = { "expect", "attendu", "attente", NULL };
  int attribute = find_named_item (ecart_workspace_get_attributes (self->workspace), h, TRUE);
  int touchpoint = find_named_item (ecart_workspace_get_touchpoints (self->workspace), h, FALSE);

  gtk_drop_down_set_selected (column->dimension, contains_any (h, expected) ? 0 : 1);
  gtk_drop_down_set_selected (column->attribute, attribute >= 0 ? (guint)attribute + 1 : 0);
  gtk_drop_down_set_selected (column->touchpoint, touchpoint >= 0 ? (guint)touchpoint + 1 : 0);
}

gboolean
_ecart_import_dialog_guess_long_layout (char **header)
{
  gboolean dimension = FALSE;
  gboolean score = FALSE;

  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    {
      g_autofree char *h = _ecart_import_dialog_fold (header[i]);

      dimension |= g_str_equal (h, "dimension");
      score |= g_str_equal (h, "score") || g_str_equal (h, "note");
    }
  return dimension && score;
}

guint
_ecart_import_dialog_guess_header_rows (EcartImportDialog *self)
{
  /* Qualtrics: codes, question texts, then {"ImportId":…}. */
  for (guint r = 1; r < 5; r++)
    {
      const char *text = cell (self, r, 0);

      if (text != NULL && g_str_has_prefix (text, "{\"ImportId\""))
        return r + 1;
    }
  return 1;
}

static void
guess_scale (EcartImportDialog *self)
{
  double low = G_MAXDOUBLE;
  double high = -G_MAXDOUBLE;
  const double tops[] = { 5, 7, 10, 100 };
  double top;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = self->columns->pdata[i];
      Role role = column_role (self, column);

      if (role != ROLE_MEASUREMENT && role != ROLE_SCORE)
        continue;
      for (guint r = header_rows (self); self->preview != NULL && r < self->preview->rows->len; r++)
        {
          double value;

          if (ecart_gui_parse_number (cell (self, r, column->index), &value))
            {
              low = MIN (low, value);
              high = MAX (high, value);
            }
        }
    }
  if (high < low)
    return;

  top = high;
  for (guint i = 0; i < G_N_ELEMENTS (tops); i++)
    if (high <= tops[i])
      {
        top = tops[i];
        break;
      }
  gtk_spin_button_set_value (self->scale_min_spin, low < 1 ? 0 : 1);
  gtk_spin_button_set_value (self->scale_max_spin, top);
}

/* Columns ----------------------------------------------------------------------------------- */

static void
update_column_row (Column            *column,
                   EcartImportDialog *self)
{
  gtk_widget_set_visible (column->measure_box, column_role (self, column) == ROLE_MEASUREMENT);
}

static void
on_role_selected_cb (GtkDropDown       *role,
                     GParamSpec        *pspec,
                     EcartImportDialog *self)
{
  Column *column = g_object_get_data (G_OBJECT (role), "column");

  update_column_row (column, self);
  if (self->loading)
    return;
  if (column_role (self, column) == ROLE_MEASUREMENT
      && gtk_drop_down_get_selected (column->attribute) == 0)
    guess_measure (self, column);
  /* A segment column replaces the one segment chosen for every respondent. */
  if (column_role (self, column) == ROLE_SEGMENT)
    adw_combo_row_set_selected (self->segment_row, 0);
}

/* One segment for every respondent replaces the segment column. */
void
_ecart_import_dialog_on_segment_changed_cb (EcartImportDialog *self)
{
  if (self->loading || adw_combo_row_get_selected (self->segment_row) == 0)
    return;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = self->columns->pdata[i];

      if (column_role (self, column) == ROLE_SEGMENT)
        set_column_role (self, column, ROLE_IGNORE);
    }
}

GtkDropDown *
_ecart_import_dialog_new_drop_down (GtkStringList *model,
                                    const char    *accessible)
{
  /* gtk_drop_down_new() takes the model; the caller keeps its own reference. */
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_DROP_DOWN (drop_down);
}

GtkStringList *
_ecart_import_dialog_names_model (GListModel *list,
                                  const char *first)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (model, first);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);

      gtk_string_list_append (model, ecart_item_get_name (item));
    }
  return model;
}

static GtkWidget *
create_column_row (EcartImportDialog *self,
                   Column            *column)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (column->header);
  GtkWidget *sample;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) dimensions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) attributes = NULL;
  g_autoptr(GtkStringList) touchpoints = NULL;
  g_autofree char *new_attribute = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *dimension_name = NULL;
  g_autofree char *attribute_name = NULL;
  g_autofree char *touchpoint_name = NULL;
  g_autofree char *example = NULL;
  const char *first = cell (self, header_rows (self), column->index);
  guint n_roles;
  const Role *role_list = layout_roles (self, &n_roles);

  for (guint i = 0; i < n_roles; i++)
    gtk_string_list_append (roles, role_label (role_list[i]));
  gtk_string_list_append (dimensions, _("Expected"));
  gtk_string_list_append (dimensions, _("Lived"));
  /* TRANSLATORS: in the list of attributes a column measures: a new one, with its name */
  new_attribute = g_strdup_printf (_("New: “%s”"), column->new_name);
  attributes = _ecart_import_dialog_names_model (ecart_workspace_get_attributes (self->workspace),
                                                 new_attribute);
  touchpoints = _ecart_import_dialog_names_model (ecart_workspace_get_touchpoints (self->workspace),
                                                  _("No touchpoint"));

  /* TRANSLATORS: accessible names of the choices of one column, %s is its name */
  role_name = g_strdup_printf (_("Role of the column “%s”"), column->header);
  dimension_name = g_strdup_printf (_("Dimension measured by the column “%s”"), column->header);
  attribute_name = g_strdup_printf (_("Attribute measured by the column “%s”"), column->header);
  touchpoint_name = g_strdup_printf (_("Touchpoint of the column “%s”"), column->header);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_widget_set_tooltip_text (title, column->header);
  /* TRANSLATORS: under a column's name: its value in the first row of answers */
  example = g_strdup_printf (_("First answer: %s"), first != NULL && first[0] != '\0' ? first : "—");
  g_strdelimit (example, "\r\n", ' ');
  sample = gtk_label_new (example);
  gtk_label_set_xalign (GTK_LABEL (sample), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sample), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (sample), 30);
  gtk_widget_add_css_class (sample, "dim-label");
  gtk_widget_add_css_class (sample, "caption");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), sample);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_size_request (titles, 160, -1);
  gtk_box_append (GTK_BOX (box), titles);

  column->role = _ecart_import_dialog_new_drop_down (roles, role_name);
  column->dimension = _ecart_import_dialog_new_drop_down (dimensions, dimension_name);
  column->attribute = _ecart_import_dialog_new_drop_down (attributes, attribute_name);
  column->touchpoint = _ecart_import_dialog_new_drop_down (touchpoints, touchpoint_name);
  gtk_drop_down_set_enable_search (column->attribute, TRUE);
  gtk_drop_down_set_enable_search (column->touchpoint, TRUE);
  {
    g_autoptr(GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (column->attribute, expression);
    gtk_drop_down_set_expression (column->touchpoint, expression);
  }
  g_object_set_data (G_OBJECT (column->role), "column", column);

  column->measure_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (column->measure_box), GTK_WIDGET (column->dimension));
  gtk_box_append (GTK_BOX (column->measure_box), GTK_WIDGET (column->attribute));
  gtk_box_append (GTK_BOX (column->measure_box), GTK_WIDGET (column->touchpoint));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (column->role));
  gtk_box_append (GTK_BOX (box), column->measure_box);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  column->header, -1);
  g_signal_connect (column->role, "notify::selected", G_CALLBACK (on_role_selected_cb), self);
  return row;
}

/* How the mapping names column @index: its header when that is unambiguous and reads back
 * the same from the mapping's text, else its number. */
static char *
column_reference (EcartImportDialog *self,
                  char             **header,
                  guint              index)
{
  const char *text = header != NULL && index < g_strv_length (header) ? header[index] : NULL;
  g_autofree char *clean = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  guint same = 0;

  if (clean == NULL || clean[0] == '\0' || clean[0] == '#' || clean[0] == '@' || clean[0] == '"'
      || strpbrk (clean, ";\r\n\t") != NULL || !g_utf8_validate (clean, -1, NULL))
    return g_strdup_printf ("#%u", index + 1);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *other = g_strstrip (g_strdup (header[i]));

      same += g_str_equal (other, clean);
    }
  if (same > 1)
    return g_strdup_printf ("#%u", index + 1);
  return g_steal_pointer (&clean);
}

static Column *
find_column (EcartImportDialog *self,
             const char        *reference)
{
  if (reference == NULL)
    return NULL;
  if (reference[0] == '#')
    {
      guint64 n = 0;

      if (g_ascii_string_to_unsigned (reference + 1, 10, 1, self->columns->len, &n, NULL))
        return self->columns->pdata[n - 1];
      return NULL;
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = self->columns->pdata[i];

      if (g_str_equal (column->header, reference))
        return column;
    }
  return NULL;
}

void
_ecart_import_dialog_build_columns (EcartImportDialog *self)
{
  GtkWidget *child;
  guint n = n_columns (self);
  char **header = header_rows (self) > 0 && self->preview != NULL && self->preview->rows->len > 0
                  ? self->preview->rows->pdata[0] : NULL;
  gboolean taken[ROLE_SCORE + 1] = { FALSE, };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);
  g_ptr_array_set_size (self->columns, 0);

  self->loading = TRUE;
  for (guint i = 0; i < n; i++)
    {
      Column *column = g_new0 (Column, 1);
      const char *text = header != NULL && i < g_strv_length (header) ? header[i] : NULL;
      g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

      column->index = i;
      column->reference = column_reference (self, header, i);
      if (clean[0] != '\0')
        {
          column->header = g_steal_pointer (&clean);
          g_strdelimit (column->header, "\r\n\t", ' ');
        }
      else
        /* TRANSLATORS: a column without a name in the file, by its number */
        column->header = g_strdup_printf (_("Column %u"), i + 1);
      column->new_name = g_strdup (column->header);
      g_ptr_array_add (self->columns, column);
      gtk_list_box_append (self->columns_list, create_column_row (self, column));
      set_column_role (self, column, header != NULL ? guess_role (self, column, taken) : ROLE_IGNORE);
      if (column_role (self, column) == ROLE_MEASUREMENT)
        guess_measure (self, column);
      update_column_row (column, self);
    }
  self->loading = FALSE;
  guess_scale (self);
}

/* Puts a saved mapping back into the widgets; what the file lacks is left as guessed. */
void
_ecart_import_dialog_apply_mapping (EcartImportDialog  *self,
                                    EcartImportMapping *mapping)
{
  g_auto(GStrv) verbatims = ecart_import_mapping_dup_verbatims (mapping);
  const char *segment = ecart_import_mapping_get (mapping, "segment");
  double min, max;

  self->loading = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    set_column_role (self, self->columns->pdata[i], ROLE_IGNORE);

  for (guint role = 0; role < G_N_ELEMENTS (role_keys); role++)
    if (role_keys[role] != NULL)
      {
        Column *column = find_column (self, ecart_import_mapping_get (mapping, role_keys[role]));

        if (column != NULL)
          set_column_role (self, column, role);
      }
  for (guint i = 0; verbatims != NULL && verbatims[i] != NULL; i++)
    {
      Column *column = find_column (self, verbatims[i]);

      if (column != NULL)
        set_column_role (self, column, ROLE_VERBATIM);
    }

  for (guint i = 0; i < ecart_import_mapping_get_n_columns (mapping); i++)
    {
      EcartDimension dimension;
      const char *attribute;
      const char *touchpoint;
      const char *reference = ecart_import_mapping_get_column (mapping, i, &dimension, &attribute,
                                                               &touchpoint);
      Column *column = find_column (self, reference);
      EcartItem *item;

      if (column == NULL)
        continue;
      set_column_role (self, column, ROLE_MEASUREMENT);
      gtk_drop_down_set_selected (column->dimension, dimension == ECART_DIMENSION_EXPECTED ? 0 : 1);
      item = ecart_workspace_find_by_name (self->workspace,
                                           ecart_workspace_get_attributes (self->workspace),
                                           attribute);
      if (item != NULL)
        {
          GListModel *list = ecart_workspace_get_attributes (self->workspace);

          for (guint p = 0; p < g_list_model_get_n_items (list); p++)
            {
              g_autoptr(EcartItem) at = g_list_model_get_item (list, p);

              if (at == item)
                gtk_drop_down_set_selected (column->attribute, p + 1);
            }
        }
      else
        {
          GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (column->attribute));
          g_autofree char *label = g_strdup_printf (_("New: “%s”"), attribute);
          const char *replace[] = { label, NULL };

          g_free (column->new_name);
          column->new_name = g_strdup (attribute);
          gtk_string_list_splice (model, 0, 1, replace);
          gtk_drop_down_set_selected (column->attribute, 0);
        }
      gtk_drop_down_set_selected (column->touchpoint, 0);
      if (touchpoint != NULL)
        {
          GListModel *list = ecart_workspace_get_touchpoints (self->workspace);
          g_autofree char *wanted = _ecart_import_dialog_fold (touchpoint);

          for (guint p = 0; p < g_list_model_get_n_items (list); p++)
            {
              g_autoptr(EcartItem) at = g_list_model_get_item (list, p);
              g_autofree char *name = _ecart_import_dialog_fold (ecart_item_get_name (at));

              if (g_str_equal (name, wanted))
                gtk_drop_down_set_selected (column->touchpoint, p + 1);
            }
        }
    }

  adw_combo_row_set_selected (self->segment_row, 0);
  if (segment != NULL && segment[0] == '@')
    {
      GListModel *list = ecart_workspace_get_segments (self->workspace);

      for (guint p = 0; p < g_list_model_get_n_items (list); p++)
        {
          g_autoptr(EcartItem) at = g_list_model_get_item (list, p);

          if (g_utf8_collate (ecart_item_get_name (at), segment + 1) == 0)
            adw_combo_row_set_selected (self->segment_row, p + 1);
        }
    }
  if (ecart_import_mapping_get_scale (mapping, &min, &max))
    {
      gtk_spin_button_set_value (self->scale_min_spin, min);
      gtk_spin_button_set_value (self->scale_max_spin, max);
    }
  for (guint i = 0; i < self->columns->len; i++)
    update_column_row (self->columns->pdata[i], self);
  self->loading = FALSE;
}

/* Reading the file -------------------------------------------------------------------------- */

gboolean
_ecart_import_dialog_read_preview (EcartImportDialog  *self,
                                   EcartCsvEncoding    encoding,
                                   char                delimiter,
                                   GError            **error)
{
  EcartImportPreview *preview;

  preview = ecart_importer_preview (self->file, encoding, delimiter, PREVIEW_ROWS, NULL, error);
  if (preview == NULL)
    return FALSE;
  g_clear_pointer (&self->preview, ecart_import_preview_free);
  self->preview = preview;
  return TRUE;
}

void
_ecart_import_dialog_select_detected (EcartImportDialog *self,
                                      char               decimal)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == self->preview->encoding)
      adw_combo_row_set_selected (self->encoding_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == self->preview->delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);
  adw_combo_row_set_selected (self->decimal_row, decimal == ',' ? 1 : 0);
}

void
_ecart_import_dialog_on_reading_changed_cb (EcartImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->loading || self->file == NULL
      || encoding >= G_N_ELEMENTS (encodings) || delimiter >= G_N_ELEMENTS (delimiters))
    return;

  if (!_ecart_import_dialog_read_preview (self, encodings[encoding], delimiters[delimiter], &error))
    {
      _ecart_import_dialog_show_error (self, error->message);
      return;
    }
  _ecart_import_dialog_show_error (self, NULL);
  _ecart_import_dialog_fill_preview_grid (self);
  _ecart_import_dialog_build_columns (self);
}

void
_ecart_import_dialog_on_header_spin_changed_cb (EcartImportDialog *self)
{
  if (self->loading || self->preview == NULL)
    return;
  _ecart_import_dialog_fill_preview_grid (self);
  _ecart_import_dialog_build_columns (self);
}

void
_ecart_import_dialog_on_layout_changed_cb (EcartImportDialog *self)
{
  if (self->loading || self->preview == NULL)
    return;
  _ecart_import_dialog_build_columns (self);
}

/* The mapping ------------------------------------------------------------------------------- */

const char *
_ecart_import_dialog_dropdown_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
set_key (EcartImportMapping  *mapping,
         const char          *key,
         const char          *value,
         GError             **error)
{
  return ecart_import_mapping_set (mapping, key, value, error);
}

EcartImportMapping *
_ecart_import_dialog_build_mapping (EcartImportDialog  *self,
                                    GError            **error)
{
  g_autoptr(EcartImportMapping) mapping = NULL;
  g_autoptr(GString) verbatims = g_string_new (NULL);
  Column *by_role[ROLE_SCORE + 1] = { NULL, };
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  guint fixed_segment = adw_combo_row_get_selected (self->segment_row);
  double min = gtk_spin_button_get_value (self->scale_min_spin);
  double max = gtk_spin_button_get_value (self->scale_max_spin);
  char min_text[G_ASCII_DTOSTR_BUF_SIZE];
  char max_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *rows = g_strdup_printf ("%u", header_rows (self));
  g_autofree char *scale = NULL;

  mapping = ecart_import_mapping_new (is_long (self) ? ECART_IMPORT_LAYOUT_LONG
                                                     : ECART_IMPORT_LAYOUT_WIDE);
  g_ascii_dtostr (min_text, sizeof min_text, min);
  g_ascii_dtostr (max_text, sizeof max_text, max);
  if (min >= max)
    {
      g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                   _("The lowest score (%s) must be below the highest score (%s)"),
                   min_text, max_text);
      return NULL;
    }
  scale = g_strdup_printf ("%s..%s", min_text, max_text);

  delimiter = MIN (delimiter, G_N_ELEMENTS (delimiter_keys) - 1);
  encoding = MIN (encoding, G_N_ELEMENTS (encoding_keys) - 1);
  if (!set_key (mapping, "header-rows", rows, error)
      || !set_key (mapping, "delimiter", delimiter_keys[delimiter], error)
      || !set_key (mapping, "encoding", encoding_keys[encoding], error)
      || !set_key (mapping, "decimal",
                   adw_combo_row_get_selected (self->decimal_row) == 1 ? "," : ".", error)
      || !set_key (mapping, "scale", scale, error))
    return NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = self->columns->pdata[i];
      Role role = column_role (self, column);

      switch (role)
        {
        case ROLE_IGNORE:
          break;

        case ROLE_VERBATIM:
          g_string_append_printf (verbatims, "%s%s", verbatims->len > 0 ? ";" : "",
                                  column->reference);
          break;

        case ROLE_MEASUREMENT:
          {
            const char *attribute = gtk_drop_down_get_selected (column->attribute) == 0
                                    ? column->new_name
                                    : _ecart_import_dialog_dropdown_string (column->attribute);
            const char *touchpoint = gtk_drop_down_get_selected (column->touchpoint) == 0
                                     ? NULL : _ecart_import_dialog_dropdown_string (column->touchpoint);

            if (!ecart_import_mapping_set_column (mapping, column->reference,
                                                  gtk_drop_down_get_selected (column->dimension) == 0
                                                  ? ECART_DIMENSION_EXPECTED : ECART_DIMENSION_LIVED,
                                                  attribute, touchpoint, error))
              return NULL;
          }
          break;

        default:
          if (by_role[role] != NULL)
            {
              g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                           /* TRANSLATORS: two column names, then the role both were given */
                           _("The columns “%s” and “%s” are both marked “%s”: only one column "
                             "can be"),
                           by_role[role]->header, column->header, role_label (role));
              return NULL;
            }
          by_role[role] = column;
          if (!set_key (mapping, role_keys[role], column->reference, error))
            return NULL;
        }
    }

  if (verbatims->len > 0 && !set_key (mapping, "verbatim", verbatims->str, error))
    return NULL;

  if (fixed_segment > 0)
    {
      g_autoptr(EcartItem) segment =
        g_list_model_get_item (ecart_workspace_get_segments (self->workspace), fixed_segment - 1);
      g_autofree char *value = NULL;

      if (by_role[ROLE_SEGMENT] != NULL)
        {
          g_set_error (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                       _("The column “%s” is marked Segment, and one segment is chosen for "
                         "every respondent: choose one of the two"),
                       by_role[ROLE_SEGMENT]->header);
          return NULL;
        }
      if (segment == NULL)
        return NULL;
      value = g_strconcat ("@", ecart_item_get_name (segment), NULL);
      if (!set_key (mapping, "segment", value, error))
        return NULL;
    }
  else if (by_role[ROLE_SEGMENT] == NULL)
    {
      g_set_error_literal (error, ECART_IMPORT_ERROR, ECART_IMPORT_ERROR_MAPPING,
                           _("Say which segment the respondents are in: mark the column that "
                             "holds it as Segment, or choose one segment for every respondent"));
      return NULL;
    }

  if (!ecart_import_mapping_validate (mapping, error))
    return NULL;
  return g_steal_pointer (&mapping);
}

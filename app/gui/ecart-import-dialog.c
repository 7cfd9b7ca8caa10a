/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ecart-gui-util.h"
#include "ecart-import-dialog.h"
#include "ecart-window.h"

/* The import dialog (docs/import.md, "Importing in the window"). Four steps in a stack:
 * choose a file; say how it is read and what each column holds (the detected encoding,
 * delimiter, header rows and decimal separator, each correctable, over a preview of the
 * first rows); check it on a worker thread with a progress bar (nothing written), then
 * review what it holds (counts, names the workspace lacks to create or map, rejected rows);
 * import on a worker thread. The core (EcartImporter) does the reading and the writing on
 * its own connection; the window's workspace is reloaded and emits "changed" after. */

#define PREVIEW_ROWS 40
#define PREVIEW_SHOWN 8

typedef enum {
  ROLE_IGNORE,
  ROLE_RESPONDENT,
  ROLE_DATE,
  ROLE_SEGMENT,
  ROLE_NPS,
  ROLE_VERBATIM,
  ROLE_MEASUREMENT,   /* wide */
  ROLE_ATTRIBUTE,     /* long */
  ROLE_TOUCHPOINT,
  ROLE_DIMENSION,
  ROLE_SCORE,
} Role;

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

typedef struct
{
  guint        index;
  char        *header;      /* the text of the first header row, trimmed */
  char        *reference;   /* how the mapping names it: the header, or "#N" */
  char        *new_name;    /* the attribute offered as new: the header, or a saved name */
  GtkDropDown *role;
  GtkDropDown *dimension;
  GtkDropDown *attribute;
  GtkDropDown *touchpoint;
  GtkWidget   *measure_box;
} Column;

typedef struct
{
  EcartImportNameKind  kind;
  char                *name;
  GtkDropDown         *choice;
} NameChoice;

struct _EcartImportDialog
{
  AdwWindow            parent_instance;

  EcartWorkspace      *workspace;
  GFile               *file;
  EcartImportPreview  *preview;
  GPtrArray           *columns;     /* Column */
  GPtrArray           *names;       /* NameChoice */
  EcartImporter       *importer;
  GCancellable        *cancellable;
  char                *saved_name;
  gboolean             running;
  gboolean             writing;
  gboolean             close_when_done;
  gboolean             loading;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *back_button;
  GtkButton           *primary_button;
  GtkButton           *nothing_button;
  GtkButton           *stop_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  GtkLabel            *saved_label;
  AdwComboRow         *encoding_row;
  AdwComboRow         *delimiter_row;
  GtkSpinButton       *header_spin;
  AdwComboRow         *decimal_row;
  AdwComboRow         *layout_row;
  GtkGrid             *preview_grid;
  GtkListBox          *columns_list;
  GtkSpinButton       *scale_min_spin;
  GtkSpinButton       *scale_max_spin;
  AdwComboRow         *segment_row;
  AdwEntryRow         *wave_row;
  AdwEntryRow         *mapping_row;
  AdwStatusPage       *progress_page;
  GtkProgressBar      *progress_bar;
  GtkListBox          *summary_list;
  GtkLabel            *previous_label;
  AdwPreferencesGroup *names_group;
  GtkListBox          *names_list;
  AdwPreferencesGroup *rejected_group;
  GtkListBox          *rejected_list;
};

G_DEFINE_FINAL_TYPE (EcartImportDialog, ecart_import_dialog, ADW_TYPE_WINDOW)

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->header);
  g_free (column->reference);
  g_free (column->new_name);
  g_free (column);
}

static void
name_choice_free (gpointer data)
{
  NameChoice *choice = data;

  g_free (choice->name);
  g_free (choice);
}

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
static char *
fold (const char *text)
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

static void
show_error (EcartImportDialog *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Steps ------------------------------------------------------------------------------------- */

/* GTK 4.8 gives a button the text of its label, underscore included, as its accessible
 * name: the name a screen reader says is the text shown. */
static void
set_button_label (GtkButton  *button,
                  const char *label)
{
  GString *text = g_string_new (label);
  g_autofree char *plain = NULL;

  g_string_replace (text, "_", "", 0);
  plain = g_string_free (text, FALSE);
  gtk_button_set_label (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static void
update_buttons (EcartImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean columns = g_strcmp0 (page, "columns") == 0;
  gboolean review = g_strcmp0 (page, "review") == 0;
  EcartImportResult *result = self->importer != NULL ? ecart_importer_get_result (self->importer)
                                                     : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), review);
  gtk_widget_set_visible (GTK_WIDGET (self->primary_button), columns || review);
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_button),
                          review && result != NULL
                          && ecart_import_result_get_rows_rejected (result) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !self->running);

  if (columns)
    {
      set_button_label (self->primary_button, _("C_heck the File"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "import.check");
    }
  else if (review && result != NULL)
    {
      if (ecart_import_result_get_rows_rejected (result) > 0)
        set_button_label (self->primary_button, _("Import the _Valid Rows"));
      else if (ecart_import_result_get_previous_import (result) != NULL)
        set_button_label (self->primary_button, _("Import _Anyway"));
      else
        set_button_label (self->primary_button, _("_Import"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "import.import");
    }
}

static void
show_step (EcartImportDialog *self,
           const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_buttons (self);
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

static void
fill_preview_grid (EcartImportDialog *self)
{
  GtkWidget *child;
  guint columns = n_columns (self);
  guint rows = self->preview != NULL ? MIN (self->preview->rows->len, header_rows (self) + PREVIEW_SHOWN) : 0;

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
      g_autofree char *name = fold (ecart_item_get_name (item));
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
  g_autofree char *h = fold (column->header);
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
  g_autofree char *h = fold (column->header);
  const char *expected[] = { "expect", "attendu", "attente", NULL };
  int attribute = find_named_item (ecart_workspace_get_attributes (self->workspace), h, TRUE);
  int touchpoint = find_named_item (ecart_workspace_get_touchpoints (self->workspace), h, FALSE);

  gtk_drop_down_set_selected (column->dimension, contains_any (h, expected) ? 0 : 1);
  gtk_drop_down_set_selected (column->attribute, attribute >= 0 ? (guint)attribute + 1 : 0);
  gtk_drop_down_set_selected (column->touchpoint, touchpoint >= 0 ? (guint)touchpoint + 1 : 0);
}

static gboolean
guess_long_layout (char **header)
{
  gboolean dimension = FALSE;
  gboolean score = FALSE;

  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    {
      g_autofree char *h = fold (header[i]);

      dimension |= g_str_equal (h, "dimension");
      score |= g_str_equal (h, "score") || g_str_equal (h, "note");
    }
  return dimension && score;
}

static guint
guess_header_rows (EcartImportDialog *self)
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
  if (!self->loading && column_role (self, column) == ROLE_MEASUREMENT
      && gtk_drop_down_get_selected (column->attribute) == 0)
    guess_measure (self, column);
}

static GtkDropDown *
new_drop_down (GtkStringList *model,
               const char    *accessible)
{
  /* gtk_drop_down_new() takes the model; the caller keeps its own reference. */
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_DROP_DOWN (drop_down);
}

static GtkStringList *
names_model (GListModel *list,
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
  attributes = names_model (ecart_workspace_get_attributes (self->workspace), new_attribute);
  touchpoints = names_model (ecart_workspace_get_touchpoints (self->workspace), _("No touchpoint"));

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

  column->role = new_drop_down (roles, role_name);
  column->dimension = new_drop_down (dimensions, dimension_name);
  column->attribute = new_drop_down (attributes, attribute_name);
  column->touchpoint = new_drop_down (touchpoints, touchpoint_name);
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
  gtk_box_append (GTK_BOX (box), column->measure_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (column->role));

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

static void
build_columns (EcartImportDialog *self)
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
static void
apply_mapping (EcartImportDialog  *self,
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
          g_autofree char *wanted = fold (touchpoint);

          for (guint p = 0; p < g_list_model_get_n_items (list); p++)
            {
              g_autoptr(EcartItem) at = g_list_model_get_item (list, p);
              g_autofree char *name = fold (ecart_item_get_name (at));

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

static gboolean
read_preview (EcartImportDialog  *self,
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

static void
select_detected (EcartImportDialog *self,
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

static void
on_reading_changed_cb (EcartImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->loading || self->file == NULL
      || encoding >= G_N_ELEMENTS (encodings) || delimiter >= G_N_ELEMENTS (delimiters))
    return;

  if (!read_preview (self, encodings[encoding], delimiters[delimiter], &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  fill_preview_grid (self);
  build_columns (self);
}

static void
on_header_spin_changed_cb (EcartImportDialog *self)
{
  if (self->loading || self->preview == NULL)
    return;
  fill_preview_grid (self);
  build_columns (self);
}

static void
on_layout_changed_cb (EcartImportDialog *self)
{
  if (self->loading || self->preview == NULL)
    return;
  build_columns (self);
}

static char *
file_stem (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (base);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

/**
 * ecart_import_dialog_set_file:
 *
 * Reads the first rows of @file, shows what was detected and the columns, with what each
 * column holds guessed from its name, or as saved for a file with the same columns.
 *
 * Returns: %FALSE when the file cannot be read (the dialog says why)
 */
gboolean
ecart_import_dialog_set_file (EcartImportDialog *self,
                              GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportMapping) saved = NULL;
  g_autoptr(EcartImporter) naming = NULL;
  g_autoptr(EcartImportMapping) empty = NULL;
  g_autofree char *display = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *wave = NULL;
  char decimal;

  g_return_val_if_fail (ECART_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->running)
    return FALSE;

  g_set_object (&self->file, file);
  g_clear_object (&self->importer);
  g_clear_pointer (&self->saved_name, g_free);
  show_error (self, NULL);
  display = g_file_get_parse_name (file);
  adw_window_title_set_subtitle (self->window_title, display);

  if (!read_preview (self, ECART_CSV_ENCODING_AUTO, 0, &error))
    {
      show_error (self, error->message);
      show_step (self, "choose");
      return FALSE;
    }
  if (self->preview->rows->len == 0)
    {
      g_autofree char *message = NULL;

      g_autofree char *base = g_file_get_basename (file);
      /* TRANSLATORS: %s is a file name */
      message = g_strdup_printf (_("Failed to read “%s”: the file is empty"), base);
      show_error (self, message);
      show_step (self, "choose");
      return FALSE;
    }

  saved = ecart_importer_find_mapping (self->workspace,
                                       (const char * const *)self->preview->rows->pdata[0],
                                       &self->saved_name, &error);
  if (error != NULL)
    {
      g_warning ("Failed to look for a saved mapping: %s", error->message);
      g_clear_error (&error);
    }

  self->loading = TRUE;
  decimal = self->preview->decimal;
  if (saved != NULL)
    {
      EcartCsvEncoding encoding = ecart_import_mapping_get_encoding (saved);
      char delimiter = ecart_import_mapping_get_delimiter (saved);

      if ((encoding != ECART_CSV_ENCODING_AUTO && encoding != self->preview->encoding)
          || (delimiter != 0 && delimiter != self->preview->delimiter))
        if (!read_preview (self, encoding, delimiter, &error))
          {
            self->loading = FALSE;
            show_error (self, error->message);
            show_step (self, "choose");
            return FALSE;
          }
      gtk_spin_button_set_value (self->header_spin, ecart_import_mapping_get_header_rows (saved));
      adw_combo_row_set_selected (self->layout_row,
                                  ecart_import_mapping_get_layout (saved) == ECART_IMPORT_LAYOUT_LONG);
      if (ecart_import_mapping_get_decimal (saved) != 0)
        decimal = ecart_import_mapping_get_decimal (saved);
    }
  else
    {
      gtk_spin_button_set_value (self->header_spin, guess_header_rows (self));
      adw_combo_row_set_selected (self->layout_row,
                                  guess_long_layout (self->preview->rows->pdata[0]) ? 1 : 0);
    }
  select_detected (self, decimal);
  adw_combo_row_set_selected (self->segment_row, 0);
  self->loading = FALSE;

  fill_preview_grid (self);
  build_columns (self);

  stem = file_stem (file);
  if (saved != NULL)
    {
      g_autofree char *text =
        /* TRANSLATORS: %s is the name of a saved mapping */
        g_strdup_printf (_("The columns are read as saved in “%s”, for a file with the same "
                           "columns. Check them, then go on."),
                         self->saved_name);

      apply_mapping (self, saved);
      gtk_label_set_label (self->saved_label, text);
      gtk_editable_set_text (GTK_EDITABLE (self->mapping_row), self->saved_name);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->mapping_row), stem);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), saved != NULL);

  /* The wave's default name: the file's name and today's date, as the importer gives it. */
  empty = ecart_import_mapping_new (ECART_IMPORT_LAYOUT_WIDE);
  naming = ecart_importer_new (self->workspace, file, empty);
  wave = ecart_importer_dup_wave_name (naming);
  gtk_editable_set_text (GTK_EDITABLE (self->wave_row), wave);

  show_step (self, "columns");
  return TRUE;
}

/* The mapping ------------------------------------------------------------------------------- */

static const char *
dropdown_string (GtkDropDown *drop_down)
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

static EcartImportMapping *
build_mapping (EcartImportDialog  *self,
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

  if (!set_key (mapping, "header-rows", rows, error)
      || !set_key (mapping, "delimiter", delimiter_keys[MIN (delimiter, G_N_ELEMENTS (delimiter_keys) - 1)], error)
      || !set_key (mapping, "encoding", encoding_keys[MIN (encoding, G_N_ELEMENTS (encoding_keys) - 1)], error)
      || !set_key (mapping, "decimal", adw_combo_row_get_selected (self->decimal_row) == 1 ? "," : ".", error)
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
                                    ? column->new_name : dropdown_string (column->attribute);
            const char *touchpoint = gtk_drop_down_get_selected (column->touchpoint) == 0
                                     ? NULL : dropdown_string (column->touchpoint);

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

/* Running ----------------------------------------------------------------------------------- */

static void
on_progress (EcartImportPhase  phase,
             double            fraction,
             gpointer          user_data)
{
  EcartImportDialog *self = user_data;
  g_autofree char *text = NULL;
  int percent = (int)(fraction * 100);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  if (phase == ECART_IMPORT_PHASE_CHECKING)
    /* TRANSLATORS: %d is a percentage */
    text = g_strdup_printf (_("Reading and checking the rows: %d %%"), percent);
  else
    /* TRANSLATORS: %d is a percentage */
    text = g_strdup_printf (_("Writing the valid rows: %d %%"), percent);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
add_count_row (EcartImportDialog *self,
               const char        *title,
               guint64            count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_list_box_append (self->summary_list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GListModel *
items_of_kind (EcartImportDialog   *self,
               EcartImportNameKind  kind)
{
  switch (kind)
    {
    case ECART_IMPORT_NAME_SEGMENT:
      return ecart_workspace_get_segments (self->workspace);
    case ECART_IMPORT_NAME_ATTRIBUTE:
      return ecart_workspace_get_attributes (self->workspace);
    case ECART_IMPORT_NAME_TOUCHPOINT:
    default:
      return ecart_workspace_get_touchpoints (self->workspace);
    }
}

static void
add_name_row (EcartImportDialog   *self,
              EcartImportNameKind  kind,
              const char          *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle;
  g_autofree char *create = NULL;
  g_autoptr(GtkStringList) model = NULL;
  NameChoice *choice = g_new0 (NameChoice, 1);
  const char *kind_text;

  switch (kind)
    {
    case ECART_IMPORT_NAME_SEGMENT:
      kind_text = _("A segment the workspace does not have");
      /* TRANSLATORS: %s is a name found in the file */
      create = g_strdup_printf (_("Create the segment “%s”"), name);
      break;
    case ECART_IMPORT_NAME_ATTRIBUTE:
      kind_text = _("An attribute the workspace does not have");
      create = g_strdup_printf (_("Create the attribute “%s”"), name);
      break;
    case ECART_IMPORT_NAME_TOUCHPOINT:
    default:
      kind_text = _("A touchpoint the workspace does not have");
      create = g_strdup_printf (_("Create the touchpoint “%s”"), name);
      break;
    }
  model = names_model (items_of_kind (self, kind), create);

  choice->kind = kind;
  choice->name = g_strdup (name);
  choice->choice = new_drop_down (model, name);
  g_ptr_array_add (self->names, choice);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  subtitle = gtk_label_new (kind_text);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->choice));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->names_list, row);
}

static void
add_problem_row (EcartImportDialog *self,
                 const char        *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_list_box_append (self->rejected_list, row);
}

static void
fill_review (EcartImportDialog *self,
             EcartImportResult *result)
{
  guint kept = ecart_import_result_get_n_kept_problems (result);
  guint64 problems = ecart_import_result_get_n_problems (result);
  guint64 rejected = ecart_import_result_get_rows_rejected (result);
  guint64 empty = ecart_import_result_get_rows_empty (result);
  const char *previous = ecart_import_result_get_previous_import (result);
  gboolean any_name = FALSE;
  gboolean nothing;

  clear_list (self->summary_list);
  clear_list (self->names_list);
  clear_list (self->rejected_list);
  g_ptr_array_set_size (self->names, 0);

  add_count_row (self, _("Respondents"), ecart_import_result_get_respondents (result));
  add_count_row (self, _("Measurements"), ecart_import_result_get_measurements (result));
  add_count_row (self, _("Recommendation (NPS) answers"),
                 ecart_import_result_get_recommendations (result));
  add_count_row (self, _("Verbatims"), ecart_import_result_get_verbatims (result));
  add_count_row (self, _("Rejected rows"), rejected);
  if (empty > 0)
    add_count_row (self, _("Rows without any answer, skipped"), empty);

  if (previous != NULL)
    {
      g_autofree char *text =
        /* TRANSLATORS: %s says when and into which wave the file was imported */
        g_strdup_printf (_("This file was imported before: %s. Import it again only if it "
                           "holds other answers, or the same answers will count twice."),
                         previous);

      gtk_label_set_label (self->previous_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->previous_label), previous != NULL);

  for (guint kind = 0; kind < ECART_IMPORT_N_NAME_KINDS; kind++)
    {
      const char * const *names = ecart_import_result_get_unknown_names (result, kind);

      for (guint i = 0; names[i] != NULL; i++)
        {
          add_name_row (self, kind, names[i]);
          any_name = TRUE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->names_group), any_name);

  for (guint i = 0; i < kept; i++)
    {
      g_autofree char *text = ecart_import_problem_to_string (ecart_import_result_get_problem (result, i));

      add_problem_row (self, text);
    }
  if (problems > kept)
    {
      g_autofree char *count = g_strdup_printf ("%'" G_GUINT64_FORMAT, problems - kept);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %s more problem",
                                                            "… and %s more problems",
                                                            problems - kept),
                                               count);

      add_problem_row (self, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_group), problems > 0);

  nothing = ecart_import_result_get_measurements (result) == 0
            && ecart_import_result_get_recommendations (result) == 0
            && ecart_import_result_get_verbatims (result) == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", !nothing);
  if (nothing)
    show_error (self, rejected > 0 ? _("Nothing can be imported: every row was rejected. Go "
                                       "back and check how the columns are read.")
                                   : _("Nothing can be imported: the file has no answer."));
}

static void
finish_running (EcartImportDialog *self)
{
  self->running = FALSE;
  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", FALSE);
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(EcartImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportResult) result = NULL;

  result = ecart_importer_check_finish (ECART_IMPORTER (source), res, &error);
  finish_running (self);
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (result == NULL)
    {
      show_step (self, "columns");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Cancelled: nothing was written."));
      else
        show_error (self, error->message);
      return;
    }

  show_step (self, "review");
  fill_review (self, result);
  update_buttons (self);
}

/* The mapping as saved for the next file: the attributes and touchpoints the user mapped
 * to existing ones are named as those. */
static EcartImportMapping *
mapping_to_save (EcartImportDialog *self)
{
  EcartImportMapping *mapping = ecart_import_mapping_copy (ecart_importer_get_mapping (self->importer));
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ecart_import_mapping_get_n_columns (mapping); i++)
    g_ptr_array_add (columns, g_strdup (ecart_import_mapping_get_column (mapping, i, NULL, NULL, NULL)));

  for (guint i = 0; i < columns->len; i++)
    {
      EcartDimension dimension;
      const char *attribute;
      const char *touchpoint;
      g_autofree char *new_attribute = NULL;
      g_autofree char *new_touchpoint = NULL;
      guint index;

      for (index = 0; index < ecart_import_mapping_get_n_columns (mapping); index++)
        if (g_strcmp0 (ecart_import_mapping_get_column (mapping, index, NULL, NULL, NULL),
                       columns->pdata[i]) == 0)
          break;
      ecart_import_mapping_get_column (mapping, index, &dimension, &attribute, &touchpoint);
      new_attribute = g_strdup (attribute);
      new_touchpoint = g_strdup (touchpoint);

      for (guint n = 0; n < self->names->len; n++)
        {
          NameChoice *choice = self->names->pdata[n];
          guint selected = gtk_drop_down_get_selected (choice->choice);
          const char *target = dropdown_string (choice->choice);
          char **field = choice->kind == ECART_IMPORT_NAME_ATTRIBUTE ? &new_attribute
                         : choice->kind == ECART_IMPORT_NAME_TOUCHPOINT ? &new_touchpoint : NULL;

          g_autofree char *current = NULL;
          g_autofree char *mapped = NULL;

          if (selected == 0 || field == NULL || *field == NULL)
            continue;
          current = fold (*field);
          mapped = fold (choice->name);
          if (g_str_equal (current, mapped))
            {
              g_free (*field);
              *field = g_strdup (target);
            }
        }
      ecart_import_mapping_set_column (mapping, columns->pdata[i], dimension, new_attribute,
                                       new_touchpoint, NULL);
    }
  return mapping;
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(EcartImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartImportResult) result = NULL;
  g_autofree char *mapping_name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  GtkWindow *parent;
  AdwToast *toast;
  guint64 measurements;

  result = ecart_importer_run_finish (ECART_IMPORTER (source), res, &error);
  finish_running (self);

  if (result == NULL)
    {
      if (self->close_when_done)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      show_step (self, "review");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Cancelled: nothing was written."));
      else
        show_error (self, error->message);
      return;
    }

  mapping_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mapping_row))));
  if (mapping_name[0] != '\0')
    {
      g_autoptr(EcartImportMapping) mapping = mapping_to_save (self);

      if (!ecart_importer_save_mapping (self->workspace, mapping_name, mapping,
                                        ecart_import_result_get_header (result), &error))
        ecart_gui_show_error (GTK_WIDGET (self), _("Could Not Save the Columns"), error);
    }

  measurements = ecart_import_result_get_measurements (result);
  count = g_strdup_printf ("%'" G_GUINT64_FORMAT, measurements);
  /* TRANSLATORS: a number of measurements, then the name of the new wave */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s measurement into “%s”",
                                        "Imported %s measurements into “%s”", measurements),
                           count, ecart_import_result_get_wave_name (result));
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.delete-imported-wave");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new_int64 (ecart_import_result_get_wave_id (result)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (ECART_IS_WINDOW (parent))
    ecart_window_add_toast (ECART_WINDOW (parent), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start (EcartImportDialog *self,
       gboolean           write)
{
  g_autoptr(GError) error = NULL;

  if (self->running || self->file == NULL)
    return;

  if (!write)
    {
      g_autoptr(EcartImportMapping) mapping = build_mapping (self, &error);
      g_autofree char *wave = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->wave_row))));

      if (mapping == NULL)
        {
          show_error (self, error->message);
          return;
        }
      if (wave[0] == '\0')
        {
          show_error (self, _("Give the new wave a name"));
          return;
        }
      if (ecart_workspace_find_by_name (self->workspace, ecart_workspace_get_waves (self->workspace),
                                        wave) != NULL)
        {
          g_autofree char *message =
            /* TRANSLATORS: %s is the name of a wave */
            g_strdup_printf (_("A wave named “%s” already exists: give the new wave another name"),
                             wave);

          show_error (self, message);
          return;
        }

      g_clear_object (&self->importer);
      self->importer = ecart_importer_new (self->workspace, self->file, mapping);
      ecart_importer_set_wave_name (self->importer, wave);
      ecart_importer_set_progress_func (self->importer, on_progress, self, NULL);
    }
  else
    {
      EcartImportResult *result = ecart_importer_get_result (self->importer);
      gboolean create = FALSE;

      for (guint i = 0; i < self->names->len; i++)
        {
          NameChoice *choice = self->names->pdata[i];
          guint selected = gtk_drop_down_get_selected (choice->choice);
          g_autoptr(EcartItem) item = NULL;

          if (selected > 0)
            item = g_list_model_get_item (items_of_kind (self, choice->kind), selected - 1);
          if (item == NULL)
            create = TRUE;
          ecart_importer_map_name (self->importer, choice->kind, choice->name,
                                   item != NULL ? ecart_item_get_id (item) : 0);
        }
      ecart_importer_set_create_missing (self->importer, create);
      ecart_importer_set_strict (self->importer, FALSE);
      ecart_importer_set_force (self->importer,
                                result != NULL
                                && ecart_import_result_get_previous_import (result) != NULL);
    }

  self->running = TRUE;
  self->writing = write;
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", TRUE);
  adw_status_page_set_title (self->progress_page, write ? _("Importing…") : _("Checking the File…"));
  adw_status_page_set_description (self->progress_page,
                                   write ? _("The file is read again and its valid rows are "
                                             "written, all at once: until the end, the "
                                             "workspace is unchanged.")
                                         : _("Every row is read and checked. Nothing is "
                                             "written yet."));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  show_error (self, NULL);
  show_step (self, "progress");

  if (write)
    ecart_importer_run_async (self->importer, self->cancellable, on_run_done_cb, g_object_ref (self));
  else
    ecart_importer_check_async (self->importer, self->cancellable, on_check_done_cb,
                                g_object_ref (self));
}

/* Actions ----------------------------------------------------------------------------------- */

static void
on_choose_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       EcartImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ecart_import_dialog_set_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EcartImportDialog *self = ECART_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Measurements"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start (ECART_IMPORT_DIALOG (widget), FALSE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EcartImportDialog *self = ECART_IMPORT_DIALOG (widget);

  if (self->importer != NULL && ecart_importer_get_result (self->importer) != NULL)
    start (self, TRUE);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartImportDialog *self = ECART_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartImportDialog *self = ECART_IMPORT_DIALOG (widget);

  if (self->running)
    return;
  gtk_widget_action_set_enabled (widget, "import.import", TRUE);
  show_error (self, NULL);
  show_step (self, "columns");
}

static void
copy_rejected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EcartImportDialog *self = ECART_IMPORT_DIALOG (widget);
  EcartImportResult *result = self->importer != NULL ? ecart_importer_get_result (self->importer)
                                                     : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (result == NULL)
    return;
  for (guint i = 0; i < ecart_import_result_get_n_kept_problems (result); i++)
    {
      g_autofree char *line = ecart_import_problem_to_string (ecart_import_result_get_problem (result, i));

      g_string_append_printf (text, "%s\n", line);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
}

/* GObject ------------------------------------------------------------------------------------ */

static gboolean
ecart_import_dialog_close_request (GtkWindow *window)
{
  EcartImportDialog *self = ECART_IMPORT_DIALOG (window);

  /* Closing while it runs cancels; the window goes when the worker has let go. */
  if (self->running)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ecart_import_dialog_parent_class)->close_request (window);
}

static void
ecart_import_dialog_dispose (GObject *object)
{
  EcartImportDialog *self = (EcartImportDialog *)object;

  if (self->importer != NULL)
    ecart_importer_set_progress_func (self->importer, NULL, NULL, NULL);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (ecart_import_dialog_parent_class)->dispose (object);
}

static void
ecart_import_dialog_finalize (GObject *object)
{
  EcartImportDialog *self = (EcartImportDialog *)object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->file);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preview, ecart_import_preview_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->saved_name, g_free);

  G_OBJECT_CLASS (ecart_import_dialog_parent_class)->finalize (object);
}

static void
ecart_import_dialog_class_init (EcartImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ecart_import_dialog_dispose;
  object_class->finalize = ecart_import_dialog_finalize;
  window_class->close_request = ecart_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, primary_button);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, nothing_button);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, saved_label);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, scale_min_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, scale_max_spin);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, segment_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, wave_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, summary_list);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, previous_label);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, names_group);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, names_list);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, rejected_group);
  gtk_widget_class_bind_template_child (widget_class, EcartImportDialog, rejected_list);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.copy-rejected", NULL, copy_rejected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static GtkStringList *
string_list (const char * const *items)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, _(items[i]));
  return list;
}

static void
ecart_import_dialog_init (EcartImportDialog *self)
{
  const char *encoding_names[] = { N_("UTF-8"), N_("UTF-16, little-endian"),
                                   N_("UTF-16, big-endian"), N_("Windows-1252 (Western Europe)"),
                                   NULL };
  const char *delimiter_names[] = { N_("Comma (,)"), N_("Semicolon (;)"), N_("Tab"),
                                    N_("Vertical bar (|)"), NULL };
  const char *decimal_names[] = { N_("Point (7.5)"), N_("Comma (7,5)"), NULL };
  const char *layout_names[] = { N_("Wide: one row per respondent"),
                                 N_("Long: one row per measurement"), NULL };
  g_autoptr(GtkStringList) encodings_model = string_list (encoding_names);
  g_autoptr(GtkStringList) delimiters_model = string_list (delimiter_names);
  g_autoptr(GtkStringList) decimals_model = string_list (decimal_names);
  g_autoptr(GtkStringList) layouts_model = string_list (layout_names);

  gtk_widget_init_template (GTK_WIDGET (self));
  set_button_label (self->cancel_button, _("_Cancel"));
  set_button_label (self->back_button, _("_Back"));
  set_button_label (self->nothing_button, _("Import _Nothing"));
  set_button_label (self->stop_button, _("_Cancel"));
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->names = g_ptr_array_new_with_free_func (name_choice_free);

  self->loading = TRUE;
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encodings_model));
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiters_model));
  adw_combo_row_set_model (self->decimal_row, G_LIST_MODEL (decimals_model));
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (layouts_model));
  self->loading = FALSE;

  g_signal_connect_swapped (self->encoding_row, "notify::selected",
                            G_CALLBACK (on_reading_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected",
                            G_CALLBACK (on_reading_changed_cb), self);
  g_signal_connect_swapped (self->header_spin, "value-changed",
                            G_CALLBACK (on_header_spin_changed_cb), self);
  g_signal_connect_swapped (self->layout_row, "notify::selected",
                            G_CALLBACK (on_layout_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", FALSE);
  show_step (self, "choose");
}

/**
 * ecart_import_dialog_new:
 *
 * Returns: (transfer floating): a dialog importing into @workspace, over @parent; call
 *   ecart_import_dialog_set_file() to start from a file, else it asks for one
 */
EcartImportDialog *
ecart_import_dialog_new (GtkWindow      *parent,
                         EcartWorkspace *workspace)
{
  EcartImportDialog *self;
  g_autoptr(GtkStringList) segments = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ECART_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  segments = names_model (ecart_workspace_get_segments (workspace),
                          _("From the column marked Segment"));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  return self;
}

GFile *
ecart_import_dialog_get_file (EcartImportDialog *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

/* Returns: (nullable) (transfer none): the importer of the last check or import */
EcartImporter *
ecart_import_dialog_get_importer (EcartImportDialog *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_DIALOG (self), NULL);
  return self->importer;
}

gboolean
ecart_import_dialog_is_running (EcartImportDialog *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_DIALOG (self), FALSE);
  return self->running;
}

/* Returns: (nullable): the name of the saved mapping the columns were read with */
const char *
ecart_import_dialog_get_saved_name (EcartImportDialog *self)
{
  g_return_val_if_fail (ECART_IS_IMPORT_DIALOG (self), NULL);
  return self->saved_name;
}

/* The window's side ------------------------------------------------------------------------- */

static void
open_dialog (GtkWidget *window,
             GFile     *file)
{
  EcartWorkspace *workspace = ecart_window_get_workspace (ECART_WINDOW (window));
  EcartImportDialog *dialog;

  if (workspace == NULL)
    {
      ecart_gui_toast (window, _("Open a workspace to import measurements into it"));
      return;
    }
  if (ecart_workspace_is_read_only (workspace))
    {
      ecart_gui_toast (window, _("This workspace cannot be changed now: nothing can be imported "
                                 "into it"));
      return;
    }

  dialog = ecart_import_dialog_new (GTK_WINDOW (window), workspace);
  if (file != NULL)
    ecart_import_dialog_set_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
window_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_dialog (widget, NULL);
}

static void
window_delete_imported_wave_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  EcartWorkspace *workspace = ecart_window_get_workspace (ECART_WINDOW (widget));
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWave) wave = NULL;
  g_autofree char *title = NULL;
  EcartWave *found;

  if (workspace == NULL)
    return;
  found = ecart_workspace_find_wave (workspace, g_variant_get_int64 (parameter));
  if (found == NULL)
    {
      ecart_gui_toast (widget, _("The imported wave was already deleted"));
      return;
    }
  wave = g_object_ref (found);
  if (!ecart_workspace_delete_wave (workspace, wave, &error))
    {
      ecart_window_show_error (ECART_WINDOW (widget), _("Could Not Undo the Import"), error);
      return;
    }
  /* TRANSLATORS: %s is the name of a wave */
  title = g_strdup_printf (_("Deleted the wave “%s”: the import is undone"),
                           ecart_item_get_name (ECART_ITEM (wave)));
  ecart_gui_toast (widget, title);
}

void
ecart_import_dialog_install_window_actions (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.import", NULL, window_import_action);
  gtk_widget_class_install_action (window_class, "win.delete-imported-wave", "x",
                                   window_delete_imported_wave_action);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkWidget     *window)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;

  if (!G_IS_FILE (file))
    return FALSE;
  base = g_file_get_basename (file);
  lower = g_ascii_strdown (base != NULL ? base : "", -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".tsv")
      && !g_str_has_suffix (lower, ".txt"))
    {
      g_autofree char *display = g_filename_display_name (base != NULL ? base : "");
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a CSV file: only CSV files of "
                                                    "measurements can be dropped here"),
                                                  display);

      ecart_gui_toast (window, message);
      return FALSE;
    }
  open_dialog (window, file);
  return TRUE;
}

void
ecart_import_dialog_add_drop_target (GtkWidget *window)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), window);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (target));
}

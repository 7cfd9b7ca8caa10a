/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ecart-gui-util.h"
#include "ecart-import-dialog-private.h"
#include "ecart-window.h"

/* The import dialog (docs/import.md, "Importing in the window"). Four steps in a stack:
 * choose a file; say how it is read and what each column holds (the detected encoding,
 * delimiter, header rows and decimal separator, each correctable, over a preview of the
 * first rows); check it on a worker thread with a progress bar (nothing written), then
 * review what it holds (counts, names the workspace lacks to create or map, rejected rows);
 * import on a worker thread. The core (EcartImporter) does the reading and the writing on
 * its own connection; the window's workspace is reloaded and emits "changed" after. */

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

static void
show_error (EcartImportDialog *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
_ecart_import_dialog_show_error (EcartImportDialog *self,
                                 const char        *message)
{
  show_error (self, message);
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

  if (!_ecart_import_dialog_read_preview (self, ECART_CSV_ENCODING_AUTO, 0, &error))
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
        if (!_ecart_import_dialog_read_preview (self, encoding, delimiter, &error))
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
      char **header = self->preview->rows->pdata[0];

      gtk_spin_button_set_value (self->header_spin, _ecart_import_dialog_guess_header_rows (self));
      adw_combo_row_set_selected (self->layout_row, _ecart_import_dialog_guess_long_layout (header));
    }
  _ecart_import_dialog_select_detected (self, decimal);
  adw_combo_row_set_selected (self->segment_row, 0);
  self->loading = FALSE;

  _ecart_import_dialog_fill_preview_grid (self);
  _ecart_import_dialog_build_columns (self);

  stem = file_stem (file);
  if (saved != NULL)
    {
      g_autofree char *text =
        /* TRANSLATORS: %s is the name of a saved mapping */
        g_strdup_printf (_("The columns are read as saved in “%s”, for a file with the same "
                           "columns. Check them, then go on."),
                         self->saved_name);

      _ecart_import_dialog_apply_mapping (self, saved);
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
  model = _ecart_import_dialog_names_model (items_of_kind (self, kind), create);

  choice->kind = kind;
  choice->name = g_strdup (name);
  choice->choice = _ecart_import_dialog_new_drop_down (model, name);
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
      const EcartImportProblem *problem = ecart_import_result_get_problem (result, i);
      g_autofree char *text = ecart_import_problem_to_string (problem);

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
          const char *target = _ecart_import_dialog_dropdown_string (choice->choice);
          char **field = choice->kind == ECART_IMPORT_NAME_ATTRIBUTE ? &new_attribute
                         : choice->kind == ECART_IMPORT_NAME_TOUCHPOINT ? &new_touchpoint : NULL;

          g_autofree char *current = NULL;
          g_autofree char *mapped = NULL;

          if (selected == 0 || field == NULL || *field == NULL)
            continue;
          current = _ecart_import_dialog_fold (*field);
          mapped = _ecart_import_dialog_fold (choice->name);
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
      g_autoptr(EcartImportMapping) mapping = _ecart_import_dialog_build_mapping (self, &error);
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->wave_row));
      g_autofree char *wave = g_strstrip (g_strdup (typed));

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
      const EcartImportProblem *problem = ecart_import_result_get_problem (result, i);
      g_autofree char *line = ecart_import_problem_to_string (problem);

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
  const char *layout_names[] = { N_("Wide"), N_("Long"), NULL };
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
                            G_CALLBACK (_ecart_import_dialog_on_reading_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected",
                            G_CALLBACK (_ecart_import_dialog_on_reading_changed_cb), self);
  g_signal_connect_swapped (self->header_spin, "value-changed",
                            G_CALLBACK (_ecart_import_dialog_on_header_spin_changed_cb), self);
  g_signal_connect_swapped (self->layout_row, "notify::selected",
                            G_CALLBACK (_ecart_import_dialog_on_layout_changed_cb), self);
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
  segments = _ecart_import_dialog_names_model (ecart_workspace_get_segments (workspace),
                          _("From a column"));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  g_signal_connect_swapped (self->segment_row, "notify::selected",
                            G_CALLBACK (_ecart_import_dialog_on_segment_changed_cb), self);
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

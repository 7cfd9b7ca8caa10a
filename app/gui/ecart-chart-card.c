/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ecart-chart-card.h"
#include "ecart-gui-util.h"

/* One chart of the dashboard in its card: the chart, or its figures as a table ("Show
 * data"), and what can be done with it: copy it as a picture, export it as PNG, SVG or PDF,
 * print it. Pictures leaving the window are always light, on their background. */

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 900

struct _EcartChartCard
{
  GtkWidget        parent_instance;

  EcartChart      *chart;
  char            *caption;

  GtkLabel        *kind_label;
  GtkToggleButton *data_button;
  GtkStack        *stack;
  EcartChartView  *view;
  GtkRevealer     *cursor_revealer;
  GtkLabel        *cursor_label;
  GtkLabel        *data_title_label;
  GtkLabel        *data_subtitle_label;
  GtkGrid         *data_grid;
  GtkLabel        *data_note_label;
  char            *data_text;
};

G_DEFINE_FINAL_TYPE (EcartChartCard, ecart_chart_card, GTK_TYPE_WIDGET)

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GSettings *
get_settings (void)
{
  return g_settings_new ("io.github.ecart.Ecart");
}

static void
on_data_button_toggled_cb (EcartChartCard *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->data_button) ? "data" : "chart");
}

static void
on_cursor_text_changed_cb (EcartChartCard *self)
{
  const char *text = ecart_chart_view_get_cursor_text (self->view);
  g_auto(GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : NULL;

  /* One line under the chart, as a caption. */
  if (lines != NULL)
    {
      g_autofree char *line = g_strjoinv (" · ", lines);

      gtk_label_set_text (self->cursor_label, line);
    }
  gtk_revealer_set_reveal_child (self->cursor_revealer, text != NULL);
}

static void
on_element_activated_cb (EcartChartCard *self,
                         gpointer        hit)
{
  g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, hit);
}

/* Show data ------------------------------------------------------------------------------- */

/* Like the text alternative: a column is numeric when every cell below the header starts
 * like a number; those are right-aligned. */
static gboolean
looks_numeric (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_isdigit (c) || c == '+' || c == '-' || c == 0x2212 || c == 0x2013
         || (c == 'n' && text[1] == ' ');
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
fill_table (EcartChartCard *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree gboolean *numeric = NULL;
  GtkWidget *child;
  guint n_columns = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->data_grid))) != NULL)
    gtk_grid_remove (self->data_grid, child);

  if (self->chart == NULL)
    {
      set_optional_text (self->data_title_label, NULL);
      set_optional_text (self->data_subtitle_label, NULL);
      set_optional_text (self->data_note_label, NULL);
      return;
    }

  set_optional_text (self->data_title_label, ecart_chart_get_title (self->chart));
  set_optional_text (self->data_subtitle_label, ecart_chart_get_subtitle (self->chart));
  if (ecart_chart_is_empty (self->chart))
    {
      set_optional_text (self->data_note_label, ecart_chart_get_empty_message (self->chart));
      return;
    }
  set_optional_text (self->data_note_label, ecart_chart_get_note (self->chart));

  rows = ecart_chart_get_rows (self->chart);
  for (guint r = 0; r < rows->len; r++)
    n_columns = MAX (n_columns, g_strv_length (g_ptr_array_index (rows, r)));
  numeric = g_new (gboolean, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    numeric[c] = c > 0;
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        if (cells[c][0] != '\0' && !looks_numeric (cells[c]))
          numeric[c] = FALSE;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), numeric[c] ? 1.0 : 0.0);
          /* Selectable labels would each take a Tab: the table is read, not navigated. */
          gtk_widget_set_focusable (label, FALSE);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          if (numeric[c])
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (self->data_grid, label, c, r, 1, 1);
        }
    }
}

/**
 * ecart_chart_card_get_cell:
 *
 * Returns: (nullable): the text of the table's cell at @row (0: the header), @column
 */
const char *
ecart_chart_card_get_cell (EcartChartCard *self,
                           guint           row,
                           guint           column)
{
  GtkWidget *label;

  g_return_val_if_fail (ECART_IS_CHART_CARD (self), NULL);

  label = gtk_grid_get_child_at (self->data_grid, column, row);
  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Copy ------------------------------------------------------------------------------------ */

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EcartChartCard *self = ECART_CHART_CARD (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!(texture = ecart_chart_view_render_texture (self->view, &error)))
    {
      ecart_gui_show_error (widget, _("Could Not Copy the Chart"), error);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  ecart_gui_toast (widget, _("Chart copied as an image"));
}

static void
copy_data_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartChartCard *self = ECART_CHART_CARD (widget);

  if (self->chart == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->data_text);
  ecart_gui_toast (widget, _("Chart data copied"));
}

/* Export ---------------------------------------------------------------------------------- */

/**
 * ecart_chart_card_export:
 * @path: a file name ending in .png, .svg or .pdf
 *
 * Writes the chart as the window would export it: light, 1600 wide, as high as it needs
 * (at least 900).
 */
gboolean
ecart_chart_card_export (EcartChartCard  *self,
                         const char      *path,
                         GError         **error)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(EcartChartStyle) style = NULL;
  double height;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to export"));
      return FALSE;
    }

  style = ecart_chart_style_new (FALSE, g_settings_get_double (settings, "chart-scale"));
  height = ecart_chart_get_preferred_height (self->chart, EXPORT_WIDTH, style);
  ok = ecart_chart_export (self->chart, path, EXPORT_WIDTH,
                           (int)CLAMP (ceil (height), EXPORT_HEIGHT, 20000), style, error);
  /* Exporting laid the chart out at another size: draw it again for the screen. */
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  return ok;
}

static const struct {
  const char *suffix;
  const char *name;
} formats[] = {
  { ".png", N_("PNG Image") },
  { ".svg", N_("SVG Drawing") },
  { ".pdf", N_("PDF Document") },
};

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       EcartChartCard  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    goto out;

  /* A name without a known extension gets the one of the chosen format. */
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg")
      && !g_str_has_suffix (lower, ".pdf"))
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      const char *suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), "suffix") : NULL;
      char *with_suffix = g_strconcat (path, suffix != NULL ? suffix : ".png", NULL);

      g_free (path);
      path = with_suffix;
    }

  settings = get_settings ();
  ecart_gui_remember_folder (settings, path);

  display = g_filename_display_basename (path);
  if (!ecart_chart_card_export (self, path, &error))
    {
      ecart_gui_show_error (GTK_WIDGET (self), _("Could Not Export the Chart"), error);
      goto out;
    }
  message = g_strdup_printf (_("Chart exported to “%s”"), display);
  ecart_gui_toast (GTK_WIDGET (self), message);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EcartChartCard *self = ECART_CHART_CARD (widget);
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chart == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", formats[i].suffix, NULL);

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "suffix", (gpointer)formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }

  ecart_gui_chooser_open_last_folder (GTK_FILE_CHOOSER (chooser), settings);
  name = g_strdup_printf ("%s.png", ecart_chart_get_title (self->chart));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print ----------------------------------------------------------------------------------- */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   EcartChartCard    *self)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 EcartChartCard    *self)
{
  g_autoptr(EcartChartStyle) style = ecart_chart_style_new (FALSE, 1.0);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double height;

  if (self->chart == NULL)
    return;
  ecart_chart_style_set_draws_background (style, FALSE);
  height = MIN (page_height, MAX (ecart_chart_get_preferred_height (self->chart, width, style),
                                  width * 9.0 / 16.0));
  ecart_chart_draw (self->chart, cr, width, height, style);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  EcartChartCard          *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        ecart_gui_show_error (GTK_WIDGET (self), _("Could Not Print the Chart"), error);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  g_object_unref (operation);
  g_object_unref (self);
}

static GtkPrintOperation *
create_print_operation (EcartChartCard *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_job_name (operation, ecart_chart_get_title (self->chart));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  return operation;
}

/**
 * ecart_chart_card_print_to_file:
 * @path: a PDF file
 *
 * Prints the chart into @path as it would go to a printer, without a dialog.
 */
gboolean
ecart_chart_card_print_to_file (EcartChartCard  *self,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (ECART_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to print"));
      return FALSE;
    }
  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EcartChartCard *self = ECART_CHART_CARD (widget);
  GtkPrintOperation *operation;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->chart == NULL)
    return;

  operation = create_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), g_object_ref (self));

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    ecart_gui_show_error (widget, _("Could Not Print the Chart"), error);
}

/* Object ---------------------------------------------------------------------------------- */

EcartChart *
ecart_chart_card_get_chart (EcartChartCard *self)
{
  g_return_val_if_fail (ECART_IS_CHART_CARD (self), NULL);
  return self->chart;
}

void
ecart_chart_card_set_chart (EcartChartCard *self,
                            EcartChart     *chart)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ECART_IS_CHART_CARD (self));
  g_return_if_fail (chart == NULL || ECART_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  ecart_chart_view_set_chart (self->view, chart);
  text = chart != NULL ? ecart_chart_to_text (chart) : NULL;
  /* The text ends with a newline, which a paste would not want. */
  if (text != NULL)
    g_strchomp (text);
  g_free (self->data_text);
  self->data_text = g_steal_pointer (&text);
  fill_table (self);
  if (self->caption == NULL)
    gtk_label_set_text (self->kind_label,
                        chart != NULL ? ecart_chart_kind_get_title (ecart_chart_get_kind (chart)) : "");
  for (const char * const *a = (const char * const[]) { "chart.copy-image", "chart.copy-data",
                                                       "chart.export", "chart.print", NULL };
       *a != NULL; a++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *a, chart != NULL);
}

/**
 * ecart_chart_card_set_caption:
 * @caption: (nullable): what the card says above the chart, %NULL for the kind of chart
 */
void
ecart_chart_card_set_caption (EcartChartCard *self,
                              const char     *caption)
{
  g_return_if_fail (ECART_IS_CHART_CARD (self));

  g_free (self->caption);
  self->caption = g_strdup (caption);
  if (caption != NULL)
    gtk_label_set_text (self->kind_label, caption);
  else
    gtk_label_set_text (self->kind_label,
                        self->chart != NULL ? ecart_chart_kind_get_title (ecart_chart_get_kind (self->chart)) : "");
}

EcartChartView *
ecart_chart_card_get_view (EcartChartCard *self)
{
  g_return_val_if_fail (ECART_IS_CHART_CARD (self), NULL);
  return self->view;
}

gboolean
ecart_chart_card_get_show_data (EcartChartCard *self)
{
  g_return_val_if_fail (ECART_IS_CHART_CARD (self), FALSE);
  return gtk_toggle_button_get_active (self->data_button);
}

void
ecart_chart_card_set_show_data (EcartChartCard *self,
                                gboolean        show_data)
{
  g_return_if_fail (ECART_IS_CHART_CARD (self));
  gtk_toggle_button_set_active (self->data_button, show_data);
}

/**
 * ecart_chart_card_get_data_text:
 *
 * Returns: the text "Copy Data" copies: ecart_chart_to_text() of the chart, whose rows the
 *   table of "Show Data" shows
 */
const char *
ecart_chart_card_get_data_text (EcartChartCard *self)
{
  g_return_val_if_fail (ECART_IS_CHART_CARD (self), NULL);
  return self->data_text != NULL ? self->data_text : "";
}

GtkWidget *
ecart_chart_card_new (void)
{
  return g_object_new (ECART_TYPE_CHART_CARD, NULL);
}

static void
ecart_chart_card_dispose (GObject *object)
{
  EcartChartCard *self = ECART_CHART_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_CHART_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->data_text, g_free);

  G_OBJECT_CLASS (ecart_chart_card_parent_class)->dispose (object);
}

static void
ecart_chart_card_class_init (EcartChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_chart_card_dispose;

  /**
   * EcartChartCard::element-activated:
   * @hit: (type gpointer): the EcartChartHit of the chart's view
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (ECART_TYPE_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ecart/Ecart/ecart-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, data_button);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, view);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, cursor_revealer);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, data_title_label);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, data_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, data_grid);
  gtk_widget_class_bind_template_child (widget_class, EcartChartCard, data_note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_data_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_element_activated_cb);

  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-data", NULL, copy_data_action);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
}

static void
ecart_chart_card_init (EcartChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->view, "notify::cursor-text", G_CALLBACK (on_cursor_text_changed_cb),
                           self, G_CONNECT_SWAPPED);
  for (const char * const *a = (const char * const[]) { "chart.copy-image", "chart.copy-data",
                                                       "chart.export", "chart.print", NULL };
       *a != NULL; a++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *a, FALSE);
}

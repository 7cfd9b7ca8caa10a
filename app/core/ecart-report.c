/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-report"

#include "config.h"

#include "ecart-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ecart-atomic-file.h"
#include "ecart-chart.h"
#include "ecart-gap-table.h"
#include "ecart-report-private.h"

/* The PDF report of a workspace: a cover, the contents, a summary of every segment, then per
 * segment its desired experience, its charts (the same EcartChart code as the window, drawn
 * as vectors), what its customers say about its worst gaps and its open initiatives.
 *
 * ecart-report-layout.c lays the blocks out on pages before anything is drawn; this file
 * builds the blocks (ecart-report-pages.c: the cover, contents, summary and the segment
 * parts) and writes the PDF, atomically (RELIABILITY.md R16), in the language asked
 * (ecart-report-text.c). */

G_DEFINE_QUARK (ecart-report-error-quark, ecart_report_error)

#define PAGE_A4_WIDTH      595.276
#define PAGE_A4_HEIGHT     841.890
#define PAGE_LETTER_WIDTH  612.0
#define PAGE_LETTER_HEIGHT 792.0




static void
report_clear (EcartReportWriter *report)
{
  g_clear_object (&report->table);
  g_clear_pointer (&report->doc, _ecart_report_doc_free);
  g_clear_pointer (&report->chart_style, ecart_chart_style_free);
  g_clear_pointer (&report->date_text, g_free);
  g_clear_pointer (&report->title, g_free);
  g_clear_pointer (&report->part_of_page, g_free);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* ---------------------------------------------------------------------------------- */
/* Running header and footer                                                          */

static void
draw_page_frame (EcartReportDoc *doc,
                 cairo_t        *cr,
                 guint           page,
                 guint           n_pages,
                 gpointer        user_data)
{
  EcartReportWriter *report = user_data;
  double left = _ecart_report_doc_get_text_left (doc);
  double width = _ecart_report_doc_get_text_width (doc);
  double page_height = _ecart_report_doc_get_page_height (doc);
  guint part = report->part_of_page[page];
  const char *right_text = part > 0 ? _ecart_report_doc_get_anchor_title (doc, part - 1) : report->title;
  g_autofree char *name = escape (ecart_workspace_get_name (report->workspace));
  g_autofree char *right = escape (right_text);
  g_autofree char *date = escape (report->date_text);
  /* TRANSLATORS: the page number in the footer of the report: "3 / 24" */
  g_autofree char *number = g_strdup_printf (_("%u / %u"), page + 1, n_pages);
  g_autoptr(PangoLayout) header_left = _ecart_report_doc_layout (doc, ECART_REPORT_FONT_SMALL, name, -1);
  g_autoptr(PangoLayout) header_right = _ecart_report_doc_layout (doc, ECART_REPORT_FONT_SMALL, right, -1);
  g_autoptr(PangoLayout) footer_left = _ecart_report_doc_layout (doc, ECART_REPORT_FONT_SMALL, date, -1);
  g_autoptr(PangoLayout) footer_right = _ecart_report_doc_layout (doc, ECART_REPORT_FONT_SMALL, number, -1);
  PangoRectangle logical;

  pango_layout_set_ellipsize (header_left, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (header_left, (int)(width * 0.48 * PANGO_SCALE));
  pango_layout_set_ellipsize (header_right, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (header_right, (int)(width * 0.48 * PANGO_SCALE));
  pango_layout_set_alignment (header_right, PANGO_ALIGN_RIGHT);

  _ecart_report_show_layout (cr, header_left, left, 32.0, ECART_REPORT_MUTED);
  _ecart_report_show_layout (cr, header_right, left + width * 0.52, 32.0, ECART_REPORT_MUTED);
  _ecart_report_set_color (cr, ECART_REPORT_RULE);
  cairo_rectangle (cr, left, 46.0, width, 0.5);
  cairo_fill (cr);

  cairo_rectangle (cr, left, page_height - 44.0, width, 0.5);
  cairo_fill (cr);
  _ecart_report_show_layout (cr, footer_left, left, page_height - 38.0, ECART_REPORT_MUTED);
  pango_layout_get_extents (footer_right, NULL, &logical);
  _ecart_report_show_layout (cr, footer_right, left + width - (double)logical.width / PANGO_SCALE,
                             page_height - 38.0, ECART_REPORT_MUTED);
}


/* ---------------------------------------------------------------------------------- */
/* Writing                                                                            */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (EcartReportWriter *report,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < _ecart_report_doc_get_n_anchors (report->doc); i++)
    {
      int level = _ecart_report_doc_get_anchor_level (report->doc, i);
      double y;
      g_autofree char *link = NULL;
      int id;

      if (level < 1)
        continue;
      _ecart_report_doc_get_anchor_position (report->doc, i, &y);
      link = g_strdup_printf ("page=%u pos=[%f %f]", _ecart_report_doc_get_anchor_page (report->doc, i),
                              _ecart_report_doc_get_text_left (report->doc), MAX (y - 12.0, 0.0));
      id = cairo_pdf_surface_add_outline (surface, level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          _ecart_report_doc_get_anchor_title (report->doc, i), link,
                                          level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (level == 1)
        parent = id;
    }
}

/* Which part each page belongs to, for the running header. */
static void
map_parts (EcartReportWriter *report)
{
  guint n_pages = _ecart_report_doc_get_n_pages (report->doc);

  report->part_of_page = g_new0 (guint, n_pages);
  for (guint i = 0; i < _ecart_report_doc_get_n_anchors (report->doc); i++)
    {
      guint first;

      if (_ecart_report_doc_get_anchor_level (report->doc, i) != 1)
        continue;
      first = _ecart_report_doc_get_anchor_page (report->doc, i) - 1;
      for (guint p = first; p < n_pages; p++)
        report->part_of_page[p] = i + 1;
    }
}

static void
set_metadata (EcartReportWriter *report,
              cairo_surface_t *surface,
              GDateTime       *date)
{
  g_autofree char *title = g_strdup_printf ("%s – %s", ecart_workspace_get_name (report->workspace),
                                            report->title);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, report->title);
  if (iso != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

/* Building the blocks is the first tenth of the work, drawing the pages the rest. */
#define BUILT 0.1

typedef struct
{
  EcartProgressFunc func;
  gpointer          data;
} Progress;

static void
on_page_drawn (double   fraction,
               gpointer user_data)
{
  Progress *progress = user_data;

  progress->func (BUILT + (1.0 - BUILT) * fraction, progress->data);
}

static gboolean
write_document (EcartReportWriter  *report,
                EcartAtomicFile    *file,
                EcartProgressFunc   progress,
                gpointer            user_data,
                GCancellable       *cancellable,
                GError            **error)
{
  Sink sink = { ecart_atomic_file_get_stream (file), cancellable, NULL };
  EcartPaper paper = ecart_report_options_get_paper (report->options);
  double width = paper == ECART_PAPER_LETTER ? PAGE_LETTER_WIDTH : PAGE_A4_WIDTH;
  double height = paper == ECART_PAPER_LETTER ? PAGE_LETTER_HEIGHT : PAGE_A4_HEIGHT;
  GDateTime *option_date = ecart_report_options_get_date (report->options);
  g_autoptr(GDateTime) date = option_date != NULL ? g_date_time_ref (option_date) : g_date_time_new_now_local ();
  Progress scaled = { progress, user_data };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  report->doc = _ecart_report_doc_new (surface, width, height);
  /* TRANSLATORS: the title of the PDF report, on its cover and in its running header */
  report->title = g_strdup (_("Customer experience report"));
  report->date_text = _ecart_report_format_date_time (report->language, date);
  report->chart_style = ecart_chart_style_new (FALSE, CHART_SCALE);
  ecart_chart_style_set_draws_background (report->chart_style, FALSE);
  set_metadata (report, surface, date);

  _ecart_report_build_pages (report);
  if (progress != NULL)
    progress (BUILT, user_data);
  _ecart_report_doc_paginate (report->doc);
  map_parts (report);
  add_outline (report, surface);

  ok = _ecart_report_doc_draw (report->doc, draw_page_frame, report,
                               progress != NULL ? on_page_drawn : NULL, &scaled, cancellable, error);
  /* The doc holds a cairo context on the surface: release it before finishing. */
  g_clear_pointer (&report->doc, _ecart_report_doc_free);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (sink.error != NULL)
    {
      if (!g_error_matches (sink.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&sink.error, _("Failed to write “%s”: "), ecart_atomic_file_get_path (file));
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ECART_REPORT_ERROR, ECART_REPORT_ERROR_FAILED,
                   _("Failed to draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * ecart_report_write:
 * @options: (nullable): what to write; %NULL for the defaults (every segment and wave, the
 *   interface's language, A4, today)
 * @path: the PDF file to write; an existing file is replaced only once the new one is
 *   complete
 * @progress: (nullable) (scope call): told how far the writing is
 *
 * Writes the report of @workspace as a PDF file. The figures are those of a gap table
 * computed with the gap options of @options.
 *
 * The language of the report is switched for the time of the writing (see
 * ecart-report-text.c): call it from one thread at a time.
 */
gboolean
ecart_report_write (EcartWorkspace      *workspace,
                    EcartReportOptions  *options,
                    const char          *path,
                    EcartProgressFunc    progress,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(EcartReportOptions) defaults = NULL;
  g_autoptr(EcartAtomicFile) file = NULL;
  EcartReportWriter report = { 0 };
  const char *language;
  gboolean ok;

  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (options == NULL || ECART_IS_REPORT_OPTIONS (options), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = defaults = ecart_report_options_new ();
  language = ecart_report_options_get_language (options);
  if (language == NULL)
    language = ecart_report_get_default_language ();
  if (!ecart_report_language_is_available (language))
    {
      g_set_error (error, ECART_REPORT_ERROR, ECART_REPORT_ERROR_LANGUAGE,
                   _("Failed to write the report in “%s”: there is no translation in that language"),
                   language);
      return FALSE;
    }

  report.workspace = workspace;
  report.options = options;
  if (!(report.table = ecart_gap_table_new (workspace, ecart_report_options_get_gap_options (options), error)))
    return FALSE;
  if (!(file = ecart_atomic_file_new (path, error)))
    {
      report_clear (&report);
      return FALSE;
    }

  report.language = _ecart_report_language_push (language);
  ok = write_document (&report, file, progress, user_data, cancellable, error);
  _ecart_report_language_pop (report.language);
  report.language = NULL;
  report_clear (&report);

  if (!ok)
    {
      ecart_atomic_file_abort (file);
      return FALSE;
    }
  return ecart_atomic_file_commit (file, cancellable, error);
}

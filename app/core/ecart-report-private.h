/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <libintl.h>
#include <pango/pangocairo.h>

#include "ecart-gap-table.h"
#include "ecart-report.h"

G_BEGIN_DECLS

/* The report's strings are looked up with gettext's own dgettext(), not with GLib's
 * g_dgettext() (what _() of <glib/gi18n-lib.h> is): GLib decides once per process, on its
 * first call, whether to translate at all, and says no when the interface is English in a
 * locale such as C.UTF-8; a report asked in French must be French all the same. Include this
 * header after <glib/gi18n-lib.h>. */
#undef _
#define _(String) dgettext (GETTEXT_PACKAGE, String)
const char       *_ecart_report_pgettext          (const char           *context,
                                                   const char           *msgid);

/* ecart-report-layout.c: a small page layout engine. The report is first built as a list
 * of blocks (text, table rows, charts, drawings) measured with Pango on the PDF surface
 * itself; then the blocks are laid out on pages (keeping headings with what follows, moving
 * what does not fit to the next page, splitting long paragraphs between lines, repeating
 * table headers); only then is anything drawn. So the table of contents, the outline and
 * the "3 / 24" of every page know their page numbers before the first page is drawn. */

typedef struct _EcartReportDoc   EcartReportDoc;
typedef struct _EcartReportBlock EcartReportBlock;

typedef enum {
  ECART_REPORT_FONT_BODY,
  ECART_REPORT_FONT_SMALL,
  ECART_REPORT_FONT_TABLE,
  ECART_REPORT_FONT_TABLE_HEADER,
  ECART_REPORT_FONT_QUOTE,
  ECART_REPORT_FONT_H1,
  ECART_REPORT_FONT_H2,
  ECART_REPORT_FONT_H3,
  ECART_REPORT_FONT_KICKER,      /* small capitals above a title */
  ECART_REPORT_FONT_BIG_NUMBER,
  ECART_REPORT_FONT_COVER_TITLE,
  ECART_REPORT_FONT_COVER_SUBTITLE,
  ECART_REPORT_N_FONTS
} EcartReportFont;

/* Colours of the report, as 0xRRGGBB. */
#define ECART_REPORT_INK      0x1f2328
#define ECART_REPORT_MUTED    0x5c6670
#define ECART_REPORT_ACCENT   0x16405e
#define ECART_REPORT_RULE     0xd5dae0
#define ECART_REPORT_STRIPE   0xf3f5f7
#define ECART_REPORT_NEGATIVE 0xb3471d  /* vermillion, darkened for text */
#define ECART_REPORT_POSITIVE 0x00734f  /* bluish green, darkened for text */

typedef void (*EcartReportDrawFunc) (EcartReportDoc   *doc,
                                     EcartReportBlock *block,
                                     cairo_t          *cr,
                                     double            x,
                                     double            y,
                                     double            width);

/* Draws the running header and footer of a page (not called for the cover). */
typedef void (*EcartReportPageFunc) (EcartReportDoc *doc,
                                     cairo_t        *cr,
                                     guint           page,
                                     guint           n_pages,
                                     gpointer        user_data);

typedef enum {
  ECART_REPORT_TABLE_LEFT  = 'l',
  ECART_REPORT_TABLE_RIGHT = 'r',
  ECART_REPORT_TABLE_CENTER = 'c',
} EcartReportAlign;

/* Columns of a table: widths as fractions of the text width, and alignments. */
typedef struct
{
  guint        n_columns;
  const double *widths;
  const char   *alignments;  /* one of l r c per column */
} EcartReportTable;

EcartReportDoc   *_ecart_report_doc_new           (cairo_surface_t      *surface,
                                                   double                page_width,
                                                   double                page_height);
void              _ecart_report_doc_free          (EcartReportDoc       *doc);
cairo_t          *_ecart_report_doc_get_cairo     (EcartReportDoc       *doc);
double            _ecart_report_doc_get_page_width  (EcartReportDoc     *doc);
double            _ecart_report_doc_get_page_height (EcartReportDoc     *doc);
double            _ecart_report_doc_get_text_left   (EcartReportDoc     *doc);
double            _ecart_report_doc_get_text_width  (EcartReportDoc     *doc);
double            _ecart_report_doc_get_text_top    (EcartReportDoc     *doc);
double            _ecart_report_doc_get_text_bottom (EcartReportDoc     *doc);
guint             _ecart_report_doc_get_n_pages   (EcartReportDoc       *doc);

PangoLayout      *_ecart_report_doc_layout        (EcartReportDoc       *doc,
                                                   EcartReportFont       font,
                                                   const char           *markup,
                                                   double                width);
double            _ecart_report_layout_height     (PangoLayout          *layout);
void              _ecart_report_set_color         (cairo_t              *cr,
                                                   guint32               rgb);
void              _ecart_report_show_layout       (cairo_t              *cr,
                                                   PangoLayout          *layout,
                                                   double                x,
                                                   double                y,
                                                   guint32               rgb);

/* Blocks. The doc owns them; the functions return them so that a caller can set more. */
EcartReportBlock *_ecart_report_doc_add_block     (EcartReportDoc       *doc,
                                                   double                height,
                                                   EcartReportDrawFunc   draw,
                                                   gpointer              data,
                                                   GDestroyNotify        destroy);
EcartReportBlock *_ecart_report_doc_add_text      (EcartReportDoc       *doc,
                                                   EcartReportFont       font,
                                                   guint32               rgb,
                                                   const char           *markup);
EcartReportBlock *_ecart_report_doc_add_spacer    (EcartReportDoc       *doc,
                                                   double                height);
void              _ecart_report_doc_add_page_break (EcartReportDoc      *doc);
EcartReportBlock *_ecart_report_doc_add_rule      (EcartReportDoc       *doc,
                                                   guint32               rgb,
                                                   double                thickness);
EcartReportBlock *_ecart_report_doc_add_table_row (EcartReportDoc       *doc,
                                                   const EcartReportTable *table,
                                                   gboolean              header,
                                                   const char * const   *cells);

guint             _ecart_report_doc_get_n_blocks  (EcartReportDoc       *doc);
void              _ecart_report_doc_move_blocks   (EcartReportDoc       *doc,
                                                   guint                 from,
                                                   guint                 to);

void              _ecart_report_block_set_space_before (EcartReportBlock *block,
                                                   double                space);
void              _ecart_report_block_set_keep_with_next (EcartReportBlock *block,
                                                   gboolean              keep);
gpointer          _ecart_report_block_get_data    (EcartReportBlock     *block);
double            _ecart_report_block_get_height  (EcartReportBlock     *block);

/* Anchors: places the table of contents and the PDF outline point to. @level 1 is a part
 * (a segment), 2 a section; 0 is a link target only. */
guint             _ecart_report_doc_add_anchor    (EcartReportDoc       *doc,
                                                   int                   level,
                                                   const char           *title);
guint             _ecart_report_doc_get_anchor_page (EcartReportDoc     *doc,
                                                   guint                 anchor);
void              _ecart_report_doc_get_anchor_position (EcartReportDoc *doc,
                                                   guint                 anchor,
                                                   double               *y);
const char       *_ecart_report_doc_get_anchor_title (EcartReportDoc    *doc,
                                                   guint                 anchor);
int               _ecart_report_doc_get_anchor_level (EcartReportDoc    *doc,
                                                   guint                 anchor);
guint             _ecart_report_doc_get_n_anchors (EcartReportDoc       *doc);

/* Pages on which no running header and footer are drawn (the cover). */
void              _ecart_report_doc_set_plain_page (EcartReportDoc      *doc,
                                                   guint                 page);

void              _ecart_report_doc_paginate      (EcartReportDoc       *doc);
gboolean          _ecart_report_doc_draw          (EcartReportDoc       *doc,
                                                   EcartReportPageFunc   page_func,
                                                   gpointer              user_data,
                                                   EcartProgressFunc     progress,
                                                   gpointer              progress_data,
                                                   GCancellable         *cancellable,
                                                   GError              **error);

/* ecart-report-text.c: the language of the report, and numbers and dates written in it. */
typedef struct _EcartReportLanguage EcartReportLanguage;

EcartReportLanguage *_ecart_report_language_push  (const char           *language);
void              _ecart_report_language_pop      (EcartReportLanguage  *scope);
const char       *_ecart_report_language_get_code (EcartReportLanguage  *scope);

char             *_ecart_report_format_number     (EcartReportLanguage  *scope,
                                                   double                value,
                                                   int                   decimals);
char             *_ecart_report_format_signed     (EcartReportLanguage  *scope,
                                                   double                value,
                                                   int                   decimals);
char             *_ecart_report_format_count      (EcartReportLanguage  *scope,
                                                   gint64                count);
char             *_ecart_report_format_percent    (EcartReportLanguage  *scope,
                                                   double                value,
                                                   int                   decimals);
char             *_ecart_report_format_date       (EcartReportLanguage  *scope,
                                                   const char           *iso_date);
char             *_ecart_report_format_date_time  (EcartReportLanguage  *scope,
                                                   GDateTime            *date);

/* The scale of the charts' fonts and strokes in the report: 1.0 is a screen's, where text
 * is about 13 px; on paper, text of about 8 pt. */
#define CHART_SCALE 0.62

/* ecart-report.c and ecart-report-pages.c: what one writing of a report works with. */
typedef struct
{
  EcartWorkspace      *workspace;
  EcartReportOptions  *options;
  EcartGapTable       *table;
  EcartReportLanguage *language;
  EcartReportDoc      *doc;
  struct _EcartChartStyle *chart_style;
  char                *date_text;
  char                *title;
  guint                n_parts;       /* numbered parts so far */
  guint                n_sections;    /* numbered sections of the current part */
  guint               *part_of_page;  /* per page, the anchor of its part + 1 (0: none) */
} EcartReportWriter;

void              _ecart_report_build_pages       (EcartReportWriter    *writer);

G_END_DECLS

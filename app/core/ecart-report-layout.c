/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ecart-report-private.h"

/* The page layout engine of the report (see ecart-report-private.h). Units are PDF points
 * (1/72 in). A block has a height, some space before it (dropped at the top of a page), and
 * may ask to stay on the page of the block after it (a heading). Pagination walks the
 * blocks once; drawing walks the pages. */

#define MARGIN_LEFT    56.0
#define MARGIN_RIGHT   56.0
#define MARGIN_TOP     70.0
#define MARGIN_BOTTOM  62.0
#define CELL_PADDING_X  4.0
#define CELL_PADDING_Y  3.5

struct _EcartReportBlock
{
  double               height;
  double               space_before;
  gboolean             keep_with_next;
  gboolean             page_break;       /* a forced break, drawing nothing */
  gint                 anchor;           /* -1, or the anchor placed at the top of the block */
  EcartReportDrawFunc  draw;
  gpointer             data;
  GDestroyNotify       destroy;
  EcartReportBlock    *repeat;           /* a table header to draw again on a new page */

  /* Set by the pagination. */
  guint                page;
  double               y;
};

typedef struct
{
  char   *title;
  int     level;
  guint   page;  /* 0-based */
  double  y;
} Anchor;

struct _EcartReportDoc
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           page_width;
  double           page_height;
  GPtrArray       *blocks;   /* EcartReportBlock, in order */
  GArray          *anchors;  /* Anchor */
  GArray          *placed;   /* EcartReportBlock *, in page order, repeats included */
  gint             pending_anchor;
  guint            n_pages;
  GHashTable      *plain_pages;
  EcartReportBlock *table_header;  /* of the table being added, if any */
  guint            table_rows;
};

static const struct {
  const char *description;
  double      line_spacing;  /* 0: Pango's */
} fonts[ECART_REPORT_N_FONTS] = {
  [ECART_REPORT_FONT_BODY] = { "Cantarell, Sans 9.5", 1.25 },
  [ECART_REPORT_FONT_SMALL] = { "Cantarell, Sans 8", 1.2 },
  [ECART_REPORT_FONT_TABLE] = { "Cantarell, Sans 8.5", 1.15 },
  [ECART_REPORT_FONT_TABLE_HEADER] = { "Cantarell, Sans Bold 7.5", 1.1 },
  [ECART_REPORT_FONT_QUOTE] = { "Cantarell, Sans 9", 1.25 },
  [ECART_REPORT_FONT_H1] = { "Cantarell, Sans Bold 21", 1.05 },
  [ECART_REPORT_FONT_H2] = { "Cantarell, Sans Bold 13", 1.1 },
  [ECART_REPORT_FONT_H3] = { "Cantarell, Sans Bold 10", 1.1 },
  [ECART_REPORT_FONT_KICKER] = { "Cantarell, Sans Bold 7.5", 1.0 },
  [ECART_REPORT_FONT_BIG_NUMBER] = { "Cantarell, Sans Bold 20", 1.0 },
  [ECART_REPORT_FONT_COVER_TITLE] = { "Cantarell, Sans Extra Bold 30", 1.05 },
  [ECART_REPORT_FONT_COVER_SUBTITLE] = { "Cantarell, Sans Light 15", 1.1 },
};

static void
block_free (EcartReportBlock *block)
{
  if (block->destroy != NULL && block->data != NULL)
    block->destroy (block->data);
  g_free (block);
}

static void
anchor_clear (Anchor *anchor)
{
  g_free (anchor->title);
}

EcartReportDoc *
_ecart_report_doc_new (cairo_surface_t *surface,
                       double           page_width,
                       double           page_height)
{
  EcartReportDoc *doc = g_new0 (EcartReportDoc, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  doc->surface = cairo_surface_reference (surface);
  doc->cr = cairo_create (surface);
  doc->context = pango_cairo_create_context (doc->cr);
  /* Metrics as a printer sets them, independent of any screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);
  doc->page_width = page_width;
  doc->page_height = page_height;
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  doc->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (doc->anchors, (GDestroyNotify)anchor_clear);
  doc->placed = g_array_new (FALSE, FALSE, sizeof (EcartReportBlock *));
  doc->pending_anchor = -1;
  doc->plain_pages = g_hash_table_new (NULL, NULL);
  return doc;
}

void
_ecart_report_doc_free (EcartReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->anchors);
  g_array_unref (doc->placed);
  g_hash_table_unref (doc->plain_pages);
  g_object_unref (doc->context);
  cairo_destroy (doc->cr);
  cairo_surface_destroy (doc->surface);
  g_free (doc);
}

cairo_t *
_ecart_report_doc_get_cairo (EcartReportDoc *doc)
{
  return doc->cr;
}

double
_ecart_report_doc_get_page_width (EcartReportDoc *doc)
{
  return doc->page_width;
}

double
_ecart_report_doc_get_page_height (EcartReportDoc *doc)
{
  return doc->page_height;
}

double
_ecart_report_doc_get_text_left (EcartReportDoc *doc)
{
  return MARGIN_LEFT;
}

double
_ecart_report_doc_get_text_width (EcartReportDoc *doc)
{
  return doc->page_width - MARGIN_LEFT - MARGIN_RIGHT;
}

double
_ecart_report_doc_get_text_top (EcartReportDoc *doc)
{
  return MARGIN_TOP;
}

double
_ecart_report_doc_get_text_bottom (EcartReportDoc *doc)
{
  return doc->page_height - MARGIN_BOTTOM;
}

guint
_ecart_report_doc_get_n_pages (EcartReportDoc *doc)
{
  return doc->n_pages;
}

/* ---------------------------------------------------------------------------------- */
/* Text                                                                               */

/**
 * _ecart_report_doc_layout:
 * @markup: Pango markup (escape what comes from the workspace)
 * @width: the width to wrap at, or -1 for one line
 */
PangoLayout *
_ecart_report_doc_layout (EcartReportDoc  *doc,
                          EcartReportFont  font,
                          const char      *markup,
                          double           width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *description = pango_font_description_from_string (fonts[font].description);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (fonts[font].line_spacing > 0.0)
    pango_layout_set_line_spacing (layout, fonts[font].line_spacing);
  if (width > 0.0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* Names come from a file: one with bytes that are not UTF-8 gets U+FFFD for them rather
   * than an empty layout (Pango refuses invalid markup as a whole). */
  if (markup != NULL && !g_utf8_validate (markup, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (markup, -1);

      pango_layout_set_markup (layout, valid, -1);
    }
  else
    pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  return layout;
}

double
_ecart_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

void
_ecart_report_set_color (cairo_t *cr,
                         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
_ecart_report_show_layout (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y,
                           guint32      rgb)
{
  cairo_save (cr);
  _ecart_report_set_color (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------------------- */
/* Blocks                                                                             */

EcartReportBlock *
_ecart_report_doc_add_block (EcartReportDoc      *doc,
                             double               height,
                             EcartReportDrawFunc  draw,
                             gpointer             data,
                             GDestroyNotify       destroy)
{
  EcartReportBlock *block = g_new0 (EcartReportBlock, 1);

  block->height = height;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
  block->anchor = doc->pending_anchor;
  doc->pending_anchor = -1;
  g_ptr_array_add (doc->blocks, block);
  /* Any block but a row ends a table. */
  doc->table_header = NULL;
  return block;
}

void
_ecart_report_block_set_space_before (EcartReportBlock *block,
                                      double            space)
{
  block->space_before = space;
}

void
_ecart_report_block_set_keep_with_next (EcartReportBlock *block,
                                        gboolean          keep)
{
  block->keep_with_next = keep;
}

gpointer
_ecart_report_block_get_data (EcartReportBlock *block)
{
  return block->data;
}

double
_ecart_report_block_get_height (EcartReportBlock *block)
{
  return block->height;
}

/* A paragraph: a layout, or the lines first_line..last_line of one (after a split). */
typedef struct
{
  PangoLayout *layout;
  guint32      rgb;
  double      *line_tops;     /* per line, plus the bottom of the last one */
  guint        n_lines;
  guint        first_line;
  guint        end_line;      /* one past the last */
  gint         ref_count;
} Paragraph;

static Paragraph *
paragraph_ref (Paragraph *paragraph)
{
  paragraph->ref_count++;
  return paragraph;
}

static void
paragraph_unref (Paragraph *paragraph)
{
  if (--paragraph->ref_count > 0)
    return;
  g_object_unref (paragraph->layout);
  g_free (paragraph->line_tops);
  g_free (paragraph);
}

/* A split paragraph shares its layout; each part has its own line range. */
typedef struct
{
  Paragraph *paragraph;
  guint      first_line;
  guint      end_line;
} ParagraphPart;

static void
paragraph_part_free (ParagraphPart *part)
{
  paragraph_unref (part->paragraph);
  g_free (part);
}

static double
part_height (ParagraphPart *part)
{
  return part->paragraph->line_tops[part->end_line] - part->paragraph->line_tops[part->first_line];
}

static void
draw_paragraph (EcartReportDoc   *doc,
                EcartReportBlock *block,
                cairo_t          *cr,
                double            x,
                double            y,
                double            width)
{
  ParagraphPart *part = block->data;
  Paragraph *paragraph = part->paragraph;
  double top = paragraph->line_tops[part->first_line];

  cairo_save (cr);
  if (part->first_line > 0 || part->end_line < paragraph->n_lines)
    {
      cairo_rectangle (cr, x - 20.0, y, width + 40.0, part_height (part));
      cairo_clip (cr);
    }
  _ecart_report_show_layout (cr, paragraph->layout, x, y - top, paragraph->rgb);
  cairo_restore (cr);
}

EcartReportBlock *
_ecart_report_doc_add_text (EcartReportDoc  *doc,
                            EcartReportFont  font,
                            guint32          rgb,
                            const char      *markup)
{
  Paragraph *paragraph = g_new0 (Paragraph, 1);
  ParagraphPart *part = g_new0 (ParagraphPart, 1);
  PangoLayoutIter *iter;
  guint i = 0;

  paragraph->ref_count = 1;
  paragraph->layout = _ecart_report_doc_layout (doc, font, markup,
                                                _ecart_report_doc_get_text_width (doc));
  paragraph->rgb = rgb;
  paragraph->n_lines = pango_layout_get_line_count (paragraph->layout);
  paragraph->line_tops = g_new0 (double, paragraph->n_lines + 1);
  iter = pango_layout_get_iter (paragraph->layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      paragraph->line_tops[i] = (double)y0 / PANGO_SCALE;
      paragraph->line_tops[i + 1] = (double)y1 / PANGO_SCALE;
      i++;
    }
  while (i < paragraph->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  /* The logical height includes the spacing after the last line. */
  paragraph->line_tops[paragraph->n_lines] = MAX (paragraph->line_tops[paragraph->n_lines],
                                                  _ecart_report_layout_height (paragraph->layout));

  part->paragraph = paragraph;
  part->first_line = 0;
  part->end_line = paragraph->n_lines;
  return _ecart_report_doc_add_block (doc, part_height (part), draw_paragraph, part,
                                      (GDestroyNotify)paragraph_part_free);
}

EcartReportBlock *
_ecart_report_doc_add_spacer (EcartReportDoc *doc,
                              double          height)
{
  EcartReportBlock *block = _ecart_report_doc_add_block (doc, 0.0, NULL, NULL, NULL);

  /* A spacer vanishes at the top of a page: the anchor goes to the next block. */
  doc->pending_anchor = block->anchor;
  block->anchor = -1;
  block->space_before = height;
  return block;
}

void
_ecart_report_doc_add_page_break (EcartReportDoc *doc)
{
  EcartReportBlock *block = _ecart_report_doc_add_block (doc, 0.0, NULL, NULL, NULL);

  /* A break carries no anchor: leave it to the next block. */
  doc->pending_anchor = block->anchor;
  block->anchor = -1;
  block->page_break = TRUE;
}

typedef struct
{
  guint32 rgb;
  double  thickness;
} Rule;

static void
draw_rule (EcartReportDoc   *doc,
           EcartReportBlock *block,
           cairo_t          *cr,
           double            x,
           double            y,
           double            width)
{
  Rule *rule = block->data;

  cairo_save (cr);
  _ecart_report_set_color (cr, rule->rgb);
  cairo_rectangle (cr, x, y, width, rule->thickness);
  cairo_fill (cr);
  cairo_restore (cr);
}

EcartReportBlock *
_ecart_report_doc_add_rule (EcartReportDoc *doc,
                            guint32         rgb,
                            double          thickness)
{
  Rule *rule = g_new (Rule, 1);

  rule->rgb = rgb;
  rule->thickness = thickness;
  return _ecart_report_doc_add_block (doc, thickness, draw_rule, rule, g_free);
}

/* A table row: a layout per cell. */
typedef struct
{
  guint         n_cells;
  PangoLayout **cells;
  double       *x;        /* left of each cell, from the left of the text */
  double       *widths;
  char         *alignments;
  gboolean      header;
  guint         index;    /* of the row in its table, for the stripes */
} Row;

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_clear_object (&row->cells[i]);
  g_free (row->cells);
  g_free (row->x);
  g_free (row->widths);
  g_free (row->alignments);
  g_free (row);
}

static void
draw_row (EcartReportDoc   *doc,
          EcartReportBlock *block,
          cairo_t          *cr,
          double            x,
          double            y,
          double            width)
{
  Row *row = block->data;

  cairo_save (cr);
  if (!row->header && row->index % 2 == 1)
    {
      _ecart_report_set_color (cr, ECART_REPORT_STRIPE);
      cairo_rectangle (cr, x, y, width, block->height);
      cairo_fill (cr);
    }
  _ecart_report_set_color (cr, row->header ? ECART_REPORT_MUTED : ECART_REPORT_RULE);
  cairo_rectangle (cr, x, y + block->height - (row->header ? 0.8 : 0.4), width, row->header ? 0.8 : 0.4);
  cairo_fill (cr);

  for (guint i = 0; i < row->n_cells; i++)
    {
      double cell_x = x + row->x[i] + CELL_PADDING_X;
      double inner = row->widths[i] - 2 * CELL_PADDING_X;
      PangoRectangle logical;

      if (row->cells[i] == NULL)
        continue;
      pango_layout_get_extents (row->cells[i], NULL, &logical);
      /* Right and centred cells are single lines aligned by hand: Pango's own alignment
       * would need the layout width, which numbers do not have. */
      if (row->alignments[i] == 'r')
        cell_x += inner - (double)logical.width / PANGO_SCALE;
      else if (row->alignments[i] == 'c')
        cell_x += (inner - (double)logical.width / PANGO_SCALE) / 2.0;
      _ecart_report_show_layout (cr, row->cells[i], cell_x, y + CELL_PADDING_Y,
                                 row->header ? ECART_REPORT_MUTED : ECART_REPORT_INK);
    }
  cairo_restore (cr);
}

/**
 * _ecart_report_doc_add_table_row:
 * @header: the header row of a table: it is drawn again at the top of every page the table
 *   continues on, until the next header row
 * @cells: markup per column (%NULL for an empty cell)
 */
EcartReportBlock *
_ecart_report_doc_add_table_row (EcartReportDoc         *doc,
                                 const EcartReportTable *table,
                                 gboolean                header,
                                 const char * const     *cells)
{
  EcartReportBlock *table_header = doc->table_header;
  Row *row = g_new0 (Row, 1);
  double text_width = _ecart_report_doc_get_text_width (doc);
  double x = 0.0;
  double height = 0.0;
  EcartReportBlock *block;

  row->n_cells = table->n_columns;
  row->cells = g_new0 (PangoLayout *, table->n_columns);
  row->x = g_new0 (double, table->n_columns);
  row->widths = g_new0 (double, table->n_columns);
  row->alignments = g_strndup (table->alignments, table->n_columns);
  row->header = header;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = table->widths[i] * text_width;
      EcartReportFont font = header ? ECART_REPORT_FONT_TABLE_HEADER : ECART_REPORT_FONT_TABLE;

      row->x[i] = x;
      row->widths[i] = width;
      x += width;
      if (cells[i] == NULL || cells[i][0] == '\0')
        continue;
      row->cells[i] = _ecart_report_doc_layout (doc, font, cells[i],
                                                table->alignments[i] == 'l' ? width - 2 * CELL_PADDING_X : -1);
      height = MAX (height, _ecart_report_layout_height (row->cells[i]));
    }

  block = _ecart_report_doc_add_block (doc, height + 2 * CELL_PADDING_Y, draw_row, row,
                                       (GDestroyNotify)row_free);
  if (header)
    {
      doc->table_header = block;
      doc->table_rows = 0;
      block->keep_with_next = TRUE;
    }
  else
    {
      /* Rows of one table follow each other; any other block ended it. */
      doc->table_header = table_header;
      block->repeat = table_header;
      row->index = ++doc->table_rows;
    }
  return block;
}

guint
_ecart_report_doc_get_n_blocks (EcartReportDoc *doc)
{
  return doc->blocks->len;
}

/* Moves the blocks from @from to the end so that they start at @to (before @from). */
void
_ecart_report_doc_move_blocks (EcartReportDoc *doc,
                               guint           from,
                               guint           to)
{
  guint n = doc->blocks->len - from;
  g_autofree gpointer *moved = g_new (gpointer, n);

  g_assert (to <= from);
  memcpy (moved, doc->blocks->pdata + from, n * sizeof (gpointer));
  memmove (doc->blocks->pdata + to + n, doc->blocks->pdata + to, (from - to) * sizeof (gpointer));
  memcpy (doc->blocks->pdata + to, moved, n * sizeof (gpointer));
}

/* ---------------------------------------------------------------------------------- */
/* Anchors                                                                            */

/**
 * _ecart_report_doc_add_anchor:
 *
 * Places an anchor at the top of the next block added.
 *
 * Returns: its number
 */
guint
_ecart_report_doc_add_anchor (EcartReportDoc *doc,
                              int             level,
                              const char     *title)
{
  Anchor anchor = { g_strdup (title), level, 0, 0.0 };

  g_array_append_val (doc->anchors, anchor);
  doc->pending_anchor = doc->anchors->len - 1;
  return doc->anchors->len - 1;
}

/* 1-based, as printed. */
guint
_ecart_report_doc_get_anchor_page (EcartReportDoc *doc,
                                   guint           anchor)
{
  return g_array_index (doc->anchors, Anchor, anchor).page + 1;
}

void
_ecart_report_doc_get_anchor_position (EcartReportDoc *doc,
                                       guint           anchor,
                                       double         *y)
{
  *y = g_array_index (doc->anchors, Anchor, anchor).y;
}

const char *
_ecart_report_doc_get_anchor_title (EcartReportDoc *doc,
                                    guint           anchor)
{
  return g_array_index (doc->anchors, Anchor, anchor).title;
}

int
_ecart_report_doc_get_anchor_level (EcartReportDoc *doc,
                                    guint           anchor)
{
  return g_array_index (doc->anchors, Anchor, anchor).level;
}

guint
_ecart_report_doc_get_n_anchors (EcartReportDoc *doc)
{
  return doc->anchors->len;
}

void
_ecart_report_doc_set_plain_page (EcartReportDoc *doc,
                                  guint           page)
{
  g_hash_table_add (doc->plain_pages, GUINT_TO_POINTER (page));
}

/* ---------------------------------------------------------------------------------- */
/* Pagination                                                                         */

/* The height a block needs on the page it starts: with the blocks it keeps with. */
static double
needed_height (EcartReportDoc *doc,
               guint           index,
               gboolean        at_top)
{
  EcartReportBlock *block = g_ptr_array_index (doc->blocks, index);
  double height = block->height + (at_top ? 0.0 : block->space_before);

  while (block->keep_with_next && index + 1 < doc->blocks->len)
    {
      EcartReportBlock *next = g_ptr_array_index (doc->blocks, ++index);

      if (next->page_break)
        break;
      height += next->space_before + next->height;
      block = next;
    }
  return height;
}

/* Splits a paragraph block so that its first part fits in @available; the second part is
 * inserted after it. Returns FALSE when not even a line fits. */
static gboolean
split_paragraph (EcartReportDoc *doc,
                 guint           index,
                 double          available)
{
  EcartReportBlock *block = g_ptr_array_index (doc->blocks, index);
  ParagraphPart *part = block->data;
  ParagraphPart *rest;
  EcartReportBlock *second;
  guint end = part->first_line;

  if (block->draw != draw_paragraph)
    return FALSE;
  while (end < part->end_line &&
         part->paragraph->line_tops[end + 1] - part->paragraph->line_tops[part->first_line] <= available)
    end++;
  if (end == part->first_line || end == part->end_line)
    return FALSE;

  rest = g_new0 (ParagraphPart, 1);
  rest->paragraph = paragraph_ref (part->paragraph);
  rest->first_line = end;
  rest->end_line = part->end_line;
  part->end_line = end;
  block->height = part_height (part);

  second = g_new0 (EcartReportBlock, 1);
  second->height = part_height (rest);
  second->draw = draw_paragraph;
  second->data = rest;
  second->destroy = (GDestroyNotify)paragraph_part_free;
  second->anchor = -1;
  second->keep_with_next = block->keep_with_next;
  block->keep_with_next = FALSE;
  g_ptr_array_insert (doc->blocks, index + 1, second);
  return TRUE;
}

static void
place (EcartReportDoc   *doc,
       EcartReportBlock *block,
       guint             page,
       double            y)
{
  block->page = page;
  block->y = y;
  g_array_append_val (doc->placed, block);
  if (block->anchor >= 0)
    {
      Anchor *anchor = &g_array_index (doc->anchors, Anchor, block->anchor);

      anchor->page = page;
      anchor->y = y;
    }
}

/* Lays the blocks out on pages: sets each block's page and position, and the anchors'. */
void
_ecart_report_doc_paginate (EcartReportDoc *doc)
{
  double top = _ecart_report_doc_get_text_top (doc);
  double bottom = _ecart_report_doc_get_text_bottom (doc);
  double y = top;
  guint page = 0;
  gboolean empty = TRUE;

  g_array_set_size (doc->placed, 0);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      EcartReportBlock *block = g_ptr_array_index (doc->blocks, i);
      double space = empty ? 0.0 : block->space_before;

      if (block->page_break)
        {
          if (!empty)
            {
              page++;
              y = top;
              empty = TRUE;
            }
          continue;
        }

      if (!empty && y + needed_height (doc, i, FALSE) > bottom)
        {
          /* A long paragraph starts here and goes on on the next page; anything else moves
           * to the next page whole. */
          if (!block->keep_with_next && split_paragraph (doc, i, bottom - y - space))
            block = g_ptr_array_index (doc->blocks, i);
          else
            {
              page++;
              y = top;
              empty = TRUE;
              space = 0.0;
            }
        }
      else if (empty && block->height > bottom - top)
        split_paragraph (doc, i, bottom - top);

      if (empty && block->repeat != NULL)
        {
          /* The table goes on: its header again. */
          EcartReportBlock *header = g_new0 (EcartReportBlock, 1);

          *header = *block->repeat;
          header->destroy = NULL;
          header->anchor = -1;
          g_ptr_array_insert (doc->blocks, i, header);
          /* Freed with the others, but it shares the original's data. */
          header->data = block->repeat->data;
          place (doc, header, page, y);
          y += header->height;
          empty = FALSE;
          i++;
        }

      if (block->height == 0.0 && block->draw == NULL && empty)
        continue;  /* a spacer at the top of a page */
      y += space;
      place (doc, block, page, y);
      y += block->height;
      empty = FALSE;
    }
  doc->n_pages = page + 1;
}

/* ---------------------------------------------------------------------------------- */
/* Drawing                                                                            */

gboolean
_ecart_report_doc_draw (EcartReportDoc       *doc,
                        EcartReportPageFunc   page_func,
                        gpointer              user_data,
                        EcartProgressFunc     progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  double left = _ecart_report_doc_get_text_left (doc);
  double width = _ecart_report_doc_get_text_width (doc);
  guint next = 0;

  for (guint page = 0; page < doc->n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (page_func != NULL && !g_hash_table_contains (doc->plain_pages, GUINT_TO_POINTER (page)))
        page_func (doc, doc->cr, page, doc->n_pages, user_data);

      for (; next < doc->placed->len; next++)
        {
          EcartReportBlock *block = g_array_index (doc->placed, EcartReportBlock *, next);

          if (block->page != page)
            break;
          if (block->draw != NULL)
            {
              cairo_save (doc->cr);
              block->draw (doc, block, doc->cr, left, block->y, width);
              cairo_restore (doc->cr);
            }
        }

      cairo_show_page (doc->cr);
      if (cairo_status (doc->cr) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, ECART_REPORT_ERROR, ECART_REPORT_ERROR_FAILED,
                       _("Failed to draw the report: %s"), cairo_status_to_string (cairo_status (doc->cr)));
          return FALSE;
        }
      if (progress != NULL)
        progress ((page + 1.0) / doc->n_pages, progress_data);
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ecart-chart.h"
#include "ecart-report-private.h"

/* What the report says, as blocks for ecart-report-layout.c: the cover, the contents, the
 * summary (indices, recommendation and largest gaps of every segment), then one part per
 * segment: its desired experience, its charts, what its customers say about its worst gaps
 * and its open initiatives. Every sentence is translated whole; numbers are formatted by
 * ecart-report-text.c in the report's language. */

/* Gaps with an interval and a test: the ones that can be significant. */
static const EcartGapKind measured_gaps[] = {
  ECART_GAP_EXPECTATION, ECART_GAP_PERCEPTION, ECART_GAP_DELIVERY, ECART_GAP_EXECUTION,
};

/* The charts of a segment, in the order of the report. */
static const EcartChartKind segment_charts[] = {
  ECART_CHART_PROFILE, ECART_CHART_GAP_BARS, ECART_CHART_JOURNEY, ECART_CHART_MATRIX,
  ECART_CHART_NPS, ECART_CHART_HEATMAP, ECART_CHART_TRENDS,
};

#define N_TOP_GAPS             3
#define N_VERBATIM_ATTRIBUTES  3
#define N_VERBATIMS            3
#define SEGMENTS_PER_TABLE     5
#define COVER_BAND_HEIGHT      300.0
/* What a chart's section title takes above it, with the space before: see
 * add_section_title() and add_chart_section(). */
#define CHART_HEADING          (20.0 + 17.0 + 8.0)

typedef EcartReportWriter Report;

static const char *
item_name (gpointer item)
{
  return item != NULL ? ecart_item_get_name (ECART_ITEM (item)) : "";
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static char *
hex_color (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
}

static guint32
parse_color (const char *text,
             guint32     fallback)
{
  guint64 value;

  if (text == NULL || text[0] != '#' || strlen (text) != 7 ||
      !g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &value, NULL))
    return fallback;
  return (guint32)value;
}

static guint32
segment_color (EcartSegment *segment)
{
  return parse_color (ecart_segment_get_color (segment), ECART_REPORT_ACCENT);
}

/* The confidence level as people say it: 0.95 → "95 %" (or "95%"). */
static char *
confidence_text (Report *report)
{
  return _ecart_report_format_percent (report->language,
                                       round (ecart_gap_table_get_confidence (report->table) * 1000.0) / 10.0,
                                       fmod (ecart_gap_table_get_confidence (report->table) * 1000.0, 10.0) != 0.0 ? 1 : 0);
}

/* Labels that the model translates with GLib's g_dgettext() (see ecart-report-private.h),
 * translated here with the same message ids. */
static const char *
pillar_label (EcartPillar *pillar)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "product", N_("Product & price") },
    { "processes", N_("Processes") },
    { "relationship", N_("Relationship") },
    { "brand", N_("Brand identity") },
  };

  for (guint i = 0; pillar != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (ecart_pillar_get_key (pillar), labels[i].key) == 0)
      return _(labels[i].label);
  return pillar != NULL ? item_name (pillar) : "";
}

static const char *
status_label (EcartInitiativeStatus status)
{
  static const char * const labels[ECART_N_INITIATIVE_STATUSES] = {
    [ECART_INITIATIVE_IDEA] = N_("Idea"),
    [ECART_INITIATIVE_PLANNED] = N_("Planned"),
    [ECART_INITIATIVE_IN_PROGRESS] = N_("In progress"),
    [ECART_INITIATIVE_DONE] = N_("Done"),
  };

  return _(labels[MIN ((guint)status, ECART_N_INITIATIVE_STATUSES - 1)]);
}

static const char *
chart_title (EcartChartKind kind)
{
  static const char * const titles[ECART_CHART_N_KINDS] = {
    [ECART_CHART_PROFILE] = N_("Four-dimension profile"),
    [ECART_CHART_GAP_BARS] = N_("Gap bars"),
    [ECART_CHART_RADAR] = N_("Radar"),
    [ECART_CHART_JOURNEY] = N_("Journey curve"),
    [ECART_CHART_MATRIX] = N_("Importance–performance matrix"),
    [ECART_CHART_NPS] = N_("Recommendation"),
    [ECART_CHART_HEATMAP] = N_("Heatmap"),
    [ECART_CHART_TRENDS] = N_("Trends"),
  };

  return _(titles[kind]);
}

/* ---------------------------------------------------------------------------------- */
/* Building blocks                                                                    */

static EcartReportBlock *
add_paragraph (Report     *report,
               const char *markup)
{
  EcartReportBlock *block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_BODY,
                                                        ECART_REPORT_INK, markup);

  _ecart_report_block_set_space_before (block, 6.0);
  return block;
}

static EcartReportBlock *
add_plain_paragraph (Report     *report,
                     const char *text)
{
  g_autofree char *markup = escape (text);

  return add_paragraph (report, markup);
}

static EcartReportBlock *
add_note (Report     *report,
          const char *text)
{
  g_autofree char *markup = escape (text);
  EcartReportBlock *block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_SMALL,
                                                        ECART_REPORT_MUTED, markup);

  _ecart_report_block_set_space_before (block, 4.0);
  return block;
}

/* A part: starts a page, numbered, in the contents at the first level. */
static void
add_part_title (Report     *report,
                const char *title,
                const char *kicker,
                guint32     color)
{
  g_autofree char *numbered = g_strdup_printf ("%u. %s", ++report->n_parts, title);
  g_autofree char *markup = escape (numbered);
  EcartReportBlock *block;

  report->n_sections = 0;
  _ecart_report_doc_add_page_break (report->doc);
  _ecart_report_doc_add_anchor (report->doc, 1, numbered);
  if (kicker != NULL)
    {
      g_autofree char *upper = g_utf8_strup (kicker, -1);
      g_autofree char *kicker_markup = g_markup_printf_escaped ("<span letter_spacing=\"1200\">%s</span>", upper);

      block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_KICKER, color, kicker_markup);
      _ecart_report_block_set_keep_with_next (block, TRUE);
    }
  block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_H1, ECART_REPORT_ACCENT, markup);
  _ecart_report_block_set_space_before (block, 3.0);
  _ecart_report_block_set_keep_with_next (block, TRUE);
  block = _ecart_report_doc_add_rule (report->doc, color, 2.0);
  _ecart_report_block_set_space_before (block, 6.0);
  _ecart_report_block_set_keep_with_next (block, TRUE);
  _ecart_report_doc_add_spacer (report->doc, 4.0);
}

/* A section of a part: numbered "2.3", in the contents at the second level. */
static void
add_section_title (Report     *report,
                   const char *title)
{
  g_autofree char *numbered = g_strdup_printf ("%u.%u %s", report->n_parts, ++report->n_sections, title);
  g_autofree char *markup = escape (numbered);
  EcartReportBlock *block;

  _ecart_report_doc_add_anchor (report->doc, 2, numbered);
  block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_H2, ECART_REPORT_ACCENT, markup);
  _ecart_report_block_set_space_before (block, 20.0);
  _ecart_report_block_set_keep_with_next (block, TRUE);
}

static EcartReportBlock *
add_subtitle (Report     *report,
              const char *markup)
{
  EcartReportBlock *block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_H3,
                                                        ECART_REPORT_INK, markup);

  _ecart_report_block_set_space_before (block, 12.0);
  _ecart_report_block_set_keep_with_next (block, TRUE);
  return block;
}

/* "● Families" in the segment's colour. */
static char *
segment_markup (EcartSegment *segment)
{
  g_autofree char *hex = hex_color (segment_color (segment));

  return g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s", hex, item_name (segment));
}

/* Key figures side by side: a big number over its caption, in light boxes. */
typedef struct
{
  guint         n;
  PangoLayout **numbers;
  PangoLayout **captions;
  guint32      *colors;
} Figures;

#define FIGURE_PADDING 8.0
#define FIGURE_GAP     8.0

static void
figures_free (Figures *figures)
{
  for (guint i = 0; i < figures->n; i++)
    {
      g_object_unref (figures->numbers[i]);
      g_object_unref (figures->captions[i]);
    }
  g_free (figures->numbers);
  g_free (figures->captions);
  g_free (figures->colors);
  g_free (figures);
}

static void
draw_figures (EcartReportDoc   *doc,
              EcartReportBlock *block,
              cairo_t          *cr,
              double            x,
              double            y,
              double            width)
{
  Figures *figures = _ecart_report_block_get_data (block);
  double box = (width - FIGURE_GAP * (figures->n - 1)) / figures->n;

  for (guint i = 0; i < figures->n; i++)
    {
      double left = x + i * (box + FIGURE_GAP);

      _ecart_report_set_color (cr, ECART_REPORT_STRIPE);
      cairo_rectangle (cr, left, y, box, _ecart_report_block_get_height (block));
      cairo_fill (cr);
      _ecart_report_set_color (cr, figures->colors[i]);
      cairo_rectangle (cr, left, y, 2.0, _ecart_report_block_get_height (block));
      cairo_fill (cr);
      _ecart_report_show_layout (cr, figures->numbers[i], left + FIGURE_PADDING + 2.0,
                                 y + FIGURE_PADDING, figures->colors[i]);
      _ecart_report_show_layout (cr, figures->captions[i], left + FIGURE_PADDING + 2.0,
                                 y + FIGURE_PADDING + _ecart_report_layout_height (figures->numbers[i]) + 2.0,
                                 ECART_REPORT_MUTED);
    }
}

/* @numbers and @captions: plain text, @n of each. */
static EcartReportBlock *
add_figures (Report             *report,
             guint               n,
             const char * const *numbers,
             const char * const *captions,
             const guint32      *colors)
{
  Figures *figures = g_new0 (Figures, 1);
  double width = _ecart_report_doc_get_text_width (report->doc);
  double box = (width - FIGURE_GAP * (n - 1)) / n;
  double height = 0.0;
  EcartReportBlock *block;

  figures->n = n;
  figures->numbers = g_new0 (PangoLayout *, n);
  figures->captions = g_new0 (PangoLayout *, n);
  figures->colors = g_memdup2 (colors, n * sizeof (guint32));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = escape (numbers[i]);
      g_autofree char *caption = escape (captions[i]);

      figures->numbers[i] = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_BIG_NUMBER, number, -1);
      figures->captions[i] = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_SMALL, caption,
                                                       box - 2 * FIGURE_PADDING - 2.0);
      height = MAX (height, _ecart_report_layout_height (figures->numbers[i]) + 2.0 +
                            _ecart_report_layout_height (figures->captions[i]));
    }
  block = _ecart_report_doc_add_block (report->doc, height + 2 * FIGURE_PADDING, draw_figures,
                                       figures, (GDestroyNotify)figures_free);
  _ecart_report_block_set_space_before (block, 10.0);
  return block;
}

/* A quotation: a bar in the segment's colour, the text, and where it comes from. */
typedef struct
{
  PangoLayout *text;
  PangoLayout *source;
  guint32      color;
} Quote;

#define QUOTE_INDENT 12.0

static void
quote_free (Quote *quote)
{
  g_object_unref (quote->text);
  g_object_unref (quote->source);
  g_free (quote);
}

static void
draw_quote (EcartReportDoc   *doc,
            EcartReportBlock *block,
            cairo_t          *cr,
            double            x,
            double            y,
            double            width)
{
  Quote *quote = _ecart_report_block_get_data (block);

  _ecart_report_set_color (cr, quote->color);
  cairo_rectangle (cr, x + 2.0, y + 1.0, 2.0, _ecart_report_block_get_height (block) - 2.0);
  cairo_fill (cr);
  _ecart_report_show_layout (cr, quote->text, x + QUOTE_INDENT, y, ECART_REPORT_INK);
  _ecart_report_show_layout (cr, quote->source, x + QUOTE_INDENT,
                             y + _ecart_report_layout_height (quote->text) + 1.5, ECART_REPORT_MUTED);
}

static void
add_quote (Report     *report,
           const char *text,
           const char *source,
           guint32     color)
{
  Quote *quote = g_new0 (Quote, 1);
  double width = _ecart_report_doc_get_text_width (report->doc) - QUOTE_INDENT;
  /* TRANSLATORS: a customer's words quoted in the report; use your language's quotes */
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), text);
  g_autofree char *text_markup = g_markup_printf_escaped ("<i>%s</i>", quoted);
  g_autofree char *source_markup = escape (source);
  EcartReportBlock *block;

  quote->text = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_QUOTE, text_markup, width);
  quote->source = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_SMALL, source_markup, width);
  quote->color = color;
  block = _ecart_report_doc_add_block (report->doc,
                                       _ecart_report_layout_height (quote->text) + 1.5 +
                                       _ecart_report_layout_height (quote->source),
                                       draw_quote, quote, (GDestroyNotify)quote_free);
  _ecart_report_block_set_space_before (block, 7.0);
}

/* ---------------------------------------------------------------------------------- */
/* Charts                                                                             */

/* A chart keeps a margin of 24 px × scale around what it draws (ecart-chart-frame.c):
 * it is drawn that much outside its block, so that its title and axes line up with the
 * text of the page. */
#define CHART_MARGIN (24.0 * CHART_SCALE)

typedef struct
{
  EcartChart      *chart;
  EcartChartStyle *style;
} ChartBlock;

static void
chart_block_free (ChartBlock *chart)
{
  g_object_unref (chart->chart);
  g_free (chart);
}

static void
draw_chart (EcartReportDoc   *doc,
            EcartReportBlock *block,
            cairo_t          *cr,
            double            x,
            double            y,
            double            width)
{
  ChartBlock *chart = _ecart_report_block_get_data (block);

  cairo_translate (cr, x - CHART_MARGIN, y - CHART_MARGIN);
  ecart_chart_draw (chart->chart, cr, width + 2 * CHART_MARGIN,
                    _ecart_report_block_get_height (block) + 2 * CHART_MARGIN, chart->style);
}

static void
add_chart_section (Report         *report,
                   EcartSegment   *segment,
                   EcartChartKind  kind)
{
  g_autoptr(EcartChart) chart = ecart_chart_new (kind, report->table, segment,
                                                 ecart_chart_kind_get_default_gap (kind));
  double width = _ecart_report_doc_get_text_width (report->doc);
  double page = _ecart_report_doc_get_text_bottom (report->doc) - _ecart_report_doc_get_text_top (report->doc);
  ChartBlock *data;
  double height;
  double half;
  EcartReportBlock *block;

  add_section_title (report, chart_title (kind));
  if (ecart_chart_is_empty (chart))
    {
      add_plain_paragraph (report, ecart_chart_get_empty_message (chart));
      return;
    }

  /* As tall as the chart needs to stay legible, no flatter than a 16:9 picture, and never
   * more than a page under its section title. A chart that needs a little more than half a
   * page is drawn a little flatter, so that two charts share a page instead of each
   * leaving half of one empty. */
  height = ecart_chart_get_preferred_height (chart, width + 2 * CHART_MARGIN, report->chart_style)
           - 2 * CHART_MARGIN;
  height = MAX (height, width * 9.0 / 16.0);
  half = floor ((page - 2 * CHART_HEADING) / 2.0);
  if (height > half && height <= half * 1.12)
    height = half;
  height = MIN (height, page - CHART_HEADING);

  data = g_new0 (ChartBlock, 1);
  data->chart = g_steal_pointer (&chart);
  data->style = report->chart_style;
  block = _ecart_report_doc_add_block (report->doc, ceil (height), draw_chart, data,
                                       (GDestroyNotify)chart_block_free);
  _ecart_report_block_set_space_before (block, 8.0);
}

/* ---------------------------------------------------------------------------------- */
/* Contents                                                                           */

typedef struct
{
  guint        anchor;
  PangoLayout *title;
  double       indent;
} TocEntry;

static void
toc_entry_free (TocEntry *entry)
{
  g_object_unref (entry->title);
  g_free (entry);
}

static void
draw_toc_entry (EcartReportDoc   *doc,
                EcartReportBlock *block,
                cairo_t          *cr,
                double            x,
                double            y,
                double            width)
{
  TocEntry *entry = _ecart_report_block_get_data (block);
  double height = _ecart_report_block_get_height (block);
  guint page = _ecart_report_doc_get_anchor_page (doc, entry->anchor);
  gboolean part = _ecart_report_doc_get_anchor_level (doc, entry->anchor) == 1;
  guint32 color = part ? ECART_REPORT_ACCENT : ECART_REPORT_INK;
  g_autofree char *number = g_strdup_printf (part ? "<b>%u</b>" : "%u", page);
  g_autoptr(PangoLayout) page_layout = _ecart_report_doc_layout (doc, part ? ECART_REPORT_FONT_BODY
                                                                           : ECART_REPORT_FONT_TABLE,
                                                                number, -1);
  g_autofree char *link = NULL;
  PangoRectangle line_rect;
  PangoRectangle number_rect;
  PangoLayoutLine *last;
  double target_y;
  double number_x;
  double baseline;

  pango_layout_get_extents (page_layout, NULL, &number_rect);
  number_x = x + width - (double)number_rect.width / PANGO_SCALE;
  baseline = y + (double)pango_layout_get_baseline (entry->title) / PANGO_SCALE;
  _ecart_report_doc_get_anchor_position (doc, entry->anchor, &target_y);
  link = g_strdup_printf ("rect=[%.2f %.2f %.2f %.2f] page=%u pos=[%.2f %.2f]", x, y, width, height,
                          page, x, MAX (target_y - 14.0, 0.0));

  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  _ecart_report_show_layout (cr, entry->title, x + entry->indent, y, color);
  /* The page number on the baseline of the title's first line. */
  _ecart_report_show_layout (cr, page_layout, number_x,
                             baseline - (double)pango_layout_get_baseline (page_layout) / PANGO_SCALE,
                             color);
  cairo_tag_end (cr, CAIRO_TAG_LINK);

  /* A dotted leader from the end of a one-line title to the page number. */
  if (pango_layout_get_line_count (entry->title) == 1)
    {
      last = pango_layout_get_line_readonly (entry->title, 0);
      pango_layout_line_get_extents (last, NULL, &line_rect);
      _ecart_report_set_color (cr, ECART_REPORT_RULE);
      for (double dot = ceil ((x + entry->indent + (double)(line_rect.x + line_rect.width) / PANGO_SCALE + 6.0) / 4.0) * 4.0;
           dot < number_x - 5.0; dot += 4.0)
        {
          cairo_arc (cr, dot, baseline, 0.6, 0.0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
add_toc_entry (Report *report,
               guint   anchor)
{
  TocEntry *entry = g_new0 (TocEntry, 1);
  int level = _ecart_report_doc_get_anchor_level (report->doc, anchor);
  double width = _ecart_report_doc_get_text_width (report->doc);
  g_autofree char *title = escape (_ecart_report_doc_get_anchor_title (report->doc, anchor));
  g_autofree char *markup = level == 1 ? g_strdup_printf ("<b>%s</b>", title) : g_strdup (title);
  EcartReportBlock *block;

  entry->anchor = anchor;
  entry->indent = level == 1 ? 0.0 : 16.0;
  entry->title = _ecart_report_doc_layout (report->doc, level == 1 ? ECART_REPORT_FONT_BODY
                                                                   : ECART_REPORT_FONT_TABLE,
                                           markup, width - entry->indent - 48.0);
  block = _ecart_report_doc_add_block (report->doc, _ecart_report_layout_height (entry->title),
                                       draw_toc_entry, entry, (GDestroyNotify)toc_entry_free);
  _ecart_report_block_set_space_before (block, level == 1 ? 9.0 : 1.5);
}

/* ---------------------------------------------------------------------------------- */
/* Figures of a segment                                                               */

/* Respondents of @segment (all segments when NULL) in the waves of the table. */
static gint64
count_respondents (Report       *report,
                   EcartSegment *segment)
{
  EcartDatabase *db = ecart_workspace_get_database (report->workspace);
  GListModel *waves = ecart_gap_table_get_waves (report->table);
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new0 (gint64, g_list_model_get_n_items (waves) + 1);
  gint64 total = 0;

  for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
    {
      g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);

      keys[w] = ecart_item_get_id (ECART_ITEM (wave));
      g_hash_table_add (ids, &keys[w]);
    }

  stmt = ecart_database_prepare (db, "SELECT wave_id, count(*) FROM respondent "
                                     "WHERE ?1 = 0 OR segment_id = ?1 GROUP BY wave_id", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, segment != NULL ? ecart_item_get_id (ECART_ITEM (segment)) : 0);
  while (ecart_database_step (db, stmt, NULL) == ECART_STEP_ROW)
    {
      gint64 wave_id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (ids, &wave_id))
        total += sqlite3_column_int64 (stmt, 1);
    }
  return total;
}

typedef struct
{
  EcartGapRow  *row;
  EcartGapKind  kind;
  double        value;
  double        score;
} TopGap;

static int
compare_top_gaps (gconstpointer a,
                  gconstpointer b)
{
  const TopGap *x = a;
  const TopGap *y = b;

  return x->score < y->score ? 1 : x->score > y->score ? -1 : 0;
}

/* The largest significant gaps of @segment by importance × |gap|, one per attribute (its
 * largest), the largest first. */
static GArray *
top_gaps (Report       *report,
          EcartSegment *segment)
{
  GListModel *rows = ecart_gap_table_get_segment_rows (report->table, segment);
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (TopGap));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EcartGapRow) row = g_list_model_get_item (rows, i);
      TopGap best = { NULL, 0, NAN, -1.0 };

      for (guint k = 0; k < G_N_ELEMENTS (measured_gaps); k++)
        {
          const EcartGap *gap = ecart_gap_row_get_gap (row, measured_gaps[k]);
          /* An importance not set yet counts as the least. */
          double score = MAX (ecart_gap_row_get_importance (row), 1) * fabs (gap->value);

          if (gap->significant && isfinite (gap->value) && score > best.score)
            {
              best.row = row;
              best.kind = measured_gaps[k];
              best.value = gap->value;
              best.score = score;
            }
        }
      if (best.row != NULL)
        g_array_append_val (gaps, best);
    }
  g_array_sort (gaps, compare_top_gaps);
  return gaps;
}

/* "Personal attention: delivery gap −3.6 (significant)" */
static char *
top_gap_text (Report       *report,
              const TopGap *top)
{
  g_autofree char *value = _ecart_report_format_signed (report->language, top->value, 1);
  const char *attribute = item_name (ecart_gap_row_get_attribute (top->row));

  switch (top->kind)
    {
    case ECART_GAP_EXPECTATION:
      return g_strdup_printf (_("%s: expectation gap %s (significant)"), attribute, value);
    case ECART_GAP_PERCEPTION:
      return g_strdup_printf (_("%s: perception gap %s (significant)"), attribute, value);
    case ECART_GAP_DELIVERY:
      return g_strdup_printf (_("%s: delivery gap %s (significant)"), attribute, value);
    case ECART_GAP_EXECUTION:
      return g_strdup_printf (_("%s: execution gap %s (significant)"), attribute, value);
    case ECART_GAP_IMPLEMENTATION:
    default:
      g_assert_not_reached ();
    }
}

static char *
nps_interval_text (Report         *report,
                   const EcartNps *nps)
{
  g_autofree char *low = _ecart_report_format_signed (report->language, nps->ci_low, 1);
  g_autofree char *high = _ecart_report_format_signed (report->language, nps->ci_high, 1);

  /* TRANSLATORS: a confidence interval in the report, "−1.6 to +7.1" */
  return g_strdup_printf (_("%s to %s"), low, high);
}

/* ---------------------------------------------------------------------------------- */
/* Cover                                                                              */

typedef struct
{
  PangoLayout *kicker;
  PangoLayout *title;
  PangoLayout *date;
  PangoLayout *credit;
  GArray      *colors;  /* guint32 per segment */
} Cover;

static void
cover_free (Cover *cover)
{
  g_object_unref (cover->kicker);
  g_object_unref (cover->title);
  g_object_unref (cover->date);
  g_object_unref (cover->credit);
  g_array_unref (cover->colors);
  g_free (cover);
}

static void
draw_cover (EcartReportDoc   *doc,
            EcartReportBlock *block,
            cairo_t          *cr,
            double            x,
            double            y,
            double            width)
{
  Cover *cover = _ecart_report_block_get_data (block);
  double page_width = _ecart_report_doc_get_page_width (doc);
  double page_height = _ecart_report_doc_get_page_height (doc);
  double title_y = 118.0;
  double stripe = page_width / MAX (cover->colors->len, 1);

  _ecart_report_set_color (cr, ECART_REPORT_ACCENT);
  cairo_rectangle (cr, 0, 0, page_width, COVER_BAND_HEIGHT);
  cairo_fill (cr);
  /* A band of the segments' colours under it. */
  for (guint i = 0; i < cover->colors->len; i++)
    {
      _ecart_report_set_color (cr, g_array_index (cover->colors, guint32, i));
      cairo_rectangle (cr, i * stripe, COVER_BAND_HEIGHT, stripe + 0.5, 6.0);
      cairo_fill (cr);
    }

  _ecart_report_show_layout (cr, cover->kicker, x, title_y - 26.0, 0xb9cfe0);
  _ecart_report_show_layout (cr, cover->title, x, title_y, 0xffffff);
  _ecart_report_show_layout (cr, cover->date, x,
                             MAX (title_y + _ecart_report_layout_height (cover->title) + 14.0,
                                  COVER_BAND_HEIGHT - 34.0 - _ecart_report_layout_height (cover->date)),
                             0xdfe8f0);
  _ecart_report_show_layout (cr, cover->credit, x, page_height - 40.0, ECART_REPORT_MUTED);
}

static void
add_cover (Report *report)
{
  Cover *cover = g_new0 (Cover, 1);
  GListModel *segments = ecart_gap_table_get_segments (report->table);
  GListModel *waves = ecart_gap_table_get_waves (report->table);
  double width = _ecart_report_doc_get_text_width (report->doc);
  g_autofree char *kicker = g_utf8_strup (report->title, -1);
  g_autofree char *kicker_markup = g_markup_printf_escaped ("<span letter_spacing=\"1500\">%s</span>", kicker);
  g_autofree char *title = escape (ecart_workspace_get_name (report->workspace));
  g_autofree char *date = escape (report->date_text);
  const char *path = ecart_workspace_get_path (report->workspace);
  g_autofree char *file_name = path != NULL ? g_path_get_basename (path) : NULL;
  /* TRANSLATORS: at the foot of the report's cover: the version of Écart, the file name */
  g_autofree char *credit = g_markup_printf_escaped (_("Written by Écart %s from the workspace “%s”."),
                                                     PACKAGE_VERSION,
                                                     file_name != NULL ? file_name : ecart_workspace_get_name (report->workspace));
  static const double wave_widths[] = { 0.40, 0.44, 0.16 };
  static const EcartReportTable wave_table = { 3, wave_widths, "llr" };
  static const double segment_widths[] = { 0.30, 0.54, 0.16 };
  static const EcartReportTable segment_table = { 3, segment_widths, "llr" };
  EcartReportBlock *block;

  cover->colors = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      guint32 color = segment_color (segment);

      g_array_append_val (cover->colors, color);
    }
  cover->kicker = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_KICKER, kicker_markup, width);
  cover->title = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_COVER_TITLE, title, width);
  cover->date = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_COVER_SUBTITLE, date, width);
  cover->credit = _ecart_report_doc_layout (report->doc, ECART_REPORT_FONT_SMALL, credit, width);
  _ecart_report_doc_add_block (report->doc,
                               COVER_BAND_HEIGHT + 30.0 - _ecart_report_doc_get_text_top (report->doc),
                               draw_cover, cover, (GDestroyNotify)cover_free);
  _ecart_report_doc_set_plain_page (report->doc, 0);

  if (ecart_workspace_get_description (report->workspace) != NULL &&
      ecart_workspace_get_description (report->workspace)[0] != '\0')
    add_plain_paragraph (report, ecart_workspace_get_description (report->workspace));

  block = add_subtitle (report, _("Measurement waves"));
  _ecart_report_block_set_space_before (block, 18.0);
  if (g_list_model_get_n_items (waves) == 0)
    add_plain_paragraph (report, _("There are no waves of measurements yet: the report shows the "
                                   "desired and proposed experience only."));
  else
    {
      const char *header[] = { _("Wave"), _("Dates"), _("Respondents") };

      _ecart_report_doc_add_table_row (report->doc, &wave_table, TRUE, header);
      for (guint w = 0; w < g_list_model_get_n_items (waves); w++)
        {
          g_autoptr(EcartWave) wave = g_list_model_get_item (waves, w);
          g_autofree char *name = escape (item_name (wave));
          g_autofree char *from = _ecart_report_format_date (report->language, ecart_wave_get_started_on (wave));
          g_autofree char *to = _ecart_report_format_date (report->language, ecart_wave_get_ended_on (wave));
          /* TRANSLATORS: the dates of a wave of measurements, "3 March 2025 to 28 March 2025" */
          g_autofree char *dates = g_strdup_printf (_("%s to %s"), from, to);
          g_autofree char *dates_markup = escape (dates);
          g_autofree char *respondents = _ecart_report_format_count (report->language,
                                                                     ecart_wave_get_respondents (wave));
          const char *cells[] = { name, dates_markup, respondents };

          _ecart_report_doc_add_table_row (report->doc, &wave_table, FALSE, cells);
        }
    }

  add_subtitle (report, _("Segments"));
  if (g_list_model_get_n_items (segments) == 0)
    add_plain_paragraph (report, _("There are no segments yet."));
  else
    {
      const char *header[] = { _("Segment"), _("Description"), _("Respondents") };

      _ecart_report_doc_add_table_row (report->doc, &segment_table, TRUE, header);
      for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
        {
          g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
          g_autofree char *name = segment_markup (segment);
          g_autofree char *description = escape (ecart_segment_get_description (segment));
          g_autofree char *respondents = _ecart_report_format_count (report->language,
                                                                     count_respondents (report, segment));
          const char *cells[] = { name, description, respondents };

          _ecart_report_doc_add_table_row (report->doc, &segment_table, FALSE, cells);
        }
    }
}

/* ---------------------------------------------------------------------------------- */
/* Summary                                                                            */

static void
add_reading_guide (Report *report)
{
  g_autofree char *level = confidence_text (report);
  g_autofree char *method = NULL;

  add_plain_paragraph (report, _("This report compares, segment by segment, the four dimensions "
                                 "of the customer experience: the experience the leadership wants "
                                 "(desired), the one the organisation has put in place (proposed), "
                                 "what customers expect and what they live."));
  if (ecart_gap_options_get_holm (ecart_gap_table_get_options (report->table)))
    method = g_strdup_printf (_("Scores and gaps are in points on the 0–10 scale. A gap is "
                                "significant when its %s confidence interval excludes 0, with "
                                "Holm’s correction across the attributes of a segment. The "
                                "importance-weighted index of a gap averages it over the "
                                "attributes, each weighted by its importance (1–5)."), level);
  else
    method = g_strdup_printf (_("Scores and gaps are in points on the 0–10 scale. A gap is "
                                "significant when its %s confidence interval excludes 0 (no "
                                "correction for multiple comparisons). The importance-weighted "
                                "index of a gap averages it over the attributes, each weighted "
                                "by its importance (1–5)."), level);
  add_plain_paragraph (report, method);
}

static void
add_indices_table (Report *report,
                   guint   first,
                   guint   n)
{
  GListModel *segments = ecart_gap_table_get_segments (report->table);
  g_autofree double *widths = g_new0 (double, n + 1);
  g_autofree char *alignments = g_strnfill (n + 1, 'r');
  g_autofree char *level = confidence_text (report);
  EcartReportTable table = { n + 1, widths, alignments };
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  static const char * const gap_labels[ECART_N_GAPS] = {
    N_("Implementation gap"), N_("Expectation gap"), N_("Perception gap"),
    N_("Delivery gap"), N_("Execution gap"),
  };

  widths[0] = 0.30;
  alignments[0] = 'l';
  for (guint i = 0; i < n; i++)
    widths[i + 1] = 0.70 / n;

  g_ptr_array_add (header, g_strdup (""));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, first + i);

      g_ptr_array_add (header, escape (item_name (segment)));
    }
  _ecart_report_doc_add_table_row (report->doc, &table, TRUE, (const char * const *)header->pdata);

  for (guint k = 0; k < ECART_N_GAPS + 3; k++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      if (k < ECART_N_GAPS)
        g_ptr_array_add (cells, escape (_(gap_labels[k])));
      else if (k == ECART_N_GAPS)
        g_ptr_array_add (cells, escape (_("Net Promoter Score")));
      else if (k == ECART_N_GAPS + 1)
        {
          /* TRANSLATORS: a row of the summary table; %s is the level, "95 %" */
          g_autofree char *label = g_strdup_printf (_("NPS %s interval"), level);

          g_ptr_array_add (cells, escape (label));
        }
      else
        g_ptr_array_add (cells, escape (_("Respondents")));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, first + i);
          const EcartNps *nps = ecart_gap_table_get_nps (report->table, segment, NULL);

          if (k < ECART_N_GAPS)
            g_ptr_array_add (cells, _ecart_report_format_signed (report->language,
                                                                 ecart_gap_table_get_index (report->table, segment, k, NULL), 1));
          else if (k == ECART_N_GAPS)
            {
              g_autofree char *value = _ecart_report_format_signed (report->language, nps->nps, 1);

              g_ptr_array_add (cells, g_strdup_printf ("<b>%s</b>", value));
            }
          else if (k == ECART_N_GAPS + 1)
            g_ptr_array_add (cells, nps->n > 0 ? nps_interval_text (report, nps) : g_strdup ("–"));
          else
            g_ptr_array_add (cells, _ecart_report_format_count (report->language,
                                                                count_respondents (report, segment)));
        }
      _ecart_report_doc_add_table_row (report->doc, &table, FALSE, (const char * const *)cells->pdata);
    }
}

/* One row per segment: its largest significant gaps, numbered. */
static void
add_highlights_table (Report *report)
{
  GListModel *segments = ecart_gap_table_get_segments (report->table);
  static const double widths[] = { 0.26, 0.74 };
  static const EcartReportTable table = { 2, widths, "ll" };
  const char *header[] = { _("Segment"), _("Largest significant gaps, by importance × size of the gap") };

  _ecart_report_doc_add_table_row (report->doc, &table, TRUE, header);
  for (guint s = 0; s < g_list_model_get_n_items (segments); s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);
      g_autoptr(GArray) gaps = top_gaps (report, segment);
      g_autofree char *name = segment_markup (segment);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < MIN (gaps->len, N_TOP_GAPS); i++)
        {
          g_autofree char *text = top_gap_text (report, &g_array_index (gaps, TopGap, i));
          g_autofree char *escaped = escape (text);

          g_string_append_printf (list, "%s%u. %s", i > 0 ? "\n" : "", i + 1, escaped);
        }
      if (gaps->len == 0)
        {
          g_autofree char *none = escape (_("No gap is significant for this segment."));

          g_string_append (list, none);
        }
      {
        const char *cells[] = { name, list->str };

        _ecart_report_doc_add_table_row (report->doc, &table, FALSE, cells);
      }
    }
}

static void
add_summary (Report *report)
{
  GListModel *segments = ecart_gap_table_get_segments (report->table);
  guint n_segments = g_list_model_get_n_items (segments);

  add_part_title (report, _("Summary"), NULL, ECART_REPORT_ACCENT);
  add_reading_guide (report);

  if (n_segments == 0)
    {
      add_plain_paragraph (report, _("There are no segments yet: add one to the portfolio to "
                                     "describe its desired experience."));
      return;
    }

  add_section_title (report, _("Gap indices and recommendation"));
  for (guint first = 0; first < n_segments; first += SEGMENTS_PER_TABLE)
    {
      if (first > 0)
        _ecart_report_doc_add_spacer (report->doc, 10.0);
      add_indices_table (report, first, MIN (SEGMENTS_PER_TABLE, n_segments - first));
    }
  add_note (report, _("Indices weighted by importance, in points on 0–10; the Net Promoter Score is "
                      "the share of promoters (9–10) minus the share of detractors (0–6), with its "
                      "adjusted Wald interval."));

  add_section_title (report, _("Largest gaps per segment"));
  add_highlights_table (report);
}

/* ---------------------------------------------------------------------------------- */
/* A segment                                                                          */

static void
add_segment_figures (Report       *report,
                     EcartSegment *segment)
{
  const EcartNps *nps = ecart_gap_table_get_nps (report->table, segment, NULL);
  gint64 respondents = count_respondents (report, segment);
  g_autofree char *count = _ecart_report_format_count (report->language, respondents);
  g_autofree char *nps_value = _ecart_report_format_signed (report->language, nps->nps, 1);
  g_autofree char *interval = nps->n > 0 ? nps_interval_text (report, nps) : g_strdup ("–");
  g_autofree char *level = confidence_text (report);
  g_autofree char *nps_caption = g_strdup_printf (_("Net Promoter Score (%s interval %s)"), level, interval);
  double delivery = ecart_gap_table_get_index (report->table, segment, ECART_GAP_DELIVERY, NULL);
  double perception = ecart_gap_table_get_index (report->table, segment, ECART_GAP_PERCEPTION, NULL);
  g_autofree char *delivery_value = _ecart_report_format_signed (report->language, delivery, 1);
  g_autofree char *perception_value = _ecart_report_format_signed (report->language, perception, 1);
  const char *numbers[] = { count, nps_value, delivery_value, perception_value };
  const char *captions[] = {
    dngettext (GETTEXT_PACKAGE, "respondent", "respondents", respondents),
    nps_caption,
    _("delivery gap index: lived − desired, weighted by importance"),
    _("perception gap index: lived − expected, weighted by importance"),
  };
  guint32 colors[] = {
    ECART_REPORT_ACCENT,
    nps->nps < 0 ? ECART_REPORT_NEGATIVE : ECART_REPORT_POSITIVE,
    delivery < -0.05 ? ECART_REPORT_NEGATIVE : ECART_REPORT_POSITIVE,
    perception < -0.05 ? ECART_REPORT_NEGATIVE : ECART_REPORT_POSITIVE,
  };

  add_figures (report, G_N_ELEMENTS (numbers), numbers, captions, colors);
}

/* "●●●○○": the importance on 1–5. */
static char *
importance_markup (int importance)
{
  GString *text = g_string_new ("<span foreground=\"#16405e\">");

  for (int i = 1; i <= 5; i++)
    {
      if (i == importance + 1)
        g_string_append (text, "</span><span foreground=\"#c4cbd3\">");
      g_string_append (text, "●");
    }
  g_string_append (text, "</span>");
  return g_string_free (text, FALSE);
}

static void
add_desired_experience (Report       *report,
                        EcartSegment *segment)
{
  GListModel *attributes = ecart_gap_table_get_attributes (report->table);
  static const double widths[] = { 0.22, 0.45, 0.09, 0.12, 0.12 };
  static const EcartReportTable table = { 5, widths, "llrcr" };
  const char *header[] = { _("Attribute"), _("Promise"), _("Target"), _("Importance"), _("Proposed") };
  EcartReportBlock *block;
  guint n_rows = 0;

  add_section_title (report, _("Desired experience"));
  block = add_plain_paragraph (report, _("The promise of each attribute as the leadership wants "
                                         "it, with its target level on 0–10 and its importance "
                                         "for the segment (1–5); the proposed level is what the "
                                         "organisation offers today."));
  _ecart_report_block_set_keep_with_next (block, TRUE);

  for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
    {
      g_autoptr(EcartAttribute) attribute = g_list_model_get_item (attributes, a);
      EcartExperience *cell = ecart_workspace_get_experience (report->workspace, segment, attribute);
      EcartPillar *pillar = ecart_workspace_find_pillar (report->workspace,
                                                        ecart_attribute_get_pillar_id (attribute));
      g_autofree char *name = NULL;
      g_autofree char *statement = NULL;
      g_autofree char *target = NULL;
      g_autofree char *importance = NULL;
      g_autofree char *proposed = NULL;
      const char *promise;

      if (cell == NULL)
        continue;
      promise = ecart_experience_get_desired_statement (cell);
      if (!isfinite (ecart_experience_get_desired_target (cell)) && (promise == NULL || promise[0] == '\0'))
        continue;

      name = g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"#5c6670\" size=\"smaller\">%s</span>",
                                      item_name (attribute),
                                      pillar_label (pillar));
      statement = promise != NULL && promise[0] != '\0'
                  ? escape (promise)
                  : g_markup_printf_escaped ("<span foreground=\"#5c6670\">%s</span>", _("No promise written yet."));
      target = _ecart_report_format_number (report->language, ecart_experience_get_desired_target (cell), 1);
      importance = importance_markup (ecart_experience_get_importance (cell));
      proposed = _ecart_report_format_number (report->language, ecart_experience_get_proposed_level (cell), 1);
      {
        const char *cells[] = { name, statement, target, importance, proposed };

        if (n_rows++ == 0)
          _ecart_report_doc_add_table_row (report->doc, &table, TRUE, header);
        _ecart_report_doc_add_table_row (report->doc, &table, FALSE, cells);
      }
    }
  if (n_rows == 0)
    add_plain_paragraph (report, _("The desired experience of this segment is not written yet."));
}

typedef struct
{
  EcartGapRow *row;
  double       worst;
} BadRow;

static int
compare_bad_rows (gconstpointer a,
                  gconstpointer b)
{
  const BadRow *x = a;
  const BadRow *y = b;

  return x->worst < y->worst ? -1 : x->worst > y->worst ? 1 : 0;
}

static gboolean
add_verbatims_of (Report         *report,
                  EcartSegment   *segment,
                  EcartAttribute *attribute)
{
  EcartDatabase *db = ecart_workspace_get_database (report->workspace);
  GListModel *waves = ecart_gap_table_get_waves (report->table);
  g_autoptr(EcartStatement) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  stmt = ecart_database_prepare (db, "SELECT v.body, v.wave_id, t.name FROM verbatim AS v "
                                     "LEFT JOIN wave AS w ON w.id = v.wave_id "
                                     "LEFT JOIN touchpoint AS t ON t.id = v.touchpoint_id "
                                     "WHERE v.segment_id = ? AND v.attribute_id = ? "
                                     "ORDER BY w.started_on DESC, v.wave_id DESC, v.id", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ecart_item_get_id (ECART_ITEM (segment)));
  sqlite3_bind_int64 (stmt, 2, ecart_item_get_id (ECART_ITEM (attribute)));
  while (n < N_VERBATIMS && ecart_database_step (db, stmt, NULL) == ECART_STEP_ROW)
    {
      const char *body = (const char *)sqlite3_column_text (stmt, 0);
      gint64 wave_id = sqlite3_column_int64 (stmt, 1);
      const char *touchpoint = (const char *)sqlite3_column_text (stmt, 2);
      EcartWave *wave = NULL;
      g_autofree char *source = NULL;

      /* Only the waves of the report. */
      for (guint w = 0; w < g_list_model_get_n_items (waves) && wave == NULL; w++)
        {
          g_autoptr(EcartWave) candidate = g_list_model_get_item (waves, w);

          if (ecart_item_get_id (ECART_ITEM (candidate)) == wave_id)
            wave = candidate;
        }
      /* Several customers may have written the same words: quote them once. */
      if (wave == NULL || body == NULL || body[0] == '\0' || !g_hash_table_add (seen, g_strdup (body)))
        continue;

      if (touchpoint != NULL)
        /* TRANSLATORS: where a quoted verbatim comes from: a wave, then a touchpoint */
        source = g_strdup_printf (_("%s · %s"), item_name (wave), touchpoint);
      else
        source = g_strdup (item_name (wave));
      add_quote (report, body, source, segment_color (segment));
      n++;
    }
  return n > 0;
}

static void
add_verbatims (Report       *report,
               EcartSegment *segment)
{
  GListModel *rows = ecart_gap_table_get_segment_rows (report->table, segment);
  g_autoptr(GArray) bad = g_array_new (FALSE, FALSE, sizeof (BadRow));

  add_section_title (report, _("What customers say"));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      EcartGapRow *row = g_list_model_get_item (rows, i);
      double delivery = ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->value;
      double perception = ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION)->value;
      BadRow entry = { row, INFINITY };

      if (isfinite (delivery))
        entry.worst = MIN (entry.worst, delivery);
      if (isfinite (perception))
        entry.worst = MIN (entry.worst, perception);
      if (entry.worst < 0.0)
        g_array_append_val (bad, entry);
      g_object_unref (row);  /* the table keeps its rows */
    }
  g_array_sort (bad, compare_bad_rows);

  if (bad->len == 0)
    {
      add_plain_paragraph (report, _("No attribute of this segment is lived below what was "
                                     "desired or expected."));
      return;
    }
  add_plain_paragraph (report, _("Verbatims of the segment’s customers about the attributes with "
                                 "the most negative delivery and perception gaps, the latest wave "
                                 "first."));

  for (guint i = 0; i < MIN (bad->len, N_VERBATIM_ATTRIBUTES); i++)
    {
      EcartGapRow *row = g_array_index (bad, BadRow, i).row;
      EcartAttribute *attribute = ecart_gap_row_get_attribute (row);
      g_autofree char *delivery = _ecart_report_format_signed (report->language,
                                                               ecart_gap_row_get_gap (row, ECART_GAP_DELIVERY)->value, 1);
      g_autofree char *perception = _ecart_report_format_signed (report->language,
                                                                 ecart_gap_row_get_gap (row, ECART_GAP_PERCEPTION)->value, 1);
      g_autofree char *gaps = g_strdup_printf (_("delivery gap %s, perception gap %s"), delivery, perception);
      g_autofree char *title = g_markup_printf_escaped ("%s  <span weight=\"normal\" size=\"smaller\" foreground=\"#5c6670\">%s</span>",
                                                        item_name (attribute), gaps);

      add_subtitle (report, title);
      if (!add_verbatims_of (report, segment, attribute))
        add_note (report, _("No verbatim of this segment is about this attribute."));
    }
}

static int
compare_initiatives (gconstpointer a,
                     gconstpointer b)
{
  EcartInitiative *x = *(EcartInitiative **)a;
  EcartInitiative *y = *(EcartInitiative **)b;
  const char *x_due = ecart_initiative_get_due_date (x);
  const char *y_due = ecart_initiative_get_due_date (y);

  /* In progress first, then planned, then ideas; by due date (none last). */
  if (ecart_initiative_get_status (x) != ecart_initiative_get_status (y))
    return ecart_initiative_get_status (y) - ecart_initiative_get_status (x);
  if ((x_due == NULL) != (y_due == NULL))
    return x_due == NULL ? 1 : -1;
  return g_strcmp0 (x_due, y_due);
}

static void
add_initiatives (Report       *report,
                 EcartSegment *segment)
{
  GListModel *initiatives = ecart_workspace_get_initiatives (report->workspace);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  static const double widths[] = { 0.38, 0.14, 0.18, 0.30 };
  static const EcartReportTable table = { 4, widths, "llll" };
  const char *header[] = { _("Initiative"), _("Status"), _("Due"), _("About") };
  EcartReportBlock *block;
  gint64 segment_id = ecart_item_get_id (ECART_ITEM (segment));

  add_section_title (report, _("Open initiatives"));
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EcartInitiative) initiative = g_list_model_get_item (initiatives, i);
      gint64 linked_segment = ecart_initiative_get_segment_id (initiative);
      gint64 attribute_id = ecart_initiative_get_attribute_id (initiative);
      EcartAttribute *attribute = attribute_id != 0 ? ecart_workspace_find_attribute (report->workspace, attribute_id) : NULL;

      if (ecart_initiative_get_status (initiative) == ECART_INITIATIVE_DONE)
        continue;
      /* Its own, or one for every segment about an attribute of its experience. */
      if (linked_segment == segment_id ||
          (linked_segment == 0 && attribute != NULL &&
           ecart_workspace_get_experience (report->workspace, segment, attribute) != NULL))
        g_ptr_array_add (open, g_steal_pointer (&initiative));
    }

  if (open->len == 0)
    {
      add_plain_paragraph (report, _("No open initiative is linked to this segment or to its "
                                     "attributes."));
      return;
    }
  block = add_plain_paragraph (report, _("Initiatives not done yet that are linked to this "
                                         "segment, or to one of its attributes for every "
                                         "segment."));
  _ecart_report_block_set_keep_with_next (block, TRUE);
  g_ptr_array_sort (open, compare_initiatives);
  _ecart_report_doc_add_table_row (report->doc, &table, TRUE, header);
  for (guint i = 0; i < open->len; i++)
    {
      EcartInitiative *initiative = g_ptr_array_index (open, i);
      EcartAttribute *attribute = ecart_workspace_find_attribute (report->workspace,
                                                                  ecart_initiative_get_attribute_id (initiative));
      EcartTouchpoint *touchpoint = ecart_workspace_find_touchpoint (report->workspace,
                                                                     ecart_initiative_get_touchpoint_id (initiative));
      const char *owner = ecart_initiative_get_owner (initiative);
      g_autofree char *title = NULL;
      g_autofree char *status = escape (status_label (ecart_initiative_get_status (initiative)));
      g_autofree char *due = _ecart_report_format_date (report->language, ecart_initiative_get_due_date (initiative));
      g_autofree char *about = NULL;

      if (owner != NULL && owner[0] != '\0')
        title = g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"#5c6670\" size=\"smaller\">%s</span>",
                                         item_name (initiative), owner);
      else
        title = g_markup_printf_escaped ("<b>%s</b>", item_name (initiative));
      if (attribute != NULL && touchpoint != NULL)
        about = g_markup_printf_escaped ("%s\n<span foreground=\"#5c6670\" size=\"smaller\">%s</span>",
                                         item_name (attribute), item_name (touchpoint));
      else
        about = escape (attribute != NULL ? item_name (attribute) : item_name (touchpoint));
      {
        const char *cells[] = { title, status, due, about };

        block = _ecart_report_doc_add_table_row (report->doc, &table, FALSE, cells);
        /* A short table stays on one page. */
        _ecart_report_block_set_keep_with_next (block, open->len <= 6 && i + 1 < open->len);
      }
    }
}

static void
add_segment (Report       *report,
             EcartSegment *segment,
             guint         index,
             guint         n_segments)
{
  const char *description = ecart_segment_get_description (segment);
  /* TRANSLATORS: above the name of a segment, at the start of its part of the report */
  g_autofree char *kicker = g_strdup_printf (_("Segment %u of %u"), index + 1, n_segments);

  add_part_title (report, item_name (segment), kicker, segment_color (segment));
  if (description != NULL && description[0] != '\0')
    add_plain_paragraph (report, description);
  add_segment_figures (report, segment);

  add_desired_experience (report, segment);
  for (guint i = 0; i < G_N_ELEMENTS (segment_charts); i++)
    add_chart_section (report, segment, segment_charts[i]);
  add_verbatims (report, segment);
  add_initiatives (report, segment);
}

/* ---------------------------------------------------------------------------------- */

/**
 * _ecart_report_build_pages:
 *
 * Adds every block of the report to @report->doc, the contents included.
 */
void
_ecart_report_build_pages (EcartReportWriter *report)
{
  GListModel *segments = ecart_gap_table_get_segments (report->table);
  guint n_segments = g_list_model_get_n_items (segments);
  g_autofree char *contents = NULL;
  EcartReportBlock *block;
  guint contents_at;
  guint body_end;

  add_cover (report);

  _ecart_report_doc_add_page_break (report->doc);
  contents = escape (_("Contents"));
  _ecart_report_doc_add_anchor (report->doc, 0, _("Contents"));
  block = _ecart_report_doc_add_text (report->doc, ECART_REPORT_FONT_H1, ECART_REPORT_ACCENT, contents);
  block = _ecart_report_doc_add_rule (report->doc, ECART_REPORT_ACCENT, 2.0);
  _ecart_report_block_set_space_before (block, 6.0);
  contents_at = _ecart_report_doc_get_n_blocks (report->doc);

  add_summary (report);
  for (guint s = 0; s < n_segments; s++)
    {
      g_autoptr(EcartSegment) segment = g_list_model_get_item (segments, s);

      add_segment (report, segment, s, n_segments);
    }

  /* The contents list the parts and sections added since: now they are known, their
   * entries move up, under the title. */
  body_end = _ecart_report_doc_get_n_blocks (report->doc);
  for (guint i = 0; i < _ecart_report_doc_get_n_anchors (report->doc); i++)
    if (_ecart_report_doc_get_anchor_level (report->doc, i) > 0)
      add_toc_entry (report, i);
  _ecart_report_doc_move_blocks (report->doc, body_end, contents_at);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-chart"

#include "config.h"

#include "ecart-chart-scene.h"

#include <math.h>
#include <pango/pangocairo.h>

typedef enum {
  OP_RECT,
  OP_HATCH,
  OP_LINE,
  OP_PATH,
  OP_MARKER,
  OP_TEXT,
} OpKind;

typedef struct
{
  OpKind          kind;
  EcartChartColor fill;     /* alpha 0: none */
  EcartChartColor stroke;   /* alpha 0: none */
  double          line_width;
  EcartChartDash  dash;
  EcartChartShape shape;
  gboolean        closed;
  double          x, y, w, h;  /* rect; line x, y → w, h; marker centre and radius in w */
  guint           first;    /* path: index of its first point in points; text: in layouts */
  guint           n_points;
} Op;

struct _EcartChartScene
{
  double                 width;
  double                 height;
  EcartChartStyle       *style;
  PangoContext          *context;
  PangoFontDescription  *fonts[ECART_CHART_N_FONTS];
  double                 line_heights[ECART_CHART_N_FONTS];
  GArray                *ops;
  GArray                *points;    /* double x, y pairs */
  GPtrArray             *layouts;
  GArray                *hits;      /* EcartChartHit */
  GArray                *texts;     /* EcartChartRect */
  EcartChartRect         plot;
};

/* Font sizes in pixels at scale 1, for charts of about 1000 to 2000 pixels wide. */
static const struct {
  double      size;
  PangoWeight weight;
} font_roles[ECART_CHART_N_FONTS] = {
  [ECART_CHART_FONT_TITLE] = { 22.0, PANGO_WEIGHT_BOLD },
  [ECART_CHART_FONT_SUBTITLE] = { 14.5, PANGO_WEIGHT_NORMAL },
  [ECART_CHART_FONT_LABEL] = { 13.5, PANGO_WEIGHT_NORMAL },
  [ECART_CHART_FONT_HEADING] = { 13.5, PANGO_WEIGHT_BOLD },
  [ECART_CHART_FONT_TICK] = { 12.0, PANGO_WEIGHT_NORMAL },
  [ECART_CHART_FONT_VALUE] = { 12.0, PANGO_WEIGHT_BOLD },
  [ECART_CHART_FONT_NOTE] = { 12.0, PANGO_WEIGHT_NORMAL },
  [ECART_CHART_FONT_EMPTY] = { 17.0, PANGO_WEIGHT_NORMAL },
};

/**
 * ecart_chart_context_new:
 *
 * A Pango context for @cr whose metrics do not depend on the target: no hinting of the
 * metrics, so that a chart laid out for a PNG, an SVG, a PDF or the screen places every
 * label at the same place.
 */
PangoContext *
ecart_chart_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

#define CACHE_KEY  "ecart-chart-labels"

/**
 * ecart_chart_context_free:
 *
 * Lets go of a context made by ecart_chart_context_new(). Its cache of shaped labels (see
 * ecart_chart_scene_label_with_font()) holds layouts that hold the context: the cache is
 * dropped first, or neither would ever be freed.
 */
void
ecart_chart_context_free (PangoContext *context)
{
  if (context == NULL)
    return;
  g_object_set_data (G_OBJECT (context), CACHE_KEY, NULL);
  g_object_unref (context);
}

EcartChartScene *
ecart_chart_scene_new (double                 width,
                       double                 height,
                       const EcartChartStyle *style,
                       PangoContext          *context)
{
  EcartChartScene *scene = g_new0 (EcartChartScene, 1);

  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  scene->width = MAX (width, 0.0);
  scene->height = MAX (height, 0.0);
  scene->style = ecart_chart_style_copy (style);
  scene->context = g_object_ref (context);
  scene->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  scene->points = g_array_new (FALSE, FALSE, sizeof (double));
  scene->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  scene->hits = g_array_new (FALSE, FALSE, sizeof (EcartChartHit));
  scene->texts = g_array_new (FALSE, FALSE, sizeof (EcartChartRect));

  for (guint i = 0; i < ECART_CHART_N_FONTS; i++)
    {
      scene->fonts[i] = pango_font_description_from_string (style->font_family);
      pango_font_description_set_absolute_size (scene->fonts[i],
                                                font_roles[i].size * style->scale * PANGO_SCALE);
      pango_font_description_set_weight (scene->fonts[i], font_roles[i].weight);
      scene->line_heights[i] = -1.0;
    }
  return scene;
}

void
ecart_chart_scene_free (EcartChartScene *scene)
{
  if (scene == NULL)
    return;
  for (guint i = 0; i < ECART_CHART_N_FONTS; i++)
    pango_font_description_free (scene->fonts[i]);
  ecart_chart_style_free (scene->style);
  g_object_unref (scene->context);
  g_array_unref (scene->ops);
  g_array_unref (scene->points);
  g_ptr_array_unref (scene->layouts);
  g_array_unref (scene->hits);
  g_array_unref (scene->texts);
  g_free (scene);
}

double
ecart_chart_scene_get_width (EcartChartScene *scene)
{
  return scene->width;
}

double
ecart_chart_scene_get_height (EcartChartScene *scene)
{
  return scene->height;
}

const EcartChartStyle *
ecart_chart_scene_get_style (EcartChartScene *scene)
{
  return scene->style;
}

PangoContext *
ecart_chart_scene_get_context (EcartChartScene *scene)
{
  return scene->context;
}

/* @pixels at scale 1, at the style's scale. */
double
ecart_chart_scene_px (EcartChartScene *scene,
                      double           pixels)
{
  return pixels * scene->style->scale;
}

const PangoFontDescription *
ecart_chart_scene_get_font (EcartChartScene *scene,
                            EcartChartFont   font)
{
  g_return_val_if_fail (font < ECART_CHART_N_FONTS, NULL);
  return scene->fonts[font];
}

double
ecart_chart_scene_line_height (EcartChartScene *scene,
                               EcartChartFont   font)
{
  g_return_val_if_fail (font < ECART_CHART_N_FONTS, 0.0);

  if (scene->line_heights[font] < 0.0)
    {
      g_autoptr(PangoLayout) layout = ecart_chart_scene_label (scene, font, "Ég", -1, 1, PANGO_ALIGN_LEFT);
      ecart_chart_label_get_size (layout, NULL, &scene->line_heights[font]);
    }
  return scene->line_heights[font];
}

void
ecart_chart_scene_set_plot (EcartChartScene      *scene,
                            const EcartChartRect *plot)
{
  scene->plot = *plot;
}

void
ecart_chart_scene_get_plot (EcartChartScene *scene,
                            EcartChartRect  *plot)
{
  *plot = scene->plot;
}

static Op *
add_op (EcartChartScene *scene,
        OpKind           kind)
{
  Op op = { 0 };

  op.kind = kind;
  g_array_append_val (scene->ops, op);
  return &g_array_index (scene->ops, Op, scene->ops->len - 1);
}

static EcartChartColor
color_or_none (const EcartChartColor *color)
{
  return color != NULL ? *color : (EcartChartColor) { 0 };
}

void
ecart_chart_scene_rect (EcartChartScene       *scene,
                        const EcartChartRect  *rect,
                        const EcartChartColor *fill,
                        const EcartChartColor *stroke,
                        double                 line_width)
{
  Op *op = add_op (scene, OP_RECT);

  op->x = rect->x, op->y = rect->y, op->w = rect->width, op->h = rect->height;
  op->fill = color_or_none (fill);
  op->stroke = color_or_none (stroke);
  op->line_width = line_width;
}

void
ecart_chart_scene_hatch (EcartChartScene       *scene,
                         const EcartChartRect  *rect,
                         const EcartChartColor *color,
                         double                 spacing,
                         double                 line_width)
{
  Op *op = add_op (scene, OP_HATCH);

  op->x = rect->x, op->y = rect->y, op->w = rect->width, op->h = rect->height;
  op->stroke = *color;
  op->line_width = line_width;
  op->fill.alpha = MAX (spacing, 1.0);  /* the spacing travels in an unused field */
}

void
ecart_chart_scene_line (EcartChartScene       *scene,
                        double                 x0,
                        double                 y0,
                        double                 x1,
                        double                 y1,
                        const EcartChartColor *color,
                        double                 line_width,
                        EcartChartDash         dash)
{
  Op *op = add_op (scene, OP_LINE);

  op->x = x0, op->y = y0, op->w = x1, op->h = y1;
  op->stroke = *color;
  op->line_width = line_width;
  op->dash = dash;
}

void
ecart_chart_scene_path (EcartChartScene       *scene,
                        const double          *xy,
                        guint                  n_points,
                        gboolean               closed,
                        const EcartChartColor *fill,
                        const EcartChartColor *stroke,
                        double                 line_width,
                        EcartChartDash         dash)
{
  Op *op;

  if (n_points == 0)
    return;
  op = add_op (scene, OP_PATH);
  op->first = scene->points->len;
  op->n_points = n_points;
  op->closed = closed;
  op->fill = color_or_none (fill);
  op->stroke = color_or_none (stroke);
  op->line_width = line_width;
  op->dash = dash;
  g_array_append_vals (scene->points, xy, n_points * 2);
}

void
ecart_chart_scene_marker (EcartChartScene       *scene,
                          EcartChartShape        shape,
                          double                 cx,
                          double                 cy,
                          double                 radius,
                          const EcartChartColor *fill,
                          const EcartChartColor *stroke,
                          double                 line_width)
{
  Op *op = add_op (scene, OP_MARKER);

  op->shape = shape;
  op->x = cx, op->y = cy, op->w = radius;
  op->fill = color_or_none (fill);
  op->stroke = color_or_none (stroke);
  op->line_width = line_width;
}

void
ecart_chart_scene_layout (EcartChartScene       *scene,
                          PangoLayout           *layout,
                          double                 x,
                          double                 y,
                          const EcartChartColor *color)
{
  Op *op = add_op (scene, OP_TEXT);

  op->x = x, op->y = y;
  op->fill = *color;
  op->first = scene->layouts->len;
  g_ptr_array_add (scene->layouts, g_object_ref (layout));
}

#define CACHE_SIZE 4096

/**
 * ecart_chart_scene_label_with_font:
 *
 * A label as ecart_chart_label_new() makes it, shaped once per context: layouts are kept on
 * the Pango context, so that a chart laid out twice (to find out whether names fit) or drawn
 * again (the window redraws it) does not shape its texts again. The layouts are never changed
 * once made.
 */
PangoLayout *
ecart_chart_scene_label_with_font (EcartChartScene            *scene,
                                   const PangoFontDescription *font,
                                   const char                 *text,
                                   double                      width,
                                   int                         max_lines,
                                   PangoAlignment              alignment)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (scene->context), CACHE_KEY);
  g_autofree char *font_key = pango_font_description_to_string (font);
  char *key;
  PangoLayout *layout;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_data_full (G_OBJECT (scene->context), CACHE_KEY, cache, (GDestroyNotify)g_hash_table_unref);
    }
  key = g_strdup_printf ("%s\x1f%d\x1f%d\x1f%d\x1f%s", font_key, width > 0.0 ? (int)(width * PANGO_SCALE) : -1,
                         width > 0.0 ? max_lines : 0, alignment, text != NULL ? text : "");
  layout = g_hash_table_lookup (cache, key);
  if (layout != NULL)
    {
      g_free (key);
      return g_object_ref (layout);
    }
  if (g_hash_table_size (cache) >= CACHE_SIZE)
    g_hash_table_remove_all (cache);
  layout = ecart_chart_label_new (scene->context, font, text, width, max_lines, alignment);
  g_hash_table_insert (cache, key, g_object_ref (layout));
  return layout;
}

PangoLayout *
ecart_chart_scene_label (EcartChartScene *scene,
                         EcartChartFont   font,
                         const char      *text,
                         double           width,
                         int              max_lines,
                         PangoAlignment   alignment)
{
  return ecart_chart_scene_label_with_font (scene, scene->fonts[font], text, width, max_lines, alignment);
}

/* Where ecart_chart_scene_place() would put @layout: its top-left corner, and the bounds of
 * its text. */
void
ecart_chart_measure_place (PangoLayout      *layout,
                           double            x,
                           double            y,
                           EcartChartAnchor  anchor,
                           double           *left_out,
                           double           *top_out,
                           EcartChartRect   *bounds)
{
  PangoRectangle logical;
  double w;
  double h;
  double left;
  double top;
  int layout_width = pango_layout_get_width (layout);

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double)logical.width / PANGO_SCALE;
  h = (double)logical.height / PANGO_SCALE;
  /* A wrapped layout is as wide as its width; its lines are aligned inside it. */
  if (layout_width > 0)
    w = (double)layout_width / PANGO_SCALE;

  switch (anchor)
    {
    case ECART_CHART_ANCHOR_TOP_LEFT:
    case ECART_CHART_ANCHOR_LEFT:
    case ECART_CHART_ANCHOR_BOTTOM_LEFT:
      left = x;
      break;
    case ECART_CHART_ANCHOR_TOP:
    case ECART_CHART_ANCHOR_CENTRE:
    case ECART_CHART_ANCHOR_BOTTOM:
      left = x - w / 2.0;
      break;
    case ECART_CHART_ANCHOR_TOP_RIGHT:
    case ECART_CHART_ANCHOR_RIGHT:
    case ECART_CHART_ANCHOR_BOTTOM_RIGHT:
    default:
      left = x - w;
      break;
    }
  switch (anchor)
    {
    case ECART_CHART_ANCHOR_TOP_LEFT:
    case ECART_CHART_ANCHOR_TOP:
    case ECART_CHART_ANCHOR_TOP_RIGHT:
      top = y;
      break;
    case ECART_CHART_ANCHOR_LEFT:
    case ECART_CHART_ANCHOR_CENTRE:
    case ECART_CHART_ANCHOR_RIGHT:
      top = y - h / 2.0;
      break;
    case ECART_CHART_ANCHOR_BOTTOM_LEFT:
    case ECART_CHART_ANCHOR_BOTTOM:
    case ECART_CHART_ANCHOR_BOTTOM_RIGHT:
    default:
      top = y - h;
      break;
    }

  if (left_out != NULL)
    *left_out = left;
  if (top_out != NULL)
    *top_out = top;
  if (bounds != NULL)
    {
      /* Unwrapped text starts at its logical x; wrapped, its lines are aligned in its width. */
      double ink_left = layout_width > 0 ? left + (double)logical.x / PANGO_SCALE : left;

      *bounds = (EcartChartRect) { ink_left, top, (double)logical.width / PANGO_SCALE, h };
    }
}

void
ecart_chart_scene_place (EcartChartScene       *scene,
                         PangoLayout           *layout,
                         double                 x,
                         double                 y,
                         EcartChartAnchor       anchor,
                         const EcartChartColor *color,
                         EcartChartRect        *bounds)
{
  double left;
  double top;
  EcartChartRect box;

  ecart_chart_measure_place (layout, x, y, anchor, &left, &top, &box);
  ecart_chart_scene_layout (scene, layout, left, top, color);
  if (pango_layout_get_character_count (layout) > 0)
    g_array_append_val (scene->texts, box);
  if (bounds != NULL)
    *bounds = box;
}

PangoFontDescription *
ecart_chart_scene_fit_font (EcartChartScene *scene,
                            EcartChartFont   font,
                            double           line_height,
                            double           min_size,
                            double          *fitted)
{
  PangoFontDescription *description = pango_font_description_copy (scene->fonts[font]);
  double natural = ecart_chart_scene_line_height (scene, font);
  double size = (double)pango_font_description_get_size (description) / PANGO_SCALE;
  double ratio = natural > 0.0 ? MIN (line_height / natural, 1.0) : 1.0;
  double smallest = min_size * scene->style->scale;

  if (size * ratio < smallest)
    ratio = MIN (smallest / size, 1.0);
  pango_font_description_set_absolute_size (description, size * ratio * PANGO_SCALE);
  if (fitted != NULL)
    *fitted = natural * ratio;
  return description;
}

const EcartChartRect *
ecart_chart_scene_get_text_bounds (EcartChartScene *scene,
                                   guint           *n_texts)
{
  *n_texts = scene->texts->len;
  return (const EcartChartRect *)(gpointer)scene->texts->data;
}

void
ecart_chart_scene_text (EcartChartScene       *scene,
                        EcartChartFont         font,
                        const char            *text,
                        double                 x,
                        double                 y,
                        EcartChartAnchor       anchor,
                        double                 width,
                        int                    max_lines,
                        const EcartChartColor *color,
                        EcartChartRect        *bounds)
{
  PangoAlignment alignment;
  g_autoptr(PangoLayout) layout = NULL;

  switch (anchor)
    {
    case ECART_CHART_ANCHOR_TOP:
    case ECART_CHART_ANCHOR_CENTRE:
    case ECART_CHART_ANCHOR_BOTTOM:
      alignment = PANGO_ALIGN_CENTER;
      break;
    case ECART_CHART_ANCHOR_TOP_RIGHT:
    case ECART_CHART_ANCHOR_RIGHT:
    case ECART_CHART_ANCHOR_BOTTOM_RIGHT:
      alignment = PANGO_ALIGN_RIGHT;
      break;
    default:
      alignment = PANGO_ALIGN_LEFT;
      break;
    }
  layout = ecart_chart_scene_label (scene, font, text, width, max_lines, alignment);
  ecart_chart_scene_place (scene, layout, x, y, anchor, color, bounds);
}

void
ecart_chart_hit_init (EcartChartHit     *hit,
                      EcartChartElement  element,
                      EcartChartMeasure  measure)
{
  *hit = (EcartChartHit) { 0 };
  hit->element = element;
  hit->measure = measure;
  hit->value = NAN;
  hit->ci_low = NAN;
  hit->ci_high = NAN;
  hit->change = NAN;
  hit->quadrant = ECART_QUADRANT_NONE;
}

void
ecart_chart_scene_add_hit (EcartChartScene     *scene,
                           const EcartChartHit *hit)
{
  g_array_append_val (scene->hits, *hit);
}

gboolean
ecart_chart_scene_hit_test (EcartChartScene *scene,
                            double           x,
                            double           y,
                            EcartChartHit   *hit)
{
  /* Small things (a whisker, a 6-pixel marker) are easier to point at with some slack. */
  double slack = ecart_chart_scene_px (scene, 3.0);

  for (guint i = scene->hits->len; i > 0; i--)
    {
      const EcartChartHit *h = &g_array_index (scene->hits, EcartChartHit, i - 1);
      double pad_x = h->width < 12.0 ? slack : 0.0;
      double pad_y = h->height < 12.0 ? slack : 0.0;

      if (x >= h->x - pad_x && x <= h->x + h->width + pad_x
          && y >= h->y - pad_y && y <= h->y + h->height + pad_y)
        {
          if (hit != NULL)
            *hit = *h;
          return TRUE;
        }
    }
  if (hit != NULL)
    ecart_chart_hit_init (hit, ECART_CHART_ELEMENT_NONE, ECART_CHART_MEASURE_NONE);
  return FALSE;
}

const EcartChartHit *
ecart_chart_scene_get_hits (EcartChartScene *scene,
                            guint           *n_hits)
{
  *n_hits = scene->hits->len;
  return (const EcartChartHit *)(gpointer)scene->hits->data;
}

/* ---------------------------------------------------------------------------------- */
/* Painting                                                                           */

static void
set_color (cairo_t               *cr,
           const EcartChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
set_dash (cairo_t        *cr,
          EcartChartDash  dash,
          double          line_width)
{
  double pattern[2];

  switch (dash)
    {
    case ECART_CHART_DASH_DASHED:
      pattern[0] = line_width * 3.5, pattern[1] = line_width * 2.5;
      cairo_set_dash (cr, pattern, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case ECART_CHART_DASH_DOTTED:
      pattern[0] = 0.0, pattern[1] = line_width * 2.2;
      cairo_set_dash (cr, pattern, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      break;
    case ECART_CHART_DASH_SOLID:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    }
}

static void
fill_and_stroke (cairo_t  *cr,
                 const Op *op)
{
  if (op->fill.alpha > 0.0)
    {
      set_color (cr, &op->fill);
      if (op->stroke.alpha > 0.0 && op->line_width > 0.0)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (op->stroke.alpha > 0.0 && op->line_width > 0.0)
    {
      set_color (cr, &op->stroke);
      cairo_set_line_width (cr, op->line_width);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
marker_path (cairo_t         *cr,
             EcartChartShape  shape,
             double           x,
             double           y,
             double           r)
{
  switch (shape)
    {
    case ECART_CHART_SHAPE_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case ECART_CHART_SHAPE_SQUARE:
      r *= 0.9;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case ECART_CHART_SHAPE_TRIANGLE:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
      break;
    case ECART_CHART_SHAPE_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
paint_hatch (cairo_t  *cr,
             const Op *op)
{
  double spacing = op->fill.alpha;

  cairo_save (cr);
  cairo_rectangle (cr, op->x, op->y, op->w, op->h);
  cairo_clip (cr);
  set_color (cr, &op->stroke);
  cairo_set_line_width (cr, op->line_width);
  /* Lines at 45°, anchored to the page so that neighbouring cells line up. */
  for (double d = floor ((op->x + op->y) / spacing) * spacing;
       d <= op->x + op->w + op->y + op->h + spacing; d += spacing)
    {
      cairo_move_to (cr, d - op->y, op->y);
      cairo_line_to (cr, d - (op->y + op->h), op->y + op->h);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ecart_chart_scene_paint (EcartChartScene *scene,
                         cairo_t         *cr)
{
  g_return_if_fail (scene != NULL && cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, scene->width, scene->height);
  cairo_clip (cr);
  if (scene->style->draws_background)
    {
      set_color (cr, &scene->style->background);
      cairo_paint (cr);
    }
  /* Mitred joins: round ones cost a pie at every vertex of a flattened circle, which made
   * markers the dearest thing to paint. Lines through data points get round joins. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  for (guint i = 0; i < scene->ops->len; i++)
    {
      const Op *op = &g_array_index (scene->ops, Op, i);

      switch (op->kind)
        {
        case OP_RECT:
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          fill_and_stroke (cr, op);
          break;
        case OP_HATCH:
          paint_hatch (cr, op);
          break;
        case OP_LINE:
          set_dash (cr, op->dash, op->line_width);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->w, op->h);
          set_color (cr, &op->stroke);
          cairo_set_line_width (cr, op->line_width);
          cairo_stroke (cr);
          set_dash (cr, ECART_CHART_DASH_SOLID, 1.0);
          break;
        case OP_PATH:
          {
            const double *xy = &g_array_index (scene->points, double, op->first);

            set_dash (cr, op->dash, op->line_width);
            cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
            cairo_move_to (cr, xy[0], xy[1]);
            for (guint p = 1; p < op->n_points; p++)
              cairo_line_to (cr, xy[2 * p], xy[2 * p + 1]);
            if (op->closed)
              cairo_close_path (cr);
            fill_and_stroke (cr, op);
            cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
            set_dash (cr, ECART_CHART_DASH_SOLID, 1.0);
          }
          break;
        case OP_MARKER:
          marker_path (cr, op->shape, op->x, op->y, op->w);
          fill_and_stroke (cr, op);
          break;
        case OP_TEXT:
          set_color (cr, &op->fill);
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout (cr, g_ptr_array_index (scene->layouts, op->first));
          cairo_new_path (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

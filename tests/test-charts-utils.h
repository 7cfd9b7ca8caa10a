/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-chart.h"
#include "ecart-chart-private.h"

G_BEGIN_DECLS

/* Charts are drawn with a transparent margin around them, which must stay empty. */
#define MARGIN 24

#define CHANNEL_TOLERANCE  48
#define SHARE_TOLERANCE    0.0002

/* cairo 1.16 has no autoptr of its own. */
typedef cairo_surface_t Surface;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Surface, cairo_surface_destroy)

#define assert_color(surface, x, y, expected)                                                   \
  G_STMT_START {                                                                                \
    EcartChartColor found_ = pixel ((surface), (x), (y));                                       \
    if (!same_color (&found_, (expected), 0.04))                                                \
      g_error ("%s:%d: pixel (%.1f, %.1f) is %.3f %.3f %.3f, expected %.3f %.3f %.3f",          \
               __FILE__, __LINE__, (double)(x), (double)(y), found_.red, found_.green,          \
               found_.blue, (expected)->red, (expected)->green, (expected)->blue);              \
  } G_STMT_END

extern char *tmp_dir;

/* Workspaces, made on first use in tmp_dir. */
void                 check                  (gboolean               ok,
                                             GError                *error);
gpointer             first_item             (GListModel            *list);
EcartWorkspace      *get_demo               (const char            *language);
char                *edge_attribute_name    (guint                  i);
EcartWorkspace      *get_edge               (void);
EcartWorkspace      *get_single             (void);
EcartWorkspace      *get_twelve             (void);
EcartWorkspace      *get_empty              (void);
void                 fixtures_clear         (void);
EcartGapTable       *compute                (EcartWorkspace        *workspace);
EcartSegment        *find_segment           (EcartWorkspace        *workspace,
                                             const char            *name);

/* Pictures. */
cairo_surface_t     *render                 (EcartChart            *chart,
                                             int                    width,
                                             int                    height,
                                             const EcartChartStyle *style);
EcartChartColor      pixel                  (cairo_surface_t       *surface,
                                             double                 x,
                                             double                 y);
gboolean             same_color             (const EcartChartColor *a,
                                             const EcartChartColor *b,
                                             double                 tolerance);
void                 assert_margin_empty    (cairo_surface_t       *surface);
guint                count_drawn            (cairo_surface_t       *surface,
                                             const EcartChartStyle *style,
                                             double                 x0,
                                             double                 y0,
                                             double                 x1,
                                             double                 y1);
void                 save_artifact          (cairo_surface_t       *surface,
                                             const char            *name);
cairo_surface_t     *crop                   (cairo_surface_t       *surface);
double               differing_share        (cairo_surface_t       *a,
                                             cairo_surface_t       *b);
void                 compare_reference      (cairo_surface_t       *surface,
                                             const char            *name);
const EcartChartHit *hits_of                (EcartChart            *chart,
                                             guint                 *n_hits);
void                 assert_no_text_overlap (EcartChart            *chart,
                                             const char            *what);
void                 centre                 (const EcartChartHit   *hit,
                                             double                *x,
                                             double                *y);
gboolean             run                    (const char * const    *argv,
                                             char                 **out);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

/**
 * EcartSegmentFigures:
 * @targets_set: attributes of the segment with a desired target
 * @attributes: attributes of the workspace
 * @respondents: respondents of all waves in the segment
 * @nps: the Net Promoter Score, −100 to 100, or NAN when unknown
 * @worst_gap: the most negative gap in points, or NAN when unknown
 * @worst_gap_attribute: (nullable): the attribute of @worst_gap
 *
 * The headline figures of a segment's card. NPS and the worst gap are shown only when known.
 */
typedef struct
{
  guint       targets_set;
  guint       attributes;
  gint64      respondents;
  double      nps;
  double      worst_gap;
  const char *worst_gap_attribute;
} EcartSegmentFigures;

#define ECART_TYPE_SEGMENT_CARD (ecart_segment_card_get_type ())

G_DECLARE_FINAL_TYPE (EcartSegmentCard, ecart_segment_card, ECART, SEGMENT_CARD, GtkWidget)

GtkWidget    *ecart_segment_card_new          (EcartSegment              *segment);
EcartSegment *ecart_segment_card_get_segment  (EcartSegmentCard          *self);
void          ecart_segment_card_set_figures  (EcartSegmentCard          *self,
                                               const EcartSegmentFigures *figures);
void          ecart_segment_card_set_movable  (EcartSegmentCard          *self,
                                               gboolean                   left,
                                               gboolean                   right);
void          ecart_segment_card_popup_colors (EcartSegmentCard          *self);
void          ecart_segment_card_popup_menu   (EcartSegmentCard          *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

/* The slides shown for each segment: its promise, profile, gap bars, journey curve and
 * recommendation. */
#define ECART_PRESENTATION_SLIDES_PER_SEGMENT 5

#define ECART_TYPE_PRESENTATION (ecart_presentation_get_type ())

G_DECLARE_FINAL_TYPE (EcartPresentation, ecart_presentation, ECART, PRESENTATION, AdwWindow)

EcartPresentation *ecart_presentation_new           (EcartWorkspace    *workspace,
                                                     GtkWindow         *parent);

EcartWorkspace    *ecart_presentation_get_workspace (EcartPresentation *self);
guint              ecart_presentation_get_n_slides  (EcartPresentation *self);
guint              ecart_presentation_get_slide     (EcartPresentation *self);
void               ecart_presentation_set_slide     (EcartPresentation *self,
                                                     guint              slide);
const char        *ecart_presentation_get_number_text (EcartPresentation *self);
gboolean           ecart_presentation_get_dark      (EcartPresentation *self);
void               ecart_presentation_set_dark      (EcartPresentation *self,
                                                     gboolean           dark);
gboolean           ecart_presentation_get_black     (EcartPresentation *self);
void               ecart_presentation_set_black     (EcartPresentation *self,
                                                     gboolean           black);

G_END_DECLS

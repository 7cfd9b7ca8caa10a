/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ECART_GAP_ERROR (ecart_gap_error_quark ())

typedef enum {
  ECART_GAP_ERROR_INVALID,    /* an option has a value the engine refuses */
  ECART_GAP_ERROR_NOT_FOUND,  /* a segment, wave or touchpoint is not in the workspace */
} EcartGapError;

/* What ecart_gap_table_new() is asked for: touchpoint_id of every touchpoint together. */
#define ECART_GAP_ALL_TOUCHPOINTS 0

#define ECART_TYPE_GAP_OPTIONS (ecart_gap_options_get_type ())

G_DECLARE_FINAL_TYPE (EcartGapOptions, ecart_gap_options, ECART, GAP_OPTIONS, GObject)

GQuark           ecart_gap_error_quark             (void);

EcartGapOptions *ecart_gap_options_new             (void);
EcartGapOptions *ecart_gap_options_copy            (EcartGapOptions  *self);
gboolean         ecart_gap_options_validate        (EcartGapOptions  *self,
                                                    GError          **error);

double           ecart_gap_options_get_confidence  (EcartGapOptions  *self);
void             ecart_gap_options_set_confidence  (EcartGapOptions  *self,
                                                    double            confidence);
guint            ecart_gap_options_get_min_n       (EcartGapOptions  *self);
void             ecart_gap_options_set_min_n       (EcartGapOptions  *self,
                                                    guint             min_n);
gboolean         ecart_gap_options_get_holm        (EcartGapOptions  *self);
void             ecart_gap_options_set_holm        (EcartGapOptions  *self,
                                                    gboolean          holm);
gboolean         ecart_gap_options_get_by_touchpoint (EcartGapOptions *self);
void             ecart_gap_options_set_by_touchpoint (EcartGapOptions *self,
                                                    gboolean          by_touchpoint);
gint64           ecart_gap_options_get_touchpoint_id (EcartGapOptions *self);
void             ecart_gap_options_set_touchpoint_id (EcartGapOptions *self,
                                                    gint64            touchpoint_id);
const char      *ecart_gap_options_get_from        (EcartGapOptions  *self);
void             ecart_gap_options_set_from        (EcartGapOptions  *self,
                                                    const char       *date);
const char      *ecart_gap_options_get_to          (EcartGapOptions  *self);
void             ecart_gap_options_set_to          (EcartGapOptions  *self,
                                                    const char       *date);

const gint64    *ecart_gap_options_get_segments    (EcartGapOptions  *self,
                                                    guint            *n_segments);
void             ecart_gap_options_set_segments    (EcartGapOptions  *self,
                                                    const gint64     *segment_ids,
                                                    guint             n_segments);
void             ecart_gap_options_add_segment     (EcartGapOptions  *self,
                                                    gint64            segment_id);
const gint64    *ecart_gap_options_get_waves       (EcartGapOptions  *self,
                                                    guint            *n_waves);
void             ecart_gap_options_set_waves       (EcartGapOptions  *self,
                                                    const gint64     *wave_ids,
                                                    guint             n_waves);
void             ecart_gap_options_add_wave        (EcartGapOptions  *self,
                                                    gint64            wave_id);

G_END_DECLS

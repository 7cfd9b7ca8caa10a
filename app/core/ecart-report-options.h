/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ecart-gap-options.h"

G_BEGIN_DECLS

typedef enum {
  ECART_PAPER_A4,      /* 210 × 297 mm */
  ECART_PAPER_LETTER,  /* 8.5 × 11 in */
} EcartPaper;

#define ECART_TYPE_REPORT_OPTIONS (ecart_report_options_get_type ())

G_DECLARE_FINAL_TYPE (EcartReportOptions, ecart_report_options, ECART, REPORT_OPTIONS, GObject)

EcartReportOptions *ecart_report_options_new             (void);

const char         *ecart_report_options_get_language    (EcartReportOptions *self);
void                ecart_report_options_set_language    (EcartReportOptions *self,
                                                          const char         *language);
EcartPaper          ecart_report_options_get_paper       (EcartReportOptions *self);
void                ecart_report_options_set_paper       (EcartReportOptions *self,
                                                          EcartPaper          paper);
GDateTime          *ecart_report_options_get_date        (EcartReportOptions *self);
void                ecart_report_options_set_date        (EcartReportOptions *self,
                                                          GDateTime          *date);
EcartGapOptions    *ecart_report_options_get_gap_options (EcartReportOptions *self);

const char         *ecart_paper_to_string                (EcartPaper          paper);
gboolean            ecart_paper_from_string              (const char         *text,
                                                          EcartPaper         *paper);

G_END_DECLS

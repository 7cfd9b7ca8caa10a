/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-export.h"
#include "ecart-report-options.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_REPORT_ERROR (ecart_report_error_quark ())

typedef enum {
  ECART_REPORT_ERROR_LANGUAGE,  /* no translation of the report in the language asked */
  ECART_REPORT_ERROR_FAILED,    /* cairo could not draw the document */
} EcartReportError;

GQuark       ecart_report_error_quark            (void);

gboolean     ecart_report_write                  (EcartWorkspace      *workspace,
                                                  EcartReportOptions  *options,
                                                  const char          *path,
                                                  EcartProgressFunc    progress,
                                                  gpointer             user_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

const char  *ecart_report_get_default_language   (void);
gboolean     ecart_report_language_is_available  (const char          *language);

G_END_DECLS

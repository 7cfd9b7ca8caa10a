/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest normalised date: "2025-03-14T09:30:00Z". */
#define ECART_IMPORT_DATE_SIZE 24

gboolean _ecart_import_parse_number (const char *text,
                                     gsize       length,
                                     char        decimal,
                                     double     *value,
                                     gboolean   *used_comma);
gboolean _ecart_import_parse_date   (const char *text,
                                     char        out[ECART_IMPORT_DATE_SIZE]);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ECART_STATEMENT_VIEW_DELAY_MS 700

#define ECART_TYPE_STATEMENT_VIEW (ecart_statement_view_get_type ())

G_DECLARE_FINAL_TYPE (EcartStatementView, ecart_statement_view, ECART, STATEMENT_VIEW, GtkTextView)

GtkWidget  *ecart_statement_view_new                  (void);
const char *ecart_statement_view_get_text             (EcartStatementView *self);
void        ecart_statement_view_set_text             (EcartStatementView *self,
                                                       const char         *text);
char       *ecart_statement_view_dup_buffer_text      (EcartStatementView *self);
const char *ecart_statement_view_get_placeholder_text (EcartStatementView *self);
void        ecart_statement_view_set_placeholder_text (EcartStatementView *self,
                                                       const char         *placeholder);
gboolean    ecart_statement_view_has_pending          (EcartStatementView *self);
void        ecart_statement_view_flush                (EcartStatementView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-database.h"

G_BEGIN_DECLS

void        _ecart_database_set_error        (EcartDatabase  *self,
                                              GError        **error,
                                              int             rc,
                                              const char     *format);
const char *_ecart_database_get_display_name (EcartDatabase  *self);
gboolean    _ecart_database_begin_bulk       (EcartDatabase  *self,
                                              GError        **error);
gboolean    _ecart_database_begin_bulk_unchecked (EcartDatabase  *self,
                                                  GError        **error);

G_END_DECLS

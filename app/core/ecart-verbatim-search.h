/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-workspace.h"

G_BEGIN_DECLS

/* One verbatim found, with who said it and where. */
typedef struct
{
  gint64  id;
  char   *body;
  char   *wave;         /* nullable */
  char   *segment;      /* nullable */
  char   *touchpoint;   /* nullable */
  char   *attribute;    /* nullable */
  char   *respondent;   /* nullable: the respondent's id in the source */
} EcartVerbatimHit;

#define ECART_TYPE_VERBATIM_HIT (ecart_verbatim_hit_get_type ())

GType             ecart_verbatim_hit_get_type    (void) G_GNUC_CONST;
EcartVerbatimHit *ecart_verbatim_hit_copy        (const EcartVerbatimHit *hit);
void              ecart_verbatim_hit_free        (EcartVerbatimHit       *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EcartVerbatimHit, ecart_verbatim_hit_free)

char             *ecart_verbatim_search_to_fts   (const char             *text);
GPtrArray        *ecart_verbatim_search          (EcartWorkspace         *workspace,
                                                  const char             *text,
                                                  guint                   limit,
                                                  guint64                *n_found,
                                                  GError                **error);

G_END_DECLS

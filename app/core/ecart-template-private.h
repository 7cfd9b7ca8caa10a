/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-template.h"

G_BEGIN_DECLS

#define ECART_DEMO_TIMESTAMP "2026-04-15T09:00:00Z"

/* What the template loader knows once the structure is written: the template's keys
 * ("honeymoon", "welcome", "reception") and the rows they became. */
typedef struct
{
  EcartWorkspace *workspace;
  GKeyFile       *keyfile;
  const char     *language;
  const char     *timestamp;    /* ISO 8601, for every created_at */
  GHashTable     *stages;       /* key → gint64 id */
  GHashTable     *touchpoints;
  GHashTable     *attributes;
  GHashTable     *segments;
} EcartTemplateContext;

char    *_ecart_template_get_text   (EcartTemplateContext  *context,
                                     const char            *group,
                                     const char            *key);
gint64   _ecart_template_lookup     (GHashTable            *ids,
                                     const char            *key);
gboolean _ecart_demo_write_waves    (EcartTemplateContext  *context,
                                     GError               **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-database-private.h"
#include "ecart-model-private.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  GListStore *store;
  GHashTable *by_id;
} EcartItemList;

typedef enum {
  ECART_RELOAD_STRUCTURE = 1 << 0,
  ECART_RELOAD_WAVES     = 1 << 1,
  ECART_RELOAD_ALL       = ECART_RELOAD_STRUCTURE | ECART_RELOAD_WAVES,
} EcartReloadFlags;

struct _EcartWorkspace
{
  GObject        parent_instance;

  EcartDatabase *db;

  EcartItemList  segments;
  EcartItemList  stages;
  EcartItemList  channels;
  EcartItemList  touchpoints;
  EcartItemList  pillars;
  EcartItemList  attributes;
  EcartItemList  initiatives;
  EcartItemList  waves;
  GHashTable    *experiences;

  char          *name;
  char          *description;
  char          *language;
  char          *undo_label;
  char          *redo_label;

  /* Set by an edit that deletes respondents, so the waves are counted again. */
  gboolean       edit_touched_waves;
};

gboolean _ecart_workspace_edit_begin    (EcartWorkspace    *self,
                                         const char        *label,
                                         GError           **error);
gboolean _ecart_workspace_edit_end      (EcartWorkspace    *self,
                                         gboolean           ok,
                                         GError           **error);
gboolean _ecart_workspace_changed       (EcartWorkspace    *self,
                                         EcartReloadFlags   flags,
                                         GError           **error);
char    *_ecart_workspace_clean_name    (const char        *name,
                                         GError           **error);
gboolean _ecart_workspace_set_meta      (EcartWorkspace    *self,
                                         const char        *key,
                                         const char        *value,
                                         GError           **error);
gboolean _ecart_workspace_forget_verbatims (EcartWorkspace *self,
                                         const char        *where,
                                         gint64             id,
                                         GError           **error);

G_END_DECLS

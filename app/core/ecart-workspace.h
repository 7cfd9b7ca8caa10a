/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ecart-attribute.h"
#include "ecart-channel.h"
#include "ecart-database.h"
#include "ecart-experience.h"
#include "ecart-initiative.h"
#include "ecart-pillar.h"
#include "ecart-segment.h"
#include "ecart-stage.h"
#include "ecart-touchpoint.h"
#include "ecart-wave.h"

G_BEGIN_DECLS

#define ECART_WORKSPACE_ERROR (ecart_workspace_error_quark ())

typedef enum {
  ECART_WORKSPACE_ERROR_INVALID,
  ECART_WORKSPACE_ERROR_EXISTS,
  ECART_WORKSPACE_ERROR_NOT_FOUND,
  ECART_WORKSPACE_ERROR_HAS_DATA,
} EcartWorkspaceError;

typedef enum {
  ECART_DELETE_NONE    = 0,
  /* Also delete the measurements that refer to what is deleted. */
  ECART_DELETE_CASCADE = 1 << 0,
} EcartDeleteFlags;

typedef struct
{
  guint  segments;
  guint  stages;
  guint  touchpoints;
  guint  attributes;
  guint  initiatives;
  guint  waves;
  gint64 respondents;
  gint64 measurements;
  gint64 recommendations;
  gint64 verbatims;
} EcartWorkspaceCounts;

#define ECART_TYPE_WORKSPACE (ecart_workspace_get_type ())

G_DECLARE_FINAL_TYPE (EcartWorkspace, ecart_workspace, ECART, WORKSPACE, GObject)

GQuark           ecart_workspace_error_quark        (void);

EcartWorkspace  *ecart_workspace_open               (const char            *path,
                                                     EcartDatabaseFlags     flags,
                                                     GError               **error);
EcartWorkspace  *ecart_workspace_new_for_database   (EcartDatabase         *db,
                                                     GError               **error);
EcartDatabase   *ecart_workspace_get_database       (EcartWorkspace        *self);
const char      *ecart_workspace_get_path           (EcartWorkspace        *self);
const char      *ecart_workspace_get_name           (EcartWorkspace        *self);
const char      *ecart_workspace_get_description    (EcartWorkspace        *self);
const char      *ecart_workspace_get_language       (EcartWorkspace        *self);
gboolean         ecart_workspace_is_read_only       (EcartWorkspace        *self);
void             ecart_workspace_set_read_only      (EcartWorkspace        *self,
                                                     gboolean               read_only);
gboolean         ecart_workspace_reload             (EcartWorkspace        *self,
                                                     GError               **error);

GListModel      *ecart_workspace_get_segments       (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_stages         (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_channels       (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_touchpoints    (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_pillars        (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_attributes     (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_initiatives    (EcartWorkspace        *self);
GListModel      *ecart_workspace_get_waves          (EcartWorkspace        *self);

EcartSegment    *ecart_workspace_find_segment       (EcartWorkspace        *self,
                                                     gint64                 id);
EcartStage      *ecart_workspace_find_stage         (EcartWorkspace        *self,
                                                     gint64                 id);
EcartChannel    *ecart_workspace_find_channel       (EcartWorkspace        *self,
                                                     gint64                 id);
EcartTouchpoint *ecart_workspace_find_touchpoint    (EcartWorkspace        *self,
                                                     gint64                 id);
EcartPillar     *ecart_workspace_find_pillar        (EcartWorkspace        *self,
                                                     gint64                 id);
EcartAttribute  *ecart_workspace_find_attribute     (EcartWorkspace        *self,
                                                     gint64                 id);
EcartInitiative *ecart_workspace_find_initiative    (EcartWorkspace        *self,
                                                     gint64                 id);
EcartWave       *ecart_workspace_find_wave          (EcartWorkspace        *self,
                                                     gint64                 id);
EcartItem       *ecart_workspace_find_by_name       (EcartWorkspace        *self,
                                                     GListModel            *list,
                                                     const char            *name);
EcartExperience *ecart_workspace_get_experience     (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute);

gboolean         ecart_workspace_get_counts         (EcartWorkspace        *self,
                                                     EcartWorkspaceCounts  *counts,
                                                     GError               **error);
gint64           ecart_workspace_count_respondents  (EcartWorkspace        *self,
                                                     EcartSegment          *segment);
gint64           ecart_workspace_count_measurements (EcartWorkspace        *self,
                                                     EcartItem             *item);

/* Undo and redo. */
gboolean         ecart_workspace_can_undo           (EcartWorkspace        *self);
gboolean         ecart_workspace_can_redo           (EcartWorkspace        *self);
const char      *ecart_workspace_get_undo_label     (EcartWorkspace        *self);
const char      *ecart_workspace_get_redo_label     (EcartWorkspace        *self);
gboolean         ecart_workspace_undo               (EcartWorkspace        *self,
                                                     GError               **error);
gboolean         ecart_workspace_redo               (EcartWorkspace        *self,
                                                     GError               **error);

/* Edits: each is saved at once, as one undo step. */
gboolean         ecart_workspace_set_name           (EcartWorkspace        *self,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_set_description    (EcartWorkspace        *self,
                                                     const char            *description,
                                                     GError               **error);

EcartSegment    *ecart_workspace_add_segment        (EcartWorkspace        *self,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_rename_segment     (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_set_segment_description (EcartWorkspace   *self,
                                                     EcartSegment          *segment,
                                                     const char            *description,
                                                     GError               **error);
gboolean         ecart_workspace_set_segment_color  (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     const char            *color,
                                                     GError               **error);
gboolean         ecart_workspace_move_segment       (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     guint                  index,
                                                     GError               **error);
EcartSegment    *ecart_workspace_duplicate_segment  (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     GError               **error);
gboolean         ecart_workspace_delete_segment     (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     EcartDeleteFlags       flags,
                                                     GError               **error);

EcartStage      *ecart_workspace_add_stage          (EcartWorkspace        *self,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_rename_stage       (EcartWorkspace        *self,
                                                     EcartStage            *stage,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_move_stage         (EcartWorkspace        *self,
                                                     EcartStage            *stage,
                                                     guint                  index,
                                                     GError               **error);
gboolean         ecart_workspace_delete_stage       (EcartWorkspace        *self,
                                                     EcartStage            *stage,
                                                     EcartDeleteFlags       flags,
                                                     GError               **error);

EcartTouchpoint *ecart_workspace_add_touchpoint     (EcartWorkspace        *self,
                                                     EcartStage            *stage,
                                                     EcartChannel          *channel,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_rename_touchpoint  (EcartWorkspace        *self,
                                                     EcartTouchpoint       *touchpoint,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_set_touchpoint_channel (EcartWorkspace    *self,
                                                     EcartTouchpoint       *touchpoint,
                                                     EcartChannel          *channel,
                                                     GError               **error);
gboolean         ecart_workspace_move_touchpoint    (EcartWorkspace        *self,
                                                     EcartTouchpoint       *touchpoint,
                                                     EcartStage            *stage,
                                                     guint                  index,
                                                     GError               **error);
gboolean         ecart_workspace_delete_touchpoint  (EcartWorkspace        *self,
                                                     EcartTouchpoint       *touchpoint,
                                                     EcartDeleteFlags       flags,
                                                     GError               **error);

EcartAttribute  *ecart_workspace_add_attribute      (EcartWorkspace        *self,
                                                     EcartPillar           *pillar,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_rename_attribute   (EcartWorkspace        *self,
                                                     EcartAttribute        *attribute,
                                                     const char            *name,
                                                     GError               **error);
gboolean         ecart_workspace_set_attribute_description (EcartWorkspace *self,
                                                     EcartAttribute        *attribute,
                                                     const char            *description,
                                                     GError               **error);
gboolean         ecart_workspace_move_attribute     (EcartWorkspace        *self,
                                                     EcartAttribute        *attribute,
                                                     EcartPillar           *pillar,
                                                     guint                  index,
                                                     GError               **error);
gboolean         ecart_workspace_delete_attribute   (EcartWorkspace        *self,
                                                     EcartAttribute        *attribute,
                                                     EcartDeleteFlags       flags,
                                                     GError               **error);

gboolean         ecart_workspace_set_desired        (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     double                 target,
                                                     int                    importance,
                                                     const char            *statement,
                                                     GError               **error);
gboolean         ecart_workspace_set_desired_target (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     double                 target,
                                                     GError               **error);
gboolean         ecart_workspace_set_importance     (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     int                    importance,
                                                     GError               **error);
gboolean         ecart_workspace_set_desired_statement (EcartWorkspace     *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     const char            *statement,
                                                     GError               **error);
gboolean         ecart_workspace_set_proposed_level (EcartWorkspace        *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     double                 level,
                                                     GError               **error);
gboolean         ecart_workspace_set_proposed_statement (EcartWorkspace    *self,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     const char            *statement,
                                                     GError               **error);
gboolean         ecart_workspace_copy_desired       (EcartWorkspace        *self,
                                                     EcartSegment          *from,
                                                     EcartSegment          *to,
                                                     GError               **error);

EcartInitiative *ecart_workspace_add_initiative     (EcartWorkspace        *self,
                                                     const char            *title,
                                                     EcartInitiativeStatus  status,
                                                     GError               **error);
EcartInitiative *ecart_workspace_add_initiative_about (EcartWorkspace      *self,
                                                     const char            *title,
                                                     EcartInitiativeStatus  status,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     EcartTouchpoint       *touchpoint,
                                                     GError               **error);
gboolean         ecart_workspace_update_initiative  (EcartWorkspace        *self,
                                                     EcartInitiative       *initiative,
                                                     const char            *title,
                                                     const char            *description,
                                                     const char            *owner,
                                                     const char            *due_date,
                                                     EcartSegment          *segment,
                                                     EcartAttribute        *attribute,
                                                     EcartTouchpoint       *touchpoint,
                                                     GError               **error);
gboolean         ecart_workspace_move_initiative    (EcartWorkspace        *self,
                                                     EcartInitiative       *initiative,
                                                     EcartInitiativeStatus  status,
                                                     guint                  index,
                                                     GError               **error);
gboolean         ecart_workspace_delete_initiative  (EcartWorkspace        *self,
                                                     EcartInitiative       *initiative,
                                                     GError               **error);

/* Not recorded for undo: a wave holds what an import brought; deleting it undoes the import. */
gboolean         ecart_workspace_delete_wave        (EcartWorkspace        *self,
                                                     EcartWave             *wave,
                                                     GError               **error);

const char      *ecart_channel_label_for_key        (const char            *key);
const char      *ecart_pillar_label_for_key         (const char            *key);

G_END_DECLS

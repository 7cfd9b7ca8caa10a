/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-workspace"

#include "config.h"

#include "ecart-workspace-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* EcartWorkspace owns what a workspace file holds, as GObjects and GListModels the window
 * binds to. Every change goes through the database; afterwards the lists are reloaded and
 * their items updated in place, so a widget bound to an item follows edits, undo and redo. */

G_DEFINE_FINAL_TYPE (EcartWorkspace, ecart_workspace, G_TYPE_OBJECT)

G_DEFINE_QUARK (ecart-workspace-error-quark, ecart_workspace_error)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  gint64 segment_id;
  gint64 attribute_id;
} ExperienceKey;

static guint
experience_key_hash (gconstpointer data)
{
  const ExperienceKey *key = data;

  return g_int64_hash (&key->segment_id) * 31 + g_int64_hash (&key->attribute_id);
}

static gboolean
experience_key_equal (gconstpointer a,
                      gconstpointer b)
{
  const ExperienceKey *ka = a;
  const ExperienceKey *kb = b;

  return ka->segment_id == kb->segment_id && ka->attribute_id == kb->attribute_id;
}

static void
item_list_init (EcartItemList *list,
                GType          type)
{
  list->store = g_list_store_new (type);
  list->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static void
item_list_clear (EcartItemList *list)
{
  g_clear_object (&list->store);
  g_clear_pointer (&list->by_id, g_hash_table_unref);
}

static gpointer
item_list_lookup (EcartItemList *list,
                  gint64         id)
{
  return g_hash_table_lookup (list->by_id, &id);
}

/* Returns the existing item for @id or a new one; either way, a new reference. */
static gpointer
item_list_obtain (EcartItemList *list,
                  gint64         id)
{
  gpointer item = item_list_lookup (list, id);

  if (item != NULL)
    return g_object_ref (item);
  return g_object_new (g_list_model_get_item_type (G_LIST_MODEL (list->store)), "id", id, NULL);
}

/* Makes the store hold @items (in that order), splicing only the range that changed so
 * views keep their rows, selection and focus. */
static void
item_list_sync (EcartItemList *list,
                GPtrArray     *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list->store));
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n && prefix < items->len)
    {
      g_autoptr(GObject) current = g_list_model_get_item (G_LIST_MODEL (list->store), prefix);

      if (current != items->pdata[prefix])
        break;
      prefix++;
    }

  while (suffix < n - prefix && suffix < items->len - prefix)
    {
      g_autoptr(GObject) current =
        g_list_model_get_item (G_LIST_MODEL (list->store), n - 1 - suffix);

      if (current != items->pdata[items->len - 1 - suffix])
        break;
      suffix++;
    }

  /* The index first: views told of the change look items up by id. */
  g_hash_table_remove_all (list->by_id);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = ecart_item_get_id (items->pdata[i]);
      g_hash_table_insert (list->by_id, id, g_object_ref (items->pdata[i]));
    }

  if (prefix + suffix < n || prefix + suffix < items->len)
    g_list_store_splice (list->store, prefix, n - prefix - suffix,
                         items->pdata + prefix, items->len - prefix - suffix);
}

/* g_set_str() needs GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static const char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static double
column_level (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

const char *
ecart_channel_label_for_key (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "web", N_("Web") },
    { "mobile-app", N_("Mobile app") },
    { "phone", N_("Phone") },
    { "in-person", N_("Store / in person") },
    { "email", N_("Email") },
    { "chat", N_("Chat") },
    { "social", N_("Social media") },
    { "advertising", N_("Advertising") },
    { "mail", N_("Mail / parcel") },
    { "partner", N_("Partner") },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (key, labels[i].key))
      return _(labels[i].label);
  return key;
}

const char *
ecart_pillar_label_for_key (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "product", N_("Product & price") },
    { "processes", N_("Processes") },
    { "relationship", N_("Relationship") },
    { "brand", N_("Brand identity") },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (key, labels[i].key))
      return _(labels[i].label);
  return key;
}

static void
ecart_workspace_dispose (GObject *object)
{
  EcartWorkspace *self = (EcartWorkspace *)object;

  item_list_clear (&self->segments);
  item_list_clear (&self->stages);
  item_list_clear (&self->channels);
  item_list_clear (&self->touchpoints);
  item_list_clear (&self->pillars);
  item_list_clear (&self->attributes);
  item_list_clear (&self->initiatives);
  item_list_clear (&self->waves);
  g_clear_pointer (&self->experiences, g_hash_table_unref);

  G_OBJECT_CLASS (ecart_workspace_parent_class)->dispose (object);
}

static void
ecart_workspace_finalize (GObject *object)
{
  EcartWorkspace *self = (EcartWorkspace *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (ecart_workspace_parent_class)->finalize (object);
}

static void
ecart_workspace_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EcartWorkspace *self = ECART_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ecart_workspace_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ecart_workspace_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, ecart_workspace_is_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_workspace_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EcartWorkspace *self = ECART_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_workspace_class_init (EcartWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ecart_workspace_dispose;
  object_class->finalize = ecart_workspace_finalize;
  object_class->get_property = ecart_workspace_get_property;
  object_class->set_property = ecart_workspace_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ECART_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EcartWorkspace::changed:
   *
   * Emitted after every change saved in the workspace (an edit, undo, redo, an import, a
   * deleted wave), once the lists are up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ecart_workspace_init (EcartWorkspace *self)
{
  item_list_init (&self->segments, ECART_TYPE_SEGMENT);
  item_list_init (&self->stages, ECART_TYPE_STAGE);
  item_list_init (&self->channels, ECART_TYPE_CHANNEL);
  item_list_init (&self->touchpoints, ECART_TYPE_TOUCHPOINT);
  item_list_init (&self->pillars, ECART_TYPE_PILLAR);
  item_list_init (&self->attributes, ECART_TYPE_ATTRIBUTE);
  item_list_init (&self->initiatives, ECART_TYPE_INITIATIVE);
  item_list_init (&self->waves, ECART_TYPE_WAVE);
  self->experiences = g_hash_table_new_full (experience_key_hash, experience_key_equal,
                                             g_free, g_object_unref);
}

/* Loading ------------------------------------------------------------------------------------ */

#define FOREACH_ROW(self, stmt, step, error) \
  while (((step) = ecart_database_step ((self)->db, (stmt), (error))) == ECART_STEP_ROW)

static gboolean
load_meta (EcartWorkspace  *self,
           GError         **error)
{
  g_autoptr(EcartStatement) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *language = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db, "SELECT key, value FROM workspace", error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      const char *key = column_text (stmt, 0);

      if (g_str_equal (key, "name"))
        set_str (&name, column_text (stmt, 1));
      else if (g_str_equal (key, "description"))
        set_str (&description, column_text (stmt, 1));
      else if (g_str_equal (key, "language"))
        set_str (&language, column_text (stmt, 1));
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  if (name == NULL || name[0] == '\0')
    {
      g_autofree char *basename = g_filename_display_basename (ecart_database_get_path (self->db));
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      set_str (&name, basename);
    }

  if (set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (set_str (&self->description, description != NULL ? description : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  set_str (&self->language, language != NULL ? language : "en");

  return TRUE;
}

static gboolean
load_segments (EcartWorkspace  *self,
               GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT id, name, position, description, color FROM segment "
                                 "ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartSegment *segment = item_list_obtain (&self->segments, sqlite3_column_int64 (stmt, 0));

      _ecart_segment_update (segment, column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                             column_text (stmt, 3), column_text (stmt, 4));
      g_ptr_array_add (items, segment);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->segments, items);
  return TRUE;
}

static gboolean
load_stages (EcartWorkspace  *self,
             GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT id, name, position FROM stage ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartStage *stage = item_list_obtain (&self->stages, sqlite3_column_int64 (stmt, 0));

      _ecart_stage_update (stage, column_text (stmt, 1), sqlite3_column_int (stmt, 2));
      g_ptr_array_add (items, stage);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->stages, items);
  return TRUE;
}

static gboolean
load_channels (EcartWorkspace  *self,
               GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT id, key, position, icon FROM channel ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartChannel *channel = item_list_obtain (&self->channels, sqlite3_column_int64 (stmt, 0));
      const char *key = column_text (stmt, 1);

      _ecart_channel_update (channel, ecart_channel_label_for_key (key),
                             sqlite3_column_int (stmt, 2), key, column_text (stmt, 3));
      g_ptr_array_add (items, channel);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->channels, items);
  return TRUE;
}

static gboolean
load_touchpoints (EcartWorkspace  *self,
                  GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT t.id, t.name, t.position, t.stage_id, t.channel_id "
                                 "FROM touchpoint t JOIN stage s ON s.id = t.stage_id "
                                 "ORDER BY s.position, s.id, t.position, t.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartTouchpoint *touchpoint =
        item_list_obtain (&self->touchpoints, sqlite3_column_int64 (stmt, 0));

      _ecart_touchpoint_update (touchpoint, column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                                sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
      g_ptr_array_add (items, touchpoint);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->touchpoints, items);
  return TRUE;
}

static gboolean
load_pillars (EcartWorkspace  *self,
              GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT id, key, position FROM pillar ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartPillar *pillar = item_list_obtain (&self->pillars, sqlite3_column_int64 (stmt, 0));
      const char *key = column_text (stmt, 1);

      _ecart_pillar_update (pillar, ecart_pillar_label_for_key (key),
                            sqlite3_column_int (stmt, 2), key);
      g_ptr_array_add (items, pillar);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->pillars, items);
  return TRUE;
}

static gboolean
load_attributes (EcartWorkspace  *self,
                 GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT a.id, a.name, a.position, a.pillar_id, a.description "
                                 "FROM attribute a JOIN pillar p ON p.id = a.pillar_id "
                                 "ORDER BY p.position, p.id, a.position, a.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartAttribute *attribute =
        item_list_obtain (&self->attributes, sqlite3_column_int64 (stmt, 0));

      _ecart_attribute_update (attribute, column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                               sqlite3_column_int64 (stmt, 3), column_text (stmt, 4));
      g_ptr_array_add (items, attribute);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->attributes, items);
  return TRUE;
}

static gboolean
load_initiatives (EcartWorkspace  *self,
                  GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT id, title, position, description, owner, status, due_date, "
                                 "ifnull (segment_id, 0), ifnull (attribute_id, 0), "
                                 "ifnull (touchpoint_id, 0) "
                                 "FROM initiative ORDER BY status, position, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartInitiative *initiative =
        item_list_obtain (&self->initiatives, sqlite3_column_int64 (stmt, 0));

      _ecart_initiative_update (initiative, column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                                column_text (stmt, 3), column_text (stmt, 4),
                                sqlite3_column_int (stmt, 5), column_text_or_null (stmt, 6),
                                sqlite3_column_int64 (stmt, 7), sqlite3_column_int64 (stmt, 8),
                                sqlite3_column_int64 (stmt, 9));
      g_ptr_array_add (items, initiative);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->initiatives, items);
  return TRUE;
}

static gboolean
load_waves (EcartWorkspace  *self,
            GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EcartStatement) stmt = NULL;
  EcartStep step;
  int position = 0;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT w.id, w.name, w.kind, w.started_on, w.ended_on, "
                                 "w.source_file, "
                                 "(SELECT count(*) FROM respondent r WHERE r.wave_id = w.id) "
                                 "FROM wave w ORDER BY ifnull (w.started_on, w.created_at), w.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      EcartWave *wave = item_list_obtain (&self->waves, sqlite3_column_int64 (stmt, 0));

      _ecart_wave_update (wave, column_text (stmt, 1), position++, column_text (stmt, 2),
                          column_text_or_null (stmt, 3), column_text_or_null (stmt, 4),
                          column_text (stmt, 5), sqlite3_column_int64 (stmt, 6));
      g_ptr_array_add (items, wave);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  item_list_sync (&self->waves, items);
  return TRUE;
}

static gboolean
load_experiences (EcartWorkspace  *self,
                  GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(EcartStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer value;
  EcartStep step;

  stmt = ecart_database_prepare (self->db,
                                 "SELECT segment_id, attribute_id, desired_target, importance, "
                                 "desired_statement, proposed_level, proposed_statement "
                                 "FROM experience",
                                 error);
  if (stmt == NULL)
    return FALSE;

  FOREACH_ROW (self, stmt, step, error)
    {
      ExperienceKey key = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      EcartExperience *experience = g_hash_table_lookup (self->experiences, &key);

      if (experience == NULL)
        {
          experience = _ecart_experience_new (key.segment_id, key.attribute_id);
          g_hash_table_insert (self->experiences, g_memdup2 (&key, sizeof key), experience);
        }
      _ecart_experience_update (experience, column_level (stmt, 2), sqlite3_column_int (stmt, 3),
                                column_text (stmt, 4), column_level (stmt, 5),
                                column_text (stmt, 6));
      g_hash_table_add (seen, experience);
    }
  if (step == ECART_STEP_ERROR)
    return FALSE;

  /* A cell whose row went away (undo of its first edit) is back to "not set". */
  g_hash_table_iter_init (&iter, self->experiences);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!g_hash_table_contains (seen, value))
      _ecart_experience_update (value, NAN, 3, "", NAN, "");

  return TRUE;
}

static void
update_undo_state (EcartWorkspace *self)
{
  g_autofree char *undo = ecart_database_dup_undo_label (self->db);
  g_autofree char *redo = ecart_database_dup_redo_label (self->db);
  gboolean could_undo = self->undo_label != NULL;
  gboolean could_redo = self->redo_label != NULL;

  if (ecart_database_is_read_only (self->db))
    {
      g_clear_pointer (&undo, g_free);
      g_clear_pointer (&redo, g_free);
    }

  if (set_str (&self->undo_label, undo))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (set_str (&self->redo_label, redo))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (could_undo != (self->undo_label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo_label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
load (EcartWorkspace    *self,
      EcartReloadFlags   flags,
      GError           **error)
{
  if ((flags & ECART_RELOAD_STRUCTURE)
      && !(load_meta (self, error)
           && load_channels (self, error)
           && load_pillars (self, error)
           && load_stages (self, error)
           && load_touchpoints (self, error)
           && load_attributes (self, error)
           && load_segments (self, error)
           && load_experiences (self, error)
           && load_initiatives (self, error)))
    return FALSE;

  if ((flags & ECART_RELOAD_WAVES) && !load_waves (self, error))
    return FALSE;

  update_undo_state (self);
  return TRUE;
}

/* Called after every change saved in the file. */
gboolean
_ecart_workspace_changed (EcartWorkspace    *self,
                          EcartReloadFlags   flags,
                          GError           **error)
{
  gboolean ok = load (self, flags, error);

  g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

/**
 * ecart_workspace_reload:
 *
 * Reads the whole workspace again, for example after another program changed the file.
 */
gboolean
ecart_workspace_reload (EcartWorkspace  *self,
                        GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);
  return _ecart_workspace_changed (self, ECART_RELOAD_ALL, error);
}

EcartWorkspace *
ecart_workspace_new_for_database (EcartDatabase  *db,
                                  GError        **error)
{
  g_autoptr(EcartWorkspace) self = NULL;

  g_return_val_if_fail (ECART_IS_DATABASE (db), NULL);

  self = g_object_new (ECART_TYPE_WORKSPACE, "database", db, NULL);
  if (!load (self, ECART_RELOAD_ALL, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ecart_workspace_open:
 *
 * Opens a workspace file (see ecart_database_open() for what is checked) and loads it.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
EcartWorkspace *
ecart_workspace_open (const char          *path,
                      EcartDatabaseFlags   flags,
                      GError             **error)
{
  g_autoptr(EcartDatabase) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = ecart_database_open (path, flags, error)))
    return NULL;
  return ecart_workspace_new_for_database (db, error);
}

EcartDatabase *
ecart_workspace_get_database (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return self->db;
}

const char *
ecart_workspace_get_path (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return ecart_database_get_path (self->db);
}

const char *
ecart_workspace_get_name (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return self->name;
}

const char *
ecart_workspace_get_description (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return self->description;
}

/**
 * ecart_workspace_get_language:
 *
 * Returns: the language its content was written in ("fr", "en")
 */
const char *
ecart_workspace_get_language (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return self->language;
}

gboolean
ecart_workspace_is_read_only (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), TRUE);
  return ecart_database_is_read_only (self->db);
}

/**
 * ecart_workspace_set_read_only:
 *
 * Stops every edit (they fail with %ECART_DATABASE_ERROR_READ_ONLY), for example when the
 * file was removed or became read-only while open; %FALSE allows them again.
 */
void
ecart_workspace_set_read_only (EcartWorkspace *self,
                               gboolean        read_only)
{
  gboolean was;

  g_return_if_fail (ECART_IS_WORKSPACE (self));

  was = ecart_workspace_is_read_only (self);
  ecart_database_set_read_only (self->db, read_only);
  if (was != ecart_workspace_is_read_only (self))
    {
      update_undo_state (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

#define LIST_GETTER(what)                                                  \
  GListModel *                                                             \
  ecart_workspace_get_##what (EcartWorkspace *self)                        \
  {                                                                        \
    g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);                \
    return G_LIST_MODEL (self->what.store);                                \
  }

LIST_GETTER (segments)
LIST_GETTER (stages)
LIST_GETTER (channels)
LIST_GETTER (touchpoints)
LIST_GETTER (pillars)
LIST_GETTER (attributes)
LIST_GETTER (initiatives)
LIST_GETTER (waves)

#define FINDER(Type, what, list)                                           \
  Type *                                                                   \
  ecart_workspace_find_##what (EcartWorkspace *self,                       \
                               gint64          id)                         \
  {                                                                        \
    g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);                \
    return item_list_lookup (&self->list, id);                             \
  }

FINDER (EcartSegment, segment, segments)
FINDER (EcartStage, stage, stages)
FINDER (EcartChannel, channel, channels)
FINDER (EcartTouchpoint, touchpoint, touchpoints)
FINDER (EcartPillar, pillar, pillars)
FINDER (EcartAttribute, attribute, attributes)
FINDER (EcartInitiative, initiative, initiatives)
FINDER (EcartWave, wave, waves)

/**
 * ecart_workspace_find_by_name:
 * @list: one of the workspace's lists
 *
 * Finds an item by name, ignoring case as the file does.
 *
 * Returns: (transfer none) (nullable): the item
 */
EcartItem *
ecart_workspace_find_by_name (EcartWorkspace *self,
                              GListModel     *list,
                              const char     *name)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  if (name == NULL)
    return NULL;

  wanted = g_utf8_casefold (name, -1);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);
      g_autofree char *folded = g_utf8_casefold (ecart_item_get_name (item), -1);

      if (g_str_equal (folded, wanted))
        return item;
    }
  return NULL;
}

/**
 * ecart_workspace_get_experience:
 *
 * Returns: (transfer none): the experience cell of @segment × @attribute; its levels are
 *   NAN until set
 */
EcartExperience *
ecart_workspace_get_experience (EcartWorkspace *self,
                                EcartSegment   *segment,
                                EcartAttribute *attribute)
{
  ExperienceKey key;
  EcartExperience *experience;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (ECART_IS_ATTRIBUTE (attribute), NULL);

  key.segment_id = ecart_item_get_id (ECART_ITEM (segment));
  key.attribute_id = ecart_item_get_id (ECART_ITEM (attribute));

  experience = g_hash_table_lookup (self->experiences, &key);
  if (experience == NULL)
    {
      experience = _ecart_experience_new (key.segment_id, key.attribute_id);
      g_hash_table_insert (self->experiences, g_memdup2 (&key, sizeof key), experience);
    }
  return experience;
}

gboolean
ecart_workspace_get_counts (EcartWorkspace        *self,
                            EcartWorkspaceCounts  *counts,
                            GError               **error)
{
  g_autoptr(EcartStatement) stmt = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  counts->segments = g_list_model_get_n_items (G_LIST_MODEL (self->segments.store));
  counts->stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages.store));
  counts->touchpoints = g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints.store));
  counts->attributes = g_list_model_get_n_items (G_LIST_MODEL (self->attributes.store));
  counts->initiatives = g_list_model_get_n_items (G_LIST_MODEL (self->initiatives.store));
  counts->waves = g_list_model_get_n_items (G_LIST_MODEL (self->waves.store));

  /* Measurements are counted from the aggregates: O(cells), whatever the file holds. */
  stmt = ecart_database_prepare (self->db,
                                 "SELECT (SELECT count(*) FROM respondent), "
                                 "(SELECT ifnull (sum (n), 0) FROM measurement_aggregate), "
                                 "(SELECT ifnull (sum (n), 0) FROM recommendation_aggregate), "
                                 "(SELECT count(*) FROM verbatim)",
                                 error);
  if (stmt == NULL || ecart_database_step (self->db, stmt, error) != ECART_STEP_ROW)
    return FALSE;

  counts->respondents = sqlite3_column_int64 (stmt, 0);
  counts->measurements = sqlite3_column_int64 (stmt, 1);
  counts->recommendations = sqlite3_column_int64 (stmt, 2);
  counts->verbatims = sqlite3_column_int64 (stmt, 3);
  return TRUE;
}

/**
 * ecart_workspace_count_respondents:
 *
 * Returns: how many respondents of all waves belong to @segment
 */
gint64
ecart_workspace_count_respondents (EcartWorkspace *self,
                                   EcartSegment   *segment)
{
  g_autoptr(EcartStatement) stmt = NULL;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ECART_IS_SEGMENT (segment), 0);

  stmt = ecart_database_prepare (self->db,
                                 /* Wave by wave, from the respondent_wave index. */
                                 "SELECT count(*) FROM respondent WHERE wave_id IN "
                                 "(SELECT id FROM wave) AND segment_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ecart_item_get_id (ECART_ITEM (segment)));
  if (ecart_database_step (self->db, stmt, NULL) != ECART_STEP_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * ecart_workspace_count_measurements:
 * @item: a segment, an attribute, a touchpoint, a stage or a wave
 *
 * Returns: how many measurements refer to @item: what deleting it would delete too
 */
gint64
ecart_workspace_count_measurements (EcartWorkspace *self,
                                    EcartItem      *item)
{
  g_autoptr(EcartStatement) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (ECART_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ECART_IS_ITEM (item), 0);

  if (ECART_IS_SEGMENT (item))
    sql = "SELECT ifnull (sum (n), 0) FROM measurement_aggregate WHERE segment_id = ?";
  else if (ECART_IS_ATTRIBUTE (item))
    sql = "SELECT ifnull (sum (n), 0) FROM measurement_aggregate WHERE attribute_id = ?";
  else if (ECART_IS_TOUCHPOINT (item))
    sql = "SELECT ifnull (sum (n), 0) FROM measurement_aggregate WHERE touchpoint_id = ?";
  else if (ECART_IS_WAVE (item))
    sql = "SELECT ifnull (sum (n), 0) FROM measurement_aggregate WHERE wave_id = ?";
  else if (ECART_IS_STAGE (item))
    sql = "SELECT ifnull (sum (a.n), 0) FROM measurement_aggregate a "
          "JOIN touchpoint t ON t.id = a.touchpoint_id WHERE t.stage_id = ?";
  else
    return 0;

  if (!(stmt = ecart_database_prepare (self->db, sql, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, ecart_item_get_id (item));
  if (ecart_database_step (self->db, stmt, NULL) != ECART_STEP_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Undo and redo ------------------------------------------------------------------------------ */

gboolean
ecart_workspace_can_undo (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);
  return self->undo_label != NULL;
}

gboolean
ecart_workspace_can_redo (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);
  return self->redo_label != NULL;
}

const char *
ecart_workspace_get_undo_label (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return self->undo_label;
}

const char *
ecart_workspace_get_redo_label (EcartWorkspace *self)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), NULL);
  return self->redo_label;
}

static gboolean
undo_or_redo (EcartWorkspace  *self,
              gboolean         undo,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = undo ? ecart_database_undo (self->db, &local_error)
            : ecart_database_redo (self->db, &local_error);

  if (!ok)
    {
      /* A step that cannot be replayed any more would block every step before it. */
      if (g_error_matches (local_error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_UNDO))
        ecart_database_clear_history (self->db, NULL);
      update_undo_state (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _ecart_workspace_changed (self, ECART_RELOAD_ALL, error);
}

gboolean
ecart_workspace_undo (EcartWorkspace  *self,
                      GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);
  return undo_or_redo (self, TRUE, error);
}

gboolean
ecart_workspace_redo (EcartWorkspace  *self,
                      GError         **error)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (self), FALSE);
  return undo_or_redo (self, FALSE, error);
}

/* Helpers for the edits in ecart-workspace-edit.c --------------------------------------------- */

gboolean
_ecart_workspace_edit_begin (EcartWorkspace  *self,
                             const char      *label,
                             GError         **error)
{
  return ecart_database_begin_edit (self->db, label, error);
}

/* Ends an edit begun with _ecart_workspace_edit_begin(): saves it when @ok, else reverts it. */
gboolean
_ecart_workspace_edit_end (EcartWorkspace  *self,
                           gboolean         ok,
                           GError         **error)
{
  EcartReloadFlags flags;

  if (!ok)
    {
      self->edit_touched_waves = FALSE;
      ecart_database_rollback (self->db);
      return FALSE;
    }

  if (!ecart_database_commit_edit (self->db, error))
    return FALSE;

  flags = ECART_RELOAD_STRUCTURE | (self->edit_touched_waves ? ECART_RELOAD_WAVES : 0);
  self->edit_touched_waves = FALSE;
  return _ecart_workspace_changed (self, flags, error);
}

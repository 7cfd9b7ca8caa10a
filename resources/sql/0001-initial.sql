-- SPDX-License-Identifier: GPL-3.0-or-later
-- Écart workspace, schema version 1.
-- Applied inside BEGIN IMMEDIATE … PRAGMA user_version = 1 … COMMIT by ecart-database.c.
-- Every table is described in docs/file-format.md.

PRAGMA application_id = 1162039892; -- 0x45435254, "ECRT" at offset 68

-- Key/value facts about the workspace: name, language, creation date, template.
CREATE TABLE workspace (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

-- Customer segments (cibles), each with its own desired experience.
CREATE TABLE segment (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  color       TEXT NOT NULL DEFAULT '#3584e4',
  position    INTEGER NOT NULL
);

-- Stages of the customer journey, in order.
CREATE TABLE stage (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  position INTEGER NOT NULL
);

-- Contact channels. The set is fixed; the interface translates names from `key`.
CREATE TABLE channel (
  id       INTEGER PRIMARY KEY,
  key      TEXT NOT NULL UNIQUE,
  icon     TEXT NOT NULL,
  position INTEGER NOT NULL
);

INSERT INTO channel (id, key, icon, position) VALUES
  (1,  'web',         'web-browser-symbolic',          1),
  (2,  'mobile-app',  'phone-symbolic',                2),
  (3,  'phone',       'call-start-symbolic',           3),
  (4,  'in-person',   'system-users-symbolic',         4),
  (5,  'email',       'mail-unread-symbolic',          5),
  (6,  'chat',        'chat-message-new-symbolic',     6),
  (7,  'social',      'emblem-shared-symbolic',        7),
  (8,  'advertising', 'audio-volume-high-symbolic',    8),
  (9,  'mail',        'package-x-generic-symbolic',    9),
  (10, 'partner',     'contact-new-symbolic',          10);

-- Touchpoints (points de contact): one stage, one channel.
CREATE TABLE touchpoint (
  id         INTEGER PRIMARY KEY,
  stage_id   INTEGER NOT NULL REFERENCES stage (id),
  channel_id INTEGER NOT NULL REFERENCES channel (id),
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  position   INTEGER NOT NULL
);
CREATE INDEX touchpoint_stage ON touchpoint (stage_id, position);

-- Pillars grouping the attributes. The set is fixed; names are translated from `key`.
CREATE TABLE pillar (
  id       INTEGER PRIMARY KEY,
  key      TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL
);

INSERT INTO pillar (id, key, position) VALUES
  (1, 'product',      1),
  (2, 'processes',    2),
  (3, 'relationship', 3),
  (4, 'brand',        4);

-- Attributes of the experience (qualities it should have).
CREATE TABLE attribute (
  id          INTEGER PRIMARY KEY,
  pillar_id   INTEGER NOT NULL REFERENCES pillar (id),
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL
);

-- Experience cell: segment × attribute, the desired and the proposed experience.
-- NULL levels mean "not set yet".
CREATE TABLE experience (
  segment_id         INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  attribute_id       INTEGER NOT NULL REFERENCES attribute (id) ON DELETE CASCADE,
  desired_target     REAL CHECK (desired_target BETWEEN 0 AND 10),
  importance         INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
  desired_statement  TEXT NOT NULL DEFAULT '',
  proposed_level     REAL CHECK (proposed_level BETWEEN 0 AND 10),
  proposed_statement TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (segment_id, attribute_id)
);
CREATE INDEX experience_attribute ON experience (attribute_id);

-- Initiatives proposed at step 3. status: 0 idea, 1 planned, 2 in progress, 3 done.
CREATE TABLE initiative (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description   TEXT NOT NULL DEFAULT '',
  owner         TEXT NOT NULL DEFAULT '',
  status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
  due_date      TEXT CHECK (due_date IS NULL OR date(due_date) IS NOT NULL),
  segment_id    INTEGER REFERENCES segment (id) ON DELETE SET NULL,
  attribute_id  INTEGER REFERENCES attribute (id) ON DELETE SET NULL,
  touchpoint_id INTEGER REFERENCES touchpoint (id) ON DELETE SET NULL,
  position      INTEGER NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX initiative_segment ON initiative (segment_id);
CREATE INDEX initiative_attribute ON initiative (attribute_id);
CREATE INDEX initiative_touchpoint ON initiative (touchpoint_id);

-- Measurement campaigns (vagues). One import creates one wave.
CREATE TABLE wave (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL DEFAULT 'survey',
  started_on  TEXT,
  ended_on    TEXT,
  source_file TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

-- One answering customer or prospect in a wave.
CREATE TABLE respondent (
  id          INTEGER PRIMARY KEY,
  wave_id     INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
  segment_id  INTEGER NOT NULL REFERENCES segment (id),
  external_id TEXT,
  answered_at TEXT
);
CREATE INDEX respondent_wave ON respondent (wave_id, segment_id, answered_at);
CREATE INDEX respondent_segment ON respondent (segment_id);

-- Field measurements. dimension: 2 expected, 3 lived (0 desired and 1 proposed are set in
-- the workshop, never measured). Scores are raw, with their own scale.
CREATE TABLE measurement (
  id            INTEGER PRIMARY KEY,
  respondent_id INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,
  attribute_id  INTEGER NOT NULL REFERENCES attribute (id),
  touchpoint_id INTEGER REFERENCES touchpoint (id),
  dimension     INTEGER NOT NULL CHECK (dimension IN (2, 3)),
  score         REAL NOT NULL,
  scale_min     REAL NOT NULL,
  scale_max     REAL NOT NULL,
  CHECK (scale_max > scale_min AND score BETWEEN scale_min AND scale_max)
);
CREATE INDEX measurement_respondent ON measurement (respondent_id);
CREATE INDEX measurement_attribute ON measurement (attribute_id);
CREATE INDEX measurement_touchpoint ON measurement (touchpoint_id) WHERE touchpoint_id IS NOT NULL;

-- Likelihood to recommend, 0–10, one per respondent.
CREATE TABLE recommendation (
  respondent_id INTEGER PRIMARY KEY REFERENCES respondent (id) ON DELETE CASCADE,
  score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)
);

-- Free text from respondents or interviews.
CREATE TABLE verbatim (
  id            INTEGER PRIMARY KEY,
  wave_id       INTEGER REFERENCES wave (id) ON DELETE CASCADE,
  respondent_id INTEGER REFERENCES respondent (id) ON DELETE CASCADE,
  segment_id    INTEGER REFERENCES segment (id),
  touchpoint_id INTEGER REFERENCES touchpoint (id) ON DELETE SET NULL,
  attribute_id  INTEGER REFERENCES attribute (id) ON DELETE SET NULL,
  body          TEXT NOT NULL
);
CREATE INDEX verbatim_wave ON verbatim (wave_id);
CREATE INDEX verbatim_respondent ON verbatim (respondent_id);
CREATE INDEX verbatim_segment ON verbatim (segment_id);
CREATE INDEX verbatim_touchpoint ON verbatim (touchpoint_id);
CREATE INDEX verbatim_attribute ON verbatim (attribute_id);

CREATE VIRTUAL TABLE verbatim_fts USING fts5 (
  body,
  content = 'verbatim',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The index is kept in sync by TEMP triggers the application creates on open: with
-- trusted_schema=OFF a trigger stored in the file may not write a virtual table.

-- Aggregates maintained when a wave is written, so statistics cost O(cells), not O(rows).
-- Sums are of scores normalised to 0–10. touchpoint_id NULL: measured without a touchpoint.
CREATE TABLE measurement_aggregate (
  id            INTEGER PRIMARY KEY,
  wave_id       INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
  segment_id    INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  attribute_id  INTEGER NOT NULL REFERENCES attribute (id) ON DELETE CASCADE,
  touchpoint_id INTEGER REFERENCES touchpoint (id) ON DELETE CASCADE,
  dimension     INTEGER NOT NULL CHECK (dimension IN (2, 3)),
  n             INTEGER NOT NULL CHECK (n > 0),
  sum           REAL NOT NULL,
  sum_sq        REAL NOT NULL
);
CREATE UNIQUE INDEX measurement_aggregate_cell
  ON measurement_aggregate (segment_id, attribute_id, wave_id, ifnull (touchpoint_id, 0), dimension);
CREATE INDEX measurement_aggregate_wave ON measurement_aggregate (wave_id);
CREATE INDEX measurement_aggregate_attribute ON measurement_aggregate (attribute_id);
CREATE INDEX measurement_aggregate_touchpoint ON measurement_aggregate (touchpoint_id);

-- Paired differences (lived − expected, on 0–10) for respondents who gave both for the same
-- attribute and touchpoint: what paired confidence intervals need.
CREATE TABLE pair_aggregate (
  id            INTEGER PRIMARY KEY,
  wave_id       INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
  segment_id    INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  attribute_id  INTEGER NOT NULL REFERENCES attribute (id) ON DELETE CASCADE,
  touchpoint_id INTEGER REFERENCES touchpoint (id) ON DELETE CASCADE,
  n             INTEGER NOT NULL CHECK (n > 0),
  sum_d         REAL NOT NULL,
  sum_d_sq      REAL NOT NULL
);
CREATE UNIQUE INDEX pair_aggregate_cell
  ON pair_aggregate (segment_id, attribute_id, wave_id, ifnull (touchpoint_id, 0));
CREATE INDEX pair_aggregate_wave ON pair_aggregate (wave_id);
CREATE INDEX pair_aggregate_attribute ON pair_aggregate (attribute_id);
CREATE INDEX pair_aggregate_touchpoint ON pair_aggregate (touchpoint_id);

-- Histogram of recommendation scores per segment and wave.
CREATE TABLE recommendation_aggregate (
  id         INTEGER PRIMARY KEY,
  wave_id    INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  n          INTEGER NOT NULL CHECK (n > 0),
  UNIQUE (segment_id, wave_id, score)
);
CREATE INDEX recommendation_aggregate_wave ON recommendation_aggregate (wave_id);

-- Every import attempt that wrote a wave: what file, when, what it gave.
CREATE TABLE import_log (
  id           INTEGER PRIMARY KEY,
  wave_id      INTEGER REFERENCES wave (id) ON DELETE SET NULL,
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  respondents  INTEGER NOT NULL DEFAULT 0,
  measurements INTEGER NOT NULL DEFAULT 0,
  rejected     INTEGER NOT NULL DEFAULT 0,
  mapping      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_log_sha256 ON import_log (sha256);

-- Import mappings saved for the next wave (GKeyFile text, see docs/file-format.md).
CREATE TABLE import_mapping (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  columns    TEXT NOT NULL DEFAULT '',
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Undo/redo history. Each edit is one step; undo_entry holds the SQL that reverses it,
-- recorded by triggers the application creates when it opens the file.
-- state: 0 done (can be undone), 1 undone (can be redone).
CREATE TABLE undo_step (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  state      INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE TABLE undo_entry (
  id      INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES undo_step (id) ON DELETE CASCADE,
  sql     TEXT NOT NULL
);
CREATE INDEX undo_entry_step ON undo_entry (step_id, id);

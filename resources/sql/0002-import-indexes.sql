-- SPDX-License-Identifier: GPL-3.0-or-later
-- Écart workspace, schema version 2.
-- Applied inside BEGIN IMMEDIATE … PRAGMA user_version = 2 … COMMIT by ecart-database.c.
--
-- Fewer indexes for an import to keep up to date: each costs a b-tree insertion per row.
--
-- The measurement table keeps one secondary index, by respondent: the gap engine's date
-- ranges, the pairs of a wave and the deletion of a wave (ON DELETE CASCADE from respondent)
-- read measurements by respondent; the export reads them in table order. The indexes by
-- attribute and by touchpoint served only the deletion of an attribute or a touchpoint,
-- which now reads the table once instead, and they cost more than a third of the time of
-- every import and 18 bytes of file per measurement. Counting what a deletion would delete
-- reads measurement_aggregate.
--
-- The respondent table keeps respondent_wave (wave_id, segment_id, answered_at): the
-- respondents of a segment are found through it, wave by wave; respondent_segment served
-- only the deletion of a segment, which now reads the table once.

DROP INDEX IF EXISTS measurement_attribute;
DROP INDEX IF EXISTS measurement_touchpoint;
DROP INDEX IF EXISTS respondent_segment;

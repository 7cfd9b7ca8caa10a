-- SPDX-License-Identifier: GPL-3.0-or-later
-- Écart workspace, schema version 2.
-- Applied inside BEGIN IMMEDIATE … PRAGMA user_version = 2 … COMMIT by ecart-database.c.
--
-- The measurement table keeps one secondary index, by respondent: the gap engine's date
-- ranges, the pairs of a wave and the deletion of a wave (ON DELETE CASCADE from respondent)
-- read measurements by respondent; the export reads them in table order. The indexes by
-- attribute and by touchpoint served only the deletion of an attribute or a touchpoint,
-- which now reads the table once instead, and they cost more than a third of the time of
-- every import (each measurement added to three b-trees instead of one) and 18 bytes of
-- file per measurement. Counting what a deletion would delete reads measurement_aggregate.

DROP INDEX IF EXISTS measurement_attribute;
DROP INDEX IF EXISTS measurement_touchpoint;

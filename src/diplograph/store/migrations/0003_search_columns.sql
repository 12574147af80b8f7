-- 0003_search_columns: columns that searches scan instead of computing per row.
-- Evidence sentences folded (lowercase, accents removed): "cooperation" finds
-- "coopération", and a search is a plain substring scan.
ALTER TABLE evidence ADD COLUMN folded VARCHAR;
UPDATE evidence SET folded = lower(strip_accents(sentence));
-- An event's sectors as ",trade,health,": a substring test is three times
-- faster than a list lookup on a million events.
ALTER TABLE merged_events ADD COLUMN sector_text VARCHAR;
UPDATE merged_events SET sector_text = ',' || array_to_string(sectors, ',') || ',';

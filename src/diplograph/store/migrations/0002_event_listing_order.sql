-- 0002_event_listing_order: what "newest first" sorts on, stored so that a page
-- of a million events needs no per-row work: the day an event is listed under
-- (its own date, else when first reported) and its number as a tie-break.
ALTER TABLE merged_events ADD COLUMN sort_day DATE;
ALTER TABLE merged_events ADD COLUMN seq BIGINT;
UPDATE merged_events SET sort_day = coalesce(date_start, first_reported),
                         seq = CAST(substr(id, 2) AS BIGINT);

-- Search fast on a big conference (docs/decisions/0018-postgresql.md, "Search at 10,000 sessions").
-- Measured on 10,000 sessions with 50,000 public notes: a broad query spent nearly all its time
-- reading each matching row's document back from TOAST (about 10 µs a row, for thousands of rows),
-- and a short word restricted to the headings (`'ci':*ABC`) made PostgreSQL recheck every
-- document that held the prefix anywhere, since the GIN index has no weights.

-- The headings alone (title A; subtitle and speakers B; track and room C): a small document with an
-- index of its own, where one- and two-letter words are looked up without a recheck, and where a
-- broad query finds the sessions that name its words in their headings.
ALTER TABLE session_search ADD COLUMN headings TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('hallway_search', title), 'A')
    || setweight(to_tsvector('hallway_search', subtitle || ' ' || speakers), 'B')
    || setweight(to_tsvector('hallway_search', track || ' ' || room), 'C')
) STORED;

-- Keep both documents in the row, where matching and ranking read them: the texts (read only to
-- highlight a page of results) leave the row first when it grows past the TOAST threshold.
ALTER TABLE session_search ALTER COLUMN document SET STORAGE MAIN;
ALTER TABLE session_search ALTER COLUMN headings SET STORAGE MAIN;
ALTER TABLE session_search ALTER COLUMN abstract SET STORAGE EXTERNAL;
ALTER TABLE session_search ALTER COLUMN notes SET STORAGE EXTERNAL;

-- Every write goes into the index itself, not a pending list that every search would scan
-- until the next vacuum: a search costs the same just after an import or a burst of public notes.
CREATE INDEX session_search_headings_idx ON session_search USING GIN (headings) WITH (fastupdate = off);
ALTER INDEX session_search_document_idx SET (fastupdate = off);

-- Rows written before this migration keep their old layout until rewritten; rewrite them once.
UPDATE session_search SET notes = notes;

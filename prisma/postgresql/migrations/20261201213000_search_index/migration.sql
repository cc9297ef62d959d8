-- Full-text search on PostgreSQL, the counterpart of SQLite's FTS5 tables (prisma/migrations/*search*,
-- docs/decisions/0018-postgresql.md). Kept current by triggers, never by application code:
-- every write to the program or to notes shows in the next search. Both tables are declared external
-- in prisma.postgresql.config.ts, so Prisma neither models nor drops them.

-- Accents and case ignored, no stemming, as FTS5's `unicode61 remove_diacritics 2`: the `simple`
-- configuration with unaccent before it. Hyphenated words are indexed by their parts only, as
-- unicode61 splits them. (unaccent is a trusted extension: a database owner may create it.)
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION hallway_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION hallway_search
    ALTER MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart WITH unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION hallway_search DROP MAPPING FOR asciihword, hword, numhword;

-- One row per session; `notes` holds the session's public notes, so one ranked query over at most
-- one row per session answers everyone's search. The document weighs the columns in four classes
-- (the most tsvector has): A the title; B subtitle and speakers; C track and room; D abstract and notes.
CREATE TABLE session_search (
    session_id INTEGER PRIMARY KEY REFERENCES "Session" ("id") ON DELETE CASCADE,
    conference_id INTEGER NOT NULL,
    day_id INTEGER NOT NULL,
    track_id INTEGER,
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL,
    speakers TEXT NOT NULL,
    track TEXT NOT NULL,
    room TEXT NOT NULL,
    abstract TEXT NOT NULL,
    notes TEXT NOT NULL,
    document TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('hallway_search', title), 'A')
        || setweight(to_tsvector('hallway_search', subtitle || ' ' || speakers), 'B')
        || setweight(to_tsvector('hallway_search', track || ' ' || room), 'C')
        || setweight(to_tsvector('hallway_search', abstract || ' ' || notes), 'D')
    ) STORED
);
CREATE INDEX session_search_document_idx ON session_search USING GIN (document);
CREATE INDEX session_search_conference_idx ON session_search (conference_id, day_id);

-- Every note's words, note_id = Note.id: how an owner finds their own private notes. A search
-- starts from the viewer's notes ("Note"'s userId index) and checks each here by its key.
CREATE TABLE note_search (
    note_id INTEGER PRIMARY KEY REFERENCES "Note" ("id") ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);

-- Rewrites the rows of the given sessions from the tables (a session that is gone has none).
CREATE FUNCTION session_search_refresh(ids INTEGER[]) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO session_search (session_id, conference_id, day_id, track_id, title, subtitle, speakers, track, room, abstract, notes)
    SELECT s."id", s."conferenceId", s."dayId", s."trackId", s."title", s."subtitle",
        coalesce((SELECT string_agg(sp."name", ' ' ORDER BY ss."position", sp."id") FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
        coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
        coalesce((SELECT string_agg(n."body", E'\n' ORDER BY n."id") FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), '')
    FROM "Session" s LEFT JOIN "Track" t ON t."id" = s."trackId" LEFT JOIN "Room" r ON r."id" = s."roomId"
    WHERE s."id" = ANY (ids)
    ON CONFLICT (session_id) DO UPDATE SET
        conference_id = excluded.conference_id, day_id = excluded.day_id, track_id = excluded.track_id,
        title = excluded.title, subtitle = excluded.subtitle, speakers = excluded.speakers,
        track = excluded.track, room = excluded.room, abstract = excluded.abstract, notes = excluded.notes;
$$;

-- The triggers run once per statement over its transition tables, so a bulk write (an import's
-- createMany, a cascade) rewrites each session once. PostgreSQL allows no column list on an UPDATE
-- trigger with transition tables, so each compares old and new itself. Foreign-key actions (a track
-- deleted sets "trackId" to null) are statements too, and fire them. Deleting a session deletes its
-- row by the foreign key's cascade.

-- Sessions --------------------------------------------------------------

CREATE FUNCTION session_search_after_session_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_refresh(ARRAY(SELECT "id" FROM inserted));
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_search_after_insert AFTER INSERT ON "Session"
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_session_insert();

CREATE FUNCTION session_search_after_session_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_refresh(ARRAY(
        SELECT n."id" FROM updated_new n JOIN updated_old o ON o."id" = n."id"
        WHERE (n."title", n."subtitle", n."abstract", n."trackId", n."roomId", n."dayId", n."conferenceId")
            IS DISTINCT FROM (o."title", o."subtitle", o."abstract", o."trackId", o."roomId", o."dayId", o."conferenceId")));
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_search_after_update AFTER UPDATE ON "Session"
    REFERENCING OLD TABLE AS updated_old NEW TABLE AS updated_new FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_session_update();

-- Speakers of a session, and their names.

CREATE FUNCTION session_search_after_speaker_link() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM session_search_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM linked_new));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM session_search_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM linked_old));
    ELSE
        PERFORM session_search_refresh(ARRAY(SELECT "sessionId" FROM linked_new UNION SELECT "sessionId" FROM linked_old));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_search_after_speaker_link AFTER INSERT ON "SessionSpeaker"
    REFERENCING NEW TABLE AS linked_new FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_speaker_link();
CREATE TRIGGER session_search_after_speaker_relink AFTER UPDATE ON "SessionSpeaker"
    REFERENCING OLD TABLE AS linked_old NEW TABLE AS linked_new FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_speaker_link();
CREATE TRIGGER session_search_after_speaker_unlink AFTER DELETE ON "SessionSpeaker"
    REFERENCING OLD TABLE AS linked_old FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_speaker_link();

CREATE FUNCTION session_search_after_speaker_rename() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_refresh(ARRAY(
        SELECT DISTINCT ss."sessionId" FROM renamed_new n JOIN renamed_old o ON o."id" = n."id"
        JOIN "SessionSpeaker" ss ON ss."speakerId" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_search_after_speaker_rename AFTER UPDATE ON "Speaker"
    REFERENCING OLD TABLE AS renamed_old NEW TABLE AS renamed_new FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_speaker_rename();

-- Track and room names (a deleted track or room sets the sessions' ids to null: the session trigger).

CREATE FUNCTION session_search_after_track_rename() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_refresh(ARRAY(
        SELECT s."id" FROM renamed_new n JOIN renamed_old o ON o."id" = n."id"
        JOIN "Session" s ON s."trackId" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_search_after_track_rename AFTER UPDATE ON "Track"
    REFERENCING OLD TABLE AS renamed_old NEW TABLE AS renamed_new FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_track_rename();

CREATE FUNCTION session_search_after_room_rename() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_refresh(ARRAY(
        SELECT s."id" FROM renamed_new n JOIN renamed_old o ON o."id" = n."id"
        JOIN "Session" s ON s."roomId" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
    RETURN NULL;
END;
$$;
CREATE TRIGGER session_search_after_room_rename AFTER UPDATE ON "Room"
    REFERENCING OLD TABLE AS renamed_old NEW TABLE AS renamed_new FOR EACH STATEMENT EXECUTE FUNCTION session_search_after_room_rename();

-- Notes: every note in note_search; public ones also in their session's `notes` column.

CREATE FUNCTION note_search_after_note_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO note_search (note_id, document) SELECT "id", to_tsvector('hallway_search', "body") FROM inserted;
    PERFORM session_search_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM inserted WHERE "visibility" = 'public'));
    RETURN NULL;
END;
$$;
CREATE TRIGGER note_search_after_insert AFTER INSERT ON "Note"
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION note_search_after_note_insert();

CREATE FUNCTION note_search_after_note_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE note_search SET document = to_tsvector('hallway_search', n."body")
    FROM updated_new n JOIN updated_old o ON o."id" = n."id"
    WHERE note_search.note_id = n."id" AND n."body" IS DISTINCT FROM o."body";
    PERFORM session_search_refresh(ARRAY(
        SELECT n."sessionId" FROM updated_new n JOIN updated_old o ON o."id" = n."id"
        WHERE (n."visibility" = 'public' OR o."visibility" = 'public')
          AND (n."body", n."visibility", n."sessionId") IS DISTINCT FROM (o."body", o."visibility", o."sessionId")
        UNION
        SELECT o."sessionId" FROM updated_new n JOIN updated_old o ON o."id" = n."id"
        WHERE o."visibility" = 'public' AND n."sessionId" <> o."sessionId"));
    RETURN NULL;
END;
$$;
CREATE TRIGGER note_search_after_update AFTER UPDATE ON "Note"
    REFERENCING OLD TABLE AS updated_old NEW TABLE AS updated_new FOR EACH STATEMENT EXECUTE FUNCTION note_search_after_note_update();

CREATE FUNCTION note_search_after_note_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM deleted WHERE "visibility" = 'public'));
    RETURN NULL;
END;
$$;
CREATE TRIGGER note_search_after_delete AFTER DELETE ON "Note"
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION note_search_after_note_delete();

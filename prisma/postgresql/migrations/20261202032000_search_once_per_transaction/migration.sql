-- Each session's search row rebuilt once per transaction, at its commit, however many statements
-- touched the session (docs/decisions/0018-postgresql.md, "One rebuild per transaction"). Measured:
-- the 1,000-event import wrote every search row twice (the sessions' insert, then their speakers'),
-- the 10,000-session load and the copy many times (each chunk of speaker links, each batch of notes),
-- each time parsing the texts into two tsvectors again.
--
-- The statement triggers now only mark the sessions they touch, in search_queue.sessions; a
-- deferred constraint trigger on that table rebuilds every marked session at commit (or at
-- `SET CONSTRAINTS ALL IMMEDIATE`) and empties it. The table is empty outside a transaction:
-- each transaction deletes what it marked, and sees no other's marks until they commit, which
-- they never do. Unlogged: nothing in it outlives a transaction, so it needs no WAL. In a schema
-- of its own: Prisma's schema engine reads every constraint of `public`, and fails on a constraint
-- trigger's (contype 't' read as text); it never looks at other schemas.
CREATE SCHEMA search_queue;
CREATE UNLOGGED TABLE search_queue.sessions (
    session_id INTEGER PRIMARY KEY
);

CREATE FUNCTION session_search_mark(ids INTEGER[]) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO search_queue.sessions (session_id)
    SELECT DISTINCT id FROM unnest(ids) AS marked(id) WHERE id IS NOT NULL
    ON CONFLICT (session_id) DO NOTHING;
$$;

-- Fires once per marked session at commit: the first firing rebuilds them all and deletes the
-- marks; the others find their own mark gone (one index lookup) and return.
CREATE FUNCTION session_search_rebuild_marked() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    marked INTEGER[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM search_queue.sessions WHERE session_id = NEW.session_id) THEN
        RETURN NULL;
    END IF;
    WITH taken AS (DELETE FROM search_queue.sessions RETURNING session_id) SELECT array_agg(session_id) INTO marked FROM taken;
    PERFORM session_search_refresh(marked);
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER session_search_rebuild_at_commit AFTER INSERT ON search_queue.sessions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION session_search_rebuild_marked();

-- The rebuild itself, as in 20261201213000_search_index, but joined to the ids rather than testing
-- `s.id = ANY (ids)`: with a parameter array PostgreSQL compares each row with every element, which
-- cost nothing for a statement's 40 sessions and is quadratic for a load's 10,000 at commit
-- (measured on 3,000 sessions at load 18: 13.4 s, and 6.9 s joined).
CREATE OR REPLACE FUNCTION session_search_refresh(ids INTEGER[]) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO session_search (session_id, conference_id, day_id, track_id, title, subtitle, speakers, track, room, abstract, notes)
    SELECT s."id", s."conferenceId", s."dayId", s."trackId", s."title", s."subtitle",
        coalesce((SELECT string_agg(sp."name", ' ' ORDER BY ss."position", sp."id") FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
        coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
        coalesce((SELECT string_agg(n."body", E'\n' ORDER BY n."id") FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), '')
    FROM (SELECT DISTINCT id FROM unnest(ids) AS marked(id)) AS marked
    JOIN "Session" s ON s."id" = marked.id
    LEFT JOIN "Track" t ON t."id" = s."trackId" LEFT JOIN "Room" r ON r."id" = s."roomId"
    ON CONFLICT (session_id) DO UPDATE SET
        conference_id = excluded.conference_id, day_id = excluded.day_id, track_id = excluded.track_id,
        title = excluded.title, subtitle = excluded.subtitle, speakers = excluded.speakers,
        track = excluded.track, room = excluded.room, abstract = excluded.abstract, notes = excluded.notes;
$$;

-- The statement triggers of 20261201213000_search_index, marking instead of rewriting.

CREATE OR REPLACE FUNCTION session_search_after_session_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_mark(ARRAY(SELECT "id" FROM inserted));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION session_search_after_session_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_mark(ARRAY(
        SELECT n."id" FROM updated_new n JOIN updated_old o ON o."id" = n."id"
        WHERE (n."title", n."subtitle", n."abstract", n."trackId", n."roomId", n."dayId", n."conferenceId")
            IS DISTINCT FROM (o."title", o."subtitle", o."abstract", o."trackId", o."roomId", o."dayId", o."conferenceId")));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION session_search_after_speaker_link() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM session_search_mark(ARRAY(SELECT "sessionId" FROM linked_new));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM session_search_mark(ARRAY(SELECT "sessionId" FROM linked_old));
    ELSE
        PERFORM session_search_mark(ARRAY(SELECT "sessionId" FROM linked_new UNION SELECT "sessionId" FROM linked_old));
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION session_search_after_speaker_rename() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_mark(ARRAY(
        SELECT ss."sessionId" FROM renamed_new n JOIN renamed_old o ON o."id" = n."id"
        JOIN "SessionSpeaker" ss ON ss."speakerId" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION session_search_after_track_rename() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_mark(ARRAY(
        SELECT s."id" FROM renamed_new n JOIN renamed_old o ON o."id" = n."id"
        JOIN "Session" s ON s."trackId" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION session_search_after_room_rename() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_mark(ARRAY(
        SELECT s."id" FROM renamed_new n JOIN renamed_old o ON o."id" = n."id"
        JOIN "Session" s ON s."roomId" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
    RETURN NULL;
END;
$$;

-- A note's own words go into note_search in its statement, as before (one row per note, written once).

CREATE OR REPLACE FUNCTION note_search_after_note_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO note_search (note_id, document) SELECT "id", to_tsvector('hallway_search', "body") FROM inserted;
    PERFORM session_search_mark(ARRAY(SELECT "sessionId" FROM inserted WHERE "visibility" = 'public'));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION note_search_after_note_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE note_search SET document = to_tsvector('hallway_search', n."body")
    FROM updated_new n JOIN updated_old o ON o."id" = n."id"
    WHERE note_search.note_id = n."id" AND n."body" IS DISTINCT FROM o."body";
    PERFORM session_search_mark(ARRAY(
        SELECT n."sessionId" FROM updated_new n JOIN updated_old o ON o."id" = n."id"
        WHERE (n."visibility" = 'public' OR o."visibility" = 'public')
          AND (n."body", n."visibility", n."sessionId") IS DISTINCT FROM (o."body", o."visibility", o."sessionId")
        UNION
        SELECT o."sessionId" FROM updated_new n JOIN updated_old o ON o."id" = n."id"
        WHERE o."visibility" = 'public' AND n."sessionId" <> o."sessionId"));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION note_search_after_note_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM session_search_mark(ARRAY(SELECT "sessionId" FROM deleted WHERE "visibility" = 'public'));
    RETURN NULL;
END;
$$;

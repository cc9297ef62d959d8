-- A session's public notes are rewritten into its search row after the save, not in it, as on
-- SQLite (prisma/migrations/20261202031500_session_notes_refresh; docs/decisions/0018-postgresql.md,
-- "Public notes after the save"). The row's `notes` column holds every public note on the session,
-- and its rebuild parsed all of them into the session's tsvectors again on every public save: most
-- of a save's PostgreSQL time on a session with many notes, however little the one note changed.
--
-- The note triggers now only mark the session in search_queue.session_notes, a logged table (a
-- mark outlives the transaction that made it, and a crash must not lose it). The app rewrites the
-- marked rows with session_notes_refresh(): before any search reads the index, and soon after a
-- public save (lib/search/postgres.ts). Any rebuild of a session's row, at the commit of an import
-- as well, takes its mark with it, since the row it writes holds the notes of that moment.
CREATE TABLE search_queue.session_notes (
    session_id INTEGER PRIMARY KEY
);

-- A mark already there is updated, not left alone: the update locks it until the saving transaction
-- commits, so a refresh deleting it meanwhile waits, then deletes it and reads the committed note.
-- Left alone, a refresh could take the mark before the save committed and miss its note for good.
CREATE FUNCTION session_notes_mark(ids INTEGER[]) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO search_queue.session_notes (session_id)
    SELECT DISTINCT id FROM unnest(ids) AS marked(id) WHERE id IS NOT NULL
    ON CONFLICT (session_id) DO UPDATE SET session_id = excluded.session_id;
$$;

-- Rewrites every marked session's row and takes the marks; any number of instances may run it at once.
CREATE FUNCTION session_notes_refresh() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    marked INTEGER[];
BEGIN
    WITH taken AS (DELETE FROM search_queue.session_notes RETURNING session_id) SELECT array_agg(session_id) INTO marked FROM taken;
    IF marked IS NOT NULL THEN
        PERFORM session_search_refresh(marked);
    END IF;
END;
$$;

-- The rebuild of 20261202032000_search_once_per_transaction, which now also takes the marks of the
-- sessions it rebuilds: their rows hold their public notes as they are now.
CREATE OR REPLACE FUNCTION session_search_refresh(ids INTEGER[]) RETURNS VOID LANGUAGE sql AS $$
    DELETE FROM search_queue.session_notes q USING (SELECT DISTINCT id FROM unnest(ids) AS marked(id)) AS marked WHERE q.session_id = marked.id;
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

-- The note triggers of 20261202032000_search_once_per_transaction, marking for later instead of for the commit.

CREATE OR REPLACE FUNCTION note_search_after_note_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO note_search (note_id, document) SELECT "id", to_tsvector('hallway_search', "body") FROM inserted;
    PERFORM session_notes_mark(ARRAY(SELECT "sessionId" FROM inserted WHERE "visibility" = 'public'));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION note_search_after_note_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE note_search SET document = to_tsvector('hallway_search', n."body")
    FROM updated_new n JOIN updated_old o ON o."id" = n."id"
    WHERE note_search.note_id = n."id" AND n."body" IS DISTINCT FROM o."body";
    PERFORM session_notes_mark(ARRAY(
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
    PERFORM session_notes_mark(ARRAY(SELECT "sessionId" FROM deleted WHERE "visibility" = 'public'));
    RETURN NULL;
END;
$$;

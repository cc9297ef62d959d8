-- The session index learns each session's scope: its conference, day and track as tokens in a
-- `scope` column ("c3 d12 t7"; "t0" without a track). A search then filters inside FTS5
-- (`scope : "c3" AND …`) instead of joining every match to "Session", which halved the cost
-- of a query that matches thousands of sessions (docs/decisions/0010-search-scope-and-broad-queries.md).
-- FTS5 cannot add a column to an existing table: the table and its triggers are rebuilt.
-- `scope` comes last, so highlight() and snippet() keep their column numbers.

DROP TRIGGER "session_search_after_insert";
DROP TRIGGER "session_search_after_update";
DROP TRIGGER "session_search_after_delete";
DROP TRIGGER "session_search_after_speaker_link";
DROP TRIGGER "session_search_after_speaker_unlink";
DROP TRIGGER "session_search_after_speaker_rename";
DROP TRIGGER "session_search_after_track_rename";
DROP TRIGGER "session_search_after_room_rename";
DROP TRIGGER "session_notes_after_insert";
DROP TRIGGER "session_notes_after_update";
DROP TRIGGER "session_notes_after_delete";
DROP TABLE "session_search";

CREATE VIRTUAL TABLE "session_search" USING fts5(
    title, subtitle, speakers, track, room, abstract, notes, scope,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- Sessions --------------------------------------------------------------

CREATE TRIGGER "session_search_after_insert" AFTER INSERT ON "Session" BEGIN
    INSERT INTO "session_search" (rowid, title, subtitle, speakers, track, room, abstract, notes, scope)
    SELECT s."id", s."title", s."subtitle",
        coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
        coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
        coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), ''),
        'c' || s."conferenceId" || ' d' || s."dayId" || ' t' || coalesce(s."trackId", 0)
    FROM "Session" s LEFT JOIN "Track" t ON t."id" = s."trackId" LEFT JOIN "Room" r ON r."id" = s."roomId"
    WHERE s."id" = NEW."id";
END;

CREATE TRIGGER "session_search_after_update" AFTER UPDATE OF "title", "subtitle", "abstract", "trackId", "roomId", "dayId", "conferenceId" ON "Session" BEGIN
    DELETE FROM "session_search" WHERE rowid = OLD."id";
    INSERT INTO "session_search" (rowid, title, subtitle, speakers, track, room, abstract, notes, scope)
    SELECT s."id", s."title", s."subtitle",
        coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
        coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
        coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), ''),
        'c' || s."conferenceId" || ' d' || s."dayId" || ' t' || coalesce(s."trackId", 0)
    FROM "Session" s LEFT JOIN "Track" t ON t."id" = s."trackId" LEFT JOIN "Room" r ON r."id" = s."roomId"
    WHERE s."id" = NEW."id";
END;

CREATE TRIGGER "session_search_after_delete" AFTER DELETE ON "Session" BEGIN
    DELETE FROM "session_search" WHERE rowid = OLD."id";
END;

-- Speakers of a session: re-index the session's speakers column.

CREATE TRIGGER "session_search_after_speaker_link" AFTER INSERT ON "SessionSpeaker" BEGIN
    UPDATE "session_search" SET speakers = coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = NEW."sessionId"), '')
    WHERE rowid = NEW."sessionId";
END;

CREATE TRIGGER "session_search_after_speaker_unlink" AFTER DELETE ON "SessionSpeaker" BEGIN
    UPDATE "session_search" SET speakers = coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = OLD."sessionId"), '')
    WHERE rowid = OLD."sessionId";
END;

CREATE TRIGGER "session_search_after_speaker_rename" AFTER UPDATE OF "name" ON "Speaker" BEGIN
    UPDATE "session_search" SET speakers = coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = "session_search".rowid), '')
    WHERE rowid IN (SELECT "sessionId" FROM "SessionSpeaker" WHERE "speakerId" = NEW."id");
END;

CREATE TRIGGER "session_search_after_track_rename" AFTER UPDATE OF "name" ON "Track" BEGIN
    UPDATE "session_search" SET track = NEW."name" WHERE rowid IN (SELECT "id" FROM "Session" WHERE "trackId" = NEW."id");
END;

CREATE TRIGGER "session_search_after_room_rename" AFTER UPDATE OF "name" ON "Room" BEGIN
    UPDATE "session_search" SET room = NEW."name" WHERE rowid IN (SELECT "id" FROM "Session" WHERE "roomId" = NEW."id");
END;

-- Public notes, in their session's `notes` column (note_search is unchanged).

CREATE TRIGGER "session_notes_after_insert" AFTER INSERT ON "Note" WHEN NEW."visibility" = 'public' BEGIN
    UPDATE "session_search" SET notes = coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = NEW."sessionId" AND n."visibility" = 'public'), '')
    WHERE rowid = NEW."sessionId";
END;

CREATE TRIGGER "session_notes_after_update" AFTER UPDATE OF "body", "visibility" ON "Note" WHEN NEW."visibility" = 'public' OR OLD."visibility" = 'public' BEGIN
    UPDATE "session_search" SET notes = coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = NEW."sessionId" AND n."visibility" = 'public'), '')
    WHERE rowid = NEW."sessionId";
END;

CREATE TRIGGER "session_notes_after_delete" AFTER DELETE ON "Note" WHEN OLD."visibility" = 'public' BEGIN
    UPDATE "session_search" SET notes = coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = OLD."sessionId" AND n."visibility" = 'public'), '')
    WHERE rowid = OLD."sessionId";
END;

-- The sessions already there.

INSERT INTO "session_search" (rowid, title, subtitle, speakers, track, room, abstract, notes, scope)
SELECT s."id", s."title", s."subtitle",
    coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
    coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
    coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), ''),
    'c' || s."conferenceId" || ' d' || s."dayId" || ' t' || coalesce(s."trackId", 0)
FROM "Session" s LEFT JOIN "Track" t ON t."id" = s."trackId" LEFT JOIN "Room" r ON r."id" = s."roomId";

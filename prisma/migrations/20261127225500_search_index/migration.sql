-- Full-text search over the program, kept in sync by triggers (docs/decisions/0003-search-with-fts5.md).
-- unicode61 with remove_diacritics folds case and accents; the prefix indexes make "kube*" cheap.

-- One row per session, rowid = Session.id; `notes` holds the session's public notes, so one
-- ranked query over at most one row per session answers everyone's search.
CREATE VIRTUAL TABLE "session_search" USING fts5(
    title, subtitle, speakers, track, room, abstract, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- Mirrors Note.body, rowid = Note.id: how an owner finds their own private notes.
CREATE VIRTUAL TABLE "note_search" USING fts5(
    body,
    content = 'Note',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- Sessions --------------------------------------------------------------

CREATE TRIGGER "session_search_after_insert" AFTER INSERT ON "Session" BEGIN
    INSERT INTO "session_search" (rowid, title, subtitle, speakers, track, room, abstract, notes)
    SELECT s."id", s."title", s."subtitle",
        coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
        coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
        coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), '')
    FROM "Session" s LEFT JOIN "Track" t ON t."id" = s."trackId" LEFT JOIN "Room" r ON r."id" = s."roomId"
    WHERE s."id" = NEW."id";
END;

CREATE TRIGGER "session_search_after_update" AFTER UPDATE OF "title", "subtitle", "abstract", "trackId", "roomId" ON "Session" BEGIN
    DELETE FROM "session_search" WHERE rowid = OLD."id";
    INSERT INTO "session_search" (rowid, title, subtitle, speakers, track, room, abstract, notes)
    SELECT s."id", s."title", s."subtitle",
        coalesce((SELECT group_concat(sp."name", ' ') FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId" WHERE ss."sessionId" = s."id"), ''),
        coalesce(t."name", ''), coalesce(r."name", ''), s."abstract",
        coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."sessionId" = s."id" AND n."visibility" = 'public'), '')
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

-- Notes: every note in note_search (the external-content protocol: delete with the old
-- values, insert the new); public ones also in their session's `notes` column.

CREATE TRIGGER "note_search_after_insert" AFTER INSERT ON "Note" BEGIN
    INSERT INTO "note_search" (rowid, body) VALUES (NEW."id", NEW."body");
END;

CREATE TRIGGER "note_search_after_update" AFTER UPDATE OF "body" ON "Note" BEGIN
    INSERT INTO "note_search" ("note_search", rowid, body) VALUES ('delete', OLD."id", OLD."body");
    INSERT INTO "note_search" (rowid, body) VALUES (NEW."id", NEW."body");
END;

CREATE TRIGGER "note_search_after_delete" AFTER DELETE ON "Note" BEGIN
    INSERT INTO "note_search" ("note_search", rowid, body) VALUES ('delete', OLD."id", OLD."body");
END;

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

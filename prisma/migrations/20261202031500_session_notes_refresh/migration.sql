-- A session's public notes are one column of its search row, so keeping that column current in
-- the statement that saves a public note re-indexed the whole row (its abstract and every public
-- note on it) on every such save: 1.2 to 2 ms of a save with 100 public notes on the session,
-- against 0.1 ms for the note itself. The note triggers now only mark the session, in the same
-- statement; the search code refreshes every marked row before it reads the index, and a timer
-- soon after a save (lib/search/fts5.ts), so a search still sees every committed note.
-- NOT EXISTS rather than INSERT OR IGNORE: an outer statement's conflict policy (Prisma's upsert)
-- overrides a trigger's, and the mark would then fail the save.
DROP TRIGGER "session_notes_after_insert";
DROP TRIGGER "session_notes_after_update";
DROP TRIGGER "session_notes_after_delete";

CREATE TABLE "session_notes_stale" ("sessionId" INTEGER NOT NULL PRIMARY KEY);

CREATE TRIGGER "session_notes_after_insert" AFTER INSERT ON "Note" WHEN NEW."visibility" = 'public' BEGIN
    INSERT INTO "session_notes_stale" ("sessionId") SELECT NEW."sessionId" WHERE NOT EXISTS (SELECT 1 FROM "session_notes_stale" WHERE "sessionId" = NEW."sessionId");
END;

CREATE TRIGGER "session_notes_after_update" AFTER UPDATE OF "body", "visibility" ON "Note" WHEN NEW."visibility" = 'public' OR OLD."visibility" = 'public' BEGIN
    INSERT INTO "session_notes_stale" ("sessionId") SELECT NEW."sessionId" WHERE NOT EXISTS (SELECT 1 FROM "session_notes_stale" WHERE "sessionId" = NEW."sessionId");
END;

CREATE TRIGGER "session_notes_after_delete" AFTER DELETE ON "Note" WHEN OLD."visibility" = 'public' BEGIN
    INSERT INTO "session_notes_stale" ("sessionId") SELECT OLD."sessionId" WHERE NOT EXISTS (SELECT 1 FROM "session_notes_stale" WHERE "sessionId" = OLD."sessionId");
END;

-- DeletedNote is kept by a trigger, in the statement that deletes the note, whichever code deletes
-- it (lib/notes/notes.ts), as on SQLite (prisma/migrations/20261128054500_deleted_note_trigger). A
-- note deleted because its author or its session is being deleted leaves nothing: both are gone by
-- the time the cascade reaches the note, and with them any DeletedNote of theirs.
CREATE FUNCTION note_keep_version_on_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "DeletedNote" ("userId", "sessionId", "version")
    SELECT d."userId", d."sessionId", d."version" FROM deleted d
    WHERE EXISTS (SELECT 1 FROM "User" WHERE "id" = d."userId")
      AND EXISTS (SELECT 1 FROM "Session" WHERE "id" = d."sessionId")
    ON CONFLICT ("userId", "sessionId") DO UPDATE SET "version" = greatest("DeletedNote"."version", excluded."version");
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Note_keep_version_on_delete" AFTER DELETE ON "Note"
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION note_keep_version_on_delete();

-- DeletedNote is kept by a trigger, in the statement that deletes the note, whichever code
-- deletes it (lib/notes/notes.ts). A note deleted because its author or its session is being
-- deleted leaves nothing: both are gone by the time the cascade reaches the note, and with
-- them any DeletedNote of theirs.
CREATE TRIGGER "Note_keep_version_on_delete" AFTER DELETE ON "Note"
WHEN EXISTS (SELECT 1 FROM "User" WHERE "id" = old."userId")
  AND EXISTS (SELECT 1 FROM "Session" WHERE "id" = old."sessionId")
BEGIN
  INSERT INTO "DeletedNote" ("userId", "sessionId", "version") VALUES (old."userId", old."sessionId", old."version")
  ON CONFLICT ("userId", "sessionId") DO UPDATE SET "version" = max("version", excluded."version");
END;

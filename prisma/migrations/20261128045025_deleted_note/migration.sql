-- The last version of each deleted note, so a note written again starts above it (lib/notes/notes.ts).
-- CreateTable
CREATE TABLE "DeletedNote" (
    "userId" TEXT NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "sessionId"),
    CONSTRAINT "DeletedNote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeletedNote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeletedNote_sessionId_idx" ON "DeletedNote"("sessionId");

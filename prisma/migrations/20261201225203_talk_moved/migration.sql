-- AlterTable
ALTER TABLE "Star" ADD COLUMN "seenChangesAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CalendarToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "conferenceId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderMinutes" INTEGER NOT NULL DEFAULT 10,
    CONSTRAINT "CalendarToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarToken_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CalendarToken" ("conferenceId", "createdAt", "id", "tokenHash", "userId") SELECT "conferenceId", "createdAt", "id", "tokenHash", "userId" FROM "CalendarToken";
DROP TABLE "CalendarToken";
ALTER TABLE "new_CalendarToken" RENAME TO "CalendarToken";
CREATE UNIQUE INDEX "CalendarToken_tokenHash_key" ON "CalendarToken"("tokenHash");
CREATE UNIQUE INDEX "CalendarToken_userId_conferenceId_key" ON "CalendarToken"("userId", "conferenceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

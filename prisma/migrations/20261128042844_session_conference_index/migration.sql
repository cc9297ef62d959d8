-- Search finds the stretch of ids a conference's sessions fill through this index (lib/search/fts5.ts).
-- CreateIndex
CREATE INDEX "Session_conferenceId_idx" ON "Session"("conferenceId");

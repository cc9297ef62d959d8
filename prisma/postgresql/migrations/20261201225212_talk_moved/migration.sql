-- AlterTable
ALTER TABLE "CalendarToken" ADD COLUMN     "reminderMinutes" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Star" ADD COLUMN     "seenChangesAt" TIMESTAMP(3);

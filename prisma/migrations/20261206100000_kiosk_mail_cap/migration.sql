-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "kioskMailsPerHour" INTEGER NOT NULL DEFAULT 200;


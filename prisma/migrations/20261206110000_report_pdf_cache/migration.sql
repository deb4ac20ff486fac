-- AlterTable
ALTER TABLE "MonthlyReport" ADD COLUMN     "pdfSha256" TEXT;


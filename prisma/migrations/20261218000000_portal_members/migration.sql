-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ApplicantTokenKind" ADD VALUE 'INVITE';
ALTER TYPE "ApplicantTokenKind" ADD VALUE 'MAGIC';

-- AlterTable
ALTER TABLE "ApplicantToken" ADD COLUMN     "email" TEXT,
ADD COLUMN     "organisationId" TEXT;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "applicantId" TEXT;

-- CreateIndex
CREATE INDEX "ApplicantToken_organisationId_kind_idx" ON "ApplicantToken"("organisationId", "kind");

-- CreateIndex
CREATE INDEX "AuditLog_applicantId_id_idx" ON "AuditLog"("applicantId", "id" DESC);

-- AddForeignKey
ALTER TABLE "ApplicantToken" ADD CONSTRAINT "ApplicantToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "ApplicantOrganisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


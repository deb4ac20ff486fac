-- CreateEnum
CREATE TYPE "SubmissionOrigin" AS ENUM ('STAFF', 'PORTAL');

-- CreateEnum
CREATE TYPE "ApplicantTokenKind" AS ENUM ('VERIFY', 'RESET');

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "origin" "SubmissionOrigin" NOT NULL DEFAULT 'STAFF';

-- CreateTable
CREATE TABLE "PortalCall" (
    "contestId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "faq" JSONB NOT NULL DEFAULT '[]',
    "lateRule" TEXT,
    "quotaBytes" INTEGER NOT NULL DEFAULT 52428800,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalCall_pkey" PRIMARY KEY ("contestId")
);

-- CreateTable
CREATE TABLE "ApplicantOrganisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "taxId" TEXT,
    "state" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "contactName" TEXT,
    "candidatePartnerId" TEXT,
    "partnerId" TEXT,
    "matchConfirmedAt" TIMESTAMPTZ(3),
    "matchConfirmedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicantOrganisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicantAccount" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "emailVerifiedAt" TIMESTAMPTZ(3),
    "organisationId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'es',
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicantAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicantSession" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApplicantSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicantToken" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "ApplicantTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicantToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalDraft" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT,
    "targetCommunities" TEXT,
    "targetCities" TEXT,
    "requestedBudget" DECIMAL(12,2),
    "submissionId" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalDraftDocument" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "requirementId" TEXT,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalDraftDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalCall_slug_key" ON "PortalCall"("slug");

-- CreateIndex
CREATE INDEX "ApplicantOrganisation_taxId_idx" ON "ApplicantOrganisation"("taxId");

-- CreateIndex
CREATE INDEX "ApplicantOrganisation_partnerId_idx" ON "ApplicantOrganisation"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicantAccount_email_key" ON "ApplicantAccount"("email");

-- CreateIndex
CREATE INDEX "ApplicantAccount_organisationId_idx" ON "ApplicantAccount"("organisationId");

-- CreateIndex
CREATE INDEX "ApplicantSession_accountId_idx" ON "ApplicantSession"("accountId");

-- CreateIndex
CREATE INDEX "ApplicantSession_expiresAt_idx" ON "ApplicantSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicantToken_tokenHash_key" ON "ApplicantToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApplicantToken_accountId_kind_idx" ON "ApplicantToken"("accountId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PortalDraft_submissionId_key" ON "PortalDraft"("submissionId");

-- CreateIndex
CREATE INDEX "PortalDraft_contestId_idx" ON "PortalDraft"("contestId");

-- CreateIndex
CREATE UNIQUE INDEX "PortalDraft_organisationId_contestId_key" ON "PortalDraft"("organisationId", "contestId");

-- CreateIndex
CREATE INDEX "PortalDraftDocument_draftId_idx" ON "PortalDraftDocument"("draftId");

-- CreateIndex
CREATE INDEX "PortalDraftDocument_fileSha256_idx" ON "PortalDraftDocument"("fileSha256");

-- AddForeignKey
ALTER TABLE "PortalCall" ADD CONSTRAINT "PortalCall_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantOrganisation" ADD CONSTRAINT "ApplicantOrganisation_candidatePartnerId_fkey" FOREIGN KEY ("candidatePartnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantOrganisation" ADD CONSTRAINT "ApplicantOrganisation_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantAccount" ADD CONSTRAINT "ApplicantAccount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "ApplicantOrganisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantSession" ADD CONSTRAINT "ApplicantSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ApplicantAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantToken" ADD CONSTRAINT "ApplicantToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ApplicantAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalDraft" ADD CONSTRAINT "PortalDraft_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "ApplicantOrganisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalDraft" ADD CONSTRAINT "PortalDraft_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "PortalCall"("contestId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalDraft" ADD CONSTRAINT "PortalDraft_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalDraftDocument" ADD CONSTRAINT "PortalDraftDocument_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "PortalDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rules Prisma's schema cannot express (decision 002: triggers, not CHECK constraints).
CREATE OR REPLACE FUNCTION portal_call_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."slug" !~ '^[a-z0-9-]{3,80}$' THEN
    RAISE EXCEPTION 'new row for relation "PortalCall" violates check constraint "PortalCall_slug_check"' USING ERRCODE = '23514';
  END IF;
  IF NEW."quotaBytes" <= 0 THEN
    RAISE EXCEPTION 'new row for relation "PortalCall" violates check constraint "PortalCall_quotaBytes_check"' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION applicant_account_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."email" <> lower(NEW."email") THEN
    RAISE EXCEPTION 'new row for relation "ApplicantAccount" violates check constraint "ApplicantAccount_email_check"' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PortalCall_guard" BEFORE INSERT OR UPDATE ON "PortalCall" FOR EACH ROW EXECUTE FUNCTION portal_call_guard();
CREATE TRIGGER "ApplicantAccount_guard" BEFORE INSERT OR UPDATE ON "ApplicantAccount" FOR EACH ROW EXECUTE FUNCTION applicant_account_guard();

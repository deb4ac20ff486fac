-- CreateEnum
CREATE TYPE "ContactSource" AS ENUM ('IMPORT', 'EVENT_SIGNUP', 'FORM', 'PARTNER', 'MANUAL');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('PENDING', 'CONFIRMED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('IMPORT', 'EVENT_SIGNUP', 'FORM', 'DOUBLE_OPT_IN', 'MANUAL');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('SUBSCRIBED', 'UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'ANALYZED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DuplicatePolicy" AS ENUM ('SKIP', 'FILL', 'OVERWRITE');

-- CreateEnum
CREATE TYPE "ArcoKind" AS ENUM ('ACCESS', 'RECTIFICATION', 'CANCELLATION', 'OPPOSITION');

-- CreateEnum
CREATE TYPE "ArcoState" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Contact" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "givenName" TEXT,
    "familyName" TEXT,
    "country" TEXT,
    "state" TEXT,
    "city" TEXT,
    "language" TEXT,
    "phone" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" "ContactSource" NOT NULL,
    "sourceDetail" TEXT,
    "partnerId" TEXT,
    "notes" TEXT,
    "consentStatus" "ConsentStatus" NOT NULL DEFAULT 'PENDING',
    "subscriptionStatus" "SubscriptionStatus" NOT NULL DEFAULT 'SUBSCRIBED',
    "importBatchId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" SERIAL NOT NULL,
    "contactId" INTEGER NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "method" "ConsentMethod" NOT NULL,
    "basis" TEXT,
    "privacyNoticeVersion" INTEGER,
    "recordedById" TEXT,
    "importBatchId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "mapping" JSONB,
    "onDuplicate" "DuplicatePolicy" NOT NULL DEFAULT 'SKIP',
    "consentBasis" TEXT,
    "sourceText" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "suppressed" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "bytesProcessed" BIGINT NOT NULL DEFAULT 0,
    "lastCommittedLine" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportChunk" (
    "batchId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportChunk_pkey" PRIMARY KEY ("batchId","seq")
);

-- CreateTable
CREATE TABLE "ImportRejection" (
    "id" SERIAL NOT NULL,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "raw" TEXT,
    "emailHmac" TEXT,

    CONSTRAINT "ImportRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "filter" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuppressionEntry" (
    "emailHmac" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuppressionEntry_pkey" PRIMARY KEY ("emailHmac")
);

-- CreateTable
CREATE TABLE "ArcoRequest" (
    "id" TEXT NOT NULL,
    "kind" "ArcoKind" NOT NULL,
    "state" "ArcoState" NOT NULL DEFAULT 'RECEIVED',
    "contactId" INTEGER,
    "requesterName" TEXT NOT NULL,
    "requesterEmail" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "notes" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArcoRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contact_email_key" ON "Contact"("email");

-- CreateIndex
CREATE INDEX "Contact_createdAt_id_idx" ON "Contact"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Contact_country_state_idx" ON "Contact"("country", "state");

-- CreateIndex
CREATE INDEX "Contact_language_idx" ON "Contact"("language");

-- CreateIndex
CREATE INDEX "Contact_source_idx" ON "Contact"("source");

-- CreateIndex
CREATE INDEX "Contact_consentStatus_subscriptionStatus_idx" ON "Contact"("consentStatus", "subscriptionStatus");

-- CreateIndex
CREATE INDEX "Contact_importBatchId_idx" ON "Contact"("importBatchId");

-- CreateIndex
CREATE INDEX "ConsentRecord_contactId_at_idx" ON "ConsentRecord"("contactId", "at" DESC);

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "ImportRejection_emailHmac_idx" ON "ImportRejection"("emailHmac");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRejection_batchId_line_key" ON "ImportRejection"("batchId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_name_key" ON "Segment"("name");

-- CreateIndex
CREATE INDEX "ArcoRequest_state_dueAt_idx" ON "ArcoRequest"("state", "dueAt");

-- CreateIndex
CREATE INDEX "ArcoRequest_contactId_idx" ON "ArcoRequest"("contactId");

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChunk" ADD CONSTRAINT "ImportChunk_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRejection" ADD CONSTRAINT "ImportRejection_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tag filters: one GIN index over the array (also declared in schema.prisma).
CREATE INDEX "Contact_tags_idx" ON "Contact" USING GIN ("tags");

-- ?q= search: trigram index over the accent- and case-blind text of name and e-mail. Queries
-- must use exactly this expression (see app/modules/contacts/search). Not expressible in
-- schema.prisma: if `migrate dev` generates a DROP INDEX for it, delete that line.
CREATE INDEX "Contact_search_trgm_idx" ON "Contact"
  USING GIN (search_text(coalesce("givenName", '') || ' ' || coalesce("familyName", '') || ' ' || "email") gin_trgm_ops);

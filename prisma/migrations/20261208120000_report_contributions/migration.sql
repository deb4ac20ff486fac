-- Report contributions by INE area, citizen enquiries, communications figures as records (decision 025).

-- CreateEnum
CREATE TYPE "ContributionState" AS ENUM ('PENDING', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED');

-- CreateEnum
CREATE TYPE "ReportTableSource" AS ENUM ('PASTE', 'CSV', 'XLSX');

-- CreateEnum
CREATE TYPE "EnquiryChannel" AS ENUM ('PHONE', 'EMAIL', 'CHAT', 'SOCIAL_MEDIA', 'IN_PERSON', 'OTHER');

-- CreateEnum
CREATE TYPE "SocialNetwork" AS ENUM ('FACEBOOK', 'TWITTER', 'INSTAGRAM', 'YOUTUBE', 'TIKTOK', 'OTHER');

-- CreateEnum
CREATE TYPE "FigureSource" AS ENUM ('TYPED', 'CSV');

-- CreateEnum
CREATE TYPE "MediaMedium" AS ENUM ('INTERNET', 'PRINT', 'RADIO', 'TV');

-- CreateEnum
CREATE TYPE "MediaItemType" AS ENUM ('NOTE', 'PRESS_RELEASE', 'INTERVIEW', 'PAID_INSERTION');

-- CreateEnum
CREATE TYPE "MediaTone" AS ENUM ('POSITIVE', 'NEUTRAL', 'NEGATIVE');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CONTRIBUTOR';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "ineArea" "IneArea";

-- CreateTable
CREATE TABLE "ReportContribution" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "ownerArea" "IneArea" NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "ContributionState" NOT NULL DEFAULT 'PENDING',
    "returnNote" TEXT,
    "stateChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stateChangedById" TEXT,
    "reminded3At" TIMESTAMPTZ(3),
    "reminded1At" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportContribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportTable" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "source" "ReportTableSource" NOT NULL,
    "sourceFileName" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportAttachment" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportKeyFigure" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportKeyFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenEnquiry" (
    "id" SERIAL NOT NULL,
    "occurredOn" DATE NOT NULL,
    "channel" "EnquiryChannel" NOT NULL,
    "country" TEXT,
    "state" TEXT,
    "topic" TEXT NOT NULL,
    "importId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CitizenEnquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnquiryImport" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "rejections" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnquiryImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnquiryMonthTotal" (
    "month" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "usPercent" DOUBLE PRECISION,
    "byChannel" JSONB NOT NULL DEFAULT '{}',
    "topUsStates" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topCountries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnquiryMonthTotal_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "ContestEnquiry" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "organisation" TEXT NOT NULL,
    "partnerId" TEXT,
    "channel" "EnquiryChannel" NOT NULL,
    "topic" TEXT NOT NULL,
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestEnquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAccount" (
    "id" TEXT NOT NULL,
    "network" "SocialNetwork" NOT NULL,
    "ownerArea" "IneArea" NOT NULL,
    "handle" TEXT NOT NULL,
    "name" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SocialAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAccountMonth" (
    "accountId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "impressions" INTEGER,
    "reach" INTEGER,
    "followers" INTEGER,
    "shares" INTEGER,
    "likes" INTEGER,
    "comments" INTEGER,
    "bestPost" TEXT,
    "bestPostReach" INTEGER,
    "source" "FigureSource" NOT NULL DEFAULT 'TYPED',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SocialAccountMonth_pkey" PRIMARY KEY ("accountId","month")
);

-- CreateTable
CREATE TABLE "MicrositeMonth" (
    "month" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "countries" INTEGER NOT NULL,
    "topCountries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" "FigureSource" NOT NULL DEFAULT 'TYPED',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MicrositeMonth_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "MediaNote" (
    "id" TEXT NOT NULL,
    "publishedOn" DATE NOT NULL,
    "outlet" TEXT NOT NULL,
    "medium" "MediaMedium" NOT NULL,
    "type" "MediaItemType" NOT NULL DEFAULT 'NOTE',
    "tone" "MediaTone" NOT NULL,
    "title" TEXT,
    "link" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportContribution_ownerArea_month_idx" ON "ReportContribution"("ownerArea", "month");

-- CreateIndex
CREATE INDEX "ReportContribution_state_dueOn_idx" ON "ReportContribution"("state", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReportContribution_month_sectionKey_key" ON "ReportContribution"("month", "sectionKey");

-- CreateIndex
CREATE INDEX "ReportTable_month_sectionKey_position_idx" ON "ReportTable"("month", "sectionKey", "position");

-- CreateIndex
CREATE INDEX "ReportAttachment_month_sectionKey_idx" ON "ReportAttachment"("month", "sectionKey");

-- CreateIndex
CREATE INDEX "ReportAttachment_fileSha256_idx" ON "ReportAttachment"("fileSha256");

-- CreateIndex
CREATE UNIQUE INDEX "ReportKeyFigure_month_sectionKey_key_key" ON "ReportKeyFigure"("month", "sectionKey", "key");

-- CreateIndex
CREATE INDEX "CitizenEnquiry_occurredOn_idx" ON "CitizenEnquiry"("occurredOn");

-- CreateIndex
CREATE INDEX "CitizenEnquiry_importId_idx" ON "CitizenEnquiry"("importId");

-- CreateIndex
CREATE INDEX "EnquiryImport_month_createdAt_idx" ON "EnquiryImport"("month", "createdAt");

-- CreateIndex
CREATE INDEX "EnquiryImport_fileSha256_idx" ON "EnquiryImport"("fileSha256");

-- CreateIndex
CREATE INDEX "ContestEnquiry_contestId_receivedOn_idx" ON "ContestEnquiry"("contestId", "receivedOn");

-- CreateIndex
CREATE INDEX "ContestEnquiry_partnerId_idx" ON "ContestEnquiry"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAccount_network_handle_key" ON "SocialAccount"("network", "handle");

-- CreateIndex
CREATE INDEX "SocialAccountMonth_month_idx" ON "SocialAccountMonth"("month");

-- CreateIndex
CREATE INDEX "MediaNote_publishedOn_idx" ON "MediaNote"("publishedOn");

-- AddForeignKey
ALTER TABLE "CitizenEnquiry" ADD CONSTRAINT "CitizenEnquiry_importId_fkey" FOREIGN KEY ("importId") REFERENCES "EnquiryImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEnquiry" ADD CONSTRAINT "ContestEnquiry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEnquiry" ADD CONSTRAINT "ContestEnquiry_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialAccountMonth" ADD CONSTRAINT "SocialAccountMonth_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SocialAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Data: the figures typed on the monthly input become records (decision 025) ─────────────────
-- The programme's two accounts; their handles are ours (the source names the networks only).

INSERT INTO "SocialAccount" ("id", "network", "ownerArea", "handle", "name", "updatedAt")
  SELECT 'social_vmre_facebook', 'FACEBOOK', 'VMRE_OFFICE', 'VotoExtranjeroMX', 'Voto de los Mexicanos Residentes en el Extranjero', now()
  WHERE EXISTS (SELECT 1 FROM "MonthlyInput" WHERE "data" ? 'facebookPosts');
INSERT INTO "SocialAccount" ("id", "network", "ownerArea", "handle", "name", "updatedAt")
  SELECT 'social_vmre_twitter', 'TWITTER', 'VMRE_OFFICE', '@VotoExtranjeroMX', 'Voto de los Mexicanos Residentes en el Extranjero', now()
  WHERE EXISTS (SELECT 1 FROM "MonthlyInput" WHERE "data" ? 'twitterPosts');

INSERT INTO "SocialAccountMonth" ("accountId", "month", "posts", "impressions", "followers", "updatedById", "updatedAt")
  SELECT 'social_vmre_facebook', "month", ("data"->>'facebookPosts')::int, ("data"->>'facebookImpressions')::int, ("data"->>'facebookFollowers')::int, "updatedById", "updatedAt"
  FROM "MonthlyInput" WHERE "data" ? 'facebookPosts';
INSERT INTO "SocialAccountMonth" ("accountId", "month", "posts", "shares", "likes", "comments", "followers", "updatedById", "updatedAt")
  SELECT 'social_vmre_twitter', "month", ("data"->>'twitterPosts')::int, ("data"->>'twitterRetweets')::int, ("data"->>'twitterLikes')::int, ("data"->>'twitterComments')::int, ("data"->>'twitterFollowers')::int, "updatedById", "updatedAt"
  FROM "MonthlyInput" WHERE "data" ? 'twitterPosts';

INSERT INTO "MicrositeMonth" ("month", "visits", "countries", "updatedById", "updatedAt")
  SELECT "month", ("data"->>'micrositeVisits')::int, ("data"->>'micrositeCountries')::int, "updatedById", "updatedAt"
  FROM "MonthlyInput" WHERE "data" ? 'micrositeVisits';

INSERT INTO "EnquiryMonthTotal" ("month", "total", "usPercent", "updatedById", "updatedAt")
  SELECT "month", ("data"->>'enquiriesTotal')::int, ("data"->>'enquiriesUsPercent')::float8, "updatedById", "updatedAt"
  FROM "MonthlyInput" WHERE "data" ? 'enquiriesTotal';

-- A CONTRIBUTOR always belongs to an INE area; no other role has one.
CREATE OR REPLACE FUNCTION user_contributor_area() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."role"::text = 'CONTRIBUTOR') <> (NEW."ineArea" IS NOT NULL) THEN
    RAISE EXCEPTION 'a CONTRIBUTOR needs an INE area, and only a CONTRIBUTOR has one' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER user_contributor_area
  BEFORE INSERT OR UPDATE OF "role", "ineArea" ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_contributor_area();

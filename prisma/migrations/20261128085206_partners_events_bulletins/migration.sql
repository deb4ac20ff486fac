-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('FEDERAL_AGENCY', 'FOREIGN_SERVICE_POST', 'LOCAL_ELECTORAL_BODY', 'INE_OFFICE', 'UNIVERSITY', 'CIVIL_SOCIETY', 'INTERNATIONAL_PROGRAMME', 'MEDIA', 'PRIVATE_COMPANY');

-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('ACTIVE', 'PROSPECT', 'INACTIVE');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('NEGOTIATION', 'SIGNED', 'EXPIRED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('MEETING', 'WORKSHOP', 'MATERIALS_DELIVERED', 'JOINT_EVENT', 'PARTNER_BULLETIN', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('COMMUNITY_FESTIVAL', 'INFO_BOOTH', 'FORUM', 'WORKSHOP', 'VIRTUAL_WORKSHOP', 'CONSULAR_VISIT', 'OPERATION');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('PLANNED', 'CONFIRMED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BulletinStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "BounceKind" AS ENUM ('HARD', 'SOFT', 'COMPLAINT');

-- The e-mail sort keys on the unique e-mail alone (already a total order): one index fewer to
-- maintain on every imported row.
DROP INDEX "Contact_sort_email_idx";

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "softBounces" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" "PartnerKind" NOT NULL,
    "parentId" TEXT,
    "country" TEXT,
    "state" TEXT,
    "city" TEXT,
    "website" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "PartnerStatus" NOT NULL DEFAULT 'ACTIVE',
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerPerson" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "contactId" INTEGER,
    "name" TEXT,
    "position" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT,
    "signedOn" DATE,
    "validUntil" DATE,
    "status" "AgreementStatus" NOT NULL DEFAULT 'NEGOTIATION',
    "fileName" TEXT,
    "fileSha256" TEXT,
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerActivity" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "peopleReached" INTEGER,
    "itemsDistributed" INTEGER,
    "bulletinRecipients" INTEGER,
    "eventId" TEXT,
    "shipmentId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerActivityUser" (
    "activityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "PartnerActivityUser_pkey" PRIMARY KEY ("activityId","userId")
);

-- CreateTable
CREATE TABLE "PartnerActivityPerson" (
    "activityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "PartnerActivityPerson_pkey" PRIMARY KEY ("activityId","personId")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "activityId" TEXT,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "ownerId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "FollowUpState" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "status" "EventStatus" NOT NULL DEFAULT 'PLANNED',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "country" TEXT,
    "state" TEXT,
    "city" TEXT,
    "venue" TEXT,
    "onlineUrl" TEXT,
    "expectedAttendance" INTEGER,
    "description" TEXT,
    "estimatedAttendance" INTEGER,
    "credentialAppointments" INTEGER,
    "registrationRequests" INTEGER,
    "outcomeNotes" TEXT,
    "outcomesRecordedAt" TIMESTAMPTZ(3),
    "outcomesRecordedById" TEXT,
    "signupSlug" TEXT,
    "signupOpensAt" TIMESTAMPTZ(3),
    "signupClosesAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventStaff" (
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventStaff_pkey" PRIMARY KEY ("eventId","userId")
);

-- CreateTable
CREATE TABLE "EventPartner" (
    "eventId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,

    CONSTRAINT "EventPartner_pkey" PRIMARY KEY ("eventId","partnerId")
);

-- CreateTable
CREATE TABLE "EventHandout" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "EventHandout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPhoto" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "caption" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSignup" (
    "id" SERIAL NOT NULL,
    "eventId" TEXT NOT NULL,
    "contactId" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EventSignup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "preheader" TEXT,
    "fromName" TEXT NOT NULL,
    "fromEmail" TEXT NOT NULL,
    "replyTo" TEXT,
    "language" TEXT NOT NULL DEFAULT 'es',
    "bodyMarkdown" TEXT NOT NULL,
    "segmentId" TEXT,
    "status" "BulletinStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "scheduledAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "pausedReason" TEXT,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulletinDelivery" (
    "id" BIGSERIAL NOT NULL,
    "bulletinId" TEXT NOT NULL,
    "contactId" INTEGER,
    "email" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outcomeUnknown" BOOLEAN NOT NULL DEFAULT false,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "BulletinDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BounceReport" (
    "id" BIGSERIAL NOT NULL,
    "kind" "BounceKind" NOT NULL,
    "contactId" INTEGER,
    "deliveryId" BIGINT,
    "bulletinId" TEXT,
    "recipient" TEXT,
    "status" TEXT,
    "diagnostic" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BounceReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_name_key" ON "Partner"("name");

-- CreateIndex
CREATE INDEX "Partner_parentId_idx" ON "Partner"("parentId");

-- CreateIndex
CREATE INDEX "Partner_kind_country_state_idx" ON "Partner"("kind", "country", "state");

-- CreateIndex
CREATE INDEX "Partner_status_idx" ON "Partner"("status");

-- CreateIndex
CREATE INDEX "Partner_tags_idx" ON "Partner" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "PartnerPerson_contactId_idx" ON "PartnerPerson"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerPerson_partnerId_contactId_key" ON "PartnerPerson"("partnerId", "contactId");

-- CreateIndex
CREATE INDEX "Agreement_partnerId_idx" ON "Agreement"("partnerId");

-- CreateIndex
CREATE INDEX "Agreement_status_validUntil_idx" ON "Agreement"("status", "validUntil");

-- CreateIndex
CREATE INDEX "PartnerActivity_partnerId_occurredOn_idx" ON "PartnerActivity"("partnerId", "occurredOn" DESC);

-- CreateIndex
CREATE INDEX "PartnerActivity_occurredOn_idx" ON "PartnerActivity"("occurredOn");

-- CreateIndex
CREATE INDEX "PartnerActivity_eventId_idx" ON "PartnerActivity"("eventId");

-- CreateIndex
CREATE INDEX "PartnerActivityUser_userId_idx" ON "PartnerActivityUser"("userId");

-- CreateIndex
CREATE INDEX "PartnerActivityPerson_personId_idx" ON "PartnerActivityPerson"("personId");

-- CreateIndex
CREATE INDEX "FollowUp_ownerId_state_dueOn_idx" ON "FollowUp"("ownerId", "state", "dueOn");

-- CreateIndex
CREATE INDEX "FollowUp_partnerId_state_dueOn_idx" ON "FollowUp"("partnerId", "state", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Event_signupSlug_key" ON "Event"("signupSlug");

-- CreateIndex
CREATE INDEX "Event_startsAt_id_idx" ON "Event"("startsAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Event_country_state_startsAt_idx" ON "Event"("country", "state", "startsAt");

-- CreateIndex
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Event_kind_startsAt_idx" ON "Event"("kind", "startsAt");

-- CreateIndex
CREATE INDEX "EventStaff_userId_idx" ON "EventStaff"("userId");

-- CreateIndex
CREATE INDEX "EventPartner_partnerId_idx" ON "EventPartner"("partnerId");

-- CreateIndex
CREATE INDEX "EventHandout_eventId_idx" ON "EventHandout"("eventId");

-- CreateIndex
CREATE INDEX "EventPhoto_eventId_idx" ON "EventPhoto"("eventId");

-- CreateIndex
CREATE INDEX "EventSignup_contactId_idx" ON "EventSignup"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "EventSignup_eventId_contactId_key" ON "EventSignup"("eventId", "contactId");

-- CreateIndex
CREATE INDEX "Bulletin_createdAt_id_idx" ON "Bulletin"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Bulletin_status_scheduledAt_idx" ON "Bulletin"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "BulletinDelivery_bulletinId_status_id_idx" ON "BulletinDelivery"("bulletinId", "status", "id");

-- CreateIndex
CREATE INDEX "BulletinDelivery_contactId_idx" ON "BulletinDelivery"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "BulletinDelivery_bulletinId_contactId_key" ON "BulletinDelivery"("bulletinId", "contactId");

-- CreateIndex
CREATE INDEX "BounceReport_contactId_idx" ON "BounceReport"("contactId");

-- CreateIndex
CREATE INDEX "BounceReport_bulletinId_idx" ON "BounceReport"("bulletinId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerPerson" ADD CONSTRAINT "PartnerPerson_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerPerson" ADD CONSTRAINT "PartnerPerson_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivity" ADD CONSTRAINT "PartnerActivity_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivity" ADD CONSTRAINT "PartnerActivity_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivityUser" ADD CONSTRAINT "PartnerActivityUser_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PartnerActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivityUser" ADD CONSTRAINT "PartnerActivityUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivityPerson" ADD CONSTRAINT "PartnerActivityPerson_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PartnerActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivityPerson" ADD CONSTRAINT "PartnerActivityPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "PartnerPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PartnerActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventStaff" ADD CONSTRAINT "EventStaff_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventStaff" ADD CONSTRAINT "EventStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPartner" ADD CONSTRAINT "EventPartner_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPartner" ADD CONSTRAINT "EventPartner_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventHandout" ADD CONSTRAINT "EventHandout_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPhoto" ADD CONSTRAINT "EventPhoto_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSignup" ADD CONSTRAINT "EventSignup_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSignup" ADD CONSTRAINT "EventSignup_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinDelivery" ADD CONSTRAINT "BulletinDelivery_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinDelivery" ADD CONSTRAINT "BulletinDelivery_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Meetings, commission sessions and agreements as records; activities shared by several
-- institutions as one; each record's report part; the report's outline as data (decision 024).

-- CreateEnum
CREATE TYPE "IneArea" AS ENUM ('DERFE', 'DEOE', 'DECEYEC', 'UNICOM', 'CNCS', 'DAC', 'UTVOPL', 'VMRE_OFFICE');

-- CreateEnum
CREATE TYPE "ReportPart" AS ENUM ('SECRETARIAT', 'INSTITUTIONAL', 'COMMUNITY_ABROAD', 'CONTEST', 'EDUCATIONAL', 'DECENTRALIZED', 'DIGITAL', 'NOT_REPORTED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('WORKING_MEETING', 'WORKSHOP', 'COMMISSION_SESSION', 'COUNCIL_SESSION', 'OTHER');

-- CreateEnum
CREATE TYPE "MeetingFormat" AS ENUM ('IN_PERSON', 'ONLINE');

-- CreateEnum
CREATE TYPE "CommissionAgreementStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReportSectionKind" AS ENUM ('COMPUTED', 'NARRATIVE', 'CONTRIBUTED');



-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "reportPart" "ReportPart" NOT NULL DEFAULT 'INSTITUTIONAL';

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "meetingId" TEXT;

-- AlterTable
ALTER TABLE "JuryMember" ADD COLUMN     "agreementId" TEXT;

-- AlterTable
ALTER TABLE "MonthlyReport" ADD COLUMN     "approvalAgreementId" TEXT,
ADD COLUMN     "contestCutoffOn" DATE,
ADD COLUMN     "frozenOutline" JSONB;

-- AlterTable
ALTER TABLE "PartnerActivity" ADD COLUMN     "reportPart" "ReportPart" NOT NULL DEFAULT 'INSTITUTIONAL';

-- CreateTable
CREATE TABLE "PartnerActivityPartner" (
    "activityId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,

    CONSTRAINT "PartnerActivityPartner_pkey" PRIMARY KEY ("activityId","partnerId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "summary" TEXT,
    "format" "MeetingFormat" NOT NULL DEFAULT 'IN_PERSON',
    "reportPart" "ReportPart" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" SERIAL NOT NULL,
    "meetingId" TEXT NOT NULL,
    "partnerId" TEXT,
    "ineArea" "IneArea",
    "politicalParty" TEXT,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionAgreement" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "adoptedOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CommissionAgreementStatus" NOT NULL DEFAULT 'APPROVED',
    "ownerArea" "IneArea",
    "vote" TEXT,
    "meetingId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportOutlineSection" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "numbered" BOOLEAN NOT NULL DEFAULT true,
    "kind" "ReportSectionKind" NOT NULL,
    "computed" TEXT,
    "ownerArea" "IneArea",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportOutlineSection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerActivityPartner_partnerId_idx" ON "PartnerActivityPartner"("partnerId");

-- CreateIndex
CREATE INDEX "Meeting_heldOn_id_idx" ON "Meeting"("heldOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Meeting_reportPart_heldOn_idx" ON "Meeting"("reportPart", "heldOn");

-- CreateIndex
CREATE INDEX "MeetingParticipant_partnerId_idx" ON "MeetingParticipant"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_meetingId_partnerId_key" ON "MeetingParticipant"("meetingId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_meetingId_ineArea_key" ON "MeetingParticipant"("meetingId", "ineArea");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_meetingId_politicalParty_key" ON "MeetingParticipant"("meetingId", "politicalParty");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionAgreement_number_key" ON "CommissionAgreement"("number");

-- CreateIndex
CREATE INDEX "CommissionAgreement_meetingId_idx" ON "CommissionAgreement"("meetingId");

-- CreateIndex
CREATE INDEX "CommissionAgreement_adoptedOn_idx" ON "CommissionAgreement"("adoptedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReportOutlineSection_key_key" ON "ReportOutlineSection"("key");

-- CreateIndex
CREATE INDEX "ReportOutlineSection_parentId_position_idx" ON "ReportOutlineSection"("parentId", "position");

-- CreateIndex
CREATE INDEX "Event_reportPart_startsAt_idx" ON "Event"("reportPart", "startsAt");

-- CreateIndex
CREATE INDEX "FollowUp_meetingId_idx" ON "FollowUp"("meetingId");

-- CreateIndex
CREATE INDEX "JuryMember_agreementId_idx" ON "JuryMember"("agreementId");

-- CreateIndex
CREATE INDEX "MonthlyReport_approvalAgreementId_idx" ON "MonthlyReport"("approvalAgreementId");

-- AddForeignKey
ALTER TABLE "PartnerActivityPartner" ADD CONSTRAINT "PartnerActivityPartner_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PartnerActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerActivityPartner" ADD CONSTRAINT "PartnerActivityPartner_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "CommissionAgreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_approvalAgreementId_fkey" FOREIGN KEY ("approvalAgreementId") REFERENCES "CommissionAgreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionAgreement" ADD CONSTRAINT "CommissionAgreement_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOutlineSection" ADD CONSTRAINT "ReportOutlineSection_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ReportOutlineSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Data: an activity shared by several institutions becomes one (decision 024) ────────────────

INSERT INTO "PartnerActivityPartner" ("activityId", "partnerId") SELECT "id", "partnerId" FROM "PartnerActivity";

CREATE TEMP TABLE activity_merge ON COMMIT DROP AS
SELECT a."id", first_value(a."id") OVER (
    PARTITION BY a."occurredOn", a."kind", a."summary", a."peopleReached", a."itemsDistributed", a."bulletinRecipients", a."eventId"
    ORDER BY a."createdAt", a."id") AS keep
FROM "PartnerActivity" a;
DELETE FROM activity_merge WHERE "id" = keep;

INSERT INTO "PartnerActivityPartner" ("activityId", "partnerId")
  SELECT m.keep, a."partnerId" FROM activity_merge m JOIN "PartnerActivity" a ON a."id" = m."id" ON CONFLICT DO NOTHING;
INSERT INTO "PartnerActivityUser" ("activityId", "userId")
  SELECT m.keep, u."userId" FROM activity_merge m JOIN "PartnerActivityUser" u ON u."activityId" = m."id" ON CONFLICT DO NOTHING;
INSERT INTO "PartnerActivityPerson" ("activityId", "personId")
  SELECT m.keep, p."personId" FROM activity_merge m JOIN "PartnerActivityPerson" p ON p."activityId" = m."id" ON CONFLICT DO NOTHING;
UPDATE "FollowUp" f SET "activityId" = m.keep FROM activity_merge m WHERE f."activityId" = m."id";
DELETE FROM "PartnerActivity" WHERE "id" IN (SELECT "id" FROM activity_merge);

-- Where the report counts an activity: from its lead institution's kind (partners module's rule).
UPDATE "PartnerActivity" a SET "reportPart" = (CASE p."kind"::text
    WHEN 'UNIVERSITY' THEN 'EDUCATIONAL'
    WHEN 'INE_OFFICE' THEN 'DECENTRALIZED'
    WHEN 'LOCAL_ELECTORAL_BODY' THEN 'SECRETARIAT'
    ELSE 'INSTITUTIONAL' END)::"ReportPart"
  FROM "Partner" p WHERE p."id" = a."partnerId";

-- ── Data: meetings and workshops become Meeting records with their institutions ────────────────

INSERT INTO "Meeting" ("id", "kind", "heldOn", "subject", "summary", "format", "reportPart", "createdById", "createdAt", "updatedAt")
SELECT a."id",
  (CASE a."kind"::text WHEN 'WORKSHOP' THEN 'WORKSHOP' ELSE 'WORKING_MEETING' END)::"MeetingKind",
  a."occurredOn", left(a."summary", 200), a."summary",
  (CASE WHEN a."summary" ILIKE '%virtual%' OR a."summary" ILIKE '%en línea%' OR a."summary" ILIKE '%videoconferencia%' THEN 'ONLINE' ELSE 'IN_PERSON' END)::"MeetingFormat",
  (CASE
    WHEN EXISTS (SELECT 1 FROM "PartnerActivityPartner" x JOIN "Partner" p ON p."id" = x."partnerId" WHERE x."activityId" = a."id" AND p."kind"::text = 'LOCAL_ELECTORAL_BODY') THEN 'SECRETARIAT'
    WHEN EXISTS (SELECT 1 FROM "PartnerActivityPartner" x JOIN "Partner" p ON p."id" = x."partnerId" WHERE x."activityId" = a."id" AND p."kind"::text = 'UNIVERSITY') THEN 'EDUCATIONAL'
    WHEN NOT EXISTS (SELECT 1 FROM "PartnerActivityPartner" x JOIN "Partner" p ON p."id" = x."partnerId" WHERE x."activityId" = a."id" AND p."kind"::text <> 'INE_OFFICE') THEN 'DECENTRALIZED'
    ELSE 'INSTITUTIONAL' END)::"ReportPart",
  a."createdById", a."createdAt", a."updatedAt"
FROM "PartnerActivity" a WHERE a."kind"::text IN ('MEETING', 'WORKSHOP');

INSERT INTO "MeetingParticipant" ("meetingId", "partnerId")
  SELECT x."activityId", x."partnerId" FROM "PartnerActivityPartner" x JOIN "Meeting" m ON m."id" = x."activityId";
UPDATE "FollowUp" SET "meetingId" = "activityId", "activityId" = NULL WHERE "activityId" IN (SELECT "id" FROM "Meeting");
DELETE FROM "PartnerActivity" WHERE "kind"::text IN ('MEETING', 'WORKSHOP');

-- ── Data: each event's report part, from kind, country and institutions (events module's rule) ──

UPDATE "Event" e SET "reportPart" = (CASE
    WHEN e."kind"::text = 'VIRTUAL_WORKSHOP' OR e."country" IS NULL OR (e."onlineUrl" IS NOT NULL AND e."venue" IS NULL) THEN 'INSTITUTIONAL'
    WHEN e."country" <> 'MX' THEN 'COMMUNITY_ABROAD'
    WHEN e."kind"::text = 'OPERATION' THEN 'DECENTRALIZED'
    WHEN EXISTS (SELECT 1 FROM "EventPartner" ep JOIN "Partner" p ON p."id" = ep."partnerId" WHERE ep."eventId" = e."id" AND p."kind"::text = 'UNIVERSITY') THEN 'EDUCATIONAL'
    ELSE 'INSTITUTIONAL' END)::"ReportPart";

-- ── Narratives keep their text under the outline's keys ────────────────────────────────────────

UPDATE "MonthlyReport" SET "narratives" = (
  SELECT coalesce(jsonb_object_agg(CASE k
      WHEN 'promotion' THEN 'materials'
      WHEN 'partners' THEN 'institutional'
      WHEN 'community' THEN 'community_abroad'
      WHEN 'education' THEN 'educational'
      ELSE k END, v), '{}'::jsonb)
  FROM jsonb_each("narratives") AS t(k, v))
WHERE "state" = 'DRAFT';

-- ── A meeting participant is exactly one of an institution, an INE area or a political party ──

CREATE OR REPLACE FUNCTION meeting_participant_one_kind() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."partnerId" IS NOT NULL)::int + (NEW."ineArea" IS NOT NULL)::int + (NEW."politicalParty" IS NOT NULL)::int <> 1 THEN
    RAISE EXCEPTION 'MeetingParticipant must name exactly one institution, INE area or political party' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER meeting_participant_one_kind
  BEFORE INSERT OR UPDATE ON "MeetingParticipant"
  FOR EACH ROW EXECUTE FUNCTION meeting_participant_one_kind();

-- ── The source document's outline (Informe de avances, noviembre de 2017) ─────────────────────

INSERT INTO "ReportOutlineSection" ("id", "key", "parentId", "position", "title", "numbered", "kind", "computed", "ownerArea") VALUES
  ('outline_presentation', 'presentation', NULL, 1, 'Presentación', true, 'COMPUTED', 'presentation', 'DERFE'),
  ('outline_advances', 'advances', NULL, 2, 'Avances generados', true, 'NARRATIVE', NULL, 'DERFE'),
  ('outline_derfe', 'derfe', 'outline_advances', 1, 'Dirección Ejecutiva del Registro Federal de Electores (DERFE)', true, 'NARRATIVE', NULL, 'DERFE'),
  ('outline_secretariat', 'secretariat', 'outline_derfe', 1, 'Secretaría Técnica de la CVMRE', true, 'COMPUTED', 'secretariat', 'DERFE'),
  ('outline_registration', 'registration', 'outline_derfe', 2, 'Actividades registrales', true, 'CONTRIBUTED', NULL, 'DERFE'),
  ('outline_enquiries', 'enquiries', 'outline_derfe', 3, 'Dirección de Atención Ciudadana', true, 'COMPUTED', 'enquiries', 'DAC'),
  ('outline_liaison', 'liaison', 'outline_derfe', 4, 'Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero', true, 'NARRATIVE', NULL, 'VMRE_OFFICE'),
  ('outline_institutional', 'institutional', 'outline_liaison', 1, 'Vinculación institucional', false, 'COMPUTED', 'institutional', 'VMRE_OFFICE'),
  ('outline_community_abroad', 'community_abroad', 'outline_liaison', 2, 'Vinculación con la comunidad en el extranjero', false, 'COMPUTED', 'community_abroad', 'VMRE_OFFICE'),
  ('outline_contest', 'contest', 'outline_liaison', 3, 'Concurso para la Promoción del Voto de las y los Mexicanos Residentes en el Extranjero', false, 'COMPUTED', 'contest', 'VMRE_OFFICE'),
  ('outline_educational', 'educational', 'outline_liaison', 4, 'Vinculación con instancias educativas', false, 'COMPUTED', 'educational', 'VMRE_OFFICE'),
  ('outline_decentralized', 'decentralized', 'outline_liaison', 5, 'Vinculación con Órganos Desconcentrados', false, 'COMPUTED', 'decentralized', 'VMRE_OFFICE'),
  ('outline_digital', 'digital', 'outline_liaison', 6, 'En el marco de la Estrategia Digital', false, 'COMPUTED', 'digital', 'VMRE_OFFICE'),
  ('outline_deoe', 'deoe', 'outline_advances', 2, 'Dirección Ejecutiva de Organización Electoral (DEOE)', true, 'CONTRIBUTED', NULL, 'DEOE'),
  ('outline_deceyec', 'deceyec', 'outline_advances', 3, 'Dirección Ejecutiva de Capacitación Electoral y Educación Cívica (DECEYEC)', true, 'NARRATIVE', NULL, 'DECEYEC'),
  ('outline_deceyec_training', 'deceyec_training', 'outline_deceyec', 1, 'Actividades en materia de Capacitación Electoral e Integración de Mesas de Escrutinio y Cómputo para los Procesos Electorales Federal y Locales 2017-2018', true, 'CONTRIBUTED', NULL, 'DECEYEC'),
  ('outline_deceyec_outreach', 'deceyec_outreach', 'outline_deceyec', 2, 'Actividades en materia de Difusión y Campañas Institucionales para los Procesos Electorales Locales 2017-2018', true, 'CONTRIBUTED', NULL, 'DECEYEC'),
  ('outline_materials', 'materials', 'outline_deceyec_outreach', 1, 'Distribución de materiales impresos', false, 'COMPUTED', 'materials', 'VMRE_OFFICE'),
  ('outline_unicom', 'unicom', 'outline_advances', 4, 'Unidad Técnica de Servicios de Informática (UNICOM)', true, 'CONTRIBUTED', NULL, 'UNICOM'),
  ('outline_cncs', 'cncs', 'outline_advances', 5, 'Coordinación Nacional de Comunicación Social (CNCS)', true, 'CONTRIBUTED', NULL, 'CNCS'),
  ('outline_media', 'media', 'outline_cncs', 1, 'Monitoreo de medios', false, 'COMPUTED', 'media', 'CNCS'),
  ('outline_annexes', 'annexes', NULL, 3, 'Anexos', false, 'NARRATIVE', NULL, NULL),
  ('outline_annex_1', 'annex_registration', 'outline_annexes', 1, 'Solicitudes de inscripción a la Lista Nominal de Electores Residentes en el Extranjero', true, 'CONTRIBUTED', NULL, 'DERFE'),
  ('outline_annex_2', 'annex_enquiries', 'outline_annexes', 2, 'Atención ciudadana: consultas sobre el VMRE', true, 'COMPUTED', 'annex_enquiries', 'DAC'),
  ('outline_annex_3', 'annex_deoe', 'outline_annexes', 3, 'Organización electoral', true, 'CONTRIBUTED', NULL, 'DEOE'),
  ('outline_annex_4', 'annex_deceyec_training', 'outline_annexes', 4, 'Capacitación electoral e integración de mesas', true, 'CONTRIBUTED', NULL, 'DECEYEC'),
  ('outline_annex_5', 'annex_deceyec_outreach', 'outline_annexes', 5, 'Difusión y campañas institucionales', true, 'CONTRIBUTED', NULL, 'DECEYEC'),
  ('outline_annex_6', 'annex_unicom', 'outline_annexes', 6, 'Servicios de informática', true, 'CONTRIBUTED', NULL, 'UNICOM'),
  ('outline_annex_7', 'annex_cncs', 'outline_annexes', 7, 'Comunicación social', true, 'CONTRIBUTED', NULL, 'CNCS');

-- ── Meetings and workshops are no longer partner-activity kinds (moved above) ──────────────────
CREATE TYPE "ActivityKind_new" AS ENUM ('MATERIALS_DELIVERED', 'JOINT_EVENT', 'PARTNER_BULLETIN', 'MEDIA', 'OTHER');
ALTER TABLE "PartnerActivity" ALTER COLUMN "kind" TYPE "ActivityKind_new" USING ("kind"::text::"ActivityKind_new");
ALTER TYPE "ActivityKind" RENAME TO "ActivityKind_old";
ALTER TYPE "ActivityKind_new" RENAME TO "ActivityKind";
DROP TYPE "public"."ActivityKind_old";

-- Interactions per account and month; 2.5 CNCS gets its social-media part before media monitoring (decision 025).

-- AlterTable
ALTER TABLE "SocialAccountMonth" ADD COLUMN     "engagements" INTEGER;


INSERT INTO "ReportOutlineSection" ("id", "key", "parentId", "position", "title", "numbered", "kind", "computed", "ownerArea", "updatedAt")
VALUES ('outline_cncs_social', 'cncs_social', 'outline_cncs', 1, 'Redes sociales', false, 'COMPUTED', 'cncs_social', 'CNCS', now())
ON CONFLICT ("key") DO NOTHING;
UPDATE "ReportOutlineSection" SET "position" = 2 WHERE "key" = 'media' AND "parentId" = 'outline_cncs';

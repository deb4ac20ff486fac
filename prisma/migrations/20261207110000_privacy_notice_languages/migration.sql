-- Privacy notices per language (decision 020). Versions keep one numbering across languages, so
-- every existing reference to a version still names exactly one text; existing notices are Spanish.

-- AlterTable
ALTER TABLE "ConsentRecord" ADD COLUMN     "privacyNoticeLanguage" TEXT;

-- AlterTable
ALTER TABLE "PrivacyNotice" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'es';

-- CreateIndex
CREATE INDEX "PrivacyNotice_language_version_idx" ON "PrivacyNotice"("language", "version" DESC);

-- Consents given so far were given under a Spanish notice.
UPDATE "ConsentRecord" c SET "privacyNoticeLanguage" = n.language
  FROM "PrivacyNotice" n WHERE n.version = c."privacyNoticeVersion" AND c."privacyNoticeLanguage" IS NULL;

-- A consent that names a version also names its language, whichever path wrote it (manual entry,
-- import's COPY, kiosk): the version determines the language.
CREATE OR REPLACE FUNCTION consent_notice_language() RETURNS trigger AS $$
BEGIN
  IF NEW."privacyNoticeVersion" IS NOT NULL AND NEW."privacyNoticeLanguage" IS NULL THEN
    SELECT language INTO NEW."privacyNoticeLanguage" FROM "PrivacyNotice" WHERE version = NEW."privacyNoticeVersion";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_notice_language BEFORE INSERT ON "ConsentRecord"
  FOR EACH ROW EXECUTE FUNCTION consent_notice_language();

-- DropIndex
DROP INDEX "Contact_consentStatus_subscriptionStatus_idx";

-- CreateIndex
CREATE INDEX "Contact_consentStatus_subscriptionStatus_createdAt_idx" ON "Contact"("consentStatus", "subscriptionStatus", "createdAt");


-- CreateIndex
CREATE INDEX "Contact_subscriptionStatus_createdAt_idx" ON "Contact"("subscriptionStatus", "createdAt");


-- AlterTable
ALTER TABLE "BounceReport" ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "previousStatus" "SubscriptionStatus",
ADD COLUMN     "raw" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'file',
ADD COLUMN     "undoneAt" TIMESTAMPTZ(3),
ADD COLUMN     "undoneById" TEXT;

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "complaintPauseRate" DOUBLE PRECISION NOT NULL DEFAULT 0.003;

-- CreateIndex
CREATE INDEX "BounceReport_receivedAt_id_idx" ON "BounceReport"("receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "BounceReport_source_eventId_key" ON "BounceReport"("source", "eventId");


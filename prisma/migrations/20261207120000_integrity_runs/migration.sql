-- CreateTable
CREATE TABLE "IntegrityRun" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "stockMismatches" INTEGER NOT NULL DEFAULT 0,
    "consentMismatches" INTEGER NOT NULL DEFAULT 0,
    "mismatches" JSONB NOT NULL DEFAULT '[]',
    "notified" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IntegrityRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrityRun_startedAt_idx" ON "IntegrityRun"("startedAt" DESC);


-- CreateEnum
CREATE TYPE "ReportState" AS ENUM ('DRAFT', 'APPROVED');

-- CreateTable
CREATE TABLE "MonthlyReport" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "state" "ReportState" NOT NULL DEFAULT 'DRAFT',
    "narratives" JSONB NOT NULL DEFAULT '{}',
    "frozenFigures" JSONB,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyInput" (
    "month" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonthlyInput_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_month_version_key" ON "MonthlyReport"("month", "version");

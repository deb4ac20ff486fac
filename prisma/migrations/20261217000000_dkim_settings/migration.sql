-- CreateTable
CREATE TABLE "DkimKey" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "domain" TEXT NOT NULL,
    "selector" TEXT NOT NULL,
    "privateKeyEncrypted" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DkimKey_pkey" PRIMARY KEY ("id")
);


-- CreateTable
CREATE TABLE "ImportWarning" (
    "id" SERIAL NOT NULL,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "ImportWarning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportWarning_batchId_line_field_key" ON "ImportWarning"("batchId", "line", "field");

-- AddForeignKey
ALTER TABLE "ImportWarning" ADD CONSTRAINT "ImportWarning_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;


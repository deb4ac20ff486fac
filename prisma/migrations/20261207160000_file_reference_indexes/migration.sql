-- CreateIndex
CREATE INDEX "Agreement_fileSha256_idx" ON "Agreement"("fileSha256");

-- CreateIndex
CREATE INDEX "EventPhoto_fileSha256_idx" ON "EventPhoto"("fileSha256");

-- CreateIndex
CREATE INDEX "SubmissionDocument_fileSha256_idx" ON "SubmissionDocument"("fileSha256");


-- Page budget (issue 20, decision 030): indexes for the contest, materials, bulletins, contacts and
-- admin pages. Partial indexes are not expressible in schema.prisma: if `migrate dev` generates
-- DROP INDEX for them, delete those lines.

-- A bulletin's report counts its recipients that are no longer subscribed (bulletinReport). Merged
-- with the bulletin's ("bulletinId", "contactId") index it reads only these few contacts, never the
-- Contact table; it holds only non-subscribed rows, so imports of subscribed contacts never touch it.
CREATE INDEX "Contact_not_subscribed_id_idx" ON "Contact" ("id", "subscriptionStatus") WHERE "subscriptionStatus" <> 'SUBSCRIBED';

-- A bulletin's outcome-unknown count (bulletinProgress): such rows are rare, and the progress count
-- otherwise reads only the ("bulletinId", "status", "id") index.
CREATE INDEX "BulletinDelivery_outcomeUnknown_idx" ON "BulletinDelivery" ("bulletinId") WHERE "outcomeUnknown";

-- The jury's results and the contest header read a contest's evaluations and conflicts by contest.
-- CreateIndex
CREATE INDEX "Conflict_contestId_idx" ON "Conflict"("contestId");

-- CreateIndex
CREATE INDEX "Evaluation_contestId_state_idx" ON "Evaluation"("contestId", "state");

-- The shipments list without a filter pages newest first by (requestedAt, id); the locations list
-- sums each location's stock from the index alone (the (locationId) index is its prefix).
-- DropIndex
DROP INDEX "StockLevel_locationId_idx";

-- CreateIndex
CREATE INDEX "Shipment_requestedAt_id_idx" ON "Shipment"("requestedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StockLevel_locationId_quantity_idx" ON "StockLevel"("locationId", "quantity");

-- Which worker process claimed a SENDING delivery: the key of the session advisory lock that
-- process holds while it lives (see docs/decisions/009-bulletins.md). A claim whose lock is gone
-- belongs to a dead worker: reconciliation marks it "outcome unknown" and sends it again.
ALTER TABLE "BulletinDelivery" ADD COLUMN "claimedBy" INTEGER;

-- The event checklist's "materials requested": what was asked for and when (typed by hand until
-- the materials area links events to its shipments).
ALTER TABLE "Event" ADD COLUMN "materialsRequest" TEXT,
  ADD COLUMN "materialsRequestedAt" TIMESTAMPTZ(3);

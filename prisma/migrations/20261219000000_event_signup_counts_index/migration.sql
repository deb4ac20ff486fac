-- CreateIndex
CREATE INDEX "EventSignup_eventId_confirmedAt_idx" ON "EventSignup"("eventId", "confirmedAt");


-- The year each event starts in, in its own zone: «events by country» lists the years that have
-- events by a loose index scan (one index probe per year) instead of reading every event (issue 20).
-- An expression index, written by hand (decision 002): the schema cannot declare it.
CREATE INDEX "Event_localYear_idx" ON "Event" ((extract(year FROM "startsAt" AT TIME ZONE "timeZone")::int));

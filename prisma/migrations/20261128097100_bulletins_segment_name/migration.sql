-- The name of the segment a bulletin was written for. "segmentId" is set to NULL when the segment
-- is deleted, which would otherwise read as "the whole audience": a bulletin whose segmentName
-- is set but whose segment is gone refuses to send.
ALTER TABLE "Bulletin" ADD COLUMN "segmentName" TEXT;

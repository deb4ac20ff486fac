/**
 * An event's photos are served to whoever may read the event (read:event: COORDINATOR,
 * COMMUNICATIONS, ADMIN) and to nobody else: a JUROR gets the same 404 as for a file that does not
 * exist, and the refusal is audited.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { addPhoto, createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

// A PNG of this test's own (a unique trailing chunk), so its hash names only this photo.
const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new TextEncoder().encode(randomUUID())]);

describe("event photos", () => {
  it("serves a photo to COORDINATOR and COMMUNICATIONS, and answers 404 to a JUROR", async () => {
    const coordinator = await createUser({ role: "COORDINATOR" });
    const event = await createEvent(
      { userId: coordinator.id, ip: "127.0.0.1" },
      eventFormSchema.parse({
        name: `Feria ${randomUUID().slice(0, 8)}`,
        kind: "COMMUNITY_FESTIVAL",
        status: "PLANNED",
        timeZone: "America/Chicago",
        startsLocal: "2017-11-19T10:00",
        endsLocal: "2017-11-19T20:00",
        country: "US",
        city: "Fort Worth",
      }),
    );
    const photo = await addPhoto({ userId: coordinator.id, ip: "127.0.0.1" }, event.id, { name: "stand.png", bytes: png() }, "El stand");
    const path = `/files/${photo.fileSha256}?inline=1&name=stand.png`;

    for (const role of ["COORDINATOR", "COMMUNICATIONS"] as const) {
      const user = await createUser({ role });
      const client = new TestClient();
      expect((await client.login(user.email)).status).toBe(302);
      const res = await client.get(path);
      expect(res.status, role).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      // The event page links the photo for them.
      expect(await (await client.get(`/events/${event.id}`)).text()).toContain(`/files/${photo.fileSha256}`);
    }

    const juror = await createUser({ role: "JUROR" });
    const client = new TestClient();
    expect((await client.login(juror.email)).status).toBe(302);
    expect((await client.get(path)).status).toBe(404);
    expect((await client.get(`/events/${event.id}`)).status).toBe(403);
    expect(await db.auditLog.count({ where: { actorId: juror.id, action: "permission.denied", entityId: photo.fileSha256 } })).toBe(1);
  });
});

/**
 * The reference form of decision 027 (a new location on /materials/locations) posted as a browser
 * without JavaScript posts it: a bad form comes back 400 with the Spanish message and what was
 * typed; a good one creates the location and redirects.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

async function coordinator() {
  const user = await createUser({ role: "COORDINATOR" });
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  const base = new TestClient().baseUrl;
  const headers = { cookie, "x-forwarded-for": uniqueIp(), origin: new URL(base).origin, "content-type": "application/x-www-form-urlencoded" };
  return (form: Record<string, string>) => fetch(new URL("/materials/locations", base), { method: "POST", headers, body: new URLSearchParams(form), redirect: "manual" });
}

describe("the reference form (parseForm + useAppForm)", () => {
  it("answers a bad form with 400, the message in Spanish and the typed values kept", async () => {
    const post = await coordinator();
    const tag = randomUUID().slice(0, 8);
    const res = await post({ name: " ", kind: "WAREHOUSE", country: "Mexico", city: `Tijuana ${tag}` });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Escribe el país con su clave de dos letras");
    expect(html).toContain(`Tijuana ${tag}`);
    expect(await db.location.count({ where: { city: `Tijuana ${tag}` } })).toBe(0);
  });

  it("creates the location (active) from a good form and redirects to it", async () => {
    const post = await coordinator();
    const tag = randomUUID().slice(0, 8);
    const res = await post({ name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: "", country: "mx", state: "", city: "" });
    expect(res.status).toBe(302);
    const location = await db.location.findFirstOrThrow({ where: { name: `Bodega ${tag}` } });
    expect(location).toMatchObject({ country: "MX", active: true, city: null });
    expect(res.headers.get("location")).toBe(`/materials/locations/${location.id}`);
  });
});

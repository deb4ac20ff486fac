import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { beginSetup, confirmSetup } from "~/modules/auth/two-factor.server";
import { totpAt } from "~/modules/auth/totp";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

describe("two-factor over HTTP", () => {
  it("sends an ADMIN without two-factor to set it up before anything else", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const client = new TestClient();
    expect((await client.login(admin.email)).status).toBe(302);
    for (const path of ["/", "/admin", "/contacts"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toBe("/account/two-factor");
    }
    const setup = await client.get("/account/two-factor");
    expect(setup.status).toBe(200);
    expect(await setup.text()).toContain("data:image/svg+xml");
  });

  it("asks for the code after the password, keeps the page asked for, and lets in with a valid code", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const { secret } = await beginSetup(user.id);
    const confirmed = await confirmSetup(user.id, totpAt(secret, Date.now() - 30_000));
    expect(confirmed.ok).toBe(true);

    const client = new TestClient();
    const login = await client.post("/login", { email: user.email, password: "correct-horse-battery-staple", redirectTo: "/events" });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/login/two-factor?redirectTo=%2Fevents");

    // The half-logged-in session opens nothing else, and deep links keep their target.
    const blocked = await client.get("/partners");
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toBe("/login/two-factor?redirectTo=%2Fpartners");

    const wrong = await client.post("/login/two-factor", { code: "000000", mode: "totp", redirectTo: "/events" });
    expect(wrong.status).toBe(401);

    const ok = await client.post("/login/two-factor", { code: totpAt(secret, Date.now()), mode: "totp", redirectTo: "/events" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/events");
    expect((await client.get("/events")).status).toBe(200);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "login.ok" } })).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { TestClient } from "../support/http";

// Values a browser reads as another site once it drops tab/CR/LF and turns "\" into "/", and
// values that cannot go into a Location header at all (those used to answer 500).
const HOSTILE = ["/\t/evil.example", "/\t\\evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example", "//evil.example"];

describe("redirect targets taken from the request", () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("POST /login with redirectTo %s lands on /", async (_label, redirectTo) => {
    const user = await createUser();
    const client = new TestClient();
    const res = await client.post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo }, { headers: { origin: new URL(client.baseUrl).origin } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("POST /locale with redirectTo %s lands on /", async (_label, redirectTo) => {
    const res = await new TestClient().post("/locale", { locale: "en", redirectTo });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("GET /login/two-factor?redirectTo=%s lands on /", async (_label, redirectTo) => {
    const user = await createUser();
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const res = await client.get(`/login/two-factor?${new URLSearchParams({ redirectTo })}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });

  it("still follows a path on this app", async () => {
    const res = await new TestClient().post("/locale", { locale: "en", redirectTo: "/events?month=2025-03" });
    expect(res.headers.get("location")).toBe("/events?month=2025-03");
  });
});

import { describe, expect, it } from "vitest";
import { current } from "~/lib/rate-limit.server";
import { loginBuckets } from "~/modules/auth/login.server";
import { createUser, uniqueEmail, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

// tests/support/test-env.ts: 5 failures per account and address, 20 attempts per address; the
// account-wide backoff starts after the default 20 failures.
const PER_CLIENT = 5;
const BACKOFF_AFTER = 20;

async function fail(client: TestClient, email: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await client.login(email, `wrong-${i}`)).status);
  return statuses;
}

function formError(html: string): string | undefined {
  return /<p class="form-error" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
}

/** Distinct addresses, so the test never trips over another test's (random) one. */
function addresses(count: number): string[] {
  const set = new Set<string>();
  while (set.size < count) set.add(uniqueIp());
  return [...set];
}

describe("login lockout", () => {
  it("lets the owner log in from another address while an attacker keeps failing", async () => {
    const user = await createUser();
    const [attackerIp, ownerIp] = addresses(2);
    const attacker = new TestClient(attackerIp);
    expect(await fail(attacker, user.email, PER_CLIENT + 3)).toEqual([...Array(PER_CLIENT).fill(401), 429, 429, 429]);
    const owner = new TestClient(ownerIp);
    const res = await owner.login(user.email);
    expect(res.status).toBe(302);
    expect(owner.hasSession()).toBe(true);
  });

  it("refuses the failing address for that account, even with the right password, and tells it when to retry", async () => {
    const user = await createUser();
    const client = new TestClient();
    expect(await fail(client, user.email, PER_CLIENT)).toEqual(Array(PER_CLIENT).fill(401));
    const refused = await client.login(user.email);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.text()).toContain("Demasiados intentos");
    expect(client.hasSession()).toBe(false);
    // Only that account: the same address may still log in to another one.
    const other = await createUser();
    expect((await client.login(other.email)).status).toBe(302);
  });

  it("counts nothing while an address is refused", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    const client = new TestClient(ip);
    const buckets = loginBuckets(user.email, ip);
    await fail(client, user.email, PER_CLIENT);
    const before = await Promise.all([current(buckets.ip), current(buckets.client), current(buckets.account)]);
    expect(before).toEqual([PER_CLIENT, PER_CLIENT, PER_CLIENT]);
    for (let i = 0; i < 4; i++) expect((await client.login(user.email, i % 2 ? undefined : "wrong")).status).toBe(429);
    expect(await Promise.all([current(buckets.ip), current(buckets.client), current(buckets.account)])).toEqual(before);
  });

  it("does not count a success as a failure, and forgives the address's earlier failures", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    const client = new TestClient(ip);
    await fail(client, user.email, PER_CLIENT - 1);
    expect((await client.login(user.email)).status).toBe(302);
    expect(await current(loginBuckets(user.email, ip).client)).toBe(0);
    expect(await fail(new TestClient(ip), user.email, PER_CLIENT)).toEqual(Array(PER_CLIENT).fill(401));
  });

  it("answers an unknown account exactly as a known one, refusals included", async () => {
    const user = await createUser();
    const answers = async (email: string) => {
      const client = new TestClient();
      const out: Array<[number, string | undefined]> = [];
      for (let i = 0; i <= PER_CLIENT + 1; i++) {
        // The last one with the known account's right password.
        const res = await client.login(email, i === PER_CLIENT + 1 ? undefined : `wrong-${i}`);
        out.push([res.status, formError(await res.text())]);
      }
      return out;
    };
    const known = await answers(user.email);
    const unknown = await answers(uniqueEmail("nobody"));
    expect(unknown).toEqual(known);
    expect(known.at(-1)?.[0]).toBe(429);
  });

  it("past the account-wide backoff gives each address one failure, yet lets an address that has not failed in", async () => {
    const user = await createUser();
    const ips = addresses(BACKOFF_AFTER / PER_CLIENT + 3);
    const spread = ips.slice(0, BACKOFF_AFTER / PER_CLIENT);
    for (const ip of spread) await fail(new TestClient(ip), user.email, PER_CLIENT);
    expect(await current(loginBuckets(user.email, ips[0]!).account)).toBe(BACKOFF_AFTER);

    // A new address now gets one failure for this account, then is refused, right password or not.
    const latecomer = new TestClient(ips.at(-3));
    expect(await fail(latecomer, user.email, 2)).toEqual([401, 429]);
    expect((await latecomer.login(user.email)).status).toBe(429);

    // The owner, from an address that has not failed, still gets in.
    const owner = new TestClient(ips.at(-2));
    expect((await owner.login(user.email)).status).toBe(302);
    // Their success does not hand the guessers a fresh allowance.
    expect(await fail(new TestClient(ips.at(-1)), user.email, 2)).toEqual([401, 429]);
  });
});

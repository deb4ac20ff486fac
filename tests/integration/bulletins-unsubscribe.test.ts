/** GET /u/:token shows a page and changes nothing; POST (one-click, any origin, no cookies) unsubscribes. */
import { describe, expect, inject, it } from "vitest";
import { signToken } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { unsubscribeToken, UNSUBSCRIBE_PURPOSE } from "~/modules/bulletins/pipeline/index.server";
import { audience } from "../support/bulletins";

const base = () => inject("baseUrl");

function oneClick(path: string, headers: Record<string, string> = {}) {
  return fetch(new URL(path, base()), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.provider.example", "sec-fetch-site": "cross-site", ...headers },
    body: "List-Unsubscribe=One-Click",
  });
}

async function status(contactId: number) {
  return (await db.contact.findUniqueOrThrow({ where: { id: contactId } })).subscriptionStatus;
}

describe("unsubscribe links", () => {
  it("GET shows a page in the contact's language and never unsubscribes", async () => {
    const a = await audience([{ language: "en" }, { language: "es" }]);
    const [en, es] = a.contacts;
    const tokenEn = unsubscribeToken(en!.id, "cbulletin1");
    const res = await fetch(new URL(`/u/${tokenEn}`, base()));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Unsubscribe me");
    expect(await status(en!.id)).toBe("SUBSCRIBED");
    const resEs = await fetch(new URL(`/u/${unsubscribeToken(es!.id, "cbulletin1")}`, base()), { headers: { "accept-language": "en" } });
    expect(await resEs.text()).toContain("Cancelar mi suscripción");
    // HEAD and repeated GETs (link scanners) change nothing either.
    await fetch(new URL(`/u/${tokenEn}`, base()), { method: "HEAD" });
    expect(await status(en!.id)).toBe("SUBSCRIBED");
  });

  it("a one-click POST from another origin, without cookies, unsubscribes at once and is idempotent", async () => {
    const a = await audience(1);
    const contact = a.contacts[0]!;
    const token = unsubscribeToken(contact.id, "cbulletin2");
    // The token carries no readable personal data.
    expect(Buffer.from(token.split(".")[0]!, "base64url").toString()).toBe(`${contact.id}.cbulletin2`);
    expect(token).not.toContain(contact.email.split("@")[0]!);
    const first = await oneClick(`/u/${token}`);
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie()).toEqual([]);
    expect(await status(contact.id)).toBe("UNSUBSCRIBED");
    const second = await oneClick(`/u/${token}`);
    expect(second.status).toBe(200);
    expect(await status(contact.id)).toBe("UNSUBSCRIBED");
    const entries = await db.auditLog.findMany({ where: { entity: "contact", entityId: String(contact.id), action: "contact.subscription" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ subscriptionStatus: "UNSUBSCRIBED" });
    // The page's own button (a same-origin form post) says so too.
    const page = await oneClick(`/u/${token}`, { origin: base(), "sec-fetch-site": "same-origin" });
    expect(await page.text()).toMatch(/ya estaba cancelada|already unsubscribed/);
  });

  it("a tampered, foreign or expired token gets 400 and changes nothing", async () => {
    const a = await audience(2);
    const [victim, other] = a.contacts;
    const good = unsubscribeToken(victim!.id, "cbulletin3");
    const [, expiry, mac] = good.split(".");
    // Another contact's id with the victim's signature.
    const swapped = `${Buffer.from(`${other!.id}.cbulletin3`).toString("base64url")}.${expiry}.${mac}`;
    const flipped = `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`;
    const expired = signToken(UNSUBSCRIBE_PURPOSE, `${victim!.id}.cbulletin3`, new Date(Date.now() - 1000));
    const otherPurpose = signToken("invite", `${victim!.id}.cbulletin3`, new Date(Date.now() + 86_400_000));
    for (const bad of [swapped, flipped, expired, otherPurpose, "nonsense"]) {
      expect((await oneClick(`/u/${bad}`)).status).toBe(400);
      expect((await fetch(new URL(`/u/${bad}`, base()))).status).toBe(400);
    }
    expect(await status(victim!.id)).toBe("SUBSCRIBED");
    expect(await status(other!.id)).toBe("SUBSCRIBED");
  });

  it("links are valid for at least a year", async () => {
    const a = await audience(1);
    const token = unsubscribeToken(a.contacts[0]!.id, "cbulletin4");
    const expiresAt = parseInt(token.split(".")[1]!, 36) * 1000;
    expect(expiresAt - Date.now()).toBeGreaterThan(365 * 86_400_000);
  });
});

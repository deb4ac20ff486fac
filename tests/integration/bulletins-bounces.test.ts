/** Bounce and complaint reports (RFC 3464 DSN, ARF), through the module and the CLI. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { ingestBounce, parseBounceMessage } from "~/modules/bulletins/bounces.server";
import { audience } from "../support/bulletins";

const run = promisify(execFile);
const actor = { userId: null, ip: "test" };

async function fixture(name: string, values: { recipient: string; bulletin?: string; delivery?: string }) {
  const raw = await readFile(path.join("tests/fixtures/bounces", name), "utf8");
  return raw
    .replaceAll("{{RECIPIENT}}", values.recipient)
    .replaceAll("{{BULLETIN}}", values.bulletin ?? "cnone")
    .replaceAll("{{DELIVERY}}", values.delivery ?? "0");
}

async function contact(id: number) {
  return db.contact.findUniqueOrThrow({ where: { id } });
}

describe("bounces and complaints", () => {
  it("parses a hard DSN with its delivery reference, a soft one, a complaint, and ignores a success", async () => {
    const hard = parseBounceMessage(await fixture("dsn-hard.eml", { recipient: "ana@example.org", bulletin: "cabc123", delivery: "42" }));
    expect(hard).toEqual([{ kind: "HARD", recipient: "ana@example.org", status: "5.1.1", diagnostic: expect.stringContaining("User unknown"), deliveryId: 42n, bulletinId: "cabc123" }]);
    const soft = parseBounceMessage(await fixture("dsn-soft.eml", { recipient: "Luis@Example.org" }));
    expect(soft).toMatchObject([{ kind: "SOFT", recipient: "luis@example.org", status: "4.2.2" }]);
    const arf = parseBounceMessage(await fixture("arf-complaint.eml", { recipient: "eva@example.org" }));
    expect(arf).toMatchObject([{ kind: "COMPLAINT", recipient: "eva@example.org", status: "abuse" }]);
    expect(parseBounceMessage(await fixture("dsn-delivered.eml", { recipient: "ok@example.org" }))).toEqual([]);
    expect(parseBounceMessage("From: a@b\r\nSubject: hola\r\n\r\nnothing")).toEqual([]);
  });

  it("a hard bounce or a complaint suppresses at once; soft bounces only on the third in a row", async () => {
    const a = await audience(3);
    const [hard, complaint, soft] = a.contacts;
    const bulletin = await db.bulletin.create({ data: { name: "b", subject: "s", bodyMarkdown: "x", fromName: "n", fromEmail: "boletin@alcance.test", status: "SENT" } });
    const delivery = await db.bulletinDelivery.create({ data: { bulletinId: bulletin.id, contactId: hard!.id, email: hard!.email, status: "SENT" } });

    expect(await ingestBounce(actor, await fixture("dsn-hard.eml", { recipient: hard!.email, bulletin: bulletin.id, delivery: String(delivery.id) }))).toMatchObject([{ kind: "HARD", action: "suppressed", contactId: hard!.id }]);
    expect((await contact(hard!.id)).subscriptionStatus).toBe("BOUNCED");
    const report = await db.bounceReport.findFirstOrThrow({ where: { contactId: hard!.id } });
    expect(report).toMatchObject({ kind: "HARD", deliveryId: delivery.id, bulletinId: bulletin.id, status: "5.1.1" });

    expect(await ingestBounce(actor, await fixture("arf-complaint.eml", { recipient: complaint!.email }))).toMatchObject([{ kind: "COMPLAINT", action: "suppressed" }]);
    expect((await contact(complaint!.id)).subscriptionStatus).toBe("COMPLAINED");

    const softRaw = await fixture("dsn-soft.eml", { recipient: soft!.email });
    expect(await ingestBounce(actor, softRaw)).toMatchObject([{ action: "counted" }]);
    expect(await ingestBounce(actor, softRaw)).toMatchObject([{ action: "counted" }]);
    expect(await contact(soft!.id)).toMatchObject({ subscriptionStatus: "SUBSCRIBED", softBounces: 2 });
    expect(await ingestBounce(actor, softRaw)).toMatchObject([{ action: "suppressed" }]);
    expect(await contact(soft!.id)).toMatchObject({ subscriptionStatus: "BOUNCED", softBounces: 3 });
    // A complaint outranks a later bounce; an unknown address is recorded and changes nothing.
    expect(await ingestBounce(actor, await fixture("dsn-hard.eml", { recipient: complaint!.email }))).toMatchObject([{ action: "alreadySuppressed" }]);
    expect((await contact(complaint!.id)).subscriptionStatus).toBe("COMPLAINED");
    expect(await ingestBounce(actor, await fixture("dsn-hard.eml", { recipient: `nobody-${a.tag}@example.org` }))).toMatchObject([{ action: "unknownContact", contactId: null }]);
  });

  it("`npx alcance bounces ingest FILE.eml …` applies every file and prints a JSON summary", async () => {
    const a = await audience(2);
    const dir = await mkdtemp(path.join(tmpdir(), "alcance-bounces-"));
    const files = [path.join(dir, "hard.eml"), path.join(dir, "arf.eml"), path.join(dir, "ok.eml")];
    await writeFile(files[0]!, await fixture("dsn-hard.eml", { recipient: a.emails[0]! }));
    await writeFile(files[1]!, await fixture("arf-complaint.eml", { recipient: a.emails[1]! }));
    await writeFile(files[2]!, await fixture("dsn-delivered.eml", { recipient: a.emails[1]! }));
    const { stdout } = await run(process.execPath, ["bin/alcance.js", "bounces", "ingest", ...files, "--json"], { env: process.env });
    expect(JSON.parse(stdout.trim())).toMatchObject({ files: 3, reports: 2, suppressed: 2, counted: 0 });
    expect((await contact(a.contacts[0]!.id)).subscriptionStatus).toBe("BOUNCED");
    expect((await contact(a.contacts[1]!.id)).subscriptionStatus).toBe("COMPLAINED");
  });
});

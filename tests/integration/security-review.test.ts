/**
 * Security review: the public and user-separating paths. Each test here failed before its fix.
 * Every test uses data of its own (unique contests, partners, users, bytes).
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { storePartnerImport } from "~/modules/partners/import.server";
import { fileResponseHeaders, storeUpload } from "~/modules/files/storage.server";
import { createSession } from "~/modules/auth/session.server";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";
import { createJuryContest } from "./jury-fixtures";

const pdf = (label: string) => new TextEncoder().encode(`%PDF-1.4\n% ${label} ${randomUUID()}\n%%EOF\n`);

async function loggedIn(email: string) {
  const client = new TestClient();
  const res = await client.login(email);
  expect(res.status).toBe(302);
  return client;
}

describe("/files/:sha256 serves a file only to someone who may read a record that names it", () => {
  it("a juror gets their assigned, confirmed, non-conflicted project's documents — and nothing else", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 2 });
    const other = await createJuryContest({ projects: 1, jurors: 1 });
    const [juror, colleague] = fx.jurors as [(typeof fx.jurors)[0], (typeof fx.jurors)[0]];
    const [mine, conflicted] = fx.submissions as [(typeof fx.submissions)[0], (typeof fx.submissions)[0]];

    const docMine = await storeUpload(pdf("propuesta"));
    const docConflicted = await storeUpload(pdf("conflicto"));
    const docOther = await storeUpload(pdf("otro concurso"));
    for (const [submissionId, ref] of [
      [mine.id, docMine],
      [conflicted.id, docConflicted],
      [other.submissions[0]!.id, docOther],
    ] as const) {
      await db.submissionDocument.create({ data: { submissionId, fileName: "propuesta.pdf", fileSha256: ref.sha256, mimeType: ref.mimeType, size: ref.size } });
    }
    // The juror confirmed "no conflict" on one project and declared a conflict on the other
    // (after having seen its page once, so its hash may be known).
    await db.assignment.update({ where: { submissionId_userId: { submissionId: mine.id, userId: juror.id } }, data: { noConflictAt: new Date() } });
    await db.assignment.delete({ where: { submissionId_userId: { submissionId: conflicted.id, userId: juror.id } } });
    await db.conflict.create({ data: { contestId: fx.contest.id, submissionId: conflicted.id, userId: juror.id, reason: "Trabajé con la organización" } });

    // The signed minutes of the jury's installation: for those who manage the jury, not for jurors.
    const minutes = await storeUpload(pdf("acta de instalación"));
    await db.jurySession.create({ data: { contestId: fx.contest.id, kind: "INSTALLATION", heldAt: new Date(), fileName: "acta.pdf", fileSha256: minutes.sha256 } });

    const client = await loggedIn(juror.email);
    expect((await client.get(`/files/${minutes.sha256}`)).status).toBe(404);
    const ok = await client.get(`/files/${docMine.sha256}?inline=1&name=documento-1.pdf`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect((await client.get(`/files/${docConflicted.sha256}`)).status).toBe(404);
    expect((await client.get(`/files/${docOther.sha256}`)).status).toBe(404);

    // A colleague who has not yet confirmed "no conflict" does not get the documents either.
    const colleagueClient = await loggedIn(colleague.email);
    expect((await colleagueClient.get(`/files/${docMine.sha256}`)).status).toBe(404);

    // The refusal is audited.
    const denied = await db.auditLog.count({ where: { actorId: juror.id, action: "permission.denied", entity: "file", entityId: docConflicted.sha256 } });
    expect(denied).toBe(1);
  });

  it("a juror cannot fetch an agreement or a partner import's CSV by hash", async () => {
    const tag = randomUUID().slice(0, 8);
    const juror = await createUser({ role: "JUROR" });
    const partner = await db.partner.create({ data: { name: `Socio revisión ${tag}`, kind: "CIVIL_SOCIETY", country: "US" } });
    const agreement = await storeUpload(pdf("convenio"));
    await db.agreement.create({ data: { partnerId: partner.id, title: "Convenio", fileName: "convenio.pdf", fileSha256: agreement.sha256 } });
    const csv = await storePartnerImport(new TextEncoder().encode(`nombre,correo\nPersona ${tag},persona-${tag}@example.org\n`));

    const client = await loggedIn(juror.email);
    expect((await client.get(`/files/${agreement.sha256}?name=convenio.pdf`)).status).toBe(404);
    expect((await client.get(`/files/${csv}`)).status).toBe(404);

    // Staff who may read partners still get the agreement; nobody gets the import's CSV this way.
    const coordinator = await loggedIn((await createUser({ role: "COORDINATOR" })).email);
    expect((await coordinator.get(`/files/${agreement.sha256}?name=convenio.pdf`)).status).toBe(200);
    expect((await coordinator.get(`/files/${csv}`)).status).toBe(404);
  });

  it("staff without contest permissions cannot read submission documents; contest staff can", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const doc = await storeUpload(pdf("documento de proyecto"));
    await db.submissionDocument.create({ data: { submissionId: fx.submissions[0]!.id, fileName: "acta.pdf", fileSha256: doc.sha256, mimeType: doc.mimeType, size: doc.size } });

    const communications = await loggedIn((await createUser({ role: "COMMUNICATIONS" })).email);
    expect((await communications.get(`/files/${doc.sha256}`)).status).toBe(404);
    const coordinator = await loggedIn((await createUser({ role: "COORDINATOR" })).email);
    expect((await coordinator.get(`/files/${doc.sha256}`)).status).toBe(200);
  });

  it("a file no record names is not served to a juror", async () => {
    const orphan = await storeUpload(pdf("huérfano"));
    const juror = await loggedIn((await createUser({ role: "JUROR" })).email);
    expect((await juror.get(`/files/${orphan.sha256}`)).status).toBe(404);
  });

  it("a file no record names (an abandoned upload) is served to the ADMIN only; other staff are refused and audited", async () => {
    const orphan = await storeUpload(pdf("formulario abandonado"));
    for (const role of ["COORDINATOR", "COMMUNICATIONS"] as const) {
      const user = await createUser({ role });
      const client = await loggedIn(user.email);
      expect((await client.get(`/files/${orphan.sha256}`)).status).toBe(404);
      expect(await db.auditLog.count({ where: { actorId: user.id, action: "permission.denied", entity: "file", entityId: orphan.sha256 } })).toBe(1);
    }
    const admin = await createUser({ role: "ADMIN" });
    await db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
    const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const served = await new TestClient().get(`/files/${orphan.sha256}`, { headers: { cookie } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
  });
});

describe("file download names", () => {
  it("a name with letters outside Latin-1 is served (ASCII fallback + UTF-8 filename*), not a 500", async () => {
    const headers = fileResponseHeaders({ mimeType: "application/pdf", size: 10 }, "Propuesta č 文书 instalación.pdf");
    const disposition = headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="Propuesta c __ instalacion\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe("Propuesta č 文书 instalación.pdf");

    const user = await createUser({ role: "COORDINATOR" });
    const doc = await storeUpload(pdf("nombre"));
    const partner = await db.partner.create({ data: { name: `Socio nombres ${randomUUID().slice(0, 8)}`, kind: "CIVIL_SOCIETY", country: "US" } });
    await db.agreement.create({ data: { partnerId: partner.id, title: "Convenio", fileName: "Umowa č.pdf", fileSha256: doc.sha256 } });
    const client = await loggedIn(user.email);
    const res = await client.get(`/files/${doc.sha256}?name=${encodeURIComponent("Umowa č 合同.pdf")}`);
    expect(res.status).toBe(200);
  });
});

describe("the public kiosk reads small forms only", () => {
  it("refuses a declared form body over 1 MiB on any page, before Remix reads it", async () => {
    const client = new TestClient();
    const origin = new URL(client.baseUrl).origin;
    const res = await client.request("/login", {
      method: "POST",
      body: `email=x%40y.z&password=${"a".repeat(1024 * 1024)}`,
      headers: { origin, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": uniqueIp() },
    });
    expect(res.status).toBe(413);
  });

  it("refuses an oversized or non-form body before reading it (no anonymous memory exhaustion)", async () => {
    const client = new TestClient();
    const origin = new URL(client.baseUrl).origin;
    const big = await client.request("/k/no-such-kiosk", {
      method: "POST",
      // Just over the limit (small enough to be fully sent before the server answers).
      body: `givenName=${"a".repeat(20_000)}`,
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(big.status).toBe(413);
    // The same without a declared length (chunked): the read stops at the limit.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        new URL("/k/no-such-kiosk", client.baseUrl),
        { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": uniqueIp() } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write(`givenName=${"a".repeat(10_000)}`);
      req.end("a".repeat(10_000));
    });
    expect(chunked).toBe(413);
    const multipart = new FormData();
    multipart.set("file", new Blob([new Uint8Array(1000)]), "x.bin");
    const upload = await client.request("/k/no-such-kiosk", { method: "POST", body: multipart, headers: { origin } });
    expect(upload.status).toBe(415);
    // A normal-sized form still reaches the kiosk (closed: no event has this slug).
    const small = await client.post("/k/no-such-kiosk", { givenName: "Ana", email: "ana@example.org" }, { headers: { origin } });
    expect(small.status).toBe(403);
  });
});

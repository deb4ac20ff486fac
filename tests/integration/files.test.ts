import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { fileResponseHeaders, readFile, storeUpload, UploadRejected } from "~/modules/files/storage.server";
import { KIND_GROUPS } from "~/modules/files/sniff";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe("file storage", () => {
  it("stores by SHA-256 once, however often the same bytes arrive", async () => {
    const bytes = pdf(`acta ${Math.random()}`);
    const a = await storeUpload(bytes);
    const b = await storeUpload(bytes);
    expect(a.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(a.mimeType).toBe("application/pdf");
    expect(await db.storedFile.count({ where: { sha256: a.sha256 } })).toBe(1);
    const read = await readFile(a.sha256);
    expect(Buffer.from(read!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("decides the type by content, not by name: HTML named .pdf is refused", async () => {
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    await expect(storeUpload(html)).rejects.toMatchObject({ reason: "typeNotAllowed" });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(storeUpload(svg, KIND_GROUPS.any)).rejects.toBeInstanceOf(UploadRejected);
  });

  it("refuses empty and oversized files", async () => {
    await expect(storeUpload(new Uint8Array())).rejects.toMatchObject({ reason: "empty" });
    await expect(storeUpload(pdf("x".repeat(2000)), KIND_GROUPS.document, 1000)).rejects.toMatchObject({ reason: "tooLarge" });
  });

  it("accepts an image only where images are allowed", async () => {
    await expect(storeUpload(PNG, ["pdf"])).rejects.toMatchObject({ reason: "typeNotAllowed" });
    expect((await storeUpload(PNG, KIND_GROUPS.image)).mimeType).toBe("image/png");
  });

  it("never serves a type that runs in the browser", () => {
    const headers = fileResponseHeaders({ mimeType: "text/html", size: 10 }, "x.html");
    expect(headers.get("content-type")).toBe("application/octet-stream");
    expect(headers.get("content-disposition")).toMatch(/^attachment/);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("content-security-policy")).toContain("sandbox");
  });

  it("serves a stored file to a logged-in user only", async () => {
    const stored = await storeUpload(pdf(`served ${Math.random()}`));
    const anonymous = await new TestClient().get(`/files/${stored.sha256}`);
    expect(anonymous.status).toBe(302);
    // Named by a record the coordinator may read (a file no record names is the ADMIN's only).
    const partner = await db.partner.create({ data: { name: `Socio archivos ${Math.random()}`, kind: "CIVIL_SOCIETY", country: "US" } });
    await db.agreement.create({ data: { partnerId: partner.id, title: "Acta", fileName: "acta.pdf", fileSha256: stored.sha256 } });
    const user = await createUser();
    const client = new TestClient();
    await client.login(user.email);
    const res = await client.get(`/files/${stored.sha256}?name=Acta%20de%20instalación.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    expect((await res.arrayBuffer()).byteLength).toBe(stored.size);
    expect((await client.get(`/files/${"0".repeat(64)}`)).status).toBe(404);
  });
});

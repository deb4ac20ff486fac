/** `npx alcance bulletins …`: the same code paths as the pages; the worker does the sending. */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { audience, outboxCounts, waitFor } from "../support/bulletins";

const run = promisify(execFile);
const cli = async (...args: string[]) => (await run(process.execPath, ["bin/alcance.js", ...args], { env: process.env })).stdout.trim();

describe("bulletins CLI", () => {
  it("creates a bulletin for a segment, sends it, reports its status, and refuses to pause a finished one", async () => {
    const a = await audience(4, "cli");
    const segment = await db.segment.findUniqueOrThrow({ where: { id: a.segmentId } });
    const dir = await mkdtemp(path.join(tmpdir(), "alcance-bulletin-"));
    const bodyFile = path.join(dir, "boletin.md");
    await writeFile(bodyFile, "# Desde la terminal\n\nHola {{nombre}}.");
    const created = JSON.parse(await cli("bulletins", "create", "--name", "Boletín CLI", "--subject", "Hola {{nombre}}", "--body-file", bodyFile, "--segment", segment.name, "--json"));
    expect(created.id).toMatch(/^[a-z0-9]{20,}$/);
    const bulletin = await db.bulletin.findUniqueOrThrow({ where: { id: created.id } });
    expect(bulletin).toMatchObject({ name: "Boletín CLI", segmentId: a.segmentId, status: "DRAFT" });

    expect(JSON.parse(await cli("bulletins", "send", created.id, "--json"))).toEqual({ id: created.id, recipients: 4, already_started: false });
    await waitFor(async () => (await db.bulletin.findUniqueOrThrow({ where: { id: created.id } })).status === "SENT", { what: "the bulletin to be sent" });
    expect(JSON.parse(await cli("bulletins", "status", created.id, "--json"))).toEqual({ id: created.id, status: "SENT", recipients: 4, sent: 4, failed: 0, pending: 0, outcome_unknown: 0 });
    expect([...(await outboxCounts(a.emails)).values()]).toEqual([1, 1, 1, 1]);
    await expect(cli("bulletins", "pause", created.id)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("Only a running send can be paused") });
    await expect(cli("bulletins", "create", "--name", "x", "--subject", "y", "--body-file", bodyFile, "--segment", "no existe este segmento")).rejects.toMatchObject({ code: 1 });
  }, 120_000); // five CLI processes (each loads tsx) and a real send through the worker
});

/**
 * The form layer of decision 027: parseForm (zod messages as translation keys, raw strings as
 * before), handleIntents (one handler per intent; bad input 400, unknown intent 400, DomainError
 * its status on its field, access refusals thrown) and requireParam (404, never 500).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "~/lib/errors";
import { parseForm } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { requireParam } from "~/lib/params";
import { MaterialError } from "~/modules/materials/errors";
import { JuryError } from "~/modules/jury/errors";

const post = (fields: Record<string, string>) =>
  new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });

const nameSchema = z.object({ name: z.string().trim().min(1, "materials.errors.name"), note: z.string().optional() });

/** What data() carries: the payload and the status. */
function answer(value: unknown): { body: { intent: string | null; result: { status?: string; error?: Record<string, string[] | null> } }; status: number } {
  const wrapped = value as { data: never; init: { status: number } | null };
  return { body: wrapped.data, status: wrapped.init?.status ?? 200 };
}

describe("parseForm", () => {
  it("returns the parsed value of a valid form", async () => {
    const parsed = await parseForm(post({ name: "  Bodega  ", note: "" }), nameSchema);
    expect(parsed).toMatchObject({ ok: true, value: { name: "Bodega", note: "" } });
  });

  it("answers a bad form with translation keys per field, zod's own text becoming common.errors.invalid", async () => {
    const schema = z.object({ name: z.string().trim().min(1, "materials.errors.name"), count: z.string().regex(/^\d+$/) });
    const parsed = await parseForm(post({ name: " ", count: "x" }), schema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reply.status).toBe("error");
    expect(parsed.reply.error).toMatchObject({ name: ["materials.errors.name"], count: ["common.errors.invalid"] });
    // What was typed comes back for the form to show.
    expect(parsed.reply.initialValue).toMatchObject({ name: " ", count: "x" });
  });
});

describe("handleIntents", () => {
  const handlers = (seen: string[]) => ({
    rename: { schema: nameSchema, run: (value: z.output<typeof nameSchema>) => (seen.push(value.name), { ok: true as const }) },
    retire: {
      schema: z.object({}),
      run: () => {
        throw new MaterialError("linesLocked");
      },
    },
    peek: {
      schema: z.object({}),
      run: () => {
        throw new JuryError("conflicted");
      },
    },
  });

  it("runs the handler named by the intent with its parsed value", async () => {
    const seen: string[] = [];
    expect(await handleIntents(post({ intent: "rename", name: " Norte " }), handlers(seen))).toEqual({ ok: true });
    expect(seen).toEqual(["Norte"]);
  });

  it("answers invalid input with 400 and the field's key, without running the handler", async () => {
    const seen: string[] = [];
    const { body, status } = answer(await handleIntents(post({ intent: "rename", name: "" }), handlers(seen)));
    expect(status).toBe(400);
    expect(body.intent).toBe("rename");
    expect(body.result.error).toMatchObject({ name: ["materials.errors.name"] });
    expect(seen).toEqual([]);
  });

  it("answers an unknown or missing intent with a translated 400, never a 500", async () => {
    for (const fields of [{ intent: "drop" }, { intent: "__proto__" }, {}] as Record<string, string>[]) {
      const { body, status } = answer(await handleIntents(post(fields), handlers([])));
      expect(status).toBe(400);
      expect(body.result.error).toEqual({ "": ["common.errors.unknownAction"] });
    }
  });

  it("answers a domain refusal with its status and key; access refusals are thrown as 403/404", async () => {
    const { body, status } = answer(await handleIntents(post({ intent: "retire" }), handlers([])));
    expect(status).toBe(409);
    expect(body.result.error).toMatchObject({ "": ["materials.errors.linesLocked"] });
    const thrown = await handleIntents(post({ intent: "peek" }), handlers([])).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
  });
});

describe("DomainError", () => {
  it("carries code, key, field, params and a status (404 for notFound, 409 otherwise)", () => {
    const refused = new MaterialError("insufficientStock", { available: 3 });
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "insufficientStock", messageKey: "materials.errors.insufficientStock", field: "_form", params: { available: 3 }, status: 409, name: "MaterialError" });
    expect(refused.detail).toEqual({ available: 3 });
    expect(new MaterialError("notFound").status).toBe(404);
  });
});

describe("requireParam", () => {
  const status = (fn: () => unknown) => {
    try {
      fn();
      return 200;
    } catch (error) {
      if (error instanceof Response) return error.status;
      throw error;
    }
  };

  it("returns the segment as its column type, or throws a 404", () => {
    expect(requireParam({ id: "42" }, "id", "int")).toBe(42);
    expect(requireParam({ key: "ck1abc" }, "key")).toBe("ck1abc");
    expect(requireParam({ tab: "b" }, "tab", z.enum(["a", "b"]))).toBe("b");
    for (const bad of [{ id: "0" }, { id: "1e3" }, { id: "99999999999" }, {}]) expect(status(() => requireParam(bad, "id", "int"))).toBe(404);
    expect(status(() => requireParam({ tab: "c" }, "tab", z.enum(["a", "b"])))).toBe(404);
  });
});

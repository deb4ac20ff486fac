import { describe, expect, it } from "vitest";
import { dateParam, formBody, idParam, idQuery, monthParam, readBody, requireMultipart, routeParams, searchParam, yearParam } from "~/lib/params";

const request = (headers: Record<string, string> = {}, init: RequestInit = {}) => new Request("http://localhost/x", { headers, ...init });

/** The Response a helper throws (a failed check), or null when it returned. */
async function thrown(fn: () => unknown): Promise<Response | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

describe("path segments", () => {
  it("takes an int4 id only within the column's range", async () => {
    expect(idParam(request(), "2147483647", "int")).toBe(2147483647);
    for (const bad of ["2147483648", "99999999999999999999", "0", "-1", "1.5", "1e3", " 1", "\u0000", undefined]) {
      expect((await thrown(() => idParam(request(), bad, "int")))?.status, String(bad)).toBe(404);
    }
  });

  it("takes a bigint id as a string up to int8's maximum", async () => {
    expect(idParam(request(), "9223372036854775807", "bigint")).toBe("9223372036854775807");
    expect((await thrown(() => idParam(request(), "9223372036854775808", "bigint")))?.status).toBe(404);
  });

  it("takes cuid and seeded keys, sha256 and months, and nothing else", async () => {
    expect(routeParams(request(), { a: "cmxcfvuyk0000ka7d4gdj7td2", b: "seed-event-univa-2017" }, { a: "key", b: "key" })).toEqual({ a: "cmxcfvuyk0000ka7d4gdj7td2", b: "seed-event-univa-2017" });
    for (const bad of ["../", "a\u0000", "ÿ名前", "x".repeat(65), "-lead"]) expect((await thrown(() => idParam(request(), bad, "key")))?.status, bad).toBe(404);
    expect((await thrown(() => idParam(request(), "A".repeat(64), "sha256")))?.status).toBe(404);
    expect(idParam(request(), "2017-11", "month")).toBe("2017-11");
    expect((await thrown(() => idParam(request(), "2093-13", "month")))?.status).toBe(404);
  });

  it("answers in the reader's language", async () => {
    const es = await thrown(() => idParam(request(), "x/y", "key"));
    expect(await es?.text()).toContain("No encontramos esta página");
    const en = await thrown(() => idParam(request({ "accept-language": "en-US,en;q=0.9" }), "x/y", "key"));
    expect(await en?.text()).toContain("We could not find this page");
  });
});

describe("query values", () => {
  it("accepts real calendar days only, leap years included", async () => {
    expect(dateParam(request(), "2016-02-29")).toBe("2016-02-29");
    expect(dateParam(request(), "")).toBeUndefined();
    expect(dateParam(request(), null)).toBeUndefined();
    for (const bad of ["2017-02-29", "2017-02-30", "2017-13-01", "2017-04-31", "99999-01-01", "2017-1-1", "\u0000"]) {
      expect((await thrown(() => dateParam(request(), bad)))?.status, bad).toBe(400);
    }
  });

  it("checks months and years the same way", async () => {
    expect(monthParam(request(), "2017-11")).toBe("2017-11");
    expect((await thrown(() => monthParam(request(), "2017-13")))?.status).toBe(400);
    expect(yearParam(request(), "2017")).toBe(2017);
    expect((await thrown(() => yearParam(request(), "20170")))?.status).toBe(400);
  });

  it("refuses a query id out of its column's range, and takes none as none", async () => {
    expect(idQuery(request(), "12", "int")).toBe(12);
    expect(idQuery(request(), null, "int")).toBeUndefined();
    expect((await thrown(() => idQuery(request(), "2147483648", "int")))?.status).toBe(400);
  });

  it("trims search text, drops NUL bytes and caps its length", () => {
    expect(searchParam("  Ana\u0000 María ")).toBe("Ana María");
    expect(searchParam("\u0000 ")).toBeUndefined();
    expect(searchParam("x".repeat(10_000))).toHaveLength(200);
  });
});

describe("bodies", () => {
  const post = (contentType: string | null, body: BodyInit) => request(contentType ? { "content-type": contentType } : {}, { method: "POST", body });

  it("reads a urlencoded or multipart form", async () => {
    expect((await formBody(post("application/x-www-form-urlencoded", "a=1"))).get("a")).toBe("1");
    const multipart = new FormData();
    multipart.set("a", "2");
    const req = new Request("http://localhost/x", { method: "POST", body: multipart });
    expect((await formBody(req)).get("a")).toBe("2");
  });

  it("answers 415 to a body that is no form, and 400 to a form that cannot be read", async () => {
    expect((await thrown(() => formBody(post("application/json", "{}"))))?.status).toBe(415);
    expect((await thrown(() => formBody(post(null, "a=1"))))?.status).toBe(415);
    expect((await thrown(() => formBody(post("multipart/form-data; boundary=x", "not multipart"))))?.status).toBe(400);
    expect((await thrown(() => requireMultipart(post("application/x-www-form-urlencoded", "a=1"))))?.status).toBe(415);
  });

  it("lets an error of the reader's own pass", async () => {
    const failure = new Error("disk full");
    await expect(readBody(post("multipart/form-data; boundary=x", "x"), () => Promise.reject(failure))).rejects.toBe(failure);
  });
});

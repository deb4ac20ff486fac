import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import {
  appOrigins,
  bodyPolicy,
  BOUNCE_HOOK_MAX_BYTES,
  COMMUNICATIONS_IMPORT_MAX_BYTES,
  CONTACTS_IMPORT_MAX_BYTES,
  ENQUIRY_IMPORT_MAX_BYTES,
  isCrossOriginExempt,
  isCrossOriginWrite,
  MAX_FORM_BODY_BYTES,
  PUBLIC_FORM_MAX_BYTES,
  routePath,
  securityHeaders,
} from "~/lib/http-security";

const APP = "https://alcance.example.org";

describe("isCrossOriginWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite("GET", "/", { origin: "https://evil.example" }, APP)).toBe(false);
  });
  it("refuses a write from another origin", () => {
    expect(isCrossOriginWrite("POST", "/login", { origin: "https://evil.example" }, APP)).toBe(true);
    expect(isCrossOriginWrite("DELETE", "/x", { origin: "http://alcance.example.org" }, APP)).toBe(true);
  });
  it("refuses a write marked cross-site even without Origin", () => {
    expect(isCrossOriginWrite("POST", "/login", { secFetchSite: "cross-site" }, APP)).toBe(true);
  });
  it("refuses an opaque (null) origin", () => {
    expect(isCrossOriginWrite("POST", "/login", { origin: "null" }, APP)).toBe(true);
  });
  it("accepts a same-origin write and a non-browser write", () => {
    expect(isCrossOriginWrite("POST", "/login", { origin: APP, secFetchSite: "same-origin" }, APP)).toBe(false);
    expect(isCrossOriginWrite("POST", "/login", {}, APP)).toBe(false);
  });
  it("exempts only the one-click unsubscribe endpoint", () => {
    expect(isCrossOriginWrite("POST", "/u/abc.def", { origin: "https://mail.example" }, APP)).toBe(false);
    expect(isCrossOriginWrite("POST", "/u/abc/other", { origin: "https://mail.example" }, APP)).toBe(true);
  });
});

describe("the bounce webhooks", () => {
  const provider = { origin: "https://sns.us-east-1.amazonaws.com", secFetchSite: "cross-site" };
  it("are exempt from the origin check, exactly as spelled", () => {
    for (const name of ["ses", "sendgrid", "postmark", "mailgun"]) expect(isCrossOriginWrite("POST", `/hooks/bounces/${name}`, provider, APP), name).toBe(false);
    for (const path of ["/hooks/bounces/other", "/hooks/bounces/ses/", "/hooks/bounces/ses/../../admin", "/hooks/bounces/%73es", "/hooks/bounces/ses.data", "//hooks/bounces/ses", "/HOOKS/bounces/ses"]) {
      expect(isCrossOriginWrite("POST", path, provider, APP), path).toBe(true);
    }
  });
  it("read a provider's batch (1 MiB), never multipart", () => {
    const limits = { uploadMaxBytes: 15 * 1024 * 1024 };
    expect(bodyPolicy("/hooks/bounces/sendgrid", "application/json", limits)).toEqual({ maxBytes: BOUNCE_HOOK_MAX_BYTES, multipart: false });
    expect(bodyPolicy("/hooks/bounces/ses", "text/plain; charset=UTF-8", limits)).toEqual({ maxBytes: BOUNCE_HOOK_MAX_BYTES, multipart: false });
    expect(bodyPolicy("/hooks/bounces/mailgun", "multipart/form-data; boundary=x", limits)).toEqual({ refuse: 415 });
    expect(bodyPolicy("/hooks/bounces/ses/../../../login", "application/json", limits)).toEqual({ maxBytes: PUBLIC_FORM_MAX_BYTES, multipart: false });
  });
});

describe("appOrigins", () => {
  it("is APP_URL's origin alone for a real host", () => {
    expect(appOrigins("https://alcance.example.org/")).toEqual(["https://alcance.example.org"]);
  });

  it("takes every loopback spelling of a local APP_URL, same scheme and port, and nothing else", () => {
    const origins = appOrigins("http://localhost:3000");
    expect(origins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
    expect(isCrossOriginWrite("POST", "/login", { origin: "http://127.0.0.1:3000" }, origins)).toBe(false);
    expect(isCrossOriginWrite("POST", "/login", { origin: "http://127.0.0.1:3001" }, origins)).toBe(true);
    expect(isCrossOriginWrite("POST", "/login", { origin: "https://127.0.0.1:3000" }, origins)).toBe(true);
    expect(isCrossOriginWrite("POST", "/login", { origin: "http://localhost.evil.example:3000" }, origins)).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("adds HSTS only over https and always forbids framing and sniffing", () => {
    const plain = securityHeaders({ nonce: "n1", https: false, dev: false });
    const tls = securityHeaders({ nonce: "n1", https: true, dev: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(tls["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(plain["Content-Security-Policy"]).toContain("'nonce-n1'");
    expect(plain["Content-Security-Policy"]).not.toContain("unsafe-inline' ;");
    expect(plain["Content-Security-Policy"]).toMatch(/script-src 'self' 'nonce-n1'(;|$)/);
  });
});

describe("the unsubscribe exemption reads the path as the router does", () => {
  const mail = { origin: "https://mail.example" };
  it("refuses paths that only look like /u/<token> before normalisation", () => {
    for (const path of ["/u/../admin/x", "/u/%2e%2e/admin", "/u/%2E%2E/admin/users", "/u/.%2e/login", "//u/x", "/u//x", "/u/x/", "/u/a%2Fb", "/u/%61bc", "/u/..", "/u/%2e%2e", "/u/.", "/u\\..\\admin", "/U/abc"]) {
      expect(isCrossOriginExempt(path), path).toBe(false);
      expect(isCrossOriginWrite("POST", path, mail, APP), path).toBe(true);
    }
  });
  it("keeps the exact link we send exempt", () => {
    expect(isCrossOriginExempt("/u/dGVzdC5hYmM.m0x1abc.AbC_-123")).toBe(true);
  });
  it("normalises like the router: dot segments (also escaped), one decoding, single-fetch .data", () => {
    expect(routePath("/u/../admin/x")).toBe("/admin/x");
    expect(routePath("/u/%2e%2e/admin")).toBe("/admin");
    expect(routePath("/u\\..\\admin")).toBe("/admin");
    expect(routePath("/%6Cogin")).toBe("/login");
    expect(routePath("/login.data")).toBe("/login");
    expect(routePath("/_root.data")).toBe("/");
    expect(routePath("/a%2Fb/c")).toBe("/a%2Fb/c");
    expect(routePath("/bad%zz")).toBe("/bad%zz");
  });
});

describe("request body policy", () => {
  const limits = { uploadMaxBytes: 15 * 1024 * 1024 };
  const multipart = "multipart/form-data; boundary=----x";
  const form = "application/x-www-form-urlencoded";

  it("reads at most 16 KiB on anonymous forms, 1 MiB elsewhere, whatever the spelling", () => {
    for (const path of ["/login", "/LOGIN", "/login.data", "/%6cogin", "/x/../login", "/forgot-password", "/k/feria", "/k/confirm/t", "/u/t", "/invite/t", "/reset-password/t", "/login/two-factor", "/locale", "/logout"]) {
      expect(bodyPolicy(path, form, limits), path).toEqual({ maxBytes: PUBLIC_FORM_MAX_BYTES, multipart: false });
    }
    expect(bodyPolicy("/contacts/new", form, limits)).toEqual({ maxBytes: MAX_FORM_BODY_BYTES, multipart: false });
    expect(bodyPolicy("/bulletins/b1", "application/json", limits)).toEqual({ maxBytes: MAX_FORM_BODY_BYTES, multipart: false });
    expect(bodyPolicy("/login", undefined, limits)).toEqual({ maxBytes: PUBLIC_FORM_MAX_BYTES, multipart: false });
  });

  it("refuses multipart anywhere but the upload routes", () => {
    for (const path of ["/login", "/forgot-password", "/k/feria", "/contacts/new", "/events/new", "/materials/locations", "/partners/new", "/events/x/../../login", "/"]) {
      expect(bodyPolicy(path, multipart, limits), path).toEqual({ refuse: 415 });
    }
    expect(bodyPolicy("/events/e1", "multipart/mixed; boundary=x", limits)).toEqual({ refuse: 415 });
    expect(bodyPolicy("/events/e1", "multipart/form-data", limits)).toEqual({ refuse: 415 });
  });

  it("gives each upload route a cap on bytes and parts", () => {
    const single = limits.uploadMaxBytes + 1024 * 1024;
    expect(bodyPolicy("/events/e1", multipart, limits)).toEqual({ maxBytes: single, multipart: true, boundary: "----x", maxParts: 50 });
    expect(bodyPolicy("/events/e1.data", 'multipart/form-data; boundary="a b"', limits)).toMatchObject({ maxBytes: single, boundary: "a b" });
    expect(bodyPolicy("/contest/c1/submissions/new", multipart, limits)).toMatchObject({ maxBytes: 10 * limits.uploadMaxBytes + 1024 * 1024 });
    expect(bodyPolicy("/contacts/import", multipart, limits)).toMatchObject({ maxBytes: CONTACTS_IMPORT_MAX_BYTES + 1024 * 1024 });
    // A network's CSV export for one account's month; the other communications pages take no files.
    expect(bodyPolicy("/communications/months/2017-11", multipart, limits)).toMatchObject({ maxBytes: COMMUNICATIONS_IMPORT_MAX_BYTES + 1024 * 1024, multipart: true });
    for (const path of ["/communications/accounts", "/communications/media/new", "/communications/months"]) expect(bodyPolicy(path, multipart, limits), path).toEqual({ refuse: 415 });
    expect(bodyPolicy("/enquiries/2017-11", multipart, limits)).toMatchObject({ maxBytes: ENQUIRY_IMPORT_MAX_BYTES + 1024 * 1024 });
    expect(bodyPolicy("/enquiries", multipart, limits)).toEqual({ refuse: 415 });
    expect(bodyPolicy("/enquiries/2017-11/rejections.csv", multipart, limits)).toEqual({ refuse: 415 });
    expect(bodyPolicy("/reports/2017-11/sections/registration/extras", multipart, limits)).toEqual({ maxBytes: single, multipart: true, boundary: "----x", maxParts: 50 });
    expect(bodyPolicy("/reports/2017-11/sections/registration/extras/../../../../reports/2017-11", multipart, limits)).toEqual({ refuse: 415 });
    expect(bodyPolicy("/reports/2017-11", multipart, limits)).toEqual({ refuse: 415 });
    // The applicant portal (decision 029): a draft's documents and a correction's answer only.
    expect(bodyPolicy("/convocatoria/osc-2018/solicitud", multipart, limits)).toMatchObject({ maxBytes: 10 * limits.uploadMaxBytes + 1024 * 1024, multipart: true });
    expect(bodyPolicy("/convocatoria/osc-2018/estado/s1", multipart, limits)).toMatchObject({ maxBytes: 10 * limits.uploadMaxBytes + 1024 * 1024, multipart: true });
    for (const path of ["/convocatoria/osc-2018", "/convocatoria/osc-2018/registro", "/convocatoria/osc-2018/organizacion", "/convocatoria/osc-2018/estado/s1/x"]) expect(bodyPolicy(path, multipart, limits), path).toEqual({ refuse: 415 });
  });

  it("keeps the applicant portal's anonymous forms small and its signed-in forms at 1 MiB", () => {
    for (const path of ["/convocatoria/osc-2018", "/convocatoria/osc-2018/registro", "/convocatoria/osc-2018/entrar", "/convocatoria/osc-2018/salir", "/convocatoria/osc-2018/recuperar", "/convocatoria/osc-2018/verificar/t", "/convocatoria/osc-2018/restablecer/t", "/convocatoria/osc-2018/enlace", "/convocatoria/osc-2018/enlace/t", "/convocatoria/osc-2018/invitacion/t"]) {
      expect(bodyPolicy(path, form, limits), path).toEqual({ maxBytes: PUBLIC_FORM_MAX_BYTES, multipart: false });
    }
    for (const path of ["/convocatoria/osc-2018/organizacion", "/convocatoria/osc-2018/solicitud", "/convocatoria/osc-2018/estado/s1"]) {
      expect(bodyPolicy(path, form, limits), path).toEqual({ maxBytes: MAX_FORM_BODY_BYTES, multipart: false });
    }
  });

  it("knows every route: multipart exactly where an action parses it, 16 KiB exactly where no session is required", () => {
    // Each route file's path (flat routes), with sample values for its parameters.
    const dir = "app/routes";
    for (const file of readdirSync(dir)) {
      const source = readFileSync(`${dir}/${file}`, "utf8");
      if (!/export (async function|const) action/.test(source)) continue;
      const path =
        "/" +
        file
          .replace(/\.tsx?$/, "")
          .replace(/\[\.([a-z]+)\]/g, "~$1")
          .split(".")
          .filter((s) => s !== "_index")
          .map((s) => s.replace(/_$/, "").replace(/^\$.*/, "p1").replace("~", "."))
          .join("/");
      const parsesMultipart = /parseMultipartFormData|parseUpload|readPageForm/.test(source);
      const anonymous = !/require(User|Permission|Role|Session|Communications|Actor|EnquiryMonth|Applicant)|requireJuror|requireStaff/.test(source);
      expect("refuse" in bodyPolicy(path, multipart, limits), `${file} → ${path}`).toBe(!parsesMultipart);
      // The bounce webhooks are anonymous but verified by the provider's signature, and take a provider's batch.
      const webhook = path.startsWith("/hooks/bounces/");
      expect(bodyPolicy(path, form, limits), `${file} → ${path}`).toMatchObject({ maxBytes: webhook ? BOUNCE_HOOK_MAX_BYTES : anonymous ? PUBLIC_FORM_MAX_BYTES : MAX_FORM_BODY_BYTES });
    }
  });
});

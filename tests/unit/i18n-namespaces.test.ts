/**
 * The browser gets only the namespaces app/i18n/namespaces.ts lists for a page's area (decision
 * 028). This walks each route file and the non-server modules it imports, collects the message
 * keys they name (literal keys, and template keys by their fixed prefix) and checks that each
 * key's namespace is sent for that route's area: otherwise the page would show the raw key.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "~/i18n/catalog.server";
import { namespacesFor } from "~/i18n/namespaces";

const app = path.resolve("app");
const namespaceOf = new Map<string, string>();
for (const [ns, messages] of Object.entries(CATALOGS.es)) {
  for (const key of Object.keys(messages)) namespaceOf.set(key.replace(/_(zero|one|two|few|many|other)$/, ""), ns);
}
const keys = [...namespaceOf.keys()];

function resolve(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(app, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** Files the browser bundle of a route can hold: no .server modules, no catalogues. */
function clientFiles(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const m of source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
    const target = resolve(m[1]!, file);
    if (!target || /\.server\.|\/\.server\/|\.json$|\.css$/.test(target) || target.startsWith(path.join(app, "i18n"))) continue;
    // An area's client barrel (decision 027) re-exports the whole area: following it would charge
    // every page with every key of the area. The page walk (tests/e2e/every-page) catches a raw key
    // that reaches the screen through a barrel.
    if (/[\\/]modules[\\/][^\\/]+[\\/]index\.ts$/.test(target)) continue;
    clientFiles(target, seen);
  }
  return seen;
}

function keysIn(file: string): string[] {
  // Comments hold usage examples (the UI kit's headers), not keys the page shows.
  const source = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const m of source.matchAll(/["']((?:[a-zA-Z0-9_]+\.)+[a-zA-Z0-9_]+)["']/g)) if (namespaceOf.has(m[1]!)) found.push(m[1]!);
  for (const m of source.matchAll(/`((?:[a-zA-Z0-9_]+\.)+[a-zA-Z0-9_]*)\$\{/g)) {
    const key = keys.find((k) => k.startsWith(m[1]!));
    if (key) found.push(key);
  }
  return found;
}

describe("namespaces sent per area", () => {
  const routes = fs.readdirSync(path.join(app, "routes")).filter((f) => /\.tsx?$/.test(f));

  it("finds the routes and their keys (the walk itself works)", () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(keysIn(path.join(app, "routes/contacts._index.tsx"))).toContain("contacts.title");
  });

  it("every key a route's browser code names is in a namespace its area receives", () => {
    const missing: string[] = [];
    for (const route of routes) {
      const area = route.replace(/\.tsx?$/, "").split(".")[0]!.replace(/_$/, "").replace(/^_index$/, "");
      const sent = new Set<string>(namespacesFor(`/${area}`));
      for (const file of clientFiles(path.join(app, "routes", route))) {
        for (const key of keysIn(file)) {
          const ns = namespaceOf.get(key)!;
          if (!sent.has(ns)) missing.push(`${route}: ${path.relative(app, file)} uses "${key}" (${ns})`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("sends common and auth everywhere and only the area's others", () => {
    expect(namespacesFor("/contacts/12")).toEqual(["common", "auth", "contacts", "contactsImport", "contactDetail", "events"]);
    expect(namespacesFor("/login")).toEqual(["common", "auth"]);
    expect(namespacesFor("/no-such-area")).toEqual(["common", "auth"]);
  });
});

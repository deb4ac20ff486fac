/**
 * First-load JavaScript of a page (issue 18: the home page's must stay ≤ 120 KB gzipped).
 *
 * "First-load" = every script the browser fetches before the page is interactive: the module
 * scripts and modulepreload links in the HTML, the modules the inline bootstrap imports, and
 * everything those import statically (followed recursively, as the browser does). Each file is
 * gzipped at level 9 and the sizes summed; 1 KB = 1,000 bytes. Dynamic `import()`s are not
 * first-load and are not followed. The inline bootstrap (route data) is shown apart: it is HTML.
 *
 * It builds nothing: run `npm run build` first. Without `--url` it starts the built server
 * (server/index.ts, NODE_ENV=production) on a free port against DATABASE_URL (default: the
 * quickstart's `alcance` database, which must hold the demo data) and logs in as the demo
 * coordinator. With `--url` it measures a running server (logging in if the page redirects to
 * /login). `--path /contacts` measures another page; `--json` prints one JSON object.
 *
 *   npm run bench:first-load -- --json
 *   npm run bench:first-load -- --url http://localhost:3000 --path /
 */
import zlib from "node:zlib";
import { DEMO_PASSWORD, loginCookie, startBuiltServer } from "./lib/server.ts";

const BUDGET_BYTES = 120_000;
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const json = flag("json");
const pagePath = option("path") ?? "/";
const email = option("email") ?? "coordinacion@alcance.test";
const password = option("password") ?? DEMO_PASSWORD;

async function fetchPage(base: string): Promise<string> {
  const first = await fetch(new URL(pagePath, base), { redirect: "manual" });
  if (first.status === 200) return first.text();
  const location = first.headers.get("location") ?? "";
  if (!(first.status >= 300 && first.status < 400 && location.includes("/login"))) {
    throw new Error(`GET ${pagePath}: ${first.status}`);
  }
  const cookie = await loginCookie(base, email, password, pagePath);
  const page = await fetch(new URL(pagePath, base), { headers: { cookie }, redirect: "manual" });
  if (page.status !== 200) throw new Error(`GET ${pagePath} after login: ${page.status} (two-factor or a wrong account?)`);
  return page.text();
}

/** Specifiers of static imports in a module (`import x from "…"`, `import "…"`, `export … from "…"`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  // Minified output writes `from"./a.js"` and `import"./b.js"`; `import(` (dynamic) is skipped.
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)(["'])([^"'\n]+?\.m?js)\1/g)) found.add(m[2]!);
  return [...found];
}

async function main() {
  const url = option("url");
  const server = url
    ? undefined
    : await startBuiltServer({ defaults: { SESSION_SECRET: "bench-first-load-session-secret-0123456789", APP_KEY: "bench-first-load-app-key-0123456789abcdef" } });
  const base = url ?? server!.url;
  try {
    const html = await fetchPage(base);
    const roots = new Set<string>();
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) roots.add(m[1]!);
    for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) roots.add(m[1]!);
    for (const m of html.matchAll(/<link\b[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) roots.add(m[1]!);
    let inlineBytes = 0;
    let inlineGzip = 0;
    for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const body = m[1]!;
      inlineBytes += Buffer.byteLength(body);
      inlineGzip += zlib.gzipSync(body, { level: 9 }).length;
      for (const spec of staticImports(body)) roots.add(spec);
      for (const dyn of body.matchAll(/import\((["'])([^"']+\.m?js)\1\)/g)) roots.add(dyn[2]!); // Remix's bootstrap imports the entry dynamically
    }

    const files = new Map<string, { bytes: number; gzip: number }>();
    const queue = [...roots].map((r) => new URL(r, base).toString());
    while (queue.length) {
      const href = queue.shift()!;
      if (files.has(href)) continue;
      const response = await fetch(href);
      if (!response.ok) throw new Error(`GET ${href}: ${response.status}`);
      const code = Buffer.from(await response.arrayBuffer());
      files.set(href, { bytes: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length });
      for (const spec of staticImports(code.toString("utf8"))) queue.push(new URL(spec, href).toString());
    }

    const rows = [...files.entries()]
      .map(([href, size]) => ({ file: new URL(href).pathname, ...size }))
      .sort((a, b) => b.gzip - a.gzip);
    const total = rows.reduce((sum, r) => sum + r.gzip, 0);
    const raw = rows.reduce((sum, r) => sum + r.bytes, 0);
    const pass = total <= BUDGET_BYTES;
    const kb = (n: number) => (n / 1000).toFixed(1);

    if (json) {
      console.log(
        JSON.stringify({ page: pagePath, files: rows, totalGzipBytes: total, totalBytes: raw, budgetBytes: BUDGET_BYTES, pass, inline: { bytes: inlineBytes, gzipBytes: inlineGzip } }),
      );
    } else {
      console.log(`First-load JavaScript of ${pagePath} (${rows.length} files, gzip -9, 1 KB = 1,000 bytes)\n`);
      for (const r of rows) console.log(`${kb(r.gzip).padStart(8)} KB  ${kb(r.bytes).padStart(8)} KB raw  ${r.file}`);
      console.log(`\n${kb(total).padStart(8)} KB  ${kb(raw).padStart(8)} KB raw  total`);
      console.log(`  budget ${kb(BUDGET_BYTES)} KB: ${pass ? "PASS" : "FAIL"}`);
      console.log(`  (inline bootstrap and route data in the HTML, not counted: ${kb(inlineGzip)} KB gzipped, ${kb(inlineBytes)} KB raw)`);
    }
    process.exitCode = pass ? 0 : 1;
  } finally {
    server?.stop();
  }
}

await main();

/**
 * Every audit action code the source can write, read from the source itself: the literals of each
 * `audit(...)` call's `action`, dotted `action: "…"` literals elsewhere (tables of transitions,
 * options handed to a helper that audits), and what the few helpers that build a code from an
 * argument produce. An `audit(...)` whose action this reader cannot see is reported, so a new way
 * of naming an action has to be taught here (and translated) before the suite passes.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BULK_OPERATIONS } from "~/modules/contacts/bulk";

const ROOTS = ["app", "jobs", "cli", "server"];
const SKIP = [path.join("app", "generated"), path.join("app", "i18n")];
const CODE = /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/;

/**
 * Helpers that take an action code as an argument (index) and audit it with these suffixes, and
 * the template literals whose placeholder takes a known set of values.
 */
const FORWARDERS: { fn: string; arg: number; suffixes: string[] }[] = [
  { fn: "setPassword", arg: 3, suffixes: [""] },
  { fn: "storePasswordHash", arg: 4, suffixes: [""] },
  { fn: "checkForChange", arg: 3, suffixes: ["RateLimited", "Failed"] },
];
const TEMPLATES: Record<string, string[]> = {
  "contest.document.${kind}": ["call", "rules"].map((k) => `contest.document.${k}`),
  "contacts.bulk.${request.operation}": BULK_OPERATIONS.map((o) => `contacts.bulk.${o}`),
  // checkForChange's codes come from FORWARDERS.
  "${action}RateLimited": [],
  "${action}Failed": [],
};
/** Indirect actions whose values arrive through FORWARDERS or dotted `action:` literals. */
const INDIRECT = new Set(["t.action", "action (shorthand)"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (SKIP.some((s) => file.startsWith(s))) continue;
    if (statSync(file).isDirectory()) sourceFiles(file, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(file);
  }
  return out;
}

/** The text from `open` (an opening bracket) to its match, skipping strings and template literals. */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
      continue;
    }
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return text.slice(open + 1, i);
    }
  }
  return text.slice(open + 1);
}

/** Splits a call's argument text at its top-level commas. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
      continue;
    }
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const literals = (expr: string) => [...expr.matchAll(/"([^"\\]*)"|'([^'\\]*)'/g)].map((m) => m[1] ?? m[2]!);

export type ActionScan = { codes: Set<string>; unknown: string[] };

export function scanAuditActions(root = process.cwd()): ActionScan {
  const codes = new Set<string>();
  const unknown: string[] = [];
  const files = ROOTS.flatMap((r) => sourceFiles(path.join(root, r)));
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const where = path.relative(root, file);
    // Dotted literals of any `action:` property (transition tables, options for a helper).
    for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) for (const lit of literals(m[1]!)) if (CODE.test(lit)) codes.add(lit);
    // Every audit(actor, entry, tx?) call: the entry's action.
    for (const m of text.matchAll(/(?<![.\w])audit\(/g)) {
      if (/function\s+$/.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      const args = topLevel(balanced(text, m.index + m[0].length - 1));
      const entry = args[1] ?? "";
      const prop = /\baction:\s*/.exec(entry);
      let expr: string;
      if (prop) {
        const rest = entry.slice(prop.index + prop[0].length);
        expr = topLevel(rest)[0]!.replace(/\s*}$/, "").trim();
      } else if (/[{,]\s*action\s*[,}]/.test(entry)) expr = "action (shorthand)";
      else {
        unknown.push(`${where}: audit(${args.join(", ").slice(0, 80)})`);
        continue;
      }
      const lits = literals(expr);
      const templates = [...expr.matchAll(/`([^`]*)`/g)].map((t) => t[1]!);
      if (templates.length > 0) {
        for (const t of templates) {
          if (t in TEMPLATES) TEMPLATES[t]!.forEach((c) => codes.add(c));
          else unknown.push(`${where}: template \`${t}\``);
        }
      } else if (lits.length > 0) lits.forEach((l) => codes.add(l));
      else if (!INDIRECT.has(expr)) unknown.push(`${where}: action ${expr}`);
    }
    // Helpers that audit a code they are given.
    for (const f of FORWARDERS) {
      for (const m of text.matchAll(new RegExp(`(?<![.\\w])${f.fn}\\(`, "g"))) {
        if (text.slice(Math.max(0, m.index - 30), m.index).match(/function\s+$/)) continue;
        const arg = topLevel(balanced(text, m.index + m[0].length - 1))[f.arg] ?? "";
        for (const lit of literals(arg)) for (const suffix of f.suffixes) codes.add(`${lit}${suffix}`);
      }
    }
  }
  return { codes, unknown };
}

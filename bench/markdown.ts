/**
 * Bulletin Markdown on adversarial bodies: merge-tag extraction + rendering (what the preview and
 * the worker run before MJML) for 100,000-character bodies built to make a backtracking regex or
 * a rescanning loop go quadratic, next to an ordinary body of the same size as the baseline.
 *   npx tsx bench/markdown.ts [--chars 100000] [--json]
 */
import { extractMergeTags, renderMarkdown } from "../app/modules/bulletins/markdown.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const chars = Number(args[args.indexOf("--chars") + 1]) || 100_000;

const fill = (unit: string, prefix = "") => prefix + unit.repeat(Math.ceil((chars - prefix.length) / unit.length)).slice(0, chars - prefix.length);
const ordinary = "## Boletín\n\nHola {{nombre | \"amiga\"}}, un **párrafo** con *énfasis* y [una liga](https://ine.mx/a).\n\n- uno\n- dos\n\n";

const BODIES: Record<string, string> = {
  "ordinary Markdown": fill(ordinary),
  'x + "["': fill("[", "x"),
  '"("': fill("("),
  '"*"': fill("*"),
  '"**a"': fill("**a"),
  '"*a"': fill("*a "),
  '"_"': fill("_"),
  '"!["': fill("!["),
  '"]("': fill("]("),
  '"[a]("': fill("[a]("),
  '"[a](b"': fill("[a](b"),
  "backticks": fill("`"),
  "nested brackets": fill("[", "").slice(0, chars / 2) + fill("]").slice(0, chars / 2),
  '"[[" button': fill("[[", ""),
  '"{{"': fill("{{"),
  '"{{a"': fill("{{a"),
  '"{{ " spaces': `{{${" ".repeat(chars - 4)}}}`,
  "one long list item": `- ${fill("[a")}`,
  "one long image line": `![${fill("a](")}`,
};

function run(body: string) {
  const start = performance.now();
  const rendered = renderMarkdown(extractMergeTags(body).text);
  const ms = performance.now() - start;
  return { ms, outChars: rendered.mjml.length };
}

const results: Array<{ body: string; ms: number }> = [];
for (const [name, body] of Object.entries(BODIES)) {
  run(body); // warm-up (JIT)
  const { ms } = run(body);
  results.push({ body: name, ms: Math.round(ms * 10) / 10 });
  if (!json) console.log(`${name.padEnd(22)} ${ms.toFixed(1).padStart(9)} ms`);
}
const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
if (json) console.log(JSON.stringify({ chars, results, worst }));
else console.log(`\n${chars} chars per body; worst: ${worst.body} ${worst.ms} ms (ordinary body: ${results[0]!.ms} ms)`);

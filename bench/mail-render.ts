/**
 * Transactional mail rendering: compile MJML once per template and language, merge per message
 * (what Alcance does) against the raw baseline of calling mjml2html for every message.
 *   npx tsx bench/mail-render.ts [--messages 500] [--json]
 */
import mjml2html from "mjml";
import { layout, TRANSACTIONAL_FOOTER } from "../emails/layout.ts";
import { merge, renderTransactional } from "../emails/render.server.ts";
import * as invite from "../emails/transactional/invite.ts";
import { DEFAULT_SETTINGS } from "../app/modules/settings/settings.server.ts";
import { makeT } from "../app/i18n/index.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const messages = Number(args[args.indexOf("--messages") + 1]) || 500;

const data = (i: number) => ({ name: `Persona ${i}`, inviter: "Ana", role: "Jurado", url: `http://localhost:3000/invite/token-${i}` });

async function baseline() {
  const t = makeT("es");
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    const values: Record<string, string> = { institutionName: DEFAULT_SETTINGS.institutionName, postalAddress: DEFAULT_SETTINGS.postalAddress, ...data(i) };
    for (const [placeholder, key] of Object.entries(invite.strings)) values[placeholder] = t(key, data(i));
    const source = merge(layout({ lang: "es", body: invite.body, footer: TRANSACTIONAL_FOOTER }), values);
    await mjml2html(source, { validationLevel: "strict" });
  }
  return performance.now() - start;
}

async function alcance() {
  await renderTransactional("invite", "es", data(0), DEFAULT_SETTINGS); // the one compilation
  const start = performance.now();
  for (let i = 0; i < messages; i++) await renderTransactional("invite", "es", data(i), DEFAULT_SETTINGS);
  return performance.now() - start;
}

const baseMs = await baseline();
const oursMs = await alcance();
const result = {
  bench: "mail-render",
  messages,
  baseline_ms_per_message: +(baseMs / messages).toFixed(3),
  alcance_ms_per_message: +(oursMs / messages).toFixed(4),
  speedup: +(baseMs / oursMs).toFixed(1),
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  console.log(`mail render, ${messages} invitations`);
  console.log(`  baseline (mjml2html per message): ${result.baseline_ms_per_message} ms/message`);
  console.log(`  alcance (compile once, merge):    ${result.alcance_ms_per_message} ms/message`);
  console.log(`  speed-up: ${result.speedup}×`);
}

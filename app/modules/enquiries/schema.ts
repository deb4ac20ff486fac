/** The enquiries forms (zod; messages are i18n keys `enquiries.errors.*`). */
import { z } from "zod";
import { normalizeCountry, normalizeSubdivision } from "~/modules/geo";
import { ENQUIRY_CHANNELS } from "./import";

const LIST_MAX = 10;

const whole = (required: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/[,\s]/g, ""))
    .superRefine((v, ctx) => {
      if (v === "") {
        if (required) ctx.addIssue({ code: "custom", message: "enquiries.errors.required" });
        return;
      }
      if (!/^\d{1,9}$/.test(v)) ctx.addIssue({ code: "custom", message: "enquiries.errors.wholeNumber" });
    })
    .transform((v) => (v === "" ? null : Number(v)));

const percent = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().replace(",", ".").replace(/\s*%$/, ""))
  .superRefine((v, ctx) => {
    if (v !== "" && !(/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100)) ctx.addIssue({ code: "custom", message: "enquiries.errors.percent" });
  })
  .transform((v) => (v === "" ? null : Number(v)));

/** «California, TX; Texas» → ["US-CA", "US-TX"] (each once, in the typed order); an unknown name is reported. */
function codes(kind: "state" | "country") {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: string[] = [];
      for (const part of (v ?? "").split(/[,;\n]|\s+y\s+|\s+and\s+/)) {
        const text = part.trim();
        if (!text) continue;
        const code = kind === "state" ? normalizeSubdivision(text, "US") : normalizeCountry(text);
        if (!code) {
          ctx.addIssue({ code: "custom", message: kind === "state" ? "enquiries.errors.unknownState" : "enquiries.errors.unknownCountry", params: { value: text.slice(0, 60) } });
          return z.NEVER;
        }
        if (kind === "country" && code === "US") {
          ctx.addIssue({ code: "custom", message: "enquiries.errors.usNotOther" });
          return z.NEVER;
        }
        if (!out.includes(code)) out.push(code);
      }
      if (out.length > LIST_MAX) {
        ctx.addIssue({ code: "custom", message: "enquiries.errors.tooMany", params: { value: String(LIST_MAX) } });
        return z.NEVER;
      }
      return out;
    });
}

export const channelField = (channel: string) => `channel_${channel}`;

/** Typed totals: the total (required), the share from the US, counts by channel, the top US states and other countries. */
export const enquiryTotalsSchema = z
  .object({
    total: whole(true),
    usPercent: percent,
    topUsStates: codes("state"),
    topCountries: codes("country"),
    ...Object.fromEntries(ENQUIRY_CHANNELS.map((c) => [channelField(c), whole(false)])),
  })
  .superRefine((v, ctx) => {
    const values = v as unknown as Record<string, number | null>;
    const sum = ENQUIRY_CHANNELS.reduce((s, c) => s + (values[channelField(c)] ?? 0), 0);
    if (v.total !== null && sum > v.total) ctx.addIssue({ code: "custom", path: [channelField("PHONE")], message: "enquiries.errors.channelsOverTotal" });
  })
  .transform((v) => {
    const values = v as unknown as Record<string, number | null>;
    const byChannel: Record<string, number> = {};
    for (const c of ENQUIRY_CHANNELS) if (values[channelField(c)] !== null && values[channelField(c)] !== undefined) byChannel[c] = values[channelField(c)]!;
    return { total: v.total!, usPercent: v.usPercent, byChannel, topUsStates: v.topUsStates, topCountries: v.topCountries };
  });

export type EnquiryTotalsData = z.output<typeof enquiryTotalsSchema>;

/** The zod issues as { field: { key, value } } (value: the name that was not recognised). */
export function totalsErrors(error: z.ZodError): Record<string, { key: string; value?: string }> {
  const out: Record<string, { key: string; value?: string }> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const params = (issue as { params?: { value?: string } }).params;
    out[field] ??= { key: issue.message, value: params?.value };
  }
  return out;
}

export const confirmSchema = z.object({
  file: z.string().regex(/^[a-f0-9]{64}$/, "enquiries.errors.fileGone"),
  fileName: z.string().trim().max(200).optional().transform((v) => v || "consultas.csv"),
  replaces: z.string().regex(/^\d{1,9}$/, "enquiries.errors.stale").transform(Number),
  rows: z.string().regex(/^\d{1,9}$/, "enquiries.errors.stale").transform(Number),
});

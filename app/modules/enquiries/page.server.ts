/**
 * The month page of citizen enquiries: the month's figures, its last import, the typed totals and,
 * for a file just uploaded (?file=<sha256>), what importing it would do. State and country names are
 * made here, in the reader's language, so the browser's ICU cannot change them (decision 019).
 */
import { INTL_LOCALE, type Locale } from "~/i18n";
import { countryName, subdivisionName } from "~/modules/geo";
import { shiftMonth } from "~/modules/reports";
import { formatMonth } from "~/lib/format";
import { enquiryFiguresForMonth } from "./figures.server";
import { enquiryTotals, lastEnquiryImport, loadEnquiryFile, planEnquiryImport } from "./import.server";

/** Rejected rows shown on the page (the CSV has them all). */
export const SHOWN_REJECTIONS = 100;

/** A file name as shown and stored: printable, trimmed, at most 200 characters. */
export function enquiryFileName(value: string | null): string {
  const printable = [...(value ?? "")].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join("");
  return printable.trim().slice(0, 200) || "consultas.csv";
}

async function reviewOf(month: string, sha: string | null, fileName: string | null) {
  if (!sha || !/^[a-f0-9]{64}$/.test(sha)) return null;
  const bytes = await loadEnquiryFile(sha);
  if (!bytes) return null;
  const plan = await planEnquiryImport(month, sha, bytes);
  return {
    sha256: plan.sha256,
    fileName: enquiryFileName(fileName),
    encoding: plan.encoding,
    delimiter: plan.delimiter === "\t" ? "tab" : plan.delimiter,
    columns: plan.columns,
    problem: plan.problem,
    rows: plan.rows.length,
    rejectedCount: plan.rejected.length,
    rejected: plan.rejected.slice(0, SHOWN_REJECTIONS),
    replaces: plan.replaces,
    previous: plan.previous,
    preview: plan.preview,
  };
}

export async function enquiryMonthPage(reader: { locale: Locale }, month: string, canEdit: boolean, file: { sha: string | null; name: string | null }) {
  const [figures, last, totals, review] = await Promise.all([enquiryFiguresForMonth(month), lastEnquiryImport(month), enquiryTotals(month), canEdit ? reviewOf(month, file.sha, file.name) : null]);
  const codes = [figures, review?.preview].flatMap((f) => (f ? [...f.byUsState.map((x) => x.code), ...f.byCountry.map((x) => x.code)] : []));
  codes.push(...(totals?.topUsStates ?? []), ...(totals?.topCountries ?? []));
  const names = Object.fromEntries(codes.map((c) => [c, c.includes("-") ? subdivisionName(c) : countryName(c, INTL_LOCALE[reader.locale])]));
  return {
    month,
    names,
    monthLabel: formatMonth(month, reader.locale),
    prev: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
    canEdit,
    figures,
    last: last ? { ...last, rejections: last.rejections.slice(0, SHOWN_REJECTIONS) } : null,
    totals,
    review,
  };
}

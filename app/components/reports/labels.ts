/** The reports area's tone maps (decision 026: one StatusBadge, each area keeps its map next to its labels). */
import { toneMap } from "~/components/ui";

/** A report version: DRAFT / APPROVED. */
export const REPORT_STATE_TONES = toneMap({ DRAFT: "info", APPROVED: "success" });

/** Where a section's text comes from on the report page. */
export const SECTION_STATE_TONES = toneMap({ computed: "info", rewritten: "accent", written: "success", pending: "warning" });

/** "2.1 Título", or the bare title of an unnumbered section. */
export const sectionHeading = (s: { number?: string | null; title: string }) => (s.number ? `${s.number} ${s.title}` : s.title);

/**
 * Hand-made report documents (the model of app/modules/reports/blocks.ts) for the renderers' tests:
 * the source's outline in miniature — numbered headings on four levels, an unnumbered part, a
 * pending section with and without its own note, a section to review, tables, annexes and the
 * approval line — with `fill` paragraphs of filler per section to make it as long as a test needs.
 */
import type { Block, HeadingBlock, ReportDocument } from "~/modules/reports/blocks";

export const FIXTURE_TITLE = "Informe de avances del Voto de los Mexicanos Residentes en el Extranjero correspondiente a los Procesos Electorales 2017-2018";

const FILLER =
  "Con el objeto de dar cabal cumplimiento a lo dispuesto en la normatividad electoral, las áreas involucradas del Instituto llevaron a cabo reuniones de trabajo, talleres y actividades de promoción del voto desde el extranjero durante el mes que se informa.";

type Section = { level: HeadingBlock["level"]; number: string | null; text: string; id: string; pending?: boolean; review?: boolean; note?: string; fill?: number; table?: boolean; bullets?: string[] };

export const FIXTURE_SECTIONS: Section[] = [
  { level: 1, number: "1", text: "Presentación", id: "presentation" },
  { level: 1, number: "2", text: "Avances generados", id: "advances", fill: 1 },
  { level: 2, number: "2.1", text: "Dirección Ejecutiva del Registro Federal de Electores (DERFE)", id: "derfe", fill: 1 },
  { level: 3, number: "2.1.1", text: "Secretaría Técnica de la CVMRE", id: "secretariat", bullets: ["8 reuniones de trabajo", "1 taller", "1 sesión de la Comisión", "2 acuerdos"] },
  { level: 3, number: "2.1.2", text: "Actividades registrales", id: "registration", pending: true, note: "Pendiente: la DERFE aún no envía su texto." },
  { level: 3, number: "2.1.3", text: "Dirección de Atención Ciudadana", id: "enquiries", review: true },
  { level: 3, number: "2.1.4", text: "Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero", id: "liaison", fill: 1 },
  { level: 4, number: null, text: "Vinculación con la comunidad en el extranjero", id: "community_abroad", table: true },
  { level: 5, number: "2.1.4.1", text: "Eventos en Fort Worth", id: "deep5", fill: 1 },
  { level: 6, number: "2.1.4.1.1", text: "Detalle de Lynwood", id: "deep6", fill: 1 },
  { level: 2, number: "2.2", text: "Dirección Ejecutiva de Organización Electoral (DEOE)", id: "deoe", pending: true, fill: 0 },
  { level: 2, number: "2.3", text: "Coordinación Nacional de Comunicación Social (CNCS)", id: "cncs" },
  { level: 1, number: null, text: "Anexos", id: "annexes", fill: 0 },
  { level: 2, number: "Anexo 1", text: "Solicitudes de inscripción a la Lista Nominal de Electores Residentes en el Extranjero", id: "annex_registration", pending: true, fill: 0 },
  { level: 2, number: "Anexo 2", text: "Atención ciudadana: consultas sobre el VMRE", id: "annex_enquiries", table: true, fill: 0 },
];

/** A report document; `fill` paragraphs per section (default 2), `overrides` on the top-level fields. */
export function fixtureDocument(opts: { fill?: number; sections?: Section[]; overrides?: Partial<ReportDocument> } = {}): ReportDocument {
  const sections = opts.sections ?? FIXTURE_SECTIONS;
  const blocks: Block[] = [];
  for (const s of sections) {
    blocks.push({ type: "heading", level: s.level, number: s.number, text: s.text, id: s.id, ...(s.pending ? { pending: true } : {}), ...(s.review ? { review: true } : {}) });
    if (s.note) blocks.push({ type: "pending", text: s.note });
    if (s.pending) continue;
    const fill = s.fill ?? opts.fill ?? 2;
    for (let i = 0; i < fill; i++) blocks.push({ type: "paragraph", text: `${s.text}, párrafo ${i + 1}. ${FILLER}` });
    if (s.bullets) blocks.push({ type: "bullets", items: s.bullets });
    if (s.table)
      blocks.push({
        type: "table",
        id: `${s.id}_table`,
        caption: `Tabla de ${s.text}`,
        headers: ["Fecha", "Lugar", "Asistentes"],
        rows: [
          ["4 de noviembre", "Fort Worth, Texas", "45"],
          ["18 de noviembre", "Lynwood, California", "50"],
        ],
      });
  }
  const annexIds = new Set(sections.filter((s) => s.number?.startsWith("Anexo")).map((s) => s.id));
  return {
    title: FIXTURE_TITLE,
    subtitle: "Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero",
    monthLabel: "Noviembre 2017",
    status: "Versión 1, aprobada el 21 de diciembre de 2017",
    blocks,
    toc: sections.map((s) => ({ id: s.id, number: s.number, text: s.text, level: s.level })),
    annexes: sections.filter((s) => annexIds.has(s.id)).map((s) => ({ id: s.id, number: s.number!, title: s.text, pending: !!s.pending })),
    approval: {
      agreement: "INE/CVMRE-03SE",
      adoptedOn: "21/12/2017",
      text: "La Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero aprueba el Informe de avances del Voto de las y los Mexicanos Residentes en el Extranjero, para su presentación en la próxima sesión del Consejo General.",
      vote: "Aprobado por unanimidad de la Consejera y los Consejeros Electorales:\n• Lic. Enrique Andrade González, Presidente de la Comisión.\n• Mtro. Marco Antonio Baños Martínez.\n• Dr. Benito Nacif Hernández.",
    },
    signature: [],
    ...opts.overrides,
  };
}

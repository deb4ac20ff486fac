/**
 * Partner institutions as the outside world sees them: the enums' values in a fixed order, the
 * CSV columns (export header order, which the import reads back), and the normalisers shared by the
 * forms, the import and the export. Pure: no database.
 */
import type { ActivityKind, AgreementStatus, FollowUpState, PartnerKind, PartnerStatus, ReportPart } from "~/generated/prisma/enums";
import { normalizeTags } from "~/modules/contacts";
import { normalizeHeader } from "~/modules/contacts";

export const PARTNER_KINDS = [
  "FEDERAL_AGENCY",
  "FOREIGN_SERVICE_POST",
  "LOCAL_ELECTORAL_BODY",
  "INE_OFFICE",
  "UNIVERSITY",
  "CIVIL_SOCIETY",
  "INTERNATIONAL_PROGRAMME",
  "MEDIA",
  "PRIVATE_COMPANY",
] as const satisfies readonly PartnerKind[];
export const PARTNER_STATUSES = ["ACTIVE", "PROSPECT", "INACTIVE"] as const satisfies readonly PartnerStatus[];
export const AGREEMENT_STATUSES = ["NEGOTIATION", "SIGNED", "EXPIRED", "TERMINATED"] as const satisfies readonly AgreementStatus[];
export const ACTIVITY_KINDS = [
  "MATERIALS_DELIVERED",
  "JOINT_EVENT",
  "PARTNER_BULLETIN",
  "MEDIA",
  "OTHER",
] as const satisfies readonly ActivityKind[];
/** Kinds that used to be activities and are Meeting records now (decision 024): refused with a pointer to «Nueva reunión». */
export const MEETING_ACTIVITY_KINDS = ["MEETING", "WORKSHOP"] as const;

/**
 * Where the monthly report counts an activity, by default, from the kinds of ALL its institutions
 * (the form preselects it; staff may change it). The same precedence as the migration that gave
 * existing meetings their part (prisma/migrations/20261208090000_meetings_and_report_outline):
 * any local electoral body (OPL) → SECRETARIAT (2.1.1 reports the work with the OPL); else any
 * university → EDUCATIONAL; else only INE offices → DECENTRALIZED; else INSTITUTIONAL. For one
 * institution this is exactly the migration's rule for activities (by the lead's kind).
 */
export function defaultActivityReportPart(partnerKinds: readonly PartnerKind[]): ReportPart {
  if (partnerKinds.includes("LOCAL_ELECTORAL_BODY")) return "SECRETARIAT";
  if (partnerKinds.includes("UNIVERSITY")) return "EDUCATIONAL";
  if (partnerKinds.length > 0 && partnerKinds.every((k) => k === "INE_OFFICE")) return "DECENTRALIZED";
  return "INSTITUTIONAL";
}

export const FOLLOW_UP_STATES = ["OPEN", "DONE", "CANCELLED"] as const satisfies readonly FollowUpState[];

export { normalizeTags };

/** An institution's own fields as stored: what the edit form fills in and the import compares. */
export type PartnerOwnFields = {
  name: string;
  acronym: string | null;
  kind: string;
  parentId: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  website: string | null;
  tags: string[];
  status: string;
  notes: string | null;
};

export const NAME_MAX = 200;
export const ACRONYM_MAX = 40;
export const PLACE_MAX = 120;
export const WEBSITE_MAX = 300;
export const NOTES_MAX = 5000;
export const TAGS_MAX = 30;

// ── Countries: stored as ISO 3166-1 alpha-2 codes, shown localised ─────────────────────────────

// One normaliser for every way in (decision 019): the partners use the contacts' and the kiosk's.
export { countryCodes, normalizeCountry, normalizeRegion } from "~/modules/geo";

// ── Kinds and statuses written in words (import) ───────────────────────────────────────────────

const KIND_WORDS: Record<string, PartnerKind> = {
  dependenciafederal: "FEDERAL_AGENCY",
  federal: "FEDERAL_AGENCY",
  federalagency: "FEDERAL_AGENCY",
  gobiernofederal: "FEDERAL_AGENCY",
  representacionenelexterior: "FOREIGN_SERVICE_POST",
  consulado: "FOREIGN_SERVICE_POST",
  embajada: "FOREIGN_SERVICE_POST",
  consulate: "FOREIGN_SERVICE_POST",
  embassy: "FOREIGN_SERVICE_POST",
  foreignservicepost: "FOREIGN_SERVICE_POST",
  embajadaoconsulado: "FOREIGN_SERVICE_POST",
  organismopublicolocal: "LOCAL_ELECTORAL_BODY",
  opl: "LOCAL_ELECTORAL_BODY",
  ople: "LOCAL_ELECTORAL_BODY",
  localelectoralbody: "LOCAL_ELECTORAL_BODY",
  organismoelectorallocal: "LOCAL_ELECTORAL_BODY",
  oficinadelaine: "INE_OFFICE",
  oficinaine: "INE_OFFICE",
  ine: "INE_OFFICE",
  juntalocal: "INE_OFFICE",
  juntalocalejecutiva: "INE_OFFICE",
  otraoficinadelaine: "INE_OFFICE",
  ineoffice: "INE_OFFICE",
  otherineoffice: "INE_OFFICE",
  universidad: "UNIVERSITY",
  university: "UNIVERSITY",
  instituciondeeducacionsuperior: "UNIVERSITY",
  organizaciondelasociedadcivil: "CIVIL_SOCIETY",
  osc: "CIVIL_SOCIETY",
  sociedadcivil: "CIVIL_SOCIETY",
  civilsociety: "CIVIL_SOCIETY",
  civilsocietyorganisation: "CIVIL_SOCIETY",
  civilsocietyorganization: "CIVIL_SOCIETY",
  ngo: "CIVIL_SOCIETY",
  ong: "CIVIL_SOCIETY",
  programainternacional: "INTERNATIONAL_PROGRAMME",
  internationalprogramme: "INTERNATIONAL_PROGRAMME",
  internationalprogram: "INTERNATIONAL_PROGRAMME",
  medio: "MEDIA",
  medios: "MEDIA",
  mediodecomunicacion: "MEDIA",
  media: "MEDIA",
  empresa: "PRIVATE_COMPANY",
  empresaprivada: "PRIVATE_COMPANY",
  privatecompany: "PRIVATE_COMPANY",
  company: "PRIVATE_COMPANY",
};
for (const kind of PARTNER_KINDS) KIND_WORDS[normalizeHeader(kind)] = kind;

const STATUS_WORDS: Record<string, PartnerStatus> = {
  activa: "ACTIVE",
  activo: "ACTIVE",
  active: "ACTIVE",
  prospecto: "PROSPECT",
  prospecta: "PROSPECT",
  prospect: "PROSPECT",
  inactiva: "INACTIVE",
  inactivo: "INACTIVE",
  inactive: "INACTIVE",
};

/** The kind from its code or a word in Spanish or English; labels are added by the caller. */
export function parseKind(value: string, labels: Readonly<Record<string, PartnerKind>> = {}): PartnerKind | null {
  const key = normalizeHeader(value);
  return KIND_WORDS[key] ?? labels[key] ?? null;
}

export function parseStatus(value: string): PartnerStatus | null {
  return STATUS_WORDS[normalizeHeader(value)] ?? null;
}

/** "ine.mx" → "https://ine.mx"; null when it cannot be a web address. */
export function normalizeWebsite(value: string | null | undefined): string | null | false {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    if (!url.hostname.includes(".")) return false;
    return withScheme.length > WEBSITE_MAX ? false : withScheme;
  } catch {
    return false;
  }
}

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────

/** Columns of an export, in this order; an export imports back as it is. */
export const PARTNER_CSV_COLUMNS = ["name", "acronym", "kind", "parent", "country", "state", "city", "website", "tags", "status", "notes"] as const;
export type PartnerCsvColumn = (typeof PARTNER_CSV_COLUMNS)[number];

export const PARTNER_CSV_HEADERS: Record<"es" | "en", Record<PartnerCsvColumn, string>> = {
  es: {
    name: "nombre",
    acronym: "siglas",
    kind: "tipo",
    parent: "institución superior",
    country: "país",
    state: "estado",
    city: "ciudad",
    website: "sitio web",
    tags: "etiquetas",
    status: "estatus",
    notes: "notas",
  },
  en: {
    name: "name",
    acronym: "acronym",
    kind: "kind",
    parent: "parent",
    country: "country",
    state: "state",
    city: "city",
    website: "website",
    tags: "tags",
    status: "status",
    notes: "notes",
  },
};

const HEADER_ALIASES: Record<PartnerCsvColumn, readonly string[]> = {
  name: ["nombre", "name", "institucion", "institution", "nombredelainstitucion", "organizacion", "organization"],
  acronym: ["siglas", "acronimo", "acronym", "abreviatura", "abbreviation"],
  kind: ["tipo", "kind", "type", "tipodeinstitucion", "category", "categoria"],
  parent: ["institucionsuperior", "superior", "parent", "dependede", "matriz", "parentinstitution", "depende"],
  country: ["pais", "country"],
  state: ["estado", "state", "entidad", "region", "provincia", "province"],
  city: ["ciudad", "city", "municipio", "localidad"],
  website: ["sitioweb", "website", "web", "url", "paginaweb", "sitio"],
  tags: ["etiquetas", "etiqueta", "tags", "tag"],
  status: ["estatus", "status", "situacion"],
  notes: ["notas", "nota", "notes", "observaciones", "comentarios", "comments"],
};

const COLUMN_BY_HEADER = new Map<string, PartnerCsvColumn>();
for (const column of PARTNER_CSV_COLUMNS) {
  for (const alias of HEADER_ALIASES[column]) COLUMN_BY_HEADER.set(alias, column);
  for (const lang of ["es", "en"] as const) COLUMN_BY_HEADER.set(normalizeHeader(PARTNER_CSV_HEADERS[lang][column]), column);
}

export function columnForHeader(header: string): PartnerCsvColumn | null {
  return COLUMN_BY_HEADER.get(normalizeHeader(header)) ?? null;
}

export function normalizePartnerTags(value: string | readonly string[] | null | undefined): string[] {
  return normalizeTags(value);
}

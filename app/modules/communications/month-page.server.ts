/**
 * The month page of communications: the figures of the owner areas the reader sees, the microsite
 * (staff only), the media log's counts, and the accounts whose month the reader may type.
 */
import { INTL_LOCALE } from "~/i18n";
import { countryChoices, countryName } from "~/modules/geo";
import { mayEdit, type CommunicationsAccess, seesArea } from "./access.server";
import { getMicrosite, listAccounts } from "./accounts.server";
import { communicationsFiguresForMonth } from "./figures.server";
import { CSV_IMPORT_MAX_BYTES } from "./import.server";
import { OWNER_AREAS } from "./shapes";

export async function communicationsMonthPage(access: CommunicationsAccess, month: string) {
  const figures = await communicationsFiguresForMonth(month);
  const areas = OWNER_AREAS.filter((a) => seesArea(access, a));
  const editArea = { VMRE_OFFICE: await mayEdit(access, month, "VMRE_OFFICE"), CNCS: await mayEdit(access, month, "CNCS") };
  const withFigures = new Map(areas.flatMap((a) => figures.areas[a].accounts.map((x) => [x.accountId, x] as const)));
  const editable = (await listAccounts())
    .filter((a) => areas.includes(a.ownerArea) && editArea[a.ownerArea] && (a.active || withFigures.has(a.id)))
    .map((a) => ({ ...a, current: withFigures.get(a.id) ?? null }));
  const seesMicrosite = access.kind === "staff";
  const editMicrosite = seesMicrosite && (await mayEdit(access, month, "MICROSITE"));
  const intl = INTL_LOCALE[access.user.locale];
  const microsite = seesMicrosite ? await getMicrosite(month) : null;
  return {
    month,
    areas: areas.map((a) => ({ area: a, ...figures.areas[a], edit: editArea[a] })),
    microsite: seesMicrosite ? { ...figures.microsite, topNames: (microsite?.topCountries ?? []).map((c) => countryName(c, intl)), stored: microsite } : null,
    editMicrosite,
    countries: editMicrosite ? countryChoices(intl) : [],
    media: figures.media,
    editable,
    maxMb: CSV_IMPORT_MAX_BYTES / 1024 / 1024,
  };
}

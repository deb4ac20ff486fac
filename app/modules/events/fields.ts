/** The event's vocabulary, shared by forms, lists, exports and the kiosk (no server code). */
import type { EventKind, EventStatus } from "~/generated/prisma/enums";

export const EVENT_KINDS = [
  "COMMUNITY_FESTIVAL",
  "INFO_BOOTH",
  "FORUM",
  "WORKSHOP",
  "VIRTUAL_WORKSHOP",
  "CONSULAR_VISIT",
  "OPERATION",
] as const satisfies readonly EventKind[];

export const EVENT_STATUSES = ["PLANNED", "CONFIRMED", "HELD", "CANCELLED"] as const satisfies readonly EventStatus[];

/** Countries offered first in the forms (ISO 3166-1 alpha-2; any other code may be typed). */
export const COMMON_COUNTRIES = [
  "MX", "US", "CA", "ES", "DE", "FR", "GB", "IT", "NL", "CH", "AT", "BE", "SE", "NO", "IE", "PT",
  "AR", "CL", "CO", "BR", "PE", "GT", "CR", "PA", "CU", "AU", "NZ", "JP", "CN", "KR", "IL", "AE",
] as const;

/** Zones offered first in the event form (any IANA zone may be typed). */
export const COMMON_TIME_ZONES = [
  "America/Mexico_City",
  "America/Tijuana",
  "America/Cancun",
  "America/Chicago",
  "America/Los_Angeles",
  "America/New_York",
  "America/Denver",
  "America/Phoenix",
  "America/Toronto",
  "America/Vancouver",
  "Europe/Madrid",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
] as const;

export const EVENT_NAME_MAX = 200;
export const EVENT_TEXT_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 5000;
export const HANDOUT_ITEM_MAX = 120;
export const MAX_HANDOUT_ROWS = 40;
export const MAX_COUNT = 100_000_000;

/** Where an event takes place and the zone its times are read in (lists, forms, the detail page). */
export type EventLocation = {
  timeZone: string;
  country: string | null;
  state: string | null;
  city: string | null;
  venue: string | null;
  onlineUrl: string | null;
};

import type { ParsedReport } from "../bounces.server";

/** One bounce or complaint read from a provider's event, with the provider's id for it. */
export type HookEvent = { eventId: string; report: ParsedReport; raw: string };

/** The outcome of reading a request: refused (401/400) or the events it carried (maybe none). */
export type HookRead = { ok: false; status: 400 | 401; reason: string } | { ok: true; events: HookEvent[]; ignored: number; note?: string };

/** Our delivery reference from the headers a provider echoes: X-Alcance-Delivery or our Message-ID `<d{delivery}.{bulletin}@…>`. */
export function deliveryReference(headers: { delivery?: string | null; messageId?: string | null }): { deliveryId: bigint | null; bulletinId: string | null } {
  const ref = headers.delivery ? /^([a-z0-9]+)\/(\d{1,19})$/.exec(headers.delivery.trim()) : null;
  if (ref) return { bulletinId: ref[1]!, deliveryId: BigInt(ref[2]!) };
  const id = headers.messageId ? /^<?d(\d{1,19})\.([a-z0-9]+)@/.exec(headers.messageId.trim()) : null;
  if (id) return { bulletinId: id[2]!, deliveryId: BigInt(id[1]!) };
  return { deliveryId: null, bulletinId: null };
}

export function address(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim().replace(/^.*<([^>]+)>.*$/, "$1").toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

export function text(value: unknown, max = 500): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() ? value.trim().slice(0, max) : null;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

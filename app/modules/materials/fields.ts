/** The materials area's fixed lists and limits (shared by the server, the forms and the tests). */
export const MATERIAL_KINDS = ["LEAFLET", "POSTER", "POSTCARD", "BOOKLET", "SAMPLE_ID_CARD", "BUTTON", "PENCIL", "DISPLAY", "OTHER"] as const;
export type MaterialKindValue = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_AUDIENCES = ["USA", "CANADA", "REST_OF_WORLD", "MEXICO", "ALL"] as const;

/** Locations staff create by hand (event locations are made for events; HANDED_OUT is fixed). */
export const LOCATION_KINDS = ["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE", "EVENT", "HANDED_OUT"] as const;
export const MANUAL_LOCATION_KINDS = ["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE"] as const;

export const MOVEMENT_KINDS = ["RECEIPT", "TRANSFER", "HANDOUT", "RETURN", "ADJUSTMENT", "LOSS", "REVERSAL"] as const;
export const SHIPMENT_STATUSES = ["REQUESTED", "PREPARED", "SHIPPED", "RECEIVED", "CANCELLED"] as const;
export type ShipmentStatusValue = (typeof SHIPMENT_STATUSES)[number];

/** The one location where everything handed out ends. */
export const HANDED_OUT_LOCATION_ID = "loc-handed-out";
export const eventLocationId = (eventId: string) => `loc-event-${eventId}`;

/**
 * The reason recorded when a hand-out draws on stock that never arrived through a shipment. Such
 * ADJUSTMENTs are recognised by the prefix (the data migration's text starts with it too).
 */
export const UNSHIPPED_REASON = "Sin envío registrado: entregado en el evento";
export const UNSHIPPED_PREFIX = "Sin envío registrado";

export const MAX_QUANTITY = 10_000_000;
export const MAX_LINES = 50;
export const NAME_MAX = 200;
export const TEXT_MAX = 500;

/** One ledger movement as the material and location pages list it (catalogue.server `listMovements`). */
export type MovementRow = {
  id: string;
  kind: string;
  materialId: string;
  materialName: string;
  fromLocationId: string | null;
  fromName: string | null;
  toLocationId: string | null;
  toName: string | null;
  quantity: number;
  occurredAt: Date;
  shipmentId: string | null;
  shipmentNumber: number | null;
  eventId: string | null;
  supplier: string | null;
  orderRef: string | null;
  reason: string | null;
  reversesId: string | null;
  reversedById: string | null;
  createdBy: string | null;
};

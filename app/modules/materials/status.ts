import type { ShipmentStatusValue } from "./fields";

/**
 * A shipment's life: requested → prepared → shipped → received, or cancelled before it ships
 * (shipping straight from requested is allowed: preparing is a courtesy step).
 */
export const TRANSITIONS: Record<ShipmentStatusValue, readonly ShipmentStatusValue[]> = {
  REQUESTED: ["PREPARED", "SHIPPED", "CANCELLED"],
  PREPARED: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["RECEIVED"],
  RECEIVED: [],
  CANCELLED: [],
};

export function canMove(from: ShipmentStatusValue, to: ShipmentStatusValue): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Lines can change only before the shipment ships. */
export function linesEditable(status: ShipmentStatusValue): boolean {
  return status === "REQUESTED" || status === "PREPARED";
}

/** The rules of the materials area, each with its translated message. */
export type MaterialErrorCode =
  | "notFound"
  | "locationNotFound"
  | "shipmentNotFound"
  | "movementNotFound"
  | "insufficientStock"
  | "alreadyReversed"
  | "notReversible"
  | "badTransition"
  | "linesLocked"
  | "sameLocation"
  | "codeTaken"
  | "inactive"
  | "receivedTooMuch"
  | "lossNoteRequired";

export class MaterialError extends Error {
  readonly messageKey: string;
  constructor(
    readonly code: MaterialErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`Materials rule: ${code}`);
    this.name = "MaterialError";
    this.messageKey = `materials.errors.${code}`;
  }
}

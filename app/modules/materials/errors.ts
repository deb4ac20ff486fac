/** The rules of the materials area, each with its translated message. */
import { DomainError, type ErrorParams } from "~/lib/errors";
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

export class MaterialError extends DomainError<MaterialErrorCode> {
  constructor(code: MaterialErrorCode, detail: ErrorParams = {}) {
    super({ code, params: detail, messageKey: `materials.errors.${code}` });
  }
  /** The rule's figures (stock on hand…): the same object as `params`. */
  get detail(): ErrorParams {
    return this.params;
  }
}

import { DomainError, type ErrorParams } from "~/lib/errors";
import type { MoveRefusal } from "./rules";

export type ContestErrorCode =
  | "notFound"
  | "submissionNotFound"
  | "datesOrder"
  | "rubricLocked"
  | "rubricInvalid"
  | "requirementInUse"
  | "adminOnly"
  | "partnerNotFound"
  | "partnerNotCivilSociety"
  | "personNotFound"
  | "orgNameTaken"
  | "notLate"
  | "alreadyAccepted"
  | "reviewClosed"
  | "correctionOpen"
  | "correctionNotFound"
  | "correctionClosed"
  | "itemsRequired"
  | "deadlinePast"
  | "folioTaken"
  | MoveRefusal;

/** A refused operation; messageKey is shown to the person, field says where. */
export class ContestError extends DomainError<ContestErrorCode> {
  constructor(code: ContestErrorCode, field = "_form", params: ErrorParams = {}, messageKey?: string) {
    super({ code, field, params, messageKey: messageKey ?? `contest.errors.${code}` });
  }
}
